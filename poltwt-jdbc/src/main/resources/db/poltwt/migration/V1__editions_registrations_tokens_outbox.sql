-- poltwt schema, version 1: editions, registrations, verification tokens, announcements and their
-- outbox, unsubscribe tokens and unsubscriptions.
--
-- Portable SQL for H2 2.x and PostgreSQL 12+. Instants are TIMESTAMP WITH TIME ZONE to the
-- microsecond (what PostgreSQL keeps), always written in UTC. Enums are stored by name.
-- Registrations are never deleted (erasure blanks their personal data), so no foreign key cascades.

CREATE TABLE edition (
  edition_number INTEGER      NOT NULL,
  hashtag        VARCHAR(200) NOT NULL,
  status         VARCHAR(32)  NOT NULL,
  event_date     DATE,
  local_start    VARCHAR(18)  NOT NULL, -- ISO-8601 local time, exact to the nanosecond
  window_policy  VARCHAR(32)  NOT NULL,
  CONSTRAINT edition_pk PRIMARY KEY (edition_number),
  CONSTRAINT edition_number_positive CHECK (edition_number >= 1)
);

-- An edition's theme hashtags, in order.
CREATE TABLE edition_theme (
  edition_number INTEGER      NOT NULL,
  theme_index    INTEGER      NOT NULL,
  theme          VARCHAR(200) NOT NULL,
  CONSTRAINT edition_theme_pk PRIMARY KEY (edition_number, theme_index),
  CONSTRAINT edition_theme_edition_fk FOREIGN KEY (edition_number) REFERENCES edition (edition_number)
);

CREATE TABLE registration (
  id                  UUID                        NOT NULL,
  edition_number      INTEGER                     NOT NULL,
  handle              VARCHAR(15)                 NOT NULL, -- display case
  handle_key          VARCHAR(15)                 NOT NULL, -- lower case: one registration per edition and key
  account_type        VARCHAR(32)                 NOT NULL,
  agency_name         VARCHAR(200)                NOT NULL,
  agency_level        VARCHAR(32)                 NOT NULL,
  officer_name        VARCHAR(200),
  officer_name_on_map BOOLEAN                     NOT NULL,
  email               VARCHAR(320)                NOT NULL, -- empty once erased
  street              VARCHAR(200),
  city                VARCHAR(200),
  region              VARCHAR(200),
  postal_code         VARCHAR(200),
  latitude            DOUBLE PRECISION,
  longitude           DOUBLE PRECISION,
  country             VARCHAR(2)                  NOT NULL,
  time_zone           VARCHAR(64)                 NOT NULL,
  participation_model VARCHAR(32)                 NOT NULL,
  status              VARCHAR(32)                 NOT NULL,
  email_needs_review  BOOLEAN                     NOT NULL,
  account_id          VARCHAR(32),
  created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  erased_at           TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT registration_pk PRIMARY KEY (id),
  CONSTRAINT registration_edition_fk FOREIGN KEY (edition_number) REFERENCES edition (edition_number),
  CONSTRAINT registration_handle_unique UNIQUE (edition_number, handle_key),
  CONSTRAINT registration_handle_key_is_lower CHECK (handle_key = LOWER(handle)),
  CONSTRAINT registration_address_whole CHECK (
    (street IS NULL AND city IS NULL AND region IS NULL AND postal_code IS NULL)
    OR (street IS NOT NULL AND city IS NOT NULL AND region IS NOT NULL AND postal_code IS NOT NULL)),
  CONSTRAINT registration_coordinates_paired CHECK ((latitude IS NULL AND longitude IS NULL)
    OR (latitude IS NOT NULL AND longitude IS NOT NULL)),
  CONSTRAINT registration_updated_after_created CHECK (updated_at >= created_at),
  -- An erased registration keeps no personal data, whatever the code that wrote it.
  CONSTRAINT registration_erased_holds_no_personal_data CHECK (erased_at IS NULL
    OR (email = '' AND officer_name IS NULL AND officer_name_on_map = FALSE AND street IS NULL AND city IS NULL
        AND region IS NULL AND postal_code IS NULL AND latitude IS NULL AND longitude IS NULL))
);

-- The event's queries: counts and lists per edition by status (the map: verified with an
-- address), country, zone and level; paging in creation order.
CREATE INDEX registration_edition_status ON registration (edition_number, status);
CREATE INDEX registration_edition_country ON registration (edition_number, country);
CREATE INDEX registration_edition_zone ON registration (edition_number, time_zone);
CREATE INDEX registration_edition_level ON registration (edition_number, agency_level);
CREATE INDEX registration_edition_created ON registration (edition_number, created_at, id);

CREATE TABLE verification_token (
  token_hash      VARCHAR(64)                 NOT NULL, -- SHA-256, lower-case hex; never the token
  registration_id UUID                        NOT NULL,
  created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  used_at         TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT verification_token_pk PRIMARY KEY (token_hash),
  CONSTRAINT verification_token_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id),
  CONSTRAINT verification_token_expires_after_created CHECK (expires_at > created_at)
);

CREATE INDEX verification_token_registration ON verification_token (registration_id);

-- An announcement keeps the edition as it was when announced (and before, for a change), as JSON
-- written by org.poltwt.json.PoltwtModule: no foreign key to edition.
CREATE TABLE announcement (
  id                           UUID                        NOT NULL,
  edition_number               INTEGER                     NOT NULL,
  edition_json                 VARCHAR(20000)              NOT NULL,
  previous_edition_json        VARCHAR(20000),
  subject                      VARCHAR(200)                NOT NULL,
  body                         VARCHAR(20000)              NOT NULL,
  audience_statuses            VARCHAR(200)                NOT NULL, -- status names, comma-separated
  audience_account_type        VARCHAR(32),
  audience_country             VARCHAR(2),
  audience_zone                VARCHAR(64),
  audience_participation_model VARCHAR(32),
  created_at                   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT announcement_pk PRIMARY KEY (id)
);

CREATE INDEX announcement_edition ON announcement (edition_number, created_at);

-- One entry per announcement and recipient; ids only, no personal data.
CREATE TABLE outbox_entry (
  announcement_id UUID                        NOT NULL,
  registration_id UUID                        NOT NULL,
  enqueue_order   BIGINT GENERATED ALWAYS AS IDENTITY,
  status          VARCHAR(32)                 NOT NULL,
  attempts        INTEGER                     NOT NULL,
  next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP(6) WITH TIME ZONE,
  last_error      VARCHAR(200), -- a failure's code, never its message
  CONSTRAINT outbox_entry_pk PRIMARY KEY (announcement_id, registration_id),
  CONSTRAINT outbox_entry_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcement (id),
  CONSTRAINT outbox_entry_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id),
  CONSTRAINT outbox_entry_attempts_not_negative CHECK (attempts >= 0),
  CONSTRAINT outbox_entry_sent_at_when_sent CHECK ((status = 'SENT' AND sent_at IS NOT NULL)
    OR (status <> 'SENT' AND sent_at IS NULL))
);

CREATE INDEX outbox_entry_due ON outbox_entry (announcement_id, status, next_attempt_at);
CREATE INDEX outbox_entry_registration ON outbox_entry (registration_id);

CREATE TABLE unsubscribe_token (
  token_hash      VARCHAR(200) NOT NULL,
  registration_id UUID         NOT NULL,
  CONSTRAINT unsubscribe_token_pk PRIMARY KEY (token_hash),
  CONSTRAINT unsubscribe_token_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id)
);

CREATE INDEX unsubscribe_token_registration ON unsubscribe_token (registration_id);

CREATE TABLE unsubscription (
  registration_id UUID                        NOT NULL,
  unsubscribed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT unsubscription_pk PRIMARY KEY (registration_id),
  CONSTRAINT unsubscription_registration_fk FOREIGN KEY (registration_id) REFERENCES registration (id)
);
