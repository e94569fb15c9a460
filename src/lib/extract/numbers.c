/*
 * extract/numbers.c: numeric claims: a value (digits with Western "190,000" or Indian
 * "1,90,000" grouping, decimals, "$5bn", "10%", words such as "two", "a third",
 * "dozens"), a multiplier ("million", "lakh", "crore"), a qualifier before it ("nearly",
 * "more than"), a unit after it ("%", "km", "years", "dollars") and what it counts: the
 * noun after it, with a following "have died" kind of verb ("14,000 people have died").
 * Numbers that are parts of dates or years are left to timex.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"

static const char *const irregular[] = { "people", "men", "women", "children", "police",
					 "personnel", "staff", "dead", "injured", "wounded",
					 "missing", "killed", NULL };

static const struct {
	const char *w;
	double v;
} number_words[] = {
	{ "one", 1 },	      { "two", 2 },	   { "three", 3 },	{ "four", 4 },
	{ "five", 5 },	      { "six", 6 },	   { "seven", 7 },	{ "eight", 8 },
	{ "nine", 9 },	      { "ten", 10 },	   { "eleven", 11 },	{ "twelve", 12 },
	{ "thirteen", 13 },   { "fourteen", 14 },  { "fifteen", 15 },	{ "sixteen", 16 },
	{ "seventeen", 17 },  { "eighteen", 18 },  { "nineteen", 19 },	{ "twenty", 20 },
	{ "thirty", 30 },     { "forty", 40 },	   { "fifty", 50 },	{ "sixty", 60 },
	{ "seventy", 70 },    { "eighty", 80 },	   { "ninety", 90 },	{ "hundred", 100 },
	{ "dozen", 12 },      { "dozens", 24 },	   { "hundreds", 200 }, { "thousands", 2000 },
	{ "half", 0.5 },      { "third", 1.0 / 3 }, { "quarter", 0.25 }, { "two-thirds", 2.0 / 3 },
	{ "three-quarters", 0.75 }, { NULL, 0 }
};

static const struct {
	const char *w;
	double m;
} multipliers[] = { { "hundred", 100 },	 { "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 },
		    { "trillion", 1e12 }, { "lakh", 1e5 },     { "lakhs", 1e5 },    { "crore", 1e7 },
		    { "crores", 1e7 },	  { "mn", 1e6 },       { "bn", 1e9 },	    { NULL, 0 } };

static const struct {
	const char *w, *unit;
} units[] = { { "%", "%" },	      { "percent", "%" },     { "km", "km" },	     { "kilometers", "km" },
	      { "kilometres", "km" }, { "miles", "mile" },    { "mile", "mile" },    { "years", "year" },
	      { "year", "year" },     { "months", "month" },  { "month", "month" },  { "weeks", "week" },
	      { "week", "week" },     { "days", "day" },      { "day", "day" },      { "hours", "hour" },
	      { "dollars", "USD" },   { "euros", "EUR" },     { "rubles", "RUB" },   { "roubles", "RUB" },
	      { "pounds", "GBP" },    { "rupees", "INR" },    { "tonnes", "t" },     { "tons", "t" },
	      { NULL, NULL } };

static const char *const qualifiers[][2] = {
	{ "more", "than" },   { "less", "than" },     { "fewer", "than" },   { "at", "least" },
	{ "up", "to" },	      { "as", "many" },       { "close", "to" },     { "nearly", NULL },
	{ "almost", NULL },   { "about", NULL },      { "around", NULL },    { "approximately", NULL },
	{ "roughly", NULL },  { "some", NULL },	      { "over", NULL },	     { "under", NULL },
	{ "only", NULL },     { "just", NULL },	      { "estimated", NULL }, { "least", NULL },
	{ NULL, NULL }
};

/* Every word that can start a number in words (for a quick test per token). */
static const char *const number_starts[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
	"dozen", "dozens", "hundreds", "thousands", "half", "third", "quarter", "two-thirds",
	"three-quarters", NULL
};

static const char *const months[] = { "january", "february", "march", "april", "may", "june",
				      "july", "august", "september", "october", "november",
				      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
				      "sep", "sept", "oct", "nov", "dec", NULL };

static const char *const year_preps[] = { "in", "since", "of", "by", "until", "from", "to",
					  "early", "late", "mid", "before", "after", "year", NULL };

static const char *const preps[] = { "along", "across", "near", "inside", "outside", "around",
				     "within", "without", "toward", "towards", "per", "since",
				     "during", "amid", "among", "across", "beyond", "ago", "early", "late",
				     "each", "daily", "alone", "a", "last", "this", "next", "so", "yet",
				     "built", "made", "held", "left", "found", "taken", "given", "seen",
				     "known", "brought", "sent", "kept", "lost", "paid", NULL };

/* What befell the counted, right after them: "five soldiers killed", "30 people injured". */
static const char *const fates[] = { "killed", "dead", "died", "wounded", "injured", "hurt",
				     "missing", NULL };
static const char *const aux[] = { "have", "has", "had", "were", "was", "are", "is", "been", NULL };

/* Parses a number token: "1,90,000", "3.5", "10%", "$5bn". */
static int parse_digits(const char *s, size_t n, double *v, const char **unit, double *mult)
{
	char buf[64];
	size_t i, o = 0;
	char *end;

	*unit = NULL;
	*mult = 1;
	if (n && s[0] == '$') {
		*unit = "USD";
		s++, n--;
	} else if (n >= 3 && !memcmp(s, "\xe2\x82\xac", 3)) {
		*unit = "EUR";
		s += 3, n -= 3;
	} else if (n >= 2 && !memcmp(s, "\xc2\xa3", 2)) {
		*unit = "GBP";
		s += 2, n -= 2;
	}
	for (i = 0; i < n && o + 1 < sizeof(buf); i++) {
		if (s[i] == ',')
			continue;
		if (!isdigit((unsigned char)s[i]) && s[i] != '.')
			break;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	if (!o || !isdigit((unsigned char)buf[0]))
		return 0;
	*v = strtod(buf, &end);
	if (i < n) {
		const char *rest = s + i;
		size_t rn = n - i, k;
		if (rn == 1 && rest[0] == '%')
			*unit = "%";
		else {
			for (k = 0; multipliers[k].w; k++)
				if (chorus__word_eq(rest, rn, multipliers[k].w))
					*mult = multipliers[k].m;
			if (rn == 1 && (rest[0] == 'k' || rest[0] == 'K'))
				*mult = 1e3;
			if (rn == 1 && (rest[0] == 'm' || rest[0] == 'M'))
				*mult = 1e6;
			if (*mult == 1)
				return 0; /* "19th", "F-16": not a quantity */
		}
	}
	return 1;
}

static int word_value(const struct xwork *w, size_t i, double *v)
{
	size_t k;

	for (k = 0; number_words[k].w; k++)
		if (chorus__tok_is(w, i, number_words[k].w)) {
			*v = number_words[k].v;
			return 1;
		}
	return 0;
}

static int is_year_like(const struct xwork *w, size_t i, double v)
{
	size_t n = tok_n(w, i);

	if (n != 4 || v < 1800 || v > 2100 || memchr(tok_s(w, i), ',', n))
		return 0;
	return 1;
}

/* "headed", "recognizing": a verb after the counted noun, not part of it. */
static int verb_like(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	return (n > 4 && !memcmp(s + n - 3, "ing", 3)) || (n > 3 && !memcmp(s + n - 2, "ed", 2));
}

/* A plural noun, roughly: "troops", "people", "children" (not "is", "was", "its"). */
static int plural(const struct xwork *w, size_t i)
{
	const char *s;
	size_t n;

	if (i >= w->doc->n_tokens || !(tok_f(w, i) & CHORUS_TOK_WORD) || (tok_f(w, i) & CHORUS_TOK_STOP))
		return 0;
	s = tok_s(w, i);
	n = tok_n(w, i);
	if (chorus__tok_in(w, i, irregular))
		return 1;
	return n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != '\'';
}

/* Durations are not counts of anything. */
static int time_unit(const char *unit)
{
	return unit && (!strcmp(unit, "year") || !strcmp(unit, "month") || !strcmp(unit, "week") ||
			!strcmp(unit, "day") || !strcmp(unit, "hour") || !strcmp(unit, "%"));
}

static void add_number(struct xwork *w, size_t si, size_t i)
{
	const struct chorus_sentence *st = &w->doc->sents[si];
	double v = 0, mult = 1;
	const char *unit = NULL, *qual = NULL;
	size_t b = i, e = i + 1, k, j;
	int isword = 0;
	struct chorus_number *num;

	if (tok_f(w, i) & CHORUS_TOK_NUMBER) {
		if (!parse_digits(tok_s(w, i), tok_n(w, i), &v, &unit, &mult))
			return;
		/* "COVID-19", "F-16": part of a name */
		if (w->doc->tokens[i].start > 1 && w->doc->text[w->doc->tokens[i].start - 1] == '-' &&
		    isalpha((unsigned char)w->doc->text[w->doc->tokens[i].start - 2]))
			return;
		/* a date or a year is timex.c's */
		if (i > st->tok_begin && chorus__tok_in(w, i - 1, months))
			return;
		if (i + 1 < st->tok_end && chorus__tok_in(w, i + 1, months))
			return;
		/* a year: "in 2014", "2014.", "a 2019 inspection" (not "2000 troops") */
		if (is_year_like(w, i, v) && !unit &&
		    ((i > st->tok_begin && chorus__tok_in(w, i - 1, year_preps)) ||
		     (i + 1 >= st->tok_end || (tok_f(w, i + 1) & CHORUS_TOK_PUNCT)) || !plural(w, i + 1)))
			return;
	} else {
		if (!chorus__tok_in(w, i, number_starts) || !word_value(w, i, &v))
			return;
		isword = 1;
		/* "a third", "two-thirds"; "one" alone is too often not a count */
		if (v < 1 && !(i > st->tok_begin && (chorus__tok_is(w, i - 1, "a") || chorus__tok_is(w, i - 1, "one"))) &&
		    !memchr(tok_s(w, i), '-', tok_n(w, i)))
			return;
		if (v < 1 && i > st->tok_begin && (chorus__tok_is(w, i - 1, "a") || chorus__tok_is(w, i - 1, "one")))
			b = i - 1;
	}
	/* multiplier words: "5 million", "two hundred" */
	while (e < st->tok_end) {
		double m = 0;
		for (k = 0; multipliers[k].w; k++)
			if (chorus__tok_is(w, e, multipliers[k].w))
				m = multipliers[k].m;
		if (!m)
			break;
		mult *= m;
		e++;
	}
	v *= mult;
	if (isword && v >= 1 && e == i + 1) {
		/* a bare number word counts only before a noun or unit: "two regions" */
		if (e >= st->tok_end || !(tok_f(w, e) & CHORUS_TOK_WORD) || (tok_f(w, e) & CHORUS_TOK_STOP))
			return;
		if (v == 1)
			return;
	}
	/* unit */
	if (!unit && e < st->tok_end) {
		for (k = 0; units[k].w; k++)
			if (chorus__tok_is(w, e, units[k].w)) {
				unit = units[k].unit;
				e++;
				break;
			}
		if (unit && !strcmp(unit, "%") == 0 && chorus__tok_is(w, e - 1, "per") == 0) {
			/* nothing */
		}
	}
	/* qualifier */
	for (k = 0; qualifiers[k][0]; k++) {
		if (qualifiers[k][1]) {
			if (b >= st->tok_begin + 2 && chorus__tok_is(w, b - 2, qualifiers[k][0]) &&
			    chorus__tok_is(w, b - 1, qualifiers[k][1])) {
				qual = chorus__arena_strndup(w->arena, tok_s(w, b - 2),
							     w->doc->tokens[b - 1].end - w->doc->tokens[b - 2].start);
				b -= 2;
				break;
			}
		} else if (b > st->tok_begin && chorus__tok_is(w, b - 1, qualifiers[k][0])) {
			if (!strcmp(qualifiers[k][0], "least") && b >= st->tok_begin + 2 && chorus__tok_is(w, b - 2, "at"))
				continue;
			qual = chorus__arena_strndup(w->arena, tok_s(w, b - 1), tok_n(w, b - 1));
			b -= 1;
			break;
		}
	}
	num = chorus__add_number(w);
	num->value = v;
	num->unit = unit;
	num->qualifier = qual;
	num->sent = (uint32_t)si;
	/* what it counts: up to three content words, then "have died" */
	j = e;
	if (v < 1 && chorus__tok_is(w, j, "of"))
		j++;
	{
		size_t cb = j, ce = j;
		/* adjectives and nouns up to the first plural noun: "military convoys",
		 * "vacant driver posts", "people" (not "people use", "bridges built") */
		while (ce < st->tok_end && ce < cb + 3 && (tok_f(w, ce) & CHORUS_TOK_WORD) &&
		       !(tok_f(w, ce) & CHORUS_TOK_STOP) && !chorus__tok_in(w, ce, months) &&
		       !chorus__tok_in(w, ce, preps) &&
		       !(ce > cb && ((tok_f(w, ce) & CHORUS_TOK_CAP) || verb_like(w, ce)))) {
			ce++;
			if (plural(w, ce - 1))
				break;
		}
		if (ce > cb && ce + 1 < st->tok_end && chorus__tok_in(w, ce, aux) &&
		    (tok_f(w, ce + 1) & CHORUS_TOK_WORD)) {
			size_t vn = tok_n(w, ce + 1);
			const char *vs = tok_s(w, ce + 1);
			if ((vn > 2 && !memcmp(vs + vn - 2, "ed", 2)) || chorus__tok_is(w, ce + 1, "fled") ||
			    chorus__tok_is(w, ce + 1, "been") || chorus__tok_in(w, ce + 1, fates))
				ce += 2;
		} else if (ce > cb && ce < st->tok_end && !chorus__tok_in(w, ce - 1, fates) &&
			   chorus__tok_in(w, ce, fates)) {
			ce++;
		}
		if (ce > cb && !time_unit(unit)) {
			num->counts = chorus__arena_strndup(w->arena, w->doc->text + w->doc->tokens[cb].start,
							    w->doc->tokens[ce - 1].end - w->doc->tokens[cb].start);
			if (!unit || strcmp(unit, "%"))
				e = ce;
		}
	}
	num->start = w->doc->tokens[b].start;
	num->end = w->doc->tokens[e - 1].end;
}

void chorus__extract_numbers(struct xwork *w)
{
	size_t si, i;

	for (si = 0; si < w->doc->n_sents; si++) {
		const struct chorus_sentence *st = &w->doc->sents[si];
		for (i = st->tok_begin; i < st->tok_end; i++) {
			size_t before = w->x->n_numbers;
			if (!(tok_f(w, i) & (CHORUS_TOK_NUMBER | CHORUS_TOK_WORD)))
				continue;
			add_number(w, si, i);
			if (w->x->n_numbers > before) {
				/* skip the tokens the number took */
				uint32_t end = w->x->numbers[w->x->n_numbers - 1].end;
				while (i + 1 < st->tok_end && w->doc->tokens[i + 1].start < end)
					i++;
			}
		}
	}
}

/* Registers the word lists of this module for chorus__tok_in(). */
void chorus__numbers_words(void)
{
	chorus__words_register(months);
	chorus__words_register(year_preps);
	chorus__words_register(preps);
	chorus__words_register(aux);
	chorus__words_register(number_starts);
	chorus__words_register(irregular);
}
