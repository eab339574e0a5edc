// mail.mjs — reading the messages the local stack writes as .eml files
// under var/mail/ (the mail outbox's local delivery).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './helpers.mjs';

export const MAIL_DIR = process.env.SPPLUS_MAIL_DIR || resolve(ROOT, 'var/mail');

/** Decodes a quoted-printable body. */
export function qpDecode(s) {
    const bytes = [];
    const t = s.replace(/=\r?\n/g, '');
    for (let i = 0; i < t.length; i++) {
        if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
            bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
            i += 2;
        } else {
            bytes.push(...Buffer.from(t[i], 'utf8'));
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

/** The mails written for `to`, oldest first: [{ file, id, raw, text, subject }]
 *  (text: the decoded plain-text part; subject: RFC 2047 decoded). */
export function mailsTo(to) {
    let files = [];
    try {
        files = readdirSync(MAIL_DIR).filter((f) => f.endsWith('.eml'));
    } catch {
        return [];
    }
    const out = [];
    for (const f of files) {
        const raw = readFileSync(resolve(MAIL_DIR, f), 'utf8');
        if (!raw.includes(`\r\nTo: <${to}>\r\n`)) continue;
        const id = Number(f.replace(/^.*-(\d+)\.eml$/, '$1'));
        const part = raw.split(/\r\n--=_spplus_[0-9a-f]+/)[1] || '';
        const body = part.split('\r\n\r\n').slice(1).join('\r\n\r\n');
        const subj = (raw.match(/\r\nSubject: ((?:.*\r\n[ \t].*)*.*)\r\n/) || [])[1] || '';
        const subject = subj.split(/\r\n[ \t]/).map((w) => {
            const m = w.match(/=\?UTF-8\?B\?([^?]*)\?=/);
            return m ? Buffer.from(m[1], 'base64').toString('utf8') : w;
        }).join('');
        out.push({ file: f, id, raw, text: qpDecode(body), subject });
    }
    return out.sort((a, b) => a.id - b.id);
}
