import { defineRule } from '@greenlight/core';
import { clauses, policyFields, policyLexicon } from '../utils/policy.js';
import { POLICY_SOURCES as S } from '../utils/policy-sources.js';

export default defineRule({
  id: 'forbidden-request',
  description: 'Templates must not ask people to send full card numbers, CVVs, passwords, PINs, national ID or passport numbers.',
  rationale:
    'Meta rejects templates that ask the recipient to share sensitive identifiers such as full payment card or account numbers, national ID numbers or passwords, and the Business Messaging Policy forbids collecting them over WhatsApp. Such requests are also the shape of phishing. A request is a sensitive-data term and a request verb in the same clause; a clause with a negation ("never share your PIN") or a partial identifier ("the last 4 digits") is fine, and so is an alert that merely mentions the data ("your password was changed").',
  severity: 'error',
  family: 'policy',
  tags: ['policy', 'privacy'],
  evidence: { level: 'meta', sources: [S.S24, S.S3, S.S27] },
  recommended: true,
  messages: {
    request: 'This asks the recipient to send "{phrase}" ({verb}); templates may not request sensitive data such as full card numbers, passwords, PINs or ID numbers.',
  },
  check(t, ctx) {
    const lex = policyLexicon(ctx.languageCode, ctx.settings);
    for (const field of policyFields(t)) {
      const text = field.node.value;
      const data = lex.find('sensitiveData', text);
      if (!data.length) continue;
      const verbs = lex.find('requestVerbs', text);
      if (!verbs.length) continue;
      const negations = lex.find('negations', text);
      const partials = lex.find('partialMarkers', text);
      const c = clauses(text, [...data, ...verbs, ...partials]);
      const blocked = new Set([...negations, ...partials].map((m) => c.at(m.start)));
      let lastEnd = -1;
      for (const d of data) {
        if (d.start < lastEnd) continue;
        const clause = c.at(d.start);
        if (blocked.has(clause)) continue;
        const verb = verbs.find((v) => c.at(v.start) === clause);
        if (!verb) continue;
        lastEnd = d.end;
        ctx.report({
          messageId: 'request',
          node: field.node,
          start: d.start,
          end: d.end,
          data: { phrase: d.text, verb: verb.text },
          related: [{ message: 'The request verb', range: ctx.rangeOf(field.node, verb.start, verb.end) }],
        });
      }
    }
  },
  examples: {
    valid: [
      { title: 'A security alert that mentions the password', template: "Your password was changed. If this wasn't you, reset it here." },
      { title: 'A warning not to share', template: 'Never share your OTP or PIN with anyone, not even with our staff.' },
      { title: 'A partial identifier', template: 'Reply with the last 4 digits of your card number to confirm payment {{1}}.' },
      { title: 'Negation in Spanish', template: { language: 'es', components: [{ type: 'BODY', text: 'Nunca te pediremos que envíes tu contraseña por WhatsApp.' }] } },
    ],
    invalid: [
      { title: 'Card number and CVV', template: 'To keep your card active, reply with your full card number and CVV.', errors: ['request', 'request'], spans: ['full card number', 'CVV'] },
      { title: 'Portuguese: CPF and password', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Responda esta mensagem com seu CPF e a senha do aplicativo.' }] }, errors: ['request', 'request'], spans: ['CPF', 'senha'] },
      { title: 'Hindi: Aadhaar number', template: { language: 'hi', components: [{ type: 'BODY', text: 'कृपया अपना आधार नंबर भेजें।' }] }, errors: ['request'], spans: ['आधार नंबर'] },
      { title: 'Turkish: national ID number', template: { language: 'tr', components: [{ type: 'BODY', text: 'Lütfen T.C. kimlik numaranızı bu mesaja yazın.' }] }, errors: ['request'], spans: ['T.C. kimlik numaranızı'] },
    ],
  },
});
