/*
 * test_password.c — unit tests of the password policy, argon2id hashing,
 * the role → capability table and the MIME message builder.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "../../fcgi/auth.h"
#include "../../fcgi/mail.h"
#include "../../fcgi/password.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

/* Table of passwords and whether the policy accepts them. */
static void test_policy_table(void **state)
{
	static const struct {
		const char *pw;
		const char *user;
		int ok;
	} cases[] = {
		{ "", NULL, 0 },
		{ "court", NULL, 0 },
		{ "onze-chars!", NULL, 0 },  /* 11 */
		{ "douze-chars!", NULL, 1 }, /* 12 */
		{ "éléphantçàù", NULL, 0 },  /* 11 code points, more bytes */
		{ "éléphantçàùé", NULL, 1 }, /* 12 code points */
		{ "motdepasse123", NULL, 0 },
		{ "MotDePasse123", NULL, 0 },
		{ "azertyuiop123", NULL, 0 },
		{ "AZERTYUIOP!!", NULL, 0 },
		{ "soleil123456", NULL, 0 },
		{ "marseille2024!", NULL, 0 },
		{ "123456789012", NULL, 0 },
		{ "aaaaaaaaaaaaaaa", NULL, 0 },
		{ "password1234", NULL, 0 },
		{ "servicespublicsplus", NULL, 0 },
		{ "cheval correct agrafe batterie", NULL, 1 },
		{ "Le chat dort sur le radiateur", NULL, 1 },
		{ "🦊🦊 renard des neiges 🦊", NULL, 1 },
		{ "jean.dupont-secret", "jean.dupont", 0 },
		{ "JEAN.DUPONT-secret", "jean.dupont", 0 },
		{ "tout autre chose ici", "jean.dupont", 1 },
		{ "tab\tinside password", NULL, 0 },
		{ "\xff\xfe invalid utf8 here", NULL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *why = password_policy(cases[i].pw, cases[i].user);
		if ((why == NULL) != cases[i].ok)
			fail_msg("policy(%s) = %s, expected %s", cases[i].pw, why ? why : "ok",
				 cases[i].ok ? "ok" : "refusal");
	}
}

/* Long passphrases are accepted up to the limit, refused beyond. */
static void test_policy_length(void **state)
{
	char *pw = malloc(PW_MAX_CHARS + 2);

	(void)state;
	assert_non_null(pw);
	for (int i = 0; i < PW_MAX_CHARS; i++)
		pw[i] = (char)('a' + (i * 7 + i / 26) % 26);
	pw[PW_MAX_CHARS] = '\0';
	assert_null(password_policy(pw, NULL));
	pw[PW_MAX_CHARS] = 'x';
	pw[PW_MAX_CHARS + 1] = '\0';
	assert_non_null(password_policy(pw, NULL));
	free(pw);
}

static void test_common(void **state)
{
	(void)state;
	assert_true(password_is_common("motdepasse"));
	assert_true(password_is_common("Azerty"));
	assert_true(password_is_common("doudou123"));
	assert_false(password_is_common("chouchou1234567")); /* tail longer than six */
	assert_false(password_is_common("une phrase secrète"));
}

/* argon2id, t >= 2, m >= 64 MiB, verification, rehash detection. */
static void test_hash_verify(void **state)
{
	char h[PW_HASH_MAX], weak[PW_HASH_MAX];
	const char *pw = "une phrase de passe assez longue";

	(void)state;
	assert_true(sodium_init() >= 0);
	assert_int_equal(password_hash(pw, h), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_non_null(strstr(h, "m=65536,t=2"));
	assert_true(password_verify(h, pw));
	assert_false(password_verify(h, "une phrase de passe assez longuE"));
	assert_false(password_verify("", pw));
	assert_false(password_verify("n'importe quoi", pw));
	assert_false(password_needs_rehash(h));
	/* a hash made with weaker parameters must be redone */
	assert_int_equal(crypto_pwhash_str(weak, pw, strlen(pw), 1, 8192 * 1024), 0);
	assert_true(password_verify(weak, pw));
	assert_true(password_needs_rehash(weak));
	/* two hashes of the same password differ (salt) */
	char h2[PW_HASH_MAX];
	assert_int_equal(password_hash(pw, h2), 0);
	assert_string_not_equal(h, h2);
}

static void test_roles(void **state)
{
	(void)state;
	assert_int_equal(auth_role_caps("nobody"), 0);
	assert_int_equal(auth_role_caps("administrateur"), CAP_ALL);
	assert_true(auth_role_caps("agent") & CAP_PUBLISH);
	assert_false(auth_role_caps("repondant") & CAP_PUBLISH);
	assert_true(auth_role_caps("super_agent") & CAP_VALIDATE);
	assert_true(auth_role_caps("super_agent") & CAP_MANAGE_AGENTS);
	assert_false(auth_role_caps("evaluateur") & CAP_ANSWER);
	assert_true(auth_role_caps("referent") & CAP_NETWORK);
	assert_false(auth_role_caps("referent") & CAP_ANSWER);
	assert_int_equal(auth_role_caps("moderateur"), CAP_AGENT | CAP_MODERATE);
	assert_true(auth_role_platform("moderateur"));
	assert_true(auth_role_platform("administrateur"));
	assert_false(auth_role_platform("referent"));
}

static void test_tokens(void **state)
{
	char a[64], b[64];
	unsigned char ha[AUTH_HASH_LEN], hb[AUTH_HASH_LEN];

	(void)state;
	auth_random_token(a, sizeof a, 16);
	auth_random_token(b, sizeof b, 16);
	assert_int_equal(strlen(a), AUTH_TOKEN_LEN);
	assert_true(auth_token_valid(a, AUTH_TOKEN_LEN));
	assert_string_not_equal(a, b);
	auth_random_token(a, sizeof a, 32);
	assert_int_equal(strlen(a), AUTH_LINK_TOKEN_LEN);
	assert_false(auth_token_valid("abc", AUTH_TOKEN_LEN));
	assert_false(auth_token_valid("abcdefghijklmnopqrstu=", AUTH_TOKEN_LEN));
	assert_false(auth_token_valid(NULL, AUTH_TOKEN_LEN));
	auth_token_hash("x", ha);
	auth_token_hash("y", hb);
	assert_memory_not_equal(ha, hb, AUTH_HASH_LEN);
}

/* Decodes quoted-printable s (CRLF line ends) into a malloc'd string. */
static char *qp_decode(const char *s, size_t n)
{
	char *o = malloc(n + 1), *p = o;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=' && i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (s[i] == '=' && i + 2 < n) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			*p++ = (char)strtol(hex, NULL, 16);
			i += 2;
		} else if (s[i] == '\r') {
			continue;
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	return o;
}

static void test_mail_build(void **state)
{
	const char *text =
		"Bonjour Élodie,\n\nVoici le lien : "
		"https://exemple.gouv.fr/agent/mot-de-passe/AbC-dEf_0123456789abcdefghijklmnopqrstuvwxyzABCD\n"
		"Ligne avec = et espace finale \n.point en début\nFrom début";
	char *m = mail_build("ne-pas-repondre@exemple.gouv.fr", "agent@exemple.fr",
			     "Réinitialisation de votre mot de passe Services Publics+", text, NULL,
			     "Mon, 01 Jan 2024 00:00:00 +0000", "x.1@exemple.gouv.fr");

	(void)state;
	assert_non_null(m);
	assert_non_null(strstr(m, "From: Services Publics+ <ne-pas-repondre@exemple.gouv.fr>\r\n"));
	assert_non_null(strstr(m, "To: <agent@exemple.fr>\r\n"));
	assert_non_null(strstr(m, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(m, "MIME-Version: 1.0\r\n"));
	assert_non_null(strstr(m, "Message-ID: <x.1@exemple.gouv.fr>\r\n"));
	assert_non_null(strstr(m, "multipart/alternative;\r\n boundary=\""));
	assert_non_null(strstr(m, "Content-Type: text/plain; charset=UTF-8"));
	assert_non_null(strstr(m, "Content-Type: text/html; charset=UTF-8"));
	/* only ASCII, lines of at most 78 characters + CRLF */
	size_t col = 0;
	for (const char *p = m; *p; p++) {
		assert_true((unsigned char)*p < 128);
		if (*p == '\n') {
			assert_true(p > m && p[-1] == '\r');
			col = 0;
		} else if (++col > 78) {
			fail_msg("line too long near: %.40s", p - 40);
		}
	}
	/* the text part decodes back to the text */
	const char *start = strstr(m, "quoted-printable\r\n\r\n");
	assert_non_null(start);
	start += strlen("quoted-printable\r\n\r\n");
	const char *end = strstr(start, "\r\n--=_spplus_");
	assert_non_null(end);
	char *dec = qp_decode(start, (size_t)(end - start));
	char *want = malloc(strlen(text) + 3);
	sprintf(want, "%s\n", text);
	assert_string_equal(dec, want);
	free(dec);
	free(want);
	/* the HTML alternative links the address */
	const char *html = strstr(end + 2, "quoted-printable\r\n\r\n");
	assert_non_null(html);
	char *hdec = qp_decode(html, strlen(html));
	assert_non_null(
		strstr(hdec, "<a href=\"https://exemple.gouv.fr/agent/mot-de-passe/AbC-dEf_"));
	assert_non_null(strstr(hdec, "Élodie"));
	free(hdec);
	free(m);
}

/* A short ASCII subject stays readable. */
static void test_mail_plain_subject(void **state)
{
	char *m = mail_build("a@b.fr", "c@d.fr", "Hello", "x", "<p>x</p>",
			     "Mon, 01 Jan 2024 00:00:00 +0000", "id@b.fr");

	(void)state;
	assert_non_null(m);
	assert_non_null(strstr(m, "Subject: Hello\r\n"));
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_table), cmocka_unit_test(test_policy_length),
		cmocka_unit_test(test_common),	     cmocka_unit_test(test_hash_verify),
		cmocka_unit_test(test_roles),	     cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_mail_build),   cmocka_unit_test(test_mail_plain_subject),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
