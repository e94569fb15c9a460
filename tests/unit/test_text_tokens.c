/*
 * tests/unit/test_text_tokens.c: tokens (text/tokens.c): apostrophes, hyphens,
 * numbers with Western and Indian grouping, percentages, currencies, abbreviations,
 * dates and times; norms, Snowball stems, flags, stopwords.
 */
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"
#include "support/textutil.h"

#include "chorus/chorus.h"
#include "text/text_int.h"

static void words_and_numbers(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	doc = textutil_analyze(ctx, NULL,
			       "Ukraine's Russia-backed rebels, Moscow-friendly, 14,000 people, 1,90,000 troops, "
			       "3.5, 10% or 10 %, $5, \xE2\x82\xAC" "1.2bn, US$300 million, U.S. officials at "
			       "10:30 on 2022-02-21.");
	assert_int_equal(doc->n_sents, 1);
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0),
			    "Ukraine's|Russia-backed|rebels|,|Moscow-friendly|,|14,000|people|,|1,90,000|troops|,|"
			    "3.5|,|10%|or|10 %|,|$5|,|\xE2\x82\xAC" "1.2bn|,|US$300|million|,|U.S.|officials|at|"
			    "10:30|on|2022-02-21|.");
	assert_string_equal(textutil_norms(ctx, doc, 0),
			    "ukraine's russia-backed rebels , moscow-friendly , 14000 people , 190000 troops , "
			    "3.5 , 10% or 10% , $5 , \xE2\x82\xAC" "1.2bn , us$300 million , u.s. officials at "
			    "10:30 on 2022-02-21 .");
	/* stems of words; numbers and punctuation are their own stem */
	assert_string_equal(textutil_tokens(ctx, doc, 0, 1) + 0,
			    "Ukraine's/ukraine's/ukrain Russia-backed/russia-backed/russia-back rebels/rebels/rebel "
			    ",/,/, Moscow-friendly/moscow-friendly/moscow-friend ,/,/, 14,000/14000/14000 "
			    "people/people/peopl ,/,/, 1,90,000/190000/190000 troops/troops/troop ,/,/, 3.5/3.5/3.5 "
			    ",/,/, 10%/10%/10% or/or/or 10 %/10%/10% ,/,/, $5/$5/$5 ,/,/, "
			    "\xE2\x82\xAC" "1.2bn/\xE2\x82\xAC" "1.2bn/\xE2\x82\xAC" "1.2bn ,/,/, US$300/us$300/us$300 "
			    "million/million/million ,/,/, U.S./u.s./u.s. officials/officials/offici at/at/at "
			    "10:30/10:30/10:30 on/on/on 2022-02-21/2022-02-21/2022-02-21 ././.");
	/* flags */
	assert_int_equal(doc->tokens[0].flags, CHORUS_TOK_WORD | CHORUS_TOK_CAP);
	assert_int_equal(doc->tokens[2].flags, CHORUS_TOK_WORD);
	assert_int_equal(doc->tokens[3].flags, CHORUS_TOK_PUNCT);
	assert_int_equal(doc->tokens[9].flags, CHORUS_TOK_NUMBER);
	assert_int_equal(doc->tokens[15].flags, CHORUS_TOK_WORD | CHORUS_TOK_STOP);
	assert_int_equal(doc->tokens[25].flags, CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_UPPER);
	/* the number's range in the text */
	assert_int_equal(doc->tokens[9].end - doc->tokens[9].start, 8);
	assert_memory_equal(doc->text + doc->tokens[9].start, "1,90,000", 8);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void apostrophes_hyphens_quotes(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	doc = textutil_analyze(ctx, NULL,
			       "Guterres' remarks: 'We need de-escalation now': UN chief.\n\n"
			       "Don't O'Brien COVID-19 14-year-old 1990s NATO 12,34,56,789 1,2345 21st "
			       "\xC2\xA3" "5m Z\xC3\xA9lensky \xC3\x89TAT \"Plan B.\"\n\n"
			       "Mr. Smith met Mr.\n");
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0),
			    "Guterres'|remarks|:|'|We|need|de-escalation|now|'|:|UN|chief|.");
	assert_string_equal(textutil_tokens(ctx, doc, 0, 1),
			    "Guterres'/guterres'/guterr remarks/remarks/remark :/:/: '/'/' We/we/we "
			    "need/need/need de-escalation/de-escalation/de-escal now/now/now '/'/' :/:/: "
			    "UN/un/un chief/chief/chief ././.");
	assert_int_equal(doc->tokens[3].flags, CHORUS_TOK_PUNCT | CHORUS_TOK_QUOTE);
	assert_int_equal(doc->tokens[4].flags, CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_STOP);
	/* grouping must be Western (3,3) or Indian (2,2,3): "1,2345" is not one number */
	assert_string_equal(textutil_tokens(ctx, doc, 1, 0),
			    "Don't|O'Brien|COVID-19|14-year-old|1990s|NATO|12,34,56,789|1|,|2345|21st|"
			    "\xC2\xA3" "5m|Z\xC3\xA9lensky|\xC3\x89TAT|\"|Plan|B|.|\"");
	assert_string_equal(textutil_norms(ctx, doc, 1),
			    "don't o'brien covid-19 14-year-old 1990s nato 123456789 1 , 2345 21st "
			    "\xC2\xA3" "5m z\xC3\xA9lensky \xC3\xA9tat \" plan b . \"");
	assert_int_equal(doc->tokens[doc->sents[1].tok_begin + 0].flags,
			 CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_STOP);
	assert_int_equal(doc->tokens[doc->sents[1].tok_begin + 2].flags,
			 CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_UPPER);
	assert_int_equal(doc->tokens[doc->sents[1].tok_begin + 3].flags, CHORUS_TOK_WORD);
	assert_int_equal(doc->tokens[doc->sents[1].tok_begin + 4].flags, CHORUS_TOK_NUMBER);
	assert_int_equal(doc->tokens[doc->sents[1].tok_begin + 13].flags,
			 CHORUS_TOK_WORD | CHORUS_TOK_CAP | CHORUS_TOK_UPPER);
	/* a currency amount before a hyphen and a word (found by fuzzing: the word
	 * path could not start on the currency sign and made no progress) */
	chorus_doc_free(doc);
	doc = textutil_analyze(ctx, NULL, "\xE2\x82\xAC" "1.2bnfro-m $5-a-day 14-year-old");
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0),
			    "\xE2\x82\xAC" "1.2bnfro|-|m|$5|-|a-day|14-year-old");
	/* ellipses, spaced or not, are one token */
	chorus_doc_free(doc);
	doc = textutil_analyze(ctx, NULL, "Wait... it . . . ends. . . .");
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0), "Wait|...|it|. . .|ends|. . . .");
	assert_string_equal(textutil_norms(ctx, doc, 0), "wait ... it ... ends ...");
	chorus_doc_free(doc);
	doc = textutil_analyze(ctx, NULL, "Mr. Smith met Mr.\n");
	/* an abbreviation keeps its period, unless the period ends the sentence */
	assert_string_equal(textutil_tokens(ctx, doc, 0, 0), "Mr.|Smith|met|Mr|.");
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void stopwords(void **state)
{
	(void)state;
	assert_true(chorus__text_is_stopword("the", 3));
	assert_true(chorus__text_is_stopword("won't", 5));
	assert_true(chorus__text_is_stopword("yourselves", 10));
	assert_false(chorus__text_is_stopword("The", 3)); /* the list is lowercase */
	assert_false(chorus__text_is_stopword("putin", 5));
	assert_false(chorus__text_is_stopword("", 0));
	assert_false(chorus__text_is_stopword("th", 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_and_numbers),
		cmocka_unit_test(apostrophes_hyphens_quotes),
		cmocka_unit_test(stopwords),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
