package org.poltwt.spi;

import java.util.Collection;
import java.util.Map;
import org.poltwt.tweet.Tweet;

/**
 * Asks the platform for posts by id, as it returns them now: what an archive needs to say whether a
 * post it keeps was edited later or is no longer returned. Implementations are thread-safe.
 */
public interface TweetLookup {
  /**
   * Looks up posts by id. Adapters batch the ids as their API allows.
   *
   * @param ids the posts' ids; duplicates are asked once
   * @return the posts the platform still returns, each under the id asked for, with its current
   *     {@link Tweet#editHistory()}; an id missing from the map names a post the platform no longer
   *     returns (deleted, made private, or its author suspended)
   * @throws org.poltwt.PoltwtException if the platform could not be asked
   */
  Map<String, Tweet> lookup(Collection<String> ids);
}
