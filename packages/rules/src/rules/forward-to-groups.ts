import { defineRule } from '@greenlight/core';
import { findInTemplate, policyLexicon, type FieldMatch } from '../utils/policy.js';
import { POLICY_SOURCES as S } from '../utils/policy-sources.js';

const SENTENCE_END = /[.!?\n\u061F\u0964]/;

/** "Forward this message … to all your groups": asks in one sentence, close together, become one finding. */
function mergeNearby(matches: FieldMatch[]): FieldMatch[] {
  const out: FieldMatch[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (prev && prev.node === m.node && m.start >= prev.end && m.start - prev.end <= 40 && !SENTENCE_END.test(m.node.value.slice(prev.end, m.start))) {
      out[out.length - 1] = { ...prev, end: m.end, text: m.node.value.slice(prev.start, m.end) };
    } else out.push(m);
  }
  return out;
}

export default defineRule({
  id: 'forward-to-groups',
  description: 'Flags asks to forward the message to friends, contacts or groups (chain-letter wording).',
  rationale:
    'No Meta rule names forwarding, but chain-letter asks fit the spam and misleading-content language of the Business Messaging Policy, and recipients who receive them block and report the sender, which lowers the number\'s quality rating. A forward ask with a reward ("send this to 10 groups and get a free gift") is the pattern of WhatsApp giveaway scams, so that combination is a warning; a plain ask is advice.',
  severity: 'info',
  family: 'policy',
  tags: ['policy', 'spam'],
  evidence: { level: 'provider', sources: [S.S27, S.S8] },
  recommended: true,
  messages: {
    forward: '"{phrase}" asks recipients to forward the message; chain messages draw blocks and reports.',
    chainReward: '"{phrase}" promises a reward ("{reward}") for forwarding the message, the pattern of chain-letter giveaway scams.',
  },
  check(t, ctx) {
    const lex = policyLexicon(ctx.languageCode, ctx.settings);
    const asks = findInTemplate(lex, t, ['forwardChain']);
    if (!asks.length) return;
    const reward = findInTemplate(lex, t, ['rewards'])[0];
    for (const m of mergeNearby(asks)) {
      ctx.report(
        reward
          ? {
              messageId: 'chainReward',
              node: m.node,
              start: m.start,
              end: m.end,
              data: { phrase: m.text, reward: reward.text },
              severity: 'warning',
              related: [{ message: 'The reward', range: ctx.rangeOf(reward.node, reward.start, reward.end) }],
            }
          : { messageId: 'forward', node: m.node, start: m.start, end: m.end, data: { phrase: m.text } },
      );
    }
  },
  examples: {
    valid: [
      { title: 'Sharing a document with the user', template: 'Your invoice {{1}} is attached. You can forward it to your accountant.' },
      { title: 'A referral link is not a chain letter', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Invite a friend with your code {{1}} and both get 10% off. Reply STOP to opt out.' }] } },
    ],
    invalid: [
      { title: 'Chain ask', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Good news for all! Forward this message to all your groups. Reply STOP to opt out.' }] }, errors: ['forward'], spans: ['Forward this message to all your groups'] },
      { title: 'Arabic: forward for a prize', template: { language: 'ar', category: 'MARKETING', components: [{ type: 'BODY', text: 'أرسل هذه الرسالة إلى 10 مجموعات واحصل على هدية مجانية!' }] }, errors: ['chainReward'], spans: ['أرسل هذه الرسالة إلى 10 مجموعات'] },
      { title: 'Portuguese chain', template: { language: 'pt_BR', category: 'MARKETING', components: [{ type: 'BODY', text: 'Encaminhe esta mensagem para 5 amigos e ganhe um brinde.' }] }, errors: ['chainReward'], spans: ['Encaminhe esta mensagem'] },
    ],
  },
});
