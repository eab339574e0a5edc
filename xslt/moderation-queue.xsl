<?xml version="1.0" encoding="UTF-8"?>
<!--
  moderation-queue.xsl — route "moderation" (/agent/moderation): the
  experiences waiting for moderation, oldest first.
  Data: <queue>[<done>publiee|rejetee</done>]<experience><id/><title/><feeling/>
          <created_at/><pseudonym/><source/><body_length/><structures/></experience>…</queue>
        <pagination><page/><pages/><total/></pagination>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="agent-menu.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:template name="main-nav">
    <xsl:call-template name="agent-menu"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:text>Modération des expériences</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1">
      <xsl:text> — page </xsl:text>
      <xsl:value-of select="pagination/page"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Modération'"/>
        <xsl:with-param name="parent-href" select="'/agent'"/>
        <xsl:with-param name="parent-label" select="'Espace agent'"/>
      </xsl:call-template>
      <h1>Modération des expériences</h1>
      <p class="fr-text--lead">Relisez chaque expérience avant sa publication : retirez les données personnelles et les propos injurieux, rejetez ce qui ne concerne pas un service public. L'auteur est prévenu par courriel de votre décision.</p>
      <xsl:choose>
        <xsl:when test="queue/done = 'publiee'">
          <xsl:call-template name="xp-alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'L’expérience a été publiée.'"/>
            <xsl:with-param name="text" select="'L’auteur et les agents des structures concernées ont été prévenus.'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="queue/done = 'rejetee'">
          <xsl:call-template name="xp-alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'L’expérience a été rejetée.'"/>
            <xsl:with-param name="text" select="'Le motif a été envoyé à l’auteur.'"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="queue/experience">
          <p class="spp-meta">
            <xsl:value-of select="pagination/total"/>
            <xsl:choose>
              <xsl:when test="number(pagination/total) = 1"> expérience à modérer</xsl:when>
              <xsl:otherwise> expériences à modérer, les plus anciennes d'abord</xsl:otherwise>
            </xsl:choose>
          </p>
          <div class="fr-table fr-table--no-caption">
            <div class="fr-table__wrapper">
              <div class="fr-table__container">
                <div class="fr-table__content">
                  <table>
                    <caption>Expériences à modérer</caption>
                    <thead>
                      <tr>
                        <th scope="col">Déposée le</th>
                        <th scope="col">Titre</th>
                        <th scope="col">Organisme(s)</th>
                        <th scope="col">Ressenti</th>
                        <th scope="col">Pseudonyme</th>
                        <th scope="col">Action</th>
                      </tr>
                    </thead>
                    <tbody>
                      <xsl:for-each select="queue/experience">
                        <tr>
                          <td>
                            <xsl:call-template name="time-fr">
                              <xsl:with-param name="date" select="created_at"/>
                            </xsl:call-template>
                          </td>
                          <td class="spp-break"><xsl:value-of select="title"/></td>
                          <td><xsl:value-of select="structures"/></td>
                          <td>
                            <xsl:call-template name="xp-feeling-label">
                              <xsl:with-param name="f" select="string(feeling)"/>
                            </xsl:call-template>
                          </td>
                          <td class="spp-break"><xsl:value-of select="pseudonym"/></td>
                          <td>
                            <a class="fr-btn fr-btn--sm fr-btn--secondary" href="/agent/moderation/{id}">
                              <xsl:text>Modérer</xsl:text>
                              <span class="fr-sr-only"> : <xsl:value-of select="title"/></span>
                            </a>
                          </td>
                        </tr>
                      </xsl:for-each>
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
          <xsl:call-template name="pagination">
            <xsl:with-param name="base" select="'/agent/moderation?page='"/>
            <xsl:with-param name="current" select="pagination/page"/>
            <xsl:with-param name="pages" select="pagination/pages"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucune expérience n'attend de modération.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

</xsl:stylesheet>
