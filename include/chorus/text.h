/*
 * chorus/text.h: the text pipeline, the base of every later stage.
 *
 * An article's raw body becomes an analysed document (struct chorus_doc): clean text
 * (valid UTF-8, NFKC, canonical quotes, dashes and spaces, hard-wrapped lines joined,
 * boilerplate lines and the dateline removed), split into paragraphs and sentences,
 * tokenized, with each token's lowercased form and Snowball stem interned in the
 * context's lexicon. Every offset points into doc->text, never into the raw input.
 *
 * Canonical forms in doc->text: quotation marks are ASCII '"' (double) and '\''
 * (single, also the apostrophe); dashes used as punctuation are " - " (hyphen with
 * spaces) for en/em dashes; every kind of space is ' '; paragraphs are separated by
 * exactly "\n\n"; a paragraph holds no other newline.
 */
#ifndef CHORUS_TEXT_H
#define CHORUS_TEXT_H

#include "chorus/article.h"
#include "chorus/lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

enum chorus_token_flags {
	CHORUS_TOK_WORD = 1 << 0,   /* letters, possibly with inner digits, apostrophes, hyphens */
	CHORUS_TOK_NUMBER = 1 << 1, /* a number: "14,000", "1,90,000", "3.5", "10%", "$5bn", "2014" */
	CHORUS_TOK_PUNCT = 1 << 2,  /* punctuation or a symbol */
	CHORUS_TOK_STOP = 1 << 3,   /* a stopword (English list) */
	CHORUS_TOK_CAP = 1 << 4,    /* first letter is uppercase */
	CHORUS_TOK_UPPER = 1 << 5,  /* two or more letters, all uppercase ("NATO", "U.S.") */
	CHORUS_TOK_QUOTE = 1 << 6   /* a quotation mark ('"', or '\'' used as a quote) */
};

struct chorus_token {
	uint32_t start, end; /* byte range [start, end) in doc->text */
	uint32_t norm;       /* lexicon id of the lowercased form; numbers: digits without grouping ("190000") */
	uint32_t stem;       /* lexicon id of the Snowball English stem of norm; equals norm for non-words */
	uint32_t flags;      /* enum chorus_token_flags */
};

enum chorus_sentence_flags {
	CHORUS_SENT_TITLE = 1 << 0,     /* the sentence is (part of) the headline */
	CHORUS_SENT_PARA_FIRST = 1 << 1 /* the first sentence of its paragraph */
};

struct chorus_sentence {
	uint32_t start, end;         /* byte range in doc->text, without surrounding space */
	uint32_t tok_begin, tok_end; /* its tokens: doc->tokens[tok_begin .. tok_end) */
	uint32_t para;               /* index into doc->paras */
	uint32_t flags;              /* enum chorus_sentence_flags */
};

struct chorus_paragraph {
	uint32_t start, end;           /* byte range in doc->text */
	uint32_t sent_begin, sent_end; /* its sentences: doc->sents[sent_begin .. sent_end) */
};

/*
 * An analysed article. Everything it points to is owned by the document and freed by
 * chorus_doc_free(). The headline, when there is one, is paragraph 0 and its sentences
 * carry CHORUS_SENT_TITLE.
 */
struct chorus_doc {
	const struct chorus_article *article; /* borrowed: must outlive the document */
	const char *text;                     /* clean text, NUL-terminated */
	size_t text_len;
	const struct chorus_paragraph *paras;
	size_t n_paras;
	const struct chorus_sentence *sents;
	size_t n_sents;
	const struct chorus_token *tokens;
	size_t n_tokens;
	const char *dateline_place;  /* "BRUSSELS, Belgium" from a dateline, or NULL */
	const char *dateline_agency; /* "AP" from a dateline, or NULL */
	size_t dropped_lines;        /* boilerplate lines removed */
	size_t title_paras;          /* paragraphs of the headline at the start: 0 or 1 */
	void *impl;                  /* private to the text module */
};

/*
 * Makes the n bytes at s valid UTF-8 text, as every reader must before it fills an
 * article record: a UTF-8 byte order mark is dropped, NUL bytes are dropped, and each
 * invalid sequence becomes U+FFFD; input that is mostly invalid but reads as
 * Windows-1252/Latin-1 is transcoded from it instead. Returns 0 with a new
 * NUL-terminated malloc'd string in *out (its length in *out_len) and the number of
 * replacements made in *repaired (may be NULL), or CHORUS_EENCODING with a message on
 * ctx when the bytes are binary, not text (control bytes or NULs in quantity).
 */
int chorus_text_repair(struct chorus_ctx *ctx, const char *s, size_t n, char **out,
		       size_t *out_len, size_t *repaired);

/*
 * Lines that repeat verbatim across many articles of one outlet (mastheads, sign-offs,
 * "Follow us on ..." lines) are boilerplate. A line filter counts lines over a set of
 * articles first; chorus_doc_analyze() then drops the lines it marks.
 */
struct chorus_linefilter;

struct chorus_linefilter *chorus_linefilter_new(void);
void chorus_linefilter_free(struct chorus_linefilter *lf);

/* Counts the lines of a (per outlet: a->source; articles with no source count as one
 * outlet of their own each). */
void chorus_linefilter_add(struct chorus_linefilter *lf, const struct chorus_article *a);

struct chorus_text_options {
	const struct chorus_linefilter *lines; /* may be NULL: no learned boilerplate */
	int text_only; /* 1: the clean text and its paragraphs only, no sentences and no
	                * tokens (n_sents = n_tokens = 0), for comparing texts */
};

/*
 * Analyses article a into a new document in *out. opt may be NULL. Terms are interned
 * in chorus_ctx_lexicon(ctx). Returns 0, or CHORUS_EEMPTY when nothing is left after
 * cleaning (the message says so), or CHORUS_EENCODING for text that is not text
 * (binary, by the rule of chorus_text_repair), or CHORUS_ETOOBIG for a clean text of
 * 4 GiB or more (offsets are 32-bit). Never fails on any byte sequence otherwise:
 * ill-formed UTF-8 that was not repaired becomes U+FFFD. docs/text.md has the rules.
 */
int chorus_doc_analyze(struct chorus_ctx *ctx, const struct chorus_article *a,
		       const struct chorus_text_options *opt, struct chorus_doc **out);

void chorus_doc_free(struct chorus_doc *doc);

/*
 * The body of doc: its clean text after the headline (all of it when there is none), as
 * syndicated copies are compared: a copy keeps the text and changes the headline. Sets
 * *len to its length; the pointer is into doc->text.
 */
const char *chorus_doc_body(const struct chorus_doc *doc, size_t *len);

/*
 * Lower-level pieces of the pipeline, for text that is not an article body (a query,
 * a headline, a quotation to compare).
 */

/* The canonical form of the n bytes at s (any bytes): as doc->text, but without
 * boilerplate removal or line joining: each line trimmed, lines separated by '\n', a
 * blank line kept as one empty line. Returns a new NUL-terminated malloc'd string
 * (its length in *out_len if out_len is not NULL). */
char *chorus_text_normalize(const char *s, size_t n, size_t *out_len);

struct chorus_text_span {
	uint32_t start, end; /* byte range [start, end) */
};

/* Splits one paragraph of canonical text (s[0 .. n), no newline) into sentences by
 * the rules of chorus_doc_analyze(). Returns the number of sentences and a new
 * malloc'd array of their ranges in *out (NULL when there are none). n must be less
 * than 4 GiB. */
size_t chorus_text_sentences(const char *s, size_t n, struct chorus_text_span **out);

/* The lexicon id of the Snowball English stem of the first token of w[0 .. n) (in
 * canonical form), as document tokens carry it: chorus_text_stem(ctx, "Ukraine's", 9)
 * is the id of "ukrain". 0 when w holds no token. */
uint32_t chorus_text_stem(struct chorus_ctx *ctx, const char *w, size_t n);

/* Whether the lowercase word w[0 .. n) is in the English stopword list of the text stage. */
int chorus_text_is_stopword(const char *w, size_t n);

#ifdef __cplusplus
}
#endif
#endif
