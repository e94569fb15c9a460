/*
 * web/ingest_web.c: the web formats in the readers' format table (ingest/formats.c):
 * "compressed" (gzip and zstd: decompressed, then sniffed again under the name
 * without .gz/.zst), "warc", "feed" and "html". Each reads its whole input into
 * memory within a cap and hands the articles to chorus__ingest_emit(); a gzipped
 * WARC archive (as crawlers publish them, of any size) is read as a stream instead,
 * one record at a time.
 */
#include <errno.h>
#include <string.h>

#include <zlib.h>

#include "ingest/ingest.h"
#include "util/alloc.h"
#include "web/ingest_web.h"
#include "web/web_internal.h"

/* How deep compressed inputs may nest (a gzip quine must end). */
#define MAX_NESTING 2
static _Thread_local int nesting;

/* An HTML page may be this many times the article limit. */
#define PAGE_FACTOR 32

struct sink {
	struct chorus__ingest *st;
};

static int sink_article(void *arg, struct chorus_article *a)
{
	struct sink *s = arg;
	char *where = chorus_xstrdup(a->origin ? a->origin : a->id);
	int rc;

	a->text_len = a->text ? strlen(a->text) : 0;
	rc = chorus__ingest_emit(s->st, a, where);
	free(where);
	/* emit() released *a; the reader releases it again, harmlessly. */
	return rc;
}

static void sink_diag(void *arg, const char *where, const char *why)
{
	struct sink *s = arg;

	chorus__ingest_diag(s->st, where, "%s", why);
}

/* Reads the whole input within limit; 0, or 1 after reporting why not. */
static int slurp(struct chorus__ingest *st, struct chorus__input *in, size_t limit, char **out,
		 size_t *len)
{
	int rc = chorus__input_slurp(in, limit, out, len);

	if (rc == CHORUS_ETOOBIG) {
		chorus__ingest_diag(st, in->name, "input is over the limit of %zu bytes; skipped",
				    limit);
		return 1;
	}
	if (rc) {
		chorus__ingest_diag(st, in->name, "read error; skipped");
		return 1;
	}
	return 0;
}

static int kind_score(const char *head, size_t n, enum chorus_web_kind want, int score)
{
	return chorus_web_sniff(head, n) == want ? score : 0;
}

int chorus__ingest_compressed_sniff(const char *name, const char *head, size_t n)
{
	(void)name;
	return kind_score(head, n, CHORUS_WEB_GZIP, 100) + kind_score(head, n, CHORUS_WEB_ZSTD, 100);
}

/* Whether gzip data starts a WARC archive: its first bytes, inflated, say so. */
static int gzip_holds_warc(const char *head, size_t n)
{
	z_stream z;
	char out[16];
	int zr;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)head;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out;
	z.avail_out = sizeof(out);
	zr = inflate(&z, Z_NO_FLUSH);
	inflateEnd(&z);
	return (zr == Z_OK || zr == Z_STREAM_END) && sizeof(out) - z.avail_out >= 8 &&
	       chorus_web_sniff(out, sizeof(out) - z.avail_out) == CHORUS_WEB_WARC;
}

/* Bytes of compressed input a WARC stream reads at a time. */
#define PIECE ((size_t)1 << 16)

/* Bytes of a record a WARC stream holds at most while it waits for the record's end:
 * more than the largest page read (32 x the 4 MiB article limit). Larger records are
 * passed over as they are inflated. */
#define WARC_RECORD_MAX ((size_t)160 << 20)

/*
 * Reads up to cap bytes of the input into dst, after what its look-ahead window holds
 * (the window is buf[pos .. len) for a stream, mem[pos .. mem_len) for memory; see
 * ingest/ingest.h). Returns the count, 0 at the end or on a read error (in->err set).
 */
static size_t raw_read(struct chorus__input *in, char *dst, size_t cap)
{
	size_t n;

	if (!in->fp) {
		n = in->mem_len - in->pos < cap ? in->mem_len - in->pos : cap;
		memcpy(dst, in->mem + in->pos, n);
	} else if (in->pos < in->len) {
		n = in->len - in->pos < cap ? in->len - in->pos : cap;
		memcpy(dst, in->buf + in->pos, n);
	} else {
		if (in->eof)
			return 0;
		n = fread(dst, 1, cap, in->fp);
		if (n < cap) {
			in->eof = 1;
			if (ferror(in->fp))
				in->err = EIO;
		}
		in->consumed += n;
		return n;
	}
	in->pos += n;
	in->consumed += n;
	return n;
}

struct warc_stream {
	struct chorus__ingest *st;
	struct chorus__input *in;
	struct sink sink;
	struct chorus__buf pending; /* inflated bytes not read yet */
	size_t base;                /* archive offset of pending's first byte */
	size_t skip;                /* bytes of an oversized record still to pass over */
	int rc;                     /* the stop value */
};

/* Passes over what is left of an oversized record in pending. */
static void skip_pending(struct warc_stream *ws)
{
	size_t k = ws->skip < ws->pending.len ? ws->skip : ws->pending.len;

	memmove(ws->pending.ptr, ws->pending.ptr + k, ws->pending.len - k);
	chorus__buf_setlen(&ws->pending, ws->pending.len - k);
	ws->skip -= k;
	ws->base += k;
}

/* Reads the complete records pending; 1 when reading must stop. */
static int drain(struct warc_stream *ws, int final)
{
	size_t used, total;

	if (ws->skip)
		skip_pending(ws);
	if (ws->skip)
		return 0;
	ws->rc = chorus__web_warc_records(ws->st->ctx, ws->pending.ptr, ws->pending.len, ws->base,
					  final, ws->in->id, ws->st->max_bytes, sink_article,
					  sink_diag, &ws->sink, &used);
	memmove(ws->pending.ptr, ws->pending.ptr + used, ws->pending.len - used);
	chorus__buf_setlen(&ws->pending, ws->pending.len - used);
	ws->base += used;
	if (ws->rc)
		return 1;
	if (ws->pending.len > WARC_RECORD_MAX) {
		/* No page is that large: pass over the record without keeping it. */
		if (chorus__web_warc_record_size(ws->pending.ptr, ws->pending.len, &total)) {
			chorus__ingest_diag(ws->st, ws->in->name,
					    "no WARC record ends within %zu bytes of byte %zu; stopped",
					    WARC_RECORD_MAX, ws->base);
			return 1;
		}
		chorus__ingest_diag(ws->st, ws->in->name,
				    "WARC record at byte %zu is over %zu bytes; skipped", ws->base,
				    WARC_RECORD_MAX);
		ws->skip = total;
		skip_pending(ws);
	}
	return 0;
}

/*
 * Reads a gzipped WARC archive as a stream: the input is inflated piece by piece
 * (member after member), and complete records are read as soon as they are there, so
 * memory stays at about one record whatever the size of the archive.
 */
static int warc_gz_stream(struct chorus__ingest *st, struct chorus__input *in)
{
	struct warc_stream ws;
	char *piece = chorus_xmalloc(PIECE);
	size_t in_off = 0, got;
	z_stream z;
	int zr = Z_OK;

	memset(&ws, 0, sizeof(ws));
	ws.st = st;
	ws.in = in;
	ws.sink.st = st;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		chorus__ingest_diag(st, in->name, "cannot start the gzip decompressor");
		return 0;
	}
	while ((got = raw_read(in, piece, PIECE)) > 0) {
		z.next_in = (Bytef *)piece;
		z.avail_in = (uInt)got;
		while (z.avail_in) {
			size_t room;

			chorus__buf_grow(&ws.pending, 65536);
			room = ws.pending.cap - ws.pending.len - 1;
			if (room > ((size_t)1 << 20))
				room = (size_t)1 << 20;
			z.next_out = (Bytef *)(ws.pending.ptr + ws.pending.len);
			z.avail_out = (uInt)room;
			zr = inflate(&z, Z_NO_FLUSH);
			ws.pending.len += room - z.avail_out;
			ws.pending.ptr[ws.pending.len] = '\0';
			if (zr != Z_OK && zr != Z_BUF_ERROR && zr != Z_STREAM_END) {
				chorus__ingest_diag(st, in->name, "gzip: corrupt data at byte %zu: %s; stopped",
						    in_off + (got - z.avail_in),
						    z.msg ? z.msg : "inflate failed");
				goto out;
			}
			if (zr == Z_STREAM_END)
				inflateReset(&z); /* the next member, if any */
			/* Read records as they complete, so that memory stays bounded. */
			if (ws.pending.len >= ((size_t)4 << 20) && drain(&ws, 0))
				goto out;
		}
		in_off += got;
		if (drain(&ws, 0))
			goto out;
	}
	if (in->err)
		chorus__ingest_diag(st, in->name, "read error at byte %zu; stopped", in_off);
	else if (zr != Z_STREAM_END && in_off)
		chorus__ingest_diag(st, in->name,
				    "gzip: truncated data (ends at byte %zu inside a member)", in_off);
	if (ws.pending.len)
		drain(&ws, 1);
out:
	inflateEnd(&z);
	free(piece);
	chorus__buf_release(&ws.pending);
	return ws.rc;
}

int chorus__ingest_compressed_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct chorus__input inner;
	char *data = NULL, *out = NULL, *name;
	size_t len, out_len, nl;
	int rc = 0;

	if (nesting >= MAX_NESTING) {
		chorus__ingest_diag(st, in->name, "compressed data nested more than %d deep; skipped",
				    MAX_NESTING);
		return 0;
	}
	chorus__input_peek(in, (const char **)&data, &len);
	if (chorus_web_sniff(data, len) == CHORUS_WEB_GZIP && gzip_holds_warc(data, len))
		return warc_gz_stream(st, in);
	if (slurp(st, in, CHORUS_WEB_DEFAULT_MAX_INFLATE, &data, &len))
		return 0;
	if (chorus_web_decompress(st->ctx, data, len, CHORUS_WEB_DEFAULT_MAX_INFLATE, &out,
				  &out_len)) {
		chorus__ingest_diag(st, in->name, "%s", chorus_errmsg(st->ctx));
		free(data);
		return 0;
	}
	free(data);
	name = chorus_xstrdup(in->name);
	nl = strlen(name);
	if (chorus__ingest_has_ext(name, ".gz"))
		name[nl - 3] = '\0';
	else if (chorus__ingest_has_ext(name, ".zst"))
		name[nl - 4] = '\0';
	chorus__input_init_mem(&inner, name, in->id, out, out_len);
	nesting++;
	rc = chorus__ingest_dispatch(st, &inner);
	nesting--;
	chorus__input_release(&inner);
	free(name);
	free(out);
	return rc;
}

int chorus__ingest_warc_sniff(const char *name, const char *head, size_t n)
{
	(void)name;
	return kind_score(head, n, CHORUS_WEB_WARC, 100);
}

int chorus__ingest_warc_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct sink s = { st };
	char *data;
	size_t len;
	int rc;

	if (slurp(st, in, CHORUS_WEB_DEFAULT_MAX_INFLATE, &data, &len))
		return 0;
	rc = chorus_web_warc_read(st->ctx, data, len, in->id, st->max_bytes, sink_article,
				  sink_diag, &s);
	free(data);
	if (rc < 0) {
		chorus__ingest_diag(st, in->name, "%s", chorus_errmsg(st->ctx));
		rc = 0;
	}
	return rc;
}

int chorus__ingest_feed_sniff(const char *name, const char *head, size_t n)
{
	(void)name;
	return kind_score(head, n, CHORUS_WEB_FEED, 95);
}

int chorus__ingest_feed_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct sink s = { st };
	char *data;
	size_t len;
	int rc;

	if (slurp(st, in, st->max_bytes * PAGE_FACTOR, &data, &len))
		return 0;
	rc = chorus_web_feed_read(st->ctx, data, len, in->id, st->max_bytes, sink_article,
				  sink_diag, &s);
	free(data);
	if (rc < 0) {
		chorus__ingest_diag(st, in->name, "%s", chorus_errmsg(st->ctx));
		rc = 0;
	}
	return rc;
}

int chorus__ingest_html_sniff(const char *name, const char *head, size_t n)
{
	if (chorus_web_sniff(head, n) == CHORUS_WEB_HTML)
		return 90;
	if (chorus__ingest_has_ext(name, ".html") || chorus__ingest_has_ext(name, ".htm") ||
	    chorus__ingest_has_ext(name, ".xhtml"))
		return 60;
	return 0;
}

int chorus__ingest_html_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct chorus_article a;
	char *data;
	size_t len;
	int rc;

	if (slurp(st, in, st->max_bytes * PAGE_FACTOR, &data, &len))
		return 0;
	chorus_article_init(&a);
	rc = chorus_web_html_read(st->ctx, data, len, NULL, NULL, st->max_bytes, &a);
	free(data);
	if (rc) {
		chorus__ingest_diag(st, in->name, "%s", chorus_errmsg(st->ctx));
		chorus_article_release(&a);
		return 0;
	}
	a.id = chorus_xstrdup(in->id);
	a.origin = chorus_xstrdup(in->name);
	return chorus__ingest_emit(st, &a, in->name);
}
