/*
 * auth.h — who is this and what may they do here. Loaded once per request by
 * the dispatcher before any handler runs.
 *
 * Sessions: the cookie (__Host-spplus, or spplus_sid over plain http in
 * development) holds a random 128-bit token; the sessions table holds only
 * its BLAKE2b-256 hash. 30 minutes idle, 12 hours at most.
 * CSRF: every POST must come from our own origin and carry the session's
 * token in the field `csrf` (anonymous forms: the double-submit cookie
 * __Host-spplus_csrf / spplus_csrf, see auth_anon_csrf).
 */
#ifndef SPP_AUTH_H
#define SPP_AUTH_H

#include "request.h"

#define AUTH_TOKEN_LEN	    22 /* base64url of 16 random bytes (sessions, CSRF) */
#define AUTH_LINK_TOKEN_LEN 43 /* base64url of 32 random bytes (password links) */
#define AUTH_HASH_LEN	    32 /* BLAKE2b-256 of a token */

#define AUTH_IDLE_MINUTES 30
#define AUTH_MAX_HOURS	  12

/* Every capability bit (administrateur). */
#define CAP_ALL                                                                                 \
	(CAP_AGENT | CAP_ANSWER | CAP_PUBLISH | CAP_VALIDATE | CAP_DASHBOARD | CAP_DIAGNOSTIC | \
	 CAP_NETWORK | CAP_MANAGE_AGENTS | CAP_MODERATE | CAP_ADMIN)

/* One membership of the user (structure_id 0 for platform-wide roles). */
struct auth_membership {
	long long structure_id;
	const char *structure_name; /* "" when platform-wide */
	const char *code_sp;	    /* "" when platform-wide */
	const char *role;	    /* enum value of memberships.role */
};

struct auth {
	long long user_id;
	long long session_id;
	const char *username;
	const char *display_name;
	const char *email;
	unsigned caps;	  /* union of enum cap over the memberships */
	const char *csrf; /* the session's CSRF token */
	int nmemberships;
	struct auth_membership *memberships; /* arena array */
};

/*
 * Record-level check: 1 when the user may act with every bit of `caps` on
 * structure_id — through a membership on that structure, on an ancestor
 * when the role covers descendants ("super" roles), on any structure of
 * the same network for a référent, or platform-wide for administrators
 * (and modérateurs for CAP_MODERATE). 0 otherwise; SPP_EDB on failure.
 */
int auth_structure_allowed(request *r, long long structure_id, unsigned caps);

/* Reads the session cookie; sets r->auth (NULL for anonymous) and
 * r->csrf_token. Returns SPP_OK or SPP_EDB. */
int auth_load(request *r);
/* 1 when a POST passes the route's CSRF level (same origin + token). */
int auth_csrf_ok(request *r);
/*
 * Adds <user><id/><username/><display-name/><email/><cap>…</cap>…
 * <membership><structure-id/><structure-name/><code-sp/><role/></membership>…
 * </user> to params (nothing for anonymous visitors).
 */
void auth_params_xml(request *r, xmlNodePtr params);

/*
 * The CSRF token to put in a form: the session's for an agent, else the
 * anonymous double-submit cookie's (created and sent with Set-Cookie when
 * absent). Sets r->csrf_token (so the page is never cached) and adds
 * <csrf> to params when missing. Returns an arena string (never NULL
 * unless memory ran out).
 */
const char *auth_anon_csrf(request *r);

/* The capabilities one role grants (0 for an unknown role name). */
unsigned auth_role_caps(const char *role);
/* 1 when role is platform-wide (moderateur, administrateur). */
int auth_role_platform(const char *role);

/*
 * Starts a session for user_id after a successful login: a new token
 * (any previous session of this browser is ended), the row, the cookie,
 * users.last_login_at. Runs in the caller's transaction. Returns SPP_OK
 * or SPP_EDB.
 */
int auth_session_start(request *r, long long user_id);
/* Ends every session of user_id (logout, deactivation, new password). */
int auth_sessions_end(long long user_id);
/* Sends the Set-Cookie that removes the session cookie. */
void auth_cookie_clear(request *r);

/*
 * Creates a password link for user_id (purpose "reset" or "welcome"),
 * superseding every older unused one, and queues the French mail that
 * carries it to the user's address. base_url prefixes the link. Runs in
 * the caller's transaction (commit it). Returns SPP_OK, SPP_ENOTFOUND
 * (no such active user) or SPP_EDB.
 */
int auth_password_link(const char *base_url, long long user_id, const char *purpose);

/* The routes of page_login.c (login, logout, password links, /agent). */
extern const route page_login_routes[];

/* Random token of `bytes` bytes as base64url into out (size ≥ 2*bytes). */
void auth_random_token(char *out, size_t outlen, size_t bytes);
/* BLAKE2b-256 of token into out[AUTH_HASH_LEN]. */
void auth_token_hash(const char *token, unsigned char *out);
/* 1 when s is exactly len characters of base64url. */
int auth_token_valid(const char *s, size_t len);

#endif
