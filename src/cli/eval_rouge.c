/*
 * cli/eval_rouge.c: `chorus eval rouge`: ROUGE-1, ROUGE-2 and ROUGE-SU4 of summaries
 * against reference summaries, as ROUGE-1.5.5 computes them (see docs/rouge.md).
 * Parsing and printing only; the scoring is in src/lib/eval/rouge.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chorus/eval.h"
#include "cli.h"

/* WordNet's exception lists as Debian's wordnet-base installs them (WordNet 3.0: on
 * every DUC 2006 comparison it stems as ROUGE-1.5.5's WordNet 2.0 lists do). */
#define DEFAULT_EXCEPTIONS "/usr/share/wordnet"

static void usage(FILE *out)
{
	fputs("usage: chorus eval rouge --refs DIR --summaries DIR [OPTIONS]\n"
	      "       chorus eval rouge --manifest FILE [OPTIONS]\n"
	      "\n"
	      "Scores summaries against reference summaries with ROUGE-1, ROUGE-2 and\n"
	      "ROUGE-SU4 (recall, precision, F1), as ROUGE-1.5.5 -n 2 -m -l 100 -2 4 -u does.\n"
	      "Texts are one sentence per line.\n"
	      "\n"
	      "Matching summaries to references:\n"
	      "  --refs DIR --summaries DIR  a file's topic is its name up to the first '.';\n"
	      "                    a summary is scored against every reference of its topic\n"
	      "                    (summary D0601.lead goes with references D0601.M.250.A.*)\n"
	      "  --manifest FILE   one summary per line: SUMMARY REF [REF ...]; relative\n"
	      "                    paths are taken from the manifest's folder; '#' comments\n"
	      "\n"
	      "Options:\n"
	      "  --words N         words kept from each text (ROUGE's -l; default 100, 0: all)\n"
	      "  --no-stem         no stemming (ROUGE without -m)\n"
	      "  --exceptions PATH stemming exceptions: a file of 'word base' lines or a\n"
	      "                    folder of *.exc files (WordNet's exception lists), looked up\n"
	      "                    before stemming as ROUGE-1.5.5 does; default:\n"
	      "                    $CHORUS_ROUGE_EXCEPTIONS, else /usr/share/wordnet (Debian's\n"
	      "                    wordnet-base), else none (a note says so)\n"
	      "  --resamples N     bootstrap samples for the averages (default 1000, 0: plain mean)\n"
	      "  --per-summary     also print each summary's scores\n"
	      "  --format FMT      text (default) or json\n"
	      "\n"
	      "Output (text): one line per metric: the average recall, precision and F1, each\n"
	      "with its 95% confidence interval; with --per-summary, before them, one line\n"
	      "per summary and metric: ID METRIC R:x P:x F:x.\n"
	      "Exit status: 0 done, 1 failed, 2 usage, 3 done but some summaries skipped.\n",
	      out);
}

struct args {
	const char *refs, *sums, *manifest, *exceptions;
	size_t words, resamples;
	int stem, per_summary;
	enum cli_format format;
};

static int parse(int argc, char **argv, struct args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->words = 100;
	a->resamples = 1000;
	a->stem = 1;
	a->format = FORMAT_TEXT;
	a->exceptions = getenv("CHORUS_ROUGE_EXCEPTIONS");
	if (a->exceptions && !*a->exceptions)
		a->exceptions = NULL;
	if (!a->exceptions && access(DEFAULT_EXCEPTIONS "/verb.exc", R_OK) == 0)
		a->exceptions = DEFAULT_EXCEPTIONS;
	for (i = 1; i < argc; i++) {
		const char *o = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
			usage(stdout);
			return 1;
		} else if (!strcmp(o, "--no-stem")) {
			a->stem = 0;
		} else if (!strcmp(o, "--per-summary")) {
			a->per_summary = 1;
		} else if (!strcmp(o, "--refs") || !strcmp(o, "--summaries") ||
			   !strcmp(o, "--manifest") || !strcmp(o, "--exceptions") ||
			   !strcmp(o, "--words") || !strcmp(o, "--resamples") ||
			   !strcmp(o, "--format")) {
			if (!v)
				return cli_usage_error("eval rouge ", "%s needs a value", o);
			i++;
			if (!strcmp(o, "--refs"))
				a->refs = v;
			else if (!strcmp(o, "--summaries"))
				a->sums = v;
			else if (!strcmp(o, "--manifest"))
				a->manifest = v;
			else if (!strcmp(o, "--exceptions"))
				a->exceptions = v;
			else if (!strcmp(o, "--words")) {
				if (cli_parse_size(o, v, 0, 1000000, &a->words))
					return EXIT_USAGE;
			} else if (!strcmp(o, "--resamples")) {
				if (cli_parse_size(o, v, 0, 100000, &a->resamples))
					return EXIT_USAGE;
			} else if (!strcmp(v, "json")) {
				a->format = FORMAT_JSON;
			} else if (!strcmp(v, "text")) {
				a->format = FORMAT_TEXT;
			} else {
				return cli_usage_error("eval rouge ", "--format takes text or json, not '%s'", v);
			}
		} else {
			return cli_usage_error("eval rouge ", "unknown option '%s'", o);
		}
	}
	if (a->manifest && (a->refs || a->sums))
		return cli_usage_error("eval rouge ", "give --manifest or --refs and --summaries, not both");
	if (!a->manifest && (!a->refs || !a->sums))
		return cli_usage_error("eval rouge ", "give --refs DIR and --summaries DIR, or --manifest FILE");
	return 0;
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void print_scores(const struct args *a, const struct chorus_rouge_options *opt,
			 const struct chorus_rouge_set *set, const struct chorus_rouge_score *scores,
			 const char *ok, size_t nok)
{
	struct chorus_rouge_score *col = calloc(nok + 1, sizeof(*col));
	struct chorus_rouge_average avg[CHORUS_ROUGE_METRICS];
	char name[32];
	size_t i, k;
	int m;

	if (!col) {
		cli_error("out of memory");
		exit(EXIT_FAILED);
	}
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		for (i = 0, k = 0; i < set->n; i++)
			if (ok[i])
				col[k++] = scores[i * CHORUS_ROUGE_METRICS + (size_t)m];
		chorus_rouge_bootstrap(col, nok, (unsigned)a->resamples, 95.0, &avg[m]);
	}
	free(col);
	if (a->format == FORMAT_JSON) {
		printf("{\"summaries\":%zu,\"words\":%zu,\"stem\":%s,\"averages\":{", nok, a->words,
		       a->stem ? "true" : "false");
		for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
			const struct chorus_rouge_average *v = &avg[m];

			printf("%s\"%s\":{\"recall\":%.5f,\"recall_low\":%.5f,\"recall_high\":%.5f,"
			       "\"precision\":%.5f,\"precision_low\":%.5f,\"precision_high\":%.5f,"
			       "\"f\":%.5f,\"f_low\":%.5f,\"f_high\":%.5f}",
			       m ? "," : "", chorus_rouge_metric_name(opt, m, name, sizeof(name)),
			       v->recall.mean, v->recall.low, v->recall.high, v->precision.mean,
			       v->precision.low, v->precision.high, v->f.mean, v->f.low, v->f.high);
		}
		printf("}");
		if (a->per_summary) {
			printf(",\"per_summary\":[");
			for (i = 0, k = 0; i < set->n; i++) {
				if (!ok[i])
					continue;
				printf("%s{\"id\":", k++ ? "," : "");
				json_str(set->items[i].id);
				for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
					const struct chorus_rouge_score *s =
						&scores[i * CHORUS_ROUGE_METRICS + (size_t)m];

					printf(",\"%s\":{\"recall\":%.5f,\"precision\":%.5f,\"f\":%.5f}",
					       chorus_rouge_metric_name(opt, m, name, sizeof(name)),
					       s->recall, s->precision, s->f);
				}
				printf("}");
			}
			printf("]");
		}
		printf("}\n");
		return;
	}
	if (a->per_summary)
		for (i = 0; i < set->n; i++) {
			if (!ok[i])
				continue;
			for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
				const struct chorus_rouge_score *s =
					&scores[i * CHORUS_ROUGE_METRICS + (size_t)m];

				printf("%s %s R:%.5f P:%.5f F:%.5f\n", set->items[i].id,
				       chorus_rouge_metric_name(opt, m, name, sizeof(name)), s->recall,
				       s->precision, s->f);
			}
		}
	printf("%-10s %-27s %-27s %s\n", "metric", "recall (95% CI)", "precision (95% CI)",
	       "F1 (95% CI)");
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		const struct chorus_rouge_average *v = &avg[m];

		printf("%-10s %.5f (%.5f-%.5f) %.5f (%.5f-%.5f) %.5f (%.5f-%.5f)\n",
		       chorus_rouge_metric_name(opt, m, name, sizeof(name)), v->recall.mean,
		       v->recall.low, v->recall.high, v->precision.mean, v->precision.low,
		       v->precision.high, v->f.mean, v->f.low, v->f.high);
	}
	printf("summaries: %zu, words: %zu, stemming: %s\n", nok,
	       a->words, a->stem ? "Porter (ROUGE-1.5.5)" : "none");
}

int eval_rouge(int argc, char **argv)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_rouge_options opt;
	struct chorus_rouge *r = NULL;
	struct chorus_rouge_set set = { 0 };
	struct chorus_rouge_score *scores = NULL;
	struct cli_diags diags = { 0, 0 };
	struct args a;
	char *ok = NULL;
	size_t i, nok = 0;
	int ret = EXIT_FAILED, rc;

	rc = parse(argc, argv, &a);
	if (rc) {
		ret = rc == 1 ? EXIT_DONE : rc;
		goto out;
	}
	chorus_rouge_options_default(&opt);
	opt.word_limit = a.words;
	opt.stem = a.stem;
	r = chorus_rouge_new(&opt);
	if (a.stem && a.exceptions) {
		if (chorus_rouge_load_exceptions(ctx, r, a.exceptions)) {
			cli_error("%s", chorus_errmsg(ctx));
			goto out;
		}
	} else if (a.stem) {
		fprintf(stderr, "chorus: note: stemming without an exception list, so scores can "
				"differ from ROUGE-1.5.5's, which maps irregular forms (went, "
				"children) by WordNet's lists: install wordnet-base or see "
				"--exceptions\n");
	}
	if (a.manifest)
		rc = chorus_rouge_set_from_manifest(ctx, &set, a.manifest, cli_diag, &diags);
	else
		rc = chorus_rouge_set_from_dirs(ctx, &set, a.refs, a.sums, cli_diag, &diags);
	if (rc) {
		cli_error("%s", chorus_errmsg(ctx));
		goto out;
	}
	scores = calloc(set.n * CHORUS_ROUGE_METRICS, sizeof(*scores));
	ok = calloc(set.n, 1);
	if (!scores || !ok) {
		cli_error("out of memory");
		goto out;
	}
	for (i = 0; i < set.n; i++) {
		if (chorus_rouge_score_item(ctx, r, &set.items[i], &scores[i * CHORUS_ROUGE_METRICS])) {
			fprintf(stderr, "%s: skipped: %s\n", set.items[i].id, chorus_errmsg(ctx));
			diags.count++;
			continue;
		}
		ok[i] = 1;
		nok++;
	}
	if (!nok) {
		cli_error("no summary could be scored");
		goto out;
	}
	print_scores(&a, &opt, &set, scores, ok, nok);
	ret = diags.count ? EXIT_PARTIAL : EXIT_DONE;
out:
	free(scores);
	free(ok);
	chorus_rouge_set_release(&set);
	chorus_rouge_free(r);
	chorus_ctx_free(ctx);
	return ret;
}

/* ---- chorus eval baseline ---------------------------------------------------------- */

static void baseline_usage(FILE *out)
{
	fputs("usage: chorus eval baseline [--method lead|first|lexrank|centroid] [--words N] PATH...\n"
	      "\n"
	      "Prints a baseline summary of the articles in PATH (files or folders, any input\n"
	      "format), one sentence per line:\n"
	      "  lead      the first sentences of the most recent article (the default)\n"
	      "  first     the first sentence of each article, oldest first\n"
	      "  lexrank   LexRank with threshold (Erkan & Radev 2004): the most central\n"
	      "            sentences of the cosine graph, skipping near-duplicates\n"
	      "  centroid  MEAD's centroid score (Radev et al. 2004): centroid, position and\n"
	      "            first-sentence overlap, less a redundancy penalty\n"
	      "lexrank and centroid rank every sentence but headlines, never take one under\n"
	      "9 words (MEAD's length cutoff) and print them in the order chosen. Sentences\n"
	      "are taken whole until at least N words (default 100; 0: all).\n"
	      "Exit status: 0 done, 1 failed, 2 usage, 3 done but some inputs were skipped.\n",
	      out);
}

/* The readers pass one argument to both callbacks: the diagnostics counter first, so
 * that cli_diag() can take it. */
struct collected {
	struct cli_diags diags;
	struct chorus_article *arts;
	size_t n, cap;
};

static int collect(void *arg, struct chorus_article *a)
{
	struct collected *c = arg;

	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct chorus_article *p = realloc(c->arts, cap * sizeof(*p));

		if (!p) {
			cli_error("out of memory");
			exit(EXIT_FAILED);
		}
		c->arts = p;
		c->cap = cap;
	}
	chorus_article_init(&c->arts[c->n]);
	c->arts[c->n++] = *a; /* take every field */
	chorus_article_init(a);
	return 0;
}

int eval_baseline(int argc, char **argv)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct collected c = { { 0, 0 }, NULL, 0, 0 };
	enum chorus_baseline kind = CHORUS_BASELINE_LEAD;
	size_t words = 100, i;
	char *summary = NULL;
	int ret = EXIT_FAILED, npaths = 0, k;

	for (k = 1; k < argc; k++) {
		const char *o = argv[k];

		if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
			baseline_usage(stdout);
			ret = EXIT_DONE;
			goto out;
		} else if (!strcmp(o, "--method") && k + 1 < argc) {
			const char *v = argv[++k];

			if (!strcmp(v, "lead"))
				kind = CHORUS_BASELINE_LEAD;
			else if (!strcmp(v, "first"))
				kind = CHORUS_BASELINE_FIRST;
			else if (!strcmp(v, "lexrank"))
				kind = CHORUS_BASELINE_LEXRANK;
			else if (!strcmp(v, "centroid"))
				kind = CHORUS_BASELINE_CENTROID;
			else {
				ret = cli_usage_error("eval baseline ",
						      "--method takes lead, first, lexrank or centroid, not '%s'", v);
				goto out;
			}
		} else if (!strcmp(o, "--words") && k + 1 < argc) {
			if (cli_parse_size(o, argv[++k], 0, 1000000, &words)) {
				ret = EXIT_USAGE;
				goto out;
			}
		} else if (o[0] == '-' && o[1] != '\0') {
			ret = cli_usage_error("eval baseline ", "unknown option or missing value '%s'", o);
			goto out;
		} else {
			npaths++;
		}
	}
	if (!npaths) {
		ret = cli_usage_error("eval baseline ", "give the articles to summarize");
		goto out;
	}
	for (k = 1; k < argc; k++) {
		const char *o = argv[k];

		if (!strcmp(o, "--method") || !strcmp(o, "--words")) {
			k++;
			continue;
		}
		if (chorus_read_path(ctx, o, NULL, collect, cli_diag, &c) < 0) {
			cli_error("%s", chorus_errmsg(ctx));
			goto out;
		}
	}
	if (chorus_baseline_summary(ctx, c.arts, c.n, kind, words, &summary) != 0) {
		cli_error("%s", chorus_errmsg(ctx));
		goto out;
	}
	fputs(summary, stdout);
	ret = c.diags.count ? EXIT_PARTIAL : EXIT_DONE;
out:
	free(summary);
	for (i = 0; i < c.n; i++)
		chorus_article_release(&c.arts[i]);
	free(c.arts);
	chorus_ctx_free(ctx);
	return ret;
}
