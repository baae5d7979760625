package org.poltwt.tweet;

import java.util.HashMap;
import java.util.Map;
import org.poltwt.registration.TwitterHandle;

/**
 * The handles a reader has met, so that an account tweeting a thousand times is validated once.
 * Bounded: when it holds {@value #CAPACITY} handles it starts over, which keeps a reader of any
 * number of accounts in constant memory.
 */
final class TweetReaderHandles {
  static final int CAPACITY = 4096;

  private final Map<String, TwitterHandle> known = new HashMap<>();

  /**
   * The handle of a username as the API gives it (without {@code @}).
   *
   * @return the handle, or null if the username is not a valid handle
   */
  TwitterHandle of(String username) {
    TwitterHandle h = known.get(username);
    if (h == null) {
      if (username.startsWith("@") || !TwitterHandle.isValid(username)) {
        return null;
      }
      if (known.size() == CAPACITY) {
        known.clear();
      }
      h = new TwitterHandle(username);
      known.put(username, h);
    }
    return h;
  }
}
