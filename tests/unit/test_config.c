/*
 * test_config.c — config_load on a table of snippets: valid ones with the
 * values they must produce, invalid ones with the line the error must name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../fcgi/config.h"

/* Writes text to a fresh temporary file; returns its path (static buffer). */
static const char *write_tmp(const char *text)
{
	static char path[64];
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "/tmp/spp_test_config_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Loads text as a configuration file; returns config_load's result. */
static int load_text(const char *text, config *cfg, char *err, size_t errlen)
{
	const char *path = write_tmp(text);
	int rc = config_load(cfg, path, err, errlen);

	unlink(path);
	return rc;
}

/* ---- valid snippets ---- */

static void check_empty(const config *c)
{
	assert_string_equal(c->xslt_dir, SPP_DATADIR "/xslt");
	assert_string_equal(c->db_name, "spplus");
	assert_string_equal(c->db_user, "spplus");
	for (int p = 0; p < POOL__COUNT; p++)
		assert_false(c->pools[p].enabled);
	assert_string_equal(c->pools[POOL_WEB].name, "web");
	assert_int_equal(c->pools[POOL_WEB].workers, 4);
	assert_int_equal(c->pools[POOL_WEB].max_requests, 10000);
	assert_int_equal(c->pools[POOL_WEB].request_timeout, 30);
	assert_int_equal(c->pools[POOL_WEB].max_body, 1024 * 1024);
	assert_int_equal(c->pools[POOL_WEB].listen_mode, 0660);
	assert_int_equal(c->pools[POOL_WEB].backlog, 511);
	assert_int_equal(c->pools[POOL_UPLOAD].workers, 2);
	assert_int_equal(c->pools[POOL_UPLOAD].max_body, 12 * 1024 * 1024);
	assert_int_equal(c->pools[POOL_UPLOAD].request_timeout, 60);
	assert_int_equal(c->pools[POOL_REDIRECT].workers, 2);
	assert_int_equal(c->pools[POOL_REDIRECT].max_body, 0);
	assert_int_equal(c->pools[POOL_REDIRECT].request_timeout, 5);
	assert_false(c->dev);
	assert_true(c->secure_cookies);
}

static void check_full(const config *c)
{
	assert_string_equal(c->base_url, "https://www.plus.transformation.gouv.fr");
	assert_string_equal(c->xslt_dir, "/srv/xslt");
	assert_string_equal(c->error_log, "/var/log/spplus/error.log");
	assert_string_equal(c->user, "spplus");
	assert_string_equal(c->db_socket, "/run/mysqld/mysqld.sock");
	assert_int_equal(c->db_port, 3307);
	assert_string_equal(c->db_password, "s3cr#t;x");
	assert_string_equal(c->mail_sendmail, "/usr/sbin/sendmail -t -i");
	assert_true(c->pools[POOL_WEB].enabled);
	assert_string_equal(c->pools[POOL_WEB].listen, "/run/spplus/web.sock");
	assert_int_equal(c->pools[POOL_WEB].listen_mode, 0666);
	assert_int_equal(c->pools[POOL_WEB].workers, 8);
	assert_int_equal(c->pools[POOL_WEB].max_body, 512 * 1024);
	assert_true(c->pools[POOL_UPLOAD].enabled);
	assert_int_equal(c->pools[POOL_UPLOAD].max_body, 20 * 1024 * 1024);
	assert_int_equal(c->pools[POOL_UPLOAD].workers, 2);
	assert_false(c->pools[POOL_REDIRECT].enabled);
	assert_true(c->secure_cookies);
}

static void check_dev_http(const config *c)
{
	assert_true(c->dev);
	assert_false(c->secure_cookies);
}

static void check_dev_https(const config *c)
{
	assert_true(c->dev);
	assert_true(c->secure_cookies);
}

static void check_prod_http(const config *c)
{
	assert_false(c->dev);
	assert_true(c->secure_cookies);
}

static void check_no_listen(const config *c)
{
	assert_false(c->pools[POOL_REDIRECT].enabled);
	assert_int_equal(c->pools[POOL_REDIRECT].workers, 3);
}

static void check_sizes(const config *c)
{
	assert_int_equal(c->pools[POOL_WEB].max_body, 2048);
	assert_int_equal(c->pools[POOL_UPLOAD].max_body, (size_t)1 << 30);
	assert_int_equal(c->pools[POOL_REDIRECT].max_body, 0);
}

static void check_quotes(const config *c)
{
	assert_string_equal(c->mail_from, "Services Publics+ <ne-pas-repondre@example.fr>");
	assert_string_equal(c->db_host, "");
}

typedef struct valid_case {
	const char *name;
	const char *text;
	void (*check)(const config *);
} valid_case;

static const valid_case valid_cases[] = {
	{ "empty file", "", check_empty },
	{ "comments only", "# a comment\n; another\n\n   \n", check_empty },
	{ "full",
	  "\xEF\xBB\xBF# deployment\n"
	  "[global]\n"
	  "base_url = https://www.plus.transformation.gouv.fr\n"
	  "  xslt_dir   =   /srv/xslt   \n"
	  "error_log = /var/log/spplus/error.log\r\n"
	  "user = spplus\n"
	  "dev = no\n"
	  "[database]\n"
	  "socket = /run/mysqld/mysqld.sock\n"
	  "port = 3307\n"
	  "password = s3cr#t;x\n"
	  "[mail]\n"
	  "sendmail = /usr/sbin/sendmail -t -i\n"
	  "[ pool   web ]\n"
	  "listen = /run/spplus/web.sock\n"
	  "listen_mode = 0666\n"
	  "workers = 8\n"
	  "max_body = 512k\n"
	  "[pool upload]\n"
	  "listen = /run/spplus/upload.sock\n"
	  "max_body = 20M\n",
	  check_full },
	{ "dev over http", "[global]\nbase_url = http://localhost:8080\ndev = yes\n",
	  check_dev_http },
	{ "dev true", "[global]\nbase_url = http://x\ndev = TRUE\n", check_dev_http },
	{ "dev 1", "[global]\nbase_url = http://x\ndev = 1\n", check_dev_http },
	{ "dev over https", "[global]\nbase_url = https://x\ndev = yes\n", check_dev_https },
	{ "production over http", "[global]\nbase_url = http://x\ndev = false\n", check_prod_http },
	{ "pool without listen", "[pool redirect]\nworkers = 3\n", check_no_listen },
	{ "sizes",
	  "[pool web]\nmax_body = 2K\n[pool upload]\nmax_body = 1G\n[pool redirect]\nmax_body = 0\n",
	  check_sizes },
	{ "quotes",
	  "[mail]\nfrom = \"Services Publics+ <ne-pas-repondre@example.fr>\"\n"
	  "[database]\nhost = \"\"\n",
	  check_quotes },
};

static void test_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		config cfg;
		char err[512];

		print_message("valid: %s\n", valid_cases[i].name);
		if (load_text(valid_cases[i].text, &cfg, err, sizeof(err)) != 0)
			fail_msg("%s: unexpected error: %s", valid_cases[i].name, err);
		valid_cases[i].check(&cfg);
	}
}

/* ---- invalid snippets ---- */

typedef struct invalid_case {
	const char *text;
	int line;	    /* line the message must name; 0 = none */
	const char *needle; /* substring of the message */
} invalid_case;

static const invalid_case invalid_cases[] = {
	{ "[global]\nfoo = bar\n", 2, "unknown key 'foo'" },
	{ "# c\n\n[nope]\n", 3, "unknown section" },
	{ "[pool other]\n", 1, "unknown pool" },
	{ "[pool]\n", 1, "unknown section" },
	{ "[global\n", 1, "unterminated" },
	{ "[global] x\n", 1, "after section header" },
	{ "key = value\n", 1, "outside of any section" },
	{ "[global]\njust words\n", 2, "expected 'key = value'" },
	{ "[global]\n = value\n", 2, "missing key" },
	{ "[global]\ndev = maybe\n", 2, "yes or no" },
	{ "[global]\nbase_url = ftp://x\n", 0, "base_url" },
	{ "[database]\nport = 0\n", 2, "between 1 and 65535" },
	{ "[database]\nport = 80x\n", 2, "integer" },
	{ "[database]\nport = \n", 2, "integer" },
	{ "[pool web]\nworkers = -1\n", 2, "between" },
	{ "[pool web]\nworkers = 99999999999999999999\n", 2, "integer" },
	{ "[pool web]\nmax_body = 1T\n", 2, "size" },
	{ "[pool web]\nmax_body = -1\n", 2, "size" },
	{ "[pool web]\nmax_body = 99999999999999999999G\n", 2, "size" },
	{ "[pool web]\nmax_body = M\n", 2, "size" },
	{ "[pool web]\nlisten_mode = 0689\n", 2, "octal" },
	{ "[pool web]\nlisten_mode = 1777\n", 2, "octal" },
	{ "[pool web]\nlisten = /a\n[global]\n[pool web]\n", 4, "repeated" },
	{ "[global]\nuser = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
	  2, "too long" },
	{ "\n[pool web]\nlisten = /tmp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.sock\n",
	  3, "too long" },
	{ "[pool web]\nlisten = /run/a.sock\n[pool upload]\nlisten = /run/a.sock\n", 3,
	  "same socket" },
	{ "[pool web]\nlisten = /a\nworkers = 100\n[pool upload]\nlisten = /b\nworkers = 100\n", 0,
	  "workers" },
};

static void test_invalid(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(invalid_cases) / sizeof(invalid_cases[0]); i++) {
		const invalid_case *t = &invalid_cases[i];
		config cfg;
		char err[512], want[32];

		if (load_text(t->text, &cfg, err, sizeof(err)) != -1)
			fail_msg("case %zu accepted: %s", i, t->text);
		print_message("invalid %zu: %s\n", i, err);
		if (!strstr(err, t->needle))
			fail_msg("case %zu: '%s' not in '%s'", i, t->needle, err);
		if (t->line) {
			snprintf(want, sizeof(want), ":%d: ", t->line);
			if (!strstr(err, want))
				fail_msg("case %zu: expected line %d in '%s'", i, t->line, err);
		} else if (strchr(err, ':') == NULL || strchr(err, ':')[1] != ' ') {
			/* "path: message": the temporary path holds no ':' */
			fail_msg("case %zu: unexpected line number in '%s'", i, err);
		}
	}
}

static void test_missing_file(void **state)
{
	config cfg;
	char err[512];

	(void)state;
	assert_int_equal(config_load(&cfg, "/nonexistent/spplus.conf", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/spplus.conf: cannot open"));
}

static void test_default_path(void **state)
{
	(void)state;
	unsetenv("SPPLUS_CONF");
	assert_string_equal(config_default_path(), SPP_SYSCONFDIR "/spplus/spplus.conf");
	setenv("SPPLUS_CONF", "/tmp/other.conf", 1);
	assert_string_equal(config_default_path(), "/tmp/other.conf");
	setenv("SPPLUS_CONF", "", 1);
	assert_string_equal(config_default_path(), SPP_SYSCONFDIR "/spplus/spplus.conf");
	unsetenv("SPPLUS_CONF");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_default_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
