/*
 * tests/fuzz/fuzz_feed.c: libFuzzer target for the RSS/Atom reader. Each input is
 * read as a feed, and as any web input (so that sniffing and decompression run too).
 * Every item must keep the article contract, with valid UTF-8 in every field.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"
#include "fuzz_web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	size_t n = 0;

	(void)chorus_web_feed_read(ctx, (const char *)data, size, "feed.xml", 0, fuzz_web_article,
				   fuzz_web_diag, &n);
	(void)chorus_web_read_any(ctx, (const char *)data, size, "input", 4096, 1 << 20,
				  fuzz_web_article, fuzz_web_diag, &n);
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
