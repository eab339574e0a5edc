<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-agent-form.xsl — routes admin-agent-new/create (/agent/admin/agents/nouveau).
     Data: optional <form target="agent-new"> after a refused POST. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">Créer un compte agent</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="t" select="'agent-new'"/>
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'agents'"/>
      <xsl:with-param name="title" select="'Créer un compte agent'"/>
      <xsl:with-param name="items">
        <item href="/agent/admin">Administration</item>
        <item href="/agent/admin/agents">Agents</item>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1>Créer un compte agent</h1>
        <p>L'agent reçoit par courriel un lien valable 24 heures pour choisir son mot de passe.</p>
        <form method="post" action="/agent/admin/agents/nouveau" novalidate="novalidate">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="form-errors"><xsl:with-param name="target" select="$t"/></xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$t"/>
            <xsl:with-param name="name" select="'username'"/>
            <xsl:with-param name="label" select="'Nom d’utilisateur'"/>
            <xsl:with-param name="hint" select="'Lettres sans accent, chiffres et . _ - @ (3 à 64 caractères).'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="64"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$t"/>
            <xsl:with-param name="name" select="'display_name'"/>
            <xsl:with-param name="label" select="'Prénom et nom'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="120"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$t"/>
            <xsl:with-param name="name" select="'email'"/>
            <xsl:with-param name="label" select="'Adresse électronique'"/>
            <xsl:with-param name="hint" select="'Format attendu : nom@domaine.fr'"/>
            <xsl:with-param name="type" select="'email'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$t"/>
            <xsl:with-param name="name" select="'structure'"/>
            <xsl:with-param name="label" select="'Code SP+ de la structure'"/>
            <xsl:with-param name="hint" select="'Vide pour les rôles valables sur toute la plateforme (modérateur, administrateur).'"/>
            <xsl:with-param name="maxlength" select="20"/>
          </xsl:call-template>
          <xsl:call-template name="form-select">
            <xsl:with-param name="target" select="$t"/>
            <xsl:with-param name="name" select="'role'"/>
            <xsl:with-param name="label" select="'Rôle'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="default" select="'agent'"/>
            <xsl:with-param name="options"><xsl:call-template name="role-options"/></xsl:with-param>
          </xsl:call-template>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button type="submit" class="fr-btn">Créer le compte</button></li>
            <li><a class="fr-btn fr-btn--secondary" href="/agent/admin/agents">Annuler</a></li>
          </ul>
        </form>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
