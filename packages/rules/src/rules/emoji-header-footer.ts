import { defineRule, textFields, z, findEmoji } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'header and footer text');
const B3 = cite(SOURCES.B3, 'emoji in header');
const B12 = cite(SOURCES.B12, 'no emoji in header');
const B1 = cite(SOURCES.B1, 'no emoji in footer or text header');

export default defineRule({
  id: 'emoji-header-footer',
  description: 'No emoji in the header or the footer.',
  rationale:
    'WhatsApp Manager blocks emoji in text headers and footers, and providers list them as rejection causes; emoji belong in the body. An emoji is counted as the reader sees it: a ZWJ family, a flag or a skin-tone variant is one emoji. Authentication templates are checked by `auth-content`.',
  severity: 'error',
  family: 'formatting',
  tags: ['formatting', 'emoji', 'header', 'footer'],
  evidence: { level: 'editor', sources: [S2, B1, B3, B12] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    emoji: 'Emoji are not supported in the {field} ("{emoji}"); move it to the body or remove it.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category === 'AUTHENTICATION') return;
    for (const f of textFields(t)) {
      const field = f.kind === 'header' || f.kind === 'card-header' ? 'header' : f.kind === 'footer' ? 'footer' : undefined;
      if (!field) continue;
      const v = f.node.value;
      for (const e of findEmoji(v)) {
        // Removing the emoji also removes one space next to it, so no double space is left.
        let s = e.start;
        let end = e.end;
        if (v[end] === ' ') end++;
        else if (s > 0 && v[s - 1] === ' ') s--;
        const fix = ctx.fixer.replaceInString(f.node, s, end, '');
        ctx.report({ messageId: 'emoji', node: f.node, start: e.start, end: e.end, data: { field, emoji: e.text }, suggest: [fix ? { message: `Remove "${e.text}"`, fix } : null] });
      }
    }
  },
  examples: {
    valid: [{ template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order update' }, { type: 'BODY', text: 'Your order has shipped 🚚' }, { type: 'FOOTER', text: 'Example Inc.' }] } }],
    invalid: [
      { title: 'Header', template: { components: [{ type: 'HEADER', format: 'TEXT', text: '🎉 Big sale' }, { type: 'BODY', text: 'Everything is 20% off.' }] }, errors: ['emoji'], spans: ['🎉'] },
      { title: 'A family counts once', template: { components: [{ type: 'BODY', text: 'Plans for everyone.' }, { type: 'FOOTER', text: 'Family plan 👨‍👩‍👧' }] }, errors: ['emoji'], spans: ['👨‍👩‍👧'] },
    ],
  },
});
