/**
 * Finds and resolves greenlight.config.json for each linted file, with Node's file system. Configs
 * are cached per directory and per file, so a tree of thousands of templates reads each config once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  defaultConfig,
  effectiveSettings,
  findConfigFile,
  matchGlob,
  relativePath,
  resolveConfig,
  type ConfigProblem,
  type ResolvedConfig,
  type ResolveOptions,
  type Rule,
} from '@greenlight/core';
import type { RuleFlag } from './args.js';
import { toPosix } from './paths.js';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Absolute path of the config file, or undefined for the built-in default. */
  file: string | undefined;
}

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

export class ConfigLoader {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfig>();
  private fallback: LoadedConfig | undefined;
  readonly problems: ConfigProblem[] = [];
  private readonly resolveOptions: ResolveOptions;

  constructor(
    rules: readonly Rule[],
    presets: ResolveOptions['presets'],
    private readonly explicitConfig: string | undefined,
    private readonly ruleFlags: readonly RuleFlag[],
  ) {
    this.resolveOptions = {
      rules,
      presets,
      fs: {
        readFile: (path) => {
          try {
            return readFileSync(path, 'utf8');
          } catch {
            return undefined;
          }
        },
      },
    };
    const known = new Set(rules.map((r) => r.id));
    const unknown = ruleFlags.filter((f) => !known.has(f.id));
    if (unknown.length) throw new UsageErrorForRules(unknown.map((f) => f.id));
    if (explicitConfig !== undefined && !existsSync(explicitConfig)) throw new MissingConfigError(explicitConfig);
  }

  /** The config for a file (absolute POSIX path). Problems are collected in `problems`. */
  forFile(file: string): LoadedConfig {
    const configFile = this.explicitConfig !== undefined ? toPosix(this.explicitConfig) : this.findFrom(file.slice(0, file.lastIndexOf('/')) || '/');
    if (configFile === undefined) return (this.fallback ??= this.withFlags({ config: defaultConfig(this.resolveOptions), file: undefined }));
    let loaded = this.byFile.get(configFile);
    if (!loaded) {
      const text = this.resolveOptions.fs!.readFile(configFile);
      if (text === undefined) {
        this.problems.push({ message: 'Cannot read the config file.', file: configFile, path: '(root)', range: undefined, line: undefined, column: undefined });
        loaded = { config: defaultConfig(this.resolveOptions), file: configFile };
      } else {
        const { config, problems } = resolveConfig(text, configFile, this.resolveOptions);
        this.problems.push(...problems);
        loaded = this.withFlags({ config, file: configFile });
      }
      this.byFile.set(configFile, loaded);
    }
    return loaded;
  }

  private findFrom(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfigFile(dir, isFile);
    this.byDir.set(dir, found);
    return found;
  }

  /** --rule flags win over everything: they become a last override that matches every template. */
  private withFlags(loaded: LoadedConfig): LoadedConfig {
    if (this.ruleFlags.length === 0) return loaded;
    const rules = Object.fromEntries(this.ruleFlags.map((f) => [f.id, { severity: f.severity, options: undefined }]));
    const config: ResolvedConfig = {
      ...loaded.config,
      overrides: [...loaded.config.overrides, { baseDir: loaded.config.baseDir, files: undefined, templates: undefined, categories: undefined, rules, business: {} }],
    };
    return { ...loaded, config };
  }
}

export class UsageErrorForRules extends Error {
  constructor(readonly ids: string[]) {
    super(`Unknown rule${ids.length > 1 ? 's' : ''} in --rule: ${ids.join(', ')}.`);
  }
}

export class MissingConfigError extends Error {
  constructor(readonly path: string) {
    super(`Cannot find the config file "${path}".`);
  }
}

/** Does the config's ignorePatterns exclude this file (absolute POSIX path)? */
export function isIgnored(config: ResolvedConfig, file: string): boolean {
  return config.ignorePatterns.some((g) => matchGlob(g, file));
}

/** The settings that apply to one file, as `--print-config` shows them. */
export function describeConfig(loaded: LoadedConfig, file: string, rules: readonly Rule[]): Record<string, unknown> {
  const settings = effectiveSettings(loaded.config, { filePath: file });
  const out: Record<string, unknown> = {};
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const e = settings.rules.get(rule.id);
    if (!e) {
      out[rule.id] = 'off';
      continue;
    }
    if (!rule.options) {
      out[rule.id] = e.severity;
      continue;
    }
    // Show the options with their defaults filled in, which is what the rule receives.
    const parsed = rule.options.safeParse(e.options ?? {});
    const options = (parsed.success ? parsed.data : e.options ?? {}) as Record<string, unknown>;
    out[rule.id] = Object.keys(options).length ? [e.severity, options] : e.severity;
  }
  // Overrides that select by template name or category apply per template, so list them as written.
  const perTemplate = loaded.config.overrides
    .filter((o) => (o.templates || o.categories) && (!o.files || o.files.some((g) => matchGlob(g, relativePath(o.baseDir, file)))))
    .map((o) => ({
      ...(o.templates ? { templates: o.templates } : {}),
      ...(o.categories ? { categories: o.categories } : {}),
      rules: Object.fromEntries(Object.entries(o.rules).map(([id, r]) => [id, r.options ? [r.severity, r.options] : r.severity])),
      ...(Object.keys(o.business).length ? { business: o.business } : {}),
    }));
  return {
    filePath: file,
    configFile: loaded.file ?? null,
    configFiles: loaded.config.files.filter((f) => !f.includes('/<')),
    ignored: isIgnored(loaded.config, file),
    rules: out,
    business: settings.business,
    templateOverrides: perTemplate,
  };
}
