/*
 * assets.c - static files in memory (see assets.h).
 */
#include "web/assets.h"

#include "base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static const struct {
	const char *ext;
	const char *type;
} types[] = {
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".woff2", "font/woff2" },
	{ ".json", "application/json" },
	{ ".geojson", "application/geo+json" },
	{ ".txt", "text/plain; charset=utf-8" },
};

static const char *type_for(const char *name)
{
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i].ext))
			return types[i].type;
	return NULL;
}

static int read_whole(const char *path, char **data, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf;

	if (!f)
		return err_set(e, ERR_IO, "cannot read asset '%s': %s", path, strerror(errno));
	if (fstat(fileno(f), &st) < 0 || st.st_size > 16 * 1024 * 1024) {
		fclose(f);
		return err_set(e, ERR_LIMIT, "asset '%s' is unreadable or over 16 MB", path);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		xfree(buf);
		fclose(f);
		return err_set(e, ERR_IO, "cannot read asset '%s'", path);
	}
	fclose(f);
	buf[st.st_size] = '\0';
	*data = buf;
	*len = (size_t)st.st_size;
	return 0;
}

/* FNV-1a 64: a content hash for the ETag (not for security). */
static void make_etag(const char *data, size_t len, char out[24])
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	snprintf(out, 24, "\"%016llx\"", (unsigned long long)h);
}

/* Gzip `f` when that saves at least a tenth; leaves f->gz NULL otherwise. */
static void make_gzip(struct web_asset *f)
{
	z_stream z;
	uLong cap = compressBound((uLong)f->len) + 32;
	char *out;

	if (f->len < 256)
		return;
	if (strncmp(f->content_type, "text/", 5) && strncmp(f->content_type, "image/svg", 9) &&
	    strncmp(f->content_type, "application/", 12))
		return;
	out = xmalloc(cap);
	memset(&z, 0, sizeof(z));
	if (!out || deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
		xfree(out);
		return;
	}
	z.next_in = (Bytef *)f->data;
	z.avail_in = (uInt)f->len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END || z.total_out > f->len - f->len / 10) {
		deflateEnd(&z);
		xfree(out);
		return;
	}
	f->gz = out;
	f->gz_len = z.total_out;
	deflateEnd(&z);
	snprintf(f->gz_etag, sizeof(f->gz_etag), "%.17s-gz\"", f->etag);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct web_asset *)a)->name, ((const struct web_asset *)b)->name);
}

int web_assets_load(const char *dir, struct web_assets **out, struct err *e)
{
	struct web_assets *a = xcalloc(1, sizeof(*a));
	size_t cap = 0;
	DIR *d;
	struct dirent *de;
	int rc = 0;

	*out = NULL;
	if (!a)
		return err_set(e, ERR_NOMEM, "out of memory loading assets");
	d = opendir(dir);
	if (!d) {
		xfree(a);
		return err_set(e, ERR_IO, "cannot open the assets folder '%s': %s (set web.assets)",
			       dir, strerror(errno));
	}
	while ((de = readdir(d))) {
		char path[1024];
		struct web_asset *f;
		struct stat st;
		const char *type = type_for(de->d_name);

		if (de->d_name[0] == '.' || !type)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (xgrow(&a->files, &cap, a->count + 1, sizeof(*a->files))) {
			rc = err_set(e, ERR_NOMEM, "out of memory loading assets");
			break;
		}
		f = &a->files[a->count];
		memset(f, 0, sizeof(*f));
		f->content_type = type;
		if (!(f->name = xstrdup(de->d_name))) {
			rc = err_set(e, ERR_NOMEM, "out of memory loading assets");
			break;
		}
		a->count++;
		if ((rc = read_whole(path, &f->data, &f->len, e)) < 0)
			break;
		make_etag(f->data, f->len, f->etag);
		make_gzip(f);
	}
	closedir(d);
	if (rc < 0) {
		web_assets_free(a);
		return rc;
	}
	if (a->count)
		qsort(a->files, a->count, sizeof(*a->files), by_name);
	*out = a;
	return 0;
}

void web_assets_free(struct web_assets *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->count; i++) {
		xfree(a->files[i].name);
		xfree(a->files[i].data);
		xfree(a->files[i].gz);
	}
	xfree(a->files);
	xfree(a);
}

const struct web_asset *web_asset_find(const struct web_assets *a, const char *name)
{
	size_t lo = 0, hi = a ? a->count : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, a->files[mid].name);

		if (!c)
			return &a->files[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
