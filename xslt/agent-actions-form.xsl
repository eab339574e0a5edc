<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-actions-form.xsl — routes "agent-action-new", "agent-action-create"
  (/agent/actions/nouvelle) and "agent-action-edit", "agent-action-update"
  (/agent/actions/<id>): create or edit an improvement action.
  Data: <choices><structures>…</structures><engagements><engagement><number/><text/></engagement>…</engagements></choices>
        <action><id/><structure_id/><title/><description/><engagement_number/><status/>
          <start_date/><end_date/><is_public/><version/><structure/></action>   (edition)
        <linked><experience><id/><title/><published_at/></experience>…</linked>
        <rights><manage/></rights>                                            (edition)
        on a failed POST: <form>…</form>, <posted><experience/>…</posted>, <message/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="agent-menu.xsl"/>
  <xsl:include href="agent-experience-common.xsl"/>

  <!-- The agents' navigation instead of the public one. -->
  <xsl:template name="main-nav">
    <xsl:call-template name="agent-menu"/>
  </xsl:template>

  <xsl:variable name="a" select="/page/action"/>
  <xsl:variable name="editing" select="boolean(/page/action/id)"/>
  <xsl:variable name="posted" select="boolean(/page/form)"/>
  <xsl:variable name="f" select="/page/form/field"/>
  <xsl:variable name="q" select="/page/params/query/param"/>
  <xsl:variable name="read-only" select="$editing and not(/page/rights/manage)"/>

  <xsl:template match="page" mode="title">
    <xsl:if test="number(form/@invalid) &gt; 0 or message">Erreur — </xsl:if>
    <xsl:choose>
      <xsl:when test="$editing">Modifier l'action d'amélioration</xsl:when>
      <xsl:otherwise>Créer une action d'amélioration</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="title">
      <xsl:apply-templates select="." mode="title"/>
    </xsl:variable>
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="normalize-space($title)"/>
        <xsl:with-param name="parent-href" select="'/agent/actions'"/>
        <xsl:with-param name="parent-label" select="'Les actions d’amélioration'"/>
      </xsl:call-template>
      <h1>
        <xsl:choose>
          <xsl:when test="$editing">Modifier l'action d'amélioration</xsl:when>
          <xsl:otherwise>Créer une action d'amélioration</xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:if test="message">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'error'"/>
          <xsl:with-param name="title" select="'L’action n’est pas enregistrée'"/>
          <xsl:with-param name="text" select="message"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="number(form/@invalid) &gt; 0">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'error'"/>
          <xsl:with-param name="title" select="'Le formulaire contient des erreurs'"/>
          <xsl:with-param name="text" select="'Corrigez les champs signalés ci-dessous, puis enregistrez à nouveau.'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="not(form) and $q[@name = 'ok']">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'success'"/>
          <xsl:with-param name="title">
            <xsl:choose>
              <xsl:when test="$q[@name = 'ok'] = '1'">L'action d'amélioration est créée.</xsl:when>
              <xsl:otherwise>Vos modifications sont enregistrées.</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$read-only">
          <xsl:call-template name="read-only"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="action-form"/>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template name="read-only">
    <h2 class="fr-h4"><xsl:value-of select="$a/title"/></h2>
    <p><xsl:value-of select="$a/description"/></p>
    <p>Structure : <xsl:value-of select="$a/structure"/> — Statut :
      <xsl:call-template name="action-status-label"><xsl:with-param name="status" select="$a/status"/></xsl:call-template></p>
  </xsl:template>

  <xsl:template name="action-form">
    <xsl:variable name="action-url">
      <xsl:choose>
        <xsl:when test="$editing">/agent/actions/<xsl:value-of select="$a/id"/></xsl:when>
        <xsl:otherwise>/agent/actions/nouvelle</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <p class="fr-text--sm">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
    <form method="post" action="{$action-url}" novalidate="novalidate" id="form-action">
      <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
      <xsl:if test="$editing">
        <input type="hidden" name="version">
          <xsl:attribute name="value">
            <xsl:choose>
              <xsl:when test="$posted"><xsl:value-of select="$f[@name = 'version']"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$a/version"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </input>
      </xsl:if>
      <xsl:call-template name="text-field">
        <xsl:with-param name="name" select="'titre'"/>
        <xsl:with-param name="label" select="'Titre'"/>
        <xsl:with-param name="hint" select="'200 caractères au maximum.'"/>
        <xsl:with-param name="default" select="$a/title"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="text-field">
        <xsl:with-param name="name" select="'description'"/>
        <xsl:with-param name="label" select="'Description'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="default" select="$a/description"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>

      <xsl:variable name="cur-structure">
        <xsl:choose>
          <xsl:when test="$posted"><xsl:value-of select="$f[@name = 'structure']"/></xsl:when>
          <xsl:when test="$editing"><xsl:value-of select="$a/structure_id"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$q[@name = 'structure']"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <div>
        <xsl:attribute name="class">
          <xsl:call-template name="error-class">
            <xsl:with-param name="name" select="'structure'"/>
            <xsl:with-param name="base" select="'fr-select-group'"/>
          </xsl:call-template>
        </xsl:attribute>
        <label class="fr-label" for="structure">Structure *</label>
        <select class="fr-select" id="structure" name="structure">
          <option value="">Choisissez une structure</option>
          <xsl:for-each select="choices/structures/structure">
            <option value="{id}">
              <xsl:if test="string(id) = string($cur-structure)">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="name"/> (<xsl:value-of select="code_sp"/>)
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error">
          <xsl:with-param name="name" select="'structure'"/>
        </xsl:call-template>
      </div>

      <xsl:variable name="cur-engagement">
        <xsl:choose>
          <xsl:when test="$posted"><xsl:value-of select="$f[@name = 'engagement']"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$a/engagement_number"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <div>
        <xsl:attribute name="class">
          <xsl:call-template name="error-class">
            <xsl:with-param name="name" select="'engagement'"/>
            <xsl:with-param name="base" select="'fr-select-group'"/>
          </xsl:call-template>
        </xsl:attribute>
        <label class="fr-label" for="engagement">Engagement concerné</label>
        <select class="fr-select" id="engagement" name="engagement">
          <option value="">Aucun engagement en particulier</option>
          <xsl:for-each select="choices/engagements/engagement">
            <option value="{number}">
              <xsl:if test="string(number) = string($cur-engagement)">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:value-of select="number"/>. <xsl:value-of select="text"/>
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error">
          <xsl:with-param name="name" select="'engagement'"/>
        </xsl:call-template>
      </div>

      <xsl:variable name="cur-status">
        <xsl:choose>
          <xsl:when test="$posted"><xsl:value-of select="$f[@name = 'statut']"/></xsl:when>
          <xsl:when test="$editing"><xsl:value-of select="$a/status"/></xsl:when>
          <xsl:otherwise>envisagee</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <fieldset aria-labelledby="statut-legend">
        <xsl:attribute name="class">
          <xsl:call-template name="error-class">
            <xsl:with-param name="name" select="'statut'"/>
            <xsl:with-param name="base" select="'fr-fieldset'"/>
          </xsl:call-template>
        </xsl:attribute>
        <legend class="fr-fieldset__legend" id="statut-legend">Statut *</legend>
        <xsl:call-template name="radio">
          <xsl:with-param name="value" select="'envisagee'"/>
          <xsl:with-param name="label" select="'Envisagée'"/>
          <xsl:with-param name="current" select="$cur-status"/>
        </xsl:call-template>
        <xsl:call-template name="radio">
          <xsl:with-param name="value" select="'en_cours'"/>
          <xsl:with-param name="label" select="'En cours'"/>
          <xsl:with-param name="current" select="$cur-status"/>
        </xsl:call-template>
        <xsl:call-template name="radio">
          <xsl:with-param name="value" select="'realisee'"/>
          <xsl:with-param name="label" select="'Réalisée'"/>
          <xsl:with-param name="current" select="$cur-status"/>
        </xsl:call-template>
        <xsl:if test="$f[@name = 'statut']/@error">
          <div class="fr-messages-group">
            <p class="fr-message fr-message--error"><xsl:value-of select="$f[@name = 'statut']/@error"/></p>
          </div>
        </xsl:if>
      </fieldset>

      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'debut'"/>
            <xsl:with-param name="label" select="'Date de début'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="default" select="$a/start_date"/>
          </xsl:call-template>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'fin'"/>
            <xsl:with-param name="label" select="'Date de fin'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="default" select="$a/end_date"/>
          </xsl:call-template>
        </div>
      </div>

      <div class="fr-checkbox-group fr-my-3w">
        <input type="checkbox" id="public" name="public" value="1">
          <xsl:if test="($posted and $f[@name = 'public'] != '') or (not($posted) and $a/is_public = '1')">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <label class="fr-label" for="public">Rendre cette action visible de l'ensemble des Français
          <span class="fr-hint-text">Elle apparaîtra sur le site public, parmi les actions d'amélioration.</span>
        </label>
      </div>

      <fieldset class="fr-fieldset" aria-labelledby="exp-legend">
        <legend class="fr-fieldset__legend" id="exp-legend">Expériences liées</legend>
        <xsl:for-each select="linked/experience">
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
              <input type="checkbox" id="exp-{id}" name="experience" value="{id}">
                <xsl:if test="not($posted) or /page/posted/experience = id">
                  <xsl:attribute name="checked">checked</xsl:attribute>
                </xsl:if>
              </input>
              <label class="fr-label" for="exp-{id}">
                <xsl:text>n° </xsl:text><xsl:value-of select="id"/><xsl:text> — </xsl:text><xsl:value-of select="title"/>
              </label>
            </div>
          </div>
        </xsl:for-each>
        <div class="fr-fieldset__element">
          <xsl:call-template name="text-field">
            <xsl:with-param name="name" select="'ajouter_experience'"/>
            <xsl:with-param name="label" select="'Lier une expérience (numéro)'"/>
            <xsl:with-param name="hint" select="'Le numéro d’une expérience publiée qui concerne la structure.'"/>
            <xsl:with-param name="default" select="$q[@name = 'experience']"/>
          </xsl:call-template>
        </div>
      </fieldset>

      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button type="submit" class="fr-btn">Enregistrer</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/agent/actions">Retour à la liste</a></li>
      </ul>
    </form>
  </xsl:template>

  <xsl:template name="radio">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="statut-{$value}" name="statut" value="{$value}">
          <xsl:if test="$current = $value">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <label class="fr-label" for="statut-{$value}"><xsl:value-of select="$label"/></label>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
