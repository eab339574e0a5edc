/*
 * admin.h — spplus-admin subcommands. Each family of commands exports a
 * table; admin.c lists the tables.
 */
#ifndef SPP_ADMIN_H
#define SPP_ADMIN_H

#include "config.h"

typedef struct admin_cmd {
	const char *name;       /* "migrate", "user add" (two words allowed) */
	const char *usage;      /* one line of help */
	int (*run)(const config *cfg, int argc, char **argv);  /* argv after the name */
} admin_cmd;

extern const admin_cmd admin_core_cmds[];
extern const admin_cmd admin_structure_cmds[];
extern const admin_cmd admin_user_cmds[];
extern const admin_cmd admin_search_cmds[];

/* Reads a whole file into a malloc'd NUL-terminated string (NULL on error). */
char *admin_read_file(const char *path);
/* The directory holding NNN_*.sql and demo/ ($SPPLUS_SQL_DIR or the share dir). */
const char *admin_sql_dir(void);

#endif
