/*
 * extract/brief_sections.c: the extraction sections of a brief (see brief_sections.h):
 * entities by kind, quotes with speakers, numbers with conflicts, and the timeline.
 * Each names the outlets that carry what it shows. Shown at most: 8 entities of each
 * kind, 12 direct quotes (of three words or more) and then 6 reported statements of
 * speakers not quoted directly, 12 numbers (counts that say what they count, and every
 * conflict), 15 dated events.
 */
#include <math.h>
#include <stdio.h>

#include "brief/brief_impl.h"
#include "chorus/extract.h"
#include "extract/brief_sections.h"
#include "util/alloc.h"

struct facts {
	struct chorus_extraction **xs;
	size_t n;
	struct chorus_story_extraction *s;
};

void chorus__brief_facts_free(void *p)
{
	struct facts *f = p;
	size_t i;

	if (!f)
		return;
	chorus_story_extraction_free(f->s);
	for (i = 0; i < f->n; i++)
		chorus_extraction_free(f->xs[i]);
	free(f->xs);
	free(f);
}

static const struct facts *facts_of(const struct chorus_brief *b)
{
	struct chorus__brief_impl *impl = b->impl;
	struct facts *f;
	size_t i;

	if (impl->facts)
		return impl->facts;
	f = chorus_xcalloc(1, sizeof(*f));
	f->n = b->n_docs;
	f->xs = chorus_xcalloc(f->n + 1, sizeof(*f->xs));
	for (i = 0; i < f->n; i++)
		chorus_extract(impl->ctx, b->docs[i], NULL, &f->xs[i]);
	chorus_extract_story(impl->ctx, f->xs, f->n, &f->s);
	impl->facts = f;
	impl->facts_free = chorus__brief_facts_free;
	return f;
}

/* Appends the outlets of articles idx[0..n), each name once. */
static void add_outlets(const struct chorus_brief *b, const size_t *idx, size_t n, struct chorus__buf *out)
{
	size_t i, j, shown = 0;

	for (i = 0; i < n; i++) {
		const char *name = chorus_brief_outlet(b, idx[i]);
		int seen = 0;
		for (j = 0; j < i && !seen; j++)
			seen = !strcmp(name, chorus_brief_outlet(b, idx[j]));
		if (seen)
			continue;
		if (shown++)
			chorus__buf_adds(out, ", ");
		chorus__buf_adds(out, name);
	}
}

static json_t *outlets_json(const struct chorus_brief *b, const size_t *idx, size_t n)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "article", json_integer((json_int_t)idx[i]));
		json_object_set_new(o, "outlet", json_string(chorus_brief_outlet(b, idx[i])));
		json_array_append_new(arr, o);
	}
	return arr;
}

static void heading(int md, const char *title, struct chorus__buf *out)
{
	if (md)
		chorus__buf_addf(out, "## %s\n\n", title);
	else {
		const char *p;
		for (p = title; *p; p++)
			chorus__buf_addch(out, *p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		chorus__buf_adds(out, "\n\n");
	}
}

/* ---- Key people, places and organisations ---------------------------------------------- */

static const struct {
	uint32_t kind;
	const char *label;
} kinds[] = { { CHORUS_ENT_PERSON, "People" },
	      { CHORUS_ENT_PLACE, "Places" },
	      { CHORUS_ENT_ORG, "Organisations" } };

void chorus__brief_entities_text(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	const struct facts *f = facts_of(b);
	size_t k, i, shown_any = 0;

	for (k = 0; k < 3; k++) {
		size_t shown = 0;
		for (i = 0; i < f->s->n_entities && shown < 8; i++) {
			const struct chorus_story_entity *e = &f->s->entities[i];
			if (e->kind != kinds[k].kind)
				continue;
			if (!shown_any++)
				heading(md, "Key people, places and organisations", out);
			if (!shown++)
				chorus__buf_addf(out, md ? "- **%s:** " : "%s: ", kinds[k].label);
			else
				chorus__buf_adds(out, "; ");
			chorus__buf_adds(out, e->name);
			if (e->title)
				chorus__buf_addf(out, " (%s)", e->title);
			chorus__buf_addf(out, " [%u %s]", e->articles, e->articles == 1 ? "article" : "articles");
		}
		if (shown)
			chorus__buf_addch(out, '\n');
	}
}

json_t *chorus__brief_entities_json(const struct chorus_brief *b)
{
	const struct facts *f = facts_of(b);
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < f->s->n_entities; i++) {
		const struct chorus_story_entity *e = &f->s->entities[i];
		json_t *o;
		if (e->kind == CHORUS_ENT_OTHER || e->kind == CHORUS_ENT_OUTLET)
			continue;
		o = json_object();
		json_object_set_new(o, "name", json_string(e->name));
		json_object_set_new(o, "kind", json_string(chorus_entity_kind_name(e->kind)));
		json_object_set_new(o, "key", json_string(e->key));
		json_object_set_new(o, "title", e->title ? json_string(e->title) : json_null());
		json_object_set_new(o, "code", e->code && e->code[0] ? json_string(e->code) : json_null());
		json_object_set_new(o, "articles", json_integer(e->articles));
		json_object_set_new(o, "mentions", json_integer(e->mentions));
		json_array_append_new(arr, o);
	}
	if (!json_array_size(arr)) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* ---- Who said what ---------------------------------------------------------------------- */

static int quote_shown(const struct chorus_story_quote *q, int direct)
{
	const char *p;
	size_t words = 0;
	int in = 0;

	for (p = q->text; *p; p++) {
		if (*p == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
	}
	if (direct != ((q->q->flags & CHORUS_QUOTE_DIRECT) != 0))
		return 0;
	return words >= 3 && q->speaker;
}

void chorus__brief_quotes_text(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	const struct facts *f = facts_of(b);
	size_t i, shown = 0, reported = 0;

	for (i = 0; i < f->s->n_quotes && shown < 12; i++) {
		const struct chorus_story_quote *q = &f->s->quotes[i];
		if (!quote_shown(q, 1))
			continue;
		if (!shown++)
			heading(md, "Who said what", out);
		chorus__buf_addf(out, md ? "- **%s:** \"%s\" _(" : "- %s: \"%s\" (", q->speaker, q->text);
		add_outlets(b, q->carriers, q->outlets, out);
		chorus__buf_adds(out, md ? ")_\n" : ")\n");
	}
	/* then reported speech of speakers not quoted directly */
	for (i = 0; i < f->s->n_quotes && reported < 6; i++) {
		const struct chorus_story_quote *q = &f->s->quotes[i];
		size_t j;
		int quoted = 0;
		if (!quote_shown(q, 0))
			continue;
		for (j = 0; j < f->s->n_quotes && !quoted; j++)
			quoted = quote_shown(&f->s->quotes[j], 1) && !strcmp(f->s->quotes[j].speaker, q->speaker);
		if (quoted)
			continue;
		if (!shown++)
			heading(md, "Who said what", out);
		reported++;
		chorus__buf_addf(out, md ? "- **%s** (reported): %s _(" : "- %s (reported): %s (", q->speaker, q->text);
		add_outlets(b, q->carriers, q->outlets, out);
		chorus__buf_adds(out, md ? ")_\n" : ")\n");
	}
}

json_t *chorus__brief_quotes_json(const struct chorus_brief *b)
{
	const struct facts *f = facts_of(b);
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < f->s->n_quotes; i++) {
		const struct chorus_story_quote *q = &f->s->quotes[i];
		json_t *o;
		int direct = (q->q->flags & CHORUS_QUOTE_DIRECT) != 0;
		if (!quote_shown(q, direct))
			continue;
		o = json_object();
		json_object_set_new(o, "speaker", json_string(q->speaker));
		json_object_set_new(o, "text", json_string(q->text));
		json_object_set_new(o, "reported", json_boolean(!direct));
		json_object_set_new(o, "unnamed", json_boolean(q->q->flags & CHORUS_QUOTE_UNNAMED));
		json_object_set_new(o, "sources", outlets_json(b, q->carriers, q->outlets));
		json_array_append_new(arr, o);
	}
	if (!json_array_size(arr)) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* ---- Numbers ------------------------------------------------------------------------------ */

static int number_shown(const struct chorus_story_number *n)
{
	return n->conflict || n->value >= 10 || n->qualifier || (n->unit && n->value >= 1);
}

static void add_value(const struct chorus_story_number *n, struct chorus__buf *out)
{
	if (n->qualifier)
		chorus__buf_addf(out, "%s ", n->qualifier);
	if (n->value >= 1 && fabs(n->value - floor(n->value)) < 1e-9 && n->value < 1e15) {
		/* Western grouping: 190,000 */
		char digits[32];
		int len = snprintf(digits, sizeof(digits), "%.0f", n->value), i;
		for (i = 0; i < len; i++) {
			if (i && (len - i) % 3 == 0)
				chorus__buf_addch(out, ',');
			chorus__buf_addch(out, digits[i]);
		}
	} else if (fabs(n->value - 1.0 / 3) < 1e-6) {
		chorus__buf_adds(out, "a third of");
	} else if (fabs(n->value - 2.0 / 3) < 1e-6) {
		chorus__buf_adds(out, "two thirds of");
	} else if (fabs(n->value - 0.5) < 1e-6) {
		chorus__buf_adds(out, "half of");
	} else if (fabs(n->value - 0.25) < 1e-6) {
		chorus__buf_adds(out, "a quarter of");
	} else {
		chorus__buf_addf(out, "%.3g", n->value);
	}
	if (n->unit)
		chorus__buf_addf(out, n->unit[0] == '%' ? "%s" : " %s", n->unit);
	if (n->counts)
		chorus__buf_addf(out, " %s", n->counts);
}

void chorus__brief_numbers_text(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	const struct facts *f = facts_of(b);
	size_t i, shown = 0;

	for (i = 0; i < f->s->n_numbers && shown < 12; i++) {
		const struct chorus_story_number *n = &f->s->numbers[i];
		if (!number_shown(n))
			continue;
		if (!shown++)
			heading(md, "Numbers", out);
		chorus__buf_adds(out, "- ");
		add_value(n, out);
		chorus__buf_adds(out, md ? " _(" : " (");
		add_outlets(b, n->articles, n->n_articles, out);
		chorus__buf_adds(out, md ? ")_" : ")");
		if (n->conflict)
			chorus__buf_adds(out, md ? " **outlets disagree on this number**" : " [outlets disagree]");
		chorus__buf_addch(out, '\n');
	}
}

json_t *chorus__brief_numbers_json(const struct chorus_brief *b)
{
	const struct facts *f = facts_of(b);
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < f->s->n_numbers; i++) {
		const struct chorus_story_number *n = &f->s->numbers[i];
		json_t *o;
		if (!number_shown(n))
			continue;
		o = json_object();
		json_object_set_new(o, "value", json_real(n->value));
		json_object_set_new(o, "unit", n->unit ? json_string(n->unit) : json_null());
		json_object_set_new(o, "counts", n->counts ? json_string(n->counts) : json_null());
		json_object_set_new(o, "qualifier", n->qualifier ? json_string(n->qualifier) : json_null());
		json_object_set_new(o, "sentence", json_string(n->sentence));
		json_object_set_new(o, "conflict", json_boolean(n->conflict));
		json_object_set_new(o, "sources", outlets_json(b, n->articles, n->n_articles));
		json_array_append_new(arr, o);
	}
	if (!json_array_size(arr)) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* ---- Timeline ------------------------------------------------------------------------------ */

void chorus__brief_timeline_text(const struct chorus_brief *b, int md, struct chorus__buf *out)
{
	const struct facts *f = facts_of(b);
	size_t i, shown = 0;

	for (i = 0; i < f->s->n_events && shown < 15; i++) {
		const struct chorus_story_event *e = &f->s->events[i];
		if (!shown++)
			heading(md, "Timeline", out);
		chorus__buf_addf(out, md ? "- **%s**%s: %s _(" : "- %s%s: %s (", e->date,
				 e->inferred ? " (inferred)" : "", e->sentence);
		add_outlets(b, e->articles, e->n_articles, out);
		chorus__buf_adds(out, md ? ")_\n" : ")\n");
	}
}

json_t *chorus__brief_timeline_json(const struct chorus_brief *b)
{
	const struct facts *f = facts_of(b);
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < f->s->n_events; i++) {
		const struct chorus_story_event *e = &f->s->events[i];
		json_t *o = json_object();
		json_object_set_new(o, "date", json_string(e->date));
		json_object_set_new(o, "inferred", json_boolean(e->inferred));
		json_object_set_new(o, "sentence", json_string(e->sentence));
		json_object_set_new(o, "sources", outlets_json(b, e->articles, e->n_articles));
		json_array_append_new(arr, o);
	}
	if (!json_array_size(arr)) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}
