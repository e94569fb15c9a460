/*
 * tests/fuzz/fuzz_html.c: libFuzzer target for the HTML page reader. Each input is
 * read as a page three ways: as it is, with a declared charset of Windows-1252, and
 * with a small text limit; and as a feed item's HTML fragment. Every record must keep
 * the article contract, with valid UTF-8 in every field.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"
#include "fuzz_web.h"
#include "web/web_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;
	char *frag;

	chorus_article_init(&a);
	if (!chorus_web_html_read(ctx, (const char *)data, size, "https://example.com/", NULL, 0, &a))
		fuzz_web_check(&a);
	chorus_article_release(&a);
	if (!chorus_web_html_read(ctx, (const char *)data, size, NULL, "windows-1252", 0, &a))
		fuzz_web_check(&a);
	chorus_article_release(&a);
	if (!chorus_web_html_read(ctx, (const char *)data, size, NULL, NULL, 64, &a)) {
		fuzz_web_check(&a);
		if (a.text_len > 64)
			abort();
	}
	chorus_article_release(&a);
	frag = chorus__web_fragment_text((const char *)data, size);
	fuzz_web_utf8(frag);
	free(frag);
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
