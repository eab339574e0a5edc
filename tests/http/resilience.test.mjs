// What happens when things break: a worker killed mid-flight, the database
// gone. Talks to NGINX's direct server (:8081, no page cache) so that every
// request really reaches a worker; drives ./dev to stop and start MariaDB.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECT, get, dev, masterPid, workerPids, waitFor, plain, norm, assertSecurityHeaders, assertSiteLayout } from './helpers.mjs';

// Several test files may run one after the other against the same stack:
// whatever happens here, leave the database running.
let dbStopped = false;
after(async () => {
    if (dbStopped) await dev('db', 'start');
});

/** Pids of the web pool's workers: from /spplus-status when it lists them, else every child. */
async function webWorkerPids() {
    const children = new Set(await workerPids());
    const status = await get('/spplus-status', { base: DIRECT }).catch(() => null);
    if (status && status.status === 200) {
        const web = new Set();
        for (const line of plain(status.text.replace(/<\/(tr|li|p|div)>/gi, '\n')).split(/\n/)) {
            if (!/\bweb\b/.test(line)) continue;
            for (const m of line.matchAll(/\b\d{2,7}\b/g)) if (children.has(Number(m[0]))) web.add(Number(m[0]));
        }
        // Per-line parsing fails on tabular layouts: use the raw rows.
        for (const row of status.text.split(/<tr\b/i)) {
            if (!/\bweb\b/.test(row)) continue;
            for (const m of row.matchAll(/\b\d{2,7}\b/g)) if (children.has(Number(m[0]))) web.add(Number(m[0]));
        }
        if (web.size) return [...web];
    }
    return [...children];
}

test('a web worker killed with SIGKILL: the next 20 requests all succeed, and it is replaced', async () => {
    const before = await workerPids();
    assert.ok(before.length >= 3, `spplusd (pid ${masterPid()}) has workers (found ${before.length})`);
    const web = await webWorkerPids();
    const victim = web[Math.floor(Math.random() * web.length)];
    process.kill(victim, 'SIGKILL');
    const failures = [];
    for (let i = 0; i < 20; i++) {
        const res = await get('/', { base: DIRECT });
        if (res.status !== 200) failures.push(`request ${i + 1}: HTTP ${res.status}`);
    }
    assert.deepEqual(failures, [], 'every request after the kill answered 200');
    const replaced = await waitFor(async () => {
        const now = await workerPids();
        return !now.includes(victim) && now.length === before.length ? now : null;
    }, 10000);
    assert.ok(replaced, `the master respawned the killed worker (${before.length} workers expected)`);
});

test('database down: the site answers its 503 page, then recovers within 10 s', async () => {
    const ok = await get('/', { base: DIRECT });
    assert.equal(ok.status, 200, 'home page answers 200 before the test');

    await dev('db', 'stop');
    dbStopped = true;
    const down = await get('/', { base: DIRECT });
    assert.equal(down.status, 503, 'home page answers 503 while the database is down');
    assert.match(down.headers.get('content-type') || '', /^text\/html/i);
    assertSiteLayout(down.text, '503');
    assertSecurityHeaders(down, '503');
    assert.match(norm(plain(down.text)), /indisponible/i, 'the 503 page says the service is unavailable');
    // Not stored by the page cache: a 503 on the cached server too.
    assert.notEqual((await get(`/?down=${Date.now()}`)).status, 200);

    await dev('db', 'start');
    dbStopped = false;
    const t0 = Date.now();
    const back = await waitFor(async () => (await get('/', { base: DIRECT })).status === 200, 10000, 250);
    assert.ok(back, 'home page answers 200 again within 10 s of the database restart');
    console.log(`# recovered ${Date.now() - t0} ms after the database restart`);
});

test('SIGHUP under load: a new generation of workers, and no request dropped', async () => {
    const generation = async () => {
        const res = await get('/spplus-status', { base: DIRECT });
        assert.equal(res.status, 200);
        const m = plain(res.text).match(/Génération de configuration\D*(\d+)/);
        assert.ok(m, 'the status page shows the generation');
        return Number(m[1]);
    };
    const g0 = await generation();
    const failures = [];
    let sent = 0;
    let afterReloads = 0;
    let reloaded = false;
    let running = true;
    // 8 clients request the home page without pause while the master reloads
    const clients = Array.from({ length: 8 }, async () => {
        while (running) {
            sent++;
            const res = await get('/', { base: DIRECT }).catch((e) => ({ status: String(e) }));
            if (res.status !== 200) failures.push(res.status);
            if (reloaded) afterReloads++;
        }
    });
    // one SIGHUP at a time: signals sent while a reload is still starting
    // its workers are merged into one (ordinary signal semantics)
    for (let i = 1; i <= 3; i++) {
        await new Promise((r) => setTimeout(r, 300));
        process.kill(masterPid(), 'SIGHUP');
        const g = await waitFor(async () => ((await generation()) >= g0 + i ? true : null), 15000, 100);
        assert.ok(g, `reload ${i} started a new generation`);
    }
    reloaded = true;
    // keep the load on until the new generation has served a fair share
    // (workers built with sanitizers are several times slower)
    await waitFor(() => afterReloads >= 50, 20000, 50);
    running = false;
    await Promise.all(clients);
    assert.ok(afterReloads >= 50, `requests kept coming after the reloads (${afterReloads} of ${sent})`);
    assert.deepEqual(failures, [], `all ${sent} requests answered 200`);
    assert.ok((await generation()) >= g0 + 3, 'three new generations were started');
});
