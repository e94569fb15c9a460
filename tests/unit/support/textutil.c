/*
 * tests/unit/support/textutil.c: see textutil.h.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "textutil.h"

static struct chorus_article art;
static char out[1 << 16];

struct chorus_doc *textutil_analyze(struct chorus_ctx *ctx, const char *title, const char *body)
{
	struct chorus_doc *doc = NULL;
	int ret;

	chorus_article_init(&art);
	art.id = (char *)"t";
	art.title = (char *)title;
	art.text = (char *)body;
	art.text_len = strlen(body);
	ret = chorus_doc_analyze(ctx, &art, NULL, &doc);
	if (ret)
		fprintf(stderr, "analyze: %s\n", chorus_errmsg(ctx));
	assert_int_equal(ret, 0);
	return doc;
}

static void add(size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 >= sizeof(out))
		n = sizeof(out) - *len - 1;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

const char *textutil_sentences(const struct chorus_doc *doc)
{
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < doc->n_sents; i++) {
		add(&len, doc->text + doc->sents[i].start, doc->sents[i].end - doc->sents[i].start);
		add(&len, "\n", 1);
	}
	return out;
}

const char *textutil_tokens(struct chorus_ctx *ctx, const struct chorus_doc *doc, size_t i,
			    int with_stem)
{
	const struct chorus_sentence *s = &doc->sents[i];
	struct chorus_lexicon *lex = chorus_ctx_lexicon(ctx);
	size_t len = 0;
	uint32_t k;

	out[0] = '\0';
	for (k = s->tok_begin; k < s->tok_end; k++) {
		const struct chorus_token *t = &doc->tokens[k];

		if (k > s->tok_begin)
			add(&len, with_stem ? " " : "|", 1);
		add(&len, doc->text + t->start, t->end - t->start);
		if (with_stem) {
			const char *n = chorus_lexicon_str(lex, t->norm, NULL);
			const char *st = chorus_lexicon_str(lex, t->stem, NULL);

			add(&len, "/", 1);
			add(&len, n, strlen(n));
			add(&len, "/", 1);
			add(&len, st, strlen(st));
		}
	}
	return out;
}

const char *textutil_norms(struct chorus_ctx *ctx, const struct chorus_doc *doc, size_t i)
{
	const struct chorus_sentence *s = &doc->sents[i];
	struct chorus_lexicon *lex = chorus_ctx_lexicon(ctx);
	size_t len = 0;
	uint32_t k;

	out[0] = '\0';
	for (k = s->tok_begin; k < s->tok_end; k++) {
		const char *n = chorus_lexicon_str(lex, doc->tokens[k].norm, NULL);

		if (k > s->tok_begin)
			add(&len, " ", 1);
		add(&len, n, strlen(n));
	}
	return out;
}
