<?xml version="1.0" encoding="UTF-8"?>
<!-- news-list.xsl — route "news" (/actualites).
     Data: <news><item><slug/><title/><summary/><published_at/></item>…</news>
           <pagination><page>1</page><pages>3</pages><total>42</total></pagination> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Actualités</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1">
      <xsl:text> — page </xsl:text>
      <xsl:value-of select="pagination/page"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Actualités'"/>
      </xsl:call-template>
      <h1>Actualités</h1>
      <p class="fr-text--lead">Les dernières nouvelles du programme Services Publics+ : nouveautés de la plateforme, résultats, événements.</p>
      <xsl:choose>
        <xsl:when test="news/item">
          <p class="spp-meta">
            <xsl:choose>
              <xsl:when test="number(pagination/total) = 1">1 actualité</xsl:when>
              <xsl:when test="pagination/total">
                <xsl:value-of select="pagination/total"/> actualités</xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="count(news/item)"/> actualités</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="number(pagination/pages) &gt; 1">
              <xsl:text> — page </xsl:text>
              <xsl:value-of select="pagination/page"/>
              <xsl:text> sur </xsl:text>
              <xsl:value-of select="pagination/pages"/>
            </xsl:if>
          </p>
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            <xsl:for-each select="news/item">
              <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
                <xsl:call-template name="news-card">
                  <xsl:with-param name="level" select="2"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
          <div class="fr-mt-6w">
            <xsl:call-template name="pagination">
              <xsl:with-param name="base" select="'/actualites?page='"/>
              <xsl:with-param name="current" select="pagination/page"/>
              <xsl:with-param name="pages" select="pagination/pages"/>
            </xsl:call-template>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucune actualité n'a encore été publiée.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

</xsl:stylesheet>
