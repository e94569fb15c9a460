/*
 * tests/unit/test_sgml.c: the TREC/DUC SGML reader: DOCs to articles (id, title, date,
 * outlet, paragraphs), entities and wire control codes, broken DOCs, and the sniffing
 * that picks the format. The inputs are written here, in the wire services' layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "ingest/ingest.h"

struct got {
	struct chorus_article arts[8];
	size_t lines[8];
	size_t n;
	char diags[8][256];
	size_t n_diags;
};

static int on_article(void *arg, struct chorus_article *a)
{
	struct got *g = arg;

	assert_true(g->n < 8);
	chorus_article_copy(&g->arts[g->n++], a);
	return 0;
}

static void on_diag(void *arg, const char *where, const char *why)
{
	struct got *g = arg;

	assert_true(g->n_diags < 8);
	snprintf(g->diags[g->n_diags++], sizeof(g->diags[0]), "%s: %s", where, why);
}

static void release(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		chorus_article_release(&g->arts[i]);
	memset(g, 0, sizeof(*g));
}

static void read_buf(const char *name, const char *data, const char *format, struct got *g)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_read_options opt;

	memset(&opt, 0, sizeof(opt));
	opt.format = format;
	memset(g, 0, sizeof(*g));
	assert_int_equal(chorus_read_buffer(ctx, name, data, strlen(data), &opt, on_article,
					    on_diag, g), 0);
	chorus_ctx_free(ctx);
}

static const char two_docs[] =
	"\n<DOC>\n"
	"<DOCNO> APW20010101.0001 </DOCNO>\n"
	"<DOCTYPE> NEWS STORY </DOCTYPE>\n"
	"<DATE_TIME> 2001-01-01 08:30:27 </DATE_TIME>\n"
	"<HEADER>\nw0001 &Cx1f; wstm-\n</HEADER>\n"
	"<BODY>\n<SLUG> BC-Storm </SLUG>\n"
	"<HEADLINE>\nStorm Hits\n Coast\n</HEADLINE>\n"
	"<TEXT>\n<P>\n\tFirst paragraph, wrapped\nover two lines. \n</P>\n"
	"<P>\n   Second &amp; last: &quot;quoted&quot; &lt;here&gt;. &QL;\n</P>\n"
	"</TEXT>\n</BODY>\n<TRAILER>\nAP-NY-01-01-01 0830EST\n</TRAILER>\n"
	"</DOC>\n"
	"<doc>\n"
	"<DOCNO>NYT20010102.0002</DOCNO>\n"
	"<DATE_TIME> 01/02/2001 13:05:00 </DATE_TIME>\n"
	"<HEADLINE> A &HT; Title </HEADLINE>\n"
	"<TEXT>\n"
	"\tNo P elements here; an indented line\nstarts a paragraph.\n"
	"\tCaf&#233; &#x41;nd more.\n"
	"\n"
	"After a blank line.\n"
	"</TEXT>\n"
	"</doc>\n";

static void reads_docs_into_articles(void **state)
{
	struct got g;

	(void)state;
	read_buf("wire.sgml", two_docs, NULL, &g);
	assert_int_equal(g.n_diags, 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].id, "APW20010101.0001");
	assert_string_equal(g.arts[0].title, "Storm Hits Coast");
	assert_string_equal(g.arts[0].source, "Associated Press");
	assert_int_equal(g.arts[0].published, 978337827); /* 2001-01-01T08:30:27Z */
	assert_string_equal(g.arts[0].text,
			    "First paragraph, wrapped over two lines.\n\n"
			    "Second & last: \"quoted\" <here>.");
	assert_string_equal(g.arts[0].origin, "wire.sgml:2");
	assert_string_equal(g.arts[1].id, "NYT20010102.0002");
	assert_string_equal(g.arts[1].title, "A Title");
	assert_string_equal(g.arts[1].source, "New York Times");
	assert_int_equal(g.arts[1].published, 978440700); /* 2001-01-02T13:05:00Z */
	assert_string_equal(g.arts[1].text,
			    "No P elements here; an indented line starts a paragraph.\n\n"
			    "Caf\xc3\xa9 And more.\n\n"
			    "After a blank line.");
	assert_string_equal(g.arts[1].origin, "wire.sgml:29");
	release(&g);
}

/* Without DATE_TIME the date comes from the DOCNO; without DOCNO the id is name:line. */
static void fills_what_is_missing(void **state)
{
	struct got g;

	(void)state;
	read_buf("x", "<DOC>\n<DOCNO> XIE19990313.0173 </DOCNO>\n<TEXT>\nShort.\n</TEXT>\n</DOC>\n"
		      "<DOC>\n<TEXT><P>No number.</P></TEXT>\n</DOC>\n",
		 NULL, &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.arts[0].published, 921283200); /* 1999-03-13 */
	assert_string_equal(g.arts[0].source, "Xinhua");
	assert_null(g.arts[0].title);
	assert_string_equal(g.arts[1].id, "x:7");
	assert_true(g.arts[1].published == CHORUS_TIME_UNKNOWN);
	assert_null(g.arts[1].source);
	assert_string_equal(g.arts[1].text, "No number.");
	release(&g);
}

/* A DOC without text is skipped and named; an unclosed DOC is read to the next one. */
static void reports_broken_docs(void **state)
{
	struct got g;

	(void)state;
	read_buf("bad.sgml",
		 "<DOC>\n<DOCNO> A1 </DOCNO>\n<HEADLINE>Only a title</HEADLINE>\n</DOC>\n"
		 "<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT> Cut short\n"
		 "<DOC>\n<DOCNO> A3 </DOCNO>\n<TEXT> <P> </P> </TEXT>\n</DOC>\n"
		 "<DOC>\n<DOCNO> A4 </DOCNO>\n<TEXT> Last, unclosed.",
		 NULL, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.arts[0].id, "A2");
	assert_string_equal(g.arts[0].text, "Cut short");
	assert_string_equal(g.arts[1].id, "A4");
	assert_string_equal(g.arts[1].text, "Last, unclosed.");
	assert_int_equal(g.n_diags, 4);
	assert_string_equal(g.diags[0], "bad.sgml:1: no <TEXT> element");
	assert_string_equal(g.diags[1],
			    "bad.sgml:5: <DOC> has no </DOC> before the next <DOC>; read to it");
	assert_string_equal(g.diags[2], "bad.sgml:8: the <TEXT> element holds no text");
	assert_string_equal(g.diags[3], "bad.sgml:12: <DOC> has no </DOC>; read to the end");
	release(&g);
	/* forced as SGML, a text without any DOC says so */
	read_buf("plain.txt", "Just words.\n", "sgml", &g);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.n_diags, 1);
	assert_string_equal(g.diags[0], "plain.txt:1: no <DOC> element: not TREC/DUC SGML");
	release(&g);
}

/* Metadata comes out of the DOC as bytes: every field of the article is valid UTF-8
 * all the same (a fuzz finding: a DOCNO holding invalid bytes). */
static void fields_are_utf8(void **state)
{
	struct got g;

	(void)state;
	read_buf("wire.sgml",
		 "<DOC>\n<DOCNO> XIE\xff\xfe.0001 </DOCNO>\n<HEADLINE> Caf\xe9 owners protest </HEADLINE>\n"
		 "<TEXT>\n<P> Caf\xc3\xa9 owners said the new rules would cost them money. </P>\n</TEXT>\n</DOC>\n",
		 NULL, &g);
	assert_int_equal(g.n, 1);
	/* fields that are not UTF-8 are read as Windows-1252, as chorus_text_repair() does:
	 * 0xFF 0xFE are y with diaeresis and thorn, 0xE9 is e acute */
	assert_string_equal(g.arts[0].id, "XIE\xc3\xbf\xc3\xbe.0001");
	assert_string_equal(g.arts[0].title, "Caf\xc3\xa9 owners protest");
	assert_string_equal(g.arts[0].text, "Caf\xc3\xa9 owners said the new rules would cost them money.");
	release(&g);
}

static void sniffs_doc_files(void **state)
{
	struct got g;

	(void)state;
	assert_int_equal(chorus__ingest_sgml_sniff("APW19990707.0181", "\n<DOC>\n", 7), 45);
	assert_int_equal(chorus__ingest_sgml_sniff("a", "<doc id=\"1\">", 12), 45);
	assert_int_equal(chorus__ingest_sgml_sniff("a.sgml", "<DOC>", 5), 90);
	assert_int_equal(chorus__ingest_sgml_sniff("a.sgml", "<?xml", 5), 60);
	assert_int_equal(chorus__ingest_sgml_sniff("a", "<DOCNO>", 7), 0);
	assert_int_equal(chorus__ingest_sgml_sniff("a", "Hello <DOC>", 11), 0);
	/* a DUC file name has no extension: the content decides */
	read_buf("NYT19980612.0403", "<DOC><DOCNO>B1</DOCNO><TEXT>Body.</TEXT></DOC>", NULL, &g);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].id, "B1");
	release(&g);
	/* a .txt name is plain text, whatever it holds */
	read_buf("story.txt", "<DOC><DOCNO>B1</DOCNO><TEXT>Body.</TEXT></DOC>", NULL, &g);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.arts[0].id, "story.txt");
	release(&g);
}

struct count {
	size_t docs, problems;
	size_t first_line;
	size_t stop_at; /* return 9 after this many DOCs; 0: never */
};

static int count_doc(void *arg, struct chorus_article *a, size_t line)
{
	struct count *c = arg;

	if (!c->docs)
		c->first_line = line;
	c->docs++;
	chorus_article_release(a);
	return c->docs == c->stop_at ? 9 : 0;
}

static void count_problem(void *arg, size_t line, const char *why)
{
	struct count *c = arg;

	(void)line;
	(void)why;
	c->problems++;
}

/* The memory parser on its own: a nonzero return from on_doc stops it. */
static void parser_stops_when_asked(void **state)
{
	struct count c = { 0, 0, 0, 0 };

	(void)state;
	assert_int_equal(chorus__sgml_parse(two_docs, strlen(two_docs), "m", count_doc,
					    count_problem, &c), 0);
	assert_int_equal(c.docs, 2);
	assert_int_equal(c.first_line, 2);
	memset(&c, 0, sizeof(c));
	c.stop_at = 2;
	{
		static const char three[] = "<DOC><TEXT>a</TEXT></DOC><DOC><TEXT>b</TEXT></DOC>"
					    "<DOC><TEXT>c</TEXT></DOC>";

		assert_int_equal(chorus__sgml_parse(three, sizeof(three) - 1, "m", count_doc,
						    count_problem, &c), 9);
		assert_int_equal(c.docs, 2);
		assert_int_equal(c.problems, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_docs_into_articles),
		cmocka_unit_test(fills_what_is_missing),
		cmocka_unit_test(reports_broken_docs),
		cmocka_unit_test(fields_are_utf8),
		cmocka_unit_test(sniffs_doc_files),
		cmocka_unit_test(parser_stops_when_asked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
