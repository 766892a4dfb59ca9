/**
 * Where a field's name can be read from, strongest first: explicit ARIA/label associations,
 * placeholders, then text just before the field, then section headings further up. Only
 * attributes and text are used, never class names (Meta's are generated and change often).
 */
import { EDITABLE_SELECTOR } from './editables';

export interface LabelSources {
  explicit: string[];
  placeholder: string[];
  nearby: string[];
  /** Headings of the enclosing sections, nearest first. */
  section: string[];
  /** Field length limit from maxlength or a "0/1024" counter next to the field. */
  limit: number | undefined;
}

const MAX_LABEL = 120;
const COUNTER = /^\s*\d{1,5}\s*\/\s*(\d{1,5})\s*$/;
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without the text of form controls inside it. */
function ownText(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.matches('textarea, input, select, [contenteditable]:not([contenteditable="false"]), script, style')) continue;
        walk(e);
      }
      if (out.length > MAX_LABEL * 4) return;
    }
  };
  walk(el);
  return clean(out);
}

function byId(doc: Document | ShadowRoot, id: string): Element | null {
  return 'getElementById' in doc ? doc.getElementById(id) : null;
}

export function labelSources(el: HTMLElement, isOverlay?: (el: Element) => boolean): LabelSources {
  const root = el.getRootNode() as Document | ShadowRoot;
  const explicit: string[] = [];
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const t = labelledby
      .split(/\s+/)
      .map((id) => (id ? byId(root, id) : null))
      .filter((e): e is Element => !!e)
      .map((e) => ownText(e))
      .join(' ');
    if (t) explicit.push(t);
  }
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) explicit.push(aria);
  if (el.id && 'querySelectorAll' in root) {
    for (const l of root.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) {
      const t = ownText(l);
      if (t) explicit.push(t);
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) {
    const t = ownText(wrapping);
    if (t) explicit.push(t);
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
      if (t && t.length <= MAX_LABEL) placeholder.push(t);
    }
  }

  const nearby: string[] = [];
  const section: string[] = [];
  let limit: number | undefined;
  const ml = Number(el.getAttribute('maxlength'));
  if (ml > 0) limit = ml;

  // Walk up; at each level look at the siblings before the current node, nearest first.
  let node: Element = el;
  let passedOtherField = false;
  for (let depth = 0; depth < 10 && node.parentElement && node !== el.ownerDocument.body; depth++) {
    const parent = node.parentElement;
    let sib = node.previousElementSibling;
    for (let seen = 0; sib && seen < 6; seen++, sib = sib.previousElementSibling) {
      if (isOverlay?.(sib)) continue;
      const hasField = sib.matches(EDITABLE_SELECTOR) || !!sib.querySelector(EDITABLE_SELECTOR);
      const heading = sib.matches(HEADING) ? sib : sib.querySelector(HEADING);
      if (heading) {
        const t = ownText(heading);
        if (t && t.length <= MAX_LABEL && section.length < 4) section.push(t);
      }
      if (hasField) {
        passedOtherField = true;
        continue;
      }
      const t = ownText(sib);
      if (!t || t.length > MAX_LABEL) continue;
      const counter = COUNTER.exec(t);
      if (counter) {
        if (limit === undefined && depth < 3) limit = Number(counter[1]);
        continue;
      }
      if (!passedOtherField && nearby.length < 3) nearby.push(t);
    }
    // Counters usually follow the field ("0/1024" under the box).
    if (limit === undefined && depth < 3) {
      for (let next = node.nextElementSibling, n = 0; next && n < 3; next = next.nextElementSibling, n++) {
        if (next.matches(EDITABLE_SELECTOR) || next.querySelector(EDITABLE_SELECTOR)) break;
        const c = COUNTER.exec(ownText(next));
        if (c) {
          limit = Number(c[1]);
          break;
        }
      }
    }
    node = parent;
  }
  return { explicit, placeholder, nearby, section, limit };
}
