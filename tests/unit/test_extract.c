/*
 * tests/unit/test_extract.c: extraction on hand-written sentences, one rule each
 * (entities and aliases, quotes and speakers, citations, numbers, dates), and the
 * acceptance checks on the seed articles in ../shared/data/seeds when present.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/testutil.h"

#include "chorus/chorus.h"
#include "chorus/extract.h"

struct one {
	struct chorus_ctx *ctx;
	struct chorus_article a;
	struct chorus_doc *doc;
	struct chorus_extraction *x;
};

/* Analyses text (no title) published on date ("YYYY-MM-DD" or NULL) and extracts it. */
static void one_make(struct one *o, const char *text, const char *date)
{
	o->ctx = chorus_ctx_new();
	chorus_article_init(&o->a);
	o->a.id = strdup("t");
	o->a.source = strdup("Test Wire");
	o->a.text = strdup(text);
	o->a.text_len = strlen(text);
	if (date)
		assert_int_equal(chorus_parse_date(date, &o->a.published), 0);
	assert_int_equal(chorus_doc_analyze(o->ctx, &o->a, NULL, &o->doc), 0);
	assert_int_equal(chorus_extract(o->ctx, o->doc, NULL, &o->x), 0);
}

static void one_free(struct one *o)
{
	chorus_extraction_free(o->x);
	chorus_doc_free(o->doc);
	chorus_article_release(&o->a);
	chorus_ctx_free(o->ctx);
}

/* The text of [b, e) in the document, in a static buffer. */
static const char *span(const struct one *o, uint32_t b, uint32_t e)
{
	static char buf[4][512];
	static int k;
	char *s = buf[k++ & 3];

	snprintf(s, 512, "%.*s", (int)(e - b), o->doc->text + b);
	return s;
}

static const struct chorus_entity *entity_named(const struct one *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->x->n_entities; i++)
		if (!strcmp(o->x->entities[i].name, name))
			return &o->x->entities[i];
	return NULL;
}

static const struct chorus_quote *direct(const struct one *o, size_t n)
{
	size_t i;

	for (i = 0; i < o->x->n_quotes; i++)
		if ((o->x->quotes[i].flags & CHORUS_QUOTE_DIRECT) && n-- == 0)
			return &o->x->quotes[i];
	return NULL;
}

static size_t n_direct(const struct one *o)
{
	size_t i, n = 0;

	for (i = 0; i < o->x->n_quotes; i++)
		n += (o->x->quotes[i].flags & CHORUS_QUOTE_DIRECT) != 0;
	return n;
}

/* ---- keys and places --------------------------------------------------------------- */

static void keys_fold_transliterations(void **state)
{
	char k1[64], k2[64];

	(void)state;
	chorus_entity_key("Lugansk", 7, k1, sizeof(k1));
	assert_string_equal(k1, "luhansk");
	chorus_entity_key("Zelenskiy", 9, k1, sizeof(k1));
	chorus_entity_key("Zelenskyy", 9, k2, sizeof(k2));
	assert_string_equal(k1, "zelensky");
	assert_string_equal(k2, "zelensky");
	chorus_entity_key("Kiev", 4, k1, sizeof(k1));
	assert_string_equal(k1, "kyiv");
	chorus_entity_key("Putin's", 7, k1, sizeof(k1));
	assert_string_equal(k1, "putin");
	chorus_entity_key("U.S.", 4, k1, sizeof(k1));
	assert_string_equal(k1, "us");
	chorus_entity_key("Volodymr Zelenskiy", 18, k1, sizeof(k1));
	assert_string_equal(k1, "volodymyr zelensky");
	/* a short buffer truncates, NUL-terminated */
	assert_int_equal(chorus_entity_key("Vladimir Putin", 14, k1, 5), 4);
	assert_string_equal(k1, "vlad");
}

static void gazetteer_reads_iso_codes(void **state)
{
	struct chorus_ctx *ctx = chorus_ctx_new();
	struct chorus_gazetteer *g = NULL;

	(void)state;
	assert_int_equal(chorus_gazetteer_load(ctx, "/nonexistent", &g), CHORUS_ENOTFOUND);
	assert_null(g);
	assert_non_null(strstr(chorus_errmsg(ctx), "/nonexistent/iso_3166-1.json"));
	if (chorus_gazetteer_load(ctx, NULL, &g)) {
		chorus_ctx_free(ctx);
		skip();
	}
	/* 249 countries and several thousand subdivisions */
	assert_true(chorus_gazetteer_size(g) > 3000);
	chorus_gazetteer_free(g);
	assert_true(chorus_gazetteer_size(chorus_gazetteer_builtin()) > 50);
	chorus_ctx_free(ctx);
}

/* ---- entities ---------------------------------------------------------------------- */

static void entities_titles_surnames_places(void **state)
{
	struct one o;
	const struct chorus_entity *p, *l;

	(void)state;
	one_make(&o, "Russian President Vladimir Putin met rebels from Luhansk. Putin spoke later. "
		     "Troops went to Lugansk and Kiev.", NULL);
	p = entity_named(&o, "Vladimir Putin");
	assert_non_null(p);
	assert_int_equal(p->kind, CHORUS_ENT_PERSON);
	assert_string_equal(p->title, "Russian President");
	assert_string_equal(p->key, "vladimir putin");
	assert_int_equal(p->mentions, 2);
	/* the first mention is the name without its title */
	assert_string_equal(span(&o, o.x->mentions[p->first].start, o.x->mentions[p->first].end),
			    "Vladimir Putin");
	assert_int_equal(o.x->mentions[p->first].start, 18);
	l = entity_named(&o, "Luhansk");
	assert_non_null(l);
	assert_int_equal(l->kind, CHORUS_ENT_PLACE);
	assert_int_equal(l->mentions, 2); /* Luhansk and Lugansk: one place */
	assert_string_equal(l->code, "UA-09");
	assert_non_null(entity_named(&o, "Kyiv"));
	assert_int_equal(entity_named(&o, "Kyiv")->mentions, 1);
	one_free(&o);
}

static void entities_acronyms_join_expansions(void **state)
{
	struct one o;
	const struct chorus_entity *n, *d;

	(void)state;
	one_make(&o, "He spoke about the North Atlantic Treaty Organization (NATO) at length. "
		     "NATO said nothing. Officials of the Donetsk People's Republic met DNR envoys.", NULL);
	n = entity_named(&o, "North Atlantic Treaty Organization");
	assert_non_null(n);
	assert_int_equal(n->kind, CHORUS_ENT_ORG);
	assert_int_equal(n->mentions, 3);
	d = entity_named(&o, "Donetsk People's Republic");
	assert_non_null(d);
	assert_int_equal(d->mentions, 2);
	one_free(&o);
}

static void entities_transliterated_people_merge(void **state)
{
	struct one o;
	const struct chorus_entity *z;

	(void)state;
	one_make(&o, "Ukrainian President Volodymyr Zelensky spoke. Later Zelenskiy left, "
		     "and Zelenskyy returned.", NULL);
	z = entity_named(&o, "Volodymyr Zelensky");
	assert_non_null(z);
	assert_int_equal(z->kind, CHORUS_ENT_PERSON);
	assert_int_equal(z->mentions, 3);
	one_free(&o);
}

static void entity_ids_for_clustering(void **state)
{
	struct one o;
	uint32_t ids[8];
	size_t n;

	(void)state;
	one_make(&o, "Antonio Guterres met Vladimir Putin in Moscow. Guterres left Moscow. "
		     "Guterres and Putin spoke of Moscow.", NULL);
	n = chorus_extraction_entity_ids(o.ctx, o.x, ids, 8);
	assert_int_equal(n, 3);
	assert_string_equal(chorus_lexicon_str(chorus_ctx_lexicon(o.ctx), ids[0], NULL), "antonio guterres");
	assert_string_equal(chorus_lexicon_str(chorus_ctx_lexicon(o.ctx), ids[1], NULL), "moscow");
	assert_string_equal(chorus_lexicon_str(chorus_ctx_lexicon(o.ctx), ids[2], NULL), "vladimir putin");
	one_free(&o);
}

/* ---- quotes ------------------------------------------------------------------------ */

static void quote_cue_after_and_before(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	one_make(&o, "Gerry Connolly spoke on Monday.\n\n"
		     "\"This is not a peacekeeping operation,\" Connolly told CNN.\n\n"
		     "Antonio Guterres said, \"I am deeply troubled.\"\n\n"
		     "\"We will win,\" said Guterres.", NULL);
	assert_int_equal(n_direct(&o), 3);
	q = direct(&o, 0);
	assert_string_equal(span(&o, q->start, q->end), "This is not a peacekeeping operation,");
	assert_int_equal(q->start, 34);
	assert_string_equal(q->speaker_name, "Gerry Connolly");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "told");
	assert_string_equal(span(&o, q->src_start, q->src_end), "Connolly");
	q = direct(&o, 1);
	assert_string_equal(span(&o, q->start, q->end), "I am deeply troubled.");
	assert_string_equal(q->speaker_name, "Antonio Guterres");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "said");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "Antonio Guterres");
	assert_string_equal(span(&o, q->src_start, q->src_end), "Guterres");
	/* the outlet told is a citation */
	assert_int_equal(o.x->n_citations, 1);
	assert_string_equal(o.x->citations[0].outlet, "CNN");
	one_free(&o);
}

static void quote_pronoun_and_unnamed_sources(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	one_make(&o, "Vladimir Putin spoke for an hour.\n\n"
		     "\"Ukraine never had a tradition of statehood,\" he said.\n\n"
		     "Troops may move tonight, a senior official told reporters.\n\n"
		     "\"Russian troops have continued to move closer to the border,\" the official said.", NULL);
	assert_int_equal(n_direct(&o), 2);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Vladimir Putin");
	assert_true(q->flags & CHORUS_QUOTE_PRONOUN);
	assert_string_equal(span(&o, q->src_start, q->src_end), "he");
	q = direct(&o, 1);
	assert_int_equal(q->speaker, -1);
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	assert_string_equal(q->speaker_name, "a senior official");
	assert_string_equal(span(&o, q->src_start, q->src_end), "the official");
	one_free(&o);
}

static void quote_nested_multi_paragraph_partial(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	one_make(&o, "\"Biden condemned the \"independence\" of the regions,\" the White House said.\n\n"
		     "Antonio Guterres denounced the move, saying it is a \"perversion of peacekeeping.\"\n\n"
		     "\"We need restraint,\" Guterres said. \"We need reason.\"", NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(span(&o, q->start, q->end), "Biden condemned the \"independence\" of the regions,");
	assert_string_equal(q->speaker_name, "White House");
	q = direct(&o, 1);
	assert_string_equal(span(&o, q->start, q->end), "perversion of peacekeeping.");
	assert_string_equal(q->speaker_name, "Antonio Guterres");
	assert_true(q->flags & CHORUS_QUOTE_PARTIAL);
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "saying");
	q = direct(&o, 3);
	assert_string_equal(span(&o, q->start, q->end), "We need reason.");
	assert_string_equal(q->speaker_name, "Antonio Guterres");
	assert_true(q->flags & CHORUS_QUOTE_INHERITED);
	/* named where the quote before it names the speaker; no cue of its own */
	assert_string_equal(span(&o, q->src_start, q->src_end), "Guterres");
	assert_int_equal(q->cue_start, q->cue_end);
	one_free(&o);
}

static void quote_title_reference_and_scare_quotes(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	one_make(&o, "United Nations Secretary-General Antonio Guterres spoke in New York.\n\n"
		     "Moscow sent \"peacekeepers\" to the region.\n\n"
		     "The UN chief stated, \"They are not peacekeepers at all.\"", NULL);
	/* the scare quote has no speaker and is not reported */
	assert_int_equal(n_direct(&o), 1);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Antonio Guterres");
	assert_string_equal(span(&o, q->src_start, q->src_end), "UN chief");
	one_free(&o);
}

static void quote_title_case_nicknames(void **state)
{
	struct one o;

	(void)state;
	/* a name in title case given by someone quotes its giver; a show's title does not */
	one_make(&o, "Senator Ann Lee dubbed the mayor \"Captain Chaos\" on Monday.\n\n"
		     "Senator Tom Reyes watched \"Harbour Lights\" on Friday.\n\n"
		     "The cranes are old, as \"The Harbour Gazette\" reported.", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Ann Lee");
	assert_string_equal(span(&o, direct(&o, 0)->start, direct(&o, 0)->end), "Captain Chaos");
	one_free(&o);
}

static void quote_dash_apposition_honorific(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	one_make(&o, "\"Maybe we can build a wall around him.\" - Steve Quinlan\n\n"
		     "\"I have never been edited,\" Mr. King, 82, told me.\n\n"
		     "\"Their strategy is very clear,\" Michael McFaul, a senior fellow at the institute, said.\n\n"
		     "As Margarita Simonyan put it, the channel is \"providing a perspective you won't get.\"",
		 NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Steve Quinlan");
	assert_string_equal(span(&o, q->src_start, q->src_end), "Steve Quinlan");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "King");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "told");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "Michael McFaul");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "Margarita Simonyan");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "put");
	one_free(&o);
}

static void quote_speaker_is_not_the_object(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* "described Clinton as": Christie speaks; "saying" hangs on the clause's subject */
	one_make(&o, "Chris Christie described Hillary Clinton as a \"disgrace\" on Wednesday.\n\n"
		     "Donald Trump attacked Hillary Clinton for her votes, saying, \"She is trigger-happy.\"\n\n"
		     "The clip says Kaine \"has a passion for the wrong people.\"", NULL);
	assert_int_equal(n_direct(&o), 3);
	assert_string_equal(direct(&o, 0)->speaker_name, "Chris Christie");
	assert_string_equal(direct(&o, 1)->speaker_name, "Donald Trump");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "The clip");
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	one_free(&o);
}

static void quote_subject_behind_appositions(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* several commas, a relative clause, an adverb in "-ly", an unnamed source with a
	 * prepositional phrase: the subject is still found */
	one_make(&o, "Jean Dupont, the foreign minister of Freedonia, a member of the council, said the vote "
		     "was \"a serious mistake.\"\n\n"
		     "Ann Lee, 59, of Dover, who watched the parade from a balcony, said it was \"the best day "
		     "of the year.\"\n\n"
		     "Mark Olsen cynically dismissed the plan as \"a fantasy for rich people.\"\n\n"
		     "Officials at the Harbor Safety Board, a branch of the Port and Rail Authority, said the "
		     "ship was \"never inspected.\"", NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Jean Dupont");
	assert_string_equal(span(&o, q->src_start, q->src_end), "Jean Dupont");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Ann Lee");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "Mark Olsen");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "dismissed");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "Officials");
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	one_free(&o);
	/* a two-word name opening the sentence, far from the cue */
	one_make(&o, "Mark Olsen, the harbour master, toured the docks and said he thought the cranes were "
		     "\"a real danger\" to workers.", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Mark Olsen");
	one_free(&o);
	/* "who" after an object's apposition, with a time phrase before the cue */
	one_make(&o, "Mark Olsen has a long feud with Ann Lee, now the harbour master, who in 2019 said the "
		     "port needed \"a total rebuild.\"", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Ann Lee");
	one_free(&o);
	/* a country opening the sentence, before its apposition */
	one_make(&o, "Norway, the port's largest client, said it was \"deeply worried\" by the strike.", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Norway");
	one_free(&o);
	/* a name in the last apposition comes before the noun phrase it names */
	one_make(&o, "\"Our pay has fallen,\" the union's leader, Ruth Almqvist, said on Monday.", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Ruth Almqvist");
	one_free(&o);
}

static void quote_pronouns_it_they(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* "they" with nobody to point to: the speaker is unknown, its place kept; "it": the
	 * organisation before, or the non-person speaker of the quote before; "said it
	 * would" is the reported clause's subject, not the speaker */
	one_make(&o, "Ann Lee, the lawyer of the dockers, spoke first.\n\n"
		     "\"We will appeal,\" they wrote in a letter.\n\n"
		     "The Harbor Board met on Friday.\n\n"
		     "\"The port was never safe,\" it said.\n\n"
		     "The report says the cranes were \"badly worn.\" \"Nobody checked them for years,\" it "
		     "adds.\n\n"
		     "The mayor said it would be \"a long winter.\"", NULL);
	assert_int_equal(n_direct(&o), 5);
	q = direct(&o, 0);
	assert_null(q->speaker_name);
	assert_int_equal(q->speaker, -1);
	assert_true(q->flags & CHORUS_QUOTE_PRONOUN);
	assert_string_equal(span(&o, q->src_start, q->src_end), "they");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Harbor Board");
	assert_string_equal(span(&o, q->src_start, q->src_end), "it");
	q = direct(&o, 3);
	assert_string_equal(span(&o, q->start, q->end), "Nobody checked them for years,");
	assert_string_equal(q->speaker_name, "The report");
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	q = direct(&o, 4);
	assert_string_equal(q->speaker_name, "The mayor");
	one_free(&o);
}

static void quote_unnamed_noun_phrases(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* a possessive opens the phrase, "of" continues it, a common noun opens the sentence */
	one_make(&o, "\"We were never told,\" Lee's former business partner said.\n\n"
		     "His lawyers called the ruling \"a travesty.\"\n\n"
		     "The head of the port authority said the cranes were \"badly worn.\"\n\n"
		     "Police say the crowd was \"mostly peaceful.\" The police closed the road.", NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Lee's former business partner");
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	assert_string_equal(direct(&o, 1)->speaker_name, "His lawyers");
	assert_string_equal(direct(&o, 2)->speaker_name, "The head of the port authority");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "Police");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "say");
	one_free(&o);
	/* a prepositional phrase inside, twelve words long */
	one_make(&o, "\"Why did nobody check?\" a narrator in the new ad asks.\n\n"
		     "On a morning show, the former head of the port authority and current city treasurer "
		     "said she had been \"kept in the dark.\"", NULL);
	assert_int_equal(n_direct(&o), 2);
	assert_string_equal(direct(&o, 0)->speaker_name, "a narrator in the new ad");
	assert_string_equal(direct(&o, 1)->speaker_name,
			    "the former head of the port authority and current city treasurer");
	one_free(&o);
	/* "one", "several" and a chain of determiners open it too */
	one_make(&o, "One questioner claimed that the cranes were \"rusted through.\" Several dockers said it "
		     "was \"too late.\" His two deputies said the port was \"finished.\"", NULL);
	assert_int_equal(n_direct(&o), 3);
	assert_string_equal(direct(&o, 0)->speaker_name, "One questioner");
	assert_string_equal(direct(&o, 1)->speaker_name, "Several dockers");
	assert_string_equal(direct(&o, 2)->speaker_name, "His two deputies");
	one_free(&o);
	/* "on", "from" inside */
	one_make(&o, "A notice on the city's website states that the ferry is \"suspended until further "
		     "notice.\"\n\n"
		     "A letter from the union's lawyers said the strike was \"fully legal.\"", NULL);
	assert_int_equal(n_direct(&o), 2);
	assert_string_equal(direct(&o, 0)->speaker_name, "A notice on the city's website");
	assert_string_equal(direct(&o, 1)->speaker_name, "A letter from the union's lawyers");
	one_free(&o);
}

static void quote_cue_forms(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* "he's" is a pronoun; "what they call" names the clause's subject; "call" is a cue;
	 * "is calling" is the verb of its own clause, not a participle */
	one_make(&o, "Mark Olsen spoke on Friday. He's claiming the vote was \"rigged from the start.\"\n\n"
		     "The Harbor Board contrasted its plan with what they call \"a reckless gamble.\"\n\n"
		     "Ann Lee and Tom Reyes call the plan \"a fantasy.\"\n\n"
		     "Mark Olsen met Ann Lee. Tom Reyes's lawyer is calling the deal \"a swindle.\"", NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Mark Olsen");
	assert_string_equal(span(&o, q->src_start, q->src_end), "He's");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Harbor Board");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "call");
	assert_string_equal(direct(&o, 2)->speaker_name, "Tom Reyes");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "Tom Reyes's lawyer");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "calling");
	one_free(&o);
}

static void quote_after_an_introducing_sentence(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* an uncued quote after a quote-less sentence of the same paragraph: its subject;
	 * "called on people": an object after a preposition is not a speaker */
	one_make(&o, "Mark Olsen named the harbour as one reason for the strike. \"The cranes are older "
		     "than I am.\"\n\n"
		     "The families watched the videos and called on police to release them \"as soon as "
		     "possible\" and called on people to stay calm.", NULL);
	assert_int_equal(n_direct(&o), 1);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Mark Olsen");
	assert_true(q->flags & CHORUS_QUOTE_NEAR);
	assert_int_equal(q->cue_start, q->cue_end);
	one_free(&o);
	/* "Lee's claim that ...": the possessor of a speech noun; "Lee's statement was "..."" is
	 * said of the statement, by nobody named */
	one_make(&o, "The dispute began with Senator Ann Lee's claim that the cranes were \"inspected every "
		     "year\" by the city.\n\n"
		     "Senator Ann Lee's statement was \"simply false\" in the end.", NULL);
	assert_int_equal(n_direct(&o), 1);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Ann Lee");
	assert_string_equal(span(&o, q->start, q->end), "inspected every year");
	one_free(&o);
	/* the introducing sentence may name a show in quotation marks */
	one_make(&o, "On \"Harbour Talk,\" Senator Ann Lee named the cranes as one risk. \"They are older "
		     "than I am.\"", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Ann Lee");
	one_free(&o);
	/* "the phrase "..."": the clause's subject uses it */
	one_make(&o, "Senator Ann Lee has often used the phrase \"harbour of shame\" in her speeches.", NULL);
	assert_int_equal(n_direct(&o), 1);
	assert_string_equal(direct(&o, 0)->speaker_name, "Ann Lee");
	one_free(&o);
	/* "cast ... as a "...": the clause's subject characterises, in words of their own */
	one_make(&o, "On Monday, Senator Mark Olsen cast the harbour plan as a \"fantasy for rich people.\"", NULL);
	assert_int_equal(n_direct(&o), 1);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Mark Olsen");
	assert_true(q->flags & CHORUS_QUOTE_NEAR);
	one_free(&o);
}

static void quote_clause_and_noun_cues(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* a colon ends the speaker's clause; a parenthesis after the name; "Lee's call" is
	 * a noun; a participle after the quote is not followed by its subject */
	one_make(&o, "When Senator Tom Reyes asked about the cranes, Senator Ann Lee fired back: \"They were "
		     "inspected last year.\"\n\n"
		     "Rep. Ann Lee (D-Ore.) said Tom Reyes knew that the cranes \"were never safe.\"\n\n"
		     "The mayor attacked Lee's call for a \"total rebuild\" on Monday.\n\n"
		     "Olsen dismissed the union as part of the \"old guard\" and calling Senator Ann Lee a liar.",
		 NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Ann Lee");
	assert_int_equal(q->cue_start, q->cue_end);
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Ann Lee");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "said");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "The mayor");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "attacked");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "Olsen");
	one_free(&o);
	/* a cue after "and" shares the earlier cue's subject; a later cue without a subject
	 * of its own yields to the one before the quote */
	one_make(&o, "Senator Tom Reyes says he respects Ann Lee and calls her \"a tireless worker.\"\n\n"
		     "On Thursday, Senator Tom Reyes said he was \"not ready\" to back Senator Ann Lee, and "
		     "suggested that she wait.", NULL);
	assert_int_equal(n_direct(&o), 2);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "Tom Reyes");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "says");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Tom Reyes");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "said");
	one_free(&o);
}

static void quote_sources_after_the_cue(void **state)
{
	struct one o;
	const struct chorus_quote *q;

	(void)state;
	/* "said the ruling", "according to" after the quote or before a title phrase, and
	 * "read" as a cue */
	one_make(&o, "\"The port must stay open,\" said the ruling.\n\n"
		     "More than 100 workers joined a \"walk-out\" at the docks, according to a senior union "
		     "official.\n\n"
		     "According to radio host Mark Olsen, the plan \"will never work.\"\n\n"
		     "\"Nobody was hurt,\" the article read.", NULL);
	assert_int_equal(n_direct(&o), 4);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "the ruling");
	assert_true(q->flags & CHORUS_QUOTE_UNNAMED);
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "a senior union official");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "according to");
	q = direct(&o, 2);
	assert_string_equal(q->speaker_name, "Mark Olsen");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "According to");
	q = direct(&o, 3);
	assert_string_equal(q->speaker_name, "the article");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "read");
	one_free(&o);
}

static void quote_titles_with_of_and_reported_speech(void **state)
{
	struct one o;
	const struct chorus_quote *q;
	const struct chorus_entity *e;

	(void)state;
	/* "Secretary of State" is a title before the name; "States" in a name is no cue; a
	 * cue after "and" past the quote is a clause of its own; an uncued quote after a
	 * sentence of reported speech goes on with its speaker */
	one_make(&o, "Secretary of State John F. Kerry said the United States would take \"robust steps\" in "
		     "response, and he urged the council to meet.\n\n"
		     "The port may stay closed while Mayor Tom Reyes talks with the union, Senator Ann Lee "
		     "said. \"Nobody wants a long strike.\"", NULL);
	e = entity_named(&o, "John F. Kerry");
	assert_non_null(e);
	assert_string_equal(e->title, "Secretary of State");
	assert_int_equal(n_direct(&o), 2);
	q = direct(&o, 0);
	assert_string_equal(q->speaker_name, "John F. Kerry");
	assert_string_equal(span(&o, q->cue_start, q->cue_end), "said");
	q = direct(&o, 1);
	assert_string_equal(q->speaker_name, "Ann Lee");
	one_free(&o);
}

static void contexts_one_after_another(void **state)
{
	static const char *const lead[] = { "Rain fell.", "Wind and rain fell on the hills.",
					    "Snow, then sleet, then hail.", "Fog." };
	size_t i;

	(void)state;
	/* a context freed and a new one made (often at the same address, with a lexicon
	 * numbering words differently) must not see the word classes of the old one */
	for (i = 0; i < 8; i++) {
		struct one o;
		char text[256];
		snprintf(text, sizeof(text), "%s\n\n\"The road is closed,\" the mayor said.", lead[i % 4]);
		one_make(&o, text, NULL);
		assert_int_equal(n_direct(&o), 1);
		assert_string_equal(direct(&o, 0)->speaker_name, "the mayor");
		assert_string_equal(span(&o, direct(&o, 0)->cue_start, direct(&o, 0)->cue_end), "said");
		one_free(&o);
	}
}

static void entities_things_groups_and_origins(void **state)
{
	struct one o;
	const struct chorus_entity *e;

	(void)state;
	one_make(&o, "Rep. Elijah Cummings of Maryland (D-Md.) cited the Fifth Amendment. Republicans said "
		     "no. The Halvard Transport Authority met, and the Transport Authority agreed.", NULL);
	e = entity_named(&o, "Elijah Cummings");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_PERSON);
	e = entity_named(&o, "Maryland");
	assert_non_null(e);
	assert_string_equal(e->code, "US-MD");
	assert_int_equal(entity_named(&o, "Fifth Amendment")->kind, CHORUS_ENT_OTHER);
	assert_int_equal(entity_named(&o, "Republicans")->kind, CHORUS_ENT_OTHER);
	assert_null(entity_named(&o, "D-Md"));
	e = entity_named(&o, "Halvard Transport Authority");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_ORG);
	assert_int_equal(e->mentions, 2);
	one_free(&o);

	/* a station is a thing, not an organisation, unless its name says so */
	one_make(&o, "Crowds waited outside Central Station. The Central Station Authority said "
		     "trains would run.", NULL);
	assert_int_equal(entity_named(&o, "Central Station")->kind, CHORUS_ENT_OTHER);
	assert_int_equal(entity_named(&o, "Central Station Authority")->kind, CHORUS_ENT_ORG);
	one_free(&o);
}

static void entities_surname_that_is_a_title(void **state)
{
	struct one o;
	const struct chorus_entity *e;

	(void)state;
	/* after given names "King" is a surname; before a name, a title */
	one_make(&o, "Carla King met Jordanian King Abdullah. \"We talked,\" said Carla King.", NULL);
	e = entity_named(&o, "Carla King");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_PERSON);
	e = entity_named(&o, "Abdullah");
	assert_non_null(e);
	assert_string_equal(e->title, "Jordanian King");
	assert_string_equal(direct(&o, 0)->speaker_name, "Carla King");
	one_free(&o);
}

static void entities_title_across_and(void **state)
{
	struct one o;
	const struct chorus_entity *e;

	(void)state;
	/* one title across "and", after its owner; two names joined by "and" stay apart */
	one_make(&o, "The Union's High Commissioner for Foreign and Security Policy Jonas Verlaine "
		     "spoke. Marta Keller and Deputy Mayor Ivo Brand arrived. Secretary of State "
		     "Jon Kerr and Defense Secretary Ash Carden left.", NULL);
	e = entity_named(&o, "Jonas Verlaine");
	assert_non_null(e);
	assert_string_equal(e->title, "High Commissioner for Foreign and Security Policy");
	e = entity_named(&o, "Ivo Brand");
	assert_non_null(e);
	assert_string_equal(e->title, "Deputy Mayor");
	assert_non_null(entity_named(&o, "Marta Keller"));
	e = entity_named(&o, "Ash Carden");
	assert_non_null(e);
	assert_string_equal(e->title, "Defense Secretary");
	e = entity_named(&o, "Jon Kerr");
	assert_non_null(e);
	assert_string_equal(e->title, "Secretary of State");
	one_free(&o);
}

static void entities_dateline_places(void **state)
{
	struct one o;
	const struct chorus_entity *e;

	(void)state;
	/* places no gazetteer knows, named by the dateline; a name it does not hold is not one */
	one_make(&o, "ESKVALE, Veranth (NWA) - Nine miners came up alive in Eskvale on Saturday, "
		     "Veranth's mining board said. Rescue chief Greta Voss thanked the Grennock crews.",
		 NULL);
	e = entity_named(&o, "Eskvale");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_PLACE);
	e = entity_named(&o, "Veranth");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_PLACE);
	e = entity_named(&o, "Grennock");
	assert_non_null(e);
	assert_int_equal(e->kind, CHORUS_ENT_OTHER);
	one_free(&o);
}

static void reported_speech(void **state)
{
	struct one o;
	size_t i;
	const struct chorus_quote *q = NULL;

	(void)state;
	one_make(&o, "Josep Borrell said that the council should meet soon.", NULL);
	for (i = 0; i < o.x->n_quotes; i++)
		if (o.x->quotes[i].flags & CHORUS_QUOTE_INDIRECT)
			q = &o.x->quotes[i];
	assert_non_null(q);
	assert_string_equal(span(&o, q->start, q->end), "the council should meet soon");
	assert_string_equal(q->speaker_name, "Josep Borrell");
	one_free(&o);
}

/* ---- numbers ----------------------------------------------------------------------- */

static void numbers_grouping_qualifiers_counts(void **state)
{
	struct one o;
	const struct chorus_number *n;

	(void)state;
	one_make(&o, "Moscow massed nearly 1,90,000 troops on the border. More than 14,000 people have died. "
		     "Rebels hold about a third of Donetsk. The convoy stopped 60 kilometers away. "
		     "Prices rose 10% and COVID-19 spread.", NULL);
	assert_int_equal(o.x->n_numbers, 5);
	n = &o.x->numbers[0];
	assert_true(n->value == 190000.0);
	assert_string_equal(n->counts, "troops");
	assert_string_equal(n->qualifier, "nearly");
	assert_null(n->unit);
	assert_string_equal(span(&o, n->start, n->end), "nearly 1,90,000 troops");
	n = &o.x->numbers[1];
	assert_true(n->value == 14000.0);
	assert_string_equal(n->counts, "people have died");
	assert_string_equal(n->qualifier, "More than");
	n = &o.x->numbers[2];
	assert_true(n->value > 0.3333 && n->value < 0.3334);
	assert_string_equal(n->counts, "Donetsk");
	n = &o.x->numbers[3];
	assert_true(n->value == 60.0);
	assert_string_equal(n->unit, "km");
	n = &o.x->numbers[4];
	assert_true(n->value == 10.0);
	assert_string_equal(n->unit, "%");
	one_free(&o);
}

static void numbers_words(void **state)
{
	struct one o;

	(void)state;
	one_make(&o, "Two military convoys crossed. One said so. He ordered 5 million doses.", NULL);
	assert_int_equal(o.x->n_numbers, 2);
	assert_true(o.x->numbers[0].value == 2.0);
	assert_string_equal(o.x->numbers[0].counts, "military convoys");
	assert_true(o.x->numbers[1].value == 5e6);
	assert_string_equal(o.x->numbers[1].counts, "doses");
	one_free(&o);
}

/* ---- dates ------------------------------------------------------------------------- */

static void dates_absolute(void **state)
{
	struct one o;

	(void)state;
	one_make(&o, "It began on Feb. 21, 2022 and in 2014. Talks were held on 3 March 2021 and in "
		     "February 2014.", "2022-02-22");
	assert_int_equal(o.x->n_timexes, 4);
	assert_string_equal(span(&o, o.x->timexes[0].start, o.x->timexes[0].end), "Feb. 21, 2022");
	assert_string_equal(o.x->timexes[0].value, "2022-02-21");
	assert_string_equal(o.x->timexes[1].value, "2014");
	assert_string_equal(o.x->timexes[2].value, "2021-03-03");
	assert_string_equal(o.x->timexes[3].value, "2014-02");
	one_free(&o);
}

static void dates_relative_to_publication(void **state)
{
	struct one o;

	(void)state;
	/* 2022-02-22 was a Tuesday */
	one_make(&o, "Putin spoke on Monday. Khan visits tomorrow. Talks were held last week. "
		     "The fighting lasted eight years. They will meet on Friday. In August they talked.",
		 "2022-02-22");
	assert_int_equal(o.x->n_timexes, 6);
	assert_string_equal(span(&o, o.x->timexes[0].start, o.x->timexes[0].end), "on Monday");
	assert_string_equal(o.x->timexes[0].value, "2022-02-21");
	assert_false(o.x->timexes[0].flags & CHORUS_TIMEX_INFERRED);
	assert_string_equal(o.x->timexes[1].value, "2022-02-23");
	assert_string_equal(o.x->timexes[2].value, "2022-W07");
	assert_string_equal(o.x->timexes[3].value, "P8Y");
	assert_true(o.x->timexes[3].flags & CHORUS_TIMEX_DURATION);
	assert_string_equal(o.x->timexes[4].value, "2022-02-25");
	assert_string_equal(o.x->timexes[5].value, "2021-08");
	one_free(&o);
}

static void dates_inferred_publication(void **state)
{
	struct one o;

	(void)state;
	/* no publication date: "Monday, February 21" fixes the year (the first after 2014 in
	 * which February 21 is a Monday: 2022), "tomorrow (Wednesday)" the day (Tuesday 22) */
	one_make(&o, "Fighting broke out in 2014. On Monday, February 21, Putin spoke. "
		     "Khan is set to visit tomorrow (Wednesday).", NULL);
	assert_int_equal(o.x->n_timexes, 3);
	assert_string_equal(o.x->timexes[1].value, "2022-02-21");
	assert_true(o.x->timexes[1].flags & CHORUS_TIMEX_INFERRED);
	assert_string_equal(span(&o, o.x->timexes[2].start, o.x->timexes[2].end), "tomorrow (Wednesday)");
	assert_string_equal(o.x->timexes[2].value, "2022-02-23");
	assert_true(o.x->anchor_inferred);
	assert_int_equal(o.x->anchor / 86400, 19045); /* 2022-02-22 */
	one_free(&o);
}

static void dates_from_a_date_label(void **state)
{
	struct one o;

	(void)state;
	/* the text stage drops the label line; its date is still the publication date
	 * (2026-03-10 was a Tuesday) */
	one_make(&o, "Published: 10 March 2026, 09:15\n\nThe bridge fell on Monday evening.", NULL);
	assert_int_equal(o.x->n_timexes, 1);
	assert_string_equal(o.x->timexes[0].value, "2026-03-09");
	assert_false(o.x->timexes[0].flags & CHORUS_TIMEX_INFERRED);
	assert_false(o.x->anchor_inferred);
	one_free(&o);
}

/* ---- story numbers ----------------------------------------------------------------- */

struct made_story {
	struct chorus_ctx *ctx;
	struct chorus_article a[4];
	struct chorus_doc *doc[4];
	struct chorus_extraction *x[4];
	struct chorus_story_extraction *s;
	size_t n;
};

/* Extracts each of texts (NULL-terminated, at most 4) as an article, then the story. */
static void story_make(struct made_story *ms, const char *const *texts)
{
	memset(ms, 0, sizeof(*ms));
	ms->ctx = chorus_ctx_new();
	for (; texts[ms->n] && ms->n < 4; ms->n++) {
		struct chorus_article *a = &ms->a[ms->n];
		char id[16];
		chorus_article_init(a);
		snprintf(id, sizeof(id), "a%zu", ms->n);
		a->id = strdup(id);
		a->text = strdup(texts[ms->n]);
		a->text_len = strlen(texts[ms->n]);
		assert_int_equal(chorus_doc_analyze(ms->ctx, a, NULL, &ms->doc[ms->n]), 0);
		assert_int_equal(chorus_extract(ms->ctx, ms->doc[ms->n], NULL, &ms->x[ms->n]), 0);
	}
	assert_int_equal(chorus_extract_story(ms->ctx, ms->x, ms->n, &ms->s), 0);
}

static void story_free(struct made_story *ms)
{
	size_t i;

	chorus_story_extraction_free(ms->s);
	for (i = 0; i < ms->n; i++) {
		chorus_extraction_free(ms->x[i]);
		chorus_doc_free(ms->doc[i]);
		chorus_article_release(&ms->a[i]);
	}
	chorus_ctx_free(ms->ctx);
}

static const struct chorus_story_number *story_number(const struct made_story *ms, double value,
						      const char *counts)
{
	size_t k;

	for (k = 0; k < ms->s->n_numbers; k++)
		if (ms->s->numbers[k].value == value && !strcmp(ms->s->numbers[k].counts, counts))
			return &ms->s->numbers[k];
	return NULL;
}

static void story_numbers_same_toll_in_other_words(void **state)
{
	static const char *const texts[] = {
		"Twelve people were killed when the river bridge collapsed in the storm on Monday.",
		"The river bridge collapsed in the storm on Monday, leaving 12 dead.",
		"At the river bridge, 12 killed as the storm brought down the span on Monday.",
		"The toll of the river bridge collapse in the storm rose to 14 dead on Wednesday. "
		"About 30 people were hurt.",
		NULL
	};
	static const char *const soldiers[] = {
		"Five soldiers killed in the border clash near the river, the army said.",
		"Five soldiers wounded in the border clash near the river, the army said.",
		NULL
	};
	static const char *const fines[] = {
		"The council said 50 dollars fines hit the river bridge drivers on Monday night.",
		"The council said 40 euros fines hit the river bridge drivers on Monday night.",
		NULL
	};
	struct made_story ms;
	const struct chorus_story_number *n;

	(void)state;
	story_make(&ms, texts);
	/* "people were killed", "dead" and "killed": one count of the dead, in 3 articles */
	n = story_number(&ms, 12, "people were killed");
	assert_non_null(n);
	assert_int_equal(n->n_articles, 3);
	assert_int_equal(n->articles[0], 0);
	assert_int_equal(n->articles[1], 1);
	assert_int_equal(n->articles[2], 2);
	assert_true(n->conflict);
	assert_null(story_number(&ms, 12, "dead"));
	assert_null(story_number(&ms, 12, "killed"));
	n = story_number(&ms, 14, "dead");
	assert_non_null(n);
	assert_int_equal(n->n_articles, 1);
	assert_true(n->conflict);
	/* "were hurt" says what befell them, as "were killed" does */
	n = story_number(&ms, 30, "people were hurt");
	assert_non_null(n);
	assert_string_equal(n->qualifier, "About");
	assert_false(n->conflict);
	story_free(&ms);

	/* the killed and the wounded are different counts of one kind of people */
	story_make(&ms, soldiers);
	n = story_number(&ms, 5, "soldiers killed");
	assert_non_null(n);
	assert_int_equal(n->n_articles, 1);
	assert_false(n->conflict);
	n = story_number(&ms, 5, "soldiers wounded");
	assert_non_null(n);
	assert_int_equal(n->n_articles, 1);
	assert_false(n->conflict);
	story_free(&ms);

	/* 50 dollars and 40 euros do not disagree: other units */
	story_make(&ms, fines);
	n = story_number(&ms, 50, "fines");
	assert_non_null(n);
	assert_string_equal(n->unit, "USD");
	assert_false(n->conflict);
	n = story_number(&ms, 40, "fines");
	assert_non_null(n);
	assert_string_equal(n->unit, "EUR");
	assert_false(n->conflict);
	story_free(&ms);
}

static void story_organisation_short_form_joins_full_name(void **state)
{
	static const char *const texts[] = {
		"The Transport Authority said on Thursday that no trams would run. The Transport "
		"Authority asked riders to stay home.",
		"Trams stood still after the Halvard Transport Authority failed to reach a deal with "
		"the drivers, a spokesman for the Halvard Transport Authority said.",
		NULL
	};
	struct made_story ms;
	size_t k, orgs = 0;

	(void)state;
	story_make(&ms, texts);
	for (k = 0; k < ms.s->n_entities; k++) {
		const struct chorus_story_entity *e = &ms.s->entities[k];
		if (e->kind != CHORUS_ENT_ORG)
			continue;
		orgs++;
		assert_string_equal(e->name, "Halvard Transport Authority");
		assert_int_equal(e->articles, 2);
		assert_int_equal(e->mentions, 4);
	}
	assert_int_equal(orgs, 1);
	story_free(&ms);
}

/* ---- the seeds ----------------------------------------------------------------------- */

struct seeds {
	struct chorus_ctx *ctx;
	struct chorus_article a[4];
	struct chorus_doc *doc[4];
	struct chorus_extraction *x[4];
	struct chorus_story_extraction *s;
};

static const char *const seed_files[4] = { "000_ef8ebd51f463d83a.txt", "001_91dc9ccb825e8f37.txt",
					   "002_d19816cac635a754.txt", "003_f6f6d28b1dc430bb.txt" };

static int seeds_load(struct seeds *sd)
{
	size_t i;
	char rel[128];

	memset(sd, 0, sizeof(*sd));
	if (!testutil_shared("seeds"))
		return -1;
	sd->ctx = chorus_ctx_new();
	for (i = 0; i < 4; i++) {
		size_t len;
		char *raw, *clean;
		snprintf(rel, sizeof(rel), "seeds/%s", seed_files[i]);
		raw = testutil_read_file(testutil_shared(rel), &len);
		assert_non_null(raw);
		assert_int_equal(chorus_text_repair(sd->ctx, raw, len, &clean, &len, NULL), 0);
		free(raw);
		chorus_article_init(&sd->a[i]);
		sd->a[i].id = strdup(seed_files[i]);
		sd->a[i].text = clean;
		sd->a[i].text_len = len;
		assert_int_equal(chorus_doc_analyze(sd->ctx, &sd->a[i], NULL, &sd->doc[i]), 0);
		assert_int_equal(chorus_extract(sd->ctx, sd->doc[i], NULL, &sd->x[i]), 0);
	}
	assert_int_equal(chorus_extract_story(sd->ctx, sd->x, 4, &sd->s), 0);
	return 0;
}

static void seeds_free(struct seeds *sd)
{
	size_t i;

	chorus_story_extraction_free(sd->s);
	for (i = 0; i < 4; i++) {
		chorus_extraction_free(sd->x[i]);
		chorus_doc_free(sd->doc[i]);
		chorus_article_release(&sd->a[i]);
	}
	chorus_ctx_free(sd->ctx);
}

static void seeds_every_quote_has_its_speaker(void **state)
{
	struct seeds sd;
	size_t i, k;
	int seen[6] = { 0 };
	static const char *const want[6] = { "Vladimir Putin", "Volodymyr Zelensky", "Gerry Connolly",
					     "Antonio Guterres", "Josep Borrell", "a senior official" };

	(void)state;
	if (seeds_load(&sd))
		skip();
	for (i = 0; i < 4; i++)
		for (k = 0; k < sd.x[i]->n_quotes; k++) {
			const struct chorus_quote *q = &sd.x[i]->quotes[k];
			size_t j;
			assert_non_null(q->speaker_name);
			for (j = 0; j < 6; j++)
				if (!strcmp(q->speaker_name, want[j]))
					seen[j] = 1;
		}
	for (i = 0; i < 6; i++)
		if (!seen[i])
			fail_msg("no quote of %s", want[i]);
	/* "... never had a tradition of genuine statehood.": Putin, by "He said" */
	for (k = 0; k < sd.x[0]->n_quotes; k++)
		if (strstr(sd.doc[0]->text + sd.x[0]->quotes[k].start, "Ukraine never had") ==
		    sd.doc[0]->text + sd.x[0]->quotes[k].start)
			assert_string_equal(sd.x[0]->quotes[k].speaker_name, "Vladimir Putin");
	seeds_free(&sd);
}

static void seeds_places_numbers_dates(void **state)
{
	struct seeds sd;
	size_t i, k;
	int troops = 0, mondays = 0;

	(void)state;
	if (seeds_load(&sd))
		skip();
	/* Luhansk and Lugansk (article 003 writes both): one place */
	for (k = 0; k < sd.x[3]->n_entities; k++)
		assert_false(strstr(sd.x[3]->entities[k].name, "Lugansk"));
	for (k = 0; k < sd.s->n_entities; k++)
		if (!strcmp(sd.s->entities[k].name, "Luhansk")) {
			assert_int_equal(sd.s->entities[k].kind, CHORUS_ENT_PLACE);
			assert_int_equal(sd.s->entities[k].articles, 4);
		}
	/* 1,90,000 is 190000 troops */
	for (k = 0; k < sd.x[2]->n_numbers; k++)
		if (sd.x[2]->numbers[k].value == 190000.0) {
			assert_string_equal(sd.x[2]->numbers[k].counts, "troops");
			assert_string_equal(sd.x[2]->numbers[k].qualifier, "nearly");
			troops = 1;
		}
	assert_true(troops);
	/* "on Monday" is 2022-02-21 in every article that says it; inferred */
	for (i = 0; i < 4; i++)
		for (k = 0; k < sd.x[i]->n_timexes; k++) {
			const struct chorus_timex *t = &sd.x[i]->timexes[k];
			char said[64];
			snprintf(said, sizeof(said), "%.*s", (int)(t->end - t->start), sd.doc[i]->text + t->start);
			if (strstr(said, "Monday")) {
				assert_string_equal(t->value, "2022-02-21");
				assert_true(t->flags & CHORUS_TIMEX_INFERRED);
				mondays++;
			}
		}
	assert_int_equal(mondays, 3);
	assert_true(sd.s->year_inferred);
	seeds_free(&sd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_fold_transliterations),
		cmocka_unit_test(gazetteer_reads_iso_codes),
		cmocka_unit_test(entities_titles_surnames_places),
		cmocka_unit_test(entities_acronyms_join_expansions),
		cmocka_unit_test(entities_transliterated_people_merge),
		cmocka_unit_test(entity_ids_for_clustering),
		cmocka_unit_test(quote_cue_after_and_before),
		cmocka_unit_test(quote_pronoun_and_unnamed_sources),
		cmocka_unit_test(quote_nested_multi_paragraph_partial),
		cmocka_unit_test(quote_title_reference_and_scare_quotes),
		cmocka_unit_test(quote_title_case_nicknames),
		cmocka_unit_test(quote_dash_apposition_honorific),
		cmocka_unit_test(quote_speaker_is_not_the_object),
		cmocka_unit_test(quote_subject_behind_appositions),
		cmocka_unit_test(quote_pronouns_it_they),
		cmocka_unit_test(quote_unnamed_noun_phrases),
		cmocka_unit_test(quote_cue_forms),
		cmocka_unit_test(quote_after_an_introducing_sentence),
		cmocka_unit_test(quote_clause_and_noun_cues),
		cmocka_unit_test(quote_sources_after_the_cue),
		cmocka_unit_test(quote_titles_with_of_and_reported_speech),
		cmocka_unit_test(contexts_one_after_another),
		cmocka_unit_test(entities_things_groups_and_origins),
		cmocka_unit_test(entities_surname_that_is_a_title),
		cmocka_unit_test(entities_title_across_and),
		cmocka_unit_test(entities_dateline_places),
		cmocka_unit_test(reported_speech),
		cmocka_unit_test(numbers_grouping_qualifiers_counts),
		cmocka_unit_test(numbers_words),
		cmocka_unit_test(story_numbers_same_toll_in_other_words),
		cmocka_unit_test(story_organisation_short_form_joins_full_name),
		cmocka_unit_test(dates_absolute),
		cmocka_unit_test(dates_relative_to_publication),
		cmocka_unit_test(dates_inferred_publication),
		cmocka_unit_test(dates_from_a_date_label),
		cmocka_unit_test(seeds_every_quote_has_its_speaker),
		cmocka_unit_test(seeds_places_numbers_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
