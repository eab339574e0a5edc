-- 007_agent_list_fast: the indexes of the agents' list (005_agent_list)
-- also hold each row's state and assignee, so that a page's 20 rows come
-- from the index range it reads without going back to the table for each
-- of them (fcgi/page_agent_experiences.c, KEYS and PAGE_OF: only the
-- experience, the structure and the assignee are then read by primary
-- key). The columns are added at the end: the ranges and the order the
-- list reads are those of 005.
--
-- Rerunning it rebuilds the four indexes (same definitions).

ALTER TABLE experience_structures
  DROP INDEX IF EXISTS k_es_structure_list,
  DROP INDEX IF EXISTS k_es_structure_newest,
  DROP INDEX IF EXISTS k_es_list,
  DROP INDEX IF EXISTS k_es_newest,
  ADD INDEX k_es_structure_list
    (structure_id, list_state, published_at DESC, experience_id DESC, state, assigned_user_id),
  ADD INDEX k_es_structure_newest
    (structure_id, published_at DESC, experience_id DESC, state, assigned_user_id),
  ADD INDEX k_es_list
    (list_state, published_at DESC, experience_id DESC, structure_id, state, assigned_user_id),
  ADD INDEX k_es_newest
    (published_at DESC, experience_id DESC, structure_id, state, assigned_user_id);
