/*
 * render.c — compiled stylesheets, cached per worker by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/imports.h>
#include <libexslt/exslt.h>

#include "fragment.h"
#include "html5.h"
#include "render.h"

#define RENDER_MAX_SHEETS 96

struct sheet {
	char name[64];
	xsltStylesheetPtr style;
};

static char xslt_dir[512];
static struct sheet sheets[RENDER_MAX_SHEETS];
static int nsheets;
static xsltSecurityPrefsPtr sec;

/* Quiet libxml2's default stderr chatter; errors are logged with context. */
static void xml_error_sink(void *ctx, const char *msg, ...) __attribute__((format(printf, 2, 3)));
static void xml_error_sink(void *ctx, const char *msg, ...)
{
	char tmp[512];
	va_list ap;

	(void)ctx;
	va_start(ap, msg);
	vsnprintf(tmp, sizeof tmp, msg, ap);
	va_end(ap);
	tmp[strcspn(tmp, "\n")] = '\0';
	if (tmp[0])
		spp_log("xml: %s", tmp);
}

int render_init(const char *dir)
{
	snprintf(xslt_dir, sizeof xslt_dir, "%s", dir);
	xmlInitParser();
	exsltRegisterAll();
	xmlSetGenericErrorFunc(NULL, xml_error_sink);
	xsltSetGenericErrorFunc(NULL, xml_error_sink);
	/* Applies to transformations only (set per context); stylesheet
	 * compilation may still read its own xsl:import files. */
	sec = xsltNewSecurityPrefs();
	if (!sec)
		return SPP_ENOMEM;
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	return SPP_OK;
}

void render_reload(void)
{
	for (int i = 0; i < nsheets; i++)
		xsltFreeStylesheet(sheets[i].style);
	nsheets = 0;
	/* cached fragments were rendered by the old stylesheets */
	frag_free();
}

void render_shutdown(void)
{
	render_reload();
	if (sec)
		xsltFreeSecurityPrefs(sec);
	sec = NULL;
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/* Valid names are [a-z0-9-]+: they come from the route table, never users. */
static int sheet_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (!n || n >= sizeof sheets[0].name)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '-' || name[i] == '_'))
			return 0;
	return 1;
}

static xsltStylesheetPtr sheet_get(const char *name)
{
	char path[700];
	xmlDocPtr sdoc;
	xsltStylesheetPtr style;

	for (int i = 0; i < nsheets; i++)
		if (!strcmp(sheets[i].name, name))
			return sheets[i].style;
	if (!sheet_name_ok(name) || nsheets == RENDER_MAX_SHEETS) {
		spp_log("render: refusing stylesheet name '%s'", name);
		return NULL;
	}
	snprintf(path, sizeof path, "%s/%s.xsl", xslt_dir, name);
	sdoc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!sdoc) {
		spp_log("render: cannot read %s", path);
		return NULL;
	}
	style = xsltParseStylesheetDoc(sdoc);
	if (!style) {
		spp_log("render: cannot compile %s", path);
		xmlFreeDoc(sdoc);
		return NULL;
	}
	snprintf(sheets[nsheets].name, sizeof sheets[nsheets].name, "%s", name);
	sheets[nsheets].style = style;
	nsheets++;
	return style;
}

/* Every page stylesheet says method="html"; other methods keep libxslt's
 * own serialisation. */
static int is_html(xsltStylesheetPtr style)
{
	const xmlChar *method, *uri;

	/* xsl:output usually sits in an imported layout.xsl */
	XSLT_GET_IMPORT_PTR(method, style, method);
	XSLT_GET_IMPORT_PTR(uri, style, methodURI);
	return method && !strcmp((const char *)method, "html") && !uri;
}

int render_doc(xmlDocPtr doc, const char *name, buf *out, const char **media_type)
{
	xsltStylesheetPtr style = sheet_get(name);
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr res = NULL;
	xmlChar *text = NULL;
	int len = 0, rc = SPP_EIO;

	if (!style)
		return SPP_EIO;
	ctxt = xsltNewTransformContext(style, doc);
	if (!ctxt)
		goto out;
	xsltSetCtxtSecurityPrefs(sec, ctxt);
	res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
	if (!res || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
		spp_log("render: transformation with %s failed", name);
		goto out;
	}
	if (is_html(style)) {
		int w = html5_write(res, out);
		if (w != SPP_OK) {
			spp_log("render: %s: %s", name,
				w == SPP_EINVAL ? "script or style text would close its element"
						: "out of memory while serialising");
			goto out;
		}
	} else {
		if (xsltSaveResultToString(&text, &len, res, style) < 0)
			goto out;
		if (text && buf_append(out, text, (size_t)len))
			goto out;
	}
	if (media_type)
		*media_type = style->mediaType ? (const char *)style->mediaType
			      : (style->method && !strcmp((const char *)style->method, "text")) ? "text/plain"
			      : (style->method && !strcmp((const char *)style->method, "xml")) ? "application/xml"
			      : "text/html";
	rc = SPP_OK;
out:
	xmlFree(text);
	if (res)
		xmlFreeDoc(res);
	if (ctxt)
		xsltFreeTransformContext(ctxt);
	return rc;
}
