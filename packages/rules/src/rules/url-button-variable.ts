import { defineRule, findPlaceholders, z } from '@greenlight/core';
import { buttonUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'URL buttons: one variable, appended to the end');
const S18 = cite(SOURCES.S18, 'URL button example');

const body = { type: 'BODY', text: 'Your order has shipped.' };
const button = (url: string, example?: string) => ({
  components: [body, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track order', url, ...(example ? { example: [example] } : {}) }] }],
});

export default defineRule({
  id: 'url-button-variable',
  description: 'A URL button has at most one variable, and it sits at the very end of the address, after the domain.',
  rationale:
    'Meta lets a dynamic URL button append one value to a fixed address (`https://example.com/track/{{1}}`). A variable in the middle of the path, in the domain name, a second variable, or an address that is nothing but a variable are refused, because the reviewer could not tell where the button leads.',
  severity: 'error',
  family: 'url',
  tags: ['url', 'button', 'variables'],
  evidence: { level: 'meta', sources: [S2, S18] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    onlyVariable: 'The button\'s address is only the variable {variable}; start with your fixed https:// address and put the variable at its end.',
    inHost: 'The variable {variable} is part of the domain name; only the end of the address may vary.',
    afterHost: 'The variable {variable} follows the domain name directly, so its value would change the domain; put "/" before it.',
    notAtEnd: 'The variable {variable} must be the very end of the address; "{rest}" follows it.',
    tooMany: 'A URL button takes one variable; {variable} is an extra one.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const { node, parsed, example } of buttonUrls(t)) {
      const vars = findPlaceholders(node.value).filter((p) => p.raw.startsWith('{{'));
      if (vars.length === 0) continue;
      const first = vars[0]!;
      if (vars.length === 1 && first.start === parsed.start && first.end === parsed.end) {
        ctx.report({ messageId: 'onlyVariable', node, start: first.start, end: first.end, data: { variable: first.raw } });
        continue;
      }
      const u = parsed.url;
      vars.forEach((p, i) => {
        const data = { variable: p.raw };
        if (u && p.start >= u.hostStart && p.start < u.authorityEnd) {
          // `https://example.com{{1}}` is fine when the sample value starts the path itself.
          const atHostEnd = i === 0 && vars.length === 1 && p.end === parsed.end && p.start > u.hostStart && node.value[p.start - 1] !== '.';
          if (atHostEnd) {
            const sample = example ?? '';
            if (/^[/?#]/.test(sample)) return;
            const fix = ctx.fixer.replaceInString(node, p.start, p.start, '/');
            ctx.report({ messageId: 'afterHost', node, start: p.start, end: p.end, data, suggest: [fix ? { message: `Insert "/" before ${p.raw}`, fix } : null] });
            return;
          }
          ctx.report({ messageId: 'inHost', node, start: p.start, end: p.end, data });
          return;
        }
        if (i > 0) {
          ctx.report({ messageId: 'tooMany', node, start: p.start, end: p.end, data });
          return;
        }
        if (p.end !== parsed.end) {
          ctx.report({ messageId: 'notAtEnd', node, start: p.start, end: p.end, data: { ...data, rest: node.value.slice(p.end, parsed.end) } });
        }
      });
    }
  },
  examples: {
    valid: [
      { template: button('https://example.com/track/{{1}}', 'A123') },
      { title: 'A query value at the end', template: button('https://example.com/shop?promo={{1}}', 'summer23') },
      { title: 'The sample starts the path', template: button('https://example.com{{1}}', '/track/A123') },
      { title: 'No variable', template: button('https://example.com/help') },
    ],
    invalid: [
      { title: 'Variable in the middle of the path', template: button('https://example.com/{{1}}/details', 'A123'), errors: ['notAtEnd'], spans: ['{{1}}'] },
      { title: 'Variable in the domain', template: button('https://{{1}}.example.com/track', 'eu'), errors: ['inHost'], spans: ['{{1}}'] },
      { title: 'Two variables', template: button('https://example.com/t/{{1}}?lang={{2}}', 'A1'), errors: ['notAtEnd', 'tooMany'], spans: ['{{1}}', '{{2}}'] },
      { title: 'Only a variable', template: button('{{1}}', 'https://example.com/t/A1'), errors: ['onlyVariable'], spans: ['{{1}}'] },
      { title: 'Variable glued to the domain', template: button('https://example.com{{1}}', 'track/A1'), errors: ['afterHost'], spans: ['{{1}}'] },
    ],
  },
});
