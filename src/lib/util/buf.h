/*
 * util/buf.h: a growable byte string that is always NUL-terminated (git's strbuf).
 * A zeroed struct is an empty buffer: `struct chorus__buf b = {0};`.
 */
#ifndef CHORUS_UTIL_BUF_H
#define CHORUS_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct chorus__buf {
	char *ptr;  /* NULL while nothing was added; else NUL-terminated */
	size_t len; /* bytes before the NUL */
	size_t cap;
};

void chorus__buf_release(struct chorus__buf *b);
/* Returns the string (never NULL; the caller frees it) and empties b. */
char *chorus__buf_detach(struct chorus__buf *b, size_t *len);
void chorus__buf_reset(struct chorus__buf *b);
void chorus__buf_grow(struct chorus__buf *b, size_t extra);
void chorus__buf_add(struct chorus__buf *b, const void *data, size_t n);
void chorus__buf_adds(struct chorus__buf *b, const char *s);
void chorus__buf_addch(struct chorus__buf *b, int c);
void chorus__buf_addf(struct chorus__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void chorus__buf_vaddf(struct chorus__buf *b, const char *fmt, va_list ap);
/* The contents as a string ("" when empty). */
const char *chorus__buf_str(const struct chorus__buf *b);
/* Drops bytes from len on. */
void chorus__buf_setlen(struct chorus__buf *b, size_t len);

#endif
