/*
 * tests/unit/test_store.c: the SQLite store: batches are atomic, ids are unique,
 * articles move between stories and emptied stories are not listed, a second writer is refused, a full database rolls the batch back, the schema version
 * is checked, and a file that is not a database is refused.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/testutil.h"

#include "chorus/chorus.h"

static char dir[64];
static char path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/chorus-test-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/t.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[160];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void fill(struct chorus_stored *s, const char *id, const char *text, int64_t story)
{
	memset(s, 0, sizeof(*s));
	chorus_article_init(&s->a);
	s->a.id = (char *)id;
	s->a.text = (char *)text;
	s->a.text_len = strlen(text);
	s->a.source = (char *)"Outlet";
	s->hash = 42;
	s->features = "T a:1\nB a:1\nE";
	s->story = story;
}

static int count_one(void *arg, const struct chorus_stored *s)
{
	size_t *n = arg;

	(void)s;
	(*n)++;
	return 0;
}

static void batches_are_atomic_and_ids_unique(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_store *st, *other;
	struct chorus_stored s;
	struct chorus_story_info si;
	int64_t seq = 0, na, ns;
	size_t n = 0;

	(void)state;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	fill(&s, "a1", "first text", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), 0);
	assert_int_equal(seq, 1);
	fill(&s, "a2", "second text", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), 0);
	assert_int_equal(seq, 2);
	memset(&si, 0, sizeof(si));
	si.id = 1;
	si.first = si.last = CHORUS_TIME_UNKNOWN;
	si.headline = (char *)"First";
	assert_int_equal(chorus_store_put_story(ctx, st, &si), 0);
	assert_int_equal(chorus_store_refresh_story(ctx, st, 1, "text"), 0);
	assert_int_equal(chorus_store_commit(ctx, st), 0);

	/* the same id again fails; the batch is dropped as a whole */
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	fill(&s, "a3", "third", 2);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), 0);
	fill(&s, "a1", "again", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), CHORUS_EINVAL);
	chorus_store_rollback(st);
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 2);
	assert_int_equal(ns, 1);
	assert_int_equal(chorus_store_has_article(ctx, st, "a2", &seq), 1);
	assert_int_equal(seq, 2);
	assert_int_equal(chorus_store_has_article(ctx, st, "a3", NULL), 0);

	/* a second writer is refused while the first is open */
	assert_int_equal(chorus_store_open(ctx, path, &o, &other), CHORUS_EBUSY);
	assert_non_null(strstr(chorus_errmsg(ctx), "another process is writing"));
	chorus_store_close(st);

	/* read back */
	o.flags = CHORUS_STORE_READONLY;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), 0);
	assert_int_equal(si.size, 2);
	assert_int_equal(si.outlets, 1);
	assert_int_equal(si.originals, 2);
	assert_string_equal(si.headline, "First");
	assert_string_equal(si.terms, "text");
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_get_story(ctx, st, 7, &si), CHORUS_ENOTFOUND);
	chorus_store_close(st);

	/* the writer's own counts replace the stored ones; the headline stays */
	o.flags = CHORUS_STORE_WRITER;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	memset(&si, 0, sizeof(si));
	si.id = 1;
	si.size = 9;
	si.outlets = 4;
	si.originals = 7;
	si.first = 1000;
	si.last = CHORUS_TIME_UNKNOWN;
	si.terms = (char *)"x y";
	assert_int_equal(chorus_store_update_story(ctx, st, &si), 0);
	si.id = 2;
	assert_int_equal(chorus_store_update_story(ctx, st, &si), CHORUS_ENOTFOUND);
	assert_int_equal(chorus_store_commit(ctx, st), 0);
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), 0);
	assert_int_equal(si.size, 9);
	assert_int_equal(si.outlets, 4);
	assert_int_equal(si.originals, 7);
	assert_int_equal(si.first, 1000);
	assert_true(si.last == CHORUS_TIME_UNKNOWN);
	assert_string_equal(si.headline, "First");
	assert_string_equal(si.terms, "x y");
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_each_article(ctx, st, 1, 1, count_one, &n), 0);
	assert_int_equal(n, 2);
	chorus_store_close(st);
	chorus_ctx_free(ctx);
}

static int count_story(void *arg, const struct chorus_story_info *s)
{
	size_t *n = arg;

	(void)s;
	(*n)++;
	return 0;
}

static void articles_move_and_stories_empty(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_store *st;
	struct chorus_stored s;
	struct chorus_story_info si;
	int64_t seq, na, ns;
	size_t n = 0;

	(void)state;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	fill(&s, "a1", "first text", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), 0);
	fill(&s, "a2", "second text", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, &seq), 0);
	memset(&si, 0, sizeof(si));
	si.first = si.last = CHORUS_TIME_UNKNOWN;
	si.id = 1;
	assert_int_equal(chorus_store_put_story(ctx, st, &si), 0);
	si.id = 2;
	assert_int_equal(chorus_store_put_story(ctx, st, &si), 0);
	/* both articles move to story 2, story 1 is emptied; no article 3 to move */
	assert_int_equal(chorus_store_set_story(ctx, st, 2, 2), 0);
	assert_int_equal(chorus_store_set_story(ctx, st, 1, 2), 0);
	assert_int_equal(chorus_store_set_story(ctx, st, 3, 2), CHORUS_ENOTFOUND);
	assert_int_equal(chorus_store_refresh_story(ctx, st, 1, ""), 0);
	assert_int_equal(chorus_store_refresh_story(ctx, st, 2, "text"), 0);
	assert_int_equal(chorus_store_commit(ctx, st), 0);
	/* the empty story is neither counted nor found, but keeps its id */
	assert_int_equal(chorus_store_counts(ctx, st, &na, &ns), 0);
	assert_int_equal(na, 2);
	assert_int_equal(ns, 1);
	assert_int_equal(chorus_store_get_story(ctx, st, 1, &si), CHORUS_ENOTFOUND);
	assert_int_equal(chorus_store_get_story(ctx, st, 2, &si), 0);
	assert_int_equal(si.size, 2);
	chorus_story_info_release(&si);
	assert_int_equal(chorus_store_last_story(ctx, st, &seq), 0);
	assert_int_equal(seq, 2);
	assert_int_equal(chorus_store_each_article(ctx, st, 2, 0, count_one, &n), 0);
	assert_int_equal(n, 2);
	n = 0;
	assert_int_equal(chorus_store_each_story(ctx, st, CHORUS_TIME_UNKNOWN, count_story, &n), 0);
	assert_int_equal(n, 1);
	chorus_store_close(st);
	chorus_ctx_free(ctx);
}

static void full_database_rolls_back(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store_options o = { CHORUS_STORE_WRITER, 0, 0 };
	struct chorus_store *st;
	struct chorus_stored s;
	char *big = malloc(200000), id[32];
	int64_t na = -1;
	int i, ret = 0;

	(void)state;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	chorus_store_close(st);
	/* the file holds 8 pages now; allow 40 (160 KiB) */
	o.max_pages = 40;
	assert_int_equal(chorus_store_open(ctx, path, &o, &st), 0);
	memset(big, 'x', 199999);
	big[199999] = 0;
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	fill(&s, "small", "fits", 1);
	assert_int_equal(chorus_store_add_article(ctx, st, &s, NULL), 0);
	assert_int_equal(chorus_store_commit(ctx, st), 0);
	assert_int_equal(chorus_store_begin(ctx, st), 0);
	for (i = 0; i < 3 && ret == 0; i++) {
		snprintf(id, sizeof(id), "big%d", i);
		fill(&s, id, big, 1);
		ret = chorus_store_add_article(ctx, st, &s, NULL);
	}
	assert_int_equal(ret, CHORUS_ENOSPC);
	assert_non_null(strstr(chorus_errmsg(ctx), "no space left"));
	chorus_store_rollback(st);
	assert_int_equal(chorus_store_counts(ctx, st, &na, NULL), 0);
	assert_int_equal(na, 1);
	chorus_store_close(st);
	free(big);
	chorus_ctx_free(ctx);
}

static void schema_version_is_checked(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_store *st;
	sqlite3 *db;
	FILE *f;

	(void)state;
	/* a file from a newer build */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(chorus_store_open(ctx, path, NULL, &st), CHORUS_EUNSUPPORTED);
	assert_non_null(strstr(chorus_errmsg(ctx), "schema version 99 is newer"));
	unlink(path);

	/* an empty file of version 0 is migrated to the current version */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(chorus_store_open(ctx, path, NULL, &st), 0);
	chorus_store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *s;

		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), CHORUS_STORE_SCHEMA_VERSION);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	unlink(path);

	/* not a database */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("this is a text file, not a database, and long enough to have a header......"
	      "..........................................................................",
	      f);
	fclose(f);
	assert_int_equal(chorus_store_open(ctx, path, NULL, &st), CHORUS_EDB);
	unlink(path);

	/* read-only open of a missing file */
	{
		struct chorus_store_options o = { CHORUS_STORE_READONLY, 0, 0 };

		assert_int_equal(chorus_store_open(ctx, path, &o, &st), CHORUS_ENOTFOUND);
	}
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(batches_are_atomic_and_ids_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(articles_move_and_stories_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(full_database_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_version_is_checked, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
