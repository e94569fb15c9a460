/*
 * web/ingest_web.c: the web formats in the readers' format table (ingest/formats.c):
 * "gzip" and "zstd" (decompressed, then sniffed again under the name without
 * .gz/.zst), "warc", "feed" and "html". Each reads its whole input into memory
 * within a cap and hands the articles to chorus__ingest_emit().
 */
#include <string.h>

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
