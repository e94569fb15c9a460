/*
 * text/dateline.c: the dateline that opens a wire story: "BRUSSELS, Belgium (AP) - ",
 * "KYIV (Reuters) - ", "MOSCOW, Feb 22 (Reuters) -", "WASHINGTON - ", "NEW DELHI: ".
 *
 * The shape: a place, then up to three ", part" (a region such as "Belgium" or
 * "Calif.", or a date such as "Feb 22", which is not part of the place), then an
 * optional "(Agency)", then a separator: " - " or ": ". A place in capitals
 * ("NEW DELHI", "ST. LOUIS") may stand alone; a place in title case ("Kyiv") needs
 * the agency, so that an ordinary sentence opening "Ukraine - ..." is never taken.
 * Labels in capitals that are not places ("BREAKING:", "UPDATE -") are refused.
 */
#include <string.h>

#include "text/text_int.h"
#include "util/alloc.h"

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static const char *const not_places[] = {
	"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
	"EDITORIAL", "FILE", "PHOTO", "PHOTOS", "VIDEO", "NOTE", "CORRECTION", "FACTBOX",
	"TIMELINE", "EXPLAINER", "COMMENT", "REVIEW", "INTERVIEW", "URGENT", "FLASH", "ALERT",
	"NEWS", "SPORTS", "WORLD", "BUSINESS", "POLITICS", "TECH", "OBITUARY", "ADVISORY",
	"CLARIFICATION", "RELATED", "READ", "ALSO", "EDITOR'S NOTE", "Q&A", "I", "A", NULL,
};

/* A word of a place: letters, and inner '.', '\'' or '-'; *caps says whether all its
 * ASCII letters are capitals. Returns its length, 0 if there is none. */
static size_t place_word(const unsigned char *p, size_t n, int *caps, int *lower)
{
	size_t i = 0;

	*caps = 1;
	*lower = 0;
	if (!n || !(is_upper(p[0]) || p[0] >= 0x80))
		return 0;
	while (i < n) {
		unsigned char c = p[i];

		if (is_upper(c) || c >= 0x80) {
			i++;
		} else if (is_lower(c)) {
			*caps = 0;
			*lower = 1;
			i++;
		} else if ((c == '.' || c == '\'' || c == '-') && i > 0) {
			i++;
		} else {
			break;
		}
	}
	return i;
}

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL,
};

/* Whether the part s[0 .. n) is a date: "Feb 22", "Feb. 22", "22 February", "2022". */
static int is_date(const unsigned char *s, size_t n)
{
	size_t i;
	int digits = 0, month = 0;

	for (i = 0; i < n; i++)
		if (is_digit(s[i]))
			digits = 1;
	for (i = 0; months[i]; i++) {
		size_t k;

		for (k = 0; k + 3 <= n; k++) {
			if ((k == 0 || s[k - 1] == ' ') && (s[k] | 0x20) == months[i][0] &&
			    (s[k + 1] | 0x20) == months[i][1] && (s[k + 2] | 0x20) == months[i][2])
				month = 1;
		}
	}
	return digits && (month || n == 4);
}

int chorus__text_dateline(const char *text, size_t n, struct chorus__dateline *dl)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0, place_end, words = 0, parts = 0, k;
	int caps_place = 1, caps, lower;

	memset(dl, 0, sizeof(*dl));
	/* the place: one to four words */
	for (;;) {
		size_t w = place_word(p + i, n - i, &caps, &lower);

		if (!w)
			return 0;
		if (!caps)
			caps_place = 0;
		i += w;
		words++;
		if (words < 5 && i + 1 < n && p[i] == ' ' && (is_upper(p[i + 1]) || p[i + 1] >= 0x80) &&
		    caps_place) {
			size_t save = i;
			int c2, l2;
			size_t w2 = place_word(p + i + 1, n - i - 1, &c2, &l2);

			if (w2 && c2) { /* another word in capitals */
				i++;
				continue;
			}
			i = save;
		}
		break;
	}
	if (i > 50)
		return 0;
	place_end = i;
	if (caps_place && i < 2)
		return 0;
	if (caps_place) {
		for (k = 0; not_places[k]; k++)
			if (strlen(not_places[k]) == i && !memcmp(p, not_places[k], i))
				return 0;
	}
	/* ", part" x up to 3: regions extend the place, dates do not */
	while (parts < 3 && i + 2 < n && p[i] == ',' && p[i + 1] == ' ') {
		size_t j = i + 2, e = j;

		while (e < n && p[e] != ',' && p[e] != '(' && p[e] != ':' &&
		       !(p[e] == ' ' && e + 1 < n && p[e + 1] == '-'))
			e++;
		while (e > j && p[e - 1] == ' ')
			e--;
		if (e == j || e - j > 30)
			return 0;
		if (is_date(p + j, e - j)) {
			/* fine, not part of the place */
		} else {
			size_t q = j;

			while (q < e) { /* title-case or capital words */
				size_t w = place_word(p + q, e - q, &caps, &lower);

				if (!w)
					return 0;
				q += w;
				if (q < e && p[q] == ' ')
					q++;
				else if (q < e)
					return 0;
			}
			place_end = e;
		}
		i = e;
		parts++;
	}
	/* " (Agency)" */
	if (i + 3 < n && p[i] == ' ' && p[i + 1] == '(') {
		size_t j = i + 2, e = j;

		while (e < n && e - j <= 40 && p[e] != ')' && p[e] != '(')
			e++;
		if (e >= n || p[e] != ')' || e == j || !(is_upper(p[j]) || p[j] >= 0x80))
			return 0;
		dl->agency_off = j;
		dl->agency_len = e - j;
		i = e + 1;
	}
	if (!caps_place && !dl->agency_len)
		return 0;
	/* the separator, then the story */
	if (i + 3 <= n && p[i] == ' ' && p[i + 1] == '-' && p[i + 2] == ' ')
		i += 3;
	else if (i + 2 <= n && p[i] == ':' && p[i + 1] == ' ')
		i += 2;
	else if (i + 2 <= n && p[i] == '-' && p[i + 1] == ' ' && dl->agency_len)
		i += 2;
	else
		return 0;
	if (i >= n)
		return 0;
	dl->skip = i;
	dl->place_off = 0;
	dl->place_len = place_end;
	return 1;
}
