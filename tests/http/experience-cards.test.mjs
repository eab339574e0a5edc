// The public list's cards (sql/006_experience_cards.sql) and the worker's
// fragment cache (fcgi/fragment.c), through the real stack.
//
// The cards are kept by triggers, whoever writes: this test writes with
// plain SQL (as a loader or an operator would) and checks, after each
// change, the card row and the list page served straight by the pool
// (no NGINX cache), several times so that every worker answers and the
// cached HTML of a card is reused or replaced. Last, the whole database:
// every published experience has exactly the card its tables give, after
// everything the other test files did through the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECT, get, plain } from './helpers.mjs';
import { adminOk, lit, sql as sqlRows } from './admin-helpers.mjs';

const RUN = Math.random().toString(36).slice(2, 8);
const WORD = `cartexq${RUN}`;
const ANSWERED = 'Réponse apportée';

/** Rewrites the keyword index of experience id, as the site does when it publishes. */
const reindex = (id) => adminOk(['search', 'reindex', String(id)]);
const sql = (query) => sqlRows(query, { raw: true });

/** The card row of experience id, or null. */
async function card(id) {
    const rows = await sql(`SELECT title, excerpt, feeling, pseudonym, answered, HEX(structures),
        published_at FROM experience_cards WHERE experience_id = ${id}`);
    if (!rows.length) return null;
    const [title, excerpt, feeling, pseudonym, answered, hex, publishedAt] = rows[0];
    const structures = Buffer.from(hex, 'hex').toString('utf8').split('\x1e').filter(Boolean)
        .map((p) => p.split('\x1f'));
    return { title, excerpt, feeling, pseudonym, answered: Number(answered), structures, publishedAt };
}

/** The card of experience id in /experiences?q=WORD, served by the pool; asked
 *  4 times (both workers, cached HTML included), every answer identical. */
async function listed(id) {
    const pages = [];
    for (let i = 0; i < 4; i++) {
        const res = await get(`/experiences?q=${WORD}`, { base: DIRECT });
        assert.equal(res.status, 200);
        pages.push(res.text);
    }
    for (const p of pages.slice(1)) assert.equal(p, pages[0], 'the same page from every worker and every time');
    const items = pages[0].split('<li class="spp-xp-item').slice(1);
    const mine = items.filter((it) => it.includes(`href="/experiences/${id}"`));
    return mine.length ? plain(mine[0]) : null;
}

let s1, s2, exp;
const NAME1 = `Cartes Alpha ${RUN}`;
const NAME1B = `Cartes Zeta ${RUN}`;
const NAME2 = `Cartes Beta ${RUN}`;

before(async () => {
    for (const [code, name] of [[`TCA${RUN}`, NAME1], [`TCB${RUN}`, NAME2]]) {
        await sql(`INSERT INTO structures (network_id, code_sp, name, typology_id, commune)
            VALUES ((SELECT MIN(id) FROM networks), ${lit(code)}, ${lit(name)},
                    (SELECT MIN(id) FROM typologies), 'Testville')`);
    }
    [[s1], [s2]] = await sql(`SELECT id FROM structures WHERE code_sp IN ('TCA${RUN}', 'TCB${RUN}') ORDER BY code_sp`);
    await sql(`INSERT INTO experiences (title, body, feeling, event_date, pseudonym, email)
        VALUES (${lit(`Carte ${WORD} <b>&amp;</b>`)}, ${lit(`Début ${'très '.repeat(150)}fin ${WORD}`)},
                'negatif', '2026-11-01', 'Testeur ${RUN}', 'cartes.${RUN}@example.org')`);
    [[exp]] = await sql(`SELECT id FROM experiences WHERE email = 'cartes.${RUN}@example.org'`);
    await sql(`INSERT INTO experience_structures (experience_id, structure_id) VALUES (${exp}, ${s1})`);
});

after(async () => {
    if (exp) await sql(`DELETE FROM experiences WHERE id = ${exp}`);
    if (exp) await reindex(exp);
    if (s1) await sql(`DELETE FROM structures WHERE id IN (${s1}, ${s2})`);
});

test('an experience waiting for moderation has no card', async () => {
    assert.equal(await card(exp), null);
});

test('publishing writes the card; the list shows it, escaped, from the cache too', async () => {
    await sql(`UPDATE experiences SET status = 'publiee', published_at = UTC_TIMESTAMP() WHERE id = ${exp}`);
    await reindex(exp);
    const c = await card(exp);
    assert.ok(c, 'a card exists once published');
    assert.equal(c.title, `Carte ${WORD} <b>&amp;</b>`);
    assert.equal([...c.excerpt].length, 400, 'the first 400 characters of the body');
    assert.deepEqual(c.structures, [[s1, NAME1]]);
    assert.equal(c.answered, 0);
    const item = await listed(exp);
    assert.ok(item, 'listed');
    assert.ok(item.includes(`Carte ${WORD} <b>&amp;</b>`), `title shown as text: ${item}`);
    assert.ok(item.includes(NAME1) && item.includes('Testeur ' + RUN), item);
    assert.ok(!item.includes(ANSWERED), 'no answer badge yet');
});

test('a second structure joins the card, in name order', async () => {
    await sql(`INSERT INTO experience_structures (experience_id, structure_id) VALUES (${exp}, ${s2})`);
    assert.deepEqual((await card(exp)).structures, [[s1, NAME1], [s2, NAME2]]);
    const item = await listed(exp);
    assert.ok(item.indexOf(NAME1) < item.indexOf(NAME2) && item.indexOf(NAME1) >= 0, item);
});

test('a published answer sets the badge; taking it back removes it', async () => {
    await sql(`INSERT INTO answers (experience_id, structure_id, body, status, published_at)
        VALUES (${exp}, ${s1}, 'Merci.', 'publiee', UTC_TIMESTAMP())`);
    assert.equal((await card(exp)).answered, 1);
    assert.ok((await listed(exp)).includes(ANSWERED));
    await sql(`UPDATE answers SET status = 'brouillon' WHERE experience_id = ${exp}`);
    assert.equal((await card(exp)).answered, 0);
    assert.ok(!(await listed(exp)).includes(ANSWERED));
});

test('a renamed structure is renamed on every card that names it', async () => {
    await sql(`UPDATE structures SET name = ${lit(NAME1B)} WHERE id = ${s1}`);
    assert.deepEqual((await card(exp)).structures, [[s2, NAME2], [s1, NAME1B]]);
    const item = await listed(exp);
    assert.ok(item.includes(NAME1B) && !item.includes(NAME1), item);
    assert.ok(item.indexOf(NAME2) < item.indexOf(NAME1B), 'still in name order');
});

test('an edited title or feeling is shown at once', async () => {
    await sql(`UPDATE experiences SET title = 'Carte ${WORD} corrigée', feeling = 'positif' WHERE id = ${exp}`);
    await reindex(exp);
    const c = await card(exp);
    assert.equal(c.title, `Carte ${WORD} corrigée`);
    assert.equal(c.feeling, 'positif');
    const item = await listed(exp);
    assert.ok(item.includes('corrigée') && item.includes('Ressenti : positif'), item);
});

test('a structure removed from the experience leaves its card', async () => {
    await sql(`DELETE FROM experience_structures WHERE experience_id = ${exp} AND structure_id = ${s2}`);
    assert.deepEqual((await card(exp)).structures, [[s1, NAME1B]]);
    assert.ok(!(await listed(exp)).includes(NAME2));
});

test('an unpublished experience loses its card and leaves the list', async () => {
    await sql(`UPDATE experiences SET status = 'rejetee' WHERE id = ${exp}`);
    await reindex(exp);
    assert.equal(await card(exp), null);
    assert.equal(await listed(exp), null);
    await sql(`UPDATE experiences SET status = 'publiee' WHERE id = ${exp}`);
    assert.ok(await card(exp), 'published again: the card is back');
    await sql(`DELETE FROM experiences WHERE id = ${exp}`);
    assert.equal(await card(exp), null, 'deleted: no card');
    await reindex(exp);
    exp = null;
});

test('every published experience has exactly the card its tables give', async () => {
    const [[wrong, cards, published]] = await sql(`
        SELECT SUM(NOT (k.experience_id IS NOT NULL
                        AND k.published_at <=> e.published_at AND k.title <=> e.title
                        AND k.excerpt <=> LEFT(e.body, 400) AND k.feeling <=> e.feeling
                        AND k.pseudonym <=> e.pseudonym
                        AND k.answered <=> EXISTS (SELECT 1 FROM answers a
                                                    WHERE a.experience_id = e.id AND a.status = 'publiee')
                        AND k.structures <=> experience_card_structures(e.id))),
               (SELECT COUNT(*) FROM experience_cards),
               COUNT(*)
          FROM experiences e LEFT JOIN experience_cards k ON k.experience_id = e.id
         WHERE e.status = 'publiee' AND e.published_at IS NOT NULL`);
    assert.ok(Number(published) > 1000, `the demo data is there (${published})`);
    assert.equal(Number(wrong), 0, 'cards that differ from their experience');
    assert.equal(Number(cards), Number(published), 'no card without a published experience');
});
