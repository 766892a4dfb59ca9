/**
 * Turns engine messages (UTF-16 offsets) into the ESLint-shaped results every formatter works from:
 * 1-based lines and columns, columns in UTF-16 code units, end column exclusive, as ESLint reports.
 */
import { LineIndex, type LintMessage, type LintResult, type Severity } from '@greenlight/core';

export type NumericSeverity = 0 | 1 | 2;

export interface CliFix {
  range: [number, number];
  text: string;
}

export interface CliMessage {
  ruleId: string;
  messageId: string;
  /** 2 error, 1 warning, 0 info (info only appears with --include-info). */
  severity: NumericSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: CliFix;
  suggestions?: { desc: string; fix: CliFix }[];
  /** Set on syntax errors: the file could not be read as templates. */
  fatal?: true;
}

export interface FileResult {
  filePath: string;
  messages: CliMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text that was linted, when it has problems and was not rewritten. */
  source?: string;
  /** The fixed text, when --fix changed the file. */
  output?: string;
}

/** Facts the SARIF formatter needs beyond ESLint's shape, kept out of the JSON output. */
export interface MessageDetail {
  /** The underlined source text. */
  snippet: string;
  templateName: string | undefined;
}

export interface LintedFile {
  result: FileResult;
  details: MessageDetail[];
  /** True when --fix rewrote the file. */
  fixed: boolean;
}

export const SEVERITY_NUMBER: Record<Severity, NumericSeverity> = { error: 2, warning: 1, info: 0 };

export interface ReportFilter {
  /** Only errors (--quiet). */
  quiet: boolean;
  /** Keep info findings (--include-info). */
  includeInfo: boolean;
}

export function keepMessage(m: { severity: Severity }, filter: ReportFilter): boolean {
  if (m.severity === 'error') return true;
  if (filter.quiet) return false;
  return m.severity === 'warning' || filter.includeInfo;
}

function toFix(f: { range: { start: number; end: number }; text: string }): CliFix {
  return { range: [f.range.start, f.range.end], text: f.text };
}

export function toCliMessage(m: LintMessage, lines: LineIndex): CliMessage {
  const start = lines.position(m.range.start);
  const end = lines.position(m.range.end);
  const out: CliMessage = {
    ruleId: m.ruleId,
    messageId: m.messageId,
    severity: SEVERITY_NUMBER[m.severity],
    message: m.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  if (m.fix) out.fix = toFix(m.fix);
  if (m.suggestions?.length) out.suggestions = m.suggestions.map((s) => ({ desc: s.message, fix: toFix(s.fix) }));
  if (m.fatal) out.fatal = true;
  return out;
}

/** Builds one file's result from a lint run. `text` is the linted text (after fixes, with --fix). */
export function fileResult(filePath: string, text: string, lint: LintResult, filter: ReportFilter, output?: string): LintedFile {
  const lines = new LineIndex(text);
  const names = new Map(lint.templates.map((t) => [t.template.index, t.template.name?.value]));
  const kept = lint.messages.filter((m) => keepMessage(m, filter));
  const messages = kept.map((m) => toCliMessage(m, lines));
  const details = kept.map((m) => ({
    snippet: text.slice(m.range.start, m.range.end),
    templateName: m.templateIndex === undefined ? undefined : names.get(m.templateIndex),
  }));
  const result: FileResult = { filePath, messages, ...countMessages(messages) };
  if (output !== undefined) result.output = output;
  else if (messages.length > 0) result.source = text;
  return { result, details, fixed: output !== undefined };
}

export function countMessages(messages: readonly CliMessage[]) {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else if (m.severity === 1) {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    } else infoCount++;
  }
  return { errorCount, warningCount, infoCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}

export interface Totals {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const r of results) {
    t.errorCount += r.errorCount;
    t.warningCount += r.warningCount;
    t.infoCount += r.infoCount;
    t.fixableErrorCount += r.fixableErrorCount;
    t.fixableWarningCount += r.fixableWarningCount;
  }
  return t;
}
