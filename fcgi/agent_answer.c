/*
 * agent_answer.c — the answer workflow (see agent_answer.h): the writes to
 * answers and experience_structures.state, and the mails they cause.
 */
#include <string.h>

#include "agent_answer.h"
#include "db.h"
#include "mail.h"
#include "page_agent.h"
#include "rating.h"
#include "xml.h"

static db_stmt q_validators =
	DB_STMT("SELECT DISTINCT u.email FROM memberships m JOIN users u ON u.id = m.user_id"
		" JOIN structures ms ON ms.id = m.structure_id JOIN structures s ON s.id = ?"
		" WHERE u.active = 1 AND m.role IN ('super_agent','super_repondant')"
		" AND s.path LIKE CONCAT(ms.path, '%')");
static db_stmt q_user_email = DB_STMT("SELECT email FROM users WHERE id = ? AND active = 1");
static db_stmt q_exp_mail =
	DB_STMT("SELECT e.email, e.title, s.name FROM experiences e JOIN structures s ON s.id = ?"
		" WHERE e.id = ?");
static db_stmt u_es_state = DB_STMT(
	"UPDATE experience_structures SET state = ? WHERE experience_id = ? AND structure_id = ?");
static db_stmt u_es_answered =
	DB_STMT("UPDATE experience_structures SET state = 'repondu',"
		" first_answer_at = COALESCE(first_answer_at, UTC_TIMESTAMP())"
		" WHERE experience_id = ? AND structure_id = ?");
static db_stmt i_answer = DB_STMT(
	"INSERT INTO answers (experience_id, structure_id, author_user_id, body, formula, signature)"
	" VALUES (?, ?, ?, ?, ?, ?)");
static db_stmt u_answer_text = DB_STMT(
	"UPDATE answers SET body = ?, formula = ?, signature = ?, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ?");
static db_stmt u_answer_author = DB_STMT("UPDATE answers SET author_user_id = ? WHERE id = ?");
static db_stmt u_answer_draft =
	DB_STMT("UPDATE answers SET status = 'brouillon' WHERE id = ? AND status <> 'publiee'");
static db_stmt u_answer_submit =
	DB_STMT("UPDATE answers SET status = 'en_attente', submitted_at = UTC_TIMESTAMP(),"
		" validation_remark = NULL WHERE id = ?");
static db_stmt u_answer_publish = DB_STMT(
	"UPDATE answers SET status = 'publiee', published_at = COALESCE(published_at, UTC_TIMESTAMP()),"
	" published_by = COALESCE(published_by, ?), validation_remark = NULL WHERE id = ?");
static db_stmt u_answer_back = DB_STMT(
	"UPDATE answers SET status = 'brouillon', validation_remark = ?, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND status = 'en_attente'");

/* The experience's author address and title, and the structure's name. */
struct exp_mail {
	arena *a;
	const char *email, *title, *name;
};

/* db_query callback filling a struct exp_mail (columns email, title, name). */
static int cb_exp_mail(void *ctx, int ncols, const char *const *names, const char *const *vals,
		       const unsigned long *lens)
{
	struct exp_mail *e = ctx;

	(void)names;
	if (ncols < 3)
		return 1;
	e->email = vals[0] ? arena_strndup(e->a, vals[0], lens[0]) : NULL;
	e->title = vals[1] ? arena_strndup(e->a, vals[1], lens[1]) : "";
	e->name = vals[2] ? arena_strndup(e->a, vals[2], lens[2]) : "";
	return 1;
}

/* Collects the first column of every row (e-mail addresses). */
struct addrs {
	arena *a;
	const char *to[64];
	int n;
};

/* db_query callback filling a struct addrs. */
static int cb_addr(void *ctx, int ncols, const char *const *names, const char *const *vals,
		   const unsigned long *lens)
{
	struct addrs *ad = ctx;

	(void)names;
	if (ncols < 1 || !vals[0] || ad->n >= 64)
		return ad->n >= 64;
	ad->to[ad->n++] = arena_strndup(ad->a, vals[0], lens[0]);
	return 0;
}

/* Queues a mail to every super agent / super répondant over the scope's
 * structure: an answer waits for their validation. */
static int notify_validators(request *r, const struct agent_answer_ctx *sc, const char *title)
{
	struct addrs ad = { .a = r->a };
	const char *text = arena_printf(
		r->a,
		"Bonjour,\n\nUne réponse à l'expérience « %s » attend votre validation.\n\n"
		"Pour la relire, puis la publier ou la renvoyer avec une remarque :\n"
		"%s/agent/experiences/%lld?structure=%lld\n\nL'équipe Services Publics+\n",
		title ? title : "", r->cfg->base_url, sc->exp_id, sc->sid);

	if (!text)
		return SPP_ENOMEM;
	if (db_query(&q_validators, DB_ARGS(A_INT(sc->sid)), cb_addr, &ad) < 0)
		return SPP_EDB;
	for (int i = 0; i < ad.n; i++)
		if (mail_queue(ad.to[i], "Une réponse attend votre validation", text, NULL) !=
		    SPP_OK)
			return SPP_EDB;
	return SPP_OK;
}

/*
 * First publication of the scope's answer: creates its rating link and
 * mails the author of the experience (in the caller's transaction).
 */
static int mail_author(request *r, const struct agent_answer_ctx *sc, long long answer_id)
{
	struct exp_mail e = { .a = r->a };
	char *token = NULL;
	const char *text;

	if (db_query(&q_exp_mail, DB_ARGS(A_INT(sc->sid), A_INT(sc->exp_id)), cb_exp_mail, &e) < 0)
		return SPP_EDB;
	if (rating_create_token(answer_id, r->a, &token) != SPP_OK)
		return SPP_EDB;
	if (!e.email)
		return SPP_OK;
	text = arena_printf(
		r->a,
		"Bonjour,\n\n%s a répondu à votre expérience « %s » publiée sur Services Publics+.\n\n"
		"Lire la réponse :\n%s/experiences/%lld\n\n"
		"Cette réponse vous a-t-elle été utile ? Donnez votre avis (lien personnel, à ne pas "
		"transmettre) :\n%s/avis-reponse/%s\n\nL'équipe Services Publics+\n",
		e.name, e.title, r->cfg->base_url, sc->exp_id, r->cfg->base_url, token);
	if (!text)
		return SPP_ENOMEM;
	return mail_queue(e.email, "Une réponse a été apportée à votre expérience", text, NULL) ==
			       SPP_OK ?
		       SPP_OK :
		       SPP_EDB;
}

/* Writes the answer and applies its status (contract in agent_answer.h). */
int agent_answer_save(request *r, const struct agent_answer_ctx *sc, const char *status,
		      const char *text, const char *formula, const char *signature,
		      const char **what)
{
	long long aid = sc->answer_id;
	uint64_t id = 0;
	int has_text = text && *text;
	int first_publication = !sc->answer_status || strcmp(sc->answer_status, "publiee");

	*what = NULL;
	if (!aid && !has_text)
		return SPP_OK; /* nothing written yet, nothing to keep */
	if (!aid) {
		if (db_exec(&i_answer,
			    DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid), A_INT(agent_user_id(r)),
				    A_STR(text), A_STR(formula), A_STR(signature)),
			    NULL, &id) < 0)
			return SPP_EDB;
		aid = (long long)id;
	} else {
		if (db_exec(&u_answer_text,
			    DB_ARGS(A_STR(text ? text : ""), A_STR(formula), A_STR(signature),
				    A_INT(aid)),
			    NULL, NULL) < 0)
			return SPP_EDB;
		if (strcmp(status, "repondu") &&
		    db_exec(&u_answer_author, DB_ARGS(A_INT(agent_user_id(r)), A_INT(aid)), NULL,
			    NULL) < 0)
			return SPP_EDB;
	}
	if (!strcmp(status, "brouillon")) {
		*what = "experience_answer_draft";
		if (db_exec(&u_answer_draft, DB_ARGS(A_INT(aid)), NULL, NULL) < 0 ||
		    db_exec(&u_es_state,
			    DB_ARGS(A_STR(has_text ? "brouillon" : "a_traiter"), A_INT(sc->exp_id),
				    A_INT(sc->sid)),
			    NULL, NULL) < 0)
			return SPP_EDB;
		return SPP_OK;
	}
	if (!strcmp(status, "en_attente")) {
		*what = "experience_answer_submit";
		if (db_exec(&u_answer_submit, DB_ARGS(A_INT(aid)), NULL, NULL) < 0 ||
		    db_exec(&u_es_state,
			    DB_ARGS(A_STR("en_attente"), A_INT(sc->exp_id), A_INT(sc->sid)), NULL,
			    NULL) < 0)
			return SPP_EDB;
		if (!sc->answer_status || strcmp(sc->answer_status, "en_attente")) {
			struct exp_mail e = { .a = r->a };
			if (db_query(&q_exp_mail, DB_ARGS(A_INT(sc->sid), A_INT(sc->exp_id)),
				     cb_exp_mail, &e) < 0)
				return SPP_EDB;
			return notify_validators(r, sc, e.title);
		}
		return SPP_OK;
	}
	*what = first_publication ? "experience_answer_publish" : "experience_answer_update";
	if (db_exec(&u_answer_publish, DB_ARGS(A_INT(agent_user_id(r)), A_INT(aid)), NULL, NULL) <
		    0 ||
	    db_exec(&u_es_answered, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), NULL, NULL) < 0)
		return SPP_EDB;
	return first_publication ? mail_author(r, sc, aid) : SPP_OK;
}

/* Sends a pending answer back with a remark (contract in agent_answer.h). */
int agent_answer_send_back(request *r, const struct agent_answer_ctx *c, long long author_user_id,
			   const char *remark)
{
	char *to = NULL;
	const char *text;

	if (db_exec(&u_answer_back, DB_ARGS(A_STR(remark), A_INT(c->answer_id)), NULL, NULL) < 0 ||
	    db_exec(&u_es_state, DB_ARGS(A_STR("brouillon"), A_INT(c->exp_id), A_INT(c->sid)), NULL,
		    NULL) < 0)
		return SPP_EDB;
	if (!author_user_id)
		return SPP_OK;
	if (db_str(&q_user_email, DB_ARGS(A_INT(author_user_id)), r->a, &to) < 0)
		return SPP_EDB;
	if (!to)
		return SPP_OK;
	text = arena_printf(
		r->a,
		"Bonjour,\n\nVotre réponse à une expérience vous est renvoyée avec cette "
		"remarque :\n\n%s\n\nPour la reprendre :\n%s/agent/experiences/%lld?structure=%lld"
		"\n\nL'équipe Services Publics+\n",
		remark, r->cfg->base_url, c->exp_id, c->sid);
	if (!text)
		return SPP_ENOMEM;
	return mail_queue(to, "Votre réponse vous est renvoyée", text, NULL) == SPP_OK ? SPP_OK :
											 SPP_EDB;
}
