/**
 * The built-in term lists (shared-rules/terms/<lang>.json), their schema, and the per-language
 * bundles the category and opt-out rules scan with. A bundle merges the template language's lists,
 * English (marketing English turns up in every language), any extra languages asked for, and the
 * team's `business.terms`; it is compiled once into a `TermIndex` and cached.
 */
import type { BusinessSettings } from '@greenlight/core';
import { z } from 'zod';
import ar from '@greenlight/shared-rules/terms/ar.json' with { type: 'json' };
import de from '@greenlight/shared-rules/terms/de.json' with { type: 'json' };
import en from '@greenlight/shared-rules/terms/en.json' with { type: 'json' };
import es from '@greenlight/shared-rules/terms/es.json' with { type: 'json' };
import fr from '@greenlight/shared-rules/terms/fr.json' with { type: 'json' };
import hiLatn from '@greenlight/shared-rules/terms/hi-Latn.json' with { type: 'json' };
import hi from '@greenlight/shared-rules/terms/hi.json' with { type: 'json' };
import id from '@greenlight/shared-rules/terms/id.json' with { type: 'json' };
import it from '@greenlight/shared-rules/terms/it.json' with { type: 'json' };
import pt from '@greenlight/shared-rules/terms/pt.json' with { type: 'json' };
import ru from '@greenlight/shared-rules/terms/ru.json' with { type: 'json' };
import tr from '@greenlight/shared-rules/terms/tr.json' with { type: 'json' };
import { TermIndex, validateTerm, type IndexEntry } from './terms.js';

const Term = z
  .string()
  .min(1)
  .max(200)
  .superRefine((t, ctx) => {
    const problem = validateTerm(t);
    if (problem) ctx.addIssue({ code: 'custom', message: `Term "${t}" ${problem}.` });
  });

export const TermFileSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?$/)
      .describe('BCP 47 primary language subtag, optionally with a script ("hi-Latn" for Hindi written in Latin letters).'),
    name: z.string().min(1).describe('English name of the language.'),
    lists: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.array(Term))
      .describe('List name → words or phrases. A trailing * matches inflected endings, a leading * short prefixes (Arabic al-/wa-/bi-/li-), # a number.'),
    phrases: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.string().min(1).max(60))
      .optional()
      .describe('Fixed texts in this language that rules insert, e.g. optOutFooter and optOutButton.'),
    examples: z
      .array(
        z
          .object({
            list: z.string(),
            text: z.string().min(1),
            matches: z.array(z.string()).describe('Exactly the texts the list matches in `text`, in order of position; overlapping matches count as one span.'),
            note: z.string().optional(),
          })
          .strict(),
      )
      .describe('Run as tests: every example must match exactly as stated.'),
  })
  .strict()
  .superRefine((f, ctx) => {
    f.examples.forEach((ex, i) => {
      if (!(ex.list in f.lists)) ctx.addIssue({ code: 'custom', path: ['examples', i, 'list'], message: `Unknown list "${ex.list}".` });
    });
  });
export type TermFile = z.output<typeof TermFileSchema>;

/** Every built-in term file, validated at load: a broken data file fails loudly in tests and CI. */
export const TERM_FILES: readonly TermFile[] = [en, es, pt, it, de, fr, ru, id, tr, ar, hi, hiLatn].map((raw) => {
  const r = TermFileSchema.safeParse(raw);
  if (!r.success) throw new Error(`shared-rules/terms/${(raw as { language?: string }).language ?? '?'}.json: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
});

const BY_LANGUAGE = new Map(TERM_FILES.map((f) => [f.language, f]));

export const termFile = (language: string): TermFile | undefined => BY_LANGUAGE.get(language);

/**
 * Lists the rules of this file understand, by scan layer. Matches of one layer never hide those of
 * another, so "order now" (a call to buy) and "your order" (transactional context) both count.
 */
export const SIGNAL_LISTS = [
  'discount',
  'coupon',
  'buyNow',
  'promotional',
  'newProducts',
  'upsell',
  'renewal',
  'reengagement',
  'greeting',
  'appPromo',
  'free',
  'urgency',
  'loyalty',
  'weakPromotional',
  'survey',
  'otp',
  'otpHint',
] as const;
export const CONTEXT_LISTS = ['transactional', 'essential', 'applied'] as const;
export const OPT_OUT_LISTS = ['optOut', 'optOutButton', 'optOutLabel'] as const;
/** Phrases that look like signals but are not ("feel free", "point of sale"); `allow` is the team's own. */
export const MASK_LISTS = ['neutral', 'allow'] as const;

/**
 * Each list is scanned as its own layer: within a list the leftmost-longest match wins, but lists
 * never hide each other, so "order now" (a call to buy) and "your order" (context) both count, and
 * a weak phrase never swallows a strong word inside it. The classifier resolves overlaps by weight.
 */
const LAYER_LISTS: readonly string[] = [...SIGNAL_LISTS, ...CONTEXT_LISTS, ...OPT_OUT_LISTS, 'mask'];
const LAYER_OF = new Map<string, number>(LAYER_LISTS.map((l, i) => [l, i] as const));
const MASK_LAYER = LAYER_OF.get('mask')!;
for (const m of MASK_LISTS) LAYER_OF.set(m, MASK_LAYER);
const SIGNAL_SET = new Set<string>(SIGNAL_LISTS);
const CONTEXT_SET = new Set<string>(CONTEXT_LISTS);

/** A match of one list. */
export interface ListMatch {
  start: number;
  end: number;
  text: string;
  term: string;
  list: string;
}

/** Which term languages apply to a template language: itself, English, and Hinglish for Hindi and English. */
export function bundleLanguages(language: string | undefined, extra: readonly string[] = []): string[] {
  const out: string[] = [];
  const add = (l: string | undefined) => {
    if (l && BY_LANGUAGE.has(l) && !out.includes(l)) out.push(l);
  };
  add(language);
  if (language === 'hi') add('hi-Latn');
  for (const l of extra) add(l);
  add('en');
  if (language === 'en' || language === undefined) add('hi-Latn');
  return out;
}

export interface TermBundle {
  languages: string[];
  index: TermIndex;
  /** Scans a text: matches by layer, with masked signal matches already removed. */
  scan(text: string): ScanResult;
}

export interface ScanResult {
  /** Promotional and OTP signals, with those overlapping a neutral or allowed phrase removed. */
  signals: ListMatch[];
  context: ListMatch[];
  optOut: ListMatch[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function makeBundle(languages: string[], teamTerms: BusinessSettings['terms'] | undefined): TermBundle {
  const entries: IndexEntry[] = [];
  const push = (list: string, terms: readonly string[] | undefined) => {
    const layer = LAYER_OF.get(list);
    if (layer === undefined || !terms) return;
    for (const term of terms) entries.push({ term, list, layer });
  };
  for (const lang of languages) {
    const f = BY_LANGUAGE.get(lang)!;
    for (const [list, terms] of Object.entries(f.lists)) push(list, terms);
  }
  if (teamTerms) {
    for (const [list, byLang] of Object.entries(teamTerms)) {
      for (const [lang, terms] of Object.entries(byLang)) {
        // A team list applies to its language (primary subtag or full tag), or to all with "*".
        const primary = lang.toLowerCase().split(/[-_]/)[0]!;
        if (lang === '*' || languages.includes(lang) || languages.includes(primary)) push(list, terms);
      }
    }
  }
  // Matches come labelled with their layer's list, so they are handed on as they are.
  const index = new TermIndex(entries, LAYER_LISTS.length, { layerNames: LAYER_LISTS });
  return {
    languages,
    index,
    scan(text) {
      const layers = index.find(text);
      const masks = layers[MASK_LAYER] ?? [];
      const out: ScanResult = { signals: [], context: [], optOut: [] };
      layers.forEach((matches, layer) => {
        if (layer === MASK_LAYER || matches.length === 0) return;
        const list = LAYER_LISTS[layer]!;
        const target = SIGNAL_SET.has(list) ? out.signals : CONTEXT_SET.has(list) ? out.context : out.optOut;
        for (const m of matches) {
          if (target === out.signals && masks.some((k) => overlaps(k, m))) continue;
          target.push(m);
        }
      });
      if (out.signals.length > 1) out.signals.sort((a, b) => a.start - b.start || b.end - a.end);
      return out;
    },
  };
}

/** Joins overlapping matches into one span per run (as the rules show them), in text order. */
export function mergeOverlaps<T extends { start: number; end: number }>(matches: readonly T[], text: string): { start: number; end: number; text: string }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end > last.end) {
        last.end = m.end;
        last.text = text.slice(last.start, last.end);
      }
    } else out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  }
  return out;
}

const builtinBundles = new Map<string, TermBundle>();
const teamBundles = new WeakMap<object, Map<string, TermBundle>>();
const teamBundlesByText = new Map<string, Map<string, TermBundle>>();

/** The compiled bundle for these languages and the team's extra terms (cached; compiled on first use). */
export function termBundle(languages: string[], settings?: Pick<BusinessSettings, 'terms'>): TermBundle {
  const key = languages.join(',');
  const terms = settings?.terms;
  if (!terms || Object.keys(terms).length === 0) {
    let b = builtinBundles.get(key);
    if (!b) builtinBundles.set(key, (b = makeBundle(languages, undefined)));
    return b;
  }
  let perTerms = teamBundles.get(terms);
  if (!perTerms) {
    // Config objects may be rebuilt for each file; fall back to the terms' text before recompiling.
    const text = JSON.stringify(terms);
    perTerms = teamBundlesByText.get(text);
    if (!perTerms) {
      if (teamBundlesByText.size > 50) teamBundlesByText.clear();
      teamBundlesByText.set(text, (perTerms = new Map()));
    }
    teamBundles.set(terms, perTerms);
  }
  let b = perTerms.get(key);
  if (!b) perTerms.set(key, (b = makeBundle(languages, terms)));
  return b;
}

/** A fixed text of a language (opt-out footer, button label), falling back to English. */
export function phrase(language: string | undefined, name: string): { language: string; text: string } {
  const own = language ? BY_LANGUAGE.get(language)?.phrases?.[name] : undefined;
  if (own) return { language: language!, text: own };
  return { language: 'en', text: BY_LANGUAGE.get('en')!.phrases![name]! };
}
