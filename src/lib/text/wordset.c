/*
 * text/wordset.c: fixed word lists (abbreviations, sentence starters, speech verbs)
 * as small hash sets, built once on first use, looked up without regard to ASCII case.
 */
#include <string.h>

#include "text/text_int.h"
#include "util/alloc.h"

static unsigned hash_lower(const char *w, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static struct chorus__wordset *building;

static void build(void)
{
	struct chorus__wordset *ws = building;
	size_t i;

	for (i = 0; ws->words[i]; i++) {
		size_t n = strlen(ws->words[i]);
		unsigned b = hash_lower(ws->words[i], n) & (CHORUS__WORDSET_SLOTS - 1);

		while (ws->slot[b])
			b = (b + 1) & (CHORUS__WORDSET_SLOTS - 1);
		ws->slot[b] = (uint16_t)(i + 1);
	}
}

static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;

int chorus__wordset_has(struct chorus__wordset *ws, const char *w, size_t n)
{
	unsigned b;

	if (!n || n > 16)
		return 0;
	if (!__atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&build_lock);
		if (!ws->ready) {
			building = ws;
			build();
			__atomic_store_n(&ws->ready, 1, __ATOMIC_RELEASE);
		}
		pthread_mutex_unlock(&build_lock);
	}
	b = hash_lower(w, n) & (CHORUS__WORDSET_SLOTS - 1);
	while (ws->slot[b]) {
		const char *s = ws->words[ws->slot[b] - 1];
		size_t k;

		for (k = 0; k < n; k++) {
			char c = w[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (c != s[k])
				break;
		}
		if (k == n && s[n] == '\0')
			return 1;
		b = (b + 1) & (CHORUS__WORDSET_SLOTS - 1);
	}
	return 0;
}
