/*
 * eval/centrality.h: the sentence-centrality baselines of eval/baseline.c (LexRank and
 * MEAD's centroid), private to the library.
 */
#ifndef CHORUS_EVAL_CENTRALITY_H
#define CHORUS_EVAL_CENTRALITY_H

#include "chorus/eval.h"
#include "chorus/text.h"
#include "util/buf.h"

/*
 * Appends to b the summary of the n analysed documents by kind (CHORUS_BASELINE_LEXRANK
 * or CHORUS_BASELINE_CENTROID): whole sentences, one per line, in the order chosen,
 * until at least `words` words (0: every sentence the method would take). Returns the
 * number of sentences written (0 when no document has a sentence with a content word).
 */
size_t chorus__baseline_centrality(const struct chorus_doc *const *docs, size_t n,
				   enum chorus_baseline kind, size_t words, struct chorus__buf *b);

#endif
