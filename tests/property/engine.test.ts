/**
 * Property tests: whatever the input, the parsers and the engine (with every built-in rule on)
 * do not throw, every range lies inside the document, and fixes are stable and keep files valid.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, lintAndFix, parseJson, parseYaml, resolveConfig, toPlain, type DocumentFormat, type LintResult } from '@greenlight/core';
import { builtinRules, presets } from '@greenlight/rules';
import { documentArb, mutate, mutationArb, toJson, toYaml, type YamlStringStyle } from './arbitraries.js';

const { config, problems } = resolveConfig(JSON.stringify({ rules: Object.fromEntries(builtinRules.map((r) => [r.id, r.severity])) }), '/p/greenlight.config.json', {
  rules: builtinRules,
  presets,
});
const opts = { rules: builtinRules, config, filePath: '/p/t.json' };
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

function checkRanges(text: string, result: LintResult): void {
  const inside = (r: { start: number; end: number }, what: string) => {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length)) {
      throw new Error(`${what} range ${JSON.stringify(r)} is outside the document (length ${text.length})`);
    }
  };
  for (const m of result.messages) {
    inside(m.range, `${m.ruleId}/${m.messageId}`);
    if (m.fix) inside(m.fix.range, `${m.ruleId} fix`);
    for (const s of m.suggestions ?? []) inside(s.fix.range, `${m.ruleId} suggestion`);
    for (const r of m.related ?? []) inside(r.range, `${m.ruleId} related`);
    // A rule that throws is turned into an "internal" message; that is a bug all the same.
    if (m.messageId === 'internal') throw new Error(m.message);
    expect(typeof m.message).toBe('string');
  }
}

function lintChecked(text: string, format: DocumentFormat): LintResult {
  const result = lint(text, { ...opts, format });
  checkRanges(text, result);
  return result;
}

const yamlStyle = fc.func<[string], YamlStringStyle>(fc.constantFrom('plain', 'single', 'double', 'literal'));
const jsonText = fc.tuple(documentArb, fc.constantFrom(0, 2, 4), fc.boolean()).map(([doc, indent, esc]) => toJson(doc, indent, esc));
const yamlText = fc.tuple(documentArb, yamlStyle).map(([doc, style]) => toYaml(doc, style));

describe('engine properties', () => {
  it('the config with every rule is valid', () => {
    expect(problems).toEqual([]);
  });

  it('random templates as JSON: no throw, ranges inside the document', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        lintChecked(text, 'json');
      }),
      { numRuns: RUNS },
    );
  });

  it('random templates as YAML parse back to the same value and lint safely', () => {
    fc.assert(
      fc.property(documentArb, yamlStyle, (doc, style) => {
        const text = toYaml(doc, style);
        const parsed = parseYaml(text);
        // The generator writes valid YAML; if it did not, the test would prove nothing.
        expect(parsed.problems).toEqual([]);
        expect(toPlain(parsed.root)).toEqual(JSON.parse(JSON.stringify(doc)));
        lintChecked(text, 'yaml');
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated JSON and YAML (broken syntax included): no throw, ranges inside the document', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText.map((t) => [t, 'json'] as const), yamlText.map((t) => [t, 'yaml'] as const)), mutationArb, ([text, format], edits) => {
        const broken = mutate(text, edits);
        lintChecked(broken, format);
        // The other parser must cope with it too.
        lintChecked(broken, format === 'json' ? 'yaml' : 'json');
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary JSON values and arbitrary strings: no throw in either parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expect(() => parseJson(text)).not.toThrow();
        expect(() => parseYaml(text)).not.toThrow();
        lintChecked(text, 'json');
        lintChecked(text, 'yaml');
      }),
      { numRuns: RUNS },
    );
  });

  it('fixes are idempotent and keep JSON valid', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const once = lintAndFix(text, { ...opts, format: 'json' });
        checkRanges(once.output, once.result);
        expect(() => JSON.parse(once.output)).not.toThrow();
        expect(parseJson(once.output).problems).toEqual([]);
        const twice = lintAndFix(once.output, { ...opts, format: 'json' });
        expect(twice.output).toBe(once.output);
      }),
      { numRuns: RUNS },
    );
  });

  it('fixes are idempotent and keep YAML valid', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const once = lintAndFix(text, { ...opts, format: 'yaml', filePath: '/p/t.yaml' });
        checkRanges(once.output, once.result);
        expect(parseYaml(once.output).problems).toEqual([]);
        const twice = lintAndFix(once.output, { ...opts, format: 'yaml', filePath: '/p/t.yaml' });
        expect(twice.output).toBe(once.output);
      }),
      { numRuns: RUNS },
    );
  });
});
