import { defineRule, NAMED_MAX_LENGTH, z } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { isNamedLike, toVariableName, variableFields, variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-named-format',
  description: 'Named variables are lowercase, at most 32 characters, and each appears once per text.',
  rationale:
    'WhatsApp Manager accepts named variables made of lowercase letters, digits and underscores, blocks upper-case letters and names over 32 characters, and blocks the same name used twice in one text. Renaming a variable also means renaming its example, so corrections are suggestions.',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'named'],
  evidence: { level: 'editor', sources: [SOURCES.S1, SOURCES.B26] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    uppercase: '{raw} has upper-case letters; named variables are lowercase, e.g. {suggestion}.',
    tooLong: 'The variable name "{name}" is {length} characters long; the limit is {max}.',
    duplicate: '{raw} appears more than once in the {field}; each named variable may appear once.',
  },
  options: z
    .object({ maxLength: z.number().int().min(1).max(NAMED_MAX_LENGTH).default(NAMED_MAX_LENGTH).describe('Longest variable name allowed (some providers allow only 20).') })
    .strict(),
  check(t, ctx) {
    for (const f of variableFields(t)) {
      const seen = new Set<string>();
      for (const p of variableTokens(f.node.value)) {
        if (!isNamedLike(p)) continue;
        if (p.problem === 'uppercase') {
          const name = toVariableName(p.inner);
          const suggestion = name ? `{{${name}}}` : '{{first_name}}';
          const fix = name ? ctx.fixer.replaceInString(f.node, p.start, p.end, suggestion) : null;
          ctx.report({ messageId: 'uppercase', node: f.node, start: p.start, end: p.end, data: { raw: p.raw, suggestion }, suggest: fix ? [{ message: `Rename to ${suggestion} (and its example)`, fix }] : [] });
        }
        if (p.inner.length > ctx.options.maxLength) {
          ctx.report({ messageId: 'tooLong', node: f.node, start: p.start, end: p.end, data: { name: p.inner, length: p.inner.length, max: ctx.options.maxLength } });
        }
        if (seen.has(p.inner)) ctx.report({ messageId: 'duplicate', node: f.node, start: p.start, end: p.end, data: { raw: p.raw, field: f.kind.replace('-', ' ') } });
        seen.add(p.inner);
      }
    }
  },
  examples: {
    valid: [{ title: 'Lowercase names', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order {{order_id}} has shipped.' }] } }],
    invalid: [
      { title: 'Camel case', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{firstName}}, your order has shipped.' }] }, errors: ['uppercase'], spans: ['{{firstName}}'] },
      {
        title: 'Too long',
        template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Your order {{the_customer_order_reference_number_x}} has shipped.' }] },
        errors: ['tooLong'], spans: ["{{the_customer_order_reference_number_x}}"],
      },
      { title: 'A team limit of 20', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Your order {{customer_order_reference}} has shipped.' }] }, options: { maxLength: 20 }, errors: ['tooLong'], spans: ["{{customer_order_reference}}"] },
      { title: 'Used twice', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, thanks {{first_name}} for your order.' }] }, errors: ['duplicate'], spans: ["{{first_name}}"] },
    ],
  },
});
