import { defineRule, type Button } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'limit-button-text-length',
  description: `A button label is at most ${LIMITS.buttonText} characters long.`,
  rationale:
    'Button labels are at most 25 characters (creation error 2388040 above that). This covers quick replies, links, phone buttons, one-time-password buttons and the buttons on carousel cards.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'buttons'],
  evidence: { level: 'meta', sources: [SOURCES.S2, SOURCES.S16, SOURCES.S17, SOURCES.B28] },
  recommended: true,
  messages: { tooLong: 'The button label is {length} characters long; the limit is {max} ({over} over).' },
  check(t, ctx) {
    const buttons: Button[] = [...t.buttons];
    for (const c of t.components) for (const card of c.cards) for (const cc of card) buttons.push(...cc.buttons);
    for (const b of buttons) {
      if (!b.text) continue;
      const over = overLimitReport(b.text, LIMITS.buttonText);
      if (over) ctx.report({ messageId: 'tooLong', ...over });
    }
  },
  examples: {
    valid: [{ title: 'Short labels', template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track my order' }] }] } }],
    invalid: [
      {
        title: '29 characters',
        template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track my order on the website' }] }] },
        errors: ['tooLong'],
        spans: ['site'],
      },
    ],
  },
});
