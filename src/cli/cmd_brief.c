/*
 * cli/cmd_brief.c: `chorus brief [OPTIONS] INPUT...`: reads articles, treats them as
 * one story and prints its brief (library: chorus_read_path, chorus_doc_analyze,
 * chorus_brief_build, chorus_brief_render).
 */
#include <stdlib.h>
#include <string.h>

#include "chorus/brief.h"
#include "chorus/dedup.h"
#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: chorus brief [OPTIONS] INPUT...\n"
	      "\n"
	      "Reads the articles in INPUT (files, folders, JSONL, or - for standard input),\n"
	      "treats them as one story and writes its brief: a summary within a word budget,\n"
	      "made of what most outlets report. Each summary sentence names every outlet whose\n"
	      "article carries the same content.\n"
	      "\n"
	      "Options:\n"
	      "  --words N              word budget of the summary (default 100)\n"
	      "  --fill                 use the whole budget: end with the best next sentence,\n"
	      "                         cut after the budget's last word (for ROUGE -l N)\n"
	      "  --format F             text, md, json, or plain (the summary sentences only,\n"
	      "                         one per line); default: md on a terminal, else text\n"
	      "  --source NAME          outlet of articles whose input names none\n"
	      "  --dup-threshold J      Jaccard similarity from which an article is a near copy\n"
	      "                         of an earlier one (default 0.8)\n"
	      "  --max-article-bytes N  skip larger articles (default 4194304)\n"
	      "  -h, --help             this help\n"
	      "\n"
	      "Outlets are shown by the article's source when known, else by its id (the file\n"
	      "name, or the JSONL id). Syndicated copies (the same clean text, or a near copy)\n"
	      "count as outlets carrying a sentence, not as independent support.\n"
	      "\n"
	      "Exit codes:\n"
	      "  0  success\n"
	      "  1  the brief could not be written (no article could be read)\n"
	      "  2  bad command line\n"
	      "  3  done, but some inputs were skipped (each reported on stderr as 'where: why')\n",
	      out);
}

/* What the reader's callbacks fill (they share one argument). */
struct input {
	struct chorus_article *arts;
	size_t n, cap;
	struct cli_diags diags;
};

static void on_diag(void *arg, const char *where, const char *why)
{
	struct input *in = arg;
	cli_diag(&in->diags, where, why);
}

/* The error message of ctx without a leading "where: " (the diagnostic adds it), or
 * the code's description when there is no message. */
static const char *why(struct chorus_ctx *ctx, const char *where, int rc)
{
	const char *m = chorus_errmsg(ctx);
	size_t n = strlen(where);

	if (!m[0])
		return chorus_strerror(rc);
	if (!strncmp(m, where, n) && m[n] == ':' && m[n + 1] == ' ')
		return m + n + 2;
	return m;
}

static int take_article(void *arg, struct chorus_article *a)
{
	struct input *in = arg;

	if (in->n == in->cap) {
		in->cap = in->cap ? 2 * in->cap : 16;
		in->arts = realloc(in->arts, in->cap * sizeof(*in->arts));
		if (!in->arts) {
			cli_error("out of memory");
			exit(EXIT_FAILED);
		}
	}
	in->arts[in->n++] = *a;
	chorus_article_init(a); /* the fields are ours now */
	return 0;
}

static int parse_format(const char *s, enum chorus_brief_format *out)
{
	if (!strcmp(s, "plain"))
		*out = CHORUS_BRIEF_PLAIN;
	else if (!strcmp(s, "text"))
		*out = CHORUS_BRIEF_TEXT;
	else if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		*out = CHORUS_BRIEF_MD;
	else if (!strcmp(s, "json"))
		*out = CHORUS_BRIEF_JSON;
	else
		return -1;
	return 0;
}

/* The option's value: "--opt=value" or the next argument. NULL after a usage message. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (*i + 1 >= argc) {
		cli_usage_error("brief ", "%s needs a value", name);
		return NULL;
	}
	return argv[++*i];
}

static int is_opt(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(arg, name, n) && (arg[n] == '\0' || arg[n] == '=');
}

int cmd_brief(int argc, char **argv)
{
	struct chorus_read_options ropt = { 0 };
	struct chorus_brief_options bopt = { 0 };
	enum chorus_brief_format fmt;
	struct input in = { 0 };
	struct chorus_ctx *ctx = NULL;
	struct chorus_linefilter *lf = NULL;
	struct chorus_doc **docs = NULL;
	struct chorus_brief *brief = NULL;
	char *out = NULL;
	const char **texts = NULL;
	size_t *lens = NULL, *dup_of = NULL;
	double dup_threshold = CHORUS_DEDUP_THRESHOLD;
	size_t n_docs = 0, len = 0, i;
	int a, n_inputs = 0, only_inputs = 0, ret = EXIT_FAILED, rc;
	const char *v;

	fmt = cli_default_format() == FORMAT_MD ? CHORUS_BRIEF_MD : CHORUS_BRIEF_TEXT;
	for (a = 1; a < argc; a++) {
		const char *arg = argv[a];

		if (only_inputs || arg[0] != '-' || !strcmp(arg, "-")) {
			n_inputs++;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_inputs = 1;
		} else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (is_opt(arg, "--words")) {
			if (!(v = opt_value(argc, argv, &a, "--words")))
				return EXIT_USAGE;
			if (cli_parse_size("--words", v, 1, 100000, &bopt.words))
				return EXIT_USAGE;
		} else if (!strcmp(arg, "--fill")) {
			bopt.flags |= CHORUS_BRIEF_FILL;
		} else if (is_opt(arg, "--format")) {
			if (!(v = opt_value(argc, argv, &a, "--format")))
				return EXIT_USAGE;
			if (parse_format(v, &fmt))
				return cli_usage_error("brief ", "unknown format '%s' (use text, md, json or plain)", v);
		} else if (is_opt(arg, "--source")) {
			if (!(v = opt_value(argc, argv, &a, "--source")))
				return EXIT_USAGE;
			ropt.default_source = v;
		} else if (is_opt(arg, "--dup-threshold")) {
			char *end;

			if (!(v = opt_value(argc, argv, &a, "--dup-threshold")))
				return EXIT_USAGE;
			dup_threshold = strtod(v, &end);
			if (*end || end == v || !(dup_threshold > 0 && dup_threshold <= 1))
				return cli_usage_error("brief ", "--dup-threshold takes a number in (0, 1], not '%s'", v);
		} else if (is_opt(arg, "--max-article-bytes")) {
			if (!(v = opt_value(argc, argv, &a, "--max-article-bytes")))
				return EXIT_USAGE;
			if (cli_parse_size("--max-article-bytes", v, 1, (size_t)1 << 40,
					   &ropt.max_article_bytes))
				return EXIT_USAGE;
		} else {
			return cli_usage_error("brief ", "unknown option '%s'", arg);
		}
	}
	if (!n_inputs)
		return cli_usage_error("brief ", "no input (give files, folders, or - for stdin)");

	ctx = chorus_ctx_new();
	only_inputs = 0;
	for (a = 1; a < argc; a++) {
		const char *arg = argv[a];

		if (!only_inputs && arg[0] == '-' && strcmp(arg, "-")) {
			if (!strcmp(arg, "--"))
				only_inputs = 1;
			else if (strcmp(arg, "--fill") && !strchr(arg, '='))
				a++; /* every other option left here takes a value */
			continue;
		}
		rc = chorus_read_path(ctx, arg, &ropt, take_article, on_diag, &in);
		if (rc < 0)
			cli_diag(&in.diags, arg, why(ctx, arg, rc));
	}

	lf = chorus_linefilter_new();
	for (i = 0; i < in.n; i++)
		chorus_linefilter_add(lf, &in.arts[i]);
	docs = calloc(in.n ? in.n : 1, sizeof(*docs));
	if (!docs) {
		cli_error("out of memory");
		goto out;
	}
	for (i = 0; i < in.n; i++) {
		struct chorus_text_options topt = { lf, 0 };
		rc = chorus_doc_analyze(ctx, &in.arts[i], &topt, &docs[n_docs]);
		if (rc) {
			const char *where = in.arts[i].origin ? in.arts[i].origin : in.arts[i].id;
			if (!where)
				where = "?";
			cli_diag(&in.diags, where, why(ctx, where, rc));
			continue;
		}
		n_docs++;
	}
	if (!n_docs) {
		cli_error("no article could be read");
		goto out;
	}
	texts = calloc(n_docs, sizeof(*texts));
	lens = calloc(n_docs, sizeof(*lens));
	dup_of = calloc(n_docs, sizeof(*dup_of));
	if (!texts || !lens || !dup_of) {
		cli_error("out of memory");
		goto out;
	}
	for (i = 0; i < n_docs; i++)
		texts[i] = chorus_doc_body(docs[i], &lens[i]);
	/* the clean body: outlets' own debris lines and headlines do not hide a wire copy */
	chorus_dedup_link(texts, lens, n_docs, dup_threshold, dup_of);
	bopt.dup_of = dup_of;
	rc = chorus_brief_build(ctx, (const struct chorus_doc *const *)docs, n_docs, &bopt, &brief);
	if (rc) {
		cli_error("%s", chorus_errmsg(ctx));
		goto out;
	}
	if (chorus_brief_render(brief, fmt, &out, &len))
		goto out;
	if (fwrite(out, 1, len, stdout) != len || fflush(stdout)) {
		cli_error("writing the brief failed");
		goto out;
	}
	ret = in.diags.count ? EXIT_PARTIAL : EXIT_DONE;
out:
	free(out);
	free(texts);
	free(lens);
	free(dup_of);
	chorus_brief_free(brief);
	for (i = 0; i < n_docs; i++)
		chorus_doc_free(docs[i]);
	free(docs);
	chorus_linefilter_free(lf);
	for (i = 0; i < in.n; i++)
		chorus_article_release(&in.arts[i]);
	free(in.arts);
	chorus_ctx_free(ctx);
	return ret;
}
