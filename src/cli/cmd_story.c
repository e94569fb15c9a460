/*
 * cli/cmd_story.c: `chorus story ID [--format md|json]`: one stored story: its
 * metadata, its brief (chorus/brief.h, told which articles are syndicated copies of
 * which), and its articles, each copy shown with the original it copies.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chorus/brief.h"
#include "cli.h"

struct member {
	int64_t seq, dup_of;
	double sim;
	char *id, *source, *title;
	chorus_time published;
	struct chorus_article a; /* with its text, for the brief */
};

struct members {
	struct member *v;
	size_t n, cap;
};

static void usage(FILE *out)
{
	fputs("usage: chorus story ID [OPTIONS]\n"
	      "\n"
	      "Shows one story of the store: size, outlets, time span, top terms, and its\n"
	      "articles in order of arrival; a syndicated copy names the article it copies.\n"
	      "\n"
	      "Options:\n"
	      "  --db PATH     the store (default ./chorus.db)\n"
	      "  --format F    md (default on a terminal), text, or json\n"
	      "  -h, --help    this help\n", out);
}

static int collect(void *arg, const struct chorus_stored *s)
{
	struct members *m = arg;
	struct member *x;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct member *v = realloc(m->v, cap * sizeof(*v));

		if (!v)
			return -1;
		m->v = v;
		m->cap = cap;
	}
	x = &m->v[m->n++];
	x->seq = s->seq;
	x->dup_of = s->dup_of;
	x->sim = s->dup_sim;
	x->id = strdup(s->a.id ? s->a.id : "");
	x->source = s->a.source ? strdup(s->a.source) : NULL;
	x->title = s->a.title ? strdup(s->a.title) : NULL;
	x->published = s->a.published;
	chorus_article_copy(&x->a, &s->a);
	return 0;
}

static const char *id_of(const struct members *m, int64_t seq)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].seq == seq)
			return m->v[i].id;
	return "?";
}

static void day(chorus_time t, char *buf, size_t n)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (t == CHORUS_TIME_UNKNOWN || !gmtime_r(&tt, &tm))
		snprintf(buf, n, "?");
	else
		strftime(buf, n, "%Y-%m-%d", &tm);
}

/* The brief of the story, rendered in fmt into a new string; NULL when it cannot be
 * made (the reason on stderr). */
static char *brief_of(struct chorus_ctx *ctx, const struct members *m, enum chorus_brief_format fmt)
{
	struct chorus_doc **docs = calloc(m->n ? m->n : 1, sizeof(*docs));
	size_t *dup = calloc(m->n ? m->n : 1, sizeof(*dup)), *index = calloc(m->n ? m->n : 1, sizeof(*index));
	struct chorus_brief_options bo;
	struct chorus_brief *b = NULL;
	char *out = NULL;
	size_t i, j, n = 0, len = 0;

	if (!docs || !dup || !index)
		goto out;
	for (i = 0; i < m->n; i++) {
		index[i] = CHORUS_BRIEF_ORIGINAL;
		if (chorus_doc_analyze(ctx, &m->v[i].a, NULL, &docs[n]) < 0) {
			fprintf(stderr, "chorus: story article %s skipped: %s\n", m->v[i].id,
				chorus_errmsg(ctx));
			continue;
		}
		index[i] = n++;
	}
	for (i = 0; i < m->n; i++) {
		if (index[i] == CHORUS_BRIEF_ORIGINAL)
			continue;
		dup[index[i]] = CHORUS_BRIEF_ORIGINAL;
		for (j = 0; m->v[i].dup_of && j < m->n; j++)
			if (m->v[j].seq == m->v[i].dup_of && index[j] != CHORUS_BRIEF_ORIGINAL)
				dup[index[i]] = index[j];
	}
	memset(&bo, 0, sizeof(bo));
	bo.dup_of = dup;
	if (!n || chorus_brief_build(ctx, (const struct chorus_doc *const *)docs, n, &bo, &b) < 0) {
		cli_error("no brief: %s", n ? chorus_errmsg(ctx) : "no article could be analysed");
		goto out;
	}
	if (chorus_brief_render(b, fmt, &out, &len) < 0) {
		free(out);
		out = NULL;
	}
out:
	chorus_brief_free(b);
	for (i = 0; i < n; i++)
		chorus_doc_free(docs[i]);
	free(docs);
	free(dup);
	free(index);
	return out;
}

static void print_json(const struct chorus_story_info *si, const struct members *m, const char *brief)
{
	json_t *o = json_object(), *arr = json_array();
	char buf[32];
	char *js;
	size_t i;

	json_object_set_new(o, "id", json_integer(si->id));
	json_object_set_new(o, "articles", json_integer(si->size));
	json_object_set_new(o, "originals", json_integer(si->originals));
	json_object_set_new(o, "outlets", json_integer(si->outlets));
	day(si->first, buf, sizeof(buf));
	json_object_set_new(o, "first", si->first == CHORUS_TIME_UNKNOWN ? json_null() : json_string(buf));
	day(si->last, buf, sizeof(buf));
	json_object_set_new(o, "last", si->last == CHORUS_TIME_UNKNOWN ? json_null() : json_string(buf));
	json_object_set_new(o, "headline", json_string(si->headline ? si->headline : ""));
	json_object_set_new(o, "terms", json_string(si->terms ? si->terms : ""));
	for (i = 0; i < m->n; i++) {
		const struct member *x = &m->v[i];
		json_t *a = json_object();

		json_object_set_new(a, "id", json_string(x->id));
		json_object_set_new(a, "source", x->source ? json_string(x->source) : json_null());
		json_object_set_new(a, "title", x->title ? json_string(x->title) : json_null());
		json_object_set_new(a, "author", x->a.author ? json_string(x->a.author) : json_null());
		day(x->published, buf, sizeof(buf));
		json_object_set_new(a, "published", x->published == CHORUS_TIME_UNKNOWN ? json_null()
				    : json_string(buf));
		json_object_set_new(a, "copy_of", x->dup_of ? json_string(id_of(m, x->dup_of))
				    : json_null());
		if (x->dup_of)
			json_object_set_new(a, "similarity", json_real(x->sim));
		json_array_append_new(arr, a);
	}
	json_object_set_new(o, "members", arr);
	json_object_set_new(o, "brief", brief ? json_loads(brief, 0, NULL) : json_null());
	if (!json_object_get(o, "brief"))
		json_object_set_new(o, "brief", json_null());
	js = json_dumps(o, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	if (js)
		puts(js);
	free(js);
	json_decref(o);
}

static void print_md(const struct chorus_story_info *si, const struct members *m, int md,
		     const char *brief)
{
	char first[32], last[32], buf[32];
	size_t i;

	day(si->first, first, sizeof(first));
	day(si->last, last, sizeof(last));
	printf(md ? "# Story %lld: %s\n\n" : "Story %lld: %s\n", (long long)si->id,
	       si->headline ? si->headline : "");
	printf("%lld article%s (%lld original%s), %lld outlet%s, %s to %s\n", (long long)si->size,
	       si->size == 1 ? "" : "s", (long long)si->originals, si->originals == 1 ? "" : "s",
	       (long long)si->outlets, si->outlets == 1 ? "" : "s", first, last);
	printf("Terms: %s\n\n", si->terms ? si->terms : "");
	if (brief) {
		/* the brief's own heading repeats the story's: left out */
		const char *h = si->headline ? si->headline : "", *b = brief;
		size_t hl = strlen(h);

		if (md && !strncmp(b, "# ", 2))
			b += 2;
		if (hl && !strncmp(b, h, hl) && b[hl] == '\n') {
			brief = b + hl + 1;
			brief += *brief == '\n';
		}
		printf("%s%s", brief, brief[0] && brief[strlen(brief) - 1] == '\n' ? "" : "\n");
	}
	printf("%s", md ? "\n## Articles\n\n" : "\nArticles:\n");
	for (i = 0; i < m->n; i++) {
		const struct member *x = &m->v[i];

		day(x->published, buf, sizeof(buf));
		printf("%s%s (%s, %s)%s%s", md ? "- " : "", x->id, x->source ? x->source : "unknown outlet",
		       buf, x->title ? ": " : "", x->title ? x->title : "");
		if (x->dup_of)
			printf(" [copy of %s, similarity %.2f]", id_of(m, x->dup_of), x->sim);
		putchar('\n');
	}
}

int cmd_story(int argc, char **argv)
{
	struct chorus_store_options so = { CHORUS_STORE_READONLY, 0, 0 };
	struct chorus_store *st = NULL;
	struct chorus_story_info si;
	struct members m = { NULL, 0, 0 };
	struct chorus_ctx *ctx;
	enum cli_format fmt = cli_default_format();
	const char *db = "chorus.db", *idarg = NULL;
	char *brief = NULL;
	size_t id = 0, i;
	int ret = EXIT_FAILED;

	memset(&si, 0, sizeof(si));
	for (i = 1; i < (size_t)argc; i++) {
		const char *a = argv[i], *v = i + 1 < (size_t)argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(a, "--db") && v) {
			db = v;
			i++;
		} else if (!strcmp(a, "--format") && v) {
			if (cli_parse_format(v, &fmt) < 0)
				return EXIT_USAGE;
			i++;
		} else if (a[0] == '-' || idarg) {
			return cli_usage_error("story ", "unexpected argument '%s'", a);
		} else {
			idarg = a;
		}
	}
	if (!idarg)
		return cli_usage_error("story ", "name a story ID (see 'chorus stories')");
	if (cli_parse_size("story ID", idarg, 1, (size_t)1 << 62, &id) < 0)
		return EXIT_USAGE;
	ctx = chorus_ctx_new();
	if (chorus_store_open(ctx, db, &so, &st) < 0 ||
	    chorus_store_get_story(ctx, st, (int64_t)id, &si) < 0 ||
	    chorus_store_each_article(ctx, st, (int64_t)id, 1, collect, &m) != 0) {
		cli_error("%s", *chorus_errmsg(ctx) ? chorus_errmsg(ctx) : "out of memory");
		goto out;
	}
	brief = brief_of(ctx, &m, fmt == FORMAT_JSON ? CHORUS_BRIEF_JSON
			 : fmt == FORMAT_MD ? CHORUS_BRIEF_MD : CHORUS_BRIEF_TEXT);
	if (fmt == FORMAT_JSON)
		print_json(&si, &m, brief);
	else
		print_md(&si, &m, fmt == FORMAT_MD, brief);
	free(brief);
	ret = EXIT_DONE;
out:
	for (i = 0; i < m.n; i++) {
		free(m.v[i].id);
		free(m.v[i].source);
		free(m.v[i].title);
		chorus_article_release(&m.v[i].a);
	}
	free(m.v);
	chorus_story_info_release(&si);
	chorus_store_close(st);
	chorus_ctx_free(ctx);
	return ret;
}
