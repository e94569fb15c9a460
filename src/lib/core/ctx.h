/*
 * core/ctx.h: the context's insides, for library modules only. Modules that need
 * per-context state (the stemmer, caches) add a field here and set it up lazily.
 */
#ifndef CHORUS_CORE_CTX_H
#define CHORUS_CORE_CTX_H

#include "chorus/common.h"
#include "chorus/lexicon.h"

struct sb_stemmer;
struct chorus__tokcache;

struct chorus_ctx {
	char errmsg[1024];
	struct chorus_lexicon *lex;
	struct sb_stemmer *stemmer; /* Snowball English, made on first use by the text module */
	uint32_t *text_terms;       /* text module: per norm id, its stem id | stopword bit; 0 unknown */
	size_t text_terms_cap;
	struct chorus__tokcache *text_tokcache; /* text module: recent tokens (one malloc) */
	uint64_t *extract_classes;  /* extract module: per norm id, its word-list mask + 1; 0 unknown */
	size_t extract_classes_cap;
};

#endif
