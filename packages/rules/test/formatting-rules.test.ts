import { lint, lintAndFix, type ResolvedConfig, type Rule } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';
import { analyzeMarkers } from '../src/rules/formatting.js';
import { newlineRuns } from '../src/rules/formatting-newlines.js';

const IDS = ['formatting', 'formatting-newlines', 'formatting-header-footer', 'emoji-header-footer', 'emoji-limit', 'whitespace-edges', 'whitespace-spacing'];
const rules: Rule[] = IDS.map((id) => rulesById.get(id)!);
const config: ResolvedConfig = {
  baseDir: '/',
  files: [],
  rules: Object.fromEntries(rules.map((r) => [r.id, { severity: r.severity, options: undefined }])),
  business: {},
  overrides: [],
  ignorePatterns: [],
};

function run(text: string, format: 'json' | 'yaml') {
  return lint(text, { rules, config, format }).messages.map((m) => `${m.ruleId}:${m.messageId}:${m.severity}:${text.slice(m.range.start, m.range.end)}`);
}

const doc = (components: unknown[], category = 'MARKETING') => JSON.stringify({ name: 'x', language: 'en', category, components }, null, 2);

describe('analyzeMarkers', () => {
  const unbalanced = (s: string) => {
    const a = analyzeMarkers(s);
    return [...a.unclosed, ...a.unopened].map((e) => `${e.marker}@${e.start}`);
  };
  it('pairs markers the way WhatsApp reads them', () => {
    expect(analyzeMarkers('*a* _b_ ~c~ ```d```').pairs).toHaveLength(4);
    expect(unbalanced('*bold* and *more')).toEqual(['*@11']);
    expect(unbalanced('**double**')).toEqual([]);
  });
  it('leaves plain characters alone', () => {
    for (const s of ['snake_case_name', '2*3=6 and 2 * 3', '* item\n* item', '~5 min', 'about ~10 to ~15 min', '*****', '_____ (sign here)', 'Price 10*\n*Excl. tax']) {
      expect(unbalanced(s), s).toEqual([]);
    }
  });
  it('ignores markers in variables, links and e-mail addresses', () => {
    expect(unbalanced('Hi {{first_name}}, see https://example.com/a_b*c or mail ana_b@ex_ample.com')).toEqual([]);
    expect(analyzeMarkers('*{{1}}*').pairs).toHaveLength(1);
  });
  it('treats markers inside a code block as text', () => {
    expect(unbalanced('```a * b _c``` and _d_')).toEqual([]);
    expect(unbalanced('``` open')).toEqual(['```@0']);
  });
});

describe('newlineRuns', () => {
  it('counts line breaks across spaces and carriage returns', () => {
    expect(newlineRuns('a\n\nb', 3)).toEqual([]);
    expect(newlineRuns('a\r\n \r\n\t\r\nb', 3)).toEqual([{ start: 2, end: 9, count: 3, crlf: true }]);
  });
});

describe('formatting rules on real documents', () => {
  it('underline the right characters after JSON escapes', () => {
    const text = String.raw`{"name":"x","language":"en","category":"UTILITY","components":[{"type":"HEADER","format":"TEXT","text":"R\u00e9sum\u00e9 \ud83d\udce6 *new*"},{"type":"BODY","text":"Caf\u00e9 \"ok\"\n\n\n*open\tnow"}]}`;
    expect(run(text, 'json')).toEqual([
      'emoji-header-footer:emoji:error:\\ud83d\\udce6',
      'formatting-header-footer:headerMarker:error:*',
      'formatting-header-footer:headerMarker:error:*',
      'formatting-newlines:tooMany:error:\\n\\n\\n',
      'formatting:unclosed:warning:*',
      'whitespace-spacing:tab:warning:\\t',
    ]);
  });

  it('underline the right characters in YAML block scalars', () => {
    const text = ['name: x', 'language: en', 'category: UTILITY', 'components:', '  - type: BODY', '    text: |-', '      Hi {{1}},', '', '', '', '      your order _ships today.', '  - type: FOOTER', '    text: "Example Inc. 🚚 "'].join('\n');
    const got = run(text, 'yaml');
    // A range ends where the next character starts in the source, so the next line's indentation is included.
    expect(got).toEqual(['formatting-newlines:tooMany:error:\n\n\n\n      ', 'formatting:unclosed:warning:_', 'emoji-header-footer:emoji:error:🚚', 'whitespace-edges:trailing:warning: ']);
  });

  it('fix newlines and edges in JSON, keeping CRLF line breaks', () => {
    const text = doc([{ type: 'BODY', text: ' Hi {{1}},\r\n\r\n\r\n\r\nyour order has shipped. ' }, { type: 'FOOTER', text: 'Example Inc.\nReply STOP' }]);
    const out = JSON.parse(lintAndFix(text, { rules, config, format: 'json' }).output);
    expect(out.components[0].text).toBe('Hi {{1}},\r\n\r\nyour order has shipped.');
    expect(out.components[1].text).toBe('Example Inc. Reply STOP');
  });

  it('fix YAML block scalars without breaking the document', () => {
    const text = 'name: x\nlanguage: en\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: |\n      Hi {{1}},\n\n\n\n      your order has shipped.\n  - type: FOOTER\n    text: >\n      Example Inc.\n';
    const before = run(text, 'yaml');
    expect(before).toContain('whitespace-edges:blockNewline:warning:\n');
    const out = lintAndFix(text, { rules, config, format: 'yaml' }).output;
    expect(lint(out, { rules, config, format: 'yaml' }).messages.filter((m) => m.ruleId === 'syntax')).toEqual([]);
    // Re-quoted once its blank lines are collapsed; then its final newline is an ordinary trailing one and goes.
    expect(out).toContain('text: "Hi {{1}},\\n\\nyour order has shipped."\n  - type: FOOTER');
    expect(out).toContain('text: >\n      Example Inc.\n');
  });

  it('fix newlines in a YAML double-quoted scalar', () => {
    const text = 'name: x\nlanguage: en\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: "Hi {{1}},\\n\\n\\n\\nyour order has shipped."\n';
    const out = lintAndFix(text, { rules, config, format: 'yaml' }).output;
    expect(out).toContain('text: "Hi {{1}},\\n\\nyour order has shipped."');
  });

  it('count emoji per category, grouping ZWJ sequences and flags', () => {
    const body = (n: number) => ({ type: 'BODY', text: `Trip ${'👨‍👩‍👧‍👦🇧🇷'.repeat(n)} booked` });
    expect(run(doc([body(3)], 'UTILITY'), 'json')).toEqual([]);
    expect(run(doc([body(4)], 'UTILITY'), 'json')).toEqual(['emoji-limit:tooMany:warning:👨‍👩‍👧‍👦']);
    expect(run(doc([body(5)], 'MARKETING'), 'json')).toEqual([]);
    expect(run(doc([body(6)], 'MARKETING'), 'json')).toEqual(['emoji-limit:tooMany:warning:👨‍👩‍👧‍👦']);
  });

  it('accept a typical well-formatted marketing template', () => {
    const text = doc([
      { type: 'HEADER', format: 'TEXT', text: 'Summer sale' },
      { type: 'BODY', text: 'Hi {{1}} 👋\n\nOur *summer sale* starts today: _everything_ is ~€40~ €30.\n\n* Shoes\n* Bags\n\nOffer ends 31.08.*\n*While stocks last.', example: { body_text: [['Ana']] } },
      { type: 'FOOTER', text: 'Reply STOP to unsubscribe' },
    ]);
    expect(run(text, 'json')).toEqual([]);
  });
});
