/*
 * chorus/extract.h: what one article says, in structured form: entities (people,
 * organisations, places, outlets) with one canonical entity per referent, direct
 * quotes and reported speech with their speakers, outlets cited, numeric claims, and
 * time expressions resolved to calendar dates. Then, over the articles of one story:
 * entities merged across articles, publication dates inferred where unknown, a
 * timeline of dated events and the numbers outlets disagree on.
 *
 * Per-article extraction is pure: it reads an analysed document (text.h) and a
 * read-only gazetteer, and may run on many threads at once (one context each).
 * Every offset is a byte offset into doc->text.
 */
#ifndef CHORUS_EXTRACT_H
#define CHORUS_EXTRACT_H

#include "chorus/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Places: the gazetteer ------------------------------------------------------ */

/*
 * Place names: countries and their subdivisions from Debian's iso-codes data
 * (iso_3166-1.json, iso_3166-2.json), plus the project's own tables of short names,
 * demonyms ("Russian" -> Russia) and transliteration variants. Read-only once made:
 * one gazetteer may be shared by every thread.
 */
struct chorus_gazetteer;

/* The default folder of the iso-codes JSON files. */
#define CHORUS_ISO_CODES_DIR "/usr/share/iso-codes/json"

/*
 * Reads the iso-codes JSON files in dir (NULL: CHORUS_ISO_CODES_DIR) into a new
 * gazetteer in *out. Returns 0, or CHORUS_ENOTFOUND / CHORUS_EPARSE with a message
 * naming the file when the data is absent or unreadable (then *out is NULL and the
 * caller may use chorus_gazetteer_builtin()).
 */
int chorus_gazetteer_load(struct chorus_ctx *ctx, const char *dir, struct chorus_gazetteer **out);

/* A small built-in gazetteer (the project's own tables only: major countries, no
 * subdivisions), for when iso-codes is absent. Never NULL; do not free it. */
const struct chorus_gazetteer *chorus_gazetteer_builtin(void);

/* The iso-codes gazetteer loaded once per process on first use, or the built-in one
 * when loading failed. Thread-safe. Never NULL; do not free it. */
const struct chorus_gazetteer *chorus_gazetteer_default(void);

void chorus_gazetteer_free(struct chorus_gazetteer *g);

/* Number of names known (for messages and tests). */
size_t chorus_gazetteer_size(const struct chorus_gazetteer *g);

/*
 * Writes the canonical key of a name to out (at most cap bytes with the NUL): the name
 * lowercased, without a possessive "'s", with transliteration variants folded
 * ("Kiev" -> "kyiv", "Lugansk" -> "luhansk", "Zelenskiy"/"Zelenskyy" -> "zelensky").
 * Two spellings of one referent have equal keys. Returns the key's length.
 */
size_t chorus_entity_key(const char *name, size_t n, char *out, size_t cap);

/* ---- One article ------------------------------------------------------------------ */

enum chorus_entity_kind {
	CHORUS_ENT_OTHER = 0,
	CHORUS_ENT_PERSON,
	CHORUS_ENT_ORG,
	CHORUS_ENT_PLACE,
	CHORUS_ENT_OUTLET /* a news outlet or agency: a kind of organisation */
};

/* "person", "organisation", "place", "outlet", "other". */
const char *chorus_entity_kind_name(enum chorus_entity_kind kind);

struct chorus_entity {
	const char *name;  /* canonical display name: the longest full form seen ("Vladimir Putin") */
	const char *key;   /* canonical key (chorus_entity_key of the name); equal across articles */
	const char *title; /* a title seen with it ("Russian President"), or NULL */
	const char *code;  /* places: ISO 3166 code ("UA", "UA-09"), or NULL */
	uint32_t kind;     /* enum chorus_entity_kind */
	uint32_t mentions; /* number of mentions in the article */
	uint32_t first;    /* index of its first mention */
};

enum chorus_mention_flags {
	CHORUS_MENTION_NAME = 1 << 0,    /* a proper name ("Putin", "Vladimir Putin") */
	CHORUS_MENTION_TITLE = 1 << 1,   /* a title only ("the Russian President", "the UN chief") */
	CHORUS_MENTION_PRONOUN = 1 << 2, /* "he", "she" resolved to the last fitting person */
	CHORUS_MENTION_ACRONYM = 1 << 3, /* "NATO", "DNR" */
	CHORUS_MENTION_DEMONYM = 1 << 4  /* "Russian" for Russia */
};

struct chorus_mention {
	uint32_t start, end; /* byte range in doc->text */
	uint32_t entity;     /* index into x->entities */
	uint32_t sent;       /* index into doc->sents */
	uint32_t flags;      /* enum chorus_mention_flags */
};

enum chorus_quote_flags {
	CHORUS_QUOTE_DIRECT = 1 << 0,   /* words inside quotation marks */
	CHORUS_QUOTE_PARTIAL = 1 << 1,  /* a quoted fragment inside the writer's sentence */
	CHORUS_QUOTE_MULTI = 1 << 2,    /* the quotation spans sentences or paragraphs */
	CHORUS_QUOTE_INDIRECT = 1 << 3, /* reported speech with a cue verb, no quotation marks */
	CHORUS_QUOTE_UNNAMED = 1 << 4,  /* the speaker is an unnamed source ("a senior official") */
	CHORUS_QUOTE_PRONOUN = 1 << 5,  /* the speaker was named by a pronoun */
	CHORUS_QUOTE_INHERITED = 1 << 6, /* no cue of its own: the speaker of the quote before it */
	CHORUS_QUOTE_NEAR = 1 << 7       /* the speaker is the nearest name before the cue, not
					  * the cue's grammatical subject (less certain) */
};

struct chorus_quote {
	uint32_t start, end;         /* the quoted words (without the quotation marks) */
	uint32_t cue_start, cue_end; /* the cue ("said", "according to"); equal when none */
	uint32_t src_start, src_end; /* where the speaker is named in the text; equal when none */
	int32_t speaker;             /* index into x->entities, or -1 (unnamed or unknown) */
	const char *speaker_name;    /* canonical name, or the unnamed source's words
				      * ("a senior official"), or NULL when unknown */
	uint32_t sent;               /* the sentence where the quote starts */
	uint32_t flags;              /* enum chorus_quote_flags */
};

/* An outlet the article cites as its source ("reports Reuters", "told CNN"). */
struct chorus_citation {
	uint32_t start, end; /* the outlet's name in the text */
	const char *outlet;  /* canonical outlet name */
	uint32_t sent;
};

struct chorus_number {
	uint32_t start, end;   /* the number with its qualifier and unit ("nearly 1,90,000 troops") */
	double value;          /* 190000; fractions as values ("a third": 0.333...) */
	const char *unit;      /* "%", "km", "year", "USD", ... or NULL for a plain count */
	const char *counts;    /* what is counted ("troops", "people have died"), or NULL */
	const char *qualifier; /* "nearly", "more than", "about", ... or NULL */
	uint32_t sent;
};

enum chorus_timex_flags {
	CHORUS_TIMEX_RELATIVE = 1 << 0, /* resolved against the publication date ("on Monday") */
	CHORUS_TIMEX_INFERRED = 1 << 1, /* the publication date or year was inferred from text */
	CHORUS_TIMEX_DURATION = 1 << 2, /* a duration ("eight years"): value is "P8Y" */
	CHORUS_TIMEX_UNRESOLVED = 1 << 3 /* a part is unknown ("XXXX-02-21") */
};

struct chorus_timex {
	uint32_t start, end; /* the expression ("on Monday", "Feb. 21, 2022") */
	char value[24];      /* TIMEX3 value: "2022-02-21", "2022-02", "2014", "XXXX-02-21", "P8Y" */
	int32_t year;        /* 0 when unknown */
	int8_t month, day;   /* 0 when not given */
	int8_t weekday;      /* 1 (Monday) .. 7 named in the text, else 0 */
	int8_t rel;          /* relative: day offset kind, see timex.c; 0 for absolute */
	int32_t amount;      /* durations: the number of units */
	uint32_t sent;
	uint32_t flags;      /* enum chorus_timex_flags */
};

/*
 * Everything found in one article. All arrays and strings belong to the extraction and
 * are freed by chorus_extraction_free(). Offsets point into doc->text of the document
 * it was made from.
 */
struct chorus_extraction {
	const struct chorus_doc *doc; /* borrowed */
	struct chorus_entity *entities;
	size_t n_entities;
	struct chorus_mention *mentions; /* in text order */
	size_t n_mentions;
	struct chorus_quote *quotes; /* in text order */
	size_t n_quotes;
	struct chorus_citation *citations;
	size_t n_citations;
	struct chorus_number *numbers;
	size_t n_numbers;
	struct chorus_timex *timexes;
	size_t n_timexes;
	chorus_time anchor;    /* the date relative expressions were resolved against */
	int anchor_inferred;   /* 1 when the anchor was inferred from the text */
	void *impl;
};

struct chorus_extract_options {
	const struct chorus_gazetteer *places; /* NULL: chorus_gazetteer_default() */
	int no_indirect;                       /* 1: direct quotes only */
};

/*
 * Extracts entities, quotes, citations, numbers and time expressions from doc into a
 * new extraction in *out. opt may be NULL. doc must outlive the extraction. Returns
 * 0; never fails on any document (out of memory aborts).
 */
int chorus_extract(struct chorus_ctx *ctx, const struct chorus_doc *doc,
		   const struct chorus_extract_options *opt, struct chorus_extraction **out);

void chorus_extraction_free(struct chorus_extraction *x);

/*
 * The article's canonical entities in a simple form for clustering: fills ids[i]
 * with the lexicon id (in ctx's lexicon) of each entity's key, at most cap of them,
 * most mentioned first, people/organisations/places only. Returns how many.
 */
size_t chorus_extraction_entity_ids(struct chorus_ctx *ctx, const struct chorus_extraction *x,
				    uint32_t *ids, size_t cap);

/* ---- One story -------------------------------------------------------------------- */

struct chorus_story_entity {
	const char *name, *key, *title, *code;
	uint32_t kind;
	uint32_t mentions; /* over all articles */
	uint32_t articles; /* articles mentioning it */
};

struct chorus_story_quote {
	size_t article;            /* index of the article */
	const struct chorus_quote *q; /* borrowed from that article's extraction */
	const char *text;          /* the quoted words */
	const char *speaker;       /* canonical story-level name, or NULL */
	uint32_t outlets;          /* number of articles carrying the same quote */
	size_t *carriers;          /* their article indexes, n = outlets */
};

struct chorus_story_number {
	const char *counts;          /* what is counted */
	const char *unit;
	double value;
	const char *qualifier;
	const char *sentence;        /* the sentence it stands in (first article) */
	uint32_t sent;               /* that sentence's index in the first article */
	size_t *articles;            /* articles reporting this value */
	size_t n_articles;
	int conflict;                /* 1: another value is reported for the same thing */
};

struct chorus_story_event {
	char date[24];       /* TIMEX3 value of the day (or month, year) */
	int inferred;        /* the date rests on an inferred publication date or year */
	const char *sentence; /* the event, as the first article reporting it says it */
	size_t *articles;    /* articles reporting it, in input order */
	size_t n_articles;
};

/*
 * What a story's articles say together. xs[i] is the extraction of article i (its
 * doc->article gives the outlet); the extractions are read and may have their dates
 * re-resolved (a year or publication date inferred across the story is written back
 * into each timex, with CHORUS_TIMEX_INFERRED). Everything else belongs to the story
 * extraction.
 */
struct chorus_story_extraction {
	struct chorus_story_entity *entities; /* most mentioned first */
	size_t n_entities;
	struct chorus_story_quote *quotes;    /* direct quotes with a speaker, and reported
					       * speech by a named speaker (q->flags tells),
					       * deduplicated, in article order */
	size_t n_quotes;
	struct chorus_story_number *numbers;  /* grouped by what they count */
	size_t n_numbers;
	struct chorus_story_event *events;    /* the timeline, in date order */
	size_t n_events;
	int year_inferred;                     /* the year of yearless dates was inferred */
	void *impl;
};

int chorus_extract_story(struct chorus_ctx *ctx, struct chorus_extraction *const *xs, size_t n,
			 struct chorus_story_extraction **out);
void chorus_story_extraction_free(struct chorus_story_extraction *s);

/* The outlet name of an article for provenance: a->source, else the dateline agency,
 * else the article id. Never NULL. */
const char *chorus_extract_outlet(const struct chorus_extraction *x);

#ifdef __cplusplus
}
#endif
#endif
