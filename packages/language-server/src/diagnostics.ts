import { createFixer, type LintMessage, type LintResult, type Range, type Rule, type Severity, type TemplateResult } from '@greenlight/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { VariableIndex, exampleFor } from './locate.js';
import type { DiagnosticData, LspTextEdit, SeverityOverride } from './protocol.js';

export const SOURCE = 'greenlight';

const SEVERITY: Record<Severity | 'hint', DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(doc: TextDocument, r: Range) {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

export function toEdit(doc: TextDocument, fix: { range: Range; text: string }): LspTextEdit {
  return { range: toLspRange(doc, fix.range), newText: fix.text };
}

export interface CategoryPrediction {
  predicted: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  reasons: string[];
}

const CATEGORY_VALUES = new Set(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

/** The `annotations.category` a category rule published, when it has the agreed shape. */
export function predictionOf(tr: TemplateResult | undefined): CategoryPrediction | undefined {
  const a = tr?.annotations.category as { predicted?: unknown; reasons?: unknown } | undefined;
  if (!a || typeof a !== 'object' || typeof a.predicted !== 'string' || !CATEGORY_VALUES.has(a.predicted)) return undefined;
  const reasons = Array.isArray(a.reasons) ? a.reasons.filter((r): r is string => typeof r === 'string') : [];
  return { predicted: a.predicted as CategoryPrediction['predicted'], reasons };
}

/** An edit that sets a template's category, in the document's own syntax. */
export function categoryEdit(doc: TextDocument, result: LintResult, tr: TemplateResult, category: string): LspTextEdit | null {
  const node = tr.template.categoryNode;
  const fixer = createFixer(result.document.text, result.document.format);
  const fix = node ? fixer.replaceInString(node, 0, node.value.length, category) : fixer.addProperty(tr.template.node, 'category', category);
  return fix ? toEdit(doc, fix) : null;
}

export interface ConvertOptions {
  rulesById: ReadonlyMap<string, Rule>;
  overrides: Record<string, SeverityOverride>;
  version: number;
}

/**
 * Turns one lint result into LSP diagnostics. Fixes, suggestions and the category change travel in
 * `data`, so code actions answer from the diagnostic alone.
 */
export function toDiagnostics(doc: TextDocument, result: LintResult, opts: ConvertOptions): Diagnostic[] {
  const byIndex = new Map<number, TemplateResult>();
  for (const tr of result.templates) byIndex.set(tr.template.index, tr);
  const categoryData = new Map<number, DiagnosticData['category'] | null>();
  const categoryFor = (tr: TemplateResult): DiagnosticData['category'] | undefined => {
    const idx = tr.template.index;
    if (!categoryData.has(idx)) {
      const p = predictionOf(tr);
      const declared = tr.template.categoryNode?.value ?? null;
      categoryData.set(
        idx,
        p && p.predicted !== tr.template.category ? { predicted: p.predicted, reasons: p.reasons, declared, edit: categoryEdit(doc, result, tr, p.predicted) } : null,
      );
    }
    return categoryData.get(idx) ?? undefined;
  };

  const indexes = new Map<number, VariableIndex>();
  const variableIndex = (tr: TemplateResult) => {
    let ix = indexes.get(tr.template.index);
    if (!ix) indexes.set(tr.template.index, (ix = new VariableIndex(tr.template)));
    return ix;
  };

  const out: Diagnostic[] = [];
  for (const m of result.messages) {
    const override = opts.overrides[m.ruleId];
    if (override === 'off') continue;
    const rule = opts.rulesById.get(m.ruleId);
    const tr = m.templateIndex !== undefined ? byIndex.get(m.templateIndex) : undefined;
    const data: DiagnosticData = { ruleId: m.ruleId, messageId: m.messageId, templateIndex: m.templateIndex ?? null, version: opts.version };
    if (m.fix) data.fix = toEdit(doc, m.fix);
    if (m.suggestions?.length) data.suggestions = m.suggestions.map((s) => ({ title: s.message, edit: toEdit(doc, s.fix) }));
    if (tr && rule?.family === 'category') {
      const c = categoryFor(tr);
      if (c) data.category = c;
    }
    const d: Diagnostic = {
      range: toLspRange(doc, m.range),
      severity: SEVERITY[override ?? m.severity],
      code: m.ruleId,
      source: SOURCE,
      message: m.message,
      data,
    };
    if (rule) d.codeDescription = { href: rule.docsUrl };
    const related = relatedFor(doc, m, tr, variableIndex);
    if (related.length) d.relatedInformation = related;
    out.push(d);
  }
  return out;
}

function relatedFor(doc: TextDocument, m: LintMessage, tr: TemplateResult | undefined, index: (tr: TemplateResult) => VariableIndex): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const r of m.related ?? []) out.push({ location: { uri: doc.uri, range: toLspRange(doc, r.range) }, message: r.message });
  // Only a finding whose text holds a variable needs the template's variable index.
  if (tr && m.range.end > m.range.start && m.range.end - m.range.start < 100000 && doc.getText().slice(m.range.start, m.range.end).includes('{{')) {
    for (const v of index(tr).within(m.range)) {
      const ex = exampleFor(v);
      if (!ex) continue;
      out.push({ location: { uri: doc.uri, range: toLspRange(doc, ex.node.range) }, message: `Example value of ${v.placeholder.raw}: "${ex.value}"` });
    }
  }
  return out;
}
