/*
 * page_public.c — the public information pages: home, the 9 engagements,
 * editorial pages, news, FAQ.
 */
#include <string.h>

#include "db.h"
#include "page_util.h"
#include "request.h"
#include "xml.h"

#define NEWS_PER_PAGE 10
/* public data may be up to this old in a worker: a change shows within 1 s */
#define PUBLIC_TTL_MS 1000

static db_stmt q_engagements = DB_STMT(
	"SELECT number, theme, text FROM engagements ORDER BY number");
static db_stmt q_news_latest = DB_STMT(
	"SELECT slug, title, summary, published_at FROM news"
	" WHERE is_published = 1 AND published_at <= UTC_TIMESTAMP()"
	" ORDER BY published_at DESC, id DESC LIMIT 3");
static db_stmt q_news_count = DB_STMT(
	"SELECT COUNT(*) FROM news WHERE is_published = 1 AND published_at <= UTC_TIMESTAMP()");
static db_stmt q_news_page = DB_STMT(
	"SELECT slug, title, summary, published_at FROM news"
	" WHERE is_published = 1 AND published_at <= UTC_TIMESTAMP()"
	" ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?");
static db_stmt q_news_one = DB_STMT(
	"SELECT slug, title, summary, body, published_at, updated_at FROM news"
	" WHERE slug = ? AND is_published = 1 AND published_at <= UTC_TIMESTAMP()");
static db_stmt q_page = DB_STMT(
	"SELECT slug, title, body, updated_at FROM pages WHERE slug = ?");
static db_stmt q_faq = DB_STMT(
	"SELECT category, question, answer FROM faq WHERE audience = ?"
	" ORDER BY position, id");

static const field page_fields[] = {
	{.name = "page", .type = F_INT, .min = 1, .max = 100000},
	{0},
};

/* Data source: the 9 engagements. */
static int ds_engagements(request *r)
{
	return db_xml_cached(&q_engagements, DB_NOARGS, req_data(r, "engagements"), "engagement",
			     PUBLIC_TTL_MS);
}

static int h_home(request *r)
{
	xmlNodePtr news;

	if (ds_engagements(r) < 0)
		return 503;
	news = req_data(r, "news");
	if (db_xml_cached(&q_news_latest, DB_NOARGS, news, "item", PUBLIC_TTL_MS) < 0)
		return 503;
	page_date_all(news, "published_at");
	return 200;
}

static int h_engagements(request *r)
{
	return ds_engagements(r) < 0 ? 503 : 200;
}

/* Editorial page whose slug is the route's name. */
static int h_page(request *r)
{
	xmlNodePtr c = req_data(r, "content");
	int rc = db_xml_one(&q_page, DB_ARGS(A_STR(r->route->name)), c);

	if (rc < 0)
		return 503;
	if (rc == 0)
		return 404;
	page_paras_all(c, "body");
	return 200;
}

static int h_news(request *r)
{
	long long total, page = req_int(r, "page", 1);
	xmlNodePtr news;

	if (db_int(&q_news_count, DB_NOARGS, 0, &total) < 0)
		return 503;
	news = req_data(r, "news");
	if (db_xml(&q_news_page, DB_ARGS(A_INT(NEWS_PER_PAGE), A_INT((page - 1) * NEWS_PER_PAGE)), news,
		   "item") < 0)
		return 503;
	if (page > 1 && !news->children)
		return 404;
	page_date_all(news, "published_at");
	page_pagination(r->root, page, NEWS_PER_PAGE, total);
	return 200;
}

static int h_news_article(request *r)
{
	xmlNodePtr art = req_data(r, "article");
	int rc = db_xml_one(&q_news_one, DB_ARGS(A_STR(r->args[0])), art);

	if (rc < 0)
		return 503;
	if (rc == 0)
		return 404;
	page_paras_all(art, "body");
	page_date_all(art, "published_at");
	return 200;
}

static int h_faq(request *r)
{
	xmlNodePtr faq = req_data(r, "faq");

	/* the agents' FAQ is the same page over the agent audience */
	const char *audience = r->route->caps ? "agent" : "public";

	if (db_xml(&q_faq, DB_ARGS(A_STR(audience)), faq, "entry") < 0)
		return 503;
	page_paras_all(faq, "answer");
	return 200;
}

const route page_public_routes[] = {
	{"home", M_GET, "/", POOL_WEB, 0, CSRF_NONE, h_home, "home", NULL, 1},
	{"engagements", M_GET, "/engagements", POOL_WEB, 0, CSRF_NONE, h_engagements, "engagements", NULL, 1},
	{"programme", M_GET, "/programme", POOL_WEB, 0, CSRF_NONE, h_page, "page", NULL, 1},
	{"accessibilite", M_GET, "/accessibilite", POOL_WEB, 0, CSRF_NONE, h_page, "page", NULL, 1},
	{"mentions-legales", M_GET, "/mentions-legales", POOL_WEB, 0, CSRF_NONE, h_page, "page", NULL, 1},
	{"donnees-personnelles", M_GET, "/donnees-personnelles", POOL_WEB, 0, CSRF_NONE, h_page, "page", NULL, 1},
	{"news", M_GET, "/actualites", POOL_WEB, 0, CSRF_NONE, h_news, "news-list", page_fields, 1},
	{"news-article", M_GET, "/actualites/*", POOL_WEB, 0, CSRF_NONE, h_news_article, "news-article", NULL, 1},
	{"faq", M_GET, "/faq", POOL_WEB, 0, CSRF_NONE, h_faq, "faq", NULL, 1},
	{"agent-faq", M_GET, "/agent/faq", POOL_WEB, CAP_AGENT, CSRF_NONE, h_faq, "faq", NULL, 0},
	{0},
};
