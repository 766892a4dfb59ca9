import { defineRule, getArray, type ArrayNode, type Component } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

const signature = (card: Component[]) => card.map((c) => (c.type === 'HEADER' ? `HEADER:${c.format ?? ''}` : c.type)).sort().join(',');
const buttonSignature = (card: Component[]) => card.flatMap((c) => c.buttons.map((b) => b.type)).join(',');

export default defineRule({
  id: 'structure-carousel',
  description: 'A carousel has 2 to 10 cards, all built alike, each with a body of at most 160 characters and at most 2 buttons.',
  rationale:
    'Media card carousels scroll horizontally through cards that must share one layout: the same components and the same buttons in the same order on every card. Meta allows 2 to 10 cards, up to 160 characters of body text per card and up to 2 buttons per card.',
  severity: 'error',
  family: 'structure',
  tags: ['structure', 'carousel', 'length'],
  evidence: { level: 'meta', sources: [SOURCES.S19] },
  recommended: true,
  messages: {
    noCards: 'The CAROUSEL component needs a "cards" list.',
    tooFew: 'A carousel needs at least {min} cards; this one has {count}.',
    tooMany: 'A carousel has at most {max} cards; this one has {count}.',
    cardBody: 'Card {card} body is {length} characters; the limit is {max} ({over} over).',
    cardButtons: 'Card {card} has {count} buttons; a carousel card has at most {max}.',
    layout: 'Card {card} is built differently from card 1 ({actual} instead of {expected}); every card needs the same components.',
    buttonLayout: 'Card {card} has buttons {actual} but card 1 has {expected}; every card needs the same button types in the same order.',
  },
  check(t, ctx) {
    for (const c of t.components) {
      if (c.type !== 'CAROUSEL') continue;
      const cardsNode: ArrayNode | undefined = getArray(c.node, 'cards');
      if (!cardsNode) {
        ctx.report({ messageId: 'noCards', node: c.typeNode ?? c.node });
        continue;
      }
      const count = cardsNode.items.length;
      if (count < LIMITS.carouselCardsMin) ctx.report({ messageId: 'tooFew', node: cardsNode, data: { min: LIMITS.carouselCardsMin, count } });
      if (count > LIMITS.carouselCardsMax) {
        ctx.report({
          messageId: 'tooMany',
          range: { start: cardsNode.items[LIMITS.carouselCardsMax]!.range.start, end: cardsNode.items[count - 1]!.range.end },
          data: { max: LIMITS.carouselCardsMax, count },
        });
      }
      const first = c.cards[0];
      c.cards.forEach((card, i) => {
        const n = i + 1;
        const cardNode = cardsNode.items[i]!;
        const body = card.find((cc) => cc.type === 'BODY');
        if (body?.text) {
          const over = overLimitReport(body.text, LIMITS.carouselCardBody);
          if (over) ctx.report({ messageId: 'cardBody', ...over, data: { ...over.data, card: n } });
        }
        const buttons = card.flatMap((cc) => cc.buttons);
        if (buttons.length > LIMITS.carouselCardButtons) {
          ctx.report({
            messageId: 'cardButtons',
            range: { start: buttons[LIMITS.carouselCardButtons]!.node.range.start, end: buttons[buttons.length - 1]!.node.range.end },
            data: { card: n, count: buttons.length, max: LIMITS.carouselCardButtons },
          });
        }
        if (i === 0 || !first) return;
        const expected = signature(first);
        const actual = signature(card);
        if (actual !== expected) ctx.report({ messageId: 'layout', node: cardNode, data: { card: n, actual: actual || 'nothing', expected: expected || 'nothing' } });
        else {
          const eb = buttonSignature(first);
          const ab = buttonSignature(card);
          if (eb !== ab) ctx.report({ messageId: 'buttonLayout', node: cardNode, data: { card: n, actual: ab || 'none', expected: eb || 'none' } });
        }
      });
    }
  },
  examples: {
    valid: [
      {
        title: 'Two matching cards',
        template: {
          category: 'MARKETING',
          components: [
            { type: 'BODY', text: 'Take a look at this week\'s picks from our garden shop.' },
            {
              type: 'CAROUSEL',
              cards: [
                { components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } }, { type: 'BODY', text: 'Rare succulents, potted and ready.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Tell me more' }] }] },
                { components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::b'] } }, { type: 'BODY', text: 'Hand-made clay pots in three sizes.' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Tell me more' }] }] },
              ],
            },
          ],
        },
      },
    ],
    invalid: [
      {
        title: 'One card only',
        template: {
          category: 'MARKETING',
          components: [
            { type: 'BODY', text: 'Take a look at this week\'s pick.' },
            { type: 'CAROUSEL', cards: [{ components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } }, { type: 'BODY', text: 'Rare succulents.' }] }] },
          ],
        },
        errors: ['tooFew'], spans: ["[\n        {\n          \"components\": [\n            {\n              \"type\": \"HEADER\",\n              \"format\": \"IMAGE\",\n              \"example\": {\n                \"header_handle\": [\n                  \"4::a\"\n                ]\n              }\n            },\n            {\n              \"type\": \"BODY\",\n              \"text\": \"Rare succulents.\"\n            }\n          ]\n        }\n      ]"],
      },
      {
        title: 'Long card body, three buttons, different layout',
        template: {
          category: 'MARKETING',
          components: [
            { type: 'BODY', text: 'Take a look at this week\'s picks.' },
            {
              type: 'CAROUSEL',
              cards: [
                { components: [{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::a'] } }, { type: 'BODY', text: `${'Rare succulents. '.repeat(9)}Buy it now` }] },
                {
                  components: [
                    { type: 'HEADER', format: 'VIDEO', example: { header_handle: ['4::b'] } },
                    { type: 'BODY', text: 'Clay pots.' },
                    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'A' }, { type: 'QUICK_REPLY', text: 'B' }, { type: 'QUICK_REPLY', text: 'C' }] },
                  ],
                },
              ],
            },
          ],
        },
        errors: ['cardBody', 'layout', 'cardButtons'], spans: ["now","{\n          \"components\": [\n            {\n              \"type\": \"HEADER\",\n              \"format\": \"VIDEO\",\n              \"example\": {\n                \"header_handle\": [\n                  \"4::b\"\n                ]\n              }\n            },\n            {\n              \"type\": \"BODY\",\n              \"text\": \"Clay pots.\"\n            },\n            {\n              \"type\": \"BUTTONS\",\n              \"buttons\": [\n                {\n                  \"type\": \"QUICK_REPLY\",\n                  \"text\": \"A\"\n                },\n                {\n                  \"type\": \"QUICK_REPLY\",\n                  \"text\": \"B\"\n                },\n                {\n                  \"type\": \"QUICK_REPLY\",\n                  \"text\": \"C\"\n                }\n              ]\n            }\n          ]\n        }","{\n                  \"type\": \"QUICK_REPLY\",\n                  \"text\": \"C\"\n                }"],
      },
    ],
  },
});
