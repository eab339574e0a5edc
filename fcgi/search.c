/*
 * search.c — the keyword index of published experiences in MariaDB:
 * writing an experience's rows, and the list queries (see search.h).
 *
 * Why this shape: every page of every list is a backward range scan of
 * the primary key (term, published_at, experience_id) of one term — the
 * rarest one of the query —, stopped after OFFSET + LIMIT rows, each
 * other term checked by one lookup on k_search_exp (experience_id, term).
 * No query ever reads or sorts all the matches, which is what makes
 * InnoDB FULLTEXT + ORDER BY published_at slow. Counts are one row of
 * search_term_counts. Everything is plain InnoDB rows written in the
 * publishing transaction, so several worker hosts, one MariaDB or a Galera
 * cluster all see the same index, and a rolled back publication leaves no
 * index row behind.
 *
 * Measured on the peer's 200,000 experiences (bench-peer/gen.py, 184,107
 * published, 12.7 M index rows, 489 MB + 272 MB of index), MariaDB 10.11,
 * server time of the whole page query (ANALYZE), best of 5:
 *   «passeport» (17,894 matches) page 1 / page 50   0.31 / 0.52 ms
 *   FULLTEXT MATCH … ORDER BY published_at (peer)    59.7 / 60.3 ms
 *   its COUNT(*) (peer) / search_term_counts         56 ms / one row
 *   «chauffeur» (4,051) page 1: ours / FULLTEXT      0.35 / 17.3 ms
 *   «passeport attente», STRAIGHT_JOIN / EXISTS      0.49 / 23 ms
 * FULLTEXT must find and sort every match before LIMIT; this scan reads
 * OFFSET + 20 index entries. The price: the index is written at
 * publication (a few ms per experience) and rebuilt in bulk by
 * `spplus-admin search reindex` (139 s for the 200k set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "search.h"

/* Newest matches of the rarest term examined to estimate a count. */
#define COUNT_SAMPLE 1000

static db_stmt q_exp =
	DB_STMT("SELECT status, published_at, title, body FROM experiences WHERE id = ?");
static db_stmt q_structs =
	DB_STMT("SELECT s.path, s.network_id FROM experience_structures es"
		" JOIN structures s ON s.id = es.structure_id WHERE es.experience_id = ?");
static db_stmt q_uncount =
	DB_STMT("UPDATE search_term_counts c JOIN search_terms t ON t.term = c.term"
		" SET c.n = c.n - 1 WHERE t.experience_id = ?");
static db_stmt q_unindex = DB_STMT("DELETE FROM search_terms WHERE experience_id = ?");
static db_stmt q_count_terms = DB_STMT("INSERT INTO search_term_counts (term, n)"
				       " SELECT term, 1 FROM search_terms WHERE experience_id = ?"
				       " ON DUPLICATE KEY UPDATE n = search_term_counts.n + 1");

/* The terms of one experience arrive as one JSON array of strings (a bound
 * parameter: the statement text never changes). */
static db_stmt q_ins =
	DB_STMT("INSERT IGNORE INTO search_terms (term, published_at, experience_id)"
		" SELECT j.term, ?, ? FROM JSON_TABLE(?, '$[*]' COLUMNS ("
		"term VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin PATH '$')) j");

static db_stmt q_term_n = DB_STMT("SELECT n FROM search_term_counts WHERE term = ?");

/*
 * One more term, checked by a lookup on k_search_exp (experience_id, term)
 * for each row of the driving term's scan. A join, not EXISTS: MariaDB
 * turns EXISTS into a semi-join that materialises every row of the other
 * term (23 ms for «passeport attente» on 200k experiences, against 1 ms),
 * and STRAIGHT_JOIN keeps the driving term first, so that its primary key
 * gives the order and LIMIT stops the scan. An experience has one row per
 * term, so the join never duplicates a row.
 */
#define JX(al, i)                                                                             \
	" JOIN search_terms x" #i " ON x" #i ".experience_id = " al ".experience_id AND x" #i \
	".term = ?"
#define JX2(al) JX(al, 1)
#define JX3(al) JX2(al) JX(al, 2)
#define JX4(al) JX3(al) JX(al, 3)
#define JX5(al) JX4(al) JX(al, 4)

/* The page: the ids come from the rarest term's range scan (a derived
 * table, so only `limit` experiences are read), then their cards (sql/006:
 * one row per published experience, with its structures and whether an
 * answer is published, kept by triggers). Parameters: the other terms,
 * the driving term, limit, offset. */
#define PAGE_SQL(extra, count_col, count_join)                                                 \
	"SELECT k.experience_id, k.title, k.excerpt, k.feeling, k.published_at, k.pseudonym,"   \
	" k.answered, k.structures" count_col                                                  \
	" FROM (SELECT STRAIGHT_JOIN t.experience_id, t.published_at FROM search_terms t" extra \
	" WHERE t.term = ? ORDER BY t.published_at DESC, t.experience_id DESC"                  \
	" LIMIT ? OFFSET ?) p" count_join                                                       \
	" JOIN experience_cards k ON k.experience_id = p.experience_id"                         \
	" ORDER BY p.published_at DESC, p.experience_id DESC"
#define PAGE(extra) PAGE_SQL(extra, "", "")

/* One term (or none: "*"): the page and the term's count in one statement,
 * one round trip instead of two on the busiest page. Parameters: the
 * term, limit, offset, the term again. */
static db_stmt q_page_counted =
	DB_STMT(PAGE_SQL("", ", c.n", " JOIN search_term_counts c ON c.term = ?"));

static db_stmt q_page[SEARCH_QUERY_MAX] = {
	DB_STMT(PAGE("")),	 DB_STMT(PAGE(JX2("t"))), DB_STMT(PAGE(JX3("t"))),
	DB_STMT(PAGE(JX4("t"))), DB_STMT(PAGE(JX5("t"))),
};

/* The count of several terms over the newest COUNT_SAMPLE rows of the
 * rarest. Parameters: the driving term, then the others. */
#define CNT(extra)                                                                       \
	"SELECT STRAIGHT_JOIN COUNT(*) FROM (SELECT t.experience_id FROM search_terms t" \
	" WHERE t.term = ? ORDER BY t.published_at DESC, t.experience_id DESC LIMIT 1000) d" extra
static db_stmt q_cnt[SEARCH_QUERY_MAX] = {
	DB_STMT(CNT("")),	DB_STMT(CNT(JX2("d"))), DB_STMT(CNT(JX3("d"))),
	DB_STMT(CNT(JX4("d"))), DB_STMT(CNT(JX5("d"))),
};

/* ------------------------------------------------------------------ */
/* Writing */

struct exp_row {
	arena *a;
	char *status, *published_at, *title, *body;
};

/* Copies the experience's columns into the arena. */
static int exp_cb(void *ctx, int ncols, const char *const *names, const char *const *vals,
		  const unsigned long *lens)
{
	struct exp_row *e = ctx;

	(void)ncols;
	(void)names;
	(void)lens;
	e->status = arena_strdup(e->a, vals[0]);
	e->published_at = arena_strdup(e->a, vals[1]);
	e->title = arena_strdup(e->a, vals[2]);
	e->body = arena_strdup(e->a, vals[3]);
	return 1;
}

/* Adds the filter terms of one structure concerned. */
static int struct_cb(void *ctx, int ncols, const char *const *names, const char *const *vals,
		     const unsigned long *lens)
{
	(void)ncols;
	(void)names;
	(void)lens;
	return search_termset_structure(ctx, vals[0], vals[1]) != SPP_OK;
}

/* See search.h. */
int search_unindex_experience(long long id)
{
	if (db_exec(&q_uncount, DB_ARGS(A_INT(id)), NULL, NULL) != SPP_OK ||
	    db_exec(&q_unindex, DB_ARGS(A_INT(id)), NULL, NULL) != SPP_OK)
		return SPP_EDB;
	return SPP_OK;
}

/* Writes the rows of ts for experience id published at `at`. */
static int insert_terms(arena *a, long long id, const char *at, const search_termset *ts)
{
	buf j;

	buf_init(&j, a);
	if (search_terms_json(ts, &j) != SPP_OK)
		return SPP_ENOMEM;
	if (db_exec(&q_ins, DB_ARGS(A_STR(at), A_INT(id), A_STRN(j.data, j.len)), NULL, NULL) !=
	    SPP_OK)
		return SPP_EDB;
	return SPP_OK;
}

/* See search.h. */
int search_index_experience(long long id)
{
	struct exp_row e = { 0 };
	search_termset ts;
	int rc;

	/* The rows live as long as this call: a private arena. */
	e.a = arena_new(16384);
	if (!e.a)
		return SPP_ENOMEM;
	rc = search_unindex_experience(id);
	if (rc != SPP_OK)
		goto out;
	rc = db_query(&q_exp, DB_ARGS(A_INT(id)), exp_cb, &e);
	if (rc < 0) {
		rc = SPP_EDB;
		goto out;
	}
	rc = SPP_OK;
	if (!e.status || strcmp(e.status, "publiee") || !e.published_at)
		goto out;
	search_termset_init(&ts, e.a, 0);
	if (search_termset_add(&ts, "*", 1) != SPP_OK ||
	    search_termset_text(&ts, e.title) != SPP_OK ||
	    search_termset_text(&ts, e.body) != SPP_OK) {
		rc = SPP_ENOMEM;
		goto out;
	}
	if (db_query(&q_structs, DB_ARGS(A_INT(id)), struct_cb, &ts) < 0) {
		rc = SPP_EDB;
		goto out;
	}
	rc = insert_terms(e.a, id, e.published_at, &ts);
	if (rc == SPP_OK && db_exec(&q_count_terms, DB_ARGS(A_INT(id)), NULL, NULL) != SPP_OK)
		rc = SPP_EDB;
out:
	arena_free(e.a);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading */

/* See search.h. */
void search_query_add(search_query *q, const char *term)
{
	if (q->nterms < SEARCH_QUERY_MAX && term && *term)
		q->terms[q->nterms++] = term;
}

/*
 * Fills q->ordered / q->counts (once per query): the terms of q, or "*"
 * when it has none, rarest first, with their counts. Returns the number
 * of terms, or SPP_EDB.
 */
static int order_terms(search_query *q)
{
	const char **out = q->ordered;
	long long *counts = q->counts;
	int n = q->nterms;

	if (q->nordered)
		return q->nordered;
	if (n == 0) {
		out[0] = "*";
		n = 1;
	} else {
		for (int i = 0; i < n; i++)
			out[i] = q->terms[i];
	}
	for (int i = 0; i < n; i++)
		if (db_int(&q_term_n, DB_ARGS(A_STR(out[i])), 0, &counts[i]) < 0)
			return SPP_EDB;
	/* insertion sort: at most five terms */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && counts[j] < counts[j - 1]; j--) {
			long long c = counts[j];
			const char *t = out[j];
			counts[j] = counts[j - 1];
			out[j] = out[j - 1];
			counts[j - 1] = c;
			out[j - 1] = t;
		}
	q->nordered = n;
	return n;
}

/* See search.h. */
int search_count(search_query *q, long long *total, int *approx)
{
	dbarg args[SEARCH_QUERY_MAX];
	long long m;
	int n = order_terms(q);
	const char *const *t = q->ordered;
	const long long *c = q->counts;

	*total = 0;
	*approx = 0;
	if (n < 0)
		return SPP_EDB;
	if (n == 1 || c[0] <= 0) {
		*total = c[0] > 0 ? c[0] : 0;
		return SPP_OK;
	}
	for (int i = 0; i < n; i++)
		args[i] = A_STR(t[i]);
	if (db_int(&q_cnt[n - 1], args, n, 0, &m) < 0)
		return SPP_EDB;
	if (c[0] <= COUNT_SAMPLE) {
		*total = m;
	} else {
		*total = m * c[0] / COUNT_SAMPLE;
		*approx = 1;
	}
	return SPP_OK;
}

/* See search.h. */
int search_page(search_query *q, long long offset, int limit, search_row_fn fn, void *ctx)
{
	dbarg args[SEARCH_QUERY_MAX + 2];
	int n = order_terms(q);
	const char *const *t = q->ordered;

	if (n < 0)
		return SPP_EDB;
	if (q->counts[0] <= 0)
		return 0;
	/* the other terms' joins come first in the text, then the driving term */
	for (int i = 1; i < n; i++)
		args[i - 1] = A_STR(t[i]);
	args[n - 1] = A_STR(t[0]);
	args[n] = A_INT(limit);
	args[n + 1] = A_INT(offset);
	return db_query(&q_page[n - 1], args, n + 2, fn, ctx);
}

struct counted {
	search_row_fn fn;
	void *ctx;
	long long *total;
};

/* Takes the count from the last column, then hands the row on. */
static int counted_row(void *p, int ncols, const char *const *names, const char *const *v,
		       const unsigned long *lens)
{
	struct counted *c = p;

	if (*c->total < 0)
		*c->total = v[ncols - 1] ? strtoll(v[ncols - 1], NULL, 10) : 0;
	return c->fn(c->ctx, ncols - 1, names, v, lens);
}

/* See search.h. */
int search_page_counted(search_query *q, long long offset, int limit, search_row_fn fn,
			void *ctx, long long *total)
{
	const char *term = q->nterms ? q->terms[0] : "*";
	struct counted c = { fn, ctx, total };

	*total = -1;
	if (q->nterms > 1)
		return SPP_EINVAL;
	return db_query(&q_page_counted,
			DB_ARGS(A_STR(term), A_INT(limit), A_INT(offset), A_STR(term)), counted_row,
			&c);
}
