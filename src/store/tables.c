/*
 * tables.c - the engagement tables' descriptors (see tables.h).
 */
#include "store/tables.h"

static const struct store_column activities_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "kind", ST_TEXT, 0 },
	{ "mode", ST_TEXT, 0 },
	{ "title", ST_TEXT, 0 },
	{ "starts_at", ST_INT, 0 },
	{ "ends_at", ST_INT, 1 },
	{ "venue", ST_TEXT, 1 },
	{ "address", ST_TEXT, 1 },
	{ "lat", ST_REAL, 1 },
	{ "lng", ST_REAL, 1 },
	{ "accessibility", ST_TEXT, 1 },
	{ "online_url", ST_TEXT, 1 },
	{ "adjustments", ST_INT, 0 },
	{ "attendance", ST_INT, 1 },
	{ "public_notes", ST_TEXT, 1 },
	{ "plan_entry_id", ST_INT, 1 },
	{ "created_at", ST_INT, 0 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_activities = { "activities", activities_cols, ACTIVITY_NCOLS, 1 };

static const struct store_column activity_demographics_cols[] = {
	{ "activity_id", ST_INT, 0 },
	{ "measure", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
	{ "count", ST_INT, 0 },
};
const struct store_table store_activity_demographics = { "activity_demographics", activity_demographics_cols, ACTDEM_NCOLS, 0 };

static const struct store_column plan_entries_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "audience", ST_TEXT, 0 },
	{ "channel", ST_TEXT, 0 },
	{ "message", ST_TEXT, 0 },
	{ "aim", ST_TEXT, 0 },
	{ "planned_date", ST_TEXT, 0 },
	{ "owner", ST_TEXT, 0 },
	{ "adjustments", ST_INT, 0 },
	{ "activity_id", ST_INT, 1 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_plan_entries = { "plan_entries", plan_entries_cols, PLAN_NCOLS, 1 };

static const struct store_column concern_groups_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
	{ "title", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_concern_groups = { "concern_groups", concern_groups_cols, CGROUP_NCOLS, 1 };

static const struct store_column concerns_cols[] = {
	{ "reference", ST_TEXT, 0 },
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "channel", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
	{ "category_confirmed", ST_INT, 0 },
	{ "body", ST_TEXT, 0 },
	{ "language", ST_TEXT, 0 },
	{ "lat", ST_REAL, 1 },
	{ "lng", ST_REAL, 1 },
	{ "location_text", ST_TEXT, 1 },
	{ "anonymous", ST_INT, 0 },
	{ "activity_id", ST_INT, 1 },
	{ "group_id", ST_INT, 1 },
	{ "status", ST_TEXT, 0 },
	{ "raised_at", ST_INT, 0 },
	{ "created_at", ST_INT, 0 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_concerns = { "concerns", concerns_cols, CONCERN_NCOLS, 1 };

static const struct store_column concern_contacts_cols[] = {
	{ "concern_id", ST_INT, 0 },
	{ "name", ST_TEXT, 1 },
	{ "email", ST_TEXT, 1 },
	{ "phone", ST_TEXT, 1 },
	{ "address", ST_TEXT, 1 },
	{ "consent_contact", ST_INT, 0 },
	{ "consent_purpose", ST_TEXT, 1 },
	{ "consent_at", ST_INT, 1 },
};
const struct store_table store_concern_contacts = { "concern_contacts", concern_contacts_cols, CONTACT_NCOLS, 0 };

static const struct store_column concern_demographics_cols[] = {
	{ "concern_id", ST_INT, 0 },
	{ "measure", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
};
const struct store_table store_concern_demographics = { "concern_demographics", concern_demographics_cols, CDEM_NCOLS, 0 };

static const struct store_column priorities_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "group_id", ST_INT, 1 },
	{ "title", ST_TEXT, 0 },
	{ "public_text", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
	{ "status", ST_TEXT, 0 },
	{ "review_date", ST_TEXT, 1 },
	{ "agreed_at", ST_INT, 1 },
	{ "agreed_activity_id", ST_INT, 1 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_priorities = { "priorities", priorities_cols, PRIORITY_NCOLS, 1 };

static const struct store_column priority_evidence_cols[] = {
	{ "priority_id", ST_INT, 0 },
	{ "kind", ST_TEXT, 0 },
	{ "body", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_priority_evidence = { "priority_evidence", priority_evidence_cols, EVIDENCE_NCOLS, 0 };

static const struct store_column votes_cols[] = {
	{ "activity_id", ST_INT, 0 },
	{ "priority_id", ST_INT, 0 },
	{ "votes_for", ST_INT, 0 },
	{ "votes_against", ST_INT, 0 },
	{ "abstentions", ST_INT, 0 },
	{ "recorded_at", ST_INT, 0 },
};
const struct store_table store_votes = { "votes", votes_cols, VOTE_NCOLS, 0 };

static const struct store_column actions_cols[] = {
	{ "priority_id", ST_INT, 0 },
	{ "owner_kind", ST_TEXT, 0 },
	{ "owner_name", ST_TEXT, 0 },
	{ "partner_org", ST_TEXT, 1 },
	{ "description", ST_TEXT, 0 },
	{ "due_date", ST_TEXT, 0 },
	{ "status", ST_TEXT, 0 },
	{ "result", ST_TEXT, 1 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_actions = { "actions", actions_cols, ACTION_NCOLS, 1 };

static const struct store_column feedback_cols[] = {
	{ "subject_kind", ST_TEXT, 0 },
	{ "subject_id", ST_INT, 0 },
	{ "outcome", ST_TEXT, 0 },
	{ "reason", ST_TEXT, 1 },
	{ "public_text", ST_TEXT, 0 },
	{ "internal_note", ST_TEXT, 1 },
	{ "created_at", ST_INT, 0 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_feedback = { "feedback", feedback_cols, FEEDBACK_NCOLS, 0 };

static const struct store_column messages_cols[] = {
	{ "concern_id", ST_INT, 0 },
	{ "language", ST_TEXT, 0 },
	{ "body", ST_TEXT, 0 },
	{ "status", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_messages = { "messages", messages_cols, MESSAGE_NCOLS, 0 };

static const struct store_column profile_notes_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "kind", ST_TEXT, 0 },
	{ "title", ST_TEXT, 0 },
	{ "body", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_profile_notes = { "profile_notes", profile_notes_cols, NOTE_NCOLS, 1 };

static const struct store_column key_contacts_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "name", ST_TEXT, 0 },
	{ "role", ST_TEXT, 1 },
	{ "organisation", ST_TEXT, 1 },
	{ "email", ST_TEXT, 1 },
	{ "phone", ST_TEXT, 1 },
	{ "consent_purpose", ST_TEXT, 0 },
	{ "consent_at", ST_INT, 0 },
};
const struct store_table store_key_contacts = { "key_contacts", key_contacts_cols, KEYCONTACT_NCOLS, 1 };

static const struct store_column audit_log_cols[] = {
	{ "at", ST_INT, 0 },
	{ "actor", ST_TEXT, 0 },
	{ "actor_role", ST_TEXT, 1 },
	{ "operation", ST_TEXT, 0 },
	{ "record_kind", ST_TEXT, 0 },
	{ "record_id", ST_INT, 0 },
	{ "purpose", ST_TEXT, 1 },
	{ "recipient", ST_TEXT, 1 },
	{ "detail", ST_TEXT, 1 },
	{ "prev_hash", ST_TEXT, 0 },
	{ "hash", ST_TEXT, 0 },
};
const struct store_table store_audit_log = { "audit_log", audit_log_cols, AUDIT_NCOLS, 0 };

static const struct store_column users_cols[] = {
	{ "username", ST_TEXT, 0 },
	{ "display_name", ST_TEXT, 1 },
	{ "role", ST_TEXT, 0 },
	{ "force_id", ST_TEXT, 1 },
	{ "partner_org", ST_TEXT, 1 },
	{ "password_hash", ST_TEXT, 0 },
	{ "totp_secret", ST_TEXT, 1 },
	{ "failed_attempts", ST_INT, 0 },
	{ "lockouts", ST_INT, 0 },
	{ "locked_until", ST_INT, 1 },
	{ "disabled", ST_INT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_users = { "users", users_cols, USER_NCOLS, 1 };

static const struct store_column user_neighbourhoods_cols[] = {
	{ "user_id", ST_INT, 0 },
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
};
const struct store_table store_user_neighbourhoods = { "user_neighbourhoods", user_neighbourhoods_cols, UNBHD_NCOLS, 0 };

static const struct store_column sessions_cols[] = {
	{ "token_hash", ST_TEXT, 0 },
	{ "user_id", ST_INT, 0 },
	{ "created_at", ST_INT, 0 },
	{ "last_seen", ST_INT, 0 },
	{ "expires_at", ST_INT, 0 },
	{ "csrf_secret", ST_TEXT, 0 },
};
const struct store_table store_sessions = { "sessions", sessions_cols, SESSION_NCOLS, 0 };

static const struct store_column api_tokens_cols[] = {
	{ "user_id", ST_INT, 0 },
	{ "token_hash", ST_TEXT, 0 },
	{ "label", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
	{ "last_used", ST_INT, 1 },
	{ "revoked", ST_INT, 0 },
};
const struct store_table store_api_tokens = { "api_tokens", api_tokens_cols, APITOKEN_NCOLS, 0 };

static const struct store_column impact_assessments_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "incident", ST_TEXT, 0 },
	{ "incident_at", ST_INT, 0 },
	{ "communities", ST_TEXT, 0 },
	{ "information_needed", ST_TEXT, 0 },
	{ "information_from", ST_TEXT, 0 },
	{ "overseen_by", ST_TEXT, 0 },
	{ "deadline", ST_TEXT, 0 },
	{ "vulnerable", ST_TEXT, 1 },
	{ "confidence", ST_TEXT, 0 },
	{ "review_days", ST_INT, 0 },
	{ "next_review", ST_TEXT, 0 },
	{ "cross_border", ST_TEXT, 1 },
	{ "status", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_impact_assessments = { "impact_assessments",
						      impact_assessments_cols, CIA_NCOLS, 1 };

static const struct store_column impact_reviews_cols[] = {
	{ "assessment_id", ST_INT, 0 },
	{ "reviewed_at", ST_INT, 0 },
	{ "reviewed_by", ST_TEXT, 0 },
	{ "confidence", ST_TEXT, 0 },
	{ "notes", ST_TEXT, 0 },
};
const struct store_table store_impact_reviews = { "impact_reviews", impact_reviews_cols,
						  CIAREV_NCOLS, 0 };

static const struct store_column risk_people_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "name", ST_TEXT, 0 },
	{ "date_of_birth", ST_TEXT, 1 },
	{ "contact", ST_TEXT, 1 },
	{ "created_at", ST_INT, 0 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_risk_people = { "risk_people", risk_people_cols, RISKP_NCOLS, 1 };

static const struct store_column risk_contacts_cols[] = {
	{ "person_id", ST_INT, 0 },
	{ "contacted_at", ST_INT, 0 },
	{ "incident", ST_TEXT, 0 },
	{ "factors", ST_TEXT, 0 },
	{ "risk_level", ST_TEXT, 0 },
	{ "notes", ST_TEXT, 1 },
	{ "created_by", ST_TEXT, 0 },
};
const struct store_table store_risk_contacts = { "risk_contacts", risk_contacts_cols,
						 RISKC_NCOLS, 0 };

static const struct store_column sharing_agreements_cols[] = {
	{ "force_id", ST_TEXT, 0 },
	{ "partner_org", ST_TEXT, 0 },
	{ "title", ST_TEXT, 0 },
	{ "may_see", ST_TEXT, 0 },
	{ "may_submit", ST_TEXT, 0 },
	{ "starts", ST_TEXT, 0 },
	{ "ends", ST_TEXT, 0 },
	{ "signed_by", ST_TEXT, 0 },
	{ "created_at", ST_INT, 0 },
};
const struct store_table store_sharing_agreements = { "sharing_agreements",
						      sharing_agreements_cols, ISA_NCOLS, 1 };

static const struct store_column partner_submissions_cols[] = {
	{ "agreement_id", ST_INT, 0 },
	{ "force_id", ST_TEXT, 0 },
	{ "neighbourhood_id", ST_TEXT, 0 },
	{ "source", ST_TEXT, 0 },
	{ "category", ST_TEXT, 0 },
	{ "occurred_at", ST_INT, 0 },
	{ "location_text", ST_TEXT, 1 },
	{ "summary", ST_TEXT, 0 },
	{ "submitted_at", ST_INT, 0 },
	{ "submitted_by", ST_TEXT, 0 },
};
const struct store_table store_partner_submissions = { "partner_submissions",
						       partner_submissions_cols, PSUB_NCOLS, 0 };

const struct store_table *const store_tables[] = {
	&store_activities,
	&store_activity_demographics,
	&store_plan_entries,
	&store_concern_groups,
	&store_concerns,
	&store_concern_contacts,
	&store_concern_demographics,
	&store_priorities,
	&store_priority_evidence,
	&store_votes,
	&store_actions,
	&store_feedback,
	&store_messages,
	&store_profile_notes,
	&store_key_contacts,
	&store_audit_log,
	&store_users,
	&store_user_neighbourhoods,
	&store_sessions,
	&store_api_tokens,
	&store_impact_assessments,
	&store_impact_reviews,
	&store_risk_people,
	&store_risk_contacts,
	&store_sharing_agreements,
	&store_partner_submissions,
};
const int store_table_count = (int)(sizeof(store_tables) / sizeof(store_tables[0]));
