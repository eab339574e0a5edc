/*
 * db.h — the database layer. One MariaDB connection per worker process;
 * statements are data (a db_stmt holds its SQL text), prepared once per
 * connection on first use and only ever bound. A lost connection is
 * re-opened on the next call and statements are re-prepared; a read
 * (db_query/db_xml) is retried once after reconnecting, a change
 * (db_exec) never is: it fails with SPP_EDB.
 */
#ifndef SPP_DB_H
#define SPP_DB_H

#include <stdint.h>
#include <string.h>
#include <libxml/tree.h>
#include "spp.h"
#include "config.h"

typedef struct db_stmt {
	const char *sql;
	void *handle;     /* MYSQL_STMT *, owned by the db layer */
	unsigned gen;     /* connection generation it was prepared on */
} db_stmt;

/* static db_stmt q_x = DB_STMT("SELECT …"); */
#define DB_STMT(text) {.sql = (text), .handle = 0, .gen = 0}

enum dbarg_type { DBA_NULL = 0, DBA_INT, DBA_STR, DBA_BLOB };
typedef struct dbarg {
	enum dbarg_type t;
	long long i;
	const char *s;
	size_t len;
} dbarg;

#define A_INT(x) ((dbarg){.t = DBA_INT, .i = (long long)(x)})
/* A string argument; NULL binds SQL NULL. */
static inline dbarg dbarg_str(const char *s)
{
	dbarg a = {.t = s ? DBA_STR : DBA_NULL, .s = s, .len = s ? strlen(s) : 0};
	return a;
}
#define A_STR(x) dbarg_str(x)
#define A_STRN(x, n) ((dbarg){.t = DBA_STR, .s = (x), .len = (n)})
#define A_BLOB(x, n) ((dbarg){.t = DBA_BLOB, .s = (x), .len = (n)})
#define A_NULL ((dbarg){.t = DBA_NULL})
#define DB_ARGS(...) ((const dbarg[]){__VA_ARGS__}), (int)(sizeof((const dbarg[]){__VA_ARGS__}) / sizeof(dbarg))
#define DB_NOARGS NULL, 0

/* Opens the process's connection (lazily re-opened later if lost). */
int db_connect(const config *cfg);
void db_disconnect(void);  /* closes statements and connection */
int db_is_up(void);        /* connects if needed; 1 when usable */

/*
 * One row as strings: vals[i] is NULL for SQL NULL, else a NUL-terminated
 * arena-independent buffer valid only during the callback.
 */
typedef int (*db_row_fn)(void *ctx, int ncols, const char *const *names,
			 const char *const *vals, const unsigned long *lens);

/* Runs a SELECT; calls fn per row (fn returning non-zero stops). Returns
 * the number of rows seen, or SPP_EDB. */
int db_query(db_stmt *st, const dbarg *args, int nargs, db_row_fn fn, void *ctx);

/*
 * Runs a SELECT and appends one element named row_el per row under parent,
 * each with one child element per column (named by the column label; NULL
 * columns are omitted). Returns the row count or SPP_EDB.
 */
int db_xml(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent, const char *row_el);

/*
 * db_xml through a per-worker cache: the rows are kept for ttl_ms and
 * copied into parent on the next calls with the same statement and
 * arguments. For anonymous public data where "visible within a second"
 * is the freshness rule (ttl_ms <= 1000). Returns the row count or SPP_EDB.
 */
int db_xml_cached(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent,
		  const char *row_el, int ttl_ms);

/* Like db_xml for a single-row query: the columns become children of
 * parent directly. Returns 1 if a row was found, 0 if none, or SPP_EDB. */
int db_xml_one(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent);

/* First column of the first row as an integer (def when no row/NULL). */
int db_int(db_stmt *st, const dbarg *args, int nargs, long long def, long long *out);
/* First column of up to max rows as integers into out[] (NULL columns
 * skipped). Returns how many were stored, or SPP_EDB. */
int db_ints(db_stmt *st, const dbarg *args, int nargs, long long *out, int max);
/* First column of the first row, copied into the arena (NULL when none). */
int db_str(db_stmt *st, const dbarg *args, int nargs, arena *a, char **out);

/* INSERT/UPDATE/DELETE. affected / insert_id may be NULL. Never retried. */
int db_exec(db_stmt *st, const dbarg *args, int nargs, uint64_t *affected, uint64_t *insert_id);

int db_begin(void);
int db_commit(void);
void db_rollback(void);   /* safe to call when no transaction is open */

/* Runs SQL text that is not a prepared statement (migrations, admin only). */
int db_run_script(const char *sql, char *err, size_t errlen);

/* The MariaDB error of the last failure (for logs), never shown to users. */
const char *db_last_error(void);

#endif
