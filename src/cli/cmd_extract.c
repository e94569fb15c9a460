/*
 * cli/cmd_extract.c: `chorus extract FILES...`: prints, per article, the entities,
 * quotes with speakers, outlets cited, numbers and dates found, with byte offsets
 * into the article's clean text. With --story the inputs are one story: dates are
 * inferred across them and the story's merged view is printed after the articles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "chorus/extract.h"
#include "cli.h"

struct item {
	struct chorus_article a;
	struct chorus_doc *doc;
	struct chorus_extraction *x;
};

struct run {
	struct cli_diags diags; /* first: the reader's one argument serves both callbacks */
	struct chorus_ctx *ctx;
	struct item **items; /* each allocated alone: a document points at its article */
	size_t n, cap;
	size_t skipped;
};

static void usage(FILE *out)
{
	fputs("usage: chorus extract [OPTIONS] FILES...\n"
	      "\n"
	      "Prints what each article says: entities (people, organisations, places,\n"
	      "outlets) with canonical names, direct quotes and reported speech with their\n"
	      "speakers, outlets cited, numbers with what they count, and dates resolved to\n"
	      "calendar days. Offsets are bytes in the article's clean text.\n"
	      "\n"
	      "Options:\n"
	      "  --format FMT   text (default) or json (one JSON object per article per line)\n"
	      "  --story        the inputs are one story: infer dates across them and print\n"
	      "                 the story's entities, quotes, numbers and timeline at the end\n"
	      "  --text         also print each article's clean text (JSON always has it,\n"
	      "                 as \"text\")\n"
	      "  -h, --help     this help\n",
	      out);
}

static int on_article(void *arg, struct chorus_article *a)
{
	struct run *r = arg;
	struct item *it;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->items = realloc(r->items, r->cap * sizeof(*r->items));
		if (!r->items) {
			cli_error("out of memory");
			exit(EXIT_FAILED);
		}
	}
	it = calloc(1, sizeof(*it));
	if (!it) {
		cli_error("out of memory");
		exit(EXIT_FAILED);
	}
	r->items[r->n] = it;
	it->a = *a;
	chorus_article_init(a); /* the fields are ours now */
	if (chorus_doc_analyze(r->ctx, &it->a, NULL, &it->doc)) {
		fprintf(stderr, "%s: %s\n", it->a.origin ? it->a.origin : it->a.id, chorus_errmsg(r->ctx));
		chorus_article_release(&it->a);
		free(it);
		r->skipped++;
		return 0;
	}
	r->n++;
	return 0;
}

static void span(FILE *out, const char *text, uint32_t b, uint32_t e)
{
	fprintf(out, "%.*s", (int)(e - b), text + b);
}

static void print_day(FILE *out, chorus_time t)
{
	long long d = (long long)(t / 86400);
	long long z = d + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;

	fprintf(out, "%04lld-%02lld-%02lld", y + (m <= 2), m, dd);
}

static void print_text(FILE *out, const struct item *it, int with_text)
{
	const struct chorus_extraction *x = it->x;
	const char *t = it->doc->text;
	size_t i;

	fprintf(out, "== %s (%s)", it->a.id, chorus_extract_outlet(x));
	if (x->anchor != CHORUS_TIME_UNKNOWN) {
		fputs(" published ", out);
		print_day(out, x->anchor);
		if (x->anchor_inferred)
			fputs(" (inferred)", out);
	}
	fputc('\n', out);
	if (with_text)
		fprintf(out, "%s\n", t);
	fprintf(out, "entities: %zu\n", x->n_entities);
	for (i = 0; i < x->n_entities; i++) {
		const struct chorus_entity *e = &x->entities[i];
		fprintf(out, "  %-12s %s", chorus_entity_kind_name(e->kind), e->name);
		if (e->title)
			fprintf(out, " [%s]", e->title);
		if (e->code && e->code[0])
			fprintf(out, " (%s)", e->code);
		fprintf(out, " x%u\n", e->mentions);
	}
	fprintf(out, "quotes: %zu\n", x->n_quotes);
	for (i = 0; i < x->n_quotes; i++) {
		const struct chorus_quote *q = &x->quotes[i];
		fprintf(out, "  %u-%u %s %s: \"", q->start, q->end,
			(q->flags & CHORUS_QUOTE_DIRECT) ? "direct" : "reported",
			q->speaker_name ? q->speaker_name : "(unknown)");
		span(out, t, q->start, q->end);
		fputc('"', out);
		if (q->cue_end > q->cue_start) {
			fputs(" cue \"", out);
			span(out, t, q->cue_start, q->cue_end);
			fputc('"', out);
		}
		if (q->src_end > q->src_start) {
			fputs(" source \"", out);
			span(out, t, q->src_start, q->src_end);
			fputc('"', out);
		}
		if (q->flags & CHORUS_QUOTE_INHERITED)
			fputs(" (continues the quote before)", out);
		fputc('\n', out);
	}
	fprintf(out, "citations: %zu\n", x->n_citations);
	for (i = 0; i < x->n_citations; i++)
		fprintf(out, "  %u-%u %s\n", x->citations[i].start, x->citations[i].end, x->citations[i].outlet);
	fprintf(out, "numbers: %zu\n", x->n_numbers);
	for (i = 0; i < x->n_numbers; i++) {
		const struct chorus_number *n = &x->numbers[i];
		fprintf(out, "  %u-%u \"", n->start, n->end);
		span(out, t, n->start, n->end);
		fprintf(out, "\" = %.10g", n->value);
		if (n->unit)
			fprintf(out, " %s", n->unit);
		if (n->counts)
			fprintf(out, " counts \"%s\"", n->counts);
		if (n->qualifier)
			fprintf(out, " qualifier \"%s\"", n->qualifier);
		fputc('\n', out);
	}
	fprintf(out, "dates: %zu\n", x->n_timexes);
	for (i = 0; i < x->n_timexes; i++) {
		const struct chorus_timex *d = &x->timexes[i];
		fprintf(out, "  %u-%u \"", d->start, d->end);
		span(out, t, d->start, d->end);
		fprintf(out, "\" = %s%s%s\n", d->value, (d->flags & CHORUS_TIMEX_INFERRED) ? " (inferred)" : "",
			(d->flags & CHORUS_TIMEX_DURATION) ? " (duration)" : "");
	}
}

static json_t *jspan(const char *t, uint32_t b, uint32_t e)
{
	json_t *o = json_object();

	json_object_set_new(o, "start", json_integer(b));
	json_object_set_new(o, "end", json_integer(e));
	json_object_set_new(o, "text", json_stringn(t + b, e - b));
	return o;
}

static json_t *opt_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void print_json(FILE *out, const struct item *it)
{
	const struct chorus_extraction *x = it->x;
	const char *t = it->doc->text;
	json_t *o = json_object(), *arr;
	size_t i;
	char *s;

	json_object_set_new(o, "id", json_string(it->a.id));
	json_object_set_new(o, "outlet", json_string(chorus_extract_outlet(x)));
	if (x->anchor != CHORUS_TIME_UNKNOWN) {
		char buf[16];
		FILE *m = fmemopen(buf, sizeof(buf), "w");
		if (m) {
			print_day(m, x->anchor);
			fclose(m);
			json_object_set_new(o, "published", json_string(buf));
		}
		json_object_set_new(o, "published_inferred", json_boolean(x->anchor_inferred));
	}
	json_object_set_new(o, "title", opt_str(it->a.title));
	json_object_set_new(o, "author", opt_str(it->a.author));
	json_object_set_new(o, "url", opt_str(it->a.url));
	json_object_set_new(o, "lang", opt_str(it->a.lang));
	json_object_set_new(o, "text", json_string(t));
	arr = json_array();
	for (i = 0; i < x->n_entities; i++) {
		const struct chorus_entity *e = &x->entities[i];
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer((json_int_t)i));
		json_object_set_new(j, "kind", json_string(chorus_entity_kind_name(e->kind)));
		json_object_set_new(j, "name", json_string(e->name));
		json_object_set_new(j, "key", json_string(e->key));
		json_object_set_new(j, "title", opt_str(e->title));
		json_object_set_new(j, "code", opt_str(e->code && e->code[0] ? e->code : NULL));
		json_object_set_new(j, "mentions", json_integer(e->mentions));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "entities", arr);
	arr = json_array();
	for (i = 0; i < x->n_mentions; i++) {
		json_t *j = jspan(t, x->mentions[i].start, x->mentions[i].end);
		json_object_set_new(j, "entity", json_integer(x->mentions[i].entity));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "mentions", arr);
	arr = json_array();
	for (i = 0; i < x->n_quotes; i++) {
		const struct chorus_quote *q = &x->quotes[i];
		json_t *j = jspan(t, q->start, q->end);
		json_object_set_new(j, "kind", json_string((q->flags & CHORUS_QUOTE_DIRECT) ? "direct" : "reported"));
		json_object_set_new(j, "speaker", opt_str(q->speaker_name));
		json_object_set_new(j, "speaker_entity", q->speaker >= 0 ? json_integer(q->speaker) : json_null());
		json_object_set_new(j, "unnamed", json_boolean(q->flags & CHORUS_QUOTE_UNNAMED));
		json_object_set_new(j, "source", q->src_end > q->src_start ? jspan(t, q->src_start, q->src_end) : json_null());
		json_object_set_new(j, "cue", q->cue_end > q->cue_start ? jspan(t, q->cue_start, q->cue_end) : json_null());
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "quotes", arr);
	arr = json_array();
	for (i = 0; i < x->n_citations; i++) {
		json_t *j = jspan(t, x->citations[i].start, x->citations[i].end);
		json_object_set_new(j, "outlet", json_string(x->citations[i].outlet));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "citations", arr);
	arr = json_array();
	for (i = 0; i < x->n_numbers; i++) {
		const struct chorus_number *n = &x->numbers[i];
		json_t *j = jspan(t, n->start, n->end);
		json_object_set_new(j, "value", json_real(n->value));
		json_object_set_new(j, "unit", opt_str(n->unit));
		json_object_set_new(j, "counts", opt_str(n->counts));
		json_object_set_new(j, "qualifier", opt_str(n->qualifier));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "numbers", arr);
	arr = json_array();
	for (i = 0; i < x->n_timexes; i++) {
		const struct chorus_timex *d = &x->timexes[i];
		json_t *j = jspan(t, d->start, d->end);
		json_object_set_new(j, "value", json_string(d->value));
		json_object_set_new(j, "inferred", json_boolean(d->flags & CHORUS_TIMEX_INFERRED));
		json_object_set_new(j, "duration", json_boolean(d->flags & CHORUS_TIMEX_DURATION));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "dates", arr);
	s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	if (s)
		fprintf(out, "%s\n", s);
	free(s);
	json_decref(o);
}

static void print_story(FILE *out, const struct run *r, const struct chorus_story_extraction *s)
{
	size_t i, j;

	fputs("== story\nentities:\n", out);
	for (i = 0; i < s->n_entities; i++)
		fprintf(out, "  %-12s %s (%u articles, %u mentions)\n", chorus_entity_kind_name(s->entities[i].kind),
			s->entities[i].name, s->entities[i].articles, s->entities[i].mentions);
	fputs("quotes:\n", out);
	for (i = 0; i < s->n_quotes; i++) {
		fprintf(out, "  %s: \"%s\" (", s->quotes[i].speaker ? s->quotes[i].speaker : "?", s->quotes[i].text);
		for (j = 0; j < s->quotes[i].outlets; j++)
			fprintf(out, "%s%s", j ? ", " : "", chorus_extract_outlet(r->items[s->quotes[i].carriers[j]]->x));
		fputs(")\n", out);
	}
	fputs("numbers:\n", out);
	for (i = 0; i < s->n_numbers; i++) {
		fprintf(out, "  %s%s%.10g %s%s%s (", s->numbers[i].qualifier ? s->numbers[i].qualifier : "",
			s->numbers[i].qualifier ? " " : "", s->numbers[i].value,
			s->numbers[i].unit ? s->numbers[i].unit : "", s->numbers[i].unit ? " " : "", s->numbers[i].counts);
		for (j = 0; j < s->numbers[i].n_articles; j++)
			fprintf(out, "%s%s", j ? ", " : "", chorus_extract_outlet(r->items[s->numbers[i].articles[j]]->x));
		fprintf(out, ")%s\n", s->numbers[i].conflict ? " CONFLICT" : "");
	}
	fputs("timeline:\n", out);
	for (i = 0; i < s->n_events; i++) {
		fprintf(out, "  %s%s %s (", s->events[i].date, s->events[i].inferred ? " (inferred)" : "",
			s->events[i].sentence);
		for (j = 0; j < s->events[i].n_articles; j++)
			fprintf(out, "%s%s", j ? ", " : "", chorus_extract_outlet(r->items[s->events[i].articles[j]]->x));
		fputs(")\n", out);
	}
}

int cmd_extract(int argc, char **argv)
{
	struct run r;
	enum cli_format fmt = FORMAT_TEXT;
	int story = 0, with_text = 0, ret = EXIT_DONE, i, nfiles = 0;
	struct chorus_extraction **xs = NULL;
	struct chorus_story_extraction *s = NULL;
	size_t k;

	memset(&r, 0, sizeof(r));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(argv[i], "--format")) {
			if (i + 1 >= argc)
				return cli_usage_error("extract ", "--format needs a value");
			if (cli_parse_format(argv[++i], &fmt))
				return EXIT_USAGE;
			if (fmt == FORMAT_MD)
				fmt = FORMAT_TEXT;
		} else if (!strcmp(argv[i], "--story")) {
			story = 1;
		} else if (!strcmp(argv[i], "--text")) {
			with_text = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error("extract ", "unknown option '%s'", argv[i]);
		} else {
			nfiles++;
		}
	}
	if (!nfiles)
		return cli_usage_error("extract ", "no input files");
	r.ctx = chorus_ctx_new();
	for (i = 1; i < argc; i++) {
		int rc;
		if (!strcmp(argv[i], "--format")) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		rc = chorus_read_path(r.ctx, argv[i], NULL, on_article, cli_diag, &r);
		if (rc < 0) {
			cli_error("%s", chorus_errmsg(r.ctx));
			ret = EXIT_PARTIAL;
		}
	}
	xs = calloc(r.n + 1, sizeof(*xs));
	if (!xs) {
		cli_error("out of memory");
		ret = EXIT_FAILED;
		goto out;
	}
	for (k = 0; k < r.n; k++) {
		chorus_extract(r.ctx, r.items[k]->doc, NULL, &r.items[k]->x);
		xs[k] = r.items[k]->x;
	}
	if (story && r.n)
		chorus_extract_story(r.ctx, xs, r.n, &s);
	for (k = 0; k < r.n; k++) {
		if (fmt == FORMAT_JSON)
			print_json(stdout, r.items[k]);
		else
			print_text(stdout, r.items[k], with_text);
	}
	if (s && fmt != FORMAT_JSON)
		print_story(stdout, &r, s);
	if (r.diags.count || r.skipped)
		ret = EXIT_PARTIAL;
	if (!r.n && ret != EXIT_DONE)
		ret = EXIT_FAILED; /* nothing could be read */
out:
	chorus_story_extraction_free(s);
	for (k = 0; k < r.n; k++) {
		chorus_extraction_free(r.items[k]->x);
		chorus_doc_free(r.items[k]->doc);
		chorus_article_release(&r.items[k]->a);
		free(r.items[k]);
	}
	free(xs);
	free(r.items);
	chorus_ctx_free(r.ctx);
	return ret;
}
