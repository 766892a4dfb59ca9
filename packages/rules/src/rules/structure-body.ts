import { defineRule, get, getString } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'structure-body',
  description: 'A template has a BODY component, and its text is not empty (authentication templates excepted).',
  rationale:
    'BODY is the only component every template must have. Its text is what the customer reads, so an empty or missing body text is refused; only authentication templates leave the body text out, because WhatsApp writes it from a fixed, localised preset. Duplicate BODY components are reported by structure-unique-components.',
  severity: 'error',
  family: 'structure',
  tags: ['structure', 'body'],
  evidence: { level: 'meta', sources: [SOURCES.S1, SOURCES.S2, SOURCES.S5] },
  recommended: true,
  messages: {
    missingBody: 'The template has no BODY component; every template needs one.',
    missingText: 'The BODY component has no "text".',
    emptyText: 'The body text is empty.',
    textType: 'The body "text" must be a string.',
  },
  check(t, ctx) {
    if (!t.componentsNode) return;
    const body = t.body;
    if (!body) {
      ctx.report({ messageId: 'missingBody', node: t.componentsNode });
      return;
    }
    if (t.category === 'AUTHENTICATION') return;
    const raw = get(body.node, 'text');
    if (!raw) ctx.report({ messageId: 'missingText', node: body.typeNode ?? body.node });
    else if (raw.kind !== 'string') ctx.report({ messageId: 'textType', node: raw });
    else if (getString(body.node, 'text')!.value.trim() === '') ctx.report({ messageId: 'emptyText', node: raw });
  },
  examples: {
    valid: [
      { title: 'A body with text', template: 'Your order 123 has shipped.' },
      {
        title: 'Authentication bodies have no text',
        template: { category: 'AUTHENTICATION', components: [{ type: 'BODY', add_security_recommendation: true }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] }] },
      },
    ],
    invalid: [
      { title: 'Only a header', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order update' }] }, errors: ['missingBody'], spans: ["[\n    {\n      \"type\": \"HEADER\",\n      \"format\": \"TEXT\",\n      \"text\": \"Order update\"\n    }\n  ]"] },
      { title: 'Body without text', template: { components: [{ type: 'BODY' }] }, errors: ['missingText'], spans: ['"BODY"'] },
      { title: 'Blank body', template: { components: [{ type: 'BODY', text: '  ' }] }, errors: ['emptyText'], spans: ["\"  \""] },
    ],
  },
});
