/*
 * tests/unit/test_core.c: the arena, the string buffer, the lexicon, the context.
 */
#include <stdio.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"

static void arena_aligns_and_copies(void **state)
{
	struct chorus__arena *a = chorus__arena_new(256);
	char *s;
	void *big;
	int i;

	(void)state;
	for (i = 0; i < 100; i++) {
		void *p = chorus__arena_alloc(a, (size_t)i + 1);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
	s = chorus__arena_strndup(a, "hello world", 5);
	assert_string_equal(s, "hello");
	big = chorus__arena_calloc(a, 1000, 4); /* larger than a block: a block of its own */
	assert_int_equal(((unsigned char *)big)[3999], 0);
	assert_string_equal(s, "hello");
	chorus__arena_reset(a);
	assert_int_equal(chorus__arena_used(a), 0);
	s = chorus__arena_strdup(a, "again");
	assert_string_equal(s, "again");
	chorus__arena_free(a);
	chorus__arena_free(NULL);
}

static void buf_formats_and_detaches(void **state)
{
	struct chorus__buf b = { 0 };
	char *s;
	size_t len;
	int i;

	(void)state;
	assert_string_equal(chorus__buf_str(&b), "");
	chorus__buf_adds(&b, "ab");
	chorus__buf_addch(&b, 'c');
	chorus__buf_addf(&b, "-%d-%s", 42, "x");
	assert_string_equal(chorus__buf_str(&b), "abc-42-x");
	for (i = 0; i < 1000; i++)
		chorus__buf_addf(&b, "%04d", i);
	assert_int_equal(b.len, 8 + 4000);
	assert_memory_equal(b.ptr + b.len - 4, "0999", 4);
	chorus__buf_setlen(&b, 3);
	s = chorus__buf_detach(&b, &len);
	assert_string_equal(s, "abc");
	assert_int_equal(len, 3);
	assert_null(b.ptr);
	free(s);
}

static void lexicon_interns_dense_ids(void **state)
{
	struct chorus_lexicon *lex = chorus_lexicon_new();
	char word[32];
	uint32_t i, id;
	size_t len;

	(void)state;
	assert_int_equal(chorus_lexicon_intern(lex, "putin", 5), 1);
	assert_int_equal(chorus_lexicon_intern(lex, "kyiv", 4), 2);
	assert_int_equal(chorus_lexicon_intern(lex, "putin", 5), 1);
	assert_int_equal(chorus_lexicon_find(lex, "kyiv", 4), 2);
	assert_int_equal(chorus_lexicon_find(lex, "kiev", 4), 0);
	/* bytes, not C strings: an embedded NUL is part of the term */
	assert_int_equal(chorus_lexicon_intern(lex, "a\0b", 3), 3);
	assert_int_equal(chorus_lexicon_find(lex, "a", 1), 0);
	for (i = 0; i < 5000; i++) { /* forces several rehashes */
		int n = snprintf(word, sizeof(word), "w%u", i);
		assert_int_equal(chorus_lexicon_intern(lex, word, (size_t)n), i + 4);
	}
	assert_int_equal(chorus_lexicon_size(lex), 5003);
	id = chorus_lexicon_find(lex, "w4321", 5);
	assert_int_equal(id, 4321 + 4);
	assert_string_equal(chorus_lexicon_str(lex, id, &len), "w4321");
	assert_int_equal(len, 5);
	assert_string_equal(chorus_lexicon_str(lex, 1, NULL), "putin");
	assert_null(chorus_lexicon_str(lex, 0, NULL));
	assert_null(chorus_lexicon_str(lex, 999999, NULL));
	chorus_lexicon_free(lex);
}

static void ctx_keeps_error_text(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();

	(void)state;
	assert_string_equal(chorus_errmsg(ctx), "");
	assert_int_equal(chorus_error(ctx, CHORUS_EPARSE, "%s:%d: bad JSON", "a.jsonl", 3), CHORUS_EPARSE);
	assert_string_equal(chorus_errmsg(ctx), "a.jsonl:3: bad JSON");
	chorus_error_clear(ctx);
	assert_string_equal(chorus_errmsg(ctx), "");
	assert_string_equal(chorus_strerror(CHORUS_ETOOBIG), "input exceeds a limit");
	assert_int_equal(chorus_lexicon_intern(chorus_ctx_lexicon(ctx), "x", 1), 1);
	chorus_ctx_free(ctx);
	chorus_ctx_free(NULL);
}

static void article_copy_is_deep(void **state)
{
	struct chorus_article a, b;

	(void)state;
	chorus_article_init(&a);
	assert_true(a.published == CHORUS_TIME_UNKNOWN);
	a.id = chorus_xstrdup("x1");
	a.text = chorus_xstrndup("body\0tail", 9);
	a.text_len = 9;
	a.published = 1645401600;
	chorus_article_copy(&b, &a);
	chorus_article_release(&a);
	assert_null(a.id);
	assert_string_equal(b.id, "x1");
	assert_int_equal(b.text_len, 9);
	assert_memory_equal(b.text, "body\0tail", 9);
	assert_true(b.published == 1645401600);
	assert_null(b.url);
	chorus_article_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_aligns_and_copies),
		cmocka_unit_test(buf_formats_and_detaches),
		cmocka_unit_test(lexicon_interns_dense_ids),
		cmocka_unit_test(ctx_keeps_error_text),
		cmocka_unit_test(article_copy_is_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
