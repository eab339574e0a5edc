-- 008_structure_tree_version: a counter that every change to the table
-- structures moves on, in the transaction of that change.
--
-- A web worker keeps the structures an agent can act on (their names,
-- paths, networks: the tree that «Les expériences» filters by and shows
-- in its «Structure» list) from one request to the next, and the
-- statement that reads the list's page also reads this counter
-- (fcgi/page_agent_experiences.c): when it is not the one the tree was
-- read with, the tree is read again and the page too. So a kept tree is
-- never used once a structure has been added, moved, renamed, closed or
-- deleted, whichever host or tool changed it.
--
-- Creating triggers needs the TRIGGER privilege (see 005_agent_list.sql).

CREATE TABLE IF NOT EXISTS structure_tree_version (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT IGNORE INTO structure_tree_version (id, version) VALUES (1, 1);

CREATE OR REPLACE TRIGGER t_tree_version_ins AFTER INSERT ON structures
FOR EACH ROW
  UPDATE structure_tree_version SET version = version + 1 WHERE id = 1;

CREATE OR REPLACE TRIGGER t_tree_version_upd AFTER UPDATE ON structures
FOR EACH ROW
  UPDATE structure_tree_version SET version = version + 1 WHERE id = 1;

CREATE OR REPLACE TRIGGER t_tree_version_del AFTER DELETE ON structures
FOR EACH ROW
  UPDATE structure_tree_version SET version = version + 1 WHERE id = 1;
