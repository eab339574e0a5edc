<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-agent.xsl — route "admin-agent" (/agent/admin/agents/ID) and its POSTs.
     Data: <agent><id/><username/><display_name/><email/><active/><created_at/><last_login_at/>
           <has_password/></agent>,
           <memberships><membership><id/><role/><structure_id/><code_sp/><structure_name/>
           <network/></membership>…</memberships>, optional <form target="grant">. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:text>Agent </xsl:text><xsl:value-of select="agent/username"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="ok" select="string(params/query/param[@name = 'ok'])"/>
    <xsl:variable name="self" select="string(agent/id) = string(params/user/id)"/>
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="normalize-space(agent/display_name) != ''"><xsl:value-of select="agent/display_name"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="agent/username"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="admin-frame">
      <xsl:with-param name="current" select="'agents'"/>
      <xsl:with-param name="title" select="string($name)"/>
      <xsl:with-param name="items">
        <item href="/agent/admin">Administration</item>
        <item href="/agent/admin/agents">Agents</item>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$name"/></h1>
        <xsl:call-template name="success">
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$ok = 'cree'">Le compte a été créé. Un courriel a été envoyé à l'agent pour qu'il choisisse son mot de passe.</xsl:when>
              <xsl:when test="$ok = 'ajoute'">Le rôle a été attribué.</xsl:when>
              <xsl:when test="$ok = 'existe'">L'agent avait déjà ce rôle sur cette structure.</xsl:when>
              <xsl:when test="$ok = 'retire'">Le rôle a été retiré.</xsl:when>
              <xsl:when test="$ok = 'desactive'">Le compte a été désactivé et ses sessions fermées.</xsl:when>
              <xsl:when test="$ok = 'reactive'">Le compte a été réactivé.</xsl:when>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <dl class="spp-dl">
          <dt>Nom d'utilisateur</dt><dd><xsl:value-of select="agent/username"/></dd>
          <dt>Adresse électronique</dt><dd><xsl:value-of select="agent/email"/></dd>
          <dt>État</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="agent/active = '1'">Actif</xsl:when>
              <xsl:otherwise>Désactivé</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="agent/has_password = '0'"> — mot de passe pas encore choisi</xsl:if>
          </dd>
          <dt>Compte créé le</dt><dd><xsl:value-of select="agent/created_at"/> (UTC)</dd>
          <dt>Dernière connexion</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="agent/last_login_at"><xsl:value-of select="agent/last_login_at"/> (UTC)</xsl:when>
              <xsl:otherwise>jamais</xsl:otherwise>
            </xsl:choose>
          </dd>
        </dl>

        <h2 class="fr-mt-4w">Rôles</h2>
        <xsl:choose>
          <xsl:when test="memberships/membership">
            <div class="fr-table">
              <table>
                <caption>Rôles de l'agent</caption>
                <thead><tr><th scope="col">Rôle</th><th scope="col">Structure</th><th scope="col">Réseau</th><th scope="col">Action</th></tr></thead>
                <tbody>
                  <xsl:for-each select="memberships/membership">
                    <tr>
                      <td><xsl:call-template name="role-label"><xsl:with-param name="role" select="role"/></xsl:call-template></td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="structure_name"><xsl:value-of select="structure_name"/> (<xsl:value-of select="code_sp"/>)</xsl:when>
                          <xsl:otherwise>Toute la plateforme</xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td><xsl:value-of select="network"/></td>
                      <td>
                        <form method="post" action="/agent/admin/agents/{/page/agent/id}/habilitations/retirer" class="spp-inline-form">
                          <xsl:call-template name="csrf"/>
                          <input type="hidden" name="membership" value="{id}"/>
                          <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">Retirer<span class="fr-sr-only"> le rôle <xsl:value-of select="role"/><xsl:text> </xsl:text><xsl:value-of select="code_sp"/></span></button>
                        </form>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><p>Cet agent n'a aucun rôle.</p></xsl:otherwise>
        </xsl:choose>

        <h3>Attribuer un rôle</h3>
        <form method="post" action="/agent/admin/agents/{agent/id}/habilitations" novalidate="novalidate">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="form-errors"><xsl:with-param name="target" select="'grant'"/></xsl:call-template>
          <xsl:call-template name="form-field">
            <xsl:with-param name="target" select="'grant'"/>
            <xsl:with-param name="name" select="'structure'"/>
            <xsl:with-param name="label" select="'Code SP+ de la structure'"/>
            <xsl:with-param name="hint" select="'Vide pour les rôles valables sur toute la plateforme.'"/>
            <xsl:with-param name="maxlength" select="20"/>
          </xsl:call-template>
          <xsl:call-template name="form-select">
            <xsl:with-param name="target" select="'grant'"/>
            <xsl:with-param name="name" select="'role'"/>
            <xsl:with-param name="label" select="'Rôle'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="options"><xsl:call-template name="role-options"/></xsl:with-param>
          </xsl:call-template>
          <button type="submit" class="fr-btn fr-btn--secondary">Attribuer le rôle</button>
        </form>

        <xsl:if test="not($self)">
          <h2 class="fr-mt-6w">Compte</h2>
          <xsl:choose>
            <xsl:when test="agent/active = '1'">
              <form method="post" action="/agent/admin/agents/{agent/id}/desactiver">
                <xsl:call-template name="csrf"/>
                <p>La désactivation ferme immédiatement toutes les sessions de l'agent ; il ne peut plus se connecter.</p>
                <button type="submit" class="fr-btn fr-btn--secondary fr-icon-lock-line fr-btn--icon-left">Désactiver le compte</button>
              </form>
            </xsl:when>
            <xsl:otherwise>
              <form method="post" action="/agent/admin/agents/{agent/id}/reactiver">
                <xsl:call-template name="csrf"/>
                <button type="submit" class="fr-btn fr-btn--secondary fr-icon-lock-unlock-line fr-btn--icon-left">Réactiver le compte</button>
              </form>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
