package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.common.LiveOptions;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * The public wrap-up the live board links to after its edition ({@code /live/wrapup}): open to
 * anyone, built from the tweets in the store, in the visitor's language, and showing nothing of a
 * registration but its public handle.
 */
class SiteLiveWrapUpTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void beforeTheEditionIsOverTheWrapUpSendsVisitorsToTheBoard() {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site = TestSite.start(clock, 1000)) {
      site.site.live().feed.tick();
      WebClient.Response r = site.client().get("/live/wrapup");
      assertThat(r.status()).isEqualTo(303);
      assertThat(r.header("Location")).isEqualTo("/live");
    }
  }

  @Test
  void afterTheEditionAnyoneSeesItsTotalsAndNoRegistrationsPersonalData() {
    MutableClock clock = new MutableClock(NOW);
    try (TestSite site =
        TestSite.start(
            clock, 1000, b -> b.live(LiveOptions.defaults().withDemoReplay(true).withSpeed(600)))) {
      LivePages live = site.site.live();
      Replay replay = live.replay.orElseThrow();
      int all = replay.remaining();
      clock.advance(Duration.ofMinutes(10));
      replay.playDue();
      live.feed.tick();

      String board = site.client().get("/live").body();
      assertThat(board).contains("href=\"/live/wrapup\"").doesNotContain("/organiser/wrapup");

      WebClient.Response r = site.client().get("/live/wrapup");
      assertThat(r.status()).isEqualTo(200);
      String page = r.body();
      assertThat(page)
          .contains(": the wrap-up</h1>")
          .contains("<td class=\"n\">" + String.format(Locale.ROOT, "%,d", all) + "</td>")
          .contains("The busiest accounts")
          .contains("href=\"/live\"");
      assertThat(page).containsPattern(">@[A-Za-z0-9_]+<");

      int edition = live.feed.current().orElseThrow().edition();
      List<Registration> registrations =
          site.site.stores().registrations().list(RegistrationQuery.of(edition), 0, 10_000);
      assertThat(registrations).isNotEmpty();
      for (Registration reg : registrations) {
        assertThat(page).doesNotContain(reg.email());
        assertThat(page).doesNotContain(escaped(reg.agencyName()));
        reg.officerName().ifPresent(n -> assertThat(page).doesNotContain(escaped(n)));
        reg.address().ifPresent(a -> assertThat(page).doesNotContain(escaped(a.street())));
      }

      // Posts by accounts that are not registered count, but the board does not show them
      // (POLTWT_LIVE_SHOW_UNREGISTERED is off), and neither does the wrap-up name them.
      Set<String> registered =
          registrations.stream()
              .map(reg -> reg.handle().value().toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet());
      assertThat(
              site.site.stores().tweets().listAfterId(edition, Optional.empty(), 100_000).stream()
                  .flatMap(t -> t.authorHandle().stream())
                  .map(h -> h.value().toLowerCase(Locale.ROOT)))
          .as("the demo edition has posts by unregistered accounts")
          .anyMatch(h -> !registered.contains(h));
      // The busiest account of all is not registered.
      Instant during = live.feed.current().orElseThrow().state().span().start().plusSeconds(60);
      for (int i = 0; i < 200; i++) {
        site.site
            .stores()
            .tweets()
            .upsert(
                edition,
                Tweet.of(
                    String.valueOf(1_100_000_000_000_000_000L + i),
                    "4242",
                    TwitterHandle.of("NotSignedUp"),
                    "Watching #PolTwt",
                    during));
      }
      String withIt = site.client().get("/live/wrapup").body();
      assertThat(withIt)
          .contains("<td class=\"n\">" + String.format(Locale.ROOT, "%,d", all + 200) + "</td>")
          .doesNotContain("NotSignedUp");
      Matcher named = Pattern.compile(">@([A-Za-z0-9_]+)<").matcher(withIt);
      while (named.find()) {
        assertThat(registered).contains(named.group(1).toLowerCase(Locale.ROOT));
      }

      // A harvest after the edition stores a post older than any the board read: the wrap-up
      // counts it, although the board's largest id did not move.
      site.site
          .stores()
          .tweets()
          .upsert(edition, Tweet.of("1000000000000000001", "77", null, "Late #PolTwt", during));
      live.feed.tick();
      assertThat(site.client().get("/live/wrapup").body())
          .contains("<td class=\"n\">" + String.format(Locale.ROOT, "%,d", all + 201) + "</td>");

      String german = site.client().get("/live/wrapup", Map.of("Accept-Language", "de")).body();
      assertThat(german).contains("<html lang=\"de\"").contains("Zurück zur Live-Übersicht");
    }
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&#34;")
        .replace("'", "&#39;");
  }
}
