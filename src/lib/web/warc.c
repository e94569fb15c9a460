/*
 * web/warc.c: WARC 1.0/1.1 archives (ISO 28500) to article records. Each "response"
 * record carrying an HTTP response with an HTML body is read as a page; other
 * records (request, metadata, warcinfo, revisit, non-HTML responses) are passed
 * over. The HTTP body is un-chunked and, when the server compressed it, inflated
 * under the same cap as any other input.
 */
#include <ctype.h>
#include <string.h>

#include "util/alloc.h"
#include "web/web_internal.h"

struct warc {
	struct chorus_ctx *ctx;
	const char *origin;
	size_t max_bytes;
	chorus_web_article_fn on_article;
	chorus_web_diag_fn on_diag;
	void *arg;
	size_t base; /* offset of the buffer's first byte in the archive */
};

static void diag(struct warc *w, size_t off, const char *why)
{
	struct chorus__buf b = { 0 };

	if (!w->on_diag)
		return;
	chorus__buf_addf(&b, "%s: record at byte %zu", w->origin, w->base + off);
	w->on_diag(w->arg, chorus__buf_str(&b), why);
	chorus__buf_release(&b);
}

/* The end of the header block that starts at p: the offset just past the blank line
 * ("\r\n\r\n" or "\n\n"), or 0 when there is none. */
static size_t header_end(const char *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] != '\n')
			continue;
		if (p[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && p[i + 1] == '\r' && p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* The value of header `name` in the block p[0 .. n) as a new trimmed string, or NULL. */
static char *header(const char *p, size_t n, const char *name)
{
	size_t len = strlen(name), i = 0;

	while (i < n) {
		const char *line = p + i, *nl = memchr(line, '\n', n - i);
		size_t ll = nl ? (size_t)(nl - line) : n - i;

		if (ll > len && !strncasecmp(line, name, len) && line[len] == ':') {
			const char *v = line + len + 1, *e = line + ll;

			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
				e--;
			return chorus_xstrndup(v, (size_t)(e - v));
		}
		i += ll + 1;
	}
	return NULL;
}

/* The first place needle (lowercase ASCII) occurs in s, ignoring case, or NULL. */
static const char *ci_find(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	for (; *s; s++)
		if (!strncasecmp(s, needle, n))
			return s;
	return NULL;
}

/* The charset parameter of a Content-Type value into buf, or NULL. */
static const char *charset_of(const char *ctype, char *buf, size_t size)
{
	const char *p = ctype ? ci_find(ctype, "charset=") : NULL;
	size_t k = 0;

	if (!p)
		return NULL;
	p += 8;
	if (*p == '"' || *p == '\'')
		p++;
	while (*p && k + 1 < size && (isalnum((unsigned char)*p) || *p == '-' || *p == '_' ||
				      *p == '.' || *p == ':'))
		buf[k++] = *p++;
	buf[k] = '\0';
	return k ? buf : NULL;
}

/* Decodes a chunked HTTP body into b; 0, or -1 when the chunks are broken (b then
 * holds what was decoded). */
static int unchunk(const char *p, size_t n, struct chorus__buf *b)
{
	size_t i = 0;

	while (i < n) {
		size_t size = 0, digits = 0;

		while (i < n && isxdigit((unsigned char)p[i])) {
			int c = tolower((unsigned char)p[i]);

			if (size > (SIZE_MAX >> 4))
				return -1;
			size = size * 16 + (size_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
			i++;
			digits++;
		}
		if (!digits)
			return -1;
		while (i < n && p[i] != '\n')
			i++;
		i++;
		if (size == 0)
			return 0;
		if (i > n || size > n - i)
			return -1;
		chorus__buf_add(b, p + i, size);
		i += size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
	}
	return -1;
}

/* Reads one response record's HTTP message. Returns 0 or on_article's value. */
static int read_response(struct warc *w, size_t off, const char *block, size_t n,
			 const char *uri, const char *date)
{
	size_t he = header_end(block, n);
	char *ctype = NULL, *te = NULL, *ce = NULL, *inflated = NULL;
	struct chorus__buf chunks = { 0 };
	struct chorus_article a;
	const char *body;
	size_t body_len, inflated_len;
	char csbuf[64], idbuf[32];
	int ret = 0, rc;

	if (n < 5 || strncmp(block, "HTTP/", 5))
		return 0; /* not an HTTP response (dns:, ftp:): nothing to read */
	if (!he) {
		diag(w, off, "HTTP headers do not end; skipped");
		return 0;
	}
	ctype = header(block, he, "Content-Type");
	if (!ctype || (!ci_find(ctype, "html") && !ci_find(ctype, "xhtml")))
		goto out;
	body = block + he;
	body_len = n - he;
	te = header(block, he, "Transfer-Encoding");
	if (te && ci_find(te, "chunked")) {
		if (unchunk(body, body_len, &chunks))
			diag(w, off, "broken chunked encoding; read what was complete");
		body = chorus__buf_str(&chunks);
		body_len = chunks.len;
	}
	ce = header(block, he, "Content-Encoding");
	if (ce && (ci_find(ce, "gzip") || ci_find(ce, "zstd")) &&
	    chorus_web_sniff(body, body_len) != CHORUS_WEB_HTML) {
		if (chorus_web_decompress(w->ctx, body, body_len, w->max_bytes * 32, &inflated,
					  &inflated_len)) {
			diag(w, off, chorus_errmsg(w->ctx));
			goto out;
		}
		body = inflated;
		body_len = inflated_len;
	}
	chorus_article_init(&a);
	rc = chorus_web_html_read(w->ctx, body, body_len, uri,
				  charset_of(ctype, csbuf, sizeof(csbuf)), w->max_bytes, &a);
	if (rc) {
		diag(w, off, chorus_errmsg(w->ctx));
		chorus_article_release(&a);
		goto out;
	}
	if (a.published == CHORUS_TIME_UNKNOWN && date)
		chorus__web_parse_date(date, &a.published);
	{
		struct chorus__buf id = { 0 };
		size_t len;

		snprintf(idbuf, sizeof(idbuf), "%zu", w->base + off);
		chorus__buf_addf(&id, "%s#%s", w->origin, idbuf);
		a.id = chorus__buf_detach(&id, &len);
		a.origin = chorus_xstrdup(a.id);
	}
	ret = w->on_article(w->arg, &a);
	chorus_article_release(&a);
out:
	free(ctype);
	free(te);
	free(ce);
	free(inflated);
	chorus__buf_release(&chunks);
	return ret;
}

/* The offset of the next "WARC/1." at a line start after from, or n. */
static size_t resync(const char *data, size_t n, size_t from)
{
	for (size_t i = from; i + 7 <= n; i++)
		if (!memcmp(data + i, "WARC/1.", 7) && (i == 0 || data[i - 1] == '\n'))
			return i;
	return n;
}

/* Headers longer than this are not a record's (a stream waits no longer for them). */
#define MAX_HEADERS ((size_t)1 << 20)

int chorus__web_warc_records(struct chorus_ctx *ctx, const char *data, size_t n, size_t base,
			     int final, const char *origin, size_t max_bytes,
			     chorus_web_article_fn on_article, chorus_web_diag_fn on_diag,
			     void *arg, size_t *used)
{
	struct warc w = { ctx, origin ? origin : "warc", max_bytes ? max_bytes : (size_t)4 << 20,
			  on_article, on_diag, arg, base };
	size_t pos = 0;
	int ret = 0;

	while (pos < n && !ret) {
		const char *rec = data + pos;
		size_t left = n - pos, he, len;
		char *clen, *type, *uri, *date, *end;
		unsigned long long v;

		/* Blank lines between records. */
		if (*rec == '\r' || *rec == '\n') {
			pos++;
			continue;
		}
		if (left < 8 && !final)
			break;
		if (left < 8 || (memcmp(rec, "WARC/1.0", 8) && memcmp(rec, "WARC/1.1", 8))) {
			diag(&w, pos, "no WARC record header here; skipped to the next one");
			pos = resync(data, n, pos + 1);
			continue;
		}
		he = header_end(rec, left > MAX_HEADERS ? MAX_HEADERS : left);
		if (!he) {
			if (!final && left < MAX_HEADERS)
				break;
			diag(&w, pos, "record headers do not end; stopped");
			pos = n;
			break;
		}
		clen = header(rec, he, "Content-Length");
		v = clen ? strtoull(clen, &end, 10) : 0;
		if (clen && end != clen && !*end && v > left - he && !final) {
			free(clen);
			break; /* the rest of the record is still to come */
		}
		if (!clen || end == clen || *end || v > left - he) {
			diag(&w, pos, !clen ? "no Content-Length; skipped" :
				      v > left - he ? "Content-Length runs past the end of the file (truncated?); skipped" :
						      "bad Content-Length; skipped");
			free(clen);
			pos = resync(data, n, pos + 1);
			continue;
		}
		free(clen);
		len = (size_t)v;
		type = header(rec, he, "WARC-Type");
		if (type && !strcasecmp(type, "response")) {
			uri = header(rec, he, "WARC-Target-URI");
			date = header(rec, he, "WARC-Date");
			if (uri && uri[0] == '<') { /* WARC 1.0 drafts wrote <uri> */
				size_t ul = strlen(uri);

				memmove(uri, uri + 1, ul);
				if (ul >= 2 && uri[ul - 2] == '>')
					uri[ul - 2] = '\0';
			}
			ret = read_response(&w, pos, rec + he, len, uri, date);
			free(uri);
			free(date);
		}
		free(type);
		pos += he + len;
	}
	*used = pos;
	return ret;
}

int chorus__web_warc_record_size(const char *data, size_t n, size_t *total)
{
	size_t he;
	char *clen, *end;
	unsigned long long v;

	if (n < 8 || (memcmp(data, "WARC/1.0", 8) && memcmp(data, "WARC/1.1", 8)))
		return -1;
	he = header_end(data, n > MAX_HEADERS ? MAX_HEADERS : n);
	if (!he)
		return -1;
	clen = header(data, he, "Content-Length");
	v = clen ? strtoull(clen, &end, 10) : 0;
	if (!clen || end == clen || *end || v > SIZE_MAX - he) {
		free(clen);
		return -1;
	}
	free(clen);
	*total = he + (size_t)v;
	return 0;
}

int chorus_web_warc_read(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			 size_t max_bytes, chorus_web_article_fn on_article,
			 chorus_web_diag_fn on_diag, void *arg)
{
	size_t used;

	if (chorus_web_sniff(data, n) != CHORUS_WEB_WARC)
		return chorus_error(ctx, CHORUS_EPARSE, "%s: not a WARC file (no \"WARC/1.0\" or \"WARC/1.1\" at byte 0)",
				    origin ? origin : "warc");
	return chorus__web_warc_records(ctx, data, n, 0, 1, origin, max_bytes, on_article, on_diag,
					arg, &used);
}
