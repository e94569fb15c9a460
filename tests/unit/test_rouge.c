/*
 * tests/unit/test_rouge.c: ROUGE scores on tiny texts whose n-grams were counted by
 * hand; the word limit, tokens, stemming, exceptions, several references, the
 * bootstrap average, and the matching of summaries to references.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/testutil.h"

#include "chorus/chorus.h"


static struct chorus_rouge *scorer(size_t limit, int stem)
{
	struct chorus_rouge_options o;

	chorus_rouge_options_default(&o);
	o.word_limit = limit;
	o.stem = stem;
	return chorus_rouge_new(&o);
}

static void score1(struct chorus_rouge *r, const char *peer, const char *ref,
		   struct chorus_rouge_score out[CHORUS_ROUGE_METRICS])
{
	const char *refs[1] = { ref };
	size_t lens[1] = { strlen(ref) };

	chorus_rouge_score(r, peer, strlen(peer), refs, lens, 1, out);
}

static void words_are(struct chorus_rouge *r, const char *text, const char *want)
{
	char *got;

	chorus_rouge_words(r, text, strlen(text), &got);
	assert_string_equal(got, want);
	free(got);
}

/*
 * peer "the cat sat on the mat", reference "the cat was on the mat":
 * unigrams: the x2, cat, on, mat match: 5 of 6 each side.
 * bigrams: "the cat", "on the", "the mat": 3 of 5.
 * SU4: unigrams of the first 5 words (the x2, cat, on match: 4) and the 15 pairs at
 * most 4 words apart; the 10 pairs without sat/was match (the-mat twice): 14 of 20.
 */
static void counts_unigrams_bigrams_and_skip_bigrams(void **state)
{
	struct chorus_rouge *r = scorer(0, 0);
	struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];

	(void)state;
	score1(r, "the cat sat on the mat\n", "the cat was on the mat\n", s);
	assert_int_equal(s[CHORUS_ROUGE_1].hits, 5);
	assert_int_equal(s[CHORUS_ROUGE_1].model_count, 6);
	assert_int_equal(s[CHORUS_ROUGE_1].peer_count, 6);
	assert_true(s[CHORUS_ROUGE_1].recall == 0.83333);
	assert_true(s[CHORUS_ROUGE_1].precision == 0.83333);
	assert_true(s[CHORUS_ROUGE_1].f == 0.83333);
	assert_int_equal(s[CHORUS_ROUGE_2].hits, 3);
	assert_int_equal(s[CHORUS_ROUGE_2].model_count, 5);
	assert_true(s[CHORUS_ROUGE_2].recall == 0.6);
	assert_int_equal(s[CHORUS_ROUGE_SU].hits, 14);
	assert_int_equal(s[CHORUS_ROUGE_SU].model_count, 20);
	assert_int_equal(s[CHORUS_ROUGE_SU].peer_count, 20);
	assert_true(s[CHORUS_ROUGE_SU].recall == 0.7);
	assert_true(s[CHORUS_ROUGE_SU].f == 0.7);
	chorus_rouge_free(r);
}

/* "the the the" against "the cat": one clipped hit; R 1/2, P 1/3 printed 0.33333,
 * F from the rounded values 0.166665 / 0.416665 = 0.3999976, printed 0.40000. */
static void clips_repeated_words(void **state)
{
	struct chorus_rouge *r = scorer(0, 0);
	struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];

	(void)state;
	score1(r, "the the the", "the cat", s);
	assert_int_equal(s[CHORUS_ROUGE_1].hits, 1);
	assert_true(s[CHORUS_ROUGE_1].recall == 0.5);
	assert_true(s[CHORUS_ROUGE_1].precision == 0.33333);
	assert_true(s[CHORUS_ROUGE_1].f == 0.4);
	/* bigrams: "the the" x2 against "the cat": no hit */
	assert_int_equal(s[CHORUS_ROUGE_2].hits, 0);
	assert_int_equal(s[CHORUS_ROUGE_2].peer_count, 2);
	assert_true(s[CHORUS_ROUGE_2].f == 0.0);
	chorus_rouge_free(r);
}

/*
 * Two references, averaged over models (-f A): peer "a b", references "a b" and "a c".
 * ROUGE-1: hits 2 + 1 of 2 + 2 reference words; the summary counted once per
 * reference: 2 + 2. ROUGE-2: "a b" hits the first only: 1 of 1 + 1. SU4 (two words:
 * unigram "a" and pair a-b): 2 + 1 of 4.
 */
static void averages_over_references(void **state)
{
	struct chorus_rouge *r = scorer(0, 0);
	struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];
	const char *refs[2] = { "a b", "a c" };
	size_t lens[2] = { 3, 3 };

	(void)state;
	chorus_rouge_score(r, "a b", 3, refs, lens, 2, s);
	assert_int_equal(s[CHORUS_ROUGE_1].hits, 3);
	assert_int_equal(s[CHORUS_ROUGE_1].model_count, 4);
	assert_int_equal(s[CHORUS_ROUGE_1].peer_count, 4);
	assert_true(s[CHORUS_ROUGE_1].recall == 0.75);
	assert_true(s[CHORUS_ROUGE_1].precision == 0.75);
	assert_int_equal(s[CHORUS_ROUGE_2].hits, 1);
	assert_int_equal(s[CHORUS_ROUGE_2].model_count, 2);
	assert_true(s[CHORUS_ROUGE_2].recall == 0.5);
	assert_true(s[CHORUS_ROUGE_2].precision == 0.5);
	assert_int_equal(s[CHORUS_ROUGE_SU].hits, 3);
	assert_int_equal(s[CHORUS_ROUGE_SU].model_count, 4);
	assert_true(s[CHORUS_ROUGE_SU].recall == 0.75);
	/* no reference: every score 0 */
	chorus_rouge_score(r, "a b", 3, refs, lens, 0, s);
	assert_true(s[CHORUS_ROUGE_1].recall == 0.0);
	assert_true(s[CHORUS_ROUGE_1].f == 0.0);
	chorus_rouge_free(r);
}

/* Words are runs of ASCII letters and digits, lowercased; everything else separates. */
static void splits_on_punctuation(void **state)
{
	struct chorus_rouge *r = scorer(0, 0);

	(void)state;
	words_are(r, "U.S. troops-withdrew, 2,000!\n\n \"Caf\xc3\xa9\" it's", "u s troops withdrew 2 000 caf it s");
	words_are(r, "", "");
	words_are(r, "--- ...\n", "");
	chorus_rouge_free(r);
}

/*
 * The word limit counts Perl's split(/\s+/) fields of each line, punctuation tokens
 * included, and a line starting with a blank has an empty first field.
 */
static void cuts_at_the_word_limit(void **state)
{
	struct chorus_rouge *r = scorer(3, 0);

	(void)state;
	words_are(r, "a b\nc d e\nf\n", "a b c");
	/* " c d e" is 4 fields: "", c, d, e; the one left is the empty one */
	words_are(r, "a b\n c d e\nf\n", "a b");
	/* "--" is a field: x, --, y */
	words_are(r, "x -- y z\n", "x y");
	/* empty and blank lines count nothing */
	words_are(r, "\n   \np\n\nq r s\n", "p q r");
	/* exactly at the limit */
	words_are(r, "one two three\nfour\n", "one two three");
	chorus_rouge_free(r);
	/* and scores use the cut text: peer "a b c d" cut to "a b c" against "a b c d" */
	{
		struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];

		r = scorer(3, 0);
		score1(r, "a b c d", "a b c d", s);
		assert_int_equal(s[CHORUS_ROUGE_1].model_count, 3);
		assert_int_equal(s[CHORUS_ROUGE_1].peer_count, 3);
		assert_true(s[CHORUS_ROUGE_1].recall == 1.0);
		chorus_rouge_free(r);
	}
}

static void stem_is(const char *w, const char *want)
{
	char buf[64];
	size_t n = chorus_rouge_porter(w, strlen(w), buf, sizeof(buf));

	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

/* Porter's steps, with ROUGE-1.5.5's step 4 (-ment and -ent tried after the others). */
static void stems_as_rouge_does(void **state)
{
	(void)state;
	stem_is("caresses", "caress");   /* 1a sses -> ss */
	stem_is("ponies", "poni");       /* 1a ies -> i */
	stem_is("running", "run");       /* 1b ing, double consonant */
	stem_is("agreed", "agre");       /* 1b eed -> ee, then 5 drops e (m=1, not cvc) */
	stem_is("happy", "happi");       /* 1c */
	stem_is("sky", "sky");           /* 1c needs a vowel before y */
	stem_is("yelling", "yell");      /* initial y is a consonant */
	stem_is("generalization", "gener");
	stem_is("adjustment", "adjust");
	stem_is("cosmetology", "cosmetolog"); /* logi -> log */
	/* where ROUGE's step 4 differs from Porter's (and Snowball's "porter") */
	stem_is("fundamental", "fundam");     /* al, then ent */
	stem_is("parliament", "parliam");     /* ment fails (m=1), ent applies */
	stem_is("element", "elem");
	stem_is("go", "go");                  /* shorter than 3: unchanged */
}

/* Only words longer than 3 are stemmed; the exception list comes first. */
static void stems_words_longer_than_three(void **state)
{
	struct chorus_rouge *r = scorer(0, 1);
	struct chorus_ctx *ctx = chorus_ctx_new();
	char path[] = "/tmp/chorus-rouge-excXXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("went go\nchildren child\n\nbetter good\nbetter well\n", f);
	fclose(f);
	/* "goes" is 4 letters: goe; "was" is 3: as is */
	words_are(r, "Went goes was children running", "went goe was children run");
	assert_int_equal(chorus_rouge_load_exceptions(ctx, r, path), 0);
	assert_int_equal(chorus_rouge_exception_count(r), 3);
	/* the later "better" line wins; the base form is not stemmed again */
	words_are(r, "Went goes was children running better", "go goe was child run well");
	unlink(path);
	assert_int_equal(chorus_rouge_load_exceptions(ctx, r, path), CHORUS_ENOTFOUND);
	f = fopen(path, "w");
	fputs("lonely\n", f);
	fclose(f);
	assert_int_equal(chorus_rouge_load_exceptions(ctx, r, path), CHORUS_EPARSE);
	assert_non_null(strstr(chorus_errmsg(ctx), ":1:"));
	unlink(path);
	chorus_rouge_free(r);
	chorus_ctx_free(ctx);
}

/*
 * Perl's srand(k); int(rand(2)) x 2 gives: k=0: 0 1; 1: 0 0; 2: 1 0; 3: 1 1; 4: 1 1.
 * Recalls 0 and 1: sample means 0.5 0 0.5 1 1, sorted 0 .5 .5 1 1, mean 0.6. With 5
 * samples ROUGE's 95% bounds are v[0] + (v[1]-v[0]) * 0.875 and v[3] + (v[4]-v[3]) * 0.875.
 */
static void bootstraps_as_rouge_does(void **state)
{
	struct chorus_rouge_score s[2];
	struct chorus_rouge_average a;

	(void)state;
	memset(s, 0, sizeof(s));
	s[0].recall = 0.0;
	s[1].recall = 1.0;
	s[0].precision = s[1].precision = 0.25;
	chorus_rouge_bootstrap(s, 2, 5, 95.0, &a);
	assert_true(a.recall.mean == 0.6);
	assert_true(a.recall.low == 0.4375);
	assert_true(a.recall.high == 1.0);
	assert_true(a.precision.mean == 0.25);
	chorus_rouge_bootstrap(s, 2, 0, 95.0, &a);
	assert_true(a.recall.mean == 0.5);
	assert_true(a.recall.low == 0.5);
	chorus_rouge_bootstrap(s, 0, 1000, 95.0, &a);
	assert_true(a.recall.mean == 0.0);
}

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

struct diag_log {
	int n;
	char where[256];
};

static void on_diag(void *arg, const char *where, const char *why)
{
	struct diag_log *d = arg;

	(void)why;
	d->n++;
	snprintf(d->where, sizeof(d->where), "%s", where);
}

static void matches_summaries_to_references(void **state)
{
	char root[] = "/tmp/chorus-rouge-setXXXXXX";
	char refs[600], sums[600], man[600];
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_rouge_set set = { 0 };
	struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];
	struct chorus_rouge *r = scorer(100, 1);
	struct diag_log d = { 0, "" };
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(root));
	snprintf(refs, sizeof(refs), "%s/refs", root);
	snprintf(sums, sizeof(sums), "%s/sums", root);
	assert_int_equal(mkdir(refs, 0700), 0);
	assert_int_equal(mkdir(sums, 0700), 0);
	put(refs, "D01.M.100.A.A", "a b\n");
	put(refs, "D01.M.100.A.B", "a c\n");
	put(refs, "D02.M.100.B.A", "x y\n");
	put(sums, "D01.lead", "a b\n");
	put(sums, "D01", "a\n");
	put(sums, "D03.lead", "q\n");
	assert_int_equal(chorus_rouge_set_from_dirs(ctx, &set, refs, sums, on_diag, &d), 0);
	assert_int_equal(set.n, 2);
	assert_string_equal(set.items[0].id, "D01");
	assert_string_equal(set.items[1].id, "D01.lead");
	assert_int_equal(set.items[1].nrefs, 2);
	assert_non_null(strstr(set.items[1].refs[1], "refs/D01.M.100.A.B"));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.where, "D03.lead"));
	assert_int_equal(chorus_rouge_score_item(ctx, r, &set.items[1], s), 0);
	assert_true(s[CHORUS_ROUGE_1].recall == 0.75);
	chorus_rouge_set_release(&set);

	/* a manifest: paths relative to its folder; a line without reference is reported */
	snprintf(man, sizeof(man), "%s/list.txt", root);
	f = fopen(man, "w");
	fputs("# summary refs...\nsums/D01.lead\trefs/D01.M.100.A.A refs/D01.M.100.A.B\n\n"
	      "sums/D01\nsums/D01 refs/missing\n", f);
	fclose(f);
	d.n = 0;
	assert_int_equal(chorus_rouge_set_from_manifest(ctx, &set, man, on_diag, &d), 0);
	assert_int_equal(set.n, 2);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.where, "list.txt:4"));
	assert_string_equal(set.items[1].id, "sums/D01.lead");
	assert_int_equal(chorus_rouge_score_item(ctx, r, &set.items[1], s), 0);
	assert_true(s[CHORUS_ROUGE_2].recall == 0.5);
	/* the missing reference is an error naming the file */
	assert_int_equal(chorus_rouge_score_item(ctx, r, &set.items[0], s), CHORUS_ENOTFOUND);
	assert_non_null(strstr(chorus_errmsg(ctx), "refs/missing"));
	chorus_rouge_set_release(&set);
	assert_int_equal(chorus_rouge_set_from_dirs(ctx, &set, refs, "/nonexistent/x", NULL, NULL),
			 CHORUS_ENOTFOUND);

	{
		char cmd[1400];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
		assert_int_equal(system(cmd), 0);
	}
	chorus_rouge_free(r);
	chorus_ctx_free(ctx);
}

static void article(struct chorus_article *a, const char *id, chorus_time t, const char *title,
		    const char *text)
{
	chorus_article_init(a);
	a->id = strdup(id);
	a->published = t;
	a->title = title ? strdup(title) : NULL;
	a->text = strdup(text);
	a->text_len = strlen(text);
}

/*
 * Lead: the sentences of the latest article until the word count is reached (whole
 * sentences; never the headline). First: each article's first sentence, oldest first.
 */
static void makes_baselines(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article arts[3];
	char *out = NULL;
	size_t i;

	(void)state;
	article(&arts[0], "b", 2000, "Late Headline Here",
		"The river rose overnight. Roads were closed in three towns.\n\n"
		"Officials expect the water to fall by Friday.");
	article(&arts[1], "a", 1000, NULL, "Rain began on Monday. It did not stop for days.");
	article(&arts[2], "c", CHORUS_TIME_UNKNOWN, NULL, "Nobody knows when this was written.");
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_LEAD, 5, &out), 0);
	/* 4 words, then 6: at least 5 taken */
	assert_string_equal(out, "The river rose overnight.\nRoads were closed in three towns.\n");
	free(out);
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_LEAD, 0, &out), 0);
	assert_string_equal(out, "The river rose overnight.\nRoads were closed in three towns.\n"
				 "Officials expect the water to fall by Friday.\n");
	free(out);
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_FIRST, 100, &out), 0);
	assert_string_equal(out, "Nobody knows when this was written.\nRain began on Monday.\n"
				 "The river rose overnight.\n");
	free(out);
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_FIRST, 8, &out), 0);
	assert_string_equal(out, "Nobody knows when this was written.\nRain began on Monday.\n");
	free(out);
	assert_int_equal(chorus_baseline_summary(ctx, arts, 0, CHORUS_BASELINE_LEAD, 8, &out),
			 CHORUS_EEMPTY);
	assert_null(out);
	for (i = 0; i < 3; i++)
		chorus_article_release(&arts[i]);
	chorus_ctx_free(ctx);
}

/*
 * LexRank (threshold 0.1, jump 0.15, redundancy cosine 0.5), worked by hand. Terms
 * (content stems) and their sentence frequency over the 6 sentences: "heavy rain flood
 * valley road" in 3 (idf ln 2), "firefight rescu strand hiker" in 3, every other word in
 * 1 (idf ln 6). The hub X (b's sentence, and its near copy X' in c) shares 5 terms with
 * Y (a's first sentence; cosine 0.33) and 4 with Z (c's first; 0.24); Y and Z share none,
 * W (the bakery) nothing with anyone. With self-loops the degrees are X 4, X' 4, Y 3,
 * Z 3, W 1: X and X' lead (X, the earlier, is taken; X' has cosine 1 with it and is
 * skipped); W, alone, keeps 1/6, its jump share; Y and Z, on the edge of a component of
 * 4 holding 4/6, get less than 1/6 each, Y first by input order.
 */
static void makes_lexrank_baseline(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article arts[3];
	char *out = NULL;
	size_t i;

	(void)state;
	article(&arts[0], "a", CHORUS_TIME_UNKNOWN, NULL,
		"Heavy rain flooded the valley road near the mill on Monday.\n\n"
		"A village bakery gave fresh bread to every family in town.");
	article(&arts[1], "b", CHORUS_TIME_UNKNOWN, NULL,
		"Heavy rain flooded the valley road, and firefighters rescued stranded hikers.");
	article(&arts[2], "c", CHORUS_TIME_UNKNOWN, NULL,
		"Volunteer firefighters rescued stranded hikers from the high mountain ridge.\n\n"
		"Heavy rain flooded the valley road, and firefighters rescued the stranded hikers.");
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_LEXRANK, 0, &out), 0);
	assert_string_equal(out,
			    "Heavy rain flooded the valley road, and firefighters rescued stranded hikers.\n"
			    "A village bakery gave fresh bread to every family in town.\n"
			    "Heavy rain flooded the valley road near the mill on Monday.\n"
			    "Volunteer firefighters rescued stranded hikers from the high mountain ridge.\n");
	free(out);
	/* 11 words reached by the first sentence */
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_LEXRANK, 11, &out), 0);
	assert_string_equal(out,
			    "Heavy rain flooded the valley road, and firefighters rescued stranded hikers.\n");
	free(out);
	for (i = 0; i < 3; i++)
		chorus_article_release(&arts[i]);
	chorus_ctx_free(ctx);
}

/*
 * MEAD's centroid score, worked by hand (6 sentences, 3 documents; idf = ln(6 / sf)).
 * Centroid values (count / 3 * idf): harbour, bridg 0.304 (5 sentences); storm 0.693;
 * collaps, kill, twelv, peopl, council 0.732; words of one sentence 0.597. Scores
 * C + P + F: a1 = b1 = 4.231 + 4.231 + 7 = 15.461 (the top); a2 = 3.132 + 2.115 + 2 =
 * 7.247; b2 = 4.181 + 2.115 + 0 = 6.296; c2 = 3.729 + 1.865 + 2 = 7.594; c1 has 6
 * words, under the length cutoff of 9, and is never taken. a1 first (the tie to the
 * earlier); then b1, the same words, has Rs = 1 and falls to 0; a2 (Rs 4/13) to 2.490,
 * c2 (4/14) to 3.177, b2 stays 6.296 and is taken; then c2; a2 against c2 (3 words in
 * common, Rs 6/13) falls to 0.111; b1 comes last.
 */
static void makes_centroid_baseline(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_article arts[3];
	char *out = NULL;
	size_t i;

	(void)state;
	article(&arts[0], "a", CHORUS_TIME_UNKNOWN, NULL,
		"The harbour bridge collapsed during the storm, killing twelve people.\n\n"
		"Engineers had warned the council about cracks in the harbour bridge.");
	article(&arts[1], "b", CHORUS_TIME_UNKNOWN, NULL,
		"The harbour bridge collapsed during the storm, killing twelve people.\n\n"
		"A choir sang hymns at the memorial service on Friday evening.");
	article(&arts[2], "c", CHORUS_TIME_UNKNOWN, NULL,
		"Storm damage closed the harbour bridge.\n\n"
		"The council will rebuild the harbour bridge with steel from the old mill.");
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_CENTROID, 0, &out), 0);
	assert_string_equal(out,
			    "The harbour bridge collapsed during the storm, killing twelve people.\n"
			    "A choir sang hymns at the memorial service on Friday evening.\n"
			    "The council will rebuild the harbour bridge with steel from the old mill.\n"
			    "Engineers had warned the council about cracks in the harbour bridge.\n"
			    "The harbour bridge collapsed during the storm, killing twelve people.\n");
	free(out);
	/* 10 + 10 words: 20 reached */
	assert_int_equal(chorus_baseline_summary(ctx, arts, 3, CHORUS_BASELINE_CENTROID, 20, &out), 0);
	assert_string_equal(out,
			    "The harbour bridge collapsed during the storm, killing twelve people.\n"
			    "A choir sang hymns at the memorial service on Friday evening.\n");
	free(out);
	assert_int_equal(chorus_baseline_summary(ctx, arts, 0, CHORUS_BASELINE_CENTROID, 8, &out),
			 CHORUS_EEMPTY);
	assert_null(out);
	for (i = 0; i < 3; i++)
		chorus_article_release(&arts[i]);
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_unigrams_bigrams_and_skip_bigrams),
		cmocka_unit_test(clips_repeated_words),
		cmocka_unit_test(averages_over_references),
		cmocka_unit_test(splits_on_punctuation),
		cmocka_unit_test(cuts_at_the_word_limit),
		cmocka_unit_test(stems_as_rouge_does),
		cmocka_unit_test(stems_words_longer_than_three),
		cmocka_unit_test(bootstraps_as_rouge_does),
		cmocka_unit_test(matches_summaries_to_references),
		cmocka_unit_test(makes_baselines),
		cmocka_unit_test(makes_lexrank_baseline),
		cmocka_unit_test(makes_centroid_baseline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
