package org.poltwt.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps what the retention job needs beside the registrations: each edition's own retention period,
 * when it differs from the deployment's default, and the legal holds on registrations. Kept apart
 * from {@link EditionStore} and {@link RegistrationStore} so that neither {@code Edition} nor
 * {@code Registration} (records used everywhere) carries retention's concerns. Implementations are
 * thread-safe.
 */
public interface RetentionStore {
  /**
   * An edition's own retention period.
   *
   * @param edition the edition's number
   * @return the period after the edition's global span ends, or empty when the default applies
   */
  Optional<Duration> period(int edition);

  /**
   * Sets an edition's own retention period, replacing any earlier one.
   *
   * @param edition the edition's number, at least 1
   * @param period how long after the edition's global span its personal data is kept; zero or more
   * @throws IllegalArgumentException if the edition is below 1 or the period negative
   */
  void setPeriod(int edition, Duration period);

  /**
   * Removes an edition's own retention period, so the default applies again; a no-op without one.
   *
   * @param edition the edition's number
   */
  void clearPeriod(int edition);

  /**
   * Sets a legal hold, replacing any hold already on its registration (a new reason, a new time).
   *
   * @param hold the hold
   */
  void hold(LegalHold hold);

  /**
   * Clears a registration's legal hold. Of concurrent calls for one registration, one returns true.
   *
   * @param registrationId the registration
   * @return true if a hold was cleared; false if it had none
   */
  boolean release(UUID registrationId);

  /**
   * Finds a registration's legal hold.
   *
   * @param registrationId the registration
   * @return the hold, or empty
   */
  Optional<LegalHold> findHold(UUID registrationId);

  /**
   * Lists an edition's legal holds, oldest first (ties by registration id as text).
   *
   * @param edition the edition's number
   * @return the holds, possibly empty
   */
  List<LegalHold> holds(int edition);
}
