/*
 * web/web_internal.h: what the web readers share: text assembly with white space
 * collapsed and UTF-8 kept valid, dates as pages and feeds write them, and the
 * HTML-to-text reduction feeds use for their item bodies.
 */
#ifndef CHORUS_WEB_INTERNAL_H
#define CHORUS_WEB_INTERNAL_H

#include <libxml/tree.h>

#include "chorus/web.h"
#include "util/buf.h"

/* Deepest element nesting any tree walk follows; deeper content is ignored. */
#define CHORUS__WEB_MAX_DEPTH 512

/*
 * Appends the n bytes at s to b as valid UTF-8: each invalid sequence becomes U+FFFD,
 * NUL and other C0 controls except tab and newline are dropped. Returns the number
 * of replacements.
 */
size_t chorus__web_utf8_append(struct chorus__buf *b, const char *s, size_t n);

/*
 * A copy of s with runs of white space (ASCII and U+00A0) made one space, trimmed,
 * valid UTF-8; NULL when s is NULL or nothing is left. The caller frees it.
 */
char *chorus__web_clean_line(const char *s);

/*
 * Parses an ISO 8601 date ("2019-11-19", "2019-11-19T14:30:00Z", "...+05:30",
 * fractions of a second allowed) or an RFC 2822 one ("Tue, 19 Nov 2019 14:30:00
 * GMT", "+0000", "EST"). Returns 0 and the Unix time, or CHORUS_EPARSE.
 */
int chorus__web_parse_date(const char *s, chorus_time *out);

/*
 * Text of an HTML fragment (a feed item's description): parsed with the HTML parser
 * under the same limits as pages, block elements separated by "\n\n". New string,
 * possibly empty; never NULL.
 */
char *chorus__web_fragment_text(const char *html, size_t n);

/*
 * Appends the text of the subtree at node to b: white space collapsed, a paragraph
 * break ("\n\n") around block elements, scripts and styles skipped. depth is the
 * node's depth (walks stop at CHORUS__WEB_MAX_DEPTH).
 */
void chorus__web_node_text(struct chorus__buf *b, xmlNode *node, int depth);

/* Ends the paragraph b holds, if any, with "\n\n". */
void chorus__web_text_break(struct chorus__buf *b);

/* Ends b's text: trailing white space dropped. */
void chorus__web_text_finish(struct chorus__buf *b);

/*
 * Reads the WARC records in data[0 .. n), whose first byte is at offset base of the
 * archive (for ids and messages), as chorus_web_warc_read() does. With final == 0
 * more data follows: it stops before a record that is not complete yet. *used is
 * where it stopped (n when everything was read). Returns 0 or on_article's value.
 */
int chorus__web_warc_records(struct chorus_ctx *ctx, const char *data, size_t n, size_t base,
			     int final, const char *origin, size_t max_bytes,
			     chorus_web_article_fn on_article, chorus_web_diag_fn on_diag,
			     void *arg, size_t *used);

/* The size of the WARC record at data (headers and block) from its complete headers:
 * 0 and *total, or -1 when the headers are not all there or name no length. */
int chorus__web_warc_record_size(const char *data, size_t n, size_t *total);

/* True when the lowercase element name is a block element (a paragraph break). */
int chorus__web_is_block(const char *name);

#endif
