/**
 * Content-policy term lists (shared-rules/policy/<lang>.json) and the scanning helpers the policy rules
 * share: which languages to scan, which fields, how a text splits into clauses, and how the team's
 * config extends (`business.terms[<list>][<lang>]`) or silences (`business.terms.allow[<lang>]`) a list.
 *
 * Everything is compiled once: lists merge per language set and go through `termMatcher`, which caches
 * the regex; a rule call only runs matchers.
 */
import type { BusinessSettings, StringNode, Template, TextField, TextFieldKind } from '@greenlight/core';
import { textFields } from '@greenlight/core';
import ar from '@greenlight/shared-rules/policy/ar.json' with { type: 'json' };
import de from '@greenlight/shared-rules/policy/de.json' with { type: 'json' };
import en from '@greenlight/shared-rules/policy/en.json' with { type: 'json' };
import es from '@greenlight/shared-rules/policy/es.json' with { type: 'json' };
import fr from '@greenlight/shared-rules/policy/fr.json' with { type: 'json' };
import hi from '@greenlight/shared-rules/policy/hi.json' with { type: 'json' };
import id from '@greenlight/shared-rules/policy/id.json' with { type: 'json' };
import it from '@greenlight/shared-rules/policy/it.json' with { type: 'json' };
import pt from '@greenlight/shared-rules/policy/pt.json' with { type: 'json' };
import ru from '@greenlight/shared-rules/policy/ru.json' with { type: 'json' };
import tr from '@greenlight/shared-rules/policy/tr.json' with { type: 'json' };
import { termMatcher, type TermMatch, type TermMatcher } from './terms.js';

export const COMMERCE_CATEGORIES = ['alcohol', 'tobacco', 'weapons', 'drugs', 'gambling', 'adult', 'dating', 'predatoryLending', 'crypto', 'mlm'] as const;
export type CommerceCategory = (typeof COMMERCE_CATEGORIES)[number];

export const POLICY_LISTS = [
  // forbidden-request
  'sensitiveData',
  'requestVerbs',
  'negations',
  'partialMarkers',
  // every rule: harmless phrases that contain a listed word ("PIN code" is a postal code in India)
  'exceptions',
  ...COMMERCE_CATEGORIES,
  // abusive-content
  'threats',
  'threatActions',
  'threatTargets',
  'abusive',
  // forward-to-groups
  'forwardChain',
  'rewards',
  // app-store-rating
  'appRating',
  'appRatingDirect',
  'appStores',
] as const;
export type PolicyList = (typeof POLICY_LISTS)[number];

export interface PolicyExample {
  list: string;
  text: string;
  matches: string[];
}

export interface PolicyData {
  language: string;
  name: string;
  lists: Partial<Record<PolicyList, string[]>>;
  examples: PolicyExample[];
}

/** Built-in lists by language code. */
export const POLICY_DATA: Readonly<Record<string, PolicyData>> = Object.fromEntries(
  [en, es, pt, it, de, fr, ru, id, tr, ar, hi].map((d) => [d.language, d as unknown as PolicyData]),
);
export const POLICY_LANGUAGES: readonly string[] = Object.keys(POLICY_DATA);

/**
 * The languages to scan: the template's own plus English (brand and product words are often English),
 * or every language we have lists for when the template declares none. A declared language without
 * built-in lists still gets the team's lists for it.
 */
export function scanLanguages(languageCode: string | undefined): string[] {
  if (!languageCode) return [...POLICY_LANGUAGES];
  return languageCode === 'en' ? ['en'] : [languageCode, 'en'];
}

/** Acronym terms ("PIN", "ICO", "TAN") only match upper-case text: "pin the location" is not a PIN. */
const isAcronym = (term: string) => term === term.toUpperCase() && term !== term.toLowerCase();

export interface PolicyMatch extends TermMatch {
  list: PolicyList;
}

export interface Lexicon {
  languages: string[];
  find(list: PolicyList, text: string): PolicyMatch[];
  /** One pass for several lists; a match names the first list (in `lists` order) holding its term. */
  findAny(lists: readonly PolicyList[], text: string): PolicyMatch[];
}

function teamTerms(settings: BusinessSettings | undefined, list: string, languages: string[]): string[] {
  const byLang = settings?.terms?.[list];
  if (!byLang) return [];
  return languages.flatMap((l) => byLang[l] ?? []);
}

class PolicyLexicon implements Lexicon {
  private readonly lists = new Map<PolicyList, string[]>();
  private readonly allow: string[];
  private readonly matchers = new Map<string, TermMatcher>();

  constructor(
    readonly languages: string[],
    settings: BusinessSettings | undefined,
  ) {
    for (const list of POLICY_LISTS) {
      const builtIn = languages.flatMap((l) => POLICY_DATA[l]?.lists[list] ?? []);
      this.lists.set(list, [...builtIn, ...teamTerms(settings, list, languages)]);
    }
    this.allow = [...(this.lists.get('exceptions') ?? []), ...teamTerms(settings, 'allow', languages)];
  }

  /** Compiled on first use and kept with the lexicon, so a call never rebuilds a regex or its cache key. */
  private matcher(name: string, terms: string[]): TermMatcher {
    let m = this.matchers.get(name);
    if (!m) this.matchers.set(name, (m = termMatcher(terms)));
    return m;
  }

  find(list: PolicyList, text: string): PolicyMatch[] {
    const terms = this.lists.get(list);
    if (!terms?.length || !text) return [];
    return this.filter(this.matcher(list, terms).find(text), text, () => list, list !== 'exceptions');
  }

  private readonly owners = new Map<string, Map<string, PolicyList>>();

  findAny(lists: readonly PolicyList[], text: string): PolicyMatch[] {
    if (lists.length === 1) return this.find(lists[0]!, text);
    if (!text) return [];
    const name = lists.join('+');
    let owner = this.owners.get(name);
    if (!owner) {
      owner = new Map();
      for (const list of lists) for (const t of this.lists.get(list) ?? []) if (!owner.has(t.trim())) owner.set(t.trim(), list);
      this.owners.set(name, owner);
    }
    // V8 runs a regex of a few hundred alternatives fastest; past that, one per list wins (every-language scans).
    if (owner.size > 800) return lists.flatMap((l) => this.find(l, text)).sort((a, b) => a.start - b.start);
    const found = this.matcher(name, [...owner.keys()]).find(text);
    return this.filter(found, text, (term) => owner.get(term)!, !lists.includes('exceptions'));
  }

  private filter(found: TermMatch[], text: string, listOf: (term: string) => PolicyList, applyAllow: boolean): PolicyMatch[] {
    if (!found.length) return [];
    const allowed = !applyAllow || !this.allow.length ? [] : this.matcher('\u0000allow', this.allow).find(text);
    const out: PolicyMatch[] = [];
    for (const m of found) {
      if (isAcronym(m.term) && m.text !== m.text.toUpperCase()) continue;
      // An exception silences every listed term it overlaps: "PIN code" (a postal code) silences "your PIN".
      if (allowed.some((a) => a.start < m.end && m.start < a.end)) continue;
      out.push({ ...m, list: listOf(m.term) });
    }
    return out;
  }
}

const defaultLexicons = new Map<string, Lexicon>();
const teamLexicons = new WeakMap<object, Map<string, Lexicon>>();

/** The lexicon for a template: built-in lists of its scan languages plus the team's, cached. */
export function policyLexicon(languageCode: string | undefined, settings?: BusinessSettings): Lexicon {
  const languages = scanLanguages(languageCode);
  const key = languages.join(',');
  const terms = settings?.terms;
  const hasTeamTerms = !!terms && Object.keys(terms).length > 0;
  let cache = defaultLexicons;
  if (hasTeamTerms) {
    cache = teamLexicons.get(terms) ?? new Map();
    teamLexicons.set(terms, cache);
  }
  let lex = cache.get(key);
  if (!lex) {
    lex = new PolicyLexicon(languages, hasTeamTerms ? settings : undefined);
    cache.set(key, lex);
  }
  return lex;
}

/** The built-in lists of exactly these languages (for tests and tools). */
export function lexiconFor(languages: string[]): Lexicon {
  return new PolicyLexicon(languages, undefined);
}

/** Fields whose words reach the user: header, body, footer, button labels and carousel cards, never URLs or phone numbers. */
const SCANNED: ReadonlySet<TextFieldKind> = new Set(['header', 'body', 'footer', 'button-text', 'card-body', 'card-header']);

export function policyFields(t: Template): TextField[] {
  return textFields(t).filter((f) => SCANNED.has(f.kind));
}

/**
 * Clause boundaries: line breaks and sentence or clause punctuation. A period, comma or Arabic comma
 * ends a clause only before whitespace or the end, so "1.000", "8,000" and "T.C." inside a term stay whole.
 */
const BOUNDARY = /[\n!?;¡¿\u061F\u061B\u0964\u0965\u3002\u2026]|[.,\u060C](?=\s|$)/gu;

export interface Clauses {
  /** The clause index of an offset. */
  at(offset: number): number;
}

/**
 * Splits `text` into clauses. Boundaries inside `keep` spans (matched terms such as "T.C. kimlik
 * numarası") are ignored. A colon introduces what follows ("send the following: your PIN"), so it only
 * splits when followed by a line break, which the newline rule already covers.
 */
export function clauses(text: string, keep: readonly { start: number; end: number }[] = []): Clauses {
  const cuts: number[] = [];
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text))) {
    const at = m.index;
    if (keep.some((k) => k.start <= at && at < k.end)) continue;
    cuts.push(at);
  }
  return {
    at(offset: number) {
      // Cuts are sorted: binary search for how many lie before the offset.
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cuts[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

export interface FieldMatch extends PolicyMatch {
  field: TextField;
  node: StringNode;
}

/** Every match of some lists in the scanned fields of a template, field by field, in text order. */
export function findInTemplate(lex: Lexicon, t: Template, lists: readonly PolicyList[]): FieldMatch[] {
  const out: FieldMatch[] = [];
  for (const field of policyFields(t)) {
    for (const m of lex.findAny(lists, field.node.value)) out.push({ ...m, field, node: field.node });
  }
  return out;
}
