/**
 * Geometry for underlines. A textarea or input has no Range API, so a mirror element copies its box
 * and text styles and lays the same text out at the same place; contenteditable text is measured
 * with DOM Ranges.
 */

/** Style properties that decide where text wraps and sits (after component/textarea-caret-position). */
const MIRRORED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'fontFeatureSettings', 'fontKerning',
  'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'direction', 'textRendering', 'wordBreak', 'overflowWrap', 'hyphens',
] as const;

export interface MirrorStyle {
  [k: string]: string;
}

/** The mirror's inline style for a field; `single` for inputs (one line, no wrapping). */
export function mirrorStyle(el: HTMLElement, single: boolean): MirrorStyle {
  const cs = getComputedStyle(el);
  const out: MirrorStyle = {};
  for (const p of MIRRORED) out[p] = cs[p] as string;
  out.boxSizing = 'border-box';
  out.borderColor = 'transparent';
  out.overflow = 'hidden';
  out.whiteSpace = single ? 'pre' : 'pre-wrap';
  if (!single) out.overflowWrap = cs.overflowWrap === 'normal' ? 'break-word' : cs.overflowWrap;
  // A scrollbar narrows the field's text area; the mirror has none, so pad for it.
  const bl = parseFloat(cs.borderLeftWidth) || 0;
  const br = parseFloat(cs.borderRightWidth) || 0;
  const scrollbar = el.offsetWidth - el.clientWidth - bl - br;
  if (scrollbar > 0) out.paddingRight = `${(parseFloat(cs.paddingRight) || 0) + scrollbar}px`;
  if (single) {
    // An input centres its single line vertically; a block does not.
    const h = el.clientHeight - (parseFloat(cs.paddingTop) || 0) - (parseFloat(cs.paddingBottom) || 0);
    out.lineHeight = `${h}px`;
  }
  return out;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const toRect = (r: DOMRect | DOMRectReadOnly): Rect => ({ left: r.left, top: r.top, width: r.width, height: r.height });

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  if (right <= left || bottom <= top) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

/** Ancestors that clip their content (scroll containers), nearest first. */
export function clippingAncestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(p);
    if (cs.position === 'fixed') break;
  }
  return out;
}

/** The part of the viewport where a field is visible. */
export function visibleClip(el: Element, ancestors: Element[]): Rect | undefined {
  let clip: Rect | undefined = { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  for (const a of ancestors) {
    if (!clip) return undefined;
    const r = a.getBoundingClientRect();
    clip = intersect(clip, { left: r.left + a.clientLeft, top: r.top + a.clientTop, width: a.clientWidth, height: a.clientHeight });
  }
  return clip && intersect(clip, toRect(el.getBoundingClientRect()));
}

/** Client rects of a Range, merged per line, clipped. */
export function rangeRects(range: Range, clip: Rect | undefined): Rect[] {
  const out: Rect[] = [];
  for (const r of range.getClientRects()) {
    if (r.width === 0 && r.height === 0) continue;
    const rect = clip ? intersect(toRect(r), clip) : toRect(r);
    if (!rect) continue;
    const prev = out[out.length - 1];
    if (prev && Math.abs(prev.top - rect.top) < 1 && Math.abs(prev.height - rect.height) < 1 && rect.left <= prev.left + prev.width + 1) {
      prev.width = Math.max(prev.left + prev.width, rect.left + rect.width) - prev.left;
    } else out.push(rect);
  }
  return out;
}
