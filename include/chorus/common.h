/*
 * chorus/common.h: what every part of the chorus API shares: error codes, the
 * context that carries error detail and per-thread state, and time values.
 *
 * Conventions, kept by every header:
 * - Functions that can fail return int: 0 on success or a negative CHORUS_E* code.
 *   Results go in out-parameters placed last. The text of the last error is kept on
 *   the context: chorus_errmsg(ctx).
 * - `const char *` arguments are borrowed for the duration of the call. A returned
 *   non-const pointer belongs to the caller unless the comment says otherwise.
 * - Objects are made with chorus_<thing>_new() and freed with chorus_<thing>_free();
 *   _free(NULL) does nothing. Out of memory aborts the process with a message.
 * - The library never prints and never exits.
 */
#ifndef CHORUS_COMMON_H
#define CHORUS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum chorus_error {
	CHORUS_OK = 0,
	CHORUS_EINVAL = -1,    /* bad argument or option */
	CHORUS_EIO = -2,       /* reading or writing a file failed */
	CHORUS_EPARSE = -3,    /* input is not in the expected format */
	CHORUS_ETOOBIG = -4,   /* input exceeds a configured limit */
	CHORUS_EENCODING = -5, /* input is not text (binary, or not repairable as UTF-8) */
	CHORUS_EEMPTY = -6,    /* input holds nothing to work on */
	CHORUS_ENOTFOUND = -7, /* no such file, id or record */
	CHORUS_EDB = -8,       /* the store failed (see the message) */
	CHORUS_EBUSY = -9,     /* the store is locked by another process */
	CHORUS_ENOSPC = -10,   /* no space left on the device */
	CHORUS_EUNSUPPORTED = -11 /* a format or feature this build does not handle */
};

/* A short constant description of an error code ("input exceeds a limit"). */
const char *chorus_strerror(int code);

/* Unix time in seconds, UTC. */
typedef int64_t chorus_time;
/* The value of a time that is not known. */
#define CHORUS_TIME_UNKNOWN INT64_MIN

/*
 * The context: error detail, the term lexicon and per-thread tools (the stemmer).
 * One context is used by one thread at a time. Term ids (see lexicon.h) are
 * meaningful only within the context that made them.
 */
struct chorus_ctx;

/* A new context; never returns NULL (out of memory aborts). */
struct chorus_ctx *chorus_ctx_new(void);
void chorus_ctx_free(struct chorus_ctx *ctx);

/* The message of the last error set on ctx, or "" if none. Owned by ctx, valid
 * until the next call that sets an error. */
const char *chorus_errmsg(const struct chorus_ctx *ctx);

/* Sets the error message (printf-style) and returns code, so that callers can write
 * `return chorus_error(ctx, CHORUS_EPARSE, "%s:%zu: bad JSON", path, line);` */
int chorus_error(struct chorus_ctx *ctx, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Clears the error message. */
void chorus_error_clear(struct chorus_ctx *ctx);

/* The library version, "MAJOR.MINOR.PATCH". */
const char *chorus_version(void);

#ifdef __cplusplus
}
#endif
#endif
