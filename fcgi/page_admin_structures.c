/*
 * page_admin_structures.c — the structure tree of a network
 * (/agent/admin/structures?reseau=ID) and the structure form (create,
 * edit, move under another structure mère of the same network).
 * Administrators manage every network, référents their own; the network
 * is checked on every request (a référent of another network gets 403).
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_admin.h"
#include "structure.h"
#include "xml.h"

static db_stmt q_tree = DB_STMT(
	"SELECT s.id, s.parent_id, s.code_sp, s.name, t.label AS typology, s.postal_code,"
	" s.commune, s.depth, s.active FROM structures s JOIN typologies t ON t.id = s.typology_id"
	" WHERE s.network_id = ? ORDER BY s.name, s.id");
static db_stmt q_network = DB_STMT("SELECT id, code, name, short_name FROM networks WHERE id = ?");
static db_stmt q_typologies = DB_STMT("SELECT id, code, label FROM typologies ORDER BY label");
static db_stmt q_departements = DB_STMT("SELECT code, name FROM departements ORDER BY code");
static db_stmt q_typology_exists = DB_STMT("SELECT COUNT(*) FROM typologies WHERE id = ?");
static db_stmt q_structure =
	DB_STMT("SELECT s.id, s.network_id, s.code_sp, s.name, s.path, s.depth, p.id AS parent_id,"
		" p.code_sp AS parent_code, p.name AS parent_name"
		" FROM structures s LEFT JOIN structures p ON p.id = s.parent_id WHERE s.id = ?");
static db_stmt q_structure_network = DB_STMT("SELECT network_id FROM structures WHERE id = ?");
static db_stmt q_structure_form = DB_STMT(
	"SELECT s.code_sp, s.name, s.typology_id AS typology, s.address, s.postal_code, s.commune,"
	" COALESCE(s.departement_code, '') AS departement, COALESCE(p.code_sp, '') AS parent_code"
	" FROM structures s LEFT JOIN structures p ON p.id = s.parent_id WHERE s.id = ?");
static db_stmt q_children =
	DB_STMT("SELECT id, code_sp, name FROM structures WHERE parent_id = ? ORDER BY name");
static db_stmt q_parent_code =
	DB_STMT("SELECT code_sp FROM structures WHERE id = ? AND network_id = ?");

static const field tree_fields[] = {
	{ .name = "reseau", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ 0 },
};

static const field new_query_fields[] = {
	{ .name = "reseau", .type = F_INT, .required = 1, .min = 1, .max = 4294967295LL },
	{ .name = "parent", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ 0 },
};

/* The form; "network" only matters for a new structure. */
static const field structure_fields[] = {
	{ .name = "network", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "code_sp", .type = F_LINE, .required = 1, .min = 1, .max = 20 },
	{ .name = "name", .type = F_LINE, .required = 1, .min = 1, .max = 255 },
	{ .name = "typology", .type = F_INT, .required = 1, .min = 1, .max = 65535 },
	{ .name = "address", .type = F_LINE, .max = 255 },
	{ .name = "postal_code", .type = F_POSTCODE },
	{ .name = "commune", .type = F_LINE, .max = 100 },
	{ .name = "departement", .type = F_LINE, .max = 3 },
	{ .name = "parent_code", .type = F_LINE, .max = 20 },
	{ 0 },
};

/* Data sources of the form: typologies and départements. */
static int ds_form_lists(request *r)
{
	if (db_xml(&q_typologies, DB_NOARGS, req_data(r, "typologies"), "typology") < 0 ||
	    db_xml(&q_departements, DB_NOARGS, req_data(r, "departements"), "departement") < 0)
		return SPP_EDB;
	return SPP_OK;
}

/* <network> of id under <page>: 1, 0 (unknown) or SPP_EDB. */
static int ds_network(request *r, long long id)
{
	return db_xml_one(&q_network, DB_ARGS(A_INT(id)), req_data(r, "network"));
}

/* 200 when the user may manage network id, else the status to return. */
static int check_network(request *r, long long id)
{
	int rc = adm_network_allowed(r, id);

	return rc < 0 ? 503 : rc ? 200 : 403;
}

static int h_tree(request *r)
{
	long long nid = req_int(r, "reseau", 0);
	xmlNodePtr nets;
	int st;

	r->no_store = 1;
	if (adm_networks_xml(r, r->root) < 0)
		return 503;
	nets = xmlGetLastChild(r->root);
	if (!nid && nets && nets->children) {
		/* the first network of the list */
		xmlNodePtr id = nets->children->children;
		xmlChar *v = id ? xmlNodeGetContent(id) : NULL;
		if (v)
			val_int((const char *)v, 1, 4294967295LL, &nid);
		xmlFree(v);
	}
	if (!nid)
		return 200;
	if ((st = check_network(r, nid)) != 200)
		return st;
	st = ds_network(r, nid);
	if (st < 0)
		return 503;
	if (!st)
		return 404;
	if (db_xml(&q_tree, DB_ARGS(A_INT(nid)), req_data(r, "structures"), "structure") < 0)
		return 503;
	return 200;
}

static int h_new(request *r)
{
	long long nid = req_int(r, "reseau", 0), parent = req_int(r, "parent", 0);
	xmlNodePtr form;
	char *pcode = NULL;
	int st;

	r->no_store = 1;
	if (r->invalid || !nid)
		return 404;
	if ((st = check_network(r, nid)) != 200)
		return st;
	if ((st = ds_network(r, nid)) <= 0)
		return st < 0 ? 503 : 404;
	if (parent && db_str(&q_parent_code, DB_ARGS(A_INT(parent), A_INT(nid)), r->a, &pcode) < 0)
		return 503;
	if (ds_form_lists(r) != SPP_OK)
		return 503;
	form = x_el(r->root, "form");
	x_attr(form, "target", "structure-new");
	x_attr(x_text(form, "field", arena_printf(r->a, "%lld", nid)), "name", "network");
	x_attr(x_text(form, "field", pcode ? pcode : ""), "name", "parent_code");
	return 200;
}

/*
 * Checks the posted values that need the database (code format, typology,
 * département, parent in network_id) and fills *in. Returns SPP_OK (with
 * r->invalid telling whether the form must be shown again) or SPP_EDB.
 */
static int read_form(request *r, long long network_id, structure_in *in)
{
	const char *code = req_str(r, "code_sp"), *dep = req_str(r, "departement");
	const char *pcode = req_str(r, "parent_code"), *e;
	long long n, pnet = 0;
	int f;

	memset(in, 0, sizeof *in);
	in->network_id = network_id;
	in->code_sp = code;
	in->name = req_str(r, "name");
	in->typology_id = req_int(r, "typology", 0);
	in->address = req_str(r, "address");
	in->postal_code = req_str(r, "postal_code");
	in->commune = req_str(r, "commune");
	in->departement = dep;
	if (code && (e = structure_check_code(code, 20)))
		adm_field_fail(r, "code_sp", e);
	if (in->typology_id) {
		if (db_int(&q_typology_exists, DB_ARGS(A_INT(in->typology_id)), 0, &n) < 0)
			return SPP_EDB;
		if (!n)
			adm_field_fail(r, "typology", "Choisissez une typologie dans la liste.");
	}
	if (dep) {
		if ((f = structure_departement_exists(dep)) < 0)
			return SPP_EDB;
		if (!f)
			adm_field_fail(r, "departement",
				       "Choisissez un département dans la liste.");
	}
	if (pcode) {
		if ((f = structure_by_code(pcode, &in->parent_id, &pnet)) < 0)
			return SPP_EDB;
		if (!f)
			adm_field_fail(r, "parent_code", "Aucune structure ne porte ce code SP+.");
		else if (pnet != network_id)
			adm_field_fail(r, "parent_code",
				       "La structure mère doit appartenir au même réseau.");
	}
	return SPP_OK;
}

/* Shows the form (target) again with what was posted. */
static int form_again(request *r, const char *target)
{
	if (ds_form_lists(r) != SPP_OK)
		return 503;
	return adm_rerender(r, "admin-structure-form", target);
}

/* read_form, then the form again when a value is refused. Returns 0 when
 * the form can be saved, else the status to answer. */
static int form_refused(request *r, long long network_id, structure_in *in, const char *target)
{
	if (read_form(r, network_id, in) != SPP_OK)
		return 503;
	if (r->invalid)
		return form_again(r, target);
	return 0;
}

/* Ends a save of structure id (rc from structure_insert/structure_update):
 * a refusal goes back onto the form, else the audit event, the commit and
 * the way back to the tree of network nid. */
static int save_end(request *r, int rc, const char *why, const char *target, const char *event,
		    long long nid, long long id, const char *code)
{
	if (rc != SPP_OK) {
		db_rollback();
		if (rc == SPP_ECONFLICT)
			adm_field_fail(r, "code_sp",
				       "Ce code SP+ est déjà utilisé par une autre structure.");
		else if (rc == SPP_EINVAL)
			adm_field_fail(r, "parent_code", why);
		else
			return rc == SPP_ENOTFOUND ? 404 : 503;
		return form_again(r, target);
	}
	if (audit(r, 0, event, "structure", id, code) || db_commit())
		return 503;
	return req_redirect(
		r, arena_printf(r->a, "/agent/admin/structures?reseau=%lld&ok=1#s%lld", nid, id));
}

static int h_create(request *r)
{
	long long nid = req_int(r, "network", 0), id = 0;
	const char *why = NULL;
	structure_in in;
	int st;

	if (!nid)
		return 400;
	if ((st = check_network(r, nid)) != 200)
		return st;
	if ((st = ds_network(r, nid)) <= 0)
		return st < 0 ? 503 : 400;
	if ((st = form_refused(r, nid, &in, "structure-new")))
		return st;
	if (db_begin())
		return 503;
	st = structure_insert(&in, &id, &why);
	return save_end(r, st, why, "structure-new", "structure_create", nid, id, in.code_sp);
}

/* Loads structure id's network into *nid and checks the user's right. */
static int load_structure(request *r, long long id, long long *nid)
{
	int rc = db_int(&q_structure_network, DB_ARGS(A_INT(id)), 0, nid);

	if (rc < 0)
		return 503;
	if (!rc || !*nid)
		return 404;
	return check_network(r, *nid);
}

/* Data sources of the edit form: the network nid, structure id, its children. */
static int ds_structure(request *r, long long id, long long nid)
{
	if (ds_network(r, nid) < 0 ||
	    db_xml_one(&q_structure, DB_ARGS(A_INT(id)), req_data(r, "structure")) < 0 ||
	    db_xml(&q_children, DB_ARGS(A_INT(id)), req_data(r, "children"), "child") < 0)
		return SPP_EDB;
	return SPP_OK;
}

static int h_edit(request *r)
{
	long long id = adm_path_id(r, 0), nid;
	int st;

	r->no_store = 1;
	if (!id)
		return 404;
	if ((st = load_structure(r, id, &nid)) != 200)
		return st;
	if (ds_structure(r, id, nid) != SPP_OK || ds_form_lists(r) != SPP_OK)
		return 503;
	st = adm_form_prefill(r, "structure-edit", &q_structure_form, DB_ARGS(A_INT(id)));
	return st < 0 ? 503 : st ? 200 : 404;
}

static int h_update(request *r)
{
	long long id = adm_path_id(r, 0), nid;
	const char *why = NULL;
	structure_in in;
	int st;

	if (!id)
		return 404;
	if ((st = load_structure(r, id, &nid)) != 200)
		return st;
	if (ds_structure(r, id, nid) != SPP_OK)
		return 503;
	if ((st = form_refused(r, nid, &in, "structure-edit")))
		return st;
	if (db_begin())
		return 503;
	st = structure_update(id, &in, &why);
	return save_end(r, st, why, "structure-edit", "structure_update", nid, id, in.code_sp);
}

const route page_admin_structures_routes[] = {
	{ "admin-structures", M_GET, "/agent/admin/structures", POOL_WEB, CAP_NETWORK, CSRF_NONE,
	  h_tree, "admin-structures", tree_fields, 0 },
	{ "admin-structure-new", M_GET, "/agent/admin/structures/nouvelle", POOL_WEB, CAP_NETWORK,
	  CSRF_NONE, h_new, "admin-structure-form", new_query_fields, 0 },
	{ "admin-structure-create", M_POST, "/agent/admin/structures/nouvelle", POOL_WEB,
	  CAP_NETWORK, CSRF_TOKEN, h_create, "admin-structure-form", structure_fields, 0 },
	{ "admin-structure-edit", M_GET, "/agent/admin/structures/*", POOL_WEB, CAP_NETWORK,
	  CSRF_NONE, h_edit, "admin-structure-form", NULL, 0 },
	{ "admin-structure-update", M_POST, "/agent/admin/structures/*", POOL_WEB, CAP_NETWORK,
	  CSRF_TOKEN, h_update, "admin-structure-form", structure_fields, 0 },
	{ 0 },
};
