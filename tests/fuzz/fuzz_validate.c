/*
 * fuzz_validate.c — libFuzzer target running every validator of
 * validate.h on the input, then validate_fields on a form made of it.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/validate.h"

static arena *a;

static const char *const choices[] = { "oui", "non", "peut-être", NULL };

static const field form[] = {
	{ .name = "t", .type = F_TEXT, .min = 1, .max = 50 },
	{ .name = "t", .type = F_LINE, .required = 1, .max = 10 },
	{ .name = "t", .type = F_INT, .min = -100, .max = 100 },
	{ .name = "t", .type = F_INT },
	{ .name = "t", .type = F_ENUM, .values = choices },
	{ .name = "t", .type = F_DATE, .required = 1 },
	{ .name = "t", .type = F_EMAIL },
	{ .name = "t", .type = F_POSTCODE },
	{ .name = "t", .type = F_BOOL },
	{ .name = "t", .type = F_PASSWORD, .min = 8, .max = 64 },
	{ .name = "absent", .type = F_LINE, .required = 1 },
	{ .name = NULL },
};

/* Every message is a non-empty static string; typed outputs are sane. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fieldval out[sizeof(form) / sizeof(form[0])];
	kvlist l = { 0 };
	const char *s = (const char *)data;
	char *z;
	long long v, idx;
	int y, m, d, nerr, i, count = 0;

	if (a == NULL)
		a = arena_new(4096);
	if (a == NULL)
		abort();
	z = arena_strndup(a, s, size);
	if (z == NULL)
		abort();
	(void)val_text(s, size, 0, 100, 1);
	(void)val_text(s, size, 3, 0, 0);
	if (val_int(z, -1000, 1000, &v) == NULL && (v < -1000 || v > 1000))
		abort();
	(void)val_int(z, LLONG_MIN, LLONG_MAX, &v);
	if (val_enum(z, choices, &idx) == NULL && (idx < 0 || idx > 2))
		abort();
	if (val_date(z, &y, &m, &d) == NULL &&
	    (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31))
		abort();
	if (val_email(z) == NULL && (strlen(z) > 254 || strchr(z, '@') == NULL))
		abort();
	if (val_postcode(z) == NULL && strlen(z) != 5)
		abort();
	if (kv_add(a, &l, "t", s, size) != SPP_OK)
		abort();
	nerr = validate_fields(a, form, &l, out);
	for (i = 0; form[i].name != NULL; i++) {
		if (out[i].error != NULL) {
			if (out[i].error[0] == '\0')
				abort();
			count++;
		}
		if (out[i].f != &form[i])
			abort();
	}
	if (count != nerr || out[10].error == NULL)
		abort();
	(void)utf8_fold(a, z);
	arena_reset(a);
	return 0;
}
