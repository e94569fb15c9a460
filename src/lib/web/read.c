/*
 * web/read.c: any web input in memory: decompression (gzip, zstd, nested at most
 * twice) and the choice between a WARC archive, a feed and an HTML page.
 */
#include <string.h>

#include "util/alloc.h"
#include "web/web_internal.h"

#define MAX_NESTING 2

static int read_level(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
		      size_t max_bytes, size_t max_inflate, chorus_web_article_fn on_article,
		      chorus_web_diag_fn on_diag, void *arg, int level)
{
	enum chorus_web_kind kind = chorus_web_sniff(data, n);
	struct chorus_article a;
	char *out;
	size_t out_len;
	int ret;

	switch (kind) {
	case CHORUS_WEB_GZIP:
	case CHORUS_WEB_ZSTD:
		if (level >= MAX_NESTING)
			return chorus_error(ctx, CHORUS_EPARSE,
					    "%s: compressed data nested more than %d deep", origin,
					    MAX_NESTING);
		ret = chorus_web_decompress(ctx, data, n, max_inflate, &out, &out_len);
		if (ret)
			return ret;
		ret = read_level(ctx, out, out_len, origin, max_bytes, max_inflate, on_article,
				 on_diag, arg, level + 1);
		free(out);
		return ret;
	case CHORUS_WEB_WARC:
		return chorus_web_warc_read(ctx, data, n, origin, max_bytes, on_article, on_diag,
					    arg);
	case CHORUS_WEB_FEED:
		return chorus_web_feed_read(ctx, data, n, origin, max_bytes, on_article, on_diag,
					    arg);
	case CHORUS_WEB_HTML:
		chorus_article_init(&a);
		ret = chorus_web_html_read(ctx, data, n, NULL, NULL, max_bytes, &a);
		if (!ret) {
			a.id = chorus_xstrdup(origin);
			a.origin = chorus_xstrdup(origin);
			ret = on_article(arg, &a);
		}
		chorus_article_release(&a);
		return ret;
	default:
		return chorus_error(ctx, CHORUS_EUNSUPPORTED,
				    "%s: not HTML, a feed, a WARC archive, gzip or zstd", origin);
	}
}

int chorus_web_read_any(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			size_t max_bytes, size_t max_inflate, chorus_web_article_fn on_article,
			chorus_web_diag_fn on_diag, void *arg)
{
	return read_level(ctx, data, n, origin ? origin : "input", max_bytes, max_inflate,
			  on_article, on_diag, arg, 0);
}
