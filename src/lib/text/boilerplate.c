/*
 * text/boilerplate.c: lines that are not part of the story: "Also Read: ...",
 * "RELATED STORIES", "Advertisement", share/follow/subscribe prompts, wire sign-offs
 * ("(Reporting by ...; Editing by ...)"), copyright lines.
 *
 * A line that is only a web address is dropped too.
 *
 * Every pattern is anchored on a whole line of canonical text: a line is dropped
 * when it equals one of the phrases (case and trailing punctuation aside), or when it
 * starts with one of the prefixes and is no longer than the prefix's limit; a prompt
 * ("Sign up for ...", "Follow ...", "Share this ...") must also name what it prompts
 * for (a newsletter, a network, "us", "our ..."). The limits and the named targets
 * keep a real sentence such as "Sign up for the draft began on Monday." out of reach.
 */
#include <string.h>

#include "text/text_int.h"
#include "util/alloc.h"

/* Whole lines, lowercase, without trailing punctuation. */
static const char *const phrases[] = {
	"advertisement", "advertisements", "ad", "sponsored", "sponsored content",
	"related", "related stories", "related story", "related articles", "related article",
	"related news", "related content", "related coverage", "related links", "related topics",
	"read more", "read more here", "read more stories", "read full story", "read the full story",
	"more stories", "more news", "more from this section", "top stories", "latest news",
	"trending", "trending now", "most read", "most popular", "recommended", "recommended stories",
	"you may also like", "you might also like", "also read", "read also", "see also",
	"continue reading", "continue reading below", "story continues below",
	"story continues below advertisement", "article continues below advertisement",
	"scroll to continue with content", "scroll down for video", "skip advertisement",
	"share", "share this", "share this article", "share this story", "share this post",
	"share on facebook", "share on twitter", "share via email", "tweet", "email", "print",
	"comments", "leave a comment", "view comments", "watch", "watch video", "watch the video",
	"listen", "listen to this article", "click to expand", "photo", "image", "video",
	"follow us", "subscribe", "subscribe now", "sign up", "sign in", "log in", "login",
	"all rights reserved", "back to top", "next article", "previous article",
	NULL,
};

/* Phrases (a subset of the above) that head a list of other stories' headlines. */
static const char *const list_headers[] = {
	"related", "related stories", "related story", "related articles", "related article",
	"related news", "related content", "related coverage", "related links", "read more",
	"read more stories", "more stories", "more news", "top stories", "latest news", "trending",
	"trending now", "most read", "most popular", "recommended", "recommended stories",
	"you may also like", "you might also like", "also read", "read also", "see also", NULL,
};

struct prefix {
	const char *s; /* lowercase */
	size_t max;    /* the longest line (bytes) it may start */
	int prompt;    /* a prompt: the line must also name what it prompts for */
};

static const struct prefix prefixes[] = {
	{ "also read:", 400, 0 }, { "also read -", 400, 0 }, { "also read |", 400, 0 },
	{ "read also:", 400, 0 }, { "read more:", 400, 0 }, { "read more -", 400, 0 },
	{ "related:", 300, 0 }, { "see also:", 300, 0 }, { "also see:", 300, 0 },
	{ "watch:", 200, 0 }, { "watch video:", 300, 0 }, { "recommended:", 300, 0 },
	{ "must read:", 300, 0 }, { "click here", 160, 0 }, { "tap here", 160, 0 },
	{ "follow us ", 160, 0 }, { "follow our ", 160, 1 }, { "follow ", 100, 1 },
	{ "like us on ", 160, 0 }, { "join us on ", 160, 0 }, { "join our ", 160, 1 },
	{ "share this ", 160, 1 }, { "share on ", 120, 1 }, { "subscribe to ", 160, 1 },
	{ "subscribe for ", 160, 1 }, { "subscribe now", 160, 0 }, { "sign up for ", 160, 1 },
	{ "sign up to ", 160, 1 }, { "sign up now", 160, 0 }, { "download the ", 120, 1 },
	{ "get the latest ", 160, 1 }, { "get our ", 160, 1 },
	{ "(reporting by ", 600, 0 }, { "reporting by ", 400, 0 },
	{ "(additional reporting by ", 600, 0 }, { "additional reporting by ", 400, 0 },
	{ "(writing by ", 400, 0 }, { "writing by ", 300, 0 }, { "(editing by ", 400, 0 },
	{ "editing by ", 300, 0 }, { "(compiled by ", 400, 0 },
	{ "(c) ", 200, 0 }, { "\xC2\xA9", 200, 0 }, { "copyright ", 200, 0 },
	{ NULL, 0, 0 },
};

/* What a prompt names (whole words): a channel, a product, or the outlet itself. */
static const char *const prompt_words[] = {
	"us", "our", "newsletter", "newsletters", "twitter", "facebook", "instagram",
	"telegram", "youtube", "whatsapp", "linkedin", "tiktok", "threads", "x", "app",
	"alerts", "notifications", "updates", "email", "e-mail", "inbox", "daily", "weekly", "social",
	"briefing", "podcast", "channel", "rss", "feed", "free", "article", "story", NULL,
};

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || (unsigned char)c >= 0x80;
}

static int names_prompt_target(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i, k;

		while (j < len && is_word_char(line[j]))
			j++;
		for (k = 0; j > i && prompt_words[k]; k++) {
			size_t n = strlen(prompt_words[k]), m;

			if (n != j - i)
				continue;
			for (m = 0; m < n; m++) {
				char c = line[i + m];

				if (c >= 'A' && c <= 'Z')
					c = (char)(c + 32);
				if (c != prompt_words[k][m])
					break;
			}
			if (m == n)
				return 1;
		}
		i = j + 1;
	}
	return 0;
}

static int prefix_icase(const char *line, size_t len, const char *pre)
{
	size_t i, n = strlen(pre);

	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = line[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != pre[i])
			return 0;
	}
	return 1;
}

static int contains_icase(const char *line, size_t len, const char *needle)
{
	size_t i, n = strlen(needle);

	for (i = 0; i + n <= len; i++)
		if (prefix_icase(line + i, len - i, needle))
			return 1;
	return 0;
}

/* "By Jane Doe", "By JANE DOE and John Roe", "By Jane Doe, Reuters": a byline of two
 * to eight capitalized words (and connectors), no digit, no final period. */
static int is_byline(const char *line, size_t len)
{
	static const char *const connectors[] = { "and", "in", "for", "of", "the", "de", "van",
						  "von", "da", "del", "al", "bin", "le", "la", NULL };
	size_t i = 3, caps = 0, words = 0;

	if (len < 6 || len > 80 || (memcmp(line, "By ", 3) && memcmp(line, "BY ", 3)) ||
	    line[len - 1] == '.')
		return 0;
	while (i < len) {
		size_t j = i, k;
		int conn = 0;

		while (j < len && line[j] != ' ' && line[j] != ',')
			j++;
		if (j > i) {
			unsigned char c = (unsigned char)line[i];

			for (k = 0; connectors[k]; k++)
				if (strlen(connectors[k]) == j - i && !memcmp(line + i, connectors[k], j - i))
					conn = 1;
			if (c >= 'A' && c <= 'Z')
				caps++;
			else if (!conn && c < 0x80)
				return 0;
			for (k = i; k < j; k++)
				if (line[k] >= '0' && line[k] <= '9')
					return 0;
			words++;
		}
		i = j + 1;
	}
	return caps >= 2 && words <= 8;
}

/* "Published: 10 March 2026, 09:15", "Updated 4:08 p.m. ET": a date label. Returns 0
 * when the line is none, else the bytes of its label with the ':' or ' ' after it, and
 * in *first whether the label names the first publication (not an update). */
static size_t dated_label(const char *line, size_t len, int *first)
{
	static const char *const labels[] = { "published", "posted", "first published",
					      "updated", "last updated", "last modified", NULL };
	size_t i, k;

	if (len > 100)
		return 0;
	for (i = 0; labels[i]; i++) {
		size_t n = strlen(labels[i]);

		if (len > n + 1 && prefix_icase(line, len, labels[i]) && (line[n] == ':' || line[n] == ' ')) {
			for (k = n; k < len; k++)
				if (line[k] >= '0' && line[k] <= '9') {
					*first = i < 3;
					return n + 1;
				}
		}
	}
	return 0;
}

int chorus__text_header_line(const char *line, size_t len, size_t *off)
{
	int first = 0;
	size_t n;

	if (is_byline(line, len)) {
		*off = 3;
		return CHORUS__HEADER_BYLINE;
	}
	n = dated_label(line, len, &first);
	if (!n)
		return 0;
	while (n < len && line[n] == ' ')
		n++;
	*off = n;
	return first ? CHORUS__HEADER_PUBLISHED : CHORUS__HEADER_UPDATED;
}

static int ends_icase(const char *line, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && prefix_icase(line + len - n, n, suffix);
}

int chorus__text_is_boilerplate(const char *line, size_t len)
{
	size_t i, core = len, skip;
	char first;

	if (!len)
		return 0;
	/* a bare address on a line of its own */
	if ((prefix_icase(line, len, "http://") || prefix_icase(line, len, "https://") ||
	     prefix_icase(line, len, "www.")) && !memchr(line, ' ', len))
		return 1;
	/* whole phrases: drop trailing punctuation and arrows first */
	while (core && line[core - 1] && strchr(" .:!>|-", line[core - 1]))
		core--;
	if (core <= 40) {
		for (i = 0; list_headers[i]; i++)
			if (strlen(list_headers[i]) == core && prefix_icase(line, core, list_headers[i]))
				return 2;
		for (i = 0; phrases[i]; i++)
			if (strlen(phrases[i]) == core && prefix_icase(line, core, phrases[i]))
				return 1;
	}
	if (chorus__text_header_line(line, len, &skip))
		return 1;
	first = line[0] >= 'A' && line[0] <= 'Z' ? (char)(line[0] + 32) : line[0];
	for (i = 0; prefixes[i].s; i++) {
		if (prefixes[i].s[0] != first)
			continue;
		if (len <= prefixes[i].max && prefix_icase(line, len, prefixes[i].s)) {
			const char *p = prefixes[i].s;

			/* a copyright line must say so: "Copyright 2022 Reuters. All rights reserved." */
			if ((!strcmp(p, "copyright ") || !strcmp(p, "(c) ")) &&
			    !contains_icase(line, len, "rights reserved") && !contains_icase(line, len, "\xC2\xA9") &&
			    !(len > 10 && line[10] >= '0' && line[10] <= '9'))
				continue;
			if (prefixes[i].prompt && !names_prompt_target(line + strlen(p), len - strlen(p)))
				continue;
			/* a sign-off in parentheses ends with its closing one */
			if (p[0] == '(' && line[len - 1] != ')')
				continue;
			return 1;
		}
	}
	/* "... All rights reserved." as the end of a short line */
	if (len <= 200 && len >= 19 && ends_icase(line, core, "all rights reserved"))
		return 1;
	return 0;
}
