/*
 * tests/unit/test_text_repair.c: chorus_text_repair(): BOM, NULs, ill-formed UTF-8 to
 * U+FFFD by maximal subparts, the Windows-1252 fallback, binary input refused.
 */
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"

#include "chorus/chorus.h"

#define FFFD "\xEF\xBF\xBD"
#define E8 "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"

static int repair(struct chorus_ctx *ctx, const char *in, size_t n, char **out, size_t *len,
		  size_t *repaired)
{
	return chorus_text_repair(ctx, in, n, out, len, repaired);
}

#define REPAIR_OK(in, expect, expect_repairs)                                         \
	do {                                                                          \
		char *out_;                                                           \
		size_t len_, rep_;                                                    \
		assert_int_equal(repair(ctx, in, sizeof(in) - 1, &out_, &len_, &rep_), 0); \
		assert_string_equal(out_, expect);                                    \
		assert_int_equal(len_, sizeof(expect) - 1);                           \
		assert_int_equal(rep_, expect_repairs);                               \
		free(out_);                                                           \
	} while (0)

static void ascii_and_empty_unchanged(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	char *out;
	size_t len, rep;

	(void)state;
	REPAIR_OK("Hello, world.\r\nSecond line\tand a tab.", "Hello, world.\r\nSecond line\tand a tab.", 0);
	REPAIR_OK("", "", 0);
	assert_int_equal(chorus_text_repair(ctx, NULL, 0, &out, &len, NULL), 0);
	assert_string_equal(out, "");
	free(out);
	/* valid UTF-8 is copied as is: é, the euro sign, an emoji */
	REPAIR_OK("caf\xC3\xA9 \xE2\x82\xAC" "5 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC" "5 \xF0\x9F\x98\x80", 0);
	(void)rep;
	chorus_ctx_free(ctx);
}

static void bom_and_nuls_dropped(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();

	(void)state;
	REPAIR_OK("\xEF\xBB\xBFKyiv", "Kyiv", 0);
	REPAIR_OK("a\0b", "ab", 1);
	/* a few NULs in text are dropped, the text is not refused */
	REPAIR_OK("The troops\0 moved\0 east on Monday, officials said.\0", "The troops moved east on Monday, officials said.", 3);
	/* a BOM elsewhere is not a BOM at the start: kept (normalization removes it later) */
	REPAIR_OK("a\xEF\xBB\xBF" "b", "a\xEF\xBB\xBF" "b", 0);
	chorus_ctx_free(ctx);
}

static void ill_formed_to_replacement(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();

	(void)state;
	/* one stray byte among valid text: one U+FFFD */
	REPAIR_OK("caf\xC3\xA9 \xFF ok", "caf\xC3\xA9 " FFFD " ok", 1);
	/* maximal subparts (sixteen valid é keep the input UTF-8): a truncated 3-byte
	 * sequence is one U+FFFD, a truncated 4-byte one too; a surrogate ED A0 80 is
	 * three; an overlong C0 AF is two; F4 90 80 80 (above U+10FFFF) is four */
	REPAIR_OK(E8 E8 "|\xE2\x82|\xF0\x9F\x98|\xED\xA0\x80|\xC0\xAF|\xF4\x90\x80\x80|\xE2\x82",
		  E8 E8 "|" FFFD "|" FFFD "|" FFFD FFFD FFFD "|" FFFD FFFD "|" FFFD FFFD FFFD FFFD "|" FFFD,
		  12);
	chorus_ctx_free(ctx);
}

static void windows_1252_fallback(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();

	(void)state;
	/* Latin-1 bytes, no valid UTF-8 at all */
	REPAIR_OK("caf\xE9 na\xEFve", "caf\xC3\xA9 na\xC3\xAFve", 2);
	/* the C1 range of Windows-1252: curly quotes, en dash, euro; 0x81 is undefined */
	REPAIR_OK("\x93Hi\x94 \x96 \x80" "5 \x81",
		  "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5 " FFFD, 5);
	/* ill-formed outnumber well-formed: transcoded as a whole (C3 A9 too) */
	REPAIR_OK("\xC3\xA9 \xE9\xE8", "\xC3\x83\xC2\xA9 \xC3\xA9\xC3\xA8", 4);
	chorus_ctx_free(ctx);
}

static void binary_refused(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
	static const char utf16[] = "K\0y\0i\0v\0 \0i\0s\0";
	char *out = (char *)1;
	size_t len = 7;

	(void)state;
	assert_int_equal(chorus_text_repair(ctx, png, sizeof(png) - 1, &out, &len, NULL), CHORUS_EENCODING);
	assert_null(out);
	assert_int_equal(len, 0);
	assert_string_equal(chorus_errmsg(ctx),
			    "binary data, not text: 4 control bytes in 16, the first at byte offset 6");
	assert_int_equal(chorus_text_repair(ctx, utf16, sizeof(utf16) - 1, &out, &len, NULL), CHORUS_EENCODING);
	assert_string_equal(chorus_errmsg(ctx),
			    "binary data, not text: 7 control bytes in 14, the first at byte offset 1");
	chorus_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_and_empty_unchanged),
		cmocka_unit_test(bom_and_nuls_dropped),
		cmocka_unit_test(ill_formed_to_replacement),
		cmocka_unit_test(windows_1252_fallback),
		cmocka_unit_test(binary_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
