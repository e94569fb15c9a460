/*
 * ingest/formats.c: the table of input formats and the dispatch that picks one.
 *
 * Adding a format takes one line in the table below and one file beside this one:
 *
 *   1. Write src/lib/ingest/<fmt>.c with two functions, declared in ingest.h:
 *        int chorus__ingest_<fmt>_sniff(const char *name, const char *head, size_t n);
 *        int chorus__ingest_<fmt>_read(struct chorus__ingest *st, struct chorus__input *in);
 *      sniff() scores how sure it is that an input called name, starting with the
 *      bytes head[0 .. n) (at most CHORUS__INGEST_HEAD of them), is in this format:
 *      0 = no, 100 = certain (magic bytes); a file extension alone is worth about 60;
 *      plain text answers 1 for anything, so any positive score beats it.
 *      read() reads the input with chorus__input_getline() / chorus__input_slurp()
 *      and calls chorus__ingest_emit() per article (raw bytes in a->text: emit()
 *      repairs, limits and hands it on) and chorus__ingest_diag() per skipped record.
 *   2. Add { "<fmt>", chorus__ingest_<fmt>_sniff, chorus__ingest_<fmt>_read } to
 *      formats[] below. The name is what `chorus_read_options.format` accepts.
 *
 * A container format (gzip, zstd, WARC) decompresses or unpacks into memory, within
 * st->max_bytes per member, wraps each member in chorus__input_init_mem() and calls
 * chorus__ingest_dispatch() on it, so that the inner bytes are sniffed again.
 */
#include <strings.h>

#include "ingest/ingest.h"
#include "util/alloc.h"
#include "web/ingest_web.h"

static const struct chorus__format formats[] = {
	{ "compressed", chorus__ingest_compressed_sniff, chorus__ingest_compressed_read },
	{ "warc", chorus__ingest_warc_sniff, chorus__ingest_warc_read },
	{ "feed", chorus__ingest_feed_sniff, chorus__ingest_feed_read },
	{ "html", chorus__ingest_html_sniff, chorus__ingest_html_read },
	{ "jsonl", chorus__ingest_jsonl_sniff, chorus__ingest_jsonl_read },
	{ "sgml", chorus__ingest_sgml_sniff, chorus__ingest_sgml_read },
	/* plain text comes last: it reads anything that no other format claims */
	{ "text", chorus__ingest_text_sniff, chorus__ingest_text_read },
};

const struct chorus__format *chorus__ingest_format(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(formats[i].name, name))
			return &formats[i];
	return NULL;
}

int chorus__ingest_has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && !strcasecmp(name + n - e, ext);
}

int chorus__ingest_dispatch(struct chorus__ingest *st, struct chorus__input *in)
{
	const struct chorus__format *best = st->force;
	const char *head;
	size_t n, i;
	int score = 0;

	if (!best) {
		chorus__input_peek(in, &head, &n);
		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
			int s = formats[i].sniff(in->name, head, n);
			if (s > score) {
				score = s;
				best = &formats[i];
			}
		}
	}
	if (!best) { /* no format claims it: cannot happen while "text" answers 1 */
		chorus__ingest_diag(st, in->name, "not in any input format this build reads");
		return 0;
	}
	return best->read(st, in);
}
