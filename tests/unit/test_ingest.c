/*
 * tests/unit/test_ingest.c: the readers: plain text, JSONL, folders, memory buffers and
 * streams, the limits and the messages for what is skipped, and the date parser.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "ingest/ingest.h"
#include "util/alloc.h"
#include "util/buf.h"

/* ---- what a read produced ---- */

struct got {
	struct chorus_article arts[16];
	size_t n;
	char *diags[16];
	size_t n_diags;
	int stop_after; /* stop (return 7) after this many articles; 0: never */
};

static int on_article(void *arg, struct chorus_article *a)
{
	struct got *g = arg;

	assert_true(g->n < 16);
	chorus_article_copy(&g->arts[g->n++], a);
	return g->stop_after && g->n == (size_t)g->stop_after ? 7 : 0;
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

/* ---- a scratch folder ---- */

static char tmpdir[64];

static int make_tmp(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/chorus-test-ingest-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmp(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes n bytes to tmpdir/rel (folders made as needed); returns the full path in a
 * static buffer. */
static const char *put(const char *rel, const char *data, size_t n)
{
	static char path[512];
	char *slash;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	for (slash = strchr(path + strlen(tmpdir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
	return path;
}

static const char *puts_file(const char *rel, const char *s)
{
	return put(rel, s, strlen(s));
}

static int read_mem(const char *name, const char *s, size_t n,
		    const struct chorus_read_options *opt, struct got *g)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	int rc = chorus_read_buffer(ctx, name, s, n, opt, on_article, on_diag, g);

	chorus_ctx_free(ctx);
	return rc;
}

/* ---- plain text ---- */

static void text_headline_body_and_id(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };
	const char *path = puts_file("story/flood.txt",
				     "Flood closes the Tarrow bridge\n"
				     "\n"
				     "The river rose two metres overnight.\n"
				     "Crews worked until dawn.\n");
	char *want_origin = chorus_xstrdup(path);

	(void)state;
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.n_diags, 0);
	assert_string_equal(g.arts[0].id, "flood.txt");
	assert_string_equal(g.arts[0].title, "Flood closes the Tarrow bridge");
	assert_string_equal(g.arts[0].text,
			    "The river rose two metres overnight.\nCrews worked until dawn.\n");
	assert_int_equal(g.arts[0].text_len, 62);
	assert_string_equal(g.arts[0].origin, want_origin);
	assert_null(g.arts[0].source);
	assert_null(g.arts[0].url);
	assert_true(g.arts[0].published == CHORUS_TIME_UNKNOWN);
	assert_int_equal(g.arts[0].flags, 0);
	got_release(&g);

	{
		struct chorus_read_options opt = { 0 };
		opt.default_source = "Veranth Wire";
		assert_int_equal(chorus_read_path(ctx, path, &opt, on_article, on_diag, &g), 0);
		assert_int_equal(g.n, 1);
		assert_string_equal(g.arts[0].source, "Veranth Wire");
		got_release(&g);
	}
	free(want_origin);
	chorus_ctx_free(ctx);
}

/* The byline and the date label at the top of the body give the author and the time,
 * and leave the body. Below the first other line they are text. */
static void text_header_lines(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };
	const char *path = puts_file("header/a.txt",
				     "Flood closes the Tarrow bridge\n"
				     "\n"
				     "By Sofie Hallberg\n"
				     "Published: 10 March 2026, 09:15\n"
				     "\n"
				     "The river rose two metres overnight.\n");

	(void)state;
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].title, "Flood closes the Tarrow bridge");
	assert_string_equal(g.arts[0].author, "Sofie Hallberg");
	assert_true(g.arts[0].published == 1773134100); /* 2026-03-10T09:15:00Z */
	assert_string_equal(g.arts[0].text, "The river rose two metres overnight.\n");
	got_release(&g);

	/* an update time is not the publication time; a date that does not parse is none */
	path = puts_file("header/b.txt", "Updated: 11 March 2026, 10:00\n"
					 "Published: in the spring of 2026\n\n"
					 "The river rose two metres overnight.\n");
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_null(g.arts[0].author);
	assert_true(g.arts[0].published == CHORUS_TIME_UNKNOWN);
	assert_string_equal(g.arts[0].text, "The river rose two metres overnight.\n");
	got_release(&g);

	/* below the first line of the body, a byline is text */
	path = puts_file("header/c.txt", "The river rose two metres overnight.\n"
					 "By Sofie Hallberg\n"
					 "Published: 10 March 2026, 09:15\n");
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_null(g.arts[0].author);
	assert_true(g.arts[0].published == CHORUS_TIME_UNKNOWN);
	assert_int_equal(g.arts[0].text_len, 87);
	got_release(&g);

	/* a text of header lines only keeps them */
	path = puts_file("header/d.txt", "By Sofie Hallberg\nPublished: 10 March 2026, 09:15\n");
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].author, "Sofie Hallberg");
	assert_true(g.arts[0].published == 1773134100);
	assert_int_equal(g.arts[0].text_len, 50);
	got_release(&g);
	chorus_ctx_free(ctx);
}

static void text_lead_sentence_is_not_a_headline(void **state)
{
	struct got g = { 0 };
	const char *s = "Officials closed the bridge on Monday.\n\nMore rain is due.\n";

	(void)state;
	assert_int_equal(read_mem("a.txt", s, strlen(s), NULL, &g), 0);
	assert_int_equal(g.n, 1);
	assert_null(g.arts[0].title);
	assert_string_equal(g.arts[0].text, s);
	got_release(&g);
}

static char *hl(const char *s, size_t *off)
{
	return chorus__ingest_headline(s, strlen(s), off);
}

static void headline_rules(void **state)
{
	size_t off = 0;
	char *t;

	(void)state;
	/* blank lines before it, spaces around it */
	t = hl("\n\n  Dam holds after storm  \n\nBody.\n", &off);
	assert_string_equal(t, "Dam holds after storm");
	assert_int_equal(off, 29);
	free(t);
	/* not followed by a blank line */
	assert_null(hl("Dam holds after storm\nBody.\n", &off));
	/* nothing after it */
	assert_null(hl("Dam holds after storm\n\n\n", &off));
	/* sentence punctuation, also before a closing quote */
	assert_null(hl("Dam holds, mayor says.\n\nBody.\n", &off));
	assert_null(hl("\"We held it,\" she said:\n\nBody.\n", &off));
	assert_null(hl("It held \xE2\x80\x9C" "for now.\xE2\x80\x9D\n\nBody.\n", &off));
	/* a dateline ending in a dash, a section label in capitals, a single word */
	assert_null(hl("PORT ALDER, Veranth (NWA) -\n\nBody.\n", &off));
	assert_null(hl("RELATED STORIES\n\nBody.\n", &off));
	assert_null(hl("Advertisement\n\nBody.\n", &off));
	/* lowercase start: a sentence's tail */
	assert_null(hl("and then the dam held\n\nBody.\n", &off));
	/* a question mark is sentence punctuation too */
	assert_null(hl("Will the dam hold?\n\nBody.\n", &off));
	/* a closing curly quote without punctuation before it is fine */
	t = hl("Mayor calls dam \xE2\x80\x9Csafe\xE2\x80\x9D\n\nBody.\n", &off);
	assert_string_equal(t, "Mayor calls dam \xE2\x80\x9Csafe\xE2\x80\x9D");
	assert_int_equal(off, 28);
	free(t);
}

static void text_crlf_and_bom(void **state)
{
	struct got g = { 0 };
	const char s[] = "\xEF\xBB\xBFHarbour fire under control\r\n\r\nCrews arrived at 6am.\r\n"
			 "Nobody was hurt.\r\n";

	(void)state;
	assert_int_equal(read_mem("fire.txt", s, sizeof(s) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].title, "Harbour fire under control");
	assert_string_equal(g.arts[0].text, "Crews arrived at 6am.\nNobody was hurt.\n");
	assert_int_equal(g.arts[0].flags, 0); /* a BOM is not a repair */
	got_release(&g);
}

static void text_latin1_and_bad_utf8(void **state)
{
	struct got g = { 0 };
	const char latin1[] = "Caf\xE9 owner counts the cost\n\nThe caf\xE9 lost \xA3" "900.\n";
	const char mixed[] = "Sm\xC3\xB6rg\xC3\xA5s \xFF end\n";

	(void)state;
	/* no well-formed UTF-8 at all: read as Windows-1252 */
	assert_int_equal(read_mem("cafe.txt", latin1, sizeof(latin1) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].title, "Caf\xC3\xA9 owner counts the cost");
	assert_string_equal(g.arts[0].text, "The caf\xC3\xA9 lost \xC2\xA3" "900.\n");
	assert_int_equal(g.arts[0].flags, CHORUS_ARTICLE_REPAIRED);
	got_release(&g);
	/* mostly UTF-8 with one stray byte: that byte becomes U+FFFD */
	assert_int_equal(read_mem("mixed.txt", mixed, sizeof(mixed) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 1);
	assert_null(g.arts[0].title);
	assert_string_equal(g.arts[0].text, "Sm\xC3\xB6rg\xC3\xA5s \xEF\xBF\xBD end\n");
	assert_int_equal(g.arts[0].flags, CHORUS_ARTICLE_REPAIRED);
	got_release(&g);
}

static void text_empty_binary_oversize(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_read_options opt = { 0 };
	struct got g = { 0 };
	char bin[512], big[150];
	char want[600];
	const char *path;
	size_t i;

	(void)state;
	path = puts_file("empty.txt", "");
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	snprintf(want, sizeof(want), "%s: empty article", path);
	assert_string_equal(g.diags[0], want);
	got_release(&g);

	path = puts_file("blank.txt", " \n\t\r\n\n");
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	snprintf(want, sizeof(want), "%s: empty article", path);
	assert_string_equal(g.diags[0], want);
	got_release(&g);

	for (i = 0; i < sizeof(bin); i++)
		bin[i] = (char)((i * 7 + 100) % 256);
	path = put("photo.dat", bin, sizeof(bin));
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	snprintf(want, sizeof(want),
		 "%s: binary data, not text: 54 control bytes in 512, the first at byte offset 23",
		 path);
	assert_string_equal(g.diags[0], want);
	got_release(&g);

	memset(big, 'a', sizeof(big));
	path = put("big.txt", big, sizeof(big));
	opt.max_article_bytes = 100;
	assert_int_equal(chorus_read_path(ctx, path, &opt, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 0);
	snprintf(want, sizeof(want), "%s: file is 150 bytes, over the limit of 100 bytes", path);
	assert_string_equal(g.diags[0], want);
	got_release(&g);
	opt.max_article_bytes = 150; /* at the limit is fine */
	assert_int_equal(chorus_read_path(ctx, path, &opt, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.arts[0].text_len, 150);
	got_release(&g);
	chorus_ctx_free(ctx);
}

/* A stream of unknown size stops buffering past the limit. */
static void stream_stops_at_the_limit(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus__ingest st;
	struct chorus__input in;
	struct got g = { 0 };
	char *big = chorus_xmalloc(300000);
	FILE *fp;

	(void)state;
	memset(big, 'x', 300000);
	fp = fmemopen(big, 300000, "rb");
	assert_non_null(fp);
	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.max_bytes = 100000;
	st.on_article = on_article;
	st.on_diag = on_diag;
	st.arg = &g;
	chorus__input_init_file(&in, "stdin", "stdin", fp, SIZE_MAX);
	assert_int_equal(chorus__ingest_dispatch(&st, &in), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	assert_string_equal(g.diags[0], "stdin: article is over the limit of 100000 bytes");
	/* it read one chunk past the limit, not the whole stream */
	assert_true(in.consumed < 200000);
	chorus__input_release(&in);
	fclose(fp);
	free(big);
	got_release(&g);
	chorus_ctx_free(ctx);
}

static void getline_keeps_long_lines_and_cuts_at_limit(void **state)
{
	struct chorus__input in;
	struct chorus__buf line = { 0 };
	char *data = chorus_xmalloc(200003);
	FILE *fp;
	int too_long;

	(void)state;
	memset(data, 'y', 200003);
	data[150000] = '\n';
	data[150001] = 'z';
	data[200002] = '\n';
	fp = fmemopen(data, 200003, "rb");
	chorus__input_init_file(&in, "f", "f", fp, SIZE_MAX);
	assert_int_equal(chorus__input_getline(&in, &line, 1000000, &too_long), 1);
	assert_int_equal(too_long, 0);
	assert_int_equal(line.len, 150001);
	assert_int_equal(line.ptr[150000], '\n');
	assert_int_equal(chorus__input_getline(&in, &line, 1000, &too_long), 1);
	assert_int_equal(too_long, 1);
	assert_int_equal(line.len, 1000);
	assert_int_equal(line.ptr[0], 'z');
	assert_int_equal(in.consumed, 200003);
	assert_int_equal(chorus__input_getline(&in, &line, 1000, &too_long), 0);
	chorus__buf_release(&line);
	chorus__input_release(&in);
	fclose(fp);
	free(data);
}

/* ---- JSONL ---- */

static const char jsonl[] =
	"{\"id\":\"nwa-1\",\"url\":\"https://nwa.example/1\",\"source\":\"Northwind Wire\","
	"\"title\":\" Dam holds \",\"published\":\"2022-02-21T18:30:00Z\",\"text\":\"First.\","
	"\"author\":\"Ada Brisk\",\"lang\":\"en\",\"extra\":[1,2]}\n"
	"{\"id\":\"nwa-2\",\"text\":\n"
	"[1,2,3]\n"
	"{\"id\":\"nwa-3\",\"title\":\"No body\"}\n"
	"\n"
	"{\"title\":42,\"text\":\"Typed wrong.\"}\n"
	"{\"body\":\"Second.\",\"published\":\"Mon, 21 Feb 2022 09:00:00 +0530\",\"id\":17}\r\n"
	"{\"content\":\"Third.\",\"source\":null}\n"
	"{\"text\":\"   \"}\n"
	"{\"text\":\"Late.\",\"published\":\"next Tuesday\"}";

static void jsonl_good_and_broken_lines(void **state)
{
	struct got g = { 0 };

	(void)state;
	assert_int_equal(read_mem("feed.jsonl", jsonl, sizeof(jsonl) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.arts[0].id, "nwa-1");
	assert_string_equal(g.arts[0].url, "https://nwa.example/1");
	assert_string_equal(g.arts[0].source, "Northwind Wire");
	assert_string_equal(g.arts[0].title, "Dam holds");
	assert_string_equal(g.arts[0].author, "Ada Brisk");
	assert_string_equal(g.arts[0].lang, "en");
	assert_true(g.arts[0].published == 1645468200);
	assert_string_equal(g.arts[0].text, "First.");
	assert_string_equal(g.arts[0].origin, "feed.jsonl:1");

	assert_string_equal(g.arts[1].id, "17");
	assert_string_equal(g.arts[1].text, "Second.");
	assert_true(g.arts[1].published == 1645414200);
	assert_string_equal(g.arts[1].origin, "feed.jsonl:7");

	assert_string_equal(g.arts[2].id, "feed.jsonl:8");
	assert_string_equal(g.arts[2].text, "Third.");
	assert_null(g.arts[2].source);
	assert_null(g.arts[2].title);
	assert_true(g.arts[2].published == CHORUS_TIME_UNKNOWN);

	assert_string_equal(g.arts[3].id, "feed.jsonl:10");
	assert_string_equal(g.arts[3].text, "Late.");
	assert_true(g.arts[3].published == CHORUS_TIME_UNKNOWN);

	assert_int_equal(g.n_diags, 6);
	assert_string_equal(g.diags[0],
			    "feed.jsonl:2: bad JSON at column 21: unexpected token near end of file");
	assert_string_equal(g.diags[1], "feed.jsonl:3: not a JSON object but an array");
	assert_string_equal(g.diags[2],
			    "feed.jsonl:4: no \"text\", \"body\" or \"content\" field");
	assert_string_equal(g.diags[3],
			    "feed.jsonl:6: field \"title\" is an integer, not a string");
	assert_string_equal(g.diags[4], "feed.jsonl:9: empty article");
	assert_string_equal(g.diags[5],
			    "feed.jsonl:10: date \"next Tuesday\" not understood; left unknown");
	got_release(&g);
}

static void jsonl_sniffed_on_stdin_and_forced_formats(void **state)
{
	struct chorus_read_options opt = { 0 };
	struct chorus_ctx *ctx;
	struct got g = { 0 };
	const char s[] = "  {\"text\":\"Hello.\"}\n{\"text\":\"Again.\"}\n";

	(void)state;
	assert_int_equal(read_mem(NULL, s, sizeof(s) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].id, "stdin:1");
	assert_string_equal(g.arts[1].id, "stdin:2");
	assert_string_equal(g.arts[1].origin, "stdin:2");
	got_release(&g);

	opt.format = "text";
	assert_int_equal(read_mem(NULL, s, sizeof(s) - 1, &opt, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].id, "stdin");
	assert_string_equal(g.arts[0].text, s);
	got_release(&g);

	opt.format = "pdf";
	ctx = chorus_ctx_new();
	assert_int_equal(chorus_read_buffer(ctx, "a", s, 5, &opt, on_article, on_diag, &g),
			 CHORUS_EINVAL);
	assert_string_equal(chorus_errmsg(ctx), "unknown input format 'pdf'");
	chorus_ctx_free(ctx);
}

static void jsonl_long_line_and_oversize_text(void **state)
{
	struct chorus_read_options opt = { 0 };
	struct chorus__buf b = { 0 };
	struct got g = { 0 };
	size_t i;

	(void)state;
	/* a 4 MiB article on one line is read whole */
	chorus__buf_adds(&b, "{\"id\":\"long\",\"text\":\"");
	for (i = 0; i < ((size_t)4 << 20) / 8; i++)
		chorus__buf_adds(&b, "abcdefg ");
	chorus__buf_adds(&b, "\"}\n{\"text\":\"After.\"}\n");
	assert_int_equal(read_mem("big.jsonl", b.ptr, b.len, NULL, &g), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].id, "long");
	assert_int_equal(g.arts[0].text_len, (size_t)4 << 20);
	assert_string_equal(g.arts[1].text, "After.");
	got_release(&g);

	/* over a limit of 1 MiB: the article is skipped, the next line is read */
	opt.max_article_bytes = (size_t)1 << 20;
	assert_int_equal(read_mem("big.jsonl", b.ptr, b.len, &opt, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].text, "After.");
	assert_int_equal(g.n_diags, 1);
	assert_string_equal(g.diags[0],
			    "big.jsonl:1: line is over 2162688 bytes, the limit for an article of 1048576");
	got_release(&g);

	/* a text field over the limit in a line under the line limit */
	opt.max_article_bytes = 10;
	assert_int_equal(read_mem("s.jsonl", "{\"text\":\"eleven byte\"}", 23, &opt, &g), 0);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.diags[0],
			    "s.jsonl:1: article is 11 bytes, over the limit of 10 bytes");
	got_release(&g);
	chorus__buf_release(&b);
}

static void jsonl_nul_escape_and_bad_utf8(void **state)
{
	struct got g = { 0 };
	const char s[] = "{\"title\":\"Cut\\u0000here\",\"text\":\"Alpha\\u0000beta, then many more words.\"}\n"
			 "{\"text\":\"ok \xF0\x9F\x98\x80 \xC3\xA9\"}\n";

	(void)state;
	assert_int_equal(read_mem("n.jsonl", s, sizeof(s) - 1, NULL, &g), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].title, "Cut");
	/* the NUL is dropped by the repair */
	assert_string_equal(g.arts[0].text, "Alphabeta, then many more words.");
	assert_int_equal(g.arts[0].text_len, 32);
	assert_int_equal(g.arts[0].flags, CHORUS_ARTICLE_REPAIRED);
	assert_string_equal(g.arts[1].text, "ok \xF0\x9F\x98\x80 \xC3\xA9");
	assert_int_equal(g.arts[1].flags, 0);
	got_release(&g);
}

/* ---- folders ---- */

static void folder_recursive_sorted_skipping(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };
	char root[128], link[160], want[256];

	(void)state;
	snprintf(root, sizeof(root), "%s/tree", tmpdir);
	puts_file("tree/b.txt", "Second file.\n");
	puts_file("tree/a.txt", "First file.\n");
	puts_file("tree/.hidden.txt", "Hidden.\n");
	puts_file("tree/logo.png", "\x89PNG\r\n\x1a\n");
	/* a folder's own documentation is no article; a file only named like it is one */
	puts_file("tree/README.md", "# The folder\n");
	puts_file("tree/sub/LICENSE", "Licence text.\n");
	puts_file("tree/sub/Readme.txt", "About.\n");
	puts_file("tree/readme-not.txt", "An article.\n");
	puts_file("tree/sub/feed.jsonl", "{\"text\":\"From the feed.\"}\n{\"text\":\"Two.\"}\n");
	puts_file("tree/sub/deeper/c.txt", "Deep file.\n");
	puts_file("tree/sub/zero.txt", "");
	snprintf(link, sizeof(link), "%s/tree/sub/loop", tmpdir);
	assert_int_equal(symlink("..", link), 0);

	assert_int_equal(chorus_read_path(ctx, root, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 6);
	assert_string_equal(g.arts[0].id, "a.txt");
	assert_string_equal(g.arts[0].text, "First file.\n");
	assert_string_equal(g.arts[1].id, "b.txt");
	assert_string_equal(g.arts[2].id, "readme-not.txt");
	assert_string_equal(g.arts[3].id, "sub/deeper/c.txt");
	assert_string_equal(g.arts[3].text, "Deep file.\n");
	assert_string_equal(g.arts[4].id, "sub/feed.jsonl:1");
	assert_string_equal(g.arts[4].text, "From the feed.");
	assert_string_equal(g.arts[5].id, "sub/feed.jsonl:2");
	snprintf(want, sizeof(want), "%s/sub/feed.jsonl:2", root);
	assert_string_equal(g.arts[5].origin, want);
	assert_int_equal(g.n_diags, 2);
	snprintf(want, sizeof(want), "%s/sub/loop: folder already read (a symbolic link loop?)",
		 root);
	assert_string_equal(g.diags[0], want);
	snprintf(want, sizeof(want), "%s/sub/zero.txt: empty article", root);
	assert_string_equal(g.diags[1], want);
	got_release(&g);

	/* on_article asks to stop after the second article */
	g.stop_after = 2;
	assert_int_equal(chorus_read_path(ctx, root, NULL, on_article, on_diag, &g), 7);
	assert_int_equal(g.n, 2);
	got_release(&g);
	chorus_ctx_free(ctx);
}

static void stdin_dash_and_fifo_in_folder(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };
	char fifo[160], want[256];
	const char *path;

	(void)state;
	/* "-" reads standard input, sniffed: this one is JSONL */
	path = puts_file("stdin.data", "\n{\"source\":\"VBN News\",\"text\":\"On air.\"}\n");
	assert_non_null(freopen(path, "rb", stdin));
	assert_int_equal(chorus_read_path(ctx, "-", NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.n_diags, 0);
	assert_string_equal(g.arts[0].id, "stdin:2");
	assert_string_equal(g.arts[0].origin, "stdin:2");
	assert_string_equal(g.arts[0].source, "VBN News");
	assert_string_equal(g.arts[0].text, "On air.");
	got_release(&g);

	/* a FIFO inside a folder is reported, not opened (it could block forever) */
	puts_file("withfifo/a.txt", "Text.\n");
	snprintf(fifo, sizeof(fifo), "%s/withfifo/pipe", tmpdir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	snprintf(want, sizeof(want), "%s/withfifo", tmpdir);
	assert_int_equal(chorus_read_path(ctx, want, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].id, "a.txt");
	assert_int_equal(g.n_diags, 1);
	snprintf(want, sizeof(want), "%s: not a regular file", fifo);
	assert_string_equal(g.diags[0], want);
	got_release(&g);
	chorus_ctx_free(ctx);
}

static void missing_path(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };
	char path[128], want[200];

	(void)state;
	snprintf(path, sizeof(path), "%s/nowhere.txt", tmpdir);
	assert_int_equal(chorus_read_path(ctx, path, NULL, on_article, on_diag, &g),
			 CHORUS_ENOTFOUND);
	snprintf(want, sizeof(want), "%s: no such file or folder", path);
	assert_string_equal(chorus_errmsg(ctx), want);
	assert_int_equal(g.n + g.n_diags, 0);
	chorus_ctx_free(ctx);
}

static void seeds_read_as_four_untitled_articles(void **state)
{
	const char *dir = testutil_shared("seeds");
	struct chorus_ctx *ctx;
	struct got g = { 0 };

	(void)state;
	if (!dir)
		skip();
	ctx = chorus_ctx_new();
	assert_int_equal(chorus_read_path(ctx, dir, NULL, on_article, on_diag, &g), 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.n_diags, 0);
	assert_string_equal(g.arts[0].id, "000_ef8ebd51f463d83a.txt");
	assert_string_equal(g.arts[1].id, "001_91dc9ccb825e8f37.txt");
	assert_string_equal(g.arts[2].id, "002_d19816cac635a754.txt");
	assert_string_equal(g.arts[3].id, "003_f6f6d28b1dc430bb.txt");
	/* the first lines are lead sentences, not headlines */
	assert_null(g.arts[0].title);
	assert_null(g.arts[1].title);
	assert_null(g.arts[2].title);
	assert_null(g.arts[3].title);
	assert_int_equal(g.arts[0].text_len, 2838);
	assert_memory_equal(g.arts[0].text, "Russian President Vladimir Putin ordered", 40);
	assert_int_equal(g.arts[3].text_len, 2470);
	got_release(&g);
	chorus_ctx_free(ctx);
}

/* The sample corpus of `make demo` (in the repository, so always there). */
static void sample_corpus_reads_cleanly(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct got g = { 0 };

	(void)state;
	assert_int_equal(chorus_read_path(ctx, "corpus/tarrow-bridge-collapse", NULL, on_article,
					  on_diag, &g), 0);
	assert_int_equal(g.n_diags, 0);
	assert_int_equal(g.n, 5);
	assert_string_equal(g.arts[0].id, "01_nwa_wire.txt");
	assert_string_equal(g.arts[0].title, "Ostrel Bridge collapses in Port Alder storm, 12 dead");
	assert_memory_equal(g.arts[0].text, "PORT ALDER, Veranth (NWA) - Twelve people", 41);
	/* the "Published:" and "Posted" lines: 2026-03-10T07:55Z ... 2026-03-11T18:30Z */
	assert_true(g.arts[0].published == 1773129300);
	assert_true(g.arts[1].published == 1773134100);
	assert_true(g.arts[2].published == 1773139200);
	assert_true(g.arts[3].published == 1773208800);
	assert_true(g.arts[4].published == 1773253800);
	assert_string_equal(g.arts[3].author, "Anselm Kittredge");
	assert_string_equal(g.arts[1].title, "Twelve killed as Ostrel Bridge falls into the Tarrow");
	assert_string_equal(g.arts[2].title, "Bridge collapse in Port Alder: at least 12 dead");
	assert_string_equal(g.arts[3].title,
			    "A warning in 2019, a collapse in 2026: what went wrong at the Ostrel Bridge");
	assert_string_equal(g.arts[4].id, "05_port_alder_gazette.txt");
	assert_string_equal(g.arts[4].title, "Fourteen dead as Ostrel Bridge collapses");
	got_release(&g);

	assert_int_equal(chorus_read_path(ctx, "corpus/eskvale-mine-rescue", NULL, on_article,
					  on_diag, &g), 0);
	assert_int_equal(g.n_diags, 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.arts[0].source, "Northwind Wire Agency");
	assert_string_equal(g.arts[0].author, "Lena Brightwater");
	assert_true(g.arts[0].published == 1776522000);
	assert_string_equal(g.arts[1].source, "VBN News");
	assert_true(g.arts[1].published == 1776517500);
	assert_string_equal(g.arts[2].title, "\xE2\x80\x98We rationed the water by the capful\xE2\x80\x99: "
					     "Grennock miners home after 72 hours");
	assert_true(g.arts[2].published == 1776574800);
	assert_string_equal(g.arts[3].id, "sagar-times-lm-0419-02");
	assert_true(g.arts[3].published == 1776591000);
	got_release(&g);

	assert_int_equal(chorus_read_path(ctx, "corpus/halvard-transit-strike", NULL, on_article,
					  on_diag, &g), 0);
	assert_int_equal(g.n_diags, 0);
	assert_int_equal(g.n, 5);
	assert_string_equal(g.arts[0].id, "halvard_courier.txt");
	assert_string_equal(g.arts[1].id, "meridian_review.txt");
	assert_string_equal(g.arts[2].id, "nwa-2026-06-04-halvard-strike");
	assert_true(g.arts[2].published == 1780553400);
	assert_string_equal(g.arts[3].id, "nwa-2026-06-05-halvard-strike-talks");
	assert_string_equal(g.arts[4].title, "Halvard transit strike: what you need to know");
	got_release(&g);
	chorus_ctx_free(ctx);
}

/* ---- dates ---- */

static chorus_time date(const char *s)
{
	chorus_time t = 12345;

	assert_int_equal(chorus_parse_date(s, &t), 0);
	return t;
}

static void date_bad(const char *s)
{
	chorus_time t = 12345;

	assert_int_equal(chorus_parse_date(s, &t), CHORUS_EPARSE);
	assert_true(t == 12345);
}

static void dates_iso_8601(void **state)
{
	(void)state;
	assert_true(date("2022-02-21") == 1645401600);
	assert_true(date("2022-02-21T18:30:00Z") == 1645468200);
	assert_true(date("2022-02-21T18:30Z") == 1645468200);
	assert_true(date("2022-02-21 18:30:00") == 1645468200);
	assert_true(date("2022-02-21t18:30:00.123456z") == 1645468200);
	assert_true(date(" 2022-02-21T18:30:00,5+00:00 ") == 1645468200);
	assert_true(date("2022-02-21T18:30:00+03:00") == 1645457400);
	assert_true(date("2022-02-21T18:30:00+0300") == 1645457400);
	assert_true(date("2022-02-21T18:30:00+03") == 1645457400);
	assert_true(date("2022-02-21T18:30:15-05:30") == 1645488015);
	assert_true(date("2024-02-29T23:59:59Z") == 1709251199);
	assert_true(date("1969-12-31T23:59:59Z") == -1);
	assert_true(date("0001-01-01") == -62135596800);
	assert_true(date("9999-12-31T23:59:59Z") == 253402300799);
	date_bad("99999-01-01");
	date_bad("2022-02-30");
	date_bad("2023-02-29");
	date_bad("2022-13-01");
	date_bad("2022-00-10");
	date_bad("0000-01-01");
	date_bad("2022-02-21T24:00:00Z");
	date_bad("2022-02-21T18:60:00Z");
	date_bad("2022-02-21T18:30:00+24:00");
	date_bad("2022-02-21T18:30:00 junk");
	date_bad("2022-2-21");
	date_bad("2022-02-21T18");
	date_bad("");
	date_bad("   ");
}

static void dates_rfc_2822(void **state)
{
	(void)state;
	assert_true(date("Mon, 21 Feb 2022 18:30:00 GMT") == 1645468200);
	assert_true(date("21 Feb 2022 18:30:00 +0000") == 1645468200);
	assert_true(date("Mon, 21 Feb 2022 18:30 UT") == 1645468200);
	assert_true(date("monday, 21 february 2022 18:30:00 z") == 1645468200);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 +0000 (UTC)") == 1645468200);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 EST") == 1645486200);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 CDT") == 1645486200);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 EDT") == 1645482600);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 MST") == 1645493400);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 PDT") == 1645493400);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 PST") == 1645497000);
	assert_true(date("Mon, 21 Feb 2022 18:30:00 -0500") == 1645486200);
	assert_true(date("Mon, 21 Feb 2022 09:00:00 +0530") == 1645414200);
	assert_true(date("1 Mar 99 08:05 GMT") == 920275500);
	assert_true(date("Mon, 21 Feb 22 18:30:00 GMT") == 1645468200);
	assert_true(date("21 Feb 2022") == 1645401600);
	/* a comma between the date and the time, as pages write it */
	assert_true(date("10 March 2026, 09:15") == 1773134100);
	assert_true(date("Tuesday, 10 March 2026 10:40") == 1773139200);
	date_bad("10 March 2026,");
	date_bad("10 March 2026, ");
	date_bad("10 March 2026,, 09:15");
	date_bad("Mon, 30 Feb 2022 18:30:00 GMT");
	date_bad("Mon, 21 Fev 2022 18:30:00 GMT");
	date_bad("Mon, 21 Feb 99999 18:30:00 GMT");
	date_bad("Mon, 21 Feb 2022 18:30:00 XYZ");
	date_bad("Mon, 21 Feb 2022 25:30:00 GMT");
	date_bad("Mon, 21 Feb 2022 18:30:00 +2400");
	date_bad("Mon, 21 Feb 2022 18:30:00 +0000 (UTC");
	date_bad("Mon, 121 Feb 2022");
	date_bad("Mon,");
	date_bad("Feb 21, 2022");
	date_bad("next Tuesday");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_headline_body_and_id),
		cmocka_unit_test(text_header_lines),
		cmocka_unit_test(text_lead_sentence_is_not_a_headline),
		cmocka_unit_test(headline_rules),
		cmocka_unit_test(text_crlf_and_bom),
		cmocka_unit_test(text_latin1_and_bad_utf8),
		cmocka_unit_test(text_empty_binary_oversize),
		cmocka_unit_test(stream_stops_at_the_limit),
		cmocka_unit_test(getline_keeps_long_lines_and_cuts_at_limit),
		cmocka_unit_test(jsonl_good_and_broken_lines),
		cmocka_unit_test(jsonl_sniffed_on_stdin_and_forced_formats),
		cmocka_unit_test(jsonl_long_line_and_oversize_text),
		cmocka_unit_test(jsonl_nul_escape_and_bad_utf8),
		cmocka_unit_test(folder_recursive_sorted_skipping),
		cmocka_unit_test(stdin_dash_and_fifo_in_folder),
		cmocka_unit_test(missing_path),
		cmocka_unit_test(seeds_read_as_four_untitled_articles),
		cmocka_unit_test(sample_corpus_reads_cleanly),
		cmocka_unit_test(dates_iso_8601),
		cmocka_unit_test(dates_rfc_2822),
	};

	return cmocka_run_group_tests(tests, make_tmp, remove_tmp);
}
