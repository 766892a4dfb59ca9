import { defineRule, textFields, type Placeholder } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { repairToken, variableTokens } from '../utils/variables.js';

type Id = 'singleBraces' | 'unbalanced' | 'innerSpace' | 'leadingZero' | 'zero' | 'special' | 'empty' | 'unrepairable';

function messageFor(p: Placeholder, hasRepair: boolean): Id {
  switch (p.problem) {
    case 'single-braces':
      return hasRepair ? 'singleBraces' : 'unrepairable';
    case 'unbalanced-braces':
      return hasRepair ? 'unbalanced' : 'unrepairable';
    case 'inner-space':
      return hasRepair ? 'innerSpace' : 'unrepairable';
    case 'leading-zero':
      return hasRepair ? 'leadingZero' : 'zero';
    case 'empty':
      return 'empty';
    default:
      return 'special';
  }
}

export default defineRule({
  id: 'variable-malformed',
  description: 'Variables are written `{{1}}` or `{{name}}`: two braces on each side, a number from 1 or a name, nothing else.',
  rationale:
    'Meta reads only `{{` + a whole number or a lowercase name + `}}` as a variable and rejects templates with missing or mismatched braces or special characters inside (`{{#1}}`, `{{1%}}`). Near misses such as `{1}`, `{{1}`, `{{ 1 }}` or `{{01}}` have one obvious meaning and are fixed; a name in single braces may be meant literally and is only suggested. Upper-case and over-long names are reported by variable-named-format.',
  severity: 'error',
  family: 'variables',
  tags: ['variables'],
  evidence: { level: 'meta', sources: [SOURCES.S3, SOURCES.S24, SOURCES.B1] },
  fixable: 'fix',
  recommended: true,
  messages: {
    singleBraces: 'Variables take two braces on each side: write "{fixed}" instead of "{raw}".',
    unbalanced: '"{raw}" has unbalanced braces; write "{fixed}".',
    innerSpace: '"{raw}" has spaces inside the braces; write "{fixed}".',
    leadingZero: '"{raw}" has a leading zero; write "{fixed}".',
    zero: '"{raw}" is not a variable: positional variables are numbered from 1.',
    special: '"{raw}" is not a valid variable: use a number ("{positional}") or a lowercase name with letters, digits and "_" ("{named}").',
    empty: '"{raw}" is an empty variable.',
    unrepairable: '"{raw}" is not a valid variable: write two braces on each side of a number or a lowercase name.',
  },
  check(t, ctx) {
    for (const f of textFields(t)) {
      for (const p of variableTokens(f.node.value)) {
        if (p.kind !== 'malformed' || p.problem === 'uppercase' || p.problem === 'too-long') continue;
        const repair = repairToken(p);
        const messageId = messageFor(p, Boolean(repair) && p.problem !== 'special-characters');
        const change = repair ? ctx.fixer.replaceInString(f.node, p.start, p.end, repair.text) : null;
        const soft = p.problem === 'inner-space' || p.problem === 'leading-zero';
        ctx.report({
          messageId,
          node: f.node,
          start: p.start,
          end: p.end,
          data: { raw: p.raw, fixed: repair?.text ?? '', positional: '{{1}}', named: '{{first_name}}' },
          ...(soft && repair ? { severity: 'warning' as const } : {}),
          fix: repair?.certain ? change : null,
          suggest: repair && !repair.certain && change ? [{ message: `Write "${repair.text}"`, fix: change }] : [],
        });
      }
    }
  },
  examples: {
    valid: [
      { title: 'Positional', template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ana', '123']] } }] } },
      { title: 'Literal braces around words are text', template: 'Reply with your choice {see the list above} to continue.' },
    ],
    invalid: [
      { title: 'Single braces', template: 'Hi {1}, your order has shipped.', errors: ['singleBraces'], spans: ['{1}'], output: 'Hi {{1}}, your order has shipped.' },
      { title: 'A missing brace', template: 'Hi {{1}, your order has shipped.', errors: ['unbalanced'], spans: ['{{1}'], output: 'Hi {{1}}, your order has shipped.' },
      { title: 'Spaces inside', template: 'Hi {{ 1 }}, your order has shipped.', errors: ['innerSpace'], spans: ["{{ 1 }}"], output: 'Hi {{1}}, your order has shipped.' },
      { title: 'A leading zero', template: 'Hi {{01}}, your order has shipped.', errors: ['leadingZero'], spans: ["{{01}}"], output: 'Hi {{1}}, your order has shipped.' },
      { title: 'Three braces', template: 'Hi {{{1}}}, your order has shipped.', errors: ['unbalanced'], spans: ['{{{1}}}'], output: 'Hi {{1}}, your order has shipped.' },
      { title: 'Numbering starts at 1', template: 'Hi {{0}}, your order has shipped.', errors: ['zero'], spans: ["{{0}}"] },
      { title: 'Special characters', template: 'Your total is {{$1}} for this month.', errors: ['special'], spans: ['{{$1}}'] },
      { title: 'A name in single braces is only suggested', template: 'Hi {name}, your order has shipped.', errors: ['singleBraces'], spans: ["{name}"] },
      { title: 'Empty', template: 'Hi {{}}, your order has shipped.', errors: ['empty'], spans: ["{{}}"] },
    ],
  },
});
