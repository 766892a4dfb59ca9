/**
 * WhatsApp text formatting (`*bold*`, `_italic_`, `~strike~`, ```` ```monospace``` ````) parsed into a small
 * tree, and that tree rendered with createElement/createTextNode only. Pure: no DOM globals, no editor APIs;
 * the webview script passes its `document`, tests pass a fake.
 *
 * WhatsApp only treats a marker as formatting when it hugs a word: the opening marker follows the start
 * of the line, whitespace or punctuation and precedes a non-space; the closing marker follows a non-space
 * and precedes the end of the line, whitespace or punctuation. Styles do not cross line breaks; monospace
 * may, and nothing inside it is formatted.
 */

export type Style = 'bold' | 'italic' | 'strike' | 'mono';

export type FormatNode =
  | { type: 'text'; text: string }
  /** An example value put in place of a variable, or a variable with no example (`missing`). */
  | { type: 'variable'; text: string; variable: string; missing: boolean }
  | { type: Style; children: FormatNode[] };

const MARKERS: Record<string, Exclude<Style, 'mono'>> = { '*': 'bold', _: 'italic', '~': 'strike' };

/**
 * Substituted variables travel through the parser as one opaque character each, so their text never
 * forms markers: a value containing `*` stays literal, as it does on the phone. Private-use characters
 * that appear in the source are dropped beforehand (see `toSegments`).
 */
export const VARIABLE_BASE = 0xf0000;
const isVariableChar = (code: number) => code >= VARIABLE_BASE && code < VARIABLE_BASE + 0xfffe;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function canOpen(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1] : undefined;
  const after = text[i + 1];
  return !isWordChar(before) && before !== text[i] && !isSpace(after) && after !== text[i];
}

function canClose(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return !isSpace(before) && before !== text[i] && !isWordChar(after) && after !== text[i];
}

/**
 * For each marker, the position of the first valid closing marker at or after each index on the same
 * line (-1 when none). Computed right to left in one pass, so finding a closer is O(1) and the whole
 * parse stays linear in the text length.
 */
function closerTable(text: string, marker: string): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === '\n') next[i] = -1;
    else if (text[i] === marker && i > 0 && canClose(text, i)) next[i] = i;
    else next[i] = next[i + 1]!;
  }
  return next;
}

interface Tables {
  closers: Record<string, Int32Array>;
  variables: Map<number, { text: string; variable: string; missing: boolean }>;
}

function pushText(out: FormatNode[], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Parses text[start, end) for bold/italic/strike. Each nesting level scans its slice once. */
function parseInline(text: string, start: number, end: number, t: Tables, open: ReadonlySet<string>): FormatNode[] {
  const out: FormatNode[] = [];
  let plainFrom = start;
  const flush = (to: number) => emitPlain(out, text, plainFrom, to, t);
  let i = start;
  while (i < end) {
    const c = text[i]!;
    const style = MARKERS[c];
    if (style && !open.has(c) && canOpen(text, i)) {
      const close = t.closers[c]![i + 1]!;
      if (close !== -1 && close < end && close > i + 1) {
        flush(i);
        const inner = new Set(open).add(c);
        out.push({ type: style, children: parseInline(text, i + 1, close, t, inner) });
        i = close + 1;
        plainFrom = i;
        continue;
      }
    }
    i++;
  }
  flush(end);
  return out;
}

/** Emits plain text, turning variable placeholders back into variable nodes. */
function emitPlain(out: FormatNode[], text: string, from: number, to: number, t: Tables) {
  let run = from;
  for (let i = from; i < to; i++) {
    const code = text.codePointAt(i)!;
    if (!isVariableChar(code)) continue;
    pushText(out, text.slice(run, i));
    const v = t.variables.get(code);
    if (v) out.push({ type: 'variable', ...v });
    i += 1; // variable characters are astral: two UTF-16 units
    run = i + 1;
  }
  pushText(out, text.slice(run, to));
}

export interface Segment {
  text: string;
  /** Set when this segment is a variable's example value (or the bare variable when there is none). */
  variable?: string;
  missing?: boolean;
}

/** Parses a text made of literal segments and variable values into formatting nodes. */
export function formatSegments(segments: readonly Segment[]): FormatNode[] {
  const variables = new Map<number, { text: string; variable: string; missing: boolean }>();
  let text = '';
  for (const s of segments) {
    if (s.variable === undefined) {
      // Private-use plane-15 characters are reserved for our variable slots.
      text += s.text.replace(/[\u{F0000}-\u{FFFFD}]/gu, '');
      continue;
    }
    const code = VARIABLE_BASE + variables.size;
    variables.set(code, { text: s.text, variable: s.variable, missing: s.missing ?? false });
    text += String.fromCodePoint(code);
  }
  const tables: Tables = { closers: { '*': closerTable(text, '*'), _: closerTable(text, '_'), '~': closerTable(text, '~') }, variables };
  const out: FormatNode[] = [];
  // Monospace first: ``` pairs may span lines and switch off every other marker inside.
  let cursor = 0;
  for (;;) {
    const open = text.indexOf('```', cursor);
    const close = open === -1 ? -1 : text.indexOf('```', open + 3);
    if (open === -1 || close === -1 || close === open + 3) {
      out.push(...parseInline(text, cursor, text.length, tables, new Set()));
      break;
    }
    out.push(...parseInline(text, cursor, open, tables, new Set()));
    const mono: FormatNode[] = [];
    emitPlain(mono, text, open + 3, close, tables);
    out.push({ type: 'mono', children: mono });
    cursor = close + 3;
  }
  return mergeText(out);
}

/** Parses a plain string (no variables). */
export function formatText(text: string): FormatNode[] {
  return formatSegments([{ text }]);
}

function mergeText(nodes: FormatNode[]): FormatNode[] {
  const out: FormatNode[] = [];
  for (const n of nodes) {
    if (n.type === 'text') pushText(out, n.text);
    else out.push(n);
  }
  return out;
}

/** The subset of the DOM `Document` the renderer uses. */
export interface DomFactory<E extends DomElement = DomElement> {
  createElement(tag: string): E;
  createTextNode(text: string): unknown;
}
export interface DomElement {
  appendChild(child: never): unknown;
  className: string;
  title: string;
}

const TAGS: Record<Style, string> = { bold: 'strong', italic: 'em', strike: 's', mono: 'code' };

/**
 * Appends the nodes to `parent`. Text is only ever set through text nodes, so template text cannot
 * become markup. Line breaks become `<br>`.
 */
export function renderNodes<E extends DomElement>(doc: DomFactory<E>, parent: E, nodes: readonly FormatNode[]): void {
  const append = (p: E, child: unknown) => (p.appendChild as (c: unknown) => unknown)(child);
  const appendText = (p: E, text: string) => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) append(p, doc.createElement('br'));
      if (line) append(p, doc.createTextNode(line));
    });
  };
  for (const n of nodes) {
    if (n.type === 'text') appendText(parent, n.text);
    else if (n.type === 'variable') {
      const span = doc.createElement('span');
      span.className = n.missing ? 'var missing' : 'var';
      span.title = n.missing ? `${n.variable} has no example value` : `Example value for ${n.variable}`;
      appendText(span, n.text);
      append(parent, span);
    } else {
      const el = doc.createElement(TAGS[n.type]);
      renderNodes(doc, el, n.children);
      append(parent, el);
    }
  }
}

/** The plain text a reader sees (markers removed), for tests and accessibility labels. */
export function plainText(nodes: readonly FormatNode[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'variable' ? n.text : plainText(n.children))).join('');
}
