-- 001_base: reference data tables, networks and the structure tree,
-- editorial content (news, FAQ, pages), the 9 engagements.
-- All text is utf8mb4; all times are UTC.

CREATE TABLE regions (
  code CHAR(2) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE departements (
  code VARCHAR(3) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  region_code CHAR(2) NOT NULL,
  CONSTRAINT fk_dep_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE typologies (
  id SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  code VARCHAR(40) NOT NULL UNIQUE,
  label VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE networks (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  short_name VARCHAR(60) NOT NULL,
  description TEXT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The structure tree. path is the materialised list of ancestor ids,
-- "/1/5/23/" for structure 23 whose parent is 5 whose parent is 1, so that
-- "every descendant of S" is the index range path LIKE 'S.path%'.
CREATE TABLE structures (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  network_id INT UNSIGNED NOT NULL,
  parent_id INT UNSIGNED NULL,
  code_sp VARCHAR(20) NOT NULL UNIQUE,
  name VARCHAR(255) NOT NULL,
  typology_id SMALLINT UNSIGNED NOT NULL,
  address VARCHAR(255) NOT NULL DEFAULT '',
  postal_code CHAR(5) NOT NULL DEFAULT '',
  commune VARCHAR(100) NOT NULL DEFAULT '',
  departement_code VARCHAR(3) NULL,
  path VARCHAR(255) NOT NULL DEFAULT '/',
  depth TINYINT UNSIGNED NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_structures_network (network_id, name),
  KEY k_structures_parent (parent_id),
  KEY k_structures_path (path),
  KEY k_structures_commune (commune),
  KEY k_structures_postal (postal_code),
  KEY k_structures_dep (departement_code),
  CONSTRAINT fk_structures_network FOREIGN KEY (network_id) REFERENCES networks (id),
  CONSTRAINT fk_structures_parent FOREIGN KEY (parent_id) REFERENCES structures (id),
  CONSTRAINT fk_structures_typology FOREIGN KEY (typology_id) REFERENCES typologies (id),
  CONSTRAINT fk_structures_dep FOREIGN KEY (departement_code) REFERENCES departements (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE engagements (
  number TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  theme ENUM('proches','efficaces','simples') NOT NULL,
  text TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE news (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(120) NOT NULL UNIQUE,
  title VARCHAR(255) NOT NULL,
  summary VARCHAR(600) NOT NULL DEFAULT '',
  body MEDIUMTEXT NOT NULL,
  published_at DATETIME NOT NULL,
  is_published TINYINT(1) NOT NULL DEFAULT 1,
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP() ON UPDATE CURRENT_TIMESTAMP,
  KEY k_news_published (is_published, published_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE faq (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  audience ENUM('public','agent') NOT NULL DEFAULT 'public',
  category VARCHAR(120) NOT NULL,
  question VARCHAR(500) NOT NULL,
  answer TEXT NOT NULL,
  position INT NOT NULL DEFAULT 0,
  KEY k_faq_order (audience, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Editorial pages (programme, accessibilité, mentions légales…). Bodies
-- are plain text; blank lines separate paragraphs, a line starting with
-- "## " is a heading.
CREATE TABLE pages (
  slug VARCHAR(80) NOT NULL PRIMARY KEY,
  title VARCHAR(255) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP() ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
