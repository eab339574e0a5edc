// Helpers of the profile, administration and CLI tests: a logged-in agent
// (cookie jar + CSRF token), spplus-admin with stdin, and SQL reads of the
// local stack's database (to check what the pages do not show, e.g. paths).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { BASE, ROOT } from './helpers.mjs';

/** A short random suffix so each run creates its own networks, codes and users. */
export function suffix() {
    return Date.now().toString(36).slice(-5) + Math.random().toString(36).slice(2, 5);
}

/**
 * Runs a program; resolves { code, stdout, stderr } (never rejects on a
 * non-zero exit). input is written to its stdin.
 */
export function runProgram(cmd, args, input = '') {
    return new Promise((res, rej) => {
        const p = spawn(cmd, args, { cwd: ROOT });
        let stdout = '', stderr = '';
        p.stdout.on('data', (d) => { stdout += d; });
        p.stderr.on('data', (d) => { stderr += d; });
        p.on('error', rej);
        p.on('close', (code) => res({ code, stdout, stderr }));
        // a command that reads no stdin may exit before we finish writing
        p.stdin.on('error', () => {});
        p.stdin.end(input);
    });
}

/** ./dev admin ARGS… with input on stdin. */
export function admin(args, input = '') {
    return runProgram(resolve(ROOT, 'dev'), ['admin', ...args], input);
}

/** ./dev admin ARGS… that must succeed; returns stdout. */
export async function adminOk(args, input = '') {
    const r = await admin(args, input);
    assert.equal(r.code, 0, `spplus-admin ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
}

/**
 * Runs one SQL query on the local stack's database; returns rows as arrays
 * of strings. With { raw: true }, values are not escaped (a tab or a new
 * line inside one would split it: keep those for HEX()).
 */
export async function sql(query, { raw = false } = {}) {
    const r = await runProgram('mariadb', [
        `--defaults-file=${resolve(ROOT, 'var/mariadb/my.cnf')}`, '-uroot', '-N', '-B',
        ...(raw ? ['--raw'] : []), 'spplus', '-e', query,
    ]);
    assert.equal(r.code, 0, `SQL failed: ${query}\n${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/** An SQL string literal (test data only). */
export function lit(s) {
    return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Creates an account through spplus-admin (role on structure, or platform-wide). */
export async function createUser(username, role, structure, password = 'une phrase de passe très longue 2026') {
    const args = ['user', 'add', '--username', username, '--email', `${username}@example.fr`,
        '--role', role, '--name', `Agent ${username}`];
    if (structure) args.push('--structure', structure);
    await adminOk(args, password);
    return password;
}

/** Extracts the value of the hidden csrf field of a page. */
export function csrfOf(html) {
    const m = html.match(/name="csrf" value="([^"]+)"/);
    return m ? m[1] : null;
}

/** A browser-like client: cookie jar, same-origin POSTs with the page's CSRF token. */
export class Agent {
    constructor() {
        this.cookies = new Map();
        this.csrf = null;
    }

    cookieHeader() {
        return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }

    keep(res) {
        const set = typeof res.headers.getSetCookie === 'function'
            ? res.headers.getSetCookie()
            : (res.headers.get('set-cookie') ? [res.headers.get('set-cookie')] : []);
        for (const c of set) {
            const [pair] = c.split(';');
            const i = pair.indexOf('=');
            const k = pair.slice(0, i).trim(), v = pair.slice(i + 1).trim();
            if (/max-age=0/i.test(c) || v === '') this.cookies.delete(k);
            else this.cookies.set(k, v);
        }
    }

    /** GET (no redirects followed); remembers the page's CSRF token. */
    async get(path) {
        const res = await fetch(BASE + path, {
            headers: { cookie: this.cookieHeader() },
            redirect: 'manual',
            signal: AbortSignal.timeout(15000),
        });
        this.keep(res);
        const text = await res.text();
        const t = csrfOf(text);
        if (t) this.csrf = t;
        return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
    }

    /**
     * POST a form (object of fields; arrays repeat a field). The CSRF token is
     * added unless fields.csrf is given (null: send none).
     */
    async post(path, fields = {}, opts = {}) {
        const body = new URLSearchParams();
        const f = { ...fields };
        if (!('csrf' in f)) f.csrf = this.csrf;
        for (const [k, v] of Object.entries(f)) {
            if (v === null || v === undefined) continue;
            for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
        }
        const res = await fetch(BASE + path, {
            method: 'POST',
            headers: {
                cookie: this.cookieHeader(),
                origin: opts.origin || BASE,
                'content-type': 'application/x-www-form-urlencoded',
            },
            body: body.toString(),
            redirect: 'manual',
            signal: AbortSignal.timeout(15000),
        });
        this.keep(res);
        const text = await res.text();
        const t = csrfOf(text);
        if (t) this.csrf = t;
        return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
    }

    /** Logs in through /agent/connexion; asserts success. */
    async login(username, password) {
        const form = await this.get('/agent/connexion');
        assert.equal(form.status, 200, 'login form');
        const r = await this.post('/agent/connexion', { username, password });
        assert.equal(r.status, 303, `login of ${username} should redirect (got ${r.status})`);
        assert.ok(!/\/agent\/connexion/.test(r.location || ''), `login of ${username} refused`);
        return this;
    }
}

/** A new logged-in Agent. */
export async function loginAs(username, password) {
    return new Agent().login(username, password);
}
