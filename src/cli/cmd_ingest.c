/*
 * cli/cmd_ingest.c: `chorus ingest PATH... [--db PATH]`: reads articles into the store,
 * where syndicated copies are linked and every article joins a story (the updater of
 * chorus/cluster.h does the work; this file parses options and prints progress).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

struct run {
	struct chorus_ctx *ctx;
	struct chorus_updater *u;
	struct cli_diags diags;
	int progress;
	double start, last_shown;
	int failed; /* a batch failed: stop reading */
};

static void usage(FILE *out)
{
	fputs("usage: chorus ingest PATH... [OPTIONS]\n"
	      "\n"
	      "Reads articles (files, folders, JSONL; '-' for standard input) into the store:\n"
	      "syndicated copies are linked to their original, and every article joins a\n"
	      "story or starts a new one. Re-ingesting an article id changes nothing.\n"
	      "\n"
	      "Options:\n"
	      "  --db PATH            the store (default ./chorus.db; created when missing)\n"
	      "  --batch N            articles per transaction (default 500)\n"
	      "  --dup-threshold J    Jaccard similarity of a near copy (default 0.8)\n"
	      "  --source NAME        outlet of articles whose input names none\n"
	      "  -q, --quiet          no progress line, no per-record messages\n"
	      "  -h, --help           this help\n"
	      "\n"
	      "Exit status: 0 done, 1 failed (nothing of the failed batch is stored),\n"
	      "2 usage, 3 done but some records were skipped.\n", out);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show(struct run *r, int final)
{
	const struct chorus_update_stats *s = chorus_updater_stats(r->u);
	double t = now(), el = t - r->start;

	if (!r->progress || (!final && t - r->last_shown < 0.25))
		return;
	r->last_shown = t;
	fprintf(stderr, "\r%zu articles, %.0f/s, %zu new stories%s", s->read,
		el > 0 ? (double)s->read / el : 0.0, s->new_stories, final ? "\n" : "");
	fflush(stderr);
}

static void on_diag(void *arg, const char *where, const char *why)
{
	struct run *r = arg;

	if (r->progress && !r->diags.quiet)
		fputc('\n', stderr);
	cli_diag(&r->diags, where, why);
}

static int on_article(void *arg, struct chorus_article *a)
{
	struct run *r = arg;

	if (chorus_updater_add(r->ctx, r->u, a) < 0) {
		r->failed = 1;
		return 1;
	}
	show(r, 0);
	return 0;
}

int cmd_ingest(int argc, char **argv)
{
	struct chorus_updater_options uo;
	struct chorus_store_options so = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_read_options ro;
	struct chorus_store *st = NULL;
	const struct chorus_update_stats *s;
	struct run r;
	const char *db = "chorus.db";
	const char **paths;
	size_t npaths = 0, i;
	int64_t articles = 0, stories = 0;
	int ret = EXIT_FAILED, quiet = 0;

	memset(&r, 0, sizeof(r));
	memset(&ro, 0, sizeof(ro));
	chorus_updater_options_init(&uo);
	paths = calloc((size_t)argc + 1, sizeof(*paths));
	if (!paths)
		return EXIT_FAILED;
	for (i = 1; i < (size_t)argc; i++) {
		const char *a = argv[i], *v = i + 1 < (size_t)argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			free(paths);
			return EXIT_DONE;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = 1;
		} else if (!strcmp(a, "--db") && v) {
			db = v;
			i++;
		} else if (!strcmp(a, "--source") && v) {
			ro.default_source = v;
			i++;
		} else if (!strcmp(a, "--batch") && v) {
			if (cli_parse_size("--batch", v, 1, 1000000, &uo.batch) < 0)
				goto usage;
			i++;
		} else if (!strcmp(a, "--dup-threshold") && v) {
			char *end;

			uo.dup_threshold = strtod(v, &end);
			if (*end || end == v || uo.dup_threshold <= 0 || uo.dup_threshold > 1) {
				cli_error("--dup-threshold takes a number in (0, 1], not '%s'", v);
				goto usage;
			}
			i++;
		} else if (a[0] == '-' && a[1]) {
			free(paths);
			return cli_usage_error("ingest ", "unknown option or missing value: '%s'", a);
		} else {
			paths[npaths++] = a;
		}
	}
	if (!npaths) {
		free(paths);
		return cli_usage_error("ingest ", "name at least one PATH (or '-' for standard input)");
	}
	r.ctx = chorus_ctx_new();
	r.diags.quiet = quiet;
	r.progress = !quiet && cli_stderr_is_tty();
	if (chorus_store_open(r.ctx, db, &so, &st) < 0 ||
	    chorus_updater_new(r.ctx, st, &uo, &r.u) < 0) {
		cli_error("%s", chorus_errmsg(r.ctx));
		goto out;
	}
	r.start = now();
	for (i = 0; i < npaths && !r.failed; i++) {
		int rc = chorus_read_path(r.ctx, paths[i], &ro, on_article, on_diag, &r);

		if (rc < 0 && !r.failed) {
			on_diag(&r, paths[i], chorus_errmsg(r.ctx));
			chorus_error_clear(r.ctx);
		}
	}
	if (!r.failed && chorus_updater_flush(r.ctx, r.u) < 0)
		r.failed = 1;
	show(&r, 1);
	s = chorus_updater_stats(r.u);
	if (r.failed) {
		cli_error("%s", chorus_errmsg(r.ctx));
		cli_error("stopped: %zu batches were stored before the failure; run the same "
			  "command again to continue", s->batches);
		goto out;
	}
	if (chorus_store_counts(r.ctx, st, &articles, &stories) < 0) {
		cli_error("%s", chorus_errmsg(r.ctx));
		goto out;
	}
	if (!quiet)
		fprintf(stderr, "ingest: %zu article%s read: %zu new (%zu cop%s), %zu already "
			"stored; %zu new stor%s; %s holds %lld article%s in %lld stor%s\n",
			s->read, s->read == 1 ? "" : "s", s->added, s->copies,
			s->copies == 1 ? "y" : "ies", s->known, s->new_stories,
			s->new_stories == 1 ? "y" : "ies", db, (long long)articles,
			articles == 1 ? "" : "s", (long long)stories, stories == 1 ? "y" : "ies");
	ret = r.diags.count ? EXIT_PARTIAL : EXIT_DONE;
out:
	chorus_updater_free(r.u);
	chorus_store_close(st);
	chorus_ctx_free(r.ctx);
	free(paths);
	return ret;
usage:
	free(paths);
	return cli_usage_error("ingest ", "bad option value");
}
