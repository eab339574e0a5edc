<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-experience-common.xsl — named templates shared by the agents'
  experience, action and tag screens (imported, never used alone).

  state-label, feeling-label, action-status-label: French labels of enum values.
  field-error: the DSFR error text of a form field echoed in /page/form.
  posted: the value typed in a field when the page re-renders a form.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="state-label">
    <xsl:param name="state" select="."/>
    <xsl:choose>
      <xsl:when test="$state = 'a_traiter'">À traiter</xsl:when>
      <xsl:when test="$state = 'brouillon'">À traiter (brouillon de réponse)</xsl:when>
      <xsl:when test="$state = 'en_attente'">Réponse en attente de validation</xsl:when>
      <xsl:when test="$state = 'repondu'">Réponse apportée</xsl:when>
      <xsl:otherwise><xsl:value-of select="$state"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- DSFR badge for a state. -->
  <xsl:template name="state-badge">
    <xsl:param name="state" select="."/>
    <p>
      <xsl:attribute name="class">
        <xsl:text>fr-badge fr-badge--sm fr-badge--no-icon </xsl:text>
        <xsl:choose>
          <xsl:when test="$state = 'repondu'">fr-badge--success</xsl:when>
          <xsl:when test="$state = 'en_attente'">fr-badge--info</xsl:when>
          <xsl:when test="$state = 'brouillon'">fr-badge--warning</xsl:when>
          <xsl:otherwise>fr-badge--new</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:call-template name="state-label">
        <xsl:with-param name="state" select="$state"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="feeling-label">
    <xsl:param name="feeling" select="."/>
    <xsl:choose>
      <xsl:when test="$feeling = 'positif'">Positif</xsl:when>
      <xsl:when test="$feeling = 'neutre'">Neutre</xsl:when>
      <xsl:when test="$feeling = 'negatif'">Négatif</xsl:when>
      <xsl:otherwise><xsl:value-of select="$feeling"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action-status-label">
    <xsl:param name="status" select="."/>
    <xsl:choose>
      <xsl:when test="$status = 'envisagee'">Envisagée</xsl:when>
      <xsl:when test="$status = 'en_cours'">En cours</xsl:when>
      <xsl:when test="$status = 'realisee'">Réalisée</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The error message of field $name, as a DSFR error paragraph with id
       $id (referenced by the input's aria-describedby). -->
  <xsl:template name="field-error">
    <xsl:param name="name"/>
    <xsl:param name="id" select="concat('erreur-', $name)"/>
    <xsl:variable name="e" select="/page/form/field[@name = $name]/@error"/>
    <xsl:if test="$e">
      <p class="fr-error-text" id="{$id}"><xsl:value-of select="$e"/></p>
    </xsl:if>
  </xsl:template>

  <!-- $base plus its error modifier (e.g. fr-input-group + error) when field $name is invalid. -->
  <xsl:template name="error-class">
    <xsl:param name="name"/>
    <xsl:param name="base"/>
    <xsl:value-of select="$base"/>
    <xsl:if test="/page/form/field[@name = $name]/@error">
      <xsl:value-of select="concat(' ', $base, '--error')"/>
    </xsl:if>
  </xsl:template>

  <!-- A DSFR alert (type: success, error, warning, info). -->
  <xsl:template name="alert">
    <xsl:param name="type" select="'info'"/>
    <xsl:param name="title"/>
    <xsl:param name="text" select="''"/>
    <div class="fr-alert fr-alert--{$type} fr-mb-3w">
      <xsl:if test="$type = 'error'">
        <xsl:attribute name="role">alert</xsl:attribute>
      </xsl:if>
      <h2 class="fr-alert__title"><xsl:value-of select="$title"/></h2>
      <xsl:if test="$text != ''">
        <p><xsl:value-of select="$text"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- One DSFR text input or textarea ($type = 'textarea') bound to field
       $name: the posted value when /page/form exists, else $default. -->
  <xsl:template name="text-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="default" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="rows" select="6"/>
    <xsl:param name="id" select="$name"/>
    <xsl:variable name="error" select="string(/page/form/field[@name = $name]/@error)"/>
    <xsl:variable name="value">
      <xsl:choose>
        <xsl:when test="/page/form"><xsl:value-of select="/page/form/field[@name = $name]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="fr-input-group">
      <xsl:if test="$error != ''">
        <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><xsl:text> *</xsl:text></xsl:if>
        <xsl:if test="$hint != ''">
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </xsl:if>
      </label>
      <xsl:choose>
        <xsl:when test="$type = 'textarea'">
          <textarea class="fr-input" id="{$id}" name="{$name}" rows="{$rows}">
            <xsl:if test="$error != ''">
              <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-msg')"/></xsl:attribute>
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:otherwise>
          <input class="fr-input" type="{$type}" id="{$id}" name="{$name}" value="{$value}">
            <xsl:if test="$error != ''">
              <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-msg')"/></xsl:attribute>
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
            </xsl:if>
          </input>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$error != ''">
        <p id="{$id}-msg" class="fr-error-text"><xsl:value-of select="$error"/></p>
      </xsl:if>
    </div>
  </xsl:template>

</xsl:stylesheet>
