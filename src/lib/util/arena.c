/*
 * util/arena.c: bump allocation in a chain of blocks. Large requests get a block of
 * their own so that the current block's free tail is not wasted.
 */
#include "util/arena.h"
#include "util/alloc.h"

struct block {
	struct block *next;
	size_t size; /* usable bytes in data */
	size_t used;
	_Alignas(16) unsigned char data[];
};

struct chorus__arena {
	struct block *head; /* the block being filled; older blocks follow */
	size_t block_size;
	size_t total;       /* bytes handed out */
};

static struct block *block_new(size_t size)
{
	struct block *b = chorus_xmalloc(sizeof(*b) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct chorus__arena *chorus__arena_new(size_t block_size)
{
	struct chorus__arena *a = chorus_xcalloc(1, sizeof(*a));
	a->block_size = block_size ? block_size : (size_t)64 << 10;
	return a;
}

static void free_chain(struct block *b)
{
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
}

void chorus__arena_free(struct chorus__arena *a)
{
	if (!a)
		return;
	free_chain(a->head);
	free(a);
}

void chorus__arena_reset(struct chorus__arena *a)
{
	struct block *keep = NULL;
	struct block *b = a->head;

	/* keep one block of the standard size, free the rest */
	while (b) {
		struct block *next = b->next;
		if (!keep && b->size == a->block_size) {
			keep = b;
			keep->next = NULL;
			keep->used = 0;
		} else {
			free(b);
		}
		b = next;
	}
	a->head = keep;
	a->total = 0;
}

void *chorus__arena_alloc(struct chorus__arena *a, size_t size)
{
	struct block *b = a->head;
	size_t need = (size + 15) & ~(size_t)15;
	void *p;

	if (need < size)
		need = chorus_xmul(size, 2); /* overflow: let xmul abort */
	if (!b || b->size - b->used < need) {
		if (need > a->block_size / 4) {
			/* a big request: its own block, behind the current one */
			struct block *big = block_new(need);
			big->used = need;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			a->total += need;
			return big->data;
		}
		b = block_new(a->block_size);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

void *chorus__arena_calloc(struct chorus__arena *a, size_t n, size_t size)
{
	size_t bytes = chorus_xmul(n, size);
	void *p = chorus__arena_alloc(a, bytes);
	memset(p, 0, bytes);
	return p;
}

char *chorus__arena_strndup(struct chorus__arena *a, const char *s, size_t n)
{
	char *p = chorus__arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *chorus__arena_strdup(struct chorus__arena *a, const char *s)
{
	return chorus__arena_strndup(a, s, strlen(s));
}

size_t chorus__arena_used(const struct chorus__arena *a)
{
	return a->total;
}
