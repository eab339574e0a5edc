/*
 * page_admin.h — pieces shared by the administration screens
 * (page_admin.c: home, networks, audit trail; page_admin_structures.c;
 * page_admin_users.c).
 *
 * Who may do what:
 *   - administrateur: everything;
 *   - référent (CAP_NETWORK): the structures and agents of their network(s);
 *   - super agent (CAP_MANAGE_AGENTS): the agents of their structures and
 *     of the structures below them.
 * The route table checks the capability; every handler then checks the
 * record (structure, network, user) it was asked about.
 */
#ifndef SPP_PAGE_ADMIN_H
#define SPP_PAGE_ADMIN_H

#include "db.h"
#include "request.h"

/*
 * SQL condition: the user aliased `u` is one the request's user manages —
 * one of u's memberships is on a structure in a network where the manager
 * is référent, or below a structure where the manager is super agent.
 * Administrators manage everyone. Binds two arguments: ADM_SCOPE_ARGS(r).
 */
#define ADM_USER_SCOPE_SQL                                                                       \
	"(? = 1 OR EXISTS (SELECT 1 FROM memberships mu"                                         \
	" JOIN structures su ON su.id = mu.structure_id"                                         \
	" JOIN memberships mm ON mm.user_id = ? AND mm.role IN ('super_agent','referent')"       \
	" JOIN structures sm ON sm.id = mm.structure_id"                                         \
	" WHERE mu.user_id = u.id AND ((mm.role = 'referent' AND su.network_id = sm.network_id)" \
	" OR (mm.role = 'super_agent' AND su.path LIKE CONCAT(sm.path, '%')))))"
#define ADM_SCOPE_ARGS(r) A_INT(adm_is_admin(r)), A_INT((r)->auth->user_id)

/* 1 when the request's user is an administrator. */
int adm_is_admin(const request *r);

/* Marks declared field `name` invalid with msg (a static string). */
void adm_field_fail(request *r, const char *name, const char *msg);

/*
 * Prepares a form page re-rendered after a failed POST: the posted values
 * and messages as <form target="target"> (password fields blanked), the
 * stylesheet `sheet`, no caching. Returns 200.
 */
int adm_rerender(request *r, const char *sheet, const char *target);

/*
 * Adds <form target="target"> whose <field name=".."> children are the
 * columns of the one-row query st (column label = field name): the values
 * an edit form starts with. Returns 1 (found), 0 (no row) or SPP_EDB.
 */
int adm_form_prefill(request *r, const char *target, db_stmt *st, const dbarg *args, int nargs);

/* The numeric path segment i (ids in [1, 2^32-1]); 0 when malformed. */
long long adm_path_id(const request *r, int i);

/*
 * Data source: <networks><network><id/><code/><name/><short_name/></network>
 * … — the networks whose structures the user manages (all for
 * administrators, those where they are référent otherwise).
 */
int adm_networks_xml(request *r, xmlNodePtr parent);
/* 1 when the user manages the structures of network_id, 0 if not, SPP_EDB. */
int adm_network_allowed(request *r, long long network_id);

/* A LIKE pattern "%s%" with \, % and _ of s escaped (arena string). */
const char *adm_like(arena *a, const char *s);

#endif
