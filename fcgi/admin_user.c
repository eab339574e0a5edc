/*
 * admin_user.c — spplus-admin commands for agents' accounts and the mail
 * outbox:
 *
 *   user add --username U --email E [--structure CODE_SP] --role ROLE [--name "Nom"]
 *        password on stdin when it is not a terminal and not empty, else
 *        the first-login link is mailed
 *   user grant|revoke --username U [--structure CODE_SP] --role ROLE
 *   user password --username U         new password on stdin
 *   user deactivate|activate --username U
 *   user list                          username TAB email TAB active TAB roles
 *   mail send [--max N]                deliver the outbox
 *
 * moderateur and administrateur are platform-wide: no --structure. Exit
 * status 0 on success, 1 when the change failed, 2 for a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "admin.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "mail.h"
#include "password.h"
#include "validate.h"

static db_stmt q_user_id = DB_STMT("SELECT id FROM users WHERE username = ?");
static db_stmt q_user_new = DB_STMT(
	"INSERT INTO users (username, email, display_name, password_hash, password_changed_at)"
	" VALUES (?, ?, ?, ?, IF(? = 1, UTC_TIMESTAMP(), NULL))");
static db_stmt q_structure_id = DB_STMT("SELECT id FROM structures WHERE code_sp = ?");
static db_stmt q_grant = DB_STMT(
	"INSERT INTO memberships (user_id, structure_id, role) SELECT ?, ?, ? FROM DUAL"
	" WHERE NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = ? AND structure_id <=> ?"
	" AND role = ?)");
static db_stmt q_revoke =
	DB_STMT("DELETE FROM memberships WHERE user_id = ? AND structure_id <=> ? AND role = ?");
static db_stmt q_active = DB_STMT("UPDATE users SET active = ? WHERE id = ?");
static db_stmt q_tokens_void =
	DB_STMT("UPDATE password_tokens SET superseded_at = UTC_TIMESTAMP()"
		" WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL");
static db_stmt q_password = DB_STMT(
	"UPDATE users SET password_hash = ?, password_changed_at = UTC_TIMESTAMP() WHERE id = ?");
static db_stmt q_list = DB_STMT(
	"SELECT u.username, u.email, u.active,"
	" IFNULL(GROUP_CONCAT(CONCAT(m.role, IF(s.code_sp IS NULL, '', CONCAT('@', s.code_sp)))"
	" ORDER BY m.role, s.code_sp SEPARATOR ','), '')"
	" FROM users u LEFT JOIN memberships m ON m.user_id = u.id"
	" LEFT JOIN structures s ON s.id = m.structure_id"
	" GROUP BY u.id ORDER BY u.username");

/* The options of one command line. */
struct opts {
	const char *username, *email, *structure, *role, *name, *max;
};

/* Parses --key value pairs into o. Returns 0, or 2 after printing why. */
static int parse_opts(const char *cmd, int argc, char **argv, struct opts *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 0; i < argc; i++) {
		const char **slot = NULL;
		if (!strcmp(argv[i], "--username"))
			slot = &o->username;
		else if (!strcmp(argv[i], "--email"))
			slot = &o->email;
		else if (!strcmp(argv[i], "--structure"))
			slot = &o->structure;
		else if (!strcmp(argv[i], "--role"))
			slot = &o->role;
		else if (!strcmp(argv[i], "--name"))
			slot = &o->name;
		else if (!strcmp(argv[i], "--max"))
			slot = &o->max;
		if (!slot) {
			fprintf(stderr, "spplus-admin %s: unknown option '%s'\n", cmd, argv[i]);
			return 2;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "spplus-admin %s: %s needs a value\n", cmd, argv[i]);
			return 2;
		}
		*slot = argv[++i];
	}
	return 0;
}

/* 2–64 characters among letters, digits, '.', '_', '-', '@'. */
static int username_ok(const char *u)
{
	size_t n = strlen(u);

	if (n < 2 || n > 64)
		return 0;
	for (const char *p = u; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("._-@", *p)))
			return 0;
	return 1;
}

/* Checks --role and --structure together; resolves the structure's id
 * into *sid (0 for platform-wide roles). Returns 0, 1 or 2. */
static int role_target(const char *cmd, const struct opts *o, long long *sid)
{
	*sid = 0;
	if (!o->role || !auth_role_caps(o->role)) {
		fprintf(stderr,
			"spplus-admin %s: --role must be one of agent, repondant, super_agent, "
			"super_repondant, evaluateur, super_evaluateur, referent, moderateur, "
			"administrateur\n",
			cmd);
		return 2;
	}
	if (auth_role_platform(o->role)) {
		if (o->structure) {
			fprintf(stderr,
				"spplus-admin %s: the role %s is platform-wide: no --structure\n",
				cmd, o->role);
			return 2;
		}
		return 0;
	}
	if (!o->structure) {
		fprintf(stderr, "spplus-admin %s: the role %s needs --structure CODE_SP\n", cmd,
			o->role);
		return 2;
	}
	if (db_int(&q_structure_id, DB_ARGS(A_STR(o->structure)), 0, sid) < 0) {
		fprintf(stderr, "spplus-admin %s: database: %s\n", cmd, db_last_error());
		return 1;
	}
	if (*sid <= 0) {
		fprintf(stderr, "spplus-admin %s: no structure with code SP+ '%s'\n", cmd,
			o->structure);
		return 1;
	}
	return 0;
}

/* The user's id by username (0 when unknown, after a message). */
static long long user_id(const char *cmd, const char *username)
{
	long long id = 0;

	if (db_int(&q_user_id, DB_ARGS(A_STR(username)), 0, &id) < 0) {
		fprintf(stderr, "spplus-admin %s: database: %s\n", cmd, db_last_error());
		return -1;
	}
	if (id <= 0)
		fprintf(stderr, "spplus-admin %s: no user '%s'\n", cmd, username);
	return id;
}

/*
 * Reads a password from stdin when it is not a terminal: the whole input
 * less one trailing newline, into pw. Returns its length (0 = none), or
 * -1 when it is too long.
 */
static int read_password(char *pw, size_t size)
{
	size_t n = 0;

	pw[0] = '\0';
	if (isatty(STDIN_FILENO))
		return 0;
	while (n + 1 < size) {
		size_t got = fread(pw + n, 1, size - 1 - n, stdin);
		if (got == 0)
			break;
		n += got;
	}
	if (n + 1 >= size && !feof(stdin))
		return -1;
	pw[n] = '\0';
	if (n > 0 && pw[n - 1] == '\n')
		pw[--n] = '\0';
	if (n > 0 && pw[n - 1] == '\r')
		pw[--n] = '\0';
	if (strlen(pw) != n)
		return -1; /* a NUL byte */
	return (int)n;
}

/* Hashes the password read from stdin after checking the policy.
 * Returns 1 hashed, 0 none given, -1 refused (message printed). */
static int stdin_password(const char *cmd, const char *username, char *hash)
{
	char pw[4096];
	int n = read_password(pw, sizeof pw);
	const char *why;

	if (n < 0) {
		fprintf(stderr,
			"spplus-admin %s: the password on stdin is too long or has a NUL byte\n",
			cmd);
		return -1;
	}
	if (n == 0)
		return 0;
	why = password_policy(pw, username);
	if (why) {
		fprintf(stderr, "spplus-admin %s: password refused: %s\n", cmd, why);
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	if (password_hash(pw, hash) != 0) {
		fprintf(stderr, "spplus-admin %s: cannot hash the password (out of memory)\n", cmd);
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	sodium_memzero(pw, sizeof pw);
	return 1;
}

static int db_fail(const char *cmd)
{
	fprintf(stderr, "spplus-admin %s: database: %s\n", cmd, db_last_error());
	db_rollback();
	return 1;
}

static int cmd_add(const config *cfg, int argc, char **argv)
{
	const char *cmd = "user add";
	struct opts o;
	char hash[PW_HASH_MAX] = "", detail[200];
	long long sid;
	uint64_t uid = 0;
	int rc, has_pw;

	if ((rc = parse_opts(cmd, argc, argv, &o)))
		return rc;
	if (!o.username || !o.email || !o.role) {
		fprintf(stderr,
			"usage: spplus-admin user add --username U --email E "
			"[--structure CODE_SP] --role ROLE [--name \"Display Name\"] [<password]\n");
		return 2;
	}
	if (!username_ok(o.username)) {
		fprintf(stderr,
			"spplus-admin %s: the username must be 2 to 64 letters, digits, "
			"'.', '_', '-' or '@'\n",
			cmd);
		return 2;
	}
	if (val_email(o.email)) {
		fprintf(stderr, "spplus-admin %s: '%s' is not a valid email address\n", cmd,
			o.email);
		return 2;
	}
	if (o.name && val_text(o.name, strlen(o.name), 0, 120, 0)) {
		fprintf(stderr,
			"spplus-admin %s: --name must be one line of at most 120 characters\n",
			cmd);
		return 2;
	}
	if ((rc = role_target(cmd, &o, &sid)))
		return rc;
	has_pw = stdin_password(cmd, o.username, hash);
	if (has_pw < 0)
		return 2;
	if (db_begin() != SPP_OK)
		return db_fail(cmd);
	rc = db_exec(&q_user_new,
		     DB_ARGS(A_STR(o.username), A_STR(o.email), A_STR(o.name ? o.name : ""),
			     has_pw ? A_STR(hash) : A_NULL, A_INT(has_pw)),
		     NULL, &uid);
	if (rc == SPP_ECONFLICT) {
		db_rollback();
		fprintf(stderr, "spplus-admin %s: the username '%s' is already taken\n", cmd,
			o.username);
		return 1;
	}
	if (rc != SPP_OK)
		return db_fail(cmd);
	snprintf(detail, sizeof detail, "%s%s%s (spplus-admin)", o.role, sid ? " @ " : "",
		 sid ? o.structure : "");
	if (db_exec(&q_grant,
		    DB_ARGS(A_INT(uid), sid ? A_INT(sid) : A_NULL, A_STR(o.role), A_INT(uid),
			    sid ? A_INT(sid) : A_NULL, A_STR(o.role)),
		    NULL, NULL) != SPP_OK ||
	    audit(NULL, 0, "user_created", "user", (long long)uid, "spplus-admin") != SPP_OK ||
	    audit(NULL, 0, "role_granted", "user", (long long)uid, detail) != SPP_OK)
		return db_fail(cmd);
	if (!has_pw && auth_password_link(cfg->base_url, (long long)uid, "welcome") != SPP_OK)
		return db_fail(cmd);
	if (db_commit() != SPP_OK)
		return db_fail(cmd);
	printf("user %s created (id %llu)%s\n", o.username, (unsigned long long)uid,
	       has_pw ? ", password set" : ", first-login link mailed");
	if (!has_pw && mail_send_queued(cfg) < 0)
		fprintf(stderr,
			"spplus-admin %s: the mail stays in the outbox (mail send will retry)\n",
			cmd);
	return 0;
}

/* user grant / user revoke */
static int grant_or_revoke(int grant, int argc, char **argv)
{
	const char *cmd = grant ? "user grant" : "user revoke";
	struct opts o;
	char detail[200];
	long long sid, uid;
	uint64_t n = 0;
	int rc;

	if ((rc = parse_opts(cmd, argc, argv, &o)))
		return rc;
	if (!o.username || !o.role) {
		fprintf(stderr,
			"usage: spplus-admin %s --username U [--structure CODE_SP] --role ROLE\n",
			cmd);
		return 2;
	}
	if ((rc = role_target(cmd, &o, &sid)))
		return rc;
	uid = user_id(cmd, o.username);
	if (uid <= 0)
		return 1;
	if (db_begin() != SPP_OK)
		return db_fail(cmd);
	if (grant)
		rc = db_exec(&q_grant,
			     DB_ARGS(A_INT(uid), sid ? A_INT(sid) : A_NULL, A_STR(o.role),
				     A_INT(uid), sid ? A_INT(sid) : A_NULL, A_STR(o.role)),
			     &n, NULL);
	else
		rc = db_exec(&q_revoke,
			     DB_ARGS(A_INT(uid), sid ? A_INT(sid) : A_NULL, A_STR(o.role)), &n,
			     NULL);
	if (rc != SPP_OK)
		return db_fail(cmd);
	snprintf(detail, sizeof detail, "%s%s%s (spplus-admin)", o.role, sid ? " @ " : "",
		 sid ? o.structure : "");
	if (n &&
	    audit(NULL, 0, grant ? "role_granted" : "role_revoked", "user", uid, detail) != SPP_OK)
		return db_fail(cmd);
	if (db_commit() != SPP_OK)
		return db_fail(cmd);
	printf("%s: %s%s\n", o.username, detail,
	       n ? (grant ? " granted" : " revoked") : (grant ? " already held" : " was not held"));
	return 0;
}

static int cmd_grant(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	return grant_or_revoke(1, argc, argv);
}

static int cmd_revoke(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	return grant_or_revoke(0, argc, argv);
}

/* user deactivate / user activate */
static int set_active(int active, int argc, char **argv)
{
	const char *cmd = active ? "user activate" : "user deactivate";
	struct opts o;
	long long uid;
	int rc;

	if ((rc = parse_opts(cmd, argc, argv, &o)))
		return rc;
	if (!o.username) {
		fprintf(stderr, "usage: spplus-admin %s --username U\n", cmd);
		return 2;
	}
	uid = user_id(cmd, o.username);
	if (uid <= 0)
		return 1;
	if (db_begin() != SPP_OK ||
	    db_exec(&q_active, DB_ARGS(A_INT(active), A_INT(uid)), NULL, NULL))
		return db_fail(cmd);
	if (!active && (auth_sessions_end(uid) != SPP_OK ||
			db_exec(&q_tokens_void, DB_ARGS(A_INT(uid)), NULL, NULL) != SPP_OK))
		return db_fail(cmd);
	if (audit(NULL, 0, active ? "user_activated" : "user_deactivated", "user", uid,
		  "spplus-admin") != SPP_OK ||
	    db_commit() != SPP_OK)
		return db_fail(cmd);
	printf("%s %s\n", o.username, active ? "activated" : "deactivated (sessions ended)");
	return 0;
}

static int cmd_deactivate(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	return set_active(0, argc, argv);
}

static int cmd_activate(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	return set_active(1, argc, argv);
}

static int cmd_password(const config *cfg, int argc, char **argv)
{
	const char *cmd = "user password";
	struct opts o;
	char hash[PW_HASH_MAX];
	long long uid;
	int rc;

	(void)cfg;
	if ((rc = parse_opts(cmd, argc, argv, &o)))
		return rc;
	if (!o.username) {
		fprintf(stderr, "usage: spplus-admin user password --username U <password\n");
		return 2;
	}
	uid = user_id(cmd, o.username);
	if (uid <= 0)
		return 1;
	rc = stdin_password(cmd, o.username, hash);
	if (rc == 0)
		fprintf(stderr, "spplus-admin %s: give the new password on stdin\n", cmd);
	if (rc <= 0)
		return 2;
	if (db_begin() != SPP_OK ||
	    db_exec(&q_password, DB_ARGS(A_STR(hash), A_INT(uid)), NULL, NULL) != SPP_OK ||
	    auth_sessions_end(uid) != SPP_OK ||
	    audit(NULL, 0, "password_changed", "user", uid, "spplus-admin") != SPP_OK ||
	    db_commit() != SPP_OK)
		return db_fail(cmd);
	printf("%s: password changed (sessions ended)\n", o.username);
	return 0;
}

static int list_row(void *p, int n, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	(void)p;
	(void)names;
	(void)lens;
	if (n >= 4)
		printf("%s\t%s\t%s\t%s\n", v[0] ? v[0] : "", v[1] ? v[1] : "", v[2] ? v[2] : "",
		       v[3] ? v[3] : "");
	return 0;
}

static int cmd_list(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	(void)argv;
	if (argc) {
		fprintf(stderr, "usage: spplus-admin user list\n");
		return 2;
	}
	if (db_query(&q_list, DB_NOARGS, list_row, NULL) < 0)
		return db_fail("user list");
	return 0;
}

static int cmd_mail_send(const config *cfg, int argc, char **argv)
{
	struct opts o;
	long long max = 100;
	int rc;

	if ((rc = parse_opts("mail send", argc, argv, &o)))
		return rc;
	if (o.max && val_int(o.max, 1, 100, &max)) {
		fprintf(stderr, "spplus-admin mail send: --max must be between 1 and 100\n");
		return 2;
	}
	rc = mail_send_pending(cfg, (int)max);
	if (rc < 0)
		return db_fail("mail send");
	printf("%d message%s sent\n", rc, rc > 1 ? "s" : "");
	return 0;
}

const admin_cmd admin_user_cmds[] = {
	{ "user add",
	  "--username U --email E [--structure CODE_SP] --role ROLE [--name N] [<password]",
	  cmd_add },
	{ "user grant", "--username U [--structure CODE_SP] --role ROLE", cmd_grant },
	{ "user revoke", "--username U [--structure CODE_SP] --role ROLE", cmd_revoke },
	{ "user password", "--username U <password (ends the user's sessions)", cmd_password },
	{ "user deactivate", "--username U (ends the user's sessions)", cmd_deactivate },
	{ "user activate", "--username U", cmd_activate },
	{ "user list", "one line per user: username, email, active, roles", cmd_list },
	{ "mail send", "[--max N] deliver the mail outbox (retries failed messages)",
	  cmd_mail_send },
	{ 0 },
};
