import { getProperty, type Rule } from '@greenlight/core';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { predictionOf, toLspRange } from './diagnostics.js';
import { exampleFor, templateAt, variableAt } from './locate.js';
import type { DiagnosticData } from './protocol.js';
import type { GreenlightServer, Snapshot } from './server.js';

const EVIDENCE: Record<string, string> = {
  meta: "Meta's documentation or policy",
  editor: "behaviour observed in Meta's WhatsApp Manager",
  provider: 'guidance published by WhatsApp solution providers',
};

/** Markdown escaping for text we did not write (names, example values). */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

export function ruleMarkdown(rule: Rule): string {
  const lines = [`**${rule.id}**: ${md(rule.description)}`, '', md(rule.rationale), ''];
  const sources = rule.evidence.sources.map((s) => `[${md(s.title)}](${s.url})`).join(', ');
  lines.push(`Evidence: ${EVIDENCE[rule.evidence.level] ?? rule.evidence.level}${sources ? ` (${sources})` : ''}.`, '');
  lines.push(`[Rule documentation](${rule.docsUrl})`);
  return lines.join('\n');
}

export function hover(server: GreenlightServer, s: Snapshot, position: Position): Hover | null {
  const offset = s.doc.offsetAt(position);
  const parts: string[] = [];
  let range: Hover['range'];

  // Findings under the cursor: the message, then the rule's story.
  const seen = new Set<string>();
  // Narrowest findings first: a word-level finding matters more than one about the whole template.
  const under = s.diagnostics
    .map((d) => ({ d, a: s.doc.offsetAt(d.range.start), b: s.doc.offsetAt(d.range.end) }))
    .filter(({ a, b }) => offset >= a && offset <= b)
    .sort((x, y) => x.b - x.a - (y.b - y.a));
  for (const { d } of under) {
    const id = String(d.code ?? '');
    const rule = server.rulesById.get(id);
    const block = [md(typeof d.message === 'string' ? d.message : d.message.value)];
    if (rule && !seen.has(id)) block.push('', ruleMarkdown(rule));
    seen.add(id);
    const data = d.data as DiagnosticData | undefined;
    if (data?.fix) block.push('', '_A quick fix is available._');
    parts.push(block.join('\n'));
    range ??= d.range;
  }

  const templates = s.result?.templates ?? [];
  const t = templateAt(templates.map((r) => r.template), offset);
  if (t) {
    const v = variableAt(t, offset);
    if (v) {
      const ex = exampleFor(v);
      parts.unshift(
        ex
          ? `Variable \`${v.placeholder.raw}\`, example value: **${md(ex.value)}**`
          : `Variable \`${v.placeholder.raw}\` has no example value; Meta asks for one for every variable.`,
      );
      range = toLspRange(s.doc, v.range);
    }
    const prop = getProperty(t.node, 'category');
    if (prop && offset >= prop.range.start && offset <= prop.range.end) {
      const tr = templates.find((r) => r.template === t);
      const pred = predictionOf(tr);
      const declared = t.categoryNode?.value;
      if (pred) {
        const same = pred.predicted === t.category;
        const lines = [same ? `Greenlight agrees with the category **${pred.predicted}**.` : `Declared **${md(declared ?? '(none)')}**; Greenlight predicts **${pred.predicted}**.`];
        if (pred.reasons.length) lines.push('', 'Reasons:', ...pred.reasons.map((r) => `- ${md(r)}`));
        parts.unshift(lines.join('\n'));
      } else {
        parts.unshift(`Category **${md(declared ?? '(none)')}**. No category prediction for this template (the category rules are off or found nothing).`);
      }
      range ??= toLspRange(s.doc, prop.range);
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}
