/*
 * web/inflate.c: what kind of web input a buffer holds (sniffing), and gzip/zstd
 * decompression with a cap on the output, so that a decompression bomb costs at
 * most the cap in memory and ends with an error.
 */
#include <ctype.h>
#include <string.h>

#include <zlib.h>
#include <zstd.h>

#include "util/alloc.h"
#include "web/web_internal.h"

static int starts_ci(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(end - p) < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)p[i]) != word[i])
			return 0;
	return 1;
}

enum chorus_web_kind chorus_web_sniff(const char *data, size_t n)
{
	const char *p = data, *end = data + n;
	int hops = 0;

	if (n >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b)
		return CHORUS_WEB_GZIP;
	if (n >= 4 && !memcmp(data, "\x28\xb5\x2f\xfd", 4))
		return CHORUS_WEB_ZSTD;
	if (n >= 8 && (!memcmp(data, "WARC/1.0", 8) || !memcmp(data, "WARC/1.1", 8)))
		return CHORUS_WEB_WARC;
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	/* Skip white space, the XML declaration, comments and processing instructions;
	 * decide on the first element's name. */
	while (p < end && hops < 64) {
		hops++;
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end || *p != '<')
			return CHORUS_WEB_UNKNOWN;
		if (starts_ci(p, end, "<?") || starts_ci(p, end, "<!--")) {
			const char *close = starts_ci(p, end, "<?") ? "?>" : "-->";
			const char *q = p + 2;

			while (q < end && !starts_ci(q, end, close))
				q++;
			if (q >= end)
				return CHORUS_WEB_UNKNOWN;
			p = q + strlen(close);
			continue;
		}
		if (starts_ci(p, end, "<!doctype html"))
			return CHORUS_WEB_HTML;
		if (starts_ci(p, end, "<rss") || starts_ci(p, end, "<feed") ||
		    starts_ci(p, end, "<rdf:rdf"))
			return CHORUS_WEB_FEED;
		if (starts_ci(p, end, "<html") || starts_ci(p, end, "<head") ||
		    starts_ci(p, end, "<body") || starts_ci(p, end, "<meta") ||
		    starts_ci(p, end, "<title") || starts_ci(p, end, "<!doctype"))
			return CHORUS_WEB_HTML;
		return CHORUS_WEB_UNKNOWN;
	}
	return CHORUS_WEB_UNKNOWN;
}

static int inflate_gzip(struct chorus_ctx *ctx, const char *data, size_t n, size_t max_out,
			struct chorus__buf *b)
{
	const size_t chunk_max = (size_t)1 << 30;
	z_stream z;
	size_t pos = 0; /* input bytes handed to zlib so far */
	int zr, ret = CHORUS_EPARSE;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return chorus_error(ctx, CHORUS_EPARSE, "gzip: cannot start the decompressor");
	for (;;) {
		size_t room;

		if (!z.avail_in && pos < n) {
			size_t chunk = n - pos > chunk_max ? chunk_max : n - pos;

			z.next_in = (Bytef *)(uintptr_t)(data + pos);
			z.avail_in = (uInt)chunk;
			pos += chunk;
		}
		chorus__buf_grow(b, 65536);
		room = b->cap - b->len - 1;
		if (room > chunk_max)
			room = chunk_max;
		z.next_out = (Bytef *)(b->ptr + b->len);
		z.avail_out = (uInt)room;
		zr = inflate(&z, Z_NO_FLUSH);
		b->len += room - z.avail_out;
		b->ptr[b->len] = '\0';
		if (b->len > max_out) {
			ret = chorus_error(ctx, CHORUS_ETOOBIG,
					   "gzip: decompressed data passes the limit of %zu bytes (at input byte %zu)",
					   max_out, pos - z.avail_in);
			goto out;
		}
		if (zr == Z_STREAM_END) {
			size_t used = pos - z.avail_in;

			/* Another member may follow; trailing zero padding is allowed. */
			while (used < n && data[used] == '\0')
				used++;
			if (used >= n)
				break;
			if (n - used < 2 || (unsigned char)data[used] != 0x1f ||
			    (unsigned char)data[used + 1] != 0x8b) {
				ret = chorus_error(ctx, CHORUS_EPARSE,
						   "gzip: unexpected bytes after a member at byte %zu", used);
				goto out;
			}
			inflateReset(&z);
			z.avail_in = 0;
			pos = used;
			continue;
		}
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			ret = chorus_error(ctx, CHORUS_EPARSE, "gzip: corrupt data at byte %zu: %s",
					   pos - z.avail_in, z.msg ? z.msg : "inflate failed");
			goto out;
		}
		if (!z.avail_in && pos >= n && z.avail_out) {
			ret = chorus_error(ctx, CHORUS_EPARSE,
					   "gzip: truncated data (ends at byte %zu inside a member)", n);
			goto out;
		}
	}
	ret = 0;
out:
	inflateEnd(&z);
	return ret;
}

static int inflate_zstd(struct chorus_ctx *ctx, const char *data, size_t n, size_t max_out,
			struct chorus__buf *b)
{
	ZSTD_DStream *zs = ZSTD_createDStream();
	ZSTD_inBuffer in = { data, n, 0 };
	size_t zr = 1;
	int ret = CHORUS_EPARSE;

	if (!zs)
		return chorus_error(ctx, CHORUS_EPARSE, "zstd: cannot start the decompressor");
	ZSTD_initDStream(zs);
	/* Refuse frames that need a window larger than 128 MiB. */
	ZSTD_DCtx_setParameter(zs, ZSTD_d_windowLogMax, 27);
	while (in.pos < in.size) {
		ZSTD_outBuffer o;

		chorus__buf_grow(b, 65536);
		o.dst = b->ptr + b->len;
		o.size = b->cap - b->len - 1;
		o.pos = 0;
		zr = ZSTD_decompressStream(zs, &o, &in);
		if (ZSTD_isError(zr)) {
			ret = chorus_error(ctx, CHORUS_EPARSE, "zstd: corrupt data at byte %zu: %s",
					   in.pos, ZSTD_getErrorName(zr));
			goto out;
		}
		b->len += o.pos;
		b->ptr[b->len] = '\0';
		if (b->len > max_out) {
			ret = chorus_error(ctx, CHORUS_ETOOBIG,
					   "zstd: decompressed data passes the limit of %zu bytes (at input byte %zu)",
					   max_out, in.pos);
			goto out;
		}
	}
	/* Flush what the decoder still holds. */
	while (zr != 0) {
		ZSTD_outBuffer o;

		chorus__buf_grow(b, 65536);
		o.dst = b->ptr + b->len;
		o.size = b->cap - b->len - 1;
		o.pos = 0;
		zr = ZSTD_decompressStream(zs, &o, &in);
		if (ZSTD_isError(zr)) {
			ret = chorus_error(ctx, CHORUS_EPARSE, "zstd: corrupt data at byte %zu: %s",
					   in.pos, ZSTD_getErrorName(zr));
			goto out;
		}
		b->len += o.pos;
		b->ptr[b->len] = '\0';
		if (b->len > max_out) {
			ret = chorus_error(ctx, CHORUS_ETOOBIG,
					   "zstd: decompressed data passes the limit of %zu bytes",
					   max_out);
			goto out;
		}
		if (!o.pos && zr) {
			ret = chorus_error(ctx, CHORUS_EPARSE,
					   "zstd: truncated data (ends at byte %zu inside a frame)", n);
			goto out;
		}
	}
	ret = 0;
out:
	ZSTD_freeDStream(zs);
	return ret;
}

int chorus_web_decompress(struct chorus_ctx *ctx, const char *data, size_t n, size_t max_out,
			  char **out, size_t *out_len)
{
	struct chorus__buf b = { 0 };
	enum chorus_web_kind kind = chorus_web_sniff(data, n);
	int ret;

	*out = NULL;
	*out_len = 0;
	if (!max_out)
		max_out = CHORUS_WEB_DEFAULT_MAX_INFLATE;
	if (kind == CHORUS_WEB_GZIP)
		ret = inflate_gzip(ctx, data, n, max_out, &b);
	else if (kind == CHORUS_WEB_ZSTD)
		ret = inflate_zstd(ctx, data, n, max_out, &b);
	else
		return chorus_error(ctx, CHORUS_EINVAL, "data is neither gzip nor zstd");
	if (ret) {
		chorus__buf_release(&b);
		return ret;
	}
	*out = chorus__buf_detach(&b, out_len);
	return 0;
}
