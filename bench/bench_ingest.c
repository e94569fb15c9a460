/*
 * bench/bench_ingest.c: ingest throughput with dedup and clustering on, from raw JSONL
 * into a store, over a generated stream of many stories.
 *
 * The stream is made of real sentences (ECB+ dev texts and PolNeAR train texts from
 * ../shared/data) recombined into articles: each story draws its sentences from two
 * source texts, each article takes 5 to 10 of them plus one from anywhere; one article
 * in ten is a syndicated copy of the one before with its first sentence dropped; the
 * stream moves through six months in date order, and a story's articles come within
 * three days of its start. The JSONL is written
 * in files of 10,000 articles, each ingested like `chorus ingest FILE` would; only the
 * ingest is timed. Prints articles/s and peak memory at 50k, 100k and 200k articles.
 * CHORUS_BENCH_ARTICLES=N changes the total (default 200000).
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "chorus/chorus.h"

#define CHUNK 10000

struct pool {
	char **sent;      /* sentences */
	size_t n, cap;
	size_t *doc_start; /* first sentence of each source text */
	size_t ndocs, docs_cap;
};

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t below(size_t n)
{
	return n ? (size_t)(next() % n) : 0;
}

static void add_sentence(struct pool *p, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\n'))
		s++, n--;
	if (n < 30 || n > 400)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4096;
		p->sent = realloc(p->sent, p->cap * sizeof(*p->sent));
	}
	p->sent[p->n] = malloc(n + 1);
	memcpy(p->sent[p->n], s, n);
	p->sent[p->n++][n] = 0;
}

static void add_text(struct pool *p, const char *t)
{
	const char *s = t, *q;
	size_t before = p->n;

	for (q = t; *q; q++)
		if (*q == '\n' || ((*q == '.' || *q == '?' || *q == '!') && q[1] == ' ')) {
			add_sentence(p, s, (size_t)(q - s) + (*q != '\n'));
			s = q + 1;
		}
	add_sentence(p, s, (size_t)(q - s));
	if (p->n - before < 4) { /* too short to stand for a story */
		while (p->n > before)
			free(p->sent[--p->n]);
		return;
	}
	if (p->ndocs == p->docs_cap) {
		p->docs_cap = p->docs_cap ? p->docs_cap * 2 : 1024;
		p->doc_start = realloc(p->doc_start, (p->docs_cap + 1) * sizeof(*p->doc_start));
	}
	p->doc_start[p->ndocs++] = before;
	p->doc_start[p->ndocs] = p->n;
}

static int load(struct pool *p)
{
	FILE *f = fopen("../shared/data/ecbplus/ecbplus-dev.jsonl", "r");
	char *line = NULL, path[512];
	size_t cap = 0;
	DIR *d;
	struct dirent *e;

	if (!f)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		json_t *o = json_loads(line, 0, NULL);

		if (o && json_is_string(json_object_get(o, "text")))
			add_text(p, json_string_value(json_object_get(o, "text")));
		json_decref(o);
	}
	free(line);
	fclose(f);
	d = opendir("../shared/data/polnear/train/text");
	while (d && (e = readdir(d))) {
		size_t n;
		char *buf;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "../shared/data/polnear/train/text/%s", e->d_name);
		if (!(f = fopen(path, "r")))
			continue;
		buf = malloc(1 << 20);
		n = fread(buf, 1, (1 << 20) - 1, f);
		buf[n] = 0;
		fclose(f);
		add_text(p, buf);
		free(buf);
	}
	if (d)
		closedir(d);
	return p->ndocs >= 2 ? 0 : -1;
}

struct story {
	size_t a, b;      /* source texts */
	int64_t start;    /* first day */
	size_t made;
};

/* Writes articles [from, from + n) of the stream to path. */
static void generate(const struct pool *p, struct story *stories, size_t nstories, size_t total,
		     size_t from, size_t n, const char *path, char **last_text, size_t *last_story)
{
	FILE *f = fopen(path, "w");
	char id[32], src[32], date[32];
	size_t i;

	for (i = from; i < from + n; i++) {
		json_t *o = json_object();
		/* the stream moves through six months; an article belongs to a story that
		 * started in the three days before its own day */
		double day = 180.0 * (double)i / (double)total;
		size_t lo = (size_t)((day > 3 ? day - 3 : 0) * (double)nstories / 180.0);
		size_t hi = (size_t)(day * (double)nstories / 180.0) + 1;
		size_t s = lo + below((hi < nstories ? hi : nstories) - lo), k, ns;
		struct story *st = &stories[s];
		char *text = NULL, *js;
		size_t len = 0;
		FILE *m = open_memstream(&text, &len);
		time_t t;
		struct tm tm;

		if (i > from && next() % 10 == 0 && last_text[*last_story % 64]) {
			/* a syndicated copy of a recent article, one sentence dropped */
			const char *orig = last_text[*last_story % 64], *dot = strstr(orig, ". ");

			fputs(dot ? dot + 2 : orig, m);
		} else {
			ns = 5 + below(6);
			for (k = 0; k < ns; k++) {
				size_t doc = k % 2 ? st->b : st->a;
				size_t from_s = p->doc_start[doc], to_s = p->doc_start[doc + 1];

				fputs(p->sent[from_s + below(to_s - from_s)], m);
				fputc(k % 3 == 2 ? '\n' : ' ', m);
			}
			fputs(p->sent[below(p->n)], m);
		}
		fclose(m);
		free(last_text[i % 64]);
		last_text[i % 64] = strdup(text);
		*last_story = i;
		t = (time_t)((19000.0 + day) * 86400);
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
		snprintf(id, sizeof(id), "a%zu", i);
		snprintf(src, sizeof(src), "outlet%zu", (size_t)below(200));
		json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "source", json_string(src));
		json_object_set_new(o, "published", json_string(date));
		json_object_set_new(o, "text", json_string(text));
		js = json_dumps(o, JSON_COMPACT);
		fprintf(f, "%s\n", js);
		free(js);
		json_decref(o);
		free(text);
		st->made++;
	}
	fclose(f);
}

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

static double cpu(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

struct sink {
	struct chorus_ctx *ctx;
	struct chorus_updater *u;
	int failed;
};

static int on_article(void *arg, struct chorus_article *a)
{
	struct sink *s = arg;

	if (chorus_updater_add(s->ctx, s->u, a) < 0) {
		s->failed = 1;
		return 1;
	}
	return 0;
}

int main(void)
{
	struct pool p = { 0 };
	struct story *stories;
	struct sink sk = { 0 };
	struct chorus_store *st = NULL;
	struct chorus_store_options so = { CHORUS_STORE_WRITER, 0, 0 };
	char dir[] = "/tmp/chorus-bench-ingest-XXXXXX", db[96], chunk[96], cmd[128];
	char *last_text[64] = { 0 };
	size_t total = 200000, nstories, done = 0, last_story = 0, i, seg_from = 0;
	double elapsed = 0, seg_elapsed = 0, cpu_elapsed = 0, seg_cpu = 0;
	const char *env = getenv("CHORUS_BENCH_ARTICLES");

	if (env && strtoul(env, NULL, 10) >= CHUNK)
		total = strtoul(env, NULL, 10) / CHUNK * CHUNK;
	if (load(&p) < 0) {
		puts("skip: bench_ingest: ../shared/data/ecbplus and ../shared/data/polnear are absent");
		return 0;
	}
	nstories = total / 10;
	stories = calloc(nstories, sizeof(*stories));
	for (i = 0; i < nstories; i++) {
		stories[i].a = below(p.ndocs);
		stories[i].b = below(p.ndocs);
		stories[i].start = 19000 + (int64_t)(i * 180 / nstories); /* days since 1970: 2022 */
	}
	if (!mkdtemp(dir))
		return 1;
	snprintf(db, sizeof(db), "%s/bench.db", dir);
	snprintf(chunk, sizeof(chunk), "%s/chunk.jsonl", dir);
	sk.ctx = chorus_ctx_new();
	if (chorus_store_open(sk.ctx, db, &so, &st) < 0 ||
	    chorus_updater_new(sk.ctx, st, NULL, &sk.u) < 0) {
		fprintf(stderr, "bench_ingest: %s\n", chorus_errmsg(sk.ctx));
		return 1;
	}
	printf("stream: %zu articles of ~%zu stories from %zu sentences of %zu texts\n", total,
	       nstories, p.n, p.ndocs);
	printf("(wall: elapsed time; cpu: this process's CPU time, what one core does when the\n"
	       " machine is shared; segment: the articles since the previous line only)\n");
	printf("%9s %8s %8s %10s %10s %10s %10s %8s %8s %8s\n", "articles", "wall s", "cpu s",
	       "art/s wall", "art/s cpu", "seg. wall", "seg. cpu", "stories", "copies", "peak MB");
	while (done < total) {
		double t0, c0;
		struct rusage ru;
		const struct chorus_update_stats *s;

		generate(&p, stories, nstories, total, done, CHUNK, chunk, last_text, &last_story);
		t0 = now();
		c0 = cpu();
		if (chorus_read_path(sk.ctx, chunk, NULL, on_article, NULL, &sk) < 0 || sk.failed ||
		    chorus_updater_flush(sk.ctx, sk.u) < 0) {
			fprintf(stderr, "bench_ingest: %s\n", chorus_errmsg(sk.ctx));
			return 1;
		}
		elapsed += now() - t0;
		seg_elapsed += now() - t0;
		cpu_elapsed += cpu() - c0;
		seg_cpu += cpu() - c0;
		done += CHUNK;
		if (done == 50000 || done == 100000 || done == 200000 || done == total) {
			s = chorus_updater_stats(sk.u);
			getrusage(RUSAGE_SELF, &ru);
			printf("%9zu %8.1f %8.1f %10.0f %10.0f %10.0f %10.0f %8zu %8zu %8.0f\n", done,
			       elapsed, cpu_elapsed, (double)done / elapsed, (double)done / cpu_elapsed,
			       (double)(done - seg_from) / seg_elapsed,
			       (double)(done - seg_from) / seg_cpu, s->new_stories, s->copies,
			       (double)ru.ru_maxrss / 1024);
			fflush(stdout);
			seg_from = done;
			seg_elapsed = 0;
			seg_cpu = 0;
		}
	}
	chorus_updater_free(sk.u);
	chorus_store_close(st);
	chorus_ctx_free(sk.ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_ingest: could not remove %s\n", dir);
	for (i = 0; i < 64; i++)
		free(last_text[i]);
	for (i = 0; i < p.n; i++)
		free(p.sent[i]);
	free(p.sent);
	free(p.doc_start);
	free(stories);
	return 0;
}
