-- Data written in the schema as of version 8 (the organisers' audit log), on top of the seeds of
-- versions 1 to 6: an approval and a failed log-in. MigrationBehaviour reads them back through the
-- stores after migrating to the latest version. Statements end with a semicolon at the end of a
-- line; values hold none.

INSERT INTO audit_entry (occurred_at, actor, action, target, address)
VALUES (TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00', 'admin', 'registration.approve',
  '66666666-6666-4666-8666-666666666666', '198.51.100.4');
INSERT INTO audit_entry (occurred_at, actor, action, target, address)
VALUES (TIMESTAMP WITH TIME ZONE '2015-06-05 03:00:00+00:00', 'unknown', 'login.failure', '', '');
