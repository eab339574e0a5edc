// Shared set-up of the browser tests: Debian's Chromium driven by
// playwright-core (no downloaded browser), a fresh profile per launch, and
// axe-core injected into the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.SPPLUS_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const ROOT = process.env.SPPLUS_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Starts Chromium headless with a fresh profile. bypassCSP: our pages forbid
 * inline and injected scripts, which axe-core is. Returns { context, close }.
 */
export async function launch() {
    const profile = mkdtempSync(join(tmpdir(), 'spplus-chromium-'));
    // launchPersistentContext is Playwright's way to give --user-data-dir.
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: EXECUTABLE,
        headless: true,
        bypassCSP: true,
        locale: 'fr-FR',
        args: [
            '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
    });
    return {
        context,
        async close() {
            await context.close().catch(() => {});
            rmSync(profile, { recursive: true, force: true });
        },
    };
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules) and returns the
 * violations of impact serious or critical.
 */
export async function axeSerious(page) {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node, for the test log. */
export function describe(violations) {
    return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n`
        + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'))
        .join('\n');
}
