/*
 * cluster/cluster.c: online story clustering (chorus/cluster.h), after Miranda et al.
 * 2018, "Multilingual Clustering of Streaming News" (EMNLP), section 3: articles
 * arrive one at a time; each is compared with candidate stories only, and either joins
 * the best one or starts a new story.
 *
 * Cost per article is bounded independently of the number of stories: candidates are
 * read from the newest POST_SCAN entries of the postings of the article's top terms,
 * at most o.candidates of them are scored, a score costs one hash lookup per article
 * term, and a story's vectors are pruned to their STORY_TERMS heaviest terms. The
 * repairs after a join are bounded too: they see only the newest RECENT articles (a
 * ring of their vectors), a split check at most SPLIT_WINDOW members of one story, a
 * singleton repair ABSORB_SCORED small stories among the decision's candidates, a late
 * repair of a small story FULL_SCORED candidates, a delayed decision FULL_SCORED.
 */
#include <libstemmer.h>
#include <math.h>
#include <stdio.h>

#include "cluster/cluster_impl.h"
#include "util/alloc.h"
#include "util/buf.h"

#define POST_SCAN 64       /* newest entries of a posting read per term */
#define STORY_TERMS 256    /* terms kept per story field after pruning */
#define DAY 86400.0
#define PRE_TERMS 24       /* article terms in the first pass over the candidates */
#define FULL_SCORED 5      /* candidates that get the full score */
#define RECENT 4096        /* articles kept in the ring of recent members */
#define SPLIT_WINDOW CHORUS_CLUSTER_SPLIT_MAX /* newest members a split check looks at */
#define SPLIT_FROM 4       /* story sizes checked for a split: 4, 6, 8 ... 64 */
#define SPLIT_TO 64
#define SPLIT_WITHIN 0.2   /* least mean entity cosine within each group */
#define SPLIT_CROSS 0.45   /* most mean entity cosine across, as a share of the lower
			    * within: names nearly disjoint */
#define SPLIT_CROSS_BODY 0.6 /* or at most this share for the names ... */
#define SPLIT_BODY 0.65    /* ... and at most this share for the body terms */
#define ABSORB_SIZE 5      /* stories from this size take in recent stories of one ... */
#define ABSORB_SCORE 0.14  /* ... article that scores at least this against them, */
#define ABSORB_SCORE2 0.2  /* ... or of two that score at least this on average */
#define ABSORB_NAMES 0.03 /* ... and, below the join threshold, some names in common */
#define ABSORB_SCORED 5    /* small candidates scored, the most index hits first */
#define ABSORB_MAX CHORUS_CLUSTER_ABSORB_MAX /* articles taken in at one time */
#define REVISIT_AFTER CHORUS_CLUSTER_REVISIT_AFTER /* additions before a decision is
						     * made again */
#define REVISIT_MARGIN 0.15 /* by how much the other story must score higher */
#define REVISIT_SIZE 64    /* most articles of either story of a delayed move */
#define REVISIT_LATE CHORUS_CLUSTER_REVISIT_LATE /* additions before the second delayed
						   * decision on an article */
#define REVISIT_LATE_MARGIN 0.1 /* ... by how much the other story must score higher then */
#define SETTLE_AFTER CHORUS_CLUSTER_SETTLE_AFTER /* additions after a small story's newest
						   * article before its late repair */
#define SETTLE_SIZE CHORUS_CLUSTER_SETTLE_MAX /* most articles of a story so repaired */
#define SETTLE_SCORE 0.18  /* least mean score of a story of 3 or more so moved */

void chorus_cluster_options_init(struct chorus_cluster_options *o)
{
	o->threshold = 0.17;
	o->w_body = 0.7;
	o->w_title = 0.1;
	o->w_ent = 0.2;
	o->w_time = 0;
	o->decay_days = 7;
	o->index_terms = 12;
	o->candidates = 20;
}

struct kw {
	uint32_t key;
	float w;
};

/* One of the RECENT newest articles added: its unit vectors (sorted by term id), so
 * that a split can move it to another story. */
struct chorus__member {
	uint64_t doc;      /* order of addition + 1; 0: an empty slot */
	uint64_t prev;     /* doc of the member of the same story added before it, 0 none */
	uint32_t story;    /* story index */
	chorus_time t;
	struct kw *v[3];   /* title, body, entities; entities by term id, the body too
			    * when body_sorted */
	uint32_t n[3], cap[3];
	int body_sorted;
	uint32_t idx[64];  /* the terms its story was indexed under */
	uint32_t n_idx;
};

struct chorus_cluster *chorus_cluster_new(const struct chorus_cluster_options *o)
{
	struct chorus_cluster *c = chorus_xcalloc(1, sizeof(*c));

	if (o)
		c->o = *o;
	else
		chorus_cluster_options_init(&c->o);
	c->cand_docs = UINT64_MAX;
	c->lex = chorus_lexicon_new();
	c->stemmer = sb_stemmer_new("english", NULL);
	if (!c->stemmer) {
		fputs("chorus: out of memory (stemmer)\n", stderr);
		abort();
	}
	return c;
}

static void vec_release(struct chorus__vec *v)
{
	free(v->keys);
	free(v->vals);
}

void chorus_cluster_free(struct chorus_cluster *c)
{
	size_t i;
	int k;

	if (!c)
		return;
	for (i = 0; i < c->n_stories; i++)
		for (k = 0; k < 3; k++)
			vec_release(&c->stories[i].v[k]);
	for (i = 0; i < c->term_cap; i++)
		free(c->post[i].ids);
	free(c->stories);
	free(c->post);
	free(c->scratch);
	free(c->surface);
	free(c->stem_of);
	free(c->wcount);
	free(c->df);
	free(c->lowmark);
	free(c->cand);
	if (c->ring)
		for (i = 0; i < RECENT; i++)
			for (k = 0; k < 3; k++)
				free(c->ring[i].v[k]);
	free(c->ring);
	sb_stemmer_delete(c->stemmer);
	chorus_lexicon_free(c->lex);
	free(c);
}

void chorus__cluster_reserve(struct chorus_cluster *c, uint32_t id)
{
	size_t old = c->term_cap, cap = old;

	if (id < old)
		return;
	while (cap <= id)
		cap = cap ? cap * 2 : 4096;
	c->scratch = chorus_xrealloc(c->scratch, chorus_xmul(cap, sizeof(uint32_t)));
	c->surface = chorus_xrealloc(c->surface, chorus_xmul(cap, sizeof(uint32_t)));
	c->stem_of = chorus_xrealloc(c->stem_of, chorus_xmul(cap, sizeof(uint32_t)));
	c->wcount = chorus_xrealloc(c->wcount, chorus_xmul(cap, sizeof(uint32_t)));
	c->df = chorus_xrealloc(c->df, chorus_xmul(cap, sizeof(uint32_t)));
	c->lowmark = chorus_xrealloc(c->lowmark, chorus_xmul(cap, sizeof(uint32_t)));
	c->post = chorus_xrealloc(c->post, chorus_xmul(cap, sizeof(*c->post)));
	memset(c->scratch + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->surface + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->stem_of + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->wcount + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->df + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->lowmark + old, 0, (cap - old) * sizeof(uint32_t));
	memset(c->post + old, 0, (cap - old) * sizeof(*c->post));
	c->term_cap = cap;
}

void chorus_cluster_reserve_ids(struct chorus_cluster *c, int64_t n)
{
	size_t i, want = n > 0 ? (size_t)n : 0;

	if (want <= c->n_stories)
		return;
	CHORUS_GROW(c->stories, want, c->stories_cap);
	for (i = c->n_stories; i < want; i++) {
		memset(&c->stories[i], 0, sizeof(c->stories[i]));
		c->stories[i].first = c->stories[i].last = CHORUS_TIME_UNKNOWN;
	}
	c->n_stories = want;
}

size_t chorus_cluster_count(const struct chorus_cluster *c)
{
	return c->n_stories;
}

/* --- sparse vectors --- */

static float *vec_slot(struct chorus__vec *v, uint32_t key, int create)
{
	uint32_t i;

	if (create && (v->n + 1) * 2 > v->cap) {
		struct chorus__vec old = *v;

		v->cap = old.cap ? old.cap * 2 : 16;
		v->keys = chorus_xcalloc(v->cap, sizeof(*v->keys));
		v->vals = chorus_xcalloc(v->cap, sizeof(*v->vals));
		v->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.keys[i])
				*vec_slot(v, old.keys[i], 1) = old.vals[i];
		vec_release(&old);
	}
	if (!v->cap)
		return NULL;
	for (i = (key * 2654435761u) & (v->cap - 1);; i = (i + 1) & (v->cap - 1)) {
		if (v->keys[i] == key)
			return &v->vals[i];
		if (!v->keys[i]) {
			if (!create)
				return NULL;
			v->keys[i] = key;
			v->n++;
			return &v->vals[i];
		}
	}
}

static float vec_get(const struct chorus__vec *v, uint32_t key)
{
	const float *p = vec_slot((struct chorus__vec *)v, key, 0);

	return p ? *p : 0.0f;
}


static int kw_cmp(const void *a, const void *b)
{
	const struct kw *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Keeps the `keep` heaviest entries of v; returns the new squared norm. */
static double vec_prune(struct chorus__vec *v, uint32_t keep)
{
	struct kw *all = chorus_xmalloc(chorus_xmul(v->n, sizeof(*all)));
	struct chorus__vec nv = { 0 };
	uint32_t i, n = 0;
	double norm2 = 0;

	for (i = 0; i < v->cap; i++)
		if (v->keys[i]) {
			all[n].key = v->keys[i];
			all[n++].w = v->vals[i];
		}
	qsort(all, n, sizeof(*all), kw_cmp);
	for (i = 0; i < n && i < keep; i++) {
		*vec_slot(&nv, all[i].key, 1) = all[i].w;
		norm2 += (double)all[i].w * all[i].w;
	}
	vec_release(v);
	*v = nv;
	free(all);
	return norm2;
}

/* --- article vectors --- */

static double idf(const struct chorus_cluster *c, uint32_t term)
{
	return chorus__idf(c->df, c->term_cap, c->docs, term);
}

/* The unit TF-IDF vector of one field into out (n entries, sorted by weight):
 * chorus__tf() x chorus__idf(), scaled to unit length. */
static size_t unit(const struct chorus_cluster *c, const struct chorus__tc *v, size_t n,
		   struct kw **out)
{
	struct kw *w = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*w)));
	double norm2 = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double x = chorus__tf(v[i].n) * idf(c, v[i].term);

		w[i].key = v[i].term;
		w[i].w = (float)x;
		norm2 += x * x;
	}
	for (i = 0; i < n; i++)
		w[i].w = (float)(w[i].w / sqrt(norm2));
	qsort(w, n, sizeof(*w), kw_cmp);
	*out = w;
	return n;
}

struct docvec {
	struct kw *v[3];
	size_t n[3];
};

static void docvec_make(const struct chorus_cluster *c, const struct chorus_features *f,
			struct docvec *d)
{
	d->n[0] = unit(c, f->title, f->n_title, &d->v[0]);
	d->n[1] = unit(c, f->body, f->n_body, &d->v[1]);
	d->n[2] = unit(c, f->ent, f->n_ent, &d->v[2]);
}

static void docvec_release(struct docvec *d)
{
	int k;

	for (k = 0; k < 3; k++)
		free(d->v[k]);
}

/* --- decisions --- */


static double time_factor(const struct chorus_cluster *c, const struct chorus__story *s,
			  chorus_time t)
{
	double days;

	if (t == CHORUS_TIME_UNKNOWN || s->first == CHORUS_TIME_UNKNOWN || c->o.w_time <= 0)
		return 1.0;
	if (t < s->first)
		days = (double)(s->first - t) / DAY;
	else if (t > s->last)
		days = (double)(t - s->last) / DAY;
	else
		days = 0;
	return 1 - c->o.w_time + c->o.w_time * exp(-days / (c->o.decay_days > 0 ? c->o.decay_days : 3));
}


static double score(const struct chorus_cluster *c, const struct chorus__story *s,
		    const struct docvec *d, chorus_time t)
{

	const double w[3] = { c->o.w_title, c->o.w_body, c->o.w_ent };
	double total = 0;
	int k;

	for (k = 0; k < 3; k++) {
		double dot = 0;
		size_t i;

		if (!d->n[k] || s->norm2[k] <= 0 || w[k] == 0)
			continue;
		for (i = 0; i < d->n[k]; i++)
			dot += d->v[k][i].w * (double)vec_get(&s->v[k], d->v[k][i].key);
		total += w[k] * dot / sqrt(s->norm2[k]);
	}
	return total * time_factor(c, s, t);
}

/* The terms under which an article's story is indexed and looked up. */
static size_t index_terms(const struct chorus_cluster *c, const struct docvec *d, uint32_t *out)
{
	size_t n = 0, i, nb = c->o.index_terms, ne = (c->o.index_terms + 1) / 2;

	if (nb > 40) /* out holds 64 */
		nb = 40;
	if (ne > 20)
		ne = 20;
	for (i = 0; i < d->n[1] && i < nb; i++)
		out[n++] = d->v[1][i].key;
	for (i = 0; i < d->n[2] && i < ne; i++)
		out[n++] = d->v[2][i].key;
	return n;
}

static int cand_cmp_ctx(const struct chorus_cluster *c, uint32_t a, uint32_t b)
{
	const struct chorus__story *x = &c->stories[a], *y = &c->stories[b];

	if (x->hits != y->hits)
		return x->hits > y->hits ? -1 : 1;
	return a > b ? -1 : a < b; /* newer stories first */
}

/* Keeps the `keep` first candidates in the order of cand_cmp_ctx (a total order), by
 * insertion into a list of at most `keep`: cost n x keep, not n^2, when many stories
 * share the postings. */
static void top_candidates(struct chorus_cluster *c, size_t keep)
{
	size_t i, j, n = 0;

	for (i = 0; i < c->n_cand; i++) {
		uint32_t x = c->cand[i];

		if (n == keep && cand_cmp_ctx(c, c->cand[n - 1], x) <= 0)
			continue;
		j = n < keep ? n++ : n - 1;
		for (; j > 0 && cand_cmp_ctx(c, c->cand[j - 1], x) > 0; j--)
			c->cand[j] = c->cand[j - 1];
		c->cand[j] = x;
	}
	c->n_cand = n;
}

/* The candidate stories of the terms (the stories most often among the newest postings
 * of each) into c->cand. */
static void gather_terms(struct chorus_cluster *c, const uint32_t *terms, size_t nt)
{
	size_t i;

	c->n_cand = 0;
	c->cand_docs = UINT64_MAX; /* not a decision's, unless gather() says so */
	if (++c->stamp == 0) {
		for (i = 0; i < c->n_stories; i++)
			c->stories[i].stamp = 0;
		c->stamp = 1;
	}
	for (i = 0; i < nt; i++) {
		const struct chorus__posting *p;
		size_t j, from;

		if (terms[i] >= c->term_cap)
			continue;
		p = &c->post[terms[i]];
		from = p->n > POST_SCAN ? p->n - POST_SCAN : 0;
		for (j = from; j < p->n; j++) {
			uint32_t s = p->ids[j] - 1;
			struct chorus__story *st = &c->stories[s];

			if (st->stamp != c->stamp) {
				st->stamp = c->stamp;
				st->hits = 0;
				CHORUS_GROW(c->cand, c->n_cand + 1, c->cand_cap);
				c->cand[c->n_cand++] = s;
			}
			st->hits++;
		}
	}
	if (c->o.candidates)
		top_candidates(c, c->o.candidates);
	else
		c->n_cand = 0;
}

static void gather(struct chorus_cluster *c, const struct docvec *d)
{
	uint32_t terms[64];
	size_t nt = index_terms(c, d, terms);

	gather_terms(c, terms, nt);
	c->cand_docs = c->docs;
}

/* The body cosine over the article's PRE_TERMS heaviest terms only: a cheap first
 * pass that orders the candidates before the full score. */
static double prescore(const struct chorus__story *s, const struct docvec *d)
{
	double dot = 0;
	size_t i;

	if (s->norm2[1] <= 0)
		return 0;
	for (i = 0; i < d->n[1] && i < PRE_TERMS; i++)
		dot += d->v[1][i].w * (double)vec_get(&s->v[1], d->v[1][i].key);
	return dot / sqrt(s->norm2[1]);
}

static int64_t decide(struct chorus_cluster *c, const struct docvec *d, chorus_time t,
		      double *best_score)
{
	struct kw pre[64];
	int64_t best = 0;
	double bs = -1;
	size_t i, n;

	gather(c, d);
	n = c->n_cand < 64 ? c->n_cand : 64;
	for (i = 0; i < n; i++) {
		pre[i].key = c->cand[i];
		pre[i].w = (float)prescore(&c->stories[c->cand[i]], d);
	}
	qsort(pre, n, sizeof(*pre), kw_cmp);
	if (n > FULL_SCORED)
		n = FULL_SCORED;
	for (i = 0; i < n; i++) {
		uint32_t s = pre[i].key;
		double x = score(c, &c->stories[s], d, t);

		if (x > bs || (x == bs && (int64_t)s + 1 < best)) {
			bs = x;
			best = (int64_t)s + 1;
		}
	}
	if (best_score)
		*best_score = bs < 0 ? 0 : bs;
	return bs >= c->o.threshold ? best : 0;
}

int64_t chorus_cluster_decide(struct chorus_cluster *c, const struct chorus_features *f,
			      chorus_time t, double *score_out)
{
	struct docvec d;
	int64_t id;

	docvec_make(c, f, &d);
	id = decide(c, &d, t, score_out);
	docvec_release(&d);
	return id;
}

static void post(struct chorus_cluster *c, uint32_t term, uint32_t story)
{
	struct chorus__posting *p;

	chorus__cluster_reserve(c, term);
	p = &c->post[term];
	if (p->n && p->ids[p->n - 1] == story + 1)
		return;
	if (p->n == 2 * POST_SCAN) { /* only the newest POST_SCAN are ever read */
		memmove(p->ids, p->ids + POST_SCAN, POST_SCAN * sizeof(*p->ids));
		p->n = POST_SCAN;
	}
	CHORUS_GROW(p->ids, p->n + 1, p->cap);
	p->ids[p->n++] = story + 1;
}

static int kw_key_cmp(const void *a, const void *b)
{
	const struct kw *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* Puts the article just added to story s (order of addition c->docs) in the ring of
 * recent members, in place of the oldest. */
static void remember(struct chorus_cluster *c, uint32_t s, const struct docvec *d,
		     const uint32_t *terms, size_t nt, chorus_time t)
{
	struct chorus__member *m;
	int k;

	if (!c->ring)
		c->ring = chorus_xcalloc(RECENT, sizeof(*c->ring));
	m = &c->ring[c->docs % RECENT];
	for (k = 0; k < 3; k++) {
		if (d->n[k] > m->cap[k]) {
			free(m->v[k]);
			m->cap[k] = (uint32_t)d->n[k];
			m->v[k] = chorus_xmalloc(chorus_xmul(d->n[k], sizeof(struct kw)));
		}
		m->n[k] = (uint32_t)d->n[k];
		if (d->n[k])
			memcpy(m->v[k], d->v[k], d->n[k] * sizeof(struct kw));
	}
	/* the entities are compared (dot_sorted); the body only now and then, so it is
	 * sorted when a split check first needs it */
	if (m->n[2])
		qsort(m->v[2], m->n[2], sizeof(struct kw), kw_key_cmp);
	m->body_sorted = 0;
	m->doc = c->docs + 1;
	m->prev = c->stories[s].newest;
	m->story = s;
	m->t = t;
	m->n_idx = (uint32_t)nt;
	memcpy(m->idx, terms, nt * sizeof(*terms));
	c->stories[s].newest = m->doc;
}

int64_t chorus_cluster_add(struct chorus_cluster *c, int64_t id, const struct chorus_features *f,
			   chorus_time t)
{
	struct docvec d;
	struct chorus__story *s;
	uint32_t terms[64];
	size_t i, nt;
	int k;

	docvec_make(c, f, &d);
	if (id <= 0 || (size_t)id > c->n_stories) {
		/* A new story, or a stored one being reloaded past the end: fill up to id. */
		size_t want = id > 0 ? (size_t)id : c->n_stories + 1;

		chorus_cluster_reserve_ids(c, (int64_t)want);
		id = (int64_t)want;
	}
	s = &c->stories[id - 1];
	for (k = 0; k < 3; k++) {
		double dot = 0, self = 0;

		for (i = 0; i < d.n[k]; i++) {
			float *slot = vec_slot(&s->v[k], d.v[k][i].key, 1);

			dot += (double)*slot * d.v[k][i].w;
			self += (double)d.v[k][i].w * d.v[k][i].w;
			*slot += d.v[k][i].w;
		}
		s->norm2[k] += 2 * dot + self;
		if (s->v[k].n > 2 * STORY_TERMS)
			s->norm2[k] = vec_prune(&s->v[k], STORY_TERMS);
	}
	if (t != CHORUS_TIME_UNKNOWN) {
		if (s->first == CHORUS_TIME_UNKNOWN || t < s->first)
			s->first = t;
		if (s->last == CHORUS_TIME_UNKNOWN || t > s->last)
			s->last = t;
	}
	s->size++;
	nt = index_terms(c, &d, terms);
	for (i = 0; i < nt; i++)
		post(c, terms[i], (uint32_t)(id - 1));
	remember(c, (uint32_t)(id - 1), &d, terms, nt, t);
	/* document frequencies count body terms and entities */
	for (i = 0; i < f->n_body; i++) {
		chorus__cluster_reserve(c, f->body[i].term);
		c->df[f->body[i].term]++;
	}
	for (i = 0; i < f->n_ent; i++) {
		chorus__cluster_reserve(c, f->ent[i].term);
		c->df[f->ent[i].term]++;
	}
	c->docs++;
	docvec_release(&d);
	return id;
}

char *chorus_cluster_terms(const struct chorus_cluster *c, int64_t id, unsigned n)
{
	struct chorus__buf b = { 0 };
	const struct chorus__vec *v;
	struct kw *all;
	uint32_t i, m = 0;

	if (id <= 0 || (size_t)id > c->n_stories)
		return chorus_xstrdup("");
	v = &c->stories[id - 1].v[1];
	/* the n heaviest, in the order of kw_cmp (a total order: the same as sorting all),
	 * kept by insertion: this runs for every story a batch touches */
	all = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*all)));
	for (i = 0; i < v->cap && n; i++)
		if (v->keys[i]) {
			struct kw x = { v->keys[i], v->vals[i] * (float)idf(c, v->keys[i]) };
			uint32_t at = m < n ? m : n - 1;

			if (m == n && kw_cmp(&x, &all[n - 1]) >= 0)
				continue;
			while (at > 0 && kw_cmp(&x, &all[at - 1]) < 0) {
				all[at] = all[at - 1];
				at--;
			}
			all[at] = x;
			if (m < n)
				m++;
		}
	for (i = 0; i < m; i++) {
		uint32_t surf = all[i].key < c->term_cap ? c->surface[all[i].key] : 0;
		const char *s = chorus_lexicon_str(c->lex, surf ? surf : all[i].key, NULL);

		if (!s)
			continue;
		if (b.len)
			chorus__buf_addch(&b, ' ');
		chorus__buf_adds(&b, s);
	}
	free(all);
	return chorus__buf_detach(&b, NULL);
}

/* --- split repair --- */

/* The dot product of two vectors sorted by term id. */
static double dot_sorted(const struct kw *a, uint32_t na, const struct kw *b, uint32_t nb)
{
	double dot = 0;
	uint32_t i = 0, j = 0;

	while (i < na && j < nb) {
		if (a[i].key < b[j].key)
			i++;
		else if (a[i].key > b[j].key)
			j++;
		else
			dot += (double)a[i++].w * b[j++].w;
	}
	return dot;
}

static const struct chorus__member *member(const struct chorus_cluster *c, uint64_t doc)
{
	const struct chorus__member *m;

	if (!doc || !c->ring)
		return NULL;
	m = &c->ring[(doc - 1) % RECENT];
	return m->doc == doc ? m : NULL;
}

/* Whether a story of this size is due for a split check. */
static int split_due(uint32_t size)
{
	return size >= SPLIT_FROM && size <= SPLIT_TO && size % 2 == 0;
}

/* Moves member m from story `from` to story `to` (vectors, size, span). */
static void move_member(struct chorus_cluster *c, struct chorus__member *m, uint32_t from, uint32_t to)
{
	struct chorus__story *a = &c->stories[from], *b = &c->stories[to];
	uint32_t i;
	int k;

	for (k = 0; k < 3; k++)
		for (i = 0; i < m->n[k]; i++) {
			float *pa = vec_slot(&a->v[k], m->v[k][i].key, 0);
			float *pb = vec_slot(&b->v[k], m->v[k][i].key, 1);

			if (pa)
				*pa = *pa > m->v[k][i].w ? *pa - m->v[k][i].w : 0;
			*pb += m->v[k][i].w;
		}
	if (m->t != CHORUS_TIME_UNKNOWN) {
		if (b->first == CHORUS_TIME_UNKNOWN || m->t < b->first)
			b->first = m->t;
		if (b->last == CHORUS_TIME_UNKNOWN || m->t > b->last)
			b->last = m->t;
	}
	a->size--;
	b->size++;
	m->story = to;
	for (i = 0; i < m->n_idx; i++)
		post(c, m->idx[i], to);
}

static double norm2_of(const struct chorus__vec *v)
{
	double n2 = 0;
	uint32_t i;

	for (i = 0; i < v->cap; i++)
		if (v->keys[i])
			n2 += (double)v->vals[i] * v->vals[i];
	return n2;
}

/* Mean similarity within group 0, within group 1 and across (sim[i][j] for i < j). */
static void group_means(double sim[][SPLIT_WINDOW], const int *group, size_t m, double *w0,
			double *w1, double *cross)
{
	double sum[3] = { 0, 0, 0 }, n[3] = { 0, 0, 0 };
	size_t i, j;

	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			int k = group[i] != group[j] ? 2 : group[i];

			sum[k] += sim[i][j];
			n[k]++;
		}
	*w0 = n[0] ? sum[0] / n[0] : 0;
	*w1 = n[1] ? sum[1] / n[1] : 0;
	*cross = n[2] ? sum[2] / n[2] : 0;
}

/* The pairwise cosines of field k of the members. */
static void pairwise(const struct chorus__member *const *mem, size_t m, int k,
		     double sim[][SPLIT_WINDOW])
{
	size_t i, j;

	for (i = 0; i < m; i++) {
		sim[i][i] = 1;
		for (j = i + 1; j < m; j++)
			sim[i][j] = sim[j][i] = dot_sorted(mem[i]->v[k], mem[i]->n[k], mem[j]->v[k],
							   mem[j]->n[k]);
	}
}

/*
 * Divides members 0 .. m-1 into groups 0 and 1 by 2-medoids over sim (Kaufman and
 * Rousseeuw 1990, PAM, here exhaustive over the m (m - 1) / 2 pairs of medoids, which a
 * window of SPLIT_WINDOW allows): the pair that maximizes the summed similarity of each
 * member to its nearer medoid, the first such pair on ties; a member as near to both
 * goes with the first medoid.
 */
static void two_medoids(double sim[][SPLIT_WINDOW], size_t m, int *group)
{
	double best = -1;
	size_t i, j, x, a = 0, b = 1;

	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			double tot = 0;

			for (x = 0; x < m; x++)
				tot += sim[x][i] > sim[x][j] ? sim[x][i] : sim[x][j];
			if (tot > best) {
				best = tot;
				a = i;
				b = j;
			}
		}
	for (x = 0; x < m; x++)
		group[x] = sim[x][b] > sim[x][a];
}

/* Moves the members of group `out` of story s to a new story; returns its index. */
static uint32_t split_off(struct chorus_cluster *c, uint32_t s,
			  const struct chorus__member *const *mem, const int *group, size_t m,
			  int out, uint64_t *moved, size_t *n_moved)
{
	uint64_t last[2] = { 0, 0 };
	uint32_t ns;
	size_t i;
	int k;

	CHORUS_GROW(c->stories, c->n_stories + 1, c->stories_cap);
	ns = (uint32_t)c->n_stories++;
	memset(&c->stories[ns], 0, sizeof(c->stories[ns]));
	c->stories[ns].first = c->stories[ns].last = CHORUS_TIME_UNKNOWN;
	/* oldest first, relinking each group's chain of members; the oldest member that
	 * stays keeps its link to the older members beyond the window */
	for (i = m; i-- > 0;) {
		struct chorus__member *x = &c->ring[(mem[i]->doc - 1) % RECENT];
		int g = group[i] == out;

		if (g) {
			move_member(c, x, s, ns);
			moved[(*n_moved)++] = x->doc - 1;
		}
		if (last[g] || g)
			x->prev = last[g];
		last[g] = x->doc;
	}
	c->stories[s].newest = last[0];
	c->stories[ns].newest = last[1];
	for (k = 0; k < 3; k++) {
		c->stories[s].norm2[k] = norm2_of(&c->stories[s].v[k]);
		c->stories[ns].norm2[k] = norm2_of(&c->stories[ns].v[k]);
	}
	return ns;
}

/*
 * Split repair. Two events of one kind (two earthquakes, two celebrities in rehab) are
 * told apart by their casts: when the second event's first article joined the first
 * event's story, the story's members later fall into two groups whose names barely
 * overlap, while the articles of one broad subject keep naming its core people and
 * places. The test: both groups of at least two members, each coherent in names (mean
 * entity cosine within at least SPLIT_WITHIN), and across them either the mean entity
 * cosine at most SPLIT_CROSS of the lower within, or at most SPLIT_CROSS_BODY of it
 * while the mean body cosine across is at most SPLIT_BODY of the lower body within.
 */
int64_t chorus_cluster_split(struct chorus_cluster *c, int64_t id, uint64_t *moved, size_t *n_moved)
{
	const struct chorus__member *mem[SPLIT_WINDOW];
	double sim[SPLIT_WINDOW][SPLIT_WINDOW], w0, w1, cross, low;
	int group[SPLIT_WINDOW];
	size_t m = 0, i, n1 = 0;
	uint64_t doc;
	uint32_t s;

	*n_moved = 0;
	if (id <= 0 || (size_t)id > c->n_stories || !split_due(c->stories[id - 1].size))
		return 0;
	s = (uint32_t)(id - 1);
	for (doc = c->stories[s].newest; m < SPLIT_WINDOW; doc = mem[m++]->prev) {
		const struct chorus__member *x = member(c, doc);

		if (!x || x->story != s)
			break;
		mem[m] = x;
	}
	if (m < 4)
		return 0;
	pairwise(mem, m, 2, sim);
	two_medoids(sim, m, group);
	for (i = 0; i < m; i++)
		n1 += (size_t)group[i];
	if (n1 < 2 || m - n1 < 2)
		return 0;
	group_means(sim, group, m, &w0, &w1, &cross);
	low = w0 < w1 ? w0 : w1;
	if (low < SPLIT_WITHIN || cross > SPLIT_CROSS_BODY * low)
		return 0;
	if (cross > SPLIT_CROSS * low) {
		for (i = 0; i < m; i++) {
			struct chorus__member *x = &c->ring[(mem[i]->doc - 1) % RECENT];

			if (!x->body_sorted && x->n[1])
				qsort(x->v[1], x->n[1], sizeof(struct kw), kw_key_cmp);
			x->body_sorted = 1;
		}
		pairwise(mem, m, 1, sim);
		group_means(sim, group, m, &w0, &w1, &cross);
		if (cross > SPLIT_BODY * (w0 < w1 ? w0 : w1))
			return 0;
	}
	/* the group of the oldest member (mem[m - 1]) stays */
	return (int64_t)split_off(c, s, mem, group, m, !group[m - 1], moved, n_moved) + 1;
}

/* --- singleton repair --- */

/* The link of story s's chain of members (newest first) where member doc stands or
 * would stand: the first link that is not newer than doc. Only the newest SPLIT_WINDOW
 * links are walked; *cut (may be NULL) is set to 1 when the walk stopped at a member
 * that has left s or the ring, where the chain ends. */
static uint64_t *chain_link(struct chorus_cluster *c, uint32_t s, uint64_t doc, int *cut)
{
	uint64_t *link = &c->stories[s].newest;
	size_t steps;

	if (cut)
		*cut = 0;
	for (steps = 0; *link > doc && steps < SPLIT_WINDOW; steps++) {
		struct chorus__member *y = &c->ring[(*link - 1) % RECENT];

		if (y->doc != *link || y->story != s) {
			if (cut)
				*cut = 1;
			break;
		}
		link = &y->prev;
	}
	return link;
}

/* Links member x (already moved to story s) into s's chain of members. */
static void relink(struct chorus_cluster *c, uint32_t s, struct chorus__member *x)
{
	uint64_t *link = chain_link(c, s, x->doc, NULL);

	x->prev = *link < x->doc ? *link : 0;
	*link = x->doc;
}

/* The members of story x, a story of 1 to SETTLE_SIZE articles, into m (newest first);
 * their number, or 0 when one of them has left the ring. */
static size_t small_members(const struct chorus_cluster *c, uint32_t x,
			    const struct chorus__member **m)
{
	uint32_t i, n = c->stories[x].size;
	uint64_t doc = c->stories[x].newest;

	for (i = 0; i < n; i++) {
		m[i] = member(c, doc);
		if (!m[i] || m[i]->story != x)
			return 0;
		doc = m[i]->prev;
	}
	return n;
}

/* The mean cosine of field k (0 title, 1 body, 2 entities) of the members against
 * story s. */
static double members_field(const struct chorus__story *s, const struct chorus__member *const *m,
			    size_t n, int k)
{
	double sum = 0;
	size_t i, j;

	if (s->norm2[k] <= 0)
		return 0;
	for (i = 0; i < n; i++) {
		double dot = 0;

		for (j = 0; j < m[i]->n[k]; j++)
			dot += m[i]->v[k][j].w * (double)vec_get(&s->v[k], m[i]->v[k][j].key);
		sum += dot / sqrt(s->norm2[k]);
	}
	return sum / (double)n;
}

/* The mean score of the members against story s, each scored as an article. */
static double members_score(const struct chorus_cluster *c, const struct chorus__story *s,
			    const struct chorus__member *const *m, size_t n)
{
	double sum = 0;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		struct docvec d;

		for (k = 0; k < 3; k++) {
			d.v[k] = m[i]->v[k];
			d.n[k] = m[i]->n[k];
		}
		sum += score(c, s, &d, m[i]->t);
	}
	return sum / (double)n;
}

/* Whether the n members of a small story move into story s, given their mean score sc
 * against it: sc reaches ABSORB_SCORE (one article), ABSORB_SCORE2 (two) or SETTLE_SCORE
 * (more), and one article that scores below the join threshold also shares some names
 * with s (mean entity cosine at least ABSORB_NAMES). */
static int absorbs_at(const struct chorus_cluster *c, const struct chorus__story *s,
		      const struct chorus__member *const *m, size_t n, double sc)
{
	if (sc < (n == 1 ? ABSORB_SCORE : n == 2 ? ABSORB_SCORE2 : SETTLE_SCORE))
		return 0;
	return n != 1 || sc >= c->o.threshold || members_field(s, m, n, 2) >= ABSORB_NAMES;
}

static int absorbs(const struct chorus_cluster *c, const struct chorus__story *s,
		   const struct chorus__member *const *m, size_t n)
{
	return absorbs_at(c, s, m, n, members_score(c, s, m, n));
}

/* Moves the n members m (newest first) of story x, all of its articles, into story s
 * (oldest first, their orders of addition appended to moved) and leaves x empty, with
 * its id. The caller counts s's norms again. */
static void take_whole(struct chorus_cluster *c, uint32_t s, uint32_t x,
		       const struct chorus__member *const *m, size_t n, uint64_t *moved,
		       size_t *n_moved)
{
	size_t j;
	int k;

	for (j = n; j-- > 0;) {
		struct chorus__member *w = &c->ring[(m[j]->doc - 1) % RECENT];

		move_member(c, w, x, s);
		relink(c, s, w);
		moved[(*n_moved)++] = w->doc - 1;
	}
	for (k = 0; k < 3; k++) {
		vec_release(&c->stories[x].v[k]);
		memset(&c->stories[x].v[k], 0, sizeof(c->stories[x].v[k]));
		c->stories[x].norm2[k] = 0;
	}
	c->stories[x].newest = 0;
}

/*
 * Singleton repair. A broad subject's second article often shares too little with its
 * first to join it, and starts a story of its own (and a third may join that one);
 * once the subject's story has grown, its centroid is more general and the small
 * story's articles score higher against it. So when story s has at least ABSORB_SIZE
 * members, the stories of one or two articles among the candidates of its newest
 * member's index terms (the ABSORB_SCORED of them with the most hits whose articles
 * are still in the ring of recent members) are scored against s, each article as an
 * article would be, and those whose articles score at least ABSORB_SCORE on average
 * (ABSORB_SCORE2 for two; a single article below the join threshold must also share
 * some names with s, see absorbs) move into s, at most ABSORB_MAX articles at a time. An
 * emptied story keeps its id, with no members.
 */
int64_t chorus_cluster_absorb(struct chorus_cluster *c, int64_t id, uint64_t *moved, size_t *n_moved)
{
	const struct chorus__member *last;
	uint32_t s, terms[64];
	size_t i, scored = 0;
	int k;

	*n_moved = 0;
	if (id <= 0 || (size_t)id > c->n_stories || c->stories[id - 1].size < ABSORB_SIZE)
		return 0;
	s = (uint32_t)(id - 1);
	last = member(c, c->stories[s].newest);
	if (!last || last->story != s)
		return 0;
	/* the candidates of the decision on the article just added, when they are still
	 * there (it was decided when c->docs was one less), else gathered again */
	if (c->cand_docs + 1 != last->doc) {
		memcpy(terms, last->idx, last->n_idx * sizeof(*terms));
		gather_terms(c, terms, last->n_idx);
	}
	for (i = 0; i < c->n_cand && scored < ABSORB_SCORED; i++) {
		const struct chorus__member *m[SETTLE_SIZE];
		uint32_t x = c->cand[i];
		size_t n;

		if (x == s || c->stories[x].size < 1 || c->stories[x].size > 2 ||
		    !(n = small_members(c, x, m)))
			continue;
		scored++;
		if (*n_moved + n > ABSORB_MAX || !absorbs(c, &c->stories[s], m, n))
			continue;
		take_whole(c, s, x, m, n, moved, n_moved);
	}
	if (!*n_moved)
		return 0;
	for (k = 0; k < 3; k++)
		c->stories[s].norm2[k] = norm2_of(&c->stories[s].v[k]);
	return id;
}

/* --- late repair --- */

/*
 * Late repair. The singleton repair looks at small stories from the side of a grown one,
 * when an article joins it; a small story that is no candidate of those joins, or that
 * scored too low then, is looked at once more from its own side: when SETTLE_AFTER
 * articles have been added after its newest one, a story of at most SETTLE_SIZE articles
 * (all in the ring of recent members) is scored against the best FULL_SCORED of the
 * candidates of its newest article's index terms that have at least ABSORB_SIZE
 * articles (and more than it), each of its articles as an article would be, and it moves
 * whole into the best of them on the bars of the singleton repair (absorbs_at). The
 * story stays empty, with its id.
 */
int64_t chorus_cluster_settle(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved)
{
	const struct chorus__member *m[SETTLE_SIZE], *last;
	uint32_t x, best = UINT32_MAX, terms[64];
	double best_sc = -1;
	size_t n, i, full = 0;
	int k;

	*n_moved = 0;
	if (c->docs <= SETTLE_AFTER || !(last = member(c, c->docs - SETTLE_AFTER)))
		return 0;
	x = last->story;
	n = c->stories[x].size;
	if (n > SETTLE_SIZE || c->stories[x].newest != last->doc || small_members(c, x, m) != n)
		return 0;
	memcpy(terms, last->idx, last->n_idx * sizeof(*terms));
	gather_terms(c, terms, last->n_idx);
	for (i = 0; i < c->n_cand && full < FULL_SCORED; i++) {
		uint32_t y = c->cand[i];
		double sc;

		if (y == x || c->stories[y].size < ABSORB_SIZE || c->stories[y].size <= n)
			continue;
		full++;
		sc = members_score(c, &c->stories[y], m, n);
		if (sc > best_sc) {
			best_sc = sc;
			best = y;
		}
	}
	if (best == UINT32_MAX || !absorbs_at(c, &c->stories[best], m, n, best_sc))
		return 0;
	take_whole(c, best, x, m, n, moved, n_moved);
	for (k = 0; k < 3; k++)
		c->stories[best].norm2[k] = norm2_of(&c->stories[best].v[k]);
	return (int64_t)best + 1;
}

/* --- delayed decisions --- */

/* Takes member x out of story s's chain of members (newest first; only the newest
 * SPLIT_WINDOW links are walked: an older member stays linked, and a walk that meets it
 * stops there, as at any member that has left s). */
static void unlink_member(struct chorus_cluster *c, uint32_t s, const struct chorus__member *x)
{
	int cut;
	uint64_t *link = chain_link(c, s, x->doc, &cut);

	if (!cut && *link == x->doc)
		*link = x->prev;
}

/* The score of member m against its own story o without m's contribution: per field
 * the cosine of m with o's sum minus m's unit vector. */
static double own_score(const struct chorus_cluster *c, const struct chorus__story *o,
			const struct chorus__member *m)
{
	const double w[3] = { c->o.w_title, c->o.w_body, c->o.w_ent };
	double total = 0;
	size_t i;
	int k;

	for (k = 0; k < 3; k++) {
		double dot = 0, self = 0, n2;

		for (i = 0; i < m->n[k]; i++) {
			dot += m->v[k][i].w * (double)vec_get(&o->v[k], m->v[k][i].key);
			self += m->v[k][i].w * (double)m->v[k][i].w;
		}
		n2 = o->norm2[k] - 2 * dot + self;
		if (n2 > 1e-9 && w[k] != 0)
			total += w[k] * (dot - self) / sqrt(n2);
	}
	return total;
}

/*
 * Delayed decision. An article is decided on arrival against the stories of then; once
 * `after` more have arrived, the stories around it have grown and it is scored again:
 * against the best FULL_SCORED of the candidates of its index terms (other than its own
 * story) as on arrival, and against its own story without its contribution (the join
 * threshold for a story of its own). It moves when the best other story (of at least
 * `least` articles) scores at least the threshold and `margin` more than its own. Both
 * stories have at most REVISIT_SIZE articles (the store recounts both).
 */
static int64_t revisit(struct chorus_cluster *c, uint64_t after, double margin, uint32_t least,
		       uint64_t *moved, size_t *n_moved)
{
	const struct chorus__member *m;
	struct chorus__member *w;
	struct docvec d;
	uint32_t own, best = UINT32_MAX, terms[64];
	double own_sc, best_sc = -1;
	size_t i, full = 0;
	int k;

	*n_moved = 0;
	if (c->docs <= after || !(m = member(c, c->docs - after)))
		return 0;
	own = m->story;
	if (c->stories[own].size > REVISIT_SIZE)
		return 0;
	own_sc = c->stories[own].size <= 1 ? c->o.threshold : own_score(c, &c->stories[own], m);
	for (k = 0; k < 3; k++) {
		d.v[k] = m->v[k];
		d.n[k] = m->n[k];
	}
	memcpy(terms, m->idx, m->n_idx * sizeof(*terms));
	gather_terms(c, terms, m->n_idx);
	for (i = 0; i < c->n_cand && full < FULL_SCORED; i++) {
		uint32_t x = c->cand[i];
		double sc;

		if (x == own || !c->stories[x].size)
			continue;
		full++;
		if (c->stories[x].size >= REVISIT_SIZE || c->stories[x].size < least)
			continue;
		sc = score(c, &c->stories[x], &d, m->t);
		if (sc > best_sc) {
			best_sc = sc;
			best = x;
		}
	}
	if (best == UINT32_MAX || best_sc < c->o.threshold || best_sc < own_sc + margin)
		return 0;
	w = &c->ring[(m->doc - 1) % RECENT];
	unlink_member(c, own, w);
	move_member(c, w, own, best);
	relink(c, best, w);
	for (k = 0; k < 3; k++) {
		c->stories[own].norm2[k] = norm2_of(&c->stories[own].v[k]);
		c->stories[best].norm2[k] = norm2_of(&c->stories[best].v[k]);
	}
	moved[(*n_moved)++] = w->doc - 1;
	return (int64_t)best + 1;
}

int64_t chorus_cluster_revisit(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved)
{
	return revisit(c, REVISIT_AFTER, REVISIT_MARGIN, 0, moved, n_moved);
}

/* The second delayed decision: later, with a lower margin, and only towards stories
 * that have grown to ABSORB_SIZE articles (a story of an article or two is no better
 * judge REVISIT_LATE articles later than on arrival). */
int64_t chorus_cluster_revisit_late(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved)
{
	return revisit(c, REVISIT_LATE, REVISIT_LATE_MARGIN, ABSORB_SIZE, moved, n_moved);
}
