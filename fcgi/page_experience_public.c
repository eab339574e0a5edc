/*
 * page_experience_public.c — the public reading of experiences: the list
 * (keywords, organisme or network, pages), one experience with its
 * published answers and public improvement actions, and the list of
 * public improvement actions. Also the route table of the whole public
 * experience family (deposit and rating handlers live in their files).
 *
 * Nothing here reads an unpublished experience, an email, a postal code
 * or a comment: every query selects published rows and named columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "page_experience.h"
#include "page_util.h"
#include "request.h"
#include "search.h"
#include "xml.h"

#define LIST_PER_PAGE	 20
#define LIST_MAX_PAGE	 (SEARCH_MAX_OFFSET / LIST_PER_PAGE)
#define EXCERPT_BYTES	 300
#define ACTIONS_PER_PAGE 20

const char *const expub_feelings[] = { "positif", "neutre", "negatif", NULL };

static db_stmt q_structure =
	DB_STMT("SELECT s.id, s.name, s.commune, s.postal_code, n.short_name AS network"
		" FROM structures s JOIN networks n ON n.id = s.network_id WHERE s.id = ?");
static db_stmt q_network = DB_STMT("SELECT id, name, short_name FROM networks WHERE id = ?");
static db_stmt q_networks =
	DB_STMT("SELECT id, short_name, name FROM networks ORDER BY short_name");

static db_stmt q_exp = DB_STMT(
	"SELECT id, title, body, feeling, event_date, published_at, pseudonym FROM experiences"
	" WHERE id = ? AND status = 'publiee'");
static db_stmt q_exp_channels = DB_STMT(
	"SELECT c.code, c.label, ec.feeling FROM experience_channels ec"
	" JOIN channels c ON c.code = ec.channel_code WHERE ec.experience_id = ? ORDER BY c.position");
static db_stmt q_exp_structures =
	DB_STMT("SELECT s.id, s.name, s.commune, n.short_name AS network, a.body AS answer_body,"
		" a.formula AS answer_formula, a.signature AS answer_signature,"
		" a.published_at AS answer_published_at"
		" FROM experience_structures es JOIN structures s ON s.id = es.structure_id"
		" JOIN networks n ON n.id = s.network_id"
		" LEFT JOIN answers a ON a.experience_id = es.experience_id"
		" AND a.structure_id = es.structure_id AND a.status = 'publiee'"
		" WHERE es.experience_id = ? ORDER BY s.name, s.id");
static db_stmt q_exp_actions = DB_STMT(
	"SELECT ac.id, ac.title, ac.description, ac.status, ac.engagement_number, s.name AS structure"
	" FROM experience_actions ea JOIN actions ac ON ac.id = ea.action_id"
	" JOIN structures s ON s.id = ac.structure_id"
	" WHERE ea.experience_id = ? AND ac.is_public = 1 ORDER BY ac.updated_at DESC, ac.id DESC");

static db_stmt q_actions_count = DB_STMT("SELECT COUNT(*) FROM actions WHERE is_public = 1");
static db_stmt q_actions =
	DB_STMT("SELECT ac.id, ac.title, ac.description, ac.status, ac.start_date, ac.end_date,"
		" ac.updated_at, ac.engagement_number, en.text AS engagement, s.id AS structure_id,"
		" s.name AS structure, s.commune, n.short_name AS network"
		" FROM actions ac JOIN structures s ON s.id = ac.structure_id"
		" JOIN networks n ON n.id = s.network_id"
		" LEFT JOIN engagements en ON en.number = ac.engagement_number"
		" WHERE ac.is_public = 1 ORDER BY ac.updated_at DESC, ac.id DESC LIMIT ? OFFSET ?");

static const field list_fields[] = {
	{ .name = "q", .type = F_LINE, .max = 200 },
	{ .name = "organisme", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "reseau", .type = F_INT, .min = 1, .max = 4294967295LL },
	{ .name = "page", .type = F_INT, .min = 1, .max = 1000000000 },
	{ 0 },
};

static const field page_fields[] = {
	{ .name = "page", .type = F_INT, .min = 1, .max = 1000000000 },
	{ 0 },
};

/*
 * The networks of the filter's select, kept per worker for NETWORKS_TTL
 * seconds: reference data that administrators change a few times a year,
 * read by every list page (a query and a sort saved per request). Nothing
 * else on these pages is cached in the worker.
 */
#define NETWORKS_TTL 60
#define NETWORKS_MAX 128
static struct {
	char id[24];
	char short_name[64];
} net_cache[NETWORKS_MAX];
static int net_count;
static time_t net_loaded;

/* Copies one network row into the cache. */
static int net_row(void *p, int ncols, const char *const *names, const char *const *v,
		   const unsigned long *lens)
{
	(void)p;
	(void)ncols;
	(void)names;
	(void)lens;
	if (net_count >= NETWORKS_MAX)
		return 1;
	snprintf(net_cache[net_count].id, sizeof net_cache[0].id, "%s", v[0]);
	snprintf(net_cache[net_count].short_name, sizeof net_cache[0].short_name, "%s", v[1]);
	net_count++;
	return 0;
}

/* Adds <networks><network><id/><short_name/></network>…</networks>. */
static int networks_xml(request *r)
{
	time_t now = time(NULL);
	xmlNodePtr list;

	if (!net_loaded || now - net_loaded >= NETWORKS_TTL || now < net_loaded) {
		net_count = 0;
		net_loaded = 0;
		if (db_query(&q_networks, DB_NOARGS, net_row, NULL) < 0)
			return SPP_EDB;
		net_loaded = now;
	}
	list = req_data(r, "networks");
	for (int i = 0; i < net_count; i++) {
		xmlNodePtr n = x_el(list, "network");
		x_text(n, "id", net_cache[i].id);
		x_text(n, "short_name", net_cache[i].short_name);
	}
	return SPP_OK;
}

/* See page_experience.h. */
long long expub_parse_id(const char *s)
{
	long long v = 0;
	size_t n = 0;

	if (!s || *s == '0')
		return 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 10)
			return 0;
		v = v * 10 + (s[n] - '0');
	}
	return v <= 4294967295LL ? v : 0;
}

/* See page_experience.h. */
void expub_excerpt(xmlNodePtr parent, const char *name, const char *body, size_t max)
{
	size_t len = body ? strlen(body) : 0, o = 0, cut = 0;
	char *out = malloc(max + 4);
	int space = 0;

	if (!out)
		return;
	for (size_t i = 0; i < len && o < max; i++) {
		unsigned char c = (unsigned char)body[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			space = o > 0;
			continue;
		}
		if (space) {
			cut = o;
			out[o++] = ' ';
			space = 0;
			if (o >= max)
				break;
		}
		out[o++] = (char)c;
	}
	/* truncated: end on a word (a space is never inside a UTF-8 sequence) */
	if (o >= max && cut > 0) {
		o = cut;
		memcpy(out + o, "…", 3);
		o += 3;
	}
	x_textn(parent, name, out, o);
	free(out);
}

/*
 * The list's cards: one row per experience (search_page, sql/006), each
 * handed to the stylesheet either whole, with the key of its data
 * (frag="…": the stylesheet renders it inside frag:store), or, when the
 * worker's fragment cache holds that key, as an empty element
 * (cached="1": the stylesheet writes frag:use). See fragment.c.
 */
enum { C_ID, C_TITLE, C_EXCERPT, C_FEELING, C_PUBLISHED, C_PSEUDONYM, C_ANSWERED, C_STRUCTS,
       C_NCOLS };

/* <structures><structure><id/><name/></structure>…</structures> from the
 * card's "id<US>name<RS>id<US>name" column. */
static void card_structures(xmlNodePtr parent, const char *s, size_t len)
{
	xmlNodePtr list = x_el(parent, "structures");
	const char *end = s + len;

	while (s && s < end) {
		const char *rs = memchr(s, 0x1e, (size_t)(end - s)), *us;
		if (!rs)
			rs = end;
		us = memchr(s, 0x1f, (size_t)(rs - s));
		if (us) {
			xmlNodePtr x = x_el(list, "structure");
			x_textn(x, "id", s, (size_t)(us - s));
			x_textn(x, "name", us + 1, (size_t)(rs - us - 1));
		}
		s = rs + 1;
	}
}

/* Adds <experience frag="K"[ cached="1"]>…</experience> for one card. */
static int list_row(void *p, int ncols, const char *const *names, const char *const *v,
		    const unsigned long *lens)
{
	page_rows *c = p;
	xmlNodePtr e;

	(void)names;
	if (ncols < C_NCOLS)
		return 1;
	e = x_el(c->list, "experience");
	if (page_frag(c->r, e, "experience-list", C_NCOLS, v, lens, NULL))
		return 0;
	x_textn(e, "id", v[C_ID], lens[C_ID]);
	x_textn(e, "title", v[C_TITLE], lens[C_TITLE]);
	expub_excerpt(e, "excerpt", v[C_EXCERPT], EXCERPT_BYTES);
	x_textn(e, "feeling", v[C_FEELING], lens[C_FEELING]);
	page_date(e, "published_at", v[C_PUBLISHED], lens[C_PUBLISHED]);
	x_textn(e, "pseudonym", v[C_PSEUDONYM], lens[C_PSEUDONYM]);
	x_textn(e, "answered", v[C_ANSWERED], lens[C_ANSWERED]);
	card_structures(e, v[C_STRUCTS], lens[C_STRUCTS]);
	return 0;
}

/* GET /experiences */
static int h_list(request *r)
{
	const fieldval *fq = req_field(r, "q"), *fo = req_field(r, "organisme"),
		       *fr = req_field(r, "reseau"), *fp = req_field(r, "page");
	xmlNodePtr filter = req_data(r, "filter");
	search_query query = { 0 };
	search_termset words;
	long long page = 1, total = 0, pages;
	int approx = 0, status = 200;
	char term[32];

	/* a malformed number is a malformed request, not a form mistake */
	if ((fo && fo->error) || (fr && fr->error) || (fp && fp->error))
		return 400;
	page = req_int(r, "page", 1);
	if (networks_xml(r) != SPP_OK)
		return 503;
	if (fq && fq->raw)
		x_text(filter, "q", fq->raw);
	if (fq && fq->error) {
		x_text(filter, "q-error", fq->error);
		r->sheet = "experience-list";
		return 422;
	}
	search_termset_init(&words, r->a, SEARCH_QUERY_WORDS);
	if (fq && fq->s && search_termset_text(&words, fq->s) != SPP_OK)
		return 500;
	for (size_t i = 0; i < words.n; i++)
		search_query_add(&query, words.terms[i]);
	if (words.dropped)
		x_int(filter, "ignored-words", (long long)words.dropped);
	if (fq && fq->s && words.n == 0)
		x_text(filter, "no-words", "1");
	if (fo && fo->present) {
		xmlNodePtr o = x_el(filter, "organisme");
		int rc = db_xml_one(&q_structure, DB_ARGS(A_INT(fo->i)), o);
		if (rc < 0)
			return 503;
		if (rc == 0)
			return 404;
		snprintf(term, sizeof term, "s:%lld", fo->i);
		search_query_add(&query, term);
	} else if (fr && fr->present) {
		xmlNodePtr o = x_el(filter, "reseau");
		int rc = db_xml_one(&q_network, DB_ARGS(A_INT(fr->i)), o);
		if (rc < 0)
			return 503;
		if (rc == 0)
			return 404;
		snprintf(term, sizeof term, "n:%lld", fr->i);
		search_query_add(&query, term);
	}
	if (page > LIST_MAX_PAGE) {
		x_int(filter, "too-deep", LIST_MAX_PAGE);
		page_pagination(r->root, page, LIST_PER_PAGE, 0);
		return 200;
	}
	xmlNodePtr list = req_data(r, "experiences");
	page_rows c = { r, list, NULL, 0 };
	int fetched = 0;
	/* one term or none (the plain list, one organisme, one word): the
	 * page comes with its exact count; a page past the end, without */
	if (query.nterms <= 1) {
		if (search_page_counted(&query, (page - 1) * LIST_PER_PAGE, LIST_PER_PAGE, list_row,
					&c, &total) < 0)
			return 503;
		fetched = 1;
	}
	if (!fetched || total < 0) {
		if (search_count(&query, &total, &approx) != SPP_OK)
			return 503;
	}
	if (total > SEARCH_MAX_OFFSET && page == LIST_MAX_PAGE)
		x_int(filter, "capped", LIST_MAX_PAGE);
	x_attr_int(list, "total", total);
	if (approx)
		x_attr(list, "approx", "1");
	pages = (total + LIST_PER_PAGE - 1) / LIST_PER_PAGE;
	if (pages > LIST_MAX_PAGE)
		pages = LIST_MAX_PAGE;
	if (!fetched && (page <= pages || (approx && page > 1))) {
		if (search_page(&query, (page - 1) * LIST_PER_PAGE, LIST_PER_PAGE, list_row, &c) <
		    0)
			return 503;
	}
	/* past the last page is a 404, unless the count was an estimate */
	if (page > 1 && !list->children && !approx)
		status = 404;
	page_pagination(r->root, page, LIST_PER_PAGE, pages * LIST_PER_PAGE);
	return status;
}

/* GET /experiences/<id> */
static int h_detail(request *r)
{
	long long id = expub_parse_id(r->args[0]);
	xmlNodePtr e;
	int rc;

	if (!id)
		return 404;
	e = req_data(r, "experience");
	rc = db_xml_one(&q_exp, DB_ARGS(A_INT(id)), e);
	if (rc < 0)
		return 503;
	if (rc == 0)
		return 404;
	page_paras_all(e, "body");
	if (db_xml(&q_exp_channels, DB_ARGS(A_INT(id)), x_el(e, "channels"), "channel") < 0 ||
	    db_xml(&q_exp_structures, DB_ARGS(A_INT(id)), x_el(e, "structures"), "structure") < 0 ||
	    db_xml(&q_exp_actions, DB_ARGS(A_INT(id)), x_el(e, "actions"), "action") < 0)
		return 503;
	page_paras_all(e, "answer_body");
	page_date_all(e, "published_at");
	page_date_all(e, "event_date");
	page_date_all(e, "answer_published_at");
	return 200;
}

/* GET /actions-amelioration */
static int h_actions(request *r)
{
	const fieldval *fp = req_field(r, "page");
	long long total, page;
	xmlNodePtr list;

	if (fp && fp->error)
		return 400;
	page = req_int(r, "page", 1);
	if (db_int(&q_actions_count, DB_NOARGS, 0, &total) < 0)
		return 503;
	list = req_data(r, "actions");
	if (db_xml(&q_actions,
		   DB_ARGS(A_INT(ACTIONS_PER_PAGE), A_INT((page - 1) * ACTIONS_PER_PAGE)), list,
		   "action") < 0)
		return 503;
	if (page > 1 && !list->children)
		return 404;
	page_paras_all(list, "description");
	page_pagination(r->root, page, ACTIONS_PER_PAGE, total);
	return 200;
}

const route page_experience_public_routes[] = {
	{ "experiences", M_GET, "/experiences", POOL_WEB, 0, CSRF_NONE, h_list, "experience-list",
	  list_fields, 1 },
	{ "experience", M_GET, "/experiences/*", POOL_WEB, 0, CSRF_NONE, h_detail,
	  "experience-detail", NULL, 1 },
	{ "donner-mon-avis", M_GET | M_POST, "/donner-mon-avis", POOL_WEB, 0, CSRF_TOKEN,
	  deposit_form, "deposit", deposit_fields, 0 },
	{ "donner-mon-avis-merci", M_GET, "/donner-mon-avis/merci", POOL_WEB, 0, CSRF_NONE,
	  deposit_thanks, "deposit-thanks", NULL, 1 },
	{ "avis-reponse", M_GET | M_POST, "/avis-reponse/*", POOL_WEB, 0, CSRF_TOKEN, rating_page,
	  "rating", rating_fields, 0 },
	{ "actions-amelioration", M_GET, "/actions-amelioration", POOL_WEB, 0, CSRF_NONE, h_actions,
	  "actions-public", page_fields, 1 },
	{ 0 },
};
