/*
 * text/doc.c: chorus_doc_analyze(), the text stage from an article to a document:
 * normalize, lines to paragraphs (joining hard-wrapped lines, dropping boilerplate,
 * taking the dateline off), the headline as paragraph 0, sentences, tokens.
 *
 * Joining lines. Within a block of lines (no blank line between them), the break
 * after line a is kept as a paragraph break unless
 * - a does not end a sentence (no final '.', '?' or '!', maybe before a closing quote)
 *   and the next line starts with a lowercase letter, or a ends with ',' or ';'; or
 * - the text is hard-wrapped and a is longer than 0.6 W and stops mid-sentence (no
 *   final punctuation), unless the next line is a subheading (below); or
 * - the text is hard-wrapped and the next line's first word would not have fitted on
 *   line a: width(a) + 1 + width(first word) > W; except before a subheading (a
 *   line of at most 0.6 W that starts with a capital, has no final punctuation and
 *   is followed by a capital or nothing).
 * The text counts as hard-wrapped when W, the 90th percentile of the widths of the
 * lines that are followed by another line of their block, is at most 120 characters,
 * there are at least 3 such lines, and at least 3 in 4 of them are at least W - 25
 * wide: a wrapping editor fills every line to within a word of W, while a writer who
 * puts one paragraph per line leaves lines of any width, and each stays a paragraph.
 */
#include <stdlib.h>
#include <string.h>

#include "core/ctx.h"
#include "text/text_int.h"
#include "util/alloc.h"
#include "util/arena.h"

struct doc_impl {
	struct chorus_doc doc;
	struct chorus__arena *arena;
	char *text;
	struct chorus_paragraph *paras;
	struct chorus_sentence *sents;
	struct chorus_token *tokens;
};

struct line {
	size_t start, len;
	size_t width;
	int drop;
};

size_t chorus__text_width(const char *s, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static int ends_sentence(const char *s, size_t len)
{
	while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')'))
		len--;
	return len && (s[len - 1] == '.' || s[len - 1] == '?' || s[len - 1] == '!');
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static size_t first_word_width(const char *s, size_t len)
{
	const char *sp = memchr(s, ' ', len);

	return chorus__text_width(s, sp ? (size_t)(sp - s) : len);
}

static int starts_upper(const char *s)
{
	while (*s == '"' || *s == '\'' || *s == '(')
		s++;
	return (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9');
}

/* Whether the break between lines a and b of one block is inside a paragraph; c is
 * the line after b in the block, or NULL. */
static int joins(const char *t, const struct line *a, const struct line *b, const struct line *c,
		 int wrapped, size_t W)
{
	const char *as = t + a->start, *bs = t + b->start;
	char last = as[a->len - 1];

	if (last == ',' || last == ';')
		return 1;
	if (!ends_sentence(as, a->len) && bs[0] >= 'a' && bs[0] <= 'z')
		return 1;
	if (!wrapped)
		return 0;
	/* a long line that stops mid-sentence was wrapped, whatever the next word's width
	 * (normalization may have shortened it: ``serious'' is "serious") */
	if (!ends_sentence(as, a->len) && a->width * 10 > W * 6 && !(starts_upper(bs) &&
	    b->width * 10 <= W * 6 && !ends_sentence(bs, b->len) && (!c || starts_upper(t + c->start))))
		return 1;
	if (a->width + 1 + first_word_width(bs, b->len) <= W)
		return 0;
	/* a short line in capitals and without final punctuation between two paragraphs
	 * is a subheading, not the end of the paragraph above it */
	if (!ends_sentence(bs, b->len) && starts_upper(bs) && b->width * 10 <= W * 6 &&
	    (!c || starts_upper(t + c->start)))
		return 0;
	return 1;
}

/*
 * Splits the canonical text t into lines, marks the dropped ones, and appends the
 * body paragraphs to paras (joined text in pbuf, "\n"-free; spans into pbuf).
 */
static size_t body_paragraphs(const char *t, size_t n, const char *source,
			      const struct chorus_linefilter *lf, struct chorus__buf *pbuf,
			      struct chorus__spans *paras)
{
	struct line *lines = NULL;
	size_t nl = 0, cap = 0, i = 0, dropped = 0, *widths = NULL, nw = 0, W = 0, full = 0;
	int wrapped = 0, in_list = 0;

	while (i <= n) {
		const char *e = i < n ? memchr(t + i, '\n', n - i) : NULL;
		size_t end = e ? (size_t)(e - t) : n;

		CHORUS_GROW(lines, nl + 1, cap);
		lines[nl].start = i;
		lines[nl].len = end - i;
		lines[nl].width = 0; /* measured below, where it matters */
		lines[nl].drop = 0;
		if (lines[nl].len) {
			int b = chorus__text_is_boilerplate(t + i, end - i);

			if (b || chorus__linefilter_drops(lf, source, t + i, end - i)) {
				lines[nl].drop = 1;
				in_list = b == 2;
			} else if (in_list && chorus__text_width(t + i, end - i) <= 120 &&
				   !ends_sentence(t + i, end - i)) {
				/* a headline in the list under "RELATED STORIES" */
				lines[nl].drop = 1;
			} else {
				in_list = 0;
			}
			dropped += (size_t)lines[nl].drop;
		}
		nl++;
		if (!e)
			break;
		i = end + 1;
	}
	/* the widths of the lines that have a neighbour in their block (the others are
	 * paragraphs of one line, whose width plays no part) */
	for (i = 0; i < nl; i++) {
		int live = lines[i].len && !lines[i].drop;

		if (live && ((i + 1 < nl && lines[i + 1].len && !lines[i + 1].drop) ||
			     (i > 0 && lines[i - 1].len && !lines[i - 1].drop)))
			lines[i].width = chorus__text_width(t + lines[i].start, lines[i].len);
	}
	widths = chorus_xmalloc(chorus_xmul(nl + 1, sizeof(*widths)));
	for (i = 0; i + 1 < nl; i++)
		if (lines[i].len && !lines[i].drop && lines[i + 1].len && !lines[i + 1].drop)
			widths[nw++] = lines[i].width;
	if (nw) {
		qsort(widths, nw, sizeof(*widths), cmp_size);
		W = widths[(nw - 1) * 9 / 10];
		for (i = 0; i < nw; i++)
			full += widths[i] + 25 >= W;
		wrapped = nw >= 3 && W <= 120 && full * 4 >= nw * 3;
	}
	free(widths);
	for (i = 0; i < nl; i++) {
		size_t pstart;

		if (!lines[i].len || lines[i].drop)
			continue;
		if (pbuf->len)
			chorus__buf_addch(pbuf, '\n');
		pstart = pbuf->len;
		chorus__buf_add(pbuf, t + lines[i].start, lines[i].len);
		while (i + 1 < nl && lines[i + 1].len && !lines[i + 1].drop &&
		       joins(t, &lines[i], &lines[i + 1],
			     i + 2 < nl && lines[i + 2].len && !lines[i + 2].drop ? &lines[i + 2] : NULL,
			     wrapped, W)) {
			const char *bs = t + lines[i + 1].start;
			char last = t[lines[i].start + lines[i].len - 1];

			/* "peace-" + "keeping": a word broken after its hyphen */
			if (!(last == '-' && lines[i].len >= 2 && t[lines[i].start + lines[i].len - 2] != ' ' &&
			      bs[0] >= 'a' && bs[0] <= 'z'))
				chorus__buf_addch(pbuf, ' ');
			chorus__buf_add(pbuf, bs, lines[i + 1].len);
			i++;
		}
		chorus__spans_push(paras, pstart, pbuf->len);
	}
	free(lines);
	return dropped;
}

const char *chorus_doc_body(const struct chorus_doc *doc, size_t *len)
{
	size_t off = 0;

	/* a headline and nothing else: the headline is the text */
	if (doc->title_paras < doc->n_paras)
		off = doc->paras[doc->title_paras].start;
	*len = doc->text_len - off;
	return doc->text + off;
}

void chorus_doc_free(struct chorus_doc *doc)
{
	struct doc_impl *d;

	if (!doc)
		return;
	d = doc->impl;
	chorus__arena_free(d->arena);
	free(d->text);
	free(d->paras);
	free(d->sents);
	free(d->tokens);
	free(d);
}

/* The headline in canonical form on one line. */
static void title_text(const char *title, struct chorus__buf *out)
{
	struct chorus__buf b = { 0 };
	size_t i;

	chorus__text_normalize(title, strlen(title), &b);
	for (i = 0; i < b.len; i++) {
		if (b.ptr[i] != '\n')
			chorus__buf_addch(out, b.ptr[i]);
		else if (out->len && out->ptr[out->len - 1] != ' ')
			chorus__buf_addch(out, ' ');
	}
	chorus__buf_release(&b);
}

int chorus_doc_analyze(struct chorus_ctx *ctx, const struct chorus_article *a,
		       const struct chorus_text_options *opt, struct chorus_doc **out)
{
	struct chorus__buf norm = { 0 }, pbuf = { 0 }, text = { 0 }, title = { 0 };
	struct chorus__spans paras = { 0 }, sents = { 0 };
	struct chorus__dateline dl;
	struct doc_impl *d = NULL;
	const char *body;
	size_t n, i, nbin, first, n_paras = 0, cap_paras = 0, n_sents = 0, cap_sents = 0;
	size_t n_tok = 0, cap_tok = 0, first_body = 0, dropped;
	int ret = CHORUS_EINVAL, skip_first = 0;

	*out = NULL;
	if (!ctx || !a)
		return chorus_error(ctx, CHORUS_EINVAL, "chorus_doc_analyze: no article");
	body = a->text ? a->text : "";
	n = a->text ? a->text_len : 0;
	if (chorus__text_is_binary(body, n, &nbin, &first)) {
		ret = chorus_error(ctx, CHORUS_EENCODING,
				   "article %s: binary data, not text: %zu control bytes in %zu, the first at byte offset %zu",
				   a->id ? a->id : "?", nbin, n, first);
		goto out;
	}
	chorus__text_normalize(body, n, &norm);
	dropped = body_paragraphs(norm.ptr, norm.len, a->source, opt ? opt->lines : NULL, &pbuf, &paras);
	if (a->title)
		title_text(a->title, &title);

	d = chorus_xcalloc(1, sizeof(*d));
	d->arena = chorus__arena_new(1024);
	d->doc.article = a;
	d->doc.impl = d;
	d->doc.dropped_lines = dropped;
	/* the dateline opens the first paragraph, or one of the next three after short
	 * ones (at most 150 characters: a headline, a byline, a date) */
	for (i = 0; i < paras.n && i < 4; i++) {
		const char *p0 = pbuf.ptr + paras.v[i].start;
		size_t len0 = paras.v[i].end - paras.v[i].start;

		if (chorus__text_dateline(p0, len0, &dl)) {
			d->doc.dateline_place = chorus__arena_strndup(d->arena, p0 + dl.place_off, dl.place_len);
			if (dl.agency_len)
				d->doc.dateline_agency = chorus__arena_strndup(d->arena, p0 + dl.agency_off,
									       dl.agency_len);
			paras.v[i].start += (uint32_t)dl.skip;
			break;
		}
		if (chorus__text_width(p0, len0) > 150)
			break;
	}
	/* the headline is paragraph 0; a body that repeats it does not repeat it */
	if (title.len) {
		chorus__buf_add(&text, title.ptr, title.len);
		CHORUS_GROW(d->paras, n_paras + 1, cap_paras);
		d->paras[n_paras].start = 0;
		d->paras[n_paras].end = (uint32_t)title.len;
		d->paras[n_paras].sent_begin = d->paras[n_paras].sent_end = 0;
		n_paras++;
		first_body = 1;
		if (paras.n && paras.v[0].end - paras.v[0].start == title.len &&
		    !memcmp(pbuf.ptr + paras.v[0].start, title.ptr, title.len))
			skip_first = 1;
	}
	for (i = (size_t)skip_first; i < paras.n; i++) {
		if (text.len)
			chorus__buf_add(&text, "\n\n", 2);
		CHORUS_GROW(d->paras, n_paras + 1, cap_paras);
		d->paras[n_paras].start = (uint32_t)text.len;
		chorus__buf_add(&text, pbuf.ptr + paras.v[i].start, paras.v[i].end - paras.v[i].start);
		d->paras[n_paras].end = (uint32_t)text.len;
		d->paras[n_paras].sent_begin = d->paras[n_paras].sent_end = 0;
		n_paras++;
	}
	if (!text.len) {
		ret = chorus_error(ctx, CHORUS_EEMPTY, "article %s: no text left after cleaning",
				   a->id ? a->id : "?");
		goto out;
	}
	if (text.len >= UINT32_MAX) {
		ret = chorus_error(ctx, CHORUS_ETOOBIG, "article %s: text of %zu bytes is over 4 GiB",
				   a->id ? a->id : "?", text.len);
		goto out;
	}
	d->text = chorus__buf_detach(&text, &d->doc.text_len);
	d->doc.title_paras = first_body;
	for (i = 0; i < n_paras && !(opt && opt->text_only); i++) {
		struct chorus_paragraph *pg = &d->paras[i];
		size_t k;

		sents.n = 0;
		chorus__text_sentences(d->text + pg->start, pg->end - pg->start, &sents);
		pg->sent_begin = (uint32_t)n_sents;
		for (k = 0; k < sents.n; k++) {
			struct chorus_sentence *s;

			CHORUS_GROW(d->sents, n_sents + 1, cap_sents);
			s = &d->sents[n_sents++];
			s->start = pg->start + sents.v[k].start;
			s->end = pg->start + sents.v[k].end;
			s->para = (uint32_t)i;
			s->flags = (k == 0 ? CHORUS_SENT_PARA_FIRST : 0) |
				   (i < first_body ? CHORUS_SENT_TITLE : 0);
			s->tok_begin = (uint32_t)n_tok;
			chorus__text_tokenize(ctx, d->text, s->start, s->end, &d->tokens, &n_tok, &cap_tok);
			s->tok_end = (uint32_t)n_tok;
		}
		pg->sent_end = (uint32_t)n_sents;
	}
	d->doc.text = d->text;
	d->doc.paras = d->paras;
	d->doc.n_paras = n_paras;
	d->doc.sents = d->sents;
	d->doc.n_sents = n_sents;
	d->doc.tokens = d->tokens;
	d->doc.n_tokens = n_tok;
	*out = &d->doc;
	d = NULL;
	ret = 0;
out:
	if (d)
		chorus_doc_free(&d->doc);
	chorus__buf_release(&norm);
	chorus__buf_release(&pbuf);
	chorus__buf_release(&text);
	chorus__buf_release(&title);
	free(paras.v);
	free(sents.v);
	return ret;
}
