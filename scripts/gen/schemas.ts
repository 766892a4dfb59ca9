/**
 * shared-rules/schema/greenlight.config.schema.json: the config's JSON Schema from the zod schema,
 * with `rules` spelled out per rule id (severity, and each rule's own options), so editors complete
 * rule ids and option names and flag typos. Draft-07, which VS Code's JSON support handles fully.
 */
import { ConfigSchema, SeveritySetting, z, type Rule } from '../../packages/core/src/index.js';
import { builtinRules } from '../../packages/rules/src/index.generated.js';
import type { Generator } from './types.js';

type Schema = Record<string, unknown>;

const toSchema = (t: z.ZodType): Schema => z.toJSONSchema(t, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Schema;

function stripMeta(s: Schema): Schema {
  const { $schema: _s, ...rest } = s;
  return rest;
}

function ruleSettingSchema(rule: Rule): Schema {
  const docs = `${rule.description}\n\n[Documentation](${rule.docsUrl})`;
  const severity = { $ref: '#/definitions/severity' };
  const alternatives: Schema[] = [severity];
  if (rule.options) {
    const options = { $ref: `#/definitions/options/${rule.id}` };
    alternatives.push(
      { type: 'array', items: [severity, options], minItems: 1, maxItems: 2, additionalItems: false },
      { type: 'object', properties: { severity, options }, additionalProperties: false },
    );
  } else {
    alternatives.push({ type: 'array', items: [severity], minItems: 1, maxItems: 1, additionalItems: false }, { type: 'object', properties: { severity }, additionalProperties: false });
  }
  return {
    description: `${rule.description} Default: ${rule.recommended ? rule.severity : 'off'} in greenlight:recommended.`,
    markdownDescription: docs,
    anyOf: alternatives,
  };
}

function configSchema(rules: readonly Rule[]): Schema {
  const base = stripMeta(toSchema(ConfigSchema));
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const rulesSchema: Schema = {
    type: 'object',
    description: 'Rule id to severity ("off", "info", "warning", "error"), or to [severity, options].',
    properties: Object.fromEntries(sorted.map((r) => [r.id, ruleSettingSchema(r)])),
    additionalProperties: false,
  };
  const options: Schema = {};
  for (const r of sorted) if (r.options) options[r.id] = stripMeta(toSchema(r.options));

  // Point every `rules` of the zod-generated schema (top level and in overrides) at the per-rule version.
  const replaceRules = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(replaceRules);
      return;
    }
    const obj = node as Schema;
    const props = obj.properties as Schema | undefined;
    if (props && 'rules' in props) props.rules = { $ref: '#/definitions/rules' };
    for (const v of Object.values(obj)) replaceRules(v);
  };
  replaceRules(base);

  const extendsSchema = (base.properties as Schema | undefined)?.extends as Schema | undefined;
  if (extendsSchema) {
    extendsSchema.examples = ['greenlight:recommended', 'greenlight:strict', './base.greenlight.config.json'];
  }
  const definitions = { ...((base.definitions as Schema | undefined) ?? {}), severity: stripMeta(toSchema(SeveritySetting)), rules: rulesSchema, options };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/greenlight-lint/greenlight/blob/main/shared-rules/schema/greenlight.config.schema.json',
    title: 'Greenlight configuration (greenlight.config.json)',
    ...base,
    definitions,
  };
}

export const schemasGenerator: Generator = {
  name: 'schemas',
  async outputs() {
    return [{ path: 'shared-rules/schema/greenlight.config.schema.json', content: `${JSON.stringify(configSchema(builtinRules), null, 2)}\n` }];
  },
};
