/*
 * http_cookie.c — Cookie request header parsing (RFC 6265, section 5.4,
 * read leniently: browsers send what other applications of the same host
 * set, so odd pairs are skipped rather than failing the request).
 */
#include "http.h"

#include <string.h>

/* Returns 1 for the optional whitespace of HTTP (space, tab). */
static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Returns 1 for a control character that may not appear in a header. */
static int is_ctl(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7F;
}

/*
 * Parses a Cookie header ("a=1; b=\"2\"") into l (appending). Values are
 * not percent-decoded; one pair of surrounding double quotes is removed.
 * Pairs without '=', with an empty name, or whose name or value is not
 * valid UTF-8 are skipped. SPP_EBADREQ on a control character,
 * SPP_ETOOBIG past max_cookies (pairs added by this call), max_key or
 * max_value. header NULL is an empty header; lim NULL the defaults.
 */
int http_parse_cookies(arena *a, const char *header, kvlist *l, const http_limits *lim)
{
	const char *p = header;
	size_t ncookies = 0;

	if (lim == NULL)
		lim = &http_default_limits;
	if (header == NULL)
		return SPP_OK;
	while (*p != '\0') {
		const char *start = p, *end, *eq, *ns, *ne, *vs, *ve;
		char *name, *val;
		kv *e;

		while (*p != '\0' && *p != ';') {
			if (is_ctl((unsigned char)*p))
				return SPP_EBADREQ;
			p++;
		}
		end = p;
		if (*p == ';')
			p++;
		eq = memchr(start, '=', (size_t)(end - start));
		if (eq == NULL)
			continue;
		ns = start;
		ne = eq;
		while (ns < ne && is_ows(*ns))
			ns++;
		while (ne > ns && is_ows(ne[-1]))
			ne--;
		if (ne == ns)
			continue;
		vs = eq + 1;
		ve = end;
		while (vs < ve && is_ows(*vs))
			vs++;
		while (ve > vs && is_ows(ve[-1]))
			ve--;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (++ncookies > lim->max_cookies)
			return SPP_ETOOBIG;
		if ((size_t)(ne - ns) > lim->max_key || (size_t)(ve - vs) > lim->max_value)
			return SPP_ETOOBIG;
		if (!utf8_valid(ns, (size_t)(ne - ns)) || !utf8_valid(vs, (size_t)(ve - vs)))
			continue;
		name = arena_strndup(a, ns, (size_t)(ne - ns));
		val = arena_strndup(a, vs, (size_t)(ve - vs));
		e = arena_alloc(a, sizeof(*e));
		if (name == NULL || val == NULL || e == NULL)
			return SPP_ENOMEM;
		e->key = name;
		e->val = val;
		e->len = (size_t)(ve - vs);
		e->next = NULL;
		if (l->tail != NULL)
			l->tail->next = e;
		else
			l->head = e;
		l->tail = e;
		l->n++;
	}
	return SPP_OK;
}
