/*
 * tests/fuzz/fuzz_replay.h: the main of a fuzz target built without libFuzzer
 * (-DCHORUS_FUZZ_MAIN): runs LLVMFuzzerTestOneInput once on the bytes of each file
 * named on the command line, in order. Every target includes it last; `make check`
 * builds the targets so and replays their seeds (tests/fuzz/seeds/NAME/).
 */
#ifndef CHORUS_FUZZ_REPLAY_H
#define CHORUS_FUZZ_REPLAY_H
#ifdef CHORUS_FUZZ_MAIN

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		char *buf = NULL;
		size_t len = 0, cap = 0, got;

		if (!fp) {
			perror(argv[i]);
			return 1;
		}
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 65536;
				buf = realloc(buf, cap);
				if (!buf)
					abort();
			}
			got = fread(buf + len, 1, cap - len, fp);
			len += got;
		} while (got > 0);
		if (ferror(fp)) {
			perror(argv[i]);
			return 1;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
		free(buf);
	}
	return 0;
}

#endif
#endif
