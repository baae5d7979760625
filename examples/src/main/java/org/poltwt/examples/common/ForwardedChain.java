package org.poltwt.examples.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the chain of client addresses a {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For}
 * header names, left (the first client) to right (the latest proxy's client). Each reader returns
 * null for a header it cannot read whole: a chain partly read could name the wrong visitor.
 */
final class ForwardedChain {
  /**
   * A hop whose address is not given: {@code unknown}, an obfuscated identifier ({@code _hidden}),
   * or a {@code Forwarded} element without {@code for=}. Compared by identity.
   */
  static final byte[] UNKNOWN = new byte[0];

  /** More hops than any real chain has: such a header is not read. */
  private static final int MAX_HOPS = 64;

  private ForwardedChain() {}

  /**
   * Reads {@code X-Forwarded-For}: addresses separated by commas, IPv6 bare or in brackets, either
   * with an optional port.
   *
   * @param header the header, its lines joined by commas
   * @return the chain, or null if malformed
   */
  static List<byte[]> xForwardedFor(String header) {
    List<byte[]> chain = new ArrayList<>();
    for (String entry : header.split(",", -1)) {
      byte[] hop = node(entry.strip(), true);
      if (hop == null || chain.size() == MAX_HOPS) {
        return null;
      }
      chain.add(hop);
    }
    return chain;
  }

  /**
   * Reads {@code Forwarded}: elements separated by commas, each pairs separated by semicolons, each
   * pair {@code name=token} or {@code name="quoted string"}; the {@code for} pair names the hop.
   *
   * @param header the header, its lines joined by commas
   * @return the chain, or null if malformed
   */
  static List<byte[]> forwarded(String header) {
    List<byte[]> chain = new ArrayList<>();
    int i = 0;
    int n = header.length();
    byte[] hop = UNKNOWN;
    boolean pairSeen = false;
    while (true) {
      i = skipSpaces(header, i);
      int nameStart = i;
      while (i < n && isTokenChar(header.charAt(i))) {
        i++;
      }
      String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
      i = skipSpaces(header, i);
      if (!name.isEmpty()) {
        if (i >= n || header.charAt(i) != '=') {
          return null;
        }
        i = skipSpaces(header, i + 1);
        String value;
        if (i < n && header.charAt(i) == '"') {
          StringBuilder quoted = new StringBuilder();
          i++;
          while (i < n && header.charAt(i) != '"') {
            char c = header.charAt(i);
            if (c == '\\') {
              if (++i >= n) {
                return null;
              }
              c = header.charAt(i);
            }
            quoted.append(c);
            i++;
          }
          if (i >= n) {
            return null;
          }
          i++;
          value = quoted.toString();
        } else {
          int valueStart = i;
          while (i < n && isTokenChar(header.charAt(i))) {
            i++;
          }
          value = header.substring(valueStart, i);
          if (value.isEmpty()) {
            return null;
          }
        }
        if (name.equals("for")) {
          if (pairSeen) {
            // Two for= in one element: which one is the hop?
            return null;
          }
          pairSeen = true;
          hop = node(value, false);
          if (hop == null) {
            return null;
          }
        }
        i = skipSpaces(header, i);
      }
      char c = i < n ? header.charAt(i) : ',';
      if (c == ';' && i < n) {
        i++;
        continue;
      }
      if (c != ',') {
        return null;
      }
      if (chain.size() == MAX_HOPS) {
        return null;
      }
      chain.add(hop);
      hop = UNKNOWN;
      pairSeen = false;
      if (i >= n) {
        return chain;
      }
      i++;
    }
  }

  /**
   * One hop: an address (IPv4, optionally with {@code :port}; IPv6 in brackets, optionally with
   * {@code :port}; in {@code X-Forwarded-For} also bare IPv6), or {@code unknown}, or an obfuscated
   * identifier.
   */
  private static byte[] node(String text, boolean bareIpv6) {
    if (unnamed(text)) {
      return UNKNOWN;
    }
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = text.substring(1, close);
      if (host.indexOf(':') < 0) {
        return null;
      }
      String after = text.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return null;
        }
        port = after.substring(1);
      }
    } else {
      int colon = text.indexOf(':');
      if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      } else if (colon >= 0 && !bareIpv6) {
        return null;
      }
    }
    if (port != null
        && !(port.matches("[0-9]{1,5}") && Integer.parseInt(port) <= 65535)
        && !port.matches("_[A-Za-z0-9._-]+")) {
      return null;
    }
    return IpLiteral.parse(host);
  }

  /**
   * Whether a node names no address: {@code unknown}, or an RFC 7239 obfuscated name (an
   * underscore, then letters, digits, ".", "_" or "-"), either with or without a port.
   */
  private static boolean unnamed(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    return name.equalsIgnoreCase("unknown") || name.matches("_[A-Za-z0-9._-]+");
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** RFC 7230's tchar. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
