import { defineRule, z } from '@greenlight/core';
import { classification } from '../utils/category.js';
import { LANGUAGE_NAMES, languageMismatch } from '../utils/language-detect.js';
import { SOURCES, cite } from '../utils/sources.js';

const S21 = cite(SOURCES.S21, 'one template per language');
const S3 = SOURCES.S3;
const B9 = cite(SOURCES.B9, 'content not in the selected language');

const name = (code: string) => LANGUAGE_NAMES[code] ?? code;

export default defineRule({
  id: 'language-mismatch',
  description: 'The template text is written in the language the template declares.',
  rationale:
    'Each template is created for one language and WhatsApp picks the translation by its language code, so a Spanish text filed under en_US reaches the wrong customers, and reviewers reject templates whose content does not match the selected language. Greenlight guesses the language from the writing system (Cyrillic, Arabic, Devanagari...) and, for Latin script, from very common words; it reports only clear cases with enough text. Hindi written in Latin letters (Hinglish) is accepted under Hindi and English.',
  severity: 'info',
  family: 'structure',
  tags: ['language', 'i18n'],
  evidence: { level: 'provider', sources: [S21, S3, B9] },
  recommended: true,
  messages: {
    mismatch: 'The text reads as {detected} ({evidence}), but the template language is {declared}; set `language` to match the text or translate it.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    const code = ctx.languageCode;
    if (!code || !t.language) return;
    // The classification already looked at the header, body and footer text.
    const m = languageMismatch(code, classification(t, ctx).detection);
    if (!m) return;
    ctx.report({ messageId: 'mismatch', node: t.language, data: { detected: m.detected === 'Latin' ? 'Latin-script text' : name(m.detected), evidence: m.evidence, declared: `${name(code)} (${t.language.value})` } });
  },
  examples: {
    valid: [
      { title: 'English', template: 'Hi {{1}}, your order {{2}} has shipped and will arrive by {{3}}. Thank you for shopping with us.' },
      { title: 'Short texts are never judged', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Hello {{1}}!' }] } },
      { title: 'Hinglish under Hindi', template: { language: 'hi', components: [{ type: 'BODY', text: 'Namaste {{1}}, aapka order {{2}} bhej diya gaya hai aur jaldi hi aap tak pahunch jayega. Dhanyavaad!' }] } },
      { title: 'Hinglish under English', template: { language: 'en_IN', components: [{ type: 'BODY', text: 'Hi {{1}}, aapka order {{2}} deliver ho gaya hai. Koi problem ho to humein is number par message karein.' }] } },
      { title: 'Brand names and English words in Spanish', template: { language: 'es', components: [{ type: 'BODY', text: 'Hola {{1}}, tu pedido de Moldova Direct ya está en camino. Puedes seguir el tracking desde tu cuenta.' }] } },
    ],
    invalid: [
      {
        title: 'Spanish text declared as English',
        template: { language: 'en_US', components: [{ type: 'BODY', text: 'Hola {{1}}, tu pedido {{2}} ya va en camino y llegará el {{3}}. Gracias por tu compra.' }] },
        errors: ['mismatch'],
        spans: ['"en_US"'],
      },
      { title: 'Russian text declared as Portuguese', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Здравствуйте, {{1}}! Ваш заказ {{2}} доставлен. Спасибо за покупку.' }] }, errors: ['mismatch'], spans: ["\"pt_BR\""] },
      { title: 'English text declared as Arabic', template: { language: 'ar', components: [{ type: 'BODY', text: 'Hello {{1}}, your appointment is confirmed for {{2}}. Please arrive ten minutes early.' }] }, errors: ['mismatch'], spans: ["\"ar\""] },
    ],
  },
});
