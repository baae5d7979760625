-- Data written in the schema as of version 2 (tweets), right after migrating to it, on top of the
-- seed of version 1 (editions 1 and 2 are stored). MigrationBehaviour reads it back through the
-- stores after migrating to the latest version. Statements end with a semicolon at the end of a
-- line; values hold none.

INSERT INTO tweet (id, id_length, edition_number, author_id, author_handle, full_text, created_at, lang,
  source_app, referenced_tweets)
VALUES ('614000000000000001', 18, 1, '1234567890123456789', 'Seed_Ofcr',
  'Beat patrol in Thamel #PolTwt #TimeToUnify', TIMESTAMP WITH TIME ZONE '2013-06-07 02:15:00.123456+00:00',
  'en', 'Twitter Web App', 'replied_to:613999999999999999,quoted:613999999999999998');

INSERT INTO tweet (id, id_length, edition_number, author_id, author_handle, full_text, created_at, lang,
  source_app, referenced_tweets)
VALUES ('99', 2, 1, '42', NULL, 'RT @Seed_Ofcr: #poltwt', TIMESTAMP WITH TIME ZONE '2013-06-07 02:15:00.123456+00:00',
  NULL, NULL, 'retweeted:614000000000000001');

INSERT INTO tweet (id, id_length, edition_number, author_id, author_handle, full_text, created_at, lang,
  source_app, referenced_tweets)
VALUES ('614000000000000002', 18, 2, '42', NULL, 'x', TIMESTAMP WITH TIME ZONE '2014-01-01 00:00:00+00:00',
  'und', NULL, NULL);
