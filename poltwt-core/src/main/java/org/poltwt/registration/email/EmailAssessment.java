package org.poltwt.registration.email;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of assessing one address with {@link GovernmentEmailPolicy#assess(String)}.
 *
 * <p>{@link #toString()} never shows the address: it shows the verdict, the reason and the domain
 * only. {@link #reason()} never contains the address either.
 *
 * @param rule the rule that decided, which fixes the {@link #verdict()}; a stable code for callers
 *     that show their own text (a message key, a translation)
 * @param reason short English text saying why, without the address, for example {@code "government
 *     namespace .gov"} or {@code "not a recognised government domain; an organiser will review it"}
 * @param normalizedAddress the address as it should be stored: the local part as typed, {@code @},
 *     the domain in lower-case ASCII (internationalised labels as punycode) without a trailing dot;
 *     {@code null} when the address could not be parsed (then the verdict is {@link
 *     Verdict#REJECTED})
 */
public record EmailAssessment(Rule rule, String reason, String normalizedAddress) {

  /**
   * The rule of {@link GovernmentEmailPolicy#assess(String)} that decided an address, in the order
   * the policy applies them. Each rule has one {@link Verdict}.
   */
  public enum Rule {
    /** The address is not a well-formed address the policy takes. */
    SYNTAX(Verdict.REJECTED),
    /** The domain is on the policy's deny list. */
    DENY_LIST(Verdict.REJECTED),
    /** A label imitates Latin letters with another script. */
    LOOKALIKE(Verdict.REJECTED),
    /** The domain is on the policy's allow list. */
    ALLOW_LIST(Verdict.ACCEPTED),
    /** The domain is in a registry of government domains given to the policy. */
    REGISTRY(Verdict.ACCEPTED),
    /** The domain is a public webmail provider's: never a government address. */
    WEBMAIL(Verdict.REJECTED),
    /** The domain is in a namespace only governments can hold. */
    GOVERNMENT_NAMESPACE(Verdict.ACCEPTED),
    /** The domain is a public suffix, which no organisation owns. */
    PUBLIC_SUFFIX(Verdict.REJECTED),
    /** A government label or namespace stands where its registrant chose it. */
    GOVERNMENT_SUFFIX_OUT_OF_PLACE(Verdict.REJECTED),
    /** The domain is trusted: bundled police domains or the organisers' decisions. */
    TRUSTED_DOMAIN(Verdict.ACCEPTED),
    /** The registrable label is a government word under a suffix that is no namespace. */
    GOVERNMENT_LABEL(Verdict.REVIEW),
    /** The top-level domain is not in the Public Suffix List. */
    UNKNOWN_TOP_LEVEL_DOMAIN(Verdict.REVIEW),
    /** The domain is a consumer internet provider's mailbox service. */
    ISP_MAILBOX(Verdict.REVIEW),
    /** The domain is only the security contact's of a US .gov registrant. */
    SECURITY_CONTACT(Verdict.REVIEW),
    /** Well-formed, and no rule recognises the domain. */
    UNRECOGNISED(Verdict.REVIEW);

    private final Verdict verdict;

    Rule(Verdict verdict) {
      this.verdict = verdict;
    }

    /**
     * Returns what this rule decides.
     *
     * @return the verdict
     */
    public Verdict verdict() {
      return verdict;
    }
  }

  /**
   * Validates the parts.
   *
   * @param rule the rule that decided
   * @param reason why; not blank
   * @param normalizedAddress the normalised address, or {@code null} for an unparseable one
   * @throws NullPointerException if {@code rule} or {@code reason} is null
   * @throws IllegalArgumentException if {@code reason} is blank, if {@code normalizedAddress} is
   *     null for a rule whose verdict is not {@link Verdict#REJECTED}, or if it has no {@code @}
   *     with text on both sides
   */
  public EmailAssessment {
    requireNonNull(rule, "rule");
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason: must not be blank");
    }
    if (normalizedAddress == null) {
      if (rule.verdict() != Verdict.REJECTED) {
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
   * Returns what was decided: the {@linkplain Rule#verdict() verdict} of the rule that decided.
   *
   * @return the verdict
   */
  public Verdict verdict() {
    return rule.verdict();
  }

  /**
   * Whether the address was accepted.
   *
   * @return true for {@link Verdict#ACCEPTED}
   */
  public boolean accepted() {
    return verdict() == Verdict.ACCEPTED;
  }

  /**
   * Whether an organiser must review the address.
   *
   * @return true for {@link Verdict#REVIEW}
   */
  public boolean needsReview() {
    return verdict() == Verdict.REVIEW;
  }

  /**
   * Whether the address was rejected.
   *
   * @return true for {@link Verdict#REJECTED}
   */
  public boolean rejected() {
    return verdict() == Verdict.REJECTED;
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
        + verdict()
        + ", rule="
        + rule
        + ", reason="
        + reason
        + ", domain="
        + domain().orElse("(unparsed)")
        + "]";
  }
}
