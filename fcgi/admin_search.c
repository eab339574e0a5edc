/*
 * admin_search.c — `spplus-admin search …`: rebuilding the keyword index
 * of published experiences (after loading demo or benchmark data, or
 * after structures were moved in the tree) and a look at its figures;
 * and `rating link`, which issues a new rating link for a published
 * answer (support: the author lost the mail; tests).
 *
 *   spplus-admin search reindex        rebuild the whole index
 *   spplus-admin search reindex ID…    rewrite the rows of these experiences
 *   spplus-admin search stats          row counts and the commonest terms
 *   spplus-admin rating link ANSWER_ID print a new /avis-reponse/<token> path
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "db.h"
#include "rating.h"
#include "search.h"

/* Experiences read per batch, and the size of one bulk INSERT. */
#define REINDEX_BATCH 2000
#define REINDEX_FLUSH (2u << 20)

static db_stmt q_batch = DB_STMT("SELECT id, published_at, title, body FROM experiences"
				 " WHERE status = 'publiee' AND id > ? ORDER BY id LIMIT 2000");
static db_stmt q_batch_structs =
	DB_STMT("SELECT es.experience_id, s.path, s.network_id FROM experience_structures es"
		" JOIN structures s ON s.id = es.structure_id"
		" WHERE es.experience_id BETWEEN ? AND ? ORDER BY es.experience_id");
/* Rows arrive as a JSON array of [term, published_at, experience_id]. */
static db_stmt q_bulk = DB_STMT(
	"INSERT IGNORE INTO search_terms (term, published_at, experience_id)"
	" SELECT j.term, j.published_at, j.experience_id FROM JSON_TABLE(?, '$[*]' COLUMNS ("
	"term VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin PATH '$[0]',"
	" published_at DATETIME PATH '$[1]', experience_id INT UNSIGNED PATH '$[2]')) j");
static db_stmt q_counts = DB_STMT("INSERT INTO search_term_counts (term, n)"
				  " SELECT term, COUNT(*) FROM search_terms GROUP BY term");
static db_stmt q_stats = DB_STMT(
	"SELECT (SELECT COUNT(*) FROM search_terms), (SELECT COUNT(*) FROM search_term_counts),"
	" (SELECT COUNT(*) FROM experiences WHERE status = 'publiee')");
static db_stmt q_top =
	DB_STMT("SELECT term, n FROM search_term_counts WHERE term NOT LIKE '%:%' AND term <> '*'"
		" ORDER BY n DESC LIMIT 25");

/* One experience of the current batch. */
struct item {
	long long id;
	char *published_at;
	search_termset ts;
};

struct batch {
	arena *a;
	struct item *items;
	size_t n;
	long long last_id;
	int failed;
};

/* Collects one experience and its words. */
static int batch_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		     const unsigned long *lens)
{
	struct batch *b = ctx;
	struct item *it = &b->items[b->n];

	(void)ncols;
	(void)names;
	(void)lens;
	it->id = strtoll(vals[0], NULL, 10);
	it->published_at = arena_strdup(b->a, vals[1]);
	search_termset_init(&it->ts, b->a, 0);
	if (!it->published_at || search_termset_add(&it->ts, "*", 1) != SPP_OK ||
	    search_termset_text(&it->ts, vals[2]) != SPP_OK ||
	    search_termset_text(&it->ts, vals[3]) != SPP_OK) {
		b->failed = 1;
		return 1;
	}
	b->last_id = it->id;
	b->n++;
	return 0;
}

/* Adds the structure terms to the matching experience of the batch
 * (both lists are ordered by id). */
static int batch_struct(void *ctx, int ncols, const char *const *names, const char *const *vals,
			const unsigned long *lens)
{
	struct batch *b = ctx;
	long long id = strtoll(vals[0], NULL, 10);
	size_t lo = 0, hi = b->n;

	(void)ncols;
	(void)names;
	(void)lens;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (b->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < b->n && b->items[lo].id == id &&
	    search_termset_structure(&b->items[lo].ts, vals[1], vals[2]) != SPP_OK) {
		b->failed = 1;
		return 1;
	}
	return 0;
}

#define ADD_KEY "ALTER TABLE search_terms ADD KEY IF NOT EXISTS k_search_exp (experience_id, term)"

/* Sends the rows gathered in j (a JSON array being built) and empties it. */
static int flush(buf *j)
{
	if (j->len <= 1)
		return 0;
	if (buf_putc(j, ']') != SPP_OK)
		return -1;
	if (db_exec(&q_bulk, DB_ARGS(A_STRN(j->data, j->len)), NULL, NULL) != SPP_OK) {
		fprintf(stderr, "spplus-admin: search reindex: %s\n", db_last_error());
		return -1;
	}
	j->len = 0;
	return buf_putc(j, '[') == SPP_OK ? 0 : -1;
}

/* Rebuilds the whole index from the published experiences. */
static int reindex_all(void)
{
	char err[512];
	long long last = 0, exps = 0, rows = 0;
	time_t t0 = time(NULL);
	arena *ja = arena_new(REINDEX_FLUSH * 3);
	buf j;
	int rc = 1, key_added = 0;

	if (!ja)
		return 1;
	/* The secondary key is built once at the end (a sort), not row by row. */
	if (db_run_script("TRUNCATE TABLE search_terms; TRUNCATE TABLE search_term_counts;"
			  " ALTER TABLE search_terms DROP KEY IF EXISTS k_search_exp",
			  err, sizeof err) != SPP_OK) {
		fprintf(stderr, "spplus-admin: search reindex: %s\n", err);
		goto out;
	}
	buf_init(&j, ja);
	if (buf_putc(&j, '[') != SPP_OK)
		goto out;
	for (;;) {
		struct batch b = { 0 };
		b.a = arena_new(1u << 20);
		if (!b.a)
			goto out;
		b.items = arena_zalloc(b.a, sizeof(struct item) * REINDEX_BATCH);
		if (!b.items || db_query(&q_batch, DB_ARGS(A_INT(last)), batch_row, &b) < 0 ||
		    b.failed ||
		    (b.n &&
		     (db_query(&q_batch_structs, DB_ARGS(A_INT(b.items[0].id), A_INT(b.last_id)),
			       batch_struct, &b) < 0 ||
		      b.failed))) {
			fprintf(stderr, "spplus-admin: search reindex: %s\n",
				b.failed ? "out of memory" : db_last_error());
			arena_free(b.a);
			goto out;
		}
		for (size_t i = 0; i < b.n; i++) {
			struct item *it = &b.items[i];
			char tail[64];
			snprintf(tail, sizeof tail, "\",\"%s\",%lld]", it->published_at, it->id);
			for (size_t k = 0; k < it->ts.n; k++) {
				if ((j.len > 1 && buf_putc(&j, ',') != SPP_OK) ||
				    buf_puts(&j, "[\"") != SPP_OK ||
				    buf_puts(&j, it->ts.terms[k]) != SPP_OK ||
				    buf_puts(&j, tail) != SPP_OK) {
					arena_free(b.a);
					goto out;
				}
				rows++;
			}
			if (j.len >= REINDEX_FLUSH && flush(&j)) {
				arena_free(b.a);
				goto out;
			}
		}
		exps += (long long)b.n;
		last = b.last_id;
		arena_free(b.a);
		if (b.n < REINDEX_BATCH)
			break;
		if (exps % 20000 == 0)
			fprintf(stderr, "search reindex: %lld experiences, %lld rows…\n", exps,
				rows);
	}
	if (flush(&j))
		goto out;
	if (db_run_script(ADD_KEY, err, sizeof err) != SPP_OK) {
		fprintf(stderr, "spplus-admin: search reindex: %s\n", err);
		goto out;
	}
	key_added = 1;
	if (db_exec(&q_counts, DB_NOARGS, NULL, NULL) != SPP_OK) {
		fprintf(stderr, "spplus-admin: search reindex: %s\n", db_last_error());
		goto out;
	}
	printf("search index rebuilt: %lld published experiences, %lld rows, %ld s\n", exps, rows,
	       (long)(time(NULL) - t0));
	rc = 0;
out:
	if (!key_added && db_run_script(ADD_KEY, err, sizeof err) != SPP_OK)
		fprintf(stderr, "spplus-admin: search reindex: %s\n", err);
	arena_free(ja);
	return rc;
}

/* `search reindex [ID…]` */
static int cmd_reindex(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	if (argc == 0)
		return reindex_all();
	for (int i = 0; i < argc; i++) {
		char *end;
		long long id = strtoll(argv[i], &end, 10);
		if (*end || id <= 0) {
			fprintf(stderr,
				"spplus-admin: search reindex: '%s' is not an experience id\n",
				argv[i]);
			return 2;
		}
		if (db_begin() != SPP_OK || search_index_experience(id) != SPP_OK ||
		    db_commit() != SPP_OK) {
			fprintf(stderr, "spplus-admin: search reindex %lld: %s\n", id,
				db_last_error());
			db_rollback();
			return 1;
		}
		printf("experience %lld reindexed\n", id);
	}
	return 0;
}

/* Prints one row of q_stats / q_top. */
static int print_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		     const unsigned long *lens)
{
	(void)ctx;
	(void)lens;
	for (int i = 0; i < ncols; i++)
		printf("%s%s=%s", i ? "  " : "", names[i], vals[i] ? vals[i] : "NULL");
	putchar('\n');
	return 0;
}

/* `search stats` */
static int cmd_stats(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	(void)argc;
	(void)argv;
	if (db_query(&q_stats, DB_NOARGS, print_row, NULL) < 0 ||
	    db_query(&q_top, DB_NOARGS, print_row, NULL) < 0) {
		fprintf(stderr, "spplus-admin: search stats: %s\n", db_last_error());
		return 1;
	}
	return 0;
}

static db_stmt q_answer_published =
	DB_STMT("SELECT COUNT(*) FROM answers a JOIN experiences e ON e.id = a.experience_id"
		" WHERE a.id = ? AND a.status = 'publiee' AND e.status = 'publiee'");

/* `rating link ANSWER_ID`: a new link (the previous one stops working). */
static int cmd_rating_link(const config *cfg, int argc, char **argv)
{
	char *end, *tok = NULL;
	long long id, n = 0;
	arena *a;
	int rc = 1;

	if (argc != 1 || (id = strtoll(argv[0], &end, 10)) <= 0 || *end) {
		fprintf(stderr, "usage: spplus-admin rating link ANSWER_ID\n");
		return 2;
	}
	if (db_int(&q_answer_published, DB_ARGS(A_INT(id)), 0, &n) < 0) {
		fprintf(stderr, "spplus-admin: rating link: %s\n", db_last_error());
		return 1;
	}
	if (!n) {
		fprintf(stderr, "spplus-admin: rating link: answer %lld is not published\n", id);
		return 1;
	}
	a = arena_new(4096);
	if (!a)
		return 1;
	if (db_begin() == SPP_OK && rating_create_token(id, a, &tok) == SPP_OK &&
	    db_commit() == SPP_OK) {
		printf("%s/avis-reponse/%s\n", cfg->base_url, tok);
		rc = 0;
	} else {
		fprintf(stderr, "spplus-admin: rating link: %s\n", db_last_error());
		db_rollback();
	}
	arena_free(a);
	return rc;
}

const admin_cmd admin_search_cmds[] = {
	{ "search reindex", "rebuild the keyword index of published experiences [or of IDs]",
	  cmd_reindex },
	{ "search stats", "figures of the keyword index", cmd_stats },
	{ "rating link", "print a new rating link for a published answer (ANSWER_ID)",
	  cmd_rating_link },
	{ 0 },
};
