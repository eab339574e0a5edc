/*
 * request.h — one HTTP request as the handlers see it, the route table's
 * row type, and the helpers handlers use to answer.
 *
 * The dispatcher (route.c) does every pre-check before a handler runs:
 * method (405), body size (413), body parsing (400), session and
 * capability (redirect to login / 403), CSRF (403), field validation.
 * A handler is business logic only: it adds data to r->root and returns
 * an HTTP status. 2xx renders r->doc with the route's stylesheet (or sends
 * r->body_out as is when r->raw); 3xx redirects to r->location; 4xx/5xx
 * render the site's error page.
 */
#ifndef SPP_REQUEST_H
#define SPP_REQUEST_H

#include <libxml/tree.h>
#include "spp.h"
#include "config.h"
#include "http.h"
#include "validate.h"

enum http_method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

enum csrf_level {
	CSRF_NONE = 0,   /* GET/HEAD only routes */
	CSRF_TOKEN = 1,  /* POST: same origin and the form's token must match */
};

/* Capabilities, computed once per request from the user's memberships. */
enum cap {
	CAP_AGENT = 1u << 0,          /* any logged-in agent */
	CAP_ANSWER = 1u << 1,         /* draft and submit answers */
	CAP_PUBLISH = 1u << 2,        /* publish answers directly */
	CAP_VALIDATE = 1u << 3,       /* validate others' answers (super agent/répondant) */
	CAP_DASHBOARD = 1u << 4,
	CAP_DIAGNOSTIC = 1u << 5,
	CAP_NETWORK = 1u << 6,        /* référent: tags métiers, imports, consolidated */
	CAP_MANAGE_AGENTS = 1u << 7,  /* agents, tracking links */
	CAP_MODERATE = 1u << 8,
	CAP_ADMIN = 1u << 9,
	CAP_LOCAL = 1u << 30,         /* only from the local machine (status page) */
};

typedef struct request request;
typedef int (*handler_fn)(request *r);

typedef struct route {
	const char *name;       /* stable id, given to XSLT as params/route */
	unsigned methods;       /* M_GET|M_HEAD|M_POST; HEAD is implied by GET */
	const char *pattern;    /* e.g. /actualites/STAR: a '*' matches one non-empty segment */
	enum pool_id pool;      /* the pool that must serve it */
	unsigned caps;          /* every bit required; 0 = public */
	int csrf;               /* enum csrf_level, for POST */
	handler_fn handler;
	const char *sheet;      /* stylesheet name, NULL for raw output */
	const field *fields;    /* validated before the handler (query for GET, body for POST) */
	int cacheable;          /* anonymous GET output may be cached by the front end */
} route;

struct auth;                /* session and user, see auth.h */

struct request {
	arena *a;
	const config *cfg;
	void *fcgi;               /* FCGX_Request * */
	enum pool_id pool;
	unsigned method;
	const char *method_name;
	const char *uri;          /* REQUEST_URI as sent */
	const char *path;         /* decoded path, no query */
	const char *query_string;
	const char *remote_addr, *host, *origin, *referer, *user_agent, *content_type;
	int https;
	size_t content_length;
	kvlist query, form, cookies;
	http_part *parts;
	const char *body;
	size_t body_len;

	const route *route;
	const char *args[4];      /* path segments matched by '*' */
	int nargs;
	fieldval *fv;             /* one per route->fields entry */
	int nfields;
	int invalid;              /* number of invalid fields */

	struct auth *auth;        /* NULL when anonymous */
	const char *csrf_token;   /* token to put in forms (set by auth) */

	/* response */
	int status;
	const char *location;
	const char *media_type;   /* of a raw body */
	kvlist out_headers;
	buf body_out;
	int raw;
	int no_store;             /* personal content: never cached anywhere */
	const char *sheet;        /* overrides route->sheet when set */
	xmlDocPtr doc;
	xmlNodePtr root;          /* <page> */
	xmlNodePtr params;        /* <page><params> */
	int64_t t0_ms;
};

/* The validated value of a declared field (NULL if not declared). */
const fieldval *req_field(const request *r, const char *name);
/* Shorthands: typed value when present and valid, else def. */
long long req_int(const request *r, const char *name, long long def);
const char *req_str(const request *r, const char *name);
/* 1 when the page is asked as its XML (?debug=xml, development only). */
int req_debug_xml(const request *r);  /* NULL when absent/invalid */

/* Adds a response header (copied). */
void req_header(request *r, const char *name, const char *value);
/* Sets a 303 redirect to location (a local path); returns 303. */
int req_redirect(request *r, const char *location);
/* Appends <name/> under <page>; handlers put their data there. */
xmlNodePtr req_data(request *r, const char *name);
/*
 * Appends <form> under parent with one <field name=".." error=".."> per
 * declared field holding what was typed, so a form re-renders with values
 * and messages. Returns the <form> node.
 */
xmlNodePtr req_form_xml(request *r, xmlNodePtr parent);

/* Route tables: each page family exports one, terminated by name == NULL. */
extern const route page_public_routes[];
extern const route page_system_routes[];
extern const route page_profile_routes[], page_admin_routes[], page_admin_structures_routes[], page_admin_users_routes[];
extern const route page_agent_experiences_routes[];
extern const route page_agent_experience_routes[];
extern const route page_actions_routes[];
extern const route page_tags_routes[];
extern const route page_experience_public_routes[], page_moderation_routes[];

/* Finds the route for path; sets *method_ok to 0 when the path exists but
 * not for this method (allow receives the Allow header value). */
const route *route_match(request *r, const char *path, int *method_ok, const char **allow);

/* Renders and sends the site's error page for status (4xx/5xx). */
void route_send_error(request *r, int status);

/* Runs the whole request (pre-checks, handler, rendering, output). */
void route_dispatch(request *r);

#endif
