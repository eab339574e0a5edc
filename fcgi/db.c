/*
 * db.c — one MariaDB connection per process, prepared statements cached in
 * their db_stmt, results converted to strings or XML.
 *
 * Every statement that has been prepared is remembered in `prepared` so that
 * a disconnect can close them all; a db_stmt whose generation differs from
 * the connection's is prepared again on next use.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "db.h"
#include "xml.h"

#define DB_MAX_PREPARED 512
#define DB_MAX_ARGS 64
#define DB_MIN_COLBUF 64

#define DB_CACHE_SLOTS 64

/* One cached result: statement, argument key, expiry, rows in a private doc. */
struct cache_slot {
	db_stmt *st;
	char key[256];
	int64_t expires_ms;
	int rows;
	xmlDocPtr doc;
};

static struct cache_slot cache[DB_CACHE_SLOTS];
static MYSQL *conn;
static unsigned conn_gen;
static const config *db_cfg;
static int in_tx;
static char last_error[512];
static db_stmt *prepared[DB_MAX_PREPARED];
static size_t nprepared;

const char *db_last_error(void)
{
	return last_error;
}

static void set_error(const char *what, const char *msg)
{
	snprintf(last_error, sizeof last_error, "%s: %s", what, msg ? msg : "?");
}

/* 1 when errno-like code err means the connection is gone. */
static int is_conn_error(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	       err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	       err == ER_CONNECTION_KILLED || err == CR_COMMANDS_OUT_OF_SYNC ||
	       err == ER_SERVER_SHUTDOWN || err == CR_SERVER_LOST_EXTENDED;
}

void db_disconnect(void)
{
	for (int i = 0; i < DB_CACHE_SLOTS; i++) {
		if (cache[i].doc)
			xmlFreeDoc(cache[i].doc);
		memset(&cache[i], 0, sizeof cache[i]);
	}
	for (size_t i = 0; i < nprepared; i++) {
		if (prepared[i]->handle)
			mysql_stmt_close(prepared[i]->handle);
		prepared[i]->handle = NULL;
		prepared[i]->gen = 0;
	}
	nprepared = 0;
	if (conn)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
}

/* Opens a connection with the saved configuration. */
static int db_open(void)
{
	unsigned timeout = 3, rw_timeout = 60;
	my_bool report_trunc = 1;
	const config *c = db_cfg;

	if (!c)
		return SPP_EDB;
	conn = mysql_init(NULL);
	if (!conn) {
		set_error("mysql_init", "out of memory");
		return SPP_ENOMEM;
	}
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_options(conn, MYSQL_REPORT_DATA_TRUNCATION, &report_trunc);
	mysql_options(conn, MYSQL_INIT_COMMAND,
		      "SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
		      "NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
	if (!mysql_real_connect(conn, c->db_socket[0] ? NULL : c->db_host, c->db_user,
				c->db_password, c->db_name, (unsigned)c->db_port,
				c->db_socket[0] ? c->db_socket : NULL, 0)) {
		set_error("connect", mysql_error(conn));
		mysql_close(conn);
		conn = NULL;
		return SPP_EDB;
	}
	conn_gen++;
	if (conn_gen == 0)
		conn_gen = 1;
	return SPP_OK;
}

int db_connect(const config *cfg)
{
	db_cfg = cfg;
	if (conn)
		db_disconnect();
	return db_open();
}

int db_is_up(void)
{
	if (!conn && db_open() != SPP_OK)
		return 0;
	return 1;
}

/* Marks the connection lost after a connection-level error. */
static void db_lost(void)
{
	spp_log("db: connection lost (%s); will reconnect", last_error);
	db_disconnect();
}

/* Returns the statement handle for st on the current connection. */
static MYSQL_STMT *stmt_get(db_stmt *st)
{
	MYSQL_STMT *h;

	if (!conn && db_open() != SPP_OK)
		return NULL;
	if (st->handle && st->gen == conn_gen)
		return st->handle;
	if (st->handle) {
		/* prepared on an old connection, already closed by db_disconnect */
		st->handle = NULL;
	}
	h = mysql_stmt_init(conn);
	if (!h) {
		set_error("stmt_init", mysql_error(conn));
		return NULL;
	}
	if (mysql_stmt_prepare(h, st->sql, (unsigned long)strlen(st->sql))) {
		unsigned err = mysql_stmt_errno(h);
		set_error("prepare", mysql_stmt_error(h));
		spp_log("db: prepare failed: %s — %.120s", mysql_stmt_error(h), st->sql);
		mysql_stmt_close(h);
		if (is_conn_error(err))
			db_lost();
		return NULL;
	}
	if (nprepared < DB_MAX_PREPARED) {
		prepared[nprepared++] = st;
	} else {
		spp_log("db: more than %d statements; raise DB_MAX_PREPARED", DB_MAX_PREPARED);
	}
	st->handle = h;
	st->gen = conn_gen;
	return h;
}

/* Binds args to h. Returns 0 or -1. */
static int bind_args(MYSQL_STMT *h, const dbarg *args, int nargs)
{
	MYSQL_BIND b[DB_MAX_ARGS];
	unsigned expected = mysql_stmt_param_count(h);

	if (nargs < 0 || nargs > DB_MAX_ARGS || (unsigned)nargs != expected) {
		set_error("bind", "wrong number of parameters");
		spp_log("db: statement wants %u parameters, got %d", expected, nargs);
		return -1;
	}
	if (nargs == 0)
		return 0;
	memset(b, 0, sizeof(MYSQL_BIND) * (size_t)nargs);
	for (int i = 0; i < nargs; i++) {
		switch (args[i].t) {
		case DBA_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&args[i].i;
			break;
		case DBA_STR:
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)args[i].s;
			b[i].buffer_length = (unsigned long)args[i].len;
			break;
		case DBA_BLOB:
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)args[i].s;
			b[i].buffer_length = (unsigned long)args[i].len;
			break;
		default:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	if (mysql_stmt_bind_param(h, b)) {
		set_error("bind", mysql_stmt_error(h));
		return -1;
	}
	return 0;
}

/* Outcome of one attempt: rows seen, SPP_EDB, or DB_RETRY when the
 * connection was lost before anything was returned to the caller. */
#define DB_RETRY (-100)

static int query_once(db_stmt *st, const dbarg *args, int nargs, db_row_fn fn, void *ctx)
{
	MYSQL_STMT *h = stmt_get(st);
	MYSQL_RES *meta = NULL;
	MYSQL_BIND *rb = NULL;
	char **bufs = NULL;
	unsigned long *lens = NULL;
	my_bool *nulls = NULL, *errs = NULL;
	const char **names = NULL;
	const char **vals = NULL;
	unsigned ncols = 0;
	int rows = 0, rc = SPP_EDB;
	my_bool one = 1;

	if (!h)
		return conn ? SPP_EDB : DB_RETRY;
	if (bind_args(h, args, nargs))
		return SPP_EDB;
	if (mysql_stmt_execute(h)) {
		unsigned err = mysql_stmt_errno(h);
		set_error("execute", mysql_stmt_error(h));
		if (is_conn_error(err)) {
			db_lost();
			return DB_RETRY;
		}
		spp_log("db: %s — %.120s", last_error, st->sql);
		return SPP_EDB;
	}
	meta = mysql_stmt_result_metadata(h);
	if (!meta) {
		/* not a SELECT */
		return 0;
	}
	ncols = mysql_num_fields(meta);
	mysql_stmt_attr_set(h, STMT_ATTR_UPDATE_MAX_LENGTH, &one);
	if (mysql_stmt_store_result(h)) {
		unsigned err = mysql_stmt_errno(h);
		set_error("store_result", mysql_stmt_error(h));
		mysql_free_result(meta);
		if (is_conn_error(err)) {
			db_lost();
			return DB_RETRY;
		}
		return SPP_EDB;
	}
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	rb = calloc(ncols, sizeof *rb);
	bufs = calloc(ncols, sizeof *bufs);
	lens = calloc(ncols, sizeof *lens);
	nulls = calloc(ncols, sizeof *nulls);
	errs = calloc(ncols, sizeof *errs);
	names = calloc(ncols, sizeof *names);
	vals = calloc(ncols, sizeof *vals);
	if (!rb || !bufs || !lens || !nulls || !errs || !names || !vals) {
		set_error("fetch", "out of memory");
		goto out;
	}
	for (unsigned i = 0; i < ncols; i++) {
		unsigned long size = fields[i].max_length;
		if (size < DB_MIN_COLBUF)
			size = DB_MIN_COLBUF;
		bufs[i] = malloc(size + 1);
		if (!bufs[i]) {
			set_error("fetch", "out of memory");
			goto out;
		}
		rb[i].buffer_type = MYSQL_TYPE_STRING;
		rb[i].buffer = bufs[i];
		rb[i].buffer_length = size;
		rb[i].length = &lens[i];
		rb[i].is_null = &nulls[i];
		rb[i].error = &errs[i];
		names[i] = fields[i].name;
	}
	if (mysql_stmt_bind_result(h, rb)) {
		set_error("bind_result", mysql_stmt_error(h));
		goto out;
	}
	for (;;) {
		int f = mysql_stmt_fetch(h);
		if (f == MYSQL_NO_DATA)
			break;
		if (f == 1) {
			set_error("fetch", mysql_stmt_error(h));
			goto out;
		}
		for (unsigned i = 0; i < ncols; i++) {
			if (nulls[i]) {
				vals[i] = NULL;
				continue;
			}
			if (lens[i] > rb[i].buffer_length) {
				/* grew past max_length (should not happen): fetch again */
				char *nb = realloc(bufs[i], lens[i] + 1);
				if (!nb) {
					set_error("fetch", "out of memory");
					goto out;
				}
				bufs[i] = nb;
				rb[i].buffer = nb;
				rb[i].buffer_length = lens[i];
				if (mysql_stmt_fetch_column(h, &rb[i], i, 0)) {
					set_error("fetch_column", mysql_stmt_error(h));
					goto out;
				}
			}
			bufs[i][lens[i]] = '\0';
			vals[i] = bufs[i];
		}
		rows++;
		if (fn && fn(ctx, (int)ncols, names, vals, lens)) {
			break;
		}
	}
	rc = rows;
out:
	mysql_stmt_free_result(h);
	mysql_free_result(meta);
	if (bufs)
		for (unsigned i = 0; i < ncols; i++)
			free(bufs[i]);
	free(rb);
	free(bufs);
	free(lens);
	free(nulls);
	free(errs);
	free(names);
	free(vals);
	return rc;
}

int db_query(db_stmt *st, const dbarg *args, int nargs, db_row_fn fn, void *ctx)
{
	int rc = query_once(st, args, nargs, fn, ctx);

	/* A read outside a transaction may be tried again on a new connection:
	 * nothing was returned to the caller yet. */
	if (rc == DB_RETRY && !in_tx)
		rc = query_once(st, args, nargs, fn, ctx);
	if (rc == DB_RETRY)
		rc = SPP_EDB;
	return rc;
}

struct xml_ctx {
	xmlNodePtr parent;
	const char *row_el;
};

static int xml_row(void *p, int ncols, const char *const *names, const char *const *vals,
		   const unsigned long *lens)
{
	struct xml_ctx *x = p;
	xmlNodePtr row = x->row_el ? x_el(x->parent, x->row_el) : x->parent;

	for (int i = 0; i < ncols; i++)
		if (vals[i])
			x_textn(row, names[i], vals[i], lens[i]);
	return x->row_el ? 0 : 1;
}

int db_xml(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent, const char *row_el)
{
	struct xml_ctx x = {parent, row_el ? row_el : "row"};

	return db_query(st, args, nargs, xml_row, &x);
}

/* Serialises args into key; 0 when they do not fit (then no caching). */
static int cache_key(const dbarg *args, int nargs, char *key, size_t size)
{
	size_t o = 0;

	key[0] = '\0';
	for (int i = 0; i < nargs; i++) {
		int n;
		if (args[i].t == DBA_INT)
			n = snprintf(key + o, size - o, "i%lld|", args[i].i);
		else if (args[i].t == DBA_NULL)
			n = snprintf(key + o, size - o, "n|");
		else
			n = snprintf(key + o, size - o, "s%zu:%.*s|", args[i].len, (int)args[i].len, args[i].s);
		if (n < 0 || (size_t)n >= size - o)
			return 0;
		o += (size_t)n;
	}
	return 1;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int db_xml_cached(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent,
		  const char *row_el, int ttl_ms)
{
	char key[256];
	int64_t now = now_ms();
	struct cache_slot *slot = NULL, *victim = &cache[0];
	xmlDocPtr doc;
	xmlNodePtr root;
	int rc;

	if (!cache_key(args, nargs, key, sizeof key))
		return db_xml(st, args, nargs, parent, row_el);
	for (int i = 0; i < DB_CACHE_SLOTS; i++) {
		if (cache[i].st == st && !strcmp(cache[i].key, key)) {
			slot = &cache[i];
			break;
		}
		if (cache[i].expires_ms < victim->expires_ms)
			victim = &cache[i];
	}
	if (slot && slot->expires_ms > now) {
		for (xmlNodePtr c = xmlDocGetRootElement(slot->doc)->children; c; c = c->next)
			xmlAddChild(parent, xmlDocCopyNode(c, parent->doc, 1));
		return slot->rows;
	}
	if (!slot)
		slot = victim;
	if (slot->doc)
		xmlFreeDoc(slot->doc);
	memset(slot, 0, sizeof *slot);
	/*
	 * The rows go to a doc of our own, put in the slot only once db_xml has
	 * returned: a connection lost during the query (db_lost) empties the
	 * whole cache, which would otherwise free this doc under our feet.
	 */
	doc = xmlNewDoc((const xmlChar *)"1.0");
	if (!doc)
		return db_xml(st, args, nargs, parent, row_el);
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"c", NULL);
	xmlDocSetRootElement(doc, root);
	rc = db_xml(st, args, nargs, root, row_el);
	if (rc < 0) {
		xmlFreeDoc(doc);
		return rc;
	}
	slot->doc = doc;
	slot->st = st;
	snprintf(slot->key, sizeof slot->key, "%s", key);
	slot->rows = rc;
	/* never past the next wall-clock second, where NGINX's page cache
	 * also expires (X-Accel-Expires: @next second): a page is then never
	 * built from data older than one second */
	slot->expires_ms = now + ttl_ms;
	if (slot->expires_ms > (now / 1000 + 1) * 1000)
		slot->expires_ms = (now / 1000 + 1) * 1000;
	for (xmlNodePtr c = root->children; c; c = c->next)
		xmlAddChild(parent, xmlDocCopyNode(c, parent->doc, 1));
	return rc;
}

int db_xml_one(db_stmt *st, const dbarg *args, int nargs, xmlNodePtr parent)
{
	struct xml_ctx x = {parent, NULL};
	int rc = db_query(st, args, nargs, xml_row, &x);

	return rc < 0 ? rc : rc > 0;
}

struct first_ctx {
	arena *a;
	const char *val;
	size_t len;
	int isnull;
	char *copy;
};

static int first_row(void *p, int ncols, const char *const *names, const char *const *vals,
		     const unsigned long *lens)
{
	struct first_ctx *f = p;

	if (ncols > 0 && vals[0]) {
		f->copy = f->a ? arena_strndup(f->a, vals[0], lens[0]) : strndup(vals[0], lens[0]);
	} else {
		f->isnull = 1;
	}
	return 1;
}

int db_int(db_stmt *st, const dbarg *args, int nargs, long long def, long long *out)
{
	struct first_ctx f = {0};
	int rc = db_query(st, args, nargs, first_row, &f);

	*out = def;
	if (rc < 0)
		return rc;
	if (f.copy) {
		char *end;
		errno = 0;
		long long v = strtoll(f.copy, &end, 10);
		if (!errno && end != f.copy)
			*out = v;
		free(f.copy);
	}
	return rc;
}

struct ints_ctx {
	long long *out;
	int n, max;
};

static int ints_row(void *p, int ncols, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	struct ints_ctx *c = p;

	(void)names;
	(void)lens;
	if (ncols > 0 && v[0] && c->n < c->max)
		c->out[c->n++] = strtoll(v[0], NULL, 10);
	return c->n >= c->max;
}

int db_ints(db_stmt *st, const dbarg *args, int nargs, long long *out, int max)
{
	struct ints_ctx c = { out, 0, max };

	if (max <= 0)
		return 0;
	if (db_query(st, args, nargs, ints_row, &c) < 0)
		return SPP_EDB;
	return c.n;
}

int db_str(db_stmt *st, const dbarg *args, int nargs, arena *a, char **out)
{
	struct first_ctx f = {.a = a};
	int rc = db_query(st, args, nargs, first_row, &f);

	*out = rc > 0 ? f.copy : NULL;
	return rc;
}

int db_exec(db_stmt *st, const dbarg *args, int nargs, uint64_t *affected, uint64_t *insert_id)
{
	MYSQL_STMT *h = stmt_get(st);

	if (!h)
		return SPP_EDB;
	if (bind_args(h, args, nargs))
		return SPP_EDB;
	if (mysql_stmt_execute(h)) {
		unsigned err = mysql_stmt_errno(h);
		set_error("execute", mysql_stmt_error(h));
		spp_log("db: %s — %.120s", last_error, st->sql);
		if (is_conn_error(err))
			db_lost();
		if (err == ER_DUP_ENTRY)
			return SPP_ECONFLICT;
		return SPP_EDB;
	}
	if (affected)
		*affected = mysql_stmt_affected_rows(h);
	if (insert_id)
		*insert_id = mysql_stmt_insert_id(h);
	return SPP_OK;
}

/* Runs a fixed statement text (transaction control only). */
static int simple(const char *sql)
{
	if (!conn && db_open() != SPP_OK)
		return SPP_EDB;
	if (mysql_query(conn, sql)) {
		unsigned err = mysql_errno(conn);
		set_error(sql, mysql_error(conn));
		if (is_conn_error(err))
			db_lost();
		return SPP_EDB;
	}
	return SPP_OK;
}

int db_begin(void)
{
	int rc = simple("START TRANSACTION");

	if (rc == SPP_EDB && !conn)
		rc = simple("START TRANSACTION");  /* nothing done yet: safe to retry */
	in_tx = rc == SPP_OK;
	return rc;
}

int db_commit(void)
{
	int rc = simple("COMMIT");

	in_tx = 0;
	return rc;
}

void db_rollback(void)
{
	if (conn && in_tx)
		simple("ROLLBACK");
	in_tx = 0;
}

int db_run_script(const char *sql, char *err, size_t errlen)
{
	int rc = SPP_OK;

	if (!conn && db_open() != SPP_OK) {
		snprintf(err, errlen, "%s", last_error);
		return SPP_EDB;
	}
	mysql_set_server_option(conn, MYSQL_OPTION_MULTI_STATEMENTS_ON);
	if (mysql_real_query(conn, sql, (unsigned long)strlen(sql))) {
		snprintf(err, errlen, "%s", mysql_error(conn));
		rc = SPP_EDB;
	} else {
		for (;;) {
			MYSQL_RES *res = mysql_store_result(conn);
			if (res)
				mysql_free_result(res);
			int next = mysql_next_result(conn);
			if (next > 0) {
				snprintf(err, errlen, "%s", mysql_error(conn));
				rc = SPP_EDB;
				break;
			}
			if (next < 0)
				break;
		}
	}
	mysql_set_server_option(conn, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	return rc;
}
