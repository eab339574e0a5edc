<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-tags.xsl — routes "agent-tags" (GET /agent/tags), "agent-tags-add"
  (POST /agent/tags) and "agent-tags-edit" (POST /agent/tags/<id>):
  tags métiers of the référent's networks, general tags for administrators.
  Data: <networks><network><id/><name/><short_name/><tags><tag><id/><label/><active/><uses/></tag>…</tags></network>…</networks>
        <general><tag>…</tag>…</general>          (administrators)
        on a failed POST: <form>…</form> and, for an edit, <failed-tag>id</failed-tag>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="agent-menu.xsl"/>
  <xsl:include href="agent-experience-common.xsl"/>

  <!-- The agents' navigation instead of the public one. -->
  <xsl:template name="main-nav">
    <xsl:call-template name="agent-menu"/>
  </xsl:template>

  <xsl:variable name="f" select="/page/form/field"/>
  <xsl:variable name="ok" select="string(/page/params/query/param[@name = 'ok'])"/>

  <xsl:template match="page" mode="title">
    <xsl:if test="number(form/@invalid) &gt; 0">Erreur — </xsl:if>
    <xsl:text>Les tags</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les tags'"/>
        <xsl:with-param name="parent-href" select="'/agent'"/>
        <xsl:with-param name="parent-label" select="'Espace agents'"/>
      </xsl:call-template>
      <h1>Les tags</h1>
      <p class="fr-text--lead">Les tags permettent aux agents de qualifier les expériences dans la partie « Organisme ». Les tags métiers sont propres à chaque réseau ; les tags généraux sont communs à toute la plateforme.</p>
      <xsl:if test="number(form/@invalid) &gt; 0">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'error'"/>
          <xsl:with-param name="title" select="'Le tag n’est pas enregistré'"/>
          <xsl:with-param name="text" select="'Corrigez le champ signalé, puis enregistrez à nouveau.'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="not(form) and $ok != ''">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'success'"/>
          <xsl:with-param name="title">
            <xsl:choose>
              <xsl:when test="$ok = '1'">Le tag est ajouté.</xsl:when>
              <xsl:otherwise>Le tag est modifié.</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:for-each select="networks/network">
        <section class="fr-mb-6w" aria-labelledby="reseau-{id}">
          <h2 class="fr-h4" id="reseau-{id}">Tags métiers — <xsl:value-of select="name"/></h2>
          <xsl:call-template name="tag-table">
            <xsl:with-param name="tags" select="tags/tag"/>
            <xsl:with-param name="caption" select="concat('Tags métiers du réseau ', name)"/>
          </xsl:call-template>
          <xsl:call-template name="add-form">
            <xsl:with-param name="network" select="id"/>
            <xsl:with-param name="label" select="'Ajouter un tag métier'"/>
          </xsl:call-template>
        </section>
      </xsl:for-each>
      <xsl:if test="general">
        <section class="fr-mb-6w" aria-labelledby="tags-generaux">
          <h2 class="fr-h4" id="tags-generaux">Tags généraux</h2>
          <xsl:call-template name="tag-table">
            <xsl:with-param name="tags" select="general/tag"/>
            <xsl:with-param name="caption" select="'Tags généraux'"/>
          </xsl:call-template>
          <xsl:call-template name="add-form">
            <xsl:with-param name="network" select="0"/>
            <xsl:with-param name="label" select="'Ajouter un tag général'"/>
          </xsl:call-template>
        </section>
      </xsl:if>
      <xsl:if test="not(networks/network) and not(general)">
        <p>Vous n'êtes référent d'aucun réseau.</p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- One row per tag, each with its own small edit form. -->
  <xsl:template name="tag-table">
    <xsl:param name="tags"/>
    <xsl:param name="caption"/>
    <xsl:choose>
      <xsl:when test="$tags">
        <div class="fr-table fr-table--no-caption">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption><xsl:value-of select="$caption"/></caption>
                  <thead>
                    <tr>
                      <th scope="col">Libellé</th>
                      <th scope="col">Actif</th>
                      <th scope="col">Expériences</th>
                      <th scope="col">Enregistrer</th>
                    </tr>
                  </thead>
                  <tbody>
                    <xsl:for-each select="$tags">
                      <xsl:variable name="failed" select="string(/page/failed-tag) = string(id)"/>
                      <xsl:variable name="err" select="$failed and $f[@name = 'libelle']/@error"/>
                      <tr>
                        <td>
                          <div class="fr-input-group fr-mb-0">
                            <xsl:if test="$err">
                              <xsl:attribute name="class">fr-input-group fr-input-group--error fr-mb-0</xsl:attribute>
                            </xsl:if>
                            <label class="fr-label fr-sr-only" for="tag-{id}">Libellé du tag « <xsl:value-of select="label"/> »</label>
                            <input class="fr-input" type="text" id="tag-{id}" name="libelle" form="form-tag-{id}" maxlength="100">
                              <xsl:attribute name="value">
                                <xsl:choose>
                                  <xsl:when test="$failed"><xsl:value-of select="$f[@name = 'libelle']"/></xsl:when>
                                  <xsl:otherwise><xsl:value-of select="label"/></xsl:otherwise>
                                </xsl:choose>
                              </xsl:attribute>
                              <xsl:if test="$err">
                                <xsl:attribute name="aria-describedby">tag-<xsl:value-of select="id"/>-msg</xsl:attribute>
                              </xsl:if>
                            </input>
                            <xsl:if test="$err">
                              <p class="fr-error-text" id="tag-{id}-msg"><xsl:value-of select="$f[@name = 'libelle']/@error"/></p>
                            </xsl:if>
                          </div>
                        </td>
                        <td>
                          <div class="fr-checkbox-group">
                            <input type="checkbox" id="actif-{id}" name="actif" value="1" form="form-tag-{id}">
                              <xsl:if test="active = '1'">
                                <xsl:attribute name="checked">checked</xsl:attribute>
                              </xsl:if>
                            </input>
                            <label class="fr-label" for="actif-{id}">Actif<span class="fr-sr-only"> : <xsl:value-of select="label"/></span></label>
                          </div>
                        </td>
                        <td><xsl:value-of select="uses"/></td>
                        <td>
                          <form method="post" action="/agent/tags/{id}" id="form-tag-{id}">
                            <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
                            <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">Enregistrer<span class="fr-sr-only"> le tag « <xsl:value-of select="label"/> »</span></button>
                          </form>
                        </td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      </xsl:when>
      <xsl:otherwise><p>Aucun tag pour l'instant.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="add-form">
    <xsl:param name="network"/>
    <xsl:param name="label"/>
    <xsl:variable name="mine" select="$route = 'agent-tags-add' and string($f[@name = 'reseau']) = string($network)"/>
    <form method="post" action="/agent/tags" class="fr-mt-2w">
      <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
      <input type="hidden" name="reseau" value="{$network}"/>
      <div class="fr-input-group">
        <xsl:if test="$mine and $f[@name = 'libelle']/@error">
          <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
        </xsl:if>
        <label class="fr-label" for="nouveau-{$network}"><xsl:value-of select="$label"/>
          <span class="fr-hint-text">100 caractères au maximum.</span>
        </label>
        <input class="fr-input" type="text" id="nouveau-{$network}" name="libelle" maxlength="100">
          <xsl:if test="$mine">
            <xsl:attribute name="value"><xsl:value-of select="$f[@name = 'libelle']"/></xsl:attribute>
            <xsl:if test="$f[@name = 'libelle']/@error">
              <xsl:attribute name="aria-describedby">nouveau-<xsl:value-of select="$network"/>-msg</xsl:attribute>
            </xsl:if>
          </xsl:if>
        </input>
        <xsl:if test="$mine and $f[@name = 'libelle']/@error">
          <p class="fr-error-text" id="nouveau-{$network}-msg"><xsl:value-of select="$f[@name = 'libelle']/@error"/></p>
        </xsl:if>
      </div>
      <button type="submit" class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left">Ajouter</button>
    </form>
  </xsl:template>

</xsl:stylesheet>
