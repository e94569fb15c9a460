/*
 * text/utf8.h: UTF-8 decoding and encoding shared by the modules of the text stage.
 * Decoding follows the Unicode Standard, ch. 3, Table 3-7 (well-formed byte
 * sequences): overlongs, surrogates and code points above U+10FFFF are invalid, and
 * an ill-formed sequence is reported by the length of its maximal subpart, so that
 * each maximal subpart becomes one U+FFFD (the "best practice" of section 3.9).
 */
#ifndef CHORUS_TEXT_UTF8_H
#define CHORUS_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the sequence at s[0 .. n), n >= 1. Returns its length in bytes (1 to 4)
 * and the code point in *cp when it is well-formed; otherwise returns the negated
 * length of the maximal subpart (-1 to -3) and sets *cp to U+FFFD.
 */
static inline int chorus__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	uint32_t v;
	int len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = 0xFFFD;
		return -1;
	}
	for (i = 1; i < len; i++) {
		unsigned char d;

		if ((size_t)i >= n)
			goto bad;
		d = s[i];
		if (d < lo || d > hi)
			goto bad;
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (d & 0x3Fu);
	}
	*cp = v;
	return len;
bad:
	*cp = 0xFFFD;
	return -i;
}

/* Writes code point cp (at most U+10FFFF, not a surrogate) at out; returns the bytes
 * written (1 to 4). out must have room for 4 bytes. */
static inline size_t chorus__utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Whether the n bytes at s are well-formed UTF-8. */
int chorus__utf8_valid(const char *s, size_t n);

#endif
