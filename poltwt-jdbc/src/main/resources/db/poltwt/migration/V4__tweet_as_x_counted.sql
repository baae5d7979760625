-- What a tweet read from the X API carries beyond its text (issue 17): the part X counted against
-- its limit, whether it is a long post, an edited post's versions, and the API's own hashtag
-- entities. Rows stored before this version have none of them: they read as before (the hashtags
-- extracted from the text again).

-- NULL when X counted the whole text.
ALTER TABLE tweet ADD COLUMN counted_text VARCHAR(100000);
ALTER TABLE tweet ADD COLUMN long_post BOOLEAN DEFAULT FALSE NOT NULL;
-- The versions' ids, oldest first, comma-separated; NULL for a post never edited.
ALTER TABLE tweet ADD COLUMN edit_history VARCHAR(2000);
-- "start:end:tag" space-separated (a tag holds neither); NULL: extract them from the text. A
-- text of 100,000 chars holds at most 50,000 tags of about 14 chars each here.
ALTER TABLE tweet ADD COLUMN hashtags VARCHAR(1000000);
