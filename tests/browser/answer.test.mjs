// Answering an experience in a real browser (Chromium), as the seed's
// «Répondre aux expériences des usagers» describes it: log in, «Les
// expériences», État «À traiter», «Je recherche», «Modifier», the
// «Organisme» part, the answer with «Formule de politesse» and «Signature»,
// a draft first (its warning), then «Réponse apportée» and «Enregistrer»;
// a comment. No serious or critical axe-core violation on any page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { norm } from '../http/helpers.mjs';
import { adminOk, createUser, sql, suffix } from '../http/admin-helpers.mjs';
import { BASE, launch, axeSerious, describe } from './browser.mjs';

const RUN = suffix();
const PW = 'une phrase de passe pour le navigateur 2026';
const lit = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

async function accessible(page, what) {
    const violations = await axeSerious(page);
    if (violations.length) console.log(`${what}:\n${describe(violations)}`);
    assert.equal(violations.length, 0, `${what}: ${violations.map((v) => v.id).join(', ')}`);
}

let browser, sid, expId;
const username = `nav_${RUN}`.toLowerCase();
const title = `Accueil téléphonique ${RUN}`;

before(async () => {
    browser = await launch();
    const code = `TBR-${RUN}`.toUpperCase().slice(0, 20);
    await sql(`INSERT INTO networks (code, name, short_name) VALUES (${lit(`TBN-${RUN}`)}, ${lit(`Réseau navigateur ${RUN}`)}, 'RNAV')`);
    await sql(`INSERT INTO structures (network_id, code_sp, name, typology_id, postal_code, commune)
        SELECT id, ${lit(code)}, ${lit(`Accueil navigateur ${RUN}`)}, (SELECT MIN(id) FROM typologies), '75001', 'Paris'
        FROM networks WHERE code = ${lit(`TBN-${RUN}`)}`);
    sid = Number((await sql(`SELECT id FROM structures WHERE code_sp = ${lit(code)}`))[0][0]);
    await sql(`UPDATE structures SET path = CONCAT('/', id, '/') WHERE id = ${sid}`);
    await createUser(username, 'agent', code, PW);
    await sql(`INSERT INTO user_formulas (user_id, kind, text, position)
        SELECT id, 'politesse', 'Nous vous prions d''agréer nos salutations distinguées.', 1 FROM users WHERE username = ${lit(username)}`);
    await sql(`INSERT INTO user_formulas (user_id, kind, text, position)
        SELECT id, 'signature', 'Le service accueil', 1 FROM users WHERE username = ${lit(username)}`);
    await sql(`INSERT INTO experiences (title, body, feeling, event_date, pseudonym, lives_in_france, postal_code, email,
        status, published_at) VALUES (${lit(title)}, 'Personne ne décroche depuis trois jours.', 'negatif', '2026-10-02',
        ${lit(`Camille ${RUN}`)}, 1, '75001', ${lit(`camille-${RUN}@example.fr`)}, 'publiee', UTC_TIMESTAMP())`);
    expId = Number((await sql(`SELECT MAX(id) FROM experiences WHERE title = ${lit(title)}`))[0][0]);
    await sql(`INSERT INTO experience_structures (experience_id, structure_id, published_at) VALUES (${expId}, ${sid}, UTC_TIMESTAMP())`);
    await sql(`INSERT INTO experience_channels (experience_id, channel_code, feeling) VALUES (${expId}, 'telephone', 'negatif')`);
    await adminOk(['search', 'reindex', String(expId)]);  // published through SQL: index it too
});

after(async () => {
    await browser?.close();
});

test('answer path: list «À traiter» → «Modifier» → draft → «Réponse apportée» — accessible', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/agent/connexion`, { waitUntil: 'load' });
    await page.getByLabel("Nom d'utilisateur").fill(username);
    await page.getByLabel('Mot de passe').fill(PW);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/agent\/?$/);

    await page.goto(`${BASE}/agent/experiences`, { waitUntil: 'load' });
    await accessible(page, '/agent/experiences');
    await page.getByLabel('État').selectOption({ label: 'À traiter' });
    await page.getByRole('button', { name: 'Je recherche' }).click();
    await page.waitForURL(/etat=a_traiter/);
    const row = page.locator('tr', { hasText: title });
    assert.ok(norm(await row.innerText()).includes(`Camille ${RUN}`), 'the author is shown');
    await accessible(page, '/agent/experiences?etat=a_traiter');
    await row.getByRole('link', { name: /Modifier/ }).click();
    await page.waitForURL(new RegExp(`/agent/experiences/${expId}\\?structure=${sid}`));
    const main = norm(await page.innerText('main'));
    for (const s of ['Attribuée à', 'Réside en France', 'Code postal', 'Organisme', 'Tags généraux',
        'Amélioration de service à considérer', 'Formule de politesse', 'Signature', 'Expérience publiée',
        'Réponse en attente de validation', 'Réponse apportée', 'Commentaires']) {
        assert.ok(main.includes(s), `the screen shows «${s}»`);
    }
    assert.ok(!main.includes(`camille-${RUN}@example.fr`), 'never the e-mail');
    await accessible(page, '/agent/experiences/<id>');

    // a draft first: the warning
    await page.getByRole('textbox', { name: /^Votre réponse/ }).fill('Bonjour, nous renforçons la plateforme téléphonique.');
    await page.getByLabel('Formule de politesse', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Signature', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Amélioration de service à considérer').check({ force: true });
    await page.getByLabel('Téléphone', { exact: true }).selectOption('neutre');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/ok=1/);
    assert.ok(norm(await page.innerText('main')).includes("Votre réponse est enregistrée comme brouillon : elle n'est pas publiée."));
    await accessible(page, '/agent/experiences/<id> (draft)');

    // then publish
    await page.getByLabel(/^Réponse apportée/).check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/ok=1/);
    const after = norm(await page.innerText('main'));
    assert.ok(after.includes('Vos modifications sont enregistrées.'));
    assert.ok(!after.includes("elle n'est pas publiée"), 'no draft warning once published');
    const state = await sql(`SELECT es.state, a.status, a.formula, a.signature FROM experience_structures es
        JOIN answers a ON a.experience_id = es.experience_id AND a.structure_id = es.structure_id
        WHERE es.experience_id = ${expId}`);
    assert.deepEqual(state[0], ['repondu', 'publiee', "Nous vous prions d'agréer nos salutations distinguées.", 'Le service accueil']);

    // a comment
    await page.getByLabel('Ajouter un commentaire', { exact: true }).fill(`Vu avec l'équipe ${RUN}`);
    await page.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await page.waitForURL(/ok=4/);
    assert.ok(norm(await page.innerText('main')).includes(`Vu avec l'équipe ${RUN}`));
    await accessible(page, '/agent/experiences/<id> (comment)');

    // an error re-render is accessible too
    await page.getByRole('textbox', { name: /^Votre réponse/ }).fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState('load');
    assert.ok(norm(await page.innerText('main')).includes('Saisissez votre réponse'));
    await accessible(page, '/agent/experiences/<id> (error)');
    await page.close();
});

test('improvement actions and their form — accessible', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/agent/actions/nouvelle`, { waitUntil: 'load' });
    await accessible(page, '/agent/actions/nouvelle');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState('load');
    assert.ok(norm(await page.innerText('main')).includes('Ce champ est obligatoire.'));
    await accessible(page, '/agent/actions/nouvelle (errors)');
    await page.getByLabel(/^Titre/).fill(`Rappel des usagers ${RUN}`);
    await page.getByLabel(/^Description/).fill('Nous rappelons chaque usager sous 48 heures.');
    await page.getByLabel(/^Structure/).selectOption(String(sid));
    await page.getByLabel('Engagement concerné').selectOption('2');
    await page.getByLabel('En cours').check({ force: true });
    await page.getByLabel(/Rendre cette action visible/).check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/agent\/actions\/\d+\?ok=1/);
    await page.goto(`${BASE}/agent/actions`, { waitUntil: 'load' });
    assert.ok(norm(await page.innerText('main')).includes(`Rappel des usagers ${RUN}`));
    await accessible(page, '/agent/actions');
    await page.close();
});

test('the référent\'s tags screen — accessible', async () => {
    const ref = `ref_${RUN}`.toLowerCase();
    const code = (await sql(`SELECT code_sp FROM structures WHERE id = ${sid}`))[0][0];
    await createUser(ref, 'referent', code, PW);
    const context = (await launch());
    try {
        const page = await context.context.newPage();
        await page.goto(`${BASE}/agent/connexion`, { waitUntil: 'load' });
        await page.getByLabel("Nom d'utilisateur").fill(ref);
        await page.getByLabel('Mot de passe').fill(PW);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.waitForURL(/\/agent\/?$/);
        await page.goto(`${BASE}/agent/tags`, { waitUntil: 'load' });
        await page.getByLabel('Ajouter un tag métier').fill(`Accueil ${RUN}`);
        await page.getByRole('button', { name: 'Ajouter' }).click();
        await page.waitForURL(/ok=1/);
        assert.ok(norm(await page.innerText('main')).includes('Le tag est ajouté.'));
        await accessible(page, '/agent/tags');
    } finally {
        await context.close();
    }
});
