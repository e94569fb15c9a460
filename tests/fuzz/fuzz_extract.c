/*
 * tests/fuzz/fuzz_extract.c: libFuzzer target for extraction. Each input becomes an
 * article (repaired to UTF-8 as readers do), is analysed and extracted, once without
 * and once with a publication date; then the two extractions form a story. Every span
 * handed out is checked to lie inside the clean text, and every date value to be
 * NUL-terminated within its field.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"
#include "chorus/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(const struct chorus_doc *d, uint32_t b, uint32_t e)
{
	if (b > e || e > d->text_len)
		abort();
}

static void check(const struct chorus_extraction *x)
{
	const struct chorus_doc *d = x->doc;
	size_t i;

	for (i = 0; i < x->n_mentions; i++) {
		check_span(d, x->mentions[i].start, x->mentions[i].end);
		if (x->mentions[i].entity >= x->n_entities)
			abort();
	}
	for (i = 0; i < x->n_quotes; i++) {
		const struct chorus_quote *q = &x->quotes[i];
		check_span(d, q->start, q->end);
		check_span(d, q->cue_start, q->cue_end);
		check_span(d, q->src_start, q->src_end);
		if (q->speaker >= (int32_t)x->n_entities)
			abort();
	}
	for (i = 0; i < x->n_numbers; i++)
		check_span(d, x->numbers[i].start, x->numbers[i].end);
	for (i = 0; i < x->n_citations; i++)
		check_span(d, x->citations[i].start, x->citations[i].end);
	for (i = 0; i < x->n_timexes; i++) {
		check_span(d, x->timexes[i].start, x->timexes[i].end);
		if (!memchr(x->timexes[i].value, '\0', sizeof(x->timexes[i].value)))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a[2];
	struct chorus_doc *doc[2] = { NULL, NULL };
	struct chorus_extraction *x[2] = { NULL, NULL };
	struct chorus_story_extraction *s = NULL;
	size_t i, n = 0;
	char *text;
	size_t len;

	if (chorus_text_repair(ctx, (const char *)data, size, &text, &len, NULL) == 0) {
		for (i = 0; i < 2; i++) {
			chorus_article_init(&a[i]);
			a[i].id = strdup("fuzz");
			a[i].text = i ? strdup(text) : text;
			a[i].text_len = len;
			if (i)
				a[i].published = 1645488000; /* 2022-02-22 */
			if (chorus_doc_analyze(ctx, &a[i], NULL, &doc[i]) == 0) {
				chorus_extract(ctx, doc[i], NULL, &x[n]);
				check(x[n]);
				n++;
			}
		}
		if (n) {
			chorus_extract_story(ctx, x, n, &s);
			chorus_story_extraction_free(s);
		}
		for (i = 0; i < 2; i++) {
			chorus_extraction_free(x[i]);
			chorus_doc_free(doc[i]);
			chorus_article_release(&a[i]);
		}
	}
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
