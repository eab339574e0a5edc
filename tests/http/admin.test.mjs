// Administration screens (/agent/admin…): rights (administrator, référent
// of one network, super agent, agent), the structure tree (create, move a
// subtree, refuse cycles and other networks), agents and their roles, and
// the audit trail browser.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, norm, plain, waitFor } from './helpers.mjs';
import { Agent, adminOk, createUser, loginAs, sql, suffix } from './admin-helpers.mjs';

const S = suffix().toUpperCase();
const NA = `AA${S}`, NB = `AB${S}`;
const users = {};
const id = {};
let adm, ref, sup, ag;

async function structureId(code) {
    const [[v]] = await sql(`SELECT id FROM structures WHERE code_sp = '${code}'`);
    return v;
}

async function pathOf(code) {
    const [[p, d]] = await sql(`SELECT path, depth FROM structures WHERE code_sp = '${code}'`);
    return [p, Number(d)];
}

/** The posted fields that keep a structure as it is, with overrides. */
function structureForm(code, over = {}) {
    return { code_sp: code, name: `Structure ${code}`, typology: '1', address: '', postal_code: '',
        commune: '', departement: '', parent_code: '', ...over };
}

before(async () => {
    await adminOk(['network', 'add', '--code', NA, '--name', `Réseau A ${S}`, '--short', 'A']);
    await adminOk(['network', 'add', '--code', NB, '--name', `Réseau B ${S}`, '--short', 'B']);
    await adminOk(['structure', 'add', '--code', `${NA}-1`, '--name', `Structure ${NA}-1`, '--network', NA, '--typology', 'agence']);
    await adminOk(['structure', 'add', '--code', `${NA}-2`, '--name', `Structure ${NA}-2`, '--network', NA, '--parent', `${NA}-1`, '--typology', 'agence']);
    await adminOk(['structure', 'add', '--code', `${NA}-3`, '--name', `Structure ${NA}-3`, '--network', NA, '--parent', `${NA}-2`, '--typology', 'agence']);
    await adminOk(['structure', 'add', '--code', `${NB}-1`, '--name', `Structure ${NB}-1`, '--network', NB, '--typology', 'agence']);
    for (const [k, role, st] of [['adm', 'administrateur', null], ['ref', 'referent', `${NA}-1`],
        ['sup', 'super_agent', `${NA}-2`], ['ag', 'agent', `${NA}-3`], ['agb', 'agent', `${NB}-1`]]) {
        users[k] = `${k}_${S}`.toLowerCase();
        await createUser(users[k], role, st);
    }
    for (const k of Object.keys(users)) {
        const [[v]] = await sql(`SELECT id FROM users WHERE username = '${users[k]}'`);
        id[k] = v;
    }
    id.NA = (await sql(`SELECT id FROM networks WHERE code = '${NA}'`))[0][0];
    id.NB = (await sql(`SELECT id FROM networks WHERE code = '${NB}'`))[0][0];
    const pw = 'une phrase de passe très longue 2026';
    [adm, ref, sup, ag] = await Promise.all([loginAs(users.adm, pw), loginAs(users.ref, pw),
        loginAs(users.sup, pw), loginAs(users.ag, pw)]);
});

describe('rights', () => {
    test('an agent cannot open the administration (403)', async () => {
        for (const p of ['/agent/admin', '/agent/admin/structures', '/agent/admin/agents',
            '/agent/admin/journal', '/agent/admin/reseaux', `/agent/admin/agents/${id.ag}`]) {
            assert.equal((await ag.get(p)).status, 403, p);
        }
        await ag.get('/agent/profil');
        const r = await ag.post('/agent/admin/agents/nouveau', { username: `x_${S}`, email: 'x@example.fr',
            display_name: 'X', structure: `${NA}-3`, role: 'agent' });
        assert.equal(r.status, 403);
    });

    test('anonymous visitors are sent to the login page', async () => {
        const r = await new Agent().get('/agent/admin');
        assert.equal(r.status, 303);
        assert.match(r.location, /\/agent\/connexion/);
    });

    test('a référent sees their network but cannot touch another one (403)', async () => {
        let r = await ref.get('/agent/admin');
        assert.equal(r.status, 200);
        r = await ref.get(`/agent/admin/structures?reseau=${id.NA}`);
        assert.equal(r.status, 200);
        for (const c of [`${NA}-1`, `${NA}-2`, `${NA}-3`]) assert.ok(r.text.includes(c), c);
        // the tree nests 3 inside 2 inside 1
        const i1 = r.text.indexOf(`id="s${await structureId(`${NA}-1`)}"`);
        const i3 = r.text.indexOf(`id="s${await structureId(`${NA}-3`)}"`);
        assert.ok(i1 >= 0 && i3 > i1);

        const b1 = await structureId(`${NB}-1`);
        assert.equal((await ref.get(`/agent/admin/structures?reseau=${id.NB}`)).status, 403);
        assert.equal((await ref.get(`/agent/admin/structures/${b1}`)).status, 403);
        assert.equal((await ref.get(`/agent/admin/structures/nouvelle?reseau=${id.NB}`)).status, 403);
        assert.equal((await ref.post(`/agent/admin/structures/${b1}`, structureForm(`${NB}-1`, { name: 'Piraté' }))).status, 403);
        assert.equal((await ref.post('/agent/admin/structures/nouvelle',
            { network: id.NB, ...structureForm(`${NB}-X`) })).status, 403);
        assert.equal((await ref.get(`/agent/admin/agents/${id.agb}`)).status, 403);
        assert.equal((await ref.post(`/agent/admin/agents/${id.agb}/desactiver`, {})).status, 403);
        // administrators only
        assert.equal((await ref.get('/agent/admin/reseaux')).status, 403);
        assert.equal((await ref.get('/agent/admin/journal')).status, 403);
        const [[name]] = await sql(`SELECT name FROM structures WHERE id = ${b1}`);
        assert.equal(name, `Structure ${NB}-1`);
    });

    test('a référent cannot give a role on another network nor a platform role', async () => {
        await ref.get(`/agent/admin/agents/${id.ag}`);
        let r = await ref.post(`/agent/admin/agents/${id.ag}/habilitations`, { structure: `${NB}-1`, role: 'agent' });
        assert.equal(r.status, 200);
        assert.ok(norm(plain(r.text)).includes('Vous ne pouvez pas attribuer ce rôle'));
        r = await ref.post(`/agent/admin/agents/${id.ag}/habilitations`, { structure: '', role: 'administrateur' });
        assert.equal(r.status, 200);
        assert.ok(norm(plain(r.text)).includes('Vous ne pouvez pas attribuer ce rôle'));
        const [[n]] = await sql(`SELECT COUNT(*) FROM memberships WHERE user_id = ${id.ag}`);
        assert.equal(n, '1');
    });

    test('a super agent manages the agents below their structure only', async () => {
        const r = await sup.get('/agent/admin/agents');
        assert.equal(r.status, 200);
        assert.ok(r.text.includes(users.ag));
        assert.ok(!r.text.includes(users.agb));
        assert.ok(!r.text.includes(users.ref), 'the référent sits above the super agent');
        assert.equal((await sup.get(`/agent/admin/agents/${id.ag}`)).status, 200);
        assert.equal((await sup.get(`/agent/admin/agents/${id.agb}`)).status, 403);
        assert.equal((await sup.get('/agent/admin/structures')).status, 403);
    });
});

describe('structures', () => {
    test('create under a parent, move a subtree, paths follow', async () => {
        await ref.get(`/agent/admin/structures/nouvelle?reseau=${id.NA}`);
        let r = await ref.post('/agent/admin/structures/nouvelle',
            { network: id.NA, ...structureForm(`${NA}-4`, { parent_code: `${NA}-3`, postal_code: '69001', commune: 'Lyon', departement: '69' }) });
        assert.equal(r.status, 303, plain(r.text).slice(0, 300));
        const [s1, s2, s3, s4] = await Promise.all([1, 2, 3, 4].map((i) => structureId(`${NA}-${i}`)));
        assert.deepEqual(await pathOf(`${NA}-4`), [`/${s1}/${s2}/${s3}/${s4}/`, 3]);

        // 2 (with 3 and 4 below it) becomes a top-level structure
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: '' }));
        assert.equal(r.status, 303);
        assert.deepEqual(await pathOf(`${NA}-2`), [`/${s2}/`, 0]);
        assert.deepEqual(await pathOf(`${NA}-3`), [`/${s2}/${s3}/`, 1]);
        assert.deepEqual(await pathOf(`${NA}-4`), [`/${s2}/${s3}/${s4}/`, 2]);
        assert.deepEqual(await pathOf(`${NA}-1`), [`/${s1}/`, 0]);

        // and back under 1
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: `${NA}-1` }));
        assert.equal(r.status, 303);
        assert.deepEqual(await pathOf(`${NA}-4`), [`/${s1}/${s2}/${s3}/${s4}/`, 3]);
        const audit = await sql(`SELECT COUNT(*) FROM audit_log WHERE user_id = ${id.ref}
            AND action IN ('structure_create', 'structure_update')`);
        assert.equal(audit[0][0], '3');
    });

    test('cycles, other networks, duplicate codes are refused next to the field', async () => {
        const s2 = await structureId(`${NA}-2`);
        const before = await pathOf(`${NA}-2`);
        let r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: `${NA}-4` }));
        assert.equal(r.status, 200);
        assert.ok(norm(plain(r.text)).includes("ne peut pas être rattachée à elle-même ni à l'une de ses structures filles"));
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: `${NA}-2` }));
        assert.equal(r.status, 200);
        assert.match(r.text, /fr-error-text/);
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: `${NB}-1` }));
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('même réseau'));
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NB}-1`, { parent_code: `${NA}-1` }));
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('déjà utilisé'));
        r = await ref.post(`/agent/admin/structures/${s2}`, structureForm(`${NA}-2`, { parent_code: `${NA}-1`, postal_code: '123' }));
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('code postal'));
        assert.deepEqual(await pathOf(`${NA}-2`), before);
    });
});

describe('agents', () => {
    test('create an agent: account, first membership, first-login mail', async () => {
        const u = `nouveau_${S}`.toLowerCase();
        const t0 = Date.now() - 5000;
        await adm.get('/agent/admin/agents/nouveau');
        let r = await adm.post('/agent/admin/agents/nouveau',
            { username: u, email: `${u}@example.fr`, display_name: 'Nouvel Agent', structure: `${NA}-3`, role: 'agent' });
        assert.equal(r.status, 303);
        const m = (r.location || '').match(/\/agent\/admin\/agents\/(\d+)/);
        assert.ok(m, r.location);
        const [[active, hash]] = await sql(`SELECT active, password_hash IS NULL FROM users WHERE id = ${m[1]}`);
        assert.deepEqual([active, hash], ['1', '1']);
        const [[tokens]] = await sql(`SELECT COUNT(*) FROM password_tokens WHERE user_id = ${m[1]} AND purpose = 'welcome'`);
        assert.equal(tokens, '1');
        const [[mails]] = await sql(`SELECT COUNT(*) FROM mail_outbox WHERE to_addr = '${u}@example.fr'`);
        assert.equal(mails, '1');
        // the local stack delivers it as an .eml file under var/mail/
        const dir = resolve(ROOT, 'var/mail');
        const eml = await waitFor(() => readdirSync(dir)
            .filter((f) => f.endsWith('.eml') && statSync(resolve(dir, f)).mtimeMs >= t0)
            .some((f) => readFileSync(resolve(dir, f), 'utf8').includes(`${u}@example.fr`)), 15000);
        assert.ok(eml, 'first-login mail written under var/mail/');
        const page = await adm.get(m[0]);
        assert.equal(page.status, 200);
        assert.ok(plain(page.text).includes(`Structure ${NA}-3`));

        // the same username again is refused next to the field
        r = await adm.post('/agent/admin/agents/nouveau',
            { username: u, email: `${u}@example.fr`, display_name: 'Doublon', structure: `${NA}-3`, role: 'agent' });
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('déjà pris'));
    });

    test('grant and revoke a role', async () => {
        await ref.get(`/agent/admin/agents/${id.ag}`);
        let r = await ref.post(`/agent/admin/agents/${id.ag}/habilitations`, { structure: `${NA}-2`, role: 'super_agent' });
        assert.equal(r.status, 303);
        const [[mid]] = await sql(`SELECT id FROM memberships WHERE user_id = ${id.ag} AND role = 'super_agent'`);
        assert.ok(mid);
        r = await ref.post(`/agent/admin/agents/${id.ag}/habilitations/retirer`, { membership: mid });
        assert.equal(r.status, 303);
        const [[n]] = await sql(`SELECT COUNT(*) FROM memberships WHERE user_id = ${id.ag} AND role = 'super_agent'`);
        assert.equal(n, '0');
        const acts = (await sql(`SELECT action FROM audit_log WHERE object_type = 'user' AND object_id = ${id.ag}`)).map((x) => x[0]);
        assert.ok(acts.includes('role_granted') && acts.includes('role_revoked'));
    });

    test('list filters: structure, role, search', async () => {
        let r = await adm.get(`/agent/admin/agents?structure=${NA}-3`);
        assert.equal(r.status, 200);
        assert.ok(r.text.includes(users.ag));
        assert.ok(!r.text.includes(users.agb));
        r = await adm.get(`/agent/admin/agents?role=referent&q=${encodeURIComponent(S.toLowerCase())}`);
        assert.ok(r.text.includes(users.ref));
        assert.ok(!r.text.includes(users.ag + '<'));
        r = await adm.get('/agent/admin/agents?q=%25');
        assert.equal(r.status, 200);
    });

    test('deactivation ends the agent\'s sessions', async () => {
        assert.equal((await ag.get('/agent/profil')).status, 200);
        await sup.get(`/agent/admin/agents/${id.ag}`);
        const r = await sup.post(`/agent/admin/agents/${id.ag}/desactiver`, {});
        assert.equal(r.status, 303);
        const after = await ag.get('/agent/profil');
        assert.equal(after.status, 303);
        assert.match(after.location, /\/agent\/connexion/);
        const [[active]] = await sql(`SELECT active FROM users WHERE id = ${id.ag}`);
        assert.equal(active, '0');
    });
});

describe('networks and the audit trail (administrators)', () => {
    test('create and edit a network', async () => {
        await adm.get('/agent/admin/reseaux/nouveau');
        let r = await adm.post('/agent/admin/reseaux/nouveau', { code: `NW${S}`, name: 'Réseau web', short_name: 'Web' });
        assert.equal(r.status, 303);
        const [[nid]] = await sql(`SELECT id FROM networks WHERE code = 'NW${S}'`);
        r = await adm.post(`/agent/admin/reseaux/${nid}`, { code: `NW${S}`, name: 'Réseau web renommé', short_name: 'Web' });
        assert.equal(r.status, 303);
        r = await adm.post('/agent/admin/reseaux/nouveau', { code: `NW${S}`, name: 'Doublon', short_name: 'D' });
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('déjà utilisé'));
        r = await adm.get('/agent/admin/reseaux');
        assert.ok(plain(r.text).includes('Réseau web renommé'));
    });

    test('the journal filters by user and action, and never shows secrets', async () => {
        let r = await adm.get(`/agent/admin/journal?utilisateur=${users.ref}&action=structure_create`);
        assert.equal(r.status, 200);
        assert.ok(r.text.includes(`${NA}-4`));
        assert.ok(!r.text.includes(`${NA}-1<`), 'structures created by the CLI are not by this user');
        r = await adm.get('/agent/admin/journal?du=2000-01-01&au=2000-01-02');
        assert.ok(plain(r.text).includes('Aucune entrée'));
        r = await adm.get('/agent/admin/journal?du=pas-une-date');
        assert.equal(r.status, 200);
        assert.ok(plain(r.text).includes('date valide'));
        r = await adm.get('/agent/admin/journal');
        assert.ok(!/\$argon2/.test(r.text));
    });
});
