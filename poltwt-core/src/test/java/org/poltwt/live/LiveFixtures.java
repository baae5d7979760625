package org.poltwt.live;

import java.time.Instant;
import java.time.ZoneId;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.Tweet;

/** Small factories for the live board's tests. */
final class LiveFixtures {
  static final Edition FIFTH = Editions.scheduled(5);

  private LiveFixtures() {}

  /** A verified agency in a zone, with account id {@code 1000 + i}. */
  static Registration verified(int i, ZoneId zone) {
    return Registrations.agencyBuilder(5, "agency_" + i)
        .zone(zone)
        .accountId(Long.toString(1000 + i))
        .status(RegistrationStatus.VERIFIED)
        .build();
  }

  /** A post carrying the edition's hashtag, by account {@code authorId}. */
  static Tweet post(long id, long authorId, Instant at) {
    return Tweet.of(
        Long.toString(id),
        Long.toString(authorId),
        TwitterHandle.of("author" + authorId),
        "On patrol <b>&</b> #PolTwt",
        at);
  }
}
