/*
 * config.c — the INI parser behind config.h.
 *
 * Grammar, one item per line:
 *   # comment            ; comment       (only on their own line, so that a
 *                                         value may contain '#' or ';')
 *   [section]            [pool NAME]
 *   key = value          (whitespace around key and value is trimmed; a value
 *                         wrapped in double quotes loses them)
 *
 * Every key is described by one row of a const table (name, type, offset
 * in its struct, limits); an unknown section or key is an error that names
 * the line. Sizes take k/M/G suffixes (powers of 1024), booleans are
 * yes/no/true/false/on/off/1/0, listen_mode is octal.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>

#include "config.h"
#include "scoreboard.h"

#ifndef SPP_SYSCONFDIR
#error "SPP_SYSCONFDIR must be defined by the build"
#endif
#ifndef SPP_DATADIR
#error "SPP_DATADIR must be defined by the build"
#endif

enum cf_type {
	CF_STR,
	CF_INT,
	CF_LONG,
	CF_SIZE,
	CF_BOOL,
	CF_MODE
};

/* Longest unix socket path bind(2) accepts. */
#define SUN_PATH_MAX ((long)sizeof(((struct sockaddr_un *)0)->sun_path) - 1)

typedef struct cf_key {
	const char *name;
	enum cf_type type;
	size_t off;    /* in struct config, or in struct pool_config for pools */
	size_t size;   /* CF_STR: capacity of the char array */
	long min, max; /* CF_INT, CF_LONG, CF_MODE; CF_STR: max length if not 0 */
} cf_key;

/* The offset and capacity of field f of struct st, for the tables below. */
#define FLD(st, f) offsetof(st, f), sizeof(((st *)0)->f)

static const cf_key global_keys[] = {
	{ "base_url", CF_STR, FLD(config, base_url), 0, 0 },
	{ "xslt_dir", CF_STR, FLD(config, xslt_dir), 0, 0 },
	{ "static_dir", CF_STR, FLD(config, static_dir), 0, 0 },
	{ "pid_file", CF_STR, FLD(config, pid_file), 0, 0 },
	{ "access_log", CF_STR, FLD(config, access_log), 0, 0 },
	{ "error_log", CF_STR, FLD(config, error_log), 0, 0 },
	{ "user", CF_STR, FLD(config, user), 0, 0 },
	{ "dev", CF_BOOL, FLD(config, dev), 0, 1 },
	{ NULL, CF_STR, 0, 0, 0, 0 },
};

static const cf_key database_keys[] = {
	{ "socket", CF_STR, FLD(config, db_socket), 0, 0 },
	{ "host", CF_STR, FLD(config, db_host), 0, 0 },
	{ "port", CF_INT, FLD(config, db_port), 1, 65535 },
	{ "name", CF_STR, FLD(config, db_name), 0, 0 },
	{ "user", CF_STR, FLD(config, db_user), 0, 0 },
	{ "password", CF_STR, FLD(config, db_password), 0, 0 },
	{ NULL, CF_STR, 0, 0, 0, 0 },
};

static const cf_key mail_keys[] = {
	{ "from", CF_STR, FLD(config, mail_from), 0, 0 },
	{ "dir", CF_STR, FLD(config, mail_dir), 0, 0 },
	{ "sendmail", CF_STR, FLD(config, mail_sendmail), 0, 0 },
	{ NULL, CF_STR, 0, 0, 0, 0 },
};

static const cf_key pool_keys[] = {
	{ "listen", CF_STR, FLD(pool_config, listen), 0, SUN_PATH_MAX },
	{ "listen_mode", CF_MODE, FLD(pool_config, listen_mode), 0, 0777 },
	{ "workers", CF_INT, FLD(pool_config, workers), 1, SB_MAX_SLOTS / 2 },
	{ "max_requests", CF_LONG, FLD(pool_config, max_requests), 0, 1000000000L },
	{ "request_timeout", CF_INT, FLD(pool_config, request_timeout), 1, 86400 },
	{ "max_body", CF_SIZE, FLD(pool_config, max_body), 0, 0 },
	{ "backlog", CF_INT, FLD(pool_config, backlog), 1, 65535 },
	{ NULL, CF_STR, 0, 0, 0, 0 },
};

static const char *const pool_names[POOL__COUNT] = { "web", "upload", "redirect" };

enum cf_section {
	SEC_NONE,
	SEC_GLOBAL,
	SEC_DATABASE,
	SEC_MAIL,
	SEC_POOL
};

/* The parser's state while it walks one file. */
typedef struct cf_parser {
	config *cfg;
	const char *path;
	int line;
	enum cf_section sec;
	int pool;			  /* enum pool_id when sec == SEC_POOL */
	int seen[SEC_POOL + POOL__COUNT]; /* line where each section opened, 0 = not yet */
	char *err;
	size_t errlen;
} cf_parser;

/* Formats "path:line: message" into the parser's error buffer; returns -1. */
static int __attribute__((format(printf, 2, 3))) cf_error(cf_parser *ps, const char *fmt, ...)
{
	char msg[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (ps->err && ps->errlen) {
		if (ps->line > 0)
			snprintf(ps->err, ps->errlen, "%s:%d: %s", ps->path, ps->line, msg);
		else
			snprintf(ps->err, ps->errlen, "%s: %s", ps->path, msg);
	}
	return -1;
}

/* Copies at most cap-1 bytes of src and NUL-terminates; dst must hold cap bytes. */
static void cf_copy(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Fills cfg with the built-in defaults; every pool starts disabled. */
static void cf_defaults(config *cfg)
{
	static const struct {
		int workers;
		int timeout;
		size_t max_body;
	} pd[POOL__COUNT] = {
		[POOL_WEB] = { 4, 30, 1024 * 1024 },
		[POOL_UPLOAD] = { 2, 60, 12 * 1024 * 1024 },
		[POOL_REDIRECT] = { 2, 5, 0 },
	};

	memset(cfg, 0, sizeof(*cfg));
	cf_copy(cfg->xslt_dir, sizeof(cfg->xslt_dir), SPP_DATADIR "/xslt");
	cf_copy(cfg->static_dir, sizeof(cfg->static_dir), SPP_DATADIR "/static");
	cf_copy(cfg->db_name, sizeof(cfg->db_name), "spplus");
	cf_copy(cfg->db_user, sizeof(cfg->db_user), "spplus");
	cfg->db_port = 3306;
	cf_copy(cfg->mail_from, sizeof(cfg->mail_from), "ne-pas-repondre@localhost");
	cf_copy(cfg->mail_sendmail, sizeof(cfg->mail_sendmail), "/usr/sbin/sendmail -t -i");
	for (int p = 0; p < POOL__COUNT; p++) {
		pool_config *pc = &cfg->pools[p];

		cf_copy(pc->name, sizeof(pc->name), pool_names[p]);
		pc->listen_mode = 0660;
		pc->workers = pd[p].workers;
		pc->max_requests = 10000;
		pc->request_timeout = pd[p].timeout;
		pc->max_body = pd[p].max_body;
		pc->backlog = 511;
	}
}

/* Trims leading and trailing whitespace in place; returns the new start. */
static char *cf_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*e = '\0';
	return s;
}

/* Case-insensitive match of a boolean word; 0/1 into *out, -1 if not one. */
static int cf_parse_bool(const char *v, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/*
 * Parses a decimal size with an optional k/M/G suffix (binary multiples).
 * Returns 0, or -1 on syntax error or overflow of size_t.
 */
static int cf_parse_size(const char *v, size_t *out)
{
	unsigned long long n, mul = 1;
	char *end;

	if (!isdigit((unsigned char)*v))
		return -1;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case '\0':
		break;
	case 'k':
	case 'K':
		mul = 1024ULL;
		end++;
		break;
	case 'm':
	case 'M':
		mul = 1024ULL * 1024;
		end++;
		break;
	case 'g':
	case 'G':
		mul = 1024ULL * 1024 * 1024;
		end++;
		break;
	default:
		return -1;
	}
	if (*end != '\0' || n > SIZE_MAX / mul)
		return -1;
	*out = (size_t)(n * mul);
	return 0;
}

/* Parses a whole-string integer in base `base`; -1 on junk or overflow. */
static int cf_parse_long(const char *v, int base, long *out)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*v) && !(*v == '-' && isdigit((unsigned char)v[1])))
		return -1;
	errno = 0;
	n = strtol(v, &end, base);
	if (errno || *end != '\0')
		return -1;
	*out = n;
	return 0;
}

/* Stores value v into the field described by k inside the struct at base. */
static int cf_set(cf_parser *ps, const cf_key *k, void *base, const char *v)
{
	char *field = (char *)base + k->off;
	long n;
	size_t sz;
	int b;

	switch (k->type) {
	case CF_STR:
		if (strlen(v) >= k->size || (k->max && strlen(v) > (size_t)k->max))
			return cf_error(ps, "value of '%s' is too long (at most %zu bytes)",
					k->name, k->max ? (size_t)k->max : k->size - 1);
		cf_copy(field, k->size, v);
		return 0;
	case CF_INT:
	case CF_LONG:
		if (cf_parse_long(v, 10, &n) < 0)
			return cf_error(ps, "'%s' must be an integer, not '%s'", k->name, v);
		if (n < k->min || n > k->max)
			return cf_error(ps, "'%s' must be between %ld and %ld", k->name, k->min,
					k->max);
		if (k->type == CF_INT)
			*(int *)(void *)field = (int)n;
		else
			*(long *)(void *)field = n;
		return 0;
	case CF_MODE:
		if (strspn(v, "01234567") != strlen(v) || cf_parse_long(v, 8, &n) < 0 ||
		    n < k->min || n > k->max)
			return cf_error(ps,
					"'%s' must be an octal file mode such as 0660, not '%s'",
					k->name, v);
		*(int *)(void *)field = (int)n;
		return 0;
	case CF_SIZE:
		if (cf_parse_size(v, &sz) < 0)
			return cf_error(ps, "'%s' must be a size such as 512k or 12M, not '%s'",
					k->name, v);
		*(size_t *)(void *)field = sz;
		return 0;
	case CF_BOOL:
		if (cf_parse_bool(v, &b) < 0)
			return cf_error(ps, "'%s' must be yes or no, not '%s'", k->name, v);
		*(int *)(void *)field = b;
		return 0;
	}
	return cf_error(ps, "internal error: bad key type");
}

/* Handles a "[...]" line (s points at '['); switches the current section. */
static int cf_section_line(cf_parser *ps, char *s)
{
	char *close = strchr(s, ']');
	char *name, *arg;
	int idx;

	if (!close)
		return cf_error(ps, "unterminated section header");
	if (*cf_trim(close + 1) != '\0')
		return cf_error(ps, "unexpected text after section header");
	*close = '\0';
	name = cf_trim(s + 1);
	arg = name + strcspn(name, " \t");
	if (*arg) {
		*arg++ = '\0';
		arg = cf_trim(arg);
	}
	if (strcmp(name, "global") == 0 && !*arg) {
		ps->sec = SEC_GLOBAL;
	} else if (strcmp(name, "database") == 0 && !*arg) {
		ps->sec = SEC_DATABASE;
	} else if (strcmp(name, "mail") == 0 && !*arg) {
		ps->sec = SEC_MAIL;
	} else if (strcmp(name, "pool") == 0 && *arg) {
		ps->sec = SEC_POOL;
		for (ps->pool = 0; ps->pool < POOL__COUNT; ps->pool++)
			if (strcmp(arg, pool_names[ps->pool]) == 0)
				break;
		if (ps->pool == POOL__COUNT)
			return cf_error(ps, "unknown pool '%s' (expected web, upload or redirect)",
					arg);
	} else {
		return cf_error(ps, "unknown section [%s%s%s]", name, *arg ? " " : "", arg);
	}
	idx = ps->sec == SEC_POOL ? SEC_POOL + ps->pool : (int)ps->sec;
	if (ps->seen[idx])
		return cf_error(ps, "section repeated (first seen on line %d)", ps->seen[idx]);
	ps->seen[idx] = ps->line;
	return 0;
}

/* Handles a "key = value" line in the current section. */
static int cf_key_line(cf_parser *ps, char *s)
{
	static const char *const sec_names[] = { "", "global", "database", "mail", "pool" };
	const cf_key *keys;
	void *base = ps->cfg;
	char *eq = strchr(s, '=');
	char *key, *val;
	size_t vl;

	if (!eq)
		return cf_error(ps, "expected 'key = value' or '[section]'");
	*eq = '\0';
	key = cf_trim(s);
	val = cf_trim(eq + 1);
	if (!*key)
		return cf_error(ps, "missing key before '='");
	vl = strlen(val);
	if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
		val[vl - 1] = '\0';
		val++;
	}
	switch (ps->sec) {
	case SEC_NONE:
		return cf_error(ps, "'%s' is outside of any section", key);
	case SEC_GLOBAL:
		keys = global_keys;
		break;
	case SEC_DATABASE:
		keys = database_keys;
		break;
	case SEC_MAIL:
		keys = mail_keys;
		break;
	case SEC_POOL:
	default:
		keys = pool_keys;
		base = &ps->cfg->pools[ps->pool];
		break;
	}
	for (const cf_key *k = keys; k->name; k++)
		if (strcmp(k->name, key) == 0)
			return cf_set(ps, k, base, val);
	if (ps->sec == SEC_POOL)
		return cf_error(ps, "unknown key '%s' in [pool %s]", key, pool_names[ps->pool]);
	return cf_error(ps, "unknown key '%s' in [%s]", key, sec_names[ps->sec]);
}

/* Checks the whole configuration once the file is read; derives fields. */
static int cf_finish(cf_parser *ps)
{
	config *cfg = ps->cfg;
	int total = 0;

	ps->line = 0;
	if (cfg->base_url[0] && strncmp(cfg->base_url, "http://", 7) != 0 &&
	    strncmp(cfg->base_url, "https://", 8) != 0)
		return cf_error(ps, "base_url must start with http:// or https://");
	for (int p = 0; p < POOL__COUNT; p++) {
		pool_config *pc = &cfg->pools[p];

		pc->enabled = ps->seen[SEC_POOL + p] && pc->listen[0];
		if (!pc->enabled)
			continue;
		for (int q = 0; q < p; q++)
			if (cfg->pools[q].enabled &&
			    strcmp(cfg->pools[q].listen, pc->listen) == 0) {
				ps->line = ps->seen[SEC_POOL + p];
				return cf_error(ps,
						"[pool %s] listens on the same socket as [pool %s]",
						pc->name, cfg->pools[q].name);
			}
		total += pc->workers;
	}
	/* A reload runs two generations side by side for a while. */
	if (total > SB_MAX_SLOTS / 2)
		return cf_error(ps, "%d workers in all pools; at most %d are allowed", total,
				SB_MAX_SLOTS / 2);
	cfg->secure_cookies = !(cfg->dev && strncmp(cfg->base_url, "http://", 7) == 0);
	return 0;
}

/*
 * Reads path into cfg: defaults first, then every line of the file, then
 * whole-file checks. On error returns -1 with "path:line: message" (or
 * "path: message" when no line is to blame) in err; cfg is then partly
 * filled and must not be used. Nothing is allocated that outlives the call.
 */
int config_load(config *cfg, const char *path, char *err, size_t errlen)
{
	cf_parser ps = { .cfg = cfg, .path = path, .err = err, .errlen = errlen };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;
	int rc = -1;

	if (err && errlen)
		err[0] = '\0';
	cf_defaults(cfg);
	cf_copy(cfg->path, sizeof(cfg->path), path);
	f = fopen(path, "re");
	if (!f)
		return cf_error(&ps, "cannot open: %s", strerror(errno));
	while ((n = getline(&line, &cap, f)) >= 0) {
		char *s = line;

		ps.line++;
		if ((size_t)n != strlen(line)) {
			cf_error(&ps, "NUL byte in line");
			goto out;
		}
		if (ps.line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3; /* UTF-8 byte order mark left by some editors */
		s = cf_trim(s);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if ((*s == '[' ? cf_section_line(&ps, s) : cf_key_line(&ps, s)) < 0)
			goto out;
	}
	if (ferror(f)) {
		ps.line = 0;
		cf_error(&ps, "read error: %s", strerror(errno));
		goto out;
	}
	rc = cf_finish(&ps);
out:
	free(line);
	fclose(f);
	return rc;
}

/*
 * The configuration file to use when none is given: $SPPLUS_CONF when set
 * and not empty, else SPP_SYSCONFDIR/spplus/spplus.conf. The result points
 * to the environment or a literal: never free it.
 */
const char *config_default_path(void)
{
	const char *env = getenv("SPPLUS_CONF");

	if (env && *env)
		return env;
	return SPP_SYSCONFDIR "/spplus/spplus.conf";
}
