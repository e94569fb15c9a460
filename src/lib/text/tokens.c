/*
 * text/tokens.c: the tokens of a sentence, with their lowercased form, Snowball stem
 * and flags, interned in the context's lexicon.
 *
 * Token rules (docs/text.md has the examples):
 * - A word is letters and digits with inner apostrophes and hyphens followed by a
 *   letter or digit ("Ukraine's", "Russia-backed", "COVID-19"); letters with inner
 *   periods are one word with their final period ("U.S.", "a.m."); a known
 *   abbreviation or an initial keeps its period unless it ends the sentence ("Mr.",
 *   "W."); a trailing apostrophe after an 's' outside a single quotation is the
 *   plural possessive ("Guterres'").
 * - A number: digits with Western ("14,000") or Indian ("1,90,000") grouping, a
 *   decimal part, a currency sign before it ("$5", "€1.2bn", "US$300"), inner '-', '/'
 *   or ':' between digits ("2022-02-21", "10:30"), letters after it ("bn", "th"), and
 *   a percent sign, attached or after one space ("10%", "10 %"). Its norm drops the
 *   grouping commas and that space: "1,90,000" -> "190000", "10 %" -> "10%".
 * - Anything else is one punctuation token per character, except that "..." is one.
 * - The norm is the lowercased form; the stem is Snowball English's stem of the norm
 *   for words (the possessive goes with it: "ukraine's" -> "ukrain"), the norm itself
 *   for numbers and punctuation.
 */
#include <libstemmer.h>
#include <utf8proc.h>

#include "core/ctx.h"
#include "text/text_int.h"
#include "text/utf8.h"
#include "util/alloc.h"

#define STOP_BIT 0x80000000u

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Whether the code point at p (n bytes left) is a letter or mark; its length in *len. */
static int letter_at(const unsigned char *p, size_t n, int *len, int *upper)
{
	uint32_t cp;
	utf8proc_category_t cat;

	if (p[0] < 0x80) {
		*len = 1;
		*upper = is_upper(p[0]);
		return is_upper(p[0]) || is_lower(p[0]);
	}
	*len = chorus__utf8_decode(p, n, &cp);
	if (*len < 0)
		*len = -*len;
	cat = utf8proc_category((utf8proc_int32_t)cp);
	*upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) ||
	       (cat == UTF8PROC_CATEGORY_ND && cp != 0xFFFD);
}

static int alnum_at(const unsigned char *p, size_t n)
{
	int len, up;

	return is_digit(p[0]) || letter_at(p, n, &len, &up);
}

/* A currency sign at p: its length, 0 if none. */
static size_t currency_at(const unsigned char *p, size_t n)
{
	if (p[0] == '$')
		return 1;
	if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xA3 || p[1] == 0xA5)) /* £ ¥ */
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x82 && (p[2] == 0xAC || p[2] == 0xB9)) /* € ₹ */
		return 3;
	return 0;
}

/* Whether the period at p[j] is the sentence's last punctuation (closers aside). */
static int ends_sentence_at(const unsigned char *p, size_t j, size_t end)
{
	j++;
	while (j < end && (p[j] == '"' || p[j] == '\'' || p[j] == ')' || p[j] == ']'))
		j++;
	return j >= end;
}

/*
 * A direct-mapped cache from a token's bytes (up to 15) to its norm, stem and stopword
 * bit: the same words come back all the time, and a hit saves lowercasing, hashing
 * and the lexicon's probe. The bytes decide the token's kind and other flags, so
 * they are key enough. It lives on the context (ctx->text_tokcache), as the lexicon does.
 */
#define TC_BITS 17

struct tc_entry {
	uint64_t a, b;     /* bytes 0-7 and 8-14, zero-padded, the length in b's top byte; 0: empty */
	uint32_t norm;
	uint32_t stem;     /* | STOP_BIT for a stopword; the other flags follow from the bytes */
};

struct chorus__tokcache {
	struct tc_entry e[1u << TC_BITS];
};

/* A token found but not yet looked up (see queue()). */
struct pending {
	uint32_t start, end, flags;
	int kind;                /* enum norm_kind */
	uint64_t a, b;           /* its cache key, when it has one */
	struct tc_entry *ce;     /* its cache slot, or NULL */
};

#define QUEUE_MAX 32

struct tokenizer {
	struct chorus_ctx *ctx;
	const char *text;
	size_t end;
	struct chorus__buf norm;
	int squote_open; /* a single quotation is open */
	struct pending q[QUEUE_MAX];
	size_t nq;
};

static uint32_t stem_of(struct tokenizer *tk, uint32_t norm, const char *s, size_t n, int word)
{
	struct chorus_ctx *ctx = tk->ctx;
	uint32_t v, stem = norm;

	if (norm < ctx->text_terms_cap && ctx->text_terms[norm])
		return ctx->text_terms[norm];
	if (word) {
		if (!ctx->stemmer)
			ctx->stemmer = sb_stemmer_new("english", NULL);
		if (ctx->stemmer) {
			const sb_symbol *st = sb_stemmer_stem(ctx->stemmer, (const sb_symbol *)s, (int)n);

			if (st)
				stem = chorus_lexicon_intern(ctx->lex, (const char *)st,
							     (size_t)sb_stemmer_length(ctx->stemmer));
		}
	}
	v = stem | (word && chorus__text_is_stopword(s, n) ? STOP_BIT : 0);
	if (norm >= ctx->text_terms_cap) {
		size_t old = ctx->text_terms_cap;

		CHORUS_GROW(ctx->text_terms, (size_t)norm + 1, ctx->text_terms_cap);
		memset(ctx->text_terms + old, 0, (ctx->text_terms_cap - old) * sizeof(uint32_t));
	}
	ctx->text_terms[norm] = v;
	return v;
}

/* Appends s[0 .. n) lowercased to tk->norm. */
static void lower_into(struct tokenizer *tk, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char enc[4];

	while (i < n) {
		uint32_t cp;
		int len;

		if (p[i] < 0x80) {
			chorus__buf_addch(&tk->norm, is_upper(p[i]) ? p[i] + 32 : p[i]);
			i++;
			continue;
		}
		len = chorus__utf8_decode(p + i, n - i, &cp);
		i += (size_t)(len < 0 ? -len : len);
		cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
		chorus__buf_add(&tk->norm, enc, chorus__utf8_encode(cp, enc));
	}
}

enum norm_kind { NORM_LOWER, NORM_NUMBER, NORM_RAW, NORM_ELLIPSIS };

static void number_norm(struct tokenizer *tk, const char *s, size_t n);

static void tc_key(const char *s, size_t n, uint64_t *a, uint64_t *b)
{
	unsigned char buf[16] = { 0 };

	memcpy(buf, s, n);
	memcpy(a, buf, 8);
	memcpy(b, buf + 8, 8);
	*b = (*b & 0x00FFFFFFFFFFFFFFull) | ((uint64_t)n << 56);
}

/*
 * Tokens are looked up in batches: queue() computes a token's cache slot and asks the
 * processor to fetch it, and flush() looks the batch up once the slots are on their
 * way, so that the cache misses of a sentence overlap instead of adding up.
 */
static void flush(struct tokenizer *tk, struct chorus_token **v, size_t *n, size_t *cap);

static void emit(struct tokenizer *tk, struct chorus_token **v, size_t *n, size_t *cap,
		 size_t start, size_t end, uint32_t flags, enum norm_kind kind)
{
	struct chorus_ctx *ctx = tk->ctx;
	struct pending *pd;
	size_t len = end - start;

	if (tk->nq == QUEUE_MAX)
		flush(tk, v, n, cap);
	pd = &tk->q[tk->nq++];
	pd->start = (uint32_t)start;
	pd->end = (uint32_t)end;
	pd->flags = flags;
	pd->kind = kind;
	pd->ce = NULL;
	if (len <= 15) {
		uint64_t h;

		if (!ctx->text_tokcache)
			ctx->text_tokcache = chorus_xcalloc(1, sizeof(struct chorus__tokcache));
		tc_key(tk->text + start, len, &pd->a, &pd->b);
		h = (pd->a * 0x9E3779B97F4A7C15ull) ^ (pd->b * 0xC2B2AE3D27D4EB4Full);
		h ^= h >> 29;
		pd->ce = &ctx->text_tokcache->e[(h * 0xBF58476D1CE4E5B9ull) >> (64 - TC_BITS)];
		__builtin_prefetch(pd->ce);
	}
}

static void lookup(struct tokenizer *tk, const struct pending *pd, struct chorus_token **v,
		   size_t *n, size_t *cap)
{
	struct chorus_ctx *ctx = tk->ctx;
	struct tc_entry *ce = pd->ce;
	struct chorus_token *t;
	uint32_t norm, sv, flags = pd->flags;
	size_t start = pd->start, end = pd->end, len = end - start;
	enum norm_kind kind = (enum norm_kind)pd->kind;

	if (ce && ce->a == pd->a && ce->b == pd->b) {
		norm = ce->norm;
		sv = ce->stem;
		goto store;
	}
	chorus__buf_reset(&tk->norm);
	switch (kind) {
	case NORM_LOWER:
		lower_into(tk, tk->text + start, len);
		break;
	case NORM_NUMBER:
		number_norm(tk, tk->text + start, len);
		break;
	case NORM_ELLIPSIS:
		chorus__buf_add(&tk->norm, "...", 3);
		break;
	default:
		chorus__buf_add(&tk->norm, tk->text + start, len);
		break;
	}
	norm = chorus_lexicon_intern(ctx->lex, tk->norm.ptr ? tk->norm.ptr : "", tk->norm.len);
	sv = stem_of(tk, norm, tk->norm.ptr ? tk->norm.ptr : "", tk->norm.len, !!(flags & CHORUS_TOK_WORD));
	if (ce) {
		ce->a = pd->a;
		ce->b = pd->b;
		ce->norm = norm;
		ce->stem = sv;
	}
store:
	flags |= sv & STOP_BIT ? CHORUS_TOK_STOP : 0;
	sv &= ~STOP_BIT;
	CHORUS_GROW(*v, *n + 1, *cap);
	t = &(*v)[(*n)++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->norm = norm;
	t->stem = sv;
	t->flags = flags;
}

static void flush(struct tokenizer *tk, struct chorus_token **v, size_t *n, size_t *cap)
{
	size_t i;

	for (i = 0; i < tk->nq; i++)
		lookup(tk, &tk->q[i], v, n, cap);
	tk->nq = 0;
}

/* The digit groups at p[i ..): returns the end of the longest valid grouped number. */
static size_t grouped_digits(const unsigned char *p, size_t i, size_t n)
{
	size_t first = i, groups[64], ng = 0, j, k, last_end;
	int western = 1, indian = 1;

	while (i < n && is_digit(p[i]))
		i++;
	first = i - first;
	last_end = i;
	j = i;
	while (j + 1 < n && p[j] == ',' && is_digit(p[j + 1]) && ng < 64) {
		k = j + 1;
		while (k < n && is_digit(p[k]))
			k++;
		groups[ng++] = k - j - 1;
		j = k;
	}
	if (!ng || first > 3)
		return last_end;
	for (k = 0; k < ng; k++) {
		if (groups[k] != 3)
			western = 0;
		if (groups[k] != (k + 1 == ng ? 3u : 2u))
			indian = 0;
	}
	if (first > 2 || ng < 2)
		indian = 0;
	return western || indian ? j : last_end;
}

static size_t scan_number(const unsigned char *p, size_t i, size_t n)
{
	i = grouped_digits(p, i, n);
	if (i + 1 < n && p[i] == '.' && is_digit(p[i + 1])) {
		i++;
		while (i < n && is_digit(p[i]))
			i++;
	}
	while (i + 1 < n && (p[i] == '-' || p[i] == '/' || p[i] == ':' || p[i] == '.') &&
	       is_digit(p[i + 1])) {
		i++;
		while (i < n && is_digit(p[i]))
			i++;
	}
	while (i < n && (is_lower(p[i]) || is_upper(p[i])))
		i++;
	return i;
}

/* Norm of a number: lowercased, without grouping commas and without a space before '%'. */
static void number_norm(struct tokenizer *tk, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ',' || c == ' ')
			continue;
		if (c >= 0x80) {
			lower_into(tk, s + i, n - i);
			return;
		}
		chorus__buf_addch(&tk->norm, is_upper(c) ? c + 32 : c);
	}
}

void chorus__text_tokenize(struct chorus_ctx *ctx, const char *text, size_t start, size_t end,
			   struct chorus_token **v, size_t *n, size_t *cap)
{
	const unsigned char *p = (const unsigned char *)text;
	struct tokenizer tk;
	size_t i = start;

	tk.ctx = ctx;
	tk.text = text;
	tk.end = end;
	memset(&tk.norm, 0, sizeof(tk.norm));
	tk.squote_open = 0;
	tk.nq = 0;
	while (i < end) {
		size_t j, cur;
		int len, up;
		unsigned char c = p[i];

		if (c == ' ') {
			i++;
			continue;
		}
		cur = currency_at(p + i, end - i);
		if (is_digit(c) || (cur && i + cur < end && is_digit(p[i + cur]))) {
			j = scan_number(p, i + cur, end);
			if (!cur && j + 1 < end && p[j] == '-' && letter_at(p + j + 1, end - j - 1, &len, &up))
				goto word; /* "14-year-old" (not after a currency sign: "$5-a-day") */
			if (j < end && p[j] == '%')
				j++;
			else if (j + 1 < end && p[j] == ' ' && p[j + 1] == '%')
				j += 2;
			emit(&tk, v, n, cap, i, j, CHORUS_TOK_NUMBER, NORM_NUMBER);
			i = j;
			continue;
		}
		if (letter_at(p + i, end - i, &len, &up)) {
			size_t letters, uppers;
			int dots;
			uint32_t flags;
word:
			j = i;
			letters = uppers = 0;
			dots = 0;
			while (j < end) {
				unsigned char cj = p[j];

				if (is_lower(cj)) { /* the common case first */
					letters++;
					j++;
				} else if (is_upper(cj)) {
					letters++;
					uppers++;
					j++;
				} else if (cj >= 0x80 && letter_at(p + j, end - j, &len, &up)) {
					if (!is_digit(p[j])) {
						letters++;
						uppers += (size_t)up;
					}
					j += (size_t)len;
				} else if (is_digit(p[j])) {
					j++;
				} else if ((p[j] == '\'' || p[j] == '-') && j > i && j + 1 < end &&
					   alnum_at(p + j + 1, end - j - 1)) {
					j++;
				} else if (p[j] == '.' && j + 2 < end && (is_upper(p[j + 1]) || is_lower(p[j + 1])) &&
					   p[j + 2] == '.' && (j - i == 1 || (j >= i + 2 && p[j - 2] == '.'))) {
					dots = 1;
					j++;
				} else {
					break;
				}
			}
			if (j < end && p[j] == '.') {
				int ab = chorus__text_abbrev(text + i, j - i);

				if (dots && (is_upper(p[j - 1]) || is_lower(p[j - 1])))
					j++;
				else if ((ab || (j - i == 1 && is_upper(p[i]))) && !ends_sentence_at(p, j, end))
					j++;
			} else if (j < end && p[j] == '\'' && p[j - 1] == 's' && !tk.squote_open &&
				   (j + 1 == end || p[j + 1] == ' ')) {
				j++;
			} else if (j < end && p[j] == '$' && j + 1 < end && is_digit(p[j + 1]) &&
				   j - i <= 3 && uppers == j - i) {
				/* "US$300" */
				j = scan_number(p, j + 1, end);
				emit(&tk, v, n, cap, i, j, CHORUS_TOK_NUMBER, NORM_NUMBER);
				i = j;
				continue;
			}
			if (j == i) { /* cannot happen: a word holds at least its first character */
				i++;
				continue;
			}
			flags = CHORUS_TOK_WORD;
			if (letters && letter_at(p + i, end - i, &len, &up) && up)
				flags |= CHORUS_TOK_CAP;
			if (letters >= 2 && uppers == letters)
				flags |= CHORUS_TOK_UPPER;
			if (is_digit(p[i]))
				flags = CHORUS_TOK_WORD;
			emit(&tk, v, n, cap, i, j, flags, NORM_LOWER);
			i = j;
			continue;
		}
		/* punctuation */
		if (c == '.' && ((i + 2 < end && p[i + 1] == '.' && p[i + 2] == '.') ||
				 (i + 4 < end && p[i + 1] == ' ' && p[i + 2] == '.' && p[i + 3] == ' ' &&
				  p[i + 4] == '.'))) {
			/* an ellipsis, "..." or spaced ". . ." */
			j = i + 1;
			while (j < end && (p[j] == '.' || (p[j] == ' ' && j + 1 < end && p[j + 1] == '.')))
				j++;
			emit(&tk, v, n, cap, i, j, CHORUS_TOK_PUNCT, NORM_ELLIPSIS);
			i = j;
			continue;
		}
		if (c == '\'') {
			int before = i > start && alnum_at(p + i - 1, 1);
			int after = i + 1 < end && alnum_at(p + i + 1, end - i - 1);

			if (!before && after)
				tk.squote_open = 1;
			else if (before && !after)
				tk.squote_open = 0;
		}
		if (c < 0x80) {
			len = 1;
		} else {
			uint32_t cp;

			len = chorus__utf8_decode(p + i, end - i, &cp);
			if (len < 0)
				len = -len;
		}
		emit(&tk, v, n, cap, i, i + (size_t)len,
		     CHORUS_TOK_PUNCT | (c == '"' || c == '\'' ? CHORUS_TOK_QUOTE : 0), NORM_RAW);
		i += (size_t)len;
	}
	flush(&tk, v, n, cap);
	chorus__buf_release(&tk.norm);
}
