/**
 * Structure, limit, button and language rules beyond their own examples: YAML documents, template
 * lists, web-editor fields, and the suggestions (which the example runner does not apply).
 */
import { applyFixes, lint, lintAndFix, lintParsed, parseFields, parseYaml, toPlain, type LintMessage, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';

function config(ids: string[]): ResolvedConfig {
  return { baseDir: '/', files: [], rules: Object.fromEntries(ids.map((id) => [id, { severity: rulesById.get(id)!.severity, options: undefined }])), business: {}, overrides: [], ignorePatterns: [] };
}
const rules = (ids: string[]) => ids.map((id) => rulesById.get(id)!);
const run = (text: string, ids: string[], format: 'json' | 'yaml' = 'json'): LintMessage[] => lint(text, { rules: rules(ids), config: config(ids), format }).messages;
const fix = (text: string, ids: string[], format: 'json' | 'yaml' = 'json') => lintAndFix(text, { rules: rules(ids), config: config(ids), format }).output;

describe('structure-enum-values and language-code in YAML', () => {
  const yaml = `name: promo
language: pt-br
category: marketting
components:
  - type: body
    text: Nossa coleção de verão chegou.
  - type: BUTTONS
    buttons:
      - type: quick reply
        text: Parar promoções
`;

  it('fixes values in YAML and the result is still YAML with the right values', () => {
    const out = fix(yaml, ['structure-enum-values', 'language-code'], 'yaml');
    const doc = parseYaml(out);
    expect(doc.problems).toEqual([]);
    const plain = toPlain(doc.root) as { language: string; category: string; components: { buttons: { type: string }[] }[] };
    expect(plain.language).toBe('pt_BR');
    expect(plain.category).toBe('marketing');
    expect(plain.components[1]?.buttons[0]?.type).toBe('quick_reply');
    expect(run(out, ['structure-enum-values', 'language-code'], 'yaml')).toEqual([]);
  });
});

describe('structure-required-fields', () => {
  it('reports each template of a list separately', () => {
    const text = JSON.stringify([
      { name: 'a', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello there.' }] },
      { name: 'b', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello there.' }] },
    ]);
    const ms = run(text, ['structure-required-fields']);
    expect(ms.map((m) => [m.templateIndex, m.messageId, m.message])).toEqual([[1, 'missing', 'The template has no "language"; every template needs name, language, category and components.']]);
    // Points at the opening brace of the second template, not the whole object.
    expect(text.slice(ms[0]!.range.start, ms[0]!.range.end)).toBe('{');
    expect(ms[0]!.range.start).toBe(text.indexOf('{"name":"b"'));
  });

  it('points at the first key of a YAML block mapping', () => {
    const yaml = 'name: a\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: Hello there.\n';
    const ms = run(yaml, ['structure-required-fields'], 'yaml');
    expect(ms.map((m) => yaml.slice(m.range.start, m.range.end))).toEqual(['name']);
  });

  it('stays quiet on web-editor fields, which have no name or language of their own', () => {
    const doc = parseFields({ body: 'Your order has shipped.', headerFormat: 'IMAGE' });
    const ids = ['structure-required-fields', 'structure-header-format', 'structure-body'];
    expect(lintParsed(doc, { rules: rules(ids), config: config(ids) }).messages).toEqual([]);
  });
});

describe('suggestions keep the document valid', () => {
  it('structure-unique-components removes the duplicate', () => {
    const text = JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'One.' }, { type: 'FOOTER', text: 'A' }, { type: 'FOOTER', text: 'B' }] }, null, 2);
    const [m] = run(text, ['structure-unique-components']);
    expect(m!.related?.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['"FOOTER"']);
    const out = applyFixes(text, [m!.suggestions![0]!.fix]).output;
    expect(JSON.parse(out).components).toEqual([{ type: 'BODY', text: 'One.' }, { type: 'FOOTER', text: 'A' }]);
  });

  it('button-grouping moves quick replies together, keeping their order', () => {
    const buttons = [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'URL', text: 'Menu', url: 'https://example.com' }, { type: 'QUICK_REPLY', text: 'No' }, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550051310' }];
    const text = JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Table booked.' }, { type: 'BUTTONS', buttons }] }, null, 2);
    const ms = run(text, ['button-grouping']);
    expect(ms).toHaveLength(1);
    const out = applyFixes(text, [ms[0]!.suggestions![0]!.fix]).output;
    expect(JSON.parse(out).components[1].buttons.map((b: { text: string }) => b.text)).toEqual(['Yes', 'No', 'Menu', 'Call']);
    expect(run(out, ['button-grouping'])).toEqual([]);
  });

  it('structure-ttl suggests the nearest allowed value', () => {
    const text = JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', message_send_ttl_seconds: 10, components: [{ type: 'BODY', text: 'Hi.' }] });
    const [m] = run(text, ['structure-ttl']);
    expect(m!.message).toBe('A TTL of 10 seconds is outside the UTILITY range of 30 to 43200 seconds (or -1 for the default).');
    expect(JSON.parse(applyFixes(text, [m!.suggestions![0]!.fix]).output).message_send_ttl_seconds).toBe(30);
  });

  it('language-code offers each regional variant', () => {
    const text = JSON.stringify({ name: 'a', language: 'zh', category: 'UTILITY', components: [{ type: 'BODY', text: '您好' }] });
    const [m] = run(text, ['language-code']);
    expect(m!.messageId).toBe('needsRegion');
    expect(m!.suggestions!.map((s) => JSON.parse(applyFixes(text, [s.fix]).output).language)).toEqual(['zh_CN', 'zh_HK', 'zh_TW']);
  });
});

describe('limits report numbers and the over-long part', () => {
  it('button-text counts an emoji as two and underlines from the limit', () => {
    const label = `Confirm my booking now ✅🎉`;
    expect(label.length).toBe(26);
    const text = JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: label }] }] });
    const [m] = run(text, ['limit-button-text-length']);
    expect(m!.message).toBe('The button label is 26 characters long; the limit is 25 (1 over).');
    expect(text.slice(m!.range.start, m!.range.end)).toBe('🎉');
  });

  it('button-count underlines each extra phone button', () => {
    const phone = { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550051310' };
    const text = JSON.stringify({ name: 'a', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi.' }, { type: 'BUTTONS', buttons: [phone, { ...phone, text: 'Call 2' }, { ...phone, text: 'Call 3' }] }] });
    const ms = run(text, ['button-count']);
    expect(ms.map((m) => m.message)).toEqual(['The template has 3 phone number buttons; the limit is 1.', 'The template has 3 phone number buttons; the limit is 1.']);
  });
});
