import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, byCode, fileUri, json, makeWorkspace, positionAt, template } from './helpers.js';
import type { CodeAction, CompletionList, DocumentSymbol } from './helpers.js';

let client: LspClient;
let dir: string;

beforeAll(async () => {
  dir = makeWorkspace();
  client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
});
afterAll(() => client?.stop());

/** Exercises every feature on a document; none may throw or hang. */
async function poke(uri: string, text: string): Promise<void> {
  const end = positionAt(text, text.length);
  const mid = positionAt(text, Math.floor(text.length / 2));
  for (const position of [{ line: 0, character: 0 }, mid, end]) {
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    await client.request('greenlight/templateInfo', { uri, position });
  }
  await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.greenlight'] },
  });
}

async function stillAlive(): Promise<void> {
  const status = await client.request<{ openDocuments: number }>('greenlight/serverStatus');
  expect(status.openDocuments).toBeGreaterThan(0);
  expect(client.exited).toBeNull();
}

describe('malformed input never crashes the server', () => {
  it('truncated JSON at every cut of a template', async () => {
    const full = json(template({ name: 'Cut Me' }));
    const uri = fileUri(`${dir}/cut.template.json`);
    await client.open(uri, full);
    for (let cut = 0; cut < full.length; cut += 7) {
      const p = await client.replaceAll(uri, full.slice(0, cut));
      let valid = true;
      try {
        JSON.parse(full.slice(0, cut));
      } catch {
        valid = false;
      }
      if (!valid) expect(byCode(p.diagnostics, 'syntax').length).toBeGreaterThan(0);
      if (cut % 49 === 0) await poke(uri, full.slice(0, cut));
    }
    await stillAlive();
  });

  it('truncated YAML', async () => {
    const full = 'name: Cut Me\nlanguage: en_US\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: "Hi {{1}}, \\"quoted\\" caf\\u00e9"\n    example:\n      body_text: [["Ana"]]\n';
    const uri = fileUri(`${dir}/cut.template.yaml`);
    await client.open(uri, full);
    for (let cut = 0; cut < full.length; cut += 5) {
      await client.replaceAll(uri, full.slice(0, cut));
      if (cut % 25 === 0) await poke(uri, full.slice(0, cut));
    }
    await stillAlive();
  });

  it('binary garbage', async () => {
    const uri = fileUri(`${dir}/garbage.template.json`);
    const yamlUri = fileUri(`${dir}/garbage.template.yaml`);
    const garbage = randomBytes(20000).toString('latin1');
    const p = await client.open(uri, garbage);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    await poke(uri, garbage);
    await client.open(yamlUri, randomBytes(20000).toString('utf8'));
    await poke(yamlUri, garbage);
    await client.replaceAll(uri, '\u0000\uFFFF\uD800{"name": "\uDFFF"');
    await stillAlive();
  });

  it('huge strings and deep nesting', async () => {
    const uri = fileUri(`${dir}/huge.template.json`);
    const body = `${'{{1}} {'.repeat(20000)}${'a'.repeat(500000)}`;
    const text = json(template({ name: 'x'.repeat(100000) }, body));
    const p = await client.open(uri, text);
    expect(byCode(p.diagnostics, 'name-format').length + p.diagnostics.length).toBeGreaterThan(0);
    // The point is an answer, not a hang: the server still replies after linting these texts.
    await poke(uri, text);

    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await client.replaceAll(uri, deep);
    await poke(uri, deep);
    const deepYaml = fileUri(`${dir}/deep.template.yaml`);
    await client.open(deepYaml, `${'- '.repeat(2000)}x\n`).catch(() => undefined);
    await stillAlive();
  });

  it('edits with out-of-range positions and unknown documents', async () => {
    const uri = fileUri(`${dir}/odd.template.json`);
    await client.open(uri, json(template()));
    await client.change(uri, [{ range: { start: { line: 9999, character: 9999 }, end: { line: 99999, character: 0 } }, text: '"tail"' }]);
    await client.notify('textDocument/didChange', { textDocument: { uri: fileUri(`${dir}/never-opened.json`), version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.request('textDocument/hover', { textDocument: { uri: fileUri(`${dir}/never-opened.json`) }, position: { line: 0, character: 0 } });
    await client.request('greenlight/templateInfo', { uri: 42 }).catch(() => undefined);
    await client.request('greenlight/templateInfo', null).catch(() => undefined);
    await stillAlive();
  });
});
