/*
 * audit.c — the audit trail (table audit_log). One INSERT in the caller's
 * transaction, so an action and its record commit or roll back together.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"

#define AUDIT_DETAIL_MAX 1000 /* bytes, cut on a UTF-8 boundary */

static db_stmt q_audit =
	DB_STMT("INSERT INTO audit_log (user_id, ip, action, object_type, object_id, detail)"
		" VALUES (?, LEFT(?, 45), LEFT(?, 64), LEFT(?, 40), ?, ?)");

/*
 * r may be NULL (spplus-admin): the IP is then recorded as "cli". The
 * user is the request's when logged in, else user_id (0 = nobody).
 * object_id is stored only when object_type is given.
 */
int audit(request *r, long long user_id, const char *action, const char *object_type,
	  long long object_id, const char *detail)
{
	long long uid = r && r->auth ? r->auth->user_id : user_id;
	const char *ip = r ? (r->remote_addr ? r->remote_addr : "") : "cli";
	size_t dlen = detail ? strlen(detail) : 0;

	if (dlen > AUDIT_DETAIL_MAX) {
		dlen = AUDIT_DETAIL_MAX;
		while (dlen > 0 && ((unsigned char)detail[dlen] & 0xC0) == 0x80)
			dlen--;
	}
	return db_exec(&q_audit,
		       DB_ARGS(uid > 0 ? A_INT(uid) : A_NULL, A_STR(ip), A_STR(action),
			       A_STR(object_type), object_type ? A_INT(object_id) : A_NULL,
			       detail ? A_STRN(detail, dlen) : A_NULL),
		       NULL, NULL);
}
