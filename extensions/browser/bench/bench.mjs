// Per-keystroke cost of the overlay (lint + paint, measured inside the page around the frame
// handler through the debug hook) on a 1,024-character body, and the content script's size.
// Usage: pnpm --filter greenlight-browser bench   (builds first unless --no-build)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extDir = path.join(root, '.output/chrome-mv3');
if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['exec', 'wxt', 'build'], { cwd: root, stdio: 'ignore' });

const html = fs
  .readFileSync(path.resolve(root, '../../tests/e2e/browser/fixtures/textarea.html'), 'utf8')
  .replace('<html', '<html data-greenlight-debug');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
});
await context.route('**/*', (r) => (r.request().resourceType() === 'document' ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : r.abort()));
const page = await context.newPage();
await page.goto('https://business.facebook.com/wa/manage/message-templates/create/?business_id=1');
await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 15000 });

const state = () =>
  page.evaluate(() => {
    document.dispatchEvent(new CustomEvent('greenlight:debug'));
    return JSON.parse(document.documentElement.getAttribute('data-greenlight-state') || 'null');
  });

// A realistic marketing body with variables, links and punctuation, cut to 1,024 characters.
const unit = 'Hi {{1}}! Your order {{2}} is on its way. Track it at https://shop.example.com/track/{{3}} or reply STOP to opt out. *Summer sale*: 20% off until Sunday. ';
const KEYS = 200;
const body = unit.repeat(Math.ceil(1024 / unit.length)).slice(0, 1024);
await page.locator('#f-name').fill('summer_sale_update');
await page.locator('#body').fill(body.slice(0, 1024 - KEYS));
await page.locator('#body').focus();
await page.evaluate(() => {
  const ta = document.getElementById('body');
  ta.setSelectionRange(ta.value.length, ta.value.length);
});
const st0 = await state();
const before = st0.timings.length;
const beforeLint = st0.lintTimings.length;
for (const ch of body.slice(1024 - KEYS)) {
  await page.keyboard.type(ch);
  // One keystroke per frame, as a fast typist produces at most.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}
await page.waitForTimeout(200);
const s = await state();
const t = s.timings.slice(before).sort((a, b) => a - b);
const l = s.lintTimings.slice(beforeLint).sort((a, b) => a - b);
const q = (p, arr = t) => arr[Math.min(arr.length - 1, Math.floor(p * arr.length))];
const bodyLen = await page.locator('#body').evaluate((el) => el.value.length);

const csDir = path.join(extDir, 'content-scripts');
const files = fs.readdirSync(csDir).filter((f) => f.endsWith('.js'));
const bytes = files.reduce((n, f) => n + fs.statSync(path.join(csDir, f)).size, 0);
const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(csDir, f))).length, 0);

console.log(`body length: ${bodyLen} characters, findings: ${s.findings.length}, keystrokes measured: ${t.length}`);
console.log(`lint + paint per keystroke: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${t[t.length - 1].toFixed(2)} ms (goal p95 < 4 ms)`);
console.log(`  of which the engine (parseFields + lintParsed): p50 ${q(0.5, l).toFixed(2)} ms, p95 ${q(0.95, l).toFixed(2)} ms`);
console.log(`content script startup (module evaluation): ${s.initMs?.toFixed(0)} ms`);
console.log(`content script size: ${bytes} bytes minified (${(bytes / 1024).toFixed(1)} KB), ${(gz / 1024).toFixed(1)} KB gzip (goal < 150 KB minified)`);
if (s.breakdown) { const b = s.breakdown.slice(-150); const avg = (i) => (b.reduce((n, x) => n + x[i], 0) / b.length).toFixed(2); console.log('breakdown avg discover/lint/paint/render', avg(0), avg(1), avg(2), avg(3)); }
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
