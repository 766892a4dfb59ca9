import { describe, expect, it } from 'vitest';
import { formatSegments, formatText, plainText, renderNodes, type DomElement, type DomFactory, type FormatNode } from '../src/preview/format.js';

/** A tiny DOM stand-in that serialises to HTML-like text, escaping text nodes like a browser would. */
class FakeText {
  constructor(readonly text: string) {}
  toString() {
    return this.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
}
class FakeElement implements DomElement {
  className = '';
  title = '';
  children: (FakeElement | FakeText)[] = [];
  constructor(readonly tag: string) {}
  appendChild(child: never) {
    this.children.push(child);
    return child;
  }
  toString(): string {
    const attrs = (this.className ? ` class="${this.className}"` : '') + (this.title ? ` title="${this.title}"` : '');
    return this.tag === 'br' ? '<br>' : `<${this.tag}${attrs}>${this.children.join('')}</${this.tag}>`;
  }
}
const doc: DomFactory<FakeElement> = { createElement: (tag) => new FakeElement(tag), createTextNode: (t) => new FakeText(t) };

function html(nodes: FormatNode[]): string {
  const root = new FakeElement('div');
  renderNodes(doc, root, nodes);
  return root.children.join('');
}
const render = (text: string) => html(formatText(text));

describe('WhatsApp formatting', () => {
  it('renders bold, italic, strikethrough and monospace', () => {
    expect(render('Hi *there*, _really_ ~old~ ```code```')).toBe('Hi <strong>there</strong>, <em>really</em> <s>old</s> <code>code</code>');
  });

  it('nests different styles', () => {
    expect(render('*bold _and italic_*')).toBe('<strong>bold <em>and italic</em></strong>');
    expect(render('_*both*_')).toBe('<em><strong>both</strong></em>');
  });

  it('needs markers to hug a word', () => {
    expect(render('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(render('* not bold*')).toBe('* not bold*');
    expect(render('*not bold *')).toBe('*not bold *');
    expect(render('snake_case_name')).toBe('snake_case_name');
    expect(render('a*b*c')).toBe('a*b*c');
    expect(render('**')).toBe('**');
  });

  it('accepts punctuation around markers', () => {
    expect(render('(*bold*), "_it_"!')).toBe('(<strong>bold</strong>), "<em>it</em>"!');
  });

  it('does not cross line breaks, except monospace', () => {
    expect(render('*one\ntwo*')).toBe('*one<br>two*');
    expect(render('```a\n*b*```')).toBe('<code>a<br>*b*</code>');
  });

  it('leaves unmatched markers literal', () => {
    expect(render('*open only')).toBe('*open only');
    expect(render('```unclosed *b*')).toBe('```unclosed <strong>b</strong>');
  });

  it('keeps template text as text, never markup', () => {
    expect(render('<img src=x onerror=alert(1)> *<b>*')).toBe('&lt;img src=x onerror=alert(1)&gt; <strong>&lt;b&gt;</strong>');
  });

  it('renders line breaks as <br>', () => {
    expect(render('a\n\nb')).toBe('a<br><br>b');
  });

  it('marks variable values, which never form markers themselves', () => {
    const nodes = formatSegments([{ text: 'Hi *' }, { text: 'Ana*', variable: '{{1}}' }, { text: '*, code ' }, { text: '{{2}}', variable: '{{2}}', missing: true }]);
    expect(html(nodes)).toBe(
      'Hi <strong><span class="var" title="Example value for {{1}}">Ana*</span></strong>, code <span class="var missing" title="{{2}} has no example value">{{2}}</span>',
    );
    expect(plainText(nodes)).toBe('Hi Ana*, code {{2}}');
  });

  it('drops characters that collide with variable slots', () => {
    expect(plainText(formatText('a\u{F0000}b'))).toBe('ab');
  });

  it('keeps every character on adversarial marker runs', () => {
    // A backtracking formatter would run into the test timeout here.
    const text = '*a _b ~c '.repeat(20000);
    expect(plainText(formatText(text))).toBe(text);
  });
});
