/*
 * util/arena.h: a bump allocator for work that is freed all at once (one article's
 * analysis, one brief). Allocations are 16-byte aligned; there is no per-object free.
 */
#ifndef CHORUS_UTIL_ARENA_H
#define CHORUS_UTIL_ARENA_H

#include <stddef.h>

struct chorus__arena;

/* A new arena whose blocks are at least block_size bytes (0: 64 KiB). */
struct chorus__arena *chorus__arena_new(size_t block_size);
/* Frees every allocation and the arena itself. NULL does nothing. */
void chorus__arena_free(struct chorus__arena *a);
/* Frees every allocation but keeps the first block for reuse. */
void chorus__arena_reset(struct chorus__arena *a);

void *chorus__arena_alloc(struct chorus__arena *a, size_t size);
void *chorus__arena_calloc(struct chorus__arena *a, size_t n, size_t size);
/* n bytes of s plus a NUL. */
char *chorus__arena_strndup(struct chorus__arena *a, const char *s, size_t n);
char *chorus__arena_strdup(struct chorus__arena *a, const char *s);
/* Bytes handed out so far (for benchmarks and limits). */
size_t chorus__arena_used(const struct chorus__arena *a);

#endif
