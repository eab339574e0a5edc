<?xml version="1.0" encoding="UTF-8"?>
<!--
  agent-experience.xsl — routes "agent-experience" (GET /agent/experiences/<id>),
  "agent-experience-save", "agent-experience-send-back" and
  "agent-experience-comment" (their POSTs, re-rendered on error).
  Data: <rights><answer/><publish/><validate/></rights>   (present = allowed)
        <form-version/>                the hidden version to send back
        <experience><id/><title/><body><p/>…</body><feeling/><event_date/><pseudonym/>
          <lives_in_france/><postal_code/><published_at/></experience>
        <es><structure_id/><structure/><code_sp/><state/><assigned_user_id/><assignee/>
          <improvement/><version/><first_answer_at/></es>
        <concerned><structure><id/><name/><code_sp/><state/></structure>…</concerned>
        <channels><channel><code/><label/><feeling/></channel>…</channels>
        <tags-metier|tags-general><tag><id/><label/><checked/></tag>…</…>
        <actions><action><id/><title/><status/><linked/></action>…</actions>
        <comments><comment><comment-body><p/>…</comment-body><created_at/><author/><structure/></comment>…</comments>
        <answer><id/><body/><formula/><signature/><status/><validation_remark/><author/>…</answer>
        <assignees><user><id/><name/></user>…</assignees>
        <children><structure><id/><name/><code_sp/></structure>…</children>
        <formulas><formula><id/><kind/><text/></formula>…</formulas>
        on a failed POST: <form>…</form> (what was typed), <posted><tag/>…<action/>…</posted>, <message/>
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
  <xsl:variable name="save-posted" select="$route = 'agent-experience-save'"/>
  <xsl:variable name="can-answer" select="boolean(/page/rights/answer)"/>
  <xsl:variable name="exp" select="/page/experience"/>
  <xsl:variable name="es" select="/page/es"/>
  <xsl:variable name="action-url" select="concat('/agent/experiences/', $exp/id)"/>
  <xsl:variable name="ok" select="string(/page/params/query/param[@name = 'ok'])"/>

  <xsl:template match="page" mode="title">
    <xsl:if test="message">Erreur — </xsl:if>
    <xsl:value-of select="experience/title"/>
    <xsl:text> — Les expériences</xsl:text>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-mb-8w">
      <xsl:call-template name="breadcrumb">
        <xsl:with-param name="current" select="experience/title"/>
        <xsl:with-param name="parent-href" select="'/agent/experiences'"/>
        <xsl:with-param name="parent-label" select="'Les expériences'"/>
      </xsl:call-template>
      <xsl:call-template name="alerts"/>
      <h1><xsl:value-of select="experience/title"/></h1>
      <xsl:call-template name="experience"/>
      <xsl:choose>
        <xsl:when test="$can-answer">
          <xsl:call-template name="edit-form"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="read-only"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="rights/validate and answer/status = 'en_attente'">
        <xsl:call-template name="send-back-form"/>
      </xsl:if>
      <xsl:call-template name="comments"/>
    </div>
  </xsl:template>

  <!-- Outcome messages and the state warnings. -->
  <xsl:template name="alerts">
    <xsl:if test="message">
      <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
        <h2 class="fr-alert__title">Vos modifications ne sont pas enregistrées</h2>
        <p><xsl:value-of select="message"/></p>
      </div>
    </xsl:if>
    <xsl:if test="not(message)">
      <xsl:choose>
        <xsl:when test="$ok = '1'">
          <xsl:call-template name="alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'Vos modifications sont enregistrées.'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$ok = '2'">
          <xsl:call-template name="alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'L’expérience a été réattribuée à cette structure.'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$ok = '3'">
          <xsl:call-template name="alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'La réponse a été renvoyée à son auteur avec votre remarque.'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$ok = '4'">
          <xsl:call-template name="alert">
            <xsl:with-param name="type" select="'success'"/>
            <xsl:with-param name="title" select="'Votre commentaire est ajouté.'"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="$es/state = 'brouillon'">
      <div class="fr-alert fr-alert--warning fr-mb-3w" id="alerte-brouillon">
        <h2 class="fr-alert__title">Votre réponse est enregistrée comme brouillon : elle n'est pas publiée.</h2>
        <p>Pour la publier, choisissez « Réponse apportée » puis cliquez sur « Enregistrer ». Pour la soumettre à un super agent ou un super répondant, choisissez « Réponse en attente de validation ».</p>
      </div>
    </xsl:if>
    <xsl:if test="$es/state = 'en_attente'">
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <h2 class="fr-alert__title">Réponse en attente de validation</h2>
        <p>
          <xsl:choose>
            <xsl:when test="rights/validate">Relisez la réponse : publiez-la en choisissant « Réponse apportée », ou renvoyez-la à son auteur avec une remarque.</xsl:when>
            <xsl:otherwise>Un super agent ou un super répondant de votre structure doit la valider avant sa publication.</xsl:otherwise>
          </xsl:choose>
        </p>
      </div>
    </xsl:if>
    <xsl:if test="normalize-space(answer/validation_remark) != '' and answer/status = 'brouillon'">
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <h2 class="fr-alert__title">Réponse renvoyée avec une remarque</h2>
        <p><xsl:value-of select="answer/validation_remark"/></p>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The experience as the citizen wrote it (never the e-mail). -->
  <xsl:template name="experience">
    <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
      <div class="fr-col-12 fr-col-md-8">
        <h2 class="fr-h4">L'expérience</h2>
        <p>
          <span class="fr-text--bold">Ressenti général : </span>
          <xsl:call-template name="feeling-label">
            <xsl:with-param name="feeling" select="$exp/feeling"/>
          </xsl:call-template>
        </p>
        <div class="spp-rich">
          <xsl:call-template name="paras">
            <xsl:with-param name="body" select="$exp/body"/>
          </xsl:call-template>
        </div>
      </div>
      <div class="fr-col-12 fr-col-md-4">
        <div class="fr-card fr-card--no-arrow fr-card--grey">
          <div class="fr-card__body">
            <div class="fr-card__content">
              <h2 class="fr-card__title">Auteur et structure</h2>
              <dl class="fr-card__desc">
                <dt class="fr-text--bold">Auteur</dt>
                <dd><xsl:value-of select="$exp/pseudonym"/></dd>
                <dt class="fr-text--bold">Réside en France</dt>
                <dd>
                  <xsl:choose>
                    <xsl:when test="$exp/lives_in_france = '1'">Oui</xsl:when>
                    <xsl:otherwise>Non</xsl:otherwise>
                  </xsl:choose>
                </dd>
                <dt class="fr-text--bold">Code postal</dt>
                <dd>
                  <xsl:choose>
                    <xsl:when test="normalize-space($exp/postal_code) != ''"><xsl:value-of select="$exp/postal_code"/></xsl:when>
                    <xsl:otherwise>Non renseigné</xsl:otherwise>
                  </xsl:choose>
                </dd>
                <dt class="fr-text--bold">Date de l'expérience</dt>
                <dd>
                  <xsl:call-template name="time-fr">
                    <xsl:with-param name="date" select="$exp/event_date"/>
                  </xsl:call-template>
                </dd>
                <dt class="fr-text--bold">Date de publication</dt>
                <dd>
                  <xsl:call-template name="time-fr">
                    <xsl:with-param name="date" select="$exp/published_at"/>
                  </xsl:call-template>
                </dd>
                <dt class="fr-text--bold">Structure</dt>
                <dd><xsl:value-of select="$es/structure"/> (<xsl:value-of select="$es/code_sp"/>)</dd>
                <dt class="fr-text--bold">État</dt>
                <dd>
                  <xsl:call-template name="state-label">
                    <xsl:with-param name="state" select="$es/state"/>
                  </xsl:call-template>
                </dd>
                <dt class="fr-text--bold">Attribuée à</dt>
                <dd>
                  <xsl:choose>
                    <xsl:when test="normalize-space($es/assignee) != ''"><xsl:value-of select="$es/assignee"/></xsl:when>
                    <xsl:otherwise>Personne</xsl:otherwise>
                  </xsl:choose>
                </dd>
              </dl>
              <xsl:if test="count(concerned/structure) &gt; 1">
                <p class="fr-text--bold fr-mb-1v">Structures concernées</p>
                <ul>
                  <xsl:for-each select="concerned/structure">
                    <li>
                      <xsl:value-of select="name"/>
                      <xsl:text> — </xsl:text>
                      <xsl:call-template name="state-label">
                        <xsl:with-param name="state" select="state"/>
                      </xsl:call-template>
                    </li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
            </div>
          </div>
        </div>
      </div>
    </div>
  </xsl:template>

  <!-- «Enregistrer»: assignment, «Organisme», the answer. -->
  <xsl:template name="edit-form">
    <form method="post" action="{$action-url}" id="form-experience" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
      <input type="hidden" name="structure" value="{$es/structure_id}"/>
      <input type="hidden" name="version" value="{/page/form-version}"/>

      <h2 class="fr-h4">Attribution</h2>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div class="fr-col-12 fr-col-md-6">
          <xsl:variable name="cur-assignee">
            <xsl:choose>
              <xsl:when test="$save-posted"><xsl:value-of select="$f[@name = 'attribuee']"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$es/assigned_user_id"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <div>
            <xsl:attribute name="class">
              <xsl:call-template name="error-class">
                <xsl:with-param name="name" select="'attribuee'"/>
                <xsl:with-param name="base" select="'fr-select-group'"/>
              </xsl:call-template>
            </xsl:attribute>
            <label class="fr-label" for="attribuee">Attribuée à</label>
            <select class="fr-select" id="attribuee" name="attribuee">
              <option value="0">Personne</option>
              <xsl:for-each select="assignees/user">
                <option value="{id}">
                  <xsl:if test="string(id) = string($cur-assignee)">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="name"/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="'attribuee'"/>
            </xsl:call-template>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <div>
            <xsl:attribute name="class">
              <xsl:call-template name="error-class">
                <xsl:with-param name="name" select="'reattribuer'"/>
                <xsl:with-param name="base" select="'fr-select-group'"/>
              </xsl:call-template>
            </xsl:attribute>
            <label class="fr-label" for="reattribuer">Réattribuer
              <span class="fr-hint-text">À une structure fille de la vôtre, si l'expérience la concerne.</span>
            </label>
            <select class="fr-select" id="reattribuer" name="reattribuer">
              <option value="">Ne pas réattribuer</option>
              <xsl:for-each select="children/structure">
                <option value="{id}">
                  <xsl:if test="$save-posted and string(id) = string($f[@name = 'reattribuer'])">
                    <xsl:attribute name="selected">selected</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="name"/> (<xsl:value-of select="code_sp"/>)
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="'reattribuer'"/>
            </xsl:call-template>
          </div>
        </div>
      </div>

      <h2 class="fr-h4">Organisme</h2>
      <xsl:call-template name="tag-fieldset">
        <xsl:with-param name="legend" select="'Tags métiers'"/>
        <xsl:with-param name="tags" select="tags-metier/tag"/>
        <xsl:with-param name="id" select="'tm'"/>
        <xsl:with-param name="empty" select="'Aucun tag métier n’a été défini par les référents de votre réseau.'"/>
      </xsl:call-template>
      <xsl:call-template name="tag-fieldset">
        <xsl:with-param name="legend" select="'Tags généraux'"/>
        <xsl:with-param name="tags" select="tags-general/tag"/>
        <xsl:with-param name="id" select="'tg'"/>
        <xsl:with-param name="empty" select="'Aucun tag général n’est défini.'"/>
      </xsl:call-template>

      <fieldset class="fr-fieldset" aria-labelledby="canaux-legend">
        <legend class="fr-fieldset__legend" id="canaux-legend">Moyens de contact et ressenti par canal
          <span class="fr-hint-text">Choisissez « Non utilisé » pour retirer un moyen de contact.</span>
        </legend>
        <xsl:for-each select="channels/channel">
          <xsl:variable name="name" select="concat('canal_', code)"/>
          <xsl:variable name="cur">
            <xsl:choose>
              <xsl:when test="$save-posted"><xsl:value-of select="$f[@name = $name]"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="feeling"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <div class="fr-fieldset__element fr-col-12 fr-col-md-4">
            <div class="fr-select-group">
              <label class="fr-label" for="{$name}"><xsl:value-of select="label"/></label>
              <select class="fr-select" id="{$name}" name="{$name}">
                <option value="">Non utilisé</option>
                <xsl:call-template name="opt">
                  <xsl:with-param name="value" select="'positif'"/>
                  <xsl:with-param name="label" select="'Positif'"/>
                  <xsl:with-param name="current" select="$cur"/>
                </xsl:call-template>
                <xsl:call-template name="opt">
                  <xsl:with-param name="value" select="'neutre'"/>
                  <xsl:with-param name="label" select="'Neutre'"/>
                  <xsl:with-param name="current" select="$cur"/>
                </xsl:call-template>
                <xsl:call-template name="opt">
                  <xsl:with-param name="value" select="'negatif'"/>
                  <xsl:with-param name="label" select="'Négatif'"/>
                  <xsl:with-param name="current" select="$cur"/>
                </xsl:call-template>
              </select>
            </div>
          </div>
        </xsl:for-each>
      </fieldset>

      <div class="fr-checkbox-group fr-mb-3w">
        <input type="checkbox" id="amelioration" name="amelioration" value="1">
          <xsl:if test="($save-posted and $f[@name = 'amelioration'] != '') or (not($save-posted) and $es/improvement = '1')">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <label class="fr-label" for="amelioration">Amélioration de service à considérer</label>
      </div>

      <fieldset class="fr-fieldset" aria-labelledby="actions-legend">
        <legend class="fr-fieldset__legend" id="actions-legend">Actions d'amélioration associées
          <span class="fr-hint-text">Les actions se créent au préalable dans « Les actions d'amélioration ».</span>
        </legend>
        <xsl:choose>
          <xsl:when test="actions/action">
            <xsl:for-each select="actions/action">
              <div class="fr-fieldset__element">
                <div class="fr-checkbox-group">
                  <input type="checkbox" id="action-{id}" name="action" value="{id}">
                    <xsl:if test="($save-posted and /page/posted/action = id) or (not($save-posted) and linked = '1')">
                      <xsl:attribute name="checked">checked</xsl:attribute>
                    </xsl:if>
                  </input>
                  <label class="fr-label" for="action-{id}">
                    <xsl:value-of select="title"/>
                    <span class="fr-hint-text">
                      <xsl:call-template name="action-status-label">
                        <xsl:with-param name="status" select="status"/>
                      </xsl:call-template>
                    </span>
                  </label>
                </div>
              </div>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <p class="fr-fieldset__element">Votre structure n'a pas encore d'action d'amélioration.</p>
          </xsl:otherwise>
        </xsl:choose>
        <p class="fr-fieldset__element"><a class="fr-link fr-icon-add-line fr-link--icon-left" href="/agent/actions/nouvelle?structure={$es/structure_id}&amp;experience={$exp/id}">Créer une action d'amélioration</a></p>
      </fieldset>

      <h2 class="fr-h4" id="reponse-titre">Réponse</h2>
      <xsl:call-template name="answer-fields"/>

      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li><button type="submit" class="fr-btn">Enregistrer</button></li>
        <li><a class="fr-btn fr-btn--secondary" href="/agent/experiences">Retour à la liste</a></li>
      </ul>
    </form>
  </xsl:template>

  <xsl:template name="opt">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <option value="{$value}">
      <xsl:if test="string($current) = string($value)">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </option>
  </xsl:template>

  <xsl:template name="tag-fieldset">
    <xsl:param name="legend"/>
    <xsl:param name="tags"/>
    <xsl:param name="id"/>
    <xsl:param name="empty"/>
    <fieldset class="fr-fieldset" aria-labelledby="{$id}-legend">
      <legend class="fr-fieldset__legend" id="{$id}-legend"><xsl:value-of select="$legend"/></legend>
      <xsl:choose>
        <xsl:when test="$tags">
          <xsl:for-each select="$tags">
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-checkbox-group">
                <input type="checkbox" id="{$id}-{id}" name="tag" value="{id}">
                  <xsl:if test="($save-posted and /page/posted/tag = id) or (not($save-posted) and checked = '1')">
                    <xsl:attribute name="checked">checked</xsl:attribute>
                  </xsl:if>
                </input>
                <label class="fr-label" for="{$id}-{id}"><xsl:value-of select="label"/></label>
              </div>
            </div>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <p class="fr-fieldset__element"><xsl:value-of select="$empty"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </fieldset>
  </xsl:template>

  <!-- Answer text, formula, signature and the status radios. -->
  <xsl:template name="answer-fields">
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$save-posted"><xsl:value-of select="$f[@name = 'reponse']"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="/page/answer/body"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div>
      <xsl:attribute name="class">
        <xsl:call-template name="error-class">
          <xsl:with-param name="name" select="'reponse'"/>
          <xsl:with-param name="base" select="'fr-input-group'"/>
        </xsl:call-template>
      </xsl:attribute>
      <label class="fr-label" for="reponse">Votre réponse
        <span class="fr-hint-text">10 000 caractères au maximum. La formule de politesse et la signature sont ajoutées à la suite.</span>
      </label>
      <textarea class="fr-input" id="reponse" name="reponse" rows="10">
        <xsl:if test="$f[@name = 'reponse']/@error">
          <xsl:attribute name="aria-describedby">erreur-reponse</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </textarea>
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="'reponse'"/>
      </xsl:call-template>
    </div>
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6">
        <xsl:call-template name="formula-select">
          <xsl:with-param name="name" select="'formule'"/>
          <xsl:with-param name="kind" select="'politesse'"/>
          <xsl:with-param name="label" select="'Formule de politesse'"/>
          <xsl:with-param name="stored" select="/page/answer/formula"/>
        </xsl:call-template>
      </div>
      <div class="fr-col-12 fr-col-md-6">
        <xsl:call-template name="formula-select">
          <xsl:with-param name="name" select="'signature'"/>
          <xsl:with-param name="kind" select="'signature'"/>
          <xsl:with-param name="label" select="'Signature'"/>
          <xsl:with-param name="stored" select="/page/answer/signature"/>
        </xsl:call-template>
      </div>
    </div>
    <p class="fr-text--sm">Vos formules de politesse et vos signatures se modifient dans votre profil : <a class="fr-link fr-text--sm" href="/agent/profil">Modifier le profil</a>.</p>

    <xsl:variable name="status">
      <xsl:choose>
        <xsl:when test="$save-posted and $f[@name = 'statut'] != ''"><xsl:value-of select="$f[@name = 'statut']"/></xsl:when>
        <xsl:when test="$es/state = 'repondu'">repondu</xsl:when>
        <xsl:when test="$es/state = 'en_attente'">en_attente</xsl:when>
        <xsl:otherwise>brouillon</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fieldset aria-labelledby="statut-legend statut-messages">
      <xsl:attribute name="class">
        <xsl:call-template name="error-class">
          <xsl:with-param name="name" select="'statut'"/>
          <xsl:with-param name="base" select="'fr-fieldset'"/>
        </xsl:call-template>
      </xsl:attribute>
      <legend class="fr-fieldset__legend" id="statut-legend">Statut de la réponse
        <span class="fr-hint-text">Si vous restez au statut « Expérience publiée », votre réponse est enregistrée comme brouillon mais n'est pas publiée.</span>
      </legend>
      <xsl:call-template name="status-radio">
        <xsl:with-param name="value" select="'brouillon'"/>
        <xsl:with-param name="label" select="'Expérience publiée'"/>
        <xsl:with-param name="hint" select="'La réponse reste un brouillon, non publié.'"/>
        <xsl:with-param name="current" select="$status"/>
      </xsl:call-template>
      <xsl:call-template name="status-radio">
        <xsl:with-param name="value" select="'en_attente'"/>
        <xsl:with-param name="label" select="'Réponse en attente de validation'"/>
        <xsl:with-param name="hint" select="'La réponse est soumise à un super agent ou un super répondant de votre structure.'"/>
        <xsl:with-param name="current" select="$status"/>
      </xsl:call-template>
      <xsl:call-template name="status-radio">
        <xsl:with-param name="value" select="'repondu'"/>
        <xsl:with-param name="label" select="'Réponse apportée'"/>
        <xsl:with-param name="hint">
          <xsl:choose>
            <xsl:when test="/page/rights/publish">La réponse est publiée et l'usager est prévenu par courriel.</xsl:when>
            <xsl:otherwise>Votre profil ne permet pas de publier : soumettez la réponse pour validation.</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="current" select="$status"/>
      </xsl:call-template>
      <div class="fr-messages-group" id="statut-messages" aria-live="assertive">
        <xsl:if test="$f[@name = 'statut']/@error">
          <p class="fr-message fr-message--error"><xsl:value-of select="$f[@name = 'statut']/@error"/></p>
        </xsl:if>
      </div>
    </fieldset>
  </xsl:template>

  <xsl:template name="status-radio">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="current"/>
    <div class="fr-fieldset__element">
      <div class="fr-radio-group">
        <input type="radio" id="statut-{$value}" name="statut" value="{$value}">
          <xsl:if test="$current = $value">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <label class="fr-label" for="statut-{$value}"><xsl:value-of select="$label"/>
          <span class="fr-hint-text"><xsl:value-of select="$hint"/></span>
        </label>
      </div>
    </div>
  </xsl:template>

  <!-- A select of the agent's own formulas of $kind (value = the text), plus
       the answer's stored one when it is not among them (a validator). -->
  <xsl:template name="formula-select">
    <xsl:param name="name"/>
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="stored"/>
    <xsl:variable name="cur">
      <xsl:choose>
        <xsl:when test="$save-posted"><xsl:value-of select="$f[@name = $name]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div>
      <xsl:attribute name="class">
        <xsl:call-template name="error-class">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="base" select="'fr-select-group'"/>
        </xsl:call-template>
      </xsl:attribute>
      <label class="fr-label" for="{$name}"><xsl:value-of select="$label"/></label>
      <select class="fr-select" id="{$name}" name="{$name}">
        <option value="">Aucune</option>
        <xsl:if test="normalize-space($stored) != '' and not(/page/formulas/formula[kind = $kind and text = $stored])">
          <option value="{$stored}">
            <xsl:if test="$cur = $stored">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="$stored"/>
          </option>
        </xsl:if>
        <xsl:for-each select="/page/formulas/formula[kind = $kind]">
          <option value="{text}">
            <xsl:if test="string(text) = string($cur)">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="text"/>
          </option>
        </xsl:for-each>
      </select>
      <xsl:call-template name="field-error">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- For profiles that may read but not answer. -->
  <xsl:template name="read-only">
    <h2 class="fr-h4">Organisme</h2>
    <p>
      <span class="fr-text--bold">Tags : </span>
      <xsl:for-each select="tags-metier/tag[checked = '1'] | tags-general/tag[checked = '1']">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="label"/>
      </xsl:for-each>
      <xsl:if test="not(tags-metier/tag[checked = '1'] | tags-general/tag[checked = '1'])">aucun</xsl:if>
    </p>
    <p>
      <span class="fr-text--bold">Moyens de contact : </span>
      <xsl:for-each select="channels/channel[normalize-space(feeling) != '']">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="label"/>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="feeling-label">
          <xsl:with-param name="feeling" select="feeling"/>
        </xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:for-each>
      <xsl:if test="not(channels/channel[normalize-space(feeling) != ''])">aucun</xsl:if>
    </p>
    <h2 class="fr-h4">Réponse</h2>
    <xsl:choose>
      <xsl:when test="normalize-space(answer/body) != ''">
        <blockquote class="fr-quote">
          <p><xsl:value-of select="answer/body"/></p>
        </blockquote>
      </xsl:when>
      <xsl:otherwise><p>Aucune réponse n'a encore été rédigée.</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Super agents / super répondants: send a pending answer back. -->
  <xsl:template name="send-back-form">
    <form method="post" action="{$action-url}/renvoi" class="fr-mt-4w" id="form-renvoi">
      <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
      <input type="hidden" name="structure" value="{$es/structure_id}"/>
      <input type="hidden" name="version" value="{/page/form-version}"/>
      <h2 class="fr-h4">Renvoyer la réponse à son auteur</h2>
      <div>
        <xsl:attribute name="class">
          <xsl:call-template name="error-class">
            <xsl:with-param name="name" select="'remarque'"/>
            <xsl:with-param name="base" select="'fr-input-group'"/>
          </xsl:call-template>
        </xsl:attribute>
        <label class="fr-label" for="remarque">Remarque pour l'auteur de la réponse
          <span class="fr-hint-text">Elle lui est envoyée par courriel.</span>
        </label>
        <textarea class="fr-input" id="remarque" name="remarque" rows="4">
          <xsl:if test="$route = 'agent-experience-send-back'">
            <xsl:value-of select="$f[@name = 'remarque']"/>
          </xsl:if>
        </textarea>
        <xsl:if test="$route = 'agent-experience-send-back'">
          <xsl:call-template name="field-error">
            <xsl:with-param name="name" select="'remarque'"/>
          </xsl:call-template>
        </xsl:if>
      </div>
      <button type="submit" class="fr-btn fr-btn--secondary">Renvoyer</button>
    </form>
  </xsl:template>

  <!-- Agents' comments: visible to agents of the structures concerned only. -->
  <xsl:template name="comments">
    <section class="fr-mt-6w" aria-labelledby="commentaires">
      <h2 class="fr-h4" id="commentaires">Commentaires</h2>
      <p class="fr-text--sm">Les commentaires sont visibles par tous les agents des structures concernées par l'expérience, et par personne d'autre.</p>
      <xsl:choose>
        <xsl:when test="comments/comment">
          <ul class="fr-raw-list">
            <xsl:for-each select="comments/comment">
              <li class="fr-mb-3w">
                <p class="fr-text--sm fr-mb-1v spp-meta">
                  <xsl:value-of select="author"/>
                  <xsl:if test="normalize-space(structure) != ''">
                    <xsl:text> — </xsl:text>
                    <xsl:value-of select="structure"/>
                  </xsl:if>
                  <xsl:text>, le </xsl:text>
                  <xsl:call-template name="time-fr">
                    <xsl:with-param name="date" select="created_at"/>
                  </xsl:call-template>
                  <xsl:text> à </xsl:text>
                  <xsl:value-of select="substring(created_at, 12, 5)"/>
                </p>
                <div class="spp-rich">
                  <xsl:call-template name="paras">
                    <xsl:with-param name="body" select="comment-body"/>
                  </xsl:call-template>
                </div>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>Aucun commentaire pour l'instant.</p></xsl:otherwise>
      </xsl:choose>
      <form method="post" action="{$action-url}/commentaires" id="form-commentaire">
        <input type="hidden" name="csrf" value="{/page/params/csrf}"/>
        <input type="hidden" name="structure" value="{$es/structure_id}"/>
        <div>
          <xsl:attribute name="class">
            <xsl:text>fr-input-group</xsl:text>
            <xsl:if test="$route = 'agent-experience-comment' and $f[@name = 'commentaire']/@error"> fr-input-group--error</xsl:if>
          </xsl:attribute>
          <label class="fr-label" for="commentaire">Ajouter un commentaire</label>
          <textarea class="fr-input" id="commentaire" name="commentaire" rows="3">
            <xsl:if test="$route = 'agent-experience-comment'">
              <xsl:value-of select="$f[@name = 'commentaire']"/>
            </xsl:if>
          </textarea>
          <xsl:if test="$route = 'agent-experience-comment'">
            <xsl:call-template name="field-error">
              <xsl:with-param name="name" select="'commentaire'"/>
            </xsl:call-template>
          </xsl:if>
        </div>
        <button type="submit" class="fr-btn fr-btn--tertiary">Ajouter le commentaire</button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
