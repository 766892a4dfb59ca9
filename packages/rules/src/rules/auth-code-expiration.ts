import { defineRule, get, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S5 = cite(SOURCES.S5, 'code_expiration_minutes 1–90');
const S6 = SOURCES.S6;

const MIN = 1;
const MAX = 90;

const otp = { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] };
const auth = (minutes: unknown) => ({ category: 'AUTHENTICATION', components: [{ type: 'BODY', add_security_recommendation: true }, { type: 'FOOTER', code_expiration_minutes: minutes }, otp] });

export default defineRule({
  id: 'auth-code-expiration',
  description: `An authentication footer's code_expiration_minutes is a whole number from ${MIN} to ${MAX}.`,
  rationale:
    'The expiry footer of an authentication template ("This code expires in N minutes.") takes `code_expiration_minutes`, a whole number from 1 to 90; other values are refused. A number written as a string is converted safely; a value out of range gets a suggestion to clamp it, because the right expiry is a security decision.',
  severity: 'error',
  family: 'auth',
  tags: ['authentication'],
  evidence: { level: 'meta', sources: [S5, S6] },
  fixable: 'fix',
  recommended: true,
  messages: {
    type: '"code_expiration_minutes" must be a number of minutes, not {kind}.',
    notInteger: '"code_expiration_minutes" must be a whole number of minutes; {value} is not.',
    range: '"code_expiration_minutes" is {value}; it must be from {min} to {max}.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'AUTHENTICATION' || !t.footer) return;
    const v = get(t.footer.node, 'code_expiration_minutes');
    if (!v) return;
    if (v.kind === 'string' && /^\s*\d{1,3}\s*$/.test(v.value) && Number(v.value) >= MIN && Number(v.value) <= MAX) {
      ctx.report({ messageId: 'type', node: v, data: { kind: 'a string' }, fix: ctx.fixer.replaceValue(v, Number(v.value)) });
      return;
    }
    if (v.kind !== 'number') {
      ctx.report({ messageId: 'type', node: v, data: { kind: v.kind === 'string' ? 'a string' : v.kind === 'null' ? 'null' : `a${v.kind === 'array' || v.kind === 'object' ? 'n' : ''} ${v.kind}` } });
      return;
    }
    const clamp = (n: number) => Math.min(MAX, Math.max(MIN, n));
    if (!Number.isInteger(v.value)) {
      const n = clamp(Math.round(v.value));
      const fix = ctx.fixer.replaceValue(v, n);
      ctx.report({ messageId: 'notInteger', node: v, data: { value: v.value }, suggest: [fix ? { message: `Use ${n}`, fix } : null] });
      return;
    }
    if (v.value < MIN || v.value > MAX) {
      const n = clamp(v.value);
      const fix = ctx.fixer.replaceValue(v, n);
      ctx.report({ messageId: 'range', node: v, data: { value: v.value, min: MIN, max: MAX }, suggest: [fix ? { message: `Use ${n}`, fix } : null] });
    }
  },
  examples: {
    valid: [{ template: auth(10) }, { template: auth(90) }, { title: 'Other categories are not concerned', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', code_expiration_minutes: 500 }] } }],
    invalid: [
      { title: 'Too long', template: auth(120), errors: ['range'], spans: ['120'] },
      { title: 'Zero', template: auth(0), errors: ['range'], spans: ['0'] },
      { title: 'A fraction', template: auth(2.5), errors: ['notInteger'], spans: ['2.5'] },
      { title: 'A string', template: auth('15'), errors: ['type'], spans: ['"15"'], output: auth(15) },
      { title: 'Not a number', template: auth(true), errors: ['type'], spans: ['true'] },
    ],
  },
});
