-- Data written in the schema as of version 10 (the state site instances share), on top of the
-- seeds of the versions before: a reviewer's session, a rate window, a lease and a held action
-- that was confirmed. MigrationBehaviour reads them back through the stores. Statements end with a
-- semicolon at the end of a line; values hold none.

INSERT INTO organiser_session (id_hash, account, role, created_at, expires_at)
VALUES ('dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'seed.reviewer',
  'REVIEWER', TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00.123456+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 11:00:00+00:00');

INSERT INTO rate_window (window_key, attempts, started_at, last_at)
VALUES ('signup:address:198.51.100.4', 7, TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:42.5+00:00');

INSERT INTO lease (name, holder, expires_at)
VALUES ('outbox.sweep', 'instance-a', TIMESTAMP WITH TIME ZONE '2015-06-05 03:05:00+00:00');

INSERT INTO held_action (action_key, account, kind, payload, held_at, expires_at, claimed, result)
VALUES ('seed-announce-1', 'admin', 'announcement.send', '{"edition":2,"announcement":"Ünïcode"}',
  TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-06 03:00:00+00:00', TRUE, 'sent 42');
