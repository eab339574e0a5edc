/*
 * request.c — helpers that handlers use to read validated input and shape
 * their answer.
 */
#include <string.h>

#include "request.h"
#include "xml.h"

const fieldval *req_field(const request *r, const char *name)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fv[i].f->name, name))
			return &r->fv[i];
	return NULL;
}

long long req_int(const request *r, const char *name, long long def)
{
	const fieldval *v = req_field(r, name);

	return v && v->present && !v->error ? v->i : def;
}

int req_debug_xml(const request *r)
{
	const char *d;

	return r->cfg->dev && (d = kv_get(&r->query, "debug")) && !strcmp(d, "xml");
}

const char *req_str(const request *r, const char *name)
{
	const fieldval *v = req_field(r, name);

	return v && v->present && !v->error ? v->s : NULL;
}

void req_header(request *r, const char *name, const char *value)
{
	char *k = arena_strdup(r->a, name);
	char *v = arena_strdup(r->a, value);

	if (!k || !v)
		return;
	/* header values never carry line breaks */
	for (char *p = v; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	kv_add(r->a, &r->out_headers, k, v, strlen(v));
}

int req_redirect(request *r, const char *location)
{
	/* only local paths: an open redirect is never built from input */
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	r->location = arena_strdup(r->a, location);
	return 303;
}

xmlNodePtr req_data(request *r, const char *name)
{
	return x_el(r->root, name);
}

xmlNodePtr req_form_xml(request *r, xmlNodePtr parent)
{
	xmlNodePtr form = x_el(parent, "form");

	x_attr_int(form, "invalid", r->invalid);
	for (int i = 0; i < r->nfields; i++) {
		const fieldval *v = &r->fv[i];
		xmlNodePtr f = x_text(form, "field", v->raw ? v->raw : "");
		x_attr(f, "name", v->f->name);
		if (v->error)
			x_attr(f, "error", v->error);
	}
	return form;
}
