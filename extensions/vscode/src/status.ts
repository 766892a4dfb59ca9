/**
 * Status bar item for the template under the cursor: predicted (or declared) category and how many
 * findings it has. Refreshed when the editor, the cursor's template or its diagnostics change.
 */
import * as vscode from 'vscode';
import type { TemplateInfoResult } from './protocol.js';
import { isPreviewable, type TemplateInfoFetcher } from './preview/panel.js';
import { categoryMismatch, statusText } from './statusText.js';
import { Debounced } from './debounce.js';

export function statusTooltip(info: TemplateInfoResult): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.appendText(`Template ${info.name ?? '(unnamed)'}`);
  md.appendMarkdown('\n\n');
  md.appendText(`Declared category: ${info.category ?? 'none'}`);
  md.appendMarkdown('\n\n');
  md.appendText(`Reads as: ${info.predicted ?? 'no prediction'}`);
  for (const r of info.reasons) {
    md.appendMarkdown('\n- ');
    md.appendText(r);
  }
  md.appendMarkdown('\n\n');
  md.appendText(`${info.findingCount} finding(s). Click to open the WhatsApp preview.`);
  return md;
}

export class TemplateStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('greenlight.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly updates = new Debounced(() => void this.update());
  private request = 0;
  /** The last info shown (undefined when hidden); read by the end-to-end tests. */
  info: TemplateInfoResult | undefined;

  constructor(private readonly fetch: TemplateInfoFetcher) {
    this.item.name = 'Greenlight template';
    this.item.command = 'greenlight.showPreview';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule(200);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule(50);
      }),
    );
    this.schedule(0);
  }

  schedule(delayMs: number) {
    this.updates.schedule(delayMs);
  }

  private async update() {
    const id = ++this.request;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPreviewable(editor.document)) return this.hide();
    let info: TemplateInfoResult | null = null;
    try {
      info = await this.fetch(editor.document, editor.selection.active);
    } catch {
      info = null; // server starting or restarting: the next event refreshes
    }
    if (id !== this.request) return;
    if (!info) return this.hide();
    this.info = info;
    this.item.text = statusText(info);
    this.item.tooltip = statusTooltip(info);
    this.item.backgroundColor = categoryMismatch(info) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  private hide() {
    this.info = undefined;
    this.item.hide();
  }

  dispose() {
    this.updates.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
