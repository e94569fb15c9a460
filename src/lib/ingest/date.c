/*
 * ingest/date.c: publication dates in the two forms feeds and JSONL exports use,
 * ISO 8601 (RFC 3339 profile, plus a date alone) and RFC 2822 (e-mail and RSS), to
 * Unix time. Every field is range-checked and the calendar arithmetic is done here
 * on 64-bit integers (no timegm(), no locale), so no input can overflow.
 */
#include <strings.h>

#include "chorus/ingest.h"
#include "util/alloc.h"

struct civil {
	int year, month, day, hour, min, sec;
	int offset; /* minutes east of UTC */
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits at *p into *out. */
static int digits(const char **p, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!is_digit((*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int finish(const struct civil *c, chorus_time *out)
{
	if (c->year < 1 || c->year > 9999 || c->month < 1 || c->month > 12 || c->day < 1 ||
	    c->day > days_in_month(c->year, c->month) || c->hour > 23 || c->min > 59 ||
	    c->sec > 60 || c->offset <= -24 * 60 || c->offset >= 24 * 60)
		return CHORUS_EPARSE;
	*out = days_from_civil(c->year, c->month, c->day) * 86400 + (int64_t)c->hour * 3600 +
	       (int64_t)c->min * 60 + c->sec - (int64_t)c->offset * 60;
	return 0;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

/* "+03:00", "+0300", "+03", "Z" (ISO) into c->offset. */
static int iso_offset(const char **p, struct civil *c)
{
	int sign, h, m = 0;

	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		return 0;
	}
	if (**p != '+' && **p != '-')
		return 0; /* no offset: UTC */
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (digits(p, 2, &h) < 0)
		return -1;
	if (**p == ':')
		(*p)++;
	if (is_digit(**p) && digits(p, 2, &m) < 0)
		return -1;
	if (h > 23 || m > 59)
		return -1;
	c->offset = sign * (h * 60 + m);
	return 0;
}

static int parse_iso(const char *p, chorus_time *out)
{
	struct civil c = { 0 };

	if (digits(&p, 4, &c.year) < 0 || *p++ != '-' || digits(&p, 2, &c.month) < 0 ||
	    *p++ != '-' || digits(&p, 2, &c.day) < 0)
		return CHORUS_EPARSE;
	if (*p == 'T' || *p == 't' || (*p == ' ' && is_digit(p[1]))) {
		p++;
		if (digits(&p, 2, &c.hour) < 0 || *p++ != ':' || digits(&p, 2, &c.min) < 0)
			return CHORUS_EPARSE;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &c.sec) < 0)
				return CHORUS_EPARSE;
			if ((*p == '.' || *p == ',') && is_digit(p[1])) {
				p++;
				while (is_digit(*p))
					p++;
			}
		}
		if (iso_offset(&p, &c) < 0)
			return CHORUS_EPARSE;
	}
	p = skip_space(p);
	if (*p)
		return CHORUS_EPARSE;
	return finish(&c, out);
}

/* The index (0-based) of the name at *p among names[] (three letters, or the whole
 * word when full names are given), advancing *p past the word; -1 if none. */
static int word_index(const char **p, const char *const *names, int n)
{
	const char *s = *p;
	size_t len = 0;
	int i;

	while ((s[len] | 0x20) >= 'a' && (s[len] | 0x20) <= 'z')
		len++;
	if (len < 3)
		return -1;
	for (i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);
		if ((len == 3 && !strncasecmp(s, names[i], 3)) ||
		    (len == nl && !strncasecmp(s, names[i], nl))) {
			*p = s + len;
			return i;
		}
	}
	return -1;
}

static int rfc_zone(const char **p, struct civil *c)
{
	static const struct { const char *name; int hours; } zones[] = {
		{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	};
	const char *s = *p;
	size_t len = 0, i;

	if (*s == '+' || *s == '-') {
		int sign = *s == '-' ? -1 : 1, h, m;
		s++;
		if (digits(&s, 2, &h) < 0 || digits(&s, 2, &m) < 0 || h > 23 || m > 59)
			return -1;
		c->offset = sign * (h * 60 + m);
		*p = s;
		return 0;
	}
	while ((s[len] | 0x20) >= 'a' && (s[len] | 0x20) <= 'z')
		len++;
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		if (strlen(zones[i].name) == len && !strncasecmp(s, zones[i].name, len)) {
			c->offset = zones[i].hours * 60;
			*p = s + len;
			return 0;
		}
	}
	return -1;
}

static int parse_rfc2822(const char *p, chorus_time *out)
{
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
					    "Friday", "Saturday", "Sunday" };
	static const char *const months[] = { "January", "February", "March", "April", "May",
					      "June", "July", "August", "September", "October",
					      "November", "December" };
	struct civil c = { 0 };
	const char *q;
	int m;

	if (word_index(&p, days, 7) >= 0) {
		p = skip_space(p);
		if (*p == ',')
			p = skip_space(p + 1);
	}
	if (!is_digit(*p))
		return CHORUS_EPARSE;
	if (is_digit(p[1]) ? digits(&p, 2, &c.day) : digits(&p, 1, &c.day))
		return CHORUS_EPARSE;
	q = skip_space(p);
	if (q == p)
		return CHORUS_EPARSE;
	p = q;
	m = word_index(&p, months, 12);
	if (m < 0)
		return CHORUS_EPARSE;
	c.month = m + 1;
	q = skip_space(p);
	if (q == p)
		return CHORUS_EPARSE;
	p = q;
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3])) {
		digits(&p, 4, &c.year);
	} else if (is_digit(p[0]) && is_digit(p[1])) {
		digits(&p, 2, &c.year); /* RFC 2822 4.3: 00-49 are 2000-2049, 50-99 1950-1999 */
		c.year += c.year < 50 ? 2000 : 1900;
	} else {
		return CHORUS_EPARSE;
	}
	if (is_digit(*p))
		return CHORUS_EPARSE; /* five digits or more */
	q = skip_space(p);
	if (*q == ',' && is_digit(*skip_space(q + 1))) /* "10 March 2026, 09:15", as pages write it */
		q = skip_space(q + 1);
	if (is_digit(*q)) {
		if (q == p)
			return CHORUS_EPARSE;
		p = q;
		if (digits(&p, 2, &c.hour) < 0 || *p++ != ':' || digits(&p, 2, &c.min) < 0)
			return CHORUS_EPARSE;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &c.sec) < 0)
				return CHORUS_EPARSE;
		}
		q = skip_space(p);
		if (*q && *q != '(') {
			if (q == p || rfc_zone(&q, &c) < 0)
				return CHORUS_EPARSE;
		}
	}
	p = skip_space(q);
	if (*p == '(') { /* a comment, "(UTC)" */
		const char *e = strchr(p, ')');
		if (!e)
			return CHORUS_EPARSE;
		p = skip_space(e + 1);
	}
	if (*p)
		return CHORUS_EPARSE;
	return finish(&c, out);
}

int chorus_parse_date(const char *s, chorus_time *out)
{
	const char *p;
	chorus_time t;
	int rc;

	if (!s)
		return CHORUS_EPARSE;
	p = skip_space(s);
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && p[4] == '-')
		rc = parse_iso(p, &t);
	else
		rc = parse_rfc2822(p, &t);
	if (rc == 0)
		*out = t;
	return rc;
}
