-- 003: the engagement cycle (know, plan, engage, prioritise, act, feed back).
-- Ordinary relational rows.  Instants are UTC seconds (BIGINT); calendar
-- dates are 'YYYY-MM-DD' text.  Rows people edit carry a version for
-- optimistic locking: a save names the version it read, and a stale save
-- is refused (409) instead of overwriting someone else's change.
-- Personal data (raisers' and contacts' details) sits in its own tables so
-- that public queries never read it.

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  mode TEXT NOT NULL,
  title TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT,
  venue TEXT,
  address TEXT,
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  accessibility TEXT,
  online_url TEXT,
  adjustments INTEGER NOT NULL DEFAULT 0,
  attendance INTEGER,
  public_notes TEXT,
  plan_entry_id BIGINT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX activities_by_neighbourhood ON activities (force_id, neighbourhood_id, starts_at);

-- Attendees' voluntarily given demographics, as counts per census category.
CREATE TABLE activity_demographics (
  id INTEGER PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  measure TEXT NOT NULL,
  category TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0)
);
CREATE INDEX activity_demographics_by_activity ON activity_demographics (activity_id);

CREATE TABLE plan_entries (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  audience TEXT NOT NULL,
  channel TEXT NOT NULL,
  message TEXT NOT NULL,
  aim TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  owner TEXT NOT NULL,
  adjustments INTEGER NOT NULL DEFAULT 0,
  activity_id BIGINT REFERENCES activities (id),
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX plan_entries_by_neighbourhood ON plan_entries (force_id, neighbourhood_id, planned_date);

-- Concerns about the same issue in a neighbourhood, counted together.
CREATE TABLE concern_groups (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX concern_groups_by_neighbourhood ON concern_groups (force_id, neighbourhood_id);

CREATE TABLE concerns (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  category_confirmed INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en',
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  location_text TEXT,
  anonymous INTEGER NOT NULL,
  activity_id BIGINT REFERENCES activities (id),
  group_id BIGINT REFERENCES concern_groups (id),
  status TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX concerns_by_neighbourhood ON concerns (force_id, neighbourhood_id, raised_at);
CREATE INDEX concerns_by_group ON concerns (group_id);

-- The raiser's contact details and consent: personal data, read only where needed.
CREATE TABLE concern_contacts (
  id INTEGER PRIMARY KEY,
  concern_id BIGINT NOT NULL UNIQUE REFERENCES concerns (id) ON DELETE CASCADE,
  name TEXT,
  email TEXT,
  phone TEXT,
  address TEXT,
  consent_contact INTEGER NOT NULL,
  consent_purpose TEXT,
  consent_at BIGINT
);

-- Demographics a raiser chose to describe, in census categories.
CREATE TABLE concern_demographics (
  id INTEGER PRIMARY KEY,
  concern_id BIGINT NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  measure TEXT NOT NULL,
  category TEXT NOT NULL
);
CREATE INDEX concern_demographics_by_concern ON concern_demographics (concern_id);

CREATE TABLE priorities (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  group_id BIGINT REFERENCES concern_groups (id),
  title TEXT NOT NULL,
  public_text TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  review_date TEXT,
  agreed_at BIGINT,
  agreed_activity_id BIGINT REFERENCES activities (id),
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
CREATE INDEX priorities_by_neighbourhood ON priorities (force_id, neighbourhood_id, status);

CREATE TABLE priority_evidence (
  id INTEGER PRIMARY KEY,
  priority_id BIGINT NOT NULL REFERENCES priorities (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX priority_evidence_by_priority ON priority_evidence (priority_id);

-- Votes per option at a PACT or beat meeting.
CREATE TABLE votes (
  id INTEGER PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id),
  priority_id BIGINT NOT NULL REFERENCES priorities (id),
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
  recorded_at BIGINT NOT NULL,
  UNIQUE (activity_id, priority_id)
);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  priority_id BIGINT NOT NULL REFERENCES priorities (id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('officer', 'partner')),
  owner_name TEXT NOT NULL,
  partner_org TEXT,
  description TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  result TEXT,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actions_by_priority ON actions (priority_id);

-- "You said, we did": public text apart from internal notes.
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('concern', 'priority')),
  subject_id BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  public_text TEXT NOT NULL,
  internal_note TEXT,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX feedback_by_subject ON feedback (subject_kind, subject_id);

-- Messages to raisers who consented to contact, queued for delivery.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  concern_id BIGINT NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- What a team knows of its neighbourhood beyond the census.
CREATE TABLE profile_notes (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);

-- Key people in the community: personal data held with consent for a purpose.
CREATE TABLE key_contacts (
  id INTEGER PRIMARY KEY,
  force_id TEXT NOT NULL,
  neighbourhood_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT,
  organisation TEXT,
  email TEXT,
  phone TEXT,
  consent_purpose TEXT NOT NULL,
  consent_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (force_id, neighbourhood_id) REFERENCES neighbourhoods (force_id, id)
);
