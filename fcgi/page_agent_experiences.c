/*
 * page_agent_experiences.c — «Les expériences» on the agents' side: the
 * filtered, paginated list of the experiences that concern structures the
 * user can act on, and its CSV export. Also the helpers of page_agent.h.
 *
 * How the list stays cheap at any size (sql/005_agent_list.sql has the
 * schema side). A list row is an experience_structures row of a published
 * experience (its published_at is set: triggers keep it NULL otherwise) on
 * one of "my" structures; pages are newest first: published_at DESC,
 * experience_id DESC, structure_id.
 *
 *  - My structures come from the memberships the session already holds
 *    (r->auth), one index range per membership: the structure itself, its
 *    subtree (a range of structures.path: '/'-separated decimal ids, so
 *    every descendant sorts between the path and the path followed by a
 *    letter, the LIKE staying the exact test) or its network. Each row
 *    carries the structure's published rows by état
 *    (structure_experience_counts, kept by triggers). The same rows fill
 *    the filter's <select>; the structure filter then picks the set S among
 *    them (an administrator's S is the chosen structure, or its subtree).
 *    The worker keeps them (struct tree_slot) for the fast plans below,
 *    whose first statement checks they are still the database's.
 *  - When only état and structure filter the list (the common case, and
 *    the page as first opened), its total is the sum of those counts over
 *    S, read by the page's head: no row is counted. The page's rows of
 *    experience_structures (keys, state, assignee) are read from an index
 *    alone, with one of three plans chosen from the counts, then its 20
 *    rows are completed by primary key (experience, assignee; the
 *    structure's name is S's):
 *      A. S is one structure: its range of k_es_structure_list
 *         (structure, état, newest first; k_es_structure_newest for every
 *         état), read in order and stopped after OFFSET + 20 entries;
 *      C. S holds a large share of the rows of that état, T² > k·N (T: the
 *         rows of S, N: of every structure, k = OFFSET + 20): the range of
 *         k_es_list (état, newest first; k_es_newest), keeping the entries
 *         whose structure is in S (S's ids as placeholders) and
 *         stopped after k of them: about k·N/T entries read. bench.agent's
 *         first page reads ~110 entries out of 74,000 «à traiter»;
 *      B. otherwise (S small): S's T entries of k_es_structure_*, sorted.
 *    An administrator's list with no structure filter is C without S.
 *    N is read at most once a minute per worker: it only decides how fast
 *    a page is computed, never what it holds.
 *  - Other filters (period, feeling, tag, assignee, keywords) read and
 *    count S's rows, as the CSV export does.
 * Per request, besides the session's query: for the fast plans, the
 * page's head (S's total and the versions of S and of the tree), then its
 * rows unless the worker has them (struct page_slot), and my structures
 * when the worker has not kept them (one query per membership, usually
 * one); with other filters, my structures, the count and the page. The
 * tags come through the worker's one-second cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "db.h"
#include "page_agent.h"
#include "page_util.h"
#include "request.h"
#include "xml.h"

#define LIST_PER_PAGE 20
#define CSV_MAX_ROWS  100000
/* The filter's <select> lists at most this many structures. */
#define SELECT_MAX 5000
/* The global counts used to choose a plan are read again after this long
 * (they only decide how fast a page is computed, never what it holds). */
#define TOTALS_TTL_MS 60000

/*
 * The list's filters but the structure, shared by the count, the page and
 * the export, for both FROM clauses below. Arguments (LIST_NFILTERS): état
 * (4), du (2), au (2), ressenti (2), tag (2), attribuée (3), mots-clés (3).
 * The structure filter is applied by the set of structures S (LIST_FROM_MINE)
 * rather than here: a condition "s.id = ?" made es.structure_id a constant
 * for the optimizer, which then dropped it from the ORDER BY of the prepared
 * statement for good, so that later executions with several structures
 * returned the rows of one experience in any order (MariaDB 10.11).
 */
#define LIST_WHERE                                                                         \
	" WHERE e.status = 'publiee'"                                                      \
	" AND (? IS NULL OR (? = 'a_traiter' AND es.state IN ('a_traiter','brouillon'))"   \
	" OR (? <> 'a_traiter' AND es.state = ?))"                                         \
	" AND (? IS NULL OR es.published_at >= ?)"                                         \
	" AND (? IS NULL OR es.published_at < DATE_ADD(?, INTERVAL 1 DAY))"                \
	" AND (? IS NULL OR e.feeling = ?)"                                                \
	" AND (? IS NULL OR EXISTS (SELECT 1 FROM experience_tags et"                      \
	" WHERE et.experience_id = es.experience_id AND et.structure_id = es.structure_id" \
	" AND et.tag_id = ?))"                                                             \
	" AND (? IS NULL OR (? = 0 AND es.assigned_user_id IS NULL)"                       \
	" OR es.assigned_user_id = ?)"                                                     \
	" AND (? IS NULL OR e.title LIKE ? OR e.body LIKE ?)"
#define LIST_NFILTERS 18

/* The structures S as a JSON array of ids, one row each. */
#define S_JSON "JSON_TABLE(?, '$[*]' COLUMNS (id INT UNSIGNED PATH '$'))"
/* The version of the structures' tree (sql/008_structure_tree_version.sql). */
#define TREE_VERSION "(SELECT t.version FROM structure_tree_version t WHERE t.id = 1)"

/*
 * An agent's rows with any filter: the structures S (already my
 * structures under the structure filter) first (STRAIGHT_JOIN: the
 * optimizer does not know their number), then their rows. Arguments: S's
 * JSON, then the filters.
 */
#define LIST_FROM_MINE                                                 \
	" FROM " S_JSON " v STRAIGHT_JOIN structures s ON s.id = v.id" \
	" JOIN experience_structures es ON es.structure_id = s.id"     \
	" JOIN experiences e ON e.id = es.experience_id"               \
	" LEFT JOIN users u ON u.id = es.assigned_user_id" LIST_WHERE
#define LIST_NARGS (1 + LIST_NFILTERS)

/* An administrator's rows with no structure filter: every structure,
 * newest experiences first along the index of experiences (status,
 * published_at, id). Arguments: the filters. */
#define LIST_FROM_ALL                                                                  \
	" FROM experiences e JOIN experience_structures es ON es.experience_id = e.id" \
	" JOIN structures s ON s.id = es.structure_id"                                 \
	" LEFT JOIN users u ON u.id = es.assigned_user_id" LIST_WHERE

/* The export's columns. */
#define LIST_COLUMNS                                                              \
	" es.experience_id AS id, es.structure_id, es.published_at, e.pseudonym," \
	" e.title, e.feeling, s.name AS structure, s.code_sp, es.state,"          \
	" COALESCE(NULLIF(u.display_name, ''), u.username) AS assignee,"          \
	" es.improvement, es.first_answer_at"
/* The page's columns, in the order list_row() reads them: only what the
 * page shows (es: the experience_structures row, or the page's keys when
 * they carry its state and assignee). */
#define PAGE_COLUMNS(es, name)                                                                \
	" " es ".experience_id AS id, " es ".structure_id, " es ".published_at, e.pseudonym," \
	" e.title, " name " AS structure, " es ".state,"                                      \
	" COALESCE(NULLIF(u.display_name, ''), u.username) AS assignee"
enum {
	PC_ID,
	PC_STRUCTURE_ID,
	PC_PUBLISHED_AT,
	PC_PSEUDONYM,
	PC_TITLE,
	PC_STRUCTURE,
	PC_STATE,
	PC_ASSIGNEE,
	PC_N
};

static db_stmt q_count = DB_STMT("SELECT STRAIGHT_JOIN COUNT(*)" LIST_FROM_MINE);
static db_stmt q_page = DB_STMT(
	"SELECT STRAIGHT_JOIN" PAGE_COLUMNS("es", "s.name") LIST_FROM_MINE
	" ORDER BY es.published_at DESC, es.experience_id DESC, es.structure_id LIMIT ? OFFSET ?");
static db_stmt q_csv =
	DB_STMT("SELECT STRAIGHT_JOIN" LIST_COLUMNS ", e.body" LIST_FROM_MINE
		" ORDER BY es.published_at DESC, es.experience_id DESC, es.structure_id LIMIT ?");
static db_stmt q_count_all = DB_STMT("SELECT COUNT(*)" LIST_FROM_ALL);
/* newest first along k_experiences_status_pub, with no sort: the rows of
 * one experience (several structures) come in primary key order */
static db_stmt q_page_all = DB_STMT("SELECT STRAIGHT_JOIN" PAGE_COLUMNS("es", "s.name") LIST_FROM_ALL
				    " ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?");
static db_stmt q_csv_all =
	DB_STMT("SELECT" LIST_COLUMNS ", e.body" LIST_FROM_ALL
		" ORDER BY e.published_at DESC, e.id DESC, es.structure_id LIMIT ?");

/*
 * The page when only état and structure filter it (plans A, B, C above).
 * KEYS reads the page's rows of experience_structures (keys, state,
 * assignee: every index it reads holds them, sql/007_agent_list_fast.sql)
 * from the index only; the 20 rows are then completed by primary key
 * (e.status is checked again there: published_at already says it). Each
 * plan has a variant for one état (list_state = ?) and one for every état.
 */
#define KEYS "SELECT k.experience_id, k.structure_id, k.published_at, k.state, k.assigned_user_id"
#define NEWEST \
	" ORDER BY k.published_at DESC, k.experience_id DESC, k.structure_id LIMIT ? OFFSET ?"
#define PAGE_ORDER " ORDER BY p.published_at DESC, p.experience_id DESC, p.structure_id"
/* The page's rows completed from their keys, the structure's name being
 * name (joined by join). */
#define PAGE_ROWS_OF(keys, name, join)                                                \
	"SELECT STRAIGHT_JOIN" PAGE_COLUMNS("p", name) " FROM (" keys ") p" join      \
	" JOIN experiences e ON e.id = p.experience_id"                               \
	" LEFT JOIN users u ON u.id = p.assigned_user_id WHERE e.status = 'publiee'" PAGE_ORDER
/* An administrator's page of every structure (C without S): with the
 * structures' names. */
#define PAGE_OF(keys) PAGE_ROWS_OF(keys, "s.name", " JOIN structures s ON s.id = p.structure_id")
/*
 * A page of S (plans A, B, C) is read in two statements: its head, then,
 * unless the worker still has that page (struct page_slot), its rows.
 * The head: the tree's version (sql/008), the sum of the versions of S's
 * structures (sql/009) and S's published rows by état, the list's total.
 * The rows' structure names are not read: every row's structure is in S,
 * whose names the worker has.
 *
 * S is bound as a list of placeholders, IN (?,?,…), in one of S_SIZES
 * sizes (the ids repeated up to the size): a JSON_TABLE costs MariaDB a
 * temporary table per use (its materialisation another). bench.agent's
 * first page: 125–140 µs as placeholders, 145–165 µs as JSON; its head:
 * 45 µs, 50–55 µs (`tests/bench/stmt_cost.sh -d spplus_bench -p -r 5
 * 2000 '…'`, three alternated runs). A larger S is bound as JSON, in the
 * last statement of each set. (The head and the rows in one statement, a
 * UNION ALL, cost more than apart: ~245 µs against 50 + 145, the union's
 * temporary table.)
 */
#define S_HEAD(in)                                                                      \
	"SELECT " TREE_VERSION ", COALESCE(SUM(c.version), 0), COALESCE(SUM(c.a_traiter), 0)," \
	" COALESCE(SUM(c.en_attente), 0), COALESCE(SUM(c.repondu), 0)"                          \
	" FROM structure_experience_counts c WHERE c.structure_id IN " in
/* The rows of a page of S, with an empty structure name. */
#define S_PAGE_OF(keys) PAGE_ROWS_OF(keys, "''", "")
/* The sizes of S's lists of placeholders, and the sets' JSON form. */
#define IN1  "(?)"
#define P2   "?,?"
#define P4   P2 "," P2
#define P8   P4 "," P4
#define P16  P8 "," P8
#define P32  P16 "," P16
#define P64  P32 "," P32
#define IN2  "(" P2 ")"
#define IN4  "(" P4 ")"
#define IN8  "(" P8 ")"
#define IN16 "(" P16 ")"
#define IN32 "(" P32 ")"
#define IN64 "(" P64 ")"
#define IN_JSON "(SELECT j.id FROM " S_JSON " j)"
#define S_SIZES 7
static const int s_size[S_SIZES] = { 1, 2, 4, 8, 16, 32, 64 };
/* A set: the statement M(in) for each size, then for JSON (J). */
#define S_SET(M, J)                                                                            \
	{ DB_STMT(M(IN1)),  DB_STMT(M(IN2)),  DB_STMT(M(IN4)), DB_STMT(M(IN8)), DB_STMT(M(IN16)), \
	  DB_STMT(M(IN32)), DB_STMT(M(IN64)), DB_STMT(J) }
/* The head. Arguments: S. */
static db_stmt q_head[S_SIZES + 1] = S_SET(S_HEAD, S_HEAD(IN_JSON));
/* A: one structure. Arguments: structure id, [état,] limit, offset. */
static db_stmt q_page_one = DB_STMT(
	S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_structure_list)"
		       " WHERE k.structure_id = ? AND k.list_state = ? AND k.published_at IS NOT NULL"
			NEWEST));
static db_stmt q_page_one_any =
	DB_STMT(S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_structure_newest)"
			       " WHERE k.structure_id = ? AND k.published_at IS NOT NULL" NEWEST));
/* B: S's ranges, sorted. Arguments: S, [état,] limit, offset (the JSON
 * form reads S first, then each structure's range). */
#define SORT(in)                                                                    \
	S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_structure_list)" \
		       " WHERE k.structure_id IN " in " AND k.list_state = ?"              \
		       " AND k.published_at IS NOT NULL" NEWEST)
#define SORT_ANY(in)                                                                  \
	S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_structure_newest)" \
		       " WHERE k.structure_id IN " in " AND k.published_at IS NOT NULL" NEWEST)
static db_stmt q_page_sort[S_SIZES + 1] =
	S_SET(SORT, S_PAGE_OF(KEYS " FROM " S_JSON " j STRAIGHT_JOIN experience_structures k"
				   " FORCE INDEX (k_es_structure_list) ON k.structure_id = j.id"
				   " AND k.list_state = ? AND k.published_at IS NOT NULL" NEWEST));
static db_stmt q_page_sort_any[S_SIZES + 1] =
	S_SET(SORT_ANY, S_PAGE_OF(KEYS " FROM " S_JSON " j STRAIGHT_JOIN experience_structures k"
				       " FORCE INDEX (k_es_structure_newest) ON k.structure_id = j.id"
				       " AND k.published_at IS NOT NULL" NEWEST));
/* C: the global range, filtered by S. Arguments: [état,] S, limit, offset. */
#define SCAN(in)                                                              \
	S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_list)"     \
		       " WHERE k.list_state = ? AND k.published_at IS NOT NULL"      \
		       " AND k.structure_id IN " in NEWEST)
#define SCAN_ANY(in)                                                          \
	S_PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_newest)"   \
		       " WHERE k.published_at IS NOT NULL AND k.structure_id IN " in NEWEST)
static db_stmt q_page_scan[S_SIZES + 1] = S_SET(SCAN, SCAN(IN_JSON));
static db_stmt q_page_scan_any[S_SIZES + 1] = S_SET(SCAN_ANY, SCAN_ANY(IN_JSON));
/* C for an administrator: every structure. Arguments: [état,] limit, offset. */
static db_stmt q_page_every =
	DB_STMT(PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_list)"
			     " WHERE k.list_state = ? AND k.published_at IS NOT NULL" NEWEST));
static db_stmt q_page_every_any =
	DB_STMT(PAGE_OF(KEYS " FROM experience_structures k FORCE INDEX (k_es_newest)"
			     " WHERE k.published_at IS NOT NULL" NEWEST));
/* Published rows of every structure by état (exact). */
static db_stmt q_totals = DB_STMT(
	"SELECT COALESCE(SUM(a_traiter), 0), COALESCE(SUM(en_attente), 0), COALESCE(SUM(repondu), 0)"
	" FROM structure_experience_counts");

/*
 * My structures (see the top of the file): one statement per kind of
 * membership, the membership's structure bound. Columns: id, name,
 * code_sp, depth, active, path, the published rows by état, network_id,
 * the tree's version (sql/008_structure_tree_version.sql).
 */
#define VIS_COLUMNS                                                                            \
	"SELECT v.id, v.name, v.code_sp, v.depth, v.active, v.path, COALESCE(c.a_traiter, 0)," \
	" COALESCE(c.en_attente, 0), COALESCE(c.repondu, 0), v.network_id, " TREE_VERSION
#define VIS_COUNTS " LEFT JOIN structure_experience_counts c ON c.structure_id = v.id"
static db_stmt q_vis_self = DB_STMT(VIS_COLUMNS " FROM structures v" VIS_COUNTS " WHERE v.id = ?");
static db_stmt q_vis_subtree =
	DB_STMT(VIS_COLUMNS
		" FROM structures ms JOIN structures v ON v.path >= ms.path"
		" AND v.path < CONCAT(ms.path, 'a') AND v.path LIKE CONCAT(ms.path, '%')" VIS_COUNTS
		" WHERE ms.id = ? ORDER BY v.path");
static db_stmt q_vis_network =
	DB_STMT(VIS_COLUMNS
		" FROM structures ms JOIN structures v ON v.network_id = ms.network_id" VIS_COUNTS
		" WHERE ms.id = ? ORDER BY v.path");
static db_stmt q_path = DB_STMT("SELECT path FROM structures WHERE id = ?");
/* An administrator's <select>: every structure. */
static db_stmt q_structures_all =
	DB_STMT("SELECT s.id, s.name, s.code_sp, s.depth FROM structures s"
		" WHERE s.active = 1 ORDER BY s.path, s.name LIMIT 5000");
static db_stmt q_structure_visible =
	DB_STMT("SELECT COUNT(*) FROM structures s WHERE s.id = ? AND " AGENT_VIS_SQL);
/* The tags of the filter: general ones and those of the networks of my
 * memberships' structures (every structure I can act on is in one of them:
 * super roles cover descendants, référents their network), all for an
 * administrator. Arguments: is_admin, the networks' ids as a JSON array.
 * Platform settings, not rights: read through the worker's one-second
 * cache (db_xml_cached), keyed by those arguments. */
static db_stmt q_tags =
	DB_STMT("SELECT t.id, t.label, n.short_name AS network FROM tags t"
		" LEFT JOIN networks n ON n.id = t.network_id"
		" WHERE t.active = 1 AND (t.network_id IS NULL OR ? = 1 OR t.network_id IN"
		" (SELECT j.id FROM " S_JSON " j))"
		" ORDER BY t.network_id IS NOT NULL, n.short_name, t.label");
#define TAGS_TTL_MS 1000

static const char *const etat_values[] = { "a_traiter", "en_attente", "repondu", "toutes", NULL };
static const char *const feeling_values[] = { "positif", "neutre", "negatif", NULL };
static const char *const assignee_values[] = { "moi", "personne", NULL };

static const field list_fields[] = {
	{ .name = "etat", .type = F_ENUM, .values = etat_values },
	{ .name = "structure", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "filles", .type = F_BOOL },
	{ .name = "du", .type = F_DATE },
	{ .name = "au", .type = F_DATE },
	{ .name = "ressenti", .type = F_ENUM, .values = feeling_values },
	{ .name = "tag", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "attribuee", .type = F_ENUM, .values = assignee_values },
	{ .name = "q", .type = F_LINE, .max = 200 },
	{ .name = "page", .type = F_INT, .min = 1, .max = 100000 },
	{ 0 },
};

/* ------------------------------------------------------------------ */
/* My structures                                                       */

/* The list states, in the order of the count columns. */
enum {
	ST_TODO,
	ST_PENDING,
	ST_ANSWERED,
	ST_N
};

/* One structure I can act on, with its published rows by état. */
struct vis_row {
	long long id;
	const char *name, *code_sp, *path;
	int depth, active;
	long long n[ST_N];
	long long network_id;
};

/* The structures I can act on, in tree order (path). */
struct vis {
	arena *a;
	struct vis_row *rows;
	int n, cap;
	int failed;	      /* out of memory */
	const char *networks; /* JSON array: the networks of my memberships' structures */
	/* structure_tree_version as the rows were read (0: unknown, or not
	 * the same for every statement that read them) */
	unsigned long long version;
	int versions; /* statements that gave a version */
};

/* db_query callback: appends one row of q_vis_* to a struct vis. */
static int vis_row_cb(void *ctx, int ncols, const char *const *names, const char *const *vals,
		      const unsigned long *lens)
{
	struct vis *v = ctx;
	struct vis_row *w;

	(void)names;
	(void)lens;
	if (ncols < 11 || !vals[0])
		return 0;
	if (v->n == v->cap) {
		int cap = v->cap ? v->cap * 2 : 16;
		struct vis_row *rows = arena_alloc(v->a, sizeof *rows * (size_t)cap);
		if (!rows) {
			v->failed = 1;
			return 1;
		}
		if (v->n)
			memcpy(rows, v->rows, sizeof *rows * (size_t)v->n);
		v->rows = rows;
		v->cap = cap;
	}
	w = &v->rows[v->n];
	w->id = strtoll(vals[0], NULL, 10);
	w->name = arena_strdup(v->a, vals[1] ? vals[1] : "");
	w->code_sp = arena_strdup(v->a, vals[2] ? vals[2] : "");
	w->depth = vals[3] ? atoi(vals[3]) : 0;
	w->active = vals[4] && atoi(vals[4]) != 0;
	w->path = arena_strdup(v->a, vals[5] ? vals[5] : "");
	for (int i = 0; i < ST_N; i++)
		w->n[i] = vals[6 + i] ? strtoll(vals[6 + i], NULL, 10) : 0;
	w->network_id = vals[9] ? strtoll(vals[9], NULL, 10) : 0;
	{
		unsigned long long ver = vals[10] ? strtoull(vals[10], NULL, 10) : 0;
		if (!v->versions++)
			v->version = ver;
		else if (v->version != ver)
			v->version = 0;
	}
	if (!w->name || !w->code_sp || !w->path) {
		v->failed = 1;
		return 1;
	}
	v->n++;
	return 0;
}

/* qsort: tree order (paths are '/'-separated decimal ids, whose byte order
 * is the collation's), then id. */
static int vis_cmp(const void *a, const void *b)
{
	const struct vis_row *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

enum {
	VIS_SELF,
	VIS_SUBTREE,
	VIS_NETWORK
};

/* A membership's structure and what it covers. */
struct vis_root {
	long long sid;
	int kind;
};

/* Sets v->networks: the networks of the roots' structures (each is among
 * the rows: a subtree or a network holds its own structure). */
static int vis_networks(struct vis *v, const struct vis_root *roots, int nroots)
{
	long long *seen = arena_alloc(v->a, sizeof *seen * (size_t)(nroots + 1));
	int nseen = 0;
	buf b;

	if (!seen)
		return SPP_ENOMEM;
	buf_init(&b, v->a);
	buf_putc(&b, '[');
	for (int j = 0; j < nroots; j++)
		for (int i = 0; i < v->n; i++) {
			long long net = v->rows[i].network_id;
			int dup = 0;
			if (v->rows[i].id != roots[j].sid)
				continue;
			for (int k = 0; k < nseen; k++)
				dup |= seen[k] == net;
			if (!dup) {
				char t[24];
				snprintf(t, sizeof t, "%s%lld", nseen ? "," : "", net);
				if (buf_puts(&b, t) != SPP_OK)
					return SPP_ENOMEM;
				seen[nseen++] = net;
			}
			break;
		}
	if (buf_putc(&b, ']') != SPP_OK)
		return SPP_ENOMEM;
	v->networks = buf_cstr(&b);
	return SPP_OK;
}

/* The roots of the session's memberships, each (structure, kind) once,
 * in membership order, into an arena array. Returns their number, or
 * SPP_ENOMEM. */
static int vis_roots(request *r, struct vis_root **out)
{
	const struct auth *au = r->auth;
	struct vis_root *roots;
	int nroots = 0;

	roots = arena_alloc(r->a, sizeof *roots * (size_t)((au ? au->nmemberships : 0) + 1));
	*out = roots;
	if (!roots)
		return SPP_ENOMEM;
	for (int i = 0; au && i < au->nmemberships; i++) {
		const struct auth_membership *m = &au->memberships[i];
		int kind, seen = 0;
		if (m->structure_id <= 0)
			continue;
		kind = !strcmp(m->role, "super_agent") || !strcmp(m->role, "super_repondant") ||
				       !strcmp(m->role, "super_evaluateur") ?
			       VIS_SUBTREE :
		       !strcmp(m->role, "referent") ? VIS_NETWORK :
						      VIS_SELF;
		for (int j = 0; j < nroots; j++)
			if (roots[j].sid == m->structure_id && roots[j].kind == kind)
				seen = 1;
		if (seen)
			continue;
		roots[nroots].sid = m->structure_id;
		roots[nroots++].kind = kind;
	}
	return nroots;
}

/*
 * Loads the structures a non-administrator can act on — the set of
 * AGENT_VIS_FROM, from the memberships of the session: each membership's
 * structure, its subtree for the "super" roles, its network for a
 * référent. Returns SPP_OK or SPP_EDB/SPP_ENOMEM.
 */
static int vis_load_roots(request *r, const struct vis_root *roots, int nroots, struct vis *v)
{
	int ran = 0;

	memset(v, 0, sizeof *v);
	v->a = r->a;
	if (nroots < 0)
		return SPP_ENOMEM;
	for (int j = 0; j < nroots; j++) {
		int covered = 0;
		db_stmt *st = roots[j].kind == VIS_SUBTREE ? &q_vis_subtree :
			      roots[j].kind == VIS_NETWORK ? &q_vis_network :
							     &q_vis_self;
		/* a structure's subtree and network hold the structure itself */
		for (int i = 0; roots[j].kind == VIS_SELF && i < nroots; i++)
			if (i != j && roots[i].sid == roots[j].sid)
				covered = 1;
		if (covered)
			continue;
		if (db_query(st, DB_ARGS(A_INT(roots[j].sid)), vis_row_cb, v) < 0)
			return SPP_EDB;
		if (v->failed)
			return SPP_ENOMEM;
		ran++;
	}
	if (ran > 1 && v->n > 1) {
		int k = 1;
		qsort(v->rows, (size_t)v->n, sizeof *v->rows, vis_cmp);
		for (int i = 1; i < v->n; i++)
			if (v->rows[i].id != v->rows[k - 1].id)
				v->rows[k++] = v->rows[i];
		v->n = k;
	}
	return vis_networks(v, roots, nroots);
}

/* vis_load_roots for the session's roots. */
static int vis_load(request *r, struct vis *v)
{
	struct vis_root *roots;
	int nroots = vis_roots(r, &roots);

	return vis_load_roots(r, roots, nroots, v);
}

/* An administrator's structure filter as a struct vis: the structure, and
 * its subtree when subtree is set. Returns SPP_OK or SPP_EDB/SPP_ENOMEM. */
static int vis_structure(request *r, long long sid, int subtree, struct vis *v)
{
	memset(v, 0, sizeof *v);
	v->a = r->a;
	if (db_query(subtree ? &q_vis_subtree : &q_vis_self, DB_ARGS(A_INT(sid)), vis_row_cb, v) <
	    0)
		return SPP_EDB;
	return v->failed ? SPP_ENOMEM : SPP_OK;
}

/*
 * The worker's trees: the structures loaded by vis_load for a set of
 * roots, kept with the structure_tree_version they were read at, so that
 * «Les expériences» need not read them again. A kept tree is only used by
 * fast_page, whose first statement (the page's head) reads the version
 * again: a different one (a structure was changed since, by anyone)
 * throws the page and the tree away (LIST_STALE), and both are read
 * again. Memberships are not part of the tree: its key, the roots, comes
 * from the session read on every request. The counts of a kept tree are those of its
 * reading: they only choose a plan; totals come with the page.
 */
#define TREE_SLOTS    32
#define TREE_MAX_ROWS 2000 /* larger trees are not kept */

struct tree_slot {
	struct vis_root *roots; /* in mem */
	int nroots;
	struct vis v;		/* rows and strings in mem */
	unsigned long long used;
	char *mem;
};

static struct tree_slot trees[TREE_SLOTS];
static unsigned long long tree_clock;

static struct tree_slot *tree_find(const struct vis_root *roots, int nroots)
{
	for (int i = 0; i < TREE_SLOTS; i++) {
		struct tree_slot *t = &trees[i];
		int same = t->mem && t->nroots == nroots;
		for (int j = 0; same && j < nroots; j++)
			same = t->roots[j].sid == roots[j].sid && t->roots[j].kind == roots[j].kind;
		if (same)
			return t;
	}
	return NULL;
}

/* Sets *v to the kept tree of these roots; 1 when there is one (its rows
 * stay valid until the next tree_put or tree_drop). */
static int tree_get(request *r, const struct vis_root *roots, int nroots, struct vis *v)
{
	struct tree_slot *t;

	if (nroots <= 0 || !(t = tree_find(roots, nroots)))
		return 0;
	t->used = ++tree_clock;
	*v = t->v;
	v->a = r->a;
	return 1;
}

/* Forgets the kept tree of these roots. */
static void tree_drop(const struct vis_root *roots, int nroots)
{
	struct tree_slot *t;

	if (nroots > 0 && (t = tree_find(roots, nroots))) {
		free(t->mem);
		memset(t, 0, sizeof *t);
	}
}

/* Appends s to the block at *p; returns the copy. */
static const char *tree_str(char **p, const char *s)
{
	size_t n = strlen(s) + 1;
	char *o = *p;

	memcpy(o, s, n);
	*p += n;
	return o;
}

/* Keeps a copy of v, read by vis_load for these roots (replacing the
 * least recently used tree). */
static void tree_put(const struct vis_root *roots, int nroots, const struct vis *v)
{
	struct tree_slot *t, *victim = &trees[0];
	size_t size;
	char *p;

	if (nroots <= 0 || !v->version || v->n > TREE_MAX_ROWS || !v->networks)
		return;
	size = sizeof *roots * (size_t)nroots + sizeof *v->rows * (size_t)v->n +
	       strlen(v->networks) + 1;
	for (int i = 0; i < v->n; i++)
		size += strlen(v->rows[i].name) + strlen(v->rows[i].code_sp) +
			strlen(v->rows[i].path) + 3;
	t = tree_find(roots, nroots);
	for (int i = 0; !t && i < TREE_SLOTS; i++)
		if (trees[i].used < victim->used)
			victim = &trees[i];
	if (!t)
		t = victim;
	free(t->mem);
	memset(t, 0, sizeof *t);
	if (!(t->mem = malloc(size)))
		return;
	/* rows first (aligned), then roots, then the strings */
	t->v.rows = (struct vis_row *)(void *)t->mem;
	memcpy(t->v.rows, v->rows, sizeof *v->rows * (size_t)v->n);
	t->roots = (struct vis_root *)(void *)(t->v.rows + v->n);
	memcpy(t->roots, roots, sizeof *roots * (size_t)nroots);
	p = (char *)(t->roots + nroots);
	for (int i = 0; i < v->n; i++) {
		t->v.rows[i].name = tree_str(&p, v->rows[i].name);
		t->v.rows[i].code_sp = tree_str(&p, v->rows[i].code_sp);
		t->v.rows[i].path = tree_str(&p, v->rows[i].path);
	}
	t->v.networks = tree_str(&p, v->networks);
	t->v.n = t->v.cap = v->n;
	t->v.version = v->version;
	t->nroots = nroots;
	t->used = ++tree_clock;
}

/* <structures><structure><id/><name/><code_sp/><depth/></structure>…
 * under parent: the active ones, as q_structures_all does. */
static int vis_xml(const struct vis *v, xmlNodePtr parent)
{
	xmlNodePtr list = x_el(parent, "structures");
	int k = 0;

	for (int i = 0; i < v->n && k < SELECT_MAX; i++) {
		const struct vis_row *w = &v->rows[i];
		xmlNodePtr e;
		if (!w->active)
			continue;
		e = x_el(list, "structure");
		x_int(e, "id", w->id);
		x_text(e, "name", w->name);
		x_text(e, "code_sp", w->code_sp);
		x_int(e, "depth", w->depth);
		k++;
	}
	return k;
}

/* ------------------------------------------------------------------ */
/* Helpers shared through page_agent.h                                 */

/* See page_agent.h. */
int agent_is_admin(const request *r)
{
	return r->auth && (r->auth->caps & CAP_ADMIN) ? 1 : 0;
}

/* See page_agent.h. */
long long agent_user_id(const request *r)
{
	return r->auth ? r->auth->user_id : 0;
}

/* See page_agent.h. */
int agent_structures_xml(request *r, xmlNodePtr parent)
{
	struct vis v;

	if (agent_is_admin(r))
		return db_xml(&q_structures_all, DB_NOARGS, x_el(parent, "structures"),
			      "structure");
	if (vis_load(r, &v) != SPP_OK)
		return SPP_EDB;
	return vis_xml(&v, parent);
}

/* See page_agent.h. */
int agent_structure_visible(request *r, long long structure_id)
{
	long long n = 0;

	if (db_int(&q_structure_visible, DB_ARGS(A_INT(structure_id), AGENT_VIS_ARGS(r)), 0, &n) <
	    0)
		return SPP_EDB;
	return n > 0;
}

/* See page_agent.h; the array lives in the request arena. */
int agent_form_ids(request *r, const char *name, long long **ids, int *n)
{
	size_t count = kv_count(&r->form, name);
	long long *out;
	int k = 0;

	*ids = NULL;
	*n = 0;
	if (!count)
		return SPP_OK;
	if (count > 1000)
		return SPP_EBADREQ;
	out = arena_alloc(r->a, sizeof(long long) * count);
	if (!out)
		return SPP_ENOMEM;
	for (kv *p = r->form.head; p; p = p->next) {
		long long v;
		if (strcmp(p->key, name))
			continue;
		if (p->len != strlen(p->val) || val_int(p->val, 1, 4294967295LL, &v))
			return SPP_EBADREQ;
		out[k++] = v;
	}
	*ids = out;
	*n = k;
	return SPP_OK;
}

/* See page_agent.h. */
int agent_rerender(request *r, int status)
{
	r->sheet = r->route->sheet;
	r->no_store = 1;
	return status;
}

/* ------------------------------------------------------------------ */
/* The list                                                            */

/* The filters, typed, as they are bound. */
struct filters {
	const char *etat;    /* NULL = every state */
	long long structure; /* 0 = every structure of mine */
	int filles;
	const char *du, *au; /* YYYY-MM-DD or NULL */
	const char *feeling;
	long long tag;
	long long assignee; /* -1 = anyone, 0 = nobody, else a user id */
	const char *like;   /* %escaped keywords% or NULL */
};

/* Escapes LIKE metacharacters of s and wraps it in '%'. Arena string. */
static const char *like_pattern(arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, n * 2 + 3), *p = o;

	if (!o)
		return NULL;
	*p++ = '%';
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p++ = '%';
	*p = '\0';
	return o;
}

/* Reads the validated filters; returns 0, or the number of invalid ones
 * (an inverted period counts as one, with its message on "au"). */
static int read_filters(request *r, struct filters *f)
{
	const char *etat = req_str(r, "etat"), *at = req_str(r, "attribuee"), *q = req_str(r, "q");
	const fieldval *du = req_field(r, "du"), *au = req_field(r, "au");

	memset(f, 0, sizeof *f);
	f->etat = etat && strcmp(etat, "toutes") ? etat : NULL;
	f->structure = req_int(r, "structure", 0);
	f->filles = (int)req_int(r, "filles", 0);
	f->du = req_str(r, "du");
	f->au = req_str(r, "au");
	f->feeling = req_str(r, "ressenti");
	f->tag = req_int(r, "tag", 0);
	f->assignee = !at ? -1 : !strcmp(at, "moi") ? agent_user_id(r) : 0;
	f->like = q && *q ? like_pattern(r->a, q) : NULL;
	if (f->du && f->au && du->i > au->i) {
		((fieldval *)au)->error =
			"La date de fin doit être postérieure à la date de début.";
		r->invalid++;
	}
	return r->invalid;
}

/* Fills args[LIST_NARGS] from f: S's JSON (unused by LIST_FROM_ALL: an
 * administrator's statements take args + 1), then the filters. */
static void bind_filters(const struct filters *f, const char *json, dbarg *args)
{
	dbarg tag = f->tag ? A_INT(f->tag) : A_NULL;
	dbarg as = f->assignee >= 0 ? A_INT(f->assignee) : A_NULL;
	dbarg in[LIST_NARGS] = {
		A_STR(json),
		A_STR(f->etat),
		A_STR(f->etat),
		A_STR(f->etat),
		A_STR(f->etat),
		A_STR(f->du),
		A_STR(f->du),
		A_STR(f->au),
		A_STR(f->au),
		A_STR(f->feeling),
		A_STR(f->feeling),
		tag,
		tag,
		as,
		as,
		as,
		A_STR(f->like),
		A_STR(f->like),
		A_STR(f->like),
	};

	memcpy(args, in, sizeof in);
}

/* 1 when only état and structure filter the list (its fast plans). */
static int only_state_structure(const struct filters *f)
{
	return !f->du && !f->au && !f->feeling && !f->tag && f->assignee < 0 && !f->like;
}

/* The état filter as a count column (ST_*), -1 for every état. */
static int state_index(const char *etat)
{
	if (!etat)
		return -1;
	return !strcmp(etat, "a_traiter")  ? ST_TODO :
	       !strcmp(etat, "en_attente") ? ST_PENDING :
					     ST_ANSWERED;
}

/* Published rows of a count triple for état index st (-1: all). */
static long long rows_in(const long long *n, int st)
{
	return st >= 0 ? n[st] : n[ST_TODO] + n[ST_PENDING] + n[ST_ANSWERED];
}

/* db_query callback of q_totals: the three sums. */
static int totals_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		      const unsigned long *lens)
{
	long long *n = ctx;

	(void)names;
	(void)lens;
	for (int i = 0; i < ST_N && i < ncols; i++)
		n[i] = vals[i] ? strtoll(vals[i], NULL, 10) : 0;
	return 1;
}

/*
 * The published rows of every structure by état, for the choice of plan:
 * read at most every TOTALS_TTL_MS by each worker (exact when fresh is
 * set). Returns SPP_OK or SPP_EDB.
 */
static int totals(int fresh, long long out[ST_N])
{
	static long long cached[ST_N];
	static time_t at;
	time_t now = time(NULL);

	if (fresh || !at || now - at >= TOTALS_TTL_MS / 1000 || now < at) {
		long long n[ST_N] = { 0 };
		if (db_query(&q_totals, DB_NOARGS, totals_row, n) < 0)
			return SPP_EDB;
		memcpy(cached, n, sizeof cached);
		at = now;
	}
	memcpy(out, cached, sizeof cached);
	return SPP_OK;
}

/* The structures S the list covers: my structures under the structure
 * filter, as an arena JSON array of ids, with their published rows. */
struct scope {
	const char *json; /* "[1,2,…]" */
	long long *ids;	  /* the same, n of them */
	int n;		  /* structures in S */
	long long one;	  /* the structure when n == 1 */
	long long rows;	  /* published rows of S in the état filter */
};

/*
 * Computes S from my structures v and the filters: every one of them with
 * no structure filter; else the chosen structure if it is mine, and with
 * «inclure les structures filles» every one of mine whose path starts
 * with its path (s.path LIKE CONCAT(path, '%') for these paths of ids and
 * '/', compared bytewise). Returns SPP_OK, SPP_EDB or SPP_ENOMEM.
 */
static int scope_of(request *r, const struct vis *v, const struct filters *f, struct scope *sc)
{
	const char *prefix = NULL;
	size_t plen = 0;
	int st = state_index(f->etat);
	buf b;

	memset(sc, 0, sizeof *sc);
	if (f->structure && f->filles) {
		for (int i = 0; i < v->n && !prefix; i++)
			if (v->rows[i].id == f->structure)
				prefix = v->rows[i].path;
		if (!prefix) {
			/* not mine: some of its descendants may be */
			char *p = NULL;
			if (db_str(&q_path, DB_ARGS(A_INT(f->structure)), r->a, &p) < 0)
				return SPP_EDB;
			prefix = p;
		}
		if (prefix)
			plen = strlen(prefix);
	}
	sc->ids = arena_alloc(r->a, sizeof *sc->ids * (size_t)(v->n + 1));
	if (!sc->ids)
		return SPP_ENOMEM;
	buf_init(&b, r->a);
	buf_putc(&b, '[');
	for (int i = 0; i < v->n; i++) {
		const struct vis_row *w = &v->rows[i];
		if (f->structure && w->id != f->structure &&
		    !(prefix && !strncmp(w->path, prefix, plen)))
			continue;
		char id[24];
		snprintf(id, sizeof id, "%s%lld", sc->n ? "," : "", w->id);
		if (buf_puts(&b, id) != SPP_OK)
			return SPP_ENOMEM;
		sc->ids[sc->n] = w->id;
		sc->one = w->id;
		sc->rows += rows_in(w->n, st);
		sc->n++;
	}
	if (buf_putc(&b, ']') != SPP_OK)
		return SPP_ENOMEM;
	sc->json = buf_cstr(&b);
	return SPP_OK;
}

/* True when s holds only XML white space (what normalize-space() drops). */
static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/*
 * db_query callback of the page statements (PAGE_COLUMNS): one
 * <experience> under the list, with the French form of its date (page_date)
 * and no <assignee> when nobody, or nothing printable, is named, so that
 * the stylesheet formats and tests nothing per row. A row whose HTML the
 * worker has (page_frag) goes to the stylesheet empty.
 */
static int list_row(void *ctx, int ncols, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	page_rows *rows = ctx;
	xmlNodePtr e;
	uint64_t key;
	int cached;

	(void)names;
	if (ncols < PC_N)
		return 1;

	e = x_el(rows->list, "experience");
	cached = page_frag(rows->r, e, "agent-experiences", PC_N, v, lens, &key);
	if (rows->keys && (!key || buf_append(rows->keys, &key, sizeof key)))
		rows->nokey = 1;
	if (cached)
		return 0;
	x_textn(e, "id", v[PC_ID], lens[PC_ID]);
	x_textn(e, "structure_id", v[PC_STRUCTURE_ID], lens[PC_STRUCTURE_ID]);
	if (v[PC_PUBLISHED_AT])
		page_date(e, "published_at", v[PC_PUBLISHED_AT], lens[PC_PUBLISHED_AT]);
	x_textn(e, "pseudonym", v[PC_PSEUDONYM], lens[PC_PSEUDONYM]);
	x_textn(e, "title", v[PC_TITLE], lens[PC_TITLE]);
	x_textn(e, "structure", v[PC_STRUCTURE], lens[PC_STRUCTURE]);
	x_textn(e, "state", v[PC_STATE], lens[PC_STATE]);
	if (!blank(v[PC_ASSIGNEE]))
		x_textn(e, "assignee", v[PC_ASSIGNEE], lens[PC_ASSIGNEE]);
	return 0;
}

/* Runs a page statement into rows. Returns the row count or SPP_EDB. */
static int page_xml(page_rows *rows, db_stmt *st, const dbarg *args, int nargs)
{
	return db_query(st, args, nargs, list_row, rows);
}

/* fast_page's outcome when the tree it was given is no longer the
 * database's (struct tree_slot). */
#define LIST_STALE (-1000)

/*
 * The worker's pages of S: the rows of a page of the fast plans, kept
 * under S, the état and the offset with the versions the head gave with
 * them (the tree's and the sum of S's, sql/008 and sql/009). Each request
 * reads the head; a page whose versions are the head's is the database's
 * at the head's reading or later (the rows are read after it), and is
 * shown without reading its rows. The rows hold what list_row reads.
 */
#define PAGE_SLOTS 128
/* Longest key kept (S of ~600 structures): larger S are read each time. */
#define PAGE_KEY_MAX 4096

struct page_slot {
	char *key; /* "<état index>:<offset>:<S's JSON>", in mem */
	unsigned long long tree, rows;
	unsigned long long used;
	int nrows;
	const char **v;	    /* nrows * PC_N values (NULL: SQL NULL), in mem */
	unsigned long *len; /* their lengths */
	char *mem;
};

static struct page_slot pages[PAGE_SLOTS];
static unsigned long long page_clock, pages_kept, pages_read;

/* See page_agent.h. */
void agent_list_stats(unsigned long long *kept, unsigned long long *read)
{
	*kept = pages_kept;
	*read = pages_read;
}

/* The page kept under key at versions (tree, rows), or NULL. */
static struct page_slot *page_find(const char *key, unsigned long long tree,
				   unsigned long long rows)
{
	for (int i = 0; i < PAGE_SLOTS; i++)
		if (pages[i].mem && pages[i].tree == tree && pages[i].rows == rows &&
		    !strcmp(pages[i].key, key)) {
			pages[i].used = ++page_clock;
			return &pages[i];
		}
	return NULL;
}

/* A page's rows as the page statement gives them, before they are kept. */
struct page_read {
	page_rows *rows;
	const struct vis *v; /* S's names */
	arena *a;
	int n, cap, failed;
	const char **v_all;
	unsigned long *len_all;
};

/* Calls list_row for row (vals, lens) with its structure's name from v. */
static int s_row_out(page_rows *rows, const struct vis *v, const char *const *vals,
		     const unsigned long *lens)
{
	static const char *const names[PC_N];
	const char *out[PC_N];
	unsigned long len[PC_N];
	long long sid = vals[PC_STRUCTURE_ID] ? strtoll(vals[PC_STRUCTURE_ID], NULL, 10) : 0;

	memcpy(out, vals, sizeof out);
	memcpy(len, lens, sizeof len);
	out[PC_STRUCTURE] = "";
	len[PC_STRUCTURE] = 0;
	for (int i = 0; i < v->n; i++)
		if (v->rows[i].id == sid) {
			out[PC_STRUCTURE] = v->rows[i].name;
			len[PC_STRUCTURE] = strlen(out[PC_STRUCTURE]);
			break;
		}
	return list_row(rows, PC_N, names, out, len);
}

/* db_query callback of S_PAGE_OF: the row goes to the page, and a copy
 * to the request's arena for page_put. */
static int s_page_row(void *ctx, int ncols, const char *const *names, const char *const *v,
		      const unsigned long *lens)
{
	struct page_read *p = ctx;

	(void)names;
	if (ncols < PC_N)
		return 1;
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : LIST_PER_PAGE;
		const char **nv = arena_alloc(p->a, sizeof *nv * (size_t)cap * PC_N);
		unsigned long *nl = arena_alloc(p->a, sizeof *nl * (size_t)cap * PC_N);
		if (!nv || !nl) {
			p->failed = 1;
		} else {
			if (p->n) {
				memcpy(nv, p->v_all, sizeof *nv * (size_t)p->n * PC_N);
				memcpy(nl, p->len_all, sizeof *nl * (size_t)p->n * PC_N);
			}
			p->v_all = nv;
			p->len_all = nl;
			p->cap = cap;
		}
	}
	if (!p->failed) {
		for (int i = 0; i < PC_N; i++) {
			char *c = v[i] ? arena_alloc(p->a, lens[i] + 1) : NULL;
			if (v[i] && !c) {
				p->failed = 1;
				break;
			}
			if (c) {
				memcpy(c, v[i], lens[i]);
				c[lens[i]] = '\0';
			}
			p->v_all[p->n * PC_N + i] = c;
			p->len_all[p->n * PC_N + i] = v[i] ? lens[i] : 0;
		}
		if (!p->failed)
			p->n++;
	}
	return s_row_out(p->rows, p->v, v, lens);
}

/* Keeps the rows read by p under key at versions (tree, rows), replacing
 * the least recently used page. */
static void page_put(const char *key, unsigned long long tree, unsigned long long rows,
		     const struct page_read *p)
{
	struct page_slot *t = &pages[0];
	size_t size, klen = strlen(key) + 1;
	char *o;

	if (p->failed || klen > PAGE_KEY_MAX)
		return;
	for (int i = 0; i < PAGE_SLOTS; i++)
		if (pages[i].mem && !strcmp(pages[i].key, key)) { /* an older copy */
			t = &pages[i];
			goto found;
		}
	for (int i = 1; i < PAGE_SLOTS && t->mem; i++)
		if (!pages[i].mem || pages[i].used < t->used)
			t = &pages[i];
found:
	free(t->mem);
	memset(t, 0, sizeof *t);
	size = (sizeof *t->v + sizeof *t->len) * (size_t)p->n * PC_N + klen;
	for (int i = 0; i < p->n * PC_N; i++)
		size += p->v_all[i] ? p->len_all[i] + 1 : 0;
	if (!(t->mem = malloc(size)))
		return;
	t->v = (const char **)(void *)t->mem;
	t->len = (unsigned long *)(void *)(t->v + p->n * PC_N);
	o = (char *)(t->len + p->n * PC_N);
	for (int i = 0; i < p->n * PC_N; i++) {
		t->len[i] = p->len_all[i];
		t->v[i] = NULL;
		if (p->v_all[i]) {
			memcpy(o, p->v_all[i], p->len_all[i] + 1);
			t->v[i] = o;
			o += p->len_all[i] + 1;
		}
	}
	memcpy(o, key, klen);
	t->key = o;
	t->tree = tree;
	t->rows = rows;
	t->nrows = p->n;
	t->used = ++page_clock;
}

/* The head of a page of S (S_HEAD). */
struct s_head {
	int seen;
	unsigned long long tree, rows;
	long long n[ST_N];
};

/* db_query callback of S_HEAD. */
static int s_head_row(void *ctx, int ncols, const char *const *names, const char *const *v,
		      const unsigned long *lens)
{
	struct s_head *h = ctx;

	(void)names;
	(void)lens;
	if (ncols < 5)
		return 1;
	h->tree = v[0] ? strtoull(v[0], NULL, 10) : 0;
	h->rows = v[1] ? strtoull(v[1], NULL, 10) : 0;
	for (int i = 0; i < ST_N; i++)
		h->n[i] = v[2 + i] ? strtoll(v[2 + i], NULL, 10) : 0;
	h->seen = 1;
	return 1;
}

/* Appends S to args at *n as its statement of a set binds it (S_SET);
 * returns the index of that statement in the set. */
static int bind_s(const struct scope *sc, dbarg *args, int *n)
{
	int k = 0;

	if (!sc->n) { /* no structure: the head still reads the versions */
		args[(*n)++] = A_INT(0);
		return 0;
	}
	while (k < S_SIZES && s_size[k] < sc->n)
		k++;
	if (k == S_SIZES) {
		args[(*n)++] = A_STR(sc->json);
		return k;
	}
	for (int i = 0; i < s_size[k]; i++)
		args[(*n)++] = A_INT(sc->ids[i < sc->n ? i : sc->n - 1]);
	return k;
}

/*
 * The page of the fast plans (top of the file) into rows; *total receives
 * the number of rows. sc is NULL for an administrator (every structure,
 * no structure filter), else v holds S's structures and check, when not
 * 0, the version of the tree v comes from. Returns the page's row count,
 * SPP_EDB, or LIST_STALE when the tree is not the database's any more
 * (nothing was added to the rows then).
 */
static int fast_page(page_rows *rows, const struct filters *f, const struct scope *sc,
		     const struct vis *v, unsigned long long check, long long offset,
		     long long *total)
{
	request *r = rows->r;
	int st = state_index(f->etat), rc, n = 0, k;
	long long tot[ST_N], kk = offset + LIST_PER_PAGE;
	dbarg lim = A_INT(LIST_PER_PAGE), off = A_INT(offset), etat = A_STR(f->etat);
	dbarg args[64 + 4];
	struct s_head h = { 0 };
	struct page_read p = { rows, v, r->a, 0, 0, 0, NULL, NULL };
	struct page_slot *kept;
	const char *key;
	db_stmt *q;

	if (!sc) {
		if (totals(1, tot) != SPP_OK)
			return SPP_EDB;
		*total = rows_in(tot, st);
		return st >= 0 ? page_xml(rows, &q_page_every, DB_ARGS(etat, lim, off)) :
				 page_xml(rows, &q_page_every_any, DB_ARGS(lim, off));
	}
	*total = 0;
	k = bind_s(sc, args, &n);
	if (db_query(&q_head[k], args, n, s_head_row, &h) < 0 || !h.seen)
		return SPP_EDB;
	if (check && h.tree != check)
		return LIST_STALE;
	if (!sc->n)
		return 0;
	*total = rows_in(h.n, st);
	key = arena_printf(r->a, "%d:%lld:%s", st, offset, sc->json);
	if (!key)
		return SPP_ENOMEM;
	if ((kept = page_find(key, h.tree, h.rows))) {
		pages_kept++;
		for (int i = 0; i < kept->nrows; i++)
			if (s_row_out(rows, v, kept->v + i * PC_N, kept->len + i * PC_N))
				break;
		return kept->nrows;
	}
	n = 0;
	if (sc->n == 1) { /* A */
		q = st >= 0 ? &q_page_one : &q_page_one_any;
		args[n++] = A_INT(sc->one);
		if (st >= 0)
			args[n++] = etat;
	} else if (totals(0, tot) != SPP_OK) {
		return SPP_EDB;
	} else if ((double)sc->rows * (double)sc->rows > (double)kk * (double)rows_in(tot, st)) {
		/* C */
		if (st >= 0)
			args[n++] = etat;
		k = bind_s(sc, args, &n);
		q = st >= 0 ? &q_page_scan[k] : &q_page_scan_any[k];
	} else { /* B */
		k = bind_s(sc, args, &n);
		q = st >= 0 ? &q_page_sort[k] : &q_page_sort_any[k];
		if (st >= 0)
			args[n++] = etat;
	}
	args[n++] = lim;
	args[n++] = off;
	rc = db_query(q, args, n, s_page_row, &p);
	pages_read++;
	if (rc >= 0)
		page_put(key, h.tree, h.rows, &p);
	return rc;
}

/* Appends the current filters as a query string (without page) to b. */
static void filter_query(request *r, buf *b)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char *const names[] = { "etat",	 "structure", "filles",	   "du", "au",
					     "ressenti", "tag",	      "attribuee", "q",	 NULL };

	for (int i = 0; names[i]; i++) {
		const char *v = req_str(r, names[i]);
		if (!v || !*v || (!strcmp(names[i], "filles") && strcmp(v, "1")))
			continue;
		buf_puts(b, names[i]);
		buf_putc(b, '=');
		for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.') {
				buf_putc(b, (char)*p);
			} else {
				buf_putc(b, '%');
				buf_putc(b, hex[*p >> 4]);
				buf_putc(b, hex[*p & 15]);
			}
		}
		buf_putc(b, '&');
	}
}

/* Data sources of the filter form: my structures (v, NULL for an
 * administrator) and the usable tags, under <choices> (*out). */
static int ds_filter_choices(request *r, const struct vis *v, xmlNodePtr *out)
{
	xmlNodePtr ch = req_data(r, "choices");

	*out = ch;

	if (v)
		vis_xml(v, ch);
	else if (db_xml(&q_structures_all, DB_NOARGS, x_el(ch, "structures"), "structure") < 0)
		return SPP_EDB;
	if (db_xml_cached(&q_tags, DB_ARGS(A_INT(!v), A_STR(v ? v->networks : "[]")),
			  x_el(ch, "tags"), "tag", TAGS_TTL_MS) < 0)
		return SPP_EDB;
	return SPP_OK;
}

/*
 * The page's content (agent-experiences.xsl, template content) reads the
 * filter form, the rows and the pagination, each keyed (form, pagination,
 * rows->keys: 0 when one has none), and the «ok» of a reassignment: its
 * key is made of theirs.
 */
static void content_frag(request *r, uint64_t form, uint64_t pagination, const page_rows *rows)
{
	/* the message shows when any «ok» is 2 */
	const char *ok = "";

	for (const kv *p = r->query.head; p; p = p->next)
		if (!strcmp(p->key, "ok") && p->len == 1 && p->val[0] == '2')
			ok = "ok";
	if (!form || !pagination || rows->nokey)
		return;
	{
		const char *v[] = { "content", ok, (const char *)&form, (const char *)&pagination,
				    rows->keys->data ? rows->keys->data : "" };
		const unsigned long len[] = { 7, strlen(ok), sizeof form, sizeof pagination,
					      rows->keys->len };
		page_frag(r, x_el(r->root, "frag-content"), "agent-experiences", 5, v, len, NULL);
	}
}

/*
 * Fills the list page for the filters f (invalid: how many were refused):
 * my structures (from the session's roots), the filter form, the page and
 * its pagination. With fresh, my structures are read from the database;
 * else the worker's tree of them may be used (the fast plans check it).
 * Returns an HTTP status, or LIST_STALE when the kept tree was out of date.
 */
static int list_fill(request *r, const struct filters *f, int invalid, int fresh,
		     const struct vis_root *roots, int nroots)
{
	struct vis v;
	struct scope sc;
	dbarg args[LIST_NARGS + 2];
	int all = agent_is_admin(r), every, fast = !invalid && only_state_structure(f), kept = 0;
	long long total = 0, page = req_int(r, "page", 1), offset = (page - 1) * LIST_PER_PAGE;
	xmlNodePtr form[3];
	uint64_t form_key, page_key;
	buf fq, keys;
	page_rows rows = { r, NULL, &keys, 0 };

	if (!all) {
		if (fast && !fresh && tree_get(r, roots, nroots, &v))
			kept = 1;
		else if (vis_load_roots(r, roots, nroots, &v) != SPP_OK)
			return 503;
		else
			tree_put(roots, nroots, &v);
	}
	if (ds_filter_choices(r, all ? NULL : &v, &form[0]) != SPP_OK)
		return 503;
	if (invalid) {
		req_form_xml(r, r->root);
		return agent_rerender(r, 400);
	}
	form[1] = req_form_xml(r, r->root);
	buf_init(&fq, r->a);
	filter_query(r, &fq);
	form[2] = x_text(r->root, "filter-query", buf_cstr(&fq));
	/* the filter form reads nothing else (agent-experiences.xsl) */
	page_frag_of(r, x_el(r->root, "frag-form"), "agent-experiences", "form", form, 3,
		     &form_key);
	buf_init(&keys, r->a);
	rows.list = req_data(r, "experiences");
	/* every: an administrator with no structure filter (no S) */
	every = all && !f->structure;
	if (all && f->structure && vis_structure(r, f->structure, f->filles, &v) != SPP_OK)
		return 503;
	if (!every && scope_of(r, &v, f, &sc) != SPP_OK)
		return 503;
	if (fast) {
		int rc = fast_page(&rows, f, every ? NULL : &sc, every ? NULL : &v,
				   kept ? v.version : 0, offset, &total);
		if (rc == LIST_STALE)
			return LIST_STALE;
		if (rc < 0)
			return 503;
	} else if (every || sc.n) {
		/* LIST_FROM_ALL takes no S: its argument is skipped */
		const dbarg *a = every ? args + 1 : args;
		int n = every ? LIST_NFILTERS : LIST_NARGS;
		bind_filters(f, every ? NULL : sc.json, args);
		if (db_int(every ? &q_count_all : &q_count, a, n, 0, &total) < 0)
			return 503;
		args[LIST_NARGS] = A_INT(LIST_PER_PAGE);
		args[LIST_NARGS + 1] = A_INT(offset);
		if (page_xml(&rows, every ? &q_page_all : &q_page, a, n + 2) < 0)
			return 503;
	}
	page_pagination(r->root, page, LIST_PER_PAGE, total);
	/* the pagination reads it and the filters' query (agent-experiences.xsl) */
	form[0] = r->root->last;
	form[1] = NULL;
	page_frag_of(r, x_el(r->root, "frag-pagination"), "agent-experiences", "pagination", form,
		     3, &page_key);
	content_frag(r, form_key, page_key, &rows);
	return 200;
}

/* GET /agent/experiences — the filtered list. */
static int h_list(request *r)
{
	struct filters f;
	struct vis_root *roots;
	int invalid = read_filters(r, &f), nroots = vis_roots(r, &roots), rc;
	xmlNodePtr mark = r->root->last;

	r->no_store = 1;
	rc = list_fill(r, &f, invalid, 0, roots, nroots);
	if (rc == LIST_STALE) {
		/* a structure changed since the worker kept my tree: what was
		 * added goes, and the list is made again from the database */
		tree_drop(roots, nroots);
		while (r->root->last && r->root->last != mark) {
			xmlNodePtr n = r->root->last;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		rc = list_fill(r, &f, invalid, 1, roots, nroots);
	}
	return rc == LIST_STALE ? 503 : rc;
}

/* ------------------------------------------------------------------ */
/* CSV export                                                          */

/* Appends one CSV cell: quoted when it holds ; " CR LF or leading/trailing
 * spaces; a leading = + - @ (or tab/CR) is neutralised with a quote so
 * that a spreadsheet never evaluates it. */
static void csv_cell(buf *b, const char *v, int last)
{
	int quote = 0;

	if (!v)
		v = "";
	if (strpbrk(v, ";\"\r\n") || (*v && (v[0] == ' ' || v[strlen(v) - 1] == ' ')))
		quote = 1;
	if (*v == '=' || *v == '+' || *v == '-' || *v == '@' || *v == '\t' || *v == '\r')
		quote = 2;
	if (quote)
		buf_putc(b, '"');
	if (quote == 2)
		buf_putc(b, '\'');
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	if (quote)
		buf_putc(b, '"');
	buf_puts(b, last ? "\r\n" : ";");
}

/* French label of an experience_structures.state (static string). */
static const char *state_label(const char *s)
{
	if (!s)
		return "";
	if (!strcmp(s, "a_traiter"))
		return "À traiter";
	if (!strcmp(s, "brouillon"))
		return "À traiter (brouillon de réponse)";
	if (!strcmp(s, "en_attente"))
		return "Réponse en attente de validation";
	if (!strcmp(s, "repondu"))
		return "Réponse apportée";
	return s;
}

/* French label of a feeling (static string). */
static const char *feeling_label(const char *s)
{
	if (!s)
		return "";
	if (!strcmp(s, "positif"))
		return "Positif";
	if (!strcmp(s, "neutre"))
		return "Neutre";
	if (!strcmp(s, "negatif"))
		return "Négatif";
	return s;
}

/* Column index by label in a db_query row (-1 when absent). */
static int col(int ncols, const char *const *names, const char *name)
{
	for (int i = 0; i < ncols; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

/* db_query callback: one CSV line per row. */
static int csv_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		   const unsigned long *lens)
{
	buf *b = ctx;
	static const char *const order[] = { "id",	  "published_at", "pseudonym",
					     "title",	  "body",	  "feeling",
					     "structure", "code_sp",	  "state",
					     "assignee",  "improvement",  "first_answer_at" };
	size_t n = sizeof order / sizeof order[0];

	(void)lens;
	for (size_t i = 0; i < n; i++) {
		int c = col(ncols, names, order[i]);
		const char *v = c >= 0 ? vals[c] : NULL;
		if (!strcmp(order[i], "state"))
			v = state_label(v);
		else if (!strcmp(order[i], "feeling"))
			v = feeling_label(v);
		else if (!strcmp(order[i], "improvement"))
			v = v && !strcmp(v, "1") ? "Oui" : "Non";
		csv_cell(b, v, i + 1 == n);
	}
	return 0;
}

/* GET /agent/experiences.csv — the same filters, every row (capped). */
static int h_csv(request *r)
{
	struct filters f;
	struct vis v;
	struct scope sc;
	dbarg args[LIST_NARGS + 1];
	int all = agent_is_admin(r), every;
	static const char *const head[] = { "Identifiant",
					    "Date de publication",
					    "Auteur",
					    "Titre",
					    "Description",
					    "Ressenti général",
					    "Structure",
					    "Code SP+",
					    "État",
					    "Attribuée à",
					    "Amélioration de service à considérer",
					    "Date de la première réponse publiée" };
	size_t n = sizeof head / sizeof head[0];

	r->no_store = 1;
	if (read_filters(r, &f))
		return 400;
	/* every: an administrator with no structure filter (no S) */
	every = all && !f.structure;
	if (!every &&
	    ((all ? vis_structure(r, f.structure, f.filles, &v) : vis_load(r, &v)) != SPP_OK ||
	     scope_of(r, &v, &f, &sc) != SPP_OK))
		return 503;
	bind_filters(&f, every ? NULL : sc.json, args);
	args[LIST_NARGS] = A_INT(CSV_MAX_ROWS);
	buf_init(&r->body_out, r->a);
	buf_puts(&r->body_out, "\xEF\xBB\xBF");
	for (size_t i = 0; i < n; i++)
		csv_cell(&r->body_out, head[i], i + 1 == n);
	/* LIST_FROM_ALL takes no S: its argument is skipped */
	if ((every || sc.n) &&
	    db_query(every ? &q_csv_all : &q_csv, every ? args + 1 : args,
		     every ? LIST_NFILTERS + 1 : LIST_NARGS + 1, csv_row, &r->body_out) < 0)
		return 503;
	r->raw = 1;
	r->media_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"experiences.csv\"");
	return 200;
}

const route page_agent_experiences_routes[] = {
	{ "agent-experiences", M_GET, "/agent/experiences", POOL_WEB, CAP_AGENT, CSRF_NONE, h_list,
	  "agent-experiences", list_fields, 0 },
	{ "agent-experiences-csv", M_GET, "/agent/experiences.csv", POOL_WEB, CAP_AGENT, CSRF_NONE,
	  h_csv, NULL, list_fields, 0 },
	{ 0 },
};
