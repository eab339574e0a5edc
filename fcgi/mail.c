/*
 * mail.c — the mail outbox and its sender.
 *
 * mail_queue only inserts a row, in the caller's transaction. The sender
 * claims one row at a time with a conditional UPDATE (so several senders
 * never deliver the same message), builds the MIME message and either
 * writes it as an .eml file (local stack) or pipes it to the sendmail
 * command. The claim already pushes next_attempt_at back (2, 4, 8 …
 * minutes, at most 6 hours), so a crash or a failure simply leaves the
 * message for a later attempt; success sets sent_at. After 20 attempts a
 * message stays in the table, with its last error, for a human to look at.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "config.h"
#include "db.h"
#include "mail.h"

#define MAIL_BATCH 100

/* Messages queued by this process since the last mail_send_queued (the
 * current request, or the current spplus-admin command). */
#define MAIL_QUEUED_MAX 16
static long long queued_ids[MAIL_QUEUED_MAX];
static int nqueued;

static db_stmt q_queue = DB_STMT(
	"INSERT INTO mail_outbox (to_addr, subject, body_text, body_html) VALUES (?, ?, ?, ?)");
static db_stmt q_pending = DB_STMT(
	"SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= UTC_TIMESTAMP()"
	" AND attempts < 20 ORDER BY id LIMIT ?");
static db_stmt q_claim =
	DB_STMT("UPDATE mail_outbox SET attempts = attempts + 1,"
		" next_attempt_at = UTC_TIMESTAMP() + INTERVAL LEAST(POW(2, attempts), 360) MINUTE"
		" WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= UTC_TIMESTAMP()");
static db_stmt q_load =
	DB_STMT("SELECT to_addr, subject, body_text, body_html FROM mail_outbox WHERE id = ?");
static db_stmt q_sent =
	DB_STMT("UPDATE mail_outbox SET sent_at = UTC_TIMESTAMP(), last_error = NULL WHERE id = ?");
static db_stmt q_failed = DB_STMT("UPDATE mail_outbox SET last_error = LEFT(?, 500) WHERE id = ?");

/* ---------------------------------------------------------------------
 * A small malloc'd string builder (the sender runs outside requests).
 */
typedef struct sb {
	char *s;
	size_t len, cap;
	int failed;
} sb;

static void sb_add(sb *b, const char *p, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->failed = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_puts(sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

/* Returns the built string (caller frees), or NULL after a failure. */
static char *sb_take(sb *b)
{
	if (b->failed || !b->s) {
		free(b->s);
		return NULL;
	}
	return b->s;
}

/* ---------------------------------------------------------------------
 * Encodings
 */

/* Appends s as quoted-printable (RFC 2045), "\n" becoming CRLF. */
static void qp_encode(sb *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char enc[4];
		size_t n;
		unsigned char c = *p;

		if (c == '\r' && p[1] == '\n')
			continue;
		if (c == '\n') {
			sb_puts(b, "\r\n");
			col = 0;
			continue;
		}
		int at_eol = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		int must = c == '=' || c > 126 || (c < 32 && c != '\t') ||
			   ((c == ' ' || c == '\t') && at_eol) ||
			   (col == 0 && (c == '.' || c == 'F'));
		if (must) {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			n = 3;
		} else {
			enc[0] = (char)c;
			n = 1;
		}
		/* keep room for a soft break: at most 76 characters a line */
		if (col + n > 75) {
			sb_puts(b, "=\r\n");
			col = 0;
			if (!must && (c == '.' || c == 'F')) {
				enc[0] = '=';
				enc[1] = hex[c >> 4];
				enc[2] = hex[c & 15];
				n = 3;
			}
		}
		sb_add(b, enc, n);
		col += n;
	}
	sb_puts(b, "\r\n");
}

/* Appends a header value as RFC 2047 encoded-words when it is not plain
 * printable ASCII; words are folded onto continuation lines. */
static void header_encode(sb *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	int plain = n < 60;

	for (size_t k = 0; k < n && plain; k++)
		if ((unsigned char)s[k] < 32 || (unsigned char)s[k] > 126 || s[k] == '=' ||
		    s[k] == '?')
			plain = 0;
	if (plain) {
		sb_add(b, s, n);
		return;
	}
	while (i < n) {
		size_t take = n - i > 39 ? 39 : n - i;
		char out[80];
		/* never split a UTF-8 sequence between two words */
		while (take > 0 && i + take < n && ((unsigned char)s[i + take] & 0xC0) == 0x80)
			take--;
		if (take == 0)
			take = 1;
		sodium_bin2base64(out, sizeof out, (const unsigned char *)s + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		if (i > 0)
			sb_puts(b, "\r\n ");
		sb_puts(b, "=?UTF-8?B?");
		sb_puts(b, out);
		sb_puts(b, "?=");
		i += take;
	}
}

/* Appends s with the five XML special characters escaped. */
static void html_escape(sb *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			sb_puts(b, "&amp;");
			break;
		case '<':
			sb_puts(b, "&lt;");
			break;
		case '>':
			sb_puts(b, "&gt;");
			break;
		case '"':
			sb_puts(b, "&quot;");
			break;
		case '\'':
			sb_puts(b, "&#39;");
			break;
		default:
			sb_add(b, s + i, 1);
		}
	}
}

/* The HTML alternative of a plain text message: paragraphs at blank lines,
 * line breaks kept, http(s) addresses made links. */
static void text_to_html(sb *b, const char *subject, const char *text)
{
	const char *p = text;

	sb_puts(b, "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>");
	html_escape(b, subject, strlen(subject));
	sb_puts(b, "</title></head>\n<body style=\"font-family: Marianne, Arial, sans-serif; "
		   "color: #161616; line-height: 1.5\">\n<p>");
	while (*p) {
		if (!strncmp(p, "http://", 7) || !strncmp(p, "https://", 8)) {
			size_t n = strcspn(p, " \t\r\n<>\"");
			sb_puts(b, "<a href=\"");
			html_escape(b, p, n);
			sb_puts(b, "\">");
			html_escape(b, p, n);
			sb_puts(b, "</a>");
			p += n;
		} else if (p[0] == '\n' && p[1] == '\n') {
			sb_puts(b, "</p>\n<p>");
			while (*p == '\n')
				p++;
		} else if (*p == '\n') {
			sb_puts(b, "<br>\n");
			p++;
		} else if (*p == '\r') {
			p++;
		} else {
			html_escape(b, p, 1);
			p++;
		}
	}
	sb_puts(b, "</p>\n</body></html>\n");
}

/* 1 when addr is safe in a header: printable ASCII, one '@', no spaces. */
static int addr_ok(const char *addr)
{
	const char *at = strchr(addr, '@');

	if (!at || at == addr || !at[1] || strchr(at + 1, '@') || strlen(addr) > 254)
		return 0;
	for (const char *p = addr; *p; p++)
		if ((unsigned char)*p <= 32 || (unsigned char)*p > 126 || *p == '<' || *p == '>' ||
		    *p == ',' || *p == ';' || *p == '"' || *p == '\\')
			return 0;
	return 1;
}

char *mail_build(const char *from, const char *to, const char *subject, const char *text,
		 const char *html, const char *date, const char *msgid)
{
	unsigned char rnd[12];
	char boundary[64];
	sb b = { 0 };
	sb h = { 0 };

	if (sodium_init() < 0)
		return NULL;
	randombytes_buf(rnd, sizeof rnd);
	strcpy(boundary, "=_spplus_");
	sodium_bin2hex(boundary + 9, sizeof boundary - 9, rnd, sizeof rnd);
	if (!html) {
		text_to_html(&h, subject, text);
		html = h.failed ? "" : h.s;
	}
	sb_puts(&b, "From: Services Publics+ <");
	sb_puts(&b, from);
	sb_puts(&b, ">\r\nTo: <");
	sb_puts(&b, to);
	sb_puts(&b, ">\r\nSubject: ");
	header_encode(&b, subject);
	sb_puts(&b, "\r\nDate: ");
	sb_puts(&b, date);
	sb_puts(&b, "\r\nMessage-ID: <");
	sb_puts(&b, msgid);
	sb_puts(&b, ">\r\nMIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n"
		    "Content-Type: multipart/alternative;\r\n boundary=\"");
	sb_puts(&b, boundary);
	sb_puts(&b, "\"\r\n\r\nCe message est au format MIME.\r\n\r\n--");
	sb_puts(&b, boundary);
	sb_puts(&b, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	qp_encode(&b, text);
	sb_puts(&b, "\r\n--");
	sb_puts(&b, boundary);
	sb_puts(&b, "\r\nContent-Type: text/html; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	qp_encode(&b, html);
	sb_puts(&b, "\r\n--");
	sb_puts(&b, boundary);
	sb_puts(&b, "--\r\n");
	free(h.s);
	return sb_take(&b);
}

/* ---------------------------------------------------------------------
 * Queue
 */

int mail_queue(const char *to, const char *subject, const char *text, const char *html)
{
	if (!to || !addr_ok(to)) {
		spp_log("mail: refusing to queue a message to an invalid address");
		return SPP_EINVAL;
	}
	uint64_t id = 0;

	if (db_exec(&q_queue, DB_ARGS(A_STR(to), A_STR(subject), A_STR(text), A_STR(html)), NULL,
		    &id) != SPP_OK)
		return SPP_EDB;
	if (nqueued < MAIL_QUEUED_MAX)
		queued_ids[nqueued++] = (long long)id;
	return SPP_OK;
}

/* ---------------------------------------------------------------------
 * Sender
 */

struct msg {
	char *to, *subject, *text, *html;
};

static int msg_row(void *p, int n, const char *const *names, const char *const *v,
		   const unsigned long *lens)
{
	struct msg *m = p;

	(void)names;
	(void)lens;
	if (n < 4)
		return 1;
	m->to = strdup(v[0] ? v[0] : "");
	m->subject = strdup(v[1] ? v[1] : "");
	m->text = strdup(v[2] ? v[2] : "");
	m->html = v[3] ? strdup(v[3]) : NULL;
	return 1;
}

/* Writes the message as dir/<UTC time>-<id>.eml (atomically, by rename). */
static int deliver_file(const char *dir, long long id, const char *data, char *err, size_t errlen)
{
	char when[32], path[1200], tmp[1200];
	time_t now = time(NULL);
	struct tm tm;
	size_t len = strlen(data);
	int fd;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y%m%dT%H%M%SZ", &tm);
	snprintf(path, sizeof path, "%s/%s-%lld.eml", dir, when, id);
	snprintf(tmp, sizeof tmp, "%s/.tmp-%lld-%ld", dir, id, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create %.300s: %m", tmp);
		return -1;
	}
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w <= 0) {
			snprintf(err, errlen, "cannot write %.300s: %m", tmp);
			close(fd);
			unlink(tmp);
			return -1;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "cannot save %.300s: %m", path);
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Pipes the message to the configured sendmail command. */
static int deliver_sendmail(const char *cmd, const char *data, char *err, size_t errlen)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	FILE *p;
	int st;

	if (!cmd || !*cmd) {
		snprintf(err, errlen, "no sendmail command configured");
		return -1;
	}
	sigaction(SIGPIPE, &ign, &old);
	p = popen(cmd, "w");
	if (!p) {
		snprintf(err, errlen, "cannot run %s: %m", cmd);
		sigaction(SIGPIPE, &old, NULL);
		return -1;
	}
	size_t len = strlen(data);
	size_t w = fwrite(data, 1, len, p);
	st = pclose(p);
	sigaction(SIGPIPE, &old, NULL);
	if (w != len || st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		snprintf(err, errlen, "%s failed (status %d)", cmd,
			 st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1);
		return -1;
	}
	return 0;
}

/* Delivers message id (already claimed). Returns 1 sent, 0 failed, <0 db. */
static int send_one(const config *cfg, long long id)
{
	struct msg m = { 0 };
	char date[64], msgid[160], err[600] = "";
	const char *dom = strchr(cfg->mail_from, '@');
	unsigned char rnd[8];
	char rhex[20];
	time_t now = time(NULL);
	struct tm tm;
	char *data;
	int rc, ok = -1;

	rc = db_query(&q_load, DB_ARGS(A_INT(id)), msg_row, &m);
	if (rc <= 0)
		goto out;
	if (!m.to || !m.subject || !m.text) {
		snprintf(err, sizeof err, "out of memory");
		goto record;
	}
	if (!addr_ok(m.to)) {
		snprintf(err, sizeof err, "invalid recipient address");
		goto record;
	}
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(rhex, sizeof rhex, rnd, sizeof rnd);
	snprintf(msgid, sizeof msgid, "spplus.%lld.%s@%s", id, rhex,
		 dom && dom[1] ? dom + 1 : "localhost");
	data = mail_build(cfg->mail_from, m.to, m.subject, m.text, m.html, date, msgid);
	if (!data) {
		snprintf(err, sizeof err, "out of memory");
		goto record;
	}
	if (cfg->mail_dir[0])
		ok = deliver_file(cfg->mail_dir, id, data, err, sizeof err) == 0;
	else
		ok = deliver_sendmail(cfg->mail_sendmail, data, err, sizeof err) == 0;
	free(data);
record:
	if (ok == 1) {
		if (db_exec(&q_sent, DB_ARGS(A_INT(id)), NULL, NULL) != SPP_OK)
			ok = -1;
	} else {
		ok = 0;
		spp_log("mail: message %lld not delivered: %s", id, err);
		db_exec(&q_failed, DB_ARGS(A_STR(err), A_INT(id)), NULL, NULL);
	}
out:
	free(m.to);
	free(m.subject);
	free(m.text);
	free(m.html);
	return ok;
}

int mail_send_pending(const config *cfg, int max)
{
	long long ids[MAIL_BATCH];
	int sent = 0, n;

	if (sodium_init() < 0)
		return SPP_EIO;
	if (max <= 0 || max > MAIL_BATCH)
		max = MAIL_BATCH;
	n = db_ints(&q_pending, DB_ARGS(A_INT(max)), ids, max);
	if (n < 0)
		return SPP_EDB;
	for (int i = 0; i < n; i++) {
		uint64_t claimed = 0;
		if (db_exec(&q_claim, DB_ARGS(A_INT(ids[i])), &claimed, NULL) != SPP_OK)
			return sent ? sent : SPP_EDB;
		if (claimed != 1)
			continue; /* another sender has it */
		int rc = send_one(cfg, ids[i]);
		if (rc < 0)
			return sent ? sent : SPP_EDB;
		sent += rc;
	}
	return sent;
}

int mail_send_queued(const config *cfg)
{
	int sent = 0, n = nqueued;

	nqueued = 0;
	if (sodium_init() < 0)
		return SPP_EIO;
	for (int i = 0; i < n; i++) {
		uint64_t claimed = 0;
		if (db_exec(&q_claim, DB_ARGS(A_INT(queued_ids[i])), &claimed, NULL) != SPP_OK)
			return sent ? sent : SPP_EDB;
		if (claimed != 1)
			continue; /* rolled back, or another sender has it */
		int rc = send_one(cfg, queued_ids[i]);
		if (rc < 0)
			return sent ? sent : SPP_EDB;
		sent += rc;
	}
	return sent;
}

void mail_after_request(const config *cfg)
{
	if (!nqueued)
		return;
	if (cfg->dev)
		mail_send_queued(cfg);
	nqueued = 0;
}
