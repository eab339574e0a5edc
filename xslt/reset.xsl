<?xml version="1.0" encoding="UTF-8"?>
<!-- reset.xsl — route "reset" (/agent/mot-de-passe/TOKEN): choose a password
     through a mailed link.
     Data: <reset><invalid/></reset> when the link is unknown, used,
     superseded or expired; else <reset><username/><purpose>reset|welcome</purpose>
     <form><field name="password" error="…"/><field name="confirmation" error="…"/></form></reset> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="auth-forms.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="reset/invalid">Lien expiré ou déjà utilisé</xsl:when>
      <xsl:when test="reset/purpose = 'welcome'">Choisir votre mot de passe</xsl:when>
      <xsl:otherwise>Choisir un nouveau mot de passe</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1><xsl:apply-templates select="." mode="title"/></h1>
          <xsl:choose>
            <xsl:when test="reset/invalid">
              <div class="fr-alert fr-alert--warning fr-mb-4w">
                <p>Ce lien n'est plus valide : il a déjà servi, il a été remplacé par un lien plus récent,
                  ou il a expiré (un lien est valable 24 heures).</p>
              </div>
              <p>Vous pouvez demander un nouveau lien :</p>
              <p><a class="fr-btn" href="/agent/mot-de-passe-oublie">Réinitialiser votre mot de passe</a></p>
            </xsl:when>
            <xsl:otherwise>
              <p>Nom d'utilisateur : <strong><xsl:value-of select="reset/username"/></strong></p>
              <div class="fr-callout fr-mb-4w">
                <p class="fr-callout__text fr-text--md">Votre mot de passe doit contenir au moins 12 caractères.
                  Une phrase de plusieurs mots est à la fois plus sûre et plus facile à retenir ; tous les
                  caractères sont acceptés. Les mots de passe trop courants et ceux qui contiennent votre nom
                  d'utilisateur sont refusés.</p>
              </div>
              <xsl:if test="reset/form/@invalid &gt; 0 or reset/form/field/@error">
                <xsl:call-template name="auth-error-summary"/>
              </xsl:if>
              <form method="post" action="{/page/params/path}" novalidate="">
                <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
                <xsl:call-template name="auth-input">
                  <xsl:with-param name="name" select="'password'"/>
                  <xsl:with-param name="label" select="'Nouveau mot de passe'"/>
                  <xsl:with-param name="type" select="'password'"/>
                  <xsl:with-param name="autocomplete" select="'new-password'"/>
                  <xsl:with-param name="hint" select="'Au moins 12 caractères'"/>
                </xsl:call-template>
                <xsl:call-template name="auth-input">
                  <xsl:with-param name="name" select="'confirmation'"/>
                  <xsl:with-param name="label" select="'Confirmez le nouveau mot de passe'"/>
                  <xsl:with-param name="type" select="'password'"/>
                  <xsl:with-param name="autocomplete" select="'new-password'"/>
                </xsl:call-template>
                <ul class="fr-btns-group fr-mt-3w">
                  <li><button type="submit" class="fr-btn">Enregistrer le mot de passe</button></li>
                </ul>
              </form>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>
