/*
 * render.h — XSLT. Stylesheets (xslt/NAME.xsl) are compiled once per worker
 * on first use and kept; render_reload() (SIGHUP) drops them so they are
 * compiled again. Per request only the transform context is created.
 * File and network access from stylesheets is forbidden.
 */
#ifndef SPP_RENDER_H
#define SPP_RENDER_H

#include <libxml/tree.h>
#include "spp.h"

int render_init(const char *xslt_dir);
void render_reload(void);
void render_shutdown(void);

/*
 * Transforms doc with stylesheet `sheet` ("home" → xslt_dir/home.xsl) and
 * appends the serialised result to out. *media_type receives the
 * stylesheet's output media type (default "text/html"). Returns SPP_OK or
 * SPP_EIO (logged).
 */
int render_doc(xmlDocPtr doc, const char *sheet, buf *out, const char **media_type);

#endif
