import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchGlob } from '../src/index.js';

/** The regular-expression translation the matcher replaced: right on ordinary globs, but it backtracks. */
function regexReference(glob: string): RegExp {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) re += '|';
    else if (c === '*') {
      if (glob[i + 1] === '*') {
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^$()|\\\]{}[]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('matchGlob', () => {
  it('matches the usual patterns', () => {
    expect(matchGlob('**/*.json', 'templates/a/b.json')).toBe(true);
    expect(matchGlob('**/*.json', 'b.json')).toBe(true);
    expect(matchGlob('templates/*.json', 'templates/a/b.json')).toBe(false);
    expect(matchGlob('*.{json,yaml}', 'deep/dir/x.yaml')).toBe(true);
    expect(matchGlob('*.{json,yaml}', 'x.yml')).toBe(false);
    expect(matchGlob('drafts/**', 'drafts/2024/x.json')).toBe(true);
    expect(matchGlob('./drafts/**', 'drafts/x.json')).toBe(true);
    expect(matchGlob('order_?', 'order_1')).toBe(true);
    expect(matchGlob('order_[0-9]', 'order_7')).toBe(true);
    expect(matchGlob('order_[!0-9]', 'order_7')).toBe(false);
    expect(matchGlob('promo_{spring,{summer,winter}_sale}', 'promo_winter_sale')).toBe(true);
    expect(matchGlob('{unclosed', '{unclosed')).toBe(true);
    expect(matchGlob('a.b', 'axb')).toBe(false);
  });

  it('agrees with the regular-expression translation on random globs and paths', () => {
    const globPiece = fc.constantFrom('*', '**', '**/', '?', 'a', 'b', '/', '.', 'a*', '*/', '{a,b}', '{,a/}', '{*,b{a,}}');
    const pathPiece = fc.constantFrom('a', 'b', '/', '.', 'ab', 'x');
    fc.assert(
      fc.property(fc.array(globPiece, { maxLength: 6 }), fc.array(pathPiece, { maxLength: 10 }), (g, p) => {
        const glob = `x${g.join('')}`;
        const path = `x${p.join('')}`;
        // Only globs with a "/" are matched against the whole path (the others against the base name).
        const subject = glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
        expect(matchGlob(glob, path)).toBe(regexReference(glob).test(subject));
      }),
      { numRuns: 5000 },
    );
  });

  it('stays fast on patterns that make a backtracking matcher explode', () => {
    // Each of these takes minutes or more with the regular-expression translation; the test timeout guards them.
    const long = 'a'.repeat(5000);
    expect(matchGlob(`${'*a'.repeat(30)}*b`, long)).toBe(false);
    expect(matchGlob(`${'**/'.repeat(30)}x`, `${'d/'.repeat(2000)}y`)).toBe(false);
    expect(matchGlob(`${'**'.repeat(20)}b`, `${'a/'.repeat(2000)}c`)).toBe(false);
    expect(matchGlob('{a,b}'.repeat(20), 'ab'.repeat(10))).toBe(true);
    expect(matchGlob('{a,b}'.repeat(20), 'ab'.repeat(10) + 'c')).toBe(false);
  });
});
