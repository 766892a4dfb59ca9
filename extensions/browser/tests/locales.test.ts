import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('i18n', () => {
  const strings = JSON.parse(fs.readFileSync(path.join(root, 'locales/strings.json'), 'utf8')) as Record<string, Record<string, string>>;
  it('every string is translated into en, it, pt, es and ru with the same placeholders', () => {
    for (const [key, tr] of Object.entries(strings)) {
      for (const lang of ['en', 'it', 'pt', 'es', 'ru']) {
        expect(tr[lang], `${key}.${lang}`).toBeTruthy();
        expect((tr[lang]!.match(/\{\d\}/g) ?? []).sort(), `${key}.${lang}`).toEqual((tr.en!.match(/\{\d\}/g) ?? []).sort());
      }
    }
  });
  it('every key used in the code exists', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]!);
      }
    };
    walk(path.join(root, 'src'));
    walk(path.join(root, 'entrypoints'));
    for (const k of used) expect(strings[k], k).toBeDefined();
  });
  it('_locales are generated from locales/strings.json', () => {
    expect(() => execFileSync('node', [path.join(root, 'scripts/locales.mjs'), '--check'])).not.toThrow();
  });
});
