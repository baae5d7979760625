package org.poltwt.compliance;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running counts of compliance results: how many tweets were checked, how many comply, and how many
 * broke each rule or carry each tag.
 *
 * <p>Pass one to {@link ComplianceChecker#checkAll(java.util.stream.Stream, ComplianceSummary)} and
 * read it once the stream has been consumed; or {@link #add(ComplianceResult)} results yourself. It
 * keeps counts only, never the results, so a whole edition can be summarised in constant memory.
 *
 * <p>This is the one place where a result's violation codes and tags are counted: the wrap-up
 * ({@code org.poltwt.report.WrapUp}) counts its compliance figures in a summary too, and publishes
 * them as an immutable {@code org.poltwt.report.ComplianceCounts}. That snapshot is a separate type
 * because it is a value (validated, with equality, exported with the wrap-up, with the figures
 * derived for publication), while this is a running count; and it lives in {@code report} because
 * this package does not depend on the wrap-up.
 *
 * <p>Thread-safe: parallel streams may add to one summary at once. The counts are exact once every
 * addition has finished; read while additions are still running, the counts are each up to date at
 * some recent moment but need not agree with each other.
 */
public final class ComplianceSummary {
  private static final Violation.Code[] CODES = Violation.Code.values();
  private static final ComplianceTag[] TAGS = ComplianceTag.values();

  private final LongAdder checked = new LongAdder();
  private final LongAdder compliant = new LongAdder();
  private final LongAdder[] byCode = adders(CODES.length);
  private final LongAdder[] byTag = adders(TAGS.length);

  /** Creates a summary with every count at zero. */
  public ComplianceSummary() {}

  /**
   * Counts one result.
   *
   * @param result the result
   * @throws NullPointerException if {@code result} is null
   */
  public void add(ComplianceResult result) {
    requireNonNull(result, "result");
    checked.increment();
    List<Violation> violations = result.violations();
    if (violations.isEmpty()) {
      compliant.increment();
    } else {
      for (int i = 0; i < violations.size(); i++) {
        byCode[violations.get(i).code().ordinal()].increment();
      }
    }
    Set<ComplianceTag> tags = result.tags();
    if (!tags.isEmpty()) {
      for (ComplianceTag tag : tags) {
        byTag[tag.ordinal()].increment();
      }
    }
  }

  /**
   * Adds another summary's counts, as if its results had been added here: the summaries of the
   * parts of a stream add up to the summary of the whole, in any order and grouping.
   *
   * <p>Exact when nothing is being added to {@code other} meanwhile; otherwise each of its counts
   * is taken as it stands at some recent moment, as its getters read them.
   *
   * @param other the summary to add; may be this one, which doubles every count
   * @throws NullPointerException if {@code other} is null
   */
  public void addAll(ComplianceSummary other) {
    requireNonNull(other, "other");
    // Read each count before adding it, so that adding a summary to itself doubles it.
    checked.add(other.checked.sum());
    compliant.add(other.compliant.sum());
    addInto(byCode, other.byCode);
    addInto(byTag, other.byTag);
  }

  /**
   * Returns how many results were counted.
   *
   * @return the number of tweets checked
   */
  public long checked() {
    return checked.sum();
  }

  /**
   * Returns how many of them broke no rule.
   *
   * @return the number of compliant tweets
   */
  public long compliant() {
    return compliant.sum();
  }

  /**
   * Returns how many broke at least one rule.
   *
   * @return {@code checked() - compliant()}, read together
   */
  public long nonCompliant() {
    return checked() - compliant();
  }

  /**
   * Returns how many broke one rule.
   *
   * @param code the rule
   * @return the number of tweets with a violation of that code
   * @throws NullPointerException if {@code code} is null
   */
  public long violations(Violation.Code code) {
    requireNonNull(code, "code");
    return byCode[code.ordinal()].sum();
  }

  /**
   * Returns how many carry one tag.
   *
   * @param tag the tag
   * @return the number of tweets with that tag
   * @throws NullPointerException if {@code tag} is null
   */
  public long tagged(ComplianceTag tag) {
    requireNonNull(tag, "tag");
    return byTag[tag.ordinal()].sum();
  }

  /**
   * Returns the count of every rule, zeros included.
   *
   * @return an immutable map in {@link Violation.Code} order
   */
  public Map<Violation.Code, Long> violationCounts() {
    Map<Violation.Code, Long> counts = new EnumMap<>(Violation.Code.class);
    for (Violation.Code code : CODES) {
      counts.put(code, byCode[code.ordinal()].sum());
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns the count of every tag, zeros included.
   *
   * @return an immutable map in {@link ComplianceTag} order
   */
  public Map<ComplianceTag, Long> tagCounts() {
    Map<ComplianceTag, Long> counts = new EnumMap<>(ComplianceTag.class);
    for (ComplianceTag tag : TAGS) {
      counts.put(tag, byTag[tag.ordinal()].sum());
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns the counts in one line.
   *
   * @return for example {@code "ComplianceSummary{checked=10, compliant=7, violations={...},
   *     tags={...}}"}
   */
  @Override
  public String toString() {
    return "ComplianceSummary{checked="
        + checked()
        + ", compliant="
        + compliant()
        + ", violations="
        + violationCounts()
        + ", tags="
        + tagCounts()
        + "}";
  }

  private static void addInto(LongAdder[] sums, LongAdder[] more) {
    for (int i = 0; i < sums.length; i++) {
      sums[i].add(more[i].sum());
    }
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }
}
