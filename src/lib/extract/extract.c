/*
 * extract/extract.c: the per-article extraction's entry point, its memory, the token
 * helpers and the word tables the stages share (cue verbs, titles, outlets,
 * acronyms). The stages themselves are entities.c, quotes.c, numbers.c, timex.c.
 */
#include <ctype.h>
#include <pthread.h>

#include "chorus/extract.h"
#include "core/ctx.h"
#include "extract/extract_int.h"

const char *const chorus__cue_verbs[] = {
	"said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds",
	"adding", "warned", "warns", "warning", "announced", "announces", "stated", "states",
	"stating", "declared", "declares", "denounced", "denounces", "explained", "explains",
	"noted", "notes", "noting", "asked", "asks", "urged", "urges", "wrote", "writes",
	"insisted", "insists", "claimed", "claims", "argued", "argues", "asserted", "asserts",
	"continued", "concluded", "replied", "responded", "acknowledged", "admitted", "suggested",
	"predicted", "remarked", "recalled", "reported", "reports", "tweeted", "posted",
	"revealed", "reveals", "quoted", "confirmed", "confirms", "insisting", "complained",
	"emphasized", "emphasised", "stressed", "stresses", "observed", "vowed", "promised",
	"pledged", "cautioned", "conceded", "countered", "shouted", "yelled", "joked",
	"testified", "blasted", "mused", "boasted", "lamented", "scoffed", "quipped", "thundered",
	"announcing", "declaring", "explaining", "asking", "urging", "arguing", "claiming",
	"calling", "calls", "describing", "describes", "cited", "cites", "asks", "promising",
	"promises", "stressing", "vowing", "vows", "ruled", "denouncing", "accusing", "accused",
	"accuses", "praised", "praising", "criticized", "criticised", "slammed", "slamming",
	"blasting", "touted", "touting", "dismissed", "deemed", "labeling", "labelling",
	"suggesting", "acknowledging", "admitting", "reiterated", "maintained", "maintains",
	"contended", "contends", "recounted", "wondered", "questioned", "predicting", "conceding",
	"charged", "charging", "demanded", "demanding", "pleaded", "answered", "tweeting",
	"writing", "testifying", "recalling", "stating", "explains", "adds", "insists",
	"proclaimed", "condemned", "condemning", "condemns", "commented", "comments", "chanted",
	"chanting", "likened", "compared", "comparing", "hailed", "characterized",
	"characterised", "lauded", "points", "pointing", "agreed", "agrees", "mocked", "mocking",
	"ridiculed", "labeled", "labelled", "warns", "complaining", "bragged", "criticizing",
	"attacked", "attacking", "decried", "decrying", "declares", "noting", "told", "telling",
	"whispered", "screamed", "exclaimed", "announces", "acknowledges", "concedes", "retorted",
	"reads", "pondered", "blamed", "blames", "blaming", "mocks", "admits", "referred",
	"referring", "describe", "determined", "assailed", "lamenting", "sneered", "groused",
	"fumed", "marveled", "marvelled", "opined", "posits", "posited", "recalls", "notes",
	NULL
};

const char *const chorus__title_words[] = {
	"president", "minister", "secretary-general", "secretary", "chancellor", "senator", "sen",
	"rep", "representative", "governor", "gov", "mayor", "chief", "spokesman", "spokeswoman",
	"spokesperson", "ambassador", "envoy", "commissioner", "general", "gen", "admiral",
	"colonel", "col", "lt", "sgt", "judge", "justice", "king", "queen", "prince", "princess",
	"pope", "director", "chairman", "chairwoman", "chair", "ceo", "leader", "premier",
	"speaker", "pm", "vice-president", "nominee", "candidate", "correspondent", "dr", "mr",
	"mrs", "ms", "del", "sheikh", "ayatollah", "prosecutor", "attorney", "adviser", "advisor",
	"deputy", "head", "emir", "sultan", "lawmaker", "congressman", "congresswoman",
	"president-elect", "policy", "affairs", "officer", "commander", "marshal", "ombudsman",
	"captain", "capt", "major", "sergeant", "inspector", "detective", "professor", "prof",
	"rev", "bishop", "archbishop", "cardinal", "rabbi", "imam", "superintendent", "sheriff",
	NULL
};

const char *const chorus__org_words[] = {
	"ministry", "council", "union", "organization", "organisation", "agency", "party",
	"committee", "department", "assembly", "parliament", "congress", "senate", "kremlin",
	"pentagon", "government", "court", "bank", "fund", "university", "service", "commission",
	"office", "army", "forces", "corporation", "inc", "corp", "group", "campaign",
	"foundation", "institute", "association", "nations", "house", "administration", "police",
	"bureau", "federation", "alliance", "league", "board", "company", "co", "ltd", "navy",
	"duma", "cabinet", "centre", "center", "school", "church", "club", "authority", "network",
	"times", "post", "news", "press", "journal", "herald", "tribune", "treaty", "hospital",
	"clinic", "airport", "museum", "brigade", "regiment", "division", "battalion",
	"coalition", "movement", "front", "union's", "inc.", "llc", "plc", "ag", "institution",
	NULL
};

const char *const chorus__source_nouns[] = {
	"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
	"diplomat", "diplomats", "analyst", "analysts", "aide", "aides", "adviser", "advisers",
	"expert", "experts", "witness", "witnesses", "officer", "officers", "correspondent",
	"resident", "residents", "lawmaker", "lawmakers", "person",
	"people", "insider", "insiders", "spokespeople", "representative", "representatives",
	"observer", "observers", "critics", "critic", "supporters", "leader", "leaders",
	"minister", "ministry", "government", "administration", "campaign", "media", "newspaper",
	NULL
};

/* News outlets and agencies: {name as written, canonical}. The text may put "the" before. */
static const char *const outlets[][2] = {
	{ "reuters", "Reuters" },		  { "cnn", "CNN" },
	{ "bbc", "BBC" },			  { "ap", "Associated Press" },
	{ "associated press", "Associated Press" }, { "afp", "AFP" },
	{ "agence france-presse", "AFP" },	  { "al-jazeera", "Al Jazeera" },
	{ "al jazeera", "Al Jazeera" },		  { "new york times", "The New York Times" },
	{ "the new york times", "The New York Times" }, { "nyt", "The New York Times" },
	{ "guardian", "The Guardian" },		  { "the guardian", "The Guardian" },
	{ "washington post", "The Washington Post" }, { "the washington post", "The Washington Post" },
	{ "new york post", "New York Post" },	  { "the new york post", "New York Post" },
	{ "axios", "Axios" },			  { "abc news", "ABC News" },
	{ "abc", "ABC News" },			  { "nbc news", "NBC News" },
	{ "nbc", "NBC News" },			  { "cbs news", "CBS News" },
	{ "cbs", "CBS News" },			  { "fox news", "Fox News" },
	{ "politico", "Politico" },		  { "breitbart", "Breitbart" },
	{ "breitbart news", "Breitbart" },	  { "npr", "NPR" },
	{ "bloomberg", "Bloomberg" },		  { "tass", "TASS" },
	{ "ria novosti", "RIA Novosti" },	  { "interfax", "Interfax" },
	{ "xinhua", "Xinhua" },			  { "the wall street journal", "The Wall Street Journal" },
	{ "wall street journal", "The Wall Street Journal" }, { "wsj", "The Wall Street Journal" },
	{ "financial times", "Financial Times" },  { "the financial times", "Financial Times" },
	{ "the times", "The Times" },		  { "the independent", "The Independent" },
	{ "the telegraph", "The Telegraph" },	  { "usa today", "USA Today" },
	{ "msnbc", "MSNBC" },			  { "the hill", "The Hill" },
	{ "huffington post", "HuffPost" },	  { "huffpost", "HuffPost" },
	{ "the atlantic", "The Atlantic" },	  { "los angeles times", "Los Angeles Times" },
	{ "the economist", "The Economist" },	  { "dw", "DW" },
	{ "deutsche welle", "DW" },		  { "france 24", "France 24" },
	{ "sky news", "Sky News" },		  { "the daily beast", "The Daily Beast" },
	{ "buzzfeed", "BuzzFeed" },		  { "buzzfeed news", "BuzzFeed" },
	{ "ani", "ANI" },			  { "pti", "PTI" },
	{ "ians", "IANS" },			  { "kyiv independent", "The Kyiv Independent" },
	{ "the kyiv independent", "The Kyiv Independent" }, { "ukrinform", "Ukrinform" },
	{ "interfax-ukraine", "Interfax-Ukraine" }, { "rt", "RT" },
	{ "sputnik", "Sputnik" },		  { "post", "New York Post" },
	{ "the post", "New York Post" },	  { "times", "The New York Times" },
	{ NULL, NULL }
};

/* Acronyms with fixed expansions the initials rule cannot find: {acronym, expansion, kind}. */
static const struct {
	const char *acr, *full;
	uint32_t kind;
} acronyms[] = {
	{ "DNR", "Donetsk People's Republic", CHORUS_ENT_PLACE },
	{ "DPR", "Donetsk People's Republic", CHORUS_ENT_PLACE },
	{ "LNR", "Luhansk People's Republic", CHORUS_ENT_PLACE },
	{ "LPR", "Luhansk People's Republic", CHORUS_ENT_PLACE },
	{ "UN", "United Nations", CHORUS_ENT_ORG },
	{ "U.N.", "United Nations", CHORUS_ENT_ORG },
	{ "EU", "European Union", CHORUS_ENT_ORG },
	{ "E.U.", "European Union", CHORUS_ENT_ORG },
	{ "NATO", "North Atlantic Treaty Organization", CHORUS_ENT_ORG },
	{ "UNSC", "UN Security Council", CHORUS_ENT_ORG },
	{ "OSCE", "Organization for Security and Co-operation in Europe", CHORUS_ENT_ORG },
	{ "FBI", "Federal Bureau of Investigation", CHORUS_ENT_ORG },
	{ "CIA", "Central Intelligence Agency", CHORUS_ENT_ORG },
	{ "GOP", "Republican Party", CHORUS_ENT_ORG },
	{ "DNC", "Democratic National Committee", CHORUS_ENT_ORG },
	{ "RNC", "Republican National Committee", CHORUS_ENT_ORG },
	{ "IMF", "International Monetary Fund", CHORUS_ENT_ORG },
	{ "WHO", "World Health Organization", CHORUS_ENT_ORG },
	{ "NYPD", "New York Police Department", CHORUS_ENT_ORG },
	{ "FSB", "Federal Security Service", CHORUS_ENT_ORG },
	{ NULL, NULL, 0 }
};

int chorus__word_eq(const char *s, size_t n, const char *t)
{
	size_t i;

	for (i = 0; i < n; i++, t++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!*t || (char)c != *t)
			return 0;
	}
	return *t == '\0';
}

/* ---- Registered word lists ----------------------------------------------------------- */

#define MAX_LISTS 64
#define WORD_MAX 32

struct wslot {
	char w[WORD_MAX];
	uint64_t mask;
};

/* list -> bit, hashed by address with linear probing; filled at registration, read-only
 * after (MAX_LISTS lists fill at most a quarter of it, so probes stay short) */
#define LCACHE 256
struct lslot {
	const char *const *list;
	unsigned bit;
};
static struct lslot lcache[LCACHE];

static size_t lslot_of(const char *const *list)
{
	uint64_t h = (uint64_t)((uintptr_t)list >> 3) * 0x9E3779B97F4A7C15ull;

	return (size_t)(h >> 56) & (LCACHE - 1);
}
static size_t n_lists;
static struct wslot *wtab;
static size_t wtab_mask;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static uint64_t whash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* Lowercases the word (ASCII), drops an abbreviation's final dot; 0 when too long. */
static size_t wnorm(const char *s, size_t n, char *out)
{
	size_t i;

	if (n > 1 && s[n - 1] == '.')
		n--;
	if (n >= WORD_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[n] = '\0';
	return n;
}

static struct wslot *wfind(const char *w, size_t n, int add)
{
	size_t j = (size_t)whash(w, n) & wtab_mask;

	while (wtab[j].w[0]) {
		if (!strcmp(wtab[j].w, w))
			return &wtab[j];
		j = (j + 1) & wtab_mask;
	}
	if (!add)
		return NULL;
	memcpy(wtab[j].w, w, n + 1);
	return &wtab[j];
}

void chorus__words_register(const char *const *list)
{
	size_t k;
	uint64_t bit;

	if (n_lists >= MAX_LISTS)
		return; /* unregistered lists are still answered, by comparison */
	bit = 1ull << n_lists;
	{
		size_t j = lslot_of(list);
		while (lcache[j].list && lcache[j].list != list)
			j = (j + 1) & (LCACHE - 1);
		if (!lcache[j].list) {
			lcache[j].list = list;
			lcache[j].bit = (unsigned)n_lists;
		}
	}
	n_lists++;
	for (k = 0; list[k]; k++) {
		char w[WORD_MAX];
		size_t n = strlen(list[k]);
		if (n >= WORD_MAX)
			continue;
		memcpy(w, list[k], n + 1);
		wfind(w, n, 1)->mask |= bit;
	}
}

static void words_init(void)
{
	wtab_mask = 4096 - 1;
	wtab = chorus_xcalloc(wtab_mask + 1, sizeof(*wtab));
	chorus__words_register(chorus__cue_verbs);
	chorus__words_register(chorus__title_words);
	chorus__words_register(chorus__org_words);
	chorus__words_register(chorus__source_nouns);
	chorus__entities_words();
	chorus__quotes_words();
	chorus__numbers_words();
	chorus__timex_words();
}

static uint64_t class_of(const struct chorus_doc *d, size_t i)
{
	char w[WORD_MAX];
	size_t n = wnorm(d->text + d->tokens[i].start, d->tokens[i].end - d->tokens[i].start, w);
	const struct wslot *sl;

	return n && (sl = wfind(w, n, 0)) ? sl->mask : 0;
}

/* The class mask of each token. The mask of each lexicon id seen is kept on the context
 * (ctx->extract_classes[id]: mask + 1, 0 when not yet known), which owns the lexicon the
 * ids belong to, so the cache lives and dies with it. */
static uint64_t *token_classes(struct chorus_ctx *ctx, const struct chorus_doc *d)
{
	uint64_t *cls = chorus_xcalloc(d->n_tokens + 1, sizeof(*cls));
	size_t i;

	for (i = 0; i < d->n_tokens; i++) {
		uint32_t id = d->tokens[i].norm;
		if (!id || id > (1u << 26)) {
			cls[i] = class_of(d, i);
			continue;
		}
		if (id >= ctx->extract_classes_cap) {
			size_t old = ctx->extract_classes_cap, cap = old ? old : 4096;
			while (cap <= id)
				cap *= 2;
			ctx->extract_classes = chorus_xrealloc(ctx->extract_classes, cap * sizeof(uint64_t));
			memset(ctx->extract_classes + old, 0, (cap - old) * sizeof(uint64_t));
			ctx->extract_classes_cap = cap;
		}
		if (!ctx->extract_classes[id])
			ctx->extract_classes[id] = class_of(d, i) + 1;
		cls[i] = ctx->extract_classes[id] - 1;
	}
	return cls;
}

int chorus__tok_is(const struct xwork *w, size_t i, const char *s)
{
	return i < w->doc->n_tokens && chorus__word_eq(tok_s(w, i), tok_n(w, i), s);
}

int chorus__tok_in(const struct xwork *w, size_t i, const char *const *list)
{
	size_t k;
	const char *s;
	size_t n;
	char c0;

	if (i >= w->doc->n_tokens)
		return 0;
	if (w->cls) {
		for (k = lslot_of(list); lcache[k].list; k = (k + 1) & (LCACHE - 1))
			if (lcache[k].list == list)
				return (int)((w->cls[i] >> lcache[k].bit) & 1);
	}
	s = tok_s(w, i);
	n = tok_n(w, i);
	/* a trailing dot of an abbreviation ("Gen.") is not part of the word */
	if (n > 1 && s[n - 1] == '.')
		n--;
	c0 = (char)tolower((unsigned char)s[0]);
	for (k = 0; list[k]; k++)
		if (list[k][0] == c0 && chorus__word_eq(s, n, list[k]))
			return 1;
	return 0;
}

int chorus__tok_punct(const struct xwork *w, size_t i, const char *s)
{
	size_t n = strlen(s);

	return i < w->doc->n_tokens && tok_n(w, i) == n && !memcmp(tok_s(w, i), s, n);
}

uint32_t chorus__tok_sent(const struct xwork *w, size_t i)
{
	size_t lo = 0, hi = w->doc->n_sents;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (w->doc->sents[mid].tok_end <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)(lo < w->doc->n_sents ? lo : (w->doc->n_sents ? w->doc->n_sents - 1 : 0));
}

static uint64_t whash(const char *s, size_t n);

/* The outlet table by hash of its lowercase names; made once. */
#define OTAB 512
static const char *otab_name[OTAB], *otab_canon[OTAB];
static pthread_once_t otab_once = PTHREAD_ONCE_INIT;

static void otab_init(void)
{
	size_t k;

	for (k = 0; outlets[k][0]; k++) {
		size_t j = (size_t)whash(outlets[k][0], strlen(outlets[k][0])) & (OTAB - 1);
		while (otab_name[j])
			j = (j + 1) & (OTAB - 1);
		otab_name[j] = outlets[k][0];
		otab_canon[j] = outlets[k][1];
	}
}

const char *chorus__outlet_find(const char *s, size_t n)
{
	char key[64];
	size_t i, j;

	if (n >= sizeof(key) || n < 2)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	/* possessive: "CNN's" */
	if (n > 2 && key[n - 2] == '\'' && key[n - 1] == 's')
		n -= 2;
	key[n] = '\0';
	pthread_once(&otab_once, otab_init);
	j = (size_t)whash(key, n) & (OTAB - 1);
	while (otab_name[j]) {
		if (!strcmp(otab_name[j], key))
			return otab_canon[j];
		j = (j + 1) & (OTAB - 1);
	}
	return NULL;
}

const char *chorus__acronym_expand(const char *s, size_t n, uint32_t *kind)
{
	size_t k;

	for (k = 0; acronyms[k].acr; k++)
		if (strlen(acronyms[k].acr) == n && !memcmp(acronyms[k].acr, s, n)) {
			*kind = acronyms[k].kind;
			return acronyms[k].full;
		}
	return NULL;
}

#define ADDER(fn, type, arr, count, capf)                     \
	type *fn(struct xwork *w)                             \
	{                                                     \
		type *p;                                      \
		CHORUS_GROW(w->x->arr, w->x->count + 1, w->capf); \
		p = &w->x->arr[w->x->count++];                \
		memset(p, 0, sizeof(*p));                     \
		return p;                                     \
	}

ADDER(chorus__add_entity, struct chorus_entity, entities, n_entities, cap_ent)
ADDER(chorus__add_mention, struct chorus_mention, mentions, n_mentions, cap_men)
ADDER(chorus__add_quote, struct chorus_quote, quotes, n_quotes, cap_quo)
ADDER(chorus__add_citation, struct chorus_citation, citations, n_citations, cap_cit)
ADDER(chorus__add_number, struct chorus_number, numbers, n_numbers, cap_num)
ADDER(chorus__add_timex, struct chorus_timex, timexes, n_timexes, cap_tim)

const char *chorus_entity_kind_name(enum chorus_entity_kind kind)
{
	switch (kind) {
	case CHORUS_ENT_PERSON: return "person";
	case CHORUS_ENT_ORG: return "organisation";
	case CHORUS_ENT_PLACE: return "place";
	case CHORUS_ENT_OUTLET: return "outlet";
	default: return "other";
	}
}

int chorus_extract(struct chorus_ctx *ctx, const struct chorus_doc *doc,
		   const struct chorus_extract_options *opt, struct chorus_extraction **out)
{
	static const struct chorus_extract_options defaults = { NULL, 0 };
	struct chorus_extraction *x = chorus_xcalloc(1, sizeof(*x));
	struct ximpl *im = chorus_xcalloc(1, sizeof(*im));
	struct xwork w;

	memset(&w, 0, sizeof(w));
	if (!opt)
		opt = &defaults;
	im->arena = chorus__arena_new(16384);
	x->impl = im;
	x->doc = doc;
	x->anchor = CHORUS_TIME_UNKNOWN;
	w.ctx = ctx;
	w.doc = doc;
	w.opt = opt;
	w.gaz = opt->places ? opt->places : chorus_gazetteer_default();
	w.x = x;
	w.arena = im->arena;
	pthread_once(&words_once, words_init);
	w.cls = token_classes(ctx, doc);
	chorus__extract_entities(&w);
	chorus__extract_quotes(&w);
	chorus__extract_numbers(&w);
	chorus__extract_timexes(&w);
	free(w.lower_seen);
	free(w.cap_mid);
	free(w.cls);
	*out = x;
	return 0;
}

void chorus_extraction_free(struct chorus_extraction *x)
{
	struct ximpl *im;

	if (!x)
		return;
	im = x->impl;
	if (im) {
		chorus__arena_free(im->arena);
		free(im);
	}
	free(x->entities);
	free(x->mentions);
	free(x->quotes);
	free(x->citations);
	free(x->numbers);
	free(x->timexes);
	free(x);
}

size_t chorus_extraction_entity_ids(struct chorus_ctx *ctx, const struct chorus_extraction *x,
				    uint32_t *ids, size_t cap)
{
	size_t n = 0, i, j;
	uint32_t *order;

	if (!cap || !x->n_entities)
		return 0;
	order = chorus_xmalloc(chorus_xmul(x->n_entities, sizeof(*order)));
	for (i = 0; i < x->n_entities; i++) {
		const struct chorus_entity *e = &x->entities[i];
		if (e->kind == CHORUS_ENT_OTHER || e->kind == CHORUS_ENT_OUTLET || !e->mentions)
			continue;
		/* insertion by mentions, stable: most mentioned first */
		j = n;
		while (j > 0 && x->entities[order[j - 1]].mentions < e->mentions) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = (uint32_t)i;
		n++;
	}
	if (n > cap)
		n = cap;
	for (i = 0; i < n; i++) {
		const char *k = x->entities[order[i]].key;
		ids[i] = chorus_lexicon_intern(chorus_ctx_lexicon(ctx), k, strlen(k));
	}
	free(order);
	return n;
}

const char *chorus_extract_outlet(const struct chorus_extraction *x)
{
	const struct chorus_article *a = x->doc ? x->doc->article : NULL;

	if (a && a->source && a->source[0])
		return a->source;
	if (x->doc && x->doc->dateline_agency)
		return x->doc->dateline_agency;
	if (a && a->id)
		return a->id;
	return "?";
}
