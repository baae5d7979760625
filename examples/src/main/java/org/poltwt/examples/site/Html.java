package org.poltwt.examples.site;

import java.util.regex.Pattern;

/**
 * A small HTML builder that escapes everything it is given except tag and attribute names, which
 * must be code constants. There is no way to append unescaped text from a {@code String}: markup
 * only comes from other {@code Html} values, so an agency called {@code <script>} stays text.
 */
final class Html {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final StringBuilder b = new StringBuilder(256);

  static Html of() {
    return new Html();
  }

  /** Appends text, escaped. Null appends nothing. */
  Html text(Object text) {
    if (text != null) {
      escape(String.valueOf(text), b);
    }
    return this;
  }

  /** Opens a tag; attributes come in name/value pairs, a null value leaves the attribute out. */
  Html open(String tag, String... attributes) {
    name(tag);
    b.append('<').append(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes: name/value pairs expected");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      String value = attributes[i + 1];
      if (value == null) {
        continue;
      }
      b.append(' ').append(name(attributes[i]));
      if (!value.isEmpty() || !isBoolean(attributes[i])) {
        b.append("=\"");
        escape(value, b);
        b.append('"');
      }
    }
    b.append('>');
    return this;
  }

  Html close(String tag) {
    b.append("</").append(name(tag)).append('>');
    return this;
  }

  /** A whole element with text content. */
  Html tag(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** A whole element whose content is other markup. */
  Html tag(String tag, Html content, String... attributes) {
    return open(tag, attributes).add(content).close(tag);
  }

  Html add(Html other) {
    if (other != null) {
      b.append(other.b);
    }
    return this;
  }

  /** Appends a newline, for readable source. */
  Html nl() {
    b.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(s, out);
    return out.toString();
  }

  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
  }

  private static boolean isBoolean(String attribute) {
    switch (attribute) {
      case "selected":
      case "checked":
      case "required":
      case "disabled":
      case "readonly":
      case "hidden":
      case "novalidate":
      case "defer":
      case "autofocus":
        return true;
      default:
        return false;
    }
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + name);
    }
    return name;
  }
}
