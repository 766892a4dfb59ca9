// Engine side: bundled into the engine chunk (entrypoints/engine.ts), never into the content script.
import { lintParsed, locateInFields, parseFields, type FieldsDocument, type LintMessage, type ResolvedConfig, type Severity, type TemplateFields } from '@greenlight/core';
import { builtinRules, rulesById } from '@greenlight/rules';
import type { Finding, LintOutcome } from './types';

export type { CategoryInfo, FieldRange, Finding, LintOutcome } from './types';

function toFinding(doc: FieldsDocument, m: LintMessage, i: number): Finding {
  const rule = rulesById.get(m.ruleId);
  const at = locateInFields(doc, m.range.start, m.range.end);
  let fix: Finding['fix'];
  if (m.fix) {
    const f = locateInFields(doc, m.fix.range.start, m.fix.range.end);
    // Only fixes that stay inside one field can be typed into the editor.
    if (f) fix = { ...f, text: m.fix.text };
  }
  return {
    key: `${m.ruleId}:${m.messageId}:${at ? `${at.field}:${at.start}:${at.end}` : `t${i}`}`,
    ruleId: m.ruleId,
    messageId: m.messageId,
    severity: m.severity,
    message: m.message,
    at,
    fix,
    docsUrl: rule?.docsUrl,
    evidence: rule?.evidence.level,
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function lintTemplateFields(fields: TemplateFields, config: ResolvedConfig): LintOutcome {
  const doc = parseFields(fields);
  const result = lintParsed(doc, { rules: builtinRules, config, filePath: '/whatsapp-manager/template.json' });
  const findings = result.messages.map((m, i) => toFinding(doc, m, i));
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const annotation = result.templates[0]?.annotations.category as { predicted?: string; reasons?: unknown[] } | undefined;
  return {
    findings,
    category: {
      selected: result.templates[0]?.template.category,
      predicted: typeof annotation?.predicted === 'string' ? annotation.predicted : undefined,
      reasons: Array.isArray(annotation?.reasons) ? annotation.reasons.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))) : [],
    },
  };
}
