import { existsSync, readFileSync } from 'node:fs';
import {
  CONFIG_FILE_NAME,
  TemplateCache,
  holdsTemplates,
  lintParsed,
  matchGlob,
  joinPath,
  type ParsedDocument,
  type Config,
  type LintResult,
  type Rule,
} from '@greenlight/core';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllEdit } from './codeActions.js';
import { completions } from './completion.js';
import { ConfigManager, type LoadedConfig } from './configs.js';
import { formatOf, isConfigPath, matchesTemplateGlobs, mightBeTemplates } from './detect.js';
import { SOURCE, toDiagnostics, toLspRange } from './diagnostics.js';
import { hover } from './hover.js';
import { parseIncremental, type IncrementalStats } from './incremental.js';
import { pathToUri, uriToPath } from './paths.js';
import {
  DEFAULT_SETTINGS,
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  LintWorkspaceRequest,
  ServerStatusRequest,
  TemplateInfoRequest,
  type GreenlightSettings,
  type LintWorkspaceParams,
  type ServerStatusResult,
  type TemplateInfoParams,
} from './protocol.js';
import { normalizeSettings } from './settings.js';
import { documentSymbols } from './symbols.js';
import { templateInfo } from './templateInfo.js';
import { lintWorkspace } from './workspace.js';

export interface ServerOptions {
  rules: readonly Rule[];
  presets: Record<string, Config>;
}

/** The last lint of a document, everything a feature needs to answer without linting again. */
export interface Snapshot {
  doc: TextDocument;
  version: number;
  filePath: string | undefined;
  /** Undefined for config documents and documents that are not templates. */
  result: LintResult | undefined;
  diagnostics: Diagnostic[];
  config: LoadedConfig | undefined;
}

interface DocState {
  cache: TemplateCache;
  /** The last parse, reused by the incremental parser for the next version. */
  parsed?: ParsedDocument;
  cancel?: () => void;
  snapshot?: Snapshot;
  /** Version whose diagnostics were last published (never publish an older one after it). */
  published: number;
  /** Whether the last publication had any diagnostics, to skip publishing empty lists again. */
  publishedAny: boolean;
}

export interface ClientSupport {
  configurationPull: boolean;
  dynamicWatchers: boolean;
  dynamicConfiguration: boolean;
  documentChanges: boolean;
  createFile: boolean;
  snippets: boolean;
  hierarchicalSymbols: boolean;
  workspaceFolders: boolean;
}

function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    configurationPull: !!c.workspace?.configuration,
    dynamicWatchers: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    dynamicConfiguration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    createFile: !!c.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    hierarchicalSymbols: !!c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    workspaceFolders: !!c.workspace?.workspaceFolders,
  };
}

export class GreenlightServer {
  settings: GreenlightSettings = { ...DEFAULT_SETTINGS };
  roots: string[] = [];
  support: ClientSupport = clientSupport({});
  readonly documents = new TextDocuments(TextDocument);
  readonly configs: ConfigManager;
  readonly rulesById: ReadonlyMap<string, Rule>;
  private readonly states = new Map<string, DocState>();
  private readonly stats = { lints: 0, templatesLinted: 0, templatesFromCache: 0, publishes: 0 };
  private readonly parseStats: IncrementalStats = { full: 0, incremental: 0 };

  constructor(
    readonly connection: Connection,
    readonly options: ServerOptions,
  ) {
    this.rulesById = new Map(options.rules.map((r) => [r.id, r]));
    this.configs = new ConfigManager(
      {
        readFile: (path) => this.readFile(path),
        exists: (path) => this.openDocumentAt(path) !== undefined || existsSync(path),
      },
      options.rules,
      options.presets,
    );
    this.wire();
  }

  /** Reads a file, preferring the open editor buffer so unsaved config edits apply at once. */
  readFile(path: string): string | undefined {
    const open = this.openDocumentAt(path);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  openDocumentAt(path: string): TextDocument | undefined {
    for (const d of this.documents.all()) if (uriToPath(d.uri) === path) return d;
    return undefined;
  }

  private log(message: string): void {
    if (this.settings.trace !== 'off') this.connection.console.log(message);
  }

  private guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      try {
        return fn(...args);
      } catch (e) {
        this.connection.console.error(`greenlight: ${name} failed: ${(e as Error).stack ?? String(e)}`);
        return fallback;
      }
    };
  }

  private wire(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration((p) => void this.refreshSettings(p.settings));
    c.onDidChangeWatchedFiles(
      this.guard('watched files', undefined, (p) => {
        let changed = false;
        for (const ch of p.changes) {
          const path = uriToPath(ch.uri);
          if (!path) continue;
          if (isConfigPath(path) || this.configs.affects(path)) changed = true;
          if (ch.type === FileChangeType.Created && isConfigPath(path)) changed = true;
        }
        if (changed) this.configChanged();
      }),
    );
    this.documents.onDidOpen(
      this.guard('open', undefined, (e) => {
        const path = uriToPath(e.document.uri);
        if (path && this.configs.affects(path)) this.configChanged();
        this.run(e.document.uri);
      }),
    );
    this.documents.onDidChangeContent(
      this.guard('change', undefined, (e) => {
        const state = this.states.get(e.document.uri);
        // onDidOpen already linted this version.
        if (state?.snapshot?.version === e.document.version) return;
        const path = uriToPath(e.document.uri);
        if (path && this.configs.affects(path)) {
          // An unsaved edit of a config applies to every open template right away.
          this.configs.clear();
          this.schedule(e.document.uri, this.settings.debounceMs);
          this.relintAll(this.settings.debounceMs, e.document.uri);
          return;
        }
        this.schedule(e.document.uri, this.settings.debounceMs);
      }),
    );
    this.documents.onDidClose(
      this.guard('close', undefined, (e) => {
        const uri = e.document.uri;
        const state = this.states.get(uri);
        state?.cancel?.();
        this.states.delete(uri);
        void c.sendDiagnostics({ uri, diagnostics: [] });
        const path = uriToPath(uri);
        // The disk content of a closed config applies again.
        if (path && this.configs.affects(path)) this.configChanged();
      }),
    );
    this.documents.listen(c);

    c.onHover(this.guard('hover', null, (p) => {
      const s = this.snapshot(p.textDocument.uri);
      return s ? hover(this, s, p.position) : null;
    }));
    c.onCompletion(this.guard('completion', null, (p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc) return null;
      const s = this.snapshot(p.textDocument.uri);
      return completions(this, doc, s, p.position);
    }));
    c.onCodeAction(this.guard('code actions', [], (p) => {
      const s = this.snapshot(p.textDocument.uri);
      return s ? codeActions(this, s, p) : [];
    }));
    c.onDocumentSymbol(this.guard('symbols', [], (p) => {
      const s = this.snapshot(p.textDocument.uri);
      return s?.result ? documentSymbols(s, this.support.hierarchicalSymbols) : [];
    }));
    c.onExecuteCommand(this.guard('command', null, (p) => {
      if (p.command === FIX_ALL_COMMAND && typeof p.arguments?.[0] === 'string') {
        const s = this.snapshot(p.arguments[0]);
        // A fix-all chosen for an older version would edit text the user has changed since.
        if (typeof p.arguments[1] === 'number' && s && s.version !== p.arguments[1]) return null;
        const edit = s && fixAllEdit(this, s);
        if (edit) void c.workspace.applyEdit(edit);
      }
      return null;
    }));

    c.onRequest(TemplateInfoRequest, this.guard('templateInfo', null, (p: TemplateInfoParams) => {
      const s = p && typeof p.uri === 'string' ? this.snapshot(p.uri) : undefined;
      return s ? templateInfo(this, s, p.position) : null;
    }));
    c.onRequest(LintWorkspaceRequest, async (p: LintWorkspaceParams | undefined) => {
      try {
        return await lintWorkspace(this, p ?? {});
      } catch (e) {
        c.console.error(`greenlight: lintWorkspace failed: ${(e as Error).stack ?? String(e)}`);
        throw e;
      }
    });
    c.onRequest(ServerStatusRequest, (p: { gc?: boolean } | undefined): ServerStatusResult => {
      // With node --expose-gc, a caller can ask for a collection first (the benchmark does).
      const gc = (globalThis as { gc?: () => void }).gc;
      if (p?.gc && gc) gc();
      const m = process.memoryUsage();
      return {
        memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external },
        openDocuments: this.documents.all().length,
        ...this.stats,
        parses: { ...this.parseStats },
      };
    });
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.support = clientSupport(params.capabilities);
    this.settings = normalizeSettings(params.initializationOptions);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.roots = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', '{', ':', ' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, 'source.fixAll'], resolveProvider: false },
        documentSymbolProvider: { label: 'Greenlight templates' },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'greenlight-language-server', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.support.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.roots = this.roots.filter((r) => r !== uriToPath(f.uri));
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p) this.roots.push(p);
        }
        this.configChanged();
      });
    }
    if (this.support.dynamicWatchers) {
      // Configs and the files they usually extend; any JSON under them is checked against the deps.
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*greenlight*.json' }],
        })
        .catch(() => undefined);
    }
    if (this.support.dynamicConfiguration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'greenlight' }).catch(() => undefined);
    }
    await this.refreshSettings(undefined);
  }

  /** Pulls settings when the client supports it, else takes what a didChangeConfiguration pushed. */
  async refreshSettings(pushed: unknown): Promise<void> {
    let next = this.settings;
    if (this.support.configurationPull) {
      try {
        const section = await this.connection.workspace.getConfiguration('greenlight');
        if (section) next = normalizeSettings(section, this.settings);
      } catch {
        // A client that cannot answer keeps the initialization options.
      }
    } else if (pushed && typeof pushed === 'object') {
      next = normalizeSettings(pushed, this.settings);
    }
    const changed = JSON.stringify(next) !== JSON.stringify(this.settings);
    this.settings = next;
    // Settings pulled right after startup usually match the initialization options: no re-lint then.
    if (changed) this.configChanged();
  }

  explicitConfigPath(): string | undefined {
    const p = this.settings.configPath;
    if (!p) return undefined;
    if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return p.replace(/\\/g, '/');
    return this.roots[0] ? joinPath(this.roots[0], p) : undefined;
  }

  /** A config (or settings) change: forget cached configs and results, lint open documents again. */
  configChanged(): void {
    this.configs.clear();
    this.relintAll(0);
  }

  private relintAll(delay: number, except?: string): void {
    for (const doc of this.documents.all()) {
      if (doc.uri === except) continue;
      const state = this.states.get(doc.uri);
      // Results are cached by template text only, so a new config invalidates them.
      state?.cache.clear();
      if (state) state.snapshot = undefined;
      this.schedule(doc.uri, delay);
    }
  }

  private state(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) this.states.set(uri, (s = { cache: new TemplateCache(), published: -1, publishedAny: false }));
    return s;
  }

  schedule(uri: string, delay: number): void {
    const state = this.state(uri);
    state.cancel?.();
    const run = () => {
      state.cancel = undefined;
      this.run(uri);
    };
    if (delay > 0) {
      const t = setTimeout(run, delay);
      state.cancel = () => clearTimeout(t);
    } else {
      const t = setImmediate(run);
      state.cancel = () => clearImmediate(t);
    }
  }

  /** Lints the current version now and publishes, unless a newer version arrived meanwhile. */
  run(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const state = this.state(uri);
    state.cancel?.();
    state.cancel = undefined;
    let snapshot: Snapshot;
    try {
      snapshot = this.lint(doc, state);
    } catch (e) {
      this.connection.console.error(`greenlight: linting ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    this.publish(uri, state, snapshot);
  }

  private publish(uri: string, state: DocState, snapshot: Snapshot): void {
    const current = this.documents.get(uri);
    // Never publish a result for an older version than the document has now, or than was published.
    if (!current || current.version !== snapshot.version || snapshot.version < state.published) return;
    if (snapshot.diagnostics.length === 0 && !state.publishedAny && state.published >= 0) {
      state.published = snapshot.version;
      return;
    }
    state.published = snapshot.version;
    state.publishedAny = snapshot.diagnostics.length > 0;
    this.stats.publishes++;
    void this.connection.sendDiagnostics({ uri, version: snapshot.version, diagnostics: snapshot.diagnostics });
  }

  /** The snapshot of the document's current version, linting now when the last one is stale. */
  snapshot(uri: string): Snapshot | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const state = this.state(uri);
    if (state.snapshot?.version === doc.version) return state.snapshot;
    const s = this.lint(doc, state);
    this.publish(uri, state, s);
    return s;
  }

  private lint(doc: TextDocument, state: DocState): Snapshot {
    const started = performance.now();
    const filePath = uriToPath(doc.uri);
    const snap = (result: LintResult | undefined, diagnostics: Diagnostic[], config?: LoadedConfig): Snapshot =>
      (state.snapshot = { doc, version: doc.version, filePath, result, diagnostics, config });

    if (filePath && isConfigPath(filePath)) return snap(undefined, this.configDiagnostics(doc, filePath));
    if (!this.settings.enable) return snap(undefined, []);
    const format = formatOf(filePath, doc.languageId);
    if (!format) return snap(undefined, []);
    const text = doc.getText();
    const byGlob = filePath ? matchesTemplateGlobs(filePath, this.settings.fileGlobs, this.roots) : false;
    if (!byGlob && !mightBeTemplates(text)) return snap(undefined, []);
    const parsed = parseIncremental(text, format, state.parsed?.format === format ? state.parsed : undefined, this.parseStats);
    state.parsed = parsed;
    if (!byGlob && !holdsTemplates(parsed.root)) return snap(undefined, []);
    const config = this.configs.configFor(filePath, this.explicitConfigPath());
    if (filePath && config.config.ignorePatterns.some((g) => matchGlob(g, filePath))) return snap(undefined, [], config);

    const counting = { hits: 0 };
    const cache = state.cache;
    const before = this.countingCache(cache, counting);
    const result = lintParsed(parsed, { rules: this.options.rules, config: config.config, filePath, cache: before });
    cache.sweep();
    this.stats.lints++;
    this.stats.templatesFromCache += counting.hits;
    this.stats.templatesLinted += result.templates.length - counting.hits;

    const diagnostics = toDiagnostics(doc, result, { rulesById: this.rulesById, overrides: this.settings.severityOverrides, version: doc.version });
    const problem = config.problems[0];
    if (problem) {
      const d: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        code: 'config',
        source: SOURCE,
        message: `${config.path ?? CONFIG_FILE_NAME} has ${config.problems.length} problem(s); the first: ${problem.message}`,
      };
      if (problem.range && config.path) {
        const cdoc = TextDocument.create('file://config', 'json', 0, this.readFile(problem.file) ?? '');
        d.relatedInformation = [{ location: { uri: this.uriFor(problem.file), range: toLspRange(cdoc, problem.range) }, message: problem.message }];
      }
      diagnostics.unshift(d);
    }
    if (this.settings.trace === 'verbose') {
      this.log(`lint ${doc.uri} v${doc.version}: ${result.templates.length} templates (${counting.hits} cached), ${diagnostics.length} diagnostics, ${(performance.now() - started).toFixed(1)} ms`);
    }
    return snap(result, diagnostics, config);
  }

  /** Wraps the document's TemplateCache to count hits, for the status request and the benchmark. */
  private countingCache(cache: TemplateCache, counting: { hits: number }): TemplateCache {
    const proxy = Object.create(cache) as TemplateCache;
    proxy.lint = (doc, template, opts) => {
      let computed = false;
      const result = cache.lint(doc, template, {
        ...opts,
        // lintTemplate runs only on a miss; the rules array is read then.
        get rules() {
          computed = true;
          return opts.rules;
        },
      });
      if (!computed) counting.hits++;
      return result;
    };
    return proxy;
  }

  uriFor(path: string): string {
    const open = this.openDocumentAt(path);
    return open ? open.uri : pathToUri(path);
  }

  /** Validates an open `greenlight.config.json`, with each problem at its position. */
  private configDiagnostics(doc: TextDocument, filePath: string): Diagnostic[] {
    const loaded = this.configs.resolveText(doc.getText(), filePath);
    return loaded.problems.map((p) => {
      const here = p.file === filePath;
      const range = here && p.range ? toLspRange(doc, p.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      return {
        range,
        severity: DiagnosticSeverity.Error,
        code: 'config',
        source: SOURCE,
        message: here ? p.message : `${p.file}: ${p.message}`,
      } satisfies Diagnostic;
    });
  }

  /** Publishes diagnostics for a file the editor has not opened (workspace lint). */
  publishFor(uri: string, diagnostics: Diagnostic[]): void {
    if (this.documents.get(uri)) return;
    this.stats.publishes++;
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
