<?xml version="1.0" encoding="UTF-8"?>
<!-- engagements.xsl — route "engagements" (/engagements).
     Data: <engagements><engagement><number/><theme/><text/></engagement>…</engagements> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">Les 9 engagements Services Publics+</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les engagements'"/>
      </xsl:call-template>
      <h1>Les 9 engagements Services Publics+</h1>
      <p class="fr-text--lead">Partout en France, les services publics engagés dans le programme Services Publics+ s'engagent auprès de vous. Ces 9 engagements, communs à toutes les administrations, sont regroupés en trois thèmes : des services publics plus proches, plus efficaces et plus simples.</p>
      <section id="engagements" class="fr-mb-6w" aria-label="Les engagements par thème">
        <xsl:call-template name="engagements-themes">
          <xsl:with-param name="level" select="2"/>
        </xsl:call-template>
      </section>
      <div class="fr-callout fr-mb-8w">
        <h2 class="fr-callout__title">Un engagement n'a pas été tenu ?</h2>
        <p class="fr-callout__text">Vos avis, positifs comme négatifs, aident les services publics à s'améliorer. Partagez votre expérience : l'administration concernée vous répondra.</p>
        <a class="fr-btn" href="/donner-mon-avis">Donner mon avis</a>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
