/*
 * tests/fuzz/fuzz_stories.c: libFuzzer target for what dedup and clustering read: any
 * bytes as an article's text (signature, features, assignment) and as stored features
 * (chorus_features_parse, which reads what the store holds). The features of the text
 * must survive a format/parse round trip unchanged.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chorus_cluster *c = chorus_cluster_new(NULL);
	struct chorus_dedup *d = chorus_dedup_new(0);
	struct chorus_dedup_sig sig;
	struct chorus_features *f, *g;
	struct chorus_article a;
	char *text = malloc(size + 1), *s, *t;
	uint64_t orig, moved[CHORUS_CLUSTER_SPLIT_MAX];
	size_t i, n;
	double sim;

	memcpy(text, data, size);
	text[size] = 0;
	chorus_article_init(&a);
	a.id = (char *)"fuzz";
	a.text = text;
	a.text_len = size;
	chorus_dedup_sign(text, size, 0, &sig);
	if (chorus_dedup_find(d, &sig, &orig, &sim))
		abort(); /* the index is empty */
	chorus_dedup_add(d, 1, &sig);
	f = chorus_cluster_features(c, &a);
	chorus_cluster_add(c, chorus_cluster_decide(c, f, CHORUS_TIME_UNKNOWN, NULL), f, 0);
	chorus_cluster_add(c, chorus_cluster_decide(c, f, 86400, NULL), f, 86400);
	/* the repairs on a story of this article and copies of it, and a story of one */
	for (i = 0; i < 6; i++) {
		chorus_cluster_add(c, 1, f, 0);
		chorus_cluster_add(c, 0, f, 0);
		chorus_cluster_absorb(c, 1, moved, &n);
		chorus_cluster_split(c, 1, moved, &n);
	}
	s = chorus_features_format(c, f);
	g = chorus_features_parse(c, s);
	t = chorus_features_format(c, g);
	if (strcmp(s, t))
		abort();
	free(s);
	free(t);
	chorus_features_free(g);
	g = chorus_features_parse(c, text); /* stored features are untrusted too */
	chorus_features_free(g);
	chorus_features_free(f);
	free(chorus_cluster_terms(c, 1, 8));
	chorus_cluster_free(c);
	chorus_dedup_free(d);
	free(text);
	return 0;
}

#include "fuzz_replay.h"
