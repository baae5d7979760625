package org.poltwt.twitter;

/**
 * Hears how a long harvest goes: after every page, every second of a rate-limit wait, and at the
 * end, with why it ended ({@link HarvestProgress.Event#ends()}); and, for a page X answered only in
 * part, the problems it reported beside the page's tweets. Called on the thread that consumes the
 * harvest's stream; keep it quick.
 */
@FunctionalInterface
public interface HarvestListener {
  /** A listener that ignores everything. */
  HarvestListener NONE = progress -> {};

  /**
   * Hears one report.
   *
   * @param progress where the harvest stands
   */
  void onProgress(HarvestProgress progress);

  /**
   * Hears the problems X reported beside a page's tweets (an {@code errors} array next to its
   * {@code data}: an author suspended, a referenced post withheld or deleted). The page's tweets
   * are harvested all the same; this is told after they are stored and before the page's {@link
   * HarvestProgress.Event#PAGE} report. The default ignores them.
   *
   * @param problems the page and its problems
   */
  default void onProblems(HarvestProblems problems) {}
}
