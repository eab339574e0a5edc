/*
 * rating.h — the author's private link to rate a published answer
 * «utile» / «pas utile» (/avis-reponse/<token>).
 *
 * The token is 32 random bytes in base64url (43 characters); only its
 * BLAKE2b-256 hash is stored (answer_ratings.token_hash). One link rates
 * one answer: the first rating is free, a change is allowed for 30 days
 * after it, then the rating is final.
 */
#ifndef SPP_RATING_H
#define SPP_RATING_H

#include "spp.h"

#define RATING_TOKEN_LEN   43
#define RATING_CHANGE_DAYS 30

/*
 * Creates (or replaces: the older link stops working, the rating given so
 * far is kept) the rating link of answer answer_id, in the caller's
 * transaction. On SPP_OK *token_out is the raw token (an arena string) to
 * put in the author's mail as <base_url>/avis-reponse/<token>; it is never
 * stored. Returns SPP_OK, SPP_ENOMEM or SPP_EDB.
 */
int rating_create_token(long long answer_id, arena *a, char **token_out);

#endif
