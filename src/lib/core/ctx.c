/*
 * core/ctx.c: the context (error text, lexicon, per-thread tools) and error codes.
 */
#include <libstemmer.h>
#include <stdarg.h>
#include <stdio.h>

#include "core/ctx.h"
#include "util/alloc.h"

#ifndef CHORUS_VERSION_STRING
#define CHORUS_VERSION_STRING "0.0.0"
#endif

struct chorus_ctx *chorus_ctx_new(void)
{
	struct chorus_ctx *ctx = chorus_xcalloc(1, sizeof(*ctx));
	ctx->lex = chorus_lexicon_new();
	return ctx;
}

void chorus_ctx_free(struct chorus_ctx *ctx)
{
	if (!ctx)
		return;
	chorus_lexicon_free(ctx->lex);
	if (ctx->stemmer)
		sb_stemmer_delete(ctx->stemmer);
	free(ctx->text_terms);
	free(ctx->text_tokcache);
	free(ctx->extract_classes);
	free(ctx);
}

struct chorus_lexicon *chorus_ctx_lexicon(struct chorus_ctx *ctx)
{
	return ctx->lex;
}

const char *chorus_errmsg(const struct chorus_ctx *ctx)
{
	return ctx ? ctx->errmsg : "";
}

int chorus_error(struct chorus_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;

	if (!ctx)
		return code;
	va_start(ap, fmt);
	vsnprintf(ctx->errmsg, sizeof(ctx->errmsg), fmt, ap);
	va_end(ap);
	return code;
}

void chorus_error_clear(struct chorus_ctx *ctx)
{
	if (ctx)
		ctx->errmsg[0] = '\0';
}

const char *chorus_strerror(int code)
{
	switch (code) {
	case CHORUS_OK: return "success";
	case CHORUS_EINVAL: return "invalid argument";
	case CHORUS_EIO: return "input/output error";
	case CHORUS_EPARSE: return "input is not in the expected format";
	case CHORUS_ETOOBIG: return "input exceeds a limit";
	case CHORUS_EENCODING: return "input is not text";
	case CHORUS_EEMPTY: return "nothing to work on";
	case CHORUS_ENOTFOUND: return "not found";
	case CHORUS_EDB: return "database error";
	case CHORUS_EBUSY: return "database is locked";
	case CHORUS_ENOSPC: return "no space left on device";
	case CHORUS_EUNSUPPORTED: return "not supported";
	default: return "unknown error";
	}
}

const char *chorus_version(void)
{
	return CHORUS_VERSION_STRING;
}
