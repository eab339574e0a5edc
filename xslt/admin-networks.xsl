<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-networks.xsl — route "admin-networks" (/agent/admin/reseaux).
     Data: <networks><network><id/><code/><name/><short_name/><structures/></network>…</networks> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">Réseaux</xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'reseaux'"/>
      <xsl:with-param name="title" select="'Réseaux'"/>
      <xsl:with-param name="items"><item href="/agent/admin">Administration</item></xsl:with-param>
      <xsl:with-param name="body">
        <h1>Réseaux</h1>
        <xsl:if test="params/query/param[@name = 'ok']">
          <xsl:call-template name="success">
            <xsl:with-param name="text" select="'Le réseau a été enregistré.'"/>
          </xsl:call-template>
        </xsl:if>
        <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/agent/admin/reseaux/nouveau">Créer un réseau</a></p>
        <xsl:choose>
          <xsl:when test="networks/network">
            <div class="fr-table fr-table--no-caption">
              <table>
                <caption>Liste des réseaux</caption>
                <thead>
                  <tr><th scope="col">Code</th><th scope="col">Nom</th><th scope="col">Nom court</th><th scope="col">Structures</th><th scope="col">Actions</th></tr>
                </thead>
                <tbody>
                  <xsl:for-each select="networks/network">
                    <tr>
                      <td><xsl:value-of select="code"/></td>
                      <td><xsl:value-of select="name"/></td>
                      <td><xsl:value-of select="short_name"/></td>
                      <td><a href="/agent/admin/structures?reseau={id}"><xsl:value-of select="structures"/></a></td>
                      <td><a class="fr-link" href="/agent/admin/reseaux/{id}">Modifier<span class="fr-sr-only"> le réseau <xsl:value-of select="name"/></span></a></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><p>Aucun réseau n'a encore été créé.</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
