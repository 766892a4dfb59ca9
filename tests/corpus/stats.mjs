#!/usr/bin/env node
// Validates every case file under tests/corpus/cases and prints corpus statistics.
// Plain Node (>=18), no dependencies. Exit code 1 if any file is invalid.
// Usage: node tests/corpus/stats.mjs [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const FAMILIES = ['category', 'opt-out', 'url', 'variables', 'limits', 'auth', 'policy', 'formatting'];
const KINDS = ['meta-docs', 'provider-docs', 'repository', 'derived'];
const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'CAROUSEL'];
const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'VOICE_CALL', 'FLOW', 'MPM', 'SPM', 'CATALOG'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'];
const DERIVATION = /^(verbatim|adapted from source: .+|translated from [a-z0-9-]+.*|translated and adapted from [a-z0-9-]+.*|rewritten from [a-z0-9-]+: .+|mutated from [a-z0-9-]+: .+)$/s;

const errors = [];
const cases = [];
const err = (file, msg) => errors.push(`${file}: ${msg}`);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function validateTemplate(file, t) {
  if (!isObj(t)) return err(file, 'template must be an object');
  for (const k of ['name', 'language', 'category', 'components']) if (!(k in t)) err(file, `template.${k} missing`);
  if (typeof t.name !== 'string') err(file, 'template.name must be a string');
  if (typeof t.language !== 'string' || !/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(t.language)) err(file, `template.language '${t.language}' is not a locale code`);
  if (typeof t.category !== 'string' || !CATEGORIES.includes(t.category.toUpperCase())) err(file, `template.category '${t.category}' unknown`);
  if ('parameter_format' in t && !['positional', 'named'].includes(String(t.parameter_format).toLowerCase())) err(file, 'parameter_format must be positional|named');
  if (!Array.isArray(t.components)) return err(file, 'template.components must be an array');
  for (const [i, c] of t.components.entries()) {
    if (!isObj(c) || typeof c.type !== 'string') { err(file, `components[${i}] needs a string type`); continue; }
    const type = c.type.toUpperCase();
    if (!COMPONENT_TYPES.includes(type)) err(file, `components[${i}].type '${c.type}' unknown`);
    if ('text' in c && typeof c.text !== 'string') err(file, `components[${i}].text must be a string`);
    if (type === 'HEADER' && c.format && !HEADER_FORMATS.includes(String(c.format).toUpperCase())) err(file, `header format '${c.format}' unknown`);
    if ('example' in c) {
      const ex = c.example;
      if (!isObj(ex)) err(file, `components[${i}].example must be an object`);
      else {
        if ('body_text' in ex && !(Array.isArray(ex.body_text) && ex.body_text.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'string')))) err(file, 'body_text must be an array of string arrays');
        if ('header_text' in ex && !(Array.isArray(ex.header_text) && ex.header_text.every((v) => typeof v === 'string'))) err(file, 'header_text must be a string array');
        for (const k of ['body_text_named_params', 'header_text_named_params'])
          if (k in ex && !(Array.isArray(ex[k]) && ex[k].every((p) => isObj(p) && typeof p.param_name === 'string' && typeof p.example === 'string'))) err(file, `${k} entries need param_name and example strings`);
      }
    }
    if (type === 'BUTTONS') {
      if (!Array.isArray(c.buttons)) { err(file, 'BUTTONS.buttons must be an array'); continue; }
      for (const [j, b] of c.buttons.entries()) {
        if (!isObj(b) || typeof b.type !== 'string' || !BUTTON_TYPES.includes(b.type.toUpperCase())) err(file, `buttons[${j}].type unknown`);
        else if (b.type.toUpperCase() === 'URL' && typeof b.url !== 'string') err(file, `buttons[${j}] URL needs url`);
        else if (b.type.toUpperCase() === 'PHONE_NUMBER' && typeof b.phone_number !== 'string') err(file, `buttons[${j}] needs phone_number`);
        else if (b.type.toUpperCase() === 'OTP' && typeof b.otp_type !== 'string') err(file, `buttons[${j}] OTP needs otp_type`);
      }
    }
  }
}

const langs = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory()).sort();
const ids = new Set();
for (const lang of langs) {
  for (const f of readdirSync(join(ROOT, lang)).filter((x) => x.endsWith('.json')).sort()) {
    const file = `${lang}/${f}`;
    let c;
    try { c = JSON.parse(readFileSync(join(ROOT, lang, f), 'utf8')); } catch (e) { err(file, `invalid JSON: ${e.message}`); continue; }
    for (const k of ['id', 'source', 'derivation', 'expected', 'notes', 'template']) if (!(k in c)) err(file, `missing key '${k}'`);
    if (c.id !== basename(f, '.json')) err(file, `id '${c.id}' does not match file name`);
    if (ids.has(c.id)) err(file, `duplicate id ${c.id}`);
    ids.add(c.id);
    if (!isObj(c.source) || typeof c.source.url !== 'string' || !/^https:\/\//.test(c.source.url) || typeof c.source.title !== 'string' || !KINDS.includes(c.source.kind)) err(file, 'source needs https url, title and a known kind');
    if (typeof c.derivation !== 'string' || !DERIVATION.test(c.derivation)) err(file, `derivation '${c.derivation}' has an unknown form`);
    if ((c.source?.kind === 'derived') !== !/^(verbatim|adapted from source)/.test(c.derivation ?? '')) err(file, 'kind "derived" must go with a translated/rewritten/mutated derivation and vice versa');
    const m = /^(?:translated(?: and adapted)? from|rewritten from|mutated from) ([a-z0-9-]+)/.exec(c.derivation ?? '');
    if (m) c._parent = m[1];
    if (!Array.isArray(c.expected) || c.expected.some((x) => !FAMILIES.includes(x))) err(file, `expected must list known families: ${FAMILIES.join(', ')}`);
    else if (new Set(c.expected).size !== c.expected.length) err(file, 'expected has duplicates');
    if (typeof c.notes !== 'string' || !c.notes.trim()) err(file, 'notes must be a non-empty string');
    validateTemplate(file, c.template);
    c._lang = lang;
    cases.push(c);
  }
}
for (const c of cases) if (c._parent && !ids.has(c._parent)) err(`${c._lang}/${c.id}.json`, `derivation parent '${c._parent}' does not exist`);

// ---- statistics ----
const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
const derivKind = (c) => /^verbatim/.test(c.derivation) ? 'verbatim' : /^adapted from source/.test(c.derivation) ? 'adapted' : 'derived';
const rows = langs.map((lang) => {
  const cs = cases.filter((c) => c._lang === lang);
  const r = { lang, total: cs.length, clean: cs.filter((c) => c.expected?.length === 0).length };
  r.flawed = r.total - r.clean;
  for (const k of ['verbatim', 'adapted', 'derived']) r[k] = cs.filter((c) => derivKind(c) === k).length;
  for (const fam of FAMILIES) r[fam] = cs.filter((c) => c.expected?.includes(fam)).length;
  return r;
});
const tot = { lang: 'TOTAL' };
for (const k of Object.keys(rows[0] ?? {})) if (k !== 'lang') tot[k] = rows.reduce((a, r) => a + r[k], 0);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, total: tot, errors }, null, 2));
} else {
  const cols = ['total', 'clean', 'flawed', 'verbatim', 'adapted', 'derived'];
  console.log('Cases per language');
  console.log(`| ${pad('language', 11)} | ${cols.map((c) => padl(c, 8)).join(' | ')} |`);
  console.log(`|${'-'.repeat(13)}|${cols.map(() => '-'.repeat(10)).join('|')}|`);
  for (const r of [...rows, tot]) console.log(`| ${pad(r.lang, 11)} | ${cols.map((c) => padl(r[c], 8)).join(' | ')} |`);
  console.log('\nPositive cases per family and language');
  console.log(`| ${pad('language', 11)} | ${FAMILIES.map((c) => padl(c, 10)).join(' | ')} |`);
  console.log(`|${'-'.repeat(13)}|${FAMILIES.map(() => '-'.repeat(12)).join('|')}|`);
  for (const r of [...rows, tot]) console.log(`| ${pad(r.lang, 11)} | ${FAMILIES.map((c) => padl(r[c], 10)).join(' | ')} |`);
  const byCat = {};
  for (const c of cases) { const k = `${String(c.template?.category).toUpperCase()} ${c.expected?.length ? 'flawed' : 'clean'}`; byCat[k] = (byCat[k] ?? 0) + 1; }
  console.log('\nCases per template category');
  for (const k of Object.keys(byCat).sort()) console.log(`  ${pad(k, 24)} ${byCat[k]}`);
  const multi = cases.filter((c) => (c.expected?.length ?? 0) > 1).length;
  console.log(`\nCases with more than one expected family: ${multi}`);
  console.log(`Validation: ${cases.length} files read, ${errors.length} error(s)`);
  for (const e of errors) console.log(`  ERROR ${e}`);
}
process.exit(errors.length ? 1 : 0);
