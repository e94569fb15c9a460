/*
 * tests/fuzz/fuzz_web.h: what the web fuzz targets share: the article contract check
 * (every string valid UTF-8, text NUL-terminated at text_len) and the diagnostics check.
 */
#ifndef CHORUS_FUZZ_WEB_H
#define CHORUS_FUZZ_WEB_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_web_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return;
	while (*p) {
		size_t k = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 :
			   (*p & 0xF8) == 0xF0 ? 4 : 0;

		if (!k || (k == 2 && *p < 0xC2) || (k == 4 && *p > 0xF4))
			abort();
		for (size_t i = 1; i < k; i++)
			if ((p[i] & 0xC0) != 0x80)
				abort();
		p += k;
	}
}

static inline void fuzz_web_check(const struct chorus_article *a)
{
	if (!a->text || a->text[a->text_len] != '\0' || strlen(a->text) != a->text_len)
		abort();
	fuzz_web_utf8(a->text);
	fuzz_web_utf8(a->title);
	fuzz_web_utf8(a->author);
	fuzz_web_utf8(a->source);
	fuzz_web_utf8(a->url);
	fuzz_web_utf8(a->lang);
	fuzz_web_utf8(a->id);
}

static inline int fuzz_web_article(void *arg, struct chorus_article *a)
{
	size_t *n = arg;

	if (!a->id)
		abort();
	fuzz_web_check(a);
	(*n)++;
	return 0;
}

static inline void fuzz_web_diag(void *arg, const char *where, const char *why)
{
	(void)arg;
	if (!where || !why || !*why)
		abort();
}

#endif
