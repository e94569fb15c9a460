/*
 * core/article.c: the article record's lifecycle.
 */
#include "chorus/article.h"
#include "util/alloc.h"

void chorus_article_init(struct chorus_article *a)
{
	memset(a, 0, sizeof(*a));
	a->published = CHORUS_TIME_UNKNOWN;
}

void chorus_article_release(struct chorus_article *a)
{
	free(a->id);
	free(a->url);
	free(a->source);
	free(a->title);
	free(a->author);
	free(a->lang);
	free(a->text);
	free(a->origin);
	chorus_article_init(a);
}

void chorus_article_copy(struct chorus_article *dst, const struct chorus_article *src)
{
	dst->id = chorus_xstrdup(src->id);
	dst->url = chorus_xstrdup(src->url);
	dst->source = chorus_xstrdup(src->source);
	dst->title = chorus_xstrdup(src->title);
	dst->author = chorus_xstrdup(src->author);
	dst->published = src->published;
	dst->lang = chorus_xstrdup(src->lang);
	dst->text = src->text ? chorus_xstrndup(src->text, src->text_len) : NULL;
	dst->text_len = src->text ? src->text_len : 0;
	dst->origin = chorus_xstrdup(src->origin);
	dst->flags = src->flags;
}
