/*
 * render_bench.c — the cost of one page's XSLT pipeline, outside the
 * stack: the stylesheet compiled once, the page's XML (as `?debug=xml`
 * gives it in a dev stack) transformed and serialised N times.
 *
 *   make -C build tests/bench/render_bench
 *   curl -s 'http://127.0.0.1:8081/experiences?debug=xml' > /tmp/list.xml
 *   build/tests/bench/render_bench xslt/experience-list.xsl /tmp/list.xml 3000
 *
 * Prints µs per page for the transform, for libxml2's HTML serialiser
 * (what render.c used before html5.c) and for html5_write, and the sizes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libxml/parser.h>
#include <libexslt/exslt.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "../../fcgi/html5.h"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	xsltStylesheetPtr style;
	xmlDocPtr doc;
	arena *a;
	double tx = 0, tl = 0, th = 0;
	int n, len = 0;
	size_t hlen = 0;

	if (argc != 4 || (n = atoi(argv[3])) <= 0) {
		fprintf(stderr, "usage: render_bench SHEET.xsl PAGE.xml N\n");
		return 2;
	}
	exsltRegisterAll();
	style = xsltParseStylesheetFile((const xmlChar *)argv[1]);
	doc = xmlReadFile(argv[2], NULL, XML_PARSE_NOBLANKS);
	a = arena_new(1 << 20);
	if (!style || !doc || !a) {
		fprintf(stderr, "render_bench: cannot load %s or %s\n", argv[1], argv[2]);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		double t0 = now();
		xmlDocPtr res = xsltApplyStylesheet(style, doc, NULL);
		double t1 = now();
		buf b;
		buf_init(&b, a);
		if (!res || html5_write(res, &b) != SPP_OK)
			return 1;
		hlen = b.len;
		double t2 = now();
		xmlChar *text = NULL;
		xsltSaveResultToString(&text, &len, res, style);
		double t3 = now();
		xmlFree(text);
		xmlFreeDoc(res);
		arena_reset(a);
		tx += t1 - t0;
		th += t2 - t1;
		tl += t3 - t2;
	}
	printf("transform %.1f us, html5_write %.1f us (%zu bytes), libxml2 HTML %.1f us (%d bytes)\n",
	       tx / n * 1e6, th / n * 1e6, hlen, tl / n * 1e6, len);
	arena_free(a);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(style);
	return 0;
}
