/*
 * extract/timex.c: time expressions resolved to calendar dates, TIMEX3-style values
 * (TimeML; rules in the style of HeidelTime: a pattern, then a normalisation).
 *
 * Absolute: "February 21", "Feb. 21, 2022", "21 February 2022", "February 2014",
 * "in 2014". Relative to the publication date (the anchor): "today", "tonight",
 * "yesterday", "tomorrow (Wednesday)", "on Monday" (the last such day on or before the
 * anchor, or the next one after it when the sentence speaks of the future), "last
 * week", "next month", "eight years ago", "in August". Durations: "eight years" (P8Y).
 *
 * When the publication date is unknown it is inferred from the text: the latest
 * explicit date is the earliest it can be, a "tomorrow (Wednesday)" names its weekday,
 * and weekdays named as past days move it forward to the last of them (news speaks of
 * the past week). A yearless date gets its year from a weekday written with it
 * ("Monday, February 21"): the first year after every year the text mentions in which
 * that day is that weekday. Dates resting on an inference carry CHORUS_TIMEX_INFERRED.
 */
#include <ctype.h>
#include <stdio.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"

enum rel {
	REL_NONE = 0,
	REL_DAY,       /* amount: days from the anchor */
	REL_WEEKDAY,   /* weekday; amount: 0 last on/before, 1 next after, -1 "last", 2 future */
	REL_WEEK,      /* amount: weeks from the anchor's week */
	REL_MONTH,     /* amount: months from the anchor's month */
	REL_YEAR,      /* amount: years from the anchor's year */
	REL_MONTHNAME, /* month given without a year: the last one on or before the anchor */
	REL_TOMORROW_W /* "tomorrow (Wednesday)": day +1 that is weekday */
};

static const char *const month_names[][2] = {
	{ "january", "jan" }, { "february", "feb" }, { "march", "mar" },     { "april", "apr" },
	{ "may", "may" },     { "june", "jun" },     { "july", "jul" },	     { "august", "aug" },
	{ "september", "sep" }, { "october", "oct" }, { "november", "nov" }, { "december", "dec" }
};

static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday",
					"friday", "saturday", "sunday" };

/* Words that can start a time expression (numbers are tested apart). */
static const char *const triggers[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "today", "tonight", "yesterday", "tomorrow", "last", "next", "this",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "a", "an", NULL
};

static const char *const future_words[] = { "will", "would", "next", "tomorrow", "plans", "due", "until", "should", "shall",
					    "planned", "scheduled", "expected", "set", "to", NULL };

int64_t chorus__days_from_civil(int64_t y, int m, int d)
{
	/* Howard Hinnant's days_from_civil */
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void chorus__civil_from_days(int64_t z, int32_t *y, int8_t *m, int8_t *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int8_t)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int8_t)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int32_t)(yy + (*m <= 2));
}

int chorus__weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4) */
	int64_t r = (days + 3) % 7;
	if (r < 0)
		r += 7;
	return (int)r + 1;
}

static int month_of(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i), k;

	if (!(tok_f(w, i) & CHORUS_TOK_CAP))
		return 0;
	if (n > 1 && s[n - 1] == '.')
		n--;
	for (k = 0; k < 12; k++)
		if (chorus__word_eq(s, n, month_names[k][0]) ||
		    (n >= 3 && chorus__word_eq(s, n, month_names[k][1]) && k != 4) ||
		    (k == 8 && chorus__word_eq(s, n, "sept")))
			return (int)k + 1;
	return 0;
}

static int weekday_of(const struct xwork *w, size_t i)
{
	size_t k;

	if (!(tok_f(w, i) & CHORUS_TOK_CAP))
		return 0;
	for (k = 0; k < 7; k++)
		if (chorus__tok_is(w, i, weekdays[k]))
			return (int)k + 1;
	return 0;
}

/* A plain integer token ("21", "2022"), or -1. */
static long int_of(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i), k;
	long v = 0;

	if (i >= w->doc->n_tokens || !(tok_f(w, i) & CHORUS_TOK_NUMBER) || n > 6)
		return -1;
	for (k = 0; k < n; k++) {
		if (!isdigit((unsigned char)s[k])) {
			/* "21st" */
			if (k && n - k == 2 && isalpha((unsigned char)s[k]))
				break;
			return -1;
		}
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

static long number_word(const struct xwork *w, size_t i)
{
	static const char *const words[] = { "one", "two", "three", "four", "five", "six", "seven",
					     "eight", "nine", "ten", "eleven", "twelve", NULL };
	size_t k;
	long v = int_of(w, i);

	if (v >= 0)
		return v;
	for (k = 0; words[k]; k++)
		if (chorus__tok_is(w, i, words[k]))
			return (long)k + 1;
	if (chorus__tok_is(w, i, "a") || chorus__tok_is(w, i, "an"))
		return 1;
	return -1;
}

static struct chorus_timex *add(struct xwork *w, size_t si, size_t b, size_t e)
{
	struct chorus_timex *t = chorus__add_timex(w);

	t->start = w->doc->tokens[b].start;
	t->end = w->doc->tokens[e - 1].end;
	t->sent = (uint32_t)si;
	return t;
}

static int future_sentence(const struct xwork *w, size_t si, size_t upto)
{
	size_t i;

	for (i = w->doc->sents[si].tok_begin; i < upto; i++)
		if (chorus__tok_in(w, i, future_words) && !chorus__tok_is(w, i, "to") &&
		    !chorus__tok_is(w, i, "set"))
			return 1;
		else if (chorus__tok_is(w, i, "set") && chorus__tok_is(w, i + 1, "to"))
			return 1;
	return 0;
}

static void scan(struct xwork *w, size_t si)
{
	const struct chorus_sentence *st = &w->doc->sents[si];
	size_t i = st->tok_begin, end = st->tok_end;

	while (i < end) {
		int m, wd;
		long v;
		struct chorus_timex *t;

		if (!(tok_f(w, i) & CHORUS_TOK_NUMBER) && !chorus__tok_in(w, i, triggers)) {
			i++;
			continue;
		}
		m = month_of(w, i);

		if (m && !(m == 5 && !(i + 1 < end && int_of(w, i + 1) > 0))) {
			size_t e = i + 1;
			long day = -1, year = -1;
			if (e < end && (v = int_of(w, e)) >= 1 && v <= 31) {
				day = v;
				e++;
				if (e + 1 < end && chorus__tok_punct(w, e, ",") && (v = int_of(w, e + 1)) >= 1000 &&
				    v <= 2200) {
					year = v;
					e += 2;
				} else if (e < end && (v = int_of(w, e)) >= 1000 && v <= 2200) {
					year = v;
					e++;
				}
			} else if (e < end && (v = int_of(w, e)) >= 1000 && v <= 2200) {
				year = v;
				e++;
			}
			/* "21 February 2022" */
			if (day < 0 && i > st->tok_begin && (v = int_of(w, i - 1)) >= 1 && v <= 31) {
				day = v;
				t = add(w, si, i - 1, e);
			} else {
				if (day < 0 && year < 0 &&
				    !(i > st->tok_begin &&
				      (chorus__tok_is(w, i - 1, "in") || chorus__tok_is(w, i - 1, "since") ||
				       chorus__tok_is(w, i - 1, "last") || chorus__tok_is(w, i - 1, "early") ||
				       chorus__tok_is(w, i - 1, "late") || chorus__tok_is(w, i - 1, "until") ||
				       chorus__tok_is(w, i - 1, "by") || chorus__tok_is(w, i - 1, "mid")))) {
					i++;
					continue;
				}
				t = add(w, si, i, e);
			}
			t->month = (int8_t)m;
			t->day = (int8_t)(day > 0 ? day : 0);
			t->year = (int32_t)(year > 0 ? year : 0);
			if (!t->year && !t->day)
				t->rel = REL_MONTHNAME;
			/* "Monday, February 21" / "February 21 (Monday)" */
			if (t->day && w->doc->tokens[0].start <= t->start) {
				size_t p = i > st->tok_begin + 1 && day >= 0 && int_of(w, i - 1) < 0 ? i : i;
				if (p >= st->tok_begin + 2 && chorus__tok_punct(w, p - 1, ",") && weekday_of(w, p - 2))
					t->weekday = (int8_t)weekday_of(w, p - 2);
				else if (e + 2 < end && chorus__tok_punct(w, e, "(") && weekday_of(w, e + 1))
					t->weekday = (int8_t)weekday_of(w, e + 1);
			}
			i = e;
			continue;
		}
		if ((wd = weekday_of(w, i))) {
			size_t b = i, e = i + 1;
			int amount = 0;
			if (i > st->tok_begin && chorus__tok_is(w, i - 1, "last"))
				amount = -1, b--;
			else if (i > st->tok_begin && chorus__tok_is(w, i - 1, "next"))
				amount = 1, b--;
			else if (i > st->tok_begin && chorus__tok_is(w, i - 1, "this"))
				b--;
			else if (i > st->tok_begin && (chorus__tok_is(w, i - 1, "on") || chorus__tok_is(w, i - 1, "early") ||
							 chorus__tok_is(w, i - 1, "late")))
				b--;
			if (e < end && (chorus__tok_is(w, e, "morning") || chorus__tok_is(w, e, "evening") ||
					chorus__tok_is(w, e, "night") || chorus__tok_is(w, e, "afternoon")))
				e++;
			/* a weekday just after a date belongs to it: done above */
			if (i >= st->tok_begin + 2 && chorus__tok_punct(w, i - 1, "(") && chorus__tok_is(w, i - 2, "tomorrow")) {
				i++;
				continue;
			}
			if (amount == 0 && future_sentence(w, si, i))
				amount = 2;
			if (e + 1 < end && chorus__tok_punct(w, e, ",") && month_of(w, e + 1)) {
				i = e; /* "Monday, February 21": the date carries the weekday */
				continue;
			}
			t = add(w, si, b, e);
			t->rel = REL_WEEKDAY;
			t->weekday = (int8_t)wd;
			t->amount = amount;
			i = e;
			continue;
		}
		if (chorus__tok_is(w, i, "today") || chorus__tok_is(w, i, "tonight") ||
		    chorus__tok_is(w, i, "yesterday") || chorus__tok_is(w, i, "tomorrow")) {
			size_t e = i + 1;
			t = add(w, si, i, e);
			t->rel = REL_DAY;
			t->amount = chorus__tok_is(w, i, "yesterday") ? -1 : chorus__tok_is(w, i, "tomorrow") ? 1 : 0;
			if (t->amount == 1 && e + 2 < end && chorus__tok_punct(w, e, "(") && weekday_of(w, e + 1) &&
			    chorus__tok_punct(w, e + 2, ")")) {
				t->rel = REL_TOMORROW_W;
				t->weekday = (int8_t)weekday_of(w, e + 1);
				e += 3;
				t->end = w->doc->tokens[e - 1].end;
			}
			i = e;
			continue;
		}
		if ((chorus__tok_is(w, i, "last") || chorus__tok_is(w, i, "next") || chorus__tok_is(w, i, "this")) &&
		    i + 1 < end &&
		    (chorus__tok_is(w, i + 1, "week") || chorus__tok_is(w, i + 1, "month") ||
		     chorus__tok_is(w, i + 1, "year"))) {
			t = add(w, si, i, i + 2);
			t->rel = chorus__tok_is(w, i + 1, "week") ? REL_WEEK :
				 chorus__tok_is(w, i + 1, "month") ? REL_MONTH : REL_YEAR;
			t->amount = chorus__tok_is(w, i, "last") ? -1 : chorus__tok_is(w, i, "next") ? 1 : 0;
			i += 2;
			continue;
		}
		/* "in 2014", "since 2014" */
		if ((v = int_of(w, i)) >= 1900 && v <= 2100 && tok_n(w, i) == 4 && i > st->tok_begin &&
		    (chorus__tok_is(w, i - 1, "in") || chorus__tok_is(w, i - 1, "since") ||
		     chorus__tok_is(w, i - 1, "until") || chorus__tok_is(w, i - 1, "by") ||
		     chorus__tok_is(w, i - 1, "from") || chorus__tok_is(w, i - 1, "of") ||
		     chorus__tok_is(w, i - 1, "before") || chorus__tok_is(w, i - 1, "after"))) {
			t = add(w, si, i, i + 1);
			t->year = (int32_t)v;
			i++;
			continue;
		}
		/* durations and "... ago" */
		if ((v = number_word(w, i)) > 0 && v < 1000 && i + 1 < end &&
		    (chorus__tok_is(w, i + 1, "years") || chorus__tok_is(w, i + 1, "year") ||
		     chorus__tok_is(w, i + 1, "months") || chorus__tok_is(w, i + 1, "weeks") ||
		     chorus__tok_is(w, i + 1, "days"))) {
			char u = (char)toupper((unsigned char)tok_s(w, i + 1)[0]);
			if (i + 2 < end && chorus__tok_is(w, i + 2, "ago") && u == 'Y') {
				t = add(w, si, i, i + 3);
				t->rel = REL_YEAR;
				t->amount = (int32_t)-v;
				i += 3;
				continue;
			}
			if (chorus__tok_is(w, i, "a") || chorus__tok_is(w, i, "an")) {
				i++;
				continue;
			}
			t = add(w, si, i, i + 2);
			t->flags |= CHORUS_TIMEX_DURATION;
			t->amount = (int32_t)v;
			snprintf(t->value, sizeof(t->value), "P%ld%c", v, u == 'M' ? 'M' : u);
			i += 2;
			continue;
		}
		i++;
	}
}

/* The first year after `after` in which month/day falls on weekday wd; 0 if none soon. */
static int32_t year_for_weekday(int32_t after, int m, int d, int wd)
{
	int32_t y;

	for (y = after + 1; y < after + 40; y++)
		if (chorus__weekday(chorus__days_from_civil(y, m, d)) == wd)
			return y;
	return 0;
}

static void set_day_value(struct chorus_timex *t, int64_t day)
{
	int32_t y;
	int8_t m, d;

	chorus__civil_from_days(day, &y, &m, &d);
	t->year = y;
	t->month = m;
	t->day = d;
	snprintf(t->value, sizeof(t->value), "%04d-%02d-%02d", (int)y, (int)m, (int)d);
}

void chorus__timex_resolve(struct chorus_extraction *x, int64_t anchor, int32_t year, int inferred)
{
	size_t i;
	int have = anchor != INT64_MIN;
	int32_t ay = 0;
	int8_t am = 0, ad = 0;

	if (have)
		chorus__civil_from_days(anchor, &ay, &am, &ad);
	for (i = 0; i < x->n_timexes; i++) {
		struct chorus_timex *t = &x->timexes[i];
		int64_t day;
		int inf = 0;

		if (t->flags & CHORUS_TIMEX_DURATION)
			continue;
		t->flags &= ~(uint32_t)(CHORUS_TIMEX_UNRESOLVED | CHORUS_TIMEX_INFERRED);
		switch (t->rel) {
		case REL_NONE:
			if (t->flags & CHORUS_TIMEX_RELATIVE)
				t->year = 0; /* a year filled in before: fill again */
			if (!t->year && t->month) {
				if (year) {
					t->year = year;
					inf = inferred;
				} else if (have) {
					t->year = ay;
					/* "December 28" read in early January is last year's */
					if (chorus__days_from_civil(ay, t->month, t->day ? t->day : 1) > anchor + 31)
						t->year--;
					inf = inferred;
				}
				t->flags |= CHORUS_TIMEX_RELATIVE;
			}
			if (!t->year)
				snprintf(t->value, sizeof(t->value), t->day ? "XXXX-%02d-%02d" : "XXXX-%02d",
					 (int)t->month, (int)t->day);
			else if (t->day)
				snprintf(t->value, sizeof(t->value), "%04d-%02d-%02d", (int)t->year, (int)t->month,
					 (int)t->day);
			else if (t->month)
				snprintf(t->value, sizeof(t->value), "%04d-%02d", (int)t->year, (int)t->month);
			else
				snprintf(t->value, sizeof(t->value), "%04d", (int)t->year);
			if (!t->year)
				t->flags |= CHORUS_TIMEX_UNRESOLVED;
			break;
		case REL_MONTHNAME:
			t->flags |= CHORUS_TIMEX_RELATIVE;
			if (!have) {
				snprintf(t->value, sizeof(t->value), "XXXX-%02d", (int)t->month);
				t->flags |= CHORUS_TIMEX_UNRESOLVED;
				break;
			}
			t->year = t->month <= am ? ay : ay - 1;
			snprintf(t->value, sizeof(t->value), "%04d-%02d", (int)t->year, (int)t->month);
			inf = inferred;
			break;
		default:
			t->flags |= CHORUS_TIMEX_RELATIVE;
			if (!have) {
				snprintf(t->value, sizeof(t->value), "XXXX-XX-XX");
				t->flags |= CHORUS_TIMEX_UNRESOLVED;
				break;
			}
			inf = inferred;
			switch (t->rel) {
			case REL_DAY:
				set_day_value(t, anchor + t->amount);
				break;
			case REL_TOMORROW_W:
				set_day_value(t, anchor + 1);
				break;
			case REL_WEEKDAY: {
				int aw = chorus__weekday(anchor);
				int back = (aw - t->weekday + 7) % 7;
				int fwd = (t->weekday - aw + 7) % 7;
				if (t->amount == 0)
					day = anchor - back;
				else if (t->amount == -1)
					day = anchor - (back ? back : 7);
				else if (t->amount == 1)
					day = anchor + (fwd ? fwd : 7);
				else
					day = anchor + fwd;
				set_day_value(t, day);
				break;
			}
			case REL_WEEK: {
				int64_t monday = anchor - (chorus__weekday(anchor) - 1) + 7 * t->amount;
				int32_t y;
				int8_t m, d;
				/* ISO week number of that Monday's week */
				int64_t thursday = monday + 3;
				chorus__civil_from_days(thursday, &y, &m, &d);
				snprintf(t->value, sizeof(t->value), "%04d-W%02d", (int)y,
					 (int)((thursday - chorus__days_from_civil(y, 1, 1)) / 7 + 1));
				t->year = y;
				break;
			}
			case REL_MONTH: {
				int mm = am - 1 + t->amount;
				int32_t yy = ay + (mm < 0 ? -1 : mm >= 12 ? 1 : 0);
				mm = (mm + 12) % 12 + 1;
				t->year = yy;
				t->month = (int8_t)mm;
				snprintf(t->value, sizeof(t->value), "%04d-%02d", (int)yy, mm);
				break;
			}
			case REL_YEAR:
				t->year = ay + t->amount;
				snprintf(t->value, sizeof(t->value), "%04d", (int)t->year);
				break;
			default:
				break;
			}
		}
		if (inf)
			t->flags |= CHORUS_TIMEX_INFERRED;
	}
}

/* The largest year the text mentions (explicit years only), or 0. */
static int32_t max_year(const struct chorus_extraction *x)
{
	size_t i;
	int32_t y = 0;

	for (i = 0; i < x->n_timexes; i++)
		if (x->timexes[i].rel == REL_NONE && !(x->timexes[i].flags & (CHORUS_TIMEX_DURATION | CHORUS_TIMEX_RELATIVE)) &&
		    x->timexes[i].year > y)
			y = x->timexes[i].year;
	return y;
}

int32_t chorus__timex_year_from_weekdays(const struct chorus_extraction *x, int32_t after);
int32_t chorus__timex_year_from_weekdays(const struct chorus_extraction *x, int32_t after)
{
	size_t i;

	for (i = 0; i < x->n_timexes; i++) {
		const struct chorus_timex *t = &x->timexes[i];
		if (t->rel == REL_NONE && t->weekday && t->day && t->month &&
		    (!t->year || (t->flags & CHORUS_TIMEX_RELATIVE)))
			return year_for_weekday(after, t->month, t->day, t->weekday);
	}
	return 0;
}

int64_t chorus__timex_latest_day(const struct chorus_extraction *x, int32_t year);
/* The latest day the text dates explicitly (yearless dates take year; 0: skip them),
 * or INT64_MIN. */
int64_t chorus__timex_latest_day(const struct chorus_extraction *x, int32_t year)
{
	int64_t latest = INT64_MIN;
	size_t i;

	for (i = 0; i < x->n_timexes; i++) {
		const struct chorus_timex *t = &x->timexes[i];
		int32_t y = t->year;
		int64_t d;
		if (t->rel != REL_NONE || !t->day || !t->month)
			continue;
		if (!y || (t->flags & CHORUS_TIMEX_RELATIVE))
			y = year;
		if (!y)
			continue;
		d = chorus__days_from_civil(y, t->month, t->day);
		if (latest == INT64_MIN || d > latest)
			latest = d;
	}
	return latest;
}

int64_t chorus__timex_infer_anchor(const struct chorus_extraction *x, int32_t year, int64_t floor_day);
/*
 * The publication day inferred from the text: the first day from the latest explicit
 * date (and from floor_day, the earliest day the story's articles can be from) such
 * that a "tomorrow (Wednesday)" names the next day, and every past weekday named ("on
 * Monday") falls on or after the day before that start. INT64_MIN if nothing dates it.
 */
int64_t chorus__timex_infer_anchor(const struct chorus_extraction *x, int32_t year, int64_t floor_day)
{
	int64_t start = chorus__timex_latest_day(x, year), d;
	size_t i;

	if (floor_day != INT64_MIN && (start == INT64_MIN || floor_day > start))
		start = floor_day;
	if (start == INT64_MIN)
		return INT64_MIN;
	for (d = start; d < start + 7; d++) {
		int ok = 1;
		for (i = 0; i < x->n_timexes && ok; i++) {
			const struct chorus_timex *t = &x->timexes[i];
			if (t->rel == REL_TOMORROW_W)
				ok = chorus__weekday(d + 1) == t->weekday;
			else if (t->rel == REL_WEEKDAY && t->amount == 0)
				ok = d - (chorus__weekday(d) - t->weekday + 7) % 7 >= start - 1;
		}
		if (ok)
			return d;
	}
	return start;
}

/* A month name at s (n bytes): 1..12, or 0. */
static int month_word(const char *s, size_t n)
{
	size_t k;

	if (n > 1 && s[n - 1] == '.')
		n--;
	for (k = 0; k < 12; k++)
		if (chorus__word_eq(s, n, month_names[k][0]) || (n == 3 && chorus__word_eq(s, n, month_names[k][1])))
			return (int)k + 1;
	return 0;
}

/*
 * The day of a date label in the raw text ("Published: 10 March 2026, 09:15",
 * "Updated Thursday, 4 June 2026"), which the text stage drops as boilerplate: a line
 * among the first 40 that starts with such a label and holds a day, a month name and a
 * year. INT64_MIN when there is none.
 */
int64_t chorus__timex_label_day(const char *text, size_t len);
int64_t chorus__timex_label_day(const char *text, size_t len)
{
	static const char *const labels[] = { "published", "updated", "posted", "first published",
					      "last updated", NULL };
	size_t pos = 0, line;

	for (line = 0; line < 40 && pos < len; line++) {
		const char *l = text + pos, *nl = memchr(l, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - l) : len - pos, k;
		pos += ll + 1;
		while (ll && (*l == ' ' || *l == '\t'))
			l++, ll--;
		for (k = 0; labels[k]; k++) {
			size_t kl = strlen(labels[k]);
			int day = 0, month = 0, year = 0;
			size_t i = kl;
			if (ll <= kl || !chorus__word_eq(l, kl, labels[k]) || isalpha((unsigned char)l[kl]))
				continue;
			while (i < ll) {
				size_t b;
				while (i < ll && !isalnum((unsigned char)l[i]))
					i++;
				b = i;
				while (i < ll && (isalnum((unsigned char)l[i]) || l[i] == '.'))
					i++;
				if (i == b)
					break;
				if (isdigit((unsigned char)l[b])) {
					long v = strtol(l + b, NULL, 10);
					if (i - b == 4 && v >= 1900 && v <= 2200 && !year)
						year = (int)v;
					else if (i - b <= 2 && v >= 1 && v <= 31 && !day && (i >= ll || l[i] != ':'))
						day = (int)v;
				} else if (!month) {
					month = month_word(l + b, i - b);
				}
			}
			if (day && month && year)
				return chorus__days_from_civil(year, month, day);
		}
	}
	return INT64_MIN;
}

void chorus__extract_timexes(struct xwork *w)
{
	const struct chorus_article *a = w->doc->article;
	struct chorus_extraction *x = w->x;
	size_t si;
	int32_t year = 0;

	for (si = 0; si < w->doc->n_sents; si++)
		scan(w, si);
	if (a && a->published != CHORUS_TIME_UNKNOWN) {
		int64_t day = a->published >= 0 ? a->published / 86400 : -((-a->published + 86399) / 86400);
		x->anchor = (chorus_time)day * 86400;
		x->anchor_inferred = 0;
		chorus__timex_resolve(x, day, 0, 0);
		return;
	}
	if (a && a->text) {
		int64_t day = chorus__timex_label_day(a->text, a->text_len);
		if (day != INT64_MIN) {
			x->anchor = (chorus_time)day * 86400;
			x->anchor_inferred = 0;
			chorus__timex_resolve(x, day, 0, 0);
			return;
		}
	}
	year = chorus__timex_year_from_weekdays(x, max_year(x));
	{
		int64_t day = chorus__timex_infer_anchor(x, year, INT64_MIN);
		if (day != INT64_MIN) {
			x->anchor = (chorus_time)day * 86400;
			x->anchor_inferred = 1;
		}
		chorus__timex_resolve(x, day, year, 1);
	}
}

/* Registers the word lists of this module for chorus__tok_in(). */
void chorus__timex_words(void)
{
	chorus__words_register(future_words);
	chorus__words_register(triggers);
}
