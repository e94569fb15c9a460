/*
 * extract/story.c: what the articles of one story say together: entities merged
 * across articles, the year and publication dates inferred where the articles do not
 * give them, direct quotes with speakers (one entry per quote, with the articles that
 * carry it), numbers grouped by what they count (with conflicts: same thing counted,
 * different values), and the timeline: dated events in order, a sentence each with
 * the articles that report it.
 *
 * Year inference across articles: a yearless date in one sentence ("Putin on February
 * 21 signed a decree recognising ...") and a weekday in another ("On Monday evening,
 * Putin announced ... recognition ...") are one event when the sentences share at
 * least three content stems; the year is then the first one after every year the
 * story mentions in which that date falls on that weekday.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <strings.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"

int32_t chorus__timex_year_from_weekdays(const struct chorus_extraction *x, int32_t after);
int64_t chorus__timex_infer_anchor(const struct chorus_extraction *x, int32_t year, int64_t floor_day);

struct simpl {
	struct chorus__arena *arena;
	size_t cap_e, cap_q, cap_n, cap_v;
};

/* ---- Sentences as sets of content stems --------------------------------------------- */

static size_t stems_of(const struct chorus_doc *d, uint32_t si, uint32_t *out, size_t cap)
{
	const struct chorus_sentence *s = &d->sents[si];
	size_t i, n = 0, k;

	for (i = s->tok_begin; i < s->tok_end && n < cap; i++) {
		const struct chorus_token *t = &d->tokens[i];
		if (!(t->flags & CHORUS_TOK_WORD) || (t->flags & CHORUS_TOK_STOP))
			continue;
		for (k = 0; k < n && out[k] != t->stem; k++)
			;
		if (k == n)
			out[n++] = t->stem;
	}
	return n;
}

static size_t overlap(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i, j, n = 0;

	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (a[i] == b[j]) {
				n++;
				break;
			}
	return n;
}

static int is_weekday_day(const struct chorus_timex *t)
{
	return t->weekday && !t->month && !(t->flags & CHORUS_TIMEX_DURATION) && t->amount == 0;
}

static int is_yearless_date(const struct chorus_timex *t)
{
	return t->month && t->day && (!t->year || (t->flags & CHORUS_TIMEX_RELATIVE)) &&
	       !(t->flags & CHORUS_TIMEX_DURATION) && !t->weekday;
}

static int32_t story_max_year(struct chorus_extraction *const *xs, size_t n)
{
	size_t a, i;
	int32_t y = 0;

	for (a = 0; a < n; a++)
		for (i = 0; i < xs[a]->n_timexes; i++) {
			const struct chorus_timex *t = &xs[a]->timexes[i];
			if (!(t->flags & (CHORUS_TIMEX_RELATIVE | CHORUS_TIMEX_DURATION)) && t->year > y)
				y = t->year;
		}
	return y;
}

/* The year of the story's yearless dates, from weekdays written with them or said of the
 * same event in another sentence; 0 when nothing fixes it. */
static int32_t infer_year(struct chorus_extraction *const *xs, size_t n)
{
	int32_t after = story_max_year(xs, n), y;
	size_t a, b, i, j, best = 2;
	int32_t best_y = 0;
	uint32_t s1[128], s2[128];

	for (a = 0; a < n; a++)
		if ((y = chorus__timex_year_from_weekdays(xs[a], after)))
			return y;
	for (a = 0; a < n; a++)
		for (i = 0; i < xs[a]->n_timexes; i++) {
			const struct chorus_timex *t = &xs[a]->timexes[i];
			size_t n1;
			if (!is_yearless_date(t))
				continue;
			n1 = stems_of(xs[a]->doc, t->sent, s1, 128);
			for (b = 0; b < n; b++)
				for (j = 0; j < xs[b]->n_timexes; j++) {
					const struct chorus_timex *u = &xs[b]->timexes[j];
					size_t n2, ov;
					if (!is_weekday_day(u) || (a == b && u->sent == t->sent))
						continue;
					n2 = stems_of(xs[b]->doc, u->sent, s2, 128);
					ov = overlap(s1, n1, s2, n2);
					if (ov > best) {
						int32_t yy = 0;
						int32_t k;
						/* the first year after `after` with that weekday */
						for (k = after + 1; k < after + 40 && after; k++)
							if (chorus__weekday(chorus__days_from_civil(k, t->month, t->day)) == u->weekday) {
								yy = k;
								break;
							}
						if (yy) {
							best = ov;
							best_y = yy;
						}
					}
				}
		}
	return best_y;
}

int64_t chorus__timex_label_day(const char *text, size_t len);

/* The publication day an article states: its record's, else a date label in its text. */
static int64_t known_day(const struct chorus_extraction *x)
{
	const struct chorus_article *a = x->doc ? x->doc->article : NULL;

	if (!a)
		return INT64_MIN;
	if (a->published == CHORUS_TIME_UNKNOWN)
		return a->text ? chorus__timex_label_day(a->text, a->text_len) : INT64_MIN;
	return a->published >= 0 ? a->published / 86400 : -((-a->published + 86399) / 86400);
}

int64_t chorus__timex_latest_day(const struct chorus_extraction *x, int32_t year);

/* Every article's dates resolved: against its known publication day, or against one
 * inferred from its text and the story (the earliest day any article is known or
 * dated to be from is the earliest the others can be). */
static void infer_dates(struct chorus_story_extraction *s, struct chorus_extraction *const *xs, size_t n)
{
	int32_t year = infer_year(xs, n);
	int64_t floor_day = INT64_MIN;
	size_t a;

	s->year_inferred = year != 0;
	for (a = 0; a < n; a++) {
		int64_t d = known_day(xs[a]);
		if (d == INT64_MIN)
			d = chorus__timex_latest_day(xs[a], year);
		if (d != INT64_MIN && (floor_day == INT64_MIN || d < floor_day))
			floor_day = d;
	}
	for (a = 0; a < n; a++) {
		struct chorus_extraction *x = xs[a];
		int64_t d = known_day(x);
		if (d != INT64_MIN) {
			chorus__timex_resolve(x, d, 0, 0);
			continue;
		}
		d = chorus__timex_infer_anchor(x, year, floor_day);
		if (d != INT64_MIN) {
			x->anchor = (chorus_time)d * 86400;
			x->anchor_inferred = 1;
		}
		chorus__timex_resolve(x, d, year, 1);
	}
}

/* ---- Entities ---------------------------------------------------------------------- */

static const char *last_word(const char *key)
{
	const char *sp = strrchr(key, ' ');
	return sp ? sp + 1 : key;
}

static int find_story_entity(struct chorus_story_extraction *s, const char *key, uint32_t kind)
{
	size_t i;

	for (i = 0; i < s->n_entities; i++)
		if (!strcmp(s->entities[i].key, key))
			return (int)i;
	if (strchr(key, ' ')) {
		/* "Transport Authority" is the "Halvard Transport Authority" named before */
		size_t n = strlen(key);
		if (kind != CHORUS_ENT_ORG && kind != CHORUS_ENT_OTHER)
			return -1;
		for (i = 0; i < s->n_entities; i++) {
			const char *k = s->entities[i].key;
			size_t m = strlen(k);
			if (s->entities[i].kind == CHORUS_ENT_ORG && m > n + 1 && k[m - n - 1] == ' ' &&
			    !strcmp(k + m - n, key))
				return (int)i;
		}
		return -1;
	}
	for (i = 0; i < s->n_entities; i++)
		if (s->entities[i].kind == CHORUS_ENT_PERSON && (kind == CHORUS_ENT_PERSON || kind == CHORUS_ENT_OTHER) &&
		    strchr(s->entities[i].key, ' ') && !strcmp(last_word(s->entities[i].key), key))
			return (int)i;
	return -1;
}

static int ent_cmp(const void *a, const void *b)
{
	const struct chorus_story_entity *x = a, *y = b;

	if (x->articles != y->articles)
		return x->articles > y->articles ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Story entity of article entity e (by key, surname), after merge_entities. */
static const char *story_name(struct chorus_story_extraction *s, const struct chorus_entity *e)
{
	int k = find_story_entity(s, e->key, e->kind);
	return k >= 0 ? s->entities[k].name : e->name;
}

#define MAX_NAME_WORDS 8 /* names of more words are merged with those of 8 */

static size_t name_words(const char *key)
{
	size_t w = 1;

	for (; *key; key++)
		w += *key == ' ';
	return w < MAX_NAME_WORDS ? w : MAX_NAME_WORDS;
}

static void merge_entities(struct chorus_story_extraction *s, struct simpl *im,
			   struct chorus_extraction *const *xs, size_t n)
{
	size_t a, i, pass, cap_last = 0;
	size_t *last = NULL; /* per story entity: the last article (index + 1) counted */

	/* longer names first, so that surnames and short forms join them */
	for (pass = MAX_NAME_WORDS; pass > 0; pass--)
		for (a = 0; a < n; a++)
			for (i = 0; i < xs[a]->n_entities; i++) {
				const struct chorus_entity *e = &xs[a]->entities[i];
				struct chorus_story_entity *se;
				int k;
				if (!e->mentions || name_words(e->key) != pass)
					continue;
				k = find_story_entity(s, e->key, e->kind);
				if (k < 0) {
					CHORUS_GROW(s->entities, s->n_entities + 1, im->cap_e);
					CHORUS_GROW(last, s->n_entities + 1, cap_last);
					k = (int)s->n_entities;
					last[k] = 0;
					se = &s->entities[s->n_entities++];
					memset(se, 0, sizeof(*se));
					se->name = e->name;
					se->key = e->key;
					se->kind = e->kind;
					se->code = e->code;
				} else {
					se = &s->entities[k];
					if (se->kind == CHORUS_ENT_OTHER)
						se->kind = e->kind;
					if (e->kind == CHORUS_ENT_PERSON && strlen(e->name) > strlen(se->name))
						se->name = e->name;
				}
				if (!se->title)
					se->title = e->title;
				se->mentions += e->mentions;
				if (last[k] != a + 1) /* two names of one article, one entity */
					se->articles++;
				last[k] = a + 1;
			}
	free(last);
}

static void sort_entities(struct chorus_story_extraction *s)
{
	if (s->n_entities)
		qsort(s->entities, s->n_entities, sizeof(*s->entities), ent_cmp);
}

/* ---- Quotes ------------------------------------------------------------------------ */

/* Letters and digits of s, lowercased, for comparing quotes across outlets. */
static char *squash(struct chorus__arena *ar, const char *s, size_t n)
{
	char *o = chorus__arena_alloc(ar, n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]))
			o[k++] = (char)tolower((unsigned char)s[i]);
	o[k] = '\0';
	return o;
}

static void collect_quotes(struct chorus_story_extraction *s, struct simpl *im,
			   struct chorus_extraction *const *xs, size_t n)
{
	size_t a, i, k;
	char **keys = NULL;
	size_t nkeys = 0, capk = 0;

	for (a = 0; a < n; a++)
		for (i = 0; i < xs[a]->n_quotes; i++) {
			const struct chorus_quote *q = &xs[a]->quotes[i];
			const char *text = xs[a]->doc->text;
			char *sq;
			struct chorus_story_quote *sq_out;
			/* direct quotes, and reported speech by a named speaker */
			if (!q->speaker_name || (!(q->flags & CHORUS_QUOTE_DIRECT) && q->speaker < 0))
				continue;
			sq = squash(im->arena, text + q->start, q->end - q->start);
			if (strlen(sq) < 8)
				continue;
			for (k = 0; k < nkeys; k++)
				if (strstr(keys[k], sq) || strstr(sq, keys[k]))
					break;
			if (k < nkeys) {
				struct chorus_story_quote *o = &s->quotes[k];
				size_t j;
				for (j = 0; j < o->outlets && o->carriers[j] != a; j++)
					;
				if (j == o->outlets) {
					size_t *c = chorus__arena_alloc(im->arena, (o->outlets + 1) * sizeof(*c));
					memcpy(c, o->carriers, o->outlets * sizeof(*c));
					c[o->outlets++] = a;
					o->carriers = c;
				}
				continue;
			}
			CHORUS_GROW(keys, nkeys + 1, capk);
			keys[nkeys++] = sq;
			CHORUS_GROW(s->quotes, s->n_quotes + 1, im->cap_q);
			sq_out = &s->quotes[s->n_quotes++];
			sq_out->article = a;
			sq_out->q = q;
			sq_out->text = chorus__arena_strndup(im->arena, text + q->start, q->end - q->start);
			sq_out->speaker = q->speaker >= 0 ? story_name(s, &xs[a]->entities[q->speaker]) : q->speaker_name;
			sq_out->outlets = 1;
			sq_out->carriers = chorus__arena_alloc(im->arena, sizeof(size_t));
			sq_out->carriers[0] = a;
		}
	free(keys);
}

/* ---- Numbers ------------------------------------------------------------------------- */

/* Casualty words, by the count they make: the dead, the injured, the missing. */
static const struct {
	const char *word, *fate;
} fates[] = {
	{ "killed", "dead" },	  { "dead", "dead" },	    { "died", "dead" },
	{ "deaths", "dead" },	  { "wounded", "injured" }, { "injured", "injured" },
	{ "hurt", "injured" },	  { "injuries", "injured" }, { "missing", "missing" },
};

static const char *fate_of(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(fates) / sizeof(fates[0]); i++)
		if (strlen(fates[i].word) == n && !strncasecmp(w, fates[i].word, n))
			return fates[i].fate;
	return NULL;
}

/*
 * What a number counts, as a key: the words lowercased ("troops", "military convoys")
 * or, with a casualty word among them, the first word and the count it makes
 * ("soldiers|dead" for "soldiers killed").
 * "people" and "persons" count nobody in particular: "12 people were killed", "12 dead"
 * and "12 killed" all have the key "|dead".
 */
static void counts_key(const char *counts, char *out, size_t cap)
{
	const char *p = counts, *fate = NULL;
	size_t first = strcspn(counts, " "), i = 0;

	while (*p) {
		size_t n = strcspn(p, " ");
		if (!fate)
			fate = fate_of(p, n);
		p += n;
		while (*p == ' ')
			p++;
	}
	if (!fate)
		first = strlen(counts);
	else if (fate_of(counts, first) ||
		 (first == 6 && !strncasecmp(counts, "people", 6)) ||
		 (first == 7 && !strncasecmp(counts, "persons", 7)))
		first = 0;
	for (; i < first && i + 1 < cap; i++)
		out[i] = (char)tolower((unsigned char)counts[i]);
	snprintf(out + i, cap - i, "%s%s", fate ? "|" : "", fate ? fate : "");
}

static char *sentence_dup(struct chorus__arena *ar, const struct chorus_doc *d, uint32_t si)
{
	return chorus__arena_strndup(ar, d->text + d->sents[si].start, d->sents[si].end - d->sents[si].start);
}

/* The sentences of two story numbers share at least four content stems. */
static int same_context(struct chorus_extraction *const *xs, const struct chorus_story_number *a,
			const struct chorus_story_number *b)
{
	uint32_t s1[128], s2[128];
	size_t n1 = stems_of(xs[a->articles[0]]->doc, a->sent, s1, 128);
	size_t n2 = stems_of(xs[b->articles[0]]->doc, b->sent, s2, 128);

	return overlap(s1, n1, s2, n2) >= 4;
}

/* Both without a unit, or with the same one. */
static int same_unit(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

static void collect_numbers(struct chorus_story_extraction *s, struct simpl *im,
			    struct chorus_extraction *const *xs, size_t n)
{
	char (*keys)[64] = NULL; /* keys[k]: counts_key() of s->numbers[k] */
	size_t a, i, k, j, cap_keys = 0;

	for (a = 0; a < n; a++)
		for (i = 0; i < xs[a]->n_numbers; i++) {
			const struct chorus_number *num = &xs[a]->numbers[i];
			char key[64];
			struct chorus_story_number *o = NULL;
			if (!num->counts)
				continue;
			counts_key(num->counts, key, sizeof(key));
			for (k = 0; k < s->n_numbers; k++)
				if (!strcmp(key, keys[k]) && fabs(s->numbers[k].value - num->value) < 1e-9 &&
				    same_unit(s->numbers[k].unit, num->unit)) {
					o = &s->numbers[k];
					break;
				}
			if (o) {
				for (j = 0; j < o->n_articles && o->articles[j] != a; j++)
					;
				if (j == o->n_articles) {
					size_t *c = chorus__arena_alloc(im->arena, (o->n_articles + 1) * sizeof(*c));
					memcpy(c, o->articles, o->n_articles * sizeof(*c));
					c[o->n_articles++] = a;
					o->articles = c;
				}
				continue;
			}
			CHORUS_GROW(s->numbers, s->n_numbers + 1, im->cap_n);
			CHORUS_GROW(keys, s->n_numbers + 1, cap_keys);
			memcpy(keys[s->n_numbers], key, sizeof(key));
			o = &s->numbers[s->n_numbers++];
			memset(o, 0, sizeof(*o));
			o->counts = num->counts;
			o->unit = num->unit;
			o->value = num->value;
			o->qualifier = num->qualifier;
			o->sentence = sentence_dup(im->arena, xs[a]->doc, num->sent);
			o->sent = num->sent;
			o->articles = chorus__arena_alloc(im->arena, sizeof(size_t));
			o->articles[0] = a;
			o->n_articles = 1;
		}
	/* a conflict: the same thing counted, in the same unit, with a different value by
	 * another article, in sentences that share at least four content stems (the same
	 * context) */
	for (k = 0; k < s->n_numbers; k++)
		for (j = 0; j < s->n_numbers; j++)
			if (j != k && !strcmp(keys[k], keys[j]) &&
			    s->numbers[k].value != s->numbers[j].value &&
			    same_unit(s->numbers[k].unit, s->numbers[j].unit) &&
			    (s->numbers[k].n_articles > 1 || s->numbers[j].n_articles > 1 ||
			     s->numbers[k].articles[0] != s->numbers[j].articles[0]) &&
			    same_context(xs, &s->numbers[k], &s->numbers[j]))
				s->numbers[k].conflict = 1;
	free(keys);
}

/* ---- Timeline ---------------------------------------------------------------------- */

struct evsrc {
	char date[24];
	int inferred;
	size_t article;
	uint32_t sent;
};

static int event_cmp(const void *a, const void *b)
{
	const struct chorus_story_event *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	if (c)
		return c;
	if (x->articles[0] != y->articles[0])
		return x->articles[0] < y->articles[0] ? -1 : 1;
	return strcmp(x->sentence, y->sentence);
}

static void build_timeline(struct chorus_story_extraction *s, struct simpl *im,
			   struct chorus_extraction *const *xs, size_t n)
{
	size_t a, i, k, j;
	uint32_t s1[128], s2[128];
	uint32_t **stems = NULL;
	size_t *nstems = NULL;
	uint32_t *first_sent = NULL; /* per event: (article, sentence) of its first report */
	size_t capf = 0, caps = 0, capn = 0;
	struct {
		size_t article;
		uint32_t sent;
	} *used = NULL;
	size_t n_used = 0, cap_used = 0;

	for (a = 0; a < n; a++)
		for (i = 0; i < xs[a]->n_timexes; i++) {
			const struct chorus_timex *t = &xs[a]->timexes[i];
			const struct chorus_doc *d = xs[a]->doc;
			struct chorus_story_event *ev = NULL;
			size_t n1;
			if ((t->flags & (CHORUS_TIMEX_DURATION | CHORUS_TIMEX_UNRESOLVED)) || !t->value[0] ||
			    strchr(t->value, 'X') || strchr(t->value, 'W') || (d->sents[t->sent].flags & CHORUS_SENT_TITLE))
				continue;
			/* one event per sentence of an article: its first date */
			for (k = 0; k < n_used; k++)
				if (used[k].article == a && used[k].sent == t->sent)
					break;
			if (k < n_used)
				continue;
			CHORUS_GROW(used, n_used + 1, cap_used);
			used[n_used].article = a;
			used[n_used].sent = t->sent;
			n_used++;
			n1 = stems_of(d, t->sent, s1, 128);
			for (k = 0; k < s->n_events; k++) {
				if (strcmp(s->events[k].date, t->value))
					continue;
				if (overlap(s1, n1, stems[k], nstems[k]) * 3 >= (n1 < nstems[k] ? n1 : nstems[k]) + 2) {
					ev = &s->events[k];
					break;
				}
			}
			if (ev) {
				for (j = 0; j < ev->n_articles && ev->articles[j] != a; j++)
					;
				if (j == ev->n_articles) {
					size_t *c = chorus__arena_alloc(im->arena, (ev->n_articles + 1) * sizeof(*c));
					memcpy(c, ev->articles, ev->n_articles * sizeof(*c));
					c[ev->n_articles++] = a;
					ev->articles = c;
				}
				continue;
			}
			CHORUS_GROW(s->events, s->n_events + 1, im->cap_v);
			CHORUS_GROW(first_sent, s->n_events + 1, capf);
			CHORUS_GROW(stems, s->n_events + 1, caps);
			CHORUS_GROW(nstems, s->n_events + 1, capn);
			ev = &s->events[s->n_events];
			memset(ev, 0, sizeof(*ev));
			snprintf(ev->date, sizeof(ev->date), "%s", t->value);
			ev->inferred = (t->flags & CHORUS_TIMEX_INFERRED) != 0;
			ev->sentence = sentence_dup(im->arena, d, t->sent);
			ev->articles = chorus__arena_alloc(im->arena, sizeof(size_t));
			ev->articles[0] = a;
			ev->n_articles = 1;
			first_sent[s->n_events] = t->sent;
			stems[s->n_events] = chorus__arena_alloc(im->arena, n1 * sizeof(uint32_t) + 1);
			memcpy(stems[s->n_events], s1, n1 * sizeof(uint32_t));
			nstems[s->n_events] = n1;
			s->n_events++;
			(void)s2;
		}
	if (s->n_events)
		qsort(s->events, s->n_events, sizeof(*s->events), event_cmp);
	free(stems);
	free(nstems);
	free(first_sent);
	free(used);
}

int chorus_extract_story(struct chorus_ctx *ctx, struct chorus_extraction *const *xs, size_t n,
			 struct chorus_story_extraction **out)
{
	struct chorus_story_extraction *s = chorus_xcalloc(1, sizeof(*s));
	struct simpl *im = chorus_xcalloc(1, sizeof(*im));

	(void)ctx;
	im->arena = chorus__arena_new(0);
	s->impl = im;
	infer_dates(s, xs, n);
	merge_entities(s, im, xs, n);
	collect_quotes(s, im, xs, n);
	sort_entities(s);
	collect_numbers(s, im, xs, n);
	build_timeline(s, im, xs, n);
	*out = s;
	return 0;
}

void chorus_story_extraction_free(struct chorus_story_extraction *s)
{
	struct simpl *im;

	if (!s)
		return;
	im = s->impl;
	if (im) {
		chorus__arena_free(im->arena);
		free(im);
	}
	free(s->entities);
	free(s->quotes);
	free(s->numbers);
	free(s->events);
	free(s);
}
