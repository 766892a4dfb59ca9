/**
 * Term lists to regular expressions. Terms are data (shared-rules/terms/<lang>.json and the team's
 * config), never user regexes: we compile them ourselves, so every expression stays linear.
 *
 * Term syntax:
 * - words separated by spaces; a space matches any short run of whitespace;
 * - `*` at the end of a word matches an inflected ending (`desconto*` → descontos, desconto);
 *   at the start it matches a short prefix (`*خصم` → الخصم, وخصم);
 * - a lone `#` matches a number (`# % off` → "20 % off"; `#% off` → "20% off");
 * - everything else is literal and case-insensitive.
 * Matches respect Unicode word boundaries: "off" never matches inside "office".
 */

export interface TermMatch {
  start: number;
  end: number;
  /** The term (as written in the list) that matched. */
  term: string;
  text: string;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;
const NUMBER = '\\d{1,9}(?:[.,]\\d{1,3})?';
const ENDING = '[\\p{L}\\p{M}]{0,12}';
const PREFIX = '[\\p{L}\\p{M}]{0,4}';
const SPACE = '[\\s\\u00A0\\u200B-\\u200D]{1,3}';

// Only syntax characters may be escaped in a `u`-flag regex (`\-` is a syntax error there).
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why a term cannot be used, or undefined when it is fine. */
export function validateTerm(term: string): string | undefined {
  const t = term.trim();
  if (!t) return 'is empty';
  if (t.length > 200) return 'is longer than 200 characters';
  if (t.split(/\s+/).length > 12) return 'has more than 12 words';
  if (/\*{2,}/.test(t)) return 'has "**"; use a single * at the start or end of a word';
  for (const w of t.split(/\s+/)) {
    if (w.slice(1, -1).includes('*')) return `has "*" inside the word "${w}"; use it only at the start or end`;
  }
  return undefined;
}

function wordSource(word: string): string {
  if (word === '#') return NUMBER;
  let w = word;
  let pre = '';
  let post = '';
  if (w.length > 1 && w.startsWith('*')) {
    pre = PREFIX;
    w = w.slice(1);
  }
  if (w.length > 1 && w.endsWith('*')) {
    post = ENDING;
    w = w.slice(0, -1);
  }
  // `#` glued to other characters ("#%", "#x") is a number followed by them.
  const body = w
    .split('#')
    .map((part) => escape(part))
    .join(NUMBER);
  return pre + body + post;
}

/** The regex source for one term, without boundaries. */
export function termSource(term: string): string {
  return term.trim().split(/\s+/).map(wordSource).join(SPACE);
}

export class TermMatcher {
  private readonly regex: RegExp | undefined;
  private readonly terms: string[];

  constructor(terms: readonly string[]) {
    // Longer terms first, so "free shipping" wins over "free" at the same position.
    this.terms = [...new Set(terms.map((t) => t.trim()).filter((t) => t && !validateTerm(t)))].sort((a, b) => b.length - a.length);
    if (this.terms.length === 0) return;
    const alternatives = this.terms.map((t) => `(${termSource(t)})`).join('|');
    // Boundaries are checked only where the term itself starts/ends with a word character.
    this.regex = new RegExp(`${BEFORE}(?:${alternatives})${AFTER}`, 'giu');
  }

  get size(): number {
    return this.terms.length;
  }

  find(text: string): TermMatch[] {
    const re = this.regex;
    if (!re) return [];
    const out: TermMatch[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let which = 0;
      for (let i = 1; i < m.length; i++) {
        if (m[i] !== undefined) {
          which = i - 1;
          break;
        }
      }
      out.push({ start: m.index, end: m.index + m[0].length, term: this.terms[which]!, text: m[0] });
    }
    return out;
  }

  test(text: string): boolean {
    if (!this.regex) return false;
    this.regex.lastIndex = 0;
    const r = this.regex.test(text);
    this.regex.lastIndex = 0;
    return r;
  }
}

const matcherCache = new Map<string, TermMatcher>();

/** A matcher for a term list, compiled once per distinct list (config lists are compiled on first use). */
export function termMatcher(terms: readonly string[]): TermMatcher {
  const key = terms.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    if (matcherCache.size > 500) matcherCache.clear();
    m = new TermMatcher(terms);
    matcherCache.set(key, m);
  }
  return m;
}
