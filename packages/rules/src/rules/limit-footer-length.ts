import { defineRule } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'limit-footer-length',
  description: `The footer is at most ${LIMITS.footerText} characters long.`,
  rationale: 'Meta refuses a footer over 60 characters (creation error 2388040). Characters are counted as WhatsApp Manager counts them.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'footer'],
  evidence: { level: 'meta', sources: [SOURCES.S2, SOURCES.B28] },
  recommended: true,
  messages: { tooLong: 'The footer is {length} characters long; the limit is {max} ({over} over).' },
  check(t, ctx) {
    if (!t.footer?.text) return;
    const over = overLimitReport(t.footer.text, LIMITS.footerText);
    if (over) ctx.report({ messageId: 'tooLong', ...over });
  },
  examples: {
    valid: [{ title: 'A short footer', template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'FOOTER', text: 'Example Shop Ltd.' }] } }],
    invalid: [
      {
        title: '63 characters',
        template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'FOOTER', text: 'Reply STOP to unsubscribe from these order updates at any time.' }] },
        errors: ['tooLong'],
        spans: ['me.'],
      },
    ],
  },
});
