import { defineRule, get, getArray, getString, type ArrayNode, type Component, type RuleContext, type SourceNode, type StringNode, type Template } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { exampleValueProblem, fieldLabel, isNamedLike, positionalIndex, variableFields, variableTokens, type VariableField } from '../utils/variables.js';

type Ctx = RuleContext<string, unknown>;

export default defineRule({
  id: 'variable-examples',
  description: 'Every variable in the header and body, and every media header, has a realistic example value, in the shape Meta expects.',
  rationale:
    'Meta reviews a template with its example values filled in, and refuses templates whose variables have no samples, or samples in the wrong shape or number: positional body examples are `"body_text": [["value 1", "value 2"]]` (one list inside a list), header examples `"header_text": ["value"]`, and named ones a `{ "param_name", "example" }` entry per variable. Placeholder samples such as "xxx" or "test" make the message impossible to judge and lead to rejections. Values with line breaks, tabs or more than four spaces in a row can never be sent (send error 132018).',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'examples'],
  evidence: { level: 'meta', sources: [SOURCES.S1, SOURCES.S2, SOURCES.S3, SOURCES.S23, SOURCES.B3, SOURCES.B10, SOURCES.B25] },
  fixable: 'fix',
  recommended: true,
  messages: {
    missing: 'The {field} has {count} variable(s) but no example values; add "example": {"{key}": {shape}}.',
    urlMissing: 'This URL has a variable but the button has no example; add "example": ["{sample}"] with a full sample address.',
    wrongKey: 'The {field} uses {style} variables, so its examples go in "{key}", not "{other}".',
    shape: 'Examples for the {field} must be {shape}.',
    count: 'The {field} has {count} variable(s) but {values} example value(s).',
    unused: 'The {field} has no variables, so this example is not used.',
    namedMissing: 'No example for {{{name}}} in "{key}".',
    namedExtra: 'The {field} has no variable {{{name}}}; remove this example or fix its name.',
    namedDuplicate: '{{{name}}} has more than one example.',
    valueType: 'Example values are text; write "{value}" in quotes.',
    valueEmpty: 'This example value is empty; give a realistic value.',
    valuePlaceholder: '"{value}" looks like a placeholder; reviewers need a realistic (but fictitious) value to judge the message.',
    valueWhitespace: 'This example contains a line break, tab or more than four spaces in a row; such values cannot be sent.',
    mediaMissing: 'A {format} header needs a sample: add "example": { "header_handle": ["<handle from the Resumable Upload API>"] }.',
    mediaIsUrl: 'This header sample is a web address. Meta returns one when templates are read back, but a creation request needs an upload handle from the Resumable Upload API.',
  },
  check(t, ctx) {
    for (const f of variableFields(t)) {
      if (f.kind === 'footer' || f.kind === 'card-header') continue;
      checkField(t.parameterFormat, f, ctx);
    }
    const buttons = [...t.buttons, ...t.components.flatMap((c) => c.cards.flatMap((card) => card.flatMap((cc) => cc.buttons)))];
    for (const b of buttons) if (b.url) checkUrlButton(b.url, b.node, ctx);
    // The web editor uploads media samples itself; its fields never carry a handle.
    if (ctx.format !== 'fields') for (const h of mediaHeaders(t)) checkMediaSample(h, ctx);
  },
  examples: {
    valid: [
      { title: 'Image header with an upload handle', template: { components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:ARb'] } }, { type: 'BODY', text: 'Your order has shipped.' }] } },
      { title: 'Positional body', template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ana', 'SK-4821']] } }] } },
      {
        title: 'Named body',
        template: {
          parameter_format: 'named',
          components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order {{order_id}} has shipped.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }, { param_name: 'order_id', example: 'SK-4821' }] } }],
        },
      },
      { title: 'Header', template: { components: [{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['SK-4821'] } }, { type: 'BODY', text: 'Your order has shipped.' }] } },
    ],
    invalid: [
      { title: 'An image header without a sample', template: { components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Your order has shipped.' }] }, errors: ['mediaMissing'], spans: ['"IMAGE"'] },
      {
        title: 'A web address as the media sample (information)',
        template: { components: [{ type: 'HEADER', format: 'VIDEO', example: { header_handle: ['https://example.com/v.mp4'] } }, { type: 'BODY', text: 'Your order has shipped.' }] },
        errors: ['mediaIsUrl'], spans: ["\"https://example.com/v.mp4\""],
      },
      { title: 'No examples', template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order has shipped.' }] }, errors: ['missing'], spans: ['{{1}}'] },
      {
        title: 'A URL variable without an example',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}' }] }] },
        errors: ['urlMissing'],
        spans: ['{{1}}'],
      },
      {
        title: 'A URL example that is not a list',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: 'https://example.com/track/SK-4821' }] }] },
        errors: ['shape'], spans: ["\"https://example.com/track/SK-4821\""],
        output: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['https://example.com/track/SK-4821'] }] }] },
      },
      {
        title: 'A flat list is wrapped',
        template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: ['Ana', 'SK-4821'] } }] },
        errors: ['shape'], spans: ["[\n          \"Ana\",\n          \"SK-4821\"\n        ]"],
        output: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ana', 'SK-4821']] } }] },
      },
      { title: 'Too few values', template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ana']] } }] }, errors: ['count'], spans: ["[\n            \"Ana\"\n          ]"] },
      {
        title: 'Named examples that do not match',
        template: {
          parameter_format: 'named',
          components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order {{order_id}} has shipped.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }, { param_name: 'order', example: 'SK-4821' }] } }],
        },
        errors: ['namedMissing', 'namedExtra'],
        spans: ['{{order_id}}', '"order"'],
      },
      {
        title: 'Placeholder and multi-line samples',
        template: { components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['xxx', 'SK-4821\nSK-4822']] } }] },
        errors: ['valuePlaceholder', 'valueWhitespace'], spans: ["\"xxx\"","\"SK-4821\\nSK-4822\""],
      },
      {
        title: 'A number is written as text',
        template: { components: [{ type: 'BODY', text: 'Your order {{1}} has shipped today.', example: { body_text: [[4821]] } }] },
        errors: ['valueType'], spans: ["4821"],
        output: { components: [{ type: 'BODY', text: 'Your order {{1}} has shipped today.', example: { body_text: [['4821']] } }] },
      },
      {
        title: 'Named template with positional examples',
        template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.', example: { body_text: [['Ana']] } }] },
        errors: ['wrongKey'], spans: ["[\n          [\n            \"Ana\"\n          ]\n        ]"],
      },
    ],
  },
});

function checkField(format: string, f: VariableField, ctx: Ctx) {
  const tokens = variableTokens(f.node.value);
  const positional = tokens.filter((p) => positionalIndex(p) !== undefined);
  const named = tokens.filter(isNamedLike);
  // Mixed or mismatched styles are variable-mixed-styles' job; examples cannot be judged then.
  if (positional.length && named.length) return;
  const style = named.length ? 'named' : positional.length ? 'positional' : 'none';
  if (style !== 'none' && style !== format) return;
  const isHeader = f.kind === 'header';
  const base = isHeader ? 'header_text' : 'body_text';
  const posKey = base;
  const namedKey = `${base}_named_params`;
  const field = fieldLabel(f);
  const example = get(f.component.node, 'example');

  if (style === 'none') {
    const stray = get(example, posKey) ?? get(example, namedKey);
    if (stray) ctx.report({ messageId: 'unused', node: stray, data: { field }, severity: 'warning' });
    return;
  }
  const key = style === 'named' ? namedKey : posKey;
  const other = style === 'named' ? posKey : namedKey;
  const node = get(example, key);
  if (!node) {
    const wrong = get(example, other);
    if (wrong) ctx.report({ messageId: 'wrongKey', node: wrong, data: { field, style, key, other } });
    else {
      const count = style === 'named' ? new Set(named.map((p) => p.inner)).size : new Set(positional.map(positionalIndex)).size;
      const shape = style === 'named' ? '[{ "param_name": "…", "example": "…" }]' : isHeader ? '["…"]' : '[["…"]]';
      ctx.report({ messageId: 'missing', node: f.node, start: tokens[0]!.start, end: tokens[0]!.end, data: { field, count, key, shape } });
    }
    return;
  }
  if (style === 'named') checkNamed(node, named.map((p) => ({ name: p.inner, start: p.start, end: p.end })), f, key, ctx);
  else checkPositional(node, new Set(positional.map(positionalIndex)).size, f, isHeader, ctx);
}

/** A dynamic URL button: `"example": ["https://example.com/track/SK-4821"]` (Meta also accepts the suffix alone). */
function checkUrlButton(url: StringNode, button: SourceNode, ctx: Ctx) {
  const tokens = variableTokens(url.value);
  if (tokens.length === 0) return;
  const example = get(button, 'example');
  const shape = 'a list with one sample address: ["https://…"]';
  if (!example) {
    const sample = url.value.slice(0, tokens[0]!.start) + 'ABC123';
    ctx.report({ messageId: 'urlMissing', node: url, start: tokens[0]!.start, end: tokens[0]!.end, data: { sample } });
    return;
  }
  if (example.kind === 'string') {
    ctx.report({ messageId: 'shape', node: example, data: { field: 'URL button', shape }, fix: ctx.fixer.replaceValue(example, [example.value]) });
    return;
  }
  if (example.kind !== 'array' || example.items.length === 0) {
    ctx.report({ messageId: 'shape', node: example, data: { field: 'URL button', shape } });
    return;
  }
  checkValue(example.items[0]!, ctx);
}

function checkPositional(node: SourceNode, count: number, f: VariableField, isHeader: boolean, ctx: Ctx) {
  const field = fieldLabel(f);
  const expected = isHeader ? 'a list of values: ["…"]' : 'a list holding one list of values: [["…", "…"]]';
  let values: ArrayNode | undefined;
  if (isHeader) {
    if (node.kind === 'string') {
      ctx.report({ messageId: 'shape', node, data: { field, shape: expected }, fix: ctx.fixer.replaceValue(node, [node.value]) });
      checkValue(node, ctx);
      return;
    }
    if (node.kind === 'array') values = node;
  } else if (node.kind === 'array') {
    const inner = node.items[0];
    if (node.items.length > 0 && node.items.every((i) => i.kind === 'string' || i.kind === 'number')) {
      // A flat list of values: wrapping it in a list is the only reading.
      ctx.report({ messageId: 'shape', node, data: { field, shape: expected }, fix: ctx.fixer.replaceValue(node, [node.items.map((i) => (i as { value: unknown }).value)]) });
      return;
    }
    if (inner?.kind === 'array') {
      values = inner;
      if (node.items.length > 1) ctx.report({ messageId: 'shape', range: { start: node.items[1]!.range.start, end: node.items[node.items.length - 1]!.range.end }, data: { field, shape: expected } });
    }
  }
  if (!values) {
    ctx.report({ messageId: 'shape', node, data: { field, shape: expected } });
    return;
  }
  if (values.items.length !== count) ctx.report({ messageId: 'count', node: values, data: { field, count, values: values.items.length } });
  for (const v of values.items) checkValue(v, ctx);
}

function checkNamed(node: SourceNode, tokens: { name: string; start: number; end: number }[], f: VariableField, key: string, ctx: Ctx) {
  const field = fieldLabel(f);
  const shape = 'a list of { "param_name": "…", "example": "…" } entries';
  if (node.kind !== 'array') {
    ctx.report({ messageId: 'shape', node, data: { field, shape } });
    return;
  }
  const names = new Set(tokens.map((p) => p.name));
  const seen = new Map<string, StringNode>();
  for (const item of node.items) {
    const name = getString(item, 'param_name');
    const value = get(item, 'example');
    if (item.kind !== 'object' || !name || !value) {
      ctx.report({ messageId: 'shape', node: item, data: { field, shape } });
      continue;
    }
    if (seen.has(name.value)) ctx.report({ messageId: 'namedDuplicate', node: name, data: { name: name.value } });
    else seen.set(name.value, name);
    if (!names.has(name.value)) ctx.report({ messageId: 'namedExtra', node: name, data: { field, name: name.value } });
    checkValue(value, ctx);
  }
  const reported = new Set<string>();
  for (const p of tokens) {
    if (seen.has(p.name) || reported.has(p.name)) continue;
    reported.add(p.name);
    ctx.report({ messageId: 'namedMissing', node: f.node, start: p.start, end: p.end, data: { name: p.name, key } });
  }
}

function checkValue(v: SourceNode, ctx: Ctx) {
  if (v.kind === 'number') {
    ctx.report({ messageId: 'valueType', node: v, data: { value: String(v.value) }, fix: ctx.fixer.replaceValue(v, String(v.value)) });
    return;
  }
  if (v.kind !== 'string') {
    ctx.report({ messageId: 'valueEmpty', node: v });
    return;
  }
  const problem = exampleValueProblem(v.value);
  if (problem === 'empty') ctx.report({ messageId: 'valueEmpty', node: v });
  else if (problem === 'placeholder') ctx.report({ messageId: 'valuePlaceholder', node: v, data: { value: v.value.trim() }, severity: 'warning' });
  else if (problem === 'whitespace') ctx.report({ messageId: 'valueWhitespace', node: v, severity: 'warning' });
}

const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'GIF', 'DOCUMENT']);

function mediaHeaders(t: Template): Component[] {
  const out = t.header && MEDIA_FORMATS.has(t.header.format ?? '') ? [t.header] : [];
  for (const c of t.components) for (const card of c.cards) for (const cc of card) if (cc.type === 'HEADER' && MEDIA_FORMATS.has(cc.format ?? '')) out.push(cc);
  return out;
}

function checkMediaSample(h: Component, ctx: Ctx): void {
  const first = getArray(get(h.node, 'example'), 'header_handle')?.items[0];
  if (!first || first.kind !== 'string' || first.value.trim() === '') {
    ctx.report({ messageId: 'mediaMissing', node: h.formatNode ?? h.node, data: { format: h.format ?? 'media' } });
  } else if (/^https?:\/\//i.test(first.value.trim())) {
    ctx.report({ messageId: 'mediaIsUrl', node: first, severity: 'info' });
  }
}
