/*
 * test_html5.c — unit tests of the HTML5 serialiser (fcgi/html5.c): a
 * stylesheet compiled from memory transforms a small document, as in a
 * worker, and the serialised page is compared byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>

#include "../../fcgi/html5.h"

#define XSL_HEAD                                                                   \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" \
	"<xsl:output method='html' encoding='UTF-8' indent='no'"                   \
	" doctype-system='about:legacy-compat'/>"

/* Transforms xml with the stylesheet text xsl; returns the page. */
static const char *render(arena *a, const char *xsl, const char *xml)
{
	xmlDocPtr sdoc = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
	xsltStylesheetPtr style;
	xmlDocPtr in, res;
	buf b;

	assert_non_null(sdoc);
	style = xsltParseStylesheetDoc(sdoc);
	assert_non_null(style);
	in = xmlReadMemory(xml, (int)strlen(xml), "in.xml", NULL, 0);
	assert_non_null(in);
	res = xsltApplyStylesheet(style, in, NULL);
	assert_non_null(res);
	buf_init(&b, a);
	assert_int_equal(html5_write(res, &b), SPP_OK);
	assert_int_equal(strlen(buf_cstr(&b)), b.len);
	xmlFreeDoc(res);
	xmlFreeDoc(in);
	xsltFreeStylesheet(style);
	return buf_cstr(&b);
}

/* The frame: doctype, charset first in head, void elements, end tags. */
static void test_frame(void **state)
{
	arena *a = arena_new(4096);

	(void)state;
	assert_string_equal(
		render(a,
		       XSL_HEAD "<xsl:template match='/'><html lang='fr'><head><title>T</title>"
				"<link rel='stylesheet' href='/s.css'/></head><body><p>a<br/>b</p>"
				"<div></div><img src='x.png' alt=''/><input type='text' name='q'/>"
				"<hr/><textarea name='t'></textarea></body></html>"
				"</xsl:template></xsl:stylesheet>",
		       "<page/>"),
		"<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>T</title>"
		"<link rel=\"stylesheet\" href=\"/s.css\"></head><body><p>a<br>b</p><div></div>"
		"<img src=\"x.png\" alt=\"\"><input type=\"text\" name=\"q\"><hr>"
		"<textarea name=\"t\"></textarea></body></html>\n");
	arena_free(a);
}

/* Data from the document is escaped in text and in attribute values;
 * non-ASCII text and URLs are written as UTF-8, not percent-encoded. */
static void test_escaping(void **state)
{
	arena *a = arena_new(4096);

	(void)state;
	assert_string_equal(
		render(a,
		       XSL_HEAD "<xsl:template match='/'><p title='{v}'><a href='/x?q={v}'>"
				"<xsl:value-of select='v'/></a></p></xsl:template></xsl:stylesheet>",
		       "<v>&lt;script&gt;&amp;\"é'</v>"),
		"<!DOCTYPE html>\n<p title=\"&lt;script&gt;&amp;&quot;é'\">"
		"<a href=\"/x?q=&lt;script&gt;&amp;&quot;é'\">&lt;script&gt;&amp;\"é'</a></p>\n");
	arena_free(a);
}

/* HTML 4 boolean attributes are minimised; others keep their value;
 * comments are left out; inline svg keeps its (non-void) elements. */
static void test_attributes_comments_svg(void **state)
{
	arena *a = arena_new(4096);

	(void)state;
	assert_string_equal(
		render(a,
		       XSL_HEAD "<xsl:template match='/'><select name='s'>"
				"<option value='1' selected='selected'>un</option></select>"
				"<input type='checkbox' checked='checked' required=''/>"
				"<xsl:comment> c </xsl:comment>"
				"<svg viewBox='0 0 8 8'><use href='/a.svg#b'/></svg>"
				"</xsl:template></xsl:stylesheet>",
		       "<page/>"),
		"<!DOCTYPE html>\n<select name=\"s\"><option value=\"1\" selected>un</option>"
		"</select><input type=\"checkbox\" checked required=\"\">"
		"<svg viewBox=\"0 0 8 8\"><use href=\"/a.svg#b\"></use></svg>\n");
	arena_free(a);
}

/* Script text that would close its element fails the page; other
 * script text is written as it is. */
static void test_raw_text(void **state)
{
	arena *a = arena_new(4096);
	const char *xsl =
		XSL_HEAD "<xsl:template match='/'><script><xsl:value-of select='v'/></script>"
			 "</xsl:template></xsl:stylesheet>";
	xmlDocPtr sdoc = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
	xsltStylesheetPtr style = xsltParseStylesheetDoc(sdoc);
	const char *bad[] = { "<v>a&lt;/script>&lt;b>x</v>", "<v>a&lt;/SCRIPT ></v>" };
	buf b;

	(void)state;
	assert_string_equal(render(a, xsl, "<v>if (a &lt; b &amp;&amp; c) {}</v>"),
			    "<!DOCTYPE html>\n<script>if (a < b && c) {}</script>\n");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		xmlDocPtr in = xmlReadMemory(bad[i], (int)strlen(bad[i]), "in.xml", NULL, 0);
		xmlDocPtr res;

		assert_non_null(in);
		res = xsltApplyStylesheet(style, in, NULL);
		assert_non_null(res);
		buf_init(&b, a);
		assert_int_equal(html5_write(res, &b), SPP_EINVAL);
		xmlFreeDoc(res);
		xmlFreeDoc(in);
	}
	xsltFreeStylesheet(style);
	arena_free(a);
}

/* Entity references in an attribute built by hand (xml.c's way of setting
 * values never makes them, but the tree may hold them) are kept. */
static void test_attribute_entity_ref(void **state)
{
	arena *a = arena_new(4096);
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr p = xmlNewDocNode(doc, NULL, BAD_CAST "p", NULL);
	xmlAttrPtr at = xmlNewProp(p, BAD_CAST "title", BAD_CAST "a");
	buf b;

	(void)state;
	xmlDocSetRootElement(doc, p);
	xmlAddChild((xmlNodePtr)at, xmlNewReference(doc, BAD_CAST "&amp;"));
	xmlAddChild((xmlNodePtr)at, xmlNewDocText(doc, BAD_CAST "<b>"));
	xmlAddChild(p, xmlNewCDataBlock(doc, BAD_CAST "x<y", 3));
	buf_init(&b, a);
	assert_int_equal(html5_write(doc, &b), SPP_OK);
	assert_string_equal(buf_cstr(&b),
			    "<!DOCTYPE html>\n<p title=\"a&amp;&lt;b&gt;\">x&lt;y</p>\n");
	xmlFreeDoc(doc);
	arena_free(a);
}

/* A deep result tree is written without recursion. */
static void test_deep_tree(void **state)
{
	arena *a = arena_new(65536);
	const char *out;

	(void)state;
	out = render(a,
		     XSL_HEAD "<xsl:template match='/'><xsl:call-template name='d'>"
			      "<xsl:with-param name='n' select='1000'/></xsl:call-template>"
			      "</xsl:template><xsl:template name='d'><xsl:param name='n'/>"
			      "<xsl:if test='$n &gt; 0'><b><xsl:call-template name='d'>"
			      "<xsl:with-param name='n' select='$n - 1'/></xsl:call-template>"
			      "</b></xsl:if></xsl:template></xsl:stylesheet>",
		     "<page/>");
	assert_int_equal(strlen(out), strlen("<!DOCTYPE html>\n") + 1000 * 7 + 1);
	assert_int_equal(strncmp(out + 16, "<b><b>", 6), 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_attributes_comments_svg),
		cmocka_unit_test(test_raw_text),
		cmocka_unit_test(test_attribute_entity_ref),
		cmocka_unit_test(test_deep_tree),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
