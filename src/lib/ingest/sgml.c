/*
 * ingest/sgml.c: the reader of TREC/DUC newswire SGML, the format of the news
 * collections used to evaluate summaries and retrieval (DUC, TAC, TREC, AQUAINT):
 *
 *   <DOC>
 *   <DOCNO> APW19990707.0181 </DOCNO>
 *   <DATE_TIME> 1999-07-07 08:30:27 </DATE_TIME>
 *   <HEADLINE> Clinton Focuses on American Indians </HEADLINE>
 *   <TEXT> <P> first paragraph </P> <P> ... </P> </TEXT>
 *   </DOC>
 *
 * A file holds one or more DOCs; each becomes an article: id = DOCNO, title =
 * HEADLINE (or TITLE, HL), published = DATE_TIME (or DATE; else the date in the
 * DOCNO, as in APW19990707), outlet = the wire named by the DOCNO's letters (APW:
 * Associated Press, NYT: New York Times, XIE: Xinhua...), text = the paragraphs of
 * TEXT separated by blank lines (P elements, else blank or indented lines). Other
 * elements (HEADER, SLUG, TRAILER...) are left out. Tags and element names are
 * matched without regard to case; entities &amp; &lt; &gt; &quot; &apos; and numeric
 * ones are decoded, and the wire's control codes (&QL;, &HT;, &Cx1f;...) dropped.
 *
 * The parser works on a memory buffer (chorus__sgml_parse) so that it can be tested
 * and fuzzed on its own; the reader slurps the input and hands each DOC to emit().
 */
#include <stdio.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/alloc.h"

#define MAX_INPUT_FACTOR 16 /* an SGML file may hold this many maximal articles */

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The offset of the first tag "<name" (or "</name" when closing) in s[from .. to)
 * followed by '>' or a blank (attributes), or `to` when there is none. *after gets the
 * offset just past the tag's '>' (to when the tag is never closed).
 */
static size_t find_tag(const char *s, size_t from, size_t to, const char *name, int closing,
		       size_t *after)
{
	size_t nl = strlen(name), i, k;

	for (i = from; i < to; i++) {
		const char *gt;

		if (s[i] != '<')
			continue;
		k = i + 1;
		if (closing) {
			if (k >= to || s[k] != '/')
				continue;
			k++;
		}
		if (to - k < nl + 1 || strncasecmp(s + k, name, nl) != 0)
			continue;
		k += nl;
		if (s[k] != '>' && !is_ws((unsigned char)s[k]))
			continue;
		gt = memchr(s + k, '>', to - k);
		if (after)
			*after = gt ? (size_t)(gt - s) + 1 : to;
		return i;
	}
	if (after)
		*after = to;
	return to;
}

/*
 * The content of the first element name in s[from .. to): *b and *e, the bounds of
 * what lies between <name> and </name> (or the end of the range when unclosed).
 * Returns 1 when the element is there, else 0.
 */
static int element(const char *s, size_t from, size_t to, const char *name, size_t *b, size_t *e)
{
	size_t open = find_tag(s, from, to, name, 0, b);

	if (open == to)
		return 0;
	*e = find_tag(s, *b, to, name, 1, NULL);
	return 1;
}

/* Appends UTF-8 for code point cp (nothing for invalid ones). */
static void add_utf8(struct chorus__buf *b, unsigned long cp)
{
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return;
	if (cp < 0x80) {
		chorus__buf_addch(b, (int)cp);
	} else if (cp < 0x800) {
		chorus__buf_addch(b, (int)(0xC0 | (cp >> 6)));
		chorus__buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		chorus__buf_addch(b, (int)(0xE0 | (cp >> 12)));
		chorus__buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		chorus__buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		chorus__buf_addch(b, (int)(0xF0 | (cp >> 18)));
		chorus__buf_addch(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
		chorus__buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		chorus__buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	}
}

/*
 * Decodes the entity at s[i] ('&') into b when it is one; returns the bytes it took
 * (0 when s[i] is a plain '&').
 */
static size_t entity(const char *s, size_t i, size_t to, struct chorus__buf *b)
{
	static const struct {
		const char *name, *text;
	} named[] = { { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
		      { "apos", "'" }, { "nbsp", " " } };
	size_t k = i + 1, n, j;

	while (k < to && k - i <= 12 && s[k] != ';' &&
	       ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
		(s[k] >= '0' && s[k] <= '9') || s[k] == '#'))
		k++;
	if (k >= to || s[k] != ';' || k == i + 1)
		return 0;
	n = k - i - 1;
	if (s[i + 1] == '#') {
		unsigned long cp = 0;
		int hex = n > 1 && lower(s[i + 2]) == 'x';

		for (j = i + 2 + (size_t)hex; j < k; j++) {
			int c = lower(s[j]), d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else
				return 0;
			cp = cp * (hex ? 16u : 10u) + (unsigned long)d;
			if (cp > 0x10FFFF)
				cp = 0x110000;
		}
		add_utf8(b, cp);
		return k - i + 1;
	}
	for (j = 0; j < sizeof(named) / sizeof(named[0]); j++)
		if (strlen(named[j].name) == n && !strncasecmp(s + i + 1, named[j].name, n)) {
			chorus__buf_adds(b, named[j].text);
			return k - i + 1;
		}
	return k - i + 1; /* a wire control code (&QL;, &HT;): dropped, a word break */
}

/*
 * Appends s[from .. to) as one line of text: tags removed, entities decoded, runs of
 * white space made one space, trimmed. Nothing is appended when it is blank; sep is
 * added first when b is not empty. Returns 1 when something was appended.
 */
static int add_clean(struct chorus__buf *b, const char *s, size_t from, size_t to, const char *sep)
{
	struct chorus__buf t = { 0 };
	size_t i = from, out = 0;
	int space = 0, ret = 0;

	while (i < to) {
		unsigned char c = (unsigned char)s[i];

		if (c == '<') {
			const char *gt = memchr(s + i, '>', to - i);

			if (gt) { /* a tag is a word break */
				space = 1;
				i = (size_t)(gt - s) + 1;
				continue;
			}
		}
		if (is_ws(c)) {
			space = 1;
			i++;
			continue;
		}
		if (c == '&') {
			struct chorus__buf ent = { 0 };
			size_t took = entity(s, i, to, &ent);

			if (took) {
				if (ent.len == 0 || (ent.len == 1 && ent.ptr[0] == ' ')) {
					space = 1; /* a control code or a no-break space */
				} else {
					if (space && t.len)
						chorus__buf_addch(&t, ' ');
					space = 0;
					chorus__buf_add(&t, ent.ptr, ent.len);
				}
				chorus__buf_release(&ent);
				i += took;
				continue;
			}
		}
		if (space && t.len)
			chorus__buf_addch(&t, ' ');
		space = 0;
		chorus__buf_addch(&t, c);
		i++;
	}
	out = t.len;
	if (out > 0) {
		if (b->len && sep)
			chorus__buf_adds(b, sep);
		chorus__buf_add(b, t.ptr, out);
		ret = 1;
	}
	chorus__buf_release(&t);
	return ret;
}

/* The paragraphs of a TEXT element s[from .. to), separated by blank lines, into b. */
static void paragraphs(struct chorus__buf *b, const char *s, size_t from, size_t to)
{
	size_t p = find_tag(s, from, to, "P", 0, NULL), i, start;

	if (p < to) {
		/* <P> elements; text before the first one is a paragraph too */
		add_clean(b, s, from, p, "\n\n");
		while (p < to) {
			size_t body, next, close;

			find_tag(s, p, to, "P", 0, &body);
			next = find_tag(s, body, to, "P", 0, NULL);
			close = find_tag(s, body, next, "P", 1, NULL);
			add_clean(b, s, body, close, "\n\n");
			if (close < next) { /* text between </P> and the next <P> */
				size_t after;

				find_tag(s, close, next, "P", 1, &after);
				add_clean(b, s, after, next, "\n\n");
			}
			p = next;
		}
		return;
	}
	/* no <P>: a paragraph ends at a blank line or before an indented line */
	start = from;
	for (i = from; i < to;) {
		const char *nl = memchr(s + i, '\n', to - i);
		size_t end = nl ? (size_t)(nl - s) : to, k = i;
		int blank, indented;

		while (k < end && is_ws((unsigned char)s[k]))
			k++;
		blank = k == end;
		indented = !blank && (s[i] == '\t' || (end - i >= 2 && s[i] == ' ' && s[i + 1] == ' '));
		if ((blank || indented) && i > start) {
			add_clean(b, s, start, i, "\n\n");
			start = i;
		}
		i = end < to ? end + 1 : to;
	}
	add_clean(b, s, start, to, "\n\n");
}

/* The wire service named by the letters that start a DOCNO, or NULL. */
static const char *wire(const char *id)
{
	static const struct {
		const char *prefix, *name;
	} wires[] = {
		{ "APW", "Associated Press" }, { "AP", "Associated Press" },
		{ "NYT", "New York Times" }, { "XIE", "Xinhua" }, { "XIN", "Xinhua" },
		{ "AFP", "Agence France-Presse" }, { "AFE", "Agence France-Presse" },
		{ "LTW", "Los Angeles Times/Washington Post" }, { "LAT", "Los Angeles Times" },
		{ "LA", "Los Angeles Times" }, { "WSJ", "Wall Street Journal" },
		{ "FT", "Financial Times" }, { "SJMN", "San Jose Mercury News" },
		{ "FBIS", "Foreign Broadcast Information Service" }, { "CNA", "Central News Agency" },
		{ "WPB", "Washington Post" }, { "UMD", "Ummah Press" },
	};
	size_t n = 0, i;

	while (id[n] >= 'A' && id[n] <= 'Z')
		n++;
	if (n == 0)
		return NULL;
	for (i = 0; i < sizeof(wires) / sizeof(wires[0]); i++)
		if (strlen(wires[i].prefix) == n && !strncmp(id, wires[i].prefix, n))
			return wires[i].name;
	return NULL;
}

static int digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

/*
 * The date of a DATE_TIME or DATE value: "1999-07-07[ 08:30[:27]]",
 * "07/07/1999[ 08:30:27]", "19990707[...]" or a TREC "990707"; UTC. 0 or CHORUS_EPARSE.
 */
static int parse_wire_date(const char *s, chorus_time *out)
{
	char iso[80];
	int y, mo, d, h = 0, mi = 0, sec = 0;
	size_t n = strlen(s), t;

	if (n >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, &y) && digits(s + 5, 2, &mo) &&
	    digits(s + 8, 2, &d))
		t = 10;
	else if (n >= 10 && s[2] == '/' && s[5] == '/' && digits(s, 2, &mo) &&
		 digits(s + 3, 2, &d) && digits(s + 6, 4, &y))
		t = 10;
	else if (n >= 8 && digits(s, 8, &y))
		d = y % 100, mo = y / 100 % 100, y /= 10000, t = 8;
	else if (n >= 6 && digits(s, 6, &y) && (n == 6 || !(s[6] >= '0' && s[6] <= '9')))
		d = y % 100, mo = y / 100 % 100, y = y / 10000 + (y / 10000 < 30 ? 2000 : 1900),
		t = 6;
	else
		return CHORUS_EPARSE;
	while (t < n && (s[t] == ' ' || s[t] == 'T'))
		t++;
	if (n - t >= 5 && s[t + 2] == ':' && digits(s + t, 2, &h) && digits(s + t + 3, 2, &mi)) {
		if (n - t >= 8 && s[t + 5] == ':' && !digits(s + t + 6, 2, &sec))
			sec = 0;
	}
	if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60)
		return CHORUS_EPARSE;
	snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
	return chorus_parse_date(iso, out);
}

/* The date in a DOCNO such as APW19990707.0181 (a run of 8 digits), or unknown. */
static chorus_time docno_date(const char *id)
{
	chorus_time t;
	size_t i = 0;

	while (id[i] && !(id[i] >= '0' && id[i] <= '9'))
		i++;
	if (strlen(id + i) >= 8 && id[i] <= '2' && parse_wire_date(id + i, &t) == 0)
		return t;
	return CHORUS_TIME_UNKNOWN;
}

/* The clean text of the first of the elements names[] present in s[from .. to), or NULL. */
static char *field(const char *s, size_t from, size_t to, const char *const *names)
{
	struct chorus__buf b = { 0 };
	size_t i, eb, ee;

	for (i = 0; names[i]; i++)
		if (element(s, from, to, names[i], &eb, &ee)) {
			if (add_clean(&b, s, eb, ee, " "))
				return chorus__buf_detach(&b, NULL);
			chorus__buf_release(&b);
		}
	return NULL;
}

/* Line number (1-based) of offset off, counting from a known (at, line) before it. */
static size_t line_of(const char *s, size_t off, size_t *at, size_t *line)
{
	for (; *at < off; (*at)++)
		if (s[*at] == '\n')
			(*line)++;
	return *line;
}

/* Reads the DOC s[from .. to) starting at line `line` into a and reports why not. */
static int parse_doc(const char *s, size_t from, size_t to, const char *name, size_t line,
		     struct chorus_article *a, const char **why)
{
	static const char *const docno[] = { "DOCNO", NULL };
	static const char *const dates[] = { "DATE_TIME", "DATE", NULL };
	static const char *const titles[] = { "HEADLINE", "TITLE", "HL", NULL };
	struct chorus__buf text = { 0 }, id = { 0 };
	char *date;
	size_t p, b, e;
	const char *src;

	chorus_article_init(a);
	a->id = field(s, from, to, docno);
	if (!a->id) {
		chorus__buf_addf(&id, "%s:%zu", name, line);
		a->id = chorus__buf_detach(&id, NULL);
	}
	a->title = field(s, from, to, titles);
	date = field(s, from, to, dates);
	if (!date || parse_wire_date(date, &a->published) != 0)
		a->published = docno_date(a->id);
	free(date);
	src = wire(a->id);
	if (src)
		a->source = chorus_xstrdup(src);
	for (p = from; element(s, p, to, "TEXT", &b, &e); p = e) {
		paragraphs(&text, s, b, e);
		if (e >= to)
			break;
	}
	if (!text.len) {
		*why = p == from ? "no <TEXT> element" : "the <TEXT> element holds no text";
		chorus__buf_release(&text);
		chorus_article_release(a);
		return -1;
	}
	a->text = chorus__buf_detach(&text, &a->text_len);
	return 0;
}

int chorus__sgml_parse(const char *s, size_t len, const char *name,
		       int (*on_doc)(void *arg, struct chorus_article *a, size_t line),
		       void (*on_problem)(void *arg, size_t line, const char *why), void *arg)
{
	size_t pos = 0, at = 0, line = 1, docs = 0;

	for (;;) {
		size_t open, start, close, next, resume, l;
		struct chorus_article a;
		const char *why = NULL;
		int rc;

		open = find_tag(s, pos, len, "DOC", 0, &start);
		if (open >= len)
			break;
		docs++;
		l = line_of(s, open, &at, &line);
		next = find_tag(s, start, len, "DOC", 0, NULL);
		close = find_tag(s, start, next, "DOC", 1, &resume);
		if (close >= next) {
			on_problem(arg, l, next < len ? "<DOC> has no </DOC> before the next <DOC>; read to it"
						      : "<DOC> has no </DOC>; read to the end");
			close = next;
			resume = next;
		}
		if (parse_doc(s, start, close, name, l, &a, &why) == 0) {
			rc = on_doc(arg, &a, l);
			if (rc)
				return rc;
		} else {
			on_problem(arg, l, why);
		}
		pos = resume > open ? resume : open + 1;
	}
	if (!docs)
		on_problem(arg, 1, "no <DOC> element: not TREC/DUC SGML");
	return 0;
}

int chorus__ingest_sgml_sniff(const char *name, const char *head, size_t n)
{
	size_t i = 0;
	int ext;

	if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && is_ws((unsigned char)head[i]))
		i++;
	ext = chorus__ingest_has_ext(name, ".sgml") || chorus__ingest_has_ext(name, ".sgm");
	if (n - i >= 5 && !strncasecmp(head + i, "<DOC", 4) &&
	    (head[i + 4] == '>' || is_ws((unsigned char)head[i + 4])))
		return ext ? 90 : 45; /* below a .txt name: .txt is always plain text */
	return ext ? 60 : 0;
}

struct reading {
	struct chorus__ingest *st;
	struct chorus__input *in;
	struct chorus__buf where;
};

static const char *where_at(struct reading *r, size_t line)
{
	chorus__buf_reset(&r->where);
	chorus__buf_addf(&r->where, "%s:%zu", r->in->name, line);
	return chorus__buf_str(&r->where);
}

static int emit_doc(void *arg, struct chorus_article *a, size_t line)
{
	struct reading *r = arg;
	const char *w = where_at(r, line);

	a->origin = chorus_xstrdup(w);
	return chorus__ingest_emit(r->st, a, w);
}

static void problem(void *arg, size_t line, const char *why)
{
	struct reading *r = arg;

	chorus__ingest_diag(r->st, where_at(r, line), "%s", why);
}

int chorus__ingest_sgml_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct reading r = { st, in, { 0 } };
	size_t limit = st->max_bytes > SIZE_MAX / MAX_INPUT_FACTOR
			       ? SIZE_MAX
			       : st->max_bytes * MAX_INPUT_FACTOR;
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = chorus__input_slurp(in, limit, &data, &len);
	if (rc == CHORUS_ETOOBIG) {
		chorus__ingest_diag(st, in->name, "over %zu bytes, the limit for an SGML file", limit);
		return 0;
	}
	if (rc < 0) {
		chorus__ingest_diag(st, in->name, "read error");
		return 0;
	}
	rc = chorus__sgml_parse(data, len, in->id, emit_doc, problem, &r);
	free(data);
	chorus__buf_release(&r.where);
	return rc;
}
