/*
 * ingest/read.c: the entry points of the readers (chorus_read_path, chorus_read_buffer),
 * the folder walk, the buffered input every format reads from, and the last step every
 * article goes through (size limit, UTF-8 repair, line ends, empty check) before the
 * caller sees it. First stage of the pipeline: bytes in, article records out.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "chorus/text.h"
#include "ingest/ingest.h"
#include "text/utf8.h"
#include "util/alloc.h"

#define READ_CHUNK 65536
#define MAX_DEPTH 64 /* folders nested deeper than this are not read */

/* ---- the input ---- */

void chorus__input_init_file(struct chorus__input *in, const char *name, const char *id,
			     FILE *fp, size_t size)
{
	memset(in, 0, sizeof(*in));
	in->name = name;
	in->id = id;
	in->fp = fp;
	in->size = size;
}

void chorus__input_init_mem(struct chorus__input *in, const char *name, const char *id,
			    const char *mem, size_t n)
{
	memset(in, 0, sizeof(*in));
	in->name = name;
	in->id = id;
	in->mem = mem;
	in->mem_len = n;
	in->size = n;
}

void chorus__input_release(struct chorus__input *in)
{
	free(in->buf);
	in->buf = NULL;
	in->pos = in->len = in->cap = 0;
}

/* Makes at least want bytes available in the window (fewer at the end); returns
 * the number available. */
static size_t fill(struct chorus__input *in, size_t want)
{
	if (!in->fp)
		return in->mem_len - in->pos;
	while (in->len - in->pos < want && !in->eof) {
		size_t got;
		if (in->pos > 0 && in->pos == in->len)
			in->pos = in->len = 0;
		if (in->pos > 0 && in->cap - in->len < READ_CHUNK) {
			memmove(in->buf, in->buf + in->pos, in->len - in->pos);
			in->len -= in->pos;
			in->pos = 0;
		}
		CHORUS_GROW(in->buf, in->len + READ_CHUNK, in->cap);
		got = fread(in->buf + in->len, 1, READ_CHUNK, in->fp);
		in->len += got;
		if (got < READ_CHUNK) {
			in->eof = 1;
			if (ferror(in->fp))
				in->err = errno ? errno : EIO;
		}
	}
	return in->len - in->pos;
}

static const char *window(const struct chorus__input *in)
{
	return in->fp ? in->buf + in->pos : in->mem + in->pos;
}

static void consume(struct chorus__input *in, size_t n)
{
	in->pos += n;
	in->consumed += n;
}

void chorus__input_peek(struct chorus__input *in, const char **p, size_t *n)
{
	size_t avail = fill(in, CHORUS__INGEST_HEAD);

	*p = avail ? window(in) : "";
	*n = avail < CHORUS__INGEST_HEAD ? avail : CHORUS__INGEST_HEAD;
}

int chorus__input_getline(struct chorus__input *in, struct chorus__buf *line, size_t limit,
			  int *too_long)
{
	int any = 0;

	chorus__buf_reset(line);
	*too_long = 0;
	for (;;) {
		size_t avail = fill(in, 1), take;
		const char *w, *nl;

		if (!avail)
			break;
		w = window(in);
		nl = memchr(w, '\n', avail);
		take = nl ? (size_t)(nl - w) + 1 : avail;
		any = 1;
		if (!*too_long) {
			if (line->len + take > limit) {
				*too_long = 1;
				chorus__buf_add(line, w, limit - line->len);
			} else {
				chorus__buf_add(line, w, take);
			}
		}
		consume(in, take);
		if (nl)
			break;
	}
	if (in->err)
		return CHORUS_EIO;
	return any;
}

int chorus__input_slurp(struct chorus__input *in, size_t limit, char **out, size_t *len)
{
	struct chorus__buf b = { 0 };
	size_t avail;

	*out = NULL;
	*len = 0;
	while ((avail = fill(in, READ_CHUNK)) > 0) {
		if (b.len + avail > limit) {
			*len = b.len + avail;
			consume(in, avail);
			chorus__buf_release(&b);
			return CHORUS_ETOOBIG;
		}
		chorus__buf_add(&b, window(in), avail);
		consume(in, avail);
	}
	if (in->err) {
		chorus__buf_release(&b);
		return CHORUS_EIO;
	}
	*out = chorus__buf_detach(&b, len);
	return 0;
}

/* ---- articles ---- */

void chorus__ingest_diag(struct chorus__ingest *st, const char *where, const char *fmt, ...)
{
	struct chorus__buf b = { 0 };
	va_list ap;

	st->skipped++;
	if (!st->on_diag)
		return;
	va_start(ap, fmt);
	chorus__buf_vaddf(&b, fmt, ap);
	va_end(ap);
	st->on_diag(st->arg, where, chorus__buf_str(&b));
	chorus__buf_release(&b);
}

/* CRLF and lone CR become LF, in place; returns the new length. */
static size_t fold_line_ends(char *s, size_t n)
{
	size_t i, j = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			s[j++] = s[i];
		}
	}
	s[j] = '\0';
	return j;
}

static int all_space(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
		    s[i] != '\v')
			return 0;
	return 1;
}

/* Makes one metadata string of a valid UTF-8, as chorus_text_repair() does for text;
 * a value that is binary rather than text keeps its printable ASCII bytes only. */
static void repair_field(struct chorus__ingest *st, char **f)
{
	char *clean = NULL, *p;
	size_t len = 0, n;

	if (!*f)
		return;
	n = strlen(*f);
	if (chorus__utf8_valid(*f, n))
		return;
	if (chorus_text_repair(st->ctx, *f, n, &clean, &len, NULL) == 0) {
		free(*f);
		*f = clean;
		return;
	}
	for (p = *f; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F)
			*p = '?';
}

int chorus__ingest_prepare(struct chorus__ingest *st, struct chorus_article *a, const char *where)
{
	char *clean = NULL;
	size_t clean_len = 0, repaired = 0;
	int rc;

	if (a->text_len > st->max_bytes) {
		chorus__ingest_diag(st, where, "article is %zu bytes, over the limit of %zu bytes",
				    a->text_len, st->max_bytes);
		goto skip;
	}
	rc = chorus_text_repair(st->ctx, a->text ? a->text : "", a->text_len, &clean, &clean_len,
				&repaired);
	if (rc < 0) { /* the message says why: "binary data, not text: ..." */
		chorus__ingest_diag(st, where, "%s", chorus_errmsg(st->ctx));
		goto skip;
	}
	free(a->text);
	a->text = clean;
	a->text_len = fold_line_ends(clean, clean_len);
	/* a reader copies metadata as it finds it (a DOCNO, a file name): any bytes */
	repair_field(st, &a->id);
	repair_field(st, &a->url);
	repair_field(st, &a->source);
	repair_field(st, &a->title);
	repair_field(st, &a->author);
	repair_field(st, &a->lang);
	repair_field(st, &a->origin);
	if (repaired)
		a->flags |= CHORUS_ARTICLE_REPAIRED;
	if (all_space(a->text, a->text_len)) {
		chorus__ingest_diag(st, where, "empty article");
		goto skip;
	}
	return 0;
skip:
	chorus_article_release(a);
	return 1;
}

int chorus__ingest_deliver(struct chorus__ingest *st, struct chorus_article *a)
{
	int rc;

	if (!a->source && st->default_source)
		a->source = chorus_xstrdup(st->default_source);
	st->articles++;
	rc = st->on_article ? st->on_article(st->arg, a) : 0;
	chorus_article_release(a);
	if (rc)
		st->stop = rc;
	return rc;
}

int chorus__ingest_emit(struct chorus__ingest *st, struct chorus_article *a, const char *where)
{
	if (chorus__ingest_prepare(st, a, where))
		return 0;
	return chorus__ingest_deliver(st, a);
}

/* ---- files and folders ---- */

/* File names that are obviously not text; skipped without a message inside folders. */
static int obviously_not_text(const char *name)
{
	static const char *const exts[] = {
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".tif", ".tiff",
		".svgz", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt",
		".ods", ".zip", ".tar", ".7z", ".rar", ".exe", ".dll", ".so", ".o", ".a",
		".class", ".jar", ".pyc", ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".flac",
		".avi", ".mov", ".mkv", ".webm", ".woff", ".woff2", ".ttf", ".otf", ".sqlite",
		".db", ".bin", ".iso",
	};
	size_t i;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (chorus__ingest_has_ext(name, exts[i]))
			return 1;
	return 0;
}

/*
 * A folder's own documentation (README, LICENSE, COPYING, NOTICE, CHANGELOG, AUTHORS,
 * any case, with any extension: "README.md", "Licence.txt") describes the folder and
 * is no article; skipped without a message inside folders. Given by name, it is read.
 */
static int folder_documentation(const char *path)
{
	static const char *const stems[] = {
		"readme", "license", "licence", "copying", "notice", "changelog", "authors",
	};
	const char *name = strrchr(path, '/');
	size_t i, len;

	name = name ? name + 1 : path;
	len = strcspn(name, ".");
	for (i = 0; i < sizeof(stems) / sizeof(stems[0]); i++)
		if (len == strlen(stems[i]) && !strncasecmp(name, stems[i], len))
			return 1;
	return 0;
}

static int read_stream(struct chorus__ingest *st, const char *name, const char *id, FILE *fp,
		       size_t size)
{
	struct chorus__input in;
	int rc;

	chorus__input_init_file(&in, name, id, fp, size);
	rc = chorus__ingest_dispatch(st, &in);
	chorus__input_release(&in);
	return rc;
}

/* Reads one file: 0 or the stop value, or a negative code with a message on ctx. */
static int read_file(struct chorus__ingest *st, const char *path, const char *id,
		     const struct stat *sb, int *oserr)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	if (!fp) {
		*oserr = errno;
		return chorus_error(st->ctx, *oserr == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", path, strerror(*oserr));
	}
	rc = read_stream(st, path, id, fp,
			 S_ISREG(sb->st_mode) ? (size_t)sb->st_size : SIZE_MAX);
	fclose(fp);
	return rc;
}

struct visited {
	struct { dev_t dev; ino_t ino; } *v;
	size_t n, cap;
};

static int seen(struct visited *vis, const struct stat *sb)
{
	size_t i;

	for (i = 0; i < vis->n; i++)
		if (vis->v[i].dev == sb->st_dev && vis->v[i].ino == sb->st_ino)
			return 1;
	CHORUS_GROW(vis->v, vis->n + 1, vis->cap);
	vis->v[vis->n].dev = sb->st_dev;
	vis->v[vis->n].ino = sb->st_ino;
	vis->n++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(struct chorus__ingest *st, const char *dir, const char *rel,
		struct visited *vis, int depth);

static int walk_entry(struct chorus__ingest *st, const char *path, const char *rel,
		      struct visited *vis, int depth)
{
	struct stat sb;
	int rc, oserr = 0;

	if (stat(path, &sb) != 0) {
		chorus__ingest_diag(st, path, "%s", strerror(errno));
		return 0;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (seen(vis, &sb)) {
			chorus__ingest_diag(st, path, "folder already read (a symbolic link loop?)");
			return 0;
		}
		if (depth >= MAX_DEPTH) {
			chorus__ingest_diag(st, path, "folders nested over %d deep are not read",
					    MAX_DEPTH);
			return 0;
		}
		return walk(st, path, rel, vis, depth + 1);
	}
	if (!S_ISREG(sb.st_mode)) {
		chorus__ingest_diag(st, path, "not a regular file");
		return 0;
	}
	if (obviously_not_text(path) || folder_documentation(path))
		return 0;
	rc = read_file(st, path, rel, &sb, &oserr);
	if (rc < 0) {
		chorus__ingest_diag(st, path, "%s", strerror(oserr));
		return 0;
	}
	return rc;
}

static int walk(struct chorus__ingest *st, const char *dir, const char *rel,
		struct visited *vis, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (!d) {
		chorus__ingest_diag(st, dir, "%s", strerror(errno));
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.') /* hidden, and "." and ".." */
			continue;
		CHORUS_GROW(names, n + 1, cap);
		names[n++] = chorus_xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n && !rc; i++) {
		struct chorus__buf path = { 0 }, sub = { 0 };
		size_t dl = strlen(dir);

		chorus__buf_adds(&path, dir);
		if (dl && dir[dl - 1] != '/')
			chorus__buf_addch(&path, '/');
		chorus__buf_adds(&path, names[i]);
		if (rel)
			chorus__buf_addf(&sub, "%s/", rel);
		chorus__buf_adds(&sub, names[i]);
		rc = walk_entry(st, chorus__buf_str(&path), chorus__buf_str(&sub), vis, depth);
		chorus__buf_release(&path);
		chorus__buf_release(&sub);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static int setup(struct chorus__ingest *st, struct chorus_ctx *ctx,
		 const struct chorus_read_options *opt, chorus_article_fn on_article,
		 chorus_diag_fn on_diag, void *arg)
{
	memset(st, 0, sizeof(*st));
	st->ctx = ctx;
	st->max_bytes = opt && opt->max_article_bytes ? opt->max_article_bytes
						      : CHORUS_DEFAULT_MAX_ARTICLE_BYTES;
	st->default_source = opt ? opt->default_source : NULL;
	st->on_article = on_article;
	st->on_diag = on_diag;
	st->arg = arg;
	if (opt && opt->format) {
		st->force = chorus__ingest_format(opt->format);
		if (!st->force)
			return chorus_error(ctx, CHORUS_EINVAL, "unknown input format '%s'",
					    opt->format);
	}
	return 0;
}

int chorus_read_path(struct chorus_ctx *ctx, const char *path,
		     const struct chorus_read_options *opt,
		     chorus_article_fn on_article, chorus_diag_fn on_diag, void *arg)
{
	struct chorus__ingest st;
	struct stat sb;
	int rc;

	if (!path || !*path)
		return chorus_error(ctx, CHORUS_EINVAL, "no input path given");
	rc = setup(&st, ctx, opt, on_article, on_diag, arg);
	if (rc)
		return rc;
	if (!strcmp(path, "-"))
		return read_stream(&st, "stdin", "stdin", stdin, SIZE_MAX);
	if (stat(path, &sb) != 0)
		return chorus_error(ctx, errno == ENOENT ? CHORUS_ENOTFOUND : CHORUS_EIO,
				    "%s: %s", path,
				    errno == ENOENT ? "no such file or folder" : strerror(errno));
	if (S_ISDIR(sb.st_mode)) {
		struct visited vis = { 0 };
		seen(&vis, &sb);
		rc = walk(&st, path, NULL, &vis, 0);
		free(vis.v);
		return rc;
	}
	{
		int oserr = 0;
		return read_file(&st, path, base_name(path), &sb, &oserr);
	}
}

int chorus_read_buffer(struct chorus_ctx *ctx, const char *name, const char *data, size_t n,
		       const struct chorus_read_options *opt,
		       chorus_article_fn on_article, chorus_diag_fn on_diag, void *arg)
{
	struct chorus__ingest st;
	struct chorus__input in;
	int rc;

	rc = setup(&st, ctx, opt, on_article, on_diag, arg);
	if (rc)
		return rc;
	if (!name)
		name = "stdin";
	chorus__input_init_mem(&in, name, base_name(name), data ? data : "", data ? n : 0);
	rc = chorus__ingest_dispatch(&st, &in);
	chorus__input_release(&in);
	return rc;
}
