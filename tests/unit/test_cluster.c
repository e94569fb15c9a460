/*
 * tests/unit/test_cluster.c: clustering scores, article features, online story
 * assignment (two events of one kind stay apart), the repairs (a story of two casts is
 * split, a grown story takes in small recent ones, late or on a join, articles are
 * decided again), and the updater over a store:
 * incremental, idempotent, copies linked to their original, splits stored.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testutil.h"

#include "chorus/chorus.h"

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-12)

static void scores_match_hand_counts(void **state)
{
	/* gold {0,1} {2,3}; predicted {0,1,2} {3}
	 * pairs: gold 2, predicted 3, shared 1 -> P 1/3, R 1/2
	 * BCubed P: item 0 2/3, 1 2/3, 2 1/3, 3 1 -> 2/3; R: 1, 1, 1/2, 1/2 -> 3/4 */
	const uint32_t gold[] = { 5, 5, 9, 9 }, pred[] = { 1, 1, 1, 2 };
	struct chorus_cluster_scores s;

	(void)state;
	chorus_cluster_score(gold, pred, 4, &s);
	assert_int_equal(s.items, 4);
	assert_int_equal(s.gold_clusters, 2);
	assert_int_equal(s.pred_clusters, 2);
	assert_near(s.pair_p, 1.0 / 3);
	assert_near(s.pair_r, 0.5);
	assert_near(s.pair_f, 0.4);
	assert_near(s.b3_p, 2.0 / 3);
	assert_near(s.b3_r, 0.75);
	assert_near(s.b3_f, 12.0 / 17) /* 2PR/(P+R) */;
	/* all singletons against all singletons: perfect, no pairs at all */
	chorus_cluster_score(pred, pred, 2, &s);
	assert_near(s.pair_p, 1);
	assert_near(s.b3_f, 1);
}

static void art(struct chorus_article *a, const char *id, const char *title, const char *text)
{
	chorus_article_init(a);
	a->id = strdup(id);
	a->title = title ? strdup(title) : NULL;
	a->text = strdup(text);
	a->text_len = strlen(text);
}

/* Adds an undated article of text t to story `into` (0: a new story); its story. */
static int64_t add_text(struct chorus_cluster *c, const char *t, int64_t into)
{
	struct chorus_article a;
	struct chorus_features *f;
	int64_t story;

	art(&a, "x", NULL, t);
	f = chorus_cluster_features(c, &a);
	story = chorus_cluster_add(c, into, f, CHORUS_TIME_UNKNOWN);
	chorus_features_free(f);
	chorus_article_release(&a);
	return story;
}

/* The ceiling: each article in the gold story whose other articles are nearest to it. */
static void ceiling_puts_articles_in_the_nearest_gold_story(void **state)
{
	static const char *const t[] = {
		"The volcano erupted again and lava reached the village below the crater.",
		"Lava from the volcano covered the road; the crater kept erupting all night.",
		"Ash from the erupting volcano closed the airport near the crater.",
		"The striker scored twice and the football club won the cup final.",
		"The football club's striker scored the winning goal of the cup final.",
		/* labelled as the volcano's, but about the final */
		"The cup final went to the football club after the striker scored.",
		/* alone in its gold story, about the volcano */
		"Farmers near the volcano left their fields.",
		/* no words at all */
		"",
	};
	const uint32_t gold[] = { 10, 10, 10, 20, 20, 10, 30, 40 };
	const uint32_t want[] = { 10, 10, 10, 20, 20, 20, 10, UINT32_MAX - 7 };
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f[8];
	uint32_t out[8];
	size_t i;

	(void)state;
	for (i = 0; i < 8; i++) {
		struct chorus_article a;

		art(&a, "x", NULL, t[i]);
		f[i] = chorus_cluster_features(c, &a);
		chorus_article_release(&a);
	}
	chorus_cluster_ceiling(NULL, f, gold, 8, out);
	for (i = 0; i < 8; i++)
		assert_int_equal(out[i], want[i]);
	for (i = 0; i < 8; i++)
		chorus_features_free(f[i]);
	chorus_cluster_free(c);
}

static void features_round_trip(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f, *g;
	struct chorus_article a;
	char *s, *t;

	(void)state;
	art(&a, "x", NULL, "Tara Reid enters rehab\nThe actress Tara Reid entered the "
	    "Promises Treatment Center. Reid's representative confirmed it.");
	f = chorus_cluster_features(c, &a);
	s = chorus_features_format(c, f);
	/* title: the first line; stems grouped under their first word ("enters" and
	 * "entered" are one stem); "the", "it" are stopwords; entities are runs of
	 * capitalized words, "The" dropped at a sentence start */
	assert_string_equal(s, "T tara:1 reid:1 enters:1 rehab:1\n"
			       "B tara:2 reid:3 enters:2 rehab:1 actress:1 promises:1 treatment:1 "
			       "center:1 representative:1 confirmed:1\n"
			       "E tara_reid:2 promises_treatment_center:1 reid:1");
	g = chorus_features_parse(c, s);
	t = chorus_features_format(c, g);
	assert_string_equal(s, t);
	free(s);
	free(t);
	chorus_features_free(f);
	chorus_features_free(g);
	chorus_article_release(&a);

	/* curly quotes and dashes separate words whole: no word starts inside them */
	art(&a, "y", NULL, "\xE2\x80\x9CMiners\xE2\x80\x9D \xE2\x80\x98home\xE2\x80\x99 \xE2\x80\x94 safe");
	f = chorus_cluster_features(c, &a);
	s = chorus_features_format(c, f);
	assert_string_equal(s, "T miners:1 home:1 safe:1\nB miners:1 home:1 safe:1\nE miners:1");
	free(s);
	chorus_features_free(f);
	chorus_article_release(&a);
	chorus_cluster_free(c);
}

static void entities_are_names(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f;
	struct chorus_article a;
	char *s;

	(void)state;
	/* "Sunday", "July" and "GMT" are calendar words (dropped, also at the edge of a
	 * run: "Sunday AFC" -> afc); "Nearly" and "Fire" start sentences and this text
	 * writes them in lowercase too ("nearly", "fire"); "We've" is a contraction;
	 * "Another" is dropped from the front of "Another Charger", which is written
	 * "another" elsewhere; "Williams" stays, no lowercase "williams" */
	art(&a, "x", "Jamal Williams arrested", "Jamal Williams was arrested on Sunday. "
	    "Nearly three hours later Williams was nearly free. We've no comment, the "
	    "Chargers said at 10 GMT. Another Charger, Vincent Jackson, was arrested in "
	    "July after another game. Fire crews came; the fire was small. Sunday AFC "
	    "games go on.");
	f = chorus_cluster_features(c, &a);
	s = chorus_features_format(c, f);
	assert_string_equal(strstr(s, "\nE "), "\nE jamal_williams:1 williams:1 chargers:1 "
					       "charger:1 vincent_jackson:1 afc:1");
	free(s);
	chorus_features_free(f);
	chorus_article_release(&a);
	chorus_cluster_free(c);
}

/* Two earthquakes (Chile, Japan), two articles each, and a football match. */
static const char *const texts[][2] = {
	{ "chile1", "A magnitude 8.8 earthquake struck central Chile on Saturday, killing "
		    "hundreds near Concepcion. President Michelle Bachelet declared a state of "
		    "catastrophe in Maule and Biobio as rescuers searched collapsed buildings." },
	{ "japan1", "A powerful earthquake struck northern Japan on Friday near Sendai, "
		    "triggering a tsunami. Prime Minister Naoto Kan said Miyagi prefecture was "
		    "hit hardest, and the tsunami flooded the coast." },
	{ "chile2", "Rescuers in Concepcion searched collapsed buildings after the Chile "
		    "earthquake. Michelle Bachelet said the death toll in Maule and Biobio rose "
		    "to hundreds." },
	{ "japan2", "The tsunami after the Japan earthquake flooded Sendai airport and the "
		    "coast. Naoto Kan asked for calm in Miyagi prefecture." },
	{ "match", "Manchester United beat Arsenal two goals to one at Old Trafford on "
		   "Sunday; Wayne Rooney scored twice in the second half." },
};

struct seen {
	char id[8][16];
	int64_t seq[8], story[8], dup_of[8];
	int n;
};

static void on_assign(void *arg, const char *id, int64_t seq, int64_t story, int64_t dup_of)
{
	struct seen *s = arg;

	if (s->n < 8) {
		snprintf(s->id[s->n], sizeof(s->id[0]), "%s", id ? id : "(moved)");
		s->seq[s->n] = seq;
		s->story[s->n] = story;
		s->dup_of[s->n++] = dup_of;
	}
}

/* Adds the articles (id, text) of table[from .. to) and flushes. */
static void feed_table(struct chorus_updater *u, struct chorus_ctx *ctx, const char *const table[][2],
		       size_t from, size_t to)
{
	struct chorus_article a;
	size_t i;

	for (i = from; i < to; i++) {
		art(&a, table[i][0], NULL, table[i][1]);
		assert_int_equal(chorus_updater_add(ctx, u, &a), 0);
		chorus_article_release(&a);
	}
	assert_int_equal(chorus_updater_flush(ctx, u), 0);
}

static void two_events_of_one_kind_stay_apart(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_updater *u;
	struct seen s;
	int run;

	(void)state;
	/* twice: the same input gives the same stories and ids */
	for (run = 0; run < 2; run++) {
		memset(&s, 0, sizeof(s));
		assert_int_equal(chorus_updater_new(ctx, NULL, NULL, &u), 0);
		chorus_updater_on_assign(u, on_assign, &s);
		feed_table(u, ctx, texts, 0, 5);
		assert_int_equal(s.n, 5);
		assert_string_equal(s.id[2], "chile2");
		assert_int_equal(s.story[0], 1);
		assert_int_equal(s.story[1], 2);
		assert_int_equal(s.story[2], 1);
		assert_int_equal(s.story[3], 2);
		assert_int_equal(s.story[4], 3);
		assert_int_equal(chorus_updater_stats(u)->new_stories, 3);
		chorus_updater_free(u);
	}
	chorus_ctx_free(ctx);
}

static void updater_is_incremental_and_idempotent(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_store *st;
	struct chorus_updater *u;
	struct chorus_article a;
	struct seen s;
	char dir[] = "/tmp/chorus-test-cluster-XXXXXX", path[64], copy[400];
	int64_t na, ns;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);

	/* first run: the Chile and Japan articles */
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	feed_table(u, ctx, texts, 0, 2);
	chorus_updater_free(u);
	chorus_store_close(st);

	/* second run: follow-ups join the stored stories; a wire copy of chile1 with a
	 * changed last word is linked to it; chile1 again changes nothing */
	memset(&s, 0, sizeof(s));
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	chorus_updater_on_assign(u, on_assign, &s);
	feed_table(u, ctx, texts, 2, 4);
	snprintf(copy, sizeof(copy), "%s", texts[0][1]);
	memcpy(strstr(copy, "buildings."), "houses.", 8);
	art(&a, "chile1-copy", NULL, copy);
	a.source = strdup("Wire");
	assert_int_equal(chorus_updater_add(ctx, u, &a), 0);
	chorus_article_release(&a);
	art(&a, "chile1", NULL, texts[0][1]);
	assert_int_equal(chorus_updater_add(ctx, u, &a), 0);
	chorus_article_release(&a);
	assert_int_equal(chorus_updater_flush(ctx, u), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.id[0], "chile2");
	assert_int_equal(s.story[0], 1);
	assert_string_equal(s.id[1], "japan2");
	assert_int_equal(s.story[1], 2);
	assert_string_equal(s.id[2], "chile1-copy");
	assert_int_equal(s.story[2], 1);
	assert_int_equal(s.dup_of[2], 1); /* chile1 is seq 1 */
	assert_int_equal(chorus_updater_stats(u)->known, 1);
	assert_int_equal(chorus_updater_stats(u)->copies, 1);
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 5);
	assert_int_equal(ns, 2);
	chorus_updater_free(u);
	chorus_store_close(st);
	{
		char cmd[96];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
	}
	chorus_ctx_free(ctx);
}

/* Two rehab stories of one kind: same words, disjoint names (Tara Reid in Malibu,
 * Lindsay Lohan in Palm Springs), interleaved. Each pair has the same names, as often
 * each, so within a pair the entity cosine is 1, across pairs 0. */
static const char *const rehab[][3] = {
	{ "reid1", "Tara Reid in rehab", "Tara Reid entered a rehab clinic in Malibu. "
	  "Tara Reid said the clinic helps." },
	{ "lohan1", "Lindsay Lohan in rehab", "Lindsay Lohan entered a rehab clinic in Palm "
	  "Springs. Lindsay Lohan said the clinic helps." },
	{ "reid2", "Tara Reid leaves rehab", "The actress Tara Reid left the rehab clinic in "
	  "Malibu. The friends of Tara Reid were glad." },
	{ "lohan2", "Lindsay Lohan leaves rehab", "The actress Lindsay Lohan left the rehab "
	  "clinic in Palm Springs. The friends of Lindsay Lohan were glad." },
	{ "lohan3", "Lindsay Lohan back in rehab", "Lindsay Lohan is back at the rehab clinic "
	  "in Palm Springs." },
};

static void split_separates_disjoint_casts(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f[5];
	struct chorus_article a;
	uint64_t moved[CHORUS_CLUSTER_SPLIT_MAX];
	size_t i, n = 99;

	(void)state;
	for (i = 0; i < 5; i++) {
		art(&a, rehab[i][0], rehab[i][1], rehab[i][2]);
		f[i] = chorus_cluster_features(c, &a);
		chorus_article_release(&a);
	}
	for (i = 0; i < 4; i++) {
		char *e = chorus_features_format(c, f[i]);

		assert_string_equal(strstr(e, "\nE "), i % 2 ? "\nE lindsay_lohan:2 palm_springs:1"
							  : "\nE tara_reid:2 malibu:1");
		free(e);
	}
	/* all four in story 1; below 4 members no check is due */
	for (i = 0; i < 4; i++) {
		assert_int_equal(chorus_cluster_add(c, i ? 1 : 0, f[i], CHORUS_TIME_UNKNOWN), 1);
		if (i < 3) {
			assert_int_equal(chorus_cluster_split(c, 1, moved, &n), 0);
			assert_int_equal(n, 0);
		}
	}
	/* medoids lohan2 and reid2; within 1 and 1, across 0: the Lohan pair (the group
	 * without the oldest member, reid1) becomes story 2; moved: additions 1 and 3 */
	assert_int_equal(chorus_cluster_split(c, 1, moved, &n), 2);
	assert_int_equal(n, 2);
	assert_int_equal(moved[0], 1);
	assert_int_equal(moved[1], 3);
	assert_int_equal(chorus_cluster_count(c), 2);
	/* the next Lohan article finds the new story */
	assert_int_equal(chorus_cluster_decide(c, f[4], CHORUS_TIME_UNKNOWN, NULL), 2);
	for (i = 0; i < 5; i++)
		chorus_features_free(f[i]);
	chorus_cluster_free(c);
}

static void split_keeps_shared_names(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f;
	struct chorus_article a;
	uint64_t moved[CHORUS_CLUSTER_SPLIT_MAX];
	size_t i, n = 99;
	char *e;
	/* four articles on one subject in different words, each naming Tara Reid twice
	 * and Malibu once: every entity cosine is 1, across any two groups as within */
	const char *const t[4] = {
		"Tara Reid entered a rehab clinic in Malibu. Tara Reid said the clinic helps.",
		"Tara Reid sold her house near Malibu. The buyer paid Tara Reid in cash.",
		"Tara Reid starred in a film shot in Malibu, and critics loved Tara Reid.",
		"Tara Reid married a banker in Malibu. The wedding of Tara Reid was small.",
	};

	(void)state;
	for (i = 0; i < 4; i++) {
		art(&a, "x", NULL, t[i]);
		f = chorus_cluster_features(c, &a);
		e = chorus_features_format(c, f);
		assert_string_equal(strstr(e, "\nE "), "\nE tara_reid:2 malibu:1");
		free(e);
		assert_int_equal(chorus_cluster_add(c, i ? 1 : 0, f, CHORUS_TIME_UNKNOWN), 1);
		chorus_features_free(f);
		chorus_article_release(&a);
	}
	assert_int_equal(chorus_cluster_split(c, 1, moved, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(chorus_cluster_count(c), 1);
	chorus_cluster_free(c);
}

static void absorb_takes_recent_single_articles(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	uint64_t moved[CHORUS_CLUSTER_ABSORB_MAX];
	size_t i, n = 99;
	/* a mine rescue told five ways (story 1), the first of them again as a story of its
	 * own (2), and a football match that shares no word with it (3) */
	const char *const t[7] = {
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"Manchester United beat Arsenal two goals to one at Old Trafford on Sunday.",
		"The nine Eskvale miners were freed by rescuers after three days trapped "
		"underground in the coal mine.",
		"Rescuers reached the trapped miners in the Eskvale coal mine and freed all nine.",
		"All nine miners trapped underground at Eskvale were freed by rescuers, the mine "
		"company said.",
		"Families of the nine freed Eskvale miners thanked the rescuers at the coal mine.",
	};
	const int64_t into[7] = { 0, 0, 0, 1, 1, 1, 1 }, got[7] = { 1, 2, 3, 1, 1, 1, 1 };

	(void)state;
	for (i = 0; i < 7; i++) {
		assert_int_equal(add_text(c, t[i], into[i]), got[i]);
		if (i == 5) { /* story 1 has 4 articles: too few */
			assert_int_equal(chorus_cluster_absorb(c, 1, moved, &n), 0);
			assert_int_equal(n, 0);
		}
	}
	/* 5 articles: story 2's article, the same text as story 1's first, moves (it is
	 * the second article added, 1); the match is no candidate; ids are not reused */
	assert_int_equal(chorus_cluster_absorb(c, 1, moved, &n), 1);
	assert_int_equal(n, 1);
	assert_int_equal(moved[0], 1);
	assert_int_equal(chorus_cluster_count(c), 3);
	/* nothing is left to take */
	assert_int_equal(chorus_cluster_absorb(c, 1, moved, &n), 0);
	assert_int_equal(n, 0);
	chorus_cluster_free(c);
}

static void absorb_takes_two_article_stories_whole(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	uint64_t moved[CHORUS_CLUSTER_ABSORB_MAX];
	size_t i, n = 99;
	/* the rescue of absorb_takes_recent_single_articles; story 2 holds two of its texts
	 * again, which score high against story 1 once it has 5 articles */
	const char *const t[7] = {
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"The nine Eskvale miners were freed by rescuers after three days trapped "
		"underground in the coal mine.",
		"The nine Eskvale miners were freed by rescuers after three days trapped "
		"underground in the coal mine.",
		"Rescuers reached the trapped miners in the Eskvale coal mine and freed all nine.",
		"All nine miners trapped underground at Eskvale were freed by rescuers, the mine "
		"company said.",
		"Families of the nine freed Eskvale miners thanked the rescuers at the coal mine.",
	};
	const int64_t into[7] = { 0, 0, 2, 1, 1, 1, 1 }, got[7] = { 1, 2, 2, 1, 1, 1, 1 };

	(void)state;
	for (i = 0; i < 7; i++) {
		assert_int_equal(add_text(c, t[i], into[i]), got[i]);
	}
	/* story 1: additions 0, 3, 4, 5, 6; story 2 (additions 1 and 2) moves whole,
	 * oldest first */
	assert_int_equal(chorus_cluster_absorb(c, 1, moved, &n), 1);
	assert_int_equal(n, 2);
	assert_int_equal(moved[0], 1);
	assert_int_equal(moved[1], 2);
	assert_int_equal(chorus_cluster_count(c), 2);
	assert_int_equal(chorus_cluster_absorb(c, 1, moved, &n), 0);
	chorus_cluster_free(c);
}

/* Adds the texts of absorb_wants_names to a clustering with the given threshold and
 * repairs story 1; the number of articles moved, their additions into moved. */
static size_t absorb_names_run(double threshold, uint64_t *moved)
{
	struct chorus_cluster_options o;
	struct chorus_cluster *c;
	size_t i, n = 99;
	/* the rescue of absorb_takes_recent_single_articles (story 1), the same text in
	 * lowercase, which has no names (story 2), and the same text again, with its name
	 * Eskvale (story 3) */
	const char *const t[7] = {
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"rescuers freed nine miners trapped in the eskvale coal mine after three days "
		"underground.",
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"The nine Eskvale miners were freed by rescuers after three days trapped "
		"underground in the coal mine.",
		"Rescuers reached the trapped miners in the Eskvale coal mine and freed all nine.",
		"All nine miners trapped underground at Eskvale were freed by rescuers, the mine "
		"company said.",
		"Families of the nine freed Eskvale miners thanked the rescuers at the coal mine.",
	};
	const int64_t into[7] = { 0, 0, 0, 1, 1, 1, 1 }, got[7] = { 1, 2, 3, 1, 1, 1, 1 };

	chorus_cluster_options_init(&o);
	o.threshold = threshold;
	c = chorus_cluster_new(&o);
	for (i = 0; i < 7; i++) {
		assert_int_equal(add_text(c, t[i], into[i]), got[i]);
	}
	chorus_cluster_absorb(c, 1, moved, &n);
	chorus_cluster_free(c);
	return n;
}

static void absorb_wants_names(void **state)
{
	uint64_t moved[CHORUS_CLUSTER_ABSORB_MAX];

	(void)state;
	/* both single articles score above the join threshold of 0.17: both move, story 3
	 * (addition 2) first, as it has more index hits (it is posted under eskvale too) */
	assert_int_equal(absorb_names_run(0.17, moved), 2);
	assert_int_equal(moved[0], 2);
	assert_int_equal(moved[1], 1);
	/* with a threshold of 0.99 both score below it: only the one that shares a name
	 * with story 1 (addition 2) moves; the one without names stays */
	assert_int_equal(absorb_names_run(0.99, moved), 1);
	assert_int_equal(moved[0], 2);
}

static void revisit_moves_a_late_misfit(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_features *f;
	struct chorus_article a;
	uint64_t moved[1] = { 99 };
	size_t i, n = 99;
	/* a mine rescue (story 1) and a football match (story 2); the rescue's second text
	 * is put into the match's story (addition 3), then 16 more rescue texts arrive */
	const char *const mine[4] = {
		"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
		"underground.",
		"The nine Eskvale miners were freed by rescuers after three days trapped "
		"underground in the coal mine.",
		"Rescuers reached the trapped miners in the Eskvale coal mine and freed all nine.",
		"Families of the nine freed Eskvale miners thanked the rescuers at the coal mine.",
	};
	const char *const match[2] = {
		"Manchester United beat Arsenal two goals to one at Old Trafford on Sunday.",
		"Arsenal lost to Manchester United by two goals to one at Old Trafford.",
	};

	(void)state;
	for (i = 0; i < 20; i++) {
		const char *t = i == 1 || i == 2 ? match[i - 1] : mine[i == 3 ? 1 : i % 4];
		int64_t into = i == 0 || i == 1 ? 0 : i == 2 || i == 3 ? 2 : 1;

		assert_int_equal(add_text(c, t, into), into ? into : (int64_t)i + 1);
		if (i < 19) { /* additions 0-2 are where they belong; 3 waits for 16 more */
			assert_int_equal(chorus_cluster_revisit(c, moved, &n), 0);
			assert_int_equal(n, 0);
		}
	}
	/* 16 additions after it, addition 3 scores against the rescue's story far above
	 * the match's without it: it moves to story 1 */
	assert_int_equal(chorus_cluster_revisit(c, moved, &n), 1);
	assert_int_equal(n, 1);
	assert_int_equal(moved[0], 3);
	assert_int_equal(chorus_cluster_count(c), 2);
	/* the match's next article still finds story 2 */
	art(&a, "x", NULL, match[0]);
	f = chorus_cluster_features(c, &a);
	assert_int_equal(chorus_cluster_decide(c, f, CHORUS_TIME_UNKNOWN, NULL), 2);
	chorus_features_free(f);
	chorus_article_release(&a);
	chorus_cluster_free(c);
}

static const char *const rescue_texts[5] = {
	"Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
	"underground.",
	"The nine Eskvale miners were freed by rescuers after three days trapped "
	"underground in the coal mine.",
	"Rescuers reached the trapped miners in the Eskvale coal mine and freed all nine.",
	"All nine miners trapped underground at Eskvale were freed by rescuers, the mine "
	"company said.",
	"Families of the nine freed Eskvale miners thanked the rescuers at the coal mine.",
};

static const char *const weather_text =
	"Heavy rain and strong winds are expected across the northern hills on Tuesday.";

static void settle_moves_a_small_story_late(void **state)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	uint64_t moved[CHORUS_CLUSTER_SETTLE_MAX] = { 99, 99, 99 };
	size_t i, n = 99;

	(void)state;
	/* the rescue told five times (story 1, additions 0-4), three more times in a story
	 * of its own (2, additions 5-7), then weather reports (3) */
	for (i = 0; i < 8; i++) {
		int64_t into = i == 0 || i == 5 ? 0 : i < 5 ? 1 : 2;

		assert_int_equal(add_text(c, rescue_texts[i % 5], into), i < 5 ? 1 : 2);
	}
	for (i = 8; i < 136; i++) {
		assert_int_equal(add_text(c, weather_text, i == 8 ? 0 : 3), 3);
		if (i < 135) { /* story 1 (of 5, when addition 4 is 128 old) has no larger
				* candidate; story 2 waits until its newest is 128 old */
			assert_int_equal(chorus_cluster_settle(c, moved, &n), 0);
			assert_int_equal(n, 0);
		}
	}
	/* 128 additions after its newest (7), story 2 moves into story 1 whole, oldest
	 * first; its id is not reused */
	assert_int_equal(chorus_cluster_settle(c, moved, &n), 1);
	assert_int_equal(n, 3);
	assert_int_equal(moved[0], 5);
	assert_int_equal(moved[1], 6);
	assert_int_equal(moved[2], 7);
	assert_int_equal(chorus_cluster_count(c), 3);
	assert_int_equal(add_text(c, weather_text, 0), 4);
	chorus_cluster_free(c);
}

/* The misfit of revisit_moves_a_late_misfit with `mine` rescue texts in story 1, decided
 * again 512 additions later (weather reports in between); what
 * chorus_cluster_revisit_late returns then, the order of addition moved in *moved. */
static int64_t revisit_late_run(size_t mine, uint64_t *moved)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	const char *const match[2] = {
		"Manchester United beat Arsenal two goals to one at Old Trafford on Sunday.",
		"Arsenal lost to Manchester United by two goals to one at Old Trafford.",
	};
	size_t i, n = 99, last = 3 + CHORUS_CLUSTER_REVISIT_LATE;
	int64_t got = -1;

	/* additions: 0 rescue (story 1), 1-2 match (2), 3 the rescue's second text in the
	 * match's story, 4 .. 4 + mine - 2 rescue (1), then weather (3) */
	for (i = 0; i <= last; i++) {
		const char *t = i == 1 || i == 2 ? match[i - 1] : i == 3 ? rescue_texts[1] :
			i < 3 + mine ? rescue_texts[i % 5] : weather_text;
		int64_t into = i == 0 || i == 1 ? 0 : i <= 3 ? 2 : i < 3 + mine ? 1 :
			i == 3 + mine ? 0 : 3;

		assert_int_equal(add_text(c, t, into), into ? into : i == 0 ? 1 : i == 1 ? 2 : 3);
		got = chorus_cluster_revisit_late(c, moved, &n);
		if (i < last) {
			assert_int_equal(got, 0);
			assert_int_equal(n, 0);
		}
	}
	assert_int_equal(n, got ? 1 : 0);
	chorus_cluster_free(c);
	return got;
}

static void revisit_late_wants_a_grown_story(void **state)
{
	uint64_t moved[1] = { 99 };

	(void)state;
	/* 512 additions after it, addition 3 moves to the rescue's story of 5 */
	assert_int_equal(revisit_late_run(5, moved), 1);
	assert_int_equal(moved[0], 3);
	/* not to a story of 4 (the delayed decision at 16 additions would move it) */
	assert_int_equal(revisit_late_run(4, moved), 0);
}

static void feed_rehab(struct chorus_updater *u, struct chorus_ctx *ctx, size_t from, size_t to)
{
	struct chorus_article a;
	size_t i;

	for (i = from; i < to; i++) {
		art(&a, rehab[i][0], rehab[i][1], rehab[i][2]);
		assert_int_equal(chorus_updater_add(ctx, u, &a), 0);
		chorus_article_release(&a);
	}
	assert_int_equal(chorus_updater_flush(ctx, u), 0);
}

static int collect_seq(void *arg, const struct chorus_stored *s)
{
	struct seen *v = arg;

	if (v->n < 8)
		v->seq[v->n++] = s->seq;
	return 0;
}

static void updater_stores_splits(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_story_info si;
	struct chorus_store *st;
	struct chorus_updater *u;
	struct seen s;
	char dir[] = "/tmp/chorus-test-cluster-XXXXXX", path[64], cmd[96];
	int64_t na, ns;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	memset(&s, 0, sizeof(s));
	chorus_updater_on_assign(u, on_assign, &s);
	feed_rehab(u, ctx, 0, 4);
	/* all four join story 1 (same words); the fourth makes it due for a check, which
	 * moves the Lohan articles (seq 2 and 4) to story 2 */
	assert_int_equal(s.n, 6);
	assert_int_equal(s.story[0], 1);
	assert_int_equal(s.story[1], 1);
	assert_int_equal(s.story[2], 1);
	assert_int_equal(s.story[3], 1);
	assert_string_equal(s.id[4], "(moved)");
	assert_int_equal(s.seq[4], 2);
	assert_int_equal(s.story[4], 2);
	assert_int_equal(s.seq[5], 4);
	assert_int_equal(s.story[5], 2);
	assert_int_equal(chorus_updater_stats(u)->new_stories, 2);
	chorus_updater_free(u);
	chorus_store_close(st);

	/* the store says the same, and a later run puts the next Lohan article there */
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_get_story(ctx, st, 2, &si), 0);
	assert_int_equal(si.size, 2);
	assert_int_equal(si.originals, 2);
	assert_string_equal(si.headline, "Lindsay Lohan in rehab");
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), 0);
	assert_int_equal(si.size, 2);
	assert_string_equal(si.headline, "Tara Reid in rehab");
	chorus_story_info_release(&si);
	memset(&s, 0, sizeof(s));
	assert_int_equal(chorus_store_each_article(ctx, st, 2, 0, collect_seq, &s), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.seq[0], 2);
	assert_int_equal(s.seq[1], 4);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	memset(&s, 0, sizeof(s));
	chorus_updater_on_assign(u, on_assign, &s);
	feed_rehab(u, ctx, 4, 5);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.story[0], 2);
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 5);
	assert_int_equal(ns, 2);
	assert_int_equal(chorus_store_get_story(ctx, st, 2, &si), 0);
	assert_int_equal(si.size, 3);
	chorus_story_info_release(&si);
	chorus_updater_free(u);
	chorus_store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	chorus_ctx_free(ctx);
}

/* The rescue again, with an article that shares little more than the name Eskvale with
 * its first article (so it starts story 2), and a football match for a later run. */
static const char *const rescue[][2] = {
	{ "a", "Rescuers freed nine miners trapped in the Eskvale coal mine after three days "
	  "underground." },
	{ "x", "Relatives gathered at the Eskvale pit gates on Tuesday night." },
	{ "b", "The nine Eskvale miners were freed by rescuers after three days trapped "
	  "underground in the coal mine." },
	{ "c", "Rescuers reached the trapped miners in the Eskvale coal mine and freed all "
	  "nine." },
	{ "d", "All nine miners trapped underground at Eskvale were freed by rescuers, the "
	  "mine company said." },
	{ "g", "Families of the nine freed Eskvale miners thanked the rescuers at the coal "
	  "mine." },
	{ "match", "Manchester United beat Arsenal two goals to one at Old Trafford on "
	  "Sunday; Wayne Rooney scored twice in the second half." },
};

static void updater_stores_absorbed_stories(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_story_info si;
	struct chorus_store *st;
	struct chorus_updater *u;
	struct seen s;
	char dir[] = "/tmp/chorus-test-cluster-XXXXXX", path[64], cmd[96];
	int64_t na, ns, last;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	memset(&s, 0, sizeof(s));
	chorus_updater_on_assign(u, on_assign, &s);
	feed_table(u, ctx, rescue, 0, 6);
	/* x starts story 2; when g makes story 1 five articles, x moves into it */
	assert_int_equal(s.n, 7);
	for (i = 0; i < 6; i++)
		assert_int_equal(s.story[i], i == 1 ? 2 : 1);
	assert_string_equal(s.id[6], "(moved)");
	assert_int_equal(s.seq[6], 2);
	assert_int_equal(s.story[6], 1);
	chorus_updater_free(u);
	chorus_store_close(st);

	/* story 1 counts all six (no sources: each id is an outlet); story 2 is gone from
	 * the listings but its id stays taken: a later run's new story is 3 */
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), 0);
	assert_int_equal(si.size, 6);
	assert_int_equal(si.originals, 6);
	assert_int_equal(si.outlets, 6);
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_get_story(ctx, st, 2, &si), CHORUS_ENOTFOUND);
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 6);
	assert_int_equal(ns, 1);
	assert_int_equal(chorus_store_last_story(ctx, st, &last), 0);
	assert_int_equal(last, 2);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	memset(&s, 0, sizeof(s));
	chorus_updater_on_assign(u, on_assign, &s);
	feed_table(u, ctx, rescue, 6, 7);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.story[0], 3);
	chorus_updater_free(u);
	chorus_store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	chorus_ctx_free(ctx);
}

/* Records the moves the updater reports (the first 4). */
struct moves {
	int64_t seq[4], story[4];
	int n;
};

static void on_move(void *arg, const char *id, int64_t seq, int64_t story, int64_t dup_of)
{
	struct moves *m = arg;

	(void)dup_of;
	if (!id && m->n < 4) {
		m->seq[m->n] = seq;
		m->story[m->n++] = story;
	}
}

static void updater_stores_settled_stories(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_story_info si;
	struct chorus_article a;
	struct chorus_store *st;
	struct chorus_updater *u;
	struct moves m;
	char dir[] = "/tmp/chorus-test-cluster-XXXXXX", path[64], cmd[96], id[16], text[128];
	int64_t na, ns;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_updater_new(ctx, st, NULL, &u), 0);
	memset(&m, 0, sizeof(m));
	chorus_updater_on_assign(u, on_move, &m);
	/* the rescue (story 1, seqs 1-5); an article on its inquiry that scores 0.165
	 * against it, below the join threshold, so it starts story 2 (seq 6); then 140
	 * texts of words of their own (stories 3 ...), in two batches */
	for (i = 0; i < 146; i++) {
		snprintf(id, sizeof(id), "t%d", i);
		snprintf(text, sizeof(text), "alpha%d bravo%d charlie%d delta%d echo%d foxtrot%d",
			 i, i, i, i, i, i);
		art(&a, id, NULL, i < 5 ? rescue_texts[i] : i == 5 ? "The energy ministry in "
		    "Carden will open an inquiry at Eskvale after the rescue of miners from the "
		    "coal seam." : text);
		assert_int_equal(chorus_updater_add(ctx, u, &a), 0);
		chorus_article_release(&a);
		if (i == 66)
			assert_int_equal(chorus_updater_flush(ctx, u), 0);
	}
	assert_int_equal(chorus_updater_flush(ctx, u), 0);
	/* 128 articles after it, in the second batch, which adds nothing to story 1, the
	 * inquiry moves into story 1 (it shares a name with it, Eskvale) */
	assert_int_equal(m.n, 1);
	assert_int_equal(m.seq[0], 6);
	assert_int_equal(m.story[0], 1);
	chorus_updater_free(u);
	/* the store counts story 1 with it; story 2 is gone from the listings */
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), 0);
	assert_int_equal(si.size, 6);
	assert_int_equal(si.originals, 6);
	assert_int_equal(si.outlets, 6);
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_get_story(ctx, st, 2, &si), CHORUS_ENOTFOUND);
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 146);
	assert_int_equal(ns, 141);
	chorus_store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scores_match_hand_counts),
		cmocka_unit_test(features_round_trip),
		cmocka_unit_test(ceiling_puts_articles_in_the_nearest_gold_story),
		cmocka_unit_test(entities_are_names),
		cmocka_unit_test(two_events_of_one_kind_stay_apart),
		cmocka_unit_test(updater_is_incremental_and_idempotent),
		cmocka_unit_test(split_separates_disjoint_casts),
		cmocka_unit_test(split_keeps_shared_names),
		cmocka_unit_test(updater_stores_splits),
		cmocka_unit_test(absorb_takes_recent_single_articles),
		cmocka_unit_test(absorb_takes_two_article_stories_whole),
		cmocka_unit_test(absorb_wants_names),
		cmocka_unit_test(revisit_moves_a_late_misfit),
		cmocka_unit_test(settle_moves_a_small_story_late),
		cmocka_unit_test(revisit_late_wants_a_grown_story),
		cmocka_unit_test(updater_stores_absorbed_stories),
		cmocka_unit_test(updater_stores_settled_stories),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
