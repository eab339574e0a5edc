/*
 * xml.h — building a page's document with libxml2 calls. Element names are
 * constants of the code; text always goes through xmlNewTextChild, which
 * escapes, so XSLT receives data, never markup. Invalid UTF-8 or XML-illegal
 * control characters are replaced with U+FFFD before they reach the tree.
 */
#ifndef SPP_XML_H
#define SPP_XML_H

#include <libxml/tree.h>

xmlNodePtr x_el(xmlNodePtr parent, const char *name);
xmlNodePtr x_text(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr x_textn(xmlNodePtr parent, const char *name, const char *text, size_t len);
xmlNodePtr x_int(xmlNodePtr parent, const char *name, long long v);
void x_attr(xmlNodePtr node, const char *name, const char *val);
void x_attr_int(xmlNodePtr node, const char *name, long long v);

#endif
