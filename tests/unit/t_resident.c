/*
 * t_resident.c - what the resident pages rest on: the iCalendar writer
 * (escaping and folding, RFC 5545), the neighbourhood finder over the demo
 * town (street names, area codes and names, coordinates), and the
 * calendar and map a neighbourhood page links to.
 */
#include "test.h"
#include "town.h"

#include "api/nb_map.h"
#include "base/ical.h"
#include "engage/find.h"
#include "engage/record.h"
#include "index/readmodel.h"
#include "views/calendar.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

TEST(ical_escapes_text)
{
	struct strbuf sb = STRBUF_INIT;

	ical_escape(&sb, "a\\b;c,d\ne\r\tf");
	CHECK_STR(strbuf_str(&sb), "a\\\\b\\;c\\,d\\nef");
	strbuf_release(&sb);
}

/* Every physical line is at most 75 octets and ends CRLF; unfolding gives
 * the logical line back; no UTF-8 sequence is split. */
TEST(ical_folds_long_lines)
{
	struct strbuf sb = STRBUF_INIT, unfolded = STRBUF_INIT;
	struct ical ic;
	char value[400];
	size_t k = 0;

	for (int i = 0; i < 60; i++) {	/* "ŵ" is two octets: folds land beside them */
		memcpy(value + k, i % 3 ? "ab" : "\xc5\xb5", 2);
		k += 2;
	}
	value[k] = '\0';
	ical_init(&ic, &sb);
	ical_text(&ic, "SUMMARY", value);
	ical_line(&ic, "END", "VEVENT");
	for (const char *p = sb.buf; *p;) {
		const char *eol = strstr(p, "\r\n");

		CHECK(eol != NULL);
		if (!eol)
			break;
		CHECK(eol - p <= ICAL_LINE_MAX);
		CHECK(((unsigned char)eol[-1] & 0xc0) != 0xc0);	/* no lead byte left hanging */
		strbuf_add(&unfolded, p == sb.buf || p[0] != ' ' ? p : p + 1,
			   (size_t)(eol - (p == sb.buf || p[0] != ' ' ? p : p + 1)));
		if (eol[2] != ' ')
			strbuf_addch(&unfolded, '|');
		p = eol + 2;
	}
	CHECK(strstr(sb.buf, "\r\n ") != NULL);
	{
		char want[500];

		snprintf(want, sizeof(want), "SUMMARY:%s|END:VEVENT|", value);
		CHECK_STR(strbuf_str(&unfolded), want);
	}
	strbuf_release(&sb);
	strbuf_release(&unfolded);
}

TEST(ical_writes_utc_times)
{
	struct strbuf sb = STRBUF_INIT;
	struct ical ic;

	ical_init(&ic, &sb);
	ical_time(&ic, "DTSTART", 1799866800);	/* 2027-01-13T19:00:00Z */
	CHECK_STR(strbuf_str(&sb), "DTSTART:20270113T190000Z\r\n");
	strbuf_release(&sb);
}

TEST(find_folds_accents_and_punctuation)
{
	char out[64];

	find_fold("  Lôn   y Ffynnon! ", out, sizeof(out));
	CHECK_STR(out, "lon y ffynnon");
	find_fold("Ffordd Ŵyn-Ŷd", out, sizeof(out));
	CHECK_STR(out, "ffordd wyn yd");
	find_fold("Pen'rhos", out, sizeof(out));
	CHECK_STR(out, "penrhos");
	find_fold("Pen\u2019rhos \u2014 Ty\u2018n", out, sizeof(out));	/* curly quotes go; a dash parts */
	CHECK_STR(out, "penrhos tyn");
}

TEST(find_parses_coordinates)
{
	double lat, lng;

	CHECK_INT(find_parse_coordinates("52.336, -4.437", &lat, &lng), 0);
	CHECK(lat > 52.335 && lat < 52.337 && lng < -4.436 && lng > -4.438);
	CHECK_INT(find_parse_coordinates("52.336 -4.437", &lat, &lng), 0);
	CHECK_INT(find_parse_coordinates("Mill Close", &lat, &lng), -1);
	CHECK_INT(find_parse_coordinates("95, 1", &lat, &lng), -1);
	CHECK_INT(find_parse_coordinates("52.3", &lat, &lng), -1);
}

struct place {
	struct town town;
	struct finder *f;
};

static int place_open(struct place *p)
{
	struct err e = ERR_INIT;

	if (town_open(&p->town, 2, 1) < 0)
		return -1;
	if (finder_build(p->town.s, p->town.rm, &p->f, &e) < 0) {
		test_fail(__FILE__, __LINE__, "%s", e.msg);
		town_close(&p->town);
		return -1;
	}
	return 0;
}

static void place_close(struct place *p)
{
	finder_free(p->f);
	town_close(&p->town);
}

static const char *nb_id(const struct place *t, int32_t n)
{
	return t->town.rm->nbhds[n].id;
}

TEST(find_by_street_area_and_point)
{
	struct place t;
	struct find_match m[20];
	size_t n;
	long at;

	if (place_open(&t) < 0)
		return;
	/* a street in one neighbourhood: one match */
	n = finder_search(t.f, "mill close", m, 20);
	CHECK_INT(n, 1);
	CHECK_INT(m[0].kind, FIND_STREET);
	CHECK_STR(m[0].label, "Mill Close");
	CHECK_STR(nb_id(&t, m[0].nbhd), "GM01");
	/* accents and case do not matter */
	n = finder_search(t.f, "LON Y FFYNNON", m, 20);
	CHECK(n >= 1);
	CHECK(n >= 1 && !strcmp(m[0].label, "Lôn y Ffynnon"));
	/* a word: every street that starts with it */
	n = finder_search(t.f, "Mill", m, 20);
	CHECK(n >= 2);
	/* an LSOA code names its neighbourhood */
	{
		const struct rm_lsoa *l = &t.town.rm->lsoas[t.town.rm->nbhds[0].lsoas[0]];

		n = finder_search(t.f, l->code, m, 20);
		CHECK_INT(n, 1);
		CHECK_INT(m[0].kind, FIND_LSOA);
		CHECK_INT(m[0].nbhd, l->nbhd);
	}
	/* a neighbourhood by name */
	n = finder_search(t.f, "porthmawr town centre", m, 20);
	CHECK(n >= 1 && m[0].kind == FIND_NEIGHBOURHOOD && !strcmp(nb_id(&t, m[0].nbhd), "GM01"));
	/* nothing */
	CHECK_INT(finder_search(t.f, "Nowhere Street at all", m, 20), 0);
	CHECK_INT(finder_search(t.f, "  ", m, 20), 0);
	/* the market hall in the town centre, and the sea outside it */
	at = finder_locate(t.f, 52.339699, -4.453595);
	CHECK(at >= 0 && !strcmp(nb_id(&t, (int32_t)at), "GM01"));
	CHECK_INT(finder_locate(t.f, 51.0, -3.0), -1);
	place_close(&t);
}

/* The calendar: only meetings residents can come to, each VEVENT whole,
 * and the map: a boundary and counted points. */
TEST(resident_calendar_and_map)
{
	struct place t;
	struct record rec;
	struct err e = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	long n;
	int count;
	json_t *j;
	json_error_t je;

	if (place_open(&t) < 0)
		return;
	n = readmodel_neighbourhood(t.town.rm, "glanmor", "GM01");
	CHECK(n >= 0);
	CHECK_INT(record_load(t.town.s, "glanmor", "GM01", 0, &rec, &e), 0);
	CHECK(rec.nactivities > 0);
	if (!rec.nactivities) {
		place_close(&t);
		return;
	}
	count = calendar_render(t.town.rm, (size_t)n, &rec, 0, 1799866800, LANG_CY, &sb);
	CHECK(count > 0);
	CHECK(!strncmp(strbuf_str(&sb), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30));
	CHECK_CONTAINS(strbuf_str(&sb), "X-WR-CALNAME:Porthmawr Town Centre: cyfarfodydd yr heddlu a'r gymuned\r\n");
	CHECK_CONTAINS(strbuf_str(&sb), "DTSTAMP:20270113T190000Z\r\n");
	CHECK(strstr(strbuf_str(&sb), "door-to-door") == NULL);
	CHECK(strstr(strbuf_str(&sb), "StreetSafe door-to-door") == NULL);
	{
		size_t begins = 0, ends = 0;

		for (const char *p = sb.buf; (p = strstr(p, "BEGIN:VEVENT\r\n")); p++)
			begins++;
		for (const char *p = sb.buf; (p = strstr(p, "END:VEVENT\r\n")); p++)
			ends++;
		CHECK_INT(begins, count);
		CHECK_INT(ends, count);
	}
	CHECK(sb.len > 2 && !strcmp(sb.buf + sb.len - 15, "END:VCALENDAR\r\n"));
	/* one meeting alone */
	strbuf_reset(&sb);
	CHECK_INT(calendar_render(t.town.rm, (size_t)n, &rec, rec.activities[0].id, 0, LANG_EN, &sb) <= 1, 1);
	CHECK_INT(calendar_render(t.town.rm, (size_t)n, &rec, 999999999, 0, LANG_EN, &sb), 0);
	record_release(&rec);

	strbuf_reset(&sb);
	CHECK_INT(api_neighbourhood_map(t.town.rm, (size_t)n, &sb, &e), 0);
	j = json_loadb(sb.buf, sb.len, 0, &je);
	CHECK(j != NULL);
	if (j) {
		json_t *fs = json_object_get(j, "features");
		size_t i, points = 0;
		json_t *f;

		CHECK_STR(json_string_value(json_object_get(j, "type")), "FeatureCollection");
		CHECK_STR(json_string_value(json_object_get(json_object_get(json_array_get(fs, 0), "properties"), "kind")), "boundary");
		CHECK_STR(json_string_value(json_object_get(json_object_get(json_array_get(fs, 0), "geometry"), "type")), "MultiPolygon");
		json_array_foreach(fs, i, f) {
			json_t *g = json_object_get(f, "geometry");

			if (i == 0)
				continue;
			points++;
			CHECK_STR(json_string_value(json_object_get(g, "type")), "Point");
			CHECK(json_integer_value(json_object_get(json_object_get(f, "properties"), "count")) >= 1);
		}
		CHECK(points > 0);
		json_decref(j);
	}
	strbuf_release(&sb);
	place_close(&t);
}
