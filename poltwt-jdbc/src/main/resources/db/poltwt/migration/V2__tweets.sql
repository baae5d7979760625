-- poltwt schema, version 2: harvested tweets, per edition.
--
-- Portable SQL for H2 2.x and PostgreSQL 12+, like version 1. A tweet is upserted by its id, so a
-- harvest that is resumed or repeated never duplicates one. Its hashtags are not stored: reading a
-- tweet extracts them from its text again.

CREATE TABLE tweet (
  id                VARCHAR(20)                 NOT NULL, -- decimal, as the X API gives it
  id_length         SMALLINT                    NOT NULL, -- with id, the numeric order: shorter is smaller
  edition_number    INTEGER                     NOT NULL,
  author_id         VARCHAR(20)                 NOT NULL,
  author_handle     VARCHAR(15),
  full_text         VARCHAR(100000)             NOT NULL, -- X's long posts have up to 25,000 characters
  created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  lang              VARCHAR(64),
  source_app        VARCHAR(1000),
  -- The tweets it refers to, in order: "type:id" comma-separated, the type as the X API names it
  -- (retweeted, quoted, replied_to); NULL for none.
  referenced_tweets VARCHAR(2000),
  CONSTRAINT tweet_pk PRIMARY KEY (id),
  CONSTRAINT tweet_edition_fk FOREIGN KEY (edition_number) REFERENCES edition (edition_number),
  CONSTRAINT tweet_id_length_matches CHECK (id_length = CHAR_LENGTH(id)),
  CONSTRAINT tweet_references_not_empty CHECK (referenced_tweets IS NULL OR CHAR_LENGTH(referenced_tweets) > 0)
);

-- Listing and counting an edition's tweets in creation order, then numeric id; by author; and the
-- newest id, where a harvest resumes.
CREATE INDEX tweet_edition_created ON tweet (edition_number, created_at, id_length, id);
CREATE INDEX tweet_edition_author ON tweet (edition_number, author_id, created_at);
CREATE INDEX tweet_edition_newest ON tweet (edition_number, id_length, id);
