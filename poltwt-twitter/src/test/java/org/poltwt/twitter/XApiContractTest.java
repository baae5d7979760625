package org.poltwt.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec check has teeth: what breaks the spec is reported, what follows it passes. */
class XApiContractTest {
  private static final XApiContract SPEC = XApiContract.TWEET_SPELLINGS;
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer abc");
  private static final String SEARCH =
      "/2/tweets/search/recent?query=%23PolTwt&max_results=100"
          + "&tweet.fields=created_at,author_id&expansions=author_id&user.fields=username";

  @Test
  void aConformingSearchRequestPasses() {
    assertThat(SPEC.version()).isEqualTo("2.159");
    assertThat(SPEC.checkRequest("GET", SEARCH + "&start_time=2026-06-05T00:00:00Z", AUTH, ""))
        .isEmpty();
  }

  @Test
  void requestsThatBreakTheSpecAreReported() {
    assertThat(SPEC.checkRequest("GET", "/2/tweets/search/recent?max_results=100", AUTH, ""))
        .anyMatch(p -> p.contains("required query parameter 'query'"));
    assertThat(
            SPEC.checkRequest(
                "GET", SEARCH.replace("max_results=100", "max_results=500"), AUTH, ""))
        .isNotEmpty();
    assertThat(SPEC.checkRequest("GET", SEARCH + "&post.fields=created_at", AUTH, ""))
        .anyMatch(p -> p.contains("'post.fields' is not declared"));
    assertThat(
            SPEC.checkRequest("GET", SEARCH.replace("author_id&user", "author_idx&user"), AUTH, ""))
        .isNotEmpty();
    assertThat(SPEC.checkRequest("GET", SEARCH + "&start_time=2026-06-05T00:00:00.000Z", AUTH, ""))
        .anyMatch(p -> p.contains("YYYY-MM-DDTHH:mm:ssZ"));
    assertThat(
            SPEC.checkRequest(
                "GET", SEARCH + "&since_id=12&start_time=2026-06-05T00:00:00Z", AUTH, ""))
        .anyMatch(p -> p.contains("start_time and since_id"));
    assertThat(SPEC.checkRequest("GET", SEARCH, Map.of(), "")).anyMatch(p -> p.contains("bearer"));
    assertThat(SPEC.checkRequest("GET", "/2/users/by/username/not-a-handle!", AUTH, ""))
        .isNotEmpty();
    assertThat(
            SPEC.checkRequest("GET", "/2/users/by?usernames=" + "a,".repeat(100) + "b", AUTH, ""))
        .isNotEmpty();
    assertThat(SPEC.checkRequest("GET", "/2/nothing/here", AUTH, "")).isNotEmpty();
  }

  @Test
  void requestBodiesAreValidated() {
    Map<String, String> json =
        Map.of("Authorization", "Bearer abc", "Content-Type", "application/json");
    assertThat(SPEC.checkRequest("POST", "/2/tweets", json, "{\"text\":\"Hello #PolTwt\"}"))
        .isEmpty();
    assertThat(SPEC.checkRequest("POST", "/2/tweets", json, "{\"text\":\"x\",\"reply\":{}}"))
        .isNotEmpty();
    assertThat(
            SPEC.checkRequest("POST", "/2/tweets", json, "{\"text\":\"x\",\"geo\":{\"nope\":1}}"))
        .isNotEmpty();
  }

  @Test
  void responsesAreValidatedAgainstTheirSchemas() {
    String page =
        XApiFixtures.searchPage(
            List.of(XApiFixtures.tweet(1, 1, "Hi #PolTwt", Instant.parse("2026-06-05T10:00:00Z"))),
            List.of(XApiFixtures.user(1, "pd_one")),
            "tok2");
    assertThat(SPEC.checkResponse("GET", "/2/tweets/search/recent", 200, "application/json", page))
        .isEmpty();
    assertThat(
            SPEC.checkResponse(
                "GET",
                "/2/tweets/search/recent",
                200,
                "application/json",
                "{\"data\":[{\"id\":\"not-a-number\",\"text\":\"x\"}]}"))
        .isNotEmpty();
    assertThat(
            SPEC.checkResponse(
                "GET",
                "/2/users/by/username/x",
                200,
                "application/json",
                "{\"data\":{\"id\":\"1\",\"name\":\"n\"}}"))
        .isNotEmpty(); // username is required
    assertThat(
            SPEC.checkResponse(
                "GET",
                "/2/users/by",
                200,
                "application/json",
                XApiFixtures.users(
                    List.of(), List.of(XApiFixtures.notFoundItem("ghost", "usernames")))))
        .isEmpty();
    assertThat(
            SPEC.checkResponse(
                "POST",
                "/2/tweets",
                201,
                "application/json",
                XApiFixtures.created("1445880548472328192", "Hello")))
        .isEmpty();
    assertThat(
            SPEC.checkResponse(
                "POST",
                "/2/tweets",
                403,
                PROBLEM_JSON,
                XApiFixtures.problem(
                    403,
                    "Forbidden",
                    "You are not allowed to create a Tweet with duplicate content.")))
        .isEmpty();
    assertThat(
            SPEC.checkResponse(
                "POST", "/2/tweets", 403, PROBLEM_JSON, "{\"detail\":\"no title, no type\"}"))
        .isNotEmpty();
    assertThat(SPEC.checkResponse("POST", "/2/tweets", 403, "text/html", "<html/>")).isNotEmpty();
  }

  @Test
  void theNewerSpecUsesThePostSpellings() {
    XApiContract newer = XApiContract.POST_SPELLINGS;
    assertThat(newer.version()).isEqualTo("2.167");
    assertThat(newer.checkRequest("GET", SEARCH, AUTH, ""))
        .anyMatch(p -> p.contains("'tweet.fields' is not declared"));
  }
}
