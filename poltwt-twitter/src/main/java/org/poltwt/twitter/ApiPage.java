package org.poltwt.twitter;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.MalformedTweet;
import org.poltwt.tweet.io.MalformedTweetException;
import org.poltwt.tweet.io.PageMeta;
import org.poltwt.tweet.io.TweetReader;

/**
 * One answer of an endpoint that returns posts ({@code data}, {@code includes}, {@code meta},
 * {@code errors}), read by core's {@link TweetReader}, the one parser of the X API's tweet object:
 * its tweets, with their authors' handles joined in, and what the page says about itself. What the
 * page means is the caller's ({@link SearchPage}, {@link XApiTweetLookup}).
 */
record ApiPage(List<Tweet> tweets, PageMeta meta) {

  /**
   * Reads an answer. One malformed tweet fails the whole answer: a harvest that skipped it would
   * store a page with a hole and move its checkpoint past it.
   *
   * @param e the endpoint that answered
   * @param response its answer
   * @param what what the body should be, for the message: "a search page"
   * @throws XApiException ({@link XApiException.Reason#MALFORMED_RESPONSE}) if it is not one page
   *     of well-formed posts
   */
  static ApiPage read(Endpoint e, XApiResponse response, String what) {
    int status = response.status();
    String body = response.body() == null ? "" : response.body();
    List<PageMeta> pages = new ArrayList<>(1);
    List<Tweet> tweets = new ArrayList<>();
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.DOCUMENT)
            .onPage(pages::add)
            .build(new StringReader(body))) {
      reader.forEachRemaining(tweets::add);
    } catch (MalformedTweetException bad) {
      throw malformed(e, status, what, bad.malformed(), bad);
    }
    if (pages.size() != 1) {
      throw Json.malformed(e, status, "the body is not " + what);
    }
    return new ApiPage(tweets, pages.get(0));
  }

  /**
   * The reader's report as a failed response. It never holds the value or the text. The field is
   * spelled as {@link Tweet} spells it ({@code createdAt}, {@code referencedTweets[0].type}), as
   * this adapter's messages always have; the reader's own spelling, the API's, stays in the cause.
   */
  private static XApiException malformed(
      Endpoint e, int status, String what, MalformedTweet m, MalformedTweetException cause) {
    String problem =
        "json".equals(m.field())
            ? "a body that is not " + what + " (" + m.reason() + ")"
            : "a tweet with " + camelCase(m.field()) + ": " + m.reason();
    return XApiException.of(
        XApiException.Reason.MALFORMED_RESPONSE,
        e.label(),
        "HTTP " + status + ": " + problem,
        cause);
  }

  /** {@code referenced_tweets[0].type} as {@code referencedTweets[0].type}. */
  private static String camelCase(String apiField) {
    StringBuilder out = new StringBuilder(apiField.length());
    boolean upper = false;
    for (int i = 0; i < apiField.length(); i++) {
      char c = apiField.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
