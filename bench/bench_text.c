/*
 * bench/bench_text.c: throughput of the text stage (chorus_doc_analyze) on one core.
 *
 * Builds a corpus of at least 50 MB in memory from real text: the articles of
 * ../shared/data/ecbplus/ecbplus-dev.jsonl and ../shared/data/polnear/{train,dev}/text/,
 * recombined into new articles of 3 to 12 paragraphs drawn from different sources
 * (a fixed pseudo-random sequence, so every run measures the same corpus). Falls back
 * to the sample corpus under corpus/ when the shared data is absent. Prints MB/s,
 * articles/s and peak memory (ru_maxrss); never fails on time.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "chorus/chorus.h"

#define TARGET_BYTES (50u * 1024 * 1024)

struct para {
	const char *s;
	size_t n;
};

static struct para *paras;
static size_t n_paras, cap_paras;
static size_t source_bytes, source_articles;

static void add_para(const char *s, size_t n)
{
	if (n_paras == cap_paras) {
		cap_paras = cap_paras ? cap_paras * 2 : 4096;
		paras = realloc(paras, cap_paras * sizeof(*paras));
		if (!paras)
			abort();
	}
	paras[n_paras].s = s;
	paras[n_paras].n = n;
	n_paras++;
}

/* Splits a text (kept alive) into paragraphs at blank lines, or at lines when it has none. */
static void add_text(char *s, size_t n)
{
	size_t i = 0;
	int blank = strstr(s, "\n\n") != NULL;

	source_bytes += n;
	source_articles++;
	while (i < n) {
		const char *e = blank ? strstr(s + i, "\n\n") : memchr(s + i, '\n', n - i);
		size_t end = e ? (size_t)(e - s) : n;

		if (end > i)
			add_para(s + i, end - i);
		i = end + (blank ? 2 : 1);
	}
}

static char *read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)len + 1);
	if (!buf)
		abort();
	*n = fread(buf, 1, (size_t)len, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

static void add_jsonl(const char *path)
{
	size_t n;
	char *buf = read_file(path, &n), *line, *save = NULL;

	if (!buf)
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *j = json_loads(line, 0, NULL);
		const char *t = j ? json_string_value(json_object_get(j, "text")) : NULL;

		if (t) {
			char *copy = strdup(t);

			if (!copy)
				abort();
			add_text(copy, strlen(copy));
		}
		json_decref(j);
	}
	free(buf);
}

/* Every *.txt (as one text) and *.jsonl (texts) under dir, recursively. */
static void add_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[4096];
		size_t len = strlen(e->d_name), n;
		char *buf;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (len > 4 && !strcmp(e->d_name + len - 4, ".txt")) {
			buf = read_file(path, &n);
			if (buf)
				add_text(buf, n);
		} else if (len > 6 && !strcmp(e->d_name + len - 6, ".jsonl")) {
			add_jsonl(path);
		} else {
			add_dir(path);
		}
	}
	closedir(d);
}

static uint64_t rng = 88172645463325252ull;

static size_t next_rand(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

int main(void)
{
	struct chorus_ctx *ctx;
	struct chorus_article a;
	char **texts;
	size_t *lens, n_texts = 0, cap_texts = 0, total = 0, i, tokens = 0, sents = 0, failed = 0;
	const char *from;
	struct timespec t0, t1, c0, c1;
	struct rusage ru;
	double secs, cpu;

	add_jsonl("../shared/data/ecbplus/ecbplus-dev.jsonl");
	add_dir("../shared/data/polnear/train/text");
	add_dir("../shared/data/polnear/dev/text");
	from = "../shared/data (ecbplus-dev.jsonl, polnear train+dev texts)";
	if (!n_paras) {
		add_dir("corpus");
		from = "the sample corpus (corpus/)";
	}
	if (!n_paras) {
		printf("bench_text: skipped: neither ../shared/data nor corpus/ holds text\n");
		return 0;
	}
	texts = NULL;
	lens = NULL;
	while (total < TARGET_BYTES) {
		size_t k = 3 + next_rand(10), len = 0, j;
		char *t;

		t = malloc(k * 8192 + 1);
		if (!t)
			abort();
		for (j = 0; j < k; j++) {
			const struct para *p = &paras[next_rand(n_paras)];
			size_t take = p->n < 8000 ? p->n : 8000;

			memcpy(t + len, p->s, take);
			len += take;
			memcpy(t + len, "\n\n", 2);
			len += 2;
		}
		t[len] = '\0';
		t = realloc(t, len + 1);
		if (!t)
			abort();
		if (n_texts == cap_texts) {
			cap_texts = cap_texts ? cap_texts * 2 : 1024;
			texts = realloc(texts, cap_texts * sizeof(*texts));
			lens = realloc(lens, cap_texts * sizeof(*lens));
			if (!texts || !lens)
				abort();
		}
		texts[n_texts] = t;
		lens[n_texts++] = len;
		total += len;
	}
	printf("corpus: %zu articles, %.1f MB, recombined from %zu paragraphs of %zu articles (%.1f MB) in %s\n",
	       n_texts, (double)total / 1e6, n_paras, source_articles, (double)source_bytes / 1e6, from);

	ctx = chorus_ctx_new();
	chorus_article_init(&a);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	for (i = 0; i < n_texts; i++) {
		struct chorus_doc *doc;

		a.id = (char *)"bench";
		a.text = texts[i];
		a.text_len = lens[i];
		if (chorus_doc_analyze(ctx, &a, NULL, &doc)) {
			failed++;
			continue;
		}
		tokens += doc->n_tokens;
		sents += doc->n_sents;
		chorus_doc_free(doc);
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	/* CPU time is the measure on one core: the wall clock also counts the time other
	 * processes held the core */
	printf("chorus_doc_analyze, one core: %.1f MB/s, %.0f articles/s, %.2f M tokens/s "
	       "(%.2f s of CPU time, %.2f s wall: %.1f MB/s; %zu sentences, %zu tokens, %u terms, %zu failed)\n",
	       (double)total / 1e6 / cpu, (double)n_texts / cpu, (double)tokens / 1e6 / cpu, cpu, secs,
	       (double)total / 1e6 / secs, sents, tokens, chorus_lexicon_size(chorus_ctx_lexicon(ctx)), failed);
	printf("peak memory (ru_maxrss): %.1f MB, of which the corpus is %.1f MB\n",
	       (double)ru.ru_maxrss / 1024.0, (double)total / 1e6);
	chorus_ctx_free(ctx);
	for (i = 0; i < n_texts; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	return 0;
}
