/*
 * structure.c — inserting, editing and moving structures while keeping the
 * materialised path (structures.path, structures.depth) right for every
 * descendant. Callers own the transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "structure.h"

/* structures.path is VARCHAR(255). */
#define PATH_MAX_LEN 255

static db_stmt q_insert = DB_STMT(
	"INSERT INTO structures (network_id, parent_id, code_sp, name, typology_id, address,"
	" postal_code, commune, departement_code, path, depth)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '/', 0)");
static db_stmt q_set_path = DB_STMT("UPDATE structures SET path = ?, depth = ? WHERE id = ?");
static db_stmt q_lock = DB_STMT(
	"SELECT network_id, path, depth, COALESCE(parent_id, 0) FROM structures WHERE id = ? FOR UPDATE");
static db_stmt q_update = DB_STMT(
	"UPDATE structures SET code_sp = ?, name = ?, typology_id = ?, address = ?, postal_code = ?,"
	" commune = ?, departement_code = ? WHERE id = ?");
static db_stmt q_subtree_maxlen = DB_STMT(
	"SELECT COALESCE(MAX(LENGTH(path)), 0) FROM structures WHERE path LIKE CONCAT(?, '%')");
static db_stmt q_move_subtree =
	DB_STMT("UPDATE structures SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ?"
		" WHERE path LIKE CONCAT(?, '%')");
static db_stmt q_set_parent = DB_STMT("UPDATE structures SET parent_id = ? WHERE id = ?");
static db_stmt q_by_code = DB_STMT("SELECT id, network_id FROM structures WHERE code_sp = ?");
static db_stmt q_network_by_code = DB_STMT("SELECT id FROM networks WHERE code = ?");
static db_stmt q_typology_by_code = DB_STMT("SELECT id FROM typologies WHERE code = ?");
static db_stmt q_typology_default =
	DB_STMT("SELECT id FROM typologies ORDER BY code = 'autre' DESC, id LIMIT 1");
static db_stmt q_departement = DB_STMT("SELECT COUNT(*) FROM departements WHERE code = ?");

#define MSG_PARENT_NETWORK "La structure mère doit appartenir au même réseau."
#define MSG_PARENT_UNKNOWN "La structure mère n'existe pas."
#define MSG_CYCLE \
	"Une structure ne peut pas être rattachée à elle-même ni à l'une de ses structures filles."
#define MSG_TOO_DEEP "L'arborescence serait trop profonde."

/* One locked row of structures. */
typedef struct node {
	long long network_id, depth, parent_id;
	char path[PATH_MAX_LEN + 1];
	int found;
} node;

static int node_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		    const unsigned long *lens)
{
	node *n = ctx;

	(void)names;
	(void)lens;
	if (ncols < 4 || !vals[0] || !vals[1] || !vals[2] || !vals[3])
		return 1;
	n->network_id = strtoll(vals[0], NULL, 10);
	snprintf(n->path, sizeof n->path, "%s", vals[1]);
	n->depth = strtoll(vals[2], NULL, 10);
	n->parent_id = strtoll(vals[3], NULL, 10);
	n->found = 1;
	return 1;
}

/* Reads and locks structure id into *n. Returns SPP_OK, SPP_ENOTFOUND, SPP_EDB. */
static int node_lock(long long id, node *n)
{
	memset(n, 0, sizeof *n);
	if (db_query(&q_lock, DB_ARGS(A_INT(id)), node_row, n) < 0)
		return SPP_EDB;
	return n->found ? SPP_OK : SPP_ENOTFOUND;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

/* NULL for an empty string: optional foreign keys. */
static dbarg opt_str(const char *s)
{
	return s && *s ? A_STR(s) : A_NULL;
}

/*
 * Checks that parent_id (0 = none) can hold a child in network_id and
 * computes the prefix of the child's path and its depth. SPP_OK,
 * SPP_EINVAL (*why), SPP_EDB.
 */
static int parent_prefix(long long parent_id, long long network_id, char *prefix, size_t size,
			 long long *depth, const char **why)
{
	node p;
	int rc;

	if (!parent_id) {
		snprintf(prefix, size, "/");
		*depth = 0;
		return SPP_OK;
	}
	rc = node_lock(parent_id, &p);
	if (rc == SPP_ENOTFOUND) {
		*why = MSG_PARENT_UNKNOWN;
		return SPP_EINVAL;
	}
	if (rc != SPP_OK)
		return rc;
	if (p.network_id != network_id) {
		*why = MSG_PARENT_NETWORK;
		return SPP_EINVAL;
	}
	snprintf(prefix, size, "%s", p.path);
	*depth = p.depth + 1;
	return SPP_OK;
}

int structure_insert(const structure_in *s, long long *id, const char **why)
{
	char prefix[PATH_MAX_LEN + 1], path[PATH_MAX_LEN + 32];
	long long depth;
	uint64_t newid = 0;
	int rc;

	*why = NULL;
	rc = parent_prefix(s->parent_id, s->network_id, prefix, sizeof prefix, &depth, why);
	if (rc != SPP_OK)
		return rc;
	rc = db_exec(&q_insert,
		     DB_ARGS(A_INT(s->network_id), s->parent_id ? A_INT(s->parent_id) : A_NULL,
			     A_STR(s->code_sp), A_STR(s->name), A_INT(s->typology_id),
			     A_STR(nz(s->address)), A_STR(nz(s->postal_code)),
			     A_STR(nz(s->commune)), opt_str(s->departement)),
		     NULL, &newid);
	if (rc != SPP_OK)
		return rc;
	snprintf(path, sizeof path, "%s%llu/", prefix, (unsigned long long)newid);
	if (strlen(path) > PATH_MAX_LEN || depth > 250) {
		*why = MSG_TOO_DEEP;
		return SPP_EINVAL;
	}
	rc = db_exec(&q_set_path, DB_ARGS(A_STR(path), A_INT(depth), A_INT((long long)newid)), NULL,
		     NULL);
	if (rc != SPP_OK)
		return rc;
	*id = (long long)newid;
	return SPP_OK;
}

/* Moves the subtree of id (locked as *self) under parent_id (0 = root). */
static int move_subtree(long long id, const node *self, long long parent_id, const char **why)
{
	char prefix[PATH_MAX_LEN + 1], newpath[PATH_MAX_LEN + 32];
	long long depth, maxlen;
	int rc;

	if (parent_id) {
		node p;
		rc = node_lock(parent_id, &p);
		if (rc == SPP_ENOTFOUND) {
			*why = MSG_PARENT_UNKNOWN;
			return SPP_EINVAL;
		}
		if (rc != SPP_OK)
			return rc;
		/* the new parent inside the moved subtree would close a loop */
		if (!strncmp(p.path, self->path, strlen(self->path))) {
			*why = MSG_CYCLE;
			return SPP_EINVAL;
		}
	}
	rc = parent_prefix(parent_id, self->network_id, prefix, sizeof prefix, &depth, why);
	if (rc != SPP_OK)
		return rc;
	snprintf(newpath, sizeof newpath, "%s%lld/", prefix, id);
	if (db_int(&q_subtree_maxlen, DB_ARGS(A_STR(self->path)), 0, &maxlen) < 0)
		return SPP_EDB;
	if (maxlen - (long long)strlen(self->path) + (long long)strlen(newpath) > PATH_MAX_LEN ||
	    depth > 250) {
		*why = MSG_TOO_DEEP;
		return SPP_EINVAL;
	}
	rc = db_exec(&q_move_subtree,
		     DB_ARGS(A_STR(newpath), A_INT((long long)strlen(self->path) + 1),
			     A_INT(depth - self->depth), A_STR(self->path)),
		     NULL, NULL);
	if (rc != SPP_OK)
		return rc;
	return db_exec(&q_set_parent, DB_ARGS(parent_id ? A_INT(parent_id) : A_NULL, A_INT(id)),
		       NULL, NULL);
}

int structure_update(long long id, const structure_in *s, const char **why)
{
	node self;
	int rc;

	*why = NULL;
	rc = node_lock(id, &self);
	if (rc != SPP_OK)
		return rc;
	rc = db_exec(&q_update,
		     DB_ARGS(A_STR(s->code_sp), A_STR(s->name), A_INT(s->typology_id),
			     A_STR(nz(s->address)), A_STR(nz(s->postal_code)),
			     A_STR(nz(s->commune)), opt_str(s->departement), A_INT(id)),
		     NULL, NULL);
	if (rc != SPP_OK)
		return rc;
	if (s->parent_id == self.parent_id)
		return SPP_OK;
	return move_subtree(id, &self, s->parent_id, why);
}

struct two_ints {
	long long a, b;
	int found;
};

static int two_ints_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
			const unsigned long *lens)
{
	struct two_ints *t = ctx;

	(void)names;
	(void)lens;
	if (ncols >= 1 && vals[0])
		t->a = strtoll(vals[0], NULL, 10);
	if (ncols >= 2 && vals[1])
		t->b = strtoll(vals[1], NULL, 10);
	t->found = 1;
	return 1;
}

int structure_by_code(const char *code, long long *id, long long *network_id)
{
	struct two_ints t = { 0 };

	if (db_query(&q_by_code, DB_ARGS(A_STR(code)), two_ints_row, &t) < 0)
		return SPP_EDB;
	if (id)
		*id = t.a;
	if (network_id)
		*network_id = t.b;
	return t.found;
}

/* The id of the one-column query st run with code: 1, 0 or SPP_EDB. */
static int id_by_code(db_stmt *st, const char *code, long long *id)
{
	struct two_ints t = { 0 };

	int rc = code ? db_query(st, DB_ARGS(A_STR(code)), two_ints_row, &t) :
			db_query(st, DB_NOARGS, two_ints_row, &t);

	if (rc < 0)
		return SPP_EDB;
	*id = t.a;
	return t.found;
}

int structure_network_by_code(const char *code, long long *id)
{
	return id_by_code(&q_network_by_code, code, id);
}

int structure_typology_by_code(const char *code, long long *id)
{
	return id_by_code(&q_typology_by_code, code, id);
}

int structure_default_typology(long long *id)
{
	return id_by_code(&q_typology_default, NULL, id);
}

int structure_departement_exists(const char *code)
{
	long long n;

	if (db_int(&q_departement, DB_ARGS(A_STR(code)), 0, &n) < 0)
		return SPP_EDB;
	return n > 0;
}

const char *structure_check_code(const char *code, size_t max)
{
	size_t n = code ? strlen(code) : 0;

	if (!n)
		return "Ce champ est obligatoire.";
	if (n > max)
		return "Ce code est trop long.";
	for (const char *p = code; *p; p++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return "Un code ne contient que des lettres sans accent, des chiffres, des tirets, des points ou des soulignés.";
	}
	return NULL;
}
