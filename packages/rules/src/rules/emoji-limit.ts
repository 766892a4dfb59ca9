import { defineRule, textFields, z, findEmoji } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S3 = cite(SOURCES.S3, 'emoji in the body may be limited');
const B3 = cite(SOURCES.B3, 'too many emoji');

export default defineRule({
  id: 'emoji-limit',
  description: 'A marketing body has at most 10 emoji, a utility body at most 6.',
  rationale:
    'WhatsApp Manager warns when a marketing body has more than 10 emoji or a utility body more than 6, and Meta\'s review notes that the number of emoji in the body may be limited. Emoji are counted as the reader sees them (a flag or a ZWJ family is one). Authentication templates allow none; `auth-content` reports those.',
  severity: 'warning',
  family: 'formatting',
  tags: ['formatting', 'emoji', 'body'],
  evidence: { level: 'editor', sources: [S3, B3] },
  recommended: true,
  messages: {
    tooMany: 'The body has {count} emoji; {category} templates should have at most {max}. This is the first one over the limit.',
  },
  options: z
    .object({
      marketing: z.number().int().min(0).default(10).describe('Most emoji in a marketing body.'),
      utility: z.number().int().min(0).default(6).describe('Most emoji in a utility body.'),
    })
    .strict(),
  check(t, ctx) {
    const max = t.category === 'MARKETING' ? ctx.options.marketing : t.category === 'UTILITY' ? ctx.options.utility : undefined;
    if (max === undefined) return;
    for (const f of textFields(t)) {
      if (f.kind !== 'body' && f.kind !== 'card-body') continue;
      const emoji = findEmoji(f.node.value);
      if (emoji.length <= max) continue;
      const first = emoji[max]!;
      ctx.report({ messageId: 'tooMany', node: f.node, start: first.start, end: first.end, data: { count: emoji.length, category: t.category!.toLowerCase(), max } });
    }
  },
  examples: {
    valid: [
      { template: 'Your order has shipped 🚚📦✅' },
      { title: 'Flags and families count once', template: { category: 'UTILITY', components: [{ type: 'BODY', text: 'Trip booked 🇧🇷🇵🇹👨‍👩‍👧‍👦✈️🧳🗺️' }] } },
    ],
    invalid: [
      { title: 'Seven in a utility body', template: 'Shipped 🚚📦✅🎉😀👍🙏 today', errors: ['tooMany'], spans: ['🙏'] },
      { title: 'Eleven in a marketing body', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Sale 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🔥 now' }] }, errors: ['tooMany'], spans: ['🔥'] },
      { title: 'A stricter team limit', template: 'Shipped 🚚📦', options: { utility: 1 }, errors: ['tooMany'], spans: ['📦'] },
    ],
  },
});
