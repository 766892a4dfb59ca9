import { defineRule, z, type Button } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-location',
  description: 'No variables in button labels; none in the footer (a warning in WhatsApp Manager, an error for ads).',
  rationale:
    'Button labels are fixed text: WhatsApp Manager blocks a variable in a label. For footers, Meta\'s sources disagree: the components reference and most providers say footers take no variables, WhatsApp Manager warns, Ads Manager blocks, and the utility-templates page says they are supported. So a footer variable is a warning by default and an error with `surface: "ads-manager"`.',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'footer', 'buttons'],
  evidence: { level: 'meta', sources: [SOURCES.S2, SOURCES.S16, SOURCES.B28] },
  recommended: true,
  messages: {
    footer: 'Variables are not supported in the footer ({raw}); move the value into the body.',
    buttonLabel: 'Button labels cannot contain variables ({raw}); use a fixed label.',
  },
  options: z
    .object({
      surface: z
        .enum(['whatsapp-manager', 'ads-manager'])
        .default('whatsapp-manager')
        .describe('"ads-manager" makes footer variables an error, as Ads Manager blocks them.'),
    })
    .strict(),
  check(t, ctx) {
    if (t.footer?.text) {
      for (const p of variableTokens(t.footer.text.value)) {
        ctx.report({ messageId: 'footer', node: t.footer.text, start: p.start, end: p.end, data: { raw: p.raw }, ...(ctx.options.surface === 'ads-manager' ? {} : { severity: 'warning' as const }) });
      }
    }
    const buttons: Button[] = [...t.buttons];
    for (const c of t.components) for (const card of c.cards) for (const cc of card) buttons.push(...cc.buttons);
    for (const b of buttons) {
      if (!b.text) continue;
      for (const p of variableTokens(b.text.value)) ctx.report({ messageId: 'buttonLabel', node: b.text, start: p.start, end: p.end, data: { raw: p.raw } });
    }
  },
  examples: {
    valid: [{ title: 'Fixed footer and labels', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text: 'Example Shop' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }] }] } }],
    invalid: [
      { title: 'A footer variable', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text: 'Sent to {{1}}' }] }, errors: ['footer'], spans: ['{{1}}'] },
      { title: 'Ads Manager', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text: 'Sent to {{1}}' }] }, options: { surface: 'ads-manager' }, errors: ['footer'], spans: ["{{1}}"] },
      { title: 'A label variable', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track {{1}}' }] }] }, errors: ['buttonLabel'], spans: ['{{1}}'] },
    ],
  },
});
