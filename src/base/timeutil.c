/*
 * timeutil.c - civil dates and the UK summer time rule (see timeutil.h).
 *
 * days_from_civil follows Howard Hinnant's published algorithm for the
 * proleptic Gregorian calendar.
 */
#include "base/timeutil.h"

#include "base/parse.h"

#include <time.h>

int64_t days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Days since epoch of the last Sunday of month m in year y. */
static int64_t last_sunday(int y, int m)
{
	int64_t first_next = m == 12 ? days_from_civil(y + 1, 1, 1)
				     : days_from_civil(y, m + 1, 1);
	int64_t last = first_next - 1;
	int64_t weekday = ((last % 7) + 11) % 7;	/* 0 = Sunday; epoch was Thursday */

	return last - weekday;
}

int london_offset(int64_t t)
{
	int y, m, d;
	int64_t start, end;

	civil_from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400, &y, &m, &d);
	start = last_sunday(y, 3) * 86400 + 3600;
	end = last_sunday(y, 10) * 86400 + 3600;
	return t >= start && t < end ? 3600 : 0;
}

static void format_civil(int64_t t, char *buf, int zulu)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t secs = t - days * 86400;
	int y, m, d;
	struct tm tm = { 0 };

	civil_from_days(days, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = (int)(secs / 3600);
	tm.tm_min = (int)(secs / 60 % 60);
	tm.tm_sec = (int)(secs % 60);
	strftime(buf, 21, zulu ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%M:%S", &tm);
}

void time_format_utc(int64_t t, char buf[21])
{
	format_civil(t, buf, 1);
}

void time_format_london(int64_t t, char buf[20])
{
	format_civil(t + london_offset(t), buf, 0);
}

int time_parse_iso(const char *s, size_t n, int64_t *out)
{
	int64_t y, mo, d, h, mi, se = 0, oh, om;
	int64_t t;
	size_t i = 16;

	if (n < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
	    s[13] != ':' ||
	    parse_int_range(s, 4, 1900, 9999, &y) < 0 ||
	    parse_int_range(s + 5, 2, 1, 12, &mo) < 0 ||
	    parse_int_range(s + 8, 2, 1, 31, &d) < 0 ||
	    parse_int_range(s + 11, 2, 0, 23, &h) < 0 ||
	    parse_int_range(s + 14, 2, 0, 59, &mi) < 0)
		return -1;
	if (n >= 19 && s[16] == ':') {
		if (parse_int_range(s + 17, 2, 0, 60, &se) < 0)
			return -1;
		i = 19;
	}
	t = days_from_civil((int)y, (int)mo, (int)d) * 86400 + h * 3600 + mi * 60 + se;
	if (i == n) {
		/* London wall time: subtract the offset in force at that time. */
		int64_t guess = t - 3600;
		*out = t - london_offset(guess);
		return 0;
	}
	if (s[i] == 'Z' && i + 1 == n) {
		*out = t;
		return 0;
	}
	if (n == i + 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' &&
	    parse_int_range(s + i + 1, 2, 0, 14, &oh) == 0 &&
	    parse_int_range(s + i + 4, 2, 0, 59, &om) == 0) {
		int64_t off = oh * 3600 + om * 60;
		*out = s[i] == '+' ? t - off : t + off;
		return 0;
	}
	return -1;
}

int64_t time_now(void)
{
	return (int64_t)time(NULL);
}
