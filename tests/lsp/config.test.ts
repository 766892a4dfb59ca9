import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient, applyEdits, byCode, editsFor, fileUri, json, makeWorkspace, template, textAt } from './helpers.js';
import type { CodeAction, CreateFile, TextDocumentEdit } from './helpers.js';

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

const badName = json(template({ name: 'Bad Name' }));

describe('greenlight.config.json', () => {
  it('re-lints open documents when a config changes on disk (watched files)', async () => {
    const dir = makeWorkspace({ 'greenlight.config.json': json({ extends: ['greenlight:recommended'] }), 'templates/a.json': badName });
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/templates/a.json`);
    const first = await client.open(uri, badName);
    expect(byCode(first.diagnostics, 'name-format')).toHaveLength(1);

    writeFileSync(`${dir}/greenlight.config.json`, json({ extends: ['greenlight:recommended'], rules: { 'name-format': 'off' } }));
    const wait = client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'name-format').length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(`${dir}/greenlight.config.json`), type: 2 }] });
    await wait;
  });

  it('applies unsaved edits of an open config to open templates and validates the config with positions', async () => {
    const configText = json({ extends: ['greenlight:recommended'], rules: { 'name-format': 'off' } });
    const dir = makeWorkspace({ 'greenlight.config.json': configText });
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/x.template.json`);
    const first = await client.open(uri, badName);
    expect(byCode(first.diagnostics, 'name-format')).toHaveLength(0);

    const configUri = fileUri(`${dir}/greenlight.config.json`);
    const cfg = await client.open(configUri, configText);
    expect(cfg.diagnostics).toEqual([]);
    // Turn the rule back on and misspell another rule id, without saving.
    const edited = json({ extends: ['greenlight:recommended'], rules: { 'name-format': 'warning', 'name-formt': 'error' } });
    const relinted = client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'name-format').length === 1);
    const validated = await client.replaceAll(configUri, edited);
    const problem = validated.diagnostics.find((d) => String(d.message).includes('name-formt'));
    expect(problem?.message).toMatch(/Did you mean "name-format"/);
    expect(problem?.source).toBe('greenlight');
    expect(textAt(edited, problem!.range)).toBe('"error"');
    expect(problem!.range.start.line).toBe(6);
    const p = await relinted;
    expect(byCode(p.diagnostics, 'name-format')[0]!.severity).toBe(2);
  });

  it('reports config syntax and schema errors at their positions', async () => {
    const dir = makeWorkspace();
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/greenlight.config.json`);
    const broken = '{\n  "rules": {\n    "name-format": "loud"\n  },\n  "extend": []\n}\n';
    const p = await client.open(uri, broken);
    const lines = p.diagnostics.map((d) => d.range.start.line).sort();
    expect(lines).toContain(2);
    expect(lines).toContain(4);
    const syntax = await client.replaceAll(uri, '{\n  "rules": {\n    "name-format": \n');
    expect(syntax.diagnostics.length).toBeGreaterThan(0);
    expect(syntax.diagnostics.every((d) => d.source === 'greenlight')).toBe(true);
  });

  it('uses the nearest config walking up from the document', async () => {
    const dir = makeWorkspace({
      'greenlight.config.json': json({ extends: ['greenlight:recommended'] }),
      'team/greenlight.config.json': json({ extends: ['greenlight:recommended'], rules: { 'name-format': 'off' } }),
    });
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const near = await client.open(fileUri(`${dir}/team/templates/deep/a.json`), badName);
    const far = await client.open(fileUri(`${dir}/templates/b.json`), badName);
    expect(byCode(near.diagnostics, 'name-format')).toHaveLength(0);
    expect(byCode(far.diagnostics, 'name-format')).toHaveLength(1);
  });

  it('offers "Disable RULE in greenlight.config.json" that edits the nearest config', async () => {
    const configText = json({ extends: ['greenlight:recommended'], rules: { 'variable-malformed': 'warning' } });
    const dir = makeWorkspace({ 'greenlight.config.json': configText });
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/a.template.json`);
    const p = await client.open(uri, badName);
    const d = byCode(p.diagnostics, 'name-format')[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const disable = actions.find((a) => a.title === 'Disable name-format in greenlight.config.json')!;
    expect(disable).toBeDefined();
    const configUri = fileUri(`${dir}/greenlight.config.json`);
    const next = applyEdits(configText, editsFor(disable.edit!, configUri));
    expect(JSON.parse(next)).toEqual({ extends: ['greenlight:recommended'], rules: { 'variable-malformed': 'warning', 'name-format': 'off' } });
    writeFileSync(`${dir}/greenlight.config.json`, next);
    const wait = client.waitForDiagnostics(uri, (x) => byCode(x.diagnostics, 'name-format').length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await wait;
    expect(readFileSync(`${dir}/greenlight.config.json`, 'utf8')).toContain('"name-format": "off"');
  });

  it('creates a config when there is none', async () => {
    const dir = makeWorkspace();
    client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
    const uri = fileUri(`${dir}/sub/a.template.json`);
    const p = await client.open(uri, badName);
    const d = byCode(p.diagnostics, 'name-format')[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const disable = actions.find((a) => a.title.startsWith('Disable name-format'))!;
    const [create, edit] = disable.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    expect(create).toMatchObject({ kind: 'create', uri: fileUri(`${dir}/greenlight.config.json`) });
    const content = applyEdits('', edit.edits as never);
    expect(JSON.parse(content)).toEqual({ extends: ['greenlight:recommended'], rules: { 'name-format': 'off' } });
  });
});
