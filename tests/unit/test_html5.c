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

#include "../../fcgi/fragment.h"
#include "../../fcgi/html5.h"

#define XSL_HEAD                                                                   \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" \
	"<xsl:output method='html' encoding='UTF-8' indent='no'"                   \
	" doctype-system='about:legacy-compat'/>"

/* Transforms xml with the stylesheet text xsl into b; returns html5_write's code. */
static int render_rc(arena *a, const char *xsl, const char *xml, buf *b)
{
	xmlDocPtr sdoc = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
	xsltStylesheetPtr style;
	xmlDocPtr in, res;
	int rc;

	assert_non_null(sdoc);
	style = xsltParseStylesheetDoc(sdoc);
	assert_non_null(style);
	in = xmlReadMemory(xml, (int)strlen(xml), "in.xml", NULL, 0);
	assert_non_null(in);
	res = xsltApplyStylesheet(style, in, NULL);
	assert_non_null(res);
	buf_init(b, a);
	rc = html5_write(res, b);
	xmlFreeDoc(res);
	xmlFreeDoc(in);
	xsltFreeStylesheet(style);
	return rc;
}

/* Transforms xml with the stylesheet text xsl; returns the page. */
static const char *render(arena *a, const char *xsl, const char *xml)
{
	buf b;

	assert_int_equal(render_rc(a, xsl, xml, &b), SPP_OK);
	assert_int_equal(strlen(buf_cstr(&b)), b.len);
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

/* Items rendered through the fragment cache, as experience-list.xsl does:
 * <i k="KEY">text</i> is written inside frag:store, <i k="KEY" c="1"/> is
 * a frag:use. */
#define FRAG_XSL                                                                          \
	XSL_HEAD "<xsl:template match='/'><body><xsl:for-each select='page/i'><xsl:choose>"    \
		 "<xsl:when test='@c'><frag:use xmlns:frag='urn:spplus:fragment' key='{@k}'/>" \
		 "</xsl:when><xsl:otherwise>"                                                  \
		 "<frag:store xmlns:frag='urn:spplus:fragment' key='{@k}'><p title='{.}'>"     \
		 "<xsl:value-of select='.'/></p><xsl:if test='@nested'>"                       \
		 "<frag:store key='00000000000000ff'><br/></frag:store></xsl:if></frag:store>"  \
		 "</xsl:otherwise></xsl:choose></xsl:for-each></body></xsl:template>"          \
		 "</xsl:stylesheet>"

/* What frag:store writes is kept under its key, byte for byte, and
 * frag:use writes it again; the fragment elements themselves never appear. */
static void test_fragments(void **state)
{
	arena *a = arena_new(4096);
	const char *first, *again;
	size_t len;
	buf b;

	(void)state;
	frag_configure(1 << 20);
	assert_int_equal(frag_has(0xa1), 0);
	first = render(a, FRAG_XSL, "<page><i k='00000000000000a1'>x &lt;1 &amp; \"é\"</i></page>");
	assert_string_equal(first, "<!DOCTYPE html>\n<body><p title=\"x &lt;1 &amp; &quot;é&quot;\">"
				   "x &lt;1 &amp; \"é\"</p></body>\n");
	assert_non_null(frag_get(0xa1, &len));
	assert_int_equal(len, strlen("<p title=\"x &lt;1 &amp; &quot;é&quot;\">x &lt;1 &amp; \"é\"</p>"));
	assert_int_equal(frag_has(0xa1), 1);
	again = render(a, FRAG_XSL, "<page><i k='00000000000000a1' c='1'/></page>");
	assert_string_equal(again, first);

	/* a key that is not 16 lowercase hex digits: written, not kept */
	assert_string_equal(render(a, FRAG_XSL, "<page><i k='A1'>y</i><i k=''>z</i></page>"),
			    "<!DOCTYPE html>\n<body><p title=\"y\">y</p><p title=\"z\">z</p></body>\n");
	/* an inner frag:store is kept too, and is part of the outer one */
	render(a, FRAG_XSL, "<page><i k='00000000000000b2' nested='1'>n</i></page>");
	assert_non_null(frag_get(0xb2, &len));
	assert_int_equal(len, strlen("<p title=\"n\">n</p><br>"));
	assert_non_null(frag_get(0xff, &len));
	assert_int_equal(len, strlen("<br>"));
	/* key 0 is no key: never kept, never found */
	assert_int_equal(frag_has(0), 0);
	render(a, FRAG_XSL, "<page><i k='0000000000000000'>zero</i></page>");
	assert_null(frag_get(0, &len));

	/* frag:use of a fragment the cache does not hold fails the page */
	assert_int_equal(render_rc(a, FRAG_XSL, "<page><i k='00000000000000c3' c='1'/></page>", &b),
			 SPP_EINVAL);
	frag_free();
	arena_free(a);
}

/* The cache stays within its bytes and never evicts what the page being
 * built has pinned (frag_has) or stored; the next page may. */
static void test_fragment_eviction(void **state)
{
	char data[40];
	size_t len;
	struct frag_stats st;

	(void)state;
	memset(data, 'x', sizeof data);
	frag_configure(100); /* two fragments of 40 bytes */
	frag_put(1, data, 40);
	frag_put(2, data, 40);
	frag_put(3, data, 40); /* all pinned by this page: not kept */
	assert_non_null(frag_get(1, &len));
	assert_non_null(frag_get(2, &len));
	assert_null(frag_get(3, &len));
	frag_render_done();
	assert_int_equal(frag_has(2), 1); /* the next page uses 2 */
	frag_put(3, data, 40);		  /* 1 makes room */
	assert_null(frag_get(1, &len));
	assert_non_null(frag_get(2, &len));
	assert_non_null(frag_get(3, &len));
	frag_stats_get(&st);
	assert_true(st.bytes <= 100);
	assert_int_equal(st.entries, 2);

	/* one set holds 4 keys (keys 0x10000 apart share a set) */
	frag_render_done();
	frag_configure(1 << 20);
	for (uint64_t k = 1; k <= 5; k++)
		frag_put(k << 16, data, 10);
	assert_null(frag_get(5 << 16, &len)); /* the set is pinned by this page */
	frag_render_done();
	frag_put(5 << 16, data, 10);
	assert_non_null(frag_get(5 << 16, &len));
	assert_null(frag_get(1 << 16, &len)); /* the least recently used went */

	/* too long, empty, and a disabled cache keep nothing */
	frag_render_done();
	frag_put(6 << 16, data, 0);
	assert_null(frag_get(6 << 16, &len));
	{
		static char big[FRAG_MAX_LEN + 1];
		frag_put(8 << 16, big, sizeof big);
		assert_null(frag_get(8 << 16, &len));
		frag_put(8 << 16, big, FRAG_MAX_LEN);
		assert_non_null(frag_get(8 << 16, &len));
	}
	frag_configure(0);
	frag_put(7, data, 10);
	assert_null(frag_get(7, &len));
	assert_int_equal(frag_has(7), 0);
	frag_free();
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
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_fragment_eviction),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
