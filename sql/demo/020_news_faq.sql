-- Demo data: news (actualités) and FAQ entries.
-- Bodies and answers are plain text: blank lines separate paragraphs and a
-- line starting with "## " is a heading.

SET NAMES utf8mb4;

INSERT INTO news (slug, title, summary, body, published_at, is_published, updated_at) VALUES
  ('semaine-innovation-publique-2026', 'Semaine de l''innovation publique 2026 : Services Publics+ au rendez-vous',
   'Ateliers, retours d''expérience et rencontres avec les usagers testeurs : le programme Services Publics+ a participé à la Semaine de l''innovation publique du 16 au 20 novembre 2026.',
   'Du 16 au 20 novembre 2026, la Semaine de l''innovation publique a réuni partout en France agents publics, usagers et partenaires autour de la transformation des services publics. Le programme Services Publics+ y a proposé une vingtaine d''ateliers.

## Des ateliers avec les usagers testeurs

Dans douze départements, des usagers testeurs ont travaillé avec les équipes de la CAF, de l''Assurance Maladie et des préfectures pour réécrire des courriers jugés difficiles à comprendre. Les nouvelles versions seront publiées dans les prochaines semaines parmi les exemples de documents simplifiés.

## Le diagnostic Services Publics+ en équipe

Plusieurs services ont présenté la façon dont ils ont mené leur diagnostic Services Publics+ et les actions d''amélioration qui en ont découlé : horaires d''accueil élargis, rappel téléphonique sur rendez-vous, nouveaux modèles de réponse aux usagers.

Les supports des ateliers sont disponibles pour les agents dans l''espace « Agents connectés », rubrique « J''accède aux ressources ».',
   '2026-11-23 09:00:00', 1, '2026-11-23 09:00:00'),
  ('nouvelle-plateforme-services-publics-plus', 'La nouvelle plateforme Services Publics+ est en ligne',
   'Un parcours plus simple pour partager votre expérience, des résultats plus lisibles près de chez vous et un site entièrement accessible sans JavaScript.',
   'La plateforme Services Publics+ fait peau neuve. Conçue avec des usagers et des agents, la nouvelle version simplifie le partage d''une expérience et rend plus lisibles les résultats de qualité de service.

## Ce qui change pour les usagers

Le formulaire « Donner mon avis » a été raccourci : vous recherchez le service concerné par son nom ou sa commune, décrivez votre expérience et indiquez les canaux de contact utilisés. Vous êtes informé par courriel de la publication de votre expérience, puis de la réponse de l''administration, que vous pouvez évaluer.

Les résultats près de chez vous peuvent désormais être filtrés par ville, département, région ou service public, et chaque structure dispose d''une page présentant l''historique de ses indicateurs.

## Ce qui change pour les agents

L''espace « Agents connectés » propose un tableau de bord repensé, la validation des réponses par les super agents et un module d''import des données de transparence qui vérifie l''ensemble du fichier avant tout enregistrement.',
   '2026-10-05 08:00:00', 1, '2026-10-05 08:00:00'),
  ('barometre-premier-semestre-2026', 'Baromètre Services Publics+ : les résultats du premier semestre 2026',
   '78 % des usagers se déclarent satisfaits de leur dernier contact avec un service public, un chiffre en hausse de deux points par rapport au second semestre 2025.',
   'Le baromètre Services Publics+ mesure chaque semestre la satisfaction des usagers à l''égard des services publics, à partir d''une enquête menée auprès de 6 000 personnes représentatives de la population française.

## Une satisfaction en progression

78 % des usagers interrogés se déclarent satisfaits de leur dernier contact avec un service public. L''accueil physique reste le canal le mieux noté (84 % de satisfaits), devant les démarches en ligne (79 %) et le téléphone (71 %).

## Des marges de progrès sur les délais

Le respect des délais annoncés reste le principal point d''attention : 64 % des usagers estiment avoir reçu une réponse dans le délai indiqué. Les services engagés dans une action d''amélioration sur ce thème progressent plus vite que les autres.

Le rapport complet et les données détaillées sont disponibles en données ouvertes.',
   '2026-09-14 10:00:00', 1, '2026-09-14 10:00:00'),
  ('resultats-qualite-service-2025', 'Transparence : les résultats de qualité de service 2025 sont en ligne',
   'Plus de 2 300 sites publient leurs indicateurs de qualité de service : satisfaction, taux de décroché, respect des délais et qualité des démarches en ligne.',
   'Conformément à l''engagement n° 6 « Vous avez accès à nos résultats de qualité de service », les réseaux engagés dans le programme ont publié leurs résultats de l''année 2025.

Plus de 2 300 sites publient désormais au moins un indicateur, contre 1 800 l''an dernier. Les caisses d''allocations familiales, l''Assurance Maladie, France Travail, les finances publiques et les préfectures ont été rejointes cette année par de nouveaux réseaux.

## Comment consulter les résultats ?

Rendez-vous dans la rubrique « Résultats près de chez vous » et recherchez votre commune, votre département ou le service public qui vous intéresse. Chaque indicateur est accompagné de sa fréquence de mise à jour et de la date de la dernière publication.

Les résultats sont aussi téléchargeables au format CSV et JSON dans la rubrique « Données ouvertes ».',
   '2026-07-02 09:30:00', 1, '2026-07-02 09:30:00'),
  ('diagnostic-services-publics-plus-en-equipe', 'Diagnostic Services Publics+ : une nouvelle fonctionnalité pour les équipes',
   'Les agents peuvent désormais réaliser en équipe le diagnostic Services Publics+ de leur structure directement sur la plateforme et consulter immédiatement leurs résultats.',
   'L''amélioration continue est un pilier du programme Services Publics+. Sa première étape est un diagnostic des pratiques de l''équipe au regard des 9 engagements.

Le diagnostic est désormais disponible dans l''espace « Agents connectés », menu « J''améliore la qualité », pour les profils agent, super agent, évaluateur, super évaluateur et référent.

## Comment se déroule le diagnostic ?

Les questions sont regroupées par engagement. L''équipe y répond ensemble, page par page. Les résultats sont disponibles dès l''enregistrement : score par engagement, points forts et axes de progrès. Un export PDF permet de les partager.

Chaque structure peut réaliser le diagnostic deux fois par année civile, afin de mesurer les progrès accomplis. Les structures mères peuvent consulter les résultats consolidés de leurs structures filles.',
   '2026-05-19 08:30:00', 1, '2026-05-19 08:30:00'),
  ('50-documents-simplifies', 'Documents administratifs : 50 courriers simplifiés grâce aux usagers',
   'Depuis le lancement du signalement des documents complexes, 50 courriers et formulaires ont été réécrits avec l''aide des usagers testeurs.',
   'Un courrier incompréhensible, un formulaire trop long, un avis d''imposition difficile à lire : depuis deux ans, chacun peut signaler sur Services Publics+ un document administratif complexe.

Plus de 4 000 signalements ont été reçus. Ils ont permis d''identifier les documents les plus problématiques, qui ont été retravaillés par les administrations avec l''appui de spécialistes du langage clair et d''usagers testeurs.

## Des exemples avant / après

Cinquante documents simplifiés sont désormais consultables dans la rubrique « Documents simplifiés », avec leur version d''origine : notifications de droits, convocations, relances, formulaires de demande.

Vous avez reçu un document difficile à comprendre ? Signalez-le : il sera peut-être le prochain à être simplifié.',
   '2026-04-07 09:00:00', 1, '2026-04-07 09:00:00'),
  ('100000-experiences', 'Je donne mon avis : 100 000 expériences partagées',
   'Le cap des 100 000 expériences publiées a été franchi. 87 % d''entre elles ont reçu une réponse de l''administration concernée.',
   'Le dispositif « Je donne mon avis avec Services Publics+ » a franchi le cap des 100 000 expériences publiées. Positives pour 41 % d''entre elles, négatives pour 46 % et neutres pour 13 %, elles couvrent l''ensemble des services publics.

87 % des expériences ont reçu une réponse publique de l''administration concernée, dans un délai moyen de six jours. Lorsqu''ils l''évaluent, les usagers jugent la réponse utile dans 72 % des cas.

## Des avis qui changent les choses

Plus de 3 000 actions d''amélioration ont été engagées à la suite d''expériences d''usagers : signalétique revue, horaires adaptés, courriers réécrits, prise de rendez-vous simplifiée. Celles que les services ont choisi de publier sont consultables dans la rubrique « Actions d''amélioration ».',
   '2026-03-03 11:00:00', 1, '2026-03-03 11:00:00'),
  ('les-9-engagements-ce-qui-change', 'Les 9 engagements Services Publics+ : ce qui change pour vous',
   'Accueil, joignabilité, délais, transparence, écoute : retour sur les 9 engagements pris par les services publics depuis 2021.',
   'Depuis 2021, les services publics engagés dans le programme partagent 9 engagements, regroupés en trois thèmes : des services publics plus proches, plus efficaces et plus simples.

## Plus proches

Vous êtes accueillis avec courtoisie et bienveillance et vous avez le droit à l''erreur. Les services sont joignables par téléphone ou sur place et facilitent vos démarches en ligne. Vous bénéficiez d''un accompagnement adapté à votre situation.

## Plus efficaces

Vous êtes orienté vers la personne compétente, vous recevez une réponse dans les délais annoncés et vous êtes informé de l''avancement de votre dossier. Les résultats de qualité de service sont publiés.

## Plus simples

Vos avis sont pris en compte pour améliorer et simplifier les démarches, les agents développent leurs compétences en continu et les services publics sont éco-responsables.',
   '2026-01-20 09:00:00', 1, '2026-01-20 09:00:00'),
  ('bilan-2025', 'Bilan 2025 : une année d''amélioration continue',
   'Nouveaux réseaux, premiers diagnostics, résultats publiés : retour sur une année riche pour le programme Services Publics+.',
   'L''année 2025 a été marquée par l''arrivée de nouveaux réseaux dans le programme, dont les espaces France services, et par la généralisation du diagnostic Services Publics+.

Plus de 5 000 équipes ont réalisé leur diagnostic. Les engagements les mieux maîtrisés sont l''accueil courtois et bienveillant et l''orientation vers la personne compétente ; la joignabilité téléphonique et l''information sur l''avancement des dossiers restent les principaux axes de progrès.

En 2026, le programme poursuivra l''ouverture des données de qualité de service et renforcera l''accompagnement des équipes dans la mise en œuvre de leurs actions d''amélioration.',
   '2025-12-16 10:00:00', 1, '2025-12-16 10:00:00'),
  ('france-services-rejoint-services-publics-plus', 'Le réseau France services rejoint la démarche Services Publics+',
   'Les espaces France services peuvent désormais recevoir et répondre aux expériences des usagers sur la plateforme.',
   'Les 2 800 espaces France services accompagnent chaque année des millions d''usagers dans leurs démarches administratives du quotidien. Ils rejoignent aujourd''hui la démarche Services Publics+.

Vous pouvez désormais partager votre expérience avec l''espace France services qui vous a accueilli. Les conseillers France services y répondront directement et pourront, si besoin, associer les partenaires concernés (CAF, Assurance Maladie, finances publiques, etc.) à la réponse.

Cette arrivée s''accompagne d''un déploiement progressif : une première vague d''espaces est ouverte dès ce mois-ci, les autres suivront d''ici la fin de l''année.',
   '2025-10-14 09:00:00', 1, '2025-10-14 09:00:00'),
  ('devenir-usager-testeur', 'Devenez usager testeur et aidez-nous à simplifier les démarches',
   'Le panel des usagers testeurs s''agrandit. Inscrivez-vous pour tester de nouveaux services et documents avant leur mise en ligne.',
   'Les administrations ont besoin de votre regard pour concevoir des démarches plus simples. En rejoignant le panel des usagers testeurs, vous pourrez être sollicité pour tester un formulaire en ligne, relire un courrier ou donner votre avis sur un nouveau service.

## Comment ça marche ?

L''inscription prend deux minutes : votre adresse électronique, votre tranche d''âge, votre catégorie socioprofessionnelle et votre département suffisent. Vous ne serez pas sollicité plus de deux fois par mois et vous restez libre de répondre ou non.

Vos données sont utilisées uniquement pour vous proposer des tests et sont supprimées au bout de trois ans, ou à tout moment sur simple demande.',
   '2025-08-26 08:00:00', 1, '2025-08-26 08:00:00'),
  ('liens-de-suivi-et-qr-codes', 'Liens de suivi et QR codes : faites connaître le dispositif dans vos accueils',
   'Les agents peuvent créer des liens de suivi et des QR codes pour inviter les usagers à partager leur expérience, et mesurer l''efficacité de leurs campagnes.',
   'Pour recueillir davantage d''expériences, les services publics peuvent inviter les usagers à donner leur avis à la sortie d''un rendez-vous, dans une signature de courriel ou sur une affiche dans leurs locaux.

Depuis l''espace « Agents connectés », chaque service peut créer des liens de suivi associés à une campagne et à une structure, et obtenir le QR code correspondant. Le tableau de bord indique ensuite combien d''expériences ont été déposées grâce à chaque lien.

Une affiche type et un guide pratique sont disponibles dans les ressources de l''espace agents.',
   '2025-06-17 09:00:00', 1, '2025-06-17 09:00:00');

INSERT INTO faq (audience, category, question, answer, position) VALUES
  ('public', 'Le programme', 'Qu''est-ce que Services Publics+ ?',
   'Services Publics+ est le programme d''amélioration continue des services publics, piloté par la direction interministérielle de la transformation publique. Il repose sur 9 engagements communs à toutes les administrations engagées.

Sur ce site, vous pouvez partager votre expérience avec un service public, consulter les résultats de qualité de service et suivre les actions d''amélioration.', 10),
  ('public', 'Le programme', 'Quels services publics participent au programme ?',
   'Les administrations de l''État (préfectures, finances publiques…), les organismes de sécurité sociale (CAF, Assurance Maladie, Assurance retraite, URSSAF, MSA), France Travail, les espaces France services et de nombreuses collectivités volontaires.', 20),
  ('public', 'Le programme', 'Quels sont les 9 engagements Services Publics+ ?',
   'Les 9 engagements sont regroupés en trois thèmes : des services publics plus proches, plus efficaces et plus simples. Ils sont présentés en détail sur la page « Les engagements ».', 30),
  ('public', 'Donner son avis', 'Comment partager mon expérience avec un service public ?',
   'Cliquez sur « Donner mon avis », recherchez le service concerné par son nom ou sa commune, puis décrivez votre expérience : ce qui s''est passé, votre ressenti général et les canaux de contact utilisés (accueil, téléphone, site internet…).

Votre expérience est relue par un modérateur avant d''être publiée.', 40),
  ('public', 'Donner son avis', 'Mon nom apparaîtra-t-il sur le site ?',
   'Non. Votre expérience est publiée sous le pseudonyme de votre choix. Votre adresse électronique n''est jamais publiée ni transmise au service concerné : elle sert uniquement à vous informer de la publication de votre expérience et de la réponse de l''administration.', 50),
  ('public', 'Donner son avis', 'Puis-je partager une expérience positive ?',
   'Bien sûr. Les expériences positives sont aussi utiles que les négatives : elles permettent aux équipes de savoir ce qui fonctionne et de diffuser les bonnes pratiques.', 60),
  ('public', 'Donner son avis', 'Comment évaluer la réponse de l''administration ?',
   'Lorsque l''administration répond à votre expérience, vous recevez un courriel contenant un lien personnel. Il vous permet d''indiquer si la réponse vous a été « utile » ou « pas utile ».', 70),
  ('public', 'Modération', 'Pourquoi mon expérience n''a-t-elle pas été publiée ?',
   'Chaque expérience est relue selon la charte de modération. Sont refusés les propos injurieux ou discriminatoires, les contenus qui contiennent des données personnelles (nom, numéro de dossier, adresse…) et ceux qui ne concernent pas un service public.

En cas de refus, vous recevez un courriel qui en précise le motif ; vous pouvez alors déposer une nouvelle expérience.', 80),
  ('public', 'Modération', 'Combien de temps faut-il pour que mon expérience soit publiée ?',
   'Les expériences sont généralement modérées sous deux jours ouvrés. Une fois publiée, votre expérience est transmise au service concerné, qui s''engage à y répondre.', 90),
  ('public', 'Résultats de qualité de service', 'D''où viennent les résultats affichés près de chez vous ?',
   'Les résultats sont produits par les administrations elles-mêmes, à partir de leurs outils de mesure (enquêtes de satisfaction, statistiques d''appels, suivi des délais). Chaque indicateur précise sa fréquence de mise à jour et la date de sa dernière publication.', 100),
  ('public', 'Résultats de qualité de service', 'Puis-je réutiliser les données publiées ?',
   'Oui. Les expériences publiées, la liste des structures et les résultats sont disponibles en données ouvertes, aux formats CSV et JSON, sous licence ouverte Etalab 2.0.', 110),
  ('agent', 'Connexion', 'Comment me connecter à l''espace « Agents connectés » ?',
   'Utilisez le lien de connexion reçu par courriel lors de la création de votre compte, puis saisissez votre nom d''utilisateur et votre mot de passe. Astuce : ajoutez ce lien à vos favoris.', 120),
  ('agent', 'Connexion', 'J''ai oublié mon mot de passe, comment le réinitialiser ?',
   'Sur la page de connexion, cliquez sur « Réinitialiser votre mot de passe », saisissez votre adresse électronique et cliquez sur « Soumettre ». Vous recevrez un lien pour choisir un nouveau mot de passe.

Attention, ce lien est valable 24 heures et ne peut être utilisé qu''une seule fois.', 130),
  ('agent', 'Répondre aux expériences', 'Comment répondre à une expérience ?',
   'Dans « J''améliore la qualité », ouvrez « Les expériences » et filtrez sur l''état « à traiter ». Cliquez sur « Modifier » pour ouvrir l''expérience, rédigez votre réponse, choisissez votre formule de politesse et votre signature, puis sélectionnez le statut « Réponse apportée » et cliquez sur « Enregistrer ».', 140),
  ('agent', 'Répondre aux expériences', 'Pourquoi ma réponse n''est-elle pas publiée ?',
   'Si vous avez laissé le statut « Expérience publiée », votre réponse est enregistrée comme brouillon. Si votre profil est « répondant », votre réponse est soumise à la validation d''un super agent ou d''un super répondant avant publication.', 150),
  ('agent', 'Répondre aux expériences', 'Plusieurs services sont concernés par une expérience : comment nous coordonner ?',
   'Utilisez les commentaires de l''expérience : ils sont visibles par les agents de toutes les structures concernées, et par eux seuls. Ils permettent de préparer une réponse commune.', 160),
  ('agent', 'Tableau de bord', 'Que contient « Mon tableau de bord » ?',
   'Le tableau de bord présente, pour la période choisie, le nombre d''expériences publiées, les délais de réponse, la source des expériences, le ressenti général, les canaux de contact, les tags les plus cités, l''évaluation des réponses et le suivi des actions d''amélioration. Cochez la case prévue pour inclure vos structures filles.', 170),
  ('agent', 'Diagnostic', 'Qui peut réaliser le diagnostic Services Publics+ ?',
   'Le diagnostic est accessible aux profils agent, super agent, évaluateur, super évaluateur et référent, depuis « J''améliore la qualité » puis « Diagnostic Services Publics+ ». Il est conseillé de le réaliser en équipe ; chaque structure peut le faire deux fois par année civile.', 180),
  ('agent', 'Imports de données', 'Comment importer les résultats de transparence de mon réseau ?',
   'Dans « J''accède aux données de mon réseau », ouvrez « Imports de données » puis « J''importe des données ». Choisissez le type « Résultats CSV », déposez votre fichier et cliquez sur « Tester » : le fichier est entièrement vérifié sans rien enregistrer. S''il ne contient aucune erreur, cliquez sur « Exécuter » pour l''importer.', 190),
  ('agent', 'Imports de données', 'Quel format de fichier utiliser pour l''import ?',
   'Un fichier CSV encodé en UTF-8, avec le point-virgule comme séparateur. Le modèle de fichier et le guide pratique sont disponibles dans les ressources : tapez « transparence » dans la barre de recherche.', 200);
