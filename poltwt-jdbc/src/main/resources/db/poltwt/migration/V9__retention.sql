-- poltwt schema, version 9: retention (issue 21). Portable SQL for H2 2.x and PostgreSQL 12+.
--
-- retention_period: an edition's own retention period, when it differs from the deployment's
-- default; no row means the default. No foreign key to edition: a period may be set before the
-- edition is stored, like a harvest checkpoint.
CREATE TABLE retention_period (
  edition_number INTEGER NOT NULL,
  period_seconds BIGINT  NOT NULL, -- after the edition's global span ends
  CONSTRAINT retention_period_pk PRIMARY KEY (edition_number),
  CONSTRAINT retention_period_not_negative CHECK (period_seconds >= 0)
);

-- legal_hold: a registration the retention job must keep, with the organiser's reason. Kept apart
-- from registration so that the registration row and record stay as they are; one hold per
-- registration, so clearing it is one DELETE that one of several racing organisers wins.
CREATE TABLE legal_hold (
  registration_id UUID                        NOT NULL,
  edition_number  INTEGER                     NOT NULL, -- the registration's, to list by edition
  reason          VARCHAR(500)                NOT NULL,
  held_since      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT legal_hold_pk PRIMARY KEY (registration_id),
  CONSTRAINT legal_hold_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id)
);

CREATE INDEX legal_hold_edition ON legal_hold (edition_number, held_since);
