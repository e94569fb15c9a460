/*
 * text/sentences.c: sentence boundaries in a paragraph of canonical text.
 *
 * Rules in the spirit of Punkt (Kiss & Strunk 2006, "Unsupervised Multilingual
 * Sentence Boundary Detection", Computational Linguistics 32(4)): a candidate is a
 * run of '.', '?' or '!' followed by optional closing quotes or brackets and a space;
 * it is decided by the token before it (a known abbreviation, an initial, a word with
 * inner periods such as "U.S.") and by the orthographic evidence of the token after
 * it (lowercase: no boundary; a frequent sentence starter such as "The" or "He":
 * boundary even after an ambiguous abbreviation). Punkt learns its abbreviations and
 * starters from the corpus; here both are fixed lists for English news. A '?' or '!'
 * closing a quotation that is followed by an attribution ("Why now?" he asked.) does
 * not end the sentence. A paragraph's end always ends a sentence, so a headline or a
 * subheading without final punctuation is a sentence of its own.
 */
#include <string.h>

#include "text/text_int.h"
#include "util/alloc.h"

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

void chorus__spans_push(struct chorus__spans *s, size_t start, size_t end)
{
	CHORUS_GROW(s->v, s->n + 1, s->cap);
	s->v[s->n].start = (uint32_t)start;
	s->v[s->n].end = (uint32_t)end;
	s->n++;
}

/* Lowercase words; class 1 precede a name or number, class 2 also end sentences. */
static const char *const abbrev1[] = {
	"mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "sen", "sens",
	"rep", "reps", "gov", "govs", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr",
	"cdr", "brig", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "det", "amb", "atty",
	"st", "mt", "ft", "no", "nos", "vol", "vols", "art", "ch", "fig", "figs", "pp", "op",
	"rs", "nr", "sr", "sra", "mme", "mlle", "gov't", NULL,
};
static const char *const abbrev2[] = {
	"inc", "corp", "ltd", "co", "cos", "plc", "llc", "bros", "jr", "esq", "etc", "vs", "v",
	"approx", "dept", "est", "univ", "assn", "ave", "blvd", "rd", "hwy", "sq", "cf", "al",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
	"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
	"ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "min", "max", "govt",
	NULL,
};

static const char *const numabbrev[] = {
	"no", "nos", "vol", "vols", "art", "ch", "fig", "figs", "pp", "op", "nr", NULL,
};

static struct chorus__wordset abbrev1_set = CHORUS__WORDSET(abbrev1);
static struct chorus__wordset numabbrev_set = CHORUS__WORDSET(numabbrev);
static struct chorus__wordset abbrev2_set = CHORUS__WORDSET(abbrev2);

int chorus__text_abbrev(const char *w, size_t n)
{
	if (!n || n > 7)
		return 0;
	if (chorus__wordset_has(&abbrev1_set, w, n)) {
		/* "No" and "St" are titles only when capitalized: "say no." ends a sentence */
		if ((n == 2 && (w[0] == 'n' || w[0] == 's')))
			return 0;
		return 1;
	}
	if (chorus__wordset_has(&abbrev2_set, w, n))
		return 2;
	return 0;
}

/* Words that often open a sentence; after an ambiguous abbreviation they mark a boundary. */
static const char *const starters[] = {
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
	"those", "there", "his", "her", "its", "their", "our", "my", "in", "on", "at", "but",
	"and", "or", "so", "yet", "for", "if", "when", "while", "after", "before", "as",
	"since", "although", "though", "however", "meanwhile", "also", "still", "then", "now",
	"some", "many", "most", "all", "both", "each", "what", "who", "why", "how", "where",
	"which", "one", "earlier", "later", "last", "today", "yesterday", "officials", "police",
	"nearly", "about", "more", "such", "other", "another", "according", "during", "despite",
	"under", "with", "without", "from", "by", "to", "no", "not", "even", "only", "instead",
	NULL,
};

static const char *const speech_verbs[] = {
	"said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
	"replied", "replies", "shouted", "cried", "exclaimed", "continued", "tweeted",
	"insisted", "declared", "demanded", "wondered", "noted", "warned", "answered", NULL,
};

static struct chorus__wordset starters_set = CHORUS__WORDSET(starters);
static struct chorus__wordset speech_set = CHORUS__WORDSET(speech_verbs);

/* The word (ASCII letters and apostrophes) at p[i ..); its length. */
static size_t word_at(const char *p, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && (is_alpha((unsigned char)p[j]) || (p[j] == '\'' && j > i)))
		j++;
	return j - i;
}

/* Whether tok[0 .. n) is letters with inner periods: "U.S", "a.m", "e.g". */
static int dotted(const char *tok, size_t n)
{
	size_t i;
	int dots = 0;

	for (i = 0; i < n; i++) {
		if (tok[i] == '.') {
			if (!i || tok[i - 1] == '.')
				return 0;
			dots++;
		} else if (!is_alpha((unsigned char)tok[i]) && !((unsigned char)tok[i] >= 0x80)) {
			return 0;
		}
	}
	return dots > 0;
}

enum next_kind { NEXT_LOWER, NEXT_UPPER, NEXT_DIGIT, NEXT_OTHER };

/* Decides the candidate whose punctuation run is p[i .. j) and whose closers end at k
 * (p[k] is a space); m is the start of the next token. */
static int is_boundary(const char *p, size_t n, size_t sent_start, size_t i, size_t j,
		       size_t k, size_t m)
{
	size_t w = m, wl, t;
	enum next_kind next;
	int dots = 0, quest = 0, closed = k > j, starter;

	for (t = i; t < j; t++) {
		if (p[t] == '.')
			dots++;
		else if (p[t] != ' ')
			quest = 1;
	}
	while (w < n && (p[w] == '"' || p[w] == '\'' || p[w] == '(' || p[w] == '['))
		w++;
	if (w >= n)
		return 1;
	if (is_lower((unsigned char)p[w]))
		next = NEXT_LOWER;
	else if (is_upper((unsigned char)p[w]))
		next = NEXT_UPPER;
	else if (is_digit((unsigned char)p[w]))
		next = NEXT_DIGIT;
	else
		next = NEXT_OTHER;
	if (next == NEXT_LOWER)
		return 0;
	wl = word_at(p, n, w);
	starter = chorus__wordset_has(&starters_set, p + w, wl);
	if (quest && closed) {
		/* "Why now?" Putin asked. : the attribution continues the sentence */
		size_t v = w + wl;

		if (chorus__wordset_has(&speech_set, p + w, wl))
			return 0;
		if (next == NEXT_UPPER && v + 1 < n && p[v] == ' ' &&
		    chorus__wordset_has(&speech_set, p + v + 1, word_at(p, n, v + 1)))
			return 0;
		return 1;
	}
	if (quest || closed)
		return 1;
	if (dots > 1) /* an ellipsis: a new sentence when a capital follows */
		return next == NEXT_UPPER;
	/* a single period: look at the token before it */
	t = i;
	while (t > sent_start && p[t - 1] != ' ' && p[t - 1] != '"' && p[t - 1] != '(' &&
	       p[t - 1] != '[' && !(p[t - 1] == '\'' && (t - 1 == sent_start || p[t - 2] == ' ')))
		t--;
	if (t == i)
		return 1;
	if (i - t == 1 && is_upper((unsigned char)p[t])) /* an initial: "George W. Bush" */
		return starter;
	if (dotted(p + t, i - t)) /* "U.S.", "a.m." */
		return starter;
	switch (chorus__text_abbrev(p + t, i - t)) {
	case 1:
		/* "No. 10", "Vol. 3": an abbreviation only before a number ("Her answer
		 * was No. The talks ended." ends a sentence) */
		if (chorus__wordset_has(&numabbrev_set, p + t, i - t))
			return next != NEXT_DIGIT;
		return 0;
	case 2:
		return starter;
	default:
		return 1;
	}
}

void chorus__text_sentences(const char *p, size_t n, struct chorus__spans *out)
{
	size_t s = 0, i, k, next[3];

	while (s < n && p[s] == ' ')
		s++;
	i = s;
	for (k = 0; k < 3; k++) {
		const char *q = memchr(p + i, "?!."[k], n - i);

		next[k] = q ? (size_t)(q - p) : n;
	}
	while (i < n) {
		size_t j, e, m;

		/* the next '.', '?' or '!': memchr is vectorized, and each of the three
		 * positions is searched again only once passed */
		for (k = 0; k < 3; k++) {
			if (next[k] < i) {
				const char *q = memchr(p + i, "?!."[k], n - i);

				next[k] = q ? (size_t)(q - p) : n;
			}
		}
		i = next[0] < next[1] ? next[0] : next[1];
		if (next[2] < i)
			i = next[2];
		if (i >= n)
			break;
		j = i;
		for (;;) {
			while (j < n && (p[j] == '.' || p[j] == '?' || p[j] == '!'))
				j++;
			/* a spaced ellipsis: ". . ." */
			if (j + 1 < n && p[j] == ' ' && p[j + 1] == '.' && p[j - 1] == '.')
				j++;
			else
				break;
		}
		e = j;
		while (e < n && (p[e] == '"' || p[e] == '\'' || p[e] == ')' || p[e] == ']'))
			e++;
		if (e >= n)
			break;
		if (p[e] != ' ') {
			i = j;
			continue;
		}
		m = e;
		while (m < n && p[m] == ' ')
			m++;
		if (m < n && is_boundary(p, n, s, i, j, e, m)) {
			chorus__spans_push(out, s, e);
			s = m;
		}
		i = m > j ? m : j;
	}
	while (n > s && p[n - 1] == ' ')
		n--;
	if (n > s)
		chorus__spans_push(out, s, n);
}
