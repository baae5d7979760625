-- Data written in the schema as of version 8 (the organisers' audit log and accounts), on top of
-- the seeds of versions 1 to 6: an approval, a failed log-in and an invited reviewer.
-- MigrationBehaviour reads them back through the stores after migrating to the latest version. Statements end with a semicolon at the end of a
-- line; values hold none.

INSERT INTO audit_entry (occurred_at, actor, action, target, address)
VALUES (TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00', 'admin', 'registration.approve',
  '66666666-6666-4666-8666-666666666666', '198.51.100.4');
INSERT INTO audit_entry (occurred_at, actor, action, target, address)
VALUES (TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00', 'unknown', 'login.failure', '', '');

-- A reviewer invited and not yet set up: no password, an open invitation.
INSERT INTO organiser_account (name, email, role, password_hash, totp_secret, invitation_hash,
  invitation_expires_at, created_at, disabled)
VALUES ('seed.reviewer', 'reviewer@organisers.example', 'REVIEWER', NULL, NULL,
  'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
  TIMESTAMP WITH TIME ZONE '2015-06-08 03:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00',
  FALSE);
