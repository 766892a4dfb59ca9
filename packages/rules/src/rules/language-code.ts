import { defineRule } from '@greenlight/core';
import data from '@greenlight/shared-rules/languages.json' with { type: 'json' };
import { SOURCES } from '../utils/sources.js';

interface Language {
  code: string;
  name: string;
}

const LANGUAGES: readonly Language[] = (data as { languages: Language[] }).languages;
const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));

/** `en-us`, `EN_us`, ` pt-BR ` → `en_US`, `pt_BR`: language lower case, region upper case, underscore. */
function normaliseCode(value: string): string {
  const parts = value.trim().split(/[-_\s]+/);
  const [lang = '', region] = parts;
  return region ? `${lang.toLowerCase()}_${region.length === 2 ? region.toUpperCase() : region}` : lang.toLowerCase();
}

/** Codes for a language written by name: `english` → en, `Portuguese` → pt_BR and pt_PT. */
function byName(value: string): Language[] {
  const v = value.trim().toLowerCase();
  if (v.length < 3) return [];
  const exact = LANGUAGES.filter((l) => l.name.toLowerCase() === v);
  if (exact.length) return exact;
  return LANGUAGES.filter((l) => l.name.toLowerCase().startsWith(`${v} (`));
}

const describe = (l: Language) => `${l.code} (${l.name})`;

export default defineRule({
  id: 'language-code',
  description: 'The template `language` is one of the codes Meta supports, written exactly as Meta writes it (`en_US`, `pt_BR`).',
  rationale:
    'Meta identifies a template by name and language code, and accepts only codes from its list of supported languages, case-sensitive and with an underscore: `en_US`, not `en-US`, `en_us` or `English`. Some languages exist only with a region (`pt_BR`, `pt_PT`, `zh_CN`). The list is data in shared-rules/languages.json.',
  severity: 'error',
  family: 'structure',
  tags: ['language'],
  evidence: { level: 'meta', sources: [SOURCES.S21, SOURCES.B17] },
  fixable: 'fix',
  recommended: true,
  messages: {
    empty: 'The template language is empty; use a code such as en_US.',
    format: '"{value}" is written "{code}" ({name}): language in lower case, region in upper case, joined by "_".',
    name: '"{value}" is a language name; use the code "{code}".',
    needsRegion: '"{value}" is only supported with a region: {options}.',
    unsupportedRegion: '"{value}" is not a supported code; {language} is supported as {options}.',
    unknown: '"{value}" is not a language code Meta supports for templates.',
  },
  check(t, ctx) {
    const node = t.language;
    if (!node) return;
    const value = node.value;
    if (BY_CODE.has(value)) return;
    if (value.trim() === '') {
      ctx.report({ messageId: 'empty', node });
      return;
    }
    const suggestions = (langs: Language[]) =>
      langs.map((l) => {
        const fix = ctx.fixer.replaceValue(node, l.code);
        return fix ? { message: `Use ${describe(l)}`, fix } : null;
      });
    const code = normaliseCode(value);
    const hit = BY_CODE.get(code);
    if (hit) {
      ctx.report({ messageId: 'format', node, data: { value, code: hit.code, name: hit.name }, fix: ctx.fixer.replaceValue(node, hit.code) });
      return;
    }
    const named = byName(value);
    if (named.length === 1) {
      ctx.report({ messageId: 'name', node, data: { value, code: named[0]!.code }, fix: ctx.fixer.replaceValue(node, named[0]!.code) });
      return;
    }
    const primary = code.split('_')[0]!;
    const variants = named.length > 1 ? named : LANGUAGES.filter((l) => l.code === primary || l.code.startsWith(`${primary}_`));
    if (variants.length) {
      const options = variants.map((l) => l.code).join(', ');
      if (code.includes('_') || named.length > 1 || BY_CODE.has(primary)) {
        const language = variants[0]!.name.replace(/ \(.*\)$/, '');
        ctx.report({ messageId: 'unsupportedRegion', node, data: { value, language, options }, suggest: suggestions(variants) });
      } else ctx.report({ messageId: 'needsRegion', node, data: { value, options }, suggest: suggestions(variants) });
      return;
    }
    ctx.report({ messageId: 'unknown', node, data: { value } });
  },
  examples: {
    valid: [{ title: 'English (US)', template: { language: 'en_US' } }, { title: 'Filipino', template: { language: 'fil' } }, { title: 'Dari', template: { language: 'prs_AF' } }],
    invalid: [
      { title: 'A hyphen', template: { language: 'en-US' }, errors: ['format'], spans: ["\"en-US\""], output: { language: 'en_US' } },
      { title: 'Wrong case', template: { language: 'EN_us' }, errors: ['format'], spans: ["\"EN_us\""], output: { language: 'en_US' } },
      { title: 'Lower-case region', template: { language: 'pt-br' }, errors: ['format'], spans: ["\"pt-br\""], output: { language: 'pt_BR' } },
      { title: 'A language name', template: { language: 'english' }, errors: ['name'], spans: ["\"english\""], output: { language: 'en' } },
      { title: 'Portuguese needs a region', template: { language: 'pt' }, errors: ['needsRegion'], spans: ["\"pt\""] },
      { title: 'A region Meta does not list', template: { language: 'en_FR' }, errors: ['unsupportedRegion'], spans: ["\"en_FR\""] },
      { title: 'Not a language', template: { language: 'xx_YY' }, errors: ['unknown'], spans: ["\"xx_YY\""] },
    ],
  },
});
