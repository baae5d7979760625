package org.poltwt.examples.common;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reverse proxies whose word the site takes for a visitor's address: addresses and networks
 * ({@code 10.0.0.0/8}, {@code 192.168.1.5}, {@code ::1}, {@code fd00::/8}) whose {@code Forwarded}
 * (RFC 7239) or {@code X-Forwarded-For} headers are believed.
 *
 * <p>{@link #clientAddress} walks the chain of addresses back from the connection: a connection
 * from an address not listed is the visitor, whatever its headers say; from a listed proxy, the
 * header's addresses are read right to left, each listed one skipped, and the first one not listed
 * is the visitor. Only the proxies listed can add to the chain, so a visitor who writes the header
 * himself only adds addresses to its left, which are never reached.
 */
public final class TrustedProxies {
  private static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** A network: its first address and how many leading bits every address in it shares. */
  private static final class Network {
    final byte[] base;
    final int bits;
    final String text;

    Network(byte[] base, int bits, String text) {
      this.base = base;
      this.bits = bits;
      this.text = text;
    }

    boolean contains(byte[] address) {
      if (address.length != base.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != base[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[whole] & mask) == (base[whole] & mask);
    }
  }

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /**
   * No proxy trusted: every connection's own address is its visitor's.
   *
   * @return the empty list
   */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Reads a list of addresses and networks.
   *
   * @param list entries separated by commas or spaces: IPv4 or IPv6 addresses, or networks in CIDR
   *     notation ({@code 10.0.0.0/8}, {@code fd00::/8}) with no bits set after the prefix; blank
   *     for none
   * @return the proxies
   * @throws IllegalArgumentException naming the first bad entry and why
   */
  public static TrustedProxies parse(String list) {
    requireNonNull(list, "list");
    List<Network> networks = new ArrayList<>();
    for (String entry : list.strip().split("[\\s,]+")) {
      if (!entry.isEmpty()) {
        networks.add(network(entry));
      }
    }
    return networks.isEmpty() ? NONE : new TrustedProxies(networks);
  }

  private static Network network(String entry) {
    int slash = entry.indexOf('/');
    String literal = slash < 0 ? entry : entry.substring(0, slash);
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    byte[] parsed = IpLiteral.parse(literal);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "\"" + entry + "\" is not an IPv4 or IPv6 address or network");
    }
    // A mapped address is read as IPv4, so its prefix counts IPv4 bits from here on.
    int offset = parsed.length == 4 && literal.indexOf(':') >= 0 ? 96 : 0;
    int max = parsed.length * 8 + offset;
    int bits = max;
    if (slash >= 0) {
      String prefix = entry.substring(slash + 1);
      if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > max) {
        throw new IllegalArgumentException(
            "\"" + entry + "\": the prefix after / must be a number from 0 to " + max);
      }
      bits = Integer.parseInt(prefix);
    }
    if (bits < offset) {
      throw new IllegalArgumentException(
          "\"" + entry + "\": a prefix this short reaches beyond the IPv4-mapped addresses");
    }
    bits -= offset;
    Network n = new Network(parsed, bits, entry);
    byte[] masked = masked(parsed, bits);
    if (!Arrays.equals(masked, parsed)) {
      throw new IllegalArgumentException(
          "\""
              + entry
              + "\" has bits set after its prefix; the network is "
              + IpLiteral.format(masked)
              + "/"
              + (bits + offset));
    }
    return n;
  }

  private static byte[] masked(byte[] address, int bits) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - 8 * i));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  /**
   * Whether an address is one of the trusted proxies.
   *
   * @param address an address literal; IPv6 with or without brackets
   * @return true if a listed address or network holds it; false for anything else
   */
  public boolean trusts(String address) {
    byte[] a = literal(address);
    return a != null && trusts(a);
  }

  private boolean trusts(byte[] address) {
    for (Network n : networks) {
      if (n.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the list is empty.
   *
   * @return true when no proxy is trusted
   */
  public boolean isEmpty() {
    return networks.isEmpty();
  }

  /**
   * Finds the visitor's address: the connection's own, unless the connection comes from a trusted
   * proxy, whose header is then walked from its right end, past the trusted proxies, to the first
   * address that is not one.
   *
   * <p>{@code Forwarded} and {@code X-Forwarded-For} may both be present, each over several lines.
   * A malformed header (a host name, a broken quoted string, an empty entry) is not believed at
   * all, and neither are both headers when they name different chains: a proxy that writes one of
   * them leaves the other as the visitor sent it. An {@code unknown} or obfuscated node ({@code
   * for=_hidden}) stops the walk: the visitor is then the address of the nearest trusted proxy that
   * named it so. When every address is trusted, the leftmost is the visitor.
   *
   * @param connection the connection's address, as the server reports it (IPv6 with or without
   *     brackets or a zone)
   * @param forwarded the {@code Forwarded} header's lines, in order; empty if none
   * @param xForwardedFor the {@code X-Forwarded-For} header's lines, in order; empty if none
   * @return the visitor's address in canonical form (IPv6 in RFC 5952 form, without brackets); the
   *     connection's text, stripped of brackets and zone, if it is no literal
   */
  public String clientAddress(
      String connection, List<String> forwarded, List<String> xForwardedFor) {
    requireNonNull(forwarded, "forwarded");
    requireNonNull(xForwardedFor, "xForwardedFor");
    byte[] conn = literal(connection);
    if (conn == null) {
      return connection == null ? "" : bare(connection);
    }
    if (!trusts(conn) || (forwarded.isEmpty() && xForwardedFor.isEmpty())) {
      return IpLiteral.format(conn);
    }
    List<byte[]> chain;
    if (forwarded.isEmpty()) {
      chain = ForwardedChain.xForwardedFor(String.join(",", xForwardedFor));
    } else {
      chain = ForwardedChain.forwarded(String.join(",", forwarded));
      if (chain != null && !xForwardedFor.isEmpty()) {
        List<byte[]> other = ForwardedChain.xForwardedFor(String.join(",", xForwardedFor));
        if (other == null || !sameChain(chain, other)) {
          chain = null;
        }
      }
    }
    if (chain == null) {
      return IpLiteral.format(conn);
    }
    byte[] nearest = conn;
    for (int i = chain.size() - 1; i >= 0; i--) {
      byte[] hop = chain.get(i);
      if (hop == ForwardedChain.UNKNOWN) {
        break;
      }
      nearest = hop;
      if (!trusts(hop)) {
        break;
      }
    }
    return IpLiteral.format(nearest);
  }

  private static boolean sameChain(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A connection's address: brackets and an IPv6 zone ({@code %eth0}) dropped. */
  private static byte[] literal(String address) {
    return address == null ? null : IpLiteral.parse(bare(address));
  }

  private static String bare(String address) {
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    return (zone < 0 ? a : a.substring(0, zone)).toLowerCase(Locale.ROOT);
  }

  /**
   * The entries as they were given.
   *
   * @return for example {@code [10.0.0.0/8, ::1]}; empty when none is trusted
   */
  public List<String> entries() {
    List<String> texts = new ArrayList<>();
    networks.forEach(n -> texts.add(n.text));
    return List.copyOf(texts);
  }

  /**
   * Lists the entries as they were given.
   *
   * @return for example "TrustedProxies[10.0.0.0/8, ::1]"
   */
  @Override
  public String toString() {
    return "TrustedProxies" + entries();
  }
}
