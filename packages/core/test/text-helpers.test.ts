import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksOf, countWords, findPlaceholders, sourceOffset, type StringNode } from '../src/index.js';
import { decodeJsonString } from '../src/parsers/json.js';

// The definition countWords implements without a regex: a word starts with a letter or digit and
// runs on through letters, marks, digits, apostrophes and hyphens; Thai counts 7 characters a word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;
const THAI = /[\u0E00-\u0E7F]/g;
function reference(text: string): number {
  const thai = text.match(THAI)?.length ?? 0;
  const rest = thai ? text.replace(THAI, ' ') : text;
  return (rest.match(WORD)?.length ?? 0) + Math.ceil(thai / 7);
}

describe('countWords', () => {
  it('counts words as the editor approximates them', () => {
    // The 1 of {{1}} is a word here; staticWordCount masks variables first.
    expect(countWords('Hi {{1}}, your order’s on its way — track it: e-mail us!')).toBe(11);
    expect(countWords('नमस्ते, आपका ऑर्डर भेज दिया गया है।')).toBe(7);
    expect(countWords('สวัสดีครับ')).toBe(2);
    expect(countWords('')).toBe(0);
  });
  it('agrees with the regex definition on any text', () => {
    const piece = fc.constantFrom('a', 'Z', '9', 'é', '\u0301', "'", '’', '-', ' ', '\n', '.', 'ก', 'า', '𝒜', '😀', '\uD800', '\uDC00', 'न', 'ि', '٣', '_', 'ж', '\u200D');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), (t) => {
        expect(countWords(t)).toBe(reference(t));
      }),
      { numRuns: 2000 },
    );
  });
  it('reads gaps (variables) exactly as if they were spaces', () => {
    const piece = fc.constantFrom('a', 'é', ' ', '-', 'ก', '😀', '\uD800', '{{1}}', '{{name}}', '{1}', '{{', '}}', 'x{{2}}y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (t) => {
        const gaps = findPlaceholders(t);
        let masked = '';
        let cursor = 0;
        for (const g of gaps) {
          masked += t.slice(cursor, g.start) + ' '.repeat(g.end - g.start);
          cursor = g.end;
        }
        masked += t.slice(cursor);
        expect(countWords(t, gaps)).toBe(countWords(masked));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findPlaceholders', () => {
  it('describes each token with exactly the fields that apply', () => {
    const t = (raw: string) => findPlaceholders(`x ${raw} y`)[0];
    expect(t('{{1}}')).toStrictEqual({ start: 2, end: 7, raw: '{{1}}', inner: '1', kind: 'positional', index: 1 });
    expect(t('{{ 2 }}')).toStrictEqual({ start: 2, end: 9, raw: '{{ 2 }}', inner: '2', kind: 'malformed', problem: 'inner-space', index: 2 });
    expect(t('{{ ab }}')).toStrictEqual({ start: 2, end: 10, raw: '{{ ab }}', inner: 'ab', kind: 'malformed', problem: 'inner-space' });
    expect(t('{{03}}')).toStrictEqual({ start: 2, end: 8, raw: '{{03}}', inner: '03', kind: 'malformed', problem: 'leading-zero', index: 3 });
    expect(t('{{first_name}}')).toStrictEqual({ start: 2, end: 16, raw: '{{first_name}}', inner: 'first_name', kind: 'named' });
    expect(t('{{Name}}')).toMatchObject({ kind: 'malformed', problem: 'uppercase' });
    expect(t('{1}')).toMatchObject({ kind: 'malformed', problem: 'single-braces' });
    expect(t('{{1}')).toMatchObject({ kind: 'malformed', problem: 'unbalanced-braces' });
    expect(t('{{}}')).toMatchObject({ kind: 'malformed', problem: 'empty' });
    expect(t('{{#1}}')).toMatchObject({ kind: 'malformed', problem: 'special-characters' });
    expect(t(`{{${'a'.repeat(33)}}}`)).toMatchObject({ kind: 'malformed', problem: 'too-long' });
    expect(t('{{{1}}}')).toMatchObject({ start: 2, end: 9, kind: 'malformed', problem: 'unbalanced-braces' });
  });
});

describe('findPlaceholders memo', () => {
  it('returns the same tokens for the same text, and fresh ones for another', () => {
    const a = findPlaceholders('Hi {{1}}, code {{2}}');
    expect(findPlaceholders('Hi {{1}}, code {{2}}')).toEqual(a);
    for (let i = 0; i < 40; i++) findPlaceholders(`filler {{${i + 1}}}`);
    expect(findPlaceholders('Hi {{1}}, code {{2}}').map((p) => p.raw)).toEqual(['{{1}}', '{{2}}']);
    expect(findPlaceholders('no variables')).toEqual([]);
  });
});

describe('decodeJsonString', () => {
  const offsetsOf = (value: string, breaks: Int32Array | null, contentStart: number) => {
    const node: StringNode = { kind: 'string', value, style: 'json', breaks, contentStart, range: { start: contentStart - 1, end: contentStart + value.length + 1 } };
    return Array.from({ length: value.length + 1 }, (_, i) => sourceOffset(node, i));
  };
  it('decodes escapes and maps every value unit to its source offset', () => {
    const src = '"a\\nb\\u00e9\\"c\\q"';
    const { value, breaks } = decodeJsonString(src, 1, src.length - 1);
    expect(value).toBe('a\nbé"c\\q');
    // a, \n, b, \u00e9, \", c, the kept backslash of the invalid \q, q, then the content end.
    expect(offsetsOf(value, breaks, 1)).toEqual([1, 2, 4, 5, 11, 13, 14, 15, 16]);
    // Two pairs per escape, none for the verbatim runs.
    expect(breaks!.length).toBe(12);
  });
  it('maps a long text with few escapes through a few pairs', () => {
    const body = `${'word '.repeat(200)}\\n${'more '.repeat(100)}`;
    const src = `"${body}"`;
    const { value, breaks } = decodeJsonString(src, 1, src.length - 1);
    expect(breaks!.length).toBe(4);
    const offsets = offsetsOf(value, breaks, 1);
    expect(value[1000]).toBe('\n');
    expect(offsets[999]).toBe(1000);
    expect(offsets[1000]).toBe(1001);
    expect(offsets[1001]).toBe(1003);
    expect(offsets[value.length]).toBe(src.length - 1);
  });
  it('maps like a per-character offset table, escapes valid, invalid or cut off', () => {
    // Reference: the source offset of every decoded unit, walked character by character.
    const reference = (text: string, contentStart: number, contentEnd: number) => {
      const out: number[] = [];
      let i = contentStart;
      while (i < contentEnd) {
        const next = text[i + 1];
        let width = 0;
        if (text[i] === '\\' && next === 'u' && i + 6 <= contentEnd && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) width = 6;
        else if (text[i] === '\\' && next !== undefined && i + 2 <= contentEnd && '"\\/bfnrt'.includes(next)) width = 2;
        out.push(i);
        i += width || 1;
      }
      out.push(contentEnd);
      return out;
    };
    const piece = fc.constantFrom('a', 'é', '\\n', '\\"', '\\u00e9', '\\uZZ', '\\x', '\\', 'b c', '\\\\', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = `"${pieces.join('')}"`;
        const { value, breaks } = decodeJsonString(text, 1, text.length - 1);
        expect(offsetsOf(value, breaks, 1)).toEqual(reference(text, 1, text.length - 1));
      }),
      { numRuns: 3000 },
    );
  });
  it('copies a string without escapes and needs no breaks', () => {
    expect(decodeJsonString('"plain"', 1, 6)).toEqual({ value: 'plain', breaks: null });
  });
});

describe('breaksOf', () => {
  it('reproduces any offset table exactly', () => {
    const table = Int32Array.from([10, 11, 12, 20, 20, 21, 30, 31]);
    const breaks = breaksOf(table, 10);
    expect([...breaks!]).toEqual([3, 20, 4, 20, 6, 30]);
    const node: StringNode = { kind: 'string', value: 'x'.repeat(7), style: 'yaml-double', breaks, contentStart: 10, range: { start: 9, end: 32 } };
    expect(Array.from({ length: 8 }, (_, i) => sourceOffset(node, i))).toEqual([...table]);
    expect(breaksOf(Int32Array.from([5, 6, 7]), 5)).toBeNull();
  });
});
