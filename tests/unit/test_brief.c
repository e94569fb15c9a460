/*
 * tests/unit/test_brief.c: the brief: which sentences the summary takes, which
 * articles each one is attributed to, the word budget, syndicated copies, the
 * low-content filter, the renderers, and the seed articles (when present).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "support/testutil.h"

#include "chorus/chorus.h"

/* A story made of hand-written articles, analysed. */
struct story {
	struct chorus_ctx *ctx;
	struct chorus_article arts[8];
	struct chorus_doc *docs[8];
	size_t n;
};

static void story_add(struct story *st, const char *id, const char *source, const char *text)
{
	struct chorus_article *a = &st->arts[st->n];
	int rc;

	if (!st->ctx)
		st->ctx = chorus_ctx_new();
	chorus_article_init(a);
	a->id = strdup(id);
	a->source = source ? strdup(source) : NULL;
	a->text = strdup(text);
	a->text_len = strlen(text);
	rc = chorus_doc_analyze(st->ctx, a, NULL, &st->docs[st->n]);
	assert_int_equal(rc, 0);
	st->n++;
}

static void story_release(struct story *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		chorus_doc_free(st->docs[i]);
		chorus_article_release(&st->arts[i]);
	}
	chorus_ctx_free(st->ctx);
}

static struct chorus_brief *build(struct story *st, size_t words, const size_t *dup_of)
{
	struct chorus_brief_options opt = { words, dup_of, 0 };
	struct chorus_brief *b = NULL;

	assert_int_equal(chorus_brief_build(st->ctx, (const struct chorus_doc *const *)st->docs,
					    st->n, &opt, &b),
			 0);
	assert_non_null(b);
	return b;
}

static char *render(const struct chorus_brief *b, enum chorus_brief_format f)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(chorus_brief_render(b, f, &s, &len), 0);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

/* The harbour bridge story: three outlets; the approval is in all three, the start of
 * construction in two, the rest in one each. */
static void bridge_story(struct story *st)
{
	story_add(st, "a", "Alpha",
		  "The city council approved the new harbour bridge on Tuesday after a long debate.\n\n"
		  "The mayor thanked the engineers who designed the structure over two years.\n\n"
		  "Local shop owners expect many more visitors next summer.");
	story_add(st, "b", "Beta",
		  "On Tuesday the city council approved the new harbour bridge after months of debate.\n\n"
		  "Construction of the harbour bridge will begin in March and cost 40 million euros.");
	story_add(st, "c", "Gamma",
		  "The city council approved the new harbour bridge on Tuesday.\n\n"
		  "Construction of the bridge will begin in March, officials said.\n\n"
		  "A fishing club protested outside the town hall against the plan.");
}

static void summary_takes_shared_facts_and_names_all_outlets(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;

	(void)state;
	bridge_story(&st);
	b = build(&st, 25, NULL);
	/* Every approval sentence covers the same concepts; Gamma's is the shortest (10
	 * words), so it has the best gain per word. Then the construction start (Beta and
	 * Gamma carry it): Gamma's 10-word sentence fits the 15 words left, Beta's 15-word
	 * one would too but gains less per word. */
	assert_int_equal(b->n_summary, 2);
	assert_string_equal(b->summary[0].text,
			    "The city council approved the new harbour bridge on Tuesday.");
	assert_int_equal(b->summary[0].doc, 2);
	assert_int_equal(b->summary[0].sent, 0);
	assert_int_equal(b->summary[0].n_sources, 3);
	assert_int_equal(b->summary[0].sources[0].doc, 0);
	assert_int_equal(b->summary[0].sources[0].sent, 0);
	assert_int_equal(b->summary[0].sources[1].doc, 1);
	assert_int_equal(b->summary[0].sources[1].sent, 0);
	assert_int_equal(b->summary[0].sources[2].doc, 2);
	assert_int_equal(b->summary[0].support, 3);
	assert_string_equal(b->summary[1].text,
			    "Construction of the bridge will begin in March, officials said.");
	assert_int_equal(b->summary[1].n_sources, 2);
	assert_int_equal(b->summary[1].sources[0].doc, 1);
	assert_int_equal(b->summary[1].sources[0].sent, 1);
	assert_int_equal(b->summary[1].sources[1].doc, 2);
	assert_int_equal(b->summary[1].support, 2);
	assert_int_equal(b->summary_words, 20);
	assert_int_equal(b->budget, 25);
	chorus_brief_free(b);
	story_release(&st);
}

static void budget_is_never_exceeded(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;
	size_t words, i, sum;

	(void)state;
	bridge_story(&st);
	for (words = 1; words <= 80; words++) {
		b = build(&st, words, NULL);
		sum = 0;
		for (i = 0; i < b->n_summary; i++)
			sum += b->summary[i].words;
		assert_int_equal(sum, b->summary_words);
		assert_true(sum <= words);
		/* the shortest selectable sentence has 9 words (Alpha's last) */
		assert_int_equal(b->n_summary == 0, words < 9);
		chorus_brief_free(b);
	}
	story_release(&st);
}

static struct chorus_brief *build_flags(struct story *st, size_t words, unsigned flags)
{
	struct chorus_brief_options opt = { words, NULL, flags };
	struct chorus_brief *b = NULL;

	assert_int_equal(chorus_brief_build(st->ctx, (const struct chorus_doc *const *)st->docs,
					    st->n, &opt, &b),
			 0);
	assert_non_null(b);
	return b;
}

/* The snow story: the closure is in both articles; the ploughs' sentences share
 * "snowploughs cleared the road", at the start of Beta's and at the end of Alpha's. */
static void snow_story(struct story *st)
{
	story_add(st, "a", "Alpha",
		  "Heavy snow closed the mountain pass near Arlberg on Sunday morning.\n\n"
		  "Drivers waited for hours in long queues before snowploughs cleared the road.");
	story_add(st, "b", "Beta",
		  "Heavy snow closed the mountain pass near Arlberg on Sunday, police said.\n\n"
		  "Snowploughs cleared the road, and the valley villages were reached late in the evening.");
}

static void fill_cuts_the_sentence_whose_first_words_add_most(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;

	(void)state;
	snow_story(&st);
	/* Without the flag: Alpha's closure (11 words, the shorter of the two), and no other
	 * sentence fits the 4 words left. */
	b = build_flags(&st, 15, 0);
	assert_int_equal(b->n_summary, 1);
	assert_int_equal(b->summary_words, 11);
	assert_int_equal(b->summary[0].cut, 0);
	chorus_brief_free(b);
	/* With it, the 4 words left go to the first words of a sentence too long to fit:
	 * Beta's ploughs sentence, whose first 4 words hold the 3 shared bigrams
	 * (snowploughs cleared, cleared the, the road: 2 articles each), not Alpha's, which
	 * holds more concepts as a whole but only 3 rare ones (0.01 each) in its first 4
	 * words. Beta's closure carries Alpha's: redundant. The comma before the cut goes. */
	b = build_flags(&st, 15, CHORUS_BRIEF_FILL);
	assert_int_equal(b->n_summary, 2);
	assert_string_equal(b->summary[0].text,
			    "Heavy snow closed the mountain pass near Arlberg on Sunday morning.");
	assert_int_equal(b->summary[0].cut, 0);
	assert_int_equal(b->summary[0].n_sources, 2);
	assert_string_equal(b->summary[1].text, "Snowploughs cleared the road\xe2\x80\xa6");
	assert_int_equal(b->summary[1].cut, 1);
	assert_int_equal(b->summary[1].words, 4);
	assert_int_equal(b->summary[1].doc, 1);
	assert_int_equal(b->summary[1].sent, 1);
	/* its sources are those of the whole sentence: only 3 content stems in common with
	 * Alpha's, fewer than the 4 the alignment asks */
	assert_int_equal(b->summary[1].n_sources, 1);
	assert_int_equal(b->summary_words, 15);
	chorus_brief_free(b);
	/* A budget smaller than every sentence: the summary is one cut sentence. */
	b = build_flags(&st, 10, CHORUS_BRIEF_FILL);
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text,
			    "Heavy snow closed the mountain pass near Arlberg on Sunday\xe2\x80\xa6");
	assert_int_equal(b->summary[0].cut, 1);
	assert_int_equal(b->summary[0].n_sources, 2);
	chorus_brief_free(b);
	/* 11 words left after the closure: Beta's ploughs sentence (14 words) is cut after
	 * "late"; Alpha's (12) would not fit whole either. */
	b = build_flags(&st, 22, CHORUS_BRIEF_FILL);
	assert_int_equal(b->n_summary, 2);
	assert_string_equal(b->summary[1].text, "Snowploughs cleared the road, and the valley "
						"villages were reached late\xe2\x80\xa6");
	assert_int_equal(b->summary[1].words, 11);
	chorus_brief_free(b);
	/* Once the three sentences that do not repeat one another fit whole (37 words),
	 * nothing is cut. */
	b = build_flags(&st, 37, CHORUS_BRIEF_FILL);
	assert_int_equal(b->n_summary, 3);
	assert_int_equal(b->summary[2].cut, 0);
	assert_int_equal(b->summary_words, 37);
	chorus_brief_free(b);
	/* The budget is still a budget, and only the last sentence may be cut. */
	for (size_t words = 1; words <= 40; words++) {
		size_t i, sum = 0;
		b = build_flags(&st, words, CHORUS_BRIEF_FILL);
		for (i = 0; i < b->n_summary; i++) {
			sum += b->summary[i].words;
			assert_true(!b->summary[i].cut || i + 1 == b->n_summary);
		}
		assert_int_equal(sum, b->summary_words);
		assert_true(sum <= words);
		chorus_brief_free(b);
	}
	story_release(&st);
}

/* The hail story: the ferry's return is in 3 articles, the hail in 2, each of the other
 * articles says something of its own. */
static void hail_story(struct story *st, size_t n)
{
	static const char *const other[] = {
		"A new library with a large reading room and a small cafe opened in the old town hall building this week.",
		"The regional orchestra announced a winter season of twelve concerts, with two premieres by local composers.",
		"Police asked drivers to avoid the coastal road after a landslide blocked both lanes near the tunnel entrance.",
		"The football club signed a goalkeeper from a second division team on a contract that runs for three years.",
	};
	static const char *const ids[] = { "d", "e", "f", "g" };
	const char *ferry = "The ferry resumed service on the river on Monday.";
	const char *hail = "Farmers near the northern lake said that heavy hail had destroyed wheat, barley and "
			   "maize fields across the whole valley during the long storm.";
	char both[512];
	size_t i;

	snprintf(both, sizeof(both), "%s\n\n%s", ferry, hail);
	story_add(st, "a", NULL, both);
	story_add(st, "b", NULL, both);
	story_add(st, "c", NULL, ferry);
	for (i = 0; i + 3 < n; i++)
		story_add(st, ids[i], NULL, other[i]);
}

static void large_stories_need_three_articles_per_concept(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;

	(void)state;
	/* 6 articles: a concept counts from 2 articles on. The hail sentence (24 words) has
	 * 22 bigram concepts, 2 articles each: 44 / 24^0.6 = 6.5; the ferry sentence (9
	 * words) 7 concepts of 3 articles: 21 / 9^0.6 = 5.6. The hail takes the whole
	 * budget. */
	hail_story(&st, 6);
	b = build(&st, 24, NULL);
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text, "Farmers near the northern lake said that heavy hail had "
						"destroyed wheat, barley and maize fields across the whole valley during the long storm.");
	assert_int_equal(b->summary[0].n_sources, 2);
	chorus_brief_free(b);
	story_release(&st);

	/* 7 articles: from LARGE_STORY (7) on, a concept needs 3 of them; the hail's weigh
	 * 0.01 per article, and the ferry leads. The 15 words left hold no other sentence
	 * (the others have 17 to 21 words; the ferry's copies in b and c are redundant). */
	memset(&st, 0, sizeof(st));
	hail_story(&st, 7);
	b = build(&st, 24, NULL);
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text, "The ferry resumed service on the river on Monday.");
	assert_int_equal(b->summary[0].doc, 0);
	assert_int_equal(b->summary[0].n_sources, 3);
	chorus_brief_free(b);
	story_release(&st);
}

/* The marsh story: a 16-word sentence in articles a, b and c, and two 10-word ones, one
 * in d, e and f, the other in e, f and g (n articles, 6 or 7), no stopwords and no stem
 * shared between the three, so each has one bigram concept fewer than words, and one
 * word concept per word. */
static void marsh_story(struct story *st, size_t n)
{
	static const char *const ids[] = { "a", "b", "c", "d", "e", "f", "g" };
	const char *l = "Volunteers rebuilt twelve wooden bridges near Marlow yesterday, hauling "
			"timber across muddy fields beside frozen streams.";
	const char *m1 = "Engineers inspected every damaged railway signal along Kessel's northern "
			 "corridor.";
	const char *m2 = "Regional officials promised emergency grants covering repairs, housing, "
			 "schooling, transport.";
	char text[512];
	size_t i;

	for (i = 0; i < n; i++) {
		if (i < 3)
			snprintf(text, sizeof(text), "%s", l);
		else if (i == 3)
			snprintf(text, sizeof(text), "%s", m1);
		else if (i < 6)
			snprintf(text, sizeof(text), "%s\n\n%s", m1, m2);
		else
			snprintf(text, sizeof(text), "%s", m2);
		story_add(st, ids[i], ids[i], text);
	}
}

static void large_stories_get_the_exact_optimum(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;

	(void)state;
	/* 6 articles: the greedy alone, bigrams only, 2 articles per concept. The long
	 * sentence: 15 concepts of 3 articles, 45 / 16^0.6 = 8.5; the first short one 27 /
	 * 10^0.6 = 6.8, the second 18 / 10^0.6 = 4.5. The long one is taken; the 4 words
	 * left hold no sentence. */
	marsh_story(&st, 6);
	b = build(&st, 20, NULL);
	assert_int_equal(b->n_summary, 1);
	assert_int_equal(b->summary[0].doc, 0);
	assert_int_equal(b->summary[0].words, 16);
	assert_int_equal(b->summary[0].n_sources, 3);
	chorus_brief_free(b);
	story_release(&st);

	/* 7 articles: 3 per concept, word concepts at 0.2 of a bigram's weight, and the
	 * exact search. The long sentence is worth 15 * 3 + 16 * 0.6 = 54.6 (54.6 / 16^0.6 =
	 * 10.3), each short one 9 * 3 + 10 * 0.6 = 33 (8.3): the greedy takes the long one,
	 * but the two short ones fit the 20 words together and cover 66. The first copies
	 * found are d's and e's; equal support and weight, so the earlier position first. */
	memset(&st, 0, sizeof(st));
	marsh_story(&st, 7);
	b = build(&st, 20, NULL);
	assert_int_equal(b->n_summary, 2);
	assert_string_equal(b->summary[0].text, "Engineers inspected every damaged railway signal "
						"along Kessel's northern corridor.");
	assert_int_equal(b->summary[0].doc, 3);
	assert_int_equal(b->summary[0].sent, 0);
	assert_int_equal(b->summary[0].n_sources, 3);
	assert_int_equal(b->summary[0].sources[0].doc, 3);
	assert_int_equal(b->summary[0].sources[2].doc, 5);
	assert_string_equal(b->summary[1].text, "Regional officials promised emergency grants "
						"covering repairs, housing, schooling, transport.");
	assert_int_equal(b->summary[1].doc, 4);
	assert_int_equal(b->summary[1].sent, 1);
	assert_int_equal(b->summary[1].n_sources, 3);
	assert_int_equal(b->summary[1].sources[0].doc, 4);
	assert_int_equal(b->summary[1].sources[2].doc, 6);
	assert_int_equal(b->summary_words, 20);
	chorus_brief_free(b);
	story_release(&st);
}

static void copies_are_outlets_but_not_support(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;
	const size_t dup_of[3] = { CHORUS_BRIEF_ORIGINAL, 0, CHORUS_BRIEF_ORIGINAL };
	char *json;
	json_t *root, *srcs;
	json_error_t err;

	(void)state;
	story_add(&st, "wire", "Wire Agency",
		  "Floods closed the main railway line between Dorn and Kessel on Sunday night.\n\n"
		  "Engineers expect the line to reopen by Thursday at the earliest.");
	story_add(&st, "paper", "Daily Paper",
		  "Floods closed the main railway line between Dorn and Kessel on Sunday night.\n\n"
		  "Engineers expect the line to reopen by Thursday at the earliest.");
	story_add(&st, "radio", "Radio Nine",
		  "The railway line between Dorn and Kessel was closed by floods on Sunday night.\n\n"
		  "Bus companies added extra coaches for stranded travellers on Monday morning.");
	b = build(&st, 14, dup_of);
	assert_int_equal(b->n_independent, 2);
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text,
			    "Floods closed the main railway line between Dorn and Kessel on Sunday night.");
	assert_int_equal(b->summary[0].n_sources, 3);
	assert_int_equal(b->summary[0].support, 2);
	assert_int_equal(b->summary[0].sources[0].copy, 0);
	assert_int_equal(b->summary[0].sources[1].copy, 1);
	assert_int_equal(b->summary[0].sources[2].copy, 0);
	assert_int_equal(b->summary[0].sources[2].sent, 0);

	json = render(b, CHORUS_BRIEF_JSON);
	root = json_loads(json, 0, &err);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "independent")), 2);
	assert_true(json_is_null(json_object_get(json_array_get(json_object_get(root, "articles"), 0),
						 "copy_of")));
	assert_int_equal(json_integer_value(json_object_get(
				 json_array_get(json_object_get(root, "articles"), 1), "copy_of")),
			 0);
	srcs = json_object_get(json_array_get(json_object_get(json_object_get(root, "summary"),
							      "sentences"),
					      0),
			       "sources");
	assert_int_equal(json_array_size(srcs), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(srcs, 1), "outlet")),
			    "Daily Paper");
	assert_true(json_is_true(json_object_get(json_array_get(srcs, 1), "copy")));
	json_decref(root);
	free(json);
	chorus_brief_free(b);
	story_release(&st);
}

static void low_content_sentences_are_never_selected(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;
	size_t i;

	(void)state;
	/* The same words in both articles, so that every sentence has shared concepts; only
	 * the first sentence of each may be selected. */
	story_add(&st, "x", NULL,
		  "The museum reopened its eastern wing to visitors after a long restoration.\n\n"
		  "Will the museum reopen its eastern wing to visitors after the restoration?\n\n"
		  "\"The museum reopened its eastern wing to visitors after the restoration,\" he said.\n\n"
		  "Museum reopened eastern wing.\n\n"
		  "What the museum reopened to visitors after the restoration:");
	story_add(&st, "y", NULL,
		  "After a long restoration the museum reopened its eastern wing to visitors.\n\n"
		  "Will the museum reopen its eastern wing to visitors after the restoration?");
	b = build(&st, 500, NULL);
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text,
			    "The museum reopened its eastern wing to visitors after a long restoration.");
	for (i = 0; i < b->summary[0].n_sources; i++)
		assert_int_equal(b->summary[0].sources[i].sent, 0);
	assert_int_equal(b->summary[0].n_sources, 2);
	chorus_brief_free(b);
	story_release(&st);
}

static void datelines_and_contact_lines_stay_out(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;

	(void)state;
	story_add(&st, "a", "Alpha",
		  "FARM-BUDGET _ WASHINGTON _ The Senate approved the new farm budget on Tuesday after a long debate.\n\n"
		  "The news editor for the farm budget story is Tom Oder, toder(at)example.com, on Tuesday.");
	story_add(&st, "b", "Beta",
		  "WASHINGTON _ The Senate approved the new farm budget on Tuesday after a short debate.\n\n"
		  "The news editor for the farm budget story is Ann Oder, ann@example.com, on Tuesday.");
	b = build(&st, 100, NULL);
	/* the contact lines share "news editor", "farm budget", "budget story", but may not
	 * be selected; the budget sentences lose their datelines (and slug) */
	assert_int_equal(b->n_summary, 1);
	assert_string_equal(b->summary[0].text,
			    "The Senate approved the new farm budget on Tuesday after a long debate.");
	assert_int_equal(b->summary[0].words, 13);
	assert_int_equal(b->summary_words, 13);
	assert_int_equal(b->summary[0].n_sources, 2);
	chorus_brief_free(b);
	story_release(&st);
}

static void renders_text_md_plain_exactly(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;
	char *s, *sum = NULL;
	size_t len = 0;

	(void)state;
	bridge_story(&st);
	b = build(&st, 25, NULL);
	s = render(b, CHORUS_BRIEF_TEXT);
	assert_string_equal(s, "Brief\n"
			       "\n"
			       "3 articles, 3 independent\n"
			       "\n"
			       "SUMMARY (20 words)\n"
			       "\n"
			       "1. The city council approved the new harbour bridge on Tuesday.\n"
			       "   [Alpha, Beta, Gamma]\n"
			       "2. Construction of the bridge will begin in March, officials said.\n"
			       "   [Beta, Gamma]\n");
	free(s);
	s = render(b, CHORUS_BRIEF_MD);
	assert_string_equal(s, "# Brief\n"
			       "\n"
			       "_3 articles, 3 independent_\n"
			       "\n"
			       "## Summary\n"
			       "\n"
			       "- The city council approved the new harbour bridge on Tuesday. _(Alpha, Beta, Gamma)_\n"
			       "- Construction of the bridge will begin in March, officials said. _(Beta, Gamma)_\n");
	free(s);
	s = render(b, CHORUS_BRIEF_PLAIN);
	assert_string_equal(s, "The city council approved the new harbour bridge on Tuesday.\n"
			       "Construction of the bridge will begin in March, officials said.\n");
	/* rendering appends to what the buffer holds */
	sum = s;
	len = strlen(s);
	assert_int_equal(chorus_brief_render_summary(b, CHORUS_BRIEF_PLAIN, &sum, &len), 0);
	assert_int_equal(len, 2 * strlen("The city council approved the new harbour bridge on Tuesday.\n"
					 "Construction of the bridge will begin in March, officials said.\n"));
	free(sum);
	assert_int_equal(chorus_brief_render(b, (enum chorus_brief_format)99, &s, &len),
			 CHORUS_EINVAL);
	chorus_brief_free(b);
	story_release(&st);
}

static void markdown_is_escaped(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b;
	char *s;

	(void)state;
	story_add(&st, "a_1", "The *Daily* Post",
		  "The council approved the 2_000 euro [draft] budget for the harbour on Tuesday.");
	b = build(&st, 100, NULL);
	s = render(b, CHORUS_BRIEF_MD);
	assert_string_equal(s, "# Brief\n"
			       "\n"
			       "_1 article, 1 independent_\n"
			       "\n"
			       "## Summary\n"
			       "\n"
			       "- The council approved the 2\\_000 euro \\[draft\\] budget for the harbour on Tuesday. _(The \\*Daily\\* Post)_\n");
	free(s);
	chorus_brief_free(b);
	story_release(&st);
}

static void same_input_same_brief(void **state)
{
	struct story st1 = { 0 }, st2 = { 0 };
	struct chorus_brief *b1, *b2;
	char *s1, *s2;

	(void)state;
	bridge_story(&st1);
	bridge_story(&st2);
	b1 = build(&st1, 100, NULL);
	b2 = build(&st2, 100, NULL);
	s1 = render(b1, CHORUS_BRIEF_JSON);
	s2 = render(b2, CHORUS_BRIEF_JSON);
	assert_string_equal(s1, s2);
	free(s1);
	free(s2);
	chorus_brief_free(b1);
	chorus_brief_free(b2);
	story_release(&st1);
	story_release(&st2);
}

static void bad_arguments(void **state)
{
	struct story st = { 0 };
	struct chorus_brief *b = (struct chorus_brief *)&st;
	const size_t dup_of[2] = { CHORUS_BRIEF_ORIGINAL, 7 }, chain[2] = { 1, 2 };
	struct chorus_brief_options opt = { 0, dup_of, 0 };

	(void)state;
	story_add(&st, "one", NULL, "Only one article tells this short story about a lost cat today.");
	assert_int_equal(chorus_brief_build(st.ctx, NULL, 0, NULL, &b), CHORUS_EEMPTY);
	assert_null(b);
	story_add(&st, "two", NULL, "A second article tells it too.");
	assert_int_equal(chorus_brief_build(st.ctx, (const struct chorus_doc *const *)st.docs, 2,
					    &opt, &b),
			 CHORUS_EINVAL);
	assert_null(b);
	assert_non_null(strstr(chorus_errmsg(st.ctx), "copy of document 7"));
	/* a valid link to a document whose own link is not (found by fuzzing: the chain was
	 * followed before the second link was checked) */
	opt.dup_of = chain;
	assert_int_equal(chorus_brief_build(st.ctx, (const struct chorus_doc *const *)st.docs, 2,
					    &opt, &b),
			 CHORUS_EINVAL);
	assert_null(b);
	assert_non_null(strstr(chorus_errmsg(st.ctx), "document 1 is a copy of document 2"));
	/* one article: its own concepts count */
	b = build(&st, 100, NULL);
	assert_int_equal(b->n_summary, 1);
	assert_int_equal(b->summary[0].doc, 0);
	chorus_brief_free(b);
	chorus_brief_free(NULL);
	story_release(&st);
}

/* The seed articles: four outlets on Russia's recognition of Donetsk and Luhansk. */
struct seeds {
	struct chorus_ctx *ctx;
	struct chorus_article arts[8];
	struct chorus_doc *docs[8];
	size_t n;
};

static int seeds_take(void *arg, struct chorus_article *a)
{
	struct seeds *s = arg;

	if (s->n == 8)
		return 1;
	s->arts[s->n++] = *a;
	chorus_article_init(a);
	return 0;
}

static int seeds_load(struct seeds *s)
{
	const char *dir = testutil_shared("seeds");
	size_t i;

	if (!dir)
		return -1;
	memset(s, 0, sizeof(*s));
	s->ctx = chorus_ctx_new();
	assert_int_equal(chorus_read_path(s->ctx, dir, NULL, seeds_take, NULL, s), 0);
	assert_int_equal(s->n, 4);
	for (i = 0; i < s->n; i++)
		assert_int_equal(chorus_doc_analyze(s->ctx, &s->arts[i], NULL, &s->docs[i]), 0);
	return 0;
}

static void seeds_release(struct seeds *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		chorus_doc_free(s->docs[i]);
		chorus_article_release(&s->arts[i]);
	}
	chorus_ctx_free(s->ctx);
}

static void seeds_brief(void **state)
{
	struct seeds s;
	struct chorus_brief *b = NULL;
	struct chorus_brief_options opt = { 100, NULL, 0 };
	const char *first;
	size_t i, multi = 0;
	char *text;

	(void)state;
	if (seeds_load(&s))
		skip();
	assert_int_equal(chorus_brief_build(s.ctx, (const struct chorus_doc *const *)s.docs, s.n,
					    &opt, &b),
			 0);
	assert_true(b->n_summary >= 2);
	assert_true(b->summary_words <= 100);
	/* The first sentence reports that Putin recognized the independence of the two
	 * regions (001's lead: the rebel regions of eastern Ukraine are Donetsk and Luhansk,
	 * as its later sentences say). */
	first = b->summary[0].text;
	assert_string_equal(first, "Russian President Vladimir Putin on Monday recognized the "
				   "independence of Moscow-backed rebel regions in eastern Ukraine.");
	assert_int_equal(b->summary[0].doc, 1);
	/* all four seeds report the recognition; all four are named */
	assert_int_equal(b->summary[0].n_sources, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(b->summary[0].sources[i].doc, i);
	for (i = 0; i < b->n_summary; i++)
		multi += b->summary[i].n_sources > 1;
	assert_true(multi >= 2);
	chorus_brief_free(b);

	/* A long brief takes in most of the story: no debris line, and the Indian digit
	 * grouping of 002 intact. */
	opt.words = 2000;
	assert_int_equal(chorus_brief_build(s.ctx, (const struct chorus_doc *const *)s.docs, s.n,
					    &opt, &b),
			 0);
	text = NULL;
	i = 0;
	assert_int_equal(chorus_brief_render(b, CHORUS_BRIEF_TEXT, &text, &i), 0);
	assert_null(strstr(text, "Also Read"));
	assert_null(strstr(text, "RELATED STORIES"));
	assert_non_null(strstr(text, "Moscow amassing nearly 1,90,000 troops along the Ukraine-Russia border"));
	free(text);
	chorus_brief_free(b);
	seeds_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(summary_takes_shared_facts_and_names_all_outlets),
		cmocka_unit_test(budget_is_never_exceeded),
		cmocka_unit_test(fill_cuts_the_sentence_whose_first_words_add_most),
		cmocka_unit_test(large_stories_need_three_articles_per_concept),
		cmocka_unit_test(large_stories_get_the_exact_optimum),
		cmocka_unit_test(copies_are_outlets_but_not_support),
		cmocka_unit_test(low_content_sentences_are_never_selected),
		cmocka_unit_test(datelines_and_contact_lines_stay_out),
		cmocka_unit_test(renders_text_md_plain_exactly),
		cmocka_unit_test(markdown_is_escaped),
		cmocka_unit_test(same_input_same_brief),
		cmocka_unit_test(bad_arguments),
		cmocka_unit_test(seeds_brief),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
