package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import org.poltwt.registration.TwitterHandle;

/**
 * A Twitter account as the directory knows it.
 *
 * @param id the account's numeric id, as a string
 * @param handle its handle, in the case Twitter shows
 * @param name its display name
 * @param isProtected whether its tweets are protected
 * @param verified whether it is verified
 */
public record TwitterAccount(
    String id, TwitterHandle handle, String name, boolean isProtected, boolean verified) {
  /**
   * Validates the account.
   *
   * @param id the numeric id
   * @param handle the handle
   * @param name the display name
   * @param isProtected whether its tweets are protected
   * @param verified whether it is verified
   */
  public TwitterAccount {
    requireNonNull(id, "id");
    requireNonNull(handle, "handle");
    requireNonNull(name, "name");
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("id: must be a numeric account id");
    }
  }
}
