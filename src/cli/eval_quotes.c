/*
 * cli/eval_quotes.c: `chorus eval quotes`: direct quotes and their speakers against
 * the PolNeAR attribution annotations (brat .ann files: Source, Cue and Content spans
 * of each attribution relation, character offsets into the raw text).
 *
 * Matching rules (printed by --help as well):
 * - A gold direct quote is the Content span of an attribution whose text holds a
 *   double quotation mark (" “ ” «, or TeX-style '' and ``); its gold speaker is that
 *   attribution's Source span.
 * - A predicted direct quote is a quote chorus_extract() marks CHORUS_QUOTE_DIRECT.
 *   Its span (bytes of the clean text) is mapped back to characters of the raw text by
 *   aligning the letters and digits of both texts.
 * - A prediction matches a gold quote when their spans overlap. Quote precision:
 *   matched predictions / predictions; recall: matched gold quotes / gold quotes.
 * - The speaker is right when the predicted source span overlaps the gold Source span,
 *   or a mention of the predicted speaker entity does, or the gold Source text holds the
 *   last word of the predicted speaker's name (the same resolved entity named elsewhere),
 *   or the gold Source is "he"/"she" and the last person named before it is the
 *   predicted speaker.
 *   "Quote with speaker" precision and recall count only matches whose speaker is right.
 * - A text annotated by several annotators is scored once, on the first .ann file in
 *   name order.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chorus/extract.h"
#include "cli.h"

struct gold {
	long cb, ce; /* content, characters */
	long sb, se; /* source, characters; sb < 0 when none */
	char *src_text;
	int hit, hit_speaker;
};

struct counts {
	size_t pred, pred_ok, pred_ok_sp;
	size_t gold, gold_ok, gold_ok_sp;
	size_t docs;
};

static void usage(FILE *out)
{
	fputs("usage: chorus eval quotes [--split dev|train] [--data DIR] [--verbose] [PATH]\n"
	      "\n"
	      "Scores direct quotes and their speakers against PolNeAR annotations.\n"
	      "DIR is the PolNeAR folder (default ../shared/data/polnear); PATH, if given, is a\n"
	      "split folder holding text/ and attributions/. Prints precision and recall of\n"
	      "direct quotes (content span overlap) and of quotes with the right speaker.\n"
	      "\n"
	      "Matching: a gold direct quote is an attribution's Content span holding a\n"
	      "quotation mark; a prediction matches when the spans overlap (predicted spans are\n"
	      "mapped to raw-text characters by aligning letters and digits); the speaker is\n"
	      "right when the predicted source span, or a mention of the predicted speaker,\n"
	      "overlaps the gold Source span, or the gold Source holds the speaker's last name.\n"
	      "A text with several annotators is scored on its first .ann file.\n",
	      out);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			char *nb;
			cap = cap * 2 + 65536;
			nb = realloc(buf, cap + 1);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Letters and digits of a text with their positions: characters (raw) or bytes (clean). */
struct stream {
	char *c;
	long *pos;
	size_t n;
};

static void stream_make(struct stream *s, const char *t, size_t len, int chars)
{
	size_t i;
	long cp = -1; /* the character the current byte belongs to */

	s->c = malloc(len + 1);
	s->pos = malloc((len + 1) * sizeof(long));
	s->n = 0;
	if (!s->c || !s->pos) {
		cli_error("out of memory");
		exit(EXIT_FAILED);
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if ((c & 0xC0) != 0x80)
			cp++;
		if (isalnum(c)) {
			s->c[s->n] = (char)tolower(c);
			s->pos[s->n++] = chars ? cp : (long)i;
		}
	}
}

static void stream_free(struct stream *s)
{
	free(s->c);
	free(s->pos);
}

/* map[i]: the raw character position aligned with clean stream index i (-1 none). */
static long *align(const struct stream *clean, const struct stream *raw)
{
	long *map = malloc((clean->n + 1) * sizeof(long));
	size_t i = 0, j = 0;

	if (!map) {
		cli_error("out of memory");
		exit(EXIT_FAILED);
	}
	while (i < clean->n) {
		if (j < raw->n && clean->c[i] == raw->c[j]) {
			map[i++] = raw->pos[j++];
			continue;
		}
		/* resync: find the next 6 clean characters in the raw stream ahead */
		{
			size_t k, want = clean->n - i < 6 ? clean->n - i : 6, found = (size_t)-1;
			for (k = j; k + want <= raw->n && k < j + 20000; k++)
				if (!memcmp(raw->c + k, clean->c + i, want)) {
					found = k;
					break;
				}
			if (found == (size_t)-1) {
				map[i++] = -1;
				continue;
			}
			j = found;
		}
	}
	return map;
}

/* The raw character span of clean bytes [b, e): first and last aligned alnum inside. */
static int map_span(const struct stream *clean, const long *map, uint32_t b, uint32_t e, long *rb, long *re)
{
	size_t lo = 0, hi = clean->n, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (clean->pos[mid] < (long)b)
			lo = mid + 1;
		else
			hi = mid;
	}
	*rb = *re = -1;
	for (i = lo; i < clean->n && clean->pos[i] < (long)e; i++)
		if (map[i] >= 0) {
			if (*rb < 0)
				*rb = map[i];
			*re = map[i] + 1;
		}
	return *rb >= 0;
}

static int overlaps(long a, long b, long c, long d)
{
	return a < d && c < b;
}

/* Reads the attributions of an .ann file: direct quotes with their sources. */
static size_t read_gold(const char *ann, size_t len, const char *raw, struct gold **out)
{
	struct tb {
		char id[16];
		char type[16];
		long b, e;
	} *tbs = NULL;
	size_t ntb = 0, cap = 0, ng = 0, capg = 0;
	struct gold *g = NULL;
	const char *p = ann, *end = ann + len;
	size_t pass;

	for (pass = 0; pass < 2; pass++) {
		p = ann;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
			char line[4096];
			if (ll >= sizeof(line))
				ll = sizeof(line) - 1;
			memcpy(line, p, ll);
			line[ll] = '\0';
			p = nl ? nl + 1 : end;
			if (pass == 0 && line[0] == 'T') {
				struct tb t;
				char *tab = strchr(line, '\t'), *sp, *q;
				if (!tab)
					continue;
				memset(&t, 0, sizeof(t));
				snprintf(t.id, sizeof(t.id), "%.*s", (int)(tab - line), line);
				sp = strchr(tab + 1, ' ');
				if (!sp)
					continue;
				snprintf(t.type, sizeof(t.type), "%.*s", (int)(sp - tab - 1), tab + 1);
				t.b = strtol(sp + 1, &q, 10);
				t.e = strtol(q, &q, 10);
				while (*q == ';') { /* discontinuous: the hull */
					strtol(q + 1, &q, 10);
					t.e = strtol(q, &q, 10);
				}
				if (ntb == cap) {
					cap = cap * 2 + 64;
					tbs = realloc(tbs, cap * sizeof(*tbs));
					if (!tbs)
						exit(EXIT_FAILED);
				}
				tbs[ntb++] = t;
			} else if (pass == 1 && line[0] == 'E') {
				char *q = strchr(line, '\t');
				long cb = -1, ce = -1, sb = -1, se = -1;
				char *tok;
				size_t k;
				if (!q)
					continue;
				tok = q + 1;
				while (*tok) {
					char role[32], ref[16];
					char *colon = strchr(tok, ':'), *spc;
					if (!colon)
						break;
					spc = strchr(colon, ' ');
					snprintf(role, sizeof(role), "%.*s", (int)(colon - tok), tok);
					snprintf(ref, sizeof(ref), "%.*s", (int)(spc ? spc - colon - 1 : (long)strlen(colon + 1)),
						 colon + 1);
					for (k = 0; k < ntb; k++)
						if (!strcmp(tbs[k].id, ref)) {
							if (!strcmp(role, "Content"))
								cb = tbs[k].b, ce = tbs[k].e;
							else if (!strcmp(role, "Source"))
								sb = tbs[k].b, se = tbs[k].e;
						}
					tok = spc ? spc + 1 : colon + strlen(colon);
				}
				if (cb < 0)
					continue;
				/* is it a direct quote: a quotation mark inside the content? */
				{
					long cp = -1;
					const char *r = raw;
					int quoted = 0;
					char *src = NULL;
					size_t sl = 0;
					for (; *r; r++) {
						unsigned char c = (unsigned char)*r;
						if ((c & 0xC0) != 0x80)
							cp++;
						if (cp >= cb && cp < ce &&
						    (c == '"' || !strncmp(r, "''", 2) || !strncmp(r, "``", 2) ||
						     !strncmp(r, "\xe2\x80\x9c", 3) ||
						     !strncmp(r, "\xe2\x80\x9d", 3) || !strncmp(r, "\xc2\xab", 2)))
							quoted = 1;
						if (sb >= 0 && cp >= sb && cp < se && sl < 200) {
							if (!src)
								src = calloc(1, 256);
							if (src)
								src[sl++] = *r;
						}
					}
					if (!quoted) {
						free(src);
						continue;
					}
					if (ng == capg) {
						capg = capg * 2 + 16;
						g = realloc(g, capg * sizeof(*g));
						if (!g)
							exit(EXIT_FAILED);
					}
					memset(&g[ng], 0, sizeof(*g));
					g[ng].cb = cb;
					g[ng].ce = ce;
					g[ng].sb = sb;
					g[ng].se = se;
					g[ng].src_text = src;
					ng++;
				}
			}
		}
	}
	free(tbs);
	*out = g;
	return ng;
}

static int contains_word_ci(const char *hay, const char *word)
{
	size_t n = strlen(word), i;

	if (!hay || !n)
		return 0;
	for (i = 0; hay[i]; i++)
		if (!strncasecmp(hay + i, word, n) && (i == 0 || !isalnum((unsigned char)hay[i - 1])) &&
		    !isalnum((unsigned char)hay[i + n]))
			return 1;
	return 0;
}

static int speaker_right(const struct chorus_extraction *x, const struct chorus_quote *q,
			 const struct stream *cs, const long *map, const struct gold *g)
{
	long rb, re;
	size_t k;

	if (g->sb < 0)
		return 0;
	if (q->src_end > q->src_start && map_span(cs, map, q->src_start, q->src_end, &rb, &re) &&
	    overlaps(rb, re, g->sb, g->se))
		return 1;
	if (q->speaker >= 0)
		for (k = 0; k < x->n_mentions; k++)
			if (x->mentions[k].entity == (uint32_t)q->speaker &&
			    map_span(cs, map, x->mentions[k].start, x->mentions[k].end, &rb, &re) &&
			    overlaps(rb, re, g->sb, g->se))
				return 1;
	/* a pronoun source: the person it resolves to, by the extraction's own rule (the last
	 * person named before it) */
	if (q->speaker >= 0 && g->src_text &&
	    (!strcasecmp(g->src_text, "he") || !strcasecmp(g->src_text, "she"))) {
		int last = -1;
		for (k = 0; k < x->n_mentions; k++)
			if (x->entities[x->mentions[k].entity].kind == CHORUS_ENT_PERSON &&
			    map_span(cs, map, x->mentions[k].start, x->mentions[k].end, &rb, &re) && re <= g->sb)
				last = (int)x->mentions[k].entity;
		if (last == q->speaker)
			return 1;
	}
	if (q->speaker_name) {
		const char *last = strrchr(q->speaker_name, ' ');
		last = last ? last + 1 : q->speaker_name;
		if (strlen(last) > 2 && contains_word_ci(g->src_text, last))
			return 1;
	}
	return 0;
}

struct meta {
	char *name, *publisher, *date;
};

static size_t read_meta(const char *path, struct meta **out)
{
	size_t len, n = 0, cap = 0;
	char *buf = read_all(path, &len), *p, *line;
	struct meta *m = NULL;

	*out = NULL;
	if (!buf)
		return 0;
	for (p = buf; p && *p; p = line) {
		char *cols[8];
		int k = 0;
		char *c = p;
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		while (k < 8) {
			char *tab = strchr(c, '\t');
			cols[k++] = c;
			if (!tab)
				break;
			*tab = '\0';
			c = tab + 1;
		}
		if (k < 6)
			continue;
		if (n == cap) {
			cap = cap * 2 + 256;
			m = realloc(m, cap * sizeof(*m));
			if (!m)
				exit(EXIT_FAILED);
		}
		m[n].name = strdup(cols[1]);
		m[n].publisher = strdup(cols[4]);
		m[n].date = strdup(cols[5]);
		n++;
	}
	free(buf);
	*out = m;
	return n;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void score_doc(struct chorus_ctx *ctx, const char *txtpath, const char *annpath, const struct meta *md,
		      struct counts *c, int verbose)
{
	size_t rlen, alen, ng, i, k;
	char *raw = read_all(txtpath, &rlen), *ann = read_all(annpath, &alen);
	struct chorus_article a;
	struct chorus_doc *doc = NULL;
	struct chorus_extraction *x = NULL;
	struct gold *g = NULL;
	struct stream cs, rs;
	long *map;

	if (!raw || !ann) {
		fprintf(stderr, "%s: cannot read\n", raw ? annpath : txtpath);
		free(raw);
		free(ann);
		return;
	}
	chorus_article_init(&a);
	a.id = strdup(txtpath);
	a.text = raw;
	a.text_len = rlen;
	if (md) {
		a.source = strdup(md->publisher);
		chorus_parse_date(md->date, &a.published);
	}
	if (chorus_doc_analyze(ctx, &a, NULL, &doc)) {
		fprintf(stderr, "%s: %s\n", txtpath, chorus_errmsg(ctx));
		free(ann);
		chorus_article_release(&a);
		return;
	}
	chorus_extract(ctx, doc, NULL, &x);
	ng = read_gold(ann, alen, raw, &g);
	stream_make(&cs, doc->text, doc->text_len, 0);
	stream_make(&rs, raw, rlen, 1);
	map = align(&cs, &rs);
	c->docs++;
	c->gold += ng;
	for (i = 0; i < x->n_quotes; i++) {
		const struct chorus_quote *q = &x->quotes[i];
		long rb, re;
		int hit = 0, hit_sp = 0;
		const char *gsrc = NULL;
		if (!(q->flags & CHORUS_QUOTE_DIRECT))
			continue;
		c->pred++;
		if (!map_span(&cs, map, q->start, q->end, &rb, &re))
			continue;
		for (k = 0; k < ng; k++)
			if (overlaps(rb, re, g[k].cb, g[k].ce)) {
				int sp = speaker_right(x, q, &cs, map, &g[k]);
				hit = 1;
				g[k].hit = 1;
				if (!gsrc)
					gsrc = g[k].src_text ? g[k].src_text : "";
				if (sp) {
					hit_sp = 1;
					g[k].hit_speaker = 1;
				}
			}
		c->pred_ok += (size_t)hit;
		c->pred_ok_sp += (size_t)hit_sp;
		if (getenv("CHORUS_EVAL_DEBUG")) {
			int near = (q->flags & CHORUS_QUOTE_NEAR) != 0, inh = (q->flags & CHORUS_QUOTE_INHERITED) != 0;
			int pro = (q->flags & CHORUS_QUOTE_PRONOUN) != 0, un = (q->flags & CHORUS_QUOTE_UNNAMED) != 0;
			size_t wds = 0, z;
			for (z = q->start; z < q->end; z++)
				wds += doc->text[z] == ' ';
			fprintf(stderr, "DBG near=%d inh=%d pro=%d un=%d words=%zu hit=%d sp=%d | %s | %s | %.*s\n", near, inh, pro, un,
				wds + 1, hit, hit_sp, q->speaker_name ? q->speaker_name : "?", gsrc ? gsrc : "-",
				(int)(doc->sents[q->sent].end - doc->sents[q->sent].start > 220 ? 220 : doc->sents[q->sent].end - doc->sents[q->sent].start),
				doc->text + doc->sents[q->sent].start);
		}
		if (verbose && !hit_sp)
			printf("%s: %s %ld-%ld %s%s%s: \"%.*s\"\n", txtpath, hit ? "WRONG-SPEAKER" : "FALSE", rb, re,
			       q->speaker_name ? q->speaker_name : "?", gsrc ? " (gold: " : "", gsrc ? gsrc : "", 
			       (int)(q->end - q->start), doc->text + q->start);
	}
	for (k = 0; k < ng; k++) {
		c->gold_ok += (size_t)g[k].hit;
		c->gold_ok_sp += (size_t)g[k].hit_speaker;
		if (verbose && !g[k].hit)
			printf("%s: MISSED %ld-%ld (source \"%s\")\n", txtpath, g[k].cb, g[k].ce,
			       g[k].src_text ? g[k].src_text : "");
		free(g[k].src_text);
	}
	free(g);
	free(map);
	stream_free(&cs);
	stream_free(&rs);
	chorus_extraction_free(x);
	chorus_doc_free(doc);
	chorus_article_release(&a);
	free(ann);
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0.0;
}

int eval_quotes(int argc, char **argv)
{
	const char *data = "../shared/data/polnear", *split = "dev", *path = NULL;
	char dir[4096], adir[8192], tdir[8192], mpath[8192];
	int verbose = 0, i;
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, capn = 0, k, nmeta;
	struct meta *meta;
	struct counts c;
	struct chorus_ctx *ctx;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return EXIT_DONE;
		} else if (!strcmp(argv[i], "--split") && i + 1 < argc) {
			split = argv[++i];
			if (strcmp(split, "dev") && strcmp(split, "train"))
				return cli_usage_error("eval quotes ", "--split takes dev or train");
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (!strcmp(argv[i], "--verbose")) {
			verbose = 1;
		} else if (argv[i][0] == '-') {
			return cli_usage_error("eval quotes ", "unknown option '%s'", argv[i]);
		} else {
			path = argv[i];
		}
	}
	if (path) {
		snprintf(dir, sizeof(dir), "%s", path);
		snprintf(mpath, sizeof(mpath), "%s/../metadata.tsv", path);
	} else {
		snprintf(dir, sizeof(dir), "%s/%s", data, split);
		snprintf(mpath, sizeof(mpath), "%s/metadata.tsv", data);
	}
	snprintf(adir, sizeof(adir), "%s/attributions", dir);
	snprintf(tdir, sizeof(tdir), "%s/text", dir);
	d = opendir(adir);
	if (!d) {
		cli_error("%s: cannot open the PolNeAR attributions folder", adir);
		return EXIT_FAILED;
	}
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".ann"))
			continue;
		if (nn == capn) {
			capn = capn * 2 + 128;
			names = realloc(names, capn * sizeof(*names));
			if (!names)
				return EXIT_FAILED;
		}
		names[nn++] = strdup(de->d_name);
	}
	closedir(d);
	if (nn)
		qsort(names, nn, sizeof(*names), name_cmp);
	nmeta = read_meta(mpath, &meta);
	memset(&c, 0, sizeof(c));
	ctx = chorus_ctx_new();
	for (k = 0; k < nn; k++) {
		char base[1024], tp[9300], ap[9300];
		char *us = strrchr(names[k], '_');
		size_t m;
		const struct meta *md = NULL;
		if (!us)
			continue;
		snprintf(base, sizeof(base), "%.*s", (int)(us - names[k]), names[k]);
		if (k > 0) {
			char *pu = strrchr(names[k - 1], '_');
			if (pu && pu - names[k - 1] == us - names[k] && !strncmp(names[k - 1], names[k], (size_t)(us - names[k])))
				continue; /* another annotator of the same text */
		}
		snprintf(tp, sizeof(tp), "%s/%s.txt", tdir, base);
		snprintf(ap, sizeof(ap), "%s/%s", adir, names[k]);
		for (m = 0; m < nmeta; m++)
			if (!strcmp(meta[m].name, base))
				md = &meta[m];
		score_doc(ctx, tp, ap, md, &c, verbose);
	}
	printf("documents: %zu\n", c.docs);
	printf("direct quotes: gold %zu, predicted %zu\n", c.gold, c.pred);
	printf("quote:              precision %.3f  recall %.3f  (%zu/%zu, %zu/%zu)\n", ratio(c.pred_ok, c.pred),
	       ratio(c.gold_ok, c.gold), c.pred_ok, c.pred, c.gold_ok, c.gold);
	printf("quote with speaker: precision %.3f  recall %.3f  (%zu/%zu, %zu/%zu)\n",
	       ratio(c.pred_ok_sp, c.pred), ratio(c.gold_ok_sp, c.gold), c.pred_ok_sp, c.pred, c.gold_ok_sp,
	       c.gold);
	for (k = 0; k < nn; k++)
		free(names[k]);
	free(names);
	for (k = 0; k < nmeta; k++) {
		free(meta[k].name);
		free(meta[k].publisher);
		free(meta[k].date);
	}
	free(meta);
	chorus_ctx_free(ctx);
	return c.docs ? EXIT_DONE : EXIT_FAILED;
}
