import type { z } from 'zod';
import { parseJson } from '../parsers/json.js';
import { LineIndex, getProperty, toPlain, type Range, type SourceNode } from '../source.js';
import type { Category } from '../model.js';
import type { Rule, Severity } from '../rule.js';
import { BusinessSettingsSchema, ConfigSchema, type BusinessSettings, type Config, type ParsedConfig, type RuleSetting, type SeveritySetting } from './schema.js';
import { matchGlob } from './glob.js';
import { dirname, joinPath, relativePath } from './paths.js';

export const CONFIG_FILE_NAME = 'greenlight.config.json';
export const PRESET_PREFIX = 'greenlight:';

/** The file access config resolution needs; the CLI passes Node's fs, the browser passes nothing. */
export interface ConfigFileSystem {
  readFile(path: string): string | undefined;
}

export interface ConfigProblem {
  message: string;
  file: string;
  /** JSON path of the offending value, e.g. `rules["url-domain"][1].allowed`. */
  path: string;
  range: Range | undefined;
  line: number | undefined;
  column: number | undefined;
}

export interface RuleEntry {
  severity: SeveritySetting;
  options: Record<string, unknown> | undefined;
}

interface Override {
  baseDir: string;
  files: string[] | undefined;
  templates: string[] | undefined;
  categories: Category[] | undefined;
  rules: Record<string, RuleEntry>;
  business: Partial<BusinessSettings>;
}

export interface ResolvedConfig {
  /** Directory that relative globs of the top config are resolved against. */
  baseDir: string;
  files: string[];
  rules: Record<string, RuleEntry>;
  business: Partial<BusinessSettings>;
  overrides: Override[];
  ignorePatterns: string[];
}

export interface ResolveOptions {
  rules: readonly Rule[];
  presets: Record<string, Config>;
  fs?: ConfigFileSystem;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(root)';
}

function nodeAt(root: SourceNode | undefined, path: readonly PropertyKey[]): { node: SourceNode | undefined; key: boolean } {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    if (!node) break;
    if (node.kind === 'object') {
      const prop = getProperty(node, String(p));
      if (!prop) return { node, key: false };
      node = prop.value;
    } else if (node.kind === 'array' && typeof p === 'number') {
      const next = node.items[p];
      if (!next) return { node, key: false };
      node = next;
    } else break;
  }
  return { node, key: false };
}

function problemAt(file: string, text: string, root: SourceNode | undefined, path: readonly PropertyKey[], message: string, lines?: LineIndex): ConfigProblem {
  const { node } = nodeAt(root, path);
  const range = node?.range;
  const pos = range && (lines ?? new LineIndex(text)).position(range.start);
  return { message, file, path: formatPath(path), range, line: pos ? pos.line + 1 : undefined, column: pos ? pos.character + 1 : undefined };
}

export function normalizeRuleSetting(s: RuleSetting): RuleEntry {
  if (typeof s === 'string') return { severity: s, options: undefined };
  if (Array.isArray(s)) return { severity: s[0], options: (s[1] as Record<string, unknown> | undefined) ?? undefined };
  return { severity: s.severity ?? 'error', options: s.options };
}

function closest(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of ids) {
    const d = editDistance(id, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return bestScore <= Math.max(2, Math.floor(id.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function mergeRules(into: Record<string, RuleEntry>, from: Record<string, RuleEntry>) {
  for (const [id, e] of Object.entries(from)) {
    const prev = into[id];
    // A later severity-only setting keeps earlier options, as in ESLint.
    into[id] = { severity: e.severity, options: e.options ?? prev?.options };
  }
}

function checkRules(
  rulesNode: Record<string, RuleSetting> | undefined,
  pathPrefix: (string | number)[],
  ctx: { file: string; text: string; root: SourceNode | undefined; byId: Map<string, Rule>; problems: ConfigProblem[]; lines: LineIndex },
): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const [id, setting] of Object.entries(rulesNode ?? {})) {
    const entry = normalizeRuleSetting(setting);
    const rule = ctx.byId.get(id);
    if (!rule) {
      const hint = closest(id, [...ctx.byId.keys()]);
      ctx.problems.push(problemAt(ctx.file, ctx.text, ctx.root, [...pathPrefix, id], `Unknown rule "${id}".${hint ? ` Did you mean "${hint}"?` : ''}`, ctx.lines));
      continue;
    }
    if (entry.options !== undefined) {
      const optPath = Array.isArray(setting) ? [...pathPrefix, id, 1] : [...pathPrefix, id, 'options'];
      if (!rule.options) {
        ctx.problems.push(problemAt(ctx.file, ctx.text, ctx.root, optPath, `Rule "${id}" takes no options.`, ctx.lines));
        continue;
      }
      const parsed = (rule.options as z.ZodType).safeParse(entry.options);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const p = [...optPath, ...(issue.path as (string | number)[])];
          ctx.problems.push(problemAt(ctx.file, ctx.text, ctx.root, p, `${formatPath(p)}: ${issue.message}`, ctx.lines));
        }
        continue;
      }
    }
    out[id] = entry;
  }
  return out;
}

/**
 * Loads a config from its JSON text, resolving `extends` (presets and relative files) and checking
 * rule ids and options against the rules' own schemas. Problems carry the JSON path and line/column;
 * nothing here throws on bad input.
 */
export function resolveConfig(text: string, file: string, opts: ResolveOptions, seen: string[] = []): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const baseDir = dirname(file);
  const empty: ResolvedConfig = { baseDir, files: [file], rules: {}, business: {}, overrides: [], ignorePatterns: [] };
  const doc = parseJson(text);
  const lines = new LineIndex(text);
  for (const p of doc.problems) {
    const pos = lines.position(p.range.start);
    problems.push({ message: p.message, file, path: '(syntax)', range: p.range, line: pos.line + 1, column: pos.character + 1 });
  }
  if (doc.problems.length > 0) return { config: empty, problems };
  const parsed = ConfigSchema.safeParse(toPlain(doc.root));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        // Point at each unknown key itself, not at the whole object.
        const parent = nodeAt(doc.root, path).node;
        for (const key of issue.keys) {
          const prop = getProperty(parent, key);
          const pos = prop ? lines.position(prop.key.range.start) : undefined;
          problems.push({ message: `Unknown key "${key}"${path.length ? ` in ${formatPath(path)}` : ''}.`, file, path: formatPath([...path, key]), range: prop?.key.range, line: pos ? pos.line + 1 : undefined, column: pos ? pos.character + 1 : undefined });
        }
        continue;
      }
      problems.push(problemAt(file, text, doc.root, path, `${formatPath(path)}: ${issue.message}`, lines));
    }
  }
  // Unknown keys alone should not hide problems in the rest: retry without them.
  const lenient = parsed.success ? parsed : ConfigSchema.strip().safeParse(toPlain(doc.root));
  if (!lenient.success) return { config: empty, problems };
  const data: ParsedConfig = lenient.data;
  const config: ResolvedConfig = { ...empty, files: [file] };
  const byId = new Map(opts.rules.map((r) => [r.id, r]));
  const ctx = { file, text, root: doc.root, byId, problems, lines };

  const parents = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends];
  parents.forEach((ref, i) => {
    const refPath = Array.isArray(data.extends) ? ['extends', i] : ['extends'];
    let parent: { config: ResolvedConfig; problems: ConfigProblem[] } | undefined;
    if (ref.startsWith(PRESET_PREFIX) || !/[./]/.test(ref)) {
      const name = ref.startsWith(PRESET_PREFIX) ? ref.slice(PRESET_PREFIX.length) : ref;
      const preset = opts.presets[name];
      if (!preset) {
        problems.push(problemAt(file, text, doc.root, refPath, `Unknown preset "${ref}". Known presets: ${Object.keys(opts.presets).map((p) => PRESET_PREFIX + p).join(', ')}.`, lines));
        return;
      }
      parent = resolveConfig(JSON.stringify(preset), `${baseDir}/<${PRESET_PREFIX}${name}>`, opts, seen);
    } else {
      const target = joinPath(baseDir, ref);
      if (seen.includes(target) || target === file) {
        problems.push(problemAt(file, text, doc.root, refPath, `"extends" forms a cycle through ${ref}.`, lines));
        return;
      }
      const content = opts.fs?.readFile(target);
      if (content === undefined) {
        problems.push(problemAt(file, text, doc.root, refPath, `Cannot read the extended config "${ref}" (${target}).`, lines));
        return;
      }
      parent = resolveConfig(content, target, opts, [...seen, file]);
    }
    problems.push(...parent.problems);
    mergeRules(config.rules, parent.config.rules);
    Object.assign(config.business, parent.config.business);
    config.overrides.push(...parent.config.overrides);
    config.ignorePatterns.push(...parent.config.ignorePatterns);
    config.files.push(...parent.config.files);
  });

  mergeRules(config.rules, checkRules(data.rules, ['rules'], ctx));
  if (data.business) Object.assign(config.business, data.business);
  (data.overrides ?? []).forEach((o, i) => {
    config.overrides.push({
      baseDir,
      files: o.files,
      templates: o.templates,
      categories: o.categories,
      rules: checkRules(o.rules, ['overrides', i, 'rules'], ctx),
      business: o.business ?? {},
    });
  });
  config.ignorePatterns.push(...(data.ignorePatterns ?? []).map((g) => (g.includes('/') ? joinPath(baseDir, g) : g)));
  return { config, problems };
}

/** A config with only presets and no file, for front ends that have no config file. */
export function defaultConfig(opts: ResolveOptions, preset = 'recommended'): ResolvedConfig {
  return resolveConfig(JSON.stringify({ extends: [PRESET_PREFIX + preset] }), '/<default>', opts).config;
}

export interface EffectiveRule {
  severity: Severity;
  options: Record<string, unknown> | undefined;
}

export interface EffectiveSettings {
  rules: Map<string, EffectiveRule>;
  business: BusinessSettings;
}

export interface TemplateScope {
  filePath?: string;
  templateName?: string;
  category?: Category;
}

const settingsCache = new WeakMap<ResolvedConfig, Map<string, EffectiveSettings>>();

/** The rules and settings that apply to one template, after overrides; cached per scope. */
export function effectiveSettings(config: ResolvedConfig, scope: TemplateScope): EffectiveSettings {
  const matching = config.overrides.filter((o) => {
    if (o.files && !(scope.filePath && o.files.some((g) => matchGlob(g, relativePath(o.baseDir, scope.filePath!))))) return false;
    if (o.templates && !(scope.templateName && o.templates.some((g) => matchGlob(g, scope.templateName!)))) return false;
    if (o.categories && !(scope.category && o.categories.includes(scope.category))) return false;
    return true;
  });
  const key = matching.map((o) => config.overrides.indexOf(o)).join(',');
  let perConfig = settingsCache.get(config);
  if (!perConfig) settingsCache.set(config, (perConfig = new Map()));
  const hit = perConfig.get(key);
  if (hit) return hit;
  const rules: Record<string, RuleEntry> = {};
  mergeRules(rules, config.rules);
  const business: Partial<BusinessSettings> = { ...config.business };
  for (const o of matching) {
    mergeRules(rules, o.rules);
    Object.assign(business, o.business);
  }
  const map = new Map<string, EffectiveRule>();
  for (const [id, e] of Object.entries(rules)) if (e.severity !== 'off') map.set(id, { severity: e.severity, options: e.options });
  const out: EffectiveSettings = { rules: map, business: BusinessSettingsSchema.parse(business) };
  perConfig.set(key, out);
  return out;
}

/** Walks up from a directory looking for `greenlight.config.json`. */
export function findConfigFile(startDir: string, exists: (path: string) => boolean, stopAt?: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = joinPath(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    if (dir === '/' || dir === '.' || dir === stopAt) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
