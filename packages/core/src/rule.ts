import type { z } from 'zod';
import type { Fix, Fixer } from './fix.js';
import type { DocumentFormat } from './parsers/types.js';
import type { Range, SourceNode, StringNode } from './source.js';
import type { Template } from './model.js';
import type { BusinessSettings } from './config/schema.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * How strong the evidence behind a rule is: Meta's own documentation or policy, behaviour observed
 * in Meta's WhatsApp Manager editor, or a rule of thumb published by solution providers.
 */
export type EvidenceLevel = 'meta' | 'editor' | 'provider';

export interface EvidenceSource {
  title: string;
  url: string;
}

/** The rule families that accuracy is measured by (`pnpm eval`). */
export type RuleFamily = 'structure' | 'limits' | 'variables' | 'category' | 'opt-out' | 'url' | 'policy' | 'auth' | 'formatting';

export const DOCS_BASE_URL = 'https://github.com/greenlight-lint/greenlight/blob/main/docs/rules/';
export const docsUrl = (id: string) => `${DOCS_BASE_URL}${id}.md`;

/** A template fragment used as a rule example. A plain string is a body text. */
export type ExampleInput = string | Record<string, unknown>;

export interface RuleExample {
  /** Short label shown in the docs. */
  title?: string;
  template: ExampleInput;
  /** Rule options for this example. */
  options?: Record<string, unknown>;
  /** Business settings for this example. */
  settings?: Partial<BusinessSettings>;
}

export interface InvalidRuleExample extends RuleExample {
  /** The message ids expected, in report order. */
  errors: string[];
  /** With `template` as a string: the text of each report's range, in report order. */
  spans?: string[];
  /** The document after applying all fixes (as plain JSON value) when the rule fixes. */
  output?: ExampleInput;
}

export interface Related {
  message: string;
  range: Range;
}

export interface Suggestion {
  message: string;
  fix: Fix;
}

export interface ReportDescriptor<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** Where: a whole node, a slice of a string node's value, or a raw document range. */
  node?: SourceNode;
  /** With a string `node`: the value offsets of the slice to underline. */
  start?: number;
  end?: number;
  range?: Range;
  fix?: Fix | null;
  suggest?: (Suggestion | null)[];
  related?: Related[];
  /** Severity for this report when it differs from the rule's (e.g. a softer variant). */
  severity?: Severity;
}

export interface RuleContext<M extends string, O> {
  readonly template: Template;
  readonly options: O;
  readonly settings: BusinessSettings;
  readonly format: DocumentFormat;
  readonly fixer: Fixer;
  /** The language of the template's `language` field, lower-cased primary subtag (`pt` for `pt_BR`). */
  readonly languageCode: string | undefined;
  report(d: ReportDescriptor<M>): void;
  /** Publishes a derived fact about the template (the predicted category, say) to front ends. */
  annotate(key: string, value: unknown): void;
  /** Range of a string node's slice in the document. */
  rangeOf(node: StringNode, start?: number, end?: number): Range;
}

export interface RuleMeta {
  id: string;
  description: string;
  /** Why the rule exists, in the project's words. Rendered in the docs and hovers. */
  rationale: string;
  severity: Severity;
  family: RuleFamily;
  tags: string[];
  evidence: { level: EvidenceLevel; sources: EvidenceSource[] };
  /** `fix`: offers safe fixes that `--fix` applies; `suggest`: offers suggestions only. */
  fixable?: 'fix' | 'suggest';
  /** In the `recommended` preset. */
  recommended: boolean;
}

export interface RuleDefinition<M extends Record<string, string>, S extends z.ZodType> extends RuleMeta {
  messages: M;
  options?: S;
  check(template: Template, ctx: RuleContext<keyof M & string, z.output<S>>): void;
  examples: { valid: RuleExample[]; invalid: InvalidRuleExample[] };
}

export interface Rule extends RuleMeta {
  messages: Record<string, string>;
  options?: z.ZodType;
  docsUrl: string;
  check(template: Template, ctx: RuleContext<string, unknown>): void;
  examples: { valid: RuleExample[]; invalid: InvalidRuleExample[] };
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineRule<M extends Record<string, string>, S extends z.ZodType>(def: RuleDefinition<M, S>): Rule {
  if (!ID.test(def.id)) throw new Error(`Rule id "${def.id}" must be kebab-case.`);
  return { ...def, docsUrl: docsUrl(def.id) } as unknown as Rule;
}

/** Fills `{{name}}`-style slots of a message. Rule messages use `{name}` to stay clear of template syntax. */
export function formatMessage(message: string, data: Record<string, string | number> | undefined): string {
  if (!data) return message;
  return message.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}
