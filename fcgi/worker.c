/*
 * worker.c — one FastCGI worker process: accept a request, build the
 * request struct from the FastCGI parameters, dispatch, send, log, reset
 * the arena, repeat. Started by spplusd (one process per slot).
 *
 * Signals: SIGUSR1/SIGTERM ask for a graceful stop (the current request is
 * finished first; an idle worker leaves its accept at once); SIGHUP drops
 * the compiled stylesheets so that they are read again.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "db.h"
#include "mail.h"
#include "render.h"
#include "request.h"
#include "response.h"
#include "scoreboard.h"
#include "fragment.h"
#include "page_agent.h"
#include "worker.h"

/* Most of a refused body (413) the worker reads, so that the front end
 * sees a clean answer. */
#define DRAIN_LIMIT (64u << 20)
/* Most of a request's stdin the worker reads before closing (worker_main). */
#define DRAIN_MAX (64 * 1024)

/* Reads the rest of the request's stdin, up to its end or max bytes. */
static void drain_stdin(FCGX_Stream *in, size_t max)
{
	char sink[16384];
	size_t n = 0;

	while (n < max && !FCGX_HasSeenEOF(in)) {
		size_t want = max - n < sizeof sink ? max - n : sizeof sink;
		int got = FCGX_GetStr(sink, (int)want, in);
		if (got <= 0)
			break;
		n += (size_t)got;
	}
}

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t reload_requested;
static int access_fd = -1;
static const config *wcfg;
static enum pool_id wpool;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void on_hup(int sig)
{
	(void)sig;
	reload_requested = 1;
}

static const char *param(FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);
	return v && *v ? v : NULL;
}

int response_read_body(request *r)
{
	FCGX_Request *fr = r->fcgi;
	size_t max = wcfg->pools[wpool].max_body;
	char *body;
	size_t got = 0;

	if (r->content_length > max) {
		drain_stdin(fr->in, DRAIN_LIMIT);
		return SPP_ETOOBIG;
	}
	body = arena_alloc(r->a, r->content_length + 1);
	if (!body)
		return SPP_ENOMEM;
	while (got < r->content_length) {
		size_t want = r->content_length - got;
		int n = FCGX_GetStr(body + got, want > (1 << 20) ? (1 << 20) : (int)want, fr->in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != r->content_length)
		return SPP_EIO;
	body[got] = '\0';
	r->body = body;
	r->body_len = got;
	return SPP_OK;
}

static const char csp[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
	"form-action 'self'; frame-ancestors 'none'";

/*
 * Writes a whole response as FastCGI records (FastCGI 1.0 §5.3) with one
 * writev(): the stdout records, the end of stdout and END_REQUEST.
 * libfcgi's 8 kB stream buffer cut a 25 kB page into four write() calls,
 * and its FCGX_Finish_r() added a fifth for the end records. Its stdout
 * stream has nothing buffered (nothing else writes to it) and is marked
 * closed here. Returns 0 (sent, or the connection failed), or -1 when it
 * did not apply: then nothing was written.
 */
#define REC_MAX	 65528 /* the largest record content that is a multiple of 8 */
#define REC_IOV	 4     /* header, up to two pieces of content, padding */
#define ONE_WRITE 16       /* records in one writev: 1 MB (+ the end records) */

static int write_records(FCGX_Request *fr, const char *h, size_t hlen, const char *b, size_t blen)
{
	static const char pad[8];
	unsigned char hdr[ONE_WRITE][8];
	struct iovec iov[ONE_WRITE * REC_IOV + 1], *v = iov;
	size_t total = hlen + blen, off = 0;
	int nrec = 0, niov;

	if (fr->ipcFd < 0 || total > (size_t)ONE_WRITE * REC_MAX)
		return -1;
	while (off < total) {
		size_t n = total - off > REC_MAX ? REC_MAX : total - off, padding = (8 - n % 8) % 8;
		unsigned char *x = hdr[nrec++];

		x[0] = 1; /* version */
		x[1] = 6; /* FCGI_STDOUT */
		x[2] = (unsigned char)(fr->requestId >> 8);
		x[3] = (unsigned char)fr->requestId;
		x[4] = (unsigned char)(n >> 8);
		x[5] = (unsigned char)n;
		x[6] = (unsigned char)padding;
		x[7] = 0;
		*v++ = (struct iovec){ x, 8 };
		for (size_t end = off + n; off < end;) {
			const char *src = off < hlen ? h + off : b + (off - hlen);
			size_t avail = off < hlen ? hlen - off : total - off;
			size_t k = avail < end - off ? avail : end - off;
			*v++ = (struct iovec){ (void *)src, k };
			off += k;
		}
		if (padding)
			*v++ = (struct iovec){ (void *)pad, padding };
	}
	/* the end of stdout (an empty record) and FCGI_END_REQUEST (status 0,
	 * FCGI_REQUEST_COMPLETE) go in the same writev; libfcgi is told its
	 * stdout stream is closed, so that FCGX_Finish_r does not write them
	 * again (stderr, never written to, adds nothing) */
	unsigned char end[24] = { 1, 6, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0, 8, 0, 0 };
	end[2] = end[10] = (unsigned char)(fr->requestId >> 8);
	end[3] = end[11] = (unsigned char)fr->requestId;
	*v++ = (struct iovec){ end, sizeof end };
	fr->out->isClosed = fr->out->wasFCloseCalled = 1;
	niov = (int)(v - iov);
	for (v = iov; niov > 0;) {
		ssize_t w = writev(fr->ipcFd, v, niov);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			/* a non-blocking socket (not so on Linux): wait, bounded */
			struct pollfd p = { .fd = fr->ipcFd, .events = POLLOUT };
			if (poll(&p, 1, 30000) > 0)
				continue;
		}
		if (w < 0) {
			/* the front end went away, or the socket failed: make sure
			 * it cannot take a truncated reply for a complete one */
			shutdown(fr->ipcFd, SHUT_RDWR);
			return 0;
		}
		/* a short write (the socket is blocking): skip what went */
		while (niov > 0 && (size_t)w >= v->iov_len) {
			w -= (ssize_t)v->iov_len;
			v++;
			niov--;
		}
		if (niov > 0) {
			v->iov_base = (char *)v->iov_base + w;
			v->iov_len -= (size_t)w;
		}
	}
	return 0;
}

void response_send(request *r, const char *media_type, const char *body, size_t len)
{
	FCGX_Request *fr = r->fcgi;
	int status = r->status ? r->status : 200;
	/* HEAD is never stored: a cached empty body would be served to GETs */
	int cache = r->route && r->route->cacheable && !r->auth && !r->no_store && status == 200 &&
		    r->method == M_GET;
	char line[1024];
	buf h;

	if (!media_type)
		len = 0;
	/* headers are assembled first and written in one call */
	buf_init(&h, r->a);
	snprintf(line, sizeof line, "Status: %d %s\r\n", status, http_reason(status));
	buf_puts(&h, line);
	if (media_type) {
		snprintf(line, sizeof line, "Content-Type: %s\r\nContent-Length: %llu\r\n", media_type,
			 (unsigned long long)len);
		buf_puts(&h, line);
	}
	if (r->location) {
		buf_puts(&h, "Location: ");
		buf_puts(&h, r->location);
		buf_puts(&h, "\r\n");
	}
	buf_puts(&h, "Content-Security-Policy: ");
	buf_puts(&h, csp);
	buf_puts(&h, "\r\nX-Content-Type-Options: nosniff\r\n"
		     "X-Frame-Options: DENY\r\n"
		     "Referrer-Policy: same-origin\r\n"
		     "Cross-Origin-Opener-Policy: same-origin\r\n"
		     "Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()\r\n");
	if (r->https)
		buf_puts(&h, "Strict-Transport-Security: max-age=63072000; includeSubDomains\r\n");
	if (cache) {
		/* NGINX counts whole seconds and serves an entry until its
		 * expiry second has passed: expiring at the current second
		 * keeps a cached page less than a second.
		 * stale-while-revalidate=1: once expired, and for one second
		 * at most, the copy still answers the requests that arrive
		 * while one request renders its replacement, so the expiry of
		 * a busy page costs one render instead of one per request in
		 * flight (list page, wrk -c32: p99 26 -> 4.5 ms).
		 * stale-if-error=0: NGINX would otherwise take the same second
		 * as leave to answer with the stale copy when the pool fails
		 * or times out (then a copy 30-40 s old).
		 * NGINX reads only the Cache-Control lines before
		 * X-Accel-Expires, and would not store the page if one said
		 * no-cache; the line after it is for browsers and any cache
		 * in front: revalidate every time. */
		snprintf(line, sizeof line,
			 "Cache-Control: stale-while-revalidate=1, stale-if-error=0\r\n"
			 "X-Accel-Expires: @%lld\r\n"
			 "Cache-Control: no-cache\r\n",
			 (long long)time(NULL));
		buf_puts(&h, line);
	}
	else if (r->auth || r->no_store || r->csrf_token)
		buf_puts(&h, "X-Accel-Expires: 0\r\nCache-Control: no-store\r\n");
	else
		buf_puts(&h, "X-Accel-Expires: 0\r\nCache-Control: no-cache\r\n");
	for (kv *p = r->out_headers.head; p; p = p->next) {
		buf_puts(&h, p->key);
		buf_puts(&h, ": ");
		buf_puts(&h, p->val);
		buf_puts(&h, "\r\n");
	}
	buf_puts(&h, "\r\n");
	if (r->method == M_HEAD)
		len = 0;
	if (write_records(fr, h.data, h.len, body, len) < 0) {
		FCGX_PutStr(h.data, (int)h.len, fr->out);
		if (len)
			FCGX_PutStr(body, (int)len, fr->out);
	}
	r->status = status;
}

/* One line per request: UTC time, pool, method, path, status, ms. */
static void access_log(request *r)
{
	char line[1200], when[32];
	struct timespec ts;
	struct tm tm;
	int n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
	n = snprintf(line, sizeof line, "%s.%03ldZ %s %s %.1000s %d %lld\n", when, ts.tv_nsec / 1000000,
		     wcfg->pools[wpool].name, r->method_name ? r->method_name : "-",
		     r->uri ? r->uri : "-", r->status, (long long)(sb_now_ms() - r->t0_ms));
	if (n > (int)sizeof line)
		n = sizeof line;
	/* escape nothing: the URI came through the front end, control bytes are rare;
	 * replace them so one request is one line */
	for (int i = 0; i < n - 1; i++)
		if ((unsigned char)line[i] < 0x20)
			line[i] = '?';
	if (write(access_fd >= 0 ? access_fd : 2, line, (size_t)n) < 0) {
		/* nothing sensible to do */
	}
}

static unsigned method_of(const char *m)
{
	if (!m)
		return M_OTHER;
	if (!strcmp(m, "GET"))
		return M_GET;
	if (!strcmp(m, "HEAD"))
		return M_HEAD;
	if (!strcmp(m, "POST"))
		return M_POST;
	return M_OTHER;
}

/* Builds r from the FastCGI parameters and runs it. */
static void handle(arena *a, FCGX_Request *fr)
{
	request req;
	request *r = &req;
	const char *cl, *q;
	int bad = 0;

	memset(r, 0, sizeof *r);
	r->a = a;
	r->cfg = wcfg;
	r->fcgi = fr;
	r->pool = wpool;
	r->t0_ms = sb_now_ms();
	buf_init(&r->body_out, a);
	r->method_name = param(fr, "REQUEST_METHOD");
	r->method = method_of(r->method_name);
	r->uri = param(fr, "REQUEST_URI");
	if (!r->uri)
		r->uri = param(fr, "SCRIPT_NAME");
	if (!r->uri)
		r->uri = "/";
	r->remote_addr = param(fr, "REMOTE_ADDR");
	r->host = param(fr, "HTTP_HOST");
	r->origin = param(fr, "HTTP_ORIGIN");
	r->referer = param(fr, "HTTP_REFERER");
	r->user_agent = param(fr, "HTTP_USER_AGENT");
	r->content_type = param(fr, "CONTENT_TYPE");
	r->https = param(fr, "HTTPS") && strcasecmp(param(fr, "HTTPS"), "off");
	if (sb_self) {
		snprintf(sb_self->request, sizeof sb_self->request, "%s %s",
			 r->method_name ? r->method_name : "-", r->uri);
	}

	/* the path is REQUEST_URI up to '?', the query what follows */
	q = strchr(r->uri, '?');
	if (http_decode_path(a, r->uri, q ? (size_t)(q - r->uri) : strlen(r->uri), (char **)&r->path))
		bad = 1;
	r->query_string = q ? q + 1 : "";
	if (!bad && *r->query_string &&
	    http_parse_urlencoded(a, r->query_string, strlen(r->query_string), &r->query,
				  &http_default_limits))
		bad = 1;
	if (!bad && param(fr, "HTTP_COOKIE") &&
	    http_parse_cookies(a, param(fr, "HTTP_COOKIE"), &r->cookies, &http_default_limits))
		bad = 1;
	cl = param(fr, "CONTENT_LENGTH");
	if (!bad && cl) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(cl, &end, 10);
		if (errno || *end || cl[0] == '-')
			bad = 1;
		else
			r->content_length = (size_t)v;
	}
	if (!r->path)
		r->path = "/";
	if (bad) {
		/* malformed URI, query, cookie or length: no route is looked up */
		route_send_error(r, 400);
	} else if (r->method == M_OTHER) {
		route_send_error(r, 405);
	} else {
		route_dispatch(r);
		mail_after_request(r->cfg);
	}
	access_log(r);
}

int worker_main(const config *cfg, enum pool_id pool, int listen_fd)
{
	FCGX_Request fr;
	struct sigaction sa;
	sigset_t block, waitmask;
	arena *a;
	long served = 0;

	wcfg = cfg;
	wpool = pool;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	/*
	 * The stop and reload signals stay blocked except while waiting in
	 * ppoll(): a request in progress never sees EINTR (libfcgi gives up
	 * on a read or write that is interrupted), and a signal that arrives
	 * between two requests is taken at the next wait.
	 */
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &waitmask);
	sigdelset(&waitmask, SIGUSR1);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGHUP);

	if (cfg->access_log[0])
		access_fd = open(cfg->access_log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (FCGX_Init() != 0 || render_init(cfg->xslt_dir) != SPP_OK) {
		spp_log("worker: initialisation failed");
		return 1;
	}
	if (db_connect(cfg) != SPP_OK)
		spp_log("worker: database not reachable yet (%s); will retry per request",
			db_last_error());
	/*
	 * A first chunk large enough for a whole page (document strings,
	 * rendered HTML) is reused by every request. The rest applies when
	 * spplusd uses glibc's malloc (./configure --without-jemalloc, and
	 * the sanitizer builds): keep freed memory (by default each request's
	 * large frees trimmed the heap: 8 % of worker time), and no fast
	 * bins: libxml2 frees thousands of small blocks per page, and the
	 * next large malloc (libfcgi's stream buffers at accept) consolidated
	 * them all, 12 % of the worker's time on the list page (1.27 -> 1.12
	 * ms of worker CPU per request without them). Under jemalloc these
	 * calls change nothing.
	 */
	mallopt(M_MXFAST, 0);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 4 << 20);
	a = arena_new(512 * 1024);
	if (!a)
		return 1;
	/* non-blocking accept: a worker that loses the race for a connection
	 * returns to ppoll (where it can be stopped) instead of blocking */
	fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
	FCGX_InitRequest(&fr, listen_fd, 0);
	/* EPOLLEXCLUSIVE: a new connection wakes one idle worker, not all */
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event lev = {.events = EPOLLIN | EPOLLEXCLUSIVE, .data.fd = listen_fd};
	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &lev) < 0) {
		spp_log("worker: epoll: %s", strerror(errno));
		return 1;
	}
	while (!stop_requested) {
		int n;

		if (sb_self)
			sb_self->state = SB_IDLE;
		if (fr.ipcFd >= 0) {
			/* a connection kept open by the front end carries the next request */
			struct pollfd pfd = {.fd = fr.ipcFd, .events = POLLIN};
			n = ppoll(&pfd, 1, NULL, &waitmask);
		} else {
			struct epoll_event ev;
			n = epoll_pwait(ep, &ev, 1, -1, &waitmask);
		}
		if (n < 0) {
			if (errno != EINTR)
				spp_log("worker: wait failed: %s", strerror(errno));
			continue;
		}
		if (stop_requested)
			break;
		if (FCGX_Accept_r(&fr) < 0) {
			/* another worker took the connection, or the front end hung up */
			continue;
		}
		if (sb_self) {
			sb_self->started_ms = sb_now_ms();
			sb_self->state = SB_BUSY;
		}
		if (reload_requested) {
			reload_requested = 0;
			render_reload();
		}
		handle(a, &fr);
		frag_render_done();
		/*
		 * libfcgi closes a connection "gracefully": shutdown(), then
		 * it waits (up to 2 s) until the front end closes its side,
		 * reading whatever comes; the worker sat idle 3 ms per request
		 * under load. The reply is complete once END_REQUEST is
		 * written, so a plain close() will do (`detached` selects it;
		 * libfcgi resets it) once the front end has sent all it
		 * meant to: Apache's mod_proxy_fcgi writes the end of stdin
		 * after the parameters and, when the worker has already
		 * closed, gets EPIPE and answers 503. So what is left of stdin
		 * is read first (a GET: the empty record, which NGINX sends
		 * with the parameters: already in libfcgi's buffer), at most
		 * DRAIN_MAX bytes more (a refused body was read up to
		 * DRAIN_LIMIT by response_read_body; a body no handler read
		 * is not read to its end).
		 */
		drain_stdin(fr.in, DRAIN_MAX);
		fr.detached = 1;
		FCGX_Finish_r(&fr);
		arena_reset(a);
		served++;
		if (sb_self) {
			struct frag_stats fs;
			unsigned long long kept, read;
			frag_stats_get(&fs);
			sb_self->frag_hits = fs.hits;
			sb_self->frag_misses = fs.misses;
			sb_self->frag_bytes = fs.bytes;
			agent_list_stats(&kept, &read);
			sb_self->list_kept = kept;
			sb_self->list_read = read;
			sb_self->requests++;
			sb_self->state = SB_IDLE;
		}
		if (sb_board)
			__atomic_add_fetch(&sb_board->pools[pool].requests, 1, __ATOMIC_RELAXED);
		if (cfg->pools[pool].max_requests > 0 && served >= cfg->pools[pool].max_requests)
			break;
	}
	if (sb_self)
		sb_self->state = SB_STOPPING;
	FCGX_Free(&fr, 1);
	close(ep);
	arena_free(a);
	db_disconnect();
	render_shutdown();
	if (access_fd >= 0)
		close(access_fd);
	return 0;
}
