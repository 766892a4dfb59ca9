/**
 * A format-neutral tree of the parsed file. JSON and YAML parsers both produce it, so the template
 * model and every rule work the same on either format. All offsets are UTF-16 code units into the
 * original document text, which is what LSP positions and DOM string offsets use too.
 */

export interface Range {
  /** Inclusive start offset in the document. */
  start: number;
  /** Exclusive end offset in the document. */
  end: number;
}

/** How a string is written in the source; fixes use it to encode replacement text. */
export type StringStyle =
  | 'json'
  | 'yaml-plain'
  | 'yaml-single'
  | 'yaml-double'
  | 'yaml-block-literal'
  | 'yaml-block-folded'
  | 'raw';

interface NodeBase {
  range: Range;
}

export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
  style: StringStyle;
  /**
   * Where the value stops being a verbatim copy of the source (escapes, YAML folding, quotes):
   * pairs `[valueIndex, sourceOffset, ...]`, sorted by value index. A value index maps to the pair at
   * or before it, plus the distance from that pair; before the first pair, to `contentStart` plus
   * the index. Null when the whole value is copied verbatim from `contentStart` on. A long body with
   * a few `\n` escapes needs a few pairs, not one entry per character.
   */
  breaks: Int32Array | null;
  contentStart: number;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
  value: null;
}

export interface PropertyNode {
  key: StringNode;
  value: SourceNode;
  range: Range;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  properties: PropertyNode[];
  /** YAML block mappings and JSON objects lay out differently; fixes that insert need to know. */
  flow: boolean;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: SourceNode[];
  flow: boolean;
}

export type SourceNode = StringNode | NumberNode | BooleanNode | NullNode | ObjectNode | ArrayNode;

/** Source offset of a position inside a string's decoded value. */
export function sourceOffset(node: StringNode, index: number): number {
  const i = Math.max(0, Math.min(index, node.value.length));
  const b = node.breaks;
  if (!b || b.length === 0 || i < b[0]!) return node.contentStart + i;
  // The last pair at or before i: binary search over the pairs.
  let lo = 0;
  let hi = b.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b[2 * mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return b[2 * lo + 1]! + (i - b[2 * lo]!);
}

/**
 * The `breaks` of a string from the source offset of every value index (`value.length + 1` entries):
 * a pair wherever an offset is not the previous one plus one. Null when all of them are.
 */
export function breaksOf(offsets: Int32Array, contentStart: number): Int32Array | null {
  const pairs: number[] = [];
  let expected = contentStart;
  for (let i = 0; i < offsets.length; i++) {
    if (offsets[i] !== expected) pairs.push(i, offsets[i]!);
    expected = offsets[i]! + 1;
  }
  return pairs.length ? Int32Array.from(pairs) : null;
}

/** Source range of `value.slice(start, end)` of a string node. */
export function sourceRange(node: StringNode, start = 0, end = node.value.length): Range {
  const s = sourceOffset(node, start);
  // An empty slice maps to a zero-width range at its start.
  if (end <= start) return { start: s, end: s };
  // The end of a slice is where its last character's source text ends, which is the source offset
  // of the following character (escapes like `\n` span more than one source unit).
  return { start: s, end: sourceOffset(node, end) };
}

export function getProperty(node: SourceNode | undefined, key: string): PropertyNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (const p of node.properties) if (p.key.value === key) return p;
  return undefined;
}

export function get(node: SourceNode | undefined, key: string): SourceNode | undefined {
  return getProperty(node, key)?.value;
}

/** Case-insensitive lookup, for Meta's JSON that mixes `"type": "body"` and `"BODY"` styles. */
export function getString(node: SourceNode | undefined, key: string): StringNode | undefined {
  const v = get(node, key);
  return v && v.kind === 'string' ? v : undefined;
}

export function getArray(node: SourceNode | undefined, key: string): ArrayNode | undefined {
  const v = get(node, key);
  return v && v.kind === 'array' ? v : undefined;
}

export function getObject(node: SourceNode | undefined, key: string): ObjectNode | undefined {
  const v = get(node, key);
  return v && v.kind === 'object' ? v : undefined;
}

/** Converts a source node back to a plain JavaScript value. */
export function toPlain(node: SourceNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) out[p.key.value] = toPlain(p.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    default:
      return node.value;
  }
}

/** Maps offsets to 0-based line and UTF-16 column, with a cached index of line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line]! + character, this.text.length);
  }
}

/**
 * A copy of a string that does not keep its source alive. V8 represents `text.slice(a, b)` as a view
 * into `text`; a parsed value kept in a cache (placeholders, term matches, template results) would
 * then pin every old version of an edited document. Short strings are copied by V8 anyway.
 */
export const detachString = (s: string): string => (s.length > 12 ? (' ' + s).slice(1) : s);
