/*
 * opendata.c - the open-data set as a whole (see opendata.h): its files
 * and datasets, CSV-on-the-Web metadata, the DCAT catalogue, and writing
 * the set to a folder all or nothing.
 */
#include "publish/opendata-internal.h"

#include "base/parse.h"
#include "base/timeutil.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void opendata_options_default(struct opendata_options *o)
{
	o->min_count = 3;
	o->modified = 0;
	o->publisher = NULL;
}

int od_dataset(struct opendata_set *set, const char *id, const char *title,
	       const char *description, int boundaries)
{
	struct opendata_dataset *d;

	for (size_t i = 0; i < set->ndatasets; i++)
		if (!strcmp(set->datasets[i].id, id))
			return (int)i;
	if (xgrow(&set->datasets, &set->dcap, set->ndatasets + 1, sizeof(*set->datasets)))
		return -1;
	d = &set->datasets[set->ndatasets];
	snprintf(d->id, sizeof(d->id), "%s", id);
	snprintf(d->title, sizeof(d->title), "%s", title);
	snprintf(d->description, sizeof(d->description), "%s", description);
	d->boundaries = boundaries;
	return (int)set->ndatasets++;
}

struct opendata_file *od_file(struct opendata_set *set, int dataset, const char *media_type,
			      const char *name, const char *title)
{
	struct opendata_file *f;

	if (dataset < 0 || xgrow(&set->files, &set->cap, set->nfiles + 1, sizeof(*set->files)))
		return NULL;
	f = &set->files[set->nfiles++];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", name);
	for (char *p = f->name; *p; p++)	/* ids become file names: keep them flat and plain */
		if (!(isalnum((unsigned char)*p) || *p == '-' || *p == '_' || (*p == '.' && p != f->name)))
			*p = '_';
	snprintf(f->title, sizeof(f->title), "%s", title);
	f->media_type = media_type;
	f->dataset = dataset;
	strbuf_init(&f->body, 0);
	return f;
}

static void put_date(struct json_writer *jw, const char *key, const char *date)
{
	json_key(jw, key);
	json_object_begin(jw);
	json_key_str(jw, "@value", date);
	json_key_str(jw, "@type", "xsd:date");
	json_object_end(jw);
}

static void put_link(struct json_writer *jw, const char *key, const char *url)
{
	json_key(jw, key);
	json_object_begin(jw);
	json_key_str(jw, "@id", url);
	json_object_end(jw);
}

void od_licence_members(struct json_writer *jw, int boundaries)
{
	json_key_str(jw, "license", OPENDATA_LICENCE_URL);
	json_key_str(jw, "attribution",
		     boundaries ? OPENDATA_ATTRIBUTION " " OPENDATA_OS_ATTRIBUTION
				: OPENDATA_ATTRIBUTION);
}

int od_csvw(struct opendata_set *set, int dataset, const char *csv_name, const char *title,
	    const char *source, const struct od_column *cols, size_t ncols)
{
	char name[160];
	struct opendata_file *f;
	struct json_writer jw;
	int boundaries = set->datasets[dataset].boundaries;

	snprintf(name, sizeof(name), "%s-metadata.json", csv_name);
	f = od_file(set, dataset, OPENDATA_TYPE_CSVM, name, title);
	if (!f)
		return ERR_NOMEM;
	json_init(&jw, &f->body);
	json_object_begin(&jw);
	json_key(&jw, "@context");
	json_array_begin(&jw);
	json_str(&jw, "http://www.w3.org/ns/csvw");
	json_object_begin(&jw);
	json_key_str(&jw, "@language", "en");
	json_object_end(&jw);
	json_array_end(&jw);
	json_key_str(&jw, "url", csv_name);
	json_key_str(&jw, "dc:title", title);
	put_link(&jw, "dc:license", OPENDATA_LICENCE_URL);
	json_key_str(&jw, "dc:rights",
		     boundaries ? OPENDATA_ATTRIBUTION " " OPENDATA_OS_ATTRIBUTION
				: OPENDATA_ATTRIBUTION);
	json_key_str(&jw, "dc:source", source);
	put_date(&jw, "dc:modified", set->modified);
	json_key(&jw, "dialect");
	json_object_begin(&jw);
	json_key_str(&jw, "encoding", "utf-8");
	json_key_bool(&jw, "header", 1);
	json_object_end(&jw);
	json_key(&jw, "tableSchema");
	json_object_begin(&jw);
	json_key(&jw, "columns");
	json_array_begin(&jw);
	for (size_t i = 0; i < ncols; i++) {
		json_object_begin(&jw);
		json_key_str(&jw, "name", cols[i].name);
		json_key_str(&jw, "titles", cols[i].title);
		if (cols[i].format) {
			json_key(&jw, "datatype");
			json_object_begin(&jw);
			json_key_str(&jw, "base", cols[i].datatype);
			json_key_str(&jw, "format", cols[i].format);
			json_object_end(&jw);
		} else {
			json_key_str(&jw, "datatype", cols[i].datatype);
		}
		json_key_bool(&jw, "required", cols[i].required);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	json_object_end(&jw);
	strbuf_addch(&f->body, '\n');
	return f->body.failed;
}

/* The IANA media type without parameters, as a URI (DCAT-AP). */
static void media_type_uri(const char *type, char *buf, size_t size)
{
	size_t n = strcspn(type, ";");

	snprintf(buf, size, "https://www.iana.org/assignments/media-types/%.*s", (int)n, type);
}

int od_render_catalog(const struct opendata_options *opt, struct opendata_set *set)
{
	struct strbuf body = STRBUF_INIT;
	struct json_writer jw;
	struct opendata_file *f;
	int ds = od_dataset(set, "catalogue", "Catalogue", "This catalogue.", 0);

	json_init(&jw, &body);
	json_object_begin(&jw);
	json_key(&jw, "@context");
	json_object_begin(&jw);
	json_key_str(&jw, "dcat", "http://www.w3.org/ns/dcat#");
	json_key_str(&jw, "dct", "http://purl.org/dc/terms/");
	json_key_str(&jw, "foaf", "http://xmlns.com/foaf/0.1/");
	json_key_str(&jw, "xsd", "http://www.w3.org/2001/XMLSchema#");
	json_object_end(&jw);
	json_key_str(&jw, "@id", "catalog.jsonld");
	json_key_str(&jw, "@type", "dcat:Catalog");
	json_key_str(&jw, "dct:title", "Open data from Engage");
	json_key_str(&jw, "dct:description",
		     "Police.uk street-level crime, outcomes and stop and search as held by this "
		     "Engage, neighbourhood boundaries, and crime counts per neighbourhood, month "
		     "and category with small counts suppressed. Locations are police.uk's "
		     "anonymous map points.");
	json_key(&jw, "dct:publisher");
	json_object_begin(&jw);
	json_key_str(&jw, "@type", "foaf:Agent");
	json_key_str(&jw, "foaf:name", opt->publisher ? opt->publisher : "Engage");
	json_object_end(&jw);
	put_link(&jw, "dct:license", OPENDATA_LICENCE_URL);
	json_key_str(&jw, "dct:rights", OPENDATA_ATTRIBUTION " " OPENDATA_OS_ATTRIBUTION);
	put_date(&jw, "dct:modified", set->modified);
	json_key(&jw, "dcat:dataset");
	json_array_begin(&jw);
	for (size_t d = 0; d < set->ndatasets; d++) {
		const struct opendata_dataset *dd = &set->datasets[d];
		char id[120];

		if ((int)d == ds)
			continue;
		snprintf(id, sizeof(id), "#%s", dd->id);
		json_object_begin(&jw);
		json_key_str(&jw, "@id", id);
		json_key_str(&jw, "@type", "dcat:Dataset");
		json_key_str(&jw, "dct:identifier", dd->id);
		json_key_str(&jw, "dct:title", dd->title);
		json_key_str(&jw, "dct:description", dd->description);
		put_link(&jw, "dct:license", OPENDATA_LICENCE_URL);
		json_key_str(&jw, "dct:rights", dd->boundaries
			     ? OPENDATA_ATTRIBUTION " " OPENDATA_OS_ATTRIBUTION : OPENDATA_ATTRIBUTION);
		put_date(&jw, "dct:modified", set->modified);
		json_key(&jw, "dcat:distribution");
		json_array_begin(&jw);
		for (size_t i = 0; i < set->nfiles; i++) {
			const struct opendata_file *file = &set->files[i];
			char mt[160];

			if (file->dataset != (int)d)
				continue;
			media_type_uri(file->media_type, mt, sizeof(mt));
			json_object_begin(&jw);
			json_key_str(&jw, "@type", "dcat:Distribution");
			json_key_str(&jw, "dct:title", file->title);
			put_link(&jw, "dcat:downloadURL", file->name);
			put_link(&jw, "dcat:mediaType", mt);
			put_link(&jw, "dct:license", OPENDATA_LICENCE_URL);
			put_date(&jw, "dct:modified", set->modified);
			json_key(&jw, "dcat:byteSize");
			json_object_begin(&jw);
			json_key_int(&jw, "@value", (int64_t)file->body.len);
			json_key_str(&jw, "@type", "xsd:nonNegativeInteger");
			json_object_end(&jw);
			json_object_end(&jw);
		}
		json_array_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	strbuf_addch(&body, '\n');
	f = od_file(set, ds, OPENDATA_TYPE_JSONLD, "catalog.jsonld", "DCAT catalogue of this set");
	if (!f || body.failed) {
		strbuf_release(&body);
		return ERR_NOMEM;
	}
	f->body = body;
	return 0;
}

static void format_modified(const struct readmodel *rm, int64_t modified, char out[11])
{
	char full[21];

	if (modified > 0) {
		time_format_utc(modified, full);
		snprintf(out, 11, "%.10s", full);
	} else if (rm->latest_month) {
		int32_t next = rm->latest_month + 1;

		snprintf(out, 11, "%04d-%02d-01", (int)(next / 12), (int)(next % 12 + 1));
	} else {
		snprintf(out, 11, "1970-01-01");
	}
}

int opendata_render(const struct readmodel *rm, const struct opendata_options *opt,
		    struct opendata_set *set, struct err *e)
{
	int rc;

	memset(set, 0, sizeof(*set));
	format_modified(rm, opt->modified, set->modified);
	rc = od_render_policeuk(rm, set);
	if (!rc)
		rc = od_render_geojson(rm, set);
	if (!rc)
		rc = od_render_counts(rm, opt, set);
	for (size_t i = 0; !rc && i < set->nfiles; i++)
		if (set->files[i].body.failed)
			rc = set->files[i].body.failed;
	if (!rc)
		rc = od_render_catalog(opt, set);
	if (rc) {
		opendata_release(set);
		return err_set(e, rc, "open data: out of memory rendering the set");
	}
	return 0;
}

void opendata_release(struct opendata_set *set)
{
	for (size_t i = 0; i < set->nfiles; i++)
		strbuf_release(&set->files[i].body);
	xfree(set->files);
	xfree(set->datasets);
	memset(set, 0, sizeof(*set));
}

const struct opendata_file *opendata_find(const struct opendata_set *set, const char *name)
{
	for (size_t i = 0; i < set->nfiles; i++)
		if (!strcmp(set->files[i].name, name))
			return &set->files[i];
	return NULL;
}

/* Remove the regular files of a folder Engage wrote, then the folder. */
static int remove_flat_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[4200];

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
	return rmdir(dir);
}

static int write_file(const char *dir, const struct opendata_file *f, struct err *e)
{
	char path[4200];
	FILE *out;
	int failed;

	snprintf(path, sizeof(path), "%s/%s", dir, f->name);
	out = fopen(path, "wb");
	if (!out)
		return err_set(e, ERR_IO, "cannot create '%s': %s", path, strerror(errno));
	failed = fwrite(f->body.buf ? f->body.buf : "", 1, f->body.len, out) != f->body.len;
	if (fclose(out) != 0 || failed)
		return err_set(e, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	return 0;
}

/* Is `dir` missing (0), an empty folder or an earlier export (1), or
 * something else we must not replace (-1)? */
static int target_state(const char *dir)
{
	struct stat st;
	char path[4200];
	DIR *d;
	struct dirent *de;
	int empty = 1;

	if (stat(dir, &st) < 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return -1;
	snprintf(path, sizeof(path), "%s/catalog.jsonld", dir);
	if (stat(path, &st) == 0)
		return 1;
	if (!(d = opendir(dir)))
		return -1;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			empty = 0;
	closedir(d);
	return empty ? 1 : -1;
}

int opendata_write_dir(const struct opendata_set *set, const char *dir, struct err *e)
{
	char tmp[4200], old[4200];
	int state = target_state(dir), rc = 0, have_old = 0;

	if (state < 0)
		return err_set(e, ERR_CONFLICT,
			       "'%s' exists and is not an earlier open-data export (no catalog.jsonld); "
			       "name a new or empty folder", dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", dir, (long)getpid());
	snprintf(old, sizeof(old), "%s.old-%ld", dir, (long)getpid());
	remove_flat_dir(tmp);	/* left over by a crashed run of this pid */
	if (mkdir(tmp, 0755) < 0)
		return err_set(e, ERR_IO, "cannot create folder '%s': %s", tmp, strerror(errno));
	for (size_t i = 0; i < set->nfiles && !rc; i++)
		rc = write_file(tmp, &set->files[i], e);
	if (rc)
		goto fail;
	if (state == 1) {
		if (rename(dir, old) < 0) {
			rc = err_set(e, ERR_IO, "cannot move the earlier export '%s' aside: %s", dir,
				     strerror(errno));
			goto fail;
		}
		have_old = 1;
	}
	if (rename(tmp, dir) < 0) {
		rc = err_set(e, ERR_IO, "cannot rename '%s' to '%s': %s", tmp, dir, strerror(errno));
		if (have_old)
			rename(old, dir);
		goto fail;
	}
	if (have_old)
		remove_flat_dir(old);
	return 0;
fail:
	remove_flat_dir(tmp);
	return rc;
}
