<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-experiences.xsl — route "agent-experiences" (/agent/experiences):
  «Les expériences», the agents' filtered list.
  Data: <choices><structures><structure><id/><name/><code_sp/><depth/></structure>…</structures>
                 <tags><tag><id/><label/><network/></tag>…</tags></choices>
        <form><field name="etat|structure|filles|du|au|ressenti|tag|attribuee|q|page" error="">…</field></form>
        <filter-query>etat=a_traiter&amp;…&amp;</filter-query>
        <experiences><experience><id/><structure_id/><published_at/><pseudonym/><title/>
          <feeling/><structure/><code_sp/><state/><assignee/><first_answer_at/></experience>…</experiences>
        <pagination><page/><pages/><total/></pagination>
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

  <xsl:template match="page" mode="title">
    <xsl:text>Les expériences</xsl:text>
    <xsl:if test="number(pagination/page) &gt; 1">
      <xsl:text> — page </xsl:text>
      <xsl:value-of select="pagination/page"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les expériences'"/>
        <xsl:with-param name="parent-href" select="'/agent'"/>
        <xsl:with-param name="parent-label" select="'Espace agents'"/>
      </xsl:call-template>
      <h1>Les expériences</h1>
      <p class="fr-text--lead">J'améliore la qualité : je consulte les expériences des usagers qui concernent mes structures et j'y réponds.</p>
      <xsl:if test="params/query/param[@name = 'ok'] = '2'">
        <xsl:call-template name="alert">
          <xsl:with-param name="type" select="'success'"/>
          <xsl:with-param name="title" select="'L’expérience a été réattribuée à la structure fille choisie.'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="filters"/>
      <xsl:choose>
        <xsl:when test="number(form/@invalid) &gt; 0">
          <xsl:call-template name="alert">
            <xsl:with-param name="type" select="'error'"/>
            <xsl:with-param name="title" select="'Les filtres contiennent des erreurs'"/>
            <xsl:with-param name="text" select="'Corrigez les champs signalés, puis cliquez sur « Je recherche ».'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="results"/>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- The filter form (GET: bookmarkable). -->
  <xsl:template name="filters">
    <form method="get" action="/agent/experiences" class="fr-mb-4w" id="filtres">
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Filtrer les expériences</legend>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
          <div class="fr-select-group">
            <label class="fr-label" for="f-etat">État</label>
            <select class="fr-select" id="f-etat" name="etat">
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'toutes'"/>
                <xsl:with-param name="label" select="'Toutes'"/>
                <xsl:with-param name="current" select="$f[@name = 'etat']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'a_traiter'"/>
                <xsl:with-param name="label" select="'À traiter'"/>
                <xsl:with-param name="current" select="$f[@name = 'etat']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'en_attente'"/>
                <xsl:with-param name="label" select="'Réponse en attente de validation'"/>
                <xsl:with-param name="current" select="$f[@name = 'etat']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'repondu'"/>
                <xsl:with-param name="label" select="'Réponse apportée'"/>
                <xsl:with-param name="current" select="$f[@name = 'etat']"/>
              </xsl:call-template>
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-8">
          <div class="fr-select-group">
            <label class="fr-label" for="f-structure">Structure</label>
            <select class="fr-select" id="f-structure" name="structure">
              <option value="">Toutes mes structures</option>
              <xsl:for-each select="choices/structures/structure">
                <option value="{id}">
                  <xsl:if test="string(id) = string($f[@name = 'structure'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="name"/>
                  <xsl:text> (</xsl:text>
                  <xsl:value-of select="code_sp"/>
                  <xsl:text>)</xsl:text>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div class="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
            <input type="checkbox" id="f-filles" name="filles" value="1">
              <xsl:if test="$f[@name = 'filles'] = '1'">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <label class="fr-label" for="f-filles">inclure les structures filles</label>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
          <xsl:call-template name="date-input">
            <xsl:with-param name="name" select="'du'"/>
            <xsl:with-param name="label" select="'Publiée du'"/>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
          <xsl:call-template name="date-input">
            <xsl:with-param name="name" select="'au'"/>
            <xsl:with-param name="label" select="'au'"/>
          </xsl:call-template>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="f-ressenti">Ressenti</label>
            <select class="fr-select" id="f-ressenti" name="ressenti">
              <option value="">Tous</option>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'positif'"/>
                <xsl:with-param name="label" select="'Positif'"/>
                <xsl:with-param name="current" select="$f[@name = 'ressenti']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'neutre'"/>
                <xsl:with-param name="label" select="'Neutre'"/>
                <xsl:with-param name="current" select="$f[@name = 'ressenti']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'negatif'"/>
                <xsl:with-param name="label" select="'Négatif'"/>
                <xsl:with-param name="current" select="$f[@name = 'ressenti']"/>
              </xsl:call-template>
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="f-tag">Tag</label>
            <select class="fr-select" id="f-tag" name="tag">
              <option value="">Tous</option>
              <xsl:for-each select="choices/tags/tag">
                <option value="{id}">
                  <xsl:if test="string(id) = string($f[@name = 'tag'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="label"/>
                  <xsl:if test="normalize-space(network) != ''">
                    <xsl:text> (</xsl:text>
                    <xsl:value-of select="network"/>
                    <xsl:text>)</xsl:text>
                  </xsl:if>
                </option>
              </xsl:for-each>
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
          <div class="fr-select-group">
            <label class="fr-label" for="f-attribuee">Attribuée à</label>
            <select class="fr-select" id="f-attribuee" name="attribuee">
              <option value="">Tout le monde</option>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'moi'"/>
                <xsl:with-param name="label" select="'Moi'"/>
                <xsl:with-param name="current" select="$f[@name = 'attribuee']"/>
              </xsl:call-template>
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="'personne'"/>
                <xsl:with-param name="label" select="'Personne'"/>
                <xsl:with-param name="current" select="$f[@name = 'attribuee']"/>
              </xsl:call-template>
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-8">
          <div>
            <xsl:attribute name="class">
              <xsl:call-template name="error-class">
                <xsl:with-param name="name" select="'q'"/>
                <xsl:with-param name="base" select="'fr-input-group'"/>
              </xsl:call-template>
            </xsl:attribute>
            <label class="fr-label" for="f-q">Mots-clés
              <span class="fr-hint-text">Dans le titre ou la description de l'expérience.</span>
            </label>
            <input class="fr-input" type="search" id="f-q" name="q" value="{$f[@name = 'q']}"/>
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="'q'"/>
            </xsl:call-template>
          </div>
        </div>
        <div class="fr-fieldset__element">
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button type="submit" class="fr-btn fr-icon-search-line fr-btn--icon-left">Je recherche</button></li>
            <li>
              <a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
                  href="/agent/experiences.csv?{filter-query}">Exporter en CSV</a>
            </li>
          </ul>
        </div>
      </fieldset>
    </form>
  </xsl:template>

  <xsl:template name="option">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <option value="{$value}">
      <xsl:if test="string($current) = $value">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </option>
  </xsl:template>

  <xsl:template name="date-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <div>
      <xsl:attribute name="class">
        <xsl:call-template name="error-class">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="base" select="'fr-input-group'"/>
        </xsl:call-template>
      </xsl:attribute>
      <label class="fr-label" for="f-{$name}"><xsl:value-of select="$label"/>
        <span class="fr-hint-text">Format : jj/mm/aaaa</span>
      </label>
      <input class="fr-input" type="date" id="f-{$name}" name="{$name}" value="{$f[@name = $name]}">
        <xsl:if test="$f[@name = $name]/@error">
          <xsl:attribute name="aria-describedby">erreur-<xsl:value-of select="$name"/></xsl:attribute>
        </xsl:if>
      </input>
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- The result table and its pagination. -->
  <xsl:template name="results">
    <h2 class="fr-h4" id="resultats">
      <xsl:choose>
        <xsl:when test="number(pagination/total) = 0">Aucune expérience ne correspond à ces critères</xsl:when>
        <xsl:when test="number(pagination/total) = 1">1 expérience</xsl:when>
        <xsl:otherwise><xsl:value-of select="pagination/total"/> expériences</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="number(pagination/pages) &gt; 1">
        <xsl:text> — page </xsl:text>
        <xsl:value-of select="pagination/page"/>
        <xsl:text> sur </xsl:text>
        <xsl:value-of select="pagination/pages"/>
      </xsl:if>
    </h2>
    <xsl:if test="experiences/experience">
      <div class="fr-table fr-table--no-caption">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            <div class="fr-table__content">
              <table>
                <caption>Liste des expériences</caption>
                <thead>
                  <tr>
                    <th scope="col">Date de publication</th>
                    <th scope="col">Auteur</th>
                    <th scope="col">Titre</th>
                    <th scope="col">Structure</th>
                    <th scope="col">État</th>
                    <th scope="col">Attribuée à</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="experiences/experience">
                    <tr>
                      <td>
                        <xsl:call-template name="time-fr">
                          <xsl:with-param name="date" select="published_at"/>
                        </xsl:call-template>
                      </td>
                      <td><xsl:value-of select="pseudonym"/></td>
                      <td><xsl:value-of select="title"/></td>
                      <td><xsl:value-of select="structure"/></td>
                      <td>
                        <xsl:call-template name="state-badge">
                          <xsl:with-param name="state" select="state"/>
                        </xsl:call-template>
                      </td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="normalize-space(assignee) != ''"><xsl:value-of select="assignee"/></xsl:when>
                          <xsl:otherwise>—</xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td>
                        <a class="fr-link" href="/agent/experiences/{id}?structure={structure_id}">Modifier<span class="fr-sr-only"> l'expérience « <xsl:value-of select="title"/> »</span></a>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-mt-4w">
        <xsl:call-template name="pagination">
          <xsl:with-param name="base" select="concat('/agent/experiences?', filter-query, 'page=')"/>
          <xsl:with-param name="current" select="pagination/page"/>
          <xsl:with-param name="pages" select="pagination/pages"/>
        </xsl:call-template>
      </div>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
