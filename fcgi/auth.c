/*
 * auth.c — sessions, capabilities, CSRF and password links.
 *
 * A request carries at most one session cookie; auth_load turns it into
 * r->auth (user, capabilities, memberships) with two prepared queries, and
 * refreshes last_seen_at at most once a minute. Tokens come from
 * randombytes_buf and only their BLAKE2b-256 hashes reach the database;
 * tokens sent back by the browser are compared with sodium_memcmp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "db.h"
#include "mail.h"
#include "xml.h"

/* The session, its user and the user's memberships, one row per
 * membership (one row with NULL membership columns when there is none):
 * one round trip for every logged-in request. */
static db_stmt q_session =
	DB_STMT("SELECT s.id, s.user_id, s.csrf_token, u.username, u.display_name, u.email,"
		" s.last_seen_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE AS stale,"
		" m.role, IFNULL(m.structure_id, 0), IFNULL(ms.name, ''), IFNULL(ms.code_sp, '')"
		" FROM sessions s JOIN users u ON u.id = s.user_id"
		" LEFT JOIN memberships m ON m.user_id = s.user_id"
		" LEFT JOIN structures ms ON ms.id = m.structure_id"
		" WHERE s.token_hash = ? AND u.active = 1"
		" AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL 30 MINUTE"
		" AND s.created_at > UTC_TIMESTAMP() - INTERVAL 12 HOUR"
		" ORDER BY ms.name, m.structure_id, m.role");
static db_stmt q_session_touch =
	DB_STMT("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id = ?");
static db_stmt q_allowed =
	DB_STMT("SELECT m.role FROM memberships m"
		" JOIN structures s ON s.id = ?"
		" LEFT JOIN structures ms ON ms.id = m.structure_id"
		" WHERE m.user_id = ? AND (m.structure_id IS NULL OR m.structure_id = s.id"
		" OR (m.role IN ('super_agent','super_repondant','super_evaluateur')"
		" AND s.path LIKE CONCAT(ms.path, '%'))"
		" OR (m.role = 'referent' AND s.network_id = ms.network_id))");
static db_stmt q_session_new =
	DB_STMT("INSERT INTO sessions (token_hash, user_id, csrf_token, user_agent, ip)"
		" VALUES (?, ?, ?, LEFT(?, 255), LEFT(?, 45))");
static db_stmt q_session_drop = DB_STMT("DELETE FROM sessions WHERE id = ?");
static db_stmt q_sessions_purge =
	DB_STMT("DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL 30 MINUTE"
		" OR created_at < UTC_TIMESTAMP() - INTERVAL 12 HOUR LIMIT 500");
static db_stmt q_sessions_user = DB_STMT("DELETE FROM sessions WHERE user_id = ?");
static db_stmt q_last_login =
	DB_STMT("UPDATE users SET last_login_at = UTC_TIMESTAMP() WHERE id = ?");
static db_stmt q_link_user =
	DB_STMT("SELECT email, username, display_name FROM users WHERE id = ? AND active = 1");
static db_stmt q_link_supersede =
	DB_STMT("UPDATE password_tokens SET superseded_at = UTC_TIMESTAMP()"
		" WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL");
static db_stmt q_link_new =
	DB_STMT("INSERT INTO password_tokens (user_id, token_hash, purpose, expires_at)"
		" VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL 24 HOUR)");

/* sodium_init once per process. */
static void sodium_ready(void)
{
	static int done;

	if (!done && sodium_init() < 0)
		spp_log("auth: sodium_init failed");
	done = 1;
}

/* ---------------------------------------------------------------------
 * Tokens
 */

void auth_random_token(char *out, size_t outlen, size_t bytes)
{
	unsigned char raw[64];

	sodium_ready();
	if (bytes > sizeof raw)
		bytes = sizeof raw;
	randombytes_buf(raw, bytes);
	sodium_bin2base64(out, outlen, raw, bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void auth_token_hash(const char *token, unsigned char *out)
{
	sodium_ready();
	crypto_generichash(out, AUTH_HASH_LEN, (const unsigned char *)token, strlen(token), NULL,
			   0);
}

int auth_token_valid(const char *s, size_t len)
{
	size_t i;

	if (!s)
		return 0;
	for (i = 0; s[i]; i++) {
		char c = s[i];
		if (i >= len || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
				  (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return i == len;
}

/* 1 when the two tokens are equal (constant time for equal lengths). */
static int token_eq(const char *a, const char *b)
{
	size_t n;

	if (!a || !b)
		return 0;
	n = strlen(a);
	if (n == 0 || n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

/* ---------------------------------------------------------------------
 * Roles and capabilities
 */

static const struct {
	const char *role;
	unsigned caps;
	int platform;
} roles[] = {
	{ "agent", CAP_AGENT | CAP_ANSWER | CAP_PUBLISH | CAP_DASHBOARD | CAP_DIAGNOSTIC, 0 },
	{ "repondant", CAP_AGENT | CAP_ANSWER | CAP_DASHBOARD, 0 },
	{ "super_agent",
	  CAP_AGENT | CAP_ANSWER | CAP_PUBLISH | CAP_DASHBOARD | CAP_DIAGNOSTIC | CAP_VALIDATE |
		  CAP_MANAGE_AGENTS,
	  0 },
	{ "super_repondant", CAP_AGENT | CAP_ANSWER | CAP_PUBLISH | CAP_VALIDATE | CAP_DASHBOARD,
	  0 },
	{ "evaluateur", CAP_AGENT | CAP_DASHBOARD | CAP_DIAGNOSTIC, 0 },
	{ "super_evaluateur", CAP_AGENT | CAP_DASHBOARD | CAP_DIAGNOSTIC, 0 },
	{ "referent", CAP_AGENT | CAP_DASHBOARD | CAP_DIAGNOSTIC | CAP_NETWORK | CAP_MANAGE_AGENTS,
	  0 },
	{ "moderateur", CAP_AGENT | CAP_MODERATE, 1 },
	{ "administrateur", CAP_ALL, 1 },
};

unsigned auth_role_caps(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (!strcmp(roles[i].role, role))
			return roles[i].caps;
	return 0;
}

int auth_role_platform(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (!strcmp(roles[i].role, role))
			return roles[i].platform;
	return 0;
}

static const struct {
	unsigned cap;
	const char *name;
} cap_names[] = {
	{ CAP_AGENT, "agent" },		{ CAP_ANSWER, "answer" },
	{ CAP_PUBLISH, "publish" },	{ CAP_VALIDATE, "validate" },
	{ CAP_DASHBOARD, "dashboard" }, { CAP_DIAGNOSTIC, "diagnostic" },
	{ CAP_NETWORK, "network" },	{ CAP_MANAGE_AGENTS, "manage_agents" },
	{ CAP_MODERATE, "moderate" },	{ CAP_ADMIN, "admin" },
};

/* ---------------------------------------------------------------------
 * Cookies
 */

static const char *session_cookie(const request *r)
{
	return r->cfg->secure_cookies ? "__Host-spplus" : "spplus_sid";
}

static const char *csrf_cookie(const request *r)
{
	return r->cfg->secure_cookies ? "__Host-spplus_csrf" : "spplus_csrf";
}

/* Sends name=value with our flags; max_age < 0 makes a browser-session
 * cookie, 0 removes it. */
static void set_cookie(request *r, const char *name, const char *value, int max_age)
{
	char age[32] = "";

	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%d", max_age);
	req_header(r, "Set-Cookie",
		   arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value,
				r->cfg->secure_cookies ? "; Secure" : "", age));
}

void auth_cookie_clear(request *r)
{
	set_cookie(r, session_cookie(r), "", 0);
}

/* ---------------------------------------------------------------------
 * Loading the session
 */

struct load_ctx {
	request *r;
	struct auth *au;
	int stale;
	int cap_rows;
};

/* Columns 7.. of a q_session row: one more membership, and its capabilities. */
static int membership_add(struct load_ctx *c, const char *const *v)
{
	struct auth *au = c->au;
	arena *a = c->r->a;

	if (!v[0])
		return 0;
	if (au->nmemberships % 8 == 0) {
		struct auth_membership *nm =
			arena_alloc(a, sizeof *nm * (size_t)(au->nmemberships + 8));
		if (!nm)
			return 1;
		if (au->nmemberships)
			memcpy(nm, au->memberships, sizeof *nm * (size_t)au->nmemberships);
		au->memberships = nm;
	}
	struct auth_membership *m = &au->memberships[au->nmemberships++];
	m->role = arena_strdup(a, v[0]);
	m->structure_id = strtoll(v[1] ? v[1] : "0", NULL, 10);
	m->structure_name = arena_strdup(a, v[2] ? v[2] : "");
	m->code_sp = arena_strdup(a, v[3] ? v[3] : "");
	au->caps |= auth_role_caps(v[0]);
	return 0;
}

/* Row of q_session: the session (first row), then a membership. */
static int session_row(void *p, int n, const char *const *names, const char *const *v,
		       const unsigned long *lens)
{
	struct load_ctx *c = p;
	arena *a = c->r->a;

	(void)names;
	(void)lens;
	if (n < 11)
		return 1;
	if (!c->au->csrf) {
		c->au->session_id = strtoll(v[0], NULL, 10);
		c->au->user_id = strtoll(v[1], NULL, 10);
		c->au->csrf = arena_strdup(a, v[2]);
		c->au->username = arena_strdup(a, v[3] ? v[3] : "");
		c->au->display_name = arena_strdup(a, v[4] ? v[4] : "");
		c->au->email = arena_strdup(a, v[5] ? v[5] : "");
		c->stale = v[6] && v[6][0] == '1';
	}
	return membership_add(c, v + 7);
}

int auth_load(request *r)
{
	const char *tok = kv_get(&r->cookies, session_cookie(r));
	unsigned char hash[AUTH_HASH_LEN];
	struct load_ctx c = { .r = r };
	int rc;

	r->auth = NULL;
	r->csrf_token = NULL;
	if (!tok)
		return SPP_OK;
	if (!auth_token_valid(tok, AUTH_TOKEN_LEN)) {
		auth_cookie_clear(r);
		return SPP_OK;
	}
	c.au = arena_zalloc(r->a, sizeof *c.au);
	if (!c.au)
		return SPP_ENOMEM;
	auth_token_hash(tok, hash);
	rc = db_query(&q_session, DB_ARGS(A_BLOB((const char *)hash, sizeof hash)), session_row,
		      &c);
	if (rc < 0)
		return SPP_EDB;
	if (rc == 0 || !c.au->csrf) {
		/* expired, ended or unknown: forget it */
		auth_cookie_clear(r);
		return SPP_OK;
	}
	if (c.stale &&
	    db_exec(&q_session_touch, DB_ARGS(A_INT(c.au->session_id)), NULL, NULL) != SPP_OK)
		spp_log("auth: cannot refresh session %lld: %s", c.au->session_id, db_last_error());
	r->auth = c.au;
	r->csrf_token = c.au->csrf;
	return SPP_OK;
}

/* ---------------------------------------------------------------------
 * CSRF
 */

/* Same origin: Origin (or else Referer) must name our own base URL. */
static int same_origin(request *r)
{
	const char *base = r->cfg->base_url;
	size_t n = strlen(base);
	const char *o = r->origin ? r->origin : r->referer;

	while (n > 0 && base[n - 1] == '/')
		n--;
	if (!o || n == 0)
		return 0;
	return !strncmp(o, base, n) && (o[n] == '\0' || o[n] == '/');
}

int auth_csrf_ok(request *r)
{
	const char *sent = kv_get(&r->form, "csrf");
	int anonymous_route = r->route && !(r->route->caps & ~(unsigned)CAP_LOCAL);

	if (!same_origin(r))
		return 0;
	/* Logging out without a live session changes nothing: let it clear
	 * the cookie instead of answering 403 to an agent whose session
	 * expired while the page was open. */
	if (!r->auth && r->route && r->route->name && !strcmp(r->route->name, "logout"))
		return 1;
	if (!sent)
		return 0;
	if (r->auth && token_eq(sent, r->auth->csrf))
		return 1;
	/* public forms: the double-submit cookie (also for an agent whose
	 * form was rendered before logging in) */
	if (anonymous_route) {
		const char *c = kv_get(&r->cookies, csrf_cookie(r));
		if (auth_token_valid(c, AUTH_TOKEN_LEN) && token_eq(sent, c))
			return 1;
	}
	return 0;
}

const char *auth_anon_csrf(request *r)
{
	const char *tok;

	if (r->auth) {
		tok = r->auth->csrf;
	} else {
		tok = kv_get(&r->cookies, csrf_cookie(r));
		if (!auth_token_valid(tok, AUTH_TOKEN_LEN)) {
			char fresh[AUTH_TOKEN_LEN + 8];
			auth_random_token(fresh, sizeof fresh, 16);
			tok = arena_strdup(r->a, fresh);
			if (!tok)
				return NULL;
			set_cookie(r, csrf_cookie(r), tok, -1);
		}
	}
	r->csrf_token = tok;
	if (r->params) {
		int have = 0;
		for (xmlNodePtr n = r->params->children; n; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    !xmlStrcmp(n->name, (const xmlChar *)"csrf"))
				have = 1;
		if (!have)
			x_text(r->params, "csrf", tok);
	}
	return tok;
}

/* ---------------------------------------------------------------------
 * Page parameters
 */

void auth_params_xml(request *r, xmlNodePtr params)
{
	struct auth *au = r->auth;
	xmlNodePtr u;

	if (!au)
		return;
	u = x_el(params, "user");
	x_int(u, "id", au->user_id);
	x_text(u, "username", au->username);
	x_text(u, "display-name",
	       au->display_name && *au->display_name ? au->display_name : au->username);
	x_text(u, "email", au->email);
	for (size_t i = 0; i < sizeof cap_names / sizeof cap_names[0]; i++)
		if (au->caps & cap_names[i].cap)
			x_text(u, "cap", cap_names[i].name);
	for (int i = 0; i < au->nmemberships; i++) {
		const struct auth_membership *m = &au->memberships[i];
		xmlNodePtr e = x_el(u, "membership");
		if (m->structure_id)
			x_int(e, "structure-id", m->structure_id);
		x_text(e, "structure-name", m->structure_name);
		x_text(e, "code-sp", m->code_sp);
		x_text(e, "role", m->role);
	}
}

/* ---------------------------------------------------------------------
 * Record-level checks
 */

static int role_row(void *p, int n, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	unsigned *caps = p;

	(void)names;
	(void)lens;
	if (n > 0 && v[0])
		*caps |= auth_role_caps(v[0]);
	return 0;
}

int auth_structure_allowed(request *r, long long structure_id, unsigned caps)
{
	unsigned have = 0;

	caps &= ~(unsigned)CAP_LOCAL;
	if (!r->auth)
		return 0;
	if ((r->auth->caps & caps) != caps)
		return 0; /* no membership grants it anywhere */
	if (db_query(&q_allowed, DB_ARGS(A_INT(structure_id), A_INT(r->auth->user_id)), role_row,
		     &have) < 0)
		return SPP_EDB;
	return (have & caps) == caps;
}

/* ---------------------------------------------------------------------
 * Starting and ending sessions
 */

int auth_session_start(request *r, long long user_id)
{
	char tok[AUTH_TOKEN_LEN + 8], csrf[AUTH_TOKEN_LEN + 8];
	unsigned char hash[AUTH_HASH_LEN];
	uint64_t id = 0;

	auth_random_token(tok, sizeof tok, 16);
	auth_random_token(csrf, sizeof csrf, 16);
	auth_token_hash(tok, hash);
	if (r->auth && db_exec(&q_session_drop, DB_ARGS(A_INT(r->auth->session_id)), NULL, NULL))
		return SPP_EDB;
	if (db_exec(&q_sessions_purge, DB_NOARGS, NULL, NULL) != SPP_OK)
		return SPP_EDB;
	if (db_exec(&q_session_new,
		    DB_ARGS(A_BLOB((const char *)hash, sizeof hash), A_INT(user_id), A_STR(csrf),
			    A_STR(r->user_agent ? r->user_agent : ""),
			    A_STR(r->remote_addr ? r->remote_addr : "")),
		    NULL, &id) != SPP_OK)
		return SPP_EDB;
	if (db_exec(&q_last_login, DB_ARGS(A_INT(user_id)), NULL, NULL) != SPP_OK)
		return SPP_EDB;
	set_cookie(r, session_cookie(r), tok, -1);
	sodium_memzero(tok, sizeof tok);
	return SPP_OK;
}

int auth_sessions_end(long long user_id)
{
	return db_exec(&q_sessions_user, DB_ARGS(A_INT(user_id)), NULL, NULL);
}

/* ---------------------------------------------------------------------
 * Password links
 */

struct link_user {
	char email[256], username[80], name[160];
};

static int link_user_row(void *p, int n, const char *const *names, const char *const *v,
			 const unsigned long *lens)
{
	struct link_user *u = p;

	(void)names;
	(void)lens;
	if (n < 3)
		return 1;
	snprintf(u->email, sizeof u->email, "%s", v[0] ? v[0] : "");
	snprintf(u->username, sizeof u->username, "%s", v[1] ? v[1] : "");
	snprintf(u->name, sizeof u->name, "%s", v[2] && *v[2] ? v[2] : (v[1] ? v[1] : ""));
	return 1;
}

int auth_password_link(const char *base_url, long long user_id, const char *purpose)
{
	struct link_user u = { 0 };
	char tok[AUTH_LINK_TOKEN_LEN + 8], url[700], text[2400];
	unsigned char hash[AUTH_HASH_LEN];
	int welcome = !strcmp(purpose, "welcome");
	size_t blen = strlen(base_url);
	int rc;

	while (blen > 0 && base_url[blen - 1] == '/')
		blen--;
	rc = db_query(&q_link_user, DB_ARGS(A_INT(user_id)), link_user_row, &u);
	if (rc < 0)
		return SPP_EDB;
	if (rc == 0 || !u.email[0])
		return SPP_ENOTFOUND;
	auth_random_token(tok, sizeof tok, 32);
	auth_token_hash(tok, hash);
	if (db_exec(&q_link_supersede, DB_ARGS(A_INT(user_id)), NULL, NULL) != SPP_OK ||
	    db_exec(&q_link_new,
		    DB_ARGS(A_INT(user_id), A_BLOB((const char *)hash, sizeof hash),
			    A_STR(welcome ? "welcome" : "reset")),
		    NULL, NULL) != SPP_OK)
		return SPP_EDB;
	snprintf(url, sizeof url, "%.*s/agent/mot-de-passe/%s", (int)blen, base_url, tok);
	sodium_memzero(tok, sizeof tok);
	if (welcome)
		snprintf(
			text, sizeof text,
			"Bonjour %s,\n\n"
			"Un compte vient d'être créé pour vous dans l'espace « Agents connectés » "
			"de Services Publics+.\n\n"
			"Votre nom d'utilisateur : %s\n\n"
			"Pour choisir votre mot de passe, suivez ce lien :\n%s\n\n"
			"Attention, ce lien est valable 24 heures et ne peut servir qu'une fois. "
			"Passé ce délai, utilisez « Réinitialiser votre mot de passe » sur la page "
			"de connexion :\n%.*s/agent/connexion\n\n"
			"Astuce : ajoutez la page de connexion à vos favoris.\n\n"
			"L'équipe Services Publics+",
			u.name, u.username, url, (int)blen, base_url);
	else
		snprintf(text, sizeof text,
			 "Bonjour %s,\n\n"
			 "Vous avez demandé à réinitialiser le mot de passe de votre compte "
			 "Services Publics+ (nom d'utilisateur : %s).\n\n"
			 "Pour choisir un nouveau mot de passe, suivez ce lien :\n%s\n\n"
			 "Attention, ce lien est valable 24 heures et ne peut servir qu'une fois ; "
			 "il remplace tout lien envoyé précédemment.\n\n"
			 "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : "
			 "votre mot de passe actuel reste valable.\n\n"
			 "L'équipe Services Publics+",
			 u.name, u.username, url);
	sodium_memzero(url, sizeof url);
	rc = mail_queue(u.email,
			welcome ?
				"Bienvenue sur Services Publics+ : choisissez votre mot de passe" :
				"Réinitialisation de votre mot de passe Services Publics+",
			text, NULL);
	sodium_memzero(text, sizeof text);
	return rc;
}
