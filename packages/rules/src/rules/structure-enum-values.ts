import { BUTTON_TYPES, CATEGORIES, COMPONENT_TYPES, defineRule, get, HEADER_FORMATS, type SourceNode, type StringNode } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';

const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
const PARAMETER_FORMATS = ['POSITIONAL', 'NAMED'] as const;

/** Categories Meta retired in 2023; they map onto today's three, but which one is a judgement. */
const LEGACY_CATEGORIES: Record<string, string> = {
  OTP: 'AUTHENTICATION',
  TRANSACTIONAL: 'UTILITY',
  ACCOUNT_UPDATE: 'UTILITY',
  ALERT_UPDATE: 'UTILITY',
  APPOINTMENT_UPDATE: 'UTILITY',
  AUTO_REPLY: 'UTILITY',
  ISSUE_RESOLUTION: 'UTILITY',
  PAYMENT_UPDATE: 'UTILITY',
  PERSONAL_FINANCE_UPDATE: 'UTILITY',
  RESERVATION_UPDATE: 'UTILITY',
  SHIPPING_UPDATE: 'UTILITY',
  TICKET_UPDATE: 'UTILITY',
  TRANSPORTATION_UPDATE: 'UTILITY',
};

function distance(a: string, b: string): number {
  // Inputs are short enum words; a two-row dynamic programme is plenty.
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The one allowed value a mistyped word most likely means, or undefined when it is not clear.
 * Case, spaces and hyphens are normalised first (`quick reply` is QUICK_REPLY); then a unique
 * prefix (`PHONE`), then a unique nearest value within a small edit distance.
 */
export function closestValue(input: string, allowed: readonly string[]): string | undefined {
  const norm = input.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!norm) return undefined;
  if (allowed.includes(norm)) return norm;
  const compact = norm.replace(/_/g, '');
  const byCompact = allowed.filter((a) => a.replace(/_/g, '') === compact);
  if (byCompact.length === 1) return byCompact[0];
  if (norm.length >= 3) {
    const prefixed = allowed.filter((a) => a.startsWith(norm));
    if (prefixed.length === 1) return prefixed[0];
  }
  const max = norm.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const a of allowed) {
    const d = distance(norm, a);
    if (d < bestD) {
      bestD = d;
      best = a;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return bestD <= max && !tie ? best : undefined;
}

/** Keep the author's casing style: `marketing` stays lower case, like Meta's own lower-case examples. */
function inStyleOf(original: string, value: string): string {
  const t = original.trim();
  return t && t === t.toLowerCase() && t !== t.toUpperCase() ? value.toLowerCase() : value;
}

const isPadded = (s: string) => s !== s.trim() && s.trim() !== '';

export default defineRule({
  id: 'structure-enum-values',
  description: 'Category, component type, header format, button type, parameter_format and otp_type take only the values Meta defines.',
  rationale:
    'These fields select how Meta reads the rest of the template. Meta accepts them in any letter case (its own examples use both `BODY` and `body`), but a misspelt or retired value (`MARKETTING`, `TRANSACTIONAL`, `QUICKREPLY`) is refused. When the intended value is unambiguous, the fix writes it in the same letter case.',
  severity: 'error',
  family: 'structure',
  tags: ['structure'],
  evidence: { level: 'meta', sources: [SOURCES.S1, SOURCES.S2, SOURCES.S4, SOURCES.S5] },
  fixable: 'fix',
  recommended: true,
  messages: {
    invalid: '"{value}" is not a valid {field}; use one of {allowed}.',
    didYouMean: '"{value}" is not a valid {field}; did you mean "{suggestion}"?',
    legacy: '"{value}" is a category Meta retired; today\'s categories are MARKETING, UTILITY and AUTHENTICATION ("{suggestion}" is the closest).',
    padded: '{field} "{value}" has spaces around it.',
    notString: '{field} must be a string, one of {allowed}.',
  },
  check(t, ctx) {
    const checkValue = (node: SourceNode | undefined, field: string, allowed: readonly string[], canonicalLower = false) => {
      if (!node) return;
      const list = allowed.map((a) => (canonicalLower ? a.toLowerCase() : a)).join(', ');
      if (node.kind !== 'string') {
        ctx.report({ messageId: 'notString', node, data: { field, allowed: list } });
        return;
      }
      const s: StringNode = node;
      const upper = s.value.trim().toUpperCase();
      if (allowed.includes(upper)) {
        if (isPadded(s.value)) ctx.report({ messageId: 'padded', node: s, data: { field, value: s.value }, fix: ctx.fixer.replaceValue(s, s.value.trim()) });
        return;
      }
      if (field === 'category' && upper in LEGACY_CATEGORIES) {
        const suggestion = inStyleOf(s.value, LEGACY_CATEGORIES[upper]!);
        const fix = ctx.fixer.replaceValue(s, suggestion);
        ctx.report({ messageId: 'legacy', node: s, data: { value: s.value, suggestion }, suggest: fix ? [{ message: `Use "${suggestion}"`, fix }] : [] });
        return;
      }
      const close = closestValue(s.value, allowed);
      if (close) {
        const suggestion = canonicalLower ? close.toLowerCase() : inStyleOf(s.value, close);
        ctx.report({ messageId: 'didYouMean', node: s, data: { value: s.value, field, suggestion }, fix: ctx.fixer.replaceValue(s, suggestion) });
        return;
      }
      ctx.report({ messageId: 'invalid', node: s, data: { value: s.value, field, allowed: list } });
    };

    checkValue(get(t.node, 'category'), 'category', CATEGORIES);
    checkValue(get(t.node, 'parameter_format'), 'parameter_format', PARAMETER_FORMATS, true);
    const checkComponents = (components: typeof t.components) => {
      for (const c of components) {
        checkValue(get(c.node, 'type'), 'component type', COMPONENT_TYPES);
        if (c.type === 'HEADER') checkValue(get(c.node, 'format'), 'header format', HEADER_FORMATS);
        for (const b of c.buttons) {
          checkValue(get(b.node, 'type'), 'button type', BUTTON_TYPES);
          if (b.type === 'OTP') checkValue(get(b.node, 'otp_type'), 'otp_type', OTP_TYPES);
        }
        for (const card of c.cards) checkComponents(card);
      }
    };
    checkComponents(t.components);
  },
  examples: {
    valid: [
      { title: 'Upper case', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'New arrivals are in store this week.' }] } },
      {
        title: 'Lower case, as in Meta\'s authentication example',
        template: { category: 'authentication', components: [{ type: 'body' }, { type: 'buttons', buttons: [{ type: 'otp', otp_type: 'copy_code', text: 'Copy code' }] }] },
      },
      { title: 'Named parameters', template: { parameter_format: 'named', components: [{ type: 'BODY', text: 'Hi {{first_name}}, your order has shipped.' }] } },
    ],
    invalid: [
      { title: 'A typo', template: { category: 'MARKETTING' }, errors: ['didYouMean'], spans: ["\"MARKETTING\""], output: { category: 'MARKETING' } },
      { title: 'Lower case stays lower case', template: { category: 'utilty' }, errors: ['didYouMean'], spans: ["\"utilty\""], output: { category: 'utility' } },
      { title: 'A retired category', template: { category: 'TRANSACTIONAL' }, errors: ['legacy'], spans: ["\"TRANSACTIONAL\""] },
      {
        title: 'Button type without underscore',
        template: { components: [{ type: 'BODY', text: 'Did this help?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICKREPLY', text: 'Yes' }] }] },
        errors: ['didYouMean'], spans: ["\"QUICKREPLY\""],
        output: { components: [{ type: 'BODY', text: 'Did this help?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes' }] }] },
      },
      {
        title: 'A header format prefix',
        template: { components: [{ type: 'HEADER', format: 'DOC', example: { header_handle: ['4::aW1h'] } }, { type: 'BODY', text: 'Your order has shipped.' }] },
        errors: ['didYouMean'], spans: ["\"DOC\""],
        output: { components: [{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::aW1h'] } }, { type: 'BODY', text: 'Your order has shipped.' }] },
      },
      { title: 'parameter_format is lower case', template: { parameter_format: 'positonal' }, errors: ['didYouMean'], spans: ["\"positonal\""], output: { parameter_format: 'positional' } },
      { title: 'Nothing close', template: { components: [{ type: 'SIGNATURE', text: 'Bob' }, { type: 'BODY', text: 'Your order has shipped.' }] }, errors: ['invalid'], spans: ["\"SIGNATURE\""] },
    ],
  },
});
