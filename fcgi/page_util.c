/*
 * page_util.c — paragraphs and pagination for page documents.
 */
#include <string.h>
#include <stdlib.h>

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
