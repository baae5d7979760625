package org.poltwt.examples.site;

/** What an organiser account may do on the site. */
enum OrganiserRole {
  /** Everything: the review queue, registrations, announcements, the edition, accounts, audit. */
  ADMIN,
  /** The review queue only: approving and rejecting registrations that wait for a review. */
  REVIEWER
}
