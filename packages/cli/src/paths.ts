import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Core works with `/`-separated paths everywhere. */
export const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

export const absolutePosix = (p: string, cwd: string) => toPosix(resolve(cwd, p));

/** A path for people: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return toPosix(file);
  return toPosix(rel);
}
