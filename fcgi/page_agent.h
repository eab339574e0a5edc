/*
 * page_agent.h — pieces shared by the agents' experience, action and tag
 * screens (page_agent_experiences.c, page_agent_experience.c,
 * page_actions.c, page_tags.c): the SQL shape of "structures this user can
 * act on", state labels, and small data sources.
 */
#ifndef SPP_PAGE_AGENT_H
#define SPP_PAGE_AGENT_H

#include "request.h"

/*
 * SQL condition: structure alias `s` is one the user can act on — a
 * membership on it, a "super" membership on an ancestor (or itself), or a
 * référent membership in its network. Administrators see every structure.
 * Binds two arguments, in order: is_admin (0/1), user_id (AGENT_VIS_ARGS).
 */
#define AGENT_VIS_SQL                                                               \
	"(? = 1 OR EXISTS (SELECT 1 FROM memberships m JOIN structures ms"          \
	" ON ms.id = m.structure_id WHERE m.user_id = ? AND (m.structure_id = s.id" \
	" OR (m.role IN ('super_agent','super_repondant','super_evaluateur')"       \
	" AND s.path LIKE CONCAT(ms.path, '%'))"                                    \
	" OR (m.role = 'referent' AND s.network_id = ms.network_id))))"

#define AGENT_VIS_ARGS(r) A_INT(agent_is_admin(r)), A_INT(agent_user_id(r))

/*
 * The same set as the start of a FROM clause for lists:
 * " FROM (…) vis STRAIGHT_JOIN structures s ON s.id = vis.id" where the
 * derived table holds the ids of the structures the user can act on,
 * materialised once from the user's memberships (index-driven) and read
 * first, instead of an EXISTS per structure row. Binds four arguments
 * (AGENT_VIS_FROM_ARGS). page_agent_experiences.c computes the same set
 * from the session's memberships (vis_load) for «Les expériences» and
 * agent_structures_xml.
 *
 * A subtree is a range of k_structures_path: paths are '/'-separated
 * decimal ids (structure.c), so every descendant's path sorts between the
 * ancestor's path and that path followed by a letter (digits and '/' come
 * before letters in the collation); the LIKE stays the exact test. With
 * the bounds MariaDB re-plans the range for each membership row ("range
 * checked for each record") instead of reading the whole path index.
 */
#define AGENT_VIS_FROM                                                                       \
	" FROM (SELECT m.structure_id AS id FROM memberships m"                              \
	" WHERE m.user_id = ? AND m.structure_id IS NOT NULL"                                \
	" UNION SELECT v.id FROM memberships m JOIN structures ms ON ms.id = m.structure_id" \
	" JOIN structures v ON v.path >= ms.path AND v.path < CONCAT(ms.path, 'a')"          \
	" AND v.path LIKE CONCAT(ms.path, '%') WHERE m.user_id = ?"                          \
	" AND m.role IN ('super_agent','super_repondant','super_evaluateur')"                \
	" UNION SELECT v.id FROM memberships m JOIN structures ms ON ms.id = m.structure_id" \
	" JOIN structures v ON v.network_id = ms.network_id WHERE m.user_id = ?"             \
	" AND m.role = 'referent'"                                                           \
	" UNION SELECT v.id FROM memberships m JOIN structures v"                            \
	" WHERE m.user_id = ? AND m.role = 'administrateur') vis"                            \
	" STRAIGHT_JOIN structures s ON s.id = vis.id"

#define AGENT_VIS_FROM_ARGS(r)                                                     \
	A_INT(agent_user_id(r)), A_INT(agent_user_id(r)), A_INT(agent_user_id(r)), \
		A_INT(agent_user_id(r))

/* 1 when the request's user is an administrator. */
int agent_is_admin(const request *r);
/* The request's user id (0 when anonymous, which routes never allow). */
long long agent_user_id(const request *r);

/*
 * Data source: <structures><structure><id/><name/><code_sp/><depth/>
 * </structure>…</structures> under parent — every active structure the
 * user can act on, in tree order (at most 5,000). Returns the row count or
 * SPP_EDB.
 */
int agent_structures_xml(request *r, xmlNodePtr parent);

/* 1 when structure_id is one the user can act on (visibility), 0 if not,
 * SPP_EDB on failure. */
int agent_structure_visible(request *r, long long structure_id);

/*
 * Reads every value of the repeated form field `name` (checkbox lists) as
 * ids in [1, 2^32-1] into an arena array; *n receives the count. Values
 * that are not such ids make the function return SPP_EBADREQ.
 */
int agent_form_ids(request *r, const char *name, long long **ids, int *n);

/* Sets the response up as a re-rendered page with status (4xx) using the
 * route's stylesheet, and returns status. */
int agent_rerender(request *r, int status);

/* Pages of «Les expériences» this worker showed from the rows it kept,
 * and read from the database, since it started (for /spplus-status). */
void agent_list_stats(unsigned long long *kept, unsigned long long *read);

#endif
