/*
 * page_login.c — the way into the agents' space: «Connexion à l'espace
 * agents», logout, «Réinitialiser votre mot de passe» (request a link by
 * mail, then choose a password through it) and the agents' home.
 *
 * Throttling of logins, by the username typed and the client's address
 * (table login_attempts, last hour):
 *   - a (username, IP) pair with 3 failures waits 5 s, then 10 s, 20 s …
 *     at most 15 min between attempts; a success from that pair clears it;
 *   - an IP with 30 failures (any usernames) waits the same way;
 *   - an account with 10 failures (any IPs) waits the same way, and with
 *     100 passwords evaluated in the hour is refused — but only from IPs
 *     that failed recently: a login from an address without failures is
 *     always evaluated, so an attacker cannot lock a real agent out.
 * A refused attempt is not evaluated and not counted (429).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "password.h"
#include "request.h"
#include "xml.h"

#define MSG_BAD_LOGIN  "Nom d'utilisateur ou mot de passe incorrect."
#define LINKS_PER_HOUR 5

static db_stmt q_user_login =
	DB_STMT("SELECT id, password_hash, active FROM users WHERE username = ?");
static db_stmt q_rehash = DB_STMT("UPDATE users SET password_hash = ? WHERE id = ?");
static db_stmt q_fail_pair =
	DB_STMT("SELECT COUNT(*), IFNULL(TIMESTAMPDIFF(SECOND, MAX(at), UTC_TIMESTAMP(3)), 0)"
		" FROM login_attempts WHERE username = ? AND ip = ? AND success = 0"
		" AND at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static db_stmt q_fail_ip =
	DB_STMT("SELECT COUNT(*), IFNULL(TIMESTAMPDIFF(SECOND, MAX(at), UTC_TIMESTAMP(3)), 0)"
		" FROM login_attempts WHERE ip = ? AND success = 0"
		" AND at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static db_stmt q_fail_user =
	DB_STMT("SELECT COUNT(*), IFNULL(TIMESTAMPDIFF(SECOND, MAX(at), UTC_TIMESTAMP(3)), 0)"
		" FROM login_attempts WHERE username = ? AND success = 0"
		" AND at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static db_stmt q_eval_user = DB_STMT("SELECT COUNT(*), 0 FROM login_attempts WHERE username = ?"
				     " AND at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static db_stmt q_attempt = DB_STMT(
	"INSERT INTO login_attempts (username, ip, success) VALUES (LEFT(?, 64), LEFT(?, 45), ?)");
static db_stmt q_attempts_clear =
	DB_STMT("DELETE FROM login_attempts WHERE username = ? AND ip = ? AND success = 0");
static db_stmt q_attempts_purge =
	DB_STMT("DELETE FROM login_attempts WHERE at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 500");
static db_stmt q_users_by_email =
	DB_STMT("SELECT id FROM users WHERE email = ? AND active = 1 ORDER BY id LIMIT 5");
static db_stmt q_recent_links = DB_STMT("SELECT COUNT(*) FROM password_tokens WHERE user_id = ?"
					" AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR");
static db_stmt q_token =
	DB_STMT("SELECT t.id, t.user_id, u.username, t.purpose FROM password_tokens t"
		" JOIN users u ON u.id = t.user_id"
		" WHERE t.token_hash = ? AND t.used_at IS NULL AND t.superseded_at IS NULL"
		" AND t.expires_at > UTC_TIMESTAMP() AND u.active = 1");
static db_stmt q_token_lock =
	DB_STMT("SELECT t.id FROM password_tokens t JOIN users u ON u.id = t.user_id"
		" WHERE t.id = ? AND t.used_at IS NULL AND t.superseded_at IS NULL"
		" AND t.expires_at > UTC_TIMESTAMP() AND u.active = 1 FOR UPDATE");
static db_stmt q_token_use =
	DB_STMT("UPDATE password_tokens SET used_at = UTC_TIMESTAMP() WHERE id = ?");
static db_stmt q_tokens_supersede =
	DB_STMT("UPDATE password_tokens SET superseded_at = UTC_TIMESTAMP()"
		" WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL");
static db_stmt q_set_password = DB_STMT(
	"UPDATE users SET password_hash = ?, password_changed_at = UTC_TIMESTAMP() WHERE id = ?");

static const field login_get_fields[] = {
	{ .name = "retour", .type = F_LINE, .max = 500 },
	{ .name = "deconnecte", .type = F_BOOL },
	{ .name = "nouveau", .type = F_BOOL },
	{ 0 },
};

static const field login_fields[] = {
	{ .name = "username", .type = F_LINE, .required = 1, .min = 1, .max = 64 },
	{ .name = "password", .type = F_PASSWORD, .required = 1, .min = 1, .max = PW_MAX_CHARS },
	{ .name = "retour", .type = F_LINE, .max = 500 },
	{ 0 },
};

static const field reset_request_fields[] = {
	{ .name = "email", .type = F_EMAIL, .required = 1 },
	{ 0 },
};

static const field reset_fields[] = {
	{ .name = "password", .type = F_PASSWORD, .required = 1, .min = 1, .max = PW_MAX_CHARS },
	{ .name = "confirmation",
	  .type = F_PASSWORD,
	  .required = 1,
	  .min = 1,
	  .max = PW_MAX_CHARS },
	{ 0 },
};

/* ---------------------------------------------------------------------
 * Helpers
 */

/* The page's form: the declared fields with what was typed (never a
 * password) and their messages. */
static xmlNodePtr form_xml(request *r, xmlNodePtr parent)
{
	xmlNodePtr form = req_form_xml(r, parent);

	for (xmlNodePtr f = form->children; f; f = f->next) {
		xmlChar *name = xmlGetProp(f, (const xmlChar *)"name");
		if (name && (!xmlStrcmp(name, (const xmlChar *)"password") ||
			     !xmlStrcmp(name, (const xmlChar *)"confirmation")))
			xmlNodeSetContent(f, (const xmlChar *)"");
		xmlFree(name);
	}
	return form;
}

/* Sets the message of field `name` in a form built by form_xml. */
static void form_error(xmlNodePtr form, const char *name, const char *msg)
{
	for (xmlNodePtr f = form->children; f; f = f->next) {
		xmlChar *n = xmlGetProp(f, (const xmlChar *)"name");
		int hit = n && !xmlStrcmp(n, (const xmlChar *)name);
		xmlFree(n);
		if (hit) {
			xmlSetProp(f, (const xmlChar *)"error", (const xmlChar *)msg);
			return;
		}
	}
}

static void message(xmlNodePtr parent, const char *kind, const char *text)
{
	x_attr(x_text(parent, "message", text), "kind", kind);
}

/* The return address after login, when it is one of our agent pages. */
static const char *safe_retour(const char *s)
{
	if (!s || strncmp(s, "/agent", 6) || (s[6] != '\0' && s[6] != '/' && s[6] != '?'))
		return NULL;
	if (strstr(s, "//") || strstr(s, "..") || !strncmp(s, "/agent/connexion", 16) ||
	    !strncmp(s, "/agent/deconnexion", 18))
		return NULL;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("/-_.~?=&%+", c)))
			return NULL;
	}
	return s;
}

struct count {
	long long n, age;
};

static int count_row(void *p, int n, const char *const *names, const char *const *v,
		     const unsigned long *lens)
{
	struct count *c = p;

	(void)names;
	(void)lens;
	c->n = n > 0 && v[0] ? strtoll(v[0], NULL, 10) : 0;
	c->age = n > 1 && v[1] ? strtoll(v[1], NULL, 10) : 0;
	return 1;
}

/* Seconds between attempts after n failures: none below `free_n`, then
 * 5 s doubling with each failure, at most 15 minutes. */
static long long backoff(long long n, long long free_n)
{
	long long k = n - free_n;

	if (k < 0)
		return 0;
	if (k > 8)
		return 900;
	return (5LL << k) > 900 ? 900 : (5LL << k);
}

/*
 * How long this attempt must wait: 0 = evaluate it now, > 0 seconds to
 * wait, -1 refused for the hour, SPP_EDB (< -1) on failure.
 */
static long long throttle(const char *username, const char *ip)
{
	struct count pair = { 0 }, byip = { 0 }, user = { 0 }, evals = { 0 };
	long long wait = 0, w;

	if (db_query(&q_fail_pair, DB_ARGS(A_STR(username), A_STR(ip)), count_row, &pair) < 0 ||
	    db_query(&q_fail_ip, DB_ARGS(A_STR(ip)), count_row, &byip) < 0)
		return SPP_EDB;
	w = backoff(pair.n, 3) - pair.age;
	if (w > wait)
		wait = w;
	w = backoff(byip.n, 30) - byip.age;
	if (w > wait)
		wait = w;
	if (byip.n == 0)
		return wait; /* a clean address is always evaluated */
	if (db_query(&q_fail_user, DB_ARGS(A_STR(username)), count_row, &user) < 0 ||
	    db_query(&q_eval_user, DB_ARGS(A_STR(username)), count_row, &evals) < 0)
		return SPP_EDB;
	if (evals.n >= 100)
		return -1;
	w = backoff(user.n, 10) - user.age;
	if (w > wait)
		wait = w;
	return wait;
}

struct login_user {
	long long id;
	int active;
	char hash[PW_HASH_MAX];
};

static int login_user_row(void *p, int n, const char *const *names, const char *const *v,
			  const unsigned long *lens)
{
	struct login_user *u = p;

	(void)names;
	(void)lens;
	if (n < 3)
		return 1;
	u->id = strtoll(v[0], NULL, 10);
	snprintf(u->hash, sizeof u->hash, "%s", v[1] ? v[1] : "");
	u->active = v[2] && v[2][0] == '1';
	return 1;
}

/* ---------------------------------------------------------------------
 * «Connexion à l'espace agents»
 */

static int h_login_form(request *r)
{
	const char *retour = safe_retour(req_str(r, "retour"));
	xmlNodePtr page;

	if (r->auth)
		return req_redirect(r, retour ? retour : "/agent");
	auth_anon_csrf(r);
	page = req_data(r, "login");
	if (retour)
		x_text(page, "retour", retour);
	if (req_int(r, "deconnecte", 0))
		message(page, "info", "Vous êtes déconnecté.");
	if (req_int(r, "nouveau", 0))
		message(page, "success",
			"Votre mot de passe a été enregistré. Vous pouvez maintenant vous connecter.");
	form_xml(r, page);
	return 200;
}

static int h_login(request *r)
{
	const char *username = req_str(r, "username");
	const char *password = req_str(r, "password");
	const char *retour = safe_retour(req_str(r, "retour"));
	const char *ip = r->remote_addr ? r->remote_addr : "";
	struct login_user u = { 0 };
	xmlNodePtr page;
	long long wait;
	int rc, ok;

	auth_anon_csrf(r);
	page = req_data(r, "login");
	if (retour)
		x_text(page, "retour", retour);
	if (r->invalid || !username || !password) {
		form_xml(r, page);
		return 200;
	}
	wait = throttle(username, ip);
	if (wait < -1)
		return 503;
	if (wait != 0) {
		req_header(r, "Retry-After", wait > 0 ? arena_printf(r->a, "%lld", wait) : "3600");
		if (db_begin() == SPP_OK) {
			audit(r, 0, "login_throttled", NULL, 0, NULL);
			db_commit();
		}
		if (wait < 0)
			message(page, "error",
				"Trop de tentatives de connexion pour ce compte. Réessayez dans une heure "
				"ou utilisez « Réinitialiser votre mot de passe ».");
		else
			message(page, "error",
				arena_printf(r->a,
					     "Trop de tentatives de connexion. Patientez %lld %s, "
					     "puis réessayez.",
					     wait > 90 ? (wait + 59) / 60 : wait,
					     wait > 90 ? "minutes" : "secondes"));
		form_xml(r, page);
		r->sheet = "login"; /* the form again, with status 429 */
		return 429;
	}
	rc = db_query(&q_user_login, DB_ARGS(A_STR(username)), login_user_row, &u);
	if (rc < 0)
		return 503;
	if (rc > 0 && u.active && u.hash[0])
		ok = password_verify(u.hash, password);
	else {
		password_verify_dummy(password);
		ok = 0;
	}
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&q_attempts_purge, DB_NOARGS, NULL, NULL) != SPP_OK ||
	    db_exec(&q_attempt, DB_ARGS(A_STR(username), A_STR(ip), A_INT(ok)), NULL, NULL) !=
		    SPP_OK)
		return 503;
	if (!ok) {
		if (audit(r, u.id, "login_failed", u.id ? "user" : NULL, u.id,
			  u.id ? NULL : "unknown username") != SPP_OK ||
		    db_commit() != SPP_OK)
			return 503;
		message(page, "error", MSG_BAD_LOGIN);
		form_xml(r, page);
		return 200;
	}
	if (password_needs_rehash(u.hash)) {
		char fresh[PW_HASH_MAX];
		if (password_hash(password, fresh) == 0 &&
		    db_exec(&q_rehash, DB_ARGS(A_STR(fresh), A_INT(u.id)), NULL, NULL) != SPP_OK)
			return 503;
	}
	if (db_exec(&q_attempts_clear, DB_ARGS(A_STR(username), A_STR(ip)), NULL, NULL) != SPP_OK ||
	    auth_session_start(r, u.id) != SPP_OK ||
	    audit(r, u.id, "login", "user", u.id, NULL) != SPP_OK || db_commit() != SPP_OK)
		return 503;
	return req_redirect(r, retour ? retour : "/agent");
}

static int h_logout(request *r)
{
	if (r->auth) {
		if (db_begin() != SPP_OK)
			return 503;
		if (auth_sessions_end(r->auth->user_id) != SPP_OK ||
		    audit(r, r->auth->user_id, "logout", "user", r->auth->user_id, NULL) !=
			    SPP_OK ||
		    db_commit() != SPP_OK)
			return 503;
	}
	auth_cookie_clear(r);
	return req_redirect(r, "/agent/connexion?deconnecte=1");
}

/* ---------------------------------------------------------------------
 * «Réinitialiser votre mot de passe»
 */

static int h_reset_request_form(request *r)
{
	auth_anon_csrf(r);
	form_xml(r, req_data(r, "reset-request"));
	return 200;
}

static int h_reset_request(request *r)
{
	const char *email = req_str(r, "email");
	xmlNodePtr page;
	long long ids[5]; /* accounts sharing one address: a handful at most */
	int n;

	page = req_data(r, "reset-request");
	if (r->invalid || !email) {
		auth_anon_csrf(r);
		form_xml(r, page);
		return 200;
	}
	n = db_ints(&q_users_by_email, DB_ARGS(A_STR(email)), ids, 5);
	if (n < 0)
		return 503;
	if (db_begin() != SPP_OK)
		return 503;
	for (int i = 0; i < n; i++) {
		long long recent = 0;
		if (db_int(&q_recent_links, DB_ARGS(A_INT(ids[i])), 0, &recent) < 0)
			return 503;
		if (recent >= LINKS_PER_HOUR)
			continue; /* quietly: no mail bombing through this form */
		int rc = auth_password_link(r->cfg->base_url, ids[i], "reset");
		if (rc == SPP_ENOTFOUND)
			continue;
		if (rc != SPP_OK ||
		    audit(r, ids[i], "reset_requested", "user", ids[i], NULL) != SPP_OK)
			return 503;
	}
	if (db_commit() != SPP_OK)
		return 503;
	x_el(page, "sent");
	return 200;
}

struct token_row {
	long long id, user_id;
	char username[80];
	char purpose[16];
};

static int token_row_fn(void *p, int n, const char *const *names, const char *const *v,
			const unsigned long *lens)
{
	struct token_row *t = p;

	(void)names;
	(void)lens;
	if (n < 4)
		return 1;
	t->id = strtoll(v[0], NULL, 10);
	t->user_id = strtoll(v[1], NULL, 10);
	snprintf(t->username, sizeof t->username, "%s", v[2] ? v[2] : "");
	snprintf(t->purpose, sizeof t->purpose, "%s", v[3] ? v[3] : "");
	return 1;
}

/* Looks up the link's token (r->args[0]): 1 valid, 0 not, SPP_EDB. */
static int find_token(request *r, struct token_row *t)
{
	unsigned char hash[AUTH_HASH_LEN];
	int rc;

	if (r->nargs < 1 || !auth_token_valid(r->args[0], AUTH_LINK_TOKEN_LEN))
		return 0;
	auth_token_hash(r->args[0], hash);
	rc = db_query(&q_token, DB_ARGS(A_BLOB((const char *)hash, sizeof hash)), token_row_fn, t);
	return rc < 0 ? SPP_EDB : rc > 0;
}

static int h_reset_form(request *r)
{
	struct token_row t = { 0 };
	xmlNodePtr page = req_data(r, "reset");
	int rc = find_token(r, &t);

	r->no_store = 1;
	if (rc < 0)
		return 503;
	if (!rc) {
		x_el(page, "invalid");
		return 200;
	}
	auth_anon_csrf(r);
	x_text(page, "username", t.username);
	x_text(page, "purpose", t.purpose);
	form_xml(r, page);
	return 200;
}

static int h_reset(request *r)
{
	struct token_row t = { 0 };
	xmlNodePtr page = req_data(r, "reset"), form;
	const char *pw = req_str(r, "password"), *pw2 = req_str(r, "confirmation");
	const char *err = NULL;
	char hash[PW_HASH_MAX];
	long long locked = 0;
	int rc = find_token(r, &t);

	r->no_store = 1;
	if (rc < 0)
		return 503;
	if (!rc) {
		x_el(page, "invalid");
		return 200;
	}
	x_text(page, "username", t.username);
	x_text(page, "purpose", t.purpose);
	if (pw)
		err = password_policy(pw, t.username);
	if (r->invalid || err || (pw && pw2 && strcmp(pw, pw2))) {
		auth_anon_csrf(r);
		form = form_xml(r, page);
		if (err)
			form_error(form, "password", err);
		else if (pw && pw2 && strcmp(pw, pw2))
			form_error(form, "confirmation",
				   "Les deux mots de passe ne sont pas identiques.");
		return 200;
	}
	if (password_hash(pw, hash) != 0)
		return 503;
	if (db_begin() != SPP_OK)
		return 503;
	rc = db_int(&q_token_lock, DB_ARGS(A_INT(t.id)), 0, &locked);
	if (rc < 0)
		return 503;
	if (rc == 0) {
		/* used or superseded meanwhile */
		db_rollback();
		x_el(page, "invalid");
		return 200;
	}
	if (db_exec(&q_set_password, DB_ARGS(A_STR(hash), A_INT(t.user_id)), NULL, NULL) !=
		    SPP_OK ||
	    db_exec(&q_token_use, DB_ARGS(A_INT(t.id)), NULL, NULL) != SPP_OK ||
	    db_exec(&q_tokens_supersede, DB_ARGS(A_INT(t.user_id)), NULL, NULL) != SPP_OK ||
	    auth_sessions_end(t.user_id) != SPP_OK ||
	    audit(r, t.user_id, "password_changed", "user", t.user_id,
		  !strcmp(t.purpose, "welcome") ? "first password (welcome link)" : "reset link") !=
		    SPP_OK ||
	    db_commit() != SPP_OK)
		return 503;
	sodium_memzero(hash, sizeof hash);
	auth_cookie_clear(r);
	return req_redirect(r, "/agent/connexion?nouveau=1");
}

/* ---------------------------------------------------------------------
 * «Espace agents»
 */

static int h_agent_home(request *r)
{
	req_data(r, "agent-home");
	return 200;
}

const route page_login_routes[] = {
	{ "login", M_GET, "/agent/connexion", POOL_WEB, 0, CSRF_NONE, h_login_form, "login",
	  login_get_fields, 0 },
	{ "login", M_POST, "/agent/connexion", POOL_WEB, 0, CSRF_TOKEN, h_login, "login",
	  login_fields, 0 },
	{ "logout", M_POST, "/agent/deconnexion", POOL_WEB, 0, CSRF_TOKEN, h_logout, NULL, NULL,
	  0 },
	{ "reset-request", M_GET, "/agent/mot-de-passe-oublie", POOL_WEB, 0, CSRF_NONE,
	  h_reset_request_form, "reset-request", NULL, 0 },
	{ "reset-request", M_POST, "/agent/mot-de-passe-oublie", POOL_WEB, 0, CSRF_TOKEN,
	  h_reset_request, "reset-request", reset_request_fields, 0 },
	{ "reset", M_GET, "/agent/mot-de-passe/*", POOL_WEB, 0, CSRF_NONE, h_reset_form, "reset",
	  NULL, 0 },
	{ "reset", M_POST, "/agent/mot-de-passe/*", POOL_WEB, 0, CSRF_TOKEN, h_reset, "reset",
	  reset_fields, 0 },
	{ "agent-home", M_GET, "/agent", POOL_WEB, CAP_AGENT, CSRF_NONE, h_agent_home, "agent-home",
	  NULL, 0 },
	/* NGINX's "location ^~ /agent/" answers /agent with a 301 to /agent/ */
	{ "agent-home", M_GET, "/agent/", POOL_WEB, CAP_AGENT, CSRF_NONE, h_agent_home,
	  "agent-home", NULL, 0 },
	{ 0 },
};
