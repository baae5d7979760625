package org.poltwt.spi;

import java.util.stream.Stream;
import org.poltwt.event.Edition;
import org.poltwt.tweet.Tweet;

/** Harvests an edition's tweets: those carrying its hashtag within its global span. */
public interface TweetSource {
  /**
   * Streams the edition's tweets, fetched lazily; each tweet at most once per stream. Close the
   * stream when done.
   *
   * @param edition the edition, with a date
   * @return the tweets
   * @throws org.poltwt.PoltwtException if the edition cannot be harvested or the source fails
   */
  Stream<Tweet> harvest(Edition edition);
}
