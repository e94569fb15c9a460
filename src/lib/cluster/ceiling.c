/*
 * cluster/ceiling.c: how well the clustering's similarity can separate labelled stories
 * at best. Each article is put in the gold story whose other articles score highest
 * against it, by the score of a decision (the three cosines to the sums of the story's
 * unit vectors, weighted as in the options; time left out), with document frequencies
 * counted over all the articles. This is nearest-centroid classification with the
 * answers known, leave one out: no online clustering with the same vectors and score
 * should be expected to do better, so `chorus eval cluster --ceiling` prints it beside
 * the clustering's own figures.
 */
#include <math.h>

#include "cluster/cluster_impl.h"
#include "util/alloc.h"

/* One entry of a field's centroids: the sum of term's weights over the articles of a
 * story (by dense label). */
struct cell {
	uint32_t term, label;
	double w;
};

static int cell_cmp(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->term != b->term)
		return a->term < b->term ? -1 : 1;
	return a->label < b->label ? -1 : a->label > b->label;
}

static int u32_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* Field k of an article (0 title, 1 body, 2 entities): its terms, *n of them. */
static const struct chorus__tc *terms_of(const struct chorus_features *f, int k, size_t *n)
{
	*n = k == 0 ? f->n_title : k == 1 ? f->n_body : f->n_ent;
	return k == 0 ? f->title : k == 1 ? f->body : f->ent;
}

/* The unit TF-IDF weights of n distinct terms v into w (w[i] for v[i]), as the
 * clustering weighs an article (cluster.c, unit()), with document frequencies df. */
static void tfidf_unit(const struct chorus__tc *v, size_t n, const uint32_t *df, size_t cap,
		       uint64_t docs, float *w)
{
	double norm2 = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double x = chorus__tf(v[i].n) * chorus__idf(df, cap, docs, v[i].term);

		w[i] = (float)x;
		norm2 += x * x;
	}
	for (i = 0; i < n; i++)
		w[i] = (float)(w[i] / sqrt(norm2));
}

/* The centroids of one field: cells sorted by term, then label, with the sums merged;
 * start[t] .. start[t + 1] are the cells of term t. */
struct field {
	struct cell *cells;
	size_t n;
	size_t *start;   /* cap + 1 entries */
	double *norm2;   /* per label: squared norm of its sum */
	float **w;       /* per article: unit weights of its terms */
};

static void field_build(struct field *fd, int k, struct chorus_features *const *f,
			const uint32_t *label, size_t n, size_t n_labels, const uint32_t *df,
			size_t cap)
{
	size_t i, j, total = 0, m = 0;

	for (i = 0; i < n; i++) {
		size_t nt;

		terms_of(f[i], k, &nt);
		total += nt;
	}
	fd->cells = chorus_xmalloc(chorus_xmul(total ? total : 1, sizeof(*fd->cells)));
	fd->w = chorus_xcalloc(n ? n : 1, sizeof(*fd->w));
	for (i = 0; i < n; i++) {
		size_t nt;
		const struct chorus__tc *v = terms_of(f[i], k, &nt);

		fd->w[i] = chorus_xmalloc(chorus_xmul(nt ? nt : 1, sizeof(float)));
		tfidf_unit(v, nt, df, cap, n, fd->w[i]);
		for (j = 0; j < nt; j++) {
			fd->cells[m].term = v[j].term;
			fd->cells[m].label = label[i];
			fd->cells[m++].w = fd->w[i][j];
		}
	}
	qsort(fd->cells, m, sizeof(*fd->cells), cell_cmp);
	for (i = 0, j = 0; i < m; i++) {
		if (j && fd->cells[j - 1].term == fd->cells[i].term &&
		    fd->cells[j - 1].label == fd->cells[i].label)
			fd->cells[j - 1].w += fd->cells[i].w;
		else
			fd->cells[j++] = fd->cells[i];
	}
	fd->n = j;
	fd->norm2 = chorus_xcalloc(n_labels ? n_labels : 1, sizeof(*fd->norm2));
	fd->start = chorus_xcalloc(cap + 1, sizeof(*fd->start));
	for (i = 0; i < fd->n; i++) {
		fd->norm2[fd->cells[i].label] += fd->cells[i].w * fd->cells[i].w;
		fd->start[fd->cells[i].term + 1]++;
	}
	for (i = 0; i < cap; i++)
		fd->start[i + 1] += fd->start[i];
}

static void field_release(struct field *fd, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(fd->w[i]);
	free(fd->w);
	free(fd->cells);
	free(fd->start);
	free(fd->norm2);
}

void chorus_cluster_ceiling(const struct chorus_cluster_options *o,
			    struct chorus_features *const *f, const uint32_t *gold, size_t n,
			    uint32_t *out)
{
	struct chorus_cluster_options def;
	struct field fd[3];
	uint32_t *labels, *label, *df, *touched, *seen;
	double *dot, w[3];
	size_t i, j, k, n_labels = 0, cap = 0, n_touched;

	if (!o) {
		chorus_cluster_options_init(&def);
		o = &def;
	}
	w[0] = o->w_title;
	w[1] = o->w_body;
	w[2] = o->w_ent;
	/* dense labels 0 .. n_labels - 1, in order of the gold values */
	labels = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*labels)));
	label = chorus_xmalloc(chorus_xmul(n ? n : 1, sizeof(*label)));
	if (n)
		memcpy(labels, gold, n * sizeof(*labels));
	qsort(labels, n, sizeof(*labels), u32_cmp);
	for (i = 0; i < n; i++)
		if (!n_labels || labels[n_labels - 1] != labels[i])
			labels[n_labels++] = labels[i];
	for (i = 0; i < n; i++)
		label[i] = (uint32_t)((uint32_t *)bsearch(&gold[i], labels, n_labels, sizeof(*labels),
							 u32_cmp) - labels);
	/* document frequencies, as chorus_cluster_add counts them: body terms and entities */
	for (i = 0; i < n; i++)
		for (k = 0; k < 3; k++) {
			size_t nt;
			const struct chorus__tc *v = terms_of(f[i], (int)k, &nt);

			for (j = 0; j < nt; j++)
				if (v[j].term >= cap)
					cap = (size_t)v[j].term + 1;
		}
	df = chorus_xcalloc(cap + 1, sizeof(*df));
	for (i = 0; i < n; i++) {
		for (j = 0; j < f[i]->n_body; j++)
			df[f[i]->body[j].term]++;
		for (j = 0; j < f[i]->n_ent; j++)
			df[f[i]->ent[j].term]++;
	}
	for (k = 0; k < 3; k++)
		field_build(&fd[k], (int)k, f, label, n, n_labels, df, cap);
	dot = chorus_xmalloc(chorus_xmul(chorus_xmul(n_labels ? n_labels : 1, 3), sizeof(*dot)));
	touched = chorus_xmalloc(chorus_xmul(n_labels ? n_labels : 1, sizeof(*touched)));
	seen = chorus_xcalloc(n_labels ? n_labels : 1, sizeof(*seen)); /* article i + 1 */
	for (i = 0; i < n; i++) {
		double self[3] = { 0, 0, 0 }, best = 0;
		uint32_t pick = UINT32_MAX;

		n_touched = 0;
		for (k = 0; k < 3; k++) {
			size_t nt;
			const struct chorus__tc *v = terms_of(f[i], (int)k, &nt);

			if (w[k] == 0)
				continue;
			for (j = 0; j < nt; j++) {
				size_t c;

				self[k] += (double)fd[k].w[i][j] * fd[k].w[i][j];
				for (c = fd[k].start[v[j].term]; c < fd[k].start[v[j].term + 1]; c++) {
					uint32_t l = fd[k].cells[c].label;

					if (seen[l] != i + 1) {
						seen[l] = (uint32_t)(i + 1);
						touched[n_touched++] = l;
						dot[3 * l] = dot[3 * l + 1] = dot[3 * l + 2] = 0;
					}
					dot[3 * l + k] += fd[k].w[i][j] * fd[k].cells[c].w;
				}
			}
		}
		for (j = 0; j < n_touched; j++) {
			uint32_t l = touched[j];
			double s = 0;

			for (k = 0; k < 3; k++) {
				double d = dot[3 * l + k], n2 = fd[k].norm2[l];

				if (l == label[i]) { /* the story without the article */
					n2 -= 2 * d - self[k];
					d -= self[k];
				}
				if (n2 > 1e-9 && d > 0)
					s += w[k] * d / sqrt(n2);
			}
			if (s > best || (s == best && s > 0 && l < pick)) {
				best = s;
				pick = l;
			}
		}
		out[i] = pick == UINT32_MAX ? UINT32_MAX - (uint32_t)i : labels[pick];
	}
	for (k = 0; k < 3; k++)
		field_release(&fd[k], n);
	free(dot);
	free(touched);
	free(seen);
	free(df);
	free(labels);
	free(label);
}
