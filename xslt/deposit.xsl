<?xml version="1.0" encoding="UTF-8"?>
<!--
  deposit.xsl — route "donner-mon-avis" (/donner-mon-avis): the deposit
  form of an experience. Works without JavaScript: the organisme search
  is a submit button of the same form (action=rechercher), so nothing
  typed is lost; deposit.js only adds conveniences.
  Data: <deposit><date-min/><date-max/>
          <form [sending="1" errors="N"]><submit-key/>
            <field name="recherche|titre|description|ressenti|date|pseudo|france|
                         code_postal|email|charte|submit_key|source|code|action"
                   [error="…"]>typed value</field>…
            <organismes [error="…"]><structure><id/><name/><commune/><postal_code/><network/></structure>…</organismes>
            [<search count="N" [more="1"] [error="…"]><structure>…</structure>…</search>]
            <channels [error="…"]><channel code="…" [checked="1"] [feeling="…"] [error="…"]>label</channel>…</channels>
          </form></deposit>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="experience-common.xsl"/>

  <xsl:variable name="d" select="/page/deposit"/>
  <xsl:variable name="F" select="$d/form/field"/>
  <xsl:variable name="sending" select="$d/form/@sending = '1'"/>

  <xsl:template name="head-extra">
    <script src="/static/js/deposit.js" defer="defer"></script>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:if test="$sending and number($d/form/@errors) &gt; 0">
      <xsl:text>Erreur : </xsl:text>
    </xsl:if>
    <xsl:text>Donner mon avis</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="'Donner mon avis'"/>
      </xsl:call-template>
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>Donner mon avis</h1>
          <p class="fr-text--lead">Racontez votre expérience avec un service public : ce qui s'est bien passé, ce qui pourrait être amélioré. Elle sera relue par un modérateur avant d'être publiée, puis l'organisme concerné pourra vous répondre.</p>
          <p class="fr-text--sm">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
          <xsl:if test="$sending and number($d/form/@errors) &gt; 0">
            <xsl:call-template name="error-summary"/>
          </xsl:if>
          <form method="post" action="/donner-mon-avis" id="depot" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
            <input type="hidden" name="submit_key" value="{$d/form/submit-key}"/>
            <xsl:if test="normalize-space($F[@name = 'source']) != '' and not($F[@name = 'source']/@error)">
              <input type="hidden" name="source" value="{$F[@name = 'source']}"/>
              <input type="hidden" name="code" value="{$F[@name = 'code']}"/>
            </xsl:if>
            <xsl:call-template name="organismes"/>
            <xsl:call-template name="experience"/>
            <xsl:call-template name="channels"/>
            <xsl:call-template name="about-you"/>
            <xsl:call-template name="charter"/>
            <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
              <li>
                <button type="submit" name="action" value="envoyer" class="fr-btn fr-icon-send-plane-line fr-btn--icon-right">Envoyer mon expérience</button>
              </li>
            </ul>
          </form>
        </div>
      </div>
    </div>
  </xsl:template>

  <!-- ================================================================
       Error summary: one link per message, to its field.
       ================================================================ -->
  <xsl:template name="error-summary">
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="erreurs" tabindex="-1">
      <h2 class="fr-alert__title">
        <xsl:text>Votre expérience n'a pas encore été envoyée : </xsl:text>
        <xsl:choose>
          <xsl:when test="number($d/form/@errors) = 1">1 champ est à corriger</xsl:when>
          <xsl:otherwise><xsl:value-of select="$d/form/@errors"/> champs sont à corriger</xsl:otherwise>
        </xsl:choose>
      </h2>
      <ul>
        <xsl:if test="$d/form/organismes/@error">
          <li><a href="#recherche"><xsl:value-of select="$d/form/organismes/@error"/></a></li>
        </xsl:if>
        <xsl:for-each select="$F[@error][@name = 'titre' or @name = 'description' or @name = 'ressenti' or @name = 'date']">
          <li><a href="#{@name}"><xsl:value-of select="@error"/></a></li>
        </xsl:for-each>
        <xsl:if test="$d/form/channels/@error">
          <li><a href="#canal-{$d/form/channels/channel[1]/@code}"><xsl:value-of select="$d/form/channels/@error"/></a></li>
        </xsl:if>
        <xsl:for-each select="$d/form/channels/channel[@error]">
          <li><a href="#ressenti_{@code}-positif"><xsl:value-of select="concat(., ' : ', @error)"/></a></li>
        </xsl:for-each>
        <xsl:for-each select="$F[@error][@name = 'pseudo' or @name = 'france' or @name = 'code_postal' or @name = 'email' or @name = 'charte']">
          <li>
            <a>
              <xsl:attribute name="href">
                <xsl:choose>
                  <xsl:when test="@name = 'france' or @name = 'ressenti'">#<xsl:value-of select="@name"/>-oui</xsl:when>
                  <xsl:otherwise>#<xsl:value-of select="@name"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:value-of select="@error"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <!-- ================================================================
       Generic text input / textarea bound to a field of the form.
       ================================================================ -->
  <xsl:template name="input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="extra-class" select="''"/>
    <xsl:variable name="f" select="$F[@name = $name]"/>
    <xsl:variable name="err" select="$sending and $f/@error"/>
    <div class="fr-input-group {$extra-class}">
      <xsl:if test="$err">
        <xsl:attribute name="class">fr-input-group fr-input-group--error <xsl:value-of select="$extra-class"/></xsl:attribute>
      </xsl:if>
      <label class="fr-label" for="{$name}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><xsl:text> *</xsl:text></xsl:if>
        <xsl:if test="$hint != ''">
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </xsl:if>
      </label>
      <xsl:choose>
        <xsl:when test="$type = 'textarea'">
          <textarea class="fr-input" id="{$name}" name="{$name}" rows="10">
            <xsl:if test="$err">
              <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-msg')"/></xsl:attribute>
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="$f"/>
          </textarea>
        </xsl:when>
        <xsl:otherwise>
          <input class="fr-input" type="{$type}" id="{$name}" name="{$name}" value="{$f}">
            <xsl:if test="$autocomplete != ''">
              <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="$type = 'date'">
              <xsl:attribute name="min"><xsl:value-of select="$d/date-min"/></xsl:attribute>
              <xsl:attribute name="max"><xsl:value-of select="$d/date-max"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="$err">
              <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-msg')"/></xsl:attribute>
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
            </xsl:if>
          </input>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$err">
        <p class="fr-error-text" id="{$name}-msg"><xsl:value-of select="$f/@error"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- A radio group (fieldset) for field $name; $options: <o v="…">label</o>. -->
  <xsl:template name="radios">
    <xsl:param name="name"/>
    <xsl:param name="legend"/>
    <xsl:param name="value" select="string($F[@name = $name])"/>
    <xsl:param name="error" select="string($F[@name = $name]/@error)"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="inline" select="true()"/>
    <xsl:param name="small" select="false()"/>
    <xsl:variable name="err" select="$sending and $error != ''"/>
    <fieldset class="fr-fieldset" id="{$name}-fieldset" aria-labelledby="{$name}-legend">
      <xsl:if test="$err">
        <xsl:attribute name="class">fr-fieldset fr-fieldset--error</xsl:attribute>
        <xsl:attribute name="role">group</xsl:attribute>
        <xsl:attribute name="aria-labelledby"><xsl:value-of select="concat($name, '-legend ', $name, '-msg')"/></xsl:attribute>
      </xsl:if>
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="{$name}-legend">
        <xsl:value-of select="$legend"/>
        <xsl:if test="$required"><xsl:text> *</xsl:text></xsl:if>
      </legend>
      <xsl:call-template name="radio">
        <xsl:with-param name="name" select="$name"/><xsl:with-param name="v" select="'positif'"/>
        <xsl:with-param name="label" select="'Positif'"/><xsl:with-param name="value" select="$value"/>
        <xsl:with-param name="inline" select="$inline"/><xsl:with-param name="small" select="$small"/>
      </xsl:call-template>
      <xsl:call-template name="radio">
        <xsl:with-param name="name" select="$name"/><xsl:with-param name="v" select="'neutre'"/>
        <xsl:with-param name="label" select="'Neutre'"/><xsl:with-param name="value" select="$value"/>
        <xsl:with-param name="inline" select="$inline"/><xsl:with-param name="small" select="$small"/>
      </xsl:call-template>
      <xsl:call-template name="radio">
        <xsl:with-param name="name" select="$name"/><xsl:with-param name="v" select="'negatif'"/>
        <xsl:with-param name="label" select="'Négatif'"/><xsl:with-param name="value" select="$value"/>
        <xsl:with-param name="inline" select="$inline"/><xsl:with-param name="small" select="$small"/>
      </xsl:call-template>
      <xsl:if test="$err">
        <div class="fr-messages-group" id="{$name}-msg" aria-live="assertive">
          <p class="fr-message fr-message--error"><xsl:value-of select="$error"/></p>
        </div>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template name="radio">
    <xsl:param name="name"/>
    <xsl:param name="v"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:param name="inline" select="true()"/>
    <xsl:param name="small" select="false()"/>
    <div class="fr-fieldset__element">
      <xsl:if test="$inline">
        <xsl:attribute name="class">fr-fieldset__element fr-fieldset__element--inline</xsl:attribute>
      </xsl:if>
      <div class="fr-radio-group">
        <xsl:if test="$small">
          <xsl:attribute name="class">fr-radio-group fr-radio-group--sm</xsl:attribute>
        </xsl:if>
        <input type="radio" id="{$name}-{$v}" name="{$name}" value="{$v}">
          <xsl:if test="$value = $v">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <label class="fr-label" for="{$name}-{$v}"><xsl:value-of select="$label"/></label>
      </div>
    </div>
  </xsl:template>

  <!-- ================================================================
       1. Organisme(s)
       ================================================================ -->
  <xsl:template name="organismes">
    <xsl:variable name="orgs" select="$d/form/organismes"/>
    <xsl:variable name="search" select="$d/form/search"/>
    <xsl:variable name="err" select="$sending and $orgs/@error"/>
    <fieldset class="fr-fieldset fr-mb-4w" id="organismes" aria-labelledby="organismes-legend">
      <xsl:if test="$err">
        <xsl:attribute name="class">fr-fieldset fr-fieldset--error fr-mb-4w</xsl:attribute>
        <xsl:attribute name="role">group</xsl:attribute>
        <xsl:attribute name="aria-labelledby">organismes-legend organismes-msg</xsl:attribute>
      </xsl:if>
      <legend class="fr-fieldset__legend" id="organismes-legend">
        <span class="fr-h4">1. L'organisme concerné *</span>
        <span class="fr-hint-text">Cherchez le service public par son nom, sa ville ou son code postal, puis cochez-le. Vous pouvez en choisir plusieurs.</span>
      </legend>
      <xsl:if test="$orgs/structure">
        <div class="fr-fieldset__element">
          <p class="fr-text--bold fr-mb-1w">Organismes choisis</p>
          <xsl:for-each select="$orgs/structure">
            <xsl:call-template name="org-checkbox">
              <xsl:with-param name="checked" select="true()"/>
              <xsl:with-param name="prefix" select="'choisi'"/>
            </xsl:call-template>
          </xsl:for-each>
        </div>
      </xsl:if>
      <div class="fr-fieldset__element">
        <div class="fr-input-group">
          <xsl:if test="$search/@error">
            <xsl:attribute name="class">fr-input-group fr-input-group--error</xsl:attribute>
          </xsl:if>
          <label class="fr-label" for="recherche">
            <xsl:choose>
              <xsl:when test="$orgs/structure">Ajouter un autre organisme</xsl:when>
              <xsl:otherwise>Rechercher un organisme</xsl:otherwise>
            </xsl:choose>
            <span class="fr-hint-text">Par exemple : CAF Bordeaux, préfecture, 33000</span>
          </label>
          <div class="spp-search-row">
            <input class="fr-input" type="search" id="recherche" name="recherche" value="{$F[@name = 'recherche']}" autocomplete="off">
              <xsl:if test="$search/@error or $err">
                <xsl:attribute name="aria-describedby">recherche-msg</xsl:attribute>
              </xsl:if>
            </input>
            <button type="submit" name="action" value="rechercher" class="fr-btn fr-btn--secondary fr-icon-search-line fr-btn--icon-left" formnovalidate="formnovalidate">Rechercher</button>
          </div>
          <xsl:if test="$search/@error">
            <p class="fr-error-text" id="recherche-msg"><xsl:value-of select="$search/@error"/></p>
          </xsl:if>
          <xsl:if test="$err and not($search/@error)">
            <p class="fr-error-text" id="recherche-msg"><xsl:value-of select="$orgs/@error"/></p>
          </xsl:if>
        </div>
      </div>
      <xsl:if test="$search and not($search/@error)">
        <div class="fr-fieldset__element" id="resultats" aria-live="polite">
          <xsl:choose>
            <xsl:when test="number($search/@count) = 0">
              <p>Aucun organisme ne correspond à « <xsl:value-of select="$F[@name = 'recherche']"/> ». Essayez avec le nom de la ville ou le code postal.</p>
            </xsl:when>
            <xsl:otherwise>
              <p class="fr-text--bold fr-mb-1w">
                <xsl:text>Résultats pour « </xsl:text>
                <xsl:value-of select="$F[@name = 'recherche']"/>
                <xsl:text> » : cochez le ou les organismes concernés</xsl:text>
              </p>
              <xsl:for-each select="$search/structure[not(id = $orgs/structure/id)]">
                <xsl:call-template name="org-checkbox">
                  <xsl:with-param name="checked" select="false()"/>
                  <xsl:with-param name="prefix" select="'resultat'"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:if test="$search/@more">
                <p class="fr-text--sm">Seuls les 30 premiers résultats sont affichés : précisez votre recherche.</p>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template name="org-checkbox">
    <xsl:param name="checked"/>
    <xsl:param name="prefix"/>
    <div class="fr-checkbox-group fr-mb-1w">
      <input type="checkbox" id="{$prefix}-organisme-{id}" name="organisme" value="{id}">
        <xsl:if test="$checked">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <label class="fr-label" for="{$prefix}-organisme-{id}">
        <xsl:value-of select="name"/>
        <span class="fr-hint-text">
          <xsl:value-of select="network"/>
          <xsl:text> — </xsl:text>
          <xsl:value-of select="postal_code"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="commune"/>
        </span>
      </label>
    </div>
  </xsl:template>

  <!-- ================================================================
       2. The experience
       ================================================================ -->
  <xsl:template name="experience">
    <h2 class="fr-h4 fr-mt-2w">2. Votre expérience</h2>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'titre'"/>
      <xsl:with-param name="label" select="'Titre de votre expérience'"/>
      <xsl:with-param name="hint" select="'Résumez-la en quelques mots (200 caractères au plus).'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'description'"/>
      <xsl:with-param name="label" select="'Décrivez votre expérience'"/>
      <xsl:with-param name="hint" select="'5 000 caractères au plus. N’indiquez ni nom, ni numéro de dossier, ni coordonnées : elles seraient retirées à la modération.'"/>
      <xsl:with-param name="type" select="'textarea'"/>
    </xsl:call-template>
    <xsl:call-template name="radios">
      <xsl:with-param name="name" select="'ressenti'"/>
      <xsl:with-param name="legend" select="'Votre ressenti général'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'date'"/>
      <xsl:with-param name="label" select="'Date de votre expérience'"/>
      <xsl:with-param name="hint" select="'Au cours des deux dernières années. Format : AAAA-MM-JJ, par exemple 2026-03-15.'"/>
      <xsl:with-param name="type" select="'date'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       3. Contact channels, each with its own feeling
       ================================================================ -->
  <xsl:template name="channels">
    <xsl:variable name="chs" select="$d/form/channels"/>
    <xsl:variable name="err" select="$sending and $chs/@error"/>
    <fieldset class="fr-fieldset fr-mt-4w" id="canaux" aria-labelledby="canaux-legend">
      <xsl:if test="$err">
        <xsl:attribute name="class">fr-fieldset fr-fieldset--error fr-mt-4w</xsl:attribute>
        <xsl:attribute name="role">group</xsl:attribute>
        <xsl:attribute name="aria-labelledby">canaux-legend canaux-msg</xsl:attribute>
      </xsl:if>
      <legend class="fr-fieldset__legend" id="canaux-legend">
        <span class="fr-h4">3. Les canaux de contact utilisés *</span>
        <span class="fr-hint-text">Cochez chaque moyen par lequel vous avez été en contact avec l'organisme, et donnez votre ressenti pour chacun.</span>
      </legend>
      <xsl:for-each select="$chs/channel">
        <div class="fr-fieldset__element spp-channel">
          <div class="fr-checkbox-group">
            <input type="checkbox" id="canal-{@code}" name="canal" value="{@code}">
              <xsl:if test="@checked">
                <xsl:attribute name="checked">checked</xsl:attribute>
              </xsl:if>
            </input>
            <label class="fr-label" for="canal-{@code}"><xsl:value-of select="."/></label>
          </div>
          <xsl:call-template name="radios">
            <xsl:with-param name="name" select="concat('ressenti_', @code)"/>
            <xsl:with-param name="legend" select="concat('Votre ressenti pour « ', ., ' »')"/>
            <xsl:with-param name="value" select="string(@feeling)"/>
            <xsl:with-param name="error" select="string(@error)"/>
            <xsl:with-param name="required" select="false()"/>
            <xsl:with-param name="small" select="true()"/>
          </xsl:call-template>
        </div>
      </xsl:for-each>
      <xsl:if test="$err">
        <div class="fr-messages-group" id="canaux-msg" aria-live="assertive">
          <p class="fr-message fr-message--error"><xsl:value-of select="$chs/@error"/></p>
        </div>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <!-- ================================================================
       4. About the author
       ================================================================ -->
  <xsl:template name="about-you">
    <h2 class="fr-h4 fr-mt-4w">4. Vous</h2>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'pseudo'"/>
      <xsl:with-param name="label" select="'Pseudonyme'"/>
      <xsl:with-param name="hint" select="'Il sera affiché avec votre expérience (60 caractères au plus). N’indiquez pas vos nom et prénom.'"/>
      <xsl:with-param name="autocomplete" select="'nickname'"/>
    </xsl:call-template>
    <xsl:variable name="fr" select="$F[@name = 'france']"/>
    <xsl:variable name="frerr" select="$sending and $fr/@error"/>
    <fieldset class="fr-fieldset" id="france-fieldset" aria-labelledby="france-legend">
      <xsl:if test="$frerr">
        <xsl:attribute name="class">fr-fieldset fr-fieldset--error</xsl:attribute>
        <xsl:attribute name="role">group</xsl:attribute>
        <xsl:attribute name="aria-labelledby">france-legend france-msg</xsl:attribute>
      </xsl:if>
      <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="france-legend">Résidez-vous en France ? *</legend>
      <xsl:call-template name="radio">
        <xsl:with-param name="name" select="'france'"/><xsl:with-param name="v" select="'oui'"/>
        <xsl:with-param name="label" select="'Oui'"/><xsl:with-param name="value" select="string($fr)"/>
      </xsl:call-template>
      <xsl:call-template name="radio">
        <xsl:with-param name="name" select="'france'"/><xsl:with-param name="v" select="'non'"/>
        <xsl:with-param name="label" select="'Non'"/><xsl:with-param name="value" select="string($fr)"/>
      </xsl:call-template>
      <xsl:if test="$frerr">
        <div class="fr-messages-group" id="france-msg" aria-live="assertive">
          <p class="fr-message fr-message--error"><xsl:value-of select="$fr/@error"/></p>
        </div>
      </xsl:if>
    </fieldset>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'code_postal'"/>
      <xsl:with-param name="label" select="'Code postal'"/>
      <xsl:with-param name="hint" select="'Obligatoire si vous résidez en France. Il n’est jamais publié.'"/>
      <xsl:with-param name="required" select="false()"/>
      <xsl:with-param name="autocomplete" select="'postal-code'"/>
      <xsl:with-param name="extra-class" select="'spp-input--short'"/>
    </xsl:call-template>
    <xsl:call-template name="input">
      <xsl:with-param name="name" select="'email'"/>
      <xsl:with-param name="label" select="'Adresse électronique'"/>
      <xsl:with-param name="hint" select="'Elle ne sera jamais publiée. Elle sert à vous informer de la modération, puis de la réponse de l’organisme. Format attendu : nom@domaine.fr'"/>
      <xsl:with-param name="type" select="'email'"/>
      <xsl:with-param name="autocomplete" select="'email'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       5. The moderation charter
       ================================================================ -->
  <xsl:template name="charter">
    <xsl:variable name="f" select="$F[@name = 'charte']"/>
    <xsl:variable name="err" select="$sending and $f/@error"/>
    <div class="fr-callout fr-mt-4w">
      <h2 class="fr-callout__title fr-h5">Charte de modération</h2>
      <p class="fr-callout__text fr-text--sm">Chaque expérience est relue avant sa publication. Elle n'est pas publiée, ou elle est modifiée, si elle contient des données personnelles (nom, adresse, numéro de téléphone ou de dossier…), des propos injurieux, diffamatoires ou discriminatoires, ou si elle ne concerne pas un service public participant au programme. Votre adresse électronique et votre code postal ne sont jamais publiés.</p>
    </div>
    <fieldset class="fr-fieldset" id="charte-fieldset" aria-labelledby="charte-legend">
      <xsl:if test="$err">
        <xsl:attribute name="class">fr-fieldset fr-fieldset--error</xsl:attribute>
        <xsl:attribute name="role">group</xsl:attribute>
        <xsl:attribute name="aria-labelledby">charte-legend charte-msg</xsl:attribute>
      </xsl:if>
      <legend class="fr-sr-only" id="charte-legend">Acceptation de la charte de modération</legend>
      <div class="fr-fieldset__element">
        <div class="fr-checkbox-group">
          <input type="checkbox" id="charte" name="charte" value="1">
            <xsl:if test="$f = '1' or $f = 'on' or $f = 'oui'">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
          </input>
          <label class="fr-label" for="charte">J'ai lu et j'accepte la charte de modération *</label>
        </div>
      </div>
      <xsl:if test="$err">
        <div class="fr-messages-group" id="charte-msg" aria-live="assertive">
          <p class="fr-message fr-message--error"><xsl:value-of select="$f/@error"/></p>
        </div>
      </xsl:if>
    </fieldset>
  </xsl:template>

</xsl:stylesheet>
