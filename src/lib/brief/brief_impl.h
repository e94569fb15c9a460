/*
 * brief/brief_impl.h: what the brief's modules share: the private part of a built
 * brief, and the table of sections the renderer walks.
 */
#ifndef CHORUS_BRIEF_IMPL_H
#define CHORUS_BRIEF_IMPL_H

#include <jansson.h>

#include "chorus/brief.h"
#include "util/arena.h"
#include "util/buf.h"

struct chorus__brief_impl {
	struct chorus__arena *arena; /* everything the brief points to */
	struct chorus_ctx *ctx;      /* borrowed: the context that built the brief */
	const size_t *group;         /* group[i]: the original document i is a copy of, or i */
	void *facts;                 /* extraction sections' data, made on first use (extract/) */
	void (*facts_free)(void *);  /* frees facts */
};

/*
 * A section of the brief. Each section renders itself as text (md: 0) or Markdown
 * (md: 1) by appending to out, and as a JSON value stored under its key in the brief's
 * object (NULL: the section has nothing to say, and its key is left out). A section
 * with nothing to say appends nothing to out either.
 */
struct chorus__brief_section {
	const char *key; /* the JSON key, also the section's name ("summary") */
	void (*text)(const struct chorus_brief *b, int md, struct chorus__buf *out);
	json_t *(*json)(const struct chorus_brief *b);
};

/* The sections in the order they are rendered; ends with a zeroed entry. */
extern const struct chorus__brief_section chorus__brief_sections[];

/* The summary section (render.c). */
void chorus__brief_summary_text(const struct chorus_brief *b, int md, struct chorus__buf *out);
json_t *chorus__brief_summary_json(const struct chorus_brief *b);

#endif
