/*
 * deposit.js — optional conveniences of «Donner mon avis» (the form works
 * fully without JavaScript; the server validates everything):
 *   - a channel's feeling radios show only when the channel is checked;
 *   - the postal code shows only when «Résidez-vous en France ?» is «Oui»
 *     (or not answered yet);
 *   - live character counters on the title, details and pseudonym;
 *   - the error summary takes the focus after a failed submission.
 */
(function () {
    'use strict';
    var form = document.getElementById('depot');
    if (!form) return;

    /* Shows a channel's feelings only when it is checked. */
    Array.prototype.forEach.call(form.querySelectorAll('.spp-channel'), function (row) {
        var box = row.querySelector('input[type="checkbox"]');
        var feelings = row.querySelector('fieldset');
        if (!box || !feelings) return;
        /* DSFR's display rules win over [hidden]: set the style (allowed by the CSP). */
        var sync = function () { feelings.style.display = box.checked ? '' : 'none'; };
        box.addEventListener('change', sync);
        sync();
    });

    /* The postal code is asked of residents of France only. */
    var cp = document.getElementById('code_postal');
    var cpGroup = cp ? cp.closest('.fr-input-group') : null;
    var non = document.getElementById('france-non');
    var syncCp = function () { if (cpGroup && non) cpGroup.style.display = non.checked ? 'none' : ''; };
    Array.prototype.forEach.call(form.querySelectorAll('input[name="france"]'), function (r) {
        r.addEventListener('change', syncCp);
    });
    syncCp();

    /* «12 caractères sur 200», announced politely. */
    [['titre', 200], ['description', 5000], ['pseudo', 60]].forEach(function (f) {
        var input = document.getElementById(f[0]);
        if (!input) return;
        var out = document.createElement('p');
        out.className = 'fr-hint-text spp-counter';
        out.id = f[0] + '-compteur';
        out.setAttribute('aria-live', 'polite');
        input.insertAdjacentElement('afterend', out);
        var update = function () {
            var n = Array.from(input.value).length;
            out.textContent = n + ' caractère' + (n > 1 ? 's' : '') + ' sur ' + f[1].toLocaleString('fr-FR')
                + (n > f[1] ? ' : le texte est trop long' : '');
        };
        input.addEventListener('input', update);
        update();
    });

    var summary = document.getElementById('erreurs');
    if (summary) summary.focus();
}());
