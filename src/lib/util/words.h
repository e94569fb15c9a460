/*
 * util/words.h: words as a summary's length is counted: runs of bytes other than
 * space, tab, CR and LF (ROUGE's `-l` limit counts them so).
 */
#ifndef CHORUS_UTIL_WORDS_H
#define CHORUS_UTIL_WORDS_H

#include <stddef.h>

/* The number of words in the n bytes at s. */
size_t chorus__count_words(const char *s, size_t n);

#endif
