/*
 * role.c - the role table and the pure permission and scope rules (role.h).
 */
#include "model/role.h"

#include <string.h>

#define P(x) (1u << (x))

const struct role_info roles[ROLE_COUNT] = {
	[ROLE_RESIDENT] = { "resident", "Resident", 0, REACH_OWN, P(PERM_RAISE_CONCERN) },
	[ROLE_VOLUNTEER] = { "volunteer", "Volunteer (e.g. meeting chair)", 0, REACH_SCOPED,
			     P(PERM_RAISE_CONCERN) | P(PERM_RECORD_VOTES) },
	[ROLE_OFFICER] = { "officer", "Officer or PCSO", 1, REACH_SCOPED,
			   P(PERM_RAISE_CONCERN) | P(PERM_VIEW_INTERNAL) | P(PERM_VIEW_PERSONAL) |
			   P(PERM_RECORD_ENGAGEMENT) | P(PERM_RECORD_VOTES) | P(PERM_UPDATE_ACTIONS) |
			   P(PERM_VIEW_RESTRICTED) | P(PERM_RECORD_RESTRICTED) },
	[ROLE_SERGEANT] = { "sergeant", "Sergeant or inspector", 1, REACH_SCOPED,
			    P(PERM_RAISE_CONCERN) | P(PERM_VIEW_INTERNAL) | P(PERM_VIEW_PERSONAL) |
			    P(PERM_RECORD_ENGAGEMENT) | P(PERM_RECORD_VOTES) |
			    P(PERM_AGREE_PRIORITIES) | P(PERM_UPDATE_ACTIONS) |
			    P(PERM_VIEW_ANALYTICS) | P(PERM_VIEW_RESTRICTED) |
			    P(PERM_RECORD_RESTRICTED) | P(PERM_MANAGE_SHARING) },
	[ROLE_ANALYST] = { "analyst", "Analyst", 1, REACH_SCOPED,
			   P(PERM_VIEW_INTERNAL) | P(PERM_VIEW_ANALYTICS) | P(PERM_VIEW_RESTRICTED) },
	[ROLE_PARTNER] = { "partner", "Partner organisation", 1, REACH_SCOPED,
			   P(PERM_VIEW_INTERNAL) | P(PERM_UPDATE_ACTIONS) |
			   P(PERM_SUBMIT_PARTNER_DATA) },
	[ROLE_ADMINISTRATOR] = { "administrator", "Administrator", 1, REACH_ALL,
				 P(PERM_VIEW_INTERNAL) | P(PERM_VIEW_ANALYTICS) |
				 P(PERM_MANAGE_USERS) | P(PERM_MANAGE_SHARING) },
};

int role_find(const char *slug)
{
	for (int i = 0; slug && i < ROLE_COUNT; i++)
		if (!strcmp(roles[i].slug, slug))
			return i;
	return -1;
}

const char *role_list(void)
{
	return "resident, volunteer, officer, sergeant, analyst, partner, administrator";
}

const char *const perm_names[PERM_COUNT] = {
	[PERM_RAISE_CONCERN] = "raise concerns",
	[PERM_VIEW_INTERNAL] = "see internal engagement records",
	[PERM_VIEW_PERSONAL] = "see personal details",
	[PERM_RECORD_ENGAGEMENT] = "record engagement",
	[PERM_RECORD_VOTES] = "record votes",
	[PERM_AGREE_PRIORITIES] = "agree priorities and act on them",
	[PERM_UPDATE_ACTIONS] = "update actions",
	[PERM_VIEW_ANALYTICS] = "see analytics",
	[PERM_MANAGE_USERS] = "manage accounts",
	[PERM_VIEW_RESTRICTED] = "see community impact assessments",
	[PERM_RECORD_RESTRICTED] = "make impact and risk assessments",
	[PERM_MANAGE_SHARING] = "manage information-sharing agreements",
	[PERM_SUBMIT_PARTNER_DATA] = "submit partner data",
};

int role_allows(int role, int perm)
{
	if (role < 0 || role >= ROLE_COUNT || perm < 0 || perm >= PERM_COUNT)
		return 0;
	return (roles[role].perms & P(perm)) != 0;
}

int role_needs_force(int role)
{
	return role >= 0 && role < ROLE_COUNT && roles[role].reach == REACH_SCOPED;
}

int user_can_see_neighbourhood(const struct user_scope *u, const char *force_id,
			       const char *nbhd_id)
{
	if (!u || u->role < 0 || u->role >= ROLE_COUNT || !force_id || !nbhd_id)
		return 0;
	if (roles[u->role].reach == REACH_ALL)
		return 1;
	if (roles[u->role].reach != REACH_SCOPED || !u->force_id[0] ||
	    strcmp(u->force_id, force_id))
		return 0;
	if (u->n == 0)
		return 1;
	for (int i = 0; i < u->n && i < SCOPE_MAX_NEIGHBOURHOODS; i++)
		if (!strcmp(u->neighbourhoods[i], nbhd_id))
			return 1;
	return 0;
}
