package org.poltwt.tweet.io;

import org.poltwt.registration.TwitterHandle;

/**
 * The handles a reader has met, so that an account tweeting a thousand times is validated once.
 * Direct-mapped: {@value #CAPACITY} slots, a handle replacing whichever one hashed to its slot
 * before, which keeps a reader of any number of accounts in constant memory. A username read from
 * the parser's buffer is looked up by its chars, so a known account costs no new string.
 */
final class HandleCache {
  static final int CAPACITY = 4096;

  private final TwitterHandle[] slots = new TwitterHandle[CAPACITY];

  /**
   * The handle of a username as the API gives it (without {@code @}).
   *
   * @return the handle, or null if the username is not a valid handle
   */
  TwitterHandle of(String username) {
    int hash = username.hashCode();
    TwitterHandle known = slots[slot(hash)];
    return known != null && known.value().equals(username) ? known : remember(username, hash);
  }

  /**
   * The handle of the username in {@code chars[offset, offset + length)}.
   *
   * @return the handle, or null if the username is not a valid handle
   */
  TwitterHandle of(char[] chars, int offset, int length) {
    int hash = 0; // String.hashCode's, so both look-ups find the same slot
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + chars[i];
    }
    TwitterHandle known = slots[slot(hash)];
    if (known != null && sameChars(known.value(), chars, offset, length)) {
      return known;
    }
    return remember(new String(chars, offset, length), hash);
  }

  private TwitterHandle remember(String username, int hash) {
    if (username.startsWith("@") || !TwitterHandle.isValid(username)) {
      return null;
    }
    TwitterHandle h = new TwitterHandle(username);
    slots[slot(hash)] = h;
    return h;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 12)) & (CAPACITY - 1);
  }

  private static boolean sameChars(String s, char[] chars, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
