/**
 * Field discovery: finds the template's fields in an editor page by what they are called (labels,
 * placeholders, nearby text, section headings, in the UI languages Meta ships) and by weak hints
 * (input type, length limits). Works on textarea, input and contenteditable (Lexical-style) fields.
 */
import type { Category, TemplateFields } from '@greenlight/core';
import type { FieldKind, HeaderType, SiteDefinition, TextFieldKind } from '../sites/types';
import { editableKind, findEditables, readText, type EditableKind } from './editables';
import { labelSources, type LabelSources } from './labels';
import { languageCodeFromLabel } from './languages';
import { buildVocabulary, normalizeLabel, type Vocabulary } from './vocabulary';

export interface FieldBinding {
  /** Field id as `parseFields` names it: name, header, body, footer, buttons.0.url, bodyExamples.1… */
  id: string;
  kind: TextFieldKind;
  el: HTMLElement;
  editable: EditableKind;
}

export interface Discovery {
  fields: FieldBinding[];
  buttons: { type: string; text?: FieldBinding; url?: FieldBinding; phone?: FieldBinding }[];
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
const LIMIT_HINTS: Record<number, TextFieldKind> = { 1024: 'body', 512: 'name', 25: 'buttonText', 2000: 'buttonUrl', 20: 'buttonPhone' };

interface Classified {
  el: HTMLElement;
  editable: EditableKind | undefined;
  kind: FieldKind;
  sources: LabelSources;
  /** The variable a sample belongs to, from a `{{1}}` in its label. */
  token?: string;
  /** A sample's section: header or body. */
  sampleOf?: 'header' | 'body';
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

function classify(el: HTMLElement, v: Vocabulary, site: SiteDefinition[], isOverlay?: (el: Element) => boolean): Classified | undefined {
  const editable = editableKind(el);
  for (const s of site) {
    for (const [kind, selectors] of Object.entries(s.selectors ?? {})) {
      for (const sel of selectors ?? []) {
        try {
          if (el.matches(sel)) return { el, editable, kind: kind as FieldKind, sources: labelSources(el, isOverlay) };
        } catch {
          /* an invalid user selector never breaks discovery */
        }
      }
    }
  }
  const sources = labelSources(el, isOverlay);
  let kind: FieldKind | undefined;
  let token: string | undefined;
  for (const group of [sources.explicit, sources.placeholder, sources.nearby]) {
    for (const text of group) {
      const t = TOKEN.exec(text);
      if (t) {
        kind = 'sample';
        token = t[1];
        break;
      }
      const c = v.classify(text);
      if (c) {
        kind = c.kind;
        break;
      }
    }
    if (kind) break;
  }
  if (!kind) {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (type === 'url') kind = 'buttonUrl';
    else if (type === 'tel' || el.getAttribute('inputmode') === 'tel') kind = 'buttonPhone';
    else if (sources.limit && LIMIT_HINTS[sources.limit]) kind = LIMIT_HINTS[sources.limit];
    else if (sources.limit === 60) {
      // Header and footer share the 60-character limit; the section heading tells them apart.
      kind = sources.section.some((s) => v.has('footer', s)) ? 'footer' : sources.section.some((s) => v.has('header', s)) ? 'header' : undefined;
    }
  }
  if (!kind) return undefined;
  const c: Classified = { el, editable, kind, sources, token };
  if (kind === 'sample') {
    // Samples sit under a "Samples for header/body content" heading, or name the section in their label.
    const context = [...sources.explicit, ...sources.placeholder, ...sources.nearby, ...sources.section];
    const headerAt = context.findIndex((s) => v.has('header', s));
    const bodyAt = context.findIndex((s) => v.has('body', s));
    c.sampleOf = headerAt >= 0 && (bodyAt < 0 || headerAt < bodyAt) ? 'header' : 'body';
  }
  return c;
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

function readCategory(root: ParentNode, v: Vocabulary, isOverlay?: (el: Element) => boolean): Category | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(CHECKED)) {
    if (isOverlay?.(el)) continue;
    const s = labelSources(el, isOverlay);
    const own = el.tagName === 'INPUT' ? '' : (el.textContent ?? '').slice(0, 200);
    for (const t of [...s.explicit, own, ...s.nearby.slice(0, 1)]) {
      const c = t && v.category(t);
      if (c) return c;
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>(PICKERS)) {
    if (isOverlay?.(el)) continue;
    const s = labelSources(el, isOverlay);
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
function readHeaderType(root: ParentNode, v: Vocabulary, isOverlay?: (el: Element) => boolean): HeaderType | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(`${CHECKED}, ${PICKERS}`)) {
    if (isOverlay?.(el)) continue;
    const s = labelSources(el, isOverlay);
    const context = [...s.explicit, ...s.nearby, ...s.section];
    const group = el.parentElement?.closest<HTMLElement>(GROUP);
    if (group) {
      const g = labelSources(group, isOverlay);
      const legend = group.querySelector('legend')?.textContent ?? '';
      context.push(...g.explicit, ...g.nearby, ...g.section, legend);
    }
    if (!context.some((t) => v.has('header', t))) continue;
    const checked = el.matches(CHECKED);
    const choice = checked ? [...s.explicit, el.tagName === 'INPUT' ? '' : (el.textContent ?? '').slice(0, 120)].find((t) => t && v.headerType(t)) : choiceText(el);
    const type = choice ? v.headerType(choice) : undefined;
    if (type) return type;
  }
  return undefined;
}

function readLanguage(root: ParentNode, v: Vocabulary, pageLocale: string | undefined, isOverlay?: (el: Element) => boolean): string | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(`${PICKERS}, input, [role="tab"][aria-selected="true"]`)) {
    if (isOverlay?.(el)) continue;
    const s = labelSources(el, isOverlay);
    if (![...s.explicit, ...s.placeholder, ...s.nearby].some((t) => v.has('language', t))) continue;
    const code = languageCodeFromLabel(choiceText(el), pageLocale);
    if (code) return code;
  }
  return undefined;
}

export function discover(root: Document | Element, opts: DiscoverOptions): Discovery {
  const v = vocabularyFor(opts.sites);
  const classified: Classified[] = [];
  for (const el of findEditables(root, opts.isOverlay)) {
    if (!isVisible(el)) continue;
    const c = classify(el, v, opts.sites, opts.isOverlay);
    if (c && c.editable) classified.push(c);
  }
  const forced = opts.forcedBody;
  if (forced && !classified.some((c) => c.el === forced)) {
    const editable = editableKind(forced);
    if (editable) {
      for (const c of classified) if (c.kind === 'body') c.kind = 'sample';
      classified.push({ el: forced, editable, kind: 'body', sources: labelSources(forced, opts.isOverlay) });
    }
  }

  const fields: FieldBinding[] = [];
  const taken = new Set<string>();
  for (const c of classified) {
    if (c.kind === 'name' || c.kind === 'header' || c.kind === 'body' || c.kind === 'footer') {
      // The first field of each kind wins (later ones are previews or other language tabs).
      if (taken.has(c.kind)) continue;
      taken.add(c.kind);
      fields.push({ id: c.kind, kind: c.kind, el: c.el, editable: c.editable! });
    }
  }

  // Buttons: a label field opens a button; URL and phone fields join it when they share a row.
  const buttons: Discovery['buttons'] = [];
  const buttonFields = classified.filter((c) => c.kind === 'buttonText' || c.kind === 'buttonUrl' || c.kind === 'buttonPhone');
  const textEls = buttonFields.filter((c) => c.kind === 'buttonText').map((c) => c.el);
  for (const c of buttonFields) {
    const binding = (id: string): FieldBinding => ({ id, kind: c.kind as TextFieldKind, el: c.el, editable: c.editable! });
    const last = buttons[buttons.length - 1];
    if (c.kind === 'buttonText') {
      buttons.push({ type: 'QUICK_REPLY', text: binding('') });
      continue;
    }
    const slot = c.kind === 'buttonUrl' ? 'url' : 'phone';
    let target = last;
    if (target?.text && !target[slot] && !(slot === 'url' ? target.phone : target.url)) {
      const lca = commonAncestor(target.text.el, c.el);
      if (!lca || textEls.filter((t) => lca.contains(t)).length !== 1) target = undefined;
    } else target = undefined;
    if (!target) {
      target = { type: 'QUICK_REPLY' };
      buttons.push(target);
    }
    target[slot] = binding('');
  }
  buttons.forEach((b, i) => {
    b.type = b.url ? 'URL' : b.phone ? 'PHONE_NUMBER' : 'QUICK_REPLY';
    if (b.text && !b.url && !b.phone) {
      // The row's type picker may say "Copy offer code" or "Quick reply".
      const row = b.text.el.parentElement?.parentElement?.parentElement;
      const t = row ? v.buttonType((row.textContent ?? '').slice(0, 300)) : undefined;
      if (t === 'COPY_CODE') b.type = 'COPY_CODE';
    }
    if (b.text) fields.push({ ...b.text, id: `buttons.${i}.text` });
    if (b.url) fields.push({ ...b.url, id: `buttons.${i}.url` });
    if (b.phone) fields.push({ ...b.phone, id: `buttons.${i}.phoneNumber` });
    if (b.text) b.text.id = `buttons.${i}.text`;
    if (b.url) b.url.id = `buttons.${i}.url`;
    if (b.phone) b.phone.id = `buttons.${i}.phoneNumber`;
  });

  // Samples, in variable order when their labels name the variable.
  for (const section of ['body', 'header'] as const) {
    const samples = classified.filter((c) => c.kind === 'sample' && c.sampleOf === section);
    const named = samples.length > 0 && samples.every((s) => s.token && !/^\d+$/.test(s.token));
    const ordered = named ? samples : [...samples].sort((a, b) => (a.token && b.token ? Number(a.token) - Number(b.token) : 0));
    ordered.forEach((s, i) => {
      fields.push({ id: `${section}Examples.${named ? s.token! : i}`, kind: 'sample', el: s.el, editable: s.editable! });
    });
  }

  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const pageLocale = doc.documentElement.lang || undefined;
  return {
    fields,
    buttons,
    category: readCategory(root, v, opts.isOverlay),
    language: readLanguage(root, v, pageLocale, opts.isOverlay),
    parameterFormat: undefined,
    headerType: fields.some((f) => f.id === 'header') ? readHeaderType(root, v, opts.isOverlay) : undefined,
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
