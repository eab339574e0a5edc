<?xml version="1.0" encoding="UTF-8"?>
<!--
  experience-common.xsl — pieces shared by the public experience pages,
  the deposit form, the rating page and the moderation screens (included,
  not imported, by experience-list, experience-detail, deposit, rating,
  moderation-queue, moderation-item, actions-public).

  Named templates: xp-feeling-label, xp-feeling-badge, xp-answered-badge,
  xp-action-status, xp-source-label, xp-alert, xp-answer.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- «Positif» / «Neutre» / «Négatif» for positif / neutre / negatif. -->
  <xsl:template name="xp-feeling-label">
    <xsl:param name="f" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$f = 'positif'">Positif</xsl:when>
      <xsl:when test="$f = 'neutre'">Neutre</xsl:when>
      <xsl:when test="$f = 'negatif'">Négatif</xsl:when>
      <xsl:otherwise><xsl:value-of select="$f"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A DSFR badge «Ressenti : positif» coloured by feeling (no variable
       holding a result tree fragment: it is called for every row). -->
  <xsl:template name="xp-feeling-badge">
    <xsl:param name="f" select="string(.)"/>
    <xsl:param name="prefix" select="'Ressenti : '"/>
    <xsl:choose>
      <xsl:when test="$f = 'positif'">
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--success"><xsl:value-of select="$prefix"/>positif</p>
      </xsl:when>
      <xsl:when test="$f = 'negatif'">
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--error"><xsl:value-of select="$prefix"/>négatif</p>
      </xsl:when>
      <xsl:otherwise>
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--info"><xsl:value-of select="$prefix"/><xsl:value-of select="$f"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="xp-answered-badge">
    <p class="fr-badge fr-badge--sm fr-badge--green-emeraude">Réponse apportée</p>
  </xsl:template>

  <!-- Status of an improvement action. -->
  <xsl:template name="xp-action-status">
    <xsl:param name="s" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$s = 'envisagee'">Envisagée</xsl:when>
      <xsl:when test="$s = 'en_cours'">En cours</xsl:when>
      <xsl:when test="$s = 'realisee'">Réalisée</xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="xp-action-badge">
    <xsl:param name="s" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$s = 'realisee'">
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--success">Réalisée</p>
      </xsl:when>
      <xsl:when test="$s = 'en_cours'">
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--new">En cours</p>
      </xsl:when>
      <xsl:otherwise>
        <p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--info">
          <xsl:call-template name="xp-action-status">
            <xsl:with-param name="s" select="$s"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="xp-source-label">
    <xsl:param name="s" select="string(.)"/>
    <xsl:choose>
      <xsl:when test="$s = 'lien'">Lien de suivi</xsl:when>
      <xsl:when test="$s = 'banniere'">Bannière</xsl:when>
      <xsl:when test="$s = 'qrcode'">QR code</xsl:when>
      <xsl:otherwise>Accès direct</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A DSFR alert (type: success, error, warning, info). -->
  <xsl:template name="xp-alert">
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

  <!-- A published answer: body paragraphs, formula, signature.
       Context: an element with answer_body (p children), answer_formula
       or formula, answer_signature or signature. -->
  <xsl:template name="xp-answer">
    <xsl:param name="body" select="answer_body"/>
    <xsl:param name="formula" select="answer_formula | formula"/>
    <xsl:param name="signature" select="answer_signature | signature"/>
    <div class="spp-answer">
      <xsl:call-template name="paras">
        <xsl:with-param name="body" select="$body"/>
      </xsl:call-template>
      <xsl:if test="normalize-space($formula) != ''">
        <p class="spp-answer__formula"><xsl:value-of select="$formula"/></p>
      </xsl:if>
      <xsl:if test="normalize-space($signature) != ''">
        <p class="spp-answer__signature fr-text--bold"><xsl:value-of select="$signature"/></p>
      </xsl:if>
    </div>
  </xsl:template>

</xsl:stylesheet>
