// spplus-admin network/structure commands: network add, structure add,
// structure list (code SP+ TAB name TAB parent's code) and structure import
// (all or nothing, line-numbered French errors).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { admin, adminOk, sql, suffix } from './admin-helpers.mjs';

const S = suffix().toUpperCase();
const NET = `CL${S}`;
const NET2 = `CM${S}`;
const dir = mkdtempSync(join(tmpdir(), 'spplus-cli-'));

/** structure list --network CODE as [[code, name, parent]…]. */
async function list(net) {
    const out = await adminOk(['structure', 'list', '--network', net]);
    return out.split('\n').filter(Boolean).map((l) => l.split('\t'));
}

function csv(name, text, encoding = 'utf8') {
    const p = join(dir, name);
    writeFileSync(p, typeof text === 'string' ? Buffer.from(text, encoding) : text);
    return p;
}

const HEADER = 'code_sp;nom;reseau;code_parent;typologie;adresse;code_postal;commune;departement';

before(async () => {
    await adminOk(['network', 'add', '--code', NET, '--name', `Réseau CLI ${S}`, '--short', 'CLI']);
    await adminOk(['network', 'add', '--code', NET2, '--name', `Autre réseau ${S}`, '--short', 'Autre']);
});

describe('network add', () => {
    test('a duplicate code is refused', async () => {
        const r = await admin(['network', 'add', '--code', NET, '--name', 'Doublon', '--short', 'D']);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /existe déjà/);
    });

    test('the network is listed', async () => {
        const out = await adminOk(['network', 'list']);
        assert.ok(out.split('\n').some((l) => l.startsWith(`${NET}\tRéseau CLI ${S}\t`)));
    });
});

describe('structure add and list', () => {
    test('one line per structure: code, name, parent', async () => {
        await adminOk(['structure', 'add', '--code', `${NET}-M`, '--name', 'Direction mère', '--network', NET,
            '--typology', 'direction-departementale', '--departement', '69', '--postal-code', '69003',
            '--commune', 'Lyon', '--address', '1 rue de la République']);
        await adminOk(['structure', 'add', '--code', `${NET}-F`, '--name', 'Accueil fille', '--network', NET,
            '--parent', `${NET}-M`]);
        assert.deepEqual(await list(NET), [
            [`${NET}-M`, 'Direction mère', ''],
            [`${NET}-F`, 'Accueil fille', `${NET}-M`],
        ]);
        const rows = await sql(`SELECT s.path = CONCAT(p.path, s.id, '/'), s.depth FROM structures s
            JOIN structures p ON p.id = s.parent_id WHERE s.code_sp = '${NET}-F'`);
        assert.deepEqual(rows, [['1', '1']]);
    });

    test('bad values are refused with a message', async () => {
        let r = await admin(['structure', 'add', '--code', `${NET}-X`, '--name', 'X', '--network', 'nope-' + S]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /réseau inconnu/);
        r = await admin(['structure', 'add', '--code', `${NET}-X`, '--name', 'X', '--network', NET2, '--parent', `${NET}-M`]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /autre réseau/);
        r = await admin(['structure', 'add', '--code', `${NET}-M`, '--name', 'X', '--network', NET]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /existe déjà/);
        r = await admin(['structure', 'add', '--code', `${NET}-Y`, '--name', 'Y', '--network', NET, '--postal-code', '7500']);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /code postal/);
        assert.equal((await list(NET)).length, 2);
    });
});

describe('structure import', () => {
    test('a valid file is imported, children listed before their parents too', async () => {
        const p = csv('ok.csv', '\ufeff' + [
            HEADER,
            `${NET}-I2;Accueil de Villeurbanne;${NET};${NET}-I1;accueil;"2 place ""Lazare Goujon""";69100;Villeurbanne;69`,
            `${NET}-I1;Agence de l'Est;${NET};${NET}-M;agence;;;;`,
            `${NET2}-R;Racine;${NET2};;;;;;`,
            '',
        ].join('\r\n'));
        const out = await adminOk(['structure', 'import', p]);
        assert.match(out, /3 structures importées/);
        const l = await list(NET);
        assert.ok(l.some(([c, n, pc]) => c === `${NET}-I2` && n === 'Accueil de Villeurbanne' && pc === `${NET}-I1`));
        assert.ok(l.some(([c, , pc]) => c === `${NET}-I1` && pc === `${NET}-M`));
        const [[addr, depth]] = await sql(`SELECT address, depth FROM structures WHERE code_sp = '${NET}-I2'`);
        assert.equal(addr, '2 place "Lazare Goujon"');
        assert.equal(depth, '2');
    });

    test('a bad file: every error reported by line, nothing written', async () => {
        const before = await list(NET);
        const p = csv('bad.csv', [
            HEADER,
            `${NET}-B1;Bonne ligne;${NET};;;;;;`,
            `${NET}-B2;Réseau inconnu;NOPE${S};;;;;;`,
            `${NET}-B3;Mauvais code postal;${NET};;;;7500;;`,
            `${NET}-B1;Code en double;${NET};;;;;;`,
            `${NET}-B4;Boucle A;${NET};${NET}-B5;;;;;`,
            `${NET}-B5;Boucle B;${NET};${NET}-B4;;;;;`,
            `${NET}-B6;Colonnes manquantes;${NET}`,
            `${NET}-B7;Typologie;${NET};;inconnue;;;;`,
            `${NET}-B8;Département;${NET};;;;;;999`,
            `${NET}-M;Existe déjà;${NET};;;;;;`,
        ].join('\n'));
        const r = await admin(['structure', 'import', p]);
        assert.equal(r.code, 1);
        for (const re of [/ligne 3\b.*réseau inconnu/, /ligne 4\b.*code_postal/, /ligne 5\b.*double/,
            /ligne 6\b.*boucle/, /ligne 8\b.*9 colonnes attendues/, /ligne 9\b.*typologie inconnue/,
            /ligne 10\b.*département inconnu/, /ligne 11\b.*existe déjà/, /rien n'a été importé/]) {
            assert.match(r.stderr, re);
        }
        assert.doesNotMatch(r.stderr, /^ligne 2\b/m);
        assert.deepEqual(await list(NET), before, 'nothing was written');
    });

    test('a wrong header, Latin-1, a comma separator or an Excel file get one clear error', async () => {
        let r = await admin(['structure', 'import', csv('h.csv', 'code;nom\nA;B\n')]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /en-tête/);
        r = await admin(['structure', 'import', csv('l1.csv', `${HEADER}\n${NET}-L;Préfecture;${NET};;;;;;\n`, 'latin1')]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /UTF-8/);
        r = await admin(['structure', 'import', csv('c.csv', HEADER.replaceAll(';', ',') + '\n')]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /point-virgule/);
        r = await admin(['structure', 'import', csv('x.xlsx', Buffer.from('PK\x03\x04rest of a zip', 'latin1'))]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /Excel/);
    });
});
