/*
 * web/ingest_web.h: the web formats' entries for the readers' format table
 * (ingest/formats.c). See ingest/ingest.h for the sniff/read contract.
 */
#ifndef CHORUS_WEB_INGEST_WEB_H
#define CHORUS_WEB_INGEST_WEB_H

#include <stddef.h>

struct chorus__ingest;
struct chorus__input;

int chorus__ingest_compressed_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_compressed_read(struct chorus__ingest *st, struct chorus__input *in);
int chorus__ingest_warc_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_warc_read(struct chorus__ingest *st, struct chorus__input *in);
int chorus__ingest_feed_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_feed_read(struct chorus__ingest *st, struct chorus__input *in);
int chorus__ingest_html_sniff(const char *name, const char *head, size_t n);
int chorus__ingest_html_read(struct chorus__ingest *st, struct chorus__input *in);

#endif
