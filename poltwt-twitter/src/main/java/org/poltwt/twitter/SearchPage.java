package org.poltwt.twitter;

import java.util.List;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.ApiProblem;
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
    ApiPage read = ApiPage.read(e, response, "a search page");
    List<Tweet> tweets = read.tweets();
    PageMeta page = read.meta();
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
}
