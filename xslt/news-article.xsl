<?xml version="1.0" encoding="UTF-8"?>
<!-- news-article.xsl — route "news-article" (/actualites/<slug>).
     Data: <article><slug/><title/><summary/><published_at/><body><p/><h2/>…</body></article> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="article/title"/>
    <xsl:text> — Actualités</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="parent-href" select="'/actualites'"/>
        <xsl:with-param name="parent-label" select="'Actualités'"/>
        <xsl:with-param name="current" select="article/title"/>
      </xsl:call-template>
      <div class="fr-grid-row">
        <article class="fr-col-12 fr-col-lg-9">
          <h1><xsl:value-of select="article/title"/></h1>
          <p class="fr-text--sm spp-meta fr-icon-calendar-line fr-icon--sm">
            <xsl:text>Publié le </xsl:text>
            <xsl:choose>
              <xsl:when test="article/published_at/@fr">
                <time datetime="{substring(article/published_at, 1, 10)}"><xsl:value-of select="article/published_at/@fr"/></time>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="time-fr">
                  <xsl:with-param name="date" select="article/published_at"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </p>
          <xsl:if test="normalize-space(article/summary) != ''">
            <p class="fr-text--lead"><xsl:value-of select="article/summary"/></p>
          </xsl:if>
          <div class="spp-rich">
            <xsl:choose>
              <xsl:when test="article/body/*">
                <xsl:call-template name="paras">
                  <xsl:with-param name="body" select="article/body"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:when test="normalize-space(article/body) != ''">
                <p><xsl:value-of select="article/body"/></p>
              </xsl:when>
            </xsl:choose>
          </div>
          <p class="fr-mt-6w">
            <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/actualites">Retour aux actualités</a>
          </p>
        </article>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
