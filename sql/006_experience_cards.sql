-- 006_experience_cards: the public list's card of each published
-- experience, in one row (fcgi/search.c reads a page of them).
--
-- Why: a page of the public list joined experiences (the title, the start
-- of the body), experience_structures and structures (the names, one row
-- per structure) and answers (is one published?): 360 µs of MariaDB CPU
-- per page on the 200,000-experience bench set. Reading the same 20
-- cards from this table costs 135 µs (2026-11-29: fcgi/search.c's page
-- statement before and after this migration, bound by hand, through
-- tests/bench/stmt_cost.sh -d spplus_bench 2000 '…').
--
-- A card exists exactly while its experience is published, and holds what
-- the list shows: title, the first 400 characters of the body (the page
-- cuts its excerpt from them), feeling, publication date, pseudonym,
-- whether an answer is published, and the structures concerned as
-- "id<US>name" joined by <RS> (0x1f, 0x1e: never in a name, which is one
-- line of text), ordered by name. Triggers rewrite it in the transaction
-- of any statement that changes one of these (whoever writes: the site,
-- spplus-admin, SQL fixtures, loaders), so the list is never staler than
-- the tables, on one server or a Galera cluster (the rows replicate).
--
-- Needs the privileges of 005 and CREATE ROUTINE for the function and the
-- procedure (all part of ALL on the database; SUPER or
-- log_bin_trust_function_creators = 1 with binary logging).

CREATE TABLE IF NOT EXISTS experience_cards (
  experience_id INT UNSIGNED NOT NULL PRIMARY KEY,
  published_at DATETIME NOT NULL,
  title VARCHAR(200) NOT NULL,
  excerpt VARCHAR(400) NOT NULL,
  feeling ENUM('positif','neutre','negatif') NOT NULL,
  pseudonym VARCHAR(60) NOT NULL,
  answered TINYINT(1) NOT NULL,
  structures TEXT NOT NULL,
  CONSTRAINT fk_cards_experience FOREIGN KEY (experience_id) REFERENCES experiences (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The structures column of experience p_id's card.
CREATE OR REPLACE FUNCTION experience_card_structures(p_id INT UNSIGNED) RETURNS TEXT
CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
READS SQL DATA
  RETURN COALESCE((SELECT GROUP_CONCAT(CONCAT(s.id, 0x1f, s.name) ORDER BY s.name, s.id
                                       SEPARATOR 0x1e)
                     FROM experience_structures es JOIN structures s ON s.id = es.structure_id
                    WHERE es.experience_id = p_id), '');

-- What the card of each published experience holds, from the tables: the
-- one definition of a card, its columns in the order of experience_cards.
-- MariaDB merges it into the statements that read it: reading one
-- experience_id is a primary key lookup.
CREATE OR REPLACE VIEW experience_card_rows AS
SELECT e.id AS experience_id, e.published_at, e.title, LEFT(e.body, 400) AS excerpt, e.feeling,
       e.pseudonym,
       EXISTS (SELECT 1 FROM answers a WHERE a.experience_id = e.id AND a.status = 'publiee')
         AS answered,
       experience_card_structures(e.id) AS structures
  FROM experiences e
 WHERE e.status = 'publiee' AND e.published_at IS NOT NULL;

-- Rewrites the card of experience p_id (none when it is not published).
CREATE OR REPLACE PROCEDURE experience_card_refresh(IN p_id INT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  DELETE FROM experience_cards WHERE experience_id = p_id;
  INSERT INTO experience_cards SELECT * FROM experience_card_rows WHERE experience_id = p_id;
END;

-- A row that names experience p_old, and now p_new: both cards.
CREATE OR REPLACE PROCEDURE experience_card_moved(IN p_old INT UNSIGNED, IN p_new INT UNSIGNED)
MODIFIES SQL DATA
BEGIN
  CALL experience_card_refresh(p_old);
  IF NOT (p_new <=> p_old) THEN
    CALL experience_card_refresh(p_new);
  END IF;
END;

CREATE OR REPLACE TRIGGER t_cards_exp_ins AFTER INSERT ON experiences
FOR EACH ROW
  IF NEW.status = 'publiee' THEN
    CALL experience_card_refresh(NEW.id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_exp_upd AFTER UPDATE ON experiences
FOR EACH ROW FOLLOWS t_experiences_published
  IF NOT (NEW.status <=> OLD.status AND NEW.published_at <=> OLD.published_at
          AND NEW.title <=> OLD.title AND NEW.body <=> OLD.body
          AND NEW.feeling <=> OLD.feeling AND NEW.pseudonym <=> OLD.pseudonym) THEN
    CALL experience_card_refresh(NEW.id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_es_ins AFTER INSERT ON experience_structures
FOR EACH ROW FOLLOWS t_es_count_ins
  CALL experience_card_refresh(NEW.experience_id);

CREATE OR REPLACE TRIGGER t_cards_es_upd AFTER UPDATE ON experience_structures
FOR EACH ROW FOLLOWS t_es_count_upd
  IF NOT (NEW.experience_id <=> OLD.experience_id AND NEW.structure_id <=> OLD.structure_id) THEN
    CALL experience_card_moved(OLD.experience_id, NEW.experience_id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_es_del AFTER DELETE ON experience_structures
FOR EACH ROW FOLLOWS t_es_count_del
  CALL experience_card_refresh(OLD.experience_id);

CREATE OR REPLACE TRIGGER t_cards_answer_ins AFTER INSERT ON answers
FOR EACH ROW
  IF NEW.status = 'publiee' THEN
    CALL experience_card_refresh(NEW.experience_id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_answer_upd AFTER UPDATE ON answers
FOR EACH ROW
  IF NOT (NEW.experience_id <=> OLD.experience_id AND NEW.status <=> OLD.status) THEN
    CALL experience_card_moved(OLD.experience_id, NEW.experience_id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_answer_del AFTER DELETE ON answers
FOR EACH ROW
  IF OLD.status = 'publiee' THEN
    CALL experience_card_refresh(OLD.experience_id);
  END IF;

-- A renamed structure: the cards that name it.
CREATE OR REPLACE TRIGGER t_cards_structure_upd AFTER UPDATE ON structures
FOR EACH ROW
  IF NOT (NEW.name <=> OLD.name) THEN
    UPDATE experience_cards c JOIN experience_structures es ON es.experience_id = c.experience_id
       SET c.structures = experience_card_structures(c.experience_id)
     WHERE es.structure_id = NEW.id;
  END IF;

-- Existing experiences.
START TRANSACTION;
DELETE FROM experience_cards;
INSERT INTO experience_cards SELECT * FROM experience_card_rows;
COMMIT;
