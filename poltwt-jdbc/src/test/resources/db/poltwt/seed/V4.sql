-- Data written in the schema as of version 4 (a tweet as X counted it), on top of the seeds of
-- versions 1 to 3: version 2's tweet of edition 2 becomes an edited long post with no hashtag
-- entities. MigrationBehaviour reads it back through the stores after migrating to the latest
-- version. Statements end with a semicolon at the end of a line; values hold none.

UPDATE tweet SET counted_text = NULL, long_post = TRUE,
  edit_history = '614000000000000001,614000000000000002', hashtags = ''
WHERE id = '614000000000000002';
