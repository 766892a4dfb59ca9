/**
 * Greenlight for VS Code: a thin client. All linting, fixes and template detection happen in the
 * bundled language server (packages/language-server, started over node IPC); this file wires commands,
 * the status bar item and the WhatsApp preview to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PreviewPanel, type PreviewState, type TemplateInfoFetcher } from './preview/panel.js';
import {
  FIX_ALL_KIND,
  LintWorkspaceRequest,
  TemplateInfoRequest,
  type LintWorkspaceParams,
  type LintWorkspaceResult,
  type TemplateInfoParams,
  type TemplateInfoResult,
} from './protocol.js';
import { TemplateStatus } from './status.js';

/** What `activate` returns: used by other extensions and by the end-to-end tests. */
export interface GreenlightApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  templateInfo(doc: vscode.TextDocument, position: vscode.Position): Promise<TemplateInfoResult | null>;
  previewState(): PreviewState | undefined;
  status(): { text: string; visible: boolean; info: TemplateInfoResult | undefined };
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

// The server decides which JSON/YAML documents are templates (globs plus content detection).
const DOCUMENT_SELECTOR = ['json', 'jsonc', 'yaml'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: () => ({ greenlight: vscode.workspace.getConfiguration('greenlight') }),
    synchronize: {
      configurationSection: 'greenlight',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/greenlight.config.json'),
    },
  };
  // The id "greenlight" makes the client honour the `greenlight.trace.server` setting.
  return new LanguageClient('greenlight', 'Greenlight', serverOptions, clientOptions);
}

async function fixAll(doc: vscode.TextDocument): Promise<number> {
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND)) ?? [];
  let applied = 0;
  for (const a of actions) {
    if (!('kind' in a) || !a.kind || !vscode.CodeActionKind.SourceFixAll.contains(a.kind)) continue;
    if (a.edit && (await vscode.workspace.applyEdit(a.edit))) applied += a.edit.entries().reduce((n, [, edits]) => n + edits.length, 0);
    if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
    if (a.edit || a.command) break; // one fix-all action covers the whole document
  }
  return applied;
}

export async function activate(context: vscode.ExtensionContext): Promise<GreenlightApi> {
  const output = vscode.window.createOutputChannel('Greenlight', { log: true });
  context.subscriptions.push(output);

  const start = async () => {
    client = createClient(context, output);
    starting = client.start();
    try {
      await starting;
    } catch (e) {
      output.error(`Greenlight language server failed to start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage('Greenlight: the language server failed to start. See the Greenlight output for details.');
      throw e;
    }
  };
  const ready = async () => {
    await starting;
    if (!client?.isRunning()) throw new Error('The Greenlight language server is not running.');
  };

  const templateInfo: TemplateInfoFetcher = async (doc, position) => {
    await ready();
    const params: TemplateInfoParams = { uri: client!.code2ProtocolConverter.asUri(doc.uri), position: { line: position.line, character: position.character } };
    return client!.sendRequest<TemplateInfoResult | null>(TemplateInfoRequest, params);
  };

  const status = new TemplateStatus(templateInfo);
  context.subscriptions.push(status);

  context.subscriptions.push(
    vscode.commands.registerCommand('greenlight.lintWorkspace', async (): Promise<LintWorkspaceResult | undefined> => {
      await ready();
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Greenlight: linting the workspace templates' },
        () => client!.sendRequest<LintWorkspaceResult>(LintWorkspaceRequest, {} satisfies LintWorkspaceParams),
      );
      const found = result.errors + result.warnings + result.infos;
      const files = result.files === 1 ? '1 template file' : `${result.files} template files`;
      const summary = found
        ? `Greenlight: ${files}, ${result.errors} error(s), ${result.warnings} warning(s), ${result.infos} info in ${result.filesWithFindings} file(s).`
        : `Greenlight: ${files}, no findings.`;
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    }),
    vscode.commands.registerCommand('greenlight.showPreview', async (): Promise<PreviewState> => {
      const panel = PreviewPanel.show(context.extensionUri, templateInfo);
      await panel.settle();
      return panel.state();
    }),
    vscode.commands.registerCommand('greenlight.fixAll', async (): Promise<number> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return 0;
      await ready();
      const applied = await fixAll(editor.document);
      if (!applied) void vscode.window.showInformationMessage('Greenlight: nothing to fix automatically in this file.');
      return applied;
    }),
    vscode.commands.registerCommand('greenlight.restartServer', async () => {
      output.info('Restarting the Greenlight language server.');
      if (client?.isRunning()) {
        starting = client.restart();
        await starting;
      } else {
        await client?.dispose().catch(() => undefined);
        await start();
      }
      status.schedule(0);
    }),
    { dispose: () => void client?.stop() },
  );

  // A server that fails to start is reported; the commands stay registered so Restart can retry.
  await start().catch(() => undefined);

  return {
    ready,
    templateInfo,
    previewState: () => PreviewPanel.instance?.state(),
    status: () => ({ text: status.item.text, visible: status.info !== undefined, info: status.info }),
  };
}

export async function deactivate(): Promise<void> {
  PreviewPanel.instance?.dispose();
  await client?.stop();
  client = undefined;
}
