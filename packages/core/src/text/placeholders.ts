/**
 * Finds template variables (`{{1}}`, `{{first_name}}`) and near-misses (`{1}`, `{{ 1 }}`, `{{1}`)
 * in a text. One scanner, used by every variable rule, the language server and the browser.
 */
import { Recent } from './recent.js';

export type PlaceholderKind = 'positional' | 'named' | 'malformed';

export interface Placeholder {
  kind: PlaceholderKind;
  /** Offsets in the text, covering the braces. */
  start: number;
  end: number;
  raw: string;
  /** The inside of the braces, trimmed. */
  inner: string;
  /** For positional variables, the number. */
  index?: number;
  /** Why a malformed token is malformed. */
  problem?: 'single-braces' | 'unbalanced-braces' | 'inner-space' | 'leading-zero' | 'special-characters' | 'uppercase' | 'empty' | 'too-long';
}

export const NAMED_MAX_LENGTH = 32;

// `[^{}\n]{0,64}` bounds the inside so the scan stays linear even on long runs of braces.
const TOKEN = /\{\{?[^{}\n]{0,64}\}?\}/g;

// Object literals with a fixed key order (no spreads): the same objects as before, built cheaply.
function classify(raw: string, start: number): Placeholder {
  const end = start + raw.length;
  const open = raw.startsWith('{{') ? 2 : 1;
  const close = raw.endsWith('}}') ? 2 : 1;
  const body = raw.slice(open, raw.length - close);
  const inner = body.trim();
  if (open === 1 && close === 1) return { start, end, raw, inner, kind: 'malformed', problem: 'single-braces' };
  if (open !== close) return { start, end, raw, inner, kind: 'malformed', problem: 'unbalanced-braces' };
  if (inner === '') return { start, end, raw, inner, kind: 'malformed', problem: 'empty' };
  const digits = /^\d+$/.test(inner);
  if (body !== inner) return digits ? { start, end, raw, inner, kind: 'malformed', problem: 'inner-space', index: Number(inner) } : { start, end, raw, inner, kind: 'malformed', problem: 'inner-space' };
  if (digits) {
    if (inner.startsWith('0')) return { start, end, raw, inner, kind: 'malformed', problem: 'leading-zero', index: Number(inner) };
    return { start, end, raw, inner, kind: 'positional', index: Number(inner) };
  }
  if (/^[a-z_][a-z0-9_]*$/.test(inner)) {
    if (inner.length > NAMED_MAX_LENGTH) return { start, end, raw, inner, kind: 'malformed', problem: 'too-long' };
    return { start, end, raw, inner, kind: 'named' };
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) return { start, end, raw, inner, kind: 'malformed', problem: 'uppercase' };
  return { start, end, raw, inner, kind: 'malformed', problem: 'special-characters' };
}

/** The last few texts and their tokens: the variable rules of one template ask about the same field texts in turn. */
const recent = new Recent<string, Placeholder[]>();

/** All variables and variable-like tokens in a text, in order. Results are memoised per text: do not modify them. */
export function findPlaceholders(text: string): Placeholder[] {
  return recent.get(text, scanPlaceholders);
}

function scanPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  if (text.includes('{') || text.includes('}')) {
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(text))) {
      // Three braces: `{{{1}}}` is a malformed token; report the whole run.
      let start = m.index;
      let end = m.index + m[0].length;
      while (start > 0 && text[start - 1] === '{') start--;
      while (end < text.length && text[end] === '}') end++;
      const raw = text.slice(start, end);
      const p = raw.length !== m[0].length ? { ...classify(m[0], m.index), start, end, raw, kind: 'malformed' as const, problem: 'unbalanced-braces' as const } : classify(raw, start);
      out.push(p);
      TOKEN.lastIndex = end;
    }
  }
  return out;
}

