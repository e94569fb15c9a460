/*
 * extract/brief_sections.h: the brief's sections that come from extraction: key
 * people, places and organisations; who said what; numbers (with the conflicts
 * between outlets); timeline. The brief's renderer (brief/render.c) lists them in its
 * section table; the extractions of a brief's documents are made on first use and
 * kept with the brief until chorus_brief_free().
 */
#ifndef CHORUS_EXTRACT_BRIEF_SECTIONS_H
#define CHORUS_EXTRACT_BRIEF_SECTIONS_H

#include <jansson.h>

#include "chorus/brief.h"
#include "util/buf.h"

void chorus__brief_entities_text(const struct chorus_brief *b, int md, struct chorus__buf *out);
json_t *chorus__brief_entities_json(const struct chorus_brief *b);
void chorus__brief_quotes_text(const struct chorus_brief *b, int md, struct chorus__buf *out);
json_t *chorus__brief_quotes_json(const struct chorus_brief *b);
void chorus__brief_numbers_text(const struct chorus_brief *b, int md, struct chorus__buf *out);
json_t *chorus__brief_numbers_json(const struct chorus_brief *b);
void chorus__brief_timeline_text(const struct chorus_brief *b, int md, struct chorus__buf *out);
json_t *chorus__brief_timeline_json(const struct chorus_brief *b);

/* Frees what the sections kept with a brief (its facts pointer); NULL does nothing. */
void chorus__brief_facts_free(void *facts);

#endif
