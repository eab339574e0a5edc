<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-menu.xsl — the agents' menus («J'améliore la qualité», «J'accède aux
  données de mon réseau», «Je suis agent», modération, administration, the
  user's name), shown only as far as the capabilities allow.

  Reads /page/params/user (see fcgi/auth.h: <cap> names and <membership>s).
  Standalone: import it (or include it from layout.xsl) and call
    <xsl:call-template name="agent-menu"/>        the DSFR fr-nav (header)
    <xsl:call-template name="agent-menu-lists"/>  the same links as headed
                                                  lists (agents' home page)
    <xsl:call-template name="role-label"/>        French name of a role
  The DSFR sub-menus open with JavaScript; without it a <noscript> list of
  the same links is shown, so every page stays reachable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="exsl">

  <!-- The menu as data: <section id label [single] [account]><item href [post csrf]>label</item></section>;
       a single section is one plain link in the bar. The logout item carries
       the CSRF token, read here (inside the model "/" is the model's own root).
       A named template, not a global variable: libxslt evaluates every global
       variable for every page, and public pages have no menu (nor token) to read. -->
  <xsl:template name="agent-menu-model">
    <xsl:variable name="u" select="/page/params/user"/>
    <xsl:variable name="c" select="$u/cap"/>
    <xsl:if test="$c = 'answer' or $c = 'moderate' or $c = 'dashboard' or $c = 'diagnostic'">
      <section id="menu-ameliorer" label="J'améliore la qualité">
        <xsl:if test="$c = 'answer' or $c = 'moderate'">
          <item href="/agent/experiences">Les expériences</item>
        </xsl:if>
        <xsl:if test="$c = 'dashboard'">
          <item href="/agent/tableau-de-bord">Mon tableau de bord</item>
        </xsl:if>
        <xsl:if test="$c = 'answer' or $c = 'dashboard'">
          <item href="/agent/actions">Les actions d'amélioration</item>
        </xsl:if>
        <xsl:if test="$c = 'diagnostic'">
          <item href="/agent/diagnostic">Diagnostic Services Publics+</item>
        </xsl:if>
      </section>
    </xsl:if>
    <xsl:if test="$c = 'network' or $c = 'admin'">
      <section id="menu-reseau" label="J'accède aux données de mon réseau">
        <xsl:if test="$c = 'network'">
          <item href="/agent/imports">Imports de données</item>
        </xsl:if>
        <item href="/agent/tags">Les tags</item>
      </section>
    </xsl:if>
    <section id="menu-agent" label="Je suis agent">
      <item href="/agent/ressources">J'accède aux ressources</item>
      <item href="/agent/faq">Foire aux questions</item>
    </section>
    <xsl:if test="$c = 'moderate'">
      <section id="menu-moderation" label="Modération" single="1">
        <item href="/agent/moderation">Modération</item>
      </section>
    </xsl:if>
    <xsl:if test="$c = 'admin' or $c = 'manage_agents'">
      <section id="menu-administration" label="Administration" single="1">
        <item href="/agent/admin">Administration</item>
      </section>
    </xsl:if>
    <section id="menu-compte" label="{$u/display-name}" account="1">
      <item href="/agent/profil">Modifier le profil</item>
      <item href="/agent/deconnexion" post="1" csrf="{/page/params/csrf}">Se déconnecter</item>
    </section>
  </xsl:template>

  <!-- ================================================================
       The DSFR navigation bar of the agents' space.
       ================================================================ -->
  <xsl:template name="agent-menu">
    <xsl:variable name="model-rtf"><xsl:call-template name="agent-menu-model"/></xsl:variable>
    <xsl:variable name="model" select="exsl:node-set($model-rtf)/section"/>
    <xsl:variable name="here" select="string(/page/params/path)"/>
    <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu de l'espace agents">
      <ul class="fr-nav__list">
        <li class="fr-nav__item">
          <a class="fr-nav__link" href="/agent">
            <xsl:if test="$here = '/agent'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:text>Espace agents</xsl:text>
          </a>
        </li>
        <xsl:for-each select="$model">
          <xsl:variable name="current" select="item[$here = @href or starts-with($here, concat(@href, '/'))]"/>
          <li class="fr-nav__item">
            <xsl:choose>
              <!-- a section of one link (modération, administration) is a plain link -->
              <xsl:when test="@single">
                <a class="fr-nav__link" href="{item/@href}">
                  <xsl:if test="$current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                  <xsl:value-of select="item"/>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <button type="button" class="fr-nav__btn" aria-expanded="false" aria-controls="{@id}">
                  <xsl:if test="$current"><xsl:attribute name="aria-current">true</xsl:attribute></xsl:if>
                  <xsl:value-of select="@label"/>
                </button>
                <div class="fr-collapse fr-menu" id="{@id}">
                  <ul class="fr-menu__list">
                    <xsl:for-each select="item">
                      <li>
                        <xsl:apply-templates select="." mode="agent-menu-link">
                          <xsl:with-param name="class" select="'fr-nav__link'"/>
                          <xsl:with-param name="here" select="$here"/>
                        </xsl:apply-templates>
                      </li>
                    </xsl:for-each>
                  </ul>
                </div>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
      <noscript>
        <ul class="fr-nav__list">
          <xsl:for-each select="$model/item">
            <li class="fr-nav__item">
              <xsl:apply-templates select="." mode="agent-menu-link">
                <xsl:with-param name="class" select="'fr-nav__link'"/>
                <xsl:with-param name="here" select="$here"/>
              </xsl:apply-templates>
            </li>
          </xsl:for-each>
        </ul>
      </noscript>
    </nav>
  </xsl:template>

  <!-- One menu entry: a link, or the logout form (POST with the CSRF token). -->
  <xsl:template match="item" mode="agent-menu-link">
    <xsl:param name="class" select="'fr-link'"/>
    <xsl:param name="here" select="''"/>
    <xsl:choose>
      <xsl:when test="@post">
        <form method="post" action="{@href}" class="spp-inline-form">
          <input type="hidden" name="csrf" value="{@csrf}"/>
          <button type="submit" class="{$class} spp-link-button"><xsl:value-of select="."/></button>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <a class="{$class}" href="{@href}">
          <xsl:if test="$here = @href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
          <xsl:value-of select="."/>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       The same menus as headed lists (the agents' home page).
       $level: heading level of the section titles.
       ================================================================ -->
  <xsl:template name="agent-menu-lists">
    <xsl:param name="level" select="2"/>
    <xsl:variable name="model-rtf"><xsl:call-template name="agent-menu-model"/></xsl:variable>
    <div class="fr-grid-row fr-grid-row--gutters">
      <xsl:for-each select="exsl:node-set($model-rtf)/section[not(@account)]">
        <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
          <div class="fr-tile fr-tile--vertical spp-agent-section">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <xsl:element name="h{$level}">
                  <xsl:attribute name="class">fr-tile__title</xsl:attribute>
                  <xsl:value-of select="@label"/>
                </xsl:element>
                <ul class="fr-links-group spp-agent-section__links">
                  <xsl:for-each select="item">
                    <li>
                      <xsl:apply-templates select="." mode="agent-menu-link">
                        <xsl:with-param name="class" select="'fr-link'"/>
                      </xsl:apply-templates>
                    </li>
                  </xsl:for-each>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- French name of a role (memberships.role). Context or $role. -->
  <xsl:template name="role-label">
    <xsl:param name="role" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$role = 'agent'">Agent</xsl:when>
      <xsl:when test="$role = 'repondant'">Répondant</xsl:when>
      <xsl:when test="$role = 'super_agent'">Super agent</xsl:when>
      <xsl:when test="$role = 'super_repondant'">Super répondant</xsl:when>
      <xsl:when test="$role = 'evaluateur'">Évaluateur</xsl:when>
      <xsl:when test="$role = 'super_evaluateur'">Super évaluateur</xsl:when>
      <xsl:when test="$role = 'referent'">Référent</xsl:when>
      <xsl:when test="$role = 'moderateur'">Modérateur</xsl:when>
      <xsl:when test="$role = 'administrateur'">Administrateur</xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
