/*
 * page_system.c — the pools' status page (local only) and, in development
 * settings only, a page that sleeps, used to test request time limits.
 */
#include <time.h>
#include <unistd.h>

#include "request.h"
#include "scoreboard.h"
#include "xml.h"

static int h_status(request *r)
{
	xmlNodePtr st = req_data(r, "status");

	r->no_store = 1;
	if (!sb_board)
		return 200;
	char when[32];
	time_t started = (time_t)sb_board->master_started;
	struct tm tm;
	gmtime_r(&started, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	x_text(st, "started", when);
	x_int(st, "generation", sb_board->generation);
	for (int p = 0; p < POOL__COUNT; p++) {
		const pool_config *pc = &r->cfg->pools[p];
		int workers = 0, busy = 0;
		if (!pc->enabled)
			continue;
		for (int i = 0; i < SB_MAX_SLOTS; i++) {
			const sb_slot *s = &sb_board->slots[i];
			if (s->pid <= 0 || s->pool != p || s->state == SB_EMPTY)
				continue;
			workers++;
			if (s->state == SB_BUSY)
				busy++;
		}
		xmlNodePtr n = x_el(st, "pool");
		x_text(n, "name", pc->name);
		x_int(n, "workers", workers);
		x_int(n, "busy", busy);
		x_int(n, "requests", (long long)sb_board->pools[p].requests);
		x_int(n, "restarts", (long long)sb_board->pools[p].restarts);
		x_int(n, "recycled", (long long)sb_board->pools[p].recycled);
		x_int(n, "killed", (long long)sb_board->pools[p].killed);
	}
	return 200;
}

static const field sleep_fields[] = {
	{.name = "s", .type = F_INT, .min = 0, .max = 600},
	{0},
};

/* Development only: holds the worker busy, to test the request time limit. */
static int h_sleep(request *r)
{
	if (!r->cfg->dev)
		return 404;
	r->no_store = 1;
	sleep((unsigned)req_int(r, "s", 1));
	return 200;
}

const route page_system_routes[] = {
	{"status", M_GET, "/spplus-status", POOL_WEB, CAP_LOCAL, CSRF_NONE, h_status, "status", NULL, 0},
	{"dev-sleep", M_GET, "/_dev/sleep", POOL_WEB, CAP_LOCAL, CSRF_NONE, h_sleep, "status", sleep_fields, 0},
	{0},
};
