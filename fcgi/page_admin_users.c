/*
 * page_admin_users.c — agents' accounts: the list (filter by structure,
 * role, search), creation (first membership + the first-login mail),
 * memberships granted and removed, deactivation and reactivation.
 *
 * Rights: an administrator manages everyone and every role; a référent
 * the agents of their network and every structure role in it; a super
 * agent the agents of the structures below theirs (roles other than
 * référent). Platform-wide roles (modérateur, administrateur) are for
 * administrators only. A user the manager does not manage gets 403.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_admin.h"
#include "page_util.h"
#include "structure.h"
#include "xml.h"

#define AGENTS_PER_PAGE 25

static const char *const roles[] = {
	"agent",	  "repondant",
	"super_agent",	  "super_repondant",
	"evaluateur",	  "super_evaluateur",
	"referent",	  "moderateur",
	"administrateur", NULL,
};

/* One page of the users the manager manages, with their memberships:
 * one row per (user, membership), users in username order. */
static db_stmt q_list = DB_STMT(
	"SELECT u.id, u.username, u.display_name, u.email, u.active,"
	" DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i') AS last_login_at,"
	" m.id AS membership_id, m.role, s.code_sp, s.name AS structure_name"
	" FROM (SELECT u.* FROM users u WHERE " ADM_USER_SCOPE_SQL
	" AND (? = 0 OR EXISTS (SELECT 1 FROM memberships f WHERE f.user_id = u.id AND f.structure_id = ?))"
	" AND (? IS NULL OR EXISTS (SELECT 1 FROM memberships g WHERE g.user_id = u.id AND g.role = ?))"
	" AND (? IS NULL OR u.username LIKE ? OR u.email LIKE ? OR u.display_name LIKE ?)"
	" ORDER BY u.username LIMIT ? OFFSET ?) u"
	" LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN structures s ON s.id = m.structure_id"
	" ORDER BY u.username, s.name, m.role");
static db_stmt q_count = DB_STMT(
	"SELECT COUNT(*) FROM users u WHERE " ADM_USER_SCOPE_SQL
	" AND (? = 0 OR EXISTS (SELECT 1 FROM memberships f WHERE f.user_id = u.id AND f.structure_id = ?))"
	" AND (? IS NULL OR EXISTS (SELECT 1 FROM memberships g WHERE g.user_id = u.id AND g.role = ?))"
	" AND (? IS NULL OR u.username LIKE ? OR u.email LIKE ? OR u.display_name LIKE ?)");
static db_stmt q_in_scope =
	DB_STMT("SELECT COUNT(*) FROM users u WHERE u.id = ? AND " ADM_USER_SCOPE_SQL);
static db_stmt q_user =
	DB_STMT("SELECT id, username, display_name, email, active,"
		" DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at,"
		" DATE_FORMAT(last_login_at, '%Y-%m-%d %H:%i') AS last_login_at,"
		" password_hash IS NOT NULL AS has_password FROM users WHERE id = ?");
static db_stmt q_memberships = DB_STMT(
	"SELECT m.id, m.role, m.structure_id, s.code_sp, s.name AS structure_name, n.short_name AS network"
	" FROM memberships m LEFT JOIN structures s ON s.id = m.structure_id"
	" LEFT JOIN networks n ON n.id = s.network_id WHERE m.user_id = ? ORDER BY s.name, m.role");
static db_stmt q_membership_one = DB_STMT(
	"SELECT role, COALESCE(structure_id, 0) FROM memberships WHERE id = ? AND user_id = ? FOR UPDATE");
static db_stmt q_user_insert =
	DB_STMT("INSERT INTO users (username, email, display_name) VALUES (?, ?, ?)");
static db_stmt q_membership_insert =
	DB_STMT("INSERT INTO memberships (user_id, structure_id, role) VALUES (?, ?, ?)");
static db_stmt q_membership_delete =
	DB_STMT("DELETE FROM memberships WHERE id = ? AND user_id = ?");
static db_stmt q_user_lock = DB_STMT("SELECT active FROM users WHERE id = ? FOR UPDATE");
static db_stmt q_user_active = DB_STMT("UPDATE users SET active = ? WHERE id = ?");
static db_stmt q_user_memberships =
	DB_STMT("SELECT role, COALESCE(structure_id, 0) FROM memberships WHERE user_id = ?");
static db_stmt q_structure_code = DB_STMT("SELECT id FROM structures WHERE code_sp = ?");

static const field list_fields[] = {
	{ .name = "structure", .type = F_LINE, .max = 20 },
	{ .name = "role", .type = F_ENUM, .values = roles },
	{ .name = "q", .type = F_LINE, .max = 100 },
	{ .name = "page", .type = F_INT, .min = 1, .max = 100000 },
	{ 0 },
};

static const field create_fields[] = {
	{ .name = "username", .type = F_LINE, .required = 1, .min = 3, .max = 64 },
	{ .name = "email", .type = F_EMAIL, .required = 1 },
	{ .name = "display_name", .type = F_LINE, .required = 1, .min = 1, .max = 120 },
	{ .name = "structure", .type = F_LINE, .max = 20 },
	{ .name = "role", .type = F_ENUM, .required = 1, .values = roles },
	{ 0 },
};

static const field grant_fields[] = {
	{ .name = "structure", .type = F_LINE, .max = 20 },
	{ .name = "role", .type = F_ENUM, .required = 1, .values = roles },
	{ 0 },
};

static const field revoke_fields[] = {
	{ .name = "membership", .type = F_INT, .required = 1, .min = 1, .max = 4294967295LL },
	{ 0 },
};

/* Builds <agents><agent>…<membership>…</membership></agent>…</agents>. */
struct list_ctx {
	xmlNodePtr list, cur;
	long long cur_id;
};

static int list_row(void *p, int n, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	struct list_ctx *c = p;
	long long id = 0;

	(void)lens;
	if (n < 10 || !v[0] || val_int(v[0], 1, 4294967295LL, &id))
		return 0;
	if (!c->cur || id != c->cur_id) {
		c->cur = x_el(c->list, "agent");
		c->cur_id = id;
		for (int i = 0; i < 6; i++)
			if (v[i])
				x_text(c->cur, names[i], v[i]);
	}
	if (v[6]) {
		xmlNodePtr m = x_el(c->cur, "membership");
		for (int i = 6; i < 10; i++)
			if (v[i])
				x_text(m, names[i], v[i]);
	}
	return 0;
}

/*
 * May the user grant or remove `role` on structure_id (0 = platform-wide)?
 * Returns 1, 0 or SPP_EDB.
 */
static int may_manage_role(request *r, const char *role, long long structure_id)
{
	if (adm_is_admin(r))
		return 1;
	if (!role || auth_role_platform(role) || !structure_id)
		return 0;
	if (!strcmp(role, "referent"))
		return auth_structure_allowed(r, structure_id, CAP_NETWORK);
	return auth_structure_allowed(r, structure_id, CAP_MANAGE_AGENTS);
}

/* 200 when the user manages user uid, else the status to return. */
static int check_user(request *r, long long uid)
{
	long long n;

	if (db_int(&q_in_scope, DB_ARGS(A_INT(uid), ADM_SCOPE_ARGS(r)), 0, &n) < 0)
		return 503;
	return n ? 200 : 403;
}

static int h_list(request *r)
{
	const char *code = req_str(r, "structure"), *q = req_str(r, "q"), *role = NULL;
	const char *like = NULL;
	long long page = req_int(r, "page", 1), sid = 0, total;
	struct list_ctx c = { 0 };

	r->no_store = 1;
	x_attr(req_form_xml(r, r->root), "target", "filters");
	if (r->invalid)
		return 200;
	if (req_str(r, "role"))
		role = roles[req_int(r, "role", 0)];
	if (q)
		like = adm_like(r->a, q);
	if (code) {
		int f = structure_by_code(code, &sid, NULL);
		if (f < 0)
			return 503;
		if (!f) {
			x_text(r->root, "notice", "Aucune structure ne porte ce code SP+.");
			return 200;
		}
	}
	if (db_int(&q_count,
		   DB_ARGS(ADM_SCOPE_ARGS(r), A_INT(sid), A_INT(sid), A_STR(role), A_STR(role),
			   A_STR(like), A_STR(like), A_STR(like), A_STR(like)),
		   0, &total) < 0)
		return 503;
	c.list = req_data(r, "agents");
	if (db_query(&q_list,
		     DB_ARGS(ADM_SCOPE_ARGS(r), A_INT(sid), A_INT(sid), A_STR(role), A_STR(role),
			     A_STR(like), A_STR(like), A_STR(like), A_STR(like),
			     A_INT(AGENTS_PER_PAGE), A_INT((page - 1) * AGENTS_PER_PAGE)),
		     list_row, &c) < 0)
		return 503;
	page_pagination(r->root, page, AGENTS_PER_PAGE, total);
	return 200;
}

static int h_new(request *r)
{
	r->no_store = 1;
	return 200;
}

/* 1 when a username is made of letters, digits and . _ - @ only. */
static int username_ok(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-' || *s == '@'))
			return 0;
	return 1;
}

/*
 * Resolves the posted structure code and role into *sid and checks the
 * user's right to grant it; marks the form fields on failure. Returns
 * SPP_OK (see r->invalid), or the HTTP status 503.
 */
static int read_grant(request *r, long long *sid, const char **role)
{
	const char *code = req_str(r, "structure");
	int f;

	*sid = 0;
	*role = req_str(r, "role") ? roles[req_int(r, "role", 0)] : NULL;
	if (!*role)
		return SPP_OK;
	if (auth_role_platform(*role)) {
		if (code)
			adm_field_fail(
				r, "structure",
				"Ce rôle vaut pour toute la plateforme : laissez la structure vide.");
	} else if (!code) {
		adm_field_fail(r, "structure", "Indiquez le code SP+ de la structure.");
	} else {
		if (db_int(&q_structure_code, DB_ARGS(A_STR(code)), 0, sid) < 0)
			return 503;
		if (!*sid)
			adm_field_fail(r, "structure", "Aucune structure ne porte ce code SP+.");
	}
	if (r->invalid)
		return SPP_OK;
	if ((f = may_manage_role(r, *role, *sid)) < 0)
		return 503;
	if (!f)
		adm_field_fail(r, "role",
			       "Vous ne pouvez pas attribuer ce rôle sur cette structure.");
	return SPP_OK;
}

static int h_create(request *r)
{
	const char *username = req_str(r, "username"), *role;
	long long sid;
	uint64_t uid = 0;
	int rc;

	if (username && !username_ok(username))
		adm_field_fail(
			r, "username",
			"Le nom d'utilisateur ne contient que des lettres sans accent, des chiffres et les caractères . _ - @");
	if ((rc = read_grant(r, &sid, &role)) != SPP_OK)
		return rc;
	if (r->invalid)
		return adm_rerender(r, "admin-agent-form", "agent-new");
	if (db_begin())
		return 503;
	rc = db_exec(&q_user_insert,
		     DB_ARGS(A_STR(username), A_STR(req_str(r, "email")),
			     A_STR(req_str(r, "display_name"))),
		     NULL, &uid);
	if (rc == SPP_ECONFLICT) {
		db_rollback();
		adm_field_fail(r, "username", "Ce nom d'utilisateur est déjà pris.");
		return adm_rerender(r, "admin-agent-form", "agent-new");
	}
	if (rc ||
	    db_exec(&q_membership_insert,
		    DB_ARGS(A_INT((long long)uid), sid ? A_INT(sid) : A_NULL, A_STR(role)), NULL,
		    NULL) ||
	    auth_password_link(r->cfg->base_url, (long long)uid, "welcome") ||
	    audit(r, 0, "user_created", "user", (long long)uid, username) ||
	    audit(r, 0, "role_granted", "user", (long long)uid,
		  arena_printf(r->a, "%s sur %s", role,
			       sid ? req_str(r, "structure") : "la plateforme")) ||
	    db_commit())
		return 503;
	return req_redirect(
		r, arena_printf(r->a, "/agent/admin/agents/%llu?ok=cree", (unsigned long long)uid));
}

/* Data sources of the agent page: <agent> and <memberships>. 1, 0, SPP_EDB. */
static int ds_agent(request *r, long long uid)
{
	int rc = db_xml_one(&q_user, DB_ARGS(A_INT(uid)), req_data(r, "agent"));

	if (rc <= 0)
		return rc;
	if (db_xml(&q_memberships, DB_ARGS(A_INT(uid)), req_data(r, "memberships"), "membership") <
	    0)
		return SPP_EDB;
	return 1;
}

static int h_agent(request *r)
{
	long long uid = adm_path_id(r, 0);
	int st;

	r->no_store = 1;
	if (!uid)
		return 404;
	if ((st = check_user(r, uid)) != 200)
		return st;
	st = ds_agent(r, uid);
	return st < 0 ? 503 : st ? 200 : 404;
}

static int h_grant(request *r)
{
	long long uid = adm_path_id(r, 0), sid;
	const char *role;
	int st;

	if (!uid)
		return 404;
	if ((st = check_user(r, uid)) != 200)
		return st;
	if ((st = read_grant(r, &sid, &role)) != SPP_OK)
		return st;
	if (r->invalid) {
		if (ds_agent(r, uid) < 0)
			return 503;
		return adm_rerender(r, "admin-agent", "grant");
	}
	if (db_begin())
		return 503;
	st = db_exec(&q_membership_insert,
		     DB_ARGS(A_INT(uid), sid ? A_INT(sid) : A_NULL, A_STR(role)), NULL, NULL);
	if (st == SPP_ECONFLICT) {
		db_rollback();
		return req_redirect(r,
				    arena_printf(r->a, "/agent/admin/agents/%lld?ok=existe", uid));
	}
	if (st ||
	    audit(r, 0, "role_granted", "user", uid,
		  arena_printf(r->a, "%s sur %s", role,
			       sid ? req_str(r, "structure") : "la plateforme")) ||
	    db_commit())
		return 503;
	return req_redirect(r, arena_printf(r->a, "/agent/admin/agents/%lld?ok=ajoute", uid));
}

struct membership {
	arena *a;
	char *role;
	long long structure_id;
	int found;
};

static int membership_row(void *p, int n, const char *const *names, const char *const *v,
			  const unsigned long *lens)
{
	struct membership *m = p;

	(void)names;
	(void)lens;
	if (n >= 2 && v[0] && v[1]) {
		m->role = arena_strdup(m->a, v[0]);
		val_int(v[1], 0, 4294967295LL, &m->structure_id);
		m->found = 1;
	}
	return 1;
}

static int h_revoke(request *r)
{
	long long uid = adm_path_id(r, 0), mid = req_int(r, "membership", 0);
	struct membership m = { .a = r->a };
	int st;

	if (!uid || !mid)
		return uid ? 400 : 404;
	if ((st = check_user(r, uid)) != 200)
		return st;
	if (db_begin() ||
	    db_query(&q_membership_one, DB_ARGS(A_INT(mid), A_INT(uid)), membership_row, &m) < 0)
		return 503;
	if (!m.found)
		return 404;
	if ((st = may_manage_role(r, m.role, m.structure_id)) < 0)
		return 503;
	if (!st)
		return 403;
	if (uid == r->auth->user_id && !strcmp(m.role, "administrateur"))
		return 403; /* an administrator never locks themselves out */
	if (db_exec(&q_membership_delete, DB_ARGS(A_INT(mid), A_INT(uid)), NULL, NULL) ||
	    audit(r, 0, "role_revoked", "user", uid,
		  arena_printf(r->a, "%s sur la structure %lld", m.role, m.structure_id)) ||
	    db_commit())
		return 503;
	return req_redirect(r, arena_printf(r->a, "/agent/admin/agents/%lld?ok=retire", uid));
}

#define MEMBERSHIPS_MAX 256

/* Every membership of a user, copied before they are checked one by one
 * (each check runs a query of its own). */
struct all_ctx {
	arena *a;
	char *role[MEMBERSHIPS_MAX];
	long long sid[MEMBERSHIPS_MAX];
	int n, overflow;
};

static int all_row(void *p, int n, const char *const *names, const char *const *v,
		   const unsigned long *lens)
{
	struct all_ctx *c = p;

	(void)names;
	(void)lens;
	if (n < 2 || !v[0] || !v[1])
		return 0;
	if (c->n >= MEMBERSHIPS_MAX) {
		c->overflow = 1;
		return 1;
	}
	c->role[c->n] = arena_strdup(c->a, v[0]);
	c->sid[c->n] = 0;
	val_int(v[1], 0, 4294967295LL, &c->sid[c->n]);
	c->n++;
	return 0;
}

/*
 * 1 when the manager manages every membership of uid (someone who also
 * belongs to structures the manager does not manage can only be
 * deactivated by an administrator), 0 if not, SPP_EDB.
 */
static int may_manage_all(request *r, long long uid)
{
	struct all_ctx *c;

	if (adm_is_admin(r))
		return 1;
	c = arena_zalloc(r->a, sizeof *c);
	if (!c)
		return SPP_ENOMEM;
	c->a = r->a;
	if (db_query(&q_user_memberships, DB_ARGS(A_INT(uid)), all_row, c) < 0)
		return SPP_EDB;
	if (c->overflow)
		return 0;
	for (int i = 0; i < c->n; i++) {
		int f = may_manage_role(r, c->role[i], c->sid[i]);
		if (f <= 0)
			return f;
	}
	return 1;
}

/* Deactivates (active = 0, every session ended) or reactivates user uid. */
static int set_active(request *r, int active)
{
	long long uid = adm_path_id(r, 0), cur;
	int st;

	if (!uid)
		return 404;
	if ((st = check_user(r, uid)) != 200)
		return st;
	if (uid == r->auth->user_id)
		return 403; /* one does not deactivate oneself */
	if ((st = may_manage_all(r, uid)) < 0)
		return 503;
	if (!st)
		return 403;
	if (db_begin() || db_int(&q_user_lock, DB_ARGS(A_INT(uid)), -1, &cur) < 0)
		return 503;
	if (cur < 0)
		return 404;
	if (cur != active) {
		if (db_exec(&q_user_active, DB_ARGS(A_INT(active), A_INT(uid)), NULL, NULL) ||
		    (!active && auth_sessions_end(uid)) ||
		    audit(r, 0, active ? "user_activated" : "user_deactivated", "user", uid,
			  NULL) ||
		    db_commit())
			return 503;
	}
	return req_redirect(r, arena_printf(r->a, "/agent/admin/agents/%lld?ok=%s", uid,
					    active ? "reactive" : "desactive"));
}

static int h_deactivate(request *r)
{
	return set_active(r, 0);
}

static int h_reactivate(request *r)
{
	return set_active(r, 1);
}

const route page_admin_users_routes[] = {
	{ "admin-agents", M_GET, "/agent/admin/agents", POOL_WEB, CAP_MANAGE_AGENTS, CSRF_NONE,
	  h_list, "admin-agents", list_fields, 0 },
	{ "admin-agent-new", M_GET, "/agent/admin/agents/nouveau", POOL_WEB, CAP_MANAGE_AGENTS,
	  CSRF_NONE, h_new, "admin-agent-form", NULL, 0 },
	{ "admin-agent-create", M_POST, "/agent/admin/agents/nouveau", POOL_WEB, CAP_MANAGE_AGENTS,
	  CSRF_TOKEN, h_create, "admin-agent-form", create_fields, 0 },
	{ "admin-agent", M_GET, "/agent/admin/agents/*", POOL_WEB, CAP_MANAGE_AGENTS, CSRF_NONE,
	  h_agent, "admin-agent", NULL, 0 },
	{ "admin-agent-grant", M_POST, "/agent/admin/agents/*/habilitations", POOL_WEB,
	  CAP_MANAGE_AGENTS, CSRF_TOKEN, h_grant, "admin-agent", grant_fields, 0 },
	{ "admin-agent-revoke", M_POST, "/agent/admin/agents/*/habilitations/retirer", POOL_WEB,
	  CAP_MANAGE_AGENTS, CSRF_TOKEN, h_revoke, "admin-agent", revoke_fields, 0 },
	{ "admin-agent-deactivate", M_POST, "/agent/admin/agents/*/desactiver", POOL_WEB,
	  CAP_MANAGE_AGENTS, CSRF_TOKEN, h_deactivate, "admin-agent", NULL, 0 },
	{ "admin-agent-reactivate", M_POST, "/agent/admin/agents/*/reactiver", POOL_WEB,
	  CAP_MANAGE_AGENTS, CSRF_TOKEN, h_reactivate, "admin-agent", NULL, 0 },
	{ 0 },
};
