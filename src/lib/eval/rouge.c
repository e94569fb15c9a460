/*
 * eval/rouge.c: ROUGE-N and ROUGE-SU scores of summaries against reference summaries,
 * computed as the reference scorer ROUGE-1.5.5 (Lin 2004) computes them, so that the
 * project's figures can be put next to published ones. Evaluation only: nothing in the
 * pipeline depends on it.
 *
 * What ROUGE-1.5.5 does, and this file repeats (docs/rouge.md gives the details):
 * - Texts are read one sentence per line; empty lines are dropped; ASCII letters are
 *   lowercased.
 * - The word limit (-l) counts the fields of each line split on Perl's \s+ (a line
 *   that starts with white space has one extra, empty, field) and cuts the text at the
 *   limit, before any other processing.
 * - Words are then the runs of ASCII letters and digits; every other byte separates.
 * - Stemming (-m) touches words longer than 3 bytes: an exception list lookup, else
 *   ROUGE's own Porter stemmer (Porter's Perl version with a change to step 4).
 * - ROUGE-N: clipped n-gram matches per reference; with several references the hits
 *   and counts are summed over them (-f A), the summary's count once per reference.
 * - ROUGE-SU: skip bigrams of words at most skip_distance apart, plus (with -u) the
 *   unigrams of every word but the last.
 * - Recall, precision and F are rounded to 5 decimals per summary; F is computed from
 *   the rounded values. Averages are bootstrap means with drand48 seeded per sample.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>

#include "chorus/eval.h"
#include "chorus/lexicon.h"
#include "util/alloc.h"
#include "util/buf.h"

#define MAX_FILE_BYTES ((size_t)16 << 20)
#define MAX_STEM_WORD 64 /* longer words are stemmed in a heap buffer */

struct chorus_rouge {
	struct chorus_rouge_options opt;
	struct chorus_lexicon *words;  /* every word and stem seen: the gram ids */
	struct chorus_lexicon *exc;    /* exception keys */
	uint32_t *exc_to;              /* exc id -> id in words of its base form */
	size_t exc_cap;
	size_t nexc;
	/* scratch, reused between calls */
	uint32_t *ids;
	size_t ids_cap;
	uint64_t *grams[CHORUS_ROUGE_METRICS];
	size_t grams_cap[CHORUS_ROUGE_METRICS];
	struct chorus__buf kept;
};

void chorus_rouge_options_default(struct chorus_rouge_options *opt)
{
	opt->word_limit = 100;
	opt->stem = 1;
	opt->skip_distance = 4;
	opt->skip_unigrams = 1;
	opt->alpha = 0.5;
}

const char *chorus_rouge_metric_name(const struct chorus_rouge_options *opt,
				     enum chorus_rouge_metric m, char *buf, size_t size)
{
	if (m == CHORUS_ROUGE_1)
		snprintf(buf, size, "ROUGE-1");
	else if (m == CHORUS_ROUGE_2)
		snprintf(buf, size, "ROUGE-2");
	else
		snprintf(buf, size, "ROUGE-S%s%u", opt->skip_unigrams ? "U" : "",
			 opt->skip_distance);
	return buf;
}

struct chorus_rouge *chorus_rouge_new(const struct chorus_rouge_options *opt)
{
	struct chorus_rouge *r = chorus_xcalloc(1, sizeof(*r));

	if (opt)
		r->opt = *opt;
	else
		chorus_rouge_options_default(&r->opt);
	r->words = chorus_lexicon_new();
	r->exc = chorus_lexicon_new();
	return r;
}

void chorus_rouge_free(struct chorus_rouge *r)
{
	int m;

	if (!r)
		return;
	chorus_lexicon_free(r->words);
	chorus_lexicon_free(r->exc);
	free(r->exc_to);
	free(r->ids);
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++)
		free(r->grams[m]);
	chorus__buf_release(&r->kept);
	free(r);
}

size_t chorus_rouge_exception_count(const struct chorus_rouge *r)
{
	return r->nexc;
}

/* ---- the Porter stemmer of ROUGE-1.5.5 -------------------------------------------
 *
 * Porter 1980, "An algorithm for suffix stripping", as in Porter's own Perl version
 * (which maps "bli" to "ble" and "logi" to "log" in step 2, and treats y as a vowel
 * class of its own), with ROUGE-1.5.5's change to step 4: a word in -ement does not
 * stop the -ment and -ent rules, which are tried after the others, in turn. Snowball's
 * "porter" differs on exactly these points, hence this implementation.
 *
 * The measure tests are Perl regular expressions over these classes:
 *   C = [^aeiou][^aeiouy]*   (a consonant run; a leading y is upper-cased to Y first)
 *   V = [aeiouy][aeiou]*     (a vowel run)
 * and are matched here by a small backtracking matcher over a pattern string:
 *   'c' C, 'C' optional C, 'v' V, 'V' optional V, '1' one of [aeiouy],
 *   'x' one of [^aeiouwxy]; a final '$' anchors at the end.
 */

static int in(int ch, const char *set)
{
	return ch != '\0' && strchr(set, ch) != NULL;
}

static int pmatch(const char *s, size_t len, size_t i, const char *p)
{
	size_t e;

	switch (*p) {
	case '\0':
		return 1;
	case '$':
		return i == len;
	case 'C':
	case 'V':
		if (pmatch(s, len, i, p + 1))
			return 1;
		/* the optional group is present: as for c and v */
		/* fall through */
	case 'c':
	case 'v': {
		int cons = (*p == 'C' || *p == 'c');

		if (i >= len || (cons ? in(s[i], "aeiou") : !in(s[i], "aeiouy")))
			return 0;
		for (e = i + 1;; e++) {
			if (pmatch(s, len, e, p + 1))
				return 1;
			if (e >= len || (cons ? in(s[e], "aeiouy") : !in(s[e], "aeiou")))
				return 0;
		}
	}
	case '1':
		return i < len && in(s[i], "aeiouy") && pmatch(s, len, i + 1, p + 1);
	case 'x':
		return i < len && !in(s[i], "aeiouwxy") && pmatch(s, len, i + 1, p + 1);
	default:
		return 0;
	}
}

/* The tests, on the stem w[0 .. n). */
static int mgr0(const char *w, size_t n) { return pmatch(w, n, 0, "Cvc"); }
static int meq1(const char *w, size_t n) { return pmatch(w, n, 0, "CvcV$"); }
static int mgr1(const char *w, size_t n) { return pmatch(w, n, 0, "Cvcvc"); }
static int hasv(const char *w, size_t n) { return pmatch(w, n, 0, "Cv"); }
static int cvc(const char *w, size_t n) { return pmatch(w, n, 0, "c1x$"); }

static int ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

struct rule {
	const char *from, *to;
};

static const struct rule step2[] = {
	{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" }, { "anci", "ance" },
	{ "izer", "ize" }, { "bli", "ble" }, { "alli", "al" }, { "entli", "ent" },
	{ "eli", "e" }, { "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" },
	{ "ator", "ate" }, { "alism", "al" }, { "iveness", "ive" }, { "fulness", "ful" },
	{ "ousness", "ous" }, { "aliti", "al" }, { "iviti", "ive" }, { "biliti", "ble" },
	{ "logi", "log" }, { NULL, NULL }
};

static const struct rule step3[] = {
	{ "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
	{ "ical", "ic" }, { "ful", "" }, { "ness", "" }, { NULL, NULL }
};

static const char *const step4[] = { "al", "ance", "ence", "er", "ic", "able", "ible",
				     "ant", "ement", "ou", "ism", "ate", "iti", "ous",
				     "ive", "ize", NULL };

/* The longest suffix of w[0 .. n) in the list (a Perl alternation anchored at the end
 * matches at the leftmost start, which is the longest suffix), or -1. */
static int longest_rule(const char *w, size_t n, const struct rule *rules)
{
	int i, best = -1;

	for (i = 0; rules[i].from; i++)
		if (ends(w, n, rules[i].from) &&
		    (best < 0 || strlen(rules[i].from) > strlen(rules[best].from)))
			best = i;
	return best;
}

static int longest_suffix(const char *w, size_t n, const char *const *list)
{
	int i, best = -1;

	for (i = 0; list[i]; i++)
		if (ends(w, n, list[i]) && (best < 0 || strlen(list[i]) > strlen(list[best])))
			best = i;
	return best;
}

/* Replaces the k last bytes of w (length *n) by to, when the rest passes test. */
static void replace(char *w, size_t *n, size_t k, const char *to,
		    int (*test)(const char *, size_t))
{
	size_t stem = *n - k, tl = strlen(to);

	if (test(w, stem)) {
		memcpy(w + stem, to, tl); /* tl <= k for every rule */
		*n = stem + tl;
	}
}

static void porter_steps(char *w, size_t *np)
{
	size_t n = *np;
	int i;

	/* step 1a */
	if (ends(w, n, "sses") || ends(w, n, "ies"))
		n -= 2;
	else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
		n -= 1;
	/* step 1b */
	if (ends(w, n, "eed")) {
		if (mgr0(w, n - 3))
			n -= 1;
	} else if (ends(w, n, "ed") || ends(w, n, "ing")) {
		size_t stem = n - (ends(w, n, "ed") ? 2 : 3);

		if (hasv(w, stem)) {
			n = stem;
			if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz"))
				w[n++] = 'e';
			else if (n >= 2 && w[n - 1] == w[n - 2] && !in(w[n - 1], "aeiouylsz"))
				n -= 1;
			else if (cvc(w, n))
				w[n++] = 'e';
		}
	}
	/* step 1c */
	if (n >= 1 && w[n - 1] == 'y' && hasv(w, n - 1))
		w[n - 1] = 'i';
	/* step 2 and step 3 */
	i = longest_rule(w, n, step2);
	if (i >= 0)
		replace(w, &n, strlen(step2[i].from), step2[i].to, mgr0);
	i = longest_rule(w, n, step3);
	if (i >= 0)
		replace(w, &n, strlen(step3[i].from), step3[i].to, mgr0);
	/* step 4, as changed in ROUGE-1.5.5 */
	i = longest_suffix(w, n, step4);
	if (i >= 0)
		replace(w, &n, strlen(step4[i]), "", mgr1);
	if (ends(w, n, "ment"))
		replace(w, &n, 4, "", mgr1);
	if (ends(w, n, "ent"))
		replace(w, &n, 3, "", mgr1);
	else if (n >= 4 && ends(w, n, "ion") && (w[n - 4] == 's' || w[n - 4] == 't'))
		replace(w, &n, 3, "", mgr1);
	/* step 5 */
	if (n >= 1 && w[n - 1] == 'e') {
		size_t stem = n - 1;

		if (mgr1(w, stem) || (meq1(w, stem) && !cvc(w, stem)))
			n = stem;
	}
	if (ends(w, n, "ll") && mgr1(w, n))
		n -= 1;
	*np = n;
}

size_t chorus_rouge_porter(const char *word, size_t len, char *buf, size_t size)
{
	size_t n = len;

	if (size == 0)
		return 0;
	if (n >= size)
		n = size - 1;
	memcpy(buf, word, n);
	buf[n] = '\0';
	if (n < 3)
		return n;
	if (buf[0] == 'y')
		buf[0] = 'Y';
	porter_steps(buf, &n);
	if (buf[0] == 'Y')
		buf[0] = 'y';
	buf[n] = '\0';
	return n;
}

/* ---- exceptions ------------------------------------------------------------------ */

static void add_exception(struct chorus_rouge *r, const char *from, size_t fl, const char *to,
			  size_t tl)
{
	uint32_t k = chorus_lexicon_intern(r->exc, from, fl);
	uint32_t v = chorus_lexicon_intern(r->words, to, tl);

	CHORUS_GROW(r->exc_to, (size_t)k + 1, r->exc_cap);
	if (k > r->nexc) {
		memset(r->exc_to + r->nexc + 1, 0, (k - r->nexc) * sizeof(*r->exc_to));
		r->nexc = k;
	}
	r->exc_to[k] = v;
}

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int load_exc_file(struct chorus_ctx *ctx, struct chorus_rouge *r, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;
	int ret = 0;

	if (!f)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", path, strerror(errno));
	while ((got = getline(&line, &cap, f)) >= 0) {
		size_t n = (size_t)got, a = 0, ae, b, be;

		lineno++;
		while (a < n && is_ws(line[a]))
			a++;
		for (ae = a; ae < n && !is_ws(line[ae]); ae++)
			;
		for (b = ae; b < n && is_ws(line[b]); b++)
			;
		for (be = b; be < n && !is_ws(line[be]); be++)
			;
		if (ae == a)
			continue; /* blank line */
		if (be == b) {
			ret = chorus_error(ctx, CHORUS_EPARSE,
					   "%s:%zu: an exception needs a word and its base form",
					   path, lineno);
			goto out;
		}
		add_exception(r, line + a, ae - a, line + b, be - b);
	}
	if (ferror(f))
		ret = chorus_error(ctx, CHORUS_EIO, "%s: read error", path);
out:
	free(line);
	fclose(f);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder dir not starting with '.', sorted; the caller frees them. */
static int list_dir(struct chorus_ctx *ctx, const char *dir, char ***names, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		CHORUS_GROW(v, n + 1, cap);
		v[n++] = chorus_xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	*names = v;
	*count = n;
	return 0;
}

static char *join_path(const char *dir, const char *name)
{
	struct chorus__buf b = { 0 };

	chorus__buf_adds(&b, dir);
	if (b.len && b.ptr[b.len - 1] != '/')
		chorus__buf_addch(&b, '/');
	chorus__buf_adds(&b, name);
	return chorus__buf_detach(&b, NULL);
}

static void free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int chorus_rouge_load_exceptions(struct chorus_ctx *ctx, struct chorus_rouge *r,
				 const char *path)
{
	struct stat st;
	char **names = NULL;
	size_t n = 0, i, used = 0;
	int ret;

	if (stat(path, &st) != 0)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return load_exc_file(ctx, r, path);
	ret = list_dir(ctx, path, &names, &n);
	if (ret)
		return ret;
	for (i = 0; i < n; i++) {
		char *p;

		if (strlen(names[i]) < 5 || strcmp(names[i] + strlen(names[i]) - 4, ".exc"))
			continue;
		p = join_path(path, names[i]);
		ret = load_exc_file(ctx, r, p);
		free(p);
		if (ret)
			goto out;
		used++;
	}
	if (!used)
		ret = chorus_error(ctx, CHORUS_ENOTFOUND, "%s: no .exc file in this folder", path);
out:
	free_names(names, n);
	return ret;
}

/* ---- words ----------------------------------------------------------------------- */

/*
 * Appends to r->kept the part of text that ROUGE keeps under the word limit, lines
 * joined by '\n'. A line's fields are Perl's split(/\s+/): the runs of non-blanks, plus
 * an empty first field when the line starts with a blank and has a run.
 */
static void apply_limit(struct chorus_rouge *r, const char *text, size_t len)
{
	size_t pos = 0, used = 0, limit = r->opt.word_limit;

	chorus__buf_reset(&r->kept);
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, i, runs = 0, fields, cut;
		int lead;

		if (end == pos) { /* an empty line is skipped */
			pos = end + 1;
			continue;
		}
		if (limit == 0) {
			chorus__buf_add(&r->kept, text + pos, end - pos);
			chorus__buf_addch(&r->kept, '\n');
			pos = end + 1;
			continue;
		}
		for (i = pos; i < end; i++)
			if (!is_ws((unsigned char)text[i]) &&
			    (i == pos || is_ws((unsigned char)text[i - 1])))
				runs++;
		lead = runs > 0 && is_ws((unsigned char)text[pos]);
		fields = runs + (size_t)lead;
		if (used + fields < limit) {
			chorus__buf_add(&r->kept, text + pos, end - pos);
			chorus__buf_addch(&r->kept, '\n');
			used += fields;
			pos = end + 1;
			continue;
		}
		/* the line that reaches the limit: keep its first (limit - used) fields */
		cut = limit - used - (size_t)lead;
		for (i = pos; i < end && cut > 0; i++)
			if (!is_ws((unsigned char)text[i]) &&
			    (i + 1 == end || is_ws((unsigned char)text[i + 1])))
				cut--;
		chorus__buf_add(&r->kept, text + pos, i - pos);
		break;
	}
}

static int is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The id of word w[0 .. n) (lowercase) after stemming. */
static uint32_t word_id(struct chorus_rouge *r, const char *w, size_t n)
{
	char small[MAX_STEM_WORD + 1], *buf = small;
	size_t sl;
	uint32_t id, k;

	if (!r->opt.stem || n <= 3)
		return chorus_lexicon_intern(r->words, w, n);
	k = chorus_lexicon_find(r->exc, w, n);
	if (k && k <= r->nexc && r->exc_to[k])
		return r->exc_to[k];
	if (n > MAX_STEM_WORD)
		buf = chorus_xmalloc(n + 1);
	sl = chorus_rouge_porter(w, n, buf, n + 1);
	id = chorus_lexicon_intern(r->words, buf, sl);
	if (buf != small)
		free(buf);
	return id;
}

/* The word ids of text into r->ids; returns their count. */
static size_t words(struct chorus_rouge *r, const char *text, size_t len)
{
	const char *s;
	size_t n = 0, i, k;
	char low[MAX_STEM_WORD + 1];

	apply_limit(r, text, len);
	s = chorus__buf_str(&r->kept);
	len = r->kept.len;
	for (i = 0; i < len;) {
		size_t start = i, wl;
		char *w;

		if (!is_alnum((unsigned char)s[i])) {
			i++;
			continue;
		}
		while (i < len && is_alnum((unsigned char)s[i]))
			i++;
		wl = i - start;
		if (wl <= MAX_STEM_WORD) {
			w = low;
		} else {
			w = chorus_xmalloc(wl);
		}
		for (k = 0; k < wl; k++) {
			char c = s[start + k];

			w[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
		}
		CHORUS_GROW(r->ids, n + 1, r->ids_cap);
		r->ids[n++] = word_id(r, w, wl);
		if (w != low)
			free(w);
	}
	return n;
}

void chorus_rouge_words(struct chorus_rouge *r, const char *text, size_t len, char **out)
{
	struct chorus__buf b = { 0 };
	size_t n = words(r, text, len), i;

	for (i = 0; i < n; i++) {
		if (i)
			chorus__buf_addch(&b, ' ');
		chorus__buf_adds(&b, chorus_lexicon_str(r->words, r->ids[i], NULL));
	}
	*out = chorus__buf_detach(&b, NULL);
}

/* ---- counting -------------------------------------------------------------------- */

/* A gram: one id (a unigram) or two (a pair, the first in the high half). */
static uint64_t pair(uint32_t a, uint32_t b)
{
	return ((uint64_t)a << 32) | b;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The grams of the n ids in r->ids, per metric, sorted; counts in cnt. */
static void make_grams(struct chorus_rouge *r, size_t n, uint64_t **out, size_t cnt[])
{
	const uint32_t *id = r->ids;
	size_t i, j, k;
	int m;

	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		/* enough for any metric: SU holds at most n * (skip_distance + 2) grams */
		size_t need = n * ((size_t)r->opt.skip_distance + 2) + 1;

		CHORUS_GROW(out[m], need, r->grams_cap[m]);
	}
	k = 0;
	for (i = 0; i < n; i++)
		out[CHORUS_ROUGE_1][k++] = id[i];
	cnt[CHORUS_ROUGE_1] = k;
	k = 0;
	for (i = 0; i + 1 < n; i++)
		out[CHORUS_ROUGE_2][k++] = pair(id[i], id[i + 1]);
	cnt[CHORUS_ROUGE_2] = k;
	k = 0;
	for (i = 0; i + 1 < n; i++) { /* ROUGE's loop stops before the last word */
		if (r->opt.skip_unigrams)
			out[CHORUS_ROUGE_SU][k++] = id[i];
		for (j = i + 1; j < n && j <= i + (size_t)r->opt.skip_distance + 1; j++)
			out[CHORUS_ROUGE_SU][k++] = pair(id[i], id[j]);
	}
	cnt[CHORUS_ROUGE_SU] = k;
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++)
		if (cnt[m] > 1)
			qsort(out[m], cnt[m], sizeof(uint64_t), cmp_u64);
}

/* Clipped matches between two sorted gram lists: the sum over grams of min counts. */
static size_t clipped_hits(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, hits = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (a[i] > b[j]) {
			j++;
		} else {
			uint64_t g = a[i];
			size_t ca = 0, cb = 0;

			while (i < na && a[i] == g)
				i++, ca++;
			while (j < nb && b[j] == g)
				j++, cb++;
			hits += ca < cb ? ca : cb;
		}
	}
	return hits;
}

/* A value rounded as Perl's sprintf("%7.5f") rounds it. */
static double round5(double x)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.5f", x);
	return strtod(buf, NULL);
}

static void finish_score(struct chorus_rouge_score *s, double alpha)
{
	double den;

	s->recall = s->model_count ? round5((double)s->hits / (double)s->model_count) : 0.0;
	s->precision = s->peer_count ? round5((double)s->hits / (double)s->peer_count) : 0.0;
	den = (1 - alpha) * s->precision + alpha * s->recall;
	s->f = den > 0 ? round5(s->precision * s->recall / den) : 0.0;
}

void chorus_rouge_score(struct chorus_rouge *r, const char *peer, size_t peer_len,
			const char *const *refs, const size_t *ref_lens, size_t nrefs,
			struct chorus_rouge_score out[CHORUS_ROUGE_METRICS])
{
	uint64_t *pg[CHORUS_ROUGE_METRICS] = { NULL, NULL, NULL };
	size_t pcap[CHORUS_ROUGE_METRICS] = { 0, 0, 0 }, pcnt[CHORUS_ROUGE_METRICS], mcnt[CHORUS_ROUGE_METRICS];
	size_t n, i;
	int m;

	memset(out, 0, sizeof(*out) * CHORUS_ROUGE_METRICS);
	/* the summary's grams are kept in their own arrays while the references reuse
	 * the scratch ones */
	n = words(r, peer, peer_len);
	make_grams(r, n, r->grams, pcnt);
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		CHORUS_GROW(pg[m], pcnt[m] + 1, pcap[m]);
		memcpy(pg[m], r->grams[m], pcnt[m] * sizeof(uint64_t));
	}
	for (i = 0; i < nrefs; i++) {
		n = words(r, refs[i], ref_lens[i]);
		make_grams(r, n, r->grams, mcnt);
		for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
			out[m].hits += clipped_hits(pg[m], pcnt[m], r->grams[m], mcnt[m]);
			out[m].model_count += mcnt[m];
			out[m].peer_count += pcnt[m];
		}
	}
	for (m = 0; m < CHORUS_ROUGE_METRICS; m++) {
		finish_score(&out[m], r->opt.alpha);
		free(pg[m]);
	}
}

/* ---- averages -------------------------------------------------------------------- */

/* drand48 as Perl's srand(seed) and rand() compute it (Perl_drand48_r). */
struct rng {
	uint64_t x;
};

static void rng_seed(struct rng *g, uint32_t seed)
{
	g->x = ((uint64_t)seed << 16) + 0x330e;
}

static double rng_next(struct rng *g)
{
	g->x = (g->x * 0x5deece66dULL + 0xb) & ((1ULL << 48) - 1);
	return ldexp((double)g->x, -48);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void interval(double *v, unsigned k, double confidence, struct chorus_rouge_interval *out)
{
	double sum = 0, delta, ratio;
	size_t ua, la;
	unsigned i;

	qsort(v, k, sizeof(double), cmp_double);
	for (i = 0; i < k; i++)
		sum += v[i];
	out->mean = round5(sum / k);
	/* ROUGE's index arithmetic, kept as it is */
	delta = k * ((100 - confidence) / 2.0) / 100.0;
	ua = (size_t)(k - delta - 1);
	la = (size_t)delta;
	ratio = k - delta - 1 - (double)ua;
	if (ua + 1 >= k)
		ua = k >= 2 ? k - 2 : 0;
	if (la + 1 >= k)
		la = k >= 2 ? k - 2 : 0;
	if (k < 2) {
		out->low = out->high = round5(v[0]);
		return;
	}
	out->low = round5(v[la] + (v[la + 1] - v[la]) * ratio);
	out->high = round5(v[ua] + (v[ua + 1] - v[ua]) * ratio);
}

void chorus_rouge_bootstrap(const struct chorus_rouge_score *scores, size_t n,
			    unsigned resamples, double confidence,
			    struct chorus_rouge_average *out)
{
	double *rv, *pv, *fv;
	unsigned k;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return;
	if (resamples == 0) {
		double r = 0, p = 0, f = 0;

		for (i = 0; i < n; i++) {
			r += scores[i].recall;
			p += scores[i].precision;
			f += scores[i].f;
		}
		out->recall.mean = out->recall.low = out->recall.high = round5(r / (double)n);
		out->precision.mean = out->precision.low = out->precision.high =
			round5(p / (double)n);
		out->f.mean = out->f.low = out->f.high = round5(f / (double)n);
		return;
	}
	rv = chorus_xmalloc(chorus_xmul(resamples, sizeof(double)));
	pv = chorus_xmalloc(chorus_xmul(resamples, sizeof(double)));
	fv = chorus_xmalloc(chorus_xmul(resamples, sizeof(double)));
	for (k = 0; k < resamples; k++) {
		struct rng g;
		double r = 0, p = 0, f = 0;

		rng_seed(&g, k);
		for (i = 0; i < n; i++) {
			size_t j = (size_t)((double)n * rng_next(&g));

			if (j >= n)
				j = n - 1;
			r += scores[j].recall;
			p += scores[j].precision;
			f += scores[j].f;
		}
		rv[k] = r / (double)n;
		pv[k] = p / (double)n;
		fv[k] = f / (double)n;
	}
	interval(rv, resamples, confidence, &out->recall);
	interval(pv, resamples, confidence, &out->precision);
	interval(fv, resamples, confidence, &out->f);
	free(rv);
	free(pv);
	free(fv);
}

/* ---- evaluation sets ------------------------------------------------------------- */

static void item_release(struct chorus_rouge_item *it)
{
	free(it->id);
	free(it->summary);
	free_names(it->refs, it->nrefs);
}

void chorus_rouge_set_release(struct chorus_rouge_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		item_release(&set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = set->cap = 0;
}

static int cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct chorus_rouge_item *)a)->id,
		      ((const struct chorus_rouge_item *)b)->id);
}

static size_t topic_len(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot ? (size_t)(dot - name) : strlen(name);
}

int chorus_rouge_set_from_dirs(struct chorus_ctx *ctx, struct chorus_rouge_set *set,
			       const char *refs_dir, const char *sums_dir,
			       chorus_diag_fn on_diag, void *arg)
{
	char **refs = NULL, **sums = NULL;
	size_t nr = 0, ns = 0, i, j;
	int ret;

	ret = list_dir(ctx, refs_dir, &refs, &nr);
	if (ret)
		goto out;
	ret = list_dir(ctx, sums_dir, &sums, &ns);
	if (ret)
		goto out;
	for (i = 0; i < ns; i++) {
		struct chorus_rouge_item it = { 0 };
		size_t tl = topic_len(sums[i]), cap = 0;

		for (j = 0; j < nr; j++) {
			if (topic_len(refs[j]) != tl || memcmp(refs[j], sums[i], tl))
				continue;
			CHORUS_GROW(it.refs, it.nrefs + 1, cap);
			it.refs[it.nrefs++] = join_path(refs_dir, refs[j]);
		}
		if (!it.nrefs) {
			if (on_diag) {
				char *p = join_path(sums_dir, sums[i]);

				on_diag(arg, p, "no reference in the references folder has this topic");
				free(p);
			}
			continue;
		}
		it.id = chorus_xstrdup(sums[i]);
		it.summary = join_path(sums_dir, sums[i]);
		CHORUS_GROW(set->items, set->n + 1, set->cap);
		set->items[set->n++] = it;
	}
	if (!set->n) {
		ret = chorus_error(ctx, CHORUS_EEMPTY, "%s: no summary has a reference in %s",
				   sums_dir, refs_dir);
		goto out;
	}
	qsort(set->items, set->n, sizeof(*set->items), cmp_item);
out:
	free_names(refs, nr);
	free_names(sums, ns);
	return ret;
}

/* path as written when absolute, else relative to the folder of the manifest. */
static char *manifest_path(const char *manifest, const char *p, size_t n)
{
	const char *slash = strrchr(manifest, '/');
	struct chorus__buf b = { 0 };

	if (p[0] != '/' && slash) {
		chorus__buf_add(&b, manifest, (size_t)(slash - manifest) + 1);
	}
	chorus__buf_add(&b, p, n);
	return chorus__buf_detach(&b, NULL);
}

int chorus_rouge_set_from_manifest(struct chorus_ctx *ctx, struct chorus_rouge_set *set,
				   const char *manifest, chorus_diag_fn on_diag, void *arg)
{
	FILE *f = fopen(manifest, "rb");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;
	int ret = 0;

	if (!f)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", manifest, strerror(errno));
	while ((got = getline(&line, &cap, f)) >= 0) {
		struct chorus_rouge_item it = { 0 };
		size_t n = (size_t)got, i = 0, rcap = 0, fields = 0;

		lineno++;
		while (i < n) {
			size_t s;

			while (i < n && is_ws(line[i]))
				i++;
			if (i >= n || (fields == 0 && line[i] == '#'))
				break;
			for (s = i; i < n && !is_ws(line[i]); i++)
				;
			if (fields++ == 0) {
				it.id = chorus_xstrndup(line + s, i - s);
				it.summary = manifest_path(manifest, line + s, i - s);
			} else {
				CHORUS_GROW(it.refs, it.nrefs + 1, rcap);
				it.refs[it.nrefs++] = manifest_path(manifest, line + s, i - s);
			}
		}
		if (fields == 0)
			continue;
		if (!it.nrefs) {
			if (on_diag) {
				char where[64];

				snprintf(where, sizeof(where), "%zu", lineno);
				{
					struct chorus__buf w = { 0 };

					chorus__buf_addf(&w, "%s:%s", manifest, where);
					on_diag(arg, chorus__buf_str(&w),
						"a summary needs at least one reference after it");
					chorus__buf_release(&w);
				}
			}
			item_release(&it);
			continue;
		}
		CHORUS_GROW(set->items, set->n + 1, set->cap);
		set->items[set->n++] = it;
	}
	if (ferror(f)) {
		ret = chorus_error(ctx, CHORUS_EIO, "%s: read error", manifest);
		goto out;
	}
	if (!set->n) {
		ret = chorus_error(ctx, CHORUS_EEMPTY, "%s: no summary with references", manifest);
		goto out;
	}
	qsort(set->items, set->n, sizeof(*set->items), cmp_item);
out:
	free(line);
	fclose(f);
	return ret;
}

static int read_file(struct chorus_ctx *ctx, const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct chorus__buf b = { 0 };
	char tmp[65536];
	size_t got;
	int ret = 0;

	*out = NULL;
	*len = 0;
	if (!f)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", path, strerror(errno));
	while ((got = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		if (b.len + got > MAX_FILE_BYTES) {
			ret = chorus_error(ctx, CHORUS_ETOOBIG, "%s: larger than %zu bytes", path,
					   MAX_FILE_BYTES);
			goto out;
		}
		chorus__buf_add(&b, tmp, got);
	}
	if (ferror(f)) {
		ret = chorus_error(ctx, CHORUS_EIO, "%s: read error", path);
		goto out;
	}
	*out = chorus__buf_detach(&b, len);
out:
	chorus__buf_release(&b);
	fclose(f);
	return ret;
}

int chorus_rouge_score_item(struct chorus_ctx *ctx, struct chorus_rouge *r,
			    const struct chorus_rouge_item *item,
			    struct chorus_rouge_score out[CHORUS_ROUGE_METRICS])
{
	char *peer = NULL, **refs = chorus_xcalloc(item->nrefs + 1, sizeof(char *));
	size_t peer_len, *lens = chorus_xcalloc(item->nrefs + 1, sizeof(size_t)), i;
	int ret;

	ret = read_file(ctx, item->summary, &peer, &peer_len);
	if (ret)
		goto out;
	for (i = 0; i < item->nrefs; i++) {
		ret = read_file(ctx, item->refs[i], &refs[i], &lens[i]);
		if (ret)
			goto out;
	}
	chorus_rouge_score(r, peer, peer_len, (const char *const *)refs, lens, item->nrefs, out);
out:
	free(peer);
	for (i = 0; i < item->nrefs; i++)
		free(refs[i]);
	free(refs);
	free(lens);
	return ret;
}
