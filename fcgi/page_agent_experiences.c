/*
 * page_agent_experiences.c — «Les expériences» on the agents' side: the
 * filtered, paginated list of the experiences that concern structures the
 * user can act on, and its CSV export. Also the helpers of page_agent.h.
 */
#include <string.h>

#include "auth.h"
#include "db.h"
#include "page_agent.h"
#include "page_util.h"
#include "request.h"
#include "xml.h"

#define LIST_PER_PAGE 20
#define CSV_MAX_ROWS  100000

/*
 * The list's filters, shared by the count, the page and the export, for
 * both FROM clauses below. Arguments (LIST_NFILTERS): état (4),
 * structure (4), du (2), au (2), ressenti (2), tag (2), attribuée (3),
 * mots-clés (3).
 */
#define LIST_WHERE                                                                         \
	" WHERE e.status = 'publiee'"                                                      \
	" AND (? IS NULL OR (? = 'a_traiter' AND es.state IN ('a_traiter','brouillon'))"   \
	" OR (? <> 'a_traiter' AND es.state = ?))"                                         \
	" AND (? IS NULL OR s.id = ? OR (? = 1 AND s.path LIKE"                            \
	" CONCAT((SELECT p.path FROM structures p WHERE p.id = ?), '%')))"                 \
	" AND (? IS NULL OR es.published_at >= ?)"                                         \
	" AND (? IS NULL OR es.published_at < DATE_ADD(?, INTERVAL 1 DAY))"                \
	" AND (? IS NULL OR e.feeling = ?)"                                                \
	" AND (? IS NULL OR EXISTS (SELECT 1 FROM experience_tags et"                      \
	" WHERE et.experience_id = es.experience_id AND et.structure_id = es.structure_id" \
	" AND et.tag_id = ?))"                                                             \
	" AND (? IS NULL OR (? = 0 AND es.assigned_user_id IS NULL)"                       \
	" OR es.assigned_user_id = ?)"                                                     \
	" AND (? IS NULL OR e.title LIKE ? OR e.body LIKE ?)"
#define LIST_NFILTERS 22

/*
 * An agent's rows: my structures first (STRAIGHT_JOIN: the derived table's
 * size is unknown to the optimizer, which would otherwise scan every
 * experience), then their rows. Arguments: AGENT_VIS_FROM's 4, then the
 * filters.
 */
#define LIST_FROM_MINE                                             \
	AGENT_VIS_FROM                                             \
	" JOIN experience_structures es ON es.structure_id = s.id" \
	" JOIN experiences e ON e.id = es.experience_id"           \
	" LEFT JOIN users u ON u.id = es.assigned_user_id" LIST_WHERE
#define LIST_NARGS (4 + LIST_NFILTERS)

/* An administrator's rows: every structure, newest experiences first along
 * the index of experiences (status, published_at, id). Arguments: the
 * filters. */
#define LIST_FROM_ALL                                                                  \
	" FROM experiences e JOIN experience_structures es ON es.experience_id = e.id" \
	" JOIN structures s ON s.id = es.structure_id"                                 \
	" LEFT JOIN users u ON u.id = es.assigned_user_id" LIST_WHERE

#define LIST_COLUMNS                                                              \
	" es.experience_id AS id, es.structure_id, es.published_at, e.pseudonym," \
	" e.title, e.feeling, s.name AS structure, s.code_sp, es.state,"          \
	" COALESCE(NULLIF(u.display_name, ''), u.username) AS assignee,"          \
	" es.improvement, es.first_answer_at"

static db_stmt q_count = DB_STMT("SELECT STRAIGHT_JOIN COUNT(*)" LIST_FROM_MINE);
static db_stmt q_page = DB_STMT(
	"SELECT STRAIGHT_JOIN" LIST_COLUMNS LIST_FROM_MINE
	" ORDER BY es.published_at DESC, es.experience_id DESC, es.structure_id LIMIT ? OFFSET ?");
static db_stmt q_csv =
	DB_STMT("SELECT STRAIGHT_JOIN" LIST_COLUMNS ", e.body" LIST_FROM_MINE
		" ORDER BY es.published_at DESC, es.experience_id DESC, es.structure_id LIMIT ?");
static db_stmt q_count_all = DB_STMT("SELECT COUNT(*)" LIST_FROM_ALL);
/* newest first along k_experiences_status_pub, with no sort: the rows of
 * one experience (several structures) come in primary key order */
static db_stmt q_page_all = DB_STMT("SELECT STRAIGHT_JOIN" LIST_COLUMNS LIST_FROM_ALL
				    " ORDER BY e.published_at DESC, e.id DESC LIMIT ? OFFSET ?");
static db_stmt q_csv_all =
	DB_STMT("SELECT" LIST_COLUMNS ", e.body" LIST_FROM_ALL
		" ORDER BY e.published_at DESC, e.id DESC, es.structure_id LIMIT ?");

static db_stmt q_structures = DB_STMT("SELECT s.id, s.name, s.code_sp, s.depth" AGENT_VIS_FROM
				      " WHERE s.active = 1 ORDER BY s.path, s.name LIMIT 5000");
static db_stmt q_structure_visible =
	DB_STMT("SELECT COUNT(*) FROM structures s WHERE s.id = ? AND " AGENT_VIS_SQL);
/* Every structure I can act on is in the network of one of my memberships
 * (super roles cover descendants, référents their network). */
static db_stmt q_tags = DB_STMT(
	"SELECT t.id, t.label, n.short_name AS network FROM tags t"
	" LEFT JOIN networks n ON n.id = t.network_id"
	" WHERE t.active = 1 AND (t.network_id IS NULL OR ? = 1 OR t.network_id IN"
	" (SELECT ms.network_id FROM memberships m JOIN structures ms ON ms.id = m.structure_id"
	" WHERE m.user_id = ?))"
	" ORDER BY t.network_id IS NOT NULL, n.short_name, t.label");

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
	return db_xml(&q_structures, DB_ARGS(AGENT_VIS_FROM_ARGS(r)), x_el(parent, "structures"),
		      "structure");
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

/* Fills args[LIST_NARGS] from f. */
static void bind_filters(request *r, const struct filters *f, dbarg *args)
{
	dbarg st = f->structure ? A_INT(f->structure) : A_NULL;
	dbarg tag = f->tag ? A_INT(f->tag) : A_NULL;
	dbarg as = f->assignee >= 0 ? A_INT(f->assignee) : A_NULL;
	dbarg in[LIST_NARGS] = {
		AGENT_VIS_FROM_ARGS(r),
		A_STR(f->etat),
		A_STR(f->etat),
		A_STR(f->etat),
		A_STR(f->etat),
		st,
		st,
		A_INT(f->filles),
		st,
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

/* Data sources of the filter form: my structures and the usable tags. */
static int ds_filter_choices(request *r)
{
	xmlNodePtr ch = req_data(r, "choices");

	if (agent_structures_xml(r, ch) < 0)
		return SPP_EDB;
	if (db_xml(&q_tags, DB_ARGS(A_INT(agent_is_admin(r)), A_INT(agent_user_id(r))),
		   x_el(ch, "tags"), "tag") < 0)
		return SPP_EDB;
	return SPP_OK;
}

/* GET /agent/experiences — the filtered list. */
static int h_list(request *r)
{
	struct filters f;
	dbarg args[LIST_NARGS + 2];
	const dbarg *a;
	int all, n;
	long long total = 0, page = req_int(r, "page", 1);
	xmlNodePtr list;
	buf fq;

	r->no_store = 1;
	if (ds_filter_choices(r) != SPP_OK)
		return 503;
	if (read_filters(r, &f)) {
		req_form_xml(r, r->root);
		return agent_rerender(r, 400);
	}
	req_form_xml(r, r->root);
	buf_init(&fq, r->a);
	filter_query(r, &fq);
	x_text(r->root, "filter-query", buf_cstr(&fq));
	bind_filters(r, &f, args);
	/* administrators: no visibility join, its 4 arguments are skipped */
	all = agent_is_admin(r);
	a = all ? args + 4 : args;
	n = all ? LIST_NFILTERS : LIST_NARGS;
	if (db_int(all ? &q_count_all : &q_count, a, n, 0, &total) < 0)
		return 503;
	args[LIST_NARGS] = A_INT(LIST_PER_PAGE);
	args[LIST_NARGS + 1] = A_INT((page - 1) * LIST_PER_PAGE);
	list = req_data(r, "experiences");
	if (db_xml(all ? &q_page_all : &q_page, a, n + 2, list, "experience") < 0)
		return 503;
	page_pagination(r->root, page, LIST_PER_PAGE, total);
	return 200;
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
	dbarg args[LIST_NARGS + 1];
	int all;
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
	bind_filters(r, &f, args);
	args[LIST_NARGS] = A_INT(CSV_MAX_ROWS);
	all = agent_is_admin(r);
	buf_init(&r->body_out, r->a);
	buf_puts(&r->body_out, "\xEF\xBB\xBF");
	for (size_t i = 0; i < n; i++)
		csv_cell(&r->body_out, head[i], i + 1 == n);
	if (db_query(all ? &q_csv_all : &q_csv, all ? args + 4 : args,
		     all ? LIST_NFILTERS + 1 : LIST_NARGS + 1, csv_row, &r->body_out) < 0)
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
