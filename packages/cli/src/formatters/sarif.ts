/**
 * SARIF 2.1.0 for GitHub code scanning (upload with github/codeql-action/upload-sarif).
 * Locations are relative to %SRCROOT% (the working directory, normally the checkout root) with
 * forward slashes; columns count UTF-16 code units, which the run declares in `columnKind`.
 */
import { createHash } from 'node:crypto';
import { relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, RuleFamily, Severity } from '@greenlight/core';
import { toPosix } from '../paths.js';
import type { LintedFile, NumericSeverity } from '../results.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/greenlight-lint/greenlight';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: 'very-high' | 'high' | 'medium' | 'low'; 'problem.severity': 'error' | 'warning' | 'recommendation' };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: '%SRCROOT%' };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet?: { text: string } };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; version: string; semanticVersion: string; rules: SarifReportingDescriptor[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: { executionSuccessful: boolean }[];
  }[];
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const LEVEL_OF: Record<NumericSeverity, SarifLevel> = { 2: 'error', 1: 'warning', 0: 'note' };
const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', info: 'recommendation' } as const;

/**
 * Precision is how rarely a rule is wrong. Checks of structure and limits are exact; category,
 * policy and opt-out rules weigh wording, so they are less certain.
 */
const JUDGEMENT_FAMILIES: readonly RuleFamily[] = ['category', 'policy', 'opt-out'];

const SYNTAX_RULE: SarifReportingDescriptor = {
  id: 'syntax',
  name: 'Syntax',
  shortDescription: { text: 'The file can be read as JSON or YAML templates.' },
  fullDescription: { text: 'Reported when a file is not valid JSON or YAML, or holds no template object, template array or { "data": [...] } list.' },
  helpUri: INFORMATION_URI,
  help: {
    text: 'Fix the JSON or YAML syntax at the reported position. Nothing else in the file can be checked until it parses.',
    markdown: 'Fix the JSON or YAML syntax at the reported position. Nothing else in the file can be checked until it parses.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['syntax'], precision: 'very-high', 'problem.severity': 'error' },
};

const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export function ruleDescriptor(rule: Rule): SarifReportingDescriptor {
  const sources = rule.evidence.sources.map((s) => `- [${s.title}](${s.url})`).join('\n');
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.rationale}` },
    helpUri: rule.docsUrl,
    help: {
      text: `${rule.description}\n\n${rule.rationale}\n\nMore: ${rule.docsUrl}`,
      markdown: `**${rule.description}**\n\n${rule.rationale}\n\n${sources ? `Sources:\n${sources}\n\n` : ''}[Rule documentation](${rule.docsUrl})`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [...new Set(['whatsapp-template', rule.family, ...rule.tags])],
      precision: JUDGEMENT_FAMILIES.includes(rule.family) ? 'medium' : 'high',
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
    },
  };
}

/** A URI relative to %SRCROOT% when the file is inside it; an absolute file: URI otherwise. */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: '%SRCROOT%' } {
  if (!file.startsWith('/') && !isAbsolute(file)) return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: toPosix(rel).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(files: readonly LintedFile[], rules: readonly Rule[], opts: { cwd: string; version: string }): string {
  const descriptors = [SYNTAX_RULE, ...[...rules].sort((a, b) => a.id.localeCompare(b.id)).map(ruleDescriptor)];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const indexOf = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      // Not a built-in rule (should not happen); still describe it so ruleIndex stays valid.
      i = descriptors.push({ ...SYNTAX_RULE, id, name: pascal(id), shortDescription: { text: id }, fullDescription: { text: id }, properties: { ...SYNTAX_RULE.properties, tags: [] } }) - 1;
      index.set(id, i);
    }
    return i;
  };
  const results: SarifResult[] = [];
  for (const f of files) {
    const location = artifactLocation(f.result.filePath, opts.cwd);
    const occurrences = new Map<string, number>();
    f.result.messages.forEach((m, i) => {
      const detail = f.details[i]!;
      // Stable across edits elsewhere in the file: what was found and where (by template), not on which line.
      const key = [m.ruleId, m.messageId, location.uri, detail.templateName ?? '', detail.snippet].join('\u0000');
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      const fingerprint = createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
      results.push({
        ruleId: m.ruleId,
        ruleIndex: indexOf(m.ruleId),
        level: LEVEL_OF[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, ...(detail.snippet ? { snippet: { text: detail.snippet } } : {}) },
            },
          },
        ],
        partialFingerprints: { 'greenlightFindingHash/v1': fingerprint },
      });
    });
  }
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Greenlight', informationUri: INFORMATION_URI, version: opts.version, semanticVersion: opts.version, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(opts.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
