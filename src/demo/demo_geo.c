/*
 * demo_geo.c - the demo town's ground: LSOA polygons that tile the town,
 * neighbourhoods made of whole LSOAs, and the boundary files.
 *
 * The town is a jittered grid of cells, one LSOA each.  Every grid edge is
 * generated once, bent through a few jittered vertices, and used by both
 * cells on either side in opposite directions, so neighbours share their
 * edge vertex for vertex and the LSOAs tile the town with no gap or
 * overlap.  Neighbourhoods are blocks of cells (two bands, three or four
 * blocks each), so each is contiguous and its boundary one simple ring,
 * traced from the edges only one of its LSOAs uses.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/xalloc.h"
#include "demo/demo-internal.h"

#define CENTRE_LON (-4450000)
#define CENTRE_LAT 52350000
#define M_PER_DEG_LON 67998.3	/* 111320 m * cos(52.35 degrees) */
#define M_PER_DEG_LAT 111250.0
#define TOWN_W 6000.0
#define TOWN_H 5000.0

struct demo_pt demo_pt_from_m(double x, double y)
{
	struct demo_pt p;

	p.lon = CENTRE_LON + (int32_t)floor(x / M_PER_DEG_LON * 1e6 + 0.5);
	p.lat = CENTRE_LAT + (int32_t)floor(y / M_PER_DEG_LAT * 1e6 + 0.5);
	return p;
}

void demo_pt_to_m(struct demo_pt p, double *x, double *y)
{
	*x = (p.lon - CENTRE_LON) * (M_PER_DEG_LON / 1e6);
	*y = (p.lat - CENTRE_LAT) * (M_PER_DEG_LAT / 1e6);
}

double demo_dist_m(struct demo_pt a, struct demo_pt b)
{
	double dx = (a.lon - b.lon) * (M_PER_DEG_LON / 1e6);
	double dy = (a.lat - b.lat) * (M_PER_DEG_LAT / 1e6);

	return sqrt(dx * dx + dy * dy);
}

/*
 * Crossing test in exact integer arithmetic with half-open rules, so that
 * a point on an edge shared by two rings belongs to exactly one of them.
 */
int demo_ring_contains(const struct demo_ring *g, struct demo_pt p)
{
	int in = 0;

	for (int i = 0, j = g->n - 1; i < g->n; j = i++) {
		struct demo_pt a = g->pts[j], b = g->pts[i];

		if ((a.lat > p.lat) != (b.lat > p.lat)) {
			int64_t dy = (int64_t)b.lat - a.lat;
			int64_t lhs = ((int64_t)p.lon - a.lon) * dy;
			int64_t rhs = ((int64_t)p.lat - a.lat) * ((int64_t)b.lon - a.lon);

			if (dy > 0 ? lhs < rhs : lhs > rhs)
				in = !in;
		}
	}
	return in;
}

int64_t demo_ring_area2(const struct demo_ring *g)
{
	int64_t s = 0;

	if (g->n < 3)
		return 0;
	for (int i = 0, j = g->n - 1; i < g->n; j = i++) {
		int64_t ax = (int64_t)g->pts[j].lon - CENTRE_LON, ay = (int64_t)g->pts[j].lat - CENTRE_LAT;
		int64_t bx = (int64_t)g->pts[i].lon - CENTRE_LON, by = (int64_t)g->pts[i].lat - CENTRE_LAT;

		s += ax * by - bx * ay;
	}
	return s;
}

int demo_lsoa_at(const struct demo_town *t, struct demo_pt p)
{
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_lsoa *l = &t->lsoas[i];

		if (p.lon < l->lo.lon || p.lon > l->hi.lon || p.lat < l->lo.lat || p.lat > l->hi.lat)
			continue;
		if (demo_ring_contains(&l->ring, p))
			return i;
	}
	return -1;
}

struct demo_pt demo_random_in_lsoa(const struct demo_town *t, struct demo_rng *r, int i)
{
	const struct demo_lsoa *l = &t->lsoas[i];
	struct demo_pt p = l->ring.pts[0];

	for (int tries = 0; tries < 100000; tries++) {
		p.lon = l->lo.lon + demo_rng_below(r, l->hi.lon - l->lo.lon + 1);
		p.lat = l->lo.lat + demo_rng_below(r, l->hi.lat - l->lo.lat + 1);
		if (demo_lsoa_at(t, p) == i)
			return p;
	}
	return p;	/* not reached for the polygons built here */
}

static int add_vert(struct demo_town *t, struct demo_pt p)
{
	if (t->nverts == t->averts) {
		int na = t->averts ? 2 * t->averts : 256;
		struct demo_pt *nv = xreallocarray(t->verts, (size_t)na, sizeof(*nv));

		if (!nv)
			return -1;
		t->verts = nv;
		t->averts = na;
	}
	t->verts[t->nverts] = p;
	return t->nverts++;
}

/* Column cuts of k blocks over c columns, each two columns wide when
 * there is room, else one. */
static void cut_columns(struct demo_rng *r, int c, int k, int *cuts)
{
	int minw = c >= 2 * k ? 2 : 1;

	cuts[0] = 0;
	cuts[k] = c;
	for (int g = 1; g < k; g++) {
		cuts[g] = (c * g + k / 2) / k + demo_rng_below(r, 3) - 1;
		if (cuts[g] < cuts[g - 1] + minw)
			cuts[g] = cuts[g - 1] + minw;
		if (cuts[g] > c - (k - g) * minw)
			cuts[g] = c - (k - g) * minw;
	}
}

static const struct {
	const char *name, *desc;
} theme_names[THEME_COUNT] = {
	[THEME_CENTRE] = { "Porthmawr Town Centre",
		"The shops, pubs and clubs of Stryd Fawr and the castle, with a busy night-time economy at weekends." },
	[THEME_HARBOUR] = { "Harbourside",
		"The harbour, the old docks and the terraces around them; home to Polish, Bangladeshi and Syrian families as well as long-standing Welsh-speaking households." },
	[THEME_SEAFRONT] = { "Glan-y-Môr",
		"The promenade and the seafront terraces: many older residents, holiday flats and the lifeboat station." },
	[THEME_MORFA] = { "Morfa",
		"Quiet streets of semi-detached houses between the seafront and the railway line." },
	[THEME_ESTATE] = { "Penrhyn",
		"The Penrhyn estate, built in the 1960s: young families, two primary schools and the leisure centre." },
	[THEME_STUDENT] = { "Bryn Coleg",
		"The university campus on the hill and the streets of shared student houses below it." },
	[THEME_RETAIL] = { "Maes-y-Dre",
		"Porthmawr Retail Park, the industrial estate and the new housing beside the bypass." },
	[THEME_SUBURB] = { "Llys Newydd",
		"Newer family housing on the northern edge of town, and the farms beyond it." },
};

struct block {
	int col0, col1, row0, row1, theme, south;
};

static int cell_dist2(int c0, int r0, int c1, int r1)
{
	return (c0 - c1) * (c0 - c1) + (r0 - r1) * (r0 - r1);
}

/* Split the grid into 6-8 blocks and give each a theme; blocks come back
 * in neighbourhood order (town centre first, then west to east). */
static int make_blocks(struct demo_town *t, struct demo_rng *r, struct block *b)
{
	int C = t->cols, R = t->rows;
	int s = R / 2 + demo_rng_below(r, 2) * (R & 1);
	int ks = 3 + demo_rng_below(r, 2), kn = 3 + demo_rng_below(r, 2);
	int cs[5], cn[5], n = 0, centre = 0;
	int north[4] = { THEME_ESTATE, THEME_STUDENT, THEME_RETAIL, THEME_SUBURB };
	struct block tmp[DEMO_MAX_NBHD];

	cut_columns(r, C, ks, cs);
	cut_columns(r, C, kn, cn);
	for (int i = 2; i > 0; i--) {	/* shuffle the three themes every town has */
		int j = demo_rng_below(r, i + 1), x = north[i];

		north[i] = north[j];
		north[j] = x;
	}
	if (kn == 4) {		/* put the suburb anywhere */
		int j = demo_rng_below(r, 4), x = north[3];

		north[3] = north[j];
		north[j] = x;
	}
	for (int g = 0; g < ks; g++) {
		tmp[n] = (struct block){ cs[g], cs[g + 1], 0, s, -1, 1 };
		if (cs[g] <= C / 2 && C / 2 < cs[g + 1])
			centre = n;
		n++;
	}
	for (int g = 0; g < kn; g++) {
		tmp[n] = (struct block){ cn[g], cn[g + 1], s, R, north[g], 0 };
		n++;
	}
	tmp[centre].theme = THEME_CENTRE;
	/* The other coastal blocks, nearest the centre first. */
	{
		static const int coast[3] = { THEME_HARBOUR, THEME_SEAFRONT, THEME_MORFA };
		int used = 0;

		for (int k = 0; k < ks - 1; k++) {
			int best = -1, bestd = 1 << 30;

			for (int g = 0; g < ks; g++) {
				int d = abs(tmp[g].col0 + tmp[g].col1 - tmp[centre].col0 - tmp[centre].col1);

				if (tmp[g].theme < 0 && d < bestd) {
					bestd = d;
					best = g;
				}
			}
			tmp[best].theme = coast[used++];
		}
	}
	b[0] = tmp[centre];
	for (int g = 0, k = 1; g < n; g++)
		if (g != centre)
			b[k++] = tmp[g];
	return n;
}

static void ring_bbox(struct demo_lsoa *l)
{
	l->lo = l->hi = l->ring.pts[0];
	for (int k = 1; k < l->ring.n; k++) {
		struct demo_pt p = l->ring.pts[k];

		if (p.lon < l->lo.lon) l->lo.lon = p.lon;
		if (p.lat < l->lo.lat) l->lo.lat = p.lat;
		if (p.lon > l->hi.lon) l->hi.lon = p.lon;
		if (p.lat > l->hi.lat) l->hi.lat = p.lat;
	}
}

/* A point inside LSOA i near its middle. */
static struct demo_pt lsoa_middle(const struct demo_town *t, struct demo_rng *r, int i)
{
	const struct demo_lsoa *l = &t->lsoas[i];
	int64_t sx = 0, sy = 0;
	struct demo_pt p;

	for (int k = 0; k < l->ring.n; k++) {
		sx += l->ring.pts[k].lon;
		sy += l->ring.pts[k].lat;
	}
	p.lon = (int32_t)(sx / l->ring.n);
	p.lat = (int32_t)(sy / l->ring.n);
	if (demo_lsoa_at(t, p) != i)
		p = demo_random_in_lsoa(t, r, i);
	return p;
}

/* Give each LSOA its character from its neighbourhood's theme. */
static void assign_areas(struct demo_town *t, struct demo_rng *r, int cc, int cr)
{
	for (int n = 0; n < t->nnbhd; n++) {
		struct demo_nbhd *nb = &t->nbhds[n];
		int ids[64], m = 0, special;

		for (int i = 0; i < t->nlsoa; i++)
			if (t->lsoas[i].nbhd == n)
				ids[m++] = i;
		/* nearest the town centre first (stable selection sort) */
		for (int a = 0; a < m; a++)
			for (int b2 = a + 1; b2 < m; b2++) {
				struct demo_lsoa *x = &t->lsoas[ids[a]], *y = &t->lsoas[ids[b2]];

				if (cell_dist2(y->col, y->row, cc, cr) < cell_dist2(x->col, x->row, cc, cr)) {
					int tmp = ids[a];

					ids[a] = ids[b2];
					ids[b2] = tmp;
				}
			}
		special = demo_rng_below(r, m);
		for (int k = 0; k < m; k++) {
			struct demo_lsoa *l = &t->lsoas[ids[k]];
			int a = AREA_SUBURB;

			switch (nb->theme) {
			case THEME_CENTRE: a = AREA_CENTRE; break;
			case THEME_HARBOUR: a = k < 1 + (m > 3) ? AREA_DIVERSE : AREA_FAMILY; break;
			case THEME_SEAFRONT: a = AREA_OLDER; break;
			case THEME_MORFA: a = l->row == 0 ? AREA_OLDER : AREA_SUBURB; break;
			case THEME_ESTATE: a = AREA_FAMILY; break;
			case THEME_STUDENT: a = k < (m + 1) / 2 ? AREA_STUDENT : AREA_SUBURB; break;
			case THEME_RETAIL: a = k == special ? AREA_RETAIL : (k & 1) ? AREA_FAMILY : AREA_SUBURB; break;
			case THEME_SUBURB: a = k == special ? AREA_FAMILY : AREA_SUBURB; break;
			}
			l->area = a;
		}
		/* hot spots */
		for (int k = 0; k < m; k++) {
			int i = ids[k], a = t->lsoas[i].area;

			if (nb->theme == THEME_HARBOUR && k == 0)
				t->hot[HOT_HARBOUR] = lsoa_middle(t, r, i);
			if (nb->theme == THEME_STUDENT && k == 0)
				t->hot[HOT_CAMPUS] = lsoa_middle(t, r, i);
			if (nb->theme == THEME_RETAIL && a == AREA_RETAIL)
				t->hot[HOT_RETAIL] = lsoa_middle(t, r, i);
			if (nb->theme == THEME_ESTATE && k == m / 2)
				t->hot[HOT_ESTATE] = lsoa_middle(t, r, i);
		}
	}
	t->hot[HOT_NTE] = lsoa_middle(t, r, t->cell_lsoa[cr * t->cols + cc]);
}

int demo_trace(const struct demo_town *t, const unsigned char *flags,
	       struct demo_ring *ring, struct err *e)
{
	int n = 0, cap = 0, *a = NULL, *b = NULL, nb = 0, rc = 0;
	unsigned char *keep = NULL, *used = NULL;

	ring->pts = NULL;
	ring->n = 0;
	for (int i = 0; i < t->nlsoa; i++)
		if (flags[i])
			cap += t->lsoas[i].ring.n;
	a = xcalloc((size_t)cap + 1, sizeof(*a));
	b = xcalloc((size_t)cap + 1, sizeof(*b));
	keep = xcalloc((size_t)cap + 1, 1);
	used = xcalloc((size_t)cap + 1, 1);
	ring->pts = xcalloc((size_t)cap + 1, sizeof(*ring->pts));
	if (!a || !b || !keep || !used || !ring->pts) {
		rc = err_set(e, ERR_NOMEM, "demo: out of memory tracing a boundary");
		goto out;
	}
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_lsoa *l = &t->lsoas[i];

		if (!flags[i])
			continue;
		for (int k = 0; k < l->ring.n; k++) {
			a[n] = l->vid[k];
			b[n] = l->vid[(k + 1) % l->ring.n];
			n++;
		}
	}
	for (int i = 0; i < n; i++) {	/* an edge used both ways is inside */
		keep[i] = 1;
		for (int j = 0; j < n; j++)
			if (a[j] == b[i] && b[j] == a[i]) {
				keep[i] = 0;
				break;
			}
		nb += keep[i];
	}
	for (int i = 0; i < n; i++)
		if (keep[i]) {
			int cur = i;

			do {
				int next = -1;

				used[cur] = 1;
				ring->pts[ring->n++] = t->verts[a[cur]];
				for (int j = 0; j < n; j++)
					if (keep[j] && !used[j] && a[j] == b[cur]) {
						next = j;
						break;
					}
				cur = next;
			} while (cur >= 0);
			break;
		}
	if (ring->n != nb || ring->n < 3) {
		rc = err_set(e, ERR_INTERNAL, "demo: a neighbourhood boundary is not one ring");
		goto out;
	}
out:
	if (rc < 0) {
		xfree(ring->pts);
		ring->pts = NULL;
		ring->n = 0;
	}
	xfree(a);
	xfree(b);
	xfree(keep);
	xfree(used);
	return rc;
}

int demo_geo_build(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	int C, R, nn, ne, rc = 0;
	double w, h, *nx = NULL, *ny = NULL;
	int *hfirst = NULL, *hcount = NULL, *vfirst = NULL, *vcount = NULL, *pool = NULL;
	int npool = 0;
	struct block blocks[DEMO_MAX_NBHD];
	unsigned char *flags = NULL;

	C = t->cols = 7 + demo_rng_below(r, 2);
	R = t->rows = 6 + demo_rng_below(r, 2);
	w = TOWN_W / C;
	h = TOWN_H / R;
	nn = (C + 1) * (R + 1);
	ne = C * (R + 1) + (C + 1) * R;
	nx = xcalloc((size_t)nn, sizeof(*nx));
	ny = xcalloc((size_t)nn, sizeof(*ny));
	hfirst = xcalloc((size_t)C * (R + 1), sizeof(int));
	hcount = xcalloc((size_t)C * (R + 1), sizeof(int));
	vfirst = xcalloc((size_t)(C + 1) * R, sizeof(int));
	vcount = xcalloc((size_t)(C + 1) * R, sizeof(int));
	pool = xcalloc((size_t)ne * 8, sizeof(int));
	t->lsoas = xcalloc((size_t)C * R, sizeof(*t->lsoas));
	t->cell_lsoa = xcalloc((size_t)C * R, sizeof(int));
	flags = xcalloc((size_t)C * R, 1);
	if (!nx || !ny || !hfirst || !hcount || !vfirst || !vcount || !pool ||
	    !t->lsoas || !t->cell_lsoa || !flags)
		goto nomem;

	/* Grid nodes: interior ones jitter freely, outline ones mostly along it. */
	for (int j = 0; j <= R; j++)
		for (int i = 0; i <= C; i++) {
			double ax = (i == 0 || i == C) ? 0.05 : 0.18;
			double ay = (j == 0 || j == R) ? 0.05 : 0.18;
			int k = j * (C + 1) + i;

			nx[k] = -TOWN_W / 2 + i * w + demo_rng_range(r, -ax, ax) * w;
			ny[k] = -TOWN_H / 2 + j * h + demo_rng_range(r, -ay, ay) * h;
			if (add_vert(t, demo_pt_from_m(nx[k], ny[k])) < 0)
				goto nomem;
		}
	/* Edges: node, bent middle vertices, node; made once, used twice. */
	for (int pass = 0; pass < 2; pass++) {
		int count = pass == 0 ? C * (R + 1) : (C + 1) * R;

		for (int q = 0; q < count; q++) {
			int i, j, na, nb2, k;
			double amp = 0.07, dx, dy;

			if (pass == 0) {
				i = q % C;
				j = q / C;
				na = j * (C + 1) + i;
				nb2 = na + 1;
				if (j == 0)	/* the coast wriggles */
					amp = 0.10;
			} else {
				i = q % (C + 1);
				j = q / (C + 1);
				na = j * (C + 1) + i;
				nb2 = na + C + 1;
			}
			k = (pass == 0 && j == 0) ? 4 : 1 + demo_rng_below(r, 3);
			(pass == 0 ? hfirst : vfirst)[q] = npool;
			(pass == 0 ? hcount : vcount)[q] = k + 2;
			pool[npool++] = na;
			dx = nx[nb2] - nx[na];
			dy = ny[nb2] - ny[na];
			for (int s = 1; s <= k; s++) {
				double tt = (s + demo_rng_range(r, -0.2, 0.2)) / (k + 1);
				double off = demo_rng_range(r, -amp, amp);
				int v = add_vert(t, demo_pt_from_m(nx[na] + tt * dx - off * dy,
								   ny[na] + tt * dy + off * dx));

				if (v < 0)
					goto nomem;
				pool[npool++] = v;
			}
			pool[npool++] = nb2;
		}
	}

	/* Neighbourhood blocks, then LSOAs in code order block by block. */
	t->nnbhd = make_blocks(t, r, blocks);
	{
		int li = 0, msoa = 0;

		for (int n = 0; n < t->nnbhd; n++) {
			struct block *bk = &blocks[n];
			struct demo_nbhd *nb = &t->nbhds[n];
			int first = li, left, letter = 0;

			snprintf(nb->id, sizeof(nb->id), "GM%02d", n + 1);
			nb->theme = bk->theme;
			nb->name = theme_names[bk->theme].name;
			nb->desc = theme_names[bk->theme].desc;
			nb->col0 = bk->col0;
			nb->col1 = bk->col1;
			nb->row0 = bk->row0;
			nb->row1 = bk->row1;
			for (int j = bk->row1 - 1, z = 0; j >= bk->row0; j--, z++)
				for (int c = 0; c < bk->col1 - bk->col0; c++) {
					int i = (z & 1) ? bk->col1 - 1 - c : bk->col0 + c;
					struct demo_lsoa *l = &t->lsoas[li];

					l->col = i;
					l->row = j;
					l->nbhd = n;
					t->cell_lsoa[j * C + i] = li++;
				}
			/* MSOA-like numbers: runs of 2-4 LSOAs, never 1 left over. */
			left = li - first;
			for (int k = first; k < li; ) {
				int size = left <= 4 ? left : 2 + demo_rng_below(r, 3);

				if (left - size == 1)
					size = size == 2 ? 3 : size - 1;
				msoa++;
				letter = 0;
				for (int q = 0; q < size; q++, k++) {
					struct demo_lsoa *l = &t->lsoas[k];

					l->msoa = msoa;
					snprintf(l->code, sizeof(l->code), "W0109%04d", k + 1);
					snprintf(l->name, sizeof(l->name), "%s %03d%c", DEMO_TOWN, msoa,
						 'A' + letter++);
				}
				left -= size;
			}
		}
		t->nlsoa = li;
		t->nmsoa = msoa;
	}

	/* LSOA rings, counter-clockwise: bottom east, right north, top west, left south. */
	for (int j = 0; j < R; j++)
		for (int i = 0; i < C; i++) {
			struct demo_lsoa *l = &t->lsoas[t->cell_lsoa[j * C + i]];
			int sides[4][3] = {
				{ hfirst[j * C + i], hcount[j * C + i], 0 },
				{ vfirst[j * (C + 1) + i + 1], vcount[j * (C + 1) + i + 1], 0 },
				{ hfirst[(j + 1) * C + i], hcount[(j + 1) * C + i], 1 },
				{ vfirst[j * (C + 1) + i], vcount[j * (C + 1) + i], 1 },
			};
			int total = 0, m = 0;

			for (int s = 0; s < 4; s++)
				total += sides[s][1] - 1;
			l->vid = xcalloc((size_t)total, sizeof(int));
			l->ring.pts = xcalloc((size_t)total, sizeof(*l->ring.pts));
			if (!l->vid || !l->ring.pts)
				goto nomem;
			for (int s = 0; s < 4; s++)
				for (int q = 0; q < sides[s][1] - 1; q++) {
					int idx = sides[s][2] ? sides[s][0] + sides[s][1] - 1 - q
							      : sides[s][0] + q;

					l->vid[m] = pool[idx];
					l->ring.pts[m] = t->verts[pool[idx]];
					m++;
				}
			l->ring.n = m;
			ring_bbox(l);
		}

	{
		int cc = C / 2, cr = (blocks[0].row1 - 1) / 2;

		assign_areas(t, r, cc, cr);
	}
	for (int n = 0; n < t->nnbhd; n++) {
		for (int i = 0; i < t->nlsoa; i++)
			flags[i] = t->lsoas[i].nbhd == n;
		if ((rc = demo_trace(t, flags, &t->nbhds[n].ring, e)) < 0)
			goto out;
	}
	memset(flags, 1, (size_t)t->nlsoa);
	if ((rc = demo_trace(t, flags, &t->outline, e)) < 0)
		goto out;
	t->sum->lsoas = t->nlsoa;
	t->sum->msoas = t->nmsoa;
	t->sum->neighbourhoods = t->nnbhd;
	goto out;
nomem:
	rc = err_set(e, ERR_NOMEM, "demo: out of memory building the town");
out:
	xfree(nx);
	xfree(ny);
	xfree(hfirst);
	xfree(hcount);
	xfree(vfirst);
	xfree(vcount);
	xfree(pool);
	xfree(flags);
	return rc;
}

int demo_point_in_nbhd(const struct demo_town *t, struct demo_rng *r, int n)
{
	int count = 0, pick;

	for (int i = 0; i < t->npoints; i++)
		if (!t->points[i].place && t->lsoas[t->points[i].lsoa].nbhd == n)
			count++;
	if (!count)
		return -1;
	pick = demo_rng_below(r, count);
	for (int i = 0; i < t->npoints; i++)
		if (!t->points[i].place && t->lsoas[t->points[i].lsoa].nbhd == n && pick-- == 0)
			return i;
	return -1;
}

/* ---- boundary files ------------------------------------------------------ */

static void coord_json(struct json_writer *jw, struct strbuf *tmp, struct demo_pt p)
{
	json_array_begin(jw);
	strbuf_reset(tmp);
	demo_csv_coord(tmp, p.lon);
	json_raw(jw, tmp->buf, tmp->len);
	strbuf_reset(tmp);
	demo_csv_coord(tmp, p.lat);
	json_raw(jw, tmp->buf, tmp->len);
	json_array_end(jw);
}

static void xml_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		default: strbuf_addch(sb, *s);
		}
	}
}

int demo_boundaries_write(struct demo_town *t, struct demo_rng *r, struct err *e)
{
	struct strbuf sb = STRBUF_INIT, tmp = STRBUF_INIT;
	struct json_writer jw;
	int rc = 0;

	json_init(&jw, &sb);
	json_object_begin(&jw);
	json_key_str(&jw, "type", "FeatureCollection");
	json_key(&jw, "features");
	json_array_begin(&jw);
	for (int i = 0; i < t->nlsoa; i++) {
		const struct demo_lsoa *l = &t->lsoas[i];

		json_object_begin(&jw);
		json_key_str(&jw, "type", "Feature");
		json_key(&jw, "properties");
		json_object_begin(&jw);
		json_key_str(&jw, "LSOA21CD", l->code);
		json_key_str(&jw, "LSOA21NM", l->name);
		json_object_end(&jw);
		json_key(&jw, "geometry");
		json_object_begin(&jw);
		json_key_str(&jw, "type", "Polygon");
		json_key(&jw, "coordinates");
		json_array_begin(&jw);
		json_array_begin(&jw);
		for (int k = 0; k <= l->ring.n; k++)
			coord_json(&jw, &tmp, l->ring.pts[k % l->ring.n]);
		json_array_end(&jw);
		json_array_end(&jw);
		json_object_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	strbuf_addch(&sb, '\n');
	if ((rc = demo_write_file(t, "boundaries/lsoa.geojson", &sb, e)) < 0)
		goto out;

	for (int n = 0; n < t->nnbhd; n++) {
		const struct demo_nbhd *nb = &t->nbhds[n];
		char rel[128];

		strbuf_reset(&sb);
		strbuf_addstr(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			      "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<Placemark>\n<name>");
		xml_text(&sb, nb->name);
		strbuf_addstr(&sb, "</name>\n<Polygon>\n<outerBoundaryIs>\n<LinearRing>\n<coordinates>");
		for (int k = 0; k <= nb->ring.n; k++) {
			struct demo_pt p = nb->ring.pts[k % nb->ring.n];

			if (k)
				strbuf_addch(&sb, ' ');
			demo_csv_coord(&sb, p.lon);
			strbuf_addch(&sb, ',');
			demo_csv_coord(&sb, p.lat);
			strbuf_addstr(&sb, ",0");
		}
		strbuf_addstr(&sb, "</coordinates>\n</LinearRing>\n</outerBoundaryIs>\n</Polygon>\n"
			      "</Placemark>\n</Document>\n</kml>\n");
		snprintf(rel, sizeof(rel), "boundaries/neighbourhoods/%s/%s.kml", DEMO_FORCE_ID, nb->id);
		if ((rc = demo_write_file(t, rel, &sb, e)) < 0)
			goto out;
	}
out:
	strbuf_release(&sb);
	strbuf_release(&tmp);
	return rc;
}
