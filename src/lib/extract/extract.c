/*
 * extract/extract.c: the per-article extraction's entry point, its memory, the token
 * helpers and the word tables the stages share (cue verbs, titles, outlets,
 * acronyms). The stages themselves are entities.c, quotes.c, numbers.c, timex.c.
 */
#include <ctype.h>

#include "chorus/extract.h"
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
	NULL
};

const char *const chorus__title_words[] = {
	"president", "minister", "secretary-general", "secretary", "chancellor", "senator", "sen",
	"rep", "representative", "governor", "gov", "mayor", "chief", "spokesman", "spokeswoman",
	"spokesperson", "ambassador", "envoy", "commissioner", "general", "gen", "admiral",
	"colonel", "col", "lt", "sgt", "judge", "justice", "king", "queen", "prince", "princess",
	"pope", "director", "chairman", "chairwoman", "chair", "ceo", "leader", "premier",
	"speaker", "pm", "vice-president", "nominee", "candidate", "correspondent", "dr", "mr",
	"mrs", "ms", "sheikh", "ayatollah", "prosecutor", "attorney", "adviser", "advisor",
	"deputy", "head", "emir", "sultan", "lawmaker", "congressman", "congresswoman",
	"president-elect", "policy", "affairs", "officer", "commander", "marshal", "ombudsman",
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
	"times", "post", "news", "press", "journal", "herald", "tribune", "treaty",
	NULL
};

const char *const chorus__source_nouns[] = {
	"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
	"diplomat", "diplomats", "analyst", "analysts", "aide", "aides", "adviser", "advisers",
	"expert", "experts", "witness", "witnesses", "officer", "officers", "correspondent",
	"statement", "report", "resident", "residents", "lawmaker", "lawmakers", "person",
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
		if (!*t || (char)(c < 128 ? tolower(c) : c) != *t)
			return 0;
	}
	return *t == '\0';
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

const char *chorus__outlet_find(const char *s, size_t n)
{
	size_t k;
	char key[128];
	size_t i;

	if (n >= sizeof(key))
		return NULL;
	for (i = 0; i < n; i++)
		key[i] = (char)((unsigned char)s[i] < 128 ? tolower((unsigned char)s[i]) : s[i]);
	key[n] = '\0';
	/* possessive: "CNN's" */
	if (n > 2 && key[n - 2] == '\'' && key[n - 1] == 's')
		key[n - 2] = '\0';
	for (k = 0; outlets[k][0]; k++)
		if (!strcmp(key, outlets[k][0]))
			return outlets[k][1];
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
	chorus__extract_entities(&w);
	chorus__extract_quotes(&w);
	chorus__extract_numbers(&w);
	chorus__extract_timexes(&w);
	free(w.lower_seen);
	free(w.cap_mid);
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
