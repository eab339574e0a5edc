<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-agents.xsl — route "admin-agents" (/agent/admin/agents?structure=&role=&q=&page=).
     Data: <form target="filters"> (filters as typed), optional <notice>,
           <agents><agent><id/><username/><display_name/><email/><active/><last_login_at/>
           <membership><membership_id/><role/><code_sp/><structure_name/></membership>…</agent>…</agents>,
           <pagination>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Agents</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1"> — page <xsl:value-of select="pagination/page"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'agents'"/>
      <xsl:with-param name="title" select="'Agents'"/>
      <xsl:with-param name="items"><item href="/agent/admin">Administration</item></xsl:with-param>
      <xsl:with-param name="body">
        <h1>Agents</h1>
        <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/agent/admin/agents/nouveau">Créer un compte agent</a></p>
        <form method="get" action="/agent/admin/agents" class="fr-mb-4w">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">Rechercher des agents</legend>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
              <xsl:call-template name="form-field">
                <xsl:with-param name="target" select="'filters'"/>
                <xsl:with-param name="name" select="'q'"/>
                <xsl:with-param name="label" select="'Je recherche'"/>
                <xsl:with-param name="hint" select="'Nom, nom d’utilisateur ou adresse électronique'"/>
                <xsl:with-param name="type" select="'search'"/>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
              <xsl:call-template name="form-field">
                <xsl:with-param name="target" select="'filters'"/>
                <xsl:with-param name="name" select="'structure'"/>
                <xsl:with-param name="label" select="'Code SP+ de la structure'"/>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
              <xsl:call-template name="form-select">
                <xsl:with-param name="target" select="'filters'"/>
                <xsl:with-param name="name" select="'role'"/>
                <xsl:with-param name="label" select="'Rôle'"/>
                <xsl:with-param name="empty" select="'Tous'"/>
                <xsl:with-param name="options"><xsl:call-template name="role-options"/></xsl:with-param>
              </xsl:call-template>
            </div>
            <div class="fr-fieldset__element">
              <button type="submit" class="fr-btn">Rechercher</button>
            </div>
          </fieldset>
        </form>
        <xsl:if test="notice">
          <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p><xsl:value-of select="notice"/></p></div>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="agents/agent">
            <p class="spp-meta"><xsl:value-of select="pagination/total"/> agent(s)</p>
            <div class="fr-table">
              <table>
                <caption>Agents</caption>
                <thead>
                  <tr><th scope="col">Agent</th><th scope="col">Adresse électronique</th><th scope="col">Rôles</th><th scope="col">État</th></tr>
                </thead>
                <tbody>
                  <xsl:for-each select="agents/agent">
                    <tr>
                      <td>
                        <a href="/agent/admin/agents/{id}">
                          <xsl:choose>
                            <xsl:when test="normalize-space(display_name) != ''"><xsl:value-of select="display_name"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="username"/></xsl:otherwise>
                          </xsl:choose>
                        </a>
                        <br/><span class="fr-text--sm spp-meta"><xsl:value-of select="username"/></span>
                      </td>
                      <td><xsl:value-of select="email"/></td>
                      <td>
                        <ul class="fr-raw-list">
                          <xsl:for-each select="membership">
                            <li>
                              <xsl:call-template name="role-label"><xsl:with-param name="role" select="role"/></xsl:call-template>
                              <xsl:choose>
                                <xsl:when test="structure_name"> — <xsl:value-of select="structure_name"/></xsl:when>
                                <xsl:otherwise> — plateforme</xsl:otherwise>
                              </xsl:choose>
                            </li>
                          </xsl:for-each>
                        </ul>
                      </td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="active = '1'"><span class="fr-badge fr-badge--success fr-badge--sm">Actif</span></xsl:when>
                          <xsl:otherwise><span class="fr-badge fr-badge--error fr-badge--sm">Désactivé</span></xsl:otherwise>
                        </xsl:choose>
                      </td>
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
          <xsl:otherwise><p>Aucun agent ne correspond à ces critères.</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
