package org.poltwt.examples.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class TrustedProxiesProperties {
  @Provide
  Arbitrary<byte[]> addresses() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofSize(4),
        Arbitraries.bytes().array(byte[].class).ofSize(16));
  }

  @Property(tries = 1000)
  void anAddressWrittenReadsBackAsTheJdkReadsIt(@ForAll("addresses") byte[] address)
      throws UnknownHostException {
    String text = IpLiteral.format(address);
    byte[] read = IpLiteral.parse(text);

    // The JDK reads an IPv4-mapped IPv6 address as IPv4 too.
    assertThat(read).isEqualTo(InetAddress.getByAddress(address).getAddress());
    assertThat(InetAddress.getByName(text).getAddress()).isEqualTo(read);
  }

  @Property(tries = 1000)
  void everyWayOfWritingAnIpv6AddressReadsTheSame(
      @ForAll("addresses") byte[] address, @ForAll boolean upper, @ForAll boolean padded)
      throws UnknownHostException {
    Assume.that(address.length == 16);
    StringJoiner full = new StringJoiner(":");
    for (int i = 0; i < 16; i += 2) {
      int group = (address[i] & 0xff) << 8 | (address[i + 1] & 0xff);
      full.add(padded ? String.format("%04x", group) : Integer.toHexString(group));
    }
    String text = upper ? full.toString().toUpperCase(Locale.ROOT) : full.toString();

    assertThat(IpLiteral.parse(text)).isEqualTo(InetAddress.getByName(text).getAddress());
  }

  @Property(tries = 1000)
  void aNetworkHoldsExactlyTheAddressesThatShareItsPrefix(
      @ForAll("addresses") byte[] base,
      @ForAll @IntRange(min = 0, max = 128) int prefix,
      @ForAll @IntRange(min = 0, max = 127) int flipped) {
    int bits = base.length * 8;
    Assume.that(prefix <= bits && flipped < bits);
    Assume.that(IpLiteral.unmapped(base).length == base.length);
    byte[] network = base.clone();
    for (int i = prefix; i < bits; i++) {
      network[i / 8] &= (byte) ~(0x80 >>> (i % 8));
    }
    Assume.that(IpLiteral.unmapped(network).length == network.length);
    TrustedProxies trusted = TrustedProxies.parse(IpLiteral.format(network) + "/" + prefix);
    byte[] other = base.clone();
    other[flipped / 8] ^= (byte) (0x80 >>> (flipped % 8));
    Assume.that(IpLiteral.unmapped(other).length == other.length);

    assertThat(trusted.trusts(IpLiteral.format(base))).isTrue();
    assertThat(trusted.trusts(IpLiteral.format(other)))
        .as("bit %d changed, prefix %d", flipped, prefix)
        .isEqualTo(flipped >= prefix);
  }

  /** One hop of a chain: its address and whether it is a trusted proxy. */
  record Hop(byte[] address, boolean trusted, int port) {}

  @Provide
  Arbitrary<List<Hop>> chains() {
    Arbitrary<Hop> hop =
        Combinators.combine(
                addresses().filter(a -> IpLiteral.unmapped(a).length == a.length),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 65535))
            .as(Hop::new);
    // Distinct addresses, so that a trusted hop's address is not also an untrusted one's.
    return hop.list().ofMinSize(1).ofMaxSize(8).uniqueElements(h -> IpLiteral.format(h.address()));
  }

  @Property(tries = 1000)
  void theVisitorIsTheFirstUntrustedAddressFromTheRight(
      @ForAll("chains") List<Hop> hopsAndConnection, @ForAll boolean bothHeaders) {
    List<Hop> hops = hopsAndConnection.subList(0, hopsAndConnection.size() - 1);
    Hop connection = hopsAndConnection.get(hopsAndConnection.size() - 1);
    Set<String> entries = new HashSet<>();
    for (Hop h : hopsAndConnection) {
      if (h.trusted()) {
        entries.add(IpLiteral.format(h.address()));
      }
    }
    TrustedProxies trusted = TrustedProxies.parse(String.join(",", entries));
    List<String> xff = new ArrayList<>();
    List<String> forwarded = new ArrayList<>();
    for (Hop h : hops) {
      String a = IpLiteral.format(h.address());
      boolean v6 = h.address().length == 16;
      xff.add(h.port() % 3 == 0 ? (v6 ? "[" + a + "]" : a) + ":" + h.port() : a);
      String node = v6 ? "[" + a + "]" : a;
      forwarded.add(
          h.port() % 2 == 0
              ? "for=\"" + node + ":" + h.port() + "\";proto=https"
              : v6 ? "For=\"" + node + "\"" : "for=" + node);
    }
    String expected = IpLiteral.format(connection.address());
    if (connection.trusted()) {
      for (int i = hops.size() - 1; i >= 0; i--) {
        expected = IpLiteral.format(hops.get(i).address());
        if (!hops.get(i).trusted()) {
          break;
        }
      }
    }
    String conn = IpLiteral.format(connection.address());
    List<String> xffLine = hops.isEmpty() ? List.of() : List.of(String.join(", ", xff));
    List<String> fwdLine = hops.isEmpty() ? List.of() : List.of(String.join(", ", forwarded));

    assertThat(trusted.clientAddress(conn, List.of(), xffLine)).isEqualTo(expected);
    assertThat(trusted.clientAddress(conn, bothHeaders ? fwdLine : forwarded, List.of()))
        .isEqualTo(expected);
    if (bothHeaders) {
      assertThat(trusted.clientAddress(conn, fwdLine, xffLine)).isEqualTo(expected);
    }
  }

  @Property(tries = 2000)
  void anyHeaderGivesAnAddressOfTheChainOrTheConnection(
      @ForAll("chains") List<Hop> hops,
      @ForAll @StringLength(max = 40) String noise,
      @ForAll @IntRange(min = 0, max = 200) int cut) {
    TrustedProxies trusted = TrustedProxies.parse("0.0.0.0/0, ::/0");
    List<String> parts = new ArrayList<>();
    for (Hop h : hops) {
      String a = IpLiteral.format(h.address());
      parts.add(h.address().length == 16 ? "for=\"[" + a + "]\"" : "for=" + a);
    }
    String header = String.join(", ", parts);
    // A header cut anywhere, with anything spliced in: mostly malformed.
    int at = Math.min(cut, header.length());
    String mangled = header.substring(0, at) + noise + header.substring(at);
    Set<String> allowed = new HashSet<>();
    hops.forEach(h -> allowed.add(IpLiteral.format(h.address())));
    allowed.add("192.0.2.1");

    String found = trusted.clientAddress("192.0.2.1", List.of(mangled), List.of());

    assertThat(IpLiteral.parse(found)).isNotNull();
    assertThat(trusted.clientAddress("192.0.2.1", List.of(), List.of(mangled))).isNotNull();
    if (noise.chars().noneMatch(c -> c == ',' || Character.isLetterOrDigit(c) || c == ':')) {
      assertThat(allowed).contains(found);
    }
  }
}
