package org.poltwt.report;

/**
 * The counts of one group of registered accounts: a country, an agency level or a participation
 * model.
 *
 * @param registeredAccounts verified registrations in the group
 * @param activeAccounts those with at least one tweet
 * @param tweets tweets matched to the group's registrations
 */
public record Tally(long registeredAccounts, long activeAccounts, long tweets) {

  /**
   * Validates the counts.
   *
   * @param registeredAccounts verified registrations in the group
   * @param activeAccounts those with at least one tweet
   * @param tweets tweets matched to the group's registrations
   * @throws IllegalArgumentException if a count is negative, more accounts are active than
   *     registered, or accounts are active without a tweet
   */
  public Tally {
    Counts.nonNegative("registeredAccounts", registeredAccounts);
    Counts.nonNegative("activeAccounts", activeAccounts);
    Counts.nonNegative("tweets", tweets);
    Counts.atMost("activeAccounts", activeAccounts, "registeredAccounts", registeredAccounts);
    Counts.atMost("activeAccounts", activeAccounts, "tweets", tweets);
  }

  /**
   * Returns how many registered accounts of the group never tweeted.
   *
   * @return {@code registeredAccounts - activeAccounts}
   */
  public long silentAccounts() {
    return registeredAccounts - activeAccounts;
  }
}
