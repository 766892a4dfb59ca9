// Drives the VS Code web workbench (served by code-server's VS Code server, started with
// --enable-smoke-test-driver) in headless Chromium. The workbench loads extensions/vscode as a development
// extension and runs suite/index.cjs inside the extension host; the suite reports through
// window.codeAutomationExit(code). Afterwards a screenshot of the Problems panel goes to artifacts/.
//   node tests/e2e/vscode/run.mjs --port 18081 --workspace /tmp/ws [--screenshot artifacts/vscode-problems.png]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
// playwright-core is a devDependency of the extension package.
const { chromium } = createRequire(path.join(root, 'extensions/vscode/package.json'))('playwright-core');

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    workspace: { type: 'string' },
    screenshot: { type: 'string', default: path.join(root, 'artifacts/vscode-problems.png') },
    timeout: { type: 'string', default: '180000' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!args.port || !args.workspace) {
  console.error('usage: run.mjs --port PORT --workspace DIR [--screenshot FILE]');
  process.exit(2);
}

const host = `127.0.0.1:${args.port}`;
const remote = (p) => `vscode-remote://${host}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(path.join(root, 'extensions/vscode'))],
  ['extensionTestsPath', remote(path.join(here, 'suite/index.cjs'))],
];
const url = `http://${host}/?folder=${encodeURIComponent(args.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlight-e2e-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1600, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let exitCode = 1;
let summary;
let shot = Promise.resolve();

/** Screenshot of the Problems panel while the suite holds the extension host alive, then release the suite. */
async function screenshot(page) {
  try {
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 10000 });
    await page
      .waitForFunction(() => /name-format/.test(document.querySelector('.markers-panel')?.textContent ?? ''), null, { timeout: 10000 })
      .catch(() => console.log('the Problems panel shows no name-format finding'));
    await page.waitForTimeout(700);
    fs.mkdirSync(path.dirname(args.screenshot), { recursive: true });
    await page.screenshot({ path: args.screenshot });
    // The panel alone, at full resolution, next to the whole window.
    await page.locator('.part.panel').screenshot({ path: args.screenshot.replace(/\.png$/, '-panel.png') }).catch(() => undefined);
    const rows = await page.locator('.markers-panel .monaco-list-row').count();
    console.log(`screenshot: ${path.relative(process.cwd(), args.screenshot)} (${rows} rows in the Problems panel)`);
  } catch (e) {
    console.log(`screenshot failed: ${e.message}`);
  } finally {
    fs.writeFileSync(path.join(path.dirname(args.workspace), 'screenshot.done'), '');
  }
}
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const done = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', (m) => {
    const text = m.text();
    if (text.includes('GLTEST screenshot: ready')) shot = screenshot(page);
    else if (text.includes('GLTEST')) {
      const line = text.slice(text.indexOf('GLTEST') + 7);
      console.log(line);
      if (/^\d+ passed, \d+ failed/.test(line)) summary = line;
    } else if (args.verbose) console.log(`[page] ${text}`);
  });
  page.on('pageerror', (e) => args.verbose && console.log(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  console.log(`workbench loaded after ${elapsed()}`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result from the extension tests after ${args.timeout} ms`)), Number(args.timeout));
  });
  exitCode = await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
  console.log(`extension tests finished with code ${exitCode} after ${elapsed()}`);
  if (!summary) {
    console.log('the suite did not print a summary (it failed to load or crashed)');
    if (exitCode === 0) exitCode = 1;
  }

  await shot;
} catch (e) {
  console.log(`ERROR ${e.stack ?? e}`);
  exitCode = 2;
} finally {
  await context.close().catch(() => undefined);
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(summary ? `${summary} (${elapsed()})` : `no test summary (${elapsed()})`);
process.exit(exitCode);
