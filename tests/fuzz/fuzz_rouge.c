/*
 * tests/fuzz/fuzz_rouge.c: libFuzzer target for the ROUGE scorer's text handling (word
 * limit, words, stemming, counting). The input is cut at 0xFF bytes into a summary and
 * its references, scored with and without the word limit and stemming; every score
 * must be a fraction and every count consistent. The Porter stemmer gets each piece too.
 *
 * Replay without libFuzzer: build with -DCHORUS_FUZZ_MAIN and pass files as arguments.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus/chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct chorus_rouge_score *s)
{
	int m;

	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		if (s[m].recall < 0 || s[m].recall > 1 || s[m].precision < 0 || s[m].precision > 1 ||
		    s[m].f < 0 || s[m].f > 1)
			abort();
		if (s[m].hits > s[m].model_count || s[m].hits > s[m].peer_count)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *parts[8];
	size_t lens[8], n = 0, i, start = 0;
	struct chorus_rouge_score s[CHORUS_ROUGE_METRICS];
	struct chorus_rouge_options o;
	char buf[64];
	int k;

	for (i = 0; i <= size && n < 8; i++)
		if (i == size || data[i] == 0xFF) {
			parts[n] = (const char *)data + start;
			lens[n++] = i - start;
			start = i + 1;
		}
	for (k = 0; k < 3; k++) {
		struct chorus_rouge *r;

		chorus_rouge_options_default(&o);
		o.word_limit = k == 0 ? 100 : k == 1 ? 3 : 0;
		o.stem = k != 2;
		o.skip_distance = (unsigned)k * 2;
		r = chorus_rouge_new(&o);
		chorus_rouge_score(r, parts[0], lens[0], parts + 1, lens + 1, n - 1, s);
		check(s);
		chorus_rouge_free(r);
	}
	for (i = 0; i < n; i++)
		(void)chorus_rouge_porter(parts[i], lens[i] < 63 ? lens[i] : 63, buf, sizeof(buf));
	return 0;
}

#include "fuzz_replay.h"
