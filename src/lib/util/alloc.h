/*
 * util/alloc.h: allocation that cannot fail (out of memory prints one line and aborts,
 * as git's xmalloc), and the growth rule for dynamic arrays. Every library file
 * includes this header; it also pulls in banned.h.
 */
#ifndef CHORUS_UTIL_ALLOC_H
#define CHORUS_UTIL_ALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *chorus_xmalloc(size_t size);
void *chorus_xcalloc(size_t n, size_t size);
void *chorus_xrealloc(void *ptr, size_t size);
/* Copies of a NUL-terminated string, and of n bytes plus a NUL; NULL in, NULL out. */
char *chorus_xstrdup(const char *s);
char *chorus_xstrndup(const char *s, size_t n);
/* n * size, aborting on overflow. */
size_t chorus_xmul(size_t n, size_t size);

/* Makes room for at least `need` elements in array `p` of capacity `cap` (grows by half). */
#define CHORUS_GROW(p, need, cap)                                                       \
	do {                                                                            \
		if ((size_t)(need) > (cap)) {                                           \
			size_t grow_to_ = (cap) + (cap) / 2 + 16;                       \
			if (grow_to_ < (size_t)(need))                                  \
				grow_to_ = (size_t)(need);                              \
			(p) = chorus_xrealloc((p), chorus_xmul(grow_to_, sizeof(*(p)))); \
			(cap) = grow_to_;                                               \
		}                                                                       \
	} while (0)

#include "util/banned.h"

#endif
