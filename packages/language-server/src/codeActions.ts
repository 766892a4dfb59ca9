import { CONFIG_FILE_NAME, PRESET_PREFIX, dirname, getProperty, lintAndFix } from '@greenlight/core';
import { modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import {
  CodeActionKind,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigManager } from './configs.js';
import { SOURCE, categoryEdit, predictionOf } from './diagnostics.js';
import { templateAt } from './locate.js';
import { pathToUri } from './paths.js';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, type DiagnosticData } from './protocol.js';
import type { GreenlightServer, Snapshot } from './server.js';

/** Rule ids that are not rules and cannot be turned off in a config. */
const NOT_RULES = new Set(['syntax', 'config']);

function docEdit(server: GreenlightServer, s: Snapshot, edits: TextEdit[]): WorkspaceEdit {
  if (server.support.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: s.doc.uri, version: s.version }, edits)] };
  return { changes: { [s.doc.uri]: edits } };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(doc: TextDocument, before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(endB) }, newText: after.slice(start, endA) };
}

/** Applies every fix, re-linting between passes as `greenlight lint --fix` does. */
export function fixAllEdit(server: GreenlightServer, s: Snapshot): WorkspaceEdit | undefined {
  if (!s.result || !s.config) return undefined;
  const text = s.doc.getText();
  const overrides = server.settings.severityOverrides;
  const fixed = lintAndFix(text, {
    rules: server.options.rules,
    config: s.config.config,
    filePath: s.filePath,
    format: s.result.document.format === 'yaml' ? 'yaml' : 'json',
    ruleFilter: (id) => overrides[id] !== 'off',
  });
  const edit = minimalEdit(s.doc, text, fixed.output);
  return edit ? docEdit(server, s, [edit]) : undefined;
}

function indentOf(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const tabs = !!m && m[1]!.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : Math.min(m?.[1]!.length ?? 2, 8), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Sets `rules[ruleId]` to "off" in the nearest config, or creates one next to the workspace. */
export function disableRuleEdit(server: GreenlightServer, s: Snapshot, ruleId: string): { edit: WorkspaceEdit; file: string } | undefined {
  if (!s.filePath) return undefined;
  const existing = server.explicitConfigPath() ?? server.configs.nearest(dirname(s.filePath));
  if (existing) {
    const text = server.readFile(existing);
    if (text === undefined) return undefined;
    const errors: { error: number }[] = [];
    parseTree(text, errors as never);
    if (errors.length > 0) return undefined;
    const edits = modify(text, ['rules', ruleId], 'off', { formattingOptions: indentOf(text) });
    if (edits.length === 0) return undefined;
    const open = server.openDocumentAt(existing);
    const cdoc = open ?? TextDocument.create(pathToUri(existing), 'json', 0, text);
    const lspEdits = edits.map((e) => ({ range: { start: cdoc.positionAt(e.offset), end: cdoc.positionAt(e.offset + e.length) }, newText: e.content }));
    const uri = open?.uri ?? pathToUri(existing);
    const edit: WorkspaceEdit = server.support.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri, version: open ? open.version : null }, lspEdits)] }
      : { changes: { [uri]: lspEdits } };
    return { edit, file: existing };
  }
  if (!server.support.documentChanges || !server.support.createFile) return undefined;
  const path = ConfigManager.newConfigPath(s.filePath, server.roots);
  const uri = pathToUri(path);
  const content = `${JSON.stringify({ extends: [`${PRESET_PREFIX}recommended`], rules: { [ruleId]: 'off' } }, null, 2)}\n`;
  return {
    edit: {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }]),
      ],
    },
    file: path,
  };
}

export function codeActions(server: GreenlightServer, s: Snapshot, p: CodeActionParams): CodeAction[] {
  const only = p.context.only;
  const out: CodeAction[] = [];
  const fixAllRequested = only?.some((o) => o === 'source' || o === CodeActionKind.SourceFixAll || o === FIX_ALL_KIND);
  if (fixAllRequested) {
    const edit = fixAllEdit(server, s);
    if (edit) out.push({ title: 'Fix all auto-fixable Greenlight problems', kind: FIX_ALL_KIND, edit });
    return out;
  }
  if (!wants(only, CodeActionKind.QuickFix)) return out;

  const current = (d: Diagnostic) => {
    const data = d.data as DiagnosticData | undefined;
    return d.source === SOURCE && data && typeof data.ruleId === 'string' && data.version === s.version ? data : undefined;
  };
  const disabled = new Set<string>();
  let categoryOffered = false;
  for (const d of p.context.diagnostics) {
    const data = current(d);
    if (!data) continue;
    if (data.fix) {
      out.push({ title: `Fix: ${d.message}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: docEdit(server, s, [data.fix]) });
    }
    for (const sug of data.suggestions ?? []) {
      out.push({ title: sug.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: docEdit(server, s, [sug.edit]) });
    }
    // A category rule may offer the same change as a suggestion; show it once.
    if ((data.suggestions ?? []).some((x) => /^Change category to /.test(x.title))) categoryOffered = true;
    if (data.category?.edit && !categoryOffered) {
      categoryOffered = true;
      out.push({
        title: `Change category to ${data.category.predicted}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: !data.fix,
        edit: docEdit(server, s, [data.category.edit]),
      });
    }
    if (!NOT_RULES.has(data.ruleId) && server.rulesById.has(data.ruleId) && !disabled.has(data.ruleId)) {
      disabled.add(data.ruleId);
      const dis = disableRuleEdit(server, s, data.ruleId);
      if (dis) {
        const name = dis.file.slice(dis.file.lastIndexOf('/') + 1) || CONFIG_FILE_NAME;
        out.push({ title: `Disable ${data.ruleId} in ${name}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: dis.edit });
      }
    }
  }

  // The prediction applies to the template, so offer it on the category field without a finding too.
  if (!categoryOffered && s.result) {
    const offset = s.doc.offsetAt(p.range.start);
    const t = templateAt(s.result.templates.map((x) => x.template), offset);
    const tr = t && s.result.templates.find((r) => r.template === t);
    const prop = t && getProperty(t.node, 'category');
    const pred = predictionOf(tr);
    if (tr && prop && pred && pred.predicted !== tr.template.category && offset >= prop.range.start && offset <= prop.range.end) {
      const e = categoryEdit(s.doc, s.result, tr, pred.predicted);
      if (e) out.push({ title: `Change category to ${pred.predicted}`, kind: CodeActionKind.QuickFix, edit: docEdit(server, s, [e]) });
    }
  }

  // Computing every fix means linting again, so this one runs as a command only when chosen.
  const fixable = s.diagnostics.filter((d) => current(d)?.fix).length;
  if (fixable > 1) {
    out.push({
      title: 'Fix all auto-fixable Greenlight problems',
      kind: CodeActionKind.QuickFix,
      command: { title: 'Fix all auto-fixable Greenlight problems', command: FIX_ALL_COMMAND, arguments: [s.doc.uri, s.version] },
    });
  }
  return out;
}
