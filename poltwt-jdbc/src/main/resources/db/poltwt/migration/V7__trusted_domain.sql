-- Trusted email domains (issue 21): the organisers' decisions about a mail domain, one row per
-- domain, the latest. trusted = FALSE is a revocation, kept rather than deleted so that it also
-- overrides poltwt's bundled list of police domains. No personal data: a domain, a note, and who
-- decided (an organiser's name or account).
CREATE TABLE trusted_domain (
  domain     VARCHAR(253)                NOT NULL, -- lower-case ASCII, punycode for IDNs
  trusted    BOOLEAN                     NOT NULL,
  note       VARCHAR(500)                NOT NULL,
  decided_by VARCHAR(200)                NOT NULL,
  decided_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT trusted_domain_pk PRIMARY KEY (domain),
  CONSTRAINT trusted_domain_lower_case CHECK (domain = LOWER(domain))
);
