import { describe, expect, it } from 'vitest';
import { contentEditableModel, domPosition, offsetOfPoint, rangeForOffsets } from '../src/dom/editables';
import { splitCounter } from '../src/dom/labels';
import { languageCodeFromLabel } from '../src/dom/languages';
import { discover, readFields } from '../src/dom/locate';
import { builtinSites } from '../src/sites/whatsapp-manager';

function page(html: string, lang = 'en') {
  document.documentElement.lang = lang;
  document.body.innerHTML = html;
  return discover(document, { sites: builtinSites });
}
const ids = (d: ReturnType<typeof discover>) => d.fields.map((f) => f.id).sort();

describe('field discovery', () => {
  it('English: <label for>, aria-labelledby, placeholders and counters', () => {
    const d = page(`
      <label><input type="radio" name="c" checked> Marketing</label><label><input type="radio" name="c"> Utility</label>
      <label for="n">Name</label><input id="n" value="Order Update">
      <span id="bl">Body</span><textarea aria-labelledby="bl">Hi {{1}}</textarea>
      <div><div>Footer</div><div><input placeholder="Enter text"></div><div>0/60</div></div>
      <h3>Buttons</h3><div><div><label for="t">Button text</label><input id="t"></div><div><label for="u">Website URL</label><input id="u"></div></div>
      <div>Samples for body content</div><input placeholder="Enter content for {{1}}" value="Maria">`);
    expect(ids(d)).toEqual(['body', 'bodyExamples.0', 'buttons.0.text', 'buttons.0.url', 'footer', 'name']);
    expect(d.category).toBe('MARKETING');
    const { fields } = readFields(d);
    expect(fields.body).toBe('Hi {{1}}');
    expect(fields.bodyExamples).toEqual(['Maria']);
    expect(fields.buttons).toEqual([{ type: 'URL', text: '', url: '' }]);
    expect(fields.parameterFormat).toBe('positional');
  });

  it('Italian: aria-label, headings, a Lexical-style contenteditable and a role=radio card', () => {
    const d = page(
      `<div role="radio" aria-checked="false">Marketing</div><div role="radio" aria-checked="true">Utilità</div>
      <input aria-label="Nome del modello">
      <section><h4>Intestazione</h4><div><input></div></section>
      <section><h4>Corpo</h4><div><div contenteditable="true" data-lexical-editor="true"><p><span>Ciao</span></p><p><br></p><p><span>a presto</span></p></div></div></section>
      <section><h4>Piè di pagina</h4><div><input></div></section>`,
      'it',
    );
    expect(ids(d)).toEqual(['body', 'footer', 'header', 'name']);
    expect(d.category).toBe('UTILITY');
    expect(readFields(d).fields.body).toBe('Ciao\n\na presto');
  });

  it('Spanish: text before the field, two buttons in rows, a phone number', () => {
    const d = page(
      `<div>Nombre</div><input>
      <div>Cuerpo</div><textarea></textarea>
      <h3>Botones</h3>
      <div class="r"><div>Texto del botón</div><input><div>URL del sitio web</div><input></div>
      <div class="r"><div>Texto del botón</div><input><div>Número de teléfono</div><input></div>
      <div>Idioma</div><select><option>Español (MEX)</option></select>`,
      'es',
    );
    expect(ids(d)).toEqual(['body', 'buttons.0.text', 'buttons.0.url', 'buttons.1.phoneNumber', 'buttons.1.text', 'name']);
    expect(d.buttons.map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER']);
    expect(d.language).toBe('es_MX');
  });

  it('Portuguese: placeholders only, header samples told apart from body samples', () => {
    const d = page(
      `<input placeholder="Nome do modelo">
      <input placeholder="Cabeçalho">
      <textarea placeholder="Corpo da mensagem"></textarea>
      <div><h4>Exemplos do cabeçalho</h4><input placeholder="Insira o conteúdo de {{1}}"></div>
      <div><h4>Exemplos do corpo</h4><input placeholder="Insira o conteúdo de {{2}}"><input placeholder="Insira o conteúdo de {{1}}"></div>`,
      'pt',
    );
    expect(ids(d)).toEqual(['body', 'bodyExamples.0', 'bodyExamples.1', 'header', 'headerExamples.0', 'name']);
    // Samples are ordered by their variable number, not by DOM order.
    const ex = d.fields.filter((f) => f.id.startsWith('bodyExamples')).map((f) => f.el.getAttribute('placeholder'));
    expect(ex).toEqual(['Insira o conteúdo de {{1}}', 'Insira o conteúdo de {{2}}']);
  });

  it('Russian, German and French labels', () => {
    expect(ids(page(`<label>Название шаблона <input></label><label>Текст <textarea></textarea></label><label>Нижний колонтитул <input></label>`, 'ru'))).toEqual(['body', 'footer', 'name']);
    expect(ids(page(`<label>Vorlagenname <input></label><label>Textkörper <textarea></textarea></label><label>Fußzeile <input></label>`, 'de'))).toEqual(['body', 'footer', 'name']);
    expect(ids(page(`<label>Nom du modèle <input></label><label>Corps du message <textarea></textarea></label><label>Pied de page <input></label>`, 'fr'))).toEqual(['body', 'footer', 'name']);
  });

  it('falls back to length limits when labels are unknown, and ignores class names', () => {
    const d = page(`<div class="body x1n2onr6"><textarea maxlength="1024"></textarea></div><input class="footer">`);
    expect(ids(d)).toEqual(['body']);
  });

  it('named samples keep their variable names', () => {
    const d = page(`<div>Body</div><textarea>Hi {{first_name}}</textarea><input placeholder="Sample for {{first_name}}" value="Ana">`);
    const { fields } = readFields(d);
    expect(fields.bodyExamples).toEqual({ first_name: 'Ana' });
    expect(fields.parameterFormat).toBe('named');
  });

  it('an empty optional header is no header unless the type picker says Text', () => {
    const card = (picker: string, value = '') =>
      `${picker}<div><div>Header <span>· Optional</span></div><div><input placeholder="Enter text in English (US)" value="${value}"></div><div>0/60</div>
      <div>Body</div><textarea>Hi</textarea></div>`;
    // No picker on the page: the user has not chosen a header.
    let d = page(card(''));
    expect(ids(d)).toContain('header');
    expect(d.headerType).toBeUndefined();
    expect('header' in readFields(d).fields).toBe(false);
    // A select next to the header heading, set to Text: the header really is empty.
    const select = (v: string) => `<div><div id="ht">Header type</div><select aria-labelledby="ht"><option>None</option><option ${v === 'Text' ? 'selected' : ''}>Text</option><option ${v === 'Media' ? 'selected' : ''}>Media</option></select></div>`;
    d = page(card(select('Text')));
    expect(d.headerType).toBe('TEXT');
    expect(readFields(d).fields.header).toBe('');
    d = page(card(select('None')));
    expect(d.headerType).toBe('NONE');
    expect('header' in readFields(d).fields).toBe(false);
    // Whatever the picker says, a header with text is linted.
    d = page(card(select('None'), 'Hello'));
    expect(readFields(d).fields.header).toBe('Hello');
  });

  it('header type from an Italian radio group', () => {
    const d = page(
      `<section><h4>Intestazione</h4>
        <div role="radiogroup" aria-label="Tipo di intestazione"><div role="radio" aria-checked="false">Nessuna</div><div role="radio" aria-checked="true">Testo</div><div role="radio" aria-checked="false">Contenuti multimediali</div></div>
        <div><input></div></section>
      <section><h4>Corpo</h4><textarea>Ciao</textarea></section>`,
      'it',
    );
    expect(d.headerType).toBe('TEXT');
    expect(readFields(d).fields.header).toBe('');
  });

  it('a forced field (context menu) becomes the body', () => {
    document.body.innerHTML = `<textarea id="x"></textarea>`;
    const d = discover(document, { sites: builtinSites, forcedBody: document.getElementById('x') });
    expect(ids(d)).toEqual(['body']);
  });
});

// Structures the real editor is known or likely to use (docs/real-editor-notes.md): generated class
// names, titles as sibling divs with help sentences under them, counters, a Lexical body, a
// "Variable samples" section with "Body"/"Header" sub-headings, a preview repeating the text.
describe('real editor structures', () => {
  const lexicalBody = (attrs = '', text = 'Hi {{1}}, your order {{2}} is ready.') =>
    `<div class="x1n2onr6"><div class="x78zum5" role="toolbar"><div role="button" aria-label="Bold"></div><div role="button">+ Add variable</div></div>
      <div class="xzsf02u" contenteditable="true" role="textbox" aria-multiline="true" spellcheck="true" data-lexical-editor="true" ${attrs}><p dir="ltr"><span data-lexical-text="true">${text}</span></p></div>
      <div aria-hidden="true" class="x1cy8zhl">Enter text in English (US)</div></div>`;

  it('a help sentence between the title and the box does not outvote the title', () => {
    // The sentence mentions "language"; the first-match locator took the body for a language field.
    const d = page(`
      <div class="x9f619"><div class="x1heor9g">Body</div><div class="x1lliihq">Enter the text for your message in the language you've selected.</div>
      ${lexicalBody()}<div class="xi81zsa">36/1024</div></div>`);
    expect(ids(d)).toEqual(['body']);
    expect(d.fields[0]!.editable).toBe('contenteditable');
    expect(readFields(d).fields.body).toBe('Hi {{1}}, your order {{2}} is ready.');
  });

  it('"Variable samples" > "Body" boxes are samples, even when labelled by the "Body" sub-heading', () => {
    const d = page(`
      <div><div>Body</div>${lexicalBody()}<div>36/1024</div></div>
      <div role="group" aria-labelledby="vs"><div id="vs" role="heading" aria-level="3">Variable samples</div>
        <div>Include samples of all variables in your message to help Meta review your template.</div>
        <div id="sb">Body</div>
        <div><span>{{1}}</span><input aria-labelledby="sb" placeholder="Enter content for {{1}}" value="Maria"></div>
        <div><span>{{2}}</span><input aria-labelledby="sb" placeholder="Enter content for {{2}}" value="A-1042"></div>
      </div>`);
    expect(ids(d)).toEqual(['body', 'bodyExamples.0', 'bodyExamples.1']);
    expect(d.fields.find((f) => f.id === 'body')!.el.getAttribute('role')).toBe('textbox');
    expect(readFields(d).fields.bodyExamples).toEqual(['Maria', 'A-1042']);
  });

  it('a sample box without a variable in its label loses the body contest and stays a sample', () => {
    // The sample box comes first in the document and names "Body" just as the real one does.
    const d = page(`
      <div role="group" aria-label="Variable samples"><div>Body</div><input value="Maria"></div>
      <div><div>Body</div>${lexicalBody()}<div>0/1024</div></div>`);
    expect(ids(d)).toEqual(['body', 'bodyExamples.0']);
    expect(d.fields.find((f) => f.id === 'body')!.editable).toBe('contenteditable');
  });

  it('the preview pane is never a field and never labels one, wherever it sits in the document', () => {
    // Preview first in DOM order (laid out on the right with CSS), repeating the text, with a
    // read-only Lexical copy of the body and a disabled button; then the form.
    const d = page(`
      <div class="x6s0dn4" style="display:flex;flex-direction:row-reverse">
        <div class="x1iyjqo2"><div class="x1xmf6yo">Preview</div>
          <div contenteditable="false" role="textbox" aria-readonly="true" data-lexical-editor="true"><p><span>Visit our website {{1}}</span></p></div>
          <div>Visit website</div><input disabled value="Shop now">
        </div>
        <div class="x1n2onr6">
          <div><input placeholder="Name your template"><div>0/512</div></div>
          <div><div>Body</div>${lexicalBody('', 'Visit our website {{1}}')}</div>
        </div>
      </div>`);
    expect(ids(d)).toEqual(['body', 'name']);
    const body = d.fields.find((f) => f.id === 'body')!.el;
    expect(body.getAttribute('contenteditable')).toBe('true');
  });

  it('an editor in a modal dialog: the template list behind it (and its search box) is ignored', () => {
    const d = page(`
      <div aria-hidden="true"><div>Message templates</div><input placeholder="Search template name or content"><div>Name</div><input value="old_template"></div>
      <div role="dialog" aria-modal="true" aria-label="Create template">
        <div>Name</div><input value="order_update"><div>0/512</div>
        <div>Body</div>${lexicalBody()}
      </div>`);
    expect(ids(d)).toEqual(['body', 'name']);
    expect(readFields(d).fields.name).toBe('order_update');
  });

  it('a search box is not the name even without a modal', () => {
    const d = page(`<input type="text" placeholder="Search template name"><div>Name your template</div><input value="promo"><div>Body</div><textarea>Hi</textarea>`);
    expect(readFields(d).fields.name).toBe('promo');
  });

  it('button rows added from "+ Add button": website, phone, offer code, and a dynamic URL sample', () => {
    const row = (inner: string) => `<div class="x1e56ztr">${inner}</div>`;
    const d = page(`
      <div><div>Body</div>${lexicalBody()}</div>
      <div><div>Buttons <span>· Optional</span></div>
        <div>Create buttons that let customers respond to your message or take action.</div>
        ${row(`<div><div>Type of action</div><div role="combobox" aria-haspopup="listbox">Visit website</div></div>
          <div><div>Button text</div><input value="Track order"><span>11/25</span></div>
          <div><div>URL type</div><div role="combobox" aria-haspopup="listbox">Dynamic</div></div>
          <div><div>Website URL</div><input value="https://shop.example.com/track/{{1}}"><span>37/2000</span></div>`)}
        ${row(`<div><div>Type of action</div><div role="combobox" aria-haspopup="listbox">Call phone number</div></div>
          <div><div>Button text</div><input value="Call us"></div>
          <div><div>Country</div><div role="combobox" aria-haspopup="listbox">US +1</div></div>
          <div><div>Phone number</div><input value="2025550123"><span>10/20</span></div>`)}
        ${row(`<div><div>Type of action</div><div role="combobox" aria-haspopup="listbox">Copy offer code</div></div>
          <div><div>Offer code</div><input value="SUMMER15"><span>8/15</span></div>`)}
        <div role="button" aria-haspopup="menu" aria-expanded="false">+ Add button</div>
      </div>
      <div role="group" aria-label="Variable samples">
        <div>Body</div><input placeholder="Enter content for {{1}}" value="Ana"><input placeholder="Enter content for {{2}}" value="A-1">
        <div>Website URL</div><input placeholder="Enter full URL for https://shop.example.com/track/{{1}}" value="https://shop.example.com/track/A-1">
      </div>`);
    expect(d.buttons.map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER', 'COPY_CODE']);
    const { fields } = readFields(d);
    expect(fields.buttons).toEqual([
      { type: 'URL', text: 'Track order', url: 'https://shop.example.com/track/{{1}}', example: 'https://shop.example.com/track/A-1' },
      { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '2025550123' },
      { type: 'COPY_CODE', example: 'SUMMER15' },
    ]);
    expect(fields.bodyExamples).toEqual(['Ana', 'A-1']);
  });

  it('a menu or picker rendered in a portal never lends fields or a language', () => {
    const d = page(`
      <div><div id="ll">Language</div><div role="combobox" aria-haspopup="listbox" aria-labelledby="ll" aria-expanded="true">English (US)</div></div>
      <div><div>Body</div><textarea>Hi</textarea></div>
      <div role="listbox"><input placeholder="Search languages" value="Ital"><div role="option">Italian</div></div>
      <div role="menu"><div role="menuitem">Visit website</div><input placeholder="Button text"></div>`);
    expect(ids(d)).toEqual(['body']);
    expect(d.language).toBe('en_US');
  });

  it('counters: below, inside the box, in the title line, or named by aria-describedby', () => {
    // No words at all: the limits alone tell body (1024) from name (512).
    let d = page(`<div><input><span>0/512</span></div><div><textarea></textarea><div class="x1">0/1,024</div></div>`);
    expect(ids(d)).toEqual(['body', 'name']);
    d = page(`<div><div><input></div><div>0/512</div></div><div><div><textarea></textarea></div><div>0/1.024</div></div>`);
    expect(ids(d)).toEqual(['body', 'name']);
    d = page(`<div><div><span>Body</span><span>0/1024</span></div><div><textarea></textarea></div></div>`);
    expect(ids(d)).toEqual(['body']);
    d = page(`<div><textarea aria-describedby="c1"></textarea><div id="c1">0/1024</div></div>`);
    expect(ids(d)).toEqual(['body']);
  });

  it("a counter above a box is the previous box's, and another section's heading does not name a box", () => {
    const d = page(`
      <section><h4>Header</h4><input value="Big news"><div>8/60</div></section>
      <section><div>0/1024</div><input value="Thanks"><div>6/60</div></section>`);
    // The second box has no title: it must not steal the header.
    expect(readFields(d).fields.header).toBe('Big news');
    expect(ids(d)).toEqual(['header']);
  });

  it('an accordion title (a button with aria-expanded) still names its section', () => {
    const d = page(`<div><h3><div role="button" aria-expanded="true">Footer</div></h3><div><input value="Reply STOP to opt out"></div></div>`);
    expect(ids(d)).toEqual(['footer']);
  });

  it('category from a radio card whose title and description are separate blocks', () => {
    const card = (name: string, desc: string, on: boolean) => `<div role="radio" aria-checked="${on}"><div>${name}</div><div>${desc}</div></div>`;
    const d = page(`<div role="radiogroup" aria-label="Category">${card('Marketing', 'Send promotions or information about your products.', false)}${card('Utility', 'Send messages about an existing order or account.', true)}</div>
      <div>Body</div><textarea>Your order has shipped.</textarea>`);
    expect(d.category).toBe('UTILITY');
  });

  it('Dutch section names', () => {
    const d = page(`<div>Naam</div><input><div>Koptekst</div><input><div>Hoofdtekst</div><textarea></textarea><div>Voettekst</div><input>`, 'nl');
    expect(ids(d)).toEqual(['body', 'footer', 'header', 'name']);
  });
});

describe('character counters', () => {
  it.each([
    ['0/60', '', 60],
    ['Body 0/1024', 'Body', 1024],
    ['0 / 1,024', '', 1024],
    ['12/1.024', '', 1024],
    ['0/1\u00a0024', '', 1024],
    ['\u0660/\u0666\u0660', '', 60],
    ['Header · Optional 3/60', 'Header · Optional', 60],
    ['Hi {{1}}', 'Hi {{1}}', undefined],
    ['Buy 1/2 price 10', 'Buy 1/2 price 10', undefined],
    ['12345678/9', '12345678/9', undefined],
  ])('%s', (text, label, limit) => {
    expect(splitCounter(text)).toEqual({ label, limit });
  });
});

describe('contenteditable text model', () => {
  it('maps offsets across paragraphs, spans and <br>', () => {
    document.body.innerHTML = `<div id="e" contenteditable="true"><p><span>Hello </span><b>world</b></p><p><br></p><p>line<br>two</p></div>`;
    const root = document.getElementById('e')!;
    const m = contentEditableModel(root);
    expect(m.text).toBe('Hello world\n\nline\ntwo');
    const r = rangeForOffsets(m, 6, 11)!;
    expect(r.toString()).toBe('world');
    expect(rangeForOffsets(m, 13, 21)!.toString()).toBe('linetwo');
    const p = domPosition(m, 18, false)!;
    expect(p.node.data).toBe('two');
    expect(offsetOfPoint(m, p.node, 1)).toBe(19);
  });

  it('Draft.js blocks: an empty line is one newline, and the body is found through its placeholder', () => {
    const block = (k: string, t: string) =>
      `<div data-block="true" data-offset-key="${k}-0-0"><div data-offset-key="${k}-0-0"><span data-offset-key="${k}-0-0">${t ? `<span data-text="true">${t}</span>` : '<br data-text="true">'}</span></div></div>`;
    const d = page(`<div><div>Body</div><div><div><div id="ph">Enter text in English (US)</div></div>
      <div><div aria-describedby="ph" contenteditable="true" role="textbox" spellcheck="false"><div data-contents="true">${block('a', 'Hi {{1}}')}${block('b', '')}${block('c', 'Bye')}</div></div></div></div>
      <div>12/1024</div></div>`);
    expect(ids(d)).toEqual(['body']);
    const m = contentEditableModel(d.fields[0]!.el);
    expect(m.text).toBe('Hi {{1}}\n\nBye');
    expect(rangeForOffsets(m, 10, 13)!.toString()).toBe('Bye');
  });

  it('Draft.js repeats an example placeholder as the aria-label: the body stays the body', () => {
    const d = page(`<div><div>Body</div><div><div id="ph">Hello {{1}}, your order {{2}} has shipped.</div></div>
      <div><div aria-label="Hello {{1}}, your order {{2}} has shipped." aria-describedby="ph" contenteditable="true" role="textbox"><div data-contents="true"><div data-block="true"><div><span><br data-text="true"></span></div></div></div></div></div>
      <div>Samples for body content</div><input placeholder="Enter content for {{1}}"></div>`);
    expect(ids(d)).toEqual(['body', 'bodyExamples.0']);
    expect(d.fields.find((f) => f.id === 'body')!.editable).toBe('contenteditable');
  });

  it('a line break inside a paragraph counts, the one that ends it does not', () => {
    document.body.innerHTML = `<div id="e" contenteditable="true"><p><span>a</span><br><span>b</span></p><p><span>c</span><br><br></p></div>`;
    expect(contentEditableModel(document.getElementById('e')!).text).toBe('a\nb\nc\n');
  });

  it('plain contenteditable with text and divs', () => {
    document.body.innerHTML = `<div id="e" contenteditable="true">first<div>second</div><div><br></div></div>`;
    expect(contentEditableModel(document.getElementById('e')!).text).toBe('first\nsecond\n');
  });
});

describe('language picker labels', () => {
  it.each([
    ['English (US)', 'en_US'],
    ['Portuguese (BR)', 'pt_BR'],
    ['Italiano', 'it'],
    ['Español (MEX)', 'es_MX'],
    ['English (UK)', 'en_GB'],
    ['pt-br', 'pt_BR'],
    ['Русский', 'ru'],
    ['Deutsch', 'de'],
    ['Not a language', undefined],
  ])('%s -> %s', (label, code) => {
    expect(languageCodeFromLabel(label)).toBe(code);
  });
});
