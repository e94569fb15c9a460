/*
 * tests/unit/support/testutil.c: helpers shared by the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "testutil.h"

const char *testutil_shared(const char *rel)
{
	static char path[4096];
	struct stat st;

	snprintf(path, sizeof(path), "../shared/data/%s", rel);
	if (stat(path, &st) != 0) {
		printf("skip: ../shared/data/%s is absent\n", rel);
		return NULL;
	}
	return path;
}

char *testutil_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap * 2 + 65536;
			buf = realloc(buf, cap + 1);
			if (!buf) {
				fclose(f);
				return NULL;
			}
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
