/*
 * mail.h — outgoing mail. Messages are rows of the mail_outbox table,
 * written in the caller's transaction (so a change and the mail it causes
 * commit or roll back together); `spplus-admin mail send` delivers them
 * (as .eml files under [mail] mail_dir locally, else through the
 * configured sendmail command), with retries and a record of failures.
 */
#ifndef SPP_MAIL_H
#define SPP_MAIL_H

#include "spp.h"

/*
 * Queues one message to `to` (a validated address). subject and text are
 * UTF-8 French text; html is the HTML alternative (may be NULL: then one
 * is derived from text). Returns SPP_OK or SPP_EDB. Does not commit.
 */
int mail_queue(const char *to, const char *subject, const char *text, const char *html);

/* Delivers queued messages (at most `max`); returns how many were sent,
 * or a negative code. Used by `spplus-admin mail send` and by the local
 * stack after each request that queued mail (dev only). */
struct config;
int mail_send_pending(const struct config *cfg, int max);

/*
 * Delivers the messages this process queued since the last call (the
 * current request or command; call it after the commit), leaving older
 * ones to mail_send_pending. Returns how many were sent or < 0.
 */
int mail_send_queued(const struct config *cfg);

/*
 * In the local stack (cfg->dev) delivers what this request queued, before
 * the response leaves, so tests find the .eml under var/mail/ as soon as
 * they have the answer. Does nothing when nothing was queued or not dev.
 */
void mail_after_request(const struct config *cfg);

/*
 * Builds the complete MIME message (headers, multipart/alternative text +
 * HTML in quoted-printable, RFC 2047 Subject) into a malloc'd string the
 * caller frees; NULL on ENOMEM. Exposed for the unit tests. date is the
 * Date header's value; msgid the Message-ID (without <>).
 */
char *mail_build(const char *from, const char *to, const char *subject, const char *text,
		 const char *html, const char *date, const char *msgid);

#endif
