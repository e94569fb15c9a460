/*
 * chorus/eval.h: scoring summaries against reference summaries with ROUGE, computed
 * as the reference scorer ROUGE-1.5.5 computes them (Lin 2004, "ROUGE: A Package for
 * Automatic Evaluation of Summaries"), so that figures can be compared with published
 * ones. See docs/rouge.md for the method, every detail that was matched, and the
 * comparison with ROUGE-1.5.5.
 *
 * The defaults are the usual DUC settings, ROUGE-1.5.5 with `-n 2 -m -l 100 -2 4 -u`:
 * ROUGE-1, ROUGE-2 and ROUGE-SU4; Porter stemming; the first 100 words of each text;
 * no stopword removal; several references averaged over models (`-f A`).
 */
#ifndef CHORUS_EVAL_H
#define CHORUS_EVAL_H

#include "chorus/common.h"
#include "chorus/article.h"
#include "chorus/ingest.h"

#ifdef __cplusplus
extern "C" {
#endif

enum chorus_rouge_metric {
	CHORUS_ROUGE_1 = 0,   /* unigrams */
	CHORUS_ROUGE_2 = 1,   /* bigrams */
	CHORUS_ROUGE_SU = 2,  /* skip bigrams within skip_distance, plus unigrams */
	CHORUS_ROUGE_METRICS = 3
};

struct chorus_rouge_options {
	size_t word_limit;      /* words kept from each text (ROUGE's -l); 0 keeps all */
	int stem;               /* nonzero: stem words longer than 3 letters (ROUGE's -m) */
	unsigned skip_distance; /* words allowed between the two of a skip bigram (-2) */
	int skip_unigrams;      /* nonzero: SU counts unigrams too (ROUGE's -u) */
	double alpha;           /* F = PR / ((1 - alpha) P + alpha R); 0.5 gives F1 */
};

/* The defaults: word_limit 100, stem 1, skip_distance 4, skip_unigrams 1, alpha 0.5. */
void chorus_rouge_options_default(struct chorus_rouge_options *opt);

/* The name of a metric for the options in force: "ROUGE-1", "ROUGE-2", "ROUGE-SU4". */
const char *chorus_rouge_metric_name(const struct chorus_rouge_options *opt,
				     enum chorus_rouge_metric m, char *buf, size_t size);

/* One summary's score on one metric, over all its references. */
struct chorus_rouge_score {
	double recall;      /* hits / model_count, rounded to 5 decimals as ROUGE prints it */
	double precision;   /* hits / peer_count, rounded the same way */
	double f;           /* from the rounded recall and precision, then rounded */
	size_t hits;        /* clipped matches, summed over the references */
	size_t model_count; /* grams in the references, summed */
	size_t peer_count;  /* grams in the summary, counted once per reference */
};

/* A scorer: the options and the stemmer's exception list. */
struct chorus_rouge;

/* A new scorer; opt NULL means the defaults. Never returns NULL. */
struct chorus_rouge *chorus_rouge_new(const struct chorus_rouge_options *opt);
void chorus_rouge_free(struct chorus_rouge *r);

/*
 * Loads stemming exceptions: irregular forms mapped to their base word, as in
 * WordNet's exception files ("went go", one per line; words after the second are
 * ignored). path is one such file or a folder, whose files ending in ".exc" are read in
 * name order; a later entry replaces an earlier one. ROUGE-1.5.5 looks every word up
 * in WordNet 2.0's exception list before it stems, so exact agreement needs that list
 * (it ships with ROUGE-1.5.5, data/WordNet-2.0-Exceptions/). Returns 0 or a negative
 * code (CHORUS_ENOTFOUND, CHORUS_EIO, CHORUS_EPARSE) with the message on ctx.
 */
int chorus_rouge_load_exceptions(struct chorus_ctx *ctx, struct chorus_rouge *r,
				 const char *path);

/* The number of exceptions loaded. */
size_t chorus_rouge_exception_count(const struct chorus_rouge *r);

/*
 * Scores the summary peer[0 .. peer_len) against nrefs references refs[i][0 ..
 * ref_lens[i]). Texts are any bytes, one sentence per line (ROUGE's SPL format).
 * Fills out[CHORUS_ROUGE_METRICS]. With no reference every score is 0.
 */
void chorus_rouge_score(struct chorus_rouge *r, const char *peer, size_t peer_len,
			const char *const *refs, const size_t *ref_lens, size_t nrefs,
			struct chorus_rouge_score out[CHORUS_ROUGE_METRICS]);

/*
 * The words ROUGE counts in text, after the word limit and stemming, written into
 * *out as one string, words separated by one space (for tests and debugging). The
 * caller frees *out.
 */
void chorus_rouge_words(struct chorus_rouge *r, const char *text, size_t len, char **out);

/* The Porter stem of word[0 .. len) as ROUGE-1.5.5 computes it, into buf (NUL-terminated,
 * never longer than the word; size must exceed len). Returns the stem's length. */
size_t chorus_rouge_porter(const char *word, size_t len, char *buf, size_t size);

/* An average over summaries, with its confidence interval. */
struct chorus_rouge_interval {
	double mean, low, high;
};
struct chorus_rouge_average {
	struct chorus_rouge_interval recall, precision, f;
};

/*
 * The average of n scores (one metric) as ROUGE-1.5.5 reports it: the mean over
 * `resamples` bootstrap samples (sample k drawn with drand48 seeded with k, as Perl's
 * srand/rand do), and the confidence interval (`confidence` percent, e.g. 95) read off
 * the sorted sample means. Scores must be in the order of their summary ids (byte
 * order), as ROUGE sorts its instances. resamples 0 gives the plain mean and
 * low = high = mean. Values are rounded to 5 decimals as ROUGE prints them.
 */
void chorus_rouge_bootstrap(const struct chorus_rouge_score *scores, size_t n,
			    unsigned resamples, double confidence,
			    struct chorus_rouge_average *out);

/*
 * An evaluation set: summaries, each with the reference files it is scored against.
 */
struct chorus_rouge_item {
	char *id;       /* the summary's name: its file name, or its path in a manifest */
	char *summary;  /* path of the summary file */
	char **refs;    /* paths of its reference files */
	size_t nrefs;
};
struct chorus_rouge_set {
	struct chorus_rouge_item *items; /* sorted by id (byte order) */
	size_t n, cap;
};

/* Frees every item and empties the set. */
void chorus_rouge_set_release(struct chorus_rouge_set *set);

/*
 * Fills set from two folders: a file's topic is its name up to the first '.' (the
 * whole name when it has none); every summary in sums_dir is scored against every file
 * of refs_dir with the same topic (DUC's "D0601.M.250.A.A" references go with a
 * summary "D0601" or "D0601.lead"). Hidden files are ignored. A summary without
 * references is reported to on_diag and left out. Returns 0, or a negative code when a
 * folder cannot be read or no summary has references (CHORUS_EEMPTY).
 */
int chorus_rouge_set_from_dirs(struct chorus_ctx *ctx, struct chorus_rouge_set *set,
			       const char *refs_dir, const char *sums_dir,
			       chorus_diag_fn on_diag, void *arg);

/*
 * Fills set from a manifest: one summary per line, "SUMMARY REF [REF ...]" separated
 * by tabs or spaces; relative paths are taken from the manifest's folder; blank lines
 * and lines starting with '#' are skipped. A line with no reference is reported to
 * on_diag ("manifest:line") and left out. Returns 0 or a negative code.
 */
int chorus_rouge_set_from_manifest(struct chorus_ctx *ctx, struct chorus_rouge_set *set,
				   const char *manifest, chorus_diag_fn on_diag, void *arg);

/*
 * Reads an item's files and scores it. Files larger than 16 MiB are refused. Returns
 * 0, or a negative code with the file named in the message on ctx.
 */
int chorus_rouge_score_item(struct chorus_ctx *ctx, struct chorus_rouge *r,
			    const struct chorus_rouge_item *item,
			    struct chorus_rouge_score out[CHORUS_ROUGE_METRICS]);

/*
 * Baseline summaries, the anchors every summarizer is compared with (DUC's baselines):
 * LEAD: the first sentences of the most recent article (latest `published`; articles
 * without a date count as oldest; ties go to the first given); FIRST: the first
 * sentence of each article, oldest first. LEXRANK and CENTROID: two published
 * summarizers (Erkan & Radev 2004; Radev et al. 2004, MEAD), which rank every sentence
 * but headlines, the articles taken in the order given, never take one of fewer than 9
 * words, and skip or penalize one close to a sentence already taken (src/lib/eval/centrality.c and docs/brief.md give the
 * details); their sentences come in the order chosen. Sentences are added whole, in
 * order, until at least `words` words (blank-separated) are taken; words 0 takes them
 * all (all those LEXRANK does not skip).
 */
enum chorus_baseline {
	CHORUS_BASELINE_LEAD,
	CHORUS_BASELINE_FIRST,
	CHORUS_BASELINE_LEXRANK, /* Erkan & Radev 2004, LexRank with threshold */
	CHORUS_BASELINE_CENTROID /* Radev et al. 2004, MEAD's centroid score */
};

/*
 * Writes the baseline summary of the n articles to *out: one sentence per line, each
 * ending in '\n' (the caller frees it). Sentences come from chorus_doc_analyze().
 * Returns 0, or CHORUS_EEMPTY when no article has a sentence (message on ctx).
 */
int chorus_baseline_summary(struct chorus_ctx *ctx, const struct chorus_article *arts, size_t n,
			    enum chorus_baseline kind, size_t words, char **out);

#ifdef __cplusplus
}
#endif
#endif
