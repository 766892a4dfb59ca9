/**
 * The term matcher every rule uses (category, opt-out and content-policy lists, team terms). Terms are
 * data (shared-rules/{terms,policy}/<lang>.json and the team's config), never user regexes: they are
 * compiled into a token trie that scans a text once, word by word, so a scan is linear in the text
 * and costs about the same for ten terms or a few thousand.
 *
 * Term syntax:
 * - words separated by spaces; a space matches any short run of whitespace;
 * - `*` at the end of a word matches an inflected ending (`desconto*` → descontos, desconto);
 *   at the start it matches a short prefix (`*خصم` → الخصم, وخصم);
 * - a lone `#` matches a number, in any decimal digits (`# % off` → "20 % off", "٢٠ % off"; `#% off` → "20% off");
 * - everything else is literal, compared folded: case, Latin/Cyrillic diacritics (é = e, ё = е, ş = s),
 *   the Devanagari nukta, Arabic harakat, tatweel and hamza forms of alef, typographic apostrophes,
 *   so "promocao" finds "promoção" and "ارسل" finds "أرسل" (an index built with `accents: 'exact'`,
 *   as for the content-policy lists, compares case only).
 * Matches respect Unicode word boundaries: "off" never matches inside "office". Among terms starting
 * at the same place, the one that covers the most text wins. Every step is a hash look-up or a
 * bounded loop.
 *
 * `TermIndex` scans many lists at once (one layer per list, or several lists sharing a layer);
 * `nonOverlapping` turns one layer of an 'all'-mode scan into leftmost-longest matches.
 */

import { CodePointTable, isLetterOrMark, Recent } from '@greenlight/core';

export interface TermMatch {
  start: number;
  end: number;
  /** The term (as written in the list) that matched. */
  term: string;
  text: string;
}

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


export interface IndexedMatch {
  start: number;
  end: number;
  /** The term as written in its list (the first one when several terms cover the same span). */
  term: string;
  text: string;
  /** Names of the lists holding a term with exactly this span (shared with the index: read only). */
  lists: readonly string[];
  /** The name of the match's layer (`layerNames` of the index), or "". */
  list: string;
}

interface Accept {
  term: string;
  lists: string[];
  layer: number;
  /** With `acronyms`: a term written in capitals ("PIN") matches only text in capitals. */
  upper: boolean;
}

export interface TermIndexOptions {
  /**
   * `folded` (the default) compares without accents, Arabic marks and apostrophe variants; `exact`
   * only ignores case, as the content-policy lists were written: Turkish "gün" (day) is not "gun".
   */
  accents?: 'folded' | 'exact';
  /** Terms written entirely in capitals ("PIN", "ICO", "TAN") match only upper-case text: "pin the spot" is not a PIN. */
  acronyms?: boolean;
  /** A name per layer, given to its matches as `list`: callers need no copy of each match to label it. */
  layerNames?: readonly string[];
}

const isAcronym = (term: string) => term === term.toUpperCase() && term !== term.toLowerCase();

/**
 * A trie node. A class with every field set, so all nodes share one shape and the scan's property
 * reads stay monomorphic (object literals grown field by field took a third of the scan time).
 */
class Node {
  /** Children by piece kind; each pair is [glued to the previous piece, after whitespace]. */
  /** Literal pieces by the vocabulary id of their folded key. */
  lit: [Map<number, Node> | undefined, Map<number, Node> | undefined] | undefined = undefined;
  num: [Node | undefined, Node | undefined] | undefined = undefined;
  /** `stem*` pieces by folded stem, and the stem lengths present. */
  endWild: [Map<string, Node> | undefined, Map<string, Node> | undefined] | undefined = undefined;
  /** Stem lengths by the stem's first two characters (or its only one): few to try per token. */
  endWildLens: Map<number, number[]> | undefined = undefined;
  /** `*stem` pieces. */
  startWild: [Map<string, Node> | undefined, Map<string, Node> | undefined] | undefined = undefined;
  /** Stem lengths by the stem's last two characters (or its only one). */
  startWildLens: Map<number, number[]> | undefined = undefined;
  /** `*stem*` pieces: few, checked one by one. */
  bothWild: { stem: string; glued: boolean; node: Node }[] | undefined = undefined;
  accept: Accept[] | undefined = undefined;
}

const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\s\u200B-\u200D]/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const DIGITS = /^\p{Nd}{1,9}$/u;
const DIGITS_FRACTION = /^\p{Nd}{1,3}$/u;
const LETTERS_12 = /^[\p{L}\p{M}]{0,12}$/u;
const LETTERS_4 = /^[\p{L}\p{M}]{0,4}$/u;
const ASCII = /^[\x00-\x7f]*$/;
const STRIP = /[\u0300-\u036f\u0640\u064b-\u065f\u0670\u093c]/g;
const APOSTROPHE = /[\u2019\u02bc\u2032]/g;
const ALEF = /[\u0622\u0623\u0625]/g;
const MAX_GAP = 3;

/**
 * A copy of a string that does not keep the text it was sliced from alive (V8 slices of 13 or more
 * characters point into their parent): cache keys must not pin whole template texts.
 */
const detach = (s: string): string => (s.length > 12 ? (' ' + s).slice(1) : s);

/** The comparison key of a token: lower case, without accents and Arabic vowel marks. */
const foldCache = new Map<string, string>();

export function foldKey(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  // Unicode normalisation is the costly part; words repeat across texts, so remember them.
  let k = foldCache.get(s);
  if (k === undefined) {
    if (foldCache.size >= 50000) foldCache.clear();
    foldCache.set(detach(s), (k = foldUncached(s)));
  }
  return k;
}

function foldUncached(s: string): string {
  return s.normalize('NFD').replace(STRIP, '').replace(ALEF, '\u0627').replace(/\u0649/g, '\u064a').replace(APOSTROPHE, "'").toLowerCase();
}

type Piece = { kind: 'lit' | 'end' | 'start' | 'both'; key: string; glued: boolean } | { kind: 'num'; key: ''; glued: boolean };

/** Splits a term into pieces the trie consumes one text token at a time. */
export function termPieces(term: string, fold: (s: string) => string = foldKey): Piece[] | undefined {
  if (validateTerm(term)) return undefined;
  const pieces: Piece[] = [];
  for (const word of term.trim().split(/\s+/)) {
    let w = word;
    let pre = false;
    let post = false;
    if (w.length > 1 && w.startsWith('*')) {
      pre = true;
      w = w.slice(1);
    }
    if (w.length > 1 && w.endsWith('*')) {
      post = true;
      w = w.slice(0, -1);
    }
    const parts = w.match(TOKEN) ?? [];
    parts.forEach((p, i) => {
      const glued = i > 0;
      const last = i === parts.length - 1;
      if (p === '#') pieces.push({ kind: 'num', key: '', glued });
      else if (pre && post && i === 0 && last && WORD_CHAR.test(p)) pieces.push({ kind: 'both', key: fold(p), glued });
      else if (pre && i === 0 && WORD_CHAR.test(p)) pieces.push({ kind: 'start', key: fold(p), glued });
      else if (post && last && WORD_CHAR.test(p)) pieces.push({ kind: 'end', key: fold(p), glued });
      else pieces.push({ kind: 'lit', key: fold(p), glued });
    });
  }
  return pieces.length ? pieces : undefined;
}

/**
 * Every literal key of every index, numbered. A text token is looked up here once (its tokens are
 * shared by all indexes); the trie then follows small integers, and a token no term contains is
 * skipped at once. Ids never change, so tokens numbered earlier stay valid as the vocabulary grows.
 */
const VOCAB = new Map<string, number>();
const vocabId = (key: string): number => {
  let id = VOCAB.get(key);
  if (id === undefined) VOCAB.set(key, (id = VOCAB.size));
  return id;
};

function child<K>(map: Map<K, Node>, key: K): Node {
  let n = map.get(key);
  if (!n) map.set(key, (n = new Node()));
  return n;
}

function addLen(byEdge: Map<number, number[]>, edge: number, n: number): Map<number, number[]> {
  let lens = byEdge.get(edge);
  if (!lens) byEdge.set(edge, (lens = []));
  if (!lens.includes(n)) lens.push(n);
  return byEdge;
}

/**
 * A stem's edge as a number, so the scan looks buckets up without slicing: its first (`head`) or
 * last (`tail`) two UTF-16 units, or its only one (negative, so the two kinds never meet).
 */
const edge2 = (a: number, b: number) => a * 65536 + b;
const edge1 = (a: number) => -(a + 1);
const head = (k: string) => (k.length >= 2 ? edge2(k.charCodeAt(0), k.charCodeAt(1)) : edge1(k.charCodeAt(0)));
const tail = (k: string) => (k.length >= 2 ? edge2(k.charCodeAt(k.length - 2), k.charCodeAt(k.length - 1)) : edge1(k.charCodeAt(k.length - 1)));

/** Whether `s.slice(from, to)` is letters and marks only, as /^[\p{L}\p{M}]*$/u would say (a split surrogate pair is not). */
function lettersOnly(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff && i + 2 > to) return false;
    if (!isLetterOrMark(cp)) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

export interface IndexEntry {
  term: string;
  list: string;
  /** Matches of different layers may overlap; within a layer the leftmost-longest match wins. */
  layer: number;
}

/**
 * The keys of one distinct token text, for both kinds of index: folded (accents, case, Arabic marks)
 * and case-only (`accents: 'exact'`), with their vocabulary ids as of a vocabulary of `vocabSize` keys.
 * A class, so every info has one shape and the scan's reads stay monomorphic.
 */
class TokenInfo {
  fid: number;
  lid: number;
  vocabSize: number;
  /** Whether each key is a number (`#` in a term): decided once per distinct token, not per scan. */
  readonly fnum: boolean;
  readonly lnum: boolean;
  /**
   * The root steps of the last two indexes that scanned this token, by index serial: the category
   * and the content-policy index of one template read the same tokens in turn.
   */
  stepSerial0 = -1;
  step0: RootStep | undefined = undefined;
  stepSerial1 = -1;
  step1: RootStep | undefined = undefined;

  constructor(
    readonly fkey: string,
    readonly lkey: string,
    /** A run of word characters, as opposed to one symbol. */
    readonly word: boolean,
  ) {
    this.fid = VOCAB.get(fkey) ?? -1;
    this.lid = fkey === lkey ? this.fid : (VOCAB.get(lkey) ?? -1);
    this.vocabSize = VOCAB.size;
    this.fnum = isDigits(fkey);
    this.lnum = fkey === lkey ? this.fnum : isDigits(lkey);
  }
}

/** A `#` piece's token: 1 to 9 decimal digits of any script. */
const isDigits = (key: string): boolean => {
  const c0 = key.charCodeAt(0);
  return ((c0 >= 48 && c0 <= 57) || c0 > 127) && DIGITS.test(key);
};

/** A text's tokens, shared by every index (folded or exact) that scans it. */
interface Tokens {
  n: number;
  /** Token `i` covers `text.slice(bounds[2 * i], bounds[2 * i + 1])`: one array, not one per field. */
  bounds: Int32Array;
  infos: TokenInfo[];
}

function refreshIds(info: TokenInfo): void {
  info.fid = VOCAB.get(info.fkey) ?? -1;
  info.lid = info.fkey === info.lkey ? info.fid : (VOCAB.get(info.lkey) ?? -1);
  info.vocabSize = VOCAB.size;
}

const SPACE_CHAR = /[\s\u200B-\u200D]/u;
/** 0: whitespace (or a zero-width space), 1: word character, 2: symbol. */
const CHAR_CLASS = new CodePointTable((cp) => {
  const ch = String.fromCodePoint(cp);
  return WORD_CHAR.test(ch) ? 1 : SPACE_CHAR.test(ch) ? 0 : 2;
});

/**
 * Caches of tokenisation: tokens of recent texts (the category, opt-out and policy indexes read the
 * same field texts; tokens are never modified), per distinct token text its keys, and ASCII
 * punctuation (a third of the tokens: variable braces, commas, periods) by table.
 */
const RECENT = new Recent<string, Tokens>();
const ASCII_SYMBOLS: (TokenInfo | undefined)[] = new Array(128).fill(undefined);

function makeInfo(raw: string, ascii: boolean, word: boolean): TokenInfo {
  const lkey = raw.toLowerCase();
  return new TokenInfo(ascii ? lkey : foldKey(raw), lkey, word);
}

/**
 * Token texts and their keys in an open-addressing table looked up by the token's characters in
 * place, so a token seen before costs no slice of the text (only a new one is copied out). Small
 * enough to stay in the CPU caches (at 131,072 slots, the slot read was the hottest line of a scan).
 */
const TABLE_SIZE = 1 << 15;
const TABLE_MASK = TABLE_SIZE - 1;
const tableKeys: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);
const tableInfos: (TokenInfo | undefined)[] = new Array(TABLE_SIZE).fill(undefined);
const tableHashes = new Int32Array(TABLE_SIZE);
let tableCount = 0;

/** The table's hash of a token: FNV-1a over its code points, folded in while the token is read. */
const HASH_SEED = 0x811c9dc5 | 0;
const hashStep = (h: number, cp: number) => Math.imul(h ^ cp, 16777619);

function tokenInfo(text: string, i: number, j: number, ascii: boolean, word: boolean, h: number): TokenInfo {
  const len = j - i;
  let slot = h & TABLE_MASK;
  for (;;) {
    const k = tableKeys[slot];
    if (k === undefined) break;
    if (tableHashes[slot] === h && k.length === len) {
      let p = 0;
      while (p < len && k.charCodeAt(p) === text.charCodeAt(i + p)) p++;
      if (p === len) return tableInfos[slot]!;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
  // At half full, start over (keeps probe runs short; keys are recomputed on demand).
  if (tableCount >= TABLE_SIZE >> 1) {
    tableKeys.fill(undefined);
    tableInfos.fill(undefined);
    tableCount = 0;
    slot = h & TABLE_MASK;
  }
  const raw = detach(text.slice(i, j));
  const info = makeInfo(raw, ascii, word);
  tableKeys[slot] = raw;
  tableInfos[slot] = info;
  tableHashes[slot] = h;
  tableCount++;
  return info;
}

function tokensOf(text: string): Tokens {
  return RECENT.get(text, tokenize);
}

/** Token boundaries are collected here, then copied out at their exact size. */
let scratchBounds = new Int32Array(2048);
const NO_INFO = new TokenInfo('', '', false);

let scratchInfos: TokenInfo[] = new Array(1024).fill(NO_INFO);

function tokenize(text: string): Tokens {
  const n = text.length;
  if (scratchInfos.length < n) {
    scratchBounds = new Int32Array(2 * n);
    scratchInfos = new Array(n).fill(NO_INFO);
  }
  const infos = scratchInfos;
  const bounds = scratchBounds;
  let count = 0;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const k = CHAR_CLASS.get(cp);
    if (k === 0) {
      i += w;
      continue;
    }
    let j = i + w;
    let ascii = cp < 128;
    let h = hashStep(HASH_SEED, cp);
    if (k === 1) {
      while (j < n) {
        const c = text.codePointAt(j)!;
        if (CHAR_CLASS.get(c) !== 1) break;
        if (c >= 128) ascii = false;
        h = hashStep(h, c);
        j += c > 0xffff ? 2 : 1;
      }
    }
    bounds[2 * count] = i;
    bounds[2 * count + 1] = j;
    // Words repeat across texts: one look-up gives both keys and their vocabulary ids.
    let info: TokenInfo | undefined;
    if (k === 2 && cp < 128) {
      info = ASCII_SYMBOLS[cp];
      if (info === undefined) ASCII_SYMBOLS[cp] = info = makeInfo(text[i]!, true, false);
    } else {
      info = tokenInfo(text, i, j, ascii, k === 1, h);
    }
    infos[count++] = info;
    i = j;
  }
  return { n: count, bounds: bounds.slice(0, 2 * count), infos: infos.slice(0, count) };
}

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // A low surrogate: look at the whole code point it ends.
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Numbers the indexes, for the per-token root-step cache. */
let nextIndexSerial = 0;

export class TermIndex {
  private readonly root = new Node();
  private readonly serial = nextIndexSerial++;
  readonly layers: number;
  private count = 0;
  private readonly exact: boolean;
  private readonly layerNames: readonly string[];
  /** What the first token of a match can step to from the root, by key: the same for every text. */
  private readonly rootSteps = new Map<string, RootStep>();
  /** Per-layer scratch of `find`, reused (a scan never calls another scan of the same index). */
  private readonly bestEnd: number[];
  private readonly bestAccepts: Accept[][];
  private readonly bestCount: number[];
  private readonly cursor: number[];
  private readonly touched: Int32Array;

  constructor(entries: Iterable<IndexEntry>, minLayers = 1, options: TermIndexOptions = {}) {
    let layers = minLayers;
    this.exact = options.accents === 'exact';
    this.layerNames = options.layerNames ?? [];
    const accepts = new Map<string, Accept>();
    for (const e of entries) {
      const pieces = termPieces(e.term, this.exact ? lowerCase : foldKey);
      if (!pieces) continue;
      layers = Math.max(layers, e.layer + 1);
      let node = this.root;
      for (const p of pieces) node = this.step(node, p);
      const upper = !!options.acronyms && isAcronym(e.term.trim());
      const id = `${e.layer}${upper ? 'A' : 'a'}\u0000${pieces.map((p) => `${p.kind}${p.glued ? '+' : ' '}${p.key}`).join('\u0001')}`;
      const existing = accepts.get(id);
      if (existing) {
        if (!existing.lists.includes(e.list)) existing.lists.push(e.list);
        continue;
      }
      const a: Accept = { term: e.term.trim(), lists: [e.list], layer: e.layer, upper };
      accepts.set(id, a);
      (node.accept ??= []).push(a);
      this.count++;
    }
    this.layers = layers;
    this.bestEnd = new Array<number>(layers).fill(-1);
    this.bestAccepts = Array.from({ length: layers }, () => []);
    this.bestCount = new Array<number>(layers).fill(0);
    this.cursor = new Array<number>(layers).fill(0);
    this.touched = new Int32Array(layers);
  }

  get size(): number {
    return this.count;
  }

  private step(node: Node, p: Piece): Node {
    const g = p.glued ? 0 : 1;
    const slot = <K>(pair: [Map<K, Node> | undefined, Map<K, Node> | undefined]) => (pair[g] ??= new Map<K, Node>());
    switch (p.kind) {
      case 'lit':
        return child(slot((node.lit ??= [undefined, undefined])), vocabId(p.key));
      case 'num': {
        const slots = (node.num ??= [undefined, undefined]);
        return (slots[g] ??= new Node());
      }
      case 'end':
        node.endWildLens = addLen(node.endWildLens ?? new Map(), head(p.key), p.key.length);
        return child(slot((node.endWild ??= [undefined, undefined])), p.key);
      case 'start':
        node.startWildLens = addLen(node.startWildLens ?? new Map(), tail(p.key), p.key.length);
        return child(slot((node.startWild ??= [undefined, undefined])), p.key);
      case 'both': {
        const list = (node.bothWild ??= []);
        let e = list.find((b) => b.stem === p.key && b.glued === p.glued);
        if (!e) list.push((e = { stem: p.key, glued: p.glued, node: new Node() }));
        return e.node;
      }
    }
  }

  private rootStep(key: string): RootStep {
    let step = this.rootSteps.get(key);
    if (step === undefined) {
      const root = this.root;
      const id = VOCAB.get(key) ?? -1;
      const lit = id >= 0 ? root.lit?.[1]?.get(id) : undefined;
      const wild: Node[] = [];
      wildChildren(root, key, 1, wild);
      step = lit || wild.length ? { lit, wild } : NO_STEP;
      if (this.rootSteps.size >= 50000) this.rootSteps.clear();
      this.rootSteps.set(key, step);
    }
    return step;
  }

  /**
   * Matches of every layer, `result[layer]` in text order: at each position the longest term.
   * `reach` (the default) drops a match that lies wholly inside an earlier one of the same layer but
   * keeps overlapping ones that reach further; `all` keeps the longest match at every position.
   */
  find(text: string, mode: 'reach' | 'all' = 'reach'): IndexedMatch[][] {
    const L = this.layers;
    // Layers without matches share one empty array (results are read only).
    const out: IndexedMatch[][] = new Array(L).fill(NO_MATCHES);
    if (!text) return out;
    const { bestEnd, bestAccepts, bestCount, cursor } = this;
    const scan = new Scan(tokensOf(text), text, bestEnd, bestAccepts, bestCount, this.touched, this.exact);
    const { bounds, infos, n, touched } = scan;
    const exact = this.exact;
    const numRoot = this.root.num?.[1];
    cursor.fill(0);
    const serial = this.serial;
    for (let i = 0; i < n; i++) {
      const info = infos[i]!;
      let step: RootStep;
      if (info.stepSerial0 === serial) step = info.step0!;
      else if (info.stepSerial1 === serial) step = info.step1!;
      else {
        step = this.rootStep(exact ? info.lkey : info.fkey);
        info.stepSerial1 = info.stepSerial0;
        info.step1 = info.step0;
        info.stepSerial0 = serial;
        info.step0 = step;
      }
      const isNumber = numRoot !== undefined && (exact ? info.lnum : info.fnum);
      // Most tokens start no term: skip them before any other work.
      if (step === NO_STEP && !isNumber) continue;
      // A match must not start right after a word character (possible only for a symbol token).
      if (!info.word && isWordAt(text, bounds[2 * i]! - 1)) continue;
      // The first piece of a term is never glued to anything before it; the steps in `advance` order.
      scan.from = i;
      if (step.lit) scan.visit(step.lit, i + 1);
      if (isNumber) scan.number(numRoot!, i);
      for (const c of step.wild) scan.visit(c, i + 1);
      if (scan.touchedCount === 0) continue;
      for (let t = 0; t < scan.touchedCount; t++) {
        const l = touched[t]!;
        const end = bestEnd[l]!;
        bestEnd[l] = -1;
        // Matches inside an earlier match of the same layer add nothing; overlapping ones that
        // reach further are kept ("10% off" and "off your next order" both count).
        if (end <= cursor[l]! && mode === 'reach') continue;
        const accepts = bestAccepts[l]!;
        const count = bestCount[l]!;
        let lists: readonly string[] = accepts[0]!.lists;
        if (count > 1) {
          const merged: string[] = [];
          for (let k = 0; k < count; k++) for (const name of accepts[k]!.lists) if (!merged.includes(name)) merged.push(name);
          lists = merged;
        }
        const start = bounds[2 * i]!;
        const stop = bounds[2 * end - 1]!;
        let found = out[l]!;
        if (found === NO_MATCHES) out[l] = found = [];
        found.push({ start, end: stop, term: accepts[0]!.term, text: text.slice(start, stop), lists, list: this.layerNames[l] ?? '' });
        cursor[l] = end;
      }
      scan.touchedCount = 0;
    }
    return out;
  }
}

interface RootStep {
  lit: Node | undefined;
  wild: Node[];
}
const NO_STEP: RootStep = { lit: undefined, wild: [] };
const NO_MATCHES: IndexedMatch[] = [];
/**
 * Wildcard children found while advancing, as a stack that never shrinks (each `advance` pops what
 * it pushed by moving `top`; shortening an array would give back its storage and regrow it).
 */
class NodeStack {
  readonly items: Node[] = [];
  top = 0;
  push(n: Node): void {
    this.items[this.top++] = n;
  }
}
const kidStack = new NodeStack();
type NodeSink = { push(n: Node): unknown };
const lowerCase = (s: string) => s.toLowerCase();

/** Nodes a key reaches through `stem*` pieces of `lens` (stem lengths), in order. */
function lensChildren(lens: number[] | undefined, key: string, map: Map<string, Node>, fromEnd: boolean, out: NodeSink): void {
  if (!lens) return;
  for (const len of lens) {
    const rest = key.length - len;
    if (rest < 0 || rest > (fromEnd ? 12 : 4)) continue;
    // The rest is at most 12 (or 4) units, so at most that many code points: only its letters need checking.
    if (rest > 0 && !(fromEnd ? lettersOnly(key, len, key.length) : lettersOnly(key, 0, rest))) continue;
    const c = map.get(rest === 0 ? key : fromEnd ? key.slice(0, len) : key.slice(rest));
    if (c) out.push(c);
  }
}

/** The nodes a token's key reaches from `node` through wildcard pieces, in the order the scan follows them. */
function wildChildren(node: Node, key: string, g: 0 | 1, out: NodeSink): void {
  const ew = node.endWild?.[g];
  if (ew) {
    const byHead = node.endWildLens!;
    lensChildren(byHead.get(head(key)), key, ew, true, out);
    if (key.length >= 2) lensChildren(byHead.get(edge1(key.charCodeAt(0))), key, ew, true, out);
  }
  const sw = node.startWild?.[g];
  if (sw) {
    const byTail = node.startWildLens!;
    lensChildren(byTail.get(tail(key)), key, sw, false, out);
    if (key.length >= 2) lensChildren(byTail.get(edge1(key.charCodeAt(key.length - 1))), key, sw, false, out);
  }
  if (node.bothWild) {
    for (const b of node.bothWild) {
      if (b.glued !== (g === 0)) continue;
      // The stem may start after up to 4 letters and be followed by up to 12.
      for (let at = key.indexOf(b.stem); at >= 0 && at <= 4; at = key.indexOf(b.stem, at + 1)) {
        if (LETTERS_4.test(key.slice(0, at)) && LETTERS_12.test(key.slice(at + b.stem.length))) {
          out.push(b.node);
          break;
        }
      }
    }
  }
}

/**
 * Whether `text.slice(from, to)` equals its upper case, without slicing: upper-casing has no
 * context-dependent mappings outside Turkish/Lithuanian locales, so it can be checked per code point.
 */
function isUpperCase(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff && i + 2 <= to ? 2 : 1;
    const ch = w === 2 ? String.fromCodePoint(cp) : text[i]!;
    if (ch !== ch.toUpperCase()) return false;
    i += w;
  }
  return true;
}

/** The state of one `TermIndex.find`: the text's tokens and, per layer, the longest accept from the current start. */
class Scan {
  /** Token `j` spans `bounds[2 * j]` to `bounds[2 * j + 1]`. */
  readonly bounds: Int32Array;
  readonly infos: TokenInfo[];
  readonly n: number;
  /** Per layer: the furthest end token reached from the current start, and what accepted there. */
  readonly bestEnd: number[];
  readonly bestAccepts: Accept[][];
  readonly bestCount: number[];
  /** The layers that accepted something from the current start, so the per-token work stays small. */
  readonly touched: Int32Array;
  touchedCount = 0;
  /** The token the current match attempt starts at. */
  from = 0;

  constructor(
    t: Tokens,
    readonly text: string,
    bestEnd: number[],
    bestAccepts: Accept[][],
    bestCount: number[],
    touched: Int32Array,
    private readonly exact: boolean,
  ) {
    this.infos = t.infos;
    this.bounds = t.bounds;
    this.n = t.n;
    this.bestEnd = bestEnd;
    this.bestAccepts = bestAccepts;
    this.bestCount = bestCount;
    this.touched = touched;
  }

  private key(j: number): string {
    return this.exact ? this.infos[j]!.lkey : this.infos[j]!.fkey;
  }

  private accept(node: Node, j: number): void {
    // A symbol token may end a term only where no word character follows.
    if (!this.infos[j - 1]!.word && isWordAt(this.text, this.bounds[2 * j - 1]!)) return;
    const { bestEnd, bestAccepts, bestCount } = this;
    for (const a of node.accept!) {
      if (a.upper && !isUpperCase(this.text, this.bounds[2 * this.from]!, this.bounds[2 * j - 1]!)) continue;
      const best = bestEnd[a.layer]!;
      if (best < 0) this.touched[this.touchedCount++] = a.layer;
      // Counted, not truncated: shortening an array gives back its storage.
      if (j > best) {
        bestEnd[a.layer] = j;
        bestAccepts[a.layer]![0] = a;
        bestCount[a.layer] = 1;
      } else if (j === best) bestAccepts[a.layer]![bestCount[a.layer]!++] = a;
    }
  }

  /** A `#` piece: token `j` as a number, or "1.000" / "12,5" (a separator glued between two digit runs). */
  number(numNode: Node, j: number): void {
    const info = this.infos[j]!;
    if (this.exact ? info.lnum : info.fnum) {
      this.visit(numNode, j + 1);
      const b = this.bounds;
      const sep = j + 1 < this.n ? this.key(j + 1) : undefined;
      // Glued: the separator starts where the number ends, and the fraction where the separator ends.
      if ((sep === '.' || sep === ',') && j + 2 < this.n && b[2 * j + 2] === b[2 * j + 1] && b[2 * j + 4] === b[2 * j + 3] && DIGITS_FRACTION.test(this.key(j + 2))) this.visit(numNode, j + 3);
    }
  }

  /** Follows every piece that token `j` can be, from `node`; `g` is 0 when glued, 1 after whitespace. */
  advance(node: Node, j: number, g: 0 | 1): void {
    const key = this.key(j);
    if (node.lit) {
      const info = this.infos[j]!;
      if (info.vocabSize !== VOCAB.size) refreshIds(info);
      const id = this.exact ? info.lid : info.fid;
      const lit = id >= 0 ? node.lit[g]?.get(id) : undefined;
      if (lit) this.visit(lit, j + 1);
    }
    const numNode = node.num?.[g];
    if (numNode) this.number(numNode, j);
    if (node.endWild || node.startWild || node.bothWild) {
      const from = kidStack.top;
      wildChildren(node, key, g, kidStack);
      const to = kidStack.top;
      for (let k = from; k < to; k++) this.visit(kidStack.items[k]!, j + 1);
      kidStack.top = from;
    }
  }

  /** Tokens up to `j` are consumed; `j` is the next one. */
  visit(node: Node, j: number): void {
    if (node.accept) this.accept(node, j);
    if (j >= this.n) return;
    const gap = this.bounds[2 * j]! - this.bounds[2 * j - 1]!;
    if (gap > MAX_GAP) return;
    this.advance(node, j, gap === 0 ? 0 : 1);
  }
}

/** Leftmost-longest matches that do not overlap, from `all`-mode matches (sorted by start). */
export function nonOverlapping<T extends { start: number; end: number }>(matches: readonly T[]): T[] {
  const out: T[] = [];
  let end = -1;
  for (const m of matches) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}
