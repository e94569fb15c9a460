/*
 * eval/baseline.c: the baseline summaries that summarization benchmarks report next
 * to every system (DUC's lead baseline, the first sentences of the documents, and the
 * published LexRank and centroid summarizers of eval/centrality.c), so that the ROUGE
 * harness can be checked against known figures and the brief's summaries have
 * anchors. Evaluation only; sentences come from the text stage.
 */
#include "chorus/eval.h"
#include "chorus/text.h"
#include "eval/centrality.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/words.h"

/* Adds sentence k of doc as a line; returns its words. Headlines are never taken. */
static size_t add_sentence(struct chorus__buf *b, const struct chorus_doc *doc, size_t k)
{
	const struct chorus_sentence *s = &doc->sents[k];
	size_t n = s->end - s->start;

	chorus__buf_add(b, doc->text + s->start, n);
	chorus__buf_addch(b, '\n');
	return chorus__count_words(doc->text + s->start, n);
}

/* Publication order: unknown dates first, then by time, ties by input order. */
static int older(const struct chorus_article *a, size_t ia, const struct chorus_article *b,
		 size_t ib)
{
	if (a->published != b->published)
		return a->published < b->published; /* CHORUS_TIME_UNKNOWN is INT64_MIN */
	return ia < ib;
}

int chorus_baseline_summary(struct chorus_ctx *ctx, const struct chorus_article *arts, size_t n,
			    enum chorus_baseline kind, size_t words, char **out)
{
	struct chorus__buf b = { 0 };
	size_t *order = NULL, i, j, taken = 0;
	int ret = 0;

	*out = NULL;
	if (n == 0)
		return chorus_error(ctx, CHORUS_EEMPTY, "no article to summarize");
	/* indexes in publication order (insertion sort: clusters are small) */
	order = chorus_xmalloc(chorus_xmul(n, sizeof(*order)));
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && older(&arts[i], i, &arts[order[j - 1]], order[j - 1]); j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	if (kind == CHORUS_BASELINE_LEXRANK || kind == CHORUS_BASELINE_CENTROID) {
		/* every article, in the order given */
		struct chorus_doc **docs = chorus_xcalloc(n, sizeof(*docs));
		size_t m = 0;

		for (i = 0; i < n; i++)
			if (chorus_doc_analyze(ctx, &arts[i], NULL, &docs[m]) == 0)
				m++;
		chorus__baseline_centrality((const struct chorus_doc *const *)docs, m, kind, words,
					    &b);
		for (i = 0; i < m; i++)
			chorus_doc_free(docs[i]);
		free(docs);
	} else if (kind == CHORUS_BASELINE_LEAD) {
		/* the most recent article that has a sentence */
		for (i = n; i-- > 0 && !b.len;) {
			struct chorus_doc *doc = NULL;
			size_t k;

			if (chorus_doc_analyze(ctx, &arts[order[i]], NULL, &doc) != 0)
				continue;
			for (k = 0; k < doc->n_sents && (!words || taken < words); k++)
				if (!(doc->sents[k].flags & CHORUS_SENT_TITLE))
					taken += add_sentence(&b, doc, k);
			chorus_doc_free(doc);
		}
	} else {
		for (i = 0; i < n && (!words || taken < words); i++) {
			struct chorus_doc *doc = NULL;
			size_t k;

			if (chorus_doc_analyze(ctx, &arts[order[i]], NULL, &doc) != 0)
				continue;
			for (k = 0; k < doc->n_sents; k++)
				if (!(doc->sents[k].flags & CHORUS_SENT_TITLE)) {
					taken += add_sentence(&b, doc, k);
					break;
				}
			chorus_doc_free(doc);
		}
	}
	chorus_error_clear(ctx);
	if (!b.len) {
		ret = chorus_error(ctx, CHORUS_EEMPTY, "no article has a sentence");
		goto out;
	}
	*out = chorus__buf_detach(&b, NULL);
out:
	chorus__buf_release(&b);
	free(order);
	return ret;
}
