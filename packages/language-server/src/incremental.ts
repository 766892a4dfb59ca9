/**
 * Incremental parsing for JSON template lists. Parsing a 500-template file from scratch costs tens
 * of milliseconds; an edit inside one template only needs that template parsed again and the
 * templates after it moved by the length difference. Anything less clear-cut (an edit between
 * templates, a syntax error anywhere, YAML) falls back to a full parse, so the result is always
 * what a full parse would give.
 */
import { parseDocument, type ArrayNode, type ParsedDocument, type Range, type SourceNode } from '@greenlight/core';

const moved = (r: Range, d: number): Range => ({ start: r.start + d, end: r.end + d });

/**
 * Moves a node and everything under it by `d` source units. Range objects are replaced, never
 * changed: lint messages and fixes cached for unchanged templates share them with the nodes.
 */
function shift(node: SourceNode, d: number): void {
  node.range = moved(node.range, d);
  switch (node.kind) {
    case 'string':
      node.contentStart += d;
      // Source offsets sit at the odd places of the pairs.
      if (node.breaks) node.breaks = node.breaks.map((o, k) => (k % 2 ? o + d : o));
      return;
    case 'object':
      for (const p of node.properties) {
        p.range = moved(p.range, d);
        shift(p.key, d);
        shift(p.value, d);
      }
      return;
    case 'array':
      for (const item of node.items) shift(item, d);
      return;
    default:
      return;
  }
}

/** The template list of a document: a top-level array or the `data` array of a Graph API page. */
function container(root: SourceNode | undefined): { list: ArrayNode; parents: SourceNode[] } | undefined {
  if (root?.kind === 'array') return { list: root, parents: [] };
  if (root?.kind === 'object') {
    const prop = root.properties.find((p) => p.key.value === 'data');
    if (prop?.value.kind === 'array') return { list: prop.value, parents: [root] };
  }
  return undefined;
}

export interface IncrementalStats {
  full: number;
  incremental: number;
}

/**
 * Parses `text`, reusing `previous` (the parse of the document's previous text) when the change
 * lies inside one item of a JSON template list. `previous` is consumed: its nodes move in place.
 */
export function parseIncremental(text: string, format: 'json' | 'yaml', previous: ParsedDocument | undefined, stats?: IncrementalStats): ParsedDocument {
  const full = () => {
    if (stats) stats.full++;
    return parseDocument(text, format);
  };
  if (!previous || format !== 'json' || previous.format !== 'json' || previous.problems.length > 0) return full();
  const old = previous.text;
  if (old === text) return previous;
  const c = container(previous.root);
  if (!c || c.list.items.length < 2) return full();

  // The changed region: old[start, oldEnd) became text[start, newEnd).
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const d = newEnd - oldEnd;

  // The item that strictly contains the change (not its opening or closing brace).
  const items = c.list.items;
  let lo = 0;
  let hi = items.length - 1;
  let index = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid]!.range;
    if (start <= r.start) hi = mid - 1;
    else if (start >= r.end) lo = mid + 1;
    else {
      index = mid;
      break;
    }
  }
  const item = items[index];
  if (!item || item.kind !== 'object' || oldEnd >= item.range.end) return full();

  const sliceStart = item.range.start;
  const sliceEnd = item.range.end + d;
  const slice = text.slice(sliceStart, sliceEnd);
  const part = parseDocument(slice, 'json');
  if (part.problems.length > 0 || part.root?.kind !== 'object') return full();

  shift(part.root, sliceStart);
  items[index] = part.root;
  if (d !== 0) {
    for (let i = index + 1; i < items.length; i++) shift(items[i]!, d);
    const grow = (r: Range): Range => ({ start: r.start, end: r.end + d });
    c.list.range = grow(c.list.range);
    for (const p of c.parents) {
      p.range = grow(p.range);
      if (p.kind === 'object') {
        // The `data` property grows; properties after it move.
        let after = false;
        for (const q of p.properties) {
          if (after) {
            q.range = moved(q.range, d);
            shift(q.key, d);
            shift(q.value, d);
          }
          if (q.value === c.list) {
            q.range = grow(q.range);
            after = true;
          }
        }
      }
    }
  }
  if (stats) stats.incremental++;
  return { format: 'json', text, root: previous.root, problems: [] };
}
