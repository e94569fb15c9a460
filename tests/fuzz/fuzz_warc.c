/*
 * tests/fuzz/fuzz_warc.c: libFuzzer target for the WARC reader. Each input is read
 * as an archive and, through chorus_web_read_any(), as possibly compressed web input
 * with a 1 MiB inflate cap, and through the readers (chorus_read_buffer), where a
 * gzipped archive is streamed record by record. Every record must keep the article
 * contract.
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

	(void)chorus_web_warc_read(ctx, (const char *)data, size, "crawl.warc", 0, fuzz_web_article,
				   fuzz_web_diag, &n);
	(void)chorus_web_read_any(ctx, (const char *)data, size, "input", 4096, 1 << 20,
				  fuzz_web_article, fuzz_web_diag, &n);
	/* through the readers: a gzipped archive is read as a stream there */
	if (chorus_read_buffer(ctx, "crawl.warc.gz", (const char *)data, size, NULL,
			       fuzz_web_article, fuzz_web_diag, &n) < 0)
		abort();
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
