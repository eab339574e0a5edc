<?xml version="1.0" encoding="UTF-8"?>
<!-- page.xsl — editorial pages (routes programme, accessibilite,
     mentions-legales, donnees-personnelles).
     Data: <content><slug/><title/><updated_at/><body><h2/><p/>…</body></content> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="content/title"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="content/title"/>
      </xsl:call-template>
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1><xsl:value-of select="content/title"/></h1>
          <xsl:if test="normalize-space(content/updated_at) != ''">
            <p class="fr-text--sm spp-meta">
              <xsl:text>Mis à jour le </xsl:text>
              <xsl:call-template name="time-fr">
                <xsl:with-param name="date" select="content/updated_at"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <div class="spp-rich">
            <xsl:call-template name="paras">
              <xsl:with-param name="body" select="content/body"/>
            </xsl:call-template>
          </div>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
