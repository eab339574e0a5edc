<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-journal.xsl — route "admin-journal" (/agent/admin/journal).
     Data: <form> (the filters as typed), <actions><action><action/></action>…</actions>,
           <journal><entry><id/><at/><user_id/><username/><display_name/><ip/><action/>
           <object_type/><object_id/><detail/></entry>…</journal>, <pagination>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Journal des actions</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1"> — page <xsl:value-of select="pagination/page"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="t" select="'filters'"/>
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'journal'"/>
      <xsl:with-param name="title" select="'Journal des actions'"/>
      <xsl:with-param name="items"><item href="/agent/admin">Administration</item></xsl:with-param>
      <xsl:with-param name="body">
        <h1>Journal des actions</h1>
        <p>Chaque connexion, échec de connexion, réinitialisation de mot de passe, changement de rôle et modification est enregistré ici (heure UTC). Les mots de passe et les jetons n'y figurent jamais.</p>
        <form method="get" action="/agent/admin/journal" class="fr-mb-4w">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">Filtrer le journal</legend>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
              <xsl:call-template name="form-field">
                <xsl:with-param name="target" select="$t"/>
                <xsl:with-param name="name" select="'utilisateur'"/>
                <xsl:with-param name="label" select="'Nom d’utilisateur'"/>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
              <xsl:call-template name="form-select">
                <xsl:with-param name="target" select="$t"/>
                <xsl:with-param name="name" select="'action'"/>
                <xsl:with-param name="label" select="'Action'"/>
                <xsl:with-param name="empty" select="'Toutes'"/>
                <xsl:with-param name="options">
                  <xsl:for-each select="actions/action">
                    <option value="{action}"><xsl:value-of select="action"/></option>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
              <xsl:call-template name="form-field">
                <xsl:with-param name="target" select="$t"/>
                <xsl:with-param name="name" select="'du'"/>
                <xsl:with-param name="label" select="'Du'"/>
                <xsl:with-param name="type" select="'date'"/>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
              <xsl:call-template name="form-field">
                <xsl:with-param name="target" select="$t"/>
                <xsl:with-param name="name" select="'au'"/>
                <xsl:with-param name="label" select="'Au'"/>
                <xsl:with-param name="type" select="'date'"/>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element">
              <button type="submit" class="fr-btn">Filtrer</button>
            </div>
          </fieldset>
        </form>
        <xsl:choose>
          <xsl:when test="journal/entry">
            <p class="spp-meta"><xsl:value-of select="pagination/total"/> entrée(s)</p>
            <div class="fr-table">
              <table>
                <caption>Journal des actions, de la plus récente à la plus ancienne</caption>
                <thead>
                  <tr>
                    <th scope="col">Date (UTC)</th><th scope="col">Utilisateur</th><th scope="col">Adresse IP</th>
                    <th scope="col">Action</th><th scope="col">Objet</th><th scope="col">Détail</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="journal/entry">
                    <tr>
                      <td><xsl:value-of select="at"/></td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="username"><xsl:value-of select="username"/></xsl:when>
                          <xsl:when test="user_id">n° <xsl:value-of select="user_id"/></xsl:when>
                          <xsl:otherwise>—</xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td><xsl:value-of select="ip"/></td>
                      <td><code><xsl:value-of select="action"/></code></td>
                      <td>
                        <xsl:value-of select="object_type"/>
                        <xsl:if test="object_id"><xsl:text> n° </xsl:text><xsl:value-of select="object_id"/></xsl:if>
                      </td>
                      <td><xsl:value-of select="detail"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
            <xsl:call-template name="pagination">
              <xsl:with-param name="base"><xsl:call-template name="page-base"/></xsl:with-param>
              <xsl:with-param name="current" select="pagination/page"/>
              <xsl:with-param name="pages" select="pagination/pages"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><p>Aucune entrée ne correspond à ces critères.</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
