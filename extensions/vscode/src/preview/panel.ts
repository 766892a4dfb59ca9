/**
 * The WhatsApp preview panel: follows the active JSON/YAML editor and the template under the cursor,
 * asks the server for that template (`greenlight/templateInfo`) and hands it to the webview script.
 */
import * as vscode from 'vscode';
import type { FromWebview, RenderedMessage, TemplateInfoResult, ToWebview } from '../protocol.js';
import { Debounced } from '../debounce.js';

export interface PreviewState {
  visible: boolean;
  title: string;
  /** The document being previewed. */
  source: string | undefined;
  /** What the webview last rendered (its DOM text), or undefined before the first render. */
  rendered: RenderedMessage | undefined;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type TemplateInfoFetcher = (doc: vscode.TextDocument, position: vscode.Position) => Promise<TemplateInfoResult | null>;

const PREVIEWABLE = new Set(['json', 'jsonc', 'yaml']);
export const isPreviewable = (doc: vscode.TextDocument) => PREVIEWABLE.has(doc.languageId);

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'greenlight.preview';
  private static current: PreviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private source: vscode.TextDocument | undefined;
  private position = new vscode.Position(0, 0);
  private rendered: RenderedMessage | undefined;
  private posted = 0;
  private readonly updates = new Debounced(() => void this.update());
  private request = 0;
  private waiters: { after: number; resolve: () => void }[] = [];

  static get instance(): PreviewPanel | undefined {
    return PreviewPanel.current;
  }

  static show(extensionUri: vscode.Uri, fetch: TemplateInfoFetcher): PreviewPanel {
    const editor = vscode.window.activeTextEditor;
    if (PreviewPanel.current) {
      PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PreviewPanel.viewType,
        'WhatsApp preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          retainContextWhenHidden: false,
          localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
        },
      );
      PreviewPanel.current = new PreviewPanel(panel, extensionUri, fetch);
    }
    const p = PreviewPanel.current;
    if (editor && isPreviewable(editor.document)) p.follow(editor.document, editor.selection.active);
    else p.refresh(0);
    return p;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly fetch: TemplateInfoFetcher,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    panel.webview.html = this.html(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.source && e.contentChanges.length) this.refresh(120);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isPreviewable(e.document)) this.follow(e.document, e.selection.active);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.source) return;
        this.position = e.selections[0]?.active ?? this.position;
        this.refresh(120);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.source) {
          this.source = undefined;
          this.refresh(0);
        }
      }),
    );
  }

  follow(doc: vscode.TextDocument, position: vscode.Position) {
    this.source = doc;
    this.position = position;
    this.refresh(0);
  }

  state(): PreviewState {
    return { visible: this.panel.visible, title: this.panel.title, source: this.source?.uri.toString(), rendered: this.rendered };
  }

  /** Resolves once the webview has rendered everything posted so far. */
  whenRendered(timeoutMs = 10000): Promise<void> {
    const after = this.posted;
    if (this.rendered && this.rendered.version >= after && after > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('The preview did not render in time.')), timeoutMs);
      this.waiters.push({ after, resolve: () => (clearTimeout(t), resolve()) });
    });
  }

  /** Waits until pending edits have been fetched and rendered. */
  async settle(timeoutMs = 10000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while ((this.updates.pending || this.inFlight) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    await this.whenRendered(Math.max(0, end - Date.now()));
  }

  private inFlight = false;
  private last: ToWebview | undefined;

  private refresh(delayMs: number) {
    this.updates.schedule(delayMs);
  }

  private async update() {
    const id = ++this.request;
    const doc = this.source;
    if (!doc) {
      this.post({ type: 'empty', reason: 'Open a WhatsApp template file (JSON or YAML) to see its preview.' });
      return;
    }
    const fileName = vscode.workspace.asRelativePath(doc.uri);
    this.inFlight = true;
    let info: TemplateInfoResult | null = null;
    let failure: string | undefined;
    try {
      info = await this.fetch(doc, this.position);
    } catch (e) {
      failure = (e as Error).message;
    } finally {
      this.inFlight = false;
    }
    // A newer edit or cursor move superseded this request.
    if (id !== this.request) return;
    this.panel.title = info?.name ? `WhatsApp preview: ${info.name}` : 'WhatsApp preview';
    if (info) this.post({ type: 'update', info, fileName });
    else this.post({ type: 'empty', fileName, reason: failure ? `The language server could not read this file: ${failure}` : `No WhatsApp template found in ${fileName}.` });
  }

  private post(message: DistributiveOmit<ToWebview, 'seq'>) {
    this.last = { ...message, seq: ++this.posted } as ToWebview;
    void this.panel.webview.postMessage(this.last);
  }

  private onMessage(m: FromWebview) {
    if (m?.type === 'ready') {
      if (this.last) void this.panel.webview.postMessage(this.last);
      return;
    }
    if (m?.type !== 'rendered') return;
    this.rendered = m;
    const ready = this.waiters.filter((w) => m.version >= w.after);
    this.waiters = this.waiters.filter((w) => m.version < w.after);
    for (const w of ready) w.resolve();
  }

  private html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${n}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>WhatsApp preview</title>
</head>
<body>
<div id="root" role="document" aria-label="WhatsApp message preview"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose() {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    this.updates.dispose();
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
