/*
 * t_monthpack.c - the string table and packed force-month columns: what
 * goes in comes back out, through the compressed encoding.
 */
#include "test.h"

#include "base/parse.h"
#include "base/strtab.h"
#include "base/xalloc.h"
#include "index/monthpack.h"
#include "oldpack.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

TEST(strtab_interns_each_string_once)
{
	struct strtab t = STRTAB_INIT;
	char buf[32];

	CHECK_INT(strtab_intern(&t, "On or near High Street", 22), 0);
	CHECK_INT(strtab_intern(&t, "Burglary", 8), 1);
	CHECK_INT(strtab_intern(&t, "On or near High Street", 22), 0);
	CHECK_STR(strtab_get(&t, 1), "Burglary");
	CHECK_STR(strtab_get(&t, 99), "");
	for (int i = 0; i < 5000; i++) {	/* forces several rehashes */
		int n = snprintf(buf, sizeof(buf), "street %d", i);
		CHECK_INT(strtab_intern(&t, buf, (size_t)n), i + 2);
	}
	CHECK_INT(strtab_find(&t, "street 4321", 11), 4323);
	CHECK_INT(strtab_find(&t, "street 5000", 11), STRTAB_NONE);
	CHECK_STR(strtab_get(&t, 0), "On or near High Street");
	strtab_release(&t);
}

TEST(strtab_compares_lengths_before_bytes)
{
	struct strtab t = STRTAB_INIT;
	char longer[1100];

	/* a short string last in the buffer, then a lookup of a longer one that
	 * shares its start: the comparison must not read past the short one */
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	for (int i = 0; i < 60; i++)
		strtab_intern(&t, longer, 10 + (size_t)i);
	CHECK_INT(strtab_find(&t, longer, sizeof(longer) - 1), STRTAB_NONE);
	CHECK_INT(strtab_intern(&t, longer, sizeof(longer) - 1), 60);
	CHECK_INT(strtab_find(&t, longer, 10), 0);
	CHECK_INT(strtab_find(&t, "", 0), STRTAB_NONE);
	CHECK_INT(strtab_intern(&t, "", 0), 61);
	CHECK_STR(strtab_get(&t, 61), "");
	strtab_release(&t);
}

/* Two packs of the same rows whose strings were met in another order are
 * the same (an older Engage placed rows while parsing, and numbered the
 * placed LSOA first); any value changed, or a string missing where the
 * other has "", and they are not. */
TEST(monthpack_same_compares_rows_not_string_numbers)
{
	struct monthpack a, b;
	struct crime_record r = {
		.month = 2019 * 12, .reported_by = "City of London Police",
		.falls_within = "City of London Police", .has_location = 1,
		.lat = 51515381, .lng = -112422, .location = "On or near Star Yard",
		.lsoa_code = "E01000914", .lsoa_name = "Camden 028B", .category = CAT_BICYCLE_THEFT,
		.last_outcome = "Under investigation", .context = "",
	};

	monthpack_init(&a, MONTH_STREET, r.month);
	monthpack_init(&b, MONTH_STREET, r.month);
	CHECK_INT(monthpack_add_crime(&a, &r, "E01000914"), 0);
	CHECK(monthpack_intern(&b, "Under investigation") != STRTAB_NONE);	/* numbered first */
	CHECK_INT(monthpack_add_crime(&b, &r, NULL), 0);
	MP_STR(&b, SC_LSOA)[0] = monthpack_intern(&b, "E01000914");
	MP_U8(&b, SC_FLAGS)[0] = MP_U8(&a, SC_FLAGS)[0];
	CHECK(MP_STR(&a, SC_OUTCOME)[0] != MP_STR(&b, SC_OUTCOME)[0]);
	CHECK_INT(monthpack_same(&a, &b), 1);
	MP_I32(&b, SC_LAT)[0]++;
	CHECK_INT(monthpack_same(&a, &b), 0);
	MP_I32(&b, SC_LAT)[0]--;
	MP_STR(&b, SC_OUTCOME)[0] = monthpack_intern(&b, "Court result unavailable");
	CHECK_INT(monthpack_same(&a, &b), 0);
	MP_STR(&b, SC_OUTCOME)[0] = monthpack_intern(&b, "Under investigation");
	MP_STR(&a, SC_CONTEXT)[0] = STRTAB_NONE;
	CHECK_INT(monthpack_same(&a, &b), 0);
	monthpack_release(&a);
	monthpack_release(&b);
}

TEST(monthpack_street_round_trip)
{
	struct monthpack p, q;
	struct strbuf blob = STRBUF_INIT;
	struct err e = ERR_INIT;
	struct crime_record r = {
		.crime_id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd",
		.month = 2019 * 12, .reported_by = "City of London Police",
		.falls_within = "City of London Police", .has_location = 1,
		.lat = 51515381, .lng = -112422, .location = "On or near Star Yard",
		.lsoa_code = "E01000914", .lsoa_name = "Camden 028B", .category = CAT_BICYCLE_THEFT,
		.last_outcome = "Investigation complete; no suspect identified", .context = "",
	};
	char id[65];

	monthpack_init(&p, MONTH_STREET, r.month);
	CHECK_INT(monthpack_add_crime(&p, &r, "E01000914"), 0);
	r.crime_id = "";
	r.category = CAT_ASB;
	r.has_location = 0;
	r.location = "No location";
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	CHECK_INT(monthpack_encode(&p, &blob, &e), 0);
	CHECK_INT(monthpack_decode(blob.buf, blob.len, MONTH_STREET, r.month, &q, &e), 0);
	CHECK_INT(q.rows, 2);
	CHECK_INT(MP_I32(&q, SC_LAT)[0], 51515381);
	CHECK_INT(MP_I32(&q, SC_LNG)[0], -112422);
	CHECK_INT(MP_U8(&q, SC_CATEGORY)[0], CAT_BICYCLE_THEFT);
	CHECK_STR(monthpack_str(&q, MP_STR(&q, SC_LOCATION)[0]), "On or near Star Yard");
	CHECK_STR(monthpack_str(&q, MP_STR(&q, SC_LSOA)[0]), "E01000914");
	monthpack_crime_id(&q, SC_CRIME_ID, 0, id);
	CHECK_STR(id, "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd");
	monthpack_crime_id(&q, SC_CRIME_ID, 1, id);
	CHECK_STR(id, "");
	CHECK_INT(MP_U8(&q, SC_FLAGS)[1] & MPF_LOCATED, 0);
	CHECK_STR(monthpack_str(&q, MP_STR(&q, SC_LSOA)[1]), "");
	/* a damaged blob is refused, not misread */
	blob.buf[blob.len - 3] ^= 0x55;
	monthpack_release(&q);
	CHECK(monthpack_decode(blob.buf, blob.len, MONTH_STREET, r.month, &q, &e) < 0);
	CHECK_CONTAINS(e.msg, "force-month record");
	monthpack_release(&p);
	strbuf_release(&blob);
}

/* police.uk's own LSOA code is usually the placed one, and then takes its
 * id without being hashed again: ids must still be those of interning each
 * field in turn, whether the codes agree, differ or one is missing. */
TEST(monthpack_reported_lsoa_takes_the_same_ids_however_it_compares)
{
	struct monthpack p;
	struct crime_record r = {
		.month = 2019 * 12, .reported_by = "Kent Police", .falls_within = "Kent Police",
		.has_location = 1, .lat = 51000000, .lng = 1000000, .location = "On or near A Road",
		.lsoa_name = "Dover 001A", .category = CAT_ASB, .last_outcome = "", .context = "",
	};
	static const struct { const char *placed, *reported; } rows[] = {
		{ "E01000001", "E01000001" },	/* agree */
		{ "E01000002", "E01000001" },	/* differ: reported already known */
		{ NULL, "E01000003" },		/* outside every LSOA */
		{ "E01000001", "E01000002" },	/* differ: both known */
		{ "E01000004", "E01000004" },	/* agree, both new */
		{ "E01000005", "" },		/* police.uk gives none */
		{ "E01000006", "E01000007" },	/* differ, both new */
	};
	static const char *const order[] = {
		"E01000001", "Dover 001A", "On or near A Road", "", "Kent Police", "E01000002",
		"E01000003", "E01000004", "E01000005", "E01000006", "E01000007",
	};
	size_t n = sizeof(rows) / sizeof(rows[0]);

	monthpack_init(&p, MONTH_STREET, r.month);
	for (size_t i = 0; i < n; i++) {
		r.lsoa_code = rows[i].reported;
		CHECK_INT(monthpack_add_crime(&p, &r, rows[i].placed), 0);
	}
	CHECK_INT(p.strings.count, sizeof(order) / sizeof(order[0]));
	for (uint32_t k = 0; k < p.strings.count && k < sizeof(order) / sizeof(order[0]); k++)
		CHECK_STR(monthpack_str(&p, k), order[k]);
	for (size_t i = 0; i < n; i++) {
		CHECK_STR(monthpack_str(&p, MP_STR(&p, SC_REPORTED_LSOA)[i]), rows[i].reported);
		CHECK_STR(monthpack_str(&p, MP_STR(&p, SC_LSOA)[i]),
			  rows[i].placed ? rows[i].placed : "");
	}
	CHECK_INT(MP_STR(&p, SC_LSOA)[2], STRTAB_NONE);
	monthpack_release(&p);
}

TEST(monthpack_refuses_a_blob_that_lies_about_its_size)
{
	struct monthpack p;
	struct err e = ERR_INIT;
	unsigned char blob[32] = { 0 };
	uint64_t claim = (uint64_t)1 << 33;	/* 8 GB from 24 bytes of "zlib" */

	memcpy(blob, &claim, 8);
	xalloc_fail_at(0);
	CHECK(monthpack_decode(blob, sizeof(blob), MONTH_STREET, 0, &p, &e) < 0);
	CHECK_CONTAINS(e.msg, "bad length");
	CHECK(xalloc_count() < 4);	/* refused before allocating for the claim */
}

/* An old record, packed the way EMP1/EMP2 were: everything compressed, the
 * first `ncols` columns, prefixed with the uncompressed length. */
static void legacy_encode(const struct monthpack *p, const char *magic, int ncols, struct strbuf *out)
{
	static const size_t size[] = { [MPT_U8] = 1, [MPT_I8] = 1, [MPT_I32] = 4, [MPT_I64] = 8,
				       [MPT_STR] = 4, [MPT_ID32] = 32 };
	struct strbuf raw = STRBUF_INIT;
	uint32_t v;
	uint64_t rawlen;
	uLongf zlen;

	strbuf_add(&raw, magic, 4);
	strbuf_addch(&raw, (char)p->kind);
	strbuf_addch(&raw, (char)ncols);
	v = (uint32_t)p->rows;
	strbuf_add(&raw, &v, 4);
	v = p->strings.count;
	strbuf_add(&raw, &v, 4);
	for (uint32_t i = 0; i < p->strings.count; i++) {
		v = (uint32_t)strlen(strtab_get(&p->strings, i));
		strbuf_add(&raw, &v, 4);
		strbuf_add(&raw, strtab_get(&p->strings, i), v);
	}
	for (int c = 0; c < ncols; c++)
		strbuf_add(&raw, p->col[c], p->rows * size[p->types[c]]);
	rawlen = raw.len;
	zlen = compressBound((uLong)raw.len);
	strbuf_grow(out, 8 + zlen);
	memcpy(out->buf, &rawlen, 8);
	CHECK_INT(compress2((Bytef *)out->buf + 8, &zlen, (const Bytef *)raw.buf, (uLong)raw.len, 6), Z_OK);
	out->len = 8 + zlen;
	strbuf_release(&raw);
}

/* A located burglary with a crime id, for the old-format tests. */
static const struct crime_record star_yard = {
	.crime_id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd",
	.month = 2019 * 12, .reported_by = "x", .falls_within = "x",
	.has_location = 1, .lat = 51515381, .lng = -112422,
	.location = "On or near Star Yard", .lsoa_code = "", .lsoa_name = "",
	.category = CAT_BURGLARY, .last_outcome = "", .context = "",
};

/* Records packed before street ids (EMP1) and before raw id columns (EMP2)
 * still decode; anything else is refused. */
TEST(monthpack_reads_emp1_and_emp2_records)
{
	struct monthpack p, q;
	struct strbuf old = STRBUF_INIT;
	struct err e = ERR_INIT;
	struct crime_record r = star_yard;
	char id[65];

	monthpack_init(&p, MONTH_STREET, r.month);
	for (int i = 0; i < 3; i++) {
		CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
		monthpack_set_street(&p, p.rows - 1, 70 + i);
	}
	legacy_encode(&p, "EMP2", SC_COUNT, &old);
	CHECK_INT(monthpack_decode(old.buf, old.len, MONTH_STREET, r.month, &q, &e), 0);
	CHECK_INT(MP_I32(&q, SC_STREET)[2], 72);
	monthpack_crime_id(&q, SC_CRIME_ID, 1, id);
	CHECK_STR(id, r.crime_id);
	monthpack_release(&q);

	strbuf_reset(&old);
	legacy_encode(&p, "EMP1", SC_COUNT - 1, &old);
	CHECK_INT(monthpack_decode(old.buf, old.len, MONTH_STREET, r.month, &q, &e), 0);
	CHECK_INT(q.rows, 3);
	CHECK_INT(MP_I32(&q, SC_LAT)[1], 51515381);
	CHECK_INT(MP_I32(&q, SC_STREET)[1], 0);
	CHECK_STR(monthpack_str(&q, MP_STR(&q, SC_LOCATION)[2]), "On or near Star Yard");
	monthpack_release(&q);

	strbuf_reset(&old);
	legacy_encode(&p, "EMP9", SC_COUNT, &old);
	CHECK_INT(monthpack_decode(old.buf, old.len, MONTH_STREET, r.month, &q, &e), ERR_INVALID);
	monthpack_release(&p);
	strbuf_release(&old);
}

TEST(monthpack_keeps_crime_ids_out_of_the_compressed_stream)
{
	struct monthpack p, q;
	struct strbuf blob = STRBUF_INIT;
	struct err e = ERR_INIT;
	struct crime_record r = {
		.crime_id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd",
		.month = 2019 * 12, .reported_by = "x", .falls_within = "x", .location = "",
		.lsoa_code = "", .lsoa_name = "", .category = CAT_BURGLARY, .last_outcome = "",
		.context = "",
	};
	uint64_t zlen;
	char id[65];

	monthpack_init(&p, MONTH_STREET, r.month);
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	CHECK_INT(monthpack_encode(&p, &blob, &e), 0);
	CHECK(!memcmp(blob.buf, "EMZ4", 4));
	memcpy(&zlen, blob.buf + 12, 8);
	CHECK_INT(blob.len, 24 + zlen + 2 * 32);	/* two raw 32-byte ids at the end */
	CHECK_INT((unsigned char)blob.buf[24 + zlen], 0x32);
	CHECK_INT(monthpack_decode(blob.buf, blob.len, MONTH_STREET, r.month, &q, &e), 0);
	monthpack_crime_id(&q, SC_CRIME_ID, 1, id);
	CHECK_STR(id, r.crime_id);
	monthpack_release(&q);
	/* a tail one byte short is refused, not misread */
	CHECK_INT(monthpack_decode(blob.buf, blob.len - 1, MONTH_STREET, r.month, &q, &e), ERR_INVALID);
	monthpack_release(&p);
	strbuf_release(&blob);
}

TEST(monthpack_crime_ids_upper_case_and_refused)
{
	struct monthpack p;
	struct crime_record r = {
		.crime_id = "320930473D454D613EAD909A28008A91A607C93F8B74339623A4CEC4A252B0DD",
		.month = 2019 * 12, .location = "", .lsoa_code = "", .lsoa_name = "",
		.reported_by = "", .falls_within = "", .last_outcome = "", .context = "",
		.category = CAT_BURGLARY,
	};
	char id[65];

	monthpack_init(&p, MONTH_STREET, r.month);
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	r.crime_id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dg";
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	r.crime_id = "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd0";
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	monthpack_crime_id(&p, SC_CRIME_ID, 0, id);
	CHECK_STR(id, "320930473d454d613ead909a28008a91a607c93f8b74339623a4cec4a252b0dd");
	CHECK_INT(MP_U8(&p, SC_FLAGS)[1] & MPF_HAS_ID, 0);
	CHECK_INT(MP_U8(&p, SC_FLAGS)[2] & MPF_HAS_ID, 0);
	for (int i = 0; i < 32; i++)
		CHECK_INT(MP_ID32(&p, SC_CRIME_ID)[1][i], 0);
	monthpack_release(&p);
}

/* String ids are packed in two bytes when a pack has fewer than 0xffff
 * strings (EMP4), in four when it has more, and records packed before,
 * with four-byte ids always (EMP3), still decode to the same rows.  A row
 * with no placed LSOA keeps "none" through the two-byte form. */
static void check_round_trips(struct monthpack *p)
{
	struct monthpack q;
	struct strbuf blob = STRBUF_INIT, old = STRBUF_INIT;
	struct err e = ERR_INIT;
	uint64_t raw_now, raw_old;

	CHECK_INT(monthpack_encode(p, &blob, &e), 0);
	CHECK_INT(monthpack_decode(blob.buf, blob.len, p->kind, p->month, &q, &e), 0);
	CHECK_INT(monthpack_same(p, &q), 1);
	CHECK_INT(MP_STR(&q, SC_LSOA)[1], STRTAB_NONE);
	monthpack_release(&q);
	CHECK_INT(oldpack_emp3_from_emp4(blob.buf, blob.len, &old), 0);
	CHECK_INT(monthpack_decode(old.buf, old.len, p->kind, p->month, &q, &e), 0);
	CHECK_INT(monthpack_same(p, &q), 1);
	monthpack_release(&q);
	memcpy(&raw_now, blob.buf + 4, 8);
	memcpy(&raw_old, old.buf + 4, 8);
	/* 8 string columns: two bytes less per row each, when narrow */
	CHECK_INT(raw_old - raw_now, p->strings.count < 0xffff ? 8 * 2 * p->rows : 0);
	strbuf_release(&blob);
	strbuf_release(&old);
}

TEST(monthpack_string_ids_two_bytes_when_they_fit_and_emp3_still_reads)
{
	struct monthpack p;
	struct crime_record r = star_yard;
	char where[32];

	monthpack_init(&p, MONTH_STREET, r.month);
	CHECK_INT(monthpack_add_crime(&p, &r, "E01000914"), 0);
	CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
	CHECK_INT(monthpack_add_crime(&p, &r, "E01000914"), 0);
	check_round_trips(&p);
	for (int i = 0; i < 70000; i++) {	/* more strings than two bytes number */
		snprintf(where, sizeof(where), "On or near Street %d", i);
		r.location = where;
		CHECK_INT(monthpack_add_crime(&p, &r, "E01000914"), 0);
	}
	CHECK(p.strings.count > 0xffff);
	check_round_trips(&p);
	monthpack_release(&p);
}

/* Records written as EMZ3 (the EMZ4 layout with a zlib stream where the
 * zstd frame is) still decode, and a damaged stream is still refused. */
TEST(monthpack_reads_emz3_records)
{
	struct monthpack p, q;
	struct strbuf blob = STRBUF_INIT, old = STRBUF_INIT;
	struct err e = ERR_INIT;
	struct crime_record r = star_yard;
	char id[65];

	monthpack_init(&p, MONTH_STREET, r.month);
	for (int i = 0; i < 5; i++) {
		CHECK_INT(monthpack_add_crime(&p, &r, NULL), 0);
		monthpack_set_street(&p, p.rows - 1, 40 + i);
	}
	CHECK_INT(monthpack_encode(&p, &blob, &e), 0);
	CHECK_INT(oldpack_emz3_from_emz4(blob.buf, blob.len, &old), 0);
	CHECK(!memcmp(old.buf, "EMZ3", 4));
	CHECK_INT(monthpack_decode(old.buf, old.len, MONTH_STREET, r.month, &q, &e), 0);
	CHECK_INT(q.rows, 5);
	CHECK_INT(MP_I32(&q, SC_STREET)[4], 44);
	CHECK_STR(monthpack_str(&q, MP_STR(&q, SC_LOCATION)[3]), "On or near Star Yard");
	monthpack_crime_id(&q, SC_CRIME_ID, 2, id);
	CHECK_STR(id, r.crime_id);
	monthpack_release(&q);
	old.buf[30] ^= 0x55;
	CHECK(monthpack_decode(old.buf, old.len, MONTH_STREET, r.month, &q, &e) < 0);
	monthpack_release(&p);
	strbuf_release(&blob);
	strbuf_release(&old);
}
