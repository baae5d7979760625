-- Data written in the schema as of version 7 (trusted email domains), on top of the seeds of
-- versions 1 to 6: an organiser trusted one domain and revoked a bundled one. MigrationBehaviour
-- reads both back through the stores after migrating to the latest version. Statements end with a
-- semicolon at the end of a line; values hold none.

INSERT INTO trusted_domain (domain, trusted, note, decided_by, decided_at)
VALUES ('seed-police.example', TRUE, 'checked on the force''s site', 'seed organiser',
  TIMESTAMP WITH TIME ZONE '2016-05-01 10:00:00+00:00');
INSERT INTO trusted_domain (domain, trusted, note, decided_by, decided_at)
VALUES ('politie.nl', FALSE, '', 'seed organiser',
  TIMESTAMP WITH TIME ZONE '2016-05-02 10:00:00+00:00');
