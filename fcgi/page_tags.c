/*
 * page_tags.c — /agent/tags: référents manage the tags métiers of their
 * network(s); administrators manage the general tags (and may manage any
 * network's tags métiers). Tags are never deleted (experiences keep
 * them): they are renamed or deactivated. Every change is audited.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_agent.h"
#include "request.h"
#include "xml.h"

static db_stmt q_networks =
	DB_STMT("SELECT n.id, n.name, n.short_name FROM networks n WHERE ? = 1 OR EXISTS"
		" (SELECT 1 FROM memberships m JOIN structures ms ON ms.id = m.structure_id"
		" WHERE m.user_id = ? AND m.role = 'referent' AND ms.network_id = n.id)"
		" ORDER BY n.name");
static db_stmt q_network_ok =
	DB_STMT("SELECT COUNT(*) FROM networks n WHERE n.id = ? AND (? = 1 OR EXISTS"
		" (SELECT 1 FROM memberships m JOIN structures ms ON ms.id = m.structure_id"
		" WHERE m.user_id = ? AND m.role = 'referent' AND ms.network_id = n.id))");
static db_stmt q_tags =
	DB_STMT("SELECT t.id, t.label, t.active,"
		" (SELECT COUNT(*) FROM experience_tags et WHERE et.tag_id = t.id) AS uses"
		" FROM tags t WHERE t.network_id <=> ? ORDER BY t.label");
static db_stmt q_tag_network = DB_STMT("SELECT COALESCE(network_id, 0) FROM tags WHERE id = ?");
static db_stmt q_tag_exists =
	DB_STMT("SELECT COUNT(*) FROM tags WHERE network_id <=> ? AND label = ? AND id <> ?");
static db_stmt i_tag = DB_STMT("INSERT INTO tags (network_id, label) VALUES (?, ?)");
static db_stmt u_tag = DB_STMT("UPDATE tags SET label = ?, active = ? WHERE id = ?");

static const field get_fields[] = {
	{ .name = "ok", .type = F_INT, .min = 1, .max = 2 },
	{ 0 },
};

static const field add_fields[] = {
	{ .name = "reseau", .type = F_INT, .required = 1, .min = 0, .max = 4294967295LL },
	{ .name = "libelle", .type = F_LINE, .required = 1, .min = 1, .max = 100 },
	{ 0 },
};

static const field edit_fields[] = {
	{ .name = "libelle", .type = F_LINE, .required = 1, .min = 1, .max = 100 },
	{ .name = "actif", .type = F_BOOL },
	{ 0 },
};

/* 1 when the user may manage the tags of network_id (0 = general tags),
 * 0 if not, SPP_EDB. */
static int may_manage(request *r, long long network_id)
{
	long long n = 0;

	if (!network_id)
		return agent_is_admin(r);
	if (db_int(&q_network_ok,
		   DB_ARGS(A_INT(network_id), A_INT(agent_is_admin(r)), A_INT(agent_user_id(r))), 0,
		   &n) < 0)
		return SPP_EDB;
	return n > 0;
}

/* Data sources: <networks><network>…<tags><tag/>…</tags></network>…</networks>
 * and, for administrators, <general><tag/>…</general>. */
static int ds_tags(request *r)
{
	xmlNodePtr nets = req_data(r, "networks");

	if (db_xml(&q_networks, DB_ARGS(A_INT(agent_is_admin(r)), A_INT(agent_user_id(r))), nets,
		   "network") < 0)
		return SPP_EDB;
	for (xmlNodePtr n = nets->children; n; n = n->next) {
		long long id = 0;
		for (xmlNodePtr c = n->children; c; c = c->next) {
			if (strcmp((const char *)c->name, "id"))
				continue;
			xmlChar *v = xmlNodeGetContent(c);
			if (v && val_int((const char *)v, 1, 4294967295LL, &id))
				id = 0;
			xmlFree(v);
		}
		if (id && db_xml(&q_tags, DB_ARGS(A_INT(id)), x_el(n, "tags"), "tag") < 0)
			return SPP_EDB;
	}
	if (agent_is_admin(r) &&
	    db_xml(&q_tags, DB_ARGS(A_NULL), req_data(r, "general"), "tag") < 0)
		return SPP_EDB;
	return SPP_OK;
}

/* Only référents and administrators have this screen. */
static int has_screen(const request *r)
{
	return r->auth && (r->auth->caps & (CAP_NETWORK | CAP_ADMIN));
}

/* GET /agent/tags */
static int h_show(request *r)
{
	r->no_store = 1;
	if (!has_screen(r))
		return 403;
	return ds_tags(r) == SPP_OK ? 200 : 503;
}

/* Re-renders the screen with the failed form's values and status. */
static int again(request *r, int status, long long tag_id)
{
	if (ds_tags(r) != SPP_OK)
		return 503;
	req_form_xml(r, r->root);
	if (tag_id)
		x_int(r->root, "failed-tag", tag_id);
	return agent_rerender(r, status);
}

/* 1 when label is already used by another tag of the same scope. */
static int duplicate(long long network_id, const char *label, long long except)
{
	long long n = 0;

	if (db_int(&q_tag_exists,
		   DB_ARGS(network_id ? A_INT(network_id) : A_NULL, A_STR(label), A_INT(except)), 0,
		   &n) < 0)
		return SPP_EDB;
	return n > 0;
}

/* Checks the user may manage tags of network net and that label is not
 * already used there (except by tag except; marks «libelle» invalid).
 * Returns 0, or the status to answer (403, 503). */
static int check_tag(request *r, long long net, const char *label, long long except)
{
	int ok = may_manage(r, net);

	if (ok < 0)
		return 503;
	if (!ok)
		return 403;
	if (label) {
		ok = duplicate(net, label, except);
		if (ok < 0)
			return 503;
		if (ok) {
			((fieldval *)req_field(r, "libelle"))->error = "Ce tag existe déjà.";
			r->invalid++;
		}
	}
	return 0;
}

/* POST /agent/tags — adds a tag (reseau 0 = a general tag). */
static int h_add(request *r)
{
	long long net = req_int(r, "reseau", -1);
	const char *label = req_str(r, "libelle");
	uint64_t id = 0;
	int ok;

	r->no_store = 1;
	if (!has_screen(r))
		return 403;
	if (net < 0)
		return 400;
	ok = check_tag(r, net, label, 0);
	if (ok)
		return ok;
	if (r->invalid)
		return again(r, 422, 0);
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&i_tag, DB_ARGS(net ? A_INT(net) : A_NULL, A_STR(label)), NULL, &id) < 0 ||
	    audit(r, 0, "tag_create", "tag", (long long)id,
		  arena_printf(r->a, "reseau=%lld", net)) != SPP_OK ||
	    db_commit() != SPP_OK) {
		db_rollback();
		return 503;
	}
	return req_redirect(r, "/agent/tags?ok=1");
}

/* POST /agent/tags/<id> — renames or (de)activates a tag. */
static int h_edit(request *r)
{
	long long id = 0, net = -1;
	const char *label = req_str(r, "libelle");
	int ok;

	r->no_store = 1;
	if (!has_screen(r))
		return 403;
	if (r->nargs < 1 || val_int(r->args[0], 1, 4294967295LL, &id))
		return 404;
	if (db_int(&q_tag_network, DB_ARGS(A_INT(id)), -1, &net) < 0)
		return 503;
	if (net < 0)
		return 404;
	ok = check_tag(r, net, label, id);
	if (ok)
		return ok;
	if (r->invalid)
		return again(r, 422, id);
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&u_tag, DB_ARGS(A_STR(label), A_INT(req_int(r, "actif", 0)), A_INT(id)), NULL,
		    NULL) < 0 ||
	    audit(r, 0, "tag_update", "tag", id,
		  arena_printf(r->a, "actif=%lld", req_int(r, "actif", 0))) != SPP_OK ||
	    db_commit() != SPP_OK) {
		db_rollback();
		return 503;
	}
	return req_redirect(r, "/agent/tags?ok=2");
}

const route page_tags_routes[] = {
	{ "agent-tags", M_GET, "/agent/tags", POOL_WEB, CAP_AGENT, CSRF_NONE, h_show, "agent-tags",
	  get_fields, 0 },
	{ "agent-tags-add", M_POST, "/agent/tags", POOL_WEB, CAP_AGENT, CSRF_TOKEN, h_add,
	  "agent-tags", add_fields, 0 },
	{ "agent-tags-edit", M_POST, "/agent/tags/*", POOL_WEB, CAP_AGENT, CSRF_TOKEN, h_edit,
	  "agent-tags", edit_fields, 0 },
	{ 0 },
};
