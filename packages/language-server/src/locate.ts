import {
  findPlaceholders,
  get,
  getArray,
  sourceRange,
  textFields,
  type Placeholder,
  type Range,
  type SourceNode,
  type StringNode,
  type Template,
  type TextField,
} from '@greenlight/core';

export interface PathStep {
  node: SourceNode;
  /** The key or index under which this node sits in its parent (undefined for the root). */
  key: string | number | undefined;
  /** For a property: its key node, so hovers over a key work too. */
  keyNode?: StringNode;
}

const contains = (r: Range, offset: number) => r.start <= offset && offset <= r.end;

/** The chain of nodes from the root down to the deepest one containing `offset` (ends inclusive). */
export function pathAt(root: SourceNode | undefined, offset: number): PathStep[] {
  const out: PathStep[] = [];
  if (!root || !contains(root.range, offset)) return out;
  out.push({ node: root, key: undefined });
  let node: SourceNode = root;
  for (;;) {
    let next: PathStep | undefined;
    if (node.kind === 'object') {
      for (const p of node.properties) {
        if (contains(p.key.range, offset) || contains(p.value.range, offset)) {
          next = { node: p.value, key: p.key.value, keyNode: p.key };
          break;
        }
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        if (!next && contains(item.range, offset)) next = { node: item, key: i };
      });
    }
    if (!next) return out;
    out.push(next);
    node = next.node;
  }
}

/** The template whose object contains `offset`. */
export function templateAt(templates: readonly Template[], offset: number): Template | undefined {
  // Templates are in document order; a binary search keeps this fast in lists of hundreds.
  let lo = 0;
  let hi = templates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = templates[mid]!;
    if (offset < t.node.range.start) hi = mid - 1;
    else if (offset > t.node.range.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

export interface VariableAt {
  field: TextField;
  placeholder: Placeholder;
  range: Range;
}

/** The variable token (`{{1}}`, `{{name}}`) under the cursor, if any. */
export function variableAt(t: Template, offset: number): VariableAt | undefined {
  for (const field of textFields(t)) {
    const node = field.node;
    if (!contains(node.range, offset)) continue;
    for (const p of findPlaceholders(node.value)) {
      if (p.kind === 'malformed') continue;
      const range = sourceRange(node, p.start, p.end);
      if (range.start <= offset && offset <= range.end) return { field, placeholder: p, range };
    }
  }
  return undefined;
}

/**
 * Every well-formed variable of a template with its document range, sorted, so the variables
 * under a finding are found by binary search (a body can hold thousands of tokens).
 */
export class VariableIndex {
  private readonly entries: VariableAt[] = [];
  constructor(t: Template) {
    for (const field of textFields(t)) {
      for (const p of findPlaceholders(field.node.value)) {
        if (p.kind !== 'malformed') this.entries.push({ field, placeholder: p, range: sourceRange(field.node, p.start, p.end) });
      }
    }
    this.entries.sort((a, b) => a.range.start - b.range.start);
  }

  /** Variables overlapping a range that lies inside one text field (findings about a text, not a template). */
  within(range: Range): VariableAt[] {
    const out: VariableAt[] = [];
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid]!.range.end <= range.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.entries.length; i++) {
      const v = this.entries[i]!;
      if (v.range.start >= range.end) break;
      const f = v.field.node.range;
      if (range.start >= f.start && range.end <= f.end) out.push(v);
    }
    return out;
  }
}

export interface ExampleValue {
  value: string;
  /** Where the example value is written. */
  node: SourceNode;
}

function asText(n: SourceNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'string') return n.value;
  if (n.kind === 'number' || n.kind === 'boolean') return String(n.value);
  return undefined;
}

/**
 * The example value Meta requires for a variable: `example.body_text[0][n-1]` /
 * `example.header_text[n-1]` for positional variables, `*_named_params[].example` for named ones,
 * and the sample URL of a URL button.
 */
export function exampleFor(v: VariableAt): ExampleValue | undefined {
  const { field, placeholder } = v;
  if (field.kind === 'button-url' || field.kind === 'button-phone' || field.kind === 'button-text') {
    const ex = field.button?.example;
    const node = ex?.kind === 'array' ? ex.items[0] : ex;
    const value = asText(node);
    return node && value !== undefined ? { value, node } : undefined;
  }
  const example = field.component.example;
  if (!example || example.kind !== 'object') return undefined;
  const isHeader = field.kind === 'header' || field.kind === 'card-header';
  if (placeholder.kind === 'named') {
    const list = getArray(example, isHeader ? 'header_text_named_params' : 'body_text_named_params');
    for (const item of list?.items ?? []) {
      const name = get(item, 'param_name');
      if (name?.kind === 'string' && name.value === placeholder.inner) {
        const node = get(item, 'example');
        const value = asText(node);
        return node && value !== undefined ? { value, node } : undefined;
      }
    }
    return undefined;
  }
  const n = (placeholder.index ?? 0) - 1;
  if (n < 0) return undefined;
  let list = get(example, isHeader ? 'header_text' : 'body_text');
  // body_text is a list of rows ([["a", "b"]]); header_text is flat (["a"]).
  if (list?.kind === 'array' && list.items[0]?.kind === 'array') list = list.items[0];
  if (list?.kind !== 'array') return undefined;
  const node = list.items[n];
  const value = asText(node);
  return node && value !== undefined ? { value, node } : undefined;
}
