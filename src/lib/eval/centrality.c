/*
 * eval/centrality.c: two published extractive summarizers, as baselines for the brief
 * (evaluation only; sentences and tokens come from the text stage):
 *
 * - LexRank with threshold: Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality
 *   as Salience in Text Summarization" (JAIR 22), section 3 (LexRank with threshold,
 *   algorithm 3). Sentences are TF-IDF vectors compared by the idf-modified cosine; an
 *   edge joins two sentences whose cosine exceeds LEXRANK_EDGE (0.1, the paper's
 *   threshold; a sentence is joined to itself, as the paper's cosine matrix has 1 on its
 *   diagonal); each row is divided by its degree and the stationary distribution of the
 *   random walk with jump probability LEXRANK_JUMP (d = 0.15) is found by power
 *   iteration. Sentences are taken by score, a sentence whose
 *   cosine with one already taken exceeds LEXRANK_REDUNDANT (0.5) skipped, as MEAD's
 *   cosine reranker does.
 * - Centroid (MEAD): Radev, Jing, Stys & Tam 2004, "Centroid-based summarization of
 *   multiple documents" (Information Processing and Management 40): MEAD's scoring. The
 *   centroid holds the words whose average count per document times idf exceeds
 *   CENTROID_MIN; a sentence scores C + P + F with the paper's weights of 1 each: C the
 *   sum of its words' centroid values, P = (n - i + 1) / n * Cmax for the i-th of the n
 *   sentences of its document (Cmax the highest C in that document), F the inner
 *   product of its word counts with those of its document's first sentence. Sentences
 *   are taken by score less the redundancy penalty Rs * Score_max, Rs = 2 * (words in
 *   common) / (words of one + words of the other) against the most similar sentence
 *   already taken, recomputed after every choice.
 *
 * Where the papers take idf from a corpus larger than the cluster, idf here is computed over
 * the sentences of the cluster, log(S / sf) with S sentences of which sf hold the word
 * (over the cluster's documents, a word every article uses would weigh 0); stopwords
 * (the text stage's list) are left out, since a background idf gives them about 0.
 * Terms are the stems of word and number tokens. Candidates are every sentence but
 * headlines. Both take whole sentences until at least the word count, in the order
 * chosen, so that ROUGE's word limit cuts the last one; ties go to the earlier
 * document, then the earlier sentence.
 */
#include <math.h>

#include "eval/centrality.h"
#include "util/alloc.h"
#include "util/words.h"

#define LEXRANK_EDGE 0.1      /* cosine above which two sentences are joined */
#define LEXRANK_JUMP 0.15     /* d: probability of a jump to a random sentence */
#define LEXRANK_REDUNDANT 0.5 /* cosine with a taken sentence above which one is skipped */
#define LEXRANK_EPS 1e-12     /* power iteration: L1 change at which it has converged */
#define LEXRANK_ROUNDS 10000  /* and the most rounds it runs */
#define CENTROID_MIN 0.0      /* centroid value (average count x idf) a word must exceed */
#define MIN_WORDS 9           /* MEAD's length cutoff: shorter sentences are never taken */

struct term {
	uint32_t id; /* local term index */
	uint32_t tf; /* occurrences in the sentence */
};

struct csent {
	const struct chorus_doc *doc;
	uint32_t d, idx;   /* document (index into docs) and sentence index in it */
	uint32_t pos;      /* 1-based position among the document's body sentences */
	uint32_t words;    /* blank-separated words */
	struct term *terms; /* distinct terms, by local index */
	uint32_t n_terms;
	double norm;       /* |tf x idf| */
	double score;
};

struct corpus {
	struct csent *s;
	size_t n;
	uint32_t n_terms;
	uint32_t *sf;     /* per term: sentences holding it */
	uint32_t *count;  /* per term: occurrences in the cluster */
	double *idf;
	uint32_t *post_first, *post; /* per term: the sentences holding it (CSR) */
	uint32_t *doc_sents; /* per document: its body sentences (all of them, with terms or not) */
};

static int is_term(const struct chorus_token *t)
{
	return (t->flags & (CHORUS_TOK_WORD | CHORUS_TOK_NUMBER)) && !(t->flags & CHORUS_TOK_STOP);
}

static int cmp_u32(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;

	return a < b ? -1 : a > b;
}

/* Local index of stem in an open-addressing table of mask + 1 slots (0: empty). */
static uint32_t term_of(uint32_t *keys, uint32_t *vals, size_t mask, uint32_t stem, uint32_t *n)
{
	size_t i = ((size_t)stem * 2654435761u) & mask;

	while (keys[i]) {
		if (keys[i] == stem + 1)
			return vals[i];
		i = (i + 1) & mask;
	}
	keys[i] = stem + 1;
	vals[i] = *n;
	return (*n)++;
}

/* The body sentences of every document with their term vectors; idf over them. */
static void build(struct corpus *c, const struct chorus_doc *const *docs, size_t n)
{
	size_t d, total = 0, toks = 0, slots = 16, i, k;
	uint32_t *keys, *vals, *tmp;

	memset(c, 0, sizeof(*c));
	for (d = 0; d < n; d++) {
		total += docs[d]->n_sents;
		toks += docs[d]->n_tokens;
	}
	while (slots < 2 * toks + 16)
		slots <<= 1;
	keys = chorus_xcalloc(slots, sizeof(*keys));
	vals = chorus_xmalloc(chorus_xmul(slots, sizeof(*vals)));
	tmp = chorus_xmalloc(chorus_xmul(toks + 1, sizeof(*tmp)));
	c->s = chorus_xcalloc(total + 1, sizeof(*c->s));
	c->doc_sents = chorus_xcalloc(n + 1, sizeof(*c->doc_sents));
	for (d = 0; d < n; d++) {
		const struct chorus_doc *doc = docs[d];
		uint32_t pos = 0;

		for (k = 0; k < doc->n_sents; k++) {
			const struct chorus_sentence *cs = &doc->sents[k];
			struct csent *s = &c->s[c->n];
			uint32_t t, m = 0, j;

			if (cs->flags & CHORUS_SENT_TITLE)
				continue;
			pos++;
			for (t = cs->tok_begin; t < cs->tok_end; t++)
				if (is_term(&doc->tokens[t]))
					tmp[m++] = term_of(keys, vals, slots - 1, doc->tokens[t].stem,
							   &c->n_terms);
			qsort(tmp, m, sizeof(*tmp), cmp_u32);
			s->doc = doc;
			s->d = (uint32_t)d;
			s->idx = (uint32_t)k;
			s->pos = pos;
			s->words = (uint32_t)chorus__count_words(doc->text + cs->start, cs->end - cs->start);
			s->terms = chorus_xmalloc(chorus_xmul(m + 1, sizeof(*s->terms)));
			for (j = 0; j < m; j++) {
				if (s->n_terms && s->terms[s->n_terms - 1].id == tmp[j]) {
					s->terms[s->n_terms - 1].tf++;
					continue;
				}
				s->terms[s->n_terms].id = tmp[j];
				s->terms[s->n_terms++].tf = 1;
			}
			c->n++;
		}
		c->doc_sents[d] = pos;
	}
	c->sf = chorus_xcalloc(c->n_terms + 1, sizeof(*c->sf));
	c->count = chorus_xcalloc(c->n_terms + 1, sizeof(*c->count));
	c->idf = chorus_xcalloc(c->n_terms + 1, sizeof(*c->idf));
	c->post_first = chorus_xcalloc(c->n_terms + 2, sizeof(*c->post_first));
	for (i = 0; i < c->n; i++)
		for (k = 0; k < c->s[i].n_terms; k++) {
			c->sf[c->s[i].terms[k].id]++;
			c->count[c->s[i].terms[k].id] += c->s[i].terms[k].tf;
		}
	for (k = 0; k < c->n_terms; k++) {
		c->idf[k] = log((double)c->n / c->sf[k]);
		c->post_first[k + 1] = c->post_first[k] + c->sf[k];
	}
	c->post = chorus_xmalloc(chorus_xmul(c->post_first[c->n_terms] + 1, sizeof(*c->post)));
	memset(vals, 0, c->n_terms * sizeof(*vals)); /* fill counters per term */
	for (i = 0; i < c->n; i++)
		for (k = 0; k < c->s[i].n_terms; k++) {
			uint32_t id = c->s[i].terms[k].id;
			c->post[c->post_first[id] + vals[id]++] = (uint32_t)i;
		}
	for (i = 0; i < c->n; i++) {
		double sq = 0.0;
		for (k = 0; k < c->s[i].n_terms; k++) {
			double x = c->s[i].terms[k].tf * c->idf[c->s[i].terms[k].id];
			sq += x * x;
		}
		c->s[i].norm = sqrt(sq);
	}
	free(keys);
	free(vals);
	free(tmp);
}

static void release(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->s[i].terms);
	free(c->s);
	free(c->sf);
	free(c->count);
	free(c->idf);
	free(c->post_first);
	free(c->post);
	free(c->doc_sents);
}

/* The idf-modified cosine of sentences a and b (Erkan & Radev 2004, section 3). */
static double idf_cosine(const struct corpus *c, const struct csent *a, const struct csent *b)
{
	uint32_t i = 0, j = 0;
	double dot = 0.0;

	if (a->norm <= 0.0 || b->norm <= 0.0)
		return 0.0;
	while (i < a->n_terms && j < b->n_terms) {
		if (a->terms[i].id < b->terms[j].id) {
			i++;
		} else if (a->terms[i].id > b->terms[j].id) {
			j++;
		} else {
			double idf = c->idf[a->terms[i].id];
			dot += (double)a->terms[i].tf * b->terms[j].tf * idf * idf;
			i++;
			j++;
		}
	}
	return dot / (a->norm * b->norm);
}

/*
 * LexRank scores into c->s[].score: the threshold graph, degree-normalized, and the
 * stationary distribution of the walk with jumps (Erkan & Radev 2004, section 3.2:
 * p(u) = d / N + (1 - d) * sum over v joined to u of p(v) / deg(v)), by power iteration
 * until the scores change by less than LEXRANK_EPS in all. Sentences without a weighted
 * term are not in the graph and score 0.
 */
static void lexrank(struct corpus *c)
{
	size_t n = c->n, i, k, round, n_edges = 0, cap = 16, nodes = 0;
	double *acc = chorus_xcalloc(n + 1, sizeof(*acc));
	uint32_t *touched = chorus_xmalloc(chorus_xmul(n + 1, sizeof(*touched)));
	uint32_t *first = chorus_xcalloc(n + 2, sizeof(*first)), *deg;
	uint32_t *ei = chorus_xmalloc(chorus_xmul(cap, sizeof(*ei)));
	uint32_t *ej = chorus_xmalloc(chorus_xmul(cap, sizeof(*ej)));
	uint32_t *adj;
	double *p, *q;

	/* the edges i < j with cosine above the threshold, through the term postings */
	for (i = 0; i < n; i++) {
		const struct csent *a = &c->s[i];
		size_t n_touched = 0;

		if (a->norm <= 0.0)
			continue;
		nodes++;
		for (k = 0; k < a->n_terms; k++) {
			uint32_t id = a->terms[k].id, p0;
			double w = a->terms[k].tf * c->idf[id] * c->idf[id];

			if (w <= 0.0)
				continue; /* a term of every sentence adds nothing */
			for (p0 = c->post_first[id]; p0 < c->post_first[id + 1]; p0++) {
				uint32_t j = c->post[p0];
				uint32_t t;

				if (j <= i)
					continue;
				if (acc[j] == 0.0)
					touched[n_touched++] = j;
				for (t = 0; t < c->s[j].n_terms && c->s[j].terms[t].id != id; t++)
					;
				acc[j] += w * c->s[j].terms[t].tf;
			}
		}
		for (k = 0; k < n_touched; k++) {
			uint32_t j = touched[k];
			double cosine = c->s[j].norm > 0.0 ? acc[j] / (a->norm * c->s[j].norm) : 0.0;

			acc[j] = 0.0;
			if (cosine <= LEXRANK_EDGE)
				continue;
			if (n_edges == cap) {
				cap *= 2;
				ei = chorus_xrealloc(ei, chorus_xmul(cap, sizeof(*ei)));
				ej = chorus_xrealloc(ej, chorus_xmul(cap, sizeof(*ej)));
			}
			ei[n_edges] = (uint32_t)i;
			ej[n_edges++] = j;
		}
	}
	/* adjacency lists, both directions; the self-loop counts in the degree */
	for (k = 0; k < n_edges; k++) {
		first[ei[k] + 1]++;
		first[ej[k] + 1]++;
	}
	for (i = 0; i < n; i++)
		first[i + 1] += first[i];
	adj = chorus_xmalloc(chorus_xmul(2 * n_edges + 1, sizeof(*adj)));
	deg = chorus_xcalloc(n + 1, sizeof(*deg));
	for (k = 0; k < n_edges; k++) {
		adj[first[ei[k]] + deg[ei[k]]++] = ej[k];
		adj[first[ej[k]] + deg[ej[k]]++] = ei[k];
	}
	p = chorus_xcalloc(n + 1, sizeof(*p));
	q = chorus_xcalloc(n + 1, sizeof(*q));
	for (i = 0; i < n; i++) {
		deg[i] = first[i + 1] - first[i] + (c->s[i].norm > 0.0); /* and itself */
		p[i] = c->s[i].norm > 0.0 ? 1.0 / (double)nodes : 0.0;
	}
	for (round = 0; nodes && round < LEXRANK_ROUNDS; round++) {
		double change = 0.0;

		for (i = 0; i < n; i++) {
			double sum;

			if (c->s[i].norm <= 0.0)
				continue;
			sum = p[i] / deg[i];
			for (k = first[i]; k < first[i + 1]; k++)
				sum += p[adj[k]] / deg[adj[k]];
			q[i] = LEXRANK_JUMP / (double)nodes + (1.0 - LEXRANK_JUMP) * sum;
			change += fabs(q[i] - p[i]);
		}
		memcpy(p, q, n * sizeof(*p));
		if (change < LEXRANK_EPS)
			break;
	}
	for (i = 0; i < n; i++)
		c->s[i].score = p[i];
	free(acc);
	free(touched);
	free(first);
	free(deg);
	free(ei);
	free(ej);
	free(adj);
	free(p);
	free(q);
}

/* MEAD's scores C + P + F into c->s[].score (Radev et al. 2004). */
static void centroid(struct corpus *c, size_t n_docs)
{
	double *value = chorus_xcalloc(c->n_terms + 1, sizeof(*value));
	double *cmax = chorus_xcalloc(n_docs + 1, sizeof(*cmax));
	double *cval = chorus_xcalloc(c->n + 1, sizeof(*cval));
	size_t *first = chorus_xmalloc(chorus_xmul(n_docs + 1, sizeof(*first)));
	size_t i, k;

	for (k = 0; k < c->n_terms; k++) {
		value[k] = (double)c->count[k] / (double)n_docs * c->idf[k];
		if (value[k] <= CENTROID_MIN)
			value[k] = 0.0;
	}
	for (i = 0; i < n_docs; i++)
		first[i] = (size_t)-1;
	for (i = 0; i < c->n; i++) {
		const struct csent *s = &c->s[i];

		for (k = 0; k < s->n_terms; k++)
			cval[i] += s->terms[k].tf * value[s->terms[k].id];
		if (cval[i] > cmax[s->d])
			cmax[s->d] = cval[i];
		if (first[s->d] == (size_t)-1)
			first[s->d] = i;
	}
	for (i = 0; i < c->n; i++) {
		const struct csent *s = &c->s[i], *f = &c->s[first[s->d]];
		double n_d = c->doc_sents[s->d], overlap = 0.0;
		uint32_t a = 0, b = 0;

		while (a < s->n_terms && b < f->n_terms) { /* F: the inner product with the first */
			if (s->terms[a].id < f->terms[b].id) {
				a++;
			} else if (s->terms[a].id > f->terms[b].id) {
				b++;
			} else {
				overlap += (double)s->terms[a].tf * f->terms[b].tf;
				a++;
				b++;
			}
		}
		c->s[i].score = cval[i] + (n_d - s->pos + 1) / n_d * cmax[s->d] + overlap;
	}
	free(value);
	free(cmax);
	free(cval);
	free(first);
}

/* MEAD's redundancy: 2 * (distinct terms in common) / (distinct terms of a + of b). */
static double overlap_share(const struct csent *a, const struct csent *b)
{
	uint32_t i = 0, j = 0, shared = 0;

	if (!a->n_terms && !b->n_terms)
		return 0.0;
	while (i < a->n_terms && j < b->n_terms) {
		if (a->terms[i].id < b->terms[j].id)
			i++;
		else if (a->terms[i].id > b->terms[j].id)
			j++;
		else {
			shared++;
			i++;
			j++;
		}
	}
	return 2.0 * shared / (a->n_terms + b->n_terms);
}

static void add_line(struct chorus__buf *b, const struct csent *s)
{
	const struct chorus_sentence *cs = &s->doc->sents[s->idx];

	chorus__buf_add(b, s->doc->text + cs->start, cs->end - cs->start);
	chorus__buf_addch(b, '\n');
}

size_t chorus__baseline_centrality(const struct chorus_doc *const *docs, size_t n,
				   enum chorus_baseline kind, size_t words, struct chorus__buf *b)
{
	struct corpus c;
	unsigned char *done;
	size_t *taken, n_taken = 0, used = 0, i, k;
	double *penalty, top = 0.0;

	build(&c, docs, n);
	if (kind == CHORUS_BASELINE_LEXRANK)
		lexrank(&c);
	else
		centroid(&c, n);
	done = chorus_xcalloc(c.n + 1, 1);
	taken = chorus_xmalloc(chorus_xmul(c.n + 1, sizeof(*taken)));
	penalty = chorus_xcalloc(c.n + 1, sizeof(*penalty)); /* centroid: the largest Rs so far */
	for (i = 0; i < c.n; i++) {
		if (!c.s[i].n_terms || c.s[i].words < MIN_WORDS)
			done[i] = 1; /* nothing to say, or a fragment: never a candidate */
		else if (c.s[i].score > top)
			top = c.s[i].score;
	}
	while (!words || used < words) {
		size_t best = (size_t)-1;
		double best_score = 0.0;

		for (i = 0; i < c.n; i++) {
			double sc;

			if (done[i])
				continue;
			sc = c.s[i].score - (kind == CHORUS_BASELINE_CENTROID ? top * penalty[i] : 0.0);
			if (best == (size_t)-1 || sc > best_score) {
				best = i;
				best_score = sc;
			}
		}
		if (best == (size_t)-1)
			break;
		done[best] = 1;
		if (kind == CHORUS_BASELINE_LEXRANK) {
			for (k = 0; k < n_taken; k++)
				if (idf_cosine(&c, &c.s[best], &c.s[taken[k]]) > LEXRANK_REDUNDANT)
					break;
			if (k < n_taken)
				continue; /* too close to one already taken */
		} else {
			for (i = 0; i < c.n; i++) {
				double r;
				if (done[i])
					continue;
				r = overlap_share(&c.s[i], &c.s[best]);
				if (r > penalty[i])
					penalty[i] = r;
			}
		}
		taken[n_taken++] = best;
		used += c.s[best].words;
		add_line(b, &c.s[best]);
	}
	free(done);
	free(taken);
	free(penalty);
	release(&c);
	return n_taken;
}
