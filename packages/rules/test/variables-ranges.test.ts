/**
 * Exact ranges of variable and limit findings in real JSON and YAML texts: escapes (`\n`, `\"`,
 * `\u00e9`, surrogate pairs) and emoji before a variable must not shift the underline.
 */
import { lint, lintAndFix, type LintMessage, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';

function config(ids: string[]): ResolvedConfig {
  return {
    baseDir: '/',
    files: [],
    rules: Object.fromEntries(ids.map((id) => [id, { severity: rulesById.get(id)!.severity, options: undefined }])),
    business: {},
    overrides: [],
    ignorePatterns: [],
  };
}

function run(text: string, ids: string[], format: 'json' | 'yaml'): LintMessage[] {
  const rules = ids.map((id) => rulesById.get(id)!);
  return lint(text, { rules, config: config(ids), format }).messages.filter((m) => m.ruleId !== 'syntax');
}

/** The range of the only occurrence of `needle` (from `from` on) in `text`. */
function at(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  expect(start, `"${needle}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, start + 1), `"${needle}" occurs once`).toBe(-1);
  return { start, end: start + needle.length };
}

const pick = (ms: LintMessage[], ruleId: string) => ms.filter((m) => m.ruleId === ruleId).map((m) => m.range);

// The body decodes to: Café "🎉" 🎉 line⏎Hi {{ 1 }}, your order {{4}} ships {{1}}⏎{{2}} today or {{2}}.
const JSON_TEXT = String.raw`{
  "name": "order_update",
  "language": "en_US",
  "category": "UTILITY",
  "components": [
    { "type": "HEADER", "format": "TEXT", "text": "Caf\u00e9 \"\ud83c\udf89\" 🎉 {{1}} and {{2}} for you" },
    { "type": "BODY", "text": "Caf\u00e9 \"\ud83c\udf89\" 🎉 line\nHi {{ 1 }}, your order {{4}} ships {{1}}\n{{2}} today or {{2}}." },
    { "type": "FOOTER", "text": "\u00a9 Example \ud83c\udf89 {{1}}" }
  ]
}`;

describe('JSON: escapes before variables', () => {
  const ms = run(JSON_TEXT, ['variable-malformed', 'variable-sequence', 'variable-adjacent', 'variable-at-edge', 'variable-header-count', 'variable-location'], 'json');

  it('underlines a malformed token after \\u00e9, \\", a surrogate-pair escape, an emoji and \\n', () => {
    const r = pick(ms, 'variable-malformed');
    expect(r).toEqual([at(JSON_TEXT, '{{ 1 }}')]);
    expect(JSON_TEXT.slice(r[0]!.start, r[0]!.end)).toBe('{{ 1 }}');
  });

  it('underlines the variable after a numbering gap', () => {
    expect(pick(ms, 'variable-sequence')).toEqual([at(JSON_TEXT, '{{4}}')]);
    expect(ms.find((m) => m.ruleId === 'variable-sequence')!.message).toContain('{{3}}');
  });

  it('underlines two variables separated only by an escaped line break, escape included', () => {
    const r = pick(ms, 'variable-adjacent');
    expect(r).toEqual([at(JSON_TEXT, String.raw`{{1}}\n{{2}}`)]);
    expect(JSON_TEXT.slice(r[0]!.start, r[0]!.end)).toBe('{{1}}\\n{{2}}');
  });

  it('underlines the trailing variable before the final full stop', () => {
    const r = pick(ms, 'variable-at-edge');
    const end = JSON_TEXT.indexOf('{{2}}."');
    expect(r).toEqual([{ start: end, end: end + 5 }]);
  });

  it('underlines the second header variable', () => {
    const header = JSON_TEXT.indexOf('"HEADER"');
    const second = JSON_TEXT.indexOf('{{2}}', header);
    expect(pick(ms, 'variable-header-count')).toEqual([{ start: second, end: second + 5 }]);
  });

  it('underlines the footer variable after \\u00a9 and a surrogate-pair escape', () => {
    const footer = JSON_TEXT.indexOf('"FOOTER"');
    const v = JSON_TEXT.indexOf('{{1}}', footer);
    expect(pick(ms, 'variable-location')).toEqual([{ start: v, end: v + 5 }]);
  });

  it('fixes the malformed token in place and keeps every escape as written', () => {
    const { output } = lintAndFix(JSON_TEXT, { rules: [rulesById.get('variable-malformed')!], config: config(['variable-malformed']), format: 'json' });
    expect(output).toBe(JSON_TEXT.replace('{{ 1 }}', '{{1}}'));
    expect(() => JSON.parse(output)).not.toThrow();
  });
});

describe('JSON: limits after escapes', () => {
  // 59 characters of value before the emoji: "é" (\u00e9) + 58 letters; the emoji straddles the limit.
  const head = `\\u00e9${'a'.repeat(58)}`;
  const text = `{"name":"t","language":"en_US","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"${head}\\ud83c\\udf89xyz"},{"type":"BODY","text":"Your order has shipped."}]}`;

  it('underlines from the limit to the end, widening to the whole emoji escape when the limit cuts it', () => {
    const ms = run(text, ['limit-header-length'], 'json');
    expect(ms).toHaveLength(1);
    // Value length: 1 + 58 + 2 + 3 = 64; the limit (60) falls after the high surrogate.
    expect(ms[0]!.message).toContain('64 characters');
    expect(ms[0]!.message).toContain('4 over');
    expect(text.slice(ms[0]!.range.start, ms[0]!.range.end)).toBe('\\ud83c\\udf89xyz');
  });
});

const YAML_TEXT = `name: order_update
language: pt_BR
category: UTILITY
components:
  - type: HEADER
    format: TEXT
    text: Pedido {{1}} e {{2}}
  - type: BODY
    text: "Ol\\u00e1 \\"amigo\\" 🎉\\n{{ 1 }}, seu pedido {{3}} chegou"
  - type: FOOTER
    text: |
      Enviado por 🎉 {{1}}
  - type: BUTTONS
    buttons:
      - type: QUICK_REPLY
        text: 'Rastrear ''já'' {{1}}'
`;

describe('YAML: plain, double-quoted, block and single-quoted scalars', () => {
  const ms = run(YAML_TEXT, ['variable-malformed', 'variable-sequence', 'variable-header-count', 'variable-location', 'variable-at-edge'], 'yaml');

  it('underlines a malformed token after \\u00e1, \\", an emoji and \\n in a double-quoted scalar', () => {
    expect(pick(ms, 'variable-malformed')).toEqual([at(YAML_TEXT, '{{ 1 }}')]);
  });

  it('underlines the gap variable in the double-quoted body', () => {
    expect(pick(ms, 'variable-sequence')).toEqual([at(YAML_TEXT, '{{3}}')]);
  });

  it('underlines the second variable of a plain-scalar header', () => {
    expect(pick(ms, 'variable-header-count')).toEqual([at(YAML_TEXT, '{{2}}')]);
  });

  it('underlines variables in a block-literal footer and a single-quoted label with escaped quotes', () => {
    const footer = YAML_TEXT.indexOf('Enviado');
    const f = YAML_TEXT.indexOf('{{1}}', footer);
    const label = YAML_TEXT.indexOf("'Rastrear");
    const l = YAML_TEXT.indexOf('{{1}}', label);
    expect(pick(ms, 'variable-location')).toEqual([
      { start: f, end: f + 5 },
      { start: l, end: l + 5 },
    ]);
  });

  it('does not call the body trailing: it ends with a word', () => {
    expect(pick(ms, 'variable-at-edge')).toEqual([]);
  });

  it('fixes the token in the double-quoted scalar and leaves the rest as written', () => {
    const { output } = lintAndFix(YAML_TEXT, { rules: [rulesById.get('variable-malformed')!], config: config(['variable-malformed']), format: 'yaml' });
    expect(output).toBe(YAML_TEXT.replace('{{ 1 }}', '{{1}}'));
  });
});
