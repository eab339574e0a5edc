// The agents' side of experiences through the real stack (issue #4, items
// 5–10 and «Bad input and rights»): «Les expériences» and its filters, the
// experience screen (draft with its warning, submission for validation,
// publication with the author's rating link, sending back with a remark,
// concurrent edits), comments and their visibility, record-level rights,
// the CSV export, improvement actions, tags and bad inputs.
//
// Every run creates its own networks, structures, agents and experiences
// (SQL fixtures + spplus-admin) and logs in through /agent/connexion.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASE, DIRECT, ROOT, get, plain, norm, decode, waitFor } from './helpers.mjs';
import { MAIL_DIR, qpDecode } from './mail.mjs';
import { Agent, adminOk, createUser, lit, sql, suffix } from './admin-helpers.mjs';

const RUN = suffix();
const PW = 'une phrase de passe très longue 2026';

// ---------------------------------------------------------------------------
// helpers

/** Text of <main> with tags dropped, entities decoded, spaces normalised. */
function mainText(html) {
    const m = html.match(/<main[\s\S]*<\/main>/);
    return norm(plain(m ? m[0] : html));
}

/** The value of the hidden field `name` of the page's first form having it. */
function hidden(html, name) {
    const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
    return m ? decode(m[1]) : null;
}


/** Decoded text of every mail written for `to` (var/mail/*.eml). */
function mailsTo(to) {
    let files = [];
    try {
        files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml'));
    } catch {
        return [];
    }
    return files.map((f) => readFileSync(resolve(MAIL_DIR, f), 'utf8'))
        .filter((raw) => raw.includes(`\r\nTo: <${to}>\r\n`))
        .map((raw) => qpDecode(raw));
}

/** Waits until a mail to `to` contains `needle`; returns its text. */
async function mailWith(to, needle) {
    const find = () => mailsTo(to).find((t) => t.includes(needle));
    let m = await waitFor(find, 2000);
    if (!m) {
        await adminOk(['mail', 'send']);
        m = await waitFor(find, 10000);
    }
    assert.ok(m, `a mail to ${to} containing «${needle}»`);
    return m;
}

/** Runs SQL and returns the first column of the first row. */
async function one(q) {
    const rows = await sql(q);
    return rows.length ? rows[0][0] : null;
}

// ---------------------------------------------------------------------------
// fixtures: network N (mère M, filles A and B), network Y (structure X)

const S = {};      // structure ids
const U = {};      // logged-in Agents
const E = {};      // experience ids
const code = (k) => `T${k}-${RUN}`.toUpperCase().slice(0, 20);

async function structure(key, net, parentKey) {
    const parent = parentKey ? S[parentKey] : null;
    await sql(`INSERT INTO structures (network_id, parent_id, code_sp, name, typology_id, postal_code, commune)
        VALUES (${net}, ${parent ?? 'NULL'}, ${lit(code(key))}, ${lit(`Structure ${key} ${RUN}`)},
        (SELECT MIN(id) FROM typologies), '13100', 'Aix-en-Provence')`);
    const id = Number(await one(`SELECT id FROM structures WHERE code_sp = ${lit(code(key))}`));
    const ppath = parent ? await one(`SELECT path FROM structures WHERE id = ${parent}`) : '/';
    await sql(`UPDATE structures SET path = ${lit(`${ppath}${id}/`)}, depth = ${parent ? 1 : 0} WHERE id = ${id}`);
    S[key] = id;
}

/** A published experience concerning the given structures; returns its id. */
async function experience(title, keys, opts = {}) {
    const email = opts.email || `auteur-${RUN}-${Math.random().toString(36).slice(2, 7)}@example.fr`;
    await sql(`INSERT INTO experiences (title, body, feeling, event_date, pseudonym, lives_in_france, postal_code,
        email, status, published_at) VALUES (${lit(title)}, ${lit(opts.body || `Détails de ${title}.`)},
        ${lit(opts.feeling || 'negatif')}, '2026-10-01', ${lit(opts.pseudonym || `Pseudo${RUN}`)}, 1, '13100',
        ${lit(email)}, ${lit(opts.status || 'publiee')}, UTC_TIMESTAMP() - INTERVAL ${opts.minutes || 5} MINUTE)`);
    const id = Number(await one(`SELECT MAX(id) FROM experiences WHERE title = ${lit(title)}`));
    for (const k of keys) {
        await sql(`INSERT INTO experience_structures (experience_id, structure_id, published_at)
            VALUES (${id}, ${S[k]}, UTC_TIMESTAMP() - INTERVAL ${opts.minutes || 5} MINUTE)`);
    }
    // published through SQL: the public keyword index must know it too
    await adminOk(['search', 'reindex', String(id)]);
    return { id, email };
}

let netN, netY;

before(async () => {
    await sql(`INSERT INTO networks (code, name, short_name) VALUES (${lit(`TN-${RUN}`)}, ${lit(`Réseau N ${RUN}`)}, 'RN'),
        (${lit(`TY-${RUN}`)}, ${lit(`Réseau Y ${RUN}`)}, 'RY')`);
    netN = Number(await one(`SELECT id FROM networks WHERE code = ${lit(`TN-${RUN}`)}`));
    netY = Number(await one(`SELECT id FROM networks WHERE code = ${lit(`TY-${RUN}`)}`));
    await structure('M', netN, null);
    await structure('A', netN, 'M');
    await structure('B', netN, 'M');
    await structure('X', netY, null);

    const users = [
        ['agentA', 'agent', 'A'], ['repA', 'repondant', 'A'], ['superM', 'super_agent', 'M'],
        ['agentB', 'agent', 'B'], ['agentX', 'agent', 'X'], ['evalA', 'evaluateur', 'A'],
        ['refN', 'referent', 'M'], ['adminU', 'administrateur', null],
    ];
    for (const [k, role, s] of users) {
        const name = `${k}_${RUN}`.toLowerCase();
        await createUser(name, role, s ? code(s) : null, PW);
        U[`${k}Email`] = `${name}@example.fr`;
        U[`${k}Id`] = Number(await one(`SELECT id FROM users WHERE username = ${lit(name)}`));
    }
    for (const k of ['agentA', 'repA', 'superM']) {
        await sql(`INSERT INTO user_formulas (user_id, kind, text, position) VALUES
            (${U[`${k}Id`]}, 'politesse', 'Bien cordialement,', 1),
            (${U[`${k}Id`]}, 'signature', ${lit(`L'équipe ${k}`)}, 1)`);
    }
    E.shared = await experience(`Accueil partagé ${RUN}`, ['A', 'B']);
    E.draft = await experience(`Brouillon ${RUN}`, ['A']);
    E.flow = await experience(`Validation ${RUN}`, ['A'], { minutes: 3 });
    E.back = await experience(`Renvoi ${RUN}`, ['A']);
    E.conflict = await experience(`Conflit ${RUN}`, ['A']);
    E.csv = await experience(`=HYPERLINK("http://x") ${RUN}`, ['A'], { body: 'a;b "c"\r\nd', pseudonym: `@pseudo${RUN}` });
    E.hidden = await experience(`Non modérée ${RUN}`, ['A'], { status: 'a_moderer' });
    E.xonly = await experience(`Seulement X ${RUN}`, ['X']);
    E.bad = await experience(`Saisies ${RUN}`, ['A']);
    for (const k of ['agentA', 'repA', 'superM', 'agentB', 'agentX', 'evalA', 'refN', 'adminU']) {
        U[k] = await new Agent().login(`${k}_${RUN}`.toLowerCase(), PW);
    }
});

const screen = (key, s = 'A') => `/agent/experiences/${E[key].id}?structure=${S[s]}`;
const postUrl = (key) => `/agent/experiences/${E[key].id}`;

/** Opens the screen as `who` and saves `fields` with its version and CSRF token. */
async function save(who, key, fields, s = 'A') {
    const page = await U[who].get(screen(key, s));
    assert.equal(page.status, 200, `${who} opens ${key}`);
    return U[who].post(postUrl(key), { structure: S[s], version: hidden(page.text, 'version'), ...fields });
}

// ---------------------------------------------------------------------------
// «Les expériences»

test('the list: «à traiter» filter, my structures only, published only, «Modifier» links', async () => {
    const r = await U.agentA.get(`/agent/experiences?etat=a_traiter&structure=${S.A}`);
    assert.equal(r.status, 200);
    const t = mainText(r.text);
    for (const label of ['État', 'À traiter', 'Réponse en attente de validation', 'Réponse apportée', 'Toutes',
        'Structure', 'inclure les structures filles', 'Ressenti', 'Tag', 'Attribuée à', 'Je recherche',
        'Date de publication', 'Auteur', 'Exporter en CSV']) {
        assert.ok(t.includes(label), `list shows «${label}»`);
    }
    assert.ok(t.includes(`Brouillon ${RUN}`), 'an unanswered experience is «à traiter»');
    assert.ok(t.includes(`Pseudo${RUN}`), 'the author pseudonym is shown');
    assert.ok(!t.includes(`Non modérée ${RUN}`), 'an experience waiting for moderation is not listed');
    assert.ok(!t.includes(`Seulement X ${RUN}`), 'another structure\'s experience is not listed');
    assert.ok(r.text.includes(`href="/agent/experiences/${E.draft.id}?structure=${S.A}"`), '«Modifier» link');
    assert.match(r.headers.get('cache-control') || '', /no-store/);

    const x = await U.agentX.get('/agent/experiences?etat=toutes');
    assert.ok(mainText(x.text).includes(`Seulement X ${RUN}`));
    assert.ok(!mainText(x.text).includes(`Brouillon ${RUN}`), 'agent of X does not see A\'s experiences');

    const sup = await U.superM.get(`/agent/experiences?etat=toutes&structure=${S.M}&filles=1&q=${encodeURIComponent(RUN)}`);
    assert.ok(mainText(sup.text).includes(`Brouillon ${RUN}`), 'a super agent sees the filles with «inclure les structures filles»');
    const supNo = await U.superM.get(`/agent/experiences?etat=toutes&structure=${S.M}&q=${encodeURIComponent(RUN)}`);
    assert.ok(!mainText(supNo.text).includes(`Brouillon ${RUN}`), 'without the checkbox only the mère itself');

    const adm = await U.adminU.get(`/agent/experiences?etat=toutes&q=${encodeURIComponent(RUN)}`);
    assert.ok(mainText(adm.text).includes(`Brouillon ${RUN}`) && mainText(adm.text).includes(`Seulement X ${RUN}`),
        'an administrator sees every structure');
    assert.ok(!mainText(adm.text).includes(`Non modérée ${RUN}`));

    const bad = await U.agentA.get('/agent/experiences?etat=nimportequoi&du=2026-13-45');
    assert.equal(bad.status, 400, 'invalid filters are refused with messages');
    assert.ok(mainText(bad.text).includes('Je recherche'));
});

test('the filter form and the pagination follow the filters and the structures (kept HTML)', async () => {
    // the worker keeps the form's and the pagination's HTML under the
    // digest of what they show: each request must still show its own
    const selected = (html, name) => {
        const sel = html.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?</select>`));
        const opt = sel && sel[0].match(/<option value="([^"]*)" selected/);
        return opt ? opt[1] : null;
    };
    for (const etat of ['repondu', 'a_traiter', 'repondu', 'toutes']) {
        const r = await U.superM.get(`/agent/experiences?etat=${etat}`);
        assert.equal(r.status, 200);
        assert.equal(selected(r.text, 'etat'), etat, `«État» shows ${etat}`);
    }
    const withB = await U.superM.get(`/agent/experiences?etat=toutes&structure=${S.B}`);
    assert.equal(selected(withB.text, 'structure'), String(S.B));
    const renamed = `Structure B renommée ${RUN}`;
    await sql(`UPDATE structures SET name = ${lit(renamed)} WHERE id = ${S.B}`);
    try {
        const after = await U.superM.get(`/agent/experiences?etat=toutes&structure=${S.B}`);
        assert.ok(after.text.includes(`${renamed} (${code('B')})`), 'the renamed structure is in «Structure»');
        const body = after.text.split('<tbody>')[1] || '';
        assert.ok(plain(body).includes(`Accueil partagé ${RUN}`) && plain(body).includes(renamed),
            'its rows show the new name');
    } finally {
        await sql(`UPDATE structures SET name = ${lit(`Structure B ${RUN}`)} WHERE id = ${S.B}`);
    }

    // a structure created under M is in the super agent's list at once
    // (each web worker keeps the tree of M, checked on every page)
    for (let i = 0; i < 3; i++) await U.superM.get('/agent/experiences?etat=a_traiter');
    await structure('C', netN, 'M');
    const inC = await experience(`Nouvelle fille ${RUN}`, ['C']);
    for (let i = 0; i < 3; i++) {
        const r = await U.superM.get('/agent/experiences?etat=a_traiter');
        assert.ok(r.text.includes(`href="/agent/experiences/${inC.id}?structure=${S.C}"`),
            'the new structure\'s experience is listed');
        assert.ok(r.text.includes(`<option value="${S.C}">`), 'and the structure is in «Structure»');
    }

    // 21 more rows for B: two pages, whose links keep the filters
    for (let i = 0; i < 21; i++) await experience(`Page ${i} ${RUN}`, ['B'], { minutes: 30 + i });
    const p1 = await U.superM.get(`/agent/experiences?etat=a_traiter&structure=${S.B}`);
    assert.ok(p1.text.includes(`href="/agent/experiences?etat=a_traiter&amp;structure=${S.B}&amp;page=2"`),
        'page 2 link keeps état and structure');
    const p1all = await U.superM.get(`/agent/experiences?etat=toutes&structure=${S.B}`);
    assert.ok(p1all.text.includes(`href="/agent/experiences?etat=toutes&amp;structure=${S.B}&amp;page=2"`),
        'another état, its own links');
    const p2 = await U.superM.get(`/agent/experiences?etat=a_traiter&structure=${S.B}&page=2`);
    assert.match(mainText(p2.text), /page 2 sur 2/);
    assert.ok(p2.text.includes(`href="/agent/experiences?etat=a_traiter&amp;structure=${S.B}&amp;page=1"`));
});

test('the list\'s pages kept by the workers show every change of their rows at once', async () => {
    // each web worker keeps the pages of the «à traiter» list it read
    // (fcgi/page_agent_experiences.c, sql/009): every answer must be the
    // database's, whichever worker gives it
    const rowOf = (html, id) => html.split('<tr>').find((tr) => tr.includes(`href="/agent/experiences/${id}?`)) || '';
    const total = (html) => Number((mainText(html).match(/(\d+) expériences?\b/) || [])[1] || 0);
    async function every(who, path, check) {
        for (let i = 0; i < 4; i++) {
            const r = await U[who].get(path);
            assert.equal(r.status, 200);
            check(r.text);
        }
    }
    const oneB = `/agent/experiences?etat=a_traiter&structure=${S.B}`;       // plan A
    const subtree = '/agent/experiences?etat=a_traiter';                        // superM: M and its filles
    const e = await experience(`Gardée ${RUN}`, ['B'], { minutes: 1 });
    let before = 0;
    await every('agentB', oneB, (t) => { assert.ok(rowOf(t, e.id).includes(`Gardée ${RUN}`)); before = total(t); });
    await every('superM', subtree, (t) => assert.ok(rowOf(t, e.id).includes(`Gardée ${RUN}`)));

    await sql(`UPDATE experiences SET title = ${lit(`Gardée modifiée ${RUN}`)}, pseudonym = ${lit(`Autre${RUN}`)}
        WHERE id = ${e.id}`);
    for (const [who, path] of [['agentB', oneB], ['superM', subtree]]) {
        await every(who, path, (t) => {
            assert.ok(rowOf(t, e.id).includes(`Gardée modifiée ${RUN}`), 'an edited title');
            assert.ok(rowOf(t, e.id).includes(`Autre${RUN}`), 'an edited pseudonym');
        });
    }
    await sql(`UPDATE users SET display_name = ${lit(`Bérénice ${RUN}`)} WHERE id = ${U.agentBId}`);
    await sql(`UPDATE experience_structures SET assigned_user_id = ${U.agentBId}, state = 'brouillon'
        WHERE experience_id = ${e.id}`);
    await every('agentB', oneB, (t) => {
        assert.ok(rowOf(t, e.id).includes(`Bérénice ${RUN}`), 'the assignee');
        assert.ok(rowOf(t, e.id).includes('brouillon de réponse'), 'a draft\'s badge');
    });
    await sql(`UPDATE users SET display_name = ${lit(`Bérénice renommée ${RUN}`)} WHERE id = ${U.agentBId}`);
    await every('agentB', oneB, (t) => assert.ok(rowOf(t, e.id).includes(`Bérénice renommée ${RUN}`),
        'a renamed assignee'));
    await every('superM', subtree, (t) => assert.ok(rowOf(t, e.id).includes(`Bérénice renommée ${RUN}`)));

    // (status and deletion through SQL: the public keyword index follows)
    await sql(`UPDATE experiences SET status = 'a_moderer' WHERE id = ${e.id}`);
    await adminOk(['search', 'reindex', String(e.id)]);
    await every('agentB', oneB, (t) => {
        assert.equal(rowOf(t, e.id), '', 'an unpublished experience leaves the list');
        assert.equal(total(t), before - 1, 'and its total');
    });
    await every('superM', subtree, (t) => assert.equal(rowOf(t, e.id), ''));
    await sql(`UPDATE experiences SET status = 'publiee' WHERE id = ${e.id}`);
    await adminOk(['search', 'reindex', String(e.id)]);
    await every('agentB', oneB, (t) => assert.equal(total(t), before, 'published again'));
    await sql(`DELETE FROM experiences WHERE id = ${e.id}`);
    await adminOk(['search', 'reindex', String(e.id)]);
    await every('agentB', oneB, (t) => assert.equal(total(t), before - 1, 'deleted'));
    // the counts the totals come from are those of a recount (sql/005, sql/009)
    const [[off]] = await sql(`SELECT COUNT(*) FROM structure_experience_counts k LEFT JOIN
        (SELECT structure_id, SUM(list_state = 'a_traiter') a, SUM(list_state = 'en_attente') b,
                SUM(list_state = 'repondu') c
           FROM experience_structures WHERE published_at IS NOT NULL GROUP BY structure_id) x
        USING (structure_id)
        WHERE (COALESCE(x.a, 0), COALESCE(x.b, 0), COALESCE(x.c, 0)) <> (k.a_traiter, k.en_attente, k.repondu)`);
    assert.equal(Number(off), 0, 'every structure\'s counts match a recount');

    // the content is kept whole too: the message of a reassignment
    // (…?ok=2, after «Enregistrer») shows only when asked for
    for (let i = 0; i < 3; i++) {
        const withOk = await U.agentB.get('/agent/experiences?ok=2');
        assert.ok(mainText(withOk.text).includes('réattribuée à la structure fille'), 'the message');
        const without = await U.agentB.get('/agent/experiences');
        assert.ok(!mainText(without.text).includes('réattribuée'), 'no message');
    }

    // a structure that is not mine: nothing, and no error
    for (let i = 0; i < 3; i++) {
        const other = await U.agentB.get(`/agent/experiences?etat=a_traiter&structure=${S.X}`);
        assert.equal(other.status, 200);
        assert.ok(mainText(other.text).includes('Aucune expérience ne correspond'), 'an empty list');
    }

    // /spplus-status counts the pages shown from kept rows and those read
    const status = await get('/spplus-status');
    const row = status.text.split('<tr>').find((r) => /<th scope="row">web<\/th>/.test(r)) || '';
    const cells = [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => Number(m[1].replace(/\D/g, '')));
    const [kept, read] = cells.slice(9);
    assert.ok(kept >= 5 && read >= 5, `«Les expériences» pages kept (${kept}) and read (${read})`);
});

test('draft: «Expérience publiée» keeps a draft, warns, and publishes nothing', async () => {
    const text = `Brouillon de réponse ${RUN}`;
    const r = await save('agentA', 'draft', { reponse: text, statut: 'brouillon', formule: 'Bien cordialement,' });
    assert.equal(r.status, 303, 'saved');
    const page = await U.agentA.get(screen('draft'));
    const t = mainText(page.text);
    assert.ok(t.includes("Votre réponse est enregistrée comme brouillon : elle n'est pas publiée."), 'draft warning');
    assert.ok(page.text.includes('fr-alert--warning'), 'the warning is a DSFR alert');
    assert.ok(page.text.includes(text), 'the draft is kept in the textarea');
    assert.equal(await one(`SELECT state FROM experience_structures WHERE experience_id = ${E.draft.id}`), 'brouillon');
    assert.equal(await one(`SELECT status FROM answers WHERE experience_id = ${E.draft.id}`), 'brouillon');
    const pub = await get(`/experiences/${E.draft.id}`, { base: DIRECT });
    assert.ok(!pub.text.includes(text), 'a draft is never on the public page');
    const aTraiter = await U.agentA.get(`/agent/experiences?etat=a_traiter&q=${encodeURIComponent(`Brouillon ${RUN}`)}`);
    assert.ok(mainText(aTraiter.text).includes(`Brouillon ${RUN}`), 'a draft is still «à traiter»');
    assert.ok(Number(await one(`SELECT COUNT(*) FROM audit_log WHERE action = 'experience_answer_draft'
        AND object_id = ${E.draft.id} AND user_id = ${U.agentAId}`)) >= 1, 'audited');
});

/** The state badge of experience id's row in «Les expériences» («toutes», matching q), asked 3 times
 *  (both workers: the row's HTML comes from their fragment cache once rendered); every answer alike. */
async function listedState(who, id, q) {
    const badges = [];
    for (let i = 0; i < 3; i++) {
        const r = await U[who].get(`/agent/experiences?etat=toutes&q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200);
        const row = r.text.split('<tr>').find((tr) => tr.includes(`href="/agent/experiences/${id}?`));
        assert.ok(row, `experience ${id} is listed`);
        badges.push((row.match(/fr-badge[^>]*>([^<]*)</) || [])[1]);
    }
    assert.ok(badges.every((b) => b === badges[0]), `the same row every time: ${badges}`);
    return badges[0];
}

test('répondant submits, super agent is notified and publishes, author gets the rating link', async () => {
    const text = `Réponse validée ${RUN} : nous avons revu votre dossier.`;
    assert.equal(await listedState('agentA', E.flow.id, `Validation ${RUN}`), 'À traiter');
    const refused = await save('repA', 'flow', { reponse: text, statut: 'repondu' });
    assert.equal(refused.status, 403, 'a répondant cannot publish');
    assert.ok(mainText(refused.text).includes('Votre profil ne permet pas de publier'), 'French message');
    assert.ok(refused.text.includes(text), 'what was typed is kept');
    assert.equal(await one(`SELECT COUNT(*) FROM answers WHERE experience_id = ${E.flow.id}`), '0');

    const sub = await save('repA', 'flow', { reponse: text, statut: 'en_attente', formule: 'Bien cordialement,',
        signature: "L'équipe repA" });
    assert.equal(sub.status, 303);
    assert.equal(await one(`SELECT state FROM experience_structures WHERE experience_id = ${E.flow.id}`), 'en_attente');
    await mailWith(U.superMEmail, `/agent/experiences/${E.flow.id}`);
    assert.equal(await listedState('agentA', E.flow.id, `Validation ${RUN}`), 'Réponse en attente de validation',
        'the list row follows the state');

    const pending = await U.superM.get(`/agent/experiences?etat=en_attente&structure=${S.M}&filles=1`);
    assert.ok(mainText(pending.text).includes(`Validation ${RUN}`), 'the super agent sees it pending');
    const view = await U.superM.get(screen('flow'));
    assert.ok(mainText(view.text).includes('Renvoyer'), 'validators may send back');
    assert.ok(view.text.includes(text));

    const pub = await save('superM', 'flow', { reponse: text, statut: 'repondu', formule: 'Bien cordialement,',
        signature: "L'équipe repA" });
    assert.equal(pub.status, 303, 'published');
    const row = await sql(`SELECT a.status, a.published_at IS NOT NULL, es.state, es.first_answer_at IS NOT NULL,
        a.published_by FROM answers a JOIN experience_structures es ON es.experience_id = a.experience_id
        AND es.structure_id = a.structure_id WHERE a.experience_id = ${E.flow.id}`);
    assert.deepEqual(row[0], ['publiee', '1', 'repondu', '1', String(U.superMId)]);
    assert.equal(await one(`SELECT COUNT(*) FROM answer_ratings ar JOIN answers a ON a.id = ar.answer_id
        WHERE a.experience_id = ${E.flow.id}`), '1', 'one rating token');

    const publicPage = await waitFor(async () => {
        const p = await get(`/experiences/${E.flow.id}`, { base: DIRECT });
        return p.status === 200 && p.text.includes('nous avons revu votre dossier') ? p : null;
    }, 3000);
    assert.ok(publicPage, 'the answer is on the public page');

    const mail = await mailWith(E.flow.email, '/avis-reponse/');
    const m = mail.match(/\/avis-reponse\/([A-Za-z0-9_-]{20,})/);
    assert.ok(m, 'the rating link');
    const rating = await get(`/avis-reponse/${m[1]}`, { base: DIRECT });
    assert.equal(rating.status, 200, 'the rating link opens');
    assert.ok(!mail.includes(U.superMEmail), 'no agent address in the author\'s mail');

    assert.equal(await listedState('agentA', E.flow.id, `Validation ${RUN}`), 'Réponse apportée');
    const done = await U.agentA.get(`/agent/experiences?etat=repondu&q=${encodeURIComponent(`Validation ${RUN}`)}`);
    assert.ok(mainText(done.text).includes(`Validation ${RUN}`), '«Réponse apportée» filter');
    const todo = await U.agentA.get(`/agent/experiences?etat=a_traiter&q=${encodeURIComponent(`Validation ${RUN}`)}`);
    assert.ok(!mainText(todo.text).includes(`Validation ${RUN}`), 'no longer «à traiter»');
    assert.ok(Number(await one(`SELECT COUNT(*) FROM audit_log WHERE action = 'experience_answer_publish'
        AND object_id = ${E.flow.id}`)) === 1, 'publication audited');
});

test('a super agent sends a pending answer back with a remark', async () => {
    const sub = await save('repA', 'back', { reponse: `À revoir ${RUN}`, statut: 'en_attente' });
    assert.equal(sub.status, 303);
    const page = await U.superM.get(screen('back'));
    const remark = `Merci de préciser le délai ${RUN}`;
    const noRemark = await U.superM.post(`${postUrl('back')}/renvoi`, { structure: S.A, version: hidden(page.text, 'version'), remarque: '' });
    assert.equal(noRemark.status, 422, 'a remark is required');
    const denied = await U.repA.post(`${postUrl('back')}/renvoi`, { structure: S.A, version: hidden(page.text, 'version'), remarque: 'x' });
    assert.equal(denied.status, 403, 'a répondant cannot send back');
    const r = await U.superM.post(`${postUrl('back')}/renvoi`, { structure: S.A, version: hidden(page.text, 'version'), remarque: remark });
    assert.equal(r.status, 303);
    assert.equal(await one(`SELECT state FROM experience_structures WHERE experience_id = ${E.back.id}`), 'brouillon');
    assert.equal(await one(`SELECT validation_remark FROM answers WHERE experience_id = ${E.back.id}`), remark);
    await mailWith(U.repAEmail, remark);
    const again = await U.repA.get(screen('back'));
    assert.ok(mainText(again.text).includes(remark), 'the author of the answer sees the remark');
});

test('concurrent edits: the second «Enregistrer» gets 409 and keeps what was typed', async () => {
    const p1 = await U.agentA.get(screen('conflict'));
    const p2 = await U.superM.get(screen('conflict'));
    const v = hidden(p1.text, 'version');
    assert.equal(v, hidden(p2.text, 'version'));
    const first = await U.superM.post(postUrl('conflict'), { structure: S.A, version: v, reponse: 'Première version', statut: 'brouillon' });
    assert.equal(first.status, 303);
    const typed = `Ma réponse concurrente ${RUN}`;
    const second = await U.agentA.post(postUrl('conflict'), { structure: S.A, version: v, reponse: typed, statut: 'brouillon' });
    assert.equal(second.status, 409);
    assert.ok(mainText(second.text).includes('Cette expérience a été modifiée par un autre agent'), 'French message');
    assert.ok(second.text.includes(typed), 'the typed answer is kept');
    assert.equal(await one(`SELECT body FROM answers WHERE experience_id = ${E.conflict.id}`), 'Première version');
    const newV = hidden(second.text, 'version');
    assert.notEqual(newV, v, 'the page carries the new version');
    const third = await U.agentA.post(postUrl('conflict'), { structure: S.A, version: newV, reponse: typed, statut: 'brouillon' });
    assert.equal(third.status, 303, 'saving again after reading works');
});

test('comments: seen by agents of every structure concerned, by nobody else', async () => {
    const body = `Coordonnons-nous ${RUN} <b>gras</b>`;
    await U.agentA.get(screen('shared'));
    const r = await U.agentA.post(`${postUrl('shared')}/commentaires`, { structure: S.A, commentaire: body });
    assert.equal(r.status, 303);
    const b = await U.agentB.get(screen('shared', 'B'));
    assert.equal(b.status, 200);
    assert.ok(mainText(b.text).includes(body), 'an agent of the other structure concerned sees the comment');
    assert.ok(b.text.includes('&lt;b&gt;gras&lt;/b&gt;'), 'escaped');
    const x = await U.agentX.get(screen('shared'));
    assert.equal(x.status, 404, 'an agent of an unrelated structure gets 404');
    await U.agentX.get('/agent/experiences');
    const xPost = await U.agentX.post(`${postUrl('shared')}/commentaires`, { structure: S.A, commentaire: 'intrus' });
    assert.equal(xPost.status, 404, 'nor can he comment');
    const pub = await get(`/experiences/${E.shared.id}`, { base: DIRECT });
    assert.ok(!pub.text.includes(`Coordonnons-nous ${RUN}`), 'comments are never public');
    const empty = await U.agentA.post(`${postUrl('shared')}/commentaires`, { structure: S.A, commentaire: '' });
    assert.equal(empty.status, 422, 'an empty comment is refused with a message');
    assert.ok(mainText(empty.text).includes('Ce champ est obligatoire'));
});

test('record-level rights: id guessing gives 404, read-only profiles 403', async () => {
    assert.equal((await U.agentX.get(screen('draft'))).status, 404, 'other network: 404');
    assert.equal((await U.agentA.get(screen('shared', 'B'))).status, 404, 'a sibling structure: 404');
    assert.equal((await U.agentA.get(`/agent/experiences/${E.hidden.id}?structure=${S.A}`)).status, 404, 'unpublished: 404');
    assert.equal((await U.agentA.get(`/agent/experiences/${E.xonly.id}`)).status, 404);
    assert.equal((await U.agentA.get('/agent/experiences/99999999999')).status, 404);
    assert.equal((await U.agentA.get('/agent/experiences/abc')).status, 404);
    const ev = await U.evalA.get(screen('shared'));
    assert.equal(ev.status, 200, 'an évaluateur reads');
    assert.ok(!ev.text.includes('name="reponse"'), 'but has no answer form');
    const evPost = await U.evalA.post(postUrl('shared'), { structure: S.A, version: '1', reponse: 'x', statut: 'brouillon' });
    assert.equal(evPost.status, 403, 'and cannot change it');
    const ref = await U.refN.get(screen('shared'));
    assert.equal(ref.status, 200, 'a référent sees his network');
    const noCsrf = await U.agentA.post(postUrl('shared'), { structure: S.A, version: '1', statut: 'brouillon', csrf: null });
    assert.equal(noCsrf.status, 403, 'no CSRF token: 403');
    const anon = await get(screen('shared'));
    assert.equal(anon.status, 303, 'anonymous: to the login page');
});

test('CSV export: BOM, semicolons, CRLF, quoting, formula injection, no e-mail', async () => {
    // raw bytes: fetch's text() would drop the BOM
    const res = await fetch(`${BASE}/agent/experiences.csv?etat=toutes&structure=${S.A}`,
        { headers: { cookie: U.agentA.cookieHeader() }, redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') || '', /attachment/);
    const buf = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const r = { text: buf.subarray(3).toString('utf8') };
    const lines = r.text.split('\r\n');
    assert.ok(lines[0].startsWith('Identifiant;Date de publication;Auteur;Titre'), 'header');
    assert.ok(lines[0].includes('Date de la première réponse publiée'), 'first answer column');
    assert.ok(!/(^|[^\r])\n/.test(r.text.replace(/"[^"]*"/g, '')), 'CRLF line ends outside quoted cells');
    assert.ok(r.text.includes(`"'=HYPERLINK(""http://x"") ${RUN}"`), 'formula neutralised and quotes doubled');
    assert.ok(r.text.includes(`"'@pseudo${RUN}"`), '@ neutralised');
    assert.ok(r.text.includes('"a;b ""c""\r\nd"'), 'separator, quotes and line breaks quoted');
    assert.ok(!r.text.includes('@example.fr'), 'never an e-mail address');
    const flowLine = lines.find((l) => l.startsWith(`${E.flow.id};`));
    assert.ok(flowLine && /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(flowLine), 'first published answer timestamp');
    const x = await U.agentX.get('/agent/experiences.csv?etat=toutes');
    assert.ok(!x.text.includes(`Brouillon ${RUN}`), 'the export follows the rights');
});

test('improvement actions: validation, creation, public flag, edition, link from an experience', async () => {
    const form = await U.agentA.get(`/agent/actions/nouvelle?structure=${S.A}`);
    assert.equal(form.status, 200);
    for (const l of ['Titre', 'Description', 'Structure', 'Engagement concerné', 'Envisagée', 'En cours', 'Réalisée',
        "Rendre cette action visible de l'ensemble des Français"]) {
        assert.ok(mainText(form.text).includes(l), `form shows «${l}»`);
    }
    const bad = await U.agentA.post('/agent/actions/nouvelle', { titre: '', description: 'd', structure: S.A, statut: 'en_cours',
        debut: '2026-06-01', fin: '2026-05-01', engagement: '12' });
    assert.equal(bad.status, 422);
    const bt = mainText(bad.text);
    assert.ok(bt.includes('Ce champ est obligatoire'), 'title required');
    assert.ok(bt.includes('La date de fin doit être postérieure ou égale à la date de début.'), 'dates');
    const other = await U.agentA.post('/agent/actions/nouvelle', { titre: 't', description: 'd', structure: S.X, statut: 'en_cours' });
    assert.equal(other.status, 422, 'another structure is refused');
    assert.ok(mainText(other.text).includes('Choisissez une de vos structures.'));

    const title = `Action publique ${RUN} <i>&</i>`;
    const ok = await U.agentA.post('/agent/actions/nouvelle', { titre: title, description: 'Nous ouvrons le samedi.',
        structure: S.A, engagement: '2', statut: 'en_cours', debut: '2026-01-01', fin: '2026-12-31', public: '1',
        ajouter_experience: E.shared.id });
    assert.equal(ok.status, 303);
    const id = Number(ok.location.match(/\/agent\/actions\/(\d+)/)[1]);
    assert.deepEqual((await sql(`SELECT title, is_public, engagement_number, status, structure_id FROM actions WHERE id = ${id}`))[0],
        [title, '1', '2', 'en_cours', String(S.A)]);
    assert.equal(await one(`SELECT COUNT(*) FROM experience_actions WHERE action_id = ${id} AND experience_id = ${E.shared.id}`), '1');
    const list = await U.agentA.get('/agent/actions');
    assert.ok(mainText(list.text).includes(title), 'listed, escaped');
    assert.ok(list.text.includes('&lt;i&gt;&amp;&lt;/i&gt;'));
    assert.ok(!mainText((await U.agentX.get('/agent/actions')).text).includes(title), 'not for other structures');
    assert.equal((await U.agentX.get(`/agent/actions/${id}`)).status, 404, 'id guessing: 404');

    const pub = await waitFor(async () => {
        const p = await get('/actions-amelioration', { base: DIRECT });
        return p.status === 200 && mainText(p.text).includes(`Action publique ${RUN}`) ? p : null;
    }, 3000);
    assert.ok(pub, 'a public action is on /actions-amelioration');

    const edit = await U.agentA.get(`/agent/actions/${id}`);
    const upd = await U.agentA.post(`/agent/actions/${id}`, { titre: `Action privée ${RUN}`, description: 'd', structure: S.A,
        statut: 'realisee', version: hidden(edit.text, 'version'), experience: [E.shared.id] });
    assert.equal(upd.status, 303);
    assert.deepEqual((await sql(`SELECT status, is_public FROM actions WHERE id = ${id}`))[0], ['realisee', '0']);
    const stale = await U.agentA.post(`/agent/actions/${id}`, { titre: 'x', description: 'd', structure: S.A, statut: 'realisee',
        version: hidden(edit.text, 'version') });
    assert.equal(stale.status, 409, 'a stale version is refused');

    const page = await U.agentA.get(screen('shared'));
    assert.ok(page.text.includes(`name="action" value="${id}"`), 'the action is offered on the experience screen');
    const unlink = await save('agentA', 'shared', { statut: 'brouillon' });
    assert.equal(unlink.status, 303);
    assert.equal(await one(`SELECT COUNT(*) FROM experience_actions WHERE action_id = ${id}`), '0', 'unchecked: unlinked');
    const link = await save('agentA', 'shared', { statut: 'brouillon', action: id });
    assert.equal(link.status, 303);
    assert.equal(await one(`SELECT COUNT(*) FROM experience_actions WHERE action_id = ${id}`), '1', 'checked: linked');
    assert.ok(Number(await one(`SELECT COUNT(*) FROM audit_log WHERE object_type = 'action' AND object_id = ${id}`)) >= 2, 'audited');
});

test('«Organisme»: tags métiers of the référent, general tags, channels, improvement flag, assignment', async () => {
    const none = await U.agentA.get('/agent/tags');
    assert.equal(none.status, 403, 'an agent has no tag screen');
    const t = await U.refN.get('/agent/tags');
    assert.equal(t.status, 200);
    const label = `Délais ${RUN}`;
    const add = await U.refN.post('/agent/tags', { reseau: netN, libelle: label });
    assert.equal(add.status, 303);
    const dup = await U.refN.post('/agent/tags', { reseau: netN, libelle: label });
    assert.equal(dup.status, 422, 'a duplicate is refused');
    assert.ok(mainText(dup.text).includes('Ce tag existe déjà.'));
    assert.equal((await U.refN.post('/agent/tags', { reseau: netY, libelle: 'intrus' })).status, 403, 'not another network');
    assert.equal((await U.refN.post('/agent/tags', { reseau: 0, libelle: 'général' })).status, 403, 'general tags: admins only');
    const gen = `Général ${RUN}`;
    await U.adminU.get('/agent/tags');
    assert.equal((await U.adminU.post('/agent/tags', { reseau: 0, libelle: gen })).status, 303, 'an admin adds a general tag');
    const tagId = Number(await one(`SELECT id FROM tags WHERE network_id = ${netN} AND label = ${lit(label)}`));
    const genId = Number(await one(`SELECT id FROM tags WHERE network_id IS NULL AND label = ${lit(gen)}`));

    const page = await U.agentA.get(screen('shared'));
    assert.ok(page.text.includes(`value="${tagId}"`), 'the tag métier is offered');
    assert.ok(page.text.includes(`value="${genId}"`), 'the general tag is offered');
    const x = await U.agentX.get(screen('xonly', 'X'));
    assert.ok(!x.text.includes(`value="${tagId}"`), 'not to another network');
    const r = await save('agentA', 'shared', { statut: 'brouillon', tag: [tagId, genId], canal_telephone: 'negatif',
        canal_courriel: 'positif', amelioration: '1', attribuee: U.agentAId });
    assert.equal(r.status, 303);
    assert.deepEqual((await sql(`SELECT tag_id FROM experience_tags WHERE experience_id = ${E.shared.id}
        AND structure_id = ${S.A} ORDER BY tag_id`)).map((x) => Number(x[0])), [tagId, genId].sort((a, b) => a - b));
    assert.deepEqual(await sql(`SELECT channel_code, feeling FROM experience_channels WHERE experience_id = ${E.shared.id}
        ORDER BY channel_code`), [['courriel', 'positif'], ['telephone', 'negatif']]);
    assert.deepEqual((await sql(`SELECT improvement, assigned_user_id FROM experience_structures WHERE experience_id = ${E.shared.id}
        AND structure_id = ${S.A}`))[0], ['1', String(U.agentAId)]);
    const mine = await U.agentA.get(`/agent/experiences?etat=toutes&attribuee=moi&tag=${tagId}`);
    assert.ok(mainText(mine.text).includes(`Accueil partagé ${RUN}`), 'filters «Attribuée à» and tag');
    const notMine = await U.agentA.post(postUrl('shared'), { structure: S.A, version: hidden(page.text, 'version'),
        statut: 'brouillon', attribuee: U.agentXId });
    assert.ok([409, 422].includes(notMine.status), 'an agent of another structure cannot be assigned');

    const ed = await U.refN.post(`/agent/tags/${tagId}`, { libelle: label });
    assert.equal(ed.status, 303);
    assert.equal(await one(`SELECT active FROM tags WHERE id = ${tagId}`), '0', 'unchecked «Actif» deactivates');
    assert.equal((await U.refN.post(`/agent/tags/${genId}`, { libelle: 'x', actif: '1' })).status, 403);
});

test('reassignment to a child structure (N-1) moves the experience', async () => {
    const e = await experience(`À réattribuer ${RUN}`, ['M']);
    E.move = e;
    const r = await save('superM', 'move', { statut: 'brouillon', reattribuer: S.B }, 'M');
    assert.equal(r.status, 303);
    assert.deepEqual(await sql(`SELECT structure_id FROM experience_structures WHERE experience_id = ${e.id}`), [[String(S.B)]]);
    assert.equal((await U.agentB.get(screen('move', 'B'))).status, 200, 'the child structure now has it');
    assert.deepEqual(await sql(`SELECT term FROM search_terms WHERE experience_id = ${e.id} AND term = 's:${S.B}'`),
        [[`s:${S.B}`]], 'the public keyword index follows the move');
    const e2 = await experience(`Pas une fille ${RUN}`, ['A']);
    E.nomove = e2;
    const bad = await save('agentA', 'nomove', { statut: 'brouillon', reattribuer: S.X });
    assert.equal(bad.status, 422, 'only a child structure');
});

test('bad inputs are stored verbatim and shown escaped; over-long fields get a message', async () => {
    const nasty = `<script>alert(1)</script> '; DROP TABLE answers; -- 😀𝄞 ${RUN} ${'é'.repeat(5000)}`;
    const r = await save('agentA', 'bad', { reponse: nasty, statut: 'brouillon' });
    assert.equal(r.status, 303);
    assert.equal(await one(`SELECT body = ${lit(nasty)} FROM answers WHERE experience_id = ${E.bad.id}`), '1', 'stored verbatim');
    const page = await U.agentA.get(screen('bad'));
    assert.ok(!page.text.includes('<script>alert(1)'), 'never raw markup');
    assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped');
    assert.ok(page.text.includes('😀𝄞'), '4-byte UTF-8 intact');
    const long = await save('agentA', 'bad', { reponse: 'x'.repeat(10001), statut: 'brouillon' });
    assert.equal(long.status, 422);
    assert.ok(/trop long/i.test(mainText(long.text)), 'an over-long answer gets a message');
    const q = await U.agentA.get(`/agent/experiences?q=${encodeURIComponent("%' OR 1=1 -- _")}`);
    assert.equal(q.status, 200);
    assert.ok(mainText(q.text).includes('Aucune expérience ne correspond'), 'LIKE metacharacters are literal');
    const act = await U.agentA.post('/agent/actions/nouvelle', { titre: `<img src=x onerror=alert(1)> ${RUN}`,
        description: nasty, structure: S.A, statut: 'envisagee' });
    assert.equal(act.status, 303);
    const list = await U.agentA.get('/agent/actions');
    assert.ok(!list.text.includes('<img src=x'), 'action title escaped');
    assert.ok(list.text.includes('&lt;img src=x onerror=alert(1)&gt;'));
    const badStatus = await save('agentA', 'bad', { reponse: 'x', statut: "publiee' OR '1" });
    assert.equal(badStatus.status, 422, 'an unknown status value is refused');
    const badTag = await save('agentA', 'bad', { statut: 'brouillon', tag: '1 OR 1=1' });
    assert.equal(badTag.status, 400, 'a malformed id list is a bad request');
});
