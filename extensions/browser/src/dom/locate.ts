/**
 * Field discovery: finds the template's fields in an editor page by what they are called (labels,
 * placeholders, nearby text, section headings, in the UI languages Meta ships) and by weaker hints
 * (input type, character counters, single- or multi-line). Works on textarea, input and
 * contenteditable (Lexical-style) fields.
 *
 * Every signal is weighed rather than taken first-come: a description sentence that happens to
 * say "language" does not outvote the "Body" title above it, a sample box under a "Body"
 * sub-heading is still a sample because its own text names a variable ({{1}}), and when two
 * boxes claim the body the multi-line one with the 1024 counter wins. What the real editor is
 * known to look like: extensions/browser/docs/real-editor-notes.md.
 */
import type { Category, TemplateFields } from '@greenlight/core';
import type { FieldKind, HeaderType, SiteDefinition, TextFieldKind } from '../sites/types';
import { editableKind, findEditables, isMultiline, readText, type EditableKind } from './editables';
import { accessibleName, labelSources, ownText, shortText, type LabelSources } from './labels';
import { languageCodeFromLabel } from './languages';
import { buildVocabulary, normalizeLabel, type Vocabulary } from './vocabulary';

export interface FieldBinding {
  /** Field id as `parseFields` names it: name, header, body, footer, buttons.0.url, bodyExamples.1… */
  id: string;
  kind: TextFieldKind;
  el: HTMLElement;
  editable: EditableKind;
}

export interface DiscoveredButton {
  type: string;
  text?: FieldBinding;
  url?: FieldBinding;
  phone?: FieldBinding;
  /** The offer code of a copy-code button, or the sample of a dynamic URL. */
  example?: FieldBinding;
}

export interface Discovery {
  fields: FieldBinding[];
  buttons: DiscoveredButton[];
  category: Category | undefined;
  language: string | undefined;
  parameterFormat: 'positional' | 'named' | undefined;
  /** What the header's type picker shows, when the page has one. */
  headerType: HeaderType | undefined;
}

export interface DiscoverOptions {
  sites: SiteDefinition[];
  /** Elements that belong to Greenlight's own UI. */
  isOverlay?: (el: Element) => boolean;
  /** A field the user picked (context menu): used as the body when nothing else claims it. */
  forcedBody?: HTMLElement | null;
}

const vocabCache = new WeakMap<SiteDefinition[], Vocabulary>();
function vocabularyFor(sites: SiteDefinition[]): Vocabulary {
  let v = vocabCache.get(sites);
  if (!v) vocabCache.set(sites, (v = buildVocabulary(sites)));
  return v;
}

const TOKEN = /\{\{\s*([A-Za-z0-9_]{1,64})\s*\}\}/;
/** What a length limit alone says (Meta's limits: body 1024, name 512, button 25, URL 2000, phone 20, offer code 15). */
const LIMIT_HINTS: Record<number, TextFieldKind> = { 1024: 'body', 512: 'name', 25: 'buttonText', 2000: 'buttonUrl', 20: 'buttonPhone', 15: 'offerCode' };
const EXPECTED_LIMIT: Partial<Record<TextFieldKind, number>> = { body: 1024, header: 60, footer: 60, name: 512, buttonText: 25, buttonUrl: 2000, buttonPhone: 20, offerCode: 15 };
const SINGLE_KINDS = ['name', 'header', 'body', 'footer'] as const;
type SingleKind = (typeof SINGLE_KINDS)[number];
const BUTTON_KINDS = new Set<FieldKind>(['buttonText', 'buttonUrl', 'buttonPhone', 'offerCode']);

// How much each place a text comes from says about a field. A label-like text (a title, a few
// words) counts in full; a sentence that merely contains a field word counts for little.
const WEIGHT = { selector: 100, explicit: 40, placeholder: 30, nearby: 26, section: 12, labelLike: 10, sentence: -18, hint: 14, inputType: 20 };
const TOKEN_WEIGHT = { explicit: 70, placeholder: 65, nearbyShort: 45, sentence: 18 };

interface Classified {
  el: HTMLElement;
  editable: EditableKind | undefined;
  kind: FieldKind;
  sources: LabelSources;
  /** How sure the classification is; decides between two fields that claim the same kind. */
  score: number;
  /** The variable a sample belongs to, from a `{{1}}` in its label. */
  token?: string;
  /** A sample's section: header, body, or a button (a dynamic URL's sample). */
  sampleOf?: 'header' | 'body' | 'button';
  /** Its label, section or placeholder talks about samples/examples. */
  mentionsSample: boolean;
  multiline: boolean;
}

function isVisible(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function') {
    try {
      return el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    } catch {
      return true;
    }
  }
  return true;
}

function wordCount(normalized: string): number {
  if (!normalized) return 0;
  let words = 1;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) words++;
  return words;
}

/**
 * A title rather than a sentence: a few words ("Header · Optional", "Name your template"), or a
 * text the matched phrase mostly covers.
 */
function labelLike(text: string, phraseLength: number): boolean {
  const n = normalizeLabel(text);
  return !!n && (wordCount(n) <= 5 || phraseLength / n.length >= 0.35);
}

/** A short text that is mostly a preview phrase ("Preview", "Template preview"). */
function namesPreview(v: Vocabulary, text: string | undefined): boolean {
  if (!text || text.length > 60 || !v.isPreview(text)) return false;
  return wordCount(normalizeLabel(text)) <= 4;
}

/**
 * A region that shows the template's preview (a chat bubble repeating the body): named so by an
 * attribute, its accessible name, or a short title as its first child.
 */
function isPreviewRegion(el: Element, v: Vocabulary): boolean {
  for (const a of ['aria-label', 'data-testid', 'id', 'title']) {
    const val = el.getAttribute(a);
    if (val && namesPreview(v, val.replace(/[-_]+/g, ' '))) return true;
  }
  if (el.hasAttribute('aria-labelledby') && namesPreview(v, accessibleName(el))) return true;
  const first = el.firstElementChild;
  return !!first && namesPreview(v, shortText(first, 8, 60));
}

function inPreview(el: Element, v: Vocabulary): boolean {
  let n: Element | null = el.parentElement;
  for (let depth = 0; n && depth < 30 && n !== el.ownerDocument.body; depth++, n = n.parentElement) {
    for (const a of ['aria-label', 'data-testid', 'id']) {
      const val = n.getAttribute(a);
      if (val && namesPreview(v, val.replace(/[-_]+/g, ' '))) return true;
    }
    if (n.hasAttribute('aria-labelledby') && namesPreview(v, accessibleName(n))) return true;
  }
  return false;
}

interface Evidence {
  kind: FieldKind;
  weight: number;
  token?: string;
}

function vocabularyEvidence(sources: LabelSources, v: Vocabulary): Evidence | undefined {
  let best: Evidence | undefined;
  const consider = (texts: string[], base: number, step: number) => {
    texts.forEach((text, i) => {
      const c = v.classify(text);
      if (!c) return;
      const weight = base - i * step + (labelLike(text, c.length) ? WEIGHT.labelLike : WEIGHT.sentence);
      if (!best || weight > best.weight) best = { kind: c.kind, weight };
    });
  };
  consider(sources.explicit, WEIGHT.explicit, 1);
  consider(sources.placeholder, WEIGHT.placeholder, 1);
  consider(sources.nearby, WEIGHT.nearby, 3);
  consider(sources.section, WEIGHT.section, 2);
  return best;
}

/** A `{{1}}`/`{{name}}` in a field's own label or placeholder makes it that variable's sample. */
function tokenEvidence(sources: LabelSources, multiline: boolean): Evidence | undefined {
  let best: Evidence | undefined;
  const consider = (text: string, weight: number) => {
    const t = TOKEN.exec(text);
    if (t && (!best || weight > best.weight)) best = { kind: 'sample', weight, token: t[1] };
  };
  // A multi-line editor's placeholder may be an example message ("Hi {{1}}, …"), and Draft.js
  // repeats the placeholder as the aria-label: a sentence there is weak, "{{1}}" is not.
  const short = (t: string) => wordCount(normalizeLabel(t)) <= 4;
  for (const t of sources.explicit) consider(t, multiline && !short(t) ? TOKEN_WEIGHT.sentence : TOKEN_WEIGHT.explicit);
  for (const t of sources.placeholder) consider(t, multiline ? TOKEN_WEIGHT.sentence : TOKEN_WEIGHT.placeholder);
  sources.nearby.slice(0, 2).forEach((t, i) => {
    // "{{1}}" as the row's own label is strong; a help sentence that mentions one is not.
    consider(t, multiline ? TOKEN_WEIGHT.sentence : short(t) ? TOKEN_WEIGHT.nearbyShort - i * 5 : TOKEN_WEIGHT.sentence);
  });
  return best;
}

function hintEvidence(el: HTMLElement, sources: LabelSources, v: Vocabulary): Evidence | undefined {
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (type === 'url') return { kind: 'buttonUrl', weight: WEIGHT.inputType };
  if (type === 'tel' || el.getAttribute('inputmode') === 'tel') return { kind: 'buttonPhone', weight: WEIGHT.inputType };
  const limit = sources.limit;
  if (limit && LIMIT_HINTS[limit]) return { kind: LIMIT_HINTS[limit]!, weight: WEIGHT.hint };
  if (limit === 60) {
    // Header and footer share the 60-character limit; the nearest title or heading tells them apart.
    for (const t of [...sources.nearby, ...sources.section]) {
      if (v.has('footer', t)) return { kind: 'footer', weight: WEIGHT.hint };
      if (v.has('header', t)) return { kind: 'header', weight: WEIGHT.hint };
    }
  }
  return undefined;
}

/** The section a sample belongs to, from the nearest text that names one. */
function sampleSection(sources: LabelSources, v: Vocabulary): 'header' | 'body' | 'button' | undefined {
  for (const text of [...sources.explicit, ...sources.placeholder, ...sources.nearby, ...sources.section]) {
    const header = v.has('header', text);
    const body = v.has('body', text);
    if (header && !body) return 'header';
    if (body && !header) return 'body';
    if (header && body) return v.classify(text)?.kind === 'header' ? 'header' : 'body';
    if (v.has('buttonUrl', text) || v.has('buttonText', text)) return 'button';
  }
  return undefined;
}

/** Label sources of an element, computed once per discovery pass. */
type SourcesOf = (el: HTMLElement) => LabelSources;

function classify(el: HTMLElement, v: Vocabulary, sites: SiteDefinition[], sourcesOf: SourcesOf): Classified | undefined {
  const editable = editableKind(el);
  const multiline = isMultiline(el, editable);
  const sources = sourcesOf(el);
  let best: Evidence | undefined;
  for (const s of sites) {
    for (const [kind, selectors] of Object.entries(s.selectors ?? {})) {
      for (const sel of selectors ?? []) {
        try {
          if (!best && el.matches(sel)) best = { kind: kind as FieldKind, weight: WEIGHT.selector };
        } catch {
          /* an invalid user selector never breaks discovery */
        }
      }
    }
  }
  if (!best) {
    // Search boxes and list filters are not template fields, whatever else they mention.
    if ([...sources.explicit, ...sources.placeholder].some((t) => v.isIgnored(t))) return undefined;
    // A field titled as the preview (a preview built from inputs) is not the template's text.
    if (namesPreview(v, sources.explicit[0]) || namesPreview(v, sources.section[0])) return undefined;
    for (const e of [vocabularyEvidence(sources, v), tokenEvidence(sources, multiline), hintEvidence(el, sources, v)]) {
      if (e && (!best || e.weight > best.weight)) best = e;
    }
  }
  if (!best) return undefined;
  const mentionsSample = [...sources.explicit, ...sources.placeholder, ...sources.nearby, ...sources.section].some((t) => v.has('sample', t));
  const c: Classified = { el, editable, kind: best.kind, sources, score: best.weight, token: best.token, mentionsSample, multiline };
  if (c.kind === 'sample') {
    if (!c.token) {
      // A sample without a variable in its label: the nearest `{{n}}` around it, if any.
      for (const t of [...sources.explicit, ...sources.placeholder, ...sources.nearby]) {
        const m = TOKEN.exec(t);
        if (m) {
          c.token = m[1];
          break;
        }
      }
    }
    c.sampleOf = sampleSection(sources, v) ?? 'body';
  }
  return c;
}

/**
 * How well a field fits a kind beyond its label: the body is the multi-line box with the 1024
 * counter; header, footer and name are single-line with theirs. A counter that belongs to
 * another kind counts against.
 */
function fitScore(c: Classified, kind: TextFieldKind): number {
  let s = c.score;
  if (kind === 'body') s += c.multiline ? 8 : -12;
  else if (kind === 'header' || kind === 'footer' || kind === 'name') s += c.multiline ? -6 : 2;
  const limit = c.sources.limit;
  if (limit !== undefined) {
    if (limit === EXPECTED_LIMIT[kind]) s += 10;
    else if (LIMIT_HINTS[limit] || limit === 60) s -= 10;
  }
  return s;
}

/** Lowest common ancestor. */
function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let x: Element | null = a; x; x = x.parentElement) seen.add(x);
  for (let y: Element | null = b; y; y = y.parentElement) if (seen.has(y)) return y;
  return null;
}

function choiceText(el: Element): string {
  if (el.tagName === 'SELECT') {
    const s = el as HTMLSelectElement;
    return s.selectedOptions[0]?.textContent?.trim() || s.value;
  }
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).value;
  return (el.textContent ?? '').trim();
}

const CHECKED =
  'input[type="radio"]:checked, input[type="checkbox"]:checked, [role="radio"][aria-checked="true"], [role="tab"][aria-selected="true"], [role="option"][aria-selected="true"], [role="menuitemradio"][aria-checked="true"], [aria-pressed="true"]';
const PICKERS = 'select, [role="combobox"], [aria-haspopup="listbox"], input[list]';

/** Hidden from users (behind a modal) or inside a transient popup such as a picker's search box. */
function hiddenOrPopup(el: Element): boolean {
  return !!el.closest('[aria-hidden="true"], [inert], [role="menu"], [role="tooltip"]') || (el.tagName === 'INPUT' && !!el.closest('[role="listbox"]'));
}

function readCategory(root: ParentNode, v: Vocabulary, skip: (el: Element) => boolean, sourcesOf: SourcesOf): Category | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(CHECKED)) {
    if (skip(el) || hiddenOrPopup(el)) continue;
    const s = sourcesOf(el);
    // A radio card is a title and a description in separate blocks: the title first, and words
    // kept apart ("Marketing" + "Send promotions…", not "MarketingSend…").
    const title = el.tagName === 'INPUT' || !el.firstElementChild ? '' : (shortText(el.firstElementChild, 12, 60) ?? '');
    const own = el.tagName === 'INPUT' ? '' : ownText(el, 200);
    for (const t of [...s.explicit, title, own, ...s.nearby.slice(0, 1)]) {
      const c = t && v.category(t);
      if (c) return c;
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>(PICKERS)) {
    if (skip(el) || hiddenOrPopup(el)) continue;
    const s = sourcesOf(el);
    if (![...s.explicit, ...s.nearby].some((t) => v.has('category', t))) continue;
    const c = v.category(choiceText(el));
    if (c) return c;
  }
  return undefined;
}

const GROUP = '[role="radiogroup"], [role="tablist"], [role="listbox"], fieldset';

/**
 * The choice of the header's type picker (None / Text / Media): a select, combobox or checked
 * radio/tab whose label, nearby text, group label or section heading names the header.
 */
function readHeaderType(root: ParentNode, v: Vocabulary, skip: (el: Element) => boolean, sourcesOf: SourcesOf): HeaderType | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(`${CHECKED}, ${PICKERS}`)) {
    if (skip(el) || hiddenOrPopup(el)) continue;
    const s = sourcesOf(el);
    const context = [...s.explicit, ...s.nearby, ...s.section];
    const group = el.parentElement?.closest<HTMLElement>(GROUP);
    if (group) {
      const g = sourcesOf(group);
      const legend = group.querySelector('legend')?.textContent ?? '';
      context.push(...g.explicit, ...g.nearby, ...g.section, legend);
    }
    if (!context.some((t) => v.has('header', t))) continue;
    const checked = el.matches(CHECKED);
    const choice = checked ? [...s.explicit, el.tagName === 'INPUT' ? '' : ownText(el, 120)].find((t) => t && v.headerType(t)) : choiceText(el);
    const type = choice ? v.headerType(choice) : undefined;
    if (type) return type;
  }
  return undefined;
}

function readLanguage(root: ParentNode, v: Vocabulary, pageLocale: string | undefined, skip: (el: Element) => boolean, sourcesOf: SourcesOf): string | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(`${PICKERS}, input, [role="tab"][aria-selected="true"]`)) {
    if (skip(el) || hiddenOrPopup(el)) continue;
    // A picker's search box holds what the user is typing, not the chosen language.
    if (el.getAttribute('type') === 'search' || el.getAttribute('role') === 'searchbox') continue;
    const s = sourcesOf(el);
    if (![...s.explicit, ...s.placeholder, ...s.nearby].some((t) => v.has('language', t))) continue;
    if ([...s.explicit, ...s.placeholder].some((t) => v.isIgnored(t))) continue;
    const code = languageCodeFromLabel(choiceText(el), pageLocale);
    if (code) return code;
  }
  return undefined;
}

/**
 * The open modal dialog that holds the editor, if the editor is in one: while it is open, the
 * page behind it (a template list with its own search box) is not what the user edits.
 */
function modalScope(candidates: HTMLElement[]): Element | undefined {
  let scope: Element | undefined;
  for (const el of candidates) {
    const m = el.closest('[aria-modal="true"], dialog[open]');
    if (m && (!scope || scope.contains(m) || scope.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) scope = m;
  }
  return scope;
}

/** The block that holds one button: the widest ancestor that holds no other button's text field nor another kind of field. */
function buttonRow(el: Element, others: Element[]): Element {
  let row = el;
  for (let depth = 0; depth < 8 && row.parentElement && row.parentElement !== el.ownerDocument.body; depth++) {
    const p = row.parentElement;
    if (others.some((o) => o !== el && p.contains(o))) break;
    row = p;
  }
  return row;
}

export function discover(root: Document | Element, opts: DiscoverOptions): Discovery {
  const v = vocabularyFor(opts.sites);
  const isOverlay = opts.isOverlay;
  // Siblings high up the tree are looked at once per field below them: answer each once per pass.
  const skipped = new Map<Element, boolean>();
  const skip = (el: Element) => {
    let r = skipped.get(el);
    if (r === undefined) skipped.set(el, (r = !!isOverlay?.(el) || isPreviewRegion(el, v)));
    return r;
  };
  const sourceCache = new Map<Element, LabelSources>();
  const sourcesOf: SourcesOf = (el) => {
    let r = sourceCache.get(el);
    if (!r) sourceCache.set(el, (r = labelSources(el, skip)));
    return r;
  };

  let candidates = findEditables(root, isOverlay).filter((el) => isVisible(el) && !inPreview(el, v));
  const modal = modalScope(candidates);
  if (modal) candidates = candidates.filter((el) => modal.contains(el));
  const scope: ParentNode = modal ?? root;

  const classified: Classified[] = [];
  for (const el of candidates) {
    const c = classify(el, v, opts.sites, sourcesOf);
    if (c && c.editable) classified.push(c);
  }
  const forced = opts.forcedBody;
  if (forced && !classified.some((c) => c.el === forced)) {
    const editable = editableKind(forced);
    if (editable) {
      // The user's pick is the body; whatever else claimed it is set aside.
      for (const c of classified) if (c.kind === 'body') c.kind = 'category';
      classified.push({ el: forced, editable, kind: 'body', sources: sourcesOf(forced), score: WEIGHT.selector, mentionsSample: false, multiline: isMultiline(forced, editable) });
    }
  }

  // One field per kind: the best fit wins (ties keep document order). A loser that sits among
  // samples ("Variable samples" > "Body" > [box]) is one of that section's samples.
  const fields: FieldBinding[] = [];
  for (const kind of SINGLE_KINDS) {
    const claims = classified.filter((c) => c.kind === kind);
    if (claims.length === 0) continue;
    let winner = claims[0]!;
    for (const c of claims) if (fitScore(c, kind) > fitScore(winner, kind)) winner = c;
    fields.push({ id: kind, kind, el: winner.el, editable: winner.editable! });
    for (const c of claims) {
      if (c === winner) continue;
      if (c.mentionsSample && (kind === 'body' || kind === 'header')) {
        c.kind = 'sample';
        c.sampleOf = kind;
      }
    }
  }

  // Buttons: each button-text field opens a button; URL, phone and offer-code fields join the
  // one whose row they share, or stand alone.
  const buttons: DiscoveredButton[] = [];
  const buttonFields = classified.filter((c) => BUTTON_KINDS.has(c.kind));
  const textEls = buttonFields.filter((c) => c.kind === 'buttonText').map((c) => c.el);
  // Every other box bounds a button's row (the footer above, the samples below).
  const otherFieldEls = classified.filter((c) => !BUTTON_KINDS.has(c.kind)).map((c) => c.el);
  const rowOwner = new Map<DiscoveredButton, Element>();
  for (const c of buttonFields) {
    const binding = (id: string): FieldBinding => ({ id, kind: c.kind as TextFieldKind, el: c.el, editable: c.editable! });
    if (c.kind === 'buttonText') {
      const b: DiscoveredButton = { type: 'QUICK_REPLY', text: binding('') };
      buttons.push(b);
      rowOwner.set(b, c.el);
      continue;
    }
    const slot = c.kind === 'buttonUrl' ? 'url' : c.kind === 'buttonPhone' ? 'phone' : 'example';
    // The nearest button before it whose row holds it and no other button's text.
    let target: DiscoveredButton | undefined;
    for (let i = buttons.length - 1; i >= 0 && !target; i--) {
      const b = buttons[i]!;
      if (!b.text || b[slot]) continue;
      const lca = commonAncestor(b.text.el, c.el);
      if (lca && textEls.filter((t) => lca.contains(t)).length === 1 && !otherFieldEls.some((o) => lca.contains(o))) target = b;
    }
    if (!target) {
      target = { type: 'QUICK_REPLY' };
      buttons.push(target);
      rowOwner.set(target, c.el);
    }
    target[slot] = binding('');
  }
  const anchors = [...rowOwner.values(), ...otherFieldEls];
  for (const b of buttons) {
    b.type = b.url ? 'URL' : b.phone ? 'PHONE_NUMBER' : b.example ? 'COPY_CODE' : 'QUICK_REPLY';
    if (b.type === 'QUICK_REPLY' && b.text) {
      // The row's type picker or title may say "Copy offer code".
      const row = buttonRow(b.text.el, anchors);
      const pickers = [...row.querySelectorAll(PICKERS)].map((p) => choiceText(p)).join(' ');
      const t = v.buttonType(`${pickers} ${ownText(row, 300)}`);
      if (t === 'COPY_CODE') b.type = 'COPY_CODE';
    }
  }

  // Samples, in variable order when their labels name the variable.
  const samples = classified.filter((c) => c.kind === 'sample');
  for (const section of ['body', 'header'] as const) {
    const list = samples.filter((c) => c.sampleOf === section);
    const named = list.length > 0 && list.every((s) => s.token && !/^\d+$/.test(s.token));
    const numbered = list.every((s) => s.token && /^\d+$/.test(s.token));
    const ordered = numbered ? [...list].sort((a, b) => Number(a.token) - Number(b.token)) : list;
    ordered.forEach((s, i) => {
      fields.push({ id: `${section}Examples.${named ? s.token! : i}`, kind: 'sample', el: s.el, editable: s.editable! });
    });
  }
  // A dynamic URL's sample goes to the URL button whose address has a variable.
  for (const s of samples.filter((c) => c.sampleOf === 'button')) {
    const urlButtons = buttons.filter((b) => b.url && !b.example);
    const target = urlButtons.find((b) => TOKEN.test(readText(b.url!.el, b.url!.editable))) ?? (urlButtons.length === 1 ? urlButtons[0] : undefined);
    if (target) target.example = { id: '', kind: 'sample', el: s.el, editable: s.editable! };
  }

  buttons.forEach((b, i) => {
    for (const [slot, name] of [['text', 'text'], ['url', 'url'], ['phone', 'phoneNumber'], ['example', 'example']] as const) {
      const f = b[slot];
      if (!f) continue;
      f.id = `buttons.${i}.${name}`;
      fields.push({ ...f });
    }
  });

  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const pageLocale = doc.documentElement.lang || undefined;
  return {
    fields,
    buttons,
    category: readCategory(scope, v, skip, sourcesOf),
    language: readLanguage(scope, v, pageLocale, skip, sourcesOf),
    parameterFormat: undefined,
    headerType: fields.some((f) => f.id === 'header') ? readHeaderType(scope, v, skip, sourcesOf) : undefined,
  };
}

/** Reads the discovered fields into the shape `parseFields` takes. */
export function readFields(d: Discovery): { fields: TemplateFields; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  for (const f of d.fields) texts.set(f.id, readText(f.el, f.editable));
  const get = (id: string) => texts.get(id);
  const fields: TemplateFields = {};
  if (texts.has('name')) fields.name = get('name');
  if (d.category) fields.category = d.category;
  if (d.language) fields.language = d.language;
  // An empty header field is an optional header the user has not chosen, unless the page's type
  // picker says Text (then the header is really empty and Meta would reject it).
  const header = get('header');
  if (header !== undefined && (header !== '' || d.headerType === 'TEXT')) fields.header = header;
  fields.body = get('body') ?? '';
  if (texts.has('footer')) fields.footer = get('footer');
  if (d.buttons.length) {
    fields.buttons = d.buttons.map((b, i) => {
      const out: NonNullable<TemplateFields['buttons']>[number] = { type: b.type };
      if (b.text) out.text = get(`buttons.${i}.text`);
      if (b.url) out.url = get(`buttons.${i}.url`);
      if (b.phone) out.phoneNumber = get(`buttons.${i}.phoneNumber`);
      if (b.example) out.example = get(`buttons.${i}.example`);
      return out;
    });
  }
  for (const section of ['body', 'header'] as const) {
    const ids = d.fields.filter((f) => f.id.startsWith(`${section}Examples.`)).map((f) => f.id.slice(section.length + 'Examples.'.length));
    if (ids.length === 0) continue;
    const ex: string[] | Record<string, string> = ids.every((k) => /^\d+$/.test(k))
      ? ids.map((k) => get(`${section}Examples.${k}`) ?? '')
      : Object.fromEntries(ids.map((k) => [k, get(`${section}Examples.${k}`) ?? '']));
    if (section === 'body') fields.bodyExamples = ex;
    else fields.headerExamples = ex;
  }
  // The editor's "type of variable" picker is rarely labelled; the variables themselves tell.
  const vars = `${fields.header ?? ''} ${fields.body}`.match(/\{\{\s*[^{}\s]{1,64}\s*\}\}/g) ?? [];
  fields.parameterFormat = d.parameterFormat ?? (vars.length > 0 && vars.every((x) => !/^\{\{\s*\d+\s*\}\}$/.test(x)) ? 'named' : 'positional');
  return { fields, texts };
}

export { normalizeLabel };
