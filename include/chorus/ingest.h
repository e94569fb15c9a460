/*
 * chorus/ingest.h: readers that turn files, folders and streams into article records.
 *
 * A reader calls back once per article, in input order, and once per problem it
 * skips over (a broken JSONL line, a binary file), so that one bad record never stops
 * the rest. Formats: plain text (.txt and anything that sniffs as text), JSONL
 * (.jsonl, .ndjson, or a first byte of '{'), folders (recursive, sorted by name), and
 * "-" for standard input.
 */
#ifndef CHORUS_INGEST_H
#define CHORUS_INGEST_H

#include "chorus/article.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CHORUS_DEFAULT_MAX_ARTICLE_BYTES ((size_t)4 << 20)

struct chorus_read_options {
	size_t max_article_bytes;   /* larger articles are rejected; 0 means the default 4 MiB */
	const char *default_source; /* outlet for articles whose input names none; may be NULL */
	const char *format;         /* "jsonl", "text", ...: read every input as this; NULL
				       (the default) picks the format by name and content */
};

/*
 * Called for each article. The callee may take fields it wants to keep (setting them
 * to NULL in *a); the reader releases the rest after the call. A nonzero return stops
 * reading, and chorus_read_path() returns that value.
 */
typedef int (*chorus_article_fn)(void *arg, struct chorus_article *a);

/*
 * Called for each problem that is skipped: where is "path" or "path:line" (or
 * "path:line:column" where known), why is one line of plain English. Both are borrowed.
 */
typedef void (*chorus_diag_fn)(void *arg, const char *where, const char *why);

/*
 * Reads path (a file, a folder, or "-" for standard input) and calls on_article for
 * every article in it. opt may be NULL for the defaults; on_diag may be NULL.
 * Plain text: the whole file is one article, id = the file name (for a file found in
 * a folder: its path relative to that folder), with a headline when the first line
 * looks like one and is followed by a blank line. JSONL: one article per line, id =
 * the "id" field or "<file name>:<line>". Every text is repaired to valid UTF-8
 * (CHORUS_ARTICLE_REPAIRED) with LF line ends; empty, binary and oversize articles
 * are skipped with a message. See docs/input.md.
 * Returns 0 when the input was read (even if some records were skipped), a negative
 * CHORUS_E* code when it could not be read at all (no such file: CHORUS_ENOTFOUND),
 * or the nonzero value on_article returned to stop.
 */
int chorus_read_path(struct chorus_ctx *ctx, const char *path,
		     const struct chorus_read_options *opt,
		     chorus_article_fn on_article, chorus_diag_fn on_diag, void *arg);

/*
 * Reads the n bytes at data as one input called name (used in messages, and as the
 * article id of a plain text input; "stdin" when NULL), with the format picked as for
 * a file of that name. Returns as chorus_read_path() does; CHORUS_EINVAL for an
 * unknown opt->format.
 */
int chorus_read_buffer(struct chorus_ctx *ctx, const char *name, const char *data, size_t n,
		       const struct chorus_read_options *opt,
		       chorus_article_fn on_article, chorus_diag_fn on_diag, void *arg);

/*
 * Parses a publication date in ISO 8601 ("2022-02-21", "2022-02-21T18:30:00Z",
 * "2022-02-21T18:30:00+03:00") or RFC 2822 ("Mon, 21 Feb 2022 18:30:00 GMT") form.
 * Returns 0 and the time in *out, or CHORUS_EPARSE.
 */
int chorus_parse_date(const char *s, chorus_time *out);

#ifdef __cplusplus
}
#endif
#endif
