<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-structures.xsl — route "admin-structures" (/agent/admin/structures?reseau=ID).
     Data: <networks><network><id/><code/><name/><short_name/><structures/></network>…</networks>
           <network><id/><code/><name/><short_name/></network> (the one shown)
           <structures><structure><id/><parent_id/><code_sp/><name/><typology/><postal_code/>
           <commune/><depth/><active/></structure>…</structures>
     The tree (structure mère → structures filles) is rebuilt here from parent_id. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:key name="children" match="/page/structures/structure" use="parent_id"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Structures</xsl:text>
    <xsl:if test="network/name"> — <xsl:value-of select="network/name"/></xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'structures'"/>
      <xsl:with-param name="title" select="'Structures'"/>
      <xsl:with-param name="items"><item href="/agent/admin">Administration</item></xsl:with-param>
      <xsl:with-param name="body">
        <h1>Structures</h1>
        <xsl:if test="params/query/param[@name = 'ok']">
          <xsl:call-template name="success">
            <xsl:with-param name="text" select="'La structure a été enregistrée.'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="count(networks/network) &gt; 1">
          <form method="get" action="/agent/admin/structures" class="fr-mb-4w">
            <div class="fr-select-group">
              <label class="fr-label" for="reseau">Réseau</label>
              <select class="fr-select" id="reseau" name="reseau">
                <xsl:for-each select="networks/network">
                  <option value="{id}">
                    <xsl:if test="id = /page/network/id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="name"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary">Afficher</button>
          </form>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="network/id">
            <h2><xsl:value-of select="network/name"/></h2>
            <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/agent/admin/structures/nouvelle?reseau={network/id}">Créer une structure</a></p>
            <xsl:choose>
              <xsl:when test="structures/structure">
                <p class="spp-meta"><xsl:value-of select="count(structures/structure)"/> structure(s)</p>
                <ul class="spp-tree">
                  <xsl:apply-templates select="structures/structure[not(parent_id)]" mode="tree"/>
                </ul>
              </xsl:when>
              <xsl:otherwise><p>Ce réseau n'a encore aucune structure.</p></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise><p>Aucun réseau à afficher.</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="structure" mode="tree">
    <li id="s{id}" class="spp-tree__item">
      <p class="fr-mb-1v">
        <strong><xsl:value-of select="name"/></strong>
        <xsl:text> </xsl:text>
        <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon"><xsl:value-of select="code_sp"/></span>
        <xsl:if test="active = '0'">
          <xsl:text> </xsl:text><span class="fr-badge fr-badge--sm">inactive</span>
        </xsl:if>
        <br/>
        <span class="fr-text--sm spp-meta">
          <xsl:value-of select="typology"/>
          <xsl:if test="normalize-space(commune) != ''">
            <xsl:text> — </xsl:text><xsl:value-of select="postal_code"/><xsl:text> </xsl:text><xsl:value-of select="commune"/>
          </xsl:if>
        </span>
        <br/>
        <a class="fr-link fr-link--sm" href="/agent/admin/structures/{id}">Modifier<span class="fr-sr-only"> <xsl:value-of select="name"/></span></a>
        <xsl:text> · </xsl:text>
        <a class="fr-link fr-link--sm" href="/agent/admin/structures/nouvelle?reseau={/page/network/id}&amp;parent={id}">Ajouter une structure fille<span class="fr-sr-only"> à <xsl:value-of select="name"/></span></a>
      </p>
      <xsl:variable name="kids" select="key('children', id)"/>
      <xsl:if test="$kids">
        <ul class="spp-tree">
          <xsl:apply-templates select="$kids" mode="tree"/>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
