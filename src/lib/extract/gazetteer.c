/*
 * extract/gazetteer.c: place names for entity classification, and the canonical key
 * that makes two spellings of one name equal.
 *
 * Countries and subdivisions come from Debian's iso-codes (iso_3166-1.json and
 * iso_3166-2.json), read at run time. The project's own tables add what iso-codes
 * does not hold: short names in news use ("Russia" for "Russian Federation", "US"),
 * capitals and regions in the news, demonyms ("Russian" -> Russia), and the
 * transliteration rules of chorus_entity_key().
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>

#include <jansson.h>

#include "chorus/extract.h"
#include "extract/extract_int.h"
#include "util/alloc.h"
#include "util/arena.h"

struct gent {
	const char *key;
	const char *name;
	const char *code;
	int demonym;
};

struct chorus_gazetteer {
	struct gent *ents;
	size_t n, cap;
	uint32_t *slots; /* index + 1 into ents, 0 empty */
	size_t mask;
	struct chorus__arena *arena;
};

/* ---- The canonical key ---------------------------------------------------------- */

/* Whole-word spellings folded to one form (Russian-derived -> Ukrainian, typos seen in news). */
static const char *const word_folds[][2] = {
	{ "kiev", "kyiv" },		{ "kharkov", "kharkiv" },   { "odessa", "odesa" },
	{ "lvov", "lviv" },		{ "nikolaev", "mykolaiv" }, { "mykolayiv", "mykolaiv" },
	{ "zaporozhye", "zaporizhzhia" }, { "dnepr", "dnipro" },    { "volodymr", "volodymyr" },
	{ "chernigov", "chernihiv" },	{ "donbass", "donbas" },    { "lugansk", "luhansk" },
	{ "al-jazeera", "al jazeera" },  { NULL, NULL }
};

static size_t fold_word(char *w, size_t n)
{
	size_t i;

	for (i = 0; word_folds[i][0]; i++)
		if (strlen(word_folds[i][0]) == n && !memcmp(w, word_folds[i][0], n)) {
			size_t m = strlen(word_folds[i][1]);
			memcpy(w, word_folds[i][1], m); /* room: the caller reserved 32 bytes */
			return m;
		}
	/* "-iy", "-yy", "-yi" endings: Zelenskiy, Zelenskyy -> zelensky */
	if (n > 4 && (!memcmp(w + n - 2, "iy", 2) || !memcmp(w + n - 2, "yy", 2) ||
		      !memcmp(w + n - 2, "yi", 2))) {
		w[n - 2] = 'y';
		n--;
	}
	/* g/h: Russian transliterations of Ukrainian place names ending in -sk
	 * (Lugansk/Luhansk, Uglegorsk/Vuhlehirsk keeps only the first step) */
	if (n > 4 && !memcmp(w + n - 2, "sk", 2)) {
		size_t i2;
		for (i2 = 0; i2 < n; i2++)
			if (w[i2] == 'g')
				w[i2] = 'h';
	}
	return n;
}

size_t chorus_entity_key(const char *name, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	if (!cap)
		return 0;
	/* drop a possessive */
	if (n >= 2 && name[n - 2] == '\'' && (name[n - 1] == 's' || name[n - 1] == 'S'))
		n -= 2;
	else if (n >= 1 && name[n - 1] == '\'')
		n--;
	while (i < n && o + 1 < cap) {
		char word[64];
		size_t wn = 0;
		/* skip separators: spaces and dots ("U.S." -> "us") */
		while (i < n && (name[i] == ' ' || name[i] == '.'))
			i++;
		if (i >= n)
			break;
		while (i < n && name[i] != ' ' && wn < sizeof(word) - 32) {
			unsigned char c = (unsigned char)name[i++];
			if (c == '.')
				continue;
			word[wn++] = (char)(c < 128 ? tolower(c) : c);
		}
		while (i < n && name[i] != ' ')
			i++;
		wn = fold_word(word, wn);
		if (o && o + 1 < cap)
			out[o++] = ' ';
		if (wn > cap - 1 - o)
			wn = cap - 1 - o;
		memcpy(out + o, word, wn);
		o += wn;
	}
	out[o] = '\0';
	return o;
}

/* ---- The table ------------------------------------------------------------------- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static void rehash(struct chorus_gazetteer *g, size_t nslots)
{
	size_t i;

	free(g->slots);
	g->slots = chorus_xcalloc(nslots, sizeof(*g->slots));
	g->mask = nslots - 1;
	for (i = 0; i < g->n; i++) {
		size_t j = (size_t)hash_str(g->ents[i].key) & g->mask;
		while (g->slots[j])
			j = (j + 1) & g->mask;
		g->slots[j] = (uint32_t)(i + 1);
	}
}

static const struct gent *lookup(const struct chorus_gazetteer *g, const char *key)
{
	size_t j;

	if (!g->slots)
		return NULL;
	j = (size_t)hash_str(key) & g->mask;
	while (g->slots[j]) {
		const struct gent *e = &g->ents[g->slots[j] - 1];
		if (!strcmp(e->key, key))
			return e;
		j = (j + 1) & g->mask;
	}
	return NULL;
}

/* Adds name (n bytes) for the place `canon` with code; the first name added for a key wins. */
static void add(struct chorus_gazetteer *g, const char *name, size_t n, const char *canon,
		const char *code, int demonym)
{
	char key[256];
	struct gent *e;

	if (!n || n > 200)
		return;
	chorus_entity_key(name, n, key, sizeof(key));
	if (!key[0] || lookup(g, key))
		return;
	CHORUS_GROW(g->ents, g->n + 1, g->cap);
	e = &g->ents[g->n++];
	e->key = chorus__arena_strdup(g->arena, key);
	e->name = chorus__arena_strdup(g->arena, canon);
	e->code = chorus__arena_strdup(g->arena, code);
	e->demonym = demonym;
	if (g->n * 2 > g->mask + 1 || !g->slots)
		rehash(g, g->slots ? (g->mask + 1) * 2 : 1024);
	else {
		size_t j = (size_t)hash_str(e->key) & g->mask;
		while (g->slots[j])
			j = (j + 1) & g->mask;
		g->slots[j] = (uint32_t)g->n;
	}
}

static void adds(struct chorus_gazetteer *g, const char *name, const char *canon, const char *code)
{
	add(g, name, strlen(name), canon, code, 0);
}

/* Short names, capitals and news regions: {name, canonical, code}. */
static const char *const own_places[][3] = {
	{ "Russia", "Russia", "RU" },	      { "United States", "United States", "US" },
	{ "US", "United States", "US" },      { "U.S.", "United States", "US" },
	{ "USA", "United States", "US" },     { "America", "United States", "US" },
	{ "UK", "United Kingdom", "GB" },     { "U.K.", "United Kingdom", "GB" },
	{ "Britain", "United Kingdom", "GB" }, { "Great Britain", "United Kingdom", "GB" },
	{ "Iran", "Iran", "IR" },	      { "Syria", "Syria", "SY" },
	{ "South Korea", "South Korea", "KR" }, { "North Korea", "North Korea", "KP" },
	{ "Taiwan", "Taiwan", "TW" },	      { "Venezuela", "Venezuela", "VE" },
	{ "Bolivia", "Bolivia", "BO" },	      { "Vietnam", "Vietnam", "VN" },
	{ "Laos", "Laos", "LA" },	      { "Moldova", "Moldova", "MD" },
	{ "Tanzania", "Tanzania", "TZ" },     { "Czech Republic", "Czechia", "CZ" },
	{ "Kyiv", "Kyiv", "UA-30" },	      { "Moscow", "Moscow", "RU-MOW" },
	{ "Washington", "Washington", "US-DC" }, { "London", "London", "GB-LND" },
	{ "Paris", "Paris", "FR-75" },	      { "Berlin", "Berlin", "DE-BE" },
	{ "Brussels", "Brussels", "BE-BRU" }, { "Beijing", "Beijing", "CN-BJ" },
	{ "Minsk", "Minsk", "BY-HM" },	      { "Warsaw", "Warsaw", "PL-14" },
	{ "Donetsk", "Donetsk", "UA-14" },    { "Luhansk", "Luhansk", "UA-09" },
	{ "Donbas", "Donbas", "UA" },	      { "Crimea", "Crimea", "UA-43" },
	{ "Crimean Peninsula", "Crimea", "UA-43" }, { "Kharkiv", "Kharkiv", "UA-63" },
	{ "Odesa", "Odesa", "UA-51" },	      { "Mariupol", "Mariupol", "UA-14" },
	{ "Sevastopol", "Sevastopol", "UA-40" }, { "New York", "New York", "US-NY" },
	{ "Europe", "Europe", "" },	      { "Africa", "Africa", "" },
	{ "Asia", "Asia", "" },		      { "Middle East", "Middle East", "" },
	{ "Ground Zero", "Ground Zero", "US-NY" },
	{ NULL, NULL, NULL }
};

/* Demonyms and adjectives: {word, place, code}. */
static const char *const demonyms[][3] = {
	{ "Russian", "Russia", "RU" },	    { "Ukrainian", "Ukraine", "UA" },
	{ "American", "United States", "US" }, { "British", "United Kingdom", "GB" },
	{ "German", "Germany", "DE" },	    { "French", "France", "FR" },
	{ "Chinese", "China", "CN" },	    { "Belarusian", "Belarus", "BY" },
	{ "Polish", "Poland", "PL" },	    { "Italian", "Italy", "IT" },
	{ "Spanish", "Spain", "ES" },	    { "Japanese", "Japan", "JP" },
	{ "Indian", "India", "IN" },	    { "Pakistani", "Pakistan", "PK" },
	{ "Israeli", "Israel", "IL" },	    { "Palestinian", "Palestine", "PS" },
	{ "Iranian", "Iran", "IR" },	    { "Iraqi", "Iraq", "IQ" },
	{ "Syrian", "Syria", "SY" },	    { "Turkish", "Turkey", "TR" },
	{ "Canadian", "Canada", "CA" },	    { "Mexican", "Mexico", "MX" },
	{ "Australian", "Australia", "AU" }, { "Georgian", "Georgia", "GE" },
	{ "Afghan", "Afghanistan", "AF" },  { "Saudi", "Saudi Arabia", "SA" },
	{ "Egyptian", "Egypt", "EG" },	    { "Korean", "South Korea", "KR" },
	{ "Dutch", "Netherlands", "NL" },   { "Swedish", "Sweden", "SE" },
	{ "Finnish", "Finland", "FI" },	    { "Norwegian", "Norway", "NO" },
	{ "Lithuanian", "Lithuania", "LT" }, { "Latvian", "Latvia", "LV" },
	{ "Estonian", "Estonia", "EE" },    { "Hungarian", "Hungary", "HU" },
	{ "Romanian", "Romania", "RO" },    { "Moldovan", "Moldova", "MD" },
	{ "Kazakh", "Kazakhstan", "KZ" },   { "Venezuelan", "Venezuela", "VE" },
	{ "Cuban", "Cuba", "CU" },	    { "Brazilian", "Brazil", "BR" },
	{ "Crimean", "Crimea", "UA-43" },   { NULL, NULL, NULL }
};

/* Subdivision names that are plain words, not useful as places on their own. */
static int generic_name(const char *s)
{
	static const char *const generic[] = { "North", "South", "East", "West", "Central", "Centre",
					       "Capital", "Northern", "Southern", "Eastern", "Western",
					       "Center", "Coast", "Islands", "Lakes", "Upper", "Lower",
					       "Interior", "Mountain", "Plateau", "Delta", "Northwest",
					       "Southeast", "Southwest", "Northeast", "Equatoria", NULL };
	size_t i;

	for (i = 0; generic[i]; i++)
		if (!strcmp(s, generic[i]))
			return 1;
	return 0;
}

static struct chorus_gazetteer *gaz_new(void)
{
	struct chorus_gazetteer *g = chorus_xcalloc(1, sizeof(*g));
	size_t i;

	g->arena = chorus__arena_new(0);
	for (i = 0; own_places[i][0]; i++)
		adds(g, own_places[i][0], own_places[i][1], own_places[i][2]);
	for (i = 0; demonyms[i][0]; i++)
		add(g, demonyms[i][0], strlen(demonyms[i][0]), demonyms[i][1], demonyms[i][2], 1);
	return g;
}

/* A country record: name, common_name, official_name, and "Korea, Republic of" -> "Korea". */
static void add_country(struct chorus_gazetteer *g, json_t *c)
{
	const char *name = json_string_value(json_object_get(c, "name"));
	const char *common = json_string_value(json_object_get(c, "common_name"));
	const char *official = json_string_value(json_object_get(c, "official_name"));
	const char *code = json_string_value(json_object_get(c, "alpha_2"));
	const char *canon;

	if (!name || !code)
		return;
	char turned[256];

	canon = common ? common : name;
	if (strchr(canon, ',') && strlen(canon) < sizeof(turned) - 2) {
		/* "Virgin Islands, British" -> "British Virgin Islands" */
		const char *comma = strchr(canon, ',');
		const char *tail = comma + 1;
		while (*tail == ' ')
			tail++;
		snprintf(turned, sizeof(turned), "%s %.*s", tail, (int)(comma - canon), canon);
		canon = turned;
	}
	if (common)
		adds(g, common, canon, code);
	adds(g, name, canon, code);
	if (official)
		adds(g, official, canon, code);
	if (strchr(name, ',')) {
		const char *comma = strchr(name, ',');
		add(g, name, (size_t)(comma - name), canon, code, 0);
	}
}

/* A subdivision: its name, and for Ukrainian oblasts "Luhanska oblast" also "Luhansk". */
static void add_subdivision(struct chorus_gazetteer *g, json_t *s)
{
	const char *name = json_string_value(json_object_get(s, "name"));
	const char *code = json_string_value(json_object_get(s, "code"));
	char buf[256];
	size_t n;

	if (!name || !code || generic_name(name) || strlen(name) < 4)
		return;
	n = strlen(name);
	if (n > 7 && (!strcmp(name + n - 7, " oblast") || !strcmp(name + n - 7, " Oblast")))
		n -= 7;
	if (n >= sizeof(buf))
		return;
	memcpy(buf, name, n);
	buf[n] = '\0';
	if (n > 5 && !strcmp(buf + n - 3, "ska")) {
		/* Ukrainian adjectival forms: Luhanska -> Luhansk, Kharkivska -> Kharkiv */
		buf[n - 1] = '\0';
		adds(g, buf, buf, code);
		buf[n - 3] = '\0';
		adds(g, buf, buf, code);
		return;
	}
	adds(g, buf, buf, code);
}

static int load_file(struct chorus_ctx *ctx, const char *dir, const char *file, const char *member,
		     json_t **out)
{
	char path[4096];
	json_error_t err;
	json_t *root, *arr;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	root = json_load_file(path, 0, &err);
	if (!root) {
		FILE *f = fopen(path, "rb");
		if (!f)
			return chorus_error(ctx, CHORUS_ENOTFOUND,
					    "%s: cannot read the iso-codes data (install the Debian "
					    "package iso-codes)",
					    path);
		fclose(f);
		return chorus_error(ctx, CHORUS_EPARSE, "%s:%d:%d: %s", path, err.line, err.column,
				    err.text);
	}
	arr = json_object_get(root, member);
	if (!json_is_array(arr)) {
		json_decref(root);
		return chorus_error(ctx, CHORUS_EPARSE, "%s: no \"%s\" array", path, member);
	}
	*out = root;
	return 0;
}

int chorus_gazetteer_load(struct chorus_ctx *ctx, const char *dir, struct chorus_gazetteer **out)
{
	json_t *c1 = NULL, *c2 = NULL, *v;
	struct chorus_gazetteer *g = NULL;
	size_t i;
	int ret;

	*out = NULL;
	if (!dir)
		dir = CHORUS_ISO_CODES_DIR;
	ret = load_file(ctx, dir, "iso_3166-1.json", "3166-1", &c1);
	if (ret)
		goto out;
	ret = load_file(ctx, dir, "iso_3166-2.json", "3166-2", &c2);
	if (ret)
		goto out;
	g = gaz_new();
	json_array_foreach(json_object_get(c1, "3166-1"), i, v)
		add_country(g, v);
	/* a name several countries use for a subdivision ("Maryland": US-MD, LR-MY) goes to
	 * the countries most in the news first */
	{
		static const char *const first[] = { "US-", "GB-", "UA-", "RU-", "CA-", "AU-", "IN-",
						     "DE-", "FR-", "CN-", NULL };
		size_t k;
		for (k = 0; first[k]; k++)
			json_array_foreach(json_object_get(c2, "3166-2"), i, v) {
				const char *code = json_string_value(json_object_get(v, "code"));
				if (code && !strncmp(code, first[k], 3))
					add_subdivision(g, v);
			}
	}
	json_array_foreach(json_object_get(c2, "3166-2"), i, v)
		add_subdivision(g, v);
	*out = g;
	ret = 0;
out:
	json_decref(c1);
	json_decref(c2);
	return ret;
}

void chorus_gazetteer_free(struct chorus_gazetteer *g)
{
	if (!g)
		return;
	free(g->ents);
	free(g->slots);
	chorus__arena_free(g->arena);
	free(g);
}

size_t chorus_gazetteer_size(const struct chorus_gazetteer *g)
{
	return g->n;
}

static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static struct chorus_gazetteer *builtin_gaz;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static struct chorus_gazetteer *default_gaz;

static void make_builtin(void)
{
	static const char *const countries[][2] = {
		{ "Ukraine", "UA" }, { "Germany", "DE" }, { "France", "FR" }, { "China", "CN" },
		{ "India", "IN" },   { "Pakistan", "PK" }, { "Poland", "PL" }, { "Belarus", "BY" },
		{ "Afghanistan", "AF" }, { "Israel", "IL" }, { "Japan", "JP" }, { "Canada", "CA" },
		{ "Australia", "AU" }, { "Turkey", "TR" }, { "Italy", "IT" }, { "Spain", "ES" },
		{ "Iraq", "IQ" },    { "Egypt", "EG" },   { "Mexico", "MX" }, { "Brazil", "BR" },
		{ NULL, NULL }
	};
	size_t i;

	builtin_gaz = gaz_new();
	for (i = 0; countries[i][0]; i++)
		adds(builtin_gaz, countries[i][0], countries[i][0], countries[i][1]);
}

const struct chorus_gazetteer *chorus_gazetteer_builtin(void)
{
	pthread_once(&builtin_once, make_builtin);
	return builtin_gaz;
}

static void make_default(void)
{
	struct chorus_ctx *ctx = chorus_ctx_new();

	if (chorus_gazetteer_load(ctx, NULL, &default_gaz))
		default_gaz = NULL;
	chorus_ctx_free(ctx);
}

const struct chorus_gazetteer *chorus_gazetteer_default(void)
{
	pthread_once(&default_once, make_default);
	return default_gaz ? default_gaz : chorus_gazetteer_builtin();
}

int chorus__place_find(const struct chorus_gazetteer *g, const char *s, size_t n,
		       struct chorus__place *out)
{
	char key[256];
	const struct gent *e;

	if (n > 200)
		return 0;
	chorus_entity_key(s, n, key, sizeof(key));
	e = lookup(g, key);
	if (!e)
		return 0;
	out->name = e->name;
	out->code = e->code;
	out->demonym = e->demonym;
	return 1;
}
