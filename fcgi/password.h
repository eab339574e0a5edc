/*
 * password.h — the password policy and argon2id hashing (libsodium's
 * crypto_pwhash_str). Pure functions of their arguments: no database, so
 * the unit tests exercise them directly.
 */
#ifndef SPP_PASSWORD_H
#define SPP_PASSWORD_H

#include <stddef.h>

#define PW_MIN_CHARS 12	  /* code points */
#define PW_MAX_CHARS 1000 /* code points: long passphrases are welcome */
#define PW_HASH_MAX  128  /* crypto_pwhash_STRBYTES */

/*
 * Checks a new password against the policy: valid UTF-8 without control
 * characters, PW_MIN_CHARS..PW_MAX_CHARS code points, not a common
 * password (alone or followed by a few digits/symbols), not containing the
 * username (may be NULL). Returns NULL when acceptable, else a French
 * message (static string) to show next to the field.
 */
const char *password_policy(const char *pw, const char *username);

/* 1 when pw (any case) is on the list of common passwords, possibly
 * followed by up to six digits or symbols. */
int password_is_common(const char *pw);

/*
 * Hashes pw with argon2id into out (PW_HASH_MAX bytes, NUL-terminated).
 * Returns 0, or -1 when memory could not be obtained.
 */
int password_hash(const char *pw, char *out);

/* 1 when pw matches hash (a crypto_pwhash_str string), else 0. */
int password_verify(const char *hash, const char *pw);

/* 1 when hash was made with other parameters than today's (rehash it
 * at the next successful login), 0 otherwise. */
int password_needs_rehash(const char *hash);

/* Spends the time of one verification, for logins that name no account
 * (so response time does not reveal which usernames exist). */
void password_verify_dummy(const char *pw);

#endif
