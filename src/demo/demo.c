/*
 * demo.c - the demo town generator's front door: options, the table of
 * stages, the files every stage writes through, and the small index files
 * (forces, neighbourhoods, README).
 *
 * Each stage is one row below and one function over the shared town model;
 * each has its own random stream named after it, so a stage added later
 * (engagement history, say) leaves every byte the others write unchanged.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "demo/demo-internal.h"

static int demo_index_write(struct demo_town *t, struct demo_rng *r, struct err *e);
static int demo_readme_write(struct demo_town *t, struct demo_rng *r, struct err *e);

/*
 * The stages, in order.  To add one: see the checklist at the top of
 * demo-internal.h.  Never rename a stage: its name seeds its stream.
 */
static const struct demo_stage {
	const char *name;
	int (*run)(struct demo_town *t, struct demo_rng *r, struct err *e);
} stages[] = {
	{ "geo", demo_geo_build },
	{ "streets", demo_streets_build },
	{ "census", demo_census_build },
	{ "crime", demo_crime_build },
	{ "boundaries", demo_boundaries_write },
	{ "census-files", demo_census_write },
	{ "crime-files", demo_crime_write },
	{ "stops", demo_stops_write },
	{ "people", demo_people_write },
	{ "index", demo_index_write },
	{ "readme", demo_readme_write },
	{ "engagement", demo_engagement_write },	/* last: earlier files stay byte-identical */
};

const char *const demo_crime_type_names[DEMO_CRIME_TYPES] = {
	"Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
	"Drugs", "Other theft", "Possession of weapons", "Public order", "Robbery",
	"Shoplifting", "Theft from the person", "Vehicle crime",
	"Violence and sexual offences", "Other crime",
};

void demo_options_default(struct demo_options *opt)
{
	opt->seed = 1;
	opt->out_dir = NULL;
	opt->months = 24;
	opt->last_month = 2026 * 12 + 9;
}

void demo_month_text(int month, char buf[8])
{
	snprintf(buf, 8, "%04d-%02d", (month / 12) % 10000, month % 12 + 1);
}

void demo_csv_field(struct strbuf *sb, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '"');
}

void demo_csv_coord(struct strbuf *sb, int32_t micro)
{
	int64_t v = micro;

	if (v < 0) {
		strbuf_addch(sb, '-');
		v = -v;
	}
	strbuf_addf(sb, "%lld.%06lld", (long long)(v / 1000000), (long long)(v % 1000000));
}

/* mkdir -p for the directory part of `path` (everything before the last '/'
 * when `parent_only`, else all of it). */
static int make_dirs(const char *path, int parent_only, struct err *e)
{
	char buf[4096];
	size_t n = strlen(path);

	if (n >= sizeof(buf))
		return err_set(e, ERR_INVALID, "path too long: '%.100s...'", path);
	memcpy(buf, path, n + 1);
	if (parent_only) {
		char *slash = strrchr(buf, '/');

		if (!slash)
			return 0;
		*slash = '\0';
	}
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			struct stat st;

			*p = '\0';
			if (mkdir(buf, 0777) < 0 && errno != EEXIST)
				return err_set(e, ERR_IO, "cannot create directory '%s': %s", buf,
					       strerror(errno));
			if (stat(buf, &st) < 0 || !S_ISDIR(st.st_mode))
				return err_set(e, ERR_IO, "cannot create directory '%s': %s", buf,
					       "a file is in the way");
			*p = c;
			if (!c)
				break;
		}
	}
	return 0;
}

int demo_write_file(struct demo_town *t, const char *rel, const struct strbuf *sb,
		    struct err *e)
{
	char path[4096];
	FILE *f;
	int rc;

	if (sb->failed)
		return err_set(e, ERR_NOMEM, "cannot build '%s': out of memory", rel);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", t->opt.out_dir, rel) >= sizeof(path))
		return err_set(e, ERR_INVALID, "path too long: '%s/%s'", t->opt.out_dir, rel);
	if ((rc = make_dirs(path, 1, e)) < 0)
		return rc;
	f = fopen(path, "wb");
	if (!f)
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	if ((sb->len && fwrite(sb->buf, 1, sb->len, f) != sb->len) || fflush(f) != 0) {
		int saved = errno;

		fclose(f);
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(saved));
	}
	if (fclose(f) != 0)
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	t->sum->files++;
	return 0;
}

static int demo_index_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addstr(&sb, "Force ID,Name,Description,URL,Telephone\n");
	strbuf_addstr(&sb, DEMO_FORCE_ID "," DEMO_FORCE_NAME ",");
	demo_csv_field(&sb, "Glanmor Police keeps the peace in Porthmawr and the coast "
		       "around it. This force is fictional: it exists only in Engage's demo data. "
		       "/ Mae Heddlu Glanmor yn ffug: dim ond yn nata demo Engage y mae'n bodoli.");
	strbuf_addstr(&sb, ",https://" DEMO_DOMAIN "/,101\n");
	if ((rc = demo_write_file(t, "forces.csv", &sb, e)) < 0)
		goto out;

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "Force ID,Neighbourhood ID,Name,Description,LSOA codes\n");
	for (int n = 0; n < t->nnbhd; n++) {
		const struct demo_nbhd *nb = &t->nbhds[n];
		int first = 1;

		strbuf_addf(&sb, "%s,%s,", DEMO_FORCE_ID, nb->id);
		demo_csv_field(&sb, nb->name);
		strbuf_addch(&sb, ',');
		demo_csv_field(&sb, nb->desc);
		strbuf_addch(&sb, ',');
		for (int i = 0; i < t->nlsoa; i++)
			if (t->lsoas[i].nbhd == n) {
				if (!first)
					strbuf_addch(&sb, ';');
				strbuf_addstr(&sb, t->lsoas[i].code);
				first = 0;
			}
		strbuf_addch(&sb, '\n');
	}
	rc = demo_write_file(t, "neighbourhoods.csv", &sb, e);
out:
	strbuf_release(&sb);
	return rc;
}

static int demo_readme_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	char first[8], last[8];
	const struct demo_summary *s = t->sum;
	int rc;

	demo_month_text(t->first_month, first);
	demo_month_text(t->opt.last_month, last);
	strbuf_addf(&sb,
		"Porthmawr - a fictional town for Engage's demo\n"
		"==============================================\n\n"
		"Everything here is FICTIONAL.  Porthmawr, Glanmor Police, its people,\n"
		"groups, places, crimes and census figures were made up by a program;\n"
		"any likeness to real people or places is chance.  The town sits at\n"
		"about 52.35N 4.45W, which is open sea in Cardigan Bay, so that it\n"
		"cannot be mistaken for anywhere real.  Codes (W01090001..., W02090001...,\n"
		"W06000099) are in a range no real area uses.\n\n"
		"Mae popeth yma yn ffug: tref ddychmygol yw Porthmawr.\n\n"
		"Generated by Engage (engage demo generate) with seed %llu,\n"
		"%d months from %s to %s.  The same seed gives the same bytes.\n\n"
		"The files use the real formats Engage imports:\n\n"
		"  police-uk/YYYY-MM/YYYY-MM-glanmor-street.csv          street crime, police.uk layout\n"
		"  police-uk/YYYY-MM/YYYY-MM-glanmor-outcomes.csv        outcome events\n"
		"  police-uk/YYYY-MM/YYYY-MM-glanmor-stop-and-search.csv stop and search\n"
		"  boundaries/lsoa.geojson                               LSOA polygons (RFC 7946)\n"
		"  boundaries/neighbourhoods/glanmor/GMnn.kml             neighbourhood boundaries\n"
		"  census/mid-2021-population-lsoa.csv                   population by age and sex\n"
		"  census/census2021-ts021-ethnic-group-lsoa.csv         ethnic group (Nomis layout)\n"
		"  census/census2021-ts041-households-lsoa.csv           households (Nomis layout)\n"
		"  forces.csv neighbourhoods.csv teams.csv places.csv    the force and its teams\n\n"
		"In numbers: %d LSOAs in %d MSOA-like areas, %d neighbourhoods, %ld people\n"
		"in %ld households; %d streets with %d anonymous map points; %ld street crime\n"
		"rows, %ld outcome rows, %ld stop and search rows; %d officers and staff;\n"
		"%d community groups and places.\n\n"
		"Like police.uk, about 1%% of crimes and some searches have no location,\n"
		"anti-social behaviour has no Crime ID and no outcome, and many outcomes\n"
		"arrive in a later month than the crime.\n",
		(unsigned long long)t->opt.seed, t->opt.months, first, last,
		s->lsoas, s->msoas, s->neighbourhoods, s->persons, s->households,
		s->streets, s->map_points, s->street_rows, s->outcome_rows, s->stop_rows,
		s->people, s->places);
	rc = demo_write_file(t, "README.txt", &sb, e);
	strbuf_release(&sb);
	return rc;
}

static void demo_town_release(struct demo_town *t)
{
	for (int i = 0; i < t->nlsoa; i++) {
		xfree(t->lsoas[i].vid);
		xfree(t->lsoas[i].ring.pts);
	}
	xfree(t->lsoas);
	for (int n = 0; n < t->nnbhd; n++)
		xfree(t->nbhds[n].ring.pts);
	xfree(t->outline.pts);
	xfree(t->cell_lsoa);
	xfree(t->verts);
	xfree(t->streets);
	xfree(t->points);
	for (int c = 0; c < DEMO_CRIME_TYPES; c++)
		xfree(t->cum[c]);
	xfree(t->crimes);
	xfree(t->venues);
	xfree(t->officers);
}

int demo_generate(const struct demo_options *opt, struct demo_summary *out, struct err *e)
{
	struct demo_town t;
	struct demo_summary sum;
	int rc = 0;

	if (!opt->out_dir || !*opt->out_dir)
		return err_set(e, ERR_INVALID, "demo: no output directory given");
	if (opt->months < 1 || opt->months > 120)
		return err_set(e, ERR_INVALID, "demo: months must be 1 to 120, not %d", opt->months);
	if (opt->last_month < 2000 * 12 || opt->last_month > 2199 * 12)
		return err_set(e, ERR_INVALID, "demo: last month must be in 2000-2199");
	memset(&t, 0, sizeof(t));
	memset(&sum, 0, sizeof(sum));
	t.opt = *opt;
	t.sum = &sum;
	t.first_month = opt->last_month - opt->months + 1;
	sum.months = opt->months;
	if ((rc = make_dirs(opt->out_dir, 0, e)) < 0)
		goto out;
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++) {
		struct demo_rng r;

		demo_rng_init(&r, opt->seed, stages[i].name);
		if ((rc = stages[i].run(&t, &r, e)) < 0)
			goto out;
	}
out:
	demo_town_release(&t);
	if (out)
		*out = sum;
	return rc;
}
