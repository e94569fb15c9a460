/*
 * tests/unit/test_web.c: web input: sniffing, gzip/zstd with their limits, HTML main
 * text and metadata, character sets, hostile pages, RSS/Atom feeds, WARC archives,
 * the readers' format table, and the benchmark's shingle score.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "chorus/web.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "web/web_internal.h"

/* ---- what a reader produced ---- */

struct got {
	struct chorus_article arts[16];
	size_t n;
	char *diags[16];
	size_t n_diags;
};

static int on_article(void *arg, struct chorus_article *a)
{
	struct got *g = arg;

	assert_true(g->n < 16);
	chorus_article_copy(&g->arts[g->n++], a);
	return 0;
}

static void on_diag(void *arg, const char *where, const char *why)
{
	struct got *g = arg;
	struct chorus__buf b = { 0 };

	assert_true(g->n_diags < 16);
	chorus__buf_addf(&b, "%s: %s", where, why);
	g->diags[g->n_diags++] = chorus__buf_detach(&b, NULL);
}

static void got_release(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		chorus_article_release(&g->arts[i]);
	for (i = 0; i < g->n_diags; i++)
		free(g->diags[i]);
	memset(g, 0, sizeof(*g));
}

/* ---- compressing test data ---- */

/* gzip of n bytes (zeros when data is NULL), appended to b as one member. */
static void gzip_add(struct chorus__buf *b, const char *data, size_t n, int level)
{
	static const char zeros[1 << 16];
	z_stream z;
	size_t left = n;
	unsigned char out[1 << 16];
	int flush;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
	do {
		size_t chunk = left > sizeof(zeros) ? sizeof(zeros) : left;

		z.next_in = (Bytef *)(uintptr_t)(data ? data + (n - left) : zeros);
		z.avail_in = (uInt)chunk;
		left -= chunk;
		flush = left ? Z_NO_FLUSH : Z_FINISH;
		do {
			z.next_out = out;
			z.avail_out = sizeof(out);
			deflate(&z, flush);
			chorus__buf_add(b, out, sizeof(out) - z.avail_out);
		} while (z.avail_out == 0);
	} while (flush != Z_FINISH);
	deflateEnd(&z);
}

static void zstd_add(struct chorus__buf *b, const char *data, size_t n)
{
	size_t cap = ZSTD_compressBound(n), got;

	chorus__buf_grow(b, cap);
	got = ZSTD_compress(b->ptr + b->len, cap, data, n, 3);
	assert_false(ZSTD_isError(got));
	b->len += got;
	b->ptr[b->len] = '\0';
}

/* ---- sniffing and decompression ---- */

static void sniff_kinds(void **state)
{
	(void)state;
	assert_int_equal(chorus_web_sniff("<!DOCTYPE html><html>", 21), CHORUS_WEB_HTML);
	assert_int_equal(chorus_web_sniff("\xEF\xBB\xBF  <html lang=en>", 20), CHORUS_WEB_HTML);
	assert_int_equal(chorus_web_sniff("<!-- x --><HEAD>", 16), CHORUS_WEB_HTML);
	assert_int_equal(chorus_web_sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", 42),
			 CHORUS_WEB_FEED);
	assert_int_equal(chorus_web_sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">", 42),
			 CHORUS_WEB_FEED);
	assert_int_equal(chorus_web_sniff("WARC/1.1\r\n", 10), CHORUS_WEB_WARC);
	assert_int_equal(chorus_web_sniff("\x1f\x8b\x08", 3), CHORUS_WEB_GZIP);
	assert_int_equal(chorus_web_sniff("\x28\xb5\x2f\xfd", 4), CHORUS_WEB_ZSTD);
	assert_int_equal(chorus_web_sniff("Just some text.", 15), CHORUS_WEB_UNKNOWN);
	assert_int_equal(chorus_web_sniff("<?xml version=\"1.0\"", 19), CHORUS_WEB_UNKNOWN);
	assert_int_equal(chorus_web_sniff("", 0), CHORUS_WEB_UNKNOWN);
}

static void gzip_members_and_errors(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf b = { 0 };
	char *out = (char *)1;
	size_t len = 99;

	(void)state;
	gzip_add(&b, "hello, world\n", 13, 6);
	gzip_add(&b, "again\n", 6, 6);
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, 0, &out, &len), 0);
	assert_string_equal(out, "hello, world\nagain\n");
	assert_int_equal(len, 19);
	free(out);

	/* cut inside the second member */
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len - 5, 0, &out, &len), CHORUS_EPARSE);
	assert_null(out);
	assert_non_null(strstr(chorus_errmsg(ctx), "gzip: truncated data"));

	/* garbage after a member */
	chorus__buf_adds(&b, "junk");
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, 0, &out, &len), CHORUS_EPARSE);
	assert_non_null(strstr(chorus_errmsg(ctx), "unexpected bytes after a member"));

	/* corrupt deflate data: the header is fine, the block type is invalid */
	assert_int_equal(chorus_web_decompress(ctx, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff",
					       12, 0, &out, &len),
			 CHORUS_EPARSE);
	assert_non_null(strstr(chorus_errmsg(ctx), "gzip: corrupt data"));

	assert_int_equal(chorus_web_decompress(ctx, "plain", 5, 0, &out, &len), CHORUS_EINVAL);
	chorus__buf_release(&b);
	chorus_ctx_free(ctx);
}

/* 1 GiB of zeros in about 1 MiB of gzip: stops at the cap, with a message. */
static void gzip_bomb_stops_at_cap(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf b = { 0 };
	char *out = NULL;
	size_t len = 0;

	(void)state;
	gzip_add(&b, NULL, (size_t)1 << 30, 1);
	assert_true(b.len < ((size_t)8 << 20));
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, 0, &out, &len), CHORUS_ETOOBIG);
	assert_null(out);
	assert_non_null(strstr(chorus_errmsg(ctx),
			       "gzip: decompressed data passes the limit of 268435456 bytes"));
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, 1 << 20, &out, &len),
			 CHORUS_ETOOBIG);
	assert_non_null(strstr(chorus_errmsg(ctx), "limit of 1048576 bytes"));
	chorus__buf_release(&b);
	chorus_ctx_free(ctx);
}

static void zstd_round_trip_truncated_bomb(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf b = { 0 };
	char *out = NULL, *zeros;
	size_t len = 0, big = (size_t)64 << 20;

	(void)state;
	zstd_add(&b, "<html><body>zstd</body></html>", 30);
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, 0, &out, &len), 0);
	assert_string_equal(out, "<html><body>zstd</body></html>");
	free(out);
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len - 3, 0, &out, &len), CHORUS_EPARSE);
	assert_non_null(strstr(chorus_errmsg(ctx), "zstd: truncated data"));
	chorus__buf_reset(&b);

	zeros = chorus_xcalloc(big, 1);
	zstd_add(&b, zeros, big);
	free(zeros);
	assert_true(b.len < 65536);
	assert_int_equal(chorus_web_decompress(ctx, b.ptr, b.len, (size_t)1 << 20, &out, &len),
			 CHORUS_ETOOBIG);
	assert_null(out);
	assert_non_null(strstr(chorus_errmsg(ctx), "zstd: decompressed data passes the limit of 1048576"));
	chorus__buf_release(&b);
	chorus_ctx_free(ctx);
}

/* ---- HTML ---- */

static const char page_html[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n"
	"<title>Flood waters rise in the valley | Daily Example</title>\n"
	"<meta property=\"og:title\" content=\"Flood waters rise in the valley\">\n"
	"<meta property=\"og:site_name\" content=\"Daily Example\">\n"
	"<meta property=\"article:published_time\" content=\"2024-03-05T14:30:00+01:00\">\n"
	"<meta name=\"author\" content=\"Jane Doe\">\n"
	"<link rel=\"canonical\" href=\"https://example.com/news/flood\">\n"
	"<script>var x = \"<p>not text</p>\";</script>\n"
	"<style>p { color: red }</style>\n"
	"</head><body>\n"
	"<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>\n"
	"<header class=\"masthead\"><h1>Flood waters rise in the valley</h1><span class=\"byline\">By Jane Doe</span></header>\n"
	"<div id=\"main\"><article class=\"story\">\n"
	"<div class=\"story-body\">\n"
	"<p>Heavy rain on Tuesday pushed the river over its banks, flooding homes, farms and roads across the lower valley.</p>\n"
	"<p>Officials said 1,200 people had left their homes, and that shelters in three towns were open through the night.</p>\n"
	"<figure><img src=\"a.jpg\"><figcaption>The river at dawn. Photo: agency</figcaption></figure>\n"
	"<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>\n"
	"<h2>Roads closed</h2>\n"
	"<p>The main road north, the bridge at Millbrook and two rail lines were closed, the transport office said.</p>\n"
	"</div>\n"
	"<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Storm hits coast, thousands without power</a></li><li><a href=\"/b\">Rain record broken, again</a></li></ul></aside>\n"
	"</article></div>\n"
	"<div class=\"sidebar\"><p>Sign up for our newsletter, it is free, weekly, and short.</p></div>\n"
	"<footer><p>Copyright 2024 Daily Example, all rights reserved, all of them.</p></footer>\n"
	"</body></html>\n";

static void html_main_text_and_metadata(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, page_html, strlen(page_html), NULL, NULL, 0, &a), 0);
	/* no menu, masthead, caption, share bar, related list, sidebar or footer */
	assert_string_equal(a.text,
			    "Heavy rain on Tuesday pushed the river over its banks, flooding homes, "
			    "farms and roads across the lower valley.\n\n"
			    "Officials said 1,200 people had left their homes, and that shelters in "
			    "three towns were open through the night.\n\n"
			    "Roads closed\n\n"
			    "The main road north, the bridge at Millbrook and two rail lines were "
			    "closed, the transport office said.");
	assert_int_equal(a.text_len, strlen(a.text));
	assert_string_equal(a.title, "Flood waters rise in the valley");
	assert_string_equal(a.author, "Jane Doe");
	assert_string_equal(a.source, "Daily Example");
	assert_string_equal(a.url, "https://example.com/news/flood");
	assert_string_equal(a.lang, "en-GB");
	/* 2024-03-05T14:30:00+01:00 */
	assert_int_equal(a.published, 1709645400);
	assert_null(a.id);
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

static const char ld_page[] =
	"<html><head><title>T</title>"
	"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
	"{\"@type\":\"WebSite\",\"name\":\"Site\"},"
	"{\"@type\":\"NewsArticle\",\"headline\":\"Council approves budget\","
	"\"datePublished\":\"2023-11-20T08:15:00Z\",\"inLanguage\":\"en_US\","
	"\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"@type\":\"Person\",\"name\":\"Bo Chan\"}],"
	"\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Town Crier\"}}]}</script>"
	"</head><body><div class=\"content\"><p>The council approved the budget on Monday, "
	"after a long debate, by seven votes to two.</p></div></body></html>";

static void html_json_ld_metadata(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, ld_page, strlen(ld_page),
					      "https://towncrier.example/budget", NULL, 0, &a), 0);
	assert_string_equal(a.text, "The council approved the budget on Monday, after a long "
				    "debate, by seven votes to two.");
	assert_string_equal(a.title, "Council approves budget");
	assert_string_equal(a.author, "Ann Lee, Bo Chan");
	assert_string_equal(a.source, "The Town Crier");
	assert_string_equal(a.url, "https://towncrier.example/budget");
	assert_string_equal(a.lang, "en-US");
	assert_int_equal(a.published, 1700468100);
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

/* A JSON-LD articleBody longer than what the page shows (a teaser page) wins. */
static void html_json_ld_body(void **state)
{
	static const char page[] =
		"<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\","
		"\"articleBody\":\"%s\"}</script></head><body><article><p>Only the first "
		"paragraph of the story is shown here to readers.</p></article></body></html>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf body = { 0 }, html = { 0 };
	struct chorus_article a;
	int i;

	(void)state;
	for (i = 0; i < 30; i++)
		chorus__buf_addf(&body, "Sentence number %d of the body. ", i);
	chorus__buf_setlen(&body, body.len - 1);
	chorus__buf_addf(&html, page, body.ptr);
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, html.ptr, html.len, NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, body.ptr);
	assert_null(a.source); /* no outlet named, no URL to take a domain from */
	chorus_article_release(&a);
	chorus__buf_release(&body);
	chorus__buf_release(&html);
	chorus_ctx_free(ctx);
}

/* The story split over cousin blocks (an ad slot between them), with no class or id
 * to say where it is: three near-best blocks under one ancestor make the ancestor the
 * article; the slot, all link text, is left out. */
static void html_split_story(void **state)
{
	static const char page[] =
		"<html><body><div class=\"top-links\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></div>"
		"<div id=\"wrap\">"
		"<div class=\"x\"><div><p>First paragraph of the story, long enough, with a comma.</p>"
		"<p>Second paragraph of the story, also long enough, with commas, two.</p></div></div>"
		"<div class=\"slot\"><a href=\"/ad\">Buy one now</a></div>"
		"<div class=\"y\"><div><p>Third paragraph of the story, long enough, with a comma.</p>"
		"<p>Fourth paragraph of the story, long enough, with a comma.</p></div></div>"
		"<div class=\"z\"><div><p>Fifth paragraph of the story, long enough, with a comma.</p>"
		"<p>Sixth and last paragraph of the story, with a comma.</p></div></div>"
		"</div></body></html>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, page, strlen(page), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text,
			    "First paragraph of the story, long enough, with a comma.\n\n"
			    "Second paragraph of the story, also long enough, with commas, two.\n\n"
			    "Third paragraph of the story, long enough, with a comma.\n\n"
			    "Fourth paragraph of the story, long enough, with a comma.\n\n"
			    "Fifth paragraph of the story, long enough, with a comma.\n\n"
			    "Sixth and last paragraph of the story, with a comma.");
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

/* Without JSON-LD or a named author: the byline element and the other date metas. */
static void html_byline_and_date_fallbacks(void **state)
{
	static const char page[] =
		"<html><head><meta property=\"article:published\" itemprop=\"datePublished "
		"dateCreated\" content=\"2019-11-19T11:00:09.000Z\"><title>Page title</title></head>"
		"<body><p class=\"story-byline\">By <a rel=\"author\" href=\"/k\">Kim Park</a></p>"
		"<div><p>The museum reopened on Saturday, after two years, with a new wing.</p></div>"
		"</body></html>";
	static const char page2[] =
		"<html><body><h1>Headline here</h1><span class=\"byline\">By A Very Long Byline That "
		"Keeps Going On And On Past Eight Words</span><time datetime=\"2020-02-03\">Feb 3"
		"</time><p>The museum reopened on Saturday, after two years, with a new wing.</p>"
		"</body></html>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, page, strlen(page), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.author, "Kim Park");
	assert_string_equal(a.title, "Page title");
	assert_int_equal(a.published, 1574161209);
	assert_string_equal(a.text, "The museum reopened on Saturday, after two years, with a new wing.");
	chorus_article_release(&a);
	assert_int_equal(chorus_web_html_read(ctx, page2, strlen(page2), NULL, NULL, 0, &a), 0);
	assert_null(a.author);
	assert_string_equal(a.title, "Headline here");
	assert_int_equal(a.published, 1580688000);
	assert_string_equal(a.text, "The museum reopened on Saturday, after two years, with a new wing.");
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

/* Link text inside a sentence stays, even when the link wraps a span; a paragraph
 * that is all links ("Read more") goes. */
static void html_inline_links(void **state)
{
	static const char page[] =
		"<html><body><article><p>The teardown is done, and <a href=\"/r\"><span>the results "
		"are in</span></a>. The new laptop, it turns out, is much like the old one.</p>"
		"<p><a href=\"/more\">Read more stories like this one</a></p>"
		"<p>Its keyboard, however, is new, and it is better than the last one.</p>"
		"</article></body></html>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, page, strlen(page), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, "The teardown is done, and the results are in. The new laptop, "
				    "it turns out, is much like the old one.\n\n"
				    "Its keyboard, however, is new, and it is better than the last one.");
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

/* The body itself is the best block (22 points: 10 + 12/2 + 12/2), with two blocks
 * inside it near enough (5 + 12 = 17 >= 3/4 of 22): the ancestor step must not climb
 * above <body> (found by fuzz_html). */
static void html_body_is_best(void **state)
{
	static const char page[] =
		"<html><body><p>One, two, three, four, five, six, seven, eight, nine, ten.</p>"
		"<div><p>Red, orange, yellow, green, blue, indigo, violet, white, grey, black, pink, gold.</p></div>"
		"<div><p>North, south, east, west, up, down, left, right, in, out, near, far.</p></div>"
		"</body></html>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, page, strlen(page), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text,
			    "One, two, three, four, five, six, seven, eight, nine, ten.\n\n"
			    "Red, orange, yellow, green, blue, indigo, violet, white, grey, black, pink, gold.\n\n"
			    "North, south, east, west, up, down, left, right, in, out, near, far.");
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

static void html_charsets(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;
	static const char latin1_meta[] =
		"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 cr\xe8me, "
		"na\xefve r\xe9sum\xe9, \x80 5 was the price of the tart.</p></body></html>";
	static const char undeclared[] =
		"<html><body><p>Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9, \x80 5 was the price "
		"of the tart.</p></body></html>";
	static const char bogus[] =
		"<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Caf\xc3\xa9 "
		"cr\xc3\xa8me, na\xc3\xafve r\xc3\xa9sum\xc3\xa9, \xe2\x82\xac 5 was the price "
		"of the tart.</p></body></html>";
	const char *want = "Caf\xc3\xa9 cr\xc3\xa8me, na\xc3\xafve r\xc3\xa9sum\xc3\xa9, "
			   "\xe2\x82\xac 5 was the price of the tart.";

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, latin1_meta, strlen(latin1_meta), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, want);
	chorus_article_release(&a);
	assert_int_equal(chorus_web_html_read(ctx, undeclared, strlen(undeclared), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, want);
	chorus_article_release(&a);
	assert_int_equal(chorus_web_html_read(ctx, bogus, strlen(bogus), NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, want);
	chorus_article_release(&a);
	/* the HTTP header's charset is used over detection */
	assert_int_equal(chorus_web_html_read(ctx, undeclared, strlen(undeclared), NULL,
					      "windows-1252", 0, &a), 0);
	assert_string_equal(a.text, want);
	chorus_article_release(&a);
	chorus_ctx_free(ctx);
}

/* 100,000 nested elements: the walks stop at their depth cap, memory stays bounded. */
static void html_deep_nesting(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf b = { 0 };
	struct chorus_article a;
	int i;

	(void)state;
	chorus__buf_adds(&b, "<html><body><p>A shallow paragraph that is long enough to count, "
			     "with a comma.</p>");
	for (i = 0; i < 100000; i++)
		chorus__buf_adds(&b, "<div>");
	chorus__buf_adds(&b, "<p>Buried text far below the depth limit, never read.</p>");
	for (i = 0; i < 100000; i++)
		chorus__buf_adds(&b, "</div>");
	chorus__buf_adds(&b, "</body></html>");
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, b.ptr, b.len, NULL, NULL, 0, &a), 0);
	assert_string_equal(a.text, "A shallow paragraph that is long enough to count, with a comma.");
	chorus_article_release(&a);
	chorus__buf_release(&b);
	chorus_ctx_free(ctx);
}

static void html_limits_and_empty(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;
	static const char empty[] = "<html><head><title>Nothing</title></head><body> </body></html>";
	struct chorus__buf b = { 0 };
	int i;

	(void)state;
	chorus_article_init(&a);
	assert_int_equal(chorus_web_html_read(ctx, empty, strlen(empty), NULL, NULL, 0, &a),
			 CHORUS_EEMPTY);
	assert_string_equal(chorus_errmsg(ctx), "no main text found in the page");
	chorus_article_release(&a);
	assert_int_equal(chorus_web_html_read(ctx, "", 0, NULL, NULL, 0, &a), CHORUS_EEMPTY);
	assert_string_equal(chorus_errmsg(ctx), "the page is empty");
	/* 28 control bytes in 99 is binary; a UTF-16 page with its byte order mark is not */
	chorus__buf_adds(&b, "<html><body><p>");
	for (i = 0; i < 14; i++)
		chorus__buf_adds(&b, "\x01text\x02");
	assert_int_equal(b.len, 15 + 14 * 6);
	assert_int_equal(chorus_web_html_read(ctx, b.ptr, b.len, NULL, NULL, 0, &a), CHORUS_EENCODING);
	assert_string_equal(chorus_errmsg(ctx),
			    "binary data, not an HTML page (control bytes in the first 4 KiB)");
	chorus__buf_reset(&b);
	{
		static const char u16[] = "<html><body><p>UTF-16 text, long enough to count here.</p></body></html>";

		chorus__buf_add(&b, "\xFF\xFE", 2);
		for (i = 0; u16[i]; i++) {
			chorus__buf_addch(&b, u16[i]);
			chorus__buf_add(&b, "", 1);
		}
		assert_int_equal(chorus_web_html_read(ctx, b.ptr, b.len, NULL, NULL, 0, &a), 0);
		assert_string_equal(a.text, "UTF-16 text, long enough to count here.");
		chorus_article_release(&a);
		chorus__buf_reset(&b);
	}
	/* text over max_bytes is cut at a character boundary and flagged */
	chorus__buf_adds(&b, "<html><body><p>");
	for (i = 0; i < 20; i++)
		chorus__buf_adds(&b, "\xc3\xa9t\xc3\xa9, ");
	chorus__buf_adds(&b, "</p></body></html>");
	/* pages may be 32 times the text limit: 173 bytes / 32 > 4 */
	assert_int_equal(b.len, 173);
	assert_int_equal(chorus_web_html_read(ctx, b.ptr, b.len, NULL, NULL, 4, &a), CHORUS_ETOOBIG);
	assert_string_equal(chorus_errmsg(ctx), "page of 173 bytes passes the limit of 128 bytes");
	/* byte 12 starts a character: the cut keeps 12 bytes */
	assert_int_equal(chorus_web_html_read(ctx, b.ptr, b.len, NULL, NULL, 12, &a), 0);
	assert_string_equal(a.text, "\xc3\xa9t\xc3\xa9, \xc3\xa9t\xc3\xa9");
	assert_true(a.flags & CHORUS_ARTICLE_TRUNCATED);
	chorus_article_release(&a);
	chorus__buf_release(&b);
	chorus_ctx_free(ctx);
}

/* ---- feeds ---- */

static const char rss[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	"<channel><title>Example Wire</title><language>en</language>\n"
	"<item><title>First &amp; foremost</title><link>https://example.com/1</link>\n"
	"<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator>\n"
	"<description>Short summary.</description>\n"
	"<content:encoded><![CDATA[<p>Full text, first paragraph.</p><p>Second paragraph.</p>]]>"
	"</content:encoded></item>\n"
	"<item><title>Second</title><link>https://example.com/2</link>"
	"<description>&lt;b&gt;Only&lt;/b&gt; a summary here.</description></item>\n"
	"<item><title>Empty</title></item>\n"
	"</channel></rss>\n";

static void feed_rss(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };

	(void)state;
	assert_int_equal(chorus_web_feed_read(ctx, rss, strlen(rss), "feed.xml", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].id, "feed.xml#1");
	assert_string_equal(g.arts[0].title, "First & foremost");
	assert_string_equal(g.arts[0].url, "https://example.com/1");
	assert_string_equal(g.arts[0].author, "Ann Lee");
	assert_string_equal(g.arts[0].source, "Example Wire");
	assert_string_equal(g.arts[0].lang, "en");
	assert_int_equal(g.arts[0].published, 1709629200);
	assert_string_equal(g.arts[0].text, "Full text, first paragraph.\n\nSecond paragraph.");
	assert_string_equal(g.arts[1].id, "feed.xml#2");
	assert_string_equal(g.arts[1].text, "Only a summary here.");
	assert_int_equal(g.arts[1].published, CHORUS_TIME_UNKNOWN);
	assert_int_equal(g.n_diags, 1);
	assert_string_equal(g.diags[0], "feed.xml: item 3: no content or summary; skipped");
	got_release(&g);
	chorus_ctx_free(ctx);
}

static void feed_atom(void **state)
{
	static const char atom[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\"><title>Atom Example</title>"
		"<entry><title type=\"text\">Entry one</title>"
		"<link rel=\"self\" href=\"https://example.org/self\"/>"
		"<link rel=\"alternate\" href=\"https://example.org/e1\"/>"
		"<published>2024-03-05T10:00:00Z</published><author><name>Marc Roy</name></author>"
		"<summary type=\"html\">&lt;p&gt;Summary of entry one.&lt;/p&gt;</summary>"
		"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Full "
		"<b>content</b> of entry one.</p></div></content></entry></feed>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };

	(void)state;
	assert_int_equal(chorus_web_feed_read(ctx, atom, strlen(atom), "a.atom", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].title, "Entry one");
	assert_string_equal(g.arts[0].url, "https://example.org/e1");
	assert_string_equal(g.arts[0].author, "Marc Roy");
	assert_string_equal(g.arts[0].source, "Atom Example");
	assert_string_equal(g.arts[0].lang, "fr");
	assert_int_equal(g.arts[0].published, 1709632800);
	assert_string_equal(g.arts[0].text, "Full content of entry one.");
	got_release(&g);
	chorus_ctx_free(ctx);
}

/* Entities are never expanded: a "billion laughs" feed costs nothing. */
static void feed_hostile(void **state)
{
	static const char laughs[] =
		"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
		"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
		"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
		"<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
		"<rss><channel><title>t</title><item><description>&i;</description></item>"
		"</channel></rss>";
	static const char system[] =
		"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		"<rss><channel><item><description>&x;tail</description></item></channel></rss>";
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };

	(void)state;
	assert_int_equal(chorus_web_feed_read(ctx, laughs, strlen(laughs), "l.xml", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	assert_string_equal(g.diags[0], "l.xml: item 1: no content or summary; skipped");
	got_release(&g);
	assert_int_equal(chorus_web_feed_read(ctx, system, strlen(system), "s.xml", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].text, "tail");
	got_release(&g);
	assert_int_equal(chorus_web_feed_read(ctx, "<html><body>x</body></html>", 27, "p.xml", 0,
					      on_article, on_diag, &g),
			 CHORUS_EPARSE);
	assert_string_equal(chorus_errmsg(ctx),
			    "p.xml: not a feed (the root element is <html>, not rss, feed or rdf:RDF)");
	assert_int_equal(chorus_web_feed_read(ctx, "not xml", 7, "q.xml", 0, on_article, on_diag, &g),
			 CHORUS_EPARSE);
	assert_int_equal(g.n, 0);
	chorus_ctx_free(ctx);
}

/* ---- WARC ---- */

static void warc_record(struct chorus__buf *b, const char *type, const char *uri,
			const char *date, const char *block, size_t block_len)
{
	chorus__buf_addf(b, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
	if (uri)
		chorus__buf_addf(b, "WARC-Target-URI: %s\r\n", uri);
	chorus__buf_addf(b, "WARC-Date: %s\r\nContent-Length: %zu\r\n\r\n", date, block_len);
	chorus__buf_add(b, block, block_len);
	chorus__buf_adds(b, "\r\n\r\n");
}

/* An archive: warcinfo, request, HTML response, JPEG response, chunked HTML response,
 * then a record with no Content-Length. Record offsets go in off[]. */
static void make_warc(struct chorus__buf *b, size_t off[6])
{
	static const char page1[] =
		"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n"
		"<html><body><p>Caf\xe9 owners said the new rules, which start in May, would "
		"cost them money.</p></body></html>";
	static const char jpeg[] = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff";
	static const char page2[] =
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
		"1b\r\n<html><body><p>Second page \r\n"
		"41\r\ntext, long enough to count as a paragraph here.</p></body></html>\r\n"
		"0\r\n\r\n";
	static const char info[] = "software: test\r\n";
	static const char req[] = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";

	off[0] = b->len;
	warc_record(b, "warcinfo", NULL, "2024-01-02T03:04:05Z", info, strlen(info));
	off[1] = b->len;
	warc_record(b, "request", "https://example.com/", "2024-01-02T03:04:05Z", req, strlen(req));
	off[2] = b->len;
	warc_record(b, "response", "https://example.com/", "2024-01-02T03:04:05Z", page1, strlen(page1));
	off[3] = b->len;
	warc_record(b, "response", "https://example.com/a.jpg", "2024-01-02T03:04:06Z", jpeg, strlen(jpeg));
	off[4] = b->len;
	warc_record(b, "response", "<https://example.com/two>", "2024-01-02T03:04:07Z", page2, strlen(page2));
	off[5] = b->len;
	chorus__buf_adds(b, "WARC/1.0\r\nWARC-Type: response\r\n\r\nnothing");
}

static void warc_records(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf b = { 0 }, want = { 0 };
	struct got g = { 0 };
	size_t off[6];

	(void)state;
	make_warc(&b, off);
	assert_int_equal(chorus_web_warc_read(ctx, b.ptr, b.len, "crawl.warc", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 2);
	chorus__buf_addf(&want, "crawl.warc#%zu", off[2]);
	assert_string_equal(g.arts[0].id, want.ptr);
	assert_string_equal(g.arts[0].url, "https://example.com/");
	assert_int_equal(g.arts[0].published, 1704164645);
	assert_string_equal(g.arts[0].source, "example.com");
	assert_string_equal(g.arts[0].text, "Caf\xc3\xa9 owners said the new rules, which start in "
					    "May, would cost them money.");
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "crawl.warc#%zu", off[4]);
	assert_string_equal(g.arts[1].id, want.ptr);
	assert_string_equal(g.arts[1].url, "https://example.com/two");
	assert_int_equal(g.arts[1].published, 1704164647);
	assert_string_equal(g.arts[1].text,
			    "Second page text, long enough to count as a paragraph here.");
	assert_int_equal(g.n_diags, 1);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "crawl.warc: record at byte %zu: no Content-Length; skipped", off[5]);
	assert_string_equal(g.diags[0], want.ptr);
	got_release(&g);

	/* cut in the headers, then in the block of the third record */
	assert_int_equal(chorus_web_warc_read(ctx, b.ptr, off[2] + 40, "cut.warc", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "cut.warc: record at byte %zu: record headers do not end; stopped",
			 off[2]);
	assert_string_equal(g.diags[0], want.ptr);
	got_release(&g);
	assert_int_equal(chorus_web_warc_read(ctx, b.ptr, off[2] + 150, "cut.warc", 0, on_article,
					      on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "cut.warc: record at byte %zu: Content-Length runs past the end "
				"of the file (truncated?); skipped", off[2]);
	assert_string_equal(g.diags[0], want.ptr);
	got_release(&g);

	assert_int_equal(chorus_web_warc_read(ctx, "HTTP/1.1 200", 12, "x", 0, on_article, on_diag,
					      &g), CHORUS_EPARSE);
	assert_string_equal(chorus_errmsg(ctx),
			    "x: not a WARC file (no \"WARC/1.0\" or \"WARC/1.1\" at byte 0)");
	chorus__buf_release(&b);
	chorus__buf_release(&want);
	chorus_ctx_free(ctx);
}

/* ---- the readers: chorus_read_path on a folder of web inputs ---- */

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void read_path_web_folder(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf w = { 0 }, gz = { 0 }, zs = { 0 }, p = { 0 };
	struct got g = { 0 };
	char dir[] = "/tmp/chorus-test-web-XXXXXX";
	size_t off[6];
	static const char *names[] = { "crawl.warc.gz", "feed.xml", "page.html", "page2.htm.zst" };

	(void)state;
	assert_non_null(mkdtemp(dir));
	make_warc(&w, off);
	gzip_add(&gz, w.ptr, w.len, 6);
	chorus__buf_addf(&p, "%s/%s", dir, names[0]);
	write_file(p.ptr, gz.ptr, gz.len);
	chorus__buf_reset(&p);
	chorus__buf_addf(&p, "%s/%s", dir, names[1]);
	write_file(p.ptr, rss, strlen(rss));
	chorus__buf_reset(&p);
	chorus__buf_addf(&p, "%s/%s", dir, names[2]);
	write_file(p.ptr, page_html, strlen(page_html));
	zstd_add(&zs, ld_page, strlen(ld_page));
	chorus__buf_reset(&p);
	chorus__buf_addf(&p, "%s/%s", dir, names[3]);
	write_file(p.ptr, zs.ptr, zs.len);

	assert_int_equal(chorus_read_path(ctx, dir, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 6);
	assert_string_equal(g.arts[0].url, "https://example.com/");
	assert_string_equal(g.arts[1].url, "https://example.com/two");
	assert_string_equal(g.arts[2].id, "feed.xml#1");
	assert_string_equal(g.arts[3].id, "feed.xml#2");
	assert_string_equal(g.arts[4].id, "page.html");
	assert_string_equal(g.arts[4].title, "Flood waters rise in the valley");
	assert_string_equal(g.arts[5].id, "page2.htm.zst");
	assert_string_equal(g.arts[5].title, "Council approves budget");
	assert_int_equal(g.n_diags, 2);
	got_release(&g);

	for (size_t i = 0; i < 4; i++) {
		chorus__buf_reset(&p);
		chorus__buf_addf(&p, "%s/%s", dir, names[i]);
		unlink(p.ptr);
	}
	rmdir(dir);
	chorus__buf_release(&w);
	chorus__buf_release(&gz);
	chorus__buf_release(&zs);
	chorus__buf_release(&p);
	chorus_ctx_free(ctx);
}

/* Gzipped WARC archives are read as a stream: one member per record as crawlers write
 * them, a truncated archive, and a record that inflates past the cap. */
static void read_path_warc_gz_stream(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__buf w = { 0 }, gz = { 0 }, p = { 0 }, want = { 0 };
	struct got g = { 0 };
	char dir[] = "/tmp/chorus-test-warc-XXXXXX";
	size_t off[6], i, cut;
	static const char bomb_head[] =
		"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1073741824\r\n\r\n";

	(void)state;
	assert_non_null(mkdtemp(dir));
	make_warc(&w, off);
	for (i = 0; i < 6; i++) /* one member per record */
		gzip_add(&gz, w.ptr + off[i], (i < 5 ? off[i + 1] : w.len) - off[i], 6);
	chorus__buf_addf(&p, "%s/multi.warc.gz", dir);
	write_file(p.ptr, gz.ptr, gz.len);
	assert_int_equal(chorus_read_path(ctx, p.ptr, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 2);
	chorus__buf_addf(&want, "multi.warc.gz#%zu", off[2]);
	assert_string_equal(g.arts[0].id, want.ptr);
	assert_string_equal(g.arts[0].url, "https://example.com/");
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "multi.warc.gz#%zu", off[4]);
	assert_string_equal(g.arts[1].id, want.ptr);
	assert_string_equal(g.arts[1].text,
			    "Second page text, long enough to count as a paragraph here.");
	assert_int_equal(g.n_diags, 1);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "multi.warc.gz: record at byte %zu: no Content-Length; skipped",
			 off[5]);
	assert_string_equal(g.diags[0], want.ptr);
	got_release(&g);
	unlink(p.ptr);

	/* cut 12 bytes before the end of the second response's member (its gzip trailer
	 * and the last bytes of its data): the first response is read */
	cut = 0;
	chorus__buf_reset(&gz);
	for (i = 0; i < 6; i++) {
		gzip_add(&gz, w.ptr + off[i], (i < 5 ? off[i + 1] : w.len) - off[i], 6);
		if (i == 4)
			cut = gz.len - 12;
	}
	chorus__buf_reset(&p);
	chorus__buf_addf(&p, "%s/cut.warc.gz", dir);
	write_file(p.ptr, gz.ptr, cut);
	assert_int_equal(chorus_read_path(ctx, p.ptr, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].url, "https://example.com/");
	assert_int_equal(g.n_diags, 2);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "%s: gzip: truncated data (ends at byte %zu inside a member)", p.ptr,
			 cut);
	assert_string_equal(g.diags[0], want.ptr);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "cut.warc.gz: record at byte %zu: Content-Length runs past the end "
				"of the file (truncated?); skipped", off[4]);
	assert_string_equal(g.diags[1], want.ptr);
	got_release(&g);
	unlink(p.ptr);

	/* a record of 1 GiB of zeros, then a page: the first is passed over as it is
	 * inflated (never held), the page is read */
	chorus__buf_reset(&gz);
	{
		struct chorus__buf raw = { 0 };
		z_stream z;
		static const char zeros[1 << 16];
		unsigned char out[1 << 16];
		size_t left = (size_t)1 << 30;

		memset(&z, 0, sizeof(z));
		assert_int_equal(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
		chorus__buf_adds(&raw, bomb_head);
		z.next_in = (Bytef *)raw.ptr;
		z.avail_in = (uInt)raw.len;
		do {
			int flush = left ? Z_NO_FLUSH : Z_FINISH;

			if (!z.avail_in && left) {
				z.next_in = (Bytef *)(uintptr_t)zeros;
				z.avail_in = sizeof(zeros);
				left -= sizeof(zeros);
				flush = left ? Z_NO_FLUSH : Z_FINISH;
			}
			do {
				z.next_out = out;
				z.avail_out = sizeof(out);
				deflate(&z, flush);
				chorus__buf_add(&gz, out, sizeof(out) - z.avail_out);
			} while (z.avail_out == 0);
			if (flush == Z_FINISH)
				break;
		} while (1);
		deflateEnd(&z);
		chorus__buf_release(&raw);
	}
	gzip_add(&gz, w.ptr + off[2], off[3] - off[2], 6);
	chorus__buf_reset(&p);
	chorus__buf_addf(&p, "%s/bomb.warc.gz", dir);
	write_file(p.ptr, gz.ptr, gz.len);
	assert_int_equal(chorus_read_path(ctx, p.ptr, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n_diags, 1);
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "%s: WARC record at byte 0 is over 167772160 bytes; skipped", p.ptr);
	assert_string_equal(g.diags[0], want.ptr);
	assert_int_equal(g.n, 1);
	/* the page's record starts right after the bomb's headers and 1 GiB */
	chorus__buf_reset(&want);
	chorus__buf_addf(&want, "bomb.warc.gz#%zu", strlen(bomb_head) + ((size_t)1 << 30));
	assert_string_equal(g.arts[0].id, want.ptr);
	got_release(&g);
	unlink(p.ptr);

	rmdir(dir);
	chorus__buf_release(&w);
	chorus__buf_release(&gz);
	chorus__buf_release(&p);
	chorus__buf_release(&want);
	chorus_ctx_free(ctx);
}

/* ---- the benchmark's score, dates ---- */

static void shingle_score(void **state)
{
	double tp, fp, fn;

	(void)state;
	/* truth: (a b c d), (b c d e); prediction: (a b c d) */
	chorus_web_shingle_score("a b c d e", "a, b; c. d", &tp, &fp, &fn);
	assert_true(tp == 0.5 && fp == 0 && fn == 0.5);
	/* fewer than 4 tokens: one shingle of all of them; case matters */
	chorus_web_shingle_score("Naïve café_1", "naïve café_1", &tp, &fp, &fn);
	assert_true(tp == 0 && fp == 0.5 && fn == 0.5);
	chorus_web_shingle_score("Naïve café_1", "— Naïve… café_1 —", &tp, &fp, &fn);
	assert_true(tp == 1 && fp == 0 && fn == 0);
	/* repeated shingles count as often as they occur: truth (x x x x) x2, pred x1 */
	chorus_web_shingle_score("x x x x x", "x x x x", &tp, &fp, &fn);
	assert_true(tp == 0.5 && fn == 0.5 && fp == 0);
	/* "don't" is two tokens; digits are word characters */
	chorus_web_shingle_score("don't stop 2024 now", "don t stop 2024 now", &tp, &fp, &fn);
	assert_true(tp == 1 && fp == 0 && fn == 0);
	chorus_web_shingle_score("", "", &tp, &fp, &fn);
	assert_true(tp == 0 && fp == 0 && fn == 0);
	chorus_web_shingle_score("one two", "", &tp, &fp, &fn);
	assert_true(tp == 0 && fp == 0 && fn == 1);
}

static void dates(void **state)
{
	chorus_time t = 0;

	(void)state;
	assert_int_equal(chorus__web_parse_date("2024-03-05", &t), 0);
	assert_int_equal(t, 1709596800);
	assert_int_equal(chorus__web_parse_date(" 2024-03-05T14:30:00.123+01:00", &t), 0);
	assert_int_equal(t, 1709645400);
	assert_int_equal(chorus__web_parse_date("2024-03-05T13:30Z", &t), 0);
	assert_int_equal(t, 1709645400);
	assert_int_equal(chorus__web_parse_date("Tue, 05 Mar 2024 09:00:00 GMT", &t), 0);
	assert_int_equal(t, 1709629200);
	assert_int_equal(chorus__web_parse_date("5 Mar 2024 04:00:00 -0500", &t), 0);
	assert_int_equal(t, 1709629200);
	assert_int_equal(chorus__web_parse_date("Tue, 05 Mar 2024 04:00:00 EST", &t), 0);
	assert_int_equal(t, 1709629200);
	assert_int_equal(chorus__web_parse_date("yesterday", &t), CHORUS_EPARSE);
	assert_int_equal(chorus__web_parse_date("2024-13-05", &t), CHORUS_EPARSE);
	assert_int_equal(chorus__web_parse_date("2024-03-05T25:00", &t), CHORUS_EPARSE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff_kinds),
		cmocka_unit_test(gzip_members_and_errors),
		cmocka_unit_test(gzip_bomb_stops_at_cap),
		cmocka_unit_test(zstd_round_trip_truncated_bomb),
		cmocka_unit_test(html_main_text_and_metadata),
		cmocka_unit_test(html_json_ld_metadata),
		cmocka_unit_test(html_json_ld_body),
		cmocka_unit_test(html_split_story),
		cmocka_unit_test(html_byline_and_date_fallbacks),
		cmocka_unit_test(html_inline_links),
		cmocka_unit_test(html_body_is_best),
		cmocka_unit_test(html_charsets),
		cmocka_unit_test(html_deep_nesting),
		cmocka_unit_test(html_limits_and_empty),
		cmocka_unit_test(feed_rss),
		cmocka_unit_test(feed_atom),
		cmocka_unit_test(feed_hostile),
		cmocka_unit_test(warc_records),
		cmocka_unit_test(read_path_web_folder),
		cmocka_unit_test(read_path_warc_gz_stream),
		cmocka_unit_test(shingle_score),
		cmocka_unit_test(dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
