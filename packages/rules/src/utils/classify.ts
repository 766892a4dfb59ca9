/**
 * The category classifier: a transparent, weighted score over the term lists, plus structural
 * signals (coupon buttons, limited-time offers, carousels). Pure and fast: one token scan per text
 * field, everything compiled once per language.
 *
 * How it decides (see docs in the category rules):
 * - each promotional phrase has a weight by kind: strong (4: explicit discounts, coupon codes,
 *   "shop now"), medium (3: sale/offer wording, new products, upsell, renewal pushes, abandoned
 *   carts, greetings, app promotion) and weak (2: "free", urgency, loyalty, hype words, surveys);
 * - transactional context (an order, booking, account, payment, delivery... with a variable or a
 *   number) halves weak signals and drops generic-survey signals, but never touches strong or
 *   medium ones: a discount stays a discount inside an order confirmation;
 * - a discount, coupon, "free" or offer phrase in the same sentence as a confirmation that it was
 *   already applied ("free shipping has been applied to order #123", "скидка уже применена") is
 *   reporting on the transaction, not offering anything, and is excused;
 * - a score of 3 or more predicts MARKETING; one-time-code wording (3 for "verification code",
 *   1 for hints such as "do not share this code") predicts AUTHENTICATION.
 */
import { textFields, type Category, type Component, type Button, type ObjectNode, type StringNode, type Template, type TextFieldKind, type BusinessSettings } from '@greenlight/core';
import { bundleLanguages, termBundle, type ListMatch, type TermBundle } from './term-lists.js';
import { detectLanguage, type Detection } from './language-detect.js';

export type Tier = 'strong' | 'medium' | 'weak' | 'survey';

interface Kind {
  weight: number;
  tier: Tier;
  /** Excused when the same sentence says it was already applied to the customer's transaction. */
  excusable: boolean;
  reason: string;
}

export const SIGNAL_KINDS: Record<string, Kind> = {
  discount: { weight: 4, tier: 'strong', excusable: true, reason: 'discount offer' },
  coupon: { weight: 4, tier: 'strong', excusable: true, reason: 'coupon or promo code' },
  buyNow: { weight: 4, tier: 'strong', excusable: false, reason: 'call to buy' },
  promotional: { weight: 3, tier: 'medium', excusable: true, reason: 'sale or offer wording' },
  newProducts: { weight: 3, tier: 'medium', excusable: false, reason: 'new products' },
  upsell: { weight: 3, tier: 'medium', excusable: false, reason: 'upsell or recommendation' },
  renewal: { weight: 3, tier: 'medium', excusable: false, reason: 'renewal push' },
  reengagement: { weight: 3, tier: 'medium', excusable: false, reason: 're-engagement (cart reminder, win-back)' },
  greeting: { weight: 3, tier: 'medium', excusable: false, reason: 'birthday or holiday greeting' },
  appPromo: { weight: 3, tier: 'medium', excusable: false, reason: 'app or social promotion' },
  free: { weight: 2, tier: 'weak', excusable: true, reason: 'free gift or free shipping' },
  urgency: { weight: 2, tier: 'weak', excusable: false, reason: 'urgency' },
  loyalty: { weight: 2, tier: 'weak', excusable: true, reason: 'loyalty reward' },
  weakPromotional: { weight: 2, tier: 'weak', excusable: true, reason: 'promotional wording' },
  survey: { weight: 2, tier: 'survey', excusable: false, reason: 'survey not tied to a transaction' },
};

const OTP_WEIGHTS: Partial<Record<string, number>> = { otp: 3, otpHint: 1 };

export const MARKETING_THRESHOLD = 3;
export const OTP_THRESHOLD = 3;

/** A text field the classifier read, with a stable label for front ends ("body", "buttons[1].text"). */
export interface FieldRef {
  kind: TextFieldKind;
  node: StringNode;
  label: string;
}

export interface TextSignal {
  type: 'text';
  field: FieldRef;
  /** Offsets in the field's decoded value. */
  start: number;
  end: number;
  text: string;
  list: string;
  weight: number;
  reason: string;
}

export interface StructuralSignal {
  type: 'structure';
  node: ObjectNode | StringNode;
  label: string;
  weight: number;
  reason: string;
  /** The LIMITED_TIME_OFFER component is documented as marketing-only: an error, not a guess. */
  marketingOnly?: boolean;
}

export type Signal = TextSignal | StructuralSignal;

export interface Classification {
  declared: Category | undefined;
  predicted: Category;
  promotionalScore: number;
  otpScore: number;
  /** Promotional signals that count, in document order. */
  signals: Signal[];
  /** One-time-code signals. */
  otpSignals: TextSignal[];
  /** Signals found but not counted, with why. */
  excused: { signal: TextSignal; why: string }[];
  /** Transactional or essential context found ("order", "appointment", "security alert"...). */
  context: ListMatch[];
  hasContext: boolean;
  /** Short explanations, most important first. */
  reasons: string[];
  /** Term languages used. */
  languages: string[];
  /** What the header, body and footer look like (script, language), for language-mismatch. */
  detection: Detection;
  /** Scans by field label, for other rules (opt-out) to reuse. */
  scans: Map<string, { field: FieldRef; signals: ListMatch[]; context: ListMatch[]; optOut: ListMatch[] }>;
  bundle: TermBundle;
}

const SCANNED: ReadonlySet<TextFieldKind> = new Set(['header', 'body', 'footer', 'button-text', 'card-body', 'card-header']);

function fieldLabel(t: Template, kind: TextFieldKind, component: Component, button: Button | undefined): string {
  const ci = t.components.indexOf(component);
  if (button) return `components[${ci}].buttons[${component.buttons.indexOf(button)}].text`;
  if (ci >= 0) return `components[${ci}].text`;
  return kind;
}

/** Sentence ends: . ! ? and their Devanagari/Arabic forms followed by a space, or a line break. */
function sentenceIndex(text: string, at: number): number {
  let n = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?' || c === '।' || c === '؟') && (i + 1 >= text.length || /\s/.test(text[i + 1]!)))) n++;
  }
  return n;
}

function textSignal(field: FieldRef, m: ListMatch, weight: number, reason: string): TextSignal {
  return { type: 'text', field, start: m.start, end: m.end, text: m.text, list: m.list, weight, reason };
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 37)}…` : s}”`;

const PLACEHOLDER_OR_NUMBER = /\{\{[^{}]{1,40}\}\}|\p{Nd}/u;

export interface ClassifyOptions {
  /** The template language's primary subtag (ctx.languageCode). */
  language: string | undefined;
  settings?: Pick<BusinessSettings, 'terms'>;
}

/** Classifies one template. */
export function classifyTemplate(t: Template, opts: ClassifyOptions): Classification {
  const fields: FieldRef[] = [];
  for (const f of textFields(t)) {
    if (!SCANNED.has(f.kind) || !f.node.value) continue;
    fields.push({ kind: f.kind, node: f.node, label: fieldLabel(t, f.kind, f.component, f.button) });
  }
  // Terms of the declared language and English; plus the language the text is actually in, when
  // it clearly differs (a Spanish body under `en` still gets its Spanish discounts found).
  const extra: string[] = [];
  const proseFields = fields.filter((f) => f.kind === 'body' || f.kind === 'header' || f.kind === 'footer' || f.kind === 'card-body');
  // One field (the usual body-only template) needs no joined copy of its text.
  const prose = proseFields.length === 1 ? proseFields[0]!.node.value : proseFields.map((f) => f.node.value).join('\n');
  const detection = detectLanguage(prose);
  if (detection.language && prose.length >= 20) extra.push(detection.language);
  const languages = bundleLanguages(opts.language, extra);
  const bundle = termBundle(languages, opts.settings);

  const scans: Classification['scans'] = new Map();
  const candidates: TextSignal[] = [];
  const otpSignals: TextSignal[] = [];
  const context: ListMatch[] = [];
  const applied: { field: FieldRef; sentence: number }[] = [];
  let variablesOrNumbers = false;
  for (const field of fields) {
    const r = bundle.scan(field.node.value);
    scans.set(field.label, { field, ...r });
    if (PLACEHOLDER_OR_NUMBER.test(field.node.value)) variablesOrNumbers = true;
    for (const c of r.context) {
      if (c.list === 'applied') applied.push({ field, sentence: sentenceIndex(field.node.value, c.start) });
      else context.push(c);
    }
    // Button labels are short: only strong calls to action and opt-out labels matter there.
    for (const m of r.signals) {
      const otpWeight = OTP_WEIGHTS[m.list];
      if (otpWeight !== undefined) {
        if (field.kind !== 'button-text') otpSignals.push(textSignal(field, m, otpWeight, m.list === 'otp' ? 'one-time code' : 'one-time code hint'));
        continue;
      }
      const kind = SIGNAL_KINDS[m.list];
      if (kind) candidates.push(textSignal(field, m, kind.weight, kind.reason));
    }
  }
  const contextWords = new Set<string>();
  for (const c of context) contextWords.add(c.text.toLowerCase());
  const distinctContext = contextWords.size;
  const hasContext = distinctContext >= 1 && (variablesOrNumbers || distinctContext >= 2);

  // Overlapping phrases of different lists: the heaviest speaks for the span.
  if (candidates.length > 1) candidates.sort((a, b) => b.weight - a.weight || b.end - b.start - (a.end - a.start));
  // Overlapping phrases become one signal over their union, weighed as the heaviest of them
  // ("10% off" + "off your next order" → "10% off your next order", a discount).
  const kept: TextSignal[] = [];
  for (const c of candidates) {
    const k = kept.find((x) => x.field === c.field && x.start < c.end && c.start < x.end);
    if (!k) {
      kept.push(c);
      continue;
    }
    k.start = Math.min(k.start, c.start);
    k.end = Math.max(k.end, c.end);
    k.text = k.field.node.value.slice(k.start, k.end);
  }

  const signals: Signal[] = [];
  const excused: Classification['excused'] = [];
  let promotionalScore = 0;
  for (const s of kept) {
    const kind = SIGNAL_KINDS[s.list]!;
    if (kind.excusable && applied.some((a) => a.field === s.field && a.sentence === sentenceIndex(s.field.node.value, s.start))) {
      excused.push({ signal: s, why: 'reports something already applied to the customer’s transaction' });
      continue;
    }
    if (hasContext && kind.tier === 'survey') {
      excused.push({ signal: s, why: 'feedback about this transaction is utility' });
      continue;
    }
    const weight = hasContext && kind.tier === 'weak' ? kind.weight / 2 : kind.weight;
    promotionalScore += weight;
    s.weight = weight;
    signals.push(s);
  }

  // Structure that only marketing templates use.
  const structural = structuralSignals(t, scans);
  for (const s of structural) promotionalScore += s.weight;
  signals.push(...structural);

  // A one-time-code template often says "use code" or "valid for": those are not coupons.
  let otpScore = 0;
  const otpSeen = new Set<string>();
  for (const s of otpSignals) {
    const key = `${s.list}:${s.text.toLowerCase()}`;
    if (otpSeen.has(key)) continue;
    otpSeen.add(key);
    otpScore += s.weight;
  }

  const declared = t.category;
  let predicted: Category;
  const reasons: string[] = [];
  const textSignals = signals.filter((s): s is TextSignal => s.type === 'text');
  const hasOtpButton = t.buttons.some((b) => b.type === 'OTP');
  if (promotionalScore >= MARKETING_THRESHOLD) {
    predicted = 'MARKETING';
    const strongest = [...signals].sort((a, b) => b.weight - a.weight).slice(0, 4);
    reasons.push(`Promotional content: ${strongest.map((s) => (s.type === 'text' ? `${quote(s.text)} (${s.reason})` : s.reason)).join(', ')}.`);
    if (declared && declared !== 'MARKETING') reasons.push(`Meta approves or re-labels such ${declared.toLowerCase()} templates as MARKETING; remove the promotional parts or declare MARKETING.`);
  } else if (otpScore >= OTP_THRESHOLD) {
    predicted = 'AUTHENTICATION';
    reasons.push(`One-time-code content: ${otpSignals.filter((s) => s.list === 'otp').map((s) => quote(s.text)).slice(0, 3).join(', ')}.`);
    if (declared && declared !== 'AUTHENTICATION') reasons.push('Meta rejects one-time codes outside AUTHENTICATION (INCORRECT_CATEGORY); use an authentication template with an OTP button.');
  } else if (declared === 'AUTHENTICATION' && (hasOtpButton || !t.body?.text)) {
    predicted = 'AUTHENTICATION';
    reasons.push('Authentication structure (preset body with an OTP button).');
  } else if (hasContext && (declared !== 'MARKETING' || (distinctContext >= 2 && promotionalScore === 0))) {
    predicted = 'UTILITY';
    const words = [...contextWords].slice(0, 3);
    reasons.push(`Tied to the customer's own transaction or account (${words.map(quote).join(', ')}) with no promotional wording.`);
    if (declared === 'MARKETING') reasons.push('Declared MARKETING; if this message only reports on a transaction, UTILITY may be cheaper.');
  } else {
    predicted = declared ?? 'MARKETING';
    if (declared === 'UTILITY') reasons.push('No order, booking, account or payment reference found; Meta treats unclear content as MARKETING.');
    else reasons.push(declared ? `Nothing contradicts the declared ${declared} category.` : 'No category declared; MARKETING is the default.');
  }
  if (predicted !== 'MARKETING' && textSignals.length) {
    reasons.push(`Weak promotional hints, not enough on their own: ${textSignals.slice(0, 3).map((s) => quote(s.text)).join(', ')}.`);
  }
  for (const e of excused.slice(0, 2)) reasons.push(`${quote(e.signal.text)} was not counted: it ${e.why}.`);

  const order = (s: Signal) => (s.type === 'text' ? s.field.node.range.start + s.start : s.node.range.start);
  // (Sorting allocates even for one element; most templates have none or one.)
  if (signals.length > 1) signals.sort((a, b) => order(a) - order(b));
  if (otpSignals.length > 1) otpSignals.sort((a, b) => a.field.node.range.start + a.start - (b.field.node.range.start + b.start));
  return { declared, predicted, promotionalScore, otpScore, signals, otpSignals, excused, context, hasContext, reasons, languages, detection, scans, bundle };
}

function structuralSignals(t: Template, scans: Classification['scans']): StructuralSignal[] {
  const out: StructuralSignal[] = [];
  t.components.forEach((c, ci) => {
    if (c.type === 'LIMITED_TIME_OFFER') out.push({ type: 'structure', node: c.node, label: `components[${ci}]`, weight: 5, reason: 'limited-time offer component', marketingOnly: true });
    if (c.type === 'CAROUSEL') out.push({ type: 'structure', node: c.node, label: `components[${ci}]`, weight: 3, reason: 'media card carousel' });
    c.buttons.forEach((b, bi) => {
      const label = `components[${ci}].buttons[${bi}]`;
      if (b.type === 'COPY_CODE') out.push({ type: 'structure', node: b.node, label, weight: 4, reason: 'copy-code (coupon) button' });
      else if (b.type === 'MPM' || b.type === 'SPM' || b.type === 'CATALOG') out.push({ type: 'structure', node: b.node, label, weight: 3, reason: 'product catalog button' });
      else if (b.type === 'QUICK_REPLY' && scans.get(`${label}.text`)?.optOut.some((m) => m.list === 'optOutButton')) {
        out.push({ type: 'structure', node: b.node, label, weight: 3, reason: 'marketing opt-out button' });
      }
    });
  });
  return out;
}
