/*
 * tests/unit/test_dedup.c: normalized-text hashes, MinHash similarity estimates and
 * the LSH index that links copies to their original.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support/testutil.h"

#include "chorus/chorus.h"

/* 100 distinct words "w0 w1 ... w99", with word `change` replaced by "CHANGED". */
static void words100(char *buf, size_t n, int change)
{
	size_t len = 0;
	int i;

	buf[0] = 0;
	for (i = 0; i < 100; i++)
		len += (size_t)snprintf(buf + len, n - len, i == change ? "CHANGED " : "w%d ", i);
}

static void normalized_hash_ignores_case_and_punctuation(void **state)
{
	struct chorus_dedup_sig a, b, c;

	(void)state;
	chorus_dedup_sign("Hello, World!", 13, 0, &a);
	chorus_dedup_sign("  hello -- world ", 17, 0, &b);
	chorus_dedup_sign("Hello, Worlds!", 14, 0, &c);
	assert_int_equal(a.words, 2);
	assert_true(a.hash == b.hash);
	assert_true(a.hash != c.hash);
	/* shorter than a shingle: the whole text is one shingle, the same one */
	assert_true(chorus_dedup_similarity(&a, &b) == 1.0);
	assert_true(chorus_dedup_similarity(&a, &c) < 0.1);
}

static void minhash_estimates_jaccard(void **state)
{
	static char x[2048], y[2048];
	struct chorus_dedup_sig a, b;
	double s;

	(void)state;
	words100(x, sizeof(x), -1);
	words100(y, sizeof(y), 50);
	chorus_dedup_sign(x, strlen(x), 5, &a);
	chorus_dedup_sign(y, strlen(y), 5, &b);
	assert_int_equal(a.words, 100);
	/* 96 shingles each; the changed word is in 5 of them: J = 91 / 101 = 0.901. The
	 * estimate from 128 values has a standard deviation of 0.026. */
	s = chorus_dedup_similarity(&a, &b);
	assert_true(fabs(s - 91.0 / 101.0) < 0.1);
	/* every word different: J = 0 */
	chorus_dedup_sign("a b c d e f g h", 15, 5, &b);
	assert_true(chorus_dedup_similarity(&a, &b) < 0.05);
}

static void index_links_copies_to_the_first_original(void **state)
{
	static char x[2048], y[2048], z[2048];
	struct chorus_dedup *d = chorus_dedup_new(0);
	struct chorus_dedup_sig a, b, c, e;
	uint64_t orig = 0;
	double sim = 0;

	(void)state;
	words100(x, sizeof(x), -1);
	words100(y, sizeof(y), 50);
	chorus_dedup_sign(x, strlen(x), 0, &a);
	chorus_dedup_sign(y, strlen(y), 0, &b);
	snprintf(z, sizeof(z), "An unrelated text about something else entirely, with "
		 "its own words and its own length, which no LSH band shares.");
	chorus_dedup_sign(z, strlen(z), 0, &c);
	chorus_dedup_sign("?!", 2, 0, &e);
	assert_int_equal(chorus_dedup_find(d, &a, &orig, &sim), 0);
	chorus_dedup_add(d, 7, &a);
	chorus_dedup_add(d, 9, &c);
	assert_int_equal(chorus_dedup_count(d), 2);
	/* the near copy finds item 7 */
	assert_int_equal(chorus_dedup_find(d, &b, &orig, &sim), 1);
	assert_int_equal(orig, 7);
	assert_true(sim >= 0.8 && sim < 1.0);
	/* an exact copy has similarity 1 */
	assert_int_equal(chorus_dedup_find(d, &c, &orig, &sim), 1);
	assert_int_equal(orig, 9);
	assert_true(sim == 1.0);
	/* a text of punctuation only copies nothing, and is never matched */
	assert_int_equal(e.words, 0);
	chorus_dedup_add(d, 11, &e);
	assert_int_equal(chorus_dedup_find(d, &e, &orig, &sim), 0);
	chorus_dedup_free(d);

	/* with a threshold above the similarity, the near copy is not one */
	d = chorus_dedup_new(0.99);
	chorus_dedup_add(d, 7, &a);
	assert_int_equal(chorus_dedup_find(d, &b, &orig, &sim), 0);
	chorus_dedup_free(d);
}

/* Texts in order: an original, its exact copy (other case and punctuation), another
 * text, a near copy of the first (one word of 100 changed: J = 0.90), a text unlike
 * any. Copies point at the first original, never at a copy. */
static void link_marks_copies_in_order(void **state)
{
	static char x[2048], y[2048], z[2048];
	const char *texts[5];
	size_t lens[5], dup_of[5], i;

	(void)state;
	words100(x, sizeof(x), -1);
	words100(y, sizeof(y), 50);
	for (i = 0; x[i]; i++)
		z[i] = (char)(x[i] >= 'a' && x[i] <= 'z' ? x[i] - 'a' + 'A' : x[i]);
	z[i] = '\0';
	texts[0] = x;
	texts[1] = z;
	texts[2] = "The mayor of Halvard opened the new tram line on Sunday.";
	texts[3] = y;
	texts[4] = "Prices of barley rose for the third month in a row.";
	for (i = 0; i < 5; i++)
		lens[i] = strlen(texts[i]);
	chorus_dedup_link(texts, lens, 5, 0, dup_of);
	assert_true(dup_of[0] == CHORUS_DEDUP_ORIGINAL);
	assert_int_equal(dup_of[1], 0);
	assert_true(dup_of[2] == CHORUS_DEDUP_ORIGINAL);
	assert_int_equal(dup_of[3], 0);
	assert_true(dup_of[4] == CHORUS_DEDUP_ORIGINAL);
	/* at a threshold of 0.95 the near copy is an original of its own */
	chorus_dedup_link(texts, lens, 5, 0.95, dup_of);
	assert_int_equal(dup_of[1], 0);
	assert_true(dup_of[3] == CHORUS_DEDUP_ORIGINAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalized_hash_ignores_case_and_punctuation),
		cmocka_unit_test(minhash_estimates_jaccard),
		cmocka_unit_test(index_links_copies_to_the_first_original),
		cmocka_unit_test(link_marks_copies_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
