import { defineRule } from '@greenlight/core';
import { LIMITS } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';
import { variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-header-count',
  description: 'A text header has at most one variable.',
  rationale: 'Meta allows one variable in a text header; WhatsApp Manager blocks a second one ("more than one parameter"). Move the extra values into the body.',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'header'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  recommended: true,
  messages: { tooMany: 'The header has {count} variables; a header can have at most {max}. Move {raw} into the body.' },
  check(t, ctx) {
    const h = t.header;
    if (!h?.text || (h.format !== undefined && h.format !== 'TEXT')) return;
    const tokens = variableTokens(h.text.value);
    if (tokens.length <= LIMITS.headerVariables) return;
    const extra = tokens.slice(LIMITS.headerVariables);
    ctx.report({
      messageId: 'tooMany',
      node: h.text,
      start: extra[0]!.start,
      end: extra[extra.length - 1]!.end,
      data: { count: tokens.length, max: LIMITS.headerVariables, raw: extra.map((p) => p.raw).join(', ') },
    });
  },
  examples: {
    valid: [{ title: 'One variable', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['SK-4821'] } }, { type: 'BODY', text: 'Your order has shipped.' }] } }],
    invalid: [
      {
        title: 'Two variables',
        template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}} for {{2}}', example: { header_text: ['SK-4821', 'Ana'] } }, { type: 'BODY', text: 'Your order has shipped.' }] },
        errors: ['tooMany'],
        spans: ['{{2}}'],
      },
    ],
  },
});
