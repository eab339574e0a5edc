<?xml version="1.0" encoding="UTF-8"?>
<!--
  actions-public.xsl — route "actions-amelioration" (/actions-amelioration):
  the improvement actions that structures chose to make public.
  Data: <actions><action><id/><title/><description><p/>…</description><status/>
          <start_date/><end_date/><updated_at/><engagement_number/><engagement/>
          <structure_id/><structure/><commune/><network/></action>…</actions>
        <pagination><page/><pages/><total/></pagination>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Les actions d'amélioration</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1">
      <xsl:text> — page </xsl:text>
      <xsl:value-of select="pagination/page"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les actions d’amélioration'"/>
      </xsl:call-template>
      <h1>Les actions d'amélioration</h1>
      <p class="fr-text--lead">À partir de vos expériences et de leurs propres résultats, les services publics engagent des actions pour améliorer l'accueil et simplifier les démarches. Voici celles qu'ils ont choisi de rendre visibles de l'ensemble des Français.</p>
      <xsl:choose>
        <xsl:when test="actions/action">
          <p class="spp-meta">
            <xsl:value-of select="pagination/total"/>
            <xsl:choose>
              <xsl:when test="number(pagination/total) = 1"> action publiée</xsl:when>
              <xsl:otherwise> actions publiées</xsl:otherwise>
            </xsl:choose>
          </p>
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            <xsl:for-each select="actions/action">
              <li class="fr-col-12 fr-col-md-6">
                <div class="fr-card fr-card--no-arrow">
                  <div class="fr-card__body">
                    <div class="fr-card__content">
                      <h2 class="fr-card__title fr-h5"><xsl:value-of select="title"/></h2>
                      <div class="fr-card__desc">
                        <xsl:call-template name="paras">
                          <xsl:with-param name="body" select="description"/>
                        </xsl:call-template>
                      </div>
                      <div class="fr-card__start">
                        <ul class="fr-badges-group">
                          <li>
                            <xsl:call-template name="xp-action-badge">
                              <xsl:with-param name="s" select="string(status)"/>
                            </xsl:call-template>
                          </li>
                        </ul>
                        <p class="fr-card__detail">
                          <xsl:value-of select="structure"/>
                          <xsl:text> — </xsl:text>
                          <xsl:value-of select="network"/>
                        </p>
                      </div>
                      <div class="fr-card__end">
                        <xsl:if test="normalize-space(engagement) != ''">
                          <p class="fr-card__detail">
                            <xsl:text>Engagement </xsl:text>
                            <xsl:value-of select="engagement_number"/>
                            <xsl:text> : </xsl:text>
                            <xsl:value-of select="engagement"/>
                          </p>
                        </xsl:if>
                        <xsl:if test="normalize-space(start_date) != ''">
                          <p class="fr-card__detail">
                            <xsl:text>Depuis le </xsl:text>
                            <xsl:call-template name="time-fr">
                              <xsl:with-param name="date" select="start_date"/>
                            </xsl:call-template>
                            <xsl:if test="normalize-space(end_date) != ''">
                              <xsl:text> — jusqu'au </xsl:text>
                              <xsl:call-template name="time-fr">
                                <xsl:with-param name="date" select="end_date"/>
                              </xsl:call-template>
                            </xsl:if>
                          </p>
                        </xsl:if>
                        <p class="fr-card__detail">
                          <a href="/experiences?organisme={structure_id}">Les expériences de cet organisme</a>
                        </p>
                      </div>
                    </div>
                  </div>
                </div>
              </li>
            </xsl:for-each>
          </ul>
          <div class="fr-mt-6w">
            <xsl:call-template name="pagination">
              <xsl:with-param name="base" select="'/actions-amelioration?page='"/>
              <xsl:with-param name="current" select="pagination/page"/>
              <xsl:with-param name="pages" select="pagination/pages"/>
            </xsl:call-template>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucune action d'amélioration n'a encore été publiée.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

</xsl:stylesheet>
