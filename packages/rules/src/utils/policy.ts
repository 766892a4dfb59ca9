/**
 * Content-policy term lists (shared-rules/policy/<lang>.json) and the scanning helpers the policy rules
 * share: which languages to scan, which fields, how a text splits into clauses, and how the team's
 * config extends (`business.terms[<list>][<lang>]`) or silences (`business.terms.allow[<lang>]`) a list.
 *
 * Everything is compiled once: the lists of a language set (and the team's terms) go into one
 * `TermIndex`, a layer per list, and each field text is scanned once for all the policy rules.
 */
import type { BusinessSettings, StringNode, Template, TextField, TextFieldKind } from '@greenlight/core';
import { Recent, textFields } from '@greenlight/core';
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
import { nonOverlapping, TermIndex, type IndexEntry, type TermMatch } from './terms.js';

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

const LAYER = new Map<PolicyList, number>(POLICY_LISTS.map((l, i) => [l, i]));
/** Exceptions and the team's `allow` terms: harmless phrases that silence what they overlap. */
const ALLOW_LAYER = POLICY_LISTS.length;
const LAYER_NAMES: readonly PolicyList[] = [...POLICY_LISTS, 'exceptions'];

/** Per text: each list's leftmost-longest, non-overlapping matches, and the results handed out. */
interface Scan {
  layers: PolicyMatch[][];
  results: Map<string, PolicyMatch[]>;
}

class PolicyLexicon implements Lexicon {
  /** Every list in one trie, a layer each, so a text is read once for all the policy rules. */
  private readonly index: TermIndex;
  private readonly scans = new Recent<string, Scan>();

  constructor(
    readonly languages: string[],
    settings: BusinessSettings | undefined,
  ) {
    const entries: IndexEntry[] = [];
    for (const list of POLICY_LISTS) {
      const layer = LAYER.get(list)!;
      for (const term of [...languages.flatMap((l) => POLICY_DATA[l]?.lists[list] ?? []), ...teamTerms(settings, list, languages)]) {
        entries.push({ term, list, layer });
        if (list === 'exceptions') entries.push({ term, list: 'allow', layer: ALLOW_LAYER });
      }
    }
    for (const term of teamTerms(settings, 'allow', languages)) entries.push({ term, list: 'allow', layer: ALLOW_LAYER });
    // Acronym terms ("PIN", "ICO", "TAN") only match upper-case text: "pin the location" is not a PIN.
    // Accents count, as the lists were written: Turkish "gün" (day) is not the English "gun".
    this.index = new TermIndex(entries, ALLOW_LAYER + 1, { acronyms: true, accents: 'exact', layerNames: LAYER_NAMES });
  }

  /** The scan of a text, kept while the rules of one template ask about the same fields. */
  private scan(text: string): Scan {
    // Matches come labelled with their layer's list (the allow layer as "exceptions").
    return this.scans.get(text, (t) => ({
      layers: this.index.find(t, 'all').map((found) => (found.length ? (nonOverlapping(found) as PolicyMatch[]) : (found as PolicyMatch[]))),
      results: new Map(),
    }));
  }

  find(list: PolicyList, text: string): PolicyMatch[] {
    if (!text) return [];
    // One list is keyed by its own name (what `findAny` would join it to): no array, no join.
    return this.resolve(this.scan(text), list, list);
  }

  findAny(lists: readonly PolicyList[], text: string): PolicyMatch[] {
    if (!text || !lists.length) return [];
    if (lists.length === 1) return this.find(lists[0]!, text);
    return this.resolve(this.scan(text), lists.join('+'), lists);
  }

  private resolve(scan: Scan, key: string, lists: PolicyList | readonly PolicyList[]): PolicyMatch[] {
    const cached = scan.results.get(key);
    // A copy, so a caller that sorts or edits its result cannot change another rule's.
    if (cached) return cached.slice();
    let found: PolicyMatch[];
    if (typeof lists === 'string') found = scan.layers[LAYER.get(lists)!]!;
    else {
      // As one list: leftmost first, then the longest, then the first list named; no overlaps.
      const rank = (l: PolicyList) => lists.indexOf(l);
      const all = lists.flatMap((l) => scan.layers[LAYER.get(l)!]!);
      all.sort((a, b) => a.start - b.start || b.end - a.end || rank(a.list) - rank(b.list));
      found = nonOverlapping(all);
    }
    // An exception silences every listed term it overlaps: "PIN code" (a postal code) silences "your PIN".
    const allowed = (typeof lists === 'string' ? lists === 'exceptions' : lists.includes('exceptions')) ? [] : scan.layers[ALLOW_LAYER]!;
    // `found` is a scan layer or a fresh list; neither is handed out, only copies of it.
    const out = allowed.length ? found.filter((m) => !allowed.some((a) => a.start < m.end && m.start < a.end)) : found;
    scan.results.set(key, out);
    return out.slice();
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
