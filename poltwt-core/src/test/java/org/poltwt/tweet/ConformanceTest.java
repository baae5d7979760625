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
    for (String section : List.of("hashtags", "hashtags_from_astral", "hashtags_with_indices")) {
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
