// The pools' limits, on a private spplusd: a worker is replaced after
// `max_requests` requests, and a request running past `request_timeout` gets
// its worker SIGKILLed (logged with the request line) while the pool keeps
// serving with a new worker.
//
// The shared stack is left alone: this file starts its own master, from a
// configuration derived from the active one (same database, mail and
// stylesheets), with every socket, pid file and log in
// var/tmp/pool-limits-<pid>/, and talks FastCGI to its web socket directly.
//
// The configuration derived from: $SPPLUS_CONF, else the one the running
// master was started with (`-c`, e.g. var/asan.conf in ./dev's ASan layer),
// else var/spplus.conf. The binary: $SPPLUS_SPPLUSD, else the running
// master's (build-asan/spplusd in the ASan layer, with its sanitizer
// options), else build/spplusd.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readlinkSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { ROOT, waitFor } from './helpers.mjs';

const DIR = resolve(ROOT, `var/tmp/pool-limits-${process.pid}`);
const CONF = resolve(DIR, 'spplus.conf');
const ERROR_LOG = resolve(DIR, 'spplusd.log');
const OUT_LOG = resolve(DIR, 'spplusd.out');
const WEB_SOCK = resolve(DIR, 'web.sock');
const TIMEOUT_S = 2;
const MAX_REQUESTS = 3;

/* ---------- the active stack: configuration, binary, environment ---------- */

/** The shared master's pid (var/run/spplusd.pid), or 0 when it is not running. */
function sharedMasterPid() {
    try {
        const pid = Number(readFileSync(resolve(ROOT, 'var/run/spplusd.pid'), 'utf8').trim());
        return pid > 0 && existsSync(`/proc/${pid}`) ? pid : 0;
    } catch {
        return 0;
    }
}

function procArgs(pid) {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean);
    } catch {
        return [];
    }
}

/** { conf, binary, env } of the stack under test. */
function activeStack() {
    const pid = sharedMasterPid();
    const args = pid ? procArgs(pid) : [];
    const isSpplusd = args.length > 0 && /(^|\/)spplusd$/.test(args[0]);
    let conf = process.env.SPPLUS_CONF;
    if (!conf && isSpplusd) {
        const i = args.indexOf('-c');
        if (i > 0 && args[i + 1]) conf = resolve(readlinkSync(`/proc/${pid}/cwd`), args[i + 1]);
    }
    if (!conf || !existsSync(conf)) conf = resolve(ROOT, 'var/spplus.conf');

    let binary = process.env.SPPLUS_SPPLUSD;
    const env = { ...process.env };
    delete env.SPPLUS_CONF;
    if (!binary && isSpplusd) {
        try {
            const exe = readlinkSync(`/proc/${pid}/exe`);
            if (existsSync(exe)) binary = exe;
            // the sanitizer options of an ASan master, so that any report of
            // this private instance lands where ./dev's ASan layer looks
            for (const kv of readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0')) {
                const m = kv.match(/^((?:ASAN|UBSAN|LSAN)_OPTIONS)=(.*)$/s);
                if (m) env[m[1]] = m[2];
            }
        } catch {
            /* not ours to read: defaults */
        }
    }
    if (!binary) binary = resolve(ROOT, 'build/spplusd');
    return { conf, binary, env };
}

/**
 * The active configuration rewritten for the private master: own pid file,
 * logs and sockets; dev mode on (/_dev/sleep); a web pool of one worker with
 * the limits under test, the other pools at one worker.
 */
function privateConfig(text) {
    const out = [];
    const seen = new Set();
    let section = '';
    const global = { pid_file: resolve(DIR, 'spplusd.pid'), error_log: ERROR_LOG, dev: 'yes' };
    const web = { workers: '1', request_timeout: String(TIMEOUT_S), max_requests: String(MAX_REQUESTS) };
    const closeSection = () => {
        // keys the section needs but did not have
        if (section === 'global') {
            for (const [k, v] of Object.entries(global)) if (!seen.has(k)) out.push(`${k} = ${v}`);
        } else if (section === 'pool web') {
            for (const [k, v] of Object.entries(web)) if (!seen.has(k)) out.push(`${k} = ${v}`);
        }
        seen.clear();
    };
    for (const line of text.split('\n')) {
        const sec = line.match(/^\s*\[\s*([^\]]*?)\s*\]\s*$/);
        if (sec) {
            closeSection();
            section = sec[1].replace(/\s+/g, ' ');
            out.push(line);
            continue;
        }
        const kv = line.match(/^\s*([A-Za-z_]+)\s*=/);
        if (!kv) {
            out.push(line);
            continue;
        }
        const key = kv[1];
        seen.add(key);
        if (section === 'global' && key in global) {
            out.push(`${key} = ${global[key]}`);
        } else if (section === 'global' && key === 'access_log') {
            out.push(`access_log = ${resolve(DIR, 'access.log')}`);
        } else if (section.startsWith('pool ') && key === 'listen') {
            const sock = resolve(DIR, `${section.slice(5)}.sock`);
            assert.ok(Buffer.byteLength(sock) <= 107, `socket path too long for a unix socket: ${sock}`);
            out.push(`listen = ${sock}`);
        } else if (section === 'pool web' && key in web) {
            out.push(`${key} = ${web[key]}`);
        } else if (section.startsWith('pool ') && key === 'workers') {
            out.push('workers = 1');
        } else {
            out.push(line);
        }
    }
    closeSection();
    return out.join('\n') + '\n';
}

/* ---------- a minimal FastCGI client ---------- */

const FCGI_BEGIN_REQUEST = 1;
const FCGI_END_REQUEST = 3;
const FCGI_PARAMS = 4;
const FCGI_STDIN = 5;
const FCGI_STDOUT = 6;
const FCGI_STDERR = 7;

function record(type, content = Buffer.alloc(0), id = 1) {
    const pad = (8 - (content.length % 8)) % 8;
    const h = Buffer.alloc(8);
    h.writeUInt8(1, 0); // version
    h.writeUInt8(type, 1);
    h.writeUInt16BE(id, 2);
    h.writeUInt16BE(content.length, 4);
    h.writeUInt8(pad, 6);
    return Buffer.concat([h, content, Buffer.alloc(pad)]);
}

function nvLength(n) {
    if (n < 128) return Buffer.from([n]);
    const b = Buffer.alloc(4);
    b.writeUInt32BE((n | 0x80000000) >>> 0);
    return b;
}

function encodeParams(params) {
    return Buffer.concat(Object.entries(params).flatMap(([k, v]) => {
        const kb = Buffer.from(k);
        const vb = Buffer.from(String(v));
        return [nvLength(kb.length), nvLength(vb.length), kb, vb];
    }));
}

/**
 * One GET on the private web socket. Resolves (never rejects) with
 * { stdout, stderr, ended (END_REQUEST seen), closed (connection closed
 * without END_REQUEST), error, ms }.
 */
function fcgiGet(uri, { timeout = 8000 } = {}) {
    const q = uri.indexOf('?');
    const path = q < 0 ? uri : uri.slice(0, q);
    const params = {
        GATEWAY_INTERFACE: 'CGI/1.1',
        SERVER_PROTOCOL: 'HTTP/1.1',
        REQUEST_METHOD: 'GET',
        REQUEST_URI: uri,
        SCRIPT_NAME: path,
        DOCUMENT_URI: path,
        QUERY_STRING: q < 0 ? '' : uri.slice(q + 1),
        SERVER_NAME: '127.0.0.1',
        SERVER_PORT: '8080',
        REMOTE_ADDR: '127.0.0.1',
        REMOTE_PORT: '40000',
        HTTP_HOST: '127.0.0.1:8080',
        HTTPS: '',
    };
    const t0 = Date.now();
    return new Promise((done) => {
        const sock = connect(WEB_SOCK);
        const res = { stdout: '', stderr: '', ended: false, closed: false, error: null, ms: 0 };
        let buf = Buffer.alloc(0);
        const out = [];
        const err = [];
        let settled = false;
        const finish = () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            res.stdout = Buffer.concat(out).toString('utf8');
            res.stderr = Buffer.concat(err).toString('utf8');
            res.ms = Date.now() - t0;
            sock.destroy();
            done(res);
        };
        const timer = setTimeout(() => {
            res.error = `no answer within ${timeout} ms`;
            finish();
        }, timeout);
        sock.on('connect', () => {
            const begin = Buffer.alloc(8);
            begin.writeUInt16BE(1, 0); // FCGI_RESPONDER, flags 0: no keep-alive
            sock.write(Buffer.concat([
                record(FCGI_BEGIN_REQUEST, begin),
                record(FCGI_PARAMS, encodeParams(params)),
                record(FCGI_PARAMS),
                record(FCGI_STDIN),
            ]));
        });
        sock.on('data', (chunk) => {
            buf = Buffer.concat([buf, chunk]);
            while (buf.length >= 8) {
                const len = buf.readUInt16BE(4);
                const total = 8 + len + buf.readUInt8(6);
                if (buf.length < total) break;
                const type = buf.readUInt8(1);
                const content = buf.subarray(8, 8 + len);
                buf = buf.subarray(total);
                if (type === FCGI_STDOUT) out.push(content);
                else if (type === FCGI_STDERR) err.push(content);
                else if (type === FCGI_END_REQUEST) {
                    res.ended = true;
                    finish();
                    return;
                }
            }
        });
        sock.on('error', (e) => {
            res.error = e.code || String(e);
            res.closed = true;
            finish();
        });
        sock.on('close', () => {
            res.closed = true;
            finish();
        });
    });
}

const statusOf = (res) => (res.stdout.match(/^Status: (\d{3})/m) || [])[1];

async function assert200(uri, what) {
    const res = await fcgiGet(uri);
    assert.ok(res.ended, `${what}: END_REQUEST expected (error ${res.error}, after ${res.ms} ms)`);
    assert.match(res.stdout, /^Status: 200\b/m, `${what}: Status: 200 expected, got «${res.stdout.slice(0, 200)}»`);
    return res;
}

/* ---------- the private master ---------- */

let master = null;
let masterExit = null;

function log() {
    try {
        return readFileSync(ERROR_LOG, 'utf8');
    } catch {
        return '';
    }
}

/** Tail of the private master's logs, for failure messages. */
function logTail() {
    let out = '';
    try {
        out = readFileSync(OUT_LOG, 'utf8');
    } catch {
        /* none */
    }
    return `\n--- ${ERROR_LOG} (end) ---\n${log().split('\n').slice(-25).join('\n')}` +
        (out.trim() ? `\n--- ${OUT_LOG} (end) ---\n${out.split('\n').slice(-15).join('\n')}` : '');
}

/** Live children of the private master whose command is spplusd. */
function children() {
    const pids = [];
    for (const d of readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        try {
            const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (Number(fields[1]) !== master.pid || fields[0] === 'Z') continue;
            const args = procArgs(d);
            if (args.length && /(^|\/)spplusd$/.test(args[0])) pids.push(Number(d));
        } catch {
            /* gone meanwhile */
        }
    }
    return pids;
}

/**
 * The web pool's worker: the last "pool web: spawned worker N" of the
 * private log whose process is alive, a child of the master, and not one
 * of `not`. Waits for it (respawns are not instantaneous).
 */
async function webWorker(not = [], ms = 8000) {
    const pid = await waitFor(() => {
        const spawned = [...log().matchAll(/pool web: spawned worker (\d+)/g)].map((m) => Number(m[1]));
        const last = spawned.at(-1);
        return last && !not.includes(last) && children().includes(last) ? last : null;
    }, ms, 50);
    assert.ok(pid, `a live web worker other than ${JSON.stringify(not)}${logTail()}`);
    return pid;
}

before(async () => {
    const { conf, binary, env } = activeStack();
    assert.ok(existsSync(binary), `${binary} is built`);
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true, mode: 0o755 });
    writeFileSync(CONF, privateConfig(readFileSync(conf, 'utf8')), { mode: 0o600 });
    const fd = openSync(OUT_LOG, 'a');
    master = spawn(binary, ['-c', CONF], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    masterExit = new Promise((r) => master.once('exit', (code, sig) => r({ code, sig })));
    console.log(`private spplusd (pid ${master.pid}): ${binary} -c ${CONF} (from ${conf})`);
    const up = await waitFor(() => master.exitCode === null && existsSync(WEB_SOCK), 10000, 50);
    assert.ok(up, `the private spplusd listens on ${WEB_SOCK}${logTail()}`);
});

after(async () => {
    if (master && master.exitCode === null && master.signalCode === null) {
        master.kill('SIGTERM');
        let timer;
        const gone = await Promise.race([masterExit, new Promise((r) => { timer = setTimeout(() => r(null), 8000); })]);
        clearTimeout(timer);
        if (!gone) master.kill('SIGKILL'); // never leave it behind
        await masterExit;
    }
    rmSync(DIR, { recursive: true, force: true });
});

/* ---------- the tests ---------- */

test(`max_requests = ${MAX_REQUESTS}: the web worker is replaced after ${MAX_REQUESTS} requests`, async () => {
    const first = await webWorker();
    for (let i = 1; i <= MAX_REQUESTS; i++) {
        await assert200('/', `GET / #${i}`);
        if (i < MAX_REQUESTS) {
            assert.ok(children().includes(first), `worker ${first} still serves after ${i} request(s)${logTail()}`);
        }
    }
    const next = await webWorker([first]);
    const exited = await waitFor(() => !children().includes(first), 5000, 50);
    assert.ok(exited, `worker ${first} left after ${MAX_REQUESTS} requests${logTail()}`);
    assert.match(log(), new RegExp(`pool web: worker ${first} exited with status 0 after ${MAX_REQUESTS} requests`),
        `the master logged the recycling${logTail()}`);
    await assert200('/', 'GET / on the new worker');
    assert.ok(children().includes(next), `the new worker ${next} serves${logTail()}`);
});

test(`request_timeout = ${TIMEOUT_S} s: a longer request gets its worker killed, the pool keeps serving`, async () => {
    const victim = await webWorker();
    const res = await fcgiGet('/_dev/sleep?s=5', { timeout: 6000 });
    assert.ok(!res.ended, `no END_REQUEST for the sleeping request (got «${res.stdout.slice(0, 200)}»)`);
    assert.ok(res.closed, `the connection is closed (${res.error || 'no error'}, after ${res.ms} ms)`);
    assert.doesNotMatch(res.stdout, /^Status: 200\b/m, 'no 200 for the sleeping request');
    assert.ok(res.ms >= TIMEOUT_S * 1000 - 100 && res.ms < 4000,
        `closed between ${TIMEOUT_S} s and 4 s (after ${res.ms} ms)`);

    const line = await waitFor(() => log().split('\n').find((l) =>
        l.includes(`pool web: worker ${victim} killed: request "GET /_dev/sleep?s=5" ran for more than ${TIMEOUT_S} s`)), 3000, 50);
    assert.ok(line, `the master logged the killed request${logTail()}`);
    const reaped = await waitFor(() => /killed by signal 9\b/.test(log().split('\n')
        .filter((l) => l.includes(`worker ${victim} killed by signal`)).join('\n')), 3000, 50);
    assert.ok(reaped, `worker ${victim} died of SIGKILL${logTail()}`);
    assert.ok(!children().includes(victim), `worker ${victim} is gone`);

    const next = await webWorker([victim]);
    await assert200('/', 'GET / after the timeout');
    assert.ok(children().includes(next), `the respawned worker ${next} serves${logTail()}`);
});
