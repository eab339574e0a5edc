/*
 * auth.h — who is this and what may they do here. Loaded once per request by
 * the dispatcher before any handler runs.
 */
#ifndef SPP_AUTH_H
#define SPP_AUTH_H

#include "request.h"

struct auth {
	long long user_id;
	long long session_id;
	const char *username;
	const char *display_name;
	const char *email;
	unsigned caps;            /* union of enum cap over the memberships */
	const char *csrf;         /* the session's CSRF token */
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
/* Adds <user> (name, capabilities as <cap> elements) to params. */
void auth_params_xml(request *r, xmlNodePtr params);

#endif
