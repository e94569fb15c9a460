/*
 * text/linefilter.c: boilerplate learned from the articles themselves: lines that one
 * outlet repeats verbatim (mastheads, sign-offs, "Follow us on ..." lines).
 *
 * chorus_linefilter_add() counts, per outlet (article->source), in how many articles
 * each line of canonical text occurs (once per article; a text the outlet has given
 * already, such as a page saved twice or a feed item and its page, counts once, so
 * that its own lines do not become its outlet's boilerplate). A line is learned
 * boilerplate of an outlet when it occurs in at least 3 of its articles and in at
 * least half of them, and is at most 200 bytes long: the length limit keeps a
 * background paragraph that one outlet repeats across updates of one story from
 * being dropped. Articles with no source are an outlet of their own each, so nothing
 * is learned from them.
 */
#include <xxhash.h>

#include "text/text_int.h"
#include "util/alloc.h"

#define LINE_MAX_BYTES 200

struct lf_slot {
	uint64_t key;      /* 0: empty */
	uint32_t count;    /* articles holding the line (or, for an outlet key, its articles) */
	uint32_t last;     /* serial of the last article counted */
};

struct chorus_linefilter {
	struct lf_slot *slots;
	size_t mask, used;
	uint32_t serial;
};

struct chorus_linefilter *chorus_linefilter_new(void)
{
	struct chorus_linefilter *lf = chorus_xcalloc(1, sizeof(*lf));

	lf->mask = 1024 - 1;
	lf->slots = chorus_xcalloc(lf->mask + 1, sizeof(*lf->slots));
	return lf;
}

void chorus_linefilter_free(struct chorus_linefilter *lf)
{
	if (!lf)
		return;
	free(lf->slots);
	free(lf);
}

static struct lf_slot *lookup(const struct chorus_linefilter *lf, uint64_t key)
{
	size_t i = (size_t)key & lf->mask;

	while (lf->slots[i].key && lf->slots[i].key != key)
		i = (i + 1) & lf->mask;
	return &lf->slots[i];
}

static void grow(struct chorus_linefilter *lf)
{
	struct lf_slot *old = lf->slots;
	size_t i, n = lf->mask + 1;

	lf->mask = n * 2 - 1;
	lf->slots = chorus_xcalloc(n * 2, sizeof(*lf->slots));
	for (i = 0; i < n; i++)
		if (old[i].key)
			*lookup(lf, old[i].key) = old[i];
	free(old);
}

static uint64_t outlet_key(const char *source)
{
	uint64_t k = XXH3_64bits(source, strlen(source));

	return k ? k : 1;
}

static uint64_t line_key(uint64_t outlet, const char *line, size_t len)
{
	uint64_t k = XXH3_64bits_withSeed(line, len, outlet) ^ 0x9E3779B97F4A7C15ull;

	return k ? k : 1;
}

static uint64_t text_key(uint64_t outlet, const char *text, size_t len)
{
	uint64_t k = XXH3_64bits_withSeed(text, len, outlet) ^ 0xC2B2AE3D27D4EB4Full;

	return k ? k : 1;
}

static void count(struct chorus_linefilter *lf, uint64_t key)
{
	struct lf_slot *sl;

	if ((lf->used + 1) * 4 > (lf->mask + 1) * 3)
		grow(lf);
	sl = lookup(lf, key);
	if (!sl->key) {
		sl->key = key;
		lf->used++;
	}
	if (sl->last != lf->serial) {
		sl->last = lf->serial;
		sl->count++;
	}
}

void chorus_linefilter_add(struct chorus_linefilter *lf, const struct chorus_article *a)
{
	struct chorus__buf b = { 0 };
	uint64_t outlet, tk;
	size_t i = 0;

	if (!lf || !a || !a->source || !a->text)
		return;
	outlet = outlet_key(a->source);
	chorus__text_normalize(a->text, a->text_len, &b);
	tk = text_key(outlet, b.ptr ? b.ptr : "", b.len);
	if (lookup(lf, tk)->key) {
		chorus__buf_release(&b);
		return;
	}
	lf->serial++;
	count(lf, tk);
	count(lf, outlet);
	while (i < b.len) {
		const char *nl = memchr(b.ptr + i, '\n', b.len - i);
		size_t e = nl ? (size_t)(nl - b.ptr) : b.len;

		if (e > i && e - i <= LINE_MAX_BYTES)
			count(lf, line_key(outlet, b.ptr + i, e - i));
		i = e + 1;
	}
	chorus__buf_release(&b);
}

int chorus__linefilter_drops(const struct chorus_linefilter *lf, const char *source,
			     const char *line, size_t len)
{
	uint64_t outlet;
	const struct lf_slot *o, *l;

	if (!lf || !source || !len || len > LINE_MAX_BYTES)
		return 0;
	outlet = outlet_key(source);
	o = lookup(lf, outlet);
	if (!o->key)
		return 0;
	l = lookup(lf, line_key(outlet, line, len));
	return l->key && l->count >= 3 && (size_t)l->count * 2 >= o->count;
}
