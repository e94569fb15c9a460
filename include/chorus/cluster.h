/*
 * chorus/cluster.h: online story clustering, and the updater that runs dedup and
 * clustering over a stream of articles into the store (see docs/DESIGN.md, "cluster").
 *
 * Method (after Miranda et al. 2018, "Multilingual Clustering of Streaming News",
 * EMNLP, sections 3-4): each article becomes three sparse vectors, title terms, body
 * terms and named entities, weighted by TF-IDF with document frequencies counted
 * incrementally. A story keeps the sum of its articles' unit vectors per field and its
 * time span. Candidate stories come from an inverted index (term -> stories) over each
 * article's most heavily weighted terms; each candidate is scored by
 *   (w_body cos_body + w_title cos_title + w_ent cos_ent) x (1 - w_time + w_time decay)
 * where decay = exp(-days outside the story's span / decay_days) (1 when a time is
 * unknown). The article joins the best story when the score reaches the threshold,
 * else it starts a new story. Two repairs follow a join: a grown story takes in recent
 * stories of one or two articles that now score nearly as high against it
 * (chorus_cluster_absorb), and a story whose newest members fall into two groups of
 * different names is split (chorus_cluster_split). After every article, earlier ones
 * are decided again (chorus_cluster_revisit, chorus_cluster_revisit_late) and an
 * earlier small story may move into a grown one (chorus_cluster_settle). Weights,
 * threshold and the repairs' bounds were tuned on development data (docs/stories.md).
 */
#ifndef CHORUS_CLUSTER_H
#define CHORUS_CLUSTER_H

#include "chorus/article.h"
#include "chorus/store.h"

#ifdef __cplusplus
extern "C" {
#endif

struct chorus_cluster_options {
	double threshold;      /* join when the score reaches it */
	double w_body, w_title, w_ent; /* weights of the three cosines */
	double w_time;         /* 0: time is ignored; 1: the score is scaled by the decay */
	double decay_days;     /* e-folding time of the decay */
	unsigned index_terms;  /* terms of an article under which its story is indexed */
	unsigned candidates;   /* stories scored per article, the most index hits first */
};

/* The tuned defaults. */
void chorus_cluster_options_init(struct chorus_cluster_options *o);

struct chorus_cluster;
struct chorus_features;

/* A new, empty clustering; o may be NULL for the defaults. */
struct chorus_cluster *chorus_cluster_new(const struct chorus_cluster_options *o);
void chorus_cluster_free(struct chorus_cluster *c);

/*
 * The features of an article (title, body words, capitalized-name entities), with its
 * terms interned in c. The title is a->title, or the first line of the text. Never
 * fails; an article with no words has empty features.
 */
struct chorus_features *chorus_cluster_features(struct chorus_cluster *c,
						const struct chorus_article *a);
/* The features as one line of text (for the store), and back. The string is the
 * caller's. Parsing accepts any bytes; what it cannot read is skipped. */
char *chorus_features_format(const struct chorus_cluster *c, const struct chorus_features *f);
struct chorus_features *chorus_features_parse(struct chorus_cluster *c, const char *s);
void chorus_features_free(struct chorus_features *f);

/*
 * The story f belongs to: an existing story id, or 0 for a new one; the winning score
 * in *score when not NULL. Does not change c.
 */
int64_t chorus_cluster_decide(struct chorus_cluster *c, const struct chorus_features *f,
			      chorus_time t, double *score);

/*
 * Adds f to story id (an existing one, or 0 to start a new one) and returns the
 * story's id. New stories are numbered 1, 2, 3 ... in order of creation.
 */
int64_t chorus_cluster_add(struct chorus_cluster *c, int64_t id, const struct chorus_features *f,
			   chorus_time t);

/* The most articles one split moves. */
#define CHORUS_CLUSTER_SPLIT_MAX 32

/*
 * Split repair, to call after an article joined story id (chorus_cluster_add): at some
 * sizes of the story (4, 6, 8, ... 32), its newest members (at most
 * CHORUS_CLUSTER_SPLIT_MAX, among the last few thousand articles added) are divided
 * into two groups by their entities (2-medoids); when the two groups share almost no
 * names and each is coherent within, the group without the story's oldest member becomes
 * a new story (the next id), whose id is returned. The articles it took are then in
 * moved[0 .. *n_moved - 1] (room for CHORUS_CLUSTER_SPLIT_MAX), oldest first, each as
 * its order of addition to c (from 0: the first article chorus_cluster_add was given is
 * 0). Returns 0 and *n_moved = 0 when the story stays whole.
 */
int64_t chorus_cluster_split(struct chorus_cluster *c, int64_t id, uint64_t *moved, size_t *n_moved);

/* The most articles one call of chorus_cluster_absorb moves. */
#define CHORUS_CLUSTER_ABSORB_MAX 4

/*
 * Singleton repair, to call after an article joined story id: once the story has a few
 * members, recent stories of one or two articles among its candidates whose articles
 * now score nearly as high against it as a joining article would are moved into it
 * whole, each leaving an empty story (its id is not reused). Returns id when it moved
 * some (their orders of addition in moved[0 .. *n_moved - 1], room for
 * CHORUS_CLUSTER_ABSORB_MAX), else 0.
 */
int64_t chorus_cluster_absorb(struct chorus_cluster *c, int64_t id, uint64_t *moved, size_t *n_moved);

/*
 * Delayed decision, to call after each article added: the article added
 * CHORUS_CLUSTER_REVISIT_AFTER additions before the newest one is scored again against
 * the stories it is a candidate of and against its own story without it, and moves to
 * the best other story when that scores at least the join threshold and clearly more
 * than its own (both stories of at most 64 articles). Returns the story it moved to
 * (its order of addition in moved[0], *n_moved = 1), else 0 and *n_moved = 0.
 */
#define CHORUS_CLUSTER_REVISIT_AFTER 16
int64_t chorus_cluster_revisit(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved);

/*
 * The second delayed decision, to call after each article added: as
 * chorus_cluster_revisit, for the article added CHORUS_CLUSTER_REVISIT_LATE additions
 * before the newest one, with a lower margin, and towards stories of at least 5
 * articles only.
 */
#define CHORUS_CLUSTER_REVISIT_LATE 512
int64_t chorus_cluster_revisit_late(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved);

/* The most articles of a story that chorus_cluster_settle moves. */
#define CHORUS_CLUSTER_SETTLE_MAX 6

/*
 * Late repair, to call after each article added: the story whose newest article was
 * added CHORUS_CLUSTER_SETTLE_AFTER additions before the newest one, when it has at most
 * CHORUS_CLUSTER_SETTLE_MAX articles, moves whole into the best of its candidate stories
 * of at least 5 articles when its articles score nearly as high against it as a joining
 * article would (the bars of chorus_cluster_absorb; for 3 or more articles a mean score
 * of 0.18), leaving an empty story (its id is not reused). Returns the story it moved
 * into (the articles' orders of addition in moved[0 .. *n_moved - 1], oldest first, room
 * for CHORUS_CLUSTER_SETTLE_MAX), else 0 and *n_moved = 0.
 */
#define CHORUS_CLUSTER_SETTLE_AFTER 128
int64_t chorus_cluster_settle(struct chorus_cluster *c, uint64_t *moved, size_t *n_moved);

/* Gives out the ids up to n (stories without members, when not made yet), so that new
 * stories get higher ids: for a clustering rebuilt from a store whose last stories were
 * emptied by a repair. */
void chorus_cluster_reserve_ids(struct chorus_cluster *c, int64_t n);

/* The number of stories (ids given out, emptied stories included). */
size_t chorus_cluster_count(const struct chorus_cluster *c);

/* The n most heavily weighted body terms of story id, space separated (caller frees). */
char *chorus_cluster_terms(const struct chorus_cluster *c, int64_t id, unsigned n);

/* Clustering quality against gold labels. */
struct chorus_cluster_scores {
	double pair_p, pair_r, pair_f; /* over pairs of items in one cluster */
	double b3_p, b3_r, b3_f;       /* BCubed (Bagga and Baldwin 1998), averaged over items */
	size_t items, gold_clusters, pred_clusters;
};

/*
 * Scores the predicted labels pred[i] against gold[i] for n items (labels are any
 * numbers; equal means one cluster). Measures with an empty denominator are 1.
 */
void chorus_cluster_score(const uint32_t *gold, const uint32_t *pred, size_t n,
			  struct chorus_cluster_scores *out);

/*
 * The ceiling of the clustering's similarity on labelled articles: each of the n
 * articles f[i] (features of one chorus_cluster) is put in the gold story whose other
 * articles score highest against it, by the score of chorus_cluster_decide without
 * time (the weights of o, NULL for the defaults; each story the sum of its articles'
 * unit vectors, not pruned; document frequencies counted over the n articles). out[i]
 * gets that story's gold label, or UINT32_MAX - i when no story scores above 0 (the
 * article stays alone; gold labels must be below UINT32_MAX - n). Ties go to the lower
 * label. Scored with chorus_cluster_score against gold, this is what nearest-centroid
 * classification with the answers known reaches: a bound for the online clustering.
 */
void chorus_cluster_ceiling(const struct chorus_cluster_options *o,
			    struct chorus_features *const *f, const uint32_t *gold, size_t n,
			    uint32_t *out);

/* What an updater did so far. */
struct chorus_update_stats {
	size_t read;        /* articles given to chorus_updater_add */
	size_t added;       /* new articles stored */
	size_t known;       /* skipped: the id was stored already */
	size_t copies;      /* new articles that copy an earlier text (exact or near) */
	size_t new_stories; /* stories started */
	size_t batches;     /* batches committed */
};

struct chorus_updater_options {
	struct chorus_cluster_options cluster;
	double dup_threshold; /* Jaccard of a near copy; 0: 0.8 */
	size_t batch;         /* articles per batch (one transaction); 0: 500 */
};

void chorus_updater_options_init(struct chorus_updater_options *o);

struct chorus_updater;

/*
 * A new updater writing to st (opened with CHORUS_STORE_WRITER), or working in memory
 * only when st is NULL. The dedup index and the clustering state are rebuilt from the
 * articles already stored, so new articles can join old stories. opt may be NULL.
 */
int chorus_updater_new(struct chorus_ctx *ctx, struct chorus_store *st,
		       const struct chorus_updater_options *opt, struct chorus_updater **out);
/* Frees the updater; articles not yet flushed are dropped. */
void chorus_updater_free(struct chorus_updater *u);

/*
 * Takes the article (its fields are moved out, *a is left empty). When a batch is
 * full it is processed and committed: within a batch, articles are taken in order of
 * publication (an article without a date keeps the time of the one before it in the
 * input). Returns 0 or the error of a failed batch (rolled back).
 */
int chorus_updater_add(struct chorus_ctx *ctx, struct chorus_updater *u, struct chorus_article *a);
/* Processes and commits what is pending. */
int chorus_updater_flush(struct chorus_ctx *ctx, struct chorus_updater *u);

const struct chorus_update_stats *chorus_updater_stats(const struct chorus_updater *u);

/* Called for each processed article: its id (borrowed), its seq (order of arrival, from
 * 1), its story, and the seq of the original it copies (0 when it is an original).
 * Called again, with id NULL, for an article processed earlier that a split
 * (chorus_cluster_split) moved to a new story. */
typedef void (*chorus_assign_fn)(void *arg, const char *id, int64_t seq, int64_t story,
				 int64_t dup_of);
void chorus_updater_on_assign(struct chorus_updater *u, chorus_assign_fn fn, void *arg);

#ifdef __cplusplus
}
#endif
#endif
