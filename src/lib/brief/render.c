/*
 * brief/render.c: writes a built brief as text, Markdown, JSON (jansson) or plain
 * summary lines. The brief is a list of sections (brief_impl.h); this file holds the
 * frame, the article list and the summary section. A new section is a pair of
 * functions and one line in chorus__brief_sections.
 */
#include <time.h>

#include "brief/brief_impl.h"
#include "extract/brief_sections.h"
#include "util/alloc.h"

const struct chorus__brief_section chorus__brief_sections[] = {
	{ "summary", chorus__brief_summary_text, chorus__brief_summary_json },
	{ "entities", chorus__brief_entities_text, chorus__brief_entities_json },
	{ "quotes", chorus__brief_quotes_text, chorus__brief_quotes_json },
	{ "numbers", chorus__brief_numbers_text, chorus__brief_numbers_json },
	{ "timeline", chorus__brief_timeline_text, chorus__brief_timeline_json },
	{ NULL, NULL, NULL }
};

/* Appends s, with a backslash before the characters Markdown would take as markup
 * when md is set. */
static void add_text(struct chorus__buf *out, const char *s, int md)
{
	for (; *s; s++) {
		if (md && strchr("\\`*_[]<>", *s))
			chorus__buf_addch(out, '\\');
		chorus__buf_addch(out, *s);
	}
}

/* Appends the outlets of a sentence's sources, each name once, in document order. */
static void add_outlets(const struct chorus_brief *b, const struct chorus_brief_sentence *s,
			int md, struct chorus__buf *out)
{
	size_t i, j;

	for (i = 0; i < s->n_sources; i++) {
		const char *name = chorus_brief_outlet(b, s->sources[i].doc);
		int seen = 0;

		for (j = 0; j < i && !seen; j++)
			seen = !strcmp(name, chorus_brief_outlet(b, s->sources[j].doc));
		if (seen)
			continue;
		if (i)
			chorus__buf_adds(out, ", ");
		add_text(out, name, md);
	}
}

void chorus__brief_summary_text(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	size_t i;

	chorus__buf_addf(out, md ? "## Summary\n\n" : "SUMMARY (%zu words)\n\n", b->summary_words);
	if (!b->n_summary) {
		chorus__buf_adds(out, md ? "_No sentence to summarize._\n" : "No sentence to summarize.\n");
		return;
	}
	for (i = 0; i < b->n_summary; i++) {
		const struct chorus_brief_sentence *s = &b->summary[i];

		if (md) {
			chorus__buf_adds(out, "- ");
			add_text(out, s->text, 1);
			chorus__buf_adds(out, " _(");
			add_outlets(b, s, 1, out);
			chorus__buf_adds(out, ")_\n");
		} else {
			chorus__buf_addf(out, "%zu. %s\n   [", i + 1, s->text);
			add_outlets(b, s, 0, out);
			chorus__buf_adds(out, "]\n");
		}
	}
}

/* A JSON string of s, with bytes that are not valid UTF-8 replaced by '?' (the article
 * contract promises valid UTF-8; this keeps the output valid if a caller breaks it). */
static json_t *jstr(const char *s)
{
	json_t *v = json_string(s);
	char *copy;
	size_t i;

	if (v)
		return v;
	copy = chorus_xstrdup(s);
	for (i = 0; copy[i]; i++)
		if ((unsigned char)copy[i] >= 0x80)
			copy[i] = '?';
	v = json_string(copy);
	free(copy);
	return v;
}

static json_t *str_or_null(const char *s)
{
	return s ? jstr(s) : json_null();
}

json_t *chorus__brief_summary_json(const struct chorus_brief *b)
{
	json_t *o = json_object(), *arr = json_array();
	size_t i, j;

	json_object_set_new(o, "budget", json_integer((json_int_t)b->budget));
	json_object_set_new(o, "words", json_integer((json_int_t)b->summary_words));
	for (i = 0; i < b->n_summary; i++) {
		const struct chorus_brief_sentence *s = &b->summary[i];
		json_t *js = json_object(), *srcs = json_array();

		json_object_set_new(js, "text", jstr(s->text));
		json_object_set_new(js, "article", json_integer((json_int_t)s->doc));
		json_object_set_new(js, "sentence", json_integer((json_int_t)s->sent));
		json_object_set_new(js, "words", json_integer((json_int_t)s->words));
		json_object_set_new(js, "support", json_integer((json_int_t)s->support));
		json_object_set_new(js, "cut", json_boolean(s->cut));
		for (j = 0; j < s->n_sources; j++) {
			const struct chorus_brief_source *src = &s->sources[j];
			json_t *jo = json_object();
			const struct chorus_article *a = b->docs[src->doc]->article;

			json_object_set_new(jo, "article", json_integer((json_int_t)src->doc));
			json_object_set_new(jo, "id", str_or_null(a ? a->id : NULL));
			json_object_set_new(jo, "outlet", jstr(chorus_brief_outlet(b, src->doc)));
			json_object_set_new(jo, "sentence", json_integer((json_int_t)src->sent));
			json_object_set_new(jo, "copy", json_boolean(src->copy));
			json_array_append_new(srcs, jo);
		}
		json_object_set_new(js, "sources", srcs);
		json_array_append_new(arr, js);
	}
	json_object_set_new(o, "sentences", arr);
	return o;
}

/* The publication time as "2022-02-21T18:30:00Z", or null. */
static json_t *published_json(const struct chorus_article *a)
{
	struct tm tm;
	time_t t;
	char s[32];

	if (!a || a->published == CHORUS_TIME_UNKNOWN)
		return json_null();
	t = (time_t)a->published;
	if (!gmtime_r(&t, &tm) || !strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return json_null();
	return json_string(s);
}

static json_t *articles_json(const struct chorus_brief *b)
{
	const struct chorus__brief_impl *impl = b->impl;
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < b->n_docs; i++) {
		const struct chorus_article *a = b->docs[i]->article;
		json_t *o = json_object();

		json_object_set_new(o, "id", str_or_null(a ? a->id : NULL));
		json_object_set_new(o, "outlet", jstr(chorus_brief_outlet(b, i)));
		json_object_set_new(o, "source", str_or_null(a ? a->source : NULL));
		json_object_set_new(o, "title", str_or_null(a ? a->title : NULL));
		json_object_set_new(o, "url", str_or_null(a ? a->url : NULL));
		json_object_set_new(o, "published", published_json(a));
		json_object_set_new(o, "copy_of", impl->group[i] == i
							  ? json_null()
							  : json_integer((json_int_t)impl->group[i]));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* The Markdown or text heading: the story's size. */
static void add_heading(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	const char *title = NULL;
	size_t i;

	for (i = 0; i < b->n_docs && !title; i++)
		if (b->docs[i]->article && b->docs[i]->article->title && *b->docs[i]->article->title)
			title = b->docs[i]->article->title;
	chorus__buf_adds(out, md ? "# " : "");
	add_text(out, title ? title : "Brief", md);
	chorus__buf_addch(out, '\n');
	chorus__buf_addf(out, "\n%s%zu article%s, %zu independent%s\n\n", md ? "_" : "", b->n_docs,
			 b->n_docs == 1 ? "" : "s", b->n_independent, md ? "_" : "");
}

static void finish(struct chorus__buf *out, char **buf, size_t *len)
{
	char *s = chorus__buf_detach(out, NULL);
	size_t n = strlen(s);

	*buf = chorus_xrealloc(*buf, *len + n + 1);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
	free(s);
}

static void render_json(json_t *v, struct chorus__buf *out)
{
	char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	if (!s) /* every string was checked by jstr(), so only memory can run out */
		s = chorus_xstrdup("null");
	chorus__buf_adds(out, s);
	chorus__buf_addch(out, '\n');
	free(s);
}

int chorus_brief_render_summary(const struct chorus_brief *b, enum chorus_brief_format fmt,
				char **buf, size_t *len)
{
	struct chorus__buf out = { 0 };
	size_t i;

	switch (fmt) {
	case CHORUS_BRIEF_TEXT:
	case CHORUS_BRIEF_MD:
		chorus__brief_summary_text(b, fmt == CHORUS_BRIEF_MD, &out);
		break;
	case CHORUS_BRIEF_JSON: {
		json_t *v = chorus__brief_summary_json(b);
		render_json(v, &out);
		json_decref(v);
		break;
	}
	case CHORUS_BRIEF_PLAIN:
		for (i = 0; i < b->n_summary; i++) {
			chorus__buf_adds(&out, b->summary[i].text);
			chorus__buf_addch(&out, '\n');
		}
		break;
	default:
		return CHORUS_EINVAL;
	}
	finish(&out, buf, len);
	return 0;
}

int chorus_brief_render(const struct chorus_brief *b, enum chorus_brief_format fmt, char **buf,
			size_t *len)
{
	struct chorus__buf out = { 0 };
	const struct chorus__brief_section *sec;

	switch (fmt) {
	case CHORUS_BRIEF_PLAIN:
		return chorus_brief_render_summary(b, fmt, buf, len);
	case CHORUS_BRIEF_TEXT:
	case CHORUS_BRIEF_MD: {
		int md = fmt == CHORUS_BRIEF_MD;
		add_heading(b, md, &out);
		for (sec = chorus__brief_sections; sec->key; sec++) {
			size_t before = out.len;
			if (sec != chorus__brief_sections && before)
				chorus__buf_addch(&out, '\n');
			sec->text(b, md, &out);
			if (out.len == before + (sec != chorus__brief_sections))
				chorus__buf_setlen(&out, before);
		}
		break;
	}
	case CHORUS_BRIEF_JSON: {
		json_t *o = json_object();
		json_object_set_new(o, "articles", articles_json(b));
		json_object_set_new(o, "independent", json_integer((json_int_t)b->n_independent));
		for (sec = chorus__brief_sections; sec->key; sec++) {
			json_t *v = sec->json(b);
			if (v)
				json_object_set_new(o, sec->key, v);
		}
		render_json(o, &out);
		json_decref(o);
		break;
	}
	default:
		return CHORUS_EINVAL;
	}
	finish(&out, buf, len);
	return 0;
}
