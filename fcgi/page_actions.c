/*
 * page_actions.c — «Les actions d'amélioration» on the agents' side: the
 * list of my structures' actions, the creation and edition form (title,
 * description, structure, engagement concerned, status, dates, public
 * flag, linked experiences).
 *
 * Record-level rules: an action is visible when its structure is one the
 * user can act on (else 404); creating or changing one needs CAP_ANSWER or
 * CAP_DIAGNOSTIC on its structure (else 403). Edits are guarded by
 * actions.version and audited.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_agent.h"
#include "page_util.h"
#include "request.h"
#include "xml.h"

#define ACTIONS_PER_PAGE 20

static db_stmt q_count = DB_STMT("SELECT STRAIGHT_JOIN COUNT(*)" AGENT_VIS_FROM
				 " JOIN actions a ON a.structure_id = s.id"
				 " WHERE (? IS NULL OR a.structure_id = ?)"
				 " AND (? IS NULL OR a.status = ?)");
static db_stmt q_page = DB_STMT(
	"SELECT STRAIGHT_JOIN a.id, a.title, a.status, a.engagement_number, a.start_date, a.end_date, a.is_public,"
	" a.updated_at, s.name AS structure, s.code_sp,"
	" (SELECT COUNT(*) FROM experience_actions ea WHERE ea.action_id = a.id) AS experiences" AGENT_VIS_FROM
	" JOIN actions a ON a.structure_id = s.id"
	" WHERE (? IS NULL OR a.structure_id = ?)"
	" AND (? IS NULL OR a.status = ?)"
	" ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?");
static db_stmt q_one = DB_STMT(
	"SELECT a.id, a.structure_id, a.title, a.description, a.engagement_number, a.status,"
	" a.start_date, a.end_date, a.is_public, a.version, a.created_at, a.updated_at,"
	" s.name AS structure FROM actions a JOIN structures s ON s.id = a.structure_id"
	" WHERE a.id = ? AND " AGENT_VIS_SQL);
static db_stmt q_engagements =
	DB_STMT("SELECT number, theme, text FROM engagements ORDER BY number");
static db_stmt q_linked =
	DB_STMT("SELECT e.id, e.title, e.published_at FROM experience_actions ea"
		" JOIN experiences e ON e.id = ea.experience_id WHERE ea.action_id = ?"
		" ORDER BY e.published_at DESC, e.id DESC");
static db_stmt q_experience_ok = DB_STMT(
	"SELECT COUNT(*) FROM experience_structures es JOIN experiences e ON e.id = es.experience_id"
	" WHERE es.experience_id = ? AND es.structure_id = ? AND e.status = 'publiee'");
static db_stmt i_action =
	DB_STMT("INSERT INTO actions (structure_id, title, description, engagement_number, status,"
		" start_date, end_date, is_public, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
static db_stmt u_action = DB_STMT(
	"UPDATE actions SET structure_id = ?, title = ?, description = ?, engagement_number = ?,"
	" status = ?, start_date = ?, end_date = ?, is_public = ?, updated_at = UTC_TIMESTAMP(),"
	" version = version + 1 WHERE id = ? AND version = ?");
static db_stmt d_links = DB_STMT("DELETE FROM experience_actions WHERE action_id = ?");
static db_stmt i_link =
	DB_STMT("INSERT IGNORE INTO experience_actions (experience_id, action_id)"
		" SELECT es.experience_id, ? FROM experience_structures es"
		" JOIN experiences e ON e.id = es.experience_id"
		" WHERE es.experience_id = ? AND es.structure_id = ? AND e.status = 'publiee'");

static const char *const status_values[] = { "envisagee", "en_cours", "realisee", NULL };

static const field list_fields[] = {
	{ .name = "structure", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "statut", .type = F_ENUM, .values = status_values },
	{ .name = "page", .type = F_INT, .min = 1, .max = 100000 },
	{ .name = "ok", .type = F_INT, .min = 1, .max = 2 },
	{ 0 },
};

static const field new_get_fields[] = {
	{ .name = "structure", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "experience", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ 0 },
};

static const field edit_get_fields[] = {
	{ .name = "ok", .type = F_INT, .min = 1, .max = 2 },
	{ 0 },
};

static const field form_fields[] = {
	{ .name = "titre", .type = F_LINE, .required = 1, .min = 1, .max = 200 },
	{ .name = "description", .type = F_TEXT, .required = 1, .min = 1, .max = 10000 },
	{ .name = "structure", .type = F_INT, .required = 1, .min = 1, .max = 4294967295LL },
	{ .name = "engagement", .type = F_INT, .min = 1, .max = 9 },
	{ .name = "statut", .type = F_ENUM, .required = 1, .values = status_values },
	{ .name = "debut", .type = F_DATE },
	{ .name = "fin", .type = F_DATE },
	{ .name = "public", .type = F_BOOL },
	{ .name = "ajouter_experience", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "version", .type = F_INT, .min = 0, .max = 4294967295LL },
	{ 0 },
};

/* 1 when the user may create or change actions of structure sid. */
static int may_manage(request *r, long long sid)
{
	int ok = auth_structure_allowed(r, sid, CAP_ANSWER);

	if (ok == 0)
		ok = auth_structure_allowed(r, sid, CAP_DIAGNOSTIC);
	return ok;
}

/* The choices of the form: my structures and the 9 engagements. */
static int ds_choices(request *r)
{
	xmlNodePtr ch = req_data(r, "choices");

	if (agent_structures_xml(r, ch) < 0 ||
	    db_xml(&q_engagements, DB_NOARGS, x_el(ch, "engagements"), "engagement") < 0)
		return SPP_EDB;
	return SPP_OK;
}

/* GET /agent/actions */
static int h_list(request *r)
{
	long long total = 0, page = req_int(r, "page", 1), sid = req_int(r, "structure", 0);
	const char *status = req_str(r, "statut");
	dbarg st = sid ? A_INT(sid) : A_NULL;

	r->no_store = 1;
	if (ds_choices(r) != SPP_OK)
		return 503;
	req_form_xml(r, r->root);
	if (db_int(&q_count, DB_ARGS(AGENT_VIS_FROM_ARGS(r), st, st, A_STR(status), A_STR(status)),
		   0, &total) < 0)
		return 503;
	if (db_xml(&q_page,
		   DB_ARGS(AGENT_VIS_FROM_ARGS(r), st, st, A_STR(status), A_STR(status),
			   A_INT(ACTIONS_PER_PAGE), A_INT((page - 1) * ACTIONS_PER_PAGE)),
		   req_data(r, "actions"), "action") < 0)
		return 503;
	page_pagination(r->root, page, ACTIONS_PER_PAGE, total);
	return 200;
}

/* Loads action id (visible to the user) under <action>; 1 found, 0 not,
 * SPP_EDB. *sid and *version receive its structure and version. */
static int load_action(request *r, long long id, long long *sid, long long *version)
{
	xmlNodePtr a = req_data(r, "action");
	int rc = db_xml_one(&q_one, DB_ARGS(A_INT(id), AGENT_VIS_ARGS(r)), a);

	if (rc <= 0)
		return rc;
	for (xmlNodePtr c = a->children; c; c = c->next) {
		xmlChar *v = xmlNodeGetContent(c);
		long long n = 0;
		if (v && !val_int((const char *)v, 0, 4294967295LL, &n)) {
			if (!strcmp((const char *)c->name, "structure_id"))
				*sid = n;
			else if (!strcmp((const char *)c->name, "version"))
				*version = n;
		}
		xmlFree(v);
	}
	if (db_xml(&q_linked, DB_ARGS(A_INT(id)), req_data(r, "linked"), "experience") < 0)
		return SPP_EDB;
	return 1;
}

/* The action id of the path, or 0 when it is not a valid id. */
static long long path_id(request *r)
{
	long long id = 0;

	if (r->nargs < 1 || val_int(r->args[0], 1, 4294967295LL, &id))
		return 0;
	return id;
}

/* Loads action id (0: not a valid id) and tells in *manage whether the
 * user may change it. Returns 0, or the status to answer (404, 503). */
static int load_managed(request *r, long long id, long long *sid, long long *version, int *manage)
{
	int rc;

	if (!id)
		return 404;
	rc = load_action(r, id, sid, version);
	if (rc < 0)
		return 503;
	if (!rc)
		return 404;
	rc = may_manage(r, *sid);
	if (rc < 0)
		return 503;
	*manage = rc;
	return 0;
}

/* GET /agent/actions/nouvelle */
static int h_new(request *r)
{
	r->no_store = 1;
	if (ds_choices(r) != SPP_OK)
		return 503;
	return 200;
}

/* GET /agent/actions/<id> */
static int h_edit(request *r)
{
	long long id = path_id(r), sid = 0, version = 0;
	int rc, manage = 0;

	r->no_store = 1;
	rc = load_managed(r, id, &sid, &version, &manage);
	if (rc)
		return rc;
	if (manage)
		x_int(req_data(r, "rights"), "manage", 1);
	if (ds_choices(r) != SPP_OK)
		return 503;
	return 200;
}

/* Checks what needs the database: the structure, the dates, the
 * experience to link. Marks fields invalid; returns 0 or 503. */
static int check_form(request *r, long long sid)
{
	const fieldval *d = req_field(r, "debut"), *f = req_field(r, "fin");
	long long add = req_int(r, "ajouter_experience", 0), n = 0;
	int ok;

	if (sid) {
		ok = may_manage(r, sid);
		if (ok < 0)
			return 503;
		if (!ok) {
			((fieldval *)req_field(r, "structure"))->error =
				"Choisissez une de vos structures.";
			r->invalid++;
		}
	}
	if (d->present && f->present && !d->error && !f->error && d->i > f->i) {
		((fieldval *)f)->error =
			"La date de fin doit être postérieure ou égale à la date de début.";
		r->invalid++;
	}
	if (add && sid) {
		if (db_int(&q_experience_ok, DB_ARGS(A_INT(add), A_INT(sid)), 0, &n) < 0)
			return 503;
		if (!n) {
			((fieldval *)req_field(r, "ajouter_experience"))->error =
				"Aucune expérience publiée de ce numéro ne concerne la structure choisie.";
			r->invalid++;
		}
	}
	return 0;
}

/* Writes the links of action id: the kept ones (checkboxes «experience»)
 * and the added one, each only if it concerns structure sid. */
static int save_links(request *r, long long id, long long sid, int replace)
{
	long long *keep, add = req_int(r, "ajouter_experience", 0);
	int n;

	if (agent_form_ids(r, "experience", &keep, &n) != SPP_OK)
		return SPP_EBADREQ;
	if (replace && db_exec(&d_links, DB_ARGS(A_INT(id)), NULL, NULL) < 0)
		return SPP_EDB;
	for (int i = 0; i < n; i++)
		if (db_exec(&i_link, DB_ARGS(A_INT(id), A_INT(keep[i]), A_INT(sid)), NULL, NULL) <
		    0)
			return SPP_EDB;
	if (add && db_exec(&i_link, DB_ARGS(A_INT(id), A_INT(add), A_INT(sid)), NULL, NULL) < 0)
		return SPP_EDB;
	return SPP_OK;
}

/* After the insert or update of action id: its links, the audit event
 * and the commit. SPP_OK, SPP_EBADREQ (bad «experience» list) or an error;
 * the caller rolls back on failure. */
static int save_rest(request *r, long long id, long long sid, int replace, const char *event)
{
	int rc = save_links(r, id, sid, replace);

	if (rc != SPP_OK)
		return rc;
	if (audit(r, 0, event, "action", id,
		  arena_printf(r->a, "structure=%lld statut=%s public=%lld", sid,
			       req_str(r, "statut"), req_int(r, "public", 0))) != SPP_OK ||
	    db_commit() != SPP_OK)
		return SPP_EDB;
	return SPP_OK;
}

/* The bound values of the form, in the column order of i_action/u_action. */
#define FORM_ARGS(r, sid)                                                                          \
	A_INT(sid), A_STR(req_str(r, "titre")), A_STR(req_str(r, "description")),                  \
		req_int(r, "engagement", 0) ? A_INT(req_int(r, "engagement", 0)) : A_NULL,         \
		A_STR(req_str(r, "statut")), A_STR(req_str(r, "debut")), A_STR(req_str(r, "fin")), \
		A_INT(req_int(r, "public", 0))

/* Re-renders the form with what was typed and status. */
static int form_again(request *r, int status, const char *message)
{
	long long *keep;
	int n;

	if (ds_choices(r) != SPP_OK)
		return 503;
	req_form_xml(r, r->root);
	if (agent_form_ids(r, "experience", &keep, &n) == SPP_OK) {
		xmlNodePtr posted = x_el(r->root, "posted");
		for (int i = 0; i < n; i++)
			x_int(posted, "experience", keep[i]);
	}
	if (message)
		x_text(r->root, "message", message);
	return agent_rerender(r, status);
}

/* POST /agent/actions/nouvelle */
static int h_create(request *r)
{
	long long sid = req_int(r, "structure", 0);
	uint64_t id = 0;
	int rc;

	r->no_store = 1;
	rc = check_form(r, sid);
	if (rc)
		return rc;
	if (r->invalid)
		return form_again(r, 422, NULL);
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&i_action, DB_ARGS(FORM_ARGS(r, sid), A_INT(agent_user_id(r))), NULL, &id) < 0)
		goto fail;
	rc = save_rest(r, (long long)id, sid, 0, "action_create");
	if (rc == SPP_EBADREQ) {
		db_rollback();
		return 400;
	}
	if (rc != SPP_OK)
		goto fail;
	return req_redirect(r,
			    arena_printf(r->a, "/agent/actions/%llu?ok=1", (unsigned long long)id));
fail:
	db_rollback();
	spp_log("actions: create failed: %s", db_last_error());
	return 503;
}

/* POST /agent/actions/<id> */
static int h_update(request *r)
{
	long long id = path_id(r), cur_sid = 0, cur_version = 0, sid = req_int(r, "structure", 0);
	uint64_t affected = 0;
	int rc, manage = 0;

	r->no_store = 1;
	rc = load_managed(r, id, &cur_sid, &cur_version, &manage);
	if (rc)
		return rc;
	if (!manage)
		return 403;
	x_int(req_data(r, "rights"), "manage", 1);
	rc = check_form(r, sid);
	if (rc)
		return rc;
	if (r->invalid)
		return form_again(r, 422, NULL);
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&u_action,
		    DB_ARGS(FORM_ARGS(r, sid), A_INT(id), A_INT(req_int(r, "version", -1))),
		    &affected, NULL) < 0)
		goto fail;
	if (!affected) {
		db_rollback();
		return form_again(
			r, 409,
			"Cette action a été modifiée par quelqu'un d'autre pendant que vous la "
			"consultiez. Vos saisies sont conservées : rechargez la page pour voir la "
			"version enregistrée.");
	}
	rc = save_rest(r, id, sid, 1, "action_update");
	if (rc == SPP_EBADREQ) {
		db_rollback();
		return 400;
	}
	if (rc != SPP_OK)
		goto fail;
	return req_redirect(r, arena_printf(r->a, "/agent/actions/%lld?ok=2", id));
fail:
	db_rollback();
	spp_log("actions: update %lld failed: %s", id, db_last_error());
	return 503;
}

const route page_actions_routes[] = {
	{ "agent-actions", M_GET, "/agent/actions", POOL_WEB, CAP_AGENT, CSRF_NONE, h_list,
	  "agent-actions", list_fields, 0 },
	{ "agent-action-new", M_GET, "/agent/actions/nouvelle", POOL_WEB, CAP_AGENT, CSRF_NONE,
	  h_new, "agent-actions-form", new_get_fields, 0 },
	{ "agent-action-create", M_POST, "/agent/actions/nouvelle", POOL_WEB, CAP_AGENT, CSRF_TOKEN,
	  h_create, "agent-actions-form", form_fields, 0 },
	{ "agent-action-edit", M_GET, "/agent/actions/*", POOL_WEB, CAP_AGENT, CSRF_NONE, h_edit,
	  "agent-actions-form", edit_get_fields, 0 },
	{ "agent-action-update", M_POST, "/agent/actions/*", POOL_WEB, CAP_AGENT, CSRF_TOKEN,
	  h_update, "agent-actions-form", form_fields, 0 },
	{ 0 },
};
