/*
 * core/lexicon.c: string interning with open addressing (linear probing) on XXH3
 * hashes. Strings live in an arena; the table holds (hash, id) pairs so that probing
 * compares hashes before touching string memory.
 */
#include <xxhash.h>

#include "chorus/lexicon.h"
#include "util/alloc.h"
#include "util/arena.h"

struct slot {
	uint64_t hash;
	uint32_t id; /* 0: empty */
};

struct entry {
	const char *s;
	uint32_t len;
};

struct chorus_lexicon {
	struct slot *slots;
	size_t mask;          /* slot count - 1; the count is a power of two */
	struct entry *entries; /* entries[id]; entries[0] unused */
	size_t n, cap;         /* ids in use (n - 1 terms), capacity of entries */
	struct chorus__arena *strings;
};

struct chorus_lexicon *chorus_lexicon_new(void)
{
	struct chorus_lexicon *lex = chorus_xcalloc(1, sizeof(*lex));
	lex->mask = 1024 - 1;
	lex->slots = chorus_xcalloc(lex->mask + 1, sizeof(*lex->slots));
	lex->n = 1;
	CHORUS_GROW(lex->entries, 1, lex->cap);
	lex->entries[0].s = NULL;
	lex->entries[0].len = 0;
	lex->strings = chorus__arena_new(0);
	return lex;
}

void chorus_lexicon_free(struct chorus_lexicon *lex)
{
	if (!lex)
		return;
	free(lex->slots);
	free(lex->entries);
	chorus__arena_free(lex->strings);
	free(lex);
}

static size_t probe(const struct chorus_lexicon *lex, uint64_t h, const char *s, size_t n)
{
	size_t i = (size_t)h & lex->mask;

	for (;;) {
		const struct slot *sl = &lex->slots[i];
		if (!sl->id)
			return i;
		if (sl->hash == h) {
			const struct entry *e = &lex->entries[sl->id];
			if (e->len == n && memcmp(e->s, s, n) == 0)
				return i;
		}
		i = (i + 1) & lex->mask;
	}
}

static void rehash(struct chorus_lexicon *lex)
{
	size_t old_n = lex->mask + 1;
	struct slot *old = lex->slots;
	size_t i;

	lex->mask = old_n * 2 - 1;
	lex->slots = chorus_xcalloc(lex->mask + 1, sizeof(*lex->slots));
	for (i = 0; i < old_n; i++) {
		size_t j;
		if (!old[i].id)
			continue;
		j = (size_t)old[i].hash & lex->mask;
		while (lex->slots[j].id)
			j = (j + 1) & lex->mask;
		lex->slots[j] = old[i];
	}
	free(old);
}

uint32_t chorus_lexicon_intern(struct chorus_lexicon *lex, const char *s, size_t n)
{
	uint64_t h = XXH3_64bits(s, n);
	size_t i = probe(lex, h, s, n);
	uint32_t id;

	if (lex->slots[i].id)
		return lex->slots[i].id;
	if (n > UINT32_MAX || lex->n >= UINT32_MAX)
		chorus_xmul(SIZE_MAX, 2); /* cannot happen with the input limits: abort */
	id = (uint32_t)lex->n++;
	CHORUS_GROW(lex->entries, lex->n, lex->cap);
	lex->entries[id].s = chorus__arena_strndup(lex->strings, s, n);
	lex->entries[id].len = (uint32_t)n;
	lex->slots[i].hash = h;
	lex->slots[i].id = id;
	if (lex->n * 2 > lex->mask + 1)
		rehash(lex);
	return id;
}

uint32_t chorus_lexicon_find(const struct chorus_lexicon *lex, const char *s, size_t n)
{
	uint64_t h = XXH3_64bits(s, n);
	return lex->slots[probe(lex, h, s, n)].id;
}

const char *chorus_lexicon_str(const struct chorus_lexicon *lex, uint32_t id, size_t *len)
{
	if (id == 0 || id >= lex->n)
		return NULL;
	if (len)
		*len = lex->entries[id].len;
	return lex->entries[id].s;
}

uint32_t chorus_lexicon_size(const struct chorus_lexicon *lex)
{
	return (uint32_t)(lex->n - 1);
}
