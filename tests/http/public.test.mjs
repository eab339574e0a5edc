// The public site through the web server: every public page, the error
// pages, the security headers. Runs against SPPLUS_URL (default NGINX :8080).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
    BASE, DIRECT, ENGAGEMENTS, THEMES, get, nocache, plain, norm, links, assertContainsAll, assertSecurityHeaders, assertSiteLayout,
} from './helpers.mjs';


function isHtml(res) {
    assert.match(res.headers.get('content-type') || '', /^text\/html/i, `${res.url}: Content-Type`);
}

test('home page: the 9 engagements and the three themes', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    isHtml(res);
    assertSiteLayout(res.text, '/');
    assertContainsAll(res.text, ENGAGEMENTS, '/');
    assertContainsAll(res.text, THEMES, '/');
    assertSecurityHeaders(res, '/');
    assert.match(res.text, /<html[^>]*\slang="fr"/, '/ has <html lang="fr">');
});

test('the engagements page lists the 9 engagements', async () => {
    const res = await get('/engagements');
    assert.equal(res.status, 200);
    isHtml(res);
    assertSiteLayout(res.text, '/engagements');
    assertContainsAll(res.text, ENGAGEMENTS, '/engagements');
});

for (const [path, patterns] of [
    ['/programme', [/programme/i, /Services Publics ?\+/]],
    ['/faq', [/Questions fréquentes|Foire aux questions|FAQ/i]],
    ['/accessibilite', [/Accessibilité/, /conformité|conforme/i]],
]) {
    test(`${path} answers 200 with its content`, async () => {
        const res = await get(path);
        assert.equal(res.status, 200);
        isHtml(res);
        assertSiteLayout(res.text, path);
        assertSecurityHeaders(res, path);
        const text = norm(plain(res.text));
        for (const re of patterns) assert.match(text, re, `${path} should match ${re}`);
    });
}

test('/actualites lists news and the first article opens', async () => {
    const res = await get('/actualites');
    assert.equal(res.status, 200);
    isHtml(res);
    assertSiteLayout(res.text, '/actualites');
    assert.match(plain(res.text), /Actualités/i);
    const articles = links(res.text).filter((h) => /^\/actualites\/[^/?#]+$/.test(h));
    assert.ok(articles.length > 0, '/actualites links to at least one article /actualites/<slug>');
    const art = await get(articles[0]);
    assert.equal(art.status, 200, `${articles[0]} answers 200`);
    isHtml(art);
    assertSiteLayout(art.text, articles[0]);
    assertSecurityHeaders(art, articles[0]);
    assert.match(art.text, /<h1[^>]*>[^<]*\S/, `${articles[0]} has a title (h1)`);
});

test('HEAD / answers 200 with the headers and no body', async () => {
    // Raw socket: fetch would hide a body sent by mistake.
    const u = new URL(BASE);
    const raw = await new Promise((resolve, reject) => {
        const chunks = [];
        const s = net.connect(Number(u.port || 80), u.hostname, () => {
            s.write(`HEAD / HTTP/1.1\r\nHost: ${u.host}\r\nConnection: close\r\n\r\n`);
        });
        s.setTimeout(10000, () => s.destroy(new Error('timeout')));
        s.on('data', (c) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        s.on('error', reject);
    });
    const [head, ...rest] = raw.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 200 /);
    assert.match(head, /\r\ncontent-type: text\/html/i);
    assert.equal(rest.join('\r\n\r\n'), '', 'HEAD must not send a body');
});

test('unknown page: 404 with the site layout', async () => {
    const res = await get(`/cette-page-n-existe-pas-${Date.now()}`);
    assert.equal(res.status, 404);
    isHtml(res);
    assertSiteLayout(res.text, '404');
    assert.match(norm(plain(res.text)), /Page non trouvée/);
    assertSecurityHeaders(res, '404');
});

test('POST / is not allowed: 405 with an Allow header', async () => {
    const res = await get('/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
    });
    assert.equal(res.status, 405);
    const allow = res.headers.get('allow') || '';
    assert.match(allow, /\bGET\b/, `Allow lists GET (got «${allow}»)`);
    assert.doesNotMatch(allow, /\bPOST\b/, 'Allow does not list POST');
    assertSecurityHeaders(res, '405');
});

test('a malformed query string gets the 400 page', async () => {
    const res = await get('/?a=%zz');
    assert.equal(res.status, 400);
    isHtml(res);
    assertSiteLayout(res.text, '400');
    assertSecurityHeaders(res, '400');
});

test('a 2 MB body gets 413 and the site-styled page', async () => {
    const res = await get('/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.alloc(2 * 1024 * 1024, 'a'),
    });
    assert.equal(res.status, 413);
    isHtml(res);
    assertSiteLayout(res.text, '413');
    assertSecurityHeaders(res, '413');
});

test('a query string that makes the URL unique still gets the home page', async () => {
    const res = await get(`/?${nocache()}`);
    assert.equal(res.status, 200);
    assertContainsAll(res.text, ENGAGEMENTS.slice(0, 1), '/?nocache');
});

test('static files: DSFR and our own, with nosniff', async () => {
    const css = await get('/static/dsfr/dsfr.min.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') || '', /^text\/css/);
    assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
    const err = await get('/static/errors/404-does-not-exist.html');
    assert.equal(err.status, 404);
});

test('/spplus-status from localhost shows the three pools', async () => {
    const res = await get('/spplus-status');
    assert.equal(res.status, 200);
    const text = plain(res.text);
    for (const pool of ['web', 'upload', 'redirect']) {
        assert.match(text, new RegExp(`\\b${pool}\\b`), `/spplus-status mentions the ${pool} pool`);
    }
    assert.ok(/no-store|private|no-cache/.test(res.headers.get('cache-control') || '')
        || res.headers.get('x-cache-status') !== 'HIT', '/spplus-status is not served from a cache');
});

test('/spplus-status counts the web workers\' fragment cache: list cards reused, bytes kept', async () => {
    // A web worker renders a card once, then reuses it: the live workers
    // reuse at least 40 cards within a few rounds of 6 list pages (a round
    // again if a worker was recycled meanwhile, taking its counts along).
    let counts;
    for (let round = 0; round < 5; round++) {
        for (let i = 0; i < 6; i++) assert.equal((await get('/experiences', { base: DIRECT })).status, 200);
        counts = fragCounts((await get('/spplus-status')).text);
        if (counts.hits >= 40) break;
    }
    assert.ok(counts.hits >= 40, `cards reused: ${counts.hits}`);
    assert.ok(counts.misses >= 20, `cards rendered: ${counts.misses}`);
    assert.ok(counts.bytes > 20 * 300, `bytes kept: ${counts.bytes}`);
});

/** The web pool's row of /spplus-status: its fragment cells (7 to 9 of 11). */
function fragCounts(html) {
    const row = html.split('<tr>').find((r) => /<th scope="row">web<\/th>/.test(r));
    assert.ok(row, 'the web pool has a row');
    const cells = [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => Number(m[1]));
    assert.equal(cells.length, 11, `eleven numbers in the row: ${row}`);
    const [hits, misses, bytes] = cells.slice(6, 9);
    return { hits, misses, bytes };
}

test('the cached header follows the page: its current menu item, on every worker', async () => {
    // layout_frags (fcgi/route.c) keys an anonymous page's header by the
    // stylesheet, the route and the path: each page shows its own item.
    const pages = [['/', 'Accueil'], ['/engagements', 'Les engagements'], ['/experiences', 'Les expériences'],
        ['/actualites', 'Actualités'], ['/faq', null]];
    for (let round = 0; round < 3; round++) {
        for (const [path, label] of pages) {
            const res = await get(path, { base: DIRECT });
            assert.equal(res.status, 200, path);
            const current = [...res.text.matchAll(/<a class="fr-nav__link" href="[^"]*" aria-current="page">([^<]*)<\/a>/g)]
                .map((m) => m[1]);
            assert.deepEqual(current, label ? [label] : [], `${path}: the current item`);
            assert.ok(res.text.includes('>Agents connectés</a>') && res.text.includes('id="pied-de-page"'), path);
        }
    }
});
