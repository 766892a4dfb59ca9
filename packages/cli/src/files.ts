/**
 * Which files to lint. A named file is always linted; files found by walking a directory or
 * matching a glob are candidates, linted only when they hold templates (a tsconfig.json in the
 * tree is not a finding). node_modules and dot-directories are never walked.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME } from '@greenlight/core';
import { toPosix } from './paths.js';

export interface Candidate {
  /** Absolute, `/`-separated. */
  path: string;
  /** Named on the command line, as opposed to found by a walk or a glob. */
  explicit: boolean;
}

export interface Discovery {
  files: Candidate[];
  /** Patterns that matched no file at all. */
  unmatched: string[];
}

const TEMPLATE_EXTENSION = /\.(?:json|ya?ml)$/i;

function stat(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

const skipDir = (name: string) => name === 'node_modules' || name.startsWith('.');

/** Lists files under `dir` (absolute), depth first in name order, not following directory links. */
function walk(dir: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDir(e.name)) walk(full, out);
    } else if (e.isFile()) out.push(full);
    else if (e.isSymbolicLink() && stat(full)?.isFile()) out.push(full);
  }
}

export function findFiles(patterns: readonly string[], cwd: string): Discovery {
  const seen = new Map<string, Candidate>();
  const files: Candidate[] = [];
  const unmatched: string[] = [];
  const add = (path: string, explicit: boolean) => {
    const p = toPosix(path);
    const existing = seen.get(p);
    if (existing) {
      // A file both named and found by a walk counts as named.
      if (explicit) existing.explicit = true;
      return;
    }
    const c = { path: p, explicit };
    seen.set(p, c);
    files.push(c);
  };

  for (const pattern of patterns.length ? patterns : ['.']) {
    const abs = resolve(cwd, pattern);
    const st = stat(abs);
    if (st?.isFile()) {
      add(abs, true);
      continue;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      let any = false;
      for (const f of found) {
        if (!TEMPLATE_EXTENSION.test(f) || f.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
        add(f, false);
        any = true;
      }
      if (!any) unmatched.push(pattern);
      continue;
    }
    const scan = picomatch.scan(toPosix(pattern));
    if (!scan.isGlob) {
      unmatched.push(pattern);
      continue;
    }
    const base = resolve(cwd, scan.base || '.');
    const isMatch = picomatch(scan.glob, { dot: false });
    const found: string[] = [];
    if (stat(base)?.isDirectory()) walk(base, found);
    let any = false;
    for (const f of found) {
      if (isMatch(toPosix(f.slice(base.length + 1))) && !f.endsWith(`/${CONFIG_FILE_NAME}`)) {
        add(f, false);
        any = true;
      }
    }
    if (!any) unmatched.push(pattern);
  }
  return { files, unmatched };
}
