/**
 * The custom requests and settings the Greenlight language server understands. Plain types and
 * method names only (no runtime dependencies), so a client can import this file as it is.
 */

export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** Settings under the `greenlight` section (workspace/configuration) or in `initializationOptions`. */
export interface GreenlightSettings {
  /** Lint at all. */
  enable: boolean;
  /** Globs that mark a file as a template file. Other JSON/YAML files are linted when their content looks like templates. */
  fileGlobs: string[];
  /** A config file to use instead of the nearest `greenlight.config.json` (absolute, or relative to the first workspace folder). */
  configPath: string | null;
  /** Rule id → severity shown in the editor; `off` hides the rule's findings. */
  severityOverrides: Record<string, SeverityOverride>;
  /** `verbose` logs every lint with its timing to the output channel. */
  trace: 'off' | 'messages' | 'verbose';
  /** Quiet time after the last edit before a document is linted, in milliseconds (0 lints on every change). */
  debounceMs: number;
}

export const DEFAULT_FILE_GLOBS = ['**/*.template.json', '**/*.template.yaml', '**/*.template.yml', '**/templates/**/*.json', '**/templates/**/*.{yaml,yml}'];

export const DEFAULT_SETTINGS: GreenlightSettings = {
  enable: true,
  fileGlobs: DEFAULT_FILE_GLOBS,
  configPath: null,
  severityOverrides: {},
  trace: 'off',
  debounceMs: 150,
};

/** `greenlight/lintWorkspace`: lint every template file under the workspace folders and publish diagnostics for each. */
export const LintWorkspaceRequest = 'greenlight/lintWorkspace';
export interface LintWorkspaceParams {
  /** Folder URIs to lint instead of the workspace folders. */
  folders?: string[];
}
export interface LintWorkspaceResult {
  /** Template files linted. */
  files: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  templates: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Files skipped because they were too large or unreadable. */
  skipped: number;
  durationMs: number;
}

/** `greenlight/templateInfo`: the template at a position, for the preview. */
export const TemplateInfoRequest = 'greenlight/templateInfo';
export interface TemplateInfoParams {
  uri: string;
  position: { line: number; character: number };
}
export interface TemplateInfoResult {
  name: string | null;
  language: string | null;
  /** Declared category as written. */
  category: string | null;
  /** Category predicted by the category rules, when one of them published a prediction. */
  predicted: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | null;
  reasons: string[];
  /** Findings inside this template (after severity overrides). */
  findingCount: number;
  /** Position of the template in its file (0 for a single-template file). */
  index: number;
  /** Document range of the template. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The template as plain JSON. */
  template: unknown;
}

/** `greenlight/serverStatus`: process memory and lint counters, for benchmarks and diagnostics. Params `{ gc?: true }` collect garbage first when node runs with --expose-gc. */
export const ServerStatusRequest = 'greenlight/serverStatus';
export interface ServerStatusResult {
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
  openDocuments: number;
  /** Document lints run. */
  lints: number;
  /** Templates run through the rules. */
  templatesLinted: number;
  /** Templates whose results came from the per-document TemplateCache. */
  templatesFromCache: number;
  /** Diagnostics publications. */
  publishes: number;
  /** Full parses, and edits inside one template of a JSON list parsed incrementally. */
  parses: { full: number; incremental: number };
}

/** The code action kind of "fix all" for Greenlight (as in `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.greenlight';

/** Command behind the "Fix all" quick fix: arguments [uri, version]; the server applies the edit with workspace/applyEdit. */
export const FIX_ALL_COMMAND = 'greenlight.applyFixAll';

/** What each diagnostic carries in `data`, so code actions need no re-lint. */
export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  templateIndex: number | null;
  /** Document version the diagnostic was computed for. */
  version: number;
  fix?: LspTextEdit;
  suggestions?: { title: string; edit: LspTextEdit }[];
  /** When a category rule predicted a different category than the declared one. */
  category?: { predicted: string; reasons: string[]; declared: string | null; edit: LspTextEdit | null };
}

export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
