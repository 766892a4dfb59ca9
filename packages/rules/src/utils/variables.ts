/**
 * Variable helpers shared by the variable rules. They all sit on `findPlaceholders` (core), the one
 * scanner for `{{…}}` tokens, and add what several rules need: which tokens are meant as
 * variables, the certain repair of a malformed one, distinct counts, edges and example values.
 */
import { countWords, findPlaceholders, NAMED_MAX_LENGTH, type Component, type Placeholder, type StringNode, type Template } from '@greenlight/core';

const VAR_LIKE_INNER = /^[A-Za-z0-9_]{1,64}$/;

/**
 * Tokens meant as variables. A pair of single braces around something that cannot be a variable
 * name (`{see below}`, `{"a":1}`) is ordinary text and is left alone; anything with a double brace
 * is an attempt at a variable.
 */
export function variableTokens(text: string): Placeholder[] {
  return findPlaceholders(text).filter((p) => p.problem !== 'single-braces' || VAR_LIKE_INNER.test(p.inner));
}

/** Named-looking tokens, including names the editor refuses for their case or length. */
export const isNamedLike = (p: Placeholder) => p.kind === 'named' || p.problem === 'uppercase' || p.problem === 'too-long';

/** The positional number a token stands for when it is certain (`{{ 03 }}` is 3), else undefined. */
export function positionalIndex(p: Placeholder): number | undefined {
  if (p.kind === 'positional') return p.index;
  if (/^\d+$/.test(p.inner)) {
    const n = Number(p.inner);
    return n > 0 && Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/** Identity of a variable for distinct counts: `1` for `{{1}}`, `name` for `{{name}}`. */
export function variableKey(p: Placeholder): string {
  const n = positionalIndex(p);
  if (n !== undefined) return `#${n}`;
  return p.inner.toLowerCase();
}

export function distinctCount(tokens: readonly Placeholder[]): number {
  return new Set(tokens.map(variableKey)).size;
}

export interface Repair {
  text: string;
  /** True when the repair is certainly what the author meant (offered as a fix, not a suggestion). */
  certain: boolean;
}

/**
 * How to write a malformed token correctly. Numbers are unambiguous: `{1}`, `{{1}`, `{{ 1 }}` and
 * `{{01}}` all mean `{{1}}`. A name in single braces may be literal text, so that repair is only
 * suggested; stripping special characters (`{{#1}}`) is a guess and only suggested too.
 */
export function repairToken(p: Placeholder): Repair | undefined {
  if (p.kind !== 'malformed') return undefined;
  const n = positionalIndex(p);
  switch (p.problem) {
    case 'single-braces':
    case 'unbalanced-braces':
    case 'inner-space':
    case 'leading-zero': {
      if (n !== undefined) return { text: `{{${n}}}`, certain: true };
      if (/^[a-z_][a-z0-9_]*$/.test(p.inner) && p.inner.length <= NAMED_MAX_LENGTH) {
        return { text: `{{${p.inner}}}`, certain: p.problem !== 'single-braces' };
      }
      return undefined;
    }
    case 'special-characters': {
      const stripped = p.inner.replace(/[^A-Za-z0-9_]/g, '');
      if (/^[1-9]\d*$/.test(stripped)) return { text: `{{${stripped}}}`, certain: false };
      const name = toVariableName(p.inner);
      return name ? { text: `{{${name}}}`, certain: false } : undefined;
    }
    default:
      return undefined;
  }
}

/** `First Name`, `firstName`, `first-name` → `first_name`; empty when nothing usable is left. */
export function toVariableName(s: string): string {
  const name = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, NAMED_MAX_LENGTH);
  return /^[a-z_]/.test(name) ? name : '';
}

// Whitespace, punctuation and the formatting markers (`*`, `_`, `~`) don't count as text at an
// edge. Braces are punctuation to Unicode but belong to the variable itself.
const EDGE = /[\s\p{P}~*]/u;
const isEdge = (c: string) => c !== '{' && c !== '}' && EDGE.test(c);

/** Value offsets of a text without its leading and trailing whitespace and punctuation. */
export function trimEdges(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isEdge(text[start]!)) start++;
  while (end > start && isEdge(text[end - 1]!)) end--;
  return { start, end };
}

/** Does this separator hold any text (a letter or digit), as opposed to only spaces and punctuation? */
export const hasText = (s: string) => /[\p{L}\p{N}]/u.test(s);

/** Words outside variables, counted the way Meta's editor approximates words. */
export function staticWordCount(text: string): number {
  return countWords(text, variableTokens(text));
}

/** Where variables may appear in a template, by field. */
export type VariableFieldKind = 'header' | 'body' | 'footer' | 'card-header' | 'card-body';

export interface VariableField {
  kind: VariableFieldKind;
  node: StringNode;
  component: Component;
  /** Carousel card number (0-based) for card fields. */
  card?: number;
}

/** The text fields that take variables with examples: header, body, footer and carousel card texts. */
export function variableFields(t: Template): VariableField[] {
  const out: VariableField[] = [];
  for (const c of t.components) {
    if (c.type === 'HEADER' && c.text && (c.format === undefined || c.format === 'TEXT')) out.push({ kind: 'header', node: c.text, component: c });
    if (c.type === 'BODY' && c.text) out.push({ kind: 'body', node: c.text, component: c });
    if (c.type === 'FOOTER' && c.text) out.push({ kind: 'footer', node: c.text, component: c });
    c.cards.forEach((card, i) => {
      for (const cc of card) {
        if (cc.type === 'HEADER' && cc.text && (cc.format === undefined || cc.format === 'TEXT')) out.push({ kind: 'card-header', node: cc.text, component: cc, card: i });
        if (cc.type === 'BODY' && cc.text) out.push({ kind: 'card-body', node: cc.text, component: cc, card: i });
      }
    });
  }
  return out;
}

/** Human name of a field for messages. */
export function fieldLabel(f: { kind: VariableFieldKind; card?: number }): string {
  switch (f.kind) {
    case 'card-header':
      return `card ${(f.card ?? 0) + 1} header`;
    case 'card-body':
      return `card ${(f.card ?? 0) + 1} body`;
    default:
      return f.kind;
  }
}

// Sample values that say nothing about the message: reviewers reject them.
const PLACEHOLDER_VALUES = new Set([
  'x', 'xx', 'xxx', 'xxxx', 'test', 'testing', 'sample', 'example', 'value', 'text', 'string', 'placeholder',
  'variable', 'var', 'param', 'parameter', 'foo', 'bar', 'baz', 'asdf', 'qwerty', 'abc', 'lorem ipsum', 'lorem',
  'tbd', 'todo', 'n/a', 'na', 'null', 'undefined', 'none', '...', '…', '-', '?', 'name', 'xyz',
]);

export type ExampleValueProblem = 'empty' | 'placeholder' | 'whitespace';

/**
 * What is wrong with one example value, if anything. `\n`, `\t` and runs of more than four spaces
 * are refused in parameter values at send time (error 132018), so an example containing them
 * shows a message that can never be sent.
 */
export function exampleValueProblem(value: string): ExampleValueProblem | undefined {
  const v = value.trim();
  if (v === '') return 'empty';
  if (/[\n\t]| {5}/.test(value)) return 'whitespace';
  const lower = v.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return 'placeholder';
  if (/^(x+|([a-z])\2{3,}|\{\{?[^{}]{0,64}\}?\}|\[[^\]]{0,64}\]|<[^>]{0,64}>|(var|param|value|sample|example|test)[ _-]?\d{1,3})$/i.test(v)) return 'placeholder';
  return undefined;
}
