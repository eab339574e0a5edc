/*
 * fuzz_cookie.c — libFuzzer target for http_parse_cookies: the input is
 * the value of a Cookie header.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/http.h"

static arena *a;

/* Parses a NUL-terminated copy of the input and checks the result. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	http_limits tight = { 4, 8, 16, 4, 3 };
	kvlist l = { 0 };
	const kv *e;
	char *s;

	if (a == NULL)
		a = arena_new(4096);
	if (a == NULL)
		abort();
	s = arena_strndup(a, (const char *)data, size);
	if (s == NULL)
		abort();
	if (http_parse_cookies(a, s, &l, NULL) == SPP_OK) {
		for (e = l.head; e != NULL; e = e->next) {
			if (e->key[0] == '\0' || strlen(e->val) != e->len)
				abort();
			if (!utf8_valid(e->key, strlen(e->key)) || !utf8_valid(e->val, e->len))
				abort();
		}
	}
	memset(&l, 0, sizeof(l));
	if (http_parse_cookies(a, s, &l, &tight) == SPP_OK && l.n > tight.max_cookies)
		abort();
	arena_reset(a);
	return 0;
}
