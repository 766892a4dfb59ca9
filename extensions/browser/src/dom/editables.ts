/**
 * Reading text out of editor elements and mapping text offsets back to the DOM. Offsets are UTF-16
 * code units, like the engine's.
 */
export type EditableKind = 'textarea' | 'input' | 'contenteditable';

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url', 'tel', 'email']);

export function editableKind(el: Element): EditableKind | undefined {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(((el as HTMLInputElement).getAttribute('type') ?? '').toLowerCase()) ? 'input' : undefined;
  if ((el as HTMLElement).isContentEditable || isEditableAttr(el.getAttribute('contenteditable'))) {
    // Only the outermost editable root; nested nodes belong to it.
    const parent = el.parentElement;
    if (parent && ((parent as HTMLElement).isContentEditable || isEditableAttr(parent.closest('[contenteditable]')?.getAttribute('contenteditable') ?? null))) return undefined;
    return 'contenteditable';
  }
  return undefined;
}

function isEditableAttr(v: string | null): boolean {
  return v !== null && v !== 'false';
}

export const EDITABLE_SELECTOR = 'textarea, input, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

/** Elements that hold text a user types (not radios, checkboxes or buttons): where one field ends. */
export const TEXT_FIELD_SELECTOR =
  'textarea, input:not([type]), input[type=""], input[type="text"], input[type="url"], input[type="tel"], input[type="email"], [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

/**
 * Containers whose text fields are never template fields: transient popups (a language picker's
 * search box, a menu) and subtrees hidden from users (the page behind a modal dialog is marked
 * aria-hidden or inert while the dialog is open).
 */
const NOT_A_FIELD_CONTAINER = '[aria-hidden="true"], [inert], [role="listbox"], [role="menu"], [role="tooltip"], [role="search"]';

/** Candidate text fields under a root, in document order, skipping hidden, disabled and read-only ones. */
export function findEditables(root: ParentNode, skip?: (el: Element) => boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(EDITABLE_SELECTOR)) {
    if (skip?.(el)) continue;
    const kind = editableKind(el);
    if (!kind) continue;
    if (kind !== 'contenteditable' && ((el as HTMLInputElement).disabled || (el as HTMLInputElement).readOnly)) continue;
    if (el.hidden || el.getAttribute('type') === 'hidden') continue;
    // Read-only and disabled as ARIA says them (a rich-text editor rendered for display only).
    if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') continue;
    // Search boxes filter lists; they never hold template text.
    if (el.getAttribute('type') === 'search' || el.getAttribute('role') === 'searchbox') continue;
    if (el.closest(NOT_A_FIELD_CONTAINER)) continue;
    out.push(el);
  }
  return out;
}

/** Whether the field takes several lines: a textarea, or a rich-text editor not marked single-line. */
export function isMultiline(el: Element, kind: EditableKind | undefined): boolean {
  if (kind === 'textarea') return true;
  if (kind === 'contenteditable') return el.getAttribute('aria-multiline') !== 'false';
  return false;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER']);

/** A text node's place in the extracted text. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export interface TextModel {
  text: string;
  segments: Segment[];
}

/**
 * Extracts a contenteditable's text the way a user sees its lines: one line per block (Lexical
 * paragraphs, divs), `<br>` as a newline, an empty `<p><br></p>` as an empty line.
 */
export function contentEditableModel(root: Element): TextModel {
  let text = '';
  const segments: Segment[] = [];
  // Set when a block ended (or started mid-line): the next content goes on a new line.
  let needBreak = false;
  const flush = () => {
    if (needBreak) {
      text += '\n';
      needBreak = false;
    }
  };
  // A <br> that ends its block, directly or through inline wrappers (Draft.js puts an empty
  // line's <br> inside a <span>), draws no line of its own.
  const isPlaceholderBr = (br: Element) => {
    for (let n: Node = br; ; ) {
      let next = n.nextSibling;
      while (next && next.nodeType === 3 && (next as Text).data.length === 0) next = next.nextSibling;
      if (next) return false;
      const parent = n.parentElement;
      if (!parent) return false;
      if (parent === root || BLOCK_TAGS.has(parent.tagName)) return true;
      n = parent;
    }
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text;
        if (t.data.length === 0) continue;
        flush();
        segments.push({ node: t, start: text.length, end: text.length + t.data.length });
        text += t.data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          flush();
          if (!isPlaceholderBr(el)) text += '\n';
        } else if (BLOCK_TAGS.has(el.tagName)) {
          if (text.length > 0 && !text.endsWith('\n')) needBreak = true;
          walk(el);
          needBreak = true;
        } else if (el.tagName !== 'SCRIPT' && el.tagName !== 'STYLE') {
          walk(el);
        }
      }
    }
  };
  walk(root);
  return { text, segments };
}

export function readText(el: HTMLElement, kind: EditableKind): string {
  if (kind === 'contenteditable') return contentEditableModel(el).text;
  return (el as HTMLInputElement | HTMLTextAreaElement).value;
}

/** DOM position of a text offset; `forEnd` prefers the end of the previous node at a boundary. */
export function domPosition(model: TextModel, offset: number, forEnd: boolean): { node: Text; offset: number } | undefined {
  const segs = model.segments;
  if (segs.length === 0) return undefined;
  if (forEnd) {
    for (let i = segs.length - 1; i >= 0; i--) {
      const s = segs[i]!;
      if (offset > s.start) return { node: s.node, offset: Math.min(offset, s.end) - s.start };
    }
    return { node: segs[0]!.node, offset: 0 };
  }
  for (const s of segs) {
    if (offset < s.end) return { node: s.node, offset: Math.max(0, offset - s.start) };
  }
  const last = segs[segs.length - 1]!;
  return { node: last.node, offset: last.node.data.length };
}

export function rangeForOffsets(model: TextModel, start: number, end: number): Range | undefined {
  const a = domPosition(model, start, false);
  const b = domPosition(model, end, true);
  if (!a || !b) return undefined;
  const r = document.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return undefined;
  }
  if (r.collapsed && end > start) return undefined;
  return r;
}

/** Text offset of a DOM point inside a contenteditable (for the caret). */
export function offsetOfPoint(model: TextModel, node: Node, offset: number): number | undefined {
  for (const s of model.segments) if (s.node === node) return s.start + Math.min(offset, s.node.data.length);
  if (node.nodeType === 1) {
    const child = node.childNodes[offset] ?? null;
    // Caret between elements: the first segment at or after that child.
    for (const s of model.segments) {
      if (child ? child === s.node || child.contains(s.node) : false) return s.start;
    }
    for (let i = model.segments.length - 1; i >= 0; i--) {
      const s = model.segments[i]!;
      if (node.contains(s.node)) return s.end;
    }
  }
  return undefined;
}
