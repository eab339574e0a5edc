<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-common.xsl — form pieces shared by the profile and administration
  pages (imported after layout.xsl).

  Forms: a failed POST re-renders the page with
    <form target="T" invalid="N"><field name="X" error="…">typed value</field>…</form>
  and each form on the page passes its own target T, so values and messages
  go to the right form only. Values are output as attribute values or text
  nodes: always escaped.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="exsl str">

  <!-- Hidden CSRF field of every POST form. -->
  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
  </xsl:template>

  <!-- The posted <form> of target $target, if this request re-renders it. -->
  <xsl:template name="form-value">
    <xsl:param name="target"/>
    <xsl:param name="name"/>
    <xsl:param name="default" select="''"/>
    <xsl:variable name="f" select="/page/form[@target = $target]"/>
    <xsl:choose>
      <xsl:when test="$f"><xsl:value-of select="$f/field[@name = $name]"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Error summary at the top of a form that came back with errors. -->
  <xsl:template name="form-errors">
    <xsl:param name="target"/>
    <xsl:variable name="f" select="/page/form[@target = $target]"/>
    <xsl:if test="$f and number($f/@invalid) &gt; 0">
      <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
        <p>
          <xsl:text>Le formulaire contient </xsl:text>
          <xsl:choose>
            <xsl:when test="number($f/@invalid) = 1">une erreur</xsl:when>
            <xsl:otherwise><xsl:value-of select="$f/@invalid"/> erreurs</xsl:otherwise>
          </xsl:choose>
          <xsl:text> : corrigez les champs signalés ci-dessous.</xsl:text>
        </p>
      </div>
    </xsl:if>
  </xsl:template>

  <!--
    One DSFR input (or textarea when $type = 'textarea') with its label,
    hint, value and error message.
  -->
  <xsl:template name="form-field">
    <xsl:param name="target"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="default" select="''"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="maxlength" select="''"/>
    <xsl:param name="rows" select="4"/>
    <xsl:param name="id" select="concat($target, '-', $name)"/>
    <xsl:variable name="f" select="/page/form[@target = $target]"/>
    <xsl:variable name="error" select="string($f/field[@name = $name]/@error)"/>
    <xsl:variable name="value">
      <xsl:choose>
        <xsl:when test="$type = 'password'"/>
        <xsl:when test="$f"><xsl:value-of select="$f/field[@name = $name]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="fr-input-group">
      <xsl:if test="$error != ''">
        <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><xsl:text> *</xsl:text></xsl:if>
        <xsl:if test="$hint != ''">
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </xsl:if>
      </label>
      <xsl:choose>
        <xsl:when test="$type = 'textarea'">
          <textarea class="fr-input" id="{$id}" name="{$name}" rows="{$rows}">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="error" select="$error"/>
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="maxlength" select="$maxlength"/>
              <xsl:with-param name="autocomplete" select="$autocomplete"/>
            </xsl:call-template>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:otherwise>
          <input class="fr-input" type="{$type}" id="{$id}" name="{$name}" value="{$value}">
            <xsl:call-template name="field-attrs">
              <xsl:with-param name="error" select="$error"/>
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="maxlength" select="$maxlength"/>
              <xsl:with-param name="autocomplete" select="$autocomplete"/>
            </xsl:call-template>
          </input>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$error != ''">
        <p id="{$id}-msg" class="fr-error-text"><xsl:value-of select="$error"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="field-attrs">
    <xsl:param name="error"/>
    <xsl:param name="id"/>
    <xsl:param name="required"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="autocomplete"/>
    <xsl:if test="$error != ''">
      <xsl:attribute name="class">fr-input fr-input--error</xsl:attribute>
      <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-msg')"/></xsl:attribute>
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$required">
      <xsl:attribute name="required">required</xsl:attribute>
    </xsl:if>
    <xsl:if test="$maxlength != ''">
      <xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="$autocomplete != ''">
      <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    A DSFR select. $options: a result tree of <option value="v">label</option>.
    $empty: label of a first empty option ('' for none).
  -->
  <xsl:template name="form-select">
    <xsl:param name="target"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="options"/>
    <xsl:param name="default" select="''"/>
    <xsl:param name="empty" select="'— Choisir —'"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="id" select="concat($target, '-', $name)"/>
    <xsl:variable name="f" select="/page/form[@target = $target]"/>
    <xsl:variable name="error" select="string($f/field[@name = $name]/@error)"/>
    <xsl:variable name="value">
      <xsl:choose>
        <xsl:when test="$f"><xsl:value-of select="$f/field[@name = $name]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="fr-select-group">
      <xsl:if test="$error != ''">
        <xsl:attribute name="class">fr-select-group fr-select-group--error</xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><xsl:text> *</xsl:text></xsl:if>
        <xsl:if test="$hint != ''">
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </xsl:if>
      </label>
      <select class="fr-select" id="{$id}" name="{$name}">
        <xsl:if test="$error != ''">
          <xsl:attribute name="class">fr-select fr-select--error</xsl:attribute>
          <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-msg')"/></xsl:attribute>
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
        </xsl:if>
        <xsl:if test="$required">
          <xsl:attribute name="required">required</xsl:attribute>
        </xsl:if>
        <xsl:if test="$empty != ''">
          <option value=""><xsl:value-of select="$empty"/></option>
        </xsl:if>
        <xsl:for-each select="exsl:node-set($options)/option">
          <option value="{@value}">
            <xsl:if test="string(@value) = string($value)">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="."/>
          </option>
        </xsl:for-each>
      </select>
      <xsl:if test="$error != ''">
        <p id="{$id}-msg" class="fr-error-text"><xsl:value-of select="$error"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The roles of SPEC §2 as <option>s. -->
  <xsl:template name="role-options">
    <option value="agent">Agent</option>
    <option value="repondant">Répondant</option>
    <option value="super_agent">Super agent</option>
    <option value="super_repondant">Super répondant</option>
    <option value="evaluateur">Évaluateur</option>
    <option value="super_evaluateur">Super évaluateur</option>
    <option value="referent">Référent (réseau)</option>
    <option value="moderateur">Modérateur</option>
    <option value="administrateur">Administrateur</option>
  </xsl:template>

  <!-- role-label (French name of a role) comes from agent-menu.xsl, included by layout.xsl. -->

  <!-- A success message (DSFR alert) when $text is not empty. -->
  <xsl:template name="success">
    <xsl:param name="text"/>
    <xsl:if test="$text != ''">
      <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-4w" role="status">
        <p><xsl:value-of select="$text"/></p>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The value of query parameter $name of this request. -->
  <xsl:template name="query">
    <xsl:param name="name"/>
    <xsl:value-of select="/page/params/query/param[@name = $name]"/>
  </xsl:template>

  <!-- "$path?a=1&b=2&page=": this request's query without its page
       parameter, ready for the pagination template. -->
  <xsl:template name="page-base">
    <xsl:param name="path" select="/page/params/path"/>
    <xsl:value-of select="$path"/>
    <xsl:text>?</xsl:text>
    <xsl:for-each select="/page/params/query/param[@name != 'page' and @name != 'ok' and normalize-space(.) != '']">
      <xsl:value-of select="str:encode-uri(@name, true())"/>
      <xsl:text>=</xsl:text>
      <xsl:value-of select="str:encode-uri(string(.), true())"/>
      <xsl:text>&amp;</xsl:text>
    </xsl:for-each>
    <xsl:text>page=</xsl:text>
  </xsl:template>

  <!-- Side menu of the administration pages. $current: the section. -->
  <xsl:template name="admin-menu">
    <xsl:param name="current" select="''"/>
    <xsl:variable name="caps" select="/page/params/user/cap"/>
    <nav class="fr-sidemenu" role="navigation" aria-labelledby="admin-menu-titre">
      <div class="fr-sidemenu__inner">
        <button type="button" class="fr-sidemenu__btn" aria-controls="admin-menu" aria-expanded="false">Dans cette rubrique</button>
        <div class="fr-collapse" id="admin-menu">
          <p class="fr-sidemenu__title" id="admin-menu-titre">Administration</p>
          <ul class="fr-sidemenu__list">
            <xsl:if test="$caps = 'admin'">
              <xsl:call-template name="admin-menu-item">
                <xsl:with-param name="href" select="'/agent/admin/reseaux'"/>
                <xsl:with-param name="label" select="'Réseaux'"/>
                <xsl:with-param name="current" select="$current = 'reseaux'"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$caps = 'admin' or $caps = 'network'">
              <xsl:call-template name="admin-menu-item">
                <xsl:with-param name="href" select="'/agent/admin/structures'"/>
                <xsl:with-param name="label" select="'Structures'"/>
                <xsl:with-param name="current" select="$current = 'structures'"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$caps = 'admin' or $caps = 'manage_agents'">
              <xsl:call-template name="admin-menu-item">
                <xsl:with-param name="href" select="'/agent/admin/agents'"/>
                <xsl:with-param name="label" select="'Agents'"/>
                <xsl:with-param name="current" select="$current = 'agents'"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$caps = 'admin'">
              <xsl:call-template name="admin-menu-item">
                <xsl:with-param name="href" select="'/agent/admin/journal'"/>
                <xsl:with-param name="label" select="'Journal des actions'"/>
                <xsl:with-param name="current" select="$current = 'journal'"/>
              </xsl:call-template>
            </xsl:if>
          </ul>
        </div>
      </div>
    </nav>
  </xsl:template>

  <xsl:template name="admin-menu-item">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <xsl:param name="current" select="false()"/>
    <li class="fr-sidemenu__item">
      <xsl:if test="$current">
        <xsl:attribute name="class">fr-sidemenu__item fr-sidemenu__item--active</xsl:attribute>
      </xsl:if>
      <a class="fr-sidemenu__link" href="{$href}">
        <xsl:if test="$current">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- Frame of an administration page: breadcrumb, side menu, content. -->
  <xsl:template name="admin-frame">
    <xsl:param name="current" select="''"/>
    <xsl:param name="title"/>
    <xsl:param name="items"/>
    <xsl:param name="body"/>
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="$title"/>
        <xsl:with-param name="items" select="$items"/>
      </xsl:call-template>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-3">
          <xsl:call-template name="admin-menu">
            <xsl:with-param name="current" select="$current"/>
          </xsl:call-template>
        </div>
        <div class="fr-col-12 fr-col-md-9">
          <xsl:copy-of select="$body"/>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
