import type { z } from 'zod';
import { effectiveSettings, type EffectiveSettings, type ResolvedConfig } from './config/resolve.js';
import { applyFixes, createFixer, type Fix, type Fixer } from './fix.js';
import { readTemplates, type Template } from './model.js';
import { parseJson } from './parsers/json.js';
import type { DocumentFormat, ParsedDocument } from './parsers/types.js';
import { parseYaml } from './parsers/yaml.js';
import { formatMessage, type Related, type ReportDescriptor, type Rule, type RuleContext, type Severity, type Suggestion } from './rule.js';
import { sourceRange, type Range, type StringNode } from './source.js';

export interface LintMessage {
  /** Rule id, or `syntax` for a file that cannot be read as JSON/YAML or as templates. */
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Index of the template in the file; undefined for file-level problems. */
  templateIndex: number | undefined;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: Related[];
  fatal?: boolean;
}

export interface TemplateResult {
  template: Template;
  messages: LintMessage[];
  /** Facts rules published about the template, such as the predicted category. */
  annotations: Record<string, unknown>;
}

export interface LintResult {
  document: ParsedDocument;
  templates: TemplateResult[];
  /** Every message of the file, sorted by position. */
  messages: LintMessage[];
}

export interface LintOptions {
  rules: readonly Rule[];
  config: ResolvedConfig;
  filePath?: string;
  /** Reuses results of templates whose text did not change (the language server passes one per document). */
  cache?: TemplateCache;
}

export function detectFormat(filePath: string | undefined, text: string): DocumentFormat {
  if (filePath && /\.ya?ml$/i.test(filePath)) return 'yaml';
  if (filePath && /\.jsonc?$/i.test(filePath)) return 'json';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseDocument(text: string, format: DocumentFormat): ParsedDocument {
  return format === 'yaml' ? parseYaml(text) : parseJson(text);
}

const optionCache = new WeakMap<EffectiveSettings, Map<string, unknown>>();

function ruleOptions(rule: Rule, settings: EffectiveSettings): unknown {
  let perSettings = optionCache.get(settings);
  if (!perSettings) optionCache.set(settings, (perSettings = new Map()));
  if (perSettings.has(rule.id)) return perSettings.get(rule.id);
  const raw = settings.rules.get(rule.id)?.options ?? {};
  const parsed = rule.options ? (rule.options as z.ZodType).safeParse(raw) : { success: true as const, data: {} };
  // Config loading already reported invalid options; fall back to the defaults here.
  const value = parsed.success ? parsed.data : (rule.options as z.ZodType).safeParse({}).data;
  perSettings.set(rule.id, value);
  return value;
}

interface PlannedRule {
  rule: Rule;
  options: unknown;
  severity: Severity;
}
const plans = new WeakMap<EffectiveSettings, { rules: readonly Rule[]; plan: PlannedRule[] }>();

/** The rules that are on for these settings, with their parsed options: worked out once per settings and rule list. */
function runPlan(settings: EffectiveSettings, rules: readonly Rule[]): PlannedRule[] {
  const known = plans.get(settings);
  if (known && known.rules === rules) return known.plan;
  const plan: PlannedRule[] = [];
  for (const rule of rules) {
    const setting = settings.rules.get(rule.id);
    if (setting) plan.push({ rule, options: ruleOptions(rule, settings), severity: setting.severity });
  }
  plans.set(settings, { rules, plan });
  return plan;
}

function primaryLanguage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const m = /^([a-zA-Z]{2,3})/.exec(code.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * The context the rules see. A class rather than an object of closures: the methods live on the
 * prototype. One per template, pointed at each rule in turn (`rule`, `options`, `severity`), so a
 * template's 60 rule runs allocate nothing; checks are synchronous, so no two rules share it at once.
 */
class RuleRun implements RuleContext<string, unknown> {
  constructor(
    readonly template: Template,
    public options: unknown,
    readonly settings: EffectiveSettings['business'],
    readonly format: DocumentFormat,
    readonly fixer: Fixer,
    readonly languageCode: string | undefined,
    private rule: Rule,
    private severity: Severity,
    private readonly messages: LintMessage[],
    private readonly annotations: Record<string, unknown>,
  ) {}

  /** Points this context at the next rule. */
  next(rule: Rule, options: unknown, severity: Severity): void {
    this.rule = rule;
    this.options = options;
    this.severity = severity;
  }

  // No `this`: rules may pass `ctx.rangeOf` around as a plain function.
  rangeOf(node: StringNode, start?: number, end?: number): Range {
    return sourceRange(node, start, end);
  }

  annotate(key: string, value: unknown): void {
    this.annotations[key] = value;
  }

  report(d: ReportDescriptor<string>): void {
    const { rule, template } = this;
    let range: Range;
    if (d.range) range = d.range;
    else if (d.node?.kind === 'string' && (d.start !== undefined || d.end !== undefined)) range = sourceRange(d.node, d.start ?? 0, d.end ?? d.node.value.length);
    else if (d.node) range = d.node.range;
    else range = template.node.range;
    const template_ = rule.messages[d.messageId];
    const msg: LintMessage = {
      ruleId: rule.id,
      messageId: d.messageId,
      // A report can soften itself, but never above what the user configured.
      severity: d.severity && this.severity === rule.severity ? d.severity : this.severity,
      message: formatMessage(template_ ?? d.messageId, d.data),
      range,
      templateIndex: template.index,
    };
    if (d.fix) msg.fix = d.fix;
    const suggestions = (d.suggest ?? []).filter((s): s is Suggestion => s !== null);
    if (suggestions.length) msg.suggestions = suggestions;
    if (d.related?.length) msg.related = d.related;
    this.messages.push(msg);
  }
}

/** Runs every enabled rule on one template. A rule that throws becomes a message, never a crash. */
export function lintTemplate(doc: ParsedDocument, template: Template, opts: LintOptions): TemplateResult {
  const settings = effectiveSettings(opts.config, {
    filePath: opts.filePath,
    templateName: template.name?.value,
    category: template.category,
  });
  const fixer = createFixer(doc.text, doc.format);
  const messages: LintMessage[] = [];
  const annotations: Record<string, unknown> = {};
  const languageCode = primaryLanguage(template.language?.value ?? settings.business.defaultLocale);
  let ctx: RuleRun | undefined;
  for (const { rule, options, severity } of runPlan(settings, opts.rules)) {
    if (ctx) ctx.next(rule, options, severity);
    else ctx = new RuleRun(template, options, settings.business, doc.format, fixer, languageCode, rule, severity, messages, annotations);
    try {
      rule.check(template, ctx);
    } catch (e) {
      messages.push({
        ruleId: rule.id,
        messageId: 'internal',
        severity: 'error',
        message: `Rule "${rule.id}" failed on this template: ${(e as Error).message}. Please report this.`,
        range: template.node.range,
        templateIndex: template.index,
      });
    }
  }
  return { template, messages, annotations };
}

/** Parses and lints a document. Never throws on bad input. */
export function lint(text: string, opts: LintOptions & { format?: DocumentFormat }): LintResult {
  const format = opts.format ?? detectFormat(opts.filePath, text);
  const doc = parseDocument(text, format);
  return lintParsed(doc, opts);
}

export function lintParsed(doc: ParsedDocument, opts: LintOptions): LintResult {
  const messages: LintMessage[] = doc.problems.map((p) => ({
    ruleId: 'syntax',
    messageId: 'syntax',
    severity: 'error' as const,
    message: p.message,
    range: p.range,
    templateIndex: undefined,
    fatal: true,
  }));
  const { templates } = readTemplates(doc.root);
  if (doc.root && templates.length === 0 && doc.problems.length === 0) {
    messages.push({
      ruleId: 'syntax',
      messageId: 'not-a-template',
      severity: 'error',
      message: 'Expected a template object, an array of templates, or a { "data": [...] } template list.',
      range: { start: doc.root.range.start, end: Math.min(doc.root.range.end, doc.root.range.start + 1) },
      templateIndex: undefined,
      fatal: true,
    });
  }
  const results = templates.map((t) => (opts.cache ? opts.cache.lint(doc, t, opts) : lintTemplate(doc, t, opts)));
  if (doc.problems.length > 0) {
    // In a template the parser had to patch up, "missing" and "wrong shape" findings are echoes of the
    // syntax error; keep the other findings so the rest of the text is still checked.
    const structureRules = new Set(opts.rules.filter((r) => r.family === 'structure').map((r) => r.id));
    for (const r of results) {
      const { start, end } = r.template.node.range;
      if (doc.problems.some((p) => p.range.start >= start && p.range.start <= end)) {
        r.messages = r.messages.filter((m) => !structureRules.has(m.ruleId));
      }
    }
  }
  for (const r of results) messages.push(...r.messages);
  messages.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { document: doc, templates: results, messages };
}

function shiftRange(r: Range, d: number): Range {
  return { start: r.start + d, end: r.end + d };
}

function shiftMessage(m: LintMessage, d: number, index: number): LintMessage {
  if (d === 0 && m.templateIndex === index) return m;
  const out: LintMessage = { ...m, range: shiftRange(m.range, d), templateIndex: index };
  if (m.fix) out.fix = { range: shiftRange(m.fix.range, d), text: m.fix.text };
  if (m.suggestions) out.suggestions = m.suggestions.map((s) => ({ message: s.message, fix: { range: shiftRange(s.fix.range, d), text: s.fix.text } }));
  if (m.related) out.related = m.related.map((r) => ({ message: r.message, range: shiftRange(r.range, d) }));
  return out;
}

/**
 * Remembers each template's results by its exact source text, so in a list of hundreds of
 * templates an edit re-lints only the one that changed. Results are stored relative to the
 * template's start and shifted back into place.
 */
export class TemplateCache {
  private entries = new Map<string, { start: number; index: number; result: TemplateResult }>();
  private generation = new Set<string>();
  constructor(private readonly limit = 5000) {}

  lint(doc: ParsedDocument, template: Template, opts: LintOptions): TemplateResult {
    const { start, end } = template.node.range;
    // The index is part of the key because some fixes and messages depend on the position in the list.
    // Built by concatenation, so the key is a fresh string and does not pin the document text.
    const key = `${doc.format}\u0000${template.index}\u0000${doc.text.slice(start, end)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.generation.add(key);
      const d = start - hit.start;
      return { template, annotations: hit.result.annotations, messages: hit.result.messages.map((m) => shiftMessage(m, d, template.index)) };
    }
    const result = lintTemplate(doc, template, opts);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, { start, index: template.index, result });
    this.generation.add(key);
    return result;
  }

  /** Drops entries not used since the last call; call after each full document lint. */
  sweep(): void {
    for (const k of this.entries.keys()) if (!this.generation.has(k)) this.entries.delete(k);
    this.generation.clear();
  }

  clear(): void {
    this.entries.clear();
    this.generation.clear();
  }
}

export interface FixResult {
  output: string;
  /** Messages left after fixing. */
  result: LintResult;
  passes: number;
}

const MAX_FIX_PASSES = 10;

/** Applies fixes, re-linting between passes until nothing changes (at most 10 passes). */
export function lintAndFix(text: string, opts: LintOptions & { format?: DocumentFormat; ruleFilter?: (ruleId: string) => boolean }): FixResult {
  let current = text;
  let result = lint(current, opts);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const fixes = result.messages.filter((m) => m.fix && (!opts.ruleFilter || opts.ruleFilter(m.ruleId))).map((m) => m.fix!);
    if (fixes.length === 0 || result.messages.some((m) => m.fatal)) break;
    const next = applyFixesText(current, fixes);
    if (next === current) break;
    current = next;
    passes++;
    result = lint(current, opts);
  }
  return { output: current, result, passes };
}

function applyFixesText(text: string, fixes: Fix[]): string {
  return applyFixes(text, fixes).output;
}
