/*
 * cli/eval_cluster.c: `chorus eval cluster --gold FILE.jsonl`: runs dedup and story
 * clustering in memory over the articles of a JSONL file, in one stream, and scores
 * the stories against the gold label of each line (pairwise and BCubed P/R/F1).
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct eval {
	struct chorus_lexicon *ids;    /* article id -> index + 1 */
	struct chorus_lexicon *labels; /* gold label -> number */
	uint32_t *gold, *pred;
	size_t n, cap;
	uint32_t *idx_of_seq;          /* seq -> index + 1, for articles moved by a split */
	size_t seq_cap;
	size_t unlabeled, unknown;
	struct chorus_updater *u;
	struct chorus_cluster *fc;     /* --ceiling: features of each article by index */
	struct chorus_features **feat;
	struct chorus_ctx *ctx;
	struct cli_diags diags;
};

static void usage(FILE *out)
{
	fputs("usage: chorus eval cluster --gold FILE.jsonl [OPTIONS]\n"
	      "\n"
	      "Clusters the articles of FILE.jsonl (fed as one stream, in order of publication;\n"
	      "articles without a date keep the input order) and scores the stories against\n"
	      "the gold label of each line: pairwise and BCubed precision, recall and F1.\n"
	      "\n"
	      "Options:\n"
	      "  --gold FILE         JSONL articles (id, text, optional title/published) with labels\n"
	      "  --label NAME        the field holding the gold story (default: story)\n"
	      "  --threshold X       join threshold of the clustering (default: the tuned one)\n"
	      "  --weights B,T,E,TM  weights of body, title, entity cosines and of time\n"
	      "  --decay DAYS        e-folding time of the time decay (default 7; with a time weight)\n"
	      "  --assignments FILE  also write each scored article as a line 'id<TAB>gold<TAB>story'\n"
	      "                      (in input order; '-' for standard output), for error analysis\n"
	      "  --ceiling           also score each article put in the gold story nearest to it\n"
	      "                      (its other articles' centroid; what the similarity allows)\n"
	      "  -h, --help          this help\n", out);
}

static int load_gold(struct eval *e, const char *path, const char *field)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;

	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		json_t *root, *id, *lab;
		char num[32];
		const char *ls = NULL, *is;
		uint32_t idx;

		lineno++;
		root = json_loadb(line, (size_t)len, 0, NULL);
		if (!root)
			continue; /* the reader reports broken lines */
		id = json_object_get(root, "id");
		lab = json_object_get(root, field);
		if (json_is_string(lab))
			ls = json_string_value(lab);
		else if (json_is_integer(lab)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(lab));
			ls = num;
		}
		if (!json_is_string(id) || !ls) {
			e->unlabeled++;
			json_decref(root);
			continue;
		}
		is = json_string_value(id);
		idx = chorus_lexicon_intern(e->ids, is, strlen(is));
		if (idx > e->cap) {
			size_t old = e->cap;

			e->cap = idx * 2;
			e->gold = realloc(e->gold, e->cap * sizeof(*e->gold));
			e->pred = realloc(e->pred, e->cap * sizeof(*e->pred));
			if (!e->gold || !e->pred) {
				cli_error("out of memory");
				exit(EXIT_FAILED);
			}
			memset(e->gold + old, 0, (e->cap - old) * sizeof(*e->gold));
			memset(e->pred + old, 0, (e->cap - old) * sizeof(*e->pred));
		}
		e->gold[idx - 1] = chorus_lexicon_intern(e->labels, ls, strlen(ls));
		if (idx > e->n)
			e->n = idx;
		json_decref(root);
	}
	free(line);
	fclose(f);
	(void)lineno;
	return 0;
}

static void on_assign(void *arg, const char *id, int64_t seq, int64_t story, int64_t dup_of)
{
	struct eval *e = arg;
	uint32_t idx;

	(void)dup_of;
	if (id) {
		idx = chorus_lexicon_find(e->ids, id, strlen(id));
		if ((size_t)seq >= e->seq_cap) {
			size_t old = e->seq_cap;

			e->seq_cap = (size_t)seq * 2;
			e->idx_of_seq = realloc(e->idx_of_seq, e->seq_cap * sizeof(*e->idx_of_seq));
			if (!e->idx_of_seq) {
				cli_error("out of memory");
				exit(EXIT_FAILED);
			}
			memset(e->idx_of_seq + old, 0, (e->seq_cap - old) * sizeof(*e->idx_of_seq));
		}
		e->idx_of_seq[seq] = idx;
	} else {
		/* moved by a split */
		idx = (size_t)seq < e->seq_cap ? e->idx_of_seq[seq] : 0;
		if (idx && e->gold[idx - 1])
			e->pred[idx - 1] = (uint32_t)story;
		return;
	}
	if (idx && e->gold[idx - 1])
		e->pred[idx - 1] = (uint32_t)story;
	else
		e->unknown++;
}

static int on_article(void *arg, struct chorus_article *a)
{
	struct eval *e = arg;
	int ret;

	if (e->fc && a->id) {
		uint32_t idx = chorus_lexicon_find(e->ids, a->id, strlen(a->id));

		if (idx && e->gold[idx - 1] && !e->feat[idx - 1])
			e->feat[idx - 1] = chorus_cluster_features(e->fc, a);
	}
	ret = chorus_updater_add(e->ctx, e->u, a);
	return ret < 0 ? ret : 0;
}

static void on_diag(void *arg, const char *where, const char *why)
{
	struct eval *e = arg;

	cli_diag(&e->diags, where, why);
}

/* Writes `id<TAB>gold<TAB>story` for every scored article, in input order. */
static int write_assignments(const struct eval *e, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
	size_t i, len;
	const char *s;

	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < e->n; i++) {
		if (!e->gold[i] || !e->pred[i])
			continue;
		s = chorus_lexicon_str(e->ids, (uint32_t)(i + 1), &len);
		fprintf(f, "%.*s\t", (int)len, s);
		s = chorus_lexicon_str(e->labels, e->gold[i], &len);
		fprintf(f, "%.*s\t%u\n", (int)len, s, e->pred[i]);
	}
	if (f == stdout ? fflush(f) != 0 : fclose(f) != 0) {
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int parse_weights(const char *s, struct chorus_cluster_options *o)
{
	double w[4];
	char *end;
	int i;

	for (i = 0; i < 4; i++) {
		w[i] = strtod(s, &end);
		if (end == s || w[i] < 0 || (i < 3 && *end != ',') || (i == 3 && *end))
			return -1;
		s = end + 1;
	}
	o->w_body = w[0];
	o->w_title = w[1];
	o->w_ent = w[2];
	o->w_time = w[3];
	return 0;
}

/* Scores the nearest gold story of each scored article (chorus_cluster_ceiling). */
static void print_ceiling(const struct eval *e, const struct chorus_cluster_options *o)
{
	struct chorus_features **f = calloc(e->n ? e->n : 1, sizeof(*f));
	uint32_t *g = calloc(e->n ? e->n : 1, sizeof(*g));
	uint32_t *p = calloc(e->n ? e->n : 1, sizeof(*p));
	struct chorus_cluster_scores sc;
	size_t i, m = 0;

	if (!f || !g || !p) {
		cli_error("out of memory");
		exit(EXIT_FAILED);
	}
	for (i = 0; i < e->n; i++)
		if (e->gold[i] && e->pred[i] && e->feat[i]) {
			f[m] = e->feat[i];
			g[m++] = e->gold[i];
		}
	chorus_cluster_ceiling(o, f, g, m, p);
	chorus_cluster_score(g, p, m, &sc);
	printf("ceiling     pairwise F1 %.4f  BCubed P %.4f  R %.4f  F1 %.4f"
	       "  (each article in its nearest gold story)\n",
	       sc.pair_f, sc.b3_p, sc.b3_r, sc.b3_f);
	free(f);
	free(g);
	free(p);
}

int eval_cluster(int argc, char **argv)
{
	struct chorus_updater_options uo;
	struct chorus_cluster_scores sc;
	struct eval e;
	const char *gold = NULL, *label = "story", *assign = NULL;
	uint32_t *g = NULL, *p = NULL;
	size_t i, m = 0, missing = 0;
	int ret = EXIT_FAILED, rc, ceiling = 0;

	memset(&e, 0, sizeof(e));
	chorus_updater_options_init(&uo);
	uo.batch = SIZE_MAX; /* one batch: the whole stream in order of publication */
	for (i = 1; i < (size_t)argc; i++) {
		const char *a = argv[i], *v = i + 1 < (size_t)argc ? argv[i + 1] : NULL;
		char *end;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(a, "--gold") && v) {
			gold = v;
			i++;
		} else if (!strcmp(a, "--assignments") && v) {
			assign = v;
			i++;
		} else if (!strcmp(a, "--ceiling")) {
			ceiling = 1;
		} else if (!strcmp(a, "--label") && v) {
			label = v;
			i++;
		} else if (!strcmp(a, "--threshold") && v) {
			uo.cluster.threshold = strtod(v, &end);
			if (*end || end == v || uo.cluster.threshold < 0)
				return cli_usage_error("eval cluster ", "--threshold takes a number >= 0, not '%s'", v);
			i++;
		} else if (!strcmp(a, "--decay") && v) {
			uo.cluster.decay_days = strtod(v, &end);
			if (*end || end == v || uo.cluster.decay_days <= 0)
				return cli_usage_error("eval cluster ", "--decay takes a number of days > 0, not '%s'", v);
			i++;
		} else if (!strcmp(a, "--weights") && v) {
			if (parse_weights(v, &uo.cluster) < 0)
				return cli_usage_error("eval cluster ", "--weights takes four numbers B,T,E,TIME, not '%s'", v);
			i++;
		} else {
			return cli_usage_error("eval cluster ", "unknown option or missing value: '%s'", a);
		}
	}
	if (!gold)
		return cli_usage_error("eval cluster ", "--gold FILE.jsonl is required");
	e.ids = chorus_lexicon_new();
	e.labels = chorus_lexicon_new();
	e.ctx = chorus_ctx_new();
	if (load_gold(&e, gold, label) < 0)
		goto out;
	if (!e.n) {
		cli_error("%s: no line has both an id and a '%s' label", gold, label);
		goto out;
	}
	if (chorus_updater_new(e.ctx, NULL, &uo, &e.u) < 0) {
		cli_error("%s", chorus_errmsg(e.ctx));
		goto out;
	}
	chorus_updater_on_assign(e.u, on_assign, &e);
	if (ceiling) {
		e.fc = chorus_cluster_new(&uo.cluster);
		e.feat = calloc(e.n, sizeof(*e.feat));
		if (!e.feat) {
			cli_error("out of memory");
			goto out;
		}
	}
	rc = chorus_read_path(e.ctx, gold, NULL, on_article, on_diag, &e);
	if (rc >= 0)
		rc = chorus_updater_flush(e.ctx, e.u);
	if (rc < 0) {
		cli_error("%s", chorus_errmsg(e.ctx));
		goto out;
	}
	g = malloc(e.n * sizeof(*g));
	p = malloc(e.n * sizeof(*p));
	if (!g || !p)
		goto out;
	for (i = 0; i < e.n; i++) {
		if (!e.gold[i])
			continue;
		if (!e.pred[i]) {
			missing++;
			continue;
		}
		g[m] = e.gold[i];
		p[m++] = e.pred[i];
	}
	chorus_cluster_score(g, p, m, &sc);
	printf("articles    %zu scored (gold stories %zu, predicted stories %zu)\n", sc.items,
	       sc.gold_clusters, sc.pred_clusters);
	if (missing || e.unlabeled || e.diags.count)
		printf("not scored  %zu unread, %zu without a label\n", missing, e.unlabeled);
	printf("pairwise    P %.4f  R %.4f  F1 %.4f\n", sc.pair_p, sc.pair_r, sc.pair_f);
	printf("BCubed      P %.4f  R %.4f  F1 %.4f\n", sc.b3_p, sc.b3_r, sc.b3_f);
	if (ceiling)
		print_ceiling(&e, &uo.cluster);
	if (assign && write_assignments(&e, assign) < 0)
		goto out;
	ret = e.diags.count || missing ? EXIT_PARTIAL : EXIT_DONE;
out:
	free(g);
	free(p);
	free(e.gold);
	free(e.pred);
	free(e.idx_of_seq);
	if (e.feat)
		for (i = 0; i < e.n; i++)
			chorus_features_free(e.feat[i]);
	free(e.feat);
	chorus_cluster_free(e.fc);
	chorus_updater_free(e.u);
	chorus_lexicon_free(e.ids);
	chorus_lexicon_free(e.labels);
	chorus_ctx_free(e.ctx);
	return ret;
}
