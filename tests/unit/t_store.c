/*
 * t_store.c - the store on a real SQLite file: migrations, round trips,
 * replace-not-double, transactions, locks and schema refusal.
 */
#include "test.h"

#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static struct store *open_fresh(char *path, size_t size)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;

	snprintf(path, size, "%s/engage.db", test_tmpdir());
	CHECK_INT(store_open(path, STORE_CREATE, &s, &e), 0);
	return s;
}

static int count_force(void *ctx, const struct store_force *f)
{
	(*(int *)ctx)++;
	return 0;
}

TEST(store_creates_and_migrates)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));

	CHECK(s != NULL);
	CHECK_INT(store_schema_version(s), store_schema_latest());
	CHECK_STR(store_backend(s), "sqlite");
	store_close(s);
}

TEST(store_missing_file_without_create_is_not_found)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	char path[512];

	snprintf(path, sizeof(path), "%s/nope.db", test_tmpdir());
	CHECK_INT(store_open(path, 0, &s, &e), ERR_NOTFOUND);
	CHECK_CONTAINS(e.msg, "nope.db");
	CHECK(s == NULL);
}

TEST(store_refuses_newer_schema)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	sqlite3 *db;

	store_close(s);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	s = NULL;
	CHECK_INT(store_open(path, 0, &s, &e), ERR_VERSION);
	CHECK_CONTAINS(e.msg, "newer than this Engage");
	CHECK(s == NULL);
}

TEST(store_refuses_a_file_that_is_not_a_database)
{
	struct store *s = NULL;
	struct err e = ERR_INIT;
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/junk.db", test_tmpdir());
	f = fopen(path, "w");
	fputs("this is not a database, it is a shopping list of sufficient length to fill a header\n", f);
	fclose(f);
	CHECK(store_open(path, 0, &s, &e) < 0);
	CHECK_CONTAINS(e.msg, "not a readable Engage database");
}

TEST(store_force_round_trip_and_replace)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, "https://x.example/", "101" };
	int n = 0;

	CHECK_INT(store_force_put(s, &f, &e), 0);
	f.name = "Glanmor Police Service";
	CHECK_INT(store_force_put(s, &f, &e), 0);	/* replaces, not doubles */
	CHECK_INT(store_force_each(s, count_force, &n, &e), 0);
	CHECK_INT(n, 1);
	f.name = "";
	CHECK_INT(store_force_put(s, &f, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "name is required");
	store_close(s);
}

struct collected {
	char names[8][64];
	int n;
};

static int collect_person(void *ctx, const struct store_person *p)
{
	struct collected *c = ctx;

	if (c->n < 8)
		snprintf(c->names[c->n++], 64, "%s", p->name);
	return 0;
}

TEST(store_team_replace_keeps_order_and_never_doubles)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };
	struct store_neighbourhood nb = { "glanmor", "GM01", "Harbourside", NULL, NULL, 0 };
	struct store_person team[2] = {
		{ 0, NULL, NULL, "Sgt Rhys Morgan", "Sergeant", NULL, NULL, "101" },
		{ 0, NULL, NULL, "PCSO Amy Lewis", "PCSO", NULL, NULL, "101" },
	};
	struct collected c = { .n = 0 };

	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_neighbourhood_put(s, &nb, &e), 0);
	CHECK_INT(store_team_replace(s, "glanmor", "GM01", team, 2, &e), 0);
	CHECK_INT(store_team_replace(s, "glanmor", "GM01", team, 2, &e), 0);
	CHECK_INT(store_person_each(s, "glanmor", "GM01", collect_person, &c, &e), 0);
	CHECK_INT(c.n, 2);
	CHECK_STR(c.names[0], "Sgt Rhys Morgan");
	CHECK_STR(c.names[1], "PCSO Amy Lewis");
	store_close(s);
}

static int count_month(void *ctx, const struct store_force_month *m)
{
	(*(int *)ctx)++;
	return 0;
}

TEST(store_rollback_leaves_nothing)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "x.csv" };
	struct store_force_month m = { "glanmor", 2019 * 12, MONTH_STREET, 3, "abc", 3, 0, 0, NULL, 0 };
	int n = 0;

	CHECK_INT(store_import_add(s, &imp, &e), 0);
	m.import_id = imp.id;
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_month_put(s, &m, &e), 0);
	store_rollback(s);
	CHECK_INT(store_force_month_each(s, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 0);
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_month_put(s, &m, &e), 0);
	CHECK_INT(store_force_month_put(s, &m, &e), 0);	/* a re-import replaces */
	CHECK_INT(store_commit(s, &e), 0);
	CHECK_INT(store_force_month_each(s, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 1);
	n = 0;
	CHECK_INT(store_force_month_get(s, "glanmor", 2019 * 12, MONTH_STREET, count_month, &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK_INT(store_force_month_get(s, "glanmor", 2019 * 12 + 1, MONTH_STREET, count_month, &n, &e),
		  ERR_NOTFOUND);
	store_close(s);
}

/* A transaction of force-months larger than the write-ahead log's
 * writeback step (32 MB, store_sqlite.c) commits whole, and every byte
 * reads back after the file is opened again. */
struct month_bytes {
	const unsigned char *want;
	size_t len;
	int seen, same;
};

static int month_same(void *ctx, const struct store_force_month *m)
{
	struct month_bytes *b = ctx;

	b->seen++;
	if (m->data_len == b->len && !memcmp(m->data, b->want + (size_t)(m->month % 12) * 7,
					     b->len))
		b->same++;
	return 0;
}

TEST(store_large_import_transaction_commits_whole)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "big" };
	size_t len = 4u << 20;
	unsigned char *bytes = malloc(len + 12 * 7);
	uint32_t x = 12345;
	struct month_bytes b = { bytes, len, 0, 0 };

	CHECK(bytes != NULL);
	for (size_t i = 0; i < len + 12 * 7; i++) {	/* xorshift: incompressible */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		bytes[i] = (unsigned char)x;
	}
	CHECK_INT(store_import_add(s, &imp, &e), 0);
	CHECK_INT(store_begin(s, &e), 0);
	for (int month = 0; month < 12; month++) {	/* 48 MB */
		struct store_force_month m = { "glanmor", 2020 * 12 + month, MONTH_STREET, 1,
					       bytes + (size_t)month * 7, len, imp.id, 0, NULL, 0 };

		CHECK_INT(store_force_month_put(s, &m, &e), 0);
	}
	CHECK_INT(store_commit(s, &e), 0);
	store_close(s);
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	CHECK_INT(store_force_month_each(s, NULL, month_same, &b, &e), 0);
	CHECK_INT(b.seen, 12);
	CHECK_INT(b.same, 12);
	store_close(s);
	free(bytes);
}

/*
 * Bulk transactions (store_begin_bulk): alone on the file, the import's
 * pages go through a rollback journal; beside another connection, through
 * the write-ahead log as before.  Either way the file is back in WAL mode
 * afterwards, and a process killed half way through leaves it as it was.
 */
static int file_exists(const char *path, const char *suffix)
{
	char name[600];

	snprintf(name, sizeof(name), "%s%s", path, suffix);
	return access(name, F_OK) == 0;
}

static void journal_mode(const char *path, char *out, size_t size)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	*out = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* `count` force-months of `len` pseudo-random bytes each, starting in
 * January 2020, every byte depending on `seed` */
static void put_months(struct store *s, int64_t import_id, int count, size_t len, uint32_t seed)
{
	unsigned char *bytes = malloc(len);
	struct err e = ERR_INIT;

	CHECK(bytes != NULL);
	for (int month = 0; month < count; month++) {
		struct store_force_month m = { "glanmor", 2020 * 12 + month, MONTH_STREET, 1,
					       bytes, len, import_id, 0, NULL, 0 };

		for (size_t i = 0; i < len; i++) {
			seed ^= seed << 13;
			seed ^= seed >> 17;
			seed ^= seed << 5;
			bytes[i] = (unsigned char)seed;
		}
		CHECK_INT(store_force_month_put(s, &m, &e), 0);
	}
	free(bytes);
}

static int first_byte(void *ctx, const struct store_force_month *m)
{
	*(int *)ctx = m->data_len ? ((const unsigned char *)m->data)[0] : -1;
	return 0;
}

TEST(store_bulk_transaction_alone_uses_a_journal_and_returns_to_wal)
{
	char path[512], mode[16];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "bulk" };
	int n = 0;

	CHECK_INT(store_import_add(s, &imp, &e), 0);
	CHECK_INT(store_begin_bulk(s, &e), 0);
	put_months(s, imp.id, 2, 1000, 7);
	CHECK(file_exists(path, "-journal"));
	CHECK(!file_exists(path, "-wal"));
	CHECK_INT(store_commit(s, &e), 0);
	CHECK(!file_exists(path, "-journal"));
	journal_mode(path, mode, sizeof(mode));
	CHECK_STR(mode, "wal");
	/* a rolled-back bulk transaction leaves nothing and WAL mode too */
	CHECK_INT(store_begin_bulk(s, &e), 0);
	put_months(s, imp.id, 4, 1000, 8);
	store_rollback(s);
	CHECK_INT(store_force_month_each(s, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 2);
	journal_mode(path, mode, sizeof(mode));
	CHECK_STR(mode, "wal");
	store_close(s);
}

TEST(store_bulk_transaction_beside_a_reader_stays_on_the_log)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path)), *r = NULL;
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "bulk" };
	int n = 0;

	CHECK_INT(store_import_add(s, &imp, &e), 0);
	CHECK_INT(store_open(path, STORE_READONLY, &r, &e), 0);
	CHECK_INT(store_begin_bulk(s, &e), 0);
	put_months(s, imp.id, 2, 1000, 7);
	CHECK(!file_exists(path, "-journal"));
	CHECK(file_exists(path, "-wal"));
	/* the reader goes on reading beside the writer, and sees the last commit */
	CHECK_INT(store_force_month_each(r, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 0);
	CHECK_INT(store_commit(s, &e), 0);
	CHECK_INT(store_force_month_each(r, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 2);
	store_close(r);
	store_close(s);
}

/* The child writes 80 MB (more than the page cache holds, so pages reach
 * the database file) and replaces a committed month, then dies without
 * committing or rolling back. */
TEST(store_bulk_transaction_killed_half_way_leaves_the_store_as_it_was)
{
	char path[512], mode[16];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "bulk" };
	struct stat before, after;
	int n = 0, first = -1, want = -1, status = 0;
	pid_t child;

	CHECK_INT(store_import_add(s, &imp, &e), 0);
	put_months(s, imp.id, 1, 1000, 7);
	CHECK_INT(store_force_month_get(s, "glanmor", 2020 * 12, MONTH_STREET, first_byte, &want, &e), 0);
	store_close(s);
	CHECK_INT(stat(path, &before), 0);
	child = fork();
	CHECK(child >= 0);
	if (child == 0) {
		struct store *c = NULL;

		if (store_open(path, 0, &c, &e) < 0 || store_begin_bulk(c, &e) < 0)
			_exit(2);
		put_months(c, imp.id, 20, 4u << 20, 99);
		_exit(0);
	}
	CHECK_INT(waitpid(child, &status, 0), child);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(file_exists(path, "-journal"));	/* hot: the next reader rolls it back */
	CHECK_INT(stat(path, &after), 0);
	CHECK(after.st_size > before.st_size + (8 << 20));	/* spilled */
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	CHECK_INT(store_force_month_each(s, NULL, count_month, &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK_INT(store_force_month_get(s, "glanmor", 2020 * 12, MONTH_STREET, first_byte, &first, &e), 0);
	CHECK_INT(first, want);
	journal_mode(path, mode, sizeof(mode));
	CHECK_STR(mode, "wal");
	store_close(s);
	CHECK_INT(stat(path, &after), 0);
	CHECK_INT(after.st_size, before.st_size);
}

/* A database from before migration 009 (force_months with first_id and
 * counts after the packed data) comes through the upgrade with every
 * force-month as it was, and `data` is then the last column. */
struct month_fields {
	int seen, same;
};

static int month_fields_same(void *ctx, const struct store_force_month *m)
{
	struct month_fields *f = ctx;

	f->seen++;
	f->same += m->rows == 3 && m->first_id == 77 && m->data_len == 3 &&
		   !memcmp(m->data, "abc", 3) && m->counts_len == 2 && !memcmp(m->counts, "cc", 2);
	return 0;
}

TEST(store_migration_009_keeps_every_force_month)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_import imp = { .kind = "street", .source = "x.csv" };
	struct store_force_month m = { "glanmor", 2019 * 12, MONTH_STREET, 3, "abc", 3, 0, 77, "cc", 2 };
	struct month_fields f = { 0, 0 };
	sqlite3 *db;
	sqlite3_stmt *st;
	char last[32] = "";

	CHECK_INT(store_import_add(s, &imp, &e), 0);
	m.import_id = imp.id;
	CHECK_INT(store_force_month_put(s, &m, &e), 0);
	m.month++;
	CHECK_INT(store_force_month_put(s, &m, &e), 0);
	store_close(s);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db,
		"CREATE TABLE fm8 (force_id TEXT NOT NULL, month INTEGER NOT NULL, kind INTEGER NOT NULL, "
		"rows BIGINT NOT NULL, data BLOB NOT NULL, import_id BIGINT NOT NULL REFERENCES imports (id), "
		"first_id BIGINT NOT NULL DEFAULT 0, counts BLOB, PRIMARY KEY (force_id, month, kind));"
		"INSERT INTO fm8 SELECT force_id, month, kind, rows, data, import_id, first_id, counts FROM force_months;"
		"DROP TABLE force_months; ALTER TABLE fm8 RENAME TO force_months; PRAGMA user_version = 8;",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	CHECK_INT(store_schema_version(s), store_schema_latest());
	CHECK_INT(store_force_month_each(s, NULL, month_fields_same, &f, &e), 0);
	CHECK_INT(f.seen, 2);
	CHECK_INT(f.same, 2);
	store_close(s);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info('force_months') ORDER BY cid",
				     -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(last, sizeof(last), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	CHECK_STR(last, "data");
}

TEST(store_second_writer_gets_a_clear_busy_error)
{
	char path[512];
	struct store *a = open_fresh(path, sizeof(path)), *b = NULL;
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };

	CHECK_INT(store_open(path, 0, &b, &e), 0);
	store_set_busy_timeout(b, 50);
	CHECK_INT(store_begin(a, &e), 0);
	CHECK_INT(store_force_put(a, &f, &e), 0);
	CHECK_INT(store_force_put(b, &f, &e), ERR_BUSY);
	CHECK_CONTAINS(e.msg, "locked by another process");
	store_rollback(a);
	CHECK_INT(store_force_put(b, &f, &e), 0);
	store_close(a);
	store_close(b);
}

TEST(store_readonly_handle_reads_but_cannot_write)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path)), *r = NULL;
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };
	char buf[32];
	int n = 0;

	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_meta_set(s, "demo.seed", "7", &e), 0);
	CHECK_INT(store_open(path, STORE_READONLY, &r, &e), 0);
	CHECK_INT(store_force_each(r, count_force, &n, &e), 0);
	CHECK_INT(n, 1);
	CHECK_INT(store_meta_get(r, "demo.seed", buf, sizeof(buf), &e), 0);
	CHECK_STR(buf, "7");
	CHECK_INT(store_meta_get(r, "missing", buf, sizeof(buf), &e), ERR_NOTFOUND);
	CHECK(store_force_put(r, &f, &e) < 0);
	store_close(r);
	store_close(s);
}

TEST(store_census_rejects_negative_counts)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_census c = { "W01090001", "population", "all", -1, "x.csv" };

	CHECK_INT(store_census_put(s, &c, &e), ERR_INVALID);
	CHECK_CONTAINS(e.msg, "W01090001");
	store_close(s);
}

static int collect_street(void *ctx, const struct store_street *st)
{
	int64_t *sum = ctx;

	sum[0]++;
	sum[1] += st->id;
	if (st->id == 7 && (st->lat != 51515381 || st->lng != -112422 ||
			    strcmp(st->name, "On or near Star Yard")))
		sum[2] = 1;
	return 0;
}

TEST(store_street_points_and_id_sequences_persist)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_street a = { 7, 51515381, -112422, "On or near Star Yard" };
	struct store_street b = { 9, 51515381, -112422, "On or near Carey Street" };
	int64_t sum[3] = { 0, 0, 0 }, first = 0;

	if (!s)
		return;
	CHECK_INT(store_street_add(s, &a, &e), 0);
	CHECK_INT(store_street_add(s, &b, &e), 0);	/* same point, another name */
	b.id = 7;
	CHECK_INT(store_street_add(s, &b, &e), ERR_CONFLICT);	/* the id is taken */
	b.id = 9;
	a.id = 0;
	CHECK_INT(store_street_add(s, &a, &e), ERR_INVALID);
	CHECK_INT(store_sequence_take(s, "crime", 100, &first, &e), 0);
	CHECK_INT(first, 1);
	CHECK_INT(store_sequence_take(s, "crime", 5, &first, &e), 0);
	CHECK_INT(first, 101);
	CHECK_INT(store_sequence_take(s, "other", 1, &first, &e), 0);
	CHECK_INT(first, 1);
	CHECK_INT(store_sequence_take(s, "crime", 0, &first, &e), ERR_INVALID);
	store_close(s);
	CHECK_INT(store_open(path, 0, &s, &e), 0);
	if (!s)
		return;
	CHECK_INT(store_street_each(s, collect_street, sum, &e), 0);
	CHECK_INT(sum[0], 2);
	CHECK_INT(sum[1], 16);
	CHECK_INT(sum[2], 0);
	CHECK_INT(store_sequence_take(s, "crime", 1, &first, &e), 0);
	CHECK_INT(first, 106);
	store_close(s);
}

TEST(store_nested_transactions_commit_once_and_inner_failure_dooms_the_outer)
{
	char path[512];
	struct store *s = open_fresh(path, sizeof(path));
	struct err e = ERR_INIT;
	struct store_force f = { "glanmor", "Glanmor Police", NULL, NULL, NULL };
	struct store_force g = { "dyfed", "Dyfed Police", NULL, NULL, NULL };
	int n = 0;

	/* an inner commit writes nothing until the outer one does */
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_commit(s, &e), 0);
	store_rollback(s);
	CHECK_INT(store_force_each(s, count_force, &n, &e), 0);
	CHECK_INT(n, 0);

	/* an inner rollback dooms the outer transaction: nothing is kept */
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_put(s, &g, &e), 0);
	store_rollback(s);
	CHECK_INT(store_begin(s, &e), 0);	/* a later inner step still runs ... */
	CHECK_INT(store_commit(s, &e), ERR_CONFLICT);	/* ... but cannot commit */
	store_rollback(s);
	CHECK_INT(store_commit(s, &e), ERR_CONFLICT);
	CHECK_CONTAINS(e.msg, "rolled back");
	store_rollback(s);
	n = 0;
	CHECK_INT(store_force_each(s, count_force, &n, &e), 0);
	CHECK_INT(n, 0);

	/* and the store is usable again: nested levels commit once at the top */
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_begin(s, &e), 0);
	CHECK_INT(store_force_put(s, &f, &e), 0);
	CHECK_INT(store_commit(s, &e), 0);
	CHECK_INT(store_force_put(s, &g, &e), 0);
	CHECK_INT(store_commit(s, &e), 0);
	n = 0;
	CHECK_INT(store_force_each(s, count_force, &n, &e), 0);
	CHECK_INT(n, 2);
	CHECK_INT(store_commit(s, &e), ERR_INTERNAL);
	store_close(s);
}
