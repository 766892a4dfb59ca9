import { defineRule, get, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S5 = cite(SOURCES.S5, 'fixed structure');
const S6 = cite(SOURCES.S6, 'add_security_recommendation');

const MEDIA = new Set(['IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION']);
const NOT_ALLOWED = new Set(['LIMITED_TIME_OFFER', 'CAROUSEL']);

const otp = { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] };
const auth = (components: unknown[]) => ({ category: 'AUTHENTICATION', components });

export default defineRule({
  id: 'auth-structure',
  description: 'Authentication templates have the fixed shape: a body (with the security notice), an optional expiry footer and the code button; no header.',
  rationale:
    'Meta builds authentication messages from a preset: a body whose text WhatsApp writes, an optional "For your security, do not share this code." line (`add_security_recommendation`), an optional expiry footer and one code button. Headers, limited-time offers and carousels are not part of it. The security line is optional but recommended, so its absence is information only. Media headers are reported by `auth-content`, the time-to-live by `structure-ttl`.',
  severity: 'error',
  family: 'auth',
  tags: ['authentication', 'structure'],
  evidence: { level: 'meta', sources: [S5, S6] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    header: 'Authentication templates have no header; WhatsApp writes the message itself.',
    component: 'A {type} component is not allowed in an authentication template.',
    securityMissing: 'Add "add_security_recommendation": true so the message warns the recipient not to share the code.',
    securityOff: 'The security notice is switched off; "add_security_recommendation": true warns the recipient not to share the code.',
    securityType: '"add_security_recommendation" must be true or false.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'AUTHENTICATION') return;
    for (const c of t.components) {
      const index = t.componentsNode ? t.componentsNode.items.indexOf(c.node) : -1;
      const remove = index >= 0 && t.componentsNode ? ctx.fixer.removeItem(t.componentsNode, index) : null;
      const suggest = [remove ? { message: `Remove the ${c.type} component`, fix: remove } : null];
      if (c.type === 'HEADER' && !(c.format && MEDIA.has(c.format))) ctx.report({ messageId: 'header', node: c.typeNode ?? c.node, suggest });
      else if (NOT_ALLOWED.has(c.type)) ctx.report({ messageId: 'component', node: c.typeNode ?? c.node, data: { type: c.type }, suggest });
    }
    const body = t.body;
    if (!body) return;
    const flag = get(body.node, 'add_security_recommendation');
    if (!flag) {
      const fix = ctx.fixer.addProperty(body.node, 'add_security_recommendation', true);
      ctx.report({ messageId: 'securityMissing', node: body.typeNode ?? body.node, severity: 'info', suggest: [fix ? { message: 'Add "add_security_recommendation": true', fix } : null] });
    } else if (flag.kind !== 'boolean') {
      const fix = ctx.fixer.replaceValue(flag, true);
      ctx.report({ messageId: 'securityType', node: flag, suggest: [fix ? { message: 'Set it to true', fix } : null] });
    } else if (!flag.value) {
      const fix = ctx.fixer.replaceValue(flag, true);
      ctx.report({ messageId: 'securityOff', node: flag, severity: 'info', suggest: [fix ? { message: 'Set it to true', fix } : null] });
    }
  },
  examples: {
    valid: [{ template: auth([{ type: 'BODY', add_security_recommendation: true }, { type: 'FOOTER', code_expiration_minutes: 5 }, otp]) }],
    invalid: [
      { title: 'A text header', template: auth([{ type: 'HEADER', format: 'TEXT', text: 'Your code' }, { type: 'BODY', add_security_recommendation: true }, otp]), errors: ['header'], spans: ['"HEADER"'] },
      { title: 'No security notice (information)', template: auth([{ type: 'BODY' }, otp]), errors: ['securityMissing'], spans: ['"BODY"'] },
      { title: 'Security notice switched off', template: auth([{ type: 'BODY', add_security_recommendation: false }, otp]), errors: ['securityOff'], spans: ['false'] },
      { title: 'A string instead of a boolean', template: auth([{ type: 'BODY', add_security_recommendation: 'yes' }, otp]), errors: ['securityType'], spans: ['"yes"'] },
    ],
  },
});
