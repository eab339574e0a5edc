/*
 * scoreboard.c — the shared memory region between spplusd and its workers.
 */
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "scoreboard.h"

scoreboard *sb_board;
sb_slot *sb_self;

/*
 * Maps a zeroed anonymous MAP_SHARED region big enough for one scoreboard.
 * Must be called before forking so every child shares the same pages. The
 * mapping lives until the process exits (never unmapped). NULL on failure
 * (errno set by mmap).
 */
scoreboard *sb_create(void)
{
	void *p = mmap(NULL, sizeof(scoreboard), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	/* Anonymous mappings are zero-filled already; be explicit anyway. */
	memset(p, 0, sizeof(scoreboard));
	return p;
}

/*
 * CLOCK_MONOTONIC in milliseconds: the clock of started_ms and of every
 * timeout decision, immune to wall-clock jumps.
 */
int64_t sb_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
