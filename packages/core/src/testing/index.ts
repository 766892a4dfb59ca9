/**
 * Runs a rule's own examples. Every rule carries valid and invalid examples; they render into its
 * docs and run here as tests, so the docs can never show an example that does not behave as stated.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import { lint, lintAndFix, type LintMessage } from '../engine.js';
import type { ExampleInput, Rule, RuleExample } from '../rule.js';
import type { BusinessSettings } from '../config/schema.js';

export const EXAMPLE_SKELETON = { name: 'example_template', language: 'en_US', category: 'UTILITY' } as const;

/** Expands an example into a full template: a string is a body text; an object is merged on a skeleton. */
export function exampleTemplate(input: ExampleInput): Record<string, unknown> {
  if (typeof input === 'string') return { ...EXAMPLE_SKELETON, components: [{ type: 'BODY', text: input }] };
  if ('components' in input) return { ...EXAMPLE_SKELETON, ...input };
  // Fields other than top-level keys are treated as components of a body-only template.
  return { ...EXAMPLE_SKELETON, components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }], ...input };
}

export function exampleText(input: ExampleInput): string {
  return JSON.stringify(exampleTemplate(input), null, 2);
}

export function singleRuleConfig(rule: Rule, options?: Record<string, unknown>, settings?: Partial<BusinessSettings>): ResolvedConfig {
  return {
    baseDir: '/',
    files: [],
    rules: { [rule.id]: { severity: rule.severity, options } },
    business: settings ?? {},
    overrides: [],
    ignorePatterns: [],
  };
}

export function lintExample(rule: Rule, example: RuleExample): { text: string; messages: LintMessage[] } {
  const text = exampleText(example.template);
  const result = lint(text, { rules: [rule], config: singleRuleConfig(rule, example.options, example.settings), format: 'json' });
  return { text, messages: result.messages };
}

export interface ExampleFailure {
  rule: string;
  kind: 'valid' | 'invalid';
  index: number;
  problem: string;
}

/** Checks every example of a rule; returns what went wrong (empty when all pass). */
export function checkRuleExamples(rule: Rule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const fail = (kind: 'valid' | 'invalid', index: number, problem: string) => failures.push({ rule: rule.id, kind, index, problem });
  rule.examples.valid.forEach((ex, i) => {
    const { messages } = lintExample(rule, ex);
    if (messages.length) fail('valid', i, `expected no reports, got: ${messages.map((m) => `${m.messageId} (${m.message})`).join('; ')}`);
  });
  rule.examples.invalid.forEach((ex, i) => {
    const { text, messages } = lintExample(rule, ex);
    const got = messages.filter((m) => m.ruleId === rule.id);
    const ids = got.map((m) => m.messageId);
    if (JSON.stringify(ids) !== JSON.stringify(ex.errors)) fail('invalid', i, `expected ${JSON.stringify(ex.errors)}, got ${JSON.stringify(ids)}: ${got.map((m) => m.message).join('; ')}`);
    for (const id of ex.errors) if (!(id in rule.messages)) fail('invalid', i, `unknown messageId "${id}"`);
    if (ex.spans) {
      const spans = got.map((m) => text.slice(m.range.start, m.range.end));
      if (JSON.stringify(spans) !== JSON.stringify(ex.spans)) fail('invalid', i, `expected spans ${JSON.stringify(ex.spans)}, got ${JSON.stringify(spans)}`);
    }
    const fixable = got.some((m) => m.fix);
    if (ex.output !== undefined || fixable) {
      if (ex.output === undefined) {
        fail('invalid', i, 'the rule fixed this example but the example has no `output`');
        return;
      }
      const config = singleRuleConfig(rule, ex.options, ex.settings);
      const fixed = lintAndFix(text, { rules: [rule], config, format: 'json' });
      let actual: unknown;
      try {
        actual = JSON.parse(fixed.output);
      } catch {
        fail('invalid', i, `fix produced invalid JSON: ${fixed.output}`);
        return;
      }
      const expected = exampleTemplate(ex.output);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) fail('invalid', i, `fix output differs:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
      // Fixes must be idempotent: fixing the output again changes nothing.
      const again = lintAndFix(fixed.output, { rules: [rule], config, format: 'json' });
      if (again.output !== fixed.output) fail('invalid', i, 'fix is not idempotent');
    }
  });
  return failures;
}
