/*
 * structure.h — the structure tree and the networks, shared by the
 * administration screens (page_admin_structures.c) and spplus-admin
 * (admin_structure.c).
 *
 * structures.path is the list of ancestor ids ending with the structure's
 * own ("/1/5/23/"), depth the number of ancestors. Every function that
 * changes the tree keeps both consistent for the whole subtree and must be
 * called inside a transaction (db_begin … db_commit) opened by the caller.
 */
#ifndef SPP_STRUCTURE_H
#define SPP_STRUCTURE_H

#include "spp.h"

/* The values of one structure as entered (strings may be NULL or ""). */
typedef struct structure_in {
	long long network_id;
	const char *code_sp;
	const char *name;
	long long typology_id;
	const char *address;
	const char *postal_code;
	const char *commune;
	const char *departement; /* code of a row of departements, or NULL */
	long long parent_id;	 /* 0: a root (structure mère without parent) */
} structure_in;

/*
 * Inserts s and gives it its path and depth. Returns SPP_OK (*id set),
 * SPP_ECONFLICT when the code SP+ exists, SPP_EINVAL when the parent is
 * not in the same network or the tree would be too deep (*why then holds
 * a static French message), SPP_EDB.
 */
int structure_insert(const structure_in *s, long long *id, const char **why);

/*
 * Updates structure id with s (its network never changes: s->network_id is
 * ignored) and, when the parent changes, moves the whole subtree: every
 * descendant's path and depth follow. Refuses a cycle (the new parent is
 * the structure or one of its descendants) with SPP_EINVAL and *why.
 * SPP_ENOTFOUND for an unknown id, SPP_ECONFLICT for a duplicate code SP+.
 */
int structure_update(long long id, const structure_in *s, const char **why);

/* The id and network of the structure with code SP+ code: 1 found, 0 not,
 * SPP_EDB. */
int structure_by_code(const char *code, long long *id, long long *network_id);
/* The id of the network with code: 1 found, 0 not, SPP_EDB. */
int structure_network_by_code(const char *code, long long *id);
/* The id of the typology with code: 1 found, 0 not, SPP_EDB. */
int structure_typology_by_code(const char *code, long long *id);
/* The typology used when none is given ("autre", else the first one):
 * 1 found, 0 when the table is empty, SPP_EDB. */
int structure_default_typology(long long *id);
/* 1 when departement code exists, 0 when not, SPP_EDB. */
int structure_departement_exists(const char *code);

/* A code SP+ or network code: 1–20 (codes SP+) or 1–40 characters among
 * A–Z, a–z, 0–9, '-', '_', '.'. Returns NULL or a static French message. */
const char *structure_check_code(const char *code, size_t max);

#endif
