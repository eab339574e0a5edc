/*
 * page_agent_experience.c — one experience on the agents' side, seen from
 * one structure it concerns (/agent/experiences/<id>?structure=<sid>):
 * assignment and reassignment to a child structure, the «Organisme» block
 * (tags, channels, improvement flag), the answer workflow (draft, submit
 * for validation, publish, send back) and the agents' comments.
 *
 * Record-level rules: the (experience, structure) pair must be one of a
 * published experience on a structure the user can act on, else 404;
 * changing it needs CAP_ANSWER on that structure (403), publishing
 * CAP_PUBLISH, sending back CAP_VALIDATE. Every change is audited and
 * made in one transaction guarded by experience_structures.version.
 */
#include <string.h>

#include "agent_answer.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_agent.h"
#include "page_util.h"
#include "request.h"
#include "search.h"
#include "xml.h"

#define ANSWER_MAX  10000
#define FORMULA_MAX 2000
#define COMMENT_MAX 5000

/* The (experience, structure) pair a request works on. */
struct scope {
	long long exp_id, sid, network_id, version, assigned, answer_id;
	const char *state;	   /* experience_structures.state */
	const char *answer_status; /* NULL when there is no answer yet */
	const char *answer_formula, *answer_signature;
	long long answer_author;
};

/* ------------------------------------------------------------------ */
/* Statements                                                          */

static db_stmt q_scope = DB_STMT(
	"SELECT es.structure_id FROM experience_structures es"
	" JOIN experiences e ON e.id = es.experience_id"
	" JOIN structures s ON s.id = es.structure_id"
	" WHERE es.experience_id = ? AND e.status = 'publiee' AND (? = 0 OR es.structure_id = ?)"
	" AND " AGENT_VIS_SQL " ORDER BY s.depth DESC, s.id LIMIT 1");
static db_stmt q_es = DB_STMT(
	"SELECT es.structure_id, s.name AS structure, s.code_sp, s.network_id, es.state,"
	" es.assigned_user_id, es.improvement, es.version, es.first_answer_at, es.published_at,"
	" COALESCE(NULLIF(u.display_name, ''), u.username) AS assignee"
	" FROM experience_structures es JOIN structures s ON s.id = es.structure_id"
	" LEFT JOIN users u ON u.id = es.assigned_user_id"
	" WHERE es.experience_id = ? AND es.structure_id = ?");
static db_stmt q_experience = DB_STMT(
	"SELECT e.id, e.title, e.body, e.feeling, e.event_date, e.pseudonym, e.lives_in_france,"
	" e.postal_code, e.published_at FROM experiences e WHERE e.id = ?");
static db_stmt q_concerned = DB_STMT(
	"SELECT s.id, s.name, s.code_sp, es.state FROM experience_structures es"
	" JOIN structures s ON s.id = es.structure_id WHERE es.experience_id = ? ORDER BY s.name");
static db_stmt q_answer = DB_STMT(
	"SELECT a.id, a.body, a.formula, a.signature, a.status, a.validation_remark, a.updated_at,"
	" a.submitted_at, a.published_at, a.author_user_id,"
	" COALESCE(NULLIF(u.display_name, ''), u.username) AS author"
	" FROM answers a LEFT JOIN users u ON u.id = a.author_user_id"
	" WHERE a.experience_id = ? AND a.structure_id = ?");
static db_stmt q_assignees = DB_STMT(
	"SELECT DISTINCT u.id, COALESCE(NULLIF(u.display_name, ''), u.username) AS name"
	" FROM memberships m JOIN users u ON u.id = m.user_id"
	" JOIN structures ms ON ms.id = m.structure_id JOIN structures s ON s.id = ?"
	" WHERE u.active = 1 AND m.role IN ('agent','repondant','super_agent','super_repondant')"
	" AND (m.structure_id = s.id OR (m.role IN ('super_agent','super_repondant')"
	" AND s.path LIKE CONCAT(ms.path, '%'))) ORDER BY name");
static db_stmt q_assignee_ok =
	DB_STMT("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id"
		" JOIN structures ms ON ms.id = m.structure_id JOIN structures s ON s.id = ?"
		" WHERE u.id = ? AND u.active = 1"
		" AND m.role IN ('agent','repondant','super_agent','super_repondant')"
		" AND (m.structure_id = s.id OR (m.role IN ('super_agent','super_repondant')"
		" AND s.path LIKE CONCAT(ms.path, '%')))");
static db_stmt q_children = DB_STMT(
	"SELECT c.id, c.name, c.code_sp FROM structures c WHERE c.parent_id = ? AND c.active = 1"
	" AND NOT EXISTS (SELECT 1 FROM experience_structures x"
	" WHERE x.experience_id = ? AND x.structure_id = c.id) ORDER BY c.name");
static db_stmt q_child_ok = DB_STMT(
	"SELECT COUNT(*) FROM structures c WHERE c.id = ? AND c.parent_id = ? AND c.active = 1"
	" AND NOT EXISTS (SELECT 1 FROM experience_structures x"
	" WHERE x.experience_id = ? AND x.structure_id = c.id)");
static db_stmt q_channels = DB_STMT(
	"SELECT c.code, c.label, ec.feeling FROM channels c LEFT JOIN experience_channels ec"
	" ON ec.channel_code = c.code AND ec.experience_id = ? ORDER BY c.position");
static db_stmt q_tags = DB_STMT(
	"SELECT t.id, t.label, (et.tag_id IS NOT NULL) AS checked FROM tags t"
	" LEFT JOIN experience_tags et ON et.tag_id = t.id AND et.experience_id = ?"
	" AND et.structure_id = ? WHERE t.network_id <=> ? AND (t.active = 1 OR et.tag_id IS NOT NULL)"
	" ORDER BY t.label");
static db_stmt q_formulas = DB_STMT(
	"SELECT id, kind, text FROM user_formulas WHERE user_id = ? ORDER BY kind, position, id");
static db_stmt q_formula_ok =
	DB_STMT("SELECT COUNT(*) FROM user_formulas WHERE user_id = ? AND kind = ? AND text = ?");
static db_stmt q_actions = DB_STMT(
	"SELECT a.id, a.title, a.status, (ea.action_id IS NOT NULL) AS linked FROM actions a"
	" LEFT JOIN experience_actions ea ON ea.action_id = a.id AND ea.experience_id = ?"
	" WHERE a.structure_id = ? ORDER BY a.status = 'realisee', a.title, a.id");
static db_stmt q_comments = DB_STMT(
	"SELECT c.id, c.body AS `comment-body`, c.created_at, COALESCE(NULLIF(u.display_name, ''), u.username) AS author,"
	" s.name AS structure FROM comments c LEFT JOIN users u ON u.id = c.user_id"
	" LEFT JOIN structures s ON s.id = c.structure_id WHERE c.experience_id = ?"
	" ORDER BY c.created_at, c.id");

static db_stmt u_es = DB_STMT(
	"UPDATE experience_structures SET assigned_user_id = ?, improvement = ?,"
	" version = version + 1 WHERE experience_id = ? AND structure_id = ? AND version = ?");
static db_stmt u_es_bump = DB_STMT("UPDATE experience_structures SET version = version + 1"
				   " WHERE experience_id = ? AND structure_id = ? AND version = ?");
static db_stmt d_channels = DB_STMT("DELETE FROM experience_channels WHERE experience_id = ?");
static db_stmt i_channel = DB_STMT(
	"INSERT INTO experience_channels (experience_id, channel_code, feeling) VALUES (?, ?, ?)");
static db_stmt d_tags =
	DB_STMT("DELETE FROM experience_tags WHERE experience_id = ? AND structure_id = ?");
static db_stmt i_tag =
	DB_STMT("INSERT IGNORE INTO experience_tags (experience_id, structure_id, tag_id)"
		" SELECT ?, ?, t.id FROM tags t WHERE t.id = ? AND t.active = 1"
		" AND (t.network_id IS NULL OR t.network_id = ?)");
static db_stmt d_actions =
	DB_STMT("DELETE ea FROM experience_actions ea JOIN actions a ON a.id = ea.action_id"
		" WHERE ea.experience_id = ? AND a.structure_id = ?");
static db_stmt i_action =
	DB_STMT("INSERT IGNORE INTO experience_actions (experience_id, action_id)"
		" SELECT ?, a.id FROM actions a WHERE a.id = ? AND a.structure_id = ?");
static db_stmt u_move_es =
	DB_STMT("UPDATE experience_structures SET structure_id = ?, assigned_user_id = NULL,"
		" version = version + 1 WHERE experience_id = ? AND structure_id = ?");
static db_stmt u_move_answer =
	DB_STMT("UPDATE answers SET structure_id = ? WHERE experience_id = ? AND structure_id = ?");
static db_stmt u_move_tags = DB_STMT(
	"UPDATE experience_tags SET structure_id = ? WHERE experience_id = ? AND structure_id = ?");
static db_stmt i_comment = DB_STMT(
	"INSERT INTO comments (experience_id, user_id, structure_id, body) VALUES (?, ?, ?, ?)");

/* ------------------------------------------------------------------ */
/* Fields                                                              */

static const char *const feeling_values[] = { "positif", "neutre", "negatif", NULL };
static const char *const status_values[] = { "brouillon", "en_attente", "repondu", NULL };

/* The channel codes of sql/004_experiences.sql; each is one select
 * «canal_<code>» (empty = channel not used). */
static const char *const channel_codes[] = {
	"accueil_physique",   "telephone", "courrier",	      "courriel",	 "site_internet",
	"application_mobile", "chat",	   "reseaux_sociaux", "visioconference", NULL
};

#define ID_FIELD(n)                                                       \
	{                                                                 \
		.name = (n), .type = F_INT, .min = 1, .max = 4294967295LL \
	}

static const field get_fields[] = {
	ID_FIELD("structure"),
	{ .name = "ok", .type = F_INT, .min = 1, .max = 5 },
	{ 0 },
};

static const field save_fields[] = {
	ID_FIELD("structure"),
	{ .name = "version", .type = F_INT, .required = 1, .min = 0, .max = 4294967295LL },
	{ .name = "attribuee", .type = F_INT, .min = 0, .max = 4294967295LL },
	ID_FIELD("reattribuer"),
	{ .name = "amelioration", .type = F_BOOL },
	{ .name = "canal_accueil_physique", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_telephone", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_courrier", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_courriel", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_site_internet", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_application_mobile", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_chat", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_reseaux_sociaux", .type = F_ENUM, .values = feeling_values },
	{ .name = "canal_visioconference", .type = F_ENUM, .values = feeling_values },
	{ .name = "reponse", .type = F_TEXT, .max = ANSWER_MAX },
	{ .name = "formule", .type = F_TEXT, .max = FORMULA_MAX },
	{ .name = "signature", .type = F_TEXT, .max = FORMULA_MAX },
	{ .name = "statut", .type = F_ENUM, .required = 1, .values = status_values },
	{ 0 },
};

static const field back_fields[] = {
	ID_FIELD("structure"),
	{ .name = "version", .type = F_INT, .required = 1, .min = 0, .max = 4294967295LL },
	{ .name = "remarque", .type = F_TEXT, .required = 1, .min = 1, .max = FORMULA_MAX },
	{ 0 },
};

static const field comment_fields[] = {
	ID_FIELD("structure"),
	{ .name = "commentaire", .type = F_TEXT, .required = 1, .min = 1, .max = COMMENT_MAX },
	{ 0 },
};

/* ------------------------------------------------------------------ */
/* Loading                                                             */

/* A row captured as name → value copies in the arena. */
struct row {
	arena *a;
	kvlist kv;
	int found;
};

/* db_query callback keeping the first row in a struct row. */
static int cb_row(void *ctx, int ncols, const char *const *names, const char *const *vals,
		  const unsigned long *lens)
{
	struct row *w = ctx;

	for (int i = 0; i < ncols; i++)
		if (vals[i])
			kv_add(w->a, &w->kv, arena_strdup(w->a, names[i]),
			       arena_strndup(w->a, vals[i], lens[i]), lens[i]);
	w->found = 1;
	return 1;
}

/* Integer column of a captured row (def when NULL or absent). */
static long long row_int(const struct row *w, const char *name, long long def)
{
	const char *v = kv_get(&w->kv, name);
	long long out;

	return v && !val_int(v, -9223372036854775807LL, 9223372036854775807LL, &out) ? out : def;
}

/*
 * Resolves the request's experience id (path) and structure (field
 * "structure", or the deepest visible one concerned) and loads the pair's
 * state into sc. Returns 0, 404 when the pair is not visible to the user,
 * or 503.
 */
static int load_scope(request *r, struct scope *sc)
{
	long long sid = req_int(r, "structure", 0), found = 0;
	const fieldval *fs = req_field(r, "structure");
	struct row es = { .a = r->a }, an = { .a = r->a };

	memset(sc, 0, sizeof *sc);
	if (r->nargs < 1 || val_int(r->args[0], 1, 4294967295LL, &sc->exp_id))
		return 404;
	if (fs && fs->present && fs->error)
		return 404;
	if (db_int(&q_scope, DB_ARGS(A_INT(sc->exp_id), A_INT(sid), A_INT(sid), AGENT_VIS_ARGS(r)),
		   0, &found) < 0)
		return 503;
	if (!found)
		return 404;
	sc->sid = found;
	if (db_query(&q_es, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), cb_row, &es) < 0 ||
	    db_query(&q_answer, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), cb_row, &an) < 0)
		return 503;
	if (!es.found)
		return 404;
	sc->network_id = row_int(&es, "network_id", 0);
	sc->version = row_int(&es, "version", 0);
	sc->assigned = row_int(&es, "assigned_user_id", 0);
	sc->state = kv_get(&es.kv, "state");
	if (an.found) {
		sc->answer_id = row_int(&an, "id", 0);
		sc->answer_status = kv_get(&an.kv, "status");
		sc->answer_formula = kv_get(&an.kv, "formula");
		sc->answer_signature = kv_get(&an.kv, "signature");
		sc->answer_author = row_int(&an, "author_user_id", 0);
	}
	return 0;
}

/* 1 when the user holds caps on the scope's structure, 0 if not, <0 on
 * failure. */
static int allowed(request *r, const struct scope *sc, unsigned caps)
{
	return auth_structure_allowed(r, sc->sid, caps);
}

/*
 * Builds the screen's document: the experience, this structure's view, the
 * answer, the choices of every select, the comments and the user's
 * rights. `version` is the value of the hidden version field to send
 * back. Returns SPP_OK or SPP_EDB.
 */
static int render_screen(request *r, const struct scope *sc, long long version)
{
	xmlNodePtr root = r->root, n;
	int can_answer = allowed(r, sc, CAP_ANSWER), can_publish = allowed(r, sc, CAP_PUBLISH);
	int can_validate = allowed(r, sc, CAP_VALIDATE);

	if (can_answer < 0 || can_publish < 0 || can_validate < 0)
		return SPP_EDB;
	r->no_store = 1;
	n = x_el(root, "rights");
	if (can_answer)
		x_int(n, "answer", 1);
	if (can_publish)
		x_int(n, "publish", 1);
	if (can_validate)
		x_int(n, "validate", 1);
	x_int(root, "form-version", version);
	if (db_xml_one(&q_experience, DB_ARGS(A_INT(sc->exp_id)), (n = x_el(root, "experience"))) <
		    0 ||
	    db_xml_one(&q_es, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), x_el(root, "es")) < 0 ||
	    db_xml(&q_concerned, DB_ARGS(A_INT(sc->exp_id)), x_el(root, "concerned"), "structure") <
		    0 ||
	    db_xml(&q_channels, DB_ARGS(A_INT(sc->exp_id)), x_el(root, "channels"), "channel") <
		    0 ||
	    db_xml(&q_tags, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid), A_INT(sc->network_id)),
		   x_el(root, "tags-metier"), "tag") < 0 ||
	    db_xml(&q_tags, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid), A_NULL),
		   x_el(root, "tags-general"), "tag") < 0 ||
	    db_xml(&q_actions, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), x_el(root, "actions"),
		   "action") < 0 ||
	    db_xml(&q_comments, DB_ARGS(A_INT(sc->exp_id)), x_el(root, "comments"), "comment") < 0)
		return SPP_EDB;
	page_paras_all(n, "body");
	page_paras_all(xmlDocGetRootElement(r->doc), "comment-body");
	if (sc->answer_id && db_xml_one(&q_answer, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)),
					x_el(root, "answer")) < 0)
		return SPP_EDB;
	if (can_answer) {
		if (db_xml(&q_assignees, DB_ARGS(A_INT(sc->sid)), x_el(root, "assignees"), "user") <
			    0 ||
		    db_xml(&q_children, DB_ARGS(A_INT(sc->sid), A_INT(sc->exp_id)),
			   x_el(root, "children"), "structure") < 0 ||
		    db_xml(&q_formulas, DB_ARGS(A_INT(agent_user_id(r))), x_el(root, "formulas"),
			   "formula") < 0)
			return SPP_EDB;
	}
	return SPP_OK;
}

/* Re-renders the screen after a failed POST, with what was typed (the
 * <form> echo, plus the checked tags and actions) and an optional
 * message. */
static int rerender(request *r, const struct scope *sc, int status, const char *message,
		    long long version)
{
	xmlNodePtr posted;
	long long *ids;
	int n;

	if (render_screen(r, sc, version) != SPP_OK)
		return 503;
	req_form_xml(r, r->root);
	posted = x_el(r->root, "posted");
	if (agent_form_ids(r, "tag", &ids, &n) == SPP_OK)
		for (int i = 0; i < n; i++)
			x_int(posted, "tag", ids[i]);
	if (agent_form_ids(r, "action", &ids, &n) == SPP_OK)
		for (int i = 0; i < n; i++)
			x_int(posted, "action", ids[i]);
	if (message)
		x_text(r->root, "message", message);
	return agent_rerender(r, status);
}

/* Marks field `name` invalid with message (for the re-rendered form). */
static void field_error(request *r, const char *name, const char *message)
{
	fieldval *v = (fieldval *)req_field(r, name);

	if (v && !v->error) {
		v->error = message;
		r->invalid++;
	}
}

/* The answer workflow's view of a scope. */
static struct agent_answer_ctx answer_ctx(const struct scope *sc)
{
	struct agent_answer_ctx ac = { .exp_id = sc->exp_id,
				       .sid = sc->sid,
				       .answer_id = sc->answer_id,
				       .answer_status = sc->answer_status };

	return ac;
}

/* Loads the request's scope (load_scope) and checks the user holds caps on
 * its structure. Returns 0, or the status to answer: 404, 403 or 503. */
static int load_allowed(request *r, struct scope *sc, unsigned caps)
{
	int rc = load_scope(r, sc);

	if (rc)
		return rc;
	rc = allowed(r, sc, caps);
	return rc < 0 ? 503 : rc ? 0 : 403;
}

/*
 * Opens the transaction and runs st, an UPDATE of the scope's
 * experience_structures row guarded by the posted version. Returns 0 when
 * the row was updated (transaction open), -1 when the UPDATE failed (the
 * caller takes its fail path), 503 when no transaction could be opened,
 * or, when another agent saved first, rolls back, reloads the scope and
 * returns the status of the 409 re-render carrying message.
 */
static int begin_versioned(request *r, struct scope *sc, db_stmt *st, const dbarg *args, int nargs,
			   const char *message)
{
	uint64_t affected = 0;

	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(st, args, nargs, &affected, NULL) < 0)
		return -1;
	if (affected)
		return 0;
	db_rollback();
	if (load_scope(r, sc))
		return 503;
	return rerender(r, sc, 409, message, sc->version);
}

/* A POST's failure after db_begin: rolls back, logs `what` failed, 503. */
static int post_failed(const struct scope *sc, const char *what)
{
	db_rollback();
	spp_log("agent experience %lld: %s failed: %s", sc->exp_id, what, db_last_error());
	return 503;
}

/* Redirects to the scope's screen with query suffix `ok` ("1", "4#…"). */
static int redirect_ok(request *r, const struct scope *sc, const char *ok)
{
	return req_redirect(r, arena_printf(r->a, "/agent/experiences/%lld?structure=%lld&ok=%s",
					    sc->exp_id, sc->sid, ok));
}

/* GET /agent/experiences/<id> */
static int h_show(request *r)
{
	struct scope sc;
	int rc = load_scope(r, &sc);

	if (rc)
		return rc;
	if (render_screen(r, &sc, sc.version) != SPP_OK)
		return 503;
	return 200;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

/* 1 when text is the user's own formula of kind, or the answer's current
 * one (a validator keeps the répondant's choice); <0 on failure. */
static int formula_ok(request *r, const char *kind, const char *text, const char *current)
{
	long long n = 0;

	if (!text || !*text || (current && !strcmp(text, current)))
		return 1;
	if (db_int(&q_formula_ok, DB_ARGS(A_INT(agent_user_id(r)), A_STR(kind), A_STR(text)), 0,
		   &n) < 0)
		return SPP_EDB;
	return n > 0;
}

/* What a save changes, read and checked before the transaction. */
struct save {
	long long assignee, move_to;
	int improvement;
	const char *answer, *formula, *signature, *status;
	long long *tags, *actions;
	int ntags, nactions;
};

/*
 * Checks the posted values against the rules that need the database.
 * Marks fields invalid (r->invalid) and returns 0, or returns an HTTP
 * status (403 with *message for a right the user lacks, 503).
 */
static int check_save(request *r, const struct scope *sc, struct save *sv, const char **message)
{
	long long n;
	int ok;

	if (!strcmp(sv->status, "repondu")) {
		ok = allowed(r, sc, CAP_PUBLISH);
		if (ok < 0)
			return 503;
		if (!ok) {
			*message =
				"Votre profil ne permet pas de publier une réponse : choisissez "
				"« Réponse en attente de validation » pour la soumettre à un super "
				"agent ou un super répondant de votre structure.";
			field_error(r, "statut", "Vous ne pouvez pas publier de réponse.");
			return 403;
		}
	}
	if (strcmp(sv->status, "brouillon") && (!sv->answer || !*sv->answer))
		field_error(r, "reponse",
			    "Saisissez votre réponse avant de la soumettre ou de la "
			    "publier.");
	if (sc->answer_status && !strcmp(sc->answer_status, "publiee") &&
	    strcmp(sv->status, "repondu"))
		field_error(r, "statut",
			    "La réponse est déjà publiée : elle ne peut plus redevenir "
			    "un brouillon.");
	if (sv->assignee > 0 && sv->assignee != sc->assigned) {
		if (db_int(&q_assignee_ok, DB_ARGS(A_INT(sc->sid), A_INT(sv->assignee)), 0, &n) < 0)
			return 503;
		if (!n)
			field_error(r, "attribuee", "Choisissez un agent de la structure.");
	}
	if (sv->move_to) {
		if (db_int(&q_child_ok,
			   DB_ARGS(A_INT(sv->move_to), A_INT(sc->sid), A_INT(sc->exp_id)), 0,
			   &n) < 0)
			return 503;
		if (!n)
			field_error(r, "reattribuer",
				    "Choisissez une structure fille de la vôtre qui "
				    "n'est pas déjà concernée.");
	}
	ok = formula_ok(r, "politesse", sv->formula, sc->answer_formula);
	if (ok < 0)
		return 503;
	if (!ok)
		field_error(r, "formule", "Choisissez une de vos formules de politesse.");
	ok = formula_ok(r, "signature", sv->signature, sc->answer_signature);
	if (ok < 0)
		return 503;
	if (!ok)
		field_error(r, "signature", "Choisissez une de vos signatures.");
	return 0;
}

/* Applies the «Organisme» block: channels, tags, actions. */
static int save_organisme(request *r, const struct scope *sc, const struct save *sv)
{
	if (db_exec(&d_channels, DB_ARGS(A_INT(sc->exp_id)), NULL, NULL) < 0)
		return SPP_EDB;
	for (int i = 0; channel_codes[i]; i++) {
		const char *name = arena_printf(r->a, "canal_%s", channel_codes[i]);
		const char *v = name ? req_str(r, name) : NULL;
		if (v && db_exec(&i_channel,
				 DB_ARGS(A_INT(sc->exp_id), A_STR(channel_codes[i]), A_STR(v)),
				 NULL, NULL) < 0)
			return SPP_EDB;
	}
	if (db_exec(&d_tags, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), NULL, NULL) < 0)
		return SPP_EDB;
	for (int i = 0; i < sv->ntags; i++)
		if (db_exec(&i_tag,
			    DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid), A_INT(sv->tags[i]),
				    A_INT(sc->network_id)),
			    NULL, NULL) < 0)
			return SPP_EDB;
	if (db_exec(&d_actions, DB_ARGS(A_INT(sc->exp_id), A_INT(sc->sid)), NULL, NULL) < 0)
		return SPP_EDB;
	for (int i = 0; i < sv->nactions; i++)
		if (db_exec(&i_action,
			    DB_ARGS(A_INT(sc->exp_id), A_INT(sv->actions[i]), A_INT(sc->sid)), NULL,
			    NULL) < 0)
			return SPP_EDB;
	return SPP_OK;
}

/* POST /agent/experiences/<id> — «Enregistrer». */
static int h_save(request *r)
{
	struct scope sc;
	struct agent_answer_ctx ac;
	struct save sv;
	const char *message = NULL, *what = NULL;
	long long posted_version = req_int(r, "version", -1);
	int rc = load_allowed(r, &sc, CAP_ANSWER);

	if (rc)
		return rc;
	memset(&sv, 0, sizeof sv);
	sv.assignee = req_int(r, "attribuee", 0);
	sv.move_to = req_int(r, "reattribuer", 0);
	sv.improvement = (int)req_int(r, "amelioration", 0);
	sv.answer = req_str(r, "reponse");
	sv.formula = req_str(r, "formule");
	sv.signature = req_str(r, "signature");
	sv.status = req_str(r, "statut");
	if (agent_form_ids(r, "tag", &sv.tags, &sv.ntags) != SPP_OK ||
	    agent_form_ids(r, "action", &sv.actions, &sv.nactions) != SPP_OK)
		return 400;
	if (sv.status) {
		rc = check_save(r, &sc, &sv, &message);
		if (rc == 503)
			return 503;
	}
	if (r->invalid || rc)
		return rerender(r, &sc, rc ? rc : 422,
				message ? message :
					  "Le formulaire contient des erreurs : corrigez les "
					  "champs signalés.",
				posted_version);
	rc = begin_versioned(
		r, &sc, &u_es,
		DB_ARGS(sv.assignee > 0 ? A_INT(sv.assignee) : A_NULL, A_INT(sv.improvement),
			A_INT(sc.exp_id), A_INT(sc.sid), A_INT(posted_version)),
		"Cette expérience a été modifiée par un autre agent pendant que vous la "
		"consultiez. Vos saisies sont conservées ci-dessous : vérifiez la version "
		"enregistrée, puis cliquez à nouveau sur « Enregistrer ».");
	if (rc < 0)
		goto fail;
	if (rc)
		return rc;
	ac = answer_ctx(&sc);
	if (save_organisme(r, &sc, &sv) != SPP_OK ||
	    agent_answer_save(r, &ac, sv.status, sv.answer, sv.formula, sv.signature, &what) !=
		    SPP_OK)
		goto fail;
	if (audit(r, 0, "experience_save", "experience", sc.exp_id,
		  arena_printf(r->a, "structure=%lld statut=%s", sc.sid, sv.status)) != SPP_OK)
		goto fail;
	if (what && audit(r, 0, what, "experience", sc.exp_id,
			  arena_printf(r->a, "structure=%lld", sc.sid)) != SPP_OK)
		goto fail;
	if (sv.move_to) {
		if (db_exec(&u_move_es, DB_ARGS(A_INT(sv.move_to), A_INT(sc.exp_id), A_INT(sc.sid)),
			    NULL, NULL) < 0 ||
		    db_exec(&u_move_answer,
			    DB_ARGS(A_INT(sv.move_to), A_INT(sc.exp_id), A_INT(sc.sid)), NULL,
			    NULL) < 0 ||
		    db_exec(&u_move_tags,
			    DB_ARGS(A_INT(sv.move_to), A_INT(sc.exp_id), A_INT(sc.sid)), NULL,
			    NULL) < 0 ||
		    search_index_experience(sc.exp_id) != SPP_OK ||
		    audit(r, 0, "experience_reassign", "experience", sc.exp_id,
			  arena_printf(r->a, "structure=%lld vers=%lld", sc.sid, sv.move_to)) !=
			    SPP_OK)
			goto fail;
	}
	if (db_commit() != SPP_OK)
		goto fail;
	if (sv.move_to)
		return req_redirect(
			r, agent_structure_visible(r, sv.move_to) > 0 ?
				   arena_printf(r->a, "/agent/experiences/%lld?structure=%lld&ok=2",
						sc.exp_id, sv.move_to) :
				   "/agent/experiences?ok=2");
	return redirect_ok(r, &sc, "1");
fail:
	return post_failed(&sc, "save");
}

/* POST /agent/experiences/<id>/renvoi — send a pending answer back to its
 * author with a remark. */
static int h_send_back(request *r)
{
	struct scope sc;
	struct agent_answer_ctx ac;
	long long posted_version = req_int(r, "version", -1);
	int rc = load_allowed(r, &sc, CAP_VALIDATE);
	const char *remark = req_str(r, "remarque");

	if (rc)
		return rc;
	if (r->invalid)
		return rerender(r, &sc, 422, "Indiquez une remarque pour renvoyer la réponse.",
				posted_version);
	if (!sc.answer_status || strcmp(sc.answer_status, "en_attente"))
		return rerender(r, &sc, 409, "Cette réponse n'est plus en attente de validation.",
				sc.version);
	rc = begin_versioned(
		r, &sc, &u_es_bump, DB_ARGS(A_INT(sc.exp_id), A_INT(sc.sid), A_INT(posted_version)),
		"Cette expérience a été modifiée par un autre agent pendant que vous la "
		"consultiez. Votre remarque est conservée ci-dessous : vérifiez la version "
		"enregistrée, puis renvoyez à nouveau.");
	if (rc < 0)
		goto fail;
	if (rc)
		return rc;
	ac = answer_ctx(&sc);
	if (agent_answer_send_back(r, &ac, sc.answer_author, remark) != SPP_OK ||
	    audit(r, 0, "experience_answer_send_back", "experience", sc.exp_id,
		  arena_printf(r->a, "structure=%lld", sc.sid)) != SPP_OK)
		goto fail;
	if (db_commit() != SPP_OK)
		goto fail;
	return redirect_ok(r, &sc, "3");
fail:
	return post_failed(&sc, "send back");
}

/* POST /agent/experiences/<id>/commentaires — adds a comment. Any agent
 * who can see the experience may comment. */
static int h_comment(request *r)
{
	struct scope sc;
	uint64_t id = 0;
	int rc = load_scope(r, &sc);

	if (rc)
		return rc;
	if (r->invalid)
		return rerender(r, &sc, 422, NULL, sc.version);
	if (db_begin() != SPP_OK)
		return 503;
	if (db_exec(&i_comment,
		    DB_ARGS(A_INT(sc.exp_id), A_INT(agent_user_id(r)), A_INT(sc.sid),
			    A_STR(req_str(r, "commentaire"))),
		    NULL, &id) < 0 ||
	    audit(r, 0, "experience_comment", "experience", sc.exp_id,
		  arena_printf(r->a, "structure=%lld commentaire=%llu", sc.sid,
			       (unsigned long long)id)) != SPP_OK ||
	    db_commit() != SPP_OK)
		return post_failed(&sc, "comment");
	return redirect_ok(r, &sc, "4#commentaires");
}

const route page_agent_experience_routes[] = {
	{ "agent-experience", M_GET, "/agent/experiences/*", POOL_WEB, CAP_AGENT, CSRF_NONE, h_show,
	  "agent-experience", get_fields, 0 },
	{ "agent-experience-save", M_POST, "/agent/experiences/*", POOL_WEB, CAP_AGENT, CSRF_TOKEN,
	  h_save, "agent-experience", save_fields, 0 },
	{ "agent-experience-send-back", M_POST, "/agent/experiences/*/renvoi", POOL_WEB, CAP_AGENT,
	  CSRF_TOKEN, h_send_back, "agent-experience", back_fields, 0 },
	{ "agent-experience-comment", M_POST, "/agent/experiences/*/commentaires", POOL_WEB,
	  CAP_AGENT, CSRF_TOKEN, h_comment, "agent-experience", comment_fields, 0 },
	{ 0 },
};
