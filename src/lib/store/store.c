/*
 * store/store.c: the SQLite store behind chorus/store.h.
 *
 * One file in WAL mode (readers never block the writer), synchronous=NORMAL (a commit
 * that returned survives a process kill; WAL keeps the file consistent after a power
 * cut). Every write is inside BEGIN IMMEDIATE .. COMMIT, so a batch is atomic. The
 * schema version is PRAGMA user_version; migrate() brings older files up to date.
 * One writing process at a time: the writer takes flock(LOCK_EX) on the database
 * file, which the kernel drops when the process dies, so a killed ingest never leaves
 * a stale lock behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chorus/store.h"
#include "util/alloc.h"

enum stmt_id {
	S_HAS, S_ADD, S_PUT_STORY, S_REFRESH, S_EACH_ALL, S_EACH_STORY, S_EACH_ALL_TEXT,
	S_EACH_STORY_TEXT, S_STORIES, S_GET_STORY, S_COUNT_ART, S_COUNT_STORY, S_UPDATE_STORY,
	S_SET_STORY, S_LAST_STORY, S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
	[S_HAS] = "SELECT seq FROM articles WHERE id = ?1",
	[S_ADD] = "INSERT INTO articles(id, source, url, title, author, published, lang, text, "
		  "origin, hash, minhash, features, story, dup_of, dup_sim) "
		  "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
	[S_PUT_STORY] = "INSERT OR REPLACE INTO stories(id, size, outlets, originals, first, last, "
			"headline, terms) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
	[S_REFRESH] = "UPDATE stories SET size = (SELECT count(*) FROM articles WHERE story = ?1), "
		      "outlets = (SELECT count(DISTINCT coalesce(source, id)) FROM articles "
		      "WHERE story = ?1), "
		      "originals = (SELECT count(*) FROM articles WHERE story = ?1 AND dup_of = 0), "
		      "first = (SELECT min(published) FROM articles WHERE story = ?1), "
		      "last = (SELECT max(published) FROM articles WHERE story = ?1), "
		      "terms = ?2 WHERE id = ?1",
	[S_EACH_ALL] = "SELECT seq, id, source, url, title, author, published, lang, NULL, origin, "
		       "hash, minhash, features, story, dup_of, dup_sim FROM articles ORDER BY seq",
	[S_EACH_STORY] = "SELECT seq, id, source, url, title, author, published, lang, NULL, "
			 "origin, hash, minhash, features, story, dup_of, dup_sim FROM articles "
			 "WHERE story = ?1 ORDER BY seq",
	[S_EACH_ALL_TEXT] = "SELECT seq, id, source, url, title, author, published, lang, text, "
			    "origin, hash, minhash, features, story, dup_of, dup_sim FROM articles "
			    "ORDER BY seq",
	[S_EACH_STORY_TEXT] = "SELECT seq, id, source, url, title, author, published, lang, text, "
			      "origin, hash, minhash, features, story, dup_of, dup_sim FROM "
			      "articles WHERE story = ?1 ORDER BY seq",
	[S_STORIES] = "SELECT id, size, outlets, originals, first, last, headline, terms FROM "
		      "stories WHERE size > 0 AND (?1 IS NULL OR last >= ?1) ORDER BY size DESC, id",
	[S_GET_STORY] = "SELECT id, size, outlets, originals, first, last, headline, terms FROM "
			"stories WHERE id = ?1 AND size > 0",
	[S_COUNT_ART] = "SELECT count(*) FROM articles",
	[S_COUNT_STORY] = "SELECT count(*) FROM stories WHERE size > 0",
	[S_UPDATE_STORY] = "UPDATE stories SET size = ?2, outlets = ?3, originals = ?4, first = ?5, "
			   "last = ?6, terms = ?7 WHERE id = ?1",
	[S_SET_STORY] = "UPDATE articles SET story = ?2 WHERE seq = ?1",
	[S_LAST_STORY] = "SELECT max(id) FROM stories",
};

struct chorus_store {
	sqlite3 *db;
	sqlite3_stmt *stmt[S_COUNT];
	char *path;
	int lock_fd;   /* the writer lock, or -1 */
	int in_batch;
};

/* The schema, one step per version: steps[v] takes a file from version v to v + 1. */
static const char *const steps[CHORUS_STORE_SCHEMA_VERSION] = {
	"CREATE TABLE articles("
	" seq INTEGER PRIMARY KEY,"
	" id TEXT NOT NULL UNIQUE,"
	" source TEXT, url TEXT, title TEXT, author TEXT,"
	" published INTEGER,"           /* Unix seconds, NULL when unknown */
	" lang TEXT, text TEXT NOT NULL, origin TEXT,"
	" hash INTEGER NOT NULL,"       /* normalized-text hash, as signed 64 bits */
	" minhash BLOB, features TEXT,"
	" story INTEGER NOT NULL DEFAULT 0,"
	" dup_of INTEGER NOT NULL DEFAULT 0," /* seq of the original, 0 for an original */
	" dup_sim REAL NOT NULL DEFAULT 0);"
	"CREATE INDEX articles_story ON articles(story);"
	"CREATE INDEX articles_hash ON articles(hash);"
	"CREATE TABLE stories("
	" id INTEGER PRIMARY KEY,"
	" size INTEGER NOT NULL, outlets INTEGER NOT NULL, originals INTEGER NOT NULL,"
	" first INTEGER, last INTEGER, headline TEXT, terms TEXT);",
};

static int db_error(struct chorus_ctx *ctx, struct chorus_store *st, int rc, const char *what)
{
	int code = CHORUS_EDB;

	/* a full disk shows as SQLITE_FULL, or as an I/O error whose errno is ENOSPC */
	if (rc == SQLITE_FULL || ((rc & 0xff) == SQLITE_IOERR && st->db &&
				  sqlite3_system_errno(st->db) == ENOSPC))
		code = CHORUS_ENOSPC;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		code = CHORUS_EBUSY;
	if (code == CHORUS_ENOSPC)
		return chorus_error(ctx, code, "%s: %s: no space left (database or disk full); "
				    "the batch was rolled back", st->path, what);
	if (code == CHORUS_EBUSY)
		return chorus_error(ctx, code, "%s: %s: the database is locked by another process",
				    st->path, what);
	return chorus_error(ctx, code, "%s: %s: %s", st->path, what,
			    st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
}

static int exec(struct chorus_ctx *ctx, struct chorus_store *st, const char *sql, const char *what)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_error(ctx, st, rc, what);
}

static int user_version(struct chorus_ctx *ctx, struct chorus_store *st, int *v)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		*v = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : db_error(ctx, st, rc, "reading the schema version");
}

/* Brings the schema to CHORUS_STORE_SCHEMA_VERSION, all steps in one transaction. */
static int migrate(struct chorus_ctx *ctx, struct chorus_store *st, int readonly)
{
	int v, ret;
	char sql[64];

	if ((ret = user_version(ctx, st, &v)) < 0)
		return ret;
	if (v > CHORUS_STORE_SCHEMA_VERSION)
		return chorus_error(ctx, CHORUS_EUNSUPPORTED,
				    "%s: schema version %d is newer than this build's (%d)", st->path,
				    v, CHORUS_STORE_SCHEMA_VERSION);
	if (v == CHORUS_STORE_SCHEMA_VERSION)
		return 0;
	if (readonly && v == 0)
		return chorus_error(ctx, CHORUS_EEMPTY, "%s: the store holds nothing yet", st->path);
	if (readonly)
		return chorus_error(ctx, CHORUS_EDB, "%s: schema version %d needs a migration; "
				    "open it for writing once (chorus ingest)", st->path, v);
	if ((ret = exec(ctx, st, "BEGIN IMMEDIATE", "migrating the schema")) < 0)
		return ret;
	/* Another process may have migrated it while we waited for the lock. */
	if ((ret = user_version(ctx, st, &v)) < 0)
		goto out;
	for (; v < CHORUS_STORE_SCHEMA_VERSION; v++)
		if ((ret = exec(ctx, st, steps[v], "migrating the schema")) < 0)
			goto out;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", CHORUS_STORE_SCHEMA_VERSION);
	if ((ret = exec(ctx, st, sql, "migrating the schema")) < 0)
		goto out;
	return exec(ctx, st, "COMMIT", "migrating the schema");
out:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return ret;
}

static int take_writer_lock(struct chorus_ctx *ctx, struct chorus_store *st)
{
	st->lock_fd = open(st->path, O_RDONLY | O_CLOEXEC);
	if (st->lock_fd < 0)
		return chorus_error(ctx, CHORUS_EIO, "%s: %s", st->path, strerror(errno));
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		int busy = errno == EWOULDBLOCK;

		close(st->lock_fd);
		st->lock_fd = -1;
		if (busy)
			return chorus_error(ctx, CHORUS_EBUSY, "%s: another process is writing to "
					    "this database (another ingest?); try again when it "
					    "is done", st->path);
		return chorus_error(ctx, CHORUS_EIO, "%s: cannot lock: %s", st->path,
				    strerror(errno));
	}
	return 0;
}

int chorus_store_open(struct chorus_ctx *ctx, const char *path,
		      const struct chorus_store_options *opt, struct chorus_store **out)
{
	struct chorus_store *st;
	unsigned flags = opt ? opt->flags : 0;
	int readonly = !!(flags & CHORUS_STORE_READONLY);
	int rc, ret = CHORUS_EDB, i;
	struct stat sb;

	*out = NULL;
	if (readonly && stat(path, &sb) < 0)
		return chorus_error(ctx, CHORUS_ENOTFOUND, "%s: no such database (run chorus "
				    "ingest first)", path);
	st = chorus_xcalloc(1, sizeof(*st));
	st->path = chorus_xstrdup(path);
	st->lock_fd = -1;
	/* A reader opens the file read-write when it may, with query_only set: after a
	 * writer was killed, the first connection must recover the WAL index, which a
	 * SQLITE_OPEN_READONLY connection cannot do. */
	rc = sqlite3_open_v2(path, &st->db, readonly ? SQLITE_OPEN_READWRITE
			     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK && readonly) {
		sqlite3_close(st->db);
		st->db = NULL;
		rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL);
	}
	if (rc != SQLITE_OK) {
		ret = db_error(ctx, st, rc, "cannot open");
		goto out;
	}
	if (readonly && (ret = exec(ctx, st, "PRAGMA query_only=1", "opening for reading")) < 0)
		goto out;
	sqlite3_extended_result_codes(st->db, 0);
	sqlite3_busy_timeout(st->db, opt && opt->busy_ms ? (int)opt->busy_ms : 5000);
	/* Reading the header tells a database from any other file. */
	if ((ret = exec(ctx, st, "SELECT count(*) FROM sqlite_master", "not a chorus database"))
	    < 0)
		goto out;
	if (!readonly) {
		if ((ret = exec(ctx, st, "PRAGMA journal_mode=WAL", "setting WAL mode")) < 0 ||
		    (ret = exec(ctx, st, "PRAGMA synchronous=NORMAL", "setting sync mode")) < 0)
			goto out;
		if ((flags & CHORUS_STORE_WRITER) && (ret = take_writer_lock(ctx, st)) < 0)
			goto out;
	}
	if (opt && opt->max_pages > 0) {
		char sql[64];

		snprintf(sql, sizeof(sql), "PRAGMA max_page_count=%lld", (long long)opt->max_pages);
		if ((ret = exec(ctx, st, sql, "setting the size limit")) < 0)
			goto out;
	}
	if ((ret = migrate(ctx, st, readonly)) < 0)
		goto out;
	for (i = 0; i < S_COUNT; i++) {
		rc = sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
					&st->stmt[i], NULL);
		if (rc != SQLITE_OK) {
			ret = db_error(ctx, st, rc, "preparing a statement");
			goto out;
		}
	}
	*out = st;
	return 0;
out:
	chorus_store_close(st);
	return ret;
}

void chorus_store_close(struct chorus_store *st)
{
	int i;

	if (!st)
		return;
	if (st->in_batch)
		chorus_store_rollback(st);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	if (st->lock_fd >= 0)
		close(st->lock_fd); /* after sqlite3_close: closing drops this process's locks */
	free(st->path);
	free(st);
}

int chorus_store_begin(struct chorus_ctx *ctx, struct chorus_store *st)
{
	int ret;

	if (st->in_batch)
		return chorus_error(ctx, CHORUS_EINVAL, "%s: a batch is already open", st->path);
	if ((ret = exec(ctx, st, "BEGIN IMMEDIATE", "starting a batch")) < 0)
		return ret;
	st->in_batch = 1;
	return 0;
}

int chorus_store_commit(struct chorus_ctx *ctx, struct chorus_store *st)
{
	int rc;

	if (!st->in_batch)
		return chorus_error(ctx, CHORUS_EINVAL, "%s: no batch is open", st->path);
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int ret = db_error(ctx, st, rc, "committing a batch");

		chorus_store_rollback(st);
		return ret;
	}
	st->in_batch = 0;
	return 0;
}

void chorus_store_rollback(struct chorus_store *st)
{
	if (!st->in_batch)
		return;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_batch = 0;
}

static sqlite3_stmt *stmt(struct chorus_store *st, enum stmt_id id)
{
	sqlite3_reset(st->stmt[id]);
	sqlite3_clear_bindings(st->stmt[id]);
	return st->stmt[id];
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void bind_time(sqlite3_stmt *s, int i, chorus_time t)
{
	if (t == CHORUS_TIME_UNKNOWN)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, t);
}

int chorus_store_has_article(struct chorus_ctx *ctx, struct chorus_store *st, const char *id,
			     int64_t *seq)
{
	sqlite3_stmt *s = stmt(st, S_HAS);
	int rc;

	bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (seq)
			*seq = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(ctx, st, rc, "looking up an article");
}

int chorus_store_add_article(struct chorus_ctx *ctx, struct chorus_store *st,
			     const struct chorus_stored *a, int64_t *seq)
{
	sqlite3_stmt *s = stmt(st, S_ADD);
	int rc;

	if (!st->in_batch)
		return chorus_error(ctx, CHORUS_EINVAL, "%s: writes need a batch", st->path);
	bind_text(s, 1, a->a.id);
	bind_text(s, 2, a->a.source);
	bind_text(s, 3, a->a.url);
	bind_text(s, 4, a->a.title);
	bind_text(s, 5, a->a.author);
	bind_time(s, 6, a->a.published);
	bind_text(s, 7, a->a.lang);
	sqlite3_bind_text(s, 8, a->a.text ? a->a.text : "", a->a.text ? (int)a->a.text_len : 0,
			  SQLITE_STATIC);
	bind_text(s, 9, a->a.origin);
	sqlite3_bind_int64(s, 10, (sqlite3_int64)a->hash);
	if (a->minhash)
		sqlite3_bind_blob(s, 11, a->minhash, (int)a->minhash_len, SQLITE_STATIC);
	bind_text(s, 12, a->features);
	sqlite3_bind_int64(s, 13, a->story);
	sqlite3_bind_int64(s, 14, a->dup_of);
	sqlite3_bind_double(s, 15, a->dup_sim);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_CONSTRAINT)
		return chorus_error(ctx, CHORUS_EINVAL, "%s: article '%s' is stored already",
				    st->path, a->a.id);
	if (rc != SQLITE_DONE)
		return db_error(ctx, st, rc, "adding an article");
	if (seq)
		*seq = sqlite3_last_insert_rowid(st->db);
	return 0;
}

void chorus_story_info_release(struct chorus_story_info *s)
{
	free(s->headline);
	free(s->terms);
	s->headline = s->terms = NULL;
}

int chorus_store_put_story(struct chorus_ctx *ctx, struct chorus_store *st,
			   const struct chorus_story_info *si)
{
	sqlite3_stmt *s = stmt(st, S_PUT_STORY);
	int rc;

	sqlite3_bind_int64(s, 1, si->id);
	sqlite3_bind_int64(s, 2, si->size);
	sqlite3_bind_int64(s, 3, si->outlets);
	sqlite3_bind_int64(s, 4, si->originals);
	bind_time(s, 5, si->first);
	bind_time(s, 6, si->last);
	bind_text(s, 7, si->headline);
	bind_text(s, 8, si->terms);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(ctx, st, rc, "writing a story");
}

int chorus_store_refresh_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t id,
			       const char *terms)
{
	sqlite3_stmt *s = stmt(st, S_REFRESH);
	int rc;

	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, terms);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(ctx, st, rc, "updating a story");
}

int chorus_store_update_story(struct chorus_ctx *ctx, struct chorus_store *st,
			      const struct chorus_story_info *si)
{
	sqlite3_stmt *s = stmt(st, S_UPDATE_STORY);
	int rc;

	sqlite3_bind_int64(s, 1, si->id);
	sqlite3_bind_int64(s, 2, si->size);
	sqlite3_bind_int64(s, 3, si->outlets);
	sqlite3_bind_int64(s, 4, si->originals);
	bind_time(s, 5, si->first);
	bind_time(s, 6, si->last);
	bind_text(s, 7, si->terms);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(ctx, st, rc, "updating a story");
	if (!sqlite3_changes(st->db))
		return chorus_error(ctx, CHORUS_ENOTFOUND, "%s: no story %lld", st->path,
				    (long long)si->id);
	return 0;
}

int chorus_store_set_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t seq,
			   int64_t story)
{
	sqlite3_stmt *s = stmt(st, S_SET_STORY);
	int rc;

	sqlite3_bind_int64(s, 1, seq);
	sqlite3_bind_int64(s, 2, story);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(ctx, st, rc, "moving an article to another story");
	if (!sqlite3_changes(st->db))
		return chorus_error(ctx, CHORUS_ENOTFOUND, "%s: no article of seq %lld", st->path,
				    (long long)seq);
	return 0;
}

int chorus_store_last_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t *id)
{
	sqlite3_stmt *s = stmt(st, S_LAST_STORY);
	int rc = sqlite3_step(s);

	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : db_error(ctx, st, rc, "reading the last story id");
}

static char *col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? chorus_xstrndup((const char *)v, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

static chorus_time col_time(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? CHORUS_TIME_UNKNOWN
		: sqlite3_column_int64(s, i);
}

int chorus_store_each_article(struct chorus_ctx *ctx, struct chorus_store *st, int64_t story_id,
			      int with_text, chorus_stored_fn fn, void *arg)
{
	enum stmt_id id = story_id > 0 ? (with_text ? S_EACH_STORY_TEXT : S_EACH_STORY)
		: (with_text ? S_EACH_ALL_TEXT : S_EACH_ALL);
	sqlite3_stmt *s = stmt(st, id);
	int rc, ret = 0;

	if (story_id > 0)
		sqlite3_bind_int64(s, 1, story_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct chorus_stored r;

		memset(&r, 0, sizeof(r));
		chorus_article_init(&r.a);
		r.seq = sqlite3_column_int64(s, 0);
		r.a.id = col_str(s, 1);
		r.a.source = col_str(s, 2);
		r.a.url = col_str(s, 3);
		r.a.title = col_str(s, 4);
		r.a.author = col_str(s, 5);
		r.a.published = col_time(s, 6);
		r.a.lang = col_str(s, 7);
		r.a.text = col_str(s, 8);
		r.a.text_len = r.a.text ? (size_t)sqlite3_column_bytes(s, 8) : 0;
		r.a.origin = col_str(s, 9);
		r.hash = (uint64_t)sqlite3_column_int64(s, 10);
		r.minhash = sqlite3_column_blob(s, 11);
		r.minhash_len = (size_t)sqlite3_column_bytes(s, 11);
		r.features = (const char *)sqlite3_column_text(s, 12);
		r.story = sqlite3_column_int64(s, 13);
		r.dup_of = sqlite3_column_int64(s, 14);
		r.dup_sim = sqlite3_column_double(s, 15);
		ret = fn(arg, &r);
		chorus_article_release(&r.a);
		if (ret)
			break;
	}
	sqlite3_reset(s);
	if (!ret && rc != SQLITE_DONE)
		return db_error(ctx, st, rc, "reading articles");
	return ret;
}

static void read_story(sqlite3_stmt *s, struct chorus_story_info *si)
{
	si->id = sqlite3_column_int64(s, 0);
	si->size = sqlite3_column_int64(s, 1);
	si->outlets = sqlite3_column_int64(s, 2);
	si->originals = sqlite3_column_int64(s, 3);
	si->first = col_time(s, 4);
	si->last = col_time(s, 5);
	si->headline = col_str(s, 6);
	si->terms = col_str(s, 7);
}

int chorus_store_each_story(struct chorus_ctx *ctx, struct chorus_store *st, chorus_time since,
			    chorus_story_fn fn, void *arg)
{
	sqlite3_stmt *s = stmt(st, S_STORIES);
	int rc, ret = 0;

	bind_time(s, 1, since);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct chorus_story_info si;

		read_story(s, &si);
		ret = fn(arg, &si);
		chorus_story_info_release(&si);
		if (ret)
			break;
	}
	sqlite3_reset(s);
	if (!ret && rc != SQLITE_DONE)
		return db_error(ctx, st, rc, "reading stories");
	return ret;
}

int chorus_store_get_story(struct chorus_ctx *ctx, struct chorus_store *st, int64_t id,
			   struct chorus_story_info *out)
{
	sqlite3_stmt *s = stmt(st, S_GET_STORY);
	int rc;

	memset(out, 0, sizeof(*out));
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_story(s, out);
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return chorus_error(ctx, CHORUS_ENOTFOUND, "%s: no story %lld", st->path,
				    (long long)id);
	return db_error(ctx, st, rc, "reading a story");
}

static int count(struct chorus_ctx *ctx, struct chorus_store *st, enum stmt_id id, int64_t *n)
{
	sqlite3_stmt *s = stmt(st, id);
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : db_error(ctx, st, rc, "counting");
}

int chorus_store_counts(struct chorus_ctx *ctx, struct chorus_store *st, int64_t *articles,
			int64_t *stories)
{
	int ret = 0;

	if (articles && (ret = count(ctx, st, S_COUNT_ART, articles)) < 0)
		return ret;
	if (stories)
		ret = count(ctx, st, S_COUNT_STORY, stories);
	return ret;
}
