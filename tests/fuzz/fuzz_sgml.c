/*
 * tests/fuzz/fuzz_sgml.c: libFuzzer target for the TREC/DUC SGML reader. Each input
 * goes to the memory parser directly (every DOC it hands out is checked against the
 * article contract: id set, text NUL-terminated at text_len) and through the readers,
 * sniffed and forced as "sgml" with a small size limit.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_doc(void *arg, struct chorus_article *a, size_t line)
{
	size_t *n = arg;

	if (!a->id || !a->text || a->text[a->text_len] != '\0' || line == 0)
		abort();
	(*n)++;
	chorus_article_release(a);
	return 0;
}

static void on_problem(void *arg, size_t line, const char *why)
{
	(void)arg;
	if (line == 0 || !why || !*why)
		abort();
}

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
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_read_options opt;
	size_t n = 0;
	int i;

	if (chorus__sgml_parse((const char *)data, size, "input", on_doc, on_problem, &n) != 0)
		abort();
	for (i = 0; i < 2; i++) {
		memset(&opt, 0, sizeof(opt));
		opt.format = i ? "sgml" : NULL;
		opt.max_article_bytes = i ? 512 : 0;
		if (chorus_read_buffer(ctx, "input", (const char *)data, size, &opt, on_article,
				       on_diag, &n) != 0)
			abort();
	}
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
