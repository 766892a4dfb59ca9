import { parseTree, printParseErrorCode, type Node as JsoncNode, type ParseError } from 'jsonc-parser';
import { detachString, type ObjectNode, type PropertyNode, type SourceNode, type StringNode } from '../source.js';
import type { ParsedDocument, SyntaxProblem } from './types.js';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the body of a JSON string literal (between the quotes) and records where the value and
 * the source part ways: `\n` is two source units for one value unit, `\u00e9` six for one (see
 * `StringNode.breaks`). Verbatim runs between escapes are found with `indexOf` and copied as slices.
 */
export function decodeJsonString(text: string, contentStart: number, contentEnd: number): { value: string; breaks: Int32Array | null } {
  // Searched within the literal only: a search in the whole text could run on to the end of a long
  // file for every string (the error-tolerant path decodes every string of a broken file).
  const body = text.slice(contentStart, contentEnd);
  let i = body.indexOf('\\');
  if (i < 0) return { value: detachString(body), breaks: null };
  const parts: string[] = [];
  const breaks: number[] = [];
  // `run`: where the verbatim run being copied starts; `length`: value units before it.
  let run = 0;
  let length = 0;
  while (i >= 0) {
    const next = body[i + 1];
    let decoded: string | undefined;
    let width = 0;
    if (next === 'u') {
      const hex = body.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        decoded = String.fromCharCode(parseInt(hex, 16));
        width = 6;
      }
    } else if (next !== undefined && next in SIMPLE_ESCAPES) {
      decoded = SIMPLE_ESCAPES[next]!;
      width = 2;
    }
    if (decoded === undefined) {
      // An invalid escape: the parser reports it; the backslash stays in the value, verbatim.
      i = body.indexOf('\\', i + 1);
      continue;
    }
    if (run < i) parts.push(body.slice(run, i));
    length += i - run;
    parts.push(decoded);
    // The decoded unit maps to its escape; the unit after it to the source after the escape.
    breaks.push(length, contentStart + i);
    length++;
    i += width;
    run = i;
    breaks.push(length, contentStart + i);
    i = body.indexOf('\\', i);
  }
  if (run < body.length) parts.push(body.slice(run));
  // Only invalid escapes: the value is the source, verbatim.
  return { value: parts.join(''), breaks: breaks.length ? Int32Array.from(breaks) : null };
}

function convertString(text: string, n: JsoncNode): StringNode {
  const start = n.offset;
  const end = n.offset + n.length;
  const closed = n.length >= 2 && text.charCodeAt(end - 1) === 34;
  const contentStart = start + 1;
  const contentEnd = closed ? end - 1 : end;
  const { value, breaks } = decodeJsonString(text, contentStart, contentEnd);
  return { kind: 'string', value, style: 'json', breaks, contentStart, range: { start, end } };
}

function convert(text: string, n: JsoncNode): SourceNode | undefined {
  const range = { start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case 'string':
      return convertString(text, n);
    case 'number':
      return { kind: 'number', value: Number(n.value), range };
    case 'boolean':
      return { kind: 'boolean', value: Boolean(n.value), range };
    case 'null':
      return { kind: 'null', value: null, range };
    case 'array': {
      const items: SourceNode[] = [];
      for (const child of n.children ?? []) {
        const item = convert(text, child);
        if (item) items.push(item);
      }
      return { kind: 'array', items, range, flow: true };
    }
    case 'object': {
      const properties: PropertyNode[] = [];
      for (const prop of n.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || keyNode.type !== 'string') continue;
        const key = convertString(text, keyNode);
        // A property whose value could not be parsed still exists; model it as null so rules can
        // point at the key instead of reporting the property as missing.
        const value = (valueNode && convert(text, valueNode)) ?? {
          kind: 'null' as const,
          value: null,
          range: { start: key.range.end, end: key.range.end },
        };
        properties.push({ key, value, range: { start: prop.offset, end: prop.offset + prop.length } });
      }
      const obj: ObjectNode = { kind: 'object', properties, range, flow: true };
      return obj;
    }
    default:
      return undefined;
  }
}

/**
 * A strict JSON reader for the common case, a well-formed file: one pass over the text, building the
 * same nodes `convert` builds from jsonc-parser's tree (same shapes, ranges and decoded strings). It
 * gives up (returns undefined) at the first thing strict JSON does not allow, including whitespace
 * other than space, tab and line breaks; the caller then parses with jsonc-parser, whose recovery
 * and error reports stay the only ones users see.
 */
const CONTROL = /[\u0000-\u001f]/g;

class Bail {}
const BAIL = new Bail();

function fastParse(text: string): SourceNode {
  let pos = 0;
  const n = text.length;
  const ws = () => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
  };
  // The next backslash and raw control character at or after a position, found by native searches
  // and remembered: the parser only moves forward, so each is searched for once per occurrence
  // (searching again from every string would be quadratic on a long single-line file).
  let nextBackslash = -2;
  let nextControl = -2;
  const backslashFrom = (p: number): number => {
    if (nextBackslash !== -1 && nextBackslash < p) nextBackslash = text.indexOf('\\', p);
    return nextBackslash;
  };
  const controlFrom = (p: number): number => {
    if (nextControl !== -1 && nextControl < p) {
      CONTROL.lastIndex = p;
      nextControl = CONTROL.test(text) ? CONTROL.lastIndex - 1 : -1;
    }
    return nextControl;
  };
  const str = (): StringNode => {
    const start = pos;
    pos++;
    let escaped = false;
    // Short plain strings (keys, enum values, names) are read in place.
    const limit = Math.min(n, pos + 32);
    for (let p = pos; p < limit; p++) {
      const c = text.charCodeAt(p);
      if (c === 34) {
        pos = p + 1;
        return { kind: 'string', value: detachString(text.slice(start + 1, p)), style: 'json', breaks: null, contentStart: start + 1, range: { start, end: pos } };
      }
      if (c === 92 || c < 32) break;
    }
    // The closing quote is the first one not escaped: jump from escape to escape instead of
    // reading every character in a loop (bodies are long, escapes few).
    let quote = text.indexOf('"', pos);
    if (quote < 0) throw BAIL;
    let backslash = backslashFrom(pos);
    while (backslash >= 0 && backslash < quote) {
      escaped = true;
      const e = text.charCodeAt(backslash + 1);
      let after: number;
      if (e === 117) {
        for (let k = 2; k < 6; k++) {
          const h = text.charCodeAt(backslash + k);
          if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) throw BAIL;
        }
        after = backslash + 6;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) after = backslash + 2;
      else throw BAIL;
      // An escaped quote was not the end.
      if (quote < after) {
        quote = text.indexOf('"', after);
        if (quote < 0) throw BAIL;
      }
      backslash = backslashFrom(after);
    }
    // Raw control characters are not allowed inside a JSON string.
    const control = controlFrom(pos);
    if (control >= 0 && control < quote) throw BAIL;
    pos = quote + 1;
    const contentStart = start + 1;
    const contentEnd = pos - 1;
    const { value, breaks } = escaped ? decodeJsonString(text, contentStart, contentEnd) : { value: detachString(text.slice(contentStart, contentEnd)), breaks: null };
    return { kind: 'string', value, style: 'json', breaks, contentStart, range: { start, end: pos } };
  };
  const digits = (): void => {
    const from = pos;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c < 48 || c > 57) break;
      pos++;
    }
    if (pos === from) throw BAIL;
  };
  const value = (): SourceNode => {
    if (pos >= n) throw BAIL;
    const c = text.charCodeAt(pos);
    const start = pos;
    if (c === 34) return str();
    if (c === 123) {
      pos++;
      const properties: PropertyNode[] = [];
      ws();
      if (text.charCodeAt(pos) === 125) pos++;
      else {
        for (;;) {
          if (text.charCodeAt(pos) !== 34) throw BAIL;
          const key = str();
          ws();
          if (text.charCodeAt(pos) !== 58) throw BAIL;
          pos++;
          ws();
          const v = value();
          properties.push({ key, value: v, range: { start: key.range.start, end: v.range.end } });
          ws();
          const d = text.charCodeAt(pos);
          pos++;
          if (d === 125) break;
          if (d !== 44) throw BAIL;
          ws();
        }
      }
      const obj: ObjectNode = { kind: 'object', properties, range: { start, end: pos }, flow: true };
      return obj;
    }
    if (c === 91) {
      pos++;
      const items: SourceNode[] = [];
      ws();
      if (text.charCodeAt(pos) === 93) pos++;
      else {
        for (;;) {
          items.push(value());
          ws();
          const d = text.charCodeAt(pos);
          pos++;
          if (d === 93) break;
          if (d !== 44) throw BAIL;
          ws();
        }
      }
      return { kind: 'array', items, range: { start, end: pos }, flow: true };
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      if (c === 45) pos++;
      if (text.charCodeAt(pos) === 48) pos++;
      else digits();
      if (text.charCodeAt(pos) === 46) {
        pos++;
        digits();
      }
      const e = text.charCodeAt(pos);
      if (e === 101 || e === 69) {
        pos++;
        const sign = text.charCodeAt(pos);
        if (sign === 43 || sign === 45) pos++;
        digits();
      }
      return { kind: 'number', value: Number(text.slice(start, pos)), range: { start, end: pos } };
    }
    if (text.startsWith('true', pos)) {
      pos += 4;
      return { kind: 'boolean', value: true, range: { start, end: pos } };
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return { kind: 'boolean', value: false, range: { start, end: pos } };
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return { kind: 'null', value: null, range: { start, end: pos } };
    }
    throw BAIL;
  };
  ws();
  const root = value();
  ws();
  if (pos !== n) throw BAIL;
  return root;
}

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":" after the property name',
  CommaExpected: 'Expected "," between items',
  CloseBraceExpected: 'Expected "}" to close the object',
  CloseBracketExpected: 'Expected "]" to close the array',
  EndOfFileExpected: 'Unexpected content after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in template JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid \\u escape in string',
  InvalidEscapeCharacter: 'Invalid escape sequence in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/** Parses JSON, recovering from syntax errors: a broken file still yields as much tree as possible. */
export function parseJson(text: string): ParsedDocument {
  try {
    return { format: 'json', text, root: fastParse(text), problems: [] };
  } catch {
    // Not strict JSON (or nested too deep): jsonc-parser recovers and says what is wrong.
  }
  const errors: ParseError[] = [];
  let root: SourceNode | undefined;
  try {
    const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    root = tree ? convert(text, tree) : undefined;
  } catch (e) {
    // jsonc-parser does not throw on bad input, but a defect there must not take the linter down.
    errors.push({ error: 1, offset: 0, length: 0 });
    root = undefined;
    void e;
  }
  const problems: SyntaxProblem[] = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    const start = Math.min(e.offset, text.length);
    return {
      message: `${ERROR_TEXT[code] ?? code}.`,
      range: { start, end: Math.min(text.length, start + Math.max(e.length, 1)) },
    };
  });
  return { format: 'json', text, root, problems };
}
