import { defineRule, z } from '@greenlight/core';
import type { Related } from '@greenlight/core';
import { categoryAnnotation, classification } from '../utils/category.js';
import type { Signal as ClassSignal } from '../utils/classify.js';
import { SOURCES, cite } from '../utils/sources.js';

const S4 = cite(SOURCES.S4, 'marketing, utility, authentication');
const S16 = cite(SOURCES.S16, 'must not be promotional');
const S18 = cite(SOURCES.S18, 'marketing only');
const S2 = cite(SOURCES.S2, 'copy-code and carousel are marketing features');
const B24 = SOURCES.B24;

export default defineRule({
  id: 'category-mismatch',
  description: 'Utility and authentication templates carry no promotional, upsell or re-engagement content.',
  rationale:
    'Since April 2025 Meta approves a UTILITY template with any promotional content as MARKETING, and re-checks approved templates later; repeated misuse of utility templates leads to rate limits and restrictions. Marketing messages cost more and count against per-user marketing limits, so a discount line in an order update changes the price of every send. Greenlight scores promotional phrases in the template language and English (discounts, coupon codes, calls to buy, sales, new products, upsell, renewal pushes, abandoned-cart and win-back nudges, greetings, app promotion), weighs them against transactional context (an order, booking or account reference), and reports each phrase that makes the template read as marketing. Each phrase gets its own finding, so every underline sits on the words to change; the other phrases are listed as related information. The predicted category and its reasons are also published to editors.',
  severity: 'warning',
  family: 'category',
  tags: ['category', 'promotional', 'i18n'],
  evidence: { level: 'meta', sources: [S4, S16, S18, S2, B24] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    promotional: '“{phrase}” is {reason}: promotional content in a {declared} template, which Meta approves or re-labels as MARKETING.',
    structure: 'A {reason} is marketing content; a {declared} template with it is treated as MARKETING.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    const c = classification(t, ctx);
    ctx.annotate('category', categoryAnnotation(c, ctx.rangeOf));
    if (c.predicted !== 'MARKETING' || (c.declared !== 'UTILITY' && c.declared !== 'AUTHENTICATION')) return;
    const declared = c.declared;
    const rangeOfSignal = (s: ClassSignal) => (s.type === 'text' ? ctx.rangeOf(s.field.node, s.start, s.end) : (s.node.kind === 'object' ? (s.node.properties.find((p) => p.key.value.toLowerCase() === 'type')?.value ?? s.node) : s.node).range);
    const describe = (s: ClassSignal) => (s.type === 'text' ? `“${s.text}” (${s.reason})` : s.reason);
    // One suggestion and one list of related locations, shared by every report of the template.
    const fix = t.categoryNode ? ctx.fixer.replaceValue(t.categoryNode, 'MARKETING') : null;
    const suggest = [fix ? { message: 'Change category to MARKETING', fix } : null];
    const all: Related[] = c.signals.map((o) => ({ message: `Also promotional: ${describe(o)}`, range: rangeOfSignal(o) }));
    c.signals.forEach((s, i) => {
      const related = all.filter((_, j) => j !== i);
      if (s.type === 'text') {
        ctx.report({ messageId: 'promotional', node: s.field.node, start: s.start, end: s.end, data: { phrase: s.text, reason: s.reason, declared }, related, suggest });
      } else if (!s.marketingOnly) {
        // The limited-time-offer component is an outright error that structure-lto reports.
        const typeNode = s.node.kind === 'object' ? s.node.properties.find((p) => p.key.value.toLowerCase() === 'type')?.value : undefined;
        ctx.report({ messageId: 'structure', node: typeNode ?? s.node, data: { reason: s.reason, declared }, related, suggest });
      }
    });
  },
  examples: {
    valid: [
      { title: 'A shipping update', template: 'Hi {{1}}, your order {{2}} has shipped and should arrive by {{3}}.' },
      { title: 'Free shipping already applied to an order', template: 'Good news, {{1}}! Free shipping has been applied to order #{{2}}, so your new total is {{3}}.' },
      { title: 'Words that only look promotional', template: 'Hi {{1}}, our office hours changed. Feel free to call the toll-free line about the sale of your car, ref {{2}}.' },
      { title: 'Portuguese: saldo is a balance', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Olá {{1}}, o seu saldo é de {{2}}. Recarregue para evitar interrupções.' }] } },
      { title: 'Russian: a discount already applied to the order', template: { language: 'ru', components: [{ type: 'BODY', text: 'Здравствуйте, {{1}}! Скидка уже применена к заказу {{2}}, итоговая сумма {{3}}.' }] } },
      { title: 'Marketing templates may promote', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Get 20% off everything this weekend, {{1}}!' }] } },
      { title: 'Feedback about this order', template: 'Hi {{1}}, your order {{2}} was delivered. Please rate your experience with this delivery.' },
    ],
    invalid: [
      {
        title: 'A coupon inside a shipping update',
        template: 'Hi {{1}}, your order {{2}} has shipped. Use code THANKS10 for 10% off your next order.',
        errors: ['promotional', 'promotional'],
        spans: ['Use code', '10% off your next order'],
      },
      { title: 'Spanish', template: { language: 'es', components: [{ type: 'BODY', text: 'Tu pedido {{1}} fue confirmado. Aprovecha un 15% de descuento en tu próxima compra.' }] }, errors: ['promotional', 'promotional', 'promotional'], spans: ['Aprovecha', '15% de descuento', 'próxima compra'] },
      { title: 'Portuguese', template: { language: 'pt_BR', components: [{ type: 'BODY', text: 'Seu pedido {{1}} saiu para entrega. Aproveite as promoções da semana!' }] }, errors: ['promotional', 'promotional'], spans: ['Aproveite', 'promoções'] },
      { title: 'Italian renewal push', template: { language: 'it', components: [{ type: 'BODY', text: 'Ciao {{1}}, il tuo abbonamento scade il {{2}}. Rinnova ora e avrai il 20% di sconto.' }] }, errors: ['promotional', 'promotional'], spans: ['Rinnova ora', '20% di sconto'] },
      { title: 'German abandoned cart', template: { language: 'de', components: [{ type: 'BODY', text: 'Hallo {{1}}, dein Warenkorb wartet noch auf dich. Schließe deine Bestellung jetzt ab.' }] }, errors: ['promotional'], spans: ['dein Warenkorb wartet'] },
      { title: 'French', template: { language: 'fr', components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre rendez-vous est le {{2}}. Profitez de -20 % sur nos soins ce mois-ci !' }] }, errors: ['promotional', 'promotional'], spans: ['Profitez', '-20 %'] },
      { title: 'Russian', template: { language: 'ru', components: [{ type: 'BODY', text: 'Ваш заказ {{1}} доставлен. Оформите следующий заказ со скидкой по промокоду СНОВА.' }] }, errors: ['promotional', 'promotional', 'promotional'], spans: ['следующий заказ', 'скидкой', 'промокоду'] },
      { title: 'Indonesian', template: { language: 'id', components: [{ type: 'BODY', text: 'Halo {{1}}, pesanan {{2}} telah dikonfirmasi. Dapatkan diskon 10% untuk pembelian berikutnya.' }] }, errors: ['promotional', 'promotional', 'promotional'], spans: ['Dapatkan', 'diskon', 'pembelian berikutnya'] },
      { title: 'Turkish', template: { language: 'tr', components: [{ type: 'BODY', text: 'Merhaba {{1}}, siparişiniz kargoya verildi. Bir sonraki alışverişinizde %10 indirim sizi bekliyor.' }] }, errors: ['promotional', 'promotional'], spans: ['Bir sonraki alışverişinizde', '%10 indirim'] },
      { title: 'Arabic', template: { language: 'ar', components: [{ type: 'BODY', text: 'مرحبا {{1}}، تم شحن طلبك {{2}}. احصل على خصم 20% على طلبك القادم.' }] }, errors: ['promotional', 'promotional'], spans: ['خصم 20%', 'طلبك القادم'] },
      { title: 'Hindi', template: { language: 'hi', components: [{ type: 'BODY', text: 'नमस्ते {{1}}, आपका ऑर्डर {{2}} भेज दिया गया है। अगली खरीद पर 20% छूट पाएं।' }] }, errors: ['promotional', 'promotional'], spans: ['अगली खरीद', '20% छूट'] },
      { title: 'Hinglish', template: { language: 'en_IN', components: [{ type: 'BODY', text: 'Hi {{1}}, aapka order {{2}} deliver ho gaya. Agli kharid par 20% tak ki chhoot paayein!' }] }, errors: ['promotional', 'promotional'], spans: ['Agli kharid', '20% tak ki chhoot'] },
      {
        title: 'A coupon button',
        template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is confirmed.' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] }] },
        errors: ['structure'],
        spans: ['"COPY_CODE"'],
      },
    ],
  },
});
