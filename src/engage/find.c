/*
 * find.c - finding a neighbourhood by name (see find.h).  Names are folded
 * once when the finder is built; a search folds the query and scans the
 * sorted names, which is a few milliseconds even for a whole country and
 * keeps the finder small and simple.
 */
#include "engage/find.h"

#include "base/parse.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	char *fold;		/* folded name (owned) */
	const char *label;	/* as shown */
	int32_t nbhd;
	enum find_kind kind;
};

struct finder {
	const struct readmodel *rm;
	struct entry *v;
	size_t n, cap;
	char **labels;		/* street names the finder owns */
	size_t nlabels, cap_labels;
	int failed;
};

/* U+00C0..U+00FF without their accents ('*' keeps no letter). */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
			     "aaaaaaaceeeeiiiidnooooo*ouuuuyty";

void find_fold(const char *s, char *out, size_t size)
{
	size_t o = 0;
	int space = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && o + 2 < size; p++) {
		char c = 0;

		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf)
			c = latin1[*++p - 0x80];
		else if (*p == 0xc5 && p[1] >= 0xb4 && p[1] <= 0xb8)	/* Ŵ ŵ Ŷ ŷ Ÿ */
			c = *++p <= 0xb5 ? 'w' : 'y';
		else if (*p == '\'')	/* apostrophes: Pen'rhos = Penrhos */
			continue;
		else if (*p == 0xe2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			p += 2;		/* the same with ‘ or ’ (U+2018, U+2019) */
			continue;
		}
		if (c == '*')
			c = 0;
		if (!c) {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
}

static void add(struct finder *f, const char *label, int32_t nbhd, enum find_kind kind)
{
	char fold[256];
	struct entry *en;

	find_fold(label, fold, sizeof(fold));
	if (!fold[0] || nbhd < 0)
		return;
	if (xgrow(&f->v, &f->cap, f->n + 1, sizeof(*f->v))) {
		f->failed = 1;
		return;
	}
	en = &f->v[f->n];
	if (!(en->fold = xstrdup(fold))) {
		f->failed = 1;
		return;
	}
	en->label = label;
	en->nbhd = nbhd;
	en->kind = kind;
	f->n++;
}

/* "On or near Mill Close" -> "Mill Close"; NULL for a point with no street. */
static const char *street_name(const char *name)
{
	static const char prefix[] = "On or near ";

	if (!name)
		return NULL;
	if (!strncmp(name, prefix, sizeof(prefix) - 1))
		name += sizeof(prefix) - 1;
	return *name ? name : NULL;
}

static int add_street(void *ctx, const struct store_street *st)
{
	struct finder *f = ctx;
	const char *name = street_name(st->name);
	uint64_t ref;
	long n = -1;
	int kind;
	char *copy;

	if (!name)
		return 0;
	/* a loaded row at the point already knows its neighbourhood */
	ref = readmodel_street_find(f->rm, (int32_t)st->id, &kind);
	if (ref)
		n = readmodel_row_neighbourhood(f->rm, &f->rm->months[RM_REF_MONTH(ref)], kind,
						RM_REF_ROW(ref));
	if (n < 0)
		n = finder_locate(f, st->lat / 1e6, st->lng / 1e6);
	if (n < 0)
		return 0;
	if (xgrow(&f->labels, &f->cap_labels, f->nlabels + 1, sizeof(*f->labels)) ||
	    !(copy = xstrdup(name))) {
		f->failed = 1;
		return 1;
	}
	f->labels[f->nlabels++] = copy;
	add(f, copy, (int32_t)n, FIND_STREET);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = (int)x->kind - (int)y->kind;

	if (!c)
		c = strcmp(x->fold, y->fold);
	if (!c)
		c = x->nbhd - y->nbhd;
	return c;
}

/* Sort, then drop repeats (many map points share a street). */
static void sort_unique(struct finder *f)
{
	size_t k = 0;

	if (f->n)
		qsort(f->v, f->n, sizeof(*f->v), entry_cmp);
	for (size_t i = 0; i < f->n; i++) {
		if (k && !entry_cmp(&f->v[k - 1], &f->v[i])) {
			xfree(f->v[i].fold);
			continue;
		}
		f->v[k++] = f->v[i];
	}
	f->n = k;
}

int finder_build(struct store *s, const struct readmodel *rm, struct finder **out,
		 struct err *e)
{
	struct finder *f = xcalloc(1, sizeof(*f));
	int rc;

	*out = NULL;
	if (!f)
		return err_set(e, ERR_NOMEM, "out of memory building the neighbourhood finder");
	f->rm = rm;
	for (size_t n = 0; n < rm->nnbhds; n++) {
		add(f, rm->nbhds[n].name, (int32_t)n, FIND_NEIGHBOURHOOD);
		add(f, rm->nbhds[n].id, (int32_t)n, FIND_NEIGHBOURHOOD);
	}
	for (size_t i = 0; i < rm->nlsoas; i++) {
		add(f, rm->lsoas[i].code, rm->lsoas[i].nbhd, FIND_LSOA);
		if (rm->lsoas[i].name)
			add(f, rm->lsoas[i].name, rm->lsoas[i].nbhd, FIND_LSOA);
	}
	if (s && (rc = store_street_each(s, add_street, f, e)) < 0) {
		finder_free(f);
		return rc;
	}
	if (f->failed) {
		finder_free(f);
		return err_set(e, ERR_NOMEM, "out of memory building the neighbourhood finder");
	}
	sort_unique(f);
	*out = f;
	return 0;
}

void finder_free(struct finder *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		xfree(f->v[i].fold);
	for (size_t i = 0; i < f->nlabels; i++)
		xfree(f->labels[i]);
	xfree(f->v);
	xfree(f->labels);
	xfree(f);
}

/* 2 when `name` is `q`, 1 when q starts a word of name, else 0. */
static int match(const char *name, const char *q, size_t qn)
{
	if (!strcmp(name, q))
		return 2;
	for (const char *p = strstr(name, q); p; p = strstr(p + 1, q))
		if ((p == name || p[-1] == ' ') && (p[qn] == '\0' || p[qn] == ' ' || qn >= 3))
			return 1;
	return 0;
}

size_t finder_search(const struct finder *f, const char *query, struct find_match *out,
		     size_t max)
{
	char q[256];
	size_t qn, count = 0;
	int best = 1;

	find_fold(query ? query : "", q, sizeof(q));
	qn = strlen(q);
	if (!qn)
		return 0;
	/* the best kind of match decides which matches count */
	for (size_t i = 0; i < f->n && best < 2; i++)
		if (match(f->v[i].fold, q, qn) == 2)
			best = 2;
	for (size_t i = 0; i < f->n; i++) {
		const struct entry *en = &f->v[i];
		int dup = 0;

		if (match(en->fold, q, qn) < best)
			continue;
		/* one line per neighbourhood and kind of match */
		for (size_t k = 0; k < count && k < max; k++)
			if (out[k].nbhd == en->nbhd && out[k].kind == en->kind)
				dup = 1;
		if (dup)
			continue;
		if (count < max)
			out[count] = (struct find_match){ en->nbhd, en->kind, en->label };
		count++;
	}
	return count;
}

long finder_locate(const struct finder *f, double lat, double lng)
{
	long l = readmodel_locate(f->rm, (struct geo_point){ lng, lat });

	return l < 0 ? -1 : f->rm->lsoas[l].nbhd;
}

int find_parse_coordinates(const char *s, double *lat, double *lng)
{
	const char *p = s, *sep;
	char a[32], b[32];
	size_t an, bn;

	while (*p == ' ')
		p++;
	sep = strpbrk(p, ", ");
	if (!sep)
		return -1;
	an = (size_t)(sep - p);
	for (sep++; *sep == ' ' || *sep == ','; sep++)
		;
	bn = strlen(sep);
	while (bn && sep[bn - 1] == ' ')
		bn--;
	if (!an || an >= sizeof(a) || !bn || bn >= sizeof(b))
		return -1;
	memcpy(a, p, an);
	a[an] = '\0';
	memcpy(b, sep, bn);
	b[bn] = '\0';
	if (parse_double(a, an, lat) < 0 || parse_double(b, bn, lng) < 0 || *lat < -90 ||
	    *lat > 90 || *lng < -180 || *lng > 180)
		return -1;
	return 0;
}
