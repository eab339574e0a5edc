/*
 * fuzz_search.c — libFuzzer target for the keyword tokenizer
 * (fcgi/search_text.c): any bytes are cut into terms that are 2–40
 * characters of [a-z0-9]; a term set built from them holds each term once
 * and serialises to a JSON array; structure filter terms never crash on
 * junk paths.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/search.h"

static arena *a;

/* Every term respects the tokenizer's contract. */
static int check_term(void *ctx, const char *term, size_t len)
{
	size_t *count = ctx;

	if (len < SEARCH_TERM_MIN || len > SEARCH_TERM_MAX || strlen(term) != len)
		abort();
	for (size_t i = 0; i < len; i++)
		if (!((term[i] >= 'a' && term[i] <= 'z') || (term[i] >= '0' && term[i] <= '9')))
			abort();
	(*count)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	search_termset ts;
	size_t count = 0;
	char *s;
	buf b;

	if (!a)
		a = arena_new(1 << 16);
	s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0'; /* the text stops at the first NUL, like a C string */
	if (search_tokenize(a, s, check_term, &count) != SPP_OK)
		abort();
	search_termset_init(&ts, a, 0);
	if (search_termset_text(&ts, s) != SPP_OK || ts.n > count)
		abort();
	for (size_t i = 0; i < ts.n; i++)
		for (size_t j = i + 1; j < ts.n && j < i + 8; j++)
			if (!strcmp(ts.terms[i], ts.terms[j]))
				abort();
	search_termset_init(&ts, a, SEARCH_QUERY_WORDS);
	if (search_termset_text(&ts, s) != SPP_OK || ts.n > SEARCH_QUERY_WORDS)
		abort();
	if (search_termset_structure(&ts, s, s) != SPP_OK)
		abort();
	buf_init(&b, a);
	if (search_terms_json(&ts, &b) != SPP_OK || b.data[0] != '[' || b.data[b.len - 1] != ']')
		abort();
	free(s);
	arena_reset(a);
	return 0;
}
