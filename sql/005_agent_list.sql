-- 005_agent_list: what keeps the agents' list «Les expériences» cheap at
-- any size (fcgi/page_agent_experiences.c holds the queries and explains
-- how they use this).
--
-- 1. experience_structures.list_state: the state as the list's «état»
--    filter sees it (a draft, brouillon, is still «à traiter»), so that one
--    filter value is one index range.
-- 2. Indexes, newest first (descending, so that a forward scan gives the
--    list's order published_at DESC, experience_id DESC, structure_id):
--    per structure (one structure's page is a range read and stopped after
--    OFFSET + LIMIT rows, no sort) and over every structure (the newest
--    rows of one état, filtered by the user's structures while scanning).
--    They replace k_es_structure_state and k_es_structure_pub.
-- 3. experience_structures.published_at is the experience's publication
--    date while it is published and NULL otherwise, enforced by triggers
--    (whoever writes: the site, spplus-admin, SQL fixtures, loaders), so
--    that "published" is read from the index, without the experience row.
-- 4. structure_experience_counts: the number of published rows of each
--    structure by list_state, kept by triggers in the transaction of the
--    statement that changes them, so that a list's total is a sum over the
--    user's structures instead of a count of their rows.
--
-- Creating triggers needs the TRIGGER privilege (part of ALL on the
-- database) and, on a server with binary logging, SUPER or
-- log_bin_trust_function_creators = 1. Apply it with the site idle: the
-- counts are recomputed at the end, in one transaction.

ALTER TABLE experience_structures
  ADD COLUMN IF NOT EXISTS list_state ENUM('a_traiter','en_attente','repondu')
    AS (IF(state = 'brouillon', 'a_traiter', state)) VIRTUAL AFTER state,
  DROP INDEX IF EXISTS k_es_structure_state,
  DROP INDEX IF EXISTS k_es_structure_pub,
  ADD INDEX IF NOT EXISTS k_es_structure_list
    (structure_id, list_state, published_at DESC, experience_id DESC),
  ADD INDEX IF NOT EXISTS k_es_structure_newest
    (structure_id, published_at DESC, experience_id DESC),
  ADD INDEX IF NOT EXISTS k_es_list
    (list_state, published_at DESC, experience_id DESC, structure_id),
  ADD INDEX IF NOT EXISTS k_es_newest (published_at DESC, experience_id DESC, structure_id);

-- Published rows (published_at IS NOT NULL) of each structure, by
-- list_state. Signed, so that a bug would show as a negative count.
CREATE TABLE IF NOT EXISTS structure_experience_counts (
  structure_id INT UNSIGNED NOT NULL PRIMARY KEY,
  a_traiter INT NOT NULL DEFAULT 0,
  en_attente INT NOT NULL DEFAULT 0,
  repondu INT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

-- experience_structures.published_at follows its experience: copied on
-- insert, and on an update that changes it or the experience.
CREATE OR REPLACE TRIGGER t_es_published_ins BEFORE INSERT ON experience_structures
FOR EACH ROW
  SET NEW.published_at = (SELECT IF(e.status = 'publiee', e.published_at, NULL)
                            FROM experiences e WHERE e.id = NEW.experience_id);

CREATE OR REPLACE TRIGGER t_es_published_upd BEFORE UPDATE ON experience_structures
FOR EACH ROW
  IF NOT (NEW.experience_id <=> OLD.experience_id AND NEW.published_at <=> OLD.published_at) THEN
    SET NEW.published_at = (SELECT IF(e.status = 'publiee', e.published_at, NULL)
                              FROM experiences e WHERE e.id = NEW.experience_id);
  END IF;

-- … and an experience that is published, unpublished or re-dated passes it
-- on to its rows (moderation also copies it itself).
CREATE OR REPLACE TRIGGER t_experiences_published AFTER UPDATE ON experiences
FOR EACH ROW
  IF NOT (NEW.status <=> OLD.status AND NEW.published_at <=> OLD.published_at) THEN
    UPDATE experience_structures
       SET published_at = IF(NEW.status = 'publiee', NEW.published_at, NULL)
     WHERE experience_id = NEW.id;
  END IF;

-- Deleting an experience deletes its rows here first: the foreign key's
-- cascade would not run the counting triggers.
CREATE OR REPLACE TRIGGER t_experiences_delete BEFORE DELETE ON experiences
FOR EACH ROW
  DELETE FROM experience_structures WHERE experience_id = OLD.id;

-- The counts (list_state is spelled out: a trigger does not rely on the
-- virtual column being computed).
CREATE OR REPLACE TRIGGER t_es_count_ins AFTER INSERT ON experience_structures
FOR EACH ROW
  IF NEW.published_at IS NOT NULL THEN
    INSERT INTO structure_experience_counts (structure_id, a_traiter, en_attente, repondu)
    VALUES (NEW.structure_id, NEW.state IN ('a_traiter', 'brouillon'), NEW.state = 'en_attente',
            NEW.state = 'repondu')
    ON DUPLICATE KEY UPDATE a_traiter = a_traiter + VALUES(a_traiter),
      en_attente = en_attente + VALUES(en_attente), repondu = repondu + VALUES(repondu);
  END IF;

CREATE OR REPLACE TRIGGER t_es_count_upd AFTER UPDATE ON experience_structures
FOR EACH ROW
  IF NOT (NEW.structure_id <=> OLD.structure_id
          AND IF(NEW.state = 'brouillon', 'a_traiter', NEW.state)
              <=> IF(OLD.state = 'brouillon', 'a_traiter', OLD.state)
          AND (NEW.published_at IS NULL) <=> (OLD.published_at IS NULL)) THEN
    IF OLD.published_at IS NOT NULL THEN
      UPDATE structure_experience_counts
         SET a_traiter = a_traiter - (OLD.state IN ('a_traiter', 'brouillon')),
             en_attente = en_attente - (OLD.state = 'en_attente'),
             repondu = repondu - (OLD.state = 'repondu')
       WHERE structure_id = OLD.structure_id;
    END IF;
    IF NEW.published_at IS NOT NULL THEN
      INSERT INTO structure_experience_counts (structure_id, a_traiter, en_attente, repondu)
      VALUES (NEW.structure_id, NEW.state IN ('a_traiter', 'brouillon'), NEW.state = 'en_attente',
              NEW.state = 'repondu')
      ON DUPLICATE KEY UPDATE a_traiter = a_traiter + VALUES(a_traiter),
        en_attente = en_attente + VALUES(en_attente), repondu = repondu + VALUES(repondu);
    END IF;
  END IF;

CREATE OR REPLACE TRIGGER t_es_count_del AFTER DELETE ON experience_structures
FOR EACH ROW
  IF OLD.published_at IS NOT NULL THEN
    UPDATE structure_experience_counts
       SET a_traiter = a_traiter - (OLD.state IN ('a_traiter', 'brouillon')),
           en_attente = en_attente - (OLD.state = 'en_attente'),
           repondu = repondu - (OLD.state = 'repondu')
     WHERE structure_id = OLD.structure_id;
  END IF;

-- Existing rows: published_at made consistent (the triggers above count
-- what this changes; the counts are recomputed next anyway).
UPDATE experience_structures es JOIN experiences e ON e.id = es.experience_id
   SET es.published_at = IF(e.status = 'publiee', e.published_at, NULL)
 WHERE NOT (es.published_at <=> IF(e.status = 'publiee', e.published_at, NULL));

START TRANSACTION;
DELETE FROM structure_experience_counts;
INSERT INTO structure_experience_counts (structure_id, a_traiter, en_attente, repondu)
SELECT structure_id, SUM(list_state = 'a_traiter'), SUM(list_state = 'en_attente'),
       SUM(list_state = 'repondu')
  FROM experience_structures WHERE published_at IS NOT NULL GROUP BY structure_id;
COMMIT;
