-- Demo data: 20,000 citizens' experiences over the last two years across
-- the demo structures (010), with channels, answers, ratings, tags,
-- comments and improvement actions.
--
-- Everything is set-based over MariaDB's sequence engine (seq_1_to_20000)
-- and deterministic: every choice is CRC32 of the row number and a salt,
-- so two loads give the same texts (only the dates move with the clock).
-- Texts are assembled from French phrase fragments chosen by network
-- topic, feeling and contact channel. The keyword index is built
-- afterwards by `spplus-admin search reindex` (C tokenizer, fcgi/search.c).
--
-- Proportions: 92 % published, 5 % waiting for moderation (recent), 3 %
-- rejected; feelings 30 / 25 / 45 % positive / neutral / negative; 60 %
-- of the published ones answered, a few drafts and answers waiting for
-- validation; 10 % concern a second structure (the parent).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------
-- Structures that receive experiences (every level but the national
-- heads), numbered 1..N.
CREATE TEMPORARY TABLE demo_s (
  n INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id INT UNSIGNED NOT NULL,
  network_id INT UNSIGNED NOT NULL,
  parent_id INT UNSIGNED NULL,
  parent_depth TINYINT UNSIGNED NULL,
  name VARCHAR(255) NOT NULL,
  commune VARCHAR(100) NOT NULL,
  postal_code CHAR(5) NOT NULL
) ENGINE=MEMORY;

INSERT INTO demo_s (id, network_id, parent_id, parent_depth, name, commune, postal_code)
SELECT s.id, s.network_id, s.parent_id, p.depth, s.name, s.commune, s.postal_code
  FROM structures s LEFT JOIN structures p ON p.id = s.parent_id
 WHERE s.depth >= 1 AND s.active = 1
 ORDER BY s.id;

SET @ns = (SELECT COUNT(*) FROM demo_s);
SET @base = (SELECT COALESCE(MAX(id), 0) FROM experiences);

-- ---------------------------------------------------------------------
-- Topics: six per network, a title label and what the visitor came for.
CREATE TEMPORARY TABLE demo_topic (
  network_id INT UNSIGNED NOT NULL,
  k TINYINT UNSIGNED NOT NULL,
  label VARCHAR(100) NOT NULL,
  goal VARCHAR(200) NOT NULL,
  PRIMARY KEY (network_id, k)
) ENGINE=MEMORY;

INSERT INTO demo_topic (network_id, k, label, goal) VALUES
  (1, 1, 'Aide au logement', 'faire le point sur mon aide au logement (APL)'),
  (1, 2, 'Prime d''activité', 'comprendre le calcul de ma prime d''activité'),
  (1, 3, 'Allocations familiales', 'déclarer la naissance de mon enfant et ouvrir mes droits aux allocations familiales'),
  (1, 4, 'Demande de RSA', 'déposer ma demande de RSA'),
  (1, 5, 'Trop-perçu', 'contester un trop-perçu réclamé sur mes prestations'),
  (1, 6, 'Changement de situation', 'déclarer un changement de situation familiale'),
  (2, 1, 'Carte Vitale', 'obtenir une nouvelle carte Vitale'),
  (2, 2, 'Remboursement de soins', 'suivre le remboursement de mes soins'),
  (2, 3, 'Arrêt maladie', 'faire indemniser mon arrêt maladie'),
  (2, 4, 'Complémentaire santé solidaire', 'demander la complémentaire santé solidaire'),
  (2, 5, 'Médecin traitant', 'déclarer mon médecin traitant'),
  (2, 6, 'Attestation de droits', 'obtenir une attestation de droits à l''assurance maladie'),
  (3, 1, 'Inscription comme demandeur d''emploi', 'm''inscrire comme demandeur d''emploi'),
  (3, 2, 'Allocation chômage', 'connaître le montant de mon allocation chômage'),
  (3, 3, 'Financement d''une formation', 'financer une formation avec mon conseiller'),
  (3, 4, 'Actualisation mensuelle', 'régulariser mon actualisation mensuelle'),
  (3, 5, 'Rendez-vous avec mon conseiller', 'rencontrer mon conseiller'),
  (3, 6, 'Attestation employeur', 'faire prendre en compte mon attestation employeur'),
  (4, 1, 'Déclaration de revenus', 'corriger ma déclaration de revenus'),
  (4, 2, 'Prélèvement à la source', 'modifier mon taux de prélèvement à la source'),
  (4, 3, 'Taxe foncière', 'comprendre le montant de ma taxe foncière'),
  (4, 4, 'Remboursement d''impôt', 'obtenir le remboursement d''un trop versé d''impôt'),
  (4, 5, 'Avis d''impôt', 'obtenir un duplicata de mon avis d''impôt'),
  (4, 6, 'Délai de paiement', 'demander un délai de paiement pour mes impôts'),
  (5, 1, 'Renouvellement de passeport', 'renouveler mon passeport'),
  (5, 2, 'Carte nationale d''identité', 'faire refaire ma carte nationale d''identité'),
  (5, 3, 'Titre de séjour', 'renouveler mon titre de séjour'),
  (5, 4, 'Échange de permis de conduire', 'échanger mon permis de conduire étranger'),
  (5, 5, 'Carte grise', 'obtenir le certificat d''immatriculation de mon véhicule'),
  (5, 6, 'Passeport en urgence', 'obtenir un passeport en urgence avant un voyage'),
  (6, 1, 'Demande de passeport', 'déposer ma demande de passeport'),
  (6, 2, 'Acte de naissance', 'obtenir une copie intégrale de mon acte de naissance'),
  (6, 3, 'Listes électorales', 'm''inscrire sur les listes électorales'),
  (6, 4, 'Permis de construire', 'déposer une demande de permis de construire'),
  (6, 5, 'Carte d''identité', 'refaire la carte d''identité de ma fille'),
  (6, 6, 'Livret de famille', 'obtenir un duplicata de livret de famille'),
  (7, 1, 'Accompagnement numérique', 'créer mon espace personnel sur un site administratif'),
  (7, 2, 'Dossier de retraite', 'préparer mon dossier de retraite'),
  (7, 3, 'Pré-demande de passeport', 'faire ma pré-demande de passeport en ligne'),
  (7, 4, 'Déclaration d''impôts en ligne', 'remplir ma déclaration d''impôts en ligne'),
  (7, 5, 'Demande de logement social', 'déposer une demande de logement social'),
  (7, 6, 'Dossier CAF', 'mettre à jour mon dossier CAF'),
  (8, 1, 'Cotisations de micro-entrepreneur', 'comprendre mes cotisations de micro-entrepreneur'),
  (8, 2, 'Déclaration de chiffre d''affaires', 'corriger ma déclaration de chiffre d''affaires'),
  (8, 3, 'Cesu', 'déclarer mon employée à domicile avec le Cesu'),
  (8, 4, 'Échéancier de cotisations', 'obtenir un échéancier pour mes cotisations'),
  (8, 5, 'Attestation de vigilance', 'obtenir une attestation de vigilance'),
  (8, 6, 'Création d''entreprise', 'immatriculer mon entreprise'),
  (9, 1, 'Cotisations d''exploitant', 'comprendre mes cotisations d''exploitant agricole'),
  (9, 2, 'Remboursements santé', 'suivre mes remboursements de soins'),
  (9, 3, 'Prime d''activité', 'demander la prime d''activité'),
  (9, 4, 'Retraite agricole', 'préparer ma retraite agricole'),
  (9, 5, 'Accident du travail', 'déclarer un accident du travail'),
  (9, 6, 'Aide au répit', 'bénéficier de l''aide au répit pour les aidants'),
  (10, 1, 'Départ à la retraite', 'préparer mon départ à la retraite'),
  (10, 2, 'Relevé de carrière', 'corriger mon relevé de carrière'),
  (10, 3, 'Pension de réversion', 'demander une pension de réversion'),
  (10, 4, 'Versement de la pension', 'comprendre un retard de versement de ma pension'),
  (10, 5, 'Rachat de trimestres', 'racheter des trimestres'),
  (10, 6, 'Attestation de paiement', 'obtenir une attestation de paiement de ma retraite');

-- ---------------------------------------------------------------------
-- Per-experience choices. h1…h9 are independent 32-bit hashes of the row.
CREATE TEMPORARY TABLE demo_e (
  seq INT UNSIGNED NOT NULL PRIMARY KEY,
  id INT UNSIGNED NOT NULL,
  sn INT UNSIGNED NOT NULL,
  feeling ENUM('positif','neutre','negatif') NOT NULL,
  topic TINYINT UNSIGNED NOT NULL,
  status ENUM('a_moderer','publiee','rejetee') NOT NULL,
  channel VARCHAR(30) NOT NULL,
  created_at DATETIME NOT NULL,
  published_at DATETIME NULL,
  answer_kind TINYINT UNSIGNED NOT NULL,  -- 0 none, 1 published, 2 draft, 3 waiting
  second TINYINT UNSIGNED NOT NULL,
  h1 INT UNSIGNED NOT NULL, h2 INT UNSIGNED NOT NULL, h3 INT UNSIGNED NOT NULL,
  h4 INT UNSIGNED NOT NULL, h5 INT UNSIGNED NOT NULL, h6 INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO demo_e
SELECT q.seq, @base + q.seq,
       1 + CRC32(CONCAT(q.seq, ':s')) % @ns,
       CASE WHEN CRC32(CONCAT(q.seq, ':f')) % 100 < 30 THEN 'positif'
            WHEN CRC32(CONCAT(q.seq, ':f')) % 100 < 55 THEN 'neutre' ELSE 'negatif' END,
       1 + CRC32(CONCAT(q.seq, ':t')) % 6,
       CASE WHEN CRC32(CONCAT(q.seq, ':m')) % 100 < 92 THEN 'publiee'
            WHEN CRC32(CONCAT(q.seq, ':m')) % 100 < 97 THEN 'a_moderer' ELSE 'rejetee' END,
       ELT(1 + CRC32(CONCAT(q.seq, ':c')) % 20,
           'accueil_physique', 'accueil_physique', 'accueil_physique', 'accueil_physique',
           'accueil_physique', 'accueil_physique', 'telephone', 'telephone', 'telephone',
           'telephone', 'telephone', 'site_internet', 'site_internet', 'site_internet',
           'site_internet', 'courriel', 'courriel', 'courrier', 'application_mobile', 'chat'),
       UTC_TIMESTAMP() - INTERVAL 5 MINUTE - INTERVAL (CRC32(CONCAT(q.seq, ':d')) % (727 * 1440)) MINUTE,
       NULL,
       CASE WHEN CRC32(CONCAT(q.seq, ':a')) % 100 < 60 THEN 1
            WHEN CRC32(CONCAT(q.seq, ':a')) % 100 < 65 THEN 2
            WHEN CRC32(CONCAT(q.seq, ':a')) % 100 < 69 THEN 3 ELSE 0 END,
       CRC32(CONCAT(q.seq, ':2')) % 100 < 10,
       CRC32(CONCAT(q.seq, ':h1')), CRC32(CONCAT(q.seq, ':h2')), CRC32(CONCAT(q.seq, ':h3')),
       CRC32(CONCAT(q.seq, ':h4')), CRC32(CONCAT(q.seq, ':h5')), CRC32(CONCAT(q.seq, ':h6'))
  FROM seq_1_to_20000 q;

-- Waiting for moderation: deposited in the last ten days.
UPDATE demo_e SET created_at = UTC_TIMESTAMP() - INTERVAL (h1 % (10 * 1440)) MINUTE
 WHERE status = 'a_moderer';
-- Published between 30 minutes and two days after the deposit.
UPDATE demo_e SET published_at = LEAST(created_at + INTERVAL (30 + h2 % 2880) MINUTE,
                                       UTC_TIMESTAMP() - INTERVAL 1 MINUTE)
 WHERE status = 'publiee';
UPDATE demo_e SET answer_kind = 0 WHERE status <> 'publiee';

-- ---------------------------------------------------------------------
-- The experiences.
INSERT INTO experiences (id, title, body, feeling, event_date, pseudonym, lives_in_france,
                         postal_code, email, status, rejection_reason, source, tracking_code,
                         created_at, published_at, moderated_at, version)
SELECT e.id,
       CONCAT(t.label, ' : ',
         CASE e.feeling
           WHEN 'positif' THEN ELT(1 + e.h1 % 8, 'un accueil efficace', 'merci pour votre aide',
             'dossier réglé rapidement', 'conseillère très à l''écoute', 'démarche simple et rapide',
             'des explications claires', 'un service de qualité', 'tout s''est bien passé')
           WHEN 'neutre' THEN ELT(1 + e.h1 % 6, 'démarche aboutie mais compliquée',
             'accueil correct, attente longue', 'réponse partielle', 'des progrès à faire',
             'des informations contradictoires', 'il a fallu insister')
           ELSE ELT(1 + e.h1 % 8, 'délai beaucoup trop long', 'impossible de joindre quelqu''un',
             'aucune réponse à mes courriels', 'dossier perdu', 'rendez-vous annulé sans prévenir',
             'toujours pas de réponse', 'on me renvoie de service en service', 'très déçu')
         END),
       CONCAT(
         CASE e.channel
           WHEN 'accueil_physique' THEN CONCAT('Je me suis présenté à l''accueil « ', s.name, ' » pour ', t.goal, '.')
           WHEN 'telephone' THEN CONCAT('J''ai appelé « ', s.name, ' » pour ', t.goal, '.')
           WHEN 'site_internet' THEN CONCAT('J''ai utilisé le site internet pour ', t.goal, ', en lien avec « ', s.name, ' ».')
           WHEN 'courriel' THEN CONCAT('J''ai écrit par courriel à « ', s.name, ' » pour ', t.goal, '.')
           WHEN 'courrier' THEN CONCAT('J''ai envoyé un courrier recommandé à « ', s.name, ' » pour ', t.goal, '.')
           WHEN 'application_mobile' THEN CONCAT('J''ai utilisé l''application mobile pour ', t.goal, '.')
           ELSE CONCAT('J''ai utilisé la messagerie instantanée du site pour ', t.goal, '.')
         END,
         ' ', ELT(1 + e.h2 % 5, 'C''était la première fois que je faisais cette démarche.',
           'J''avais préparé tous les justificatifs demandés.', 'Une amie m''avait conseillé de passer par ce service.',
           'Je m''y suis pris plusieurs semaines à l''avance.', 'J''avais déjà essayé une première fois sans succès.'),
         '\n\n',
         CASE e.feeling
           WHEN 'positif' THEN CONCAT(
             ELT(1 + e.h3 % 5, 'L''agent qui m''a reçu a pris le temps de m''expliquer chaque étape et de vérifier mes justificatifs.',
               'Le délai annoncé a été respecté et j''ai reçu une confirmation écrite dans la semaine.',
               'J''ai apprécié la courtoisie et la patience de mon interlocutrice, qui a répondu à toutes mes questions.',
               'Tout a été réglé en un seul rendez-vous, sans que j''aie à revenir avec d''autres documents.',
               'Les explications étaient claires et le courrier reçu ensuite reprenait bien ce qui avait été dit.'),
             ' ', ELT(1 + e.h4 % 4, 'L''attente a été très courte.', 'Le conseiller m''a même indiqué une aide à laquelle je ne pensais pas avoir droit.',
               'J''ai pu suivre l''avancement de mon dossier en ligne.', 'On m''a rappelé le lendemain comme promis.'))
           WHEN 'neutre' THEN CONCAT(
             ELT(1 + e.h3 % 5, 'La démarche a fini par aboutir, mais il m''a fallu plusieurs tentatives avant d''obtenir la bonne information.',
               'L''accueil était correct mais l''attente a duré plus d''une heure, sans indication sur le temps restant.',
               'Les informations données au téléphone et sur le site n''étaient pas tout à fait les mêmes.',
               'On m''a orienté vers un autre service, qui a finalement traité ma demande.',
               'Le formulaire en ligne est pratique, mais certaines questions restent difficiles à comprendre.'),
             ' ', ELT(1 + e.h4 % 4, 'Le personnel reste aimable malgré l''affluence.', 'Un rendez-vous aurait sans doute évité l''attente.',
               'Il faudrait une notice plus simple.', 'Je ne sais toujours pas quand mon dossier sera terminé.'))
           ELSE CONCAT(
             ELT(1 + e.h3 % 6, 'Cela fait maintenant plusieurs semaines que j''attends une réponse et personne ne peut me dire où en est mon dossier.',
               'J''ai appelé à de nombreuses reprises sans jamais réussir à joindre un conseiller : la ligne sonne dans le vide.',
               'On m''a demandé trois fois les mêmes justificatifs, que j''avais pourtant déjà envoyés.',
               'Mon rendez-vous a été annulé la veille sans explication et le prochain créneau disponible est dans deux mois.',
               'Les réponses reçues par courriel sont automatiques et ne répondent pas à ma question.',
               'La borne de l''accueil était en panne et aucun agent n''était disponible pour nous aider.'),
             ' ', ELT(1 + e.h4 % 4, 'Pendant ce temps, mes droits sont suspendus et je dois avancer les frais.',
               'Je dois prendre une demi-journée de congé à chaque déplacement.',
               'Personne ne m''a prévenu que le dossier était incomplet.', 'Je me sens complètement abandonné.'))
         END,
         IF(e.h5 % 100 < 55, CONCAT('\n\n', ELT(1 + e.h5 % 4,
             CONCAT('Mon dossier porte le numéro ', 100000 + e.h6 % 900000, '.'),
             CONCAT('J''habite à ', s.commune, ' et le trajet jusqu''au service prend du temps.'),
             CONCAT('Référence de ma demande : ', CHAR(65 + e.h6 % 26), CHAR(65 + e.h1 % 26), '-', 1000 + e.h2 % 9000, '.'),
             CONCAT('Je suis suivi par ce service depuis ', 2 + e.h6 % 9, ' ans.'))), ''),
         '\n\n',
         CASE e.feeling
           WHEN 'positif' THEN ELT(1 + e.h6 % 3, 'Merci encore à toute l''équipe.', 'Un grand merci pour ce service de qualité.', 'Je recommande ce service.')
           WHEN 'neutre' THEN ELT(1 + e.h6 % 3, 'J''espère que ces remarques permettront d''améliorer le service.',
             'Dans l''ensemble, une expérience mitigée.', 'Rien de grave, mais cela pourrait être plus simple.')
           ELSE ELT(1 + e.h6 % 3, 'J''attends une réponse rapide et une solution concrète.',
             'Je souhaite qu''on me rappelle pour régler ce problème.', 'Ce n''est pas acceptable pour un service public.')
         END),
       e.feeling,
       DATE(e.created_at) - INTERVAL (e.h5 % 15) DAY,
       CONCAT(ELT(1 + e.h3 % 24, 'Marie', 'Karim', 'Sophie', 'Jean', 'Nadia', 'Thomas', 'Fatou', 'Luc',
         'Camille', 'Yanis', 'Isabelle', 'Mehdi', 'Claire', 'Paul', 'Aïcha', 'Hugo', 'Léa', 'Bruno',
         'Inès', 'Gérard', 'Chloé', 'Olivier', 'Amandine', 'Rachid'),
         IF(e.h4 % 3 = 0, '', CONCAT(' ', CHAR(65 + e.h5 % 26), '.'))),
       e.h6 % 50 <> 0,
       IF(e.h6 % 50 <> 0, s.postal_code, NULL),
       CONCAT('usager', e.id, '@example.fr'),
       e.status,
       IF(e.status = 'rejetee', ELT(1 + e.h2 % 3,
         'Votre message ne concerne pas un service public participant au programme.',
         'Votre message contient des propos injurieux.',
         'Votre message contient des données personnelles qui ne peuvent pas être publiées.'), NULL),
       ELT(1 + e.h1 % 25, 'lien', 'banniere', 'qrcode', 'lien', 'direct', 'direct', 'direct', 'direct',
         'direct', 'direct', 'direct', 'direct', 'direct', 'direct', 'direct', 'direct', 'direct',
         'direct', 'direct', 'direct', 'direct', 'direct', 'direct', 'direct', 'direct'),
       IF(e.h1 % 25 IN (0, 3), CONCAT('DEMO', LPAD(e.sn % 40, 2, '0')), NULL),
       e.created_at, e.published_at,
       IF(e.status = 'a_moderer', NULL, COALESCE(e.published_at, e.created_at + INTERVAL 1 DAY)),
       1
  FROM demo_e e
  JOIN demo_s s ON s.n = e.sn
  JOIN demo_topic t ON t.network_id = s.network_id AND t.k = e.topic;

-- ---------------------------------------------------------------------
-- Structures concerned: the main one, and its parent for 10 %.
INSERT INTO experience_structures (experience_id, structure_id, state, improvement, published_at, first_answer_at)
SELECT e.id, s.id,
       CASE e.answer_kind WHEN 1 THEN 'repondu' WHEN 2 THEN 'brouillon' WHEN 3 THEN 'en_attente' ELSE 'a_traiter' END,
       e.h3 % 12 = 0, e.published_at, NULL
  FROM demo_e e JOIN demo_s s ON s.n = e.sn;

INSERT INTO experience_structures (experience_id, structure_id, state, improvement, published_at)
SELECT e.id, s.parent_id, IF(e.answer_kind = 1, 'repondu', 'a_traiter'), 0, e.published_at
  FROM demo_e e JOIN demo_s s ON s.n = e.sn
 WHERE e.second = 1 AND s.parent_id IS NOT NULL AND s.parent_depth >= 1;

-- Contact channels: the main one with the general feeling, a second one
-- for 40 % (feeling sometimes different).
INSERT INTO experience_channels (experience_id, channel_code, feeling)
SELECT id, channel, feeling FROM demo_e;

INSERT IGNORE INTO experience_channels (experience_id, channel_code, feeling)
SELECT id,
       ELT(1 + h4 % 6, 'telephone', 'site_internet', 'courriel', 'accueil_physique', 'courrier', 'application_mobile'),
       IF(h5 % 3 = 0, ELT(1 + h6 % 3, 'positif', 'neutre', 'negatif'), feeling)
  FROM demo_e WHERE h3 % 10 < 4;

-- ---------------------------------------------------------------------
-- Answers: one per structure concerned, published (60 %), draft (5 %) or
-- waiting for validation (4 %).
INSERT INTO answers (experience_id, structure_id, body, formula, signature, status, created_at,
                     updated_at, submitted_at, published_at)
SELECT e.id, es.structure_id,
       CONCAT(
         CASE e.feeling
           WHEN 'positif' THEN ELT(1 + e.h1 % 3,
             'Nous vous remercions pour votre message et pour vos encouragements, que nous avons transmis à toute l''équipe.',
             'Merci d''avoir pris le temps de partager cette expérience positive : elle fait plaisir aux agents qui vous ont reçu.',
             'Nous sommes heureux que votre démarche se soit bien passée et vous remercions de votre confiance.')
           WHEN 'neutre' THEN ELT(1 + e.h1 % 3,
             'Nous vous remercions d''avoir partagé votre expérience et avons bien noté vos remarques.',
             'Merci pour votre retour. Nous comprenons que la démarche vous ait paru compliquée.',
             'Vos remarques sur l''attente et l''information ont été transmises au responsable de l''accueil.')
           ELSE ELT(1 + e.h1 % 3,
             'Nous sommes sincèrement désolés des difficultés que vous avez rencontrées.',
             'Nous vous présentons nos excuses pour ce délai, qui n''est pas conforme à nos engagements.',
             'Nous regrettons que vous n''ayez pas pu obtenir de réponse dans des délais raisonnables.')
         END,
         '\n\n',
         ELT(1 + e.h2 % 4,
           'Votre dossier a été examiné par nos services : il est désormais complet et sera traité dans les prochains jours.',
           'Un conseiller prendra contact avec vous dans la semaine pour faire le point sur votre situation.',
           'Nous avons renforcé l''équipe d''accueil aux heures de forte affluence et mis en place la prise de rendez-vous en ligne.',
           'Vous pouvez également nous écrire depuis votre espace personnel : la réponse vous parviendra sous dix jours ouvrés.')),
       ELT(1 + e.h3 % 4, 'Bien cordialement,', 'Cordialement,', 'Avec nos salutations distinguées,',
         'Nous restons à votre disposition. Bien cordialement,'),
       CONCAT(ELT(1 + e.h4 % 4, 'Le service relations usagers', 'L''équipe d''accueil', 'La direction',
         'Le pôle qualité de service'), ' — ', st.name),
       CASE e.answer_kind WHEN 1 THEN 'publiee' WHEN 2 THEN 'brouillon' ELSE 'en_attente' END,
       e.published_at, e.published_at,
       IF(e.answer_kind IN (1, 3), e.published_at + INTERVAL (60 + e.h5 % 4000) MINUTE, NULL),
       IF(e.answer_kind = 1, LEAST(e.published_at + INTERVAL (60 + e.h5 % (14 * 1440)) MINUTE,
                                   UTC_TIMESTAMP() - INTERVAL 1 MINUTE), NULL)
  FROM demo_e e
  JOIN experience_structures es ON es.experience_id = e.id
  JOIN structures st ON st.id = es.structure_id
 WHERE e.answer_kind IN (1, 2, 3) AND (e.answer_kind = 1 OR es.state <> 'a_traiter');

UPDATE answers SET submitted_at = LEAST(submitted_at, published_at), updated_at = published_at
 WHERE status = 'publiee' AND experience_id > @base;
UPDATE answers SET submitted_at = LEAST(submitted_at, UTC_TIMESTAMP()), updated_at = LEAST(submitted_at, UTC_TIMESTAMP())
 WHERE status = 'en_attente' AND experience_id > @base;

UPDATE experience_structures es
  JOIN answers a ON a.experience_id = es.experience_id AND a.structure_id = es.structure_id
   SET es.first_answer_at = a.published_at
 WHERE a.status = 'publiee' AND es.experience_id > @base;

-- Ratings of 35 % of the published answers (tokens are random: these
-- demo links cannot be opened).
INSERT INTO answer_ratings (answer_id, token_hash, rating, rated_at)
SELECT a.id, UNHEX(SHA2(CONCAT('demo-rating-', a.id, '-', RAND()), 256)),
       IF(CRC32(CONCAT(a.id, ':r')) % 100 < IF(e.feeling = 'negatif', 45, 80), 'utile', 'pas_utile'),
       LEAST(a.published_at + INTERVAL (CRC32(CONCAT(a.id, ':rt')) % 7200) MINUTE, UTC_TIMESTAMP())
  FROM answers a JOIN experiences e ON e.id = a.experience_id
 WHERE a.status = 'publiee' AND a.experience_id > @base AND CRC32(CONCAT(a.id, ':rr')) % 100 < 35;

-- Unrated links waiting for the author (10 % more).
INSERT INTO answer_ratings (answer_id, token_hash)
SELECT a.id, UNHEX(SHA2(CONCAT('demo-rating-', a.id, '-', RAND()), 256))
  FROM answers a
 WHERE a.status = 'publiee' AND a.experience_id > @base
   AND CRC32(CONCAT(a.id, ':rr')) % 100 BETWEEN 35 AND 44;

-- ---------------------------------------------------------------------
-- General tags on half of the answered experiences.
INSERT IGNORE INTO experience_tags (experience_id, structure_id, tag_id)
SELECT es.experience_id, es.structure_id, t.id
  FROM experience_structures es
  JOIN demo_e e ON e.id = es.experience_id
  JOIN tags t ON t.network_id IS NULL
   AND t.label = ELT(1 + e.h6 % 4, 'Réactivité', 'Relation', 'Action', 'Information / explication')
 WHERE es.state = 'repondu' AND e.h2 % 2 = 0;

INSERT IGNORE INTO experience_tags (experience_id, structure_id, tag_id)
SELECT es.experience_id, es.structure_id, t.id
  FROM experience_structures es
  JOIN demo_e e ON e.id = es.experience_id
  JOIN tags t ON t.network_id IS NULL
   AND t.label = ELT(1 + e.h5 % 4, 'Réactivité', 'Relation', 'Action', 'Information / explication')
 WHERE es.state = 'repondu' AND e.h2 % 6 = 1;

-- Agents' comments on 3 % of the experiences (author unknown in the demo).
INSERT INTO comments (experience_id, user_id, structure_id, body, created_at)
SELECT e.id, NULL, s.id,
       ELT(1 + e.h4 % 4,
         'Je prends ce dossier : l''usager est connu de notre accueil.',
         'Pouvez-vous vérifier la date du rendez-vous annulé avant que nous répondions ?',
         'Réponse commune à préparer avec la direction départementale.',
         'Situation régularisée ce matin, je rédige la réponse.'),
       e.published_at + INTERVAL (10 + e.h3 % 600) MINUTE
  FROM demo_e e JOIN demo_s s ON s.n = e.sn
 WHERE e.status = 'publiee' AND e.h6 % 100 < 3;

-- ---------------------------------------------------------------------
-- Improvement actions: 160 across the structures, 40 % public, linked to
-- a few experiences of their structure.
INSERT INTO actions (structure_id, title, description, engagement_number, status, start_date,
                     end_date, is_public, created_at, updated_at)
SELECT s.id,
       ELT(1 + q.seq % 8, 'Prise de rendez-vous en ligne', 'Rappel des usagers sous 48 heures',
         'Refonte des courriers types', 'Accueil sans attente le mardi matin',
         'Formation des agents à l''accueil des personnes en situation de handicap',
         'Affichage des délais de traitement', 'Permanence téléphonique élargie',
         'Simplification du formulaire de demande'),
       ELT(1 + q.seq % 8,
         'Les usagers peuvent réserver un créneau d''accueil depuis le site internet, sans appeler.',
         'Chaque usager qui laisse un message est rappelé par un conseiller sous deux jours ouvrés.',
         'Les courriers les plus envoyés ont été réécrits en langage clair avec des usagers testeurs.',
         'Le mardi matin, l''accueil reçoit sans rendez-vous avec un agent supplémentaire.',
         'Tous les agents d''accueil suivent une formation d''une journée.',
         'Les délais moyens de traitement sont affichés à l''accueil et mis à jour chaque mois.',
         'La plateforme téléphonique répond désormais jusqu''à 18 heures.',
         'Le formulaire passe de six pages à deux, avec une notice illustrée.'),
       1 + q.seq % 9,
       ELT(1 + q.seq % 3, 'envisagee', 'en_cours', 'realisee'),
       CURDATE() - INTERVAL (30 + q.seq * 3) DAY,
       IF(q.seq % 3 = 2, CURDATE() - INTERVAL (q.seq) DAY, NULL),
       q.seq % 5 < 2,
       UTC_TIMESTAMP() - INTERVAL (q.seq * 4) DAY, UTC_TIMESTAMP() - INTERVAL (q.seq * 2) HOUR
  FROM seq_1_to_160 q JOIN demo_s s ON s.n = 1 + CRC32(CONCAT(q.seq, ':act')) % @ns;

INSERT IGNORE INTO experience_actions (experience_id, action_id)
SELECT es.experience_id, a.id
  FROM actions a
  JOIN experience_structures es ON es.structure_id = a.structure_id
  JOIN demo_e e ON e.id = es.experience_id
 WHERE e.status = 'publiee' AND e.h1 % 3 = 0;

DROP TEMPORARY TABLE demo_e;
DROP TEMPORARY TABLE demo_topic;
DROP TEMPORARY TABLE demo_s;
