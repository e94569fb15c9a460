/*
 * tests/unit/test_text_paragraphs.c: lines to paragraphs (hard-wrapped text joined,
 * one paragraph per line kept), boilerplate lines, datelines, and the seed articles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"
#include "support/textutil.h"

#include "chorus/chorus.h"
#include "text/text_int.h"

static void wrapped_lines_joined(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	/* wrapped at 37: lines end with a period or not; the paragraph break is blank */
	doc = textutil_analyze(ctx, NULL,
			       "The storm reached the coast on Monday\n"
			       "night. Thousands of people had to be\n"
			       "taken from their homes in the valley.\n"
			       "Officials said the damage was severe\n"
			       "and would take months to repair.\n"
			       "\n"
			       "Rescue teams arrived on Tuesday. They\n"
			       "found the old bridge destroyed.\n");
	assert_string_equal(doc->text,
			    "The storm reached the coast on Monday night. Thousands of people had to be "
			    "taken from their homes in the valley. Officials said the damage was severe "
			    "and would take months to repair.\n\n"
			    "Rescue teams arrived on Tuesday. They found the old bridge destroyed.");
	chorus_doc_free(doc);
	/* wrapped, without blank lines: a short last line ends the paragraph, a short
	 * capitalized line without punctuation is a subheading; a broken hyphenated word */
	doc = textutil_analyze(ctx, NULL,
			       "The storm reached the coast on Monday\n"
			       "night. Thousands of people had to be\n"
			       "taken from their homes.\n"
			       "Officials said the damage was severe\n"
			       "and would take months to repair, and\n"
			       "that the bridge would stay closed.\n"
			       "A long night\n"
			       "Rescue teams arrived on Tuesday with\n"
			       "peace-\n"
			       "keeping troops.\n");
	assert_string_equal(doc->text,
			    "The storm reached the coast on Monday night. Thousands of people had to be "
			    "taken from their homes.\n\n"
			    "Officials said the damage was severe and would take months to repair, and "
			    "that the bridge would stay closed.\n\n"
			    "A long night\n\n"
			    "Rescue teams arrived on Tuesday with peace-keeping troops.");
	chorus_doc_free(doc);
	/* a line that stops mid-sentence is joined even when the next word, shortened by
	 * normalization (``serious'' is 9 characters, not 11), would now fit */
	doc = textutil_analyze(ctx, NULL,
			       "Veranth has about 2,400 road bridges built before 1970. According to the\n"
			       "ministry's own figures, one in five of them has a defect rated\n"
			       "``serious'' or worse, and the backlog of repairs is estimated at 3.1\n"
			       "billion veras. Engineers say the lesson is not new, and that the money\n"
			       "was never spent.\n");
	assert_string_equal(doc->text,
			    "Veranth has about 2,400 road bridges built before 1970. According to the "
			    "ministry's own figures, one in five of them has a defect rated \"serious\" or "
			    "worse, and the backlog of repairs is estimated at 3.1 billion veras. Engineers "
			    "say the lesson is not new, and that the money was never spent.");
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void related_list_and_header_lines(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	/* the headlines under "RELATED STORIES" go with it; the byline and the date line
	 * go; the dateline after them is found */
	doc = textutil_analyze(ctx, "Twelve killed as bridge falls",
			       "Published: 10 March 2026, 09:15\n\n"
			       "By Sofie Hallberg\n\n"
			       "PORT ALDER, Veranth (NWA) - Twelve people were killed on Monday.\n\n"
			       "RELATED STORIES\n\n"
			       "Port Alder harbour traffic halted after storm\n\n"
			       "Veranth weather service upgrades storm alert to red\n\n"
			       "Rescue divers recovered the last of the bodies on Tuesday.\n\n"
			       "Share this article on Facebook | Share on X | Email\n");
	assert_string_equal(doc->text, "Twelve killed as bridge falls\n\n"
				       "Twelve people were killed on Monday.\n\n"
				       "Rescue divers recovered the last of the bodies on Tuesday.");
	assert_int_equal(doc->dropped_lines, 6);
	assert_string_equal(doc->dateline_place, "PORT ALDER, Veranth");
	assert_string_equal(doc->dateline_agency, "NWA");
	chorus_doc_free(doc);
	/* the list ends at the first line that is a sentence */
	doc = textutil_analyze(ctx, NULL,
			       "Putin spoke.\n\nRELATED STORIES\n\n"
			       "Putin termed Ukraine a failed state.\n\nTalks ended\n");
	assert_string_equal(doc->text, "Putin spoke.\n\nPutin termed Ukraine a failed state.\n\nTalks ended");
	assert_int_equal(doc->dropped_lines, 1);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void one_paragraph_per_line(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	doc = textutil_analyze(ctx, NULL,
			       "Russian President Vladimir Putin on Monday recognized the independence of two "
			       "rebel regions.\n"
			       "The United States expects troops to move in soon.\n"
			       "The official added that the troops will enter Donbas in the name of peace.\n"
			       "Talks ended\n"
			       "More than 14,000 people have died.\n"
			       "The minister said\n"
			       "that the talks would resume.\n");
	assert_string_equal(doc->text,
			    "Russian President Vladimir Putin on Monday recognized the independence of two "
			    "rebel regions.\n\n"
			    "The United States expects troops to move in soon.\n\n"
			    "The official added that the troops will enter Donbas in the name of peace.\n\n"
			    "Talks ended\n\n"
			    "More than 14,000 people have died.\n\n"
			    "The minister said that the talks would resume.");
	assert_int_equal(doc->n_paras, 6);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static void boilerplate_lines(void **state)
{
	static const char *const dropped[] = {
		"Also Read: Russian troops could enter Ukraine's separatist regions in coming hours: US official",
		"RELATED STORIES", "Related Stories:", "Read more", "Read More >", "ADVERTISEMENT",
		"Advertisement", "Click here to read the full report", "Follow us on Twitter",
		"Follow us on Facebook and Instagram", "Share this article", "Share this story on Facebook",
		"Subscribe to our newsletter", "Sign up for our daily briefing",
		"Sign up for The Brief, our daily newsletter.", "Story continues below advertisement",
		"(Reporting by Jane Doe in Kyiv; Editing by John Roe)",
		"Reporting by Jane Doe; Writing by Ann Poe; Editing by John Roe",
		"Copyright 2022 The Associated Press. All rights reserved.",
		"\xC2\xA9 2022 Reuters", "Copyright \xC2\xA9 Daily Planet", "All rights reserved.",
		"https://example.com/news/2022/02/21/story-123", "www.example.com",
		"By Sofie Hallberg", "By JANE DOE and JOHN ROE", "By Jane Doe, Reuters",
		"Published: 10 March 2026, 09:15", "Updated 4:08 p.m. ET",
		"Follow the Halvard Courier on social media for the latest news.",
		NULL,
	};
	static const char *const kept[] = {
		"Read more about the plan in the report, officials said.",
		"Advertisement revenue fell by a third.",
		"Sign up for the draft began on Monday.",
		"Follow the money, the prosecutor said.",
		"Copyright law changed in 2019.",
		"Share prices fell 3%.",
		"(Reporting by Jane Doe",
		"Related talks are planned.",
		"Also, read the fine print.",
		"Visit www.example.com for more.",
		"https://example.com is down, the company said.",
		"By the numbers", "By Monday, 40 people had died.", "By 2030 Emissions Will Fall",
		"Published reports say otherwise.", "Updated figures are due on Monday.",
		NULL,
	};
	size_t i;

	(void)state;
	for (i = 0; dropped[i]; i++) {
		if (!chorus__text_is_boilerplate(dropped[i], strlen(dropped[i])))
			fail_msg("not dropped: %s", dropped[i]);
	}
	for (i = 0; kept[i]; i++) {
		if (chorus__text_is_boilerplate(kept[i], strlen(kept[i])))
			fail_msg("dropped: %s", kept[i]);
	}
}

struct dl_case {
	const char *para, *place, *agency, *rest;
};

static void datelines(void **state)
{
	static const struct dl_case cases[] = {
		{ "BRUSSELS, Belgium (AP) - NATO met.", "BRUSSELS, Belgium", "AP", "NATO met." },
		{ "KYIV (Reuters) - Ukraine said.", "KYIV", "Reuters", "Ukraine said." },
		{ "MOSCOW, Feb 22 (Reuters) - Russia moved.", "MOSCOW", "Reuters", "Russia moved." },
		{ "LONDON, March 3 (Reuters) - Prices rose.", "LONDON", "Reuters", "Prices rose." },
		{ "WASHINGTON - The U.S. said so.", "WASHINGTON", NULL, "The U.S. said so." },
		{ "NEW DELHI: India said so.", "NEW DELHI", NULL, "India said so." },
		{ "SAN FRANCISCO, Calif. (AP) - A quake hit.", "SAN FRANCISCO, Calif.", "AP", "A quake hit." },
		{ "ST. LOUIS (AP) - Rain fell.", "ST. LOUIS", "AP", "Rain fell." },
		{ "Kyiv, Ukraine (CNN) - Sirens sounded.", "Kyiv, Ukraine", "CNN", "Sirens sounded." },
		{ "Kyiv (Reuters) - Sirens sounded.", "Kyiv", "Reuters", "Sirens sounded." },
		/* not datelines */
		{ "BREAKING: Quake hits city.", NULL, NULL, NULL },
		{ "UPDATE - Talks resume.", NULL, NULL, NULL },
		{ "Ukraine - the country at the centre - said no.", NULL, NULL, NULL },
		{ "NATO said on Monday it would meet.", NULL, NULL, NULL },
		{ "The Kremlin (which denies it) - said no.", NULL, NULL, NULL },
		{ "KYIV", NULL, NULL, NULL },
		{ "KYIV - ", NULL, NULL, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; cases[i].para; i++) {
		const struct dl_case *c = &cases[i];
		struct chorus__dateline dl;
		int found = chorus__text_dateline(c->para, strlen(c->para), &dl);

		if (!c->place) {
			if (found)
				fail_msg("dateline in: %s", c->para);
			continue;
		}
		if (!found)
			fail_msg("no dateline in: %s", c->para);
		assert_int_equal(dl.place_len, strlen(c->place));
		assert_memory_equal(c->para + dl.place_off, c->place, dl.place_len);
		if (c->agency) {
			assert_int_equal(dl.agency_len, strlen(c->agency));
			assert_memory_equal(c->para + dl.agency_off, c->agency, dl.agency_len);
		} else {
			assert_int_equal(dl.agency_len, 0);
		}
		assert_string_equal(c->para + dl.skip, c->rest);
	}
}

static void dateline_in_document(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_doc *doc;

	(void)state;
	/* the em dash becomes " - " first; a headline-like first line comes before it */
	doc = textutil_analyze(ctx, NULL,
			       "Quake hits coast\n\nBRUSSELS, Belgium (AP) \xE2\x80\x94 NATO met on Monday.\n");
	assert_string_equal(doc->text, "Quake hits coast\n\nNATO met on Monday.");
	assert_string_equal(doc->dateline_place, "BRUSSELS, Belgium");
	assert_string_equal(doc->dateline_agency, "AP");
	chorus_doc_free(doc);
	/* after a headline that ends with a period */
	doc = textutil_analyze(ctx, NULL, "Poll finds Clinton would beat Trump.\n\n"
				      "NEW YORK, Dec. 14 (UPI) \xE2\x80\x94 In hypothetical match-ups, Clinton won.\n");
	assert_string_equal(doc->text, "Poll finds Clinton would beat Trump.\n\nIn hypothetical match-ups, Clinton won.");
	assert_string_equal(doc->dateline_place, "NEW YORK");
	assert_string_equal(doc->dateline_agency, "UPI");
	chorus_doc_free(doc);
	/* only at the start: not after a paragraph of the story (over 150 characters) */
	doc = textutil_analyze(ctx, NULL,
			       "Talks went on for a third day in the capital on Tuesday, and officials from both "
			       "sides said that they expected a first agreement on prisoners before the weekend.\n\n"
			       "KYIV (Reuters) - Ukraine said.\n");
	assert_non_null(strstr(doc->text, "\n\nKYIV (Reuters) - Ukraine said."));
	assert_null(doc->dateline_place);
	chorus_doc_free(doc);
	chorus_ctx_free(ctx);
}

static char *seed(const char *name, size_t *len)
{
	char rel[128];
	const char *path;
	char *s;

	snprintf(rel, sizeof(rel), "seeds/%s", name);
	path = testutil_shared(rel);
	if (!path)
		return NULL;
	s = testutil_read_file(path, len);
	assert_non_null(s);
	return s;
}

static struct chorus_doc *analyze_seed(struct chorus_ctx *ctx, const char *name, struct chorus_article *a)
{
	struct chorus_doc *doc = NULL;
	size_t len;
	char *s = seed(name, &len);

	if (!s)
		return NULL;
	chorus_article_init(a);
	a->id = (char *)name;
	a->text = s;
	a->text_len = len;
	assert_int_equal(chorus_doc_analyze(ctx, a, NULL, &doc), 0);
	return doc;
}

static void seeds(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article a;
	struct chorus_doc *doc;
	size_t i;
	int found = 0;

	(void)state;
	doc = analyze_seed(ctx, "000_ef8ebd51f463d83a.txt", &a);
	if (!doc) {
		chorus_ctx_free(ctx);
		skip();
	}
	assert_null(strstr(doc->text, "RELATED STORIES"));
	assert_int_equal(doc->dropped_lines, 1);
	assert_non_null(strstr(doc->text, "Donetsk People's Republic"));
	/* curly quotes folded; the first sentence exactly */
	assert_int_equal(doc->sents[0].start, 0);
	assert_int_equal(doc->sents[0].end, 126);
	assert_memory_equal(doc->text, "Russian President Vladimir Putin ordered Russian troops on Monday "
				       "to \"maintain peace\" in two rebel regions of eastern Ukraine.\n\n", 128);
	chorus_doc_free(doc);
	free(a.text);

	doc = analyze_seed(ctx, "001_91dc9ccb825e8f37.txt", &a);
	assert_null(strstr(doc->text, "Also Read"));
	assert_int_equal(doc->dropped_lines, 4);
	assert_non_null(strstr(doc->text, "Donetsk and Luhansk regions - collectively known as the Donbas - broke away"));
	chorus_doc_free(doc);
	free(a.text);

	doc = analyze_seed(ctx, "002_d19816cac635a754.txt", &a);
	for (i = 0; i < doc->n_tokens; i++) {
		const struct chorus_token *t = &doc->tokens[i];

		if (t->end - t->start == 8 && !memcmp(doc->text + t->start, "1,90,000", 8)) {
			assert_string_equal(chorus_lexicon_str(chorus_ctx_lexicon(ctx), t->norm, NULL), "190000");
			assert_int_equal(t->flags, CHORUS_TOK_NUMBER);
			found = 1;
		}
	}
	assert_true(found);
	/* the subheading is a sentence of its own */
	assert_non_null(strstr(textutil_sentences(doc), "\n'We need de-escalation now': UN chief\n"));
	chorus_doc_free(doc);
	free(a.text);
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrapped_lines_joined),
		cmocka_unit_test(one_paragraph_per_line),
		cmocka_unit_test(related_list_and_header_lines),
		cmocka_unit_test(boilerplate_lines),
		cmocka_unit_test(datelines),
		cmocka_unit_test(dateline_in_document),
		cmocka_unit_test(seeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
