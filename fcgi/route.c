/*
 * route.c — the route table and the dispatcher. Every check that does not
 * depend on business rules happens here, before a handler runs.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "auth.h"
#include "db.h"
#include "page_util.h"
#include "render.h"
#include "request.h"
#include "response.h"
#include "xml.h"

/* Every route table, in match order. */
static const route *const tables[] = {
	page_public_routes,
	page_system_routes,
	page_profile_routes, page_admin_routes, page_admin_structures_routes, page_admin_users_routes,
	page_login_routes,
	page_agent_experiences_routes,
	page_agent_experience_routes,
	page_actions_routes,
	page_tags_routes,
	page_experience_public_routes, page_moderation_routes,
};

/* Matches one pattern; '*' takes one non-empty segment. */
static int pattern_match(const char *pat, const char *path, const char **args, int *nargs, arena *a)
{
	int n = 0;

	while (*pat && *path) {
		if (*pat == '*') {
			const char *seg = path;
			while (*path && *path != '/')
				path++;
			if (path == seg || n >= 4)
				return 0;
			if (args)
				args[n] = arena_strndup(a, seg, (size_t)(path - seg));
			n++;
			pat++;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	if (*pat || *path)
		return 0;
	if (nargs)
		*nargs = n;
	return 1;
}

static const char *method_list(arena *a, unsigned m)
{
	char tmp[64] = "";

	if (m & M_GET)
		strcat(tmp, "GET, HEAD");
	if (m & M_POST)
		strcat(tmp, tmp[0] ? ", POST" : "POST");
	return arena_strdup(a, tmp);
}

const route *route_match(request *r, const char *path, int *method_ok, const char **allow)
{
	unsigned m = r->method == M_HEAD ? M_GET : r->method;
	unsigned seen = 0;

	*method_ok = 1;
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		for (const route *rt = tables[t]; rt->name; rt++) {
			const char *args[4];
			int nargs = 0;
			if (!pattern_match(rt->pattern, path, args, &nargs, r->a))
				continue;
			seen |= rt->methods;
			if (rt->methods & m) {
				memcpy(r->args, args, sizeof args);
				r->nargs = nargs;
				return rt;
			}
		}
	}
	if (seen) {
		*method_ok = 0;
		*allow = method_list(r->a, seen);
	}
	return NULL;
}

static void free_doc(void *p)
{
	xmlFreeDoc(p);
}

/*
 * The header and the footer of every page come from the worker's fragment
 * cache (fragment.c, page_frag): <params><frag-layout><header frag="K"
 * [cached="1"]/><footer …/></frag-layout>, read by layout.xsl. The header
 * reads nothing but <params> (the route and path for the current menu
 * item; the user's name, capabilities and memberships, and the CSRF token
 * of the logout form), so its key is the stylesheet (some replace
 * main-nav) and a digest of every element and text of <params> in
 * document order, but <query>, which it never reads, and the CSRF token
 * of a page without a user (a visitor's token is not in the header: one
 * header then serves every visitor). The footer is the same on every page
 * of a stylesheet.
 */
static void layout_frags(request *r, const char *sheet)
{
	xmlNodePtr kept[16], f;
	int n = 0, user = 0;

	for (xmlNodePtr c = r->params->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "user"))
			user = 1;
	for (xmlNodePtr c = r->params->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE &&
		    (!strcmp((const char *)c->name, "query") ||
		     (!user && !strcmp((const char *)c->name, "csrf"))))
			continue;
		if (n == (int)(sizeof kept / sizeof *kept))
			return; /* more than <params> holds: no key, both are rendered */
		kept[n++] = c;
	}
	f = x_el(r->params, "frag-layout");
	page_frag_of(r, x_el(f, "header"), sheet, "header", kept, n, NULL);
	page_frag_of(r, x_el(f, "footer"), sheet, "footer", NULL, 0, NULL);
}

/* Starts r->doc with <page><params>…</params>. */
static int doc_start(request *r)
{
	char today[16], year[8];
	time_t now = time(NULL);
	struct tm tm;

	r->doc = xmlNewDoc((const xmlChar *)"1.0");
	if (!r->doc)
		return SPP_ENOMEM;
	arena_on_cleanup(r->a, free_doc, r->doc);
	r->root = xmlNewDocNode(r->doc, NULL, (const xmlChar *)"page", NULL);
	xmlDocSetRootElement(r->doc, r->root);
	r->params = x_el(r->root, "params");
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	strftime(year, sizeof year, "%Y", &tm);
	x_text(r->params, "route", r->route ? r->route->name : "error");
	x_text(r->params, "path", r->path ? r->path : "/");
	x_text(r->params, "method", r->method_name);
	x_text(r->params, "base-url", r->cfg->base_url);
	x_text(r->params, "today", today);
	x_text(r->params, "year", year);
	if (r->cfg->dev)
		x_text(r->params, "dev", "1");
	xmlNodePtr q = x_el(r->params, "query");
	for (kv *p = r->query.head; p; p = p->next) {
		xmlNodePtr e = x_textn(q, "param", p->val, p->len);
		x_attr(e, "name", p->key);
	}
	if (r->auth)
		auth_params_xml(r, r->params);
	if (r->csrf_token)
		x_text(r->params, "csrf", r->csrf_token);
	return SPP_OK;
}

static const struct {
	int status;
	const char *title;
	const char *message;
} error_texts[] = {
	{400, "Requête incorrecte",
	 "La requête envoyée n'a pas pu être comprise. Vérifiez l'adresse ou le formulaire, puis réessayez."},
	{403, "Accès refusé", "Vous n'avez pas les droits nécessaires pour accéder à cette page."},
	{404, "Page non trouvée",
	 "La page que vous cherchez est introuvable. Si vous avez tapé l'adresse dans le navigateur, "
	 "vérifiez qu'elle est correcte. La page n'est peut-être plus disponible."},
	{405, "Méthode non autorisée", "Cette page ne peut pas être appelée de cette façon."},
	{409, "Modification concurrente",
	 "Ces informations ont été modifiées par quelqu'un d'autre entre-temps. Rechargez la page."},
	{413, "Contenu trop volumineux",
	 "Le fichier ou le formulaire envoyé dépasse la taille autorisée. Réduisez-le, puis réessayez."},
	{415, "Format non pris en charge", "Le format des données envoyées n'est pas pris en charge."},
	{429, "Trop de tentatives", "Trop de tentatives en peu de temps. Patientez quelques minutes, puis réessayez."},
	{500, "Erreur inattendue",
	 "Une erreur inattendue est survenue. Nos équipes ont été prévenues. Réessayez dans quelques instants."},
	{503, "Service momentanément indisponible",
	 "Le service est momentanément indisponible. Merci de réessayer dans quelques instants."},
};

/* A last resort when even the error stylesheet cannot be applied. */
static const char fallback_html[] =
	"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Services Publics+</title>"
	"<link rel=\"stylesheet\" href=\"/static/dsfr/dsfr.min.css\"></head><body><main "
	"class=\"fr-container fr-my-6w\"><h1>Service momentanément indisponible</h1><p>Merci de "
	"réessayer dans quelques instants.</p><p><a href=\"/\">Page d'accueil</a></p></main></body></html>";

/* Renders the site's error page for status and sends it. */
void route_send_error(request *r, int status)
{
	buf out;
	const char *title = "Erreur", *message = "";
	const char *mt = NULL;

	db_rollback();
	r->status = status;
	r->raw = 0;
	if (status == 503)
		req_header(r, "Retry-After", "5");
	for (size_t i = 0; i < sizeof error_texts / sizeof error_texts[0]; i++)
		if (error_texts[i].status == status) {
			title = error_texts[i].title;
			message = error_texts[i].message;
		}
	buf_init(&out, r->a);
	if (doc_start(r) == SPP_OK) {
		xmlNodePtr e = x_el(r->root, "error");
		x_int(e, "status", status);
		x_text(e, "title", title);
		x_text(e, "message", message);
		if (render_doc(r->doc, "error", &out, &mt) == SPP_OK) {
			response_send(r, "text/html; charset=utf-8", out.data, out.len);
			return;
		}
	}
	response_send(r, "text/html; charset=utf-8", fallback_html, sizeof fallback_html - 1);
}

/* Percent-encodes everything but unreserved characters and '/'. */
static const char *url_encode(arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *o = arena_alloc(a, n * 3 + 1), *p = o;

	if (!o)
		return "";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return o;
}

static int is_local(const char *addr)
{
	return addr && (!strcmp(addr, "127.0.0.1") || !strcmp(addr, "::1"));
}

/* Parses the body by its media type into r->form / r->parts. */
static int parse_body(request *r)
{
	const char *ct = r->content_type ? r->content_type : "";

	if (!r->body_len)
		return SPP_OK;
	if (!strncasecmp(ct, "application/x-www-form-urlencoded", 33))
		return http_parse_urlencoded(r->a, r->body, r->body_len, &r->form, &http_default_limits);
	if (!strncasecmp(ct, "multipart/form-data", 19))
		return http_parse_multipart(r->a, ct, r->body, r->body_len, &r->parts, &r->form,
					    &http_default_limits);
	return SPP_EINVAL;
}

void route_dispatch(request *r)
{
	const route *rt;
	const char *allow = NULL;
	int method_ok, status, rc;

	rt = r->route = route_match(r, r->path, &method_ok, &allow);
	if (!rt) {
		if (!method_ok)
			req_header(r, "Allow", allow);
		route_send_error(r, method_ok ? 404 : 405);
		return;
	}
	if (rt->pool != r->pool) {
		/* the front end sent a route to the wrong pool: not ours to serve */
		route_send_error(r, 404);
		return;
	}
	if (r->method == M_POST) {
		rc = response_read_body(r);
		if (rc == SPP_ETOOBIG) {
			route_send_error(r, 413);
			return;
		}
		if (rc != SPP_OK) {
			route_send_error(r, 400);
			return;
		}
		rc = parse_body(r);
		if (rc != SPP_OK) {
			route_send_error(r, rc == SPP_ETOOBIG ? 413 : rc == SPP_EINVAL ? 415 : 400);
			return;
		}
	}
	if (auth_load(r) != SPP_OK) {
		route_send_error(r, 503);
		return;
	}
	if ((rt->caps & CAP_LOCAL) && !is_local(r->remote_addr)) {
		route_send_error(r, 403);
		return;
	}
	unsigned need = rt->caps & ~(unsigned)CAP_LOCAL;
	if (need) {
		if (!r->auth) {
			if (r->method == M_POST) {
				route_send_error(r, 403);
				return;
			}
			const char *back = arena_printf(r->a, "/agent/connexion?retour=%s",
							url_encode(r->a, r->path));
			r->status = req_redirect(r, back);
			response_send(r, NULL, NULL, 0);
			return;
		}
		if ((r->auth->caps & need) != need) {
			route_send_error(r, 403);
			return;
		}
	}
	if (r->method == M_POST && rt->csrf == CSRF_TOKEN && !auth_csrf_ok(r)) {
		route_send_error(r, 403);
		return;
	}
	if (rt->fields) {
		int n = 0;
		while (rt->fields[n].name)
			n++;
		r->nfields = n;
		r->fv = arena_zalloc(r->a, sizeof(fieldval) * (size_t)(n ? n : 1));
		if (!r->fv) {
			route_send_error(r, 500);
			return;
		}
		r->invalid = validate_fields(r->a, rt->fields, r->method == M_POST ? &r->form : &r->query,
					     r->fv);
	}
	if (doc_start(r) != SPP_OK) {
		route_send_error(r, 500);
		return;
	}
	status = rt->handler(r);
	db_rollback();  /* a handler that forgot to commit changes nothing */
	r->status = status;
	if (status >= 300 && status < 400) {
		response_send(r, NULL, NULL, 0);
		return;
	}
	/* a 4xx with r->sheet set is a form re-rendered with its messages;
	 * a 501 with r->sheet is a page saying a feature is not there yet */
	int own_page = r->sheet && ((status >= 400 && status < 500) || status == 501);
	if ((status < 200 || status >= 300) && !own_page) {
		route_send_error(r, status);
		return;
	}
	if (r->raw) {
		response_send(r, r->media_type, r->body_out.data, r->body_out.len);
		return;
	}
	if (req_debug_xml(r)) {
		xmlChar *x = NULL;
		int len = 0;
		xmlDocDumpFormatMemoryEnc(r->doc, &x, &len, "UTF-8", 1);
		r->no_store = 1;
		response_send(r, "application/xml; charset=utf-8", (const char *)x, (size_t)len);
		xmlFree(x);
		return;
	}
	buf out;
	const char *mt = NULL;
	const char *sheet = r->sheet ? r->sheet : rt->sheet;
	buf_init(&out, r->a);
	layout_frags(r, sheet);
	if (render_doc(r->doc, sheet, &out, &mt) != SPP_OK) {
		route_send_error(r, 500);
		return;
	}
	response_send(r, !strcmp(mt, "text/html") ? "text/html; charset=utf-8"
			 : arena_printf(r->a, "%s; charset=utf-8", mt),
		      out.data, out.len);
}
