/*
 * text/api.c: the lower-level entry points of the text stage (chorus/text.h):
 * normalization, sentence splitting, stemming and the stopword test on plain strings.
 */
#include <libstemmer.h>

#include "core/ctx.h"
#include "text/text_int.h"
#include "util/alloc.h"

char *chorus_text_normalize(const char *s, size_t n, size_t *out_len)
{
	struct chorus__buf b = { 0 };

	chorus__text_normalize(s ? s : "", s ? n : 0, &b);
	return chorus__buf_detach(&b, out_len);
}

size_t chorus_text_sentences(const char *s, size_t n, struct chorus_text_span **out)
{
	struct chorus__spans sp = { 0 };
	size_t i;

	*out = NULL;
	if (!s || !n || n >= UINT32_MAX)
		return 0;
	chorus__text_sentences(s, n, &sp);
	if (!sp.n) {
		free(sp.v);
		return 0;
	}
	*out = chorus_xmalloc(chorus_xmul(sp.n, sizeof(**out)));
	for (i = 0; i < sp.n; i++) {
		(*out)[i].start = sp.v[i].start;
		(*out)[i].end = sp.v[i].end;
	}
	free(sp.v);
	return sp.n;
}

uint32_t chorus_text_stem(struct chorus_ctx *ctx, const char *w, size_t n)
{
	struct chorus_token *toks = NULL;
	size_t nt = 0, cap = 0;
	uint32_t stem = 0;

	if (!ctx || !w || !n)
		return 0;
	/* the tokenizer decides norm and stem exactly as for a document */
	chorus__text_tokenize(ctx, w, 0, n, &toks, &nt, &cap);
	if (nt)
		stem = toks[0].stem;
	free(toks);
	return stem;
}

int chorus_text_is_stopword(const char *w, size_t n)
{
	return w && chorus__text_is_stopword(w, n);
}
