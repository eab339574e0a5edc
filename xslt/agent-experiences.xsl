<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-experiences.xsl — route "agent-experiences" (/agent/experiences):
  «Les expériences», the agents' filtered list.
  Data: <choices><structures><structure><id/><name/><code_sp/><depth/></structure>…</structures>
                 <tags><tag><id/><label/><network/></tag>…</tags></choices>
        <form><field name="etat|structure|filles|du|au|ressenti|tag|attribuee|q|page" error="">…</field></form>
        <filter-query>etat=a_traiter&amp;…&amp;</filter-query>
        <experiences><experience frag="K"><id/><structure_id/><published_at fr="1er juin 2026"/><pseudonym/>
          <title/><structure/><state/><assignee/> (absent: nobody)</experience>…</experiences>
        (<experience frag="K" cached="1"/>: the worker has that row's HTML, fcgi/fragment.c)
        <frag-form frag="K" [cached="1"]/>, <frag-pagination …/>, <frag-content …/>: the
        same for the form, the pagination and the whole content
        <pagination><page/><pages/><total/></pagination>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:frag="urn:spplus:fragment" exclude-result-prefixes="frag">
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

  <!-- The content reads the form, the rows, the pagination and the «ok»
       of a reassignment, each keyed by the worker: it keeps the whole
       under their keys (frag-content, fcgi/page_agent_experiences.c). -->
  <xsl:template match="page" mode="content">
    <xsl:choose>
      <xsl:when test="frag-content/@cached"><frag:use key="{frag-content/@frag}"/></xsl:when>
      <xsl:when test="frag-content"><frag:store key="{frag-content/@frag}"><xsl:call-template name="content"/></frag:store></xsl:when>
      <xsl:otherwise><xsl:call-template name="content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="content">
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
      <!-- the form reads only choices, form and filter-query: the worker
           keeps its HTML under their digest (fcgi/page_agent_experiences.c) -->
      <xsl:choose>
        <xsl:when test="frag-form/@cached"><frag:use key="{frag-form/@frag}"/></xsl:when>
        <xsl:when test="frag-form"><frag:store key="{frag-form/@frag}"><xsl:call-template name="filters"/></frag:store></xsl:when>
        <xsl:otherwise><xsl:call-template name="filters"/></xsl:otherwise>
      </xsl:choose>
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

  <!-- The filter form (GET: bookmarkable). Each field's value and error
       are read once; the options are written out rather than called (a
       call and its three parameters per option were most of the form's
       cost). -->
  <xsl:template name="filters">
    <xsl:variable name="etat" select="string($f[@name = 'etat'])"/>
    <xsl:variable name="structure" select="string($f[@name = 'structure'])"/>
    <xsl:variable name="ressenti" select="string($f[@name = 'ressenti'])"/>
    <xsl:variable name="tag" select="string($f[@name = 'tag'])"/>
    <xsl:variable name="attribuee" select="string($f[@name = 'attribuee'])"/>
    <xsl:variable name="q" select="$f[@name = 'q']"/>
    <form method="get" action="/agent/experiences" class="fr-mb-4w" id="filtres">
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Filtrer les expériences</legend>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
          <div class="fr-select-group">
            <label class="fr-label" for="f-etat">État</label>
            <select class="fr-select" id="f-etat" name="etat">
              <option value="toutes"><xsl:if test="$etat = 'toutes'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Toutes</option>
              <option value="a_traiter"><xsl:if test="$etat = 'a_traiter'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>À traiter</option>
              <option value="en_attente"><xsl:if test="$etat = 'en_attente'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Réponse en attente de validation</option>
              <option value="repondu"><xsl:if test="$etat = 'repondu'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Réponse apportée</option>
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
                  <xsl:if test="id = $structure">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="concat(name, ' (', code_sp, ')')"/>
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
              <option value="positif"><xsl:if test="$ressenti = 'positif'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Positif</option>
              <option value="neutre"><xsl:if test="$ressenti = 'neutre'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Neutre</option>
              <option value="negatif"><xsl:if test="$ressenti = 'negatif'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Négatif</option>
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
                  <xsl:if test="id = $tag">
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
              <option value="moi"><xsl:if test="$attribuee = 'moi'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Moi</option>
              <option value="personne"><xsl:if test="$attribuee = 'personne'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Personne</option>
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-8">
          <div class="fr-input-group">
            <xsl:if test="$q/@error">
              <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
            </xsl:if>
            <label class="fr-label" for="f-q">Mots-clés
              <span class="fr-hint-text">Dans le titre ou la description de l'expérience.</span>
            </label>
            <input class="fr-input" type="search" id="f-q" name="q" value="{$q}"/>
            <xsl:if test="$q/@error">
              <p class="fr-error-text" id="erreur-q"><xsl:value-of select="$q/@error"/></p>
            </xsl:if>
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

  <!-- A date field of the form, with its error. -->
  <xsl:template name="date-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:variable name="field" select="$f[@name = $name]"/>
    <div class="fr-input-group">
      <xsl:if test="$field/@error">
        <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="f-{$name}"><xsl:value-of select="$label"/>
        <span class="fr-hint-text">Format : jj/mm/aaaa</span>
      </label>
      <input class="fr-input" type="date" id="f-{$name}" name="{$name}" value="{$field}">
        <xsl:if test="$field/@error">
          <xsl:attribute name="aria-describedby">erreur-<xsl:value-of select="$name"/></xsl:attribute>
        </xsl:if>
      </input>
      <xsl:if test="$field/@error">
        <p class="fr-error-text" id="erreur-{$name}"><xsl:value-of select="$field/@error"/></p>
      </xsl:if>
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
                  <!-- One row per experience: the date's French form (fr) and
                       the assignee (only when not blank) come from the worker;
                       the state's badge is written out, not called (a call and
                       its parameter per row cost more than the badge itself). -->
                  <xsl:for-each select="experiences/experience">
                    <xsl:choose>
                      <xsl:when test="@cached"><frag:use key="{@frag}"/></xsl:when>
                      <xsl:otherwise><frag:store key="{@frag}"><xsl:call-template name="row"/></frag:store></xsl:otherwise>
                    </xsl:choose>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <!-- kept like the form, under the digest of pagination and filter-query -->
      <xsl:choose>
        <xsl:when test="frag-pagination/@cached"><frag:use key="{frag-pagination/@frag}"/></xsl:when>
        <xsl:when test="frag-pagination"><frag:store key="{frag-pagination/@frag}"><xsl:call-template name="pagination-block"/></frag:store></xsl:when>
        <xsl:otherwise><xsl:call-template name="pagination-block"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The pagination under the table (the context node is <page>). -->
  <xsl:template name="pagination-block">
    <div class="fr-mt-4w">
      <xsl:call-template name="pagination">
        <xsl:with-param name="base" select="concat('/agent/experiences?', filter-query, 'page=')"/>
        <xsl:with-param name="current" select="pagination/page"/>
        <xsl:with-param name="pages" select="pagination/pages"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- One row of the table (the context node is an <experience>); the
       worker keeps its HTML under the key of its data (frag="…", see
       fcgi/fragment.c) and sends cached="1" when it has it. -->
  <xsl:template name="row">
    <tr>
      <td>
        <xsl:choose>
          <xsl:when test="published_at/@fr"><time datetime="{substring(published_at, 1, 10)}"><xsl:value-of select="published_at/@fr"/></time></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="time-fr">
              <xsl:with-param name="date" select="published_at"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td><xsl:value-of select="pseudonym"/></td>
      <td><xsl:value-of select="title"/></td>
      <td><xsl:value-of select="structure"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="state = 'a_traiter'"><p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--new">À traiter</p></xsl:when>
          <xsl:when test="state = 'repondu'"><p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--success">Réponse apportée</p></xsl:when>
          <xsl:when test="state = 'en_attente'"><p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--info">Réponse en attente de validation</p></xsl:when>
          <xsl:when test="state = 'brouillon'"><p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--warning">À traiter (brouillon de réponse)</p></xsl:when>
          <xsl:otherwise><p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--new"><xsl:value-of select="state"/></p></xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="assignee"><xsl:value-of select="assignee"/></xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <a class="fr-link" href="/agent/experiences/{id}?structure={structure_id}">Modifier<span class="fr-sr-only"> l'expérience « <xsl:value-of select="title"/> »</span></a>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
