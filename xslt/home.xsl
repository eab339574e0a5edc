<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl — route "home" (/).
     Data: <engagements><engagement><number/><theme/><text/></engagement>…</engagements>
           <news><item><slug/><title/><summary/><published_at/></item>…</news> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">Accueil</xsl:template>

  <xsl:template match="page" mode="content">
    <!-- Hero -->
    <div class="spp-hero">
      <div class="fr-container fr-py-8w">
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
          <div class="fr-col-12 fr-col-md-8">
            <h1 class="spp-hero__title fr-display--sm">Services Publics+</h1>
            <p class="fr-text--lead">Services Publics+ est le programme d'amélioration continue des services publics. Partagez votre expérience avec une administration, consultez les résultats de qualité de service près de chez vous et découvrez comment vos avis font évoluer les services publics.</p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><a class="fr-btn" href="/donner-mon-avis">Donner mon avis</a></li>
              <li><a class="fr-btn fr-btn--secondary" href="/experiences">Consulter les expériences</a></li>
            </ul>
          </div>
          <div class="fr-col-12 fr-col-md-4 fr-hidden fr-unhidden-md">
            <svg aria-hidden="true" class="fr-artwork spp-hero__art" viewBox="0 0 80 80" width="200" height="200">
              <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/environment/human-cooperation.svg#artwork-decorative"/>
              <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/environment/human-cooperation.svg#artwork-minor"/>
              <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/environment/human-cooperation.svg#artwork-major"/>
            </svg>
          </div>
        </div>
      </div>
    </div>

    <!-- Engagements -->
    <section id="engagements" class="fr-container fr-py-6w" aria-labelledby="titre-engagements">
      <h2 id="titre-engagements">Les 9 engagements Services Publics+</h2>
      <p>Les administrations et services publics engagés dans le programme s'engagent à respecter ces 9 engagements, regroupés en trois thèmes.</p>
      <xsl:call-template name="engagements-themes">
        <xsl:with-param name="level" select="3"/>
      </xsl:call-template>
      <p class="fr-mt-4w">
        <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/engagements">En savoir plus sur les engagements</a>
      </p>
    </section>

    <!-- Features: the eight tiles written out (static markup: no template
         call, no parameter, no attribute value template to evaluate) -->
    <section class="fr-container fr-pb-6w" aria-labelledby="titre-services">
      <h2 id="titre-services">Agir avec Services Publics+</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/donner-mon-avis">Donner mon avis</a></h3>
                <p class="fr-tile__desc">Partagez votre expérience avec un service public, positive ou négative.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/digital/mail-send.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/digital/mail-send.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/digital/mail-send.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/experiences">Consulter les expériences</a></h3>
                <p class="fr-tile__desc">Lisez les expériences des usagers et les réponses des administrations.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/leisure/community.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/leisure/community.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/leisure/community.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/resultats">Consulter les résultats près de chez vous</a></h3>
                <p class="fr-tile__desc">Satisfaction, délais, accueil téléphonique : les résultats de vos services publics.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/map/location-france.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/map/location-france.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/map/location-france.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/signaler-un-document">Signaler un document administratif complexe</a></h3>
                <p class="fr-tile__desc">Un courrier ou un formulaire incompréhensible ? Aidez-nous à le simplifier.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/document/document-search.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/document/document-search.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/document/document-search.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/documents-simplifies">Consulter des exemples de documents administratifs simplifiés</a></h3>
                <p class="fr-tile__desc">Découvrez des documents avant et après leur simplification.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/document/document.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/document/document.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/document/document.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/usagers-testeurs">Devenir usager testeur</a></h3>
                <p class="fr-tile__desc">Testez de nouveaux services et documents avant leur mise en ligne.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/digital/avatar.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/digital/avatar.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/digital/avatar.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/actions-amelioration">Les actions d'amélioration</a></h3>
                <p class="fr-tile__desc">Les améliorations engagées par les services publics grâce à vos avis.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/digital/innovation.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/digital/innovation.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/digital/innovation.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
        <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div class="fr-tile fr-enlarge-link">
            <div class="fr-tile__body">
              <div class="fr-tile__content">
                <h3 class="fr-tile__title"><a href="/donnees">Données ouvertes</a></h3>
                <p class="fr-tile__desc">Téléchargez les expériences, les structures et les résultats en CSV ou JSON.</p>
              </div>
            </div>
            <div class="fr-tile__header">
              <div class="fr-tile__pictogram">
                <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
                  <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/digital/data-visualization.svg#artwork-decorative"/>
                  <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/digital/data-visualization.svg#artwork-minor"/>
                  <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/digital/data-visualization.svg#artwork-major"/>
                </svg>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>

    <!-- News -->
    <section class="fr-container fr-pb-8w" aria-labelledby="titre-actualites">
      <h2 id="titre-actualites">Dernières actualités</h2>
      <xsl:choose>
        <xsl:when test="news/item">
          <div class="fr-grid-row fr-grid-row--gutters">
            <xsl:for-each select="news/item[position() &lt;= 3]">
              <div class="fr-col-12 fr-col-md-4">
                <xsl:call-template name="news-card">
                  <xsl:with-param name="level" select="3"/>
                </xsl:call-template>
              </div>
            </xsl:for-each>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p>Aucune actualité pour le moment.</p>
        </xsl:otherwise>
      </xsl:choose>
      <p class="fr-mt-4w">
        <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/actualites">Toutes les actualités</a>
      </p>
    </section>
  </xsl:template>

  <!-- One tile (the home page writes its tiles out; kept for page variants). -->
  <xsl:template name="tile">
    <xsl:param name="href"/>
    <xsl:param name="title"/>
    <xsl:param name="desc"/>
    <xsl:param name="picto"/>
    <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <div class="fr-tile fr-enlarge-link">
        <div class="fr-tile__body">
          <div class="fr-tile__content">
            <h3 class="fr-tile__title"><a href="{$href}"><xsl:value-of select="$title"/></a></h3>
            <p class="fr-tile__desc"><xsl:value-of select="$desc"/></p>
          </div>
        </div>
        <div class="fr-tile__header">
          <div class="fr-tile__pictogram">
            <svg aria-hidden="true" class="fr-artwork" viewBox="0 0 80 80" width="80" height="80">
              <use class="fr-artwork-decorative" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-decorative"/>
              <use class="fr-artwork-minor" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-minor"/>
              <use class="fr-artwork-major" href="/static/dsfr/artwork/pictograms/{$picto}.svg#artwork-major"/>
            </svg>
          </div>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
