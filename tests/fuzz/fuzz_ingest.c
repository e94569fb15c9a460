/*
 * tests/fuzz/fuzz_ingest.c: libFuzzer target for the readers. Each input is read from
 * memory three times: sniffed, forced as JSONL, forced as plain text (once with a
 * small size limit so the limits are crossed often); and, as a string, given to the
 * date parser. Every article handed out is checked against the record's contract
 * (id and text set, text NUL-terminated at text_len).
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_article(void *arg, struct chorus_article *a)
{
	size_t *n = arg;

	if (!a->id || !a->text || a->text[a->text_len] != '\0' || strlen(a->text) != a->text_len)
		abort();
	(*n)++;
	return 0;
}

static void on_diag(void *arg, const char *where, const char *why)
{
	(void)arg;
	if (!where || !why || !*why)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { NULL, "jsonl", "text" };
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_read_options opt;
	size_t i, n = 0;
	char *s;
	chorus_time t;

	for (i = 0; i < 3; i++) {
		memset(&opt, 0, sizeof(opt));
		opt.format = formats[i];
		opt.max_article_bytes = i == 2 ? 4096 : 0;
		if (chorus_read_buffer(ctx, i == 0 ? "input.jsonl" : "input", (const char *)data,
				       size, &opt, on_article, on_diag, &n) != 0)
			abort();
	}
	s = malloc(size + 1);
	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
		(void)chorus_parse_date(s, &t);
		free(s);
	}
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
