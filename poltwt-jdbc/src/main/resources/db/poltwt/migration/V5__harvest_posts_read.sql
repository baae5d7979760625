-- What a harvest has read from the X API (issue 17): X bills each post read, so a harvest counts
-- them in its checkpoint, over every run that worked on it, until it ends. Checkpoints saved before
-- this version had not counted: they read as 0.
ALTER TABLE harvest_checkpoint ADD COLUMN posts_read BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE harvest_checkpoint ADD CONSTRAINT harvest_checkpoint_posts_read_not_negative
  CHECK (posts_read >= 0);
