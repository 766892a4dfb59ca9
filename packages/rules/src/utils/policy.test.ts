import { describe, expect, it } from 'vitest';
import { validateTerm } from './terms.js';
import { clauses, lexiconFor, policyLexicon, POLICY_DATA, POLICY_LANGUAGES, POLICY_LISTS, scanLanguages, type PolicyList } from './policy.js';

describe('policy term lists', () => {
  it('has all eleven languages with every list', () => {
    expect([...POLICY_LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'id', 'it', 'pt', 'ru', 'tr']);
    for (const lang of POLICY_LANGUAGES) {
      for (const list of POLICY_LISTS) expect(POLICY_DATA[lang]!.lists[list]?.length, `${lang}.${list}`).toBeGreaterThan(0);
    }
  });
  it('has only valid, unique terms', () => {
    for (const lang of POLICY_LANGUAGES) {
      for (const [list, terms] of Object.entries(POLICY_DATA[lang]!.lists)) {
        for (const t of terms) expect(validateTerm(t), `${lang}.${list}: ${t}`).toBeUndefined();
        expect(new Set(terms).size, `${lang}.${list} has duplicates`).toBe(terms.length);
      }
    }
  });
  for (const lang of Object.keys(POLICY_DATA)) {
    describe(lang, () => {
      for (const ex of POLICY_DATA[lang]!.examples) {
        it(`${ex.list}: ${ex.text}`, () => {
          expect(POLICY_LISTS).toContain(ex.list);
          // An example tests its language's own list and exceptions.
          expect(lexiconFor([lang]).find(ex.list as PolicyList, ex.text).map((m) => m.text)).toEqual(ex.matches);
        });
      }
    });
  }
});

describe('scanLanguages', () => {
  it('scans the declared language plus English, or everything when unknown', () => {
    expect(scanLanguages('en')).toEqual(['en']);
    expect(scanLanguages('pt')).toEqual(['pt', 'en']);
    expect(scanLanguages(undefined)).toHaveLength(11);
  });
});

describe('acronyms and exceptions', () => {
  const lex = policyLexicon('en');
  it('matches acronym terms only in upper case', () => {
    expect(lex.find('sensitiveData', 'Send your PIN').map((m) => m.text)).toEqual(['your PIN']);
    expect(lex.find('sensitiveData', 'pin the spot, send a PIN').map((m) => m.text)).toEqual(['PIN']);
  });
  it('drops terms overlapped by an exception', () => {
    expect(lex.find('sensitiveData', 'Share your PIN code for delivery')).toEqual([]);
  });
});

describe('team terms', () => {
  const settings = { allowedDomains: [], shortenerDomains: [], brandedShortDomains: [], terms: { gambling: { en: ['tombola night'] }, allow: { en: ['casino royale'] } } };
  it('extends a list and silences allowed phrases', () => {
    const lex = policyLexicon('en', settings);
    expect(lex.find('gambling', 'Join our tombola night').map((m) => m.text)).toEqual(['tombola night']);
    expect(lex.find('gambling', 'Watch Casino Royale tonight')).toEqual([]);
    expect(lex.find('gambling', 'Visit the casino')).toHaveLength(1);
  });
  it('keeps built-in lexicons separate from team lexicons', () => {
    expect(policyLexicon('en').find('gambling', 'Join our tombola night')).toEqual([]);
  });
});

describe('clauses', () => {
  it('splits on sentence and clause punctuation, not inside numbers or kept spans', () => {
    const text = 'Pay 1.000,50 now, then reply. T.C. kimlik';
    const c = clauses(text, [{ start: text.indexOf('T.C.'), end: text.length }]);
    expect(c.at(0)).toBe(c.at(text.indexOf('now')));
    expect(c.at(text.indexOf('then'))).toBe(1);
    expect(c.at(text.indexOf('T.C.'))).toBe(2);
    expect(c.at(text.indexOf('kimlik'))).toBe(2);
  });
});
