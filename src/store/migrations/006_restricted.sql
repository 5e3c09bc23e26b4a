-- 006: restricted records beside the public loop (docs: engage help cia,
-- risk, sharing).  Every read of these goes through the audit trail with a
-- purpose; none of them is ever published.

-- Community impact assessments, made after an incident that may affect a
-- community's confidence or safety, and reviewed until closed.
CREATE TABLE impact_assessments (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  incident TEXT NOT NULL,
  incident_at BIGINT NOT NULL,
  communities TEXT NOT NULL,          -- communities and groups affected
  information_needed TEXT NOT NULL,
  information_from TEXT NOT NULL,     -- who provides it
  overseen_by TEXT NOT NULL,
  deadline TEXT NOT NULL,             -- YYYY-MM-DD
  vulnerable TEXT,                    -- vulnerable individuals and groups
  confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low', 'unknown')),
  review_days INTEGER NOT NULL,       -- reviewed at least this often
  next_review TEXT NOT NULL,          -- YYYY-MM-DD
  cross_border TEXT,                  -- other forces or areas involved
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX impact_assessments_by_neighbourhood ON impact_assessments (force_id, neighbourhood_id);

CREATE TABLE impact_reviews (
  id INTEGER PRIMARY KEY,
  assessment_id BIGINT NOT NULL REFERENCES impact_assessments (id),
  reviewed_at BIGINT NOT NULL,
  reviewed_by TEXT NOT NULL,
  confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low', 'unknown')),
  notes TEXT NOT NULL
);
CREATE INDEX impact_reviews_by_assessment ON impact_reviews (assessment_id);

-- Vulnerability and repeat-victim risk: a person, assessed at first
-- contact and again at every later contact.  Personal and sensitive data.
CREATE TABLE risk_people (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  name TEXT NOT NULL,
  date_of_birth TEXT,
  contact TEXT,                       -- how to reach them
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX risk_people_by_neighbourhood ON risk_people (force_id, neighbourhood_id);

CREATE TABLE risk_contacts (
  id INTEGER PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES risk_people (id) ON DELETE CASCADE,
  contacted_at BIGINT NOT NULL,
  incident TEXT NOT NULL,
  factors TEXT NOT NULL,              -- comma-separated factor slugs (engage help risk)
  risk_level TEXT NOT NULL CHECK (risk_level IN ('standard', 'medium', 'high')),
  notes TEXT,
  created_by TEXT NOT NULL
);
CREATE INDEX risk_contacts_by_person ON risk_contacts (person_id, contacted_at);

-- Information-sharing agreements with partner organisations: which concern
-- categories each partner may see and may submit.
CREATE TABLE sharing_agreements (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  partner_org TEXT NOT NULL,
  title TEXT NOT NULL,
  may_see TEXT NOT NULL,              -- comma-separated concern categories
  may_submit TEXT NOT NULL,           -- comma-separated concern categories
  starts TEXT NOT NULL,               -- YYYY-MM-DD
  ends TEXT NOT NULL,                 -- YYYY-MM-DD
  signed_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sharing_agreements_by_partner ON sharing_agreements (force_id, partner_org);

-- What partners submit under an agreement (an environmental health call, a
-- housing complaint), collated for the neighbourhood team.
CREATE TABLE partner_submissions (
  id INTEGER PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES sharing_agreements (id),
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  source TEXT NOT NULL,               -- environmental-health, housing, licensing, ...
  category TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  location_text TEXT,
  summary TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  submitted_by TEXT NOT NULL,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX partner_submissions_by_neighbourhood ON partner_submissions (force_id, neighbourhood_id, occurred_at);
