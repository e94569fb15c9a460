/*
 * tests/fuzz/fuzz_text.c: libFuzzer target for the text stage. The input bytes are
 * repaired (chorus_text_repair) and analysed (chorus_doc_analyze) twice: as a body
 * alone, and with the first line as the headline and a line filter that learned the
 * body's lines. The raw bytes, unrepaired, are analysed too (the analysis must accept
 * any bytes). Every document is checked against its contract: valid UTF-8 text, NUL
 * at text_len, paragraphs separated by "\n\n" and free of newlines, sentences inside
 * their paragraph and in order, tokens inside their sentence, in order and non-empty,
 * every term id known to the lexicon.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz_text: check failed: %s (line %d)\n", #cond, __LINE__); \
			abort();                                                 \
		}                                                                \
	} while (0)

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len, k;
		uint32_t cp;

		if (c < 0x80) {
			if (!c)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			len = 2, cp = c & 0x1Fu;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3, cp = c & 0x0Fu;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4, cp = c & 0x07u;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3Fu);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void check_doc(struct chorus_ctx *ctx, const struct chorus_doc *d)
{
	uint32_t lexsize = chorus_lexicon_size(chorus_ctx_lexicon(ctx));
	size_t i, k;

	CHECK(d->text && d->text_len > 0 && d->text[d->text_len] == '\0');
	CHECK(valid_utf8((const unsigned char *)d->text, d->text_len));
	CHECK(d->n_paras > 0);
	for (i = 0; i < d->n_paras; i++) {
		const struct chorus_paragraph *p = &d->paras[i];

		CHECK(p->start < p->end && p->end <= d->text_len);
		CHECK(!memchr(d->text + p->start, '\n', p->end - p->start));
		if (i) {
			CHECK(p->start == d->paras[i - 1].end + 2);
			CHECK(!memcmp(d->text + p->start - 2, "\n\n", 2));
		} else {
			CHECK(p->start == 0);
		}
		CHECK(p->sent_begin <= p->sent_end && p->sent_end <= d->n_sents);
		if (i)
			CHECK(p->sent_begin == d->paras[i - 1].sent_end);
		for (k = p->sent_begin; k < p->sent_end; k++) {
			const struct chorus_sentence *s = &d->sents[k];

			CHECK(s->para == i);
			CHECK(p->start <= s->start && s->start < s->end && s->end <= p->end);
			CHECK(d->text[s->start] != ' ' && d->text[s->end - 1] != ' ');
			if (k > p->sent_begin)
				CHECK(d->sents[k - 1].end < s->start);
		}
	}
	CHECK(d->paras[d->n_paras - 1].end == d->text_len);
	CHECK(d->paras[d->n_paras - 1].sent_end == d->n_sents);
	for (k = 0; k < d->n_sents; k++) {
		const struct chorus_sentence *s = &d->sents[k];

		CHECK(s->tok_begin <= s->tok_end && s->tok_end <= d->n_tokens);
		if (k)
			CHECK(s->tok_begin == d->sents[k - 1].tok_end);
		for (i = s->tok_begin; i < s->tok_end; i++) {
			const struct chorus_token *t = &d->tokens[i];

			CHECK(s->start <= t->start && t->start < t->end && t->end <= s->end);
			if (i > s->tok_begin)
				CHECK(d->tokens[i - 1].end <= t->start);
			CHECK(t->norm >= 1 && t->norm <= lexsize);
			CHECK(t->stem >= 1 && t->stem <= lexsize);
			CHECK(!!(t->flags & CHORUS_TOK_WORD) + !!(t->flags & CHORUS_TOK_NUMBER) +
				      !!(t->flags & CHORUS_TOK_PUNCT) == 1);
		}
	}
	CHECK(d->n_sents == 0 || d->sents[d->n_sents - 1].tok_end == d->n_tokens);
	CHECK(d->title_paras <= 1 && d->title_paras <= d->n_paras);
	{
		size_t blen;
		const char *body = chorus_doc_body(d, &blen);

		CHECK(body >= d->text && body + blen == d->text + d->text_len);
	}
	if (d->dateline_place)
		CHECK(valid_utf8((const unsigned char *)d->dateline_place, strlen(d->dateline_place)));
}

static void analyze(struct chorus_ctx *ctx, struct chorus_article *a,
		    const struct chorus_text_options *opt)
{
	struct chorus_doc *doc = NULL;
	int ret = chorus_doc_analyze(ctx, a, opt, &doc);

	if (ret) {
		CHECK(ret == CHORUS_EEMPTY || ret == CHORUS_EENCODING);
		CHECK(!doc && *chorus_errmsg(ctx));
		return;
	}
	check_doc(ctx, doc);
	chorus_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_linefilter *lf;
	struct chorus_text_options opt;
	struct chorus_article a;
	char *text = NULL, *raw, *nl;
	size_t len = 0, rep = 0;

	raw = malloc(size + 1);
	if (!raw)
		abort();
	memcpy(raw, data, size);
	raw[size] = '\0';
	chorus_article_init(&a);
	a.id = (char *)"fuzz";
	/* the raw bytes */
	a.text = raw;
	a.text_len = size;
	analyze(ctx, &a, NULL);
	if (chorus_text_repair(ctx, (const char *)data, size, &text, &len, &rep) != 0) {
		CHECK(!text);
		goto out;
	}
	CHECK(text[len] == '\0' && valid_utf8((const unsigned char *)text, len));
	a.text = text;
	a.text_len = len;
	analyze(ctx, &a, NULL);
	/* the first line as headline, and a line filter that learned the lines */
	nl = memchr(text, '\n', len);
	if (nl) {
		*nl = '\0';
		a.title = text;
		a.text = nl + 1;
		a.text_len = len - (size_t)(nl + 1 - text);
	}
	a.source = (char *)"outlet";
	lf = chorus_linefilter_new();
	chorus_linefilter_add(lf, &a);
	chorus_linefilter_add(lf, &a);
	chorus_linefilter_add(lf, &a);
	opt.lines = lf;
	opt.text_only = 0;
	analyze(ctx, &a, &opt);
	opt.text_only = 1;
	analyze(ctx, &a, &opt);
	chorus_linefilter_free(lf);
out:
	free(text);
	free(raw);
	chorus_ctx_free(ctx);
	return 0;
}

#include "fuzz_replay.h"
