package org.poltwt.examples.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trusted-proxy setting, {@value SiteConfig#TRUSTED_PROXIES}, and the chain it walks. */
class TrustedProxiesTest {
  private static final String PROXY = "10.0.0.1";
  private final TrustedProxies trusted =
      TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 ::1,fd00::/8");

  private String xff(String connection, String header) {
    return trusted.clientAddress(connection, List.of(), List.of(header));
  }

  private String forwarded(String connection, String... lines) {
    return trusted.clientAddress(connection, List.of(lines), List.of());
  }

  @Test
  void addressesAndNetworksOfBothFamiliesAreTrusted() {
    assertThat(trusted.trusts("10.255.1.2")).isTrue();
    assertThat(trusted.trusts("11.0.0.1")).isFalse();
    assertThat(trusted.trusts("192.168.1.5")).isTrue();
    assertThat(trusted.trusts("192.168.1.6")).isFalse();
    assertThat(trusted.trusts("[::1]")).isTrue();
    assertThat(trusted.trusts("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(trusted.trusts("::2")).isFalse();
    assertThat(trusted.trusts("fdab:1::9")).isTrue();
    assertThat(trusted.trusts("fe00::1")).isFalse();
    assertThat(trusted.trusts("::ffff:10.1.1.1")).as("IPv4-mapped").isTrue();
    assertThat(trusted.trusts("proxy.example")).isFalse();
    assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
    assertThat(trusted.entries()).containsExactly("10.0.0.0/8", "192.168.1.5", "::1", "fd00::/8");
    assertThat(TrustedProxies.parse("::ffff:10.0.0.0/104").trusts("10.9.9.9")).isTrue();
  }

  @Test
  void aBadEntryIsRefusedByNameAndSoIsTheSetting() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8,proxy.example"))
        .hasMessageContaining("\"proxy.example\" is not an IPv4 or IPv6 address or network");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("from 0 to 32");
    assertThatThrownBy(() -> TrustedProxies.parse("fd00::/129"))
        .hasMessageContaining("from 0 to 128");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/"))
        .hasMessageContaining("\"10.0.0.0/\"");
    assertThatThrownBy(() -> TrustedProxies.parse("192.168.1.5/24"))
        .hasMessageContaining("the network is 192.168.1.0/24");
    assertThatThrownBy(() -> TrustedProxies.parse("010.0.0.1"))
        .hasMessageContaining("\"010.0.0.1\"");
    assertThatThrownBy(
            () -> SiteConfig.fromEnvironment(Map.of(SiteConfig.TRUSTED_PROXIES, "::1, 1.2.3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("POLTWT_TRUSTED_PROXIES: \"1.2.3\"");
    assertThat(
            SiteConfig.fromEnvironment(Map.of(SiteConfig.TRUSTED_PROXIES, "10.0.0.0/8"))
                .build()
                .trustedProxies()
                .trusts("10.1.1.1"))
        .isTrue();
    assertThat(SiteConfig.builder().build().trustedProxies().isEmpty()).isTrue();
  }

  @Test
  void anUntrustedConnectionIsTheVisitorWhateverItsHeadersSay() {
    assertThat(xff("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(forwarded("203.0.113.9", "for=198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.none().clientAddress(PROXY, List.of(), List.of("198.51.100.1")))
        .isEqualTo(PROXY);
  }

  @Test
  void theChainIsWalkedFromTheRightPastTheTrustedProxies() {
    assertThat(xff(PROXY, "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(xff(PROXY, "203.0.113.66, 198.51.100.1, 10.0.0.2, 192.168.1.5"))
        .as("an address the visitor wrote himself is left of his own")
        .isEqualTo("198.51.100.1");
    assertThat(xff(PROXY, "10.0.0.3, 10.0.0.2"))
        .as("all trusted: the leftmost")
        .isEqualTo("10.0.0.3");
    assertThat(xff(PROXY, "[2001:DB8::1]:443")).isEqualTo("2001:db8::1");
    assertThat(xff(PROXY, "2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(xff(PROXY, "198.51.100.1:5555")).isEqualTo("198.51.100.1");
    assertThat(xff("[::1]", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(xff("0:0:0:0:0:0:0:1", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(trusted.clientAddress(PROXY, List.of(), List.of("198.51.100.1", "10.0.0.2")))
        .as("header lines in order")
        .isEqualTo("198.51.100.1");
  }

  @Test
  void forwardedIsReadAsRfc7239WritesIt() {
    assertThat(forwarded(PROXY, "for=\"_gazonk\"")).as("obfuscated").isEqualTo(PROXY);
    assertThat(forwarded(PROXY, "For=\"[2001:db8:cafe::17]:4711\"")).isEqualTo("2001:db8:cafe::17");
    assertThat(forwarded(PROXY, "for=192.0.2.60;proto=http;by=203.0.113.43"))
        .isEqualTo("192.0.2.60");
    assertThat(forwarded(PROXY, "for=192.0.2.43, for=198.51.100.17")).isEqualTo("198.51.100.17");
    assertThat(forwarded(PROXY, "for=192.0.2.43, for=10.0.0.17")).isEqualTo("192.0.2.43");
    assertThat(forwarded(PROXY, "for=192.0.2.43", "for=10.0.0.17;proto=https"))
        .isEqualTo("192.0.2.43");
    assertThat(forwarded(PROXY, "for=\"192.0.2.43:8080\" ; host=example.org"))
        .isEqualTo("192.0.2.43");
    assertThat(forwarded(PROXY, "for=\"\\[2001:db8::5\\]\""))
        .as("quoted pairs")
        .isEqualTo("2001:db8::5");
    assertThat(forwarded(PROXY, "for=192.0.2.1, for=unknown, for=10.0.0.9"))
        .as("an unknown hop: the nearest proxy that named it")
        .isEqualTo("10.0.0.9");
    assertThat(forwarded(PROXY, "proto=https")).as("no for=").isEqualTo(PROXY);
  }

  @Test
  void aMalformedHeaderIsNotBelieved() {
    for (String header :
        List.of(
            "proxy.example",
            "198.51.100.1,,198.51.100.2",
            "198.51.100.1 198.51.100.2",
            "256.1.1.1",
            "1.2.3",
            "[2001:db8::1",
            "2001:db8::1::2",
            "198.51.100.1:http",
            "")) {
      assertThat(xff(PROXY, header)).as(header).isEqualTo(PROXY);
    }
    for (String header :
        List.of(
            "for=2001:db8::1",
            "for=[2001:db8::1]",
            "for=\"[2001:db8::1",
            "for=\"198.51.100.1",
            "for",
            "for=",
            "for=198.51.100.1;for=198.51.100.2",
            "for=198.51.100.1 for=198.51.100.2",
            "for=\"198.51.100.1:99999\"")) {
      assertThat(forwarded(PROXY, header)).as(header).isEqualTo(PROXY);
    }
  }

  @Test
  void twoHeadersAreBelievedOnlyWhenTheyAgree() {
    assertThat(
            trusted.clientAddress(
                PROXY,
                List.of("for=198.51.100.1, for=10.0.0.2"),
                List.of("198.51.100.1, 10.0.0.2")))
        .isEqualTo("198.51.100.1");
    assertThat(trusted.clientAddress(PROXY, List.of("for=203.0.113.66"), List.of("198.51.100.1")))
        .as("the proxy wrote one of them, the visitor the other")
        .isEqualTo(PROXY);
  }

  @Test
  void theConnectionsOwnAddressIsWrittenCanonically() {
    assertThat(TrustedProxies.none().clientAddress("[0:0:0:0:0:0:0:1]", List.of(), List.of()))
        .isEqualTo("::1");
    assertThat(TrustedProxies.none().clientAddress("fe80::1%eth0", List.of(), List.of()))
        .isEqualTo("fe80::1");
    assertThat(TrustedProxies.none().clientAddress("::ffff:192.0.2.7", List.of(), List.of()))
        .isEqualTo("192.0.2.7");
  }
}
