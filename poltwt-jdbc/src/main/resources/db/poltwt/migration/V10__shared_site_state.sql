-- poltwt schema, version 10: the state every instance of a site shares (issue 22), so that any
-- request may land on any instance and a restart logs nobody out. Portable SQL for H2 2.x and
-- PostgreSQL 12+, like the versions before. None of these rows is worth keeping for long: each
-- table's rows expire and the stores' purges delete them.
--
-- organiser_session: an organiser's log-in. Only the SHA-256 of the cookie is kept, so a copy of
-- the table cannot be replayed as a log-in. No foreign key to organiser_account: ending an
-- account's sessions is the store's closeAllOf, and a session row must not hold up anything.
CREATE TABLE organiser_session (
  id_hash    CHAR(64)                    NOT NULL,
  account    VARCHAR(64)                 NOT NULL,
  role       VARCHAR(16)                 NOT NULL,
  created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT organiser_session_pk PRIMARY KEY (id_hash),
  CONSTRAINT organiser_session_role_known CHECK (role IN ('ADMIN', 'REVIEWER')),
  CONSTRAINT organiser_session_expires_after_created CHECK (expires_at > created_at)
);

CREATE INDEX organiser_session_account ON organiser_session (account);

-- rate_window: one key's attempts in its current fixed window. A hit is an UPDATE of the row, which
-- the database serialises by its row lock, so concurrent hits from any number of instances count
-- exactly; the first hit of a key is an INSERT the primary key lets through once.
CREATE TABLE rate_window (
  window_key VARCHAR(200)                NOT NULL,
  attempts   BIGINT                      NOT NULL,
  started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT rate_window_pk PRIMARY KEY (window_key),
  CONSTRAINT rate_window_attempts_positive CHECK (attempts >= 1),
  CONSTRAINT rate_window_last_not_before_start CHECK (last_at >= started_at)
);

-- lease: a job that runs once across instances, or a one-time thing used. One row per name; taking
-- it is an INSERT, or an UPDATE conditioned on its being expired or the taker's own.
CREATE TABLE lease (
  name       VARCHAR(200)                NOT NULL,
  holder     VARCHAR(200)                NOT NULL,
  expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT lease_pk PRIMARY KEY (name)
);

-- held_action: an organiser's mass-mail action between "send" and its confirmation. A claim is an
-- UPDATE conditioned on claimed = FALSE, which one of racing confirmations wins. The payload is a
-- VARCHAR long enough for HeldAction.MAX_PAYLOAD (200,000) characters rather than a CLOB: both
-- databases take it as a plain string (H2's CLOB and PostgreSQL's TEXT would need different DDL and
-- H2's CLOB a stream), as tweet.full_text does since version 2.
CREATE TABLE held_action (
  action_key VARCHAR(200)                NOT NULL,
  account    VARCHAR(64)                 NOT NULL,
  kind       VARCHAR(200)                NOT NULL,
  payload    VARCHAR(200000)             NOT NULL,
  held_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  claimed    BOOLEAN                     NOT NULL,
  result     VARCHAR(4000),
  CONSTRAINT held_action_pk PRIMARY KEY (action_key),
  CONSTRAINT held_action_expires_after_held CHECK (expires_at > held_at),
  CONSTRAINT held_action_result_once_claimed CHECK (result IS NULL OR claimed)
);
