/*
 * http_multipart.c — multipart/form-data bodies (RFC 7578 over the
 * multipart syntax of RFC 2046).
 *
 * The body is never copied: parts point into it. Only part headers are
 * copied into the arena, and the values of non-file fields so that they
 * are NUL-terminated. Memory is bounded by the limits: at most max_parts
 * parts, each with at most MP_MAX_HEADER_BYTES of headers.
 */
#include "http.h"

#include <string.h>
#include <strings.h>

#define MP_MAX_BOUNDARY	    70
#define MP_MAX_HEADER_LINES 16
#define MP_MAX_HEADER_BYTES 8192

/* The delimiter as searched in the body: CRLF "--" boundary. */
struct delim {
	char s[4 + MP_MAX_BOUNDARY];
	size_t n;
};

/* Returns 1 for the optional whitespace of HTTP (space, tab). */
static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Returns 1 when [p, p + n) equals the lower-case word w, ignoring case. */
static int word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

/*
 * Reads the next parameter of a header value from *pp (not beyond end):
 * OWS ";" OWS name OWS "=" OWS (token | quoted-string). On success the
 * name is [*name, *name + *nlen) in the input and the value, unescaped,
 * is a new arena string *val of *vlen bytes. Returns 1 for a parameter,
 * 0 at the end of the value, or SPP_EBADREQ / SPP_ENOMEM.
 */
static int next_param(arena *a, const char **pp, const char *end, const char **name, size_t *nlen,
		      char **val, size_t *vlen)
{
	const char *p = *pp, *vs;
	size_t o = 0;
	char *v;

	while (p < end && is_ows(*p))
		p++;
	if (p == end)
		return 0;
	if (*p != ';')
		return SPP_EBADREQ;
	p++;
	while (p < end && is_ows(*p))
		p++;
	if (p == end) {
		*pp = p;
		return 0; /* a trailing ';' is tolerated */
	}
	*name = p;
	while (p < end && *p != '=' && *p != ';' && !is_ows(*p) && *p != '"')
		p++;
	*nlen = (size_t)(p - *name);
	if (*nlen == 0)
		return SPP_EBADREQ;
	while (p < end && is_ows(*p))
		p++;
	if (p == end || *p != '=')
		return SPP_EBADREQ;
	p++;
	while (p < end && is_ows(*p))
		p++;
	v = arena_alloc(a, (size_t)(end - p) + 1);
	if (v == NULL)
		return SPP_ENOMEM;
	if (p < end && *p == '"') {
		for (p++;; p++) {
			if (p == end)
				return SPP_EBADREQ; /* unterminated quoted string */
			if (*p == '"')
				break;
			if (*p == '\\') {
				if (++p == end)
					return SPP_EBADREQ;
			}
			v[o++] = *p;
		}
		p++;
	} else {
		vs = p;
		while (p < end && *p != ';' && !is_ows(*p) && *p != '"')
			p++;
		o = (size_t)(p - vs);
		memcpy(v, vs, o);
	}
	v[o] = '\0';
	*val = v;
	*vlen = o;
	*pp = p;
	return 1;
}

/* Returns 1 for a character allowed in a boundary (RFC 2046 bchars). */
static int is_bchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	return strchr("'()+_,-./:=? ", c) != NULL && c != '\0';
}

/*
 * Extracts the boundary of a "multipart/form-data; boundary=..." header
 * value into d (prefixed with CRLF "--"). SPP_EBADREQ when the media type
 * is not multipart/form-data or the boundary is absent, repeated, empty,
 * longer than 70 characters or made of forbidden characters.
 */
static int parse_boundary(arena *a, const char *ct, struct delim *d)
{
	const char *p = ct, *end = ct + strlen(ct), *mt, *name;
	char *val, *b = NULL;
	size_t nlen, vlen, blen = 0, i;
	int rc;

	while (p < end && is_ows(*p))
		p++;
	mt = p;
	while (p < end && *p != ';' && !is_ows(*p))
		p++;
	if (!word_is(mt, (size_t)(p - mt), "multipart/form-data"))
		return SPP_EBADREQ;
	while ((rc = next_param(a, &p, end, &name, &nlen, &val, &vlen)) == 1) {
		if (!word_is(name, nlen, "boundary"))
			continue;
		if (b != NULL)
			return SPP_EBADREQ;
		b = val;
		blen = vlen;
	}
	if (rc < 0)
		return rc;
	if (b == NULL || blen == 0 || blen > MP_MAX_BOUNDARY || b[blen - 1] == ' ')
		return SPP_EBADREQ;
	for (i = 0; i < blen; i++)
		if (!is_bchar((unsigned char)b[i]))
			return SPP_EBADREQ;
	memcpy(d->s, "\r\n--", 4);
	memcpy(d->s + 4, b, blen);
	d->n = 4 + blen;
	return SPP_OK;
}

/*
 * Checks what follows a boundary ending at offset at: optional transport
 * padding, then CRLF (another part follows) or "--" (close delimiter).
 * Returns 1 and sets *next (offset after the line break or "--") and
 * *close; 0 when the match is not a delimiter line.
 */
static int delim_tail(const char *body, size_t len, size_t at, size_t *next, int *close)
{
	if (len - at >= 2 && body[at] == '-' && body[at + 1] == '-') {
		*close = 1;
		*next = at + 2;
		return 1;
	}
	while (at < len && is_ows(body[at]))
		at++;
	if (len - at >= 2 && body[at] == '\r' && body[at + 1] == '\n') {
		*close = 0;
		*next = at + 2;
		return 1;
	}
	return 0;
}

/*
 * Finds the first delimiter line at or after offset from: its start
 * (the CRLF before "--") in *start, the offset after it in *next, and
 * whether it closes the body in *close. Returns 1 if found, 0 if not.
 */
static int find_delim(const char *body, size_t len, size_t from, const struct delim *d,
		      size_t *start, size_t *next, int *close)
{
	while (from < len && len - from >= d->n) {
		const char *m = memmem(body + from, len - from, d->s, d->n);
		size_t off;

		if (m == NULL)
			return 0;
		off = (size_t)(m - body);
		if (delim_tail(body, len, off + d->n, next, close)) {
			*start = off;
			return 1;
		}
		from = off + 1;
	}
	return 0;
}

/* What the headers of one part say. */
struct part_hdr {
	char *name;
	char *filename;
	char *ctype;
	int seen_disp;
};

/*
 * Parses the value of a part's Content-Disposition header: "form-data"
 * followed by parameters, of which name (required) and filename are kept.
 */
static int parse_disposition(arena *a, const char *p, const char *end, struct part_hdr *h)
{
	const char *t = p, *name;
	char *val;
	size_t nlen, vlen;
	int rc;

	while (p < end && *p != ';' && !is_ows(*p))
		p++;
	if (!word_is(t, (size_t)(p - t), "form-data"))
		return SPP_EBADREQ;
	while ((rc = next_param(a, &p, end, &name, &nlen, &val, &vlen)) == 1) {
		char **slot;

		if (word_is(name, nlen, "name"))
			slot = &h->name;
		else if (word_is(name, nlen, "filename"))
			slot = &h->filename;
		else
			continue; /* filename* and extensions are ignored (RFC 7578 4.2) */
		if (*slot != NULL || !utf8_valid(val, vlen))
			return SPP_EBADREQ;
		*slot = val;
	}
	if (rc < 0)
		return rc;
	return h->name == NULL ? SPP_EBADREQ : SPP_OK;
}

/*
 * Parses the header block of a part starting at offset *pos, up to and
 * including the empty line; *pos is left at the start of the data.
 */
static int parse_part_headers(arena *a, const char *body, size_t len, size_t *pos,
			      struct part_hdr *h)
{
	size_t p = *pos, lines = 0, start = *pos;
	int rc;

	for (;;) {
		size_t ls = p, le, colon = 0;
		int has_colon = 0;
		const char *vs, *ve;

		while (p < len && body[p] != '\r') {
			unsigned char c = (unsigned char)body[p];

			if ((c < 0x20 && c != '\t') || c == 0x7F)
				return SPP_EBADREQ;
			if (c == ':' && !has_colon) {
				has_colon = 1;
				colon = p;
			}
			if (p - start >= MP_MAX_HEADER_BYTES)
				return SPP_ETOOBIG;
			p++;
		}
		if (len - p < 2 || body[p + 1] != '\n')
			return SPP_EBADREQ; /* end of body or bare CR */
		le = p;
		p += 2;
		if (le == ls)
			break; /* the empty line ending the headers */
		if (++lines > MP_MAX_HEADER_LINES)
			return SPP_ETOOBIG;
		if (is_ows(body[ls]) || !has_colon || colon == ls)
			return SPP_EBADREQ; /* obsolete folding or not a header */
		vs = body + colon + 1;
		ve = body + le;
		while (vs < ve && is_ows(*vs))
			vs++;
		while (ve > vs && is_ows(ve[-1]))
			ve--;
		if (word_is(body + ls, colon - ls, "content-disposition")) {
			if (h->seen_disp)
				return SPP_EBADREQ;
			h->seen_disp = 1;
			rc = parse_disposition(a, vs, ve, h);
			if (rc != SPP_OK)
				return rc;
		} else if (word_is(body + ls, colon - ls, "content-type")) {
			if (h->ctype != NULL || !utf8_valid(vs, (size_t)(ve - vs)))
				return SPP_EBADREQ;
			h->ctype = arena_strndup(a, vs, (size_t)(ve - vs));
			if (h->ctype == NULL)
				return SPP_ENOMEM;
		}
	}
	if (!h->seen_disp)
		return SPP_EBADREQ;
	*pos = p;
	return SPP_OK;
}

/* Appends a field whose key and value are already arena strings. */
static int field_push(arena *a, kvlist *l, const char *key, const char *val, size_t len)
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
 * Parses a multipart/form-data body of len bytes given the request's
 * Content-Type value. *parts receives the parts in body order (data
 * points into body); non-file parts are also appended to fields (may be
 * NULL) as NUL-terminated arena copies, which must be UTF-8 without NUL.
 * A part with a filename parameter (even "") is a file part. Preamble and
 * epilogue are ignored. SPP_EBADREQ on a malformed body (including one
 * without its close delimiter), SPP_ETOOBIG past max_parts, max_fields,
 * max_key or max_value (for non-file fields), SPP_ENOMEM. On error the
 * outputs may hold what was parsed before the fault.
 */
int http_parse_multipart(arena *a, const char *content_type, const char *body, size_t len,
			 http_part **parts, kvlist *fields, const http_limits *lim)
{
	struct delim d;
	http_part *tail = NULL;
	size_t pos, start, nparts = 0, nfields = 0;
	int close = 0, rc;

	if (lim == NULL)
		lim = &http_default_limits;
	if (parts != NULL)
		*parts = NULL;
	if (content_type == NULL || body == NULL)
		return SPP_EBADREQ;
	rc = parse_boundary(a, content_type, &d);
	if (rc != SPP_OK)
		return rc;

	/* The first delimiter may open the body without a CRLF before it. */
	if (len >= d.n - 2 && memcmp(body, d.s + 2, d.n - 2) == 0 &&
	    delim_tail(body, len, d.n - 2, &pos, &close)) {
		/* found at offset 0 */
	} else if (!find_delim(body, len, 0, &d, &start, &pos, &close)) {
		return SPP_EBADREQ;
	}
	while (!close) {
		struct part_hdr h = { 0 };
		http_part *part;
		size_t data;

		if (++nparts > lim->max_parts)
			return SPP_ETOOBIG;
		rc = parse_part_headers(a, body, len, &pos, &h);
		if (rc != SPP_OK)
			return rc;
		data = pos;
		/*
		 * The CRLF ending the headers may also be the one that opens
		 * the next delimiter: a part without data (RFC 2046 makes the
		 * CRLF before the data optional).
		 */
		if (len - (data - 2) >= d.n && memcmp(body + data - 2, d.s, d.n) == 0 &&
		    delim_tail(body, len, data - 2 + d.n, &pos, &close)) {
			start = data;
		} else if (!find_delim(body, len, data, &d, &start, &pos, &close)) {
			return SPP_EBADREQ;
		}
		if (strlen(h.name) > lim->max_key)
			return SPP_ETOOBIG;
		part = arena_zalloc(a, sizeof(*part));
		if (part == NULL)
			return SPP_ENOMEM;
		part->name = h.name;
		part->filename = h.filename;
		part->content_type = h.ctype;
		part->data = body + data;
		part->len = start - data;
		if (h.filename == NULL && fields != NULL) {
			char *v;

			if (part->len > lim->max_value || ++nfields > lim->max_fields)
				return SPP_ETOOBIG;
			if (!utf8_valid(part->data, part->len))
				return SPP_EBADREQ;
			v = arena_alloc(a, part->len + 1);
			if (v == NULL)
				return SPP_ENOMEM;
			memcpy(v, part->data, part->len);
			v[part->len] = '\0';
			rc = field_push(a, fields, h.name, v, part->len);
			if (rc != SPP_OK)
				return rc;
		}
		if (parts != NULL) {
			if (tail != NULL)
				tail->next = part;
			else
				*parts = part;
			tail = part;
		}
	}
	return SPP_OK;
}
