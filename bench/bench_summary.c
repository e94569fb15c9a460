/*
 * bench/bench_summary.c: the time to summarize a cluster of about 10 real articles on
 * one core, from raw text: analysis (cleaning, sentences, tokens, stems), the brief,
 * and the plain rendering. Clusters are the stories of ECB+ (topics 1-35,
 * ../shared/data/ecbplus/ecbplus-dev.jsonl), their first 10 articles each. Prints
 * figures; never fails on time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "chorus/chorus.h"

#define PER_CLUSTER 10
#define ROUNDS 20

struct cluster {
	char *story;
	struct chorus_article arts[PER_CLUSTER];
	size_t n;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Reads the ECB+ JSONL into clusters by "story" (in order of first appearance). */
static struct cluster *load(const char *path, size_t *n_out)
{
	FILE *f = fopen(path, "r");
	struct cluster *cl = NULL;
	size_t n = 0, cap = 0, i;
	char *line = NULL;
	size_t lcap = 0;

	if (!f)
		return NULL;
	while (getline(&line, &lcap, f) > 0) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		const char *story, *id, *text;
		struct chorus_article *a;

		if (!o)
			continue;
		story = json_string_value(json_object_get(o, "story"));
		id = json_string_value(json_object_get(o, "id"));
		text = json_string_value(json_object_get(o, "text"));
		if (!story || !id || !text) {
			json_decref(o);
			continue;
		}
		for (i = 0; i < n && strcmp(cl[i].story, story); i++)
			;
		if (i == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				cl = realloc(cl, cap * sizeof(*cl));
				if (!cl)
					abort();
			}
			memset(&cl[n], 0, sizeof(cl[n]));
			cl[n].story = strdup(story);
			n++;
		}
		if (cl[i].n < PER_CLUSTER) {
			a = &cl[i].arts[cl[i].n++];
			chorus_article_init(a);
			a->id = strdup(id);
			a->text = strdup(text);
			a->text_len = strlen(text);
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	*n_out = n;
	return cl;
}

/* Analyses and summarizes one cluster; returns the summary's words (0 on failure).
 * The time spent in the brief alone (build and rendering) is added to *brief_ms. */
static size_t summarize(struct chorus_ctx *ctx, struct cluster *c, size_t *bytes, double *brief_ms)
{
	struct chorus_doc *docs[PER_CLUSTER];
	struct chorus_brief *b = NULL;
	struct chorus_brief_options opt = { 100, NULL, 0 };
	size_t i, n = 0, words = 0, len = 0;
	char *out = NULL;
	double t0;

	for (i = 0; i < c->n; i++) {
		*bytes += c->arts[i].text_len;
		if (chorus_doc_analyze(ctx, &c->arts[i], NULL, &docs[n]) == 0)
			n++;
	}
	t0 = now_ms();
	if (n && chorus_brief_build(ctx, (const struct chorus_doc *const *)docs, n, &opt, &b) == 0) {
		chorus_brief_render(b, CHORUS_BRIEF_PLAIN, &out, &len);
		words = b->summary_words;
		chorus_brief_free(b);
	}
	*brief_ms += now_ms() - t0;
	free(out);
	for (i = 0; i < n; i++)
		chorus_doc_free(docs[i]);
	return words;
}

int main(void)
{
	const char *path = "../shared/data/ecbplus/ecbplus-dev.jsonl";
	struct chorus_ctx *ctx;
	struct cluster *cl;
	size_t n = 0, i, r, arts = 0, bytes = 0, words = 0;
	double t0, ms, best, brief_best, brief_ms = 0.0, *min_all, *min_brief;

	cl = load(path, &n);
	if (!cl || !n) {
		printf("bench_summary: skipped: %s is absent\n", path);
		free(cl);
		return 0;
	}
	for (i = 0; i < n; i++)
		arts += cl[i].n;
	ctx = chorus_ctx_new();
	for (i = 0; i < n; i++) /* warm-up: the lexicon holds the corpus's terms */
		summarize(ctx, &cl[i], &bytes, &brief_ms);
	/* each cluster's best time over the rounds: the machine may be shared */
	min_all = calloc(n, sizeof(double));
	min_brief = calloc(n, sizeof(double));
	if (!min_all || !min_brief)
		abort();
	for (r = 0; r < ROUNDS; r++) {
		size_t b = 0, w = 0;
		for (i = 0; i < n; i++) {
			brief_ms = 0.0;
			t0 = now_ms();
			w += summarize(ctx, &cl[i], &b, &brief_ms);
			ms = now_ms() - t0;
			if (!r || ms < min_all[i])
				min_all[i] = ms;
			if (!r || brief_ms < min_brief[i])
				min_brief[i] = brief_ms;
		}
		bytes = b;
		words = w;
	}
	best = brief_best = 0.0;
	for (i = 0; i < n; i++) {
		best += min_all[i];
		brief_best += min_brief[i];
	}
	free(min_all);
	free(min_brief);
	printf("summary: %zu clusters of ECB+ (%zu articles, %.1f per cluster, %.1f KB per cluster)\n",
	       n, arts, (double)arts / (double)n, (double)bytes / 1024.0 / (double)n);
	printf("summary: %.3f ms per cluster (analysis + brief + rendering, one core, each cluster's best of %d rounds)\n",
	       best / (double)n, ROUNDS);
	printf("summary: %.3f ms per cluster in the brief alone (selection, alignment, rendering)\n",
	       brief_best / (double)n);
	printf("summary: %.1f words per summary on average (budget 100)\n", (double)words / (double)n);
	chorus_ctx_free(ctx);
	for (i = 0; i < n; i++) {
		for (r = 0; r < cl[i].n; r++)
			chorus_article_release(&cl[i].arts[r]);
		free(cl[i].story);
	}
	free(cl);
	return 0;
}
