package org.poltwt.examples.site;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import java.util.Set;

/**
 * The templates' output: jte's own HTML output, which knows where in the markup each value goes,
 * with one change. In text and in ordinary attribute values it escapes all five of {@code < > & "
 * '}, as the site always has, where jte leaves {@code >} in attributes and quotes in text as they
 * are: both are safe, but the stricter form keeps every page byte for byte what visitors and the
 * tests have seen, and needs no reasoning about which character is harmless where. Values in
 * scripts, styles, event-handler and URL attributes keep jte's handling (which also refuses {@code
 * javascript:} links).
 */
final class SiteOutput extends OwaspHtmlTemplateOutput {
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "srcset",
          "poster",
          "background",
          "cite",
          "data",
          "xlink:href");

  private final TemplateOutput out;
  private String tag;
  private String attribute;

  SiteOutput(TemplateOutput out) {
    super(out);
    this.out = out;
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    this.tag = tagName;
    this.attribute = attributeName;
    super.setContext(tagName, attributeName);
  }

  @Override
  public void writeUserContent(String value) {
    if (value == null) {
      return;
    }
    if (plain()) {
      out.writeContent(escape(value));
    } else {
      super.writeUserContent(value);
    }
  }

  private boolean plain() {
    if ("script".equals(tag) || "style".equals(tag)) {
      return false;
    }
    return attribute == null || !attribute.startsWith("on") && !URL_ATTRIBUTES.contains(attribute);
  }

  /** Escapes text for HTML text and for a quoted attribute value alike. */
  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e;
      switch (c) {
        case '<':
          e = "&lt;";
          break;
        case '>':
          e = "&gt;";
          break;
        case '&':
          e = "&amp;";
          break;
        case '"':
          e = "&quot;";
          break;
        case '\'':
          e = "&#39;";
          break;
        default:
          e = null;
      }
      if (e != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (e != null) {
          b.append(e);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
