/*
 * test_search.c — unit tests of the keyword index's text side
 * (fcgi/search_text.c): the tokenizer over a table of French inputs, the
 * stemmer, the stop words, the term sets, the structure filter terms and
 * the JSON form the index statements receive.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../fcgi/search.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

/* Collects the terms of a text, space-separated. */
static int collect(void *ctx, const char *term, size_t len)
{
	buf *b = ctx;

	assert_int_equal(strlen(term), len);
	if (b->len)
		buf_putc(b, ' ');
	buf_append(b, term, len);
	return 0;
}

static const char *terms_of(arena *a, const char *text)
{
	buf b;

	buf_init(&b, a);
	assert_int_equal(search_tokenize(a, text, collect, &b), SPP_OK);
	return buf_cstr(&b);
}

struct tok_case {
	const char *in;
	const char *out;
};

static const struct tok_case tok_cases[] = {
	{ "", "" },
	{ "passeport", "passeport" },
	{ "Passeports", "passeport" },
	{ "PASSEPORT", "passeport" },
	{ "passéport", "passeport" },
	{ "L'accueil de la CAF", "accueil caf" },
	{ "l’accueil", "accueil" }, /* typographic apostrophe */
	{ "Réseaux sociaux", "reseau social" },
	{ "les journaux locaux", "journal local" },
	{ "Où est mon dossier ?", "dossier" },
	{ "a b c d", "" }, /* one letter: never a term */
	{ "Les élèves ÉTUDIANTS", "eleve etudiant" },
	{ "Ça va", "va" },
	{ "2024 RDV n°12", "2024 rdv 12" },
	{ "😀passeport😀", "passeport" }, /* 4-byte UTF-8 is a separator */
	{ "œuvre Œuvres", "oeuvre oeuvre" },
	{ "les mois", "moi" },	  /* stop words go before stemming */
	{ "stress", "stress" },	  /* -ss is not a plural */
	{ "bus gaz", "bus gaz" }, /* 3 letters: not stemmed */
	{ "prix", "pri" },
	{ "aujourd'hui", "aujourd hui" },
	{ "rendez-vous", "rendez" },
	{ "<script>alert(1)</script>", "script alert script" },
	{ "' OR 1=1 --", "or" },
	{ "e-mail:x@y.fr", "mail fr" },
	{ "caf33 CAF33", "caf33 caf33" },
	{ "\xff\xfe garbage \xc3", "garbage" }, /* invalid UTF-8 is a separator */
	{ "déjà vu", "vu" },
};

static void test_tokenize_table(void **state)
{
	(void)state;
	arena *a = arena_new(4096);
	for (size_t i = 0; i < N_ELEMS(tok_cases); i++) {
		const char *got = terms_of(a, tok_cases[i].in);
		if (strcmp(got, tok_cases[i].out))
			fail_msg("«%s» → «%s», expected «%s»", tok_cases[i].in, got,
				 tok_cases[i].out);
	}
	arena_free(a);
}

static void test_tokenize_lengths(void **state)
{
	(void)state;
	arena *a = arena_new(4096);
	char w40[41], w41[42], w10k[10241];

	memset(w40, 'b', 40);
	w40[40] = '\0';
	memset(w41, 'b', 41);
	w41[41] = '\0';
	memset(w10k, 'q', 10240);
	w10k[10240] = '\0';
	assert_string_equal(terms_of(a, w40), w40);
	assert_string_equal(terms_of(a, w41), "");
	assert_string_equal(terms_of(a, w10k), "");
	assert_string_equal(terms_of(a, NULL), "");
	arena_free(a);
}

/* A callback's non-zero value stops the walk and is returned. */
static int stop_at_second(void *ctx, const char *term, size_t len)
{
	int *n = ctx;

	(void)term;
	(void)len;
	return ++*n == 2 ? 42 : 0;
}

static void test_tokenize_stop(void **state)
{
	(void)state;
	arena *a = arena_new(4096);
	int n = 0;

	assert_int_equal(search_tokenize(a, "un deux trois quatre", stop_at_second, &n), 42);
	assert_int_equal(n, 2);
	arena_free(a);
}

struct stem_case {
	const char *in, *out;
};

static const struct stem_case stem_cases[] = {
	{ "passeports", "passeport" },
	{ "chevaux", "cheval" },
	{ "reseaux", "reseau" },
	{ "bateaux", "bateau" },
	{ "eaux", "eau" },
	{ "faux", "fau" },
	{ "bus", "bus" },
	{ "stress", "stress" },
	{ "dossier", "dossier" },
	{ "voix", "voi" },
	{ "ans", "ans" },
	{ "delais", "delai" },
};

static void test_stem(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(stem_cases); i++) {
		char w[64];
		size_t n = strlen(stem_cases[i].in);
		memcpy(w, stem_cases[i].in, n);
		n = search_stem(w, n);
		w[n] = '\0';
		if (strcmp(w, stem_cases[i].out))
			fail_msg("stem(%s) = %s, expected %s", stem_cases[i].in, w,
				 stem_cases[i].out);
	}
}

static void test_stopwords(void **state)
{
	(void)state;
	/* first, last and a few in between: the table is sorted for bsearch */
	static const char *const yes[] = { "ai",  "vous",     "vos",  "via", "de",
					   "des", "pourquoi", "etre", "ete", "qu" };
	static const char *const no[] = { "caf", "dossier", "passeport", "a",
					  "",	 "vousx",   "zz",	 "aa" };

	for (size_t i = 0; i < N_ELEMS(yes); i++)
		assert_true(search_is_stopword(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < N_ELEMS(no); i++)
		assert_false(search_is_stopword(no[i], strlen(no[i])));
	/* length-bounded: a prefix of a longer buffer */
	assert_true(search_is_stopword("desxyz", 3));
}

static void test_termset(void **state)
{
	(void)state;
	arena *a = arena_new(4096);
	search_termset ts;
	char w[16];

	search_termset_init(&ts, a, 0);
	assert_int_equal(
		search_termset_text(&ts, "Passeport passeports PASSEPORT rendez-vous passeport"),
		SPP_OK);
	assert_int_equal(ts.n, 2);
	assert_string_equal(ts.terms[0], "passeport");
	assert_string_equal(ts.terms[1], "rendez");
	/* growth past the first table, every term kept once */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 300; i++) {
			snprintf(w, sizeof w, "t%d", i);
			assert_int_equal(search_termset_add(&ts, w, strlen(w)), SPP_OK);
		}
	assert_int_equal(ts.n, 302);
	assert_string_equal(ts.terms[301], "t299");
	/* a limit counts what it refuses */
	search_termset_init(&ts, a, 4);
	assert_int_equal(search_termset_text(&ts, "un1 deux trois quatre cinq six deux"), SPP_OK);
	assert_int_equal(ts.n, 4);
	assert_true(ts.dropped >= 2);
	arena_free(a);
}

static void test_structure_terms(void **state)
{
	(void)state;
	arena *a = arena_new(4096);
	search_termset ts;
	buf b;

	search_termset_init(&ts, a, 0);
	assert_int_equal(search_termset_add(&ts, "*", 1), SPP_OK);
	assert_int_equal(search_termset_structure(&ts, "/1/5/23/", "7"), SPP_OK);
	assert_int_equal(search_termset_structure(&ts, "/1/5/24/", "7"), SPP_OK);
	assert_int_equal(search_termset_structure(&ts, "junk//x", "7x"), SPP_OK);
	assert_int_equal(search_termset_structure(&ts, NULL, NULL), SPP_OK);
	buf_init(&b, a);
	assert_int_equal(search_terms_json(&ts, &b), SPP_OK);
	assert_string_equal(buf_cstr(&b), "[\"*\",\"s:1\",\"s:5\",\"s:23\",\"n:7\",\"s:24\"]");
	search_termset_init(&ts, a, 0);
	buf_init(&b, a);
	assert_int_equal(search_terms_json(&ts, &b), SPP_OK);
	assert_string_equal(buf_cstr(&b), "[]");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize_table),	cmocka_unit_test(test_tokenize_lengths),
		cmocka_unit_test(test_tokenize_stop),	cmocka_unit_test(test_stem),
		cmocka_unit_test(test_stopwords),	cmocka_unit_test(test_termset),
		cmocka_unit_test(test_structure_terms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
