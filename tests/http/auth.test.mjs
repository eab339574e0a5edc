// Agents' accounts through the real stack: login/logout, sessions and their
// cookie, throttling, CSRF, the password links mailed under var/mail/, the
// access matrix of the agents' home, and the spplus-admin user commands.
//
// Accounts are created with `./dev admin user add` (names t.<random>.*), the
// clock is moved in the database (mariadb -S var/mariadb/mysqld.sock), and
// requests come from distinct loopback addresses (127.x.y.z) so that the
// throttling of one test never slows another, nor other test files.
//
// SPPLUS_ADMIN    command running spplus-admin (default: ROOT/dev admin)
// SPPLUS_MAIL_DIR where the stack writes mail (default: ROOT/var/mail)
// SPPLUS_DB_SOCKET MariaDB socket (default: ROOT/var/mariadb/mysqld.sock)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASE, ROOT, plain, norm, waitFor } from './helpers.mjs';
import { MAIL_DIR, qpDecode, mailsTo } from './mail.mjs';

const DB_SOCKET = process.env.SPPLUS_DB_SOCKET || resolve(ROOT, 'var/mariadb/mysqld.sock');
const ADMIN = process.env.SPPLUS_ADMIN ? process.env.SPPLUS_ADMIN.split(' ') : [resolve(ROOT, 'dev'), 'admin'];
const RUN = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'une phrase de passe bien longue';
const url = new URL(BASE);
const SECURE = url.protocol === 'https:';
const SESSION_COOKIE = SECURE ? '__Host-spplus' : 'spplus_sid';
// The agents' home is /agent; NGINX's "location ^~ /agent/" answers /agent
// itself with a 301 to /agent/, which the application serves too.
const HOME = '/agent/';

// ---------------------------------------------------------------------------
// helpers

/** Runs a command with optional stdin; resolves { code, stdout, stderr }. */
function sh(cmd, args, input) {
    return new Promise((resolveP) => {
        const child = execFile(cmd, args, { cwd: ROOT, timeout: 120000 }, (err, stdout, stderr) => {
            resolveP({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
        });
        child.stdin.on('error', () => {}); // the command may exit without reading
        child.stdin.end(input ?? '');
    });
}

/** spplus-admin ARGS with `input` on stdin (empty: no password). */
function admin(args, input = '') {
    return sh(ADMIN[0], [...ADMIN.slice(1), ...args], input);
}

/** Runs SQL as root on the stack's database; returns the rows (tab-separated). */
async function sql(query) {
    const r = await sh('mariadb', ['-S', DB_SOCKET, '-uroot', '-N', '-B', 'spplus', '-e', query]);
    assert.equal(r.code, 0, `SQL failed: ${query}\n${r.stderr}`);
    return r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => l.split('\t')) : [];
}

let ipSeq = 0;
/** A fresh loopback source address for one simulated browser. */
function freshIp() {
    ipSeq++;
    return `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${(ipSeq % 250) + 1}`;
}

/** A browser: its own cookies and source address. */
class Client {
    constructor(ip = freshIp()) {
        this.ip = ip;
        this.jar = new Map();
    }

    cookieHeader() {
        return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }

    /**
     * One request (no redirect followed). opts: method, form (object →
     * urlencoded), headers, origin (default ours for POST; null = none).
     */
    req(path, opts = {}) {
        const method = opts.method || (opts.form ? 'POST' : 'GET');
        const headers = { ...(opts.headers || {}) };
        let body;
        if (opts.form) {
            body = new URLSearchParams(opts.form).toString();
            headers['content-type'] = 'application/x-www-form-urlencoded';
            headers['content-length'] = Buffer.byteLength(body);
        }
        if (method === 'POST' && opts.origin !== null && !('origin' in headers)) headers.origin = opts.origin || BASE;
        if (this.jar.size) headers.cookie = this.cookieHeader();
        return new Promise((resolveP, reject) => {
            const rq = http.request({
                host: url.hostname, port: url.port || 80, path, method, headers, localAddress: this.ip,
                timeout: 20000,
            }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => {
                    const setCookies = res.headers['set-cookie'] || [];
                    for (const sc of setCookies) {
                        const [pair] = sc.split(';');
                        const i = pair.indexOf('=');
                        const name = pair.slice(0, i).trim();
                        const value = pair.slice(i + 1).trim();
                        if (/;\s*max-age=0/i.test(sc) || value === '') this.jar.delete(name);
                        else this.jar.set(name, value);
                    }
                    resolveP({
                        status: res.statusCode, headers: res.headers, setCookies,
                        text: Buffer.concat(chunks).toString('utf8'), location: res.headers.location,
                    });
                });
            });
            rq.on('error', reject);
            rq.on('timeout', () => rq.destroy(new Error(`timeout: ${method} ${path}`)));
            rq.end(body);
        });
    }

    /** GETs path and returns the CSRF token of its form. */
    async csrf(path) {
        const res = await this.req(path);
        assert.equal(res.status, 200, `GET ${path}`);
        return csrfOf(res.text);
    }

    /** Logs in; returns the POST's response. */
    async login(username, password, retour) {
        const csrf = await this.csrf('/agent/connexion');
        const form = { csrf, username, password };
        if (retour) form.retour = retour;
        return this.req('/agent/connexion', { form });
    }
}

function csrfOf(html) {
    const m = html.match(/name="csrf" value="([^"]+)"/);
    assert.ok(m, 'the page has a CSRF field');
    return m[1];
}

/** Visible text of <main>. */
function mainText(html) {
    const m = html.match(/<main[\s\S]*<\/main>/);
    return norm(plain(m ? m[0] : html));
}

/** Creates an account; returns { username, email }. */
async function makeUser(role, { structure, password = PASSWORD, name, tag = role } = {}) {
    const username = `t.${RUN}.${tag}`;
    const email = `${username}@example.fr`;
    const args = ['user', 'add', '--username', username, '--email', email, '--role', role];
    if (structure) args.push('--structure', structure);
    if (name) args.push('--name', name);
    const r = await admin(args, password);
    assert.equal(r.code, 0, `user add ${username}: ${r.stderr}`);
    return { username, email };
}



/** Waits for the n-th mail to `to` and returns its password link path. */
async function linkFor(to, n) {
    const mails = await waitFor(() => { const m = mailsTo(to); return m.length >= n ? m : null; }, 30000);
    assert.ok(mails, `mail #${n} to ${to} under ${MAIL_DIR}`);
    const m = mails[n - 1].text.match(/https?:\/\/[^/\s]+(\/agent\/mot-de-passe\/[A-Za-z0-9_-]+)/);
    assert.ok(m, `a password link in the mail to ${to}`);
    return { path: m[1], mail: mails[n - 1] };
}

let STRUCTURE;
let STRUCTURE_B;
before(async () => {
    const rows = await sql("SELECT code_sp FROM structures WHERE parent_id IS NOT NULL ORDER BY id LIMIT 2");
    assert.ok(rows.length >= 1, 'the demo data has structures');
    STRUCTURE = rows[0][0];
    STRUCTURE_B = (rows[1] || rows[0])[0];
});

// ---------------------------------------------------------------------------
// login page, login, logout, session cookie

test('the login page: fields, reset link, no cache, anonymous CSRF cookie', async () => {
    const c = new Client();
    const res = await c.req('/agent/connexion');
    assert.equal(res.status, 200);
    const text = mainText(res.text);
    for (const s of ["Connexion à l'espace agents", "Nom d'utilisateur", 'Mot de passe', 'Se connecter',
        'Réinitialiser votre mot de passe']) assert.ok(text.includes(s), `login page shows «${s}»`);
    assert.match(res.text, /<input[^>]*name="username"/);
    assert.match(res.text, /<input[^>]*type="password"[^>]*name="password"/);
    assert.match(res.text, /href="\/agent\/mot-de-passe-oublie"/);
    assert.match(res.headers['cache-control'] || '', /no-store/);
    const sc = res.setCookies.find((s) => s.startsWith(SECURE ? '__Host-spplus_csrf=' : 'spplus_csrf='));
    assert.ok(sc, 'an anonymous CSRF cookie is set');
    assert.match(sc, /HttpOnly/i);
    assert.match(sc, /SameSite=Lax/i);
    assert.match(sc, /Path=\//);
    if (SECURE) assert.match(sc, /Secure/);
    assert.equal(csrfOf(res.text), c.jar.get(SECURE ? '__Host-spplus_csrf' : 'spplus_csrf'));
});

test('login, the agents home, logout ends the session', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, name: 'Camille Martin', tag: 'login' });
    const c = new Client();
    const res = await c.login(u.username, PASSWORD);
    assert.equal(res.status, 303, mainText(res.text));
    assert.equal(res.location, '/agent');
    const sc = res.setCookies.find((s) => s.startsWith(`${SESSION_COOKIE}=`));
    assert.ok(sc, 'a session cookie is set');
    assert.match(sc, /HttpOnly/i);
    assert.match(sc, /SameSite=Lax/i);
    assert.match(sc, /Path=\//);
    assert.equal(/Secure/i.test(sc), SECURE);
    const token = c.jar.get(SESSION_COOKIE);
    assert.match(token, /^[A-Za-z0-9_-]{22}$/, '128-bit token, base64url');
    // only a hash is stored
    const stored = await sql(`SELECT COUNT(*) FROM sessions WHERE csrf_token = '${token}' OR HEX(token_hash) LIKE '%${Buffer.from(token).toString('hex').toUpperCase()}%'`);
    assert.equal(stored[0][0], '0');

    const home = await c.req(HOME);
    assert.equal(home.status, 200);
    assert.match(home.headers['cache-control'] || '', /no-store/);
    const text = mainText(home.text);
    assert.ok(text.includes('Espace agents'));
    assert.ok(text.includes('Camille Martin'));
    assert.ok(home.text.includes(STRUCTURE), 'the membership is listed');
    const audit = await sql(`SELECT action FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.username = '${u.username}' ORDER BY a.id`);
    assert.ok(audit.some((r) => r[0] === 'login'), 'login audited');

    // the session token is renewed at each login
    const again = await c.req('/agent/connexion', {
        form: { csrf: csrfOf(home.text), username: u.username, password: PASSWORD },
    });
    assert.equal(again.status, 303);
    assert.notEqual(c.jar.get(SESSION_COOKIE), token);
    const old = new Client();
    old.jar.set(SESSION_COOKIE, token);
    assert.equal((await old.req(HOME)).status, 303, 'the previous token is dead');

    // logout: POST with the session's token
    const csrf = csrfOf((await c.req(HOME)).text);
    const stolen = c.jar.get(SESSION_COOKIE);
    const out = await c.req('/agent/deconnexion', { form: { csrf } });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/agent/connexion?deconnecte=1');
    assert.ok(out.setCookies.some((s) => s.startsWith(`${SESSION_COOKIE}=;`) && /Max-Age=0/i.test(s)));
    const after = await c.req(HOME);
    assert.equal(after.status, 303);
    assert.equal(after.location, '/agent/connexion?retour=/agent/');
    const replay = new Client();
    replay.jar.set(SESSION_COOKIE, stolen);
    assert.equal((await replay.req(HOME)).status, 303, 'a logged-out token is refused');
    assert.ok(mainText((await c.req('/agent/connexion?deconnecte=1')).text).includes('Vous êtes déconnecté'));
    const rows = await sql(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '${u.username}'`);
    assert.equal(rows[0][0], '0', 'logout ends every session of the user');
});

test('wrong password or unknown user: one generic message, username kept, password never echoed', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'wrong' });
    const c = new Client();
    const bad = await c.login(u.username, 'Mauvais-Secret-4242');
    assert.equal(bad.status, 200);
    const t1 = mainText(bad.text);
    assert.ok(t1.includes("Nom d'utilisateur ou mot de passe incorrect."), t1);
    assert.match(bad.text, new RegExp(`name="username"[^>]*value="${u.username.replace(/\./g, '\\.')}"`));
    assert.ok(!bad.text.includes('Mauvais-Secret-4242'), 'the password is not echoed');
    assert.equal(c.jar.get(SESSION_COOKIE), undefined);
    const unknown = await new Client().login(`t.${RUN}.nobody`, 'Mauvais-Secret-4242');
    assert.equal(unknown.status, 200);
    assert.ok(mainText(unknown.text).includes("Nom d'utilisateur ou mot de passe incorrect."));
    const empty = await new Client().login('', '');
    assert.equal(empty.status, 200);
    assert.ok(mainText(empty.text).includes('Ce champ est obligatoire'));
    const audit = await sql(`SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.username = '${u.username}' AND a.action = 'login_failed'`);
    assert.equal(audit[0][0], '1');
    const leaked = await sql("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Mauvais-Secret%'");
    assert.equal(leaked[0][0], '0', 'no password in the audit trail');
});

test('retour: only local agent pages', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'retour' });
    const page = await new Client().req('/agent/connexion?retour=/agent/profil');
    assert.match(page.text, /name="retour" value="\/agent\/profil"/);
    const cases = [['/agent/profil', '/agent/profil'], ['https://evil.example/agent/', '/agent'],
        ['//evil.example/agent', '/agent'], ['/agent/../admin', '/agent'], ['/faq', '/agent']];
    for (const [retour, expected] of cases) {
        const res = await new Client().login(u.username, PASSWORD, retour);
        assert.equal(res.status, 303);
        assert.equal(res.location, expected, `retour=${retour}`);
    }
    // already logged in: the login page sends to the agents' home
    const c = new Client();
    await c.login(u.username, PASSWORD);
    const again = await c.req('/agent/connexion');
    assert.equal(again.status, 303);
    assert.equal(again.location, '/agent');
});

test('throttling: a pair (account, address) slows down; a clean address still logs in', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'throttle' });
    const attacker = new Client();
    for (let i = 0; i < 3; i++) {
        const r = await attacker.login(u.username, `faux-mot-de-passe-${i}`);
        assert.equal(r.status, 200, `failure ${i + 1} is evaluated`);
    }
    const blocked = await attacker.login(u.username, PASSWORD);
    assert.equal(blocked.status, 429, 'the 4th attempt right away is refused, even with the right password');
    assert.ok(/Trop de tentatives/.test(mainText(blocked.text)));
    assert.ok(Number(blocked.headers['retry-after']) > 0, 'Retry-After');
    assert.equal(attacker.jar.get(SESSION_COOKIE), undefined);
    // the real agent, from an address without failures, is not locked out
    const agent = new Client();
    const ok = await agent.login(u.username, PASSWORD);
    assert.equal(ok.status, 303);
    // after the delay the attacker's pair is evaluated again (move the clock back)
    await sql(`UPDATE login_attempts SET at = at - INTERVAL 10 MINUTE WHERE username = '${u.username}'`);
    const later = await attacker.login(u.username, 'encore-un-faux-mot-de-passe');
    assert.equal(later.status, 200);
    // an account with 100 evaluations this hour is refused from failing addresses
    await sql(`INSERT INTO login_attempts (username, ip, success, at) SELECT '${u.username}', '198.51.100.7', 0, UTC_TIMESTAMP(3) - INTERVAL 30 MINUTE FROM information_schema.columns LIMIT 100`);
    const dirty = new Client();
    assert.equal((await dirty.login(`t.${RUN}.personne`, 'faux-mot-de-passe')).status, 200);
    const capped = await dirty.login(u.username, PASSWORD);
    assert.equal(capped.status, 429, 'an address with failures is refused for an account at its cap');
    assert.ok(/pour ce compte/.test(mainText(capped.text)));
    const clean = await new Client().login(u.username, PASSWORD);
    assert.equal(clean.status, 303, 'still evaluated from a clean address');
});

test('session limits: 30 minutes idle, 12 hours at most', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'expiry' });
    const c = new Client();
    assert.equal((await c.login(u.username, PASSWORD)).status, 303);
    assert.equal((await c.req(HOME)).status, 200);
    const uid = `(SELECT id FROM users WHERE username = '${u.username}')`;
    await sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 29 MINUTE WHERE user_id = ${uid}`);
    assert.equal((await c.req(HOME)).status, 200, '29 min idle: still valid (and refreshed)');
    await sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE user_id = ${uid}`);
    const idle = await c.req(HOME);
    assert.equal(idle.status, 303);
    assert.match(idle.location, /^\/agent\/connexion\?retour=/);

    const d = new Client();
    assert.equal((await d.login(u.username, PASSWORD)).status, 303);
    await sql(`UPDATE sessions SET created_at = UTC_TIMESTAMP() - INTERVAL 13 HOUR WHERE user_id = ${uid}`);
    assert.equal((await d.req(HOME)).status, 303, 'older than 12 h: ended even if active');
});

// ---------------------------------------------------------------------------
// CSRF

test('CSRF: missing or bad token, foreign or missing origin → 403', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'csrf' });
    const c = new Client();
    const csrf = await c.csrf('/agent/connexion');
    const form = { username: u.username, password: PASSWORD };
    assert.equal((await c.req('/agent/connexion', { form })).status, 403, 'no token');
    assert.equal((await c.req('/agent/connexion', { form: { ...form, csrf: 'AAAAAAAAAAAAAAAAAAAAAA' } })).status, 403, 'bad token');
    assert.equal((await c.req('/agent/connexion', { form: { ...form, csrf }, origin: 'https://evil.example' })).status, 403, 'cross-origin');
    assert.equal((await c.req('/agent/connexion', { form: { ...form, csrf }, origin: null })).status, 403, 'no Origin nor Referer');
    const noCookie = new Client();
    assert.equal((await noCookie.req('/agent/connexion', { form: { ...form, csrf } })).status, 403, 'token without its cookie');
    const viaReferer = await c.req('/agent/connexion', { form: { ...form, csrf }, origin: null, headers: { referer: `${BASE}/agent/connexion` } });
    assert.equal(viaReferer.status, 303, 'same-origin Referer and token: accepted');
    // agent forms need the session's token
    const home = await c.req(HOME);
    const token = csrfOf(home.text);
    assert.notEqual(token, csrf, 'the session has its own token');
    assert.equal((await c.req('/agent/deconnexion', { form: { csrf: 'AAAAAAAAAAAAAAAAAAAAAA' } })).status, 403);
    assert.equal((await c.req('/agent/deconnexion', { form: { csrf: token }, origin: 'http://evil.example' })).status, 403);
    assert.equal((await c.req(HOME)).status, 200, 'still logged in');
    assert.equal((await c.req('/agent/deconnexion', { form: { csrf: token } })).status, 303);
    // GET never changes state
    assert.equal((await c.req('/agent/deconnexion')).status, 405);
});

// ---------------------------------------------------------------------------
// password links

test('reset: same answer for known and unknown addresses; links superseded, single-use, 24 h', async () => {
    const u = await makeUser('agent', { structure: STRUCTURE, tag: 'reset' });
    const before0 = mailsTo(u.email).length;
    const c = new Client();
    const page = await c.req('/agent/mot-de-passe-oublie');
    assert.equal(page.status, 200);
    const t = mainText(page.text);
    assert.ok(t.includes('Réinitialiser votre mot de passe') && t.includes('Adresse électronique') && t.includes('Soumettre'));

    const ask = async (email) => {
        const csrf = await c.csrf('/agent/mot-de-passe-oublie');
        return c.req('/agent/mot-de-passe-oublie', { form: { csrf, email } });
    };
    const known = await ask(u.email);
    const unknown = await ask(`t.${RUN}.personne@example.fr`);
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.equal(mainText(known.text), mainText(unknown.text), 'identical answers');
    assert.ok(mainText(known.text).includes('Si cette adresse correspond à un compte'));
    const invalid = await ask('pas-une-adresse');
    assert.ok(mainText(invalid.text).includes('Saisissez une adresse électronique valide'));

    const first = await linkFor(u.email, before0 + 1);
    assert.match(first.mail.subject, /Réinitialisation de votre mot de passe/);
    assert.match(first.mail.raw, /multipart\/alternative/);
    assert.match(first.mail.raw, /Content-Type: text\/html; charset=UTF-8/);
    assert.ok(first.mail.text.includes('24 heures'));
    // a newer link supersedes the older one
    await ask(u.email.toUpperCase());
    const second = await linkFor(u.email, before0 + 2);
    assert.notEqual(first.path, second.path);
    const old = await c.req(first.path);
    assert.equal(old.status, 200);
    assert.ok(mainText(old.text).includes("Ce lien n'est plus valide"), 'older link refused');

    // a session opened before the reset ends with it
    const other = new Client();
    assert.equal((await other.login(u.username, PASSWORD)).status, 303);

    const form = await c.req(second.path);
    assert.ok(mainText(form.text).includes(u.username), 'the link shows the username');
    assert.ok(mainText(form.text).includes('au moins 12 caractères'));
    const csrf = csrfOf(form.text);
    const post = (password, confirmation) => c.req(second.path, { form: { csrf, password, confirmation } });
    let r = await post('court', 'court');
    assert.ok(mainText(r.text).includes('au moins 12 caractères'));
    r = await post('motdepasse123', 'motdepasse123');
    assert.ok(mainText(r.text).includes('trop courant'));
    r = await post(`${u.username} secret`, `${u.username} secret`);
    assert.ok(mainText(r.text).includes("nom d'utilisateur"));
    r = await post('un nouveau mot de passe solide', 'un autre mot de passe solide');
    assert.ok(mainText(r.text).includes('ne sont pas identiques'));
    assert.ok(!r.text.includes('un nouveau mot de passe solide'), 'passwords are not echoed');
    const NEW = 'Le nouveau mot de passe, 🦊 et accents éà';
    r = await post(NEW, NEW);
    assert.equal(r.status, 303);
    assert.equal(r.location, '/agent/connexion?nouveau=1');
    assert.ok(mainText((await c.req(r.location)).text).includes('Votre mot de passe a été enregistré'));
    assert.equal((await other.req(HOME)).status, 303, "the user's other sessions ended");
    // single use
    assert.ok(mainText((await c.req(second.path)).text).includes("Ce lien n'est plus valide"));
    assert.ok(mainText((await c.req(second.path, { form: { csrf, password: NEW, confirmation: NEW } })).text).includes("Ce lien n'est plus valide"));
    // the new password works, the old one no longer
    assert.equal((await new Client().login(u.username, PASSWORD)).status, 200);
    assert.equal((await new Client().login(u.username, NEW)).status, 303);

    // expired after 24 h (clock moved in the database)
    await ask(u.email);
    const third = await linkFor(u.email, before0 + 3);
    assert.ok(mainText((await c.req(third.path)).text).includes('Nouveau mot de passe'));
    await sql(`UPDATE password_tokens SET created_at = created_at - INTERVAL 25 HOUR, expires_at = expires_at - INTERVAL 25 HOUR WHERE user_id = (SELECT id FROM users WHERE username = '${u.username}') AND used_at IS NULL AND superseded_at IS NULL`);
    assert.ok(mainText((await c.req(third.path)).text).includes("Ce lien n'est plus valide"), 'expired link refused');
    assert.ok(mainText((await c.req('/agent/mot-de-passe/pas-un-jeton')).text).includes("Ce lien n'est plus valide"));
    // the audit trail has the events
    const uid = (await sql(`SELECT id FROM users WHERE username = '${u.username}'`))[0][0];
    const actions = (await sql(`SELECT action FROM audit_log WHERE user_id = ${uid} OR (object_type = 'user' AND object_id = ${uid})`)).map((x) => x[0]);
    for (const a of ['reset_requested', 'password_changed', 'login', 'user_created']) assert.ok(actions.includes(a), `audit ${a}`);
});

test('account creation mails a first-login link; the new agent sets a password and logs in', async () => {
    const username = `t.${RUN}.bienvenue`;
    const email = `${username}@example.fr`;
    const r = await admin(['user', 'add', '--username', username, '--email', email, '--structure', STRUCTURE,
        '--role', 'agent', '--name', 'Dominique Bienvenue']);
    assert.equal(r.code, 0, r.stderr);
    const { path, mail } = await linkFor(email, 1);
    assert.match(mail.subject, /Bienvenue/);
    assert.ok(mail.text.includes(username));
    assert.equal((await new Client().login(username, PASSWORD)).status, 200, 'no password yet');
    const c = new Client();
    const form = await c.req(path);
    assert.ok(mainText(form.text).includes('Choisir votre mot de passe'));
    const res = await c.req(path, { form: { csrf: csrfOf(form.text), password: PASSWORD, confirmation: PASSWORD } });
    assert.equal(res.status, 303);
    assert.equal((await c.login(username, PASSWORD)).status, 303);
    const home = await c.req(HOME);
    assert.ok(mainText(home.text).includes('Dominique Bienvenue'));
});

// ---------------------------------------------------------------------------
// access matrix of the agents' home and its menus

const MENU = {
    experiences: '/agent/experiences',
    dashboard: '/agent/tableau-de-bord',
    actions: '/agent/actions',
    diagnostic: '/agent/diagnostic',
    imports: '/agent/imports',
    moderation: '/agent/moderation',
    admin: '/agent/admin',
};
const MATRIX = {
    agent: ['experiences', 'dashboard', 'actions', 'diagnostic'],
    repondant: ['experiences', 'dashboard', 'actions'],
    super_agent: ['experiences', 'dashboard', 'actions', 'diagnostic', 'admin'],
    super_repondant: ['experiences', 'dashboard', 'actions'],
    evaluateur: ['dashboard', 'actions', 'diagnostic'],
    super_evaluateur: ['dashboard', 'actions', 'diagnostic'],
    referent: ['dashboard', 'actions', 'diagnostic', 'imports', 'admin'],
    moderateur: ['experiences', 'moderation'],
    administrateur: Object.keys(MENU),
};

test('access matrix: anonymous visitors are sent to the login page', async () => {
    const c = new Client();
    const bare = await c.req('/agent');
    assert.ok([301, 303].includes(bare.status), `/agent answers ${bare.status}`);
    const res = await c.req(HOME);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/agent/connexion?retour=/agent/');
    const forged = new Client();
    forged.jar.set(SESSION_COOKIE, 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal((await forged.req(HOME)).status, 303);
    forged.jar.set(SESSION_COOKIE, "' OR 1=1 --");
    assert.equal((await forged.req(HOME)).status, 303);
});

test('access matrix: every role sees exactly its menus', async () => {
    for (const [role, visible] of Object.entries(MATRIX)) {
        const platform = role === 'moderateur' || role === 'administrateur';
        const u = await makeUser(role, { structure: platform ? undefined : STRUCTURE_B, tag: `m-${role}` });
        const c = new Client();
        assert.equal((await c.login(u.username, PASSWORD)).status, 303, role);
        const home = await c.req(HOME);
        assert.equal(home.status, 200, role);
        const text = mainText(home.text);
        assert.ok(text.includes('Je suis agent') && text.includes("J'accède aux ressources"), `${role}: «Je suis agent»`);
        for (const [key, href] of Object.entries(MENU)) {
            const shown = home.text.includes(`href="${href}"`);
            assert.equal(shown, visible.includes(key), `${role}: ${href} ${visible.includes(key) ? 'shown' : 'hidden'}`);
        }
        assert.equal(text.includes("J'accède aux données de mon réseau"), visible.includes('imports'), `${role}: réseau`);
        assert.ok(text.includes("J'améliore la qualité"), `${role}: qualité`);
        assert.ok(home.text.includes('href="/agent/profil"'), `${role}: «Modifier le profil»`);
        assert.ok(/Se déconnecter/.test(home.text), `${role}: «Se déconnecter»`);
    }
});

// ---------------------------------------------------------------------------
// spplus-admin

test('spplus-admin user commands: errors, grant/revoke, list, deactivate ends sessions', async () => {
    const username = `t.${RUN}.cli`;
    let r = await admin(['user', 'add', '--username', username, '--email', 'pas une adresse', '--structure', STRUCTURE, '--role', 'agent']);
    assert.equal(r.code, 2);
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', STRUCTURE, '--role', 'chef']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--role must be one of/);
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', 'NOPE-404', '--role', 'agent'], PASSWORD);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no structure/);
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--role', 'agent'], PASSWORD);
    assert.equal(r.code, 2, 'agent needs --structure');
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', STRUCTURE, '--role', 'moderateur'], PASSWORD);
    assert.equal(r.code, 2, 'moderateur takes no --structure');
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', STRUCTURE, '--role', 'agent'], 'azertyuiop123');
    assert.equal(r.code, 2, 'common password refused');
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', STRUCTURE, '--role', 'agent'], `${PASSWORD}\n`);
    assert.equal(r.code, 0, r.stderr);
    r = await admin(['user', 'add', '--username', username, '--email', `${username}@example.fr`, '--structure', STRUCTURE, '--role', 'agent'], PASSWORD);
    assert.equal(r.code, 1, 'duplicate username');

    r = await admin(['user', 'grant', '--username', username, '--structure', STRUCTURE_B, '--role', 'referent']);
    assert.equal(r.code, 0, r.stderr);
    r = await admin(['user', 'grant', '--username', username, '--role', 'moderateur']);
    assert.equal(r.code, 0, r.stderr);
    r = await admin(['user', 'grant', '--username', username, '--role', 'moderateur']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /already held/);
    r = await admin(['user', 'list']);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${username}\t`));
    assert.ok(line, 'listed');
    assert.match(line, new RegExp(`agent@${STRUCTURE}`));
    assert.match(line, new RegExp(`referent@${STRUCTURE_B}`));
    assert.match(line, /moderateur/);
    r = await admin(['user', 'revoke', '--username', username, '--role', 'moderateur']);
    assert.equal(r.code, 0);
    r = await admin(['user', 'list']);
    assert.doesNotMatch(r.stdout.split('\n').find((l) => l.startsWith(`${username}\t`)), /moderateur/);
    const actions = (await sql(`SELECT action FROM audit_log WHERE object_type = 'user' AND object_id = (SELECT id FROM users WHERE username = '${username}')`)).map((x) => x[0]);
    for (const a of ['user_created', 'role_granted', 'role_revoked']) assert.ok(actions.includes(a), `audit ${a}`);

    const c = new Client();
    assert.equal((await c.login(username, PASSWORD)).status, 303);
    r = await admin(['user', 'deactivate', '--username', username]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await c.req(HOME)).status, 303, 'deactivation ends the sessions');
    assert.equal((await new Client().login(username, PASSWORD)).status, 200, 'a deactivated account cannot log in');
    r = await admin(['user', 'deactivate', '--username', `t.${RUN}.inconnu`]);
    assert.equal(r.code, 1);
});

test('each agent gets their own header (name, logout token) though the workers cache headers', async () => {
    // layout_frags (fcgi/route.c) keys the header by everything in <params>,
    // the user and the session's CSRF token included: two agents of the same
    // structure, on the same pages, in turn.
    const a = await makeUser('agent', { structure: STRUCTURE, name: 'Alix Header', tag: 'hdra' });
    const b = await makeUser('agent', { structure: STRUCTURE, name: 'Bastien Header', tag: 'hdrb' });
    const ca = new Client();
    const cb = new Client();
    assert.equal((await ca.login(a.username, PASSWORD)).status, 303);
    assert.equal((await cb.login(b.username, PASSWORD)).status, 303);
    const first = {};
    for (let round = 0; round < 3; round++) {
        for (const [c, me, other] of [[ca, 'Alix Header', 'Bastien Header'], [cb, 'Bastien Header', 'Alix Header']]) {
            for (const path of ['/agent/experiences', '/agent/profil']) {
                const res = await c.req(path);
                assert.equal(res.status, 200, path);
                const header = res.text.slice(0, res.text.indexOf('id="contenu"'));
                assert.ok(header.includes(me) && !header.includes(other), `${path}: ${me}'s header`);
                const token = csrfOf(header);
                first[me] ??= token;
                assert.equal(token, first[me], `${path}: ${me}'s logout token`);
            }
        }
    }
    assert.notEqual(first['Alix Header'], first['Bastien Header']);
    // the token in the cached header is the session's: logout works with it
    const page = await ca.req('/agent/experiences');
    const out = await ca.req('/agent/deconnexion', { form: { csrf: csrfOf(page.text) } });
    assert.equal(out.status, 303);
    assert.equal((await ca.req('/agent/experiences')).status, 303, 'logged out');
    const after = await ca.req('/');
    assert.ok(!after.text.includes('Alix Header'), 'the public header after logout has no name');
});
