/**
 * Meta's published numbers for template fields, and the documents they come from. Rules cite these
 * constants instead of repeating literals, so a changed limit is changed in one place.
 */
import { get, type Category, type EvidenceSource, type RuleContext, type StringNode, type Template } from '@greenlight/core';

const META = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/';

/** The evidence legend of /shared/reference/meta-template-rules.md (S = Meta, B = providers). */
export const SOURCES = {
  S1: { title: 'Meta: Template fundamentals', url: `${META}templates/overview` },
  S2: { title: 'Meta: Template components', url: `${META}templates/components` },
  S3: { title: 'Meta: Template review', url: `${META}templates/template-review` },
  S4: { title: 'Meta: Template categorization', url: `${META}templates/template-categorization` },
  S5: { title: 'Meta: Authentication templates', url: `${META}templates/authentication-templates/authentication-templates` },
  S6: { title: 'Meta: Copy code authentication templates', url: `${META}templates/authentication-templates/copy-code-button-authentication-templates` },
  S8: { title: 'Meta: message_template_status_update webhook', url: `${META}webhooks/reference/message_template_status_update` },
  S16: { title: 'Meta: Utility templates', url: `${META}templates/utility-templates/utility-templates` },
  S17: { title: 'Meta: Custom marketing templates', url: `${META}templates/marketing-templates/custom-marketing-templates` },
  S18: { title: 'Meta: Limited-time offer templates', url: `${META}templates/marketing-templates/limited-time-offer-templates` },
  S19: { title: 'Meta: Media card carousel templates', url: `${META}templates/marketing-templates/media-card-carousel-templates` },
  S20: { title: 'Meta: Time-to-live', url: `${META}templates/time-to-live` },
  S21: { title: 'Meta: Supported languages', url: `${META}templates/supported-languages` },
  S23: { title: 'Meta: Error codes', url: `${META}support/error-codes` },
  S24: { title: 'Meta: Message template guidelines (legacy)', url: 'https://developers.facebook.com/docs/whatsapp/message-templates/guidelines' },
  S31: { title: 'Meta: Messenger utility messages (template rejection codes)', url: 'https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/utility-messages' },
  B1: { title: 'Twilio: error 63040, template rejected', url: 'https://www.twilio.com/docs/api/errors/63040' },
  B3: { title: 'DoubleTick: fix template rejection', url: 'https://learn.doubletick.io/templates/fix-message-template-rejection' },
  B4: { title: 'Syniverse: template parameter ratio', url: 'https://sdcsupport.syniverse.com/hc/en-us/articles/30569685832471' },
  B5: { title: 'Mercuri: minimum words / parameters ratio', url: 'https://docs.mercuri.cx/features/templates/whatsapp-templates/whatsapp-template-minimum-words-parameters-ratio' },
  B6: { title: 'Maqsam: templates with variables', url: 'https://support.maqsam.com/creating-whatsapp-templates-with-variables' },
  B10: { title: 'CM.com: template rejection', url: 'https://knowledgecenter.cm.com/kc/whatsapp-template-rejection' },
  B17: { title: 'YCloud: supported template languages', url: 'https://docs.ycloud.com/en/api-reference/guides/whatsapp-platform/supported-whatsapp-template-languages' },
  B25: { title: 'Engati: WhatsApp template restrictions', url: 'https://help.engati.com/restrictions-for-wa-template-message' },
  B26: { title: 'whatsapp-api-js: BodyParameter', url: 'https://whatsappapijs.web.app/classes/messages.BodyParameter.html' },
  B28: { title: 'Chakra Chat: template error codes', url: 'https://help.chakrahq.com/chat/faqs/whatsapp-api-error-code-troubleshooting/whatsapp-api-template-errors' },
} as const satisfies Record<string, EvidenceSource>;

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
