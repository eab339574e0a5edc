/*
 * test_validate.c — unit tests of validate.h: each validator over tables
 * of valid and invalid values, then validate_fields over a whole form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../fcgi/validate.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

#define M_REQUIRED "Ce champ est obligatoire."
#define M_SHORT	   "Ce texte est trop court."
#define M_LONG	   "Ce texte est trop long."
#define M_CHARS	   "Le texte contient des caractères non valides."
#define M_INT	   "Saisissez un nombre entier."
#define M_SMALL	   "Ce nombre est trop petit."
#define M_BIG	   "Ce nombre est trop grand."
#define M_DATE	   "Saisissez une date valide au format AAAA-MM-JJ."
#define M_EMAIL	   "Saisissez une adresse électronique valide (par exemple nom@domaine.fr)."
#define M_POSTCODE "Saisissez un code postal valide de 5 chiffres."
#define M_ENUM	   "Choisissez une valeur dans la liste."

/* Compares two messages, NULL meaning "valid". */
static int same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

struct text_case {
	const char *s;
	long long min, max;
	int newlines;
	const char *err;
};

static const struct text_case text_cases[] = {
	{ "", 0, 10, 0, NULL },
	{ "abc", 0, 3, 0, NULL },
	{ "abcd", 0, 3, 0, M_LONG },
	{ "ab", 3, 10, 0, M_SHORT },
	{ "été", 3, 3, 0, NULL }, /* code points, not bytes */
	{ "ééééé", 0, 5, 0, NULL },
	{ "éééééé", 0, 5, 0, M_LONG },
	{ "日本語", 1, 3, 0, NULL },
	{ "😀", 1, 1, 0, NULL },
	{ "a\tb", 0, 10, 0, NULL },
	{ "a\nb", 0, 10, 1, NULL },
	{ "a\r\nb", 0, 10, 1, NULL },
	{ "a\nb", 0, 10, 0, M_CHARS },
	{ "a\rb", 0, 10, 0, M_CHARS },
	{ "a\x01", 0, 10, 1, M_CHARS },
	{ "a\x1b[0m", 0, 10, 1, M_CHARS },
	{ "a\x7f", 0, 10, 1, M_CHARS },
	{ "a\xC2\x85", 0, 10, 1, M_CHARS }, /* U+0085 NEL */
	{ "a\xC2\xA0", 0, 10, 1, NULL },    /* U+00A0 no-break space */
	{ "\xC3\x28", 0, 10, 1, M_CHARS },
	{ "\xED\xA0\x80", 0, 10, 1, M_CHARS },
	{ "\xFF", 0, 10, 1, M_CHARS },
	{ "long text", 0, 0, 0, NULL }, /* max 0: no upper bound */
	{ "x", 2, 0, 0, M_SHORT },
};

static void test_text(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(text_cases); i++) {
		const struct text_case *c = &text_cases[i];
		const char *e = val_text(c->s, strlen(c->s), c->min, c->max, c->newlines);

		if (!same(e, c->err))
			fail_msg("text case %zu: got %s", i, e ? e : "NULL");
	}
	assert_string_equal(val_text("a\0b", 3, 0, 10, 1), M_CHARS);
}

struct int_case {
	const char *s;
	long long min, max;
	const char *err;
	long long v;
};

static const struct int_case int_cases[] = {
	{ "0", 0, 10, NULL, 0 },
	{ "10", 0, 10, NULL, 10 },
	{ "007", 0, 10, NULL, 7 },
	{ "-5", -10, 10, NULL, -5 },
	{ "+5", -10, 10, NULL, 5 },
	{ "-0", 0, 0, NULL, 0 },
	{ "9223372036854775807", LLONG_MIN, LLONG_MAX, NULL, LLONG_MAX },
	{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, NULL, LLONG_MIN },
	{ "9223372036854775808", LLONG_MIN, LLONG_MAX, M_BIG, 0 },
	{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, M_SMALL, 0 },
	{ "99999999999999999999999", 0, 10, M_BIG, 0 },
	{ "99999999999999999999999x", 0, 10, M_INT, 0 },
	{ "11", 0, 10, M_BIG, 0 },
	{ "-1", 0, 10, M_SMALL, 0 },
	{ "", 0, 10, M_INT, 0 },
	{ "-", 0, 10, M_INT, 0 },
	{ "+", 0, 10, M_INT, 0 },
	{ " 1", 0, 10, M_INT, 0 },
	{ "1 ", 0, 10, M_INT, 0 },
	{ "1.5", 0, 10, M_INT, 0 },
	{ "1e3", 0, 10000, M_INT, 0 },
	{ "0x10", 0, 100, M_INT, 0 },
	{ "--1", -10, 10, M_INT, 0 },
	{ "1,0", 0, 100, M_INT, 0 },
	{ "abc", 0, 10, M_INT, 0 },
	{ "١", 0, 10, M_INT, 0 }, /* Arabic-Indic digit one */
};

static void test_int(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(int_cases); i++) {
		const struct int_case *c = &int_cases[i];
		long long v = 12345;
		const char *e = val_int(c->s, c->min, c->max, &v);

		if (!same(e, c->err))
			fail_msg("int case %zu (%s): got %s", i, c->s, e ? e : "NULL");
		if (e == NULL && v != c->v)
			fail_msg("int case %zu (%s): value %lld", i, c->s, v);
		if (e != NULL && v != 12345)
			fail_msg("int case %zu: output written on failure", i);
	}
	assert_string_equal(val_int(NULL, 0, 1, NULL), M_INT);
	assert_null(val_int("1", 0, 1, NULL));
}

static const char *const colors[] = { "rouge", "vert", "bleu", NULL };

static void test_enum(void **state)
{
	static const struct {
		const char *s;
		long long idx; /* -1: invalid */
	} cases[] = {
		{ "rouge", 0 }, { "vert", 1 }, { "bleu", 2 },	{ "Bleu", -1 },
		{ "", -1 },	{ "ver", -1 }, { "vertt", -1 }, { " vert", -1 },
	};
	static const char *const empty[] = { NULL };
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		long long idx = -99;
		const char *e = val_enum(cases[i].s, colors, &idx);

		if (cases[i].idx < 0) {
			assert_string_equal(e, M_ENUM);
		} else {
			assert_null(e);
			assert_int_equal(idx, cases[i].idx);
		}
	}
	assert_string_equal(val_enum("x", empty, NULL), M_ENUM);
	assert_string_equal(val_enum("x", NULL, NULL), M_ENUM);
	assert_string_equal(val_enum(NULL, colors, NULL), M_ENUM);
}

struct date_case {
	const char *s;
	int ok, y, m, d;
};

static const struct date_case date_cases[] = {
	{ "2024-02-29", 1, 2024, 2, 29 },   { "2023-02-28", 1, 2023, 2, 28 },
	{ "2000-02-29", 1, 2000, 2, 29 },   { "1900-01-01", 1, 1900, 1, 1 },
	{ "2100-12-31", 1, 2100, 12, 31 },  { "2024-12-31", 1, 2024, 12, 31 },
	{ "2024-04-30", 1, 2024, 4, 30 },   { "1970-01-01", 1, 1970, 1, 1 },
	{ "2023-02-29", 0, 0, 0, 0 },	    { "1900-02-29", 0, 0, 0, 0 },
	{ "2100-02-29", 0, 0, 0, 0 },	    { "2024-04-31", 0, 0, 0, 0 },
	{ "2024-06-31", 0, 0, 0, 0 },	    { "2024-13-01", 0, 0, 0, 0 },
	{ "2024-00-10", 0, 0, 0, 0 },	    { "2024-01-00", 0, 0, 0, 0 },
	{ "2024-01-32", 0, 0, 0, 0 },	    { "1899-12-31", 0, 0, 0, 0 },
	{ "2101-01-01", 0, 0, 0, 0 },	    { "24-01-01", 0, 0, 0, 0 },
	{ "2024-1-01", 0, 0, 0, 0 },	    { "2024/01/01", 0, 0, 0, 0 },
	{ "01/02/2024", 0, 0, 0, 0 },	    { "2024-01-01 ", 0, 0, 0, 0 },
	{ "2024-01-01T00:00", 0, 0, 0, 0 }, { "2024-0a-01", 0, 0, 0, 0 },
	{ "+024-01-01", 0, 0, 0, 0 },	    { "", 0, 0, 0, 0 },
};

static void test_date(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(date_cases); i++) {
		const struct date_case *c = &date_cases[i];
		int y = 0, m = 0, d = 0;
		const char *e = val_date(c->s, &y, &m, &d);

		if (c->ok) {
			if (e != NULL)
				fail_msg("date case %zu (%s) refused", i, c->s);
			assert_int_equal(y, c->y);
			assert_int_equal(m, c->m);
			assert_int_equal(d, c->d);
		} else if (!same(e, M_DATE)) {
			fail_msg("date case %zu (%s) accepted", i, c->s);
		}
	}
	assert_null(val_date("2024-02-29", NULL, NULL, NULL));
	assert_string_equal(val_date(NULL, NULL, NULL, NULL), M_DATE);
}

static void test_email(void **state)
{
	static const char *const good[] = {
		"nom@domaine.fr",
		"jean.dupont@service-public.fr",
		"a@b.co",
		"prenom+tag@exemple.gouv.fr",
		"x_y-z@sous.domaine.exemple.org",
		"o'neil@exemple.ie",
		"user@élysée.fr",
		"1234@123.fr",
	};
	static const char *const bad[] = {
		"",
		"nom",
		"nom@",
		"@domaine.fr",
		"nom@domaine",
		"nom@domaine.",
		"nom@.domaine.fr",
		"nom@domaine..fr",
		"nom@domaine.f",
		"nom@-domaine.fr",
		"nom@domaine-.fr",
		"nom@dom_aine.fr",
		"nom@@domaine.fr",
		"nom@a@domaine.fr",
		"nom @domaine.fr",
		"nom@domaine .fr",
		" nom@domaine.fr",
		"no\tm@domaine.fr",
		"no\nm@domaine.fr",
		".nom@domaine.fr",
		"nom.@domaine.fr",
		"no..m@domaine.fr",
		"\"nom\"@domaine.fr",
		"nom@[127.0.0.1]",
		"nom(x)@domaine.fr",
		"nom,x@domaine.fr",
		"é@domaine.fr",
		"nom@dom\xFF.fr",
		"nom@domaine.fr\x7f",
	};
	char local[80], addr[300];
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(good); i++)
		if (val_email(good[i]) != NULL)
			fail_msg("email %s refused", good[i]);
	for (i = 0; i < N_ELEMS(bad); i++)
		if (!same(val_email(bad[i]), M_EMAIL))
			fail_msg("email %s accepted", bad[i]);
	assert_string_equal(val_email(NULL), M_EMAIL);
	/* 64 bytes of local part are fine, 65 are not. */
	memset(local, 'a', 64);
	local[64] = '\0';
	snprintf(addr, sizeof(addr), "%s@domaine.fr", local);
	assert_null(val_email(addr));
	snprintf(addr, sizeof(addr), "%sa@domaine.fr", local);
	assert_string_equal(val_email(addr), M_EMAIL);
	/* 254 bytes in all are fine, 255 are not. */
	memset(addr, 'b', sizeof(addr));
	memcpy(addr, "a@", 2);
	for (i = 2 + 60; i < 250; i += 61)
		addr[i] = '.';
	memcpy(addr + 251, ".fr", 4);
	assert_int_equal(strlen(addr), 254);
	assert_null(val_email(addr));
	memcpy(addr + 251, "x.fr", 5);
	assert_string_equal(val_email(addr), M_EMAIL);
}

static void test_postcode(void **state)
{
	static const char *const good[] = {
		"01000", "75001", "75116", "13001", "20000", "20090", "20200", "20999", "33000",
		"59000", "69007", "95999", "97100", "97400", "97600", "98000", "98800", "98999",
	};
	static const char *const bad[] = {
		"",	 "0",	   "7500",   "750011", "00000", "00999", "96000",
		"96999", "97000",  "97099",  "99000",  "99999", "2A004", "2B200",
		"7500a", " 75001", "75001 ", "75 001", "-7500", "+7500", "７５００１",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(good); i++)
		if (val_postcode(good[i]) != NULL)
			fail_msg("postcode %s refused", good[i]);
	for (i = 0; i < N_ELEMS(bad); i++)
		if (!same(val_postcode(bad[i]), M_POSTCODE))
			fail_msg("postcode %s accepted", bad[i]);
	assert_string_equal(val_postcode(NULL), M_POSTCODE);
}

static const field form[] = {
	{ .name = "nom", .type = F_LINE, .required = 1, .min = 1, .max = 10 },
	{ .name = "bio", .type = F_TEXT, .min = 0, .max = 20 },
	{ .name = "age", .type = F_INT, .min = 0, .max = 130 },
	{ .name = "couleur", .type = F_ENUM, .values = colors },
	{ .name = "naissance", .type = F_DATE },
	{ .name = "courriel", .type = F_EMAIL, .required = 1 },
	{ .name = "cp", .type = F_POSTCODE },
	{ .name = "accord", .type = F_BOOL },
	{ .name = "mdp", .type = F_PASSWORD, .min = 4, .max = 8 },
	{ .name = "n", .type = F_INT },
	{ .name = NULL },
};

/* Fills a list from "k=v" pairs. */
static void fill(arena *a, kvlist *l, const char *const *pairs)
{
	for (; *pairs != NULL; pairs++) {
		const char *eq = strchr(*pairs, '=');
		char *k = arena_strndup(a, *pairs, (size_t)(eq - *pairs));

		assert_int_equal(kv_add(a, l, k, eq + 1, strlen(eq + 1)), SPP_OK);
	}
}

static void test_fields_valid(void **state)
{
	static const char *const in[] = {
		"nom=  Dupont ",
		"bio= Il était une fois ",
		"age= 42 ",
		"couleur=vert",
		"naissance=2024-02-29",
		"courriel= a@b.fr ",
		"cp=97400",
		"accord=on",
		"mdp= é1 ",
		"n=-9000000000",
		"nom=ignored",
		NULL,
	};
	fieldval out[N_ELEMS(form)];
	arena *a = arena_new(0);
	kvlist l = { 0 };

	(void)state;
	fill(a, &l, in);
	assert_int_equal(validate_fields(a, form, &l, out), 0);
	assert_ptr_equal(out[0].f, &form[0]);
	assert_string_equal(out[0].raw, "  Dupont ");
	assert_string_equal(out[0].s, "Dupont");
	assert_int_equal(out[0].present, 1);
	assert_string_equal(out[1].s, " Il était une fois ");
	assert_int_equal(out[2].i, 42);
	assert_int_equal(out[3].i, 1);
	assert_int_equal(out[4].i, 20240229);
	assert_string_equal(out[5].s, "a@b.fr");
	assert_int_equal(out[6].i, 97400);
	assert_int_equal(out[7].i, 1);
	assert_int_equal(out[7].present, 1);
	assert_string_equal(out[8].s, " é1 ");
	assert_int_equal(out[9].i, -9000000000LL);
	for (size_t i = 0; form[i].name != NULL; i++)
		assert_null(out[i].error);
	arena_free(a);
}

static void test_fields_invalid(void **state)
{
	static const char *const in[] = {
		"nom=   ",
		"bio=x\x01y",
		"age=131",
		"couleur=noir",
		"naissance=2023-02-29",
		"cp=96000",
		"accord=nimportequoi",
		"mdp=abc",
		"n=1.5",
		NULL,
	};
	fieldval out[N_ELEMS(form)];
	arena *a = arena_new(0);
	kvlist l = { 0 };

	(void)state;
	fill(a, &l, in);
	assert_int_equal(validate_fields(a, form, &l, out), 9);
	assert_string_equal(out[0].error, M_REQUIRED);
	assert_string_equal(out[0].raw, "   ");
	assert_string_equal(out[1].error, M_CHARS);
	assert_string_equal(out[2].error, M_BIG);
	assert_string_equal(out[3].error, M_ENUM);
	assert_string_equal(out[4].error, M_DATE);
	assert_string_equal(out[5].error, M_REQUIRED); /* absent */
	assert_null(out[5].raw);
	assert_int_equal(out[5].present, 0);
	assert_string_equal(out[6].error, M_POSTCODE);
	assert_null(out[7].error); /* F_BOOL never fails */
	assert_int_equal(out[7].i, 0);
	assert_string_equal(out[8].error, M_SHORT);
	assert_string_equal(out[9].error, M_INT);
	arena_free(a);
}

static void test_fields_absent(void **state)
{
	static const field f[] = {
		{ .name = "a", .type = F_LINE },
		{ .name = "b", .type = F_INT, .required = 1 },
		{ .name = "c", .type = F_BOOL, .required = 1 },
		{ .name = "d", .type = F_TEXT, .required = 1 },
		{ .name = "e", .type = F_TEXT, .max = 3 },
		{ .name = NULL },
	};
	fieldval out[6];
	arena *a = arena_new(0);
	kvlist l = { 0 };

	(void)state;
	assert_int_equal(validate_fields(a, f, NULL, out), 2);
	assert_int_equal(out[0].present, 0);
	assert_null(out[0].error);
	assert_null(out[0].s);
	assert_string_equal(out[1].error, M_REQUIRED);
	assert_null(out[2].error);
	assert_int_equal(out[2].i, 0);
	assert_int_equal(out[2].present, 0);
	assert_string_equal(out[3].error, M_REQUIRED);
	assert_int_equal(kv_add(a, &l, "d", "x\0y", 3), SPP_OK);
	assert_int_equal(kv_add(a, &l, "e", "abcd", 4), SPP_OK);
	assert_int_equal(kv_add(a, &l, "c", "1", 1), SPP_OK);
	assert_int_equal(validate_fields(a, f, &l, out), 3);
	assert_string_equal(out[3].error, M_CHARS);
	assert_string_equal(out[4].error, M_LONG);
	assert_int_equal(out[2].i, 1);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),	      cmocka_unit_test(test_int),
		cmocka_unit_test(test_enum),	      cmocka_unit_test(test_date),
		cmocka_unit_test(test_email),	      cmocka_unit_test(test_postcode),
		cmocka_unit_test(test_fields_valid),  cmocka_unit_test(test_fields_invalid),
		cmocka_unit_test(test_fields_absent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
