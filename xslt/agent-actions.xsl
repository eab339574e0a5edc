<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-actions.xsl — route "agent-actions" (/agent/actions): «Les actions
  d'amélioration» of my structures.
  Data: <choices><structures><structure><id/><name/><code_sp/></structure>…</structures>
                 <engagements><engagement><number/><text/></engagement>…</engagements></choices>
        <form><field name="structure|statut|page">…</field></form>
        <actions><action><id/><title/><status/><engagement_number/><start_date/><end_date/>
          <is_public/><structure/><code_sp/><experiences/></action>…</actions>
        <pagination><page/><pages/><total/></pagination>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="agent-menu.xsl"/>
  <xsl:include href="agent-experience-common.xsl"/>

  <!-- The agents' navigation instead of the public one. -->
  <xsl:template name="main-nav">
    <xsl:call-template name="agent-menu"/>
  </xsl:template>

  <xsl:variable name="f" select="/page/form/field"/>

  <xsl:template match="page" mode="title">Les actions d'amélioration</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les actions d’amélioration'"/>
        <xsl:with-param name="parent-href" select="'/agent'"/>
        <xsl:with-param name="parent-label" select="'Espace agents'"/>
      </xsl:call-template>
      <h1>Les actions d'amélioration</h1>
      <p class="fr-text--lead">Les actions que mes structures ont engagées pour améliorer leur service, envisagées, en cours ou réalisées.</p>
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/agent/actions/nouvelle">Créer une action d'amélioration</a></p>
      <form method="get" action="/agent/actions" class="fr-mb-4w">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Filtrer les actions</legend>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-6">
            <div class="fr-select-group">
              <label class="fr-label" for="f-structure">Structure</label>
              <select class="fr-select" id="f-structure" name="structure">
                <option value="">Toutes mes structures</option>
                <xsl:for-each select="choices/structures/structure">
                  <option value="{id}">
                    <xsl:if test="string(id) = string($f[@name = 'structure'])">
                      <xsl:attribute name="selected">selected</xsl:attribute>
                    </xsl:if>
                    <xsl:value-of select="name"/> (<xsl:value-of select="code_sp"/>)
                  </option>
                </xsl:for-each>
              </select>
            </div>
          </div>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <div class="fr-select-group">
              <label class="fr-label" for="f-statut">Statut</label>
              <select class="fr-select" id="f-statut" name="statut">
                <option value="">Tous</option>
                <option value="envisagee">
                  <xsl:if test="'envisagee' = string($f[@name = 'statut'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>Envisagée</option>
                <option value="en_cours">
                  <xsl:if test="'en_cours' = string($f[@name = 'statut'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>En cours</option>
                <option value="realisee">
                  <xsl:if test="'realisee' = string($f[@name = 'statut'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>Réalisée</option>
              </select>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <button type="submit" class="fr-btn fr-btn--secondary">Filtrer</button>
          </div>
        </fieldset>
      </form>
      <h2 class="fr-h4">
        <xsl:choose>
          <xsl:when test="number(pagination/total) = 0">Aucune action d'amélioration</xsl:when>
          <xsl:when test="number(pagination/total) = 1">1 action d'amélioration</xsl:when>
          <xsl:otherwise><xsl:value-of select="pagination/total"/> actions d'amélioration</xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:if test="actions/action">
        <div class="fr-table fr-table--no-caption">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>Liste des actions d'amélioration</caption>
                  <thead>
                    <tr>
                      <th scope="col">Titre</th>
                      <th scope="col">Structure</th>
                      <th scope="col">Engagement</th>
                      <th scope="col">Statut</th>
                      <th scope="col">Période</th>
                      <th scope="col">Visible du public</th>
                      <th scope="col">Expériences liées</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    <xsl:for-each select="actions/action">
                      <tr>
                        <td><xsl:value-of select="title"/></td>
                        <td><xsl:value-of select="structure"/></td>
                        <td>
                          <xsl:choose>
                            <xsl:when test="normalize-space(engagement_number) != ''">n° <xsl:value-of select="engagement_number"/></xsl:when>
                            <xsl:otherwise>—</xsl:otherwise>
                          </xsl:choose>
                        </td>
                        <td>
                          <xsl:call-template name="action-status-label">
                            <xsl:with-param name="status" select="status"/>
                          </xsl:call-template>
                        </td>
                        <td>
                          <xsl:if test="normalize-space(start_date) != ''">
                            <xsl:text>du </xsl:text>
                            <xsl:call-template name="date-fr"><xsl:with-param name="date" select="start_date"/></xsl:call-template>
                          </xsl:if>
                          <xsl:if test="normalize-space(end_date) != ''">
                            <xsl:text> au </xsl:text>
                            <xsl:call-template name="date-fr"><xsl:with-param name="date" select="end_date"/></xsl:call-template>
                          </xsl:if>
                        </td>
                        <td>
                          <xsl:choose>
                            <xsl:when test="is_public = '1'">Oui</xsl:when>
                            <xsl:otherwise>Non</xsl:otherwise>
                          </xsl:choose>
                        </td>
                        <td><xsl:value-of select="experiences"/></td>
                        <td><a class="fr-link" href="/agent/actions/{id}">Modifier<span class="fr-sr-only"> l'action « <xsl:value-of select="title"/> »</span></a></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
        <xsl:variable name="base">
          <xsl:text>/agent/actions?</xsl:text>
          <xsl:if test="normalize-space($f[@name = 'structure']) != ''">structure=<xsl:value-of select="number($f[@name = 'structure'])"/>&amp;</xsl:if>
          <xsl:if test="normalize-space($f[@name = 'statut']) != ''">statut=<xsl:value-of select="translate($f[@name = 'statut'], translate($f[@name = 'statut'], 'abcdefghijklmnopqrstuvwxyz_', ''), '')"/>&amp;</xsl:if>
          <xsl:text>page=</xsl:text>
        </xsl:variable>
        <xsl:call-template name="pagination">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="current" select="pagination/page"/>
          <xsl:with-param name="pages" select="pagination/pages"/>
        </xsl:call-template>
      </xsl:if>
    </div>
  </xsl:template>


</xsl:stylesheet>
