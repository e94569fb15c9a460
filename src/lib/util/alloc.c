/*
 * util/alloc.c: the one place where running out of memory is handled: it ends the
 * process with a message, so that no caller carries an out-of-memory path.
 */
#include <stdio.h>

#include "util/alloc.h"

static void die_oom(size_t size)
{
	fprintf(stderr, "chorus: out of memory (allocating %zu bytes)\n", size);
	abort();
}

void *chorus_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

void *chorus_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(chorus_xmul(n, size));
	return p;
}

void *chorus_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		die_oom(size);
	return p;
}

char *chorus_xstrdup(const char *s)
{
	return s ? chorus_xstrndup(s, strlen(s)) : NULL;
}

char *chorus_xstrndup(const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = chorus_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t chorus_xmul(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		fprintf(stderr, "chorus: allocation size overflow (%zu x %zu)\n", n, size);
		abort();
	}
	return n * size;
}
