package org.poltwt.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.calendar.Fixtures.edition;
import static org.poltwt.calendar.Fixtures.invites;
import static org.poltwt.calendar.Fixtures.registration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;

/**
 * Writing invites makes no network call, even with ical4j's own settings, which fetch each zone's
 * definition from {@code www.tzurl.org} the first time ical4j resolves it.
 *
 * <p>The other tests run with {@code src/test/resources/ical4j.properties}, which turns those
 * fetches off and would hide them, so this one runs in a surefire execution of its own ({@code
 * ical4j-defaults} in the module's pom, by its tag): a JVM of its own, whose class path is a copy
 * of the test classes without that file, with {@code
 * net.fortuna.ical4j.timezone.update.enabled=true} as an application might set it. A {@link
 * ProxySelector} records every connection asked for and sends it to a closed port on this machine,
 * so nothing leaves it; ical4j takes the failed fetch for a network error and carries on, as it
 * would offline.
 */
@Tag("ical4j-defaults")
class NoTimeZoneLookupTest {
  private static final List<String> ZONES =
      List.of(
          "Europe/London",
          "America/New_York",
          "Asia/Kathmandu",
          "Australia/Lord_Howe",
          "Pacific/Chatham",
          "America/St_Johns",
          "Africa/Casablanca",
          "UTC");

  private final List<URI> asked = new CopyOnWriteArrayList<>();
  private ProxySelector before;

  @BeforeEach
  void recordConnections() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Proxy nowhere =
        new Proxy(
            Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort));
    before = ProxySelector.getDefault();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            // The JDK asks again for the socket to the proxy itself; that one is ours.
            if ("socket".equals(uri.getScheme()) && uri.getPort() == closedPort) {
              return List.of(Proxy.NO_PROXY);
            }
            asked.add(uri);
            return List.of(nowhere);
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Expected: the port is closed.
          }
        });
  }

  @AfterEach
  void restoreProxySelector() {
    ProxySelector.setDefault(before);
  }

  @Test
  void invitesAndCancellationsAskForNoConnection() {
    assertThat(NoTimeZoneLookupTest.class.getResource("/ical4j.properties"))
        .as("ical4j.properties must not be on this test's class path: run it with Maven")
        .isNull();
    assertThat(System.getProperty("net.fortuna.ical4j.timezone.update.enabled")).isEqualTo("true");

    for (LocalDate date : List.of(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 10, 25))) {
      Edition edition = edition(14, date);
      for (String id : ZONES) {
        Registration registration = registration(edition, ZoneId.of(id));
        assertThat(invites().invite(registration, edition, 1)).contains("TZID:" + id);
        assertThat(invites().cancellation(registration, edition, 2)).contains("TZID:" + id);
        assertThat(invites().attachments().invite(registration, edition, 3)).isPresent();
      }
      assertThat(invites().editionFeed(edition)).contains("DTSTART:");
    }

    assertThat(asked).as("connections asked for while writing invites").isEmpty();

    // The control: ical4j's own resolution of a zone not written above does ask for one, so the
    // recorder would have seen a look-up above.
    TimeZoneRegistry.getGlobalZoneId("Pacific/Auckland");
    assertThat(asked)
        .as("ical4j's own look-up of Pacific/Auckland")
        .anyMatch(uri -> "www.tzurl.org".equals(uri.getHost()));
  }
}
