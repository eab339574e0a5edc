<?xml version="1.0" encoding="UTF-8"?>
<!-- status.xsl — master/pool status page.
     Data: <status><started/><generation/>
             <pool><name/><workers/><busy/><requests/><restarts/><recycled/><killed/>
               <frag-hits/><frag-misses/><frag-bytes/><list-kept/><list-read/></pool>…
           </status> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="title">État du service</xsl:template>

  <xsl:template match="page" mode="content">
    <div class="fr-container fr-my-6w">
      <h1>État du service</h1>
      <ul>
        <xsl:if test="normalize-space(status/started) != ''">
          <li>Démarré le <xsl:call-template name="date-fr"><xsl:with-param name="date" select="status/started"/></xsl:call-template>
            <xsl:if test="string-length(normalize-space(status/started)) &gt;= 16">
              <xsl:text> à </xsl:text><xsl:value-of select="substring(normalize-space(status/started), 12, 5)"/><xsl:text> (UTC)</xsl:text>
            </xsl:if>
          </li>
        </xsl:if>
        <xsl:if test="normalize-space(status/generation) != ''">
          <li>Génération de configuration : <xsl:value-of select="status/generation"/></li>
        </xsl:if>
      </ul>
      <div class="fr-table fr-table--bordered">
        <div class="fr-table__wrapper">
          <div class="fr-table__container">
            <div class="fr-table__content">
              <table>
                <caption>État des pools</caption>
                <thead>
                  <tr>
                    <th scope="col">Pool</th>
                    <th scope="col">Processus</th>
                    <th scope="col">Occupés</th>
                    <th scope="col">Requêtes servies</th>
                    <th scope="col">Redémarrages</th>
                    <th scope="col">Recyclés</th>
                    <th scope="col">Interrompus</th>
                    <th scope="col">Fragments réutilisés</th>
                    <th scope="col">Fragments rendus</th>
                    <th scope="col">Cache de fragments (octets)</th>
                    <th scope="col">Pages « Les expériences » gardées</th>
                    <th scope="col">Pages « Les expériences » lues</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="status/pool">
                    <tr>
                      <th scope="row"><xsl:value-of select="name"/></th>
                      <td><xsl:value-of select="workers"/></td>
                      <td><xsl:value-of select="busy"/></td>
                      <td><xsl:value-of select="requests"/></td>
                      <td><xsl:value-of select="restarts"/></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="recycled"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="killed"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="frag-hits"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="frag-misses"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="frag-bytes"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="list-kept"/></xsl:call-template></td>
                      <td><xsl:call-template name="num0"><xsl:with-param name="v" select="list-read"/></xsl:call-template></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="num0">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) = ''">0</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
