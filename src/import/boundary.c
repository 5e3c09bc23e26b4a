/*
 * boundary.c - boundary files through GDAL/OGR into geo_multipolygon (see
 * boundary.h).  The only file in Engage that includes GDAL's headers.
 * GDAL's error handler is pushed per thread for the duration of a read so
 * its messages end up in struct err rather than on stderr.
 */
#include "import/boundary.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "base/xalloc.h"
#include "import/import-internal.h"

/*
 * GDAL is loaded here, by its soname, when the first boundary file is read
 * (the Makefile finds the soname and leaves GDAL off the link line): linked,
 * it made every engage command resolve the symbols of 117 libraries before
 * main(), 70 ms of each start and 90 ms under the sanitizers, for the few
 * commands that read boundaries.  `gdal` holds the functions used below,
 * each under its own name and with its own type.
 */
#define GDAL_FUNCTIONS(X) \
	X(GDALAllRegister) X(GDALOpenEx) X(GDALDatasetGetLayerCount) X(GDALDatasetGetLayerByName) \
	X(GDALDatasetGetLayer) X(GDALClose) X(CPLPushErrorHandlerEx) X(CPLPopErrorHandler) \
	X(CPLGetErrorHandlerUserData) X(OGR_L_GetName) X(OGR_L_ResetReading) \
	X(OGR_L_GetSpatialRef) X(OGR_L_GetNextFeature) X(OGR_L_GetLayerDefn) \
	X(OGR_L_GetFeatureCount) X(OGR_FD_GetFieldIndex) X(OGR_FD_GetFieldDefn) \
	X(OGR_Fld_GetNameRef) X(OGR_F_GetFieldAsString) X(OGR_F_Destroy) \
	X(OGR_F_GetGeometryRef) X(OGR_G_GetGeometryRef) X(OGR_G_GetGeometryCount) \
	X(OGR_G_Transform) X(OGR_G_GetPoints) X(OGR_G_GetPointCount) \
	X(OGR_G_GetGeometryType) X(OGR_GT_Flatten) X(OGRGeometryTypeToName) X(OSRNewSpatialReference) \
	X(OSRClone) X(OSRImportFromEPSG) X(OSRSetAxisMappingStrategy) X(OSRIsSame) \
	X(OSRDestroySpatialReference) X(OCTNewCoordinateTransformation) \
	X(OCTDestroyCoordinateTransformation) X(CPLSetThreadLocalConfigOption) X(OGR_G_GetEnvelope) \
	X(GDALGetDatasetDriver) X(GDALGetDriverShortName)

static struct {
#define X(f) __typeof__(f) *f;
	GDAL_FUNCTIONS(X)
#undef X
} gdal;
static char gdal_failure[256];	/* why GDAL could not be loaded, or "" */
static pthread_once_t gdal_once = PTHREAD_ONCE_INIT;

static void gdal_init(void)
{
	void *lib = dlopen(ENGAGE_GDAL_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!lib) {
		snprintf(gdal_failure, sizeof(gdal_failure), "%s", dlerror());
		return;
	}
	/* POSIX's way of taking a function from dlsym() */
#define X(f) \
	if (!(*(void **)&gdal.f = dlsym(lib, #f))) { \
		snprintf(gdal_failure, sizeof(gdal_failure), "%s has no %s", ENGAGE_GDAL_SONAME, #f); \
		return; \
	}
	GDAL_FUNCTIONS(X)
#undef X
	gdal.GDALAllRegister();
}

struct cpl_capture {
	char msg[256];
};

static void CPL_STDCALL on_cpl_error(CPLErr cls, CPLErrorNum num, const char *msg)
{
	struct cpl_capture *cap = gdal.CPLGetErrorHandlerUserData();

	(void)num;
	if (!cap || cls < CE_Warning)
		return;
	/* keep the first failure; a warning only while nothing worse came */
	if (cap->msg[0] && cls == CE_Warning)
		return;
	if (cls >= CE_Failure && cap->msg[0] == '!')
		return;
	snprintf(cap->msg, sizeof(cap->msg), "%c%s", cls >= CE_Failure ? '!' : '?', msg);
}

static const char *cap_text(const struct cpl_capture *cap, const char *fallback)
{
	return cap->msg[0] ? cap->msg + 1 : fallback;
}

static const char *const code_fields[] = {
	"LSOA21CD", "LSOA11CD", "MSOA21CD", "MSOA11CD", "LAD22CD", "WD18CD", "GSS_CODE",
	"code", "id", NULL,
};
static const char *const name_fields[] = {
	"LSOA21NM", "LSOA11NM", "MSOA21NM", "MSOA11NM", "LAD22NM", "WD18NM", "NAME", "name",
	NULL,
};

static int find_field(OGRFeatureDefnH defn, const char *const *names)
{
	int i, k;

	for (k = 0; names[k]; k++)
		if ((i = gdal.OGR_FD_GetFieldIndex(defn, names[k])) >= 0)
			return i;
	return -1;
}

/* One OGR polygon (rings) into p; degenerate rings are dropped.  Returns 1
 * when the polygon has an outer ring, 0 when it is empty, <0 on no memory. */
static int take_polygon(OGRGeometryH g, struct geo_polygon *p)
{
	int nr = gdal.OGR_G_GetGeometryCount(g), i;

	memset(p, 0, sizeof(*p));
	if (nr <= 0)
		return 0;
	p->rings = xcalloc((size_t)nr, sizeof(*p->rings));
	if (!p->rings)
		return ERR_NOMEM;
	for (i = 0; i < nr; i++) {
		OGRGeometryH ring = gdal.OGR_G_GetGeometryRef(g, i);
		int n = ring ? gdal.OGR_G_GetPointCount(ring) : 0;
		struct geo_ring *r = &p->rings[p->nrings];

		if (n < 3) {
			if (i == 0)
				return 0;	/* no outer ring: the polygon is empty */
			continue;
		}
		r->pts = xmalloc(((size_t)n + 1) * sizeof(*r->pts));
		if (!r->pts)
			return ERR_NOMEM;
		gdal.OGR_G_GetPoints(ring, &r->pts[0].x, sizeof(struct geo_point), &r->pts[0].y,
				     sizeof(struct geo_point), NULL, 0);
		r->n = (size_t)n;
		p->nrings++;
	}
	return 1;
}

/* Append the polygons of g (polygon, multipolygon, or a collection of them)
 * to mp.  Returns 0, ERR_INVALID for another type (*bad set), ERR_NOMEM. */
static int take_geometry(OGRGeometryH g, struct geo_multipolygon *mp, OGRwkbGeometryType *bad)
{
	OGRwkbGeometryType t = gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(g));
	int i, n, rc;

	if (t == wkbPolygon) {
		struct geo_polygon *np = xreallocarray(mp->polys, mp->npolys + 1, sizeof(*np));

		if (!np)
			return ERR_NOMEM;
		mp->polys = np;
		rc = take_polygon(g, &mp->polys[mp->npolys]);
		if (rc != 0)
			mp->npolys++;	/* kept even on ERR_NOMEM, so release frees it */
		else
			xfree(mp->polys[mp->npolys].rings);
		return rc < 0 ? rc : 0;
	}
	if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
		n = gdal.OGR_G_GetGeometryCount(g);
		for (i = 0; i < n; i++)
			if ((rc = take_geometry(gdal.OGR_G_GetGeometryRef(g, i), mp, bad)) < 0)
				return rc;
		return 0;
	}
	*bad = t;
	return ERR_INVALID;
}

/*
 * GDAL's GeoJSON reader goes through a file twice: once to learn its
 * fields and their types, then for the features.  For a national set of
 * LSOAs the first pass was a third of the import (0.15 of 0.47 s).  The
 * fields of a boundary file are the same on every feature, so GDAL is
 * asked (OGR_GEOJSON_MAX_FEATURES_FIRST_PASS, other drivers ignore it) to
 * learn them from the first features only.  What that sample could get
 * wrong is checked before any feature is handed on, and the file is then
 * opened again the usual way: a code or name field the sample did not
 * show (SCHEMA_UNSURE), and a "crs" written after the features, which
 * the sample would not reach: coordinates that are no longer degrees.
 */
#define FIRST_PASS_OPTION "OGR_GEOJSON_MAX_FEATURES_FIRST_PASS"
#define FIRST_PASS_FEATURES "1000"
#define SCHEMA_UNSURE 1	/* read_layer(): open again with the whole first pass */

struct reader {
	const char *file;	/* base name for messages */
	const struct boundary_options *opt;
	boundary_fn fn;
	void *ctx;
	long index;
	struct cpl_capture *cap;
	int sampled;		/* a GeoJSON file opened with FIRST_PASS_OPTION */
};

/* Whether g lies outside longitude -180..180, latitude -90..90. */
static int not_degrees(OGRGeometryH g)
{
	OGREnvelope env;

	if (!g)
		return 0;
	gdal.OGR_G_GetEnvelope(g, &env);
	return env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90;
}

static int read_layer(struct reader *rd, OGRLayerH layer, struct err *e)
{
	OGRFeatureDefnH defn = gdal.OGR_L_GetLayerDefn(layer);
	OGRSpatialReferenceH src = gdal.OGR_L_GetSpatialRef(layer), srcc = NULL, dst = NULL;
	OGRCoordinateTransformationH ct = NULL;
	OGRFeatureH f = NULL;
	int code_i, name_i, rc = 0;
	char q[80];

	/* not the feature count: a sampled first pass leaves it unknown, and
	 * some drivers count by reading every feature */
	gdal.OGR_L_ResetReading(layer);
	if (!(f = gdal.OGR_L_GetNextFeature(layer)))
		return 0;	/* nothing here; "no features" is judged per file */
	code_i = rd->opt->code_field ? gdal.OGR_FD_GetFieldIndex(defn, rd->opt->code_field)
				     : find_field(defn, code_fields);
	name_i = rd->opt->name_field ? gdal.OGR_FD_GetFieldIndex(defn, rd->opt->name_field)
				     : find_field(defn, name_fields);
	if (rd->sampled && rd->index == 0 && (code_i < 0 || name_i < 0)) {
		rc = SCHEMA_UNSURE;	/* the field may be past the sample */
		goto out;
	}
	if (rd->opt->code_field && code_i < 0)
		rc = err_set(e, ERR_INVALID, "%s: layer \"%s\" has no field \"%s\" for the code",
			     rd->file, gdal.OGR_L_GetName(layer), rd->opt->code_field);
	else if (rd->opt->name_field && name_i < 0)
		rc = err_set(e, ERR_INVALID, "%s: layer \"%s\" has no field \"%s\" for the name",
			     rd->file, gdal.OGR_L_GetName(layer), rd->opt->name_field);
	else if (code_i < 0 && (code_i = name_i) < 0)	/* KML: the Name is all there is */
		rc = err_set(e, ERR_INVALID,
			     "%s: layer \"%s\" has no code field (tried LSOA21CD, LSOA11CD, GSS_CODE, code, ...); name one",
			     rd->file, gdal.OGR_L_GetName(layer));
	if (rc < 0)
		goto out;
	if (src) {
		srcc = gdal.OSRClone(src);
		dst = gdal.OSRNewSpatialReference(NULL);
		if (!srcc || !dst || gdal.OSRImportFromEPSG(dst, 4326) != OGRERR_NONE) {
			rc = err_set(e, ERR_INTERNAL, "%s: cannot set up WGS84: %s", rd->file,
				     cap_text(rd->cap, "no PROJ database?"));
			goto out;
		}
		gdal.OSRSetAxisMappingStrategy(srcc, OAMS_TRADITIONAL_GIS_ORDER);
		gdal.OSRSetAxisMappingStrategy(dst, OAMS_TRADITIONAL_GIS_ORDER);
		if (!gdal.OSRIsSame(srcc, dst)) {
			ct = gdal.OCTNewCoordinateTransformation(srcc, dst);
			if (!ct) {
				rc = err_set(e, ERR_INVALID, "%s: cannot reproject from its spatial reference to WGS84: %s",
					     rd->file, cap_text(rd->cap, "unknown reference system"));
				goto out;
			}
		}
	}
	for (; f; f = gdal.OGR_L_GetNextFeature(layer)) {
		struct boundary_feature bf;
		OGRGeometryH g = gdal.OGR_F_GetGeometryRef(f);
		OGRwkbGeometryType bad = wkbUnknown;
		const char *code = gdal.OGR_F_GetFieldAsString(f, code_i);

		if (rd->sampled && rd->index == 0 && !ct && not_degrees(g)) {
			rc = SCHEMA_UNSURE;	/* a "crs" past the sample? */
			goto out;
		}

		memset(&bf, 0, sizeof(bf));
		bf.index = rd->index++;
		bf.code = code;
		bf.code_field = gdal.OGR_Fld_GetNameRef(gdal.OGR_FD_GetFieldDefn(defn, code_i));
		bf.name = name_i >= 0 ? gdal.OGR_F_GetFieldAsString(f, name_i) : "";
		if (!code || !code[0]) {
			rc = err_set(e, ERR_INVALID, "%s: feature %ld: the code field \"%s\" is empty",
				     rd->file, bf.index, gdal.OGR_Fld_GetNameRef(gdal.OGR_FD_GetFieldDefn(defn, code_i)));
			goto out;
		}
		if (!g) {
			rc = err_set(e, ERR_INVALID, "%s: feature %ld (code %s): no geometry",
				     rd->file, bf.index, imp_quote(code, strlen(code), q));
			goto out;
		}
		if (ct && gdal.OGR_G_Transform(g, ct) != OGRERR_NONE) {
			rc = err_set(e, ERR_INVALID, "%s: feature %ld (code %s): cannot reproject to WGS84: %s",
				     rd->file, bf.index, imp_quote(code, strlen(code), q),
				     cap_text(rd->cap, "out of range"));
			goto out;
		}
		rc = take_geometry(g, &bf.geom, &bad);
		if (rc == 0 && bf.geom.npolys == 0) {
			rc = err_set(e, ERR_INVALID, "%s: feature %ld (code %s): empty polygon",
				     rd->file, bf.index, imp_quote(code, strlen(code), q));
		} else if (rc == ERR_INVALID) {
			rc = err_set(e, ERR_INVALID,
				     "%s: feature %ld (code %s): geometry is a %s, expected a polygon or multipolygon",
				     rd->file, bf.index, imp_quote(code, strlen(code), q),
				     gdal.OGRGeometryTypeToName(bad));
		} else if (rc < 0) {
			rc = err_set(e, rc, "%s: feature %ld: out of memory", rd->file, bf.index);
		} else {
			geo_multipolygon_finish(&bf.geom);
			err_clear(e);
			rc = rd->fn(rd->ctx, &bf, e);
			if (rc < 0) {
				if (e && !e->msg[0])
					err_set(e, rc, "rejected by the importer");
				err_prefix(e, "%s: feature %ld (code %s)", rd->file, bf.index,
					   imp_quote(code, strlen(code), q));
			}
		}
		geo_multipolygon_release(&bf.geom);
		if (rc < 0)
			goto out;
		gdal.OGR_F_Destroy(f);
		f = NULL;
	}
out:
	if (f)
		gdal.OGR_F_Destroy(f);
	if (ct)
		gdal.OCTDestroyCoordinateTransformation(ct);
	if (srcc)
		gdal.OSRDestroySpatialReference(srcc);
	if (dst)
		gdal.OSRDestroySpatialReference(dst);
	return rc;
}

long boundary_read(const char *path, const struct boundary_options *opt, boundary_fn fn,
		   void *ctx, struct err *e)
{
	static const struct boundary_options none = { NULL, NULL, NULL };
	struct cpl_capture cap = { { 0 } };
	struct reader rd = { imp_basename(path), opt ? opt : &none, fn, ctx, 0, &cap, 1 };
	GDALDatasetH ds;
	long rc = 0;
	int i, nl;

	pthread_once(&gdal_once, gdal_init);
	if (gdal_failure[0])
		return err_set(e, ERR_IO, "%s: cannot read boundaries: GDAL could not be loaded (%s); "
			       "install it (scripts/setup)", rd.file, gdal_failure);
	gdal.CPLPushErrorHandlerEx(on_cpl_error, &cap);
again:
	gdal.CPLSetThreadLocalConfigOption(FIRST_PASS_OPTION, rd.sampled ? FIRST_PASS_FEATURES : NULL);
	ds = gdal.GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
	gdal.CPLSetThreadLocalConfigOption(FIRST_PASS_OPTION, NULL);
	if (!ds) {
		rc = err_set(e, ERR_INVALID, "%s: cannot read boundaries: %s", rd.file,
			     cap_text(&cap, "not a vector file GDAL can read"));
		goto out;
	}
	if (rd.sampled && strcmp(gdal.GDALGetDriverShortName(gdal.GDALGetDatasetDriver(ds)), "GeoJSON"))
		rd.sampled = 0;	/* the option is GeoJSON's alone: nothing to doubt */
	if (rd.opt->layer) {
		OGRLayerH l = gdal.GDALDatasetGetLayerByName(ds, rd.opt->layer);

		if (!l) {
			rc = err_set(e, ERR_NOTFOUND, "%s: no layer \"%s\"", rd.file, rd.opt->layer);
			goto out;
		}
		rc = read_layer(&rd, l, e);
	} else {
		nl = gdal.GDALDatasetGetLayerCount(ds);
		for (i = 0; i < nl && rc == 0; i++)
			rc = read_layer(&rd, gdal.GDALDatasetGetLayer(ds, i), e);
	}
	if (rc == SCHEMA_UNSURE) {	/* nothing handed on yet */
		gdal.GDALClose(ds);
		rd.sampled = 0;
		rc = 0;
		goto again;
	}
	if (rc == 0 && rd.index == 0)
		rc = err_set(e, ERR_INVALID, "%s: no features: expected polygons", rd.file);
out:
	if (ds)
		gdal.GDALClose(ds);
	gdal.CPLPopErrorHandler();
	return rc < 0 ? rc : rd.index;
}
