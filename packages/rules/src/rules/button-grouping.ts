import { defineRule, toPlain } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'button-grouping',
  description: 'Quick-reply buttons sit together, all before or all after the other buttons.',
  rationale:
    'WhatsApp shows quick replies as one group. Meta accepts `QUICK_REPLY, QUICK_REPLY, URL` and `URL, QUICK_REPLY, QUICK_REPLY`, but refuses a template where other buttons split the quick replies (`QUICK_REPLY, URL, QUICK_REPLY`). Reordering changes what the customer sees first, so it is offered as a suggestion.',
  severity: 'error',
  family: 'structure',
  tags: ['buttons'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    split: 'Quick replies must be grouped together; this {type} button sits between quick replies.',
  },
  check(t, ctx) {
    const comp = t.buttonsComponent;
    const list = comp?.buttonsNode;
    if (!list) return;
    const buttons = t.buttons;
    const isQr = buttons.map((b) => b.type === 'QUICK_REPLY');
    const first = isQr.indexOf(true);
    const last = isQr.lastIndexOf(true);
    if (first < 0) return;
    const intruders = buttons.filter((_, i) => i > first && i < last && !isQr[i]);
    if (intruders.length === 0) return;
    // Keep the quick replies where the first one is, in their order, and the others in theirs.
    const qrs = buttons.filter((_, i) => isQr[i]).map((b) => toPlain(b.node));
    const others = buttons.filter((_, i) => !isQr[i]).map((b) => toPlain(b.node));
    const reordered = first === 0 ? [...qrs, ...others] : [...others, ...qrs];
    const fix = buttons.length === list.items.length ? ctx.fixer.replaceValue(list, reordered) : null;
    for (const b of intruders) {
      ctx.report({
        messageId: 'split',
        node: b.typeNode ?? b.node,
        data: { type: b.type || 'other' },
        suggest: fix ? [{ message: first === 0 ? 'Move the quick replies before the other buttons' : 'Move the quick replies after the other buttons', fix }] : [],
      });
    }
  },
  examples: {
    valid: [
      {
        title: 'Quick replies first',
        template: {
          components: [
            { type: 'BODY', text: 'Your table for 2 is booked for Friday.' },
            { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirm' }, { type: 'QUICK_REPLY', text: 'Cancel' }, { type: 'URL', text: 'Menu', url: 'https://example.com/menu' }] },
          ],
        },
      },
    ],
    invalid: [
      {
        title: 'A link between quick replies',
        template: {
          components: [
            { type: 'BODY', text: 'Your table for 2 is booked for Friday.' },
            { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirm' }, { type: 'URL', text: 'Menu', url: 'https://example.com/menu' }, { type: 'QUICK_REPLY', text: 'Cancel' }] },
          ],
        },
        errors: ['split'],
        spans: ['"URL"'],
      },
    ],
  },
});
