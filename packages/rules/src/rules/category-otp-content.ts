import { defineRule, z } from '@greenlight/core';
import { classification } from '../utils/category.js';
import { SOURCES, cite } from '../utils/sources.js';

const S4 = cite(SOURCES.S4, 'one-time passcodes belong to AUTHENTICATION');
const S5 = SOURCES.S5;
const S8 = cite(SOURCES.S8, 'INCORRECT_CATEGORY');

export default defineRule({
  id: 'category-otp-content',
  description: 'One-time passcodes and verification codes are sent only with AUTHENTICATION templates.',
  rationale:
    'Meta reserves one-time passcodes (login, account recovery, verification) for authentication templates, which use a preset text and an OTP button. A utility or marketing template whose purpose is a verification code is not moved to another category: it is rejected as INCORRECT_CATEGORY. Greenlight looks for code wording in the template language and English ("verification code", "your code is", "OTP", "código de verificação", "код подтверждения", "kode OTP", "doğrulama kodu", "رمز التحقق", "सत्यापन कोड", "aapka OTP"...) and for hints such as "do not share this code". Coupon codes ("use code SAVE10"), order, pickup and tracking codes and warnings never to share an OTP are not counted.',
  severity: 'error',
  family: 'category',
  tags: ['category', 'authentication', 'otp', 'i18n'],
  evidence: { level: 'meta', sources: [S4, S5, S8] },
  recommended: true,
  messages: {
    otp: '“{phrase}” makes this a one-time-code message; Meta rejects such {declared} templates (INCORRECT_CATEGORY). Send codes with an AUTHENTICATION template and its OTP button.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'UTILITY' && t.category !== 'MARKETING') return;
    const c = classification(t, ctx);
    if (c.otpScore < 3) return;
    const strong = c.otpSignals.filter((s) => s.weight >= 3);
    const [first, ...rest] = strong.length ? strong : c.otpSignals;
    if (!first) return;
    ctx.report({
      messageId: 'otp',
      node: first.field.node,
      start: first.start,
      end: first.end,
      data: { phrase: first.text, declared: t.category },
      related: rest.concat(strong.length ? c.otpSignals.filter((s) => s.weight < 3) : []).map((s) => ({ message: `Also one-time-code wording: “${s.text}”`, range: ctx.rangeOf(s.field.node, s.start, s.end) })),
    });
  },
  examples: {
    valid: [
      { title: 'A delivery OTP mentioned in a shipping update', template: { language: 'en_IN', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is out for delivery. Please share the delivery OTP with our rider.', example: { body_text: [['Ravi', 'A-1042']] } }] } },
      { title: 'A coupon code is not a one-time code', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Use code SAVE10 for 10% off today, {{1}}.' }] } },
      { title: 'An order code', template: 'Hi {{1}}, your order code is {{2}}. Show it at the counter.' },
      { title: 'A password change alert', template: 'Hi {{1}}, your password was changed on {{2}}. Never share your OTP with anyone.' },
      { title: 'Indonesian pickup code', template: { language: 'id', components: [{ type: 'BODY', text: 'Halo {{1}}, tunjukkan kode pengambilan {{2}} kepada petugas.' }] } },
      { title: 'Authentication templates may', template: { category: 'AUTHENTICATION', components: [{ type: 'BODY', text: 'Your verification code is {{1}}.' }] } },
    ],
    invalid: [
      { title: 'English', template: 'Use {{1}} as your one-time login code. It expires in 10 minutes.', errors: ['otp'], spans: ['one-time login code'] },
      { title: 'Spanish', template: { language: 'es', components: [{ type: 'BODY', text: 'Tu código de verificación es {{1}}.' }] }, errors: ['otp'], spans: ['código de verificación'] },
      { title: 'Portuguese', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Seu código de verificação é {{1}}. Não compartilhe este código.' }] }, errors: ['otp'], spans: ['código de verificação'] },
      { title: 'Italian', template: { language: 'it', category: 'MARKETING', components: [{ type: 'BODY', text: 'Il tuo codice di verifica è {{1}}.' }] }, errors: ['otp'], spans: ['codice di verifica'] },
      { title: 'German', template: { language: 'de', components: [{ type: 'BODY', text: 'Dein Bestätigungscode lautet {{1}}.' }] }, errors: ['otp'], spans: ['Bestätigungscode'] },
      { title: 'French', template: { language: 'fr', category: 'MARKETING', components: [{ type: 'BODY', text: 'Votre code de vérification est {{1}}. Ne le communiquez à personne.' }] }, errors: ['otp'], spans: ['code de vérification'] },
      { title: 'Russian', template: { language: 'ru', components: [{ type: 'BODY', text: 'Ваш код подтверждения: {{1}}. Никому не сообщайте его.' }] }, errors: ['otp'], spans: ['код подтверждения'] },
      { title: 'Indonesian', template: { language: 'id', components: [{ type: 'BODY', text: 'Kode OTP Anda adalah {{1}}. Jangan berikan kode ini kepada siapa pun.' }] }, errors: ['otp'], spans: ['Kode OTP'] },
      { title: 'Turkish', template: { language: 'tr', components: [{ type: 'BODY', text: 'Doğrulama kodunuz {{1}}. Kimseyle paylaşmayın.' }] }, errors: ['otp'], spans: ['Doğrulama kodunuz'] },
      { title: 'Arabic', template: { language: 'ar', components: [{ type: 'BODY', text: 'رمز التحقق الخاص بك هو {{1}}. لا تشارك هذا الرمز.' }] }, errors: ['otp'], spans: ['رمز التحقق'] },
      { title: 'Hindi', template: { language: 'hi', components: [{ type: 'BODY', text: 'आपका सत्यापन कोड {{1}} है। इसे किसी के साथ साझा न करें।' }] }, errors: ['otp'], spans: ['सत्यापन कोड'] },
      { title: 'Hinglish', template: { language: 'en_IN', components: [{ type: 'BODY', text: 'Aapka OTP hai {{1}}. Ise kisi ke saath share na karein.' }] }, errors: ['otp'], spans: ['Aapka OTP hai'] },
    ],
  },
});
