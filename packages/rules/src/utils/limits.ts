/**
 * Meta's published numbers for template fields (their sources are in sources.ts). Rules use these
 * constants instead of repeating literals, so a changed limit is changed in one place.
 */
import { get, type Category, type RuleContext, type StringNode, type Template } from '@greenlight/core';


/** Character and count limits (characters are UTF-16 code units, as Meta's editor counts). */
export const LIMITS = {
  headerText: 60,
  bodyText: 1024,
  /** Click-to-WhatsApp ads (Ads Manager) allow a shorter body. */
  bodyTextAdsManager: 960,
  footerText: 60,
  buttonText: 25,
  url: 2000,
  phoneNumber: 20,
  copyCode: 15,
  ltoText: 16,
  ltoBody: 600,
  carouselCardBody: 160,
  carouselCardsMin: 2,
  carouselCardsMax: 10,
  carouselCardButtons: 2,
  buttonsTotal: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  headerVariables: 1,
  namedVariableLength: 32,
} as const;

/** Allowed `message_send_ttl_seconds` per category; -1 always means Meta's default (30 days). */
export const TTL_RANGES: Record<Category, { min: number; max: number }> = {
  AUTHENTICATION: { min: 30, max: 900 },
  UTILITY: { min: 30, max: 43200 },
  MARKETING: { min: 43200, max: 2592000 },
};

export interface OverLimit {
  /** Value offsets of the part past the limit. */
  start: number;
  end: number;
  data: { length: number; max: number; over: number };
}

/**
 * The part of a text past `max` characters, or undefined when it fits. When the limit falls inside
 * a surrogate pair the whole emoji is underlined, because half of it is not something one can see.
 */
export function overLimit(value: string, max: number): OverLimit | undefined {
  const length = value.length;
  if (length <= max) return undefined;
  let start = max;
  const prev = value.charCodeAt(start - 1);
  if (start > 0 && prev >= 0xd800 && prev <= 0xdbff) start--;
  return { start, end: length, data: { length, max, over: length - max } };
}

/** Report fields for a string node that is over a limit: underline from the limit to the end. */
export function overLimitReport(node: StringNode, max: number) {
  const o = overLimit(node.value, max);
  return o ? { node, start: o.start, end: o.end, data: o.data } : undefined;
}

/** Reports a `message_send_ttl_seconds` outside its category's range (shared by structure-ttl and auth-ttl). */
export function checkTtlRange(t: Template, ctx: RuleContext<'range', unknown>): void {
  const node = get(t.node, 'message_send_ttl_seconds');
  if (!node || node.kind !== 'number' || !Number.isInteger(node.value) || node.value === -1 || !t.category) return;
  const { min, max } = TTL_RANGES[t.category];
  if (node.value >= min && node.value <= max) return;
  const nearest = node.value < min ? min : max;
  const fix = ctx.fixer.replaceValue(node, nearest);
  ctx.report({
    messageId: 'range',
    node,
    data: { value: node.value, category: t.category, min, max },
    suggest: fix ? [{ message: `Use ${nearest} seconds`, fix }] : [],
  });
}
