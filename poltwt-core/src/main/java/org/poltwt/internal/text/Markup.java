package org.poltwt.internal.text;

/**
 * Text in and out of markup: the HTML entities X puts in a post's text, and escaping for the HTML
 * and XML poltwt writes (an archive page, a KML map). Internal: one definition for the reader, the
 * archive and the map.
 */
public final class Markup {
  private Markup() {}

  /**
   * The text as its author typed it: X escapes {@code &}, {@code <} and {@code >} in a post's
   * {@code text} as {@code &amp;}, {@code &lt;} and {@code &gt;}, and nothing else; every other
   * {@code &} is kept as written. One pass, so {@code &amp;lt;} gives {@code &lt;}.
   *
   * @param s the text as the API gives it
   * @return the text unescaped; the same instance when it holds no entity
   */
  public static String unescapeX(String s) {
    int first = s.indexOf('&');
    if (first < 0) {
      return s;
    }
    StringBuilder b = null;
    int last = 0;
    for (int i = first; i >= 0; i = s.indexOf('&', i + 1)) {
      char c;
      int len;
      if (s.startsWith("&amp;", i)) {
        c = '&';
        len = 5;
      } else if (s.startsWith("&lt;", i)) {
        c = '<';
        len = 4;
      } else if (s.startsWith("&gt;", i)) {
        c = '>';
        len = 4;
      } else {
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length());
      }
      b.append(s, last, i).append(c);
      last = i + len;
      i = last - 1;
    }
    return b == null ? s : b.append(s, last, s.length()).toString();
  }

  /**
   * Text made inert in HTML and XML content and in double- or single-quoted attributes. Characters
   * XML 1.0 cannot hold (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF) are dropped, so the
   * output is well-formed XML too.
   *
   * @param s any text
   * @return the escaped text; the same instance when nothing needed escaping
   */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      String entity;
      switch (cp) {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        case '\'':
          entity = "&#39;";
          break;
        default:
          entity = xmlChar(cp) ? null : "";
      }
      if (entity != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (entity != null) {
          b.append(entity);
        } else {
          b.appendCodePoint(cp);
        }
      }
      i = next;
    }
    return b == null ? s : b.toString();
  }

  private static boolean xmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || cp >= 0x10000;
  }
}
