-- 002_reference: reference data loaded in every environment (production too):
-- régions and départements (INSEE codes), structure typologies, the 9
-- engagements of the programme (2021 wording) and the editorial pages.
-- Page bodies are plain text: blank lines separate paragraphs and a line
-- starting with "## " is a heading.

SET NAMES utf8mb4;

INSERT INTO regions (code, name) VALUES
  ('01', 'Guadeloupe'),
  ('02', 'Martinique'),
  ('03', 'Guyane'),
  ('04', 'La Réunion'),
  ('06', 'Mayotte'),
  ('11', 'Île-de-France'),
  ('24', 'Centre-Val de Loire'),
  ('27', 'Bourgogne-Franche-Comté'),
  ('28', 'Normandie'),
  ('32', 'Hauts-de-France'),
  ('44', 'Grand Est'),
  ('52', 'Pays de la Loire'),
  ('53', 'Bretagne'),
  ('75', 'Nouvelle-Aquitaine'),
  ('76', 'Occitanie'),
  ('84', 'Auvergne-Rhône-Alpes'),
  ('93', 'Provence-Alpes-Côte d''Azur'),
  ('94', 'Corse');

INSERT INTO departements (code, name, region_code) VALUES
  ('01', 'Ain', '84'),
  ('02', 'Aisne', '32'),
  ('03', 'Allier', '84'),
  ('04', 'Alpes-de-Haute-Provence', '93'),
  ('05', 'Hautes-Alpes', '93'),
  ('06', 'Alpes-Maritimes', '93'),
  ('07', 'Ardèche', '84'),
  ('08', 'Ardennes', '44'),
  ('09', 'Ariège', '76'),
  ('10', 'Aube', '44'),
  ('11', 'Aude', '76'),
  ('12', 'Aveyron', '76'),
  ('13', 'Bouches-du-Rhône', '93'),
  ('14', 'Calvados', '28'),
  ('15', 'Cantal', '84'),
  ('16', 'Charente', '75'),
  ('17', 'Charente-Maritime', '75'),
  ('18', 'Cher', '24'),
  ('19', 'Corrèze', '75'),
  ('2A', 'Corse-du-Sud', '94'),
  ('2B', 'Haute-Corse', '94'),
  ('21', 'Côte-d''Or', '27'),
  ('22', 'Côtes-d''Armor', '53'),
  ('23', 'Creuse', '75'),
  ('24', 'Dordogne', '75'),
  ('25', 'Doubs', '27'),
  ('26', 'Drôme', '84'),
  ('27', 'Eure', '28'),
  ('28', 'Eure-et-Loir', '24'),
  ('29', 'Finistère', '53'),
  ('30', 'Gard', '76'),
  ('31', 'Haute-Garonne', '76'),
  ('32', 'Gers', '76'),
  ('33', 'Gironde', '75'),
  ('34', 'Hérault', '76'),
  ('35', 'Ille-et-Vilaine', '53'),
  ('36', 'Indre', '24'),
  ('37', 'Indre-et-Loire', '24'),
  ('38', 'Isère', '84'),
  ('39', 'Jura', '27'),
  ('40', 'Landes', '75'),
  ('41', 'Loir-et-Cher', '24'),
  ('42', 'Loire', '84'),
  ('43', 'Haute-Loire', '84'),
  ('44', 'Loire-Atlantique', '52'),
  ('45', 'Loiret', '24'),
  ('46', 'Lot', '76'),
  ('47', 'Lot-et-Garonne', '75'),
  ('48', 'Lozère', '76'),
  ('49', 'Maine-et-Loire', '52'),
  ('50', 'Manche', '28'),
  ('51', 'Marne', '44'),
  ('52', 'Haute-Marne', '44'),
  ('53', 'Mayenne', '52'),
  ('54', 'Meurthe-et-Moselle', '44'),
  ('55', 'Meuse', '44'),
  ('56', 'Morbihan', '53'),
  ('57', 'Moselle', '44'),
  ('58', 'Nièvre', '27'),
  ('59', 'Nord', '32'),
  ('60', 'Oise', '32'),
  ('61', 'Orne', '28'),
  ('62', 'Pas-de-Calais', '32'),
  ('63', 'Puy-de-Dôme', '84'),
  ('64', 'Pyrénées-Atlantiques', '75'),
  ('65', 'Hautes-Pyrénées', '76'),
  ('66', 'Pyrénées-Orientales', '76'),
  ('67', 'Bas-Rhin', '44'),
  ('68', 'Haut-Rhin', '44'),
  ('69', 'Rhône', '84'),
  ('70', 'Haute-Saône', '27'),
  ('71', 'Saône-et-Loire', '27'),
  ('72', 'Sarthe', '52'),
  ('73', 'Savoie', '84'),
  ('74', 'Haute-Savoie', '84'),
  ('75', 'Paris', '11'),
  ('76', 'Seine-Maritime', '28'),
  ('77', 'Seine-et-Marne', '11'),
  ('78', 'Yvelines', '11'),
  ('79', 'Deux-Sèvres', '75'),
  ('80', 'Somme', '32'),
  ('81', 'Tarn', '76'),
  ('82', 'Tarn-et-Garonne', '76'),
  ('83', 'Var', '93'),
  ('84', 'Vaucluse', '93'),
  ('85', 'Vendée', '52'),
  ('86', 'Vienne', '75'),
  ('87', 'Haute-Vienne', '75'),
  ('88', 'Vosges', '44'),
  ('89', 'Yonne', '27'),
  ('90', 'Territoire de Belfort', '27'),
  ('91', 'Essonne', '11'),
  ('92', 'Hauts-de-Seine', '11'),
  ('93', 'Seine-Saint-Denis', '11'),
  ('94', 'Val-de-Marne', '11'),
  ('95', 'Val-d''Oise', '11'),
  ('971', 'Guadeloupe', '01'),
  ('972', 'Martinique', '02'),
  ('973', 'Guyane', '03'),
  ('974', 'La Réunion', '04'),
  ('976', 'Mayotte', '06');

INSERT INTO typologies (id, code, label) VALUES
  (1, 'agence', 'Agence'),
  (2, 'accueil', 'Accueil'),
  (3, 'plateforme-telephonique', 'Plateforme téléphonique'),
  (4, 'caisse', 'Caisse'),
  (5, 'centre-finances-publiques', 'Centre des finances publiques'),
  (6, 'prefecture', 'Préfecture'),
  (7, 'sous-prefecture', 'Sous-préfecture'),
  (8, 'mairie', 'Mairie'),
  (9, 'espace-france-services', 'Espace France services'),
  (10, 'direction-departementale', 'Direction départementale'),
  (11, 'direction-regionale', 'Direction régionale'),
  (12, 'siege-national', 'Siège national'),
  (13, 'agence-locale', 'Agence locale');

INSERT INTO engagements (number, theme, text) VALUES
  (1, 'proches', 'Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance et, dans les conditions prévues par la loi, vous avez le droit à l''erreur'),
  (2, 'proches', 'Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne'),
  (3, 'proches', 'Vous bénéficiez d''un accompagnement adapté à votre situation personnelle'),
  (4, 'efficaces', 'Nous vous orientons vers la personne compétente pour traiter votre demande'),
  (5, 'efficaces', 'Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l''avancement de votre dossier'),
  (6, 'efficaces', 'Vous avez accès à nos résultats de qualité de service'),
  (7, 'simples', 'Vos avis sont pris en compte pour améliorer et simplifier nos démarches'),
  (8, 'simples', 'Nous développons en permanence nos compétences et nous améliorons en continu'),
  (9, 'simples', 'Nous sommes éco-responsables');

INSERT INTO pages (slug, title, body, updated_at) VALUES
  ('programme', 'Le programme Services Publics+',
'Services Publics+ est le programme interministériel d''amélioration continue de la qualité des services publics. Lancé en 2021, il succède au référentiel Marianne et rassemble l''ensemble des administrations de l''État, des opérateurs de la protection sociale et des collectivités volontaires autour d''une même ambition : des services publics plus proches, plus efficaces et plus simples.

Le programme est piloté par la direction interministérielle de la transformation publique (DITP). Il s''appuie sur des réseaux de référents dans chaque ministère, chaque organisme et chaque département.

## 9 engagements communs à tous les services publics

Les services publics engagés dans le programme partagent 9 engagements, regroupés en trois thèmes. Ils constituent un socle commun de qualité de service, que vous soyez reçu dans une agence, que vous appeliez une plateforme téléphonique ou que vous réalisiez une démarche en ligne.

Plus proches : un accueil courtois et bienveillant, le droit à l''erreur, des services joignables par téléphone ou sur place et un accompagnement adapté à votre situation.

Plus efficaces : une orientation vers la bonne personne, des réponses dans les délais annoncés, une information sur l''avancement de votre dossier et la publication des résultats de qualité de service.

Plus simples : vos avis sont pris en compte pour simplifier les démarches, les agents développent leurs compétences en continu et les services publics s''engagent à être éco-responsables.

## Votre avis compte

Sur cette plateforme, chacun peut partager une expérience vécue avec un service public, qu''elle soit positive ou négative. Chaque expérience est relue par un modérateur avant publication, puis transmise au service concerné, qui y répond publiquement. Les expériences et les réponses sont consultables par tous.

Vous pouvez aussi signaler un document administratif difficile à comprendre, consulter des exemples de documents simplifiés et rejoindre le panel des usagers testeurs pour tester de nouveaux services avant leur lancement.

## La transparence sur les résultats

Les services publics publient régulièrement leurs résultats de qualité de service : satisfaction des usagers, taux de décroché téléphonique, respect des délais de traitement, qualité des démarches en ligne. Ces résultats sont consultables près de chez vous, structure par structure, et téléchargeables en données ouvertes.

## Une démarche d''amélioration continue

Les équipes des services publics réalisent régulièrement un diagnostic de leurs pratiques au regard des 9 engagements. À partir de ce diagnostic et de vos retours, elles définissent des actions d''amélioration, dont certaines sont publiées sur ce site afin que chacun puisse en suivre l''avancement.',
  '2026-09-15 08:00:00'),
  ('accessibilite', 'Déclaration d''accessibilité',
'La direction interministérielle de la transformation publique s''engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles conformément à l''article 47 de la loi n° 2005-102 du 11 février 2005.

Cette déclaration d''accessibilité s''applique au site Services Publics+.

## État de conformité

Le site Services Publics+ est partiellement conforme avec le référentiel général d''amélioration de l''accessibilité (RGAA), version 4.1.2, en raison des non-conformités et des dérogations énumérées ci-dessous.

## Résultats des tests

L''audit de conformité réalisé en interne révèle que 82 % des critères du RGAA version 4.1.2 sont respectés. Le taux moyen de conformité du service en ligne s''élève à 91 %.

## Contenus non accessibles

Non-conformités : certains graphiques du tableau de bord des agents ne disposent pas encore d''une alternative textuelle complète (critère 1.8) ; certains documents PDF téléchargeables, notamment les exemples de documents simplifiés fournis par les administrations, ne sont pas balisés (critère 13.3) ; l''ordre de tabulation de certains formulaires de l''espace agents n''est pas entièrement cohérent (critère 12.8).

Dérogations pour charge disproportionnée : aucune.

Contenus non soumis à l''obligation d''accessibilité : les documents bureautiques publiés avant le 23 septembre 2018 et les documents transmis par les usagers lors d''un signalement.

## Établissement de cette déclaration

Cette déclaration a été établie le 15 septembre 2026. Technologies utilisées pour la réalisation du site : HTML5, CSS, SVG, système de design de l''État (DSFR). Les vérifications ont été réalisées avec les lecteurs d''écran NVDA et VoiceOver, les navigateurs Firefox et Chrome, et les outils Axe et Assistant RGAA.

Pages du site ayant fait l''objet de la vérification de conformité : l''accueil, les engagements, la liste et le détail des expériences, le formulaire « Donner mon avis », les résultats près de chez vous, le signalement d''un document, l''inscription des usagers testeurs, la foire aux questions, la connexion des agents et la présente page.

## Retour d''information et contact

Si vous n''arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.

Par courriel : accessibilite@servicespublicsplus.example.gouv.fr

Par courrier : Direction interministérielle de la transformation publique, Programme Services Publics+, 139 rue de Bercy, 75012 Paris.

## Voies de recours

Si vous constatez un défaut d''accessibilité vous empêchant d''accéder à un contenu ou à une fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits.

Plusieurs moyens sont à votre disposition : écrire un message au Défenseur des droits au moyen du formulaire en ligne sur defenseurdesdroits.fr ; contacter le délégué du Défenseur des droits dans votre région ; envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) à l''adresse : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
  '2026-09-15 08:00:00'),
  ('mentions-legales', 'Mentions légales',
'## Éditeur du site

Le site Services Publics+ est édité par la direction interministérielle de la transformation publique (DITP), 139 rue de Bercy, 75012 Paris.

Directeur de la publication : le délégué interministériel à la transformation publique.

## Hébergement

Le site est hébergé sur l''infrastructure de l''État, dans des centres de données situés en France.

## Propriété intellectuelle

Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous licence ouverte Etalab 2.0. Vous pouvez les réutiliser librement, à condition de mentionner leur source et leur date de dernière mise à jour.

Les expériences publiées par les usagers restent sous leur responsabilité ; elles sont diffusées sous la même licence après modération. Les données ouvertes sont téléchargeables depuis la page « Données ouvertes ».

La marque de l''État, le logo « République française » et le système de design de l''État sont réservés aux sites de l''État et ne peuvent être réutilisés.

## Liens hypertextes

Tout site public ou privé est autorisé à établir, sans autorisation préalable, un lien vers les informations diffusées sur ce site. Les pages du site ne doivent cependant pas être imbriquées à l''intérieur des pages d''un autre site.

## Responsabilité

Les informations publiées sur ce site sont fournies à titre indicatif. Les résultats de qualité de service sont produits par les administrations concernées, qui en sont responsables. La DITP ne saurait être tenue responsable d''une erreur ou d''une omission dans les contenus transmis par des tiers.

## Modération

Les expériences partagées par les usagers sont relues avant publication selon la charte de modération. Sont refusés notamment les propos injurieux, diffamatoires ou discriminatoires, les contenus comportant des données personnelles et ceux qui ne concernent pas un service public.',
  '2026-09-15 08:00:00'),
  ('donnees-personnelles', 'Données personnelles',
'La direction interministérielle de la transformation publique (DITP) est responsable des traitements de données personnelles réalisés sur le site Services Publics+. Ces traitements respectent le règlement général sur la protection des données (RGPD) et la loi n° 78-17 du 6 janvier 1978 relative à l''informatique, aux fichiers et aux libertés.

## Finalités et bases légales

Les données sont traitées pour publier et modérer les expériences des usagers, transmettre ces expériences aux services concernés et informer leurs auteurs des réponses, gérer le panel des usagers testeurs, traiter les signalements de documents administratifs et gérer les comptes des agents publics. Ces traitements sont nécessaires à l''exécution d''une mission d''intérêt public (article 6.1.e du RGPD) ; l''inscription au panel des usagers testeurs repose sur votre consentement (article 6.1.a).

## Données collectées

Lorsque vous partagez une expérience : le pseudonyme de votre choix, votre adresse électronique, votre code postal et le fait que vous résidiez en France ou non, ainsi que le contenu de votre expérience. Votre adresse électronique n''est jamais publiée ni transmise au service concerné.

Lorsque vous devenez usager testeur : votre adresse électronique, votre tranche d''âge, votre catégorie socioprofessionnelle et votre département.

Pour les agents publics : nom, prénom, adresse électronique professionnelle, structure de rattachement et journal des actions réalisées sur la plateforme.

## Durées de conservation

Les expériences publiées sont conservées tant qu''elles présentent un intérêt pour l''amélioration des services publics, dans la limite de cinq ans ; l''adresse électronique de leur auteur est supprimée un an après la dernière réponse. Les données des usagers testeurs sont supprimées trois ans après l''inscription ou dès le retrait du consentement ; vous ne serez pas sollicité plus de deux fois par mois. Les comptes des agents sont supprimés un an après leur désactivation.

## Destinataires

Les données sont accessibles aux seuls modérateurs de la plateforme et, pour les expériences, aux agents habilités des services concernés, sans votre adresse électronique. Aucune donnée n''est cédée ni utilisée à des fins commerciales.

## Cookies

Ce site dépose uniquement des cookies strictement nécessaires à son fonctionnement (session des agents connectés, protection des formulaires). Aucun cookie de mesure d''audience tierce ni de publicité n''est utilisé ; ces cookies ne nécessitent pas votre consentement.

## Vos droits

Vous disposez d''un droit d''accès, de rectification, d''effacement et de limitation du traitement de vos données, ainsi que d''un droit d''opposition et du droit de retirer votre consentement à tout moment. Pour les exercer, écrivez au délégué à la protection des données des ministères économiques et financiers : dpo@servicespublicsplus.example.gouv.fr, ou par courrier : Délégué à la protection des données, 139 rue de Bercy, 75012 Paris.

Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l''informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.',
  '2026-09-15 08:00:00');
