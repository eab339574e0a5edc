/*
 * spplusd.c — the process manager: reads the configuration, opens one unix
 * socket per pool, pre-forks the pools' workers and keeps them alive.
 *
 *   spplusd [-c FILE] [-t] [-F]
 *
 * The master is a single loop around poll(2) on a signalfd (every signal
 * it cares about is blocked and read there, so no work is ever done in a
 * signal handler), the read end of the workers' stderr pipe, and a 250 ms
 * tick that enforces request timeouts from the shared scoreboard.
 *
 * Signals:
 *   SIGHUP   re-read the configuration, start a new generation of workers,
 *            ask the old ones to stop gracefully (SIGUSR1); the listening
 *            sockets are never closed, so no connection is refused.
 *   SIGTERM, SIGINT  graceful stop: SIGUSR1 to every worker, wait up to the
 *            longest request_timeout, SIGKILL the rest, exit 0.
 *   SIGQUIT  immediate stop: SIGKILL every worker.
 *   SIGUSR2  reopen the error log (logrotate); when an access log is
 *            configured, also roll the workers so they reopen it.
 *
 * Workers' stderr is one pipe read by the master and copied to the error
 * log, so reopening the log only concerns the master.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "scoreboard.h"
#include "worker.h"

/*
 * jemalloc's options, read at its initialisation when spplusd is linked
 * with it (configure.ac; glibc's malloc ignores this symbol): never give
 * freed pages back to the kernel, which a later request would fault in
 * again. Measured on the bench stack (`strace -f -c -e trace=madvise -p
 * WORKER` during `wrk -t1 -c4 -d3s http://127.0.0.1:8083/experiences`):
 * no madvise with these options; 8 with jemalloc's default decay (10 s,
 * set through MALLOC_CONF=dirty_decay_ms:10000,muzzy_decay_ms:10000,
 * which overrides this symbol) — a small cost either way. A worker's
 * footprint is thus the peak of its largest request, and max_requests
 * bounds how long it is kept.
 */
extern const char *malloc_conf;
const char *malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";

/* Workers leave with _exit(), which skips LeakSanitizer's atexit check. */
#if defined(__SANITIZE_ADDRESS__)
#define SPP_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SPP_LSAN 1
#endif
#endif
#ifdef SPP_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#define TICK_MS		250
#define DEATH_WINDOW	10    /* more than this many fast deaths ... */
#define DEATH_WINDOW_MS 10000 /* ... within this many ms ... */
#define DEATH_HOLD_MS	1000  /* ... hold respawning for this long */
#define STOP_GRACE_S	5     /* old generation: request_timeout + this */

/* What the master knows about the worker in scoreboard slot i. */
typedef struct child {
	pid_t pid; /* 0 = slot free */
	int pool;  /* enum pool_id */
	uint32_t gen;
	int timeout_s; /* request_timeout under which it was spawned */
	int64_t spawned_ms;
	int64_t stop_deadline_ms; /* 0 = running; else SIGKILL after this */
	int timed_out;		  /* SIGKILLed for request_timeout */
	int forced;		  /* SIGKILLed because it did not stop in time */
} child;

/* One listening socket. */
typedef struct lsock {
	int fd; /* -1 = none */
	char path[sizeof(((pool_config *)0)->listen)];
} lsock;

static struct {
	config *cfg; /* current configuration, owned */
	lsock socks[POOL__COUNT];
	child kids[SB_MAX_SLOTS];
	int sfd;	 /* signalfd */
	int logpipe[2];	 /* workers' stderr */
	int orig_stderr; /* what fd 2 was at start */
	int drop;	 /* setuid workers to uid/gid */
	uid_t uid;
	gid_t gid;
	char pid_file[512]; /* the pid file we wrote, "" = none */
	int64_t deaths[DEATH_WINDOW + 1];
	unsigned ndeaths;
	int64_t hold_until_ms;
	int stopping;
	int64_t stop_deadline_ms;
} M = { .sfd = -1, .logpipe = { -1, -1 }, .orig_stderr = -1 };

/*
 * Writes one line "2025-01-31T12:00:00Z spplusd[pid] level: message" to the
 * error log (fd 2) in a single write(2), so lines never interleave.
 */
static void __attribute__((format(printf, 2, 3))) log_msg(const char *level, const char *fmt, ...)
{
	char line[1024];
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;
	size_t n;
	int k;

	gmtime_r(&t, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ", &tm);
	k = snprintf(line + n, sizeof(line) - n, " spplusd[%d] %s: ", (int)getpid(), level);
	if (k > 0)
		n += (size_t)k;
	va_start(ap, fmt);
	k = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (k > 0)
		n += (size_t)k;
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0) {
		/* Nowhere left to complain. */
	}
}

/*
 * Points fd 2 at the error log: the file `path` (append mode, created 0640)
 * or, when path is "", the stderr the master was started with. On failure
 * fd 2 is left as it was and -1 is returned (logged).
 */
static int log_open(const char *path)
{
	int fd;

	if (!*path)
		return dup2(M.orig_stderr, STDERR_FILENO) < 0 ? -1 : 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		log_msg("error", "cannot open error log %s: %s", path, strerror(errno));
		return -1;
	}
	if (dup2(fd, STDERR_FILENO) < 0) {
		log_msg("error", "dup2 error log: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* Copies whatever the workers wrote to their stderr into the error log. */
static void log_drain_workers(void)
{
	char b[16384];
	ssize_t n;

	while ((n = read(M.logpipe[0], b, sizeof(b))) > 0) {
		if (write(STDERR_FILENO, b, (size_t)n) < 0)
			break;
	}
}

/* Human name of a pool index, for logs. */
static const char *pool_name(int p)
{
	static const char *const names[POOL__COUNT] = { "web", "upload", "redirect" };

	return p >= 0 && p < POOL__COUNT ? names[p] : "?";
}

/*
 * Checks what config_load cannot: that the daemon has something to run
 * and that `user` exists (when it matters, i.e. we are root). Fills
 * M.drop/uid/gid only when apply is set. -1 with a message in err.
 */
static int cfg_check(const config *cfg, int apply, char *err, size_t errlen)
{
	struct passwd *pw;
	int any = 0;

	for (int p = 0; p < POOL__COUNT; p++)
		any |= cfg->pools[p].enabled;
	if (!any) {
		snprintf(err, errlen,
			 "%s: no pool is enabled (a [pool NAME] section needs 'listen')",
			 cfg->path);
		return -1;
	}
	if (!cfg->user[0] || geteuid() != 0) {
		if (apply)
			M.drop = 0;
		return 0;
	}
	errno = 0;
	pw = getpwnam(cfg->user);
	if (!pw) {
		snprintf(err, errlen, "%s: user '%s': %s", cfg->path, cfg->user,
			 errno ? strerror(errno) : "no such user");
		return -1;
	}
	if (pw->pw_uid == 0) {
		snprintf(err, errlen, "%s: user '%s' is root; workers must not run as root",
			 cfg->path, cfg->user);
		return -1;
	}
	if (apply) {
		M.drop = 1;
		M.uid = pw->pw_uid;
		M.gid = pw->pw_gid;
	}
	return 0;
}

/*
 * Binds and listens on pc->listen. A stale socket file is replaced, but a
 * socket somebody still answers on (another spplusd) or a file that is not
 * a socket is an error. Returns the fd, or -1 with a message in err.
 */
static int sock_open(const pool_config *pc, char *err, size_t errlen)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct stat st;
	mode_t old_umask;
	int fd = -1, probe;

	if (strlen(pc->listen) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "%s: path too long for a unix socket", pc->listen);
		return -1;
	}
	memcpy(sa.sun_path, pc->listen, strlen(pc->listen) + 1);
	if (lstat(pc->listen, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			snprintf(err, errlen, "%s exists and is not a socket", pc->listen);
			return -1;
		}
		probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (probe >= 0 && connect(probe, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
			close(probe);
			snprintf(err, errlen, "%s is in use by a running server", pc->listen);
			return -1;
		}
		if (probe >= 0)
			close(probe);
		unlink(pc->listen);
	}
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		goto fail;
	/* Nobody may connect before the mode below is in place. */
	old_umask = umask(0177);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		umask(old_umask);
		goto fail;
	}
	umask(old_umask);
	if (chmod(pc->listen, (mode_t)pc->listen_mode) < 0)
		goto fail;
	if (M.drop && chown(pc->listen, M.uid, (gid_t)-1) < 0)
		goto fail;
	if (listen(fd, pc->backlog) < 0)
		goto fail;
	return fd;
fail:
	snprintf(err, errlen, "%s: %s", pc->listen, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/*
 * Makes the listening sockets match cfg: a socket whose path is unchanged
 * is kept open (its mode, owner and backlog refreshed), new paths are
 * bound, sockets no longer used are closed and unlinked. All or nothing:
 * on error the current sockets are untouched and -1 is returned.
 */
static int socks_apply(const config *cfg, char *err, size_t errlen)
{
	lsock next[POOL__COUNT];
	int reused[POOL__COUNT] = { 0 };

	for (int p = 0; p < POOL__COUNT; p++) {
		const pool_config *pc = &cfg->pools[p];

		next[p].fd = -1;
		next[p].path[0] = '\0';
		if (!pc->enabled)
			continue;
		for (int q = 0; q < POOL__COUNT; q++)
			if (M.socks[q].fd >= 0 && !reused[q] &&
			    strcmp(M.socks[q].path, pc->listen) == 0) {
				next[p] = M.socks[q];
				reused[q] = 1;
				break;
			}
		if (next[p].fd < 0) {
			next[p].fd = sock_open(pc, err, errlen);
			if (next[p].fd < 0)
				goto fail;
			snprintf(next[p].path, sizeof(next[p].path), "%s", pc->listen);
		} else {
			chmod(pc->listen, (mode_t)pc->listen_mode);
			if (M.drop && chown(pc->listen, M.uid, (gid_t)-1) < 0)
				log_msg("warn", "chown %s: %s", pc->listen, strerror(errno));
			listen(next[p].fd, pc->backlog);
		}
	}
	for (int q = 0; q < POOL__COUNT; q++)
		if (M.socks[q].fd >= 0 && !reused[q]) {
			/* Old workers keep their own copy until they exit. */
			close(M.socks[q].fd);
			unlink(M.socks[q].path);
		}
	memcpy(M.socks, next, sizeof(next));
	return 0;
fail:
	for (int p = 0; p < POOL__COUNT; p++) {
		int was_reused = 0;

		for (int q = 0; q < POOL__COUNT; q++)
			was_reused |= reused[q] && M.socks[q].fd == next[p].fd;
		if (next[p].fd >= 0 && !was_reused) {
			close(next[p].fd);
			unlink(next[p].path);
		}
	}
	return -1;
}

/*
 * Runs in the freshly forked child: restores default signal dispositions
 * and an empty mask, keeps only its pool's socket, sends stderr to the log
 * pipe, drops privileges, then becomes worker_main. Never returns.
 */
static void __attribute__((noreturn)) child_run(int slot, int p)
{
	int fd = M.socks[p].fd;
	sigset_t none;
	int status;

	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_DFL);
	sigemptyset(&none);
	/* A Ctrl-C on a terminal reaches the master only, which stops gracefully. */
	setpgid(0, 0);
	close(M.sfd);
	for (int q = 0; q < POOL__COUNT; q++)
		if (q != p && M.socks[q].fd >= 0)
			close(M.socks[q].fd);
	dup2(M.logpipe[1], STDERR_FILENO);
	close(M.logpipe[0]);
	close(M.logpipe[1]);
	if (M.orig_stderr >= 0)
		close(M.orig_stderr);
	if (M.drop &&
	    (setgid(M.gid) < 0 || initgroups(M.cfg->user, M.gid) < 0 || setuid(M.uid) < 0)) {
		log_msg("error", "worker cannot become user %s: %s", M.cfg->user, strerror(errno));
		_exit(70);
	}
	/* Set after setuid, which clears it: an orphan stops like on reload. */
	prctl(PR_SET_PDEATHSIG, SIGUSR1);
	sb_self = &sb_board->slots[slot];
	sb_self->pid = getpid();
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (getppid() == 1)
		_exit(0);
	status = worker_main(M.cfg, (enum pool_id)p, fd);
#ifdef SPP_LSAN
	if (__lsan_do_recoverable_leak_check() && status == 0)
		status = 23; /* LSan's exit code: the master logs it */
#endif
	_exit(status & 0xff);
}

/*
 * Forks one worker of pool p of the current generation into a free slot.
 * Returns 0, or -1 (no free slot, fork failure), logged.
 */
static int spawn(int p)
{
	const pool_config *pc = &M.cfg->pools[p];
	sb_slot *s;
	pid_t pid;
	int i;

	for (i = 0; i < SB_MAX_SLOTS; i++)
		if (M.kids[i].pid == 0 && sb_board->slots[i].state == SB_EMPTY)
			break;
	if (i == SB_MAX_SLOTS) {
		log_msg("error", "pool %s: no free scoreboard slot", pc->name);
		return -1;
	}
	s = &sb_board->slots[i];
	memset((void *)s, 0, sizeof(*s));
	s->pool = p;
	s->generation = sb_board->generation;
	s->state = SB_IDLE;
	pid = fork();
	if (pid < 0) {
		log_msg("error", "pool %s: fork: %s", pc->name, strerror(errno));
		s->state = SB_EMPTY;
		return -1;
	}
	if (pid == 0)
		child_run(i, p);
	s->pid = pid;
	M.kids[i] = (child){
		.pid = pid,
		.pool = p,
		.gen = sb_board->generation,
		.timeout_s = pc->request_timeout,
		.spawned_ms = sb_now_ms(),
	};
	log_msg("info", "pool %s: spawned worker %d (slot %d, generation %u)", pc->name, (int)pid,
		i, (unsigned)sb_board->generation);
	return 0;
}

/* Remembers a worker death that looks like a crash loop; may hold respawns. */
static void note_fast_death(int64_t now)
{
	unsigned n = sizeof(M.deaths) / sizeof(M.deaths[0]);
	int64_t oldest;

	M.deaths[M.ndeaths % n] = now;
	M.ndeaths++;
	if (M.ndeaths < n)
		return;
	oldest = M.deaths[M.ndeaths % n];
	if (now - oldest < DEATH_WINDOW_MS && M.hold_until_ms < now) {
		M.hold_until_ms = now + DEATH_HOLD_MS;
		log_msg("warn",
			"more than %d workers died within %d s; waiting %d ms before respawning",
			DEATH_WINDOW, DEATH_WINDOW_MS / 1000, DEATH_HOLD_MS);
	}
}

/* Accounts for the exit of worker pid (status from waitpid) and frees its slot. */
static void child_exited(pid_t pid, int status)
{
	int64_t now = sb_now_ms();
	sb_pool_stats *ps;
	sb_slot *s;
	child *k;
	int i;

	for (i = 0; i < SB_MAX_SLOTS; i++)
		if (M.kids[i].pid == pid)
			break;
	if (i == SB_MAX_SLOTS) {
		log_msg("warn", "reaped unknown child %d", (int)pid);
		return;
	}
	k = &M.kids[i];
	s = &sb_board->slots[i];
	ps = &sb_board->pools[k->pool];
	if (WIFEXITED(status))
		log_msg(WEXITSTATUS(status) ? "error" : "info",
			"pool %s: worker %d exited with status %d after %llu requests%s",
			pool_name(k->pool), (int)pid, WEXITSTATUS(status),
			(unsigned long long)s->requests, k->stop_deadline_ms ? " (stopping)" : "");
	else if (WIFSIGNALED(status))
		log_msg(k->stop_deadline_ms || k->timed_out || k->forced ? "info" : "error",
			"pool %s: worker %d killed by signal %d (%s) after %llu requests%s",
			pool_name(k->pool), (int)pid, WTERMSIG(status), strsignal(WTERMSIG(status)),
			(unsigned long long)s->requests, k->stop_deadline_ms ? " (stopping)" : "");
	if (k->timed_out || k->stop_deadline_ms || k->forced) {
		/* Counted when killed, or asked to stop: not a failure. */
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		ps->recycled++;
		if (now - k->spawned_ms < 1000)
			note_fast_death(now);
	} else {
		ps->restarts++;
		note_fast_death(now);
	}
	memset((void *)s, 0, sizeof(*s));
	memset(k, 0, sizeof(*k));
}

/* Reaps every child that has exited, without blocking. */
static void reap(void)
{
	pid_t pid;
	int st;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		child_exited(pid, st);
}

/* Number of live workers (any pool, any generation). */
static int kids_alive(void)
{
	int n = 0;

	for (int i = 0; i < SB_MAX_SLOTS; i++)
		n += M.kids[i].pid != 0;
	return n;
}

/*
 * Asks every worker not of generation `keep` (all of them when keep is 0)
 * to finish its request and exit; each gets a SIGKILL deadline.
 */
static void stop_workers(uint32_t keep, int64_t now)
{
	for (int i = 0; i < SB_MAX_SLOTS; i++) {
		child *k = &M.kids[i];

		if (!k->pid || k->stop_deadline_ms || (keep && k->gen == keep))
			continue;
		kill(k->pid, SIGUSR1);
		k->stop_deadline_ms = now + (int64_t)(k->timeout_s + STOP_GRACE_S) * 1000;
	}
}

/* Brings every enabled pool of the current generation up to its size. */
static void maintain(void)
{
	int64_t now = sb_now_ms();

	if (M.stopping || now < M.hold_until_ms)
		return;
	for (int p = 0; p < POOL__COUNT; p++) {
		int n = 0;

		if (!M.cfg->pools[p].enabled)
			continue;
		for (int i = 0; i < SB_MAX_SLOTS; i++) {
			const child *k = &M.kids[i];

			n += k->pid && k->pool == p && k->gen == sb_board->generation &&
			     !k->stop_deadline_ms;
		}
		for (; n < M.cfg->pools[p].workers; n++)
			if (spawn(p) < 0) {
				M.hold_until_ms = now + DEATH_HOLD_MS;
				return;
			}
	}
}

/*
 * The 250 ms check: SIGKILLs a worker busy on one request for longer than
 * its pool's request_timeout, and one that did not stop in time.
 */
static void check_timeouts(int64_t now)
{
	for (int i = 0; i < SB_MAX_SLOTS; i++) {
		child *k = &M.kids[i];
		sb_slot *s = &sb_board->slots[i];
		int64_t started;
		char req[sizeof(s->request)];

		if (!k->pid || k->timed_out || k->forced)
			continue;
		started = s->started_ms;
		if (s->state == SB_BUSY && started > 0 &&
		    now - started > (int64_t)k->timeout_s * 1000) {
			/* The worker may be writing it right now: copy, bound, clean. */
			memcpy(req, (const char *)s->request, sizeof(req));
			req[sizeof(req) - 1] = '\0';
			for (char *c = req; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == 0x7f)
					*c = '?';
			kill(k->pid, SIGKILL);
			k->timed_out = 1;
			sb_board->pools[k->pool].killed++;
			log_msg("error",
				"pool %s: worker %d killed: request \"%s\" ran for more than %d s",
				pool_name(k->pool), (int)k->pid, req, k->timeout_s);
		} else if (k->stop_deadline_ms && now > k->stop_deadline_ms) {
			kill(k->pid, SIGKILL);
			k->forced = 1;
			log_msg("warn", "pool %s: worker %d did not stop in time; killed",
				pool_name(k->pool), (int)k->pid);
		}
	}
}

/*
 * SIGHUP: loads the file again; when it is valid (and its sockets can be
 * opened) switches to it, starts a new generation and stops the old one
 * gracefully. When not, logs why and keeps everything as it was.
 */
static void reload(void)
{
	char err[1024];
	config *next = malloc(sizeof(*next));
	config *old = M.cfg;
	int old_drop = M.drop;
	uid_t old_uid = M.uid;
	gid_t old_gid = M.gid;

	if (!next) {
		log_msg("error", "reload: out of memory; keeping the running configuration");
		return;
	}
	log_msg("info", "reloading %s", old->path);
	if (config_load(next, old->path, err, sizeof(err)) < 0 ||
	    cfg_check(next, 1, err, sizeof(err)) < 0 || socks_apply(next, err, sizeof(err)) < 0) {
		M.drop = old_drop;
		M.uid = old_uid;
		M.gid = old_gid;
		log_msg("error", "reload failed, keeping the running configuration: %s", err);
		free(next);
		return;
	}
	if (strcmp(next->error_log, old->error_log) != 0)
		log_open(next->error_log);
	M.cfg = next;
	free(old);
	sb_board->generation++;
	log_msg("info", "configuration reloaded: generation %u", (unsigned)sb_board->generation);
	M.hold_until_ms = 0;
	maintain();
	stop_workers(sb_board->generation, sb_now_ms());
}

/* SIGUSR2: reopens the error log; rolls the workers if they keep an access log. */
static void reopen_logs(void)
{
	log_open(M.cfg->error_log);
	log_msg("info", "logs reopened");
	if (M.cfg->access_log[0]) {
		sb_board->generation++;
		M.hold_until_ms = 0;
		maintain();
		stop_workers(sb_board->generation, sb_now_ms());
	}
}

/* Writes the pid file named in the configuration, if any. */
static int pid_file_write(const char *path)
{
	char b[32];
	int fd, n;

	if (!*path)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	n = snprintf(b, sizeof(b), "%d\n", (int)getpid());
	if (write(fd, b, (size_t)n) != n) {
		close(fd);
		return -1;
	}
	close(fd);
	snprintf(M.pid_file, sizeof(M.pid_file), "%s", path);
	return 0;
}

/* Kills every worker with SIGKILL and waits for all of them. */
static void kill_all(void)
{
	pid_t pid;
	int st;

	for (int i = 0; i < SB_MAX_SLOTS; i++)
		if (M.kids[i].pid) {
			kill(M.kids[i].pid, SIGKILL);
			M.kids[i].forced = 1;
		}
	while ((pid = waitpid(-1, &st, 0)) > 0 || (pid < 0 && errno == EINTR))
		if (pid > 0)
			child_exited(pid, st);
}

/* Removes the sockets and the pid file, flushes the log and exits 0. */
static void __attribute__((noreturn)) finish(void)
{
	for (int p = 0; p < POOL__COUNT; p++)
		if (M.socks[p].fd >= 0) {
			close(M.socks[p].fd);
			unlink(M.socks[p].path);
		}
	if (M.pid_file[0])
		unlink(M.pid_file);
	log_drain_workers();
	log_msg("info", "stopped");
	free(M.cfg);
	exit(0);
}

/* Starts the graceful stop (SIGTERM/SIGINT) once. */
static void begin_stop(int64_t now)
{
	int longest = 0;

	if (M.stopping)
		return;
	M.stopping = 1;
	for (int p = 0; p < POOL__COUNT; p++)
		if (M.cfg->pools[p].enabled && M.cfg->pools[p].request_timeout > longest)
			longest = M.cfg->pools[p].request_timeout;
	M.stop_deadline_ms = now + (int64_t)longest * 1000;
	log_msg("info", "stopping: waiting up to %d s for %d workers", longest, kids_alive());
	stop_workers(0, now);
}

/* The master's loop. Never returns. */
static void __attribute__((noreturn)) run(void)
{
	struct pollfd pf[2] = {
		{ .fd = M.sfd, .events = POLLIN },
		{ .fd = M.logpipe[0], .events = POLLIN },
	};

	maintain();
	for (;;) {
		struct signalfd_siginfo si;
		int hup = 0, term = 0, quit = 0, usr2 = 0;
		int64_t now;

		if (poll(pf, 2, TICK_MS) < 0 && errno != EINTR) {
			log_msg("error", "poll: %s", strerror(errno));
			sleep(1);
		}
		if (pf[1].revents & POLLIN)
			log_drain_workers();
		while (read(M.sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
			switch (si.ssi_signo) {
			case SIGHUP:
				hup = 1;
				break;
			case SIGTERM:
			case SIGINT:
				term = 1;
				break;
			case SIGQUIT:
				quit = 1;
				break;
			case SIGUSR2:
				usr2 = 1;
				break;
			default:
				break; /* SIGCHLD: reaped below anyway */
			}
		}
		reap();
		now = sb_now_ms();
		if (quit) {
			log_msg("info", "SIGQUIT: killing %d workers", kids_alive());
			kill_all();
			finish();
		}
		if (term)
			begin_stop(now);
		if (usr2)
			reopen_logs();
		if (hup && !M.stopping)
			reload();
		check_timeouts(now);
		if (M.stopping) {
			if (!kids_alive())
				finish();
			if (now > M.stop_deadline_ms) {
				log_msg("warn", "stop: %d workers still busy; killing them",
					kids_alive());
				kill_all();
				finish();
			}
			continue;
		}
		maintain();
	}
}

/* Prints the command line summary to stderr. */
static void usage(void)
{
	fprintf(stderr,
		"usage: spplusd [-c FILE] [-t] [-F]\n"
		"  -c FILE  configuration file (default: %s)\n"
		"  -t       test the configuration and exit\n"
		"  -F       stay in the foreground (always the case)\n",
		config_default_path());
}

/*
 * spplusd [-c FILE] [-t] [-F]: loads and checks the configuration (and
 * stops there with -t), opens the sockets, the scoreboard and the logs,
 * writes the pid file and runs the master loop. Exit status 1 when the
 * configuration or the sockets are unusable, 2 on a usage error.
 */
int main(int argc, char **argv)
{
	const char *path = NULL;
	char err[1024];
	sigset_t mask;
	int test = 0, c;

	while ((c = getopt(argc, argv, "c:tFh")) != -1) {
		switch (c) {
		case 'c':
			path = optarg;
			break;
		case 't':
			test = 1;
			break;
		case 'F':
			break;
		default:
			usage();
			return c == 'h' ? 0 : 2;
		}
	}
	if (optind != argc) {
		usage();
		return 2;
	}
	if (!path)
		path = config_default_path();
	/*
	 * With TZ unset, glibc stats /etc/localtime on every strftime() and
	 * mktime() (one newfstatat per access-log line and per date shown);
	 * set, it is read once. The host's zone still applies; a change of it
	 * needs a restart.
	 */
	if (!getenv("TZ"))
		setenv("TZ", ":/etc/localtime", 1);
	M.cfg = malloc(sizeof(*M.cfg));
	if (!M.cfg) {
		fprintf(stderr, "spplusd: out of memory\n");
		return 1;
	}
	if (config_load(M.cfg, path, err, sizeof(err)) < 0 ||
	    cfg_check(M.cfg, !test, err, sizeof(err)) < 0) {
		fprintf(stderr, "spplusd: %s\n", err);
		return 1;
	}
	if (test) {
		fprintf(stderr, "spplusd: configuration file %s test is successful\n", path);
		return 0;
	}

	/* Every signal the master handles is read from the signalfd. */
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&mask);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGQUIT);
	sigaddset(&mask, SIGUSR2);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	M.sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	M.orig_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (M.sfd < 0 || M.orig_stderr < 0 || pipe2(M.logpipe, O_CLOEXEC) < 0 ||
	    fcntl(M.logpipe[0], F_SETFL, O_NONBLOCK) < 0) {
		fprintf(stderr, "spplusd: setup: %s\n", strerror(errno));
		return 1;
	}
	for (int p = 0; p < POOL__COUNT; p++)
		M.socks[p].fd = -1;
	if (socks_apply(M.cfg, err, sizeof(err)) < 0) {
		fprintf(stderr, "spplusd: %s\n", err);
		return 1;
	}
	sb_board = sb_create();
	if (!sb_board) {
		fprintf(stderr, "spplusd: scoreboard: %s\n", strerror(errno));
		finish();
	}
	sb_board->master_started = time(NULL);
	sb_board->generation = 1;
	if (pid_file_write(M.cfg->pid_file) < 0)
		fprintf(stderr, "spplusd: pid file %s: %s\n", M.cfg->pid_file, strerror(errno));
	if (M.cfg->error_log[0] && log_open(M.cfg->error_log) < 0)
		fprintf(stderr, "spplusd: logging to stderr\n");
	log_msg("info", "started with %s%s%s", path, M.drop ? ", workers run as " : "",
		M.drop ? M.cfg->user : "");
	for (int p = 0; p < POOL__COUNT; p++) {
		const pool_config *pc = &M.cfg->pools[p];

		if (pc->enabled)
			log_msg("info",
				"pool %s: %d workers on %s (timeout %d s, max %ld requests)",
				pc->name, pc->workers, pc->listen, pc->request_timeout,
				pc->max_requests);
	}
	run();
}
