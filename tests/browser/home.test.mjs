// The home page in a real browser: the 9 engagements are visible, the page
// has no serious or critical accessibility violation (axe-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGAGEMENTS, norm } from '../http/helpers.mjs';
import { BASE, launch, axeSerious, describe } from './browser.mjs';

let browser;
before(async () => {
    browser = await launch();
});
after(async () => {
    await browser?.close();
});

test('home page: the 9 engagements are shown', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`${BASE}/`, { waitUntil: 'load' });
    assert.equal(res.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    const text = norm(await page.innerText('body'));
    for (const e of ENGAGEMENTS) assert.ok(text.includes(norm(e)), `the page shows «${e}»`);
    assert.ok(await page.locator('header.fr-header').isVisible(), 'the DSFR header is visible');
    await page.close();
});

test('home page: no serious or critical axe-core violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${BASE}/`, { waitUntil: 'load' });
    const violations = await axeSerious(page);
    if (violations.length) console.log(describe(violations));
    assert.equal(violations.length, 0, `axe-core: ${violations.map((v) => v.id).join(', ')}`);
    await page.close();
});

test('the static error pages are accessible too', async () => {
    const page = await browser.context.newPage();
    for (const code of [413, 502, 503, 504]) {
        const res = await page.goto(`${BASE}/static/errors/${code}.html`, { waitUntil: 'load' });
        assert.equal(res.status(), 200);
        const violations = await axeSerious(page);
        if (violations.length) console.log(`${code}.html:\n${describe(violations)}`);
        assert.equal(violations.length, 0, `${code}.html: ${violations.map((v) => v.id).join(', ')}`);
    }
    await page.close();
});
