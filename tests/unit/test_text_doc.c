/*
 * tests/unit/test_text_doc.c: chorus_doc_analyze() on ordinary text: the headline as
 * paragraph 0, paragraphs, sentences, tokens and their offsets, the dateline, dropped
 * lines, the learned line filter, empty and binary input.
 */
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"
#include "support/textutil.h"

static void headline_paragraphs_sentences(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	doc = textutil_analyze(ctx, "Kyiv blames \xE2\x80\x9CMoscow\xE2\x80\x9D\n",
			       "KYIV (Reuters) - Ukraine's army said 14,000 people died. Mr. Smith agreed.\n"
			       "Also Read: Something else here\n"
			       "\n"
			       "Share this article\n"
			       "\n"
			       "The talks resume on Monday.\n");
	assert_string_equal(doc->text, "Kyiv blames \"Moscow\"\n\n"
				       "Ukraine's army said 14,000 people died. Mr. Smith agreed.\n\n"
				       "The talks resume on Monday.");
	assert_int_equal(doc->text_len, strlen(doc->text));
	assert_int_equal(doc->n_paras, 3);
	assert_int_equal(doc->paras[1].start, 22);
	assert_int_equal(doc->paras[1].end, 22 + 57);
	assert_int_equal(doc->paras[1].sent_begin, 1);
	assert_int_equal(doc->paras[1].sent_end, 3);
	assert_string_equal(textutil_sentences(doc), "Kyiv blames \"Moscow\"\n"
						     "Ukraine's army said 14,000 people died.\n"
						     "Mr. Smith agreed.\n"
						     "The talks resume on Monday.\n");
	assert_int_equal(doc->n_sents, 4);
	assert_int_equal(doc->sents[0].flags, CHORUS_SENT_TITLE | CHORUS_SENT_PARA_FIRST);
	assert_int_equal(doc->sents[1].flags, CHORUS_SENT_PARA_FIRST);
	assert_int_equal(doc->sents[2].flags, 0);
	assert_int_equal(doc->sents[2].para, 1);
	assert_int_equal(doc->sents[3].para, 2);
	assert_string_equal(doc->dateline_place, "KYIV");
	assert_string_equal(doc->dateline_agency, "Reuters");
	assert_int_equal(doc->dropped_lines, 2);
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0), "Kyiv|blames|\"|Moscow|\"");
	assert_string_equal(textutil_tokens(ctx, doc, 1, 1),
			    "Ukraine's/ukraine's/ukrain army/army/armi said/said/said 14,000/14000/14000 "
			    "people/people/peopl died/died/die ././.");
	assert_string_equal(textutil_tokens(ctx, doc, 2, 0), "Mr.|Smith|agreed|.");
	/* flags: "Kyiv" capitalized; quotes; the number; a stopword */
	assert_int_equal(doc->tokens[0].flags, CHORUS_TOK_WORD | CHORUS_TOK_CAP);
	assert_int_equal(doc->tokens[2].flags, CHORUS_TOK_PUNCT | CHORUS_TOK_QUOTE);
	assert_int_equal(doc->tokens[8].flags, CHORUS_TOK_NUMBER);
	assert_int_equal(doc->sents[3].tok_end - doc->sents[3].tok_begin, 6);
	assert_int_equal(doc->tokens[doc->sents[3].tok_begin].flags, CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_STOP);
	/* the same word gets the same ids */
	assert_int_equal(doc->tokens[doc->sents[3].tok_begin].norm,
			 chorus_lexicon_find(chorus_ctx_lexicon(ctx), "the", 3));
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

/* chorus_doc_body(): the clean text after the headline, as copies are compared */
static void body_without_headline(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;
	const char *body;
	size_t len;

	(void)state;
	doc = textutil_analyze(ctx, "Silo blaze: barley lost\n",
			       "Also Read: Storm warnings\n\nFire crews put out a blaze on Friday.\n");
	body = chorus_doc_body(doc, &len);
	assert_int_equal(len, strlen("Fire crews put out a blaze on Friday."));
	assert_memory_equal(body, "Fire crews put out a blaze on Friday.", len);
	assert_int_equal(doc->title_paras, 1);
	chorus_doc_free(doc);
	/* text only: the same clean text and paragraphs, no sentences, no tokens */
	{
		static const struct chorus_text_options text_only = { NULL, 1 };
		struct chorus_article a;

		chorus_article_init(&a);
		a.id = strdup("t");
		a.title = strdup("Silo blaze: barley lost");
		a.text = strdup("Also Read: Storm warnings\n\nFire crews put out a blaze on Friday.\n\nNo one was hurt.\n");
		a.text_len = strlen(a.text);
		assert_int_equal(chorus_doc_analyze(ctx, &a, &text_only, &doc), 0);
		assert_string_equal(doc->text, "Silo blaze: barley lost\n\n"
					       "Fire crews put out a blaze on Friday.\n\nNo one was hurt.");
		assert_int_equal(doc->n_paras, 3);
		assert_int_equal(doc->n_sents, 0);
		assert_int_equal(doc->n_tokens, 0);
		assert_int_equal(doc->paras[2].sent_begin, 0);
		assert_int_equal(doc->paras[2].sent_end, 0);
		body = chorus_doc_body(doc, &len);
		assert_int_equal(len, strlen("Fire crews put out a blaze on Friday.\n\nNo one was hurt."));
		assert_memory_equal(body, "Fire crews put out a blaze on Friday.", 37);
		chorus_doc_free(doc);
		chorus_article_release(&a);
	}
	/* no headline: the whole text */
	doc = textutil_analyze(ctx, NULL, "Fire crews put out a blaze.\n\nNo one was hurt.\n");
	body = chorus_doc_body(doc, &len);
	assert_ptr_equal(body, doc->text);
	assert_int_equal(len, doc->text_len);
	chorus_doc_free(doc);
	/* a headline and no body: the headline is the text */
	doc = textutil_analyze(ctx, "Silo blaze\n", "");
	body = chorus_doc_body(doc, &len);
	assert_ptr_equal(body, doc->text);
	assert_int_equal(len, doc->text_len);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void offsets_are_consistent(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;
	size_t i;

	(void)state;
	doc = textutil_analyze(ctx, NULL, "One. Two three!\n\nFour \xE2\x80\x93 five?  Six...\n");
	assert_string_equal(doc->text, "One. Two three!\n\nFour - five? Six...");
	assert_string_equal(textutil_sentences(doc), "One.\nTwo three!\nFour - five?\nSix...\n");
	for (i = 0; i < doc->n_tokens; i++) {
		assert_true(doc->tokens[i].start < doc->tokens[i].end);
		assert_true(doc->tokens[i].end <= doc->text_len);
		if (i)
			assert_true(doc->tokens[i - 1].end <= doc->tokens[i].start);
	}
	assert_string_equal(textutil_tokens(ctx, doc, 3, 0), "Six|...");
	assert_null(doc->dateline_place);
	assert_null(doc->dateline_agency);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void empty_and_binary(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;
	struct chorus_doc *doc = (struct chorus_doc *)1;

	(void)state;
	chorus_article_init(&a);
	a.id = (char *)"e1";
	a.text = (char *)"\n \n Advertisement\n\t\n";
	a.text_len = strlen(a.text);
	assert_int_equal(chorus_doc_analyze(ctx, &a, NULL, &doc), CHORUS_EEMPTY);
	assert_null(doc);
	assert_string_equal(chorus_errmsg(ctx), "article e1: no text left after cleaning");
	a.text = (char *)"\x01\x02\x03\x04\x05 binary";
	a.text_len = 12;
	assert_int_equal(chorus_doc_analyze(ctx, &a, NULL, &doc), CHORUS_EENCODING);
	assert_string_equal(chorus_errmsg(ctx),
			    "article e1: binary data, not text: 5 control bytes in 12, the first at byte offset 0");
	/* a body made only of the headline: the headline once */
	a.title = (char *)"Quake hits city";
	a.text = (char *)"Quake hits city\n";
	a.text_len = strlen(a.text);
	assert_int_equal(chorus_doc_analyze(ctx, &a, NULL, &doc), 0);
	assert_string_equal(doc->text, "Quake hits city");
	assert_int_equal(doc->n_sents, 1);
	chorus_doc_free(doc);
	chorus_doc_free(NULL);
	chorus_ctx_free(ctx);
}

static void learned_lines(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_linefilter *lf = chorus_linefilter_new();
	struct chorus_text_options opt = { lf, 0 };
	struct chorus_article a[4];
	struct chorus_doc *doc;
	static const char *const bodies[4] = {
		"Rains flooded the valley.\nThe Daily Bugle - your city, your news\n",
		"The mayor resigned.\nThe Daily Bugle - your city, your news\n",
		"Prices rose again.\nThe Daily Bugle - your city, your news\n",
		"Schools reopened.\n",
	};
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		chorus_article_init(&a[i]);
		a[i].id = (char *)"x";
		a[i].source = (char *)"Bugle";
		a[i].text = (char *)bodies[i];
		a[i].text_len = strlen(bodies[i]);
	}
	/* two articles: not yet learned (3 needed) */
	chorus_linefilter_add(lf, &a[0]);
	chorus_linefilter_add(lf, &a[1]);
	assert_int_equal(chorus_doc_analyze(ctx, &a[0], &opt, &doc), 0);
	assert_string_equal(doc->text, "Rains flooded the valley.\n\nThe Daily Bugle - your city, your news");
	chorus_doc_free(doc);
	chorus_linefilter_add(lf, &a[2]);
	chorus_linefilter_add(lf, &a[3]);
	/* 3 of 4 articles: learned */
	assert_int_equal(chorus_doc_analyze(ctx, &a[1], &opt, &doc), 0);
	assert_string_equal(doc->text, "The mayor resigned.");
	assert_int_equal(doc->dropped_lines, 1);
	chorus_doc_free(doc);
	/* another outlet's article keeps the line */
	a[1].source = (char *)"Herald";
	assert_int_equal(chorus_doc_analyze(ctx, &a[1], &opt, &doc), 0);
	assert_string_equal(doc->text, "The mayor resigned.\n\nThe Daily Bugle - your city, your news");
	chorus_doc_free(doc);
	/* a third of the outlet's articles is not enough */
	for (i = 0; i < 5; i++) {
		static const char *const more[5] = { "A.\n", "B.\n", "C.\n", "D.\n", "E.\n" };
		struct chorus_article m;

		chorus_article_init(&m);
		m.id = (char *)"m";
		m.source = (char *)"Bugle";
		m.text = (char *)more[i];
		m.text_len = 3;
		chorus_linefilter_add(lf, &m);
	}
	a[1].source = (char *)"Bugle";
	assert_int_equal(chorus_doc_analyze(ctx, &a[1], &opt, &doc), 0);
	assert_string_equal(doc->text, "The mayor resigned.\n\nThe Daily Bugle - your city, your news");
	chorus_doc_free(doc);
	chorus_linefilter_free(lf);
	chorus_linefilter_free(NULL);
	chorus_ctx_free(ctx);
}

/* One text read several times (a page saved twice, a feed item and its page, a crawl
 * that fetched it again) is one article of its outlet: its lines are not boilerplate. */
static void learned_lines_ignore_repeated_texts(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_linefilter *lf = chorus_linefilter_new();
	struct chorus_text_options opt = { lf, 0 };
	struct chorus_article a, b;
	struct chorus_doc *doc;
	static const char body[] = "Rains flooded the valley.\nThe Daily Bugle - your city\n";
	static const char other[] = "The mayor resigned.\nThe Daily Bugle - your city\n";
	int i;

	(void)state;
	chorus_article_init(&a);
	a.id = (char *)"x";
	a.source = (char *)"Bugle";
	a.text = (char *)body;
	a.text_len = strlen(body);
	for (i = 0; i < 3; i++)
		chorus_linefilter_add(lf, &a);
	assert_int_equal(chorus_doc_analyze(ctx, &a, &opt, &doc), 0);
	assert_string_equal(doc->text, "Rains flooded the valley.\n\nThe Daily Bugle - your city");
	assert_int_equal(doc->dropped_lines, 0);
	chorus_doc_free(doc);
	/* the same line in two more distinct texts: 3 of 3 articles, learned */
	b = a;
	b.text = (char *)other;
	b.text_len = strlen(other);
	chorus_linefilter_add(lf, &b);
	b.text = (char *)"Prices rose.\nThe Daily Bugle - your city\n";
	b.text_len = strlen(b.text);
	chorus_linefilter_add(lf, &b);
	assert_int_equal(chorus_doc_analyze(ctx, &a, &opt, &doc), 0);
	assert_string_equal(doc->text, "Rains flooded the valley.");
	assert_int_equal(doc->dropped_lines, 1);
	chorus_doc_free(doc);
	chorus_linefilter_free(lf);
	chorus_ctx_free(ctx);
}

static void lower_level_api(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_lexicon *lex = chorus_ctx_lexicon(ctx);
	static const char raw[] = "\xE2\x80\x9CWhy now?\xE2\x80\x9D he asked.\r\n\r\nMr. Smith left\xE2\x80\x94" "fast.";
	struct chorus_text_span *sp;
	size_t len, n;
	char *s;

	(void)state;
	s = chorus_text_normalize(raw, sizeof(raw) - 1, &len);
	assert_string_equal(s, "\"Why now?\" he asked.\n\nMr. Smith left - fast.");
	assert_int_equal(len, strlen(s));
	n = chorus_text_sentences(s, 20, &sp);
	assert_int_equal(n, 1);
	assert_int_equal(sp[0].start, 0);
	assert_int_equal(sp[0].end, 20);
	free(sp);
	n = chorus_text_sentences("It rained. Mr. Smith left. ", 27, &sp);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].end, 10);
	assert_int_equal(sp[1].start, 11);
	assert_int_equal(sp[1].end, 26);
	free(sp);
	assert_int_equal(chorus_text_sentences("", 0, &sp), 0);
	assert_null(sp);
	free(s);
	assert_string_equal(chorus_lexicon_str(lex, chorus_text_stem(ctx, "Ukraine's", 9), NULL), "ukrain");
	assert_string_equal(chorus_lexicon_str(lex, chorus_text_stem(ctx, "Recognized", 10), NULL), "recogn");
	assert_int_equal(chorus_text_stem(ctx, "recognizes", 10), chorus_text_stem(ctx, "Recognized", 10));
	assert_int_equal(chorus_text_stem(ctx, "  ", 2), 0);
	assert_true(chorus_text_is_stopword("the", 3));
	assert_false(chorus_text_is_stopword("kyiv", 4));
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headline_paragraphs_sentences),
		cmocka_unit_test(body_without_headline),
		cmocka_unit_test(offsets_are_consistent),
		cmocka_unit_test(empty_and_binary),
		cmocka_unit_test(learned_lines),
		cmocka_unit_test(learned_lines_ignore_repeated_texts),
		cmocka_unit_test(lower_level_api),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
