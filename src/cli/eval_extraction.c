/*
 * cli/eval_extraction.c: `chorus eval extraction DIR`: the main text that
 * chorus_web_html_read() finds in each page of the article extraction benchmark
 * (DIR/html/<id>.html.gz, DIR/ground-truth.json) scored as the benchmark scores it:
 * per page, shingle precision and recall (chorus_web_shingle_score); overall, the
 * mean precision over pages with any predicted text, the mean recall over pages
 * with any true text, and F1 of those two means.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "chorus/web.h"
#include "cli.h"

struct page_score {
	const char *id;
	double tp, fp, fn, p, r, f1;
};

static void usage(FILE *out)
{
	fputs("usage: chorus eval extraction [OPTIONS] DIR\n\n"
	      "Scores the main text found in DIR/html/<id>.html.gz against\n"
	      "DIR/ground-truth.json (the article extraction benchmark) by the benchmark's\n"
	      "own measure: precision and recall of word 4-shingles per page, averaged over\n"
	      "pages; F1 of the averages.\n\n"
	      "Options:\n"
	      "  --worst N    list only the N pages with the lowest F1 (default: every page)\n"
	      "  --quiet      print only the totals\n"
	      "  --dump DIR   write each page's extracted text to DIR/<id>.txt\n"
	      "  -h, --help   this text\n\n"
	      "Output: one line per page \"<id> P=... R=... F1=...\", then the totals line\n"
	      "\"pages N  precision P  recall R  F1 F\".\n",
	      out);
}

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
			if (!buf) {
				fclose(f);
				return NULL;
			}
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int by_f1(const void *a, const void *b)
{
	const struct page_score *x = a, *y = b;

	return x->f1 < y->f1 ? -1 : x->f1 > y->f1 ? 1 : strcmp(x->id, y->id);
}

static double f1_of(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int eval_extraction(int argc, char **argv)
{
	const char *dir = NULL, *dump = NULL;
	size_t worst = 0, n_pages = 0, n_p = 0, n_r = 0, failed = 0, i;
	int quiet = 0, ret = EXIT_FAILED;
	struct page_score *scores = NULL;
	double sum_p = 0, sum_r = 0, p, r;
	struct chorus_ctx *ctx = chorus_ctx_new();
	json_t *truth = NULL, *v;
	json_error_t jerr;
	const char *key;
	char path[4096];

	for (i = 1; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			ret = EXIT_DONE;
			goto out;
		} else if (!strcmp(argv[i], "--worst") && i + 1 < (size_t)argc) {
			if (cli_parse_size("--worst", argv[++i], 1, 100000, &worst)) {
				ret = EXIT_USAGE;
				goto out;
			}
		} else if (!strcmp(argv[i], "--dump") && i + 1 < (size_t)argc) {
			dump = argv[++i];
		} else if (!strcmp(argv[i], "--quiet")) {
			quiet = 1;
		} else if (argv[i][0] == '-' || dir) {
			ret = cli_usage_error("eval extraction", "unexpected argument '%s'", argv[i]);
			goto out;
		} else {
			dir = argv[i];
		}
	}
	if (!dir) {
		ret = cli_usage_error("eval extraction", "the benchmark folder is missing");
		goto out;
	}
	snprintf(path, sizeof(path), "%s/ground-truth.json", dir);
	truth = json_load_file(path, 0, &jerr);
	if (!truth || !json_is_object(truth)) {
		cli_error("%s:%d: %s", path, jerr.line, truth ? "not a JSON object" : jerr.text);
		goto out;
	}
	if (dump && mkdir(dump, 0777) && errno != EEXIST) {
		cli_error("%s: %s", dump, strerror(errno));
		goto out;
	}
	scores = calloc(json_object_size(truth) + 1, sizeof(*scores));
	if (!scores)
		goto out;
	json_object_foreach(truth, key, v) {
		struct chorus_article a;
		struct page_score *s = &scores[n_pages];
		const char *want = json_string_value(json_object_get(v, "articleBody"));
		char *gz, *html = NULL;
		size_t gz_len, html_len = 0;

		snprintf(path, sizeof(path), "%s/html/%s.html.gz", dir, key);
		gz = read_all(path, &gz_len);
		if (!gz) {
			cli_error("%s: %s", path, strerror(errno));
			failed++;
			continue;
		}
		if (chorus_web_decompress(ctx, gz, gz_len, 0, &html, &html_len)) {
			cli_error("%s: %s", path, chorus_errmsg(ctx));
			free(gz);
			failed++;
			continue;
		}
		free(gz);
		chorus_article_init(&a);
		/* A page where no text is found scores as an empty prediction. */
		if (chorus_web_html_read(ctx, html, html_len, NULL, NULL, 0, &a) &&
		    chorus_errmsg(ctx)[0] && !quiet)
			fprintf(stderr, "%s: %s\n", key, chorus_errmsg(ctx));
		chorus_web_shingle_score(want ? want : "", a.text ? a.text : "", &s->tp, &s->fp,
					 &s->fn);
		if (dump) {
			FILE *f;

			snprintf(path, sizeof(path), "%s/%s.txt", dump, key);
			f = fopen(path, "w");
			if (f) {
				fputs(a.text ? a.text : "", f);
				fputc('\n', f);
				fclose(f);
			}
		}
		chorus_article_release(&a);
		free(html);
		s->id = key;
		s->p = s->fp == 0 && s->fn == 0 ? 1 : s->tp + s->fp > 0 ? s->tp / (s->tp + s->fp) : 0;
		s->r = s->fp == 0 && s->fn == 0 ? 1 : s->tp + s->fn > 0 ? s->tp / (s->tp + s->fn) : 0;
		s->f1 = f1_of(s->p, s->r);
		if (s->tp + s->fp > 0) {
			sum_p += s->p;
			n_p++;
		}
		if (s->tp + s->fn > 0) {
			sum_r += s->r;
			n_r++;
		}
		n_pages++;
	}
	if (!quiet) {
		size_t show = n_pages;

		if (worst) {
			qsort(scores, n_pages, sizeof(*scores), by_f1);
			if (worst < show)
				show = worst;
		}
		for (i = 0; i < show; i++)
			printf("%s P=%.3f R=%.3f F1=%.3f\n", scores[i].id, scores[i].p, scores[i].r,
			       scores[i].f1);
	}
	p = n_p ? sum_p / (double)n_p : 0;
	r = n_r ? sum_r / (double)n_r : 0;
	printf("pages %zu  precision %.4f  recall %.4f  F1 %.4f\n", n_pages, p, r, f1_of(p, r));
	ret = failed ? EXIT_PARTIAL : EXIT_DONE;
out:
	free(scores);
	json_decref(truth);
	chorus_ctx_free(ctx);
	return ret;
}
