-- Data written in the schema as of version 9 (retention), on top of the seeds of the versions
-- before: edition 2 keeps its data 30 days after its span, and the Arabic agency of version 6's
-- seed is on a legal hold. MigrationBehaviour reads both back through the retention store.
-- Statements end with a semicolon at the end of a line; values hold none.

INSERT INTO retention_period (edition_number, period_seconds) VALUES (2, 2592000);

INSERT INTO legal_hold (registration_id, edition_number, reason, held_since)
VALUES ('66666666-6666-4666-8666-666666666666', 2, 'Seed court order 2015/6',
  TIMESTAMP WITH TIME ZONE '2015-09-01 12:00:00.123456+00:00');
