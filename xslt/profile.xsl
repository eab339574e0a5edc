<?xml version="1.0" encoding="UTF-8"?>
<!--
  profile.xsl — «Modifier le profil» (/agent/profil and its POST routes).
  Data: <profile><id/><username/><display_name/><email/><password_changed_at/></profile>
        <formulas><formula><id/><kind>politesse|signature</kind><text/></formula>…</formulas>
        optional <form target="identity|password|add-politesse|add-signature|edit-ID">
  The memberships come from /page/params/user/membership.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">Modifier le profil</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="ok" select="string(params/query/param[@name = 'ok'])"/>
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Modifier le profil'"/>
      </xsl:call-template>
      <h1>Modifier le profil</h1>
      <xsl:call-template name="success">
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="$ok = 'identite'">Vos informations ont été enregistrées.</xsl:when>
            <xsl:when test="$ok = 'mot-de-passe'">Votre mot de passe a été modifié. Vos autres sessions ont été fermées.</xsl:when>
            <xsl:when test="$ok = 'formule'">La formule a été enregistrée.</xsl:when>
            <xsl:when test="$ok = 'suppression'">La formule a été supprimée.</xsl:when>
            <xsl:when test="$ok = 'ordre'">L'ordre des formules a été modifié.</xsl:when>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>

      <div class="fr-grid-row fr-grid-row--gutters">
        <section class="fr-col-12 fr-col-lg-6" aria-labelledby="titre-informations">
          <h2 id="titre-informations">Mes informations</h2>
          <p>
            <xsl:text>Nom d'utilisateur : </xsl:text>
            <strong><xsl:value-of select="profile/username"/></strong>
          </p>
          <form method="post" action="/agent/profil" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="form-errors">
              <xsl:with-param name="target" select="'identity'"/>
            </xsl:call-template>
            <xsl:call-template name="form-field">
              <xsl:with-param name="target" select="'identity'"/>
              <xsl:with-param name="name" select="'display_name'"/>
              <xsl:with-param name="label" select="'Nom affiché'"/>
              <xsl:with-param name="hint" select="'Prénom et nom, tels que vos collègues les voient.'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="default" select="profile/display_name"/>
              <xsl:with-param name="autocomplete" select="'name'"/>
              <xsl:with-param name="maxlength" select="120"/>
            </xsl:call-template>
            <xsl:call-template name="form-field">
              <xsl:with-param name="target" select="'identity'"/>
              <xsl:with-param name="name" select="'email'"/>
              <xsl:with-param name="label" select="'Adresse électronique'"/>
              <xsl:with-param name="hint" select="'Format attendu : nom@domaine.fr'"/>
              <xsl:with-param name="type" select="'email'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="default" select="profile/email"/>
              <xsl:with-param name="autocomplete" select="'email'"/>
            </xsl:call-template>
            <button type="submit" class="fr-btn">Enregistrer</button>
          </form>

          <xsl:if test="params/user/membership">
            <h3 class="fr-mt-6w">Mes rôles</h3>
            <ul>
              <xsl:for-each select="params/user/membership">
                <li>
                  <xsl:call-template name="role-label">
                    <xsl:with-param name="role" select="role"/>
                  </xsl:call-template>
                  <xsl:choose>
                    <xsl:when test="normalize-space(structure-name) != ''">
                      <xsl:text> — </xsl:text>
                      <xsl:value-of select="structure-name"/>
                      <xsl:text> (</xsl:text>
                      <xsl:value-of select="code-sp"/>
                      <xsl:text>)</xsl:text>
                    </xsl:when>
                    <xsl:otherwise> — toute la plateforme</xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </section>

        <section class="fr-col-12 fr-col-lg-6" aria-labelledby="titre-mot-de-passe">
          <h2 id="titre-mot-de-passe">Mot de passe</h2>
          <form method="post" action="/agent/profil/mot-de-passe" novalidate="novalidate">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="form-errors">
              <xsl:with-param name="target" select="'password'"/>
            </xsl:call-template>
            <xsl:call-template name="form-field">
              <xsl:with-param name="target" select="'password'"/>
              <xsl:with-param name="name" select="'current'"/>
              <xsl:with-param name="label" select="'Mot de passe actuel'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <xsl:call-template name="form-field">
              <xsl:with-param name="target" select="'password'"/>
              <xsl:with-param name="name" select="'new'"/>
              <xsl:with-param name="label" select="'Nouveau mot de passe'"/>
              <xsl:with-param name="hint" select="'Au moins 12 caractères. Une phrase de passe longue est recommandée ; les mots de passe trop courants sont refusés.'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <xsl:call-template name="form-field">
              <xsl:with-param name="target" select="'password'"/>
              <xsl:with-param name="name" select="'confirm'"/>
              <xsl:with-param name="label" select="'Confirmation du nouveau mot de passe'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="autocomplete" select="'new-password'"/>
            </xsl:call-template>
            <button type="submit" class="fr-btn">Modifier le mot de passe</button>
          </form>
        </section>
      </div>

      <xsl:call-template name="formula-list">
        <xsl:with-param name="kind" select="'politesse'"/>
        <xsl:with-param name="title" select="'Formules de politesse'"/>
        <xsl:with-param name="one" select="'formule de politesse'"/>
        <xsl:with-param name="hint" select="'Par exemple : « Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées. »'"/>
      </xsl:call-template>
      <xsl:call-template name="formula-list">
        <xsl:with-param name="kind" select="'signature'"/>
        <xsl:with-param name="title" select="'Signatures'"/>
        <xsl:with-param name="one" select="'signature'"/>
        <xsl:with-param name="hint" select="'Par exemple : « Le service relation usagers de la CAF du Rhône ».'"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- One of the two ordered lists, with its add form. -->
  <xsl:template name="formula-list">
    <xsl:param name="kind"/>
    <xsl:param name="title"/>
    <xsl:param name="one"/>
    <xsl:param name="hint"/>
    <xsl:variable name="items" select="/page/formulas/formula[kind = $kind]"/>
    <xsl:variable name="id" select="$kind"/>
    <xsl:variable name="section-id">
      <xsl:choose>
        <xsl:when test="$kind = 'signature'">signatures</xsl:when>
        <xsl:otherwise>politesse</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="fr-mt-6w" id="{$section-id}" aria-labelledby="titre-{$id}">
      <h2 id="titre-{$id}"><xsl:value-of select="$title"/></h2>
      <p class="fr-text--sm spp-meta">Vous les choisissez au moment de répondre à une expérience, dans l'ordre ci-dessous.</p>
      <xsl:choose>
        <xsl:when test="$items">
          <ol class="spp-formulas">
            <xsl:for-each select="$items">
              <xsl:variable name="target" select="concat('edit-', id)"/>
              <li class="spp-formula fr-mb-3w" id="formule-{id}">
                <form method="post" action="/agent/profil/formules/{id}" novalidate="novalidate">
                  <xsl:call-template name="csrf"/>
                  <xsl:call-template name="form-field">
                    <xsl:with-param name="target" select="$target"/>
                    <xsl:with-param name="name" select="'text'"/>
                    <xsl:with-param name="label" select="concat('Texte de la ', $one, ' n° ', position())"/>
                    <xsl:with-param name="type" select="'textarea'"/>
                    <xsl:with-param name="rows" select="3"/>
                    <xsl:with-param name="default" select="text"/>
                    <xsl:with-param name="maxlength" select="2000"/>
                  </xsl:call-template>
                  <button type="submit" class="fr-btn fr-btn--sm">
                    <xsl:text>Enregistrer</xsl:text>
                    <span class="fr-sr-only"> la <xsl:value-of select="$one"/> n° <xsl:value-of select="position()"/></span>
                  </button>
                </form>
                <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
                  <xsl:if test="position() &gt; 1">
                    <li>
                      <form method="post" action="/agent/profil/formules/{id}/monter" class="spp-inline-form">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="fr-btn fr-btn--secondary fr-icon-arrow-up-line fr-btn--icon-left">
                          <xsl:text>Monter</xsl:text>
                          <span class="fr-sr-only"> la <xsl:value-of select="$one"/> n° <xsl:value-of select="position()"/></span>
                        </button>
                      </form>
                    </li>
                  </xsl:if>
                  <xsl:if test="position() &lt; last()">
                    <li>
                      <form method="post" action="/agent/profil/formules/{id}/descendre" class="spp-inline-form">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="fr-btn fr-btn--secondary fr-icon-arrow-down-line fr-btn--icon-left">
                          <xsl:text>Descendre</xsl:text>
                          <span class="fr-sr-only"> la <xsl:value-of select="$one"/> n° <xsl:value-of select="position()"/></span>
                        </button>
                      </form>
                    </li>
                  </xsl:if>
                  <li>
                    <form method="post" action="/agent/profil/formules/{id}/supprimer" class="spp-inline-form">
                      <xsl:call-template name="csrf"/>
                      <button type="submit" class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
                        <xsl:text>Supprimer</xsl:text>
                        <span class="fr-sr-only"> la <xsl:value-of select="$one"/> n° <xsl:value-of select="position()"/></span>
                      </button>
                    </form>
                  </li>
                </ul>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <p>Vous n'avez pas encore de <xsl:value-of select="$one"/>.</p>
        </xsl:otherwise>
      </xsl:choose>
      <form method="post" action="/agent/profil/formules" novalidate="novalidate" class="fr-mt-3w">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="kind" value="{$kind}"/>
        <xsl:call-template name="form-errors">
          <xsl:with-param name="target" select="concat('add-', $kind)"/>
        </xsl:call-template>
        <xsl:call-template name="form-field">
          <xsl:with-param name="target" select="concat('add-', $kind)"/>
          <xsl:with-param name="name" select="'text'"/>
          <xsl:with-param name="label" select="concat('Nouvelle ', $one)"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="rows" select="3"/>
          <xsl:with-param name="maxlength" select="2000"/>
        </xsl:call-template>
        <button type="submit" class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left">Ajouter</button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
