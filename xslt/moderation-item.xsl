<?xml version="1.0" encoding="UTF-8"?>
<!--
  moderation-item.xsl — route "moderation-item" (/agent/moderation/<id>):
  one experience to moderate (edit, publish or reject with a reason), or
  the outcome of its moderation.
  Data: <experience><id/><title/><body/><feeling/><event_date/><created_at/>
          <pseudonym/><lives_in_france/><postal_code/><status/><source/>
          <tracking_code/><version/><rejection_reason/><published_at/>
          <moderated_at/><moderated_by/>
          <channels><channel><label/><feeling/></channel>…</channels>
          <structures><structure><id/><name/><code_sp/><commune/><network/></structure>…</structures>
          [<form invalid="N"><field name="titre|description|decision|motif|version" error="">…</field>
            [<conflict/>]</form>]
        </experience>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="agent-menu.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:variable name="xp" select="/page/experience"/>
  <xsl:variable name="F" select="$xp/form/field"/>

  <xsl:template name="main-nav">
    <xsl:call-template name="agent-menu"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:if test="$xp/form/@invalid &gt; 0">Erreur : </xsl:if>
    <xsl:text>Modérer : </xsl:text>
    <xsl:value-of select="substring($xp/title, 1, 80)"/>
  </xsl:template>

  <!-- The value to show in field $name: what was posted, else the stored one. -->
  <xsl:template name="val">
    <xsl:param name="name"/>
    <xsl:param name="stored"/>
    <xsl:choose>
      <xsl:when test="$xp/form"><xsl:value-of select="$F[@name = $name]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="concat('Expérience n° ', $xp/id)"/>
        <xsl:with-param name="parent-href" select="'/agent/moderation'"/>
        <xsl:with-param name="parent-label" select="'Modération'"/>
      </xsl:call-template>
      <h1>
        <xsl:text>Modérer l'expérience n° </xsl:text>
        <xsl:value-of select="$xp/id"/>
      </h1>
      <xsl:if test="$xp/form/conflict">
        <xsl:call-template name="xp-alert">
          <xsl:with-param name="type" select="'error'"/>
          <xsl:with-param name="title" select="'Votre décision n’a pas été enregistrée'"/>
          <xsl:with-param name="text" select="$xp/form/conflict"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$xp/form/@invalid &gt; 0">
        <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <h2 class="fr-alert__title">Votre décision n'a pas été enregistrée : corrigez les champs signalés</h2>
          <ul>
            <xsl:for-each select="$F[@error]">
              <li><a href="#{@name}"><xsl:value-of select="@error"/></a></li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:if>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-4">
          <div class="fr-card fr-card--no-arrow">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title fr-h6">L'expérience</h2>
                <dl class="spp-dl fr-text--sm">
                  <dt>Déposée le</dt>
                  <dd><xsl:call-template name="time-fr"><xsl:with-param name="date" select="$xp/created_at"/></xsl:call-template></dd>
                  <dt>Vécue le</dt>
                  <dd><xsl:call-template name="time-fr"><xsl:with-param name="date" select="$xp/event_date"/></xsl:call-template></dd>
                  <dt>Pseudonyme</dt>
                  <dd class="spp-break"><xsl:value-of select="$xp/pseudonym"/></dd>
                  <dt>Réside en France</dt>
                  <dd>
                    <xsl:choose>
                      <xsl:when test="$xp/lives_in_france = '1'">Oui<xsl:if test="$xp/postal_code"> (<xsl:value-of select="$xp/postal_code"/>)</xsl:if></xsl:when>
                      <xsl:otherwise>Non</xsl:otherwise>
                    </xsl:choose>
                  </dd>
                  <dt>Ressenti général</dt>
                  <dd><xsl:call-template name="xp-feeling-label"><xsl:with-param name="f" select="string($xp/feeling)"/></xsl:call-template></dd>
                  <dt>Origine</dt>
                  <dd>
                    <xsl:call-template name="xp-source-label"><xsl:with-param name="s" select="string($xp/source)"/></xsl:call-template>
                    <xsl:if test="$xp/tracking_code"> (<xsl:value-of select="$xp/tracking_code"/>)</xsl:if>
                  </dd>
                  <dt>Organisme(s)</dt>
                  <dd>
                    <ul class="fr-raw-list">
                      <xsl:for-each select="$xp/structures/structure">
                        <li><xsl:value-of select="name"/> — <xsl:value-of select="network"/> (<xsl:value-of select="code_sp"/>)</li>
                      </xsl:for-each>
                    </ul>
                  </dd>
                  <dt>Canaux de contact</dt>
                  <dd>
                    <ul class="fr-raw-list">
                      <xsl:for-each select="$xp/channels/channel">
                        <li><xsl:value-of select="label"/> — <xsl:call-template name="xp-feeling-label"><xsl:with-param name="f" select="string(feeling)"/></xsl:call-template></li>
                      </xsl:for-each>
                    </ul>
                  </dd>
                </dl>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-lg-8">
          <xsl:choose>
            <xsl:when test="$xp/status = 'a_moderer'">
              <xsl:call-template name="decision-form"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="outcome"/>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="decision-form">
    <form method="post" action="/agent/moderation/{$xp/id}" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
      <input type="hidden" name="version" value="{$xp/version}"/>
      <p class="fr-text--sm">Modifiez le titre ou la description pour retirer les données personnelles (noms, adresses, numéros de téléphone ou de dossier) et les propos injurieux. L'auteur sera informé que son texte a été modifié.</p>
      <xsl:variable name="err" select="$F[@name = 'titre']/@error"/>
      <div class="fr-input-group">
        <xsl:if test="$err">
          <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
        </xsl:if>
        <label class="fr-label" for="titre">Titre *</label>
        <input class="fr-input" type="text" id="titre" name="titre">
          <xsl:attribute name="value">
            <xsl:call-template name="val">
              <xsl:with-param name="name" select="'titre'"/>
              <xsl:with-param name="stored" select="$xp/title"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:if test="$err">
            <xsl:attribute name="aria-describedby">titre-msg</xsl:attribute>
          </xsl:if>
        </input>
        <xsl:if test="$err"><p class="fr-error-text" id="titre-msg"><xsl:value-of select="$err"/></p></xsl:if>
      </div>
      <xsl:variable name="derr" select="$F[@name = 'description']/@error"/>
      <div class="fr-input-group">
        <xsl:if test="$derr">
          <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
        </xsl:if>
        <label class="fr-label" for="description">Description *</label>
        <textarea class="fr-input" id="description" name="description" rows="14">
          <xsl:if test="$derr">
            <xsl:attribute name="aria-describedby">description-msg</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="val">
            <xsl:with-param name="name" select="'description'"/>
            <xsl:with-param name="stored" select="$xp/body"/>
          </xsl:call-template>
        </textarea>
        <xsl:if test="$derr"><p class="fr-error-text" id="description-msg"><xsl:value-of select="$derr"/></p></xsl:if>
      </div>
      <xsl:variable name="merr" select="$F[@name = 'motif']/@error"/>
      <div class="fr-input-group">
        <xsl:if test="$merr">
          <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
        </xsl:if>
        <label class="fr-label" for="motif">Motif du rejet
          <span class="fr-hint-text">Obligatoire pour rejeter : il est envoyé à l'auteur.</span>
        </label>
        <textarea class="fr-input" id="motif" name="motif" rows="3">
          <xsl:if test="$merr">
            <xsl:attribute name="aria-describedby">motif-msg</xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$F[@name = 'motif']"/>
        </textarea>
        <xsl:if test="$merr"><p class="fr-error-text" id="motif-msg"><xsl:value-of select="$merr"/></p></xsl:if>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button type="submit" name="decision" value="publier" class="fr-btn fr-icon-check-line fr-btn--icon-left">Publier</button></li>
        <li><button type="submit" name="decision" value="rejeter" class="fr-btn fr-btn--secondary fr-icon-close-line fr-btn--icon-left">Rejeter</button></li>
      </ul>
    </form>
  </xsl:template>

  <xsl:template name="outcome">
    <xsl:choose>
      <xsl:when test="$xp/status = 'publiee'">
        <xsl:call-template name="xp-alert">
          <xsl:with-param name="type" select="'success'"/>
          <xsl:with-param name="title" select="'Cette expérience est publiée.'"/>
        </xsl:call-template>
        <p><a href="/experiences/{$xp/id}">Voir la page publique de l'expérience</a></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="xp-alert">
          <xsl:with-param name="type" select="'warning'"/>
          <xsl:with-param name="title" select="'Cette expérience a été rejetée.'"/>
        </xsl:call-template>
        <h2 class="fr-h6">Motif envoyé à l'auteur</h2>
        <xsl:call-template name="paras">
          <xsl:with-param name="body" select="$xp/rejection_reason"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <p class="fr-text--sm spp-meta">
      <xsl:text>Modérée le </xsl:text>
      <xsl:call-template name="time-fr"><xsl:with-param name="date" select="$xp/moderated_at"/></xsl:call-template>
      <xsl:if test="normalize-space($xp/moderated_by) != ''">
        <xsl:text> par </xsl:text>
        <xsl:value-of select="$xp/moderated_by"/>
      </xsl:if>
    </p>
    <h2 class="fr-h5"><xsl:value-of select="$xp/title"/></h2>
    <p class="spp-pre spp-break"><xsl:value-of select="$xp/body"/></p>
    <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/agent/moderation">Retour à la file de modération</a></p>
  </xsl:template>

</xsl:stylesheet>
