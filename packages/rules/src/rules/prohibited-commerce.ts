import { defineRule, z } from '@greenlight/core';
import { COMMERCE_CATEGORIES, findInTemplate, policyLexicon, type CommerceCategory } from '../utils/policy.js';
import { POLICY_SOURCES as S } from '../utils/policy-sources.js';

const LABELS: Record<CommerceCategory, string> = {
  alcohol: 'alcohol',
  tobacco: 'tobacco or vaping',
  weapons: 'weapons or ammunition',
  drugs: 'drugs',
  gambling: 'real-money gambling',
  adult: 'adult products or services',
  dating: 'dating services',
  predatoryLending: 'payday or predatory lending',
  crypto: 'crypto assets or guaranteed-return investments',
  mlm: 'multi-level marketing',
};

/**
 * Categories whose words show up in ordinary service messages (the wine list of a booked dinner, a
 * hotel bar): in UTILITY and AUTHENTICATION templates they are not reported by default.
 */
const MARKETING_ONLY_DEFAULT: CommerceCategory[] = ['alcohol', 'tobacco'];

const Category = z.enum(COMMERCE_CATEGORIES);
const Level = z.enum(['off', 'info', 'warning', 'error']);

export default defineRule({
  id: 'prohibited-commerce',
  description: 'Flags goods and services that WhatsApp forbids or restricts: alcohol, tobacco, weapons, drugs, gambling, adult, dating, payday loans, crypto, MLM.',
  rationale:
    "WhatsApp's Commerce Policy and Business Messaging Policy forbid or restrict selling alcohol, tobacco and vapes, weapons and ammunition, drugs, real-money gambling, adult products, dating services, payday loans and similar lending, crypto assets and multi-level marketing, and Meta rejects templates that promote them. Raffles and prize draws in promotions are a frequently reported rejection cause. Some of these are allowed in some countries with restrictions, so the rule warns, each category's severity can be set, and categories can be allowed for a market. Alcohol and tobacco words are only reported in MARKETING templates by default: a booking confirmation that mentions the wine list is service, not a sale.",
  severity: 'warning',
  family: 'policy',
  tags: ['policy', 'commerce'],
  evidence: { level: 'meta', sources: [S.S28, S.S27, S.S3, S.B9, S.B22, S.B23] },
  recommended: true,
  messages: {
    prohibited: '"{phrase}" points to {category}, which WhatsApp\'s Commerce and Business Messaging policies forbid or restrict.',
  },
  options: z
    .object({
      severity: z.partialRecord(Category, Level).default({}).describe('Severity per category, e.g. { "gambling": "error", "alcohol": "info" }; "off" skips it.'),
      allow: z.array(Category).default([]).describe('Categories this business may promote, e.g. ["alcohol"] for a licensed seller in a market that permits it.'),
      allowByLanguage: z
        .record(z.string(), z.array(Category))
        .default({})
        .describe('Categories allowed per template language or locale (the market), e.g. { "de": ["alcohol"], "pt_BR": ["gambling"] }.'),
      marketingOnly: z
        .array(Category)
        .default(MARKETING_ONLY_DEFAULT)
        .describe('Categories reported only in MARKETING templates (or when the category is unknown).'),
    })
    .strict(),
  check(t, ctx) {
    const o = ctx.options;
    const locale = t.language?.value.trim() ?? '';
    const allowed = new Set<string>([...o.allow, ...(o.allowByLanguage[locale] ?? []), ...(ctx.languageCode ? (o.allowByLanguage[ctx.languageCode] ?? []) : [])]);
    const service = t.category === 'UTILITY' || t.category === 'AUTHENTICATION';
    const lists = COMMERCE_CATEGORIES.filter((c) => !allowed.has(c) && o.severity[c] !== 'off' && !(service && o.marketingOnly.includes(c)));
    if (!lists.length) return;
    const lex = policyLexicon(ctx.languageCode, ctx.settings);
    const seen = new Set<string>();
    for (const m of findInTemplate(lex, t, lists)) {
      // One finding per place: a phrase listed under two categories is reported once.
      const key = `${m.node.range.start}:${m.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const category = m.list as CommerceCategory;
      const level = o.severity[category];
      ctx.report({
        messageId: 'prohibited',
        node: m.node,
        start: m.start,
        end: m.end,
        data: { phrase: m.text, category: LABELS[category] },
        severity: level && level !== 'off' ? level : undefined,
      });
    }
  },
  examples: {
    valid: [
      { title: 'A booking confirmation (UTILITY) that mentions wine', template: 'Your table for 2 on {{1}} is booked. The wine list is on our website.' },
      { title: 'Look-alike words', template: 'Your Gunther headphones and the beard oil have shipped with order {{1}}.' },
      { title: 'Allowed for this business', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Our new craft beers are in stock.' }] }, options: { allow: ['alcohol'] } },
      { title: 'Allowed in one market', template: { language: 'de', category: 'MARKETING', components: [{ type: 'BODY', text: 'Neu im Sortiment: Weine aus der Pfalz.' }] }, options: { allowByLanguage: { de: ['alcohol'] } } },
    ],
    invalid: [
      { title: 'A raffle in a promotion', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Buy any menu this week and enter our raffle for a free trip!' }] }, errors: ['prohibited'], spans: ['raffle'] },
      { title: 'Casino bonus', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Claim a 200% casino welcome bonus and 50 free spins.' }] }, errors: ['prohibited', 'prohibited'], spans: ['casino', 'free spins'] },
      { title: 'Italian: wine promotion', template: { language: 'it', category: 'MARKETING', components: [{ type: 'BODY', text: 'Questa settimana i nostri vini rossi sono scontati del 30%.' }] }, errors: ['prohibited'], spans: ['vini'] },
      { title: 'Spanish: payday loan in a service message', template: { language: 'es', components: [{ type: 'BODY', text: 'Tu préstamo rápido sin buró de crédito está listo.' }] }, errors: ['prohibited', 'prohibited'], spans: ['préstamo rápido', 'sin buró de crédito'] },
      { title: 'Gambling as an error', template: { language: 'ru', category: 'MARKETING', components: [{ type: 'BODY', text: 'Делайте ставки в нашем казино!' }] }, options: { severity: { gambling: 'error' } }, errors: ['prohibited', 'prohibited'], spans: ['Делайте ставки', 'казино'] },
    ],
  },
});
