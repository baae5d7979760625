package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.poltwt.registration.TwitterHandle;

/**
 * A post as the board's strip shows it. Its text is as posted: whoever renders it escapes it.
 *
 * @param id the post's numeric id
 * @param authorHandle the author's handle, when known
 * @param text the text as posted
 * @param createdAt when it was posted
 * @param registered whether the author has a verified registration for the edition
 * @param compliant whether it keeps every rule of the edition
 */
public record LivePost(
    String id,
    Optional<TwitterHandle> authorHandle,
    String text,
    Instant createdAt,
    boolean registered,
    boolean compliant) {
  /**
   * Validates the post.
   *
   * @param id the post's numeric id
   * @param authorHandle the author's handle
   * @param text the text
   * @param createdAt when it was posted
   * @param registered whether the author is registered
   * @param compliant whether it keeps the rules
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code id} is not a decimal number
   */
  public LivePost {
    requireNonNull(id, "id");
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("id: must be a decimal number");
    }
    requireNonNull(authorHandle, "authorHandle");
    requireNonNull(text, "text");
    requireNonNull(createdAt, "createdAt");
  }

  /**
   * The post's address on X. Without the handle, X's own {@code i/web} path finds it by id.
   *
   * @return for example {@code https://x.com/metpoliceuk/status/614000000000000001}
   */
  public String link() {
    return "https://x.com/"
        + authorHandle.map(TwitterHandle::value).orElse("i/web")
        + "/status/"
        + id;
  }
}
