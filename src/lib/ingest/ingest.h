/*
 * ingest/ingest.h: what the readers of src/lib/ingest share: the input (a file, a
 * stream or a memory buffer, read with a look-ahead for sniffing), the reading state
 * (options, callbacks, the stop value) and the format table (formats.c).
 *
 * A format reader gets an input and calls chorus__ingest_emit() once per article it
 * finds and chorus__ingest_diag() once per record it skips. emit() does what every
 * reader needs: the size limit, the UTF-8 repair, line ends, the empty check, the
 * default outlet, and the call to the user's callback.
 */
#ifndef CHORUS_INGEST_PRIVATE_H
#define CHORUS_INGEST_PRIVATE_H

#include <stdio.h>

#include "chorus/ingest.h"
#include "util/buf.h"

#define CHORUS__INGEST_HEAD 4096 /* bytes a sniff function sees at most */

/*
 * An input: a FILE (owned by whoever opened it) or a memory buffer (borrowed), read
 * through a buffer so that the first bytes can be peeked at without consuming them.
 */
struct chorus__input {
	const char *name;   /* as given: "dir/a.txt", "-" for standard input; for messages */
	const char *id;     /* default article id: the file name, relative to a folder read */
	FILE *fp;           /* NULL for a memory input */
	const char *mem;    /* memory input: the bytes, and their count */
	size_t mem_len;
	size_t size;        /* total bytes when known (files, memory), else SIZE_MAX */
	char *buf;          /* read buffer for FILE input: buf[pos .. len) not yet consumed */
	size_t pos, len, cap;
	size_t consumed;    /* bytes consumed so far (offsets in messages) */
	int eof;            /* no more bytes to read into buf */
	int err;            /* a read error happened (errno kept in err) */
};

/* Sets up an input on a FILE (not closed by the input) or on n bytes at mem. */
void chorus__input_init_file(struct chorus__input *in, const char *name, const char *id,
			     FILE *fp, size_t size);
void chorus__input_init_mem(struct chorus__input *in, const char *name, const char *id,
			    const char *mem, size_t n);
void chorus__input_release(struct chorus__input *in);

/* The next bytes, up to CHORUS__INGEST_HEAD, without consuming them: *p and *n. */
void chorus__input_peek(struct chorus__input *in, const char **p, size_t *n);

/*
 * Reads the next line (up to and including '\n', or to the end) into line (reset
 * first). A line longer than limit bytes is consumed but not kept past the limit, and
 * *too_long is set. Returns 1 for a line, 0 at the end, CHORUS_EIO on a read error.
 */
int chorus__input_getline(struct chorus__input *in, struct chorus__buf *line, size_t limit,
			  int *too_long);

/*
 * Reads everything left into a new malloc'd buffer (NUL-terminated, its length in
 * *len). Stops buffering once more than limit bytes were seen and returns
 * CHORUS_ETOOBIG (with *len the count seen so far, *out NULL). CHORUS_EIO on errors.
 */
int chorus__input_slurp(struct chorus__input *in, size_t limit, char **out, size_t *len);

/* The state of one chorus_read_*() call, shared by every reader it runs. */
struct chorus__ingest {
	struct chorus_ctx *ctx;
	size_t max_bytes;           /* article size limit */
	const char *default_source; /* may be NULL */
	const struct chorus__format *force; /* the format to use, or NULL to sniff */
	chorus_article_fn on_article;
	chorus_diag_fn on_diag;
	void *arg;
	int stop;                   /* nonzero: the value on_article returned to stop */
	size_t articles, skipped;   /* counts, for the tests and the messages */
};

/* Reports a skipped record: where ("path", "path:line") and printf-style why. */
void chorus__ingest_diag(struct chorus__ingest *st, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/*
 * Finishes article a and hands it to the user: a->text holds the raw bytes (a->text_len
 * of them, malloc'd, owned by a), where names it in messages. Rejects it (with a
 * message) when over the size limit, binary or empty; else repairs it to UTF-8
 * (setting CHORUS_ARTICLE_REPAIRED when anything was replaced), turns CRLF and CR line
 * ends into LF, fills the default outlet, and calls on_article. Releases a in every
 * case. Returns 0, or the nonzero value on_article returned (also kept in st->stop).
 */
int chorus__ingest_emit(struct chorus__ingest *st, struct chorus_article *a, const char *where);

/*
 * emit() in two steps, for readers that look at the clean text before handing it on
 * (the plain text reader splits off the headline): prepare() checks and repairs and
 * returns 0, or 1 after reporting and releasing a rejected article; deliver() fills
 * the default outlet, calls on_article, releases a, and returns as emit() does.
 */
int chorus__ingest_prepare(struct chorus__ingest *st, struct chorus_article *a, const char *where);
int chorus__ingest_deliver(struct chorus__ingest *st, struct chorus_article *a);

/*
 * Reads an input with the format chosen by st->force or by sniffing (formats.c).
 * Returns 0 (records may have been skipped), the stop value, or a negative code when
 * the input could not be read at all.
 */
int chorus__ingest_dispatch(struct chorus__ingest *st, struct chorus__input *in);

/* One input format. See formats.c for how to add one. */
struct chorus__format {
	const char *name; /* "jsonl", "text"; also the name chorus_read_options.format takes */
	/*
	 * How sure the format is that it can read an input called name whose first bytes
	 * are head[0 .. n): 0 (not this format) to 100 (certain, e.g. magic bytes). The
	 * highest score wins; ties go to the earlier entry of the table.
	 */
	int (*sniff)(const char *name, const char *head, size_t n);
	/* Reads the whole input: returns as chorus__ingest_dispatch() does. */
	int (*read)(struct chorus__ingest *st, struct chorus__input *in);
};

/* The format called name, or NULL. */
const struct chorus__format *chorus__ingest_format(const char *name);

/* True when name ends in ext (ASCII case-insensitive), ext given with its dot. */
int chorus__ingest_has_ext(const char *name, const char *ext);

/* The readers in this folder (each in its own file). */
int chorus__ingest_text_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_text_read(struct chorus__ingest *st, struct chorus__input *in);
int chorus__ingest_jsonl_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_jsonl_read(struct chorus__ingest *st, struct chorus__input *in);
int chorus__ingest_sgml_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_sgml_read(struct chorus__ingest *st, struct chorus__input *in);

/*
 * The TREC/DUC SGML parser (sgml.c) on a memory buffer s[0 .. len): calls on_doc once
 * per <DOC> that holds text, with a filled article (a->text raw, not yet repaired; the
 * callee owns it) and the line of its <DOC>, and on_problem once per DOC skipped or
 * cut short. name gives ids to DOCs without a DOCNO ("name:line"). Returns 0, or the
 * nonzero value of on_doc, which stops the parse.
 */
int chorus__sgml_parse(const char *s, size_t len, const char *name,
		       int (*on_doc)(void *arg, struct chorus_article *a, size_t line),
		       void (*on_problem)(void *arg, size_t line, const char *why), void *arg);

/*
 * Splits an optional headline off a plain text body (text.c): when the first line is
 * followed by a blank line and looks like a headline, returns it as a new string and
 * sets *body_off to where the body starts; else NULL. Exposed for the tests.
 */
char *chorus__ingest_headline(const char *text, size_t len, size_t *body_off);

#endif
