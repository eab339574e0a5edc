/*
 * fuzz_path.c — libFuzzer target for http_decode_path: the input is the
 * raw path of a request URI.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/http.h"

static arena *a;

/* Decodes the input; a decoded path is UTF-8 and has no ".." segment. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;

	if (a == NULL)
		a = arena_new(4096);
	if (a == NULL)
		abort();
	if (http_decode_path(a, (const char *)data, size, &out) == SPP_OK) {
		size_t n = strlen(out);

		if (n > size || !utf8_valid(out, n))
			abort();
		if (strcmp(out, "..") == 0 || strncmp(out, "../", 3) == 0 ||
		    strstr(out, "/../") != NULL || (n >= 3 && strcmp(out + n - 3, "/..") == 0))
			abort();
	} else if (out != NULL) {
		abort();
	}
	arena_reset(a);
	return 0;
}
