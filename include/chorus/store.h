/*
 * chorus/store.h: the store, where articles, their analyses, duplicate links and story
 * membership persist between runs (see docs/DESIGN.md, "store").
 *
 * The embedded default is one SQLite file in WAL mode. Every write happens inside a
 * batch (chorus_store_begin .. chorus_store_commit): a batch is either wholly in the
 * file or not at all, also after a kill -9 or a full disk. The schema carries a version
 * and is migrated when an older file is opened. Callers see only this API, so another
 * database can replace SQLite behind it.
 */
#ifndef CHORUS_STORE_H
#define CHORUS_STORE_H

#include "chorus/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this build writes; older files are migrated on open. */
#define CHORUS_STORE_SCHEMA_VERSION 1

enum chorus_store_flags {
	CHORUS_STORE_READONLY = 1 << 0, /* open an existing file for reading only */
	CHORUS_STORE_WRITER = 1 << 1    /* take the writer lock: one writing process at a time */
};

struct chorus_store_options {
	unsigned flags;        /* enum chorus_store_flags */
	unsigned busy_ms;      /* how long to wait for a lock held by a reader; 0: 5000 ms */
	int64_t max_pages;     /* 0, or a size limit in 4 KiB pages (full-disk tests) */
};

struct chorus_store;

/*
 * Opens (creating unless READONLY) the store at path. With CHORUS_STORE_WRITER, fails
 * with CHORUS_EBUSY when another process holds the writer lock (another ingest).
 * Returns 0 and the store in *out, or CHORUS_EDB, CHORUS_EBUSY, CHORUS_ENOTFOUND
 * (READONLY and no file), CHORUS_EUNSUPPORTED (a newer schema), with a message on ctx.
 */
int chorus_store_open(struct chorus_ctx *ctx, const char *path,
		      const struct chorus_store_options *opt, struct chorus_store **out);
/* Closes the store; an open batch is rolled back. NULL does nothing. */
void chorus_store_close(struct chorus_store *st);

/* Starts a batch (a write transaction). CHORUS_EBUSY when the file stays locked. */
int chorus_store_begin(struct chorus_ctx *ctx, struct chorus_store *st);
/* Commits the batch. CHORUS_ENOSPC (disk full) or CHORUS_EDB: the batch is rolled back. */
int chorus_store_commit(struct chorus_ctx *ctx, struct chorus_store *st);
/* Drops the open batch, if any. */
void chorus_store_rollback(struct chorus_store *st);

/* One stored article with its analysis, as written and read back. */
struct chorus_stored {
	int64_t seq;           /* store-wide order of arrival, from 1 */
	struct chorus_article a;
	uint64_t hash;         /* normalized-text hash (dedup) */
	const void *minhash;   /* signature bytes (dedup), borrowed */
	size_t minhash_len;
	const char *features;  /* the clustering features as text (cluster), borrowed */
	int64_t story;         /* story id, 0 when none */
	int64_t dup_of;        /* seq of the original this text copies, 0 when original */
	double dup_sim;        /* estimated Jaccard similarity to the original */
};

/*
 * Whether an article with this id is stored: 1 yes (its seq in *seq when not NULL),
 * 0 no, or a negative code.
 */
int chorus_store_has_article(struct chorus_ctx *ctx, struct chorus_store *st, const char *id,
			     int64_t *seq);

/*
 * Adds an article inside a batch; s->seq is ignored and the new seq is returned in
 * *seq. Fails with CHORUS_EINVAL when the id is stored already, CHORUS_ENOSPC or
 * CHORUS_EDB otherwise (the caller then rolls the batch back).
 */
int chorus_store_add_article(struct chorus_ctx *ctx, struct chorus_store *st,
			     const struct chorus_stored *s, int64_t *seq);

/* Story metadata, kept up to date by the writer at the end of each batch. */
struct chorus_story_info {
	int64_t id;
	int64_t size;        /* articles, copies included */
	int64_t outlets;     /* distinct sources (copies count as outlets) */
	int64_t originals;   /* articles that are not copies */
	chorus_time first;   /* earliest known publication time, or CHORUS_TIME_UNKNOWN */
	chorus_time last;
	char *headline;      /* the title (or first words) of its earliest article */
	char *terms;         /* top terms, space separated */
};

void chorus_story_info_release(struct chorus_story_info *s);

/* Creates or replaces the metadata of story s->id (inside a batch). */
int chorus_store_put_story(struct chorus_ctx *ctx, struct chorus_store *st,
			   const struct chorus_story_info *s);

/*
 * Recomputes size, outlets, originals, first and last of story id from its articles
 * and sets its top terms (inside a batch); the headline is kept.
 */
int chorus_store_refresh_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t id,
			       const char *terms);

/*
 * Sets size, outlets, originals, first, last and terms of story s->id (inside a batch)
 * from s, keeping the stored headline: the writer keeps these counts itself, so the
 * cost does not grow with the story. CHORUS_ENOTFOUND when there is no such story.
 */
int chorus_store_update_story(struct chorus_ctx *ctx, struct chorus_store *st,
			      const struct chorus_story_info *s);

/*
 * Moves the article of this seq to story `story` (inside a batch; the stories' metadata
 * is the caller's to update). CHORUS_ENOTFOUND when there is no such article.
 */
int chorus_store_set_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t seq,
			   int64_t story);

/* The highest story id given out (emptied stories included), 0 when none. */
int chorus_store_last_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t *id);

/* Called once per article, in seq order; a nonzero return stops and is returned. */
typedef int (*chorus_stored_fn)(void *arg, const struct chorus_stored *s);

/* Every article (with text when with_text, else text is NULL) in seq order;
 * story_id > 0 restricts to one story. */
int chorus_store_each_article(struct chorus_ctx *ctx, struct chorus_store *st, int64_t story_id,
			      int with_text, chorus_stored_fn fn, void *arg);

typedef int (*chorus_story_fn)(void *arg, const struct chorus_story_info *s);

/* Every story whose last publication time is at or after since (CHORUS_TIME_UNKNOWN: all),
 * largest first, then by id. A story that a repair emptied (size 0) is not listed. */
int chorus_store_each_story(struct chorus_ctx *ctx, struct chorus_store *st, chorus_time since,
			    chorus_story_fn fn, void *arg);

/* The metadata of one story into *out (release it), or CHORUS_ENOTFOUND (also for an
 * emptied story). */
int chorus_store_get_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t id,
			   struct chorus_story_info *out);

/* Counts: articles and stories stored (emptied ones not counted). */
int chorus_store_counts(struct chorus_ctx *ctx, struct chorus_store *st, int64_t *articles,
			int64_t *stories);

#ifdef __cplusplus
}
#endif
#endif
