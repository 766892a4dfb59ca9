import { describe, expect, it } from 'vitest';
import { plainText } from '../src/preview/format.js';
import { examplesFor, substitute, toPreviewModel } from '../src/preview/model.js';

const template = {
  name: 'order_update',
  language: 'en_US',
  category: 'utility',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
    { type: 'BODY', text: 'Hi {{1}}, your order *{{2}}* ships _today_.', example: { body_text: [['Ana', 'A-77']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}', example: ['https://shop.example/t/A-77'] },
        { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550100' },
        { type: 'QUICK_REPLY', text: 'Stop promotions' },
      ],
    },
  ],
};

describe('toPreviewModel', () => {
  it('builds header, body with examples, footer and buttons', () => {
    const m = toPreviewModel(template)!;
    expect(m.name).toBe('order_update');
    expect(m.category).toBe('UTILITY');
    expect(plainText(m.header!)).toBe('Order #1234');
    expect(plainText(m.body)).toBe('Hi Ana, your order A-77 ships today.');
    expect(m.body.map((n) => n.type)).toEqual(['text', 'variable', 'text', 'bold', 'text', 'italic', 'text']);
    expect(m.footer).toBe('Reply STOP to opt out');
    expect(m.buttons).toEqual([
      { type: 'URL', text: 'Track', detail: 'https://shop.example/t/A-77' },
      { type: 'PHONE_NUMBER', text: 'Call us', detail: '+15550100' },
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
    ]);
  });

  it('uses named examples', () => {
    const m = toPreviewModel({
      name: 'n',
      parameter_format: 'named',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}!', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Li' }] } }],
    })!;
    expect(plainText(m.body)).toBe('Hi Li!');
  });

  it('keeps variables without examples visible and flagged', () => {
    const m = toPreviewModel({ name: 'n', components: [{ type: 'BODY', text: 'Code {{1}} for {{2}}', example: { body_text: [['123']] } }] })!;
    expect(plainText(m.body)).toBe('Code 123 for {{2}}');
    expect(m.body.at(-1)).toEqual({ type: 'variable', text: '{{2}}', variable: '{{2}}', missing: true });
  });

  it('shows media headers and carousel cards', () => {
    const m = toPreviewModel({
      name: 'c',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['h'] } },
        { type: 'BODY', text: 'Look' },
        { type: 'CAROUSEL', cards: [{ components: [{ type: 'HEADER', format: 'VIDEO' }, { type: 'BODY', text: 'Card *one*' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'More' }] }] }] },
      ],
    })!;
    expect(m.media).toBe('IMAGE');
    expect(m.header).toBeUndefined();
    expect(m.cards).toHaveLength(1);
    expect(m.cards[0]!.media).toBe('VIDEO');
    expect(plainText(m.cards[0]!.body)).toBe('Card one');
    expect(m.cards[0]!.buttons[0]!.text).toBe('More');
  });

  it('survives half-typed templates', () => {
    expect(toPreviewModel(null)).toBeUndefined();
    expect(toPreviewModel([1, 2])).toBeUndefined();
    const m = toPreviewModel({ components: [null, 3, { type: 'BODY', text: 42 }, { type: 'BUTTONS', buttons: 'x' }, { type: 'HEADER', text: ['x'] }] })!;
    expect(m.name).toBe('(unnamed template)');
    expect(plainText(m.body)).toBe('42');
    expect(m.buttons).toEqual([]);
    expect(m.header).toBeUndefined();
  });
});

describe('examples and substitution', () => {
  it('reads positional examples, nested or flat', () => {
    expect([...examplesFor({ body_text: [['a', 'b']] }, 'body')]).toEqual([['1', 'a'], ['2', 'b']]);
    expect([...examplesFor({ body_text: ['a'] }, 'body')]).toEqual([['1', 'a']]);
    expect([...examplesFor({ header_text: ['h'] }, 'header')]).toEqual([['1', 'h']]);
    expect(examplesFor('nope', 'body').size).toBe(0);
  });

  it('splits text into literal and variable segments', () => {
    expect(substitute('{{1}}-{{ 2 }}-{{x}}', new Map([['1', 'A'], ['2', 'B']]))).toEqual([
      { text: 'A', variable: '{{1}}' },
      { text: '-' },
      { text: 'B', variable: '{{ 2 }}' },
      { text: '-' },
      { text: '{{x}}', variable: '{{x}}', missing: true },
    ]);
  });
});
