<?xml version="1.0" encoding="UTF-8"?>
<!-- auth-forms.xsl — pieces shared by the login and password pages
     (imported after layout.xsl): DSFR inputs bound to <form><field>,
     alerts, the error summary. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- A DSFR input for the field $name of the page's <form> (any depth);
       shows its message and keeps what was typed (never for passwords). -->
  <xsl:template name="auth-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="hint" select="''"/>
    <xsl:variable name="f" select="/page/*/form/field[@name = $name]"/>
    <xsl:variable name="err" select="string($f/@error)"/>
    <div class="fr-input-group">
      <xsl:if test="$err != ''">
        <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="{$name}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$hint != ''">
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </xsl:if>
      </label>
      <input class="fr-input" type="{$type}" id="{$name}" name="{$name}" required="">
        <xsl:if test="$err != ''">
          <xsl:attribute name="class">fr-input fr-input--error</xsl:attribute>
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-erreur')"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$autocomplete != ''">
          <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
        </xsl:if>
        <xsl:if test="$type != 'password' and string($f) != ''">
          <xsl:attribute name="value"><xsl:value-of select="$f"/></xsl:attribute>
        </xsl:if>
      </input>
      <xsl:if test="$err != ''">
        <p class="fr-error-text" id="{$name}-erreur"><xsl:value-of select="$err"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- <message kind="error|info|success">text</message> as a DSFR alert. -->
  <xsl:template match="message" mode="auth-alert">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@kind = 'error'">error</xsl:when>
        <xsl:when test="@kind = 'success'">success</xsl:when>
        <xsl:otherwise>info</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="fr-alert fr-alert--{$kind} fr-alert--sm fr-mb-3w">
      <xsl:if test="@kind = 'error'"><xsl:attribute name="role">alert</xsl:attribute></xsl:if>
      <xsl:if test="@kind != 'error'"><xsl:attribute name="role">status</xsl:attribute></xsl:if>
      <p><xsl:value-of select="."/></p>
    </div>
  </xsl:template>

  <!-- «Le formulaire contient des erreurs» with links to the fields. -->
  <xsl:template name="auth-error-summary">
    <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
      <p>Le formulaire contient des erreurs :</p>
      <ul>
        <xsl:for-each select="/page/*/form/field[@error]">
          <li>
            <a href="#{@name}">
              <xsl:choose>
                <xsl:when test="@name = 'username'">Nom d'utilisateur</xsl:when>
                <xsl:when test="@name = 'password'">Mot de passe</xsl:when>
                <xsl:when test="@name = 'confirmation'">Confirmation du mot de passe</xsl:when>
                <xsl:when test="@name = 'email'">Adresse électronique</xsl:when>
                <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
              </xsl:choose>
              <xsl:text> : </xsl:text>
              <xsl:value-of select="@error"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

</xsl:stylesheet>
