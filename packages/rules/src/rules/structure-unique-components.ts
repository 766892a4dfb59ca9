import { defineRule, type Component } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

const SINGLE = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'CAROUSEL'];

export default defineRule({
  id: 'structure-unique-components',
  description: 'A template has at most one HEADER, BODY, FOOTER, BUTTONS, LIMITED_TIME_OFFER and CAROUSEL component.',
  rationale:
    'Each component is one slot of the message: one header, one body, one footer, one set of buttons. A second component of the same type is refused, or silently ignored by tools that read only the first, so the message you review is not the one that is sent.',
  severity: 'error',
  family: 'structure',
  tags: ['structure'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    duplicate: 'A second {type} component; a template has at most one.',
  },
  check(t, ctx) {
    const seen = new Map<string, Component>();
    for (const c of t.components) {
      if (!SINGLE.includes(c.type)) continue;
      const first = seen.get(c.type);
      if (!first) {
        seen.set(c.type, c);
        continue;
      }
      const index = t.componentsNode ? t.componentsNode.items.indexOf(c.node) : -1;
      const removal = index >= 0 && t.componentsNode ? ctx.fixer.removeItem(t.componentsNode, index) : null;
      ctx.report({
        messageId: 'duplicate',
        node: c.typeNode ?? c.node,
        data: { type: c.type },
        suggest: removal ? [{ message: `Remove this ${c.type} component`, fix: removal }] : [],
        related: [{ message: `The first ${c.type} component`, range: (first.typeNode ?? first.node).range }],
      });
    }
  },
  examples: {
    valid: [{ title: 'One of each', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order update' }, { type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text: 'Example Shop' }] } }],
    invalid: [
      {
        title: 'Two bodies',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'body', text: 'It arrives on Friday.' }] },
        errors: ['duplicate'],
        spans: ['"body"'],
      },
      {
        title: 'Three footers',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text: 'A' }, { type: 'FOOTER', text: 'B' }, { type: 'FOOTER', text: 'C' }] },
        errors: ['duplicate', 'duplicate'], spans: ["\"FOOTER\"","\"FOOTER\""],
      },
    ],
  },
});
