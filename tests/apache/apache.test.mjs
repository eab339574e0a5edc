// The same stack behind Apache 2.4 + mod_proxy_fcgi (conf/apache/spplus.conf,
// rendered by ./dev on :8090): routing to the pools, error pages, HEAD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    ENGAGEMENTS, THEMES, get, links, plain, norm, assertContainsAll, assertSecurityHeaders, assertSiteLayout,
} from '../http/helpers.mjs';

test('Apache: home page with the 9 engagements', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assertSiteLayout(res.text, '/');
    assertContainsAll(res.text, ENGAGEMENTS, '/');
    assertContainsAll(res.text, THEMES, '/');
    assertSecurityHeaders(res, '/');
});

test('Apache: /actualites and its first article', async () => {
    const res = await get('/actualites');
    assert.equal(res.status, 200);
    assertSiteLayout(res.text, '/actualites');
    const first = links(res.text).find((h) => /^\/actualites\/[^/?#]+$/.test(h));
    assert.ok(first, '/actualites links to an article');
    const art = await get(first);
    assert.equal(art.status, 200, `${first} answers 200`);
});

test('Apache: unknown page gets the 404 page', async () => {
    const res = await get(`/nulle-part-${Date.now()}`);
    assert.equal(res.status, 404);
    assertSiteLayout(res.text, '404');
    assert.match(norm(plain(res.text)), /Page non trouvée/);
    assertSecurityHeaders(res, '404');
});

test('Apache: HEAD / answers 200 without a body', async () => {
    const res = await get('/', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') || '', /^text\/html/);
    assert.equal(res.text, '');
});

test('Apache: static files and body limit', async () => {
    const css = await get('/static/dsfr/dsfr.min.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
    const big = await get('/', { method: 'POST', body: Buffer.alloc(2 * 1024 * 1024, 'a'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(big.status, 413);
    assertSiteLayout(big.text, '413');
});

test('Apache: 300 requests in a row, every one answered 200', async () => {
    // mod_proxy_fcgi writes the end of stdin after the parameters; a worker
    // that closed before reading it made Apache answer 503 (EPIPE) to about
    // one request in eight (fcgi/worker.c, drain_stdin): 53 of 400 with
    // `bash -c '. ./dev; apache_start'` then `for i in $(seq 400); do curl -s
    // -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8090/; done | sort | uniq -c`.
    const statuses = {};
    for (let i = 0; i < 300; i++) {
        const res = await get(i % 2 ? '/' : '/experiences');
        statuses[res.status] = (statuses[res.status] || 0) + 1;
    }
    assert.deepEqual(statuses, { 200: 300 });
});

test('Apache: a body no handler reads (POST on a page) gets the 405 page, never a 503', async () => {
    // the worker reads what is left of stdin before closing (drain_stdin):
    // here a 20 kB form the route refuses without reading it
    const body = `q=${'a'.repeat(20000)}`;
    const statuses = {};
    for (let i = 0; i < 100; i++) {
        const res = await get('/faq', {
            method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        statuses[res.status] = (statuses[res.status] || 0) + 1;
        if (i === 0) assertSiteLayout(res.text, 'POST /faq (405)');
    }
    assert.deepEqual(statuses, { 405: 100 });
});
