/*
 * web/feed.c: RSS 2.0, RSS 1.0 (RDF) and Atom feeds to article records, one per item
 * or entry. Parsed with libxml2's XML parser without network access and without
 * entity substitution; text is gathered from text and CDATA nodes only, so that
 * entity references (a "billion laughs" document) are never expanded.
 */
#include <string.h>

#include <libxml/parser.h>

#include "util/alloc.h"
#include "web/web_internal.h"

#define CONTENT_NS "http://purl.org/rss/1.0/modules/content/"

struct item {
	char *title, *link, *date, *author, *content, *summary, *lang;
	int content_html; /* content/summary are markup to reduce to text */
	int summary_html;
};

struct feed {
	struct chorus_ctx *ctx;
	const char *origin;
	size_t max_bytes;
	chorus_web_article_fn on_article;
	chorus_web_diag_fn on_diag;
	void *arg;
	char *title, *lang;
	size_t n; /* items seen */
};

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static int in_ns(const xmlNode *n, const char *href)
{
	return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, href);
}

/* Text and CDATA below n, entity references left out; raw (not collapsed). */
static void raw_text(struct chorus__buf *b, const xmlNode *n, int depth)
{
	const xmlNode *c;

	if (depth > CHORUS__WEB_MAX_DEPTH)
		return;
	for (c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			chorus__buf_adds(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			raw_text(b, c, depth + 1);
	}
}

static char *line_of(const xmlNode *n)
{
	struct chorus__buf b = { 0 };
	char *s;

	raw_text(&b, n, 0);
	s = chorus__web_clean_line(chorus__buf_str(&b));
	chorus__buf_release(&b);
	return s;
}

static char *raw_of(const xmlNode *n)
{
	struct chorus__buf b = { 0 };
	size_t len;

	raw_text(&b, n, 0);
	return chorus__buf_detach(&b, &len);
}

static const char *prop(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name) && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static void set(char **slot, char *value)
{
	if (*slot || !value) {
		free(value);
		return;
	}
	*slot = value;
}

/* Atom content: type "html" is escaped markup, "xhtml" inline markup, else text. */
static char *atom_text(const xmlNode *n, int *html)
{
	const char *type = prop(n, "type");

	if (type && !strcmp(type, "xhtml")) {
		struct chorus__buf b = { 0 };
		size_t len;

		chorus__web_node_text(&b, (xmlNode *)(uintptr_t)n, 0);
		chorus__web_text_finish(&b);
		*html = 0;
		return chorus__buf_detach(&b, &len);
	}
	*html = type && (!strcmp(type, "html") || strstr(type, "html"));
	return raw_of(n);
}

static void read_item(struct item *it, const xmlNode *item)
{
	const xmlNode *c;

	for (c = item->children; c; c = c->next) {
		const char *name;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)c->name;
		if (!strcmp(name, "title")) {
			set(&it->title, line_of(c));
		} else if (!strcmp(name, "link")) {
			const char *href = prop(c, "href"), *rel = prop(c, "rel");

			if (href) {
				if (!rel || !strcmp(rel, "alternate"))
					set(&it->link, chorus__web_clean_line(href));
			} else {
				set(&it->link, line_of(c));
			}
		} else if (!strcmp(name, "guid") && !it->link) {
			const char *perma = prop(c, "isPermaLink");
			char *g = line_of(c);

			if (g && (!perma || strcmp(perma, "false")) && !strncmp(g, "http", 4))
				set(&it->link, g);
			else
				free(g);
		} else if (!strcmp(name, "encoded") && in_ns(c, CONTENT_NS)) {
			set(&it->content, raw_of(c));
			it->content_html = 1;
		} else if (!strcmp(name, "content")) {
			int html = 0;
			char *t = atom_text(c, &html);

			if (!it->content)
				it->content_html = html;
			set(&it->content, t);
		} else if (!strcmp(name, "description") || !strcmp(name, "summary")) {
			int html = 1;
			char *t = !strcmp(name, "summary") ? atom_text(c, &html) : raw_of(c);

			if (!it->summary)
				it->summary_html = html;
			set(&it->summary, t);
		} else if (!strcmp(name, "pubDate") || !strcmp(name, "published") ||
			   !strcmp(name, "date") || !strcmp(name, "issued")) {
			set(&it->date, line_of(c));
		} else if (!strcmp(name, "updated") || !strcmp(name, "modified")) {
			if (!it->date)
				set(&it->date, line_of(c));
		} else if (!strcmp(name, "author") || !strcmp(name, "creator")) {
			const xmlNode *nm;

			for (nm = c->children; nm; nm = nm->next)
				if (is(nm, "name"))
					break;
			set(&it->author, line_of(nm ? nm : c));
		}
	}
	if (!it->lang) {
		xmlChar *l = xmlNodeGetLang(item);

		if (l) {
			it->lang = chorus__web_clean_line((const char *)l);
			xmlFree(l);
		}
	}
}

static void item_release(struct item *it)
{
	free(it->title);
	free(it->link);
	free(it->date);
	free(it->author);
	free(it->content);
	free(it->summary);
	free(it->lang);
}

static int emit_item(struct feed *f, const xmlNode *node)
{
	struct item it;
	struct chorus_article a;
	struct chorus__buf b = { 0 };
	const char *body;
	char where[64];
	char *text;
	size_t len;
	int html, ret;

	memset(&it, 0, sizeof(it));
	f->n++;
	read_item(&it, node);
	body = it.content && *it.content ? it.content : it.summary;
	html = body == it.content ? it.content_html : it.summary_html;
	if (!body || !*body) {
		snprintf(where, sizeof(where), "item %zu", f->n);
		chorus__buf_addf(&b, "%s: %s", f->origin, where);
		if (f->on_diag)
			f->on_diag(f->arg, chorus__buf_str(&b), "no content or summary; skipped");
		chorus__buf_release(&b);
		item_release(&it);
		return 0;
	}
	if (html) {
		text = chorus__web_fragment_text(body, strlen(body));
	} else {
		struct chorus__buf t = { 0 };

		chorus__web_utf8_append(&t, body, strlen(body));
		text = chorus__buf_detach(&t, &len);
	}
	chorus_article_init(&a);
	len = strlen(text);
	if (len > f->max_bytes) {
		while (len > f->max_bytes || (len && ((unsigned char)text[len] & 0xC0) == 0x80))
			len--;
		text[len] = '\0';
		a.flags |= CHORUS_ARTICLE_TRUNCATED;
	}
	a.text = text;
	a.text_len = len;
	chorus__buf_addf(&b, "%s#%zu", f->origin, f->n);
	a.id = chorus__buf_detach(&b, &len);
	a.origin = chorus_xstrdup(a.id);
	a.url = it.link;
	it.link = NULL;
	a.title = it.title;
	it.title = NULL;
	a.author = it.author;
	it.author = NULL;
	a.source = chorus_xstrdup(f->title);
	a.lang = it.lang ? it.lang : chorus_xstrdup(f->lang);
	it.lang = NULL;
	if (it.date && chorus__web_parse_date(it.date, &a.published))
		a.published = CHORUS_TIME_UNKNOWN;
	item_release(&it);
	ret = f->on_article(f->arg, &a);
	chorus_article_release(&a);
	return ret;
}

/* Reads the channel (or feed) children: its title and language, and the items. */
static int read_channel(struct feed *f, const xmlNode *ch)
{
	const xmlNode *c;
	int ret;

	for (c = ch->children; c; c = c->next) {
		if (is(c, "title") && !f->title)
			f->title = line_of(c);
		else if (is(c, "language") && !f->lang)
			f->lang = line_of(c);
	}
	for (c = ch->children; c; c = c->next)
		if ((is(c, "item") || is(c, "entry")) && (ret = emit_item(f, c)))
			return ret;
	return 0;
}

int chorus_web_feed_read(struct chorus_ctx *ctx, const char *data, size_t n, const char *origin,
			 size_t max_bytes, chorus_web_article_fn on_article,
			 chorus_web_diag_fn on_diag, void *arg)
{
	struct feed f;
	xmlDocPtr doc;
	xmlNode *root, *c;
	int ret = 0;

	memset(&f, 0, sizeof(f));
	f.ctx = ctx;
	f.origin = origin ? origin : "feed";
	f.max_bytes = max_bytes ? max_bytes : (size_t)4 << 20;
	f.on_article = on_article;
	f.on_diag = on_diag;
	f.arg = arg;
	if (n > INT32_MAX)
		return chorus_error(ctx, CHORUS_ETOOBIG, "%s: feed of %zu bytes is too large",
				    f.origin, n);
	xmlInitParser();
	doc = xmlReadMemory(data, (int)n, NULL, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_RECOVER | XML_PARSE_NOCDATA);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		xmlFreeDoc(doc);
		return chorus_error(ctx, CHORUS_EPARSE, "%s: not a feed (no XML document)", f.origin);
	}
	if (is(root, "rss")) {
		for (c = root->children; c && !ret; c = c->next)
			if (is(c, "channel"))
				ret = read_channel(&f, c);
	} else if (is(root, "feed")) {
		ret = read_channel(&f, root);
	} else if (is(root, "RDF")) {
		for (c = root->children; c; c = c->next) {
			if (is(c, "channel")) {
				const xmlNode *t;

				for (t = c->children; t; t = t->next)
					if (is(t, "title") && !f.title)
						f.title = line_of(t);
			}
		}
		for (c = root->children; c && !ret; c = c->next)
			if (is(c, "item"))
				ret = emit_item(&f, c);
	} else {
		ret = chorus_error(ctx, CHORUS_EPARSE,
				   "%s: not a feed (the root element is <%.40s>, not rss, feed or rdf:RDF)",
				   f.origin, (const char *)root->name);
	}
	free(f.title);
	free(f.lang);
	xmlFreeDoc(doc);
	return ret;
}
