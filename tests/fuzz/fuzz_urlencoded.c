/*
 * fuzz_urlencoded.c — libFuzzer target for http_parse_urlencoded: the
 * input is a query string or form body.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/http.h"

static arena *a;

/*
 * Parses the input with default and with tight limits, then checks the
 * invariants of the result: every key and value is valid UTF-8 of the
 * announced length.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	http_limits tight = { 4, 8, 16, 4, 4 };
	kvlist l = { 0 };
	const kv *e;
	size_t n = 0;

	if (a == NULL)
		a = arena_new(4096);
	if (a == NULL)
		abort();
	if (http_parse_urlencoded(a, (const char *)data, size, &l, NULL) == SPP_OK) {
		for (e = l.head; e != NULL; e = e->next, n++) {
			if (!utf8_valid(e->key, strlen(e->key)) || e->key[0] == '\0')
				abort();
			if (strlen(e->val) != e->len || !utf8_valid(e->val, e->len))
				abort();
		}
		if (n != l.n)
			abort();
	}
	memset(&l, 0, sizeof(l));
	if (http_parse_urlencoded(a, (const char *)data, size, &l, &tight) == SPP_OK) {
		if (l.n > tight.max_fields)
			abort();
		for (e = l.head; e != NULL; e = e->next)
			if (strlen(e->key) > tight.max_key || e->len > tight.max_value)
				abort();
	}
	arena_reset(a);
	return 0;
}
