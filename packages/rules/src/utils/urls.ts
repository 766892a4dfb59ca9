/**
 * Finds and dissects URLs in template texts and URL buttons. One scanner for every URL rule, so
 * `url-format`, `url-shortener`, `url-domain` and the others agree on what a URL is and where it sits.
 *
 * The scan walks whitespace-separated tokens once (linear time) and only looks closer at tokens
 * with an inner dot or a `://`. Public-suffix knowledge comes from `tldts` (pure JS, browser-safe),
 * which keeps `file.pdf`, `v1.2` and `e.g.` out while `example.com/path` is still recognised.
 */
import { findPlaceholders, Recent } from '@greenlight/core';
import shorteners from '@greenlight/shared-rules/url-shorteners.json' with { type: 'json' };
import { parse as parseDomain } from 'tldts';

export type UrlKind = 'scheme' | 'www' | 'bare';

export interface FoundUrl {
  /** Offsets of the whole URL in the text (trailing punctuation excluded). */
  start: number;
  end: number;
  text: string;
  /** How it was written: with a scheme, as `www.…`, or as a bare `example.com/…`. */
  kind: UrlKind;
  /** Lower-cased scheme (`https`), '' when there is none. */
  scheme: string;
  /** End of the scheme name (`https`); equals `start` without a scheme. */
  schemeNameEnd: number;
  /** End of the scheme with its separator (`https://`); equals `start` without a scheme. */
  schemeEnd: number;
  /** The separator after the scheme is not `://` (`https:/x`, `https//x`). */
  badSeparator: boolean;
  /** `user:pass@` before the host. */
  userinfo: { start: number; end: number } | undefined;
  hostStart: number;
  hostEnd: number;
  /** The host as written, lower-cased, without a trailing dot. */
  host: string;
  /** The host contains a template variable. */
  hostHasVariable: boolean;
  /** End of the authority (host and port); the path, query and fragment follow. */
  authorityEnd: number;
  /** Characters between the host and the path that are not a valid port (`example.com:abc`). */
  badAuthority: boolean;
}

export type HostProblem = 'ip' | 'malformed' | 'unknown-tld' | 'variable' | 'empty';

export interface HostInfo {
  problem: HostProblem | undefined;
  /** Why a host is malformed, for the message. */
  detail?: string;
  /** Registrable domain (`example.co.uk`), when known. */
  domain: string | undefined;
}

const SPACE = /\s/;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || (c > 127 && SPACE.test(String.fromCharCode(c)));
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Letters, marks and digits of any script (internationalised domain names). */
const isWordChar = (c: number) => isAsciiAlnum(c) || (c > 127 && WORD_CHAR.test(String.fromCharCode(c)));

// Punctuation that wraps a URL in running text but is not part of it.
const LEADING = new Set('([<"\'*_~¡¿«‘“„`'.split(''));
const TRAILING = new Set('.,;:!?\'"*_~>»’”`…'.split(''));
// CJK and full-width punctuation ends a URL even without a space before it.
const isUrlStop = (c: number) => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || c === 0x3e || c === 0x3c || c === 0x22;

/** File extensions that are also top-level domains: a bare `photo.zip` is a file, not a site. */
const FILE_LIKE_TLDS = new Set(['zip', 'mov', 'md', 'py', 'sh', 'pl', 'rs', 'ps', 'cs', 'so', 'pm', 'mp', 'ai', 'gg', 'cc', 'ts', 'ms', 'tk', 'ml']);

/** Listed shortener hosts count as URLs even when their top-level domain is not public (`short.url`). */
const LISTED_HOSTS: ReadonlySet<string> = new Set([...shorteners.editor, ...shorteners.other]);

function isKnownTld(host: string): boolean {
  if (LISTED_HOSTS.has(host)) return true;
  const r = parseDomain(host, { extractHostname: false, detectIp: false, mixedInputs: false });
  return r.isIcann === true;
}

/** Start of the template variable that ends at `end`, or -1 (binary search over the sorted variables). */
function variableEndingAt(text: string, end: number): number {
  const ps = findPlaceholders(text);
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ps[mid]!;
    if (p.end === end) return p.start;
    if (p.end < end) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** `text.indexOf(needle, from)` limited to matches that end by `limit`; never scans past it. */
function indexIn(text: string, needle: string, from: number, limit: number): number {
  const i = text.slice(from, limit).indexOf(needle);
  return i < 0 ? -1 : from + i;
}

/** Scans a host (and any `{{variable}}` inside it) from `i`; returns where it stops. */
function scanHost(text: string, i: number, limit: number): { end: number; variable: boolean } {
  let j = i;
  let variable = false;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 123 /* { */ && text.charCodeAt(j + 1) === 123) {
      // Variables are short; a brace run without a close within 70 characters is not one.
      const close = indexIn(text, '}}', j + 2, Math.min(limit, j + 72));
      if (close < 0 || close + 2 > limit) break;
      variable = true;
      j = close + 2;
      continue;
    }
    if (isWordChar(c) || c === 45 /* - */ || c === 46 /* . */ || c === 95 /* _ */) {
      j++;
      continue;
    }
    break;
  }
  return { end: j, variable };
}

/** First index in [from, limit) of a path, query or fragment start, or `limit`. */
function authorityLimit(text: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */) return j;
  }
  return limit;
}

function isPortAt(text: string, colon: number, limit: number): boolean {
  if (text.charCodeAt(colon) !== 58) return false;
  if (colon + 1 >= limit) return false;
  for (let j = colon + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return false;
  }
  return limit - colon - 1 <= 5;
}

interface Dissected {
  userinfo: { start: number; end: number } | undefined;
  hostStart: number;
  hostEnd: number;
  hostHasVariable: boolean;
  authorityEnd: number;
  badAuthority: boolean;
}

/** Splits `[from, end)` after the scheme into user info, host and port. */
function dissectAuthority(text: string, from: number, end: number, allowUserinfo: boolean): Dissected | undefined {
  const authorityEnd = authorityLimit(text, from, end);
  let hostStart = from;
  let userinfo: Dissected['userinfo'];
  let at = -1;
  for (let j = authorityEnd - 1; j >= from; j--) {
    if (text.charCodeAt(j) === 64 /* @ */) {
      at = j;
      break;
    }
  }
  if (at >= from) {
    if (!allowUserinfo) return undefined;
    userinfo = { start: from, end: at + 1 };
    hostStart = at + 1;
  }
  if (text.charCodeAt(hostStart) === 91 /* [ */) {
    // IPv6 literal: the host runs to the closing bracket.
    const close = indexIn(text, ']', hostStart, authorityEnd);
    const hostEnd = close >= 0 ? close + 1 : authorityEnd;
    return { userinfo, hostStart, hostEnd, hostHasVariable: false, authorityEnd, badAuthority: hostEnd < authorityEnd && !isPortAt(text, hostEnd, authorityEnd) };
  }
  const { end: hostEnd, variable } = scanHost(text, hostStart, authorityEnd);
  const badAuthority = hostEnd < authorityEnd && !isPortAt(text, hostEnd, authorityEnd);
  return { userinfo, hostStart, hostEnd, hostHasVariable: variable, authorityEnd, badAuthority };
}

function makeUrl(text: string, start: number, end: number, kind: UrlKind, scheme: string, schemeNameEnd: number, schemeEnd: number, badSeparator: boolean, d: Dissected): FoundUrl {
  let host = text.slice(d.hostStart, d.hostEnd).toLowerCase();
  if (host.endsWith('.') && host.length > 1) host = host.slice(0, -1);
  return {
    start,
    end,
    text: text.slice(start, end),
    kind,
    scheme,
    schemeNameEnd,
    schemeEnd,
    badSeparator,
    userinfo: d.userinfo,
    hostStart: d.hostStart,
    hostEnd: d.hostEnd,
    host,
    hostHasVariable: d.hostHasVariable,
    authorityEnd: d.authorityEnd,
    badAuthority: d.badAuthority,
  };
}

/** Where a URL in running text ends: trailing punctuation and unbalanced closing brackets are not part of it. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  // Bracket balance of the candidate, updated as characters are dropped (one pass, not one per bracket).
  let parens = 0;
  let squares = 0;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 40) parens++;
    else if (c === 41) parens--;
    else if (c === 91) squares++;
    else if (c === 93) squares--;
  }
  while (e > start) {
    const ch = text[e - 1]!;
    if (ch === '}' && text[e - 2] === '}') {
      // A URL may end in a variable: `https://example.com/track/{{1}}`.
      if (variableEndingAt(text, e) >= start) break;
      e--;
      continue;
    }
    if (TRAILING.has(ch)) {
      e--;
      continue;
    }
    if (ch === ')' && parens < 0) {
      parens++;
      e--;
      continue;
    }
    if (ch === ']' && squares < 0) {
      squares++;
      e--;
      continue;
    }
    break;
  }
  return e;
}

const BAD_SEPARATOR = /^(https?)(:\/(?!\/)|:\/{3,}|\/\/)/i;
const HTTP_AT_END = /https?$/i;

/** Reads a candidate URL in the token `[a, b)`; undefined when the token holds none. */
function urlInToken(text: string, a: number, b: number): FoundUrl | undefined {
  while (a < b && LEADING.has(text[a]!)) a++;
  const sep = indexIn(text, '://', a, b);
  if (sep >= 0) {
    let s = sep;
    while (s > a && isAsciiAlpha(text.charCodeAt(s - 1))) s--;
    if (s === sep) return undefined;
    let scheme = text.slice(s, sep).toLowerCase();
    // `Link:https://…` stops at the colon; `visithttps://…` (a missing space) keeps only the scheme.
    const http = HTTP_AT_END.exec(scheme);
    if (http && http[0].length < scheme.length) {
      s = sep - http[0].length;
      scheme = http[0].toLowerCase();
    }
    const end = trimEnd(text, s, b);
    const d = dissectAuthority(text, sep + 3, end, true);
    if (!d || d.hostEnd === d.hostStart) return undefined;
    return makeUrl(text, s, end, 'scheme', scheme, sep, sep + 3, false, d);
  }
  if ((text.charCodeAt(a) | 32) === 104 /* h */) {
    const m = BAD_SEPARATOR.exec(text.slice(a, Math.min(b, a + 12)));
    if (m) {
      const end = trimEnd(text, a, b);
      const hostFrom = a + m[0].length;
      const d = dissectAuthority(text, hostFrom, end, true);
      if (!d || d.hostEnd === d.hostStart || !text.slice(d.hostStart, d.hostEnd).includes('.')) return undefined;
      return makeUrl(text, a, end, 'scheme', m[1]!.toLowerCase(), a + m[1]!.length, hostFrom, true, d);
    }
  }
  // `www.` at the token start or after punctuation inside it (`Site:www.example.com`), never after `@` (e-mail).
  const lower = text.slice(a, b).toLowerCase();
  let w = -1;
  for (let from = 0; ; ) {
    const i = lower.indexOf('www.', from);
    if (i < 0) break;
    const prev = i === 0 ? 32 : lower.charCodeAt(i - 1);
    if (i === 0 || (!isWordChar(prev) && prev !== 64 /* @ */ && prev !== 46 /* . */)) {
      w = a + i;
      break;
    }
    from = i + 4;
  }
  if (w >= a && w < b) {
    const end = trimEnd(text, w, b);
    const d = dissectAuthority(text, w, end, false);
    if (!d || d.badAuthority || d.hostEnd - d.hostStart <= 4) return undefined;
    return makeUrl(text, w, end, 'www', '', w, w, false, d);
  }
  return bareUrl(text, a, b);
}

/** A host without scheme or `www.`: accepted only with a known public suffix and a plausible shape. */
function bareUrl(text: string, a: number, b: number): FoundUrl | undefined {
  if (!isWordChar(text.charCodeAt(a))) return undefined;
  const end = trimEnd(text, a, b);
  const d = dissectAuthority(text, a, end, false);
  if (!d || d.badAuthority || d.hostHasVariable || d.userinfo) return undefined;
  const raw = text.slice(d.hostStart, d.hostEnd);
  if (!raw.includes('.') || raw.includes('_') || raw.includes('..') || raw.endsWith('.') || raw.startsWith('.')) return undefined;
  const tld = raw.slice(raw.lastIndexOf('.') + 1);
  // `today.Best` is a missing space after a full stop; `EXAMPLE.COM` is shouting.
  if (tld !== tld.toLowerCase() && raw !== raw.toUpperCase()) return undefined;
  if (/^[\d.]+$/.test(raw)) return undefined;
  const host = raw.toLowerCase();
  const hasPath = d.authorityEnd < end;
  if (!hasPath && FILE_LIKE_TLDS.has(tld.toLowerCase())) return undefined;
  if (!isKnownTld(host)) return undefined;
  if (hostInfo(host).problem) return undefined;
  return makeUrl(text, a, end, 'bare', '', a, a, false, d);
}

const recentUrls = new Recent<string, FoundUrl[]>();

// Spots that can belong to a link: a dot before a letter or digit, `:/` or `//`. The regex engine
// finds them natively; only the tokens around them are examined, so ordinary prose costs little.
const CANDIDATE = /\.[\p{L}\p{N}]|:\/|\/\//gu;

/** Every URL in a text, in order. Results are memoised per text. */
export function findUrls(text: string): FoundUrl[] {
  return recentUrls.get(text, scanUrls);
}

function scanUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  const n = text.length;
  let done = 0;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
    const at = m.index;
    if (at < done) continue;
    // The whitespace-delimited token around the candidate; each token is walked once.
    let a = at;
    while (a > done && !isSpace(text.charCodeAt(a - 1)) && !isUrlStop(text.charCodeAt(a - 1))) a--;
    let b = at + 1;
    while (b < n && !isSpace(text.charCodeAt(b)) && !isUrlStop(text.charCodeAt(b))) b++;
    const u = urlInToken(text, a, b);
    if (u) out.push(u);
    done = b;
    CANDIDATE.lastIndex = b;
  }
  return out;
}

const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/;

export interface ButtonUrl {
  /** The URL, parsed, or undefined when the value is not a URL at all. */
  url: FoundUrl | undefined;
  /** Offsets of the value without surrounding whitespace. */
  start: number;
  end: number;
  /** A scheme other than http(s) (`ftp`, `javascript`, `mailto`). */
  otherScheme: string | undefined;
}

/** Reads a URL button's `url` value: the whole (trimmed) value is one URL. */
export function readButtonUrl(text: string): ButtonUrl {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  const base = { start: a, end: b, otherScheme: undefined };
  if (a === b) return { ...base, url: undefined };
  const head = text.slice(a, Math.min(b, a + 40));
  const bad = BAD_SEPARATOR.exec(head);
  if (bad) {
    const hostFrom = a + bad[0].length;
    const d = dissectAuthority(text, hostFrom, b, true);
    if (!d) return { ...base, url: undefined };
    return { ...base, url: makeUrl(text, a, b, 'scheme', bad[1]!.toLowerCase(), a + bad[1]!.length, hostFrom, true, d) };
  }
  const scheme = SCHEME_PREFIX.exec(head);
  // `example.com:8080/x` is a host with a port, not a scheme named `example.com`.
  if (scheme && !/^\d/.test(text.slice(a + scheme[0].length, a + scheme[0].length + 1))) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return { ...base, url: undefined, otherScheme: name };
    if (text.startsWith('//', a + scheme[0].length)) {
      const d = dissectAuthority(text, a + scheme[0].length + 2, b, true);
      if (!d) return { ...base, url: undefined };
      return { ...base, url: makeUrl(text, a, b, 'scheme', name, a + name.length, a + name.length + 3, false, d) };
    }
    const d = dissectAuthority(text, a + scheme[0].length, b, true);
    if (!d) return { ...base, url: undefined };
    return { ...base, url: makeUrl(text, a, b, 'scheme', name, a + name.length, a + scheme[0].length, true, d) };
  }
  const d = dissectAuthority(text, a, b, true);
  if (!d || d.hostEnd === d.hostStart) return { ...base, url: undefined };
  const kind: UrlKind = text.slice(a, a + 4).toLowerCase() === 'www.' ? 'www' : 'bare';
  return { ...base, url: makeUrl(text, a, b, kind, '', a, a, false, d) };
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const hostCache = new Map<string, HostInfo>();

/** Judges a (lower-cased) host: IP address, malformed labels, unknown top-level domain. */
export function hostInfo(host: string): HostInfo {
  const hit = hostCache.get(host);
  if (hit) return hit;
  const info = judgeHost(host);
  if (hostCache.size > 2000) hostCache.clear();
  hostCache.set(host, info);
  return info;
}

function judgeHost(host: string): HostInfo {
  if (host === '') return { problem: 'empty', domain: undefined };
  if (host.includes('{{')) return { problem: 'variable', domain: undefined };
  if (host.startsWith('[') || IPV4.test(host)) return { problem: 'ip', domain: undefined };
  if (/^\d+$/.test(host)) return { problem: 'ip', domain: undefined };
  if (host.length > 253) return { problem: 'malformed', detail: 'it is longer than 253 characters', domain: undefined };
  const labels = host.split('.');
  if (labels.length < 2) return { problem: 'malformed', detail: 'it has no top-level domain', domain: undefined };
  for (const label of labels) {
    if (label === '') return { problem: 'malformed', detail: 'it has an empty label (two dots in a row)', domain: undefined };
    if (label.length > 63) return { problem: 'malformed', detail: 'a label is longer than 63 characters', domain: undefined };
    if (label.includes('_')) return { problem: 'malformed', detail: 'domain names cannot contain "_"', domain: undefined };
    if (!LABEL.test(label)) return { problem: 'malformed', detail: 'a label starts or ends with "-" or has characters domain names cannot contain', domain: undefined };
  }
  if (!isKnownTld(host)) return { problem: 'unknown-tld', domain: undefined };
  const r = parseDomain(host, { extractHostname: false, detectIp: false, mixedInputs: false });
  return { problem: undefined, domain: r.domain ?? host };
}

/** Does `host` equal `domain` or sit below it (`shop.example.com` under `example.com`)? */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46);
}

/** First entry of `domains` that `host` equals or sits below. */
export function matchDomain(host: string, domains: ReadonlySet<string>): string | undefined {
  if (domains.size === 0) return undefined;
  let h = host;
  for (;;) {
    if (domains.has(h)) return h;
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** A domain as a person types it in config (`https://www.Example.com/`, `*.example.com`) reduced to `example.com`. */
export function normalizeDomain(entry: string): string {
  let d = entry.trim().toLowerCase();
  d = d.replace(/^[a-z][a-z0-9+.-]{0,31}:\/\//, '');
  const slash = d.search(/[/?#]/);
  if (slash >= 0) d = d.slice(0, slash);
  d = d.replace(/^\*\./, '').replace(/^\./, '').replace(/\.$/, '');
  const colon = d.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(d.slice(colon + 1))) d = d.slice(0, colon);
  return d;
}

/** Normalised set of configured domains, memoised per list (settings objects are reused). */
const setCache = new WeakMap<readonly string[], ReadonlySet<string>>();
export function domainSet(list: readonly string[] | undefined): ReadonlySet<string> {
  if (!list || list.length === 0) return EMPTY;
  let s = setCache.get(list);
  if (!s) {
    s = new Set(list.map(normalizeDomain).filter((d) => d.length > 0));
    setCache.set(list, s);
  }
  return s;
}
const EMPTY: ReadonlySet<string> = new Set();

/** The path, query and fragment of a URL (`/a?b#c`), lower-cased. */
export function urlRest(u: FoundUrl): string {
  return u.text.slice(u.authorityEnd - u.start).toLowerCase();
}
