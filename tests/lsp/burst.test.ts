import { afterEach, describe, expect, it } from 'vitest';
import { LspClient, applyEdits, byCode, fileUri, json, makeWorkspace, offsetAt, positionAt, template, textAt } from './helpers.js';
import type { PublishDiagnosticsParams } from './helpers.js';

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** 300 single-character edits: the name stays valid until the very last one breaks it. */
async function burst(c: LspClient, uri: string, text: string): Promise<{ finalText: string; finalVersion: number }> {
  let current = text;
  let version = 1;
  const nameAt = current.indexOf('order_shipped') + 'order_shipped'.length;
  for (let i = 0; i < 299; i++) {
    const pos = positionAt(current, nameAt + i);
    const edit = { range: { start: pos, end: pos }, text: 'x' };
    current = applyEdits(current, [{ range: edit.range, newText: edit.text }]);
    version = await c.change(uri, [edit]);
  }
  const end = positionAt(current, nameAt + 299);
  const last = { range: { start: end, end }, text: ' BAD' };
  current = applyEdits(current, [{ range: last.range, newText: last.text }]);
  version = await c.change(uri, [last]);
  return { finalText: current, finalVersion: version };
}

function checkOrder(pubs: PublishDiagnosticsParams[], finalVersion: number): void {
  const versions = pubs.map((p) => p.version!);
  for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
  expect(versions[versions.length - 1]).toBe(finalVersion);
}

describe('a burst of edits', () => {
  it('publishes only the final version with the default debounce', async () => {
    const dir = makeWorkspace();
    client = await LspClient.start({ rootPath: dir });
    const uri = fileUri(`${dir}/burst.template.json`);
    const text = json(template());
    const first = await client.open(uri, text);
    expect(byCode(first.diagnostics, 'name-format')).toEqual([]);
    const start = client.published.length;
    const { finalText, finalVersion } = await burst(client, uri, text);
    const final = await client.waitForDiagnostics(uri, (p) => p.version === finalVersion);
    // Anything older arriving late would be a bug; give it time to show up.
    await new Promise((r) => setTimeout(r, 400));
    const pubs = client.published.slice(start).filter((p) => p.uri === uri);
    expect(pubs.map((p) => p.version)).toEqual([finalVersion]);
    expect(finalVersion).toBe(301);
    const name = byCode(final.diagnostics, 'name-format');
    expect(name).toHaveLength(1);
    expect(textAt(finalText, name[0]!.range)).toBe(`"order_shipped${'x'.repeat(299)} BAD"`);
  });

  it('never publishes an older version after a newer one with the debounce off', async () => {
    const dir = makeWorkspace();
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/burst.template.json`);
    const text = json(template());
    await client.open(uri, text);
    const start = client.published.length;
    const { finalText, finalVersion } = await burst(client, uri, text);
    const final = await client.waitForDiagnostics(uri, (p) => p.version === finalVersion);
    await new Promise((r) => setTimeout(r, 400));
    const pubs = client.published.slice(start).filter((p) => p.uri === uri);
    checkOrder(pubs, finalVersion);
    expect(textAt(finalText, byCode(final.diagnostics, 'name-format')[0]!.range)).toContain(' BAD"');
  });
});

describe('TemplateCache in the server', () => {
  it('re-lints only the changed template of a 50-template list and keeps every range right', async () => {
    const dir = makeWorkspace();
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/templates/all.json`);
    const list = Array.from({ length: 50 }, (_, i) => template({ name: i % 10 === 0 ? `Bad Name ${i}` : `template_${i}` }));
    const text = json(list);
    const opened = await client.open(uri, text);
    expect(byCode(opened.diagnostics, 'name-format')).toHaveLength(5);
    const before = await client.request<{ templatesLinted: number; templatesFromCache: number }>('greenlight/serverStatus');
    expect(before.templatesLinted).toBe(50);

    // Lengthen template 5's body: every template after it moves.
    const at = offsetAt(text, positionAt(text, text.indexOf('has shipped', text.indexOf('"template_5"'))));
    const pos = positionAt(text, at);
    const edit = { range: { start: pos, end: pos }, text: 'really {3} ' };
    const next = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
    const version = await client.change(uri, [edit]);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === version);
    const after = await client.request<{ templatesLinted: number; templatesFromCache: number }>('greenlight/serverStatus');
    expect(after.templatesLinted - before.templatesLinted).toBe(1);
    expect(after.templatesFromCache - before.templatesFromCache).toBe(49);

    const names = byCode(p.diagnostics, 'name-format').map((d) => textAt(next, d.range));
    expect(names).toEqual(['"Bad Name 0"', '"Bad Name 10"', '"Bad Name 20"', '"Bad Name 30"', '"Bad Name 40"']);
    expect(byCode(p.diagnostics, 'variable-malformed').map((d) => textAt(next, d.range))).toEqual(['{3}']);
    // Quick fixes of shifted (cached) findings point at the new positions too.
    const fix = (byCode(p.diagnostics, 'name-format')[4]!.data as { fix: { range: never; newText: string } }).fix;
    expect(textAt(next, fix.range)).toBe('"Bad Name 40"');
  });
});
