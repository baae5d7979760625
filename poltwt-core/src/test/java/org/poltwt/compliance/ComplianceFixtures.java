package org.poltwt.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * The edition, registrations and tweets the compliance tests share.
 *
 * <p>Edition 5 on 2015-06-05, starting at local midnight, with two themes. Windows, by {@code local
 * - offset = UTC}: Pacific/Kiritimati (UTC+14) is {@code [2015-06-04T10:00Z, 2015-06-05T10:00Z)},
 * Pacific/Pago_Pago (UTC−11) is {@code [2015-06-05T11:00Z, 2015-06-06T11:00Z)}, Europe/Madrid
 * (UTC+2 in June) is {@code [2015-06-04T22:00Z, 2015-06-05T22:00Z)}.
 */
final class ComplianceFixtures {
  static final int EDITION = 5;
  static final Edition FIFTH =
      Edition.builder()
          .number(EDITION)
          .date(LocalDate.of(2015, 6, 5))
          .themes("TimeToUnify", "PolicíaCercana")
          .build();

  static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  static final Instant KIRITIMATI_START = Instant.parse("2015-06-04T10:00:00Z");
  static final Instant KIRITIMATI_END = Instant.parse("2015-06-05T10:00:00Z");
  static final Instant PAGO_PAGO_START = Instant.parse("2015-06-05T11:00:00Z");
  static final Instant PAGO_PAGO_END = Instant.parse("2015-06-06T11:00:00Z");

  /** Inside every window above. */
  static final Instant MIDDAY_SHARED = Instant.parse("2015-06-05T09:00:00Z");

  /** Verified, Kiritimati, account id 1001. */
  static final String KIRI = "KiriPolice";

  static final String KIRI_ID = "1001";

  /** Verified, Pago Pago, no account id: matched by handle. */
  static final String PAGO = "PagoPagoPD";

  static final String PAGO_ID = "1002";

  /** Verified, Madrid, account id 4242; the account is now called {@link #RENAMED}. */
  static final String OLD_HANDLE = "OldHandle";

  static final String RENAMED = "NewHandle";
  static final String RENAMED_ID = "4242";

  /** Not verified: pending verification, pending review, withdrawn. */
  static final String PENDING = "PendingPD";

  static final String REVIEW = "ReviewPD";
  static final String WITHDRAWN = "WithdrawnPD";

  /** Verified, but for edition 6. */
  static final String OTHER_EDITION = "OtherEdPD";

  /** Never registered. */
  static final String STRANGER = "JustACitizen";

  static final String STRANGER_ID = "9999";

  private static final AtomicLong IDS = new AtomicLong(100_000);

  private ComplianceFixtures() {}

  static InMemoryRegistrationStore store() {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    for (Registration r : registrations()) {
      store.insert(r);
    }
    return store;
  }

  static List<Registration> registrations() {
    return List.of(
        verified(KIRI, KIRITIMATI, KIRI_ID),
        verified(PAGO, PAGO_PAGO, null),
        verified(OLD_HANDLE, MADRID, RENAMED_ID),
        Registrations.agencyBuilder(EDITION, PENDING).zone(MADRID).build(),
        Registrations.agencyBuilder(EDITION, REVIEW)
            .zone(MADRID)
            .status(RegistrationStatus.PENDING_REVIEW)
            .build(),
        Registrations.agencyBuilder(EDITION, WITHDRAWN)
            .zone(MADRID)
            .status(RegistrationStatus.WITHDRAWN)
            .build(),
        Registrations.agencyBuilder(EDITION + 1, OTHER_EDITION)
            .zone(MADRID)
            .status(RegistrationStatus.VERIFIED)
            .build());
  }

  static Registration verified(String handle, ZoneId zone, String accountId) {
    return Registrations.agencyBuilder(EDITION, handle)
        .zone(zone)
        .status(RegistrationStatus.VERIFIED)
        .accountId(accountId)
        .build();
  }

  static ComplianceChecker checker() {
    return ComplianceChecker.builder().edition(FIFTH).registrations(store()).build();
  }

  static String nextId() {
    return Long.toString(IDS.incrementAndGet());
  }

  static Tweet tweet(String authorId, String handle, String text, Instant at) {
    return Tweet.of(nextId(), authorId, handle == null ? null : TwitterHandle.of(handle), text, at);
  }

  static Tweet retweet(String authorId, String handle, String text, Instant at) {
    return Tweet.builder()
        .id(nextId())
        .authorId(authorId)
        .authorHandle(TwitterHandle.of(handle))
        .text(text)
        .createdAt(at)
        .referencedTweets(List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "42")))
        .build();
  }

  /**
   * A tweet built with the canonical constructor and hashtags extracted beforehand, for bulk tests.
   */
  static Tweet prebuilt(
      String id,
      String authorId,
      String handle,
      String text,
      List<Hashtag> hashtags,
      Instant at,
      boolean retweet) {
    return new Tweet(
        id,
        authorId,
        Optional.of(TwitterHandle.of(handle)),
        text,
        at,
        Optional.empty(),
        Optional.empty(),
        retweet ? List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "42")) : List.of(),
        hashtags);
  }
}
