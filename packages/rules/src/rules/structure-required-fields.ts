import { defineRule, get, type ObjectNode, type Range, type SourceNode } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

const REQUIRED = ['name', 'language', 'category', 'components'] as const;
const EXPECTED: Record<string, 'string' | 'array'> = { name: 'string', language: 'string', category: 'string', components: 'array' };

const kindName = (n: SourceNode) => (n.kind === 'object' ? 'an object' : n.kind === 'array' ? 'a list' : n.kind === 'null' ? 'null' : `a ${n.kind}`);

/** Where to point for something missing from an object: its opening brace, or its first key in YAML. */
function anchor(node: ObjectNode, format: string): Range {
  const first = node.properties[0];
  if (format === 'yaml' && !node.flow && first) return first.key.range;
  return { start: node.range.start, end: Math.min(node.range.end, node.range.start + 1) };
}

export default defineRule({
  id: 'structure-required-fields',
  description: 'A template has `name`, `language`, `category` and `components`, each of the right type.',
  rationale:
    'The Graph API refuses to create a template without any of these four fields. Wrong types (a number for the name, one object instead of a list of components, a component that is a string) are refused too, and hide the rest of the template from every other check.',
  severity: 'error',
  family: 'structure',
  tags: ['structure'],
  evidence: { level: 'meta', sources: [SOURCES.S1, SOURCES.S2] },
  recommended: true,
  messages: {
    missing: 'The template has no "{field}"; every template needs name, language, category and components.',
    wrongType: '"{field}" must be {expected}, not {actual}.',
    componentType: 'Component {index} must be an object with a "type", not {actual}.',
    buttonsType: 'The "buttons" of a BUTTONS component must be a list, not {actual}.',
    buttonType: 'Button {index} must be an object with a "type", not {actual}.',
    missingType: 'Component {index} has no "type" (HEADER, BODY, FOOTER, BUTTONS…).',
    missingButtonType: 'Button {index} has no "type" (QUICK_REPLY, URL, PHONE_NUMBER…).',
  },
  check(t, ctx) {
    // Web editor fields carry no name/language/category of their own; nothing to check there.
    if (ctx.format === 'fields') return;
    for (const field of REQUIRED) {
      const v = get(t.node, field);
      if (!v) {
        ctx.report({ messageId: 'missing', range: anchor(t.node, ctx.format), data: { field } });
        continue;
      }
      const expected = EXPECTED[field]!;
      if (v.kind !== expected) ctx.report({ messageId: 'wrongType', node: v, data: { field, expected: expected === 'array' ? 'a list' : 'a string', actual: kindName(v) } });
    }
    const list = t.componentsNode;
    if (!list) return;
    list.items.forEach((item, i) => {
      if (item.kind !== 'object') {
        ctx.report({ messageId: 'componentType', node: item, data: { index: i + 1, actual: kindName(item) } });
        return;
      }
      if (!get(item, 'type')) {
        ctx.report({ messageId: 'missingType', range: anchor(item, ctx.format), data: { index: i + 1 } });
        return;
      }
      const buttons = get(item, 'buttons');
      if (!buttons) return;
      if (buttons.kind !== 'array') {
        ctx.report({ messageId: 'buttonsType', node: buttons, data: { actual: kindName(buttons) } });
        return;
      }
      buttons.items.forEach((b, j) => {
        if (b.kind !== 'object') ctx.report({ messageId: 'buttonType', node: b, data: { index: j + 1, actual: kindName(b) } });
        else if (!get(b, 'type')) ctx.report({ messageId: 'missingButtonType', range: anchor(b, ctx.format), data: { index: j + 1 } });
      });
    });
  },
  examples: {
    valid: [
      { title: 'All four fields', template: 'Your order 123 has shipped and will arrive on Friday.' },
    ],
    invalid: [
      { title: 'No language', template: { name: 'order_update', language: undefined, components: [{ type: 'BODY', text: 'Your order has shipped.' }] }, errors: ['missing'], spans: ["{"] },
      { title: 'Components is one object', template: { components: { type: 'BODY', text: 'Your order has shipped.' } }, errors: ['wrongType'], spans: ["{\n    \"type\": \"BODY\",\n    \"text\": \"Your order has shipped.\"\n  }"] },
      { title: 'A component that is a string', template: { components: ['BODY', { type: 'BODY', text: 'Your order has shipped.' }] }, errors: ['componentType'], spans: ['"BODY"'] },
      { title: 'A button without a type', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ text: 'Track' }] }] }, errors: ['missingButtonType'], spans: ["{"] },
    ],
  },
});
