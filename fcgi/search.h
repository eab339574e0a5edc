/*
 * search.h — the keyword index of published experiences.
 *
 * Text is cut into terms by one function (search_text.c) used both when an
 * experience is indexed and when a visitor's query is read, so that the two
 * always agree: utf8_fold (lower case, French accents removed), runs of
 * [a-z0-9] kept, French stop words dropped, terms of 1 or more than 40
 * letters dropped, and a light French plural stemming («passeports» →
 * «passeport», «journaux» → «journal», «réseaux» → «reseau»).
 *
 * The index lives in two InnoDB tables (sql/004_experiences.sql), written
 * in the caller's transaction (search.c): search_terms (term,
 * published_at, experience_id) and search_term_counts (term, n). Besides
 * the words, every published experience carries three kinds of filter
 * terms that cannot collide with words (they hold a character that the
 * tokenizer never keeps): "*" (every published experience), "s:<id>" for
 * each structure concerned and each of its ancestors, "n:<id>" for each
 * network concerned. A list page is then one backward range scan of the
 * primary key of its rarest term, the others checked by primary-key
 * lookups on k_search_exp; a count is one row of search_term_counts.
 */
#ifndef SPP_SEARCH_H
#define SPP_SEARCH_H

#include <stddef.h>
#include "spp.h"

#define SEARCH_TERM_MIN 2
#define SEARCH_TERM_MAX 40
/* Words of a query taken into account (the others are ignored, and the
 * page says so). */
#define SEARCH_QUERY_WORDS 4
/* Terms of one query: the words plus a structure or network filter. */
#define SEARCH_QUERY_MAX (SEARCH_QUERY_WORDS + 1)
/* Deepest page offered (beyond, a French message asks to refine). */
#define SEARCH_MAX_OFFSET 10000

/* ---- text (search_text.c: no database; unit-tested and fuzzed) ---- */

/* Called once per term, in text order, repeats included; term is
 * NUL-terminated and valid only during the call. Non-zero stops. */
typedef int (*search_term_fn)(void *ctx, const char *term, size_t len);

/*
 * Cuts text (UTF-8, any length; NULL is empty) into terms and calls fn for
 * each. Returns SPP_OK, SPP_ENOMEM (the folded copy comes from arena a),
 * or the non-zero value fn returned.
 */
int search_tokenize(arena *a, const char *text, search_term_fn fn, void *ctx);

/* 1 when the folded word w (n bytes, [a-z0-9]) is a French stop word. */
int search_is_stopword(const char *w, size_t n);

/*
 * Light French stemming of the folded word w in place (n bytes); returns
 * the new length. Only plurals: -eaux → -eau, -aux → -al (words of 5
 * letters or more), a final s or x removed from words of 4 letters or
 * more (not after another s).
 */
size_t search_stem(char *w, size_t n);

/* A set of distinct terms, in first-seen order, allocated in an arena. */
typedef struct search_termset {
	arena *a;
	char **terms;
	size_t n, cap;
	size_t max;	/* 0 = no limit; further distinct terms are counted */
	size_t dropped; /* distinct terms refused because max was reached */
} search_termset;

void search_termset_init(search_termset *ts, arena *a, size_t max);
/* Adds term (copied) unless already there. SPP_OK or SPP_ENOMEM. */
int search_termset_add(search_termset *ts, const char *term, size_t len);
/* Adds every term of text. SPP_OK or SPP_ENOMEM. */
int search_termset_text(search_termset *ts, const char *text);

/*
 * Adds the filter terms of one structure concerned: "s:<id>" for each id
 * of its path ("/1/5/23/": itself and its ancestors) and "n:<network_id>".
 * SPP_OK or SPP_ENOMEM.
 */
int search_termset_structure(search_termset *ts, const char *path, const char *network_id);

/* Appends the terms of ts to out as a JSON array of strings (the form in
 * which the index statements receive them). SPP_OK or SPP_ENOMEM. */
int search_terms_json(const search_termset *ts, buf *out);

/* ---- the index (search.c: MariaDB, in the caller's transaction) ---- */

/*
 * (Re)writes the index rows of experience id from its current state: its
 * old rows are removed and, when it is published, its words and filter
 * terms are written with its published_at, and the counts updated. Call it
 * inside the transaction that publishes the experience, or that changes
 * the title, body or structures of a published one. SPP_OK, SPP_ENOMEM or
 * SPP_EDB (the caller rolls back).
 */
int search_index_experience(long long id);

/* Removes the index rows of experience id (when it stops being public). */
int search_unindex_experience(long long id);

/*
 * One list query: the terms (words already tokenized, plus at most one
 * filter term "s:<id>" or "n:<id>"; none means every published
 * experience), newest first, `limit` rows from `offset`.
 */
typedef struct search_query {
	const char *terms[SEARCH_QUERY_MAX];
	int nterms;
	/* filled by the first search_count/search_page: the terms rarest
	 * first (or "*") with their counts, so each is looked up once */
	const char *ordered[SEARCH_QUERY_MAX];
	long long counts[SEARCH_QUERY_MAX];
	int nordered;
} search_query;

/* Adds a filter or word term to q (ignored past SEARCH_QUERY_MAX). */
void search_query_add(search_query *q, const char *term);

/*
 * The result count of q: exact when *approx is left 0, else an estimate
 * (several common words: counted over the newest 1,000 experiences of
 * the rarest term and extrapolated). SPP_OK or SPP_EDB.
 */
int search_count(search_query *q, long long *total, int *approx);

/*
 * Calls fn once per experience of the page, newest first, with its card
 * (sql/006): columns id, title, excerpt (the first 400 characters of the
 * body), feeling, published_at, pseudonym, answered (0/1), structures
 * ("id<0x1f>name" joined by 0x1e, by name). Only published experiences.
 * Returns the number of rows or SPP_EDB.
 */
typedef int (*search_row_fn)(void *ctx, int ncols, const char *const *names,
			     const char *const *vals, const unsigned long *lens);
int search_page(search_query *q, long long offset, int limit, search_row_fn fn, void *ctx);

/*
 * The same for a query of one term at most (SPP_EINVAL otherwise), with
 * the term's count (exact: one term) read by the same statement: *total
 * receives it when at least one row came back, -1 when none did (then ask
 * search_count). Returns the number of rows, or SPP_EDB.
 */
int search_page_counted(search_query *q, long long offset, int limit, search_row_fn fn,
			void *ctx, long long *total);

#endif
