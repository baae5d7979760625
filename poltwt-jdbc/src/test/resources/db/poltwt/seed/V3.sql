-- Data written in the schema as of version 3 (publication log, harvest checkpoints), right after
-- migrating to it, on top of the seeds of versions 1 and 2. MigrationBehaviour reads it back through
-- the stores after migrating to the latest version. Statements end with a semicolon at the end of a
-- line; values hold none.

INSERT INTO publication (idempotency_key, text_digest, state, attempt, tweet_id, recorded_at,
  claimed_at, posted_at)
VALUES ('edition-5/call/4711', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'POSTED', 2,
  '614000000000000009', TIMESTAMP WITH TIME ZONE '2015-06-05 08:00:00.123456+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 08:30:00+00:00', TIMESTAMP WITH TIME ZONE '2015-06-05 08:30:01+00:00');

INSERT INTO harvest_checkpoint (edition_number, search_query, since_id, start_time, end_time,
  next_token, newest_id)
VALUES (1, '#PolTwt -is:retweet', NULL, TIMESTAMP WITH TIME ZONE '2013-06-06 00:00:00+00:00',
  TIMESTAMP WITH TIME ZONE '2013-06-08 02:00:00+00:00', 'b26v89c19zqg8o3fpdm', '614000000000000001');
