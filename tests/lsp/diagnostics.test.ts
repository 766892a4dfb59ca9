import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, byCode, fileUri, json, makeWorkspace, positionAt, template, textAt } from './helpers.js';

let client: LspClient;
let dir: string;

beforeAll(async () => {
  dir = makeWorkspace();
  client = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 10 } });
});
afterAll(() => client?.stop());

describe('diagnostics over stdio', () => {
  it('advertises incremental sync and the features', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ change: 2, openClose: true });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.greenlight']) });
  });

  it('puts JSON findings at exact ranges after \\n, \\" and \\u00e9 escapes', async () => {
    // Escapes make the source longer than the value before the finding.
    const text = json(template({ name: 'Order Shipped' }, 'Line one\nShe said "hi" café {1} now.')).replace('café', 'caf\\u00e9');
    expect(text).toContain('\\n');
    expect(text).toContain('\\"hi\\"');
    expect(text).toContain('\\u00e9');
    const uri = fileUri(`${dir}/escapes.template.json`);
    const p = await client.open(uri, text);
    const malformed = byCode(p.diagnostics, 'variable-malformed');
    expect(malformed).toHaveLength(1);
    const at = text.indexOf('{1}');
    expect(malformed[0]!.range).toEqual({ start: positionAt(text, at), end: positionAt(text, at + 3) });
    expect(textAt(text, malformed[0]!.range)).toBe('{1}');

    const name = byCode(p.diagnostics, 'name-format')[0]!;
    expect(textAt(text, name.range)).toBe('"Order Shipped"');
    expect(name).toMatchObject({
      source: 'greenlight',
      severity: 1,
      codeDescription: { href: expect.stringMatching(/docs\/rules\/name-format\.md$/) },
      data: { ruleId: 'name-format', version: 1, fix: { newText: '"order_shipped"' } },
    });
  });

  it('puts YAML findings at exact ranges in quoted, plain and block scalars', async () => {
    const text = [
      'name: order_update',
      'language: en_US',
      'category: UTILITY',
      'components:',
      '  - type: HEADER',
      '    format: TEXT',
      '    text: "Caf\\u00e9 \\"news\\" {2}"',
      '  - type: BODY',
      '    text: |',
      '      Hello there,',
      '      your parcel {1} is on its way.',
      '',
    ].join('\n');
    const uri = fileUri(`${dir}/update.template.yaml`);
    const p = await client.open(uri, text);
    const spans = byCode(p.diagnostics, 'variable-malformed').map((d) => textAt(text, d.range));
    expect(spans).toEqual(['{2}', '{1}']);
    const header = byCode(p.diagnostics, 'variable-malformed')[0]!;
    const at = text.indexOf('{2}');
    expect(header.range.start).toEqual(positionAt(text, at));
  });

  it('reports syntax errors at their position', async () => {
    const text = '{\n  "name": "a",\n  "components": [\n    { "type": "BODY" "text": "x" }\n  ]\n}\n';
    const uri = fileUri(`${dir}/broken.template.json`);
    const p = await client.open(uri, text);
    const syntax = byCode(p.diagnostics, 'syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.range.start.line).toBe(3);
    expect(syntax[0]!.severity).toBe(1);
  });

  it('links related locations: the phrase that triggered a finding and the example value of a variable', async () => {
    const t = template({}, '{{1}}, your order {{2}} has shipped.');
    (t.components as unknown[]).push({ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track' }, { type: 'QUICK_REPLY', text: 'Track' }] });
    const text = json(t);
    const uri = fileUri(`${dir}/related.template.json`);
    const p = await client.open(uri, text);
    const dup = byCode(p.diagnostics, 'button-duplicate-label')[0]!;
    expect(dup.relatedInformation?.[0]?.location.uri).toBe(uri);
    expect(textAt(text, dup.relatedInformation![0]!.location.range)).toBe('"Track"');
    expect(dup.relatedInformation![0]!.location.range.start.line).toBeLessThan(dup.range.start.line);

    const edge = byCode(p.diagnostics, 'variable-at-edge')[0]!;
    expect(textAt(text, edge.range)).toBe('{{1}}');
    const ex = edge.relatedInformation?.find((r) => r.message.includes('Example value'));
    expect(ex?.message).toBe('Example value of {{1}}: "Ana"');
    expect(textAt(text, ex!.location.range)).toBe('"Ana"');
  });

  it('recognises templates by content outside the globs, and leaves other JSON alone', async () => {
    const uri = fileUri(`${dir}/misc/list.json`);
    const p = await client.open(uri, json({ data: [template({ name: 'Bad-Name' })] }));
    expect(byCode(p.diagnostics, 'name-format')).toHaveLength(1);

    const other = fileUri(`${dir}/misc/package.json`);
    const before = client.published.length;
    await client.openNoWait(other, json({ name: 'Not A Template', version: '1.0.0' }));
    await client.request('greenlight/serverStatus');
    await new Promise((r) => setTimeout(r, 100));
    expect(client.published.slice(before).filter((x) => x.uri === other && x.diagnostics.length > 0)).toHaveLength(0);
  });

  it('maps severities and applies severityOverrides from the client', async () => {
    const c2 = await LspClient.start({ rootPath: dir, initializationOptions: { debounceMs: 0 }, settings: { severityOverrides: { 'name-format': 'warning', 'variable-malformed': 'off' } } });
    try {
      const uri = fileUri(`${dir}/override.template.json`);
      const text = json(template({ name: 'Bad Name' }, 'Hi {1}, your order {{2}} has shipped.'));
      const p = await c2.open(uri, text);
      // The pulled workspace configuration arrives after initialization and re-lints.
      const last = p.diagnostics.some((d) => d.code === 'variable-malformed') ? await c2.waitForDiagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'variable-malformed')) : p;
      expect(byCode(last.diagnostics, 'name-format')[0]!.severity).toBe(2);
      expect(byCode(last.diagnostics, 'variable-malformed')).toHaveLength(0);
    } finally {
      await c2.stop();
    }
  });
});
