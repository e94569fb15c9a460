/*
 * bench/bench_extract.c: throughput of per-article extraction (chorus_extract) on one
 * core, on the PolNeAR articles in ../shared/data/polnear/{train,dev}/text (the seed
 * articles when those are absent). The documents are analysed first; only extraction
 * is timed (CPU time of the thread, so that other load on the machine does not count),
 * over enough passes to run about two seconds. Prints articles/s and MB/s;
 * never fails on time.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chorus/chorus.h"
#include "chorus/extract.h"

struct item {
	struct chorus_article a;
	struct chorus_doc *doc;
};

static struct item *items;
static size_t n_items, cap_items;

static void add_file(struct chorus_ctx *ctx, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	long len;
	struct item *it;

	if (!f)
		return;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return;
	}
	buf = malloc((size_t)len + 1);
	if (!buf)
		abort();
	n = fread(buf, 1, (size_t)len, f);
	buf[n] = '\0';
	fclose(f);
	if (n_items == cap_items) {
		cap_items = cap_items ? cap_items * 2 : 1024;
		items = realloc(items, cap_items * sizeof(*items));
		if (!items)
			abort();
	}
	it = &items[n_items];
	chorus_article_init(&it->a);
	it->a.id = strdup(path);
	if (chorus_text_repair(ctx, buf, n, &it->a.text, &it->a.text_len, NULL)) {
		free(buf);
		chorus_article_release(&it->a);
		return;
	}
	free(buf);
	n_items++;
}

static void add_dir(struct chorus_ctx *ctx, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len > 4 && !strcmp(e->d_name + len - 4, ".txt")) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			add_file(ctx, path);
		}
	}
	closedir(d);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	size_t i, done = 0, bytes = 0, passes = 0, quotes = 0;
	double t0, t;

	add_dir(ctx, "../shared/data/polnear/train/text");
	add_dir(ctx, "../shared/data/polnear/dev/text");
	if (!n_items)
		add_dir(ctx, "../shared/data/seeds");
	for (i = 0; i < n_items; i++)
		if (chorus_doc_analyze(ctx, &items[i].a, NULL, &items[i].doc))
			items[i].doc = NULL;
	(void)chorus_gazetteer_default(); /* loaded once, outside the timing */
	if (!n_items) {
		printf("extract: no input (../shared/data absent)\n");
		chorus_ctx_free(ctx);
		return 0;
	}
	t0 = now();
	do {
		for (i = 0; i < n_items; i++) {
			struct chorus_extraction *x;
			if (!items[i].doc)
				continue;
			chorus_extract(ctx, items[i].doc, NULL, &x);
			quotes += x->n_quotes;
			bytes += items[i].doc->text_len;
			done++;
			chorus_extraction_free(x);
		}
		passes++;
		t = now() - t0;
	} while (t < 2.0);
	printf("extract: %zu articles (%zu passes over %zu), %.1f s: %.0f articles/s, %.2f MB/s, "
	       "%.1f quotes/article\n",
	       done, passes, n_items, t, (double)done / t, (double)bytes / t / 1e6,
	       (double)quotes / (double)done);
	for (i = 0; i < n_items; i++) {
		chorus_doc_free(items[i].doc);
		chorus_article_release(&items[i].a);
	}
	free(items);
	chorus_ctx_free(ctx);
	return 0;
}
