/*
 * page_rating.c — GET/POST /avis-reponse/<token>: the author of an
 * experience rates the published answer «utile» or «pas utile» through
 * the private link of their mail (rating.h). An unknown, malformed or
 * withdrawn token is a plain 404; the page is personal (never cached).
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_experience.h"
#include "page_util.h"
#include "rating.h"
#include "request.h"
#include "xml.h"

static const char *const avis_values[] = { "utile", "pas_utile", NULL };

const field rating_fields[] = {
	{ .name = "avis", .type = F_ENUM, .values = avis_values },
	{ .name = "merci", .type = F_BOOL },
	{ 0 },
};

static db_stmt q_load = DB_STMT(
	"SELECT r.answer_id, r.rating, r.rated_at,"
	" (r.rated_at IS NULL OR r.rated_at > UTC_TIMESTAMP() - INTERVAL 30 DAY) AS can_change,"
	" r.rated_at + INTERVAL 30 DAY AS change_until,"
	" a.body AS answer_body, a.formula, a.signature, a.published_at,"
	" s.name AS structure, e.id AS experience_id, e.title"
	" FROM answer_ratings r JOIN answers a ON a.id = r.answer_id"
	" JOIN structures s ON s.id = a.structure_id JOIN experiences e ON e.id = a.experience_id"
	" WHERE r.token_hash = ? AND a.status = 'publiee' AND e.status = 'publiee'");
/* changed_at is assigned first: MariaDB evaluates SET left to right. */
static db_stmt q_rate = DB_STMT(
	"UPDATE answer_ratings SET changed_at = IF(rated_at IS NULL, NULL, UTC_TIMESTAMP()),"
	" rating = ?, rated_at = COALESCE(rated_at, UTC_TIMESTAMP())"
	" WHERE answer_id = ? AND (rated_at IS NULL OR rated_at > UTC_TIMESTAMP() - INTERVAL 30 DAY)");

/* Reads one child element's text as an integer (0 when absent). */
static long long child_int(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) {
			xmlChar *t = xmlNodeGetContent(c);
			long long v = t ? expub_parse_id((const char *)t) : 0;
			xmlFree(t);
			return v;
		}
	return 0;
}

/* See page_experience.h. */
int rating_page(request *r)
{
	const char *tok = r->args[0];
	unsigned char hash[AUTH_HASH_LEN];
	xmlNodePtr rt;
	long long answer_id;
	uint64_t changed = 0;
	int rc;

	r->no_store = 1;
	if (!auth_token_valid(tok, RATING_TOKEN_LEN))
		return 404;
	auth_token_hash(tok, hash);
	rt = req_data(r, "rating");
	rc = db_xml_one(&q_load, DB_ARGS(A_BLOB((const char *)hash, sizeof hash)), rt);
	if (rc < 0)
		return 503;
	if (rc == 0)
		return 404;
	x_text(rt, "token", tok);
	page_paras_all(rt, "answer_body");
	if (!auth_anon_csrf(r))
		return 500;
	if (r->method != M_POST) {
		if (req_int(r, "merci", 0))
			x_text(rt, "thanks", "1");
		return 200;
	}
	const char *avis = req_str(r, "avis");
	if (!avis) {
		x_text(rt, "error", "Choisissez « Utile » ou « Pas utile ».");
		r->sheet = "rating";
		return 422;
	}
	answer_id = child_int(rt, "answer_id");
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&q_rate, DB_ARGS(A_STR(avis), A_INT(answer_id)), &changed, NULL) != SPP_OK)
		return 503;
	if (!changed) {
		db_rollback();
		x_text(rt, "error",
		       "Le délai de 30 jours pendant lequel vous pouviez modifier votre avis est dépassé.");
		r->sheet = "rating";
		return 409;
	}
	if (audit(r, 0, "answer_rating", "answer", answer_id, avis) != SPP_OK ||
	    db_commit() != SPP_OK)
		return 503;
	return req_redirect(r, arena_printf(r->a, "/avis-reponse/%s?merci=1", tok));
}
