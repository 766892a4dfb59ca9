/**
 * Underlines for textarea and input fields. Those have no Range API, so a mirror element per field
 * copies the field's box and text styles and lays the same text out at the same place, with
 * transparent glyphs; marked stretches are spans with a wavy underline.
 *
 * The mirror's nodes live across frames and are patched, not re-created: a keystroke changes the
 * one text node it falls in, and the field's own scrolling moves the text with a transform (no
 * layout, no scroll write, which would force one). Page text only ever goes into text nodes.
 */
import type { Severity } from '@greenlight/core';
import { rangeRects, type MirrorStyle, type Rect } from './geometry';

export interface MirrorMark {
  start: number;
  end: number;
  severity: Severity;
}

/** A stretch of text with one look: underlined with the strongest covering severity, or plain. */
export interface Piece {
  start: number;
  end: number;
  severity: Severity | undefined;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const BY_RANK: (Severity | undefined)[] = [undefined, 'info', 'warning', 'error'];

/**
 * Cuts `[0, length)` at every mark boundary; each stretch takes the strongest severity of the marks
 * covering it. Neighbours that look the same are merged, so the mirror has as few nodes as possible.
 */
export function splitPieces(length: number, marks: readonly MirrorMark[]): Piece[] {
  if (length === 0) return [];
  // Sweep over boundaries with a count of open marks per severity rank.
  const events: number[] = [];
  for (const m of marks) {
    const s = Math.max(0, Math.min(length, m.start));
    const e = Math.max(0, Math.min(length, m.end));
    if (e <= s) continue;
    const r = RANK[m.severity];
    events.push(s * 8 + 4 + r, e * 8 + 4 - r);
  }
  // Position in the high bits; at one position closings (4 - r) sort before openings (4 + r).
  events.sort((a, b) => a - b);
  const open = [0, 0, 0, 0];
  const out: Piece[] = [];
  let pos = 0;
  let i = 0;
  const push = (end: number) => {
    if (end <= pos) return;
    const severity = BY_RANK[open[3]! > 0 ? 3 : open[2]! > 0 ? 2 : open[1]! > 0 ? 1 : 0];
    const last = out[out.length - 1];
    if (last && last.severity === severity) last.end = end;
    else out.push({ start: pos, end, severity });
    pos = end;
  };
  while (i < events.length) {
    const at = Math.floor(events[i]! / 8);
    push(at);
    while (i < events.length && Math.floor(events[i]! / 8) === at) {
      const code = events[i]! % 8;
      if (code > 4) open[code - 4]!++;
      else open[4 - code]!--;
      i++;
    }
  }
  push(length);
  return out;
}

interface MirrorNode {
  severity: Severity | undefined;
  start: number;
  text: string;
  /** The span for an underlined piece, the text node itself for a plain one. */
  node: HTMLSpanElement | Text;
  data: Text;
}

const className = (s: Severity) => `gl-u gl-${s}`;

/**
 * Rewrites a text node's data. Not with `replaceData` of the changed part: measured in Chromium,
 * that re-shapes the text synchronously inside our frame (~0.2 ms a keystroke), while a plain
 * assignment leaves it to the browser's layout, which did not take longer in traces.
 */
function patchText(node: Text, from: string, to: string): void {
  if (from !== to) node.data = to;
}

const px = (n: number) => `${n}px`;

/** One field's mirror: a clipping box at the field's visible area, the mirror inside it, the text inside that. */
export class FieldMirror {
  readonly clipEl: HTMLDivElement;
  private readonly mirrorEl: HTMLDivElement;
  private readonly textEl: HTMLDivElement;
  /** Keeps the height of a trailing empty line. */
  private readonly tail: Text;
  private nodes: MirrorNode[] = [];
  private styleKey = '';
  private length = 0;
  clip: Rect | undefined;
  box: Rect | undefined;
  scroll: { top: number; left: number } | undefined;

  constructor(
    doc: Document,
    readonly field: string,
    /** The page element mirrored; a new element (the page re-rendered) gets a new mirror. */
    readonly el: HTMLElement,
  ) {
    this.clipEl = doc.createElement('div');
    this.clipEl.className = 'gl-clip';
    this.mirrorEl = doc.createElement('div');
    this.mirrorEl.className = 'gl-mirror';
    this.mirrorEl.dataset.field = field;
    this.mirrorEl.setAttribute('aria-hidden', 'true');
    const ms = this.mirrorEl.style;
    ms.position = 'absolute';
    ms.margin = '0';
    ms.color = 'transparent';
    ms.background = 'transparent';
    this.textEl = doc.createElement('div');
    this.tail = doc.createTextNode('\u200b');
    this.textEl.append(this.tail);
    this.mirrorEl.append(this.textEl);
    this.clipEl.append(this.mirrorEl);
  }

  /** The field's text styles; `key` identifies them, so unchanged styles are not written again. */
  setStyle(style: MirrorStyle, key: string): void {
    if (key === this.styleKey) return;
    this.styleKey = key;
    const ms = this.mirrorEl.style as unknown as Record<string, string>;
    // Width and height come from the measured box (place()).
    for (const k in style) if (k !== 'width' && k !== 'height') ms[k] = style[k]!;
  }

  /** Where the field is (`box`) and which part of it is visible (`clip`), in viewport coordinates. */
  place(clip: Rect, box: Rect): void {
    this.measured = true;
    if (this.hidden) {
      this.hidden = false;
      this.clipEl.style.display = '';
    }
    const c = this.clip;
    if (!c || c.left !== clip.left || c.top !== clip.top || c.width !== clip.width || c.height !== clip.height) {
      const s = this.clipEl.style;
      s.left = px(clip.left);
      s.top = px(clip.top);
      s.width = px(clip.width);
      s.height = px(clip.height);
    }
    const b = this.box;
    const m = this.mirrorEl.style;
    if (!c || !b || b.left - c.left !== box.left - clip.left || b.top - c.top !== box.top - clip.top) {
      m.left = px(box.left - clip.left);
      m.top = px(box.top - clip.top);
    }
    if (!b || b.width !== box.width || b.height !== box.height) {
      m.width = px(box.width);
      m.height = px(box.height);
    }
    this.clip = clip;
    this.box = box;
  }

  private hidden = false;
  /** Placed or hidden at least once: until then the mirror needs measuring. */
  measured = false;

  /** The field is out of sight (scrolled away, clipped): nothing to draw until it is measured again. */
  hide(): void {
    this.measured = true;
    if (this.hidden) return;
    this.hidden = true;
    this.clipEl.style.display = 'none';
  }

  /** The field's scroll offsets, applied as a transform of the text. */
  scrollTo(top: number, left: number): void {
    const s = this.scroll;
    if (s && s.top === top && s.left === left) return;
    this.scroll = { top, left };
    this.textEl.style.transform = top || left ? `translate(${-left}px, ${-top}px)` : '';
  }

  /** Lays out `text` cut into `pieces`, touching only the nodes whose text or look changed. */
  setText(text: string, pieces: readonly Piece[]): void {
    this.length = text.length;
    const old = this.nodes;
    const want = pieces.map((p) => ({ severity: p.severity, start: p.start, text: text.slice(p.start, p.end) }));
    const same = (a: MirrorNode, b: (typeof want)[number]) => a.severity === b.severity && a.text === b.text;
    let head = 0;
    while (head < old.length && head < want.length && same(old[head]!, want[head]!)) {
      old[head]!.start = want[head]!.start;
      head++;
    }
    let oldEnd = old.length;
    let wantEnd = want.length;
    while (oldEnd > head && wantEnd > head && same(old[oldEnd - 1]!, want[wantEnd - 1]!)) {
      old[--oldEnd]!.start = want[--wantEnd]!.start;
    }
    const middle: MirrorNode[] = [];
    const before = oldEnd < old.length ? old[oldEnd]!.node : this.tail;
    const doc = this.textEl.ownerDocument;
    for (let k = head; k < wantEnd; k++) {
      const w = want[k]!;
      const o = k < oldEnd ? old[k] : undefined;
      if (o && (o.severity === undefined) === (w.severity === undefined)) {
        // Same kind of node: patch it in place.
        if (o.severity !== w.severity) (o.node as HTMLSpanElement).className = className(w.severity!);
        patchText(o.data, o.text, w.text);
        o.severity = w.severity;
        o.start = w.start;
        o.text = w.text;
        middle.push(o);
        continue;
      }
      const data = doc.createTextNode(w.text);
      let node: HTMLSpanElement | Text = data;
      if (w.severity) {
        node = doc.createElement('span');
        node.className = className(w.severity);
        node.append(data);
      }
      this.textEl.insertBefore(node, o ? o.node : before);
      o?.node.remove();
      middle.push({ severity: w.severity, start: w.start, text: w.text, node, data });
    }
    for (let k = Math.max(head, wantEnd); k < oldEnd; k++) old[k]!.node.remove();
    this.nodes = head === 0 && oldEnd === old.length ? middle : [...old.slice(0, head), ...middle, ...old.slice(oldEnd)];
  }

  /** Client rects of the text `[start, end)` as laid out in the mirror, clipped to the visible area. */
  rectsOf(start: number, end: number): Rect[] {
    const s = Math.max(0, Math.min(this.length, start));
    const e = Math.max(s, Math.min(this.length, end));
    if (e === s || this.hidden || this.nodes.length === 0) return [];
    const range = this.textEl.ownerDocument.createRange();
    let started = false;
    for (const n of this.nodes) {
      const nEnd = n.start + n.text.length;
      if (!started && s < nEnd) {
        range.setStart(n.data, s - n.start);
        started = true;
      }
      if (started && e <= nEnd) {
        range.setEnd(n.data, e - n.start);
        break;
      }
    }
    return started ? rangeRects(range, this.clip) : [];
  }

  /** The mirror's text as laid out (tests). */
  get text(): string {
    let out = '';
    for (const n of this.nodes) out += n.data.data;
    return out;
  }

  remove(): void {
    this.clipEl.remove();
  }
}
