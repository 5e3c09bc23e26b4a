/*
 * restricted.c - the door to the restricted records (see restricted.h).
 */
#include "engage/restricted.h"

#include <string.h>

int restricted_allow(const struct restricted_caller *c, int perm, const char *force_id,
		     const char *nbhd_id, struct err *e)
{
	const struct user_scope *u;

	if (!c || !c->actor || !*c->actor)
		return err_set(e, ERR_DENIED, "say who is acting: every use of restricted records is recorded");
	if (!(u = c->scope))
		return 0;
	if (!role_allows(u->role, perm))
		return err_set(e, ERR_DENIED, "your role (%s) may not %s",
			       u->role >= 0 && u->role < ROLE_COUNT ? roles[u->role].slug : "none",
			       perm_names[perm]);
	if (nbhd_id ? !user_can_see_neighbourhood(u, force_id, nbhd_id)
		    : roles[u->role].reach != REACH_ALL && strcmp(u->force_id, force_id ? force_id : ""))
		return err_set(e, ERR_DENIED, "that record belongs to a neighbourhood you do not work in");
	return 0;
}

int restricted_audit(struct store *s, const struct restricted_caller *c, enum audit_op op,
		     const char *record_kind, int64_t record_id, const char *purpose,
		     const char *recipient, const char *detail, struct err *e)
{
	const struct user_scope *u = c->scope;

	return audit_record(s, &(struct audit_entry){
		.actor = c->actor,
		.actor_role = u && u->role >= 0 && u->role < ROLE_COUNT ? roles[u->role].slug : "cli",
		.op = op, .record_kind = record_kind, .record_id = record_id, .purpose = purpose,
		.recipient = recipient, .detail = detail }, NULL, e);
}

int restricted_require_purpose(const char *purpose, const char *what, struct err *e)
{
	if (!purpose || !*purpose)
		return err_set(e, ERR_INVALID, "purpose: say why you are opening %s; every look is "
			       "recorded with its reason", what);
	return 0;
}

void restricted_row_json(struct json_writer *jw, const struct store_table *t,
			 const struct store_row *r)
{
	json_object_begin(jw);
	json_key_int(jw, "id", r->id);
	for (int c = 0; c < t->ncols; c++) {
		const struct store_value *v = &r->v[c];

		json_key(jw, t->cols[c].name);
		if (v->null)
			json_null(jw);
		else if (t->cols[c].type == ST_TEXT)
			json_str(jw, v->s);
		else if (t->cols[c].type == ST_REAL)
			json_double(jw, v->r, 6);
		else
			json_int(jw, v->i);
	}
	json_object_end(jw);
}

struct json_rows {
	struct json_writer *jw;
	const struct store_table *t;
	int n;
};

static int write_row(void *ctx, const struct store_row *r)
{
	struct json_rows *j = ctx;

	restricted_row_json(j->jw, j->t, r);
	j->n++;
	return 0;
}

int restricted_rows_json(struct store *s, struct json_writer *jw, const char *key,
			 const struct store_table *t, const struct store_where *w, int nw,
			 struct err *e)
{
	struct json_rows j = { jw, t, 0 };
	int rc;

	if (key)
		json_key(jw, key);
	json_array_begin(jw);
	rc = store_row_find(s, t, w, nw, write_row, &j, e);
	json_array_end(jw);
	return rc < 0 ? rc : 0;
}

int restricted_row_get_json(struct store *s, struct json_writer *jw, const struct store_table *t,
			    int64_t id, const char *what, struct err *e)
{
	struct json_rows j = { jw, t, 0 };
	int rc = store_row_get(s, t, id, write_row, &j, e);

	if (rc == ERR_NOTFOUND || (rc >= 0 && !j.n))
		return err_set(e, ERR_NOTFOUND, "%s: there is no %s %lld", what, what, (long long)id);
	return rc < 0 ? rc : 0;
}
