import { defineRule, get, getString, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S5 = cite(SOURCES.S5, 'one OTP button');
const S6 = SOURCES.S6;
const S7 = cite(SOURCES.S7, 'autofill_text, zero_tap_terms_accepted');

const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'];
const LABEL_MAX = 25;

const body = { type: 'BODY', add_security_recommendation: true };
const app = { package_name: 'com.example.shop', signature_hash: 'K8a/AINcGX7' };
const auth = (buttons: unknown[]) => ({ category: 'AUTHENTICATION', components: [body, { type: 'BUTTONS', buttons }] });

export default defineRule({
  id: 'auth-otp-button',
  description: 'An authentication template has exactly one OTP button, of type copy code, one-tap or zero-tap, set up completely.',
  rationale:
    'The only button of an authentication template is the one-time-password button: `"type": "OTP"` with `otp_type` COPY_CODE, ONE_TAP or ZERO_TAP. One-tap and zero-tap buttons may relabel the autofill button (`autofill_text`, at most 25 characters), and zero-tap needs the business to accept its terms (`zero_tap_terms_accepted: true`). Accepting terms is a decision, so the rule only suggests it. App signatures are checked by `auth-app-signature`; the label length by `limit-button-text-length`.',
  severity: 'error',
  family: 'auth',
  tags: ['authentication', 'buttons'],
  evidence: { level: 'meta', sources: [S5, S6, S7] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    missing: 'An authentication template needs one OTP button (copy code, one-tap or zero-tap).',
    notOtp: 'Authentication templates take only the OTP button; a {type} button is not allowed.',
    extra: 'Only one OTP button is allowed.',
    missingOtpType: 'The OTP button needs "otp_type": COPY_CODE, ONE_TAP or ZERO_TAP.',
    badOtpType: '"{value}" is not an OTP type; use COPY_CODE, ONE_TAP or ZERO_TAP.',
    autofillTooLong: 'The autofill label is {length} characters long; the limit is {max}.',
    zeroTapTerms: 'Zero-tap buttons need "zero_tap_terms_accepted": true, after the business has accepted the zero-tap terms.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'AUTHENTICATION') return;
    if (t.buttons.length === 0) {
      if (t.body) ctx.report({ messageId: 'missing', node: t.buttonsComponent?.typeNode ?? t.body.typeNode ?? t.body.node });
      return;
    }
    let seen = false;
    for (const b of t.buttons) {
      if (b.type !== 'OTP') {
        ctx.report({ messageId: 'notOtp', node: b.typeNode ?? b.node, data: { type: b.type || 'untyped' } });
        continue;
      }
      if (seen) {
        ctx.report({ messageId: 'extra', node: b.typeNode ?? b.node });
        continue;
      }
      seen = true;
      const otpNode = getString(b.node, 'otp_type');
      if (!otpNode) {
        ctx.report({ messageId: 'missingOtpType', node: b.typeNode ?? b.node });
        continue;
      }
      const otpType = b.otpType ?? '';
      if (!OTP_TYPES.includes(otpType)) {
        ctx.report({ messageId: 'badOtpType', node: otpNode, data: { value: otpNode.value } });
        continue;
      }
      const autofill = getString(b.node, 'autofill_text');
      if (autofill && autofill.value.length > LABEL_MAX) {
        ctx.report({ messageId: 'autofillTooLong', node: autofill, start: LABEL_MAX, end: autofill.value.length, data: { length: autofill.value.length, max: LABEL_MAX } });
      }
      if (otpType === 'ZERO_TAP') {
        const terms = get(b.node, 'zero_tap_terms_accepted');
        if (!terms || terms.kind !== 'boolean' || !terms.value) {
          const fix = terms ? ctx.fixer.replaceValue(terms, true) : ctx.fixer.addProperty(b.node, 'zero_tap_terms_accepted', true);
          ctx.report({ messageId: 'zeroTapTerms', node: terms ?? otpNode, suggest: [fix ? { message: 'Set "zero_tap_terms_accepted": true (only once the terms are accepted)', fix } : null] });
        }
      }
    }
  },
  examples: {
    valid: [
      { template: auth([{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }]) },
      { template: auth([{ type: 'OTP', otp_type: 'one_tap', text: 'Copy code', autofill_text: 'Autofill', supported_apps: [app] }]) },
      { template: auth([{ type: 'OTP', otp_type: 'ZERO_TAP', zero_tap_terms_accepted: true, supported_apps: [app] }]) },
    ],
    invalid: [
      { title: 'No button', template: { category: 'AUTHENTICATION', components: [body] }, errors: ['missing'], spans: ['"BODY"'] },
      { title: 'A link button', template: auth([{ type: 'URL', text: 'Open', url: 'https://example.com' }]), errors: ['notOtp'], spans: ['"URL"'] },
      { title: 'Two OTP buttons', template: auth([{ type: 'OTP', otp_type: 'COPY_CODE' }, { type: 'OTP', otp_type: 'COPY_CODE' }]), errors: ['extra'], spans: ["\"OTP\""] },
      { title: 'Unknown OTP type', template: auth([{ type: 'OTP', otp_type: 'AUTOFILL' }]), errors: ['badOtpType'], spans: ['"AUTOFILL"'] },
      { title: 'No OTP type', template: auth([{ type: 'OTP', text: 'Copy code' }]), errors: ['missingOtpType'], spans: ['"OTP"'] },
      { title: 'Zero-tap terms not accepted', template: auth([{ type: 'OTP', otp_type: 'ZERO_TAP', supported_apps: [app] }]), errors: ['zeroTapTerms'], spans: ['"ZERO_TAP"'] },
      {
        title: 'Autofill label too long',
        template: auth([{ type: 'OTP', otp_type: 'ONE_TAP', autofill_text: 'Fill in my verification code', supported_apps: [app] }]),
        errors: ['autofillTooLong'],
        spans: ['ode'],
      },
    ],
  },
});
