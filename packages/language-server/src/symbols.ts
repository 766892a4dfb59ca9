import type { Component, Template } from '@greenlight/core';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { toLspRange } from './diagnostics.js';
import type { Snapshot } from './server.js';

export function templateLabel(t: Template): string {
  const name = t.name?.value || `template ${t.index + 1}`;
  const details = [t.language?.value, t.categoryNode?.value].filter(Boolean);
  return details.length ? `${name} (${details.join(', ')})` : name;
}

function componentLabel(c: Component): string {
  const type = c.type || 'component';
  if (c.type === 'HEADER' && c.format) return `${type} ${c.format}`;
  return type;
}

function componentSymbol(s: Snapshot, c: Component): DocumentSymbol {
  const range = toLspRange(s.doc, c.node.range);
  const children: DocumentSymbol[] = c.buttons.map((b, i) => ({
    name: b.text?.value || b.type || `button ${i + 1}`,
    detail: b.type,
    kind: SymbolKind.EnumMember,
    range: toLspRange(s.doc, b.node.range),
    selectionRange: toLspRange(s.doc, (b.text ?? b.typeNode ?? b.node).range),
  }));
  c.cards.forEach((card, i) => {
    const first = card[0];
    const last = card[card.length - 1];
    if (!first || !last) return;
    const r = toLspRange(s.doc, { start: first.node.range.start, end: last.node.range.end });
    children.push({ name: `card ${i + 1}`, kind: SymbolKind.Struct, range: r, selectionRange: r, children: card.map((cc) => componentSymbol(s, cc)) });
  });
  const text = c.text?.value;
  return {
    name: componentLabel(c),
    detail: text ? (text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(/\s+/g, ' ') : undefined,
    kind: SymbolKind.Field,
    range,
    selectionRange: toLspRange(s.doc, (c.typeNode ?? c.node).range),
    children,
  };
}

/** One symbol per template, named by name, language and category, with its components beneath. */
export function documentSymbols(s: Snapshot, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const templates = s.result?.templates ?? [];
  const symbols: DocumentSymbol[] = templates.map(({ template: t }) => ({
    name: templateLabel(t),
    kind: SymbolKind.Object,
    range: toLspRange(s.doc, t.node.range),
    selectionRange: toLspRange(s.doc, (t.name ?? t.node).range),
    children: t.components.map((c) => componentSymbol(s, c)),
  }));
  if (hierarchical) return symbols;
  const flat: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container?: string) => {
    for (const d of list) {
      flat.push({ name: d.name, kind: d.kind, location: { uri: s.doc.uri, range: d.range }, containerName: container });
      if (d.children) walk(d.children, d.name);
    }
  };
  walk(symbols);
  return flat;
}
