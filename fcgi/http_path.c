/*
 * http_path.c — decoding of the path part of a request URI before routing.
 */
#include "http.h"

#include <string.h>

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
 * Returns 1 when the decoded path d (n bytes) has a ".." segment, that is
 * ".." between two slashes or the ends of the path. The check runs after
 * decoding so that "%2e%2e" and "..%2f" are caught too.
 */
static int has_dotdot(const char *d, size_t n)
{
	size_t i, seg = 0;

	for (i = 0; i <= n; i++) {
		if (i == n || d[i] == '/') {
			if (i - seg == 2 && d[seg] == '.' && d[seg + 1] == '.')
				return 1;
			seg = i + 1;
		}
	}
	return 0;
}

/*
 * Percent-decodes the len bytes of a URL path at s into a new arena string
 * *out. '+' is kept as is (it means a space only in query strings).
 * SPP_EBADREQ on a truncated or non-hexadecimal escape, a NUL byte
 * (escaped or not), invalid UTF-8 or a ".." segment; SPP_ENOMEM.
 */
int http_decode_path(arena *a, const char *s, size_t len, char **out)
{
	size_t i, o = 0;
	char *d;

	*out = NULL;
	if (s == NULL && len > 0)
		return SPP_EBADREQ;
	if (len == SIZE_MAX)
		return SPP_ETOOBIG;
	d = arena_alloc(a, len + 1);
	if (d == NULL)
		return SPP_ENOMEM;
	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;

			if (len - i < 3)
				return SPP_EBADREQ;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return SPP_EBADREQ;
			d[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			d[o++] = s[i];
		}
	}
	d[o] = '\0';
	if (!utf8_valid(d, o) || has_dotdot(d, o))
		return SPP_EBADREQ;
	*out = d;
	return SPP_OK;
}
