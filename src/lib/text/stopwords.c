/*
 * text/stopwords.c: the English stopword list of the text stage: function words
 * (articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs) and
 * their contractions, lowercase, with the apostrophe as '\''. Tokens whose norm is in
 * the list carry CHORUS_TOK_STOP.
 */
#include <pthread.h>
#include <string.h>

#include "text/text_int.h"
#include "util/alloc.h"

static const char *const words[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
	"any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being",
	"below", "between", "both", "but", "by", "can", "can't", "cannot", "could",
	"couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down",
	"during", "each", "either", "else", "ever", "few", "for", "from", "further", "had",
	"hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll",
	"he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how",
	"how's", "however", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
	"isn't", "it", "it's", "its", "itself", "just", "let's", "may", "me", "might", "more",
	"most", "must", "mustn't", "my", "myself", "neither", "no", "nor", "not", "now", "of",
	"off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
	"over", "own", "same", "shall", "shan't", "she", "she'd", "she'll", "she's", "should",
	"shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs",
	"them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll",
	"they're", "they've", "this", "those", "though", "through", "thus", "to", "too",
	"under", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we'd", "we'll",
	"we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where",
	"where's", "whether", "which", "while", "who", "who's", "whom", "whose", "why",
	"why's", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet",
	"you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
	"yourselves", NULL,
};

#define NBUCKETS 512

static const char *const *table[NBUCKETS];
static unsigned char table_len[NBUCKETS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static unsigned bucket(const char *w, size_t n)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h & (NBUCKETS - 1);
}

/* Open addressing over the fixed list, built once. */
static void build(void)
{
	size_t i;

	for (i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		unsigned b = bucket(words[i], n);

		while (table[b])
			b = (b + 1) & (NBUCKETS - 1);
		table[b] = &words[i];
		table_len[b] = (unsigned char)n;
	}
}

int chorus__text_is_stopword(const char *w, size_t n)
{
	unsigned b;

	if (!n || n > 12)
		return 0;
	pthread_once(&table_once, build);
	b = bucket(w, n);
	while (table[b]) {
		if (table_len[b] == n && !memcmp(*table[b], w, n))
			return 1;
		b = (b + 1) & (NBUCKETS - 1);
	}
	return 0;
}
