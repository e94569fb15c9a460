/*
 * text/normalize.c: the first pass of chorus_doc_analyze(): from the article's body
 * to lines of canonical text (see the top of chorus/text.h for the canonical forms).
 *
 * One pass over the bytes. ASCII goes through a fast path; a run of non-ASCII code
 * points is mapped code point by code point when every one of them is known to be
 * NFKC-stable or is one this module folds itself (quotes, dashes, spaces), and through
 * utf8proc's NFKC otherwise. The result holds lines separated by '\n'; a blank line
 * (one, however many there were) is an empty line; each line is trimmed and holds no
 * run of spaces. Ill-formed UTF-8 becomes U+FFFD; NUL and other control bytes become
 * spaces.
 */
#include <utf8proc.h>

#include "text/text_int.h"
#include "text/utf8.h"
#include "util/alloc.h"

enum fold {
	FOLD_NONE,   /* not ours: NFKC decides */
	FOLD_KEEP,   /* NFKC-stable, copied as is */
	FOLD_DROP,   /* removed: zero-width space, soft hyphen, word joiner, BOM */
	FOLD_SPACE,  /* any kind of space */
	FOLD_NL,     /* a line break */
	FOLD_PARA,   /* a paragraph break */
	FOLD_DQUOTE, /* a double quotation mark or double prime */
	FOLD_SQUOTE, /* a single quotation mark, apostrophe or prime */
	FOLD_HYPHEN, /* a hyphen or minus: '-' */
	FOLD_ENDASH, /* '-' between two letters or digits, " - " otherwise */
	FOLD_DASH    /* " - " */
};

static enum fold fold_of(uint32_t cp)
{
	if (cp >= 0xC0 && cp <= 0x24F) {
		switch (cp) {
		case 0x132: case 0x133: case 0x13F: case 0x140: case 0x149: case 0x17F:
			return FOLD_NONE;
		default:
			if (cp >= 0x1C4 && cp <= 0x1CC)
				return FOLD_NONE;
			if (cp >= 0x1F1 && cp <= 0x1F3)
				return FOLD_NONE;
			return FOLD_KEEP;
		}
	}
	switch (cp) {
	case 0x85: case 0x2028:
		return FOLD_NL;
	case 0x2029:
		return FOLD_PARA;
	case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0x180E:
		return FOLD_SPACE;
	case 0xAD: case 0x200B: case 0x2060: case 0xFEFF:
		return FOLD_DROP;
	case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0x2033: case 0x2036: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
		return FOLD_DQUOTE;
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
	case 0x2032: case 0x2035: case 0x02BC: case 0xFF07:
		return FOLD_SQUOTE;
	case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D:
		return FOLD_HYPHEN;
	case 0x2012: case 0x2013:
		return FOLD_ENDASH;
	case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: case 0xFE58:
		return FOLD_DASH;
	default:
		break;
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return FOLD_SPACE;
	if (cp < 0xA0)
		return FOLD_SPACE; /* C1 controls */
	if ((cp >= 0x391 && cp <= 0x3C9) || (cp >= 0x410 && cp <= 0x44F) ||
	    (cp >= 0x5D0 && cp <= 0x5EA) || (cp >= 0x621 && cp <= 0x64A) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0xFFFD || cp == 0x20AC ||
	    cp == 0xA3 || cp == 0xA5 || cp == 0xA9 || cp == 0xAE || cp == 0xB0 || cp == 0x20B9)
		return FOLD_KEEP;
	return FOLD_NONE;
}

struct norm {
	struct chorus__buf *out;
	int space; /* a space is pending before the next visible character */
	int nl;    /* line breaks pending: 0, 1, or 2 for a blank line */
};

static int last_is_alnum(const struct norm *st)
{
	unsigned char c;

	if (st->space || st->nl || !st->out->len)
		return 0;
	c = (unsigned char)st->out->ptr[st->out->len - 1];
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Emits the pending separator before a visible character. */
static void flush(struct norm *st)
{
	if (st->nl) {
		if (st->out->len)
			chorus__buf_add(st->out, "\n\n", st->nl > 1 ? 2 : 1);
		st->nl = 0;
		st->space = 0;
	} else if (st->space) {
		if (st->out->len)
			chorus__buf_addch(st->out, ' ');
		st->space = 0;
	}
}

static void put_ascii(struct norm *st, char c)
{
	flush(st);
	chorus__buf_addch(st->out, c);
}

static void line_break(struct norm *st, int n)
{
	st->space = 0;
	st->nl += n;
}

static void put_dash(struct norm *st)
{
	st->space = 1;
	put_ascii(st, '-');
	st->space = 1;
}

/* Next byte as a coarse class for the en-dash rule: whether it begins a letter or digit. */
static int begins_alnum(const unsigned char *p, size_t i, size_t n)
{
	unsigned char c;

	if (i >= n)
		return 0;
	c = p[i];
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Emits code point cp (anything but ASCII) after folding; next is what follows it. */
static void put_cp(struct norm *st, uint32_t cp, enum fold f, int next_alnum)
{
	char enc[4];

	switch (f) {
	case FOLD_DROP:
		return;
	case FOLD_SPACE:
		st->space = 1;
		return;
	case FOLD_NL:
		line_break(st, 1);
		return;
	case FOLD_PARA:
		line_break(st, 2);
		return;
	case FOLD_DQUOTE:
		put_ascii(st, '"');
		return;
	case FOLD_SQUOTE:
		put_ascii(st, '\'');
		return;
	case FOLD_HYPHEN:
		put_ascii(st, '-');
		return;
	case FOLD_ENDASH:
		if (last_is_alnum(st) && next_alnum)
			put_ascii(st, '-');
		else
			put_dash(st);
		return;
	case FOLD_DASH:
		put_dash(st);
		return;
	default:
		break;
	}
	if (cp < 0x80) {
		/* from NFKC: ASCII that came out of a compatibility character */
		if (cp < 0x20 || cp == 0x7F)
			st->space = 1;
		else if (cp == ' ')
			st->space = 1;
		else
			put_ascii(st, (char)cp);
		return;
	}
	flush(st);
	chorus__buf_add(st->out, enc, chorus__utf8_encode(cp, enc));
}

/* A run of non-ASCII code points with at least one that needs NFKC. */
static void put_nfkc(struct norm *st, const unsigned char *p, size_t n, int next_alnum)
{
	struct chorus__buf run = { 0 };
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t m;
	size_t i = 0;
	char enc[4];

	/* a combining mark at the start composes with the ASCII letter before it */
	if (!st->space && !st->nl && st->out->len) {
		uint32_t cp0;
		unsigned char last = (unsigned char)st->out->ptr[st->out->len - 1];

		chorus__utf8_decode(p, n, &cp0);
		if (last < 0x80 && utf8proc_get_property((utf8proc_int32_t)cp0)->combining_class) {
			chorus__buf_addch(&run, last);
			chorus__buf_setlen(st->out, st->out->len - 1);
		}
	}
	while (i < n) {
		uint32_t cp;
		int len = chorus__utf8_decode(p + i, n - i, &cp);

		i += (size_t)(len < 0 ? -len : len);
		chorus__buf_add(&run, enc, chorus__utf8_encode(cp, enc));
	}
	m = utf8proc_map((const utf8proc_uint8_t *)run.ptr, (utf8proc_ssize_t)run.len, &mapped,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (m < 0) { /* cannot happen on valid UTF-8; keep the run as it was */
		mapped = NULL;
		flush(st);
		chorus__buf_add(st->out, run.ptr, run.len);
	} else {
		const unsigned char *q = mapped;
		size_t j = 0, len = (size_t)m;

		while (j < len) {
			uint32_t cp;
			int l = chorus__utf8_decode(q + j, len - j, &cp);
			int nx;

			j += (size_t)(l < 0 ? -l : l);
			nx = j < len ? begins_alnum(q, j, len) : next_alnum;
			if (cp < 0x80)
				put_cp(st, cp, FOLD_NONE, nx);
			else
				put_cp(st, cp, fold_of(cp), nx);
		}
	}
	free(mapped);
	chorus__buf_release(&run);
}

/* ASCII bytes copied as they are: printable, but not '`', '\'' or '-' (which pair up). */
static const unsigned char plain[256] = {
	['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['('] = 1, [')'] = 1,
	['*'] = 1, ['+'] = 1, [','] = 1, ['.'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1,
	['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1,
	[';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['A'] = 1, ['B'] = 1,
	['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
	['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1,
	['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1,
	['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
	['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 1,
	['|'] = 1, ['}'] = 1, ['~'] = 1,
};

void chorus__text_normalize(const char *s, size_t n, struct chorus__buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	struct norm st = { out, 0, 0 };
	size_t i = 0;

	chorus__buf_grow(out, n + n / 16 + 16);

	while (i < n) {
		unsigned char c = p[i];

		if (c >= 0x80) {
			size_t j = i, k;
			int simple = 1;

			/* the run of non-ASCII bytes */
			while (j < n && p[j] >= 0x80)
				j++;
			for (k = i; k < j && simple;) {
				uint32_t cp;
				int len = chorus__utf8_decode(p + k, j - k, &cp);

				k += (size_t)(len < 0 ? -len : len);
				if (fold_of(cp) == FOLD_NONE)
					simple = 0;
			}
			if (!simple) {
				put_nfkc(&st, p + i, j - i, begins_alnum(p, j, n));
				i = j;
				continue;
			}
			while (i < j) {
				uint32_t cp;
				int len = chorus__utf8_decode(p + i, j - i, &cp);

				i += (size_t)(len < 0 ? -len : len);
				put_cp(&st, cp, fold_of(cp), i < j ? 1 : begins_alnum(p, j, n));
			}
			continue;
		}
		switch (c) {
		case '\n':
			line_break(&st, 1);
			break;
		case '\r':
			if (i + 1 < n && p[i + 1] == '\n')
				i++;
			line_break(&st, 1);
			break;
		case '\f':
			line_break(&st, 2);
			break;
		case '`':
			if (i + 1 < n && p[i + 1] == '`') {
				i++;
				put_ascii(&st, '"');
			} else {
				put_ascii(&st, '\'');
			}
			break;
		case '\'':
			if (i + 1 < n && p[i + 1] == '\'') {
				i++;
				put_ascii(&st, '"');
			} else {
				put_ascii(&st, '\'');
			}
			break;
		case '-':
			if (i + 1 < n && p[i + 1] == '-') {
				while (i + 1 < n && p[i + 1] == '-')
					i++;
				put_dash(&st);
			} else {
				put_ascii(&st, '-');
			}
			break;
		default:
			if (plain[c]) {
				/* the fast path: a run of plain ASCII words with single spaces */
				size_t j = i + 1;

				for (;;) {
					/* an apostrophe or hyphen inside a word is plain too, unless
					 * doubled ('' is a TeX quote, -- a dash) */
					while (j < n && (plain[p[j]] ||
							 ((p[j] == '\'' || p[j] == '-') && j + 1 < n &&
							  plain[p[j + 1]] && p[j - 1] != ' ')))
						j++;
					if (j + 1 < n && p[j] == ' ' && plain[p[j + 1]])
						j += 2;
					else
						break;
				}
				flush(&st);
				chorus__buf_add(out, s + i, j - i);
				i = j;
				continue;
			}
			st.space = 1; /* space, control byte, DEL */
			break;
		}
		i++;
	}
	if (!out->ptr)
		chorus__buf_grow(out, 1);
}
