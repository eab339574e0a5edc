/*
 * fragment.c — the per-worker cache of rendered HTML fragments.
 *
 * Why: on the public list, the 20 experience cards were 60 % of the
 * stylesheet's work (150 of 250 µs per page: `render_bench
 * xslt/experience-list.xsl PAGE.xml 3000`, README, with and without the
 * cards in PAGE.xml), and a card only changes
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
 * (page_experience_public.c), the agents' list rows, filter form,
 * pagination and whole content (page_agent_experiences.c), every page's
 * header and footer (route.c, layout_frags).
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
static unsigned char hkey[crypto_shorthash_KEYBYTES];
static unsigned char *msg; /* frag_key's input, kept for the next key */
static size_t msg_cap;
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

/* One part at o: its length (UINT32_MAX for NULL, which a row may show
 * differently from an empty value), then its bytes. Returns the end. */
static unsigned char *put_part(unsigned char *o, const char *s, size_t len)
{
	uint32_t n = s ? (uint32_t)len : UINT32_MAX;

	memcpy(o, &n, sizeof n);
	o += sizeof n;
	if (s && len)
		memcpy(o, s, len);
	return o + (s ? len : 0);
}

/*
 * See fragment.h. SipHash-2-4 (libsodium's crypto_shorthash) under the
 * worker's random key: a 64-bit keyed PRF, so that nobody who writes the
 * content can aim at another fragment's key, at a fraction of BLAKE2b's
 * cost on these short inputs: the 24 keys of an agents' list page cost
 * 37,000 instructions, 79,000 with BLAKE2b
 * (`tests/bench/worker_callgrind.sh '/agent/experiences?etat=a_traiter'`). It takes its input in one piece: the parts are laid out in a
 * buffer the worker keeps.
 */
uint64_t frag_key(const char *sheet, int n, const char *const *v, const unsigned long *len)
{
	size_t need = sizeof(uint32_t) + strlen(sheet);
	unsigned char h[crypto_shorthash_BYTES], *o;
	uint64_t k;

	init();
	for (int i = 0; i < n; i++)
		need += sizeof(uint32_t) + (v[i] ? len[i] : 0);
	if (need > msg_cap) {
		unsigned char *m = realloc(msg, need);
		if (!m) {
			/* no key: a key nobody else has (0 is never kept) */
			return 0;
		}
		msg = m;
		msg_cap = need;
	}
	o = put_part(msg, sheet, strlen(sheet));
	for (int i = 0; i < n; i++)
		o = put_part(o, v[i], v[i] ? len[i] : 0);
	crypto_shorthash(h, msg, (unsigned long long)(o - msg), hkey);
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

	if (!key || !init()) /* 0: no key (frag_key) */
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

	if (!key || len == 0 || len > FRAG_MAX_LEN || len > max_bytes || !init() || find(key))
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
	free(msg);
	msg = NULL;
	msg_cap = 0;
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
