// End-to-end tests of the built extension in Debian's Chromium (headless), with playwright-core.
// Fixture pages imitating WhatsApp Manager's editor are served at the real URLs through
// context.route; nothing else may be requested. Usage: node tests/e2e/browser/run.mjs
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const extDir = process.env.GREENLIGHT_EXT_DIR || path.join(repo, 'extensions/browser/.output/chrome-mv3');
const artifacts = path.join(repo, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
// playwright-core is a dev dependency of the extension package.
const { chromium } = createRequire(path.join(repo, 'extensions/browser/package.json'))('playwright-core');
const fixture = (name) => fs.readFileSync(path.join(here, 'fixtures', name), 'utf8');

let passed = 0;
let failed = 0;
const failures = [];
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`  ok   ${name}`);
  } else {
    failed++;
    failures.push(name);
    console.log(`  FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-e2e-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps',
    `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
  ],
});

// Every request the browser makes, from any page or the extension.
const requests = [];
context.on('request', (r) => requests.push(r.url()));

let routes = {};
// Lets a test hold back or block the engine chunk the content script imports.
let engineHook = null;
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (engineHook && url.startsWith('chrome-extension://') && url.endsWith('/engine.js')) return engineHook(route);
  // The extension's own pages load their scripts from the package.
  if (url.startsWith('chrome-extension://')) return route.continue();
  const u = new URL(url);
  const key = Object.keys(routes).find((k) => u.origin + u.pathname === k || (k.endsWith('*') && (u.origin + u.pathname).startsWith(k.slice(0, -1))));
  if (key && route.request().resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: routes[key] });
  return route.abort();
});

let [sw] = context.serviceWorkers();
if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
const extId = new URL(sw.url()).host;
console.log('extension', extId);

async function state(page) {
  return page.evaluate(() => {
    document.dispatchEvent(new CustomEvent('greenlight:debug'));
    return JSON.parse(document.documentElement.getAttribute('data-greenlight-state') || 'null');
  });
}

async function waitFor(page, pred, what, timeout = 8000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < timeout) {
    last = await state(page);
    if (last && pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)?.slice(0, 600)}`);
}

const fixtureUrls = {};
async function open(url, html) {
  routes = { [url.split('?')[0]]: html.replace('<html', '<html data-greenlight-debug') };
  fixtureUrls[url.split('?')[0]] = true;
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  
  await page.goto(url);
  return { page, errors };
}

const panelRules = (page) => page.locator('greenlight-overlay .gl-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));

/** Client rects of text [start, end) inside a contenteditable, found in the page's own world. */
async function ceRects(page, selector, substring) {
  return page.evaluate(({ selector, substring }) => {
    const root = document.querySelector(selector);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(substring);
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + substring.length);
        return [...r.getClientRects()].map((x) => ({ left: x.left, top: x.top, width: x.width, height: x.height }));
      }
    }
    return [];
  }, { selector, substring });
}

const near = (a, b, tol = 1.5) => Math.abs(a - b) <= tol;

// ---------------------------------------------------------------------------------------------
async function textareaSuite() {
  console.log('textarea editor (English labels, legacy WhatsApp Manager URL)');
  const { page, errors } = await open('https://business.facebook.com/wa/manage/message-templates/create/?business_id=1&waba_id=2', fixture('textarea.html'));
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  const layoutBefore = await page.evaluate(() => document.getElementById('body').getBoundingClientRect().toJSON());

  await page.locator('#f-name').pressSequentially('Order Update', { delay: 5 });
  const line2 = 'See http://example.com/track or https://bit.ly/x1';
  await page.locator('#body').click();
  await page.locator('#body').pressSequentially(`Hi {{1}}, your order has shipped.\n${line2}\nThanks!`, { delay: 2 });
  await page.locator('input[data-key=ex1]').fill('Maria');
  const s = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener') && st.findings.some((f) => f.ruleId === 'name-format'), 'url-shortener and name-format');

  check('engine chunk loaded with import() after the editor was found, then linted', s.engine.state === 'ready' && s.engine.via === 'import' && s.engine.firstLintAt >= s.engine.readyAt && s.engine.readyAt >= s.engine.detectedAt, JSON.stringify(s.engine));
  check('engine chunk requested from the extension package', requests.includes(`chrome-extension://${extId}/engine.js`), JSON.stringify(requests.filter((u) => u.includes('engine'))));
  check('the page\'s own scripts cannot see the engine', (await page.evaluate(() => '__greenlightEngine' in window)) === false);
  check('an empty optional header is not reported as an empty header', !s.findings.some((f) => f.ruleId === 'structure-header-format'), JSON.stringify(s.findings.filter((f) => f.ruleId === 'structure-header-format')));
  const ids = s.fields.map((f) => f.id).sort();
  check('fields discovered by label, placeholder and nearby text', ['body', 'bodyExamples.0', 'buttons.0.text', 'buttons.0.url', 'footer', 'header', 'name'].every((x) => ids.includes(x)), ids.join(','));
  check('category read from the checked radio', s.category.selected === 'UTILITY', JSON.stringify(s.category));
  check('language read from the picker', s.language === 'en_US', s.language);

  // Input events that leave the text as it was reuse the last result; a burst of edits within one
  // frame is linted once.
  const runs0 = (await state(page)).lintRuns;
  await page.evaluate(() => new Promise((done) => {
    const ta = document.getElementById('body');
    for (let i = 0; i < 5; i++) ta.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(done));
  }));
  const runs1 = (await state(page)).lintRuns;
  await page.evaluate(() => new Promise((done) => {
    const ta = document.getElementById('body');
    for (const ch of ' ok') {
      ta.value += ch;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }
    requestAnimationFrame(() => requestAnimationFrame(done));
  }));
  const runs2 = (await state(page)).lintRuns;
  check('unchanged text is not linted again; edits within a frame are linted once', runs1 === runs0 && runs2 === runs1 + 1, `${runs0} -> ${runs1} -> ${runs2}`);
  // Let any scroll caused by typing settle and be painted before measuring.
  await page.waitForTimeout(150);
  const shortener = (await state(page)).findings.find((f) => f.ruleId === 'url-shortener');
  const bodyText = await page.locator('#body').inputValue();
  const slice = bodyText.slice(shortener.at.start, shortener.at.end);
  check('url-shortener underlines the short link in the body', shortener.at.field === 'body' && slice.includes('bit.ly'), `${shortener.at.field} "${slice}"`);

  // Geometry: the textarea uses a monospace font, so where the text sits is plain arithmetic.
  const geo = await textareaSpot(page, shortener.at);
  const rect = shortener.rects[0];
  check('underline box matches the substring geometry (x, width, line)', rect && near(rect.left, geo.left, 2) && near(rect.width, geo.width, 2) && near(rect.top + rect.height / 2, geo.centerY, 4), `got ${JSON.stringify(rect)} want ${JSON.stringify(geo)}`);

  const rules = await panelRules(page);
  check('panel lists findings with rule ids', rules.includes('url-shortener') && rules.includes('name-format'), rules.join(','));
  const live = await page.locator('greenlight-overlay [role=status][aria-live=polite]').count();
  check('panel has an aria-live status region', live === 1);
  await page.waitForTimeout(900);
  const announced = await page.locator('greenlight-overlay .gl-live').innerText();
  check('live region announces the count', /\d/.test(announced), announced);

  // Hover over the underline: the card shows message, rule id, evidence and Learn more.
  await page.mouse.move(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const card = page.locator('greenlight-overlay .gl-card');
  await card.waitFor({ timeout: 3000 });
  const cardText = await card.innerText();
  const learn = await card.locator('a').getAttribute('href');
  check('hover card shows rule id and Learn more', cardText.includes('url-shortener') && /docs\/rules\/url-shortener/.test(learn ?? ''), cardText.replace(/\n/g, ' | '));
  await page.screenshot({ path: path.join(artifacts, 'browser-textarea.png') });

  // Scrolling the page's scroll container keeps the underline on the text.
  await page.evaluate(() => document.getElementById('scroller').scrollBy(0, 60));
  const s2 = await waitFor(page, (st) => {
    const f = st.findings.find((x) => x.ruleId === 'url-shortener');
    return f && f.rects[0] && Math.abs(f.rects[0].top - (rect.top - 60)) < 2;
  }, 'underline to follow scroll').catch((e) => e);
  check('underline follows scrolling', !(s2 instanceof Error), s2 instanceof Error ? s2.message.slice(0, 200) : '');

  // Fix: name-format offers a fix; clicking it edits the field through the editing commands.
  const storeBefore = await page.evaluate(() => window.__store.name);
  const nameValueBefore = await page.locator('#f-name').inputValue();
  check('no edit happens without a click', storeBefore === 'Order Update' && nameValueBefore === 'Order Update', `${storeBefore}/${nameValueBefore}`);
  await page.locator('greenlight-overlay .gl-item[data-rule="name-format"] .gl-fix').click();
  await page.waitForFunction(() => document.getElementById('f-name').value === 'order_update', null, { timeout: 3000 }).catch(() => undefined);
  const after = await page.evaluate(() => ({ value: document.getElementById('f-name').value, store: window.__store.name }));
  check('Fix changes the field and the page state sees it', after.value === 'order_update' && after.store === 'order_update', JSON.stringify(after));
  const s3 = await waitFor(page, (st) => !st.findings.some((f) => f.ruleId === 'name-format'), 'name-format to clear').catch((e) => e);
  check('finding disappears after the fix', !(s3 instanceof Error));

  const layoutAfter = await page.evaluate(() => {
    document.getElementById('scroller').scrollTo(0, 0);
    return document.getElementById('body').getBoundingClientRect().toJSON();
  });
  check('no layout shift from the overlay', near(layoutAfter.left, layoutBefore.left, 0.5) && near(layoutAfter.width, layoutBefore.width, 0.5) && near(layoutAfter.top, layoutBefore.top, 0.5), `${JSON.stringify(layoutBefore)} vs ${JSON.stringify(layoutAfter)}`);
  check('no page errors', errors.length === 0, errors.join('; '));
  const host = await page.evaluate(() => {
    const all = document.querySelectorAll('greenlight-overlay');
    const h = all[0];
    return { count: all.length, open: !!h.shadowRoot, pe: getComputedStyle(h).pointerEvents, pos: getComputedStyle(h).position, html: h.outerHTML.slice(0, 200) };
  });
  check('one overlay, in an open shadow root, fixed, pointer-events none', host.count === 1 && host.open && host.pe === 'none' && host.pos === 'fixed', JSON.stringify(host));

  // Keyboard: the panel's entries are buttons reachable with Tab.
  await page.locator('greenlight-overlay .gl-item-main').first().focus();
  const focused = await page.evaluate(() => document.querySelector('greenlight-overlay').shadowRoot.activeElement?.className ?? '');
  check('panel entries take keyboard focus', focused.includes('gl-item-main'), focused);
  await page.close();
}

// ---------------------------------------------------------------------------------------------
/** Where `[start, end)` of the monospace body textarea sits on screen, by arithmetic on its styles. */
function textareaSpot(page, at) {
  return page.evaluate(({ start, end }) => {
    const ta = document.getElementById('body');
    const cs = getComputedStyle(ta);
    const c = document.createElement('canvas').getContext('2d');
    c.font = `${cs.fontSize} ${cs.fontFamily}`;
    const cw = c.measureText('0123456789').width / 10;
    const text = ta.value;
    const line = text.slice(0, start).split('\n').length - 1;
    const col = start - (text.lastIndexOf('\n', start - 1) + 1);
    const r = ta.getBoundingClientRect();
    const lh = parseFloat(cs.lineHeight);
    return {
      left: r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + col * cw - ta.scrollLeft,
      width: (end - start) * cw,
      centerY: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + (line + 0.5) * lh - ta.scrollTop,
      scrollTop: ta.scrollTop,
    };
  }, at);
}

async function textareaScrollSuite() {
  console.log('textarea that scrolls its own text');
  const { page, errors } = await open('https://business.facebook.com/wa/manage/message-templates/create/?business_id=1', fixture('textarea.html'));
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  // Short lines, one per row of the monospace textarea, so positions are plain arithmetic.
  const lines = Array.from({ length: 14 }, (_, i) => `Line ${i + 1} of the order update.`);
  lines[3] = 'Track it at https://bit.ly/abc today.';
  await page.locator('#body').fill(lines.join('\n'));
  // The last link in the text (typing below adds one).
  const matches = async (what) => {
    const f = (await state(page)).findings.filter((x) => x.ruleId === 'url-shortener').sort((a, b) => b.at.start - a.at.start)[0];
    const spot = f && (await textareaSpot(page, f.at));
    const r = f?.rects?.[0];
    const ok = !!r && near(r.left, spot.left, 2) && near(r.width, spot.width, 2) && near(r.top + r.height / 2, spot.centerY, 4);
    return { ok, detail: `${what}: got ${JSON.stringify(r)} want ${JSON.stringify(spot)}` };
  };
  const settle = async (what) => {
    let last;
    for (let i = 0; i < 40; i++) {
      last = await matches(what);
      if (last.ok) return last;
      await page.waitForTimeout(50);
    }
    return last;
  };
  await page.evaluate(() => { document.getElementById('body').scrollTop = 0; });
  let m = await settle('scrollTop 0');
  check('underline on the link with the textarea at the top', m.ok, m.detail);
  await page.evaluate(() => { document.getElementById('body').scrollTop = 40; });
  m = await settle('scrollTop 40');
  check('underline follows the textarea scrolling its own text', m.ok && (await textareaSpot(page, { start: 0, end: 0 })).scrollTop > 0, m.detail);
  // Typing at the end scrolls the textarea to the caret; the underline follows.
  await page.locator('#body').focus();
  await page.evaluate(() => {
    const ta = document.getElementById('body');
    ta.setSelectionRange(ta.value.length, ta.value.length);
  });
  await page.keyboard.type(' More lines follow.\nAnd more.\nAnd more.\nOr see https://bit.ly/def now.', { delay: 5 });
  m = await settle('after typing at the end');
  check('underline stays on the link while typing scrolls the textarea', m.ok, m.detail);
  // Font changes: an inline style on the field, then a page stylesheet (no event names the field).
  await page.evaluate(() => { document.getElementById('body').style.fontSize = '19px'; });
  m = await settle('inline font-size 19px');
  check('underline follows a font change in the field\'s style attribute', m.ok, m.detail);
  await page.evaluate(() => {
    const st = document.createElement('style');
    st.textContent = '#body { font-size: 13px !important; padding-left: 30px !important; }';
    document.head.append(st);
  });
  m = await settle('stylesheet font-size 13px, padding 30px');
  check('underline follows a font and padding change from a stylesheet', m.ok, m.detail);

  // Two identical findings: after typing moved them, the panel's second entry still reveals the second.
  await page.locator('#body').fill('Go to http://example.com/x now or http://example.com/x later.');
  const insecure = (st) => st.findings.filter((f) => f.ruleId === 'url-insecure' && f.at?.field === 'body').sort((a, b) => a.at.start - b.at.start);
  await waitFor(page, (st) => insecure(st).length === 2, 'two url-insecure findings');
  await page.locator('#body').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Hi! ', { delay: 5 });
  // 'Go to ' put the first link at 6; the four typed characters move it to 10.
  const moved = await waitFor(page, (st) => insecure(st).length === 2 && insecure(st)[0].at.start === 10, 'findings moved by typing').catch((e) => e);
  await page.locator('greenlight-overlay .gl-item[data-rule="url-insecure"] .gl-item-main').nth(1).click();
  const sel = await page.evaluate(() => document.getElementById('body').selectionStart);
  const second = moved instanceof Error ? undefined : insecure(moved)[1];
  check('the panel\'s second of two identical entries reveals the second one after typing moved them', !!second && sel === second.at.start, `selection ${sel}, want ${second?.at.start}`);
  check('no page errors', errors.length === 0, errors.join('; '));
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function plainEditableSuite() {
  console.log('plain contenteditable body (the browser edits its text nodes in place)');
  // The textarea fixture with its body swapped for a contenteditable, built here (the fixture is unchanged).
  const html = fixture('textarea.html').replace(
    '<textarea id="body" class="xa1b2" data-key="body" aria-labelledby="body-l"></textarea>',
    '<div id="body" contenteditable="true" role="textbox" aria-multiline="true" data-key="body" aria-labelledby="body-l" style="width:600px;min-height:80px;border:1px solid #ccd0d5;padding:8px;font:16px/24px monospace;white-space:pre-wrap"></div>',
  );
  const { page, errors } = await open('https://business.facebook.com/wa/manage/message-templates/create/?business_id=1', html);
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  await page.locator('#body').click();
  await page.keyboard.type('Track it at https://bit.ly/abc today.', { delay: 3 });
  const painted = async (what) => {
    try {
      const st = await waitFor(page, (x) => {
        const f = x.findings.find((y) => y.ruleId === 'url-shortener');
        return f && f.rects?.length > 0;
      }, what);
      const f = st.findings.find((y) => y.ruleId === 'url-shortener');
      const text = await page.evaluate(() => document.getElementById('body').textContent);
      const hl = await page.evaluate(() => {
        const h = CSS.highlights.get('greenlight-error') || CSS.highlights.get('greenlight-warning');
        return h ? [...h].map((r) => r.toString()) : [];
      });
      const want = await ceRects(page, '#body', text.slice(f.at.start, f.at.end));
      return { f, text, hl, want };
    } catch (e) {
      return { error: String(e).slice(0, 300) };
    }
  };
  let p = await painted('url-shortener in a plain contenteditable');
  check('plain contenteditable: the link is highlighted', !p.error && p.hl.some((t) => t === 'bit.ly'), JSON.stringify(p.error ?? p.hl));
  // Typing before the link moves it; the highlight and the finding's rects follow.
  await page.keyboard.press('Home');
  await page.keyboard.type('Hello! ', { delay: 3 });
  let moved = null;
  for (let i = 0; i < 40 && !moved; i++) {
    p = await painted('url-shortener after typing before it');
    if (!p.error && p.text.startsWith('Hello! ') && p.text.slice(p.f.at.start, p.f.at.end).includes('bit.ly') && p.f.rects[0] && p.want[0] && near(p.f.rects[0].left, p.want[0].left)) moved = p;
    else await page.waitForTimeout(50);
  }
  check('plain contenteditable: after typing before the link, highlight and rects are on it', !!moved && moved.hl.some((t) => t === 'bit.ly') && !moved.hl.some((t) => t.includes('Hello')), JSON.stringify(p.error ?? { hl: p.hl, rects: p.f?.rects, want: p.want }));
  check('no page errors', errors.length === 0, errors.join('; '));
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function lexicalSuite() {
  console.log('contenteditable editor (Lexical-like, Italian labels, new WhatsApp Manager URL)');
  const { page, errors } = await open('https://business.facebook.com/latest/whatsapp_manager/message_templates/?business_id=1&asset_id=2&tab=message-templates&childRoute=CAPI', fixture('lexical.html'));
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  await page.locator('input[aria-label="Nome del modello"]').fill('promo_estate');
  await page.locator('#body').click();
  await page.keyboard.type('Ciao {{1}}!', { delay: 5 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('Visita http://esempio.it/offerte oppure https://bit.ly/abc', { delay: 3 });
  // Wait for the painted underline too: findings arrive one frame before their rects are measured.
  const s = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener' && f.rects?.length > 0), 'url-shortener painted in contenteditable');
  check('contenteditable body discovered', s.fields.some((f) => f.id === 'body' && f.editable === 'contenteditable'), JSON.stringify(s.fields));
  check('footer found by its Italian heading', s.fields.some((f) => f.id === 'footer'), JSON.stringify(s.fields.map((f) => f.id)));
  check('category from an aria-checked radio card', s.category.selected === 'MARKETING', JSON.stringify(s.category));
  check('language from an Italian combobox label', s.language === 'it', s.language);

  const f = s.findings.find((x) => x.ruleId === 'url-shortener');
  const model = await page.evaluate(() => window.__store.body);
  const slice = model.slice(f.at.start, f.at.end);
  check('offsets map across paragraphs (Lexical <p> lines)', slice.includes('bit.ly'), `"${slice}"`);
  const want = await ceRects(page, '#body', slice);
  const got = f.rects;
  check('underline rects match the text\'s client rects', want.length > 0 && got.length === want.length && got.every((r, i) => near(r.left, want[i].left) && near(r.top, want[i].top) && near(r.width, want[i].width)), `got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  check('contenteditable uses the CSS Custom Highlight API in Chromium', s.mode === 'highlight', s.mode);
  const hl = await page.evaluate(() => {
    const h = CSS.highlights.get('greenlight-error') || CSS.highlights.get('greenlight-warning');
    return h ? [...h].map((r) => r.toString()) : null;
  });
  check('page document has the named highlight with the substring', !hl || hl.some((t) => t.includes('bit.ly')), JSON.stringify(hl));

  // Resize: the editor reflows; underlines follow.
  await page.setViewportSize({ width: 900, height: 800 });
  await page.evaluate(() => { document.querySelector('.card:nth-of-type(3)').style.marginLeft = '40px'; });
  const moved = await waitFor(page, (st) => {
    const x = st.findings.find((y) => y.ruleId === 'url-shortener');
    return x && x.rects[0] && x.rects[0].left > got[0].left + 30;
  }, 'underline to follow a layout change').catch((e) => e);
  check('underline follows layout changes', !(moved instanceof Error), moved instanceof Error ? moved.message.slice(0, 200) : '');

  const insecure = s.findings.find((x) => x.ruleId === 'url-insecure' && x.fix);
  if (insecure) {
    await page.locator(`greenlight-overlay .gl-item[data-rule="url-insecure"] .gl-fix`).first().click();
    await page.waitForFunction(() => window.__store.body.includes('https://esempio.it'), null, { timeout: 3000 }).catch(() => undefined);
    const body = await page.evaluate(() => window.__store.body);
    check('Fix in the Lexical-like editor goes through its beforeinput handling', body.includes('https://esempio.it/offerte') && body.startsWith('Ciao {{1}}!'), body);
  } else {
    check('url-insecure offers a fix for http:// links', false, JSON.stringify(s.findings.map((x) => [x.ruleId, !!x.fix])));
  }
  await page.screenshot({ path: path.join(artifacts, 'browser-lexical.png') });
  check('no page errors', errors.length === 0, errors.join('; '));
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function spaSuite() {
  console.log('React-like re-rendering and single-page navigation (Spanish labels)');
  const { page, errors } = await open('https://business.facebook.com/latest/home?business_id=1', fixture('spa.html'));
  const pageRequests = [];
  page.on('request', (r) => pageRequests.push(r.url()));
  // Outside the editor scope nothing is injected.
  await page.waitForTimeout(500);
  check('no overlay outside the editor URLs', (await page.locator('greenlight-overlay').count()) === 0);
  check('no engine chunk outside the editor URLs', !pageRequests.some((u) => u.endsWith('/engine.js')), JSON.stringify(pageRequests));
  await page.locator('[data-nav=list]').click();
  await page.locator('#create').click();
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  check('overlay arrives after pushState into the editor', true);
  await page.locator('[data-key=name]').pressSequentially('Oferta Verano', { delay: 5 });
  await page.locator('[data-key=body]').click();
  await page.locator('[data-key=body]').pressSequentially('Hola {{1}}, aprovecha 20% en https://bit.ly/oferta hoy.', { delay: 2 });
  await page.locator('[data-key=b0text]').pressSequentially('Ver oferta', { delay: 2 });
  await page.locator('[data-key=b0url]').pressSequentially('https://tienda.example.com/verano', { delay: 2 });
  await page.locator('[data-key=ex1]').pressSequentially('Ana', { delay: 2 });
  const renders = await page.evaluate(() => window.__renders);
  const s = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener') && st.fields.some((f) => f.id === 'bodyExamples.0'), 'findings after re-renders');
  check('page re-rendered on every keystroke', renders > 40, String(renders));
  const ids = s.fields.map((f) => f.id).sort();
  check('fields rediscovered after nodes were replaced', ['body', 'bodyExamples.0', 'buttons.0.text', 'buttons.0.url', 'footer', 'name'].every((x) => ids.includes(x)), ids.join(','));
  check('language "Español (MEX)" read as es_MX', s.language === 'es_MX', s.language);
  const connected = await page.evaluate(() => document.querySelectorAll('[data-key]').length);
  check('host page fields intact', connected >= 6);
  const f = s.findings.find((x) => x.ruleId === 'url-shortener');
  const body = await page.locator('[data-key=body]').inputValue();
  check('underline lands on the link after re-renders', body.slice(f.at.start, f.at.end).includes('bit.ly') && f.rects.length > 0, JSON.stringify(f));
  // Category change on a re-rendering page is picked up.
  await page.locator('[data-cat=UTILITY]').check();
  const s2 = await waitFor(page, (st) => st.category.selected === 'UTILITY', 'category change').catch((e) => e);
  check('category change seen', !(s2 instanceof Error));
  await page.locator('greenlight-overlay .gl-item[data-rule="name-format"] .gl-fix').click();
  await page.waitForFunction(() => window.__store.name === 'oferta_verano', null, { timeout: 3000 }).catch(() => undefined);
  check('Fix reaches the framework store through input events', (await page.evaluate(() => window.__store.name)) === 'oferta_verano', await page.evaluate(() => window.__store.name));
  await page.screenshot({ path: path.join(artifacts, 'browser-spa.png') });
  check('no page errors', errors.length === 0, errors.join('; '));

  // Popup: finding count for this tab. (Opened as a page; activeTab has this tab.)
  await page.bringToFront();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  await popup.waitForTimeout(300);
  const popupText = await popup.locator('#app').innerText();
  check('popup renders with an options link', /Options|Opzioni|Opciones|Opções|Настройки/.test(popupText), JSON.stringify(popupText));
  await popup.close();
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function waManagerSuite() {
  // The imitation of the current editor (fixtures/wa-manager-latest.html): generated class names,
  // React-style ids, div titles with help sentences, counters, a Lexical-like body, "Variable
  // samples" boxes labelled by a "Body" sub-heading, a preview that repeats the text, the editor
  // in a modal portal over the template list, and buttons added from a menu portal.
  console.log('current WhatsApp Manager editor imitation (modal portal, Lexical body, variable samples, preview, button menu)');
  const { page, errors } = await open('https://business.facebook.com/latest/whatsapp_manager/message_templates/?business_id=1&asset_id=2&tab=message-templates&childRoute=CAPI&nav_ref=whatsapp_manager', fixture('wa-manager-latest.html'));
  await page.locator('#create').click();
  await page.locator('greenlight-overlay').waitFor({ state: 'attached', timeout: 10000 });
  const ids = () => page.evaluate(() => ({ ...window.__ids }));
  const box = async (key) => page.locator(`[id="${(await ids())[key]}"]`);

  await (await box('name')).pressSequentially('Summer Sale', { delay: 3 });
  await (await box('header')).pressSequentially('Your order', { delay: 2 });
  await (await box('body')).click();
  await page.keyboard.type('Hi {{1}}, your order {{2}} has shipped.', { delay: 3 });
  await page.keyboard.press('Enter');
  await page.keyboard.type('Track it at https://bit.ly/abc today.', { delay: 3 });
  // The sample boxes appear once the body has variables.
  await (await box('s1')).pressSequentially('Maria', { delay: 2 });
  await (await box('s2')).pressSequentially('A-1042', { delay: 2 });
  await (await box('footer')).pressSequentially('Reply STOP to opt out', { delay: 2 });
  await (await box('b0text')).pressSequentially('Track order', { delay: 2 });
  await (await box('b0url')).pressSequentially('http://shop.example.com/track', { delay: 2 });
  // Two more buttons from the "+ Add button" menu; every row is rebuilt with new nodes each time.
  await page.locator('#add-button').click();
  await page.locator('[role=menu] [role=menuitem]', { hasText: 'Call phone number' }).click();
  await (await box('b1text')).pressSequentially('Call us', { delay: 2 });
  await (await box('b1phone')).pressSequentially('+12025550123', { delay: 2 });
  await page.locator('#add-button').click();
  await page.locator('[role=menu] [role=menuitem]', { hasText: 'Copy offer code' }).click();
  await (await box('b2code')).pressSequentially('SUMMERSALE2026XYZ', { delay: 2 });

  const s = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener' && f.rects?.length > 0)
    && st.findings.some((f) => f.ruleId === 'limit-copy-code-length') && st.findings.some((f) => f.ruleId === 'url-insecure' && f.rects?.length > 0), 'findings on the body, the button URL and the offer code');
  const want = await ids();
  const expected = {
    name: want.name, header: want.header, body: want.body, footer: want.footer,
    'bodyExamples.0': want.s1, 'bodyExamples.1': want.s2,
    'buttons.0.text': want.b0text, 'buttons.0.url': want.b0url,
    'buttons.1.text': want.b1text, 'buttons.1.phoneNumber': want.b1phone,
    'buttons.2.example': want.b2code,
  };
  const got = Object.fromEntries(s.fields.map((f) => [f.id, f.elId]));
  const wrong = Object.keys({ ...expected, ...got }).filter((k) => expected[k] !== got[k]);
  check('every field bound to its box, and nothing else', wrong.length === 0, wrong.map((k) => `${k}: want ${expected[k]} got ${got[k]}`).join('; '));
  check('the body is the Lexical editor, not a sample box under the "Body" sub-heading', s.fields.some((f) => f.id === 'body' && f.editable === 'contenteditable' && f.tag === 'DIV')
    && s.fields.filter((f) => f.id.startsWith('bodyExamples.')).every((f) => f.tag === 'INPUT'), JSON.stringify(s.fields.filter((f) => f.id === 'body' || f.id.startsWith('bodyExamples'))));
  const outside = await page.evaluate((elIds) => elIds.filter((id) => {
    const el = document.getElementById(id);
    return !el || !el.closest('[role=dialog]') || !!el.closest('[id=":r0q:"]');
  }), s.fields.map((f) => f.elId));
  check('no field in the preview pane or in the template list behind the dialog', outside.length === 0, JSON.stringify(outside));
  check('category from the checked radio card', s.category.selected === 'MARKETING', JSON.stringify(s.category));
  check('language from the labelled combobox', s.language === 'en_US', s.language);

  // Underlines: the body's short link is underlined once, exactly on the editor's text, never on
  // the preview's copy of it.
  await page.waitForTimeout(150);
  const st = await state(page);
  const shorteners = st.findings.filter((f) => f.ruleId === 'url-shortener');
  const body = await page.evaluate(() => window.__store.body);
  const f = shorteners[0];
  check('one url-shortener finding, in the body at the link', shorteners.length === 1 && f.at.field === 'body' && body.slice(f.at.start, f.at.end).includes('bit.ly'), JSON.stringify(shorteners.map((x) => x.at)));
  const wantRects = await ceRects(page, `[id="${want.body}"]`, body.slice(f.at.start, f.at.end));
  check('body underline matches the text\'s client rects', wantRects.length > 0 && f.rects.length === wantRects.length && f.rects.every((r, i) => near(r.left, wantRects[i].left) && near(r.top, wantRects[i].top) && near(r.width, wantRects[i].width)), `got ${JSON.stringify(f.rects)} want ${JSON.stringify(wantRects)}`);
  const previewBox = await page.locator('[id=":r0q:"]').evaluate((el) => el.getBoundingClientRect().toJSON());
  const inPreview = st.findings.flatMap((x) => x.rects ?? []).filter((r) => r.left < previewBox.right && r.left + r.width > previewBox.left && r.top < previewBox.bottom && r.top + r.height > previewBox.top);
  check('no underline drawn over the preview pane', inPreview.length === 0, JSON.stringify(inPreview));

  // The button URL's underline sits on "http" inside the input (text measured in the page).
  const insecure = st.findings.find((x) => x.ruleId === 'url-insecure');
  const geo = await page.evaluate(({ id, start, end }) => {
    const el = document.getElementById(id);
    const cs = getComputedStyle(el);
    const c = document.createElement('canvas').getContext('2d');
    c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const r = el.getBoundingClientRect();
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + c.measureText(el.value.slice(0, start)).width - el.scrollLeft;
    return { left, width: c.measureText(el.value.slice(start, end)).width, top: r.top, bottom: r.bottom };
  }, { id: want.b0url, start: insecure?.at?.start ?? 0, end: insecure?.at?.end ?? 0 });
  const ur = insecure?.rects?.[0];
  check('button URL underline on its text inside the input', insecure?.at?.field === 'buttons.0.url' && ur && near(ur.left, geo.left, 2) && near(ur.width, geo.width, 3) && ur.top >= geo.top - 1 && ur.top + ur.height <= geo.bottom + 1,
    `at ${JSON.stringify(insecure?.at)} got ${JSON.stringify(ur)} want ${JSON.stringify(geo)}`);

  // The offer code is the copy-code button's example: its length rule fires on that box.
  const code = st.findings.find((x) => x.ruleId === 'limit-copy-code-length');
  check('offer code read as the COPY_CODE button\'s example', code?.at?.field === 'buttons.2.example', JSON.stringify(code));
  check('name-format on the name box', st.findings.some((x) => x.ruleId === 'name-format' && x.at?.field === 'name'), JSON.stringify(st.findings.map((x) => [x.ruleId, x.at?.field])));

  // A category change on the radio cards is picked up.
  await page.locator('[role=radio]', { hasText: 'Utility' }).click();
  const s2 = await waitFor(page, (x) => x.category.selected === 'UTILITY', 'category change').catch((e) => e);
  check('category change on the radio cards seen', !(s2 instanceof Error));
  await page.screenshot({ path: path.join(artifacts, 'browser-wa-manager.png') });
  check('no page errors', errors.length === 0, errors.join('; '));
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function engineSuite() {
  console.log('engine chunk: size, loading state, fallback injection');
  const size = (f) => fs.statSync(path.join(extDir, f)).size;
  const cs = size('content-scripts/content.js');
  check('content script under 150 KB minified', cs < 150 * 1024, `${cs} bytes`);
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const war = manifest.web_accessible_resources ?? [];
  check('engine chunk web-accessible to the editor origin only', war.length === 1 && war[0].resources.join() === 'engine.js' && war[0].matches.join() === 'https://business.facebook.com/*', JSON.stringify(war));

  // Hold the chunk back: the panel shows that the checks are loading, then lints once it arrives.
  let release;
  const held = new Promise((r) => (release = r));
  engineHook = async (route) => {
    await held;
    return route.continue();
  };
  const url = 'https://business.facebook.com/wa/manage/message-templates/create/?business_id=1';
  let { page, errors } = await open(url, fixture('textarea.html'));
  await page.locator('greenlight-overlay .gl-panel').waitFor({ timeout: 10000 });
  await page.locator('#body').fill('Track it at https://bit.ly/abc');
  await page.waitForTimeout(300);
  const loading = await page.locator('greenlight-overlay .gl-panel.gl-is-loading[aria-busy="true"] .gl-loading').count();
  const early = await state(page);
  check('panel shows a loading state until the engine is there', loading === 1 && early.engine.state === 'loading' && early.findings.length === 0, JSON.stringify(early.engine));
  release();
  const s = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener'), 'lint after the engine arrived').catch((e) => e);
  check('lints as soon as the engine arrives', !(s instanceof Error) && (await page.locator('greenlight-overlay .gl-is-loading').count()) === 0, s instanceof Error ? s.message.slice(0, 200) : '');
  check('no page errors', errors.length === 0, errors.join('; '));
  await page.close();

  // Where the page may not import extension files, the background injects the same packaged file.
  engineHook = (route) => route.abort();
  ({ page, errors } = await open(url, fixture('textarea.html')));
  await page.locator('#body').fill('Track it at https://bit.ly/abc');
  const s2 = await waitFor(page, (st) => st.findings.some((f) => f.ruleId === 'url-shortener'), 'lint with an injected engine').catch((e) => e);
  check('engine injected by the background when import() fails', !(s2 instanceof Error) && s2.engine.via === 'injected', s2 instanceof Error ? s2.message.slice(0, 300) : JSON.stringify(s2.engine));
  engineHook = null;
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function optionsSuite() {
  console.log('options page');
  const page = await context.newPage();
  page.on('console', (m) => console.log('    [options console]', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('    [options error]', String(e).slice(0, 300)));
  await page.goto(`chrome-extension://${extId}/options.html`);
  await page.locator('tr[data-rule]').first().waitFor({ timeout: 20000 });
  const rows = await page.locator('tr[data-rule]').count();
  check('rule toggles generated from rule metadata', rows > 10, String(rows));
  await page.locator('#config-text').fill('{\n  "rules": {\n    "url-shortner": "error",\n    "name-format": ["warning", { "maxLength": "x" }]\n  }\n}');
  await page.getByRole('button', { name: /Apply/ }).first().click();
  const problems = await page.locator('[data-testid=problems]').last().innerText();
  check('config problems shown with path and line', /url-shortner/.test(problems) && /line 3/.test(problems) && /maxLength/.test(problems), problems.replace(/\n/g, ' | '));
  await page.locator('#config-text').fill('{ "extends": ["greenlight:recommended"], "rules": { "url-shortener": "off" } }');
  await page.getByRole('button', { name: /Apply/ }).first().click();
  let stored;
  for (let i = 0; i < 80; i++) {
    stored = await sw.evaluate(async () => (await chrome.storage.local.get('resolvedConfig')).resolvedConfig);
    if (stored?.origin === 'team') break;
    await page.waitForTimeout(100);
  }
  check('valid config stored as the resolved config', stored?.origin === 'team' && stored.config.rules['url-shortener']?.severity === 'off', JSON.stringify(stored?.config.rules['url-shortener']));
  await page.screenshot({ path: path.join(artifacts, 'browser-options.png'), fullPage: false });
  // Leave the default config for later suites.
  await sw.evaluate(async () => { await chrome.storage.local.remove(['teamConfig', 'resolvedConfig']); });
  await page.close();
}

// ---------------------------------------------------------------------------------------------
async function networkSuite() {
  // Every request is a routed fixture page or a file of this extension (its pages, the engine chunk).
  const fixtures = requests.filter((u) => u.startsWith('https://business.facebook.com/'));
  const ours = requests.filter((u) => u.startsWith(`chrome-extension://${extId}/`));
  const other = requests.filter((u) => !fixtures.includes(u) && !ours.includes(u));
  const pages = fixtures.filter((u) => Object.keys(fixtureUrls).some((k) => u.split('?')[0] === k));
  check('zero network requests besides the routed fixture pages and the extension\'s own files', other.length === 0 && pages.length === fixtures.length, `other=${JSON.stringify(other)} fixtures=${JSON.stringify(fixtures)}`);
}

for (const suite of [textareaSuite, textareaScrollSuite, plainEditableSuite, lexicalSuite, spaSuite, waManagerSuite, engineSuite, optionsSuite, networkSuite]) {
  try {
    await suite();
  } catch (e) {
    check(`${suite.name} completed`, false, String(e?.stack ?? e).slice(0, 800));
  }
}
await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
if (failed) {
  console.log(`failed: ${failures.join('; ')}`);
  process.exitCode = 1;
}
