-- tests/bench/load.sql — loads the shared reference data set
-- (/work/shared/bench-peer/gen.py: 2,000 offices, 200,000 experiences, 60 %
-- answered) into OUR schema, in the bench database (spplus_bench), already
-- migrated. Run by tests/bench/stack.sh with the mariadb client
-- (--local-infile=1); @DATA@ is replaced by the folder of the TSV files.
--
-- Mapping:
--   networks      one per peer network (11), with a code
--   structures    a tree per network: national direction (depth 0) →
--                 one direction per département (depth 1) → the peer's
--                 offices (depth 2, same ids as the peer's), path "/n/d/o/"
--   experiences   same ids; published → publiee (published_at kept),
--                 pending → a_moderer, rejected → rejetee (no published_at)
--   experience_structures  one row per experience (its office):
--                 repondu when published and answered, else a_traiter
--   answers       the peer's responses to published experiences, publiee
--   experience_channels    one channel per experience (spread over the 9)
SET NAMES utf8mb4;
SET SESSION foreign_key_checks = 0, unique_checks = 0;

DROP TABLE IF EXISTS stage_structures, stage_experiences, stage_responses, stage_networks,
  stage_deps;
CREATE TABLE stage_structures (
  id INT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, city VARCHAR(100) NOT NULL,
  postal_code CHAR(5) NOT NULL, department VARCHAR(3) NOT NULL, region VARCHAR(100) NOT NULL,
  network VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE stage_experiences (
  id INT UNSIGNED NOT NULL PRIMARY KEY, structure_id INT UNSIGNED NOT NULL,
  title VARCHAR(255) NOT NULL, body TEXT NOT NULL, feeling VARCHAR(10) NOT NULL,
  pseudonym VARCHAR(64) NOT NULL, published_at DATETIME NOT NULL, status VARCHAR(10) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE stage_responses (
  id INT UNSIGNED NOT NULL PRIMARY KEY, experience_id INT UNSIGNED NOT NULL,
  body TEXT NOT NULL, published_at DATETIME NOT NULL, KEY (experience_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

LOAD DATA LOCAL INFILE '@DATA@/structures.tsv' INTO TABLE stage_structures CHARACTER SET utf8mb4;
LOAD DATA LOCAL INFILE '@DATA@/experiences.tsv' INTO TABLE stage_experiences CHARACTER SET utf8mb4;
LOAD DATA LOCAL INFILE '@DATA@/responses.tsv' INTO TABLE stage_responses CHARACTER SET utf8mb4;

-- Empty the tables we fill (a reload), children first (foreign key checks
-- are off: no cascade, so the cards go first). The triggers of sql/005 and
-- sql/006 keep the counts and the cards of what is inserted below.
DELETE FROM experience_cards;
DELETE FROM experience_channels;
DELETE FROM answers;
DELETE FROM experience_structures;
DELETE FROM experiences;
DELETE FROM memberships WHERE structure_id IS NOT NULL;
DELETE FROM structures;
DELETE FROM networks;

CREATE TABLE stage_networks (
  network VARCHAR(100) NOT NULL PRIMARY KEY, id INT UNSIGNED NOT NULL, code VARCHAR(20) NOT NULL,
  short_name VARCHAR(60) NOT NULL, name VARCHAR(200) NOT NULL, typology SMALLINT UNSIGNED NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO stage_networks VALUES
  ('France Services', 1, 'FS', 'France Services', 'Réseau France Services', 9),
  ('CAF', 2, 'CAF', 'CAF', 'Caisses d''allocations familiales', 4),
  ('CPAM', 3, 'CPAM', 'CPAM', 'Caisses primaires d''assurance maladie', 1),
  ('France Travail', 4, 'FT', 'France Travail', 'France Travail', 1),
  ('DGFiP', 5, 'DGFIP', 'Finances publiques', 'Direction générale des finances publiques', 5),
  ('Préfectures', 6, 'PREF', 'Préfectures', 'Préfectures et sous-préfectures', 6),
  ('URSSAF', 7, 'URSSAF', 'Urssaf', 'Urssaf', 1),
  ('Assurance retraite', 8, 'CARSAT', 'Assurance retraite', 'Assurance retraite (Carsat)', 1),
  ('MSA', 9, 'MSA', 'MSA', 'Mutualité sociale agricole', 1),
  ('Justice', 10, 'JUST', 'Justice', 'Points-justice', 1),
  ('Mairies', 11, 'MAIRIE', 'Mairies', 'Mairies annexes', 8);

INSERT INTO networks (id, code, name, short_name, description)
SELECT id, code, name, short_name, 'Réseau du jeu de données de mesure (bench).' FROM stage_networks;

-- depth 0: one national direction per network (ids 3001…)
INSERT INTO structures (id, network_id, parent_id, code_sp, name, typology_id, path, depth)
SELECT 3000 + n.id, n.id, NULL, CONCAT(n.code, '-NAT'),
       CONCAT(n.short_name, ' — direction nationale'), 12, CONCAT('/', 3000 + n.id, '/'), 0
  FROM stage_networks n;

-- depth 1: one direction per (network, département) (ids 4001…)
CREATE TABLE stage_deps (
  id INT UNSIGNED NOT NULL PRIMARY KEY, network_id INT UNSIGNED NOT NULL,
  department VARCHAR(3) NOT NULL, UNIQUE KEY (network_id, department)
);
INSERT INTO stage_deps (id, network_id, department)
SELECT 4000 + ROW_NUMBER() OVER (ORDER BY n.id, s.department), n.id, s.department
  FROM (SELECT DISTINCT network, department FROM stage_structures) s
  JOIN stage_networks n ON n.network = s.network;
INSERT INTO structures (id, network_id, parent_id, code_sp, name, typology_id, departement_code,
                        path, depth)
SELECT d.id, d.network_id, 3000 + d.network_id, CONCAT(n.code, '-', d.department),
       CONCAT(n.short_name, ' — direction départementale ', COALESCE(dp.name, d.department)), 10,
       dp.code, CONCAT('/', 3000 + d.network_id, '/', d.id, '/'), 1
  FROM stage_deps d JOIN stage_networks n ON n.id = d.network_id
  LEFT JOIN departements dp ON dp.code = d.department;

-- depth 2: the peer's offices, same ids
INSERT INTO structures (id, network_id, parent_id, code_sp, name, typology_id, address,
                        postal_code, commune, departement_code, path, depth)
SELECT s.id, n.id, d.id, CONCAT(n.code, '-', s.department, '-', LPAD(s.id, 4, '0')), s.name,
       CASE WHEN s.name LIKE 'Sous-préfecture%' THEN 7 WHEN s.name LIKE 'Préfecture%' THEN 6
            ELSE n.typology END,
       CONCAT(1 + s.id % 120, ' rue de la République'), s.postal_code, s.city, dp.code,
       CONCAT('/', 3000 + n.id, '/', d.id, '/', s.id, '/'), 2
  FROM stage_structures s JOIN stage_networks n ON n.network = s.network
  JOIN stage_deps d ON d.network_id = n.id AND d.department = s.department
  LEFT JOIN departements dp ON dp.code = s.department;

INSERT INTO experiences (id, title, body, feeling, event_date, pseudonym, lives_in_france,
                         postal_code, email, status, rejection_reason, source, created_at,
                         published_at, moderated_at)
SELECT e.id, LEFT(e.title, 200), e.body,
       ELT(FIELD(e.feeling, 'positive', 'neutral', 'negative'), 'positif', 'neutre', 'negatif'),
       DATE(e.published_at - INTERVAL (e.id % 20) DAY), LEFT(e.pseudonym, 60), 1, s.postal_code,
       CONCAT('auteur', e.id, '@example.fr'),
       ELT(FIELD(e.status, 'published', 'pending', 'rejected'), 'publiee', 'a_moderer', 'rejetee'),
       IF(e.status = 'rejected', 'Propos hors charte (jeu de données de mesure).', NULL),
       ELT(1 + e.id % 4, 'direct', 'lien', 'banniere', 'qrcode'),
       e.published_at - INTERVAL 2 HOUR,
       IF(e.status = 'published', e.published_at, NULL),
       IF(e.status = 'pending', NULL, e.published_at)
  FROM stage_experiences e JOIN stage_structures s ON s.id = e.structure_id
 ORDER BY e.id;

INSERT INTO experience_structures (experience_id, structure_id, state, published_at,
                                   first_answer_at)
SELECT e.id, e.structure_id,
       IF(e.status = 'published' AND r.id IS NOT NULL, 'repondu', 'a_traiter'),
       IF(e.status = 'published', e.published_at, NULL),
       IF(e.status = 'published', r.published_at, NULL)
  FROM stage_experiences e LEFT JOIN stage_responses r ON r.experience_id = e.id
 ORDER BY e.id;

INSERT INTO answers (id, experience_id, structure_id, body, status, created_at, updated_at,
                     submitted_at, published_at)
SELECT r.id, r.experience_id, e.structure_id, r.body, 'publiee', r.published_at, r.published_at,
       r.published_at, r.published_at
  FROM stage_responses r JOIN stage_experiences e ON e.id = r.experience_id
 WHERE e.status = 'published'
 ORDER BY r.id;

INSERT INTO experience_channels (experience_id, channel_code, feeling)
SELECT e.id, ELT(1 + e.id % 9, 'accueil_physique', 'telephone', 'courrier', 'courriel',
                 'site_internet', 'application_mobile', 'chat', 'reseaux_sociaux',
                 'visioconference'),
       ELT(FIELD(e.feeling, 'positive', 'neutral', 'negative'), 'positif', 'neutre', 'negatif')
  FROM stage_experiences e ORDER BY e.id;

DROP TABLE stage_structures, stage_experiences, stage_responses, stage_networks, stage_deps;
SET SESSION foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE networks, structures, experiences, experience_structures, answers,
  experience_channels;
