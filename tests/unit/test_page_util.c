/*
 * test_page_util.c — unit tests of the French dates of fcgi/page_util.c:
 * page_date_fr over a table of dates and of non-dates, then compared with
 * the template date-fr of xslt/layout.xsl for every day of a year (the
 * stylesheets show the worker's form when there is one, date-fr's when
 * not: the two must agree), then the attribute added by page_date and
 * page_date_all.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/xsltInternals.h>

#include "../../fcgi/page_util.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

struct date_case {
	const char *s;
	const char *fr; /* NULL: not a date, no French form */
};

static const struct date_case date_cases[] = {
	{ "2026-01-01", "1er janvier 2026" },
	{ "2026-02-02", "2 février 2026" },
	{ "2026-03-09", "9 mars 2026" },
	{ "2026-04-10", "10 avril 2026" },
	{ "2026-05-11", "11 mai 2026" },
	{ "2026-06-19", "19 juin 2026" },
	{ "2026-07-20", "20 juillet 2026" },
	{ "2026-08-21", "21 août 2026" },
	{ "2026-09-29", "29 septembre 2026" },
	{ "2026-10-30", "30 octobre 2026" },
	{ "2026-11-29", "29 novembre 2026" },
	{ "2026-12-31", "31 décembre 2026" },
	{ "2026-12-01 00:00:00", "1er décembre 2026" },
	{ "2026-11-29 14:03:00", "29 novembre 2026" },
	{ "2026-11-29 14:03:00.123456", "29 novembre 2026" },
	{ "0999-07-14", "14 juillet 0999" },
	/* like date-fr, the day is not checked against the month */
	{ "2026-02-30", "30 février 2026" },
	{ "", NULL },
	{ "abcd", NULL },
	{ "2026-11-2", NULL },
	{ "2026-13-01", NULL },
	{ "2026-00-10", NULL },
	{ "2026-01-00", NULL },
	{ "2026-01-32", NULL },
	{ "0000-00-00", NULL },
	{ "0000-00-00 00:00:00", NULL },
	{ "2026-1-01", NULL },
	{ "2026/01/01", NULL },
	{ " 2026-01-01", NULL },
	{ "2026-01-01T10:00:00", NULL },
	{ "2026-01-01x", NULL },
	{ "2026-+1-01", NULL },
	{ "2026-01- 1", NULL },
};

static void test_table(void **state)
{
	char out[PAGE_DATE_FR_SIZE];

	(void)state;
	for (size_t i = 0; i < N_ELEMS(date_cases); i++) {
		const struct date_case *c = &date_cases[i];
		size_t n = page_date_fr(c->s, strlen(c->s), out, sizeof out);
		if (!c->fr) {
			if (n != 0)
				fail_msg("\"%s\" gave \"%s\"", c->s, out);
			continue;
		}
		if (n != strlen(c->fr) || strcmp(out, c->fr))
			fail_msg("\"%s\" gave \"%.*s\", not \"%s\"", c->s, (int)n, out, c->fr);
	}
}

static void test_bounds(void **state)
{
	char out[PAGE_DATE_FR_SIZE];
	const char *dt = "2026-05-01 10:00:00";

	(void)state;
	assert_int_equal(page_date_fr(NULL, 0, out, sizeof out), 0);
	/* only len bytes are read */
	assert_int_equal(page_date_fr(dt, 10, out, sizeof out), strlen("1er mai 2026"));
	assert_string_equal(out, "1er mai 2026");
	assert_int_equal(page_date_fr(dt, 9, out, sizeof out), 0);
	/* an output too small for the form is a refusal, not a cut */
	assert_int_equal(page_date_fr(dt, strlen(dt), out, strlen("1er mai 2026")), 0);
	assert_int_equal(page_date_fr(dt, strlen(dt), out, strlen("1er mai 2026") + 1), 12);
	/* the longest form fits */
	assert_true(page_date_fr("2026-09-30", 10, out, sizeof out) < PAGE_DATE_FR_SIZE);
}

/*
 * Every day of 2028 (a leap year), day 0 and 32 and months 0 and 13 through
 * page_date_fr and through date-fr: wherever the worker gives a form it is
 * date-fr's, byte for byte.
 */
#define XSL                                                                               \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" \
	"<xsl:import href='" SPP_XSLT_DIR "/layout.xsl'/>"                                \
	"<xsl:output method='text' encoding='UTF-8'/>"                                    \
	"<xsl:template match='/'><xsl:for-each select='/t/d'>"                            \
	"<xsl:call-template name='date-fr'/><xsl:text>&#10;</xsl:text>"                   \
	"</xsl:for-each></xsl:template></xsl:stylesheet>"

static void test_same_as_date_fr(void **state)
{
	static char xml[64 * 1024], expect[64 * 1024];
	char date[16], out[PAGE_DATE_FR_SIZE];
	size_t x = 0, e = 0, formatted = 0;
	xmlDocPtr sdoc, in, res;
	xsltStylesheetPtr style;
	xmlChar *text;
	int len;

	(void)state;
	x += (size_t)snprintf(xml + x, sizeof xml - x, "<t>");
	for (int m = 0; m <= 13; m++) {
		for (int d = 0; d <= 32; d++) {
			snprintf(date, sizeof date, "2028-%02d-%02d", m, d);
			x += (size_t)snprintf(xml + x, sizeof xml - x, "<d>%s</d>", date);
			/* not formatted here: date-fr's own form, which must not
			 * matter: the stylesheets then call date-fr */
			if (page_date_fr(date, 10, out, sizeof out))
				formatted++;
			else
				snprintf(out, sizeof out, "?");
			e += (size_t)snprintf(expect + e, sizeof expect - e, "%s\n", out);
		}
	}
	x += (size_t)snprintf(xml + x, sizeof xml - x, "</t>");
	assert_int_equal(formatted, 12 * 31);

	sdoc = xmlReadMemory(XSL, (int)strlen(XSL), "t.xsl", NULL, 0);
	assert_non_null(sdoc);
	style = xsltParseStylesheetDoc(sdoc);
	assert_non_null(style);
	in = xmlReadMemory(xml, (int)x, "in.xml", NULL, 0);
	assert_non_null(in);
	res = xsltApplyStylesheet(style, in, NULL);
	assert_non_null(res);
	assert_int_equal(xsltSaveResultToString(&text, &len, res, style), 0);
	assert_non_null(text);

	/* line by line, skipping the dates page_date_fr declined */
	const char *got = (const char *)text, *want = expect;
	while (*want) {
		const char *gn = strchr(got, '\n'), *wn = strchr(want, '\n');
		assert_non_null(gn);
		assert_non_null(wn);
		if (strncmp(want, "?\n", 2) &&
		    ((gn - got) != (wn - want) || strncmp(got, want, (size_t)(wn - want))))
			fail_msg("date-fr gave \"%.*s\", page_date_fr \"%.*s\"", (int)(gn - got),
				 got, (int)(wn - want), want);
		got = gn + 1;
		want = wn + 1;
	}
	assert_string_equal(got, "");
	xmlFree(text);
	xmlFreeDoc(res);
	xmlFreeDoc(in);
	xsltFreeStylesheet(style);
}

static void test_attribute(void **state)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, (const xmlChar *)"page", NULL), item, n;
	xmlChar *fr;

	(void)state;
	xmlDocSetRootElement(doc, root);
	n = page_date(root, "published_at", "2026-12-01 09:00:00", 19);
	fr = xmlGetProp(n, (const xmlChar *)"fr");
	assert_string_equal((const char *)fr, "1er décembre 2026");
	xmlFree(fr);
	n = page_date(root, "published_at", "n/a", 3);
	assert_null(xmlHasProp(n, (const xmlChar *)"fr"));
	n = page_date(root, "published_at", NULL, 0);
	assert_null(xmlHasProp(n, (const xmlChar *)"fr"));

	/* page_date_all: at any depth, only the named elements with a date */
	item = xmlNewChild(xmlNewChild(root, NULL, (const xmlChar *)"news", NULL), NULL,
			   (const xmlChar *)"item", NULL);
	xmlNewTextChild(item, NULL, (const xmlChar *)"published_at",
			(const xmlChar *)"2026-08-15 10:00:00");
	xmlNewTextChild(item, NULL, (const xmlChar *)"updated_at",
			(const xmlChar *)"2026-08-16 10:00:00");
	xmlNewTextChild(item, NULL, (const xmlChar *)"published_at", (const xmlChar *)"bientôt");
	xmlNewChild(item, NULL, (const xmlChar *)"published_at", NULL);
	page_date_all(item->parent, "published_at");
	n = item->children;
	fr = xmlGetProp(n, (const xmlChar *)"fr");
	assert_string_equal((const char *)fr, "15 août 2026");
	xmlFree(fr);
	assert_null(xmlHasProp(n->next, (const xmlChar *)"fr"));
	assert_null(xmlHasProp(n->next->next, (const xmlChar *)"fr"));
	assert_null(xmlHasProp(n->next->next->next, (const xmlChar *)"fr"));
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_same_as_date_fr),
		cmocka_unit_test(test_attribute),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
