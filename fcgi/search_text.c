/*
 * search_text.c — the tokenizer of the keyword index: one function cuts
 * experiences when they are indexed and visitors' queries when they are
 * read (see search.h for the rules). No database here: it links with the
 * parsers, so unit tests and the fuzz target use it alone.
 */
#include <stdlib.h>
#include <string.h>

#include "search.h"

/* Folded French stop words, sorted (strcmp order) for bsearch. Words of
 * one letter need no entry: they are too short to be terms. */
static const char *const stopwords[] = {
	"ai",	 "aie",	   "aient",   "aies",	 "ait",	    "alors", "as",	 "au",
	"aucun", "aucune", "aupres",  "auquel",	 "aussi",   "autre", "autres",	 "aux",
	"avais", "avait",  "avant",   "avec",	 "avez",    "aviez", "avions",	 "avoir",
	"avons", "ayant",  "bien",    "ca",	 "car",	    "ce",    "ceci",	 "cela",
	"celle", "celles", "celui",   "ces",	 "cet",	    "cette", "ceux",	 "chaque",
	"chez",	 "comme",  "comment", "dans",	 "de",	    "deja",  "depuis",	 "des",
	"donc",	 "dont",   "du",      "elle",	 "elles",   "en",    "encore",	 "entre",
	"es",	 "est",	   "et",      "etaient", "etais",   "etait", "etant",	 "ete",
	"etes",	 "etions", "etre",    "eu",	 "eue",	    "eux",   "ici",	 "il",
	"ils",	 "je",	   "la",      "le",	 "les",	    "leur",  "leurs",	 "lors",
	"lui",	 "ma",	   "mais",    "me",	 "meme",    "memes", "mes",	 "moi",
	"mon",	 "ne",	   "ni",      "nos",	 "notre",   "nous",  "on",	 "ont",
	"ou",	 "par",	   "pas",     "peu",	 "plus",    "pour",  "pourquoi", "qu",
	"quand", "que",	   "quel",    "quelle",	 "quelles", "quels", "qui",	 "quoi",
	"sa",	 "sans",   "se",      "ses",	 "si",	    "son",   "sont",	 "sous",
	"suis",	 "sur",	   "ta",      "te",	 "tes",	    "toi",   "ton",	 "tous",
	"tout",	 "toute",  "toutes",  "tres",	 "tu",	    "un",    "une",	 "unes",
	"uns",	 "vers",   "via",     "vos",	 "votre",   "vous",
};

struct key {
	const char *w;
	size_t n;
};

/* bsearch comparator: a length-bounded word against a stop word. */
static int cmp_stop(const void *k, const void *e)
{
	const struct key *key = k;
	const char *s = *(const char *const *)e;
	size_t sl = strlen(s);
	int c = memcmp(key->w, s, key->n < sl ? key->n : sl);

	if (c)
		return c;
	return key->n < sl ? -1 : key->n > sl;
}

/* See search.h. */
int search_is_stopword(const char *w, size_t n)
{
	struct key k = { w, n };

	return bsearch(&k, stopwords, sizeof stopwords / sizeof stopwords[0], sizeof stopwords[0],
		       cmp_stop) != NULL;
}

/* See search.h. */
size_t search_stem(char *w, size_t n)
{
	if (n >= 5 && !memcmp(w + n - 4, "eaux", 4))
		return n - 1;
	if (n >= 5 && !memcmp(w + n - 3, "aux", 3)) {
		w[n - 2] = 'l';
		return n - 1;
	}
	if (n >= 4 && (w[n - 1] == 'x' || (w[n - 1] == 's' && w[n - 2] != 's')))
		return n - 1;
	return n;
}

/* 1 for the bytes a term is made of. */
static int is_term_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* See search.h. */
int search_tokenize(arena *a, const char *text, search_term_fn fn, void *ctx)
{
	char term[SEARCH_TERM_MAX + 1];
	const char *p;
	char *folded;

	if (!text)
		return SPP_OK;
	folded = utf8_fold(a, text);
	if (!folded)
		return SPP_ENOMEM;
	p = folded;
	while (*p) {
		const char *start;
		size_t n;

		while (*p && !is_term_byte((unsigned char)*p))
			p++;
		start = p;
		while (is_term_byte((unsigned char)*p))
			p++;
		n = (size_t)(p - start);
		if (n < SEARCH_TERM_MIN || n > SEARCH_TERM_MAX || search_is_stopword(start, n))
			continue;
		memcpy(term, start, n);
		n = search_stem(term, n);
		term[n] = '\0';
		int rc = fn(ctx, term, n);
		if (rc)
			return rc;
	}
	return SPP_OK;
}

/* FNV-1a, enough to spread a few hundred short terms. */
static size_t hash_term(const char *s, size_t n)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* See search.h. */
void search_termset_init(search_termset *ts, arena *a, size_t max)
{
	memset(ts, 0, sizeof *ts);
	ts->a = a;
	ts->max = max;
}

/*
 * The set keeps its terms in an array and, beside it, an open-addressing
 * table of positions (size 2 × cap, a power of two) so that indexing a
 * long body stays linear. Both live in the arena; growing re-hashes.
 */
struct tsx {
	size_t *slots; /* position + 1, 0 = empty */
	size_t nslots;
};

/* The hash table is stored just after the terms array: terms[cap] holds it. */
static struct tsx *ts_table(search_termset *ts)
{
	return ts->cap ? (struct tsx *)ts->terms[ts->cap] : NULL;
}

/* Doubles the capacity (16 at first) and re-hashes. */
static int ts_grow(search_termset *ts)
{
	size_t cap = ts->cap ? ts->cap * 2 : 16;
	char **terms = arena_alloc(ts->a, sizeof(char *) * (cap + 1));
	struct tsx *x = arena_alloc(ts->a, sizeof *x);

	if (!terms || !x)
		return SPP_ENOMEM;
	x->nslots = cap * 2;
	x->slots = arena_zalloc(ts->a, sizeof(size_t) * x->nslots);
	if (!x->slots)
		return SPP_ENOMEM;
	for (size_t i = 0; i < ts->n; i++) {
		terms[i] = ts->terms[i];
		size_t h = hash_term(terms[i], strlen(terms[i])) & (x->nslots - 1);
		while (x->slots[h])
			h = (h + 1) & (x->nslots - 1);
		x->slots[h] = i + 1;
	}
	terms[cap] = (char *)x;
	ts->terms = terms;
	ts->cap = cap;
	return SPP_OK;
}

/* See search.h. */
int search_termset_add(search_termset *ts, const char *term, size_t len)
{
	struct tsx *x;
	size_t h;

	if (ts->n == ts->cap && ts_grow(ts) != SPP_OK)
		return SPP_ENOMEM;
	x = ts_table(ts);
	h = hash_term(term, len) & (x->nslots - 1);
	while (x->slots[h]) {
		const char *t = ts->terms[x->slots[h] - 1];
		if (!strncmp(t, term, len) && t[len] == '\0')
			return SPP_OK;
		h = (h + 1) & (x->nslots - 1);
	}
	if (ts->max && ts->n >= ts->max) {
		ts->dropped++;
		return SPP_OK;
	}
	char *copy = arena_strndup(ts->a, term, len);
	if (!copy)
		return SPP_ENOMEM;
	ts->terms[ts->n] = copy;
	x->slots[h] = ++ts->n;
	return SPP_OK;
}

/* search_tokenize callback feeding a termset. */
static int add_cb(void *ctx, const char *term, size_t len)
{
	return search_termset_add(ctx, term, len);
}

/* See search.h. */
int search_termset_text(search_termset *ts, const char *text)
{
	return search_tokenize(ts->a, text, add_cb, ts);
}

/* See search.h. */
int search_termset_structure(search_termset *ts, const char *path, const char *network_id)
{
	char term[32];
	const char *p = path ? path : "";

	while (*p) {
		size_t n = strspn(p, "0123456789");
		if (n > 0 && n < 20) {
			memcpy(term, "s:", 2);
			memcpy(term + 2, p, n);
			if (search_termset_add(ts, term, n + 2) != SPP_OK)
				return SPP_ENOMEM;
		}
		p += n;
		if (*p)
			p++;
	}
	if (network_id) {
		size_t n = strspn(network_id, "0123456789");
		if (n > 0 && n < 20 && !network_id[n]) {
			memcpy(term, "n:", 2);
			memcpy(term + 2, network_id, n);
			if (search_termset_add(ts, term, n + 2) != SPP_OK)
				return SPP_ENOMEM;
		}
	}
	return SPP_OK;
}

/* See search.h. */
int search_terms_json(const search_termset *ts, buf *out)
{
	if (buf_putc(out, '[') != SPP_OK)
		return SPP_ENOMEM;
	for (size_t i = 0; i < ts->n; i++) {
		/* terms are [a-z0-9] runs or the filter terms: nothing to escape */
		if ((i && buf_putc(out, ',') != SPP_OK) || buf_putc(out, '"') != SPP_OK ||
		    buf_puts(out, ts->terms[i]) != SPP_OK || buf_putc(out, '"') != SPP_OK)
			return SPP_ENOMEM;
	}
	return buf_putc(out, ']');
}
