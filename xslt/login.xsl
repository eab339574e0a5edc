<?xml version="1.0" encoding="UTF-8"?>
<!-- login.xsl — route "login" (/agent/connexion): «Connexion à l'espace agents».
     Data: <login>[<retour/>][<message kind="error|info|success"/>]
           <form><field name="username" error="…">typed</field>
                 <field name="password" error="…"/>…</form></login>
     The password is never echoed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="auth-forms.xsl"/>

  <xsl:template match="page" mode="title">Connexion à l'espace agents</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="form" select="login/form"/>
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion à l'espace agents</h1>
          <p>Cet espace est réservé aux agents des services publics participant au programme Services Publics+.</p>
          <xsl:apply-templates select="login/message" mode="auth-alert"/>
          <xsl:if test="$form/@invalid &gt; 0">
            <xsl:call-template name="auth-error-summary"/>
          </xsl:if>
          <form method="post" action="/agent/connexion" novalidate="">
            <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
            <xsl:if test="login/retour">
              <input type="hidden" name="retour" value="{login/retour}"/>
            </xsl:if>
            <fieldset class="fr-fieldset" id="connexion" aria-labelledby="connexion-legende">
              <legend class="fr-fieldset__legend" id="connexion-legende">Se connecter avec son compte</legend>
              <div class="fr-fieldset__element">
                <xsl:call-template name="auth-input">
                  <xsl:with-param name="name" select="'username'"/>
                  <xsl:with-param name="label" select="&quot;Nom d'utilisateur&quot;"/>
                  <xsl:with-param name="autocomplete" select="'username'"/>
                </xsl:call-template>
              </div>
              <div class="fr-fieldset__element">
                <xsl:call-template name="auth-input">
                  <xsl:with-param name="name" select="'password'"/>
                  <xsl:with-param name="label" select="'Mot de passe'"/>
                  <xsl:with-param name="type" select="'password'"/>
                  <xsl:with-param name="autocomplete" select="'current-password'"/>
                </xsl:call-template>
                <p class="fr-mt-2w">
                  <a class="fr-link" href="/agent/mot-de-passe-oublie">Réinitialiser votre mot de passe</a>
                </p>
              </div>
              <div class="fr-fieldset__element">
                <ul class="fr-btns-group">
                  <li><button type="submit" class="fr-btn">Se connecter</button></li>
                </ul>
              </div>
            </fieldset>
          </form>
          <p class="fr-text--sm fr-mt-4w">Première connexion ? Cliquez sur « Réinitialiser votre mot de passe »
            et indiquez l'adresse électronique de votre compte : vous recevrez un lien, valable 24 heures,
            pour choisir votre mot de passe.</p>
        </div>
      </div>
    </div>
  </xsl:template>
</xsl:stylesheet>
