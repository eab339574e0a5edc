/*
 * scoreboard.h — shared memory written by workers and read by the master
 * (to enforce request timeouts) and by the status page.
 */
#ifndef SPP_SCOREBOARD_H
#define SPP_SCOREBOARD_H

#include <stdint.h>
#include <sys/types.h>
#include "config.h"

#define SB_MAX_SLOTS 256

enum sb_state { SB_EMPTY = 0, SB_IDLE = 1, SB_BUSY = 2, SB_STOPPING = 3 };

typedef struct sb_slot {
	volatile pid_t pid;
	volatile int pool;               /* enum pool_id */
	volatile int state;              /* enum sb_state */
	volatile uint32_t generation;    /* config generation that spawned it */
	volatile int64_t started_ms;     /* CLOCK_MONOTONIC ms of the current request */
	volatile uint64_t requests;      /* served by this process */
	/* its fragment cache (fragment.h), after its last request */
	volatile uint64_t frag_hits, frag_misses, frag_bytes;
	/* pages of «Les expériences» shown from its kept rows / read
	 * (page_agent_experiences.c) */
	volatile uint64_t list_kept, list_read;
	char request[160];               /* "GET /path" of the current request */
} sb_slot;

typedef struct sb_pool_stats {
	volatile uint64_t requests;      /* served by all processes, ever */
	volatile uint64_t restarts;      /* workers that died and were replaced */
	volatile uint64_t recycled;      /* workers that exited after max_requests */
	volatile uint64_t killed;        /* workers killed for request_timeout */
} sb_pool_stats;

typedef struct scoreboard {
	volatile int64_t master_started; /* unix time */
	volatile uint32_t generation;
	sb_pool_stats pools[POOL__COUNT];
	sb_slot slots[SB_MAX_SLOTS];
} scoreboard;

/* Maps an anonymous shared region; call before forking. NULL on failure. */
scoreboard *sb_create(void);
int64_t sb_now_ms(void);   /* CLOCK_MONOTONIC in milliseconds */

/* Set by spplusd in each worker: its own slot, and the whole board. */
extern scoreboard *sb_board;
extern sb_slot *sb_self;

#endif
