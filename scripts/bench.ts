/**
 * `pnpm bench`: lints generated, realistic templates with the full recommended rule set and prints
 * throughput, per-template latency (p50/p99) and peak memory. Figures only; nothing is asserted.
 *
 *   pnpm bench [--count 12000] [--seed 7] [--per-rule] [--by-language]
 *
 * --per-rule adds the time each rule's check takes on the whole set, slowest first;
 * --by-language adds the median per template language;
 * --without id,id leaves rules out, to see what they cost.
 *
 * The "typical" set is 1,000-character bodies (the goal is p50 < 0.1 ms per template); the "mix" set
 * has short, medium and long bodies, headers, footers, buttons, both formats and some findings.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultConfig, lint, lintParsed, parseDocument, type DocumentFormat } from '../packages/core/src/index.js';
import { builtinRules as allRules, presets } from '../packages/rules/src/index.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '12000' }, seed: { type: 'string', default: '7' }, 'per-rule': { type: 'boolean', default: false }, 'by-language': { type: 'boolean', default: false }, without: { type: 'string', default: '' } } });
const COUNT = Math.max(10_000, Number(values.count));
const left = new Set(values.without.split(',').filter(Boolean));
const unknown = [...left].filter((id) => !allRules.some((r) => r.id === id));
if (unknown.length) throw new Error(`--without: unknown rule(s) ${unknown.join(', ')}`);
const builtinRules = allRules.filter((r) => !left.has(r.id));

/** Deterministic PRNG (mulberry32), so runs are comparable. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

interface Lang {
  code: string;
  utility: string[];
  marketing: string[];
  footer: string;
  button: string;
}

// Sentences with {v} where a variable goes. Plain everyday wording, several per category.
const LANGS: Lang[] = [
  {
    code: 'en_US',
    utility: ['Hi {v}, your order {v} has shipped and is on its way.', 'The parcel should arrive on {v} between 9:00 and 17:00.', 'You can follow the delivery at any time from your account page.', 'If nobody is home, the courier will leave a note with the next steps.', 'Your invoice {v} for this month is now available.', 'Reply to this message if any detail of your booking is wrong.'],
    marketing: ['Hi {v}, our spring collection is here with new colours and fabrics.', 'This week members save {v} on selected jackets and shoes.', 'Visit the store nearest you or shop online before {v}.', 'Bring a friend and both of you get a welcome gift at the till.', 'New arrivals land every Friday, so check back soon.'],
    footer: 'Reply STOP to opt out',
    button: 'Track order',
  },
  {
    code: 'es',
    utility: ['Hola {v}, tu pedido {v} ya salió de nuestro almacén.', 'La entrega está prevista para el {v} por la mañana.', 'Puedes consultar el estado del envío en tu cuenta.', 'Si no estás en casa, el repartidor dejará un aviso.', 'Tu factura {v} ya está disponible para descargar.'],
    marketing: ['Hola {v}, llegó la nueva temporada con colores frescos.', 'Esta semana tienes {v} de descuento en calzado seleccionado.', 'Visita tu tienda más cercana antes del {v}.', 'Trae a un amigo y ambos recibirán un regalo de bienvenida.'],
    footer: 'Responde BAJA para no recibir más',
    button: 'Ver pedido',
  },
  {
    code: 'pt_BR',
    utility: ['Olá {v}, seu pedido {v} foi enviado hoje.', 'A entrega está prevista para {v} no período da tarde.', 'Você pode acompanhar o envio pelo aplicativo.', 'Se não houver ninguém em casa, o entregador tentará novamente.', 'Sua fatura {v} já está disponível.'],
    marketing: ['Olá {v}, a nova coleção de verão chegou às lojas.', 'Nesta semana você economiza {v} em tênis selecionados.', 'Aproveite até {v} nas lojas participantes.', 'Indique um amigo e ganhe um brinde na próxima compra.'],
    footer: 'Responda SAIR para cancelar',
    button: 'Acompanhar',
  },
  {
    code: 'de',
    utility: ['Hallo {v}, Ihre Bestellung {v} wurde versandt.', 'Die Zustellung ist für {v} geplant.', 'Den Sendungsstatus finden Sie jederzeit in Ihrem Konto.', 'Falls niemand zu Hause ist, hinterlässt der Bote eine Nachricht.', 'Ihre Rechnung {v} steht zum Download bereit.'],
    marketing: ['Hallo {v}, unsere Frühjahrskollektion ist da.', 'Diese Woche sparen Mitglieder {v} auf ausgewählte Jacken.', 'Besuchen Sie uns bis {v} in Ihrer Filiale.', 'Bringen Sie Freunde mit und erhalten Sie beide ein Geschenk.'],
    footer: 'Antworten Sie STOP zum Abmelden',
    button: 'Sendung verfolgen',
  },
  {
    code: 'fr',
    utility: ['Bonjour {v}, votre commande {v} a été expédiée.', 'La livraison est prévue le {v} dans la matinée.', 'Vous pouvez suivre votre colis depuis votre espace client.', 'En cas d’absence, le livreur laissera un avis de passage.', 'Votre facture {v} est disponible.'],
    marketing: ['Bonjour {v}, la nouvelle collection de printemps est arrivée.', 'Cette semaine, profitez de {v} sur une sélection de chaussures.', 'Rendez-vous en boutique avant le {v}.', 'Venez avec un ami et recevez chacun un cadeau.'],
    footer: 'Répondez STOP pour vous désabonner',
    button: 'Suivre le colis',
  },
  {
    code: 'it',
    utility: ['Ciao {v}, il tuo ordine {v} è stato spedito.', 'La consegna è prevista per {v} in mattinata.', 'Puoi seguire la spedizione dal tuo account.', 'Se non sei in casa, il corriere lascerà un avviso.', 'La tua fattura {v} è disponibile.'],
    marketing: ['Ciao {v}, è arrivata la nuova collezione primavera.', 'Questa settimana risparmi {v} su una selezione di scarpe.', 'Ti aspettiamo in negozio entro il {v}.', 'Porta un amico e ricevete entrambi un omaggio.'],
    footer: 'Rispondi STOP per annullare',
    button: 'Traccia ordine',
  },
  {
    code: 'id',
    utility: ['Halo {v}, pesanan {v} Anda sudah dikirim.', 'Paket diperkirakan tiba pada {v}.', 'Anda dapat melacak pengiriman melalui akun Anda.', 'Jika tidak ada orang di rumah, kurir akan mencoba lagi besok.', 'Tagihan {v} Anda sudah tersedia.'],
    marketing: ['Halo {v}, koleksi terbaru kami sudah hadir.', 'Minggu ini hemat {v} untuk sepatu pilihan.', 'Kunjungi toko terdekat sebelum {v}.', 'Ajak teman dan dapatkan hadiah untuk kalian berdua.'],
    footer: 'Balas STOP untuk berhenti',
    button: 'Lacak pesanan',
  },
  {
    code: 'tr',
    utility: ['Merhaba {v}, {v} numaralı siparişiniz kargoya verildi.', 'Teslimatın {v} tarihinde yapılması planlanıyor.', 'Kargonuzu hesabınızdan takip edebilirsiniz.', 'Evde kimse yoksa kurye bir not bırakacak.', '{v} numaralı faturanız hazır.'],
    marketing: ['Merhaba {v}, yeni sezon koleksiyonumuz mağazalarda.', 'Bu hafta seçili ayakkabılarda {v} indirim var.', '{v} tarihine kadar mağazamıza bekliyoruz.', 'Bir arkadaşınızı getirin, ikinize de hediye verelim.'],
    footer: 'Ayrılmak için DUR yazın',
    button: 'Siparişi izle',
  },
  {
    code: 'ru',
    utility: ['Здравствуйте, {v}! Ваш заказ {v} отправлен.', 'Доставка ожидается {v} в первой половине дня.', 'Отслеживать посылку можно в личном кабинете.', 'Если вас не будет дома, курьер оставит извещение.', 'Счёт {v} доступен для скачивания.'],
    marketing: ['Здравствуйте, {v}! Новая весенняя коллекция уже в магазинах.', 'На этой неделе скидка {v} на избранную обувь.', 'Ждём вас в магазине до {v}.', 'Приходите с другом и получите подарки.'],
    footer: 'Ответьте СТОП, чтобы отписаться',
    button: 'Отследить',
  },
  {
    code: 'ar',
    utility: ['مرحبًا {v}، تم شحن طلبك رقم {v}.', 'من المتوقع وصول الشحنة يوم {v}.', 'يمكنك تتبع الشحنة من حسابك في أي وقت.', 'إذا لم يكن أحد في المنزل فسيترك المندوب إشعارًا.', 'فاتورتك رقم {v} متاحة الآن.'],
    marketing: ['مرحبًا {v}، وصلت تشكيلة الربيع الجديدة.', 'وفر {v} هذا الأسبوع على أحذية مختارة.', 'زورونا في أقرب فرع قبل {v}.', 'أحضر صديقًا واحصلا على هدية ترحيبية.'],
    footer: 'أرسل STOP لإلغاء الاشتراك',
    button: 'تتبع الطلب',
  },
  {
    code: 'hi',
    utility: ['नमस्ते {v}, आपका ऑर्डर {v} भेज दिया गया है।', 'डिलीवरी {v} को होने की उम्मीद है।', 'आप अपने खाते से शिपमेंट ट्रैक कर सकते हैं।', 'अगर घर पर कोई नहीं है तो कूरियर फिर से आएगा।', 'आपका बिल {v} उपलब्ध है।'],
    marketing: ['नमस्ते {v}, हमारा नया कलेक्शन आ गया है।', 'इस हफ्ते चुनिंदा जूतों पर {v} की बचत करें।', '{v} से पहले नज़दीकी स्टोर पर आएं।', 'किसी दोस्त को साथ लाएं और दोनों को उपहार पाएं।'],
    footer: 'बंद करने के लिए STOP लिखें',
    button: 'ऑर्डर ट्रैक करें',
  },
];

const SAMPLE_VALUES = ['Ana', '#48213', '14 March', '20%', 'Friday', 'INV-2024-118', 'Kim', '€15'];

function body(lang: Lang, category: 'UTILITY' | 'MARKETING', target: number): { text: string; examples: string[] } {
  const sentences = category === 'UTILITY' ? lang.utility : lang.marketing;
  let text = '';
  let n = 0;
  const examples: string[] = [];
  // Variables stop at 6 so long bodies stay within Meta's density guidance.
  while (text.length < target) {
    const s = pick(sentences).replace(/\{v\}/g, () => {
      if (n >= 6) return pick(SAMPLE_VALUES);
      n++;
      examples.push(pick(SAMPLE_VALUES));
      return `{{${n}}}`;
    });
    text += (text ? (rand() < 0.2 ? '\n\n' : ' ') : '') + s;
  }
  return { text, examples };
}

function template(i: number, target: number, withExtras: boolean): Record<string, unknown> {
  const lang = pick(LANGS);
  const roll = rand();
  if (withExtras && roll < 0.1) {
    return {
      name: `login_code_${i}`,
      language: lang.code,
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', add_security_recommendation: true },
        { type: 'FOOTER', code_expiration_minutes: 10 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
      ],
    };
  }
  const category = roll < 0.6 ? 'UTILITY' : 'MARKETING';
  const b = body(lang, category, target);
  const components: Record<string, unknown>[] = [];
  if (withExtras && rand() < 0.5) components.push({ type: 'HEADER', format: 'TEXT', text: category === 'UTILITY' ? lang.button : 'Northwind' });
  components.push({ type: 'BODY', text: b.text, ...(b.examples.length ? { example: { body_text: [b.examples] } } : {}) });
  if (category === 'MARKETING' || (withExtras && rand() < 0.3)) components.push({ type: 'FOOTER', text: lang.footer });
  if (withExtras && rand() < 0.6) {
    // A few links are deliberately plain http or shortened, as real drafts are.
    const r = rand();
    const url = r < 0.05 ? 'http://www.northwind.example.com/o/{{1}}' : r < 0.08 ? 'https://bit.ly/{{1}}' : 'https://www.northwind.example.com/o/{{1}}';
    components.push({ type: 'BUTTONS', buttons: [{ type: 'URL', text: lang.button, url, example: ['https://www.northwind.example.com/o/48213'] }, ...(rand() < 0.4 ? [{ type: 'QUICK_REPLY', text: 'OK' }] : [])] });
  }
  return { name: `${category.toLowerCase()}_${lang.code.toLowerCase()}_${i}`, language: lang.code, category, components };
}

function toYaml(v: unknown, ind = ''): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => `\n${ind}- ${toYaml(x, `${ind}  `).replace(/^\n\s*/, '')}`).join('') : ' []';
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `\n${ind}${k}:${typeof x === 'object' && x !== null ? toYaml(x, `${ind}  `) : ` ${JSON.stringify(x)}`}`).join('');
  return JSON.stringify(v);
}

interface Sample {
  text: string;
  format: DocumentFormat;
  bodyLength: number;
  language: string;
}

function makeSet(count: number, target: () => number, withExtras: boolean, yamlShare: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const t = template(i, target(), withExtras);
    const yaml = rand() < yamlShare;
    const comps = (t.components as { type: string; text?: string }[]) ?? [];
    out.push({
      text: yaml ? `${toYaml(t).replace(/^\n/, '')}\n` : JSON.stringify(t, null, 2),
      format: yaml ? 'yaml' : 'json',
      bodyLength: comps.find((c) => c.type === 'BODY')?.text?.length ?? 0,
      language: t.language as string,
    });
  }
  return out;
}

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

let peakRss = 0;
let peakHeap = 0;
const sampleMemory = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

const config = defaultConfig({ rules: builtinRules, presets });
const enabled = builtinRules.filter((r) => config.rules[r.id] && config.rules[r.id]!.severity !== 'off').length;

function run(label: string, samples: Sample[], mode: 'full' | 'engine') {
  const times = new Float64Array(samples.length);
  let findings = 0;
  let total = 0;
  // Engine-only mode parses in chunks outside the timed region, so parsed trees do not pile up in memory.
  const CHUNK = 256;
  for (let c = 0; c < samples.length; c += CHUNK) {
    const chunk = samples.slice(c, c + CHUNK);
    const docs = mode === 'engine' ? chunk.map((s) => parseDocument(s.text, s.format)) : [];
    const start = performance.now();
    for (let j = 0; j < chunk.length; j++) {
      const s = chunk[j]!;
      const t0 = performance.now();
      const r = mode === 'full' ? lint(s.text, { rules: builtinRules, config, format: s.format }) : lintParsed(docs[j]!, { rules: builtinRules, config });
      times[c + j] = performance.now() - t0;
      findings += r.messages.length;
    }
    total += performance.now() - start;
    sampleMemory();
  }
  sampleMemory();
  if (values['by-language'] && mode === 'full') {
    const byLanguage = new Map<string, number[]>();
    samples.forEach((s, i) => byLanguage.set(s.language, [...(byLanguage.get(s.language) ?? []), times[i]!]));
    const p50 = (xs: number[]) => quantile(Float64Array.from(xs).sort(), 0.5);
    console.log(`  ${label}, p50 by language: ${[...byLanguage].sort((a, b) => p50(a[1]) - p50(b[1])).map(([l, xs]) => `${l} ${p50(xs).toFixed(3)}`).join(', ')}`);
  }
  times.sort();
  const chars = samples.reduce((n, s) => n + s.text.length, 0) / samples.length;
  const bodies = samples.reduce((n, s) => n + s.bodyLength, 0) / samples.length;
  console.log(
    `${label.padEnd(34)} ${String(samples.length).padStart(6)} templates  ${(samples.length / (total / 1000)).toFixed(0).padStart(7)} /s  p50 ${quantile(times, 0.5).toFixed(3)} ms  p99 ${quantile(times, 0.99).toFixed(3)} ms  max ${times[times.length - 1]!.toFixed(2)} ms  (avg file ${chars.toFixed(0)} chars, body ${bodies.toFixed(0)}; ${(findings / samples.length).toFixed(2)} findings each)`,
  );
}

const typicalCount = Math.ceil(COUNT / 2);
const typical = makeSet(typicalCount, () => 950 + Math.floor(rand() * 100), false, 0);
const mix = makeSet(COUNT - typicalCount, () => pick([120, 250, 400, 700, 1000]), true, 0.3);
// Separate templates to warm up on: a language server or CI run lints many files in one process,
// so the main figures are for a warmed-up engine (JIT-optimised code, term lists of every language
// compiled on first use). The warm-up's own typical templates are timed too and printed first, as
// the figure for the first templates after start-up.
const WARM_UP = 9000;
const warmUpTypical = makeSet(WARM_UP / 2, () => 950 + Math.floor(rand() * 100), false, 0);
const warmUpMix = makeSet(WARM_UP / 2, () => pick([120, 250, 400, 700, 1000]), true, 0.3);
sampleMemory();

console.log(`Greenlight bench: ${builtinRules.length} rules (${enabled} on in greenlight:recommended${left.size ? `; left out: ${[...left].join(', ')}` : ''}), Node ${process.version}, ${COUNT} generated templates in ${LANGS.length} languages, after a warm-up on ${WARM_UP} others`);
run(`typical, first ${WARM_UP / 2} after start-up`, warmUpTypical, 'full');
for (const s of warmUpMix) lint(s.text, { rules: builtinRules, config, format: s.format });

run('typical (1,000-char body, JSON)', typical, 'full');
run('typical, engine only (pre-parsed)', typical, 'engine');
run('mix (sizes, extras, 30% YAML)', mix, 'full');
run('all', [...typical, ...mix], 'full');
console.log(`peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MiB, peak heap used ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);

if (values['per-rule']) {
  const spent = new Map<string, number>();
  const timed = builtinRules.map((r) => ({
    ...r,
    check: (t: Parameters<typeof r.check>[0], ctx: Parameters<typeof r.check>[1]) => {
      const t0 = performance.now();
      try {
        r.check(t, ctx);
      } finally {
        spent.set(r.id, (spent.get(r.id) ?? 0) + performance.now() - t0);
      }
    },
  }));
  const all = [...typical, ...mix];
  for (const s of all) lint(s.text, { rules: timed, config, format: s.format });
  console.log('\nper rule, whole set (ms total, µs per template):');
  for (const [id, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(30)} ${ms.toFixed(1).padStart(9)}  ${((ms * 1000) / all.length).toFixed(1).padStart(8)}`);
}
