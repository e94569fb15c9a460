/*
 * text/repair.c: turns the bytes a reader got into valid UTF-8 text (the first step of
 * the text stage, run by every reader before it fills an article record).
 *
 * Rules, in order:
 * - Binary input is refused: when C0 control bytes other than tab, line feed,
 *   vertical tab, form feed and carriage return (NUL included) are at least 4 and
 *   more than 1/16 of the bytes, the input is not text (random bytes have about 12%,
 *   UTF-16 about 50%; text has none or a stray few).
 * - A UTF-8 byte order mark at the start is dropped; NUL bytes are dropped.
 * - The bytes are decoded as UTF-8; each maximal subpart of an ill-formed sequence
 *   (Unicode ch. 3.9, "U+FFFD substitution of maximal subparts") becomes U+FFFD.
 * - But when the ill-formed sequences outnumber the well-formed multi-byte ones, the
 *   input was not UTF-8 at all: it is read as Windows-1252 (Latin-1 with the C1 range
 *   holding curly quotes, dashes and the euro sign), and each of its five undefined
 *   bytes becomes U+FFFD.
 * The count of repairs is the number of U+FFFD written for ill-formed sequences, plus
 * the bytes transcoded from Windows-1252, plus the NUL bytes dropped.
 */
#include "chorus/text.h"
#include "text/text_int.h"
#include "text/utf8.h"
#include "util/alloc.h"

/* Windows-1252 bytes 0x80..0x9F; 0 marks the undefined ones. */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int is_binary_byte(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
}

int chorus__text_is_binary(const char *s, size_t n, size_t *count, size_t *first)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, nbin = 0, first_bin = 0;

	/* eight bytes at a time: a word without any byte below 0x20 is skipped (for
	 * each byte, (b & 0x7F) + 0x60 | b has its high bit set iff b >= 0x20, with no
	 * carry into the next byte); the first offset only when there is one to report */
	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w, hi;
		size_t k;

		memcpy(&w, p + i, 8);
		hi = (((w & 0x7F7F7F7F7F7F7F7Full) + 0x6060606060606060ull) | w) & 0x8080808080808080ull;
		if (hi == 0x8080808080808080ull)
			continue;
		for (k = 0; k < 8; k++)
			nbin += (size_t)is_binary_byte(p[i + k]);
	}
	for (; i < n; i++)
		nbin += (size_t)is_binary_byte(p[i]);
	if (nbin) {
		for (i = 0; i < n && !is_binary_byte(p[i]); i++)
			;
		first_bin = i;
	}
	if (count)
		*count = nbin;
	if (first)
		*first = first_bin;
	return nbin >= 4 && nbin > n / 16;
}

int chorus__utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		len = chorus__utf8_decode(p + i, n - i, &cp);
		if (len < 0)
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/* Counts ill-formed sequences and well-formed multi-byte ones in p[0 .. n). */
static void survey(const unsigned char *p, size_t n, size_t *bad, size_t *good_mb)
{
	size_t i = 0;

	*bad = 0;
	*good_mb = 0;
	while (i < n) {
		uint32_t cp;
		int len;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		len = chorus__utf8_decode(p + i, n - i, &cp);
		if (len < 0) {
			(*bad)++;
			i += (size_t)-len;
		} else {
			(*good_mb)++;
			i += (size_t)len;
		}
	}
}

static size_t decode_utf8(const unsigned char *p, size_t n, char *out, size_t *repairs)
{
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		int len;

		if (p[i] < 0x80) {
			if (p[i])
				out[o++] = (char)p[i];
			else
				(*repairs)++;
			i++;
			continue;
		}
		len = chorus__utf8_decode(p + i, n - i, &cp);
		if (len < 0) {
			(*repairs)++;
			len = -len;
		}
		o += chorus__utf8_encode(cp, out + o);
		i += (size_t)len;
	}
	return o;
}

static size_t decode_cp1252(const unsigned char *p, size_t n, char *out, size_t *repairs)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		uint32_t cp = p[i];

		if (cp == 0) {
			(*repairs)++;
			continue;
		}
		if (cp >= 0x80) {
			(*repairs)++;
			if (cp < 0xA0)
				cp = cp1252_c1[cp - 0x80] ? cp1252_c1[cp - 0x80] : 0xFFFD;
		}
		o += chorus__utf8_encode(cp, out + o);
	}
	return o;
}

int chorus_text_repair(struct chorus_ctx *ctx, const char *s, size_t n, char **out,
		       size_t *out_len, size_t *repaired)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t nbin = 0, first_bin = 0, bad, good_mb, repairs = 0, len;
	char *buf;

	*out = NULL;
	*out_len = 0;
	if (repaired)
		*repaired = 0;
	if (!s)
		n = 0;
	if (chorus__text_is_binary(s, n, &nbin, &first_bin))
		return chorus_error(ctx, CHORUS_EENCODING,
				    "binary data, not text: %zu control bytes in %zu, the first at byte offset %zu",
				    nbin, n, first_bin);
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		p += 3;
		n -= 3;
	}
	survey(p, n, &bad, &good_mb);
	/* every input byte gives at most 3 output bytes (U+FFFD, or U+20AC from 0x80) */
	buf = chorus_xmalloc(chorus_xmul(n, 3) + 1);
	if (bad > good_mb)
		len = decode_cp1252(p, n, buf, &repairs);
	else
		len = decode_utf8(p, n, buf, &repairs);
	buf[len] = '\0';
	buf = chorus_xrealloc(buf, len + 1);
	*out = buf;
	*out_len = len;
	if (repaired)
		*repaired = repairs;
	return 0;
}
