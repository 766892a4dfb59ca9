import { describe, expect, it } from 'vitest';
import { parseYaml, readTemplates, sourceRange, textFields } from '../src/index.js';

function check(text: string) {
  const doc = parseYaml(text);
  expect(doc.problems).toEqual([]);
  const t = readTemplates(doc.root).templates[0]!;
  // Every word of every field must map back onto the same characters in the source.
  for (const f of textFields(t)) {
    const v = f.node.value;
    const re = /[^\s"'\\]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(v))) {
      const r = sourceRange(f.node, m.index, m.index + m[0].length);
      expect(text.slice(r.start, r.end)).toBe(m[0]);
    }
  }
  return t;
}

describe('YAML scalars keep exact source offsets', () => {
  it('plain, quoted, literal and folded scalars', () => {
    const t = check(`name: promo
category: UTILITY
components:
  - type: HEADER
    format: TEXT
    text: Plain header that
      folds onto two lines
  - type: BODY
    text: |
      Hello {{1}},
      your order is on its way.

      Get 20% off next time!
  - type: FOOTER
    text: "Reply \\"STOP\\" to opt out"
  - type: BUTTONS
    buttons:
      - type: URL
        text: 'It''s here'
        url: >-
          https://example.com/track/{{1}}
`);
    expect(t.body?.text?.value).toBe('Hello {{1}},\nyour order is on its way.\n\nGet 20% off next time!\n');
    expect(t.header?.text?.value).toBe('Plain header that folds onto two lines');
    expect(t.footer?.text?.value).toBe('Reply "STOP" to opt out');
    expect(t.buttons[0]?.text?.value).toBe("It's here");
  });
  it('several documents are a list of templates', () => {
    const doc = parseYaml('name: a\ncomponents: []\n---\nname: b\ncomponents: []\n');
    expect(readTemplates(doc.root).templates.map((t) => t.name?.value)).toEqual(['a', 'b']);
  });
  it('reports syntax errors with positions and never throws', () => {
    const doc = parseYaml('name: a\ncomponents:\n  - type: BODY\n   text: bad indent\n');
    expect(doc.problems.length).toBeGreaterThan(0);
    for (const s of ['', ':', '- - -', '{', '"', 'a: [1, 2', '\t\t:', 'key: *alias']) expect(() => parseYaml(s)).not.toThrow();
  });
});
