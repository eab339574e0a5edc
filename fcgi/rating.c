/*
 * rating.c — creating the rating link of a published answer (see
 * rating.h). The page that uses the link is page_rating.c.
 */
#include <string.h>

#include "auth.h"
#include "db.h"
#include "rating.h"

static db_stmt q_upsert = DB_STMT("INSERT INTO answer_ratings (answer_id, token_hash) VALUES (?, ?)"
				  " ON DUPLICATE KEY UPDATE token_hash = VALUES(token_hash)");

/* See rating.h. */
int rating_create_token(long long answer_id, arena *a, char **token_out)
{
	char tok[RATING_TOKEN_LEN + 8];
	unsigned char hash[AUTH_HASH_LEN];

	*token_out = NULL;
	auth_random_token(tok, sizeof tok, 32);
	auth_token_hash(tok, hash);
	if (db_exec(&q_upsert, DB_ARGS(A_INT(answer_id), A_BLOB((const char *)hash, sizeof hash)),
		    NULL, NULL) != SPP_OK)
		return SPP_EDB;
	*token_out = arena_strdup(a, tok);
	return *token_out ? SPP_OK : SPP_ENOMEM;
}
