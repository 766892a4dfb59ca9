import { defineRule, type Button } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'button-duplicate-label',
  description: 'No two buttons of a template (or of one carousel card) have the same label.',
  rationale:
    'WhatsApp Manager refuses two buttons with the same text, because the customer could not tell them apart and a quick-reply answer could not say which was tapped. Labels that differ only in letter case are reported as a warning: they look the same in a chat bubble.',
  severity: 'error',
  family: 'structure',
  tags: ['buttons'],
  evidence: { level: 'editor', sources: [SOURCES.S2] },
  recommended: true,
  messages: {
    duplicate: 'Another button is already labelled "{label}"; every button needs its own label.',
    caseOnly: 'This label differs from "{other}" only in letter case; use clearly different labels.',
  },
  check(t, ctx) {
    const groups: Button[][] = [t.buttons];
    for (const c of t.components) for (const card of c.cards) groups.push(card.flatMap((cc) => cc.buttons));
    for (const group of groups) {
      const exact = new Map<string, Button>();
      const folded = new Map<string, Button>();
      for (const b of group) {
        if (!b.text) continue;
        const label = b.text.value.trim();
        if (!label) continue;
        const same = exact.get(label);
        const similar = folded.get(label.toLocaleLowerCase());
        if (same) ctx.report({ messageId: 'duplicate', node: b.text, data: { label }, related: [{ message: 'First button with this label', range: same.text!.range }] });
        else if (similar) ctx.report({ messageId: 'caseOnly', node: b.text, data: { other: similar.text!.value.trim() }, severity: 'warning', related: [{ message: 'Similar label', range: similar.text!.range }] });
        if (!same) exact.set(label, b);
        if (!similar) folded.set(label.toLocaleLowerCase(), b);
      }
    }
  },
  examples: {
    valid: [
      { title: 'Different labels', template: { components: [{ type: 'BODY', text: 'Is this delivery time OK for you?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'QUICK_REPLY', text: 'No' }] }] } },
    ],
    invalid: [
      {
        title: 'The same label twice',
        template: { components: [{ type: 'BODY', text: 'Is this delivery time OK for you?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'QUICK_REPLY', text: 'Yes ' }] }] },
        errors: ['duplicate'],
        spans: ['"Yes "'],
      },
      {
        title: 'Only the case differs',
        template: { components: [{ type: 'BODY', text: 'Is this delivery time OK for you?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Call me' }, { type: 'QUICK_REPLY', text: 'CALL ME' }] }] },
        errors: ['caseOnly'], spans: ["\"CALL ME\""],
      },
    ],
  },
});
