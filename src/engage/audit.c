/*
 * audit.c - the hash-chained, append-only audit trail (see audit.h).
 *
 * Writing and checking hash the same thing: the row's values as the store
 * holds them (struct store_value, in column order), so an entry is hashed
 * exactly as it will be read back.
 */
#include "engage/audit.h"

#include "base/timeutil.h"
#include "engage/engage-internal.h"
#include "store/tables.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

const char *const audit_op_names[AUDIT_OP_COUNT] = {
	"collection", "alteration", "consultation", "disclosure", "combination", "erasure",
};

static const char genesis[AUDIT_HASH_HEX + 1] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* Feed one field: 0 for NULL, else 1, the length (8 bytes big-endian), the bytes. */
static void feed(crypto_generichash_state *h, const void *p, size_t n, int null)
{
	unsigned char head[9] = { 0 };

	if (null) {
		crypto_generichash_update(h, head, 1);
		return;
	}
	head[0] = 1;
	for (int i = 0; i < 8; i++)
		head[1 + i] = (unsigned char)((uint64_t)n >> (56 - 8 * i));
	crypto_generichash_update(h, head, sizeof(head));
	crypto_generichash_update(h, p, n);
}

/* hex(BLAKE2b-256(tag || prev || the hashed columns of v)) into out. */
static void chain_hash(const char *prev, const struct store_value *v, char out[AUDIT_HASH_HEX + 1])
{
	static const char tag[] = "engage-audit-1";
	crypto_generichash_state h;
	unsigned char sum[32];

	crypto_generichash_init(&h, NULL, 0, sizeof(sum));
	crypto_generichash_update(&h, (const unsigned char *)tag, sizeof(tag) - 1);
	feed(&h, prev, strlen(prev), 0);
	for (int i = 0; i < AUDIT_PREV_HASH; i++) {
		const struct store_column *c = &store_audit_log.cols[i];
		char num[24];

		if (v[i].null || (c->type == ST_TEXT && !v[i].s)) {
			feed(&h, NULL, 0, 1);
		} else if (c->type == ST_INT) {
			int n = snprintf(num, sizeof(num), "%lld", (long long)v[i].i);

			feed(&h, num, (size_t)n, 0);
		} else {
			feed(&h, v[i].s, strlen(v[i].s), 0);
		}
	}
	crypto_generichash_final(&h, sum, sizeof(sum));
	sodium_bin2hex(out, AUDIT_HASH_HEX + 1, sum, sizeof(sum));
}

static int check_entry(const struct audit_entry *in, struct err *e)
{
	int rc;

	if ((int)in->op < 0 || in->op >= AUDIT_OP_COUNT)
		return err_set(e, ERR_INTERNAL, "audit: operation %d is not one of collection, ...",
			       (int)in->op);
	if ((rc = eng_require_text("audit actor", in->actor, 200, e)) < 0 ||
	    (rc = eng_optional_text("audit actor role", in->actor_role, 100, e)) < 0 ||
	    (rc = eng_require_text("audit record kind", in->record_kind, 64, e)) < 0 ||
	    (rc = eng_optional_text("audit purpose", in->purpose, 500, e)) < 0 ||
	    (rc = eng_optional_text("audit recipient", in->recipient, 200, e)) < 0 ||
	    (rc = eng_optional_text("audit detail", in->detail, 200, e)) < 0)
		return rc;
	if ((in->op == AUDIT_CONSULTATION || in->op == AUDIT_DISCLOSURE) &&
	    !(in->purpose && *in->purpose))
		return err_set(e, ERR_INVALID, "purpose: say why you need this %s (%s is logged with its reason)",
			       in->record_kind, audit_op_names[in->op]);
	if (in->op == AUDIT_DISCLOSURE && !(in->recipient && *in->recipient))
		return err_set(e, ERR_INVALID, "recipient: a disclosure of %s must name who receives it",
			       in->record_kind);
	return 0;
}

static int copy_hash(void *ctx, const struct store_row *r)
{
	snprintf(ctx, AUDIT_HASH_HEX + 1, "%s", r->v[AUDIT_HASH].s ? r->v[AUDIT_HASH].s : "");
	return 1;
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

int audit_record(struct store *s, const struct audit_entry *in, int64_t *id, struct err *e)
{
	struct store_value v[AUDIT_NCOLS];
	char prev[AUDIT_HASH_HEX + 1], hash[AUDIT_HASH_HEX + 1];
	int rc, found = 0;

	if ((rc = check_entry(in, e)) < 0)
		return rc;
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "audit: libsodium did not start");
	v[AUDIT_AT] = SV_INT(in->at ? in->at : time_now());
	v[AUDIT_ACTOR] = SV_TEXT(in->actor);
	v[AUDIT_ACTOR_ROLE] = SV_TEXT(or_null(in->actor_role));
	v[AUDIT_OPERATION] = SV_TEXT(audit_op_names[in->op]);
	v[AUDIT_RECORD_KIND] = SV_TEXT(in->record_kind);
	v[AUDIT_RECORD_ID] = SV_INT(in->record_id);
	v[AUDIT_PURPOSE] = SV_TEXT(or_null(in->purpose));
	v[AUDIT_RECIPIENT] = SV_TEXT(or_null(in->recipient));
	v[AUDIT_DETAIL] = SV_TEXT(or_null(in->detail));
	/* the head is read and the entry written under one write lock, so two
	 * writers cannot both link to the same head (prev_hash is UNIQUE too) */
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_row_last(s, &store_audit_log, copy_hash, prev, &found, e)) < 0)
		goto fail;
	if (!found)
		memcpy(prev, genesis, sizeof(prev));
	chain_hash(prev, v, hash);
	v[AUDIT_PREV_HASH] = SV_TEXT(prev);
	v[AUDIT_HASH] = SV_TEXT(hash);
	if ((rc = store_row_insert(s, &store_audit_log, v, id, e)) < 0 ||
	    (rc = store_commit(s, e)) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return err_prefix(e, "audit");
}

/* --- reading ------------------------------------------------------------------ */

static enum audit_op op_of(const char *name)
{
	for (int i = 0; i < AUDIT_OP_COUNT; i++)
		if (name && !strcmp(name, audit_op_names[i]))
			return (enum audit_op)i;
	return AUDIT_OP_COUNT;
}

static void entry_of(const struct store_row *r, struct audit_entry *out)
{
	const struct store_value *v = r->v;

	out->id = r->id;
	out->at = v[AUDIT_AT].i;
	out->actor = v[AUDIT_ACTOR].s;
	out->actor_role = v[AUDIT_ACTOR_ROLE].s;
	out->op = op_of(v[AUDIT_OPERATION].s);
	out->record_kind = v[AUDIT_RECORD_KIND].s;
	out->record_id = v[AUDIT_RECORD_ID].i;
	out->purpose = v[AUDIT_PURPOSE].s;
	out->recipient = v[AUDIT_RECIPIENT].s;
	out->detail = v[AUDIT_DETAIL].s;
	out->prev_hash = v[AUDIT_PREV_HASH].s;
	out->hash = v[AUDIT_HASH].s;
}

struct each_ctx {
	int64_t since;
	audit_fn fn;
	void *ctx;
};

static int each_row(void *ctx, const struct store_row *r)
{
	struct each_ctx *c = ctx;
	struct audit_entry en;

	if (r->v[AUDIT_AT].i < c->since)
		return 0;
	entry_of(r, &en);
	return c->fn(c->ctx, &en);
}

int audit_each(struct store *s, const struct audit_filter *f, audit_fn fn, void *ctx,
	       struct err *e)
{
	struct each_ctx c = { f ? f->since : 0, fn, ctx };
	struct store_where w[3];
	int nw = 0;

	if (f && f->record_kind) {
		w[nw++] = (struct store_where){ AUDIT_RECORD_KIND, SV_TEXT(f->record_kind) };
		w[nw++] = (struct store_where){ AUDIT_RECORD_ID, SV_INT(f->record_id) };
	}
	if (f && f->actor)
		w[nw++] = (struct store_where){ AUDIT_ACTOR, SV_TEXT(f->actor) };
	return store_row_find(s, &store_audit_log, w, nw, each_row, &c, e);
}

int audit_each_for_record(struct store *s, const char *kind, int64_t id, audit_fn fn,
			  void *ctx, struct err *e)
{
	struct audit_filter f = { .record_kind = kind, .record_id = id };

	return audit_each(s, &f, fn, ctx, e);
}

/* --- checking the chain ----------------------------------------------------------- */

struct verify_ctx {
	struct audit_verdict *out;
	char prev[AUDIT_HASH_HEX + 1];
	int64_t prev_id;
};

static int verify_row(void *ctx, const struct store_row *r)
{
	struct verify_ctx *c = ctx;
	struct audit_verdict *out = c->out;
	const char *link = r->v[AUDIT_PREV_HASH].s ? r->v[AUDIT_PREV_HASH].s : "";
	const char *held = r->v[AUDIT_HASH].s ? r->v[AUDIT_HASH].s : "";
	char want[AUDIT_HASH_HEX + 1];

	out->entries++;
	if (strcmp(link, c->prev)) {
		out->first_bad_id = r->id;
		if (c->prev_id)
			snprintf(out->reason, sizeof(out->reason),
				 "its prev_hash does not match the hash of entry %lld before it "
				 "(an entry was removed, inserted or rewritten)", (long long)c->prev_id);
		else
			snprintf(out->reason, sizeof(out->reason),
				 "it is the first entry but does not start the chain "
				 "(entries before it were removed, or it was forged)");
		return 1;
	}
	chain_hash(c->prev, r->v, want);
	if (strcmp(held, want)) {
		out->first_bad_id = r->id;
		snprintf(out->reason, sizeof(out->reason),
			 "its hash does not match its contents (the entry was edited or forged)");
		return 1;
	}
	snprintf(c->prev, sizeof(c->prev), "%s", held);
	c->prev_id = r->id;
	return 0;
}

int audit_verify(struct store *s, struct audit_verdict *out, struct err *e)
{
	struct verify_ctx c = { .out = out };
	int rc;

	memset(out, 0, sizeof(*out));
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "audit: libsodium did not start");
	memcpy(c.prev, genesis, sizeof(c.prev));
	rc = store_row_find(s, &store_audit_log, NULL, 0, verify_row, &c, e);
	if (rc < 0)
		return err_prefix(e, "audit verify");
	if (!out->first_bad_id && c.prev_id)
		memcpy(out->head, c.prev, sizeof(out->head));
	return 0;
}
