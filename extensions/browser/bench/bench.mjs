// Benchmark of the overlay in headless Chromium with the built extension:
//  - sizes: the content script every editor page loads, and the engine chunk it imports on first use
//    (minified and gzip);
//  - engine load: time from the first editor field found to the engine being ready and to the
//    first lint, over several fresh page loads;
//  - per keystroke on a 1,024-character body: p50/p95 of the frame, split into lint (read the
//    fields, engine, map findings; the engine's own share shown apart) and paint (underlines, and
//    the panel when it renders in the frame), then the panel render that follows the frame when a
//    keystroke changed the panel's list, and both together; measured inside the page through the
//    debug hook.
// Usage: pnpm --filter greenlight-browser bench [-- --no-build] [-- --keys 300] [-- --loads 5]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// GREENLIGHT_EXT_DIR benchmarks an extension built elsewhere (e.g. an older commit), without building.
const extDir = process.env.GREENLIGHT_EXT_DIR || path.join(root, '.output/chrome-mv3');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const KEYS = arg('--keys', 200);
const LOADS = arg('--loads', 5);
if (!process.argv.includes('--no-build') && !process.env.GREENLIGHT_EXT_DIR) execFileSync('pnpm', ['exec', 'wxt', 'build'], { cwd: root, stdio: 'ignore' });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (rel) => {
  const buf = fs.readFileSync(path.join(extDir, rel));
  return { min: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length };
};
const content = sizeOf('content-scripts/content.js');
const engine = sizeOf('engine.js');

const html = fs
  .readFileSync(path.resolve(root, '../../tests/e2e/browser/fixtures/textarea.html'), 'utf8')
  .replace('<html', '<html data-greenlight-debug');
const URL = 'https://business.facebook.com/wa/manage/message-templates/create/?business_id=1';
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
});
await context.route('**/*', (r) => {
  if (r.request().url().startsWith('chrome-extension://')) return r.continue();
  return r.request().resourceType() === 'document' ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : r.abort();
});

const state = (page) =>
  page.evaluate(() => {
    document.dispatchEvent(new CustomEvent('greenlight:debug'));
    return JSON.parse(document.documentElement.getAttribute('data-greenlight-state') || 'null');
  });
async function waitForLint(page) {
  for (let i = 0; i < 300; i++) {
    const s = await state(page);
    if (s?.engine?.firstLintAt !== undefined) return s;
    await page.waitForTimeout(20);
  }
  throw new Error('no first lint');
}

// Engine load: fresh pages (the first one also compiles the chunk for the first time).
const loads = [];
for (let i = 0; i < LOADS; i++) {
  const page = await context.newPage();
  await page.goto(URL);
  const s = await waitForLint(page);
  loads.push({ ready: s.engine.readyAt - s.engine.detectedAt, first: s.engine.firstLintAt - s.engine.detectedAt, init: s.initMs });
  await page.close();
}

const page = await context.newPage();
await page.goto(URL);
await waitForLint(page);
// A realistic marketing body with variables, links and punctuation, cut to 1,024 characters.
const unit = 'Hi {{1}}! Your order {{2}} is on its way. Track it at https://shop.example.com/track/{{3}} or reply STOP to opt out. *Summer sale*: 20% off until Sunday. ';
const body = unit.repeat(Math.ceil(1024 / unit.length)).slice(0, 1024);
await page.locator('#f-name').fill('summer_sale_update');
await page.locator('#body').fill(body.slice(0, 1024 - KEYS));
await page.locator('#body').focus();
await page.evaluate(() => {
  const ta = document.getElementById('body');
  ta.setSelectionRange(ta.value.length, ta.value.length);
});
await page.waitForTimeout(100);
const before = (await state(page)).keystrokes.length;
for (const ch of body.slice(1024 - KEYS)) {
  await page.keyboard.type(ch);
  // One keystroke per frame, as a fast typist produces at most.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}
await page.waitForTimeout(200);
const s = await state(page);
const ks = s.keystrokes.slice(before);
const bodyLen = await page.locator('#body').evaluate((el) => el.value.length);
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });

const pct = (arr, p) => {
  const a = [...arr].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor(p * a.length))];
};
const ms = (n) => `${n.toFixed(2)} ms`;
const row = (label, arr) => `  ${label.padEnd(34)} p50 ${ms(pct(arr, 0.5)).padStart(8)}   p95 ${ms(pct(arr, 0.95)).padStart(8)}   max ${ms(Math.max(...arr)).padStart(8)}`;

console.log('sizes');
console.log(`  content script (always loaded)  ${kb(content.min).padStart(9)} minified, ${kb(content.gz).padStart(8)} gzip (goal < 150 KB minified)`);
console.log(`  engine chunk (on first editor)  ${kb(engine.min).padStart(9)} minified, ${kb(engine.gz).padStart(8)} gzip`);
console.log(`engine load, editor found -> (${loads.length} fresh page loads; first, then median)`);
const med = (k) => pct(loads.map((l) => l[k]), 0.5);
console.log(`  engine ready                    first ${ms(loads[0].ready)}, median ${ms(med('ready'))}`);
console.log(`  first lint shown                first ${ms(loads[0].first)}, median ${ms(med('first'))}`);
console.log(`  content script module evaluation median ${ms(med('init'))}`);
console.log(`per keystroke: ${ks.length} keystrokes, body ${bodyLen} characters, ${s.findings.length} findings (goal p95 < 4 ms)`);
console.log(row('lint + paint (frame)', ks.map((k) => k.total)));
console.log(row('lint', ks.map((k) => k.lint)));
console.log(row('  of which the engine', ks.map((k) => k.engine)));
console.log(row('paint', ks.map((k) => k.paint)));
// A keystroke that changes what the panel lists renders the panel in a task right after its frame
// (the underlines are painted first); that time is main-thread work for the keystroke too.
const withPanel = ks.filter((k) => k.panel !== undefined).length;
console.log(row(`panel, after the frame (${withPanel} of ${ks.length})`, ks.map((k) => k.panel ?? 0)));
console.log(row('frame + panel', ks.map((k) => k.total + (k.panel ?? 0))));
