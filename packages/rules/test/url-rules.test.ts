import { lint, lintAndFix, type BusinessSettings, type ResolvedConfig, type Rule } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../src/index.js';

const URL_RULES = ['url-format', 'url-insecure', 'url-shortener', 'url-button-variable', 'url-whatsapp-link', 'url-domain', 'url-redirect'];
const rules: Rule[] = URL_RULES.map((id) => rulesById.get(id)!);

function config(business: Partial<BusinessSettings> = {}): ResolvedConfig {
  return { baseDir: '/', files: [], rules: Object.fromEntries(rules.map((r) => [r.id, { severity: r.severity, options: undefined }])), business, overrides: [], ignorePatterns: [] };
}

function run(text: string, format: 'json' | 'yaml', business?: Partial<BusinessSettings>) {
  const { messages } = lint(text, { rules, config: config(business), format });
  return messages.map((m) => ({ rule: m.ruleId, id: m.messageId, severity: m.severity, span: text.slice(m.range.start, m.range.end) }));
}

describe('URL rules on real documents', () => {
  it('underline the right characters after JSON escapes', () => {
    // \u00e9 (6 source characters for 1), an emoji as a surrogate pair escape, and \n before the link.
    const text = String.raw`{"name":"x","language":"en","category":"MARKETING","components":[{"type":"BODY","text":"Caf\u00e9 \ud83d\ude00\nMenu: http://bit.ly/m3nu \"today\""}]}`;
    const got = run(text, 'json');
    expect(got).toEqual([
      { rule: 'url-insecure', id: 'insecure', severity: 'warning', span: 'http' },
      { rule: 'url-shortener', id: 'editor', severity: 'error', span: 'bit.ly' },
    ]);
  });

  it('underline the right characters in YAML plain, quoted and block scalars', () => {
    const text = [
      'name: promo',
      'language: en',
      'category: MARKETING',
      'components:',
      '  - type: HEADER',
      '    format: TEXT',
      '    text: "Sale at www.example.com"',
      '  - type: BODY',
      '    text: |',
      '      Hello {{1}},',
      '      shop at https://192.168.1.20/sale or https://tinyurl.com/x',
      '  - type: FOOTER',
      "    text: 'Info: http://example.com'",
      '  - type: BUTTONS',
      '    buttons:',
      '      - type: URL',
      '        text: Chat',
      '        url: https://wa.me/15550100',
    ].join('\n');
    expect(run(text, 'yaml')).toEqual([
      { rule: 'url-format', id: 'missingScheme', severity: 'warning', span: 'www.example.com' },
      { rule: 'url-format', id: 'ipHost', severity: 'error', span: '192.168.1.20' },
      { rule: 'url-shortener', id: 'editor', severity: 'error', span: 'tinyurl.com' },
      { rule: 'url-insecure', id: 'insecure', severity: 'warning', span: 'http' },
      { rule: 'url-whatsapp-link', id: 'button', severity: 'error', span: 'wa.me' },
    ]);
  });

  it('fix schemes in JSON and YAML without breaking the document', () => {
    const json = JSON.stringify({ name: 'x', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Caf\u00e9: visit www.example.com or http://example.org' }] });
    const fixed = lintAndFix(json, { rules, config: config(), format: 'json' });
    expect(JSON.parse(fixed.output).components[0].text).toBe('Café: visit https://www.example.com or https://example.org');

    const yaml = 'name: x\nlanguage: en\ncategory: UTILITY\ncomponents:\n  - type: BODY\n    text: "Visit www.example.com\\nor http://example.org"\n';
    const y = lintAndFix(yaml, { rules, config: config(), format: 'yaml' });
    expect(y.output).toContain('text: "Visit https://www.example.com\\nor https://example.org"');
  });

  it('accept a well-formed marketing template', () => {
    const text = JSON.stringify({
      name: 'summer_sale',
      language: 'en_US',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Hi {{1}}, our summer sale is on: https://shop.example.com/sale?utm_source=wa. Questions? help@example.com', example: { body_text: [['Ana']] } },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop now', url: 'https://shop.example.com/s/{{1}}', example: ['summer'] }] },
      ],
    });
    expect(run(text, 'json', { allowedDomains: ['example.com'] })).toEqual([]);
  });

  it('honour the team lists', () => {
    const text = JSON.stringify({ name: 'x', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Track: https://go.example.co/a1 or https://lnk.partner.example.net/b2' }] });
    expect(run(text, 'json', { brandedShortDomains: ['go.example.co'], shortenerDomains: ['partner.example.net'], allowedDomains: ['example.co'] })).toEqual([
      { rule: 'url-shortener', id: 'team', severity: 'warning', span: 'lnk.partner.example.net' },
    ]);
  });

  it('check URL buttons on carousel cards', () => {
    const card = (url: string) => ({ components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Card' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Open', url }] }] });
    const text = JSON.stringify({
      name: 'x',
      language: 'en',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Our picks' }, { type: 'CAROUSEL', cards: [card('https://example.com/{{1}}/a'), card('https://bit.ly/x')] }],
    });
    expect(run(text, 'json').map((m) => `${m.rule}:${m.id}:${m.span}`)).toEqual(['url-button-variable:notAtEnd:{{1}}', 'url-shortener:editor:bit.ly']);
  });

  it('do not report links in other fields twice or guess links in ordinary prose', () => {
    const text = JSON.stringify({
      name: 'x',
      language: 'en',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your invoice.pdf (v2.1) is attached, e.g. for Mr. Smith.Thanks! Ref no.12345. Reply to ana_lima@example.com.' }],
    });
    expect(run(text, 'json')).toEqual([]);
  });
});
