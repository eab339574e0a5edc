/*
 * page_util.c — paragraphs, pagination and French dates for page documents.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "fragment.h"
#include "page_util.h"
#include "xml.h"

void page_paras(xmlNodePtr node)
{
	xmlChar *text = xmlNodeGetContent(node);
	const char *p, *end;

	if (!text)
		return;
	/* drop the old text children */
	xmlNodePtr c = node->children;
	while (c) {
		xmlNodePtr next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
		c = next;
	}
	p = (const char *)text;
	end = p + strlen(p);
	while (p < end) {
		/* a block runs until a blank line */
		const char *blk = p, *stop = strstr(p, "\n\n");
		const char *crlf = strstr(p, "\r\n\r\n");
		if (crlf && (!stop || crlf < stop))
			stop = crlf;
		if (!stop)
			stop = end;
		p = stop;
		while (p < end && (*p == '\n' || *p == '\r'))
			p++;
		while (blk < stop && (*blk == ' ' || *blk == '\n' || *blk == '\r' || *blk == '\t'))
			blk++;
		size_t n = (size_t)(stop - blk);
		while (n && (blk[n - 1] == ' ' || blk[n - 1] == '\r' || blk[n - 1] == '\n'))
			n--;
		if (!n)
			continue;
		if (n > 3 && !strncmp(blk, "## ", 3))
			x_textn(node, "h2", blk + 3, n - 3);
		else
			x_textn(node, "p", blk, n);
	}
	xmlFree(text);
}

void page_paras_all(xmlNodePtr root, const char *name)
{
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, name))
			page_paras(c);
		else
			page_paras_all(c, name);
	}
}

void page_pagination(xmlNodePtr parent, long long page, long long per_page, long long total)
{
	xmlNodePtr pg = x_el(parent, "pagination");
	long long pages = per_page > 0 ? (total + per_page - 1) / per_page : 1;

	if (pages < 1)
		pages = 1;
	x_int(pg, "page", page);
	x_int(pg, "pages", pages);
	x_int(pg, "total", total);
	x_int(pg, "per-page", per_page);
}

static const char *const month_fr[12] = {
	"janvier", "février", "mars",	   "avril",   "mai",	  "juin",
	"juillet", "août",    "septembre", "octobre", "novembre", "décembre",
};

size_t page_date_fr(const char *s, size_t len, char *out, size_t size)
{
	int month, day, n;

	/* YYYY-MM-DD, alone or followed by " HH:MM:SS" */
	if (!s || len < 10 || (len > 10 && s[10] != ' '))
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return 0;
	n = snprintf(out, size, "%d%s %s %.4s", day, day == 1 ? "er" : "", month_fr[month - 1], s);
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* Sets fr on node when s[0..len) is a date. */
static void date_attr(xmlNodePtr node, const char *s, size_t len)
{
	char fr[PAGE_DATE_FR_SIZE];

	if (node && page_date_fr(s, len, fr, sizeof fr))
		xmlSetProp(node, (const xmlChar *)"fr", (const xmlChar *)fr);
}

xmlNodePtr page_date(xmlNodePtr parent, const char *name, const char *s, size_t len)
{
	xmlNodePtr n = x_textn(parent, name, s, len);

	date_attr(n, s, len);
	return n;
}

void page_date_all(xmlNodePtr root, const char *name)
{
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, name)) {
			/* db_xml gives the element a single text child */
			xmlNodePtr t = c->children;
			if (t && t->type == XML_TEXT_NODE && !t->next && t->content)
				date_attr(c, (const char *)t->content,
					  strlen((const char *)t->content));
		} else {
			page_date_all(c, name);
		}
	}
}

/* See page_util.h. */
int page_frag(request *r, xmlNodePtr e, const char *sheet, int n, const char *const *v,
	      const unsigned long *len, uint64_t *keyp)
{
	uint64_t key = frag_key(sheet, n, v, len);
	char hex[17];

	if (keyp)
		*keyp = key;
	if (!key) /* no key (out of memory): rendered, not kept */
		return 0;
	frag_key_hex(key, hex);
	x_attr(e, "frag", hex);
	if (req_debug_xml(r))
		return 0;
	if (!frag_has(key))
		return 0;
	x_attr(e, "cached", "1");
	return 1;
}

/* Appends one length-prefixed part to b; nonzero when out of memory. */
static int digest_part(buf *b, char tag, const char *s, size_t len)
{
	uint32_t n = (uint32_t)len;

	return buf_putc(b, tag) || buf_append(b, &n, sizeof n) || buf_append(b, s, len);
}

/* See page_util.h. */
int page_digest_tree(buf *b, xmlNodePtr top)
{
	xmlNodePtr n = top;
	int err = 0;

	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			err |= digest_part(b, 'E', (const char *)n->name, strlen((const char *)n->name));
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				const xmlNode *t = a->children;
				const char *v = t && t->content ? (const char *)t->content : "";
				err |= digest_part(b, 'A', (const char *)a->name,
						   strlen((const char *)a->name));
				err |= digest_part(b, 'V', v, strlen(v));
			}
			if (n->children) {
				n = n->children;
				continue;
			}
			err |= buf_putc(b, 'X');
		} else if (n->type == XML_TEXT_NODE && n->content) {
			err |= digest_part(b, 'T', (const char *)n->content,
					   strlen((const char *)n->content));
		}
		/* next sibling, or climb, closing the elements left */
		while (n != top && !n->next) {
			n = n->parent;
			err |= buf_putc(b, 'X');
		}
		if (n == top)
			break;
		n = n->next;
	}
	return err ? SPP_ENOMEM : SPP_OK;
}

/* See page_util.h. */
int page_frag_of(request *r, xmlNodePtr e, const char *sheet, const char *name,
		 const xmlNodePtr *nodes, int n, uint64_t *keyp)
{
	buf b;

	if (keyp)
		*keyp = 0;
	buf_init(&b, r->a);
	for (int i = 0; i < n; i++)
		if (nodes[i] && page_digest_tree(&b, nodes[i]) != SPP_OK)
			return 0; /* an incomplete digest is no key: rendered */
	{
		const char *v[] = { name, b.data ? b.data : "" };
		const unsigned long len[] = { strlen(name), b.len };
		return page_frag(r, e, sheet, 2, v, len, keyp);
	}
}
