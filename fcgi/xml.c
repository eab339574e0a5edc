/*
 * xml.c — small wrappers over libxml2's tree API for building page
 * documents. Text is checked before it enters the tree: libxml2 would
 * otherwise serialise invalid UTF-8 or C0 controls into output that a
 * browser or an export parser rejects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spp.h"
#include "xml.h"

/* 1 when s[0..len) is valid UTF-8 with only XML-legal characters. */
static int xml_clean(const char *s, size_t len)
{
	if (!utf8_valid(s, len))
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return 0;
	}
	return 1;
}

/*
 * Copies s into a malloc'd buffer replacing each invalid byte or illegal
 * control character with U+FFFD. Caller frees.
 */
static char *xml_sanitise(const char *s, size_t len)
{
	char *out = malloc(len * 3 + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		int ok = n > 0 && i + n <= len && utf8_valid(s + i, n);
		if (ok && n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			ok = 0;
		if (ok) {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += 1;
		}
	}
	out[o] = '\0';
	return out;
}

xmlNodePtr x_el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

xmlNodePtr x_textn(xmlNodePtr parent, const char *name, const char *text, size_t len)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (!n || !text || !len)
		return n;
	if (xml_clean(text, len)) {
		xmlNodeAddContentLen(n, (const xmlChar *)text, (int)len);
	} else {
		char *clean = xml_sanitise(text, len);
		if (clean) {
			xmlNodeAddContent(n, (const xmlChar *)clean);
			free(clean);
		}
	}
	return n;
}

xmlNodePtr x_text(xmlNodePtr parent, const char *name, const char *text)
{
	return x_textn(parent, name, text, text ? strlen(text) : 0);
}

xmlNodePtr x_int(xmlNodePtr parent, const char *name, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	return xmlNewChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)tmp);
}

void x_attr(xmlNodePtr node, const char *name, const char *val)
{
	size_t len;

	if (!node || !val)
		return;
	len = strlen(val);
	if (xml_clean(val, len)) {
		xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)val);
	} else {
		char *clean = xml_sanitise(val, len);
		if (clean) {
			xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)clean);
			free(clean);
		}
	}
}

void x_attr_int(xmlNodePtr node, const char *name, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)tmp);
}
