import { applyFixes, lint, parseYaml, readTemplates, toPlain, type LintMessage, type ResolvedConfig } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import rule from '../src/rules/marketing-opt-out.js';

const config = {
  baseDir: '/',
  files: [],
  rules: { 'marketing-opt-out': { severity: 'warning' } },
  business: {},
  overrides: [],
  ignorePatterns: [],
} as unknown as ResolvedConfig;

const run = (text: string, format: 'json' | 'yaml') => lint(text, { rules: [rule], config, format }).messages.filter((m) => m.ruleId === 'marketing-opt-out');

function applySuggestion(text: string, m: LintMessage, which: string): string {
  const s = m.suggestions?.find((x) => x.message.includes(which));
  expect(s, `suggestion containing "${which}"`).toBeDefined();
  return applyFixes(text, [s!.fix]).output;
}

const template = (language: string, components: unknown[]) => ({ name: 'promo', language, category: 'MARKETING', components });
const body = (text: string) => ({ type: 'BODY', text });

describe('marketing-opt-out suggestions', () => {
  const cases: [string, string, string][] = [
    ['en_US', 'Stop promotions', 'Not interested? Tap Stop promotions'],
    ['es_MX', 'Detener promociones', '¿No te interesa? Toca Detener promociones'],
    ['pt_BR', 'Parar promoções', 'Não quer receber? Toque em Parar promoções'],
    ['it', 'Interrompi promozioni', 'Non ti interessa? Tocca Interrompi promozioni'],
    ['de', 'Werbung stoppen', 'Kein Interesse? Tippe auf Werbung stoppen'],
    ['fr', 'Arrêter les promotions', 'Pas intéressé ? Touchez Arrêter les promotions'],
    ['ru', 'Остановить рекламу', 'Не интересно? Нажмите «Остановить рекламу»'],
    ['id', 'Hentikan promosi', 'Tidak tertarik? Ketuk Hentikan promosi'],
    ['tr', 'Tanıtımları durdur', "Almak istemiyorsanız Tanıtımları durdur'a dokunun"],
    ['ar', 'إيقاف العروض', 'غير مهتم؟ اضغط على إيقاف العروض'],
    ['hi', 'प्रमोशन रोकें', 'रुचि नहीं है? प्रमोशन रोकें पर टैप करें'],
    ['nl', 'Stop promotions', 'Not interested? Tap Stop promotions'],
  ];
  it.each(cases)('%s: footer and quick reply in the template language, and both make the rule pass (JSON)', (language, button, footer) => {
    const text = JSON.stringify(template(language, [body(language === 'hi' ? 'नमस्ते {{1}}, नया कलेक्शन आ गया है।' : 'Hi {{1}}, new arrivals are here.'), { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Shop', url: 'https://example.com' }] }]), null, 2);
    const [m] = run(text, 'json');
    expect(m).toBeDefined();
    expect(m!.fix).toBeUndefined();
    expect(m!.suggestions?.map((s) => s.message)).toEqual([`Add the footer “${footer}”`, `Add the quick reply “${button}”`]);
    const withFooter = applySuggestion(text, m!, 'footer');
    const plainFooter = JSON.parse(withFooter);
    // The footer goes before the buttons.
    expect(plainFooter.components.map((c: { type: string }) => c.type)).toEqual(['BODY', 'FOOTER', 'BUTTONS']);
    expect(run(withFooter, 'json')).toEqual([]);
    const withButton = applySuggestion(text, m!, 'quick reply');
    expect(JSON.parse(withButton).components[1].buttons).toEqual([{ type: 'URL', text: 'Shop', url: 'https://example.com' }, { type: 'QUICK_REPLY', text: button }]);
    expect(run(withButton, 'json')).toEqual([]);
  });

  it('adds a BUTTONS component when there is none, and only the quick reply when a footer exists', () => {
    const text = JSON.stringify(template('en', [body('Hi {{1}}, our sale is on.'), { type: 'FOOTER', text: 'Acme Store' }]), null, 2);
    const [m] = run(text, 'json');
    expect(m!.suggestions?.map((s) => s.message)).toEqual(['Add the quick reply “Stop promotions”']);
    const fixed = JSON.parse(applySuggestion(text, m!, 'quick reply'));
    expect(fixed.components[2]).toEqual({ type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] });
  });

  it('keeps quick replies grouped: the new one goes right after the existing quick replies', () => {
    const buttons = [{ type: 'QUICK_REPLY', text: 'Yes' }, { type: 'QUICK_REPLY', text: 'Later' }, { type: 'URL', text: 'Shop', url: 'https://example.com' }];
    const text = JSON.stringify(template('en', [body('Hi {{1}}, want to see the new collection?'), { type: 'FOOTER', text: 'Acme' }, { type: 'BUTTONS', buttons }]), null, 2);
    const [m] = run(text, 'json');
    const fixed = JSON.parse(applySuggestion(text, m!, 'quick reply'));
    expect(fixed.components[2].buttons.map((b: { text: string }) => b.text)).toEqual(['Yes', 'Later', 'Stop promotions', 'Shop']);
  });

  it('offers no button when the template already has 10 buttons', () => {
    const buttons = Array.from({ length: 10 }, (_, i) => ({ type: 'QUICK_REPLY', text: `Option ${i + 1}` }));
    const text = JSON.stringify(template('en', [body('Hi {{1}}, which category do you like?'), { type: 'FOOTER', text: 'Acme' }, { type: 'BUTTONS', buttons }]), null, 2);
    const [m] = run(text, 'json');
    expect(m).toBeDefined();
    expect(m!.suggestions ?? []).toEqual([]);
  });

  it('writes valid YAML for block and flow styles, and the rule then passes', () => {
    const yaml = ['name: promo', 'language: pt_BR', 'category: MARKETING', 'components:', '  - type: BODY', "    text: 'Oi {{1}}, chegou a coleção nova.'", '  - type: BUTTONS', '    buttons:', '      - type: URL', '        text: Ver', '        url: https://example.com', ''].join('\n');
    const [m] = run(yaml, 'yaml');
    expect(m).toBeDefined();
    for (const which of ['footer', 'quick reply']) {
      const out = applySuggestion(yaml, m!, which);
      const doc = parseYaml(out);
      expect(doc.problems).toEqual([]);
      const t = toPlain(readTemplates(doc.root).templates[0]!.node) as { components: { type: string; buttons?: unknown[] }[] };
      if (which === 'footer') expect(t.components.map((c) => c.type)).toEqual(['BODY', 'FOOTER', 'BUTTONS']);
      else expect(t.components[1]!.buttons).toHaveLength(2);
      expect(run(out, 'yaml')).toEqual([]);
    }
  });

  it('does not offer a footer to limited-time-offer templates, nor anything to carousels', () => {
    const lto = JSON.stringify(template('en', [{ type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Ends soon' } }, body('Hi {{1}}, our deal ends soon.')]), null, 2);
    expect(run(lto, 'json')[0]!.suggestions?.map((s) => s.message)).toEqual(['Add the quick reply “Stop promotions”']);
    const carousel = JSON.stringify(template('en', [body('Hi {{1}}, see our picks.'), { type: 'CAROUSEL', cards: [] }]), null, 2);
    expect(run(carousel, 'json')[0]!.suggestions ?? []).toEqual([]);
  });

  it('suggests Hinglish texts for Hindi templates written in Latin letters', () => {
    const text = JSON.stringify(template('hi', [body('Namaste {{1}}, naya collection aa gaya hai, abhi dekhiye!')]), null, 2);
    const [m] = run(text, 'json');
    expect(m!.suggestions?.[0]?.message).toBe('Add the footer “Ruchi nahi? Promotions band karein dabayein”');
  });
});

describe('marketing-opt-out detection', () => {
  const ok: [string, string, string?][] = [
    ['en', 'Reply STOP to unsubscribe'],
    ['en', 'Not interested? Tap Stop promotions'],
    ['en', 'Text STOP to opt out'],
    ['es', 'Para darte de baja responde BAJA'],
    ['es', '¿No te interesa? Toca "Detener promociones"'],
    ['pt', 'Responda SAIR para não receber mais ofertas'],
    ['it', 'Rispondi STOP per non ricevere più offerte'],
    ['de', 'Keine Werbung mehr? Antworte mit STOP'],
    ['fr', 'Répondez STOP pour ne plus recevoir nos offres'],
    ['ru', 'Отпишитесь, ответив СТОП'],
    ['id', 'Ketik STOP untuk berhenti'],
    ['tr', 'Abonelikten çıkmak için RET yazın'],
    ['tr', 'Mesaj almak istemiyorsanız RET yazın'],
    ['ar', 'للإلغاء أرسل STOP'],
    ['ar', 'لإيقاف رسائل العروض أرسل كلمة إيقاف'],
    ['hi', 'सदस्यता समाप्त करने के लिए STOP भेजें'],
    ['hi', 'Promotions band karne ke liye STOP bhejein'],
    ['pt', 'Reply STOP to unsubscribe', 'English opt-out lines count in every language'],
  ];
  it.each(ok)('%s footer: %s', (language, footer) => {
    const text = JSON.stringify(template(language, [body('Hi {{1}}, the new collection is here.'), { type: 'FOOTER', text: footer }]));
    expect(run(text, 'json')).toEqual([]);
  });
  const labels: [string, string][] = [
    ['en', 'Unsubscribe from Promos'],
    ['en', 'STOP'],
    ['es', 'Detener promociones'],
    ['pt', 'Parar promoções'],
    ['it', 'Interrompi promozioni'],
    ['de', 'Werbung stoppen'],
    ['fr', 'Arrêter les promotions'],
    ['ru', 'Остановить рекламу'],
    ['id', 'Hentikan promosi'],
    ['tr', 'Tanıtımları durdur'],
    ['ar', 'إيقاف العروض'],
    ['hi', 'प्रमोशन रोकें'],
  ];
  it.each(labels)('%s quick reply: %s', (language, label) => {
    const text = JSON.stringify(template(language, [body('Hi {{1}}, the new collection is here.'), { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: label }] }]));
    expect(run(text, 'json')).toEqual([]);
  });
  const notOptOut: [string, string][] = [
    ['en', 'Non-stop deals, stop by today'],
    ['en', 'Terms and conditions apply'],
    ['pt', 'Dúvidas? Responda esta mensagem.'],
    ['ru', 'Ждём вас в гости!'],
    ['tr', 'Evim Mağaza'],
  ];
  it.each(notOptOut)('%s footer without an opt-out: %s', (language, footer) => {
    const text = JSON.stringify(template(language, [body('Hi {{1}}, the new collection is here.'), { type: 'FOOTER', text: footer }]));
    expect(run(text, 'json')).toHaveLength(1);
  });
  it('a generic "Stop" quick reply counts only as the whole label', () => {
    const text = JSON.stringify(template('en', [body('Hi {{1}}, new arrivals.'), { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop by the store' }] }]));
    expect(run(text, 'json')).toHaveLength(1);
  });
  it('ignores utility and authentication templates', () => {
    const text = JSON.stringify({ ...template('en', [body('Hi {{1}}, your order {{2}} has shipped.')]), category: 'UTILITY' });
    expect(run(text, 'json')).toEqual([]);
  });
});
