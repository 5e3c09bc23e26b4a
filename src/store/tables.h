/*
 * tables.h - descriptors of the engagement tables (migration 003), the
 * account tables (migration 004) and the audit log (migration 005), for the
 * store_row_* functions in store.h.
 *
 * Each table has an enum naming its columns in order (without id and
 * version) and a descriptor.  A value array for a table is indexed by that
 * enum: v[CONCERN_BODY] = SV_TEXT(text).  tests/unit/t_tables.c checks
 * every descriptor against the schema the migrations really create, so a
 * migration and its descriptor cannot drift apart.
 *
 * To add a table: a new migration, then its enum and descriptor here and in
 * tables.c, and its name in store_tables[].
 */
#ifndef ENGAGE_STORE_TABLES_H
#define ENGAGE_STORE_TABLES_H

#include "store/store.h"

enum { ACTIVITY_FORCE_ID,
       ACTIVITY_NEIGHBOURHOOD_ID,
       ACTIVITY_KIND,
       ACTIVITY_MODE,
       ACTIVITY_TITLE,
       ACTIVITY_STARTS_AT,
       ACTIVITY_ENDS_AT,
       ACTIVITY_VENUE,
       ACTIVITY_ADDRESS,
       ACTIVITY_LAT,
       ACTIVITY_LNG,
       ACTIVITY_ACCESSIBILITY,
       ACTIVITY_ONLINE_URL,
       ACTIVITY_ADJUSTMENTS,
       ACTIVITY_ATTENDANCE,
       ACTIVITY_PUBLIC_NOTES,
       ACTIVITY_PLAN_ENTRY_ID,
       ACTIVITY_CREATED_AT,
       ACTIVITY_CREATED_BY,
       ACTIVITY_NCOLS };
extern const struct store_table store_activities;

enum { ACTDEM_ACTIVITY_ID,
       ACTDEM_MEASURE,
       ACTDEM_CATEGORY,
       ACTDEM_COUNT,
       ACTDEM_NCOLS };
extern const struct store_table store_activity_demographics;

enum { PLAN_FORCE_ID,
       PLAN_NEIGHBOURHOOD_ID,
       PLAN_AUDIENCE,
       PLAN_CHANNEL,
       PLAN_MESSAGE,
       PLAN_AIM,
       PLAN_PLANNED_DATE,
       PLAN_OWNER,
       PLAN_ADJUSTMENTS,
       PLAN_ACTIVITY_ID,
       PLAN_CREATED_AT,
       PLAN_NCOLS };
extern const struct store_table store_plan_entries;

enum { CGROUP_FORCE_ID,
       CGROUP_NEIGHBOURHOOD_ID,
       CGROUP_CATEGORY,
       CGROUP_TITLE,
       CGROUP_CREATED_AT,
       CGROUP_NCOLS };
extern const struct store_table store_concern_groups;

enum { CONCERN_REFERENCE,
       CONCERN_FORCE_ID,
       CONCERN_NEIGHBOURHOOD_ID,
       CONCERN_CHANNEL,
       CONCERN_CATEGORY,
       CONCERN_CATEGORY_CONFIRMED,
       CONCERN_BODY,
       CONCERN_LANGUAGE,
       CONCERN_LAT,
       CONCERN_LNG,
       CONCERN_LOCATION_TEXT,
       CONCERN_ANONYMOUS,
       CONCERN_ACTIVITY_ID,
       CONCERN_GROUP_ID,
       CONCERN_STATUS,
       CONCERN_RAISED_AT,
       CONCERN_CREATED_AT,
       CONCERN_CREATED_BY,
       CONCERN_NCOLS };
extern const struct store_table store_concerns;

enum { CONTACT_CONCERN_ID,
       CONTACT_NAME,
       CONTACT_EMAIL,
       CONTACT_PHONE,
       CONTACT_ADDRESS,
       CONTACT_CONSENT_CONTACT,
       CONTACT_CONSENT_PURPOSE,
       CONTACT_CONSENT_AT,
       CONTACT_NCOLS };
extern const struct store_table store_concern_contacts;

enum { CDEM_CONCERN_ID,
       CDEM_MEASURE,
       CDEM_CATEGORY,
       CDEM_NCOLS };
extern const struct store_table store_concern_demographics;

enum { PRIORITY_FORCE_ID,
       PRIORITY_NEIGHBOURHOOD_ID,
       PRIORITY_GROUP_ID,
       PRIORITY_TITLE,
       PRIORITY_PUBLIC_TEXT,
       PRIORITY_CATEGORY,
       PRIORITY_STATUS,
       PRIORITY_REVIEW_DATE,
       PRIORITY_AGREED_AT,
       PRIORITY_AGREED_ACTIVITY_ID,
       PRIORITY_CREATED_AT,
       PRIORITY_NCOLS };
extern const struct store_table store_priorities;

enum { EVIDENCE_PRIORITY_ID,
       EVIDENCE_KIND,
       EVIDENCE_BODY,
       EVIDENCE_CREATED_AT,
       EVIDENCE_NCOLS };
extern const struct store_table store_priority_evidence;

enum { VOTE_ACTIVITY_ID,
       VOTE_PRIORITY_ID,
       VOTE_VOTES_FOR,
       VOTE_VOTES_AGAINST,
       VOTE_ABSTENTIONS,
       VOTE_RECORDED_AT,
       VOTE_NCOLS };
extern const struct store_table store_votes;

enum { ACTION_PRIORITY_ID,
       ACTION_OWNER_KIND,
       ACTION_OWNER_NAME,
       ACTION_PARTNER_ORG,
       ACTION_DESCRIPTION,
       ACTION_DUE_DATE,
       ACTION_STATUS,
       ACTION_RESULT,
       ACTION_CREATED_AT,
       ACTION_NCOLS };
extern const struct store_table store_actions;

enum { FEEDBACK_SUBJECT_KIND,
       FEEDBACK_SUBJECT_ID,
       FEEDBACK_OUTCOME,
       FEEDBACK_REASON,
       FEEDBACK_PUBLIC_TEXT,
       FEEDBACK_INTERNAL_NOTE,
       FEEDBACK_CREATED_AT,
       FEEDBACK_CREATED_BY,
       FEEDBACK_NCOLS };
extern const struct store_table store_feedback;

enum { MESSAGE_CONCERN_ID,
       MESSAGE_LANGUAGE,
       MESSAGE_BODY,
       MESSAGE_STATUS,
       MESSAGE_CREATED_AT,
       MESSAGE_NCOLS };
extern const struct store_table store_messages;

enum { NOTE_FORCE_ID,
       NOTE_NEIGHBOURHOOD_ID,
       NOTE_KIND,
       NOTE_TITLE,
       NOTE_BODY,
       NOTE_CREATED_AT,
       NOTE_NCOLS };
extern const struct store_table store_profile_notes;

enum { KEYCONTACT_FORCE_ID,
       KEYCONTACT_NEIGHBOURHOOD_ID,
       KEYCONTACT_NAME,
       KEYCONTACT_ROLE,
       KEYCONTACT_ORGANISATION,
       KEYCONTACT_EMAIL,
       KEYCONTACT_PHONE,
       KEYCONTACT_CONSENT_PURPOSE,
       KEYCONTACT_CONSENT_AT,
       KEYCONTACT_NCOLS };
extern const struct store_table store_key_contacts;

/* The audit trail (migration 005): append-only, read
 * and written only through engage/audit.h. */
enum { AUDIT_AT,
       AUDIT_ACTOR,
       AUDIT_ACTOR_ROLE,
       AUDIT_OPERATION,
       AUDIT_RECORD_KIND,
       AUDIT_RECORD_ID,
       AUDIT_PURPOSE,
       AUDIT_RECIPIENT,
       AUDIT_DETAIL,
       AUDIT_PREV_HASH,
       AUDIT_HASH,
       AUDIT_NCOLS };
extern const struct store_table store_audit_log;

enum { USER_USERNAME,
       USER_DISPLAY_NAME,
       USER_ROLE,
       USER_FORCE_ID,
       USER_PARTNER_ORG,
       USER_PASSWORD_HASH,
       USER_TOTP_SECRET,
       USER_FAILED_ATTEMPTS,
       USER_LOCKOUTS,
       USER_LOCKED_UNTIL,
       USER_DISABLED,
       USER_CREATED_AT,
       USER_NCOLS };
extern const struct store_table store_users;

enum { UNBHD_USER_ID,
       UNBHD_FORCE_ID,
       UNBHD_NEIGHBOURHOOD_ID,
       UNBHD_NCOLS };
extern const struct store_table store_user_neighbourhoods;

enum { SESSION_TOKEN_HASH,
       SESSION_USER_ID,
       SESSION_CREATED_AT,
       SESSION_LAST_SEEN,
       SESSION_EXPIRES_AT,
       SESSION_CSRF_SECRET,
       SESSION_NCOLS };
extern const struct store_table store_sessions;

enum { APITOKEN_USER_ID,
       APITOKEN_TOKEN_HASH,
       APITOKEN_LABEL,
       APITOKEN_CREATED_AT,
       APITOKEN_LAST_USED,
       APITOKEN_REVOKED,
       APITOKEN_NCOLS };
extern const struct store_table store_api_tokens;

/* Every descriptor, for the schema check. */
/* 006: restricted records */
enum { CIA_FORCE_ID,
       CIA_NEIGHBOURHOOD_ID,
       CIA_INCIDENT,
       CIA_INCIDENT_AT,
       CIA_COMMUNITIES,
       CIA_INFORMATION_NEEDED,
       CIA_INFORMATION_FROM,
       CIA_OVERSEEN_BY,
       CIA_DEADLINE,
       CIA_VULNERABLE,
       CIA_CONFIDENCE,
       CIA_REVIEW_DAYS,
       CIA_NEXT_REVIEW,
       CIA_CROSS_BORDER,
       CIA_STATUS,
       CIA_CREATED_AT,
       CIA_CREATED_BY,
       CIA_NCOLS };
extern const struct store_table store_impact_assessments;

enum { CIAREV_ASSESSMENT_ID,
       CIAREV_REVIEWED_AT,
       CIAREV_REVIEWED_BY,
       CIAREV_CONFIDENCE,
       CIAREV_NOTES,
       CIAREV_NCOLS };
extern const struct store_table store_impact_reviews;

enum { RISKP_FORCE_ID,
       RISKP_NEIGHBOURHOOD_ID,
       RISKP_NAME,
       RISKP_DATE_OF_BIRTH,
       RISKP_CONTACT,
       RISKP_CREATED_AT,
       RISKP_CREATED_BY,
       RISKP_NCOLS };
extern const struct store_table store_risk_people;

enum { RISKC_PERSON_ID,
       RISKC_CONTACTED_AT,
       RISKC_INCIDENT,
       RISKC_FACTORS,
       RISKC_RISK_LEVEL,
       RISKC_NOTES,
       RISKC_CREATED_BY,
       RISKC_NCOLS };
extern const struct store_table store_risk_contacts;

enum { ISA_FORCE_ID,
       ISA_PARTNER_ORG,
       ISA_TITLE,
       ISA_MAY_SEE,
       ISA_MAY_SUBMIT,
       ISA_STARTS,
       ISA_ENDS,
       ISA_SIGNED_BY,
       ISA_CREATED_AT,
       ISA_NCOLS };
extern const struct store_table store_sharing_agreements;

enum { PSUB_AGREEMENT_ID,
       PSUB_FORCE_ID,
       PSUB_NEIGHBOURHOOD_ID,
       PSUB_SOURCE,
       PSUB_CATEGORY,
       PSUB_OCCURRED_AT,
       PSUB_LOCATION_TEXT,
       PSUB_SUMMARY,
       PSUB_SUBMITTED_AT,
       PSUB_SUBMITTED_BY,
       PSUB_NCOLS };
extern const struct store_table store_partner_submissions;

extern const struct store_table *const store_tables[];
extern const int store_table_count;

#endif
