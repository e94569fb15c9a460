/*
 * tests/unit/test_text_sentences.c: sentence boundaries (text/sentences.c) on news
 * text: abbreviations, initials, decimals, ellipses, quotations, '?' and '!' before
 * an attribution, headlines and subheadings.
 */
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"
#include "support/textutil.h"

#include "chorus/chorus.h"
#include "text/text_int.h"

static char result[4096];

/* The sentences of paragraph p, each followed by '\n'. */
static const char *split(const char *p)
{
	struct chorus__spans s = { 0 };
	size_t i, len = 0;

	chorus__text_sentences(p, strlen(p), &s);
	result[0] = '\0';
	for (i = 0; i < s.n; i++) {
		size_t n = s.v[i].end - s.v[i].start;

		assert_true(s.v[i].start < s.v[i].end);
		assert_true(len + n + 2 < sizeof(result));
		memcpy(result + len, p + s.v[i].start, n);
		len += n;
		result[len++] = '\n';
		result[len] = '\0';
	}
	free(s.v);
	return result;
}

static void abbreviations(void **state)
{
	(void)state;
	assert_string_equal(split("Mr. Smith met Dr. Jones at 3 p.m. on Feb. 22. They talked."),
			    "Mr. Smith met Dr. Jones at 3 p.m. on Feb. 22.\nThey talked.\n");
	assert_string_equal(split("The U.S. and the U.N. agreed. The U.S. Senate voted."),
			    "The U.S. and the U.N. agreed.\nThe U.S. Senate voted.\n");
	/* an abbreviation that ends the sentence, before a usual sentence opener */
	assert_string_equal(split("He moved to the U.S. The move was quick."),
			    "He moved to the U.S.\nThe move was quick.\n");
	assert_string_equal(split("Gen. Milley and Sen. Warren spoke with Gov. Newsom and Rep. Cheney. "
				  "No. 10 said nothing, St. Petersburg neither."),
			    "Gen. Milley and Sen. Warren spoke with Gov. Newsom and Rep. Cheney.\n"
			    "No. 10 said nothing, St. Petersburg neither.\n");
	assert_string_equal(split("Apple Inc. said profits rose. He joined Acme Corp. The firm grew. "
				  "Martin Luther King Jr. spoke, etc. and so on."),
			    "Apple Inc. said profits rose.\nHe joined Acme Corp.\nThe firm grew.\n"
			    "Martin Luther King Jr. spoke, etc. and so on.\n");
	/* "No." before a number is an abbreviation, before a word it is an answer */
	assert_string_equal(split("Her answer was No. The talks ended. Vol. 3 is out."),
			    "Her answer was No.\nThe talks ended.\nVol. 3 is out.\n");
	/* "no." in lowercase is a word */
	assert_string_equal(split("They said no. Talks ended."), "They said no.\nTalks ended.\n");
}

static void initials_numbers_ellipses(void **state)
{
	(void)state;
	assert_string_equal(split("J. K. Rowling and George W. Bush met. It was brief."),
			    "J. K. Rowling and George W. Bush met.\nIt was brief.\n");
	assert_string_equal(split("Prices rose 3.5 percent. Rents fell 1.2 percent."),
			    "Prices rose 3.5 percent.\nRents fell 1.2 percent.\n");
	assert_string_equal(split("Fighting began in 2014. 14,000 people died."),
			    "Fighting began in 2014.\n14,000 people died.\n");
	assert_string_equal(split("He paused... Then he left. And then... nothing."),
			    "He paused...\nThen he left.\nAnd then... nothing.\n");
	/* the spaced ellipsis of AP style */
	assert_string_equal(split("It was combat. . . . If you walk, he said . . . nothing."),
			    "It was combat. . . .\nIf you walk, he said . . . nothing.\n");
	assert_string_equal(split("Visit example.com today. It is v2.0 now."),
			    "Visit example.com today.\nIt is v2.0 now.\n");
}

static void quotations(void **state)
{
	(void)state;
	/* the quotation ends after the period */
	assert_string_equal(split("\"We will win,\" he said. \"The war is over.\" Then he left."),
			    "\"We will win,\" he said.\n\"The war is over.\"\nThen he left.\n");
	assert_string_equal(split("He said, \"Ukraine never had a tradition of genuine statehood.\" "
				  "He demanded a ceasefire."),
			    "He said, \"Ukraine never had a tradition of genuine statehood.\"\n"
			    "He demanded a ceasefire.\n");
	/* '?' and '!' in a quotation followed by its attribution: one sentence */
	assert_string_equal(split("\"Why now?\" he asked. \"Why not?\" Putin asked. \"Go!\" She ran."),
			    "\"Why now?\" he asked.\n\"Why not?\" Putin asked.\n\"Go!\"\nShe ran.\n");
	assert_string_equal(split("And who is the main enemy for the US and NATO? We know that too. It's Russia."),
			    "And who is the main enemy for the US and NATO?\nWe know that too.\nIt's Russia.\n");
	/* a single-quoted one, and a parenthesis */
	assert_string_equal(split("'We need de-escalation now.' The UN chief spoke (at length). Then he left."),
			    "'We need de-escalation now.'\nThe UN chief spoke (at length).\nThen he left.\n");
}

static void headlines_and_subheadings(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	/* a paragraph without final punctuation is one sentence */
	assert_string_equal(split("Putin recognizes Donetsk and Luhansk"), "Putin recognizes Donetsk and Luhansk\n");
	assert_string_equal(split("  trailing space. "), "trailing space.\n");
	assert_string_equal(split(""), "");
	/* the headline and a subheading inside the body */
	doc = textutil_analyze(ctx, "Putin recognizes rebel regions",
			       "Russia moved on Monday. The West reacted.\n"
			       "\n"
			       "'We need de-escalation now': UN chief\n"
			       "\n"
			       "The UN chief spoke.\n");
	assert_string_equal(textutil_sentences(doc),
			    "Putin recognizes rebel regions\n"
			    "Russia moved on Monday.\n"
			    "The West reacted.\n"
			    "'We need de-escalation now': UN chief\n"
			    "The UN chief spoke.\n");
	assert_int_equal(doc->sents[0].flags, CHORUS_SENT_TITLE | CHORUS_SENT_PARA_FIRST);
	assert_int_equal(doc->sents[3].flags, CHORUS_SENT_PARA_FIRST);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(abbreviations),
		cmocka_unit_test(initials_numbers_ellipses),
		cmocka_unit_test(quotations),
		cmocka_unit_test(headlines_and_subheadings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
