/*
 * extract/entities.c: named entities of one article, one canonical entity per referent.
 *
 * Names are runs of capitalised tokens within a sentence (joined by "of", "for", "de",
 * "al", "bin"); a leading stopword or a sentence-initial common word is dropped. A run
 * that starts with a title ("Russian President Vladimir Putin") is split into the
 * title and the person's name. A run is an outlet when the outlet table knows it, a
 * place when the gazetteer does, an organisation when it is an acronym or holds an
 * organisation word, a person when it has a title, two or three plain name words, or
 * stands before a cue verb. Then mentions are merged into entities by canonical key
 * (chorus_entity_key: transliteration variants fold), a surname joins the full name
 * ("Putin" -> "Vladimir Putin"), an acronym joins its expansion ("NATO" after "North
 * Atlantic Treaty Organization (NATO)", or by initials, or by the acronym table), and
 * a title alone ("the Russian President", "the UN chief") joins the last person seen
 * with a fitting title.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"

static const char *const verbs[] = { "spoke", "met", "told", "said", "says", "took", "went",
				     "gave", "made", "wrote", "won", "lost", "ran", "came",
				     "left", "declined", "signed", "ordered", "urged", "asked",
				     "announced", "visited", "called", "warned", "insisted",
				     "added", "argued", "is", "was", "has", "had", "will", NULL };

static const char *const starters[] = { "meanwhile", "nevertheless", "however", "also",
					"several", "such", "over", "since", "while",
					"after", "before", "when", "if", "although",
					"though", "despite", "according", "earlier", "later",
					"today", "yesterday", "tomorrow", "asked", "read", "maybe", "perhaps", "yes", "well", "now",
					"sadly", "fortunately", "unfortunately", "still", "indeed",
					"related", "follow", "still", "yet", "instead", NULL };

/* Names of things, not of people ("the Fifth Amendment", "the Minsk Agreement"). */
static const char *const thing_words[] = {
	"amendment", "act", "bill", "law", "agreement", "accord", "accords", "plan", "program",
	"programme", "deal", "doctrine", "war", "crisis", "summit", "conference", "election",
	"constitution", "charter", "convention", "protocol", "resolution", "award", "prize",
	"day", "street", "avenue", "road", "square", "river", "mountain", "lake", "sea", "ocean",
	"bay", "park", "peninsula", "island", "islands", "bridge", "mine", "tower", "hall",
	"station", NULL
};

/* Groups named as a whole, which a cue verb does not make a person ("Republicans said"). */
static const char *const groups[] = {
	"republicans", "democrats", "conservatives", "liberals", "progressives", "libertarians",
	"independents", "americans", "europeans", "israelis", "palestinians", "russians",
	"ukrainians", "republican", "democrat", "democratic", "gop", "christians", "muslims",
	"jews", "catholics", "protestants", "officials", "separatists", "rebels", "allies", NULL
};

static const char *const honorifics[] = { "mr", "mrs", "ms", "dr", "miss", "sir", "dame", NULL };

/* Title words that are also surnames: last in a run after a first name ("Charlie King",
 * "Gloria Major") they are the name, not a title. */
static const char *const surname_titles[] = { "king", "major", NULL };

static const char *const conn[] = { "of", "for", "de", "al", "bin", "von", "van", "la", NULL };

/* C_PERSON_MAYBE: two to four plain name words; a person when the article uses its
 * last word alone too ("Gerry Connolly" ... "Connolly"), else other. */
enum cand_kind { C_NONE = 0, C_PERSON, C_ORG, C_PLACE, C_OUTLET, C_OTHER, C_TITLE, C_PERSON_MAYBE };

struct cand {
	uint32_t b, e;       /* name tokens [b, e) */
	uint32_t tb, te;     /* title tokens [tb, te), empty when none */
	uint32_t kind;       /* enum cand_kind */
	uint32_t flags;      /* enum chorus_mention_flags */
	uint32_t sent;
	const char *name;    /* display name (arena) */
	const char *key;     /* canonical key (arena) */
	const char *code;    /* places: ISO code */
	int entity;          /* assigned entity, -1 before */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

/* ---- Lowercase occurrences: is a capitalised word also used as a common word? ---- */

struct idset {
	uint32_t *slots;
	size_t mask;
};

static void idset_add(struct idset *s, uint32_t id)
{
	size_t j = (size_t)(id * 2654435761u) & s->mask;

	while (s->slots[j] && s->slots[j] != id)
		j = (j + 1) & s->mask;
	s->slots[j] = id;
}

static int idset_has(const struct idset *s, uint32_t id)
{
	size_t j = (size_t)(id * 2654435761u) & s->mask;

	while (s->slots[j]) {
		if (s->slots[j] == id)
			return 1;
		j = (j + 1) & s->mask;
	}
	return 0;
}

static void mark_lower_seen(struct xwork *w)
{
	const struct chorus_doc *d = w->doc;
	struct idset set;
	size_t i, n = 64;

	while (n < d->n_tokens * 2 + 2)
		n *= 2;
	set.slots = chorus_xcalloc(n, sizeof(*set.slots));
	set.mask = n - 1;
	for (i = 0; i < d->n_tokens; i++)
		if ((d->tokens[i].flags & CHORUS_TOK_WORD) && !(d->tokens[i].flags & CHORUS_TOK_CAP) &&
		    d->tokens[i].norm)
			idset_add(&set, d->tokens[i].norm);
	w->lower_seen = chorus_xcalloc(d->n_tokens + 1, 1);
	for (i = 0; i < d->n_tokens; i++)
		if ((d->tokens[i].flags & CHORUS_TOK_CAP) && idset_has(&set, d->tokens[i].norm))
			w->lower_seen[i] = 1;
	/* capitalised inside a sentence, after a word: a name wherever it stands */
	memset(set.slots, 0, n * sizeof(*set.slots));
	{
		size_t si;
		for (si = 0; si < d->n_sents; si++)
			for (i = d->sents[si].tok_begin + 1; i < d->sents[si].tok_end; i++)
				if ((d->tokens[i].flags & CHORUS_TOK_CAP) &&
				    (d->tokens[i - 1].flags & CHORUS_TOK_WORD) && d->tokens[i].norm)
					idset_add(&set, d->tokens[i].norm);
	}
	w->cap_mid = chorus_xcalloc(d->n_tokens + 1, 1);
	for (i = 0; i < d->n_tokens; i++)
		if ((d->tokens[i].flags & CHORUS_TOK_CAP) && idset_has(&set, d->tokens[i].norm))
			w->cap_mid[i] = 1;
	free(set.slots);
}

/* ---- Runs -------------------------------------------------------------------------- */

static const char *const not_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "sept", "oct", "nov", "dec", "it's", "that's",
	"there's", "he's", "she's", "what's", "here's", "let's", "i'm", "we're", "they're", NULL
};

static int name_like(const struct xwork *w, size_t i)
{
	uint32_t f = tok_f(w, i);

	if (!(f & (CHORUS_TOK_CAP | CHORUS_TOK_UPPER)) || !(f & CHORUS_TOK_WORD))
		return 0;
	return !chorus__tok_in(w, i, not_names);
}

/* "CNN's", "Russia's": a possessive inside a run ends the owner's name. */
static int possessive(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	if (chorus__word_eq(s, n, "people's"))
		return 0; /* "Donetsk People's Republic" is one name */
	/* "Workers'" (a plural's possessive) stays inside names: "Transit Workers' Federation" */
	return n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S');
}

static int connector(const struct xwork *w, size_t i)
{

	return !(tok_f(w, i) & CHORUS_TOK_CAP) && chorus__tok_in(w, i, conn);
}

/* Sentence-initial words that are not names even when never seen in lowercase. */
static int common_start(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	if (w->lower_seen[i])
		return 1;
	if (w->cap_mid[i])
		return 0;
	if (n > 4 && !memcmp(s + n - 3, "ing", 3))
		return 1; /* "Responding", "Talking" */
	if (n > 5 && !memcmp(s + n - 2, "ly", 2))
		return 1; /* "Reportedly" */
	{
		return chorus__tok_in(w, i, starters);
	}
}

/* Token b opens its sentence, its quotation or its clause after a colon. */
static int initial(const struct xwork *w, const struct chorus_sentence *st, size_t b)
{
	size_t i = b;

	while (i > st->tok_begin && (tok_f(w, i - 1) & CHORUS_TOK_PUNCT) && !chorus__tok_punct(w, i - 1, ","))
		i--;
	return i == st->tok_begin || (i < b && (chorus__tok_punct(w, b - 1, ":") || chorus__tok_punct(w, b - 1, "\"")));
}

static char *tokspan_dup(struct xwork *w, size_t b, size_t e)
{
	const char *s = tok_s(w, b);
	size_t n = (size_t)(w->doc->tokens[e - 1].end - w->doc->tokens[b].start);

	/* a possessive at the end is not part of the name */
	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
		n -= 2;
	else if (n > 1 && s[n - 1] == '\'')
		n--;
	return chorus__arena_strndup(w->arena, s, n);
}

static const char *key_dup(struct xwork *w, const char *name)
{
	char key[256];

	chorus_entity_key(name, strlen(name), key, sizeof(key));
	return chorus__arena_strdup(w->arena, key);
}

static struct cand *cand_add(struct cands *cs)
{
	struct cand *c;

	CHORUS_GROW(cs->v, cs->n + 1, cs->cap);
	c = &cs->v[cs->n++];
	memset(c, 0, sizeof(*c));
	c->entity = -1;
	return c;
}

static int any_in(const struct xwork *w, size_t b, size_t e, const char *const *list)
{
	size_t i;

	for (i = b; i < e; i++)
		if (chorus__tok_in(w, i, list))
			return 1;
	return 0;
}

/* Name words only: no common word, place or demonym ("North Atlantic", "Normandy Four"). */
static int plain_name(const struct xwork *w, size_t b, size_t e)
{
	size_t i;
	struct chorus__place pl;

	for (i = b; i < e; i++) {
		if (w->lower_seen[i] || (tok_f(w, i) & (CHORUS_TOK_UPPER | CHORUS_TOK_STOP)) ||
		    chorus__place_find(w->gaz, tok_s(w, i), tok_n(w, i), &pl) || connector(w, i) ||
		    possessive(w, i))
			return 0;
	}
	return 1;
}

/* Token i is a verb whose subject a person is ("Vladimir Putin spoke", "... met"). */
static int subject_verb(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	if (!(tok_f(w, i) & CHORUS_TOK_WORD) || (tok_f(w, i) & CHORUS_TOK_CAP))
		return 0;
	return chorus__tok_in(w, i, verbs) || (n > 4 && !memcmp(s + n - 2, "ed", 2));
}

/* "R-Utah", "D-Mass.": a lawmaker's party and state, not a name. */
static int party_state(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	return n >= 3 && (s[0] == 'R' || s[0] == 'D' || s[0] == 'I') && s[1] == '-' &&
	       isupper((unsigned char)s[2]);
}

/* Classifies the name part [b, e) of a run (no title) and fills c. */
static void classify(struct xwork *w, struct cand *c, size_t b, size_t e, size_t sent_end)
{
	struct chorus__place pl;
	const char *s = tok_s(w, b);
	size_t n = (size_t)(w->doc->tokens[e - 1].end - w->doc->tokens[b].start);
	uint32_t akind;
	const char *full;

	c->b = (uint32_t)b;
	c->e = (uint32_t)e;
	c->name = tokspan_dup(w, b, e);
	if (chorus__outlet_find(s, n) && !(e - b == 1 && w->lower_seen[b])) {
		c->kind = C_OUTLET;
		c->name = chorus__outlet_find(s, n);
	} else if (chorus__place_find(w->gaz, c->name, strlen(c->name), &pl)) {
		c->kind = C_PLACE;
		c->code = pl.code;
		if (pl.demonym)
			c->flags |= CHORUS_MENTION_DEMONYM;
		c->name = pl.name;
	} else if (e - b == 1 && (full = chorus__acronym_expand(c->name, strlen(c->name), &akind))) {
		c->kind = akind == CHORUS_ENT_PLACE ? C_PLACE : C_ORG;
		c->flags |= CHORUS_MENTION_ACRONYM;
		c->key = key_dup(w, full);
		c->name = full;
	} else if (e - b == 1 && (tok_f(w, b) & CHORUS_TOK_UPPER)) {
		/* an unknown acronym; a long all-capitals word is a shouted word or a dateline */
		c->kind = n <= 5 ? C_ORG : C_OTHER;
		if (n <= 5)
			c->flags |= CHORUS_MENTION_ACRONYM;
	} else if (chorus__word_eq(tok_s(w, e - 1), tok_n(w, e - 1), "republic") ||
		   chorus__word_eq(tok_s(w, e - 1), tok_n(w, e - 1), "republics")) {
		c->kind = C_PLACE;
	} else if (any_in(w, b, e, chorus__org_words)) {
		c->kind = C_ORG;
	} else if (any_in(w, b, e, thing_words) || (e - b == 1 && chorus__tok_in(w, b, groups))) {
		c->kind = C_OTHER; /* "the Fifth Amendment", "Republicans" */
	} else if (e - b == 1 && party_state(w, b)) {
		c->kind = C_NONE; /* "(R-Utah)": dropped */
	} else if (e < sent_end && chorus__tok_in(w, e, chorus__cue_verbs) && e - b <= 3 &&
		   !(e - b == 1 && w->lower_seen[b])) {
		c->kind = C_PERSON;
	} else if (e - b >= 2 && e - b <= 4 && plain_name(w, b, e)) {
		c->kind = e < sent_end && subject_verb(w, e) ? C_PERSON : C_PERSON_MAYBE;
	} else {
		c->kind = C_OTHER;
	}
	if (!c->key)
		c->key = key_dup(w, c->name);
	c->flags |= CHORUS_MENTION_NAME;
}

/* A hyphenated adjective from a place: "Moscow-backed", "Russian-speaking". */
static int hyphen_place(struct xwork *w, struct cands *cs, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);
	const char *h = memchr(s, '-', n);
	struct chorus__place pl;
	struct cand *c;

	if (!h || h == s || h + 1 >= s + n || !islower((unsigned char)h[1]))
		return 0;
	if (!chorus__place_find(w->gaz, s, (size_t)(h - s), &pl))
		return 1; /* an adjective, not a name: skip it */
	c = cand_add(cs);
	c->b = (uint32_t)i;
	c->e = (uint32_t)i + 1;
	c->kind = C_PLACE;
	c->name = pl.name;
	c->code = pl.code;
	c->key = key_dup(w, pl.name);
	c->flags = CHORUS_MENTION_NAME | (pl.demonym ? CHORUS_MENTION_DEMONYM : 0);
	c->sent = chorus__tok_sent(w, i);
	return 1;
}

/* "Moscow-backed", "Russian-speaking": a capitalised adjective, not a name word. */
static int adj_hyphen(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);
	const char *h = memchr(s, '-', n);

	struct chorus__place pl;

	return h && h + 1 < s + n && islower((unsigned char)h[1]) &&
	       !chorus__tok_in(w, i, chorus__title_words) &&
	       chorus__place_find(w->gaz, s, (size_t)(h - s), &pl);
}

/* The last token of a title with a connector after its title word t, in the run [t, e):
 * "Secretary of State John F. Kerry" is the title "Secretary of State" and the name
 * "John F. Kerry" (the last two words, three with an initial between), when at least
 * three words follow the connector; "High Commissioner for Foreign Affairs" is a title
 * with no name. */
static size_t title_of_end(const struct xwork *w, size_t t, size_t e)
{
	size_t n = e - (t + 2), name = 2;

	if (e >= t + 4 && tok_n(w, e - 2) == 2 && tok_s(w, e - 2)[1] == '.')
		name = 3;
	if (n < 3 || n < name + 1)
		return e - 1;
	return e - name - 1;
}

/*
 * Where the title that ends a run begun at b starts: "High Commissioner for Foreign and
 * Security Policy Josep Borrell" holds one title across "and", whose first half is a run of
 * its own (capitalized words and connectors with a title word among them, after any
 * owner: "the European Union's").
 */
static size_t title_start(const struct xwork *w, const struct chorus_sentence *st, size_t b)
{
	size_t k;
	int titled = 0;

	/* "... for Foreign and": one word between the office's connector and "and" (not
	 * "Secretary of State Jon Kerr and", a person before the next title) */
	if (b < st->tok_begin + 3 || !chorus__tok_is(w, b - 1, "and") || !name_like(w, b - 2) ||
	    !connector(w, b - 3))
		return b;
	for (k = b - 1; k > st->tok_begin && !possessive(w, k - 1) && !chorus__tok_punct(w, k - 1, "'s") &&
		 (name_like(w, k - 1) || connector(w, k - 1)); k--)
		titled |= chorus__tok_in(w, k - 1, chorus__title_words);
	while (k < b - 1 && connector(w, k))
		k++;
	return titled ? k : b;
}

static void scan_sentence(struct xwork *w, struct cands *cs, size_t si)
{
	const struct chorus_sentence *st = &w->doc->sents[si];
	size_t i = st->tok_begin, end = st->tok_end;

	while (i < end) {
		size_t b, e, j, t;
		int has_the;
		struct cand *c;

		/* "the president", "the UN chief": a title alone, lowercase head */
		if (chorus__tok_is(w, i, "the") && i + 1 < end && !name_like(w, i + 1) &&
		    chorus__tok_in(w, i + 1, chorus__title_words) && !(i + 2 < end && name_like(w, i + 2))) {
			c = cand_add(cs);
			c->b = c->tb = (uint32_t)i + 1;
			c->e = c->te = (uint32_t)i + 2;
			c->kind = C_TITLE;
			c->flags = CHORUS_MENTION_TITLE;
			c->sent = (uint32_t)si;
			i += 2;
			continue;
		}
		if (!name_like(w, i)) {
			i++;
			continue;
		}
		if (adj_hyphen(w, i) && hyphen_place(w, cs, i)) {
			i++;
			continue;
		}
		b = i;
		e = i + 1;
		while (e < end && !possessive(w, e - 1) && !chorus__tok_punct(w, e, "'s")) {
			if (name_like(w, e) && !adj_hyphen(w, e)) {
				e++;
			} else if (connector(w, e) && e + 1 < end && name_like(w, e + 1)) {
				e++;
			} else if (chorus__tok_is(w, e, "the") && e + 1 < end && name_like(w, e + 1) &&
				   chorus__tok_is(w, e - 1, "of")) {
				e++;
			} else {
				break;
			}
		}
		i = e;
		has_the = b > st->tok_begin && chorus__tok_is(w, b - 1, "the");
		/* an outlet with "The" in its name, whole */
		if (chorus__tok_is(w, b, "the") && e - b >= 2 &&
		    chorus__outlet_find(tok_s(w, b), (size_t)(w->doc->tokens[e - 1].end - w->doc->tokens[b].start))) {
			c = cand_add(cs);
			c->sent = (uint32_t)si;
			classify(w, c, b, e, end);
			continue;
		}
		/* "Elijah Cummings of Maryland": a name, then where the person is from */
		for (j = b + 2; j + 1 < e; j++) {
			struct chorus__place pl;
			if (chorus__tok_is(w, j, "of") &&
			    chorus__place_find(w->gaz, tok_s(w, j + 1),
					       (size_t)(w->doc->tokens[e - 1].end - w->doc->tokens[j + 1].start), &pl) &&
			    !any_in(w, b, j, chorus__org_words) && !pl.demonym) {
				struct cand *pc = cand_add(cs);
				pc->sent = (uint32_t)si;
				classify(w, pc, j + 1, e, end);
				e = j;
				break;
			}
		}
		/* drop leading stopwords and sentence-initial common words */
		while (b < e && ((tok_f(w, b) & CHORUS_TOK_STOP) ||
				 (initial(w, st, b) && common_start(w, b) &&
				  !chorus__tok_in(w, b, chorus__title_words)))) {
			has_the = chorus__tok_is(w, b, "the");
			b++;
		}
		while (e > b && connector(w, e - 1))
			e--;
		if (b >= e)
			continue;
		/* a lowercase title head right after: "UN chief", "Kremlin spokesman" */
		if (e < end && !name_like(w, e) && chorus__tok_in(w, e, chorus__title_words) &&
		    !(e + 1 < end && name_like(w, e + 1))) {
			int all_q = 1;
			for (j = b; j < e; j++)
				if (chorus__tok_in(w, j, chorus__title_words))
					all_q = 0;
			if (all_q && (has_the || e - b <= 2)) {
				c = cand_add(cs);
				c->b = c->tb = (uint32_t)b;
				c->e = c->te = (uint32_t)e + 1;
				c->kind = C_TITLE;
				c->flags = CHORUS_MENTION_TITLE;
				c->sent = (uint32_t)si;
				i = e + 1;
				continue;
			}
		}
		/* split a leading title: the last title word with a name after it */
		t = e;
		for (j = b; j < e; j++)
			if (chorus__tok_in(w, j, chorus__title_words))
				t = j;
		c = cand_add(cs);
		c->sent = (uint32_t)si;
		if (t + 1 < e && connector(w, t + 1))
			t = title_of_end(w, t, e);
		/* "Mr. King", "Dr. Major": after an honorific a title word is the name */
		if (t < e && t > b && chorus__tok_in(w, t - 1, honorifics))
			t = t - 1;
		/* "Charlie King", "Martin Luther King": given names, then a title word that is a
		 * surname */
		if (t + 1 == e && t > b && chorus__tok_in(w, t, surname_titles) && !has_the &&
		    !any_in(w, b, t, chorus__title_words) && !(tok_f(w, b) & CHORUS_TOK_UPPER)) {
			struct chorus__place pl;
			if (!chorus__place_find(w->gaz, tok_s(w, b), tok_n(w, b), &pl))
				t = e;
		}
		if (t < e && !any_in(w, t + 1, e, chorus__org_words) &&
		    !(chorus__outlet_find(tok_s(w, b), (size_t)(w->doc->tokens[e - 1].end - w->doc->tokens[b].start)))) {
			if (t + 1 < e) {
				c->tb = (uint32_t)title_start(w, st, b);
				c->te = (uint32_t)t + 1;
				classify(w, c, t + 1, e, end);
				if (c->kind == C_OTHER || c->kind == C_ORG || c->kind == C_PLACE ||
				    c->kind == C_PERSON_MAYBE) {
					/* a title makes a person: "PM Khan", "President Biden" */
					c->kind = C_PERSON;
					c->code = NULL;
					c->flags &= ~(uint32_t)(CHORUS_MENTION_ACRONYM | CHORUS_MENTION_DEMONYM);
					c->name = tokspan_dup(w, t + 1, e);
					c->key = key_dup(w, c->name);
				}
			} else {
				c->b = c->tb = (uint32_t)b;
				c->e = c->te = (uint32_t)e;
				c->kind = C_TITLE;
				c->flags = CHORUS_MENTION_TITLE;
			}
			continue;
		}
		classify(w, c, b, e, end);
		/* "North Atlantic Treaty Organization (NATO)": the acronym is an alias */
		if (e + 2 < end && chorus__tok_punct(w, e, "(") && (tok_f(w, e + 1) & CHORUS_TOK_UPPER) &&
		    chorus__tok_punct(w, e + 2, ")") && e - b >= 2) {
			struct cand *a = cand_add(cs);
			c = &cs->v[cs->n - 2];
			a->b = (uint32_t)e + 1;
			a->e = (uint32_t)e + 2;
			a->sent = (uint32_t)si;
			a->kind = c->kind == C_PERSON ? C_ORG : c->kind;
			if (c->kind == C_PERSON) {
				c->kind = C_ORG;
			}
			a->name = c->name;
			a->key = c->key;
			a->flags = CHORUS_MENTION_NAME | CHORUS_MENTION_ACRONYM;
			i = e + 3;
		}
	}
}

/* ---- Merging into entities ----------------------------------------------------------- */

static const char *last_word(const char *key)
{
	const char *sp = strrchr(key, ' ');
	return sp ? sp + 1 : key;
}

static uint32_t ent_kind(uint32_t ck)
{
	switch (ck) {
	case C_PERSON: return CHORUS_ENT_PERSON;
	case C_ORG: return CHORUS_ENT_ORG;
	case C_PLACE: return CHORUS_ENT_PLACE;
	case C_OUTLET: return CHORUS_ENT_OUTLET;
	default: return CHORUS_ENT_OTHER;
	}
}

/* A string -> int map for one article (keys borrowed; the first value put stays). */
struct smap {
	const char **k;
	int *v;
	size_t mask;
};

static void smap_init(struct smap *m, size_t n)
{
	size_t cap = 64;

	while (cap < n * 2 + 2)
		cap *= 2;
	m->k = chorus_xcalloc(cap, sizeof(*m->k));
	m->v = chorus_xcalloc(cap, sizeof(*m->v));
	m->mask = cap - 1;
}

static void smap_release(struct smap *m)
{
	free(m->k);
	free(m->v);
}

static size_t smap_slot(const struct smap *m, const char *key)
{
	uint64_t h = 1469598103934665603ull;
	const char *p;
	size_t j;

	for (p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	j = (size_t)h & m->mask;
	while (m->k[j] && strcmp(m->k[j], key))
		j = (j + 1) & m->mask;
	return j;
}

static int smap_get(const struct smap *m, const char *key)
{
	size_t j = smap_slot(m, key);
	return m->k[j] ? m->v[j] : -1;
}

static void smap_put(struct smap *m, const char *key, int v)
{
	size_t j = smap_slot(m, key);

	if (!m->k[j]) {
		m->k[j] = key;
		m->v[j] = v;
	}
}

struct emaps {
	struct smap key;     /* entity key -> entity */
	struct smap surname; /* last word of a person's full name -> entity */
};

static int find_entity(const struct emaps *em, const char *key)
{
	return smap_get(&em->key, key);
}

/* A person entity whose surname (last word of the key) is key. */
static int find_surname(const struct emaps *em, const char *key)
{
	return smap_get(&em->surname, key);
}

static int new_entity(struct xwork *w, struct emaps *em, const struct cand *c)
{
	struct chorus_entity *e = chorus__add_entity(w);
	int id = (int)(w->x->n_entities - 1);

	e->name = c->name;
	e->key = c->key;
	e->kind = ent_kind(c->kind);
	e->code = c->code;
	smap_put(&em->key, e->key, id);
	if (e->kind == CHORUS_ENT_PERSON && strchr(e->key, ' '))
		smap_put(&em->surname, last_word(e->key), id);
	return id;
}

/* Initials of a multiword name key, skipping small words: "north atlantic treaty organization" -> "nato". */
static void initials(const char *key, char *out, size_t cap)
{
	size_t o = 0;
	const char *p = key;

	while (*p && o + 1 < cap) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		if (!(n == 2 && !memcmp(p, "of", 2)) && !(n == 3 && !memcmp(p, "the", 3)) &&
		    !(n == 3 && !memcmp(p, "for", 3)) && !(n == 3 && !memcmp(p, "and", 3)))
			out[o++] = *p;
		p = sp ? sp + 1 : p + n;
	}
	out[o] = '\0';
}

static int title_fits(struct xwork *w, const struct cand *t, const struct chorus_entity *e)
{
	char tkey[256], qkey[128];
	size_t i;
	int head_ok = 0;
	const char *head;

	if (!e->title || e->kind != CHORUS_ENT_PERSON)
		return 0;
	chorus_entity_key(e->title, strlen(e->title), tkey, sizeof(tkey));
	/* the head word (last) */
	chorus_entity_key(tok_s(w, t->te - 1), tok_n(w, t->te - 1), qkey, sizeof(qkey));
	head = qkey;
	if (!strcmp(head, "chief") || !strcmp(head, "leader") || !strcmp(head, "head"))
		head_ok = 1;
	else if (strstr(tkey, head))
		head_ok = 1;
	if (!head_ok)
		return 0;
	/* every qualifier must fit: as a word of the title, its expansion, or its place */
	for (i = t->tb; i + 1 < t->te; i++) {
		const char *s = tok_s(w, i);
		size_t n = tok_n(w, i);
		uint32_t k;
		const char *full;
		struct chorus__place pl, pl2;
		int ok = 0;

		if (tok_f(w, i) & CHORUS_TOK_STOP)
			continue;
		chorus_entity_key(s, n, qkey, sizeof(qkey));
		if (strstr(tkey, qkey))
			ok = 1;
		if (!ok && (full = chorus__acronym_expand(s, n, &k))) {
			char fk[256];
			chorus_entity_key(full, strlen(full), fk, sizeof(fk));
			if (strstr(tkey, fk))
				ok = 1;
		}
		if (!ok && chorus__place_find(w->gaz, s, n, &pl)) {
			/* "Ukrainian President" fits "Ukraine President" */
			const char *p = e->title;
			while (*p && !ok) {
				const char *sp = strchr(p, ' ');
				size_t m = sp ? (size_t)(sp - p) : strlen(p);
				if (chorus__place_find(w->gaz, p, m, &pl2) && !strcmp(pl.code, pl2.code))
					ok = 1;
				p = sp ? sp + 1 : p + m;
			}
		}
		if (!ok)
			return 0;
	}
	return 1;
}

static void merge(struct xwork *w, struct cands *cs)
{
	size_t i, j;
	int *last_pos;
	struct smap keys, person_sur;
	struct emaps em;

	/* 0. a maybe-person is a person when its surname stands alone elsewhere, or a
	 * person of that surname is known */
	smap_init(&keys, cs->n);
	smap_init(&person_sur, cs->n);
	smap_init(&em.key, cs->n);
	smap_init(&em.surname, cs->n);
	for (i = 0; i < cs->n; i++) {
		if (cs->v[i].kind == C_TITLE)
			continue;
		smap_put(&keys, cs->v[i].key, (int)i);
		if (cs->v[i].kind == C_PERSON)
			smap_put(&person_sur, last_word(cs->v[i].key), (int)i);
	}
	for (i = 0; i < cs->n; i++) {
		struct cand *c = &cs->v[i];
		const char *sur;
		if (c->kind != C_PERSON_MAYBE)
			continue;
		sur = last_word(c->key);
		c->kind = smap_get(&keys, sur) >= 0 || smap_get(&person_sur, sur) >= 0 ? C_PERSON : C_OTHER;
	}
	smap_release(&keys);
	smap_release(&person_sur);
	/* 1. full names of people first, so that a surname seen earlier joins them */
	for (i = 0; i < cs->n; i++) {
		struct cand *c = &cs->v[i];
		int id;
		if (c->kind != C_PERSON || !strchr(c->key, ' '))
			continue;
		id = find_entity(&em, c->key);
		if (id < 0) {
			/* same surname and same first initial: one person ("Volodymr"/"Volodymyr") */
			id = find_surname(&em, last_word(c->key));
			if (id >= 0 && w->x->entities[id].key[0] != c->key[0])
				id = -1;
		}
		if (id < 0)
			id = new_entity(w, &em, c);
		c->entity = id;
	}
	/* 2. everything else by key, surname, initials */
	for (i = 0; i < cs->n; i++) {
		struct cand *c = &cs->v[i];
		int id;
		if (c->entity >= 0 || c->kind == C_TITLE || c->kind == C_NONE)
			continue;
		id = find_entity(&em, c->key);
		if (id < 0 && !strchr(c->key, ' ') && c->kind != C_PLACE && c->kind != C_OUTLET)
			id = find_surname(&em, c->key);
		if (id < 0 && c->kind == C_ORG) {
			/* "Transport Authority" after "Halvard Transport Authority" */
			size_t kl = strlen(c->key);
			for (j = 0; j < w->x->n_entities && id < 0; j++) {
				const char *ek = w->x->entities[j].key;
				size_t el = strlen(ek);
				if (w->x->entities[j].kind == CHORUS_ENT_ORG && el > kl + 1 &&
				    ek[el - kl - 1] == ' ' && !strcmp(ek + el - kl, c->key))
					id = (int)j;
			}
		}
		if (id < 0 && (c->flags & CHORUS_MENTION_ACRONYM) && !strchr(c->key, ' ')) {
			for (j = 0; j < w->x->n_entities && id < 0; j++) {
				char ini[64];
				if (!strchr(w->x->entities[j].key, ' '))
					continue;
				initials(w->x->entities[j].key, ini, sizeof(ini));
				if (!strcmp(ini, c->key))
					id = (int)j;
			}
		}
		if (id < 0)
			id = new_entity(w, &em, c);
		else if (w->x->entities[id].kind == CHORUS_ENT_OTHER && c->kind != C_OTHER)
			w->x->entities[id].kind = ent_kind(c->kind);
		c->entity = id;
	}
	smap_release(&em.key);
	smap_release(&em.surname);
	/* 3. titles of people, and titles alone resolved to the last fitting person */
	last_pos = chorus_xmalloc(chorus_xmul(w->x->n_entities + 1, sizeof(*last_pos)));
	for (j = 0; j < w->x->n_entities; j++)
		last_pos[j] = -1;
	for (i = 0; i < cs->n; i++) {
		struct cand *c = &cs->v[i];
		if (c->kind == C_TITLE) {
			int best = -1;
			for (j = 0; j < w->x->n_entities; j++)
				if (title_fits(w, c, &w->x->entities[j]) &&
				    (best < 0 || last_pos[j] > last_pos[best]))
					best = (int)j;
			c->entity = best;
			continue;
		}
		if (c->entity >= 0) {
			struct chorus_entity *e = &w->x->entities[c->entity];
			last_pos[c->entity] = (int)i;
			if (c->te > c->tb && !e->title && e->kind == CHORUS_ENT_PERSON)
				e->title = tokspan_dup(w, c->tb, c->te);
			if (strlen(c->name) > strlen(e->name) && c->kind == C_PERSON &&
			    e->kind == CHORUS_ENT_PERSON)
				e->name = c->name;
		}
	}
	free(last_pos);
}

static int mention_cmp(const void *a, const void *b)
{
	const struct chorus_mention *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/*
 * The dateline names places ("PORT ALDER, Veranth (NWA) - "): an entity of unknown kind
 * that is one of its comma-separated parts is a place, gazetteer or not.
 */
static void dateline_places(struct xwork *w)
{
	const char *dl = w->doc->dateline_place, *p;
	size_t i;

	if (!dl)
		return;
	for (i = 0; i < w->x->n_entities; i++) {
		struct chorus_entity *e = &w->x->entities[i];
		size_t n = strlen(e->name);

		if (e->kind != CHORUS_ENT_OTHER || !n)
			continue;
		for (p = dl; *p;) {
			size_t len = strcspn(p, ",");

			if (len == n && !strncasecmp(p, e->name, n)) {
				e->kind = CHORUS_ENT_PLACE;
				break;
			}
			p += len;
			while (*p == ',' || *p == ' ')
				p++;
		}
	}
}

void chorus__extract_entities(struct xwork *w)
{
	struct cands cs = { NULL, 0, 0 };
	struct chorus_entity *e;
	size_t i;

	mark_lower_seen(w);
	for (i = 0; i < w->doc->n_sents; i++)
		scan_sentence(w, &cs, i);
	merge(w, &cs);
	for (i = 0; i < cs.n; i++) {
		const struct cand *c = &cs.v[i];
		struct chorus_mention *m;
		if (c->entity < 0)
			continue;
		m = chorus__add_mention(w);
		m->start = w->doc->tokens[c->kind == C_TITLE ? c->tb : (c->te > c->tb ? c->tb : c->b)].start;
		m->end = w->doc->tokens[c->e - 1].end;
		if (c->kind != C_TITLE && c->te > c->tb) /* the mention is the name; the title is kept */
			m->start = w->doc->tokens[c->b].start;
		m->entity = (uint32_t)c->entity;
		m->sent = c->sent;
		m->flags = c->flags;
	}
	dateline_places(w);
	/* text order (a place split off a name is found before the name) */
	if (w->x->n_mentions)
		qsort(w->x->mentions, w->x->n_mentions, sizeof(*w->x->mentions), mention_cmp);
	for (i = 0; i < w->x->n_mentions; i++) {
		e = &w->x->entities[w->x->mentions[i].entity];
		if (!e->mentions)
			e->first = (uint32_t)i;
		e->mentions++;
	}
	free(cs.v);
}

/* Registers the word lists of this module for chorus__tok_in(). */
void chorus__entities_words(void)
{
	chorus__words_register(verbs);
	chorus__words_register(starters);
	chorus__words_register(conn);
	chorus__words_register(honorifics);
	chorus__words_register(surname_titles);
	chorus__words_register(thing_words);
	chorus__words_register(groups);
	chorus__words_register(not_names);
}
