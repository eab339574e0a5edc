<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-structure-form.xsl — routes admin-structure-new/create/edit/update.
     Data: <network><id/><code/><name/></network>, <typologies><typology><id/><code/><label/></typology>…,
           <departements><departement><code/><name/></departement>…,
           edit only: <structure><id/><network_id/><code_sp/><name/><path/><depth/><parent_id/>
           <parent_code/><parent_name/></structure>, <children><child><id/><code_sp/><name/></child>…,
           <form target="structure-new|structure-edit"> (values to show). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:variable name="edit" select="boolean(/page/structure/id)"/>
  <xsl:variable name="target">
    <xsl:choose>
      <xsl:when test="$edit">structure-edit</xsl:when>
      <xsl:otherwise>structure-new</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$edit">Modifier la structure</xsl:when>
      <xsl:otherwise>Créer une structure</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="title"><xsl:apply-templates select="." mode="title"/></xsl:variable>
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'structures'"/>
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="items">
        <item href="/agent/admin">Administration</item>
        <item href="/agent/admin/structures?reseau={network/id}">Structures</item>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <p>Réseau : <strong><xsl:value-of select="network/name"/></strong></p>
        <form method="post" novalidate="novalidate">
          <xsl:attribute name="action">
            <xsl:choose>
              <xsl:when test="$edit">/agent/admin/structures/<xsl:value-of select="structure/id"/></xsl:when>
              <xsl:otherwise>/agent/admin/structures/nouvelle</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="csrf"/>
          <xsl:if test="not($edit)">
            <input type="hidden" name="network" value="{network/id}"/>
          </xsl:if>
          <xsl:call-template name="form-errors"><xsl:with-param name="target" select="$target"/></xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'code_sp'"/>
            <xsl:with-param name="label" select="'Code SP+'"/>
            <xsl:with-param name="hint" select="'Unique sur la plateforme : lettres sans accent, chiffres, tirets.'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="20"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="label" select="'Nom'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="maxlength" select="255"/>
          </xsl:call-template>
          <xsl:call-template name="form-select">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'typology'"/>
            <xsl:with-param name="label" select="'Typologie'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="options">
              <xsl:for-each select="typologies/typology">
                <option value="{id}"><xsl:value-of select="label"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'parent_code'"/>
            <xsl:with-param name="label" select="'Code SP+ de la structure mère'"/>
            <xsl:with-param name="hint" select="'Laissez vide pour une structure de premier niveau. La structure mère doit appartenir au même réseau ; ses structures filles suivent la structure déplacée.'"/>
            <xsl:with-param name="maxlength" select="20"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'address'"/>
            <xsl:with-param name="label" select="'Adresse'"/>
            <xsl:with-param name="autocomplete" select="'street-address'"/>
            <xsl:with-param name="maxlength" select="255"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'postal_code'"/>
            <xsl:with-param name="label" select="'Code postal'"/>
            <xsl:with-param name="hint" select="'5 chiffres'"/>
            <xsl:with-param name="autocomplete" select="'postal-code'"/>
            <xsl:with-param name="maxlength" select="5"/>
          </xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'commune'"/>
            <xsl:with-param name="label" select="'Commune'"/>
            <xsl:with-param name="maxlength" select="100"/>
          </xsl:call-template>
          <xsl:call-template name="form-select">
            <xsl:with-param name="target" select="$target"/>
            <xsl:with-param name="name" select="'departement'"/>
            <xsl:with-param name="label" select="'Département'"/>
            <xsl:with-param name="empty" select="'— Aucun —'"/>
            <xsl:with-param name="options">
              <xsl:for-each select="departements/departement">
                <option value="{code}"><xsl:value-of select="code"/> — <xsl:value-of select="name"/></option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button type="submit" class="fr-btn">Enregistrer</button></li>
            <li><a class="fr-btn fr-btn--secondary" href="/agent/admin/structures?reseau={network/id}">Annuler</a></li>
          </ul>
        </form>
        <xsl:if test="$edit">
          <h2 class="fr-mt-6w">Structures filles</h2>
          <xsl:choose>
            <xsl:when test="children/child">
              <ul>
                <xsl:for-each select="children/child">
                  <li><a href="/agent/admin/structures/{id}"><xsl:value-of select="name"/></a> (<xsl:value-of select="code_sp"/>)</li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p>Cette structure n'a pas de structure fille.</p></xsl:otherwise>
          </xsl:choose>
          <p><a class="fr-link fr-icon-add-line fr-link--icon-left" href="/agent/admin/structures/nouvelle?reseau={network/id}&amp;parent={structure/id}">Ajouter une structure fille</a></p>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
