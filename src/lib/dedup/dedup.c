/*
 * dedup/dedup.c: exact and near-duplicate detection (chorus/dedup.h), the stage
 * between text analysis and story clustering.
 *
 * Normalized text: maximal runs of ASCII letters and digits (lowercased) and non-ASCII
 * bytes, joined by one space; so a shingle of k words is a substring of it.
 * MinHash (Broder 1997): each shingle is hashed once with xxh64 to h, and hash function
 * i is the multiply-shift hash (a_i * h + b_i) >> 32 with fixed odd a_i; the signature
 * keeps the minimum of each. LSH (Leskovec et al., MMDS 3.4.1): the first BANDS x ROWS
 * values form BANDS bands; with 16 bands of 5 rows a pair of Jaccard similarity 0.8
 * shares a band with probability 0.998, a pair at 0.3 with probability 0.04. The
 * index keeps the low 16 bits of each value of an original (256 bytes an article);
 * equal 16-bit values from unequal 32-bit ones add at most 1/65536 to the estimate.
 */
#include <xxhash.h>

#include "chorus/dedup.h"
#include "util/alloc.h"

#define BANDS 16
#define ROWS 5
#define MAX_CHAIN 64

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* The normalized text of s into b (NUL-terminated); returns the number of words. */
static uint32_t normalize(const char *s, size_t n, char *b, size_t *blen)
{
	size_t i = 0, o = 0;
	uint32_t words = 0;

	while (i < n) {
		while (i < n && !word_byte((unsigned char)s[i]))
			i++;
		if (i >= n)
			break;
		if (words > 0)
			b[o++] = ' ';
		while (i < n && word_byte((unsigned char)s[i])) {
			unsigned char c = (unsigned char)s[i++];

			b[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		if (words < UINT32_MAX)
			words++;
	}
	b[o] = 0;
	*blen = o;
	return words;
}

void chorus_dedup_sign(const char *s, size_t n, unsigned shingle, struct chorus_dedup_sig *out)
{
	uint64_t mul[CHORUS_MINHASH_SIZE], add[CHORUS_MINHASH_SIZE], seed = 0x63686f727573ull;
	char *b = chorus_xmalloc(n + 1);
	size_t blen, *starts = NULL, nstarts = 0, cap = 0, i, j, k = shingle ? shingle : CHORUS_DEDUP_SHINGLE;

	for (i = 0; i < CHORUS_MINHASH_SIZE; i++) {
		mul[i] = splitmix(&seed) | 1;
		add[i] = splitmix(&seed);
		out->minhash[i] = UINT32_MAX;
	}
	out->words = normalize(s, n, b, &blen);
	out->hash = XXH64(b, blen, 0);
	for (i = 0; i < blen; i++)
		if (i == 0 || b[i - 1] == ' ') {
			CHORUS_GROW(starts, nstarts + 1, cap);
			starts[nstarts++] = i;
		}
	for (i = 0; i < nstarts; i++) {
		size_t end, last = i + k - 1;
		uint64_t h;

		if (last >= nstarts) {
			if (i > 0)
				break; /* the text is shorter than a shingle: one shingle of it all */
			last = nstarts - 1;
		}
		end = last + 1 < nstarts ? starts[last + 1] - 1 : blen;
		h = XXH64(b + starts[i], end - starts[i], 0);
		for (j = 0; j < CHORUS_MINHASH_SIZE; j++) {
			uint32_t v = (uint32_t)((mul[j] * h + add[j]) >> 32);

			if (v < out->minhash[j])
				out->minhash[j] = v;
		}
	}
	free(starts);
	free(b);
}

double chorus_dedup_similarity(const struct chorus_dedup_sig *a, const struct chorus_dedup_sig *b)
{
	unsigned i, same = 0;

	if (!a->words || !b->words)
		return a->hash == b->hash && a->words == b->words ? 1.0 : 0.0;
	for (i = 0; i < CHORUS_MINHASH_SIZE; i++)
		same += a->minhash[i] == b->minhash[i];
	return same / (double)CHORUS_MINHASH_SIZE;
}

/* Open addressing from a 64-bit key to a 32-bit value; key 0 is stored as 1. */
struct table {
	uint64_t *keys;
	uint32_t *vals;
	size_t cap, n; /* cap is a power of two, or 0 */
};

static uint64_t fixkey(uint64_t k)
{
	return k ? k : 1;
}

static uint32_t *table_slot(struct table *t, uint64_t key, int create)
{
	size_t i;

	key = fixkey(key);
	if (create && (t->n + 1) * 2 > t->cap) {
		struct table old = *t;

		t->cap = old.cap ? old.cap * 2 : 1024;
		t->keys = chorus_xcalloc(t->cap, sizeof(*t->keys));
		t->vals = chorus_xcalloc(t->cap, sizeof(*t->vals));
		t->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.keys[i])
				*table_slot(t, old.keys[i], 1) = old.vals[i];
		free(old.keys);
		free(old.vals);
	}
	if (!t->cap)
		return NULL;
	for (i = (size_t)key & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		if (t->keys[i] == key)
			return &t->vals[i];
		if (!t->keys[i]) {
			if (!create)
				return NULL;
			t->keys[i] = key;
			t->n++;
			return &t->vals[i];
		}
	}
}

struct chorus_dedup {
	double threshold;
	struct table exact;        /* text hash -> index + 1 */
	struct table bands;        /* band hash -> index + 1 of the latest item in the band */
	uint64_t *items;           /* caller's ids, by index */
	uint16_t *sigs;            /* CHORUS_MINHASH_SIZE low halves per index */
	uint32_t *next;            /* BANDS per index: index + 1 of the previous item in the band */
	size_t n, cap;
};

struct chorus_dedup *chorus_dedup_new(double threshold)
{
	struct chorus_dedup *d = chorus_xcalloc(1, sizeof(*d));

	d->threshold = threshold > 0 ? threshold : CHORUS_DEDUP_THRESHOLD;
	return d;
}

void chorus_dedup_free(struct chorus_dedup *d)
{
	if (!d)
		return;
	free(d->exact.keys);
	free(d->exact.vals);
	free(d->bands.keys);
	free(d->bands.vals);
	free(d->items);
	free(d->sigs);
	free(d->next);
	free(d);
}

size_t chorus_dedup_count(const struct chorus_dedup *d)
{
	return d->n;
}

static uint64_t band_key(const struct chorus_dedup_sig *sig, unsigned band)
{
	uint16_t v[ROWS];
	unsigned r;

	for (r = 0; r < ROWS; r++)
		v[r] = (uint16_t)sig->minhash[band * ROWS + r];
	return XXH64(v, sizeof(v), band);
}

static double sim16(const struct chorus_dedup *d, size_t idx, const struct chorus_dedup_sig *sig)
{
	const uint16_t *s = d->sigs + idx * CHORUS_MINHASH_SIZE;
	unsigned i, same = 0;

	for (i = 0; i < CHORUS_MINHASH_SIZE; i++)
		same += s[i] == (uint16_t)sig->minhash[i];
	return same / (double)CHORUS_MINHASH_SIZE;
}

int chorus_dedup_find(const struct chorus_dedup *d, const struct chorus_dedup_sig *sig,
		      uint64_t *orig, double *sim)
{
	struct chorus_dedup *m = (struct chorus_dedup *)d; /* lookups never insert */
	uint32_t *v;
	size_t best = SIZE_MAX;
	double best_sim = 0;
	unsigned b;

	if (!sig->words)
		return 0; /* no words: nothing to compare (punctuation only) */
	v = table_slot(&m->exact, sig->hash, 0);
	if (v) {
		*orig = d->items[*v - 1];
		*sim = 1.0;
		return 1;
	}
	for (b = 0; b < BANDS; b++) {
		uint32_t *head = table_slot(&m->bands, band_key(sig, b), 0);
		uint32_t at = head ? *head : 0;
		unsigned walked = 0;

		/* The newest MAX_CHAIN items of a band: copies appear close together, and a
		 * band shared by very many texts (a boilerplate-only text) stays cheap. */
		for (; at && walked < MAX_CHAIN; at = d->next[(size_t)(at - 1) * BANDS + b], walked++) {
			size_t idx = at - 1;
			double s;

			if (idx == best)
				continue;
			s = sim16(d, idx, sig);
			if (s >= d->threshold && (s > best_sim || (s == best_sim && idx < best))) {
				best = idx;
				best_sim = s;
			}
		}
	}
	if (best == SIZE_MAX)
		return 0;
	*orig = d->items[best];
	*sim = best_sim;
	return 1;
}

void chorus_dedup_add(struct chorus_dedup *d, uint64_t item, const struct chorus_dedup_sig *sig)
{
	size_t idx = d->n, i;
	uint32_t *v;
	unsigned b;

	if (d->n + 1 > d->cap) {
		CHORUS_GROW(d->items, d->n + 1, d->cap);
		d->sigs = chorus_xrealloc(d->sigs, chorus_xmul(d->cap, CHORUS_MINHASH_SIZE * 2));
		d->next = chorus_xrealloc(d->next, chorus_xmul(d->cap, BANDS * sizeof(uint32_t)));
	}
	d->items[idx] = item;
	for (i = 0; i < CHORUS_MINHASH_SIZE; i++)
		d->sigs[idx * CHORUS_MINHASH_SIZE + i] = (uint16_t)sig->minhash[i];
	d->n++;
	if (sig->words) {
		v = table_slot(&d->exact, sig->hash, 1);
		if (!*v)
			*v = (uint32_t)(idx + 1);
	}
	for (b = 0; b < BANDS; b++) {
		uint32_t *head;

		if (!sig->words) {
			d->next[idx * BANDS + b] = 0;
			continue;
		}
		head = table_slot(&d->bands, band_key(sig, b), 1);
		d->next[idx * BANDS + b] = *head;
		*head = (uint32_t)(idx + 1);
	}
}

void chorus_dedup_link(const char *const *texts, const size_t *lens, size_t n, double threshold,
		       size_t *dup_of)
{
	struct chorus_dedup *d = chorus_dedup_new(threshold);
	struct chorus_dedup_sig sig;
	uint64_t orig;
	double sim;
	size_t i;

	for (i = 0; i < n; i++) {
		chorus_dedup_sign(texts[i], lens[i], 0, &sig);
		if (chorus_dedup_find(d, &sig, &orig, &sim)) {
			dup_of[i] = (size_t)(orig - 1);
		} else {
			dup_of[i] = CHORUS_DEDUP_ORIGINAL;
			chorus_dedup_add(d, (uint64_t)i + 1, &sig);
		}
	}
	chorus_dedup_free(d);
}
