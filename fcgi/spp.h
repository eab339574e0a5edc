/*
 * spp.h — definitions shared by every part of spplus: return codes,
 * the request arena and small string helpers.
 */
#ifndef SPP_H
#define SPP_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

/* One enum of return codes for the whole tree. */
enum spp_rc {
	SPP_OK = 0,
	SPP_ENOMEM = -1,   /* allocation failed */
	SPP_EBADREQ = -2,  /* malformed input: becomes HTTP 400 */
	SPP_ETOOBIG = -3,  /* a limit was passed: becomes HTTP 413 */
	SPP_EDB = -4,      /* database unavailable or failed: HTTP 503 */
	SPP_EIO = -5,      /* read/write failure */
	SPP_ENOTFOUND = -6,
	SPP_EINVAL = -7,   /* invalid value (validation) */
	SPP_ECONFLICT = -8,
};

/*
 * The request arena. Everything a request allocates comes from here and
 * is released at once by arena_reset() after FCGX_Finish_r. Foreign
 * resources (xmlDoc, MYSQL_RES, transform contexts) register a cleanup.
 */
typedef struct arena arena;

arena *arena_new(size_t chunk);            /* NULL on ENOMEM; free with arena_free */
void arena_free(arena *a);                 /* runs cleanups, releases all memory */
void arena_reset(arena *a);                /* runs cleanups, keeps the first chunk */
void *arena_alloc(arena *a, size_t n);     /* aligned to 16; NULL on ENOMEM */
void *arena_zalloc(arena *a, size_t n);
char *arena_strdup(arena *a, const char *s);            /* s may be NULL → NULL */
char *arena_strndup(arena *a, const char *s, size_t n); /* always NUL-terminated */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Registers fn(p) to run at reset/free, in reverse order of registration. */
int arena_on_cleanup(arena *a, void (*fn)(void *), void *p);
size_t arena_used(const arena *a);

/* A growable byte buffer whose storage lives in an arena. */
typedef struct buf {
	arena *a;
	char *data;
	size_t len, cap;
} buf;

void buf_init(buf *b, arena *a);
int buf_reserve(buf *b, size_t n); /* room for n more bytes */
int buf_append(buf *b, const void *p, size_t n);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, char c);
const char *buf_cstr(buf *b);  /* NUL-terminated view, "" when empty */

/* Key/value list (query strings, forms, cookies, headers). Values may
 * contain NUL bytes only in multipart parts; here len is authoritative. */
typedef struct kv {
	const char *key;
	const char *val;
	size_t len;
	struct kv *next;
} kv;

typedef struct kvlist {
	kv *head, *tail;
	size_t n;
} kvlist;

int kv_add(arena *a, kvlist *l, const char *key, const char *val, size_t len);
const char *kv_get(const kvlist *l, const char *key);  /* first match or NULL */
size_t kv_count(const kvlist *l, const char *key);

/* UTF-8 helpers (utf8.c). */
int utf8_valid(const char *s, size_t len);           /* 1 if valid UTF-8, no NUL */
size_t utf8_len(const char *s, size_t len);          /* code points; s must be valid */
/* Lower-cases and strips French accents into out (ASCII-ish key for search
 * and slugs); returns an arena string. */
char *utf8_fold(arena *a, const char *s);

/* Logging to stderr (collected by spplusd into the error log). */
void spp_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
