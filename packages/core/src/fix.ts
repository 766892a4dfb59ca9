/**
 * Fixes are plain data: replace `range` of the document with `text`. The fixer builds them in the
 * document's own syntax (JSON escapes, YAML quoting and indentation), so a fix never breaks the file.
 * A helper returns null when it cannot express the change safely; the rule then offers no fix.
 */
import type { DocumentFormat } from './parsers/types.js';
import { sourceOffset, type ArrayNode, type ObjectNode, type Range, type SourceNode, type StringNode } from './source.js';

export interface Fix {
  range: Range;
  text: string;
}

export interface Fixer {
  /** Replace `value.slice(start, end)` of a string with `replacement` (a decoded value). */
  replaceInString(node: StringNode, start: number, end: number, replacement: string): Fix | null;
  /** Replace a whole value with a new plain value. */
  replaceValue(node: SourceNode, value: unknown): Fix | null;
  /** Append an item to an array. */
  appendItem(array: ArrayNode, value: unknown): Fix | null;
  /** Insert an item before `array.items[index]` (appends when `index` is past the end). */
  insertItem(array: ArrayNode, index: number, value: unknown): Fix | null;
  /** Add a property at the end of an object. */
  addProperty(object: ObjectNode, key: string, value: unknown): Fix | null;
  /** Remove one item of an array, with its separator. */
  removeItem(array: ArrayNode, index: number): Fix | null;
}

function encodeForStyle(node: StringNode, s: string): string | null {
  switch (node.style) {
    case 'json':
    case 'yaml-double':
      return JSON.stringify(s).slice(1, -1);
    case 'yaml-single':
      return s.includes('\n') ? null : s.replace(/'/g, "''");
    case 'yaml-plain':
      // Plain scalars cannot carry these safely; the caller falls back to replacing the scalar.
      return /[\n:#'"{}[\],&*!|>%@`]/.test(s) || /^\s|\s$/.test(s) ? null : s;
    case 'yaml-block-literal':
    case 'yaml-block-folded':
      return s.includes('\n') ? null : s;
    case 'raw':
      return s;
  }
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return i;
}

function indentAt(text: string, offset: number): string {
  const ls = lineStart(text, offset);
  const m = /^[ \t]*/.exec(text.slice(ls, offset));
  return m ? m[0] : '';
}

/** The indentation unit the file uses, guessed from its first indented line. */
function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '  ';
  return m[1]!.startsWith('\t') ? '\t' : ' '.repeat(Math.min(m[1]!.length, 4));
}

function jsonBlock(value: unknown, baseIndent: string, unit: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${baseIndent}`);
}

/** YAML accepts JSON as flow style; keep inserted YAML on one line per item for readability. */
function yamlInline(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/\{ /g, '{ ').replace(/ \}/g, ' }');
}

export function createFixer(text: string, format: DocumentFormat): Fixer {
  const unit = indentUnit(text);
  const isYaml = format === 'yaml';
  const serialize = (value: unknown, at: number): string => {
    if (isYaml) return yamlInline(value);
    return jsonBlock(value, indentAt(text, at), unit);
  };

  const fixer: Fixer = {
    replaceInString(node, start, end, replacement) {
      const from = sourceOffset(node, start);
      const to = sourceOffset(node, end);
      const block = node.style === 'yaml-block-literal' || node.style === 'yaml-block-folded';
      // In a block scalar a source line break is also YAML structure (indentation, the line that
      // ends the scalar); a slice that spans one cannot be edited in place.
      const encoded = block && text.slice(from, to).includes('\n') ? null : encodeForStyle(node, replacement);
      if (encoded === null) {
        if (format === 'fields') return null;
        const value = node.value.slice(0, start) + replacement + node.value.slice(end);
        // A block scalar's range runs on over its final line break; keep that break.
        let rangeEnd = node.range.end;
        if (block) while (rangeEnd > node.range.start && /\s/.test(text[rangeEnd - 1]!)) rangeEnd--;
        return { range: { start: node.range.start, end: rangeEnd }, text: JSON.stringify(value) };
      }
      return { range: { start: from, end: to }, text: encoded };
    },
    replaceValue(node, value) {
      if (format === 'fields') {
        if (node.kind === 'string' && typeof value === 'string') return { range: node.range, text: value };
        return null;
      }
      return { range: node.range, text: serialize(value, node.range.start) };
    },
    appendItem(array, value) {
      if (format === 'fields') return null;
      const last = array.items[array.items.length - 1];
      if (isYaml && !array.flow) {
        if (!last) return null;
        const indent = indentAt(text, last.range.start);
        const dash = text.lastIndexOf('-', last.range.start);
        const itemIndent = dash >= 0 ? indentAt(text, dash) : indent.slice(2);
        return { range: { start: last.range.end, end: last.range.end }, text: `\n${itemIndent}- ${yamlInline(value)}` };
      }
      if (last) {
        const indent = indentAt(text, last.range.start);
        const sameLine = text.slice(array.range.start, last.range.start).indexOf('\n') < 0;
        if (sameLine || isYaml) return { range: { start: last.range.end, end: last.range.end }, text: `, ${isYaml ? yamlInline(value) : JSON.stringify(value)}` };
        return { range: { start: last.range.end, end: last.range.end }, text: `,\n${indent}${jsonBlock(value, indent, unit)}` };
      }
      const open = array.range.start + 1;
      const indent = indentAt(text, array.range.start) + unit;
      return { range: { start: open, end: array.range.end - 1 }, text: isYaml ? yamlInline(value) : `\n${indent}${jsonBlock(value, indent, unit)}\n${indentAt(text, array.range.start)}` };
    },
    insertItem(array, index, value) {
      if (format === 'fields') return null;
      const item = array.items[Math.max(0, index)];
      if (!item) return fixer.appendItem(array, value);
      const at = { start: item.range.start, end: item.range.start };
      if (isYaml && !array.flow) {
        // Block sequence: a new "- item" line before this item's dash, at the same indentation.
        const dash = text.lastIndexOf('-', item.range.start);
        if (dash < 0) return null;
        return { range: { start: dash, end: dash }, text: `- ${yamlInline(value)}\n${indentAt(text, dash)}` };
      }
      const sameLine = text.slice(array.range.start, item.range.start).indexOf('\n') < 0;
      if (sameLine || isYaml) return { range: at, text: `${isYaml ? yamlInline(value) : JSON.stringify(value)}, ` };
      const indent = indentAt(text, item.range.start);
      return { range: at, text: `${jsonBlock(value, indent, unit)},\n${indent}` };
    },
    addProperty(object, key, value) {
      if (format === 'fields') return null;
      const last = object.properties[object.properties.length - 1];
      if (isYaml && !object.flow) {
        if (!last) return null;
        const indent = indentAt(text, last.key.range.start);
        return { range: { start: last.value.range.end, end: last.value.range.end }, text: `\n${indent}${key}: ${yamlInline(value)}` };
      }
      const k = JSON.stringify(key);
      if (last) {
        const indent = indentAt(text, last.key.range.start);
        const sameLine = text.slice(object.range.start, last.key.range.start).indexOf('\n') < 0;
        const v = sameLine || isYaml ? (isYaml ? yamlInline(value) : JSON.stringify(value)) : jsonBlock(value, indent, unit);
        return { range: { start: last.value.range.end, end: last.value.range.end }, text: sameLine || isYaml ? `, ${k}: ${v}` : `,\n${indent}${k}: ${v}` };
      }
      return { range: { start: object.range.start + 1, end: object.range.end - 1 }, text: ` ${k}: ${isYaml ? yamlInline(value) : JSON.stringify(value)} ` };
    },
    removeItem(array, index) {
      if (format === 'fields') return null;
      const item = array.items[index];
      if (!item) return null;
      if (isYaml && !array.flow) {
        const dash = text.lastIndexOf('-', item.range.start);
        const start = lineStart(text, dash);
        let end = item.range.end;
        while (end < text.length && text[end] !== '\n') end++;
        return { range: { start, end: Math.min(text.length, end + 1) }, text: '' };
      }
      const prev = array.items[index - 1];
      const next = array.items[index + 1];
      if (next) return { range: { start: item.range.start, end: next.range.start }, text: '' };
      if (prev) return { range: { start: prev.range.end, end: item.range.end }, text: '' };
      return { range: { start: array.range.start + 1, end: array.range.end - 1 }, text: '' };
    },
  };
  return fixer;
}

/**
 * Applies non-overlapping fixes in one pass. Overlapping ones are skipped and reported back, so the
 * caller can re-lint and apply them in a later pass (as ESLint does).
 */
export function applyFixes(text: string, fixes: Fix[]): { output: string; applied: number; skipped: number } {
  const sorted = [...fixes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  let lastEnd = -1;
  let lastStart = -1;
  for (const f of sorted) {
    // Two edits at one point (say, properties added to nested YAML mappings that end together)
    // would interleave; apply the first and leave the other for the next pass, after a re-lint.
    if (f.range.start < lastEnd || f.range.start < cursor || (applied > 0 && f.range.start === lastEnd && f.range.start === lastStart)) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, f.range.start) + f.text;
    cursor = f.range.end;
    lastStart = f.range.start;
    lastEnd = f.range.end;
    applied++;
  }
  out += text.slice(cursor);
  return { output: out, applied, skipped };
}
