/*
 * admin_structure.c — spplus-admin commands for networks and structures:
 *
 *   network add --code CODE --name NAME --short SHORT
 *   network list
 *   structure add --code CODE_SP --name NAME --network CODE [--parent CODE_SP]
 *                 [--typology CODE] [--address …] [--postal-code 75001]
 *                 [--commune …] [--departement 75]
 *   structure list [--network CODE]   (code SP+ TAB name TAB parent's code)
 *   structure import FILE.csv
 *
 * The import reads a semicolon-separated UTF-8 file whose first line is
 * exactly IMPORT_HEADER, validates every line before writing anything, and
 * inserts the structures in one transaction, parents before children.
 * Errors are French, one per line, prefixed with the line number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "audit.h"
#include "db.h"
#include "structure.h"
#include "validate.h"

#define IMPORT_HEADER \
	"code_sp;nom;reseau;code_parent;typologie;adresse;code_postal;commune;departement"
#define IMPORT_COLS	  9
#define IMPORT_MAX_ERRORS 200

static db_stmt q_network_insert =
	DB_STMT("INSERT INTO networks (code, name, short_name) VALUES (?, ?, ?)");
static db_stmt q_network_list =
	DB_STMT("SELECT code, name, short_name FROM networks ORDER BY code");
static db_stmt q_structure_list = DB_STMT(
	"SELECT s.code_sp, s.name, COALESCE(p.code_sp, '') FROM structures s"
	" JOIN networks n ON n.id = s.network_id LEFT JOIN structures p ON p.id = s.parent_id"
	" WHERE ? = 0 OR s.network_id = ? ORDER BY n.code, s.path");

/* Command-line options: "--name value" pairs. */
typedef struct opt {
	const char *name;
	const char *val;
} opt;

/*
 * Fills opts[i].val from argv; every argument must be a known "--name
 * value" pair. Returns 0, or 2 after printing the problem.
 */
static int parse_opts(int argc, char **argv, opt *opts)
{
	for (int i = 0; i < argc; i++) {
		opt *o = NULL;
		if (!strncmp(argv[i], "--", 2))
			for (opt *p = opts; p->name; p++)
				if (!strcmp(p->name, argv[i] + 2))
					o = p;
		if (!o) {
			fprintf(stderr, "spplus-admin: option inconnue : %s\n", argv[i]);
			return 2;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "spplus-admin: valeur manquante pour %s\n", argv[i]);
			return 2;
		}
		o->val = argv[++i];
	}
	return 0;
}

/* The value of option name (NULL when absent or empty). */
static const char *optv(const opt *opts, const char *name)
{
	for (const opt *p = opts; p->name; p++)
		if (!strcmp(p->name, name))
			return p->val && *p->val ? p->val : NULL;
	return NULL;
}

/* Checks a one-line text of [min, max] characters; prints what and returns 1 when wrong. */
static int bad_line(const char *what, const char *s, long long min, long long max)
{
	const char *e = val_text(s, s ? strlen(s) : 0, min, max, 0);

	if (s && !*s && min > 0)
		e = "Ce champ est obligatoire.";
	if (e)
		fprintf(stderr, "spplus-admin: %s : %s\n", what, e);
	return e != NULL;
}

static int cmd_network_add(const config *cfg, int argc, char **argv)
{
	opt opts[] = { { "code", NULL }, { "name", NULL }, { "short", NULL }, { NULL, NULL } };
	const char *code, *name, *shortn, *e;
	uint64_t id = 0;
	int rc;

	(void)cfg;
	if (parse_opts(argc, argv, opts))
		return 2;
	code = optv(opts, "code");
	name = optv(opts, "name");
	shortn = optv(opts, "short");
	if (!code || !name) {
		fprintf(stderr, "usage: network add --code CODE --name NAME --short SHORT\n");
		return 2;
	}
	if (!shortn)
		shortn = code;
	if ((e = structure_check_code(code, 40))) {
		fprintf(stderr, "spplus-admin: code du réseau : %s\n", e);
		return 1;
	}
	if (bad_line("nom", name, 1, 200) || bad_line("nom court", shortn, 1, 60))
		return 1;
	if (db_begin() != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	rc = db_exec(&q_network_insert, DB_ARGS(A_STR(code), A_STR(name), A_STR(shortn)), NULL,
		     &id);
	if (rc == SPP_OK)
		rc = audit(NULL, 0, "network_create", "network", (long long)id, code);
	if (rc == SPP_OK)
		rc = db_commit();
	if (rc != SPP_OK)
		db_rollback();
	if (rc == SPP_ECONFLICT) {
		fprintf(stderr, "spplus-admin: le réseau %s existe déjà\n", code);
		return 1;
	}
	if (rc != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	printf("réseau %s créé\n", code);
	return 0;
}

/* Prints one row as TAB-separated columns. */
static int print_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		     const unsigned long *lens)
{
	(void)ctx;
	(void)names;
	(void)lens;
	for (int i = 0; i < ncols; i++)
		printf("%s%s", i ? "\t" : "", vals[i] ? vals[i] : "");
	putchar('\n');
	return 0;
}

static int cmd_network_list(const config *cfg, int argc, char **argv)
{
	(void)cfg;
	(void)argv;
	if (argc) {
		fprintf(stderr, "usage: network list\n");
		return 2;
	}
	if (db_query(&q_network_list, DB_NOARGS, print_row, NULL) < 0) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	return 0;
}

static int cmd_structure_list(const config *cfg, int argc, char **argv)
{
	opt opts[] = { { "network", NULL }, { NULL, NULL } };
	long long nid = 0;

	(void)cfg;
	if (parse_opts(argc, argv, opts))
		return 2;
	if (optv(opts, "network")) {
		int f = structure_network_by_code(optv(opts, "network"), &nid);
		if (f < 0) {
			fprintf(stderr, "spplus-admin: %s\n", db_last_error());
			return 1;
		}
		if (!f) {
			fprintf(stderr, "spplus-admin: réseau inconnu : %s\n",
				optv(opts, "network"));
			return 1;
		}
	}
	if (db_query(&q_structure_list, DB_ARGS(A_INT(nid), A_INT(nid)), print_row, NULL) < 0) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	return 0;
}

/* One structure line, from the command line or a CSV line. */
typedef struct row {
	int line;
	char *col
		[IMPORT_COLS]; /* code_sp nom reseau code_parent typologie adresse code_postal commune departement */
	structure_in in;
	int parent_in_file; /* index + 1 of the parent's row in the file, 0 when in the database */
	long long id;	    /* once inserted */
	int done;
} row;

enum {
	C_CODE,
	C_NAME,
	C_NETWORK,
	C_PARENT,
	C_TYPOLOGY,
	C_ADDRESS,
	C_POSTAL,
	C_COMMUNE,
	C_DEP
};

static const char *const col_names[IMPORT_COLS] = {
	"code_sp", "nom",	  "reseau",  "code_parent", "typologie",
	"adresse", "code_postal", "commune", "departement",
};

/* The import's messages, printed in line order once validation is over. */
typedef struct import_msg {
	int line, seq;
	char *text;
} import_msg;

static import_msg *msgs;
static int nmsgs;

/* Keeps one message of a file line (printed by msgs_flush). */
static void msg_add(int line, const char *text)
{
	import_msg *n;

	if (nmsgs >= IMPORT_MAX_ERRORS)
		return;
	n = realloc(msgs, sizeof *msgs * (size_t)(nmsgs + 1));
	if (!n)
		return;
	msgs = n;
	msgs[nmsgs].line = line;
	msgs[nmsgs].seq = nmsgs;
	msgs[nmsgs].text = strdup(text);
	if (msgs[nmsgs].text)
		nmsgs++;
}

static int msg_cmp(const void *a, const void *b)
{
	const import_msg *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Prints the kept messages by line number and forgets them. */
static void msgs_flush(void)
{
	qsort(msgs, (size_t)nmsgs, sizeof *msgs, msg_cmp);
	for (int i = 0; i < nmsgs; i++) {
		fprintf(stderr, "ligne %d%s\n", msgs[i].line, msgs[i].text);
		free(msgs[i].text);
	}
	free(msgs);
	msgs = NULL;
	nmsgs = 0;
}

/* Reports a problem with a row; line 0 is the command line. */
static void row_error(const row *r, int col, const char *msg, int *nerr)
{
	char text[600];

	(*nerr)++;
	if (r->line) {
		snprintf(text, sizeof text, ", colonne %s : %s", col_names[col], msg);
		msg_add(r->line, text);
	} else {
		fprintf(stderr, "spplus-admin: %s : %s\n", col_names[col], msg);
	}
}

/*
 * Validates the columns of r that need no other row: lengths, codes,
 * postal code, the network, the typology, the département and a parent
 * already in the database. Parents found in the file are resolved by the
 * caller. Returns 0, or SPP_EDB.
 */
static int row_check(row *r, int *nerr)
{
	static const long long maxlen[IMPORT_COLS] = { 20, 255, 40, 20, 40, 255, 5, 100, 3 };
	const char *e;
	int f;

	for (int c = 0; c < IMPORT_COLS; c++) {
		const char *v = r->col[c] ? r->col[c] : "";
		int required = c == C_CODE || c == C_NAME || c == C_NETWORK;
		if (required && !*v) {
			row_error(r, c, "valeur obligatoire manquante", nerr);
			continue;
		}
		if ((e = val_text(v, strlen(v), 0, maxlen[c], 0)))
			row_error(r, c, e, nerr);
	}
	if (r->col[C_CODE] && *r->col[C_CODE] && (e = structure_check_code(r->col[C_CODE], 20)))
		row_error(r, C_CODE, e, nerr);
	if (r->col[C_POSTAL] && *r->col[C_POSTAL] && (e = val_postcode(r->col[C_POSTAL])))
		row_error(r, C_POSTAL, e, nerr);
	r->in.code_sp = r->col[C_CODE];
	r->in.name = r->col[C_NAME];
	r->in.address = r->col[C_ADDRESS];
	r->in.postal_code = r->col[C_POSTAL];
	r->in.commune = r->col[C_COMMUNE];
	r->in.departement = r->col[C_DEP] && *r->col[C_DEP] ? r->col[C_DEP] : NULL;
	if (r->col[C_CODE] && *r->col[C_CODE]) {
		if ((f = structure_by_code(r->col[C_CODE], NULL, NULL)) < 0)
			return SPP_EDB;
		if (f)
			row_error(r, C_CODE, "ce code SP+ existe déjà", nerr);
	}
	if (r->col[C_NETWORK] && *r->col[C_NETWORK]) {
		if ((f = structure_network_by_code(r->col[C_NETWORK], &r->in.network_id)) < 0)
			return SPP_EDB;
		if (!f)
			row_error(r, C_NETWORK, "réseau inconnu", nerr);
	}
	if (r->col[C_TYPOLOGY] && *r->col[C_TYPOLOGY]) {
		if ((f = structure_typology_by_code(r->col[C_TYPOLOGY], &r->in.typology_id)) < 0)
			return SPP_EDB;
		if (!f)
			row_error(r, C_TYPOLOGY, "typologie inconnue", nerr);
	} else {
		if ((f = structure_default_typology(&r->in.typology_id)) < 0)
			return SPP_EDB;
		if (!f)
			row_error(r, C_TYPOLOGY, "aucune typologie n'est définie", nerr);
	}
	if (r->in.departement) {
		if ((f = structure_departement_exists(r->in.departement)) < 0)
			return SPP_EDB;
		if (!f)
			row_error(r, C_DEP, "département inconnu", nerr);
	}
	return SPP_OK;
}

/* Resolves a parent that is in the database; returns 0 or SPP_EDB. */
static int row_db_parent(row *r, int *nerr)
{
	long long pnet = 0;
	int f;

	if (!r->col[C_PARENT] || !*r->col[C_PARENT])
		return SPP_OK;
	if ((f = structure_by_code(r->col[C_PARENT], &r->in.parent_id, &pnet)) < 0)
		return SPP_EDB;
	if (!f)
		row_error(r, C_PARENT, "structure mère inconnue", nerr);
	else if (r->in.network_id && pnet != r->in.network_id)
		row_error(r, C_PARENT, "la structure mère appartient à un autre réseau", nerr);
	return SPP_OK;
}

/* Inserts r (its parent already exists); prints the reason of a refusal. */
static int row_insert(row *r)
{
	const char *why = NULL;
	int rc = structure_insert(&r->in, &r->id, &why);

	if (rc == SPP_OK)
		rc = audit(NULL, 0, "structure_create", "structure", r->id, r->in.code_sp);
	if (rc == SPP_OK)
		return 0;
	if (!r->line)
		fprintf(stderr, "spplus-admin: ");
	else
		fprintf(stderr, "ligne %d : ", r->line);
	if (rc == SPP_ECONFLICT)
		fprintf(stderr, "le code SP+ %s existe déjà\n", r->in.code_sp);
	else if (rc == SPP_EINVAL)
		fprintf(stderr, "%s\n", why);
	else
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
	return 1;
}

static int cmd_structure_add(const config *cfg, int argc, char **argv)
{
	opt opts[] = { { "code", NULL },	{ "name", NULL },     { "network", NULL },
		       { "parent", NULL },	{ "typology", NULL }, { "address", NULL },
		       { "postal-code", NULL }, { "commune", NULL },  { "departement", NULL },
		       { NULL, NULL } };
	static const char *const keys[IMPORT_COLS] = { "code",	      "name",	  "network",
						       "parent",      "typology", "address",
						       "postal-code", "commune",  "departement" };
	row r = { 0 };
	int nerr = 0;

	(void)cfg;
	if (parse_opts(argc, argv, opts))
		return 2;
	for (int c = 0; c < IMPORT_COLS; c++)
		r.col[c] = (char *)optv(opts, keys[c]);
	if (!r.col[C_CODE] || !r.col[C_NAME] || !r.col[C_NETWORK]) {
		fprintf(stderr,
			"usage: structure add --code CODE_SP --name NAME --network CODE"
			" [--parent CODE_SP] [--typology CODE] [--address …] [--postal-code 75001]"
			" [--commune …] [--departement 75]\n");
		return 2;
	}
	if (row_check(&r, &nerr) != SPP_OK || row_db_parent(&r, &nerr) != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	if (nerr)
		return 1;
	if (db_begin() != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		return 1;
	}
	if (row_insert(&r) || db_commit() != SPP_OK) {
		db_rollback();
		return 1;
	}
	printf("structure %s créée\n", r.in.code_sp);
	return 0;
}

/*
 * Splits one CSV record starting at *p (semicolons, optional double quotes
 * with "" for a quote, CRLF or LF line ends) into cols (malloc'd strings).
 * Advances *p past the record and counts the physical lines it used in
 * *lines. Returns the number of columns, or -1 for an unterminated quote.
 */
static int csv_record(const char **p, const char *end, char **cols, int maxcols, int *lines)
{
	const char *s = *p;
	int n = 0;

	*lines = 1;
	for (;;) {
		char *val = malloc((size_t)(end - s) + 1);
		size_t len = 0;
		if (!val)
			return -1;
		if (s < end && *s == '"') {
			s++;
			for (;;) {
				if (s >= end) {
					free(val);
					return -1;
				}
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						val[len++] = '"';
						s += 2;
						continue;
					}
					s++;
					break;
				}
				if (*s == '\n')
					(*lines)++;
				val[len++] = *s++;
			}
		}
		while (s < end && *s != ';' && *s != '\n' && *s != '\r')
			val[len++] = *s++;
		val[len] = '\0';
		{
			/* val was sized for the rest of the file: keep only the field */
			char *shrunk = realloc(val, len + 1);
			if (shrunk)
				val = shrunk;
		}
		if (n < maxcols)
			cols[n] = val;
		else
			free(val);
		n++;
		if (s < end && *s == ';') {
			s++;
			continue;
		}
		if (s < end && *s == '\r')
			s++;
		if (s < end && *s == '\n')
			s++;
		break;
	}
	*p = s;
	return n;
}

/* Says why data is not a semicolon-separated UTF-8 file, or NULL. */
static const char *file_kind_error(const char *data, size_t len)
{
	const char *nl;
	size_t hl;

	if (len >= 4 && !memcmp(data, "PK\x03\x04", 4))
		return "le fichier est un classeur Excel (ou une archive ZIP) : enregistrez-le au format CSV, séparateur point-virgule, encodage UTF-8";
	if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return "le fichier est un classeur Excel (format .xls) : enregistrez-le au format CSV, séparateur point-virgule, encodage UTF-8";
	if (memchr(data, '\0', len) || !utf8_valid(data, len))
		return "le fichier n'est pas encodé en UTF-8 (par exemple Latin-1 / Windows-1252) : enregistrez-le en UTF-8";
	nl = memchr(data, '\n', len);
	hl = nl ? (size_t)(nl - data) : len;
	if (!memchr(data, ';', hl) && (memchr(data, ',', hl) || memchr(data, '\t', hl)))
		return "le séparateur doit être le point-virgule (;), pas la virgule ni la tabulation";
	return NULL;
}

static void rows_free(row *rows, int n)
{
	for (int i = 0; i < n; i++)
		for (int c = 0; c < IMPORT_COLS; c++)
			free(rows[i].col[c]);
	free(rows);
}

/*
 * Resolves parents named in the file and orders nothing yet: sets
 * parent_in_file, checks same network, reports duplicates and cycles.
 */
static void resolve_file_parents(row *rows, int n, int *nerr)
{
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (rows[i].col[C_CODE] && *rows[i].col[C_CODE] &&
			    !strcmp(rows[i].col[C_CODE],
				    rows[j].col[C_CODE] ? rows[j].col[C_CODE] : "")) {
				char msg[96];
				snprintf(msg, sizeof msg, "code SP+ en double (déjà à la ligne %d)",
					 rows[j].line);
				row_error(&rows[i], C_CODE, msg, nerr);
				break;
			}
	}
	for (int i = 0; i < n; i++) {
		const char *pc = rows[i].col[C_PARENT];
		if (!pc || !*pc)
			continue;
		for (int j = 0; j < n; j++)
			if (rows[j].col[C_CODE] && !strcmp(pc, rows[j].col[C_CODE])) {
				rows[i].parent_in_file = j + 1;
				if (rows[j].in.network_id != rows[i].in.network_id)
					row_error(&rows[i], C_PARENT,
						  "la structure mère appartient à un autre réseau",
						  nerr);
				break;
			}
	}
	/* a chain of parents inside the file that comes back on itself */
	for (int i = 0; i < n; i++) {
		int k = rows[i].parent_in_file, steps = 0;
		while (k && steps <= n) {
			if (k == i + 1) {
				row_error(&rows[i], C_PARENT,
					  "les structures mères forment une boucle", nerr);
				break;
			}
			k = rows[k - 1].parent_in_file;
			steps++;
		}
	}
}

static int cmd_structure_import(const config *cfg, int argc, char **argv)
{
	char *data = NULL, *cols[IMPORT_COLS + 1];
	const char *p, *end, *e;
	row *rows = NULL;
	int n = 0, cap = 0, nerr = 0, line = 1, lines, nc, rc = 1;

	(void)cfg;
	if (argc != 1) {
		fprintf(stderr, "usage: structure import FICHIER.csv\n");
		return 2;
	}
	data = admin_read_file(argv[0]);
	if (!data) {
		fprintf(stderr, "spplus-admin: impossible de lire %s\n", argv[0]);
		return 1;
	}
	p = data;
	end = data + strlen(data);
	if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	if ((e = file_kind_error(p, (size_t)(end - p)))) {
		fprintf(stderr, "%s : %s\n", argv[0], e);
		goto out;
	}
	{
		size_t hl = strcspn(p, "\r\n");
		if (hl != strlen(IMPORT_HEADER) || memcmp(p, IMPORT_HEADER, hl)) {
			fprintf(stderr, "ligne 1 : l'en-tête doit être exactement « %s »\n",
				IMPORT_HEADER);
			goto out;
		}
		p += hl;
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
		line = 2;
	}
	while (p < end) {
		memset(cols, 0, sizeof cols);
		nc = csv_record(&p, end, cols, IMPORT_COLS + 1, &lines);
		if (nc == 1 && cols[0] && !*cols[0]) {
			/* a blank line */
			free(cols[0]);
			line += lines;
			continue;
		}
		if (nc < 0) {
			msg_add(line, " : guillemet non fermé");
			nerr++;
			for (int c = 0; c <= IMPORT_COLS; c++)
				free(cols[c]);
			break;
		}
		if (n == cap) {
			row *nr = realloc(rows, sizeof *rows * (size_t)(cap = cap ? cap * 2 : 64));
			if (!nr) {
				fprintf(stderr, "spplus-admin: mémoire insuffisante\n");
				for (int c = 0; c <= IMPORT_COLS; c++)
					free(cols[c]);
				goto out;
			}
			rows = nr;
		}
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].line = line;
		for (int c = 0; c < IMPORT_COLS; c++)
			rows[n].col[c] = cols[c];
		free(cols[IMPORT_COLS]);
		n++;
		if (nc != IMPORT_COLS) {
			nerr++;
			char text[96];
			snprintf(text, sizeof text, " : %d colonnes attendues, %d trouvées",
				 IMPORT_COLS, nc);
			msg_add(line, text);
		} else if (row_check(&rows[n - 1], &nerr) != SPP_OK) {
			fprintf(stderr, "spplus-admin: %s\n", db_last_error());
			goto out;
		}
		line += lines;
	}
	if (!n && !nerr) {
		fprintf(stderr, "%s : aucune structure dans le fichier\n", argv[0]);
		goto out;
	}
	resolve_file_parents(rows, n, &nerr);
	for (int i = 0; i < n; i++)
		if (!rows[i].parent_in_file && row_db_parent(&rows[i], &nerr) != SPP_OK) {
			fprintf(stderr, "spplus-admin: %s\n", db_last_error());
			goto out;
		}
	if (nerr) {
		msgs_flush();
		fprintf(stderr, "%d erreur%s : rien n'a été importé\n", nerr, nerr > 1 ? "s" : "");
		goto out;
	}
	if (db_begin() != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		goto out;
	}
	/* parents first: each pass inserts the rows whose parent exists now */
	for (int done = 0, progress = 1; done < n && progress;) {
		progress = 0;
		for (int i = 0; i < n; i++) {
			row *r = &rows[i];
			if (r->done)
				continue;
			if (r->parent_in_file) {
				row *pr = &rows[r->parent_in_file - 1];
				if (!pr->done)
					continue;
				r->in.parent_id = pr->id;
			}
			if (row_insert(r)) {
				db_rollback();
				fprintf(stderr, "rien n'a été importé\n");
				goto out;
			}
			r->done = 1;
			done++;
			progress = 1;
		}
	}
	if (db_commit() != SPP_OK) {
		fprintf(stderr, "spplus-admin: %s\n", db_last_error());
		db_rollback();
		goto out;
	}
	printf("%d structure%s importée%s\n", n, n > 1 ? "s" : "", n > 1 ? "s" : "");
	rc = 0;
out:
	msgs_flush();
	rows_free(rows, n);
	free(data);
	return rc;
}

const admin_cmd admin_structure_cmds[] = {
	{ "network add", "--code CODE --name NAME --short SHORT: create a network",
	  cmd_network_add },
	{ "network list", "list the networks (code TAB name TAB short name)", cmd_network_list },
	{ "structure add",
	  "--code CODE_SP --name NAME --network CODE [--parent CODE_SP] [--typology CODE]"
	  " [--address A] [--postal-code CP] [--commune C] [--departement D]",
	  cmd_structure_add },
	{ "structure list", "[--network CODE]: code SP+ TAB name TAB parent's code, one per line",
	  cmd_structure_list },
	{ "structure import", "FILE.csv: import structures (semicolon CSV, UTF-8, all or nothing)",
	  cmd_structure_import },
	{ 0 },
};
