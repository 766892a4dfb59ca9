import { defineRule } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'limit-url-length',
  description: `A URL button's address is at most ${LIMITS.url} characters long.`,
  rationale: 'Meta refuses a URL button whose `url` is longer than 2,000 characters. The variable token at its end counts with its braces.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'buttons', 'url'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  recommended: true,
  messages: { tooLong: 'The URL is {length} characters long; the limit is {max} ({over} over).' },
  check(t, ctx) {
    for (const c of t.components) {
      const buttons = [...c.buttons, ...c.cards.flatMap((card) => card.flatMap((cc) => cc.buttons))];
      for (const b of buttons) {
        if (!b.url) continue;
        const over = overLimitReport(b.url, LIMITS.url);
        if (over) ctx.report({ messageId: 'tooLong', ...over });
      }
    }
  },
  examples: {
    valid: [{ title: 'A normal address', template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://www.example.com/track/{{1}}', example: ['https://www.example.com/track/123'] }] }] } }],
    invalid: [
      {
        title: 'An address of 2,010 characters',
        template: { components: [{ type: 'BODY', text: 'Your order 123 has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: `https://example.com/?q=${'a'.repeat(1987)}` }] }] },
        errors: ['tooLong'],
        spans: ['aaaaaaaaaa'],
      },
    ],
  },
});
