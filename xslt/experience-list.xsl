<?xml version="1.0" encoding="UTF-8"?>
<!--
  experience-list.xsl — route "experiences" (/experiences): the published
  experiences, newest first, with the keyword / organisme / network filter.
  Data: <filter><q/><q-error/><no-words/><ignored-words/><too-deep/><capped/>
          <organisme><id/><name/><commune/><postal_code/><network/></organisme>
          <reseau><id/><name/><short_name/></reseau></filter>
        <networks><network><id/><short_name/></network>…</networks>
        <experiences total="N" [approx="1"]><experience frag="K"><id/><title/><excerpt/>
          <feeling/><published_at/><pseudonym/><answered/>
          <structures><structure><id/><name/></structure>…</structures>
        </experience>…</experiences>
        (<experience frag="K" cached="1"/>: the worker's fragment cache holds
        that card's HTML under K, fcgi/fragment.c)
        <pagination><page/><pages/><total/></pagination>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:str="http://exslt.org/strings"
    xmlns:frag="urn:spplus:fragment"
    extension-element-prefixes="str"
    exclude-result-prefixes="str frag">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:variable name="flt" select="$page/filter"/>
  <xsl:variable name="reseau-id" select="string($flt/reseau/id)"/>
  <!-- The query string of the current filter, for the pagination links. -->
  <xsl:variable name="filter-qs">
    <xsl:if test="normalize-space($flt/q) != '' and not($flt/q-error)">
      <xsl:text>q=</xsl:text>
      <xsl:value-of select="str:encode-uri(string($flt/q), true())"/>
      <xsl:text>&amp;</xsl:text>
    </xsl:if>
    <xsl:if test="$flt/organisme/id">
      <xsl:value-of select="concat('organisme=', $flt/organisme/id, '&amp;')"/>
    </xsl:if>
    <xsl:if test="$flt/reseau/id">
      <xsl:value-of select="concat('reseau=', $flt/reseau/id, '&amp;')"/>
    </xsl:if>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:text>Les expériences des usagers</xsl:text>
    <xsl:if test="normalize-space($flt/q) != ''">
      <xsl:text> — recherche « </xsl:text>
      <xsl:value-of select="substring(normalize-space($flt/q), 1, 60)"/>
      <xsl:text> »</xsl:text>
    </xsl:if>
    <xsl:if test="number($page/pagination/page) &gt; 1">
      <xsl:text> — page </xsl:text>
      <xsl:value-of select="$page/pagination/page"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Les expériences'"/>
      </xsl:call-template>
      <h1>Les expériences des usagers</h1>
      <p class="fr-text--lead">Les usagers partagent leur expérience avec les services publics, et les services leur répondent. Chaque expérience est relue par un modérateur avant sa publication.</p>
      <p><a class="fr-btn fr-icon-chat-3-line fr-btn--icon-left" href="/donner-mon-avis">Donner mon avis</a></p>
      <xsl:call-template name="filter-form"/>
      <xsl:call-template name="notices"/>
      <xsl:call-template name="results"/>
    </div>
  </xsl:template>

  <!-- The GET filter form: keywords and network (an organisme filter comes
       from the links on structure names and can be removed). -->
  <xsl:template name="filter-form">
    <form method="get" action="/experiences" class="fr-mb-4w spp-filters" role="search">
      <xsl:if test="$flt/organisme/id">
        <input type="hidden" name="organisme" value="{$flt/organisme/id}"/>
      </xsl:if>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-input-group">
            <xsl:if test="$flt/q-error">
              <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
            </xsl:if>
            <label class="fr-label" for="q">Mots-clés
              <span class="fr-hint-text">Par exemple : passeport, rendez-vous, allocation</span>
            </label>
            <input class="fr-input" type="search" id="q" name="q" value="{$flt/q}">
              <xsl:if test="$flt/q-error">
                <xsl:attribute name="aria-describedby">q-msg</xsl:attribute>
                <xsl:attribute name="aria-invalid">true</xsl:attribute>
              </xsl:if>
            </input>
            <xsl:if test="$flt/q-error">
              <p class="fr-error-text" id="q-msg"><xsl:value-of select="$flt/q-error"/></p>
            </xsl:if>
          </div>
        </div>
        <xsl:if test="not($flt/organisme/id)">
          <div class="fr-col-12 fr-col-md-4">
            <div class="fr-select-group">
              <label class="fr-label" for="reseau">Réseau</label>
              <select class="fr-select" id="reseau" name="reseau">
                <option value="">Tous les réseaux</option>
                <xsl:choose>
                  <!-- no network chosen (the usual case): no per-option test -->
                  <xsl:when test="$reseau-id = ''">
                    <xsl:for-each select="$page/networks/network">
                      <option value="{id}"><xsl:value-of select="short_name"/></option>
                    </xsl:for-each>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:for-each select="$page/networks/network">
                      <option value="{id}">
                        <xsl:if test="id = $reseau-id">
                          <xsl:attribute name="selected">selected</xsl:attribute>
                        </xsl:if>
                        <xsl:value-of select="short_name"/>
                      </option>
                    </xsl:for-each>
                  </xsl:otherwise>
                </xsl:choose>
              </select>
            </div>
          </div>
        </xsl:if>
        <div class="fr-col-12 fr-col-md-2">
          <button type="submit" class="fr-btn fr-icon-search-line fr-btn--icon-left">Rechercher</button>
        </div>
      </div>
      <xsl:if test="$flt/organisme/id">
        <p class="fr-mt-2w">
          <xsl:text>Organisme : </xsl:text>
          <strong><xsl:value-of select="$flt/organisme/name"/></strong>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="$flt/organisme/commune"/>
          <xsl:text>, </xsl:text>
          <xsl:value-of select="$flt/organisme/network"/>
          <xsl:text>, et ses structures rattachées) </xsl:text>
          <a class="fr-link fr-icon-close-line fr-link--icon-right fr-ml-1w">
            <xsl:attribute name="href">
              <xsl:text>/experiences</xsl:text>
              <xsl:if test="normalize-space($flt/q) != '' and not($flt/q-error)">
                <xsl:value-of select="concat('?q=', str:encode-uri(string($flt/q), true()))"/>
              </xsl:if>
            </xsl:attribute>
            <xsl:text>Retirer ce filtre</xsl:text>
          </a>
        </p>
      </xsl:if>
    </form>
  </xsl:template>

  <xsl:template name="notices">
    <xsl:if test="$flt/q-error">
      <xsl:call-template name="xp-alert">
        <xsl:with-param name="type" select="'error'"/>
        <xsl:with-param name="title" select="'La recherche n’a pas pu être faite'"/>
        <xsl:with-param name="text" select="concat('Mots-clés : ', $flt/q-error)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$flt/no-words">
      <xsl:call-template name="xp-alert">
        <xsl:with-param name="title" select="'Votre recherche ne contient aucun mot significatif'"/>
        <xsl:with-param name="text" select="'Les mots très courants (le, de, pour…) sont ignorés : toutes les expériences sont affichées.'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$flt/ignored-words">
      <xsl:call-template name="xp-alert">
        <xsl:with-param name="type" select="'warning'"/>
        <xsl:with-param name="title" select="'Seuls les 4 premiers mots de votre recherche ont été pris en compte'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$flt/too-deep or $flt/capped">
      <xsl:call-template name="xp-alert">
        <xsl:with-param name="type" select="'warning'"/>
        <xsl:with-param name="title" select="concat('Les résultats sont limités aux ', $flt/too-deep | $flt/capped, ' premières pages')"/>
        <xsl:with-param name="text" select="'Précisez votre recherche avec des mots-clés, un réseau ou un organisme pour trouver des expériences plus anciennes.'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One experience card (the context node is an <experience>). -->
  <xsl:template name="card">
    <li class="spp-xp-item fr-py-3w">
      <h2 class="fr-h5 fr-mb-1w">
        <a href="/experiences/{id}"><xsl:value-of select="title"/></a>
      </h2>
      <ul class="fr-badges-group fr-mb-1w">
        <li>
          <xsl:call-template name="xp-feeling-badge">
            <xsl:with-param name="f" select="string(feeling)"/>
          </xsl:call-template>
        </li>
        <xsl:if test="answered = '1'">
          <li><xsl:call-template name="xp-answered-badge"/></li>
        </xsl:if>
      </ul>
      <p class="fr-text--sm spp-meta fr-mb-1w">
        <xsl:text>Publiée le </xsl:text>
        <!-- « 1er décembre 2026 » formatted by the worker (list_row, page_date) -->
        <xsl:choose>
          <xsl:when test="published_at/@fr">
            <time datetime="{substring(published_at, 1, 10)}"><xsl:value-of select="published_at/@fr"/></time>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="time-fr">
              <xsl:with-param name="date" select="published_at"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> par </xsl:text>
        <span class="spp-pseudo"><xsl:value-of select="pseudonym"/></span>
        <xsl:text> — </xsl:text>
        <xsl:for-each select="structures/structure">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <a href="/experiences?organisme={id}"><xsl:value-of select="name"/></a>
        </xsl:for-each>
      </p>
      <p class="fr-mb-0"><xsl:value-of select="excerpt"/></p>
    </li>
  </xsl:template>

  <xsl:template name="results">
    <xsl:variable name="list" select="$page/experiences"/>
    <xsl:if test="$list">
      <p class="spp-meta" role="status">
        <xsl:choose>
          <xsl:when test="number($list/@total) = 0">Aucune expérience ne correspond à votre recherche.</xsl:when>
          <xsl:otherwise>
            <xsl:if test="$list/@approx">Environ </xsl:if>
            <xsl:value-of select="format-number($list/@total, '#&#160;##0', 'fr')"/>
            <xsl:choose>
              <xsl:when test="number($list/@total) = 1"> expérience publiée</xsl:when>
              <xsl:otherwise> expériences publiées</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="number($page/pagination/pages) &gt; 1">
              <xsl:text> — page </xsl:text>
              <xsl:value-of select="$page/pagination/page"/>
              <xsl:text> sur </xsl:text>
              <xsl:value-of select="$page/pagination/pages"/>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:if test="number($list/@total) &gt; 0 and not($list/experience)">
        <p>Il n'y a pas d'autre résultat sur cette page. <a href="/experiences?{$filter-qs}page=1">Revenir à la première page</a></p>
      </xsl:if>
      <ul class="fr-raw-list spp-xp-list">
        <!-- each card is rendered once per worker: frag:store keeps its
             HTML under the key of its data, frag:use writes it again -->
        <xsl:for-each select="$list/experience">
          <xsl:choose>
            <xsl:when test="@cached"><frag:use key="{@frag}"/></xsl:when>
            <xsl:otherwise><frag:store key="{@frag}"><xsl:call-template name="card"/></frag:store></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </ul>
      <div class="fr-mt-4w">
        <xsl:call-template name="pagination">
          <xsl:with-param name="base" select="concat('/experiences?', $filter-qs, 'page=')"/>
          <xsl:with-param name="current" select="$page/pagination/page"/>
          <xsl:with-param name="pages" select="$page/pagination/pages"/>
        </xsl:call-template>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:decimal-format name="fr" grouping-separator="&#160;" decimal-separator=","/>

</xsl:stylesheet>
