package org.poltwt.examples.common;

/**
 * Reads and writes IP address literals without ever asking DNS ({@code InetAddress.getByName} would
 * resolve anything that is not a literal, and a header is a visitor's text): strict dotted IPv4 and
 * RFC 4291 IPv6 text, written back in the RFC 5952 form. An IPv4-mapped IPv6 address ({@code
 * ::ffff:192.0.2.1}) is read as the IPv4 address it carries, so that one visitor has one address
 * whichever way a socket or a proxy wrote it.
 */
final class IpLiteral {
  private IpLiteral() {}

  /**
   * Reads an address.
   *
   * @param text dotted IPv4 ({@code 192.0.2.1}, no leading zeros) or IPv6 ({@code 2001:db8::1}),
   *     without brackets, port or zone
   * @return 4 or 16 bytes, or null if the text is not such a literal
   */
  static byte[] parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    if (text.indexOf(':') < 0) {
      return parseV4(text);
    }
    byte[] v6 = parseV6(text);
    return v6 == null ? null : unmapped(v6);
  }

  /**
   * Writes an address: dotted IPv4, or IPv6 in lower case with its longest run of zero groups (two
   * or more) written {@code ::}.
   *
   * @param address 4 or 16 bytes
   * @return the text
   */
  static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff)
          + "."
          + (address[1] & 0xff)
          + "."
          + (address[2] & 0xff)
          + "."
          + (address[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder b = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLength - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(groups[i]));
    }
    return b.toString();
  }

  /** An IPv4-mapped address ({@code ::ffff:a.b.c.d}) as its IPv4 address; others unchanged. */
  static byte[] unmapped(byte[] v6) {
    if (v6.length != 16) {
      return v6;
    }
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return v6;
      }
    }
    if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
      return v6;
    }
    return new byte[] {v6[12], v6[13], v6[14], v6[15]};
  }

  private static byte[] parseV4(String text) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || part == 4) {
          return null;
        }
        out[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        // A leading zero would read as octal in some tools and decimal in others: refused.
        if (digits == 1 && value == 0) {
          return null;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (++digits > 3 || value > 255) {
          return null;
        }
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  private static byte[] parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int n = head.length + tail.length;
    if (gap < 0 ? n != 8 : n > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return out;
  }

  /**
   * The 16-bit groups of one side of an IPv6 literal; an IPv4 address may end the side that ends
   * the literal. An empty side has none.
   */
  private static int[] groups(String side, boolean endsLiteral) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] pieces = side.split(":", -1);
    int[] out = new int[pieces.length + 1];
    int n = 0;
    for (int i = 0; i < pieces.length; i++) {
      String p = pieces[i];
      if (p.indexOf('.') >= 0) {
        byte[] v4 = i == pieces.length - 1 && endsLiteral ? parseV4(p) : null;
        if (v4 == null) {
          return null;
        }
        out[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
        out[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int value = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = Character.digit(p.charAt(k), 16);
        // Character.digit also takes non-ASCII digits; a literal is ASCII.
        if (d < 0 || p.charAt(k) > 'f') {
          return null;
        }
        value = value << 4 | d;
      }
      out[n++] = value;
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
