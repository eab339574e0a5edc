/*
 * html5.c — serialises an XSLT result tree as HTML5, straight into the
 * response buffer.
 *
 * Why not libxml2's HTML serializer (xsltSaveResultToString): it follows
 * HTML 4 — its void elements and boolean attributes are HTML 4's, it looks
 * every element up in its HTML 4 table by a case-insensitive linear search,
 * percent-encodes URI attributes — and writes into a buffer of its own
 * that must then be copied. Serialising the list page's result tree
 * (25 kB): libxml2 150 µs, this walk 36 µs (a loop of 3,000 on this
 * machine's 2 cores, 2026-11-29).
 *
 * What it writes follows the HTML standard's serialisation of a tree
 * ("Serialising HTML fragments"): text escapes & < >; attribute values are
 * double-quoted and escape & " < >; void elements (br, img, input, link,
 * meta…) have no end tag; script and style contents are written as they
 * are (there are none: the CSP forbids inline code), and a page whose
 * script or style text would close its element fails instead; comments
 * and processing instructions are left out.
 * HTML 4 boolean attributes (checked, selected, disabled…) are written
 * minimised, as libxml2 did, whatever value the stylesheet gave them.
 * Text that a stylesheet marked disable-output-escaping is written as it
 * is (no stylesheet does: layout.xsl forbids it).
 * Elements of the fragment namespace (fragment.h) are not written:
 * frag:store writes its content and keeps those bytes in the worker's
 * fragment cache, frag:use writes bytes kept by an earlier page.
 */
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h> /* xmlStringTextNoenc */
#include <libxml/tree.h>

#include "fragment.h"
#include "html5.h"

struct out {
	buf *b;
	int err;	   /* 0, SPP_ENOMEM or SPP_EINVAL */
	/* the frag:store elements being written, outermost first */
	struct {
		xmlNodePtr n;
		size_t from; /* where its content starts in b */
		uint64_t key;
	} store[FRAG_DEPTH];
	int nstore;
};

/* Appends n bytes; the NUL after them is written once, at the end. */
static inline void put(struct out *o, const char *s, size_t n)
{
	buf *b = o->b;

	if (o->err)
		return;
	if (b->len + n >= b->cap && buf_reserve(b, n) != SPP_OK) {
		o->err = SPP_ENOMEM;
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
}

#define PUTS(o, lit) put((o), (lit), sizeof(lit) - 1)

/* 1 for the bytes text must escape, 2 for those attribute values must. */
static const unsigned char special[256] = {
	['&'] = 3, ['<'] = 3, ['>'] = 3, ['"'] = 2,
};

/* Writes s escaped for text (mask 1) or an attribute value (mask 2). */
static void put_escaped(struct out *o, const xmlChar *s, unsigned char mask)
{
	const xmlChar *run = s;

	if (!s)
		return;
	for (; *s; s++) {
		if (!(special[*s] & mask))
			continue;
		put(o, (const char *)run, (size_t)(s - run));
		switch (*s) {
		case '&': PUTS(o, "&amp;"); break;
		case '<': PUTS(o, "&lt;"); break;
		case '>': PUTS(o, "&gt;"); break;
		default: PUTS(o, "&quot;"); break;
		}
		run = s + 1;
	}
	put(o, (const char *)run, (size_t)(s - run));
}

/* 1 when name (of length len) is one of list's, by length then bytes. */
static int name_in(const xmlChar *name, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (**list == *name && strlen(*list) == len && !memcmp(*list, name, len))
			return 1;
	return 0;
}

static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
	"track", "wbr", "param", NULL,
};

static const char *const boolean_attributes[] = {
	"checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
	"noresize", "noshade", "nowrap", "readonly", "selected", NULL,
};

static const char *const raw_text_elements[] = { "script", "style", NULL };

/* Writes [prefix:]name; returns the length of name. */
static size_t put_name(struct out *o, const xmlNs *ns, const xmlChar *name)
{
	size_t len = strlen((const char *)name);

	if (ns && ns->prefix) {
		put(o, (const char *)ns->prefix, strlen((const char *)ns->prefix));
		PUTS(o, ":");
	}
	put(o, (const char *)name, len);
	return len;
}

static void put_attribute(struct out *o, xmlAttrPtr a)
{
	size_t len;

	PUTS(o, " ");
	len = put_name(o, a->ns, a->name);
	if (!a->ns && name_in(a->name, len, boolean_attributes))
		return;
	PUTS(o, "=\"");
	/* an attribute's value: text nodes, and entity references kept as such */
	for (xmlNodePtr c = a->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			put_escaped(o, c->content, 2);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			PUTS(o, "&");
			put(o, (const char *)c->name, strlen((const char *)c->name));
			PUTS(o, ";");
		}
	}
	PUTS(o, "\"");
}

/* An HTML element (no namespace) whose name is in list. */
static int html_in(xmlNodePtr n, const char *const *list)
{
	return n->type == XML_ELEMENT_NODE && !n->ns &&
	       name_in(n->name, strlen((const char *)n->name), list);
}

/* 1 for an element of the fragment namespace (fragment.h). */
static int is_frag(xmlNodePtr n)
{
	return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, FRAG_NS);
}

/* The key attribute of a fragment element, or 0 when it has none. */
static int frag_attr_key(xmlNodePtr n, uint64_t *key)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (!a->ns && !strcmp((const char *)a->name, "key") && a->children &&
		    a->children->type == XML_TEXT_NODE && !a->children->next)
			return frag_key_parse((const char *)a->children->content, key);
	return 0;
}

/*
 * frag:use writes the cached fragment (the handler pinned it: a missing
 * one is a bug, and fails the page rather than lose content); frag:store
 * writes its content and is kept when closed (close_element). Neither
 * writes a tag. Returns what open_element returns.
 */
static int open_frag(struct out *o, xmlNodePtr n)
{
	uint64_t key;

	if (!strcmp((const char *)n->name, "use")) {
		const char *data;
		size_t len;
		if (!frag_attr_key(n, &key) || !(data = frag_get(key, &len)))
			o->err = SPP_EINVAL;
		else
			put(o, data, len);
		return 0;
	}
	/* frag:store: kept too when inside others (up to FRAG_DEPTH deep;
	 * deeper, only written) */
	if (o->nstore < FRAG_DEPTH && frag_attr_key(n, &key)) {
		o->store[o->nstore].n = n;
		o->store[o->nstore].from = o->b->len;
		o->store[o->nstore++].key = key;
	}
	return 1;
}

/* Writes a start tag; returns 1 when the element has content and an end tag. */
static int open_element(struct out *o, xmlNodePtr n, int *meta_done)
{
	size_t len;

	if (is_frag(n))
		return open_frag(o, n);
	PUTS(o, "<");
	len = put_name(o, n->ns, n->name);
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		put_attribute(o, a);
	PUTS(o, ">");
	if (n->ns)
		return 1;
	if (name_in(n->name, len, void_elements))
		return 0;
	if (!*meta_done && len == 4 && !memcmp(n->name, "head", 4)) {
		PUTS(o, "<meta charset=\"UTF-8\">");
		*meta_done = 1;
	}
	return 1;
}

static void close_element(struct out *o, xmlNodePtr n)
{
	if (is_frag(n)) {
		if (o->nstore && n == o->store[o->nstore - 1].n) {
			o->nstore--;
			if (!o->err)
				frag_put(o->store[o->nstore].key, o->b->data + o->store[o->nstore].from,
					 o->b->len - o->store[o->nstore].from);
		}
		return;
	}
	PUTS(o, "</");
	put_name(o, n->ns, n->name);
	PUTS(o, ">");
}

static void put_string(struct out *o, const xmlChar *s)
{
	if (s)
		put(o, (const char *)s, strlen((const char *)s));
}

/* 1 when raw text would end its element early: "</name" in any case. */
static int closes_raw_text(const xmlChar *text, const xmlChar *name)
{
	size_t n = strlen((const char *)name);

	for (const char *p = (const char *)text; p && (p = strstr(p, "</")); p += 2)
		if (!strncasecmp(p + 2, (const char *)name, n))
			return 1;
	return 0;
}

static void put_leaf(struct out *o, xmlNodePtr n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->name == xmlStringTextNoenc) {
			put_string(o, n->content);
		} else if (n->parent && html_in(n->parent, raw_text_elements)) {
			/* script/style text is not escaped: text that would close
			 * the element fails the page rather than inject markup */
			if (closes_raw_text(n->content, n->parent->name))
				o->err = SPP_EINVAL;
			else
				put_string(o, n->content);
		} else {
			put_escaped(o, n->content, 1);
		}
		break;
	case XML_ENTITY_REF_NODE:
		PUTS(o, "&");
		put_string(o, n->name);
		PUTS(o, ";");
		break;
	default:
		/* DTD, processing instructions, and comments: no stylesheet
		 * writes one, and a comment's text could close it early */
		break;
	}
}

/* See html5.h. The walk is iterative: a result tree's depth is the
 * stylesheet's business, never a reason for the worker's stack to grow. */
int html5_write(xmlDocPtr doc, buf *out)
{
	struct out o = { .b = out };
	int meta_done = 0;
	xmlNodePtr n = doc->children;

	/* the list page is ~25 kB: one reservation, no regrowth */
	if (buf_reserve(out, 32767) != SPP_OK) /* a 32 KiB block */
		return SPP_ENOMEM;
	PUTS(&o, "<!DOCTYPE html>\n");
	while (n && !o.err) {
		if (n->type == XML_ELEMENT_NODE) {
			if (open_element(&o, n, &meta_done)) {
				if (n->children) {
					n = n->children;
					continue;
				}
				close_element(&o, n);
			}
		} else {
			put_leaf(&o, n);
		}
		/* next sibling, or climb, closing the elements left */
		while (!n->next) {
			n = n->parent;
			if (!n || n == (xmlNodePtr)doc)
				goto done;
			close_element(&o, n);
		}
		n = n->next;
	}
done:
	PUTS(&o, "\n");
	if (o.err)
		return o.err;
	out->data[out->len] = '\0';
	return SPP_OK;
}
