<?xml version="1.0" encoding="UTF-8"?>
<!-- agent-home.xsl — route "agent-home" (/agent): «Espace agents», the
     agent's memberships and every menu their roles allow.
     Data: /page/params/user (fcgi/auth.h), <agent-home/>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <!-- layout.xsl includes agent-menu.xsl (the menus, role-label) -->
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">Espace agents</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="u" select="params/user"/>
    <div class="fr-container fr-my-6w">
      <h1>Espace agents</h1>
      <p class="fr-text--lead">Bonjour <xsl:value-of select="$u/display-name"/>.</p>
      <xsl:call-template name="agent-menu-lists"/>
      <h2 class="fr-mt-6w">Vos rattachements</h2>
      <xsl:choose>
        <xsl:when test="$u/membership">
          <div class="fr-table">
            <table>
              <caption>Structures et rôles de votre compte</caption>
              <thead>
                <tr><th scope="col">Structure</th><th scope="col">Code SP+</th><th scope="col">Rôle</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="$u/membership">
                  <tr>
                    <td>
                      <xsl:choose>
                        <xsl:when test="normalize-space(structure-name) != ''"><xsl:value-of select="structure-name"/></xsl:when>
                        <xsl:otherwise>Toute la plateforme</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td><xsl:value-of select="code-sp"/></td>
                    <td>
                      <xsl:call-template name="role-label">
                        <xsl:with-param name="role" select="string(role)"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p>Votre compte n'est rattaché à aucune structure pour le moment. Contactez votre référent Services Publics+.</p>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>
</xsl:stylesheet>
