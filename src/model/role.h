/*
 * role.h - who may do what: the roles of Engage's users, what each may do
 * at a coarse level, and the scope check that keeps staff to their force
 * and neighbourhoods.
 *
 * Pure rules, no I/O.  The account module (auth/auth.h) stores a user's
 * role slug and scope; the web router and the services ask role_allows()
 * and user_can_see_neighbourhood() before acting.  Finer rules (a partner
 * only sees actions of its own organisation, say) are built on these.
 *
 * To add a role: its enum value here, a row in roles[] (role.c) at the same
 * place with its permissions, its slug in role_list(), and the role list in
 * the `user` command's help (src/cli/commands.c; regenerate docs/cli.md).
 */
#ifndef ENGAGE_MODEL_ROLE_H
#define ENGAGE_MODEL_ROLE_H

enum role {
	ROLE_RESIDENT,		/* an optional account for a member of the public */
	ROLE_VOLUNTEER,		/* e.g. the chair of a PACT meeting */
	ROLE_OFFICER,		/* a neighbourhood officer or PCSO */
	ROLE_SERGEANT,		/* a sergeant or inspector: agrees priorities */
	ROLE_ANALYST,		/* reads data across the force, changes nothing */
	ROLE_PARTNER,		/* a partner organisation under a sharing agreement */
	ROLE_ADMINISTRATOR,	/* manages accounts and settings */
	ROLE_COUNT
};

/* Coarse permissions; each role holds a set of them. */
enum perm {
	PERM_RAISE_CONCERN,	/* raise a concern and follow one's own */
	PERM_VIEW_INTERNAL,	/* internal (non-public) engagement records */
	PERM_VIEW_PERSONAL,	/* raisers' and contacts' personal details */
	PERM_RECORD_ENGAGEMENT,	/* activities, concerns typed in, plans, notes */
	PERM_RECORD_VOTES,	/* a PACT meeting's votes */
	PERM_AGREE_PRIORITIES,	/* agree, start, close priorities; give feedback */
	PERM_UPDATE_ACTIONS,	/* record progress on actions (partners: their own) */
	PERM_VIEW_ANALYTICS,	/* representativeness, trends, exports of counts */
	PERM_MANAGE_USERS,	/* add, disable, reset accounts */
	PERM_VIEW_RESTRICTED,	/* community impact assessments */
	PERM_RECORD_RESTRICTED,	/* make and review impact and risk assessments */
	PERM_MANAGE_SHARING,	/* information-sharing agreements with partners */
	PERM_SUBMIT_PARTNER_DATA,	/* a partner's submissions under its agreement */
	PERM_COUNT
};

/* How far a role's view reaches. */
enum role_reach {
	REACH_OWN,		/* only what the user raised (residents) */
	REACH_SCOPED,		/* their force, limited to their neighbourhoods if listed */
	REACH_ALL,		/* every force (administrators) */
};

struct role_info {
	const char *slug;	/* stored and typed: "officer" */
	const char *label;	/* "Officer or PCSO" */
	int staff;		/* staff accounts need a force and a second factor */
	int reach;		/* enum role_reach */
	unsigned perms;		/* bit (1u << PERM_*) */
};

extern const struct role_info roles[ROLE_COUNT];
/* What each permission lets a person do, as words for messages
 * ("your role (partner) may not agree priorities"). */
extern const char *const perm_names[PERM_COUNT];

/* The role with this slug, or -1. */
int role_find(const char *slug);
/* Every slug in table order, for messages: "resident, volunteer, ..." */
const char *role_list(void);
/* Whether `role` may do `perm`; false for an unknown role or permission. */
int role_allows(int role, int perm);
/* Whether accounts of this role must name a force (every scoped role). */
int role_needs_force(int role);

/* A user's scope: the role, the force (may be ""), and the neighbourhoods
 * of that force they work in (none listed: the whole force). */
#define SCOPE_MAX_NEIGHBOURHOODS 64
struct user_scope {
	int role;
	char force_id[65];
	int n;
	char neighbourhoods[SCOPE_MAX_NEIGHBOURHOODS][65];
};

/* Whether a user with `scope` may see the internal records of neighbourhood
 * (force_id, nbhd_id).  Residents never do; administrators always do. */
int user_can_see_neighbourhood(const struct user_scope *scope, const char *force_id,
			       const char *nbhd_id);

#endif
