package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.twitter.twittertext.TldLists;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped TLD list is twitter-text's, and "longest match" is its list order. */
class UrlTldsTest {
  @Test
  void listsAreTwitterTextsInItsOrder() {
    Map<String, List<String>> lists = UrlTlds.load();
    assertThat(lists.get("generic")).containsExactlyElementsOf(TldLists.GTLDS);
    assertThat(lists.get("country")).containsExactlyElementsOf(TldLists.CTLDS);
  }

  @Test
  void listsAreTheConformanceSuitesTlds() throws IOException {
    JsonNode tests;
    try (InputStream in = getClass().getResourceAsStream("/conformance/twitter-text/tlds.yml")) {
      tests = new YAMLMapper().readTree(in).get("tests");
    }
    Map<String, List<String>> lists = UrlTlds.load();
    assertThat(tlds(tests.get("generic"), "generic"))
        .containsExactlyElementsOf(lists.get("generic"));
    assertThat(tlds(tests.get("country"), "country"))
        .containsExactlyElementsOf(lists.get("country"));
  }

  /**
   * Where two entries can both match at one place (one extends the other with a char the look-ahead
   * allows), the list puts the longer first, so taking the longest is taking the first.
   */
  @Test
  void longestMatchIsListOrder() {
    List<String> all = new ArrayList<>(TldLists.GTLDS);
    all.addAll(TldLists.CTLDS);
    List<String> ambiguous = new ArrayList<>();
    for (String shorter : all) {
      for (String longer : all) {
        if (longer.length() > shorter.length()
            && longer.startsWith(shorter)
            && UrlTlds.mayFollow(longer, shorter.length())) {
          ambiguous.add(shorter + "/" + longer);
          assertThat(all.indexOf(longer)).as(longer).isLessThan(all.indexOf(shorter));
        }
      }
    }
    assertThat(ambiguous).containsExactlyInAnyOrder("嘉里/嘉里大酒店", "भारत/भारतम्");
  }

  @Test
  void matchesCaseInsensitivelyWithTheLookAhead() {
    assertThat(UrlTlds.endOfTld("x.COM", 2)).isEqualTo(5);
    assertThat(UrlTlds.endOfTld("x.com/", 2)).isEqualTo(5);
    assertThat(UrlTlds.endOfTld("x.comé", 2)).isEqualTo(5);
    assertThat(UrlTlds.endOfTld("x.com-", 2)).isEqualTo(-1);
    assertThat(UrlTlds.endOfTld("x.com1", 2)).isEqualTo(-1);
    assertThat(UrlTlds.endOfTld("x.community", 2)).isEqualTo(11);
    assertThat(UrlTlds.endOfTld("x.嘉里大酒店", 2)).isEqualTo(7);
    assertThat(UrlTlds.endOfTld("x.vermögensberatung", 2)).isEqualTo(19);
    assertThat(UrlTlds.endOfTld("x.zz", 2)).isEqualTo(-1);
  }

  private static List<String> tlds(JsonNode cases, String kind) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : cases) {
      String description = c.get("description").asText();
      assertThat(description).endsWith(" is a valid " + kind + " tld");
      out.add(description.substring(0, description.indexOf(' ')));
    }
    return out;
  }
}
