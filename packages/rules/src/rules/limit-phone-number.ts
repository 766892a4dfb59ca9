import { defineRule, type Button } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

const SEPARATORS = /[\s().-]/;

export default defineRule({
  id: 'limit-phone-number',
  description: `A phone button's number is in international format (+, country code, number), at most ${LIMITS.phoneNumber} characters.`,
  rationale:
    'A PHONE_NUMBER button dials its `phone_number` from any country, so it needs the country code, best written with a leading "+" (E.164: at most 15 digits, the country code never starts with 0). Meta limits the field to 20 characters. Spaces, dots, dashes and brackets are only formatting; removing them keeps the same number.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'buttons', 'phone'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  fixable: 'fix',
  recommended: true,
  messages: {
    missing: 'The phone button has no "phone_number".',
    tooLong: 'The phone number is {length} characters long; the limit is {max} ({over} over).',
    characters: 'The phone number "{value}" may only contain digits, a leading "+" and separators.',
    countryCode: 'The phone number "{value}" has no valid country code; country codes never start with 0.',
    noPlus: 'Write the phone number with "+" and the country code (for example +{digits}), so it dials from any country.',
    digits: 'The phone number has {count} digits; international numbers have 7 to 15.',
    separators: 'Write the phone number without separators: "{compact}".',
  },
  check(t, ctx) {
    const buttons: Button[] = [...t.buttons];
    for (const c of t.components) for (const card of c.cards) for (const cc of card) buttons.push(...cc.buttons);
    for (const b of buttons) {
      if (b.type !== 'PHONE_NUMBER') continue;
      const node = b.phoneNumber;
      if (!node || node.value.trim() === '') {
        ctx.report({ messageId: 'missing', node: node ?? b.typeNode ?? b.node });
        continue;
      }
      const value = node.value.trim();
      const over = overLimitReport(node, LIMITS.phoneNumber);
      if (over) ctx.report({ messageId: 'tooLong', ...over });
      if (!/^\+?[\d\s().-]+$/.test(value)) {
        ctx.report({ messageId: 'characters', node, data: { value } });
        continue;
      }
      const digits = value.replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15) {
        ctx.report({ messageId: 'digits', node, data: { count: digits.length } });
        continue;
      }
      if (value.startsWith('+') && digits.startsWith('0')) {
        ctx.report({ messageId: 'countryCode', node, data: { value } });
        continue;
      }
      if (!value.startsWith('+')) {
        // Without "+" Meta cannot tell a local number from an international one; only a warning,
        // because Meta's own examples write digits only.
        if (!digits.startsWith('0')) ctx.report({ messageId: 'noPlus', node, data: { digits }, severity: 'warning' });
        else ctx.report({ messageId: 'countryCode', node, data: { value } });
        continue;
      }
      // "+44 (0) 20…": the bracketed trunk 0 is not dialled from abroad, so it is dropped.
      const trunk = /\(0\)/.test(value);
      const compact = `+${value.replace(/\(0\)/g, '').replace(/\D/g, '')}`;
      if (node.value !== compact && SEPARATORS.test(node.value)) {
        const change = ctx.fixer.replaceValue(node, compact);
        // Dropping a trunk 0 is a judgement about the number; only suggest it.
        ctx.report({
          messageId: 'separators',
          node,
          data: { compact },
          severity: 'warning',
          fix: trunk ? null : change,
          suggest: trunk && change ? [{ message: `Use "${compact}"`, fix: change }] : [],
        });
      }
    }
  },
  examples: {
    valid: [{ title: 'International format', template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550051310' }] }] } }],
    invalid: [
      {
        title: 'Separators',
        template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+1 (555) 005-1310' }] }] },
        errors: ['separators'], spans: ["\"+1 (555) 005-1310\""],
        output: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550051310' }] }] },
      },
      {
        title: 'A national number',
        template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '020 7946 0958' }] }] },
        errors: ['countryCode'], spans: ["\"020 7946 0958\""],
      },
      {
        title: 'Letters',
        template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+1-800-FLOWERS' }] }] },
        errors: ['characters'], spans: ["\"+1-800-FLOWERS\""],
      },
      {
        title: 'Over 20 characters with separators',
        template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+1 - 555 - 005 - 1310' }] }] },
        errors: ['separators', 'tooLong'],
        spans: ['"+1 - 555 - 005 - 1310"', '0'],
        output: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550051310' }] }] },
      },
      {
        title: 'A bracketed trunk zero is only suggested away',
        template: { components: [{ type: 'BODY', text: 'Questions about your order? Call us.' }, { type: 'BUTTONS', buttons: [{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+44 (0)20 7946 0958' }] }] },
        errors: ['separators'], spans: ["\"+44 (0)20 7946 0958\""],
      },
    ],
  },
});
