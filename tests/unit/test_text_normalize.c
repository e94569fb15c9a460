/*
 * tests/unit/test_text_normalize.c: the canonical form (text/normalize.c): quotes,
 * dashes, spaces, line breaks, NFKC, ill-formed bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "text/text_int.h"

static char result[4096];

static const char *norm_n(const char *s, size_t n)
{
	struct chorus__buf b = { 0 };

	chorus__text_normalize(s, n, &b);
	assert_true(b.len < sizeof(result));
	memcpy(result, b.ptr, b.len + 1);
	assert_int_equal(strlen(result), b.len);
	chorus__buf_release(&b);
	return result;
}

static const char *norm(const char *s)
{
	return norm_n(s, strlen(s));
}

static void quotes(void **state)
{
	(void)state;
	/* “ ” ‘ ’ „ “ ‚ ‘ « » ‹ › */
	assert_string_equal(norm("\xE2\x80\x9CHi,\xE2\x80\x9D she said. \xE2\x80\x98Yes\xE2\x80\x99 "
				 "\xE2\x80\x9EJa\xE2\x80\x9C \xE2\x80\x9Aja\xE2\x80\x98 \xC2\xABOui\xC2\xBB "
				 "\xE2\x80\xB9non\xE2\x80\xBA"),
			    "\"Hi,\" she said. 'Yes' \"Ja\" 'ja' \"Oui\" 'non'");
	/* the apostrophe */
	assert_string_equal(norm("Ukraine\xE2\x80\x99s People\xE2\x80\x99s Republic"),
			    "Ukraine's People's Republic");
	/* TeX quotes */
	assert_string_equal(norm("``Hello,'' he said. `yes'"), "\"Hello,\" he said. 'yes'");
	/* primes: 5′ 7″ */
	assert_string_equal(norm("5\xE2\x80\xB2 7\xE2\x80\xB3 tall"), "5' 7\" tall");
}

static void dashes(void **state)
{
	(void)state;
	/* the seed: "regions – collectively known as the Donbas – broke" */
	assert_string_equal(norm("Luhansk regions \xE2\x80\x93 collectively known as the Donbas \xE2\x80\x93 broke away"),
			    "Luhansk regions - collectively known as the Donbas - broke away");
	/* em dash without spaces, figure dash, horizontal bar, typewriter dash */
	assert_string_equal(norm("war\xE2\x80\x94" "again"), "war - again");
	assert_string_equal(norm("a \xE2\x80\x92 b \xE2\x80\x95 c"), "a - b - c");
	assert_string_equal(norm("well--known and so---on"), "well - known and so - on");
	/* an en dash inside a range or compound stays a hyphen */
	assert_string_equal(norm("1990\xE2\x80\x93" "2000 Moscow\xE2\x80\x93Kyiv"), "1990-2000 Moscow-Kyiv");
	/* hyphens inside words stay; a hyphen at a word's end too */
	assert_string_equal(norm("Russia-backed, Ukraine- Donetsk"), "Russia-backed, Ukraine- Donetsk");
	/* U+2010 hyphen and U+2212 minus */
	assert_string_equal(norm("e\xE2\x80\x90mail \xE2\x88\x92" "5"), "e-mail -5");
}

static void spaces_and_lines(void **state)
{
	(void)state;
	/* NBSP, thin space, narrow NBSP, ideographic space */
	assert_string_equal(norm("Vladimir\xC2\xA0Putin 10\xE2\x80\x89" "000 a\xE2\x80\xAF" "b c\xE3\x80\x80" "d"),
			    "Vladimir Putin 10 000 a b c d");
	/* zero-width space, soft hyphen, word joiner and BOM are removed */
	assert_string_equal(norm("ab\xE2\x80\x8B" "c inter\xC2\xAD" "national x\xE2\x81\xA0y \xEF\xBB\xBFz"),
			    "abc international xy z");
	/* runs of spaces and tabs, trimmed lines, CRLF and CR, blank lines to one */
	assert_string_equal(norm("  line  one \t\r\nline two\r\r\n\r\n\n  para   two \n\n"),
			    "line one\nline two\n\npara two");
	/* U+2028 line separator, U+2029 paragraph separator, form feed, NEL */
	assert_string_equal(norm("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\fd\xC2\x85" "e"), "a\nb\n\nc\n\nd\ne");
	/* control bytes and NUL become spaces */
	assert_string_equal(norm_n("a\x01" "b\0c", 5), "a b c");
	assert_string_equal(norm(""), "");
	assert_string_equal(norm(" \n\t\n "), "");
}

static void nfkc_and_bad_bytes(void **state)
{
	(void)state;
	/* ligature, fullwidth digits, ellipsis, decomposed é composed, ½ */
	assert_string_equal(norm("\xEF\xAC\x81nance \xEF\xBC\x91\xEF\xBC\x92 wait\xE2\x80\xA6 cafe\xCC\x81 \xC2\xBD"),
			    "finance 12 wait... caf\xC3\xA9 1\xE2\x81\x84" "2");
	/* precomposed letters and other scripts are kept */
	assert_string_equal(norm("Zelensky Z\xC3\xA9lensky \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"),
			    "Zelensky Z\xC3\xA9lensky \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2");
	/* ill-formed bytes become U+FFFD */
	assert_string_equal(norm("a\xFF" "b \xE2\x82"), "a\xEF\xBF\xBD" "b \xEF\xBF\xBD");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quotes),
		cmocka_unit_test(dashes),
		cmocka_unit_test(spaces_and_lines),
		cmocka_unit_test(nfkc_and_bad_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
