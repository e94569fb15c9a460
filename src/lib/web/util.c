/*
 * web/util.c: text assembly for the web readers (white space collapsed, paragraph
 * breaks at block elements, UTF-8 kept valid) and the date forms pages and feeds use.
 */
#include <ctype.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "util/alloc.h"
#include "web/web_internal.h"

static const char replacement[] = "\xEF\xBF\xBD";

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;
		if (c == 0xED && s[1] >= 0xA0)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

size_t chorus__web_utf8_append(struct chorus__buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, bad = 0;

	chorus__buf_grow(b, n);
	while (i < n) {
		size_t k = utf8_seq(p + i, n - i);

		if (k == 1 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') {
			chorus__buf_add(b, p + run, i - run);
			i++;
			run = i;
			continue;
		}
		if (k == 0) {
			chorus__buf_add(b, p + run, i - run);
			chorus__buf_add(b, replacement, 3);
			bad++;
			i++;
			run = i;
			continue;
		}
		i += k;
	}
	chorus__buf_add(b, p + run, i - run);
	return bad;
}

static int is_space_at(const unsigned char *p, size_t left, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
		*len = 1;
		return 1;
	}
	if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {
		*len = 2;
		return 1;
	}
	return 0;
}

/* Appends text with white space collapsed into one space, joined to what b holds. */
static void add_collapsed(struct chorus__buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start;

	while (i < n) {
		size_t k;

		if (is_space_at(p + i, n - i, &k)) {
			while (i < n && is_space_at(p + i, n - i, &k))
				i += k;
			if (b->len && b->ptr[b->len - 1] != ' ' && b->ptr[b->len - 1] != '\n')
				chorus__buf_addch(b, ' ');
			continue;
		}
		start = i;
		while (i < n && !is_space_at(p + i, n - i, &k))
			i++;
		chorus__web_utf8_append(b, s + start, i - start);
	}
}

static void trim_tail_spaces(struct chorus__buf *b)
{
	size_t len = b->len;

	while (len && b->ptr[len - 1] == ' ')
		len--;
	chorus__buf_setlen(b, len);
}

void chorus__web_text_break(struct chorus__buf *b)
{
	trim_tail_spaces(b);
	if (!b->len)
		return;
	if (b->len >= 2 && b->ptr[b->len - 1] == '\n' && b->ptr[b->len - 2] == '\n')
		return;
	if (b->ptr[b->len - 1] == '\n')
		chorus__buf_addch(b, '\n');
	else
		chorus__buf_add(b, "\n\n", 2);
}

void chorus__web_text_finish(struct chorus__buf *b)
{
	size_t len = b->len;

	while (len && (b->ptr[len - 1] == ' ' || b->ptr[len - 1] == '\n'))
		len--;
	if (b->ptr)
		chorus__buf_setlen(b, len);
}

char *chorus__web_clean_line(const char *s)
{
	struct chorus__buf b = { 0 };
	char *out;
	size_t len;

	if (!s)
		return NULL;
	add_collapsed(&b, s, strlen(s));
	chorus__web_text_finish(&b);
	if (b.len && b.ptr[0] == ' ') {
		out = chorus_xstrdup(b.ptr + 1);
		chorus__buf_release(&b);
		if (!*out) {
			free(out);
			return NULL;
		}
		return out;
	}
	out = chorus__buf_detach(&b, &len);
	if (!len) {
		free(out);
		return NULL;
	}
	return out;
}

int chorus__web_is_block(const char *name)
{
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "body", "br", "center", "dd",
		"details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
		"hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
		"summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
	};
	size_t lo = 0, hi = sizeof(blocks) / sizeof(blocks[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, blocks[mid]);

		if (!c)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int is_skipped(const char *name)
{
	return !strcmp(name, "script") || !strcmp(name, "style") || !strcmp(name, "noscript") ||
	       !strcmp(name, "template") || !strcmp(name, "svg") || !strcmp(name, "head") ||
	       !strcmp(name, "iframe") || !strcmp(name, "object") || !strcmp(name, "select") ||
	       !strcmp(name, "textarea") || !strcmp(name, "button");
}

void chorus__web_node_text(struct chorus__buf *b, xmlNode *node, int depth)
{
	xmlNode *c;

	if (depth > CHORUS__WEB_MAX_DEPTH)
		return;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content)
			add_collapsed(b, (const char *)node->content,
				      strlen((const char *)node->content));
		return;
	}
	if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE &&
	    node->type != XML_HTML_DOCUMENT_NODE)
		return;
	if (node->type == XML_ELEMENT_NODE) {
		const char *name = (const char *)node->name;

		if (is_skipped(name))
			return;
		if (chorus__web_is_block(name)) {
			chorus__web_text_break(b);
			for (c = node->children; c; c = c->next)
				chorus__web_node_text(b, c, depth + 1);
			chorus__web_text_break(b);
			return;
		}
	}
	for (c = node->children; c; c = c->next)
		chorus__web_node_text(b, c, depth + 1);
}

char *chorus__web_fragment_text(const char *html, size_t n)
{
	struct chorus__buf b = { 0 };
	htmlDocPtr doc;
	size_t len;

	if (n > (size_t)64 << 20)
		n = (size_t)64 << 20;
	doc = htmlReadMemory(html, (int)n, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (doc) {
		chorus__web_node_text(&b, (xmlNode *)doc, 0);
		xmlFreeDoc(doc);
	}
	chorus__web_text_finish(&b);
	if (b.len && b.ptr[0] == ' ') {
		char *out = chorus_xstrdup(b.ptr + 1);

		chorus__buf_release(&b);
		return out;
	}
	return chorus__buf_detach(&b, &len);
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* Reads exactly n digits at *p into *v. */
static int digits(const char **p, int n, int *v)
{
	int x = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return 0;
}

static int valid_ymd(int y, int mo, int d)
{
	return y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

static int parse_iso(const char *s, chorus_time *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;
	const char *p = s;

	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
	    digits(&p, 2, &d) || !valid_ymd(y, mo, d))
		return CHORUS_EPARSE;
	if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return CHORUS_EPARSE;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &se))
				return CHORUS_EPARSE;
			if (*p == '.' || *p == ',') {
				p++;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		while (*p == ' ')
			p++;
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p == '-' ? -1 : 1;
			p++;
			if (digits(&p, 2, &oh))
				return CHORUS_EPARSE;
			if (*p == ':')
				p++;
			if (isdigit((unsigned char)*p) && digits(&p, 2, &om))
				return CHORUS_EPARSE;
		}
	}
	if (h > 24 || mi > 59 || se > 60 || oh > 14 || om > 59)
		return CHORUS_EPARSE;
	*out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se -
	       sign * (oh * 3600 + om * 60);
	return 0;
}

static int month_of(const char *p)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char m[3];
	int i;

	for (i = 0; i < 3; i++) {
		if (!p[i])
			return 0;
		m[i] = (char)tolower((unsigned char)p[i]);
	}
	for (i = 0; i < 12; i++)
		if (!memcmp(months + 3 * i, m, 3))
			return i + 1;
	return 0;
}

static int parse_rfc2822(const char *s, chorus_time *out)
{
	const char *p = s;
	int d = 0, mo, y = 0, h = 0, mi = 0, se = 0, off = 0, n = 0;

	while (*p == ' ')
		p++;
	if (isalpha((unsigned char)*p)) { /* day name */
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		while (*p == ' ')
			p++;
	}
	while (isdigit((unsigned char)*p) && n < 2) {
		d = d * 10 + (*p++ - '0');
		n++;
	}
	if (!n || *p != ' ')
		return CHORUS_EPARSE;
	p++;
	mo = month_of(p);
	if (!mo)
		return CHORUS_EPARSE;
	while (isalpha((unsigned char)*p))
		p++;
	while (*p == ' ')
		p++;
	if (digits(&p, 4, &y) || !valid_ymd(y, mo, d))
		return CHORUS_EPARSE;
	while (*p == ' ')
		p++;
	if (isdigit((unsigned char)*p)) {
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return CHORUS_EPARSE;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &se))
				return CHORUS_EPARSE;
		}
		while (*p == ' ')
			p++;
		if (*p == '+' || *p == '-') {
			int sign = *p == '-' ? -1 : 1, hh, mm;

			p++;
			if (digits(&p, 2, &hh) || digits(&p, 2, &mm))
				return CHORUS_EPARSE;
			off = sign * (hh * 3600 + mm * 60);
		} else if (!strncmp(p, "EST", 3)) {
			off = -5 * 3600;
		} else if (!strncmp(p, "EDT", 3)) {
			off = -4 * 3600;
		} else if (!strncmp(p, "CST", 3)) {
			off = -6 * 3600;
		} else if (!strncmp(p, "CDT", 3)) {
			off = -5 * 3600;
		} else if (!strncmp(p, "MST", 3)) {
			off = -7 * 3600;
		} else if (!strncmp(p, "MDT", 3)) {
			off = -6 * 3600;
		} else if (!strncmp(p, "PST", 3)) {
			off = -8 * 3600;
		} else if (!strncmp(p, "PDT", 3)) {
			off = -7 * 3600;
		}
	}
	if (h > 24 || mi > 59 || se > 60)
		return CHORUS_EPARSE;
	*out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + se -
	       off;
	return 0;
}

int chorus__web_parse_date(const char *s, chorus_time *out)
{
	if (!s)
		return CHORUS_EPARSE;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (!parse_iso(s, out))
		return 0;
	return parse_rfc2822(s, out);
}
