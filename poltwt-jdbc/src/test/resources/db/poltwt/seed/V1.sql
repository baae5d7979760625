-- Data written in the schema as of version 1, right after migrating to it. Every later migration
-- must keep it readable: MigrationBehaviour reads it back through the stores after migrating to
-- the latest version. Statements end with a semicolon at the end of a line; values hold none.

INSERT INTO edition (edition_number, hashtag, status, event_date, local_start, window_policy)
VALUES (1, 'PolTwt', 'SCHEDULED', DATE '2013-06-07', '08:00', 'ELAPSED_24_HOURS');

INSERT INTO edition_theme (edition_number, theme_index, theme) VALUES (1, 0, 'TimeToUnify');

INSERT INTO edition_theme (edition_number, theme_index, theme) VALUES (1, 1, 'PolicíaCercana');

INSERT INTO edition (edition_number, hashtag, status, event_date, local_start, window_policy)
VALUES (2, 'GlobalPolTwt', 'DATE_TBD', NULL, '00:00', 'SAME_LOCAL_TIME_NEXT_DAY');

INSERT INTO registration (id, edition_number, handle, handle_key, account_type, agency_name, agency_level,
  officer_name, officer_name_on_map, email, street, city, region, postal_code, latitude, longitude, country,
  time_zone, participation_model, status, email_needs_review, account_id, created_at, updated_at, erased_at)
VALUES ('11111111-1111-4111-8111-111111111111', 1, 'Seed_Ofcr', 'seed_ofcr', 'OFFICER', 'Kathmandu Valley Police',
  'STATE_OR_PROVINCE', 'Officer Seed', TRUE, 'seed.ofcr@nepalpolice.gov.np', '12 Ring Road', 'Kathmandu', 'Bagmati',
  '44600', 27.7172453, 85.3239601, 'NP', 'Asia/Kathmandu', 'ONE_TOPIC', 'VERIFIED', TRUE, '1234567890123456789',
  TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:00.123456+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 01:30:00.777888+00:00', NULL);

INSERT INTO registration (id, edition_number, handle, handle_key, account_type, agency_name, agency_level,
  officer_name, officer_name_on_map, email, street, city, region, postal_code, latitude, longitude, country,
  time_zone, participation_model, status, email_needs_review, account_id, created_at, updated_at, erased_at)
VALUES ('22222222-2222-4222-8222-222222222222', 1, 'Seed_Gone', 'seed_gone', 'AGENCY', 'Gone Police Department',
  'LOCAL', NULL, FALSE, '', NULL, NULL, NULL, NULL, NULL, NULL, 'US', 'America/New_York', 'CALLS_FOR_SERVICE',
  'WITHDRAWN', FALSE, NULL,
  TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:01+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-06 00:00:00+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-06 00:00:00+00:00');

INSERT INTO verification_token (token_hash, registration_id, created_at, expires_at, used_at)
VALUES ('abababababababababababababababababababababababababababababababab', '11111111-1111-4111-8111-111111111111',
  TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:00.123456+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-06 00:00:00.123456+00:00',
  TIMESTAMP WITH TIME ZONE '2015-06-05 00:05:00+00:00');

INSERT INTO announcement (id, edition_number, edition_json, previous_edition_json, subject, body, audience_statuses,
  audience_account_type, audience_country, audience_zone, audience_participation_model, created_at)
VALUES ('33333333-3333-4333-8333-333333333333', 1,
  '{"number":1,"hashtag":"PolTwt","themes":[],"status":"SCHEDULED","date":"2013-06-07","localStart":"00:00","windowPolicy":"SAME_LOCAL_TIME_NEXT_DAY"}',
  NULL, 'Theme for {edition}', 'Hello {handle}, your window opens {windowStart}.', 'PENDING_REVIEW,VERIFIED',
  'OFFICER', 'NP', 'Asia/Kathmandu', 'ONE_TOPIC', TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:00+00:00');

INSERT INTO outbox_entry (announcement_id, registration_id, status, attempts, next_attempt_at, sent_at, last_error)
VALUES ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', 'SENT', 1,
  TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:00+00:00', TIMESTAMP WITH TIME ZONE '2015-06-05 00:00:01+00:00', NULL);

INSERT INTO unsubscribe_token (token_hash, registration_id)
VALUES ('cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd', '11111111-1111-4111-8111-111111111111');

INSERT INTO unsubscription (registration_id, unsubscribed_at)
VALUES ('11111111-1111-4111-8111-111111111111', TIMESTAMP WITH TIME ZONE '2015-06-05 02:00:00+00:00');
