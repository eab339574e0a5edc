-- 003_accounts: agents' accounts, their memberships (role on a structure),
-- sessions, login throttling, password tokens, the mail outbox, the audit
-- trail and the agents' answer formulas.
-- All text is utf8mb4; all times are UTC. Secrets (session and password
-- tokens) are stored only as BLAKE2b-256 hashes.

CREATE TABLE users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  email VARCHAR(254) NOT NULL,
  display_name VARCHAR(120) NOT NULL DEFAULT '',
  -- crypto_pwhash_str (argon2id); NULL until the first password is chosen
  password_hash VARCHAR(255) NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  last_login_at DATETIME NULL,
  password_changed_at DATETIME NULL,
  UNIQUE KEY u_users_username (username),
  KEY k_users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One role of a user on a structure. structure_id is NULL for the
-- platform-wide roles (moderateur, administrateur). "super_*" roles cover
-- the structure's descendants (structures.path), referent the whole
-- network of its structure (structures.network_id).
CREATE TABLE memberships (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  structure_id INT UNSIGNED NULL,
  role ENUM('agent','repondant','super_agent','super_repondant','evaluateur',
            'super_evaluateur','referent','moderateur','administrateur') NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY u_memberships (user_id, structure_id, role),
  KEY k_memberships_structure (structure_id, role),
  CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_memberships_structure FOREIGN KEY (structure_id) REFERENCES structures (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Logged-in sessions. The cookie holds a random 128-bit token; only its
-- hash is kept. Limits (30 min idle, 12 h absolute) are applied by the
-- queries of fcgi/auth.c.
CREATE TABLE sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash BINARY(32) NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  csrf_token CHAR(22) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  last_seen_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  UNIQUE KEY u_sessions_token (token_hash),
  KEY k_sessions_user (user_id),
  KEY k_sessions_seen (last_seen_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every password evaluated at login (success or not), by the username as
-- typed (it may name no account) and the client's address. Throttling
-- counts these over the last hour; rows older than a day are purged.
CREATE TABLE login_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3),
  username VARCHAR(64) NOT NULL,
  ip VARCHAR(45) NOT NULL,
  success TINYINT(1) NOT NULL,
  KEY k_attempts_user (username, at),
  KEY k_attempts_ip (ip, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Links mailed to choose a password (reset, or first login after the
-- account was created). Valid 24 h, once, and only the newest one.
CREATE TABLE password_tokens (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  token_hash BINARY(32) NOT NULL,
  purpose ENUM('reset','welcome') NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  superseded_at DATETIME NULL,
  UNIQUE KEY u_password_tokens_hash (token_hash),
  KEY k_password_tokens_user (user_id, created_at),
  CONSTRAINT fk_password_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outgoing mail, written in the transaction of the change that causes it
-- and delivered by mail_send_pending (spplus-admin mail send).
CREATE TABLE mail_outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_addr VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  body_text MEDIUMTEXT NOT NULL,
  body_html MEDIUMTEXT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  sent_at DATETIME NULL,
  last_error VARCHAR(500) NULL,
  KEY k_mail_pending (sent_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit trail: who did what, when, from where. No foreign key on
-- user_id: the trail outlives accounts. Never a password or a token.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3),
  user_id INT UNSIGNED NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  action VARCHAR(64) NOT NULL,
  object_type VARCHAR(40) NULL,
  object_id BIGINT NULL,
  detail VARCHAR(1000) NULL,
  KEY k_audit_at (at),
  KEY k_audit_user (user_id, at),
  KEY k_audit_object (object_type, object_id, at),
  KEY k_audit_action (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The agent's own «Formules de politesse» and «Signatures», in order.
CREATE TABLE user_formulas (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  kind ENUM('politesse','signature') NOT NULL,
  text TEXT NOT NULL,
  position INT NOT NULL DEFAULT 0,
  KEY k_formulas_user (user_id, kind, position),
  CONSTRAINT fk_formulas_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
