-- 004_experiences: citizens' experiences, the structures they concern,
-- answers, ratings, comments, tags, improvement actions, and the keyword
-- index of published experiences.

CREATE TABLE channels (
  code VARCHAR(30) NOT NULL PRIMARY KEY,
  label VARCHAR(100) NOT NULL,
  position TINYINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO channels (code, label, position) VALUES
  ('accueil_physique', 'Accueil physique', 1),
  ('telephone', 'Téléphone', 2),
  ('courrier', 'Courrier', 3),
  ('courriel', 'Courriel', 4),
  ('site_internet', 'Site internet ou espace en ligne', 5),
  ('application_mobile', 'Application mobile', 6),
  ('chat', 'Messagerie instantanée / chat', 7),
  ('reseaux_sociaux', 'Réseaux sociaux', 8),
  ('visioconference', 'Visioconférence', 9);

-- status: a_moderer (waiting for moderation), publiee, rejetee.
-- The email, postal code and residence are never shown publicly.
CREATE TABLE experiences (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  feeling ENUM('positif','neutre','negatif') NOT NULL,
  event_date DATE NOT NULL,
  pseudonym VARCHAR(60) NOT NULL,
  lives_in_france TINYINT(1) NOT NULL DEFAULT 1,
  postal_code CHAR(5) NULL,
  email VARCHAR(254) NOT NULL,
  status ENUM('a_moderer','publiee','rejetee') NOT NULL DEFAULT 'a_moderer',
  rejection_reason TEXT NULL,
  source ENUM('direct','lien','banniere','qrcode') NOT NULL DEFAULT 'direct',
  tracking_code VARCHAR(32) NULL,
  submit_key BINARY(16) NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  published_at DATETIME NULL,
  moderated_by INT UNSIGNED NULL,
  moderated_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY u_experiences_submit (submit_key),
  KEY k_experiences_status_pub (status, published_at, id),
  KEY k_experiences_created (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per structure concerned. state is that structure's view:
-- a_traiter (no answer yet), brouillon (draft saved), en_attente
-- (submitted for validation), repondu (answer published).
CREATE TABLE experience_structures (
  experience_id INT UNSIGNED NOT NULL,
  structure_id INT UNSIGNED NOT NULL,
  state ENUM('a_traiter','brouillon','en_attente','repondu') NOT NULL DEFAULT 'a_traiter',
  assigned_user_id INT UNSIGNED NULL,
  improvement TINYINT(1) NOT NULL DEFAULT 0,
  published_at DATETIME NULL,             -- copy of experiences.published_at, for list order
  first_answer_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (experience_id, structure_id),
  KEY k_es_structure_state (structure_id, state, published_at),
  KEY k_es_structure_pub (structure_id, published_at),
  CONSTRAINT fk_es_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE,
  CONSTRAINT fk_es_structure FOREIGN KEY (structure_id) REFERENCES structures (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE experience_channels (
  experience_id INT UNSIGNED NOT NULL,
  channel_code VARCHAR(30) NOT NULL,
  feeling ENUM('positif','neutre','negatif') NOT NULL,
  PRIMARY KEY (experience_id, channel_code),
  CONSTRAINT fk_ec_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE,
  CONSTRAINT fk_ec_channel FOREIGN KEY (channel_code) REFERENCES channels (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer per (experience, structure). status: brouillon, en_attente
-- (submitted to a super agent / super répondant), publiee.
CREATE TABLE answers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  experience_id INT UNSIGNED NOT NULL,
  structure_id INT UNSIGNED NOT NULL,
  author_user_id INT UNSIGNED NULL,
  body TEXT NOT NULL,
  formula TEXT NULL,
  signature TEXT NULL,
  status ENUM('brouillon','en_attente','publiee') NOT NULL DEFAULT 'brouillon',
  validation_remark TEXT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  submitted_at DATETIME NULL,
  published_at DATETIME NULL,
  published_by INT UNSIGNED NULL,
  UNIQUE KEY u_answers_exp_struct (experience_id, structure_id),
  KEY k_answers_status (status, published_at),
  CONSTRAINT fk_answers_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE,
  CONSTRAINT fk_answers_structure FOREIGN KEY (structure_id) REFERENCES structures (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The author's private rating link: one token per published answer,
-- stored hashed. rating may change for 30 days after rated_at.
CREATE TABLE answer_ratings (
  answer_id INT UNSIGNED NOT NULL PRIMARY KEY,
  token_hash BINARY(32) NOT NULL UNIQUE,
  rating ENUM('utile','pas_utile') NULL,
  rated_at DATETIME NULL,
  changed_at DATETIME NULL,
  CONSTRAINT fk_ratings_answer FOREIGN KEY (answer_id) REFERENCES answers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Agents' comments: visible to agents of the structures concerned only.
CREATE TABLE comments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  experience_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NULL,
  structure_id INT UNSIGNED NULL,
  body TEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_comments_experience (experience_id, created_at),
  CONSTRAINT fk_comments_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- network_id NULL: a general tag (platform-wide); else a tag métier of
-- that network, defined by its référents.
CREATE TABLE tags (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  network_id INT UNSIGNED NULL,
  label VARCHAR(100) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY u_tags (network_id, label),
  CONSTRAINT fk_tags_network FOREIGN KEY (network_id) REFERENCES networks (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO tags (network_id, label) VALUES
  (NULL, 'Réactivité'), (NULL, 'Relation'), (NULL, 'Action'), (NULL, 'Information / explication');

CREATE TABLE experience_tags (
  experience_id INT UNSIGNED NOT NULL,
  structure_id INT UNSIGNED NOT NULL,
  tag_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (experience_id, structure_id, tag_id),
  KEY k_et_tag (tag_id),
  CONSTRAINT fk_et_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE,
  CONSTRAINT fk_et_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Improvement actions («actions d'amélioration»).
CREATE TABLE actions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  structure_id INT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  engagement_number TINYINT UNSIGNED NULL,
  status ENUM('envisagee','en_cours','realisee') NOT NULL DEFAULT 'envisagee',
  start_date DATE NULL,
  end_date DATE NULL,
  is_public TINYINT(1) NOT NULL DEFAULT 0,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  version INT UNSIGNED NOT NULL DEFAULT 1,
  KEY k_actions_structure (structure_id, status),
  KEY k_actions_public (is_public, updated_at),
  CONSTRAINT fk_actions_structure FOREIGN KEY (structure_id) REFERENCES structures (id),
  CONSTRAINT fk_actions_engagement FOREIGN KEY (engagement_number) REFERENCES engagements (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE experience_actions (
  experience_id INT UNSIGNED NOT NULL,
  action_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (experience_id, action_id),
  KEY k_ea_action (action_id),
  CONSTRAINT fk_ea_experience FOREIGN KEY (experience_id) REFERENCES experiences (id) ON DELETE CASCADE,
  CONSTRAINT fk_ea_action FOREIGN KEY (action_id) REFERENCES actions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Keyword index of PUBLISHED experiences only (rows are written when an
-- experience is published, in the same transaction, and removed if it is
-- unpublished). term is the folded, lightly stemmed word (fcgi/search.c).
-- Newest-first pages for one term are a backward range scan of the
-- primary key; the second key serves AND of several terms and deletion.
CREATE TABLE search_terms (
  term VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  published_at DATETIME NOT NULL,
  experience_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (term, published_at, experience_id),
  KEY k_search_exp (experience_id, term)
) ENGINE=InnoDB;

-- Number of published experiences per term (kept with search_terms), so
-- a result count never scans the matches.
CREATE TABLE search_term_counts (
  term VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  n INT UNSIGNED NOT NULL
) ENGINE=InnoDB;
