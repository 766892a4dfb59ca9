import { normalizeLabel } from './vocabulary';

/** Meta's template language codes (meta-template-rules §11). */
export const TEMPLATE_LANGUAGES = (
  'af sq ar ar_EG ar_AE ar_LB ar_MA ar_QA az be_BY bn bn_IN bg ca zh_CN zh_HK zh_TW hr cs da prs_AF nl nl_BE en en_GB en_US en_AE ' +
  'en_AU en_CA en_GH en_IE en_IN en_JM en_MY en_NZ en_QA en_SG en_UG en_ZA et fil fi fr fr_BE fr_CA fr_CH fr_CI fr_MA ka de de_AT ' +
  'de_CH el gu ha he hi hu id ga it ja kn kk rw_RW ko ky_KG lo lv lt mk ms ml mr nb ps_AF fa pl pt_BR pt_PT pa ro ru sr si_LK sk ' +
  'sl es es_AR es_CL es_CO es_CR es_DO es_EC es_HN es_MX es_PA es_PE es_ES es_UY sw sv ta te th tr uk ur uz vi zu'
).split(' ');
const KNOWN = new Set(TEMPLATE_LANGUAGES);
const UI_LOCALES = ['en', 'it', 'pt', 'es', 'ru', 'de', 'fr'];
const REGION_ALIASES: Record<string, string> = { UK: 'GB', UAE: 'AE', USA: 'US', MEX: 'MX', POR: 'PT', BRA: 'BR', ARG: 'AR', SPA: 'ES' };

let languageNames: Map<string, string> | undefined;
let regionNames: Map<string, string> | undefined;

function buildMaps(extraLocale: string | undefined) {
  languageNames = new Map();
  regionNames = new Map();
  const locales = extraLocale ? [extraLocale, ...UI_LOCALES] : UI_LOCALES;
  const bases = new Set(TEMPLATE_LANGUAGES.map((c) => c.split('_')[0]!));
  const regions = new Set(TEMPLATE_LANGUAGES.map((c) => c.split('_')[1]).filter((r): r is string => !!r));
  for (const loc of locales) {
    let ln: Intl.DisplayNames, rn: Intl.DisplayNames;
    try {
      ln = new Intl.DisplayNames([loc], { type: 'language' });
      rn = new Intl.DisplayNames([loc], { type: 'region' });
    } catch {
      continue;
    }
    for (const b of bases) {
      const name = ln.of(b);
      if (name && !languageNames.has(normalizeLabel(name))) languageNames.set(normalizeLabel(name), b);
    }
    for (const r of regions) {
      const name = rn.of(r);
      if (name && !regionNames.has(normalizeLabel(name))) regionNames.set(normalizeLabel(name), r);
    }
  }
}

/**
 * Turns what a language picker shows ("Portuguese (BR)", "Italiano", "en_US", "Español (México)")
 * into Meta's code, or undefined when it is not a language.
 */
export function languageCodeFromLabel(label: string, pageLocale?: string): string | undefined {
  const s = label.trim();
  if (!s) return undefined;
  const code = /^([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}))?$/.exec(s);
  if (code) {
    const c = code[2] ? `${code[1]!.toLowerCase()}_${code[2].toUpperCase()}` : code[1]!.toLowerCase();
    if (KNOWN.has(c) || KNOWN.has(c.split('_')[0]!)) return c;
  }
  if (!languageNames) buildMaps(pageLocale);
  const m = /^([^()]+?)\s*(?:\(([^()]{1,40})\))?\s*$/.exec(s);
  if (!m) return undefined;
  const base = languageNames!.get(normalizeLabel(m[1]!));
  if (!base) return undefined;
  if (!m[2]) return KNOWN.has(base) ? base : TEMPLATE_LANGUAGES.find((c) => c.startsWith(`${base}_`)) ?? base;
  const rawRegion = m[2].trim();
  let region: string | undefined = /^[A-Za-z]{2,3}$/.test(rawRegion) ? REGION_ALIASES[rawRegion.toUpperCase()] ?? rawRegion.toUpperCase() : undefined;
  if (!region || region.length !== 2) region = regionNames!.get(normalizeLabel(rawRegion)) ?? region;
  const full = region ? `${base}_${region}` : base;
  if (KNOWN.has(full)) return full;
  return KNOWN.has(base) ? base : full;
}
