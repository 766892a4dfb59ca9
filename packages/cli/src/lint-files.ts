/** Lints one text or file with the config that applies to it. */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  detectFormat,
  holdsTemplates,
  lintAndFix,
  lintParsed,
  parseDocument,
  type ResolvedConfig,
  type Rule,
  type SourceNode,
} from '@greenlight/core';
import { fileResult, type LintedFile, type ReportFilter } from './results.js';

export interface LintTextOptions {
  rules: readonly Rule[];
  config: ResolvedConfig;
  /** Absolute POSIX path used for format detection and `overrides.files`; undefined for anonymous stdin. */
  filePath: string | undefined;
  /** The name reported for the file. */
  reportPath: string;
  filter: ReportFilter;
  fix: boolean;
  /** Skip the text silently when it holds no template (files found by a directory walk or glob). */
  requireTemplates: boolean;
}

export interface LintTextResult {
  linted: LintedFile | undefined;
  /** The fixed text when --fix changed it. */
  output?: string;
}

const BOM = '\uFEFF';

/** `*.template.json` and friends declare themselves templates, so a broken one is still reported. */
const NAMED_AS_TEMPLATE = /\.templates?\.(?:json|ya?ml)$/i;

export function lintText(rawText: string, opts: LintTextOptions): LintTextResult {
  // Like ESLint, positions are reported without the byte order mark; it is put back on write.
  const bom = rawText.startsWith(BOM);
  const text = bom ? rawText.slice(1) : rawText;
  const format = detectFormat(opts.filePath, text);
  const doc = parseDocument(text, format);
  if (opts.requireTemplates && !holdsTemplates(doc.root) && !(opts.filePath && NAMED_AS_TEMPLATE.test(opts.filePath))) {
    return { linted: undefined };
  }
  const lintOpts = { rules: opts.rules, config: opts.config, filePath: opts.filePath };
  if (!opts.fix) return { linted: fileResult(opts.reportPath, text, lintParsed(doc, lintOpts), opts.filter) };
  const fixed = lintAndFix(text, { ...lintOpts, format });
  const changed = fixed.output !== text;
  const output = changed ? (bom ? BOM : '') + fixed.output : undefined;
  return { linted: fileResult(opts.reportPath, fixed.output, fixed.result, opts.filter, changed ? fixed.output : undefined), output };
}

export function lintFile(path: string, opts: Omit<LintTextOptions, 'filePath' | 'reportPath'>): LintedFile | undefined {
  const text = readFileSync(path, 'utf8');
  const { linted, output } = lintText(text, { ...opts, filePath: path, reportPath: path });
  if (output !== undefined) writeFileSync(path, output);
  return linted;
}
