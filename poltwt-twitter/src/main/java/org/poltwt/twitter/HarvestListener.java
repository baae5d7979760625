package org.poltwt.twitter;

/**
 * Hears how a long harvest goes: after every page, every second of a rate-limit wait, and at the
 * end, with why it ended ({@link HarvestProgress.Event#ends()}). Called on the thread that consumes
 * the harvest's stream; keep it quick.
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
}
