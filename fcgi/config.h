/*
 * config.h — the one configuration file (INI), parsed once at start and on
 * SIGHUP into these structs; nothing reads the file at request time.
 *
 *   [global]  settings shared by every process
 *   [database] how to reach MariaDB
 *   [mail]    how mail leaves the outbox
 *   [pool web] / [pool upload] / [pool redirect]  one per FastCGI pool
 */
#ifndef SPP_CONFIG_H
#define SPP_CONFIG_H

#include <stddef.h>

enum pool_id { POOL_WEB = 0, POOL_UPLOAD = 1, POOL_REDIRECT = 2, POOL__COUNT };

typedef struct pool_config {
	int enabled;
	char name[16];            /* "web", "upload", "redirect" */
	char listen[256];         /* unix socket path */
	int listen_mode;          /* octal file mode of the socket (default 0660) */
	int workers;              /* pre-forked processes (default 4) */
	long max_requests;        /* recycle after this many requests (default 10000) */
	int request_timeout;      /* seconds before a busy worker is killed (default 30) */
	size_t max_body;          /* bytes accepted in a request body */
	int backlog;              /* listen(2) backlog (default 511) */
} pool_config;

typedef struct config {
	char path[512];           /* the file this came from */
	/* [global] */
	char base_url[256];       /* public address, e.g. https://www.plus.transformation.gouv.fr */
	char xslt_dir[512];       /* where the stylesheets are */
	char static_dir[512];     /* where /static is served from (for reference) */
	char pid_file[512];
	char access_log[512];     /* "" = stderr */
	char error_log[512];      /* "" = stderr */
	char user[64];            /* drop privileges to this user when started as root */
	int dev;                  /* development: ?debug=xml allowed, no Secure cookie when http */
	int secure_cookies;       /* 1 unless dev and base_url is http:// */
	/* [database] */
	char db_socket[512];
	char db_host[256];
	int db_port;
	char db_name[64];
	char db_user[64];
	char db_password[256];
	/* [mail] */
	char mail_from[256];
	char mail_dir[512];       /* when set, messages are written as .eml files here */
	char mail_sendmail[512];  /* else piped to this command, e.g. "/usr/sbin/sendmail -t -i" */
	/* pools */
	pool_config pools[POOL__COUNT];
} config;

/*
 * Reads path into cfg (defaults first, then the file). On error returns
 * -1 and writes a message with the line number into err.
 */
int config_load(config *cfg, const char *path, char *err, size_t errlen);

/* The default location, overridable by $SPPLUS_CONF. */
const char *config_default_path(void);

#endif
