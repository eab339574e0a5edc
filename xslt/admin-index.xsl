<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-index.xsl — route "admin" (/agent/admin): the administration
     sections the user may open (from /page/params/user/cap). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">Administration</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="caps" select="params/user/cap"/>
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Administration'"/>
      </xsl:call-template>
      <h1>Administration</h1>
      <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
        <xsl:if test="$caps = 'admin'">
          <xsl:call-template name="tile">
            <xsl:with-param name="href" select="'/agent/admin/reseaux'"/>
            <xsl:with-param name="title" select="'Réseaux'"/>
            <xsl:with-param name="desc" select="'Créer et modifier les réseaux (CAF, CPAM, préfectures…).'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$caps = 'admin' or $caps = 'network'">
          <xsl:call-template name="tile">
            <xsl:with-param name="href" select="'/agent/admin/structures'"/>
            <xsl:with-param name="title" select="'Structures'"/>
            <xsl:with-param name="desc" select="'L’arborescence des structures mères et filles de votre réseau.'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$caps = 'admin' or $caps = 'manage_agents'">
          <xsl:call-template name="tile">
            <xsl:with-param name="href" select="'/agent/admin/agents'"/>
            <xsl:with-param name="title" select="'Agents'"/>
            <xsl:with-param name="desc" select="'Créer les comptes, attribuer et retirer les rôles, désactiver un compte.'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$caps = 'admin'">
          <xsl:call-template name="tile">
            <xsl:with-param name="href" select="'/agent/admin/journal'"/>
            <xsl:with-param name="title" select="'Journal des actions'"/>
            <xsl:with-param name="desc" select="'Qui a fait quoi, quand et d’où : connexions, rôles, modifications.'"/>
          </xsl:call-template>
        </xsl:if>
      </ul>
    </div>
  </xsl:template>

  <xsl:template name="tile">
    <xsl:param name="href"/>
    <xsl:param name="title"/>
    <xsl:param name="desc"/>
    <li class="fr-col-12 fr-col-md-6">
      <div class="fr-tile fr-enlarge-link">
        <div class="fr-tile__body">
          <div class="fr-tile__content">
            <h2 class="fr-tile__title"><a href="{$href}"><xsl:value-of select="$title"/></a></h2>
            <p class="fr-tile__desc"><xsl:value-of select="$desc"/></p>
          </div>
        </div>
      </div>
    </li>
  </xsl:template>
</xsl:stylesheet>
