/*
 * fragment.c — the per-worker cache of rendered HTML fragments.
 *
 * Why: on the public list, the 20 experience cards were 60 % of the
 * stylesheet's work (150 of 250 µs per page), and a card only changes
 * when its experience, its answer state or a structure's name does; the
 * header and footer are the same on most pages of a stylesheet. The
 * handler hashes the fragment's data (the same bytes the stylesheet
 * reads) into a key (page_frag); a fragment whose key is cached is handed
 * to the stylesheet as an empty element and written by html5.c from the
 * cache. A changed fragment has a new key, so nothing is ever
 * invalidated: old keys age out. Every worker keeps its own cache (no
 * shared memory, no locks, several hosts need nothing); what is cached is
 * a pure function of data read in the same request, so a page is never
 * staler than its queries. Users: the public list's cards
 * (page_experience_public.c), the agents' list rows
 * (page_agent_experiences.c), every page's header and footer (route.c,
 * layout_frags).
 *
 * The table is 4-way set associative over FRAG_SLOTS slots: a key's set
 * is 4 consecutive slots, the victim is an empty slot or the least
 * recently used one that the current page has not pinned. The bytes are
 * bounded by max_bytes: past it, a clock hand frees unpinned fragments.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "fragment.h"

#define FRAG_SLOTS 16384 /* power of 2 */
#define FRAG_WAYS  4

struct slot {
	uint64_t key;
	char *data; /* NULL: empty */
	uint32_t len;
	uint32_t pin;  /* page serial that pinned it */
	uint64_t used; /* tick of the last use */
};

static struct slot *slots;
static unsigned char hkey[crypto_generichash_KEYBYTES];
static int ready, disabled;
static size_t max_bytes = 8u << 20, bytes, entries, hand;
static uint32_t serial = 1;
static uint64_t tick;
static struct frag_stats stats;

static int init(void)
{
	if (ready)
		return !disabled;
	if (sodium_init() < 0)
		return 0;
	randombytes_buf(hkey, sizeof hkey);
	slots = calloc(FRAG_SLOTS, sizeof *slots);
	ready = 1;
	disabled = !slots || max_bytes == 0;
	return !disabled;
}

/* See fragment.h. */
void frag_configure(size_t max)
{
	frag_free();
	max_bytes = max;
}

/* One part: its length (UINT32_MAX for NULL, which a row may show
 * differently from an empty value), then its bytes. */
static void hash_part(crypto_generichash_state *st, const char *s, size_t len)
{
	uint32_t n = s ? (uint32_t)len : UINT32_MAX;

	crypto_generichash_update(st, (const unsigned char *)&n, sizeof n);
	if (s && len)
		crypto_generichash_update(st, (const unsigned char *)s, len);
}

/* See fragment.h. */
uint64_t frag_key(const char *sheet, int n, const char *const *v, const unsigned long *len)
{
	crypto_generichash_state st;
	unsigned char h[crypto_generichash_BYTES_MIN];
	uint64_t k;

	init();
	crypto_generichash_init(&st, hkey, sizeof hkey, sizeof h);
	hash_part(&st, sheet, strlen(sheet));
	for (int i = 0; i < n; i++)
		hash_part(&st, v[i], v[i] ? len[i] : 0);
	crypto_generichash_final(&st, h, sizeof h);
	memcpy(&k, h, sizeof k);
	return k;
}

/* See fragment.h. */
void frag_key_hex(uint64_t key, char out[17])
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 15; i >= 0; i--, key >>= 4)
		out[i] = hex[key & 15];
	out[16] = '\0';
}

/* See fragment.h. */
int frag_key_parse(const char *s, uint64_t *key)
{
	uint64_t k = 0;
	int i;

	if (!s)
		return 0;
	for (i = 0; i < 16; i++) {
		char c = s[i];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (v < 0)
			return 0;
		k = k << 4 | (uint64_t)v;
	}
	if (s[i])
		return 0;
	*key = k;
	return 1;
}

/* The slot holding key, or NULL. */
static struct slot *find(uint64_t key)
{
	size_t set = (size_t)key & (FRAG_SLOTS - FRAG_WAYS);

	if (!init())
		return NULL;
	for (size_t i = set; i < set + FRAG_WAYS; i++)
		if (slots[i].data && slots[i].key == key)
			return &slots[i];
	return NULL;
}

static void drop(struct slot *s)
{
	free(s->data);
	bytes -= s->len;
	entries--;
	stats.evictions++;
	s->data = NULL;
	s->len = 0;
}

/* See fragment.h. */
int frag_has(uint64_t key)
{
	struct slot *s = find(key);

	if (!s) {
		stats.misses++;
		return 0;
	}
	stats.hits++;
	s->pin = serial;
	s->used = ++tick;
	return 1;
}

/* See fragment.h. */
const char *frag_get(uint64_t key, size_t *len)
{
	struct slot *s = find(key);

	if (!s)
		return NULL;
	*len = s->len;
	return s->data;
}

/* See fragment.h. */
void frag_put(uint64_t key, const char *data, size_t len)
{
	size_t set = (size_t)key & (FRAG_SLOTS - FRAG_WAYS);
	struct slot *victim = NULL;
	char *copy;

	if (len == 0 || len > FRAG_MAX_LEN || len > max_bytes || !init() || find(key))
		return;
	for (size_t i = set; i < set + FRAG_WAYS; i++) {
		struct slot *s = &slots[i];
		if (!s->data) {
			victim = s;
			break;
		}
		if (s->pin != serial && (!victim || s->used < victim->used))
			victim = s;
	}
	if (!victim)
		return; /* the whole set is on this page */
	/* room for len more bytes: the clock hand frees unpinned fragments */
	for (size_t n = 0; bytes + len > max_bytes && n < FRAG_SLOTS; n++) {
		struct slot *s = &slots[hand];
		hand = (hand + 1) & (FRAG_SLOTS - 1);
		if (s->data && s->pin != serial && s != victim)
			drop(s);
	}
	if (bytes + len > max_bytes)
		return;
	copy = malloc(len);
	if (!copy)
		return;
	memcpy(copy, data, len);
	if (victim->data)
		drop(victim);
	victim->key = key;
	victim->data = copy;
	victim->len = (uint32_t)len;
	victim->pin = serial;
	victim->used = ++tick;
	bytes += len;
	entries++;
	stats.stores++;
}

/* See fragment.h. */
void frag_render_done(void)
{
	/* 0 is never a serial: a fresh slot is never pinned */
	if (++serial == 0)
		serial = 1;
}

/* See fragment.h. */
void frag_free(void)
{
	if (slots) {
		for (size_t i = 0; i < FRAG_SLOTS; i++)
			free(slots[i].data);
		free(slots);
	}
	slots = NULL;
	ready = 0;
	disabled = 0;
	bytes = entries = hand = 0;
}

/* See fragment.h. */
void frag_stats_get(struct frag_stats *st)
{
	*st = stats;
	st->bytes = bytes;
	st->entries = entries;
}
