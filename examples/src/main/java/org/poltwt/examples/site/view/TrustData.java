package org.poltwt.examples.site.view;

import java.util.List;

/** The data of the grouped review queue and of the trusted-domains page (issue 21). */
public final class TrustData {
  private TrustData() {}

  /**
   * The sign-ups waiting for review from one email domain: one decision clears them all.
   *
   * @param domain the email domain
   * @param firstId the id of the group's first registration, which the trust action approves (with
   *     every other of the domain)
   * @param trustable whether the domain can be trusted (not a webmail or ISP mailbox domain)
   * @param rows the sign-ups
   */
  public record ReviewGroup(
      String domain, String firstId, boolean trustable, List<PageData.ReviewRow> rows) {}

  /**
   * A row of the trusted-domains table.
   *
   * @param domain the domain
   * @param bundled whether poltwt's bundled list names it
   * @param trusted whether it is trusted now (false: removed)
   * @param note the bundled force's name, or the organiser's note
   * @param source the bundled row's source address, or null
   * @param by who decided, or null for a bundled domain no one changed
   * @param at when, formatted, or null
   */
  public record TrustedRow(
      String domain,
      boolean bundled,
      boolean trusted,
      String note,
      String source,
      String by,
      String at) {}
}
