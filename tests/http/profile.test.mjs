// «Modifier le profil» (/agent/profil): identity, password change, and the
// «Formules de politesse» / «Signatures» lists (add, edit, reorder, remove).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { plain, norm } from './helpers.mjs';
import { Agent, adminOk, createUser, loginAs, sql, suffix } from './admin-helpers.mjs';

const S = suffix();
const USER = `prof_${S}`;
const OTHER = `prof2_${S}`;
let agent, password;

/** The texts of one list («politesse» or «signatures» section), in page order. */
function listTexts(html, section) {
    const start = html.indexOf(`id="${section}"`);
    assert.ok(start >= 0, `section ${section} missing`);
    const end = html.indexOf('</section>', start);
    const part = html.slice(start, end);
    return [...part.matchAll(/<textarea[^>]*name="text"[^>]*>([^<]*)<\/textarea>/g)]
        .map((m) => norm(plain(m[1])).trim())
        .filter((t) => t !== '');
}

/** The formula ids of a section, in page order. */
function listIds(html, section) {
    const start = html.indexOf(`id="${section}"`);
    const end = html.indexOf('</section>', start);
    return [...html.slice(start, end).matchAll(/action="\/agent\/profil\/formules\/(\d+)"/g)].map((m) => m[1]);
}

before(async () => {
    await adminOk(['network', 'add', '--code', `PR${S}`, '--name', `Réseau profil ${S}`, '--short', 'Profil']);
    await adminOk(['structure', 'add', '--code', `PR${S}-1`, '--name', 'Accueil de test', '--network', `PR${S}`]);
    password = await createUser(USER, 'agent', `PR${S}-1`);
    await createUser(OTHER, 'agent', `PR${S}-1`);
    agent = await loginAs(USER, password);
});

describe('profile page', () => {
    test('anonymous visitors are sent to the login page', async () => {
        const r = await new Agent().get('/agent/profil');
        assert.equal(r.status, 303);
        assert.match(r.location, /\/agent\/connexion/);
    });

    test('shows the identity, password and both lists', async () => {
        const r = await agent.get('/agent/profil');
        assert.equal(r.status, 200);
        const text = norm(plain(r.text));
        for (const s of ['Modifier le profil', 'Formules de politesse', 'Signatures', 'Mot de passe actuel', USER]) {
            assert.ok(text.includes(s), `profile should show «${s}»`);
        }
        assert.match(r.headers.get('cache-control') || '', /no-store|private/);
    });

    test('identity: an invalid email is refused next to the field, a valid one saved', async () => {
        let r = await agent.post('/agent/profil', { display_name: 'Camille <Martin>', email: 'pas-une-adresse' });
        assert.equal(r.status, 200);
        assert.match(r.text, /fr-input-group--error/);
        assert.ok(plain(r.text).includes('Saisissez une adresse électronique valide'));
        assert.ok(r.text.includes('value="Camille &lt;Martin&gt;"'), 'typed value kept and escaped');
        r = await agent.post('/agent/profil', { display_name: 'Camille Martin', email: `camille.${S}@example.fr` });
        assert.equal(r.status, 303);
        const [[name, email]] = await sql(`SELECT display_name, email FROM users WHERE username = '${USER}'`);
        assert.equal(name, 'Camille Martin');
        assert.equal(email, `camille.${S}@example.fr`);
        const audit = await sql(`SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id
            WHERE u.username = '${USER}' AND a.action = 'profile_update'`);
        assert.equal(audit[0][0], '1');
    });

    test('a POST without the CSRF token is refused (403) and changes nothing', async () => {
        const r = await agent.post('/agent/profil/formules', { kind: 'politesse', text: 'sans jeton', csrf: null });
        assert.equal(r.status, 403);
        const r2 = await agent.post('/agent/profil/formules', { kind: 'politesse', text: 'mauvais jeton', csrf: 'x'.repeat(22) });
        assert.equal(r2.status, 403);
        const [[n]] = await sql(`SELECT COUNT(*) FROM user_formulas f JOIN users u ON u.id = f.user_id
            WHERE u.username = '${USER}'`);
        assert.equal(n, '0');
    });
});

describe('formulas and signatures round trip', () => {
    test('add, edit, reorder and remove', async () => {
        for (const t of ['Bien cordialement', 'Veuillez agréer nos salutations distinguées', 'Avec nos remerciements']) {
            const r = await agent.post('/agent/profil/formules', { kind: 'politesse', text: t });
            assert.equal(r.status, 303, `add «${t}»`);
        }
        for (const t of ['Le service accueil\nCAF de l\'Ardèche', 'L\'équipe relation usagers']) {
            const r = await agent.post('/agent/profil/formules', { kind: 'signature', text: t });
            assert.equal(r.status, 303);
        }
        let page = (await agent.get('/agent/profil')).text;
        assert.deepEqual(listTexts(page, 'politesse'),
            ['Bien cordialement', 'Veuillez agréer nos salutations distinguées', 'Avec nos remerciements']);
        assert.deepEqual(listTexts(page, 'signatures'), ["Le service accueil CAF de l'Ardèche", "L'équipe relation usagers"]);

        // edit the second formula
        let ids = listIds(page, 'politesse');
        let r = await agent.post(`/agent/profil/formules/${ids[1]}`, { text: 'Salutations distinguées' });
        assert.equal(r.status, 303);
        // an empty text is refused next to that formula's field
        r = await agent.post(`/agent/profil/formules/${ids[1]}`, { text: '' });
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('Ce champ est obligatoire.'));

        // move the third up, then the first down
        r = await agent.post(`/agent/profil/formules/${ids[2]}/monter`, {});
        assert.equal(r.status, 303);
        page = (await agent.get('/agent/profil')).text;
        assert.deepEqual(listTexts(page, 'politesse'),
            ['Bien cordialement', 'Avec nos remerciements', 'Salutations distinguées']);
        r = await agent.post(`/agent/profil/formules/${ids[0]}/descendre`, {});
        assert.equal(r.status, 303);
        page = (await agent.get('/agent/profil')).text;
        assert.deepEqual(listTexts(page, 'politesse'),
            ['Avec nos remerciements', 'Bien cordialement', 'Salutations distinguées']);
        // the signatures did not move
        assert.deepEqual(listTexts(page, 'signatures'), ["Le service accueil CAF de l'Ardèche", "L'équipe relation usagers"]);

        // remove one
        r = await agent.post(`/agent/profil/formules/${ids[0]}/supprimer`, {});
        assert.equal(r.status, 303);
        page = (await agent.get('/agent/profil')).text;
        assert.deepEqual(listTexts(page, 'politesse'), ['Avec nos remerciements', 'Salutations distinguées']);

        const actions = (await sql(`SELECT a.action FROM audit_log a JOIN users u ON u.id = a.user_id
            WHERE u.username = '${USER}' AND a.action LIKE 'formula%'`)).map((x) => x[0]);
        for (const a of ['formula_add', 'formula_edit', 'formula_move_up', 'formula_move_down', 'formula_delete']) {
            assert.ok(actions.includes(a), `audit trail should record ${a}`);
        }
    });

    test('markup typed in a formula is shown as text', async () => {
        const r = await agent.post('/agent/profil/formules', { kind: 'signature', text: '<script>alert(1)</script>' });
        assert.equal(r.status, 303);
        const page = (await agent.get('/agent/profil')).text;
        assert.ok(!page.includes('<script>alert(1)</script>'));
        assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    });

    test("another agent's formula cannot be changed by guessing its id", async () => {
        const page = (await agent.get('/agent/profil')).text;
        const id = listIds(page, 'politesse')[0];
        const other = await loginAs(OTHER, 'une phrase de passe très longue 2026');
        await other.get('/agent/profil');
        for (const [path, fields] of [[`/agent/profil/formules/${id}`, { text: 'piraté' }],
            [`/agent/profil/formules/${id}/supprimer`, {}], [`/agent/profil/formules/${id}/monter`, {}]]) {
            const r = await other.post(path, fields);
            assert.equal(r.status, 404, path);
        }
        const [[text]] = await sql(`SELECT text FROM user_formulas WHERE id = ${Number(id)}`);
        assert.notEqual(text, 'piraté');
    });
});

describe('password change', () => {
    test('the wrong current password is refused', async () => {
        const r = await agent.post('/agent/profil/mot-de-passe', {
            current: 'ce n’est pas le bon mot de passe', new: 'un tout nouveau mot de passe 2027',
            confirm: 'un tout nouveau mot de passe 2027',
        });
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('Le mot de passe actuel est incorrect.'));
        assert.ok(!r.text.includes('un tout nouveau mot de passe 2027'), 'passwords are never echoed');
    });

    test('a mismatched confirmation and a short password are refused', async () => {
        let r = await agent.post('/agent/profil/mot-de-passe', {
            current: password, new: 'un tout nouveau mot de passe 2027', confirm: 'autre chose encore 2027',
        });
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('ne sont pas identiques'));
        r = await agent.post('/agent/profil/mot-de-passe', { current: password, new: 'court', confirm: 'court' });
        assert.equal(r.status, 200);
        assert.match(r.text, /fr-error-text/);
    });

    test('the right current password changes it; the old one stops working', async () => {
        const fresh = 'un tout nouveau mot de passe 2027';
        const r = await agent.post('/agent/profil/mot-de-passe', { current: password, new: fresh, confirm: fresh });
        assert.equal(r.status, 303);
        assert.equal((await agent.get('/agent/profil')).status, 200, 'the current session stays open');
        const again = new Agent();
        await again.get('/agent/connexion');
        const bad = await again.post('/agent/connexion', { username: USER, password });
        assert.ok(bad.status !== 303 || /connexion/.test(bad.location || ''), 'old password refused');
        await loginAs(USER, fresh);
        password = fresh;
    });
});
