import { isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, type Node as YamlNode } from 'yaml';
import { breaksOf, detachString, type PropertyNode, type SourceNode, type StringNode, type StringStyle } from '../source.js';
import type { ParsedDocument, SyntaxProblem } from './types.js';

const STYLE: Record<string, StringStyle> = {
  PLAIN: 'yaml-plain',
  QUOTE_SINGLE: 'yaml-single',
  QUOTE_DOUBLE: 'yaml-double',
  BLOCK_LITERAL: 'yaml-block-literal',
  BLOCK_FOLDED: 'yaml-block-folded',
};

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

const YAML_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Aligns a decoded YAML scalar with its source text. YAML folds lines, strips indentation and
 * decodes escapes, so there is no closed formula; a greedy walk that matches equal characters and
 * lets any whitespace stand for folded whitespace is exact for every scalar style in practice.
 */
function alignScalar(text: string, start: number, end: number, value: string, style: StringStyle): Int32Array | null {
  let p = start;
  if (style === 'yaml-single' || style === 'yaml-double') p++;
  if (style === 'yaml-block-literal' || style === 'yaml-block-folded') {
    // Skip the header line (`|`, `>-`, `|2` and an optional comment).
    while (p < end && text[p] !== '\n') p++;
    p++;
  }
  if (style === 'yaml-plain' && text.slice(start, start + value.length) === value) return null;
  const offsets = new Int32Array(value.length + 1);
  for (let i = 0; i < value.length; i++) {
    const v = value[i]!;
    while (p < end) {
      const c = text[p]!;
      if (style === 'yaml-double' && c === '\\') {
        const n = text[p + 1] ?? '';
        if (n === '\n' || n === '\r') {
          // An escaped line break joins lines without adding anything to the value.
          p += 2;
          while (p < end && isSpace(text[p])) p++;
          continue;
        }
        offsets[i] = p;
        p += 2 + (YAML_ESCAPES[n] ?? 0);
        // `\U0001F600` decodes to a surrogate pair: both halves map to the one escape.
        const code = v.charCodeAt(0);
        if (n === 'U' && code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
          i++;
          offsets[i] = offsets[i - 1]!;
        }
        break;
      }
      if (style === 'yaml-single' && c === "'" && text[p + 1] === "'" && v === "'") {
        offsets[i] = p;
        p += 2;
        break;
      }
      if (c === v || (isSpace(v) && isSpace(c))) {
        offsets[i] = p;
        p++;
        break;
      }
      p++;
    }
    if (p >= end && offsets[i] === 0 && i > 0) offsets[i] = end;
  }
  // Characters introduced by folding (a `\n` for a blank line) may have pointed past the end.
  let contentEnd = Math.min(p, end);
  if (style === 'yaml-single' || style === 'yaml-double') contentEnd = Math.max(start, end - 1);
  offsets[value.length] = Math.max(contentEnd, value.length ? offsets[value.length - 1]! + 1 : start);
  return offsets;
}

function scalarToNode(text: string, node: Scalar): SourceNode {
  const [start, valueEnd] = node.range ?? [0, 0];
  const range = { start, end: valueEnd };
  const v = node.value;
  if (typeof v === 'number') return { kind: 'number', value: v, range };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v, range };
  if (v === null || v === undefined) return { kind: 'null', value: null, range };
  const value = detachString(typeof v === 'string' ? v : String(v));
  const style = STYLE[node.type ?? 'PLAIN'] ?? 'yaml-plain';
  const contentStart = style === 'yaml-plain' ? start : start + 1;
  const offsets = alignScalar(text, start, valueEnd, value, style);
  const str: StringNode = { kind: 'string', value, style, breaks: offsets && breaksOf(offsets, contentStart), contentStart, range };
  return str;
}

function keyToString(text: string, key: unknown): StringNode | undefined {
  if (!isScalar(key)) return undefined;
  const n = scalarToNode(text, key);
  if (n.kind === 'string') return n;
  // Numeric or boolean keys: keep them addressable by their text.
  return { kind: 'string', value: 'value' in n ? String(n.value) : '', style: 'yaml-plain', breaks: null, contentStart: n.range.start, range: n.range };
}

/**
 * A block collection's range from the yaml library runs on over the line break and indentation that
 * follow it; end it where its last entry ends, so fixes that append land on the right line.
 */
function blockRange(range: { start: number; end: number }, flow: boolean | undefined, lastEnd: number | undefined) {
  return flow || lastEnd === undefined ? range : { start: range.start, end: Math.max(range.start, lastEnd) };
}

function convert(text: string, node: YamlNode | null | undefined): SourceNode | undefined {
  if (!node) return undefined;
  if (isScalar(node)) return scalarToNode(text, node);
  const [start, valueEnd] = node.range ?? [0, 0];
  const range = { start, end: valueEnd };
  if (isMap(node)) {
    const properties: PropertyNode[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyToString(text, pair.key);
      if (!key) continue;
      const value = convert(text, pair.value as YamlNode | null) ?? { kind: 'null' as const, value: null, range: { start: key.range.end, end: key.range.end } };
      properties.push({ key, value, range: { start: key.range.start, end: Math.max(value.range.end, key.range.end) } });
    }
    return { kind: 'object', properties, range: blockRange(range, node.flow, properties[properties.length - 1]?.range.end), flow: Boolean(node.flow) };
  }
  if (isSeq(node)) {
    const items: SourceNode[] = [];
    for (const item of node.items) {
      const c = convert(text, item as YamlNode);
      if (c) items.push(c);
    }
    return { kind: 'array', items, range: blockRange(range, node.flow, items[items.length - 1]?.range.end), flow: Boolean(node.flow) };
  }
  return undefined;
}

/** Parses YAML (one document, or several separated by `---`, read as a list of templates). */
export function parseYaml(text: string): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  let root: SourceNode | undefined;
  try {
    const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
    const list = Array.isArray(docs) ? docs : [];
    for (const doc of list) {
      for (const e of doc.errors) {
        // The yaml library places end-of-input errors one past the end; keep ranges inside the text.
        const s = Math.min(e.pos[0], text.length);
        const t = Math.min(Math.max(e.pos[1], s + 1), text.length);
        problems.push({ message: cleanYamlMessage(e.message), range: { start: s, end: t } });
      }
    }
    const roots = list.map((d) => convert(text, d.contents as YamlNode | null)).filter((r): r is SourceNode => r !== undefined);
    if (roots.length === 1) root = roots[0];
    else if (roots.length > 1) root = { kind: 'array', items: roots, range: { start: 0, end: text.length }, flow: false };
  } catch (e) {
    problems.push({ message: `YAML could not be read: ${(e as Error).message}`, range: { start: 0, end: Math.min(1, text.length) } });
  }
  return { format: 'yaml', text, root, problems };
}

function cleanYamlMessage(m: string): string {
  const first = m.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return first.endsWith('.') ? first : `${first}.`;
}
