-- 010_experience_cards_published: 006's card triggers on experiences and
-- experience_structures refresh a card only when the experience is, or
-- was, published. A card exists only then (experience_card_rows), so the
-- refresh of an unpublished one (a DELETE and an INSERT … SELECT of
-- nothing) was work for nothing on every deposit (one row per structure)
-- and every edit of an experience waiting for moderation.
-- (experience_structures.published_at is the experience's publication
-- date while it is published, NULL otherwise: sql/005.)

CREATE OR REPLACE TRIGGER t_cards_exp_upd AFTER UPDATE ON experiences
FOR EACH ROW FOLLOWS t_experiences_published
  IF (NEW.status = 'publiee' OR OLD.status = 'publiee')
     AND NOT (NEW.status <=> OLD.status AND NEW.published_at <=> OLD.published_at
              AND NEW.title <=> OLD.title AND NEW.body <=> OLD.body
              AND NEW.feeling <=> OLD.feeling AND NEW.pseudonym <=> OLD.pseudonym) THEN
    CALL experience_card_refresh(NEW.id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_es_ins AFTER INSERT ON experience_structures
FOR EACH ROW FOLLOWS t_es_count_ins
  IF NEW.published_at IS NOT NULL THEN
    CALL experience_card_refresh(NEW.experience_id);
  END IF;

CREATE OR REPLACE TRIGGER t_cards_es_del AFTER DELETE ON experience_structures
FOR EACH ROW FOLLOWS t_es_count_del
  IF OLD.published_at IS NOT NULL THEN
    CALL experience_card_refresh(OLD.experience_id);
  END IF;
