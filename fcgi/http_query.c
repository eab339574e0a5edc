/*
 * http_query.c — application/x-www-form-urlencoded parsing (query strings
 * and form bodies), the default parser limits and HTTP reason phrases.
 */
#include "http.h"

#include <string.h>

const http_limits http_default_limits = {
	.max_fields = 200,
	.max_key = 128,
	.max_value = 1024 * 1024,
	.max_parts = 32,
	.max_cookies = 50,
};

/* Returns the value of a hexadecimal digit, or -1. */
static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes n urlencoded bytes at s ('+' is a space) into a new arena
 * string stored in *out (length in *outlen). The decoded text must be
 * valid UTF-8 without NUL and at most max bytes long.
 * SPP_EBADREQ, SPP_ETOOBIG or SPP_ENOMEM.
 */
static int form_decode(arena *a, const char *s, size_t n, size_t max, char **out, size_t *outlen)
{
	size_t i, o = 0;
	char *d;

	/* A decoded byte takes at most 3 input bytes. */
	if (n / 3 > max)
		return SPP_ETOOBIG;
	d = arena_alloc(a, n + 1);
	if (d == NULL)
		return SPP_ENOMEM;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (n - i < 3)
				return SPP_EBADREQ;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return SPP_EBADREQ;
			d[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+') {
			d[o++] = ' ';
		} else {
			d[o++] = (char)c;
		}
	}
	d[o] = '\0';
	if (o > max)
		return SPP_ETOOBIG;
	if (!utf8_valid(d, o))
		return SPP_EBADREQ;
	*out = d;
	*outlen = o;
	return SPP_OK;
}

/* Appends an entry that references key and val (already arena copies). */
static int list_push(arena *a, kvlist *l, const char *key, const char *val, size_t len)
{
	kv *e = arena_alloc(a, sizeof(*e));

	if (e == NULL)
		return SPP_ENOMEM;
	e->key = key;
	e->val = val;
	e->len = len;
	e->next = NULL;
	if (l->tail != NULL)
		l->tail->next = e;
	else
		l->head = e;
	l->tail = e;
	l->n++;
	return SPP_OK;
}

/*
 * Parses len bytes of "a=1&b=%C3%A9" into l (appending). Empty pairs and
 * pairs with an empty name ("=x") are skipped; a name without '=' gets "".
 * lim NULL selects http_default_limits; max_fields counts the fields added
 * by this call. On error l may hold the fields parsed before the fault.
 */
int http_parse_urlencoded(arena *a, const char *s, size_t len, kvlist *l, const http_limits *lim)
{
	size_t i = 0, nfields = 0;

	if (lim == NULL)
		lim = &http_default_limits;
	if (s == NULL)
		return len == 0 ? SPP_OK : SPP_EBADREQ;
	while (i < len) {
		size_t start = i, eq = 0, end, kend, vstart;
		int has_eq = 0;
		char *key, *val;
		size_t klen, vlen;
		int rc;

		while (i < len && s[i] != '&') {
			if (s[i] == '=' && !has_eq) {
				has_eq = 1;
				eq = i;
			}
			i++;
		}
		end = i;
		if (i < len)
			i++; /* the '&' */
		kend = has_eq ? eq : end;
		vstart = has_eq ? eq + 1 : end;
		if (kend == start)
			continue;
		if (++nfields > lim->max_fields)
			return SPP_ETOOBIG;
		rc = form_decode(a, s + start, kend - start, lim->max_key, &key, &klen);
		if (rc != SPP_OK)
			return rc;
		rc = form_decode(a, s + vstart, end - vstart, lim->max_value, &val, &vlen);
		if (rc != SPP_OK)
			return rc;
		rc = list_push(a, l, key, val, vlen);
		if (rc != SPP_OK)
			return rc;
	}
	return SPP_OK;
}

/* Returns the reason phrase of a status code, "Unknown" for others. */
const char *http_reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 301:
		return "Moved Permanently";
	case 302:
		return "Found";
	case 303:
		return "See Other";
	case 304:
		return "Not Modified";
	case 307:
		return "Temporary Redirect";
	case 308:
		return "Permanent Redirect";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 406:
		return "Not Acceptable";
	case 408:
		return "Request Timeout";
	case 409:
		return "Conflict";
	case 410:
		return "Gone";
	case 411:
		return "Length Required";
	case 412:
		return "Precondition Failed";
	case 413:
		return "Content Too Large";
	case 414:
		return "URI Too Long";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 501:
		return "Not Implemented";
	case 502:
		return "Bad Gateway";
	case 503:
		return "Service Unavailable";
	case 504:
		return "Gateway Timeout";
	default:
		return "Unknown";
	}
}
