<?xml version="1.0" encoding="UTF-8"?>
<!--
  experience-detail.xsl — route "experience" (/experiences/<id>): one
  published experience, the structures concerned with their published
  answers, and the public improvement actions linked to it.
  Data: <experience><id/><title/><body><p/>…</body><feeling/><event_date/>
          <published_at/><pseudonym/>
          <channels><channel><code/><label/><feeling/></channel>…</channels>
          <structures><structure><id/><name/><commune/><network/>
            [<answer_body><p/>…</answer_body><answer_formula/><answer_signature/>
             <answer_published_at/>]</structure>…</structures>
          <actions><action><id/><title/><description/><status/>
            <engagement_number/><structure/></action>…</actions>
        </experience>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:variable name="xp" select="/page/experience"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="$xp/title"/>
    <xsl:text> — Les expériences</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="$xp/title"/>
        <xsl:with-param name="parent-href" select="'/experiences'"/>
        <xsl:with-param name="parent-label" select="'Les expériences'"/>
      </xsl:call-template>
      <div class="fr-grid-row fr-grid-row--gutters">
        <article class="fr-col-12 fr-col-lg-8">
          <h1 class="spp-break"><xsl:value-of select="$xp/title"/></h1>
          <ul class="fr-badges-group fr-mb-2w">
            <li>
              <xsl:call-template name="xp-feeling-badge">
                <xsl:with-param name="f" select="string($xp/feeling)"/>
                <xsl:with-param name="prefix" select="'Ressenti général : '"/>
              </xsl:call-template>
            </li>
            <xsl:if test="$xp/structures/structure/answer_body">
              <li><xsl:call-template name="xp-answered-badge"/></li>
            </xsl:if>
          </ul>
          <p class="spp-meta fr-text--sm">
            <xsl:text>Publiée le </xsl:text>
            <xsl:choose>
              <xsl:when test="$xp/published_at/@fr">
                <time datetime="{substring($xp/published_at, 1, 10)}"><xsl:value-of select="$xp/published_at/@fr"/></time>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="time-fr">
                  <xsl:with-param name="date" select="$xp/published_at"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text> par </xsl:text>
            <span class="spp-pseudo"><xsl:value-of select="$xp/pseudonym"/></span>
            <xsl:text> — expérience vécue le </xsl:text>
            <xsl:choose>
              <xsl:when test="$xp/event_date/@fr">
                <time datetime="{substring($xp/event_date, 1, 10)}"><xsl:value-of select="$xp/event_date/@fr"/></time>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="time-fr">
                  <xsl:with-param name="date" select="$xp/event_date"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </p>
          <div class="spp-rich spp-break">
            <xsl:call-template name="paras">
              <xsl:with-param name="body" select="$xp/body"/>
            </xsl:call-template>
          </div>

          <xsl:if test="$xp/channels/channel">
            <h2 class="fr-h4 fr-mt-4w">Canaux de contact utilisés</h2>
            <ul>
              <xsl:for-each select="$xp/channels/channel">
                <li>
                  <xsl:value-of select="label"/>
                  <xsl:text> — ressenti </xsl:text>
                  <xsl:choose>
                    <xsl:when test="feeling = 'negatif'">négatif</xsl:when>
                    <xsl:otherwise><xsl:value-of select="feeling"/></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>

          <h2 class="fr-h4 fr-mt-4w">
            <xsl:choose>
              <xsl:when test="count($xp/structures/structure) &gt; 1">Les organismes concernés et leurs réponses</xsl:when>
              <xsl:otherwise>L'organisme concerné et sa réponse</xsl:otherwise>
            </xsl:choose>
          </h2>
          <xsl:for-each select="$xp/structures/structure">
            <section class="fr-card fr-card--no-arrow fr-mb-3w">
              <div class="fr-card__body">
                <div class="fr-card__content">
                  <h3 class="fr-card__title">
                    <a href="/experiences?organisme={id}"><xsl:value-of select="name"/></a>
                  </h3>
                  <p class="fr-card__desc fr-text--sm">
                    <xsl:value-of select="network"/>
                    <xsl:if test="normalize-space(commune) != ''">
                      <xsl:text> — </xsl:text>
                      <xsl:value-of select="commune"/>
                    </xsl:if>
                  </p>
                  <div class="fr-mt-2w">
                    <xsl:choose>
                      <xsl:when test="answer_body">
                        <p class="fr-text--sm spp-meta">
                          <xsl:text>Réponse publiée le </xsl:text>
                          <xsl:choose>
                            <xsl:when test="answer_published_at/@fr">
                              <time datetime="{substring(answer_published_at, 1, 10)}"><xsl:value-of select="answer_published_at/@fr"/></time>
                            </xsl:when>
                            <xsl:otherwise>
                              <xsl:call-template name="time-fr">
                                <xsl:with-param name="date" select="answer_published_at"/>
                              </xsl:call-template>
                            </xsl:otherwise>
                          </xsl:choose>
                        </p>
                        <xsl:call-template name="xp-answer"/>
                      </xsl:when>
                      <xsl:otherwise>
                        <p class="fr-text--sm">Cet organisme n'a pas encore publié de réponse.</p>
                      </xsl:otherwise>
                    </xsl:choose>
                  </div>
                </div>
              </div>
            </section>
          </xsl:for-each>

          <xsl:if test="$xp/actions/action">
            <h2 class="fr-h4 fr-mt-4w">Actions d'amélioration engagées</h2>
            <ul class="fr-raw-list">
              <xsl:for-each select="$xp/actions/action">
                <li class="fr-mb-2w">
                  <h3 class="fr-h6 fr-mb-1v"><xsl:value-of select="title"/></h3>
                  <xsl:call-template name="xp-action-badge">
                    <xsl:with-param name="s" select="string(status)"/>
                  </xsl:call-template>
                  <p class="fr-text--sm fr-mb-0"><xsl:value-of select="structure"/></p>
                  <p class="fr-mb-0"><xsl:value-of select="description"/></p>
                </li>
              </xsl:for-each>
            </ul>
            <p><a class="fr-link" href="/actions-amelioration">Toutes les actions d'amélioration</a></p>
          </xsl:if>
        </article>
        <aside class="fr-col-12 fr-col-lg-4">
          <div class="fr-callout">
            <h2 class="fr-callout__title fr-h5">Vous aussi, partagez votre expérience</h2>
            <p class="fr-callout__text fr-text--sm">Votre avis aide les services publics à s'améliorer. Il est relu avant publication et ne fait jamais apparaître votre adresse électronique.</p>
            <a class="fr-btn" href="/donner-mon-avis">Donner mon avis</a>
          </div>
          <p class="fr-mt-2w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/experiences">Toutes les expériences</a></p>
        </aside>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
