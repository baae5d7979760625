package org.poltwt.twitter;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.ApiProblem;
import org.poltwt.tweet.io.MalformedTweet;
import org.poltwt.tweet.io.MalformedTweetException;
import org.poltwt.tweet.io.PageMeta;
import org.poltwt.tweet.io.TweetReader;

/**
 * One page of {@code GET /2/tweets/search/recent}: its tweets, with their authors' handles joined
 * in from {@code includes.users}, and {@code meta.next_token}. The page is read by core's {@link
 * TweetReader}, the one parser of the X API's tweet object, so a harvested tweet is exactly what
 * the reader gives for the same JSON (both the "tweet" and the "post" spellings of spec 2.167, the
 * same rules for reference types); this class only decides what the page means for a harvest.
 *
 * <p>A page with {@code errors} beside its {@code data} or {@code meta} is X's partial answer (an
 * author suspended, a referenced post withheld or deleted): its tweets are kept and its problems
 * listed. A page with {@code errors} alone is a failed search.
 */
record SearchPage(List<Tweet> tweets, String nextToken, List<ApiProblem> problems) {

  static SearchPage parse(XApiResponse response) {
    Endpoint e = Endpoint.SEARCH_RECENT;
    int status = response.status();
    String body = response.body() == null ? "" : response.body();
    List<PageMeta> pages = new ArrayList<>(1);
    List<Tweet> tweets = new ArrayList<>();
    // One malformed tweet fails the page, as it always has: a harvest that skipped it would store a
    // page with a hole and move its checkpoint past it.
    try (TweetReader reader =
        TweetReader.builder()
            .format(TweetReader.Format.DOCUMENT)
            .onPage(pages::add)
            .build(new StringReader(body))) {
      reader.forEachRemaining(tweets::add);
    } catch (MalformedTweetException bad) {
      throw malformed(status, bad.malformed(), bad);
    }
    if (pages.size() != 1) {
      throw Json.malformed(e, status, "the body is not one response page");
    }
    PageMeta page = pages.get(0);
    if (!page.hasData() && !page.hasMeta()) {
      if (!page.errors().isEmpty()) {
        // Only a failed search comes here: its first problem says why.
        Problem p = Problem.of(page.errors().get(0));
        throw XApiException.ofResponse(
            XApiException.Reason.CLIENT_ERROR, e.label(), status, p.title(), p.detail(), p.type());
      }
      throw Json.malformed(e, status, "neither data nor meta");
    }
    String next = page.nextToken().filter(t -> !t.isEmpty()).orElse(null);
    return new SearchPage(tweets, next, page.errors());
  }

  /**
   * The reader's report as a failed response. It never holds the value or the text. The field is
   * spelled as {@link Tweet} spells it ({@code createdAt}, {@code referencedTweets[0].type}), as
   * this adapter's messages always have; the reader's own spelling, the API's, stays in the cause.
   */
  private static XApiException malformed(
      int status, MalformedTweet m, MalformedTweetException cause) {
    String what =
        "json".equals(m.field())
            ? "a body that is not a search page (" + m.reason() + ")"
            : "a tweet with " + camelCase(m.field()) + ": " + m.reason();
    return XApiException.of(
        XApiException.Reason.MALFORMED_RESPONSE,
        Endpoint.SEARCH_RECENT.label(),
        "HTTP " + status + ": " + what,
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
