/*
 * page_profile.c — «Modifier le profil» (/agent/profil): the agent's
 * display name and email, the password change, and the two ordered lists
 * «Formules de politesse» and «Signatures» used when answering.
 *
 * Every POST changes only rows of the logged-in user (user_id is always
 * part of the WHERE clause), is audited, and either redirects back with
 * ?ok=… or re-renders the page with the failed form's messages, marked by
 * <form target="…">.
 */
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "password.h"
#include "request.h"
#include "xml.h"

#define FORMULA_MAX_CHARS     2000
#define FORMULAS_MAX_PER_KIND 50
#define FORMULAS_MAX_LOAD     200

static db_stmt q_me =
	DB_STMT("SELECT id, username, display_name, email, password_changed_at, last_login_at"
		" FROM users WHERE id = ?");
static db_stmt q_formulas = DB_STMT(
	"SELECT id, kind, text FROM user_formulas WHERE user_id = ? ORDER BY kind, position, id");
static db_stmt q_identity = DB_STMT("SELECT display_name, email FROM users WHERE id = ?");
static db_stmt q_identity_set =
	DB_STMT("UPDATE users SET display_name = ?, email = ? WHERE id = ?");
static db_stmt q_hash = DB_STMT("SELECT password_hash FROM users WHERE id = ? AND active = 1");
static db_stmt q_hash_set = DB_STMT(
	"UPDATE users SET password_hash = ?, password_changed_at = UTC_TIMESTAMP() WHERE id = ?");
static db_stmt q_other_sessions_end = DB_STMT("DELETE FROM sessions WHERE user_id = ? AND id <> ?");
static db_stmt q_formula_count =
	DB_STMT("SELECT COUNT(*) FROM user_formulas WHERE user_id = ? AND kind = ?");
static db_stmt q_formula_add =
	DB_STMT("INSERT INTO user_formulas (user_id, kind, text, position)"
		" SELECT ?, ?, ?, COALESCE(MAX(position), 0) + 1 FROM user_formulas"
		" WHERE user_id = ? AND kind = ?");
static db_stmt q_formula_kind =
	DB_STMT("SELECT kind FROM user_formulas WHERE id = ? AND user_id = ? FOR UPDATE");
static db_stmt q_formula_set =
	DB_STMT("UPDATE user_formulas SET text = ? WHERE id = ? AND user_id = ?");
static db_stmt q_formula_del = DB_STMT("DELETE FROM user_formulas WHERE id = ? AND user_id = ?");
static db_stmt q_formula_ids = DB_STMT("SELECT id FROM user_formulas WHERE user_id = ? AND kind = ?"
				       " ORDER BY position, id FOR UPDATE");
static db_stmt q_formula_pos =
	DB_STMT("UPDATE user_formulas SET position = ? WHERE id = ? AND user_id = ?");

static const char *const formula_kinds[] = { "politesse", "signature", NULL };

static const field identity_fields[] = {
	{ .name = "display_name", .type = F_LINE, .required = 1, .min = 1, .max = 120 },
	{ .name = "email", .type = F_EMAIL, .required = 1 },
	{ 0 },
};

static const field password_fields[] = {
	{ .name = "current", .type = F_PASSWORD, .required = 1, .max = PW_MAX_CHARS },
	{ .name = "new", .type = F_PASSWORD, .required = 1, .max = PW_MAX_CHARS },
	{ .name = "confirm", .type = F_PASSWORD, .required = 1, .max = PW_MAX_CHARS },
	{ 0 },
};

static const field formula_add_fields[] = {
	{ .name = "kind", .type = F_ENUM, .required = 1, .values = formula_kinds },
	{ .name = "text", .type = F_TEXT, .required = 1, .min = 1, .max = FORMULA_MAX_CHARS },
	{ 0 },
};

static const field formula_edit_fields[] = {
	{ .name = "text", .type = F_TEXT, .required = 1, .min = 1, .max = FORMULA_MAX_CHARS },
	{ 0 },
};

/* Marks field name invalid with msg (a static string). */
static void field_fail(request *r, const char *name, const char *msg)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fv[i].f->name, name)) {
			if (!r->fv[i].error)
				r->invalid++;
			r->fv[i].error = msg;
		}
}

/* Data source: <profile> (the user's row) and <formulas>. */
static int ds_profile(request *r)
{
	long long uid = r->auth->user_id;

	if (db_xml_one(&q_me, DB_ARGS(A_INT(uid)), req_data(r, "profile")) < 0)
		return SPP_EDB;
	if (db_xml(&q_formulas, DB_ARGS(A_INT(uid)), req_data(r, "formulas"), "formula") < 0)
		return SPP_EDB;
	return SPP_OK;
}

/*
 * Re-renders the profile with the posted form's values and messages under
 * <form target="target">. Password fields are never echoed back.
 */
static int rerender(request *r, const char *target, int status)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fv[i].f->type == F_PASSWORD)
			r->fv[i].raw = NULL;
	if (ds_profile(r) != SPP_OK)
		return 503;
	x_attr(req_form_xml(r, r->root), "target", target);
	r->sheet = "profile";
	r->no_store = 1;
	return status;
}

/* The formula id of the path (/agent/profil/formules/ID…), 0 when malformed. */
static long long path_id(request *r)
{
	long long id = 0;

	if (r->nargs < 1 || val_int(r->args[0], 1, 4294967295LL, &id))
		return 0;
	return id;
}

static int h_profile(request *r)
{
	r->no_store = 1;
	return ds_profile(r) == SPP_OK ? 200 : 503;
}

struct identity {
	arena *a;
	char *name, *email;
};

static int identity_row(void *p, int n, const char *const *names, const char *const *v,
			const unsigned long *lens)
{
	struct identity *id = p;

	(void)names;
	(void)lens;
	if (n >= 2) {
		id->name = arena_strdup(id->a, v[0] ? v[0] : "");
		id->email = arena_strdup(id->a, v[1] ? v[1] : "");
	}
	return 1;
}

static int h_identity(request *r)
{
	long long uid = r->auth->user_id;
	const char *name = req_str(r, "display_name"), *email = req_str(r, "email");
	struct identity old = { .a = r->a };
	char detail[64] = "";

	if (r->invalid)
		return rerender(r, "identity", 200);
	if (db_begin() != SPP_OK ||
	    db_query(&q_identity, DB_ARGS(A_INT(uid)), identity_row, &old) < 0)
		return 503;
	if (!old.name || !old.email)
		return 404;
	if (strcmp(old.name, name))
		strcat(detail, "display_name");
	if (strcmp(old.email, email))
		strcat(detail, detail[0] ? ",email" : "email");
	if (!detail[0]) {
		db_rollback();
		return req_redirect(r, "/agent/profil?ok=identite");
	}
	if (db_exec(&q_identity_set, DB_ARGS(A_STR(name), A_STR(email), A_INT(uid)), NULL, NULL) ||
	    audit(r, uid, "profile_update", "user", uid, detail) || db_commit())
		return 503;
	return req_redirect(r, "/agent/profil?ok=identite");
}

static int h_password(request *r)
{
	long long uid = r->auth->user_id;
	const char *cur = req_str(r, "current"), *nw = req_str(r, "new"),
		   *cf = req_str(r, "confirm");
	char *hash = NULL, newhash[PW_HASH_MAX];
	const char *msg;

	if (nw && (msg = password_policy(nw, r->auth->username)))
		field_fail(r, "new", msg);
	if (nw && cf && strcmp(nw, cf))
		field_fail(r, "confirm", "Les deux mots de passe saisis ne sont pas identiques.");
	if (r->invalid)
		return rerender(r, "password", 200);
	if (db_str(&q_hash, DB_ARGS(A_INT(uid)), r->a, &hash) < 0)
		return 503;
	if (!hash || !password_verify(hash, cur)) {
		field_fail(r, "current", "Le mot de passe actuel est incorrect.");
		if (db_begin() || audit(r, uid, "password_change_failed", "user", uid, NULL) ||
		    db_commit())
			return 503;
		return rerender(r, "password", 200);
	}
	if (password_hash(nw, newhash))
		return 503;
	if (db_begin() || db_exec(&q_hash_set, DB_ARGS(A_STR(newhash), A_INT(uid)), NULL, NULL) ||
	    db_exec(&q_other_sessions_end, DB_ARGS(A_INT(uid), A_INT(r->auth->session_id)), NULL,
		    NULL) ||
	    audit(r, uid, "password_changed", "user", uid, NULL) || db_commit()) {
		sodium_memzero(newhash, sizeof newhash);
		return 503;
	}
	sodium_memzero(newhash, sizeof newhash);
	return req_redirect(r, "/agent/profil?ok=mot-de-passe");
}

static int h_formula_add(request *r)
{
	long long uid = r->auth->user_id, n;
	const char *kind = req_str(r, "kind"), *text = req_str(r, "text");
	uint64_t id = 0;

	if (r->invalid)
		return rerender(
			r, kind && !strcmp(kind, "signature") ? "add-signature" : "add-politesse",
			200);
	if (db_begin() || db_int(&q_formula_count, DB_ARGS(A_INT(uid), A_STR(kind)), 0, &n) < 0)
		return 503;
	if (n >= FORMULAS_MAX_PER_KIND) {
		field_fail(r, "text",
			   "Vous avez atteint le nombre maximal de formules de ce type.");
		return rerender(r, !strcmp(kind, "signature") ? "add-signature" : "add-politesse",
				200);
	}
	if (db_exec(&q_formula_add,
		    DB_ARGS(A_INT(uid), A_STR(kind), A_STR(text), A_INT(uid), A_STR(kind)), NULL,
		    &id) ||
	    audit(r, uid, "formula_add", "user_formula", (long long)id, kind) || db_commit())
		return 503;
	return req_redirect(r, !strcmp(kind, "signature") ? "/agent/profil?ok=formule#signatures" :
							    "/agent/profil?ok=formule#politesse");
}

/* Locks formula id of the user and copies its kind; 0 when it is not theirs. */
static int formula_kind(request *r, long long id, char **kind)
{
	int rc = db_str(&q_formula_kind, DB_ARGS(A_INT(id), A_INT(r->auth->user_id)), r->a, kind);

	return rc < 0 ? rc : *kind != NULL;
}

static int h_formula_edit(request *r)
{
	long long uid = r->auth->user_id, id = path_id(r);
	char *kind = NULL;
	int rc;

	if (!id)
		return 404;
	if (r->invalid) {
		if (db_str(&q_formula_kind, DB_ARGS(A_INT(id), A_INT(uid)), r->a, &kind) < 0)
			return 503;
		if (!kind)
			return 404;
		return rerender(r, arena_printf(r->a, "edit-%lld", id), 200);
	}
	if (db_begin() || (rc = formula_kind(r, id, &kind)) < 0)
		return 503;
	if (!rc)
		return 404;
	if (db_exec(&q_formula_set, DB_ARGS(A_STR(req_str(r, "text")), A_INT(id), A_INT(uid)), NULL,
		    NULL) ||
	    audit(r, uid, "formula_edit", "user_formula", id, kind) || db_commit())
		return 503;
	return req_redirect(r, !strcmp(kind, "signature") ? "/agent/profil?ok=formule#signatures" :
							    "/agent/profil?ok=formule#politesse");
}

static int h_formula_delete(request *r)
{
	long long uid = r->auth->user_id, id = path_id(r);
	char *kind = NULL;
	int rc;

	if (!id)
		return 404;
	if (db_begin() || (rc = formula_kind(r, id, &kind)) < 0)
		return 503;
	if (!rc)
		return 404;
	if (db_exec(&q_formula_del, DB_ARGS(A_INT(id), A_INT(uid)), NULL, NULL) ||
	    audit(r, uid, "formula_delete", "user_formula", id, kind) || db_commit())
		return 503;
	return req_redirect(r, !strcmp(kind, "signature") ?
				       "/agent/profil?ok=suppression#signatures" :
				       "/agent/profil?ok=suppression#politesse");
}

struct id_list {
	long long ids[FORMULAS_MAX_LOAD];
	int n;
};

static int id_row(void *p, int n, const char *const *names, const char *const *v,
		  const unsigned long *lens)
{
	struct id_list *l = p;
	long long id;

	(void)names;
	(void)lens;
	if (n > 0 && v[0] && l->n < FORMULAS_MAX_LOAD && !val_int(v[0], 1, 4294967295LL, &id))
		l->ids[l->n++] = id;
	return 0;
}

/* Moves formula (path id) one place up (dir = -1) or down (+1) in its list,
 * then numbers the whole list 1..n so positions stay dense. */
static int formula_move(request *r, int dir)
{
	long long uid = r->auth->user_id, id = path_id(r);
	struct id_list *l = arena_zalloc(r->a, sizeof *l);
	char *kind = NULL;
	int rc, at = -1;

	if (!id)
		return 404;
	if (!l)
		return 500;
	if (db_begin() || (rc = formula_kind(r, id, &kind)) < 0)
		return 503;
	if (!rc)
		return 404;
	if (db_query(&q_formula_ids, DB_ARGS(A_INT(uid), A_STR(kind)), id_row, l) < 0)
		return 503;
	for (int i = 0; i < l->n; i++)
		if (l->ids[i] == id)
			at = i;
	if (at < 0)
		return 404;
	if (at + dir >= 0 && at + dir < l->n) {
		long long t = l->ids[at + dir];
		l->ids[at + dir] = id;
		l->ids[at] = t;
		for (int i = 0; i < l->n; i++)
			if (db_exec(&q_formula_pos,
				    DB_ARGS(A_INT(i + 1), A_INT(l->ids[i]), A_INT(uid)), NULL,
				    NULL))
				return 503;
		if (audit(r, uid, dir < 0 ? "formula_move_up" : "formula_move_down", "user_formula",
			  id, kind) ||
		    db_commit())
			return 503;
	}
	return req_redirect(r, !strcmp(kind, "signature") ? "/agent/profil?ok=ordre#signatures" :
							    "/agent/profil?ok=ordre#politesse");
}

static int h_formula_up(request *r)
{
	return formula_move(r, -1);
}

static int h_formula_down(request *r)
{
	return formula_move(r, 1);
}

const route page_profile_routes[] = {
	{ "profile", M_GET, "/agent/profil", POOL_WEB, CAP_AGENT, CSRF_NONE, h_profile, "profile",
	  NULL, 0 },
	{ "profile-identity", M_POST, "/agent/profil", POOL_WEB, CAP_AGENT, CSRF_TOKEN, h_identity,
	  "profile", identity_fields, 0 },
	{ "profile-password", M_POST, "/agent/profil/mot-de-passe", POOL_WEB, CAP_AGENT, CSRF_TOKEN,
	  h_password, "profile", password_fields, 0 },
	{ "profile-formula-add", M_POST, "/agent/profil/formules", POOL_WEB, CAP_AGENT, CSRF_TOKEN,
	  h_formula_add, "profile", formula_add_fields, 0 },
	{ "profile-formula-edit", M_POST, "/agent/profil/formules/*", POOL_WEB, CAP_AGENT,
	  CSRF_TOKEN, h_formula_edit, "profile", formula_edit_fields, 0 },
	{ "profile-formula-up", M_POST, "/agent/profil/formules/*/monter", POOL_WEB, CAP_AGENT,
	  CSRF_TOKEN, h_formula_up, "profile", NULL, 0 },
	{ "profile-formula-down", M_POST, "/agent/profil/formules/*/descendre", POOL_WEB, CAP_AGENT,
	  CSRF_TOKEN, h_formula_down, "profile", NULL, 0 },
	{ "profile-formula-delete", M_POST, "/agent/profil/formules/*/supprimer", POOL_WEB,
	  CAP_AGENT, CSRF_TOKEN, h_formula_delete, "profile", NULL, 0 },
	{ 0 },
};
