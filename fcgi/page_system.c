/*
 * page_system.c — the pools' status page (local only) and, in development
 * settings only, a page that sleeps, used to test request time limits.
 */
#include <string.h>
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
		unsigned long long hits = 0, misses = 0, bytes = 0, kept = 0, read = 0;
		if (!pc->enabled)
			continue;
		for (int i = 0; i < SB_MAX_SLOTS; i++) {
			const sb_slot *s = &sb_board->slots[i];
			if (s->pid <= 0 || s->pool != p || s->state == SB_EMPTY)
				continue;
			workers++;
			if (s->state == SB_BUSY)
				busy++;
			hits += s->frag_hits;
			misses += s->frag_misses;
			bytes += s->frag_bytes;
			kept += s->list_kept;
			read += s->list_read;
		}
		xmlNodePtr n = x_el(st, "pool");
		x_text(n, "name", pc->name);
		x_int(n, "workers", workers);
		x_int(n, "busy", busy);
		x_int(n, "requests", (long long)sb_board->pools[p].requests);
		x_int(n, "restarts", (long long)sb_board->pools[p].restarts);
		x_int(n, "recycled", (long long)sb_board->pools[p].recycled);
		x_int(n, "killed", (long long)sb_board->pools[p].killed);
		/* the live workers' fragment caches (fragment.c) */
		x_int(n, "frag-hits", (long long)hits);
		x_int(n, "frag-misses", (long long)misses);
		x_int(n, "frag-bytes", (long long)bytes);
		/* their pages of «Les expériences» (page_agent_experiences.c) */
		x_int(n, "list-kept", (long long)kept);
		x_int(n, "list-read", (long long)read);
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

/* Titles of the agents' features that this version does not have yet. */
static const struct {
	const char *route;
	const char *title;
} pending[] = {
	{"agent-dashboard", "Mon tableau de bord"},
	{"agent-diagnostic", "Diagnostic Services Publics+"},
	{"agent-imports", "Imports de données"},
	{"agent-resources", "J'accède aux ressources"},
};

/*
 * A menu entry whose screen is not built yet: the page says so plainly
 * (status 501) instead of pretending, in the site's layout.
 */
static int h_pending(request *r)
{
	xmlNodePtr c = req_data(r, "content");
	const char *title = "Fonctionnalité à venir";

	for (size_t i = 0; i < sizeof pending / sizeof pending[0]; i++)
		if (!strcmp(pending[i].route, r->route->name))
			title = pending[i].title;
	x_text(c, "title", title);
	xmlNodePtr body = x_el(c, "body");
	x_text(body, "p",
	       "Cette fonctionnalité n'est pas encore disponible dans cette version de "
	       "Services Publics+. Elle sera ouverte prochainement ; en attendant, "
	       "rapprochez-vous de votre référent Services Publics+.");
	r->sheet = "page";
	return 501;
}

const route page_system_routes[] = {
	{"agent-dashboard", M_GET, "/agent/tableau-de-bord", POOL_WEB, CAP_DASHBOARD, CSRF_NONE, h_pending, "page", NULL, 0},
	{"agent-diagnostic", M_GET, "/agent/diagnostic", POOL_WEB, CAP_DIAGNOSTIC, CSRF_NONE, h_pending, "page", NULL, 0},
	{"agent-imports", M_GET, "/agent/imports", POOL_UPLOAD, CAP_NETWORK, CSRF_NONE, h_pending, "page", NULL, 0},
	{"agent-resources", M_GET, "/agent/ressources", POOL_WEB, CAP_AGENT, CSRF_NONE, h_pending, "page", NULL, 0},
	{"status", M_GET, "/spplus-status", POOL_WEB, CAP_LOCAL, CSRF_NONE, h_status, "status", NULL, 0},
	{"dev-sleep", M_GET, "/_dev/sleep", POOL_WEB, CAP_LOCAL, CSRF_NONE, h_sleep, "status", sleep_fields, 0},
	{0},
};
