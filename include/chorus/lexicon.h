/*
 * chorus/lexicon.h: terms interned to integer ids.
 *
 * Every string the pipeline counts or compares (lowercased words, stems, entity
 * names) is interned once; later stages work on uint32_t ids. Ids start at 1 and are
 * dense; 0 means "no term". The lexicon of a context is reached with
 * chorus_ctx_lexicon(). Ids are stable for the life of the lexicon.
 */
#ifndef CHORUS_LEXICON_H
#define CHORUS_LEXICON_H

#include "chorus/common.h"

#ifdef __cplusplus
extern "C" {
#endif

struct chorus_lexicon;

struct chorus_lexicon *chorus_lexicon_new(void);
void chorus_lexicon_free(struct chorus_lexicon *lex);

/* The id of the n bytes at s, interning them if new. s need not be NUL-terminated
 * and may hold any bytes. Never fails (out of memory aborts). */
uint32_t chorus_lexicon_intern(struct chorus_lexicon *lex, const char *s, size_t n);

/* The id of s if it is interned, else 0. */
uint32_t chorus_lexicon_find(const struct chorus_lexicon *lex, const char *s, size_t n);

/* The string of id, NUL-terminated, owned by the lexicon; its length in *len if len is
 * not NULL. NULL for 0 or an unknown id. */
const char *chorus_lexicon_str(const struct chorus_lexicon *lex, uint32_t id, size_t *len);

/* The number of terms interned; the largest id. */
uint32_t chorus_lexicon_size(const struct chorus_lexicon *lex);

/* The lexicon owned by ctx. */
struct chorus_lexicon *chorus_ctx_lexicon(struct chorus_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
