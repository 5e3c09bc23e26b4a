/*
 * t_role.c - the role table and the pure permission and scope rules
 * (model/role.h).
 */
#include "test.h"

#include "model/role.h"

#include <stdio.h>

TEST(role_table_slugs_and_list_agree)
{
	char list[256] = "";
	size_t used = 0;

	for (int r = 0; r < ROLE_COUNT; r++) {
		CHECK_INT(role_find(roles[r].slug), r);
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", r ? ", " : "", roles[r].slug);
	}
	CHECK_STR(role_list(), list);
	CHECK_INT(role_find("chief"), -1);
	CHECK_INT(role_find(NULL), -1);
}

TEST(role_allows_the_coarse_permissions)
{
	CHECK(role_allows(ROLE_RESIDENT, PERM_RAISE_CONCERN));
	CHECK(!role_allows(ROLE_RESIDENT, PERM_VIEW_INTERNAL));
	CHECK(role_allows(ROLE_VOLUNTEER, PERM_RECORD_VOTES));
	CHECK(!role_allows(ROLE_VOLUNTEER, PERM_VIEW_PERSONAL));
	CHECK(role_allows(ROLE_OFFICER, PERM_RECORD_ENGAGEMENT));
	CHECK(!role_allows(ROLE_OFFICER, PERM_AGREE_PRIORITIES));
	CHECK(role_allows(ROLE_SERGEANT, PERM_AGREE_PRIORITIES));
	CHECK(role_allows(ROLE_ANALYST, PERM_VIEW_ANALYTICS));
	CHECK(!role_allows(ROLE_ANALYST, PERM_VIEW_PERSONAL));
	CHECK(role_allows(ROLE_PARTNER, PERM_UPDATE_ACTIONS));
	CHECK(!role_allows(ROLE_PARTNER, PERM_RECORD_ENGAGEMENT));
	CHECK(role_allows(ROLE_ADMINISTRATOR, PERM_MANAGE_USERS));
	CHECK(!role_allows(ROLE_ADMINISTRATOR, PERM_VIEW_PERSONAL));
	CHECK(!role_allows(-1, PERM_RAISE_CONCERN));
	CHECK(!role_allows(ROLE_SERGEANT, PERM_COUNT));
	for (int r = 0; r < ROLE_COUNT; r++)
		CHECK_INT(role_allows(r, PERM_MANAGE_USERS), r == ROLE_ADMINISTRATOR);
}

TEST(role_scope_keeps_staff_to_their_neighbourhoods)
{
	struct user_scope u = { ROLE_OFFICER, "glanmor", 0, { { 0 } } };

	CHECK(user_can_see_neighbourhood(&u, "glanmor", "GM01"));
	CHECK(!user_can_see_neighbourhood(&u, "dyfed-powys", "GM01"));
	snprintf(u.neighbourhoods[u.n++], sizeof(u.neighbourhoods[0]), "GM02");
	CHECK(!user_can_see_neighbourhood(&u, "glanmor", "GM01"));
	CHECK(user_can_see_neighbourhood(&u, "glanmor", "GM02"));
	u.role = ROLE_RESIDENT;
	CHECK(!user_can_see_neighbourhood(&u, "glanmor", "GM02"));
	u.role = ROLE_ADMINISTRATOR;
	CHECK(user_can_see_neighbourhood(&u, "dyfed-powys", "DP07"));
	u.role = ROLE_ANALYST;
	u.force_id[0] = '\0';
	CHECK(!user_can_see_neighbourhood(&u, "glanmor", "GM02"));
	CHECK(role_needs_force(ROLE_PARTNER));
	CHECK(!role_needs_force(ROLE_RESIDENT));
	CHECK(!role_needs_force(ROLE_ADMINISTRATOR));
}
