/*
 * t_registry.c - a force's forces/neighbourhoods/teams/places CSV files:
 * hand-made samples in the layout the demo generator writes, and refusals.
 */
#include <stdio.h>
#include <string.h>

#include "import/registry.h"
#include "test.h"

struct seen {
	long forces, nbhds, teams, places, lsoas, located, groups;
	char force_desc[128];
	char lsoa_list[256];
	char bio[128];
	char force_team_nbhd[16];
	int32_t lat, lng;
};

static int on_force(void *ctx, const struct force_record *r, struct err *e)
{
	struct seen *s = ctx;

	s->forces++;
	snprintf(s->force_desc, sizeof(s->force_desc), "%s|%s|%s", r->id, r->description, r->url);
	return 0;
}

static int on_nbhd(void *ctx, const struct neighbourhood_record *r, struct err *e)
{
	struct seen *s = ctx;
	size_t i, o = strlen(s->lsoa_list);

	s->nbhds++;
	s->lsoas += (long)r->nlsoa;
	for (i = 0; i < r->nlsoa; i++)
		o += (size_t)snprintf(s->lsoa_list + o, sizeof(s->lsoa_list) - o, "%s:%s,", r->id,
				      r->lsoa_codes[i]);
	return 0;
}

static int on_team(void *ctx, const struct team_record *r, struct err *e)
{
	struct seen *s = ctx;

	if (s->teams++ == 0)
		snprintf(s->force_team_nbhd, sizeof(s->force_team_nbhd), "[%s]", r->neighbourhood_id);
	else
		snprintf(s->bio, sizeof(s->bio), "%s", r->bio);
	return 0;
}

static int on_place(void *ctx, const struct place_record *r, struct err *e)
{
	struct seen *s = ctx;

	s->places++;
	s->groups += r->kind == PLACE_KIND_GROUP;
	if (r->has_location) {
		s->located++;
		s->lat = r->lat;
		s->lng = r->lng;
	}
	return 0;
}

static const struct registry_handlers all = { on_force, on_nbhd, on_team, on_place, NULL };

static long read_one(const char *name, struct seen *s, enum registry_kind *k, struct err *e)
{
	struct registry_handlers h = all;

	h.ctx = s;
	return registry_read_path(test_data(name), &h, k, e);
}

TEST(registry_reads_the_four_files)
{
	struct seen s = { 0 };
	struct err e = ERR_INIT;
	enum registry_kind k;

	CHECK_INT(read_one("registry/forces.csv", &s, &k, &e), 1);
	CHECK_INT(k, REGISTRY_FORCES);
	CHECK_STR(s.force_desc, "city-of-london|<p>Policing the Square Mile, with \"care\".</p>|https://www.cityoflondon.police.uk/");

	CHECK_INT(read_one("registry/neighbourhoods.csv", &s, &k, &e), 3);
	CHECK_INT(k, REGISTRY_NEIGHBOURHOODS);
	CHECK_INT(s.lsoas, 4);
	CHECK_STR(s.lsoa_list, "cripplegate:E01000001,cripplegate:E01000002,cripplegate:E01000003,aldgate:E01032739,");

	CHECK_INT(read_one("registry/teams.csv", &s, &k, &e), 2);
	CHECK_INT(k, REGISTRY_TEAMS);
	CHECK_STR(s.force_team_nbhd, "[]");
	CHECK_STR(s.bio, "Walks the Barbican\nevery morning.");

	CHECK_INT(read_one("registry/places.csv", &s, &k, &e), 2);
	CHECK_INT(k, REGISTRY_PLACES);
	CHECK_INT(s.groups, 1);
	CHECK_INT(s.located, 1);
	CHECK_INT(s.lat, 51520200);
	CHECK_INT(s.lng, -93400);
	CHECK_STR(e.msg, "");
}

TEST(registry_refusals)
{
	struct {
		const char *in, *msg;
	} bad[] = {
		{ "Force ID,Name,Description,URL,Telephone\nbad id,X,,,\n",
		  "m.csv: line 2: column \"Force ID\": \"bad id\" is not an id" },
		{ "Force ID,Name,Description,URL,Telephone\nf1,,,,\n",
		  "m.csv: line 2: column \"Name\": is empty; a name is required" },
		{ "Force ID,Name,Description,URL,Telephone\nf1,F,,javascript:alert(1),\n",
		  "m.csv: line 2: column \"URL\": \"javascript:alert(1)\" is not an http:// or https:// address" },
		{ "Force ID,Neighbourhood ID,Name,Description,LSOA codes\nf1,n1,N,,E01000001;E0200001\n",
		  "m.csv: line 2: column \"LSOA codes\": \"E0200001\" is not an LSOA code" },
		{ "Force ID,Neighbourhood ID,Name,Description,LSOA codes\nf1,,N,,\n",
		  "m.csv: line 2: column \"Neighbourhood ID\": is empty; an id is required" },
		{ "Force ID,Neighbourhood ID,Name,Rank,Bio,Email,Telephone\nf1,n1,Jo,,,jo.example.org,\n",
		  "m.csv: line 2: column \"Email\": \"jo.example.org\" is not an email address" },
		{ "Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description\nf1,n1,shop,,S,,,,\n",
		  "m.csv: line 2: column \"Kind\": \"shop\" is not \"group\" or \"place\"" },
		{ "Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description\nf1,n1,place,,S,,51.5,,\n",
		  "m.csv: line 2: column \"Longitude\": is empty while the other coordinate is given" },
		{ "Force ID,Neighbourhood ID,Kind,Type,Name,Address,Latitude,Longitude,Description\nf1,n1,place,,S,,151.5,0,\n",
		  "m.csv: line 2: column \"Latitude\": \"151.5\" is out of range for a latitude" },
		{ "Force,Name\nf1,F\n", "m.csv: line 1: not a registry header (starts \"Force\"); expected one of" },
		{ "Force ID,Name,Description,URL,Telephone\nf1,F,,\n", "m.csv: line 2: 4 fields, expected 5" },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct seen s = { 0 };
		struct registry_handlers h = all;
		struct err e = ERR_INIT;

		h.ctx = &s;
		CHECK_INT(registry_read_mem(bad[i].in, strlen(bad[i].in), "m.csv", &h, NULL, &e),
			  ERR_INVALID);
		CHECK_CONTAINS(e.msg, bad[i].msg);
		CHECK_INT(s.forces + s.nbhds + s.teams + s.places, 0);
	}
	{
		struct registry_handlers h = { on_force, NULL, NULL, NULL, NULL };
		struct err e = ERR_INIT;

		CHECK_INT(registry_read_path(test_data("registry/teams.csv"), &h, NULL, &e), ERR_INVALID);
		CHECK_STR(e.msg, "teams.csv: has the header of teams.csv, which is not expected here");
	}
}
