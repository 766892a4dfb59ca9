import { defineRule, type StringNode } from '@greenlight/core';
import { findInTemplate, policyLexicon } from '../utils/policy.js';
import { POLICY_SOURCES as S } from '../utils/policy-sources.js';

export default defineRule({
  id: 'app-store-rating',
  description: 'UTILITY and AUTHENTICATION templates should not ask for an app-store rating or a 5-star review.',
  rationale:
    'Meta lists app promotion and relationship building among marketing objectives, so asking for a public rating on the App Store or Google Play turns a service message into marketing: Meta re-categorises it, or rejects it as a utility template abusing the category. No Meta rule bans rating requests as such, hence the rule is silent in MARKETING templates. Feedback about the specific order or appointment, without an app store, stays utility.',
  severity: 'warning',
  family: 'policy',
  tags: ['policy', 'category'],
  evidence: { level: 'provider', sources: [S.S4] },
  recommended: true,
  messages: {
    rating: '"{phrase}" asks for an app-store rating, which Meta treats as marketing, not {category} content.',
  },
  check(t, ctx) {
    if (t.category !== 'UTILITY' && t.category !== 'AUTHENTICATION') return;
    const lex = policyLexicon(ctx.languageCode, ctx.settings);
    const direct = findInTemplate(lex, t, ['appRatingDirect']);
    const asks = findInTemplate(lex, t, ['appRating']);
    const store = asks.length ? findInTemplate(lex, t, ['appStores'])[0] : undefined;
    const found = [...direct, ...(store ? asks : [])];
    // One report per field: its first ask.
    const first = new Map<StringNode, (typeof found)[number]>();
    for (const m of found) {
      const seen = first.get(m.node);
      if (!seen || m.start < seen.start) first.set(m.node, m);
    }
    for (const m of [...first.values()].sort((a, b) => a.node.range.start - b.node.range.start)) {
      ctx.report({
        messageId: 'rating',
        node: m.node,
        start: m.start,
        end: m.end,
        data: { phrase: m.text, category: t.category },
        related: store && !direct.includes(m) ? [{ message: 'The app store', range: ctx.rangeOf(store.node, store.start, store.end) }] : undefined,
      });
    }
  },
  examples: {
    valid: [
      { title: 'Feedback about the delivery itself', template: 'Your order {{1}} was delivered. How did we do? Reply with a rating from 1 to 5.' },
      { title: 'Marketing may ask for ratings', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Enjoying the app? Rate us on the App Store! Reply STOP to opt out.' }] } },
    ],
    invalid: [
      { title: 'Rating ask with a store', template: 'Your order {{1}} was delivered. Enjoying our app? Rate us on the App Store!', errors: ['rating'], spans: ['Rate us'] },
      { title: 'Five-star review', template: 'Your ride {{1}} is complete. Leave us a 5-star review to help us grow.', errors: ['rating'], spans: ['5-star review'] },
      { title: 'Turkish', template: { language: 'tr', components: [{ type: 'BODY', text: 'Siparişiniz {{1}} teslim edildi. Uygulamamızı Google Play\'de 5 yıldızla değerlendirin!' }] }, errors: ['rating'], spans: ['5 yıldızla'] },
    ],
  },
});
