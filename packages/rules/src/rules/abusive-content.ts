import { defineRule } from '@greenlight/core';
import { clauses, policyFields, policyLexicon } from '../utils/policy.js';
import { POLICY_SOURCES as S } from '../utils/policy-sources.js';

export default defineRule({
  id: 'abusive-content',
  description: 'Flags threats (legal action, telling family or employer, shaming in a group) and abusive wording.',
  rationale:
    'Meta rejects templates with threatening or abusive content, and the Business Messaging Policy names debt collection as a restricted use. The classic case is a collection message that threatens to sue, to tell the debtor\'s family or employer, or to add them to a WhatsApp group of defaulters. Such a threat is reported as an error; insults and intimidating wording ("final warning") as a warning. Neutral reminders of a due date stay clean.',
  severity: 'warning',
  family: 'policy',
  tags: ['policy', 'tone'],
  evidence: { level: 'meta', sources: [S.S3, S.S8, S.S24, S.S27] },
  recommended: true,
  messages: {
    threat: '"{phrase}" threatens the recipient; Meta rejects threatening or shaming templates.',
    exposure: '"{phrase}" threatens to involve {target}; shaming or exposing a customer is abusive content under Meta\'s policies.',
    abusive: '"{phrase}" reads as abusive or intimidating; Meta may reject the template as abusive content.',
  },
  check(t, ctx) {
    const lex = policyLexicon(ctx.languageCode, ctx.settings);
    for (const field of policyFields(t)) {
      const node = field.node;
      const text = node.value;
      const threats = lex.find('threats', text);
      const covered = (s: number, e: number) => threats.some((x) => x.start < e && s < x.end);
      for (const m of threats) ctx.report({ messageId: 'threat', node, start: m.start, end: m.end, data: { phrase: m.text }, severity: 'error' });
      // "We will inform … your employer": an action and a third party in one clause.
      const actions = lex.find('threatActions', text).filter((m) => !covered(m.start, m.end));
      if (actions.length) {
        const targets = lex.find('threatTargets', text).filter((m) => !covered(m.start, m.end));
        const c = clauses(text, [...actions, ...targets]);
        for (const a of actions) {
          const target = targets.find((x) => c.at(x.start) === c.at(a.start));
          if (!target) continue;
          const start = Math.min(a.start, target.start);
          const end = Math.max(a.end, target.end);
          ctx.report({ messageId: 'exposure', node, start, end, data: { phrase: text.slice(start, end), target: target.text }, severity: 'error' });
        }
      }
      for (const m of lex.find('abusive', text)) {
        if (covered(m.start, m.end)) continue;
        ctx.report({ messageId: 'abusive', node, start: m.start, end: m.end, data: { phrase: m.text } });
      }
    }
  },
  examples: {
    valid: [
      { title: 'A neutral payment reminder', template: 'Your invoice {{1}} of {{2}} is due on {{3}}. Pay in the app or reply HELP.' },
      { title: 'Sharing with family is not a threat', template: 'Your photos from {{1}} are ready. Share them with your family in the app.' },
    ],
    invalid: [
      { title: 'Legal action', template: 'Your payment of {{1}} is overdue. Pay today or we will take legal action.', errors: ['threat'], spans: ['take legal action'] },
      { title: 'German: telling the employer', template: { language: 'de', components: [{ type: 'BODY', text: 'Zahlen Sie bis morgen, andernfalls informieren wir Ihren Arbeitgeber.' }] }, errors: ['exposure'], spans: ['informieren wir Ihren Arbeitgeber'] },
      { title: 'Arabic: adding the debtor to a group', template: { language: 'ar', components: [{ type: 'BODY', text: 'إذا لم تسدد خلال 24 ساعة سنضيف اسمك إلى مجموعة المتأخرين.' }] }, errors: ['threat'], spans: ['سنضيف اسمك إلى مجموعة'] },
      { title: 'Shaming through the contact list', template: 'Your loan {{1}} is overdue. Pay today or we will send your photos to all your contacts.', errors: ['exposure'], spans: ['we will send your photos to all your contacts'] },
      { title: 'Insult', template: 'Dear {{1}}, stop ignoring us, you deadbeat. Your balance is {{2}}.', errors: ['abusive'], spans: ['deadbeat'] },
    ],
  },
});
