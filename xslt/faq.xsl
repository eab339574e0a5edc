<?xml version="1.0" encoding="UTF-8"?>
<!-- faq.xsl — route "faq" (/faq).
     Data: <faq><entry><category/><question/><answer><p/>…</answer></entry>…</faq>
     (entries ordered by category; the answer may also be plain text). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:key name="faq-by-category" match="faq/entry" use="normalize-space(category)"/>

  <xsl:template match="page" mode="title">Foire aux questions</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="firsts"
        select="faq/entry[generate-id() = generate-id(key('faq-by-category', normalize-space(category))[1])]"/>
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Foire aux questions'"/>
      </xsl:call-template>
      <h1>Foire aux questions</h1>
      <p class="fr-text--lead">Les réponses aux questions les plus fréquentes sur Services Publics+.</p>
      <xsl:choose>
        <xsl:when test="faq/entry">
          <xsl:if test="count($firsts) &gt; 1">
            <nav class="fr-summary fr-mb-6w" role="navigation" aria-labelledby="faq-sommaire">
              <p class="fr-summary__title" id="faq-sommaire">Sommaire</p>
              <ol class="fr-summary__list">
                <xsl:for-each select="$firsts">
                  <li><a class="fr-summary__link" href="#faq-{position()}"><xsl:value-of select="category"/></a></li>
                </xsl:for-each>
              </ol>
            </nav>
          </xsl:if>
          <xsl:for-each select="$firsts">
            <section class="fr-mb-6w" id="faq-{position()}">
              <h2><xsl:value-of select="category"/></h2>
              <div class="spp-faq">
                <xsl:for-each select="key('faq-by-category', normalize-space(category))">
                  <details class="spp-faq__item">
                    <summary><xsl:value-of select="question"/></summary>
                    <div class="spp-faq__answer">
                      <xsl:choose>
                        <xsl:when test="answer/*">
                          <xsl:call-template name="paras">
                            <xsl:with-param name="body" select="answer"/>
                          </xsl:call-template>
                        </xsl:when>
                        <xsl:otherwise>
                          <p><xsl:value-of select="answer"/></p>
                        </xsl:otherwise>
                      </xsl:choose>
                    </div>
                  </details>
                </xsl:for-each>
              </div>
            </section>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucune question n'est disponible pour le moment.</p>
        </xsl:otherwise>
      </xsl:choose>
      <div class="fr-callout">
        <h2 class="fr-callout__title">Vous ne trouvez pas la réponse à votre question ?</h2>
        <p class="fr-callout__text">Consultez la présentation du programme ou partagez directement votre expérience avec un service public.</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><a class="fr-btn fr-btn--secondary" href="/programme">Le programme</a></li>
          <li><a class="fr-btn" href="/donner-mon-avis">Donner mon avis</a></li>
        </ul>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
