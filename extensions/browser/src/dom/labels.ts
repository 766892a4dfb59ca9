/**
 * Where a field's name can be read from, strongest first: explicit ARIA/label associations,
 * placeholders, then text just before the field, then section headings further up. Only
 * attributes and text are used, never class names (Meta's are generated and change often).
 */
import { TEXT_FIELD_SELECTOR } from './editables';

export interface LabelSources {
  explicit: string[];
  placeholder: string[];
  /** Text just before the field, nearest first (sibling label divs, titles, descriptions). */
  nearby: string[];
  /** Headings and labelled regions that enclose the field, nearest first. */
  section: string[];
  /** Field length limit from maxlength or a "0/1024" counter next to the field. */
  limit: number | undefined;
}

const MAX_LABEL = 120;
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
/** Regions whose accessible name titles everything inside them. */
const LABELLED_REGION = '[role="group"], [role="region"], [role="dialog"], [role="tabpanel"], [role="radiogroup"], fieldset, section, form';
/** Not label text: form controls, menu triggers and pickers, hidden decoration. */
const NOT_TEXT =
  'textarea, input, select, button:not([aria-expanded]), button[aria-haspopup], [role="button"]:not([aria-expanded]), [role="button"][aria-haspopup], a[href], [role="combobox"], [role="listbox"], [role="menu"], [contenteditable]:not([contenteditable="false"]), [aria-hidden="true"], script, style';

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

// Decimal digits of the scripts Meta's UI languages format numbers in (Latin, Arabic-Indic,
// Extended Arabic-Indic, Devanagari, Bengali, full-width): the zero of each run of ten.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xff10];

function digitValue(cp: number): number {
  for (const z of DIGIT_ZEROS) if (cp >= z && cp <= z + 9) return cp - z;
  return -1;
}

/**
 * Reads a number written with group separators ("1,024", "1.024", "1 024", "1'024") or in
 * another script's digits; undefined for anything else. At most 7 characters, so no runaway input.
 */
function readNumber(s: string): number | undefined {
  if (s.length === 0 || s.length > 7) return undefined;
  let n = 0;
  let digits = 0;
  for (const ch of s) {
    const d = digitValue(ch.codePointAt(0)!);
    if (d >= 0) {
      n = n * 10 + d;
      digits++;
    } else if (!(ch === ',' || ch === '.' || ch === "'" || ch === '\u00a0' || ch === '\u202f' || ch === ' ') || digits === 0) return undefined;
  }
  return digits > 0 && digits <= 5 ? n : undefined;
}

// "12/1024", "0 / 1,024", "٠/١٠٢٤": count, slash, limit. Each side is one bounded run.
const COUNTER_AT_END = /(?:^|\s)([\p{Nd}][\p{Nd}.,'\u00a0\u202f ]{0,6})\s?\/\s?([\p{Nd}][\p{Nd}.,'\u00a0\u202f ]{0,6})\s*$/u;

/**
 * Splits a character counter off the end of a text: "Body 0/1024" -> { label: "Body", limit: 1024 },
 * "0/60" -> { label: "", limit: 60 }. Texts without a counter come back unchanged.
 */
export function splitCounter(text: string): { label: string; limit: number | undefined } {
  const m = COUNTER_AT_END.exec(text);
  if (!m) return { label: text, limit: undefined };
  const count = readNumber(m[1]!.trim());
  const limit = readNumber(m[2]!.trim());
  if (count === undefined || limit === undefined || limit === 0) return { label: text, limit: undefined };
  return { label: text.slice(0, m.index).trim(), limit };
}

/** Text of an element without the text of form controls, pickers and hidden parts inside it. */
export function ownText(el: Element, max = MAX_LABEL * 4): string {
  let out = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.matches(NOT_TEXT)) continue;
        // Block children are separate words even without whitespace between them.
        out += ' ';
        walk(e);
      }
      if (out.length > max) return;
    }
  };
  walk(el);
  return clean(out);
}

/**
 * Text of a small element (a title line), reading at most `maxNodes` nodes: undefined when the
 * element is bigger than that, so callers never read a whole page to find a title.
 */
export function shortText(el: Element, maxNodes = 24, maxLen = 80): string | undefined {
  let out = '';
  let budget = maxNodes;
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (--budget < 0) return false;
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        if ((c as Element).matches(NOT_TEXT)) continue;
        out += ' ';
        if (!walk(c)) return false;
      }
      if (out.length > maxLen * 2) return false;
    }
    return true;
  };
  if (!walk(el)) return undefined;
  const t = clean(out);
  return t.length <= maxLen ? t : undefined;
}

function byId(doc: Document | ShadowRoot, id: string): Element | null {
  return 'getElementById' in doc ? doc.getElementById(id) : null;
}

/** Text of the elements an `aria-labelledby`/`aria-describedby` list points to. */
export function referencedText(el: Element, attr: string): string {
  const ids = el.getAttribute(attr);
  if (!ids) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => (id ? byId(root, id) : null))
    .filter((e): e is Element => !!e && e !== el)
    .map((e) => ownText(e))
    .filter(Boolean)
    .join(' ');
}

/** An element's accessible name from aria-label / aria-labelledby, if it has one. */
export function accessibleName(el: Element): string {
  return clean(el.getAttribute('aria-label')) || referencedText(el, 'aria-labelledby');
}

/**
 * A menu trigger ("+ Add button ▾") or plain action is not a label. Accordion headers
 * (aria-expanded without a popup) are kept: they often carry a section's title.
 */
function isAction(el: Element): boolean {
  if (el.tagName === 'BUTTON' || (el.tagName === 'A' && el.hasAttribute('href'))) return !el.hasAttribute('aria-expanded') || el.hasAttribute('aria-haspopup');
  const role = el.getAttribute('role');
  if (role === 'button' || role === 'link' || role === 'menuitem') return !el.hasAttribute('aria-expanded') || el.hasAttribute('aria-haspopup');
  return false;
}

export function labelSources(el: HTMLElement, skip?: (el: Element) => boolean): LabelSources {
  const root = el.getRootNode() as Document | ShadowRoot;
  const explicit: string[] = [];
  let limit: number | undefined;
  const ml = Number(el.getAttribute('maxlength'));
  if (ml > 0) limit = ml;
  const takeLimit = (n: number | undefined) => {
    if (limit === undefined && n !== undefined) limit = n;
  };

  const pushExplicit = (t: string) => {
    const s = splitCounter(t);
    takeLimit(s.limit);
    if (s.label) explicit.push(s.label);
  };
  const labelledby = referencedText(el, 'aria-labelledby');
  if (labelledby) pushExplicit(labelledby);
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) pushExplicit(aria);
  if (el.id && 'querySelectorAll' in root) {
    for (const l of root.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) {
      const t = ownText(l);
      if (t) pushExplicit(t);
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) {
    const t = ownText(wrapping);
    if (t) pushExplicit(t);
  }
  const title = clean(el.getAttribute('title'));
  if (title) explicit.push(title);

  const placeholder: string[] = [];
  for (const a of ['placeholder', 'aria-placeholder', 'data-placeholder']) {
    const v = clean(el.getAttribute(a));
    if (v) placeholder.push(v);
  }
  const describedby = el.getAttribute('aria-describedby');
  if (describedby) {
    for (const id of describedby.split(/\s+/)) {
      const d = id ? byId(root, id) : null;
      const t = d ? ownText(d) : '';
      if (!t || t.length > MAX_LABEL) continue;
      // A description that is the field's counter gives its limit, not a name.
      const s = splitCounter(t);
      takeLimit(s.limit);
      if (s.label) placeholder.push(s.label);
    }
  }

  const nearby: string[] = [];
  const section: string[] = [];

  // Walk up; at each level look at the siblings before the current node, nearest first.
  let node: Element = el;
  let passedOtherField = false;
  for (let depth = 0; depth < 12 && node.parentElement && node !== el.ownerDocument.body; depth++) {
    const parent = node.parentElement;
    let sib = node.previousElementSibling;
    for (let seen = 0; sib && seen < 6; seen++, sib = sib.previousElementSibling) {
      if (skip?.(sib) || isAction(sib)) continue;
      const hasField = sib.matches(TEXT_FIELD_SELECTOR) || !!sib.querySelector(TEXT_FIELD_SELECTOR);
      if (hasField) {
        // An earlier block with its own fields is another section: neither its heading nor its
        // text names this field.
        passedOtherField = true;
        continue;
      }
      // Pickers ("Text ▾"), menus and hidden decoration are not labels.
      if (sib.matches(NOT_TEXT)) continue;
      const heading = sib.matches(HEADING) ? sib : sib.querySelector(HEADING);
      if (heading) {
        const t = splitCounter(ownText(heading)).label;
        if (t && t.length <= MAX_LABEL && section.length < 4) section.push(t);
      }
      const raw = ownText(sib);
      if (!raw || raw.length > MAX_LABEL) continue;
      const s = splitCounter(raw);
      // A bare counter before the field belongs to the field above; one in a title line
      // ("Body 0/1024") is this field's.
      if (s.label && depth < 3 && !passedOtherField) takeLimit(s.limit);
      if (s.label && !passedOtherField && nearby.length < 4) nearby.push(s.label);
    }
    // Counters usually follow the field ("0/1024" under the box, or inside it on the right).
    if (limit === undefined && depth < 3) {
      for (let next = node.nextElementSibling, n = 0; next && n < 3; next = next.nextElementSibling, n++) {
        if (next.matches(TEXT_FIELD_SELECTOR) || next.querySelector(TEXT_FIELD_SELECTOR)) break;
        const t = shortText(next, 12, 24);
        const c = t ? splitCounter(t) : undefined;
        if (c?.limit !== undefined && c.label === '') {
          limit = c.limit;
          break;
        }
      }
    }
    // A labelled group or region around the field titles it too.
    if (parent.matches(LABELLED_REGION) && section.length < 4) {
      const name = accessibleName(parent);
      if (name && name.length <= MAX_LABEL) section.push(splitCounter(name).label);
      else if (parent.tagName === 'FIELDSET') {
        const legend = parent.querySelector(':scope > legend');
        const t = legend ? ownText(legend) : '';
        if (t && t.length <= MAX_LABEL && !section.includes(t)) section.push(t);
      }
    }
    node = parent;
  }
  return { explicit, placeholder, nearby, section, limit };
}
