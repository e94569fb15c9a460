/*
 * bench/bench_web.c: speed of HTML main-text extraction on one core: the pages of the
 * article extraction benchmark (../shared/data/article-extraction/html, gzip pages),
 * decompressed first, then read with chorus_web_html_read() several times over.
 * Prints pages/s and MB/s of HTML per second of CPU time (one core), and the wall
 * time; never fails on time.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chorus/chorus.h"
#include "chorus/web.h"

#define DIR_PATH "../shared/data/article-extraction/html"
#define PASSES 5

struct page {
	char *html;
	size_t len;
};

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			if (!buf)
				abort();
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct page *pages = NULL;
	size_t n = 0, cap = 0, bytes = 0, empty = 0, i;
	struct dirent *de;
	DIR *d = opendir(DIR_PATH);
	double t0, c0, t, c;
	int pass;

	if (!d) {
		printf("bench_web: %s is absent; skipped\n", DIR_PATH);
		chorus_ctx_free(ctx);
		return 0;
	}
	while ((de = readdir(d))) {
		char path[4096], *gz;
		size_t gz_len;

		if (!strstr(de->d_name, ".html.gz"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", DIR_PATH, de->d_name);
		gz = read_all(path, &gz_len);
		if (!gz)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			pages = realloc(pages, cap * sizeof(*pages));
			if (!pages)
				abort();
		}
		if (chorus_web_decompress(ctx, gz, gz_len, 0, &pages[n].html, &pages[n].len) == 0) {
			bytes += pages[n].len;
			n++;
		}
		free(gz);
	}
	closedir(d);
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (pass = 0; pass < PASSES; pass++) {
		for (i = 0; i < n; i++) {
			struct chorus_article a;

			chorus_article_init(&a);
			if (chorus_web_html_read(ctx, pages[i].html, pages[i].len, NULL, NULL, 0, &a))
				empty++;
			chorus_article_release(&a);
		}
	}
	t = now(CLOCK_MONOTONIC) - t0;
	c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	/* CPU time is the one-core figure; wall time also counts waiting for a shared core. */
	printf("html extraction: %zu pages, %.1f MB of HTML, %d passes: %.0f pages/s, %.1f MB/s "
	       "(CPU time %.2f s; wall time %.2f s: %.0f pages/s); %zu pages without text\n",
	       n, (double)bytes / 1e6, PASSES, (double)(n * PASSES) / c,
	       (double)bytes * PASSES / 1e6 / c, c, t, (double)(n * PASSES) / t, empty / PASSES);
	for (i = 0; i < n; i++)
		free(pages[i].html);
	free(pages);
	chorus_ctx_free(ctx);
	return 0;
}
