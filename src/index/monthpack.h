/*
 * monthpack.h - one police.uk force-month as packed columns.
 *
 * police.uk publishes immutable force-months that are replaced whole, so
 * Engage keeps each (force, month, kind) as one columnar record: a typed
 * array per field and a string table for the repeating texts.  The same
 * struct is the in-memory read model (arrays indexed by row) and, encoded
 * and compressed (zstd; formats in monthpack.c), the blob the store keeps
 * (store_force_month_put).
 * See docs/ARCHITECTURE.md, "Storing open data".
 *
 * Columns per kind are the enums below; read them with MP_U8/MP_I32/...:
 *	int32_t lat = MP_I32(p, SC_LAT)[row];
 *	const char *where = monthpack_str(p, MP_STR(p, SC_LOCATION)[row]);
 *
 * Ownership: a monthpack owns its columns and strings;
 * monthpack_release() frees them.
 */
#ifndef ENGAGE_MONTHPACK_H
#define ENGAGE_MONTHPACK_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "base/strtab.h"
#include "model/police.h"
#include "store/store.h"

enum mp_flags {
	MPF_LOCATED = 1 << 0,	/* lat/lng hold a point */
	MPF_HAS_ID = 1 << 1,	/* crime id present (not ASB) */
	MPF_PLACED = 1 << 2,	/* the point fell inside a known LSOA */
};

/* Street columns. */
enum { SC_FLAGS, SC_CATEGORY, SC_LAT, SC_LNG, SC_LSOA, SC_REPORTED_LSOA, SC_LSOA_NAME,
       SC_LOCATION, SC_OUTCOME, SC_CONTEXT, SC_REPORTED_BY, SC_FALLS_WITHIN, SC_CRIME_ID,
       SC_STREET, SC_COUNT };
/* Outcome columns. */
enum { OC_FLAGS, OC_LAT, OC_LNG, OC_LSOA, OC_REPORTED_LSOA, OC_LSOA_NAME, OC_LOCATION,
       OC_OUTCOME, OC_REPORTED_BY, OC_FALLS_WITHIN, OC_CRIME_ID, OC_STREET, OC_COUNT };
/* Stop-and-search columns. */
enum { ST_FLAGS, ST_DATETIME, ST_LAT, ST_LNG, ST_LSOA, ST_TYPE, ST_PART_OF_OPERATION,
       ST_OPERATION, ST_GENDER, ST_AGE_RANGE, ST_SELF_ETHNICITY, ST_OFFICER_ETHNICITY,
       ST_LEGISLATION, ST_OBJECT, ST_OUTCOME, ST_OUTCOME_LINKED, ST_REMOVAL, ST_STREET,
       ST_COUNT };

#define MP_MAX_COLS 18

/* Every kind's last column (SC_STREET, OC_STREET, ST_STREET) is the row's
 * street id: the stable number of its anonymous map point (store.h,
 * "street points"), 0 when the row has no location.  Records packed
 * before street ids existed (format EMP1) decode with 0 there. */
int monthpack_street_col(int kind);

enum mp_type { MPT_U8, MPT_I8, MPT_I32, MPT_I64, MPT_STR, MPT_ID32 };

struct monthpack {
	int kind;		/* enum store_month_kind */
	int32_t month;
	size_t rows, cap;
	int ncols;
	const enum mp_type *types;
	void *col[MP_MAX_COLS];
	struct strtab strings;
	uint32_t last[MP_MAX_COLS];	/* the string each column took last, when adding */
};

#define MP_U8(p, c) ((uint8_t *)(p)->col[c])
#define MP_I8(p, c) ((int8_t *)(p)->col[c])
#define MP_I32(p, c) ((int32_t *)(p)->col[c])
#define MP_I64(p, c) ((int64_t *)(p)->col[c])
#define MP_STR(p, c) ((uint32_t *)(p)->col[c])
#define MP_ID32(p, c) ((uint8_t (*)[32])(p)->col[c])

void monthpack_init(struct monthpack *p, int kind, int32_t month);
void monthpack_release(struct monthpack *p);
const char *monthpack_str(const struct monthpack *p, uint32_t id);
/* The id of string s in the pack, adding it if new; STRTAB_NONE when out
 * of memory.  For a caller filling a string column itself. */
uint32_t monthpack_intern(struct monthpack *p, const char *s);
/* Bytes a value of this type takes in a column. */
size_t monthpack_type_size(enum mp_type t);
/* 1 when two packs hold the same rows: the same value in every column,
 * strings compared as strings (two encodings of one month may number
 * their strings differently), else 0. */
int monthpack_same(const struct monthpack *a, const struct monthpack *b);

/* Append a record.  `placed_lsoa` is the LSOA code the point fell in (NULL
 * when it has no location or fell outside every LSOA).  Returns 0 or
 * ERR_NOMEM. */
int monthpack_add_crime(struct monthpack *p, const struct crime_record *r, const char *placed_lsoa);
int monthpack_add_outcome(struct monthpack *p, const struct outcome_record *r,
			  const char *placed_lsoa);
int monthpack_add_stop(struct monthpack *p, const struct stop_record *r, const char *placed_lsoa);

/* Set the street id of a row already added. */
void monthpack_set_street(struct monthpack *p, size_t row, int32_t street_id);

/* The 64-hex crime id of a row, into buf (65 bytes); "" when it has none. */
void monthpack_crime_id(const struct monthpack *p, int col, size_t row, char buf[65]);

/* Encode (compressed) for the store, and back. */
int monthpack_encode(const struct monthpack *p, struct strbuf *out, struct err *e);
int monthpack_decode(const void *data, size_t n, int kind, int32_t month,
		     struct monthpack *p, struct err *e);

#endif
