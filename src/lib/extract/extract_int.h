/*
 * extract/extract_int.h: what the extraction modules share: the per-article work
 * state, token helpers and the word tables. Private to src/lib/extract.
 */
#ifndef CHORUS_EXTRACT_INT_H
#define CHORUS_EXTRACT_INT_H

#include "chorus/extract.h"
#include "util/alloc.h"
#include "util/arena.h"

/* A place or other name in the gazetteer. */
struct chorus__place {
	const char *name; /* canonical display name ("Russia", "Luhansk") */
	const char *code; /* ISO 3166 code */
	int demonym;      /* 1: the looked-up word was a demonym ("Russian") */
};

/* The per-article work: the extraction being filled and where its memory comes from. */
struct xwork {
	struct chorus_ctx *ctx;
	const struct chorus_doc *doc;
	const struct chorus_gazetteer *gaz;
	const struct chorus_extract_options *opt;
	struct chorus_extraction *x;
	struct chorus__arena *arena;
	size_t cap_ent, cap_men, cap_quo, cap_cit, cap_num, cap_tim;
	uint8_t *lower_seen; /* per token: 1 when its lowercased form also occurs uncapitalized */
	uint8_t *cap_mid;    /* per token: 1 when it also occurs capitalised inside a sentence */
	uint8_t *inq;        /* per token: 1 inside quotation marks (set by quotes.c) */
	uint64_t *cls;       /* per token: bit k set when the word is in registered list k */
};

/* Private part of struct chorus_extraction (x->impl). */
struct ximpl {
	struct chorus__arena *arena;
};

/* Token helpers. */
static inline const char *tok_s(const struct xwork *w, size_t i)
{
	return w->doc->text + w->doc->tokens[i].start;
}
static inline size_t tok_n(const struct xwork *w, size_t i)
{
	return (size_t)(w->doc->tokens[i].end - w->doc->tokens[i].start);
}
static inline uint32_t tok_f(const struct xwork *w, size_t i)
{
	return w->doc->tokens[i].flags;
}
/* The token equals the lowercase ASCII word s, ignoring case. */
int chorus__tok_is(const struct xwork *w, size_t i, const char *s);
/* The token is one of the words of a NULL-terminated list (ignoring case). */
int chorus__tok_in(const struct xwork *w, size_t i, const char *const *list);
/* The token is a punctuation token with exactly the text s. */
int chorus__tok_punct(const struct xwork *w, size_t i, const char *s);
/* The sentence index of token i. */
uint32_t chorus__tok_sent(const struct xwork *w, size_t i);
/* Compares n bytes at s with the lowercase word t, ignoring ASCII case. */
int chorus__word_eq(const char *s, size_t n, const char *t);

/* Word lists (NULL-terminated). Each list a stage tests with chorus__tok_in() is
 * registered once per process, so that a token's membership in every list is one
 * table lookup per article rather than string comparisons per test. */
void chorus__words_register(const char *const *list);
void chorus__entities_words(void);
void chorus__quotes_words(void);
void chorus__numbers_words(void);
void chorus__timex_words(void);

extern const char *const chorus__cue_verbs[];   /* said, says, told, added, warned, ... */
extern const char *const chorus__title_words[]; /* president, minister, secretary-general, ... */
extern const char *const chorus__org_words[];   /* ministry, council, union, ... */
extern const char *const chorus__source_nouns[]; /* official, source, spokesman, ... */

/* The outlet whose name is the n bytes at s ("Reuters", "the BBC"), or NULL. */
const char *chorus__outlet_find(const char *s, size_t n);
/* Acronym table: the expansion of an acronym ("DNR" -> "Donetsk People's Republic"). */
const char *chorus__acronym_expand(const char *s, size_t n, uint32_t *kind);
/* Looks up a name or demonym; 1 and *out when found. */
int chorus__place_find(const struct chorus_gazetteer *g, const char *s, size_t n,
		       struct chorus__place *out);

/* Appending to the extraction's arrays (they grow with CHORUS_GROW). */
struct chorus_entity *chorus__add_entity(struct xwork *w);
struct chorus_mention *chorus__add_mention(struct xwork *w);
struct chorus_quote *chorus__add_quote(struct xwork *w);
struct chorus_citation *chorus__add_citation(struct xwork *w);
struct chorus_number *chorus__add_number(struct xwork *w);
struct chorus_timex *chorus__add_timex(struct xwork *w);

/* The stages, in the order chorus_extract runs them. */
void chorus__extract_entities(struct xwork *w);
void chorus__extract_quotes(struct xwork *w);
void chorus__extract_numbers(struct xwork *w);
void chorus__extract_timexes(struct xwork *w);

/* Days since 1970-01-01 of a civil date, and back; weekday 1 (Monday) .. 7. */
int64_t chorus__days_from_civil(int64_t y, int m, int d);
void chorus__civil_from_days(int64_t z, int32_t *y, int8_t *m, int8_t *d);
int chorus__weekday(int64_t days);
/* Resolves every timex of x against the anchor day (days since epoch, or INT64_MIN for
 * unknown) and a default year for yearless dates (0 for unknown). */
void chorus__timex_resolve(struct chorus_extraction *x, int64_t anchor_day, int32_t year,
			   int inferred);

#endif
