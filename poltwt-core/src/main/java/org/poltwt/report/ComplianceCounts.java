package org.poltwt.report;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.compliance.ComplianceTag;
import org.poltwt.compliance.Violation;

/**
 * How the tweets of a wrap-up fared against the event's rules, as their {@link
 * org.poltwt.compliance.ComplianceResult}s said.
 *
 * <p>The hashtag figures split the tweets in three: {@code carryingHashtag} (their own words carry
 * it; a retweet's own words are the retweeted post's), {@code exemptFromHashtag} (retweets, which
 * the checker does not require to carry it unless told to, that do not carry it: see {@link
 * org.poltwt.compliance.ComplianceChecker}) and the {@link Violation.Code#MISSING_HASHTAG} count.
 * An exempt retweet is not counted as carrying the hashtag: a figure counts what its label says.
 *
 * <p>This is the published, immutable side of a {@link ComplianceSummary}: the wrap-up counts its
 * results in a summary, as {@link org.poltwt.compliance.ComplianceChecker#checkAll(
 * java.util.stream.Stream, ComplianceSummary) checkAll} does, and takes these figures from it. The
 * two stay separate types because they differ in kind, not in what they count: the summary is
 * mutable and thread-safe, to be added to from a stream while it runs; this is a value with
 * equality, validated, that adds the figures the wrap-up publishes ({@code carryingHashtag}, {@code
 * exemptFromHashtag}, {@code insideWindow}, {@code theme}) and is exported with it. It lives in
 * {@code report} because {@code compliance} does not depend on the wrap-up.
 *
 * @param tweets every tweet counted
 * @param carryingHashtag tweets tagged {@link ComplianceTag#CARRIES_HASHTAG}: their own hashtags
 *     (for a retweet, the retweeted post's) carry the edition's hashtag, whether or not they had to
 * @param exemptFromHashtag tweets that do not carry the edition's hashtag and were not required to:
 *     retweets, when the checker does not require retweets to carry it
 * @param insideWindow tweets without an {@link Violation.Code#OUTSIDE_WINDOW} violation
 * @param compliant tweets without any violation
 * @param theme tweets tagged {@link ComplianceTag#THEME}: they carry one of the edition's theme
 *     hashtags
 * @param violations tweets per rule broken, every code present (zeros included), in code order
 */
public record ComplianceCounts(
    long tweets,
    long carryingHashtag,
    long exemptFromHashtag,
    long insideWindow,
    long compliant,
    long theme,
    Map<Violation.Code, Long> violations) {

  /**
   * Validates the counts and copies the map.
   *
   * @param tweets every tweet counted
   * @param carryingHashtag tweets carrying the hashtag
   * @param exemptFromHashtag tweets not carrying the hashtag and not required to
   * @param insideWindow tweets inside their author's window
   * @param compliant tweets without any violation
   * @param theme tweets carrying a theme hashtag
   * @param violations tweets per rule broken; a missing code counts zero
   * @throws NullPointerException if {@code violations} is null or holds null
   * @throws IllegalArgumentException if a count is negative or over {@code tweets}, or does not
   *     agree with the violation counts: {@code carryingHashtag + exemptFromHashtag +
   *     MISSING_HASHTAG} and {@code insideWindow + OUTSIDE_WINDOW} must each be {@code tweets}
   */
  public ComplianceCounts {
    requireNonNull(violations, "violations");
    Map<Violation.Code, Long> copy = new EnumMap<>(Violation.Code.class);
    for (Violation.Code code : Violation.Code.values()) {
      Long n = violations.getOrDefault(code, 0L);
      requireNonNull(n, "violations[" + code + "]");
      Counts.nonNegative("violations[" + code + "]", n);
      Counts.atMost("violations[" + code + "]", n, "tweets", tweets);
      copy.put(code, n);
    }
    violations = Collections.unmodifiableMap(copy);
    Counts.nonNegative("tweets", tweets);
    Counts.nonNegative("compliant", compliant);
    Counts.nonNegative("theme", theme);
    Counts.nonNegative("carryingHashtag", carryingHashtag);
    Counts.nonNegative("exemptFromHashtag", exemptFromHashtag);
    Counts.atMost("compliant", compliant, "tweets", tweets);
    Counts.atMost("theme", theme, "tweets", tweets);
    Counts.sum(
        "carryingHashtag + exemptFromHashtag + MISSING_HASHTAG",
        carryingHashtag + exemptFromHashtag + copy.get(Violation.Code.MISSING_HASHTAG),
        "tweets",
        tweets);
    Counts.sum(
        "insideWindow + OUTSIDE_WINDOW",
        insideWindow + copy.get(Violation.Code.OUTSIDE_WINDOW),
        "tweets",
        tweets);
  }

  /**
   * Takes the figures of a summary. Every figure the wrap-up derives from the raw counts is derived
   * here, so a change to one (such as what counts as carrying the hashtag) is made in one place.
   */
  static ComplianceCounts from(ComplianceSummary summary) {
    long tweets = summary.checked();
    long carrying = summary.tagged(ComplianceTag.CARRIES_HASHTAG);
    return new ComplianceCounts(
        tweets,
        carrying,
        // The checker makes every tweet exactly one of: carrying, missing, or exempt.
        tweets - carrying - summary.violations(Violation.Code.MISSING_HASHTAG),
        tweets - summary.violations(Violation.Code.OUTSIDE_WINDOW),
        summary.compliant(),
        summary.tagged(ComplianceTag.THEME),
        summary.violationCounts());
  }

  /**
   * Returns how many tweets broke at least one rule.
   *
   * @return {@code tweets - compliant}
   */
  public long nonCompliant() {
    return tweets - compliant;
  }

  /**
   * Returns how many tweets broke one rule.
   *
   * @param code the rule
   * @return the tweets with a violation of that code
   * @throws NullPointerException if {@code code} is null
   */
  public long violations(Violation.Code code) {
    return violations.get(requireNonNull(code, "code"));
  }
}
