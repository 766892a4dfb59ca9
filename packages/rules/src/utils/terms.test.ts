import { describe, expect, it } from 'vitest';
import { nonOverlapping, TermIndex, validateTerm } from './terms.js';

/** One list's leftmost-longest, non-overlapping matches, as the rules read a layer. */
const find = (terms: string[], text: string) => nonOverlapping(new TermIndex(terms.map((term) => ({ term, list: '', layer: 0 }))).find(text, 'all')[0]!);
const spans = (terms: string[], text: string) => find(terms, text).map((m) => m.text);

describe('TermIndex', () => {
  it('matches whole words only', () => {
    expect(spans(['off', 'free'], 'Visit our office; the freezer is free.')).toEqual(['free']);
  });
  it('prefers the longest term at a position', () => {
    const m = find(['free', 'free shipping'], 'Enjoy free shipping today');
    expect(m.map((x) => x.term)).toEqual(['free shipping']);
    expect(m[0]).toMatchObject({ start: 6, end: 19 });
  });
  it('handles inflection wildcards', () => {
    expect(spans(['скидк*'], 'Купите со скидкой 20%')).toEqual(['скидкой']);
    expect(spans(['scont*'], 'Sconti fino al 50%')).toEqual(['Sconti']);
    expect(spans(['*خصم'], 'احصل على الخصم الآن')).toEqual(['الخصم']);
  });
  it('matches numbers with #', () => {
    expect(spans(['#% off', '# % off'], 'Get 20% off or 15 % off, not 20%offer')).toEqual(['20% off', '15 % off']);
  });
  it('respects boundaries in Devanagari with combining marks', () => {
    expect(spans(['छूट'], 'आज 20% छूट पाएं')).toEqual(['छूट']);
    expect(spans(['ऑफ़र'], 'ऑफ़रों')).toEqual([]);
  });
  it('takes hyphens, slashes and dots literally', () => {
    expect(spans(['e-cigarette*', 'T.C. kimlik', 'pin-code', '24/7'], 'e-cigarettes, T.C. kimlik, pin-code, 24/7, TxC kimlik')).toEqual(['e-cigarettes', 'T.C. kimlik', 'pin-code', '24/7']);
  });
  it('is case-insensitive and tolerant of whitespace runs', () => {
    expect(spans(['buy now'], 'BUY\u00A0 NOW!')).toEqual(['BUY\u00A0 NOW']);
  });
  it('rejects malformed terms and stays fast on adversarial input', () => {
    expect(validateTerm('a**')).toBeDefined();
    expect(validateTerm('fo*o')).toBeDefined();
    const text = `${'a '.repeat(20000)}c`;
    // Catastrophic backtracking would hang here until the test timeout; a linear scan finds nothing.
    expect(find(['a* a* a* a* b'], text)).toEqual([]);
  });
});
