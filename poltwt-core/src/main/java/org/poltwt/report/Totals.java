package org.poltwt.report;

/**
 * The headline counts of a wrap-up.
 *
 * <p>Every tweet is either an original or a retweet; quotes and replies are originals too, and a
 * tweet may be both. An author is registered when at least one of their tweets matched one of the
 * edition's verified registrations (by account id when the registration has one, else by handle); a
 * registered account is active when at least one tweet matched it.
 *
 * @param tweets every tweet counted
 * @param originals tweets that are not retweets
 * @param retweets retweets
 * @param quotes tweets quoting another tweet
 * @param replies tweets replying to another tweet
 * @param authors distinct authors, by account id
 * @param registeredAuthors authors with a verified registration
 * @param unregisteredAuthors authors without one
 * @param registeredTweets tweets whose author matched a verified registration
 * @param unregisteredTweets the other tweets
 * @param registeredAccounts the edition's verified registrations
 * @param activeAccounts verified registrations with at least one tweet
 * @param silentAccounts verified registrations without a tweet
 */
public record Totals(
    long tweets,
    long originals,
    long retweets,
    long quotes,
    long replies,
    long authors,
    long registeredAuthors,
    long unregisteredAuthors,
    long registeredTweets,
    long unregisteredTweets,
    long registeredAccounts,
    long activeAccounts,
    long silentAccounts) {

  /**
   * Validates the counts.
   *
   * @param tweets every tweet counted
   * @param originals tweets that are not retweets
   * @param retweets retweets
   * @param quotes tweets quoting another tweet
   * @param replies tweets replying to another tweet
   * @param authors distinct authors
   * @param registeredAuthors authors with a verified registration
   * @param unregisteredAuthors authors without one
   * @param registeredTweets tweets by registered accounts
   * @param unregisteredTweets the other tweets
   * @param registeredAccounts the edition's verified registrations
   * @param activeAccounts verified registrations with a tweet
   * @param silentAccounts verified registrations without a tweet
   * @throws IllegalArgumentException if a count is negative, or the parts do not add up to their
   *     whole
   */
  public Totals {
    Counts.nonNegative("tweets", tweets);
    Counts.nonNegative("originals", originals);
    Counts.nonNegative("retweets", retweets);
    Counts.nonNegative("quotes", quotes);
    Counts.nonNegative("replies", replies);
    Counts.nonNegative("authors", authors);
    Counts.nonNegative("registeredAuthors", registeredAuthors);
    Counts.nonNegative("unregisteredAuthors", unregisteredAuthors);
    Counts.nonNegative("registeredTweets", registeredTweets);
    Counts.nonNegative("unregisteredTweets", unregisteredTweets);
    Counts.nonNegative("registeredAccounts", registeredAccounts);
    Counts.nonNegative("activeAccounts", activeAccounts);
    Counts.nonNegative("silentAccounts", silentAccounts);
    Counts.sum("originals + retweets", originals + retweets, "tweets", tweets);
    Counts.atMost("quotes", quotes, "originals", originals);
    Counts.atMost("replies", replies, "originals", originals);
    Counts.sum(
        "registeredAuthors + unregisteredAuthors",
        registeredAuthors + unregisteredAuthors,
        "authors",
        authors);
    Counts.sum(
        "registeredTweets + unregisteredTweets",
        registeredTweets + unregisteredTweets,
        "tweets",
        tweets);
    Counts.sum(
        "activeAccounts + silentAccounts",
        activeAccounts + silentAccounts,
        "registeredAccounts",
        registeredAccounts);
  }
}
