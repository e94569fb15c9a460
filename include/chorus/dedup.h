/*
 * chorus/dedup.h: syndicated-copy detection (see docs/DESIGN.md, "dedup").
 *
 * Exact copies share the hash of their normalized text (lowercased words joined by
 * single spaces, punctuation dropped). Near copies (a wire story republished with
 * small edits) are found by MinHash over word shingles (Broder 1997) with LSH banding
 * (Leskovec et al., Mining of Massive Datasets, ch. 3.4): candidate pairs share one
 * band, and a candidate is a copy when the Jaccard similarity estimated from the two
 * full signatures reaches the threshold. A copy is linked to its original, the first
 * article of that text the index saw.
 */
#ifndef CHORUS_DEDUP_H
#define CHORUS_DEDUP_H

#include "chorus/common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CHORUS_MINHASH_SIZE 128
#define CHORUS_DEDUP_SHINGLE 5
#define CHORUS_DEDUP_THRESHOLD 0.8

/* The fingerprint of one text. */
struct chorus_dedup_sig {
	uint64_t hash;                         /* xxh64 of the normalized text */
	uint32_t words;                        /* words in the normalized text */
	uint32_t minhash[CHORUS_MINHASH_SIZE]; /* all UINT32_MAX when the text has no words */
};

/*
 * Fingerprints the n bytes of UTF-8 text at s (any bytes are accepted) with shingles of
 * `shingle` words (0: CHORUS_DEDUP_SHINGLE). A text shorter than one shingle is one
 * shingle. Deterministic across runs and machines.
 */
void chorus_dedup_sign(const char *s, size_t n, unsigned shingle, struct chorus_dedup_sig *out);

/* The Jaccard similarity of two texts estimated from their signatures, in [0, 1]. */
double chorus_dedup_similarity(const struct chorus_dedup_sig *a, const struct chorus_dedup_sig *b);

struct chorus_dedup;

/* A new index; threshold is the Jaccard similarity of a near copy (0: 0.8). */
struct chorus_dedup *chorus_dedup_new(double threshold);
void chorus_dedup_free(struct chorus_dedup *d);

/*
 * Looks sig up among the originals added so far. Returns 1 when it copies one (the
 * item id of that original in *orig, the similarity in *sim: 1 for an exact copy),
 * else 0. Ties go to the earliest added original.
 */
int chorus_dedup_find(const struct chorus_dedup *d, const struct chorus_dedup_sig *sig,
		      uint64_t *orig, double *sim);

/* Adds an original with the caller's item id (nonzero, unique). Copies are not added:
 * later copies of them are found through their original. */
void chorus_dedup_add(struct chorus_dedup *d, uint64_t item, const struct chorus_dedup_sig *sig);

/* Originals held. */
size_t chorus_dedup_count(const struct chorus_dedup *d);

/* dup_of value of a text that copies no earlier one. */
#define CHORUS_DEDUP_ORIGINAL ((size_t)-1)

/*
 * Links the copies among n texts taken in order, as an index fed with them one by one
 * would: dup_of[i] is the index of the earlier original that text i copies (an exact
 * copy, or a near copy at `threshold`, 0: the default), else CHORUS_DEDUP_ORIGINAL.
 * A copy is never the original of a later text. texts[i] is lens[i] bytes.
 */
void chorus_dedup_link(const char *const *texts, const size_t *lens, size_t n, double threshold,
		       size_t *dup_of);

#ifdef __cplusplus
}
#endif
#endif
