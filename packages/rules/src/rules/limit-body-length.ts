import { defineRule, z } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'limit-body-length',
  description: `The body is at most ${LIMITS.bodyText} characters long (${LIMITS.bodyTextAdsManager} for click-to-WhatsApp ads).`,
  rationale:
    'Meta refuses a body over 1,024 characters (creation error 2388040); Ads Manager, where templates are used in click-to-WhatsApp ads, stops at 960. Characters are counted as WhatsApp Manager counts them: an emoji outside the basic plane counts as 2. Limited-time offer bodies (600) are checked by structure-lto and carousel card bodies (160) by structure-carousel.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'body'],
  evidence: { level: 'meta', sources: [SOURCES.S2, SOURCES.B28] },
  recommended: true,
  messages: { tooLong: 'The body is {length} characters long; the limit is {max} ({over} over).' },
  options: z
    .object({
      surface: z
        .enum(['whatsapp-manager', 'ads-manager'])
        .default('whatsapp-manager')
        .describe('Where the template is used: "ads-manager" applies the 960-character limit of click-to-WhatsApp ads.'),
    })
    .strict(),
  check(t, ctx) {
    if (!t.body?.text) return;
    // A limited-time offer has the stricter 600-character limit; structure-lto reports it.
    if (t.components.some((c) => c.type === 'LIMITED_TIME_OFFER')) return;
    const max = ctx.options.surface === 'ads-manager' ? LIMITS.bodyTextAdsManager : LIMITS.bodyText;
    const over = overLimitReport(t.body.text, max);
    if (over) ctx.report({ messageId: 'tooLong', ...over });
  },
  examples: {
    valid: [
      { title: 'A normal body', template: 'Your order 123 has shipped and will arrive on Friday.' },
      { title: '970 characters pass in WhatsApp Manager', template: `${'Thanks for shopping. '.repeat(45)}Goodbye for now, see you!` },
    ],
    invalid: [
      { title: '1,033 characters', template: `${'Thanks for shopping. '.repeat(49)}Bye!`, errors: ['tooLong'], spans: ['ing. Bye!'] },
      { title: 'Ads Manager limit', template: `${'Thanks for shopping. '.repeat(45)}Goodbye for now, see you!`, options: { surface: 'ads-manager' }, errors: ['tooLong'], spans: [', see you!'] },
    ],
  },
});
