/*
 * fuzz_multipart.c — libFuzzer target for http_parse_multipart. The first
 * line of the input is the Content-Type value, the rest is the body.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/http.h"

static arena *a;

/*
 * Splits the input, copies the body into an exact-size heap block so that
 * any read outside it is caught, parses it and checks that every part lies
 * inside the body and every field is UTF-8.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	http_limits tight = { 3, 8, 16, 3, 4 };
	const uint8_t *nl = memchr(data, '\n', size);
	http_part *parts = NULL, *p;
	kvlist fields = { 0 };
	const kv *e;
	size_t ctlen, blen;
	char *ct, *body;

	if (a == NULL)
		a = arena_new(4096);
	if (a == NULL)
		abort();
	ctlen = nl != NULL ? (size_t)(nl - data) : size;
	ct = arena_strndup(a, (const char *)data, ctlen);
	blen = nl != NULL ? size - ctlen - 1 : 0;
	body = malloc(blen ? blen : 1);
	if (ct == NULL || body == NULL)
		abort();
	if (blen > 0)
		memcpy(body, nl + 1, blen);
	if (http_parse_multipart(a, ct, body, blen, &parts, &fields, NULL) == SPP_OK) {
		for (p = parts; p != NULL; p = p->next) {
			if (p->data < body || p->len > blen || p->data + p->len > body + blen)
				abort();
			if (p->name == NULL)
				abort();
		}
		for (e = fields.head; e != NULL; e = e->next)
			if (strlen(e->val) != e->len || !utf8_valid(e->val, e->len))
				abort();
	}
	memset(&fields, 0, sizeof(fields));
	if (http_parse_multipart(a, ct, body, blen, &parts, &fields, &tight) == SPP_OK) {
		size_t n = 0;

		for (p = parts; p != NULL; p = p->next)
			n++;
		if (n > tight.max_parts || fields.n > tight.max_fields)
			abort();
	}
	free(body);
	arena_reset(a);
	return 0;
}
