import { describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import { applyFixes, createFixer, parseJson, parseYaml, readTemplates, type Fix } from '../src/index.js';

const jsonDoc = `{
  "name": "promo",
  "category": "MARKETING",
  "components": [
    {
      "type": "BODY",
      "text": "Caf\\u00e9 sale\\nnow"
    }
  ]
}`;

const yamlDoc = `name: promo
category: MARKETING
components:
  - type: BODY
    text: "Big sale now"
  - type: BUTTONS
    buttons:
      - type: URL
        text: Shop
        url: https://example.com
`;

const apply = (text: string, fix: Fix | null) => {
  expect(fix).not.toBeNull();
  return applyFixes(text, [fix!]).output;
};

describe('fixer on JSON', () => {
  const doc = parseJson(jsonDoc);
  const t = readTemplates(doc.root).templates[0]!;
  const fixer = createFixer(jsonDoc, 'json');

  it('replaces inside an escaped string and re-escapes', () => {
    const body = t.body!.text!;
    const i = body.value.indexOf('sale');
    const out = apply(jsonDoc, fixer.replaceInString(body, i, i + 4, 'new "menu"\n'));
    expect(JSON.parse(out).components[0].text).toBe('Café new "menu"\n\nnow');
  });
  it('appends a component with matching indentation', () => {
    const out = apply(jsonDoc, fixer.appendItem(t.componentsNode!, { type: 'FOOTER', text: 'Reply STOP to opt out' }));
    expect(JSON.parse(out).components[1]).toEqual({ type: 'FOOTER', text: 'Reply STOP to opt out' });
    expect(out).toContain('    },\n    {\n      "type": "FOOTER",');
  });
  it('adds a property and replaces a value', () => {
    const out = apply(jsonDoc, fixer.addProperty(t.node, 'parameter_format', 'positional'));
    expect(JSON.parse(out).parameter_format).toBe('positional');
    const out2 = apply(jsonDoc, fixer.replaceValue(t.categoryNode!, 'UTILITY'));
    expect(JSON.parse(out2).category).toBe('UTILITY');
  });
  it('removes an item', () => {
    const text = '{"components":[{"type":"BODY","text":"a"},{"type":"FOOTER","text":"b"},{"type":"HEADER","text":"c"}]}';
    const tt = readTemplates(parseJson(text).root).templates[0]!;
    const f = createFixer(text, 'json');
    expect(JSON.parse(apply(text, f.removeItem(tt.componentsNode!, 1))).components.map((c: { type: string }) => c.type)).toEqual(['BODY', 'HEADER']);
    expect(JSON.parse(apply(text, f.removeItem(tt.componentsNode!, 2))).components.map((c: { type: string }) => c.type)).toEqual(['BODY', 'FOOTER']);
  });
});

describe('fixer on YAML', () => {
  const doc = parseYaml(yamlDoc);
  const t = readTemplates(doc.root).templates[0]!;
  const fixer = createFixer(yamlDoc, 'yaml');

  it('appends to block sequences and keeps YAML valid', () => {
    const out = apply(yamlDoc, fixer.appendItem(t.buttonsComponent!.buttonsNode!, { type: 'QUICK_REPLY', text: 'Stop promotions' }));
    expect(parseYamlText(out).components[1].buttons[1]).toEqual({ type: 'QUICK_REPLY', text: 'Stop promotions' });
    const out2 = apply(yamlDoc, fixer.appendItem(t.componentsNode!, { type: 'FOOTER', text: 'Reply STOP to opt out' }));
    expect(parseYamlText(out2).components[2]).toEqual({ type: 'FOOTER', text: 'Reply STOP to opt out' });
  });
  it('edits inside quoted and plain scalars', () => {
    const body = t.body!.text!;
    const out = apply(yamlDoc, fixer.replaceInString(body, 4, 8, 'winter "deal"'));
    expect(parseYamlText(out).components[0].text).toBe('Big winter "deal" now');
    const url = t.buttons[0]!.url!;
    const out2 = apply(yamlDoc, fixer.replaceInString(url, 0, 5, 'http'));
    expect(parseYamlText(out2).components[1].buttons[0].url).toBe('http://example.com');
    // A plain scalar that cannot hold the new text safely is re-quoted as a whole.
    const out3 = apply(yamlDoc, fixer.replaceInString(t.buttons[0]!.text!, 0, 4, 'Shop: now #1'));
    expect(parseYamlText(out3).components[1].buttons[0].text).toBe('Shop: now #1');
  });
  it('adds a property to a block mapping', () => {
    const out = apply(yamlDoc, fixer.addProperty(t.node, 'language', 'en_US'));
    expect(parseYamlText(out).language).toBe('en_US');
  });
  it('never joins lines when editing a block scalar across a line break', () => {
    const text = 'components:\n  - type: BODY\n    text: |\n      Hi,\n\n\n\n      bye\n  - type: FOOTER\n    text: >\n      Example Inc.\n';
    const bt = readTemplates(parseYaml(text).root).templates[0]!;
    const f = createFixer(text, 'yaml');
    const body = bt.body!.text!;
    // Collapsing the blank lines needs a line break in the replacement: the scalar is re-quoted.
    const out = apply(text, f.replaceInString(body, 3, 7, '\n\n'));
    expect(parseYamlText(out).components).toEqual([{ type: 'BODY', text: 'Hi,\n\nbye\n' }, { type: 'FOOTER', text: 'Example Inc.\n' }]);
    // Dropping the final line break spans the line that ends the scalar: also re-quoted, never glued to the next key.
    const footer = bt.footer!.text!;
    const out2 = apply(text, f.replaceInString(footer, footer.value.length - 1, footer.value.length, ''));
    expect(parseYamlText(out2).components[1]).toEqual({ type: 'FOOTER', text: 'Example Inc.' });
    // An edit within one line stays in place.
    const out3 = apply(text, f.replaceInString(body, 0, 2, 'Hello'));
    expect(out3).toContain('      Hello,\n');
    expect(parseYamlText(out3).components[0].text).toBe('Hello,\n\n\n\nbye\n');
  });
});
