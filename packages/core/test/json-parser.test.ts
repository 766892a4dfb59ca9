import { describe, expect, it } from 'vitest';
import { parseJson, readTemplates, sourceRange, type StringNode } from '../src/index.js';

function bodyOf(text: string): StringNode {
  const doc = parseJson(text);
  const t = readTemplates(doc.root).templates[0]!;
  return t.body!.text!;
}

/** The source text under the range of `word` in the decoded body. */
function underline(text: string, word: string, nth = 0): string {
  const body = bodyOf(text);
  let i = -1;
  for (let k = 0; k <= nth; k++) i = body.value.indexOf(word, i + 1);
  const r = sourceRange(body, i, i + word.length);
  return text.slice(r.start, r.end);
}

describe('JSON strings keep exact source offsets', () => {
  it('after \\n escapes', () => {
    const text = String.raw`{"components":[{"type":"BODY","text":"Line one\nLine two\n\nget 20% off"}]}`;
    expect(bodyOf(text).value).toBe('Line one\nLine two\n\nget 20% off');
    expect(underline(text, 'get 20% off')).toBe('get 20% off');
    expect(underline(text, 'two\n')).toBe(String.raw`two\n`);
  });
  it('after \\" and \\u escapes', () => {
    const text = String.raw`{"components":[{"type":"BODY","text":"Caf\u00e9 \"Lume\" sale today"}]}`;
    expect(bodyOf(text).value).toBe('Café "Lume" sale today');
    expect(underline(text, 'sale')).toBe('sale');
    expect(underline(text, 'é')).toBe(String.raw`\u00e9`);
    expect(underline(text, '"Lume"')).toBe(String.raw`\"Lume\"`);
  });
  it('with surrogate pairs written raw and escaped', () => {
    const text = String.raw`{"components":[{"type":"BODY","text":"😀 \ud83c\udf89 offer"}]}`;
    const body = bodyOf(text);
    expect(body.value).toBe('😀 🎉 offer');
    expect(underline(text, '🎉')).toBe(String.raw`\ud83c\udf89`);
    expect(underline(text, 'offer')).toBe('offer');
    expect(underline(text, '😀')).toBe('😀');
  });
  it('a zero-length slice maps to a point', () => {
    const text = '{"components":[{"type":"BODY","text":"a\\nb"}]}';
    const body = bodyOf(text);
    const r = sourceRange(body, 2, 2);
    expect(r.start).toBe(r.end);
    expect(text[r.start]).toBe('b');
  });
});

describe('JSON syntax errors', () => {
  it('become problems at the right position and the rest is still read', () => {
    const text = '{"name": "a", "category": "UTILITY" "components": [{"type": "BODY", "text": "Hi"}]}';
    const doc = parseJson(text);
    expect(doc.problems.length).toBeGreaterThan(0);
    expect(doc.problems[0]!.message).toMatch(/","/);
    expect(text.slice(doc.problems[0]!.range.start).startsWith('"components"')).toBe(true);
    const t = readTemplates(doc.root).templates[0]!;
    expect(t.name?.value).toBe('a');
  });
  it('never throws on garbage', () => {
    for (const s of ['', '{', '[', '"', '{"a":', '\u0000\u0001', '{"components":[{"text":"\\u12"}]}', '}}}{{{']) {
      expect(() => parseJson(s)).not.toThrow();
    }
  });
});

describe('template shapes', () => {
  it('reads one object, an array and a Graph API data page', () => {
    const one = '{"name":"a","components":[]}';
    const arr = '[{"name":"a","components":[]},{"name":"b","components":[]}]';
    const page = '{"data":[{"name":"a","components":[]},{"name":"b","components":[]}],"paging":{"cursors":{}}}';
    expect(readTemplates(parseJson(one).root).templates.map((t) => t.name?.value)).toEqual(['a']);
    expect(readTemplates(parseJson(arr).root).templates.map((t) => t.name?.value)).toEqual(['a', 'b']);
    expect(readTemplates(parseJson(page).root).templates.map((t) => [t.name?.value, t.index])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });
  it('normalises lower-case types like Meta examples use', () => {
    const t = readTemplates(parseJson('{"name":"a","category":"authentication","components":[{"type":"body"},{"type":"buttons","buttons":[{"type":"otp","otp_type":"copy_code"}]}]}').root).templates[0]!;
    expect(t.category).toBe('AUTHENTICATION');
    expect(t.body?.type).toBe('BODY');
    expect(t.buttons[0]?.otpType).toBe('COPY_CODE');
  });
});
