/*
 * cluster/updater.c: the updater (chorus/cluster.h), which takes articles as the
 * readers produce them and runs the last stages on them in batches: syndicated-copy
 * detection (dedup), story assignment (cluster) and the store, one transaction per
 * batch. A copy joins the story of its original and is not added to the story's
 * vectors: it is the same text, one more outlet.
 *
 * On start the dedup index and the clustering state are rebuilt from the store, so a
 * later ingest continues where the last one stopped. When a batch fails the in-memory
 * state no longer matches the store, so the updater refuses further work; the next
 * run rebuilds it from what was committed.
 */
#include <xxhash.h>

#include "chorus/cluster.h"
#include "chorus/dedup.h"
#include "chorus/text.h"
#include "util/alloc.h"
#include "util/buf.h"

#define SIG_BYTES (8 + 4 + 4 * CHORUS_MINHASH_SIZE)
#define HEADLINE_WORDS 14

struct pending {
	struct chorus_article a;
	chorus_time key;  /* publication time, or that of the previous dated article */
	size_t order;     /* input order */
};

/* What the store shows of a story, kept here so that a batch costs the same however
 * large its stories grow. */
struct tally {
	int64_t size, originals;
	chorus_time first, last;
	uint64_t *outlets; /* open addressing set of outlet hashes (0 is stored as 1) */
	size_t n_outlets, cap;
};

struct chorus_updater {
	struct chorus_store *st;       /* NULL: in memory */
	struct chorus_cluster *c;
	struct chorus_dedup *d;
	struct chorus_updater_options o;
	struct chorus_update_stats stats;
	struct pending *pend;
	size_t n_pend, pend_cap, order;
	chorus_time last_key;
	int64_t *story_of;             /* by seq */
	size_t seq_cap;
	int64_t next_seq;              /* in memory: the next seq */
	int broken;
	chorus_assign_fn on_assign;
	void *assign_arg;
	struct tally *tally;           /* by story id */
	size_t tally_cap;
	int64_t *touched;              /* stories touched by the batch */
	size_t n_touched, touched_cap;
	int64_t *seq_of_doc;           /* by order of addition to the clustering */
	size_t n_docs, docs_cap;
	int64_t *first_copy, *next_copy; /* by seq: copies of an original, a linked list */
	size_t copy_cap;
};

void chorus_updater_options_init(struct chorus_updater_options *o)
{
	memset(o, 0, sizeof(*o));
	chorus_cluster_options_init(&o->cluster);
	o->dup_threshold = CHORUS_DEDUP_THRESHOLD;
	o->batch = 500;
}

static void sig_encode(const struct chorus_dedup_sig *s, unsigned char *b)
{
	size_t i;
	int k;

	for (k = 0; k < 8; k++)
		b[k] = (unsigned char)(s->hash >> (8 * k));
	for (k = 0; k < 4; k++)
		b[8 + k] = (unsigned char)(s->words >> (8 * k));
	for (i = 0; i < CHORUS_MINHASH_SIZE; i++)
		for (k = 0; k < 4; k++)
			b[12 + 4 * i + (size_t)k] = (unsigned char)(s->minhash[i] >> (8 * k));
}

static int sig_decode(const unsigned char *b, size_t n, struct chorus_dedup_sig *s)
{
	size_t i;
	int k;

	if (n != SIG_BYTES)
		return -1;
	s->hash = 0;
	s->words = 0;
	for (k = 0; k < 8; k++)
		s->hash |= (uint64_t)b[k] << (8 * k);
	for (k = 0; k < 4; k++)
		s->words |= (uint32_t)b[8 + k] << (8 * k);
	for (i = 0; i < CHORUS_MINHASH_SIZE; i++) {
		s->minhash[i] = 0;
		for (k = 0; k < 4; k++)
			s->minhash[i] |= (uint32_t)b[12 + 4 * i + (size_t)k] << (8 * k);
	}
	return 0;
}

static void set_story(struct chorus_updater *u, int64_t seq, int64_t story)
{
	if ((size_t)seq >= u->seq_cap) {
		size_t old = u->seq_cap;

		CHORUS_GROW(u->story_of, (size_t)seq + 1, u->seq_cap);
		memset(u->story_of + old, 0, (u->seq_cap - old) * sizeof(*u->story_of));
	}
	u->story_of[seq] = story;
}

static int64_t story_of(const struct chorus_updater *u, int64_t seq)
{
	return seq > 0 && (size_t)seq < u->seq_cap ? u->story_of[seq] : 0;
}

/* Records that the next article added to the clustering has this seq. */
static void doc_push(struct chorus_updater *u, int64_t seq)
{
	CHORUS_GROW(u->seq_of_doc, u->n_docs + 1, u->docs_cap);
	u->seq_of_doc[u->n_docs++] = seq;
}

/* Links copy `seq` to its original. */
static void copy_link(struct chorus_updater *u, int64_t orig, int64_t seq)
{
	size_t need = (size_t)(orig > seq ? orig : seq) + 1;

	if (orig <= 0 || seq <= 0)
		return;
	if (need > u->copy_cap) {
		size_t old = u->copy_cap, cap = old ? old : 1024;

		while (cap < need)
			cap *= 2;
		u->first_copy = chorus_xrealloc(u->first_copy, chorus_xmul(cap, sizeof(int64_t)));
		u->next_copy = chorus_xrealloc(u->next_copy, chorus_xmul(cap, sizeof(int64_t)));
		memset(u->first_copy + old, 0, (cap - old) * sizeof(int64_t));
		memset(u->next_copy + old, 0, (cap - old) * sizeof(int64_t));
		u->copy_cap = cap;
	}
	u->next_copy[seq] = u->first_copy[orig];
	u->first_copy[orig] = seq;
}

static void outlet_add(struct tally *t, uint64_t h)
{
	size_t i;

	h = h ? h : 1;
	if ((t->n_outlets + 1) * 2 > t->cap) {
		uint64_t *old = t->outlets;
		size_t oldcap = t->cap;

		t->cap = oldcap ? oldcap * 2 : 8;
		t->outlets = chorus_xcalloc(t->cap, sizeof(*t->outlets));
		t->n_outlets = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i])
				outlet_add(t, old[i]);
		free(old);
	}
	for (i = (size_t)h & (t->cap - 1); t->outlets[i]; i = (i + 1) & (t->cap - 1))
		if (t->outlets[i] == h)
			return;
	t->outlets[i] = h;
	t->n_outlets++;
}

/* The tally of story id (> 0), made when missing. */
static struct tally *tally_at(struct chorus_updater *u, int64_t id)
{
	if ((size_t)id >= u->tally_cap) {
		size_t old = u->tally_cap;

		CHORUS_GROW(u->tally, (size_t)id + 1, u->tally_cap);
		memset(u->tally + old, 0, (u->tally_cap - old) * sizeof(*u->tally));
		for (; old < u->tally_cap; old++)
			u->tally[old].first = u->tally[old].last = CHORUS_TIME_UNKNOWN;
	}
	return &u->tally[id];
}

/* Counts article a (a copy when dup) in story id. */
static void tally_add(struct chorus_updater *u, int64_t id, const struct chorus_article *a, int dup)
{
	struct tally *t;
	const char *o = a->source ? a->source : a->id ? a->id : "";

	if (id <= 0)
		return;
	t = tally_at(u, id);
	t->size++;
	t->originals += !dup;
	if (a->published != CHORUS_TIME_UNKNOWN) {
		if (t->first == CHORUS_TIME_UNKNOWN || a->published < t->first)
			t->first = a->published;
		if (t->last == CHORUS_TIME_UNKNOWN || a->published > t->last)
			t->last = a->published;
	}
	/* outlets as the store counts them: the source, or the id when there is none */
	outlet_add(t, XXH64(o, strlen(o), a->source ? 1 : 2));
}

static int reload_one(void *arg, const struct chorus_stored *s)
{
	struct chorus_updater *u = arg;
	struct chorus_dedup_sig sig;

	set_story(u, s->seq, s->story);
	tally_add(u, s->story, &s->a, s->dup_of != 0);
	if (s->dup_of) {
		copy_link(u, s->dup_of, s->seq);
		return 0;
	}
	if (s->features) {
		struct chorus_features *f = chorus_features_parse(u->c, s->features);

		chorus_cluster_add(u->c, s->story, f, s->a.published);
		doc_push(u, s->seq);
		chorus_features_free(f);
	}
	if (s->minhash && !sig_decode(s->minhash, s->minhash_len, &sig))
		chorus_dedup_add(u->d, (uint64_t)s->seq, &sig);
	return 0;
}

int chorus_updater_new(struct chorus_ctx *ctx, struct chorus_store *st,
		       const struct chorus_updater_options *opt, struct chorus_updater **out)
{
	struct chorus_updater *u = chorus_xcalloc(1, sizeof(*u));
	int64_t last = 0;
	int ret;

	if (opt)
		u->o = *opt;
	else
		chorus_updater_options_init(&u->o);
	if (!u->o.batch)
		u->o.batch = 500;
	u->st = st;
	u->c = chorus_cluster_new(&u->o.cluster);
	u->d = chorus_dedup_new(u->o.dup_threshold);
	u->next_seq = 1;
	u->last_key = CHORUS_TIME_UNKNOWN;
	*out = NULL;
	if (st && ((ret = chorus_store_each_article(ctx, st, 0, 0, reload_one, u)) < 0 ||
		   (ret = chorus_store_last_story(ctx, st, &last)) < 0)) {
		chorus_updater_free(u);
		return ret;
	}
	if (st)
		chorus_cluster_reserve_ids(u->c, last); /* emptied stories hold their ids */
	*out = u;
	return 0;
}

void chorus_updater_free(struct chorus_updater *u)
{
	size_t i;

	if (!u)
		return;
	for (i = 0; i < u->n_pend; i++)
		chorus_article_release(&u->pend[i].a);
	free(u->pend);
	free(u->story_of);
	free(u->touched);
	free(u->seq_of_doc);
	free(u->first_copy);
	free(u->next_copy);
	for (i = 0; i < u->tally_cap; i++)
		free(u->tally[i].outlets);
	free(u->tally);
	chorus_cluster_free(u->c);
	chorus_dedup_free(u->d);
	free(u);
}

const struct chorus_update_stats *chorus_updater_stats(const struct chorus_updater *u)
{
	return &u->stats;
}

void chorus_updater_on_assign(struct chorus_updater *u, chorus_assign_fn fn, void *arg)
{
	u->on_assign = fn;
	u->assign_arg = arg;
}

int chorus_updater_add(struct chorus_ctx *ctx, struct chorus_updater *u, struct chorus_article *a)
{
	struct pending *p;

	if (u->broken)
		return chorus_error(ctx, CHORUS_EDB, "an earlier batch failed; nothing more is "
				    "stored in this run");
	CHORUS_GROW(u->pend, u->n_pend + 1, u->pend_cap);
	p = &u->pend[u->n_pend++];
	p->a = *a;
	chorus_article_init(a);
	if (p->a.published != CHORUS_TIME_UNKNOWN)
		u->last_key = p->a.published;
	p->key = u->last_key;
	p->order = u->order++;
	u->stats.read++;
	return u->n_pend >= u->o.batch ? chorus_updater_flush(ctx, u) : 0;
}

static int pend_cmp(const void *x, const void *y)
{
	const struct pending *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void touch(struct chorus_updater *u, int64_t story)
{
	size_t i;

	for (i = 0; i < u->n_touched; i++)
		if (u->touched[i] == story)
			return;
	CHORUS_GROW(u->touched, u->n_touched + 1, u->touched_cap);
	u->touched[u->n_touched++] = story;
}

static char *headline(const struct chorus_article *a)
{
	struct chorus__buf b = { 0 };
	const char *s = a->title ? a->title : a->text ? a->text : "";
	size_t words = 0;

	while (*s && *s != '\n' && words < HEADLINE_WORDS) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '\n')
			break;
		if (b.len)
			chorus__buf_addch(&b, ' ');
		while (*s && *s != ' ' && *s != '\t' && *s != '\n')
			chorus__buf_addch(&b, *s++);
		words++;
	}
	if (!a->title && *s && *s != '\n')
		chorus__buf_adds(&b, " ...");
	return chorus__buf_detach(&b, NULL);
}

struct retally_arg {
	struct chorus_updater *u;
	int64_t id;
	char *head;  /* the headline of the story's first article */
};

static int retally_one(void *arg, const struct chorus_stored *s)
{
	struct retally_arg *r = arg;

	tally_add(r->u, r->id, &s->a, s->dup_of != 0);
	if (!r->head)
		r->head = headline(&s->a);
	return 0;
}

/* Counts story id again from the store; its first article's headline in *head when
 * head is not NULL. Costs the size of the story; splits and repairs happen only while
 * stories are small. */
static int recount(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t id, char **head)
{
	struct retally_arg r = { u, id, NULL };
	struct tally *t = tally_at(u, id);
	int ret;

	free(t->outlets);
	memset(t, 0, sizeof(*t));
	t->first = t->last = CHORUS_TIME_UNKNOWN;
	ret = chorus_store_each_article(ctx, u->st, id, 0, retally_one, &r);
	if (head && ret >= 0)
		*head = r.head;
	else
		free(r.head);
	return ret < 0 ? ret : 0;
}

/* Counts stories id and ns (split from it) again, and writes ns with the headline of
 * its first article. */
static int retally(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t id, int64_t ns)
{
	struct chorus_story_info si;
	char *head = NULL;
	int ret;

	if ((ret = recount(ctx, u, id, NULL)) < 0 || (ret = recount(ctx, u, ns, &head)) < 0)
		return ret;
	memset(&si, 0, sizeof(si));
	si.id = ns;
	si.first = si.last = CHORUS_TIME_UNKNOWN;
	si.headline = head;
	ret = chorus_store_put_story(ctx, u->st, &si);
	free(head);
	return ret;
}

/* Moves article seq (and its copies) to story id. */
static int move(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t seq, int64_t id,
		int64_t dup_of)
{
	int64_t cp;
	int ret;

	set_story(u, seq, id);
	if (u->st && (ret = chorus_store_set_story(ctx, u->st, seq, id)) < 0)
		return ret;
	if (u->on_assign)
		u->on_assign(u->assign_arg, NULL, seq, id, dup_of);
	for (cp = (size_t)seq < u->copy_cap ? u->first_copy[seq] : 0; cp; cp = u->next_copy[cp])
		if ((ret = move(ctx, u, cp, id, seq)) < 0)
			return ret;
	return 0;
}

/* Split repair (chorus_cluster_split) of story id after an article joined it. */
static int split(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t id)
{
	uint64_t moved[CHORUS_CLUSTER_SPLIT_MAX];
	size_t n, i;
	int64_t ns = chorus_cluster_split(u->c, id, moved, &n);
	int ret;

	if (!ns)
		return 0;
	for (i = 0; i < n; i++)
		if ((ret = move(ctx, u, u->seq_of_doc[moved[i]], ns, 0)) < 0)
			return ret;
	u->stats.new_stories++;
	if (u->st && (ret = retally(ctx, u, id, ns)) < 0)
		return ret;
	touch(u, ns);
	return 0;
}

/* Moves the articles of small stories that the clustering has moved whole into story
 * id (moved: their orders of addition, n <= CHORUS_CLUSTER_SETTLE_MAX); each story
 * emptied is stored with size 0 at the end of the batch (listings skip it, and its id is
 * not given out again). */
_Static_assert(CHORUS_CLUSTER_ABSORB_MAX <= CHORUS_CLUSTER_SETTLE_MAX,
	       "take_whole() holds what either repair moves");
static int take_whole(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t id,
		      const uint64_t *moved, size_t n)
{
	int64_t old[CHORUS_CLUSTER_SETTLE_MAX];
	size_t i, j;
	int ret;

	/* the emptied stories' articles and copies count in id from now on: a small story
	 * is taken whole, so its articles in the store are exactly those moved */
	for (i = 0; i < n; i++) {
		struct retally_arg r = { u, id, NULL };

		old[i] = story_of(u, u->seq_of_doc[moved[i]]);
		for (j = 0; j < i && old[j] != old[i]; j++)
			;
		if (j < i || old[i] <= 0 || !u->st)
			continue;
		ret = chorus_store_each_article(ctx, u->st, old[i], 0, retally_one, &r);
		free(r.head);
		if (ret < 0)
			return ret;
	}
	for (i = 0; i < n; i++) {
		struct tally *t;

		if ((ret = move(ctx, u, u->seq_of_doc[moved[i]], id, 0)) < 0)
			return ret;
		if (old[i] > 0) {
			t = tally_at(u, old[i]);
			free(t->outlets);
			memset(t, 0, sizeof(*t));
			t->first = t->last = CHORUS_TIME_UNKNOWN;
			touch(u, old[i]);
		}
	}
	/* the late repair's story may have had no article of this batch yet: its new counts
	 * are written at the end of the batch only when it is touched */
	touch(u, id);
	return 0;
}

/* Singleton repair (chorus_cluster_absorb) of story id after an article joined it. */
static int absorb(struct chorus_ctx *ctx, struct chorus_updater *u, int64_t id)
{
	uint64_t moved[CHORUS_CLUSTER_ABSORB_MAX];
	size_t n;

	if (!chorus_cluster_absorb(u->c, id, moved, &n))
		return 0;
	return take_whole(ctx, u, id, moved, n);
}

/* Late repair (chorus_cluster_settle) after an article was added. */
static int settle(struct chorus_ctx *ctx, struct chorus_updater *u)
{
	uint64_t moved[CHORUS_CLUSTER_SETTLE_MAX];
	size_t n;
	int64_t id = chorus_cluster_settle(u->c, moved, &n);

	return id ? take_whole(ctx, u, id, moved, n) : 0;
}

/* Delayed decision (chorus_cluster_revisit, or chorus_cluster_revisit_late when late)
 * after an article was added: an earlier article (with its copies) moved to another
 * story; both stories are counted again from the store (each has at most 64
 * articles), an emptied one is stored with size 0 at the end of the batch. */
static int revisit(struct chorus_ctx *ctx, struct chorus_updater *u, int late)
{
	uint64_t moved[1];
	size_t n;
	int64_t to = late ? chorus_cluster_revisit_late(u->c, moved, &n)
			  : chorus_cluster_revisit(u->c, moved, &n), seq, from;
	int ret;

	if (!to)
		return 0;
	seq = u->seq_of_doc[moved[0]];
	from = story_of(u, seq);
	if ((ret = move(ctx, u, seq, to, 0)) < 0)
		return ret;
	if (u->st && ((from > 0 && (ret = recount(ctx, u, from, NULL)) < 0) ||
		      (ret = recount(ctx, u, to, NULL)) < 0))
		return ret;
	if (from > 0)
		touch(u, from);
	touch(u, to);
	return 0;
}

/* Dedup, cluster and store one article; 0, 1 when its id was stored already, or an error. */
static int process(struct chorus_ctx *ctx, struct chorus_updater *u, struct chorus_article *a)
{
	struct chorus_stored s;
	struct chorus_dedup_sig sig;
	struct chorus_features *f = NULL;
	static const struct chorus_text_options text_only = { NULL, 1 };
	struct chorus_doc *doc;
	unsigned char blob[SIG_BYTES];
	char *feat = NULL, *head = NULL;
	uint64_t orig = 0;
	double sim = 0;
	int64_t seq, story, created = 0;
	int ret;

	if (u->st && (ret = chorus_store_has_article(ctx, u->st, a->id, NULL)) != 0)
		return ret;
	memset(&s, 0, sizeof(s));
	/* the clean body: an outlet's debris lines and its own headline do not hide a wire
	 * copy (the clustering features stay on the raw text, headline and dateline) */
	if (chorus_doc_analyze(ctx, a, &text_only, &doc) == 0) {
		size_t blen;
		const char *body = chorus_doc_body(doc, &blen);

		chorus_dedup_sign(body, blen, 0, &sig);
	} else {
		doc = NULL; /* nothing left after cleaning: the raw text */
		chorus_dedup_sign(a->text ? a->text : "", a->text ? a->text_len : 0, 0, &sig);
	}
	if (chorus_dedup_find(u->d, &sig, &orig, &sim) && story_of(u, (int64_t)orig) > 0) {
		story = story_of(u, (int64_t)orig);
		s.dup_of = (int64_t)orig;
		s.dup_sim = sim;
		u->stats.copies++;
	} else {
		f = chorus_cluster_features(u->c, a);
		story = chorus_cluster_decide(u->c, f, a->published, NULL);
		if (!story)
			created = 1;
		story = chorus_cluster_add(u->c, story, f, a->published);
		if (u->st)
			feat = chorus_features_format(u->c, f);
		chorus_features_free(f);
	}
	chorus_doc_free(doc);
	s.a = *a;
	s.hash = sig.hash;
	if (!s.dup_of) {
		sig_encode(&sig, blob);
		s.minhash = blob;
		s.minhash_len = sizeof(blob);
	}
	s.features = feat;
	s.story = story;
	if (u->st) {
		ret = chorus_store_add_article(ctx, u->st, &s, &seq);
		if (!ret && created) {
			struct chorus_story_info si;

			memset(&si, 0, sizeof(si));
			si.id = story;
			si.first = si.last = CHORUS_TIME_UNKNOWN;
			si.headline = head = headline(a);
			ret = chorus_store_put_story(ctx, u->st, &si);
		}
		free(feat);
		free(head);
		if (ret < 0)
			return ret;
	} else {
		seq = u->next_seq++;
	}
	if (!s.dup_of)
		chorus_dedup_add(u->d, (uint64_t)seq, &sig);
	set_story(u, seq, story);
	tally_add(u, story, a, s.dup_of != 0);
	touch(u, story);
	u->stats.added++;
	u->stats.new_stories += (size_t)created;
	if (u->on_assign)
		u->on_assign(u->assign_arg, a->id, seq, story, s.dup_of);
	if (s.dup_of) {
		copy_link(u, s.dup_of, seq);
		return 0;
	}
	doc_push(u, seq);
	if ((ret = absorb(ctx, u, story)) < 0)
		return ret;
	if ((ret = split(ctx, u, story)) < 0 || (ret = revisit(ctx, u, 0)) < 0 ||
	    (ret = revisit(ctx, u, 1)) < 0)
		return ret;
	return settle(ctx, u);
}

int chorus_updater_flush(struct chorus_ctx *ctx, struct chorus_updater *u)
{
	struct chorus_update_stats saved = u->stats;
	size_t i;
	int ret = 0;

	if (u->broken)
		return chorus_error(ctx, CHORUS_EDB, "an earlier batch failed; nothing more is "
				    "stored in this run");
	if (!u->n_pend)
		return 0;
	qsort(u->pend, u->n_pend, sizeof(*u->pend), pend_cmp);
	u->n_touched = 0;
	if (u->st && (ret = chorus_store_begin(ctx, u->st)) < 0)
		goto out;
	for (i = 0; i < u->n_pend; i++) {
		ret = process(ctx, u, &u->pend[i].a);
		if (ret == 1)
			u->stats.known++;
		else if (ret < 0)
			goto out;
	}
	ret = 0;
	if (u->st) {
		for (i = 0; i < u->n_touched; i++) {
			const struct tally *t = &u->tally[u->touched[i]];
			struct chorus_story_info si;

			memset(&si, 0, sizeof(si));
			si.id = u->touched[i];
			si.size = t->size;
			si.originals = t->originals;
			si.outlets = (int64_t)t->n_outlets;
			si.first = t->first;
			si.last = t->last;
			si.terms = chorus_cluster_terms(u->c, u->touched[i], 8);
			ret = chorus_store_update_story(ctx, u->st, &si);
			free(si.terms);
			if (ret < 0)
				goto out;
		}
		if ((ret = chorus_store_commit(ctx, u->st)) < 0)
			goto out;
	}
	u->stats.batches++;
out:
	for (i = 0; i < u->n_pend; i++)
		chorus_article_release(&u->pend[i].a);
	u->n_pend = 0;
	if (ret < 0) {
		if (u->st)
			chorus_store_rollback(u->st);
		saved.read = u->stats.read;
		u->stats = saved;
		u->broken = 1;
	}
	return ret;
}
