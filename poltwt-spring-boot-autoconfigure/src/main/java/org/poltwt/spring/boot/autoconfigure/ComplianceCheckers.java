package org.poltwt.spring.boot.autoconfigure;

import static java.util.Objects.requireNonNull;

import java.util.stream.Stream;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.event.Edition;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.tweet.Tweet;

/**
 * Builds a {@link ComplianceChecker} for an edition of the stores, with that edition's verified
 * registrations as they are when it is built (a checker is a snapshot: build a new one to see later
 * registrations).
 *
 * <pre>{@code
 * ComplianceSummary summary = new ComplianceSummary();
 * try (Stream<ComplianceResult> results = checkers.checkAll(5, tweets, summary)) {
 *   results.filter(r -> !r.compliant()).forEach(report::write);
 * }
 * }</pre>
 *
 * <p>Tweets checked through {@link #checkAll(int, Stream, ComplianceSummary)} are counted in the
 * {@code poltwt.compliance.checks} metric when metrics are on; tweets checked directly on a checker
 * from {@link #forEdition(int)} are not. Thread-safe.
 */
public final class ComplianceCheckers {
  private final EditionStore editions;
  private final RegistrationStore registrations;
  private final PoltwtInstrumentation instrumentation;

  /**
   * Creates the factory.
   *
   * @param editions where the editions are
   * @param registrations where the registrations are
   * @param instrumentation what hears of each tweet checked through {@link #checkAll(int, Stream,
   *     ComplianceSummary)}; {@link PoltwtInstrumentation#NONE} for nothing
   */
  public ComplianceCheckers(
      EditionStore editions,
      RegistrationStore registrations,
      PoltwtInstrumentation instrumentation) {
    this.editions = requireNonNull(editions, "editions");
    this.registrations = requireNonNull(registrations, "registrations");
    this.instrumentation = requireNonNull(instrumentation, "instrumentation");
  }

  /**
   * Builds a checker for an edition, reading its verified registrations now.
   *
   * @param number the edition's number
   * @return the checker
   * @throws InvalidEditionException (field {@code number}) if the store has no such edition, or
   *     (field {@code date}) if the edition has no date yet
   */
  public ComplianceChecker forEdition(int number) {
    Edition edition =
        editions
            .find(number)
            .orElseThrow(
                () -> new InvalidEditionException("number", "there is no edition " + number));
    return ComplianceChecker.builder().edition(edition).registrations(registrations).build();
  }

  /**
   * Checks a stream of tweets against an edition lazily, as {@link
   * ComplianceChecker#checkAll(Stream, ComplianceSummary)} does, counting each result.
   *
   * @param edition the edition's number
   * @param tweets the tweets, consumed by the result
   * @param summary where to count the results
   * @return the results; closing it closes {@code tweets}
   * @throws InvalidEditionException as {@link #forEdition(int)} does
   */
  public Stream<ComplianceResult> checkAll(
      int edition, Stream<Tweet> tweets, ComplianceSummary summary) {
    requireNonNull(tweets, "tweets");
    requireNonNull(summary, "summary");
    // The checker's stream is not SIZED, so count() still passes every result through peek.
    return forEdition(edition).checkAll(tweets, summary).peek(instrumentation::complianceChecked);
  }
}
