/*
 * tests/unit/support/textutil.h: helpers for the text stage's tests: analyse a body,
 * and print a document's sentences and tokens as one string to compare.
 */
#ifndef CHORUS_TEXTUTIL_H
#define CHORUS_TEXTUTIL_H

#include "chorus/chorus.h"

/* Analyses body (and title, may be NULL) as an article with id "t"; fails the test
 * when analysis fails. The article is static: one document at a time. */
struct chorus_doc *textutil_analyze(struct chorus_ctx *ctx, const char *title, const char *body);

/* The sentences of doc, each followed by '\n', in a static buffer. */
const char *textutil_sentences(const struct chorus_doc *doc);

/* The tokens of sentence i as "text/norm/stem" separated by ' ' when with_stem, else
 * their text joined by '|', in a static buffer. */
const char *textutil_tokens(struct chorus_ctx *ctx, const struct chorus_doc *doc, size_t i,
			    int with_stem);

/* The norms of the tokens of sentence i joined by ' ', in a static buffer. */
const char *textutil_norms(struct chorus_ctx *ctx, const struct chorus_doc *doc, size_t i);

#endif
