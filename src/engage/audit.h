/*
 * audit.h - the audit trail of personal data: who collected, altered,
 * consulted, disclosed, combined or erased which restricted record, when,
 * why and for whom (Data Protection Act 2018 s.62).
 *
 * Every service that touches a restricted record (a raiser's contact
 * details, a key contact) writes an entry here inside its own transaction,
 * so the entry and the change it records commit together or not at all.
 * Reading a restricted record goes through a function that asks for the
 * purpose and writes a consultation entry before handing the data back
 * (concern_contact_open in concern.h).
 *
 * The log is append-only: this module has no way to change or remove an
 * entry, and the schema refuses UPDATE and DELETE.  Entries are
 * hash-chained, so a change made behind Engage's back shows:
 *
 *	hash = hex(BLAKE2b-256("engage-audit-1" || prev_hash || field...))
 *
 * where prev_hash is the hash of the entry before (64 '0' for the first),
 * and each field, in column order (at, actor, actor_role, operation,
 * record_kind, record_id, purpose, recipient, detail), is encoded as one
 * byte 0 for NULL, or one byte 1, its length as 8 bytes big-endian, then
 * its bytes (integers as decimal text).  The encoding is unambiguous, so
 * no two different entries hash the same input.  audit_verify walks the
 * chain and names the first entry whose hash or link does not match.
 *
 * What the chain cannot show: someone with the file who recomputes every
 * hash after their edit, or who cuts entries off the end.  Write down the
 * head hash audit_verify reports (or send it elsewhere) to catch those.
 *
 * Personal data never goes in an entry: `actor` is a user id or a system
 * name ("online form"), `detail` a short note such as "with consent to
 * contact".  Strings handed to callbacks live only during the call.
 *
 * Errors: ERR_INVALID names the missing field (an actor, a purpose for a
 * consultation or disclosure, a recipient for a disclosure); store errors
 * pass through.
 */
#ifndef ENGAGE_AUDIT_H
#define ENGAGE_AUDIT_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

enum audit_op {
	AUDIT_COLLECTION,
	AUDIT_ALTERATION,
	AUDIT_CONSULTATION,
	AUDIT_DISCLOSURE,
	AUDIT_COMBINATION,
	AUDIT_ERASURE,
	AUDIT_OP_COUNT
};
/* "collection", "alteration", ... indexed by enum audit_op. */
extern const char *const audit_op_names[AUDIT_OP_COUNT];

#define AUDIT_HASH_HEX 64

/* Who is acting: a user id or a system name, and their role (may be NULL). */
struct audit_actor {
	const char *id;
	const char *role;
};

struct audit_entry {
	int64_t id;		/* read: the entry's number; ignored when writing */
	int64_t at;		/* UTC seconds; 0 when writing means now */
	const char *actor;	/* required */
	const char *actor_role;	/* may be NULL */
	enum audit_op op;
	const char *record_kind;	/* "concern_contact", "key_contact", ... */
	int64_t record_id;
	const char *purpose;	/* why; required for consultation and disclosure */
	const char *recipient;	/* to whom; required for disclosure, else NULL */
	const char *detail;	/* short, no personal data; may be NULL */
	const char *prev_hash, *hash;	/* read only */
};

/* Append an entry (in the caller's transaction, or its own); sets *id
 * when id is not NULL. */
int audit_record(struct store *s, const struct audit_entry *entry, int64_t *id, struct err *e);

/* Which entries audit_each returns; zero fields match everything. */
struct audit_filter {
	const char *record_kind;	/* with record_id: one record */
	int64_t record_id;
	const char *actor;
	int64_t since;			/* at >= since (UTC seconds) */
};
typedef int (*audit_fn)(void *ctx, const struct audit_entry *entry);

/* Entries matching `f` (NULL: all), oldest first; `fn` returns non-zero to
 * stop (that value is returned). */
int audit_each(struct store *s, const struct audit_filter *f, audit_fn fn, void *ctx,
	       struct err *e);
/* "Who looked at this record": every entry about (kind, id), oldest first. */
int audit_each_for_record(struct store *s, const char *kind, int64_t id, audit_fn fn,
			  void *ctx, struct err *e);

struct audit_verdict {
	int64_t entries;		/* how many were checked */
	int64_t first_bad_id;		/* 0 when the chain is intact */
	char reason[200];		/* what is wrong with it */
	char head[AUDIT_HASH_HEX + 1];	/* hash of the last entry ("" when empty) */
};
/* Walk the chain.  Returns 0 with first_bad_id = 0 when every entry's hash
 * matches its contents and links to the one before; 0 with first_bad_id
 * and reason set when it does not (a broken chain is an answer, not an
 * error); < 0 only when the store fails. */
int audit_verify(struct store *s, struct audit_verdict *out, struct err *e);

#endif
