/*
 * chorus/brief.h: the brief of one story, the last stage of the pipeline.
 *
 * A brief is built from the analysed documents (text.h) of the articles of one story.
 * Its first section is the summary: sentences chosen within a word budget for the
 * content most outlets report, covering the story without repeating itself. Each
 * summary sentence names every article that carries the same content (sentences are
 * aligned across articles into facts), not only the one it was taken from. See
 * docs/brief.md for the method.
 *
 * Rendering writes into a caller's growable string; the library never prints. The
 * brief is rendered section by section (summary first); later sections (entities,
 * quotes, numbers, timeline) are separate functions that the whole-brief renderer
 * calls in turn, so that each can be rendered or tested on its own.
 */
#ifndef CHORUS_BRIEF_H
#define CHORUS_BRIEF_H

#include "chorus/text.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CHORUS_BRIEF_DEFAULT_WORDS 100
/* dup_of value of an article that is not a copy of another one. */
#define CHORUS_BRIEF_ORIGINAL ((size_t)-1)

/* chorus_brief_options.flags */
enum chorus_brief_flags {
	/* Fill the word budget: when the whole sentences chosen leave words unused, the
	 * sentence whose first words add the most is appended last, cut after the word that
	 * reaches the budget, its text ending in U+2026 ("..."). For evaluations that keep a
	 * summary's first N words (ROUGE's -l N), which the whole sentences alone waste. */
	CHORUS_BRIEF_FILL = 1 << 0
};

struct chorus_brief_options {
	size_t words;         /* word budget of the summary; 0 means CHORUS_BRIEF_DEFAULT_WORDS */
	const size_t *dup_of; /* optional, one entry per document: the index of the document
	                       * that document i is a syndicated copy of, or
	                       * CHORUS_BRIEF_ORIGINAL. Copies count as outlets carrying a
	                       * sentence but not as independent support for it. NULL: no copies. */
	unsigned flags;       /* enum chorus_brief_flags */
};

/* One article that carries a summary sentence's content. */
struct chorus_brief_source {
	size_t doc;    /* index of the document (in the order given to chorus_brief_build) */
	uint32_t sent; /* index of its sentence with that content: docs[doc]->sents[sent] */
	int copy;      /* 1 when the document is a syndicated copy (options.dup_of) */
};

struct chorus_brief_sentence {
	const char *text;  /* the sentence, NUL-terminated, owned by the brief */
	size_t doc;        /* the document it was taken from */
	uint32_t sent;     /* its index in docs[doc]->sents */
	size_t words;      /* words in text: runs of non-space bytes, as ROUGE counts them */
	const struct chorus_brief_source *sources; /* every document carrying the content, in
	                                            * document order; includes doc itself */
	size_t n_sources;
	size_t support;    /* independent sources: n_sources minus syndicated copies */
	int cut;           /* 1: text is the sentence's first words only (CHORUS_BRIEF_FILL);
	                    * sources are those of the whole sentence */
};

/*
 * A built brief. Everything it points to is owned by it and freed by
 * chorus_brief_free(), except docs, which are borrowed and must outlive it.
 */
struct chorus_brief {
	const struct chorus_doc *const *docs; /* borrowed */
	size_t n_docs;
	size_t n_independent; /* documents that are not syndicated copies */
	size_t budget;        /* the word budget used */
	const struct chorus_brief_sentence *summary; /* in reading order */
	size_t n_summary;
	size_t summary_words;
	void *impl; /* private to the brief module */
};

/*
 * Builds the brief of the n analysed documents docs[0..n) (one story). opt may be NULL
 * for the defaults. Terms may be interned in the lexicon of ctx, which must be the
 * context that analysed the documents. Deterministic: the same documents in the same
 * order give the same brief; ties go to the earlier document, then the earlier
 * sentence. Returns 0 and a new brief in *out, CHORUS_EINVAL for bad options (a
 * dup_of entry out of range), or CHORUS_EEMPTY when n is 0. A story whose documents
 * hold no sentence worth selecting gives a brief with an empty summary.
 */
int chorus_brief_build(struct chorus_ctx *ctx, const struct chorus_doc *const *docs, size_t n,
		       const struct chorus_brief_options *opt, struct chorus_brief **out);

void chorus_brief_free(struct chorus_brief *b);

/* The name shown for document i: its article's source when known, else its id.
 * Borrowed from the article. */
const char *chorus_brief_outlet(const struct chorus_brief *b, size_t i);

enum chorus_brief_format {
	CHORUS_BRIEF_TEXT,  /* plain text for reading */
	CHORUS_BRIEF_MD,    /* Markdown */
	CHORUS_BRIEF_JSON,  /* one JSON object (schema in docs/brief.md) */
	CHORUS_BRIEF_PLAIN  /* the summary sentences only, one per line (for ROUGE) */
};

/*
 * Appends the whole brief in format fmt to the caller's malloc'd string *buf of *len
 * bytes (*buf may be NULL with *len 0); *buf stays NUL-terminated and is reallocated
 * as needed; the caller frees it. Returns 0, or CHORUS_EINVAL for an unknown format.
 */
int chorus_brief_render(const struct chorus_brief *b, enum chorus_brief_format fmt, char **buf,
			size_t *len);

/*
 * Appends the summary section only, as chorus_brief_render() does. For
 * CHORUS_BRIEF_JSON the section is the JSON value of the "summary" key.
 */
int chorus_brief_render_summary(const struct chorus_brief *b, enum chorus_brief_format fmt,
				char **buf, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
