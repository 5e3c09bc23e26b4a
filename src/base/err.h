/*
 * err.h - errors a person can act on.
 *
 * Library functions return 0 on success or a negative ERR_* code, and fill a
 * caller-provided struct err with one message that says what failed first and
 * names the subject: the file, line, field and value where there is one.
 * Messages are lower-case and never contain personal data.
 *
 *	struct err e = ERR_INIT;
 *	if (store_open(path, &s, &e) < 0)
 *		die("%s", e.msg);
 */
#ifndef ENGAGE_ERR_H
#define ENGAGE_ERR_H

#include <stddef.h>

enum err_code {
	ERR_OK = 0,
	ERR_INVALID = -1,	/* bad input from a user or a file */
	ERR_NOTFOUND = -2,	/* the thing named does not exist */
	ERR_IO = -3,		/* the operating system refused (disk, file, socket) */
	ERR_NOMEM = -4,		/* an allocation failed */
	ERR_CONFLICT = -5,	/* someone else changed it first, or it exists */
	ERR_BUSY = -6,		/* locked by another process; try again */
	ERR_VERSION = -7,	/* made by a newer Engage */
	ERR_LIMIT = -8,		/* over a configured limit */
	ERR_DENIED = -9,	/* not allowed for this caller */
	ERR_INTERNAL = -10,	/* a bug in Engage */
};

#define ERR_MSG_MAX 512

struct err {
	int code;
	char msg[ERR_MSG_MAX];
};

#define ERR_INIT { 0, { 0 } }

/* Record an error and return its code, so `return err_set(e, ...)` reads well.
 * `e` may be NULL.  A later err_set overwrites an earlier one. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Put `prefix: ` in front of the message already held (adds context on the
 * way up: "import 2019-01-street.csv: line 4: ..."). */
int err_prefix(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void err_clear(struct err *e);

/* A short name for a code, e.g. "invalid", for logs and JSON error bodies. */
const char *err_code_name(int code);

#endif
