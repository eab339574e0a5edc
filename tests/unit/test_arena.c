/*
 * test_arena.c — unit tests of spp.h: the arena, buffers, key/value lists
 * and the UTF-8 helpers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../fcgi/spp.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

/* Every pointer handed out is 16-byte aligned, whatever the sizes asked. */
static void test_alignment(void **state)
{
	static const size_t sizes[] = { 0, 1, 3, 15, 16, 17, 31, 100, 1000, 5000, 70000, 7 };
	arena *a = arena_new(4096);
	size_t i, k;

	(void)state;
	assert_non_null(a);
	for (k = 0; k < 50; k++) {
		for (i = 0; i < N_ELEMS(sizes); i++) {
			unsigned char *p = arena_alloc(a, sizes[i]);

			assert_non_null(p);
			assert_int_equal((uintptr_t)p % 16, 0);
			memset(p, 0xAB, sizes[i]);
		}
	}
	arena_free(a);
}

/* Allocations never overlap, across chunk boundaries and large blocks. */
static void test_no_overlap(void **state)
{
	arena *a = arena_new(1024);
	unsigned char *blocks[200];
	size_t lens[200];
	size_t i, j;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < N_ELEMS(blocks); i++) {
		lens[i] = (i * 37) % 600 + 1;
		blocks[i] = arena_alloc(a, lens[i]);
		assert_non_null(blocks[i]);
		memset(blocks[i], (int)(i & 0xFF), lens[i]);
	}
	for (i = 0; i < N_ELEMS(blocks); i++)
		for (j = 0; j < lens[i]; j++)
			assert_int_equal(blocks[i][j], i & 0xFF);
	arena_free(a);
}

/* A large allocation does not waste the current chunk. */
static void test_large_keeps_chunk(void **state)
{
	arena *a = arena_new(4096);
	char *small1, *big, *small2;

	(void)state;
	small1 = arena_alloc(a, 32);
	big = arena_alloc(a, 100000);
	small2 = arena_alloc(a, 32);
	assert_non_null(small1);
	assert_non_null(big);
	assert_non_null(small2);
	assert_ptr_equal(small2, small1 + 32);
	memset(big, 1, 100000);
	assert_true(arena_used(a) >= 100064);
	arena_free(a);
}

/* Reset empties the arena and reuses the first chunk. */
static void test_reset_reuses_first_chunk(void **state)
{
	arena *a = arena_new(4096);
	char *first, *again;
	int i;

	(void)state;
	first = arena_alloc(a, 10);
	for (i = 0; i < 100; i++)
		assert_non_null(arena_alloc(a, 1000));
	assert_non_null(arena_alloc(a, 1 << 20));
	assert_true(arena_used(a) > 100000);
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	again = arena_alloc(a, 10);
	assert_ptr_equal(first, again);
	arena_reset(a);
	/* A large block taken while the first chunk is current is released
	 * too (checked by the sanitizer builds' leak detector). */
	assert_non_null(arena_alloc(a, 1 << 16));
	assert_non_null(arena_alloc(a, 10));
	arena_reset(a);
	assert_ptr_equal(arena_alloc(a, 10), first);
	arena_reset(a);
	arena_free(a);
}

static int order[8];
static int norder;

static void record(void *p)
{
	order[norder++] = *(int *)p;
}

/* Cleanups run once, in reverse order, at reset and at free. */
static void test_cleanup_order(void **state)
{
	static int vals[] = { 1, 2, 3, 4 };
	arena *a = arena_new(0);
	size_t i;

	(void)state;
	norder = 0;
	for (i = 0; i < 3; i++)
		assert_int_equal(arena_on_cleanup(a, record, &vals[i]), SPP_OK);
	arena_reset(a);
	assert_int_equal(norder, 3);
	assert_int_equal(order[0], 3);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 1);
	arena_reset(a);
	assert_int_equal(norder, 3);
	assert_int_equal(arena_on_cleanup(a, record, &vals[3]), SPP_OK);
	arena_free(a);
	assert_int_equal(norder, 4);
	assert_int_equal(order[3], 4);
	assert_int_equal(arena_on_cleanup(NULL, NULL, NULL), SPP_EINVAL);
	arena_free(NULL);
	arena_reset(NULL);
}

/* String helpers: strdup, strndup, printf, zalloc. */
static void test_strings(void **state)
{
	arena *a = arena_new(1024);
	char big[5000];
	unsigned char *z;
	char *s;
	size_t i;

	(void)state;
	assert_null(arena_strdup(a, NULL));
	assert_null(arena_strndup(a, NULL, 3));
	assert_string_equal(arena_strdup(a, ""), "");
	assert_string_equal(arena_strdup(a, "bonjour"), "bonjour");
	assert_string_equal(arena_strndup(a, "bonjour", 3), "bon");
	assert_string_equal(arena_strndup(a, "bon", 10), "bon");
	assert_string_equal(arena_strndup(a, "abc", 0), "");
	assert_string_equal(arena_printf(a, "%d-%s-%05.1f", 42, "x", 3.14159), "42-x-003.1");
	assert_string_equal(arena_printf(a, "%s", ""), "");
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = arena_printf(a, "<%s>", big);
	assert_non_null(s);
	assert_int_equal(strlen(s), sizeof(big) + 1);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[sizeof(big)], '>');
	z = arena_zalloc(a, 3000);
	assert_non_null(z);
	for (i = 0; i < 3000; i++)
		assert_int_equal(z[i], 0);
	arena_free(a);
}

/* Buffers grow, keep NULs, and are always terminated. */
static void test_buf(void **state)
{
	arena *a = arena_new(1024);
	buf b;
	int i;

	(void)state;
	buf_init(&b, a);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(buf_append(&b, "", 0), SPP_OK);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(buf_puts(&b, "abc"), SPP_OK);
	assert_int_equal(buf_putc(&b, 'd'), SPP_OK);
	assert_string_equal(buf_cstr(&b), "abcd");
	assert_int_equal(buf_append(&b, "e\0f", 3), SPP_OK);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, "abcde\0f", 8);
	for (i = 0; i < 10000; i++)
		assert_int_equal(buf_putc(&b, (char)('0' + i % 10)), SPP_OK);
	assert_int_equal(b.len, 10007);
	assert_int_equal(strlen(buf_cstr(&b) + 7), 10000);
	assert_int_equal(b.data[10006], '9');
	arena_free(a);
}

/* Key/value lists keep order, copy their input and find the first match. */
static void test_kv(void **state)
{
	arena *a = arena_new(1024);
	kvlist l = { 0 };
	char key[8] = "k";
	char val[8] = "v1";

	(void)state;
	assert_null(kv_get(&l, "k"));
	assert_int_equal(kv_count(&l, "k"), 0);
	assert_int_equal(kv_add(a, &l, key, val, 2), SPP_OK);
	strcpy(val, "zz");
	assert_int_equal(kv_add(a, &l, "k", "v2", 2), SPP_OK);
	assert_int_equal(kv_add(a, &l, "other", NULL, 0), SPP_OK);
	assert_int_equal(kv_add(a, &l, "bin", "a\0b", 3), SPP_OK);
	assert_int_equal(kv_add(a, &l, NULL, "x", 1), SPP_EINVAL);
	strcpy(key, "zz");
	assert_int_equal(l.n, 4);
	assert_string_equal(kv_get(&l, "k"), "v1");
	assert_string_equal(kv_get(&l, "other"), "");
	assert_null(kv_get(&l, "missing"));
	assert_null(kv_get(NULL, "k"));
	assert_int_equal(kv_count(&l, "k"), 2);
	assert_int_equal(kv_count(&l, "K"), 0);
	assert_int_equal(l.tail->len, 3);
	assert_memory_equal(l.tail->val, "a\0b", 4);
	assert_string_equal(l.head->next->val, "v2");
	arena_free(a);
}

struct utf8_case {
	const char *s;
	size_t len; /* 0: strlen(s) */
	int valid;
	size_t cps; /* code points when valid */
};

static const struct utf8_case utf8_cases[] = {
	{ "", 0, 1, 0 },
	{ "abc", 0, 1, 3 },
	{ "é", 0, 1, 1 },
	{ "Élysée", 0, 1, 6 },
	{ "\xE2\x82\xAC", 0, 1, 1 },	     /* € */
	{ "\xF0\x9F\x98\x80", 0, 1, 1 },     /* U+1F600 */
	{ "\xF4\x8F\xBF\xBF", 0, 1, 1 },     /* U+10FFFF */
	{ "\xEF\xBF\xBF", 0, 1, 1 },	     /* U+FFFF */
	{ "\xED\x9F\xBF", 0, 1, 1 },	     /* U+D7FF */
	{ "\xEE\x80\x80", 0, 1, 1 },	     /* U+E000 */
	{ "\xC2\x80", 0, 1, 1 },	     /* U+0080 */
	{ "\xE0\xA0\x80", 0, 1, 1 },	     /* U+0800 */
	{ "\xF0\x90\x80\x80", 0, 1, 1 },     /* U+10000 */
	{ "a\0b", 3, 0, 0 },		     /* NUL */
	{ "\xC0\xAF", 0, 0, 0 },	     /* overlong '/' */
	{ "\xC1\xBF", 0, 0, 0 },	     /* overlong */
	{ "\xE0\x80\xAF", 0, 0, 0 },	     /* overlong */
	{ "\xE0\x9F\xBF", 0, 0, 0 },	     /* overlong */
	{ "\xF0\x80\x80\xAF", 0, 0, 0 },     /* overlong */
	{ "\xF0\x8F\xBF\xBF", 0, 0, 0 },     /* overlong */
	{ "\xC0\x80", 0, 0, 0 },	     /* overlong NUL */
	{ "\xED\xA0\x80", 0, 0, 0 },	     /* surrogate D800 */
	{ "\xED\xBF\xBF", 0, 0, 0 },	     /* surrogate DFFF */
	{ "\xF4\x90\x80\x80", 0, 0, 0 },     /* U+110000 */
	{ "\xF5\x80\x80\x80", 0, 0, 0 },     /* beyond */
	{ "\xF8\x88\x80\x80\x80", 0, 0, 0 }, /* 5-byte form */
	{ "\xFF", 0, 0, 0 },
	{ "\xFE", 0, 0, 0 },
	{ "\x80", 0, 0, 0 }, /* lone continuation */
	{ "a\xBF", 0, 0, 0 },
	{ "\xC3", 0, 0, 0 },	     /* truncated */
	{ "\xE2\x82", 0, 0, 0 },     /* truncated */
	{ "\xF0\x9F\x98", 0, 0, 0 }, /* truncated */
	{ "\xC3\x28", 0, 0, 0 },     /* bad continuation */
	{ "\xE2\x28\xA1", 0, 0, 0 },
	{ "\xE2\x82\x28", 0, 0, 0 },
	{ "\xF0\x9F\x28\x80", 0, 0, 0 },
	{ "\xF0\x9F\x98\x28", 0, 0, 0 },
	{ "ok\xC3\xA9\xC3", 0, 0, 0 },
};

static void test_utf8_valid(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(utf8_cases); i++) {
		const struct utf8_case *c = &utf8_cases[i];
		size_t len = c->len ? c->len : strlen(c->s);

		if (utf8_valid(c->s, len) != c->valid)
			fail_msg("utf8_valid case %zu", i);
		if (c->valid && utf8_len(c->s, len) != c->cps)
			fail_msg("utf8_len case %zu", i);
	}
	assert_int_equal(utf8_valid(NULL, 0), 1);
	/* A valid sequence cut by len is invalid. */
	assert_int_equal(utf8_valid("\xC3\xA9", 1), 0);
}

static const char *const fold_cases[][2] = {
	{ "", "" },
	{ "Bonjour", "bonjour" },
	{ "ÉCOLE", "ecole" },
	{ "Élysée", "elysee" },
	{ "à â ä á ã å", "a a a a a a" },
	{ "À Â Ä Á Ã Å", "a a a a a a" },
	{ "ç Ç", "c c" },
	{ "é è ê ë É È Ê Ë", "e e e e e e e e" },
	{ "î ï í ì Î Ï Í Ì", "i i i i i i i i" },
	{ "ô ö ó ò õ Ô Ö Ó Ò Õ", "o o o o o o o o o o" },
	{ "ù û ü ú Ù Û Ü Ú", "u u u u u u u u" },
	{ "ÿ Ÿ ñ Ñ", "y y n n" },
	{ "cœur Œuvre", "coeur oeuvre" },
	{ "Lætitia ÆSOP", "laetitia aesop" },
	{ "L'Haÿ-les-Roses", "l'hay-les-roses" },
	{ "ß Ø € 日本", "ß Ø € 日本" },
	{ "ABC-xyz_09", "abc-xyz_09" },
	{ "\xC3", "\xC3" }, /* truncated sequence copied as is */
	{ "\xC5\x41", "\xC5"
		      "a" },
};

static void test_utf8_fold(void **state)
{
	arena *a = arena_new(0);
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(fold_cases); i++) {
		char *r = utf8_fold(a, fold_cases[i][0]);

		assert_non_null(r);
		if (strcmp(r, fold_cases[i][1]) != 0)
			fail_msg("fold case %zu: got \"%s\"", i, r);
	}
	assert_null(utf8_fold(a, NULL));
	arena_free(a);
}

/* spp_log writes one line; just check that it does not crash on edge input. */
static void test_log(void **state)
{
	char big[5000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	spp_log("test %d", 1);
	spp_log("trailing newline\n");
	spp_log("%s", big);
	spp_log("%s", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_no_overlap),
		cmocka_unit_test(test_large_keeps_chunk),
		cmocka_unit_test(test_reset_reuses_first_chunk),
		cmocka_unit_test(test_cleanup_order),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_kv),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_fold),
		cmocka_unit_test(test_log),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
