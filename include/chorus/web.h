/*
 * chorus/web.h: web input. Turns what crawlers and browsers save into article
 * records: HTML pages (main text found by content scoring, metadata from the page),
 * RSS 2.0 and Atom feeds (one article per item), WARC 1.0/1.1 archives (one article
 * per HTML response record), and gzip or zstd compressed copies of any of them.
 *
 * Every function works on a memory buffer, so that the readers in ingest.h can
 * hand it whatever they read from a file, a folder or standard input. Every string
 * put in an article record is valid UTF-8 (libxml2 converts the page's character
 * set; whatever is left invalid is replaced by U+FFFD).
 *
 * Limits: the HTML parser never fetches anything (no network, no external
 * entities); decompression stops at a size cap; tree walks stop at a depth cap.
 * Input beyond a limit fails with CHORUS_ETOOBIG and a message, never a crash.
 */
#ifndef CHORUS_WEB_H
#define CHORUS_WEB_H

#include "chorus/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a buffer looks like, from its first bytes (chorus_web_sniff). */
enum chorus_web_kind {
	CHORUS_WEB_UNKNOWN = 0,
	CHORUS_WEB_HTML,  /* <!DOCTYPE html>, <html>, <head>, <body>, ... */
	CHORUS_WEB_FEED,  /* <rss>, <feed> (Atom), <rdf:RDF> */
	CHORUS_WEB_WARC,  /* "WARC/1.0" or "WARC/1.1" */
	CHORUS_WEB_GZIP,  /* 1f 8b */
	CHORUS_WEB_ZSTD   /* 28 b5 2f fd */
};

/* Default cap on decompressed output: 1 GiB of compressed-looking input never
 * becomes more than this much memory. */
#define CHORUS_WEB_DEFAULT_MAX_INFLATE ((size_t)256 << 20)

/*
 * Looks at the first bytes of data (skipping a byte order mark and white space) and
 * says which kind of input it is. Never fails; CHORUS_WEB_UNKNOWN when unsure.
 */
enum chorus_web_kind chorus_web_sniff(const char *data, size_t n);

/*
 * Decompresses gzip (one or more members) or zstd (one or more frames) data, found
 * by its magic bytes, into a new malloc'd NUL-terminated buffer (*out, length in
 * *out_len). max_out caps the output (0: CHORUS_WEB_DEFAULT_MAX_INFLATE). Returns 0,
 * CHORUS_ETOOBIG when the output would pass the cap, CHORUS_EPARSE for corrupt or
 * truncated data, CHORUS_EINVAL when data is neither format; the message on ctx
 * names the byte offset. Nothing is returned in *out on failure.
 */
int chorus_web_decompress(struct chorus_ctx *ctx, const char *data, size_t n, size_t max_out,
			  char **out, size_t *out_len);

/*
 * Reads one HTML page into *a (which must be initialized; its fields are replaced):
 * a->text is the main text (paragraphs separated by "\n\n"), a->title, a->author,
 * a->published, a->source (outlet), a->url (canonical URL, else url_hint), a->lang.
 * url_hint (may be NULL) is where the page came from (a WARC target URI); charset
 * (may be NULL) is the character set declared outside the page (an HTTP
 * Content-Type header); without it the page's own declaration is used, else UTF-8
 * when the bytes are valid UTF-8, else Windows-1252. a->id is left as it was.
 * Returns 0, CHORUS_EEMPTY when no main text was found, CHORUS_EPARSE when the page
 * cannot be parsed at all, CHORUS_ETOOBIG beyond max_bytes (0: 4 MiB of text).
 */
int chorus_web_html_read(struct chorus_ctx *ctx, const char *html, size_t n, const char *url_hint,
			 const char *charset, size_t max_bytes, struct chorus_article *a);

/*
 * Called once per article a feed or an archive holds. The callee may take fields of
 * *a (setting them to NULL); the reader releases the rest. A nonzero return stops
 * the reader, which returns that value.
 */
typedef int (*chorus_web_article_fn)(void *arg, struct chorus_article *a);
/* Called once per record or item skipped: where ("feed.xml: item 3", "a.warc:
 * record at byte 1234") and why. Both borrowed. */
typedef void (*chorus_web_diag_fn)(void *arg, const char *where, const char *why);

/*
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Each item becomes an article: text
 * is the full content (content:encoded, Atom content) when present, else the
 * summary (description, Atom summary), with HTML markup reduced to text; url is the
 * item's link, published its date, title and author as given, source the feed's
 * title. Ids are "<origin>#<n>" (n from 1). origin names the input in messages
 * and ids. Returns 0 (items without text are skipped through on_diag), CHORUS_EPARSE
 * when the data is not a feed, or on_article's nonzero value.
 */
int chorus_web_feed_read(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			 size_t max_bytes, chorus_web_article_fn on_article,
			 chorus_web_diag_fn on_diag, void *arg);

/*
 * Reads a WARC 1.0/1.1 archive (already decompressed; see chorus_web_read_any for
 * .warc.gz). Every "response" record whose HTTP payload is HTML becomes an article
 * read by chorus_web_html_read, with url = WARC-Target-URI when the page names no
 * canonical URL, published = WARC-Date when the page gives no date, and id
 * "<origin>#<byte offset of the record>". Records that are not HTML responses are
 * passed over silently; broken records are reported through on_diag and reading
 * goes on at the next "WARC/" header when one can be found. Returns 0,
 * CHORUS_EPARSE when the data does not start with a WARC record, or on_article's
 * nonzero value.
 */
int chorus_web_warc_read(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			 size_t max_bytes, chorus_web_article_fn on_article,
			 chorus_web_diag_fn on_diag, void *arg);

/*
 * Reads any web input: decompresses gzip/zstd (capped at max_inflate, 0 for the
 * default; nested at most twice), then reads the result as a WARC archive, a feed or
 * an HTML page by its content. One HTML page gives one article with id = origin.
 * Returns as the reader chosen does, or CHORUS_EUNSUPPORTED when the content is none
 * of them.
 */
int chorus_web_read_any(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			size_t max_bytes, size_t max_inflate, chorus_web_article_fn on_article,
			chorus_web_diag_fn on_diag, void *arg);

/*
 * The article extraction benchmark's score for one page (Scrapinghub's
 * article-extraction-benchmark, evaluate.py): both texts are split into tokens
 * (maximal runs of Unicode letters, digits and '_'), tokens into shingles of 4
 * consecutive tokens (a text of fewer than 4 tokens is one shingle), and shingles
 * are matched as multisets. *tp, *fp, *fn are the matched, extra and missed shingle
 * counts divided by their sum (all 0 when both texts are empty).
 */
void chorus_web_shingle_score(const char *truth, const char *pred, double *tp, double *fp,
			      double *fn);

#ifdef __cplusplus
}
#endif
#endif
