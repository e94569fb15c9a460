/*
 * web/html.c: one HTML page to one article record. The page is parsed with libxml2's
 * tolerant HTML parser (no network, bounded depth); metadata comes from JSON-LD,
 * Open Graph and other <meta> tags, <title>, <link rel=canonical>, <html lang> and
 * <time>; the main text is found by content scoring of the DOM.
 *
 * Content scoring follows the method of Arc90's Readability (as in Mozilla's
 * Readability.js): every block holding a run of inline text of 25 bytes or more
 * scores 1 + its commas + one per 100 bytes (at most 3); the score goes to its
 * ancestors, halved and then divided by three per level; each ancestor starts from
 * a score for its tag and for class/id words that mark content ("article", "story",
 * "body") or boilerplate ("comment", "sidebar", "share", "related"); scores are
 * scaled by the share of text that is not link text. The best ancestor and the
 * siblings that score near it hold the article. Inside them, blocks that look like
 * boilerplate (link lists, share bars, captions, forms, newsletter boxes) are left
 * out. When the page's JSON-LD gives an articleBody that the DOM text does not
 * cover, the JSON-LD body is used instead.
 */
#include <ctype.h>
#include <stdio.h>
#include <limits.h>
#include <string.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "web/web_internal.h"

#define MIN_PARA 25 /* bytes of inline text for a block to count as a paragraph */

/* What the content scoring keeps per element, reached by xmlNode._private. */
struct nstat {
	double score;
	uint32_t text;     /* bytes of text below, white space runs counted once */
	uint32_t link;     /* of which inside <a> */
	uint32_t commas;   /* commas in the text below */
	uint32_t own;      /* text in inline content not inside a nested block */
	uint32_t own_link; /* of which inside <a> */
	uint32_t own_commas;
	uint16_t p, img, li, input, embed, heads;
	int8_t weight;    /* class/id weight: -25, 0, 25 or more */
	uint8_t scored;   /* initialized as a candidate */
};

/* Metadata found in the page. Strings are malloc'd or NULL. */
struct meta {
	char *title, *og_title, *h1, *ld_headline;
	char *site, *ld_publisher;
	char *author, *ld_author, *byline;
	char *date, *ld_date, *time_el;
	char *canonical, *og_url;
	char *lang, *ld_lang;
	char *ld_body;
};

struct page {
	struct chorus__arena *arena;
	struct meta m;
	xmlNode *body;
	xmlNode **cands;
	size_t n_cands, cap_cands;
};

/* ---------------------------------------------------------------- helpers */

static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next) {
		if (a->name && !strcasecmp((const char *)a->name, name)) {
			const xmlNode *c = a->children;

			if (c && (c->type == XML_TEXT_NODE) && c->content)
				return (const char *)c->content;
			return "";
		}
	}
	return NULL;
}

static void set_once(char **slot, const char *value)
{
	if (*slot || !value)
		return;
	*slot = chorus__web_clean_line(value);
}

static char *node_text(xmlNode *n)
{
	struct chorus__buf b = { 0 };
	char *s;

	chorus__web_node_text(&b, n, 0);
	s = chorus__web_clean_line(chorus__buf_str(&b));
	chorus__buf_release(&b);
	return s;
}

static int is_heading(const char *name)
{
	return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2];
}

/* Elements never part of the text. */
static int is_junk(const char *name)
{
	static const char *const junk[] = {
		"applet", "audio", "button", "canvas", "dialog", "embed", "footer",
		"iframe", "input", "link", "map", "math", "menu", "meta", "nav", "noscript",
		"object", "option", "script", "select", "source", "style", "svg", "template",
		"textarea", "time", "track", "video",
	};
	size_t lo = 0, hi = sizeof(junk) / sizeof(junk[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, junk[mid]);

		if (!c)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* s lowercased into buf (truncated to its size). */
static void lower_copy(const char *s, char *buf, size_t size)
{
	size_t len = 0;

	for (; *s && len + 1 < size; s++)
		buf[len++] = (char)tolower((unsigned char)*s);
	buf[len] = '\0';
}

static int has_any(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strstr(s, *words))
			return 1;
	return 0;
}

/* True when one of the white-space separated words of s is w. */
static int has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p = s;

	while ((p = strstr(p, w))) {
		int left = p == s || isspace((unsigned char)p[-1]);
		int right = !p[n] || isspace((unsigned char)p[n]);

		if (left && right)
			return 1;
		p += n;
	}
	return 0;
}

static const char *const negative_words[] = {
	"comment", "disqus", "sidebar", "related", "recommend", "newsletter", "subscri",
	"signup", "sign-up", "share", "sharing", "social", "promo", "advert", "banner",
	"breadcrumb", "footer", "masthead", "navbar", "navigation", "pagination", "pager",
	"popup", "modal", "cookie", "gdpr", "sponsor", "outbrain", "taboola", "toolbar",
	"widget", "trending", "popular", "more-stories", "read-more", "readmore", "bio",
	"byline", "caption", "credit", "tag-list", "taglist", "keywords", "login", "follow",
	"teaser", "skip", "print", "jump", "author", "meta", "timestamp",
	"dateline", "inline-ad", "dfp", "newsletter", "overlay", "complementary", "tools",
	NULL,
};

static const char *const negative_tokens[] = {
	"ad", "ads", "nav", "menu", "tags", "tag", "aside", "header", "top", "extra", "date",
	"combx", "shoutbox", "contact", "foot", "masthead", "media", "figure", "img",
	"image", "photo", "video", "embed", "related", "hide", "hidden", "more", "sr-only",
	"visually-hidden", "screen-reader-text", NULL,
};

static const char *const positive_words[] = {
	"article", "content", "entry", "main", "post", "story", "body", "text", "blog",
	"hentry", "prose", NULL,
};

static int negative(const char *ci)
{
	const char *const *w;

	if (has_any(ci, negative_words))
		return 1;
	for (w = negative_tokens; *w; w++)
		if (has_word(ci, *w))
			return 1;
	return 0;
}

static int class_weight(const xmlNode *n)
{
	char buf[512];
	int w = 0;
	const char *c = attr(n, "class"), *i = attr(n, "id");

	if (c && *c) {
		lower_copy(c, buf, sizeof(buf));
		if (negative(buf))
			w -= 25;
		if (has_any(buf, positive_words))
			w += 25;
	}
	if (i && *i) {
		lower_copy(i, buf, sizeof(buf));
		if (negative(buf))
			w -= 25;
		if (has_any(buf, positive_words))
			w += 25;
	}
	return w;
}

static struct nstat *st(const xmlNode *n)
{
	return (struct nstat *)n->_private;
}

/* ---------------------------------------------------------------- character set */

static const char *known_encoding(const char *name, char *buf, size_t size)
{
	xmlCharEncodingHandlerPtr h;
	char low[64];

	if (!name || !*name)
		return NULL;
	lower_copy(name, low, sizeof(low));
	/* As browsers do (WHATWG Encoding): these labels mean Windows-1252. */
	if (!strcmp(low, "iso-8859-1") || !strcmp(low, "latin1") || !strcmp(low, "latin-1") ||
	    !strcmp(low, "us-ascii") || !strcmp(low, "ascii") || !strcmp(low, "iso8859-1") ||
	    !strcmp(low, "iso_8859-1") || !strcmp(low, "cp1252") || !strcmp(low, "windows-1252"))
		return "windows-1252";
	if (!strcmp(low, "utf-8") || !strcmp(low, "utf8"))
		return "UTF-8";
	h = xmlFindCharEncodingHandler(low);
	if (!h)
		return NULL;
	xmlCharEncCloseFunc(h);
	lower_copy(low, buf, size);
	return buf;
}

/* Whether the bytes read as UTF-8: no invalid sequence, or (a page with a few stray
 * bytes) at least 20 valid multibyte sequences per invalid one. */
static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, good = 0, bad = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t k, j;

		if (c < 0x80) {
			i++;
			continue;
		}
		k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		for (j = 1; k && j < k; j++)
			if (i + j >= n || (p[i + j] & 0xC0) != 0x80)
				k = 0;
		if (k) {
			good++;
			i += k;
		} else {
			bad++;
			i++;
		}
	}
	return bad == 0 || good >= 20 * bad;
}

/* Windows-1252 leaves five bytes undefined; a converter stops at them, Latin-1 not. */
static const char *legacy_encoding(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
			return "ISO-8859-1";
	}
	return "windows-1252";
}

/* The charset named by a <meta> in the first 4 KiB, into buf; NULL if none. */
static const char *meta_charset(const char *html, size_t n, char *buf, size_t size)
{
	size_t lim = n < 4096 ? n : 4096, i;

	for (i = 0; i + 8 < lim; i++) {
		size_t j, k = 0;

		if (strncasecmp(html + i, "charset", 7))
			continue;
		j = i + 7;
		while (j < lim && (html[j] == ' ' || html[j] == '\t'))
			j++;
		if (j >= lim || html[j] != '=')
			continue;
		j++;
		while (j < lim && (html[j] == ' ' || html[j] == '"' || html[j] == '\''))
			j++;
		while (j < lim && k + 1 < size &&
		       (isalnum((unsigned char)html[j]) || html[j] == '-' || html[j] == '_' ||
			html[j] == ':' || html[j] == '.'))
			buf[k++] = html[j++];
		buf[k] = '\0';
		if (k)
			return buf;
	}
	return NULL;
}

static const char *pick_encoding(const char *html, size_t n, const char *declared, char *buf,
				 size_t size)
{
	char found[64];
	const char *e;

	if (n >= 3 && !memcmp(html, "\xEF\xBB\xBF", 3))
		return "UTF-8";
	if (n >= 2 && !memcmp(html, "\xFF\xFE", 2))
		return "UTF-16LE";
	if (n >= 2 && !memcmp(html, "\xFE\xFF", 2))
		return "UTF-16BE";
	if ((e = known_encoding(declared, buf, size)))
		return !strcmp(e, "windows-1252") ? legacy_encoding(html, n) : e;
	if ((e = known_encoding(meta_charset(html, n, found, sizeof(found)), buf, size))) {
		/* A page that says UTF-8 but is not is most often Windows-1252. */
		if (!strcmp(e, "UTF-8") && !valid_utf8(html, n))
			return legacy_encoding(html, n);
		if (!strcmp(e, "windows-1252"))
			return legacy_encoding(html, n);
		return e;
	}
	return valid_utf8(html, n) ? "UTF-8" : legacy_encoding(html, n);
}

/* ---------------------------------------------------------------- JSON-LD */

static int ld_type_is_article(json_t *t)
{
	const char *s;

	if (json_is_array(t)) {
		size_t i;
		json_t *v;

		json_array_foreach(t, i, v)
			if (ld_type_is_article(v))
				return 1;
		return 0;
	}
	s = json_string_value(t);
	if (!s)
		return 0;
	return strstr(s, "Article") || strstr(s, "BlogPosting") || !strcmp(s, "Report") ||
	       strstr(s, "NewsArticle") || !strcmp(s, "LiveBlogPosting");
}

static char *ld_name(json_t *v, int depth)
{
	if (depth > 4 || !v)
		return NULL;
	if (json_is_string(v))
		return chorus__web_clean_line(json_string_value(v));
	if (json_is_object(v))
		return chorus__web_clean_line(json_string_value(json_object_get(v, "name")));
	if (json_is_array(v)) {
		struct chorus__buf b = { 0 };
		size_t i, len;
		json_t *e;
		char *s;

		json_array_foreach(v, i, e) {
			char *one = ld_name(e, depth + 1);

			if (!one)
				continue;
			if (!strstr(chorus__buf_str(&b), one)) {
				if (b.len)
					chorus__buf_adds(&b, ", ");
				chorus__buf_adds(&b, one);
			}
			free(one);
			if (i >= 8)
				break;
		}
		s = chorus__buf_detach(&b, &len);
		if (!len) {
			free(s);
			return NULL;
		}
		return s;
	}
	return NULL;
}

static void ld_article(struct meta *m, json_t *o)
{
	json_t *body = json_object_get(o, "articleBody");

	set_once(&m->ld_headline, json_string_value(json_object_get(o, "headline")));
	set_once(&m->ld_date, json_string_value(json_object_get(o, "datePublished")));
	set_once(&m->ld_lang, json_string_value(json_object_get(o, "inLanguage")));
	if (!m->ld_author)
		m->ld_author = ld_name(json_object_get(o, "author"), 0);
	if (!m->ld_publisher)
		m->ld_publisher = ld_name(json_object_get(o, "publisher"), 0);
	if (!m->ld_body && json_is_string(body) && json_string_length(body) > 0) {
		const char *s = json_string_value(body);
		size_t n = json_string_length(body);

		/* Read as HTML: some sites put markup or entities in articleBody. */
		m->ld_body = chorus__web_fragment_text(s, n);
	}
}

static void ld_walk(struct meta *m, json_t *v, int depth)
{
	size_t i;
	json_t *e;

	if (depth > 8)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			ld_walk(m, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (ld_type_is_article(json_object_get(v, "@type")))
		ld_article(m, v);
	e = json_object_get(v, "@graph");
	if (e)
		ld_walk(m, e, depth + 1);
	e = json_object_get(v, "mainEntity");
	if (e)
		ld_walk(m, e, depth + 1);
}

static void ld_script(struct meta *m, xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	json_error_t err;
	json_t *v;

	if (!s)
		return;
	v = json_loads((const char *)s, JSON_DECODE_ANY, &err);
	if (v) {
		ld_walk(m, v, 0);
		json_decref(v);
	}
	xmlFree(s);
}

/* ---------------------------------------------------------------- metadata */

static void meta_key(struct meta *m, const char *key, const char *content)
{
	char k[64];
	size_t i;

	lower_copy(key, k, sizeof(k));
	for (i = 0; k[i] && k[i] != ' '; i++)
		;
	k[i] = '\0'; /* itemprop="datePublished dateCreated": the first word */
	if (!strcmp(k, "og:title") || !strcmp(k, "twitter:title"))
		set_once(&m->og_title, content);
	else if (!strcmp(k, "og:site_name") || !strcmp(k, "application-name"))
		set_once(&m->site, content);
	else if (!strcmp(k, "og:url"))
		set_once(&m->og_url, content);
	else if (!strcmp(k, "article:published_time") || !strcmp(k, "article:published") ||
		 !strcmp(k, "og:article:published_time") || !strcmp(k, "datepublished") ||
		 !strcmp(k, "pubdate") || !strcmp(k, "publishdate") || !strcmp(k, "dc.date.issued") ||
		 !strcmp(k, "dc.date") || !strcmp(k, "date") || !strcmp(k, "parsely-pub-date") ||
		 !strcmp(k, "sailthru.date") || !strcmp(k, "article.published") ||
		 !strcmp(k, "dcterms.created") || !strcmp(k, "publish-date") ||
		 !strcmp(k, "release_date"))
		set_once(&m->date, content);
	else if (!strcmp(k, "author") || !strcmp(k, "byl") || !strcmp(k, "dc.creator") ||
		 !strcmp(k, "parsely-author") || !strcmp(k, "sailthru.author") ||
		 (!strcmp(k, "article:author") && strncmp(content, "http", 4)))
		set_once(&m->author, content);
	else if (!strcmp(k, "og:locale") && !m->lang)
		set_once(&m->lang, content);
}

static void meta_tag(struct meta *m, xmlNode *n)
{
	static const char *const keys[] = { "property", "name", "itemprop" };
	const char *content = attr(n, "content"), *key;

	key = attr(n, "http-equiv");
	if (key && !strcasecmp(key, "content-language"))
		set_once(&m->lang, content);
	if (!content)
		return;
	for (size_t i = 0; i < 3; i++)
		if ((key = attr(n, keys[i])))
			meta_key(m, key, content);
}

/* An element that names the author: rel=author, itemprop=author, class "byline". */
static int looks_like_byline(const xmlNode *n)
{
	const char *rel = attr(n, "rel"), *prop = attr(n, "itemprop"), *c = attr(n, "class");
	char buf[256];

	if (rel && !strcasecmp(rel, "author"))
		return 1;
	if (prop && !strcasecmp(prop, "author"))
		return 1;
	if (c) {
		lower_copy(c, buf, sizeof(buf));
		if (strstr(buf, "byline") || strstr(buf, "author-name") || has_word(buf, "author"))
			return 1;
	}
	return 0;
}

/* A byline is short: up to 80 bytes and 8 words, after an optional "By ". */
static int plausible_name(char *t)
{
	size_t words = 0, len;
	const char *p;
	int in = 0;

	if (!strncasecmp(t, "by ", 3))
		memmove(t, t + 3, strlen(t + 3) + 1);
	len = strlen(t);
	if (len < 3 || len > 80)
		return 0;
	for (p = t; *p; p++) {
		int w = *p != ' ';

		if (w && !in)
			words++;
		in = w;
	}
	return words >= 1 && words <= 8;
}

static void collect_meta(struct page *pg, xmlNode *n, int depth)
{
	xmlNode *c;

	for (; n; n = n->next) {
		const char *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)n->name;
		if (!strcmp(name, "meta")) {
			meta_tag(&pg->m, n);
		} else if (!strcmp(name, "title")) {
			if (!pg->m.title)
				pg->m.title = node_text(n);
		} else if (!strcmp(name, "link")) {
			const char *rel = attr(n, "rel");

			if (rel && !strcasecmp(rel, "canonical"))
				set_once(&pg->m.canonical, attr(n, "href"));
		} else if (!strcmp(name, "script")) {
			const char *type = attr(n, "type");

			if (type && !strcasecmp(type, "application/ld+json"))
				ld_script(&pg->m, n);
			continue;
		} else if (!strcmp(name, "html")) {
			set_once(&pg->m.lang, attr(n, "lang"));
		} else if (!strcmp(name, "body")) {
			if (!pg->body)
				pg->body = n;
		} else if (!strcmp(name, "h1")) {
			if (!pg->m.h1)
				pg->m.h1 = node_text(n);
		} else if (!strcmp(name, "time")) {
			set_once(&pg->m.time_el, attr(n, "datetime"));
		}
		if (!pg->m.byline && looks_like_byline(n)) {
			char *t = node_text(n);

			if (t && plausible_name(t))
				pg->m.byline = t;
			else
				free(t);
		} else if (!strcmp(name, "style")) {
			continue;
		}
		c = n->children;
		if (c && depth < CHORUS__WEB_MAX_DEPTH)
			collect_meta(pg, c, depth + 1);
	}
}

static void meta_release(struct meta *m)
{
	char **f[] = { &m->title, &m->og_title, &m->h1, &m->ld_headline, &m->site,
		       &m->ld_publisher, &m->author, &m->ld_author, &m->byline, &m->date, &m->ld_date,
		       &m->time_el, &m->canonical, &m->og_url, &m->lang, &m->ld_lang,
		       &m->ld_body };

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

/* ---------------------------------------------------------------- pruning */

static int hidden(const xmlNode *n)
{
	const char *s;

	if (attr(n, "hidden"))
		return 1;
	s = attr(n, "aria-hidden");
	if (s && !strcasecmp(s, "true"))
		return 1;
	s = attr(n, "style");
	if (s) {
		char low[256];

		lower_copy(s, low, sizeof(low));
		if (strstr(low, "display:none") || strstr(low, "display: none") ||
		    strstr(low, "visibility:hidden") || strstr(low, "visibility: hidden"))
			return 1;
	}
	return 0;
}

static int keep_container(const char *name)
{
	return !strcmp(name, "body") || !strcmp(name, "html") || !strcmp(name, "article") ||
	       !strcmp(name, "main") || !strcmp(name, "a");
}

/* Whether an element is boilerplate, before scoring: 2 when its tag or role says so,
 * 1 when its class or id does, else 0. */
static int unlikely(const xmlNode *n, const char *name)
{
	char buf[512];
	const char *c = attr(n, "class"), *i = attr(n, "id"), *role = attr(n, "role");

	if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "complementary") ||
		     !strcasecmp(role, "banner") || !strcasecmp(role, "contentinfo") ||
		     !strcasecmp(role, "menu") || !strcasecmp(role, "dialog") ||
		     !strcasecmp(role, "alert")))
		return 2;
	if (keep_container(name))
		return 0;
	if (!strcmp(name, "aside") || !strcmp(name, "figcaption") || !strcmp(name, "figure") ||
	    !strcmp(name, "picture"))
		return 2;
	buf[0] = '\0';
	if (c) {
		size_t len;

		lower_copy(c, buf, sizeof(buf) / 2);
		len = strlen(buf);
		buf[len++] = ' ';
		buf[len] = '\0';
	}
	if (i)
		lower_copy(i, buf + strlen(buf), sizeof(buf) - strlen(buf));
	if (!buf[0])
		return 0;
	if (!negative(buf))
		return 0;
	if (has_any(buf, positive_words))
		return 0;
	return 1;
}

static void drop(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* First pass: elements that are never text (scripts, forms' controls, hidden). */
static void prune_junk(xmlNode *parent, int depth)
{
	xmlNode *n = parent->children, *next;

	for (; n; n = next) {
		const char *name;

		next = n->next;
		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
			drop(n);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)n->name;
		if (depth >= CHORUS__WEB_MAX_DEPTH || is_junk(name) || hidden(n)) {
			drop(n);
			continue;
		}
		prune_junk(n, depth + 1);
	}
}

/* Second pass, with statistics: blocks whose tag or role say boilerplate, and those
 * whose class or id do unless they hold half of the page's text (a page wrapper with
 * an unlucky name). */
static void prune_unlikely(xmlNode *parent, uint32_t total, int depth)
{
	xmlNode *n = parent->children, *next;

	for (; n; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE || !st(n))
			continue;
		int u = unlikely(n, (const char *)n->name);

		if (u == 2 || (u == 1 && st(n)->text * 2 < total)) {
			drop(n);
			continue;
		}
		prune_unlikely(n, total, depth + 1);
	}
}

/* ---------------------------------------------------------------- statistics */

/* Text bytes of s with runs of white space counted once, and its commas. */
static void count_text(const char *s, uint32_t *len, uint32_t *commas)
{
	uint32_t l = 0, c = 0;
	int sp = 1;

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
			if (!sp)
				l++;
			sp = 1;
			continue;
		}
		sp = 0;
		if ((ch & 0xC0) != 0x80)
			l++;
		if (ch == ',')
			c++;
	}
	*len = l;
	*commas = c;
}

/* Fills the statistics of n's subtree. Returns n's inline text counts to its parent
 * through *own, *own_link, *own_commas (what is not inside a nested block). */
static void stats(struct page *pg, xmlNode *n, int in_link, uint32_t *own, uint32_t *own_link,
		  uint32_t *own_commas)
{
	struct nstat *s;
	xmlNode *c;
	const char *name;
	int block, link;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		uint32_t len = 0, commas = 0;

		if (n->content)
			count_text((const char *)n->content, &len, &commas);
		*own += len;
		*own_commas += commas;
		if (in_link)
			*own_link += len;
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	name = (const char *)n->name;
	s = chorus__arena_calloc(pg->arena, 1, sizeof(*s));
	n->_private = s;
	block = chorus__web_is_block(name);
	link = in_link || !strcmp(name, "a");
	for (c = n->children; c; c = c->next) {
		struct nstat *cs;

		stats(pg, c, link, &s->own, &s->own_link, &s->own_commas);
		if (c->type != XML_ELEMENT_NODE)
			continue;
		cs = st(c);
		if (chorus__web_is_block((const char *)c->name)) {
			s->text += cs->text;
			s->link += cs->link;
			s->commas += cs->commas;
		} else {
			/* The inline part reached s->own through the recursion. */
			s->text += cs->text - cs->own;
			s->link += cs->link - cs->own_link;
			s->commas += cs->commas - cs->own_commas;
		}
		s->p = (uint16_t)(s->p + cs->p < 60000 ? s->p + cs->p : 60000);
		s->img = (uint16_t)(s->img + cs->img < 60000 ? s->img + cs->img : 60000);
		s->li = (uint16_t)(s->li + cs->li < 60000 ? s->li + cs->li : 60000);
		s->input = (uint16_t)(s->input + cs->input < 60000 ? s->input + cs->input : 60000);
		s->embed = (uint16_t)(s->embed + cs->embed < 60000 ? s->embed + cs->embed : 60000);
		s->heads = (uint16_t)(s->heads + cs->heads < 60000 ? s->heads + cs->heads : 60000);
	}
	/* text = inline text of its own + the text of the blocks below */
	s->text += s->own;
	s->link += s->own_link;
	s->commas += s->own_commas;
	if (!strcmp(name, "p"))
		s->p++;
	else if (!strcmp(name, "img"))
		s->img++;
	else if (!strcmp(name, "li"))
		s->li++;
	else if (!strcmp(name, "input"))
		s->input++;
	else if (!strcmp(name, "embed") || !strcmp(name, "object") || !strcmp(name, "iframe"))
		s->embed++;
	else if (is_heading(name))
		s->heads++;
	if (!block) {
		/* An inline element's text belongs to the enclosing block. */
		*own += s->own;
		*own_link += s->own_link;
		*own_commas += s->own_commas;
	}
}

/* ---------------------------------------------------------------- scoring */

static double link_density(const struct nstat *s)
{
	return s->text ? (double)s->link / (double)s->text : 0;
}

static void init_candidate(struct page *pg, xmlNode *n)
{
	struct nstat *s = st(n);
	const char *name = (const char *)n->name;

	if (s->scored)
		return;
	s->scored = 1;
	s->weight = (int8_t)class_weight(n);
	s->score = s->weight;
	if (!strcmp(name, "div") || !strcmp(name, "article") || !strcmp(name, "section") ||
	    !strcmp(name, "main"))
		s->score += 5;
	else if (!strcmp(name, "pre") || !strcmp(name, "td") || !strcmp(name, "blockquote"))
		s->score += 3;
	else if (!strcmp(name, "address") || !strcmp(name, "ol") || !strcmp(name, "ul") ||
		 !strcmp(name, "dl") || !strcmp(name, "dd") || !strcmp(name, "dt") ||
		 !strcmp(name, "li") || !strcmp(name, "form"))
		s->score -= 3;
	else if (is_heading(name) || !strcmp(name, "th"))
		s->score -= 5;
	CHORUS_GROW(pg->cands, pg->n_cands + 1, pg->cap_cands);
	pg->cands[pg->n_cands++] = n;
}

static void score_tree(struct page *pg, xmlNode *n, int depth)
{
	xmlNode *c;
	struct nstat *s;

	if (n->type != XML_ELEMENT_NODE || depth > CHORUS__WEB_MAX_DEPTH)
		return;
	s = st(n);
	for (c = n->children; c; c = c->next)
		score_tree(pg, c, depth + 1);
	if (!chorus__web_is_block((const char *)n->name) || is_heading((const char *)n->name))
		return;
	if (s->own >= MIN_PARA && s->own_link * 2 < s->own) {
		double score = 1.0 + s->own_commas + (s->own / 100 < 3 ? s->own / 100 : 3);
		xmlNode *a = n->parent;
		int level;

		/* Inline text beside nested blocks is a paragraph of its own whose
		 * parent is n (Readability wraps such runs in <p>). */
		for (c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    chorus__web_is_block((const char *)c->name) && strcmp((const char *)c->name, "br")) {
				a = n;
				break;
			}

		for (level = 0; a && a->type == XML_ELEMENT_NODE && st(a) && level < 5;
		     level++, a = a->parent) {
			double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;

			init_candidate(pg, a);
			st(a)->score += score / div;
		}
	}
}

static int cmp_score(const void *a, const void *b)
{
	double x = st(*(xmlNode *const *)a)->score, y = st(*(xmlNode *const *)b)->score;

	return x > y ? -1 : x < y ? 1 : 0;
}

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (n = n->parent; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static int element_children(const xmlNode *n)
{
	int k = 0;

	for (n = n->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			k++;
	return k;
}

/*
 * The block that holds the article: the best scored one, moved up (as Readability
 * does) when the text is split over several near-best blocks below one ancestor, when
 * an ancestor scores higher still, and when it is an only child.
 */
static xmlNode *top_candidate(struct page *pg)
{
	xmlNode *top, *p;
	double last, threshold;
	size_t i, n_top;

	if (!pg->n_cands)
		return NULL;
	for (i = 0; i < pg->n_cands; i++) {
		struct nstat *s = st(pg->cands[i]);

		s->score *= 1.0 - link_density(s);
	}
	qsort(pg->cands, pg->n_cands, sizeof(*pg->cands), cmp_score);
	top = pg->cands[0];
	n_top = pg->n_cands < 5 ? pg->n_cands : 5;
	/* Near-best blocks (3 or more) sharing an ancestor: the ancestor holds them all. */
	/* Only scored elements are climbed to: every one below pg->body has statistics,
	 * but the parser may leave content outside <body>. */
	for (p = top->parent; p && p != pg->body && p->type == XML_ELEMENT_NODE && st(p);
	     p = p->parent) {
		int under = 0;

		for (i = 1; i < n_top; i++)
			if (st(pg->cands[i])->score >= 0.75 * st(top)->score &&
			    is_ancestor(p, pg->cands[i]))
				under++;
		if (under >= 2) {
			top = p;
			break;
		}
	}
	if (!st(top)->scored)
		init_candidate(pg, top);
	/* Climb while the parents' scores do not fall too low; a higher one wins. */
	last = st(top)->score;
	threshold = last / 3;
	for (p = top->parent; p && p != pg->body && p->type == XML_ELEMENT_NODE && st(p);
	     p = p->parent) {
		if (!st(p)->scored)
			continue;
		if (st(p)->score < threshold)
			break;
		if (st(p)->score > last) {
			top = p;
			break;
		}
		last = st(p)->score;
	}
	while (top->parent && top->parent != pg->body && top->parent->type == XML_ELEMENT_NODE &&
	       st(top->parent) && element_children(top->parent) == 1)
		top = top->parent;
	return top;
}

/* ---------------------------------------------------------------- output */

/* Whether a block inside the chosen content is boilerplate, judged as Readability's
 * conditional cleaning does: by its class/id, link density and what it holds. */
static int boilerplate(const xmlNode *n, const char *name, uint32_t total)
{
	const struct nstat *s = st(n);
	double ld;
	int weight;

	if (!s)
		return 0;
	/* A block with half the chosen text is the article, whatever it looks like. */
	if (s->text * 2 > total && strcmp(name, "h1"))
		return 0;
	if (is_heading(name))
		return !strcmp(name, "h1") || s->link * 2 > s->text;
	if (strcmp(name, "div") && strcmp(name, "section") && strcmp(name, "ul") &&
	    strcmp(name, "ol") && strcmp(name, "table") && strcmp(name, "form") &&
	    strcmp(name, "dl") && strcmp(name, "span") && strcmp(name, "p") &&
	    strcmp(name, "li"))
		return 0;
	weight = class_weight(n);
	ld = link_density(s);
	/* Inline text (a link inside a sentence) is never judged on its own. */
	if (!strcmp(name, "span"))
		return weight < 0 && s->text < 200 && ld < 1;
	if (!strcmp(name, "li"))
		return weight < 0 && s->text < 200;
	if (!strcmp(name, "p"))
		return weight < 0 && s->text < 200 ? 1 : ld > 0.6 && s->text < 400;
	if (weight + (s->scored ? s->score : 0) < 0)
		return 1;
	if (s->commas >= 10)
		return 0;
	if (s->img > 1 && (double)s->p / s->img < 0.5)
		return 1;
	if (strcmp(name, "ul") && strcmp(name, "ol") && s->li > 100 + s->p)
		return 1;
	if (s->input > s->p / 3 + 1)
		return 1;
	if (s->text < MIN_PARA && s->img == 0 && s->heads == 0)
		return 1;
	if (weight < 25 && ld > 0.3)
		return 1;
	if (weight >= 25 && ld > 0.5)
		return 1;
	if (s->embed == 1 && s->text < 75)
		return 1;
	return 0;
}

static void emit(struct chorus__buf *b, xmlNode *n, uint32_t total, int depth)
{
	xmlNode *c;
	const char *name;

	if (depth > CHORUS__WEB_MAX_DEPTH)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		chorus__web_node_text(b, n, depth);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	name = (const char *)n->name;
	if (depth > 0 && boilerplate(n, name, total))
		return;
	if (chorus__web_is_block(name)) {
		chorus__web_text_break(b);
		for (c = n->children; c; c = c->next)
			emit(b, c, total, depth + 1);
		chorus__web_text_break(b);
		return;
	}
	for (c = n->children; c; c = c->next)
		emit(b, c, total, depth + 1);
}

/* The siblings that join the top candidate (Readability's sibling step). */
static int joins(const xmlNode *top, const xmlNode *sib)
{
	const struct nstat *ts = st(top), *s;
	double threshold = ts->score * 0.2 > 10 ? ts->score * 0.2 : 10, bonus = 0;
	const char *tc, *sc;

	if (sib == top)
		return 1;
	if (sib->type != XML_ELEMENT_NODE || !(s = st(sib)))
		return 0;
	tc = attr(top, "class");
	sc = attr(sib, "class");
	if (tc && sc && *tc && !strcmp(tc, sc))
		bonus = ts->score * 0.2;
	if (s->scored && s->score + bonus >= threshold)
		return 1;
	if (!strcmp((const char *)sib->name, "p")) {
		double ld = link_density(s);

		if (s->text > 80 && ld < 0.25)
			return 1;
		if (s->text > 0 && s->text <= 80 && ld == 0) {
			xmlChar *t = xmlNodeGetContent(sib);
			int sentence = t && strstr((const char *)t, ". ");

			xmlFree(t);
			return sentence;
		}
	}
	return 0;
}

static void extract_dom(struct page *pg, struct chorus__buf *b)
{
	uint32_t own = 0, own_link = 0, own_commas = 0;
	xmlNode *top, *parent, *c;

	if (!pg->body)
		return;
	prune_junk(pg->body, 0);
	stats(pg, pg->body, 0, &own, &own_link, &own_commas);
	prune_unlikely(pg->body, st(pg->body)->text, 0);
	own = own_link = own_commas = 0;
	stats(pg, pg->body, 0, &own, &own_link, &own_commas);
	score_tree(pg, pg->body, 0);
	top = top_candidate(pg);
	if (!top) {
		chorus__web_node_text(b, pg->body, 0);
		return;
	}
	parent = top->parent;
	if (!parent || parent->type != XML_ELEMENT_NODE) {
		emit(b, top, st(top)->text, 0);
		return;
	}
	for (c = parent->children; c; c = c->next)
		if (joins(top, c))
			emit(b, c, st(c)->text, 0);
	chorus__web_text_finish(b);
	if (!b->len)
		chorus__web_node_text(b, pg->body, 0);
}

/* ---------------------------------------------------------------- the record */

/* The host of an absolute URL, without "www.", as a new string; NULL if none. */
static char *url_host(const char *url)
{
	const char *p, *e;

	if (!url || !(p = strstr(url, "://")))
		return NULL;
	p += 3;
	e = p;
	while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
		e++;
	if (e - p > 4 && !strncasecmp(p, "www.", 4))
		p += 4;
	if (e == p)
		return NULL;
	return chorus_xstrndup(p, (size_t)(e - p));
}

static char *first_of(char **a, char **b, char **c, char **d)
{
	char **slots[] = { a, b, c, d };

	for (size_t i = 0; i < 4; i++) {
		if (slots[i] && *slots[i]) {
			char *s = *slots[i];

			*slots[i] = NULL;
			return s;
		}
	}
	return NULL;
}

/* Words (runs of letters or digits) in s, up to limit. */
static size_t count_words(const char *s, size_t limit)
{
	size_t n = 0;
	int in = 0;

	for (; *s && n < limit; s++) {
		int w = isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80);

		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Whether to trust the JSON-LD articleBody over the DOM text: it must be a real body
 * (not a teaser) and longer than what the DOM gave. */
static int prefer_ld(const char *ld, const char *dom)
{
	size_t lw, dw;

	if (!ld)
		return 0;
	lw = count_words(ld, 1000000);
	dw = count_words(dom, 1000000);
	if (lw < 50)
		return 0;
	return (double)lw > 1.15 * (double)dw;
}

static int fill_record(struct chorus_ctx *ctx, struct page *pg, const char *text,
		       size_t max_bytes, const char *url_hint, struct chorus_article *a)
{
	struct meta *m = &pg->m;
	struct chorus__buf b = { 0 };
	chorus_time t;
	size_t len;
	char *s;

	if (!*text)
		return chorus_error(ctx, CHORUS_EEMPTY, "no main text found in the page");
	chorus__web_utf8_append(&b, text, strlen(text));
	if (b.len > max_bytes) {
		size_t cut = max_bytes;

		while (cut && ((unsigned char)b.ptr[cut] & 0xC0) == 0x80)
			cut--;
		chorus__buf_setlen(&b, cut);
		a->flags |= CHORUS_ARTICLE_TRUNCATED;
	}
	free(a->text);
	a->text = chorus__buf_detach(&b, &len);
	a->text_len = len;

	free(a->title);
	a->title = first_of(&m->og_title, &m->ld_headline, &m->h1, &m->title);
	free(a->author);
	a->author = first_of(&m->ld_author, &m->author, &m->byline, NULL);
	if (a->author && !strncasecmp(a->author, "by ", 3)) {
		s = chorus_xstrdup(a->author + 3);
		free(a->author);
		a->author = s;
	}
	free(a->url);
	a->url = first_of(&m->canonical, &m->og_url, NULL, NULL);
	if (a->url && strncmp(a->url, "http", 4)) {
		free(a->url);
		a->url = NULL;
	}
	if (!a->url && url_hint)
		a->url = chorus__web_clean_line(url_hint);
	free(a->source);
	a->source = first_of(&m->site, &m->ld_publisher, NULL, NULL);
	if (!a->source)
		a->source = url_host(a->url);
	free(a->lang);
	a->lang = first_of(&m->ld_lang, &m->lang, NULL, NULL);
	if (a->lang) {
		for (s = a->lang; *s; s++)
			if (*s == '_')
				*s = '-';
	}
	if ((m->ld_date && !chorus__web_parse_date(m->ld_date, &t)) ||
	    (m->date && !chorus__web_parse_date(m->date, &t)) ||
	    (m->time_el && !chorus__web_parse_date(m->time_el, &t)))
		a->published = t;
	return 0;
}

/* Whether the first 4 KiB hold control bytes in quantity (1 in 100), as binary files
 * do and no page in an 8-bit or UTF-8 encoding does (UTF-16 pages, with their byte
 * order mark, are let through). */
static int binary(const char *s, size_t n)
{
	size_t lim = n < 4096 ? n : 4096, ctl = 0;

	if (n >= 2 && (!memcmp(s, "\xFF\xFE", 2) || !memcmp(s, "\xFE\xFF", 2)))
		return 0;
	for (size_t i = 0; i < lim; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			ctl++;
	}
	return ctl * 100 > lim;
}

/* libxml2 reports some errors (character conversion) outside the parser's options;
 * the library never prints, so they go nowhere. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int chorus_web_html_read(struct chorus_ctx *ctx, const char *html, size_t n, const char *url_hint,
			 const char *charset, size_t max_bytes, struct chorus_article *a)
{
	struct page pg;
	struct chorus__buf b = { 0 };
	char encbuf[64];
	const char *enc;
	htmlDocPtr doc = NULL;
	int ret;

	memset(&pg, 0, sizeof(pg));
	if (!max_bytes)
		max_bytes = (size_t)4 << 20;
	if (n > INT_MAX || n / 32 > max_bytes)
		return chorus_error(ctx, CHORUS_ETOOBIG,
				    "page of %zu bytes passes the limit of %zu bytes", n,
				    max_bytes * 32 < INT_MAX ? max_bytes * 32 : (size_t)INT_MAX);
	if (!n)
		return chorus_error(ctx, CHORUS_EEMPTY, "the page is empty");
	if (binary(html, n))
		return chorus_error(ctx, CHORUS_EENCODING,
				    "binary data, not an HTML page (control bytes in the first 4 KiB)");
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, NULL);
	enc = pick_encoding(html, n, charset, encbuf, sizeof(encbuf));
	doc = htmlReadMemory(html, (int)n, NULL, enc,
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (!doc)
		return chorus_error(ctx, CHORUS_EPARSE, "cannot parse the page as HTML");
	pg.arena = chorus__arena_new(0);
	collect_meta(&pg, xmlDocGetRootElement(doc), 0);
	if (!pg.body)
		pg.body = xmlDocGetRootElement(doc);
	if (pg.body)
		extract_dom(&pg, &b);
	chorus__web_text_finish(&b);
	if (prefer_ld(pg.m.ld_body, chorus__buf_str(&b))) {
		chorus__buf_reset(&b);
		chorus__buf_adds(&b, pg.m.ld_body);
	}
	ret = fill_record(ctx, &pg, b.len && b.ptr[0] == ' ' ? b.ptr + 1 : chorus__buf_str(&b),
			  max_bytes, url_hint, a);
	chorus__buf_release(&b);
	meta_release(&pg.m);
	free(pg.cands);
	chorus__arena_free(pg.arena);
	xmlFreeDoc(doc);
	return ret;
}
