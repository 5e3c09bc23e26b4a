/*
 * geo-wkb.c - Well-Known Binary for geo_multipolygon: the storage form of
 * boundaries (see geo.h).  Encoding is always little-endian MultiPolygon
 * (type 6).  Decoding accepts MultiPolygon or Polygon (type 3) in either
 * byte order, and PostGIS EWKB's SRID flag, and refuses anything truncated,
 * oversized, non-finite or followed by stray bytes, saying at which byte.
 * It reads untrusted bytes, so it has a fuzz target (fuzz/fuzz_wkb.c).
 */
#include "geo/geo.h"

#include <math.h>
#include <string.h>

#include "base/xalloc.h"

enum { WKB_POLYGON = 3, WKB_MULTIPOLYGON = 6 };
#define EWKB_SRID_FLAG 0x20000000u

static void put_u32(struct strbuf *out, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	strbuf_add(out, b, 4);
}

static void put_f64(struct strbuf *out, double d)
{
	uint64_t v;
	unsigned char b[8];
	int i;

	memcpy(&v, &d, 8);
	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	strbuf_add(out, b, 8);
}

int geo_wkb_encode(const struct geo_multipolygon *mp, struct strbuf *out)
{
	size_t i, j, k;

	if (mp->npolys > UINT32_MAX)
		return ERR_LIMIT;
	strbuf_addch(out, 1);
	put_u32(out, WKB_MULTIPOLYGON);
	put_u32(out, (uint32_t)mp->npolys);
	for (i = 0; i < mp->npolys; i++) {
		const struct geo_polygon *poly = &mp->polys[i];

		strbuf_addch(out, 1);
		put_u32(out, WKB_POLYGON);
		put_u32(out, (uint32_t)poly->nrings);
		for (j = 0; j < poly->nrings; j++) {
			const struct geo_ring *r = &poly->rings[j];

			put_u32(out, (uint32_t)r->n);
			for (k = 0; k < r->n; k++) {
				put_f64(out, r->pts[k].x);
				put_f64(out, r->pts[k].y);
			}
		}
	}
	return out->failed ? out->failed : 0;
}

struct rd {
	const unsigned char *p;
	size_t n, off;
	struct err *e;
};

static int need(struct rd *r, size_t k, const char *what)
{
	if (r->n - r->off < k)
		return err_set(r->e, ERR_INVALID,
			       "wkb: truncated at byte %zu: %s needs %zu bytes, %zu left",
			       r->off, what, k, r->n - r->off);
	return 0;
}

static int get_u32(struct rd *r, int le, const char *what, uint32_t *v)
{
	const unsigned char *b;

	if (need(r, 4, what) < 0)
		return ERR_INVALID;
	b = r->p + r->off;
	if (le)
		*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	else
		*v = (uint32_t)b[3] | (uint32_t)b[2] << 8 | (uint32_t)b[1] << 16 | (uint32_t)b[0] << 24;
	r->off += 4;
	return 0;
}

static double get_f64_unchecked(struct rd *r, int le)
{
	const unsigned char *b = r->p + r->off;
	uint64_t v = 0;
	double d;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)b[le ? i : 7 - i] << (8 * i);
	memcpy(&d, &v, 8);
	r->off += 8;
	return d;
}

/* Byte order and type of a (sub)geometry; skips an EWKB SRID. */
static int get_header(struct rd *r, int *le, uint32_t *type)
{
	size_t at = r->off;
	uint32_t srid;

	if (need(r, 1, "byte order") < 0)
		return ERR_INVALID;
	if (r->p[r->off] > 1)
		return err_set(r->e, ERR_INVALID,
			       "wkb: byte %zu: byte order %u is neither 0 (big) nor 1 (little endian)",
			       at, r->p[r->off]);
	*le = r->p[r->off++];
	if (get_u32(r, *le, "geometry type", type) < 0)
		return ERR_INVALID;
	if (*type & EWKB_SRID_FLAG) {
		if (get_u32(r, *le, "srid", &srid) < 0)
			return ERR_INVALID;
		*type &= ~EWKB_SRID_FLAG;
	}
	return 0;
}

static int read_polygon(struct rd *r, int le, struct geo_polygon *poly)
{
	uint32_t nrings, npts, j, k;

	if (get_u32(r, le, "ring count", &nrings) < 0)
		return ERR_INVALID;
	/* each ring needs at least its 4-byte count: refuse counts the input
	 * cannot hold before allocating for them */
	if (nrings > (r->n - r->off) / 4)
		return err_set(r->e, ERR_INVALID, "wkb: byte %zu: %u rings cannot fit in %zu bytes",
			       r->off - 4, nrings, r->n - r->off);
	if (nrings == 0)
		return err_set(r->e, ERR_INVALID, "wkb: byte %zu: polygon has no rings", r->off - 4);
	poly->rings = xcalloc(nrings, sizeof(*poly->rings));
	if (!poly->rings)
		return err_set(r->e, ERR_NOMEM, "wkb: out of memory for %u rings", nrings);
	poly->nrings = nrings;
	for (j = 0; j < nrings; j++) {
		struct geo_ring *ring = &poly->rings[j];

		if (get_u32(r, le, "point count", &npts) < 0)
			return ERR_INVALID;
		if (npts > (r->n - r->off) / 16)
			return err_set(r->e, ERR_INVALID,
				       "wkb: truncated at byte %zu: ring of %u points needs %zu bytes, %zu left",
				       r->off, npts, (size_t)npts * 16, r->n - r->off);
		if (npts < 4)
			return err_set(r->e, ERR_INVALID,
				       "wkb: byte %zu: ring has %u points, a closed ring needs at least 4",
				       r->off - 4, npts);
		ring->pts = xmalloc((size_t)npts * sizeof(*ring->pts));
		if (!ring->pts)
			return err_set(r->e, ERR_NOMEM, "wkb: out of memory for %u points", npts);
		ring->n = npts;
		for (k = 0; k < npts; k++) {
			size_t at = r->off;

			ring->pts[k].x = get_f64_unchecked(r, le);
			ring->pts[k].y = get_f64_unchecked(r, le);
			if (!isfinite(ring->pts[k].x) || !isfinite(ring->pts[k].y))
				return err_set(r->e, ERR_INVALID,
					       "wkb: byte %zu: coordinate is not a finite number", at);
		}
	}
	return 0;
}

int geo_wkb_decode(const void *wkb, size_t n, struct geo_multipolygon *out,
		   struct err *e)
{
	struct rd r = { wkb, n, 0, e };
	uint32_t type, npolys, i;
	int le, rc;

	memset(out, 0, sizeof(*out));
	if ((rc = get_header(&r, &le, &type)) < 0)
		goto fail;
	if (type == WKB_POLYGON) {
		out->polys = xcalloc(1, sizeof(*out->polys));
		if (!out->polys) {
			rc = err_set(e, ERR_NOMEM, "wkb: out of memory");
			goto fail;
		}
		out->npolys = 1;
		if ((rc = read_polygon(&r, le, &out->polys[0])) < 0)
			goto fail;
	} else if (type == WKB_MULTIPOLYGON) {
		if ((rc = get_u32(&r, le, "polygon count", &npolys)) < 0)
			goto fail;
		/* a polygon takes at least 1 + 4 + 4 bytes */
		if (npolys > (n - r.off) / 9) {
			rc = err_set(e, ERR_INVALID, "wkb: byte %zu: %u polygons cannot fit in %zu bytes",
				     r.off - 4, npolys, n - r.off);
			goto fail;
		}
		if (npolys) {
			out->polys = xcalloc(npolys, sizeof(*out->polys));
			if (!out->polys) {
				rc = err_set(e, ERR_NOMEM, "wkb: out of memory for %u polygons", npolys);
				goto fail;
			}
		}
		out->npolys = npolys;
		for (i = 0; i < npolys; i++) {
			int sle;
			uint32_t st;
			size_t at = r.off;

			if ((rc = get_header(&r, &sle, &st)) < 0)
				goto fail;
			if (st != WKB_POLYGON) {
				rc = err_set(e, ERR_INVALID,
					     "wkb: byte %zu: member %u of a multipolygon has type %u, not 3 (polygon)",
					     at, i, st);
				goto fail;
			}
			if ((rc = read_polygon(&r, sle, &out->polys[i])) < 0)
				goto fail;
		}
	} else {
		rc = err_set(e, ERR_INVALID,
			     "wkb: geometry type %u is not 3 (polygon) or 6 (multipolygon)", type);
		goto fail;
	}
	if (r.off != n) {
		rc = err_set(e, ERR_INVALID, "wkb: %zu stray bytes after the geometry at byte %zu",
			     n - r.off, r.off);
		goto fail;
	}
	geo_multipolygon_finish(out);
	return 0;
fail:
	geo_multipolygon_release(out);
	return rc;
}
