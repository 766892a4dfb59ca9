/**
 * Variable rules beyond their own examples: numbers in messages, suggestions, YAML fixes and the
 * web-editor fields the browser extension lints.
 */
import { applyFixes, lint, lintAndFix, lintParsed, parseFields, parseYaml, toPlain, type LintMessage, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';

function config(ids: string[], options?: Record<string, unknown>): ResolvedConfig {
  return { baseDir: '/', files: [], rules: Object.fromEntries(ids.map((id) => [id, { severity: rulesById.get(id)!.severity, options }])), business: {}, overrides: [], ignorePatterns: [] };
}
const rules = (ids: string[]) => ids.map((id) => rulesById.get(id)!);
const body = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'a', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text, ...extra }] }, null, 2);
const run = (text: string, ids: string[], format: 'json' | 'yaml' = 'json'): LintMessage[] => lint(text, { rules: rules(ids), config: config(ids), format }).messages;

describe('variable-density', () => {
  it('reports the counts it judged by', () => {
    const [m] = run(body('Hi {{1}}, order {{2}} arrives {{3}} today.'), ['variable-density']);
    expect(m!.message).toBe('The body has 4 words besides its 3 variables; it needs at least 7 (2 per variable + 1).');
    expect(m!.severity).toBe('error');
  });

  it('adds an information hint between 2P+1 and 3P', () => {
    const [m] = run(body('Hi {{1}}, order {{2}} arrives today okay?'), ['variable-density']);
    expect(m!.severity).toBe('info');
    expect(m!.message).toContain('5 words besides its 2 variables; 6 or more');
  });

  it('counts Thai by characters, as the editor does', () => {
    // 21 Thai characters → 3 words: enough for one variable, not for two.
    const thai = 'สวัสดีครับคุณลูกค้าที่รัก';
    expect(run(body(`${thai.slice(0, 21)} {{1}} ${thai.slice(0, 1)}`), ['variable-density'])).toEqual([]);
    expect(run(body(`${thai.slice(0, 21)} {{1}} {{2}} ก`), ['variable-density']).map((m) => m.messageId)).toEqual(['tooDense']);
  });
});

describe('variable-sequence', () => {
  it('names every missing number and suggests renumbering without touching other text', () => {
    const text = body('Caf\u00e9 {{2}}, order {{5}} ships {{2}} on {{7}} today.');
    const [m] = run(text, ['variable-sequence']);
    expect(m!.message).toBe('The body uses {{2}}, {{5}}, {{7}} but not {{1}}, {{3}}, {{4}}, {{6}}: positional variables must be numbered 1 to 3 without gaps.');
    expect(m!.fix).toBeUndefined();
    const out = applyFixes(text, [m!.suggestions![0]!.fix]).output;
    expect(JSON.parse(out).components[0].text).toBe('Café {{1}}, order {{2}} ships {{1}} on {{3}} today.');
    expect(run(out, ['variable-sequence'])).toEqual([]);
  });
});

describe('variable-malformed fixes in YAML', () => {
  it('repairs tokens in plain, single-quoted and block scalars', () => {
    const yaml = `name: a
language: en_US
category: UTILITY
components:
  - type: HEADER
    format: TEXT
    text: Order {1}
  - type: BODY
    text: |
      Hi {{ 1 }}, it's {{02}} o'clock.
  - type: FOOTER
    text: 'Ref {{3}'
`;
    const out = lintAndFix(yaml, { rules: rules(['variable-malformed']), config: config(['variable-malformed']), format: 'yaml' }).output;
    const doc = parseYaml(out);
    expect(doc.problems).toEqual([]);
    const t = toPlain(doc.root) as { components: { text: string }[] };
    expect(t.components.map((c) => c.text)).toEqual(['Order {{1}}', "Hi {{1}}, it's {{2}} o'clock.\n", 'Ref {{3}}']);
  });
});

describe('variable-mixed-styles', () => {
  it('adds parameter_format to a YAML template that uses only named variables', () => {
    const yaml = 'name: a\nlanguage: en_US\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: Hi {{first_name}}, your order has shipped.\n';
    const out = lintAndFix(yaml, { rules: rules(['variable-mixed-styles']), config: config(['variable-mixed-styles']), format: 'yaml' }).output;
    expect((toPlain(parseYaml(out).root) as { parameter_format: string }).parameter_format).toBe('named');
    expect(run(out, ['variable-mixed-styles'], 'yaml')).toEqual([]);
  });

  it('does not judge URL buttons, which keep {{1}} in named templates', () => {
    const text = JSON.stringify({
      name: 'a',
      language: 'en_US',
      category: 'UTILITY',
      parameter_format: 'named',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}' }] }],
    });
    expect(run(text, ['variable-mixed-styles', 'variable-sequence'])).toEqual([]);
  });
});

describe('variable-examples', () => {
  it('checks examples typed in the web editor', () => {
    const ids = ['variable-examples'];
    const lintFields = (fields: Parameters<typeof parseFields>[0]) => {
      const doc = parseFields(fields);
      return { doc, messages: lintParsed(doc, { rules: rules(ids), config: config(ids) }).messages };
    };
    expect(lintFields({ body: 'Hi {{1}}, order {{2}} has shipped.', bodyExamples: ['Ana', 'SK-1'] }).messages).toEqual([]);
    const { doc, messages } = lintFields({ body: 'Hi {{1}}, order {{2}} has shipped.', bodyExamples: ['Ana', 'test'] });
    expect(messages.map((m) => m.messageId)).toEqual(['valuePlaceholder']);
    expect(doc.text.slice(messages[0]!.range.start, messages[0]!.range.end)).toBe('test');
  });

  it('counts distinct variables, so a repeated one needs one value', () => {
    expect(run(body('Hi {{1}}, thanks {{1}}, order {{2}} shipped.', { example: { body_text: [['Ana', 'SK-1']] } }), ['variable-examples'])).toEqual([]);
    const [m] = run(body('Hi {{1}}, thanks {{1}}, order {{2}} shipped.', { example: { body_text: [['Ana', 'SK-1', 'extra']] } }), ['variable-examples']);
    expect(m!.message).toBe('The body has 2 variable(s) but 3 example value(s).');
  });

  it('reports a duplicated named example', () => {
    const text = JSON.stringify({
      name: 'a',
      language: 'en_US',
      category: 'UTILITY',
      parameter_format: 'named',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }, { param_name: 'first_name', example: 'Bo' }] } }],
    });
    expect(run(text, ['variable-examples']).map((m) => m.message)).toEqual(['{{first_name}} has more than one example.']);
  });
});

describe('variable-at-edge and variable-adjacent', () => {
  it('ignores markers and quotes at the edges but not emoji', () => {
    expect(run(body('*{{1}}* is your code.'), ['variable-at-edge']).map((m) => m.messageId)).toEqual(['start']);
    expect(run(body('🎉 {{1}} is your code.'), ['variable-at-edge'])).toEqual([]);
  });

  it('treats a line break between variables as no text', () => {
    expect(run(body('Dear customer:\n{{1}}\n{{2}}\nThanks for your order.'), ['variable-adjacent']).map((m) => m.messageId)).toEqual(['adjacent']);
  });
});
