/**
 * Accuracy on the labelled corpus (tests/corpus/cases): precision and recall per rule family and
 * the false-positive rate on clean templates, with the recommended preset, as a team would run it.
 *
 *   pnpm eval              print the figures
 *   pnpm eval --verbose    also list every disagreement with its findings
 *   pnpm eval --check      exit 1 when a figure falls below tests/corpus/thresholds.json
 *   pnpm eval --json       machine-readable figures
 *   pnpm eval --holdout    the held-out set (tests/corpus/holdout), written blind to the rules and
 *                          never used for tuning: the honest estimate for templates we have not seen
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, resolveConfig, type Rule } from '@greenlight/core';
import { builtinRules, presets } from '@greenlight/rules';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const casesDir = join(root, args.has('--holdout') ? 'tests/corpus/holdout' : 'tests/corpus/cases');

export const FAMILIES = ['category', 'opt-out', 'url', 'variables', 'limits', 'auth', 'policy', 'formatting'] as const;
type Family = (typeof FAMILIES)[number];

/** Rule families as the corpus labels them: structure problems are labelled with limits. */
function corpusFamily(rule: Rule): Family {
  return rule.family === 'structure' ? 'limits' : (rule.family as Family);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.json') ? [p] : [];
  });
}

interface Case {
  id: string;
  expected: string[];
  template: unknown;
  file: string;
}

const cases: Case[] = walk(casesDir).map((file) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<Case, 'file'>), file }));
if (cases.length === 0) {
  console.error(`No corpus cases found in ${relative(root, casesDir)}.`);
  process.exit(1);
}

const byId = new Map(builtinRules.map((r) => [r.id, r]));
const { config, problems } = resolveConfig(JSON.stringify({ extends: 'greenlight:recommended' }), join(root, 'greenlight.config.json'), { rules: builtinRules, presets });
if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));

const counts = Object.fromEntries(FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Family, { tp: number; fp: number; fn: number }>;
let clean = 0;
let cleanFlagged = 0;
const disagreements: string[] = [];

for (const c of cases) {
  const text = JSON.stringify(c.template, null, 2);
  const result = lint(text, { rules: builtinRules, config, format: 'json', filePath: c.file });
  // Info findings are advice, not predictions of a problem; only warnings and errors count.
  const findings = result.messages.filter((m) => m.severity !== 'info' && byId.has(m.ruleId));
  const predicted = new Set(findings.map((m) => corpusFamily(byId.get(m.ruleId)!)));
  const expected = new Set(c.expected as Family[]);
  for (const f of FAMILIES) {
    if (expected.has(f) && predicted.has(f)) counts[f].tp++;
    else if (predicted.has(f)) counts[f].fp++;
    else if (expected.has(f)) counts[f].fn++;
  }
  if (expected.size === 0) {
    clean++;
    if (predicted.size > 0) cleanFlagged++;
  }
  const missed = [...expected].filter((f) => !predicted.has(f));
  const extra = [...predicted].filter((f) => !expected.has(f));
  if (missed.length || extra.length) {
    const detail = findings.map((m) => `      ${m.ruleId} (${m.severity}): ${m.message}`).join('\n');
    disagreements.push(`${c.id}: missed [${missed.join(', ')}] extra [${extra.join(', ')}]\n${detail}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const rows = FAMILIES.map((f) => {
  const { tp, fp, fn } = counts[f];
  return { family: f, positives: tp + fn, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
});
const cleanFpRate = ratio(cleanFlagged, clean);
const languages = new Set(cases.map((c) => (c.template as { language?: string }).language?.split('_')[0]));

if (args.has('--json')) {
  console.log(JSON.stringify({ cases: cases.length, clean, cleanFlagged, cleanFpRate, families: rows }, null, 2));
} else {
  console.log(`Greenlight accuracy on ${cases.length} ${args.has('--holdout') ? 'held-out' : 'corpus'} cases (${clean} clean, ${cases.length - clean} flawed; ${languages.size} languages), recommended preset\n`);
  console.log('family       cases  TP  FP  FN  precision  recall');
  for (const r of rows) {
    const precision = r.tp + r.fp === 0 ? 'n/a' : r.precision.toFixed(3);
    console.log(`${r.family.padEnd(12)} ${String(r.positives).padStart(5)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${precision.padStart(9)}  ${r.recall.toFixed(3).padStart(6)}`);
  }
  console.log(`\nclean templates with any warning or error: ${cleanFlagged}/${clean} (${(cleanFpRate * 100).toFixed(1)}%)`);
  if (args.has('--verbose')) console.log(`\nDisagreements (${disagreements.length}):\n${disagreements.join('\n')}`);
}

if (args.has('--check')) {
  const thresholdsFile = join(root, 'tests/corpus/thresholds.json');
  const t = JSON.parse(readFileSync(thresholdsFile, 'utf8')) as { precision: Record<string, number>; recall: Record<string, number>; maxCleanFpRate: number };
  const failures: string[] = [];
  for (const r of rows) {
    if (r.precision < (t.precision[r.family] ?? 0)) failures.push(`${r.family} precision ${r.precision.toFixed(3)} < ${t.precision[r.family]}`);
    if (r.recall < (t.recall[r.family] ?? 0)) failures.push(`${r.family} recall ${r.recall.toFixed(3)} < ${t.recall[r.family]}`);
  }
  if (cleanFpRate > t.maxCleanFpRate) failures.push(`clean false-positive rate ${cleanFpRate.toFixed(3)} > ${t.maxCleanFpRate}`);
  if (failures.length) {
    console.error(`\nAccuracy fell below tests/corpus/thresholds.json:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('accuracy thresholds met');
}
