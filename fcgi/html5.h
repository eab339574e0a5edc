/*
 * html5.h — writes an XSLT result tree as HTML5 (see html5.c).
 */
#ifndef SPP_HTML5_H
#define SPP_HTML5_H

#include <libxml/tree.h>
#include "spp.h"

/*
 * Appends doc to out as an HTML5 document: "<!DOCTYPE html>", then the
 * tree, with <meta charset="UTF-8"> first in the first <head>. Returns
 * SPP_OK, SPP_ENOMEM, or SPP_EINVAL when script or style text would
 * close its element.
 */
int html5_write(xmlDocPtr doc, buf *out);

#endif
