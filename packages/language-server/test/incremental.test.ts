import { TemplateCache, lintParsed, parseDocument, type ResolvedConfig, type Rule } from '@greenlight/core';
import { rulesById } from '@greenlight/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIncremental, type IncrementalStats } from '../src/incremental.js';

const template = (i: number) => ({
  name: `t_${i}`,
  language: 'en_US',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: `Hi {{1}}, caf\u00e9 "${i}"\nline`, example: { body_text: [['Ana']] } }],
});

const listText = (n: number, wrap: boolean) => JSON.stringify(wrap ? { data: Array.from({ length: n }, (_, i) => template(i)), paging: { next: 'x' } } : Array.from({ length: n }, (_, i) => template(i)), null, 2);

describe('parseIncremental', () => {
  it('gives exactly what a full parse gives, for any sequence of edits', () => {
    const total: IncrementalStats = { full: 0, incremental: 0 };
    // Mostly edits inside a text value (which keep the JSON valid), some anywhere (which may break it).
    const anywhere = fc.record({ safe: fc.constant(false), at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.constantFrom('', 'x', '\\n', '\\u00e9', '"', '{', '}', ', "k": 1', 'é😀', '\n  ', '[]') });
    const inText = fc.record({ safe: fc.constant(true), at: fc.nat(), del: fc.nat({ max: 2 }), ins: fc.constantFrom('', 'xyz', '\\n', '\\u00e9', '\\"', 'é😀', ' {{2}} ') });
    const edit = fc.oneof({ arbitrary: inText, weight: 4 }, { arbitrary: anywhere, weight: 1 });
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 25 }), (wrap, edits) => {
        let text = listText(6, wrap);
        let prev = parseDocument(text, 'json');
        const stats: IncrementalStats = { full: 0, incremental: 0 };
        for (const e of edits) {
          let at = e.at % (text.length + 1);
          let del = e.del;
          if (e.safe) {
            // Just after one of the "Hi " prefixes, deleting only plain letters.
            const starts: number[] = [];
            for (let i = text.indexOf('"Hi '); i >= 0; i = text.indexOf('"Hi ', i + 1)) starts.push(i + 4);
            if (starts.length === 0) continue;
            at = starts[e.at % starts.length]!;
            del = 0;
          }
          text = text.slice(0, at) + e.ins + text.slice(at + del);
          const inc = parseIncremental(text, 'json', prev, stats);
          const full = parseDocument(text, 'json');
          expect(inc.root).toEqual(full.root);
          expect(inc.problems).toEqual(full.problems);
          prev = inc;
        }
        total.full += stats.full;
        total.incremental += stats.incremental;
      }),
      { numRuns: 300 },
    );
    // The property means little unless the incremental path actually ran.
    expect(total.incremental).toBeGreaterThan(300);
  });

  it('with the TemplateCache, lints exactly like a full lint (findings and fixes of moved templates)', () => {
    const rules = ['name-format', 'variable-malformed'].map((id) => rulesById.get(id)).filter((r): r is Rule => !!r);
    expect(rules).toHaveLength(2);
    const config: ResolvedConfig = { baseDir: '/', files: [], rules: { 'name-format': { severity: 'error', options: undefined }, 'variable-malformed': { severity: 'error', options: undefined } }, business: {}, overrides: [], ignorePatterns: [] };
    const strip = (ms: ReturnType<typeof lintParsed>['messages']) => ms.map((m) => ({ id: m.ruleId, range: m.range, fix: m.fix, t: m.templateIndex }));
    fc.assert(
      fc.property(fc.array(fc.record({ which: fc.nat(), ins: fc.constantFrom('X', ' {1} ', 'é', '\\u00e9', '') }), { minLength: 1, maxLength: 15 }), (edits) => {
        let text = JSON.stringify(Array.from({ length: 8 }, (_, i) => ({ ...template(i), name: i % 2 ? `Bad ${i}` : `t_${i}` })), null, 2);
        const cache = new TemplateCache();
        let prev = parseDocument(text, 'json');
        lintParsed(prev, { rules, config, cache });
        for (const e of edits) {
          // Insert into a name or a body text, shifting every template after it.
          const anchors: number[] = [];
          for (let i = text.indexOf('"name": "'); i >= 0; i = text.indexOf('"name": "', i + 1)) anchors.push(i + 9);
          for (let i = text.indexOf('"Hi '); i >= 0; i = text.indexOf('"Hi ', i + 1)) anchors.push(i + 4);
          const at = anchors[e.which % anchors.length]!;
          text = text.slice(0, at) + e.ins + text.slice(at);
          prev = parseIncremental(text, 'json', prev);
          const got = lintParsed(prev, { rules, config, cache });
          cache.sweep();
          const want = lintParsed(parseDocument(text, 'json'), { rules, config });
          expect(strip(got.messages)).toEqual(strip(want.messages));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('parses an edit inside one template of a list incrementally', () => {
    const text = listText(50, false);
    const stats: IncrementalStats = { full: 0, incremental: 0 };
    let prev = parseIncremental(text, 'json', undefined, stats);
    const at = text.indexOf('t_20') + 2;
    const next = `${text.slice(0, at)}renamed_${text.slice(at)}`;
    prev = parseIncremental(next, 'json', prev, stats);
    expect(stats).toEqual({ full: 1, incremental: 1 });
    expect(prev.root).toEqual(parseDocument(next, 'json').root);
  });
});
