import { defineRule, textFields, type Placeholder } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { positionalIndex, variableTokens } from '../utils/variables.js';

const list = (ns: number[]) => ns.map((n) => `{{${n}}}`).join(', ');

export default defineRule({
  id: 'variable-sequence',
  description: 'Positional variables in each text are numbered 1 to N without gaps (in any order).',
  rationale:
    'Meta rejects a template whose positional variables skip a number or do not start at 1: `{{1}}, {{2}}, {{4}}` without `{{3}}` is Meta\'s own rejection example. The order in the text may vary, and each component (header, body, each URL) is numbered on its own. Renumbering also changes which example value belongs to which variable, so it is offered as a suggestion, not applied.',
  severity: 'error',
  family: 'variables',
  tags: ['variables'],
  evidence: { level: 'meta', sources: [SOURCES.S3, SOURCES.S24, SOURCES.B1] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    gap: 'The {field} uses {used} but not {missing}: positional variables must be numbered 1 to {count} without gaps.',
    renumber: 'Renumber the variables 1 to {count} (check the example values too)',
  },
  check(t, ctx) {
    for (const f of textFields(t)) {
      if (f.kind === 'button-text' || f.kind === 'button-phone') continue;
      const tokens = variableTokens(f.node.value)
        .map((p) => ({ p, n: positionalIndex(p) }))
        .filter((x): x is { p: Placeholder; n: number } => x.n !== undefined);
      if (tokens.length === 0) continue;
      const distinct = [...new Set(tokens.map((x) => x.n))].sort((a, b) => a - b);
      const count = distinct.length;
      const present = new Set(distinct);
      const max = distinct[count - 1]!;
      const missing: number[] = [];
      // Bounded: report at most a few missing numbers, even for `{{999}}`.
      for (let n = 1; n <= max && missing.length < 10; n++) if (!present.has(n)) missing.push(n);
      if (missing.length === 0) continue;
      const firstMissing = missing[0]!;
      // Point at the first variable past the gap: that is where the numbering went wrong.
      const culprit = tokens.find((x) => x.n > firstMissing)!;
      const mapping = new Map(distinct.map((n, i) => [n, i + 1]));
      const first = tokens[0]!.p;
      const last = tokens[tokens.length - 1]!.p;
      let renumbered = '';
      let cursor = first.start;
      for (const { p, n } of tokens) {
        renumbered += f.node.value.slice(cursor, p.start) + `{{${mapping.get(n)}}}`;
        cursor = p.end;
      }
      const fix = ctx.fixer.replaceInString(f.node, first.start, last.end, renumbered);
      ctx.report({
        messageId: 'gap',
        node: f.node,
        start: culprit.p.start,
        end: culprit.p.end,
        data: { field: f.kind.replace('button-url', 'URL').replace('-', ' '), used: list(distinct.filter((n) => n > firstMissing).slice(0, 5)), missing: list(missing), count },
        suggest: fix ? [{ message: `Renumber the variables 1 to ${count} (check the example values too)`, fix }] : [],
      });
    }
  },
  examples: {
    valid: [
      { title: 'In order', template: 'Hi {{1}}, your order {{2}} ships on {{3}}.' },
      { title: 'Any order in the text', template: 'Your order {{2}} for {{1}} ships on {{3}}, thank you.' },
      { title: 'Repeated variables are fine', template: 'Hi {{1}}, your order {{2}} is ready, {{1}}.' },
    ],
    invalid: [
      { title: 'A gap', template: 'Hi {{1}}, your order {{2}} ships on {{4}} from our store.', errors: ['gap'], spans: ['{{4}}'] },
      { title: 'Not starting at 1', template: 'Your order {{2}} ships on {{3}} from our store.', errors: ['gap'], spans: ['{{2}}'] },
      {
        title: 'Each component is numbered on its own',
        template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{2}}' }, { type: 'BODY', text: 'Hi {{1}}, your order ships today.' }] },
        errors: ['gap'], spans: ["{{2}}"],
      },
    ],
  },
});
