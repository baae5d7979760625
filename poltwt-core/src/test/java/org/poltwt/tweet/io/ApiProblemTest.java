package org.poltwt.tweet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.tweet.io.TweetReaderPagesTest.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ApiProblem}: the one reading of an X API problem object. */
class ApiProblemTest {
  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void readsTheSpecsMembersAndEndsOnTheObjectsLastToken() throws IOException {
    String json =
        "{\"type\":\"https://api.x.com/2/problems/resource-unavailable\",\"title\":\"Forbidden\","
            + "\"detail\":\"User has been suspended: [agency_9].\",\"resource_type\":\"user\","
            + "\"resource_id\":\"99\",\"parameter\":\"usernames\",\"value\":\"agency_9\","
            + "\"section\":\"data\",\"status\":403,\"parameters\":{\"x\":[\"y\"]}} 7";
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();

      ApiProblem read = ApiProblem.read(p);

      assertThat(read)
          .isEqualTo(
              problem(
                  "https://api.x.com/2/problems/resource-unavailable",
                  "Forbidden",
                  "User has been suspended: [agency_9].",
                  "user",
                  "99",
                  "usernames",
                  "agency_9",
                  "data"));
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    }
  }

  @Test
  void theV11MessageIsTheDetailOnlyWithoutTitleAndDetail() throws IOException {
    assertThat(read("{\"errors\":[],\"code\":88,\"message\":\"Rate limit exceeded\"}"))
        .isEqualTo(problem(null, null, "Rate limit exceeded", null, null, null, null, null));
    assertThat(read("{\"title\":\"Too Many Requests\",\"message\":\"other\"}"))
        .isEqualTo(problem(null, "Too Many Requests", null, null, null, null, null, null));
  }

  @Test
  void theKindIsTheTypesLastSegmentWhateverTheHost() {
    assertThat(
            problem(
                    "https://api.twitter.com/2/problems/Resource-Not-Found",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)
                .kind())
        .isEqualTo("resource-not-found");
    assertThat(problem("about:blank", null, null, null, null, null, null, null).kind())
        .isEqualTo("about:blank");
    assertThat(problem(null, "x", null, null, null, null, null, null).kind()).isEmpty();
  }

  @Test
  void checksItsComponentsAndWhereTheParserIs() throws IOException {
    assertThatThrownBy(
            () ->
                new ApiProblem(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resourceType");
    try (JsonParser p = JSON.createParser("[{}]")) {
      p.nextToken();
      assertThatThrownBy(() -> ApiProblem.read(p))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parser");
    }
  }

  private static ApiProblem read(String json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return ApiProblem.read(p);
    }
  }
}
