/*
 * ingest/jsonl.c: the JSONL reader (one JSON object per line, parsed with jansson).
 * Fields: id, url, source, title, author, lang, published (ISO 8601 or RFC 2822, or
 * Unix seconds), text (or body, or content). Unknown fields are ignored; a broken line
 * is reported as "file:line" with the reason and skipped, and reading goes on.
 */
#include <inttypes.h>
#include <jansson.h>

#include "chorus/text.h"
#include "ingest/ingest.h"
#include "util/alloc.h"

int chorus__ingest_jsonl_sniff(const char *name, const char *head, size_t n)
{
	size_t i = 0;

	if (chorus__ingest_has_ext(name, ".jsonl") || chorus__ingest_has_ext(name, ".ndjson"))
		return 60;
	if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	return i < n && head[i] == '{' ? 40 : 0;
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

/* A copy of the string field key of obj, whitespace-trimmed, into *out (NULL when the
 * field is absent, null or blank). Returns 0, or -1 when it has another type. */
static int get_string(const json_t *obj, const char *key, char **out)
{
	const json_t *v = json_object_get(obj, key);
	const char *s, *e;

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	e = s + strlen(s); /* an embedded NUL ("\u0000") ends a short field */
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	if (s < e)
		*out = chorus_xstrndup(s, (size_t)(e - s));
	return 0;
}

/* Reads one line that parsed as a JSON value into an article and emits it. */
static int read_record(struct chorus__ingest *st, struct chorus__input *in, json_t *root,
		       size_t lineno, const char *where, unsigned flags)
{
	static const char *const strings[] = { "url", "source", "title", "author", "lang" };
	static const char *const bodies[] = { "text", "body", "content" };
	struct chorus_article a;
	const json_t *v, *body = NULL;
	const char *body_key = NULL;
	char **slots[5];
	size_t i;

	if (!json_is_object(root)) {
		chorus__ingest_diag(st, where, "not a JSON object but %s", type_name(root));
		return 0;
	}
	chorus_article_init(&a);
	slots[0] = &a.url;
	slots[1] = &a.source;
	slots[2] = &a.title;
	slots[3] = &a.author;
	slots[4] = &a.lang;
	for (i = 0; i < 5; i++) {
		if (get_string(root, strings[i], slots[i]) < 0) {
			chorus__ingest_diag(st, where, "field \"%s\" is %s, not a string", strings[i],
					    type_name(json_object_get(root, strings[i])));
			goto skip;
		}
	}
	v = json_object_get(root, "id");
	if (v && json_is_integer(v)) {
		struct chorus__buf b = { 0 };
		chorus__buf_addf(&b, "%" PRIdMAX, (intmax_t)json_integer_value(v));
		a.id = chorus__buf_detach(&b, NULL);
	} else if (get_string(root, "id", &a.id) < 0) {
		chorus__ingest_diag(st, where, "field \"id\" is %s, not a string",
				    type_name(v));
		goto skip;
	}
	if (!a.id) {
		struct chorus__buf b = { 0 };
		chorus__buf_addf(&b, "%s:%zu", in->id, lineno);
		a.id = chorus__buf_detach(&b, NULL);
	}
	v = json_object_get(root, "published");
	if (v && json_is_integer(v)) {
		a.published = (chorus_time)json_integer_value(v);
	} else if (v && json_is_string(v)) {
		if (chorus_parse_date(json_string_value(v), &a.published) < 0) {
			chorus__ingest_diag(st, where, "date \"%.64s\" not understood; left unknown",
					    json_string_value(v));
			a.published = CHORUS_TIME_UNKNOWN;
		}
	} else if (v && !json_is_null(v)) {
		chorus__ingest_diag(st, where, "field \"published\" is %s, not a date",
				    type_name(v));
		goto skip;
	}
	for (i = 0; i < 3 && !body; i++) {
		v = json_object_get(root, bodies[i]);
		if (v && !json_is_null(v)) {
			body = v;
			body_key = bodies[i];
		}
	}
	if (!body) {
		chorus__ingest_diag(st, where, "no \"text\", \"body\" or \"content\" field");
		goto skip;
	}
	if (!json_is_string(body)) {
		chorus__ingest_diag(st, where, "field \"%s\" is %s, not a string", body_key,
				    type_name(body));
		goto skip;
	}
	a.text_len = json_string_length(body);
	a.text = chorus_xstrndup(json_string_value(body), a.text_len);
	a.flags = flags;
	{
		struct chorus__buf b = { 0 };
		chorus__buf_addf(&b, "%s:%zu", in->name, lineno);
		a.origin = chorus__buf_detach(&b, NULL);
	}
	return chorus__ingest_emit(st, &a, where);
skip:
	chorus_article_release(&a);
	return 0;
}

/* The longest line read: an article at the limit, with room for JSON escapes. */
static size_t line_limit(size_t max_bytes)
{
	if (max_bytes > (SIZE_MAX - 65536) / 2)
		return SIZE_MAX;
	return 2 * max_bytes + 65536;
}

static int read_line(struct chorus__ingest *st, struct chorus__input *in,
		     const struct chorus__buf *line, size_t lineno, const char *where)
{
	char *clean = NULL;
	size_t clean_len = 0, repaired = 0, n = line->len;
	json_error_t err;
	json_t *root;
	int rc;

	while (n > 0 && (line->ptr[n - 1] == '\n' || line->ptr[n - 1] == '\r' ||
			 line->ptr[n - 1] == ' ' || line->ptr[n - 1] == '\t'))
		n--;
	rc = chorus_text_repair(st->ctx, line->ptr ? line->ptr : "", n, &clean, &clean_len,
				&repaired);
	if (rc < 0) { /* the message says why: "binary data, not text: ..." */
		chorus__ingest_diag(st, where, "%s", chorus_errmsg(st->ctx));
		return 0;
	}
	{
		size_t i = 0;
		while (i < clean_len && (clean[i] == ' ' || clean[i] == '\t'))
			i++;
		if (i == clean_len) { /* a blank line is no record */
			free(clean);
			return 0;
		}
	}
	root = json_loadb(clean, clean_len, JSON_ALLOW_NUL, &err);
	free(clean);
	if (!root) {
		chorus__ingest_diag(st, where, "bad JSON at column %d: %s", err.column, err.text);
		return 0;
	}
	rc = read_record(st, in, root, lineno, where, repaired ? CHORUS_ARTICLE_REPAIRED : 0);
	json_decref(root);
	return rc;
}

int chorus__ingest_jsonl_read(struct chorus__ingest *st, struct chorus__input *in)
{
	struct chorus__buf line = { 0 }, where = { 0 };
	size_t lineno = 0, limit = line_limit(st->max_bytes);
	int rc = 0, got, too_long;

	for (;;) {
		got = chorus__input_getline(in, &line, limit, &too_long);
		if (got <= 0)
			break;
		lineno++;
		chorus__buf_reset(&where);
		chorus__buf_addf(&where, "%s:%zu", in->name, lineno);
		if (too_long) {
			chorus__ingest_diag(st, chorus__buf_str(&where),
					    "line is over %zu bytes, the limit for an article of %zu",
					    limit, st->max_bytes);
			continue;
		}
		rc = read_line(st, in, &line, lineno, chorus__buf_str(&where));
		if (rc)
			break;
	}
	if (got == CHORUS_EIO) {
		chorus__buf_reset(&where);
		chorus__buf_addf(&where, "%s:%zu", in->name, lineno + 1);
		chorus__ingest_diag(st, chorus__buf_str(&where), "read error");
	}
	chorus__buf_release(&line);
	chorus__buf_release(&where);
	return rc;
}
