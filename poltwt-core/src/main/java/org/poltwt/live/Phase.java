package org.poltwt.live;

/** Where an instant falls against an edition's global span. */
public enum Phase {
  /** Before the first zone opens: the board counts down. */
  BEFORE,
  /** Inside the global span: some zone is live. */
  LIVE,
  /** At or after the last zone closes: the board shows the totals. */
  AFTER
}
