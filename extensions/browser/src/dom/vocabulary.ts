import type { FieldKind, HeaderType, SiteDefinition } from '../sites/types';

// Every discovery pass looks at the same label texts several times (kind, samples, preview).
const normalized = new Map<string, string>();

/** Lower-case, strip accents and punctuation, collapse spaces: "Piè di pagina:" -> "pie di pagina". */
export function normalizeLabel(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    n = s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Label texts of one page are few; a page that keeps changing them cannot grow this unbounded.
    if (normalized.size >= 4000) normalized.clear();
    normalized.set(s, n);
  }
  return n;
}

export interface Vocabulary {
  /** Finds the field kind a label names; the longest phrase found wins. */
  classify(label: string): { kind: FieldKind; length: number } | undefined;
  category(label: string): 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | undefined;
  buttonType(label: string): 'URL' | 'PHONE_NUMBER' | 'QUICK_REPLY' | 'COPY_CODE' | undefined;
  headerType(label: string): HeaderType | undefined;
  has(kind: FieldKind, label: string): boolean;
  /** The text names the editor's preview pane. */
  isPreview(label: string): boolean;
  /** The text names something that is never a template field (a search box). */
  isIgnored(label: string): boolean;
}

type Entry<K> = { words: string; key: K };

function compile<K>(table: Partial<Record<string, string[]>>): Entry<K>[] {
  const out: Entry<K>[] = [];
  for (const [key, list] of Object.entries(table)) for (const w of list ?? []) {
    const words = normalizeLabel(w);
    if (words) out.push({ words, key: key as K });
  }
  // Longest phrase first, so "button text" beats "text" and "template name" beats "name".
  return out.sort((a, b) => b.words.length - a.words.length);
}

/** Whole-word containment on normalized text (both sides padded with spaces). */
function contains(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

function first<K>(entries: Entry<K>[], label: string): Entry<K> | undefined {
  const n = normalizeLabel(label);
  if (!n) return undefined;
  for (const e of entries) if (contains(n, e.words)) return e;
  return undefined;
}

export function buildVocabulary(sites: SiteDefinition[]): Vocabulary {
  const labels: Partial<Record<string, string[]>> = {};
  const cats: Partial<Record<string, string[]>> = {};
  const types: Partial<Record<string, string[]>> = {};
  const headerTypes: Partial<Record<string, string[]>> = {};
  const previews: string[] = [];
  const ignore: string[] = [];
  for (const s of sites) {
    previews.push(...(s.previews ?? []));
    ignore.push(...(s.ignore ?? []));
    for (const [k, v] of Object.entries(s.labels)) labels[k] = [...(labels[k] ?? []), ...(v ?? [])];
    for (const [k, v] of Object.entries(s.categories)) cats[k] = [...(cats[k] ?? []), ...(v ?? [])];
    for (const [k, v] of Object.entries(s.buttonTypes ?? {})) types[k] = [...(types[k] ?? []), ...(v ?? [])];
    for (const [k, v] of Object.entries(s.headerTypes ?? {})) headerTypes[k] = [...(headerTypes[k] ?? []), ...(v ?? [])];
  }
  const labelEntries = compile<FieldKind>(labels);
  const byKind = new Map<FieldKind, Entry<FieldKind>[]>();
  for (const e of labelEntries) byKind.set(e.key, [...(byKind.get(e.key) ?? []), e]);
  const catEntries = compile<'MARKETING' | 'UTILITY' | 'AUTHENTICATION'>(cats);
  const typeEntries = compile<'URL' | 'PHONE_NUMBER' | 'QUICK_REPLY' | 'COPY_CODE'>(types);
  const headerTypeEntries = compile<HeaderType>(headerTypes);
  const previewEntries = compile<'preview'>({ preview: previews });
  const ignoreEntries = compile<'ignore'>({ ignore });
  return {
    classify(label) {
      const e = first(labelEntries, label);
      return e ? { kind: e.key, length: e.words.length } : undefined;
    },
    category: (label) => first(catEntries, label)?.key,
    buttonType: (label) => first(typeEntries, label)?.key,
    headerType: (label) => first(headerTypeEntries, label)?.key,
    has: (kind, label) => !!first(byKind.get(kind) ?? [], label),
    isPreview: (label) => !!first(previewEntries, label),
    isIgnored: (label) => !!first(ignoreEntries, label),
  };
}
