/** ESLint's "stylish" layout: a block per file, aligned columns, and a summary line. */
import { safeText, type Palette } from '../color.js';
import { totals, type FileResult } from '../results.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Display width, counting a UTF-16 surrogate pair as one character. */
const width = (s: string) => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

export function formatStylish(results: readonly FileResult[], c: Palette, display: (file: string) => string): string {
  let out = '';
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const rows = r.messages.map((m) => ({
      line: String(m.line),
      col: String(m.column),
      severity: m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'info',
      color: m.severity === 2 ? c.red : m.severity === 1 ? c.yellow : c.blue,
      message: safeText(m.message),
      rule: m.ruleId,
    }));
    const wLine = Math.max(...rows.map((x) => x.line.length));
    const wCol = Math.max(...rows.map((x) => x.col.length));
    const wSev = Math.max(...rows.map((x) => x.severity.length));
    const wMsg = Math.max(...rows.map((x) => width(x.message)));
    out += `\n${c.underline(safeText(display(r.filePath)))}\n`;
    for (const x of rows) {
      const pos = c.dim(`${padStart(x.line, wLine)}:${padEnd(x.col, wCol)}`);
      out += `  ${pos}  ${x.color(padEnd(x.severity, wSev))}  ${padEnd(x.message, wMsg)}  ${c.dim(x.rule)}\n`.replace(/ +\n$/, '\n');
    }
  }
  const t = totals(results);
  const problems = t.errorCount + t.warningCount + t.infoCount;
  if (problems === 0) return out;
  const parts = [plural(t.errorCount, 'error'), plural(t.warningCount, 'warning')];
  if (t.infoCount) parts.push(`${t.infoCount} info`);
  const color = t.errorCount ? c.red : t.warningCount ? c.yellow : c.blue;
  out += `\n${color(c.bold(`\u2716 ${plural(problems, 'problem')} (${parts.join(', ')})`))}\n`;
  const fixable = t.fixableErrorCount + t.fixableWarningCount;
  if (fixable) out += color(c.bold(`  ${fixable} fixable with --fix`)) + '\n';
  return `${out}\n`;
}
