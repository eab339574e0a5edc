<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-network-form.xsl — routes admin-network-new/create/edit/update.
     Data: optional <network><id/></network> (edit), <form target="network-new|network-edit">. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:variable name="edit" select="boolean(/page/network/id)"/>
  <xsl:variable name="target">
    <xsl:choose>
      <xsl:when test="$edit">network-edit</xsl:when>
      <xsl:otherwise>network-new</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$edit">Modifier le réseau</xsl:when>
      <xsl:otherwise>Créer un réseau</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="title"><xsl:apply-templates select="." mode="title"/></xsl:variable>
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'reseaux'"/>
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="items">
        <item href="/agent/admin">Administration</item>
        <item href="/agent/admin/reseaux">Réseaux</item>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <form method="post" novalidate="novalidate">
          <xsl:attribute name="action">
            <xsl:choose>
              <xsl:when test="$edit">/agent/admin/reseaux/<xsl:value-of select="network/id"/></xsl:when>
              <xsl:otherwise>/agent/admin/reseaux/nouveau</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="form-errors"><xsl:with-param name="target" select="$target"/></xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'code'"/>
            <xsl:with-param name="label" select="'Code du réseau'"/>
            <xsl:with-param name="hint" select="'Lettres sans accent, chiffres, tirets (par exemple CAF).'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="40"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="label" select="'Nom'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="200"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'short_name'"/>
            <xsl:with-param name="label" select="'Nom court'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="60"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'description'"/>
            <xsl:with-param name="label" select="'Description'"/>
            <xsl:with-param name="type" select="'textarea'"/>
            <xsl:with-param name="maxlength" select="4000"/>
          </xsl:call-template>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button type="submit" class="fr-btn">Enregistrer</button></li>
            <li><a class="fr-btn fr-btn--secondary" href="/agent/admin/reseaux">Annuler</a></li>
          </ul>
        </form>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
