/*
 * cluster/cluster_impl.h: the clustering state shared by features.c (turning articles
 * into term counts) and cluster.c (the online assignment). Private to src/lib/cluster.
 */
#ifndef CHORUS_CLUSTER_IMPL_H
#define CHORUS_CLUSTER_IMPL_H

#include <math.h>

#include "chorus/cluster.h"
#include "chorus/lexicon.h"

/* A term and its count in one field of one article. */
struct chorus__tc {
	uint32_t term; /* id in the clustering's lexicon */
	float n;
};

struct chorus_features {
	struct chorus__tc *title, *body, *ent; /* distinct terms with counts */
	size_t n_title, n_body, n_ent;
};

/* A sparse vector: open addressing from term id (never 0) to weight. */
struct chorus__vec {
	uint32_t *keys;
	float *vals;
	uint32_t n, cap; /* cap: 0 or a power of two */
};

struct chorus__member;

struct chorus__story {
	struct chorus__vec v[3];  /* title, body, entities: sums of unit article vectors */
	double norm2[3];          /* squared norms of v */
	chorus_time first, last;  /* known publication times, or CHORUS_TIME_UNKNOWN */
	uint32_t size;            /* articles added */
	uint64_t newest;          /* order of addition + 1 of its newest member in the ring of
				   * recent members (cluster.c, split repair), 0 when none */
	uint32_t stamp, hits;     /* candidate counting in one decision */
};

/* Stories indexed under one term, newest last; only the newest entries are read. */
struct chorus__posting {
	uint32_t *ids; /* story index + 1 */
	size_t n, cap;
};

struct chorus_cluster {
	struct chorus_cluster_options o;
	struct chorus_lexicon *lex;  /* terms: stems, lowercased words, "@entities" */
	struct sb_stemmer *stemmer;
	size_t term_cap;             /* length of the per-term arrays below */
	uint32_t *scratch;           /* per term: a slot while counting one article */
	uint32_t *surface;           /* per stem: its most frequent lowercased word (the first on ties) */
	uint32_t *stem_of;           /* per word: its stem, UINT32_MAX for a stopword */
	uint32_t *wcount;            /* per word: times seen */
	uint32_t *df;                /* per term: articles holding it */
	uint32_t *lowmark;           /* per word: the stamp of the last text that writes it in
				      * lowercase (features.c: capitalized common words are
				      * not entities) */
	uint32_t text_stamp;         /* the stamp of the text being read */
	struct chorus__posting *post;
	struct chorus__story *stories;
	size_t n_stories, stories_cap;
	uint64_t docs;               /* articles added */
	uint32_t stamp;
	uint32_t *cand;              /* candidate story indexes of one decision */
	size_t n_cand, cand_cap;
	uint64_t cand_docs;          /* c->docs when cand was gathered for a decision */
	struct chorus__member *ring; /* the newest RECENT articles added, by order of addition
				      * modulo RECENT (cluster.c) */
};

/* Grows the per-term arrays to hold term id. */
void chorus__cluster_reserve(struct chorus_cluster *c, uint32_t id);
/* The inverse document frequency of a term held by df[term] of docs articles (df[t] is
 * 0 for t at or above cap): ln((docs + 1) / (df + 1)) + 1. */
static inline double chorus__idf(const uint32_t *df, size_t cap, uint64_t docs, uint32_t term)
{
	double d = term < cap ? df[term] : 0;

	return log(((double)docs + 1) / (d + 1)) + 1;
}

/* The weight of a term's count n in one article: 1 + ln n. */
static inline double chorus__tf(float n)
{
	return 1 + log(n > 1 ? n : 1);
}

/* Whether the lowercased word w (n bytes) is an English stopword. */
int chorus__cluster_is_stop(const char *w, size_t n);

#endif
