package org.poltwt.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetLookup;
import org.poltwt.spi.memory.InMemoryTweetStore;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetReader;

class AgencyArchiveTest {
  private static final Edition EDITION = Editions.scheduled(5);
  private static final TwitterHandle HANDLE = TwitterHandle.of("PoliciaMadrid");
  private static final Instant CAPTURED = Instant.parse("2026-06-08T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(CAPTURED, ZoneOffset.UTC);

  private static Tweet post(long n, String text) {
    return Tweet.of(
        Long.toString(1_800_000_000_000_000_000L + n),
        "42",
        HANDLE,
        text,
        Instant.parse("2026-06-05T08:00:00Z").plusSeconds(n * 60));
  }

  private static Tweet version(Tweet t, String... history) {
    return Tweet.builder()
        .id(t.id())
        .authorId(t.authorId())
        .authorHandle(HANDLE)
        .text(t.text())
        .createdAt(t.createdAt())
        .editHistory(List.of(history))
        .build();
  }

  private static String html(AgencyArchive a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.writeHtml(out);
    return out.toString(UTF_8);
  }

  private static String jsonl(AgencyArchive a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.writeJsonLines(out);
    return out.toString(UTF_8);
  }

  /** A lookup that returns the given posts and records every call's ids. */
  private static final class Lookup implements TweetLookup {
    final Map<String, Tweet> answers = new LinkedHashMap<>();
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public Map<String, Tweet> lookup(Collection<String> ids) {
      calls.add(List.copyOf(ids));
      Map<String, Tweet> found = new LinkedHashMap<>();
      for (String id : ids) {
        if (answers.containsKey(id)) {
          found.put(id, answers.get(id));
        }
      }
      return found;
    }
  }

  @Test
  void checkedArchiveMarksEditedAndMissingPostsAndCallsTheRestCurrent() {
    Tweet kept = post(1, "Morning patrol #PolTwt");
    Tweet edited = post(2, "Typo in this one #PolTwt");
    Tweet gone = post(3, "Deleted later #PolTwt");
    Lookup lookup = new Lookup();
    lookup.answers.put(kept.id(), kept);
    lookup.answers.put(edited.id(), version(edited, edited.id(), "1800000000000000999"));

    AgencyArchive a =
        AgencyArchive.checked(EDITION, HANDLE, List.of(gone, edited, kept), lookup, CLOCK);

    assertThat(a.statusChecked()).isTrue();
    assertThat(a.capturedAt()).isEqualTo(CAPTURED);
    assertThat(a.posts())
        .extracting(p -> p.tweet().id(), ArchivedPost::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(kept.id(), PostStatus.CURRENT),
            org.assertj.core.groups.Tuple.tuple(edited.id(), PostStatus.EDITED_LATER),
            org.assertj.core.groups.Tuple.tuple(gone.id(), PostStatus.NO_LONGER_RETURNED));
    assertThat(a.posts().get(1).latestVersionId()).contains("1800000000000000999");
    assertThat(lookup.calls).hasSize(1);
  }

  @Test
  void aPostThatIsItselfTheLatestOfSeveralVersionsIsCurrent() {
    Tweet latest = post(2, "Fixed #PolTwt");
    Lookup lookup = new Lookup();
    lookup.answers.put(latest.id(), version(latest, "1800000000000000001", latest.id()));

    AgencyArchive a = AgencyArchive.checked(EDITION, HANDLE, List.of(latest), lookup, CLOCK);

    assertThat(a.posts().get(0).status()).isEqualTo(PostStatus.CURRENT);
  }

  @Test
  void uncheckedArchiveNeverCallsAPostCurrentAndSaysSo() {
    AgencyArchive a = AgencyArchive.unchecked(EDITION, HANDLE, List.of(post(1, "#PolTwt")), CLOCK);

    assertThat(a.statusChecked()).isFalse();
    assertThat(a.posts()).extracting(ArchivedPost::status).containsOnly(PostStatus.NOT_CHECKED);
    assertThat(html(a)).contains("was not checked against the X API").doesNotContain(">Current<");
    assertThat(jsonl(a)).contains("\"status\":\"not_checked\"");
  }

  @Test
  void htmlEscapesEveryTextAndHasNoScriptOrExternalResource() {
    Tweet hostile =
        post(1, "<script>alert(1)</script> \"quoted\" & 'single' &lt;b&gt; #PolTwt #Tag<i>");
    AgencyArchive a = AgencyArchive.unchecked(EDITION, HANDLE, List.of(hostile), CLOCK);

    String page = html(a);

    assertThat(page)
        .doesNotContain("<script")
        .doesNotContain("<b>")
        .doesNotContain("<i>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;")
        .contains("#PolTwt")
        .contains("@media print")
        .contains("2026-06-08T09:30:00Z")
        .contains("2026-06-05T08:01:00Z")
        .contains(">5<")
        .contains(EDITION.date().orElseThrow().toString())
        .contains("@PoliciaMadrid");
    List<String> links = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(page);
    while (m.find()) {
      links.add(m.group(1));
    }
    assertThat(links).containsExactly("https://x.com/PoliciaMadrid/status/" + hostile.id());
    assertThat(page).doesNotContain("<link").doesNotContain("<img").doesNotContain("@import");
  }

  @Test
  void jsonLinesReadBackThroughTheTweetReaderWithTheStatusBeside() {
    Tweet kept = post(1, "Line one\nline two \"quoted\" #PolTwt");
    Tweet edited = post(2, "Edited #PolTwt");
    Lookup lookup = new Lookup();
    lookup.answers.put(kept.id(), kept);
    lookup.answers.put(edited.id(), version(edited, edited.id(), "1800000000000000999"));
    AgencyArchive a = AgencyArchive.checked(EDITION, HANDLE, List.of(kept, edited), lookup, CLOCK);

    String lines = jsonl(a);

    List<Tweet> back;
    try (TweetReader r = TweetReader.of(new ByteArrayInputStream(lines.getBytes(UTF_8)))) {
      back = r.stream().toList();
    }
    assertThat(back).containsExactly(kept, edited);
    assertThat(lines.split("\n", -1))
        .containsExactly(lines.split("\n")[0], lines.split("\n")[1], "");
    assertThat(lines.split("\n")[0])
        .endsWith(
            ",\"poltwt_archive\":{\"captured_at\":\"2026-06-08T09:30:00Z\",\"status\":\"current\"}}");
    assertThat(lines.split("\n")[1])
        .endsWith("\"status\":\"edited_later\",\"latest_version_id\":\"1800000000000000999\"}}");
  }

  @Test
  void checksumsListBothFilesAndMatchTheirBytes() throws Exception {
    AgencyArchive a =
        AgencyArchive.unchecked(EDITION, HANDLE, List.of(post(1, "#PolTwt"), post(2, "x")), CLOCK);

    List<ArchiveFile> files = a.files();

    assertThat(files)
        .extracting(ArchiveFile::name)
        .containsExactly(
            "poltwt-5-policiamadrid.jsonl", "poltwt-5-policiamadrid.html", "SHA256SUMS");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    String expected =
        HexFormat.of().formatHex(sha.digest(files.get(0).content()))
            + "  poltwt-5-policiamadrid.jsonl\n"
            + HexFormat.of().formatHex(sha.digest(files.get(1).content()))
            + "  poltwt-5-policiamadrid.html\n";
    assertThat(new String(files.get(2).content(), UTF_8)).isEqualTo(expected);
    assertThat(files.get(0).content()).isEqualTo(jsonl(a).getBytes(UTF_8));
    assertThat(files.get(1).content()).isEqualTo(html(a).getBytes(UTF_8));
  }

  @Test
  void captureTimeComesFromTheClock() {
    Clock later = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);

    AgencyArchive a = AgencyArchive.unchecked(EDITION, HANDLE, List.of(post(1, "#PolTwt")), later);

    assertThat(a.capturedAt()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
    assertThat(jsonl(a)).contains("\"captured_at\":\"2030-01-02T03:04:05Z\"");
    assertThat(html(a)).contains("2030-01-02T03:04:05Z");
  }

  @Test
  void refusesPostsOfAnotherAccountAndMixedStatuses() {
    Tweet other =
        Tweet.of(
            "1800000000000000001",
            "43",
            TwitterHandle.of("SomeoneElse"),
            "#PolTwt",
            Instant.parse("2026-06-05T08:00:00Z"));
    assertThatThrownBy(() -> AgencyArchive.unchecked(EDITION, HANDLE, List.of(other), CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("SomeoneElse");
    assertThatThrownBy(
            () ->
                new AgencyArchive(
                    EDITION,
                    HANDLE,
                    CAPTURED,
                    false,
                    List.of(ArchivedPost.of(post(1, "#PolTwt"), PostStatus.CURRENT))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArchivedPost.of(post(1, "x"), PostStatus.EDITED_LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void postsOfFindsTheHandleInAnyCaseAndTheSameAuthorsPostsWithoutHandle() {
    InMemoryTweetStore store = new InMemoryTweetStore();
    Tweet withHandle = post(1, "#PolTwt");
    Tweet lowerCase =
        Tweet.of(
            "1800000000000000002",
            "42",
            TwitterHandle.of("policiamadrid"),
            "#PolTwt",
            Instant.parse("2026-06-05T09:00:00Z"));
    Tweet noHandle =
        Tweet.of(
            "1800000000000000003", "42", null, "#PolTwt", Instant.parse("2026-06-05T10:00:00Z"));
    Tweet someoneElse =
        Tweet.of(
            "1800000000000000004",
            "43",
            TwitterHandle.of("KentPolice"),
            "#PolTwt",
            Instant.parse("2026-06-05T11:00:00Z"));
    store.upsertAll(5, List.of(someoneElse, noHandle, lowerCase, withHandle));
    store.upsert(6, post(9, "another edition"));

    assertThat(AgencyArchive.postsOf(store, 5, HANDLE))
        .containsExactly(withHandle, lowerCase, noHandle);
  }

  @org.junit.jupiter.api.Test
  void thePageIsWrittenInTheAgencysLanguageAndTheDataFilesDoNotChange() {
    AgencyArchive a =
        AgencyArchive.unchecked(EDITION, HANDLE, List.of(post(1, "Hola #PolTwt")), CLOCK);
    ByteArrayOutputStream spanish = new ByteArrayOutputStream();
    a.writeHtml(spanish, java.util.Locale.forLanguageTag("es-MX"));
    ByteArrayOutputStream arabic = new ByteArrayOutputStream();
    a.writeHtml(arabic, java.util.Locale.forLanguageTag("ar"));

    assertThat(spanish.toString(UTF_8))
        .contains("<html lang=\"es\">")
        .contains("#PolTwt edición 5");
    assertThat(arabic.toString(UTF_8)).contains("<html lang=\"ar\" dir=\"rtl\">");
    assertThat(html(a)).contains("<html lang=\"en\">");
    assertThat(a.files(java.util.Locale.JAPANESE).get(1).content())
        .as("a language poltwt lacks gets English")
        .isEqualTo(a.files().get(1).content());
    assertThat(a.files(java.util.Locale.forLanguageTag("es")).get(0).content())
        .as("the JSON Lines do not depend on the language")
        .isEqualTo(a.files().get(0).content());
  }
}
