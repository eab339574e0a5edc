/*
 * page_experience.h — the public experience pages share one route table
 * (page_experience_public.c); the handlers of the deposit form
 * (page_deposit.c) and of the rating link (page_rating.c) are declared
 * here, with the few helpers they share.
 */
#ifndef SPP_PAGE_EXPERIENCE_H
#define SPP_PAGE_EXPERIENCE_H

#include "request.h"

/* page_deposit.c: «Donner mon avis» and its confirmation. */
extern const field deposit_fields[];
int deposit_form(request *r);
int deposit_thanks(request *r);

/* page_rating.c: the author's private rating link. */
extern const field rating_fields[];
int rating_page(request *r);

/* The labels of the feelings, as stored (positif, neutre, negatif). */
extern const char *const expub_feelings[];

/*
 * Parses a decimal id of 1–10 digits that fits an INT UNSIGNED; 0 when s
 * is anything else (so a malformed id is a 404, like an unknown one).
 */
long long expub_parse_id(const char *s);

/*
 * Adds <name> under parent holding the plain-text excerpt of body: spaces
 * collapsed, at most max bytes, cut at a word boundary with "…".
 */
void expub_excerpt(xmlNodePtr parent, const char *name, const char *body, size_t max);

#endif
