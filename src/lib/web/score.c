/*
 * web/score.c: the score of Scrapinghub's article extraction benchmark
 * (github.com/scrapinghub/article-extraction-benchmark, evaluate.py,
 * string_shingle_matching), so that `chorus eval extraction` reports the figure
 * other extractors publish. Tokens are Python's `\w+` over Unicode text: maximal runs
 * of letters (Lu Ll Lt Lm Lo), numbers (Nd Nl No) and '_', case kept. Shingles are 4
 * consecutive tokens; a text with fewer than 4 tokens is one shingle of all of them.
 */
#include <string.h>

#include <utf8proc.h>

#include "util/alloc.h"
#include "web/web_internal.h"

#define SHINGLE_N 4

struct tok {
	const char *s;
	size_t n;
};

static int is_word(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return cp == '_';
	}
}

static size_t tokenize(const char *text, struct tok **out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
	size_t len = strlen(text), i = 0, n = 0, cap = 0;
	struct tok *t = NULL;
	const char *start = NULL;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		int w;

		if (k <= 0) {
			k = 1;
			w = 0;
		} else {
			w = is_word(cp);
		}
		if (w && !start)
			start = text + i;
		if (!w && start) {
			CHORUS_GROW(t, n + 1, cap);
			t[n].s = start;
			t[n].n = (size_t)(text + i - start);
			n++;
			start = NULL;
		}
		i += (size_t)k;
	}
	if (start) {
		CHORUS_GROW(t, n + 1, cap);
		t[n].s = start;
		t[n].n = (size_t)(text + len - start);
		n++;
	}
	*out = t;
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The text's shingles as strings (tokens joined by U+0001), sorted. */
static size_t shingles(const char *text, char ***out)
{
	struct tok *t = NULL;
	size_t nt = tokenize(text ? text : "", &t), ns, i, j;
	char **s;

	if (!nt) {
		free(t);
		*out = NULL;
		return 0;
	}
	ns = nt >= SHINGLE_N ? nt - SHINGLE_N + 1 : 1;
	s = chorus_xcalloc(ns, sizeof(*s));
	for (i = 0; i < ns; i++) {
		struct chorus__buf b = { 0 };
		size_t len;

		for (j = i; j < i + SHINGLE_N && j < nt; j++) {
			if (j > i)
				chorus__buf_addch(&b, '\x01');
			chorus__buf_add(&b, t[j].s, t[j].n);
		}
		s[i] = chorus__buf_detach(&b, &len);
	}
	free(t);
	qsort(s, ns, sizeof(*s), cmp_str);
	*out = s;
	return ns;
}

void chorus_web_shingle_score(const char *truth, const char *pred, double *tp, double *fp,
			      double *fn)
{
	char **a, **b;
	size_t na = shingles(truth, &a), nb = shingles(pred, &b), i = 0, j = 0;
	double t = 0, f = 0, m = 0, sum;

	while (i < na || j < nb) {
		int c = i >= na ? 1 : j >= nb ? -1 : strcmp(a[i], b[j]);

		if (c == 0) {
			t++;
			i++;
			j++;
		} else if (c < 0) {
			m++;
			i++;
		} else {
			f++;
			j++;
		}
	}
	sum = t + f + m;
	*tp = sum > 0 ? t / sum : 0;
	*fp = sum > 0 ? f / sum : 0;
	*fn = sum > 0 ? m / sum : 0;
	for (i = 0; i < na; i++)
		free(a[i]);
	for (j = 0; j < nb; j++)
		free(b[j]);
	free(a);
	free(b);
}
