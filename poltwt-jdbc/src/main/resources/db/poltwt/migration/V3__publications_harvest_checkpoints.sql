-- poltwt schema, version 3: the X adapter's own state, made durable.
--
-- Portable SQL for H2 2.x and PostgreSQL 12+, like versions 1 and 2.
--
-- publication: the publication log. A publisher claims a key by inserting its row; the primary key
-- makes the insert the claim, so of two publishers racing on one key, in one process or two, one
-- inserts and the other finds the row. A claim is taken again (after a failure, or when it has gone
-- stale) by an UPDATE conditioned on the attempt number read, so again only one wins. Rows are never
-- deleted: a key posted once stays posted.
CREATE TABLE publication (
  idempotency_key VARCHAR(200)                NOT NULL,
  text_digest     VARCHAR(128)                NOT NULL, -- SHA-256 of the text, lower-case hex
  state           VARCHAR(8)                  NOT NULL,
  attempt         INTEGER                     NOT NULL, -- the latest claim's number, from 1
  tweet_id        VARCHAR(20),
  recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL, -- the first claim
  claimed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL, -- the latest claim
  posted_at       TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT publication_pk PRIMARY KEY (idempotency_key),
  CONSTRAINT publication_state_known CHECK (state IN ('CLAIMED', 'POSTED', 'FAILED')),
  CONSTRAINT publication_attempt_positive CHECK (attempt >= 1),
  CONSTRAINT publication_posted_at_iff_posted CHECK (
    (state = 'POSTED' AND posted_at IS NOT NULL)
    OR (state <> 'POSTED' AND posted_at IS NULL AND tweet_id IS NULL))
);

-- harvest_checkpoint: where an edition's harvest under one query stands. No foreign key to
-- edition: a harvest may run for an edition whose tweets are kept elsewhere.
CREATE TABLE harvest_checkpoint (
  edition_number INTEGER                     NOT NULL,
  search_query   VARCHAR(1024)               NOT NULL,
  since_id       VARCHAR(20),
  start_time     TIMESTAMP(6) WITH TIME ZONE,
  end_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  next_token     VARCHAR(1000),
  newest_id      VARCHAR(20),
  CONSTRAINT harvest_checkpoint_pk PRIMARY KEY (edition_number, search_query)
);
