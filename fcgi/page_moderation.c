/*
 * page_moderation.c — the modérateurs' queue (/agent/moderation) and the
 * moderation of one experience (/agent/moderation/<id>): edit the title
 * and details to remove personal data or insults, then «Publier» or
 * «Rejeter» with a reason mailed to the author.
 *
 * Publishing, in one transaction: the experience becomes publiee with its
 * published_at (copied to experience_structures), its keyword index rows
 * are written (search.c), the author is told (and told about an edit),
 * the agents of the structures concerned are notified, and the audit
 * trail records the decision and the edit (lengths before/after, never
 * the text). A concurrent decision is caught by the version column.
 */
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "mail.h"
#include "page_experience.h"
#include "page_util.h"
#include "request.h"
#include "search.h"
#include "xml.h"

#define QUEUE_PER_PAGE 20

static db_stmt q_queue_count =
	DB_STMT("SELECT COUNT(*) FROM experiences WHERE status = 'a_moderer'");
static db_stmt q_queue =
	DB_STMT("SELECT e.id, e.title, e.feeling, e.created_at, e.pseudonym, e.source,"
		" CHAR_LENGTH(e.body) AS body_length,"
		" (SELECT GROUP_CONCAT(s.name ORDER BY s.name SEPARATOR ' ; ')"
		" FROM experience_structures es JOIN structures s ON s.id = es.structure_id"
		" WHERE es.experience_id = e.id) AS structures"
		" FROM experiences e WHERE e.status = 'a_moderer'"
		" ORDER BY e.created_at, e.id LIMIT ? OFFSET ?");
static db_stmt q_item =
	DB_STMT("SELECT e.id, e.title, e.body, e.feeling, e.event_date, e.created_at, e.pseudonym,"
		" e.lives_in_france, e.postal_code, e.status, e.source, e.tracking_code, e.version,"
		" e.rejection_reason, e.published_at, e.moderated_at,"
		" COALESCE(NULLIF(u.display_name, ''), u.username) AS moderated_by"
		" FROM experiences e LEFT JOIN users u ON u.id = e.moderated_by WHERE e.id = ?");
static db_stmt q_item_channels =
	DB_STMT("SELECT c.label, ec.feeling FROM experience_channels ec JOIN channels c"
		" ON c.code = ec.channel_code WHERE ec.experience_id = ? ORDER BY c.position");
static db_stmt q_item_structures = DB_STMT(
	"SELECT s.id, s.name, s.code_sp, s.commune, n.short_name AS network"
	" FROM experience_structures es JOIN structures s ON s.id = es.structure_id"
	" JOIN networks n ON n.id = s.network_id WHERE es.experience_id = ? ORDER BY s.name");
static db_stmt q_author =
	DB_STMT("SELECT email, pseudonym, title, body FROM experiences WHERE id = ?");
static db_stmt q_publish =
	DB_STMT("UPDATE experiences SET title = ?, body = ?, status = 'publiee',"
		" published_at = UTC_TIMESTAMP(), moderated_by = ?, moderated_at = UTC_TIMESTAMP(),"
		" version = version + 1 WHERE id = ? AND status = 'a_moderer' AND version = ?");
static db_stmt q_publish_structures =
	DB_STMT("UPDATE experience_structures es JOIN experiences e ON e.id = es.experience_id"
		" SET es.published_at = e.published_at WHERE es.experience_id = ?");
static db_stmt q_reject =
	DB_STMT("UPDATE experiences SET status = 'rejetee', rejection_reason = ?, moderated_by = ?,"
		" moderated_at = UTC_TIMESTAMP(), version = version + 1"
		" WHERE id = ? AND status = 'a_moderer' AND version = ?");
/* The agents concerned by a structure S: a membership on S, a "super"
 * role on an ancestor of S (S.path starts with its path), or référent of
 * S's network. */
static db_stmt q_agents =
	DB_STMT("SELECT DISTINCT u.id, u.email, s.name AS structure FROM experience_structures es"
		" JOIN structures s ON s.id = es.structure_id"
		" JOIN memberships m ON m.structure_id IS NOT NULL"
		" JOIN structures ms ON ms.id = m.structure_id"
		" JOIN users u ON u.id = m.user_id"
		" WHERE es.experience_id = ? AND u.active = 1"
		" AND (m.structure_id = s.id"
		" OR (m.role IN ('super_agent','super_repondant','super_evaluateur')"
		" AND s.path LIKE CONCAT(ms.path, '%'))"
		" OR (m.role = 'referent' AND ms.network_id = s.network_id))"
		" ORDER BY u.id, s.name");

static const char *const decision_values[] = { "publier", "rejeter", NULL };

static const field queue_fields[] = {
	{ .name = "page", .type = F_INT, .min = 1, .max = 1000000 },
	{ .name = "fait", .type = F_LINE, .max = 20 },
	{ 0 },
};

static const field item_fields[] = {
	{ .name = "titre", .type = F_LINE, .required = 1, .max = 200 },
	{ .name = "description", .type = F_TEXT, .required = 1, .max = 5000 },
	{ .name = "decision", .type = F_ENUM, .required = 1, .values = decision_values },
	{ .name = "motif", .type = F_TEXT, .max = 2000 },
	{ .name = "version", .type = F_INT, .required = 1, .min = 1, .max = 4294967295LL },
	{ 0 },
};

/* GET /agent/moderation */
static int h_queue(request *r)
{
	long long total, page = req_int(r, "page", 1);
	xmlNodePtr q;

	r->no_store = 1;
	if (db_int(&q_queue_count, DB_NOARGS, 0, &total) < 0)
		return 503;
	q = req_data(r, "queue");
	if (db_xml(&q_queue, DB_ARGS(A_INT(QUEUE_PER_PAGE), A_INT((page - 1) * QUEUE_PER_PAGE)), q,
		   "experience") < 0)
		return 503;
	if (req_str(r, "fait"))
		x_text(q, "done", req_str(r, "fait"));
	page_pagination(r->root, page, QUEUE_PER_PAGE, total);
	return 200;
}

/* Adds the experience, its channels and structures; 0 when unknown. */
static int load_item(request *r, long long id, xmlNodePtr *out)
{
	xmlNodePtr e = req_data(r, "experience");
	int rc = db_xml_one(&q_item, DB_ARGS(A_INT(id)), e);

	*out = e;
	if (rc <= 0)
		return rc;
	if (db_xml(&q_item_channels, DB_ARGS(A_INT(id)), x_el(e, "channels"), "channel") < 0 ||
	    db_xml(&q_item_structures, DB_ARGS(A_INT(id)), x_el(e, "structures"), "structure") < 0)
		return SPP_EDB;
	return 1;
}

/* The author's data and the text before moderation. */
struct author {
	arena *a;
	char *email, *pseudo, *title, *body;
};

static int author_row(void *p, int ncols, const char *const *names, const char *const *v,
		      const unsigned long *lens)
{
	struct author *au = p;

	(void)ncols;
	(void)names;
	(void)lens;
	au->email = arena_strdup(au->a, v[0]);
	au->pseudo = arena_strdup(au->a, v[1]);
	au->title = arena_strdup(au->a, v[2]);
	au->body = arena_strdup(au->a, v[3]);
	return 1;
}

/* Mails every agent concerned once (the first structure names the mail). */
struct notify {
	request *r;
	long long id, last_user;
	const char *title;
	int failed, sent;
};

static int notify_row(void *p, int ncols, const char *const *names, const char *const *v,
		      const unsigned long *lens)
{
	struct notify *n = p;
	long long uid = expub_parse_id(v[0]);

	(void)ncols;
	(void)names;
	(void)lens;
	if (uid == n->last_user)
		return 0;
	n->last_user = uid;
	const char *text = arena_printf(
		n->r->a,
		"Bonjour,\n\n"
		"Une nouvelle expérience d'usager concernant « %s » vient d'être publiée sur "
		"Services Publics+ :\n\n« %s »\n\n"
		"Vous pouvez la consulter et y répondre dans votre espace Agents connectés, "
		"menu « J'améliore la qualité » > « Les expériences » :\n%s/agent/experiences/%lld\n\n"
		"L'équipe Services Publics+\n"
		"Ce message est envoyé automatiquement : merci de ne pas y répondre.\n",
		v[2], n->title, n->r->cfg->base_url, n->id);
	if (!text || mail_queue(v[1], "Nouvelle expérience publiée pour votre structure", text,
				NULL) == SPP_EDB) {
		n->failed = 1;
		return 1;
	}
	n->sent++;
	return 0;
}

/* "titre : 120 → 98 caractères" style summary of the edit; NULL if none. */
static const char *edit_summary(request *r, const struct author *au, const char *title,
				const char *body)
{
	int t = strcmp(au->title, title) != 0, b = strcmp(au->body, body) != 0;

	if (!t && !b)
		return NULL;
	return arena_printf(r->a, "%s%s%s",
			    t ? arena_printf(r->a, "titre : %zu → %zu caractères",
					     utf8_len(au->title, strlen(au->title)),
					     utf8_len(title, strlen(title))) :
				"",
			    t && b ? " ; " : "",
			    b ? arena_printf(r->a, "description : %zu → %zu caractères",
					     utf8_len(au->body, strlen(au->body)),
					     utf8_len(body, strlen(body))) :
				"");
}

/* Publishes experience id with the moderated text. 303, 409 or 503. */
static int publish(request *r, long long id, long long version, const struct author *au)
{
	const char *title = req_str(r, "titre"), *body = req_str(r, "description");
	const char *edit = edit_summary(r, au, title, body);
	struct notify n = { .r = r, .id = id, .title = title, .last_user = -1 };
	uint64_t changed = 0;

	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&q_publish,
		    DB_ARGS(A_STR(title), A_STR(body), A_INT(r->auth->user_id), A_INT(id),
			    A_INT(version)),
		    &changed, NULL) != SPP_OK)
		goto fail;
	if (!changed) {
		db_rollback();
		return 409;
	}
	if (db_exec(&q_publish_structures, DB_ARGS(A_INT(id)), NULL, NULL) != SPP_OK ||
	    search_index_experience(id) != SPP_OK)
		goto fail;
	const char *text = arena_printf(
		r->a,
		"Bonjour %s,\n\n"
		"Votre expérience « %s » a été publiée sur Services Publics+ :\n%s/experiences/%lld\n\n"
		"%s"
		"Les organismes concernés ont été prévenus et peuvent vous répondre. Vous recevrez un "
		"courriel avec un lien personnel lorsqu'une réponse sera publiée.\n\n"
		"Merci pour votre participation.\n\n"
		"L'équipe Services Publics+\n"
		"Ce message est envoyé automatiquement : merci de ne pas y répondre.\n",
		au->pseudo, title, r->cfg->base_url, id,
		edit ? "Pour respecter la charte de modération, notre équipe a modifié votre texte "
		       "avant de le publier (retrait de données personnelles ou de propos "
		       "inappropriés).\n\n" :
		       "");
	if (!text || mail_queue(au->email, "Votre expérience a été publiée", text, NULL) == SPP_EDB)
		goto fail;
	if (db_query(&q_agents, DB_ARGS(A_INT(id)), notify_row, &n) < 0 || n.failed)
		goto fail;
	if ((edit && audit(r, 0, "experience_moderation_edit", "experience", id, edit) != SPP_OK) ||
	    audit(r, 0, "experience_publish", "experience", id,
		  arena_printf(r->a, "agents prévenus : %d", n.sent)) != SPP_OK ||
	    db_commit() != SPP_OK)
		goto fail;
	return req_redirect(r, "/agent/moderation?fait=publiee");
fail:
	spp_log("moderation: publish %lld: %s", id, db_last_error());
	db_rollback();
	return 503;
}

/* Rejects experience id with the reason. 303, 409 or 503. */
static int reject(request *r, long long id, long long version, const struct author *au)
{
	const char *reason = req_str(r, "motif");
	uint64_t changed = 0;

	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&q_reject,
		    DB_ARGS(A_STR(reason), A_INT(r->auth->user_id), A_INT(id), A_INT(version)),
		    &changed, NULL) != SPP_OK)
		goto fail;
	if (!changed) {
		db_rollback();
		return 409;
	}
	const char *text = arena_printf(
		r->a,
		"Bonjour %s,\n\n"
		"Votre expérience « %s », déposée sur Services Publics+, n'a pas pu être publiée.\n\n"
		"Motif indiqué par notre équipe de modération :\n%s\n\n"
		"Vous pouvez déposer une nouvelle expérience qui respecte la charte de modération : "
		"%s/donner-mon-avis\n\n"
		"L'équipe Services Publics+\n"
		"Ce message est envoyé automatiquement : merci de ne pas y répondre.\n",
		au->pseudo, au->title, reason, r->cfg->base_url);
	if (!text || mail_queue(au->email, "Votre expérience n'a pas pu être publiée", text,
				NULL) == SPP_EDB)
		goto fail;
	if (audit(r, 0, "experience_reject", "experience", id,
		  arena_printf(r->a, "motif : %zu caractères", strlen(reason))) != SPP_OK ||
	    db_commit() != SPP_OK)
		goto fail;
	return req_redirect(r, "/agent/moderation?fait=rejetee");
fail:
	spp_log("moderation: reject %lld: %s", id, db_last_error());
	db_rollback();
	return 503;
}

/* GET/POST /agent/moderation/<id> */
static int h_item(request *r)
{
	long long id = expub_parse_id(r->args[0]);
	struct author au = { .a = r->a };
	xmlNodePtr e;
	int rc, status = 200;

	r->no_store = 1;
	if (!id)
		return 404;
	if (r->method == M_POST) {
		const fieldval *dec = req_field(r, "decision");
		const char *motif = req_str(r, "motif");
		int rejecting = dec->present && !dec->error && dec->i == 1;
		if (!r->invalid && rejecting && !motif) {
			/* the reason is what the author will read */
			for (int i = 0; i < r->nfields; i++)
				if (!strcmp(r->fv[i].f->name, "motif")) {
					r->fv[i].error =
						"Indiquez le motif du rejet : il sera envoyé à l'auteur.";
					r->invalid++;
				}
		}
		if (!r->invalid) {
			rc = db_query(&q_author, DB_ARGS(A_INT(id)), author_row, &au);
			if (rc < 0)
				return 503;
			if (rc == 0)
				return 404;
			if (!au.email || !au.title || !au.body)
				return 500;
			status = rejecting ? reject(r, id, req_int(r, "version", 0), &au) :
					     publish(r, id, req_int(r, "version", 0), &au);
			if (status != 409)
				return status;
		} else {
			status = 422;
		}
	}
	rc = load_item(r, id, &e);
	if (rc < 0)
		return 503;
	if (rc == 0)
		return 404;
	page_paras_all(e, "rejection_reason");
	if (r->method == M_POST) {
		xmlNodePtr f = req_form_xml(r, e);
		if (status == 409)
			x_text(f, "conflict",
			       "Cette expérience a été modérée ou modifiée par quelqu'un "
			       "d'autre entre-temps. Vérifiez son état avant de continuer.");
		r->sheet = "moderation-item";
		return status;
	}
	return 200;
}

const route page_moderation_routes[] = {
	{ "moderation", M_GET, "/agent/moderation", POOL_WEB, CAP_MODERATE, CSRF_NONE, h_queue,
	  "moderation-queue", queue_fields, 0 },
	{ "moderation-item", M_GET | M_POST, "/agent/moderation/*", POOL_WEB, CAP_MODERATE,
	  CSRF_TOKEN, h_item, "moderation-item", item_fields, 0 },
	{ 0 },
};
