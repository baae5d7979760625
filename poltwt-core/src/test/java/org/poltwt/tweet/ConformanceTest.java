package org.poltwt.tweet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.poltwt.internal.text.EntitySpans;
import org.poltwt.internal.text.WeightConfig;
import org.poltwt.internal.text.WeightedCount;

/**
 * twitter-text's conformance suite, read at test time from {@code
 * src/test/resources/conformance/twitter-text} (see its SOURCE.txt), one dynamic test per case,
 * named by the case's description.
 */
class ConformanceTest {
  private static final String DIR = "/conformance/twitter-text/";
  private static final JsonNode EXTRACT = yaml("extract.yml");
  private static final JsonNode VALIDATE = yaml("validate.yml");

  @TestFactory
  Stream<DynamicTest> extractHashtags() {
    return cases(
        EXTRACT,
        "hashtags",
        c -> assertThat(tags(c.get("text").asText())).isEqualTo(strings(c.get("expected"))));
  }

  @TestFactory
  Stream<DynamicTest> extractHashtagsFromAstral() {
    return cases(
        EXTRACT,
        "hashtags_from_astral",
        c -> assertThat(tags(c.get("text").asText())).isEqualTo(strings(c.get("expected"))));
  }

  @TestFactory
  Stream<DynamicTest> extractHashtagsWithIndices() {
    return cases(
        EXTRACT,
        "hashtags_with_indices",
        c -> {
          List<Hashtag> expected = new ArrayList<>();
          for (JsonNode e : c.get("expected")) {
            expected.add(
                new Hashtag(
                    e.get("hashtag").asText(),
                    e.get("indices").get(0).asInt(),
                    e.get("indices").get(1).asInt()));
          }
          assertThat(Hashtags.extract(c.get("text").asText())).isEqualTo(expected);
        });
  }

  @TestFactory
  Stream<DynamicTest> extractMentions() {
    return cases(
        EXTRACT,
        "mentions",
        c -> {
          String text = c.get("text").asText();
          int[] spans = EntitySpans.mentions(text);
          List<String> names = new ArrayList<>();
          for (int i = 0; i < spans.length; i += 2) {
            names.add(text.substring(spans[i] + 1, spans[i + 1]));
          }
          assertThat(names).isEqualTo(strings(c.get("expected")));
        });
  }

  @TestFactory
  Stream<DynamicTest> extractMentionsWithIndices() {
    return cases(
        EXTRACT,
        "mentions_with_indices",
        c ->
            assertThat(
                    entities(c.get("text").asText(), EntitySpans.mentions(c.get("text").asText())))
                .isEqualTo(expectedEntities(c.get("expected"), "screen_name")));
  }

  @TestFactory
  Stream<DynamicTest> extractMentionsOrListsWithIndices() {
    return cases(
        EXTRACT,
        "mentions_or_lists_with_indices",
        c -> {
          String text = c.get("text").asText();
          int[] spans = EntitySpans.mentionsOrLists(text);
          List<String> found = new ArrayList<>();
          for (int i = 0; i < spans.length; i += 2) {
            String entity = text.substring(spans[i] + 1, spans[i + 1]);
            int slash = entity.indexOf('/');
            String name = slash < 0 ? entity : entity.substring(0, slash);
            String slug = slash < 0 ? "" : entity.substring(slash);
            found.add(name + " " + slug + " " + spans[i] + "-" + spans[i + 1]);
          }
          List<String> expected = new ArrayList<>();
          for (JsonNode e : c.get("expected")) {
            expected.add(
                e.get("screen_name").asText()
                    + " "
                    + e.get("list_slug").asText()
                    + " "
                    + e.get("indices").get(0).asInt()
                    + "-"
                    + e.get("indices").get(1).asInt());
          }
          assertThat(found).isEqualTo(expected);
        });
  }

  @TestFactory
  Stream<DynamicTest> extractCashtags() {
    return cases(
        EXTRACT,
        "cashtags",
        c -> {
          String text = c.get("text").asText();
          int[] spans = EntitySpans.cashtags(text);
          List<String> symbols = new ArrayList<>();
          for (int i = 0; i < spans.length; i += 2) {
            symbols.add(text.substring(spans[i] + 1, spans[i + 1]));
          }
          assertThat(symbols).isEqualTo(strings(c.get("expected")));
        });
  }

  @TestFactory
  Stream<DynamicTest> extractCashtagsWithIndices() {
    return cases(
        EXTRACT,
        "cashtags_with_indices",
        c ->
            assertThat(
                    entities(c.get("text").asText(), EntitySpans.cashtags(c.get("text").asText())))
                .isEqualTo(expectedEntities(c.get("expected"), "cashtag")));
  }

  @TestFactory
  Stream<DynamicTest> validHashtags() {
    return cases(
        VALIDATE,
        "hashtags",
        c ->
            assertThat(Hashtags.isHashtag(c.get("text").asText()))
                .isEqualTo(c.get("expected").asBoolean()));
  }

  /** twitter-text's Java suite counts this section with config v2 (no emoji parsing). */
  @TestFactory
  Stream<DynamicTest> weightedTweetsCounter() {
    return cases(VALIDATE, "WeightedTweetsCounterTest", c -> assertParsed(c, WeightConfig.V2));
  }

  @TestFactory
  Stream<DynamicTest> weightedTweetsWithDiscountedEmojiCounter() {
    return cases(
        VALIDATE,
        "WeightedTweetsWithDiscountedEmojiCounterTest",
        c -> {
          assertParsed(c, WeightConfig.V3);
          // The public API is config v3.
          String text = c.get("text").asText();
          assertThat(TweetLength.weighted(text))
              .isEqualTo(c.get("expected").get("weightedLength").asInt());
          assertThat(TweetLength.isValid(text))
              .isEqualTo(c.get("expected").get("valid").asBoolean());
        });
  }

  /** twitter-text's Java suite counts this section with its default parser config, v2. */
  @TestFactory
  Stream<DynamicTest> unicodeDirectionalMarkerCounter() {
    return cases(
        VALIDATE, "UnicodeDirectionalMarkerCounterTest", c -> assertParsed(c, WeightConfig.V2));
  }

  @Test
  void everySectionHasCases() {
    for (String section :
        List.of(
            "hashtags",
            "hashtags_from_astral",
            "hashtags_with_indices",
            "mentions",
            "mentions_with_indices",
            "mentions_or_lists_with_indices",
            "cashtags",
            "cashtags_with_indices")) {
      assertThat(section(EXTRACT, section)).as(section).isNotEmpty();
    }
    for (String section :
        List.of(
            "hashtags",
            "WeightedTweetsCounterTest",
            "WeightedTweetsWithDiscountedEmojiCounterTest",
            "UnicodeDirectionalMarkerCounterTest")) {
      assertThat(section(VALIDATE, section)).as(section).isNotEmpty();
    }
    // The counts of the suite at the recorded commit: a silently shorter read fails here.
    assertThat(section(EXTRACT, "hashtags")).hasSize(65);
    assertThat(section(EXTRACT, "hashtags_from_astral")).hasSize(3);
    assertThat(section(EXTRACT, "hashtags_with_indices")).hasSize(8);
    assertThat(section(EXTRACT, "mentions")).hasSize(23);
    assertThat(section(EXTRACT, "mentions_with_indices")).hasSize(3);
    assertThat(section(EXTRACT, "mentions_or_lists_with_indices")).hasSize(5);
    assertThat(section(EXTRACT, "cashtags")).hasSize(8);
    assertThat(section(EXTRACT, "cashtags_with_indices")).hasSize(2);
    assertThat(section(VALIDATE, "hashtags")).hasSize(7);
    assertThat(section(VALIDATE, "WeightedTweetsCounterTest")).hasSize(20);
    assertThat(section(VALIDATE, "WeightedTweetsWithDiscountedEmojiCounterTest")).hasSize(22);
    assertThat(section(VALIDATE, "UnicodeDirectionalMarkerCounterTest")).hasSize(2);
  }

  @Test
  void configurationsMatchTheSuitesJsonFiles() throws IOException {
    assertConfig(WeightConfig.V2, json("v2.json"));
    assertConfig(WeightConfig.V3, json("v3.json"));
  }

  private static void assertConfig(WeightConfig config, JsonNode json) {
    assertThat(config.maxWeightedLength).isEqualTo(json.get("maxWeightedTweetLength").asInt());
    assertThat(config.scale).isEqualTo(json.get("scale").asInt());
    assertThat(config.defaultWeight).isEqualTo(json.get("defaultWeight").asInt());
    assertThat(config.transformedUrlLength).isEqualTo(json.get("transformedURLLength").asInt());
    assertThat(config.emojiParsing).isEqualTo(json.path("emojiParsingEnabled").asBoolean(false));
    List<Integer> ranges = new ArrayList<>();
    for (JsonNode r : json.get("ranges")) {
      ranges.add(r.get("start").asInt());
      ranges.add(r.get("end").asInt());
      ranges.add(r.get("weight").asInt());
    }
    assertThat(config.ranges())
        .containsExactly(ranges.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void assertParsed(JsonNode c, WeightConfig config) {
    JsonNode e = c.get("expected");
    WeightedCount r = TweetLength.parse(c.get("text").asText(), config);
    assertThat(r.weightedLength()).as("weightedLength").isEqualTo(e.get("weightedLength").asInt());
    assertThat(r.valid()).as("valid").isEqualTo(e.get("valid").asBoolean());
    assertThat(r.permillage()).as("permillage").isEqualTo(e.get("permillage").asInt());
    assertThat(r.displayStart())
        .as("displayRangeStart")
        .isEqualTo(e.get("displayRangeStart").asInt());
    assertThat(r.displayEnd()).as("displayRangeEnd").isEqualTo(e.get("displayRangeEnd").asInt());
    assertThat(r.validStart()).as("validRangeStart").isEqualTo(e.get("validRangeStart").asInt());
    assertThat(r.validEnd()).as("validRangeEnd").isEqualTo(e.get("validRangeEnd").asInt());
  }

  /** Spans as {@code "value start-end"}, the value being the span without its first char. */
  private static List<String> entities(String text, int[] spans) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < spans.length; i += 2) {
      out.add(text.substring(spans[i] + 1, spans[i + 1]) + " " + spans[i] + "-" + spans[i + 1]);
    }
    return out;
  }

  /** The suite's expected entities as {@link #entities} shows them. */
  private static List<String> expectedEntities(JsonNode expected, String valueField) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : expected) {
      out.add(
          e.get(valueField).asText()
              + " "
              + e.get("indices").get(0).asInt()
              + "-"
              + e.get("indices").get(1).asInt());
    }
    return out;
  }

  private static List<String> tags(String text) {
    return Hashtags.extract(text).stream().map(Hashtag::tag).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Stream<DynamicTest> cases(
      JsonNode file, String section, Consumer<JsonNode> check) {
    List<JsonNode> cases = section(file, section);
    assertThat(cases).as(section).isNotEmpty();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.get("description").asText(), () -> check.accept(c)));
  }

  private static List<JsonNode> section(JsonNode file, String section) {
    List<JsonNode> out = new ArrayList<>();
    file.path("tests").path(section).forEach(out::add);
    return out;
  }

  private static JsonNode yaml(String name) {
    try (InputStream in = ConformanceTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String name) throws IOException {
    try (InputStream in = ConformanceTest.class.getResourceAsStream(DIR + name)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
