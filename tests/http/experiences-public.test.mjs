// The public side of experiences through the real stack (issue #4):
// reading (/experiences, /experiences/<id>, keyword / organisme / network
// filters, pagination), «Donner mon avis» (errors → fix → confirmation, the
// acknowledgement mail, double submit), moderation (publish → visible
// within a second through NGINX's page cache, reject → mail with the
// reason), bad inputs, the rating link (/avis-reponse/<token>) and the
// public improvement actions.
//
// SPPLUS_ADMIN     command running spplus-admin (default: ROOT/dev admin)
// SPPLUS_MAIL_DIR  where the stack writes mail (default: ROOT/var/mail)
// SPPLUS_DB_SOCKET MariaDB socket (default: ROOT/var/mariadb/mysqld.sock)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASE, DIRECT, ROOT, get, plain, norm, decode, waitFor, assertSiteLayout, assertSecurityHeaders } from './helpers.mjs';
import { MAIL_DIR, qpDecode, mailsTo } from './mail.mjs';

const DB_SOCKET = process.env.SPPLUS_DB_SOCKET || resolve(ROOT, 'var/mariadb/mysqld.sock');
const ADMIN = process.env.SPPLUS_ADMIN ? process.env.SPPLUS_ADMIN.split(' ') : [resolve(ROOT, 'dev'), 'admin'];
const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'un mot de passe long 2026';
const url = new URL(BASE);

// ---------------------------------------------------------------------------
// helpers

/** Runs a command with optional stdin; resolves { code, stdout, stderr }. */
function sh(cmd, args, input) {
    return new Promise((resolveP) => {
        const child = execFile(cmd, args, { cwd: ROOT, timeout: 120000, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
            resolveP({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
        });
        child.stdin.end(input ?? '');
    });
}

function admin(args, input = '') {
    return sh(ADMIN[0], [...ADMIN.slice(1), ...args], input);
}

/** Runs SQL as root on the stack's database; returns the rows (tab-separated). */
async function sql(query) {
    const r = await sh('mariadb', ['-S', DB_SOCKET, '-uroot', '--default-character-set=utf8mb4', '-N', '-B', '--raw',
        'spplus', '-e', query]);
    assert.equal(r.code, 0, `SQL failed: ${query}\n${r.stderr}`);
    return r.stdout.replace(/\n$/, '') ? r.stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t')) : [];
}

/** SQL string literal of s (for test data only). */
function lit(s) {
    return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

let ipSeq = 0;
function freshIp() {
    ipSeq++;
    return `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${(ipSeq % 250) + 1}`;
}

/** A browser: its own cookies and loopback source address. */
class Client {
    constructor(base = BASE) {
        this.base = new URL(base);
        this.ip = freshIp();
        this.jar = new Map();
    }

    /** One request, no redirect followed. opts: method, form (object or [[k, v]…]), headers. */
    req(path, opts = {}) {
        const method = opts.method || (opts.form ? 'POST' : 'GET');
        const headers = { ...(opts.headers || {}) };
        let body;
        if (opts.form) {
            body = new URLSearchParams(opts.form).toString();
            headers['content-type'] = 'application/x-www-form-urlencoded';
            headers['content-length'] = Buffer.byteLength(body);
            if (!('origin' in headers)) headers.origin = BASE;
        }
        if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
        return new Promise((resolveP, reject) => {
            const rq = http.request({
                host: this.base.hostname, port: this.base.port || 80, path, method, headers,
                localAddress: this.ip, timeout: 30000,
            }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => {
                    for (const sc of res.headers['set-cookie'] || []) {
                        const [pair] = sc.split(';');
                        const i = pair.indexOf('=');
                        const name = pair.slice(0, i).trim();
                        const value = pair.slice(i + 1).trim();
                        if (/;\s*max-age=0/i.test(sc) || value === '') this.jar.delete(name);
                        else this.jar.set(name, value);
                    }
                    resolveP({
                        status: res.statusCode, headers: res.headers,
                        text: Buffer.concat(chunks).toString('utf8'), location: res.headers.location,
                    });
                });
            });
            rq.on('error', reject);
            rq.on('timeout', () => rq.destroy(new Error(`timeout: ${method} ${path}`)));
            rq.end(body);
        });
    }

    async login(username, password) {
        const page = await this.req('/agent/connexion');
        const res = await this.req('/agent/connexion', { form: { csrf: hidden(page.text, 'csrf'), username, password } });
        assert.equal(res.status, 303, `login ${username}`);
    }
}

/** The value of the hidden input `name` of a page. */
function hidden(html, name) {
    const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
    assert.ok(m, `the page has a hidden field ${name}`);
    return decode(m[1]);
}

/** Visible text of <main>. */
function mainText(html) {
    const m = html.match(/<main[\s\S]*<\/main>/);
    return norm(plain(m ? m[0] : html));
}

/** The experience ids listed on a list page, in order. */
function listedIds(html) {
    return [...html.matchAll(/<h2[^>]*>\s*<a href="\/experiences\/(\d+)"/g)].map((m) => Number(m[1]));
}

/** The "N expériences publiées" count of a list page (0 when none). */
function listedTotal(html) {
    const t = mainText(html);
    if (/Aucune expérience ne correspond/.test(t)) return 0;
    const m = t.match(/(?:Environ )?([\d\s]+) expériences? publiées?/);
    assert.ok(m, 'the list shows its count');
    return Number(m[1].replace(/\s/g, ''));
}



/**
 * Waits for n mails to `to`. The local stack delivers the outbox after each
 * request that queued mail, oldest first and 20 at a time, so a backlog (the
 * notifications of a publication to many agents) may delay a mail: after a
 * second, the outbox is flushed with `spplus-admin mail send`.
 */
async function waitMails(to, n) {
    let m = await waitFor(() => { const x = mailsTo(to); return x.length >= n ? x : null; }, 1000);
    for (let i = 0; !m && i < 20; i++) {
        await admin(['mail', 'send', '--max', '100']);
        m = await waitFor(() => { const x = mailsTo(to); return x.length >= n ? x : null; }, 500);
    }
    assert.ok(m, `${n} mail(s) to ${to} under ${MAIL_DIR}`);
    return m;
}

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

/** A complete, valid deposit (as [key, value] pairs: organisme and canal repeat). */
function goodForm(extra = {}) {
    const f = {
        titre: `Accueil du ${RUN} : très bon conseil`,
        description: `Je suis venu pour mon dossier ${RUN}.\n\nL'agent a été patient et clair.`,
        ressenti: 'positif',
        date: daysAgo(3),
        pseudo: `Testeur ${RUN}`,
        france: 'oui',
        code_postal: '33000',
        email: `usager.${RUN}@example.fr`,
        charte: '1',
        action: 'envoyer',
        ...extra,
    };
    const pairs = Object.entries(f).filter(([, v]) => v !== undefined);
    return pairs;
}

/** Opens the deposit form in client c; returns { csrf, key }. */
async function openForm(c, query = '') {
    const res = await c.req(`/donner-mon-avis${query}`);
    assert.equal(res.status, 200);
    return { csrf: hidden(res.text, 'csrf'), key: hidden(res.text, 'submit_key'), text: res.text };
}

/** Posts a deposit for structures `orgs` with channel feelings `chans` ({code: feeling}). */
async function deposit(c, { orgs, chans = { telephone: 'positif' }, extra = {}, form } = {}) {
    const f = form || await openForm(c);
    const pairs = [['csrf', f.csrf], ['submit_key', f.key], ...goodForm(extra)];
    for (const o of orgs) pairs.push(['organisme', String(o)]);
    for (const [code, feeling] of Object.entries(chans)) {
        pairs.push(['canal', code]);
        if (feeling) pairs.push([`ressenti_${code}`, feeling]);
    }
    return c.req('/donner-mon-avis', { form: pairs });
}

let S1; // a département-level structure with children { id, name, path }
let S2; // one of its children
let MOD; // a logged-in moderator
let MOD_USER;

before(async () => {
    const rows = await sql(
        'SELECT p.id, p.name, p.path, c.id, c.name FROM structures p JOIN structures c ON c.parent_id = p.id'
        + ' WHERE p.depth = 1 ORDER BY p.id LIMIT 1');
    assert.ok(rows.length, 'the demo data has a structure with children');
    S1 = { id: Number(rows[0][0]), name: rows[0][1], path: rows[0][2] };
    S2 = { id: Number(rows[0][3]), name: rows[0][4] };
    MOD_USER = `t.${RUN}.mod`;
    const r = await admin(['user', 'add', '--username', MOD_USER, '--email', `${MOD_USER}@example.fr`,
        '--role', 'moderateur'], PASSWORD);
    assert.equal(r.code, 0, `user add: ${r.stderr}`);
    MOD = new Client();
    await MOD.login(MOD_USER, PASSWORD);
});

/** Moderates experience id: decision publier / rejeter. Returns the POST's response. */
async function moderate(id, decision, fields = {}) {
    const page = await MOD.req(`/agent/moderation/${id}`);
    assert.equal(page.status, 200, `GET /agent/moderation/${id}`);
    const titre = fields.titre ?? decode((page.text.match(/id="titre" name="titre" value="([^"]*)"/) || [])[1] || '');
    const description = fields.description
        ?? decode((page.text.match(/<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/) || [])[1] || '');
    return MOD.req(`/agent/moderation/${id}`, {
        form: {
            csrf: hidden(page.text, 'csrf'), version: hidden(page.text, 'version'), decision, titre, description,
            ...(fields.motif !== undefined ? { motif: fields.motif } : {}),
        },
    });
}

async function lastExperienceOf(email) {
    const rows = await sql(`SELECT id, status FROM experiences WHERE email = ${lit(email)} ORDER BY id DESC`);
    return rows.map((r) => ({ id: Number(r[0]), status: r[1] }));
}

// ---------------------------------------------------------------------------
// reading

test('/experiences: newest published first, 20 per page, layout, count', async () => {
    const res = await get('/experiences');
    assert.equal(res.status, 200);
    assertSiteLayout(res.text, '/experiences');
    assertSecurityHeaders(res, '/experiences');
    const ids = listedIds(res.text);
    assert.equal(ids.length, 20, '20 experiences on page 1');
    // The list is read from the keyword index («*» holds every indexed
    // experience): it holds every published experience and nothing else.
    // (Tests of other files that write published experiences with SQL
    // bypass the index unless they run `spplus-admin search reindex ID`.)
    const [[n]] = await sql("SELECT COUNT(*) FROM experiences e WHERE e.status = 'publiee'"
        + " AND EXISTS (SELECT 1 FROM search_terms t WHERE t.term = '*' AND t.experience_id = e.id)");
    const [[notPublished]] = await sql("SELECT COUNT(*) FROM search_terms t JOIN experiences e ON e.id = t.experience_id"
        + " WHERE e.status <> 'publiee'");
    assert.equal(Number(notPublished), 0, 'no unpublished experience is in the index');
    const [[demo]] = await sql("SELECT COUNT(*) FROM experiences e WHERE e.status = 'publiee' AND e.email LIKE 'usager%@example.fr'"
        + " AND NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = '*' AND t.experience_id = e.id)");
    assert.equal(Number(demo), 0, 'every published demo experience is indexed (spplus-admin search reindex after demo)');
    assert.ok(Math.abs(listedTotal(res.text) - Number(n)) <= 5, `the count (${listedTotal(res.text)}) is that of indexed published experiences (${n})`);
    const dates = await sql(`SELECT id, status, published_at FROM experiences WHERE id IN (${ids.join(',')})`);
    const byId = new Map(dates.map((r) => [Number(r[0]), r]));
    let prev = '9999';
    for (const id of ids) {
        const r = byId.get(id);
        assert.equal(r[1], 'publiee', `listed experience ${id} is published`);
        assert.ok(r[2] <= prev, 'newest first');
        prev = r[2];
    }
    const t = mainText(res.text);
    assert.match(t, /Publiée le \d{1,2}(er)? \S+ \d{4} par /);
    assert.match(t, /Ressenti : (positif|neutre|négatif)/);
    assert.ok(t.includes('Réponse apportée'), 'the «Réponse apportée» badge appears');
});

test('/experiences pagination: page 2 continues page 1; bad pages', async () => {
    const p1 = listedIds((await get('/experiences?page=1')).text);
    const r2 = await get('/experiences?page=2');
    assert.equal(r2.status, 200);
    const p2 = listedIds(r2.text);
    assert.equal(p2.length, 20);
    assert.equal(p1.filter((id) => p2.includes(id)).length, 0, 'no experience on both pages');
    assert.match(r2.text, /href="\/experiences\?page=3"/, 'a link to page 3');
    assert.equal((await get('/experiences?page=abc')).status, 400);
    assert.equal((await get('/experiences?page=0')).status, 400);
    const deep = await get('/experiences?page=501');
    assert.equal(deep.status, 200);
    assert.match(mainText(deep.text), /limités aux 500 premières pages/);
    const [[n]] = await sql("SELECT COUNT(*) FROM search_term_counts WHERE term = 'rdvrare" + RUN + "'");
    assert.equal(Number(n), 0);
    assert.equal((await get(`/experiences?q=rdvrare${RUN}&page=2`)).status, 404, 'past the last page: 404');
});

test('/experiences/<id>: a published experience with its structures and answers, never private data', async () => {
    const [[id, email, cp]] = await sql(
        "SELECT e.id, e.email, e.postal_code FROM experiences e JOIN answers a ON a.experience_id = e.id"
        + " WHERE e.status = 'publiee' AND a.status = 'publiee' AND e.postal_code IS NOT NULL ORDER BY e.id LIMIT 1");
    const res = await get(`/experiences/${id}`);
    assert.equal(res.status, 200);
    assertSiteLayout(res.text);
    const [[title, pseudo, sname, signature, formula]] = await sql(
        'SELECT e.title, e.pseudonym, s.name, a.signature, a.formula FROM experiences e'
        + ' JOIN answers a ON a.experience_id = e.id JOIN structures s ON s.id = a.structure_id'
        + ` WHERE e.id = ${id} AND a.status = 'publiee' LIMIT 1`);
    const t = mainText(res.text);
    for (const s of [title, pseudo, sname, signature, formula, 'Canaux de contact utilisés', 'Réponse publiée le']) {
        assert.ok(t.includes(norm(s)), `the page shows «${s}»`);
    }
    assert.ok(!res.text.includes(email), 'the email is never shown');
    assert.ok(!t.includes(cp), 'the postal code is never shown');
});

test('/experiences/<id>: unpublished, rejected, unknown or malformed → 404', async () => {
    const [[pending]] = await sql("SELECT id FROM experiences WHERE status = 'a_moderer' LIMIT 1");
    const [[rejected]] = await sql("SELECT id FROM experiences WHERE status = 'rejetee' LIMIT 1");
    for (const p of [`/experiences/${pending}`, `/experiences/${rejected}`, '/experiences/999999999',
        '/experiences/0', '/experiences/12abc', '/experiences/-1', "/experiences/1'%20OR%201=1", '/experiences/99999999999999999999']) {
        const res = await get(p);
        assert.equal(res.status, 404, `${p} answers 404`);
    }
    const list = await get(`/experiences?q=${encodeURIComponent('zzz')}&${Date.now()}`);
    assert.ok(!listedIds(list.text).includes(Number(pending)));
});

test('keyword search: accents, case and plurals are ignored; results contain the word', async () => {
    const [[n]] = await sql("SELECT COUNT(*) FROM experiences WHERE status = 'publiee'"
        + " AND (title LIKE '%passeport%' OR body LIKE '%passeport%')");
    assert.ok(Number(n) > 0, 'the demo data mentions passports');
    const counts = [];
    for (const q of ['passeport', 'Passeports', 'PASSEPORT', 'passéport']) {
        const res = await get(`/experiences?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q);
        counts.push(listedTotal(res.text));
        const ids = listedIds(res.text);
        assert.ok(ids.length > 0, `«${q}» finds experiences`);
        const rows = await sql(`SELECT COUNT(*) FROM experiences WHERE id IN (${ids.join(',')})`
            + " AND status = 'publiee' AND (title LIKE '%passeport%' OR body LIKE '%passeport%')");
        assert.equal(Number(rows[0][0]), ids.length, `every result of «${q}» mentions a passport`);
    }
    assert.ok(counts.every((c) => c === counts[0]), `same count whatever the form: ${counts}`);
    assert.ok(Math.abs(counts[0] - Number(n)) <= 3, `the count (${counts[0]}) matches the database (${n})`);
    // several words: every result has both
    const both = await get(`/experiences?q=${encodeURIComponent('Médecin traitant')}`);
    assert.equal(both.status, 200);
    const ids = listedIds(both.text);
    assert.ok(ids.length > 0);
    const rows = await sql(`SELECT COUNT(*) FROM experiences WHERE id IN (${ids.join(',')})`
        + " AND CONCAT(title, ' ', body) LIKE '%medecin%' AND CONCAT(title, ' ', body) LIKE '%traitant%'");
    assert.equal(Number(rows[0][0]), ids.length);
    // only stop words: everything, with a notice
    const stop = await get('/experiences?q=le+la+de');
    assert.equal(stop.status, 200);
    assert.match(mainText(stop.text), /aucun mot significatif/);
});

test('organisme and network filters', async () => {
    const res = await get(`/experiences?organisme=${S1.id}`);
    assert.equal(res.status, 200);
    const [[n]] = await sql('SELECT COUNT(DISTINCT e.id) FROM experiences e JOIN experience_structures es'
        + ' ON es.experience_id = e.id JOIN structures s ON s.id = es.structure_id'
        + ` WHERE e.status = 'publiee' AND s.path LIKE ${lit(S1.path + '%')}`);
    assert.equal(listedTotal(res.text), Number(n), 'the structure and its children');
    assert.ok(mainText(res.text).includes(norm(S1.name)), 'the filter names the structure');
    for (const id of listedIds(res.text)) {
        const [[k]] = await sql(`SELECT COUNT(*) FROM experience_structures es JOIN structures s ON s.id = es.structure_id
            WHERE es.experience_id = ${id} AND s.path LIKE ${lit(S1.path + '%')}`);
        assert.ok(Number(k) > 0, `experience ${id} concerns ${S1.name} or a child`);
    }
    const [[net, netCount]] = await sql("SELECT s.network_id, COUNT(DISTINCT e.id) FROM experiences e"
        + ' JOIN experience_structures es ON es.experience_id = e.id JOIN structures s ON s.id = es.structure_id'
        + " WHERE e.status = 'publiee' AND s.network_id = 5");
    const rn = await get(`/experiences?reseau=${net}&q=passeport`);
    assert.equal(rn.status, 200);
    assert.ok(listedTotal(rn.text) > 0 && listedTotal(rn.text) <= Number(netCount));
    assert.equal((await get('/experiences?organisme=999999999')).status, 404, 'unknown organisme');
    assert.equal((await get('/experiences?organisme=abc')).status, 400, 'malformed organisme');
});

test('bad list queries: markup, SQL, emoji, over-long', async () => {
    for (const q of ['<script>alert(1)</script>', "' OR 1=1 --", '😀😀', '%_\\']) {
        const res = await get(`/experiences?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, q);
        assert.ok(!res.text.includes('<script>alert(1)</script>'), 'markup is escaped');
    }
    const long = await get(`/experiences?q=${'a'.repeat(300)}`);
    assert.equal(long.status, 422);
    assert.match(mainText(long.text), /trop long/);
});

test('/actions-amelioration lists public actions only', async () => {
    const res = await get('/actions-amelioration');
    assert.equal(res.status, 200);
    assertSiteLayout(res.text);
    const t = mainText(res.text);
    assert.match(t, /actions? publiées?/);
    const [[pub]] = await sql('SELECT title FROM actions WHERE is_public = 1 ORDER BY updated_at DESC, id DESC LIMIT 1');
    assert.ok(t.includes(norm(pub)));
    assert.match(t, /(Envisagée|En cours|Réalisée)/);
    assert.equal((await get('/actions-amelioration?page=abc')).status, 400);
});

// ---------------------------------------------------------------------------
// «Donner mon avis»

test('the deposit form: every field, the organisme search without JavaScript, no cache', async () => {
    const c = new Client();
    const res = await c.req('/donner-mon-avis');
    assert.equal(res.status, 200);
    assert.match(res.headers['cache-control'] || '', /no-store/);
    const t = mainText(res.text);
    for (const s of ['Donner mon avis', 'Rechercher un organisme', 'Titre de votre expérience',
        'Décrivez votre expérience', 'Votre ressenti général', 'Positif', 'Neutre', 'Négatif',
        'Date de votre expérience', 'Accueil physique', 'Téléphone', 'Courrier', 'Courriel',
        'Site internet ou espace en ligne', 'Application mobile', 'Messagerie instantanée / chat',
        'Réseaux sociaux', 'Visioconférence', 'Pseudonyme', 'Résidez-vous en France ?', 'Code postal',
        'Adresse électronique', "J'ai lu et j'accepte la charte de modération"]) {
        assert.ok(t.includes(norm(s)), `the form shows «${s}»`);
    }
    // search by city, by postal code, by name: a GET sub-form and the POST button
    const [[commune, cp]] = await sql(`SELECT commune, postal_code FROM structures WHERE id = ${S2.id}`);
    for (const q of [commune, cp]) {
        const r = await c.req(`/donner-mon-avis?recherche=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200);
        assert.match(r.text, new RegExp(`name="organisme" value="${S2.id}"`), `«${q}» finds the structure`);
    }
    const f = await openForm(c);
    const r = await c.req('/donner-mon-avis', {
        form: [['csrf', f.csrf], ['submit_key', f.key], ['action', 'rechercher'], ['recherche', S1.name],
            ['titre', 'Mon titre gardé'], ['organisme', String(S2.id)], ['canal', 'courrier'], ['ressenti_courrier', 'negatif']],
    });
    assert.equal(r.status, 200, 'a search is not a submission');
    assert.match(r.text, /value="Mon titre gardé"/, 'typed values are kept');
    assert.match(r.text, new RegExp(`id="choisi-organisme-${S2.id}" name="organisme" value="${S2.id}" checked`), 'the chosen organisme stays checked');
    assert.match(r.text, new RegExp(`name="organisme" value="${S1.id}"`), 'the search result is offered');
    assert.match(r.text, /id="canal-courrier" name="canal" value="courrier" checked/);
    assert.match(r.text, /id="ressenti_courrier-negatif" name="ressenti_courrier" value="negatif" checked/);
    assert.equal(hidden(r.text, 'submit_key'), f.key, 'the submit key is kept');
    assert.ok(!/Votre expérience n'a pas encore été envoyée/.test(mainText(r.text)), 'no error summary for a search');
});

test('deposit with errors → messages next to fields, summary, nothing lost; fixed → confirmation + mail', async () => {
    const c = new Client();
    const f = await openForm(c);
    const bad = await c.req('/donner-mon-avis', {
        form: [['csrf', f.csrf], ['submit_key', f.key], ['action', 'envoyer'], ['titre', ''],
            ['description', 'Un texte gardé <b>tel quel</b>'], ['date', daysAgo(-5)], ['canal', 'telephone'],
            ['france', 'oui'], ['email', 'pas-une-adresse'], ['pseudo', 'p'.repeat(61)]],
    });
    assert.equal(bad.status, 422);
    const t = mainText(bad.text);
    for (const m of ['Choisissez au moins un organisme', 'Donnez un titre à votre expérience',
        'Indiquez votre ressenti général', 'ne peut pas être dans le futur',
        'Indiquez votre ressenti pour ce canal', 'Le pseudonyme ne doit pas dépasser 60 caractères',
        'Indiquez votre code postal', 'Saisissez une adresse électronique valide',
        'Vous devez accepter la charte de modération']) {
        assert.ok(t.includes(norm(m)), `message «${m}»`);
    }
    assert.match(bad.text, /class="fr-alert fr-alert--error[^"]*" role="alert"/, 'an error summary at the top');
    assert.match(bad.text, /fr-input-group--error/);
    assert.match(bad.text, /Un texte gardé &lt;b&gt;tel quel&lt;\/b&gt;<\/textarea>/, 'the details are kept, escaped');
    assert.match(bad.text, /value="pas-une-adresse"/);
    // too old
    const old = await deposit(c, { orgs: [S2.id], extra: { date: daysAgo(800) } });
    assert.equal(old.status, 422);
    assert.match(mainText(old.text), /deux dernières années/);
    // fixed
    const ok = await deposit(c, { orgs: [S2.id], chans: { telephone: 'positif', courriel: 'negatif' } });
    assert.equal(ok.status, 303);
    assert.match(ok.location, /\/donner-mon-avis\/merci$/);
    const thanks = await c.req('/donner-mon-avis/merci');
    assert.match(mainText(thanks.text), /Merci, votre expérience a bien été transmise/);
    assert.match(mainText(thanks.text), /modération/);
    const email = `usager.${RUN}@example.fr`;
    const exps = await lastExperienceOf(email);
    assert.equal(exps[0].status, 'a_moderer');
    const [[src, chans, structs]] = await sql(`SELECT e.source, (SELECT GROUP_CONCAT(CONCAT(channel_code, ':', feeling)
        ORDER BY channel_code) FROM experience_channels WHERE experience_id = e.id),
        (SELECT GROUP_CONCAT(structure_id) FROM experience_structures WHERE experience_id = e.id)
        FROM experiences e WHERE e.id = ${exps[0].id}`);
    assert.equal(src, 'direct');
    assert.equal(chans, 'courriel:negatif,telephone:positif');
    assert.equal(structs, String(S2.id));
    const mails = await waitMails(email, 1);
    assert.match(mails[0].subject, /bien été reçue/);
    assert.match(mails[0].text, /modération/);
    const [[audits]] = await sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'experience_deposit' AND object_id = ${exps[0].id}`);
    assert.equal(Number(audits), 1, 'the deposit is audited');
});

test('a double submit creates one experience; CSRF is required', async () => {
    const c = new Client();
    const f = await openForm(c);
    const email = `double.${RUN}@example.fr`;
    const a = await deposit(c, { orgs: [S2.id], form: f, extra: { email } });
    const b = await deposit(c, { orgs: [S2.id], form: f, extra: { email } });
    assert.equal(a.status, 303);
    assert.equal(b.status, 303);
    assert.equal(b.location, a.location, 'the same confirmation');
    assert.equal((await lastExperienceOf(email)).length, 1, 'one experience');
    // concurrent double submit
    const g = await openForm(c);
    const email2 = `double2.${RUN}@example.fr`;
    const rs = await Promise.all([1, 2, 3].map(() => deposit(c, { orgs: [S2.id], form: g, extra: { email: email2 } })));
    assert.ok(rs.every((r) => r.status === 303));
    assert.equal((await lastExperienceOf(email2)).length, 1, 'one experience for three concurrent posts');
    // no token, wrong token, other origin
    const n = await c.req('/donner-mon-avis', { form: goodForm({ csrf: 'x'.repeat(22), email: `csrf.${RUN}@example.fr` }) });
    assert.equal(n.status, 403);
    const o = await c.req('/donner-mon-avis', { form: [['csrf', f.csrf], ...goodForm({ email: `csrf.${RUN}@example.fr` })], headers: { origin: 'https://evil.example' } });
    assert.equal(o.status, 403);
    assert.equal((await lastExperienceOf(`csrf.${RUN}@example.fr`)).length, 0);
});

test('a tracking source is recorded', async () => {
    const c = new Client();
    const f = await openForm(c, '?source=qrcode&code=AFFICHE-12');
    assert.equal(hidden(f.text, 'source'), 'qrcode');
    const email = `source.${RUN}@example.fr`;
    const r = await deposit(c, { orgs: [S2.id], form: f, extra: { email, source: 'qrcode', code: 'AFFICHE-12' } });
    assert.equal(r.status, 303);
    const [[src, code]] = await sql(`SELECT source, tracking_code FROM experiences WHERE email = ${lit(email)}`);
    assert.equal(src, 'qrcode');
    assert.equal(code, 'AFFICHE-12');
});

test('bad inputs are stored verbatim and shown escaped; over-long fields get a message', async () => {
    const c = new Client();
    const word = 'é'.repeat(2000) + '😀'.repeat(500) + 'x'.repeat(1000); // a 6.5 kB word of 3,500 characters
    const nasty = `<script>alert("x")</script> '; DROP TABLE experiences; -- 😀 & ${word}`;
    const email = `nasty.${RUN}@example.fr`;
    const r = await deposit(c, {
        orgs: [S2.id],
        extra: { titre: `<b>Titre</b> '; DROP TABLE x; -- 😀 ${RUN}`, description: nasty, pseudo: '<i>😀 pseudo</i>', email },
    });
    assert.equal(r.status, 303);
    const [[id, title, body, pseudo]] = await sql(`SELECT id, title, body, pseudonym FROM experiences WHERE email = ${lit(email)}`);
    assert.equal(title, `<b>Titre</b> '; DROP TABLE x; -- 😀 ${RUN}`, 'title stored verbatim');
    assert.equal(body, nasty, 'details stored verbatim (4-byte UTF-8 included)');
    assert.equal(pseudo, '<i>😀 pseudo</i>');
    const mod = await MOD.req(`/agent/moderation/${id}`);
    assert.equal(mod.status, 200);
    assert.ok(!mod.text.includes('<script>alert("x")</script>') && !mod.text.includes('<b>Titre</b>'), 'escaped');
    assert.ok(mod.text.includes('&lt;script&gt;alert("x")&lt;/script&gt;') || mod.text.includes('&lt;script&gt;alert(&quot;x&quot;)'), 'shown as text');
    const pub = await moderate(id, 'publier');
    assert.equal(pub.status, 303);
    const page = await get(`/experiences/${id}`, { base: DIRECT });
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('<script>alert("x")</script>') && !page.text.includes('<i>😀'), 'escaped on the public page');
    assert.ok(page.text.includes(word), 'the long word is shown whole');
    // a 10 kB word in every field: refused with a message, nothing stored
    const ten = 'm'.repeat(10240);
    const c2 = new Client();
    const f = await openForm(c2);
    const big = await c2.req('/donner-mon-avis', {
        form: [['csrf', f.csrf], ['submit_key', ten], ['action', 'envoyer'], ['recherche', ten], ['titre', ten],
            ['description', ten], ['ressenti', ten], ['date', ten], ['pseudo', ten], ['france', ten],
            ['code_postal', ten], ['email', ten], ['charte', ten], ['organisme', ten], ['canal', ten],
            ['source', ten], ['code', ten]],
    });
    assert.equal(big.status, 422);
    const t = mainText(big.text);
    for (const m of ['Le titre ne doit pas dépasser 200 caractères', 'La description ne doit pas dépasser 5 000 caractères',
        'Le pseudonyme ne doit pas dépasser 60 caractères', 'Choisissez une valeur dans la liste',
        'Saisissez une date valide', 'Saisissez un code postal valide', 'Saisissez une adresse électronique valide',
        'La recherche ne doit pas dépasser 100 caractères']) {
        assert.ok(t.includes(norm(m)), `message «${m}»`);
    }
    assert.ok(big.text.includes(ten), 'what was typed comes back');
});

// ---------------------------------------------------------------------------
// moderation

test('moderation: the queue needs the capability; oldest first', async () => {
    const anon = await get('/agent/moderation', { base: DIRECT });
    assert.equal(anon.status, 303, 'anonymous: to the login page');
    const q = await MOD.req('/agent/moderation');
    assert.equal(q.status, 200);
    assert.match(mainText(q.text), /expériences? à modérer/);
    const ids = [...q.text.matchAll(/href="\/agent\/moderation\/(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(ids.length > 0);
    const [[oldest]] = await sql("SELECT id FROM experiences WHERE status = 'a_moderer' ORDER BY created_at, id LIMIT 1");
    assert.equal(ids[0], Number(oldest));
    // an agent without the moderation role
    const user = `t.${RUN}.agent`;
    const [[code]] = await sql(`SELECT code_sp FROM structures WHERE id = ${S2.id}`);
    const r = await admin(['user', 'add', '--username', user, '--email', `${user}@example.fr`, '--role', 'agent', '--structure', code], PASSWORD);
    assert.equal(r.code, 0, r.stderr);
    const a = new Client();
    await a.login(user, PASSWORD);
    assert.equal((await a.req('/agent/moderation')).status, 403);
    assert.equal((await a.req(`/agent/moderation/${oldest}`)).status, 403);
});

test('publish (with an edit) → visible within a second through the page cache; author and agents told', async () => {
    const c = new Client();
    const email = `publie.${RUN}@example.fr`;
    const marker = `zorglub${RUN}`;
    const r = await deposit(c, {
        orgs: [S2.id],
        extra: { email, titre: `Expérience ${marker} à publier`, description: `Texte avec ${marker} et mon numéro 06 12 34 56 78.` },
    });
    assert.equal(r.status, 303);
    const [{ id }] = await lastExperienceOf(email);
    // the cache holds the list and the search page before the publication
    const before1 = await get('/experiences');
    assert.ok(!listedIds(before1.text).includes(id));
    const before2 = await get(`/experiences?q=${marker}`);
    assert.equal(listedTotal(before2.text), 0);
    assert.equal((await get(`/experiences/${id}`)).status, 404);
    // an agent of the structure, to be notified
    const user = `t.${RUN}.notif`;
    const [[code]] = await sql(`SELECT code_sp FROM structures WHERE id = ${S2.id}`);
    assert.equal((await admin(['user', 'add', '--username', user, '--email', `${user}@example.fr`, '--role', 'agent', '--structure', code], PASSWORD)).code, 0);
    const res = await moderate(id, 'publier', { description: `Texte avec ${marker} et mon numéro [retiré].` });
    assert.equal(res.status, 303);
    assert.match(res.location, /\/agent\/moderation\?fait=publiee$/);
    // The time that counts is when the request that saw it was sent (a
    // loaded test machine may take a while to answer it).
    const t0 = Date.now();
    const found = await waitFor(async () => {
        const sent = Date.now();
        const [l, s, d] = await Promise.all([get('/experiences'), get(`/experiences?q=${marker.toUpperCase()}`), get(`/experiences/${id}`)]);
        return listedIds(l.text).includes(id) && listedIds(s.text).includes(id) && d.status === 200 ? { d, sent } : null;
    }, 5000, 50);
    assert.ok(found, 'the experience appears on /experiences, in the search and on its page');
    const seen = found.d;
    const elapsed = found.sent - t0;
    assert.ok(elapsed <= 1100, `visible within a second (requests sent ${elapsed} ms after the publication saw it)`);
    assert.ok(mainText(seen.text).includes('[retiré]') && !seen.text.includes('06 12 34 56 78'), 'the moderated text is public');
    const [[st, pubAt, esPub]] = await sql(`SELECT e.status, e.published_at, es.published_at FROM experiences e
        JOIN experience_structures es ON es.experience_id = e.id WHERE e.id = ${id}`);
    assert.equal(st, 'publiee');
    assert.equal(esPub, pubAt, 'experience_structures.published_at is copied');
    const mails = await waitMails(email, 2);
    assert.match(mails[1].subject, /a été publiée/);
    assert.match(mails[1].text, /modifié votre texte/);
    assert.ok(mails[1].text.includes(`/experiences/${id}`));
    const notif = await waitMails(`${user}@example.fr`, 1);
    assert.ok(notif.some((m) => m.text.includes(`/agent/experiences/${id}`)), 'the agent is notified');
    const [[edits]] = await sql(`SELECT detail FROM audit_log WHERE action = 'experience_moderation_edit' AND object_id = ${id}`);
    assert.match(edits, /description : \d+ → \d+ caractères/);
    // a second decision on the same experience is refused
    const again = await MOD.req(`/agent/moderation/${id}`);
    assert.match(mainText(again.text), /Cette expérience est publiée/);
});

test('reject needs a reason, which is mailed to the author; rejected stays private', async () => {
    const c = new Client();
    const email = `rejet.${RUN}@example.fr`;
    assert.equal((await deposit(c, { orgs: [S2.id], extra: { email } })).status, 303);
    const [{ id }] = await lastExperienceOf(email);
    const noReason = await moderate(id, 'rejeter', { motif: '' });
    assert.equal(noReason.status, 422);
    assert.match(mainText(noReason.text), /Indiquez le motif du rejet/);
    const reason = `Votre message ne concerne pas un service public (${RUN}).`;
    const res = await moderate(id, 'rejeter', { motif: reason });
    assert.equal(res.status, 303);
    const mails = await waitMails(email, 2);
    assert.match(mails[1].subject, /n'a pas pu être publiée/);
    assert.ok(mails[1].text.includes(reason), 'the reason is in the mail');
    assert.equal((await get(`/experiences/${id}`, { base: DIRECT })).status, 404);
    const [[st]] = await sql(`SELECT status FROM experiences WHERE id = ${id}`);
    assert.equal(st, 'rejetee');
});

test('two moderators deciding at once: the second is told, nothing is overwritten', async () => {
    const c = new Client();
    const email = `conflit.${RUN}@example.fr`;
    assert.equal((await deposit(c, { orgs: [S2.id], extra: { email } })).status, 303);
    const [{ id }] = await lastExperienceOf(email);
    const page = await MOD.req(`/agent/moderation/${id}`);
    const form = { csrf: hidden(page.text, 'csrf'), version: hidden(page.text, 'version'), titre: 'T', description: 'D' };
    assert.equal((await MOD.req(`/agent/moderation/${id}`, { form: { ...form, decision: 'rejeter', motif: 'Hors sujet.' } })).status, 303);
    const second = await MOD.req(`/agent/moderation/${id}`, { form: { ...form, decision: 'publier' } });
    assert.equal(second.status, 409);
    const [[st]] = await sql(`SELECT status FROM experiences WHERE id = ${id}`);
    assert.equal(st, 'rejetee');
});

// ---------------------------------------------------------------------------
// rating

test('the rating link: rate once, change within 30 days, then final; bad tokens 404', async () => {
    const c = new Client();
    const email = `note.${RUN}@example.fr`;
    assert.equal((await deposit(c, { orgs: [S2.id], extra: { email } })).status, 303);
    const [{ id }] = await lastExperienceOf(email);
    assert.equal((await moderate(id, 'publier')).status, 303);
    await sql(`INSERT INTO answers (experience_id, structure_id, body, formula, signature, status, published_at)
        VALUES (${id}, ${S2.id}, 'Réponse <b>test</b> ${RUN}', 'Bien cordialement,', 'Le service ${RUN}', 'publiee', UTC_TIMESTAMP())`);
    const [[answerId]] = await sql(`SELECT id FROM answers WHERE experience_id = ${id}`);
    const link = await admin(['rating', 'link', answerId]);
    assert.equal(link.code, 0, link.stderr);
    const path = new URL(link.stdout.trim()).pathname;
    assert.match(path, /^\/avis-reponse\/[A-Za-z0-9_-]{43}$/);
    const r = new Client();
    const page = await r.req(path);
    assert.equal(page.status, 200);
    assert.match(page.headers['cache-control'] || '', /no-store/);
    const t = mainText(page.text);
    assert.ok(t.includes('Cette réponse vous a-t-elle été utile ?'));
    assert.ok(t.includes(`Réponse <b>test</b> ${RUN}`), 'the answer is shown, escaped');
    assert.ok(t.includes('Utile') && t.includes('Pas utile'));
    const csrf = hidden(page.text, 'csrf');
    const rate = await r.req(path, { form: { csrf, avis: 'utile' } });
    assert.equal(rate.status, 303);
    const after = await r.req(rate.location.replace(/^https?:\/\/[^/]+/, ''));
    assert.match(mainText(after.text), /Merci, votre avis a bien été enregistré/);
    assert.match(mainText(after.text), /utile/);
    assert.deepEqual(await sql(`SELECT rating, changed_at IS NULL FROM answer_ratings WHERE answer_id = ${answerId}`), [['utile', '1']]);
    const change = await r.req(path, { form: { csrf, avis: 'pas_utile' } });
    assert.equal(change.status, 303);
    assert.deepEqual(await sql(`SELECT rating, changed_at IS NOT NULL FROM answer_ratings WHERE answer_id = ${answerId}`), [['pas_utile', '1']]);
    await sql(`UPDATE answer_ratings SET rated_at = UTC_TIMESTAMP() - INTERVAL 31 DAY WHERE answer_id = ${answerId}`);
    const late = await r.req(path, { form: { csrf, avis: 'utile' } });
    assert.equal(late.status, 409);
    assert.match(mainText(late.text), /délai de 30 jours/);
    assert.deepEqual(await sql(`SELECT rating FROM answer_ratings WHERE answer_id = ${answerId}`), [['pas_utile']]);
    // bad tokens
    for (const p of ['/avis-reponse/' + 'A'.repeat(43), '/avis-reponse/short', `/avis-reponse/${path.slice(-43, -1)}!`,
        `/avis-reponse/${'é'.repeat(20)}`]) {
        assert.equal((await get(p, { base: DIRECT })).status, 404, p);
    }
    const noCsrf = await new Client().req(path, { form: { avis: 'utile' } });
    assert.equal(noCsrf.status, 403);
    // a new link replaces the old one
    const link2 = await admin(['rating', 'link', answerId]);
    assert.equal((await get(path, { base: DIRECT })).status, 404, 'the old link is dead');
    assert.equal((await get(new URL(link2.stdout.trim()).pathname, { base: DIRECT })).status, 200);
});
