/*
 * audit.h — the audit trail: who did what, when, from where. Never a
 * password or a token. Written in the caller's transaction.
 */
#ifndef SPP_AUDIT_H
#define SPP_AUDIT_H

#include "request.h"

/*
 * Records action (e.g. "login", "login_failed", "experience_answer_publish")
 * on object (type, id; type may be NULL) with a short free-text detail
 * (may be NULL), for the request's user (or user_id when r has none, e.g.
 * a failed login) and IP. Returns SPP_OK or SPP_EDB.
 */
int audit(request *r, long long user_id, const char *action, const char *object_type,
	  long long object_id, const char *detail);

#endif
