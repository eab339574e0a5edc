<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl — common DSFR page frame for every public (and agent) page.

  Page stylesheets <xsl:import href="layout.xsl"/> and provide:
    <xsl:template match="page" mode="title">…</xsl:template>    (text of <title>, before « — Services Publics+ »)
    <xsl:template match="page" mode="content">…</xsl:template>  (content of <main>)

  Overridable named templates: head-extra, header-tools, main-nav, footer.
  Reusable named templates: breadcrumb, pagination, paras, date-fr, nav-item.

  Output escaping is never disabled; no inline script and no inline CSS (CSP).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:frag="urn:spplus:fragment"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="exsl frag">

  <!-- the agents' menus replace the public navigation under /agent -->
  <xsl:include href="agent-menu.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- (no global variables for constants such as '/static/dsfr': libxslt
       evaluates every global variable for every page) -->
  <!-- The page element. Paths are written $page/params/user rather than
       /page/params/user: libxml2 runs a plain path like the latter by
       walking every element down to the path's depth (on the list page,
       the ~100 networks and the experiences), and does so each time. -->
  <xsl:variable name="page" select="/page"/>
  <xsl:variable name="route" select="string(/page/params/route)"/>
  <xsl:variable name="path" select="string(/page/params/path)"/>

  <!-- ================================================================
       Page frame
       ================================================================ -->
  <xsl:template match="/">
    <html lang="fr" dir="ltr">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"/>
        <meta name="format-detection" content="telephone=no"/>
        <title>
          <xsl:variable name="t">
            <xsl:apply-templates select="page" mode="title"/>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="normalize-space($t) != ''">
              <xsl:value-of select="normalize-space($t)"/>
            </xsl:when>
            <xsl:otherwise>Accueil</xsl:otherwise>
          </xsl:choose>
          <xsl:text> — Services Publics+</xsl:text>
        </title>
        <meta name="theme-color" content="#000091"/>
        <link rel="apple-touch-icon" href="/static/dsfr/favicon/apple-touch-icon.png"/>
        <link rel="icon" href="/static/dsfr/favicon/favicon.svg" type="image/svg+xml"/>
        <link rel="shortcut icon" href="/static/dsfr/favicon/favicon.ico" type="image/x-icon"/>
        <link rel="manifest" href="/static/dsfr/favicon/manifest.webmanifest" crossorigin="use-credentials"/>
        <link rel="stylesheet" href="/static/dsfr/dsfr.min.css"/>
        <link rel="stylesheet" href="/static/dsfr/utility/icons/icons.min.css"/>
        <link rel="stylesheet" href="/static/css/spplus.css"/>
        <xsl:call-template name="head-extra"/>
      </head>
      <body>
        <xsl:call-template name="skiplinks"/>
        <!-- the header and the footer: rendered once per worker and
             stylesheet, route, path and user (fcgi/route.c, layout_frags) -->
        <xsl:variable name="frags" select="page/params/frag-layout"/>
        <xsl:choose>
          <xsl:when test="$frags/header/@cached"><frag:use key="{$frags/header/@frag}"/></xsl:when>
          <xsl:when test="$frags"><frag:store key="{$frags/header/@frag}"><xsl:call-template name="header"/></frag:store></xsl:when>
          <xsl:otherwise><xsl:call-template name="header"/></xsl:otherwise>
        </xsl:choose>
        <main id="contenu" role="main" tabindex="-1">
          <xsl:apply-templates select="page" mode="content"/>
        </main>
        <xsl:choose>
          <xsl:when test="$frags/footer/@cached"><frag:use key="{$frags/footer/@frag}"/></xsl:when>
          <xsl:when test="$frags"><frag:store key="{$frags/footer/@frag}"><xsl:call-template name="footer"/></frag:store></xsl:when>
          <xsl:otherwise><xsl:call-template name="footer"/></xsl:otherwise>
        </xsl:choose>
        <script type="module" src="/static/dsfr/dsfr.module.min.js"></script>
        <script nomodule="" src="/static/dsfr/dsfr.nomodule.min.js"></script>
      </body>
    </html>
  </xsl:template>

  <!-- Defaults, overridden by page stylesheets (import precedence). -->
  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="error/title"><xsl:value-of select="error/title"/></xsl:when>
      <xsl:when test="content/title"><xsl:value-of select="content/title"/></xsl:when>
      <xsl:otherwise>Services Publics+</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-my-6w">
      <h1><xsl:apply-templates select="." mode="title"/></h1>
    </div>
  </xsl:template>

  <xsl:template name="head-extra"/>

  <!-- ================================================================
       Skip links
       ================================================================ -->
  <xsl:template name="skiplinks">
    <div class="fr-skiplinks">
      <nav class="fr-container" role="navigation" aria-label="Accès rapide">
        <ul class="fr-skiplinks__list">
          <li><a class="fr-link" href="#contenu">Contenu</a></li>
          <li><a class="fr-link" href="#navigation-principale">Menu</a></li>
          <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
        </ul>
      </nav>
    </div>
  </xsl:template>

  <!-- ================================================================
       Header
       ================================================================ -->
  <xsl:template name="header">
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">République<br/> Française</p>
                </div>
                <div class="fr-header__navbar">
                  <button type="button" class="fr-btn--menu fr-btn" data-fr-opened="false"
                      aria-controls="menu-modal" aria-haspopup="menu" id="menu-bouton" title="Menu">Menu</button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title="Accueil — Services Publics+">
                  <p class="fr-header__service-title">Services Publics+</p>
                </a>
                <p class="fr-header__service-tagline">Des services publics plus proches, plus simples, plus efficaces</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <xsl:call-template name="header-tools"/>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal" id="menu-modal" aria-labelledby="menu-bouton">
        <div class="fr-container">
          <button type="button" class="fr-btn--close fr-btn" aria-controls="menu-modal" title="Fermer">Fermer</button>
          <div class="fr-header__menu-links">
            <xsl:call-template name="header-tools"/>
          </div>
          <xsl:choose>
            <xsl:when test="$page/params/user and starts-with($path, '/agent')">
              <xsl:call-template name="agent-menu"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="main-nav"/>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </header>
  </xsl:template>

  <!-- Tool links: « Agents connectés », or the logged-in agent's name and logout. -->
  <xsl:template name="header-tools">
    <ul class="fr-btns-group">
      <xsl:choose>
        <xsl:when test="$page/params/user">
          <xsl:variable name="user" select="$page/params/user"/>
          <li>
            <a class="fr-btn fr-btn--account" href="/agent/profil">
              <xsl:choose>
                <xsl:when test="normalize-space($user/display-name) != ''">
                  <xsl:value-of select="$user/display-name"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="$user/username"/></xsl:otherwise>
              </xsl:choose>
            </a>
          </li>
          <li>
            <form method="post" action="/agent/deconnexion" class="spp-inline-form">
              <input type="hidden" name="csrf" value="{$page/params/csrf}"/>
              <button type="submit" class="fr-btn fr-icon-logout-box-r-line fr-btn--icon-left">Se déconnecter</button>
            </form>
          </li>
        </xsl:when>
        <xsl:otherwise>
          <li>
            <a class="fr-btn fr-btn--account" href="/agent/connexion">Agents connectés</a>
          </li>
        </xsl:otherwise>
      </xsl:choose>
    </ul>
  </xsl:template>

  <!-- Main navigation (public site). The nine items are written out (same
       rule as nav-item: current when the route is one of the item's routes,
       the path is the href or under it): a called template with three
       parameters per item cost about a quarter of the bare layout. -->
  <xsl:template name="main-nav">
    <!-- ' href-of-the-route first-path-segment ': an item other than « Accueil »
         is current when its href is either (its routes map to it, or the path
         is the href or under it); one XPath evaluation, then one contains()
         per item. « Accueil »: route home or path "/". -->
    <xsl:variable name="nav-current"
        select="concat(' ', substring-before(substring-after(' engagements=/engagements experiences=/experiences experience=/experiences experiences-list=/experiences experience-detail=/experiences donner-mon-avis=/donner-mon-avis give-feedback=/donner-mon-avis feedback=/donner-mon-avis share=/donner-mon-avis resultats=/resultats results=/resultats result=/resultats results-structure=/resultats signaler-un-document=/signaler-un-document report-document=/signaler-un-document document-report=/signaler-un-document documents-simplifies=/documents-simplifies simplified-documents=/documents-simplifies usagers-testeurs=/usagers-testeurs testers=/usagers-testeurs tester=/usagers-testeurs news=/actualites news-article=/actualites actualites=/actualites ', concat(' ', $route, '=')), ' '),
                       ' ', substring($path, 1, 1), substring-before(concat(substring($path, 2), '/'), '/'), ' ')"/>
    <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
      <ul class="fr-nav__list">
        <li class="fr-nav__item"><a class="fr-nav__link" href="/"><xsl:if test="$route = 'home' or $path = '/'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Accueil</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/engagements"><xsl:if test="contains($nav-current, ' /engagements ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Les engagements</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/experiences"><xsl:if test="contains($nav-current, ' /experiences ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Les expériences</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/donner-mon-avis"><xsl:if test="contains($nav-current, ' /donner-mon-avis ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Donner mon avis</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/resultats"><xsl:if test="contains($nav-current, ' /resultats ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Résultats près de chez vous</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/signaler-un-document"><xsl:if test="contains($nav-current, ' /signaler-un-document ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Signaler un document</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/documents-simplifies"><xsl:if test="contains($nav-current, ' /documents-simplifies ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Documents simplifiés</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/usagers-testeurs"><xsl:if test="contains($nav-current, ' /usagers-testeurs ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Devenir usager testeur</a></li>
        <li class="fr-nav__item"><a class="fr-nav__link" href="/actualites"><xsl:if test="contains($nav-current, ' /actualites ')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>Actualités</a></li>
      </ul>
    </nav>
  </xsl:template>

  <!-- One fr-nav item; current when the route is listed in $routes
       (space-separated, with surrounding spaces) or the path is under $href. -->
  <xsl:template name="nav-item">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <xsl:param name="routes" select="''"/>
    <xsl:variable name="current"
        select="($route != '' and contains($routes, concat(' ', $route, ' ')))
                or $path = $href
                or ($href != '/' and starts-with($path, concat($href, '/')))"/>
    <li class="fr-nav__item">
      <a class="fr-nav__link" href="{$href}">
        <xsl:if test="$current">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- ================================================================
       Footer
       ================================================================ -->
  <xsl:template name="footer">
    <footer class="fr-footer" role="contentinfo" id="pied-de-page">
      <div class="fr-footer__top">
        <div class="fr-container">
          <div class="fr-grid-row fr-grid-row--start fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-sm-6 fr-col-md-4">
              <h2 class="fr-footer__top-cat">Le programme</h2>
              <ul class="fr-footer__top-list">
                <li><a class="fr-footer__top-link" href="/programme">Le programme</a></li>
                <li><a class="fr-footer__top-link" href="/engagements">Les 9 engagements</a></li>
                <li><a class="fr-footer__top-link" href="/actualites">Actualités</a></li>
                <li><a class="fr-footer__top-link" href="/faq">Foire aux questions</a></li>
              </ul>
            </div>
            <div class="fr-col-12 fr-col-sm-6 fr-col-md-4">
              <h2 class="fr-footer__top-cat">Transparence</h2>
              <ul class="fr-footer__top-list">
                <li><a class="fr-footer__top-link" href="/resultats">Résultats près de chez vous</a></li>
                <li><a class="fr-footer__top-link" href="/actions-amelioration">Actions d'amélioration</a></li>
                <li><a class="fr-footer__top-link" href="/donnees">Données ouvertes</a></li>
              </ul>
            </div>
            <div class="fr-col-12 fr-col-sm-6 fr-col-md-4">
              <h2 class="fr-footer__top-cat">Agents publics</h2>
              <ul class="fr-footer__top-list">
                <li><a class="fr-footer__top-link" href="/agent/connexion">Espace Agents connectés</a></li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l'accueil du site — Services Publics+">
              <p class="fr-logo">République<br/> Française</p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">Services Publics+ est le programme interministériel d'amélioration continue de la qualité des services publics. Il permet à chacun de partager son expérience avec un service public, de consulter les résultats de qualité de service et de suivre les actions d'amélioration engagées.</p>
            <ul class="fr-footer__content-list">
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="https://www.info.gouv.fr" rel="noopener">info.gouv.fr</a>
              </li>
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="https://www.service-public.fr" rel="noopener">service-public.fr</a>
              </li>
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="https://www.legifrance.gouv.fr" rel="noopener">legifrance.gouv.fr</a>
              </li>
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="https://www.data.gouv.fr" rel="noopener">data.gouv.fr</a>
              </li>
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/accessibilite">Accessibilité : partiellement conforme</a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/mentions-legales">Mentions légales</a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/donnees-personnelles">Données personnelles</a>
            </li>
            <li class="fr-footer__bottom-item">
              <a class="fr-footer__bottom-link" href="/faq">Foire aux questions</a>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md" rel="noopener">licence etalab-2.0</a></p>
          </div>
        </div>
      </div>
    </footer>
  </xsl:template>

  <!-- ================================================================
       Breadcrumb (fil d'Ariane)
       Params:
         current       label of the current page (required)
         parent-href / parent-label   optional single intermediate level
         items         optional result tree of <item href="…">label</item>
                       for several intermediate levels
       « Accueil » is always first.
       ================================================================ -->
  <xsl:template name="breadcrumb">
    <xsl:param name="current"/>
    <xsl:param name="parent-href" select="''"/>
    <xsl:param name="parent-label" select="''"/>
    <xsl:param name="items"/>
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button type="button" class="fr-breadcrumb__button" aria-expanded="false"
          aria-controls="fil-ariane">Voir le fil d'Ariane</button>
      <div class="fr-collapse" id="fil-ariane">
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/">Accueil</a></li>
          <xsl:if test="$parent-href != ''">
            <li><a class="fr-breadcrumb__link" href="{$parent-href}"><xsl:value-of select="$parent-label"/></a></li>
          </xsl:if>
          <xsl:if test="$items">
            <xsl:for-each select="exsl:node-set($items)/item">
              <li><a class="fr-breadcrumb__link" href="{@href}"><xsl:value-of select="."/></a></li>
            </xsl:for-each>
          </xsl:if>
          <li><a class="fr-breadcrumb__link" aria-current="page"><xsl:value-of select="$current"/></a></li>
        </ol>
      </div>
    </nav>
  </xsl:template>

  <!-- ================================================================
       Pagination
       Params:
         base     URL prefix to which the page number is appended,
                  e.g. '/actualites?page=' or '/experiences?q=caf&amp;page='
         current  current page (1-based)
         pages    page count
       Nothing is output when pages <= 1.
       ================================================================ -->
  <xsl:template name="pagination">
    <xsl:param name="base"/>
    <xsl:param name="current" select="1"/>
    <xsl:param name="pages" select="1"/>
    <xsl:variable name="cur" select="number($current)"/>
    <xsl:variable name="n" select="number($pages)"/>
    <xsl:if test="$n &gt; 1">
      <nav role="navigation" class="fr-pagination" aria-label="Pagination">
        <ul class="fr-pagination__list">
          <xsl:choose>
            <xsl:when test="$cur &gt; 1">
              <li><a class="fr-pagination__link fr-pagination__link--first" href="{$base}1">Première page</a></li>
              <li><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href="{$base}{$cur - 1}">Page précédente</a></li>
            </xsl:when>
            <xsl:otherwise>
              <li><a class="fr-pagination__link fr-pagination__link--first" aria-disabled="true" role="link">Première page</a></li>
              <li><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">Page précédente</a></li>
            </xsl:otherwise>
          </xsl:choose>
          <!-- Page numbers: all when n <= 7; otherwise 1, the pages around
               the current one (1-4 near the start, n-3..n near the end),
               n, and an ellipsis for each gap. Pages 1 and n are written
               out; the pages between them are the window $a .. $a + $m - 1
               (at most 5 pages), made by a for-each over $slots: no
               recursion (a call with four parameters for each page cost
               more than the links themselves), no variable made with
               xsl:choose (a result tree fragment each time).
               $m: n - 2 when n <= 7, else 3, or 0 when the current page is
               not a number (then a single gap: 1 … n).
               $a: 2, or n - 3 near the end, or cur - 1 in the middle; that
               last term goes through a string (empty, so 0, unless in the
               middle) because 0 * NaN is NaN, not 0. -->
          <xsl:variable name="m" select="($n &lt;= 7) * ($n - 2) + ($n &gt; 7) * 3 * ($cur = $cur)"/>
          <xsl:variable name="a"
              select="2 + ($n &gt; 7 and $cur &gt;= $n - 2) * ($n - 5)
                      + number(concat('0', substring($cur - 3, 1, 99 * ($n &gt; 7 and $cur &gt; 3 and $cur &lt; $n - 2))))"/>
          <li>
            <xsl:choose>
              <xsl:when test="$cur = 1"><a class="fr-pagination__link" aria-current="page" title="Page 1">1</a></xsl:when>
              <xsl:otherwise><a class="fr-pagination__link" href="{$base}1" title="Page 1">1</a></xsl:otherwise>
            </xsl:choose>
          </li>
          <xsl:if test="$a &gt; 2">
            <li><span class="fr-pagination__link spp-pagination__ellipsis">…</span></li>
          </xsl:if>
          <xsl:variable name="slots"><s/><s/><s/><s/><s/></xsl:variable>
          <xsl:for-each select="exsl:node-set($slots)/s[position() &lt;= $m]">
            <li>
              <xsl:choose>
                <xsl:when test="$a + position() - 1 = $cur">
                  <a class="fr-pagination__link" aria-current="page" title="Page {$a + position() - 1}"><xsl:value-of select="$a + position() - 1"/></a>
                </xsl:when>
                <xsl:otherwise>
                  <a class="fr-pagination__link" href="{concat($base, $a + position() - 1)}" title="Page {$a + position() - 1}"><xsl:value-of select="$a + position() - 1"/></a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
          <!-- not(>=): true when $a is NaN (see above) -->
          <xsl:if test="not($a + $m &gt;= $n)">
            <li><span class="fr-pagination__link spp-pagination__ellipsis">…</span></li>
          </xsl:if>
          <li>
            <xsl:choose>
              <xsl:when test="$cur = $n"><a class="fr-pagination__link" aria-current="page" title="Page {$n}"><xsl:value-of select="$n"/></a></xsl:when>
              <xsl:otherwise><a class="fr-pagination__link" href="{concat($base, $n)}" title="Page {$n}"><xsl:value-of select="$n"/></a></xsl:otherwise>
            </xsl:choose>
          </li>
          <xsl:choose>
            <xsl:when test="$cur &lt; $n">
              <li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="{$base}{$cur + 1}">Page suivante</a></li>
              <li><a class="fr-pagination__link fr-pagination__link--last" href="{$base}{$n}">Dernière page</a></li>
            </xsl:when>
            <xsl:otherwise>
              <li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a></li>
              <li><a class="fr-pagination__link fr-pagination__link--last" aria-disabled="true" role="link">Dernière page</a></li>
            </xsl:otherwise>
          </xsl:choose>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- (pagination writes its four edge links itself; kept for other callers) -->
  <xsl:template name="pagination-edge">
    <xsl:param name="class"/>
    <xsl:param name="label"/>
    <xsl:param name="href"/>
    <xsl:param name="enabled"/>
    <xsl:choose>
      <xsl:when test="$enabled">
        <a class="fr-pagination__link {$class}" href="{$href}"><xsl:value-of select="$label"/></a>
      </xsl:when>
      <xsl:otherwise>
        <a class="fr-pagination__link {$class}" aria-disabled="true" role="link"><xsl:value-of select="$label"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Rich text: <body><h2>…</h2><p>…</p></body> (p, h2, h3, ul/li).
       Call with the container as context, or pass it as $body.
       ================================================================ -->
  <xsl:template name="paras">
    <xsl:param name="body" select="."/>
    <xsl:apply-templates select="$body/*" mode="paras"/>
  </xsl:template>

  <xsl:template match="p" mode="paras">
    <p><xsl:apply-templates mode="paras-inline"/></p>
  </xsl:template>
  <xsl:template match="h2" mode="paras">
    <h2><xsl:apply-templates mode="paras-inline"/></h2>
  </xsl:template>
  <xsl:template match="h3" mode="paras">
    <h3><xsl:apply-templates mode="paras-inline"/></h3>
  </xsl:template>
  <xsl:template match="ul" mode="paras">
    <ul><xsl:for-each select="li"><li><xsl:apply-templates mode="paras-inline"/></li></xsl:for-each></ul>
  </xsl:template>
  <xsl:template match="*" mode="paras">
    <p><xsl:value-of select="."/></p>
  </xsl:template>
  <!-- Inline content: text only (every element reduced to its text). -->
  <xsl:template match="text()" mode="paras-inline"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*" mode="paras-inline"><xsl:value-of select="."/></xsl:template>

  <!-- ================================================================
       Dates: '2026-11-29 10:15:00' (or '2026-11-29') → « 29 novembre 2026 »
       ================================================================ -->
  <xsl:template name="date-fr">
    <xsl:param name="date" select="."/>
    <xsl:variable name="d" select="normalize-space($date)"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
    <xsl:choose>
      <!-- $x != $x: $x is NaN -->
      <xsl:when test="string-length($d) &lt; 10 or $m != $m or $day != $day">
        <xsl:value-of select="$d"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- one evaluation: day (« 1er »), month name read from a 10-character
             padded list (months 1 to 11, anything else « décembre »), year -->
        <xsl:value-of select="concat($day, substring('er', 1, 2 * ($day = 1)), ' ',
            normalize-space(substring('janvier   février   mars      avril     mai       juin      juillet   août      septembre octobre   novembre  décembre  ',
                                      (12 - (12 - $m) * ($m &gt;= 1 and $m &lt;= 11 and floor($m) = $m)) * 10 - 9, 10)),
            ' ', substring($d, 1, 4))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <time datetime="2026-11-29">29 novembre 2026</time>
       The body of date-fr is repeated here rather than called (keep the two
       in step): the call and its parameter were a tenth of the cost of a
       date, and news lists show ten of them.
       On the public pages the worker formats the dates it reads (page_date
       in fcgi/page_util.c, tests/unit/test_page_util.c checks it against
       date-fr): the element then carries the French form in its attribute
       fr, present only on a well-formed date, and the callers write
         <xsl:choose>
           <xsl:when test="d/@fr"><time datetime="{substring(d, 1, 10)}"><xsl:value-of select="d/@fr"/></time></xsl:when>
           <xsl:otherwise><xsl:call-template name="time-fr">…</xsl:call-template></xsl:otherwise>
         </xsl:choose>
       for a third of the cost. (The test is not made here: it would cost
       every date of the other pages a tenth more.) -->
  <xsl:template name="time-fr">
    <xsl:param name="date" select="."/>
    <xsl:variable name="d" select="normalize-space($date)"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
    <time datetime="{substring($d, 1, 10)}">
      <xsl:choose>
        <xsl:when test="string-length($d) &lt; 10 or $m != $m or $day != $day">
          <xsl:value-of select="$d"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($day, substring('er', 1, 2 * ($day = 1)), ' ',
              normalize-space(substring('janvier   février   mars      avril     mai       juin      juillet   août      septembre octobre   novembre  décembre  ',
                                        (12 - (12 - $m) * ($m &gt;= 1 and $m &lt;= 11 and floor($m) = $m)) * 10 - 9, 10)),
              ' ', substring($d, 1, 4))"/>
        </xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- ================================================================
       The 9 engagements grouped by theme (three columns).
       Context: any node; reads /page/engagements/engagement.
       $level: heading level of the theme titles (2 or 3).
       ================================================================ -->
  <xsl:template name="engagements-themes">
    <xsl:param name="level" select="3"/>
    <xsl:variable name="all" select="$page/engagements/engagement"/>
    <!-- the three themes written out (same markup as engagements-theme,
         without a call and four parameters for each). No xsl:sort: both
         queries that fill <engagements> (fcgi/page_public.c,
         fcgi/page_actions.c) read them ORDER BY number. The sort, and
         xsl:element / xsl:attribute where a literal <h3> and an attribute
         value template do, were a sixth of the cost of the block. -->
    <div class="fr-grid-row fr-grid-row--gutters">
      <xsl:variable name="proches" select="$all[theme = 'proches']"/>
      <div class="fr-col-12 fr-col-md-4">
        <div class="spp-theme">
          <xsl:choose>
            <xsl:when test="$level = 3"><h3 class="spp-theme__title fr-h3 fr-mb-1v">+ proches</h3></xsl:when>
            <xsl:otherwise><xsl:element name="h{$level}"><xsl:attribute name="class">spp-theme__title fr-h3 fr-mb-1v</xsl:attribute>+ proches</xsl:element></xsl:otherwise>
          </xsl:choose>
          <p class="fr-text--sm spp-meta fr-mb-3w">Des services publics plus proches de vous</p>
          <xsl:choose>
            <xsl:when test="$proches">
              <ol class="spp-engagements" start="{$proches[1]/number}">
                <xsl:for-each select="$proches">
                  <li>
                    <span class="spp-engagement__num" aria-hidden="true"><xsl:value-of select="number"/></span>
                    <p class="spp-engagement__text">
                      <span class="fr-sr-only">Engagement <xsl:value-of select="number"/> : </span>
                      <xsl:value-of select="text"/>
                    </p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><ol class="spp-engagements"></ol></xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
      <xsl:variable name="efficaces" select="$all[theme = 'efficaces']"/>
      <div class="fr-col-12 fr-col-md-4">
        <div class="spp-theme">
          <xsl:choose>
            <xsl:when test="$level = 3"><h3 class="spp-theme__title fr-h3 fr-mb-1v">+ efficaces</h3></xsl:when>
            <xsl:otherwise><xsl:element name="h{$level}"><xsl:attribute name="class">spp-theme__title fr-h3 fr-mb-1v</xsl:attribute>+ efficaces</xsl:element></xsl:otherwise>
          </xsl:choose>
          <p class="fr-text--sm spp-meta fr-mb-3w">Des services publics plus efficaces</p>
          <xsl:choose>
            <xsl:when test="$efficaces">
              <ol class="spp-engagements" start="{$efficaces[1]/number}">
                <xsl:for-each select="$efficaces">
                  <li>
                    <span class="spp-engagement__num" aria-hidden="true"><xsl:value-of select="number"/></span>
                    <p class="spp-engagement__text">
                      <span class="fr-sr-only">Engagement <xsl:value-of select="number"/> : </span>
                      <xsl:value-of select="text"/>
                    </p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><ol class="spp-engagements"></ol></xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
      <xsl:variable name="simples" select="$all[theme = 'simples']"/>
      <div class="fr-col-12 fr-col-md-4">
        <div class="spp-theme">
          <xsl:choose>
            <xsl:when test="$level = 3"><h3 class="spp-theme__title fr-h3 fr-mb-1v">+ simples</h3></xsl:when>
            <xsl:otherwise><xsl:element name="h{$level}"><xsl:attribute name="class">spp-theme__title fr-h3 fr-mb-1v</xsl:attribute>+ simples</xsl:element></xsl:otherwise>
          </xsl:choose>
          <p class="fr-text--sm spp-meta fr-mb-3w">Des services publics plus simples</p>
          <xsl:choose>
            <xsl:when test="$simples">
              <ol class="spp-engagements" start="{$simples[1]/number}">
                <xsl:for-each select="$simples">
                  <li>
                    <span class="spp-engagement__num" aria-hidden="true"><xsl:value-of select="number"/></span>
                    <p class="spp-engagement__text">
                      <span class="fr-sr-only">Engagement <xsl:value-of select="number"/> : </span>
                      <xsl:value-of select="text"/>
                    </p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><ol class="spp-engagements"></ol></xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="engagements-theme">
    <xsl:param name="items"/>
    <xsl:param name="title"/>
    <xsl:param name="desc"/>
    <xsl:param name="level" select="3"/>
    <div class="fr-col-12 fr-col-md-4">
      <div class="spp-theme">
        <xsl:element name="h{$level}">
          <xsl:attribute name="class">spp-theme__title fr-h3 fr-mb-1v</xsl:attribute>
          <xsl:value-of select="$title"/>
        </xsl:element>
        <p class="fr-text--sm spp-meta fr-mb-3w"><xsl:value-of select="$desc"/></p>
        <ol class="spp-engagements">
          <xsl:if test="$items">
            <xsl:attribute name="start"><xsl:value-of select="$items[1]/number"/></xsl:attribute>
          </xsl:if>
          <xsl:for-each select="$items">
            <xsl:sort select="number" data-type="number"/>
            <li>
              <span class="spp-engagement__num" aria-hidden="true"><xsl:value-of select="number"/></span>
              <p class="spp-engagement__text">
                <span class="fr-sr-only">Engagement <xsl:value-of select="number"/> : </span>
                <xsl:value-of select="text"/>
              </p>
            </li>
          </xsl:for-each>
        </ol>
      </div>
    </div>
  </xsl:template>

  <!-- A news card. Context: <item> (or <article>) with slug, title, summary,
       published_at. $level: heading level of the title. -->
  <xsl:template name="news-card">
    <xsl:param name="level" select="3"/>
    <div class="fr-card fr-enlarge-link">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <!-- literal h3 / h2 for the two levels in use (xsl:element and
               xsl:attribute cost twice as much) -->
          <xsl:choose>
            <xsl:when test="$level = 3">
              <h3 class="fr-card__title"><a href="/actualites/{slug}"><xsl:value-of select="title"/></a></h3>
            </xsl:when>
            <xsl:when test="$level = 2">
              <h2 class="fr-card__title"><a href="/actualites/{slug}"><xsl:value-of select="title"/></a></h2>
            </xsl:when>
            <xsl:otherwise>
              <xsl:element name="h{$level}">
                <xsl:attribute name="class">fr-card__title</xsl:attribute>
                <a href="/actualites/{slug}"><xsl:value-of select="title"/></a>
              </xsl:element>
            </xsl:otherwise>
          </xsl:choose>
          <p class="fr-card__desc"><xsl:value-of select="summary"/></p>
          <div class="fr-card__start">
            <p class="fr-card__detail fr-icon-calendar-line">
              <xsl:choose>
                <xsl:when test="published_at/@fr">
                  <time datetime="{substring(published_at, 1, 10)}"><xsl:value-of select="published_at/@fr"/></time>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="time-fr">
                    <xsl:with-param name="date" select="published_at"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </p>
          </div>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
