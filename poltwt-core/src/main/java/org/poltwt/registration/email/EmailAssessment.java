package org.poltwt.registration.email;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of assessing one address with {@link GovernmentEmailPolicy#assess(String)}.
 *
 * <p>{@link #toString()} never shows the address: it shows the verdict, the reason and the domain
 * only. {@link #reason()} never contains the address either.
 *
 * @param verdict what was decided
 * @param reason short human text saying why, without the address, for example {@code "government
 *     namespace .gov"} or {@code "not a recognised government domain; an organiser will review it"}
 * @param normalizedAddress the address as it should be stored: the local part as typed, {@code @},
 *     the domain in lower-case ASCII (internationalised labels as punycode) without a trailing dot;
 *     {@code null} when the address could not be parsed (then the verdict is {@link
 *     Verdict#REJECTED})
 */
public record EmailAssessment(Verdict verdict, String reason, String normalizedAddress) {

  /**
   * Validates the parts.
   *
   * @param verdict what was decided
   * @param reason why; not blank
   * @param normalizedAddress the normalised address, or {@code null} for an unparseable one
   * @throws NullPointerException if {@code verdict} or {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is blank, if {@code normalizedAddress} is
   *     null for a verdict other than {@link Verdict#REJECTED}, or if it has no {@code @} with text
   *     on both sides
   */
  public EmailAssessment {
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be blank");
    }
    if (normalizedAddress == null) {
      if (verdict != Verdict.REJECTED) {
        throw new IllegalArgumentException(
            "normalizedAddress: required unless the verdict is REJECTED");
      }
    } else {
      int at = normalizedAddress.lastIndexOf('@');
      if (at <= 0 || at == normalizedAddress.length() - 1) {
        throw new IllegalArgumentException(
            "normalizedAddress: must be a local part, @ and a domain");
      }
    }
  }

  /**
   * Whether the address was accepted.
   *
   * @return true for {@link Verdict#ACCEPTED}
   */
  public boolean accepted() {
    return verdict == Verdict.ACCEPTED;
  }

  /**
   * Whether an organiser must review the address.
   *
   * @return true for {@link Verdict#REVIEW}
   */
  public boolean needsReview() {
    return verdict == Verdict.REVIEW;
  }

  /**
   * Whether the address was rejected.
   *
   * @return true for {@link Verdict#REJECTED}
   */
  public boolean rejected() {
    return verdict == Verdict.REJECTED;
  }

  /**
   * Returns the normalised domain of the address.
   *
   * @return the lower-case ASCII domain, or empty when the address could not be parsed
   */
  public Optional<String> domain() {
    if (normalizedAddress == null) {
      return Optional.empty();
    }
    return Optional.of(normalizedAddress.substring(normalizedAddress.lastIndexOf('@') + 1));
  }

  /**
   * Describes the assessment without the address: verdict, reason and domain only.
   *
   * @return for example {@code EmailAssessment[verdict=ACCEPTED, reason=government namespace .gov,
   *     domain=police.gov]}
   */
  @Override
  public String toString() {
    return "EmailAssessment[verdict="
        + verdict
        + ", reason="
        + reason
        + ", domain="
        + domain().orElse("(unparsed)")
        + "]";
  }
}
