/**
 * WebExtension match patterns (`https://example.com/editor/*`), matched without regular expressions:
 * patterns come from the options page, and a `*` turned into `.*` backtracks polynomially on a long
 * path when a pattern holds many of them. The path is matched by the classic two-pointer wildcard
 * walk (time at most path length × pattern length).
 */

export interface ParsedPattern {
  schemes: string[];
  /** `*`: any host; `*.example.com`: the domain and its subdomains; else the exact host. */
  host: string;
  path: string;
}

/** Parses `scheme://host/path`; undefined when it is not a match pattern. */
export function parseMatchPattern(pattern: string): ParsedPattern | undefined {
  if (pattern === '<all_urls>') return { schemes: ['http', 'https', 'file'], host: '*', path: '/*' };
  const sep = pattern.indexOf('://');
  if (sep < 0) return undefined;
  const scheme = pattern.slice(0, sep);
  const rest = pattern.slice(sep + 3);
  const slash = rest.indexOf('/');
  if (slash < 0) return undefined;
  const host = rest.slice(0, slash).toLowerCase();
  if (host.includes(':') || (host.includes('*') && host !== '*' && !(host.startsWith('*.') && !host.slice(2).includes('*')))) return undefined;
  const schemes = scheme === '*' ? ['http', 'https'] : ['http', 'https', 'file'].includes(scheme) ? [scheme] : undefined;
  if (!schemes) return undefined;
  return { schemes, host, path: rest.slice(slash) };
}

/** Whether `text` matches `pattern`, where `*` stands for any run of characters. */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  // The last `*` seen and where the text stood when it was seen: on a mismatch, let it take one more character.
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether a URL is covered by a parsed pattern (the path part is matched against the URL's path). */
export function patternIncludes(pattern: ParsedPattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (!pattern.schemes.includes(scheme)) return false;
  const host = url.hostname.toLowerCase();
  if (pattern.host !== '*') {
    if (pattern.host.startsWith('*.')) {
      const domain = pattern.host.slice(2);
      if (host !== domain && !host.endsWith(`.${domain}`)) return false;
    } else if (host !== pattern.host) return false;
  }
  return wildcardMatch(pattern.path, url.pathname);
}
