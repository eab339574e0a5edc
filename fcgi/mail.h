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

#endif
