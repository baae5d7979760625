package org.poltwt.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.poltwt.registration.TwitterHandle;

/** Answers whether a Twitter account exists, and its id. Implementations are thread-safe. */
public interface AccountDirectory {
  /**
   * Looks up one handle.
   *
   * @param handle the handle
   * @return the answer
   * @throws org.poltwt.PoltwtException (code {@code directory.unavailable}) if the directory could
   *     not be asked
   */
  AccountLookup lookup(TwitterHandle handle);

  /**
   * Looks up several handles. The default asks one at a time; adapters batch.
   *
   * @param handles the handles
   * @return one answer per distinct handle, in the order given
   */
  default Map<TwitterHandle, AccountLookup> lookupAll(Collection<TwitterHandle> handles) {
    Map<TwitterHandle, AccountLookup> answers = new LinkedHashMap<>();
    for (TwitterHandle h : handles) {
      answers.computeIfAbsent(h, this::lookup);
    }
    return answers;
  }
}
