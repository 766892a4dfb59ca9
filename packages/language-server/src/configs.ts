import {
  CONFIG_FILE_NAME,
  defaultConfig,
  dirname,
  findConfigFile,
  joinPath,
  resolveConfig,
  type Config,
  type ConfigProblem,
  type ResolvedConfig,
  type Rule,
} from '@greenlight/core';

export interface ConfigHost {
  /** Text of a file: the open editor buffer when there is one, else the disk. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

export interface LoadedConfig {
  /** The config file used, or undefined for the built-in recommended preset. */
  path: string | undefined;
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

/**
 * Finds and resolves configs, caching both the walk-up per directory and the resolved config per
 * file. Any change to a config file clears everything: configs are small and changes are rare.
 */
export class ConfigManager {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byDir = new Map<string, string | null>();
  private fallback: LoadedConfig | undefined;
  /** Every file some resolved config was read from (the configs and the files they extend). */
  private readonly deps = new Set<string>();

  constructor(
    private readonly host: ConfigHost,
    private readonly rules: readonly Rule[],
    private readonly presets: Record<string, Config>,
  ) {}

  /** The config for a document at `filePath` (undefined for unsaved documents). */
  configFor(filePath: string | undefined, explicitPath: string | undefined): LoadedConfig {
    const path = explicitPath ?? (filePath ? this.nearest(dirname(filePath)) : undefined);
    if (!path) return this.defaults();
    return this.load(path);
  }

  /** The nearest `greenlight.config.json` walking up from a directory. */
  nearest(dir: string): string | undefined {
    const hit = this.byDir.get(dir);
    if (hit !== undefined) return hit ?? undefined;
    const found = findConfigFile(dir, (p) => this.host.exists(p));
    this.byDir.set(dir, found ?? null);
    return found;
  }

  load(path: string): LoadedConfig {
    const hit = this.byFile.get(path);
    if (hit) return hit;
    const text = this.host.readFile(path);
    let loaded: LoadedConfig;
    if (text === undefined) {
      loaded = {
        path,
        config: this.defaults().config,
        problems: [{ message: `Cannot read the config file ${path}.`, file: path, path: '(root)', range: undefined, line: undefined, column: undefined }],
      };
    } else {
      const { config, problems } = resolveConfig(text, path, { rules: this.rules, presets: this.presets, fs: { readFile: (p) => this.host.readFile(p) } });
      loaded = { path, config, problems };
      for (const f of config.files) if (!f.includes('<')) this.deps.add(f);
    }
    this.deps.add(path);
    this.byFile.set(path, loaded);
    return loaded;
  }

  /** Resolves a config from the given text (an open, unsaved config document). */
  resolveText(text: string, path: string): LoadedConfig {
    const { config, problems } = resolveConfig(text, path, { rules: this.rules, presets: this.presets, fs: { readFile: (p) => this.host.readFile(p) } });
    return { path, config, problems };
  }

  defaults(): LoadedConfig {
    this.fallback ??= { path: undefined, config: defaultConfig({ rules: this.rules, presets: this.presets }), problems: [] };
    return this.fallback;
  }

  /** Is this file a config, or read by one (through `extends`)? */
  affects(path: string): boolean {
    return path.endsWith(`/${CONFIG_FILE_NAME}`) || this.deps.has(path);
  }

  clear(): void {
    this.byFile.clear();
    this.byDir.clear();
    this.deps.clear();
  }

  /** Where a new config goes for a document: the workspace folder holding it, else its directory. */
  static newConfigPath(filePath: string, roots: readonly string[]): string {
    const root = roots.filter((r) => filePath.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
    return joinPath(root ?? dirname(filePath), CONFIG_FILE_NAME);
  }
}
