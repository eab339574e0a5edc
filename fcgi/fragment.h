/*
 * fragment.h — a per-worker cache of rendered HTML fragments (see
 * fragment.c): a page handler names a fragment by the hash of everything
 * it is made of, and the stylesheet renders it only when the cache does
 * not already hold it.
 */
#ifndef SPP_FRAGMENT_H
#define SPP_FRAGMENT_H

#include <stddef.h>
#include <stdint.h>

/* The namespace of the result elements html5.c acts on:
 *   <frag:store key="K">…</frag:store>  writes its content and keeps it
 *   <frag:use key="K"/>                 writes what was kept under K  */
#define FRAG_NS "urn:spplus:fragment"

/* frag:store elements kept when one is inside another, at most this deep
 * (the agents' list: its content holds its rows, form and pagination). */
#define FRAG_DEPTH 4

/* Longest fragment kept (a list card is ~700 bytes, the content of an
 * agents' list page ~15 kB); longer ones are written but not kept. */
#define FRAG_MAX_LEN 65536

/* A fragment's key from its inputs (SipHash-2-4, the key drawn at the
 * worker's first use): the name of the stylesheet that renders it and the
 * n values (v[i], len[i] bytes, or NULL) it shows, as a database row
 * callback receives them. Each part is hashed with its length, so no two
 * different inputs read the same. 0 (out of memory) is no key: never
 * kept, never found. */
uint64_t frag_key(const char *sheet, int n, const char *const *v, const unsigned long *len);

/* "0123456789abcdef" form of a key, for the XML attribute (17 bytes). */
void frag_key_hex(uint64_t key, char out[17]);

/* Parses the attribute form; 0 when malformed. */
int frag_key_parse(const char *s, uint64_t *key);

/*
 * 1 when key is in the cache, and then kept there until the end of the
 * request (frag_render_done, called by the worker): what a handler saw is
 * still there when the page is serialised. 0 when not (or the cache is disabled).
 */
int frag_has(uint64_t key);

/* The bytes kept under key, or NULL. */
const char *frag_get(uint64_t key, size_t *len);

/* Keeps a copy of data under key, evicting older fragments when the
 * cache is full (never one pinned by frag_has for the current page). */
void frag_put(uint64_t key, const char *data, size_t len);

/* Ends a request (worker.c, after each one, whether or not it wrote a
 * page): the fragments it pinned may be evicted again. */
void frag_render_done(void);

/* Sizes the cache (bytes of fragments; 0 disables it). Default 8 MiB. */
void frag_configure(size_t max_bytes);

/* Releases everything (worker exit, tests). */
void frag_free(void);

/* Counters, for the status page and tests. */
struct frag_stats {
	unsigned long long hits, misses;
	size_t bytes, entries;
};
void frag_stats_get(struct frag_stats *st);

#endif
