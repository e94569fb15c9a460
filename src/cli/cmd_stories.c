/*
 * cli/cmd_stories.c: `chorus stories [--since DATE] [--format text|json]`: the stories
 * of the store, largest first: size, outlets, time span, headline, top terms.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"

struct list {
	enum cli_format fmt;
	json_t *arr;
	size_t limit, shown;
};

static void usage(FILE *out)
{
	fputs("usage: chorus stories [OPTIONS]\n"
	      "\n"
	      "Lists the stories of the store, largest first.\n"
	      "\n"
	      "Options:\n"
	      "  --db PATH         the store (default ./chorus.db)\n"
	      "  --since DATE      only stories with an article published at or after DATE\n"
	      "  --limit N         at most N stories\n"
	      "  --format F        text (default) or json\n"
	      "  -h, --help        this help\n"
	      "\n"
	      "Text: one line per story: ID, articles, outlets, first and last date, headline;\n"
	      "then its top terms. JSON: an array of {id, articles, originals, outlets, first,\n"
	      "last, headline, terms} (dates as YYYY-MM-DD or null).\n", out);
}

static void day(chorus_time t, char *buf, size_t n)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (t == CHORUS_TIME_UNKNOWN || !gmtime_r(&tt, &tm)) {
		snprintf(buf, n, "?");
		return;
	}
	strftime(buf, n, "%Y-%m-%d", &tm);
}

static int each(void *arg, const struct chorus_story_info *s)
{
	struct list *l = arg;
	char first[32], last[32];

	if (l->limit && l->shown >= l->limit)
		return 1;
	l->shown++;
	day(s->first, first, sizeof(first));
	day(s->last, last, sizeof(last));
	if (l->fmt == FORMAT_JSON) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer(s->id));
		json_object_set_new(o, "articles", json_integer(s->size));
		json_object_set_new(o, "originals", json_integer(s->originals));
		json_object_set_new(o, "outlets", json_integer(s->outlets));
		json_object_set_new(o, "first", s->first == CHORUS_TIME_UNKNOWN ? json_null()
				    : json_string(first));
		json_object_set_new(o, "last", s->last == CHORUS_TIME_UNKNOWN ? json_null()
				    : json_string(last));
		json_object_set_new(o, "headline", json_string(s->headline ? s->headline : ""));
		json_object_set_new(o, "terms", json_string(s->terms ? s->terms : ""));
		json_array_append_new(l->arr, o);
		return 0;
	}
	printf("%lld\t%lld article%s, %lld outlet%s\t%s..%s\t%s\n", (long long)s->id,
	       (long long)s->size, s->size == 1 ? "" : "s", (long long)s->outlets,
	       s->outlets == 1 ? "" : "s", first, last, s->headline ? s->headline : "");
	if (s->terms && *s->terms)
		printf("\t%s\n", s->terms);
	return 0;
}

int cmd_stories(int argc, char **argv)
{
	struct chorus_store_options so = { CHORUS_STORE_READONLY, 0, 0 };
	struct chorus_store *st = NULL;
	struct chorus_ctx *ctx;
	struct list l = { FORMAT_TEXT, NULL, 0, 0 };
	chorus_time since = CHORUS_TIME_UNKNOWN;
	const char *db = "chorus.db";
	int i, rc, ret = EXIT_FAILED;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(a, "--db") && v) {
			db = v;
			i++;
		} else if (!strcmp(a, "--since") && v) {
			if (chorus_parse_date(v, &since) < 0)
				return cli_usage_error("stories ", "--since takes a date (2024-05-01), not '%s'", v);
			i++;
		} else if (!strcmp(a, "--limit") && v) {
			if (cli_parse_size("--limit", v, 1, (size_t)1 << 40, &l.limit) < 0)
				return EXIT_USAGE;
			i++;
		} else if (!strcmp(a, "--format") && v) {
			if (cli_parse_format(v, &l.fmt) < 0)
				return EXIT_USAGE;
			i++;
		} else {
			return cli_usage_error("stories ", "unknown option or missing value: '%s'", a);
		}
	}
	ctx = chorus_ctx_new();
	if (chorus_store_open(ctx, db, &so, &st) < 0) {
		cli_error("%s", chorus_errmsg(ctx));
		goto out;
	}
	if (l.fmt == FORMAT_JSON)
		l.arr = json_array();
	rc = chorus_store_each_story(ctx, st, since, each, &l);
	if (rc < 0) {
		cli_error("%s", chorus_errmsg(ctx));
		goto out;
	}
	if (l.arr) {
		char *js = json_dumps(l.arr, JSON_INDENT(2) | JSON_ENSURE_ASCII);

		if (js) {
			puts(js);
			free(js);
		}
	}
	ret = EXIT_DONE;
out:
	json_decref(l.arr);
	chorus_store_close(st);
	chorus_ctx_free(ctx);
	return ret;
}
