/*
 * arena.c — the request arena, growable buffers, key/value lists and the
 * logging helper.
 *
 * An arena is a list of chunks. Small allocations are carved from the
 * current chunk by bumping an offset; an allocation larger than a quarter
 * of the chunk size gets a chunk of its own so that it does not waste the
 * rest of the current one. arena_reset() keeps the first chunk, which is
 * the common case for a long-lived worker: one malloc per worker, not per
 * request.
 */
#include "spp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ARENA_ALIGN	    16
#define ARENA_MIN_CHUNK	    1024
#define ARENA_DEFAULT_CHUNK (64 * 1024)

struct chunk {
	struct chunk *next; /* older chunk; the first chunk is the last one */
	size_t cap;	    /* usable bytes after the header */
	size_t used;
};

struct cleanup {
	void (*fn)(void *);
	void *p;
	struct cleanup *next;
};

struct arena {
	struct chunk *cur;   /* chunk being carved; head of the list */
	struct chunk *first; /* kept by arena_reset */
	size_t chunk;	     /* size of a regular chunk's data area */
	size_t used;	     /* bytes handed out since creation or reset */
	struct cleanup *cleanups;
};

/* Size of a chunk header rounded up so that data stays aligned. */
#define CHUNK_HDR ((sizeof(struct chunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

/*
 * Rounds n up to the alignment; returns 0 when that would overflow (the
 * callers treat 0 as failure because they never pass 0 here).
 */
static size_t align_up(size_t n)
{
	if (n > SIZE_MAX - (ARENA_ALIGN - 1))
		return 0;
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

/* Allocates a chunk with cap usable bytes, aligned to 16; NULL on ENOMEM. */
static struct chunk *chunk_new(size_t cap)
{
	struct chunk *c;
	size_t total;

	if (cap > SIZE_MAX - CHUNK_HDR)
		return NULL;
	total = align_up(CHUNK_HDR + cap);
	if (total == 0)
		return NULL;
	c = aligned_alloc(ARENA_ALIGN, total);
	if (c == NULL)
		return NULL;
	c->next = NULL;
	c->cap = cap;
	c->used = 0;
	return c;
}

/* Returns the start of a chunk's data area. */
static unsigned char *chunk_data(struct chunk *c)
{
	return (unsigned char *)c + CHUNK_HDR;
}

/*
 * Creates an arena whose regular chunks hold `chunk` bytes (0 selects the
 * default of 64 KiB). Returns NULL on ENOMEM; the caller releases it with
 * arena_free().
 */
arena *arena_new(size_t chunk)
{
	arena *a;

	if (chunk == 0)
		chunk = ARENA_DEFAULT_CHUNK;
	if (chunk < ARENA_MIN_CHUNK)
		chunk = ARENA_MIN_CHUNK;
	chunk = align_up(chunk);
	if (chunk == 0)
		return NULL;
	a = malloc(sizeof(*a));
	if (a == NULL)
		return NULL;
	a->first = chunk_new(chunk);
	if (a->first == NULL) {
		free(a);
		return NULL;
	}
	a->cur = a->first;
	a->chunk = chunk;
	a->used = 0;
	a->cleanups = NULL;
	return a;
}

/*
 * Runs the registered cleanups, most recent first. Each record is unlinked
 * before its function runs, so a cleanup that registers another one (or
 * resets nothing) cannot loop forever over the same record.
 */
static void run_cleanups(arena *a)
{
	while (a->cleanups != NULL) {
		struct cleanup *c = a->cleanups;

		a->cleanups = c->next;
		c->fn(c->p);
	}
}

/*
 * Runs the cleanups and releases every chunk except the first, which is
 * emptied. Every pointer obtained from the arena becomes invalid.
 */
void arena_reset(arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	run_cleanups(a);
	/*
	 * Walk the whole list: a large block allocated while the first chunk
	 * was current sits behind it.
	 */
	for (c = a->cur; c != NULL; c = next) {
		next = c->next;
		if (c != a->first)
			free(c);
	}
	a->first->used = 0;
	a->first->next = NULL;
	a->cur = a->first;
	a->used = 0;
}

/* Runs the cleanups and releases all memory of the arena; NULL is a no-op. */
void arena_free(arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	run_cleanups(a);
	for (c = a->cur; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/*
 * Returns n bytes aligned to 16, valid until the next reset/free; n == 0
 * yields a distinct, valid pointer. NULL on ENOMEM (logged).
 */
void *arena_alloc(arena *a, size_t n)
{
	struct chunk *c;
	size_t sz;
	void *p;

	if (a == NULL)
		return NULL;
	sz = align_up(n == 0 ? 1 : n);
	if (sz == 0)
		goto nomem;
	if (sz <= a->cur->cap - a->cur->used) {
		c = a->cur;
		p = chunk_data(c) + c->used;
		c->used += sz;
		a->used += sz;
		return p;
	}
	if (sz > a->chunk / 4) {
		/*
		 * A large block gets a chunk of its own, linked behind the
		 * current one so that the current chunk keeps serving small
		 * allocations.
		 */
		c = chunk_new(sz);
		if (c == NULL)
			goto nomem;
		c->used = sz;
		c->next = a->cur->next;
		a->cur->next = c;
		a->used += sz;
		return chunk_data(c);
	}
	c = chunk_new(a->chunk);
	if (c == NULL)
		goto nomem;
	c->next = a->cur;
	a->cur = c;
	c->used = sz;
	a->used += sz;
	return chunk_data(c);
nomem:
	spp_log("arena: cannot allocate %zu bytes", n);
	return NULL;
}

/* Like arena_alloc() with the memory set to zero. */
void *arena_zalloc(arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

/* Copies the C string s into the arena; NULL when s is NULL or on ENOMEM. */
char *arena_strdup(arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

/*
 * Copies at most n bytes of s (stopping at a NUL) into the arena and
 * NUL-terminates the copy. NULL when s is NULL or on ENOMEM.
 */
char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p;

	if (s == NULL)
		return NULL;
	n = strnlen(s, n);
	if (n == SIZE_MAX)
		return NULL;
	p = arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Formats into a new arena string; NULL on ENOMEM or a formatting error. */
char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	char *p;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_end(ap2);
		return NULL;
	}
	p = arena_alloc(a, (size_t)n + 1);
	if (p != NULL)
		vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

/*
 * Registers fn(p) to run at the next reset or free, after every cleanup
 * registered later. The record lives in the arena. SPP_ENOMEM on failure,
 * in which case fn is not called: the caller must release p itself.
 */
int arena_on_cleanup(arena *a, void (*fn)(void *), void *p)
{
	struct cleanup *c;

	if (fn == NULL)
		return SPP_EINVAL;
	c = arena_alloc(a, sizeof(*c));
	if (c == NULL)
		return SPP_ENOMEM;
	c->fn = fn;
	c->p = p;
	c->next = a->cleanups;
	a->cleanups = c;
	return SPP_OK;
}

/* Bytes handed out (rounded to the alignment) since creation or reset. */
size_t arena_used(const arena *a)
{
	return a == NULL ? 0 : a->used;
}

/* Starts an empty buffer whose storage will come from a. */
void buf_init(buf *b, arena *a)
{
	b->a = a;
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/*
 * Makes room for n more bytes plus a terminating NUL. The old storage is
 * left in the arena (reclaimed at reset). SPP_ENOMEM or SPP_ETOOBIG.
 */
int buf_reserve(buf *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (n > SIZE_MAX - 1 - b->len)
		return SPP_ETOOBIG;
	need = b->len + n + 1;
	if (need <= b->cap)
		return SPP_OK;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = arena_alloc(b->a, cap);
	if (p == NULL)
		return SPP_ENOMEM;
	if (b->len > 0)
		memcpy(p, b->data, b->len);
	p[b->len] = '\0';
	b->data = p;
	b->cap = cap;
	return SPP_OK;
}

/* Appends n bytes (which may include NULs); SPP_OK or SPP_ENOMEM. */
int buf_append(buf *b, const void *p, size_t n)
{
	int rc;

	if (n == 0)
		return SPP_OK;
	rc = buf_reserve(b, n);
	if (rc != SPP_OK)
		return rc;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return SPP_OK;
}

/* Appends a C string. */
int buf_puts(buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

/* Appends one byte. */
int buf_putc(buf *b, char c)
{
	return buf_append(b, &c, 1);
}

/*
 * Returns the contents as a NUL-terminated string that stays valid until
 * the next append or arena reset; "" (static) when nothing was appended.
 */
const char *buf_cstr(buf *b)
{
	return b->data == NULL ? "" : b->data;
}

/* Links an already built node at the end of l. */
static void kv_link(kvlist *l, kv *e)
{
	e->next = NULL;
	if (l->tail != NULL)
		l->tail->next = e;
	else
		l->head = e;
	l->tail = e;
	l->n++;
}

/*
 * Appends a copy of key and of the len bytes of val (NUL-terminated in the
 * copy; val == NULL stands for "") to l. The copies live in a.
 * SPP_ENOMEM or SPP_EINVAL (key NULL).
 */
int kv_add(arena *a, kvlist *l, const char *key, const char *val, size_t len)
{
	kv *e;
	char *v;

	if (key == NULL)
		return SPP_EINVAL;
	if (val == NULL)
		len = 0;
	if (len == SIZE_MAX)
		return SPP_ETOOBIG;
	e = arena_alloc(a, sizeof(*e));
	if (e == NULL)
		return SPP_ENOMEM;
	e->key = arena_strdup(a, key);
	v = arena_alloc(a, len + 1);
	if (e->key == NULL || v == NULL)
		return SPP_ENOMEM;
	if (len > 0)
		memcpy(v, val, len);
	v[len] = '\0';
	e->val = v;
	e->len = len;
	kv_link(l, e);
	return SPP_OK;
}

/* Returns the value of the first entry named key, or NULL. */
const char *kv_get(const kvlist *l, const char *key)
{
	const kv *e;

	if (l == NULL || key == NULL)
		return NULL;
	for (e = l->head; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e->val;
	return NULL;
}

/* Returns the number of entries named key. */
size_t kv_count(const kvlist *l, const char *key)
{
	const kv *e;
	size_t n = 0;

	if (l == NULL || key == NULL)
		return 0;
	for (e = l->head; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			n++;
	return n;
}

/*
 * Writes "2024-05-01T12:00:00Z [pid] message\n" to stderr with a single
 * write(2) so that lines of concurrent workers do not interleave. Long
 * messages are truncated; a trailing newline in fmt is not doubled.
 */
void spp_log(const char *fmt, ...)
{
	char line[2048];
	struct tm tm;
	time_t now = time(NULL);
	size_t n = 0;
	va_list ap;
	int r;
	int saved = errno;

	if (gmtime_r(&now, &tm) != NULL)
		n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ", &tm);
	r = snprintf(line + n, sizeof(line) - n, " [%ld] ", (long)getpid());
	if (r > 0)
		n += (size_t)r < sizeof(line) - n ? (size_t)r : sizeof(line) - n - 1;
	va_start(ap, fmt);
	r = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (r > 0)
		n += (size_t)r < sizeof(line) - n ? (size_t)r : sizeof(line) - n - 1;
	while (n > 0 && line[n - 1] == '\n')
		n--;
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0) {
		/* Nowhere left to report the failure. */
	}
	errno = saved;
}
