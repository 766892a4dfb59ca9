import { defineRule, type Placeholder, type StringNode } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { isNamedLike, positionalIndex, variableFields, variableTokens } from '../utils/variables.js';

interface Found {
  node: StringNode;
  p: Placeholder;
}

export default defineRule({
  id: 'variable-mixed-styles',
  description: 'A template uses one variable style: numbered (`{{1}}`) or named (`{{first_name}}`), matching its `parameter_format`.',
  rationale:
    'Meta reads variables as numbered or as named according to `parameter_format` (numbered when it is missing) and refuses templates that mix the two or use the other style. Named variables without `parameter_format: "named"` can only mean named format, so that fix is applied; URL buttons keep their `{{1}}` in either format and are not checked.',
  severity: 'error',
  family: 'variables',
  tags: ['variables'],
  evidence: { level: 'meta', sources: [SOURCES.S1, SOURCES.S31, SOURCES.B26] },
  fixable: 'fix',
  recommended: true,
  messages: {
    positionalInNamed: '{raw} is a numbered variable, but this template declares parameter_format "named"; use a name such as {{order_id}}.',
    namedInPositional: '{raw} is a named variable, but this template uses numbered variables (parameter_format "positional"); use {{1}}, {{2}}….',
    missingFormat: 'This template uses named variables such as {raw} but does not set parameter_format to "named".',
    mixed: '{raw} mixes styles: this template also uses {other} variables; use only one style.',
  },
  check(t, ctx) {
    const positional: Found[] = [];
    const named: Found[] = [];
    for (const f of variableFields(t)) {
      for (const p of variableTokens(f.node.value)) {
        if (positionalIndex(p) !== undefined) positional.push({ node: f.node, p });
        else if (isNamedLike(p)) named.push({ node: f.node, p });
      }
    }
    const report = (list: Found[], messageId: 'positionalInNamed' | 'namedInPositional' | 'mixed', other = '') => {
      for (const { node, p } of list) ctx.report({ messageId, node, start: p.start, end: p.end, data: { raw: p.raw, other } });
    };
    const declared = t.parameterFormatNode ? t.parameterFormat : undefined;
    if (declared === 'named') report(positional, 'positionalInNamed');
    else if (declared === 'positional') report(named, 'namedInPositional');
    else if (declared === undefined) {
      if (named.length && !positional.length) {
        const first = named[0]!;
        ctx.report({ messageId: 'missingFormat', node: first.node, start: first.p.start, end: first.p.end, data: { raw: first.p.raw }, fix: ctx.fixer.addProperty(t.node, 'parameter_format', 'named') });
      } else if (named.length && positional.length) {
        // Point at the style used less, which is the likelier slip.
        if (named.length <= positional.length) report(named, 'mixed', 'numbered');
        else report(positional, 'mixed', 'named');
      }
    }
  },
  examples: {
    valid: [
      { title: 'Numbered', template: 'Hi {{1}}, your order {{2}} has shipped.' },
      { title: 'Named', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order {{order_id}} has shipped.' }] } },
    ],
    invalid: [
      {
        title: 'Named variables without parameter_format',
        template: { components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.' }] },
        errors: ['missingFormat'], spans: ["{{first_name}}"],
        output: { components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.' }], parameter_format: 'named' },
      },
      { title: 'Both styles', template: 'Hi {{first_name}}, your order {{1}} ships on {{2}}.', errors: ['mixed'], spans: ['{{first_name}}'] },
      { title: 'Numbered in a named template', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order {{1}} has shipped.' }] }, errors: ['positionalInNamed'], spans: ["{{1}}"] },
      { title: 'Named in a positional template', template: { parameter_format: 'positional', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.' }] }, errors: ['namedInPositional'], spans: ["{{first_name}}"] },
    ],
  },
});
