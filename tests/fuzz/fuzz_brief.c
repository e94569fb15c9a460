/*
 * tests/fuzz/fuzz_brief.c: libFuzzer target for the brief. The input's first byte sets
 * the word budget (an odd one with CHORUS_BRIEF_FILL), the second the syndicated-copy links; the rest is cut at form feeds
 * into up to 10 articles (repaired to UTF-8 as readers do), which are analysed and made
 * into a brief, rendered in every format. Checked: the budget holds, only the last
 * sentence may be cut, every sentence and source points inside its document, the JSON
 * parses.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "chorus/chorus.h"

#define MAX_DOCS 10

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct chorus_brief *b, const struct chorus_doc *const *docs, size_t n)
{
	size_t i, j, words = 0;

	for (i = 0; i < b->n_summary; i++) {
		const struct chorus_brief_sentence *s = &b->summary[i];
		if (s->doc >= n || s->sent >= docs[s->doc]->n_sents || !s->n_sources ||
		    s->support > s->n_sources || (s->cut && i + 1 != b->n_summary))
			abort();
		for (j = 0; j < s->n_sources; j++)
			if (s->sources[j].doc >= n || s->sources[j].sent >= docs[s->sources[j].doc]->n_sents)
				abort();
		words += s->words;
	}
	if (words != b->summary_words || words > b->budget)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_ctx *ctx;
	struct chorus_article a[MAX_DOCS];
	struct chorus_doc *docs[MAX_DOCS];
	struct chorus_brief_options opt = { 0, NULL, 0 };
	struct chorus_brief *b = NULL;
	size_t dup_of[MAX_DOCS], n_art = 0, n = 0, i, start;
	unsigned links;

	if (size < 2)
		return 0;
	ctx = chorus_ctx_new();
	opt.words = data[0];
	opt.flags = (data[0] & 1) ? CHORUS_BRIEF_FILL : 0;
	links = data[1];
	data += 2;
	size -= 2;
	for (start = 0, i = 0; i <= size && n_art < MAX_DOCS; i++) {
		char *text;
		size_t len;

		if (i < size && data[i] != '\f')
			continue;
		if (chorus_text_repair(ctx, (const char *)data + start, i - start, &text, &len, NULL) == 0) {
			char id[16];
			snprintf(id, sizeof(id), "a%zu", n_art);
			chorus_article_init(&a[n_art]);
			a[n_art].id = strdup(id);
			a[n_art].source = (n_art & 1) ? strdup("Outlet") : NULL;
			a[n_art].text = text;
			a[n_art].text_len = len;
			n_art++;
		}
		start = i + 1;
	}
	for (i = 0; i < n_art; i++)
		if (chorus_doc_analyze(ctx, &a[i], NULL, &docs[n]) == 0)
			n++;
	for (i = 0; i < n; i++) /* two bits per document: original, or a copy of 0..2 */
		dup_of[i] = ((links >> (2 * (i % 4))) & 3) ? ((links >> (2 * (i % 4))) & 3) - 1
							   : CHORUS_BRIEF_ORIGINAL;
	opt.dup_of = dup_of;
	if (n && chorus_brief_build(ctx, (const struct chorus_doc *const *)docs, n, &opt, &b) == 0) {
		enum chorus_brief_format f;
		check(b, (const struct chorus_doc *const *)docs, n);
		for (f = CHORUS_BRIEF_TEXT; f <= CHORUS_BRIEF_PLAIN; f++) {
			char *out = NULL;
			size_t len = 0;
			if (chorus_brief_render(b, f, &out, &len) || !out || strlen(out) != len)
				abort();
			if (f == CHORUS_BRIEF_JSON) {
				json_error_t err;
				json_t *v = json_loads(out, 0, &err);
				if (!v)
					abort();
				json_decref(v);
			}
			free(out);
		}
		chorus_brief_free(b);
	}
	for (i = 0; i < n; i++)
		chorus_doc_free(docs[i]);
	for (i = 0; i < n_art; i++)
		chorus_article_release(&a[i]);
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
