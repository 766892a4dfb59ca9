import { toPlain } from '@greenlight/core';
import type { Position } from 'vscode-languageserver';
import { predictionOf, toLspRange } from './diagnostics.js';
import { templateAt } from './locate.js';
import type { DiagnosticData, TemplateInfoResult } from './protocol.js';
import type { GreenlightServer, Snapshot } from './server.js';

/** The template at a position (or the only one), for the preview and status bar. */
export function templateInfo(_server: GreenlightServer, s: Snapshot, position: Position | undefined): TemplateInfoResult | null {
  const results = s.result?.templates ?? [];
  if (results.length === 0) return null;
  let tr = results.length === 1 ? results[0] : undefined;
  if (position && typeof position.line === 'number') {
    const t = templateAt(results.map((r) => r.template), s.doc.offsetAt(position));
    tr = (t && results.find((r) => r.template === t)) ?? tr;
  }
  if (!tr) return null;
  const t = tr.template;
  const pred = predictionOf(tr);
  const findingCount = s.diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.templateIndex === t.index).length;
  return {
    name: t.name?.value ?? null,
    language: t.language?.value ?? null,
    category: t.categoryNode?.value ?? null,
    predicted: pred?.predicted ?? null,
    reasons: pred?.reasons ?? [],
    findingCount,
    index: t.index,
    range: toLspRange(s.doc, t.node.range),
    template: toPlain(t.node),
  };
}
