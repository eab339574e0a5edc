/*
 * page_deposit.c — «Donner mon avis»: the deposit form of an experience
 * (SPEC §3.3) and its confirmation page.
 *
 * One form, which works without JavaScript: the organisme search is a
 * submit button of the same form (action=rechercher) that re-renders the
 * page with the matching structures as checkboxes and every typed value
 * kept; a plain GET /donner-mon-avis?recherche=… does the same for links.
 * «Envoyer» (action=envoyer) validates everything on the server; errors
 * come back next to each field and in a summary at the top (status 422).
 *
 * A double submit creates one experience: the form carries a random
 * submit_key, stored in experiences.submit_key (UNIQUE); a duplicate
 * insert means "already received" and leads to the same confirmation.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "mail.h"
#include "page_experience.h"
#include "page_util.h"
#include "request.h"
#include "xml.h"

#define MAX_ORGANISMES 10
#define SEARCH_WORDS   3
#define SEARCH_LIMIT   30
#define KEY_BYTES      16

static const char *const france_values[] = { "oui", "non", NULL };
static const char *const source_values[] = { "lien", "banniere", "qrcode", NULL };
static const char *const action_values[] = { "envoyer", "rechercher", NULL };

/* Declared fields; organisme, canal and ressenti_<canal> repeat or
 * depend on the channel list, and are read from the form directly. */
const field deposit_fields[] = {
	{ .name = "recherche", .type = F_LINE, .max = 100 },
	{ .name = "titre", .type = F_LINE, .required = 1, .max = 200 },
	{ .name = "description", .type = F_TEXT, .required = 1, .max = 5000 },
	{ .name = "ressenti", .type = F_ENUM, .required = 1, .values = expub_feelings },
	{ .name = "date", .type = F_DATE, .required = 1 },
	{ .name = "pseudo", .type = F_LINE, .required = 1, .max = 60 },
	{ .name = "france", .type = F_ENUM, .required = 1, .values = france_values },
	{ .name = "code_postal", .type = F_POSTCODE },
	{ .name = "email", .type = F_EMAIL, .required = 1 },
	{ .name = "charte", .type = F_BOOL },
	{ .name = "submit_key", .type = F_LINE, .max = 64 },
	{ .name = "source", .type = F_ENUM, .values = source_values },
	{ .name = "code", .type = F_LINE, .max = 32 },
	{ .name = "action", .type = F_ENUM, .values = action_values },
	{ 0 },
};

static db_stmt q_channels = DB_STMT("SELECT code, label FROM channels ORDER BY position");
static db_stmt q_structure = DB_STMT(
	"SELECT s.id, s.name, s.commune, s.postal_code, n.short_name AS network"
	" FROM structures s JOIN networks n ON n.id = s.network_id WHERE s.id = ? AND s.active = 1");
/* Every word must appear in the name or the commune, or start the postal
 * code (accents and case ignored by the collation). */
#define WORD_MATCH " AND (? IS NULL OR s.name LIKE ? OR s.commune LIKE ? OR s.postal_code LIKE ?)"
static db_stmt q_search = DB_STMT(
	"SELECT s.id, s.name, s.commune, s.postal_code, n.short_name AS network"
	" FROM structures s JOIN networks n ON n.id = s.network_id WHERE s.active = 1" WORD_MATCH
		WORD_MATCH WORD_MATCH " ORDER BY s.depth, s.name, s.id LIMIT 31");
static db_stmt q_insert = DB_STMT(
	"INSERT INTO experiences (title, body, feeling, event_date, pseudonym, lives_in_france,"
	" postal_code, email, status, source, tracking_code, submit_key)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'a_moderer', ?, ?, ?)");
static db_stmt q_insert_structure =
	DB_STMT("INSERT INTO experience_structures (experience_id, structure_id) VALUES (?, ?)");
static db_stmt q_insert_channel = DB_STMT(
	"INSERT INTO experience_channels (experience_id, channel_code, feeling) VALUES (?, ?, ?)");

/* A channel of the form: from the table, with what was chosen. */
struct channel {
	char code[32];
	char label[100];
	int checked;
	const char *feeling; /* as typed (may be invalid) */
	const char *error;
};

struct form {
	request *r;
	const kvlist *src;
	int sending;
	long long org[MAX_ORGANISMES];
	int norg;
	const char *org_error;
	struct channel ch[16];
	int nch;
	const char *ch_error;
	const char *errors[16]; /* per deposit_fields index: our own message */
	int nerrors;
	char date_min[11], date_max[11];
	char key[KEY_BYTES * 2 + 1];
};

/* Index of a declared field. */
static int fidx(const char *name)
{
	for (int i = 0; deposit_fields[i].name; i++)
		if (!strcmp(deposit_fields[i].name, name))
			return i;
	return -1;
}

/* Collects the channel rows. */
static int channel_row(void *p, int ncols, const char *const *names, const char *const *v,
		       const unsigned long *lens)
{
	struct form *f = p;
	struct channel *c;

	(void)ncols;
	(void)names;
	(void)lens;
	if (f->nch >= (int)(sizeof f->ch / sizeof f->ch[0]))
		return 1;
	c = &f->ch[f->nch++];
	snprintf(c->code, sizeof c->code, "%s", v[0]);
	snprintf(c->label, sizeof c->label, "%s", v[1]);
	return 0;
}

/* The limits of the event date: two years ago to today, where today is
 * taken 12 hours ahead of UTC so that a visitor in any French territory
 * can give their own today. */
static void date_limits(struct form *f)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	tm.tm_year -= 2;
	if (tm.tm_mon == 1 && tm.tm_mday == 29)
		tm.tm_mday = 28;
	strftime(f->date_min, sizeof f->date_min, "%Y-%m-%d", &tm);
	now += 12 * 3600;
	gmtime_r(&now, &tm);
	strftime(f->date_max, sizeof f->date_max, "%Y-%m-%d", &tm);
}

/* Reads the organisme ids of the form (duplicates and junk ignored). */
static void read_organismes(struct form *f)
{
	int too_many = 0;

	for (const kv *p = f->src->head; p; p = p->next) {
		if (strcmp(p->key, "organisme"))
			continue;
		long long id = expub_parse_id(p->val);
		int dup = 0;
		if (!id)
			continue;
		for (int i = 0; i < f->norg; i++)
			dup |= f->org[i] == id;
		if (dup)
			continue;
		if (f->norg == MAX_ORGANISMES) {
			too_many = 1;
			continue;
		}
		f->org[f->norg++] = id;
	}
	if (too_many)
		f->org_error = "Vous pouvez choisir au plus 10 organismes.";
}

/* Reads the chosen channels and their feelings. */
static void read_channels(struct form *f)
{
	char name[48];

	for (int i = 0; i < f->nch; i++) {
		struct channel *c = &f->ch[i];
		for (const kv *p = f->src->head; p; p = p->next)
			if (!strcmp(p->key, "canal") && !strcmp(p->val, c->code))
				c->checked = 1;
		snprintf(name, sizeof name, "ressenti_%s", c->code);
		c->feeling = kv_get(f->src, name);
	}
}

/* A French message per field for the cases the generic validator words
 * less clearly. */
static const char *field_message(const char *name, const fieldval *v)
{
	static const struct {
		const char *name, *required, *too_long;
	} msgs[] = {
		{ "titre", "Donnez un titre à votre expérience.",
		  "Le titre ne doit pas dépasser 200 caractères." },
		{ "description", "Décrivez votre expérience.",
		  "La description ne doit pas dépasser 5 000 caractères." },
		{ "ressenti", "Indiquez votre ressenti général.", NULL },
		{ "date", "Indiquez la date de votre expérience.", NULL },
		{ "pseudo", "Choisissez un pseudonyme.",
		  "Le pseudonyme ne doit pas dépasser 60 caractères." },
		{ "france", "Indiquez si vous résidez en France.", NULL },
		{ "email", "Indiquez votre adresse électronique.", NULL },
		{ "recherche", NULL, "La recherche ne doit pas dépasser 100 caractères." },
	};

	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		if (strcmp(msgs[i].name, name))
			continue;
		if (!v->present && msgs[i].required)
			return msgs[i].required;
		if (msgs[i].too_long && !strcmp(v->error, "Ce texte est trop long."))
			return msgs[i].too_long;
	}
	return v->error;
}

/* Checks the whole form; fills f->errors, returns the number of errors. */
static int check_form(struct form *f, xmlNodePtr orgs)
{
	request *r = f->r;
	int n = 0;

	for (int i = 0; i < r->nfields; i++) {
		const fieldval *v = &r->fv[i];
		const char *name = v->f->name;
		if (v->error && strcmp(name, "submit_key") && strcmp(name, "source") &&
		    strcmp(name, "code") && strcmp(name, "action")) {
			f->errors[i] = field_message(name, v);
			n++;
		}
	}
	const fieldval *date = req_field(r, "date");
	if (date->present && !date->error) {
		if (strcmp(date->s, f->date_max) > 0) {
			f->errors[fidx("date")] =
				"La date de votre expérience ne peut pas être dans le futur.";
			n++;
		} else if (strcmp(date->s, f->date_min) < 0) {
			f->errors[fidx("date")] =
				"La date de votre expérience doit être comprise dans les deux dernières années.";
			n++;
		}
	}
	const fieldval *fr = req_field(r, "france"), *cp = req_field(r, "code_postal");
	if (fr->present && !fr->error && fr->i == 0 && !cp->present && !cp->error) {
		f->errors[fidx("code_postal")] =
			"Indiquez votre code postal (vous résidez en France).";
		n++;
	}
	if (!req_field(r, "charte")->i) {
		f->errors[fidx("charte")] =
			"Vous devez accepter la charte de modération pour envoyer votre expérience.";
		n++;
	}
	if (!f->org_error && f->norg == 0)
		f->org_error = "Choisissez au moins un organisme concerné par votre expérience.";
	if (!f->org_error && orgs) {
		int found = 0;
		for (xmlNodePtr c = orgs->children; c; c = c->next)
			found++;
		if (found != f->norg)
			f->org_error =
				"Un des organismes choisis n'existe pas ou plus : vérifiez votre choix.";
	}
	if (f->org_error)
		n++;
	int chosen = 0;
	for (int i = 0; i < f->nch; i++) {
		struct channel *c = &f->ch[i];
		if (!c->checked)
			continue;
		chosen++;
		if (!c->feeling || val_enum(c->feeling, expub_feelings, NULL)) {
			c->error = "Indiquez votre ressenti pour ce canal de contact.";
			n++;
		}
	}
	if (!chosen) {
		f->ch_error = "Indiquez au moins un canal de contact que vous avez utilisé.";
		n++;
	}
	return n;
}

/* Copies the search words into LIKE patterns (wildcards escaped). */
static char *like_pattern(arena *a, const char *w, size_t n, int prefix_only)
{
	char *o = arena_alloc(a, n * 2 + 3), *p = o;

	if (!o)
		return NULL;
	if (!prefix_only)
		*p++ = '%';
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '%' || w[i] == '_' || w[i] == '\\')
			*p++ = '\\';
		*p++ = w[i];
	}
	*p++ = '%';
	*p = '\0';
	return o;
}

/* Runs the structure search for the words of q under parent. */
static int search_structures(request *r, const char *q, xmlNodePtr parent)
{
	dbarg args[SEARCH_WORDS * 4];
	int nw = 0;
	const char *p = q;

	for (int i = 0; i < SEARCH_WORDS * 4; i++)
		args[i] = A_NULL;
	while (*p && nw < SEARCH_WORDS) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		char *any = like_pattern(r->a, p, n, 0), *pre = like_pattern(r->a, p, n, 1);
		if (!any || !pre)
			return SPP_ENOMEM;
		args[nw * 4] = A_INT(1);
		args[nw * 4 + 1] = A_STR(any);
		args[nw * 4 + 2] = A_STR(any);
		args[nw * 4 + 3] = A_STR(pre);
		nw++;
		p += n;
	}
	if (!nw)
		return 0;
	int rc = db_xml(&q_search, args, SEARCH_WORDS * 4, parent, "structure");
	if (rc > SEARCH_LIMIT) {
		xmlNodePtr last = xmlGetLastChild(parent);
		xmlUnlinkNode(last);
		xmlFreeNode(last);
		x_attr(parent, "more", "1");
	}
	return rc < 0 ? SPP_EDB : rc;
}

/* Builds <deposit> with the form's state for the stylesheet. */
static int form_xml(struct form *f, xmlNodePtr orgs_found)
{
	request *r = f->r;
	xmlNodePtr d = req_data(r, "deposit"), form = x_el(d, "form");
	const fieldval *rech = req_field(r, "recherche");

	if (f->sending) {
		x_attr(form, "sending", "1");
		x_attr_int(form, "errors", f->nerrors);
	}
	x_text(d, "date-min", f->date_min);
	x_text(d, "date-max", f->date_max);
	x_text(form, "submit-key", f->key);
	for (int i = 0; i < r->nfields; i++) {
		const fieldval *v = &r->fv[i];
		xmlNodePtr e = x_text(form, "field", v->raw ? v->raw : "");
		x_attr(e, "name", v->f->name);
		if (f->sending && f->errors[i])
			x_attr(e, "error", f->errors[i]);
	}
	xmlNodePtr orgs = x_el(form, "organismes");
	if (f->sending && f->org_error)
		x_attr(orgs, "error", f->org_error);
	if (orgs_found) {
		xmlUnlinkNode(orgs_found);
		for (xmlNodePtr c = orgs_found->children; c;) {
			xmlNodePtr next = c->next;
			xmlUnlinkNode(c);
			xmlAddChild(orgs, c);
			c = next;
		}
		xmlFreeNode(orgs_found);
	}
	if (rech && rech->error) {
		xmlNodePtr s = x_el(form, "search");
		x_attr(s, "error", field_message("recherche", rech));
	} else if (rech && rech->s) {
		xmlNodePtr s = x_el(form, "search");
		int rc = search_structures(r, rech->s, s);
		if (rc < 0)
			return 503;
		x_attr_int(s, "count", rc);
	}
	xmlNodePtr chs = x_el(form, "channels");
	if (f->sending && f->ch_error)
		x_attr(chs, "error", f->ch_error);
	for (int i = 0; i < f->nch; i++) {
		struct channel *c = &f->ch[i];
		xmlNodePtr e = x_text(chs, "channel", c->label);
		x_attr(e, "code", c->code);
		if (c->checked)
			x_attr(e, "checked", "1");
		if (c->feeling)
			x_attr(e, "feeling", c->feeling);
		if (f->sending && c->error)
			x_attr(e, "error", c->error);
	}
	return 200;
}

/* The selected structures, as <organismes><structure>… (detached node). */
static xmlNodePtr load_organismes(struct form *f, int *rc)
{
	xmlNodePtr tmp = xmlNewNode(NULL, (const xmlChar *)"organismes");

	*rc = SPP_OK;
	if (!tmp) {
		*rc = SPP_ENOMEM;
		return NULL;
	}
	for (int i = 0; i < f->norg; i++) {
		if (db_xml(&q_structure, DB_ARGS(A_INT(f->org[i])), tmp, "structure") < 0) {
			*rc = SPP_EDB;
			xmlFreeNode(tmp);
			return NULL;
		}
	}
	return tmp;
}

/* Decodes the 32 hex digits of the form's submit key; 0 when invalid. */
static int key_decode(const char *hex, unsigned char *out)
{
	size_t len;

	if (!hex || strlen(hex) != KEY_BYTES * 2)
		return 0;
	return sodium_hex2bin(out, KEY_BYTES, hex, KEY_BYTES * 2, NULL, &len, NULL) == 0 &&
	       len == KEY_BYTES;
}

/* 1 when a tracking code is made of letters, digits, '-' and '_'. */
static int code_ok(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The acknowledgement mail to the author. */
static int queue_ack(request *r, const char *to, const char *pseudo, const char *title)
{
	const char *text = arena_printf(
		r->a,
		"Bonjour %s,\n\n"
		"Nous avons bien reçu votre expérience « %s », déposée sur Services Publics+.\n\n"
		"Avant d'être publiée, elle va être relue par notre équipe de modération, qui vérifie "
		"qu'elle respecte la charte de modération : pas de données personnelles, pas de propos "
		"injurieux, un sujet qui concerne un service public. Vous recevrez un courriel dès "
		"qu'elle aura été publiée, ou si elle ne peut pas l'être.\n\n"
		"Une fois votre expérience publiée, les organismes concernés sont prévenus et peuvent "
		"vous répondre. Vous recevrez alors un lien personnel pour indiquer si leur réponse vous "
		"a été utile.\n\n"
		"Merci pour votre participation.\n\n"
		"L'équipe Services Publics+\n"
		"Ce message est envoyé automatiquement : merci de ne pas y répondre.\n",
		pseudo, title);

	if (!text)
		return SPP_ENOMEM;
	return mail_queue(to, "Votre expérience a bien été reçue", text, NULL);
}

/* Writes the experience and everything that goes with it, in one
 * transaction. Returns 303 (to the confirmation) or an error status. */
static int save(struct form *f)
{
	request *r = f->r;
	unsigned char key[KEY_BYTES];
	const char *source = req_str(r, "source"), *code = req_str(r, "code");
	const fieldval *fr = req_field(r, "france");
	uint64_t id = 0;
	int rc;

	if (!key_decode(req_str(r, "submit_key"), key))
		randombytes_buf(key, sizeof key);
	if (!source || !code_ok(code)) {
		source = source ? source : "direct";
		code = NULL;
	}
	if (db_begin() != SPP_OK)
		return 503;
	rc = db_exec(&q_insert,
		     DB_ARGS(A_STR(req_str(r, "titre")), A_STR(req_str(r, "description")),
			     A_STR(req_str(r, "ressenti")), A_STR(req_str(r, "date")),
			     A_STR(req_str(r, "pseudo")), A_INT(fr->i == 0),
			     A_STR(fr->i == 0 ? req_str(r, "code_postal") : NULL),
			     A_STR(req_str(r, "email")), A_STR(source), A_STR(code),
			     A_BLOB((const char *)key, sizeof key)),
		     NULL, &id);
	if (rc == SPP_ECONFLICT) {
		/* the same form sent twice: it is already there */
		db_rollback();
		return req_redirect(r, "/donner-mon-avis/merci");
	}
	if (rc != SPP_OK)
		goto fail;
	for (int i = 0; i < f->norg; i++)
		if (db_exec(&q_insert_structure, DB_ARGS(A_INT(id), A_INT(f->org[i])), NULL,
			    NULL) != SPP_OK)
			goto fail;
	for (int i = 0; i < f->nch; i++)
		if (f->ch[i].checked &&
		    db_exec(&q_insert_channel,
			    DB_ARGS(A_INT(id), A_STR(f->ch[i].code), A_STR(f->ch[i].feeling)), NULL,
			    NULL) != SPP_OK)
			goto fail;
	if (queue_ack(r, req_str(r, "email"), req_str(r, "pseudo"), req_str(r, "titre")) !=
		    SPP_OK ||
	    audit(r, 0, "experience_deposit", "experience", (long long)id,
		  arena_printf(r->a, "source=%s organismes=%d", source, f->norg)) != SPP_OK ||
	    db_commit() != SPP_OK)
		goto fail;
	return req_redirect(r, "/donner-mon-avis/merci");
fail:
	spp_log("deposit: %s", db_last_error());
	db_rollback();
	return 503;
}

/* See page_experience.h: GET and POST /donner-mon-avis. */
int deposit_form(request *r)
{
	struct form f = { .r = r };
	xmlNodePtr orgs;
	unsigned char key[KEY_BYTES];
	int rc;

	f.src = r->method == M_POST ? &r->form : &r->query;
	f.sending = r->method == M_POST &&
		    !(req_str(r, "action") && !strcmp(req_str(r, "action"), "rechercher"));
	if (!auth_anon_csrf(r))
		return 500;
	date_limits(&f);
	if (db_query(&q_channels, DB_NOARGS, channel_row, &f) < 0)
		return 503;
	read_organismes(&f);
	read_channels(&f);
	orgs = load_organismes(&f, &rc);
	if (rc != SPP_OK)
		return rc == SPP_EDB ? 503 : 500;
	if (f.sending) {
		f.nerrors = check_form(&f, orgs);
		if (!f.nerrors) {
			xmlFreeNode(orgs);
			return save(&f);
		}
	}
	/* keep the key of the form being filled in, so a retry is recognised */
	if (!key_decode(req_str(r, "submit_key"), key))
		randombytes_buf(key, sizeof key);
	sodium_bin2hex(f.key, sizeof f.key, key, sizeof key);
	rc = form_xml(&f, orgs);
	if (rc != 200)
		return rc;
	if (f.sending) {
		r->sheet = "deposit";
		return 422;
	}
	return 200;
}

/* See page_experience.h: GET /donner-mon-avis/merci. */
int deposit_thanks(request *r)
{
	(void)r;
	return 200;
}
