package org.poltwt.jdbc;

import java.util.Optional;

/**
 * The names of the tables, qualified with the schema when one was configured. The schema name is
 * checked to be a plain identifier and quoted in its given case, as Flyway creates it.
 */
final class Tables {
  final String edition;
  final String editionTheme;
  final String registration;
  final String verificationToken;
  final String announcement;
  final String outboxEntry;
  final String unsubscribeToken;
  final String unsubscription;
  final String publication;
  final String harvestCheckpoint;
  final String retentionPeriod;
  final String legalHold;
  final String trustedDomain;
  final String auditEntry;
  final String organiserAccount;
  final String organiserSession;
  final String rateWindow;
  final String lease;
  final String heldAction;

  Tables(Optional<String> schema) {
    String prefix = schema.map(s -> "\"" + s + "\".").orElse("");
    edition = prefix + "edition";
    editionTheme = prefix + "edition_theme";
    registration = prefix + "registration";
    verificationToken = prefix + "verification_token";
    announcement = prefix + "announcement";
    outboxEntry = prefix + "outbox_entry";
    unsubscribeToken = prefix + "unsubscribe_token";
    unsubscription = prefix + "unsubscription";
    publication = prefix + "publication";
    harvestCheckpoint = prefix + "harvest_checkpoint";
    retentionPeriod = prefix + "retention_period";
    legalHold = prefix + "legal_hold";
    trustedDomain = prefix + "trusted_domain";
    auditEntry = prefix + "audit_entry";
    organiserAccount = prefix + "organiser_account";
    organiserSession = prefix + "organiser_session";
    rateWindow = prefix + "rate_window";
    lease = prefix + "lease";
    heldAction = prefix + "held_action";
  }
}
