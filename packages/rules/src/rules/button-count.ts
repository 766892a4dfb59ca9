import { defineRule, type Button } from '@greenlight/core';
import { LIMITS } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

const PER_TYPE: { type: string; max: number; label: string }[] = [
  { type: 'URL', max: LIMITS.urlButtons, label: 'URL' },
  { type: 'PHONE_NUMBER', max: LIMITS.phoneButtons, label: 'phone number' },
  { type: 'COPY_CODE', max: LIMITS.copyCodeButtons, label: 'copy code' },
];

export default defineRule({
  id: 'button-count',
  description: `At most ${LIMITS.buttonsTotal} buttons, of which at most ${LIMITS.urlButtons} URL, ${LIMITS.phoneButtons} phone number and ${LIMITS.copyCodeButtons} copy-code button.`,
  rationale:
    'Meta allows up to 10 buttons per template, and within them at most two website buttons, one call button and one copy-code button. Extra buttons make the template fail at creation. Carousel cards have their own limit (structure-carousel).',
  severity: 'error',
  family: 'limits',
  tags: ['buttons', 'count'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  recommended: true,
  messages: {
    total: 'The template has {count} buttons; the limit is {max}.',
    perType: 'The template has {count} {label} buttons; the limit is {max}.',
    empty: 'The BUTTONS component has no buttons; remove it or add at least one.',
  },
  check(t, ctx) {
    const comp = t.buttonsComponent;
    if (!comp?.buttonsNode) return;
    const buttons = t.buttons;
    if (buttons.length === 0) {
      ctx.report({ messageId: 'empty', node: comp.buttonsNode });
      return;
    }
    const extra = (list: Button[], max: number) => ({ start: list[max]!.node.range.start, end: list[list.length - 1]!.node.range.end });
    if (buttons.length > LIMITS.buttonsTotal) ctx.report({ messageId: 'total', range: extra(buttons, LIMITS.buttonsTotal), data: { count: buttons.length, max: LIMITS.buttonsTotal } });
    for (const { type, max, label } of PER_TYPE) {
      const list = buttons.filter((b) => b.type === type);
      if (list.length <= max) continue;
      // Underline each button over the limit, so the report points at what to remove.
      for (const b of list.slice(max)) ctx.report({ messageId: 'perType', node: b.typeNode ?? b.node, data: { count: list.length, label, max } });
    }
  },
  examples: {
    valid: [
      {
        title: 'Two links and a call button',
        template: {
          components: [
            { type: 'BODY', text: 'Your order 123 has shipped.' },
            { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t' }, { type: 'URL', text: 'Help', url: 'https://example.com/h' }, { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550051310' }] },
          ],
        },
      },
    ],
    invalid: [
      {
        title: 'Three links',
        template: {
          components: [
            { type: 'BODY', text: 'Your order 123 has shipped.' },
            { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t' }, { type: 'URL', text: 'Help', url: 'https://example.com/h' }, { type: 'URL', text: 'Shop', url: 'https://example.com/s' }] },
          ],
        },
        errors: ['perType'],
        spans: ['"URL"'],
      },
      {
        title: 'Eleven quick replies',
        template: {
          components: [{ type: 'BODY', text: 'How would you rate your delivery?' }, { type: 'BUTTONS', buttons: Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i + 1}` })) }],
        },
        errors: ['total'], spans: ["{\n          \"type\": \"QUICK_REPLY\",\n          \"text\": \"Option 11\"\n        }"],
      },
    ],
  },
});
