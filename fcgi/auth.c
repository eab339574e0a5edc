/*
 * auth.c — sessions and capabilities. Until agent accounts exist every
 * visitor is anonymous; CSRF is checked by origin.
 */
#include <string.h>

#include "auth.h"
#include "xml.h"

int auth_load(request *r)
{
	r->auth = NULL;
	return SPP_OK;
}

/* Same origin: Origin (or else Referer) must name our own base URL. */
static int same_origin(request *r)
{
	const char *base = r->cfg->base_url;
	size_t n = strlen(base);
	const char *o = r->origin ? r->origin : r->referer;

	if (!o)
		return 0;
	return !strncmp(o, base, n) && (o[n] == '\0' || o[n] == '/');
}

int auth_csrf_ok(request *r)
{
	return same_origin(r);
}

void auth_params_xml(request *r, xmlNodePtr params)
{
	xmlNodePtr u;

	if (!r->auth)
		return;
	u = x_el(params, "user");
	x_text(u, "username", r->auth->username);
	x_text(u, "display-name", r->auth->display_name);
}
