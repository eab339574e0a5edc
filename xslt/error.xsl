<?xml version="1.0" encoding="UTF-8"?>
<!-- error.xsl — any route, error status pages.
     Data: <error><status>404</status><title>Page non trouvée</title><message>…</message></error>
     title and message are optional: defaults depend on the status. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="error-title"/>
  </xsl:template>

  <xsl:template name="error-status">
    <xsl:choose>
      <xsl:when test="normalize-space(/page/error/status) != ''">
        <xsl:value-of select="normalize-space(/page/error/status)"/>
      </xsl:when>
      <xsl:otherwise>500</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="error-title">
    <xsl:variable name="s"><xsl:call-template name="error-status"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space(/page/error/title) != ''">
        <xsl:value-of select="normalize-space(/page/error/title)"/>
      </xsl:when>
      <xsl:when test="$s = '400'">Requête incorrecte</xsl:when>
      <xsl:when test="$s = '401'">Authentification requise</xsl:when>
      <xsl:when test="$s = '403'">Accès refusé</xsl:when>
      <xsl:when test="$s = '404'">Page non trouvée</xsl:when>
      <xsl:when test="$s = '405'">Méthode non autorisée</xsl:when>
      <xsl:when test="$s = '409'">Modification concurrente</xsl:when>
      <xsl:when test="$s = '410'">Page supprimée</xsl:when>
      <xsl:when test="$s = '413'">Contenu trop volumineux</xsl:when>
      <xsl:when test="$s = '415'">Format non pris en charge</xsl:when>
      <xsl:when test="$s = '429'">Trop de tentatives</xsl:when>
      <xsl:when test="$s = '503'">Service momentanément indisponible</xsl:when>
      <xsl:otherwise>Erreur inattendue</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="error-message">
    <xsl:variable name="s"><xsl:call-template name="error-status"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space(/page/error/message) != ''">
        <xsl:value-of select="/page/error/message"/>
      </xsl:when>
      <xsl:when test="$s = '400'">La requête envoyée n'a pas pu être comprise par le serveur.</xsl:when>
      <xsl:when test="$s = '401'">Vous devez vous connecter pour accéder à cette page.</xsl:when>
      <xsl:when test="$s = '403'">Vous n'avez pas les droits nécessaires pour accéder à cette page.</xsl:when>
      <xsl:when test="$s = '404'">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</xsl:when>
      <xsl:when test="$s = '405'">Cette action n'est pas permise sur cette page.</xsl:when>
      <xsl:when test="$s = '413'">Les données ou le fichier envoyés dépassent la taille autorisée.</xsl:when>
      <xsl:when test="$s = '429'">Trop de tentatives ont été faites. Merci de réessayer dans quelques minutes.</xsl:when>
      <xsl:when test="$s = '503'">Le service est momentanément indisponible. Merci de réessayer dans quelques instants.</xsl:when>
      <xsl:otherwise>Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="s"><xsl:call-template name="error-status"/></xsl:variable>
    <xsl:variable name="picto">
      <xsl:choose>
        <xsl:when test="starts-with($s, '5')">system/technical-error</xsl:when>
        <xsl:otherwise>system/error</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="fr-container">
      <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div class="fr-py-0 fr-col-12 fr-col-md-6">
          <h1><xsl:call-template name="error-title"/></h1>
          <p class="fr-text--sm fr-mb-3w">Erreur <xsl:value-of select="$s"/></p>
          <p class="fr-text--lead fr-mb-3w"><xsl:call-template name="error-message"/></p>
          <xsl:if test="$s = '404' and normalize-space(/page/error/message) = ''">
            <p class="fr-text--sm fr-mb-5w">Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus disponible. Dans ce cas, pour continuer votre visite, vous pouvez consulter notre page d'accueil.</p>
          </xsl:if>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn" href="/">Page d'accueil</a></li>
            <xsl:if test="$s = '401' or $s = '403'">
              <li><a class="fr-btn fr-btn--secondary" href="/agent/connexion">Agents connectés</a></li>
            </xsl:if>
          </ul>
        </div>
        <div class="fr-col-12 fr-col-md-3 fr-col-offset-md-1 fr-px-6w fr-px-md-0 fr-py-0">
          <svg aria-hidden="true" class="fr-responsive-img fr-artwork spp-error__art" viewBox="0 0 80 80" width="160" height="200">
            <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-decorative"/>
            <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-minor"/>
            <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-major"/>
          </svg>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
