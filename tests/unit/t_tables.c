/*
 * t_tables.c - the engagement table descriptors agree with the schema the
 * migrations create, and the generic row operations behave: round trip,
 * filters, NULLs, optimistic locking (a stale save is a conflict).
 */
#include "test.h"

#include "store/tables.h"

#include <sqlite3.h>
#include <stdio.h>

static struct store *fresh(char *path, size_t n)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;

	snprintf(path, n, "%s/t.db", test_tmpdir());
	CHECK_INT(store_open(path, STORE_CREATE, &s, &e), 0);
	return s;
}

TEST(tables_descriptors_match_the_schema)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	sqlite3 *db;

	store_close(s);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	for (int t = 0; t < store_table_count; t++) {
		const struct store_table *d = store_tables[t];
		char sql[200];
		sqlite3_stmt *st;
		int col = 0, has_version = 0;

		snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", d->name);
		CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 1);
			const char *type = (const char *)sqlite3_column_text(st, 2);
			int notnull = sqlite3_column_int(st, 3);
			enum store_type want;

			if (!strcmp(name, "id"))
				continue;
			if (!strcmp(name, "version")) {
				has_version = 1;
				continue;
			}
			if (col >= d->ncols) {
				test_fail(__FILE__, __LINE__, "%s: column %s not in the descriptor", d->name, name);
				break;
			}
			CHECK_STR(d->cols[col].name, name);
			want = !strcmp(type, "TEXT") ? ST_TEXT : !strcmp(type, "DOUBLE PRECISION") ? ST_REAL : ST_INT;
			CHECK_INT(d->cols[col].type, want);
			CHECK_INT(d->cols[col].nullable, !notnull);
			col++;
		}
		sqlite3_finalize(st);
		CHECK_INT(col, d->ncols);
		CHECK_INT(has_version, d->versioned);
	}
	sqlite3_close(db);
}

struct got {
	int64_t id, version;
	char title[64], body[64];
	int n;
	int body_null;
};

static int grab_note(void *ctx, const struct store_row *r)
{
	struct got *g = ctx;

	g->n++;
	g->id = r->id;
	g->version = r->version;
	snprintf(g->title, sizeof(g->title), "%s", r->v[NOTE_TITLE].s);
	snprintf(g->body, sizeof(g->body), "%s", r->v[NOTE_BODY].s ? r->v[NOTE_BODY].s : "(null)");
	return 0;
}

static void note_values(struct store_value v[NOTE_NCOLS], const char *nbhd, const char *title)
{
	v[NOTE_FORCE_ID] = SV_TEXT("glanmor");
	v[NOTE_NEIGHBOURHOOD_ID] = SV_TEXT(nbhd);
	v[NOTE_KIND] = SV_TEXT("tension");
	v[NOTE_TITLE] = SV_TEXT(title);
	v[NOTE_BODY] = SV_TEXT("Feelings running high after the fire at the mosque.");
	v[NOTE_CREATED_AT] = SV_INT(1700000000);
}

TEST(tables_rows_round_trip_filter_and_lock)
{
	char path[512];
	struct store *s = fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };
	struct store_neighbourhood n1 = { "glanmor", "GM01", "Town Centre", NULL, NULL, 0 };
	struct store_neighbourhood n2 = { "glanmor", "GM02", "Harbourside", NULL, NULL, 0 };
	struct store_value v[NOTE_NCOLS];
	struct store_where w[2];
	struct got g;
	int64_t id1, id2;

	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_neighbourhood_put(s, &n1, &e), 0);
	CHECK_INT(store_neighbourhood_put(s, &n2, &e), 0);
	note_values(v, "GM01", "Tension after the fire");
	CHECK_INT(store_row_insert(s, &store_profile_notes, v, &id1, &e), 0);
	note_values(v, "GM02", "Harbour festival");
	CHECK_INT(store_row_insert(s, &store_profile_notes, v, &id2, &e), 0);

	memset(&g, 0, sizeof(g));
	CHECK_INT(store_row_get(s, &store_profile_notes, id1, grab_note, &g, &e), 0);
	CHECK_INT(g.n, 1);
	CHECK_STR(g.title, "Tension after the fire");
	CHECK_INT(g.version, 1);

	memset(&g, 0, sizeof(g));
	w[0] = (struct store_where){ NOTE_FORCE_ID, SV_TEXT("glanmor") };
	w[1] = (struct store_where){ NOTE_NEIGHBOURHOOD_ID, SV_TEXT("GM02") };
	CHECK_INT(store_row_find(s, &store_profile_notes, w, 2, grab_note, &g, &e), 0);
	CHECK_INT(g.n, 1);
	CHECK_STR(g.title, "Harbour festival");

	{
		int found = -1;

		memset(&g, 0, sizeof(g));
		CHECK_INT(store_row_last(s, &store_profile_notes, grab_note, &g, &found, &e), 0);
		CHECK_INT(found, 1);
		CHECK_INT(g.n, 1);
		CHECK_INT(g.id, id2);
		CHECK_INT(store_row_last(s, &store_votes, grab_note, &g, &found, &e), 0);
		CHECK_INT(found, 0);
	}

	/* two people read version 1; the first save wins, the second is refused */
	note_values(v, "GM01", "Tension after the fire (updated)");
	CHECK_INT(store_row_update(s, &store_profile_notes, id1, 1, v, &e), 0);
	note_values(v, "GM01", "A stale edit");
	CHECK_INT(store_row_update(s, &store_profile_notes, id1, 1, v, &e), ERR_CONFLICT);
	CHECK_CONTAINS(e.msg, "changed by someone else");
	memset(&g, 0, sizeof(g));
	CHECK_INT(store_row_get(s, &store_profile_notes, id1, grab_note, &g, &e), 0);
	CHECK_STR(g.title, "Tension after the fire (updated)");
	CHECK_INT(g.version, 2);

	CHECK_INT(store_row_update(s, &store_profile_notes, 999, 1, v, &e), ERR_NOTFOUND);
	v[NOTE_TITLE] = SV_NULL;
	CHECK_INT(store_row_insert(s, &store_profile_notes, v, &id1, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "title is required");
	CHECK_INT(store_row_delete(s, &store_profile_notes, id2, &e), 0);
	CHECK_INT(store_row_get(s, &store_profile_notes, id2, grab_note, &g, &e), ERR_NOTFOUND);
	/* a note for a neighbourhood that does not exist breaks a foreign key */
	note_values(v, "GM99", "Nowhere");
	CHECK(store_row_insert(s, &store_profile_notes, v, &id1, &e) < 0);
	store_close(s);
}
