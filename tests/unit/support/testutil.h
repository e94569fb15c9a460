/*
 * tests/unit/support/testutil.h: what the unit tests share: cmocka, and access to the
 * evaluation data in ../shared/data when it is there.
 */
#ifndef CHORUS_TESTUTIL_H
#define CHORUS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/*
 * The path of ../shared/data/<rel> in a static buffer when it exists, else NULL after
 * printing "skip: <test>: ../shared/data/<rel> is absent" once. Tests that need the
 * data call skip() when this returns NULL.
 */
const char *testutil_shared(const char *rel);

/* Reads a whole file into a new NUL-terminated buffer (length in *len); NULL on error. */
char *testutil_read_file(const char *path, size_t *len);

#endif
