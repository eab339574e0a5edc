/*
 * page_admin.c — the administration home (/agent/admin), the networks
 * (administrators only) and the audit trail browser
 * (/agent/admin/journal, administrators only), plus the helpers of
 * page_admin.h shared with the structure and agent screens.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_admin.h"
#include "page_util.h"
#include "structure.h"
#include "xml.h"

#define JOURNAL_PER_PAGE 50

static db_stmt q_networks_all =
	DB_STMT("SELECT n.id, n.code, n.name, n.short_name,"
		" (SELECT COUNT(*) FROM structures s WHERE s.network_id = n.id) AS structures"
		" FROM networks n ORDER BY n.name");
static db_stmt q_networks_mine = DB_STMT(
	"SELECT n.id, n.code, n.name, n.short_name,"
	" (SELECT COUNT(*) FROM structures s WHERE s.network_id = n.id) AS structures"
	" FROM networks n WHERE n.id IN (SELECT ms.network_id FROM memberships m"
	" JOIN structures ms ON ms.id = m.structure_id WHERE m.user_id = ? AND m.role = 'referent')"
	" ORDER BY n.name");
static db_stmt q_network_mine =
	DB_STMT("SELECT COUNT(*) FROM memberships m JOIN structures ms ON ms.id = m.structure_id"
		" WHERE m.user_id = ? AND m.role = 'referent' AND ms.network_id = ?");
static db_stmt q_network_form =
	DB_STMT("SELECT code, name, short_name, COALESCE(description, '') AS description"
		" FROM networks WHERE id = ?");
static db_stmt q_network_insert =
	DB_STMT("INSERT INTO networks (code, name, short_name, description) VALUES (?, ?, ?, ?)");
static db_stmt q_network_update = DB_STMT(
	"UPDATE networks SET code = ?, name = ?, short_name = ?, description = ? WHERE id = ?");
static db_stmt q_network_exists = DB_STMT("SELECT COUNT(*) FROM networks WHERE id = ? FOR UPDATE");

/* The audit trail, newest first; filters bound twice (value, value). */
#define JOURNAL_WHERE                                                          \
	" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"              \
	" WHERE (? IS NULL OR u.username = ?) AND (? IS NULL OR a.action = ?)" \
	" AND (? IS NULL OR a.at >= ?) AND (? IS NULL OR a.at < ? + INTERVAL 1 DAY)"
static db_stmt q_journal_count = DB_STMT("SELECT COUNT(*)" JOURNAL_WHERE);
static db_stmt q_journal = DB_STMT(
	"SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at, a.user_id,"
	" u.username, u.display_name, a.ip, a.action, a.object_type, a.object_id, a.detail" JOURNAL_WHERE
	" ORDER BY a.id DESC LIMIT ? OFFSET ?");
static db_stmt q_journal_actions = DB_STMT("SELECT DISTINCT action FROM audit_log ORDER BY action");

/* ---------------------------------------------------------------------
 * Helpers (page_admin.h)
 */

int adm_is_admin(const request *r)
{
	return r->auth && (r->auth->caps & CAP_ADMIN) != 0;
}

void adm_field_fail(request *r, const char *name, const char *msg)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fv[i].f->name, name)) {
			if (!r->fv[i].error)
				r->invalid++;
			r->fv[i].error = msg;
		}
}

int adm_rerender(request *r, const char *sheet, const char *target)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fv[i].f->type == F_PASSWORD)
			r->fv[i].raw = NULL;
	x_attr(req_form_xml(r, r->root), "target", target);
	r->sheet = sheet;
	r->no_store = 1;
	return 200;
}

int adm_form_prefill(request *r, const char *target, db_stmt *st, const dbarg *args, int nargs)
{
	xmlNodePtr tmp = xmlNewNode(NULL, (const xmlChar *)"tmp"), form;
	int rc;

	if (!tmp)
		return SPP_ENOMEM;
	rc = db_xml_one(st, args, nargs, tmp);
	if (rc > 0) {
		form = x_el(r->root, "form");
		x_attr(form, "target", target);
		x_attr_int(form, "invalid", 0);
		for (xmlNodePtr c = tmp->children; c; c = c->next) {
			xmlChar *v;
			if (c->type != XML_ELEMENT_NODE)
				continue;
			v = xmlNodeGetContent(c);
			x_attr(x_text(form, "field", v ? (const char *)v : ""), "name",
			       (const char *)c->name);
			xmlFree(v);
		}
	}
	xmlFreeNode(tmp);
	return rc;
}

long long adm_path_id(const request *r, int i)
{
	long long id = 0;

	if (i >= r->nargs || val_int(r->args[i], 1, 4294967295LL, &id))
		return 0;
	return id;
}

int adm_networks_xml(request *r, xmlNodePtr parent)
{
	xmlNodePtr n = x_el(parent, "networks");

	if (adm_is_admin(r))
		return db_xml(&q_networks_all, DB_NOARGS, n, "network");
	return db_xml(&q_networks_mine, DB_ARGS(A_INT(r->auth->user_id)), n, "network");
}

int adm_network_allowed(request *r, long long network_id)
{
	long long n;

	if (adm_is_admin(r))
		return 1;
	if (!(r->auth->caps & CAP_NETWORK))
		return 0;
	if (db_int(&q_network_mine, DB_ARGS(A_INT(r->auth->user_id), A_INT(network_id)), 0, &n) < 0)
		return SPP_EDB;
	return n > 0;
}

const char *adm_like(arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, n * 2 + 3), *p = o;

	if (!o)
		return "%";
	*p++ = '%';
	for (; *s; s++) {
		if (*s == '\\' || *s == '%' || *s == '_')
			*p++ = '\\';
		*p++ = *s;
	}
	*p++ = '%';
	*p = '\0';
	return o;
}

/* ---------------------------------------------------------------------
 * Home
 */

static int h_admin(request *r)
{
	if (!(r->auth->caps & (CAP_ADMIN | CAP_NETWORK | CAP_MANAGE_AGENTS)))
		return 403;
	r->no_store = 1;
	return 200;
}

/* ---------------------------------------------------------------------
 * Networks
 */

static const field network_fields[] = {
	{ .name = "code", .type = F_LINE, .required = 1, .min = 1, .max = 40 },
	{ .name = "name", .type = F_LINE, .required = 1, .min = 1, .max = 200 },
	{ .name = "short_name", .type = F_LINE, .required = 1, .min = 1, .max = 60 },
	{ .name = "description", .type = F_TEXT, .max = 4000 },
	{ 0 },
};

static int h_networks(request *r)
{
	r->no_store = 1;
	return adm_networks_xml(r, r->root) < 0 ? 503 : 200;
}

static int h_network_new(request *r)
{
	r->no_store = 1;
	return 200;
}

/* Saves a network (id 0: a new one); re-renders on invalid input. */
static int network_save(request *r, long long id)
{
	const char *code = req_str(r, "code"), *desc = req_str(r, "description"), *e;
	const char *target = id ? "network-edit" : "network-new";
	uint64_t newid = 0;
	long long n;
	int rc;

	if (code && (e = structure_check_code(code, 40)))
		adm_field_fail(r, "code", e);
	if (r->invalid)
		return adm_rerender(r, "admin-network-form", target);
	if (db_begin())
		return 503;
	if (id) {
		if (db_int(&q_network_exists, DB_ARGS(A_INT(id)), 0, &n) < 0)
			return 503;
		if (!n)
			return 404;
		rc = db_exec(&q_network_update,
			     DB_ARGS(A_STR(code), A_STR(req_str(r, "name")),
				     A_STR(req_str(r, "short_name")), A_STR(desc), A_INT(id)),
			     NULL, NULL);
	} else {
		rc = db_exec(&q_network_insert,
			     DB_ARGS(A_STR(code), A_STR(req_str(r, "name")),
				     A_STR(req_str(r, "short_name")), A_STR(desc)),
			     NULL, &newid);
		id = (long long)newid;
	}
	if (rc == SPP_ECONFLICT) {
		db_rollback();
		adm_field_fail(r, "code", "Ce code est déjà utilisé par un autre réseau.");
		return adm_rerender(r, "admin-network-form", target);
	}
	if (rc || audit(r, 0, newid ? "network_create" : "network_update", "network", id, code) ||
	    db_commit())
		return 503;
	return req_redirect(r, "/agent/admin/reseaux?ok=1");
}

static int h_network_create(request *r)
{
	return network_save(r, 0);
}

static int h_network_edit(request *r)
{
	long long id = adm_path_id(r, 0);
	int rc;

	if (!id)
		return 404;
	r->no_store = 1;
	x_int(req_data(r, "network"), "id", id);
	rc = adm_form_prefill(r, "network-edit", &q_network_form, DB_ARGS(A_INT(id)));
	return rc < 0 ? 503 : rc ? 200 : 404;
}

static int h_network_update(request *r)
{
	long long id = adm_path_id(r, 0);

	if (!id)
		return 404;
	x_int(req_data(r, "network"), "id", id);
	return network_save(r, id);
}

/* ---------------------------------------------------------------------
 * Audit trail
 */

static const field journal_fields[] = {
	{ .name = "utilisateur", .type = F_LINE, .max = 64 },
	{ .name = "action", .type = F_LINE, .max = 64 },
	{ .name = "du", .type = F_DATE },
	{ .name = "au", .type = F_DATE },
	{ .name = "page", .type = F_INT, .min = 1, .max = 100000 },
	{ 0 },
};

static int h_journal(request *r)
{
	const char *user = req_str(r, "utilisateur"), *action = req_str(r, "action");
	const char *from = req_str(r, "du"), *to = req_str(r, "au");
	long long page = req_int(r, "page", 1), total;
	xmlNodePtr list;

	r->no_store = 1;
	x_attr(req_form_xml(r, r->root), "target", "filters");
	if (r->invalid) {
		user = action = from = to = NULL;
		page = 1;
	}
	if (db_xml(&q_journal_actions, DB_NOARGS, req_data(r, "actions"), "action") < 0)
		return 503;
	if (db_int(&q_journal_count,
		   DB_ARGS(A_STR(user), A_STR(user), A_STR(action), A_STR(action), A_STR(from),
			   A_STR(from), A_STR(to), A_STR(to)),
		   0, &total) < 0)
		return 503;
	list = req_data(r, "journal");
	if (db_xml(&q_journal,
		   DB_ARGS(A_STR(user), A_STR(user), A_STR(action), A_STR(action), A_STR(from),
			   A_STR(from), A_STR(to), A_STR(to), A_INT(JOURNAL_PER_PAGE),
			   A_INT((page - 1) * JOURNAL_PER_PAGE)),
		   list, "entry") < 0)
		return 503;
	page_pagination(r->root, page, JOURNAL_PER_PAGE, total);
	return 200;
}

const route page_admin_routes[] = {
	{ "admin", M_GET, "/agent/admin", POOL_WEB, CAP_AGENT, CSRF_NONE, h_admin, "admin-index",
	  NULL, 0 },
	{ "admin-networks", M_GET, "/agent/admin/reseaux", POOL_WEB, CAP_ADMIN, CSRF_NONE,
	  h_networks, "admin-networks", NULL, 0 },
	{ "admin-network-new", M_GET, "/agent/admin/reseaux/nouveau", POOL_WEB, CAP_ADMIN,
	  CSRF_NONE, h_network_new, "admin-network-form", NULL, 0 },
	{ "admin-network-create", M_POST, "/agent/admin/reseaux/nouveau", POOL_WEB, CAP_ADMIN,
	  CSRF_TOKEN, h_network_create, "admin-network-form", network_fields, 0 },
	{ "admin-network-edit", M_GET, "/agent/admin/reseaux/*", POOL_WEB, CAP_ADMIN, CSRF_NONE,
	  h_network_edit, "admin-network-form", NULL, 0 },
	{ "admin-network-update", M_POST, "/agent/admin/reseaux/*", POOL_WEB, CAP_ADMIN, CSRF_TOKEN,
	  h_network_update, "admin-network-form", network_fields, 0 },
	{ "admin-journal", M_GET, "/agent/admin/journal", POOL_WEB, CAP_ADMIN, CSRF_NONE, h_journal,
	  "admin-journal", journal_fields, 0 },
	{ 0 },
};
