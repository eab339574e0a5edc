<?xml version="1.0" encoding="UTF-8"?>
<!--
  rating.xsl — route "avis-reponse" (/avis-reponse/<token>): the author rates
  the published answer to their experience.
  Data: <rating><answer_id/><rating/><rated_at/><can_change/><change_until/>
          <answer_body><p/>…</answer_body><formula/><signature/><published_at/>
          <structure/><experience_id/><title/><token/>[<thanks/>][<error/>]</rating>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:variable name="rt" select="/page/rating"/>

  <xsl:template match="page" mode="title">Votre avis sur la réponse reçue</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Votre avis sur la réponse'"/>
      </xsl:call-template>
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-8">
          <h1>Votre avis sur la réponse reçue</h1>
          <xsl:if test="$rt/thanks">
            <xsl:call-template name="xp-alert">
              <xsl:with-param name="type" select="'success'"/>
              <xsl:with-param name="title" select="'Merci, votre avis a bien été enregistré.'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$rt/error">
            <xsl:call-template name="xp-alert">
              <xsl:with-param name="type" select="'error'"/>
              <xsl:with-param name="title" select="'Votre avis n’a pas été enregistré'"/>
              <xsl:with-param name="text" select="$rt/error"/>
            </xsl:call-template>
          </xsl:if>
          <p>
            <xsl:text>Votre expérience : </xsl:text>
            <a href="/experiences/{$rt/experience_id}"><xsl:value-of select="$rt/title"/></a>
          </p>
          <section class="fr-card fr-card--no-arrow fr-mb-4w">
            <div class="fr-card__body">
              <div class="fr-card__content">
                <h2 class="fr-card__title fr-h5">
                  <xsl:text>Réponse de </xsl:text>
                  <xsl:value-of select="$rt/structure"/>
                </h2>
                <p class="fr-text--sm spp-meta">
                  <xsl:text>Publiée le </xsl:text>
                  <xsl:call-template name="time-fr">
                    <xsl:with-param name="date" select="$rt/published_at"/>
                  </xsl:call-template>
                </p>
                <xsl:call-template name="xp-answer">
                  <xsl:with-param name="body" select="$rt/answer_body"/>
                  <xsl:with-param name="formula" select="$rt/formula"/>
                  <xsl:with-param name="signature" select="$rt/signature"/>
                </xsl:call-template>
              </div>
            </div>
          </section>
          <xsl:if test="normalize-space($rt/rating) != ''">
            <p>
              <xsl:text>Vous avez indiqué que cette réponse vous a été </xsl:text>
              <strong>
                <xsl:choose>
                  <xsl:when test="$rt/rating = 'utile'">utile</xsl:when>
                  <xsl:otherwise>pas utile</xsl:otherwise>
                </xsl:choose>
              </strong>
              <xsl:text> (le </xsl:text>
              <xsl:call-template name="date-fr">
                <xsl:with-param name="date" select="$rt/rated_at"/>
              </xsl:call-template>
              <xsl:text>).</xsl:text>
              <xsl:choose>
                <xsl:when test="$rt/can_change = '1'">
                  <xsl:text> Vous pouvez modifier votre avis jusqu'au </xsl:text>
                  <xsl:call-template name="date-fr">
                    <xsl:with-param name="date" select="$rt/change_until"/>
                  </xsl:call-template>
                  <xsl:text>.</xsl:text>
                </xsl:when>
                <xsl:otherwise> Il ne peut plus être modifié.</xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:if>
          <xsl:if test="$rt/can_change = '1'">
            <form method="post" action="/avis-reponse/{$rt/token}">
              <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
              <fieldset class="fr-fieldset" aria-labelledby="avis-legend">
                <legend class="fr-fieldset__legend" id="avis-legend">
                  <span class="fr-h4">Cette réponse vous a-t-elle été utile ?</span>
                </legend>
                <div class="fr-fieldset__element">
                  <ul class="fr-btns-group fr-btns-group--inline">
                    <li>
                      <button type="submit" name="avis" value="utile" class="fr-btn fr-icon-thumb-up-line fr-btn--icon-left">
                        <xsl:if test="$rt/rating = 'utile'">
                          <xsl:attribute name="aria-pressed">true</xsl:attribute>
                        </xsl:if>
                        <xsl:text>Utile</xsl:text>
                      </button>
                    </li>
                    <li>
                      <button type="submit" name="avis" value="pas_utile" class="fr-btn fr-btn--secondary fr-icon-thumb-down-line fr-btn--icon-left">
                        <xsl:if test="$rt/rating = 'pas_utile'">
                          <xsl:attribute name="aria-pressed">true</xsl:attribute>
                        </xsl:if>
                        <xsl:text>Pas utile</xsl:text>
                      </button>
                    </li>
                  </ul>
                </div>
              </fieldset>
            </form>
          </xsl:if>
          <p class="fr-text--sm">Ce lien est personnel : il vous a été envoyé par courriel et permet de donner votre avis sur cette seule réponse.</p>
        </div>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
