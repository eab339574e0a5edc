/*
 * page_util.h — small pieces shared by page handlers.
 */
#ifndef SPP_PAGE_UTIL_H
#define SPP_PAGE_UTIL_H

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

#endif
