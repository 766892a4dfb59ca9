/**
 * A small glob matcher (`**`, `*`, `?`, `{a,b}`, `[abc]`) that runs anywhere, the browser included.
 * The compiled expressions contain no nested quantifiers, so matching is linear in the input.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a bare `**` matches anything.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > i + 1) {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = close;
      } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (inGroup-- > 0) re += ')';
  const out = new RegExp(`^${re}$`);
  cache.set(glob, out);
  return out;
}

/** Matches a `/`-separated path. A glob without `/` matches the base name anywhere (like .gitignore). */
export function matchGlob(glob: string, path: string): boolean {
  const g = glob.startsWith('./') ? glob.slice(2) : glob;
  if (!g.includes('/')) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return globToRegExp(g).test(base);
  }
  return globToRegExp(g).test(path);
}
