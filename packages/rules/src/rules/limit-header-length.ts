import { defineRule } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'limit-header-length',
  description: `A text header is at most ${LIMITS.headerText} characters long.`,
  rationale:
    'Meta refuses a text header over 60 characters (creation error 2388040). Variables count as the characters of their token (`{{1}}` is 5), and characters are counted as WhatsApp Manager counts them, so an emoji outside the basic plane counts as 2.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'header'],
  evidence: { level: 'meta', sources: [SOURCES.S2, SOURCES.B28] },
  recommended: true,
  messages: { tooLong: 'The header is {length} characters long; the limit is {max} ({over} over).' },
  check(t, ctx) {
    const h = t.header;
    if (!h?.text || (h.format !== undefined && h.format !== 'TEXT')) return;
    const over = overLimitReport(h.text, LIMITS.headerText);
    if (over) ctx.report({ messageId: 'tooLong', ...over });
  },
  examples: {
    valid: [{ title: 'A short header', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Your order is on its way' }, { type: 'BODY', text: 'Your order 123 has shipped.' }] } }],
    invalid: [
      {
        title: '61 characters',
        template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Your order from Example Shop is on its way to you right now!!' }, { type: 'BODY', text: 'Your order 123 has shipped.' }] },
        errors: ['tooLong'],
        spans: ['!'],
      },
      {
        title: 'An emoji counts as two',
        template: { components: [{ type: 'HEADER', format: 'TEXT', text: `${'a'.repeat(59)}🎉` }, { type: 'BODY', text: 'Your order 123 has shipped.' }] },
        errors: ['tooLong'],
        spans: ['🎉'],
      },
    ],
  },
});
