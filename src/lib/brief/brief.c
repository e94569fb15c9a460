/*
 * brief/brief.c: builds the brief of one story: the summary, chosen by concept
 * coverage, and the alignment of each summary sentence with the sentences of the
 * other articles that carry the same content. docs/brief.md describes the method and
 * gives the figures.
 *
 * - Concepts are bigrams of adjacent word stems (punctuation skipped, as ROUGE-2
 *   counts them; a bigram of two stopwords is no concept), weighted by the number of
 *   independent articles (syndicated copies excluded) that carry them; concepts fewer
 *   than MIN_DF articles carry (MIN_DF_LARGE in stories of LARGE_STORY articles or
 *   more) weigh almost nothing. This follows Gillick & Favre 2009,
 *   "A Scalable Global Model for Summarization", section 3: the summary should cover
 *   the concepts most documents share, each counted once, so that repeating one earns
 *   nothing.
 * - Selection maximizes the weight of the covered concepts within the word budget by
 *   the cost-scaled greedy of Lin & Bilmes 2010 ("Multi-document Summarization via
 *   Budgeted Maximization of Submodular Functions", algorithm 1), evaluated lazily;
 *   then the best single sentence is compared, which gives the constant-factor
 *   guarantee of their theorem 1 (weakened by SINGLE_MARGIN, so that a near tie keeps
 *   the greedy's shorter choice). From LARGE_STORY documents on, content words are
 *   concepts too (at UNIGRAM of a bigram's weight), and a branch and bound over the
 *   best candidates then looks for the exact optimum (Gillick & Favre 2009's integer
 *   program), the greedy's choice as its first incumbent. With CHORUS_BRIEF_FILL,
 *   the words the whole sentences leave go to the first words of the sentence whose
 *   first words gain the most, cut at the budget and placed last.
 * - Low-content sentences are never selected: headlines, fragments, questions, lines
 *   ending in a colon or without final punctuation, sentences that are mostly
 *   quotation or capitals, that start in lowercase or lean on the sentence before,
 *   contact lines. A dateline left at a sentence's start is cut off.
 * - Alignment: a sentence's content is the set of its content-word stems; another
 *   article carries the same content when one of its sentences shares ALIGN_SHARED of
 *   them, ALIGN_MIN of the smaller set, and ALIGN_PLAIN of the smaller set of the stems
 *   that are not names. British -ise spellings are folded onto -ize stems first.
 *
 * All work memory comes from one arena per brief; concepts are uint64 keys (two stem
 * ids) in an open-addressing table; sets are compared through per-concept stamps, so
 * nothing is sorted or allocated per sentence.
 */
#include <math.h>

#include "brief/brief_impl.h"
#include "util/alloc.h"
#include "util/words.h"

/* Tuned on the seed articles, the sample corpus and DUC 2006 (docs/brief.md). A build with
 * -DBRIEF_TUNE reads each P() constant from the environment variable of its name. */
#ifdef BRIEF_TUNE
#include <stdio.h>
static double tune(const char *name, double def)
{
	const char *v = getenv(name);
	return v ? strtod(v, NULL) : def;
}
#define P(name, def) tune(#name, def)
#else
#define P(name, def) (def)
#endif
#define MIN_WORDS P(MIN_WORDS, 8)        /* shorter sentences are fragments */
#define MAX_WORDS P(MAX_WORDS, 80)       /* longer ones are run-on debris */
#define QUOTE_MAX P(QUOTE_MAX, 0.6)      /* a sentence with more of its words in quotes is a quote */
#define CAPS_MAX P(CAPS_MAX, 0.6)        /* one with more capitalized words is a headline */
#define COST_EXP P(COST_EXP, 0.6)       /* r in gain / words^r */
#define MIN_DF P(MIN_DF, 2)             /* documents a concept needs to count (small stories) */
#define MIN_DF_LARGE P(MIN_DF_LARGE, 3) /* and in stories of LARGE_STORY documents or more */
#define POS_BONUS P(POS_BONUS, 0.0)      /* gain factor 1 + POS_BONUS / (1 + position in article) */
#define ALIGN_MIN P(ALIGN_MIN, 0.4)      /* containment of content stems for "same content" */
#define ALIGN_SHARED P(ALIGN_SHARED, 4)     /* and the least number of shared content stems */
#define ALIGN_PLAIN P(ALIGN_PLAIN, 0.5) /* containment of the content stems that are not names */
#define SINGLE_MARGIN 1.5  /* the best single sentence replaces a greedy pick this much worse */
#define RARE_WEIGHT 0.01   /* weight per document of a concept too few documents carry */
#define LARGE_STORY P(LARGE_STORY, 7) /* independent documents from which MIN_DF_LARGE applies */
#define UNIGRAM P(UNIGRAM, 0.2)  /* weight of a content-word concept relative to a bigram
                                  * (from LARGE_STORY documents on; 0 below) */
#define EXACT_CAND P(EXACT_CAND, 50)    /* candidates of the exact search (select_exact()) */
#define EXACT_NODES P(EXACT_NODES, 5000) /* nodes it visits at most */

struct sent {
	uint32_t doc, idx;   /* document and sentence index */
	uint32_t pos;        /* position among the article's body sentences */
	uint32_t words;      /* after the dateline */
	uint32_t skip;       /* bytes of a dateline at its start (left out of the summary) */
	uint32_t *concepts;  /* distinct concept indices */
	uint32_t *ends;      /* per concept: the words (after the dateline) up to the end of its
	                      * first occurrence, so that the first k words hold those <= k;
	                      * NULL unless work.fill */
	uint32_t n_concepts;
	uint32_t *stems;     /* distinct content stems, as the indices of their word concepts */
	uint32_t *plain;     /* those of them written in lowercase somewhere in it (not names) */
	uint32_t n_plain;
	uint32_t n_stems;
	int eligible;
};

struct work {
	struct chorus__arena *arena;
	struct chorus_lexicon *lex;
	const struct chorus_doc *const *docs;
	size_t n_docs;
	const size_t *group;
	int fill;          /* CHORUS_BRIEF_FILL: sentences keep their concepts' word offsets */
	/* concepts: open addressing on keys, values are concept indices */
	uint64_t *keys;
	uint32_t *vals;
	size_t mask;
	uint32_t n_concepts, cap_concepts;
	uint64_t *concept_key;   /* a bigram's key is stem1 << 32 | stem2, a word's its stem */
	uint32_t *df_orig, *last_doc; /* last_doc: document index + 1 */
	uint32_t *seen, *seen_plain; /* per concept: the last sentence (index + 1) that had it */
	uint32_t *mark, *mark_plain; /* per concept: the epoch of the last mark() that set it */
	uint32_t epoch;
	double *weight;
	struct sent *sents;
	size_t n_sents;
	size_t *doc_first; /* doc_first[d]: index of document d's first entry in sents */
};

/* The stem id with British -is- spellings folded ("recognis" -> "recogn", as the
 * Snowball stem of "recognized"): a stem ending in "is" comes from -ise, -ised,
 * -ising, since Snowball strips the s of nouns in -is. */
static uint32_t canon_stem(struct work *w, uint32_t stem)
{
	size_t len;
	const char *s = chorus_lexicon_str(w->lex, stem, &len);

	if (s && len >= 5 && s[len - 2] == 'i' && s[len - 1] == 's')
		return chorus_lexicon_intern(w->lex, s, len - 2);
	return stem;
}

static size_t hash64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return (size_t)k;
}

/* The concept index of key, added (with zero counts) if new. The table is sized by
 * the caller for every bigram of the story, so it never fills. */
static uint32_t concept_of(struct work *w, uint64_t key)
{
	size_t i = hash64(key) & w->mask;

	while (w->keys[i]) {
		if (w->keys[i] == key)
			return w->vals[i];
		i = (i + 1) & w->mask;
	}
	w->keys[i] = key;
	w->vals[i] = w->n_concepts;
	w->concept_key[w->n_concepts] = key;
	return w->n_concepts++;
}

static int is_word(const struct chorus_token *t)
{
	return (t->flags & (CHORUS_TOK_WORD | CHORUS_TOK_NUMBER)) != 0;
}

/* Share of the sentence's words that stand inside double quotes. */
static double quoted_share(const struct chorus_doc *d, const struct chorus_sentence *s)
{
	uint32_t t, words = 0, quoted = 0;
	int in = 0;

	for (t = s->tok_begin; t < s->tok_end; t++) {
		const struct chorus_token *tok = &d->tokens[t];
		if ((tok->flags & CHORUS_TOK_QUOTE) && d->text[tok->start] == '"')
			in = !in;
		else if (is_word(tok)) {
			words++;
			quoted += (uint32_t)in;
		}
	}
	return words ? (double)quoted / words : 0.0;
}

/* Words that make a sentence lean on the one before it ("But ...", "He said ..."):
 * out of its article, the reader cannot tell what it continues or who it means. */
static const char *const dangling[] = {
	"but", "and", "or", "so", "yet", "also", "however", "meanwhile", "still", "then",
	"he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their",
	"its", "we", "i", "you", "there", "such", "other", "another", "instead", "nevertheless",
	NULL
};

static int leans_back(struct chorus_lexicon *lex, const struct chorus_doc *d,
		      const struct chorus_sentence *s)
{
	const char *first = NULL;
	uint32_t t;
	size_t i;

	for (t = s->tok_begin; t < s->tok_end && !first; t++)
		if (is_word(&d->tokens[t]))
			first = chorus_lexicon_str(lex, d->tokens[t].norm, NULL);
	for (i = 0; first && dangling[i]; i++)
		if (!strcmp(first, dangling[i]))
			return 1;
	return 0;
}

/* Share of the words after the first that are capitalized: a headline, a byline, a
 * "For Use By Clients Of ..." line. */
static double capital_share(const struct chorus_doc *d, const struct chorus_sentence *s)
{
	uint32_t t, words = 0, caps = 0;

	for (t = s->tok_begin; t < s->tok_end; t++) {
		const struct chorus_token *tok = &d->tokens[t];
		if (!(tok->flags & CHORUS_TOK_WORD))
			continue;
		if (words++ && (tok->flags & (CHORUS_TOK_CAP | CHORUS_TOK_UPPER)))
			caps++;
	}
	return words > 1 ? (double)caps / (words - 1) : 0.0;
}

/*
 * The bytes of a dateline left at the start of a sentence ("WASHINGTON _ ",
 * "PINE RIDGE, S.D. (AP) - "): words in capitals, commas, periods and an agency in
 * parentheses, up to a dash or an underscore. 0 when there is none. The text stage
 * removes the datelines it recognizes; this catches the wire styles it leaves.
 */
static uint32_t dateline_skip(const struct chorus_doc *d, const struct chorus_sentence *s)
{
	uint32_t t, upper = 0, skip = 0, begin = s->tok_begin;

	for (t = begin; t < s->tok_end && t < s->tok_begin + 16; t++) {
		const struct chorus_token *tok = &d->tokens[t];
		char c = d->text[tok->start];
		uint32_t gap;

		/* a separator the tokenizer passes over, or one of its own: "MIAMI _ As ..."
		 * (slugs may come first: "CUBA-ELIAN _ MIAMI _ As ...") */
		for (gap = t > begin ? d->tokens[t - 1].end : tok->start; gap < tok->start; gap++)
			if (d->text[gap] == '_' && upper) {
				skip = tok->start - s->start;
				upper = 0;
				begin = t;
			}
		if ((c == '_' || c == '-') && tok->end - tok->start <= 2) {
			if (!upper || t == begin || t + 1 >= s->tok_end)
				break;
			skip = d->tokens[t + 1].start - s->start;
			upper = 0;
			begin = t + 1;
			continue;
		}
		if (tok->flags & CHORUS_TOK_WORD) {
			if (tok->flags & CHORUS_TOK_UPPER)
				upper++;
			else if (!(tok->flags & CHORUS_TOK_CAP))
				break;
		} else if (c != ',' && c != '.' && c != '(' && c != ')') {
			break;
		}
	}
	return skip;
}

/* Whether the n bytes at p contain the string k. */
static int has(const char *p, size_t n, const char *k)
{
	size_t i, m = strlen(k);

	for (i = 0; i + m <= n; i++)
		if (!memcmp(p + i, k, m))
			return 1;
	return 0;
}

/* Whether a sentence may be selected at all (the low-content filter); skip: the bytes
 * of a dateline at its start. */
static int eligible(struct chorus_lexicon *lex, const struct chorus_doc *d,
		    const struct chorus_sentence *s, uint32_t skip, uint32_t words)
{
	const char *p = d->text + s->start + skip;
	size_t n = s->end - s->start - skip;
	char last;
	size_t i;
	int lower = 0;

	if (s->flags & CHORUS_SENT_TITLE)
		return 0;
	if (words < MIN_WORDS || words > MAX_WORDS || n == 0)
		return 0;
	last = p[n - 1];
	if (last == '"' || last == '\'' || last == ')')
		last = n >= 2 ? p[n - 2] : last;
	if (last == '?' || last == ':')
		return 0;
	if (last != '.' && last != '!')
		return 0;
	if (capital_share(d, s) > CAPS_MAX)
		return 0;
	if (leans_back(lex, d, s))
		return 0;
	if (p[0] >= 'a' && p[0] <= 'z')
		return 0;
	for (i = 0; i < n && !lower; i++)
		lower = p[i] >= 'a' && p[i] <= 'z';
	if (!lower)
		return 0;
	if (has(p, n, "@") || has(p, n, "(at)") || has(p, n, "http") || has(p, n, "www."))
		return 0; /* contact lines and links */
	return quoted_share(d, s) <= QUOTE_MAX;
}

static void *arena_array(struct work *w, size_t n, size_t size)
{
	return chorus__arena_alloc(w->arena, chorus_xmul(n ? n : 1, size));
}

/* Fills w->sents with every sentence of every document: its concepts, its content
 * stems and whether it may be selected; counts each concept's documents. */
static void index_sentences(struct work *w)
{
	size_t d, total_sents = 0, total_toks = 0, slots = 16;
	uint32_t *tmp_c, *tmp_e, *tmp_s, *tmp_p;
	size_t tmp_cap = 16;

	for (d = 0; d < w->n_docs; d++) {
		total_sents += w->docs[d]->n_sents;
		total_toks += w->docs[d]->n_tokens;
		for (size_t s = 0; s < w->docs[d]->n_sents; s++) {
			const struct chorus_sentence *cs = &w->docs[d]->sents[s];
			if (cs->tok_end - cs->tok_begin > tmp_cap)
				tmp_cap = cs->tok_end - cs->tok_begin;
		}
	}
	while (slots < 4 * total_toks + 16)
		slots <<= 1;
	w->mask = slots - 1;
	w->keys = chorus__arena_calloc(w->arena, slots, sizeof(*w->keys));
	w->vals = arena_array(w, slots, sizeof(*w->vals));
	w->cap_concepts = (uint32_t)(2 * total_toks + 1);
	w->concept_key = arena_array(w, w->cap_concepts, sizeof(uint64_t));
	w->df_orig = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->last_doc = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->seen = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->seen_plain = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->mark = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->mark_plain = chorus__arena_calloc(w->arena, w->cap_concepts, sizeof(uint32_t));
	w->sents = arena_array(w, total_sents, sizeof(*w->sents));
	w->doc_first = arena_array(w, w->n_docs + 1, sizeof(size_t));
	tmp_c = arena_array(w, 2 * tmp_cap, sizeof(uint32_t));
	tmp_e = arena_array(w, 2 * tmp_cap, sizeof(uint32_t));
	tmp_s = arena_array(w, tmp_cap, sizeof(uint32_t));
	tmp_p = arena_array(w, tmp_cap, sizeof(uint32_t));

	for (d = 0; d < w->n_docs; d++) {
		const struct chorus_doc *doc = w->docs[d];
		uint32_t pos = 0;
		int orig = w->group[d] == d;

		w->doc_first[d] = w->n_sents;
		for (size_t s = 0; s < doc->n_sents; s++) {
			const struct chorus_sentence *cs = &doc->sents[s];
			struct sent *st = &w->sents[w->n_sents++];
			uint32_t nc = 0, ns = 0, np = 0, prev = 0, prev_stop = 1, t, i;
			uint32_t begin, scan, nw = 0;
			int first = 1, in_word = 0;

			st->doc = (uint32_t)d;
			st->idx = (uint32_t)s;
			st->pos = pos;
			st->skip = dateline_skip(doc, cs);
			st->words = (uint32_t)chorus__count_words(doc->text + cs->start + st->skip,
									cs->end - cs->start - st->skip);
			st->eligible = eligible(w->lex, doc, cs, st->skip, st->words);
			if (!(cs->flags & CHORUS_SENT_TITLE))
				pos++;
			begin = scan = cs->start + st->skip;
			for (t = cs->tok_begin; t < cs->tok_end; t++) {
				const struct chorus_token *tok = &doc->tokens[t];
				uint32_t stem, c, sid = (uint32_t)w->n_sents;
				int stop;

				if (!is_word(tok) || (tok->flags & CHORUS_TOK_QUOTE) ||
				    tok->start < begin)
					continue;
				if (w->fill) { /* words up to this token's end (a token holds no space) */
					for (; scan < tok->start; scan++) {
						char ch = doc->text[scan];
						int sp = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
						nw += (uint32_t)(!sp && !in_word);
						in_word = !sp;
					}
					nw += (uint32_t)!in_word;
					in_word = 1;
					scan = tok->end;
				}
				stem = canon_stem(w, tok->stem);
				stop = (tok->flags & CHORUS_TOK_STOP) != 0;
				if (!stop) {
					c = concept_of(w, stem);
					if (w->seen[c] != sid) {
						w->seen[c] = sid;
						tmp_s[ns++] = c;
						if (UNIGRAM > 0.0) {
							tmp_e[nc] = nw;
							tmp_c[nc++] = c;
						}
					}
					if ((first || !(tok->flags & (CHORUS_TOK_CAP | CHORUS_TOK_UPPER))) &&
					    w->seen_plain[c] != sid) {
						w->seen_plain[c] = sid;
						tmp_p[np++] = c;
					}
				}
				first = 0;
				if (prev && !(stop && prev_stop)) {
					c = concept_of(w, (uint64_t)prev << 32 | stem);
					if (w->seen[c] != sid) {
						w->seen[c] = sid;
						tmp_e[nc] = nw;
						tmp_c[nc++] = c;
					}
				}
				prev = stem;
				prev_stop = stop;
			}
			st->concepts = arena_array(w, nc, sizeof(uint32_t));
			memcpy(st->concepts, tmp_c, nc * sizeof(uint32_t));
			st->ends = NULL;
			if (w->fill) {
				st->ends = arena_array(w, nc, sizeof(uint32_t));
				memcpy(st->ends, tmp_e, nc * sizeof(uint32_t));
			}
			st->n_concepts = nc;
			st->stems = arena_array(w, ns, sizeof(uint32_t));
			memcpy(st->stems, tmp_s, ns * sizeof(uint32_t));
			st->n_stems = ns;
			st->plain = arena_array(w, np, sizeof(uint32_t));
			memcpy(st->plain, tmp_p, np * sizeof(uint32_t));
			st->n_plain = np;
			for (i = 0; i < nc; i++) {
				uint32_t c = st->concepts[i];
				if (w->last_doc[c] == d + 1)
					continue;
				w->last_doc[c] = (uint32_t)(d + 1);
				w->df_orig[c] += (uint32_t)orig;
			}
		}
	}
	w->doc_first[w->n_docs] = w->n_sents;
}

/* Concept weights: the independent documents carrying the concept (times UNIGRAM for
 * a content word, in stories of LARGE_STORY documents or more). When the story
 * has two or more independent documents, a concept fewer than MIN_DF of them carry
 * weighs almost nothing: the summary is what outlets agree on, and such concepts only
 * decide what fills a budget larger than the agreed content. From LARGE_STORY
 * documents on, the threshold is MIN_DF_LARGE, the minimum document frequency Gillick
 * & Favre 2009 (section 3) use on 10-document sets: two articles of ten sharing a
 * phrase is often chance. When no concept reaches the threshold, it is lowered to the
 * most documents any concept has. */
static void weigh_concepts(struct work *w, size_t n_independent)
{
	uint32_t c, min_df = 1, max_df = 0;

	if (n_independent >= 2)
		min_df = (uint32_t)(n_independent >= LARGE_STORY ? MIN_DF_LARGE : MIN_DF);
	for (c = 0; c < w->n_concepts; c++) /* the bigrams decide */
		if ((w->concept_key[c] >> 32) && w->df_orig[c] > max_df)
			max_df = w->df_orig[c];
	if (max_df < min_df)
		min_df = max_df ? max_df : 1;
	w->weight = arena_array(w, w->n_concepts, sizeof(double));
	for (c = 0; c < w->n_concepts; c++) {
		uint32_t df = w->df_orig[c] ? w->df_orig[c] : 1;
		w->weight[c] = df >= min_df ? (double)df : RARE_WEIGHT * df;
		if (!(w->concept_key[c] >> 32))
			w->weight[c] *= n_independent >= LARGE_STORY ? UNIGRAM : 0.0;
	}
}

/* Marks the content stems of sentence a, for same_content(). */
static void mark(struct work *w, const struct sent *a)
{
	uint32_t i;

	w->epoch++;
	for (i = 0; i < a->n_stems; i++)
		w->mark[a->stems[i]] = w->epoch;
	for (i = 0; i < a->n_plain; i++)
		w->mark_plain[a->plain[i]] = w->epoch;
}

/*
 * Whether sentence b carries the same content as the sentence a last marked (the
 * alignment rule); *sim is the containment of their content stems: the shared stems
 * over the size of the smaller set (a short sentence saying one thing is carried by a
 * long one that says it among others). Enough content words in common, and not only
 * names: "Captain Osterlund said they could walk" and "Captain Osterlund praised the
 * volunteers" share a name, not a fact.
 */
static int same_content(const struct work *w, const struct sent *a, const struct sent *b,
			double *sim)
{
	uint32_t i, shared = 0, shared_plain = 0, min;

	*sim = 0.0;
	for (i = 0; i < b->n_stems; i++)
		shared += w->mark[b->stems[i]] == w->epoch;
	if (shared < ALIGN_SHARED)
		return 0;
	min = a->n_stems < b->n_stems ? a->n_stems : b->n_stems;
	*sim = (double)shared / min;
	if (*sim < ALIGN_MIN)
		return 0;
	for (i = 0; i < b->n_plain; i++)
		shared_plain += w->mark_plain[b->plain[i]] == w->epoch;
	min = a->n_plain < b->n_plain ? a->n_plain : b->n_plain;
	return min && (double)shared_plain / min >= ALIGN_PLAIN;
}

static double gain_of(const struct work *w, const struct sent *s, const unsigned char *covered)
{
	double g = 0.0;
	uint32_t i;

	for (i = 0; i < s->n_concepts; i++)
		if (!covered[s->concepts[i]])
			g += w->weight[s->concepts[i]];
	return g;
}

static int redundant(struct work *w, const struct sent *s, const size_t *chosen, size_t n_chosen)
{
	size_t i;
	double sim;

	mark(w, s);
	for (i = 0; i < n_chosen; i++)
		if (same_content(w, s, &w->sents[chosen[i]], &sim))
			return 1;
	return 0;
}

static double score_of(const struct sent *s, double gain)
{
	return gain * (1.0 + POS_BONUS / (1.0 + s->pos)) / pow((double)s->words, COST_EXP);
}

/*
 * The cost-scaled greedy (Lin & Bilmes 2010, algorithm 1) within budget; indices of
 * the chosen sentences into w->sents go to chosen[], in the order chosen. Gains only
 * shrink as concepts get covered, so a sentence's last computed score bounds its
 * current one: only the sentence with the best bound is recomputed, until its fresh
 * score still beats every other bound (the lazy evaluation of Minoux 1978). Ties go to
 * the earlier sentence, as in the plain greedy. covered[] (one byte per concept, all 0
 * on entry) holds the concepts the chosen sentences cover on return.
 */
static size_t select_greedy(struct work *w, size_t budget, size_t *chosen, unsigned char *covered)
{
	unsigned char *dead = chorus__arena_calloc(w->arena, w->n_sents + 1, 1);
	double *bound = arena_array(w, w->n_sents, sizeof(double));
	size_t used = 0, n = 0, i, best_single = (size_t)-1;
	double total = 0.0, best_single_gain = 0.0;

	for (i = 0; i < w->n_sents; i++) {
		const struct sent *s = &w->sents[i];
		double g;

		if (!s->eligible || s->words > budget) {
			dead[i] = 1;
			continue;
		}
		g = gain_of(w, s, covered);
		if (g <= 0.0) {
			dead[i] = 1;
			continue;
		}
		if (g > best_single_gain) {
			best_single_gain = g;
			best_single = i;
		}
		bound[i] = score_of(s, g);
	}
	for (;;) {
		size_t best;
		double g, score;

		for (;;) {
			best = (size_t)-1; /* the best bound; ties to the earlier sentence */
			for (i = 0; i < w->n_sents; i++) {
				if (dead[i])
					continue;
				if (used + w->sents[i].words > budget) {
					dead[i] = 1; /* used only grows */
					continue;
				}
				if (best == (size_t)-1 || bound[i] > bound[best])
					best = i;
			}
			if (best == (size_t)-1)
				break;
			g = gain_of(w, &w->sents[best], covered);
			score = g > 0.0 ? score_of(&w->sents[best], g) : 0.0;
			if (score <= 0.0) {
				dead[best] = 1;
			} else if (score < bound[best]) {
				bound[best] = score; /* stale: look again */
			} else if (redundant(w, &w->sents[best], chosen, n)) {
				dead[best] = 1;
			} else {
				break; /* exact, and no other bound is higher */
			}
		}
		if (best == (size_t)-1)
			break;
		chosen[n++] = best;
		dead[best] = 1;
		used += w->sents[best].words;
		total += gain_of(w, &w->sents[best], covered);
		for (i = 0; i < w->sents[best].n_concepts; i++)
			covered[w->sents[best].concepts[i]] = 1;
	}
	if (best_single != (size_t)-1 && best_single_gain > SINGLE_MARGIN * total) {
		chosen[0] = best_single;
		n = 1;
		memset(covered, 0, w->n_concepts);
		for (i = 0; i < w->sents[best_single].n_concepts; i++)
			covered[w->sents[best_single].concepts[i]] = 1;
	}
	return n;
}

/*
 * The search of select_exact(): its candidates, in branching order, the concepts they
 * hold (numbered locally), and the state of the path being searched. Marginal gains
 * are kept up to date as concepts get covered and uncovered, through the list of the
 * candidates holding each concept, so that a node costs time in the candidates only.
 */
struct exact {
	const struct work *w;
	size_t k;              /* candidates */
	size_t *cand;          /* their indices into w->sents */
	uint32_t *words;       /* per candidate: its words */
	uint32_t **local;      /* per candidate: its concepts, as local numbers */
	uint32_t **clash;      /* per candidate: the candidates carrying the same content */
	uint32_t *n_clash;     /* and how many they are */
	uint32_t *blocked;     /* per candidate: chosen candidates it clashes with */
	double *gain;          /* per candidate: the weight of its concepts not yet covered */
	double *ratio;         /* work space of bound(): gain / words */
	size_t *order;         /* and the candidates it has not used yet */
	uint32_t n_local;      /* concepts the candidates hold */
	double *lweight;       /* per local concept: its weight */
	uint32_t *count;       /* per local concept: chosen candidates holding it */
	uint32_t *holders;     /* the candidates holding local concept c are */
	uint32_t *first;       /* holders[first[c]] .. holders[first[c + 1] - 1] */
	size_t *pick, n_pick;  /* the candidates chosen on the current path */
	size_t *best, n_best;  /* the best set found */
	double best_value;     /* the weight it covers */
	size_t budget, nodes, max_nodes;
};

/* Tolerance on sums of weights: a gain this small is none, a value this much larger is
 * better (the gains are updated by additions and subtractions). */
#define EPS 1e-9

/* An upper bound on what candidates from..k-1 can add within `left` words: the
 * fractional knapsack of their marginal gains (a set's gain is at most the sum of its
 * members' marginal gains, coverage being submodular), candidates that clash with a
 * chosen one or cannot fit left out. */
static double bound(struct exact *e, size_t from, size_t left)
{
	size_t i, n = 0;
	double b = 0.0;

	for (i = from; i < e->k; i++) {
		if (e->blocked[i] || e->words[i] > left || e->gain[i] <= EPS)
			continue;
		e->ratio[i] = e->gain[i] / e->words[i];
		e->order[n++] = i;
	}
	while (left && n) { /* the best ratio left, until the words run out */
		size_t top = 0, words, take;
		for (i = 1; i < n; i++)
			if (e->ratio[e->order[i]] > e->ratio[e->order[top]])
				top = i;
		words = e->words[e->order[top]];
		take = words < left ? words : left;
		b += e->ratio[e->order[top]] * (double)take;
		left -= take;
		e->order[top] = e->order[--n];
	}
	return b;
}

/* Takes candidate i into the path (on) or out of it again. */
static void toggle(struct exact *e, size_t i, int on)
{
	const struct sent *s = &e->w->sents[e->cand[i]];
	uint32_t c, h;
	size_t j;

	for (c = 0; c < s->n_concepts; c++) {
		uint32_t l = e->local[i][c];
		if (on ? e->count[l]++ : --e->count[l])
			continue; /* it was covered before, or still is */
		for (h = e->first[l]; h < e->first[l + 1]; h++)
			e->gain[e->holders[h]] += on ? -e->lweight[l] : e->lweight[l];
	}
	for (j = 0; j < e->n_clash[i]; j++) {
		uint32_t *b = &e->blocked[e->clash[i][j]];
		*b = on ? *b + 1 : *b - 1;
	}
}

/* Depth-first branch and bound over candidates from..k-1, taking each before leaving
 * it out; value: the weight the path covers, used: its words. */
static void search(struct exact *e, size_t from, size_t used, double value)
{
	double g;

	if (value > e->best_value + EPS) {
		e->best_value = value;
		e->n_best = e->n_pick;
		memcpy(e->best, e->pick, e->n_pick * sizeof(size_t));
	}
	if (from >= e->k || e->nodes >= e->max_nodes)
		return;
	e->nodes++;
	if (value + bound(e, from, e->budget - used) <= e->best_value + EPS)
		return;
	g = e->gain[from];
	if (!e->blocked[from] && used + e->words[from] <= e->budget && g > EPS) {
		toggle(e, from, 1);
		e->pick[e->n_pick++] = from;
		search(e, from + 1, used + e->words[from], value + g);
		e->n_pick--;
		toggle(e, from, 0);
	}
	search(e, from + 1, used, value);
}

/* Numbers the concepts of e's candidates locally and lists the candidates holding
 * each; e->gain starts as each candidate's whole weight. */
static void index_candidates(struct work *w, struct exact *e)
{
	uint32_t *num = arena_array(w, w->n_concepts, sizeof(uint32_t));
	size_t i, total = 0;
	uint32_t c, l;

	e->words = arena_array(w, e->k, sizeof(uint32_t));
	e->local = arena_array(w, e->k, sizeof(uint32_t *));
	e->gain = chorus__arena_calloc(w->arena, e->k + 1, sizeof(double));
	for (i = 0; i < e->k; i++) /* mark each concept unnumbered */
		for (c = 0; c < w->sents[e->cand[i]].n_concepts; c++)
			num[w->sents[e->cand[i]].concepts[c]] = UINT32_MAX;
	e->n_local = 0;
	for (i = 0; i < e->k; i++) {
		const struct sent *s = &w->sents[e->cand[i]];
		e->words[i] = s->words;
		e->local[i] = arena_array(w, s->n_concepts, sizeof(uint32_t));
		for (c = 0; c < s->n_concepts; c++) {
			if (num[s->concepts[c]] == UINT32_MAX)
				num[s->concepts[c]] = e->n_local++;
			e->local[i][c] = num[s->concepts[c]];
			e->gain[i] += w->weight[s->concepts[c]];
		}
		total += s->n_concepts;
	}
	e->lweight = arena_array(w, e->n_local, sizeof(double));
	e->count = chorus__arena_calloc(w->arena, e->n_local + 1, sizeof(uint32_t));
	e->first = chorus__arena_calloc(w->arena, e->n_local + 2, sizeof(uint32_t));
	e->holders = arena_array(w, total, sizeof(uint32_t));
	for (i = 0; i < e->k; i++) /* counting sort of (concept, candidate) by concept */
		for (c = 0; c < w->sents[e->cand[i]].n_concepts; c++) {
			e->first[e->local[i][c] + 2]++;
			e->lweight[e->local[i][c]] = w->weight[w->sents[e->cand[i]].concepts[c]];
		}
	for (l = 0; l < e->n_local; l++)
		e->first[l + 2] += e->first[l + 1];
	for (i = 0; i < e->k; i++)
		for (c = 0; c < w->sents[e->cand[i]].n_concepts; c++)
			e->holders[e->first[e->local[i][c] + 1]++] = (uint32_t)i;
}

/*
 * The exact maximum of the covered weight within the budget, the integer program of
 * Gillick & Favre 2009 (section 3), solved by branch and bound: over the EXACT_CAND
 * selectable sentences with the best gain / words^COST_EXP (the greedy's first scores)
 * and the greedy's own choices, no two carrying the same content (the alignment rule),
 * searched depth-first in that order with the fractional knapsack of the marginal gains
 * as the bound, EXACT_NODES nodes at most (on DUC 2006, 5,000 and 50,000 nodes give
 * the same summaries). The greedy's n sentences in chosen[] (covering covered[]) are
 * the first incumbent; when a set covering more weight is found, it replaces them in
 * chosen[] and covered[]. When the greedy chose more than EXACT_CAND / 2 sentences (a
 * budget for most of the story, not a summary), its choice stays. Returns the number
 * of sentences in chosen[].
 */
static size_t select_exact(struct work *w, size_t budget, size_t *chosen, size_t n,
			   unsigned char *covered)
{
	struct exact e;
	double *score;
	unsigned char *in, *clash;
	size_t i, j, m = 0, max = (size_t)EXACT_CAND;
	uint32_t c;

	if (!max || n > max / 2)
		return n; /* a budget for most of the story: the search would take too long */
	memset(&e, 0, sizeof(e));
	e.w = w;
	e.budget = budget;
	e.max_nodes = (size_t)EXACT_NODES;
	score = arena_array(w, w->n_sents, sizeof(double));
	in = chorus__arena_calloc(w->arena, w->n_sents + 1, 1);
	e.cand = arena_array(w, max + n, sizeof(size_t));
	/* the best max candidates by first score (ties to the earlier), kept sorted */
	for (i = 0; i < w->n_sents; i++) {
		const struct sent *s = &w->sents[i];
		double g = 0.0;

		if (!s->eligible || s->words > budget)
			continue;
		for (c = 0; c < s->n_concepts; c++)
			g += w->weight[s->concepts[c]];
		if (g <= EPS)
			continue;
		score[i] = g / pow((double)s->words, COST_EXP);
		if (m == max && score[i] <= score[e.cand[m - 1]])
			continue;
		for (j = m < max ? m++ : m - 1; j > 0 && score[e.cand[j - 1]] < score[i]; j--)
			e.cand[j] = e.cand[j - 1];
		e.cand[j] = i;
	}
	for (i = 0; i < m; i++)
		in[e.cand[i]] = 1;
	for (i = 0; i < n; i++) /* the greedy's choices, in their order of choice */
		if (!in[chosen[i]])
			e.cand[m++] = chosen[i];
	e.k = m;
	clash = chorus__arena_calloc(w->arena, m * m + 1, 1);
	for (i = 0; i < m; i++) {
		mark(w, &w->sents[e.cand[i]]);
		for (j = i + 1; j < m; j++) {
			double sim;
			if (same_content(w, &w->sents[e.cand[i]], &w->sents[e.cand[j]], &sim))
				clash[i * m + j] = clash[j * m + i] = 1;
		}
	}
	e.clash = arena_array(w, m, sizeof(uint32_t *));
	e.n_clash = chorus__arena_calloc(w->arena, m + 1, sizeof(uint32_t));
	for (i = 0; i < m; i++) {
		e.clash[i] = arena_array(w, m, sizeof(uint32_t));
		for (j = 0; j < m; j++)
			if (clash[i * m + j])
				e.clash[i][e.n_clash[i]++] = (uint32_t)j;
	}
	index_candidates(w, &e);
	e.blocked = chorus__arena_calloc(w->arena, m + 1, sizeof(uint32_t));
	e.ratio = arena_array(w, m, sizeof(double));
	e.order = arena_array(w, m, sizeof(size_t));
	e.pick = arena_array(w, m, sizeof(size_t));
	e.best = arena_array(w, m, sizeof(size_t));
	for (c = 0; c < w->n_concepts; c++)
		if (covered[c])
			e.best_value += w->weight[c];
	search(&e, 0, 0, 0.0);
	if (!e.n_best)
		return n; /* nothing better than the greedy's */
	memset(covered, 0, w->n_concepts);
	for (i = 0; i < e.n_best; i++) {
		const struct sent *s = &w->sents[e.cand[e.best[i]]];
		chosen[i] = e.cand[e.best[i]];
		for (c = 0; c < s->n_concepts; c++)
			covered[s->concepts[c]] = 1;
	}
	return e.n_best;
}

/* The weight of the concepts not yet covered that s holds within its first k words. */
static double prefix_gain(const struct work *w, const struct sent *s, uint32_t k,
			  const unsigned char *covered)
{
	double g = 0.0;
	uint32_t i;

	for (i = 0; i < s->n_concepts; i++)
		if (s->ends[i] <= k && !covered[s->concepts[i]])
			g += w->weight[s->concepts[i]];
	return g;
}

/*
 * CHORUS_BRIEF_FILL: the sentence to cut after the `left` words the chosen ones leave
 * unused: among the selectable sentences too long to fit whole, the one whose first
 * `left` words hold the most weight not yet covered, and that does not carry the
 * content of a chosen one (the alignment rule, on the whole sentence). Ties go to the
 * earlier sentence. Returns its index into w->sents, or (size_t)-1 when none adds
 * anything.
 */
static size_t select_fill(struct work *w, size_t left, const size_t *chosen, size_t n,
			  const unsigned char *covered)
{
	unsigned char *dead = chorus__arena_calloc(w->arena, w->n_sents + 1, 1);
	double *gain = arena_array(w, w->n_sents, sizeof(double));
	size_t i, best;

	if (!left)
		return (size_t)-1;
	for (i = 0; i < n; i++)
		dead[chosen[i]] = 1;
	for (i = 0; i < w->n_sents; i++) {
		const struct sent *s = &w->sents[i];
		if (!s->eligible || s->words <= left || dead[i]) {
			dead[i] = 1;
			continue;
		}
		gain[i] = prefix_gain(w, s, (uint32_t)left, covered);
		dead[i] = gain[i] <= 0.0;
	}
	for (;;) {
		best = (size_t)-1;
		for (i = 0; i < w->n_sents; i++)
			if (!dead[i] && (best == (size_t)-1 || gain[i] > gain[best]))
				best = i;
		if (best == (size_t)-1 || !redundant(w, &w->sents[best], chosen, n))
			return best;
		dead[best] = 1;
	}
}

/* The first k words of the n bytes at p (k >= 1 and fewer than p holds), without the
 * punctuation that would end the cut mid-clause (a comma, a dash, an opening
 * parenthesis or quote), followed by U+2026; *words: the words it keeps (0 when
 * nothing but such punctuation was left, and then NULL). */
static char *cut_words(struct work *w, const char *p, size_t n, size_t k, size_t *words)
{
	size_t i, end = 0, nw = 0;
	int in = 0;
	char *out;

	for (i = 0; i < n; i++) {
		int sp = p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r';
		if (!sp && !in && nw++ == k)
			break;
		in = !sp;
		if (!sp)
			end = i + 1;
	}
	while (end && p[end - 1] && strchr(" \t\r\n,;:-_([{\"'", p[end - 1]))
		end--;
	*words = chorus__count_words(p, end);
	if (!*words)
		return NULL;
	out = chorus__arena_alloc(w->arena, end + 4);
	memcpy(out, p, end);
	memcpy(out + end, "\xe2\x80\xa6", 4); /* U+2026 and the NUL */
	return out;
}

/* Every document carrying the content of sentence s: in each other document, the
 * sentence closest to s when it is close enough. */
static void align(struct work *w, const struct sent *s, struct chorus_brief_sentence *out)
{
	struct chorus_brief_source *src = arena_array(w, w->n_docs, sizeof(*src));
	size_t d, n = 0, support = 0;

	mark(w, s);
	for (d = 0; d < w->n_docs; d++) {
		size_t best = (size_t)-1, i;
		double best_sim = 0.0;

		if (d == s->doc) {
			best = (size_t)(s - w->sents);
		} else {
			for (i = w->doc_first[d]; i < w->doc_first[d + 1]; i++) {
				double sim;
				if (same_content(w, s, &w->sents[i], &sim) && sim > best_sim) {
					best_sim = sim;
					best = i;
				}
			}
		}
		if (best == (size_t)-1)
			continue;
		src[n].doc = d;
		src[n].sent = w->sents[best].idx;
		src[n].copy = w->group[d] != d;
		support += (size_t)!src[n].copy;
		n++;
	}
	out->sources = src;
	out->n_sources = n;
	out->support = support;
}

/* Reading order: the facts most outlets carry first; among those, the one carrying
 * more of what the story's articles share (the weight of its concepts), then earlier
 * ones. */
struct order {
	size_t support, pos, doc, sent, slot;
	double central;
	int cut; /* the cut sentence of CHORUS_BRIEF_FILL comes last */
};

static int cmp_order(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->cut != b->cut)
		return a->cut < b->cut ? -1 : 1;
	if (a->support != b->support)
		return a->support > b->support ? -1 : 1;
	if (a->central != b->central)
		return a->central > b->central ? -1 : 1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->sent < b->sent ? -1 : a->sent > b->sent;
}

/* group[i]: the original that document i is a (possibly indirect) copy of. A chain
 * longer than n is a cycle; its members count as originals. */
static int resolve_groups(struct chorus_ctx *ctx, const size_t *dup_of, size_t n, size_t *group)
{
	size_t i;

	for (i = 0; dup_of && i < n; i++) /* all first: a chain may lead to a later one */
		if (dup_of[i] != CHORUS_BRIEF_ORIGINAL && dup_of[i] >= n)
			return chorus_error(ctx, CHORUS_EINVAL,
					    "brief: document %zu is a copy of document %zu, but there are %zu",
					    i, dup_of[i], n);
	for (i = 0; i < n; i++) {
		size_t g = i, steps = 0;

		while (dup_of && dup_of[g] != CHORUS_BRIEF_ORIGINAL && dup_of[g] != g && steps <= n) {
			g = dup_of[g];
			steps++;
		}
		group[i] = steps > n ? i : g;
	}
	return 0;
}

int chorus_brief_build(struct chorus_ctx *ctx, const struct chorus_doc *const *docs, size_t n,
		       const struct chorus_brief_options *opt, struct chorus_brief **out)
{
	struct chorus_brief *b = NULL;
	struct chorus__brief_impl *impl;
	struct work w;
	struct chorus_brief_sentence *sum;
	struct order *ord;
	size_t *chosen, *group, i, n_chosen, budget, fill = (size_t)-1;
	unsigned char *covered;
	int ret = CHORUS_EEMPTY;

	*out = NULL;
	if (!n)
		return chorus_error(ctx, CHORUS_EEMPTY, "brief: no articles");
	budget = opt && opt->words ? opt->words : CHORUS_BRIEF_DEFAULT_WORDS;

	memset(&w, 0, sizeof(w));
	w.arena = chorus__arena_new(0);
	group = arena_array(&w, n, sizeof(size_t));
	ret = resolve_groups(ctx, opt ? opt->dup_of : NULL, n, group);
	if (ret)
		goto out;

	w.lex = chorus_ctx_lexicon(ctx);
	w.docs = docs;
	w.n_docs = n;
	w.group = group;
	w.fill = opt && (opt->flags & CHORUS_BRIEF_FILL);

	b = chorus_xcalloc(1, sizeof(*b));
	impl = chorus__arena_calloc(w.arena, 1, sizeof(*impl));
	impl->arena = w.arena;
	impl->ctx = ctx;
	impl->group = group;
	b->impl = impl;
	b->docs = docs;
	b->n_docs = n;
	b->budget = budget;
	for (i = 0; i < n; i++)
		b->n_independent += group[i] == i;

	index_sentences(&w);
	weigh_concepts(&w, b->n_independent);
	chosen = arena_array(&w, w.n_sents + 1, sizeof(size_t));
	covered = chorus__arena_calloc(w.arena, w.n_concepts + 1, 1);
	n_chosen = select_greedy(&w, budget, chosen, covered);
	if (b->n_independent >= LARGE_STORY)
		n_chosen = select_exact(&w, budget, chosen, n_chosen, covered);
	if (w.fill) {
		size_t used = 0;
		for (i = 0; i < n_chosen; i++)
			used += w.sents[chosen[i]].words;
		fill = select_fill(&w, budget - used, chosen, n_chosen, covered);
		if (fill != (size_t)-1)
			chosen[n_chosen++] = fill;
	}

	sum = arena_array(&w, n_chosen, sizeof(*sum));
	ord = arena_array(&w, n_chosen, sizeof(*ord));
	for (i = 0; i < n_chosen; i++) {
		const struct sent *s = &w.sents[chosen[i]];
		const struct chorus_sentence *cs = &docs[s->doc]->sents[s->idx];

		ord[i].slot = i;
		ord[i].cut = chosen[i] == fill;
		ord[i].pos = s->pos;
		ord[i].central = 0.0;
		for (size_t c = 0; c < s->n_concepts; c++)
			ord[i].central += w.weight[s->concepts[c]];
		ord[i].doc = s->doc;
		ord[i].sent = s->idx;
		sum[i].doc = s->doc;
		sum[i].sent = s->idx;
		sum[i].text = NULL;
		if (ord[i].cut) {
			sum[i].text = cut_words(&w, docs[s->doc]->text + cs->start + s->skip,
						cs->end - cs->start - s->skip, budget - b->summary_words,
						&sum[i].words);
			sum[i].cut = 1;
			if (!sum[i].text) {
				n_chosen = i; /* nothing but punctuation fits */
				break;
			}
		} else {
			sum[i].text = chorus__arena_strndup(w.arena, docs[s->doc]->text + cs->start + s->skip,
							    cs->end - cs->start - s->skip);
			sum[i].words = s->words;
			sum[i].cut = 0;
		}
		align(&w, s, &sum[i]);
		ord[i].support = sum[i].support;
		b->summary_words += sum[i].words;
	}
	if (n_chosen)
		qsort(ord, n_chosen, sizeof(*ord), cmp_order);
	{
		struct chorus_brief_sentence *sorted = arena_array(&w, n_chosen, sizeof(*sorted));
		for (i = 0; i < n_chosen; i++)
			sorted[i] = sum[ord[i].slot];
		b->summary = sorted;
	}
	b->n_summary = n_chosen;
	*out = b;
	return 0;
out:
	chorus__arena_free(w.arena);
	free(b);
	return ret;
}

void chorus_brief_free(struct chorus_brief *b)
{
	struct chorus__brief_impl *impl;

	if (!b)
		return;
	impl = b->impl;
	if (impl->facts_free)
		impl->facts_free(impl->facts);
	chorus__arena_free(impl->arena);
	free(b);
}

const char *chorus_brief_outlet(const struct chorus_brief *b, size_t i)
{
	const struct chorus_article *a;

	if (i >= b->n_docs)
		return "";
	a = b->docs[i]->article;
	if (a && a->source && *a->source)
		return a->source;
	return a && a->id ? a->id : "";
}
