/*
 * text/text_int.h: what the modules of the text stage share (not public).
 *
 * chorus_doc_analyze() runs: normalize (normalize.c) -> lines to paragraphs, with
 * boilerplate lines and the dateline removed (paragraphs.c, boilerplate.c,
 * dateline.c, linefilter.c) -> sentences (sentences.c) -> tokens, stems and
 * stopwords (tokens.c, stopwords.c); doc.c ties them together.
 */
#ifndef CHORUS_TEXT_INT_H
#define CHORUS_TEXT_INT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "chorus/text.h"
#include "util/buf.h"

/* A byte range [start, end). */
struct chorus__span {
	uint32_t start, end;
};

/* A growable array of spans. */
struct chorus__spans {
	struct chorus__span *v;
	size_t n, cap;
};

void chorus__spans_push(struct chorus__spans *s, size_t start, size_t end);

/*
 * Appends the canonical form of the n bytes at s to out (see normalize.c): lines
 * separated by '\n', each trimmed, spaces collapsed, one empty line for a blank
 * line. Any bytes are accepted; out is NUL-terminated even when nothing is added.
 */
void chorus__text_normalize(const char *s, size_t n, struct chorus__buf *out);

/* Whether the n bytes at s look like binary data rather than text (repair.c). */
int chorus__text_is_binary(const char *s, size_t n, size_t *count, size_t *first);

/* Whether the whole line (canonical text, trimmed) is a known kind of boilerplate:
 * 0 no, 1 yes, 2 yes and it heads a list of other stories ("RELATED STORIES"). */
int chorus__text_is_boilerplate(const char *line, size_t len);

/* What a header line of an article says (boilerplate.c): the line (trimmed) is a
 * byline, "By Jane Doe" (the names from *off to the end), or a date label, "Published:
 * 10 March 2026, 09:15", "Updated 4:08 p.m. ET" (the date from *off); 0 when it is
 * neither. The text stage removes such lines; the plain text reader reads them. */
enum { CHORUS__HEADER_BYLINE = 1, CHORUS__HEADER_PUBLISHED, CHORUS__HEADER_UPDATED };
int chorus__text_header_line(const char *line, size_t len, size_t *off);

/* The code points in s[0 .. len) (the length a reader sees). */
size_t chorus__text_width(const char *s, size_t len);

/* A dateline at the start of a paragraph: what to remove and what it names. */
struct chorus__dateline {
	size_t skip;                          /* bytes to remove from the start, 0: none */
	size_t place_off, place_len;          /* the place ("BRUSSELS, Belgium") */
	size_t agency_off, agency_len;        /* the agency ("AP"), length 0 when none */
};

/* Recognizes a dateline at the start of the paragraph p[0 .. n); returns 1 and fills
 * *dl when there is one, else 0. */
int chorus__text_dateline(const char *p, size_t n, struct chorus__dateline *dl);

/* Whether lf marks this line of an article of outlet source as learned boilerplate. */
int chorus__linefilter_drops(const struct chorus_linefilter *lf, const char *source,
			     const char *line, size_t len);

/*
 * Splits paragraph p[0 .. n) (canonical text, no newline) into sentences, appended
 * to out as ranges relative to p, without surrounding spaces.
 */
void chorus__text_sentences(const char *p, size_t n, struct chorus__spans *out);

/*
 * Appends the tokens of text[start .. end) (one sentence) to the array *v of *n
 * tokens and capacity *cap, interning their terms in ctx's lexicon.
 */
void chorus__text_tokenize(struct chorus_ctx *ctx, const char *text, size_t start, size_t end,
			   struct chorus_token **v, size_t *n, size_t *cap);

/* A fixed list of lowercase words (at most 16 bytes each, fewer than 256 words), as a
 * set: define it with CHORUS__WORDSET(list). */
#define CHORUS__WORDSET_SLOTS 512
struct chorus__wordset {
	const char *const *words; /* NULL-terminated */
	int ready;
	uint16_t slot[CHORUS__WORDSET_SLOTS]; /* index + 1 into words; 0 empty */
};
#define CHORUS__WORDSET(list) { (list), 0, { 0 } }

/* Whether w[0 .. n), compared without regard to ASCII case, is in the set. Thread-safe. */
int chorus__wordset_has(struct chorus__wordset *ws, const char *w, size_t n);

/* Whether the word w[0 .. n) (any case) is a known abbreviation that takes a period:
 * 1 for titles and the like that precede a name or number ("Mr", "Gen", "No", "Feb"),
 * 2 for those that often end a sentence too ("Inc", "Jr", "etc"), 0 otherwise. */
int chorus__text_abbrev(const char *w, size_t n);

/* Whether the lowercased word w[0 .. n) is in the English stopword list. */
int chorus__text_is_stopword(const char *w, size_t n);

#endif
