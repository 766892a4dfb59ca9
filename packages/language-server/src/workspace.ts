import { readFile, readdir, stat } from 'node:fs/promises';
import { holdsTemplates, lintParsed, matchGlob, parseDocument } from '@greenlight/core';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf, isConfigPath, matchesTemplateGlobs, mightBeTemplates } from './detect.js';
import { toDiagnostics } from './diagnostics.js';
import { pathToUri, uriToPath } from './paths.js';
import type { LintWorkspaceParams, LintWorkspaceResult } from './protocol.js';
import type { GreenlightServer } from './server.js';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.pnpm-store', '.cache']);
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 20000;

async function* walk(dir: string, depth = 0): AsyncGenerator<string> {
  if (depth > 30) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = `${dir === '/' ? '' : dir}/${e.name}`;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* walk(p, depth + 1);
    } else if (e.isFile() && /\.(json|ya?ml)$/i.test(e.name)) yield p;
  }
}

/** Lints every template file under the workspace folders and publishes diagnostics for each. */
export async function lintWorkspace(server: GreenlightServer, params: LintWorkspaceParams): Promise<LintWorkspaceResult> {
  const started = performance.now();
  const folders = (params.folders?.map(uriToPath).filter((p): p is string => !!p) ?? server.roots).filter(Boolean);
  const out: LintWorkspaceResult = { files: 0, filesWithFindings: 0, templates: 0, errors: 0, warnings: 0, infos: 0, skipped: 0, durationMs: 0 };
  const count = (diags: Diagnostic[], templates: number) => {
    out.files++;
    out.templates += templates;
    if (diags.length) out.filesWithFindings++;
    for (const d of diags) {
      if (d.severity === DiagnosticSeverity.Error) out.errors++;
      else if (d.severity === DiagnosticSeverity.Warning) out.warnings++;
      else out.infos++;
    }
  };
  const seen = new Set<string>();
  let visited = 0;
  for (const folder of folders) {
    for await (const path of walk(folder)) {
      if (seen.has(path) || isConfigPath(path)) continue;
      seen.add(path);
      if (++visited > MAX_FILES) break;
      // Keep answering other requests during a long walk.
      if (visited % 50 === 0) await new Promise((r) => setImmediate(r));
      const open = server.openDocumentAt(path);
      if (open) {
        const s = server.snapshot(open.uri);
        if (s?.result) count(s.diagnostics, s.result.templates.length);
        continue;
      }
      const byGlob = matchesTemplateGlobs(path, server.settings.fileGlobs, server.roots);
      let text: string;
      try {
        if ((await stat(path)).size > MAX_FILE_BYTES) {
          if (byGlob) out.skipped++;
          continue;
        }
        text = await readFile(path, 'utf8');
      } catch {
        if (byGlob) out.skipped++;
        continue;
      }
      if (!byGlob && !mightBeTemplates(text)) continue;
      const format = formatOf(path, undefined)!;
      const parsed = parseDocument(text, format);
      if (!byGlob && !holdsTemplates(parsed.root)) continue;
      const config = server.configs.configFor(path, server.explicitConfigPath());
      if (config.config.ignorePatterns.some((g) => matchGlob(g, path))) continue;
      const result = lintParsed(parsed, { rules: server.options.rules, config: config.config, filePath: path });
      const uri = pathToUri(path);
      const doc = TextDocument.create(uri, format, 0, text);
      const diags = toDiagnostics(doc, result, { rulesById: server.rulesById, overrides: server.settings.severityOverrides, version: 0 });
      server.publishFor(uri, diags);
      count(diags, result.templates.length);
    }
  }
  out.durationMs = Math.round(performance.now() - started);
  return out;
}
