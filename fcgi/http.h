/*
 * http.h — parsers for what arrives from the web server: query strings and
 * urlencoded bodies, cookies, multipart bodies. Pure functions over bytes,
 * independent of FastCGI so that they can be unit-tested and fuzzed.
 */
#ifndef SPP_HTTP_H
#define SPP_HTTP_H

#include "spp.h"

typedef struct http_limits {
	size_t max_fields;     /* fields in one query/body (default 200) */
	size_t max_key;        /* bytes of a field name (default 128) */
	size_t max_value;      /* bytes of a decoded value (default 1 MiB) */
	size_t max_parts;      /* multipart parts (default 32) */
	size_t max_cookies;    /* cookies in one header (default 50) */
} http_limits;

extern const http_limits http_default_limits;

/*
 * Parses "a=1&b=%C3%A9" into l (appending). '+' is a space. Empty pairs
 * ("a=1&&b") are skipped; a key without '=' gets "". Fails with
 * SPP_EBADREQ on a bad percent escape, invalid UTF-8 (key or value) or
 * a NUL byte; SPP_ETOOBIG when a limit is passed. Strings are arena copies.
 */
int http_parse_urlencoded(arena *a, const char *s, size_t len, kvlist *l,
			  const http_limits *lim);

/*
 * Parses a Cookie header ("a=1; b=2"). Cookie values are not
 * percent-decoded; surrounding double quotes are removed. A pair without '='
 * or with an empty name is skipped; control characters → SPP_EBADREQ.
 */
int http_parse_cookies(arena *a, const char *header, kvlist *l,
		       const http_limits *lim);

/* One part of a multipart/form-data body. data points into the body. */
typedef struct http_part {
	const char *name;         /* form field name (UTF-8) */
	const char *filename;     /* NULL when not a file */
	const char *content_type; /* NULL when absent */
	const char *data;
	size_t len;
	struct http_part *next;
} http_part;

/*
 * Parses a multipart/form-data body given the Content-Type header value
 * (which carries the boundary). Parts reference the body (not copied);
 * headers are copied into the arena. Non-file parts are also appended to
 * fields (value copied, must be UTF-8). SPP_EBADREQ on a malformed body.
 */
int http_parse_multipart(arena *a, const char *content_type, const char *body,
			 size_t len, http_part **parts, kvlist *fields,
			 const http_limits *lim);

/* Percent-decodes a URL path into an arena string; SPP_EBADREQ on a bad
 * escape, "%00", invalid UTF-8, or a ".." segment. */
int http_decode_path(arena *a, const char *s, size_t len, char **out);

/* Returns a static reason phrase ("Not Found") for a status code. */
const char *http_reason(int status);

#endif
