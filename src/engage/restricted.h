/*
 * restricted.h - the door to Engage's restricted records (community impact
 * assessments, vulnerability and risk assessments, partners' data): who
 * may open them, and the audit entry every use leaves.
 *
 * Every restricted function takes the caller: the acting user's id, role
 * and scope, checked against the record itself - its force and
 * neighbourhood - not only the route that led there.  The command line
 * passes no scope: whoever runs it holds the database file already, and
 * is audited by name all the same.
 */
#ifndef ENGAGE_RESTRICTED_H
#define ENGAGE_RESTRICTED_H

#include <stdint.h>

#include "base/err.h"
#include "base/json.h"
#include "engage/audit.h"
#include "model/role.h"
#include "store/store.h"

struct restricted_caller {
	const char *actor;		/* "user:12", "cli:root" */
	const struct user_scope *scope;	/* NULL: the command line */
	const char *partner_org;	/* a partner's organisation, else NULL */
};

/* 0 when the caller's role holds `perm` and their scope covers the
 * neighbourhood (force_id, nbhd_id; nbhd_id NULL: anywhere in the force);
 * ERR_DENIED saying which is missing otherwise. */
int restricted_allow(const struct restricted_caller *c, int perm, const char *force_id,
		     const char *nbhd_id, struct err *e);
/* An audit entry for the caller. */
int restricted_audit(struct store *s, const struct restricted_caller *c, enum audit_op op,
		     const char *record_kind, int64_t record_id, const char *purpose,
		     const char *recipient, const char *detail, struct err *e);
/* ERR_INVALID unless a purpose is given: opening a restricted record asks why. */
int restricted_require_purpose(const char *purpose, const char *what, struct err *e);

/* One row as a JSON object: "id", then every column by name. */
void restricted_row_json(struct json_writer *jw, const struct store_table *t,
			 const struct store_row *r);
/* `key`: an array of the rows of `t` matching w[0..nw) (all when nw is 0),
 * oldest first; `key` NULL writes the bare array. */
int restricted_rows_json(struct store *s, struct json_writer *jw, const char *key,
			 const struct store_table *t, const struct store_where *w, int nw,
			 struct err *e);
/* Row `id` of `t` as an object; ERR_NOTFOUND naming `what` when absent. */
int restricted_row_get_json(struct store *s, struct json_writer *jw, const struct store_table *t,
			    int64_t id, const char *what, struct err *e);

#endif
