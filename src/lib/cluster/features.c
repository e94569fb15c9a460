/*
 * cluster/features.c: what clustering compares of an article: its title words, its body
 * words (Snowball stems of lowercased words, stopwords dropped) and its entities.
 *
 * Entities: until canonical entity ids are available, an entity is a run of
 * capitalized words ("Tara Reid", "Promises Treatment Center"), lowercased and joined
 * by '_', cleaned of what is capitalized without being a name: a leading
 * sentence-initial stopword ("The", "But") or word that the same text also writes in
 * lowercase ("Nearly"), days, months and time zones at either end, and runs left with
 * one such word or a contraction (add_entities()). Two events of one kind share their
 * weekdays and sentence openers; their names are what tells them apart. Headlines are
 * not searched for entities (they capitalize every word).
 *
 * Stored form (one line per field, words are lowercased surface forms so that the
 * stemmer can change without a migration):
 *   "T w w w\nB w:count w:count\nE e:count e:count"
 */
#include <libstemmer.h>
#include <stdio.h>

#include "cluster/cluster_impl.h"
#include "util/alloc.h"
#include "util/buf.h"

static const char *const stopwords[] = { /* sorted (strcmp order) */
	"a", "about", "above", "according", "after", "again", "against", "all", "also", "am",
	"an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
	"below", "between", "both", "but", "by", "can", "com", "could", "did", "do", "does",
	"doing", "down", "during", "each", "few", "for", "from", "further", "get", "had", "has",
	"have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
	"html", "http", "https", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
	"like", "may", "me", "more", "most", "mr", "mrs", "ms", "my", "myself", "new", "no",
	"nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
	"ours", "ourselves", "out", "over", "own", "s", "said", "same", "says", "she", "should",
	"so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
	"until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
	"who", "whom", "why", "will", "with", "would", "www", "you", "your", "yours", "yourself",
	"yourselves"
};

int chorus__cluster_is_stop(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof(stopwords) / sizeof(stopwords[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(stopwords[mid], w, n);

		if (c == 0 && stopwords[mid][n] != 0)
			c = 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A byte that belongs to a word: ASCII letters and digits, and the bytes of non-ASCII
 * letters. U+0080..U+00BF (C2 xx) and U+2000..U+206F (E2 80/81 xx: dashes, quotes,
 * spaces) separate words. */
static size_t word_len_at(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	if (c < 0x80)
		return 0;
	if (c == 0xC2)
		return 0;
	if (c == 0xE2 && i + 1 < n && (s[i + 1] == 0x80 || s[i + 1] == 0x81))
		return 0;
	if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF && s[i + 2] == 0xBD)
		return 0; /* U+FFFD */
	return 1;
}

struct word {
	size_t start, end;
	int cap;       /* first byte is an ASCII capital */
	int initial;   /* first word of a sentence */
	int follows;   /* only spaces (or a hyphen) separate it from the previous word */
};

/* Splits s into words; the caller frees *out. */
static size_t split(const char *str, size_t n, struct word **out)
{
	const unsigned char *s = (const unsigned char *)str;
	struct word *w = NULL;
	size_t nw = 0, cap = 0, i = 0;
	int initial = 1, follows = 0;

	while (i < n) {
		size_t l = word_len_at(s, n, i);

		if (!l) {
			unsigned char c = s[i];

			if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';')
				initial = 1;
			if (c != ' ' && c != '-')
				follows = 0;
			/* a separator outside ASCII is skipped whole: its continuation bytes
			 * must not start a word */
			i += c == 0xC2 ? 2 : c >= 0xE0 ? 3 : 1;
			continue;
		}
		CHORUS_GROW(w, nw + 1, cap);
		w[nw].start = i;
		w[nw].cap = s[i] >= 'A' && s[i] <= 'Z';
		w[nw].initial = initial;
		w[nw].follows = follows && nw > 0;
		while (i < n) {
			if (word_len_at(s, n, i)) {
				i++;
				continue;
			}
			/* an apostrophe inside a word ("don't"); "'s" is dropped */
			if (s[i] == '\'' && i + 1 < n && word_len_at(s, n, i + 1)) {
				if ((s[i + 1] == 's' || s[i + 1] == 'S') &&
				    (i + 2 >= n || !word_len_at(s, n, i + 2)))
					break;
				i++;
				continue;
			}
			break;
		}
		w[nw].end = i;
		if (i < n && s[i] == '\'')
			i += (i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S')) ? 2 : 1;
		nw++;
		initial = 0;
		follows = 1;
	}
	*out = w;
	return nw;
}

static void lower(const char *s, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[n] = 0;
}

/* Accumulates counts through a per-term slot so that long texts stay linear. */
struct acc {
	struct chorus__tc *v;
	size_t n, cap;
};

static void acc_add(struct chorus_cluster *c, struct acc *a, uint32_t term, float by)
{
	uint32_t *slot;

	chorus__cluster_reserve(c, term);
	slot = &c->scratch[term];
	if (*slot && *slot <= a->n && a->v[*slot - 1].term == term) {
		a->v[*slot - 1].n += by;
		return;
	}
	CHORUS_GROW(a->v, a->n + 1, a->cap);
	a->v[a->n].term = term;
	a->v[a->n].n = by;
	a->n++;
	*slot = (uint32_t)a->n;
}

static void acc_done(struct chorus_cluster *c, struct acc *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		c->scratch[a->v[i].term] = 0;
}

/* The term id of a lowercased word's stem; 0 for a stopword. count: the word is seen in
 * a text (it counts toward the word shown for its stem), not read back from the store.
 * word_out (may be NULL) receives the word's own id, left alone when the word is too
 * long or a single letter. */
static uint32_t stem_term(struct chorus_cluster *c, const char *w, size_t n, int count,
			  uint32_t *word_out)
{
	const sb_symbol *st;
	uint32_t id, word;
	char buf[80];
	size_t sl;

	if (n > 64 || (n == 1 && !(w[0] >= '0' && w[0] <= '9')))
		return 0;
	word = chorus_lexicon_intern(c->lex, w, n);
	chorus__cluster_reserve(c, word);
	if (word_out)
		*word_out = word;
	/* the word shown for a stem is its most frequent one ("warming", not "warm") */
	c->wcount[word] += count ? 1 : 0;
	if (c->stem_of[word]) {
		id = c->stem_of[word];
		if (id == UINT32_MAX)
			return 0;
		if (c->wcount[word] > c->wcount[c->surface[id]])
			c->surface[id] = word;
		return id;
	}
	if (chorus__cluster_is_stop(w, n) ||
	    !(st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)w, (int)n))) {
		c->stem_of[word] = UINT32_MAX;
		return 0;
	}
	/* stems have their own name space ("#stem"): a stem never equals a word */
	sl = (size_t)sb_stemmer_length(c->stemmer);
	if (sl + 1 > sizeof(buf))
		sl = sizeof(buf) - 1;
	buf[0] = '#';
	memcpy(buf + 1, st, sl);
	id = chorus_lexicon_intern(c->lex, buf, sl + 1);
	chorus__cluster_reserve(c, id);
	c->stem_of[word] = id;
	if (!c->surface[id])
		c->surface[id] = word;
	return id;
}

static uint32_t entity_term(struct chorus_cluster *c, const char *e, size_t n)
{
	char buf[200];

	if (n + 2 > sizeof(buf))
		n = sizeof(buf) - 2;
	buf[0] = '@';
	memcpy(buf + 1, e, n);
	return chorus_lexicon_intern(c->lex, buf, n + 1);
}

static void finish(struct chorus_cluster *c, struct chorus_features *f, struct acc *t,
		   struct acc *b, struct acc *e)
{
	acc_done(c, t);
	acc_done(c, b);
	acc_done(c, e);
	f->title = t->v;
	f->n_title = t->n;
	f->body = b->v;
	f->n_body = b->n;
	f->ent = e->v;
	f->n_ent = e->n;
}

/* Days, months and time zones, lowercased (sorted, strcmp order): capitalized, but
 * shared by every story of their week, so they are not entities. */
static const char *const calendar[] = {
	"apr", "april", "aug", "august", "bst", "cdt", "cest", "cet", "cst", "dec",
	"december", "edt", "est", "feb", "february", "friday", "gmt", "jan", "january",
	"jul", "july", "jun", "june", "monday", "nov", "november", "oct", "october", "pdt",
	"pm", "pst", "saturday", "sep", "sept", "september", "sunday", "thursday",
	"tuesday", "utc", "wednesday"
};

static int is_calendar(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof(calendar) / sizeof(calendar[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strncmp(calendar[mid], w, n);

		if (k == 0 && calendar[mid][n] != 0)
			k = 1;
		if (k == 0)
			return 1;
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* How a capitalized word of a text can fail to be (part of) a name. */
enum {
	W_STOP = 1 << 0,     /* an English stopword ("The", "But") */
	W_COMMON = 1 << 1,   /* the same text also writes it in lowercase ("Nearly", "Fire") */
	W_CALENDAR = 1 << 2, /* a day, a month, a time zone */
	W_CONTRACT = 1 << 3  /* a contraction ("We've", "I'm") */
};

static unsigned word_kind(const struct chorus_cluster *c, const char *text, const struct word *w)
{
	size_t len = w->end - w->start;
	const char *ap;
	unsigned k = 0;
	uint32_t id;
	char low[72];

	if (len >= sizeof(low))
		return 0;
	lower(text + w->start, len, low);
	if (chorus__cluster_is_stop(low, len))
		k |= W_STOP;
	if (is_calendar(low, len))
		k |= W_CALENDAR;
	id = chorus_lexicon_find(c->lex, low, len);
	if (id && id < c->term_cap && c->lowmark[id] == c->text_stamp)
		k |= W_COMMON;
	ap = memchr(low, '\'', len);
	if (ap && ap > low) {
		size_t rest = len - (size_t)(ap + 1 - low);

		if ((rest == 1 && (ap[1] == 'm' || ap[1] == 'd' || ap[1] == 't')) ||
		    (rest == 2 && (!memcmp(ap + 1, "ve", 2) || !memcmp(ap + 1, "re", 2) ||
				   !memcmp(ap + 1, "ll", 2))))
			k |= W_CONTRACT;
	}
	return k;
}

/*
 * Entities: runs of up to 6 capitalized words. A run loses a leading sentence-initial
 * stopword or common word ("The Red Cross" -> red_cross, "Another Charger" ->
 * charger) and its leading and trailing calendar words ("Sunday AFC" -> afc); a run
 * left with one word is dropped when that word is common in the text, a contraction
 * or a stopword. Must run after add_words() has marked the text's lowercase words.
 */
static void add_entities(struct chorus_cluster *c, struct acc *e, const char *text,
			 const struct word *w, size_t nw)
{
	struct chorus__buf key = { 0 };
	size_t i = 0, j, end, first;
	unsigned kind[6];
	char low[72];

	while (i < nw) {
		size_t len;

		if (!w[i].cap) {
			i++;
			continue;
		}
		end = i + 1;
		while (end < nw && w[end].cap && w[end].follows && end - i < 6)
			end++;
		for (j = i; j < end; j++)
			kind[j - i] = word_kind(c, text, &w[j]);
		first = i;
		j = end;
		if (w[i].initial && (kind[0] & (W_STOP | W_COMMON)))
			i++;
		while (i < j && (kind[i - first] & W_CALENDAR))
			i++;
		while (j > i && (kind[j - 1 - first] & W_CALENDAR))
			j--;
		if (i == j || (j - i == 1 && (kind[i - first] & (W_STOP | W_COMMON | W_CONTRACT)))) {
			i = end;
			continue;
		}
		chorus__buf_reset(&key);
		for (; i < j; i++) {
			len = w[i].end - w[i].start;
			if (len >= sizeof(low))
				len = sizeof(low) - 1;
			lower(text + w[i].start, len, low);
			if (key.len)
				chorus__buf_addch(&key, '_');
			chorus__buf_add(&key, low, len);
		}
		if (key.len > 1)
			acc_add(c, e, entity_term(c, key.ptr, key.len), 1);
		i = end;
	}
	chorus__buf_release(&key);
}

/* Adds the stems of the words; mark: stamp the words written in lowercase with the
 * current text stamp (for the entities of the same text). */
static void add_words(struct chorus_cluster *c, struct acc *a, const char *text,
		      const struct word *w, size_t nw, size_t limit, int mark)
{
	char low[72];
	size_t i;

	for (i = 0; i < nw && i < limit; i++) {
		size_t len = w[i].end - w[i].start;
		uint32_t id, word = 0;

		if (len >= sizeof(low))
			continue;
		lower(text + w[i].start, len, low);
		if ((id = stem_term(c, low, len, 1, &word)))
			acc_add(c, a, id, 1);
		if (mark && word && !w[i].cap && (unsigned char)text[w[i].start] < 0x80)
			c->lowmark[word] = c->text_stamp;
	}
}

struct chorus_features *chorus_cluster_features(struct chorus_cluster *c,
						const struct chorus_article *a)
{
	struct chorus_features *f = chorus_xcalloc(1, sizeof(*f));
	struct acc t = { 0 }, b = { 0 }, e = { 0 };
	struct word *w = NULL;
	const char *text = a->text ? a->text : "";
	size_t nw, len = a->text ? a->text_len : 0;

	if (a->title) {
		nw = split(a->title, strlen(a->title), &w);
		add_words(c, &t, a->title, w, nw, 40, 0);
		free(w);
	} else {
		const char *nl = memchr(text, '\n', len);
		size_t first = nl ? (size_t)(nl - text) : len;

		nw = split(text, first, &w);
		add_words(c, &t, text, w, nw, 40, 0);
		free(w);
	}
	if (++c->text_stamp == 0) {
		if (c->term_cap)
			memset(c->lowmark, 0, c->term_cap * sizeof(*c->lowmark));
		c->text_stamp = 1;
	}
	nw = split(text, len, &w);
	add_words(c, &b, text, w, nw, SIZE_MAX, 1);
	add_entities(c, &e, text, w, nw);
	free(w);
	finish(c, f, &t, &b, &e);
	return f;
}

void chorus_features_free(struct chorus_features *f)
{
	if (!f)
		return;
	free(f->title);
	free(f->body);
	free(f->ent);
	free(f);
}

static void format_field(const struct chorus_cluster *c, struct chorus__buf *b, char tag,
			 const struct chorus__tc *v, size_t n, int counts, int surface)
{
	size_t i;

	chorus__buf_addch(b, tag);
	for (i = 0; i < n; i++) {
		uint32_t id = surface ? c->surface[v[i].term] : v[i].term;
		const char *s = chorus_lexicon_str(c->lex, id, NULL);

		if (!s)
			continue;
		if (tag == 'E')
			s++; /* the '@' */
		chorus__buf_addch(b, ' ');
		chorus__buf_adds(b, s);
		if (counts)
			chorus__buf_addf(b, ":%u", (unsigned)v[i].n);
	}
}

char *chorus_features_format(const struct chorus_cluster *c, const struct chorus_features *f)
{
	struct chorus__buf b = { 0 };

	format_field(c, &b, 'T', f->title, f->n_title, 1, 1);
	chorus__buf_addch(&b, '\n');
	format_field(c, &b, 'B', f->body, f->n_body, 1, 1);
	chorus__buf_addch(&b, '\n');
	format_field(c, &b, 'E', f->ent, f->n_ent, 1, 0);
	return chorus__buf_detach(&b, NULL);
}

struct chorus_features *chorus_features_parse(struct chorus_cluster *c, const char *s)
{
	struct chorus_features *f = chorus_xcalloc(1, sizeof(*f));
	struct acc acc[3] = { { 0 }, { 0 }, { 0 } };

	while (s && *s) {
		const char *eol = strchr(s, '\n');
		const char *end = eol ? eol : s + strlen(s);
		int field = *s == 'T' ? 0 : *s == 'B' ? 1 : *s == 'E' ? 2 : -1;

		s++;
		while (field >= 0 && s < end) {
			const char *tok, *colon;
			unsigned long cnt = 1;
			size_t n;
			uint32_t id;

			while (s < end && *s == ' ')
				s++;
			tok = s;
			while (s < end && *s != ' ')
				s++;
			n = (size_t)(s - tok);
			if (!n || n >= 200)
				continue;
			colon = memchr(tok, ':', n);
			if (colon) {
				char num[16];
				size_t k = (size_t)(tok + n - colon - 1);

				cnt = 0;
				if (k && k < sizeof(num)) {
					memcpy(num, colon + 1, k);
					num[k] = 0;
					cnt = strtoul(num, NULL, 10);
				}
				n = (size_t)(colon - tok);
			}
			if (cnt > 100000)
				cnt = 100000;
			if (!n || !cnt)
				continue;
			id = field == 2 ? entity_term(c, tok, n) : stem_term(c, tok, n, 0, NULL);
			if (id)
				acc_add(c, &acc[field], id, (float)cnt);
		}
		s = eol ? eol + 1 : end;
	}
	finish(c, f, &acc[0], &acc[1], &acc[2]);
	return f;
}
