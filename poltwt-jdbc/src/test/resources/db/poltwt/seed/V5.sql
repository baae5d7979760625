-- Data written in the schema as of version 5 (a harvest counts the posts it read), on top of the
-- seeds of versions 1 to 4: a second checkpoint of edition 1 that has read 3,000,000,123 posts
-- (more than an INTEGER holds). MigrationBehaviour reads it back through the stores after migrating
-- to the latest version; version 3's checkpoint, saved before counting, reads as 0. Statements end
-- with a semicolon at the end of a line; values hold none.

INSERT INTO harvest_checkpoint (edition_number, search_query, since_id, start_time, end_time,
  next_token, newest_id, posts_read)
VALUES (1, '#PolTwt', '614000000000000001', NULL,
  TIMESTAMP WITH TIME ZONE '2013-06-08 02:00:00+00:00', NULL, NULL, 3000000123);
