package org.poltwt.registration;

/** Who a registered Twitter account belongs to. One agency may register any number of accounts. */
public enum AccountType {
  /** The agency's own account. */
  AGENCY,
  /** An individual officer's account. */
  OFFICER
}
