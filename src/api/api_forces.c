/*
 * api_forces.c - forces and neighbourhoods as police.uk serves them
 * (api.h).  Engage's own records fill what police.uk's do: teams from the
 * registry, boundaries from the imported KML; events and priorities wait
 * for the engagement records and are [] until then.
 */
#include "api/api-internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int done(struct strbuf *out)
{
	return out->failed ? ERR_NOMEM : 0;
}

int api_forces(const struct readmodel *rm, struct strbuf *out)
{
	struct json_writer jw;

	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < rm->nforces; i++) {
		json_object_begin(&jw);
		json_key_str(&jw, "id", rm->forces[i].id);
		json_key_str(&jw, "name", rm->forces[i].name);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	return done(out);
}

int api_force(const struct readmodel *rm, const char *force, struct strbuf *out, struct err *e)
{
	long f = api_force_index(rm, force, e);
	const struct rm_force *rf;
	struct json_writer jw;

	if (f < 0)
		return ERR_NOTFOUND;
	rf = &rm->forces[f];
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "description", rf->description);	/* NULL -> null */
	json_key_str(&jw, "url", rf->url ? rf->url : "");
	json_key(&jw, "engagement_methods");
	json_array_begin(&jw);
	json_array_end(&jw);
	json_key_str(&jw, "telephone", rf->telephone ? rf->telephone : "");
	json_key_str(&jw, "id", rf->id);
	json_key_str(&jw, "name", rf->name);
	json_object_end(&jw);
	return done(out);
}

static void person(struct json_writer *jw, const struct rm_person *p)
{
	json_object_begin(jw);
	json_key_str(jw, "bio", p->bio);
	json_key(jw, "contact_details");
	json_object_begin(jw);
	if (p->email)
		json_key_str(jw, "email", p->email);
	if (p->telephone)
		json_key_str(jw, "telephone", p->telephone);
	json_object_end(jw);
	json_key_str(jw, "name", p->name);
	json_key_str(jw, "rank", p->rank ? p->rank : "");
	json_object_end(jw);
}

/* Force-level people are not in the read model yet: []. */
int api_force_people(const struct readmodel *rm, const char *force, struct strbuf *out,
		     struct err *e)
{
	if (api_force_index(rm, force, e) < 0)
		return ERR_NOTFOUND;
	strbuf_addstr(out, "[]");
	return done(out);
}

int api_neighbourhoods(const struct readmodel *rm, const char *force, struct strbuf *out,
		       struct err *e)
{
	long f = api_force_index(rm, force, e);
	struct json_writer jw;

	if (f < 0)
		return ERR_NOTFOUND;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < rm->nnbhds; i++) {
		if (rm->nbhds[i].force != f)
			continue;
		json_object_begin(&jw);
		json_key_str(&jw, "id", rm->nbhds[i].id);
		json_key_str(&jw, "name", rm->nbhds[i].name);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	return done(out);
}

static const struct rm_neighbourhood *find(const struct readmodel *rm, const char *force,
					   const char *id, struct err *e)
{
	long n;

	if (api_force_index(rm, force, e) < 0)
		return NULL;
	n = readmodel_neighbourhood(rm, force, id);
	if (n < 0) {
		err_set(e, ERR_NOTFOUND, "force '%s' has no neighbourhood '%s'", force, id);
		return NULL;
	}
	return &rm->nbhds[n];
}

static int32_t micro(double deg)
{
	return (int32_t)lround(deg * 1e6);
}

int api_neighbourhood(const struct readmodel *rm, const char *force, const char *id,
		      struct strbuf *out, struct err *e)
{
	const struct rm_neighbourhood *nb = find(rm, force, id, e);
	const struct rm_force *rf;
	struct json_writer jw;
	char pop[24];

	if (!nb)
		return ERR_NOTFOUND;
	rf = &rm->forces[nb->force];
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "url_force", rf->url ? rf->url : "");
	json_key(&jw, "contact_details");
	json_object_begin(&jw);
	if (rf->telephone)
		json_key_str(&jw, "telephone", rf->telephone);
	json_object_end(&jw);
	json_key_str(&jw, "name", nb->name);
	json_key(&jw, "links");
	json_array_begin(&jw);
	json_array_end(&jw);
	json_key(&jw, "centre");
	json_object_begin(&jw);
	api_key_coord(&jw, "latitude", micro(nb->centre.y));
	api_key_coord(&jw, "longitude", micro(nb->centre.x));
	json_object_end(&jw);
	json_key(&jw, "locations");
	json_array_begin(&jw);
	json_array_end(&jw);
	json_key_str(&jw, "description", nb->description ? nb->description : "");
	json_key_str(&jw, "id", nb->id);
	snprintf(pop, sizeof(pop), "%lld", (long long)nb->population);
	json_key_str(&jw, "population", pop);
	json_object_end(&jw);
	return done(out);
}

int api_neighbourhood_boundary(const struct readmodel *rm, const char *force, const char *id,
			       struct strbuf *out, struct err *e)
{
	const struct rm_neighbourhood *nb = find(rm, force, id, e);
	struct json_writer jw;

	if (!nb)
		return ERR_NOTFOUND;
	json_init(&jw, out);
	json_array_begin(&jw);
	/* police.uk gives one ring: the outer ring of each part, in turn */
	for (size_t p = 0; nb->has_boundary && p < nb->boundary.npolys; p++) {
		const struct geo_ring *r = &nb->boundary.polys[p].rings[0];

		for (size_t i = 0; i < r->n; i++) {
			json_object_begin(&jw);
			api_key_coord(&jw, "latitude", micro(r->pts[i].y));
			api_key_coord(&jw, "longitude", micro(r->pts[i].x));
			json_object_end(&jw);
		}
	}
	json_array_end(&jw);
	return done(out);
}

int api_neighbourhood_people(const struct readmodel *rm, const char *force, const char *id,
			     struct strbuf *out, struct err *e)
{
	const struct rm_neighbourhood *nb = find(rm, force, id, e);
	struct json_writer jw;

	if (!nb)
		return ERR_NOTFOUND;
	json_init(&jw, out);
	json_array_begin(&jw);
	for (size_t i = 0; i < nb->nteam; i++)
		person(&jw, &nb->team[i]);
	json_array_end(&jw);
	return done(out);
}

int api_locate_neighbourhood(const struct readmodel *rm, int32_t lat, int32_t lng,
			     struct strbuf *out, struct err *e)
{
	struct geo_point pt = { lng / 1e6, lat / 1e6 };
	long l = readmodel_locate(rm, pt), n = l >= 0 ? rm->lsoas[l].nbhd : -1;
	struct json_writer jw;

	for (size_t i = 0; n < 0 && i < rm->nnbhds; i++)
		if (rm->nbhds[i].has_boundary && geo_contains(&rm->nbhds[i].boundary, pt))
			n = (long)i;
	if (n < 0)
		return err_set(e, ERR_NOTFOUND, "no neighbourhood holds %.6f,%.6f", pt.y, pt.x);
	json_init(&jw, out);
	json_object_begin(&jw);
	json_key_str(&jw, "force", rm->forces[rm->nbhds[n].force].id);
	json_key_str(&jw, "neighbourhood", rm->nbhds[n].id);
	json_object_end(&jw);
	return done(out);
}
