/*
 * migrations.h - the numbered schema migrations, embedded at build time
 * from src/store/migrations/NNN_name.sql by tools/embed-migrations.
 *
 * To change the schema: add the next-numbered .sql file.  Never edit a
 * released one; the store refuses a database whose version is newer than
 * store_migration_count.
 */
#ifndef ENGAGE_STORE_MIGRATIONS_H
#define ENGAGE_STORE_MIGRATIONS_H

struct migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct migration store_migrations[];
extern const int store_migration_count;

#endif
