/*
 * agent_answer.h — the answer workflow of one (experience, structure)
 * pair: draft, submission for validation (the structure's super agents and
 * super répondants are mailed), publication (the experience's author is
 * mailed the private rating link) and sending back with a remark. Every
 * function writes in the caller's transaction; rights are the caller's
 * business (page_agent_experience.c checks them first).
 */
#ifndef SPP_AGENT_ANSWER_H
#define SPP_AGENT_ANSWER_H

#include "request.h"

struct agent_answer_ctx {
	long long exp_id, sid;
	long long answer_id;	   /* 0 when nothing was written yet */
	const char *answer_status; /* answers.status, NULL when no answer */
};

/*
 * Writes the answer text, formula and signature (copies of the agent's
 * chosen texts) and applies status: "brouillon" (answer draft, state
 * brouillon — or a_traiter when the text is empty), "en_attente"
 * (submitted, validators mailed the first time) or "repondu" (published,
 * state repondu, first_answer_at set; the first time a rating link is
 * created and mailed to the experience's author). *what receives the
 * audit action name (NULL when nothing was written). Returns SPP_OK,
 * SPP_ENOMEM or SPP_EDB.
 */
int agent_answer_save(request *r, const struct agent_answer_ctx *c, const char *status,
		      const char *text, const char *formula, const char *signature,
		      const char **what);

/*
 * Sends the pending answer back to its author with remark: answer and
 * state become brouillon, the remark is kept on the answer and mailed to
 * author_user_id (when still active). Returns SPP_OK or SPP_EDB.
 */
int agent_answer_send_back(request *r, const struct agent_answer_ctx *c, long long author_user_id,
			   const char *remark);

#endif
