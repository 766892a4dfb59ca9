import fc from 'fast-check';
import { lint, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import categoryMismatch from '../src/rules/category-mismatch.js';
import { detectLanguage, languageMismatch } from '../src/utils/language-detect.js';
import { policyLexicon } from '../src/utils/policy.js';
import { nonOverlapping, TermIndex } from '../src/utils/terms.js';

const find = (terms: string[], text: string) => new TermIndex(terms.map((term) => ({ term, list: 'l', layer: 0 }))).find(text)[0]!.map((m) => m.text);

describe('TermIndex', () => {
  it('matches whole words, wildcards, numbers and glued symbols', () => {
    expect(find(['off', 'free'], 'Visit our office; the freezer is free.')).toEqual(['free']);
    expect(find(['скидк*'], 'Купите со скидкой 20%')).toEqual(['скидкой']);
    expect(find(['*خصم'], 'احصل على الخصم الآن')).toEqual(['الخصم']);
    // A leading * allows up to 4 letters before the stem: longer compounds are listed one by one.
    expect(find(['*rabatt*'], 'Minirabatte und Sommerrabatt')).toEqual(['Minirabatte']);
    expect(find(['#% off', '# % off'], 'Get 20% off or 15 % off, not 20%offer')).toEqual(['20% off', '15 % off']);
    expect(find(['%# indirim*'], '%30 indirimli ürünler')).toEqual(['%30 indirimli']);
    expect(find(["%#'ye varan"], '%50’ye varan fırsat')).toEqual(['%50’ye varan']);
    expect(find(['rp#'], 'hemat Rp10.000 hari ini')).toEqual([]);
  });
  it('folds case and accents, Turkish dotted capitals, nukta and Arabic hamza', () => {
    expect(find(['promoção'], 'PROMOCAO de verão')).toEqual(['PROMOCAO']);
    expect(find(['indirim'], 'BÜYÜK İNDİRİM')).toEqual(['İNDİRİM']);
    expect(find(['ऑफर'], 'ऑफ़र सिर्फ आज')).toEqual(['ऑफ़र']);
    expect(find(['أرسل'], 'ارسل توقف')).toEqual(['ارسل']);
    expect(find(['с днём рождения'], 'С днем рождения!')).toEqual(['С днем рождения']);
  });
  it("compares case only with accents: 'exact' (the content-policy lists)", () => {
    const exact = (terms: string[], text: string) => new TermIndex(terms.map((term) => ({ term, list: 'l', layer: 0 })), 1, { accents: 'exact' }).find(text)[0]!.map((m) => m.text);
    expect(exact(['gun'], 'Teslimat 3 gün içinde; GUN SHOW')).toEqual(['GUN']);
    expect(exact(['préstamo rápido'], 'PRÉSTAMO RÁPIDO, prestamo rapido')).toEqual(['PRÉSTAMO RÁPIDO']);
    expect(exact(['скидк*'], 'Скидка')).toEqual(['Скидка']);
    // Turkish "gün" (day) under a Turkish template is not the English weapons term "gun".
    expect(policyLexicon('tr').find('weapons', 'Siparişiniz 3 gün içinde teslim edilecek.')).toEqual([]);
    expect(policyLexicon('tr').find('weapons', 'Buy a gun today').map((m) => m.text)).toEqual(['gun']);
  });
  it('keeps overlapping matches that reach further, drops ones inside an earlier match', () => {
    expect(find(['#% off', 'off your next order'], '10% off your next order')).toEqual(['10% off', 'off your next order']);
    expect(find(['free shipping', 'shipping'], 'free shipping today')).toEqual(['free shipping']);
  });
  it("'all' mode without overlaps (leftmost-longest) starts only where the default mode starts a match", () => {
    const word = fc.constantFrom('sale', 'off', 'free', 'buy', 'now', 'code', 'order', 'shop', 'deal', 'x', '10', '%', '-');
    const term = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')).filter((t) => /[a-z0-9]/.test(t));
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', ', ', '. ', 'office', 'freezer', 'sales')), { maxLength: 30 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 6 }), text, (terms, t) => {
        // The default mode keeps overlapping matches that reach further, so every start of the
        // leftmost-longest, non-overlapping matches is among its starts.
        const a = nonOverlapping(new TermIndex(terms.map((x) => ({ term: x, list: 'l', layer: 0 }))).find(t, 'all')[0]!).map((m) => `${m.start}:${m.end}`);
        const b = new TermIndex(terms.map((x) => ({ term: x, list: 'l', layer: 0 }))).find(t)[0]!.map((m) => `${m.start}:${m.end}`);
        for (const span of a) {
          const [s] = span.split(':').map(Number);
          // The index may prefer a longer match at the same start; it never misses a start.
          expect(b.some((x) => Number(x.split(':')[0]) === s)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('finishes on adversarial input', () => {
    // A backtracking matcher would run into the test timeout here; speed itself is for `pnpm bench`.
    const idx = new TermIndex(['a* a* a* a* b', 'a a a a a a a a a c'].map((term) => ({ term, list: 'l', layer: 0 })));
    expect(idx.find(`${'a '.repeat(50000)}c`)[0]!.length).toBeGreaterThan(0);
  });
});

const cfg = (business: object) =>
  ({ baseDir: '/', files: [], rules: { 'category-mismatch': { severity: 'warning' } }, business, overrides: [], ignorePatterns: [] }) as unknown as ResolvedConfig;
const mismatches = (text: string, business: object = {}, language = 'en_US') =>
  lint(JSON.stringify({ name: 't', language, category: 'UTILITY', components: [{ type: 'BODY', text }] }), { rules: [categoryMismatch], config: cfg(business), format: 'json' }).messages.map((m) => m.message);

describe('business.terms', () => {
  it('adds team terms to a list, for one language or all', () => {
    expect(mismatches('Hi {{1}}, your order {{2}} shipped. Mega bonanza this week!')).toEqual([]);
    expect(mismatches('Hi {{1}}, your order {{2}} shipped. Mega bonanza this week!', { terms: { promotional: { en: ['mega bonanza'] } } })).toHaveLength(1);
    expect(mismatches('Olá {{1}}, seu pedido {{2}} saiu. Megaliquida na loja!', { terms: { promotional: { '*': ['megaliquida'] } } }, 'pt_BR')).toHaveLength(1);
  });
  it('an allow list suppresses matches (a team whose free shipping is a service promise)', () => {
    const text = 'Hi {{1}}, your order {{2}} ships tomorrow with free shipping and a free gift wrap offer.';
    expect(mismatches(text).length).toBeGreaterThan(0);
    expect(mismatches(text, { terms: { allow: { en: ['free shipping', 'free gift wrap offer'] } } })).toEqual([]);
  });
});

describe('language detection', () => {
  it('names scripts and Latin languages only with enough evidence', () => {
    expect(detectLanguage('Здравствуйте! Ваш заказ доставлен.').language).toBe('ru');
    expect(detectLanguage('مرحبا، تم شحن طلبك وسيصل قريبا').language).toBe('ar');
    expect(detectLanguage('Hola {{1}}, tu pedido ya está en camino y llegará mañana. Gracias por tu compra.').language).toBe('es');
    expect(detectLanguage('Olá {{1}}, o seu pedido foi enviado e chega amanhã. Obrigado pela compra.').language).toBe('pt');
    expect(detectLanguage('Hi {{1}}!').language).toBeUndefined();
  });
  it('leaves placeholders, links and e-mail addresses out of the counts', () => {
    const plain = 'Hola, tu pedido ya está en camino y llegará mañana. Gracias por tu compra.';
    const noisy = 'Hola {{customer_name}}, tu pedido ya está en camino y llegará mañana: https://example.com/the/and/you. Gracias por tu compra. the.and.you@example.com www.the-and-you.com';
    const a = detectLanguage(plain);
    const b = detectLanguage(noisy);
    expect(b.language).toBe('es');
    expect(b.hits).toEqual(a.hits);
    expect(b.words).toBe(a.words);
    // Astral letters and combining marks are one word each: "𝒜bc" and "nĩ".
    expect(detectLanguage('𝒜bc nĩ').words).toBe(2);
  });
  it('reports only confident mismatches', () => {
    expect(languageMismatch('en', 'Hola {{1}}, tu pedido ya está en camino y llegará el lunes. Gracias por tu compra en nuestra tienda.')?.detected).toBe('es');
    expect(languageMismatch('pt', 'Olá {{1}}, seu pedido da Loja Norte foi confirmado e será enviado em breve. Obrigado!')).toBeUndefined();
    expect(languageMismatch('hi', 'Namaste {{1}}, aapka order {{2}} bhej diya gaya hai aur jaldi pahunch jayega.')).toBeUndefined();
    expect(languageMismatch('en', 'Hi {{1}}, aapka order deliver ho gaya hai, koi problem ho to humein message karein.')).toBeUndefined();
    expect(languageMismatch('nl', 'Hallo {{1}}, je bestelling {{2}} is verzonden en komt morgen aan. Bedankt voor je aankoop.')).toBeUndefined();
    expect(languageMismatch('ru', 'Hello {{1}}, your order {{2}} has shipped and will arrive tomorrow. Thank you for your purchase.')?.detected).toBe('en');
    // Same script, different language (Russian under uk) is beyond a function-word guesser: silent.
    expect(languageMismatch('uk', 'Здравствуйте! Ваш заказ доставлен, спасибо за покупку в нашем магазине.')).toBeUndefined();
    expect(languageMismatch('es', 'OK')).toBeUndefined();
  });
});
