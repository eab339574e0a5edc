<?xml version="1.0" encoding="UTF-8"?>
<!--
  deposit-thanks.xsl — route "donner-mon-avis-merci" (/donner-mon-avis/merci):
  the confirmation after a deposit (also shown for a double submit).
  Data: none besides params.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">Merci, votre expérience a bien été transmise</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Expérience transmise'"/>
        <xsl:with-param name="parent-href" select="'/donner-mon-avis'"/>
        <xsl:with-param name="parent-label" select="'Donner mon avis'"/>
      </xsl:call-template>
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-8">
          <div class="fr-alert fr-alert--success fr-mb-4w">
            <h1 class="fr-alert__title">Merci, votre expérience a bien été transmise</h1>
            <p>Un courriel de confirmation vient de vous être envoyé.</p>
          </div>
          <h2 class="fr-h4">Et maintenant ?</h2>
          <ol>
            <li>Votre expérience est relue par notre équipe de modération, qui vérifie qu'elle respecte la charte de modération (pas de données personnelles ni de propos injurieux, un sujet qui concerne un service public).</li>
            <li>Vous recevez un courriel dès qu'elle est publiée, ou si elle ne peut pas l'être, avec le motif.</li>
            <li>Une fois publiée, les organismes concernés sont prévenus et peuvent vous répondre. Vous recevez alors un lien personnel pour indiquer si leur réponse vous a été utile.</li>
          </ol>
          <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
            <li><a class="fr-btn" href="/experiences">Lire les expériences publiées</a></li>
            <li><a class="fr-btn fr-btn--secondary" href="/">Retour à l'accueil</a></li>
          </ul>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
