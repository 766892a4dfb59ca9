/** fast-check generators for templates (plausible and hostile) and their JSON/YAML text. */
import fc from 'fast-check';

const WORDS = ['order', 'shipped', 'hello', 'olá', 'código', 'Größe', 'скидка', 'مرحبا', 'नमस्ते', 'indirim', 'FREE', 'offer', 'STOP', 'unsubscribe', 'pago', 'verify'];
const PLACEHOLDERS = ['{{1}}', '{{2}}', '{{3}}', '{{10}}', '{{0}}', '{{01}}', '{{ 1 }}', '{1}', '{{1}', '{{{1}}}', '{{first_name}}', '{{First Name}}', '{{}}', '{{', '}}'];
const URLS = ['https://example.com/a', 'http://example.com', 'bit.ly/x', 'https://tinyurl.com/abc', 'www.shop.example.com.br/p?x=1', 'http://192.168.0.1/', 'https://wa.me/15550001', 'ftp://x.example', 'https://example.com/{{1}}'];
const ODD = ['\n', '\n\n', '\r\n', '\t', ' ', '  ', '*bold*', '_it_', '~s~', '```code```', '\u{1F600}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u00e9', 'e\u0301', '\u200B', '\uFEFF', '"', "'", '\\', '#', ':', '- ', '|', '>', '{', '}', '[', ']', '&', '*', '!', '%', '@', '`', '\u0000', '\u2028', '\uD800'];

/** Body-like text mixing words, variables, links, emoji, markdown and characters that need escaping. */
export const textArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
      { weight: 1, arbitrary: fc.constantFrom(...URLS) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const anyValue = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));

const exampleArb = fc.oneof(
  fc.record({ body_text: fc.array(fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }), { maxLength: 2 }) }),
  fc.record({ header_text: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }) }),
  fc.record({ header_handle: fc.array(fc.string({ maxLength: 12 }), { maxLength: 1 }) }),
  fc.record({ body_text_named_params: fc.array(fc.record({ param_name: fc.string({ maxLength: 10 }), example: fc.string({ maxLength: 10 }) }), { maxLength: 3 }) }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
  anyValue,
);

const buttonArb = fc.record(
  {
    type: fc.constantFrom('QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP', 'FLOW', 'quick_reply', 'BOGUS', ''),
    text: textArb,
    url: fc.oneof(fc.constantFrom(...URLS), textArb),
    phone_number: fc.constantFrom('+15550001234', '5550001234', '+55 11 99999-0000', '', '+1'),
    example: exampleArb,
    otp_type: fc.constantFrom('COPY_CODE', 'ONE_TAP', 'ZERO_TAP', 'X'),
  },
  { requiredKeys: ['type'] },
);

const componentArb = fc.record(
  {
    type: fc.constantFrom('HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER', 'CAROUSEL', 'body', 'Header', 'WIDGET'),
    format: fc.constantFrom('TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF', 'text', 'AUDIO'),
    text: fc.oneof({ weight: 5, arbitrary: textArb }, { weight: 1, arbitrary: anyValue }),
    example: exampleArb,
    buttons: fc.array(buttonArb, { maxLength: 12 }),
    add_security_recommendation: fc.boolean(),
    code_expiration_minutes: fc.integer({ min: -5, max: 200 }),
    limited_time_offer: fc.record({ text: textArb, has_expiration: fc.boolean() }, { requiredKeys: [] }),
    cards: fc.array(
      fc.record({ components: fc.array(fc.record({ type: fc.constantFrom('HEADER', 'BODY', 'BUTTONS'), text: textArb, format: fc.constantFrom('IMAGE', 'VIDEO') }, { requiredKeys: ['type'] }), { maxLength: 3 }) }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['type'] },
);

/** A template object: mostly plausible, with wrong types and odd values mixed in. */
export const templateArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    name: fc.oneof(fc.constantFrom('order_update', 'Order Update', 'promo-été', '', 'a'.repeat(600)), fc.string({ maxLength: 20 }), fc.integer()),
    language: fc.oneof(fc.constantFrom('en_US', 'en', 'pt_BR', 'es', 'es_MX', 'de', 'fr', 'it', 'id', 'tr', 'ru', 'ar', 'hi', 'zh_CN', 'xx', 'EN-us', ''), anyValue),
    category: fc.oneof(fc.constantFrom('MARKETING', 'UTILITY', 'AUTHENTICATION', 'utility', 'TRANSACTIONAL', ''), anyValue),
    parameter_format: fc.constantFrom('POSITIONAL', 'NAMED', 'named', 'other'),
    message_send_ttl_seconds: fc.oneof(fc.integer({ min: -10, max: 100000 }), fc.constant(-1), anyValue),
    allow_category_change: fc.boolean(),
    components: fc.oneof({ weight: 9, arbitrary: fc.array(componentArb, { maxLength: 6 }) }, { weight: 1, arbitrary: anyValue }),
  },
  { requiredKeys: [] },
);

/** One template, an array of them, or a Graph API `{ data: [...] }` page. */
export const documentArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: templateArb },
  { weight: 2, arbitrary: fc.array(templateArb, { maxLength: 3 }) },
  { weight: 2, arbitrary: fc.array(templateArb, { maxLength: 3 }).map((data) => ({ data, paging: { cursors: { before: 'a', after: 'b' } } })) },
);

/** JSON text, pretty or compact, with non-ASCII characters optionally written as \u escapes. */
export function toJson(value: unknown, indent: number, escapeNonAscii: boolean): string {
  const s = JSON.stringify(value, null, indent) ?? 'null';
  return escapeNonAscii ? s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : s;
}

const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9 _.,()]*[A-Za-z0-9)]$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

export type YamlStringStyle = 'plain' | 'single' | 'double' | 'literal';

/**
 * YAML text in block style. Strings use the style picked by `style` when it can hold them
 * (plain, single-quoted, double-quoted, literal block), falling back to double quotes (JSON).
 */
export function toYaml(value: unknown, style: (s: string) => YamlStringStyle, indent = ''): string {
  const scalar = (s: string, ind: string): string => {
    const st = style(s);
    if (st === 'plain' && PLAIN_SAFE.test(s) && !RESERVED.test(s) && !/^[\d.]/.test(s)) return s;
    if (st === 'single' && !/[\n\r\u0000-\u001f\u007f-\u009f\u2028\u2029\uFEFF\uD800-\uDFFF]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
    // Literal blocks: only for text without blank lines, leading or trailing blanks on a line.
    if (st === 'literal' && s.includes('\n') && !/^\s|\n\s|[ \t]\n|[ \t]$/.test(s) && !/[\r\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\uFEFF\uD800-\uDFFF]/.test(s)) {
      const lines = s.replace(/\n$/, '').split('\n');
      return `|${s.endsWith('\n') ? '' : '-'}\n${lines.map((l) => `${ind}  ${l}`).join('\n')}`;
    }
    return JSON.stringify(s);
  };
  const render = (v: unknown, ind: string): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return scalar(v, ind);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `\n${v.map((item) => `${ind}- ${render(item, `${ind}  `).replace(/^\n\s*/, '')}`).join('\n')}`;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return `\n${entries.map(([k, item]) => `${ind}${JSON.stringify(k)}: ${render(item, `${ind}  `)}`.replace(/: \n/, ':\n')).join('\n')}`;
  };
  return `${render(value, indent).replace(/^\n/, '')}\n`;
}

/** Edits that break or bend text: deletions, insertions, duplicated slices. */
export const mutationArb = fc.array(
  fc.record({
    kind: fc.constantFrom('delete', 'insert', 'duplicate', 'replace'),
    at: fc.nat(),
    length: fc.nat({ max: 12 }),
    text: fc.oneof(fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\\u', '\\ud83d', '\n', '- ', '  ', '#', "'", '|', '{{1}}'), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  { minLength: 1, maxLength: 5 },
);

export function mutate(text: string, edits: readonly { kind: string; at: number; length: number; text: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length ? e.at % (out.length + 1) : 0;
    const end = Math.min(out.length, at + e.length);
    if (e.kind === 'delete') out = out.slice(0, at) + out.slice(end);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'duplicate') out = out.slice(0, end) + out.slice(at, end) + out.slice(end);
    else out = out.slice(0, at) + e.text + out.slice(end);
  }
  return out;
}
