import { defineRule, get, getObject, getString } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'structure-lto',
  description: 'Limited-time offer templates are marketing templates without a footer, with an offer text of at most 16 characters and a body of at most 600.',
  rationale:
    'A LIMITED_TIME_OFFER component shows an offer banner with an optional countdown. Meta allows it only in marketing templates, puts the offer text in a small banner (16 characters), leaves no room for a footer and shortens the body limit to 600 characters.',
  severity: 'error',
  family: 'structure',
  tags: ['structure', 'marketing', 'length'],
  evidence: { level: 'meta', sources: [SOURCES.S18] },
  recommended: true,
  messages: {
    category: 'Limited-time offer templates must be MARKETING, not {category}.',
    footer: 'Limited-time offer templates cannot have a footer.',
    missingOffer: 'The LIMITED_TIME_OFFER component needs a "limited_time_offer" object with the offer "text".',
    missingText: 'The limited-time offer has no "text".',
    textLength: 'The offer text is {length} characters; the limit is {max} ({over} over).',
    bodyLength: 'In a limited-time offer template the body is {length} characters; the limit is {max} ({over} over).',
  },
  check(t, ctx) {
    const lto = t.components.find((c) => c.type === 'LIMITED_TIME_OFFER');
    if (!lto) return;
    if (t.category && t.category !== 'MARKETING') ctx.report({ messageId: 'category', node: t.categoryNode ?? lto.node, data: { category: t.category } });
    if (t.footer) ctx.report({ messageId: 'footer', node: t.footer.typeNode ?? t.footer.node });
    const offer = getObject(lto.node, 'limited_time_offer');
    if (!offer) ctx.report({ messageId: 'missingOffer', node: lto.typeNode ?? lto.node });
    else {
      const text = getString(offer, 'text');
      if (!text || text.value.trim() === '') ctx.report({ messageId: 'missingText', node: get(offer, 'text') ?? offer });
      else {
        const over = overLimitReport(text, LIMITS.ltoText);
        if (over) ctx.report({ messageId: 'textLength', ...over });
      }
    }
    if (t.body?.text) {
      const over = overLimitReport(t.body.text, LIMITS.ltoBody);
      if (over) ctx.report({ messageId: 'bodyLength', ...over });
    }
  },
  examples: {
    valid: [
      {
        title: 'A marketing offer',
        template: {
          category: 'MARKETING',
          components: [
            { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Expiring offer!', has_expiration: true } },
            { type: 'BODY', text: 'Good news, our summer sale is on this week only.' },
          ],
        },
      },
    ],
    invalid: [
      {
        title: 'Utility category and a footer',
        template: {
          category: 'UTILITY',
          components: [
            { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon', has_expiration: true } },
            { type: 'BODY', text: 'Our summer sale is on this week only.' },
            { type: 'FOOTER', text: 'Example Shop' },
          ],
        },
        errors: ['category', 'footer'], spans: ["\"UTILITY\"","\"FOOTER\""],
      },
      {
        title: 'Offer text over 16 characters',
        template: { category: 'MARKETING', components: [{ type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Limited time only!!' } }, { type: 'BODY', text: 'Our summer sale is on.' }] },
        errors: ['textLength'],
        spans: ['y!!'],
      },
      {
        title: 'Body over 600 characters',
        template: { category: 'MARKETING', components: [{ type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon' } }, { type: 'BODY', text: `${'Sale on now. '.repeat(46)}End.` }] },
        errors: ['bodyLength'],
        spans: ['d.'],
      },
    ],
  },
});
