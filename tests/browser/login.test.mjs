// Logging in and choosing a password in a real browser (Chromium): the
// login page, the agents' home with its menus, logout, «Réinitialiser votre
// mot de passe» with the link read from the mail under var/mail/, and no
// serious or critical axe-core violation on any of these pages.
//
// SPPLUS_ADMIN / SPPLUS_MAIL_DIR: as in tests/http/auth.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, norm, waitFor } from '../http/helpers.mjs';
import { BASE, launch, axeSerious, describe } from './browser.mjs';

const MAIL_DIR = process.env.SPPLUS_MAIL_DIR || resolve(ROOT, 'var/mail');
const ADMIN = process.env.SPPLUS_ADMIN ? process.env.SPPLUS_ADMIN.split(' ') : [resolve(ROOT, 'dev'), 'admin'];
const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'une phrase de passe pour le navigateur';

/** spplus-admin ARGS with `input` on stdin. */
function admin(args, input = '') {
    return new Promise((res) => {
        const child = execFile(ADMIN[0], [...ADMIN.slice(1), ...args], { cwd: ROOT, timeout: 60000 },
            (err, stdout, stderr) => res({ code: err ? err.code || 1 : 0, stdout, stderr }));
        child.stdin.on('error', () => {});
        child.stdin.end(input);
    });
}

/** The password link of the n-th mail sent to `to`. */
async function linkFor(to, n) {
    const found = await waitFor(() => {
        const mails = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml'))
            .map((f) => ({ f, id: Number(f.replace(/^.*-(\d+)\.eml$/, '$1')), raw: readFileSync(resolve(MAIL_DIR, f), 'utf8') }))
            .filter((m) => m.raw.includes(`\r\nTo: <${to}>\r\n`))
            .sort((a, b) => a.id - b.id);
        return mails.length >= n ? mails[n - 1] : null;
    }, 30000);
    assert.ok(found, `mail #${n} to ${to}`);
    const text = found.raw.replace(/=\r\n/g, '');
    const m = text.match(/https?:\/\/[^/\s]+(\/agent\/mot-de-passe\/[A-Za-z0-9_-]+)/);
    assert.ok(m, 'a password link in the mail');
    return m[1];
}

/** Asserts no serious/critical axe-core violation on the current page. */
async function accessible(page, what) {
    const violations = await axeSerious(page);
    if (violations.length) console.log(`${what}:\n${describe(violations)}`);
    assert.equal(violations.length, 0, `${what}: ${violations.map((v) => v.id).join(', ')}`);
}

let browser;
let structure;
before(async () => {
    browser = await launch();
    const r = await new Promise((res) => execFile('mariadb', ['-S', process.env.SPPLUS_DB_SOCKET
        || resolve(ROOT, 'var/mariadb/mysqld.sock'), '-uroot', '-N', '-B', 'spplus', '-e',
    'SELECT code_sp FROM structures WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1'],
    (err, stdout) => res(stdout.trim())));
    assert.ok(r, 'a structure in the demo data');
    structure = r;
});
after(async () => {
    await browser?.close();
});

test('login, the agents home and its menus, logout — accessible', async () => {
    const username = `t.${RUN}.nav`;
    const r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`,
        '--structure', structure, '--role', 'agent', '--name', 'Alex Navigateur'], PASSWORD);
    assert.equal(r.code, 0, r.stderr);
    const page = await browser.context.newPage();
    const res = await page.goto(`${BASE}/agent/connexion`, { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    await accessible(page, '/agent/connexion');

    // wrong password: the generic message, accessible too
    await page.getByLabel("Nom d'utilisateur").fill(username);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForLoadState('load');
    assert.ok(norm(await page.innerText('main')).includes("Nom d'utilisateur ou mot de passe incorrect."));
    assert.equal(await page.getByLabel("Nom d'utilisateur").inputValue(), username, 'username kept');
    assert.equal(await page.getByLabel('Mot de passe').inputValue(), '', 'password not echoed');
    await accessible(page, '/agent/connexion (error)');

    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/agent\/?$/);
    assert.ok(await page.getByRole('heading', { level: 1, name: 'Espace agents' }).isVisible());
    const main = norm(await page.innerText('main'));
    for (const s of ["J'améliore la qualité", 'Les expériences', 'Mon tableau de bord', 'Diagnostic Services Publics+',
        'Je suis agent', "J'accède aux ressources"]) assert.ok(main.includes(s), `home shows «${s}»`);
    assert.ok(!main.includes('Imports de données'), 'an agent has no network menu');
    await accessible(page, '/agent');

    // the DSFR sub-menu opens and lists its links
    const nav = page.locator('#navigation-principale');
    const btn = nav.getByRole('button', { name: "J'améliore la qualité" });
    if (await btn.isVisible()) {
        await btn.click();
        await nav.getByRole('link', { name: 'Mon tableau de bord' }).waitFor({ state: 'visible' });
    }

    // logout (the header's button)
    await page.locator('.fr-header__tools').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/agent\/connexion\?deconnecte=1$/);
    assert.ok(norm(await page.innerText('main')).includes('Vous êtes déconnecté'));
    const back = await page.goto(`${BASE}/agent/`, { waitUntil: 'load' });
    assert.match(back.url(), /\/agent\/connexion\?retour=/);
    await page.close();
});

test('«Réinitialiser votre mot de passe» end to end — accessible', async () => {
    const username = `t.${RUN}.oubli`;
    const email = `${username}@example.fr`;
    const r = await admin(['user', 'add', '--username', username, '--email', email, '--structure', structure,
        '--role', 'repondant']);
    assert.equal(r.code, 0, r.stderr);
    await linkFor(email, 1);  // the first-login mail; we use the reset form instead
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/agent/connexion`, { waitUntil: 'load' });
    await page.getByRole('link', { name: 'Réinitialiser votre mot de passe' }).click();
    await page.waitForURL(`${BASE}/agent/mot-de-passe-oublie`);
    await accessible(page, '/agent/mot-de-passe-oublie');
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByRole('button', { name: 'Soumettre' }).click();
    await page.waitForLoadState('load');
    assert.ok(norm(await page.innerText('main')).includes('Si cette adresse correspond à un compte'));
    await accessible(page, '/agent/mot-de-passe-oublie (sent)');

    const link = await linkFor(email, 2);
    await page.goto(`${BASE}${link}`, { waitUntil: 'load' });
    assert.ok(norm(await page.innerText('main')).includes(username));
    await accessible(page, '/agent/mot-de-passe/…');
    await page.getByLabel(/^Nouveau mot de passe/).fill('azertyuiop123');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('azertyuiop123');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForLoadState('load');
    assert.ok(norm(await page.innerText('main')).includes('trop courant'));
    await accessible(page, '/agent/mot-de-passe/… (error)');
    await page.getByLabel(/^Nouveau mot de passe/).fill(PASSWORD);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL(/\/agent\/connexion\?nouveau=1$/);
    assert.ok(norm(await page.innerText('main')).includes('Votre mot de passe a été enregistré'));

    await page.getByLabel("Nom d'utilisateur").fill(username);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/agent\/?$/);
    const main = norm(await page.innerText('main'));
    assert.ok(main.includes('Répondant'), 'the role is shown');
    assert.ok(!main.includes('Diagnostic Services Publics+'), 'a répondant has no diagnostic');
    await page.close();
});
