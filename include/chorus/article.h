/*
 * chorus/article.h: the article record, the one type every reader produces and every
 * later stage reads (see docs/DESIGN.md, "ingest").
 */
#ifndef CHORUS_ARTICLE_H
#define CHORUS_ARTICLE_H

#include "chorus/common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum chorus_article_flags {
	CHORUS_ARTICLE_REPAIRED = 1 << 0,  /* invalid UTF-8 in the input was replaced by U+FFFD */
	CHORUS_ARTICLE_TRUNCATED = 1 << 1  /* the text was cut at the configured size limit */
};

/*
 * One news article. Every string is NUL-terminated valid UTF-8, owned by the record
 * (malloc'd) and freed by chorus_article_release(). Optional fields are NULL when
 * unknown.
 */
struct chorus_article {
	char *id;              /* required; unique within one input set (file name, JSONL id) */
	char *url;             /* optional */
	char *source;          /* optional: the outlet's name ("Reuters", "cnn.com") */
	char *title;           /* optional: the headline */
	char *author;          /* optional: the byline ("Jane Doe, John Roe") */
	chorus_time published; /* CHORUS_TIME_UNKNOWN when not known */
	char *lang;            /* optional: BCP 47 language tag ("en") */
	char *text;            /* required: the body as read (may still hold debris) */
	size_t text_len;       /* bytes in text, without the final NUL */
	char *origin;          /* optional: where it was read ("dir/a.txt", "feed.jsonl:12") */
	unsigned flags;        /* enum chorus_article_flags */
};

/* Sets every field to empty (NULL, 0, CHORUS_TIME_UNKNOWN). */
void chorus_article_init(struct chorus_article *a);

/* Frees every field and re-initializes the record. */
void chorus_article_release(struct chorus_article *a);

/* Deep copy of src into dst (dst is overwritten, not released). */
void chorus_article_copy(struct chorus_article *dst, const struct chorus_article *src);

#ifdef __cplusplus
}
#endif
#endif
