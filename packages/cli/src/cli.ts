/**
 * `greenlight lint`: the whole command as a function of arguments and I/O, so the binary is a
 * thin wrapper. Exit codes: 0 clean, 1 errors or too many warnings, 2 usage, config or internal error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigProblem } from '@greenlight/core';
import type { Rule } from '@greenlight/core';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { colors, plain, useColor } from './color.js';
import { ConfigLoader, describeConfig, isIgnored, MissingConfigError, UsageErrorForRules } from './config.js';
import { findFiles } from './files.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { lintFile, lintText } from './lint-files.js';
import { absolutePosix, displayPath } from './paths.js';
import { totals, type LintedFile, type ReportFilter } from './results.js';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<string>;
}

export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function formatProblems(problems: readonly ConfigProblem[], cwd: string): string {
  const seen = new Set<string>();
  let out = '';
  for (const p of problems) {
    const where = `${displayPath(p.file, cwd)}${p.line !== undefined ? `:${p.line}:${p.column}` : ''}`;
    // Schema messages start with the path already; say it once, at the end.
    const message = p.message.startsWith(`${p.path}: `) ? p.message.slice(p.path.length + 2) : p.message;
    const line = `${where}  ${message} (${p.path})\n`;
    if (seen.has(line)) continue;
    seen.add(line);
    out += line;
  }
  return out;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const err = (s: string) => io.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`greenlight: ${e.message}\nRun \`greenlight --help\` for usage.`);
    return EXIT.fatal;
  }
  if (opts.command === 'help') {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (opts.command === 'version') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }

  // Loading the rules compiles their term lists; --help and --version do not need them.
  const { builtinRules, presets } = await import('@greenlight/rules');
  let loader: ConfigLoader;
  try {
    loader = new ConfigLoader(builtinRules, presets, opts.config === undefined ? undefined : resolve(io.cwd, opts.config), opts.rules);
  } catch (e) {
    if (e instanceof UsageErrorForRules || e instanceof MissingConfigError) {
      err(`greenlight: ${e.message}`);
      return EXIT.fatal;
    }
    throw e;
  }
  const configFailed = () => {
    if (loader.problems.length === 0) return false;
    err(`greenlight: invalid configuration\n${formatProblems(loader.problems, io.cwd)}`);
    return true;
  };

  if (opts.command === 'print-config') {
    const file = absolutePosix(opts.printConfig!, io.cwd);
    const loaded = loader.forFile(file);
    if (configFailed()) return EXIT.fatal;
    io.stdout.write(`${JSON.stringify(describeConfig(loaded, file, builtinRules), null, 2)}\n`);
    return EXIT.ok;
  }

  const filter: ReportFilter = { quiet: opts.quiet, includeInfo: opts.includeInfo };
  const linted: LintedFile[] = [];

  if (opts.stdin) {
    const text = await io.readStdin();
    const filePath = opts.stdinFilename === undefined ? undefined : absolutePosix(opts.stdinFilename, io.cwd);
    const loaded = loader.forFile(filePath ?? `${absolutePosix('.', io.cwd)}/<stdin>`);
    if (configFailed()) return EXIT.fatal;
    if (filePath && isIgnored(loaded.config, filePath)) {
      err(`greenlight: ${displayPath(filePath, io.cwd)} is ignored by ignorePatterns in ${displayPath(loaded.file ?? '', io.cwd)}; nothing linted.`);
      if (opts.fix) io.stdout.write(text);
      return EXIT.ok;
    }
    const { linted: result, output } = lintText(text, {
      rules: builtinRules,
      config: loaded.config,
      filePath,
      reportPath: filePath ?? '<text>',
      filter,
      fix: opts.fix,
      requireTemplates: false,
    });
    linted.push(result!);
    if (opts.fix) {
      // The fixed text is the output; the findings left over go to stderr.
      io.stdout.write(output ?? text);
      return finish(linted, builtinRules, opts, io, io.stderr);
    }
    return finish(linted, builtinRules, opts, io, io.stdout);
  }

  const { files, unmatched } = findFiles(opts.patterns, io.cwd);
  if (unmatched.length && opts.errorOnUnmatchedPattern) {
    err(`greenlight: no template files (*.json, *.yaml, *.yml) match ${unmatched.map((p) => `"${p}"`).join(', ')}.`);
    return EXIT.fatal;
  }
  for (const f of files) {
    const loaded = loader.forFile(f.path);
    if (loader.problems.length) continue;
    if (isIgnored(loaded.config, f.path)) {
      if (f.explicit) err(`greenlight: ${displayPath(f.path, io.cwd)} is ignored by ignorePatterns in ${displayPath(loaded.file ?? '', io.cwd)}.`);
      continue;
    }
    const result = lintFile(f.path, { rules: builtinRules, config: loaded.config, filter, fix: opts.fix, requireTemplates: !f.explicit });
    if (result) linted.push(result);
  }
  if (configFailed()) return EXIT.fatal;
  if (linted.length === 0 && files.every((f) => !f.explicit) && opts.errorOnUnmatchedPattern) {
    err(`greenlight: no templates found in ${(opts.patterns.length ? opts.patterns : ['.']).map((p) => `"${p}"`).join(', ')}.`);
    return EXIT.fatal;
  }
  return finish(linted, builtinRules, opts, io, io.stdout);
}

function finish(linted: LintedFile[], builtinRules: readonly Rule[], opts: CliOptions, io: CliIo, out: { write(s: string): unknown; isTTY?: boolean }): number {
  const results = linted.map((l) => l.result);
  let report: string;
  if (opts.format === 'json') report = formatJson(results);
  else if (opts.format === 'sarif') report = formatSarif(linted, builtinRules, { cwd: io.cwd, version: version() });
  else {
    const toFile = opts.outputFile !== undefined;
    const palette = !toFile && useColor(opts.color, io.env, out.isTTY === true) ? colors : plain;
    report = formatStylish(results, palette, (file) => (file.startsWith('/') ? displayPath(file, io.cwd) : file));
  }
  if (opts.outputFile !== undefined) {
    const path = resolve(io.cwd, opts.outputFile);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } else out.write(report);

  const t = totals(results);
  if (t.errorCount > 0) return EXIT.problems;
  if (opts.maxWarnings >= 0 && t.warningCount > opts.maxWarnings) {
    io.stderr.write(`greenlight: ${t.warningCount} warnings, more than the --max-warnings limit of ${opts.maxWarnings}.\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
