/*
 * extract/quotes.c: direct quotes, reported speech and their speakers; outlets cited.
 *
 * Quotation marks (the text stage makes them ASCII '"' and '\''; TeX `` '' are read
 * too) are classed as opening or closing by the characters around them and paired
 * with a stack, so that a quote inside a quote ("... the "independence" of ...") does
 * not end the outer one. A quote left open at the end of a paragraph continues when
 * the next paragraph opens with a quotation mark (the news convention for quotes over
 * several paragraphs).
 *
 * The speaker is found around a cue: first a cue after the quote in its sentence
 * ("...," Putin said / said Putin / he added / the official said / according to X),
 * then the subject of a clause ending in a colon right before it, then a cue before it
 * ("Guterres said, "..."", "according to X"), then ": UN chief" after a headline
 * quote. The subject of a cue is the name, title, pronoun or unnamed source right
 * before it (skipping adverbs, auxiliaries, "in 2010", a parenthesis, appositions and
 * "who" clauses), else the name right after it, else the nearest person before it in
 * the sentence; a cue in "-ing" ("..., saying "..."") hangs on the clause's subject.
 * "he"/"she" point back to the last person mentioned; "it"/"they" to the non-person
 * speaker before or an organisation, else the speaker is unknown but placed. A quote
 * with no cue of its own takes the subject of a quote-less sentence just before it,
 * else inherits the speaker of the quote just before it in the same or previous
 * paragraph; one after "as (a)" takes its clause's subject; a short quote with none of
 * these (a scare quote: "puppet") is not reported.
 */
#include <ctype.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"

static const char *const nounish[] = { "the", "a", "an", "including", "of", "his", "her",
				       "their", "its", "media", "news", "these", "those",
				       "such", "recent", "new", "many", NULL };

static const char *const adverbs[] = {
	"also", "later", "then", "further", "previously", "repeatedly", "strongly", "reportedly",
	"has", "had", "have", "was", "is", "once", "again", "publicly", "recently", "earlier",
	"separately", "simply", "just", "finally", "already", "flatly", "bluntly", "quickly",
	"would", "will", "has", "had", "did", "does", "told", "not", "often", "now", "never",
	"still", "always", "even", "first", "could", "might", "may", "can", "should", NULL
};

static const char *const pronouns[] = { "he", "she", "he's", "she's", NULL };

/* Pronouns that do not point to one person: a group, an organisation, a document. */
static const char *const other_pronouns[] = { "it", "they", NULL };

static const char *const participles[] = { "saying", "adding", "stating", "noting", "warning",
					   "telling", "insisting", "declaring", "explaining",
					   "asking", "urging", "arguing", "claiming", "announcing",
					   NULL };

static const char *const preps[] = { "with", "to", "of", "by", "after", "for", "from", "against",
				     "at", "on", "in", "about", "than", "between", "over", "toward",
				     "towards", "like", "into", NULL };

static const char *const extra_cues[] = { "termed", "described", "dubbed", "branded", "called",
					  "calling", "labelled", "labeled", "call", "ask", "asserting",
					  "referenced", "sings", "sang", "read", "nicknamed", NULL };

/* Verbs that give a name ("dubbed him "..."") */
static const char *const naming[] = { "called", "calls", "call", "calling", "dubbed", "nicknamed",
				      "labeled", "labelled", "branded", "termed", NULL };

struct qmark {
	uint32_t tok;  /* the mark's token */
	int single;    /* '\'' rather than '"' */
	int open, close; /* by its neighbours: could open, could close */
};

struct speaker {
	int found;
	int32_t entity;
	const char *name;
	uint32_t src_start, src_end;
	uint32_t cue_start, cue_end;
	uint32_t flags;
};

static const char *const be_forms[] = { "is", "are", "was", "were", "be", "been", "he's", "she's",
					"it's", "they're", NULL };

/* Words that go on inside a noun phrase ("the head of the agency", "a document on the
 * website") */
static const char *const np_links[] = { "of", "and", "in", "at", "on", "from", "for", "with", NULL };

static const char *const possessives[] = { "his", "her", "their", "its", "my", "our", "your", NULL };

/* "'s" that is "is" or "us", not a possessive */
static const char *const contractions[] = { "he's", "she's", "it's", "that's", "what's", "there's",
					    "here's", "who's", "let's", NULL };

/* Token b is a name's possessive ("Obama's"). */
static int name_possessive(const struct xwork *w, size_t b)
{
	size_t n = tok_n(w, b);

	return (tok_f(w, b) & CHORUS_TOK_CAP) && n > 3 && !memcmp(tok_s(w, b) + n - 2, "'s", 2) &&
	       !chorus__tok_in(w, b, contractions);
}

/* A cue in "-ing" ("saying", "suggesting", "calling"): it hangs on the subject of the
 * clause before it; after a form of "be" it is the verb of its own clause ("is calling"). */
static int participle(const struct xwork *w, size_t i)
{
	size_t n = tok_n(w, i);

	if (i > 0 && chorus__tok_in(w, i - 1, be_forms))
		return 0;
	return chorus__tok_in(w, i, participles) ||
	       (n > 5 && !memcmp(tok_s(w, i) + n - 3, "ing", 3) && chorus__tok_in(w, i, chorus__cue_verbs));
}

static int in_mention(const struct xwork *w, size_t i);

static int is_cue(const struct xwork *w, size_t i)
{

	/* "as Ms. Simonyan put it" */
	if ((chorus__tok_is(w, i, "put") || chorus__tok_is(w, i, "puts")) && chorus__tok_is(w, i + 1, "it"))
		return 1;
	if (!chorus__tok_in(w, i, chorus__cue_verbs) && !chorus__tok_in(w, i, extra_cues))
		return 0;
	/* "United States": a word of a name */
	if ((tok_f(w, i) & CHORUS_TOK_CAP) && in_mention(w, i))
		return 0;
	/* "including reports of ...", "the claims", "Trump's call": a noun, not a verb */
	return !(i > 0 && (chorus__tok_in(w, i - 1, nounish) || chorus__tok_in(w, i - 1, possessives) ||
			   name_possessive(w, i - 1)));
}

/* The first mention starting at or after byte offset pos (mentions are in text order
 * and do not overlap, so their ends are ordered too). */
static size_t mention_from(const struct xwork *w, uint32_t pos)
{
	size_t lo = 0, hi = w->x->n_mentions;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (w->x->mentions[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Token i is inside a mention. */
static int in_mention(const struct xwork *w, size_t i)
{
	size_t k = mention_from(w, w->doc->tokens[i].end);

	return k > 0 && w->x->mentions[k - 1].end >= w->doc->tokens[i].end;
}

/* The mention (index) whose tokens end at token i (or before its possessive "'s"), or -1. */
static int mention_ending(const struct xwork *w, size_t i)
{
	uint32_t end = w->doc->tokens[i].end;
	size_t k = mention_from(w, end);

	/* the candidates start before the token's end: look at the few just before */
	while (k-- > 0) {
		const struct chorus_mention *m = &w->x->mentions[k];
		if (m->end == end || (m->end + 2 == end && m->end >= w->doc->tokens[i].start))
			return (int)k;
		if (m->end < w->doc->tokens[i].start)
			break;
	}
	return -1;
}

static int mention_starting(const struct xwork *w, size_t i)
{
	uint32_t start = w->doc->tokens[i].start;
	size_t k = mention_from(w, start);

	return k < w->x->n_mentions && w->x->mentions[k].start == start ? (int)k : -1;
}

/* A person, or a name of two words or more that is nothing else (in a speaker's place,
 * "Michael McFaul" is a person even when the article names him once). */
static int person_like(const struct xwork *w, int k)
{
	const struct chorus_entity *e = &w->x->entities[w->x->mentions[k].entity];

	return e->kind == CHORUS_ENT_PERSON || (e->kind == CHORUS_ENT_OTHER && strchr(e->key, ' '));
}

static int speaker_kind_ok(const struct xwork *w, const struct chorus_mention *m)
{
	uint32_t kind = w->x->entities[m->entity].kind;

	if (m->flags & CHORUS_MENTION_DEMONYM)
		return 0;
	return kind == CHORUS_ENT_PERSON || kind == CHORUS_ENT_ORG || kind == CHORUS_ENT_OUTLET ||
	       kind == CHORUS_ENT_PLACE || kind == CHORUS_ENT_OTHER;
}

static void set_from_mention(const struct xwork *w, struct speaker *sp, int k)
{
	const struct chorus_mention *m = &w->x->mentions[k];

	sp->found = 1;
	sp->entity = (int32_t)m->entity;
	sp->name = w->x->entities[m->entity].name;
	sp->src_start = m->start;
	sp->src_end = m->end;
}

/* Byte offset pos is inside quotation marks (names there are not antecedents). */
static int in_quote(const struct xwork *w, uint32_t pos)
{
	size_t lo = 0, hi = w->doc->n_tokens;

	if (!w->inq)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (w->doc->tokens[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->doc->n_tokens && w->inq[lo];
}

static int after_prep(const struct xwork *w, int k);

/* The person a "he" or "she" at byte offset pos points to: the last person who is the
 * subject of the current or the previous sentence (the first person named in it, not
 * after a preposition), else the last person named; names inside quotations are not
 * antecedents. */
static int last_person_before(const struct xwork *w, uint32_t pos)
{
	size_t k = mention_from(w, pos), lo = 0, hi = w->doc->n_sents;
	int best = -1, first_cur = -1, first_prev = -1;
	uint32_t cur;

	while (lo < hi) { /* the sentence holding pos */
		size_t mid = (lo + hi) / 2;
		if (w->doc->sents[mid].end < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	cur = (uint32_t)lo;
	/* back through the mentions: the last person, and the first person of the current
	 * and of the previous sentence */
	while (k-- > 0) {
		const struct chorus_mention *m = &w->x->mentions[k];
		if (w->x->entities[m->entity].kind != CHORUS_ENT_PERSON || in_quote(w, m->start))
			continue;
		if (best < 0)
			best = (int)k;
		if (m->sent >= cur)
			first_cur = (int)k;
		else if (m->sent + 1 == cur)
			first_prev = (int)k;
		else
			break;
	}
	if (first_cur >= 0 && !after_prep(w, first_cur))
		return first_cur;
	if (first_cur < 0 && first_prev >= 0 && !after_prep(w, first_prev))
		return first_prev;
	if (first_cur >= 0 && first_prev >= 0 && !after_prep(w, first_prev))
		return first_prev;
	return best;
}

/* "it said", "they wrote": a pronoun subject that is not "he" or "she".
 * "it" and "they" take the speaker of the quote before (in the same or the previous
 * paragraph) when that one is not a person ("the report says ... it adds"); "it" else
 * the last organisation or outlet of this or the previous sentence. Otherwise the
 * speaker is unknown (no name) but its place in the text is kept. */
static int other_pronoun(struct xwork *w, size_t i, struct speaker *sp)
{
	const struct chorus_extraction *x = w->x;
	uint32_t s = chorus__tok_sent(w, i);
	int it = chorus__tok_is(w, i, "it");
	size_t k;

	if (!chorus__tok_in(w, i, other_pronouns))
		return 0;
	/* "said it would", "noted they had said": the subject of a reported clause */
	if (i > 0 && (is_cue(w, i - 1) || chorus__tok_is(w, i - 1, "that")))
		return 0;
	sp->found = 1;
	sp->entity = -1;
	sp->name = NULL;
	sp->src_start = w->doc->tokens[i].start;
	sp->src_end = w->doc->tokens[i].end;
	sp->flags |= CHORUS_QUOTE_PRONOUN;
	/* "the campaign contrasted her plan with what they call ...": the clause's subject */
	if (i > 0 && chorus__tok_is(w, i - 1, "what")) {
		for (k = mention_from(w, w->doc->sents[s].start);
		     k < x->n_mentions && x->mentions[k].start < sp->src_start; k++) {
			uint32_t kind = x->entities[x->mentions[k].entity].kind;
			if ((kind == CHORUS_ENT_PERSON || kind == CHORUS_ENT_ORG || kind == CHORUS_ENT_OUTLET) &&
			    !in_quote(w, x->mentions[k].start) && !after_prep(w, (int)k)) {
				set_from_mention(w, sp, (int)k);
				sp->flags &= ~(uint32_t)CHORUS_QUOTE_PRONOUN;
				return 1;
			}
		}
	}
	if (x->n_quotes) {
		const struct chorus_quote *q = &x->quotes[x->n_quotes - 1];
		if ((q->flags & CHORUS_QUOTE_DIRECT) && q->speaker_name &&
		    w->doc->sents[q->sent].para + 1 >= w->doc->sents[s].para &&
		    (q->speaker < 0 || x->entities[q->speaker].kind != CHORUS_ENT_PERSON)) {
			sp->entity = q->speaker;
			sp->name = q->speaker_name;
			sp->flags |= q->flags & CHORUS_QUOTE_UNNAMED;
			return 1;
		}
	}
	for (k = mention_from(w, w->doc->tokens[i].start); it && k-- > 0;) {
		const struct chorus_mention *m = &x->mentions[k];
		uint32_t kind = x->entities[m->entity].kind;
		if (m->sent + 1 < s)
			break;
		if ((kind == CHORUS_ENT_ORG || kind == CHORUS_ENT_OUTLET) && !in_quote(w, m->start)) {
			sp->entity = (int32_t)m->entity;
			sp->name = x->entities[m->entity].name;
			break;
		}
	}
	return 1;
}

static const char *const np_words[] = { "a", "an", "the", "another", "some", "several", "many",
					"two", "three", "other", "one", "few", "most", "more", NULL };

static int verbish(const struct xwork *w, size_t i)
{
	const char *s = tok_s(w, i);
	size_t n = tok_n(w, i);

	if (tok_f(w, i) & CHORUS_TOK_CAP)
		return 0;
	return (n > 4 && !memcmp(s + n - 3, "ing", 3)) || (n > 3 && !memcmp(s + n - 2, "ed", 2)) ||
	       chorus__tok_is(w, i, "with") || chorus__tok_is(w, i, "what") || chorus__tok_is(w, i, "that");
}

/* "a senior official", "the source", "Al-Jazeera correspondent": an unnamed source whose
 * head noun is token i; fills sp with its words. */
static int unnamed_np(struct xwork *w, size_t i, size_t lo, struct speaker *sp)
{
	size_t b = i;
	size_t k;

	if (!chorus__tok_in(w, i, chorus__source_nouns))
		return 0;
	/* back over determiners, numbers, adjectives and names; not over verbs or clauses */
	while (b > lo && b + 5 > i && !(tok_f(w, b - 1) & CHORUS_TOK_PUNCT) && !is_cue(w, b - 1) &&
	       !chorus__tok_in(w, b - 1, pronouns) &&
	       (!(tok_f(w, b - 1) & CHORUS_TOK_STOP) || chorus__tok_in(w, b - 1, np_words)) &&
	       !verbish(w, b - 1)) {
		b--;
		if (chorus__tok_is(w, b, "a") || chorus__tok_is(w, b, "an") || chorus__tok_is(w, b, "the") ||
		    chorus__tok_is(w, b, "another"))
			break;
	}
	sp->found = 1;
	sp->entity = -1;
	sp->src_start = w->doc->tokens[b].start;
	sp->src_end = w->doc->tokens[i].end;
	sp->flags |= CHORUS_QUOTE_UNNAMED;
	/* "the official" refers back to "a senior official" written before */
	if (chorus__tok_is(w, b, "the") && i == b + 1) {
		for (k = b; k-- > 0;) {
			size_t a;
			if (!chorus__word_eq(tok_s(w, k), tok_n(w, k), "") &&
			    tok_n(w, k) == tok_n(w, i) && !memcmp(tok_s(w, k), tok_s(w, i), tok_n(w, i))) {
				for (a = k; a > 0 && a + 4 > k; a--)
					if (chorus__tok_is(w, a - 1, "a") || chorus__tok_is(w, a - 1, "an")) {
						sp->name = chorus__arena_strndup(
							w->arena, tok_s(w, a - 1),
							w->doc->tokens[k].end - w->doc->tokens[a - 1].start);
						return 1;
					}
			}
		}
	}
	sp->name = chorus__arena_strndup(w->arena, w->doc->text + sp->src_start,
					 sp->src_end - sp->src_start);
	return 1;
}

static void set_unnamed(struct xwork *w, struct speaker *sp, size_t b, size_t i)
{
	sp->found = 1;
	sp->entity = -1;
	sp->src_start = w->doc->tokens[b].start;
	sp->src_end = w->doc->tokens[i].end;
	sp->flags |= CHORUS_QUOTE_UNNAMED;
	sp->name = chorus__arena_strndup(w->arena, w->doc->text + sp->src_start, sp->src_end - sp->src_start);
}

/* "The clip says", "The Indiana governor said", "63 percent said", "his surrogates
 * called", "Obama's former strategist said", "the head of the agency said": a noun
 * phrase of up to twelve words that opens a clause with a determiner, a number or a
 * possessive, right before the cue, is its subject, unnamed. So is a common noun
 * opening the sentence ("Police say"), which the article also writes in lowercase. */
static int determined_np(struct xwork *w, size_t i, size_t lo, struct speaker *sp)
{
	size_t b = i;

	if (!(tok_f(w, i) & CHORUS_TOK_WORD) || (tok_f(w, i) & CHORUS_TOK_STOP) || verbish(w, i))
		return 0;
	if (tok_f(w, i) & CHORUS_TOK_CAP) {
		if (i != lo || !w->lower_seen || !w->lower_seen[i] || (tok_f(w, i) & CHORUS_TOK_UPPER))
			return 0;
		set_unnamed(w, sp, i, i);
		return 1;
	}
	while (b > lo && b + 12 > i) {
		b--;
		if (name_possessive(w, b)) {
			/* "Barack Obama's": back to the name's first word; not an object's */
			while (b > lo && (tok_f(w, b - 1) & CHORUS_TOK_CAP) && !(tok_f(w, b - 1) & CHORUS_TOK_PUNCT))
				b--;
			if (b > lo && (chorus__tok_in(w, b - 1, preps) || verbish(w, b - 1) || is_cue(w, b - 1)))
				return 0;
			set_unnamed(w, sp, b, i);
			return 1;
		}
		if (chorus__tok_in(w, b, np_words) || chorus__tok_in(w, b, possessives) ||
		    (tok_f(w, b) & CHORUS_TOK_NUMBER)) {
			/* "the head of the agency": the phrase goes on before "of"; "the other
			 * officials", "his two aides": before a determiner */
			if (b > lo + 1 && chorus__tok_in(w, b - 1, np_links))
				continue;
			if (b > lo && (chorus__tok_in(w, b - 1, np_words) || chorus__tok_in(w, b - 1, possessives)))
				continue;
			if (b > lo && !(tok_f(w, b - 1) & CHORUS_TOK_PUNCT) && !chorus__tok_is(w, b - 1, "only") &&
			    b - 1 != lo)
				return 0; /* inside a longer phrase: "of the clip" */
			set_unnamed(w, sp, b, i);
			return 1;
		}
		if ((tok_f(w, b) & CHORUS_TOK_PUNCT) || verbish(w, b) ||
		    ((tok_f(w, b) & CHORUS_TOK_STOP) && !chorus__tok_in(w, b, np_words) &&
		     !chorus__tok_in(w, b, np_links)))
			return 0;
	}
	return 0;
}

/* A lowercase adverb in "-ly" standing between a subject and its cue ("Gingrich
 * cynically dismissed"), not a noun after a determiner ("the family said"). */
static int ly_adverb(const struct xwork *w, size_t i, size_t lo)
{
	size_t n = tok_n(w, i);

	if (!(tok_f(w, i) & CHORUS_TOK_WORD) || (tok_f(w, i) & CHORUS_TOK_CAP) || n < 5 ||
	    memcmp(tok_s(w, i) + n - 2, "ly", 2))
		return 0;
	return i == lo || !(tok_f(w, i - 1) & CHORUS_TOK_STOP) || chorus__tok_in(w, i - 1, pronouns);
}

/* The person whose name ends right before the comma at token j, or right before an
 * earlier comma of the same apposition: "Mr. King, 82, told me", "Jean Dupont, the
 * minister of France, a member of the council, said", "Ann Lee, 59, of Dover, who
 * watched it, said". The walk back stops at a quotation and after 32 tokens. */
static int apposition_head(struct xwork *w, size_t j, size_t lo, int relative, struct speaker *sp)
{
	size_t i = j;
	int k, head = -1;

	for (; j-- > lo && j + 32 > i;) {
		if ((tok_f(w, j) & CHORUS_TOK_QUOTE) || (w->inq && w->inq[j]))
			return 0;
		if (!chorus__tok_punct(w, j, ",") || j == lo)
			continue;
		k = mention_ending(w, j - 1);
		if (k >= 0 && person_like(w, k) && (relative || !after_prep(w, k))) {
			set_from_mention(w, sp, k);
			return 1;
		}
		/* "Even China, Pyongyang's only ally, said": a name opening the sentence */
		if (k >= 0 && speaker_kind_ok(w, &w->x->mentions[k]) &&
		    w->x->mentions[k].start <= w->doc->tokens[lo + 1 < i ? lo + 1 : lo].start)
			head = k;
	}
	/* "the federation's leader, Ruth Almqvist, said": the name in the last apposition */
	if (i > lo && chorus__tok_punct(w, i, ",")) {
		k = mention_ending(w, i - 1);
		if (k >= 0 && person_like(w, k) && !after_prep(w, k)) {
			set_from_mention(w, sp, k);
			return 1;
		}
	}
	/* "Officials at the agency, a division of ..., said": an unnamed source opens it */
	for (j = lo; j < lo + 3 && j < i && j + 32 > i; j++)
		if (chorus__tok_in(w, j, chorus__source_nouns))
			return unnamed_np(w, j, lo, sp);
	if (head >= 0) {
		set_from_mention(w, sp, head);
		return 1;
	}
	return 0;
}

static const char *const weekdays[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
					"saturday", "sunday", NULL };

/* Tokens i and i + 1 say when, between a subject and its cue: "in 2010", "on Monday". */
static int time_phrase(const struct xwork *w, size_t i)
{
	if (chorus__tok_is(w, i, "in"))
		return (tok_f(w, i + 1) & CHORUS_TOK_NUMBER) && tok_n(w, i + 1) == 4;
	return chorus__tok_is(w, i, "on") && chorus__tok_in(w, i + 1, weekdays);
}

/* The subject of the cue at token c, looking left from it within [lo, c). */
static int subject_left(struct xwork *w, size_t c, size_t lo, struct speaker *sp)
{
	size_t i = c;
	int k;

	for (;;) {
		if (i > lo && ((chorus__tok_in(w, i - 1, adverbs) && !is_cue(w, i - 1)) || ly_adverb(w, i - 1, lo)))
			i--;
		else if (i > lo + 1 && time_phrase(w, i - 2))
			i -= 2;
		else
			break;
	}
	if (i <= lo)
		return 0;
	i--;
	/* "Rep. Ann Lee (D-Ore.) said": the parenthesis after the name */
	if (chorus__tok_punct(w, i, ")")) {
		size_t j = i;
		while (j > lo && j + 8 > i && !chorus__tok_punct(w, j, "("))
			j--;
		if (j <= lo || !chorus__tok_punct(w, j, "("))
			return 0;
		i = j - 1;
	}
	/* an apposition between the subject and the cue: "Mr. King, 82, told me",
	 * "Michael McFaul, a senior fellow at the Hoover Institution, said"; a relative
	 * clause: "Ann Lee, who led the march, said" */
	if (chorus__tok_punct(w, i, ","))
		return apposition_head(w, i, lo, 0, sp);
	/* "who" points to the name before it, also an object ("a rift with Lee, now the
	 * party's leader, who said") */
	if (chorus__tok_is(w, i, "who") && i > lo && chorus__tok_punct(w, i - 1, ","))
		return apposition_head(w, i, lo, 1, sp);
	if (chorus__tok_in(w, i, pronouns)) {
		k = last_person_before(w, w->doc->tokens[i].start);
		if (k < 0)
			return 0;
		set_from_mention(w, sp, k);
		sp->src_start = w->doc->tokens[i].start;
		sp->src_end = w->doc->tokens[i].end;
		sp->flags |= CHORUS_QUOTE_PRONOUN;
		return 1;
	}
	if (other_pronoun(w, i, sp))
		return 1;
	k = mention_ending(w, i);
	if (k >= 0 && speaker_kind_ok(w, &w->x->mentions[k])) {
		if (after_prep(w, k))
			return 0; /* "correspondent in Moscow stated": Moscow is not the subject */
		set_from_mention(w, sp, k);
		return 1;
	}
	if (unnamed_np(w, i, lo, sp))
		return 1;
	return determined_np(w, i, lo, sp);
}

/* The subject written after the cue at c: "said Putin", "said the UN chief". */
static int subject_right(struct xwork *w, size_t c, size_t hi, struct speaker *sp)
{
	size_t i = c + 1;
	int k;

	if (i < hi && chorus__tok_is(w, i, "the"))
		i++;
	if (i >= hi)
		return 0;
	k = mention_starting(w, i);
	if (k < 0 && i > c + 1)
		k = mention_starting(w, i - 1);
	if (k >= 0 && speaker_kind_ok(w, &w->x->mentions[k]) &&
	    w->x->entities[w->x->mentions[k].entity].kind != CHORUS_ENT_PLACE) {
		set_from_mention(w, sp, k);
		return 1;
	}
	if (chorus__tok_in(w, i, pronouns) && c + 1 == i) {
		k = last_person_before(w, w->doc->tokens[i].start);
		if (k < 0)
			return 0;
		set_from_mention(w, sp, k);
		sp->src_start = w->doc->tokens[i].start;
		sp->src_end = w->doc->tokens[i].end;
		sp->flags |= CHORUS_QUOTE_PRONOUN;
		return 1;
	}
	/* "said rescue leader Captain Mira Osterlund": a person after a title phrase;
	 * "said a senior official": an unnamed source */
	{
		size_t j;
		for (j = i; j < hi && j < i + 10 && !(tok_f(w, j) & CHORUS_TOK_PUNCT && !chorus__tok_punct(w, j, "."));
		     j++) {
			k = mention_starting(w, j);
			if (k >= 0 && person_like(w, k)) {
				set_from_mention(w, sp, k);
				return 1;
			}
			/* only a title phrase may stand between the cue and the name */
			if (((tok_f(w, j) & CHORUS_TOK_STOP) && !chorus__tok_is(w, j, "and")) || verbish(w, j))
				break;
		}
		for (j = i; j < hi && j < i + 4 && !chorus__tok_in(w, j, preps); j++)
			if (chorus__tok_in(w, j, chorus__source_nouns))
				return unnamed_np(w, j, c + 1, sp);
		/* "said the ruling.": a short noun phrase ending the sentence */
		if (i > c + 1 && chorus__tok_is(w, i - 1, "the")) {
			for (j = i; j < hi && j < i + 3 && (tok_f(w, j) & CHORUS_TOK_WORD) &&
			     !(tok_f(w, j) & (CHORUS_TOK_STOP | CHORUS_TOK_CAP));
			     j++)
				;
			if (j > i && (j == hi || (j + 1 == hi && (tok_f(w, j) & CHORUS_TOK_PUNCT)))) {
				set_unnamed(w, sp, i - 1, j - 1);
				return 1;
			}
		}
	}
	return 0;
}

/* The mention k is the object of a preposition ("with Russian Foreign Minister Sergei
 * Lavrov"): walking left over its title and name words meets a preposition. */
static int after_prep(const struct xwork *w, int k)
{
	size_t i;
	uint32_t start = w->x->mentions[k].start;

	{
		size_t lo = 0, hi = w->doc->n_tokens;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (w->doc->tokens[mid].start < start)
				lo = mid + 1;
			else
				hi = mid;
		}
		i = lo;
	}
	/* "with Jean Dupont and Ann Lee": Lee is an object too; "Secretary of State John
	 * Kerry": "of" inside a title is no preposition */
	for (;;) {
		if (i > 0 && ((tok_f(w, i - 1) & CHORUS_TOK_CAP) || chorus__tok_in(w, i - 1, chorus__title_words) ||
			      (chorus__tok_is(w, i - 1, "and") && i > 1 && (tok_f(w, i - 2) & CHORUS_TOK_CAP))) &&
		    !chorus__tok_in(w, i - 1, preps))
			i--;
		else if (i > 1 && (chorus__tok_is(w, i - 1, "of") || chorus__tok_is(w, i - 1, "for")) &&
			 (tok_f(w, i - 2) & CHORUS_TOK_CAP) && chorus__tok_in(w, i - 2, chorus__title_words))
			i -= 2;
		else
			break;
	}
	if (i > 0 && chorus__tok_is(w, i - 1, "the"))
		i--;
	return i > 0 && chorus__tok_in(w, i - 1, preps);
}

/* The nearest person (or pronoun) before token c in [lo, c) that is not the object of a
 * preposition; else the first name in [lo, c) that can speak (an organisation, a
 * government: "Moscow ... emphasised that ..."). */
static int subject_near(struct xwork *w, size_t c, size_t lo, struct speaker *sp)
{
	size_t i;
	int k, first = -1;

	for (i = lo; i < c; i++) {
		if (tok_f(w, i) & CHORUS_TOK_QUOTE)
			break;
		k = mention_starting(w, i);
		if (k >= 0 && speaker_kind_ok(w, &w->x->mentions[k]) && !after_prep(w, k)) {
			uint32_t kind = w->x->entities[w->x->mentions[k].entity].kind;
			/* a two-word name opening the sentence is a person here */
			if (kind == CHORUS_ENT_PERSON || kind == CHORUS_ENT_ORG || kind == CHORUS_ENT_OUTLET ||
			    (i == lo && person_like(w, k)))
				first = k;
			break;
		}
	}
	for (i = c; i-- > lo;) {
		if (tok_f(w, i) & CHORUS_TOK_QUOTE)
			return 0;
		if (chorus__tok_in(w, i, pronouns)) {
			k = last_person_before(w, w->doc->tokens[i].start);
			if (k < 0)
				return 0;
			set_from_mention(w, sp, k);
			sp->src_start = w->doc->tokens[i].start;
			sp->src_end = w->doc->tokens[i].end;
			sp->flags |= CHORUS_QUOTE_PRONOUN;
			return 1;
		}
		k = mention_ending(w, i);
		if (k >= 0 && w->x->entities[w->x->mentions[k].entity].kind == CHORUS_ENT_PERSON &&
		    !after_prep(w, k)) {
			set_from_mention(w, sp, k);
			sp->flags |= CHORUS_QUOTE_NEAR;
			return 1;
		}
	}
	if (first >= 0) {
		set_from_mention(w, sp, first);
		sp->flags |= CHORUS_QUOTE_NEAR;
		return 1;
	}
	return 0;
}

/* The first person in [lo, c) that is not the object of a preposition: the subject of
 * the clause a participle ("..., saying ...") hangs on. */
static int subject_first(struct xwork *w, size_t c, size_t lo, struct speaker *sp)
{
	size_t i;
	int k;

	for (i = lo; i < c; i++) {
		if (w->inq && w->inq[i])
			continue;
		if (chorus__tok_in(w, i, pronouns)) {
			k = last_person_before(w, w->doc->tokens[i].start);
			if (k < 0)
				return 0;
			set_from_mention(w, sp, k);
			sp->src_start = w->doc->tokens[i].start;
			sp->src_end = w->doc->tokens[i].end;
			sp->flags |= CHORUS_QUOTE_PRONOUN;
			return 1;
		}
		k = mention_starting(w, i);
		if (k >= 0 && w->x->entities[w->x->mentions[k].entity].kind == CHORUS_ENT_PERSON &&
		    !after_prep(w, k)) {
			set_from_mention(w, sp, k);
			return 1;
		}
	}
	return 0;
}

static void set_cue(const struct xwork *w, struct speaker *sp, size_t c)
{
	sp->cue_start = w->doc->tokens[c].start;
	sp->cue_end = w->doc->tokens[c].end;
}

/* "according to Reuters", "according to the UN chief", "according to radio host Rush
 * Limbaugh", "according to a senior official": the source after "according to" at token
 * i, before token hi. */
static int according_to(struct xwork *w, size_t i, size_t hi, struct speaker *sp)
{
	size_t j = i + 2;
	int k;

	if (chorus__tok_is(w, j, "the"))
		j++;
	k = j < hi ? mention_starting(w, j) : -1;
	if (k < 0 && i + 2 < hi)
		k = mention_starting(w, i + 2);
	if (k >= 0)
		set_from_mention(w, sp, k);
	else if (!subject_right(w, i + 1, hi, sp))
		return 0;
	sp->cue_start = w->doc->tokens[i].start;
	sp->cue_end = w->doc->tokens[i + 1].end;
	return 1;
}

/* Tokens strictly inside quotation marks are skipped when looking for cues. */
static int find_speaker(struct xwork *w, const uint8_t *inq, size_t mo, size_t mc, struct speaker *sp)
{
	const struct chorus_doc *d = w->doc;
	struct speaker fallback;
	uint32_t s_open = chorus__tok_sent(w, mo), s_close = chorus__tok_sent(w, mc);
	size_t lo = d->sents[s_open].tok_begin, hi = d->sents[s_close].tok_end;
	size_t i;

	memset(sp, 0, sizeof(*sp));
	sp->entity = -1;
	/* the sentence of the closing mark may end at the mark: `."` then `Putin said.` */
	if (mc + 1 >= hi && s_close + 1 < d->n_sents && d->sents[s_close + 1].para == d->sents[s_close].para) {
		size_t nb = d->sents[s_close + 1].tok_begin, ne = d->sents[s_close + 1].tok_end;
		if (ne > nb && ne - nb <= 5 && !(tok_f(w, nb) & CHORUS_TOK_QUOTE)) {
			for (i = nb; i < ne; i++)
				if (is_cue(w, i))
					break;
			if (i < ne && (subject_left(w, i, nb, sp) || subject_right(w, i, ne, sp))) {
				set_cue(w, sp, i);
				return 1;
			}
		}
	}
	/* `"..." - Steve Quinlan` (a dash, then the name, ending the sentence) */
	{
		size_t dash = mc + 1;
		uint32_t ds = s_close;
		if (dash >= hi && s_close + 1 < d->n_sents && d->sents[s_close + 1].para == d->sents[s_close].para) {
			dash = d->sents[s_close + 1].tok_begin;
			ds = s_close + 1;
		}
		if (dash + 1 < d->sents[ds].tok_end &&
		    (chorus__tok_punct(w, dash, "-") || chorus__tok_punct(w, dash, "\xe2\x80\x95"))) {
			int k = mention_starting(w, dash + 1);
			if (k >= 0 && (w->x->entities[w->x->mentions[k].entity].kind == CHORUS_ENT_PERSON ||
				       (w->x->entities[w->x->mentions[k].entity].kind == CHORUS_ENT_OTHER &&
					strchr(w->x->entities[w->x->mentions[k].entity].key, ' '))) &&
			    w->x->mentions[k].end + 2 >= d->sents[ds].end) {
				set_from_mention(w, sp, k);
				return 1;
			}
		}
	}
	/* ": UN chief" after a headline quote */
	if (mc + 2 < hi && chorus__tok_punct(w, mc + 1, ":")) {
		int k = mention_starting(w, mc + 2);
		if (k >= 0 && w->x->entities[w->x->mentions[k].entity].kind == CHORUS_ENT_PERSON) {
			set_from_mention(w, sp, k);
			return 1;
		}
	}
	/* `"...," Michael McFaul, a senior fellow at ..., said`: a person right after the
	 * quote, with a cue later in the sentence */
	{
		size_t j = mc + 1;
		int k;
		if (j < hi && chorus__tok_punct(w, j, ","))
			j++;
		k = j < hi ? mention_starting(w, j) : -1;
		if (k >= 0 && person_like(w, k)) {
			for (i = j + 1; i < hi && !(tok_f(w, i) & CHORUS_TOK_QUOTE); i++)
				if (is_cue(w, i)) {
					set_from_mention(w, sp, k);
					set_cue(w, sp, i);
					return 1;
				}
		}
	}
	/* a cue after the quote, in its sentence; a far one yields to a cue before it */
	for (i = mc + 1; i < hi; i++) {
		if (inq[i] || (tok_f(w, i) & CHORUS_TOK_QUOTE))
			break;
		if (chorus__tok_is(w, i, "according") && chorus__tok_is(w, i + 1, "to")) {
			if (according_to(w, i, hi, sp))
				return 1;
			break;
		}
		if (is_cue(w, i)) {
			size_t j;
			int before = 0;
			for (j = lo; j < mo; j++)
				if (!inq[j] && is_cue(w, j))
					before = 1;
			if (before && i > mc + 10)
				break;
			/* "X said ... "...", and he urged": a clause of its own after "and" */
			for (j = mc + 1; before && j < i; j++)
				if (chorus__tok_is(w, j, "and"))
					break;
			if (before && j < i)
				break;
			/* without a subject of its own it yields to a cue before the quote */
			if (subject_left(w, i, mc + 1, sp) ||
			    (i <= mc + 2 && !participle(w, i) && subject_right(w, i, hi, sp)) ||
			    (!before && subject_near(w, i, mc + 1, sp))) {
				set_cue(w, sp, i);
				return 1;
			}
			memset(sp, 0, sizeof(*sp));
			sp->entity = -1;
			break;
		}
	}
	/* "When Lee asked, Olsen fired back: "..."": the subject of the clause ending in a
	 * colon before the quote, when that clause has no cue */
	if (mo > lo + 1 && chorus__tok_punct(w, mo - 1, ":")) {
		size_t b = mo - 1;
		while (b > lo && !chorus__tok_punct(w, b - 1, ",") && !inq[b - 1] && !is_cue(w, b - 1) &&
		       !(tok_f(w, b - 1) & CHORUS_TOK_QUOTE))
			b--;
		if ((b == lo || chorus__tok_punct(w, b - 1, ",")) && subject_first(w, mo - 1, b, sp))
			return 1;
		memset(sp, 0, sizeof(*sp));
		sp->entity = -1;
	}
	/* a cue before the quote, in its sentence (nearest first); "... and calls her "..."":
	 * a cue after "and" shares the subject of an earlier cue, the nearest name is only
	 * the fallback */
	memset(&fallback, 0, sizeof(fallback));
	fallback.entity = -1;
	for (i = mo; i-- > lo;) {
		if (inq[i] || (tok_f(w, i) & CHORUS_TOK_QUOTE))
			continue;
		if (chorus__tok_is(w, i, "according") && chorus__tok_is(w, i + 1, "to")) {
			if (according_to(w, i, mo, sp))
				return 1;
			continue;
		}
		if (is_cue(w, i)) {
			int ok;
			if (participle(w, i))
				ok = subject_first(w, i, lo, sp) || subject_near(w, i, lo, sp);
			else if (subject_left(w, i, lo, sp) ||
				 ((i == lo || (tok_f(w, i - 1) & CHORUS_TOK_PUNCT)) && subject_right(w, i, mo, sp)))
				ok = 1;
			else if (i > lo && chorus__tok_is(w, i - 1, "and") && !fallback.found) {
				ok = 0;
				if (subject_near(w, i, lo, &fallback))
					set_cue(w, &fallback, i);
			} else
				ok = subject_near(w, i, lo, sp);
			if (ok) {
				set_cue(w, sp, i);
				return 1;
			}
		}
	}
	if (fallback.found) {
		*sp = fallback;
		return 1;
	}
	/* "... it said in a statement:" closing the sentence before */
	if (mo == lo && s_open > 0 && d->sents[s_open - 1].para + 1 >= d->sents[s_open].para) {
		size_t pb = d->sents[s_open - 1].tok_begin, pe = d->sents[s_open - 1].tok_end;
		if (pe > pb && chorus__tok_punct(w, pe - 1, ":")) {
			for (i = pe - 1; i-- > pb;)
				if (is_cue(w, i) && (subject_left(w, i, pb, sp) || subject_right(w, i, pe, sp) ||
						     subject_near(w, i, pb, sp))) {
					set_cue(w, sp, i);
					return 1;
				}
		}
	}
	return 0;
}

/* ---- Quotation marks -------------------------------------------------------------- */

static int is_space_or_edge(const struct chorus_doc *d, size_t pos, int before)
{
	unsigned char c;

	if (before ? pos == 0 : pos >= d->text_len)
		return 1;
	c = (unsigned char)d->text[before ? pos - 1 : pos];
	if (before)
		return c == ' ' || c == '\n' || c == '(' || c == '[' || c == '-' || c == ':' || c == '"' || c == '\'';
	return c == ' ' || c == '\n' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
	       c == '?' || c == ')' || c == ']' || c == '-' || c == '"' || c == '\'';
}

static size_t collect_marks(struct xwork *w, struct qmark **out)
{
	const struct chorus_doc *d = w->doc;
	struct qmark *v = NULL;
	size_t n = 0, cap = 0, i;

	for (i = 0; i < d->n_tokens; i++) {
		const char *s = tok_s(w, i);
		size_t len = tok_n(w, i);
		int dbl = (len == 1 && s[0] == '"') || (len == 2 && (!memcmp(s, "``", 2) || !memcmp(s, "''", 2)));
		int sgl = len == 1 && s[0] == '\'' && (tok_f(w, i) & CHORUS_TOK_QUOTE);
		struct qmark *m;

		if (!dbl && !sgl)
			continue;
		CHORUS_GROW(v, n + 1, cap);
		m = &v[n++];
		m->tok = (uint32_t)i;
		m->single = sgl;
		m->open = is_space_or_edge(d, d->tokens[i].start, 1);
		m->close = is_space_or_edge(d, d->tokens[i].end, 0);
		if (len == 2) {
			m->open = s[0] == '`';
			m->close = !m->open;
		}
	}
	*out = v;
	return n;
}

static uint32_t para_of(const struct xwork *w, size_t tok)
{
	return w->doc->sents[chorus__tok_sent(w, tok)].para;
}

static size_t word_count(const struct xwork *w, size_t b, size_t e)
{
	size_t i, n = 0;

	for (i = b; i < e; i++)
		if (tok_f(w, i) & (CHORUS_TOK_WORD | CHORUS_TOK_NUMBER))
			n++;
	return n;
}

/* "Fox News Sunday", "Face the Nation": a short quotation in title case names a work or a
 * show, it quotes nobody. */
static int title_case(const struct xwork *w, size_t b, size_t e)
{
	size_t i, words = 0, caps = 0;

	for (i = b; i < e; i++) {
		if (!(tok_f(w, i) & CHORUS_TOK_WORD))
			continue;
		words++;
		if (tok_f(w, i) & CHORUS_TOK_CAP) {
			if (!(tok_f(w, i) & CHORUS_TOK_STOP))
				caps++;
		} else if (!(tok_f(w, i) & CHORUS_TOK_STOP)) {
			return 0;
		}
	}
	return words <= 6 && caps >= 2 && (tok_f(w, b) & CHORUS_TOK_CAP);
}

/* The quotation at mark mo follows "as (a/the)" or a naming verb ("dubbed him"): a name
 * given to someone ("as "Miss Piggy"", "nicknamed "King James""), which quotes its
 * giver, not the title of a work. */
static int nickname(const struct xwork *w, size_t mo, size_t mc)
{
	size_t a = mo;

	/* "as "The Daily Planet" wrote": the name of a source */
	if (is_cue(w, mc + 1))
		return 0;
	if (a > 0 && (chorus__tok_is(w, a - 1, "a") || chorus__tok_is(w, a - 1, "the")))
		a--;
	if (a > 0 && chorus__tok_is(w, a - 1, "as"))
		return 1;
	/* "dubbed the mayor "..."": a naming verb a few words before */
	for (a = mo; a > 0 && a + 4 > mo && !(tok_f(w, a - 1) & CHORUS_TOK_PUNCT); a--)
		if (chorus__tok_in(w, a - 1, naming))
			return 1;
	return 0;
}

struct span {
	uint32_t mo, mc; /* opening and closing mark tokens */
	int multi;       /* spans paragraphs */
	int partial;     /* inside the writer's sentence */
};

/* Pairs marks of one kind (single or double) into top-level quotations. */
static size_t pair_marks(struct xwork *w, const struct qmark *m, size_t n, int single,
			 struct span **out, size_t *cap, size_t count)
{
	uint32_t stack[8];
	size_t depth = 0, i;
	int multi = 0;

	for (i = 0; i < n; i++) {
		const struct qmark *q = &m[i];
		int opens;

		if (q->single != single)
			continue;
		if (depth && para_of(w, stack[0]) != para_of(w, q->tok)) {
			/* a quote left open at a paragraph's end continues if the next paragraph
			 * opens with a mark; otherwise it was never closed */
			size_t pb = w->doc->paras[para_of(w, q->tok)].sent_begin;
			if (q->open && !q->close && w->doc->sents[pb].tok_begin == q->tok && depth == 1 &&
			    para_of(w, q->tok) == para_of(w, stack[0]) + 1 + (uint32_t)0) {
				multi = 1;
				stack[0] = stack[0]; /* keep the first opening */
				continue;
			}
			depth = 0;
			multi = 0;
		}
		if (q->open && !q->close)
			opens = 1;
		else if (q->close && !q->open)
			opens = 0;
		else
			opens = depth == 0;
		if (opens) {
			if (depth < 8)
				stack[depth++] = q->tok;
			continue;
		}
		if (!depth)
			continue;
		depth--;
		if (depth == 0) {
			struct span *s;
			CHORUS_GROW(*out, count + 1, *cap);
			s = &(*out)[count++];
			s->mo = stack[0];
			s->mc = q->tok;
			s->multi = multi;
			s->partial = 0;
			multi = 0;
		}
	}
	return count;
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->mo < y->mo ? -1 : x->mo > y->mo;
}

static void add_citation(struct xwork *w, const struct chorus_mention *m)
{
	struct chorus_citation *c;
	size_t i;

	for (i = 0; i < w->x->n_citations; i++)
		if (w->x->citations[i].start == m->start)
			return;
	c = chorus__add_citation(w);
	c->start = m->start;
	c->end = m->end;
	c->outlet = w->x->entities[m->entity].name;
	c->sent = m->sent;
}

/* Outlets named in a sentence with a cue ("reports Reuters", "told CNN", "according to
 * the BBC", "a report by the Associated Press") are citations. */
static void find_citations(struct xwork *w)
{
	size_t k, i;

	for (k = 0; k < w->x->n_mentions; k++) {
		const struct chorus_mention *m = &w->x->mentions[k];
		const struct chorus_sentence *s = &w->doc->sents[m->sent];
		int cue = 0;
		if (w->x->entities[m->entity].kind != CHORUS_ENT_OUTLET)
			continue;
		for (i = s->tok_begin; i < s->tok_end && !cue; i++)
			if (is_cue(w, i) || chorus__tok_is(w, i, "according") || chorus__tok_is(w, i, "report") ||
			    chorus__tok_is(w, i, "citing") || chorus__tok_is(w, i, "cited"))
				cue = 1;
		if (cue)
			add_citation(w, m);
	}
}

static void emit(struct xwork *w, const struct span *s, const struct speaker *sp, uint32_t flags)
{
	struct chorus_quote *q = chorus__add_quote(w);

	q->start = w->doc->tokens[s->mo].end;
	q->end = w->doc->tokens[s->mc].start;
	while (q->start < q->end && w->doc->text[q->start] == ' ')
		q->start++;
	q->cue_start = sp->cue_start;
	q->cue_end = sp->cue_end;
	q->src_start = sp->src_start;
	q->src_end = sp->src_end;
	q->speaker = sp->entity;
	q->speaker_name = sp->name;
	q->sent = chorus__tok_sent(w, s->mo);
	q->flags = CHORUS_QUOTE_DIRECT | flags | sp->flags;
	if (s->multi || chorus__tok_sent(w, s->mc) != q->sent)
		q->flags |= CHORUS_QUOTE_MULTI;
	if (s->partial)
		q->flags |= CHORUS_QUOTE_PARTIAL;
	if (sp->entity >= 0 && w->x->entities[sp->entity].kind == CHORUS_ENT_OUTLET) {
		size_t j;
		for (j = 0; j < w->x->n_mentions; j++)
			if (w->x->mentions[j].start == sp->src_start)
				add_citation(w, &w->x->mentions[j]);
	}
}

/* Reported speech without quotation marks: "X said (that) ...", "..., X said." */
static void indirect(struct xwork *w, const uint8_t *inq)
{
	const struct chorus_doc *d = w->doc;
	size_t si, i;

	for (si = 0; si < d->n_sents; si++) {
		const struct chorus_sentence *s = &d->sents[si];
		int has_q = 0;
		for (i = s->tok_begin; i < s->tok_end; i++)
			if ((tok_f(w, i) & CHORUS_TOK_QUOTE) || inq[i])
				has_q = 1;
		if (has_q || (s->flags & CHORUS_SENT_TITLE))
			continue;
		for (i = s->tok_begin; i < s->tok_end; i++) {
			struct speaker sp;
			struct chorus_quote *q;
			uint32_t cb, ce;
			if (!chorus__tok_in(w, i, chorus__cue_verbs) || chorus__tok_in(w, i, participles))
				continue;
			memset(&sp, 0, sizeof(sp));
			sp.entity = -1;
			/* "X said that ..." ("X told CNN ..." is not clearly a clause) */
			if (i + 2 < s->tok_end && chorus__tok_is(w, i + 1, "that") &&
			    subject_left(w, i, s->tok_begin, &sp)) {
				size_t b = i + 2;
				cb = d->tokens[b].start;
				ce = d->tokens[s->tok_end - 1].start;
			} else if (i > s->tok_begin + 3 &&
				   (i + 6 >= s->tok_end || chorus__tok_punct(w, i + 1, ",")) &&
				   chorus__tok_punct(w, i - 1, ",") == 0 &&
				   (memset(&sp, 0, sizeof(sp)), sp.entity = -1, subject_left(w, i, s->tok_begin, &sp)) &&
				   sp.src_start > d->tokens[s->tok_begin].start + 1 &&
				   d->text[sp.src_start - 2] == ',') {
				cb = d->tokens[s->tok_begin].start;
				ce = sp.src_start - 2;
			} else {
				continue;
			}
			if (ce <= cb)
				continue;
			q = chorus__add_quote(w);
			q->start = cb;
			q->end = ce;
			q->cue_start = d->tokens[i].start;
			q->cue_end = d->tokens[i].end;
			q->src_start = sp.src_start;
			q->src_end = sp.src_end;
			q->speaker = sp.entity;
			q->speaker_name = sp.name;
			q->sent = (uint32_t)si;
			q->flags = CHORUS_QUOTE_INDIRECT | sp.flags;
			break;
		}
	}
}

static const char *const phrase_nouns[] = { "phrase", "term", "words", "slogan", "line", "motto",
					    "label", "mantra", "refrain", NULL };

/* A quotation at token mo after "as", "as a/an/the" or "the phrase" ("the term", "the
 * words", ...) takes the subject of its sentence (its first person not after a
 * preposition), marked as less certain. */
static int as_phrase(struct xwork *w, size_t mo, struct speaker *sp)
{
	const struct chorus_sentence *st = &w->doc->sents[chorus__tok_sent(w, mo)];
	size_t a = mo;

	memset(sp, 0, sizeof(*sp));
	sp->entity = -1;
	if (a > st->tok_begin && (chorus__tok_is(w, a - 1, "a") || chorus__tok_is(w, a - 1, "an") ||
				  chorus__tok_is(w, a - 1, "the")))
		a--;
	/* "has used the phrase "..."", "repeated the words "..."" */
	if (a == mo && a > st->tok_begin + 1 && chorus__tok_in(w, a - 1, phrase_nouns) &&
	    chorus__tok_is(w, a - 2, "the"))
		a = a - 1;
	else if (a <= st->tok_begin || !chorus__tok_is(w, a - 1, "as"))
		return 0;
	if (!subject_first(w, a - 1, st->tok_begin, sp))
		return 0;
	sp->flags |= CHORUS_QUOTE_NEAR;
	return 1;
}

/* Nouns for what someone said ("Lee's claim that ..."). */
static const char *const speech_nouns[] = { "claim", "claims", "remark", "remarks", "statement",
					    "statements", "words", "comment", "comments", "promise",
					    "pledge", "assertion", "prediction", "warning", "message",
					    "tweet", "slogan", "vow", "insistence", "description", NULL };

/* A quotation at token mo right after a possessive and a speech noun, or in the clause
 * after one ("Trump's claim that there were "thousands of shootings"", "his "..."
 * claim") within the eight words before it: the possessor is the speaker. */
static int speech_noun(struct xwork *w, size_t mo, struct speaker *sp)
{
	const struct chorus_sentence *st = &w->doc->sents[chorus__tok_sent(w, mo)];
	size_t i;
	int k;

	memset(sp, 0, sizeof(*sp));
	sp->entity = -1;
	for (i = mo; i > st->tok_begin + 1 && i + 8 > mo; i--) {
		if ((tok_f(w, i - 1) & CHORUS_TOK_QUOTE) || (w->inq && w->inq[i - 1]))
			return 0;
		if (!chorus__tok_in(w, i - 1, speech_nouns))
			continue;
		/* the quote is in what was said ("claim that"), not said of it ("claim was") */
		if (!chorus__tok_is(w, i, "that") && i != mo)
			return 0;
		if (chorus__tok_is(w, i - 2, "his") || chorus__tok_is(w, i - 2, "her")) {
			k = last_person_before(w, w->doc->tokens[i - 2].start);
			if (k < 0)
				return 0;
			set_from_mention(w, sp, k);
			sp->src_start = w->doc->tokens[i - 2].start;
			sp->src_end = w->doc->tokens[i - 2].end;
			sp->flags |= CHORUS_QUOTE_PRONOUN;
			return 1;
		}
		k = name_possessive(w, i - 2) ? mention_ending(w, i - 2) : -1;
		if (k < 0 || !speaker_kind_ok(w, &w->x->mentions[k]))
			return 0;
		set_from_mention(w, sp, k);
		return 1;
	}
	return 0;
}

/* The speaker of the sentence before token mo (which opens a sentence), when that
 * sentence is in the same paragraph and has no quotation marks but around names of works:
 * the subject of its first cue ("..., Schiff said."), else its first person not after a
 * preposition. */
static int intro_subject(struct xwork *w, size_t mo, struct speaker *sp)
{
	const struct chorus_doc *d = w->doc;
	uint32_t si = chorus__tok_sent(w, mo);
	size_t i;

	memset(sp, 0, sizeof(*sp));
	sp->entity = -1;
	if (si == 0 || d->sents[si - 1].para != d->sents[si].para)
		return 0;
	/* quotation marks only around names of works ("On "Face the Nation," Lee ...") */
	for (i = d->sents[si - 1].tok_begin; i < d->sents[si - 1].tok_end; i++) {
		size_t j;
		if (!(tok_f(w, i) & CHORUS_TOK_QUOTE))
			continue;
		for (j = i + 1; j < d->sents[si - 1].tok_end && w->inq[j]; j++)
			;
		if (j == i + 1 || !title_case(w, i + 1, j))
			return 0;
		i = j;
	}
	/* reported speech ("..., Schiff said."): its speaker goes on */
	for (i = d->sents[si - 1].tok_begin; i < d->sents[si - 1].tok_end; i++)
		if (is_cue(w, i) && !participle(w, i) && subject_left(w, i, d->sents[si - 1].tok_begin, sp)) {
			sp->flags |= CHORUS_QUOTE_NEAR;
			return 1;
		}
	memset(sp, 0, sizeof(*sp));
	sp->entity = -1;
	if (!subject_first(w, d->sents[si - 1].tok_end, d->sents[si - 1].tok_begin, sp))
		return 0;
	sp->flags |= CHORUS_QUOTE_NEAR;
	return 1;
}

static int quote_cmp(const void *a, const void *b)
{
	const struct chorus_quote *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

void chorus__extract_quotes(struct xwork *w)
{
	struct qmark *marks = NULL;
	struct span *spans = NULL;
	size_t nm, ns = 0, cap = 0, i, t;
	uint8_t *inq = chorus_xcalloc(w->doc->n_tokens + 1, 1);
	struct speaker prev;
	uint32_t prev_para = UINT32_MAX;

	memset(&prev, 0, sizeof(prev));
	nm = collect_marks(w, &marks);
	ns = pair_marks(w, marks, nm, 0, &spans, &cap, 0);
	/* single quotes only outside double ones */
	{
		size_t nd = ns;
		ns = pair_marks(w, marks, nm, 1, &spans, &cap, ns);
		for (i = nd; i < ns;) {
			size_t j;
			int inside = 0;
			for (j = 0; j < nd; j++)
				if (spans[i].mo > spans[j].mo && spans[i].mo < spans[j].mc)
					inside = 1;
			if (inside || word_count(w, spans[i].mo + 1, spans[i].mc) < 2) {
				spans[i] = spans[--ns];
				continue;
			}
			i++;
		}
	}
	if (ns)
		qsort(spans, ns, sizeof(*spans), span_cmp);
	for (i = 0; i < ns; i++)
		for (t = spans[i].mo + 1; t < spans[i].mc; t++)
			inq[t] = 1;
	w->inq = inq;
	for (i = 0; i < ns; i++) {
		const struct span *s = &spans[i];
		struct speaker sp;
		size_t words = word_count(w, s->mo + 1, s->mc);
		uint32_t para = para_of(w, s->mo);
		const struct chorus_sentence *st = &w->doc->sents[chorus__tok_sent(w, s->mo)];
		int starts_sentence = st->tok_begin == s->mo;

		if (!words || (title_case(w, s->mo + 1, s->mc) && !nickname(w, s->mo, s->mc)))
			continue;
		spans[i].partial = !starts_sentence;
		if (find_speaker(w, inq, s->mo, s->mc, &sp)) {
			emit(w, s, &sp, 0);
			prev = sp;
			prev_para = para;
			continue;
		}
		/* no cue: "Lee has cast the plan as a "fantasy"" characterises in the
		 * subject's words; "Lee's claim that ..." names whose words they are */
		if (!starts_sentence && (as_phrase(w, s->mo, &sp) || speech_noun(w, s->mo, &sp))) {
			emit(w, s, &sp, 0);
			continue;
		}
		/* no cue of its own, after a sentence of the same paragraph without quotes:
		 * its speaker or its subject ("Ann Lee blamed the council. "..."") */
		if (starts_sentence && words >= 3 && intro_subject(w, s->mo, &sp)) {
			emit(w, s, &sp, 0);
			prev = sp;
			prev_para = para;
			continue;
		}
		/* no cue of its own: the speaker of the quote just before, if this one opens a
		 * sentence of the same or the next paragraph; the speaker stays named where
		 * that quote named it */
		if (prev.found && prev.name && starts_sentence && words >= 3 &&
		    (para == prev_para || para == prev_para + 1)) {
			sp = prev;
			sp.cue_start = sp.cue_end = 0;
			emit(w, s, &sp, CHORUS_QUOTE_INHERITED);
			prev_para = para;
			continue;
		}
	}
	find_citations(w);
	if (!w->opt->no_indirect) {
		indirect(w, inq);
		if (w->x->n_quotes)
			qsort(w->x->quotes, w->x->n_quotes, sizeof(*w->x->quotes), quote_cmp);
	}
	free(marks);
	free(spans);
	free(inq);
	w->inq = NULL;
}

/* Registers the word lists of this module for chorus__tok_in(). */
void chorus__quotes_words(void)
{
	chorus__words_register(nounish);
	chorus__words_register(adverbs);
	chorus__words_register(pronouns);
	chorus__words_register(participles);
	chorus__words_register(extra_cues);
	chorus__words_register(np_words);
	chorus__words_register(preps);
	chorus__words_register(other_pronouns);
	chorus__words_register(possessives);
	chorus__words_register(be_forms);
	chorus__words_register(weekdays);
	chorus__words_register(contractions);
	chorus__words_register(naming);
	chorus__words_register(speech_nouns);
	chorus__words_register(np_links);
	chorus__words_register(phrase_nouns);
}
