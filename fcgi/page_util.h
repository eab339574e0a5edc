/*
 * page_util.h — small pieces shared by page handlers.
 */
#ifndef SPP_PAGE_UTIL_H
#define SPP_PAGE_UTIL_H

#include <stdint.h>

#include "request.h"

/*
 * Replaces the text of element `node` (plain text with blank-line separated
 * paragraphs and "## " headings) with <p> and <h2> children.
 */
void page_paras(xmlNodePtr node);
/* Applies page_paras to every descendant element named `name` under root. */
void page_paras_all(xmlNodePtr root, const char *name);
/* Adds <pagination><page/><pages/><total/></pagination> to parent. */
void page_pagination(xmlNodePtr parent, long long page, long long per_page, long long total);

/*
 * Dates in French, formatted once here rather than by the template date-fr
 * of xslt/layout.xsl (tens of thousands of libxslt instructions a date).
 *
 * page_date_fr writes the date of a MariaDB DATE or DATETIME ("2026-12-01"
 * or "2026-12-01 14:03:00") as date-fr renders it ("1er décembre 2026") into
 * out and returns its length; for anything else it returns 0 and the
 * stylesheet formats the raw value as before. Like date-fr, the day is not
 * checked against the month ("2026-02-30" is « 30 février 2026 »).
 */
#define PAGE_DATE_FR_SIZE 32
size_t page_date_fr(const char *s, size_t len, char *out, size_t size);
/* Adds element name with the text s[0..len) (as x_textn) and, when it is a
 * date, the attribute fr with its French form: <name fr="…">s</name>. */
xmlNodePtr page_date(xmlNodePtr parent, const char *name, const char *s, size_t len);
/* Adds the attribute fr to every descendant element named `name` under
 * root whose text is a date (for rows added by db_xml). */
void page_date_all(xmlNodePtr root, const char *name);

/*
 * A row rendered through the worker's fragment cache (fragment.h): sets
 * frag="KEY" on e, the key of the n values v the row shows in `sheet`,
 * and, when the cache holds that key (pinned for this page), cached="1".
 * Returns 1 when cached: the caller then adds no data, the stylesheet
 * writes frag:use. *keyp (when not NULL) receives the key; 0 is no key
 * (out of memory): no frag attribute then. A ?debug=xml page
 * (development) is never cached, so that it shows all its data.
 */
int page_frag(request *r, xmlNodePtr e, const char *sheet, int n, const char *const *v,
	      const unsigned long *len, uint64_t *keyp);

/*
 * Appends to b a digest input of top and its subtree: every element's
 * name, attributes and text in document order, each part with its length
 * (so that no two different trees give the same bytes). SPP_OK or
 * SPP_ENOMEM.
 */
int page_digest_tree(buf *b, xmlNodePtr top);

/*
 * A part of a page rendered through the fragment cache when it reads
 * nothing but the n subtrees nodes (NULL ones skipped): page_frag on e
 * with the values name and the digest of those subtrees. Returns 1 when
 * cached (the stylesheet writes frag:use), else 0; *keyp as page_frag.
 */
int page_frag_of(request *r, xmlNodePtr e, const char *sheet, const char *name,
		 const xmlNodePtr *nodes, int n, uint64_t *keyp);

/* What the row callbacks of a list read into: the request (page_frag),
 * the element the rows go under and, when keys is not NULL, where the
 * rows' keys are appended (8 bytes each; nokey is set by a row without). */
typedef struct page_rows {
	request *r;
	xmlNodePtr list;
	buf *keys;
	int nokey;
} page_rows;

#endif
