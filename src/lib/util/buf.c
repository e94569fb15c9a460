/*
 * util/buf.c: the growable string behind every formatter and reader.
 */
#include <stdio.h>

#include "util/alloc.h"
#include "util/buf.h"

void chorus__buf_release(struct chorus__buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

char *chorus__buf_detach(struct chorus__buf *b, size_t *len)
{
	char *s;

	chorus__buf_grow(b, 0);
	s = b->ptr;
	if (len)
		*len = b->len;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return s;
}

void chorus__buf_reset(struct chorus__buf *b)
{
	chorus__buf_setlen(b, 0);
}

void chorus__buf_grow(struct chorus__buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need < b->len)
		chorus_xmul(SIZE_MAX, 2); /* overflow: aborts */
	if (need > b->cap) {
		size_t cap = b->cap + b->cap / 2 + 64;
		if (cap < need)
			cap = need;
		b->ptr = chorus_xrealloc(b->ptr, cap);
		b->cap = cap;
		b->ptr[b->len] = '\0';
	}
}

void chorus__buf_add(struct chorus__buf *b, const void *data, size_t n)
{
	chorus__buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void chorus__buf_adds(struct chorus__buf *b, const char *s)
{
	chorus__buf_add(b, s, strlen(s));
}

void chorus__buf_addch(struct chorus__buf *b, int c)
{
	chorus__buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void chorus__buf_vaddf(struct chorus__buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	chorus__buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		chorus__buf_grow(b, (size_t)n);
		va_copy(cp, ap);
		vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, cp);
		va_end(cp);
	}
	b->len += (size_t)n;
}

void chorus__buf_addf(struct chorus__buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chorus__buf_vaddf(b, fmt, ap);
	va_end(ap);
}

const char *chorus__buf_str(const struct chorus__buf *b)
{
	return b->ptr ? b->ptr : "";
}

void chorus__buf_setlen(struct chorus__buf *b, size_t len)
{
	if (!b->ptr || len > b->len)
		return;
	b->len = len;
	b->ptr[len] = '\0';
}
