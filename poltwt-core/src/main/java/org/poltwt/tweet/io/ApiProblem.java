package org.poltwt.tweet.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * One problem object of the X API v2, as an item of a response's {@code errors} array (a user not
 * found, a suspended account, a withheld post, beside or instead of the {@code data}) or as a whole
 * error body. The OpenAPI description's {@code Problem} ({@code ResourceNotFoundProblem}, {@code
 * ResourceUnavailableProblem}, {@code NotAuthorizedForResourceProblem}, {@code
 * InvalidRequestProblem}, ...) spells the members {@code type}, {@code title}, {@code detail},
 * {@code resource_type}, {@code resource_id}, {@code parameter}, {@code value} and {@code section};
 * each is optional here, since not every kind has every member, and older answers (the v1.1-style
 * {@code {"code":88,"message":"..."}} the rate-limit documentation shows) have none of the first
 * three.
 *
 * <pre>{@code
 * {"value":"doenotexist827","detail":"Could not find user with username: [doenotexist827].",
 *  "title":"Not Found Error","resource_type":"user","parameter":"username",
 *  "resource_id":"doenotexist827","type":"https://api.twitter.com/2/problems/resource-not-found"}
 * }</pre>
 *
 * <p>The values are X's own: a {@code value} or {@code resource_id} may be a handle or a post's id,
 * which are public; X never puts an email address in a problem, and poltwt never adds one.
 *
 * @param type {@code type}, a URI naming the kind of problem, such as {@code
 *     https://api.x.com/2/problems/resource-not-found} (older answers say {@code api.twitter.com})
 * @param title {@code title}, a short summary such as {@code Not Found Error} or {@code Forbidden}
 * @param detail {@code detail}, the explanation; for a v1.1-style item without {@code title} and
 *     {@code detail}, its {@code message}
 * @param resourceType {@code resource_type}: {@code user}, {@code tweet}, ...
 * @param resourceId {@code resource_id}, the id (or username) of the resource the problem is about
 * @param parameter {@code parameter}, the request parameter that named it ({@code usernames},
 *     {@code ids}, ...)
 * @param value {@code value}, the value of that parameter
 * @param section {@code section}, the part of the answer concerned ({@code data}, {@code includes})
 */
public record ApiProblem(
    Optional<String> type,
    Optional<String> title,
    Optional<String> detail,
    Optional<String> resourceType,
    Optional<String> resourceId,
    Optional<String> parameter,
    Optional<String> value,
    Optional<String> section) {

  /**
   * Validates the record.
   *
   * @param type the type URI, not null
   * @param title the title, not null
   * @param detail the detail, not null
   * @param resourceType the resource type, not null
   * @param resourceId the resource id, not null
   * @param parameter the parameter, not null
   * @param value the value, not null
   * @param section the section, not null
   * @throws NullPointerException naming the component that is null
   */
  public ApiProblem {
    requireNonNull(type, "type");
    requireNonNull(title, "title");
    requireNonNull(detail, "detail");
    requireNonNull(resourceType, "resourceType");
    requireNonNull(resourceId, "resourceId");
    requireNonNull(parameter, "parameter");
    requireNonNull(value, "value");
    requireNonNull(section, "section");
  }

  /**
   * Reads one problem object, the one reading of this shape in poltwt: {@link TweetReader} reads a
   * page's {@code errors} items with it, and the X API adapter its error bodies. Members named as
   * above are taken when they are strings; one of another type, and every other member ({@code
   * status}, {@code code}, {@code parameters}, ...), is passed over, since a problem is reported
   * rather than acted on field by field.
   *
   * @param parser a parser on the {@code START_OBJECT} of the problem; it ends on the matching
   *     {@code END_OBJECT}
   * @return the problem
   * @throws IllegalArgumentException if the parser is not on the start of an object
   * @throws IOException if the parser fails to read
   */
  public static ApiProblem read(JsonParser parser) throws IOException {
    requireNonNull(parser, "parser");
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("parser: must be on the start of a problem object");
    }
    String type = null;
    String title = null;
    String detail = null;
    String resourceType = null;
    String resourceId = null;
    String parameter = null;
    String value = null;
    String section = null;
    String message = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken v = parser.nextToken();
      if (v != JsonToken.VALUE_STRING) {
        parser.skipChildren();
        continue;
      }
      String text = parser.getText();
      switch (name) {
        case "type":
          type = text;
          break;
        case "title":
          title = text;
          break;
        case "detail":
          detail = text;
          break;
        case "resource_type":
          resourceType = text;
          break;
        case "resource_id":
          resourceId = text;
          break;
        case "parameter":
          parameter = text;
          break;
        case "value":
          value = text;
          break;
        case "section":
          section = text;
          break;
        case "message":
          message = text;
          break;
        default:
          // another string member: not part of the problem as poltwt reports it
      }
    }
    if (title == null && detail == null) {
      detail = message; // the v1.1 style
    }
    return new ApiProblem(
        Optional.ofNullable(type),
        Optional.ofNullable(title),
        Optional.ofNullable(detail),
        Optional.ofNullable(resourceType),
        Optional.ofNullable(resourceId),
        Optional.ofNullable(parameter),
        Optional.ofNullable(value),
        Optional.ofNullable(section));
  }

  /**
   * Returns the last path segment of {@link #type()}, lower-cased, whatever the host before it:
   * {@code resource-not-found} for both {@code
   * https://api.twitter.com/2/problems/resource-not-found} and {@code
   * https://api.x.com/2/problems/resource-not-found}.
   *
   * @return the kind, or an empty string without a type
   */
  public String kind() {
    if (type.isEmpty()) {
      return "";
    }
    String t = type.get();
    return t.substring(t.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }
}
