// «Donner mon avis» in a real browser (Chromium): search an organisme,
// check it, fill the form, get the server's messages for what is missing,
// fix, and reach the confirmation — with no serious or critical axe-core
// violation on the form, the form with errors, the confirmation, and the
// public list and experience pages. Also checks deposit.js's conveniences
// (channel feelings shown when the channel is checked, counters).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, norm } from '../http/helpers.mjs';
import { BASE, launch, axeSerious, describe } from './browser.mjs';

const RUN = Math.random().toString(36).slice(2, 8);
const DB_SOCKET = process.env.SPPLUS_DB_SOCKET || resolve(ROOT, 'var/mariadb/mysqld.sock');

function sql(query) {
    return new Promise((res, rej) => execFile('mariadb', ['-S', DB_SOCKET, '-uroot', '--default-character-set=utf8mb4',
        '-N', '-B', 'spplus', '-e', query], (err, stdout, stderr) => (err ? rej(new Error(stderr)) : res(
        stdout.trim() ? stdout.trim().split('\n').map((l) => l.split('\t')) : []))));
}

async function accessible(page, what) {
    const violations = await axeSerious(page);
    if (violations.length) console.log(`${what}:\n${describe(violations)}`);
    assert.equal(violations.length, 0, `${what}: ${violations.map((v) => v.id).join(', ')}`);
}

let browser;
let target; // { id, name, commune }
before(async () => {
    browser = await launch();
    const rows = await sql('SELECT id, name, commune FROM structures WHERE depth = 2 AND active = 1 ORDER BY id LIMIT 1');
    target = { id: rows[0][0], name: rows[0][1], commune: rows[0][2] };
});
after(async () => {
    await browser?.close();
});

test('the deposit form: search, errors, fix, confirmation — accessible at every step', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/donner-mon-avis`);
    assert.equal(await page.title(), 'Donner mon avis — Services Publics+');
    await accessible(page, 'the empty form');

    // deposit.js: feelings of an unchecked channel are hidden, shown once checked
    const feel = page.locator('#ressenti_telephone-fieldset');
    assert.equal(await feel.isVisible(), false, 'hidden until the channel is checked');
    await page.locator('label[for="canal-telephone"]').click();
    assert.equal(await feel.isVisible(), true);
    await page.locator('label[for="ressenti_telephone-negatif"]').click();

    // the organisme search keeps what was typed
    await page.fill('#titre', `Une attente trop longue ${RUN}`);
    await page.fill('#recherche', target.commune);
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.inputValue('#titre'), `Une attente trop longue ${RUN}`, 'the title is kept');
    assert.equal(await page.isChecked('#canal-telephone'), true, 'the channel stays checked');
    await page.locator(`label[for="resultat-organisme-${target.id}"]`).click();
    await accessible(page, 'the form with search results');

    // submit with fields missing: messages from the server
    await page.fill('#description', 'Trois heures d’attente sans information, puis on m’a demandé de revenir.');
    await page.locator('label[for="ressenti-negatif"]').click();
    await page.fill('#date', new Date(Date.now() - 5 * 86400000).toISOString().slice(0, 10));
    await page.fill('#pseudo', `Navigateur ${RUN}`);
    await page.getByRole('button', { name: 'Envoyer mon expérience' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^Erreur : Donner mon avis/);
    const summary = norm(await page.locator('#erreurs').innerText());
    for (const m of ['Indiquez si vous résidez en France', 'Indiquez votre adresse électronique',
        'Vous devez accepter la charte de modération']) {
        assert.ok(summary.includes(m), `summary: «${m}»`);
    }
    assert.equal(await page.isChecked(`#choisi-organisme-${target.id}`), true, 'the organisme stays chosen');
    assert.equal(await page.isChecked('#ressenti_telephone-negatif'), true, 'the channel feeling is kept');
    await accessible(page, 'the form with errors');
    // a link of the summary leads to its field
    await page.locator('#erreurs a[href="#email"]').click();

    // fix and send
    await page.locator('label[for="france-oui"]').click();
    await page.fill('#code_postal', '75011');
    await page.fill('#email', `navigateur.${RUN}@example.fr`);
    await page.locator('label[for="charte"]').click();
    await page.getByRole('button', { name: 'Envoyer mon expérience' }).click();
    await page.waitForURL(/\/donner-mon-avis\/merci$/);
    assert.match(norm(await page.locator('main').innerText()), /Merci, votre expérience a bien été transmise/);
    await accessible(page, 'the confirmation');
    const rows = await sql(`SELECT status, feeling FROM experiences WHERE email = 'navigateur.${RUN}@example.fr'`);
    assert.deepEqual(rows, [['a_moderer', 'negatif']]);
    await page.close();
});

test('the public list, a search, an experience and the actions are accessible', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/experiences`);
    await accessible(page, '/experiences');
    await page.fill('#q', 'Passeports');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForLoadState('load');
    assert.match(page.url(), /q=Passeports/);
    await accessible(page, '/experiences?q=Passeports');
    await page.locator('main h2 a').first().click();
    await page.waitForURL(/\/experiences\/\d+$/);
    await accessible(page, 'an experience');
    await page.goto(`${BASE}/actions-amelioration`);
    await accessible(page, '/actions-amelioration');
    await page.close();
});
