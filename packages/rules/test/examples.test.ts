import { checkRuleExamples } from '@greenlight/core/testing';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/index.js';

describe.each(builtinRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has valid and invalid examples', () => {
    expect(rule.examples.valid.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
  });
  it('states the exact underlined text of every invalid example', () => {
    // Without `spans` an example checks only which messages appear, not where they land.
    expect(rule.examples.invalid.filter((ex) => !ex.spans).map((ex) => ex.title)).toEqual([]);
  });
  it('behaves as its examples say', () => {
    expect(checkRuleExamples(rule)).toEqual([]);
  });
  it('cites at least one source', () => {
    expect(rule.evidence.sources.length).toBeGreaterThan(0);
    for (const s of rule.evidence.sources) expect(s.url).toMatch(/^https:\/\//);
  });
});
