// Shared helpers of the HTTP tests (node --test, Node 18+: global fetch).
//
// SPPLUS_URL  the stack to test (default http://127.0.0.1:8080, NGINX with
//             its page cache; ./dev test also runs tests/apache on :8090)
// SPPLUS_ROOT the checkout (default: two levels above this file)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const BASE = (process.env.SPPLUS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const ROOT = process.env.SPPLUS_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// NGINX's development-only server: straight to the web pool, no page cache.
export const DIRECT = process.env.SPPLUS_DIRECT_URL || 'http://127.0.0.1:8081';

const run = promisify(execFile);

// SPEC.md §3: the 9 engagements (2021 wording) and their three themes.
export const ENGAGEMENTS = [
    "Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance et, dans les conditions prévues par la loi, vous avez le droit à l'erreur",
    'Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne',
    "Vous bénéficiez d'un accompagnement adapté à votre situation personnelle",
    'Nous vous orientons vers la personne compétente pour traiter votre demande',
    "Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l'avancement de votre dossier",
    'Vous avez accès à nos résultats de qualité de service',
    'Vos avis sont pris en compte pour améliorer et simplifier nos démarches',
    'Nous développons en permanence nos compétences et nous améliorons en continu',
    'Nous sommes éco-responsables',
];
export const THEMES = ['+ proches', '+ efficaces', '+ simples'];

/**
 * Sends one request; never follows redirects.
 * opts: method, headers, body, timeout (ms, default 15000), base (default BASE).
 * Returns { status, headers (a Headers object), text, url }.
 */
export async function get(path, opts = {}) {
    const url = (opts.base || BASE) + path;
    const res = await fetch(url, {
        method: opts.method || 'GET',
        headers: opts.headers || {},
        body: opts.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(opts.timeout || 15000),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, url };
}

/** A query string that makes the URL unique, so no cache can answer it. */
export function nocache() {
    return `nocache=${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/** Runs ./dev with the given arguments (e.g. ['db', 'stop']). */
export async function dev(...args) {
    return run(resolve(ROOT, 'dev'), args, { cwd: ROOT, timeout: 120000 });
}

/** The pid of spplusd's master (var/run/spplusd.pid). */
export function masterPid() {
    return Number(readFileSync(resolve(ROOT, 'var/run/spplusd.pid'), 'utf8').trim());
}

/** The pids of the master's children (its workers), from /proc. */
export async function workerPids() {
    const { stdout } = await run('pgrep', ['-P', String(masterPid())]).catch((e) => ({ stdout: e.stdout || '' }));
    return stdout.split(/\s+/).filter(Boolean).map(Number);
}

/** Polls fn() until it returns a truthy value or ms elapse; returns the last value. */
export async function waitFor(fn, ms = 10000, every = 200) {
    const end = Date.now() + ms;
    let v;
    for (;;) {
        try {
            v = await fn();
        } catch (e) {
            v = undefined;
        }
        if (v || Date.now() >= end) return v;
        await new Promise((r) => setTimeout(r, every));
    }
}

/** Text content of an HTML page with tags dropped and entities of interest decoded. */
export function plain(html) {
    return decode(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ');
}

/** Decodes the HTML entities XSLT and hand-written pages may use. */
export function decode(s) {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '\u2019',
        laquo: '\u00ab', raquo: '\u00bb', eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0' };
    return s
        .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(Number(d)))
        .replace(/&([a-z]+);/gi, (m, n) => (n in named ? named[n] : m));
}

/** Normalises apostrophes and spaces so «l'erreur» matches «l’erreur». */
export function norm(s) {
    return s.replace(/[\u2019\u02bc]/g, "'").replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

/** Asserts that the page text contains every string of `expected`. */
export function assertContainsAll(html, expected, what = 'page') {
    const text = norm(plain(html));
    for (const e of expected) {
        assert.ok(text.includes(norm(e)), `${what} should contain «${e}»`);
    }
}

/**
 * The security headers every HTML answer carries (pages, error pages):
 * a CSP whose script-src (or default-src) has no 'unsafe-inline', framing
 * forbidden (frame-ancestors 'none' or X-Frame-Options DENY), nosniff and a
 * Referrer-Policy.
 */
export function assertSecurityHeaders(res, what = res.url) {
    const h = res.headers;
    const csp = h.get('content-security-policy');
    assert.ok(csp, `${what}: Content-Security-Policy missing`);
    const directives = Object.fromEntries(
        csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
            const [name, ...vals] = d.split(/\s+/);
            return [name.toLowerCase(), vals.join(' ')];
        }),
    );
    const scriptSrc = directives['script-src'] ?? directives['default-src'];
    assert.ok(scriptSrc !== undefined, `${what}: CSP has neither script-src nor default-src: ${csp}`);
    assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${what}: CSP script-src allows 'unsafe-inline': ${csp}`);
    const fa = directives['frame-ancestors'];
    const xfo = (h.get('x-frame-options') || '').toUpperCase();
    assert.ok(fa === "'none'" || xfo === 'DENY',
        `${what}: framing not forbidden (CSP frame-ancestors '${fa}', X-Frame-Options '${xfo}')`);
    assert.equal((h.get('x-content-type-options') || '').toLowerCase(), 'nosniff', `${what}: X-Content-Type-Options`);
    assert.ok(h.get('referrer-policy'), `${what}: Referrer-Policy missing`);
}

/** The page uses the site's DSFR layout (header with the service name). */
export function assertSiteLayout(html, what = 'page') {
    assert.match(html, /<header[^>]*class="[^"]*fr-header/, `${what}: no DSFR header (fr-header)`);
    assert.match(html, /\/static\/dsfr\/dsfr(\.min)?\.css/, `${what}: does not link the DSFR stylesheet`);
    assert.match(plain(html), /Services Publics\s*\+/, `${what}: no «Services Publics+» in the page`);
}

/** Links (href values) of a page, entity-decoded. */
export function links(html) {
    return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map((m) => decode(m[1]));
}
