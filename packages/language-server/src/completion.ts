import {
  BUTTON_TYPES,
  CATEGORIES,
  COMPONENT_TYPES,
  HEADER_FORMATS,
  findPlaceholders,
  parseDocument,
  sourceOffset,
  textFields,
  type SourceNode,
  type StringNode,
  type Template,
} from '@greenlight/core';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf } from './detect.js';
import { LANGUAGES } from './languages.js';
import { pathAt, templateAt } from './locate.js';
import { uriToPath } from './paths.js';
import type { GreenlightServer, Snapshot } from './server.js';

const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
const PARAMETER_FORMATS = ['POSITIONAL', 'NAMED'] as const;

const CATEGORY_DOCS: Record<string, string> = {
  MARKETING: 'Promotions, offers, announcements, re-engagement: anything that is not a utility or authentication message.',
  UTILITY: 'A message about a transaction or account the user started: order and delivery updates, bookings, alerts. No promotional content.',
  AUTHENTICATION: "One-time passcodes with Meta's preset text and an OTP button.",
};

interface ValueContext {
  key: string;
  /** What has been typed of the value so far. */
  partial: string;
  /** JSON only: the cursor is inside quotes. */
  quoted: boolean;
}

// Bounded, linear patterns over one line of text before the cursor.
const JSON_VALUE = /"([A-Za-z_]{1,40})"\s{0,20}:\s{0,20}("?)([^"\n]{0,200})$/;
const YAML_VALUE = /^\s{0,200}(?:-\s{1,10})?["']?([A-Za-z_]{1,40})["']?\s{0,5}:\s{0,20}(["']?)([^"'\n]{0,200})$/;

function valueContext(linePrefix: string, format: 'json' | 'yaml'): ValueContext | undefined {
  const m = (format === 'json' ? JSON_VALUE : YAML_VALUE).exec(linePrefix);
  if (!m) return undefined;
  return { key: m[1]!, quoted: m[2] !== '', partial: m[3]! };
}

/** The role of the innermost object around the cursor: a button, a component or the template. */
function roleAt(root: SourceNode | undefined, offset: number): 'button' | 'component' | 'template' {
  const path = pathAt(root, offset);
  for (let i = path.length - 1; i > 0; i--) {
    const step = path[i]!;
    if (typeof step.key !== 'number') continue;
    const parentKey = path[i - 1]!.key;
    if (parentKey === 'buttons') return 'button';
    if (parentKey === 'components') return 'component';
  }
  return 'template';
}

function valueItems(values: readonly string[], ctx: ValueContext, format: 'json' | 'yaml', position: Position, docs?: Record<string, string>, details?: Record<string, string>): CompletionItem[] {
  const range = { start: { line: position.line, character: position.character - ctx.partial.length }, end: position };
  return values.map((v, i) => {
    const text = format === 'json' && !ctx.quoted ? JSON.stringify(v) : v;
    const item: CompletionItem = { label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: text }, sortText: String(i).padStart(4, '0'), filterText: format === 'json' && !ctx.quoted ? text : v };
    if (docs?.[v]) item.documentation = docs[v];
    if (details?.[v]) item.detail = details[v];
    return item;
  });
}

/** The string node holding `offset`, with its value index, when the cursor is inside a template text. */
function stringAt(root: SourceNode | undefined, offset: number): { node: StringNode; key: string | number | undefined } | undefined {
  const path = pathAt(root, offset);
  const last = path[path.length - 1];
  if (!last || last.node.kind !== 'string') return undefined;
  if (offset <= last.node.range.start) return undefined;
  return { node: last.node, key: last.key };
}

function indexInValue(node: StringNode, offset: number): number {
  let lo = 0;
  let hi = node.value.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sourceOffset(node, mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function variableItems(doc: TextDocument, t: Template, node: StringNode, offset: number, position: Position): CompletionItem[] {
  const field = textFields(t).find((f) => f.node === node);
  if (!field || field.kind === 'button-phone') return [];
  const before = node.value.slice(0, indexInValue(node, offset));
  // Replace braces already typed (`{` or `{{`) along with the completion.
  const braces = /\{{1,2}$/.exec(before)?.[0].length ?? 0;
  const range = { start: doc.positionAt(offset - braces), end: position };
  const items: CompletionItem[] = [];
  if (t.parameterFormat === 'named') {
    const names = new Set<string>();
    for (const f of textFields(t)) for (const p of findPlaceholders(f.node.value)) if (p.kind === 'named') names.add(p.inner);
    [...names].forEach((n, i) =>
      items.push({ label: `{{${n}}}`, kind: CompletionItemKind.Variable, detail: 'Named variable used in this template', textEdit: { range, newText: `{{${n}}}` }, sortText: `0${i}` }),
    );
  } else {
    let max = 0;
    for (const p of findPlaceholders(node.value)) if (p.index !== undefined) max = Math.max(max, p.index);
    items.push({ label: `{{${max + 1}}}`, kind: CompletionItemKind.Variable, detail: 'Next variable in this text', textEdit: { range, newText: `{{${max + 1}}}` }, sortText: '00' });
  }
  return items;
}

/** A value written bare in both formats: a number placeholder such as `${3:10}`. */
interface Bare {
  bare: string;
}
type SnippetValue = string | boolean | Bare | SnippetValue[] | { [key: string]: SnippetValue };

/** One skeleton per category; the JSON and YAML snippets are both rendered from it. */
const SKELETONS: Record<string, Record<string, SnippetValue>> = {
  MARKETING: {
    name: '${1:seasonal_offer}',
    language: '${2:en_US}',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Hi {{1}}, ${3:our new collection is here. Take a look before it sells out.}', example: { body_text: [['${4:Maria}']] } },
      { type: 'FOOTER', text: 'Not interested? Tap Stop promotions' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
    ],
  },
  UTILITY: {
    name: '${1:order_shipped}',
    language: '${2:en_US}',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} ${3:has shipped and should arrive within 3 days.}', example: { body_text: [['${4:Maria}', '${5:A-1042}']] } }],
  },
  AUTHENTICATION: {
    name: '${1:login_code}',
    language: '${2:en_US}',
    category: 'AUTHENTICATION',
    components: [
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: { bare: '${3:10}' } },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
    ],
  },
};

const isBare = (v: SnippetValue): v is Bare => typeof v === 'object' && !Array.isArray(v) && typeof (v as Bare).bare === 'string';

/** A value on one line: JSON, or a YAML flow collection. */
function inline(v: SnippetValue): string {
  if (isBare(v)) return v.bare;
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** The template with one component per line. */
function jsonSnippet(t: Record<string, SnippetValue>): string {
  const lines = Object.entries(t).map(([k, v]) =>
    k === 'components' && Array.isArray(v) ? `  "components": [\n${v.map((c) => `    ${inline(c)}`).join(',\n')}\n  ]` : `  ${JSON.stringify(k)}: ${inline(v)}`,
  );
  return `{\n${lines.join(',\n')}\n}`;
}

/** Block YAML; lists of scalars stay in flow style (`body_text: [["Maria"]]`), words need no quotes. */
function yamlSnippet(t: Record<string, SnippetValue>, indent = ''): string {
  const scalar = (v: SnippetValue) => (typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_ ]*$/.test(v) ? v : inline(v));
  const out: string[] = [];
  for (const [k, v] of Object.entries(t)) {
    if (Array.isArray(v) && v.some((x) => typeof x === 'object' && !Array.isArray(x))) {
      out.push(`${indent}${k}:`);
      for (const item of v) out.push(`${indent}  - ${yamlSnippet(item as Record<string, SnippetValue>, `${indent}    `).trimStart()}`);
    } else if (typeof v === 'object' && !Array.isArray(v) && !isBare(v)) out.push(`${indent}${k}:\n${yamlSnippet(v, `${indent}  `)}`);
    else out.push(`${indent}${k}: ${scalar(v)}`);
  }
  return out.join('\n');
}

/** Snippet syntax to plain text, for clients without snippet support. */
function plain(snippet: string): string {
  return snippet.replace(/\$\{\d{1,2}:([^}]{0,200})\}/g, '$1').replace(/\$\d{1,2}/g, '');
}

/** YAML list items: `dash` adds "- ", `after-dash` indents for a "- " already typed. */
type ListMode = 'none' | 'dash' | 'after-dash';

function snippetItems(format: 'json' | 'yaml', mode: ListMode, snippets: boolean): CompletionItem[] {
  return CATEGORIES.map((cat, i) => {
    let body = format === 'json' ? jsonSnippet(SKELETONS[cat]!) : yamlSnippet(SKELETONS[cat]!);
    if (format === 'yaml' && mode !== 'none') body = `${mode === 'dash' ? '- ' : ''}${body.replace(/\n/g, '\n  ')}`;
    return {
      label: `${cat.toLowerCase()} template`,
      kind: CompletionItemKind.Snippet,
      detail: `New ${cat} template`,
      documentation: CATEGORY_DOCS[cat],
      insertText: snippets ? body : plain(body),
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      sortText: `z${i}`,
    };
  });
}

export function completions(server: GreenlightServer, doc: TextDocument, s: Snapshot | undefined, position: Position): CompletionList | null {
  const path = uriToPath(doc.uri);
  const format = formatOf(path, doc.languageId);
  if (!format) return null;
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const root = s?.result?.document.root ?? parseDocument(text, format).root;
  const templates = s?.result?.templates.map((r) => r.template) ?? [];
  const items: CompletionItem[] = [];
  let t = templateAt(templates, offset);
  // YAML block nodes end after their trailing blank lines; past the last character is outside.
  if (t) {
    let end = t.node.range.end;
    while (end > t.node.range.start && /\s/.test(text[end - 1]!)) end--;
    if (offset > end) t = undefined;
  }

  const str = stringAt(root, offset);
  if (t && str && (str.key === 'text' || str.key === 'url')) {
    items.push(...variableItems(doc, t, str.node, offset, position));
    if (items.length) return { isIncomplete: false, items };
  }

  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const ctx = valueContext(text.slice(lineStart, offset), format);
  if (ctx) {
    const role = roleAt(root, offset);
    switch (ctx.key) {
      case 'category':
        items.push(...valueItems(CATEGORIES, ctx, format, position, CATEGORY_DOCS));
        break;
      case 'type':
        items.push(...valueItems(role === 'button' ? BUTTON_TYPES : COMPONENT_TYPES, ctx, format, position));
        break;
      case 'format':
        items.push(...valueItems(HEADER_FORMATS, ctx, format, position));
        break;
      case 'otp_type':
        items.push(...valueItems(OTP_TYPES, ctx, format, position));
        break;
      case 'parameter_format':
        items.push(...valueItems(PARAMETER_FORMATS, ctx, format, position));
        break;
      case 'language': {
        const names = Object.fromEntries(LANGUAGES.map(([c, n]) => [c, n]));
        items.push(...valueItems(LANGUAGES.map(([c]) => c), ctx, format, position, undefined, names));
        break;
      }
    }
    if (items.length) return { isIncomplete: false, items };
  }

  // Outside any template: offer a whole new template, in an empty file or a list of templates.
  if (!t && !str) {
    const empty = text.trim() === '';
    const inList = root?.kind === 'array' || (root?.kind === 'object' && pathAt(root, offset).some((p) => p.key === 'data'));
    if (empty || inList) {
      const line = text.slice(lineStart, offset);
      const afterDash = /^\s*-\s*$/.test(line);
      const mode: ListMode = afterDash ? 'after-dash' : root?.kind === 'array' ? 'dash' : 'none';
      items.push(...snippetItems(format, mode, server.support.snippets));
    }
  }
  return { isIncomplete: false, items };
}
