-- 009_agent_list_versions: structure_experience_counts.version, a counter
-- of each structure that moves on, in the transaction of the change, with
-- everything a row of the agents' list «Les expériences» shows for that
-- structure: its rows of experience_structures (added, removed, moved,
-- published or not, state, assignee), the title and pseudonym of their
-- experiences, and the name of their assignees. (The structures' own
-- names are covered by structure_tree_version, sql/008.)
--
-- A web worker keeps the pages of the list it read (fcgi/
-- page_agent_experiences.c) with the sum of the versions of the page's
-- structures; each request reads that sum again, with the page's total,
-- and a page whose sum moved is read again. Versions only grow, so the
-- sum of a set of structures moves whenever one of them does. (A database
-- restored from a backup brings older versions back: restart spplusd
-- after a restore, so that no worker keeps pages of the newer state.)
--
-- Creating triggers and procedures needs the TRIGGER and CREATE ROUTINE
-- privileges (see 005_agent_list.sql and README.md).

ALTER TABLE structure_experience_counts
  ADD COLUMN IF NOT EXISTS version BIGINT UNSIGNED NOT NULL DEFAULT 0;

-- the rows of an assignee (the renaming of a user, below)
ALTER TABLE experience_structures
  ADD INDEX IF NOT EXISTS k_es_assignee (assigned_user_id);

-- One structure's counts move by the given deltas (published rows by
-- list_state) and its version by one, in one write of its row.
CREATE OR REPLACE PROCEDURE structure_counts_move(IN p_id INT UNSIGNED, IN p_todo INT,
                                                  IN p_pending INT, IN p_answered INT)
MODIFIES SQL DATA
BEGIN
  INSERT INTO structure_experience_counts (structure_id, a_traiter, en_attente, repondu, version)
  VALUES (p_id, p_todo, p_pending, p_answered, 1)
  ON DUPLICATE KEY UPDATE a_traiter = a_traiter + VALUES(a_traiter),
    en_attente = en_attente + VALUES(en_attente), repondu = repondu + VALUES(repondu),
    version = version + 1;
END;

-- 005's counting triggers, replaced: they move the version too, on any
-- change a list row shows (a draft's state and the assignee included).
CREATE OR REPLACE TRIGGER t_es_count_ins AFTER INSERT ON experience_structures
FOR EACH ROW
  CALL structure_counts_move(NEW.structure_id,
    NEW.published_at IS NOT NULL AND NEW.state IN ('a_traiter', 'brouillon'),
    NEW.published_at IS NOT NULL AND NEW.state = 'en_attente',
    NEW.published_at IS NOT NULL AND NEW.state = 'repondu');

CREATE OR REPLACE TRIGGER t_es_count_upd AFTER UPDATE ON experience_structures
FOR EACH ROW
  IF NOT (NEW.experience_id <=> OLD.experience_id AND NEW.structure_id <=> OLD.structure_id
          AND NEW.state <=> OLD.state AND NEW.assigned_user_id <=> OLD.assigned_user_id
          AND NEW.published_at <=> OLD.published_at) THEN
    IF NEW.structure_id <=> OLD.structure_id THEN
      CALL structure_counts_move(NEW.structure_id,
        (NEW.published_at IS NOT NULL AND NEW.state IN ('a_traiter', 'brouillon'))
          - (OLD.published_at IS NOT NULL AND OLD.state IN ('a_traiter', 'brouillon')),
        (NEW.published_at IS NOT NULL AND NEW.state = 'en_attente')
          - (OLD.published_at IS NOT NULL AND OLD.state = 'en_attente'),
        (NEW.published_at IS NOT NULL AND NEW.state = 'repondu')
          - (OLD.published_at IS NOT NULL AND OLD.state = 'repondu'));
    ELSE
      CALL structure_counts_move(OLD.structure_id,
        -(OLD.published_at IS NOT NULL AND OLD.state IN ('a_traiter', 'brouillon')),
        -(OLD.published_at IS NOT NULL AND OLD.state = 'en_attente'),
        -(OLD.published_at IS NOT NULL AND OLD.state = 'repondu'));
      CALL structure_counts_move(NEW.structure_id,
        NEW.published_at IS NOT NULL AND NEW.state IN ('a_traiter', 'brouillon'),
        NEW.published_at IS NOT NULL AND NEW.state = 'en_attente',
        NEW.published_at IS NOT NULL AND NEW.state = 'repondu');
    END IF;
  END IF;

CREATE OR REPLACE TRIGGER t_es_count_del AFTER DELETE ON experience_structures
FOR EACH ROW
  CALL structure_counts_move(OLD.structure_id,
    -(OLD.published_at IS NOT NULL AND OLD.state IN ('a_traiter', 'brouillon')),
    -(OLD.published_at IS NOT NULL AND OLD.state = 'en_attente'),
    -(OLD.published_at IS NOT NULL AND OLD.state = 'repondu'));

-- (status and publication date reach the rows through 005's triggers)
CREATE OR REPLACE TRIGGER t_experiences_version AFTER UPDATE ON experiences
FOR EACH ROW
  IF NOT (NEW.title <=> OLD.title AND NEW.pseudonym <=> OLD.pseudonym) THEN
    UPDATE structure_experience_counts c
      JOIN experience_structures es ON es.structure_id = c.structure_id
       SET c.version = c.version + 1
     WHERE es.experience_id = NEW.id;
  END IF;

-- The structures whose rows name user p_id as their assignee: their
-- versions move (the user is renamed, deleted, or created with the id of
-- a deleted one: no foreign key ties an assignee to users).
CREATE OR REPLACE PROCEDURE structure_versions_assignee(IN p_id INT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  UPDATE structure_experience_counts c
    JOIN (SELECT DISTINCT structure_id FROM experience_structures
           WHERE assigned_user_id = p_id) a ON a.structure_id = c.structure_id
     SET c.version = c.version + 1;
END;

CREATE OR REPLACE TRIGGER t_users_version AFTER UPDATE ON users
FOR EACH ROW
  IF NOT (NEW.id <=> OLD.id AND NEW.display_name <=> OLD.display_name
          AND NEW.username <=> OLD.username) THEN
    CALL structure_versions_assignee(OLD.id);
    CALL structure_versions_assignee(NEW.id);
  END IF;

CREATE OR REPLACE TRIGGER t_users_version_del AFTER DELETE ON users
FOR EACH ROW
  CALL structure_versions_assignee(OLD.id);

CREATE OR REPLACE TRIGGER t_users_version_ins AFTER INSERT ON users
FOR EACH ROW
  CALL structure_versions_assignee(NEW.id);
