import { defineRule, z, type Fix, type Template } from '@greenlight/core';
import { classification } from '../utils/category.js';
import type { Classification } from '../utils/classify.js';
import { detectLanguage } from '../utils/language-detect.js';
import { phrase, termFile } from '../utils/term-lists.js';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'quick replies for marketing opt-out');
const S17 = cite(SOURCES.S17, 'opt-out button recommended');
const S27 = cite(SOURCES.S27, 'respect opt-out requests');
const B13 = SOURCES.B13;
const B15 = SOURCES.B15;

const MAX_BUTTONS = 10;

// A word in capitals, bounded: "STOP", "SAIR", "СТОП". Linear: one class run, no nesting.
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}-]{1,19}(?![\p{L}\p{N}])/gu;
const keywordSets = new Map<string, Set<string>>();

/** Opt-out keywords of the template's languages ("STOP", "BAJA", "DURDUR"), from the term files. */
function optOutKeywords(languages: readonly string[]): Set<string> {
  const key = languages.join(',');
  let set = keywordSets.get(key);
  if (!set) {
    set = new Set(languages.flatMap((l) => termFile(l)?.lists['optOutKeywords'] ?? []));
    keywordSets.set(key, set);
  }
  return set;
}

/**
 * A keyword in capitals where opt-out instructions live (the footer, or the body's last line) reads
 * as "send this word to stop", whatever the phrasing around it. Shouted texts are skipped: there
 * every word is in capitals.
 */
function hasKeywordInstruction(text: string, keywords: Set<string>): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters === letters.toUpperCase()) return false;
  CAPS_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPS_WORD.exec(text))) if (keywords.has(m[0])) return true;
  return false;
}

/** Does the template tell the customer how to stop marketing messages? */
export function hasOptOut(t: Template, c: Classification): boolean {
  for (const { field, optOut } of c.scans.values()) {
    if (field.kind === 'button-text') continue;
    if (optOut.some((m) => m.list === 'optOut' || m.list === 'optOutButton')) return true;
  }
  const keywords = optOutKeywords(c.bundle.languages);
  if (t.footer?.text && hasKeywordInstruction(t.footer.text.value, keywords)) return true;
  const body = t.body?.text?.value.trimEnd();
  if (body && hasKeywordInstruction(body.slice(body.lastIndexOf('\n') + 1), keywords)) return true;
  for (const comp of t.components) {
    for (const b of comp.buttons) {
      if (b.type !== 'QUICK_REPLY' || !b.text) continue;
      const label = b.text.value.trim();
      const found = c.bundle.scan(label).optOut;
      if (found.some((m) => m.list === 'optOut' || m.list === 'optOutButton')) return true;
      // A bare "STOP" or "Unsubscribe" counts only as the whole label.
      if (found.some((m) => m.list === 'optOutLabel' && m.start === 0 && m.end === label.length)) return true;
    }
  }
  return false;
}

/** The language to write the suggested texts in: Hinglish for Hindi templates written in Latin letters. */
function phraseLanguage(t: Template, code: string | undefined): string | undefined {
  if (code === 'hi' && t.body?.text && detectLanguage(t.body.text.value).script === 'Latin') return 'hi-Latn';
  return code;
}

export default defineRule({
  id: 'marketing-opt-out',
  description: 'Marketing templates tell the customer how to stop promotions: an opt-out quick reply or an opt-out line.',
  rationale:
    'Meta recommends a marketing opt-out button on marketing templates: customers who can stop promotions in one tap block and report the business less, which protects its quality rating and messaging limits, and the WhatsApp Business Messaging Policy requires honouring every opt-out request. Greenlight accepts a quick reply such as "Stop promotions" (or its localised label) or a body or footer line that explains how to opt out ("Reply STOP to unsubscribe", "Responda SAIR", "Чтобы отписаться, ответьте СТОП", "للإلغاء أرسل STOP"...), in the template language or English. Without one, it suggests a footer in the template language (when there is no footer yet) and a quick-reply button placed with the other quick replies, within the limit of 10 buttons. These are suggestions, not automatic fixes, because they add visible content.',
  severity: 'warning',
  family: 'opt-out',
  tags: ['opt-out', 'marketing', 'i18n'],
  evidence: { level: 'meta', sources: [S2, S17, S27, B13, B15] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    missing: 'This marketing template gives no way to stop promotions; add a quick reply such as “{button}” or a footer like “{footer}”.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'MARKETING') return;
    const c = classification(t, ctx);
    if (hasOptOut(t, c)) return;
    const lang = phraseLanguage(t, ctx.languageCode);
    const footer = phrase(lang, 'optOutFooter').text;
    const button = phrase(lang, 'optOutButton').text;
    const carousel = t.components.some((x) => x.type === 'CAROUSEL');
    const lto = t.components.some((x) => x.type === 'LIMITED_TIME_OFFER');
    const components = t.componentsNode;
    const suggest: ({ message: string; fix: Fix } | null)[] = [];
    if (components && !carousel) {
      const buttonsIndex = t.components.findIndex((x) => x.type === 'BUTTONS');
      // A footer goes before the buttons, where Meta's editor shows it; LTO templates have none.
      if (!t.footer && !lto) {
        const value = { type: 'FOOTER', text: footer };
        const fix = buttonsIndex >= 0 ? ctx.fixer.insertItem(components, components.items.indexOf(t.components[buttonsIndex]!.node), value) : ctx.fixer.appendItem(components, value);
        if (fix) suggest.push({ message: `Add the footer “${footer}”`, fix });
      }
      const qr = { type: 'QUICK_REPLY', text: button };
      const bc = t.buttonsComponent;
      let fix: Fix | null = null;
      if (!bc) fix = ctx.fixer.appendItem(components, { type: 'BUTTONS', buttons: [qr] });
      else if (bc.buttonsNode && bc.buttons.length < MAX_BUTTONS) {
        // Quick replies stay together: right after the last one, or after the call-to-action buttons.
        const items = bc.buttonsNode.items;
        let lastQr = -1;
        bc.buttons.forEach((b) => {
          if (b.type === 'QUICK_REPLY') lastQr = Math.max(lastQr, items.indexOf(b.node));
        });
        fix = lastQr >= 0 && lastQr < items.length - 1 ? ctx.fixer.insertItem(bc.buttonsNode, lastQr + 1, qr) : ctx.fixer.appendItem(bc.buttonsNode, qr);
      }
      if (fix) suggest.push({ message: `Add the quick reply “${button}”`, fix });
    }
    ctx.report({ messageId: 'missing', node: t.categoryNode ?? t.node, data: { button, footer }, suggest });
  },
  examples: {
    valid: [
      {
        title: 'A keyword in capitals in the footer, in any phrasing',
        template: { category: 'MARKETING', language: 'tr', components: [{ type: 'BODY', text: 'Yaz indirimi başladı: tüm ürünlerde %30 indirim.' }, { type: 'FOOTER', text: 'Promosyon istemiyorsan DURDUR yaz' }] },
      },
      { title: 'Opt-out quick reply', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, our summer sale is on.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] }] } },
      { title: 'Opt-out footer', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, our summer sale is on.' }, { type: 'FOOTER', text: 'Reply STOP to unsubscribe' }] } },
      { title: 'Utility templates need none', template: 'Hi {{1}}, your order {{2}} has shipped.' },
      { title: 'Spanish footer', template: { language: 'es', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hola {{1}}, llegó el Hot Sale.' }, { type: 'FOOTER', text: 'Para darte de baja responde BAJA' }] } },
      { title: 'Portuguese button', template: { language: 'pt_BR', category: 'MARKETING', components: [{ type: 'BODY', text: 'Oi {{1}}, a Black Friday chegou.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Parar promoções' }] }] } },
      { title: 'Portuguese footer', template: { language: 'pt_BR', category: 'MARKETING', components: [{ type: 'BODY', text: 'Oi {{1}}, chegou o novo café.' }, { type: 'FOOTER', text: 'Para não receber mais ofertas, responda SAIR' }] } },
      { title: 'Italian footer', template: { language: 'it', category: 'MARKETING', components: [{ type: 'BODY', text: 'Ciao {{1}}, sono iniziati i saldi.' }, { type: 'FOOTER', text: 'Rispondi STOP per non ricevere più offerte' }] } },
      { title: 'German button', template: { language: 'de', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hallo {{1}}, unser Sommer-Sale läuft.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Abmelden' }] }] } },
      { title: 'French footer', template: { language: 'fr', category: 'MARKETING', components: [{ type: 'BODY', text: 'Bonjour {{1}}, les soldes commencent.' }, { type: 'FOOTER', text: 'Répondez STOP pour ne plus recevoir nos offres' }] } },
      { title: 'Russian footer', template: { language: 'ru', category: 'MARKETING', components: [{ type: 'BODY', text: 'Здравствуйте, {{1}}! Новое меню.' }, { type: 'FOOTER', text: 'Чтобы отписаться, ответьте СТОП' }] } },
      { title: 'Russian button', template: { language: 'ru', category: 'MARKETING', components: [{ type: 'BODY', text: 'Здравствуйте, {{1}}! Распродажа.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Остановить рекламу' }] }] } },
      { title: 'Indonesian footer', template: { language: 'id', category: 'MARKETING', components: [{ type: 'BODY', text: 'Halo {{1}}, ada menu baru.' }, { type: 'FOOTER', text: 'Ketik STOP untuk berhenti' }] } },
      { title: 'Turkish footer', template: { language: 'tr', category: 'MARKETING', components: [{ type: 'BODY', text: 'Merhaba {{1}}, yeni menümüz hazır.' }, { type: 'FOOTER', text: 'Abonelikten çıkmak için RET yazın' }] } },
      { title: 'Arabic footer', template: { language: 'ar', category: 'MARKETING', components: [{ type: 'BODY', text: 'مرحبا {{1}}، وصلت تشكيلة جديدة.' }, { type: 'FOOTER', text: 'للإلغاء أرسل STOP' }] } },
      { title: 'Hindi footer', template: { language: 'hi', category: 'MARKETING', components: [{ type: 'BODY', text: 'नमस्ते {{1}}, नया कलेक्शन आ गया है।' }, { type: 'FOOTER', text: 'सदस्यता समाप्त करने के लिए STOP भेजें' }] } },
      { title: 'A bare STOP quick reply', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, new arrivals are here.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'STOP' }] }] } },
    ],
    invalid: [
      { title: 'No opt-out', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, our autumn collection just landed.' }] }, errors: ['missing'], spans: ['"MARKETING"'] },
      { title: '"Stop" inside a sentence is not an opt-out', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, stop by our store for the new collection.' }, { type: 'FOOTER', text: 'Non-stop deals all week' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      {
        title: 'A shouted body is not a keyword instruction',
        template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}!\nBIG SALE THIS WEEKEND, DON\'T STOP SHOPPING' }] },
        errors: ['missing'], spans: ["\"MARKETING\""],
      },
      { title: 'Spanish', template: { language: 'es_MX', category: 'MARKETING', components: [{ type: 'BODY', text: '¡Hola {{1}}! Este Buen Fin tenemos hasta 25% de descuento.' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      { title: 'Portuguese', template: { language: 'pt_BR', category: 'MARKETING', components: [{ type: 'BODY', text: 'Oi {{1}}! Neste fim de semana suas compras rendem cashback em dobro.' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      { title: 'Russian', template: { language: 'ru', category: 'MARKETING', components: [{ type: 'BODY', text: 'Добрый день, {{1}}! Поступила новая коллекция пледов.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Смотреть', url: 'https://example.com' }] }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      { title: 'Turkish', template: { language: 'tr', category: 'MARKETING', components: [{ type: 'BODY', text: 'Merhaba {{1}}, yeni sezon koleksiyonumuz mağazalarda.' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      { title: 'Arabic', template: { language: 'ar', category: 'MARKETING', components: [{ type: 'BODY', text: 'مرحبا {{1}}، خصم 20% على كل شيء.' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
      { title: 'Hindi', template: { language: 'hi', category: 'MARKETING', components: [{ type: 'BODY', text: 'नमस्ते {{1}}, सभी कपड़ों पर 50% तक की छूट।' }] }, errors: ['missing'], spans: ["\"MARKETING\""] },
    ],
  },
});
