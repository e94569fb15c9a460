/*
 * ingest/text.c: the plain text reader. A whole input is one article: an optional
 * headline (the first line, when a blank line follows it and it looks like one), then
 * the body. Header lines at the top of the body, a byline ("By Jane Doe") and date
 * labels ("Published: 10 March 2026, 09:15"), give the author and the publication time
 * and are removed from the body, as the headline is. The article id is the file name;
 * the outlet is unknown unless the caller gave a default.
 */
#include "ingest/ingest.h"
#include "text/text_int.h"
#include "util/alloc.h"

#define HEADLINE_MAX_BYTES 200
#define HEADLINE_MAX_WORDS 25
#define HEADER_LINES 4 /* lines at the top of the body read as header lines, at most */

int chorus__ingest_text_sniff(const char *name, const char *head, size_t n)
{
	(void)head;
	(void)n;
	if (chorus__ingest_has_ext(name, ".txt") || chorus__ingest_has_ext(name, ".text"))
		return 50;
	return 1; /* plain text reads anything nothing else claims */
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

/* The end of the line that starts at i (the index of its '\n', or len). */
static size_t line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);

	return nl ? (size_t)(nl - s) : len;
}

static int blank(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!is_space(s[from]))
			return 0;
	return 1;
}

/* Does the trimmed line s[0 .. n) read as a headline rather than a sentence? */
static int looks_like_headline(const char *s, size_t n)
{
	size_t i, words = 0;
	int lower = 0, alpha = 0, in_word = 0;
	unsigned char last;

	if (n == 0 || n > HEADLINE_MAX_BYTES)
		return 0;
	if (s[0] >= 'a' && s[0] <= 'z')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'a' && c <= 'z')
			lower = 1;
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			alpha = 1;
		if (c == ' ' || c == '\t') {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			words++;
		}
	}
	/* an all-capitals line is a section label ("RELATED STORIES"), not a headline */
	if (!alpha || !lower || words < 2 || words > HEADLINE_MAX_WORDS)
		return 0;
	/* the final character, looking through closing quotes: '"', '\'', U+201D, U+2019 */
	i = n;
	for (;;) {
		if (i >= 1 && (s[i - 1] == '"' || s[i - 1] == '\'')) {
			i--;
		} else if (i >= 3 && (unsigned char)s[i - 3] == 0xE2 &&
			   (unsigned char)s[i - 2] == 0x80 &&
			   ((unsigned char)s[i - 1] == 0x9D || (unsigned char)s[i - 1] == 0x99)) {
			i -= 3;
		} else {
			break;
		}
	}
	if (i == 0)
		return 0;
	last = (unsigned char)s[i - 1];
	if (strchr(".!?:;,-", last))
		return 0;
	/* U+2026 ellipsis, U+2013 en dash, U+2014 em dash */
	if (i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x80 &&
	    (last == 0xA6 || last == 0x93 || last == 0x94))
		return 0;
	return 1;
}

char *chorus__ingest_headline(const char *text, size_t len, size_t *body_off)
{
	size_t i = 0, end, next, start, stop, body;

	/* skip blank lines before the first line */
	for (;;) {
		end = line_end(text, len, i);
		if (end == len || !blank(text, i, end))
			break;
		i = end + 1;
	}
	if (end == len)
		return NULL; /* one line only: no body after a headline */
	next = end + 1;
	if (!blank(text, next, line_end(text, len, next)))
		return NULL; /* no blank line after the first line */
	body = next;
	while (body < len) { /* the body starts at the first line that is not blank */
		size_t e = line_end(text, len, body);
		if (!blank(text, body, e))
			break;
		body = e < len ? e + 1 : len;
	}
	if (body >= len)
		return NULL;
	start = i;
	stop = end;
	while (start < stop && is_space(text[start]))
		start++;
	while (stop > start && is_space(text[stop - 1]))
		stop--;
	if (!looks_like_headline(text + start, stop - start))
		return NULL;
	*body_off = body;
	return chorus_xstrndup(text + start, stop - start);
}

/* Takes the header lines at the top of the body (a byline, date labels): the byline
 * into a->author, the first publication date into a->published (when it parses), and
 * removes them, with the blank lines after them, from the text. Stops at the first
 * other line. */
static void take_header(struct chorus_article *a)
{
	const char *t = a->text;
	size_t i = 0, len = a->text_len, lines = 0, cut = 0;

	while (i < len && lines < HEADER_LINES) {
		size_t end = line_end(t, len, i), s = i, e = end, off;
		int kind;

		while (s < e && is_space(t[s]))
			s++;
		while (e > s && is_space(t[e - 1]))
			e--;
		i = end < len ? end + 1 : len;
		if (s == e) {
			if (cut)
				cut = i;
			continue;
		}
		lines++;
		kind = chorus__text_header_line(t + s, e - s, &off);
		if (!kind)
			break;
		cut = i;
		if (kind == CHORUS__HEADER_BYLINE && !a->author) {
			a->author = chorus_xstrndup(t + s + off, e - s - off);
		} else if (kind == CHORUS__HEADER_PUBLISHED && a->published == CHORUS_TIME_UNKNOWN) {
			char *d = chorus_xstrndup(t + s + off, e - s - off);
			chorus_time when;

			if (chorus_parse_date(d, &when) == 0)
				a->published = when;
			free(d);
		}
	}
	if (cut && cut < len) { /* a text of header lines only keeps them */
		memmove(a->text, a->text + cut, len - cut + 1);
		a->text_len -= cut;
	}
}

int chorus__ingest_text_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct chorus_article a;
	size_t len, off;
	char *data, *title;
	int rc;

	if (in->size != SIZE_MAX && in->size > st->max_bytes) {
		chorus__ingest_diag(st, in->name, "file is %zu bytes, over the limit of %zu bytes",
				    in->size, st->max_bytes);
		return 0;
	}
	rc = chorus__input_slurp(in, st->max_bytes, &data, &len);
	if (rc == CHORUS_ETOOBIG) {
		chorus__ingest_diag(st, in->name, "article is over the limit of %zu bytes",
				    st->max_bytes);
		return 0;
	}
	if (rc < 0) {
		chorus__ingest_diag(st, in->name, "read error after %zu bytes", in->consumed);
		return 0;
	}
	chorus_article_init(&a);
	a.text = data;
	a.text_len = len;
	if (chorus__ingest_prepare(st, &a, in->name))
		return 0;
	a.id = chorus_xstrdup(in->id);
	a.origin = chorus_xstrdup(in->name);
	title = chorus__ingest_headline(a.text, a.text_len, &off);
	if (title) {
		a.title = title;
		memmove(a.text, a.text + off, a.text_len - off + 1);
		a.text_len -= off;
	}
	take_header(&a);
	return chorus__ingest_deliver(st, &a);
}
