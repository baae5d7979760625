-- Data written in the schema as of version 6 (a registration keeps its registrant's language), on
-- top of the seeds of versions 1 to 5: an agency of edition 2 that signed up in Arabic.
-- MigrationBehaviour reads it back through the stores after migrating to the latest version;
-- version 1's registrations, made before languages were kept, read as English. Statements end
-- with a semicolon at the end of a line; values hold none.

INSERT INTO registration (id, edition_number, handle, handle_key, account_type, agency_name, agency_level,
  officer_name, officer_name_on_map, email, street, city, region, postal_code, latitude, longitude, country,
  time_zone, participation_model, status, email_needs_review, account_id, created_at, updated_at, erased_at,
  language)
VALUES ('66666666-6666-4666-8666-666666666666', 2, 'Seed_Arabic', 'seed_arabic', 'AGENCY', 'Seed Police Directorate',
  'NATIONAL', NULL, FALSE, 'press@police.example.gov', NULL, NULL, NULL, NULL, NULL, NULL, 'JO', 'Asia/Amman',
  'CALLS_FOR_SERVICE', 'PENDING_VERIFICATION', FALSE, NULL,
  TIMESTAMP WITH TIME ZONE '2015-06-05 02:00:00+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 02:00:00+00:00', NULL, 'ar');
