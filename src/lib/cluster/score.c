/*
 * cluster/score.c: clustering quality, pairwise and BCubed precision, recall and F1
 * (Bagga and Baldwin 1998; Amigo et al. 2009 for why BCubed), as `chorus eval cluster`
 * reports them.
 */
#include "chorus/cluster.h"
#include "util/alloc.h"

struct cell {
	uint32_t g, p;
};

static int cell_cmp(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->p < b->p ? -1 : a->p > b->p;
}

static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* A sorted copy of the labels, to count group sizes with size_of(). */
static uint32_t *sorted_copy(const uint32_t *v, size_t n)
{
	uint32_t *s = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*s)));

	if (n)
		memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), u32_cmp);
	return s;
}

static double size_of(const uint32_t *sorted, size_t n, uint32_t label)
{
	size_t lo = 0, hi = n, first, last;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sorted[mid] < label)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sorted[mid] <= label)
			lo = mid + 1;
		else
			hi = mid;
	}
	last = lo;
	return (double)(last - first);
}

static size_t distinct(const uint32_t *sorted, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += i == 0 || sorted[i] != sorted[i - 1];
	return k;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void chorus_cluster_score(const uint32_t *gold, const uint32_t *pred, size_t n,
			  struct chorus_cluster_scores *out)
{
	struct cell *c = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*c)));
	uint32_t *gs = sorted_copy(gold, n), *ps = sorted_copy(pred, n);
	double tp = 0, gp = 0, pp = 0, b3p = 0, b3r = 0;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		c[i].g = gold[i];
		c[i].p = pred[i];
	}
	qsort(c, n, sizeof(*c), cell_cmp);
	for (i = 0; i < n; i = j) {
		double k, ng, np;

		for (j = i; j < n && c[j].g == c[i].g && c[j].p == c[i].p; j++)
			;
		k = (double)(j - i);
		ng = size_of(gs, n, c[i].g);
		np = size_of(ps, n, c[i].p);
		tp += k * (k - 1) / 2;
		b3p += k * k / np;
		b3r += k * k / ng;
	}
	for (i = 0; i < n; i = j) {
		double k;

		for (j = i; j < n && gs[j] == gs[i]; j++)
			;
		k = (double)(j - i);
		gp += k * (k - 1) / 2;
	}
	for (i = 0; i < n; i = j) {
		double k;

		for (j = i; j < n && ps[j] == ps[i]; j++)
			;
		k = (double)(j - i);
		pp += k * (k - 1) / 2;
	}
	out->items = n;
	out->gold_clusters = distinct(gs, n);
	out->pred_clusters = distinct(ps, n);
	out->pair_p = pp > 0 ? tp / pp : 1;
	out->pair_r = gp > 0 ? tp / gp : 1;
	out->pair_f = f1(out->pair_p, out->pair_r);
	out->b3_p = n ? b3p / (double)n : 1;
	out->b3_r = n ? b3r / (double)n : 1;
	out->b3_f = f1(out->b3_p, out->b3_r);
	free(c);
	free(gs);
	free(ps);
}
