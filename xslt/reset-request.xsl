<?xml version="1.0" encoding="UTF-8"?>
<!-- reset-request.xsl — route "reset-request" (/agent/mot-de-passe-oublie):
     «Réinitialiser votre mot de passe».
     Data: <reset-request>[<sent/>]<form><field name="email" error="…">typed</field></form></reset-request>
     After «Soumettre» the page says the same thing whether the address
     belongs to an account or not. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="auth-forms.xsl"/>

  <xsl:template match="page" mode="title">Réinitialiser votre mot de passe</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Réinitialiser votre mot de passe</h1>
          <xsl:choose>
            <xsl:when test="reset-request/sent">
              <div class="fr-alert fr-alert--success fr-mb-4w" role="status">
                <h2 class="fr-alert__title">Demande enregistrée</h2>
                <p>Si cette adresse correspond à un compte agent, un courriel contenant un lien pour
                  choisir un nouveau mot de passe vient d'y être envoyé. Ce lien est valable 24 heures
                  et ne peut servir qu'une fois.</p>
              </div>
              <p>Vous n'avez rien reçu après quelques minutes ? Vérifiez vos courriers indésirables,
                puis refaites la demande ou contactez votre référent Services Publics+.</p>
              <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/agent/connexion">Retour à la connexion</a></p>
            </xsl:when>
            <xsl:otherwise>
              <p>Lors de votre première connexion ou si vous avez perdu votre mot de passe, indiquez
                l'adresse électronique de votre compte, puis cliquez sur « Soumettre ». Un lien vous sera
                transmis par courriel pour choisir votre mot de passe. Attention, ce lien est valable 24 heures.</p>
              <xsl:if test="reset-request/form/@invalid &gt; 0">
                <xsl:call-template name="auth-error-summary"/>
              </xsl:if>
              <form method="post" action="/agent/mot-de-passe-oublie" novalidate="">
                <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
                <xsl:call-template name="auth-input">
                  <xsl:with-param name="name" select="'email'"/>
                  <xsl:with-param name="label" select="'Adresse électronique'"/>
                  <xsl:with-param name="type" select="'email'"/>
                  <xsl:with-param name="autocomplete" select="'email'"/>
                  <xsl:with-param name="hint" select="'Format attendu : nom@domaine.fr'"/>
                </xsl:call-template>
                <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
                  <li><button type="submit" class="fr-btn">Soumettre</button></li>
                  <li><a class="fr-btn fr-btn--secondary" href="/agent/connexion">Retour à la connexion</a></li>
                </ul>
              </form>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>
