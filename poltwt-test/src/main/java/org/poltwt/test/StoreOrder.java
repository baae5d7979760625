package org.poltwt.test;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.UUID;
import org.poltwt.registration.Registration;
import org.poltwt.tweet.Tweet;

/**
 * The orders the SPI's stores list in, for a test that builds the expected list itself. A store
 * that sorts with {@link UUID#compareTo(UUID)} (signed halves) or compares tweet ids as text passes
 * most tests and fails on real data; these comparators are the orders the contracts demand.
 */
public final class StoreOrder {
  private StoreOrder() {}

  /**
   * Compares ids as unsigned 128-bit numbers: the order of their canonical text and of SQL {@code
   * uuid} columns, not {@link UUID#compareTo(UUID)}'s.
   *
   * @return the comparator
   */
  public static Comparator<UUID> ids() {
    return (a, b) -> {
      int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
      return high != 0
          ? high
          : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
  }

  /**
   * The order of {@link org.poltwt.spi.RegistrationStore#list}: creation time, then {@link #ids()}.
   *
   * @return the comparator
   */
  public static Comparator<Registration> registrations() {
    return Comparator.comparing(Registration::createdAt).thenComparing(Registration::id, ids());
  }

  /**
   * Compares tweet ids (decimal digits) as numbers, so {@code "999"} comes before {@code "1000"}.
   *
   * @return the comparator
   */
  public static Comparator<String> tweetIds() {
    return Comparator.comparing(BigInteger::new);
  }

  /**
   * The order of {@link org.poltwt.spi.TweetStore#list}: creation time, then {@link #tweetIds()}.
   *
   * @return the comparator
   */
  public static Comparator<Tweet> tweets() {
    return Comparator.comparing(Tweet::createdAt).thenComparing(Tweet::id, tweetIds());
  }
}
