-- The registrant's language (issue 20): every later mail about a registration goes in it. A bare
-- ISO 639 language code, lower case. Registrations made before this version were all mailed in
-- English: they read as 'en'.
ALTER TABLE registration ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
