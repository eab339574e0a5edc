/*
 * admin.c — spplus-admin: what has no screen. Schema migrations, demo
 * data, and the command families listed in `families`.
 *
 *   spplus-admin [-c FILE] migrate
 *   spplus-admin [-c FILE] demo
 *   spplus-admin [-c FILE] <family> <command> [options]
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "db.h"

static const admin_cmd *const families[] = {
	admin_core_cmds,
	admin_structure_cmds,
	admin_user_cmds,
	admin_search_cmds,
};

char *admin_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out;
	s = malloc((size_t)n + 1);
	if (!s)
		goto out;
	if (fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
		goto out;
	}
	s[n] = '\0';
out:
	fclose(f);
	return s;
}

const char *admin_sql_dir(void)
{
	const char *d = getenv("SPPLUS_SQL_DIR");

	return d && *d ? d : SPP_DATADIR "/sql";
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists dir's "*.sql" files whose name starts with a digit, sorted. */
static int list_sql(const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t cnt = 0;

	*out = NULL;
	*n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || e->d_name[0] < '0' || e->d_name[0] > '9' ||
		    strcmp(e->d_name + len - 4, ".sql"))
			continue;
		char **nv = realloc(v, (cnt + 1) * sizeof *v);
		if (!nv)
			break;
		v = nv;
		v[cnt++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(v, cnt, sizeof *v, cmp_str);
	*out = v;
	*n = cnt;
	return 0;
}

static db_stmt q_applied = DB_STMT("SELECT COUNT(*) FROM schema_migrations WHERE version = ?");
static db_stmt q_record = DB_STMT("INSERT INTO schema_migrations (version) VALUES (?)");

/* Applies every file of dir not yet recorded, under the given prefix. */
static int apply_dir(const char *dir, const char *prefix)
{
	char **files;
	size_t n;
	int rc = 0;

	if (list_sql(dir, &files, &n)) {
		fprintf(stderr, "spplus-admin: cannot read %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < n && !rc; i++) {
		char version[300], path[1200], err[1024];
		long long done;
		snprintf(version, sizeof version, "%s%s", prefix, files[i]);
		if (db_int(&q_applied, DB_ARGS(A_STR(version)), 0, &done) < 0) {
			fprintf(stderr, "spplus-admin: %s\n", db_last_error());
			rc = 1;
			break;
		}
		if (done)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		char *sql = admin_read_file(path);
		if (!sql) {
			fprintf(stderr, "spplus-admin: cannot read %s\n", path);
			rc = 1;
			break;
		}
		if (db_run_script(sql, err, sizeof err) != SPP_OK) {
			fprintf(stderr, "spplus-admin: %s failed: %s\n", path, err);
			rc = 1;
		} else if (db_exec(&q_record, DB_ARGS(A_STR(version)), NULL, NULL) != SPP_OK) {
			fprintf(stderr, "spplus-admin: cannot record %s: %s\n", version, db_last_error());
			rc = 1;
		} else {
			printf("applied %s\n", version);
		}
		free(sql);
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

static int ensure_migrations_table(void)
{
	char err[512];

	if (db_run_script("CREATE TABLE IF NOT EXISTS schema_migrations ("
			  " version VARCHAR(255) NOT NULL PRIMARY KEY,"
			  " applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()"
			  ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
			  err, sizeof err) != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", err);
		return 1;
	}
	return 0;
}

static int cmd_migrate(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	(void)argc;
	(void)argv;
	if (ensure_migrations_table())
		return 1;
	return apply_dir(admin_sql_dir(), "");
}

static int cmd_demo(const config *cfg, int argc, char **argv)
{
	char dir[1024];

	(void)cfg;
	(void)argc;
	(void)argv;
	if (ensure_migrations_table())
		return 1;
	snprintf(dir, sizeof dir, "%s/demo", admin_sql_dir());
	return apply_dir(dir, "demo/");
}

const admin_cmd admin_core_cmds[] = {
	{"migrate", "apply the schema migrations sql/NNN_*.sql not yet applied", cmd_migrate},
	{"demo", "load the demo data sql/demo/NNN_*.sql not yet loaded", cmd_demo},
	{0},
};

static void usage(void)
{
	fprintf(stderr, "usage: spplus-admin [-c FILE] COMMAND [ARGS]\n\ncommands:\n");
	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
		for (const admin_cmd *c = families[f]; c->name; c++)
			fprintf(stderr, "  %-22s %s\n", c->name, c->usage);
}

int main(int argc, char **argv)
{
	const char *conf = config_default_path();
	static config cfg;
	char err[512];
	int i = 1, rc;

	if (i + 1 < argc && !strcmp(argv[i], "-c")) {
		conf = argv[i + 1];
		i += 2;
	}
	if (i >= argc || !strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
		usage();
		return i >= argc ? 2 : 0;
	}
	if (config_load(&cfg, conf, err, sizeof err)) {
		fprintf(stderr, "spplus-admin: %s\n", err);
		return 2;
	}
	/* a command is one word or two ("user add") */
	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
		for (const admin_cmd *c = families[f]; c->name; c++) {
			size_t n1 = strcspn(c->name, " ");
			int words = c->name[n1] ? 2 : 1;
			if (strncmp(c->name, argv[i], n1) || argv[i][n1])
				continue;
			if (words == 2 && (i + 1 >= argc || strcmp(c->name + n1 + 1, argv[i + 1])))
				continue;
			if (db_connect(&cfg) != SPP_OK) {
				fprintf(stderr, "spplus-admin: database: %s\n", db_last_error());
				return 1;
			}
			rc = c->run(&cfg, argc - i - words, argv + i + words);
			db_disconnect();
			return rc;
		}
	}
	fprintf(stderr, "spplus-admin: unknown command '%s'\n", argv[i]);
	usage();
	return 2;
}
