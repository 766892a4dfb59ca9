import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../packages/rules/src/index.js';
import { parseDocument, type ParsedDocument, type SourceNode } from '../../packages/core/src/index.js';
import { LspClient, applyEdits, byCode, editsFor, fileUri, json, makeWorkspace, positionAt, template, textAt } from './helpers.js';
import type { CodeAction, CompletionList, DocumentSymbol, Hover } from './helpers.js';

let client: LspClient;
let dir: string;

beforeAll(async () => {
  dir = makeWorkspace({
    'templates/on-disk.json': json([template({ name: 'Disk Bad' }), template({ name: 'disk_ok' })]),
    'notes/readme.json': json({ hello: 'world' }),
  });
  client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 } });
});
afterAll(() => client?.stop());

const actionsAt = (uri: string, d: { range: never }, diagnostics: unknown[]) =>
  client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics } });

describe('code actions', () => {
  it('quick fixes apply and fix the problem', async () => {
    const uri = fileUri(`${dir}/fix.template.json`);
    const text = json(template({ name: 'Summer Sale' }, 'Hi {1}, your order {{2}} has shipped and should reach your address within three working days.'));
    await client.open(uri, text);
    for (const code of ['name-format', 'variable-malformed']) {
      // Diagnostics carry the version they were made for; ask with the current ones.
      const current = await client.replaceAll(uri, text);
      const d = byCode(current.diagnostics, code)[0]!;
      const actions = await actionsAt(uri, d as never, [d]);
      const fix = actions.find((a) => a.isPreferred && a.kind === 'quickfix')!;
      expect(fix.title).toMatch(/^Fix: /);
      const fixed = applyEdits(text, editsFor(fix.edit!, uri));
      const after = await client.replaceAll(uri, fixed);
      expect(byCode(after.diagnostics, code)).toHaveLength(0);
    }
  });

  it('offers no edits for diagnostics of an older version', async () => {
    const uri = fileUri(`${dir}/stale.template.json`);
    const text = json(template({ name: 'Old Name' }));
    const p = await client.open(uri, text);
    await client.replaceAll(uri, `${text} `);
    const d = byCode(p.diagnostics, 'name-format')[0]!;
    const actions = await actionsAt(uri, d as never, [d]);
    expect(actions.filter((a) => a.title.startsWith('Fix:'))).toEqual([]);
  });

  it('source.fixAll.greenlight applies every fix in passes', async () => {
    const uri = fileUri(`${dir}/fixall.template.json`);
    const text = json([template({ name: 'First One' }, 'Hi {1}, your order {{ 2 }} has shipped and should reach your address within three working days.'), template({ name: 'Second-One' })]);
    const p = await client.open(uri, text);
    expect(p.diagnostics.filter((d) => (d.data as { fix?: unknown }).fix).length).toBeGreaterThanOrEqual(4);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.greenlight'] },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('source.fixAll.greenlight');
    const fixed = applyEdits(text, editsFor(actions[0]!.edit!, uri));
    const parsed = JSON.parse(fixed);
    expect(parsed.map((t: { name: string }) => t.name)).toEqual(['first_one', 'second_one']);
    expect(parsed[0].components[0].text).toContain('Hi {{1}}, your order {{2}} has');
    const after = await client.replaceAll(uri, fixed);
    expect(after.diagnostics.filter((d) => (d.data as { fix?: unknown }).fix)).toHaveLength(0);
  });

  it('offers a suggestion that is not a fix', async () => {
    const uri = fileUri(`${dir}/suggest.template.json`);
    const text = json(template({}, 'Hi {name}, your order {{2}} has shipped and should reach your address within three working days.'));
    const p = await client.open(uri, text);
    const d = byCode(p.diagnostics, 'variable-malformed')[0]!;
    expect((d.data as { fix?: unknown }).fix).toBeUndefined();
    const actions = await actionsAt(uri, d as never, [d]);
    const sug = actions.find((a) => a.title === 'Write "{{name}}"')!;
    expect(sug.isPreferred).toBeFalsy();
    expect(applyEdits(text, editsFor(sug.edit!, uri))).toContain('"Hi {{name}}, your order');
  });

  const categoryRules = builtinRules.filter((r) => r.family === 'category');
  it.skipIf(categoryRules.length === 0)('changes the category to the predicted one', async () => {
    const uri = fileUri(`${dir}/category.template.json`);
    const text = json(template({ name: 'summer_sale' }, 'Hi {{1}}, our summer sale is on: 50% off everything, shop now before the offer ends on {{2}}!'));
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => (x.data as { category?: unknown }).category)!;
    expect(d).toBeDefined();
    const actions = await actionsAt(uri, d as never, [d]);
    const change = actions.find((a) => a.title === 'Change category to MARKETING')!;
    const fixed = applyEdits(text, editsFor(change.edit!, uri));
    expect(JSON.parse(fixed).category).toBe('MARKETING');
    // Every phrase behind the prediction is linked from each finding.
    const categoryFindings = p.diagnostics.filter((x) => (x.data as { category?: unknown }).category);
    if (categoryFindings.length > 1) expect(categoryFindings[0]!.relatedInformation!.length).toBeGreaterThanOrEqual(categoryFindings.length - 1);
    // On the category field itself, without a finding in the request.
    const pos = positionAt(text, text.indexOf('"category"') + 3);
    const onField = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
    expect(JSON.parse(applyEdits(text, editsFor(onField.find((a) => a.title === 'Change category to MARKETING')!.edit!, uri))).category).toBe('MARKETING');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos });
    expect((h.contents as { value: string }).value).toContain('predicts **MARKETING**');
  });
});

describe('hover', () => {
  it('explains a finding with rationale, evidence and docs link', async () => {
    const uri = fileUri(`${dir}/hover.template.json`);
    const text = json(template({ name: 'Bad Name' }));
    await client.open(uri, text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf('Bad Name') + 2) });
    const md = (h.contents as { kind: string; value: string });
    expect(md.kind).toBe('markdown');
    expect(md.value).toContain('**name-format**');
    expect(md.value).toContain('Graph API refuses');
    expect(md.value).toMatch(/Evidence: Meta's documentation or policy \(\[/);
    expect(md.value).toContain('(https://github.com/greenlight-lint/greenlight/blob/main/docs/rules/name-format.md)');
    expect(textAt(text, h.range!)).toBe('"Bad Name"');
  });

  it('shows the example value of a variable, positional and named', async () => {
    const uri = fileUri(`${dir}/vars.template.json`);
    const named = {
      name: 'named_vars',
      language: 'en_US',
      category: 'UTILITY',
      parameter_format: 'NAMED',
      components: [
        { type: 'BODY', text: 'Hi {{first_name}}, your order {{order_id}} has shipped and is on its way to you now.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Pablo' }, { param_name: 'order_id', example: '860198-230332' }] } },
      ],
    };
    const text = json([template(), named]);
    await client.open(uri, text);
    const hoverAt = async (needle: string, from = 0) => {
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf(needle, from) + 3) });
      return h;
    };
    const h1 = await hoverAt('{{2}}');
    expect((h1.contents as { value: string }).value).toContain('example value: **A-1042**');
    expect(textAt(text, h1.range!)).toBe('{{2}}');
    const h2 = await hoverAt('{{order_id}}');
    expect((h2.contents as { value: string }).value).toContain('example value: **860198-230332**');
  });

  it('describes the category when hovering it', async () => {
    const uri = fileUri(`${dir}/cat.template.json`);
    const text = json(template());
    await client.open(uri, text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf('"UTILITY"') + 2) });
    expect((h.contents as { value: string }).value).toMatch(/UTILITY/);
  });
});

describe('completion', () => {
  const complete = async (uri: string, text: string, offset: number) => {
    await client.replaceAll(uri, text).catch(() => undefined);
    return client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
  };

  it('completes categories, component and button types, header formats, otp types and languages', async () => {
    const uri = fileUri(`${dir}/complete.template.json`);
    const base = json(template());
    await client.open(uri, base);
    const labels = (l: CompletionList) => l.items.map((i) => i.label);

    let text = base.replace('"category": "UTILITY"', '"category": "');
    let list = await complete(uri, text, text.indexOf('"category": "') + 13);
    expect(labels(list)).toEqual(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

    text = base.replace('"type": "BODY"', '"type": "');
    list = await complete(uri, text, text.indexOf('"type": "') + 9);
    expect(labels(list)).toContain('HEADER');
    expect(labels(list)).toContain('BUTTONS');
    expect(labels(list)).not.toContain('QUICK_REPLY');

    const withButtons = template();
    (withButtons.components as unknown[]).push({ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop' }] });
    text = json(withButtons).replace('"type": "QUICK_REPLY"', '"type": ');
    list = await complete(uri, text, text.indexOf('"type": ', text.indexOf('"buttons"')) + 8);
    expect(labels(list)).toContain('QUICK_REPLY');
    expect(labels(list)).toContain('OTP');
    expect(list.items.find((i) => i.label === 'URL')!.textEdit).toMatchObject({ newText: '"URL"' });

    text = base.replace('"language": "en_US"', '"language": "pt');
    list = await complete(uri, text, text.indexOf('"language": "pt') + 15);
    expect(labels(list)).toContain('pt_BR');
    expect(list.items.find((i) => i.label === 'pt_BR')!.detail).toMatch(/Portuguese/);
  });

  it('completes header formats and otp types in YAML', async () => {
    const uri = fileUri(`${dir}/complete.template.yaml`);
    const text = 'name: a\nlanguage: en_US\ncategory: AUTHENTICATION\ncomponents:\n  - type: HEADER\n    format: \n  - type: BUTTONS\n    buttons:\n      - type: OTP\n        otp_type: \n';
    await client.open(uri, text);
    const at = (needle: string) => positionAt(text, text.indexOf(needle) + needle.length);
    const f = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at('format: ') });
    expect(f.items.map((i) => i.label)).toEqual(['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION']);
    const o = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at('otp_type: ') });
    expect(o.items.map((i) => i.label)).toEqual(['COPY_CODE', 'ONE_TAP', 'ZERO_TAP']);
    expect(o.items[0]!.textEdit).toMatchObject({ newText: 'COPY_CODE' });
  });

  it('offers the next variable inside a text, and named variables already used', async () => {
    const uri = fileUri(`${dir}/nextvar.template.json`);
    const text = json(template({}, 'Hi {{1}}, your order {{2}} is ready. Pickup code {{'));
    await client.open(uri, text);
    const offset = text.indexOf('code {{') + 7;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    expect(list.items.map((i) => i.label)).toEqual(['{{3}}']);
    const edited = applyEdits(text, [list.items[0]!.textEdit as never]);
    expect(edited).toContain('Pickup code {{3}}"');

    const named = json({ name: 'n', language: 'en_US', category: 'UTILITY', parameter_format: 'NAMED', components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}' }, { type: 'BODY', text: 'Hi {{first_name}}, ' }] });
    const uri2 = fileUri(`${dir}/named.template.json`);
    await client.open(uri2, named);
    const l2 = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri2 }, position: positionAt(named, named.indexOf('Hi {{first_name}}, ') + 19) });
    expect(l2.items.map((i) => i.label).sort()).toEqual(['{{first_name}}', '{{order_id}}']);
  });

  it('offers snippets for a new template of each category', async () => {
    const uri = fileUri(`${dir}/new.template.json`);
    await client.openNoWait(uri, '');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const snippets = list.items.filter((i) => i.kind === 15);
    expect(snippets.map((s) => s.label)).toEqual(['marketing template', 'utility template', 'authentication template']);
    const strip = (s: string) => s.replace(/\$\{\d+:([^}]*)\}/g, '$1');
    const marketing = JSON.parse(strip(snippets[0]!.insertText!));
    expect(marketing.category).toBe('MARKETING');
    expect(marketing.components.at(-1).buttons[0]).toMatchObject({ type: 'QUICK_REPLY' });
    const auth = JSON.parse(strip(snippets[2]!.insertText!));
    expect(auth.components.at(-1).buttons[0]).toMatchObject({ type: 'OTP', otp_type: 'COPY_CODE' });
    // The snippets themselves lint clean of structural errors.
    const check = fileUri(`${dir}/snippet-check.template.json`);
    const p = await client.open(check, json([marketing, JSON.parse(strip(snippets[1]!.insertText!)), auth]));
    // (A rule that crashed is its own bug, reported as "internal"; it says nothing about the snippets.)
    expect(p.diagnostics.filter((d) => d.severity === 1 && (d.data as { messageId: string }).messageId !== 'internal')).toEqual([]);

    const yamlUri = fileUri(`${dir}/list.template.yaml`);
    const yamlText = '- name: a\n  language: en_US\n  category: UTILITY\n  components: []\n';
    await client.open(yamlUri, `${yamlText}\n`);
    const yl = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: yamlUri }, position: { line: 4, character: 0 } });
    const y = yl.items.find((i) => i.label === 'utility template')!;
    expect(y.insertText).toMatch(/^- name: /);

    // The YAML snippets say exactly what the JSON ones say (both come from one skeleton per category).
    const emptyYaml = fileUri(`${dir}/new.template.yaml`);
    await client.openNoWait(emptyYaml, '');
    const ys = (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: emptyYaml }, position: { line: 0, character: 0 } })).items.filter((i) => i.kind === 15);
    expect(ys.map((s) => s.label)).toEqual(snippets.map((s) => s.label));
    ys.forEach((ySnippet, i) => {
      const fromYaml = plainValue(parseDocument(strip(ySnippet.insertText!), 'yaml'));
      expect(fromYaml).toEqual(JSON.parse(strip(snippets[i]!.insertText!)));
    });
  });
});

describe('symbols and custom requests', () => {
  it('lists templates with their components as document symbols', async () => {
    const uri = fileUri(`${dir}/symbols.json`);
    const t2 = template({ name: 'promo', category: 'MARKETING', language: 'es' });
    (t2.components as unknown[]).unshift({ type: 'HEADER', format: 'IMAGE' });
    const text = json({ data: [template(), t2] });
    await client.open(uri, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['order_shipped (en_US, UTILITY)', 'promo (es, MARKETING)']);
    expect(symbols[1]!.children!.map((c) => c.name)).toEqual(['HEADER IMAGE', 'BODY']);
    expect(textAt(text, symbols[1]!.selectionRange)).toBe('"promo"');
  });

  it('greenlight/templateInfo returns the template at the cursor', async () => {
    const uri = fileUri(`${dir}/info.json`);
    const text = json([template(), template({ name: 'Second Bad' })]);
    await client.open(uri, text);
    const info = await client.request<Record<string, unknown>>('greenlight/templateInfo', { uri, position: positionAt(text, text.indexOf('Second Bad')) });
    const published = client.published.filter((x) => x.uri === uri).at(-1)!;
    const inSecond = published.diagnostics.filter((d) => (d.data as { templateIndex: number }).templateIndex === 1);
    expect(byCode(inSecond, 'name-format')).toHaveLength(1);
    expect(info).toMatchObject({ name: 'Second Bad', category: 'UTILITY', language: 'en_US', index: 1, findingCount: inSecond.length });
    expect((info.template as { components: unknown[] }).components).toHaveLength(1);
    expect(info.reasons).toEqual(expect.any(Array));
    expect(await client.request('greenlight/templateInfo', { uri: fileUri(`${dir}/not-open.json`), position: { line: 0, character: 0 } })).toBeNull();
  });

  it('greenlight/lintWorkspace lints files on disk and publishes their diagnostics', async () => {
    const diskUri = fileUri(`${dir}/templates/on-disk.json`);
    const wait = client.waitForDiagnostics(diskUri);
    const res = await client.request<Record<string, number>>('greenlight/lintWorkspace', {});
    const p = await wait;
    expect(byCode(p.diagnostics, 'name-format')).toHaveLength(1);
    // Open documents never saved to disk are not part of the walk; on-disk.json is.
    expect(res.files).toBe(1);
    expect(res.errors).toBeGreaterThanOrEqual(1);
    expect(res.templates).toBe(2);
    expect(client.published.some((x) => x.uri.endsWith('/notes/readme.json'))).toBe(false);
  });
});

/** A parsed document as plain data, to compare what two formats say. */
function plainValue(doc: ParsedDocument): unknown {
  expect(doc.problems).toEqual([]);
  const value = (n: SourceNode): unknown =>
    n.kind === 'object' ? Object.fromEntries(n.properties.map((p) => [p.key.value, value(p.value)])) : n.kind === 'array' ? n.items.map(value) : n.value;
  return doc.root && value(doc.root);
}
